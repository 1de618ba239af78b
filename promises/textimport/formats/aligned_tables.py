"""Tables whose columns are set apart by spaces, as a PDF's text in layout mode or a fixed-width
paste gives them: cells three spaces or more apart under a header starting "Aktivitet", a cell
wrapped onto the lines under its row; parties as columns marked "X"; and a sheet's table
numbered row by row, its further columns printed on a page of their own. Each such table is
given as rows of cells separated by tabs, which tables.py reads."""

import re

from promises.textimport.formats.common import (
    _JOIN_KEEPING_HYPHEN,
    _LOWER_WORD_START,
    _WORD_END_HYPHEN,
)
from promises.textimport.formats.delimited_tables import _CSV_HEADER, _NUMBER_COLUMN, EMPTY_CELL
from promises.textimport.numbers import fold

# A table printed with its columns set apart by spaces (a PDF's text in layout mode, a
# fixed-width paste): cells three spaces or more apart, as many in each row as in the header,
# read only under a header starting "Aktivitet" (prose has wide gaps too). A cell wrapped onto
# the next line goes on in a line of fewer cells, each cell under the column it stands nearest
# in the row above (a PDF's columns do not line up character by character: its fonts are
# proportional); a line of capitalised cells starting at the first column is a row of its own
# whose missing cells are empty.
_SPACED_CELL = re.compile(r"\S+(?: {1,2}\S+)*")


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    """A line's cells three spaces or more apart: (start, text)."""
    return [] if "\t" in line else [(m.start(), m.group()) for m in _SPACED_CELL.finditer(line)]


def _goes_on(cell: str, text: str) -> str:
    """`cell` with `text` of its next line: "Samverkans-" + "möten" joined, as lines are."""
    if _WORD_END_HYPHEN.search(cell[-3:]) and (match := _LOWER_WORD_START.match(text)):
        return f"{cell} {text}" if match.group(1) in _JOIN_KEEPING_HYPHEN else cell[:-1] + text
    return f"{cell} {text}"


def _run_together(cells: list[tuple[int, str]], starts: list[int], width: int) -> list[str] | None:
    """A row one cell short whose first cell runs into the second column, one space apart
    ("… i fritidshusområden Kommunen   3   4"): its cells, the first split at the word that
    stands where the second column starts; None for another line."""
    if len(cells) != width - 1 or width < 3 or cells[0][0] > starts[0] + 2:
        return None
    start, text = cells[0]
    if not text[:1].isupper() or start + len(text) <= starts[1] + 2:
        return None
    if any(abs(at - starts[k + 1]) > 4 for k, (at, _text) in enumerate(cells[1:], start=1)):
        return None
    for match in re.finditer(" ", text):
        at = start + match.end()
        if abs(at - starts[1]) <= 3 and text[match.end() : match.end() + 1].isupper():
            return [text[: match.start()], text[match.end() :], *(t for _at, t in cells[1:])]
    return None


# A cell's line that breaks off where its text cannot end: after a conjunction, a preposition,
# a comma or a word's hyphen ("Hastighetskontroller på Eke-", "… vid Stenhamra och").
_UNFINISHED = re.compile(
    r"(?:[,\-]|\b(?:och|eller|samt|i|på|vid|av|för|till|med|om|mot|från|under|kring|mellan"
    r"|utanför|längs|genom|inom|hos|åt|som))$",
    re.IGNORECASE,
)


def _unfinished(cell: str) -> bool:
    return bool(_UNFINISHED.search(cell[-12:]))


