"""Tables whose rows a character splits into cells: tabs (a table copied from a word processor
or a spreadsheet), pipes ("| Åtgärd | Ansvarig |"), semicolons or commas (a CSV file's rows, their
cells maybe in quotes) and dot leaders ("Aktivitet ...... Ansvar ...... Antal"). How a row is
split into its cells, which header opens a table of semicolons (prose has semicolons too) and
the empty cell written where a row has none; tables.py reads the tables from there."""

import csv
import re

from promises.textimport.formats.common import BULLET_CHARS
from promises.textimport.numbers import fold

# A table copied from a word processor or a spreadsheet: cells separated by tabs.
_CELL_GAP = re.compile(r"[ \t]*\t[ \t]*")
_MARKER_CELL = re.compile(rf"[{BULLET_CHARS}]|\d{{1,2}}[.)]|[a-h][.)]")


def _tab_cells(line: str) -> list[str]:
    """A line's tab-separated cells; a bullet or number before a tab is its item's, and a
    label before a tab ("Ansvarig:") its value's."""
    cells = [cell for cell in _CELL_GAP.split(line.strip(" \t")) if cell]
    while len(cells) >= 2 and (_MARKER_CELL.fullmatch(cells[0]) or cells[0].endswith(":")):
        cells[:2] = [f"{cells[0]} {cells[1]}"]
    return cells


# A table in text with pipes: "| Åtgärd | Ansvarig |", its header underlined "|---|---|".
_PIPE_ROW = re.compile(r"\s*\|.*\|\s*")
_PIPE_RULE = re.compile(r"\s*\|[\s|:+-]*\|\s*")


# A table pasted from a spreadsheet's CSV: "Aktivitet;Ansvarig;Mål", read only under such a header
# (prose has semicolons too).
# A spreadsheet's header may be in English-like codes: "ID;Activity;Owner;Freq".
_CSV_HEADER = re.compile(
    r"(?:aktivitet(?:er)?|atgard(?:er)?|insats(?:er)?|activit(?:y|ies)|actions?)", re.IGNORECASE
)
# A first column of promises before the activity's: "Löfte;Aktivitet;Ansvarig;Mål".
_CSV_PROMISE_HEADER = re.compile(r"(?:medborgar)?loften?|fokusomraden?|omrade", re.IGNORECASE)
# A spreadsheet's line whose cells after the first are all empty ("Medborgarlöfte Gullspång
# 2027;;;;"), or a row of empty cells (";;;;"): the text of its first cell alone.
_EMPTY_CSV_CELLS = re.compile(r"^([^;\n]*);{2,}[ \t]*$", re.MULTILINE)


def _csv_header(cells: list[str]) -> bool:
    """Whether a row separated by semicolons is a table's header: it names the activity's
    column first, or after a column of promises."""
    first = fold(cells[0]) if cells else ""
    return bool(
        _CSV_HEADER.fullmatch(first)
        or (
            len(cells) > 1
            and _CSV_PROMISE_HEADER.fullmatch(first)
            and _CSV_HEADER.fullmatch(fold(cells[1]))
        )
    )


# A first column numbering the rows ("Nr", "ID", "#"), its cells short codes ("1", "A01",
# "K-02"): no part of any activity, dropped so the activity's column leads the row.
_NUMBER_COLUMN = re.compile(r"(?:nr|id|#|nummer|lopnr|lopnummer|ref)\.?")
_ROW_NUMBER = re.compile(r"[\w.-]{1,8}")


# An empty cell of a table row, written where the reader expects one cell per line.
EMPTY_CELL = "–"


# A line broken inside a cell of a Markdown table ("Fotpatrullering vid torget<br>och i parken"):
# a space in the cell's text.
_LINE_BREAK_TAG = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)


# A row of a CSV file whose cells are in quotes: '"Aktivitet";"Ansvarig"', '"Aktivitet","Mål"'.
_QUOTED_CSV = re.compile(r'"[^"]*(?:""[^"]*)*"\s*([;,])\s*"')


