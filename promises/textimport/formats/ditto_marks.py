"""A table typed in columns whose cells repeat the one above by a ditto mark, "d:o" (dito) or
"〃", as an older plan's "Ansvarig" column does ("Fotpatrullering i Hagaparken   d:o   minst 2
kvällar i veckan"). Two marks or more, each a cell of its own (two spaces or more around it):
each mark is the text of the cell above it, at the same column, and the legend ("d:o och 〃 =
samma som raden ovanför") is dropped."""

import re

_MARK = re.compile(r"(?:(?<=  )|(?<=\t))(?:d:o|〃)(?= {2,}|\t|$)", re.MULTILINE)
_LEGEND = re.compile(r"^(?:d:o|〃)\b[^\n]*(?:=|samma som)[^\n]*$", re.MULTILINE | re.IGNORECASE)
_NEXT_CELL = re.compile(r" {2,}(?=\S)|\t")
_FEWEST_MARKS = 2


def ditto_marks_read(text: str) -> str:
    """The text with each ditto mark replaced by the cell above it; unchanged when it has
    fewer than _FEWEST_MARKS marks."""
    if len(_MARK.findall(text)) < _FEWEST_MARKS:
        return text
    text = _LEGEND.sub("", text)
    lines = text.split("\n")
    above = ""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        lines[index] = _filled(line, above)
        above = lines[index]
    return "\n".join(lines)


def _filled(line: str, above: str) -> str:
    pieces: list[str] = []
    at = 0
    for mark in _MARK.finditer(line):
        cell = _cell_at(above, mark.start())
        if not cell or mark.start() < at:
            continue
        after = _NEXT_CELL.search(line, mark.end())
        end = after.end() if after else len(line)
        width = end - mark.start()
        padded = (
            cell.ljust(width) if after and len(cell) + 2 <= width else cell + "  " * bool(after)
        )
        pieces += [line[at : mark.start()], padded]
        at = end
    return "".join([*pieces, line[at:]])


def _cell_at(line: str, column: int) -> str:
    """The cell of `line` starting at `column`, when one starts there."""
    if column >= len(line) or line[column].isspace() or (column and line[column - 1] != " "):
        return ""
    end = _NEXT_CELL.search(line, column)
    return line[column : end.start() if end else len(line)].strip()
