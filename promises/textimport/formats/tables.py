"""Tables read as cells, one a line, with their rows separated by blank lines (`_tables_as_cells`):
cells separated by tabs, pipes, semicolons (a CSV file's, also in quotes), dot leaders or
spaces (a PDF's text in layout mode, its cells wrapped onto the next lines joined again), a
grid drawn with box characters, columns printed one after another or interleaved, a table on
its side, a schedule's or a responsibility matrix's marks, parties as columns, a revision's
wordings side by side and a promise's title in a row of its own."""

import csv
import re

from promises.textimport.formats.common import (
    _JOIN_KEEPING_HYPHEN,
    _LOWER_WORD_START,
    _WORD_END_HYPHEN,
    BULLET_CHARS,
)
from promises.textimport.numbers import fold

# A table copied from a word processor or a spreadsheet: cells separated by tabs.
_CELL_GAP = re.compile(r"[ \t]*\t[ \t]*")
_MARKER_CELL = re.compile(rf"[{BULLET_CHARS}]|\d{{1,2}}[.)]|[a-h][.)]")


def _tab_cells(line: str) -> list[str]:
    """A line's tab-separated cells; a bullet or number before a tab is its item's, and a
    label before a tab ("Ansvarig:") its value's."""
    cells = [cell for cell in _CELL_GAP.split(line.strip(" \t")) if cell]
    while len(cells) >= 2 and (_MARKER_CELL.fullmatch(cells[0]) or cells[0].endswith(":")):
        cells[:2] = [f"{cells[0]} {cells[1]}"]
    return cells


# A table in text with pipes: "| Åtgärd | Ansvarig |", its header underlined "|---|---|".
_PIPE_ROW = re.compile(r"\s*\|.*\|\s*")
_PIPE_RULE = re.compile(r"\s*\|[\s|:+-]*\|\s*")


# A table pasted from a spreadsheet's CSV: "Aktivitet;Ansvarig;Mål", read only under such a header
# (prose has semicolons too).
# A spreadsheet's header may be in English-like codes: "ID;Activity;Owner;Freq".
_CSV_HEADER = re.compile(
    r"(?:aktivitet(?:er)?|atgard(?:er)?|insats(?:er)?|activit(?:y|ies)|actions?)", re.IGNORECASE
)
# A first column of promises before the activity's: "Löfte;Aktivitet;Ansvarig;Mål".
_CSV_PROMISE_HEADER = re.compile(r"(?:medborgar)?loften?|fokusomraden?|omrade", re.IGNORECASE)
# A spreadsheet's line whose cells after the first are all empty ("Medborgarlöfte Gullspång
# 2027;;;;"), or a row of empty cells (";;;;"): the text of its first cell alone.
_EMPTY_CSV_CELLS = re.compile(r"^([^;\n]*);{2,}[ \t]*$", re.MULTILINE)


def _csv_header(cells: list[str]) -> bool:
    """Whether a row separated by semicolons is a table's header: it names the activity's
    column first, or after a column of promises."""
    first = fold(cells[0]) if cells else ""
    return bool(
        _CSV_HEADER.fullmatch(first)
        or (
            len(cells) > 1
            and _CSV_PROMISE_HEADER.fullmatch(first)
            and _CSV_HEADER.fullmatch(fold(cells[1]))
        )
    )


# A first column numbering the rows ("Nr", "ID", "#"), its cells short codes ("1", "A01",
# "K-02"): no part of any activity, dropped so the activity's column leads the row.
_NUMBER_COLUMN = re.compile(r"(?:nr|id|#|nummer|lopnr|lopnummer|ref)\.?")
_ROW_NUMBER = re.compile(r"[\w.-]{1,8}")
# A plan drawn as a Gantt chart: a column for each month (quarter, tertial or week) of the
# period, the months an activity is done in marked "x" ("Aktivitet | Ansvarig | Jan | Feb | …").
# The marks say when, not who or how many: three such columns or more, their cells only marks or
# empty, are dropped, so the table is read by its other columns.
_SCHEDULE_COLUMN = re.compile(
    r"(?:jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?"
    r"|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"|(?:kv(?:artal)?\.? ?|q|t(?:ertial)? ?)[1-4]|(?:v(?:ecka)?\.? ?)\d{1,2}(?:\s*[–-]\s*\d{1,2})?"
)
_SCHEDULE_MARK = re.compile(r"[xX✓✔●■▪◼☒*]")
_FEWEST_SCHEDULE_COLUMNS = 3


