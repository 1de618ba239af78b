"""The public lists of the promises app: municipalities by county, and all promises filtered."""

import datetime
import html
import re
from unittest import mock

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from municipalities.models import Municipality
from promises.filters import KeysFirstPaginator, ListPaginator
from promises.models import PeriodState, Promise, Theme
from tests import factories
from tests.growth import keep_reference_data

D = datetime.date


def titles(response) -> list[str]:
    return [promise.title for promise in response.context["promises"]]


def published(municipality_slug: str, title: str, **fields):
    """A signed period in force today with one promise called `title`."""
    today = timezone.localdate()
    fields.setdefault("start", today - datetime.timedelta(days=30))
    fields.setdefault("end", today + datetime.timedelta(days=300))
    themes = fields.pop("themes", ())
    description = fields.pop("description", "")
    period = factories.period(municipality_slug, **fields)
    promise = factories.promise(period, title=title, description=description)
    promise.themes.set(Theme.objects.filter(slug__in=themes))
    return promise


# --- /kommuner/ ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_municipality_list_shows_all_290_by_county_with_periods_in_force(client):
    today = timezone.localdate()
    published("vetlanda", "A")
    published("vetlanda", "B", area_name="Landsbygden")
    published("tranas", "C", start=D(2020, 1, 1), end=D(2021, 12, 31), state=PeriodState.CLOSED)
    factories.period("eksjo", state=PeriodState.DRAFT, start=today, end=today.replace(year=2100))

    response = client.get("/kommuner/")

    assert response.status_code == 200
    municipalities = response.context["municipalities"]
    assert len(municipalities) == 290
    active = {m.slug: m.active_periods for m in municipalities if m.active_periods}
    assert active == {"vetlanda": 2}  # a closed or draft period is not in force
    assert response.context["with_promise"] == 1
    page = response.content.decode()
    assert page.count('<h2 id="lan-') == 21
    assert 'href="/kommuner/vetlanda/"' in page and 'href="/kommuner/habo-uppsala/"' in page
    # Grouped by county: every municipality of a county comes together, in Swedish order.
    jonkoping = [m.name for m in municipalities if m.county.code == "06"]
    assert jonkoping == sorted(jonkoping, key=lambda n: n.replace("ä", "{").replace("ö", "|"))
    counties = [m.county.code for m in municipalities]
    assert counties == sorted(counties)


@pytest.mark.django_db
def test_municipality_list_lines_are_escaped_and_say_what_is_in_force(client):
    published("vetlanda", "A")
    Municipality.objects.filter(slug="eksjo").update(name='Eksjö <b>"&')
    page = client.get("/kommuner/").content.decode()
    assert (
        '<li><a href="/kommuner/eksjo/">Eksjö &lt;b&gt;&quot;&amp;</a> '
        '<span class="meta">inget medborgarlöfte gäller nu</span></li>'
    ) in page
    assert (
        '<li><a href="/kommuner/vetlanda/">Vetlanda</a> '
        '<span class="in-force">1 medborgarlöfte gäller nu</span></li>'
    ) in page
    assert "<b>" not in page


@pytest.mark.django_db
def test_municipality_list_sorts_a_before_a_ring_in_swedish(client):
    names = [m.name for m in client.get("/kommuner/").context["municipalities"]]
    # Skåne: Åstorp before Ängelholm before Örkelljunga, all after the letters a–z.
    skane = [n for n in names if n in ("Ystad", "Åstorp", "Ängelholm", "Örkelljunga")]
    assert skane == ["Ystad", "Åstorp", "Ängelholm", "Örkelljunga"]


