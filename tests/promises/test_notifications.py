"""E-mail notifications of the lifecycle's steps: who is told, in Swedish, after the commit only."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from followups import services as followup_services
from followups.models import ReportKind
from municipalities.models import NotificationPreference
from promises import notifications
from promises.editing import Change, record_revision
from promises.lifecycle import (
    Action,
    SignatoryData,
    TransitionNotAllowed,
    perform,
)
from promises.models import ChangeKind, PeriodState, RevisionKind
from tests import factories
from tests.staff import sign_in

S = PeriodState
SITE = "https://medborgarloften.example.se"
# Everyone whose mail is checked: Vetlanda's staff, Tranås's, and those never told.
NAMED = (
    "coordinator",
    "approver",
    "officer",
    "colleague",
    "area_approver",
    "inactive_coordinator",
    "admin",
    "other_coordinator",
    "other_approver",
    "other_officer",
)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def staff(people):
    """Every named user made, before the periods."""
    return people.made(*NAMED)


def addresses(*users) -> set[str]:
    return {user.email for user in users}


def sent_to(mailoutbox) -> set[str]:
    # One message per recipient: nobody sees the others' addresses.
    assert all(len(message.to) == 1 and not message.cc for message in mailoutbox)
    recipients = [message.to[0] for message in mailoutbox]
    assert len(recipients) == len(set(recipients)), "someone got the same message twice"
    return set(recipients)


def decision() -> dict:
    return {
        "decision_body": "Kommunstyrelsen",
        "decision_date": timezone.localdate(),
        "decision_reference": "KS 2026/12",
    }


def signing() -> dict:
    return {
        "signed_date": timezone.localdate(),
        "signatories": [
            SignatoryData("Henrik Tvärnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
            SignatoryData("Jonas Lindell", "Lokalpolisområdeschef", "LPO Höglandet"),
        ],
    }


def revise(capture, period, user, **notify):
    """An annual review raising a target, and what waits for the commit run."""
    with capture(execute=True):
        record_revision(
            period,
            user=user,
            kind=RevisionKind.ANNUAL_REVIEW,
            reason="Målen höjs efter ett år.",
            changes=[Change(ChangeKind.TARGET, "Trafikkontroller", "2", "3")],
            **notify,
        )


def take(capture, period, user, action, **data):
    """Take the step and run what waits for the commit, as a committed request would."""
    with capture(execute=True):
        perform(period, user, action, **data)


def test_sent_for_consultation_tells_the_municipalitys_approvers_only(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.DRAFT)

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.SUBMIT)

    # The municipality's approver and the local police area's head; not Tranås's approver,
    # not the coordinator who sent it, not the police officers.
    assert sent_to(mailoutbox) == addresses(staff.approver, staff.area_approver)
    message = mailoutbox[0]
    assert message.subject == f"Medborgarlöftet {period} har skickats på samråd"
    assert f"{SITE}/personal/perioder/{period.pk}/" in message.body
    assert "Samordnare Testsson har skickat medborgarlöftet" in message.body
    assert f"{SITE}/personal/installningar/" in message.body


@pytest.mark.parametrize(
    ("action", "reviewer", "subject", "comment", "also_told"),
    [
        (Action.APPROVE, "approver", "Medborgarlöftet {} har godkänts", "", ()),
        # Sent back: the other approvers too (an approval given in the round no longer counts).
        (
            Action.RETURN,
            "area_approver",
            "Medborgarlöftet {} har skickats tillbaka till utkast",
            "Förtydliga aktivitet 2.",
            ("approver",),
        ),
    ],
)
def test_approved_or_sent_back_tells_the_active_coordinators_of_the_municipality(
    staff,
    mailoutbox,
    django_capture_on_commit_callbacks,
    action,
    reviewer,
    subject,
    comment,
    also_told,
):
    period = factories.period_in_state(S.CONSULTATION)

    take(
        django_capture_on_commit_callbacks,
        period,
        getattr(staff, reviewer),
        action,
        comment=comment,
    )

    # Not the deactivated coordinator, not Tranås's coordinator, not the other staff, not the
    # approver who took the step.
    assert sent_to(mailoutbox) == addresses(
        staff.coordinator, *(getattr(staff, name) for name in also_told)
    )
    message = mailoutbox[0]
    assert message.subject == subject.format(period)
    assert f"{SITE}/personal/perioder/{period.pk}/" in message.body
    if comment:
        assert "Kommentar från Lpochef Testsson:" in message.body
        assert comment in message.body
        assert "En samordnare kan ändra det och skicka det på samråd igen" in message.body


def test_a_comment_about_one_promise_names_it_in_the_e_mail(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """A coordinator's e-mail did not say which promise the approver's comment was about."""
    period = factories.period_in_state(S.CONSULTATION)
    promise = period.promises.get()

    take(
        django_capture_on_commit_callbacks,
        period,
        staff.area_approver,
        Action.RETURN,
        comment="Skriv ut var kontrollerna görs.",
        promise=promise,
    )

    body = mailoutbox[0].body
    assert f"Kommentar från Lpochef Testsson om löftet ”{promise.title}”:" in body
    assert "Skriv ut var kontrollerna görs." in body


@pytest.mark.parametrize(
    ("state", "action", "data", "subject"),
    [
        (S.CONSULTATION, Action.DECIDE, decision, "Beslut om medborgarlöftet {} har registrerats"),
        (S.DECIDED, Action.SIGN, signing, "Medborgarlöftet {} har undertecknats"),
    ],
)
def test_decided_or_signed_tells_both_parties_staff_of_the_municipality(
    staff, mailoutbox, django_capture_on_commit_callbacks, state, action, data, subject
):
    period = factories.period_in_state(state, approved_by=staff.approver)

    take(django_capture_on_commit_callbacks, period, staff.admin, action, **data())

    # Coordinators, approvers and police officers of Vetlanda, directly or through its local
    # police area; nobody of Tranås, nobody deactivated. Administrators hold no membership.
    assert sent_to(mailoutbox) == addresses(
        staff.coordinator, staff.approver, staff.area_approver, staff.officer, staff.colleague
    )
    assert {message.subject for message in mailoutbox} == {subject.format(period)}


def test_the_decision_mail_names_the_decision_in_swedish(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.CONSULTATION, approved_by=staff.approver)
    data = {**decision(), "decision_date": datetime.date(2026, 11, 2)}

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.DECIDE, **data)

    body = mailoutbox[0].body
    assert "Kommunstyrelsen beslutade om det den 2 november 2026." in body
    assert "Diarienummer: KS 2026/12." in body


def test_the_one_who_took_the_step_is_not_told(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.CONSULTATION, approved_by=staff.approver)

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.DECIDE, **decision())

    assert staff.coordinator.email not in sent_to(mailoutbox)
    assert staff.approver.email in sent_to(mailoutbox)


def test_a_user_who_turned_notifications_off_is_not_told(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=staff.area_approver, email_enabled=False)
    NotificationPreference.objects.create(user=staff.approver, email_enabled=True)
    period = factories.period_in_state(S.DRAFT)

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.SUBMIT)

    assert sent_to(mailoutbox) == addresses(staff.approver)


def test_a_user_without_an_address_is_left_out(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    staff.area_approver.email = ""
    staff.area_approver.save(update_fields=["email"])
    period = factories.period_in_state(S.DRAFT)

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.SUBMIT)

    assert sent_to(mailoutbox) == addresses(staff.approver)


def test_nothing_is_sent_when_the_step_is_rolled_back(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.DRAFT)

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        perform(period, staff.coordinator, Action.SUBMIT)
        transaction.set_rollback(True)

    assert callbacks == []
    assert mailoutbox == []
    period.refresh_from_db()
    assert period.state == S.DRAFT


def test_nothing_is_sent_before_the_commit(staff, mailoutbox, django_capture_on_commit_callbacks):
    period = factories.period_in_state(S.DRAFT)

    with django_capture_on_commit_callbacks() as callbacks:
        perform(period, staff.coordinator, Action.SUBMIT)
        assert mailoutbox == []

    assert len(callbacks) == 1 and mailoutbox == []


def test_a_refused_step_sends_nothing(staff, mailoutbox, django_capture_on_commit_callbacks):
    period = factories.period_in_state(S.DRAFT, promises=0)

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(TransitionNotAllowed),
    ):
        perform(period, staff.coordinator, Action.SUBMIT)

    assert callbacks == [] and mailoutbox == []


def test_a_withdrawal_tells_nobody(staff, mailoutbox, django_capture_on_commit_callbacks):
    period = factories.period_in_state(S.CONSULTATION)

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.WITHDRAW)

    assert mailoutbox == []


def test_a_comment_tells_the_coordinators_with_its_promise_and_text(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """An approver who only commented was told "Din kommentar visas för samordnaren", but the
    coordinator got no e-mail: only a return to draft sent one."""
    period = factories.period_in_state(S.CONSULTATION)
    promise = period.promises.get()

    take(
        django_capture_on_commit_callbacks,
        period,
        staff.area_approver,
        Action.COMMENT,
        comment="Skriv ut var kontrollerna görs.",
        promise=promise,
    )

    # The coordinators, as for an approval: not the deactivated one, not Tranås's, not the
    # other approver (the period stays in consultation), not the commenter.
    assert sent_to(mailoutbox) == addresses(staff.coordinator)
    message = mailoutbox[0]
    assert message.subject == f"Medborgarlöftet {period} har fått en kommentar på samrådet"
    assert "Lpochef Testsson har kommenterat medborgarlöftet" in message.body
    assert f"Kommentar från Lpochef Testsson om löftet ”{promise.title}”:" in message.body
    assert "Skriv ut var kontrollerna görs." in message.body
    assert f"{SITE}/personal/perioder/{period.pk}/" in message.body
    assert f"{SITE}/personal/installningar/" in message.body


def test_a_comment_tells_no_coordinator_who_turned_notifications_off(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=staff.coordinator, email_enabled=False)
    period = factories.period_in_state(S.CONSULTATION)

    take(django_capture_on_commit_callbacks, period, staff.approver, Action.COMMENT, comment="Ok.")

    assert mailoutbox == []


def test_the_mail_is_swedish_whatever_the_language_of_the_request(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.CONSULTATION)
    sign_in(client, staff.approver)
    with translation.override("en"):
        url = reverse("promises:period_transition", args=[period.pk, Action.APPROVE])
    assert url.startswith("/en/")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": ""})

    assert response.status_code == 302
    translation.activate("sv")
    assert sent_to(mailoutbox) == addresses(staff.coordinator)
    message = mailoutbox[0]
    assert message.subject == f"Medborgarlöftet {period} har godkänts"
    assert "Granskare Testsson har godkänt medborgarlöftet" in message.body
    # The link is the Swedish path, not the English one the request came by.
    assert f"{SITE}/personal/perioder/{period.pk}/" in message.body


def test_recipients_take_one_query(staff, django_assert_num_queries):
    period = factories.period_in_state(S.DRAFT)
    NotificationPreference.objects.create(user=staff.approver, email_enabled=False)

    with django_assert_num_queries(1):
        to = notifications.recipients(period, notifications.RECIPIENT_ROLES["decided"])

    assert set(to) == addresses(
        staff.coordinator, staff.area_approver, staff.officer, staff.colleague
    )


def test_a_failing_mail_server_does_not_undo_the_step(
    staff, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.promises.test_notifications.BrokenBackend"
    period = factories.period_in_state(S.DRAFT)

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.SUBMIT)

    period.refresh_from_db()
    assert period.state == S.CONSULTATION
    assert "Error calling" in caplog.text


class BrokenBackend:
    """A mail backend whose server is down."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def test_a_name_with_a_line_break_still_gives_a_one_line_subject_and_the_mail_goes(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    # A line break posted by hand into an area's name made every notification of the period
    # fail (a header with a line break is refused), silently.
    period = factories.period_in_state(S.DRAFT, area_name="Centrum\nBcc: annan@example.org")

    take(django_capture_on_commit_callbacks, period, staff.coordinator, Action.SUBMIT)

    assert sent_to(mailoutbox) == addresses(staff.approver, staff.area_approver)
    assert "\n" not in mailoutbox[0].subject
    assert mailoutbox[0].bcc == []


