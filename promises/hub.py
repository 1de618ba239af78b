"""The period's staff hub and the history pages of periods, promises, activities and logs.

The hub is a period's workspace: its state on the lifecycle's steps, the user's next steps,
content with editor links, documents and the record (reviews, transitions, extensions,
revisions). Views let through only users signed in with both factors and ask the access policy
(`access.policy`); objects come through the user's scope (404 outside it).
"""

import datetime
from typing import NamedTuple

from django.apps import apps
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_safe

from access import policy
from access.staff import staff_required
from activities.history import ObjectChange, changes_since, history_entries
from activities.models import Activity, ActivityLog
from municipalities.roles import Act
from promises import copy_review, lifecycle
from promises.lifecycle import Action
from promises.models import (
    PUBLISHED_STATES,
    PeriodState,
    Promise,
    PromisePeriod,
    Review,
    prefetch_answers,
)
from promises.validity import overlap_message, overlapping_drafts, overlapping_period

# The period's documents (URL slug, name), in staff pages for any state.
DOCUMENTS = (
    ("tjansteutlatande", gettext_lazy("Decision proposal (tjänsteutlåtande)")),
    ("medborgarloftet", gettext_lazy("Citizen promise document for signing")),
)
REGISTERED_DOCUMENT = gettext_lazy("The portal's compilation of the citizen promise")


class HistoryKind(NamedTuple):
    """An object type whose history staff can read: model and related rows to fetch."""

    model: type[models.Model]
    related: tuple[str, ...]


HISTORY_KINDS = {
    "period": HistoryKind(PromisePeriod, ("municipality",)),
    "lofte": HistoryKind(Promise, ("period__municipality",)),
    "aktivitet": HistoryKind(Activity, ("period__municipality",)),
    "logg": HistoryKind(ActivityLog, ("activity",)),
}


# The step indicator of the period page; the last step is "closed" or "extended".
LIFECYCLE_STEPS = (
    PeriodState.DRAFT,
    PeriodState.CONSULTATION,
    PeriodState.DECIDED,
    PeriodState.SIGNED,
)
FINAL_STATES = (PeriodState.EXTENDED, PeriodState.CLOSED)


class Step(NamedTuple):
    """One step of the step indicator: its label and whether it is done, current or to come."""

    label: str
    status: str


def lifecycle_steps(period: PromisePeriod) -> list[Step]:
    """The lifecycle's steps, with the period's current one marked."""
    if lifecycle.from_document(period):
        # Decided and signed outside the portal: no consultation, decision or signing here.
        registered = _("registered afterwards from its document")
        if period.registered_at is None:
            return [Step(str(PeriodState.DRAFT.label), "current"), Step(registered, "to-come")]
        return [Step(registered, "done"), Step(str(PeriodState(period.state).label), "current")]
    labels = [str(PeriodState(state).label) for state in LIFECYCLE_STEPS]
    if period.state in FINAL_STATES:
        labels.append(str(PeriodState(period.state).label))
        current = len(LIFECYCLE_STEPS)
    else:
        labels.append(_("closed or extended"))
        current = LIFECYCLE_STEPS.index(period.state)
    return [
        Step(label, "done" if i < current else "current" if i == current else "to-come")
        for i, label in enumerate(labels)
    ]


def promise_comments(period: PromisePeriod, promises: list[Promise]) -> list[tuple[Promise, list]]:
    """Each promise with the comments and returns of the latest consultation round about it,
    oldest first (shown beside the promise the approver wrote about)."""
    about: dict[int, list[Review]] = {}
    for review in period.reviews.all():
        if review.promise_id is not None and review.round == period.consultation_round:
            about.setdefault(review.promise_id, []).append(review)
    return [
        (promise, sorted(about.get(promise.pk, []), key=lambda r: (r.at, r.pk)))
        for promise in promises
    ]


def promises_served(activities: list[Activity], promises: list[Promise]) -> None:
    """Each activity's `serves_words`: the numbers of the promises it serves, as the hub's list
    numbers them ("Hör till löfte 1 och 3"), or that it serves none yet; "" in a period made only
    of activities. The import asks the coordinator to check these, and the hub did not say them."""
    numbers = {promise.pk: number for number, promise in enumerate(promises, start=1)}
    for activity in activities:
        served = sorted(numbers[p.pk] for p in activity.promises.all() if p.pk in numbers)
        if not promises:
            activity.serves_words = ""
        elif not served:
            activity.serves_words = _("Serves no promise yet")
        else:
            activity.serves_words = ngettext(
                "Serves promise %(numbers)s", "Serves promises %(numbers)s", len(served)
            ) % {"numbers": get_text_list([str(n) for n in served], _("and"))}


def _steps_to_come(period: PromisePeriod, user) -> tuple[str, str] | None:
    """`lifecycle.steps_to_come` in words: the state's name and the steps' names."""
    coming = lifecycle.steps_to_come(period, user)
    if coming is None:
        return None
    state, actions = coming
    return PeriodState(state).label, ", ".join(str(Action(action).label) for action in actions)