@pytest.mark.django_db
def test_a_municipality_search_with_a_nul_is_an_error_and_is_not_made(client):
    """As in the other lists' search field (Django's CharField refuses NUL characters): the
    error is shown and linked, the search is ignored, and the NUL is never written back."""
    published("vetlanda", "A")

    response = client.get("/kommuner/", {"q": "\x00"})

    assert response.status_code == 200
    assert b"\x00" not in response.content
    assert response.context["search_form"].errors["q"]
    assert response.context["words"] == ""
    assert len(response.context["municipalities"]) == 290
    page = response.content.decode()
    assert 'class="error-summary"' in page
    label = "Sök efter en kommun eller ett län"
    assert f'<a href="#id_q">{label}: Null-tecken är inte tillåtna.</a>' in page
    assert "Sökningen gjordes inte: alla kommuner visas." in page
    assert (
        '<ul class="errorlist" id="id_q_error"><li>Null-tecken är inte tillåtna.</li></ul>' in page
    )
    assert 'aria-invalid="true" aria-describedby="id_q_error"' in page
    assert "Sökningen på" not in page  # no "Sökningen på ”…” gav 290 kommuner."


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["\x00", "Vetl\x00anda", "Vetlanda\x00"])
def test_a_municipality_search_with_a_nul_never_goes_to_a_municipality(client, text):
    response = client.get("/kommuner/", {"q": text})
    assert response.status_code == 200
    assert b"\x00" not in response.content and 'class="error-summary"' in response.content.decode()


@pytest.mark.django_db
def test_a_search_lists_the_names_that_begin_with_it_first(client):
    """ "Tran" listed Strängnäs (Södermanlands län) above Tranås and Tranemo."""
    response = client.get("/kommuner/", {"q": "tran"})
    names = [line.name for line in response.context["municipalities"]]
    assert set(names) >= {"Tranås", "Tranemo", "Strängnäs"}
    assert names.index("Strängnäs") > max(names.index("Tranås"), names.index("Tranemo"))
    page = response.content.decode()
    # Each county once, in the order of its lines.
    counties = [county.name for county, _items in response.context["counties"]]
    assert len(counties) == len(set(counties))
    assert counties[0] in ("Jönköpings län", "Västra Götalands län")
    assert page.index("Tranås") < page.index("Strängnäs")


@pytest.mark.django_db
def test_a_valid_municipality_search_shows_no_error(client):
    response = client.get("/kommuner/", {"q": "kung"})
    page = response.content.decode()
    assert "error-summary" not in page and "aria-invalid" not in page
    assert response.status_code == 200 and 'value="kung"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/loften/", "/aktiviteter/"])
def test_the_filter_lists_say_a_nul_is_refused_and_never_write_it_back(client, path):
    response = client.get(path, {"q": "tr\x00afik"})
    assert response.status_code == 200
    assert "q" in response.context["filter"].errors
    assert b"\x00" not in response.content
    page = response.content.decode()
    assert "Null-tecken är inte tillåtna." in page
    assert 'name="q" value="trafik"' in page  # what was typed, without the NUL


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "name"),
    [
        *(("/loften/", name) for name in ("lan", "polisregion", "kommun", "tema", "ar", "status")),
        *(("/aktiviteter/", name) for name in ("lan", "tema", "ansvarig", "framsteg")),
    ],
)
def test_a_choice_filter_refuses_a_value_without_writing_it_back(client, path, name):
    response = client.get(path, {name: "a\x00<b>"})
    assert response.status_code == 200
    assert name in response.context["filter"].errors
    assert b"\x00" not in response.content and b"&lt;b&gt;" not in response.content
    invalid = "Välj ett giltigt alternativ. Det valet finns inte bland tillgängliga alternativ."
    assert invalid in response.content.decode()


