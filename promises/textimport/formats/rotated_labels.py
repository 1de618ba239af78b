"""A table's label set on its side, as a PDF's text gives a group's name written upwards in a
cell spanning the group's rows: a letter a line, "N", "E", "S", "I", "L", "O", "P" (read from
the bottom up) or "P", "O", "L", … (from the top down), over the group's rows. When four lines or
more in a row are one capital letter each and spell a party's name one way or the other
("POLISEN", "KOMMUN", "GEMENSAMT"), they are read as that name. Under the table's column names
a line each ("Aktivitet" over "Omfattning", a cell a line), each group's rows are read as
blocks of labelled lines for the block reader, "Aktivitet: …", "Ansvar: " with the group's name,
"Omfattning: " with the line under the activity when it opens in lower case or with a digit
(an empty cell gives no line); elsewhere the name is a heading over the lines under it ("Polisen:").
Letters a line that spell no party (a crossword, a list of letters) are left as they are."""

import re

from promises.textimport.numbers import fold

LETTERS_PRESENT = re.compile(r"\n[A-ZÅÄÖ]\n[A-ZÅÄÖ]\n[A-ZÅÄÖ]\n[A-ZÅÄÖ]\n")
_LETTER_LINE = re.compile(r"^[ \t]*[A-ZÅÄÖ][ \t]*$")
_FEWEST_LETTERS = 4
_MOST_LETTERS = 20
_PARTIES = {
    "POLISEN": "Polisen",
    "KOMMUNEN": "Kommunen",
    "KOMMUN": "Kommunen",
    "STADEN": "Staden",
    "GEMENSAMT": "Gemensamt",
    "TILLSAMMANS": "Tillsammans",
}
_PAGE_NUMBER = re.compile(r"(?:Sida|Page|s\.)[ \t]*\d+(?:[ \t]*(?:av|of|/)[ \t]*\d+)?$")
_ACTIVITY_COLUMN = frozenset({"aktivitet", "aktiviteter", "atgard", "atgarder", "insats", "vad"})
_SCOPE_COLUMN = frozenset({"omfattning", "hur ofta", "nar", "frekvens", "tidplan"})


def _labels(lines: list[str]) -> list[tuple[int, int, str]]:
    """Each run of letters that spells a party's name: its first line, its end and the name."""
    found = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _LETTER_LINE.match(lines[end]):
            end += 1
        if end == index:
            index += 1
            continue
        word = "".join(line.strip() for line in lines[index:end])
        name = _PARTIES.get(word) or _PARTIES.get(word[::-1])
        if name and _FEWEST_LETTERS <= end - index <= _MOST_LETTERS:
            found.append((index, end, name))
        index = end
    return found


def _under_columns(lines: list[str], first: int) -> bool:
    """Whether the table's column names, an activity's and how often, stand a line each right
    over the first label."""
    names = {fold(line.strip()) for line in lines[max(0, first - 2) : first]}
    return bool(names & _ACTIVITY_COLUMN) and bool(names & _SCOPE_COLUMN)


def _blocks(rows: list[str], name: str) -> list[str]:
    blocks: list[str] = []
    for row in rows:
        cell = row.strip()
        if not cell:
            continue
        if _PAGE_NUMBER.match(cell):
            blocks.append(cell)  # the page's foot, no cell
            continue
        if blocks and (cell[:1].islower() or cell[:1].isdigit()):
            blocks[-1] = f"Omfattning: {cell}"
            blocks.append("")
            continue
        if blocks and blocks[-1]:
            blocks.append("")
        blocks += [f"Aktivitet: {cell}", f"Ansvar: {name}", ""]
    return blocks


def rotated_labels_read(text: str) -> str:
    """The text with each party's name written a letter a line read as the name: blocks under
    the table's column names, else a heading."""
    lines = text.split("\n")
    labels = _labels(lines)
    if not labels:
        return text
    if not _under_columns(lines, labels[0][0]):
        headed: list[str] = []
        done = 0
        for index, end, name in labels:
            headed += [*lines[done:index], f"{name}:"]
            done = end
        return "\n".join([*headed, *lines[done:]])
    kept = lines[: labels[0][0] - 2]
    for number, (_index, end, name) in enumerate(labels):
        stop = labels[number + 1][0] if number + 1 < len(labels) else len(lines)
        rows = lines[end:stop]
        blank = next((row for row, line in enumerate(rows) if not line.strip()), len(rows))
        kept += _blocks(rows[:blank], name)
        kept += rows[blank:]
    return "\n".join(kept)
