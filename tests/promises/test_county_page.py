"""A county's page (/lan/<county>/): its municipalities side by side, each with the citizen
promise in force (or its latest), how its activities stand and when it was last followed up."""

import datetime
import re
from html import unescape

import pytest
from django.core.cache import caches
from django.utils import timezone

from followups.models import MeetingKind, Report, ReportKind
from municipalities.models import County
from promises.models import PeriodState
from tests import factories

DAY = datetime.timedelta(days=1)


def rows(response) -> dict[str, str]:
    """The comparison's rows as text, by the municipality that opens each (a district's rows
    under "<municipality>, <district>")."""
    body = response.content.decode()
    table = body[body.index("<tbody>") : body.index("</tbody>")]
    # What the page shows; the municipality's name each link carries for a screen reader
    # (test_each_link_names_its_municipality_out_of_context) is not shown.
    table = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", table)
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split())
        name = text.split(" ")[0]
        while name in found:
            name += "+"
        found[name] = text
    return found


def report(period, title: str, published_on: datetime.date, **fields) -> Report:
    return Report.objects.create(
        period=period,
        kind=fields.pop("kind", ReportKind.TERTIAL),
        title=title,
        body="Text",
        covers_from=period.start_date,
        covers_to=published_on,
        published_on=published_on,
        **fields,
    )


@pytest.mark.django_db
def test_each_municipality_with_its_promise_in_force_its_activities_and_latest_follow_up(client):
    today = timezone.localdate()
    current = factories.period("vetlanda", start=today - 100 * DAY, end=today + 265 * DAY)
    behind = factories.activity(current, target=("at_least", 100, "trafikkontroller", "period"))
    factories.activity(current, "Trygghetsvandringar", target=None)
    factories.log(behind, today - DAY)
    held = factories.meeting(
        current, today - 20 * DAY, kind=MeetingKind.TERTIAL, public_summary="Läget gicks igenom."
    )
    # Later, but without a public summary: not public, so not the one named.
    factories.meeting(current, today - 5 * DAY, internal_minutes="INTERNA-ANTECKNINGAR")
    newer = report(
        current, "Tertialrapport, rättad", today - 10 * DAY, version=2, correction_reason="Fel"
    )
    report(current, "Tertialrapport", today - 30 * DAY, replaced_by=newer)

    ended = factories.period(
        "tranas", start=today - 800 * DAY, end=today - 400 * DAY, state=PeriodState.CLOSED
    )
    met = factories.activity(ended, target=("at_least", 2, "kontroller", "period"))
    factories.log(met, ended.start_date, quantity=2)
    factories.period("eksjo", start=today + 30 * DAY, end=today + 395 * DAY, slug="kommande")
    factories.period("aneby", start=today - 10 * DAY, state=PeriodState.DRAFT, slug="utkast")
    factories.period("ale", start=today - 10 * DAY, end=today + 100 * DAY, slug="annat-lan")

    response = client.get("/lan/jonkopings-lan/")
    assert response.status_code == 200
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())
    assert "Medborgarlöften i Jönköpings län" in text
    assert "1 av 13 kommuner i Jönköpings län har ett medborgarlöfte som gäller i dag." in text
    found = rows(response)
    assert list(found) == [
        "Aneby",
        "Eksjö",
        "Gislaved",
        "Gnosjö",
        "Habo",
        "Jönköping",
        "Mullsjö",
        "Nässjö",
        "Sävsjö",
        "Tranås",
        "Vaggeryd",
        "Vetlanda",
        "Värnamo",
    ]
    held_on = held.date.strftime("%-d")
    assert found["Vetlanda"].startswith(f"Vetlanda {current.period_label} 1 efter plan, 1 utan mål")
    assert f"Möte {held_on} " in found["Vetlanda"] and "(tertialuppföljning)" in found["Vetlanda"]
    assert "Redovisning" in found["Vetlanda"] and "(tertialredovisning)" in found["Vetlanda"]
    body = response.content.decode()
    assert f'href="{held.record_url()}"' in body
    assert f"/redovisningar/{newer.pk}/" in body  # the correction, not the version it replaced
    assert "INTERNA-ANTECKNINGAR" not in body

    assert found["Tranås"] == (
        f"Tranås {ended.period_label} (har upphört) Vid periodens slut: 1 uppnådd "
        "Inget publicerat ännu"
    )
    assert (
        found["Eksjö"].startswith("Eksjö Nästa: ") and "inget medborgarlöfte" not in found["Eksjö"]
    )
    assert "/kommuner/eksjo/kommande/" in body
    assert (
        found["Aneby"] == "Aneby inget medborgarlöfte publicerat här – –"
    )  # its draft is not public
    assert "utkast" not in body and "annat-lan" not in body