# --- /loften/ -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_promise_list_shows_only_promises_of_published_periods(client):
    published("vetlanda", "Signerat löfte")
    published("tranas", "Avslutat löfte", state=PeriodState.CLOSED)
    published("eksjo", "Förlängt löfte", state=PeriodState.EXTENDED)
    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        published("vetlanda", f"Hemligt löfte {state}", state=state)

    response = client.get("/loften/")

    assert response.status_code == 200
    assert sorted(titles(response)) == ["Avslutat löfte", "Förlängt löfte", "Signerat löfte"]
    assert "Hemligt löfte" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"lan": "06"}, ["Vetlanda"]),  # Jönköpings län
        ({"lan": "14"}, ["Göteborg"]),  # Västra Götalands län
        ({"polisregion": "vast"}, ["Göteborg"]),
        ({"polisregion": "ost"}, ["Vetlanda"]),
        ({"tema": "trafik"}, ["Göteborg"]),
        ({"tema": "narkotika"}, ["Vetlanda"]),
        ({"ar": "2020"}, ["Göteborg"]),
        ({"ar": "2021"}, ["Göteborg"]),  # a period covering two years matches both
        ({"ar": "2019"}, []),
        ({"status": "closed"}, ["Göteborg"]),
        ({"status": "signed"}, ["Vetlanda"]),
        ({"status": "active"}, ["Vetlanda"]),
        ({"status": "extended"}, []),
        ({"q": "Vetlanda"}, ["Vetlanda"]),  # municipality name
        ({"q": "hamnen"}, ["Göteborg"]),  # area name, any case
        ({"q": "centrum"}, ["Vetlanda"]),  # promise title
        ({"q": "rattfylleri"}, ["Göteborg"]),  # promise description
    ],
)
def test_promise_list_filters(client, params, expected):
    published("vetlanda", "Vetlanda: tryggare centrum", themes=["narkotika"])
    published(
        "goteborg",
        "Göteborg: säkrare trafik",
        area_name="Hamnen",
        description="Fler kontroller mot rattfylleri.",
        themes=["trafik"],
        start=D(2020, 1, 1),
        end=D(2021, 12, 31),
        state=PeriodState.CLOSED,
    )

    response = client.get("/loften/", params)

    assert response.status_code == 200
    assert [title.split(":")[0] for title in titles(response)] == expected
    assert not response.context["filter"].errors


@pytest.mark.django_db
def test_promise_list_combines_filters(client):
    published("vetlanda", "Rätt län och tema", themes=["trafik"])
    published("vetlanda", "Rätt län, fel tema", themes=["narkotika"])
    published("goteborg", "Fel län, rätt tema", themes=["trafik"])

    response = client.get("/loften/", {"lan": "06", "tema": "trafik", "status": "active"})

    assert titles(response) == ["Rätt län och tema"]


@pytest.mark.django_db
def test_promise_list_empty_result_says_so(client):
    published("vetlanda", "Ett löfte")
    response = client.get("/loften/", {"q": "finns inte någonstans"})
    assert response.status_code == 200
    assert titles(response) == []
    assert response.context["page_obj"].paginator.count == 0
    assert 'class="empty"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"ar": "abc"}, "ar"),
        ({"ar": "1999"}, "ar"),
        ({"lan": "99999"}, "lan"),
        ({"polisregion": "<script>"}, "polisregion"),
        ({"tema": "finns-inte"}, "tema"),
        ({"status": "draft"}, "status"),  # drafts are not a choice, never listed
    ],
)
def test_promise_list_invalid_filter_is_an_error_not_a_crash(client, params, field):
    published("vetlanda", "Ett löfte")
    published("vetlanda", "Hemligt", state=PeriodState.DRAFT)

    response = client.get("/loften/", {**params, "page": "x"})

    assert response.status_code == 200
    assert field in response.context["filter"].errors
    page = response.content.decode()
    assert 'class="error-summary"' in page
    # The error is tied to its field and linked from the summary.
    assert f'id="id_{field}_error"' in page and f'href="#id_{field}"' in page
    assert f'aria-describedby="id_{field}_error"' in page
    # The invalid filter is ignored, so the list still shows every published promise.
    assert titles(response) == ["Ett löfte"]
    assert "<script>" not in page


@pytest.mark.django_db
def test_promise_list_paginates_25_a_page_and_keeps_the_filters(client):
    period = published("vetlanda", "Löfte 0", themes=["trafik"]).period
    trafik = Theme.objects.filter(slug="trafik")
    for i in range(1, 30):
        factories.promise(period, title=f"Löfte {i}").themes.set(trafik)
    published("tranas", "Utanför filtret", themes=["narkotika"])

    first = client.get("/loften/", {"tema": "trafik", "lan": "06"})

    assert len(titles(first)) == 25
    assert first.context["page_obj"].paginator.count == 30
    assert first.context["page_obj"].paginator.num_pages == 2
    links = re.findall(r'href="(\?[^"]*)" rel="next"', first.content.decode())
    assert len(links) == 1
    next_link = html.unescape(links[0])
    assert "tema=trafik" in next_link and "lan=06" in next_link and "page=2" in next_link

    second = client.get("/loften/" + next_link)

    assert len(titles(second)) == 5
    assert "Utanför filtret" not in titles(second)
    previous = html.unescape(re.findall(r'href="(\?[^"]*)" rel="prev"', second.content.decode())[0])
    assert "tema=trafik" in previous and "page=1" in previous