def test_a_revision_and_an_extension_tell_both_parties_staff(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """A tester's annual review raised targets and extended the period: nobody was told."""
    period = factories.period_in_state(S.SIGNED, approved_by=staff.approver)
    revise(django_capture_on_commit_callbacks, period, staff.coordinator)
    assert sent_to(mailoutbox) == addresses(
        staff.approver, staff.area_approver, staff.officer, staff.colleague
    )
    message = mailoutbox[0]
    assert message.subject == f"Medborgarlöftet {period} har ändrats"
    assert "har ändrats efter undertecknandet" in message.body
    assert "Årlig översyn: Målen höjs efter ett år." in message.body
    assert "Ändrat: Trafikkontroller." in message.body

    mailoutbox.clear()
    new_end = period.end_date + datetime.timedelta(days=365)
    take(
        django_capture_on_commit_callbacks,
        period,
        staff.coordinator,
        Action.EXTEND,
        **decision(),
        new_end_date=new_end,
    )
    assert staff.officer.email in sent_to(mailoutbox)
    period.refresh_from_db()  # named by its years as extended
    assert mailoutbox[0].subject == f"Medborgarlöftet {period} har förlängts"
    with translation.override("sv"):
        assert f"det gäller nu till och med {date_format(new_end, 'j F Y')}" in mailoutbox[0].body


def test_a_past_revision_the_demo_records_tells_nobody(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.SIGNED, approved_by=staff.approver)
    revise(django_capture_on_commit_callbacks, period, staff.coordinator, notify=False)
    assert mailoutbox == []


def test_comments_one_after_another_e_mail_the_coordinators_once(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    """The security probe: one approver posting 200 comments in a row sent every coordinator
    200 e-mails. A comment within ten minutes of the same approver's previous one is shown on
    the page, not e-mailed again, and the approver is told so."""
    period = factories.period_in_state(S.CONSULTATION)
    sign_in(client, staff.approver)
    url = reverse("promises:period_transition", args=[period.pk, Action.COMMENT])

    for number in range(30):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"comment": f"Kommentar {number}."}, follow=True)
        assert response.status_code == 200

    assert period.reviews.count() == 30
    assert sent_to(mailoutbox) == addresses(staff.coordinator)
    assert "Kommentar 0." in mailoutbox[0].body
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        "Din kommentar är sparad. Samordnaren fick nyss veta om dina kommentarer med e-post "
        "och ser den här tillsammans med dem på medborgarlöftets sida."
    ]
    # Another approver's comment is news of its own.
    take(
        django_capture_on_commit_callbacks,
        period,
        staff.area_approver,
        Action.COMMENT,
        comment="Från lokalpolisområdet.",
    )
    assert len(mailoutbox) == 2
    # Once the approver's comments have paused for ten minutes, the next one is e-mailed.
    period.reviews.update(at=timezone.now() - notifications.COMMENT_MAIL_INTERVAL)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": "En sak till."})
    assert len(mailoutbox) == 3 and "En sak till." in mailoutbox[2].body