def _without_schedule(rows: list[list[str]]) -> list[list[str]]:
    """A table's rows without its schedule's columns (months, quarters or weeks marked "x"),
    when it has three or more of them and two other columns; else the rows as they are."""
    header = rows[0]
    width = len(header)
    schedule = [
        k
        for k, name in enumerate(header)
        if _SCHEDULE_COLUMN.fullmatch(fold(name.strip()))
        and all(
            len(row) == width and (row[k] in ("", EMPTY_CELL) or _SCHEDULE_MARK.fullmatch(row[k]))
            for row in rows[1:]
        )
    ]
    if len(schedule) < _FEWEST_SCHEDULE_COLUMNS or width - len(schedule) < 2:
        return rows
    if not any(_SCHEDULE_MARK.fullmatch(row[k]) for row in rows[1:] for k in schedule):
        return rows
    dropped = set(schedule)
    return [[cell for k, cell in enumerate(row) if k not in dropped] for row in rows]


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


# A schedule's legend, over or under it: "Ett x i månadskolumnen visar när aktiviteten
# genomförs.", "(x = aktiviteten genomförs den månaden)", "Markeringen X anger månad".
_SCHEDULE_LEGEND = re.compile(
    r"[^\n]{0,60}(?<![\w-])[\"'”“]?[x✓●■*][\"'”“]?(?![\w-])\s*"
    r"(?:=|:|[–-] |i (?:\w+ )?(?:manads|kvartals|vecko)?kolumn\w*|visar|markerar|betyder|anger)"
    r"[^\n]{0,140}"
)


def _drop_schedule_legend(lines: list[str], index: int, end: int) -> None:
    """Blank the legend of a schedule's marks on the line nearest above or below its table
    (lines[index:end])."""
    for step, start in ((-1, index - 1), (1, end)):
        position = start
        while 0 <= position < len(lines) and not lines[position].strip():
            position += step
        if 0 <= position < len(lines) and _SCHEDULE_LEGEND.fullmatch(fold(lines[position].strip())):
            lines[position] = ""


# A row of a CSV file whose cells are in quotes: '"Aktivitet";"Ansvarig"', '"Aktivitet","Mål"'.
_QUOTED_CSV = re.compile(r'"[^"]*(?:""[^"]*)*"\s*([;,])\s*"')


# An empty cell of a table row, written where the reader expects one cell per line.
EMPTY_CELL = "–"


def _separated(line: str) -> list[str] | None:
    """A line split at its separator (a tab, else a pipe in a pipe row, else a pipe between
    spaces, else a semicolon, or the commas of a CSV row with its cells in quotes), each part
    stripped, the empty ones kept; None when it has none."""
    text = line.strip(" ")
    if quoted := _QUOTED_CSV.match(text):
        return [part.strip() for part in next(csv.reader([text], delimiter=quoted.group(1)))]
    if "\t" in text:
        parts = text.split("\t")
    elif _PIPE_ROW.fullmatch(line):
        parts = text.strip().strip("|").split("|")
    elif " | " in text:  # "Aktivitet | Ansvar | Omfattning", without pipes at its ends
        parts = text.split("|")
    elif ";" in text:
        # a CSV file's cell in quotes among bare ones ('"Föräldravandringar, lördagar";Kommunen')
        parts = next(csv.reader([text], delimiter=";")) if '"' in text else text.split(";")
    else:
        return None
    return [part.strip() for part in parts]


def _cells_with_empty(line: str, width: int) -> list[str] | None:
    """A row's cells with its empty ones ("Närvaro vid evenemang\tPolisen\t"), each as
    EMPTY_CELL, when splitting it at each separator gives `width` cells, some of them filled."""
    parts = _separated(line)
    if parts is None:
        return None
    # Filled enough to be a row: its first cell, or two others (a first column of promises
    # left empty under the row above: "\tBelysning vid torget\tKommunen").
    if len(parts) != width or not (parts[0] and any(parts[1:]) or sum(map(bool, parts)) >= 2):
        return None
    return [part or EMPTY_CELL for part in parts]


