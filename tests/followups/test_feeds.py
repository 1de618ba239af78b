"""Atom feeds: national and per municipality; only published periods and public fields."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from followups.feed_items import FEED_LIMIT, FEED_LOG_LIMIT, FEED_SOURCES, feed_items
from followups.models import MeetingStatus, Report, ReportKind
from municipalities.models import Municipality
from promises.models import Extension, PeriodState, PromisePeriod, Revision, RevisionChange
from tests import factories
from tests.growth import assert_same_queries, at_two_sizes

ATOM = "{http://www.w3.org/2005/Atom}"
D = datetime.date


@pytest.fixture(autouse=True)
def site_url(settings):
    """The feeds' addresses are on SITE_URL (never the Host a request named): the test
    client's own name here, as the tests' links read."""
    settings.SITE_URL = "http://testserver"


@pytest.mark.django_db
def test_a_feeds_addresses_are_on_site_url_whatever_host_the_request_named(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    settings.SITE_URL = "https://medborgarloften.example.se"
    build("vetlanda", slug="2026")
    for path in ("/flode/", "/kommuner/vetlanda/flode/"):
        response = client.get(path, HTTP_HOST="portal.example:8443")
        root = parse(response)
        addresses = [link.get("href") for link in root.iter(f"{ATOM}link")]
        assert len(addresses) > 2
        assert all(a.startswith("https://medborgarloften.example.se/") for a in addresses)
        assert b"portal.example" not in response.content


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root: ET.Element) -> list[dict]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
            "link": entry.find(f"{ATOM}link").get("href"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def report(period, title: str, published_on: datetime.date | None, **fields) -> Report:
    return Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title=title,
        body=fields.pop("body", f"Text of {title}"),
        covers_from=period.start_date,
        covers_to=published_on or period.end_date,
        published_on=published_on,
        **fields,
    )


def build(municipality_slug: str = "vetlanda", size: int = 1, slug: str | None = None):
    """A signed period with `size` × (promise, activity with a log, meeting, report)."""
    today = timezone.localdate()
    period = factories.period(
        municipality_slug,
        start=today - datetime.timedelta(days=100),
        end=today + datetime.timedelta(days=265),
        slug=slug,
        contact_name="Kim Hemligkontakt",
        contact_is_public=False,
    )
    for i in range(size):
        factories.promise(period, title=f"Öka tryggheten {i}", position=i + 1)
        activity = factories.activity(period, title=f"Trafikkontroller {i}", position=i + 1)
        factories.log(activity, today, internal_note="INTERNAL-NOTE-SECRET")
        factories.meeting(
            period,
            today - datetime.timedelta(days=i + 1),
            public_summary=f"Sammanfattning {i} i {municipality_slug}",
            internal_minutes="INTERNAL-MINUTES-SECRET",
        )
        report(
            period, f"Tertialrapport {i} {municipality_slug}", today - datetime.timedelta(days=i)
        )
    return period


@pytest.mark.django_db
def test_national_feed_is_atom_with_signed_periods_meetings_and_reports(client):
    period = build("vetlanda", slug="2026")
    meeting = period.meetings.get()
    the_report = period.reports.get()
    root = parse(client.get("/flode/"))
    items = entries(root)
    assert len(items) == 3
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids)
    assert all(item_id.startswith("urn:uuid:") for item_id in ids)
    period_url = f"http://testserver{period.get_absolute_url()}"
    assert {item["link"] for item in items} == {
        period_url,
        f"{period_url}#uppfoljning-{meeting.pk}",
        f"{period_url}#redovisning-{the_report.pk}",
    }
    text = " ".join(f"{item['title']} {item['summary']}" for item in items)
    assert "Vetlanda" in text
    assert "Sammanfattning 0 i vetlanda" in text
    assert "Tertialrapport 0 vetlanda" in text
    assert "Öka tryggheten 0" in text  # the signed period lists its promises
    assert all(item["updated"] for item in items)


@pytest.mark.django_db
def test_feed_ids_are_stable_between_requests(client):
    build("vetlanda")
    first = [item["id"] for item in entries(parse(client.get("/flode/")))]
    second = [item["id"] for item in entries(parse(client.get("/flode/")))]
    assert first == second


@pytest.mark.django_db
def test_feed_is_newest_first_and_limited(client):
    today = timezone.localdate()
    period = factories.period("vetlanda", start=today - datetime.timedelta(days=200))
    for day in range(FEED_LIMIT + 10):
        factories.meeting(
            period, today - datetime.timedelta(days=day + 1), public_summary=f"Möte {day}"
        )
    items = entries(parse(client.get("/flode/")))
    assert len(items) == FEED_LIMIT
    updated = [item["updated"] for item in items]
    assert updated == sorted(updated, reverse=True)
    assert items[0]["summary"] == "Möte 0"


# The national feed: signed period, meeting, report; a municipality's also its log; the
# follow-up feeds the meeting and the report alone.
ENTRIES = {
    "/flode/": 3,
    "/kommuner/vetlanda/flode/": 4,
    "/en/flode/": 3,
    "/uppfoljningsflode/": 2,
    "/kommuner/vetlanda/uppfoljningsflode/": 2,
}
FOLLOW_UP_FEEDS = ["/uppfoljningsflode/", "/kommuner/vetlanda/uppfoljningsflode/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flode/", "/kommuner/vetlanda/flode/", *FOLLOW_UP_FEEDS])
def test_feeds_never_show_unpublished_periods_or_internal_fields(client, django_user_model, url):
    officer = django_user_model.objects.create_user("polis.persson", password="x" * 20)
    period = build("vetlanda")
    period.activities.first().logs.update(reported_by=officer)
    today = timezone.localdate()
    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        hidden = factories.period("vetlanda", state=state, slug=f"dold-{state}")
        factories.promise(hidden, title=f"HIDDEN-PROMISE-{state}")
        factories.meeting(hidden, today, public_summary=f"HIDDEN-MEETING-{state}")
        report(hidden, f"HIDDEN-REPORT-{state}", today)
    # Not public either: a meeting without a public summary, a report not yet published.
    factories.meeting(period, today, public_summary="", internal_minutes="ONLY-MINUTES")
    report(period, "UNPUBLISHED-REPORT", None)
    # Nor a meeting planned, cancelled or whose record was withdrawn, a summary written or not.
    for status, reason in (
        (MeetingStatus.PLANNED, ""),
        (MeetingStatus.CANCELLED, "HIDDEN-CANCELLED-REASON"),
        (MeetingStatus.WITHDRAWN, "HIDDEN-WITHDRAWN-REASON"),
    ):
        factories.meeting(
            period,
            today - datetime.timedelta(days=1),
            status=status,
            status_reason=reason,
            public_summary=f"HIDDEN-{status}-SUMMARY",
        )
    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        hidden_activity = factories.activity(
            PromisePeriod.objects.get(slug=f"dold-{state}"), title=f"HIDDEN-ACTIVITY-{state}"
        )
        factories.log(hidden_activity, today, summary="HIDDEN-LOG")
    factories.log(
        period.activities.first(),
        today,
        summary="HIDDEN-WITHDRAWN-LOG",
        withdrawn_at=timezone.now(),
        withdrawal_reason="Fel aktivitet",
    )

    response = client.get(url)
    items = entries(parse(response))
    assert len(items) == ENTRIES[url]
    body = response.content.decode()
    for secret in (
        "HIDDEN-",
        "UNPUBLISHED-REPORT",
        "ONLY-MINUTES",
        "INTERNAL-MINUTES-SECRET",
        "INTERNAL-NOTE-SECRET",
        "Hemligkontakt",
        "polis.persson",
        "dold-",
    ):
        assert secret not in body


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=2", "?limit=100000", "?kommun=tranas", "?x=%00%ff"])
def test_a_query_string_changes_nothing_in_the_follow_up_feed(client, query):
    build("vetlanda")
    build("tranas")
    for url in FOLLOW_UP_FEEDS:
        plain = client.get(url).content
        assert client.get(url + query).content == plain


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/kommuner/finns-inte/uppfoljningsflode/",
        "/kommuner/VETLANDA/uppfoljningsflode/",
        "/kommuner/v%C3%A4xj%C3%B6/uppfoljningsflode/",
        "/kommuner/vetlanda/uppfoljningsflode/mer/",
    ],
)
def test_an_unknown_municipalitys_follow_up_feed_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_follow_up_feed_wins_over_a_period_with_its_address(client):
    """The address is reserved from period slugs typed in the editor; one made otherwise (an
    import, the admin) does not take the feed's place."""
    build("vetlanda", slug="uppfoljningsflode")
    root = parse(client.get("/kommuner/vetlanda/uppfoljningsflode/"))
    assert len(entries(root)) == 2


