"""Cancelling an activity after signing: in the public change log (no-target activities, by
their status), and how an activity with a target is cancelled (a revision, explained)."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from activities.models import ActivityStatus
from tests import factories
from tests.activities.test_staff_pages import make_world, url
from tests.staff import sign_in


@pytest.fixture
def world(db):
    return make_world()


def _changes(html: str) -> str:
    """The text of the public page's "Ändringar" section, whitespace folded."""
    section = html.split('id="changes-heading"', 1)[1].split("</section>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


@pytest.mark.django_db
def test_a_cancelled_activity_is_in_the_public_change_log_with_day_and_reason(client, world):
    sign_in(client, world.officer)
    reason = "Föreningen som höll i dialogerna har lagts ned"
    client.post(
        url("activity_status", world.status.pk),
        {"status": ActivityStatus.CANCELLED, "status_reason": reason},
    )
    client.logout()

    changes = _changes(client.get(world.period.get_absolute_url()).content.decode())

    day = date_format(timezone.localdate(), "j F Y")
    assert f"{day}: Aktiviteten ”Medborgardialog” ställdes in. Skäl: {reason}" in changes
    assert "Inga ändringar sedan undertecknandet" not in changes


@pytest.mark.django_db
def test_the_day_of_cancellation_is_the_status_change_not_a_later_new_reason(world):
    from activities import services
    from activities.models import Activity

    activity = world.status
    assert activity.cancelled_at is None
    services.set_activity_status(activity, world.officer, ActivityStatus.ONGOING, "")
    assert activity.cancelled_at is None  # changed, but not cancelled
    services.set_activity_status(activity, world.officer, ActivityStatus.CANCELLED, "Sjukdom")
    cancelled = Activity.objects.get(pk=activity.pk).cancelled_at
    assert cancelled is not None
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        services.set_activity_status(
            Activity.objects.get(pk=activity.pk), world.officer, "cancelled", "Långvarig sjukdom"
        )
    assert Activity.objects.get(pk=activity.pk).cancelled_at == cancelled
    # Resumed: no longer a cancellation in the change log (its status says what holds now).
    services.set_activity_status(activity, world.officer, ActivityStatus.ONGOING, "")
    assert Activity.objects.get(pk=activity.pk).cancelled_at is None


@pytest.mark.django_db
def test_a_resumed_activity_leaves_the_change_log_and_nothing_else_enters_it(client, world):
    from activities import services

    services.set_activity_status(world.status, world.officer, ActivityStatus.CANCELLED, "Sjukdom")
    services.set_activity_status(world.status, world.officer, ActivityStatus.DONE, "")

    changes = _changes(client.get(world.period.get_absolute_url()).content.decode())

    assert "ställdes in" not in changes
    assert "Inga ändringar sedan undertecknandet" in changes


@pytest.mark.django_db
def test_an_activity_cancelled_in_its_document_gets_no_invented_day(client, world):
    world.status.status, world.status.status_reason = ActivityStatus.CANCELLED, "Ingen lokal"
    world.status.save()

    html = client.get(world.period.get_absolute_url()).content.decode()

    assert "inställd (Ingen lokal)" in html  # its status, as before
    assert "ställdes in" not in _changes(html)


@pytest.mark.django_db
def test_the_period_page_does_as_many_queries_with_a_cancellation(client, world):
    from activities import services

    page = world.period.get_absolute_url()
    client.get(page)  # warm what a first visit fills
    _clear_page_caches()
    with CaptureQueriesContext(connection) as before:
        client.get(page)
    services.set_activity_status(world.status, world.officer, ActivityStatus.CANCELLED, "Sjukdom")
    _clear_page_caches()
    with CaptureQueriesContext(connection) as after:
        html = client.get(page).content.decode()

    assert "ställdes in" in _changes(html)
    assert len(after.captured_queries) == len(before.captured_queries)


def _clear_page_caches() -> None:
    for cache in caches.all():
        cache.clear()


# --- an activity with a target: cancelled by a revision, and the page says so ----------------


@pytest.mark.django_db
def test_a_target_activitys_page_tells_the_coordinator_how_and_links_to_the_revision(client, world):
    sign_in(client, world.coordinator)

    page = client.get(url("staff_activity", world.municipal.pk)).content.decode()

    assert "Om aktiviteten inte ska genomföras" in page
    assert "ändras genom en revidering" in page
    assert "välj ”Utan mål (med status i stället)”" in page
    edit = reverse("activities:activity_edit", args=[world.municipal.pk])
    assert f'<a href="{edit}">Ändra aktiviteten (revidering)</a>' in page
    assert url("activity_status", world.municipal.pk) not in page
    # The link leads to the revision form of the signed promise.
    form = client.get(edit)
    assert form.status_code == 200 and form.context["revision_form"] is not None


@pytest.mark.django_db
def test_a_kommunpolis_is_told_who_makes_the_revision_without_an_edit_link(client, world):
    sign_in(client, world.officer)

    page = client.get(url("staff_activity", world.police.pk)).content.decode()

    assert "be samordnaren att göra ändringen" in page
    assert reverse("activities:activity_edit", args=[world.police.pk]) not in page


@pytest.mark.django_db
def test_no_revision_note_for_a_status_activity_or_a_draft(client, world):
    from promises.models import PeriodState

    sign_in(client, world.coordinator)
    assert "Om aktiviteten inte ska genomföras" not in (
        client.get(url("staff_activity", world.status.pk)).content.decode()
    )
    world.period.state = PeriodState.DRAFT
    world.period.save()
    page = client.get(url("staff_activity", world.municipal.pk)).content.decode()
    assert "Om aktiviteten inte ska genomföras" not in page


@pytest.mark.django_db
def test_the_documented_way_cancels_a_target_activity_publicly(client, world):
    """Following the page's advice: a revision takes the target away, then the status."""
    world.municipal.promises.add(world.period.promises.first())
    sign_in(client, world.coordinator)
    edit = reverse("activities:activity_edit", args=[world.municipal.pk])
    form = client.get(edit).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        promises=[promise.pk for promise in world.municipal.promises.all()],
        counted_meeting_kinds=[],
        has_target="no",
        target_value="",
        target_unit="",
        target_unit_singular="",
        revision_kind="changed_situation",
        revision_reason="Ingen förening kan längre hålla i vandringarna.",
    )
    response = client.post(edit, data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        response.context["revision_form"].errors,
        response.content.decode()[-3000:],
    )
    response = client.post(
        url("activity_status", world.municipal.pk),
        {"status": ActivityStatus.CANCELLED, "status_reason": "Ingen arrangör finns längre."},
    )
    assert response.status_code == 302
    client.logout()

    changes = _changes(client.get(world.period.get_absolute_url()).content.decode())

    assert "Mål ändrat" in changes and "Ingen förening kan längre hålla i vandringarna." in changes
    assert "Aktiviteten ”Trygghetsvandringar” ställdes in. Skäl: Ingen arrangör" in changes


