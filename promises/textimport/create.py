"""Writing an imported document once the coordinator has confirmed it: a draft period with its
texts, promises and activities, or a past promise being registered (`promises.registration`)
with its source file kept unchanged. Each is one transaction; nothing is written before.

This app must not import the activities app: activities are made through the period's related
manager (`period.activities.model`).
"""

import datetime
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import Truncator, capfirst

from promises import registration, services
from promises.forms import MAX_TEXT
from promises.lifecycle import SignatoryData
from promises.models import PERIOD_TEXT_FIELDS, Promise, PromisePeriod
from promises.textimport.types import ParsedActivity, ParsedDocument

# The largest target the editor takes (activities.forms: a log's largest quantity).
MAX_TARGET = 100_000


@transaction.atomic
def create_draft(
    period: PromisePeriod,
    document: ParsedDocument,
    *,
    user,
    at: datetime.datetime | None = None,
) -> PromisePeriod:
    """Save the unsaved `period` (its facts filled in) as a draft with `document`'s texts,
    promises and activities, in their order."""
    set_texts(period, document)
    services.create_period(period, user=user, at=at)
    add_content(period, document, user=user)
    return period


@transaction.atomic
def create_registering(
    period: PromisePeriod,
    document: ParsedDocument,
    *,
    user,
    signatories: Sequence[SignatoryData] = (),
    source_file: UploadedFile | None = None,
) -> PromisePeriod:
    """Save the unsaved `period` as a past promise being registered (its source file stored
    unchanged), with `document`'s texts, promises and activities; the coordinator then
    finishes it."""
    set_texts(period, document)
    registration.start_registration(
        period, user=user, signatories=signatories, source_file=source_file
    )
    add_content(period, document, user=user)
    return period


def _cut(text: str, field) -> str:
    return Truncator(text.strip()).chars(field.max_length)


def set_texts(period: PromisePeriod, document: ParsedDocument) -> None:
    """Give the unsaved `period` `document`'s situation, background and follow-up texts, each
    within the editor's limit (`promises.forms.MAX_TEXT`); a text the document has not leaves
    the period's as it is."""
    for name in PERIOD_TEXT_FIELDS:
        text = getattr(document, name).strip()
        if text:
            setattr(period, name, Truncator(text).chars(MAX_TEXT))


def add_content(period: PromisePeriod, document: ParsedDocument, *, user) -> None:
    """Add `document`'s promises and activities to the new `period`.

    An activity serves the promises it was listed under (`promise_indexes`); when the document
    has a single promise, every activity serves it; otherwise the coordinator chooses.
    """
    title_field = Promise._meta.get_field("title")
    promises = []
    for position, parsed in enumerate(document.promises, start=1):
        promise = Promise(period=period, position=position, title=_cut(parsed.text, title_field))
        promise._history_user = user
        promise.save()
        promises.append(promise)
    activity_model = period.activities.model
    for position, parsed in enumerate(document.activities, start=1):
        activity = activity_model(period=period, position=position, **_activity_fields(parsed))
        activity._history_user = user
        activity.save()
        served = [promises[i] for i in parsed.promise_indexes if 0 <= i < len(promises)]
        if served or len(promises) == 1:
            activity.promises.set(served or promises)


def _activity_fields(parsed: ParsedActivity) -> dict:
    meta = PromisePeriod.activities.rel.related_model._meta
    other = parsed.responsible_other.strip()
    # "Another actor" without a name is an actor the text does not name: not stated.
    responsible = "unstated" if parsed.responsible == "other" and not other else parsed.responsible
    fields = {
        "title": _cut(parsed.title or parsed.text, meta.get_field("title")),
        # Public: it begins with a capital ("genomföra …" as "Genomföra …"), the rest as written.
        "description": capfirst(parsed.text.strip()),
        "responsible": responsible,
        "responsible_other": (
            _cut(other, meta.get_field("responsible_other")) if responsible == "other" else ""
        ),
        "partners": _cut(parsed.partners, meta.get_field("partners")),
    }
    target = parsed.target
    if target is not None and 1 <= target.value <= MAX_TARGET and target.unit.strip():
        fields.update(
            target_comparator=target.comparator,
            target_value=target.value,
            target_unit=_cut(target.unit, meta.get_field("target_unit")),
            target_unit_singular=_cut(target.unit_singular, meta.get_field("target_unit_singular")),
            target_scope=target.scope,
        )
    return fields
