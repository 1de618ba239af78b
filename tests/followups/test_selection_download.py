"""The public activity list's filtered selection as a file: the rows the list shows with the
same filters, in the open data's activities dataset (columns and formats)."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from followups.opendata import DATASETS_BY_SLUG
from promises.models import PeriodState, PromisePeriod
from tests import factories


def _day() -> str:
    """The day a download's name ends with: today's, its figures' day."""
    return timezone.localdate().isoformat()


TODAY = timezone.localdate()


def url(name: str) -> str:
    return reverse("followups:activity_selection", args=[name])


@pytest.fixture
def activities(db):
    start, end = TODAY - datetime.timedelta(days=200), TODAY + datetime.timedelta(days=165)
    vetlanda = factories.period("vetlanda", start=start, end=end)
    tranas = factories.period("tranas", start=start, end=end)
    behind = factories.activity(vetlanda, "Trafikkontroller i Vetlanda")
    done = factories.activity(
        vetlanda, "Fotpatruller", target=("at_least", 1, "fotpatruller", "period")
    )
    factories.log(done, TODAY, 1)
    factories.activity(tranas, "Trafikkontroller i Tranås")
    draft = factories.period("vetlanda", state=PeriodState.DRAFT, slug="utkast")
    factories.activity(draft, "Hemlig aktivitet")
    return behind, done


def test_the_selection_has_the_rows_the_list_shows(client, activities):
    behind, done = activities
    listed = client.get("/aktiviteter/", {"kommun": "vetlanda"})
    shown = sorted(activity.title for activity, _ in listed.context["activities"])
    page = listed.content.decode()
    assert f"{url('urval-excel.csv')}?kommun=vetlanda" in page

    response = client.get(url("urval.csv"), {"kommun": "vetlanda"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    name = f'filename="medborgarloften-aktiviteter-urval-kommun-vetlanda-{_day()}.csv"'
    assert name in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["title"] for row in rows) == shown == sorted([behind.title, done.title])
    assert "Hemlig" not in response.content.decode()
    excel = client.get(url("urval-excel.csv"), {"kommun": "vetlanda"})
    assert excel.content.startswith("\ufeff".encode()) and b";" in excel.content
    data = json.loads(client.get(url("urval.json"), {"kommun": "vetlanda"}).content)
    assert sorted(row["title"] for row in data) == shown


def test_a_progress_filter_selects_as_the_list_does(client, activities):
    behind, _done = activities
    listed = client.get("/aktiviteter/", {"framsteg": "behind"})
    shown = [activity.title for activity, _ in listed.context["activities"]]
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(url("urval.csv"), {"framsteg": "behind"}).content.decode())
        )
    )
    assert sorted(row["title"] for row in rows) == sorted(shown)
    assert behind.title in shown and all(row["pace_status"] == "behind" for row in rows)


@pytest.mark.parametrize(
    ("selection", "dataset", "first"),
    [
        ("activity_selection", "aktiviteter", "Aktivitetens id"),
        ("promise_selection", "loften", "Löftets id"),
    ],
)
def test_the_selections_excel_file_has_the_swedish_headings(
    client, activities, selection, dataset, first
):
    behind, _done = activities
    factories.promise(behind.period, "Öka tryggheten i Vetlanda")

    def header(name: str, delimiter: str) -> list[str]:
        response = client.get(
            reverse(f"followups:{selection}", args=[name]), {"kommun": "vetlanda"}
        )
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig")
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))

    standard, excel = header("urval.csv", ","), header("urval-excel.csv", ";")
    assert standard == DATASETS_BY_SLUG[dataset].column_names  # unchanged for programs
    assert len(excel) == len(standard)
    assert excel[:5] == [first, "Periodens id", "Period (webbadressdel)", "Kommunkod", "Kommun"]
    with translation.override("sv"):
        assert excel == DATASETS_BY_SLUG[dataset].column_headings


def test_the_files_name_says_what_was_selected(client, activities):
    # An analyst's downloads all read "urval": which region, search or status each held, the
    # name did not say. A filter the list ignores (an unknown region) is left out of it too.
    chosen = {"polisregion": "ost", "q": "Trafikkontroller", "framsteg": "behind", "lan": "99"}

    # The ignored filter is dropped by a redirect first (it would make a file of its own).
    response = client.get(url("urval-excel.csv"), chosen, follow=True)

    assert response["Content-Disposition"] == (
        'attachment; filename="medborgarloften-aktiviteter-urval-'
        f'sok-trafikkontroller-polisregion-ost-framsteg-efter-plan-excel-{_day()}.csv"'
    )