@pytest.mark.django_db
def test_municipality_feed_has_only_that_municipality(client):
    build("vetlanda")
    build("tranas")
    root = parse(client.get("/kommuner/vetlanda/flode/"))
    items = entries(root)
    assert len(items) == 4
    body = " ".join(f"{item['title']} {item['summary']} {item['link']}" for item in items)
    assert "vetlanda" in body
    assert "tranas" not in body and "Tranås" not in body
    assert root.find(f"{ATOM}link").get("href") == "http://testserver/kommuner/vetlanda/"
    assert "Vetlanda" in root.findtext(f"{ATOM}title")


@pytest.mark.django_db
def test_municipality_feed_shows_logs_with_date_place_and_summary_only(client, django_user_model):
    officer = django_user_model.objects.create_user("polis.lindqvist", password="x" * 20)
    period = build("vetlanda", slug="2026")
    activity = period.activities.get()
    day = timezone.localdate() - datetime.timedelta(days=3)
    factories.log(
        activity,
        day,
        quantity=3,
        place="Stora torget",
        summary="Fotpatrull kvällstid, många samtal med unga.",
        internal_note="INTERNAL-NOTE-SECRET",
        reported_by=officer,
    )

    response = client.get("/kommuner/vetlanda/flode/")

    entry = next(item for item in entries(parse(response)) if "Stora torget" in item["summary"])
    assert entry["title"] == f"Genomfört: Trafikkontroller 0 (Vetlanda {period.period_label})"
    assert entry["summary"] == (
        "3 trafikkontroller · Stora torget\nFotpatrull kvällstid, många samtal med unga."
    )
    assert entry["updated"].startswith(day.isoformat())
    assert entry["link"] == (
        f"http://testserver/kommuner/vetlanda/{period.slug}/aktiviteter/{activity.pk}/"
    )
    body = response.content.decode()
    assert "INTERNAL-NOTE-SECRET" not in body and "polis.lindqvist" not in body
    # The national feed has no logs: there they would drown everything else.
    assert "Stora torget" not in client.get("/flode/").content.decode()


