"""Tables drawn in characters, each row given as one line of cells separated by tabs, each
cell's wrapped text joined, as a table copied from a word processor is; the table readers read
it from there. Two readers:

- `grid_tables_read` (in clean()), a grid as reStructuredText's grid tables and some tools'
  text exports give it: rows between borders of "+" and "-" (or "=" under the header), cells
  between "|", a cell's text wrapped over several lines of its row;
- `_grid_rows` (in tables.py, first of its readers), a grid drawn with box characters or an
  ASCII grid as a terminal prints it: rules "┌──┬──┐", "├──┼──┤", "+----+----+", its empty
  cells written as EMPTY_CELL."""

import re

from promises.textimport.formats.delimited_tables import EMPTY_CELL

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


# A table drawn with box characters or an ASCII grid, as a text export or a terminal prints
# it: rules "┌──┬──┐", "├──┼──┤", "+----+----+" between its rows, cells between "│" or "|", a
# cell wrapped over lines within its row. Each row is given as one line, its cells separated by
# tabs (a cell's lines joined), and its rules dropped.
_GRID_RULE = re.compile(r"[┌├└╔╠╚╒╞╘+][─━═\-+┬┼┴╦╬╩╤╪╧ ]*[┐┤┘╗╣╝╕╡╛+]")
_GRID_ROW = re.compile(r"[│┃║|].*[│┃║|]")
_GRID_BAR = re.compile(r"[│┃║]|(?<!\S)\|(?!\S)|^\||\|$")


def _grid_cells(line: str) -> list[str]:
    return [cell.strip() for cell in _GRID_BAR.split(line.strip())[1:-1]]


def _grid_rows(lines: list[str]) -> list[str]:
    """The lines with each grid table's rows as tab-separated lines."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        if not _GRID_RULE.fullmatch(lines[index].strip()) or "-" * 3 not in lines[index].replace(
            "─", "-"
        ).replace("═", "-").replace("━", "-"):
            result.append(lines[index])
            index += 1
            continue
        # the grid: its rules and rows, up to the first line that is neither
        end = index
        while end < len(lines) and (
            _GRID_RULE.fullmatch(lines[end].strip()) or _GRID_ROW.fullmatch(lines[end].strip())
        ):
            end += 1
        groups: list[list[list[str]]] = [[]]
        for line in lines[index:end]:
            if _GRID_RULE.fullmatch(line.strip()):
                if groups[-1]:
                    groups.append([])
            else:
                groups[-1].append(_grid_cells(line))
        groups = [group for group in groups if group]
        ruled = len(groups) > 2  # a rule between each row: a group's lines are one row
        rows: list[list[str]] = []
        for group in groups:
            for cells in group:
                goes_on = rows and (ruled and cells is not group[0] or not ruled and not cells[0])
                if goes_on and len(rows[-1]) == len(cells):
                    rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
                else:
                    rows.append(cells)
        result += ["\t".join(cell or EMPTY_CELL for cell in row) for row in rows]
        index = end
    return result
