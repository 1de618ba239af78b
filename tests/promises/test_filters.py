"""Finding things on the public lists: Swedish parameter names (the English ones redirect), the
municipality filter, search that folds å/ä/ö and case, and filter labels that read alike."""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from activities.models import Responsible
from municipalities.models import County
from promises.filters import LEGACY_PARAMETERS
from promises.models import Theme
from tests import factories

LISTS = ["/loften/", "/aktiviteter/"]


def in_force(municipality_slug: str, title: str, *, description: str = "", area_name: str = ""):
    """A signed period in force today, with one promise and one activity called `title`."""
    today = timezone.localdate()
    period = factories.period(
        municipality_slug,
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
        area_name=area_name,
    )
    promise = factories.promise(period, title=title, description=description)
    promise.themes.set(Theme.objects.filter(slug="trafik"))
    activity = factories.activity(period, title, description=description or title)
    activity.promises.add(promise)
    return period


def listed(response) -> list[str]:
    if "promises" in response.context:
        return sorted(promise.title for promise in response.context["promises"])
    return sorted(activity.title for activity, _progress in response.context["activities"])


@pytest.fixture
def three_places(db):
    in_force("tranas", "Tryggare centrum i Tranås")
    in_force("malmo", "Trygghet vid Möllevångstorget", area_name="Södra innerstaden")
    in_force("kungalv", "Säkrare trafik", description="Kontroller på Västra gatan i Kungälv.")


# --- search folds å, ä, ö and case ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("tranas", ["Tryggare centrum i Tranås"]),  # municipality name and title
        ("TRANÅS", ["Tryggare centrum i Tranås"]),
        ("MALMO", ["Trygghet vid Möllevångstorget"]),  # municipality name
        ("mollevangstorget", ["Trygghet vid Möllevångstorget"]),  # title
        ("sodra innerstaden", ["Trygghet vid Möllevångstorget"]),  # area name
        ("vastra gatan", ["Säkrare trafik"]),  # description
        ("sakrare", ["Säkrare trafik"]),
        ("trygg", ["Tryggare centrum i Tranås", "Trygghet vid Möllevångstorget"]),
        ("skane", []),  # a county is a filter of its own, not a word in these texts
    ],
)
def test_search_folds_diacritics_and_case(client, three_places, url, q, expected):
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    assert listed(response) == expected