def test_a_search_of_marks_alone_names_the_file_without_an_empty_word(client, activities):
    """A search that folds to nothing (a right-to-left mark) named the file "…-sok--…"."""
    response = client.get(url("urval.csv"), {"q": "\u202e", "polisregion": "ost"}, follow=True)

    assert response.status_code == 200
    name = response["Content-Disposition"]
    assert "--" not in name and "sok-polisregion-ost" in name


def test_without_a_filter_the_kept_national_file_is_given(client, activities):
    response = client.get(url("urval.csv"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "followups:open_data_download", args=["aktiviteter", "csv"]
    )
    excel = client.get(url("urval-excel.csv"), {"page": "2"})
    assert excel["Location"] == reverse("followups:open_data_download_excel", args=["aktiviteter"])
    assert "urval" not in client.get("/aktiviteter/").content.decode()
    assert client.get("/aktiviteter/urval.pdf").status_code == 404


def test_the_promise_lists_selection_too(client, activities):
    behind, _done = activities
    promise = factories.promise(behind.period, "Öka tryggheten i Vetlanda")
    factories.promise(factories.period("tranas", slug="annan"), "Tranås löfte")
    listed = client.get("/loften/", {"kommun": "vetlanda"}).content.decode()
    link = reverse("followups:promise_selection", args=["urval.csv"])
    assert f"{link}?kommun=vetlanda" in listed

    response = client.get(link, {"kommun": "vetlanda"})

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows] == [promise.title]
    name = f'filename="medborgarloften-loften-urval-kommun-vetlanda-{_day()}.csv"'
    assert name in response["Content-Disposition"]
    assert client.get(link)["Location"] == reverse(
        "followups:open_data_download", args=["loften", "csv"]
    )


@pytest.mark.parametrize(
    ("query", "location"),
    [
        # A made-up value the list ignores: the same selection without it, or the national file.
        ({"tema": "finns-inte-1"}, "/oppna-data/aktiviteter.csv"),
        ({"kommun": "vetlanda", "framsteg": "xx"}, "/aktiviteter/urval.csv?kommun=vetlanda"),
        ({"kommun": "vetlanda", "q": "a\x00b"}, "/aktiviteter/urval.csv?kommun=vetlanda"),
        # The English names go to the Swedish ones, as the list's do.
        ({"county": "06"}, "/aktiviteter/urval.csv?lan=06"),
    ],
)
def test_a_filter_that_does_not_narrow_is_redirected_not_built(client, activities, query, location):
    """Each made-up value (`?tema=<random>`) built the whole national dataset and kept it in
    the shared cache under a key of its own: anyone could fill the cache and make the server
    build the national file on every request."""
    response = client.get(url("urval.csv"), query)
    assert response.status_code in (301, 302)
    assert response["Location"] == location


def test_a_selection_is_kept_once_whatever_page_is_asked_for_and_not_when_empty(
    client, activities, settings
):
    settings.PUBLIC_CACHE_SECONDS = 600
    first = client.get(url("urval.csv"), {"kommun": "vetlanda"})
    assert first["X-Cache"] == "miss"
    for page in ("2", "7", "99999"):
        again = client.get(url("urval.csv"), {"kommun": "vetlanda", "page": page})
        assert again["X-Cache"] == "hit" and again.content == first.content, page
    # A search that finds nothing is answered, and not kept (one key per made-up word).
    for _ in range(2):
        nothing = client.get(url("urval.csv"), {"q": "zzqqxx"})
        assert nothing.status_code == 200 and "X-Cache" not in nothing
    assert not first.cookies and first["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path", ["/aktiviteter/?lan=06", "/loften/?lan=06", "/lan/jonkopings-lan/"]
)
def test_the_download_line_says_its_columns_plainly_and_links_to_them(client, activities, path):
    """A journalist read "med öppna datas kolumner" and, following "om kolumnerna", landed on
    the top of the open data page, above its list of 290 municipalities, not on the columns."""
    factories.promise(PromisePeriod.objects.filter(municipality__slug="vetlanda").first())

    page = client.get(path).content.decode()

    assert "med samma kolumner som öppna data:" in page
    assert "öppna datas" not in page
    assert f'<a href="{reverse("followups:open_data")}#columns-heading">om kolumnerna</a>' in page