def _spaced_rows(lines: list[str], index: int, width: int) -> tuple[list[list[str]], int]:
    """The rows under a spaced table's header at lines[index]: their cells, the next index."""
    rows: list[list[str]] = []
    starts: list[int] = []
    tail = ""  # the first column's text on the line above
    end = index + 1
    while end < len(lines):
        cells = _spaced_cells(lines[end])
        if len(cells) == width and not (rows and cells[0][1][:1].islower()):
            rows.append([text for _start, text in cells])
            starts = [start for start, _text in cells]
            tail = cells[0][1]
        elif rows and (split := _run_together(cells, starts, width)):
            rows.append(split)
        elif rows and 0 < len(cells) < width:
            first_column = cells[0][0] <= starts[0] + 2
            capitalised = all(text[:1].isupper() for _start, text in cells)
            if first_column and capitalised and len(cells) == 1 and not _unfinished(tail):
                # One capitalised cell alone at the first column: text after the table, unless
                # the first cell's line above broke off ("… vid Stenhamra och" over "Svartsjö").
                break
            columns = [min(range(width), key=lambda k: abs(starts[k] - at)) for at, _t in cells]
            # A row whose first cell is capitalised and ends where it should, with two cells
            # or more, is a row of its own too ("Kontroller av tung trafik   Polisen   minst
            # 10", its last cell empty), unless the line above broke off.
            opens = cells[0][1][:1].isupper() and len(cells) >= 2 and not _unfinished(tail)
            if (
                first_column
                and (capitalised or opens)
                and len(set(columns)) == len(columns)
                and not (len(cells) == 1 and _unfinished(tail))
            ):
                # A row of its own with empty cells: "Närvaro vid evenemang   Polisen".
                row = [EMPTY_CELL] * width
                for column, (_start, text) in zip(columns, cells, strict=True):
                    row[column] = text
                rows.append(row)
            else:
                # The rest of the row above, its cells wrapped onto this line.
                for column, (_start, text) in zip(columns, cells, strict=True):
                    rows[-1][column] = _goes_on(rows[-1][column], text)
                tail = cells[0][1] if columns[0] == 0 else ""
        else:
            break
        end += 1
    return rows, end


# A table whose parties each have a column, marked "X" in the rows of their activities
# ("Aktivitet   Polisen   Kommunen   Omfattning"): the marked parties are the row's owner.
_PARTY_COLUMN = re.compile(
    r"(?:polisen|polis|kommunen|kommun|staden|stad|gemensamt|gemensam|region(?:en)?"
    r"|raddningstjansten|[a-z]+forvaltningen?)"
)
_MARK = re.compile(r"[xX✓✔●☒]")
_MARK_LEGEND = re.compile(r"\(?[xX✓✔●☒] ?[=:–-] ?[^()=]{2,40}\)?")


def _distance(position: int, cell: tuple[int, str]) -> int:
    """How far a position is from a header cell's extent (0 within it)."""
    start, text = cell
    return max(0, start - position, position - (start + len(text) - 1))


def _marks_only(row: list[str], marked: list[int]) -> bool:
    """Whether a row's party columns hold marks ("X") or nothing."""
    return all(not row[k] or _MARK.fullmatch(row[k]) for k in marked)


def _marked_rows(
    lines: list[str], index: int, header: list[tuple[int, str]], marked: list[int]
) -> tuple[list[str], list[list[str]], int]:
    """The rows under a header with party columns marked "X": the header and the rows with
    the party columns made one "Ansvarig" column (the marked parties joined by "och"), and the
    index after them. A line starting at the first column opens a row; others go on in it."""
    width = len(header)
    rows: list[list[str]] = []
    end = index + 1
    while end < len(lines) and lines[end].strip():
        cells = []
        for at, text in _spaced_cells(lines[end]):
            # "… på Furulund  X": a mark two spaces after a long cell, under a party's column.
            mark_at = at + len(text) - 1
            nearest = min(range(width), key=lambda k, at=mark_at: _distance(at, header[k]))
            if (
                len(text) > 2
                and text[-2] == " "
                and _MARK.fullmatch(text[-1])
                and (nearest in marked and _distance(at, header[nearest]) > 0)
            ):
                cells += [(at, text[:-1].rstrip()), (mark_at, text[-1])]
            else:
                cells.append((at, text))
        columns = [
            min(range(width), key=lambda k, at=at: _distance(at, header[k])) for at, _t in cells
        ]
        if cells[0][0] <= header[0][0] + 2 and columns[0] == 0:
            if rows and not _marks_only(rows[-1], marked):
                # A row done, with text in a party's column: no such table (found now, not
                # after every line to the next blank one, for every header-like line: a table
                # of 4,000 rows took minutes).
                return [], [], index + 1
            rows.append([""] * width)
        elif not rows:
            break
        for column, (_start, text) in zip(columns, cells, strict=True):
            rows[-1][column] = _goes_on(rows[-1][column], text) if rows[-1][column] else text
        end += 1
    marks_only = all(_marks_only(row, marked) for row in rows) and any(
        row[k] for row in rows for k in marked
    )
    if not marks_only:
        return [], [], index + 1
    first = marked[0]
    names = [text for _start, text in header]
    keep = [k for k in range(width) if k not in marked or k == first]
    merged_header = [("Ansvarig" if k == first else names[k]) for k in keep]
    merged = []
    for row in rows:
        owner = " och ".join(names[k] for k in marked if row[k])
        merged.append([(owner if k == first else row[k]) or EMPTY_CELL for k in keep])
    return merged_header, merged, end


