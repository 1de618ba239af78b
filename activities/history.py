"""What changed, when and by whom: readable entries from django-simple-history records."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.utils import get_m2m_reverse_field_name

from activities import progress
from activities.models import Activity
from promises.models import PromisePeriod

EMPTY = "–"


class EntryKind(models.TextChoices):
    """What a history record did to its object."""

    CREATED = "created", _("created")
    CHANGED = "changed", _("changed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    DELETED = "deleted", _("deleted")


@dataclass(frozen=True)
class FieldChange:
    """One field's change, with label and values as people read them."""

    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One history record: when, who, what kind of change, why, and what changed."""

    when: datetime.datetime
    who: str
    kind: str
    reason: str
    changes: tuple[FieldChange, ...]

    @property
    def kind_label(self) -> str:
        return str(EntryKind(self.kind).label)


def person_name(user) -> str:
    """A user's full name, else their username; "system" for changes made without a user."""
    if user is None:
        return gettext("system")
    return user.get_full_name() or user.get_username()


def display_value(field: models.Field, value, related=None) -> str:
    """A field value as people read it; `related` is the object a foreign key points to."""
    if field.is_relation:
        if value is None:
            return EMPTY
        if related is None:
            # The related row is gone; the history still names it by its id.
            return f"#{value}"
        if isinstance(related, get_user_model()):
            return person_name(related)
        if isinstance(related, Activity):
            # A log moved between activities: two promises often both have "Trafikkontroller".
            period = related.period
            return f"{related.title} ({period.place_name} {period.period_label})"
        return str(related)
    if value is None or value == "":
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(field, models.DateField):
        return date_format(value, "j F Y")
    if isinstance(field, models.BooleanField):
        return gettext("yes") if value else gettext("no")
    return str(value)


def _related_lookups(model: type[models.Model]) -> list[str]:
    """select_related paths for the foreign keys a history shows by name."""
    lookups = []
    for field in model._meta.concrete_fields:
        if field.is_relation and field.editable:
            lookups.append(field.name)
            if field.related_model is PromisePeriod:
                # A period's name includes its municipality's.
                lookups.append(f"{field.name}__municipality")
            if field.related_model is Activity:
                lookups.append(f"{field.name}__period__municipality")
    return lookups


def _m2m_names(records: list) -> dict[str, dict[int, list[str]]]:
    """For each tracked many-to-many field, the related objects' names per history record."""
    if not records:
        return {}
    history_model = type(records[0])
    names: dict[str, dict[int, list[str]]] = {}
    for field in history_model._history_m2m_fields:
        through = getattr(history_model, field.name).model
        target = get_m2m_reverse_field_name(field)
        per_record: dict[int, list[str]] = defaultdict(list)
        rows = through.objects.filter(history__in=[r.history_id for r in records]).select_related(
            target
        )
        for row in rows:
            per_record[row.history_id].append(str(getattr(row, target)))
        names[field.name] = {key: sorted(value) for key, value in per_record.items()}
    return names


def _kind(record, previous) -> str:
    if record.history_type == "+":
        return EntryKind.CREATED
    if record.history_type == "-":
        return EntryKind.DELETED
    if (
        previous is not None
        and hasattr(record, "withdrawn_at")
        and previous.withdrawn_at is None
        and record.withdrawn_at is not None
    ):
        return EntryKind.WITHDRAWN
    return EntryKind.CHANGED


# An activity's target is read as one ("minst 15 trafikkontroller per år"), not field by field:
# "Målvärde: 10 → 15" left an approver to look up what the 15 counted, and over which span.
TARGET_FIELDS = frozenset(
    {"target_comparator", "target_value", "target_unit", "target_unit_singular", "target_scope"}
)


def _target_words(record) -> str:
    target = record.instance.target
    return progress.target_text(target) if target is not None else gettext("no target")


def _field_changes(model, record, previous, excluded: list[str]) -> list[FieldChange]:
    """The fields that differ between two history records of `model`, as people read them; an
    activity's target fields as one change of its whole target."""
    changes = []
    diff = record.diff_against(previous, excluded_fields=excluded).changes
    if model is Activity and any(change.field in TARGET_FIELDS for change in diff):
        old, new = _target_words(previous), _target_words(record)
        # Unless it reads the same then and now: a changed singular ("vandring") is not in the
        # words of a target of 4, and "minst 4 vandringar per år → minst 4 vandringar per år"
        # hid from an approver what was changed. Then the fields that changed are listed.
        if old != new:
            diff = [change for change in diff if change.field not in TARGET_FIELDS]
            changes.append(FieldChange(capfirst(gettext("Target")), old, new))
    for change in diff:
        field = model._meta.get_field(change.field)
        if field.is_relation:
            old = display_value(field, change.old, getattr(previous, field.name))
            new = display_value(field, change.new, getattr(record, field.name))
        else:
            old = display_value(field, change.old)
            new = display_value(field, change.new)
        changes.append(FieldChange(capfirst(field.verbose_name), old, new))
    return changes