def _row_cells(line: str) -> list[str]:
    """A row's filled cells (a tab row's as `_tab_cells` reads them)."""
    if "\t" in line:
        return _tab_cells(line)
    return [part for part in _separated(line) or [] if part]


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
            rows.append([""] * width)
        elif not rows:
            break
        for column, (_start, text) in zip(columns, cells, strict=True):
            rows[-1][column] = _goes_on(rows[-1][column], text) if rows[-1][column] else text
        end += 1
    marks_only = all(not row[k] or _MARK.fullmatch(row[k]) for row in rows for k in marked) and any(
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


# A table typed with dot leaders between its cells ("Aktivitet ...... Ansvar ...... Antal"):
# a row holds a run of dots (or of "…", or ". . . ."), and within such a row a lone " . " where
# a long cell left room for one dot only also separates two cells.
_LEADER_PRESENT = re.compile(r"[^\s.…][ \t]*(?:\.{4,}|…{2,}|(?:\. ){3,}\.)[ \t]*[^\s.…]")
_LEADER = re.compile(r"[ \t]*(?:\.{2,}|…+|(?:\. ){2,}\.)[ \t]*|[ \t]+\.[ \t]+")


def _leader_cells(line: str) -> list[str] | None:
    """A row's cells, when dot leaders set them apart; None for any other line."""
    if "." not in line and "…" not in line or not _LEADER_PRESENT.search(line):
        return None
    cells = [cell.strip() for cell in _LEADER.split(line.strip())]
    return cells if len(cells) >= 2 and all(cells) else None


def _leaders_as_tabs(lines: list[str]) -> list[str]:
    """The rows of tables typed with dot leaders, their cells separated by tabs: two rows or
    more in a row under a header naming the activity's column ("Aktivitet ..... Ansvar ....
    Antal"), each as many cells as the header. A table of contents ("Bakgrund ....... 2") and a
    list of contacts ("Kommunpolis … ...... 114 14") have no such header."""
    lines = list(lines)
    index = 0
    while index < len(lines):
        header = _leader_cells(lines[index])
        if header is None or not _CSV_HEADER.fullmatch(fold(header[0])):
            index += 1
            continue
        rows = [header]
        while index + len(rows) < len(lines):
            cells = _leader_cells(lines[index + len(rows)])
            if cells is None or len(cells) != len(header):
                break
            rows.append(cells)
        if len(rows) >= 3:
            lines[index : index + len(rows)] = ["\t".join(cells) for cells in rows]
        index += len(rows)
    return lines


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


# Two lists printed side by side (a PDF's text in layout mode): "Polisen ska:     Kommunen ska:"
# over lines holding a piece of each column.
_COLUMN_HEAD = re.compile(r".{2,60}:|(?:polisen|kommunen|staden|gemensamt|tillsammans)\b.{0,50}")


def _columns_one_after_another(lines: list[str]) -> list[str]:
    """Two columns side by side, under a heading each, as the first column's lines, a blank
    line, then the second's: a cell belongs to the column it starts nearest."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        heads = _spaced_cells(lines[index]) if "   " in lines[index].strip() else []
        if len(heads) != 2 or not all(_COLUMN_HEAD.fullmatch(fold(text)) for _s, text in heads):
            result.append(lines[index])
            index += 1
            continue
        columns: list[list[str]] = [[heads[0][1]], [heads[1][1]]]
        middle = heads[1][0]
        index += 1
        while index < len(lines) and (
            lines[index].strip() or _items_go_on(lines, index, (heads[0][0], middle))
        ):
            for start, text in _spaced_cells(lines[index]):
                columns[abs(start - middle) < abs(start - heads[0][0])].append(text)
            index += 1
        result += [*columns[0], "", *columns[1]]
    return result


_ITEM_START = re.compile(r"(?:\d{1,2}[.)]|[-•*–])\s")


def _items_go_on(lines: list[str], index: int, starts: tuple[int, int]) -> bool:
    """Whether the two columns go on past the blank lines at `index`: the next line's cells
    each start where a column does, one of them a numbered or bulleted item ("POLISEN" and
    "KOMMUNEN" over "1. Genomföra …     1. Bygga …", items a blank line apart)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    cells = _spaced_cells(lines[index]) if index < len(lines) else []
    return bool(cells) and (
        all(min(abs(start - column) for column in starts) <= 2 for start, _text in cells)
        and any(_ITEM_START.match(text) for _start, text in cells)
    )


# Two lists printed side by side whose text gives a line of each in turn (a reader ordering a
# PDF's lines by their height on the page): "Polisen lovar att:" over "Kommunen lovar att:",
# then the first column's first line, the second's first line, the first's second … up to a
# blank line.
_INTERLEAVED_HEAD = re.compile(
    r"(?:polisen|kommunen|staden|regionen|lokalpolisomradet?(?: [\w-]+){0,2}|lpo(?: [\w-]+)?"
    r"|[\w-]+s? (?:kommun|stad)|gemensamt|tillsammans)\b[^:]{0,40}:"
)
_INTERLEAVED_BULLET = re.compile(rf"([{BULLET_CHARS}]|\d{{1,2}}[.)])\s")
_FEWEST_INTERLEAVED_LINES = 4
_LONGEST_INTERLEAVED_HEAD = 100
_MOST_INTERLEAVED_LINES = 200  # two columns of a page, never a long text without blank lines


def _interleaved_column(lines: list[str]) -> bool:
    """Whether lines read as one column's list: an item first, and every line that opens no
    item going on from a line that ends no sentence."""
    for index, line in enumerate(lines):
        if _INTERLEAVED_BULLET.match(line.strip()):
            continue
        if not index or lines[index - 1].rstrip().endswith((".", "!", "?", ":")):
            return False
    return True


def _columns_deinterleaved(lines: list[str]) -> list[str]:
    """Two party headings one right over the other, the lines under them alternating between
    the two columns (each opening with an item), as the first column's heading and lines, a
    blank line, then the second's."""
    heading = [
        len(line) <= _LONGEST_INTERLEAVED_HEAD
        and line.rstrip().endswith(":")
        and bool(_INTERLEAVED_HEAD.fullmatch(fold(line.strip())))
        for line in lines
    ]
    blank_after = [len(lines)] * (len(lines) + 1)  # the first blank line at or after each
    for index in range(len(lines) - 1, -1, -1):
        blank_after[index] = index if not lines[index].strip() else blank_after[index + 1]
    result: list[str] = []
    index = 0
    while index < len(lines):
        heads = lines[index : index + 2]
        if not (
            index + 3 < len(lines)
            and heading[index]
            and heading[index + 1]
            and fold(heads[0].strip()) != fold(heads[1].strip())
        ):
            result.append(lines[index])
            index += 1
            continue
        end = blank_after[index + 2]
        block = (
            [line.strip() for line in lines[index + 2 : end]]
            if end - index - 2 <= _MOST_INTERLEAVED_LINES
            else []
        )
        first, second = block[0::2], block[1::2]
        if (
            _FEWEST_INTERLEAVED_LINES <= len(block) <= _MOST_INTERLEAVED_LINES
            and (bullet := _INTERLEAVED_BULLET.match(block[0]))
            and block[1].startswith(bullet.group(1))
            and _interleaved_column(first)
            and _interleaved_column(second)
        ):
            result += [heads[0].strip(), *first, "", heads[1].strip(), *second]
            index = end
            continue
        result.append(lines[index])
        index += 1
    return result


# A table whose columns are the parties, each cell what that party does in the row's area
# ("| Område | Polisen | Täby kommun |"): read as each party's list, "Det här gör Polisen" over
# its cells as items (an empty cell, "–", none).
_PARTY_HEADER = re.compile(
    r"(?:[a-z-]{2,30} )?(?:kommun|kommunen|stad|staden)|polisen|polis|gemensamt|tillsammans"
    r"|(?:lokalpolisomrade|lpo|polisen i) [a-z -]{2,30}"
)
_ACTIVITY_CELL_CHARS = 20


def _party_lists(rows: list[list[str]]) -> list[str] | None:
    """The lines of each party's list, when the header names two parties or more as columns
    whose cells say what they do; None otherwise."""
    header, body = rows[0], rows[1:]
    parties = [k for k, name in enumerate(header) if _PARTY_HEADER.fullmatch(fold(name))]
    if len(parties) < 2 or any(len(row) != len(header) for row in body):
        return None
    filled = [row[k] for row in body for k in parties if row[k] != EMPTY_CELL and row[k] != "-"]
    if not filled or sum(map(len, filled)) < _ACTIVITY_CELL_CHARS * len(filled):
        return None
    lines: list[str] = []
    for k in parties:
        joint = fold(header[k]) in ("gemensamt", "tillsammans")
        lines.append("Det här gör vi tillsammans" if joint else f"Det här gör {header[k]}")
        lines += [f"• {row[k]}" for row in body if row[k] != EMPTY_CELL and row[k] != "-"]
        lines.append("")
    return lines


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


# A table turned on its side, one column per activity (as a slide's table is drawn): its rows
# named in its first column, "Vad", "Vem", "Hur ofta", over a header row numbering the
# activities ("", "Aktivitet 1", "Aktivitet 2", …) or none.
_ROW_NAME = re.compile(
    r"(?P<activity>vad(?: gor vi| gors)?\??|aktivitet|atgard|insats|beskrivning)"
    r"|vem\??|ansvarig|ansvar|hur ofta\??|nar\??|mal|malvarde|omfattning|frekvens|antal|var\??"
)


_ACTIVITY_NUMBER = re.compile(r"(?:(?:aktivitet|atgard|insats|nr)\.? ?)?\d{1,2}")


def _transposed(rows: list[list[str]]) -> list[list[str]] | None:
    """The rows of a table with one column per activity turned into one row per activity, the
    names of its rows their header; None when it is no such table."""
    if fold(rows[0][0]).strip() in ("", EMPTY_CELL.lower()):
        rows = rows[1:]  # the activities' numbers: "Aktivitet 1", "Aktivitet 2", …
    names = [_ROW_NAME.fullmatch(fold(row[0]).strip()) for row in rows]
    if len(rows) < 2 or len(rows[0]) < 3 or not all(names):
        return None
    if not any(name.group("activity") for name in names if name):
        return None
    return [[row[k] for row in rows] for k in range(len(rows[0]))]


# A revision's table of wordings side by side, "Nuvarande lydelse" | "Föreslagen lydelse", as a
# decision to revise a promise sets them out: the activities are the new wording's; a row whose
# new cell says "Utgår" (or is empty) is an activity taken out, and one saying "Oförändrad"
# keeps the present wording.
_OLD_WORDING = re.compile(
    r"(?:nuvarande|tidigare|gallande|befintlig|ursprunglig|gammal|forra) lydelse"
    r"|lydelse (?:fore|idag|i dag|\d{4})|nuvarande|tidigare"
)
_NEW_WORDING = re.compile(
    r"(?:foreslagen|ny|reviderad|andrad|justerad) lydelse|forslag(?: till (?:ny )?lydelse)?"
    r"|lydelse efter(?: andring| revidering)?|ny|reviderad"
)
_WORDING_REMOVED = re.compile(r"(?:utgar|stryks|tas bort|upphor|avslutas)\b")
_WORDING_KEPT = re.compile(r"(?:oforandrad|oforandrat|ingen andring|som (?:nu|tidigare))\.?")


def _revised_wording(rows: list[list[str]]) -> list[list[str]] | None:
    """A revision's table with only its new wording, as the column of activities ("Aktivitet"),
    and without the rows it takes out (each then []); None when it is no such table."""
    header = [fold(cell).strip() for cell in rows[0]]
    old = next((k for k, cell in enumerate(header) if _OLD_WORDING.fullmatch(cell)), None)
    new = next((k for k, cell in enumerate(header) if _NEW_WORDING.fullmatch(cell)), None)
    if old is None or new is None or not any("lydelse" in cell for cell in header):
        return None
    revised: list[list[str]] = []
    for number, row in enumerate(rows):
        if len(row) != len(header):
            return None
        wording = "Aktivitet" if not number else row[new]
        if number and _WORDING_KEPT.fullmatch(fold(wording).strip()):
            wording = row[old]  # "Oförändrad": the present wording holds
        if number and (wording in ("", EMPTY_CELL) or _WORDING_REMOVED.match(fold(wording))):
            revised.append([])  # "Utgår (genomfört hösten 2025)": no longer an activity
            continue
        revised.append([wording if k == new else cell for k, cell in enumerate(row) if k != old])
    return revised


# A row of a table holding only a promise's title, its other cells empty, over the rows of
# that promise's activities: "Löfte 1: Tryggare centrum kvällstid\t\t\t".
_SECTION_ROW = re.compile(
    r"(?:lofte|fokusomrade|loftesomrade|insatsomrade|omrade)\s*\d{1,2}\s*[:.–-]\s*(\S.{0,150})"
)


def _section_row(line: str) -> str | None:
    """The promise's title of a table's section row, None when the line is none."""
    parts = _separated(line)
    if not parts or not parts[0] or any(parts[1:]):
        return None
    match = _SECTION_ROW.fullmatch(fold(parts[0]))
    return parts[0][match.start(1) :] if match else None


def _sections_as_column(cells: list[list[str]], index: int, end: int, sections: dict[int, str]):
    """A table's section rows (cells[index:end]) as a first column of promises, "Löfte", each
    row under a section carrying its title (a row above the first section an empty cell), the
    section rows themselves no rows."""
    cells[index] = ["Löfte", *cells[index]]
    section = EMPTY_CELL
    for row in range(index + 1, end):
        if row in sections:
            section, cells[row] = sections[row], []
        else:
            cells[row] = [section, *cells[row]]


_CHANNEL_COLUMN = re.compile(r"(?:kommunikations)?kanal(?:er)?|kanal ?/ ?forum|channels?")


# A risk analysis's or a problem inventory's table: "Risk" | "Åtgärd" | "Ansvarig" | "Mål". The
# risk (the problem, its cause) is why the activity is done, no activity itself: its column is
# left out when another column names the activities.
_CONTEXT_COLUMN = re.compile(
    r"(?:identifierad )?(?:risk|risker|riskkalla|problem|problembild|orsak|orsaker|utmaning"
    r"|utmaningar|brist|brister|behov|nulage|hot)"
)
_ACTIVITY_COLUMN = re.compile(r"(?:atgard|atgarder|aktivitet|aktiviteter|insats|insatser)")


def _without_context_column(rows: list[list[str]]) -> list[list[str]] | None:
    """The rows without their first column when the header names it a risk or a problem and
    a later column the activities; None for another table."""
    header = [fold(cell).strip(" :") for cell in rows[0]]
    if (
        len(header) < 3
        or not _CONTEXT_COLUMN.fullmatch(header[0])
        or not any(_ACTIVITY_COLUMN.fullmatch(cell) for cell in header[1:])
        or any(len(row) != len(header) for row in rows)
    ):
        return None
    return [row[1:] for row in rows]


def _may_start_table(line: str, cells: list[str]) -> bool:
    """Whether a row could begin a table that `_tables_as_cells` reads: a row of tabs or pipes,
    a CSV header (after a column of numbers too) or a communication plan's header. A run of
    rows separated by semicolons under no header is prose or a list, and so is each run inside
    it that begins with such a row."""
    return bool(
        "\t" in line
        or _PIPE_ROW.fullmatch(line)
        or _csv_header(cells)
        or _csv_header(cells[1:])
        or any(_CHANNEL_COLUMN.fullmatch(fold(cell)) for cell in cells)
    )


def _next_start(lines: list[str], cells: list[list[str]], index: int, end: int) -> int:
    """Where to look for a table next when the rows from `index` to `end` are none: the first
    of them after `index` that could begin one (`_may_start_table`), else `end`. Trying every
    row again was quadratic: 50,000 lines "a;b" (a paste at the import form's longest) took
    two and a half minutes."""
    for row in range(index + 1, end):
        if _may_start_table(lines[row], cells[row]):
            return row
    return max(end, index + 1)


def _tables_as_cells(text: str) -> tuple[str, set[int]]:
    """Rows of a table whose cells are separated by tabs, pipes, semicolons or aligned spaces
    (two lines or more with the same number of cells, two or more each; with semicolons,
    spaces or pipes without a pipe at the row's ends, under a header row starting "Aktivitet")
    with one cell per line, as a table whose cells come one per line is read; a pipe table's
    rule under its header is dropped. Also the numbers of the lines that are cells: a cell is
    never page furniture ("9", a count, is no page number)."""
    lines = text.split("\n")
    if "┼" in text or "+-" in text or "┬" in text:
        lines = _grid_rows(lines)
    lines = [line for line in lines if not _PIPE_RULE.fullmatch(line) or "-" not in line]
    if "..." in text or "……" in text or ". . ." in text:
        lines = _leaders_as_tabs(lines)
    if _NUMBERED_HEADER_PRESENT.search(text):
        lines = _numbered_columns_joined(lines)
    lines = _rows_over_page_breaks(lines)
    lines = _spaced_columns_as_tabs(_columns_one_after_another(lines))
    if ":\n" in text:
        lines = _columns_deinterleaved(lines)
    cells = [_row_cells(line) for line in lines]
    table_rows: set[int] = set()
    index = 0
    while index < len(lines):
        width = len(cells[index])
        end = index
        sections: dict[int, str] = {}
        while end < len(lines) and width >= 2:
            if len(cells[end]) != width:
                filled = _cells_with_empty(lines[end], width) if end > index else None
                if (
                    filled is None
                    and end > index
                    and _CSV_HEADER.fullmatch(fold(cells[index][0]))
                    and (section := _section_row(lines[end]))
                ):
                    sections[end] = section
                    end += 1
                    continue
                if filled is None:
                    break
                cells[end] = filled
            end += 1
        while end - 1 in sections:
            del sections[end - 1]  # a promise's title under a table opens no row of it
            end -= 1
        by_semicolons = "\t" not in lines[index] and not _PIPE_ROW.fullmatch(lines[index])
        numbered = (
            width >= 3
            and end - index >= 2
            and _NUMBER_COLUMN.fullmatch(fold(cells[index][0]))
            and all(_ROW_NUMBER.fullmatch(cells[row][0]) for row in range(index + 1, end))
        )
        header = cells[index][bool(numbered) :]
        if end - index >= 2 and any(_CHANNEL_COLUMN.fullmatch(fold(cell)) for cell in header):
            # A communication plan's table ("Vecka", "Aktivitet", "Kanal", "Ansvarig"): how the
            # promise is made known, not what it promises; each row a line of its own.
            for row in range(index, end):
                lines[row] = " · ".join(cell for cell in cells[row] if cell)
            index = end
            continue
        if end - index >= 2 and (not by_semicolons or _csv_header(header)):
            if numbered:
                for row in range(index, end):
                    cells[row] = cells[row][1:]
            if context := _without_context_column(cells[index:end]):
                cells[index:end] = context
            if sections:
                _sections_as_column(cells, index, end, sections)
                table_rows.update(range(index, end))
                index = end
                continue
            kept = _without_schedule(cells[index:end])
            if len(kept[0]) < len(cells[index]):
                cells[index:end] = kept
                _drop_schedule_legend(lines, index, end)
            above = index - 1
            while above > 0 and not lines[above].strip():
                above -= 1
            legend = _matrix_legend(lines[above]) if above >= 0 and above < index else None
            if matrix := _party_matrix(cells[index:end], legend):
                cells[index:end] = matrix
                if legend:
                    lines[above] = ""  # "A = ansvarar …, D = deltar": the matrix's legend
            if transposed := _transposed(cells[index:end]):
                cells[index] = [cell for row in transposed for cell in row]
                for row in range(index + 1, end):
                    cells[row] = []
                numbers = cells[index - 1] if index else []
                if len(numbers) == len(transposed) - 1 and all(
                    _ACTIVITY_NUMBER.fullmatch(fold(cell)) for cell in numbers
                ):
                    lines[index - 1] = ""  # "Aktivitet 1", "Aktivitet 2" …: the columns' numbers
            if parties := _party_lists(cells[index:end]):
                cells[index] = parties
                for row in range(index + 1, end):
                    cells[row] = []
            elif revised := _revised_wording(cells[index:end]):
                cells[index:end] = revised
            table_rows.update(range(index, end))
            index = end
        else:
            index = _next_start(lines, cells, index, end)
    result: list[str] = []
    cell_lines: set[int] = set()
    for number, line in enumerate(lines):
        if number in table_rows:
            cell_lines.update(range(len(result), len(result) + len(cells[number])))
            result += cells[number]
        else:
            result.append(line)
    return "\n".join(result), cell_lines