# A sheet's table whose first column numbers its rows ("Nr   Aktivitet   Ansvarig", then "1
# Hastighetskontroller …   Polisen"), its columns set apart by spaces. Printed wider than the
# page, its last columns stand on a page of their own, under the row numbers again (the sheet's
# print titles): "Nr   Mål   Uppföljning" over "1   minst 30 per år   …". Such a page's cells go
# on the rows of the same numbers, and the numbers' column is dropped: the table then reads as
# one whose header starts "Aktivitet".
_NUMBERED_HEADER_PRESENT = re.compile(
    r"^[ \t]*(?:nr|id|#|nummer|löpnr|löpnummer|ref)\.? {3,}\S", re.IGNORECASE | re.MULTILINE
)
_PRINTED_ROW_NUMBER = re.compile(r"\d{1,3}")
_MOST_COLUMN_PAGES = 4  # pages of further columns looked for after a table's first


def _numbered_block(lines: list[str], index: int) -> tuple[list[tuple[int, str]], list, int]:
    """The spaced header at lines[index] whose first cell names a column of row numbers, its
    rows (each its number and its cells but the number, placed under the header's columns)
    and the index after them; no rows when it is no such header."""
    header = _spaced_cells(lines[index])
    if len(header) < 2 or not _NUMBER_COLUMN.fullmatch(fold(header[0][1])):
        return header, [], index + 1
    rows = []
    end = index + 1
    while end < len(lines):
        cells = _spaced_cells(lines[end])
        if len(cells) < 2 or not _PRINTED_ROW_NUMBER.fullmatch(cells[0][1]):
            break
        row = [EMPTY_CELL] * (len(header) - 1)
        for start, text in cells[1:]:
            column = min(range(1, len(header)), key=lambda k, at=start: abs(header[k][0] - at))
            row[column - 1] = text if row[column - 1] == EMPTY_CELL else f"{row[column - 1]} {text}"
        rows.append((cells[0][1], row))
        end += 1
    return header, rows, end


def _numbered_columns_joined(lines: list[str]) -> list[str]:
    """Tables numbered row by row (see above) as tab rows without their numbers, a later page's
    columns under the same numbers joined to them."""
    blocks = []  # (header index, end, header, rows)
    index = 0
    while index < len(lines):
        header, rows, end = _numbered_block(lines, index)
        if len(rows) >= 2:
            blocks.append((index, end, header, rows))
        index = end
    lines = list(lines)
    used: set[int] = set()
    for number, (start, end, header, rows) in enumerate(blocks):
        if number in used or not _CSV_HEADER.fullmatch(fold(header[1][1])):
            continue
        names = [text for _at, text in header[1:]]
        cells = [row for _number, row in rows]
        for later in range(number + 1, min(number + 1 + _MOST_COLUMN_PAGES, len(blocks))):
            other = blocks[later]
            if later in used or [n for n, _row in other[3]] != [n for n, _row in rows]:
                continue
            if _CSV_HEADER.fullmatch(fold(other[2][1][1])):
                break  # another table of activities, numbered the same
            names += [text for _at, text in other[2][1:]]
            cells = [row + more for row, (_n, more) in zip(cells, other[3], strict=True)]
            lines[other[0] : other[1]] = [""] * (other[1] - other[0])
            used.add(later)
        lines[start:end] = ["\t".join(names), *("\t".join(row) for row in cells)]
    return lines


def _spaced_columns_as_tabs(lines: list[str]) -> list[str]:
    """The rows of tables whose columns are set apart by spaces, their cells separated by tabs."""
    lines = list(lines)
    index = 0
    while index < len(lines):
        spaced = _spaced_cells(lines[index])
        header = [text for _start, text in spaced]
        if len(header) < 2 or not _CSV_HEADER.fullmatch(fold(header[0])):
            index += 1
            continue
        marked = [k for k in range(1, len(header)) if _PARTY_COLUMN.fullmatch(fold(header[k]))]
        if marked:
            header, rows, end = _marked_rows(lines, index, spaced, marked)
            above = index - 1
            while above > 0 and not lines[above].strip():
                above -= 1
            if rows and above >= 0 and _MARK_LEGEND.fullmatch(lines[above].strip()):
                lines[above] = ""  # "(X = ansvarig part)" over the table: its legend
        else:
            rows, end = _spaced_rows(lines, index, len(header))
        if len(rows) >= 2:
            table = ["\t".join(row) for row in [header, *rows]]
            lines[index:end] = table
            end = index + len(table)
        index = max(end, index + 1)
    return lines
