"""The first public pages: start page, municipality page, period page."""

import datetime
import re
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from followups.models import Assessment, Rating, Report, ReportKind
from promises.models import PeriodState, PeriodTransition, PromisePeriod, Signatory
from tests import factories
from tests.growth import assert_same_queries, at_two_sizes

D = datetime.date


def build_period(municipality_slug: str = "vetlanda", size: int = 1, **fields):
    """A signed period with `size` × (promises, activities, logs, meetings)."""
    today = timezone.localdate()
    period = factories.period(
        municipality_slug,
        start=today - datetime.timedelta(days=200),
        end=today + datetime.timedelta(days=500),
        slug=fields.pop("slug", None),
        contact_name="Kim Kontakt",
        contact_is_public=fields.pop("contact_is_public", True),
        **fields,
    )
    Signatory.objects.create(period=period, name="Henrik Tvarnö", title="KSO", organisation="K")
    for i in range(size):
        promise = factories.promise(period, title=f"Löfte {i}", position=i + 1)
        activity = factories.activity(
            period,
            title=f"Trafikkontroller {i}",
            position=i + 1,
            target=("at_least", 15, "trafikkontroller", "year"),
        )
        activity.promises.add(promise)
        for day in range(3):
            factories.log(
                activity,
                today - datetime.timedelta(days=day),
                internal_note="INTERNAL-NOTE-SECRET",
                summary=f"Kontroll vid Storgatan {day}",
            )
        meeting = factories.meeting(
            period,
            today - datetime.timedelta(days=10 + i),
            public_summary=f"Sammanfattning {i}",
            internal_minutes="INTERNAL-MINUTES-SECRET",
        )
        Assessment.objects.create(meeting=meeting, promise=promise, rating=Rating.ON_TRACK)
        Report.objects.create(
            period=period,
            kind=ReportKind.TERTIAL,
            title=f"Tertialrapport {i}",
            body="Text",
            covers_from=period.start_date,
            covers_to=today,
            published_on=today,
        )
    return period


