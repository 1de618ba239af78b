"""Two lists printed side by side, as a PDF's text in layout mode gives them: under a heading
each on one line ("Polisen ska:     Kommunen ska:"), or with their lines interleaved (a reader
ordering a PDF's lines by their height on the page). Each is given as the first list's heading
and lines, a blank line, then the second's."""

import re

from promises.textimport.formats.aligned_tables import _spaced_cells
from promises.textimport.formats.common import BULLET_CHARS
from promises.textimport.numbers import fold

# Two lists printed side by side (a PDF's text in layout mode): "Polisen ska:     Kommunen ska:"
# over lines holding a piece of each column.
_COLUMN_HEAD = re.compile(r".{2,60}:|(?:polisen|kommunen|staden|gemensamt|tillsammans)\b.{0,50}")


def _columns_one_after_another(lines: list[str]) -> list[str]:
    """Two columns side by side, under a heading each, as the first column's lines, a blank
    line, then the second's: a cell belongs to the column it starts nearest."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        heads = _spaced_cells(lines[index]) if "   " in lines[index].strip() else []
        if len(heads) != 2 or not all(_COLUMN_HEAD.fullmatch(fold(text)) for _s, text in heads):
            result.append(lines[index])
            index += 1
            continue
        columns: list[list[str]] = [[heads[0][1]], [heads[1][1]]]
        middle = heads[1][0]
        index += 1
        while index < len(lines) and (
            lines[index].strip() or _items_go_on(lines, index, (heads[0][0], middle))
        ):
            for start, text in _spaced_cells(lines[index]):
                columns[abs(start - middle) < abs(start - heads[0][0])].append(text)
            index += 1
        result += [*columns[0], "", *columns[1]]
    return result


_ITEM_START = re.compile(r"(?:\d{1,2}[.)]|[-•*–])\s")


def _items_go_on(lines: list[str], index: int, starts: tuple[int, int]) -> bool:
    """Whether the two columns go on past the blank lines at `index`: the next line's cells
    each start where a column does, one of them a numbered or bulleted item ("POLISEN" and
    "KOMMUNEN" over "1. Genomföra …     1. Bygga …", items a blank line apart)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    cells = _spaced_cells(lines[index]) if index < len(lines) else []
    return bool(cells) and (
        all(min(abs(start - column) for column in starts) <= 2 for start, _text in cells)
        and any(_ITEM_START.match(text) for _start, text in cells)
    )


# Two lists printed side by side whose text gives a line of each in turn (a reader ordering a
# PDF's lines by their height on the page): "Polisen lovar att:" over "Kommunen lovar att:",
# then the first column's first line, the second's first line, the first's second … up to a
# blank line.
_INTERLEAVED_HEAD = re.compile(
    r"(?:polisen|kommunen|staden|regionen|lokalpolisomradet?(?: [\w-]+){0,2}|lpo(?: [\w-]+)?"
    r"|[\w-]+s? (?:kommun|stad)|gemensamt|tillsammans)\b[^:]{0,40}:"
)
_INTERLEAVED_BULLET = re.compile(rf"([{BULLET_CHARS}]|\d{{1,2}}[.)])\s")
_FEWEST_INTERLEAVED_LINES = 4
_LONGEST_INTERLEAVED_HEAD = 100
_MOST_INTERLEAVED_LINES = 200  # two columns of a page, never a long text without blank lines


def _interleaved_column(lines: list[str]) -> bool:
    """Whether lines read as one column's list: an item first, and every line that opens no
    item going on from a line that ends no sentence."""
    for index, line in enumerate(lines):
        if _INTERLEAVED_BULLET.match(line.strip()):
            continue
        if not index or lines[index - 1].rstrip().endswith((".", "!", "?", ":")):
            return False
    return True


def _columns_deinterleaved(lines: list[str]) -> list[str]:
    """Two party headings one right over the other, the lines under them alternating between
    the two columns (each opening with an item), as the first column's heading and lines, a
    blank line, then the second's."""
    heading = [
        len(line) <= _LONGEST_INTERLEAVED_HEAD
        and line.rstrip().endswith(":")
        and bool(_INTERLEAVED_HEAD.fullmatch(fold(line.strip())))
        for line in lines
    ]
    blank_after = [len(lines)] * (len(lines) + 1)  # the first blank line at or after each
    for index in range(len(lines) - 1, -1, -1):
        blank_after[index] = index if not lines[index].strip() else blank_after[index + 1]
    result: list[str] = []
    index = 0
    while index < len(lines):
        heads = lines[index : index + 2]
        if not (
            index + 3 < len(lines)
            and heading[index]
            and heading[index + 1]
            and fold(heads[0].strip()) != fold(heads[1].strip())
        ):
            result.append(lines[index])
            index += 1
            continue
        end = blank_after[index + 2]
        block = (
            [line.strip() for line in lines[index + 2 : end]]
            if end - index - 2 <= _MOST_INTERLEAVED_LINES
            else []
        )
        first, second = block[0::2], block[1::2]
        if (
            _FEWEST_INTERLEAVED_LINES <= len(block) <= _MOST_INTERLEAVED_LINES
            and (bullet := _INTERLEAVED_BULLET.match(block[0]))
            and block[1].startswith(bullet.group(1))
            and _interleaved_column(first)
            and _interleaved_column(second)
        ):
            result += [heads[0].strip(), *first, "", heads[1].strip(), *second]
            index = end
            continue
        result.append(lines[index])
        index += 1
    return result