@pytest.mark.django_db
def test_a_log_of_what_a_most_keeps_down_is_registered_not_carried_out(client):
    period = build("vetlanda", slug="2026")
    vandalism = factories.activity(
        period, "Skadegörelse vid resecentrum", target=("at_most", 10, "skadegörelser", "period")
    )
    factories.log(vandalism, timezone.localdate() - datetime.timedelta(days=1), place="Resecentrum")

    response = client.get("/kommuner/vetlanda/flode/")

    entry = next(item for item in entries(parse(response)) if "Resecentrum" in item["summary"])
    assert entry["title"].startswith("Registrerat: Skadegörelse vid resecentrum (Vetlanda")
    page = client.get(
        reverse("activities:activity_detail", args=["vetlanda", period.slug, vandalism.pk])
    ).content.decode()
    assert "När och var det registrerades" in page
    assert "1 registrerat tillfälle, det senaste först." in page


@pytest.mark.django_db
def test_logs_take_at_most_half_of_a_municipality_feed(client):
    period = build("vetlanda")
    activity = period.activities.get()
    today = timezone.localdate()
    for _ in range(FEED_LIMIT):
        factories.log(activity, today, place="Torget")
    items = entries(parse(client.get("/kommuner/vetlanda/flode/")))
    logs = [item for item in items if item["title"].startswith("Genomfört")]
    assert len(logs) == FEED_LOG_LIMIT
    # The older meeting and report stay in the feed.
    assert any(item["summary"] == "Sammanfattning 0 i vetlanda" for item in items)
    assert any(item["title"].startswith("Redovisning publicerad") for item in items)


