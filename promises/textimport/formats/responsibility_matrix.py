"""A responsibility matrix (RACI) copied with its cells set apart by tabs: the activities down
the first column, the parties across the heading ("Aktivitet", "Polisen", "Gislaveds kommun",
"Bostadsbolaget", "Föreningar"), and in each cell the party's part in the activity by letters,
"R" for the one who carries it out ("R, A", "C", "I", "R/A", or empty). Each row is read as a
block, "Aktivitet: …" over "Ansvar: …" naming the parties marked "R" ("Polisen och Gislaveds
kommun" where two are), and the matrix's legend ("R = utför (ansvarig), A = beslutar, …") is
dropped. The rule holds for two rows or more under a heading of three columns or more, every
cell after the first of letters only, and each row with an "R"; a table of other cells is the
table readers'."""

import re

_LETTERS = re.compile(r"[RACI](?:[ \t]*[,/+][ \t]*[RACI]|[ \t]+[RACI])*")
_LEGEND = re.compile(r"^[ \t]*R[ \t]*[=:–-][ \t]*\S.*\b[AC][ \t]*[=:–-][^\n]*\n?", re.MULTILINE)
_FEWEST_ROWS = 2
_FEWEST_COLUMNS = 3


def _row(cells: list[str], width: int) -> list[str] | None:
    """The row's marks, a cell each party (empty cells added up to the heading's width); None
    when a cell is no marks or there are more cells than columns."""
    marks = [cell.strip() for cell in cells[1:]]
    if len(cells) > width or not cells[0].strip():
        return None
    if any(mark and not _LETTERS.fullmatch(mark) for mark in marks):
        return None
    return marks + [""] * (width - len(cells))


def _table(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The blocks the matrix with its heading at lines[start] reads as, and the index after it."""
    heading = [cell.strip() for cell in lines[start].split("\t")]
    if len(heading) < _FEWEST_COLUMNS or not all(heading):
        return None
    blocks: list[str] = []
    end = start + 1
    while end < len(lines) and "\t" in lines[end]:
        cells = lines[end].split("\t")
        marks = _row(cells, len(heading))
        if marks is None:
            break
        owners = [heading[i + 1] for i, mark in enumerate(marks) if "R" in mark]
        if not owners:
            return None
        owner = " och ".join([", ".join(owners[:-1]), owners[-1]] if len(owners) > 1 else owners)
        blocks.extend([f"{heading[0]}: {cells[0].strip()}", f"Ansvar: {owner}", ""])
        end += 1
    if len(blocks) < _FEWEST_ROWS * 3:
        return None
    return blocks, end


def responsibility_matrix_read(text: str) -> str:
    """The text with each responsibility matrix read as blocks of its rows."""
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    changed = False
    while index < len(lines):
        line = lines[index]
        # only a heading over a row of marks is tried
        table = (
            _table(lines, index)
            if "\t" in line and index + 1 < len(lines) and "\tR" in lines[index + 1]
            else None
        )
        if table is None:
            result.append(line)
            index += 1
            continue
        result.extend(table[0])
        index = table[1]
        changed = True
    if not changed:
        return text
    return _LEGEND.sub("", "\n".join(result))