@pytest.mark.django_db
def test_a_promise_registered_while_it_ran_is_not_said_to_have_no_targets(client):
    """Registered today, what was done before is not judged: its targets are not yet judged,
    and the page said "Ingen aktivitet med ett mål att bedöma" of four activities with targets."""
    today = timezone.localdate()
    registered = factories.period(
        "vetlanda", start=today - 100 * DAY, end=today + 265 * DAY, registered_at=timezone.now()
    )
    factories.activity(registered, target=("at_least", 10, "kontroller", "year"))
    without = factories.period("tranas", start=today - 100 * DAY, end=today + 265 * DAY)
    factories.activity(without, "Trygghetsvandringar", target=None)

    found = rows(client.get("/lan/jonkopings-lan/"))

    assert "Inget mål kan bedömas ännu" in found["Vetlanda"]
    assert "Ingen aktivitet med ett mål att bedöma" in found["Tranås"]


@pytest.mark.django_db
def test_a_city_with_district_promises_has_a_row_for_each(client):
    today = timezone.localdate()
    for district in ("Rosengård", "Centrum"):
        factories.period(
            "malmo",
            start=today - 10 * DAY,
            end=today + 300 * DAY,
            area_name=district,
            slug=f"{district.lower()[:4]}-{today.year}",
        )
    found = rows(client.get("/lan/skane-lan/"))
    assert found["Malmö"].startswith("Malmö Centrum ")
    assert found["Malmö+"].startswith("Malmö Rosengård ")


@pytest.mark.django_db
def test_a_district_promises_breadcrumbs_name_the_district(client):
    """ "Norrköping › 2026–2027" on the page of Klockaretorpet's promise did not say whose."""
    today = timezone.localdate()
    period = factories.period(
        "malmo", start=today - DAY, end=today + 300 * DAY, area_name="Rosengård", slug="ros"
    )
    activity = factories.activity(period)
    label = f"Rosengård {period.period_label}"

    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert f'<li aria-current="page">{label}</li>' in page
    activity_url = f"{period.get_absolute_url()}aktiviteter/{activity.pk}/"
    page = " ".join(client.get(activity_url).content.decode().split())
    assert f'<li><a href="{period.get_absolute_url()}">{label}</a></li>' in page


@pytest.mark.django_db
def test_every_county_has_its_page_and_an_unknown_one_is_not_found(client):
    slugs = {county.slug for county in County.objects.all()}
    assert len(slugs) == 21
    assert "jonkopings-lan" in slugs and "vastra-gotalands-lan" in slugs
    for slug in sorted(slugs):
        assert client.get(f"/lan/{slug}/").status_code == 200, slug
    assert client.get("/lan/jonkoping/").status_code == 404
    assert client.get("/lan/finns-inte/").status_code == 404
    # The address shortened: the counties are listed on the municipality list.
    assert client.get("/lan/")["Location"] == "/kommuner/"
    assert client.get("/en/lan/")["Location"] == "/en/kommuner/"


def lead(response) -> str:
    body = unescape(response.content.decode())
    start = body.index('<p class="lead">') + len('<p class="lead">')
    return " ".join(body[start : body.index("</p>", start)].split())


@pytest.mark.django_db
def test_a_county_of_one_municipality_says_so_not_0_of_1(client):
    """Gotland is its county's only municipality: "0 av 1 kommun" was how the page put it."""
    assert lead(client.get("/lan/gotlands-lan/")) == (
        "Den enda kommunen i Gotlands län har inget medborgarlöfte som gäller i dag."
    )
    today = timezone.localdate()
    factories.period("gotland", start=today - 10 * DAY, end=today + 300 * DAY)
    assert lead(client.get("/lan/gotlands-lan/")) == (
        "Den enda kommunen i Gotlands län har ett medborgarlöfte som gäller i dag."
    )


@pytest.mark.django_db
def test_a_county_where_none_or_all_have_a_promise_in_force_says_so_in_words(client):
    assert lead(client.get("/lan/stockholms-lan/")) == (
        "Ingen av de 26 kommunerna i Stockholms län har ett medborgarlöfte som gäller i dag."
    )
    today = timezone.localdate()
    factories.period("vetlanda", start=today - 10 * DAY, end=today + 300 * DAY)
    assert lead(client.get("/lan/jonkopings-lan/")) == (
        "1 av 13 kommuner i Jönköpings län har ett medborgarlöfte som gäller i dag."
    )
    for slug in ("karlshamn", "karlskrona", "olofstrom", "ronneby", "solvesborg"):
        factories.period(slug, start=today - 10 * DAY, end=today + 300 * DAY)
    assert lead(client.get("/lan/blekinge-lan/")) == (
        "Alla 5 kommuner i Blekinge län har ett medborgarlöfte som gäller i dag."
    )