# --- the municipality filter ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_municipality_filter_lists_only_that_municipality(client, three_places, url):
    response = client.get(url, {"kommun": "malmo"})
    assert listed(response) == ["Trygghet vid Möllevångstorget"]
    # Chosen in the form on the result page.
    html = response.content.decode()
    assert re.search(r'<option value="malmo" selected>Malmö</option>', html)
    # The heading names it (a filtered list kept "Alla aktiviteter").
    kind = "Aktiviteter" if "aktiviteter" in url else "Löften"
    assert f"<h1>{kind} i Malmö</h1>" in html and f"<title>{kind} i Malmö" in html
    assert "<h1>Alla " in client.get(url).content.decode()
    assert "<h1>Alla " in client.get(url, {"kommun": "atlantis"}).content.decode()
    # A county too; the narrower place wins.
    assert f"<h1>{kind} i Skåne län</h1>" in client.get(url, {"lan": "12"}).content.decode()
    both = client.get(url, {"lan": "12", "kommun": "malmo"}).content.decode()
    assert f"<h1>{kind} i Malmö</h1>" in both


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_municipality_filter_works_with_the_other_filters(client, three_places, url):
    assert listed(client.get(url, {"kommun": "malmo", "lan": "12", "q": "trygg"})) == [
        "Trygghet vid Möllevångstorget"
    ]
    assert listed(client.get(url, {"kommun": "malmo", "lan": "06"})) == []
    assert listed(client.get(url, {"kommun": "tranas", "q": "mollevang"})) == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_municipality_filter_offers_all_290_in_swedish_order(client, url):
    field = client.get(url).context["filter"].form.fields["kommun"]
    names = [label for value, label in field.choices if value]
    assert len(names) == 290
    assert names[0] == "Ale" and names[-1] == "Övertorneå"
    assert (
        names.index("Ystad") < names.index("Åmål") < names.index("Älmhult") < names.index("Öckerö")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_unknown_municipality_is_a_filter_error_not_a_crash(client, three_places, url):
    response = client.get(url, {"kommun": "atlantis"})
    assert response.status_code == 200
    assert "kommun" in response.context["filter"].errors
    assert 'href="#id_kommun"' in response.content.decode()
    assert len(listed(response)) == 3  # the invalid filter is ignored


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_municipality_filter_is_kept_by_the_page_links(client, url):
    period = in_force("malmo", "Aktivitet 00")
    for i in range(1, 30):
        title = f"Aktivitet {i:02}"
        factories.promise(period, title=title)
        factories.activity(period, title, position=i + 1)
    in_force("tranas", "Utanför")

    first = client.get(url, {"kommun": "malmo"})

    assert first.context["page_obj"].paginator.count == 30
    link = html.unescape(re.findall(r'href="(\?[^"]*)" rel="next"', first.content.decode())[0])
    assert parse_qs(urlsplit(link).query) == {"kommun": ["malmo"], "page": ["2"]}
    second = client.get(url + link)
    assert len(listed(second)) == 5 and "Utanför" not in listed(second)


# --- Swedish parameter names; the English ones redirect ---------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("county=06", "lan=06"),
        ("police_region=ost", "polisregion=ost"),
        ("theme=trafik", "tema=trafik"),
        ("year=2026", "ar=2026"),
        ("state=active", "status=active"),
        ("municipality=malmo", "kommun=malmo"),
        (
            "county=06&theme=trafik&q=tr%C3%A5n%C3%A5s&page=2",
            "lan=06&tema=trafik&q=tr%C3%A5n%C3%A5s&page=2",
        ),
    ],
)
def test_english_parameter_names_redirect_permanently_to_the_swedish(client, url, old, new):
    response = client.get(f"{url}?{old}")
    assert response.status_code == 301
    assert parse_qs(urlsplit(response.url).query) == parse_qs(new)
    assert urlsplit(response.url).path == url
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [("responsible=police", "ansvarig=police"), ("progress=behind", "framsteg=behind")],
)
def test_activity_list_redirects_its_own_english_parameters(client, old, new):
    response = client.get(f"/aktiviteter/?{old}")
    assert response.status_code == 301
    assert parse_qs(urlsplit(response.url).query) == parse_qs(new)


@pytest.mark.django_db
def test_a_swedish_name_given_as_well_wins_over_the_english(client):
    response = client.get("/loften/?county=06&lan=12")
    assert response.status_code == 301
    assert parse_qs(urlsplit(response.url).query) == {"lan": ["12"]}


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_the_forms_use_only_swedish_names(client, url):
    page = client.get(url).content.decode()
    form = page[
        page.index('class="filter-form"') : page.index("</form>", page.index("filter-form"))
    ]
    names = set(re.findall(r'name="([^"]+)"', form))
    assert names <= {
        "q",
        "lan",
        "polisregion",
        "kommun",
        "tema",
        "ar",
        "status",
        "ansvarig",
        "framsteg",
    }
    assert not names & set(LEGACY_PARAMETERS)


# --- labels and choices read alike on both lists -----------------------------------------------


def choices_and_labels(client, url) -> dict[str, tuple[str, list[str]]]:
    form = client.get(url).context["filter"].form
    return {
        name: (str(field.label), [str(label) for _value, label in getattr(field, "choices", [])])
        for name, field in form.fields.items()
    }


@pytest.mark.django_db
def test_filter_labels_are_the_same_on_both_lists_and_choices_start_with_a_capital(client):
    promises = choices_and_labels(client, "/loften/")
    activities = choices_and_labels(client, "/aktiviteter/")

    for name, (label, _choices) in promises.items():
        assert activities[name][0] == label
    assert activities["ansvarig"][0] == "Ansvarig"
    for label, choices in [*promises.values(), *activities.values()]:
        assert label[:1].isupper()
        assert all(choice[:1].isupper() or choice[:1].isdigit() for choice in choices), choices
    responsible = activities["ansvarig"][1]
    assert responsible[0] == "Alla"
    assert "Polisen" in responsible and "Kommunen" in responsible
    # A joint activity as its row names it ("Ansvarig: Polisen och kommunen").
    assert "Polisen och kommunen" in responsible and "Gemensamt" not in responsible
    assert "Ej angiven" in responsible
    assert promises["status"][1][:2] == ["Alla", "Gäller nu"]