@pytest.mark.django_db
@pytest.mark.parametrize("feed", ["/flode/", "/kommuner/{slug}/flode/"])
def test_a_cancellation_is_news_in_the_feeds_as_in_the_change_log(client, world, feed):
    from activities import services
    from tests.followups.test_feeds import entries, parse

    reason = "Föreningen som höll i dialogerna har lagts ned"
    services.set_activity_status(world.status, world.officer, ActivityStatus.CANCELLED, reason)
    # Cancelled in its document (no day known): in no feed, as in no change log.
    factories.activity(
        world.period,
        "Föräldramöten",
        target=None,
        status=ActivityStatus.CANCELLED,
        status_reason="Okänt",
    )
    url = feed.format(slug=world.period.municipality.slug)

    items = entries(parse(client.get(url)))

    cancelled = [item for item in items if item["title"].startswith("Aktivitet inställd")]
    assert [item["title"] for item in cancelled] == [
        f"Aktivitet inställd: Medborgardialog, {world.period.place_name} "
        f"{world.period.period_label}"
    ]
    assert cancelled[0]["summary"] == f"Skäl: {reason}"
    assert cancelled[0]["link"].endswith(
        f"{world.period.get_absolute_url()}#installd-{world.status.pk}"
    )
    page = client.get(world.period.get_absolute_url()).content.decode()
    assert f'id="installd-{world.status.pk}"' in page