def _changes(model, record, previous, m2m_names) -> tuple[FieldChange, ...]:
    if previous is None or record.history_type == "+":
        return ()
    changes = _field_changes(model, record, previous, list(m2m_names))
    for name, per_record in m2m_names.items():
        old_names = per_record.get(previous.history_id, [])
        new_names = per_record.get(record.history_id, [])
        if old_names != new_names:
            changes.append(
                FieldChange(
                    capfirst(model._meta.get_field(name).verbose_name),
                    ", ".join(old_names) or EMPTY,
                    ", ".join(new_names) or EMPTY,
                )
            )
    return tuple(changes)


def history_entries(obj: models.Model) -> list[HistoryEntry]:
    """The object's history, newest first, each record compared with the one before it.

    Queries stay constant however long the history: the records come with their users and
    related objects in one query, and each many-to-many field's rows in one more.
    """
    model = type(obj)
    records = list(
        obj.history.select_related("history_user", *_related_lookups(model)).order_by(
            "history_date", "history_id"
        )
    )
    m2m_names = _m2m_names(records)
    entries = []
    previous = None
    for record in records:
        kind = _kind(record, previous)
        reason = record.history_change_reason or ""
        if kind == EntryKind.WITHDRAWN:
            # The reason field holds the whole text; the change reason may be shortened.
            reason = record.withdrawal_reason or reason
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=person_name(record.history_user),
                kind=kind,
                reason=reason,
                changes=_changes(model, record, previous, m2m_names),
            )
        )
        previous = record
    entries.reverse()
    return entries


# -- What changed since a moment: for approvers, since the previous consultation round ---------

# Fields that record the work on a period rather than what it says.
BOOKKEEPING = frozenset(
    {
        "id",
        "edit_version",
        "created_at",
        "updated_at",
        "state",
        "consultation_round",
        "review_marks",
        "position",
        "period",
        "registered_at",
        "registered_by",
    }
)


@dataclass(frozen=True)
class ObjectChange:
    """One object of a period (the period itself, a promise, an activity) and how it changed:
    created, deleted, or its fields' values then and now."""

    kind_label: str
    name: str
    kind: str
    changes: tuple[FieldChange, ...]

    @property
    def change_label(self) -> str:
        return str(CHANGE_WORDS[self.kind])


# "Aktiviteten ”Trafikkontroller” har ändrats": the object named in the definite form, then
# what happened to it (no adjective to agree with its gender).
CHANGE_WORDS = {
    EntryKind.CREATED: _("has been added"),
    EntryKind.CHANGED: _("has been changed"),
    EntryKind.DELETED: _("has been removed"),
}


def changes_since(period: PromisePeriod, since: datetime.datetime) -> list[ObjectChange]:
    """What the period, its promises and its activities say now that they did not say at
    `since`: each object's last version then against its last version now (not every save in
    between), in one query per kind of object."""
    from activities.models import Activity  # the app's own model; history is imported by it
    from promises.models import Promise

    kinds = (
        (PromisePeriod, _("The citizen promise"), {"id": period.pk}),
        (Promise, _("The promise"), {"period_id": period.pk}),
        (Activity, _("The activity"), {"period_id": period.pk}),
    )
    found = []
    for model, label, lookup in kinds:
        records = model.history.filter(**lookup).select_related(*_related_lookups(model))
        by_object: dict[int, list] = defaultdict(list)
        for record in records.order_by("history_date", "history_id"):
            by_object[record.id].append(record)
        for versions in by_object.values():
            change = _change_since(model, str(label), versions, since)
            if change is not None:
                found.append(change)
    return found


def _change_since(model, label: str, versions: list, since) -> ObjectChange | None:
    then = next((v for v in reversed(versions) if v.history_date <= since), None)
    now = versions[-1]
    if now.history_date <= since:
        return None  # unchanged since
    name = str(getattr(now, "title", "") or getattr(then, "title", "") or "")
    if then is None or then.history_type == "-":
        if now.history_type == "-":
            return None  # made and removed in between
        return ObjectChange(label, name, EntryKind.CREATED, ())
    if now.history_type == "-":
        return ObjectChange(label, name, EntryKind.DELETED, ())
    excluded = [
        field.name
        for field in model._meta.concrete_fields
        if field.name in BOOKKEEPING or field.attname in BOOKKEEPING
    ] + [field.name for field in model._meta.many_to_many]  # not compared: a query each
    changes = _field_changes(model, now, then, excluded)
    if not changes:
        return None
    return ObjectChange(label, name, EntryKind.CHANGED, tuple(changes))
