"""One lifecycle step as it is taken (`Step`): its checks of the data (guards), its checks of
the user (user guards, which also decide whether the step is offered at all), and what it does
once allowed (effects: records, e-mails, the signing's announcement). `promises.lifecycle.RULES`
names them for each action."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from promises import copy_review, notifications
from promises import parties as parties_module
from promises.fields import long_date
from promises.forms import latest_end
from promises.lifecycle.states import (
    ValidityStart,
    has_approved,
    is_approved,
    registering,
    sent_for_consultation_by,
)
from promises.models import (
    Extension,
    Parties,
    PromisePeriod,
    Review,
    ReviewAnswer,
    Signatory,
)
from promises.validity import overlap_message, overlapping_period

# The message of each required field of the steps; the forms (lifecycle_forms) use the same.
REQUIRED = {
    "comment": _("Write a comment."),
    "answer": _("Write an answer."),
    "decision_body": _("Name the decision body."),
    "decision_date": _("Enter the decision date."),
    "signed_date": _("Enter the signing date."),
    "new_end_date": _("Enter the new end date."),
}


@dataclass
class Step:
    """One action being taken: the locked period, who, when, and the action's own data."""

    period: PromisePeriod
    user: object
    comment: str
    today: datetime.date
    at: datetime.datetime
    data: dict
    errors: dict[str | None, list[str]] = field(default_factory=dict)
    # Whether the staff concerned are e-mailed (not when the demo records past steps).
    notify: bool = True
    # The stated start a signing replaced, kept with the transition.
    previous_start_date: datetime.date | None = None
    # What a step that neither moves the period nor reviews it recorded (an answer).
    record: object = None

    def error(self, field_name: str | None, message) -> None:
        self.errors.setdefault(field_name, []).append(str(message))

    def require(self, *names: str) -> None:
        """An error for each named field (the comment, or a data field) left empty."""
        for name in names:
            value = self.comment if name == "comment" else self.data.get(name)
            if value in (None, "", []):
                self.error(name, REQUIRED[name])


Guard = Callable[[Step], None]
Effect = Callable[[Step], None]
# A check of the user against the period, asked wherever the step is offered and when it is
# taken (available_actions, the access policy, perform): why the step is not the user's to take
# now, or None.
UserGuard = Callable[[PromisePeriod, object], "str | None"]


def _not_approved_by_user(period: PromisePeriod, user) -> "str | None":
    # One approval per approver and round; a new round (sent again) asks again.
    if has_approved(period, user):
        return _("You have already approved this version of the citizen promise.")
    return None


def _not_sent_by_user(period: PromisePeriod, user) -> "str | None":
    # Two people at least: whoever sent the promise for consultation (a coordinator who is an
    # approver too) does not approve it.
    if sent_for_consultation_by(period, user):
        return _("You sent this citizen promise for consultation, so another approver approves it.")
    return None


def _not_registering(period: PromisePeriod, user) -> "str | None":
    # A document decided and signed outside the portal gets no consultation in it.
    if registering(period):
        return _(
            "This draft registers a citizen promise decided and signed outside the portal: "
            "finish the registration instead."
        )
    return None


def _approved_first(period: PromisePeriod, user) -> "str | None":
    # The decision follows an approval of the version decided on: not offered before one.
    if not is_approved(period):
        return _(
            "No approver has approved this version yet. The decision can be recorded once an "
            "approver has approved it."
        )
    return None


def _has_content(period: PromisePeriod, user) -> "str | None":
    # A document may be only a list of activities (no separate promises): it is sent as it is.
    # Where it has promises, every activity serves at least one of them. Not offered before.
    activities = period.activities.all()
    if not activities.exists():
        return _("Add at least one activity first.")
    if period.promises.exists():
        unserved = list(activities.filter(promises__isnull=True).values_list("title", flat=True))
        if unserved:
            return _unserved_refusal(unserved)
    return None


class Refusal(str):
    """Why a step is held back, when a field of the period's details puts it right: `field`,
    the field to fill in, and `fix`, the words of the link to it in the period's editor."""

    field: str = ""
    fix: str = ""

    def __new__(cls, text: str, field: str = "", fix: str = "") -> "Refusal":
        refusal = super().__new__(cls, text)
        refusal.field, refusal.fix = field, fix
        return refusal


def _names_police_area(period: PromisePeriod, user) -> "Refusal | None":
    # Where the Police give promises, the signing document names the local police area as
    # their party (`parties.police`), its head signs for them and the signing form proposes it
    # as the organisation of the Police's signatory; the public page names it too. Chosen
    # before consultation, so that the approvers read what will be signed. A municipality that
    # gives the promises alone needs none; a promise registered afterwards says what its
    # document says ("ej angivet") and is never sent.
    if period.local_police_area_id is None and period.parties != Parties.MUNICIPALITY:
        return Refusal(
            gettext(
                "Choose the local police area first: the citizen promise names it as the "
                "Police's party, and its head signs for the Police."
            ),
            field="local_police_area",
            fix=gettext("Choose the local police area"),
        )
    return None


# How many activities without a promise the refusal names; the rest are counted.
UNSERVED_NAMED = 5