@pytest.mark.django_db
def test_start_page_shows_national_figures_and_latest_signed(client):
    build_period("vetlanda", size=2)
    factories.period("tranas", state=PeriodState.DRAFT, slug="utkast")
    response = client.get("/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures == {"periods": 1, "municipalities": 1, "done": 6}
    assert "Vetlanda" in response.content.decode()
    assert [p.municipality.name for p in response.context["latest"]] == ["Vetlanda"]


@pytest.mark.django_db
def test_start_page_writes_large_figures_in_groups_of_three(client):
    figures = {"periods": 1204, "municipalities": 290, "done": 433790}
    with mock.patch.object(PromisePeriod.objects, "national_figures", return_value=figures):
        html = client.get("/").content.decode()
    assert "<dd>433\xa0790</dd>" in html
    assert "<dd>1\xa0204</dd>" in html
    assert "<dd>290</dd>" in html


@pytest.mark.django_db
def test_start_page_redirects_to_the_chosen_municipality(client):
    response = client.get("/", {"kommun": "vetlanda"})
    assert response.status_code == 302
    assert response["Location"] == "/kommuner/vetlanda/"


@pytest.mark.django_db
def test_start_page_sends_an_unknown_municipality_to_the_search_which_says_so(client):
    response = client.get("/", {"kommun": "<script>"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/kommuner/?q=%3Cscript%3E", 302)]
    assert response.context["municipalities"] == []
    assert "&lt;script&gt;" in response.content.decode()


@pytest.mark.django_db
def test_municipality_page_says_how_each_periods_activities_stand(client):
    """A citizen asked whether last year's promise was kept, on the municipality page: each
    period says how its activities stood at its end (or stand today), as the period page
    judges them; a period whose activities have no target says nothing of the kind."""
    today = timezone.localdate()
    earlier = factories.period(
        "vetlanda", start=D(2020, 1, 1), end=D(2020, 12, 31), state=PeriodState.CLOSED
    )
    kept = factories.activity(
        earlier, "Trafikkontroller", target=("at_least", 2, "kontroller", "period")
    )
    factories.log(kept, D(2020, 5, 1), 2)
    factories.activity(earlier, "Fotpatruller", target=("at_least", 5, "fotpatruller", "period"))
    factories.activity(earlier, "Trygghetsvandring", target=None)
    current = factories.period(
        "vetlanda", start=today - datetime.timedelta(days=10), end=today + datetime.timedelta(300)
    )
    factories.activity(current, "Samtal", target=None)

    html = " ".join(client.get("/kommuner/vetlanda/").content.decode().split())

    assert "Aktiviteterna vid periodens slut: 1 uppnådd, 1 ej uppnådd, 1 utan mål." in html
    assert "Aktiviteterna i dag" not in html  # the current period's only activity has no target
    assert "Så räknas framstegen" in html  # what "ej uppnådd" means, folded
    statuses = sorted(str(activity.progress(today).status) for activity in earlier.activities.all())
    assert statuses == ["None", "achieved", "not_achieved"]


@pytest.mark.django_db
def test_municipality_page_lists_current_and_earlier_periods(client):
    current = build_period("vetlanda", slug="nu")
    earlier = factories.period(
        "vetlanda", start=D(2020, 1, 15), end=D(2021, 12, 31), state=PeriodState.CLOSED
    )
    factories.promise(earlier, title="Att öka trafiksäkerheten")
    response = client.get("/kommuner/vetlanda/")
    assert response.status_code == 200
    assert response.context["current"] == [current]
    assert response.context["others"] == [earlier]
    html = response.content.decode()
    assert "Att öka trafiksäkerheten" in html
    assert current.get_absolute_url() in html
    assert "Kim Kontakt" in html


@pytest.mark.django_db
def test_municipality_page_never_shows_drafts_or_unsigned_periods(client):
    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        period = factories.period("vetlanda", state=state, slug=state)
        factories.promise(period, title=f"Hemligt löfte {state}")
    html = client.get("/kommuner/vetlanda/").content.decode()
    assert "Hemligt löfte" not in html


@pytest.mark.django_db
def test_private_contact_is_not_shown_and_the_period_page_says_whom_to_ask(client):
    period = build_period("vetlanda", contact_is_public=False)
    assert "Kim Kontakt" not in client.get("/kommuner/vetlanda/").content.decode()
    # A reader with a question found nobody to ask: the municipality, or the Police's number.
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "Kim Kontakt" not in page
    assert "Frågor om medborgarlöftet: kontakta Vetlanda kommun eller Polisen på 114 14." in page
    # Where a newsletter's link lands: how to follow it.
    assert 'href="/kommuner/vetlanda/flode/"' in page and "Följ och ladda ner" in page
    period.contact_is_public = True
    period.save()
    page = client.get(period.get_absolute_url()).content.decode()
    assert "Kim Kontakt" in page and "114 14" not in page


@pytest.mark.django_db
def test_period_page_says_where_to_give_an_opinion_and_when_the_next_meeting_is(client):
    # A citizen who heard of the promises on the radio looked for where to give an opinion:
    # the contact stood under "Undertecknande" without its e-mail address, and the period page
    # did not say where the coming meetings are.
    period = build_period("vetlanda", contact_email="kim.kontakt@vetlanda.example.se")
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert '<h2 id="contact-heading">Frågor och synpunkter</h2>' in page
    assert (
        'e-post <a href="mailto:kim.kontakt@vetlanda.example.se">'
        "kim.kontakt@vetlanda.example.se</a>" in page
    )
    assert (
        "Kommande uppföljningsmöten och medborgardialoger finns under "
        '<a href="/kommuner/vetlanda/#coming-heading">Medborgarlöften i Vetlanda</a>.' in page
    )
    # The link lands on the municipality page's list of coming meetings.
    assert 'id="coming-heading"' in client.get("/kommuner/vetlanda/").content.decode()
    # A private contact's address is never shown.
    period.contact_is_public = False
    period.save()
    page = client.get(period.get_absolute_url()).content.decode()
    assert "kim.kontakt@" not in page and "Frågor och synpunkter" in page


@pytest.mark.django_db
def test_unknown_municipality_is_404(client):
    assert client.get("/kommuner/finns-inte/").status_code == 404


@pytest.mark.django_db
def test_period_page_shows_progress_as_text_and_the_counting_rule(client):
    period = build_period("vetlanda", size=1)
    response = client.get(period.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 av minst 15 trafikkontroller" in html
    assert "Så räknas framstegen" in html
    # The status words explained where they stand, not only on the about page (a citizen).
    rule = html[html.index("Så räknas framstegen") :]
    assert "Statusorden betyder:" in rule
    assert "<dt>i fas</dt>" in rule and "<dt>efter plan</dt>" in rule
    assert "Sammanfattning 0" in html and "Tertialrapport 0" in html
    assert "Henrik Tvarnö" in html


def activity_url(activity) -> str:
    period = activity.period
    return reverse(
        "activities:activity_detail", args=[period.municipality.slug, period.slug, activity.pk]
    )


@pytest.mark.django_db
def test_an_ended_periods_page_gives_its_status_at_the_end_not_today(client):
    """A closed period said "Läget den 6 december 2026" two years after it ended."""
    running = build_period("vetlanda", slug="pagar")
    today = timezone.localdate()
    ended = factories.period(
        "tranas", start=D(2023, 1, 1), end=D(2024, 12, 31), state=PeriodState.CLOSED
    )
    activity = factories.activity(ended, "Trafikkontroller")
    running_page = client.get(running.get_absolute_url()).content.decode()
    running_activity = client.get(activity_url(running.activities.first())).content.decode()
    # The activity's own page too: a journalist quoted its "Läget den 6 december 2026".
    for page in (running_page, running_activity):
        assert f"Läget den {date_format(today, 'j F Y')}, räknat" in page
    for page in (ended.get_absolute_url(), activity_url(activity)):
        html = client.get(page).content.decode()
        assert "Läget vid periodens slut den 31 december 2024, räknat" in html
        assert f"Läget den {date_format(today, 'j F Y')}" not in html


@pytest.mark.django_db
def test_period_page_never_shows_internal_notes_minutes_or_officers(client, django_user_model):
    officer = django_user_model.objects.create_user("polis.persson", password="x" * 20)
    period = build_period("vetlanda")
    period.activities.first().logs.update(reported_by=officer)
    html = client.get(period.get_absolute_url()).content.decode()
    assert "INTERNAL-NOTE-SECRET" not in html
    assert "INTERNAL-MINUTES-SECRET" not in html
    assert "polis.persson" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "state", [PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED]
)
def test_unsigned_period_page_is_404(client, state):
    period = factories.period("vetlanda", state=state, slug="hemlig")
    assert client.get(period.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_withdrawn_logs_do_not_count_on_the_period_page(client):
    period = build_period("vetlanda", size=1)
    for log in period.activities.first().logs.filter(date=timezone.localdate()):
        log.withdrawn_at, log.withdrawal_reason = timezone.now(), "Dubblett"
        log.save()
    assert (
        "2 av minst 15 trafikkontroller" in client.get(period.get_absolute_url()).content.decode()
    )


PAGE_QUERIES = {
    # The national figures, the latest signed (the suggestions are kept: `kept_name_options`).
    "/": 2,
    # + the latest logs ("Senast genomfört"), the coming meetings and the latest reports, one
    # LIMIT query each, and the periods' activities with their span sums (how they stand, a
    # line per period).
    "/kommuner/vetlanda/": 8,
    # + revisions and extensions for the change log (+ their changes once there are any),
    # the held meetings' assessments and verdicts (each with its promise or activity), and the
    # promises' outcome indicators (+ their measurements once there are any).
    "/kommuner/vetlanda/sida/": 14,
    # The box for other web sites: the municipality, its periods in force, their activities
    # and the activities' span sums.
    "/kommuner/vetlanda/inbaddning/": 4,
}


def _more_periods() -> None:
    # Ten times as much data: more promises, activities, logs, meetings, and more periods.
    for i in range(9):
        build_period("vetlanda", size=10, slug=f"fler-{i}")
        build_period("tranas", size=10, slug=f"fler-{i}")


@pytest.fixture(scope="module")
def page_growth(module_data):
    return at_two_sizes(
        module_data,
        PAGE_QUERIES,
        lambda: build_period("vetlanda", size=1, slug="sida"),
        _more_periods,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGE_QUERIES)
def test_page_queries_do_not_grow_with_data(page_growth, url):
    small, large = (sizes[url] for sizes in page_growth)
    assert_same_queries(small, large, PAGE_QUERIES[url])


@pytest.mark.django_db
def test_period_page_change_log_lists_public_lifecycle_steps_only(client):
    period = build_period("vetlanda")
    for from_state, to_state in [
        ("", "draft"),
        ("draft", "consultation"),
        ("consultation", "decided"),
        ("decided", "signed"),
        ("signed", "extended"),
    ]:
        PeriodTransition.objects.create(
            period=period, from_state=from_state, to_state=to_state, comment="INTERNAL-COMMENT"
        )
    response = client.get(period.get_absolute_url())
    shown = PromisePeriod.objects.for_period_page().get(pk=period.pk).public_transitions
    assert [c.to_state for c in shown] == ["signed", "extended"]
    html = response.content.decode()
    assert "Förlängd" in html and "Undertecknad" in html
    assert "INTERNAL-COMMENT" not in html and "På samråd" not in html


@pytest.mark.django_db
def test_each_promise_on_the_period_page_is_a_heading_to_jump_to(client):
    """A screen reader's user could not jump from promise to promise: they were bold text."""
    period = factories.period("vetlanda")
    for title in ("Öka tryggheten i centrum", "Minska buskörningen"):
        factories.promise(period, title)
    page = client.get(period.get_absolute_url()).content.decode()
    section = page.split('id="promises-heading"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<h3 class="promise-title">([^<]+)</h3>', section) == [
        "Öka tryggheten i centrum",
        "Minska buskörningen",
    ]
