"""Tables of particular kinds, told by their header once their rows are split into cells, and
how each is read: a schedule's columns of months marked "x" (dropped, with their legend), the
parties as columns each cell what that party does (each party's list), a table on its side (one
column per activity), a revision's wordings side by side (the new one), promises' titles in rows
of their own (a first column of promises), a communication plan's table and a risk analysis's
column of risks. A responsibility matrix, parties as columns marked by letters, is
formats/responsibility_matrix.py's."""

import re

from promises.textimport.formats.delimited_tables import EMPTY_CELL, _separated
from promises.textimport.numbers import fold

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
