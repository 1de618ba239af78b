"""Found in a round of five people using the portal from start to end: a kommunpolis on a phone,
a coordinator preparing a follow-up, a KLG member in consultation, a citizen of a small
municipality on a phone, and a journalist comparing a county."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from activities.models import Activity
from followups.models import Report, ReportKind, SignedOriginal
from promises.lifecycle import Action
from promises.models import Extension, PeriodState, Revision
from tests import factories
from tests.staff import sign_in

DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()


def _text(content: bytes) -> str:
    return re.sub(r"\s+", " ", strip_tags(content.decode()))


def _consultation(people):
    """A Vetlanda draft on samråd: one promise served by "Trafikkontroller 1", and an activity
    serving both promises."""
    period = factories.period_in_state(PeriodState.CONSULTATION, promises=2)
    both = factories.activity(period, "Samverkansmöten", target=None)
    both.promises.set(period.promises.all())
    return period


# --- the KLG member: a comment on one activity ------------------------------------------------


@pytest.mark.django_db
def test_an_approver_comments_from_the_activity_page_on_the_promise_it_serves(client, people):
    """Asked to comment on one activity, the approver opened it and found no way to: the comment
    form offered only the whole citizen promise or one of its promises."""
    period = _consultation(people)
    activity = Activity.objects.get(period=period, title="Trafikkontroller 1")
    sign_in(client, people.approver)

    page = client.get(reverse("activities:staff_activity", args=[activity.pk])).content.decode()
    link = reverse("promises:period_transition", args=[period.pk, Action.COMMENT])
    assert f'href="{link}?aktivitet={activity.pk}"' in page
    assert "Kommentera aktiviteten" in page

    form = client.get(f"{link}?aktivitet={activity.pk}").context["form"]
    assert form.initial == {
        "comment": "Om aktiviteten ”Trafikkontroller 1”: ",
        "promise": activity.promises.get().pk,
    }


@pytest.mark.django_db
def test_a_comment_on_an_activity_of_two_promises_is_about_the_whole_citizen_promise(
    client, people
):
    period = _consultation(people)
    both = Activity.objects.get(period=period, title="Samverkansmöten")
    other = factories.period("tranas", start=TODAY, end=TODAY + 100 * DAY)
    elsewhere = factories.activity(other, "Trygghetsvandringar")
    sign_in(client, people.approver)
    link = reverse("promises:period_transition", args=[period.pk, Action.COMMENT])

    assert client.get(f"{link}?aktivitet={both.pk}").context["form"].initial == {
        "comment": "Om aktiviteten ”Samverkansmöten”: "
    }
    # Another period's activity, or no number, begins nothing.
    assert client.get(f"{link}?aktivitet={elsewhere.pk}").context["form"].initial == {}
    assert client.get(f"{link}?aktivitet=x").context["form"].initial == {}


@pytest.mark.django_db
def test_only_those_who_may_comment_now_are_offered_it_on_the_activity_page(client, people):
    period = _consultation(people)
    activity = Activity.objects.get(period=period, title="Trafikkontroller 1")
    address = reverse("activities:staff_activity", args=[activity.pk])

    sign_in(client, people.coordinator)
    assert "Kommentera aktiviteten" not in client.get(address).content.decode()

    period.state = PeriodState.DRAFT
    period.save(update_fields=["state"])
    sign_in(client, people.approver)
    assert "Kommentera aktiviteten" not in client.get(address).content.decode()


@pytest.mark.django_db
def test_an_unsigned_activity_shows_its_target_but_no_progress_or_logs(client, people):
    """An approver read "Framsteg: 0 av minst 15 … Ej påbörjad" and "Inget har loggats" on a
    draft's activity as a result; the period's page already left them out before the signing."""
    period = _consultation(people)
    activity = Activity.objects.get(period=period, title="Trafikkontroller 1")
    sign_in(client, people.approver)

    html = client.get(reverse("activities:staff_activity", args=[activity.pk])).content.decode()

    assert "<dd>minst 15 trafikkontroller under hela perioden</dd>" in html
    assert 'id="progress-heading"' not in html
    assert "Ej påbörjad" not in html
    assert 'id="logs-heading"' not in html
    assert "Inget har loggats" not in html


@pytest.mark.django_db
def test_a_signed_activity_still_shows_its_progress_and_logs(client, people):
    period = factories.period_in_state(PeriodState.SIGNED, starts=-30)
    activity = period.activities.get()
    factories.log(activity, TODAY - DAY, 2)
    sign_in(client, people.officer)

    html = client.get(reverse("activities:staff_activity", args=[activity.pk])).content.decode()

    assert 'id="progress-heading"' in html
    assert "2 av minst 15 trafikkontroller" in html
    assert 'id="logs-heading"' in html
    assert "Kommentera aktiviteten" not in html


# --- the coordinator: "revidering", not "revision" (an audit) ---------------------------------


@pytest.mark.django_db
def test_a_signed_activity_with_a_target_speaks_of_a_revidering(client, people):
    """In a municipality "revision" is the audit by the elected auditors; everywhere else the
    portal says "revidering" for a change of a signed citizen promise."""
    period = factories.period_in_state(PeriodState.SIGNED, starts=-30)
    activity = period.activities.get()

    sign_in(client, people.officer)
    officer = _text(client.get(reverse("activities:staff_activity", args=[activity.pk])).content)
    sign_in(client, people.coordinator)
    coordinator = _text(
        client.get(reverse("activities:staff_activity", args=[activity.pk])).content
    )

    assert "ändras genom en revidering" in officer
    assert "Revideringar görs av kommunens samordnare" in officer
    assert "revideringens typ och skäl" in coordinator
    assert "Ändra aktiviteten (revidering)" in coordinator
    assert not re.search(r"\b[Rr]evision", officer + coordinator)


# --- the citizen: what the count of an activity without a target is ---------------------------


@pytest.mark.django_db
def test_an_activity_without_a_target_says_its_count_is_of_the_period_so_far(client):
    """Under "Status: pågår" a bare "6 gånger" left a citizen asking six times since when."""
    period = factories.period("tranemo", start=TODAY - 100 * DAY, end=TODAY + 100 * DAY)
    ongoing = factories.activity(period, "HotSpots-insatser", target=None, status="planned")
    factories.log(ongoing, TODAY - DAY, 6)
    ended = factories.period("tranemo", start=TODAY - 500 * DAY, end=TODAY - 200 * DAY)
    done = factories.activity(ended, "Trygghetsundersökningar", target=None, status="done")
    factories.log(done, TODAY - 300 * DAY, 3)

    now = _text(client.get(period.get_absolute_url()).content)
    before = _text(client.get(ended.get_absolute_url()).content)

    assert "Status: pågår Hittills under perioden: 6 gånger" in now
    assert "Status: genomförd Under perioden: 3 gånger" in before


@pytest.mark.django_db
def test_the_reports_come_before_the_meetings_on_the_period_page(client):
    """On a phone, a citizen asking whether last year's promises were kept scrolled past two
    years of monthly meetings to reach the year's report."""
    period = factories.period("tranemo", start=TODAY - 400 * DAY, end=TODAY + 300 * DAY)
    for months in range(12):
        factories.meeting(period, TODAY - (30 * months + 5) * DAY, public_summary="Månadsmöte.")
    Report.objects.create(
        period=period,
        kind=ReportKind.YEAR_END,
        title="Årsuppföljning: medborgarlöftet i Tranemo",
        body="Så här har arbetet gått.",
        covers_from=period.start_date,
        covers_to=TODAY - 40 * DAY,
        published_on=TODAY - 30 * DAY,
    )

    page = client.get(period.get_absolute_url()).content.decode()

    assert 'id="reports-heading"' in page
    assert page.index('id="reports-heading"') < page.index('id="followups-heading"')