# --- a log sent while its activity is cancelled --------------------------------------------------


def _log_form(activity, key: str = "9b2f8a4e-1c57-4a8e-9d0e-3f4b5c6d7e8f") -> dict:
    return {
        "activity": activity.pk,
        "date": timezone.localdate().isoformat(),
        "quantity": 1,
        "place": "Torget",
        "summary": "Dialog på torget.",
        "idempotency_key": key,
    }


@pytest.mark.django_db
def test_a_log_sent_as_its_activity_is_cancelled_is_refused_and_saves_nothing(
    client, world, monkeypatch
):
    """The form checked the activity; the cancellation committed before the log's insert (a
    security probe: the log counted for an activity the public page called cancelled)."""
    from activities import services
    from activities.models import ActivityLog
    from activities.models.logs import ActivityLogQuerySet

    checked = ActivityLogQuerySet.repeat_of

    def cancelled_meanwhile(self, **kwargs):
        # Between the form's check and the save: another user cancels the activity.
        services.set_activity_status(
            world.status, world.coordinator, ActivityStatus.CANCELLED, "Föreningen lades ned"
        )
        return checked(self, **kwargs)

    monkeypatch.setattr(ActivityLogQuerySet, "repeat_of", cancelled_meanwhile)
    sign_in(client, world.officer)

    response = client.post(url("log_create"), _log_form(world.status))

    assert response.status_code == 200
    assert not ActivityLog.objects.filter(activity=world.status).exists()
    html = " ".join(response.content.decode().split())
    assert (
        "Aktiviteten tar inte emot fler loggar: den har ställts in, eller medborgarlöftet "
        "gäller inte längre. Ingenting sparades." in html
    )


@pytest.mark.django_db
def test_recording_a_log_checks_its_activity_again_when_it_saves(world):
    import uuid

    from activities import services
    from activities.models import ActivityLog
    from promises.models import PeriodState

    services.set_activity_status(world.status, world.coordinator, ActivityStatus.CANCELLED, "Nej")
    with pytest.raises(services.ClosedForLogs):
        services.record_log(
            activity=world.status,
            user=world.officer,
            idempotency_key=uuid.uuid4(),
            quantity=1,
            date=timezone.localdate(),
        )
    world.period.state = PeriodState.CLOSED
    world.period.save(update_fields=["state"])
    with pytest.raises(services.ClosedForLogs):
        services.record_log(
            activity=world.police,
            user=world.officer,
            idempotency_key=uuid.uuid4(),
            quantity=1,
            date=timezone.localdate(),
        )
    assert not ActivityLog.objects.exists()


@pytest.mark.django_db
def test_a_log_saved_before_the_cancellation_is_found_again_when_sent_twice(world):
    import uuid

    from activities import services

    key = uuid.uuid4()
    fields = {"date": timezone.localdate(), "quantity": 1}
    first, created = services.record_log(
        activity=world.status, user=world.officer, idempotency_key=key, **fields
    )
    services.set_activity_status(world.status, world.coordinator, ActivityStatus.CANCELLED, "Nej")

    again, created_again = services.record_log(
        activity=world.status, user=world.officer, idempotency_key=key, **fields
    )

    assert created and not created_again and again.pk == first.pk
    with pytest.raises(services.IdempotencyConflict):  # somebody else's key: still refused
        services.record_log(
            activity=world.status, user=world.coordinator, idempotency_key=key, **fields
        )