def previous_round_start(period: PromisePeriod, transitions: list) -> object | None:
    """When the previous consultation round began, for a period in a later one (what the
    approvers saw then is what they compare with); None otherwise."""
    if period.state != PeriodState.CONSULTATION:
        return None
    starts = sorted(t.at for t in transitions if t.to_state == PeriodState.CONSULTATION)
    return starts[-2] if len(starts) > 1 else None


class RoundChanges(NamedTuple):
    """What changed since the previous consultation round began (`since`), beside what the
    approvers said in that round (`comments`: its reviews with a comment) and what the
    coordinator said on sending it again (`sent_with`)."""

    since: datetime.datetime
    changes: list[ObjectChange]
    comments: tuple[Review, ...] = ()
    sent_with: str = ""


def round_changes(period: PromisePeriod, transitions: list) -> RoundChanges | None:
    """In a later consultation round: what the period, its promises and its activities say now
    that they did not say when the previous round began (what the approvers saw then against
    what they are asked to approve now), with the previous round's comments and the
    coordinator's answer; None otherwise. The hub and the approvers' step pages show it."""
    since = previous_round_start(period, transitions)
    if since is None:
        return None
    current = max(
        (t for t in transitions if t.to_state == PeriodState.CONSULTATION), key=lambda t: t.at
    )
    comments = tuple(
        Review.objects.filter(period=period, round=period.consultation_round - 1)
        .exclude(comment="")
        .select_related("reviewer", "promise")
        .prefetch_related(prefetch_answers())
        .order_by("at", "pk")
    )
    return RoundChanges(since, changes_since(period, since), comments, current.comment)


class FollowUpNow(NamedTuple):
    """A followed-up period's latest held meeting, next planned one, and the latest planned
    one whose day has passed without it being recorded as held or cancelled; each None if
    none."""

    latest: models.Model | None
    coming: models.Model | None
    overdue: models.Model | None = None


def follow_up_now(period: PromisePeriod, today: datetime.date) -> FollowUpNow:
    """The period's latest held meeting (with its summary and decisions) and its next planned
    one from `today` on: what a coordinator taking over needs first. One query; the meetings
    are read by name, so this app need not import followups."""
    meetings = apps.get_model("followups", "FollowUpMeeting").objects.filter(period=period)
    latest = coming = overdue = None
    for meeting in meetings.last_and_next(today):
        if meeting.status == "held":
            latest = meeting
        elif meeting.date >= today:
            coming = meeting
        else:
            overdue = meeting
    return FollowUpNow(latest=latest, coming=coming, overdue=overdue)


def previous_published(period: PromisePeriod) -> PromisePeriod | None:
    """The published period of the same municipality (and area) that started last before this
    one: what an approver reading a draft compares it with (one query)."""
    return (
        PromisePeriod.objects.published()
        .filter(
            municipality_id=period.municipality_id,
            area_name=period.area_name,
            start_date__lt=period.start_date,
        )
        .exclude(pk=period.pk)
        .select_related("municipality")
        .order_by("-start_date")
        .first()
    )


def mark_answerable(reviews, may_answer: bool) -> None:
    """Set each review's `can_answer`: whether the page offers to answer it, by the access
    policy's answer for the period (`may_answer`) and the lifecycle's for the review."""
    for review in reviews:
        review.can_answer = may_answer and lifecycle.answerable(review)


def review_rounds(period: PromisePeriod) -> list[tuple[int, list[Review]]]:
    """The period's reviews by consultation round, newest round and review first."""
    rounds: dict[int, list[Review]] = {}
    for review in period.reviews.all():
        rounds.setdefault(review.round, []).append(review)
    return sorted(rounds.items(), reverse=True)


def _fix_url(period: PromisePeriod, reason: str) -> str:
    """Where the period's details put a held-back step right: the field in the period's
    editor, for a `lifecycle.Refusal` naming one; else ""."""
    field = getattr(reason, "field", "")
    if not field:
        return ""
    return f"{reverse('promises:period_edit', args=[period.pk])}#id_{field}"


