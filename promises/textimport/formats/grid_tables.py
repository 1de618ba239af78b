"""A table drawn in characters, as reStructuredText's grid tables and some tools' text exports
give it: rows between borders of "+" and "-" (or "=" under the header), cells between "|", a
cell's text wrapped over several lines of its row. Each row is given as one line of cells
separated by tabs, each cell's wrapped text joined, as a table copied from a word processor
is; the table readers read it from there."""

import re

_BORDER = re.compile(r"\s*\+(?:[-=]+\+)+\s*")
_ROW_LINE = re.compile(r"\s*\|.*\|\s*")
_FEWEST_BORDERS = 3


def _row_line(row: list[list[str]]) -> str:
    """A row's cells as one line, separated by tabs, each cell's wrapped pieces joined."""
    return "\t".join(" ".join(pieces) for pieces in row)


def grid_tables_read(text: str) -> str:
    """The text with each grid table's rows as tab-separated lines."""
    lines = text.split("\n")
    if sum(1 for line in lines if _BORDER.fullmatch(line)) < _FEWEST_BORDERS:
        return text
    result: list[str] = []
    row: list[list[str]] = []  # each cell's pieces of the row being read
    in_table = False
    for line in lines:
        if _BORDER.fullmatch(line):
            if row:
                result.append(_row_line(row))
            row, in_table = [], True
            continue
        if in_table and _ROW_LINE.fullmatch(line):
            cells = [cell.strip() for cell in line.strip()[1:-1].split("|")]
            if len(row) != len(cells):
                if row:
                    result.append(_row_line(row))
                row = [[] for _cell in cells]
            for pieces, cell in zip(row, cells, strict=True):
                if cell:
                    pieces.append(cell)
            continue
        if row:
            result.append(_row_line(row))
            row = []
        in_table = False
        result.append(line)
    if row:
        result.append(_row_line(row))
    return "\n".join(result)
