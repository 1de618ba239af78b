"""The text read, with each recognised part marked: the validity, each promise, each activity
and its target, each linked to its row in the preview form (and back)."""

import re
from dataclasses import dataclass, replace

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from promises.textimport.types import ParsedDocument, TextSpan


@dataclass(frozen=True)
class Mark:
    """A marked part of the text: its [start, end) offsets, its id, and the form row it is."""

    start: int
    end: int
    anchor: str  # the mark's id in the page
    kind: str  # period, promise, activity, target
    row: str = ""  # the id of the form row it belongs to; "" for no link
    label: str = ""
    uncertain: bool = False
    # The document's own number right before the part ("1. ", "Löfte 1: "), when it is the
    # row's: it becomes the link, so the number is not shown twice ("1. Löfte 1 Öka …").
    own_label: int = 0


def _mark(span: TextSpan | None, anchor: str, kind: str, row: str, label: str, uncertain: bool):
    if span is None:
        return []
    return [Mark(span.start, span.end, anchor, kind, row, label, uncertain)]


# A number the document gives a part on its line: "1. ", "2) ", "Löfte 1: ", "Fokusområde 2 – ".
_OWN_NUMBER = re.compile(r"(?:[^\W\d_]+ ?)?(?P<number>\d{1,2})(?:[.):–—-]| [–—-])? ?")


def _own_number(text: str, mark: Mark, number: int) -> Mark:
    """`mark` starting at the document's own label for it, when that label is the row's number
    (promise 1 written "1. …" or "Löfte 1: …")."""
    line_start = text.rfind("\n", 0, mark.start) + 1
    before = text[line_start : mark.start]
    label_start = line_start + len(before) - len(before.lstrip())
    own = _OWN_NUMBER.fullmatch(text, label_start, mark.start)
    if not own or int(own.group("number")) != number or label_start == mark.start:
        return mark
    return replace(mark, start=label_start, own_label=mark.start - label_start)


def marks_for(document: ParsedDocument) -> list[Mark]:
    """The parts of `document.text` its reading recognised."""
    marks = _mark(
        document.period_span, "kalla-giltighet", "period", "giltighet", _("Validity"), False
    )
    for number, promise in enumerate(document.promises, start=1):
        label = _("Promise %(number)s") % {"number": number}
        marks += [
            _own_number(document.text, mark, number)
            for mark in _mark(
                promise.span,
                f"kalla-lofte-{number}",
                "promise",
                f"lofte-{number}",
                label,
                bool(promise.uncertain),
            )
        ]
    for number, activity in enumerate(document.activities, start=1):
        label = _("Activity %(number)s") % {"number": number}
        target = activity.target
        marks += [
            _own_number(document.text, mark, number)
            for mark in _mark(
                activity.span,
                f"kalla-aktivitet-{number}",
                "activity",
                f"aktivitet-{number}",
                label,
                bool(activity.uncertain),
            )
        ]
        if target is not None:
            marks += _mark(
                target.span, f"kalla-mal-{number}", "target", "", "", bool(target.uncertain)
            )
    return marks


def highlighted(text: str, marks: list[Mark]) -> SafeString:
    """`text` escaped, with `<mark>` around each part; a part that crosses another's border
    (not nested in it) or lies outside the text is left unmarked."""
    out: list[str] = []
    position = 0
    open_marks: list[Mark] = []

    def emit_to(end: int) -> None:
        nonlocal position
        out.append(escape(text[position:end]))
        position = end

    def close() -> None:
        emit_to(open_marks.pop().end)
        out.append("</mark>")

    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    for mark in sorted(valid, key=lambda m: (m.start, -m.end)):
        while open_marks and open_marks[-1].end <= mark.start:
            close()
        if (open_marks and mark.end > open_marks[-1].end) or mark.start < position:
            continue
        emit_to(mark.start)
        classes = f"source-mark source-{mark.kind}" + (" uncertain" if mark.uncertain else "")
        out.append(format_html('<mark id="{}" class="{}">', mark.anchor, classes))
        if mark.row:
            label = mark.label
            if mark.uncertain:
                label = _("%(label)s, to check") % {"label": label}
            if mark.own_label:
                # The document's own number is the link, named by the row for a screen reader.
                own = text[mark.start : mark.start + mark.own_label].rstrip()
                out.append(
                    format_html(
                        '<a class="source-label" href="#{}" aria-label="{}">{}</a>',
                        mark.row,
                        label,
                        own,
                    )
                )
                position = mark.start + len(own)
            else:
                out.append(
                    format_html('<a class="source-label" href="#{}">{}</a> ', mark.row, label)
                )
        open_marks.append(mark)
    while open_marks:
        close()
    emit_to(len(text))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped or format_html
