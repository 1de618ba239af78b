"""A table as Pandoc's plain-text writer (and some reporting tools) draw it: a header line over
a rule of dashes, one run of dashes a column ("---------- -------- ----------"), each column's
text starting where its run starts. In a "simple" table each line below is a row, up to a blank
line; in a "multiline" table the rows are set apart by blank lines, a cell's text wrapped over
the lines of its row, and a rule of dashes closes the table. Each row is given as one line of
cells separated by tabs, each cell's wrapped text joined, as a table copied from a word
processor is; the table readers read it from there (formats/grid_tables.py does the same for
grid tables).

A simple table whose cells wrap over lines with no blank line between its rows, as a report
printed in a fixed-width font sets it ("Fotpatrullering på Storgatan     Polisen     minst 3
kvällar i" over "och vid resecentrum                                veckan"), is read a row
at a time where some line of it shows the wrapping (its first cell empty or opening in lower
case): a line then continues the row above when its first cell is empty or opens in lower
case, or when a cell of it is empty and each of its other cells goes on a cell the row's first
line has."""

import re

# A rule under a header: two runs of dashes or more, set apart by spaces.
_RULE = re.compile(r"[ \t]*-{3,}(?: +-{3,})+[ \t]*")
# A rule closing a multiline table: one run of dashes, or runs as under its header.
_CLOSING_RULE = re.compile(r"[ \t]*-{3,}(?: +-{3,})*[ \t]*")
_RUN = re.compile(r"-{3,}")
# How far below its header a multiline table's closing rule is looked for, in lines.
_MOST_ROW_LINES = 400


def _cells(line: str, starts: list[int]) -> list[str]:
    """The line's text cut at the columns' starts, each piece stripped."""
    bounds = [*starts[1:], max(len(line), starts[-1])]
    return [line[start:end].strip() for start, end in zip(starts, bounds, strict=True)]


def _joined(lines: list[str], starts: list[int]) -> str:
    """The lines of one row (or of the header) as one line of tab-separated cells, each cell's
    wrapped pieces joined."""
    columns: list[list[str]] = [[] for _start in starts]
    for line in lines:
        for pieces, cell in zip(columns, _cells(line, starts), strict=True):
            if cell:
                pieces.append(cell)
    return "\t".join(" ".join(pieces) for pieces in columns)


def _closing_rule(lines: list[str], first: int) -> int | None:
    """The index of the rule closing a multiline table whose rows start at `first`, when its
    rows are set apart by blank lines; None for a simple table."""
    blank_seen = False
    for index in range(first, min(len(lines), first + _MOST_ROW_LINES)):
        line = lines[index]
        if not line.strip():
            if blank_seen and index + 1 < len(lines) and not lines[index + 1].strip():
                return None  # two blank lines: the table ended without a rule
            blank_seen = True
        elif _CLOSING_RULE.fullmatch(line):
            return index if blank_seen else None
    return None


def _wrapped(cells: list[str]) -> bool:
    return not cells[0] or cells[0][:1].islower()


def _simple_rows(body: list[str], starts: list[int]) -> list[list[str]]:
    """A simple table's lines grouped by row: a line each, unless the cells wrap over lines
    (some line's first cell empty or opening in lower case), when a line that continues the
    row above joins it."""
    cells = [_cells(line, starts) for line in body]
    if not any(_wrapped(line_cells) for line_cells in cells[1:]):
        return [[line] for line in body]
    rows: list[list[str]] = []
    first: list[str] = []
    for line, line_cells in zip(body, cells, strict=True):
        continues = rows and (
            _wrapped(line_cells)
            or (
                not all(line_cells)
                and all(not cell or first[column] for column, cell in enumerate(line_cells))
            )
        )
        if continues:
            rows[-1].append(line)
        else:
            rows.append([line])
            first = line_cells
    return rows


def dashed_tables_read(text: str) -> str:
    """The text with each table under a rule of dashed runs as tab-separated lines."""
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not (_RULE.fullmatch(line) and result and result[-1].strip()):
            result.append(line)
            index += 1
            continue
        starts = [match.start() for match in _RUN.finditer(line)]
        header = [result.pop()]
        if result and result[-1].strip() and not _CLOSING_RULE.fullmatch(result[-1]):
            header.insert(0, result.pop())  # a header wrapped over two lines
        result.append(_joined(header, starts))
        closing = _closing_rule(lines, index + 1)
        index += 1
        if closing is None:  # a simple table: a row a line, up to a blank line
            body: list[str] = []
            while index < len(lines) and lines[index].strip():
                if not _CLOSING_RULE.fullmatch(lines[index]):
                    body.append(lines[index])
                index += 1
            result.extend(_joined(row, starts) for row in _simple_rows(body, starts))
            continue
        row: list[str] = []
        for row_line in lines[index:closing]:
            if row_line.strip():
                row.append(row_line)
            elif row:
                result.append(_joined(row, starts))
                row = []
        if row:
            result.append(_joined(row, starts))
        index = closing + 1
    return "\n".join(result)