@staff_required
@require_safe
def staff_period(request: HttpRequest, pk: int) -> HttpResponse:
    """A period's workspace: state, the user's next steps, content, editor links, record."""
    user = request.user
    policy.require(user, Act.VIEW_STAFF)
    period = get_object_or_404(PromisePeriod.objects.for_staff_period(user), pk=pk)
    today = timezone.localdate()
    activities = list(
        Activity.objects.for_staff_period(user).filter(period=period).prefetch_related("promises")
    )
    offered, held = lifecycle.own_steps(period, user)
    actions = [Action(action) for action in offered]
    unpublished = period.state not in PUBLISHED_STATES
    signed_overlap = overlapping_period(period) if unpublished else None
    promises = list(period.promises.all())
    promises_served(activities, promises)
    transitions = list(period.transitions.all())
    followed_up = lifecycle.followed_up(period)
    # An approver's comment is answered beside it, by those the policy lets answer now.
    may_answer = policy.may(user, Action.ANSWER, period)
    mark_answerable(period.reviews.all(), may_answer)
    changes = round_changes(period, transitions)
    if changes is not None:
        mark_answerable(changes.comments, may_answer)
    context = {
        "period": period,
        # In a later consultation round: what changed since the previous one began.
        "round_changes": changes,
        # Once signed: what the last meeting decided and when the next one is.
        "follow_up_now": follow_up_now(period, today) if followed_up else None,
        "promises": promise_comments(period, promises),
        "activities": [(activity, activity.progress(today)) for activity in activities],
        # Before it is signed nothing is logged: a draft's "0 av minst 15 … ej påbörjad" read as
        # a result (an approver); its targets are shown.
        "shows_progress": not unpublished,
        # A draft is read beside the promise it follows (an approver between meetings).
        "previous_period": previous_published(period) if unpublished else None,
        "is_active": period.is_active(today),
        "today": today,
        "steps": lifecycle_steps(period),
        "actions": actions,
        # Repeated after the text, where an approver who read it to the end is.
        "review_actions": [action for action in actions if action in lifecycle.REVIEW_ACTIONS],
        # The user's steps held back for now, each with why ("… from its first day, 1 March").
        # With the link to the field that puts it right, where one does (`lifecycle.Refusal`).
        "held_back": [
            (Action(action).label, reason, _fix_url(period, reason), getattr(reason, "fix", ""))
            for action, reason in held
        ],
        # With no step now: the state in which the user's next ones come, and their names.
        "steps_to_come": _steps_to_come(period, user) if not (offered or held) else None,
        "can_edit": policy.may(user, Act.EDIT, period),
        "needs_revision": lifecycle.needs_revision(period),
        "can_rearrange": policy.may(user, Act.EDIT_DRAFT, period),
        "can_copy": policy.may(user, Act.CREATE_PERIOD, period) and lifecycle.copyable(period),
        "can_delete": policy.may(user, Act.DELETE_DRAFT, period),
        "can_edit_proposal": policy.may(user, Act.EDIT_PROPOSAL, period),
        "can_create_period": policy.may(user, Act.CREATE_PERIOD),
        "followed_up": followed_up,
        # Decided and signed outside the portal (registered, or being registered): its
        # decision and signing as its document states them.
        "from_document": lifecycle.from_document(period),
        "review_rounds": review_rounds(period),
        # Found the day a draft is made: dates it cannot be signed with, or a second draft of
        # the same promise (a document imported twice).
        "overlap_warning": overlap_message(signed_overlap) if signed_overlap else "",
        "overlapping_drafts": (
            overlapping_drafts(period, PromisePeriod.objects.visible_to(user).with_place())
            if unpublished
            else []
        ),
        # A copy's texts naming a year, date or period, until each is edited or confirmed.
        "review_marks": (
            copy_review.outstanding(period) if lifecycle.freely_editable(period) else []
        ),
        "transitions": transitions,
        "extensions": list(period.extensions.all()),
        "revisions": list(period.revisions.all()),
        "documents": [
            # A promise registered from its document was signed already: the portal's document
            # is its compilation, not one "for signing".
            (
                slug,
                REGISTERED_DOCUMENT
                if slug == "medborgarloftet" and lifecycle.from_document(period)
                else name,
            )
            for slug, name in DOCUMENTS
            if slug != "tjansteutlatande" or lifecycle.has_municipal_proposal(period)
        ],
    }
    return render(request, "promises/staff_period.html", context)


def _history_names(kind: str, obj) -> tuple[str, str]:
    """The object's name and the staff page to go back to."""
    if kind == "period":
        return str(obj), reverse("promises:staff_period", args=[obj.pk])
    if kind == "lofte":
        url = reverse("promises:staff_period", args=[obj.period_id])
        return obj.title, f"{url}#lofte-{obj.pk}"
    if kind == "aktivitet":
        return obj.title, reverse("activities:staff_activity", args=[obj.pk])
    url = reverse("activities:staff_activity", args=[obj.activity_id])
    name = f"{obj.activity.title}, {date_format(obj.date, 'j F Y')}"
    return name, f"{url}#logg-{obj.pk}"


@staff_required
@require_safe
def history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The history of a period, promise, activity or log: who changed what, and when."""
    if kind not in HISTORY_KINDS:
        raise Http404
    model, related = HISTORY_KINDS[kind]
    policy.require(request.user, Act.VIEW_STAFF)
    obj = get_object_or_404(model.objects.visible_to(request.user).select_related(*related), pk=pk)
    name, back_url = _history_names(kind, obj)
    context = {
        "kind": kind,
        "object": obj,
        "name": name,
        "back_url": back_url,
        "entries": history_entries(obj),
    }
    return render(request, "promises/history.html", context)
