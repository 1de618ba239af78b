"""Numbered items whose owners are given apart, under the list, by the items' numbers: "1.
Synlig närvaro vid Tjärna torg …", …, then "Ansvarsfördelning" over "Punkt 1–3: Polisen",
"Punkt 4 och 5: Borlänge kommun", "Punkt 6 och 7: Polisen och kommunen gemensamt" ("Aktivitet
1, 2: …", "Punkterna 4–5: …"). When two such lines or more name items the list has, each item
is given its owner as a label in brackets (formats/letter_codes.py), and the lines are dropped
(each would read as an activity of its own). A line naming a number the list has not, or one
number twice, leaves the text as it is, and so do lines giving each item's target ("Aktivitet
1: minst 2 insatser i månaden": a name opens with a capital and has no digit)."""

import re

from promises.textimport.formats.letter_codes import _label

_OWNER_LINE = re.compile(
    r"^[ \t]*(?:[Pp]unkt(?:erna)?|[Aa]ktivitet(?:erna)?|Nr|Nummer)[ \t]+"
    r"(?P<numbers>\d{1,2}(?:[ \t]*(?:[–-]|,|och|&|samt)[ \t]*\d{1,2}){0,8})[ \t]*[:–-][ \t]*"
    r"(?P<name>[A-ZÅÄÖ][^\d\n]{1,80}?)[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
_FEWEST_LINES = 2
_ITEM = re.compile(r"^([ \t]*)(\d{1,2})([.)][ \t]+\S[^\n]*?)[ \t]*$", re.MULTILINE)


def _numbers(written: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"[ \t]*(?:,|och|&|samt)[ \t]*", written):
        bounds = re.split(r"[ \t]*[–-][ \t]*", part.strip())
        first, last = int(bounds[0]), int(bounds[-1])
        if last < first or last - first > 20:
            return []
        numbers.extend(range(first, last + 1))
    return numbers


def owners_by_number_read(text: str) -> str:
    """The text with each numbered item given the owner a line under the list names for its
    number, when two lines or more name the list's items."""
    lines = list(_OWNER_LINE.finditer(text, 0, 50_000))
    if len(lines) < _FEWEST_LINES:
        return text
    items = {int(match.group(2)): match for match in _ITEM.finditer(text, 0, lines[0].start())}
    owners: dict[int, str] = {}
    for line in lines:
        numbers = _numbers(line.group("numbers"))
        name = line.group("name").strip()
        if not numbers or any(number not in items or number in owners for number in numbers):
            return text
        owners.update(dict.fromkeys(numbers, name))
    for line in reversed(lines):
        end = line.end() + (text[line.end() : line.end() + 1] == "\n")
        text = text[: line.start()] + text[end:]
    for number in sorted(owners, key=lambda number: items[number].start(), reverse=True):
        item = items[number]
        text = text[: item.end()] + _label(owners[number]) + text[item.end() :]
    return text