@pytest.mark.django_db
def test_unknown_municipality_feed_is_404(client):
    assert client.get("/kommuner/finns-inte/flode/").status_code == 404
    assert client.get("/kommuner/finns-inte/uppfoljningsflode/").status_code == 404


@pytest.mark.django_db
def test_empty_feed_is_still_valid_atom(client):
    root = parse(client.get("/flode/"))
    assert entries(root) == []
    assert root.findtext(f"{ATOM}updated")
    assert root.findtext(f"{ATOM}id")


# A fixed number per source (signings, closings, meetings, reports, logs), at any size.
# Each source one query (the signed and registered periods and the revisions two: their promises
# or changes), the cutoff one; the follow-up feeds' two sources one each, and no cutoff. A
# municipality's feed one more: the municipality.
FEED_QUERIES = {
    "/flode/": 12,
    "/kommuner/vetlanda/flode/": 14,
    "/uppfoljningsflode/": 2,
    "/kommuner/vetlanda/uppfoljningsflode/": 3,
}


def _more_data() -> None:
    for i in range(9):
        build("vetlanda", size=10, slug=f"fler-{i}")
        build("tranas", size=10, slug=f"fler-{i}")


@pytest.fixture(scope="module")
def feed_growth(module_data):
    return at_two_sizes(module_data, FEED_QUERIES, lambda: build("vetlanda", size=1), _more_data)


@pytest.mark.django_db
@pytest.mark.parametrize("url", FEED_QUERIES)
def test_feed_queries_do_not_grow_with_data(feed_growth, url):
    small, large = (sizes[url] for sizes in feed_growth)
    assert_same_queries(small, large, FEED_QUERIES[url])
    assert len(entries(parse(small.response))) == ENTRIES[url]
    assert len(entries(parse(large.response))) == FEED_LIMIT


MARKUP = "<script>alert(1)</script><b>x</b> & <a href='javascript:alert(2)'>länk</a>"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flode/", "/kommuner/vetlanda/flode/", "/en/flode/"])
def test_feed_text_is_declared_plain_text_so_markup_is_shown_not_run(client, url):
    period = build("vetlanda")
    period.reports.update(body=MARKUP, title="<i>Tertial</i>")
    period.meetings.update(public_summary=MARKUP)

    response = client.get(url)

    root = parse(response)
    items = root.findall(f"{ATOM}entry")
    assert len(items) == ENTRIES[url]
    for entry in items:
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "text"
        # Atom's default for a title is text too; nothing may declare html or xhtml.
        assert entry.find(f"{ATOM}title").get("type", "text") == "text"
    summaries = [entry.findtext(f"{ATOM}summary") for entry in items]
    assert summaries.count(MARKUP) == 2  # the report and the meeting, as the characters typed
    assert any("<i>Tertial</i>" in entry.findtext(f"{ATOM}title") for entry in items)
    body = response.content.decode()
    assert "<script" not in body and "<b>" not in body and "<i>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in body
    assert 'type="html"' not in body and 'type="xhtml"' not in body


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [1, 3, 7, 20])
@pytest.mark.parametrize("slug", [None, "vetlanda"])
def test_the_cutoff_day_leaves_out_only_entries_that_could_not_be_among_the_newest(limit, slug):
    """Entries on few days (ties at the cutoff), from every source and two municipalities: the
    feed built from the entries on or after the cutoff is the feed built from all of them."""
    today = timezone.localdate()
    for index, municipality in enumerate(["vetlanda", "tranas", "vetlanda"]):
        period = build(municipality, size=3, slug=f"p{index}")
        PromisePeriod.objects.filter(pk=period.pk).update(
            signed_date=today - datetime.timedelta(days=index % 2)
        )
    municipality = Municipality.objects.get(slug=slug) if slug else None

    every = sorted(
        (item for source in FEED_SOURCES for item in source(municipality, limit, None)),
        key=lambda item: item.sort_key,
        reverse=True,
    )[:limit]

    assert feed_items(municipality, limit) == every
    assert len(every) == limit