@pytest.mark.django_db
def test_promise_list_out_of_range_page_shows_the_last_page(client):
    published("vetlanda", "Ett löfte")
    response = client.get("/loften/", {"page": "99"})
    assert response.status_code == 200
    assert titles(response) == ["Ett löfte"]


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["0", "-1", "-99999999999999999999", "-0"])
def test_promise_list_page_below_one_shows_the_first_page(client, number, settings):
    # Rendered each time: the page cache answers a page below one with the first page's copy.
    settings.PUBLIC_CACHE_SECONDS = 0
    period = published("vetlanda", "Löfte 00").period
    for i in range(1, 30):
        factories.promise(period, title=f"Löfte {i:02d}")

    response = client.get("/loften/", {"page": number})

    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert page_obj.number == 1 and page_obj.paginator.num_pages == 2
    assert titles(response) == titles(client.get("/loften/"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "expected"),
    [("0", 1), ("-3", 1), (-3, 1), ("1", 1), ("2", 2), ("3", 3), ("4", 3), ("99", 3)]
    + [("x", 1), ("1.5", 1), (None, 1), ("", 1), (0.0, 1), (-2.0, 1), (2.0, 2)],
)
@pytest.mark.parametrize("paginator", [ListPaginator, KeysFirstPaginator])
def test_a_page_below_one_is_the_first_and_past_the_end_the_last(paginator, number, expected):
    period = factories.period("vetlanda")
    for i in range(7):
        factories.promise(period, f"Löfte {i}")
    pages = paginator(Promise.objects.for_promise_list(), 3)
    page = pages.get_page(number)
    assert page.number == expected
    assert list(page) == list(Paginator(Promise.objects.for_promise_list(), 3).page(expected))


@pytest.mark.django_db
def test_an_empty_list_gives_its_one_empty_page_for_any_number():
    for number in ("-1", "0", "1", "5"):
        page = ListPaginator(Promise.objects.none(), 3).get_page(number)
        assert page.number == 1 and list(page) == []


@pytest.mark.django_db
def test_promise_list_form_offers_only_published_states(client):
    form = client.get("/loften/").context["filter"].form
    assert [value for value, _label in form.fields["status"].choices] == [
        "",
        "active",
        "signed",
        "extended",
        "closed",
    ]


def build(size: int, skip: int = 0) -> None:
    """`size` published periods in different municipalities, each with 3 themed promises."""
    codes = Municipality.objects.order_by("code").values_list("slug", flat=True)
    slugs = list(codes[skip : skip + size])
    themes = list(Theme.objects.filter(slug__in=["trafik", "narkotika"]))
    for slug in slugs:
        period = factories.period(slug, slug=f"p-{slug}")
        for i in range(3):
            factories.promise(period, title=f"Löfte {i}", position=i + 1).themes.set(themes)
        factories.period(slug, state=PeriodState.DRAFT, slug=f"d-{slug}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/kommuner/", 1),
        # count; the page's keys, then its rows (KeysFirstPaginator); themes of the page (the
        # place and theme choices are kept: `place_and_theme_choices`)
        ("/loften/", 4),
        ("/loften/?lan=01&tema=trafik&ar=2026&status=signed&q=L&page=2", 4),
        ("/loften/?kommun=vallentuna&q=lofte&page=2", 4),
        ("/loften/?ar=abc&lan=99999", 4),
    ],
)
def test_list_queries_do_not_grow_with_data(
    client, settings, django_assert_num_queries, url, queries
):
    settings.PUBLIC_CACHE_SECONDS = 0  # the page itself is rendered each time
    build(3)
    keep_reference_data()
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    build(30, skip=3)  # ten times as much
    keep_reference_data()
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_keys_first_pages_hold_the_same_rows_in_the_same_order_as_plain_pages():
    for slug in ("vetlanda", "tranas", "eksjo"):
        period = factories.period(slug)
        for i in range(7):
            factories.promise(period, f"Löfte {slug} {i}")
    rows = Promise.objects.for_promise_list()
    plain, keys_first = Paginator(rows, 5), KeysFirstPaginator(rows, 5)
    assert keys_first.num_pages == plain.num_pages == 5
    for number in plain.page_range:
        assert list(keys_first.page(number)) == list(plain.page(number))
    # The page's rows keep what the queryset selects and prefetches with them.
    first = keys_first.page(1)[0]
    assert first.period.municipality.county.name
    assert "themes" in first._prefetched_objects_cache


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "words"), [("/loften/", "löften"), ("/aktiviteter/", "aktiviteter")]
)
def test_a_long_list_counts_its_rows_in_groups_of_three(client, path, words):
    with mock.patch.object(Paginator, "count", new_callable=mock.PropertyMock, return_value=4303):
        html = client.get(path).content.decode()
    assert f'<h2 id="results-heading">4\xa0303 {words}</h2>' in html


