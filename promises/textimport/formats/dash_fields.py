"""A table typed as lines of fields set apart by dashes, under a line naming the columns:
"Aktivitet – Ansvarig – Hur ofta" over "Fotpatrullering i centrum – Polisen – minst två kvällar
i veckan". When the heading names the activity's column and the owner's (and how often, or
not), each line under it with as many fields, two lines or more up to the next blank line, is
read as a block of labelled lines, "Aktivitet: …", "Ansvar: …", "Omfattning: …", for the block
reader. A dash inside a sentence ("Polisen – fotpatrull i centrum") has no such heading and is
left as it is."""

import re

from promises.textimport.numbers import fold

_SEPARATOR = re.compile(r"[ \t]+[–—-][ \t]+")
_LABELS = {
    "aktivitet": "Aktivitet",
    "atgard": "Aktivitet",
    "insats": "Aktivitet",
    "vad": "Aktivitet",
    "ansvarig": "Ansvar",
    "ansvar": "Ansvar",
    "vem": "Ansvar",
    "hur ofta": "Omfattning",
    "omfattning": "Omfattning",
    "nar": "Omfattning",
    "frekvens": "Omfattning",
}
_FEWEST_ROWS = 2


def _heading(line: str) -> list[str] | None:
    fields = [fold(field.strip().rstrip(":")) for field in _SEPARATOR.split(line.strip())]
    if not 2 <= len(fields) <= 4 or any(field not in _LABELS for field in fields):
        return None
    labels = [_LABELS[field] for field in fields]
    if "Aktivitet" not in labels or "Ansvar" not in labels or len(set(labels)) < len(labels):
        return None
    return labels


def dash_fields_read(text: str) -> str:
    """The text with each line under a heading of dash-separated column names read as a block
    of labelled lines, when two lines or more follow it."""
    lines = text.split("\n")
    index = 0
    changed = False
    while index < len(lines) - _FEWEST_ROWS:
        labels = _SEPARATOR.search(lines[index]) and _heading(lines[index])
        if not labels:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and len(_SEPARATOR.split(lines[end].strip())) == len(labels):
            end += 1
        if end - index - 1 < _FEWEST_ROWS:
            index += 1
            continue
        blocks = []
        for row in lines[index + 1 : end]:
            fields = _SEPARATOR.split(row.strip())
            pairs = zip(labels, fields, strict=True)
            blocks += [*(f"{label}: {field}" for label, field in pairs), ""]
        lines[index:end] = blocks
        changed = True
        index += len(blocks)
    return "\n".join(lines) if changed else text