def _unserved_refusal(titles: list[str]) -> str:
    """Why a draft is not sent: the activities that serve no promise, by name (a copied or
    imported draft may have many, and its page does not otherwise say which)."""
    named = [f"”{title}”" for title in titles[:UNSERVED_NAMED]]
    rest = len(titles) - len(named)
    if rest:
        named.append(ngettext("%(count)d more", "%(count)d more", rest) % {"count": rest})
    which = ngettext(
        "Choose which promise the activity %(activities)s serves.",
        "Choose which promises the activities %(activities)s serve.",
        len(titles),
    ) % {"activities": get_text_list(named, gettext("and"))}
    return f"{gettext('Every activity must serve at least one of the promises.')} {which}"


def _has_comment(step: Step) -> None:
    step.require("comment")
    # A comment may be about one promise: one of this period's.
    promise = step.data.get("promise")
    if promise is not None and promise.period_id != step.period.pk:
        step.error("promise", _("Choose one of this citizen promise's promises."))


def _not_after_today(step: Step, name: str, message) -> None:
    day = step.data.get(name)
    if day and day > step.today:
        step.error(name, message)


def _has_decision(step: Step) -> None:
    step.require("decision_body", "decision_date")
    _not_after_today(step, "decision_date", _("The decision date cannot be in the future."))


def signed_validity_start(period: PromisePeriod, signed_date: datetime.date, choice: str):
    """The first day of validity a signing on `signed_date` gives `period` by `choice`: from
    the signing, or as stated. A signing before the stated start never starts it earlier."""
    if choice == ValidityStart.SIGNING:
        return max(signed_date, period.start_date)
    return period.start_date


def _has_content_reviewed(step: Step) -> None:
    # A copy's texts that name a year, a date or a period are edited or confirmed first.
    outstanding = copy_review.outstanding(step.period)
    if outstanding:
        step.error(
            None,
            _(
                "Review the copied texts that name a year, a date or a period first: "
                "%(count)s left (see the list on the citizen promise's page)."
            )
            % {"count": len(outstanding)},
        )


# Who must sign, by who gives the promises, and what is said when a party has no signatory.
SIGNATORIES_NEEDED = {
    Parties.JOINT: _(
        "Name a signatory for each party: the municipality and the Police. The Police's "
        "signatory has an organisation such as Polisen or Lokalpolisområde …"
    ),
    Parties.POLICE: _("Name the signatory for the Police."),
    Parties.MUNICIPALITY: _("Name the signatory for the municipality."),
}


def _has_signing(step: Step) -> None:
    step.require("signed_date")
    _not_after_today(step, "signed_date", _("The signing date cannot be in the future."))
    day, period = step.data.get("signed_date"), step.period
    choice = step.data.get("validity_start") or ValidityStart.SIGNING
    if choice not in ValidityStart.values:
        step.error("validity_start", _("Choose where the validity starts."))
        return
    if day and period.decision_date and day < period.decision_date:
        step.error("signed_date", _("The period cannot be signed before it was decided."))
    # Validity from the signing date needs a day left before the end.
    last = period.end_date
    from_signing = choice == ValidityStart.SIGNING
    if day and last is not None and (day > last or (day == last and from_signing)):
        step.error("signed_date", _("The signing date must be before the period ends."))
    if day and not step.errors.get("signed_date"):
        _not_overlapping(step, signed_validity_start(period, day, choice), period.end_date)
    # Only the parties that give the promises sign: both, or the one alone; each signatory for
    # the party their organisation names (two signatories of the municipality were taken for a
    # joint signing, and the page said "Polisen och kommunen lovar gemensamt").
    parties = period.parties if period.parties in SIGNATORIES_NEEDED else Parties.JOINT
    signatories = step.data.get("signatories") or []
    police = sum(parties_module.signs_for_police(s.organisation) for s in signatories)
    needed = {
        Parties.JOINT: police >= 1 and len(signatories) - police >= 1,
        Parties.POLICE: police >= 1,
        Parties.MUNICIPALITY: len(signatories) - police >= 1,
    }
    if not needed[parties]:
        step.error("signatories", SIGNATORIES_NEEDED[parties])


def _not_overlapping(step: Step, start: datetime.date, end: datetime.date | None) -> None:
    """An error when [start, end] overlaps another signed period of the same place."""
    other = overlapping_period(step.period, start, end, open_ended=end is None)
    if other is not None:
        step.error(None, overlap_message(other))


def _has_end(period: PromisePeriod, user) -> "str | None":
    # A period in force until further notice has no end to move; it is closed when it ends.
    if period.end_date is None:
        return _(
            "The citizen promise applies until further notice: it has no end date to extend. "
            "Close it when it ends."
        )
    return None


def _has_begun(period: PromisePeriod, user) -> "str | None":
    # Closing says the period is over: one that has not begun has nothing to close yet (and its
    # page would show a period ended before it started).
    if timezone.localdate() < period.start_date:
        return _(
            "The citizen promise has not begun yet: it can be closed from its first day, %(start)s."
        ) % {"start": long_date(period.start_date)}
    return None


