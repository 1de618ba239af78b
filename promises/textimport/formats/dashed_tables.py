"""A table as Pandoc's plain-text writer (and some reporting tools) draw it: a header line over
a rule of dashes, one run of dashes a column ("---------- -------- ----------"), each column's
text starting where its run starts. In a "simple" table each line below is a row, up to a blank
line; in a "multiline" table the rows are set apart by blank lines, a cell's text wrapped over
the lines of its row, and a rule of dashes closes the table. Each row is given as one line of
cells separated by tabs, each cell's wrapped text joined, as a table copied from a word
processor is; the table readers read it from there (formats/grid_tables.py does the same for
grid tables)."""

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
            while index < len(lines) and lines[index].strip():
                if not _CLOSING_RULE.fullmatch(lines[index]):
                    result.append(_joined([lines[index]], starts))
                index += 1
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