@pytest.mark.django_db
def test_the_list_tells_a_period_in_force_from_one_to_come_and_one_over(client):
    """ "Undertecknad" alone read the same for all three."""
    today = timezone.localdate()
    year = datetime.timedelta(days=365)
    published("vetlanda", "Gäller")
    published("tranas", "Kommer", start=today + year, end=today + 2 * year)
    published("eksjo", "Över", start=today - 3 * year, end=today - 2 * year)
    page = " ".join(client.get("/loften/").content.decode().split())
    coming = (today + year).strftime("%-d")
    assert "· Gäller nu</p>" in page
    assert f"· Börjar gälla {coming} " in page
    assert "· Har upphört</p>" in page
    assert "Undertecknad</p>" not in page


# --- The local police area filter ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/loften/", "/aktiviteter/"])
def test_a_local_police_area_lists_its_municipalities_and_the_periods_named_on_it(client, path):
    """An area chief of three municipalities saw them one at a time (`kommun` takes one)."""
    hoglandet = factories.local_police_area(
        "Lokalpolisområde Höglandet",
        [factories.municipality(slug) for slug in ("vetlanda", "eksjo")],
    )
    # Göteborg belongs to two areas; each of its periods names the one it is in.
    centrum = factories.local_police_area(
        "Lokalpolisområde Centrum", [factories.municipality("goteborg")]
    )
    factories.local_police_area("Lokalpolisområde Hisingen", [factories.municipality("goteborg")])
    for slug, title, fields in (
        ("vetlanda", "Alfa", {}),
        ("eksjo", "Beta", {}),
        ("tranas", "Gamma", {}),
        ("goteborg", "Delta", {"local_police_area": centrum, "area_name": "Centrum"}),
        # A Vetlanda period naming another area is that area's (the period says so).
        ("vetlanda", "Epsilon", {"local_police_area": centrum, "area_name": "By"}),
    ):
        promise = published(slug, f"Löfte {title}", **fields)
        factories.activity(promise.period, f"Löfte {title}").promises.add(promise)

    def listed(area: str) -> list[str]:
        response = client.get(path, {"lokalpolisomrade": area})
        assert response.status_code == 200 and not response.context["filter"].errors
        page = response.content.decode()
        return sorted(
            title
            for title in ("Alfa", "Beta", "Gamma", "Delta", "Epsilon")
            if f"Löfte {title}" in page
        )

    assert listed("lokalpolisomrade-hoglandet") == ["Alfa", "Beta"]
    assert listed("lokalpolisomrade-centrum") == ["Delta", "Epsilon"]
    assert listed("lokalpolisomrade-hisingen") == []
    page = client.get(path).content.decode()
    assert "Alla lokalpolisområden" in page and hoglandet.name in page
    refused = client.get(path, {"lokalpolisomrade": "finns-inte"})
    assert "lokalpolisomrade" in refused.context["filter"].errors


@pytest.mark.django_db
def test_without_any_local_police_area_the_filter_is_not_offered(client):
    published("vetlanda", "Ett löfte")
    assert "lokalpolisomrade" not in client.get("/loften/").content.decode()
    # A link naming one is refused as any unknown choice, not ignored.
    refused = client.get("/loften/", {"lokalpolisomrade": "hoglandet"})
    assert refused.status_code == 200 and "lokalpolisomrade" in refused.context["filter"].errors
