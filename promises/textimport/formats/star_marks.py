"""Items ending with one, two or three asterisks, a legend under the list saying whose each mark
is ("* Polisen ansvarar", "** Karlskrona kommun ansvarar", "*** Polisen och kommunen ansvarar
tillsammans"): "Öppen fritidsgård även söndagar **". When the legend gives two marks or more, a
line each, and two items or more end with one of them, each item's mark is read as the name it
stands for, in brackets as an owner's label (formats/letter_codes.py), and the legend's lines
are dropped (they would read as an activity of their own). Asterisks closing a line without
such a legend (a footnote's mark, Markdown's emphasis) are left as they are."""

import re

from promises.textimport.formats.letter_codes import _label

_LEGEND_LINE = re.compile(
    r"^[ \t]*(?P<mark>\*{1,3})[ \t]*(?:=[ \t]*)?(?P<name>[A-ZÅÄÖ][^*\n]{1,60}?)"
    r"(?:[ \t]+(?:ansvarar|står för|har ansvaret)(?:[ \t]+(?:tillsammans|gemensamt))?)?"
    r"[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
_FEWEST_MARKS = 2
_FEWEST_ITEMS = 2
_MARKED_END = re.compile(r"(?<=[^\s*])[ \t]*(?P<mark>\*{1,3})[ \t]*$", re.MULTILINE)


def _legend(text: str) -> tuple[dict[str, str], list[tuple[int, int]]]:
    marks: dict[str, str] = {}
    spans = []
    for line in _LEGEND_LINE.finditer(text, 0, 50_000):
        if line.group("mark") in marks:
            continue
        name = line.group("name").strip()
        if re.search(r"\b(?:tillsammans|gemensamt)\b", line.group()) and " och " in name:
            name = f"{name} gemensamt"
        marks[line.group("mark")] = name
        spans.append(line.span())
    return marks, spans


def star_marks_read(text: str) -> str:
    """The text with each item's trailing asterisks read as the owner the legend names, when the
    legend gives two marks or more and two items or more end with one."""
    marks, spans = _legend(text)
    if len(marks) < _FEWEST_MARKS:
        return text
    marked = [match for match in _MARKED_END.finditer(text) if match.group("mark") in marks]
    if len(marked) < _FEWEST_ITEMS:
        return text
    for start, end in reversed(spans):
        text = text[:start] + text[end + 1 :]
    return _MARKED_END.sub(
        lambda match: (
            _label(marks[match.group("mark")]) if match.group("mark") in marks else match.group()
        ),
        text,
    )