def _report_draft(period, coordinator):
    """A draft of a tertial's report of the period's first 30 days."""
    return followup_services.draft_report(
        period,
        coordinator,
        kind=ReportKind.TERTIAL,
        covers_from=period.start_date,
        covers_to=period.start_date + datetime.timedelta(days=30),
    )


def test_a_published_report_tells_both_parties_staff_with_its_public_address(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    """A KLG member learnt of the year's report only from the public page: its publication,
    and a corrected version's, are e-mailed to both parties' staff (not the publisher), with
    the address where the public reads it."""
    period = factories.period_in_state(S.SIGNED, approved_by=staff.approver)
    draft = _report_draft(period, staff.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        report = followup_services.publish_report(draft, staff.coordinator)
    assert sent_to(mailoutbox) == addresses(
        staff.approver, staff.area_approver, staff.officer, staff.colleague
    )
    message = mailoutbox[0]
    assert message.subject == f"En redovisning av medborgarlöftet {period} har publicerats"
    url = reverse(
        "followups:report_document", args=[period.municipality.slug, period.slug, report.pk]
    )
    assert f"har publicerat redovisningen ”{report.title}”" in message.body
    assert f"{SITE}{url}" in message.body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.correct_report(
            report, staff.coordinator, title="Rättad", body="Rättad text.", reason="Fel siffra."
        )
    assert staff.approver.email in sent_to(mailoutbox)
    assert "”Rättad”" in mailoutbox[0].body


def test_a_report_of_the_demos_past_tells_nobody(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    period = factories.period_in_state(S.SIGNED, approved_by=staff.approver)
    draft = _report_draft(period, staff.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.publish_report(draft, staff.coordinator, notify=False)
    assert mailoutbox == []