@pytest.mark.django_db
def test_an_earlier_promise_is_news_on_the_day_it_was_registered_not_its_signing(client):
    today = timezone.localdate()
    registered = factories.period(
        "vetlanda",
        start=D(2019, 1, 1),
        end=D(2020, 12, 31),
        state=PeriodState.CLOSED,
        closed_date=D(2020, 12, 31),
        signed_date=D(2018, 12, 10),
        registered_at=timezone.now() - datetime.timedelta(days=2),
        slug="2019-2020",
    )
    factories.promise(registered, "Ökad trygghet i centrum")
    undated = factories.period(
        "vetlanda",
        start=D(2021, 1, 1),
        end=D(2022, 12, 31),
        signed_date=None,
        state=PeriodState.CLOSED,
        closed_date=D(2022, 12, 31),
        registered_at=timezone.now(),
        slug="2021-2022",
    )

    items = entries(parse(client.get("/kommuner/vetlanda/flode/")))

    titles = [item["title"] for item in items]
    assert "Tidigare medborgarlöfte registrerat: Vetlanda 2019–2020" in titles
    assert "Tidigare medborgarlöfte registrerat: Vetlanda 2021–2022" in titles
    assert not any(title.startswith("Medborgarlöfte undertecknat") for title in titles)
    entry = next(item for item in items if item["title"].endswith("2019–2020"))
    assert entry["updated"].startswith((today - datetime.timedelta(days=2)).isoformat())
    assert entry["summary"] == (
        "Registrerat i efterhand från sitt dokument; undertecknat den 10 december 2018. "
        "Perioden gällde från 1 januari 2019 till 31 december 2020. "
        "Löften: Ökad trygghet i centrum"
    )
    assert entry["link"].endswith(registered.get_absolute_url())
    other = next(item for item in items if item["title"].endswith("2021–2022"))
    assert other["summary"].startswith(
        "Registrerat i efterhand från sitt dokument, som inte anger något datum för "
        "undertecknandet. Perioden gällde"
    )
    assert undated.get_absolute_url() in other["link"]


@pytest.mark.django_db
def test_revisions_and_extensions_are_news_in_the_feeds(client):
    """A tester's annual review (six revisions) and a year's extension were in no feed."""
    period = build("vetlanda", slug="2026")
    revision = Revision.objects.create(
        period=period, number=1, kind="annual_review", reason="Målen ses över efter ett år."
    )
    RevisionChange.objects.create(
        revision=revision, kind="target", subject="Trafikkontroller", old_value="2", new_value="3"
    )
    Extension.objects.create(
        period=period,
        previous_end_date=period.end_date,
        new_end_date=period.end_date + datetime.timedelta(days=365),
        decision_body="Kommunstyrelsen",
        decision_date=timezone.localdate(),
        decision_reference="KS 2026/12",
    )
    unpublished = factories.period("vetlanda", state=PeriodState.DRAFT, slug="utkast")
    Revision.objects.create(period=unpublished, number=1, kind="other", reason="UTKAST-HEMLIG")

    for url in ("/flode/", "/kommuner/vetlanda/flode/"):
        body = client.get(url).content.decode()
        items = {item["title"]: item for item in entries(parse(client.get(url)))}
        changed = next(item for title, item in items.items() if "(revidering 1)" in title)
        assert changed["title"].startswith("Medborgarlöfte ändrat: Vetlanda")
        assert changed["summary"] == (
            "Årlig översyn. Målen ses över efter ett år. Ändrat: Trafikkontroller."
        )
        assert changed["link"].endswith(f"{period.get_absolute_url()}#andring-1")
        extended = next(item for title, item in items.items() if "förlängt" in title)
        assert "beslut av Kommunstyrelsen den" in extended["summary"]
        assert "Diarienummer KS 2026/12." in extended["summary"]
        assert "UTKAST-HEMLIG" not in body
    page = client.get(period.get_absolute_url()).content.decode()
    assert 'id="andring-1"' in page and 'id="forlangning-' in page


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flode/", "/kommuner/vetlanda/flode/"])
def test_a_feed_says_it_brings_the_changes_to_a_signed_promise(client, url):
    """A citizen deciding whether to follow a feed read that it brings signed promises,
    meetings and reports; that the changes to a promise come too was said nowhere."""
    subtitle = parse(client.get(url)).find(f"{ATOM}subtitle").text
    assert subtitle.startswith("Undertecknade medborgarlöften och ändringar i dem, ")


