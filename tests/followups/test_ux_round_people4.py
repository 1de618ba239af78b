"""Found in a fourth round of five people trying the portal: the coordinator preparing a tertial
follow-up meeting, and the citizen reading what the meetings said."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from followups.models import MeetingKind, MeetingStatus
from tests import factories
from tests.staff import sign_in

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def period(people):
    return factories.period(people.home.slug, start=TODAY - 200 * DAY, end=TODAY + 200 * DAY)


@pytest.mark.django_db
def test_a_planned_meeting_links_to_what_it_should_go_through(client, people, period):
    """Preparing the tertial meeting, the coordinator looked on the meetings' list for what was
    behind; the planned meeting's own page shows it ("Inför mötet"), but nothing said so."""
    planned = factories.meeting(
        period,
        TODAY + 30 * DAY,
        kind=MeetingKind.TERTIAL,
        status=MeetingStatus.PLANNED,
        time=datetime.time(13, 30),
    )
    sign_in(client, people.coordinator)

    html = client.get(reverse("followups:meeting_list", args=[period.pk])).content.decode()
    detail = client.get(reverse("followups:meeting_detail", args=[planned.pk])).content.decode()

    prepare = reverse("followups:meeting_detail", args=[planned.pk]) + "#prepare-heading"
    assert f'<a href="{prepare}">Läget inför mötet<span class="visually-hidden">' in html
    assert 'id="prepare-heading"' in detail


@pytest.mark.django_db
def test_a_held_meeting_has_no_link_to_prepare_it(client, people, period):
    held = factories.meeting(period, TODAY - 10 * DAY, kind=MeetingKind.TERTIAL)
    sign_in(client, people.coordinator)

    html = client.get(reverse("followups:meeting_list", args=[period.pk])).content.decode()

    assert reverse("followups:meeting_detail", args=[held.pk]) in html
    assert "Läget inför mötet" not in html


@pytest.mark.django_db
def test_a_meetings_time_is_written_with_kl_everywhere(client, people, period):
    """The start pages said "21 januari 2027 kl. 13:30", the meetings' list and the period's page
    "21 januari 2027 13:30", which a reader took for a number after the year."""
    at = datetime.time(13, 30)
    planned = factories.meeting(
        period, TODAY + 30 * DAY, kind=MeetingKind.TERTIAL, status=MeetingStatus.PLANNED, time=at
    )
    held = factories.meeting(
        period, TODAY - 10 * DAY, kind=MeetingKind.TERTIAL, time=at, public_summary="Genomgång."
    )
    sign_in(client, people.coordinator)

    staff_list = client.get(reverse("followups:meeting_list", args=[period.pk])).content.decode()
    public = client.get(period.get_absolute_url()).content.decode()
    line = render_to_string("followups/includes/meeting_line.html", {"meeting": planned})

    planned_day = f"{planned.date.day} "
    assert "kl. 13:30: Tertialuppföljning</a>" in line
    assert line.count("13:30") == 1 and planned_day in line
    assert f"{held.date.day} " in staff_list and "kl. 13:30: Tertialuppföljning" in staff_list
    assert " 13:30: " not in staff_list.replace("kl. 13:30: ", "")
    assert "kl. 13:30, tertialuppföljning</h3>" in public
