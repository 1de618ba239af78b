"""Copied texts to review: a copy of an earlier period carries texts that name its years, dates
and periods ("Löftena förnyas därför för 2025–2026"); each is marked when copied and must be
edited or confirmed before the draft is sent for consultation (`lifecycle`'s SUBMIT guard).

A mark keeps where the text is (the period, a promise, an activity or the decision proposal, and
the field) and the text as copied. It is outstanding while the text is unchanged: editing the
text clears it, and so does confirming it (`confirm`). This app does not import the activities
app: activities are reached through `period.activities`.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from promises.models import DecisionProposal, PromisePeriod

MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
# A year (1990–2099), a numeric date (2025-10-14, 14/10), a day and month ("14 oktober",
# "1 jan"), a period named relative to now ("i år", "nästa år", "under 2025"), or a length of
# years ("gäller i två år", "tvååriga medborgarlöften": a copy for one year keeps them).
DATED = re.compile(
    r"\b(?:19[89]\d|20\d\d)\b"
    r"|\b\d{1,2}/\d{1,2}\b"
    rf"|\b\d{{1,2}}(?:\s|\xa0)+(?:{MONTHS})\b"
    r"|\b(?:i år|i fjol|förra året|nästa år|kommande år|innevarande år)\b"
    r"|\b(?:ett|två|tre|fyra|fem|\d)(?:\s|\xa0)+år\b"
    r"|\b(?:ett|två|tre|fyra|fem)årig[at]?\b",
    re.IGNORECASE,
)

# Where copied texts live: kind → (fields, label of the kind).
PERIOD_FIELDS = ("situation", "background", "follow_up_text")
PROMISE_FIELDS = ("title", "description")
ACTIVITY_FIELDS = ("title", "description")
PROPOSAL_FIELDS = ("summary", "description", "consulted", "economy", "basis", "recipients")
KIND_LABELS = {
    "period": _("The citizen promise"),
    "promise": _("Promise"),
    "activity": _("Activity"),
    "proposal": _("Decision proposal"),
}


def names_a_date(text: str) -> bool:
    """Whether `text` names a year, a date or a period."""
    return bool(text) and DATED.search(text) is not None


def excerpt(text: str, width: int = 60) -> str:
    """The part of `text` around its first year, date or period, for the list of marks."""
    found = DATED.search(text or "")
    if found is None:
        return (text or "")[: width * 2]
    start = max(0, found.start() - width)
    end = min(len(text), found.end() + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _texts(period: PromisePeriod):
    """Every copied text of `period`: (kind, pk, field, object, text)."""
    for name in PERIOD_FIELDS:
        yield "period", period.pk, name, period, getattr(period, name)
    for promise in period.promises.order_by("position", "pk"):
        for name in PROMISE_FIELDS:
            yield "promise", promise.pk, name, promise, getattr(promise, name)
    for activity in period.activities.order_by("position", "pk"):
        for name in ACTIVITY_FIELDS:
            yield "activity", activity.pk, name, activity, getattr(activity, name)
    proposal = DecisionProposal.objects.filter(period=period).first()
    if proposal is not None:
        for name in PROPOSAL_FIELDS:
            yield "proposal", proposal.pk, name, proposal, getattr(proposal, name)


def marks_for(period: PromisePeriod) -> list[dict]:
    """The marks of a fresh copy: each of its texts that names a year, a date or a period."""
    return [
        {"kind": kind, "pk": pk, "field": name, "text": text}
        for kind, pk, name, _obj, text in _texts(period)
        if names_a_date(text)
    ]


@dataclass
class Mark:
    """One copied text still to review: where it is, what it says, where it is edited."""

    key: str
    where: str
    field: str
    excerpt: str
    edit_url: str


def key_of(mark: dict) -> str:
    return f"{mark['kind']}-{mark['pk']}-{mark['field']}"


def outstanding(period: PromisePeriod) -> list[Mark]:
    """The marks of `period` whose text is unchanged since it was copied, in the page's order."""
    marks = period.review_marks or []
    if not marks:
        return []
    current = {(kind, pk, name): (obj, text) for kind, pk, name, obj, text in _texts(period)}
    left = []
    for mark in marks:
        found = current.get((mark["kind"], mark["pk"], mark["field"]))
        if found is None or found[1] != mark["text"]:
            continue  # edited since, or gone
        obj, text = found
        left.append(
            Mark(
                key=key_of(mark),
                where=_where(mark["kind"], obj),
                field=str(obj._meta.get_field(mark["field"]).verbose_name),
                excerpt=excerpt(text),
                edit_url=_edit_url(mark["kind"], obj, period),
            )
        )
    return left


def _where(kind: str, obj) -> str:
    label = str(KIND_LABELS[kind])
    if kind in ("promise", "activity"):
        return f"{label}: {obj.title}"
    return label


def _edit_url(kind: str, obj, period: PromisePeriod) -> str:
    if kind == "period":
        return reverse("promises:period_edit", args=[period.pk])
    if kind == "promise":
        return reverse("promises:promise_edit", args=[obj.pk])
    if kind == "activity":
        return reverse("activities:activity_edit", args=[obj.pk])
    return reverse("promises:proposal_edit", args=[period.pk])


@transaction.atomic
def confirm(period: PromisePeriod, key: str, *, user) -> bool:
    """Confirm one copied text as it stands (it needs no change): its mark goes. False when
    there is no such mark (confirmed already, or never marked)."""
    period = PromisePeriod.objects.select_for_update().get(pk=period.pk)
    marks = period.review_marks or []
    kept = [mark for mark in marks if key_of(mark) != key]
    if len(kept) == len(marks):
        return False
    period.review_marks = kept
    period._history_user = user
    period.save(update_fields=["review_marks"])
    return True
