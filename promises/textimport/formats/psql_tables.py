"""A database's query result as its command-line client prints it (PostgreSQL's psql): a
heading of columns set apart by " | ", a rule of dashes crossed by "+" under it, a row a line
with its cells padded to the columns, a value too long for its column wrapped onto the next
line with the other cells there empty, and a count of the rows under them ("(8 rader)",
"(8 rows)"); the client's prompt and query over the heading ("trollhattan=> SELECT …").

Each such result is read as a table of cells set apart by tabs, a wrapped value joined to its
row (the first cell empty on a line that goes on the row above), the prompt and the count
dropped; so the readers of tables read each row as an activity with its owner and target."""

import re

_RULE = re.compile(r"^-+(?:\+-+)+[ \t]*$", re.MULTILINE)
_PROMPT = re.compile(r"^[\w-]+=[>#][ \t]")
_ROW_COUNT = re.compile(r"^\((?:\d+ (?:rader|rad|rows?))\)[ \t]*$")


def _columns(rule: str) -> list[tuple[int, int]]:
    """Each column's span in the rule's characters, the "+" crossings between them."""
    spans = []
    start = 0
    for at, char in enumerate(rule.rstrip()):
        if char == "+":
            spans.append((start, at))
            start = at + 1
    spans.append((start, len(rule.rstrip())))
    return spans


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str] | None:
    """A line's cells when it is a row of the columns (a "|" at each crossing), else None."""
    if len(line) < spans[-1][0] - 1:
        line = line.ljust(spans[-1][0])
    if any(line[start - 1 : start] != "|" for start, _end in spans[1:]):
        return None
    return [line[start:end].strip(" |") for start, end in spans]


def psql_tables_read(text: str) -> str:
    """The text with each query result printed by a database's client read as a table of
    cells set apart by tabs."""
    if not _RULE.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        spans = _columns(following) if _RULE.match(following) else None
        heading = spans and _cells(line, spans)
        if not heading:
            out.append(line)
            index += 1
            continue
        if out and _PROMPT.match(out[-1]):
            out.pop()
        rows = [heading]
        index += 2
        while index < len(lines) and (cells := _cells(lines[index], spans)) is not None:
            if not cells[0] and len(rows) > 1:
                above = rows[-1]
                rows[-1] = [f"{old} {new}".strip() for old, new in zip(above, cells, strict=True)]
            else:
                rows.append(cells)
            index += 1
        if index < len(lines) and _ROW_COUNT.match(lines[index].strip()):
            index += 1
        out.extend("\t".join(row) for row in rows)
    return "\n".join(out)
