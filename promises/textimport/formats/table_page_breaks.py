"""Tables split over two pages: the rows after the page's furniture (a form feed, a footer with
its page number, the next page's header, a header row repeated) kept with the rows before it,
for any table whose cells tabs, pipes, semicolons or aligned spaces set apart."""

import re

from promises.textimport.formats.aligned_tables import _spaced_cells
from promises.textimport.formats.delimited_tables import (
    _CSV_HEADER,
    _PIPE_ROW,
    _row_cells,
    _tab_cells,
)
from promises.textimport.numbers import fold

# A table split over two pages: the lines between its halves are the page's furniture (a form
# feed, the footer with its page number, the next page's header), and the rows after them go on
# with the table, its header row maybe repeated (a word processor's "repeat as header row").
_BREAK_PAGE_NUMBER = re.compile(
    r"(?:.*\s)?(?:sida|sid\.?|page)\s*\d{1,3}(?:\s*(?:av|/|of)\s*\d{1,3}|\s*\(\d{1,3}\))?"
    r"|(?:.*\s)?\d{1,3}\s*(?:av|/)\s*\d{1,3}|(?:.*\s)?\d{1,3}\s*\(\d{1,3}\)|-?\s*\d{1,3}\s*-?",
    re.IGNORECASE,
)
_MOST_BREAK_LINES = 8
_LONGEST_BREAK_LINE = 100


def _row_kind(line: str) -> str:
    """How a line separates its cells, when it has two or more: "tab", "pipe", "semicolon" or
    "spaced" (three spaces or more); "" for another line."""
    if "\t" in line:
        return "tab" if len(_tab_cells(line)) >= 2 else ""
    if _PIPE_ROW.fullmatch(line) or " | " in line:
        return "pipe"
    if ";" in line:
        return "semicolon" if sum(bool(part.strip()) for part in line.split(";")) >= 2 else ""
    return "spaced" if len(_spaced_cells(line.strip())) >= 2 else ""


def _cell_words(line: str) -> list[str]:
    if "\t" in line or _row_kind(line) != "spaced":
        return [fold(cell) for cell in _row_cells(line)]
    return [fold(cell) for _start, cell in _spaced_cells(line.strip())]


def _page_break_line(line: str) -> bool:
    return "\f" in line or bool(_BREAK_PAGE_NUMBER.fullmatch(line.strip()))


def _rows_over_page_breaks(lines: list[str]) -> list[str]:
    """A table's rows after a page break (the lines between them are a form feed, a page
    number, a footer ending with one or a header) kept with its rows before it: the page's
    lines moved after the table's end, a repeated header row dropped."""
    lines = list(lines)
    index = 1
    while index < len(lines):
        kind = _row_kind(lines[index])
        if not kind or "\f" in lines[index] or _row_kind(lines[index - 1]) != kind:
            index += 1
            continue
        gap = index + 1
        while (
            gap < len(lines)
            and gap - index <= _MOST_BREAK_LINES
            and len(lines[gap]) <= _LONGEST_BREAK_LINE
            and (
                _BREAK_PAGE_NUMBER.fullmatch(lines[gap].replace("\f", "").strip())
                or _row_kind(lines[gap].replace("\f", "")) != kind
            )
        ):
            gap += 1
        between = lines[index + 1 : gap]
        # the next page's first line, a row, opened by the form feed ("\fHastighetskontroller …")
        feed = ["\f"] if gap < len(lines) and "\f" in lines[gap] else []
        row = lines[gap].replace("\f", "") if gap < len(lines) else ""
        if (
            gap == index + 1
            or gap >= len(lines)
            or _row_kind(row) != kind
            or len(_cell_words(row)) != len(_cell_words(lines[index]))
            or not (feed or any(_page_break_line(line) for line in between))
            or any(line.strip().endswith((":", ".")) for line in between)
        ):
            index += 1
            continue
        top = index
        while top > 0 and _row_kind(lines[top - 1]) == kind:
            top -= 1
        if kind == "spaced" and not (
            len(_cell_words(lines[top])) >= 3 and _CSV_HEADER.fullmatch(_cell_words(lines[top])[0])
        ):
            index += 1  # columns set apart by spaces: only under a table's header ("Aktivitet")
            continue
        lines[gap] = row
        between = [*between, *feed]
        if _cell_words(lines[gap]) == _cell_words(lines[top]):
            lines[gap] = ""  # the header row printed again on the next page
            if gap + 1 < len(lines) and _row_kind(lines[gap + 1]) == kind:
                gap += 1
        end = gap
        while end < len(lines) and (_row_kind(lines[end]) == kind or not lines[end] and end == gap):
            end += 1
        rows = [line for line in lines[gap:end] if line]
        lines[index + 1 : end] = [*rows, "", *between]
        index += 1 + len(rows)
    return lines
