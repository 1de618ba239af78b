"""Responsibility matrices: the activities down the first column, the parties across the
heading, and in each cell the party's part in the activity by a mark. The one home of the rule,
for the two forms a matrix comes in:

- a RACI matrix copied with its cells set apart by tabs ("Aktivitet", "Polisen", "Gislaveds
  kommun", "Bostadsbolaget", "Föreningar"), each cell letters, "R" for the one who carries the
  activity out ("R, A", "C", "I", "R/A", or empty) (`responsibility_matrix_read`, early in
  clean()). Each row is read as a block, "Aktivitet: …" over "Ansvar: …" naming the parties
  marked "R" ("Polisen och Gislaveds kommun" where two are), and the matrix's legend ("R = utför
  (ansvarig), A = beslutar, …") is dropped. The rule holds for two rows or more under a heading
  of three columns or more, every cell after the first of letters only, and each row with an
  "R";
- any other table of parties as columns marked "A", "D", "X", "✓" … (`_party_matrix`, once
  tables.py has split a table's rows into cells, whatever sets them apart): the parties marked
  as responsible become the row's "Ansvarig" cell, the others marked its "Samverkanspart"
  cell, a legend over the table ("A = ansvarar …, D = deltar") saying which marks mean
  responsible.

They stay two readers: the first reads its matrix before the table readers see the text, and
reads it otherwise (as blocks, "R" alone responsible); one in place of the other would read
documents differently."""

import re

from promises.textimport.formats.delimited_tables import EMPTY_CELL
from promises.textimport.formats.table_kinds import _PARTY_HEADER
from promises.textimport.numbers import fold

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


# A responsibility matrix ("Aktivitet | Polisen | Skara kommun | Skarabostäder | Mål"): a column
# for each party or organisation, its cells marks ("A", "D", "X", "✓") or empty, two such columns
# or more, one naming a party. The parties marked as responsible become the row's "Ansvarig"
# cell (joined by "och"), the others marked its "Samverkanspart" cell. Which marks mean
# responsible, a legend over the table says ("A = ansvarar …, D = deltar"); without one, "X",
# "✓", "A", "H" and "R" do.
_MATRIX_MARK = re.compile(r"[xX✓✔●☒]|[A-ZÅÄÖ]{1,2}")
_OWNER_MARKS = frozenset({"x", "X", "✓", "✔", "●", "☒", "A", "H", "R"})
_MATRIX_LEGEND_PAIR = re.compile(
    r"(?:^|[,;(]\s*|\s{2,})([A-ZÅÄÖ]{1,2}|[xX✓✔●]) ?[=:–] ?([^,;=()]{2,60}?)"
    r"(?=\s*(?:[,;)]|\s{2,}|$))"
)
_RESPONSIBLE_MEANING = re.compile(r"(?:huvud)?ansvar|utfor|genomfor|leder|ager")


def _matrix_legend(line: str) -> dict[str, bool] | None:
    """A matrix legend's marks, each with whether it means responsible: "A = ansvarar för att
    aktiviteten genomförs, D = deltar" gives {"A": True, "D": False}; None for another line."""
    text = line.strip().rstrip(".")
    pairs = list(_MATRIX_LEGEND_PAIR.finditer(text))
    if not pairs or sum(len(m.group()) for m in pairs) < len(text) - 2 * len(pairs):
        return None
    return {m.group(1): bool(_RESPONSIBLE_MEANING.match(fold(m.group(2)))) for m in pairs}


def _party_matrix(rows: list[list[str]], legend: dict[str, bool] | None) -> list[list[str]] | None:
    """A responsibility matrix's rows with its marked columns made "Ansvarig" and
    "Samverkanspart"; None when the rows are no such matrix."""
    header, body = rows[0], rows[1:]
    width = len(header)
    if any(len(row) != width for row in body):
        return None
    marked = [
        k
        for k in range(1, width)
        if all(row[k] in ("", EMPTY_CELL) or _MATRIX_MARK.fullmatch(row[k]) for row in body)
        and any(_MATRIX_MARK.fullmatch(row[k]) for row in body)
        and re.search(r"[^\W\d]{3}", header[k])
    ]
    if len(marked) < 2 or not any(_PARTY_HEADER.fullmatch(fold(header[k])) for k in marked):
        return None
    owner_marks = {mark for mark, owner in legend.items() if owner} if legend else _OWNER_MARKS
    first = marked[0]
    result = []
    for number, row in enumerate(rows):
        if number == 0:
            owner, partners = "Ansvarig", "Samverkanspart"
        else:
            owner = " och ".join(header[k] for k in marked if row[k] in owner_marks)
            partners = ", ".join(
                header[k] for k in marked if row[k] not in owner_marks | {"", EMPTY_CELL}
            )
        kept = []
        for k, cell in enumerate(row):
            if k == first:
                kept += [owner or EMPTY_CELL, partners or EMPTY_CELL]
            elif k not in marked:
                kept.append(cell)
        result.append(kept)
    return result