@pytest.mark.django_db
def test_an_extended_promise_is_not_called_the_signed_document(client):
    """A promise signed and then extended listed "Medborgarlöftet (det undertecknade
    dokumentet) (medborgarlöftet som PDF): gällande version, förlängd …": two parentheses, and a
    current version called the document that was signed (the original is the line above)."""
    period = factories.period_in_state(PeriodState.EXTENDED, starts=-300, ends=60)
    SignedOriginal.objects.create(period=period, size=1, sha256="0" * 64, created_at=timezone.now())
    Extension.objects.create(
        period=period,
        previous_end_date=period.end_date - 100 * DAY,
        new_end_date=period.end_date,
        decision_body="Kommunstyrelsen",
        decision_date=TODAY - 50 * DAY,
    )

    page = _text(client.get(period.get_absolute_url()).content)

    assert "det undertecknade dokumentet" not in page
    assert "gällande version" in page
    end = period.end_date
    assert f"(medborgarlöftet som PDF): förlängd till {end.day} " in page
    assert "gällande version, förlängd" not in page
    assert not Revision.objects.filter(period=period).exists()


# --- everyone: the contact line -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_contact_line_has_no_comma_before_eller(client):
    period = factories.period("tranas", start=TODAY - 100 * DAY, end=TODAY + 100 * DAY)

    municipality = _text(client.get("/kommuner/tranas/").content)
    page = _text(client.get(period.get_absolute_url()).content)

    assert "kontakta Tranås kommun eller Polisen på 114 14." in municipality
    assert "kontakta Tranås kommun eller Polisen på 114 14." in page


# --- the journalist: the county's table and the open data page ---------------------------------


@pytest.mark.django_db
def test_the_county_table_says_the_report_date_is_its_publication(client):
    """The county's "Redovisning 7 dec 2026" beside "Möte 7 dec 2026" read as a report
    covering up to that day; it was the day a report of May–August was published."""
    period = factories.period("tranas", start=TODAY - 300 * DAY, end=TODAY + 300 * DAY)
    Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialredovisning maj–augusti",
        body="Text",
        covers_from=TODAY - 120 * DAY,
        covers_to=TODAY - 20 * DAY,
        published_on=TODAY - 2 * DAY,
    )

    text = _text(client.get("/lan/jonkopings-lan/").content)

    published = (TODAY - 2 * DAY).strftime("%-d")
    assert f"Redovisning publicerad {published} " in text


@pytest.mark.django_db
def test_the_open_data_page_names_the_http_header_as_such(client):
    """The page's "dess rubrik Last-Modified" read as a heading in the file (a journalist
    looked for it in the CSV's header row)."""
    text = _text(client.get("/oppna-data/").content)

    assert "HTTP-huvudet Last-Modified anger när de räknades fram" in text
    assert "rubrik Last-Modified" not in text