@pytest.mark.django_db
def test_responsible_choices_filter_as_before(client):
    period = in_force("tranas", "Polisens")
    factories.activity(period, "Kommunens", responsible=Responsible.MUNICIPALITY)
    assert listed(client.get("/aktiviteter/", {"ansvarig": "municipality"})) == ["Kommunens"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_place_and_theme_choices_are_kept_until_they_change(client, settings, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PUBLIC_CACHE_SECONDS = 0  # the page itself is rendered each time
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    reference_tables = (
        "municipalities_county",
        "municipalities_policeregion",
        "municipalities_municipality",
        "promises_theme",
    )
    assert not [q for q in queries if any(f'FROM "{t}' in q["sql"] for t in reference_tables)]

    Theme.objects.create(slug="nattliv", name="nattliv")
    county = County.objects.get(code="06")
    county.name = "Jönköpings län (nytt namn)"
    county.save()

    themes = dict(choices_and_labels(client, path))["tema"][1]
    counties = dict(choices_and_labels(client, path))["lan"][1]
    assert "Nattliv" in themes
    assert "Jönköpings län (nytt namn)" in counties


# --- the year filter offers the years the published periods cover ----------------------------


@pytest.mark.django_db
def test_covered_years_run_from_the_first_start_to_the_last_end():
    from promises.models import PeriodState, PromisePeriod

    today = datetime.date(2026, 12, 5)
    periods = PromisePeriod.objects.published()
    assert periods.covered_years(today) == []
    factories.period("tranas", start=datetime.date(2019, 4, 1), end=datetime.date(2020, 3, 31))
    factories.period("malmo", start=datetime.date(2024, 1, 1), end=datetime.date(2025, 12, 31))
    # A draft reaching 2031 and a withdrawn one from 2012 are no published years.
    factories.period(
        "kungalv",
        start=datetime.date(2030, 1, 1),
        end=datetime.date(2031, 12, 31),
        state=PeriodState.DRAFT,
    )
    assert periods.covered_years(today) == [2025, 2024, 2023, 2022, 2021, 2020, 2019]
    # An open-ended period covers the years until today; one that begins later, its first.
    factories.period("vetlanda", start=datetime.date(2022, 1, 1), end=None)
    assert periods.covered_years(today)[:2] == [2026, 2025]
    factories.period("ale", start=datetime.date(2028, 1, 1), end=None)
    assert periods.covered_years(today)[:3] == [2028, 2027, 2026]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_the_year_filter_offers_no_year_only_a_draft_reaches(client, url):
    today = timezone.localdate()
    factories.period("tranas", start=datetime.date(today.year - 1, 1, 1), end=today)
    factories.period(
        "malmo",
        start=datetime.date(today.year + 2, 1, 1),
        end=datetime.date(today.year + 3, 12, 31),
        state="draft",
    )
    field = client.get(url).context["filter"].form.fields["ar"]
    assert [value for value, _label in field.choices if value] == [
        str(today.year),
        str(today.year - 1),
    ]
    # A link to a year no published period covers lists nothing, with that year chosen; one
    # that is no year a period could cover is refused as any unknown choice is. Never a 500.
    response = client.get(url, {"ar": str(today.year + 2)})
    assert response.status_code == 200
    assert not response.context["filter"].errors and listed(response) == []
    assert f'<option value="{today.year + 2}" selected>' in response.content.decode()
    for junk in ("1999", "9999999999999999999999", "２０２６", "-1", "2026\x00"):
        response = client.get(url, {"ar": junk})
        assert response.status_code == 200
        assert "ar" in response.context["filter"].errors


@pytest.mark.django_db
def test_a_period_signed_for_a_new_year_adds_it_to_the_year_filter(client, settings):
    today = timezone.localdate()
    factories.period("tranas", start=datetime.date(today.year, 1, 1), end=today)
    assert str(today.year + 1) not in dict(
        client.get("/loften/").context["filter"].form.fields["ar"].choices
    )
    period = factories.period(
        "malmo",
        start=datetime.date(today.year + 1, 1, 1),
        end=datetime.date(today.year + 1, 12, 31),
        state="draft",
    )
    period.state, period.decision_date, period.signed_date = "signed", today, today
    period.save()
    settings.PUBLIC_CACHE_SECONDS = 0  # the list itself anew; the years follow the write
    assert str(today.year + 1) in dict(
        client.get("/loften/").context["filter"].form.fields["ar"].choices
    )


# --- page links: numbers around the current page, the first and the last ---------------------


def test_page_numbers_leave_out_the_middle_of_a_long_list():
    from django.core.paginator import Paginator

    from config.templatetags.pagination_tags import page_numbers

    paginator = Paginator(range(40 * 25), 25)
    assert page_numbers(paginator.page(1)) == [1, 2, None, 40]
    assert page_numbers(paginator.page(7)) == [1, None, 6, 7, 8, None, 40]
    assert page_numbers(paginator.page(40)) == [1, None, 39, 40]
    assert page_numbers(Paginator(range(75), 25).page(2)) == [1, 2, 3]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_numbered_page_links_keep_the_filters_and_mark_the_current_page(client, url):
    period = in_force("malmo", "Aktivitet 00")
    for i in range(1, 60):
        title = f"Aktivitet {i:02}"
        factories.promise(period, title=title)
        factories.activity(period, title, position=i + 1)

    page = client.get(url, {"kommun": "malmo", "page": "2"}).content.decode()

    nav = page[
        page.index('<nav class="pagination"') : page.index("</nav>", page.index("pagination"))
    ]
    assert "Sida 2 av 3" in nav
    links = {
        html.unescape(text): parse_qs(urlsplit(html.unescape(href)).query)
        for href, text in re.findall(r'<a href="(\?[^"]*)"[^>]*>(.*?)</a>', nav)
    }
    assert links == {
        "Föregående sida": {"kommun": ["malmo"], "page": ["1"]},
        '<span class="visually-hidden">Sida </span>1': {"kommun": ["malmo"], "page": ["1"]},
        '<span class="visually-hidden">Sida </span>3': {"kommun": ["malmo"], "page": ["3"]},
        "Nästa sida": {"kommun": ["malmo"], "page": ["3"]},
    }
    assert re.search(
        r'<span aria-current="page"[^>]*><span class="visually-hidden">Sida </span>2<', nav
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_a_search_longer_than_any_text_is_read_to_its_limit_not_refused_by_the_database(
    client, url
):
    # SQLite refuses a LIKE pattern over 50,000 bytes: the list answered 503.
    in_force("tranas", "Trafikkontroller vid skolor")
    response = client.get(url, {"q": "trafikkontroller " + "x" * 60_000})
    assert response.status_code == 200
    assert listed(response) == []


HOSTILE_QUERIES = [
    "sida=99999999999999999999999",
    "sida=-1",
    "sida=1e9",
    "sida=%00",
    "sida=1&sida=2&sida=3",
    "ar=99999999999999999999",
    "ar=2026&ar=2027",
    "ar[]=2026",
    "lan[]=x&lan[0]=y",
    "tema=%FF%FE",
    "status=active&status=closed",
    "ansvarig=police&ansvarig=%E2%80%AE",
    "framsteg=" + "x" * 5000,
    "q=" + "%E2%80%8B" * 300,
    "q=%00%01%02",
    "q=" + "a%20" * 2000,
    "kommun=../../etc/passwd",
    "county=x&lan=y",
    "&&&=&=&",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("path", ["/loften/", "/aktiviteter/", "/kommuner/"])
def test_a_public_list_answers_a_hostile_query_string_without_a_server_error(client, path, query):
    """A security probe: huge, negative or repeated page numbers and filters, PHP-style arrays,
    control and invisible characters give the page, a redirect or a 4xx, never a 500."""
    in_force("vetlanda", "Öka tryggheten i centrum")
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500
