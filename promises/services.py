"""Writes of the coordinator's editor: new and copied periods, versioned edits with their
revisions, and the order of promises. Each function is one transaction.

This app must not import the activities app: activities are reached through the period's and
promises' related managers (`period.activities`, `activity.promises`).
"""

import datetime
from collections.abc import Callable, Iterable, Mapping

from django.db import models, transaction
from django.db.models import Max
from django.template.defaultfilters import yesno
from django.utils import translation

from municipalities.models import Municipality
from promises import copy_review, lifecycle
from promises.editing import (
    Change,
    RevisionData,
    close_position_gaps,
    lock_period_in_state,
    move_in_period,
    record_revision,
    save_versioned,
    text_value,
)
from promises.models import (
    PERIOD_TEXT_FIELDS,
    ChangeKind,
    DecisionProposal,
    PeriodState,
    Promise,
    PromisePeriod,
    Theme,
)

# What a copy takes from its source period besides promises and activities.
COPIED_PERIOD_FIELDS = (
    "area_name",
    "local_police_area",
    "parties",
    "situation",
    "background",
    "follow_up_text",
    "contact_name",
    "contact_title",
    "contact_phone",
    "contact_email",
    "contact_is_public",
)
COPIED_PROPOSAL_FIELDS = (
    "summary",
    "description",
    "consulted",
    "economy",
    "basis",
    "recipients",
    "officials",
)


@transaction.atomic
def create_period(
    period: PromisePeriod,
    *,
    user,
    start_from: PromisePeriod | None = None,
    at: datetime.datetime | None = None,
) -> PromisePeriod:
    """Save the unsaved draft `period`, or a copy of `start_from` with `period`'s filled fields.

    `at` is the moment the new draft's history records (default now).
    """
    if start_from is None:
        period.state = PeriodState.DRAFT
        period._history_user = user
        if at is not None:
            period._history_date = at
        period.save()
        return period
    overrides = {
        name: getattr(period, name)
        for name in COPIED_PERIOD_FIELDS
        if getattr(period, name) not in ("", None, False)
    }
    return copy_period(
        start_from,
        user=user,
        slug=period.slug,
        start_date=period.start_date,
        end_date=period.end_date,
        year_only=period.year_only,
        municipality=period.municipality,
        overrides=overrides,
        at=at,
    )


@transaction.atomic
def copy_period(
    source: PromisePeriod,
    *,
    user,
    slug: str,
    start_date,
    end_date,
    year_only: bool = False,
    municipality: Municipality | None = None,
    overrides: Mapping[str, object] | None = None,
    at: datetime.datetime | None = None,
) -> PromisePeriod:
    """A new draft with `source`'s texts, promises, activities and decision-proposal texts.

    Logs, state, decision and signing, signatories, transitions, reviews, revisions, meetings and
    reports stay with the source. Activities start again as planned. `overrides` replaces copied
    fields of the period. Every new row is recorded in the history with `user` as author; the
    period's record at `at` (default now). Each copied text that names a year, a date or a
    period is marked for review (`promises.copy_review`): the draft is sent for consultation
    once each is edited or confirmed. `end_date` None: until further notice.
    """
    municipality = municipality or source.municipality
    values = {name: getattr(source, name) for name in COPIED_PERIOD_FIELDS}
    if municipality.pk != source.municipality_id:
        # An area name and a police area belong to the source's municipality.
        values["area_name"] = ""
        area = source.local_police_area
        if area is not None and not area.municipalities.filter(pk=municipality.pk).exists():
            values["local_police_area"] = None
    values.update(overrides or {})
    period = PromisePeriod(
        municipality=municipality,
        slug=slug,
        start_date=start_date,
        end_date=end_date,
        year_only=year_only,
        state=PeriodState.DRAFT,
        **values,
    )
    period._history_user = user
    if at is not None:
        period._history_date = at
    period.save()

    new_promises: dict[int, Promise] = {}
    for old in source.promises.prefetch_related("themes").order_by("position", "pk"):
        promise = Promise(
            period=period, position=old.position, title=old.title, description=old.description
        )
        promise._history_user = user
        promise.save()
        promise.themes.set(old.themes.all())
        new_promises[old.pk] = promise

    for activity in source.activities.prefetch_related("promises").order_by("position", "pk"):
        served = [new_promises[p.pk] for p in activity.promises.all() if p.pk in new_promises]
        _reset_as_new(activity)
        activity.reset_for_copy()  # the activities app says what a copy forgets
        activity.period = period
        activity._history_user = user
        activity.save()
        activity.promises.set(served)

    proposal = DecisionProposal.objects.filter(period=source).first()
    if proposal is not None:
        copy = DecisionProposal(
            period=period, **{name: getattr(proposal, name) for name in COPIED_PROPOSAL_FIELDS}
        )
        copy._history_user = user
        copy.save()
    # The marks are part of the new draft, not a later edit: no history record of their own.
    period.review_marks = copy_review.marks_for(period)
    PromisePeriod.objects.filter(pk=period.pk).update(review_marks=period.review_marks)
    return period


def _reset_as_new(instance: models.Model) -> None:
    """Make `instance` save as a new row; auto_now_add fields take the time of that save."""
    instance.pk = None
    instance.id = None
    instance._state.adding = True
    instance._prefetched_objects_cache = {}