def _separated(line: str) -> list[str] | None:
    """A line split at its separator (a tab, else a pipe in a pipe row, else a pipe between
    spaces, else a semicolon, or the commas of a CSV row with its cells in quotes), each part
    stripped, the empty ones kept; None when it has none."""
    text = line.strip(" ")
    if quoted := _QUOTED_CSV.match(text):
        return [part.strip() for part in next(csv.reader([text], delimiter=quoted.group(1)))]
    if "\t" in text:
        parts = text.split("\t")
    elif _PIPE_ROW.fullmatch(line):
        parts = _LINE_BREAK_TAG.sub(" ", text).strip().strip("|").split("|")
    elif " | " in text:  # "Aktivitet | Ansvar | Omfattning", without pipes at its ends
        parts = _LINE_BREAK_TAG.sub(" ", text).split("|")
    elif ";" in text:
        # a CSV file's cell in quotes among bare ones ('"Föräldravandringar, lördagar";Kommunen')
        parts = next(csv.reader([text], delimiter=";")) if '"' in text else text.split(";")
    else:
        return None
    return [part.strip() for part in parts]


def _cells_with_empty(line: str, width: int) -> list[str] | None:
    """A row's cells with its empty ones ("Närvaro vid evenemang\tPolisen\t"), each as
    EMPTY_CELL, when splitting it at each separator gives `width` cells, some of them filled."""
    parts = _separated(line)
    if parts is None:
        return None
    # Filled enough to be a row: its first cell, or two others (a first column of promises
    # left empty under the row above: "\tBelysning vid torget\tKommunen").
    if len(parts) != width or not (parts[0] and any(parts[1:]) or sum(map(bool, parts)) >= 2):
        return None
    return [part or EMPTY_CELL for part in parts]


def _row_cells(line: str) -> list[str]:
    """A row's filled cells (a tab row's as `_tab_cells` reads them)."""
    if "\t" in line:
        return _tab_cells(line)
    return [part for part in _separated(line) or [] if part]


# A table typed with dot leaders between its cells ("Aktivitet ...... Ansvar ...... Antal"):
# a row holds a run of dots (or of "…", or ". . . ."), and within such a row a lone " . " where
# a long cell left room for one dot only also separates two cells.
_LEADER_PRESENT = re.compile(r"[^\s.…][ \t]*(?:\.{4,}|…{2,}|(?:\. ){3,}\.)[ \t]*[^\s.…]")
_LEADER = re.compile(r"[ \t]*(?:\.{2,}|…+|(?:\. ){2,}\.)[ \t]*|[ \t]+\.[ \t]+")


def _leader_cells(line: str) -> list[str] | None:
    """A row's cells, when dot leaders set them apart; None for any other line."""
    if "." not in line and "…" not in line or not _LEADER_PRESENT.search(line):
        return None
    cells = [cell.strip() for cell in _LEADER.split(line.strip())]
    return cells if len(cells) >= 2 and all(cells) else None


def _leaders_as_tabs(lines: list[str]) -> list[str]:
    """The rows of tables typed with dot leaders, their cells separated by tabs: two rows or
    more in a row under a header naming the activity's column ("Aktivitet ..... Ansvar ....
    Antal"), each as many cells as the header. A table of contents ("Bakgrund ....... 2") and a
    list of contacts ("Kommunpolis … ...... 114 14") have no such header."""
    lines = list(lines)
    index = 0
    while index < len(lines):
        header = _leader_cells(lines[index])
        if header is None or not _CSV_HEADER.fullmatch(fold(header[0])):
            index += 1
            continue
        rows = [header]
        while index + len(rows) < len(lines):
            cells = _leader_cells(lines[index + len(rows)])
            if cells is None or len(cells) != len(header):
                break
            rows.append(cells)
        if len(rows) >= 3:
            lines[index : index + len(rows)] = ["\t".join(cells) for cells in rows]
        index += len(rows)
    return lines
