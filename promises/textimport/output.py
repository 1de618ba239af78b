"""A read document as the JSON structure of `import_promise --json`, and as a short summary.

The structure, exactly: {"period": {"start", "end"}, "promises": [{"text"}], "activities":
[{"text", "responsible", "target": null or {"comparator", "number", "unit", "scope"}}]}, with
Swedish ASCII codes: comparators "minst", "hogst", "exakt" (a bare count too); owners "polisen",
"kommunen", "gemensamt", "annan", "okand" (not stated).
"""

from promises.textimport.types import ParsedActivity, ParsedDocument, ParsedTarget

COMPARATORS = {"at_least": "minst", "at_most": "hogst", "count": "exakt", "exactly": "exakt"}
RESPONSIBLE = {
    "police": "polisen",
    "municipality": "kommunen",
    "joint": "gemensamt",
    "other": "annan",
    "unstated": "okand",
}
SCOPES = {
    "period": "period",
    "year": "year",
    "tertial": "tertial",
    "month": "month",
    "week": "week",
    "day": "day",
    "average_week": "avg_week",
    "average_month": "avg_month",
}


def target_json(target: ParsedTarget | None) -> dict | None:
    if target is None:
        return None
    return {
        "comparator": COMPARATORS[target.comparator],
        "number": target.value,
        "unit": target.unit,
        "scope": SCOPES[target.scope],
    }


def activity_json(activity: ParsedActivity) -> dict:
    return {
        "text": activity.text,
        "responsible": RESPONSIBLE[activity.responsible],
        "target": target_json(activity.target),
    }


def document_json(document: ParsedDocument) -> dict:
    """The structure `import_promise --json` prints."""
    return {
        "period": {
            "start": document.start.isoformat() if document.start else None,
            "end": document.end.isoformat() if document.end else None,
        },
        "promises": [{"text": promise.text} for promise in document.promises],
        "activities": [activity_json(activity) for activity in document.activities],
    }


def summary_lines(document: ParsedDocument) -> list[str]:
    """A readable summary: the period, each promise, each activity with owner, target and the
    promise it serves, the decision and signing as stated, and what the reader was unsure of."""
    start = document.start.isoformat() if document.start else "not stated"
    end = document.end.isoformat() if document.end else "not stated"
    if document.open_ended:
        end = "until further notice"
    period = f"Period: {start} to {end}"
    if document.year_only:
        period += " (years only)"
    if document.length_months and not document.end:
        period += f" ({document.length_months} months from the signing)"
    lines = [period, f"Given by: {document.parties}", f"Promises ({len(document.promises)}):"]
    lines += [f"  {number}. {p.text}" for number, p in enumerate(document.promises, start=1)]
    lines.append(f"Activities ({len(document.activities)}):")
    for number, activity in enumerate(document.activities, start=1):
        owner = RESPONSIBLE[activity.responsible]
        if activity.responsible_other:
            owner += f" ({activity.responsible_other})"
        lines.append(f"  {number}. {activity.title} [{owner}]")
        lines.append(f"     {activity.text}")
        if activity.promise_indexes:
            served = ", ".join(str(index + 1) for index in activity.promise_indexes)
            lines.append(f"     serves promise: {served}")
        if activity.partners:
            lines.append(f"     together with: {activity.partners}")
        target = target_json(activity.target)
        if target is not None:
            lines.append(
                f"     target: {target['comparator']} {target['number']} {target['unit']} "
                f"({target['scope']})"
            )
        reasons = [*activity.uncertain, *(activity.target.uncertain if activity.target else [])]
        lines += [f"     check: {reason}" for reason in reasons]
    if document.decision_body or document.decision_date or document.decision_reference:
        decided = document.decision_date.isoformat() if document.decision_date else "no date"
        lines.append(
            f"Decision: {document.decision_body or 'no body'}, {decided}"
            + (f", {document.decision_reference}" if document.decision_reference else "")
        )
    if document.signed_date or document.signatories:
        signed = document.signed_date.isoformat() if document.signed_date else "no date"
        lines.append(f"Signed: {document.signing_place or 'no place'}, {signed}")
        lines += [
            "  " + ", ".join(part for part in (s.name, s.title, s.organisation) if part)
            for s in document.signatories
        ]
    lines += [f"Check: {reason}" for reason in document.uncertain]
    return lines