def save_edit(
    instance: models.Model,
    expected_version: int,
    *,
    user,
    period: PromisePeriod,
    revision: RevisionData | None = None,
    changes: Iterable[Change] = (),
    save_m2m: Callable[[], None] | None = None,
) -> models.Model:
    """Save a versioned edit and, for a signed period, its revision; raises `EditConflict`, or
    `NotNow` when the period's state no longer allows it (a step committed meanwhile)."""
    with transaction.atomic():
        lock_period_in_state(period.pk, lifecycle.editable)
        save_versioned(instance, expected_version, user=user, save_m2m=save_m2m)
        if revision is not None:
            record_revision(
                period,
                user=user,
                kind=revision.kind,
                reason=revision.reason,
                notify=revision.notify,
                changes=list(changes),
            )
    return instance


def _same(old, new) -> bool:
    def norm(value):
        return "" if value is None else str(value).replace("\r\n", "\n").strip()

    return norm(old) == norm(new)


def _shown(value) -> str:
    """A value as the public change log shows it, in Swedish."""
    if isinstance(value, bool):
        with translation.override("sv"):
            return yesno(value)
    return text_value(value)


def period_changes(
    before: Mapping[str, object], period: PromisePeriod, labels: Mapping[str, object]
) -> list[Change]:
    """The public changes of a period's texts: one per changed field, labelled `labels[name]`.

    The contact person is no part of the promise: a new one is saved without a revision (a
    routine change of staff read as a change of the signed promise, "nej → ja"), and kept in
    the period's history.
    """
    names = PERIOD_TEXT_FIELDS
    return [
        Change(
            ChangeKind.TEXT_CHANGED,
            subject=text_value(labels[name]),
            old_value=_shown(before[name]),
            new_value=_shown(getattr(period, name)),
        )
        for name in names
        if not _same(before[name], getattr(period, name))
    ]


def _theme_list(themes: Iterable[Theme]) -> str:
    return ", ".join(sorted(theme.name for theme in themes))


def promise_changes(
    before: Mapping[str, object],
    promise: Promise,
    themes: Iterable[Theme],
    labels: Mapping[str, object],
) -> list[Change]:
    """The public changes of a promise: title, description and themes, one per changed field.

    `before` holds the saved title, description and themes; `themes` are the new themes.
    """
    title = text_value(before["title"])
    changes = []
    if not _same(before["title"], promise.title):
        changes.append(
            Change(
                ChangeKind.PROMISE_CHANGED,
                subject=text_value(labels["title"]),
                old_value=title,
                new_value=text_value(promise.title),
            )
        )
    if not _same(before["description"], promise.description):
        changes.append(
            Change(
                ChangeKind.PROMISE_CHANGED,
                subject=_subject(labels["description"], title),
                old_value=text_value(before["description"]),
                new_value=text_value(promise.description),
            )
        )
    old_themes, new_themes = _theme_list(before["themes"]), _theme_list(themes)
    if old_themes != new_themes:
        changes.append(
            Change(
                ChangeKind.PROMISE_CHANGED,
                subject=_subject(labels["themes"], title),
                old_value=old_themes,
                new_value=new_themes,
            )
        )
    return changes


def _subject(label, title: str) -> str:
    """ "Teman (Öka tryggheten i centrum)": which field of which promise, within 300 characters."""
    subject = f"{text_value(label)} ({title})"
    return subject if len(subject) <= 300 else subject[:299] + "…"


@transaction.atomic
def add_promise(
    promise: Promise,
    *,
    user,
    save_m2m: Callable[[], None] | None = None,
    revision: RevisionData | None = None,
) -> Promise:
    """Save the new `promise` last in its period; after signing, as a revision."""
    # Lock the period: two promises added at once get consecutive positions.
    period = PromisePeriod.objects.select_for_update().get(pk=promise.period_id)
    last = period.promises.aggregate(last=Max("position"))["last"] or 0
    promise.position = last + 1
    promise._history_user = user
    promise.save()
    if save_m2m is not None:
        save_m2m()
    if revision is not None:
        title = text_value(promise.title)
        record_revision(
            period,
            user=user,
            kind=revision.kind,
            reason=revision.reason,
            notify=revision.notify,
            changes=[Change(ChangeKind.PROMISE_ADDED, subject=title, new_value=title)],
        )
    return promise


@transaction.atomic
def move_promise(promise: Promise, direction: str, *, user) -> bool:
    """Swap `promise` with its neighbour above (`UP`) or below; False when it is at that end."""
    return move_in_period(promise, direction, user=user)


class NotDeletable(Exception):
    """The period is no longer a draft that may be deleted (see `lifecycle.deletable`)."""


@transaction.atomic
def delete_draft(period: PromisePeriod, *, user) -> None:
    """Delete a draft never sent for consultation, with its promises and activities; the
    history keeps a record of each. Raises NotDeletable if it was sent meanwhile."""
    locked = PromisePeriod.objects.select_for_update().get(pk=period.pk)
    if not lifecycle.deletable(locked):
        raise NotDeletable(period.pk)
    locked._history_user = user
    locked.delete()


@transaction.atomic
def delete_promise(promise: Promise, *, user) -> None:
    """Delete a draft's promise (its links to activities go with it) and close the gap."""
    PromisePeriod.objects.select_for_update().filter(pk=promise.period_id).first()
    period_id = promise.period_id
    promise._history_user = user
    promise.delete()
    close_position_gaps(Promise, period_id, user=user)