@pytest.mark.django_db
@pytest.mark.parametrize("stray", ["\x0b", "\x1f", "\uffff"])
def test_a_character_xml_cannot_hold_in_a_stored_name_leaves_the_feeds_readable(client, stray):
    # Typed into the admin before it refused them, or written by a script: the feeds stay up.
    period = build()
    Municipality.objects.filter(pk=period.municipality_id).update(name=f"Vetlanda{stray}")

    for url in (
        reverse("followups:feed"),
        reverse("followups:municipality_feed", args=["vetlanda"]),
    ):
        root = parse(client.get(url))
        assert entries(root)
        assert stray not in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_period_page_advertises_its_municipalitys_feed_as_the_municipality_page_does(client):
    """A communicator gave a feed reader the period's page, which they were reading and which
    links the feed under "Följ och ladda ner": the reader found no feed, since only the
    municipality's page named it in its head."""
    build("vetlanda", slug="2026")
    advert = (
        '<link rel="alternate" type="application/atom+xml" title="Medborgarlöften i Vetlanda" '
        'href="/kommuner/vetlanda/flode/">'
    )
    for path in ("/kommuner/vetlanda/", "/kommuner/vetlanda/2026/"):
        response = client.get(path)
        assert response.status_code == 200
        head = response.content.decode().split("</head>")[0]
        assert advert in head, path
    assert client.get("/kommuner/vetlanda/flode/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("slug", [None, "vetlanda"])
def test_the_follow_up_feed_has_the_meetings_and_reports_alone(client, slug):
    """A citizen who only wanted to hear when a follow-up meeting is held or a report is
    published was flooded by the municipality's feed: an entry per log."""
    period = build("vetlanda", slug="2026")
    build("tranas", slug="2026")
    activity = period.activities.get()
    today = timezone.localdate()
    for _ in range(FEED_LIMIT):
        factories.log(activity, today, place="Torget")
    meeting = period.meetings.get()
    the_report = period.reports.get()

    prefix = f"/kommuner/{slug}" if slug else ""
    root = parse(client.get(f"{prefix}/uppfoljningsflode/"))
    items = entries(root)

    period_url = f"http://testserver{period.get_absolute_url()}"
    links = {item["link"] for item in items}
    assert f"{period_url}#uppfoljning-{meeting.pk}" in links
    assert f"{period_url}#redovisning-{the_report.pk}" in links
    # No signed period, no log: meetings and reports only, newest first.
    assert all(
        item["title"].startswith(("Uppföljningsmöte (", "Redovisning publicerad: "))
        for item in items
    )
    assert len(items) == (2 if slug else 4)
    updated = [item["updated"] for item in items]
    assert updated == sorted(updated, reverse=True)
    # The whole feed has them too, among the logs.
    whole = entries(parse(client.get(f"{prefix}/flode/")))
    assert {item["id"] for item in items} <= {item["id"] for item in whole}
    if slug:
        assert "Tranås" not in " ".join(item["title"] for item in items)
        assert root.findtext(f"{ATOM}title") == (
            "Medborgarlöften i Vetlanda: uppföljningsmöten och redovisningar"
        )
        self_link = "http://testserver/kommuner/vetlanda/uppfoljningsflode/"
    else:
        assert root.findtext(f"{ATOM}title") == (
            "Medborgarlöften: uppföljningsmöten och redovisningar"
        )
        self_link = "http://testserver/uppfoljningsflode/"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == self_link
    assert root.findtext(f"{ATOM}subtitle") == (
        "Bara uppföljningsmöten som har hållits och redovisningar som har publicerats. "
        "Undertecknade medborgarlöften, ändringar i dem och genomförda aktiviteter finns i det "
        "fullständiga flödet."
    )


@pytest.mark.django_db
def test_the_follow_up_feed_is_newest_first_and_limited_whatever_else_is_newer(client):
    """Newer signings (which set the whole feed's cutoff day) take no meeting out of it."""
    today = timezone.localdate()
    period = factories.period("vetlanda", start=today - datetime.timedelta(days=400))
    for day in range(FEED_LIMIT + 5):
        factories.meeting(
            period, today - datetime.timedelta(days=day + 10), public_summary=f"Möte {day}"
        )
    for other in Municipality.objects.exclude(slug="vetlanda").order_by("code")[:FEED_LIMIT]:
        factories.period(other.slug, start=today, end=today + datetime.timedelta(days=300))

    items = entries(parse(client.get("/uppfoljningsflode/")))

    assert [item["summary"] for item in items] == [f"Möte {day}" for day in range(FEED_LIMIT)]
    assert not any("Möte" in item["summary"] for item in entries(parse(client.get("/flode/"))))


@pytest.mark.django_db
def test_anonymous_feeds_set_no_cookie(client):
    build("vetlanda")
    for url in ("/flode/", *FOLLOW_UP_FEEDS, "/kommuner/vetlanda/flode/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.django_db
def test_the_pages_offering_a_feed_offer_the_follow_up_feed_beside_it_and_say_which_is_which(
    client,
):
    period = build("vetlanda", slug="2026")
    advert = (
        '<link rel="alternate" type="application/atom+xml" title="Medborgarlöften i Vetlanda: '
        'uppföljningsmöten och redovisningar" href="/kommuner/vetlanda/uppfoljningsflode/">'
    )
    # The activity's page too, which named the feeds only in its text.
    activity = reverse(
        "activities:activity_detail", args=["vetlanda", "2026", period.activities.first().pk]
    )
    for path in ("/kommuner/vetlanda/", "/kommuner/vetlanda/2026/", activity):
        page = client.get(path).content.decode()
        head, body = page.split("</head>")
        assert advert in head, path
        text = " ".join(body.split())
        assert (
            '<a href="/kommuner/vetlanda/flode/">Nyhetsflöde (Atom) för Vetlanda</a>: allt som '
            "händer, också varje genomförd aktivitet"
        ) in text, path
        assert (
            '<a href="/kommuner/vetlanda/uppfoljningsflode/">Nyhetsflöde (Atom) för Vetlanda med '
            "bara uppföljningsmöten och redovisningar</a>: ett inlägg bara när ett "
            "uppföljningsmöte har hållits eller en redovisning har publicerats"
        ) in text, path
    home = client.get("/").content.decode().split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Medborgarlöften: '
        'uppföljningsmöten och redovisningar" href="/uppfoljningsflode/">'
    ) in home
    open_data = " ".join(client.get("/oppna-data/").content.decode().split())
    assert (
        '<a href="/uppfoljningsflode/">Atom-flöde för hela landet med bara uppföljningsmöten och '
        "redovisningar</a>"
    ) in open_data
    assert "Varje flöde finns också med bara uppföljningsmöten och redovisningar" in open_data
    english = client.get("/en/kommuner/vetlanda/").content.decode()
    assert 'href="/en/kommuner/vetlanda/uppfoljningsflode/"' in english
    assert "with follow-up meetings and reports only" in english


@pytest.mark.django_db
def test_a_meetings_entry_is_titled_as_a_meeting_without_saying_follow_up_twice(client):
    """A citizen's feed reader listed "Uppföljning, tertialuppföljning: Tranås 2025–2026"."""
    period = build("vetlanda", slug="2026")
    period.meetings.update(kind="tertial")

    titles = [item["title"] for item in entries(parse(client.get("/kommuner/vetlanda/flode/")))]

    assert f"Uppföljningsmöte (tertialuppföljning): Vetlanda {period.period_label}" in titles
    assert not any(title.startswith("Uppföljning, ") for title in titles)