def _has_new_end(step: Step) -> None:
    step.require("new_end_date")
    new_end, period = step.data.get("new_end_date"), step.period
    if not new_end or period.end_date is None:
        return
    decided = step.data.get("decision_date")
    if decided and period.signed_date and decided < period.signed_date:
        step.error(
            "decision_date",
            _("The extension cannot be decided before the citizen promise was signed, %(date)s.")
            % {"date": long_date(period.signed_date)},
        )
    if new_end <= period.end_date:
        step.error("new_end_date", _("The new end date must be after the current end date."))
        return
    # The whole period, extension included, runs for at most five years, as a new one does.
    latest = latest_end(period.start_date)
    if latest is not None and new_end > latest:
        step.error(
            "new_end_date",
            _(
                "A citizen promise can run for at most five years, extensions included: "
                "choose an end date no later than %(date)s."
            )
            % {"date": long_date(latest)},
        )
        return
    _not_overlapping(step, period.start_date, new_end)


def _next_round(step: Step) -> None:
    step.period.consultation_round += 1


def _notify(event: str) -> Effect:
    """An effect e-mailing the staff concerned about the step once it is committed."""

    def effect(step: Step) -> None:
        if step.notify:
            promise = step.data.get("promise")
            notifications.notify(
                event,
                step.period,
                by=step.user,
                comment=step.comment,
                about=promise.title if promise is not None else "",
            )

    effect.__name__ = f"_notify_{event}"
    return effect


_notify_commented = _notify(notifications.COMMENTED)


def _notify_comment(step: Step) -> None:
    """`_notify(COMMENTED)`, unless the same approver commented a moment ago: the coordinators
    were told then (`notifications.follows_comment`)."""
    if not notifications.follows_comment(step.period, step.user, step.at):
        _notify_commented(step)


def answerable(review: Review) -> bool:
    """Whether `review` is a comment that can be answered: one with words (a comment, a return,
    an approval with a comment); a bare approval asks nothing. The period's state and the
    user's role are the rule's (`RULES[Action.ANSWER]`)."""
    return bool(review.comment)


def _answers_a_comment(step: Step) -> None:
    # The comment answered is one of this period's, with words to answer.
    if not step.comment:
        step.error("comment", REQUIRED["answer"])
    review = step.data.get("review")
    if review is None or review.period_id != step.period.pk or not answerable(review):
        step.error("review", _("Choose a comment on this citizen promise to answer."))


def _record_answer(step: Step) -> None:
    # The same answer to the same comment twice (a double submit) is saved, and told, once.
    review, by = step.data["review"], step.user
    existing = ReviewAnswer.objects.filter(review=review, by=by, text=step.comment).first()
    if existing is not None:
        step.notify = False
        step.record = existing
        return
    step.record = ReviewAnswer.objects.create(review=review, by=by, text=step.comment, at=step.at)


def _notify_answered(step: Step) -> None:
    """The approver who wrote the comment is told of the answer (and nobody else)."""
    if step.notify:
        review = step.data["review"]
        notifications.notify(
            notifications.ANSWERED,
            step.period,
            by=step.user,
            comment=step.comment,
            about=review.promise_title_then,
            answered=review.comment,
            to=review.reviewer,
        )


def _record_decision(step: Step) -> None:
    period, data = step.period, step.data
    period.decision_body = data["decision_body"]
    period.decision_date = data["decision_date"]
    period.decision_reference = data.get("decision_reference", "")


def _record_signing(step: Step) -> None:
    period = step.period
    period.signed_date = step.data["signed_date"]
    # The coordinator chose where the validity starts; a moved start is kept in the record.
    choice = step.data.get("validity_start") or ValidityStart.SIGNING
    start = signed_validity_start(period, period.signed_date, choice)
    if start != period.start_date:
        step.previous_start_date = period.start_date
        period.start_date = start
    Signatory.objects.bulk_create(
        Signatory(period=period, position=i, **vars(s))
        for i, s in enumerate(step.data["signatories"], start=1)
    )


# Sent inside the signing step, once its signatories are recorded and before the period is
# saved (`period` carries the step's unsaved changes): the follow-up keeps the signed original
# (followups.frozen), in the step's own transaction. A signal, so this app imports nothing above.
signed = Signal()


def _announce_signing(step: Step) -> None:
    signed.send(sender=PromisePeriod, period=step.period, at=step.at)


def _record_extension(step: Step) -> None:
    period, data = step.period, step.data
    Extension.objects.create(
        period=period,
        previous_end_date=period.end_date,
        new_end_date=data["new_end_date"],
        decision_body=data["decision_body"],
        decision_date=data["decision_date"],
        decision_reference=data.get("decision_reference", ""),
        created_by=step.user,
        created_at=step.at,
    )
    period.end_date = data["new_end_date"]


def _record_closing(step: Step) -> None:
    # A period in force until further notice ends on the day it is closed (if it had begun).
    # A dated one keeps the end its document states; the day it was closed is kept beside it,
    # and its pages say it was closed before that end.
    period = step.period
    period.closed_date = step.today
    period.closing_reason = step.data.get("closing_reason", "")
    if period.end_date is None and step.today > period.start_date:
        period.end_date = step.today