@pytest.mark.django_db
def test_each_link_names_its_municipality_out_of_context(client):
    """A screen reader's list of links read "2025–2026", "Möte 17 sep 2026" once per
    municipality: each link in a row carries the municipality's name, hidden on screen."""
    today = timezone.localdate()
    current = factories.period("vetlanda", start=today - 100 * DAY, end=today + 265 * DAY)
    factories.meeting(current, today - 20 * DAY, public_summary="Läget gicks igenom.")
    report(current, "Tertialrapport", today - 10 * DAY)
    factories.period("eksjo", start=today + 30 * DAY, end=today + 395 * DAY, slug="kommande")
    body = client.get("/lan/jonkopings-lan/").content.decode()
    names = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", name)).split())
        for name in re.findall(r"<a href=\"/kommuner/[^\"]+/[^\"]+\">(.*?)</a>", body, re.S)
    ]
    assert f"Vetlanda {current.period_label}" in names
    assert any(name.startswith("Möte ") and name.endswith(", Vetlanda") for name in names)
    assert any(name.startswith("Redovisning ") and name.endswith(", Vetlanda") for name in names)
    assert any(name.startswith("Eksjö ") for name in names)  # the next one
    assert current.period_label not in names


@pytest.mark.django_db
def test_the_countys_activities_can_be_downloaded_as_the_list_selection(client):
    today = timezone.localdate()
    assert "urval-excel.csv" not in client.get("/lan/jonkopings-lan/").content.decode()
    period = factories.period("vetlanda", start=today - 100 * DAY, end=today + 265 * DAY)
    factories.activity(period, "Trafikkontroller")
    factories.activity(
        factories.period("ale", start=today - 10 * DAY, end=today + 300 * DAY), "Annat län"
    )
    body = client.get("/lan/jonkopings-lan/").content.decode()
    assert (
        "Ladda ner aktiviteterna i Jönköpings län med samma kolumner som öppna data: "
        '<a href="/aktiviteter/urval-excel.csv?lan=06" download>CSV för Excel</a>'
    ) in body
    response = client.get("/aktiviteter/urval-excel.csv?lan=06")
    assert response.status_code == 200
    text = b"".join(response).decode("utf-8-sig")
    assert "Trafikkontroller" in text and "Annat län" not in text


@pytest.mark.django_db
def test_the_municipality_list_and_a_municipalitys_page_link_to_their_county(client):
    assert 'href="/lan/jonkopings-lan/"' in client.get("/kommuner/").content.decode()
    assert 'href="/lan/jonkopings-lan/"' in client.get("/kommuner/vetlanda/").content.decode()


@pytest.mark.django_db
def test_its_queries_do_not_grow_with_its_municipalities_promises(
    client, django_assert_num_queries
):
    today = timezone.localdate()

    def grow(slug: str) -> None:
        period = factories.period(slug, start=today - 50 * DAY, end=today + 300 * DAY)
        activity = factories.activity(period)
        factories.log(activity, today)
        factories.meeting(period, today - DAY, public_summary="Sammanfattning")
        report(period, "Tertialrapport", today)

    grow("vetlanda")
    with django_assert_num_queries(7):
        client.get("/lan/jonkopings-lan/")
    for slug in ("tranas", "eksjo", "aneby", "habo", "nassjo"):
        grow(slug)
    with django_assert_num_queries(7):
        client.get("/lan/jonkopings-lan/")


@pytest.mark.django_db
def test_a_log_anywhere_in_the_county_shows_on_its_next_request(client, settings):
    """The page is a national one for the page cache (its address names no municipality): a
    write in any municipality makes it stale."""
    settings.PUBLIC_CACHE_SECONDS = 600
    caches[settings.PUBLIC_CACHE_ALIAS].clear()
    today = timezone.localdate()
    period = factories.period("vetlanda", start=today - 50 * DAY, end=today + 300 * DAY)
    activity = factories.activity(period, target=("at_least", 1, "kontroller", "period"))
    first = rows(client.get("/lan/jonkopings-lan/"))["Vetlanda"]
    assert "1 klar" not in first
    factories.log(activity, today)
    assert "1 klar" in rows(client.get("/lan/jonkopings-lan/"))["Vetlanda"]
