"""Tables of activities whose cells come one per line: each column's kind from its header, a
PDF's columns given one after another, and each row read as an activity (columns per year
giving a yearly target).
"""

import re
from collections.abc import Callable
from contextvars import ContextVar

from django.utils.translation import gettext as _

from promises.textimport.formats.delimited_tables import EMPTY_CELL
from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import fold
from promises.textimport.owners import read_owner, split_actors
from promises.textimport.reading.headings import ACTIVITY_LEAD, PARTY_HEADING, PROMISE_LEAD
from promises.textimport.reading.sentences import YEAR
from promises.textimport.reading.titles import (
    activity_title,
    proposed_activity,
    title_of,
    without_results,
)
from promises.textimport.reading.units import strip_item
from promises.textimport.targets import read_target
from promises.textimport.types import ParsedDocument, ParsedPromise, TextSpan

# A table of activities, its cells one per line: "Aktivitet", "Ansvarig", "Mål", then the rows.
TABLE_FIRST = _kw(
    r"^(?:aktivitet(?:er)?|åtgärd(?:er)?|insats(?:er)?|activit(?:y|ies)|actions?"
    # a header asking its questions: "Vad | Vem | Hur ofta | Var"
    r"|vad(?: görs| gör vi| ska göras| ska vi göra)?\s*\??)\s*:?$"
)
# A column named with its year: "Resultat 2025" beside "Mål 2026" (last year's result is no target).
_COLUMN_YEAR = r"(?: (?:för |under )?\d{4}(?:\s*[–-]\s*\d{2,4})?)?"
_TABLE_COLUMNS = (
    (
        "owner",
        _kw(
            r"^(?:huvud)?ansvar(?:ig|iga|ar)?(?: (?:part|aktör|förvaltning|verksamhet"
            r"|organisation|funktion|roll|enhet))?\s*:?$|^vem(?: ansvarar| gör)?\s*\??:?$"
            # a spreadsheet's English-like codes: "Owner", "Resp."
            r"|^(?:owner|responsible|resp\.?)\s*:?$"
        ),
    ),
    (
        "target",
        _kw(
            r"^(?:mål(?:värde|sättning)?|omfattning|antal|frekvens|när|hur ofta|tidplan|tidsplan"
            # a plan's "Mått" (the measure each row is followed up by)
            r"|mått|frekv\.?|freq\.?|frequency|target)"
            rf"{_COLUMN_YEAR}\s*\??:?$"
        ),
    ),
    ("partners", _kw(r"^(?:samverkans|samarbets)?part(?:er|ner|ners)?\s*:?$|^i samverkan med$")),
    # A spreadsheet's unit of time beside its number: "Mål (antal)" 10, "Per" år.
    ("scope", _kw(r"^(?:per|per tidsenhet|tidsenhet|per år/månad)\s*:?$")),
    (
        "other",
        _kw(
            r"^(?:uppföljning|kommentar(?:er)?|status|indikator(?:er)?|resurser|löfte|syfte"
            r"|tidpunkt|tid|period|datum|plats|var|målgrupp|kostnad|budget|resultat|utfall"
            # a planning system's export: "Startdatum", "Slutdatum", "Klart", "Deadline"
            r"|start(?:datum)?|slut(?:datum)?|klart|klar|färdig|deadline|senast ändrad"
            rf"|genomförande|comments?|notes?){_COLUMN_YEAR}\s*:?$"
            # who follows each row up: "Uppföljs av", "Följs upp av"
            r"|^(?:uppföljs|följs upp) av\s*:?$"
            # a follow-up's columns of what was done so far: "Utfall jan–apr", "Utfall T1",
            # "Resultat hittills", "Status maj"
            r"|^(?:utfall|resultat|status)(?: (?:hittills|t[1-3]|q[1-4]|kv(?:artal)? ?[1-4]"
            r"|(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zé]{0,6}"
            r"(?:\s*[–-]\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zé]{0,6})?))"
            r"(?: \d{4})?\s*:?$"
        ),
    ),
)


_COLUMN_NOTE = re.compile(r"\s*\((?:antal|st|stycken|siffra|number|#)\)")


def column_kind(text: str) -> str | None:
    """The kind of a table's column from its header, "Mål/Indikator" by its first part that
    names one."""
    # "Mål (antal)": the words in brackets say how the column is filled in
    text = _COLUMN_NOTE.sub("", text)
    for part in re.split(r"\s*/\s*|\s+och\s+", text):
        kind = next((kind for kind, rx in _TABLE_COLUMNS if rx.match(part)), None)
        if kind:
            return kind
    return None


_MOST_COLUMNS = 8


def table_columns(lines: list[_Line], index: int) -> tuple[list[str], int] | None:
    """The columns of a table whose header row starts at lines[index], and its first row.
    A first column of promises ("Löfte", "Aktivitet", "Ansvarig" …) is read too, and columns
    before the activity's own, as a table pasted in another order gives them ("Ansvarig",
    "Aktivitet", "Målvärde"; never a label with its colon, "Mål:")."""
    columns = []
    if (
        PROMISE_COLUMN.match(lines[index].text.strip())
        and index + 2 < len(lines)
        and TABLE_FIRST.match(lines[index + 1].text.strip())
        and column_kind(lines[index + 2].text.strip())
    ):
        columns, index = ["promise"], index + 1
    while not TABLE_FIRST.match(lines[index].text.strip()):
        text = lines[index].text.strip()
        if (
            "promise" in columns
            or len(columns) >= _LEADING_COLUMNS
            or lines[index].blank
            or text.endswith(":")
            or column_kind(text) not in {"owner", "target", "partners"}
            or index + 1 >= len(lines)
        ):
            return None
        columns.append(column_kind(text))
        index += 1
    columns.append("activity")
    position = index + 1
    yearly = False  # a column of targets named by its year, "Mål 2027", was read
    while position < len(lines) and len(columns) < _MOST_COLUMNS:
        text = lines[position].text.strip()
        kind = column_kind(text)
        if lines[position].blank or kind is None:
            break
        if kind == "target" and YEAR.search(text):
            # "Mål 2027" beside "Mål 2028": a plan's targets year by year
            kind, yearly = ("next_year" if yearly else kind), True
        columns.append(kind)
        position += 1
    return (columns, position) if len(columns) - ("promise" in columns) >= 2 else None


_LEADING_COLUMNS = 2


def _ends_first_column(line: _Line) -> bool:
    """Whether a line (not a first cell) ends the first column of a table `column_by_column`
    reads: a blank line, another column's header, or a cell wrapped onto a line starting in
    lower case."""
    if line.blank:
        return True
    text = line.text.strip()
    kind = column_kind(text) if not text.endswith(":") else None
    return kind not in (None, "activity") or text[:1].islower()


class _ColumnScans:
    """The first line from each index on that ends a table's first column, and the next blank
    line, as `column_by_column` finds them in one list of lines: each line is tested once."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self._column_ends: dict[int, int] = {}
        self._blanks: dict[int, int] = {}

    def first_column_end(self, start: int) -> int:
        return self._first_from(start, self._column_ends, _ends_first_column)

    def next_blank(self, start: int) -> int:
        return self._first_from(start, self._blanks, lambda line: line.blank)

    def _first_from(self, start: int, found: dict[int, int], test: Callable[[_Line], bool]) -> int:
        """The index of the first line from `start` on that passes `test`, or the number of
        lines; each index passed is noted with it, so that no line is tested twice."""
        passed = []
        position = start
        while (
            position < len(self.lines) and position not in found and not test(self.lines[position])
        ):
            passed.append(position)
            position += 1
        first = found.get(position, position)
        for each in passed:
            found[each] = first
        found[position] = first
        return first


# The scans of the lines one parse reads, by the list's id (the lists are kept while it runs):
# `parse` sets it; outside a parse, each call scans its lines anew.
COLUMN_SCANS: ContextVar[dict[int, _ColumnScans] | None] = ContextVar("column_scans", default=None)


def column_scans(lines: list[_Line]) -> _ColumnScans:
    """The scans of `lines` shared by the calls of one parse."""
    shared = COLUMN_SCANS.get()
    if shared is None:
        return _ColumnScans(lines)
    scans = shared.get(id(lines))
    if scans is None or scans.lines is not lines:
        scans = shared[id(lines)] = _ColumnScans(lines)
    return scans


def column_by_column(lines: list[_Line], index: int) -> tuple[list[str], list[_Line], int] | None:
    """A table whose columns a PDF's text gives one after another ("Aktivitet" over its cells,
    then "Ansvarig" over as many, then "Mål" …): its columns, its cells row by row, and the
    index after it; None unless each column has the same number of cells, two or more, and a
    cell wrapped onto a line starting in lower case goes on in it."""
    if not TABLE_FIRST.match(lines[index].text.strip()):
        return None
    # Only a table whose lines up to the next blank one are as many columns as its first has
    # lines, each with its header, can be read so: the scans of the lines ahead this call shares
    # with the others tell which do, and only those are read line by line (reading each
    # "Aktiviteter" of thousands in a row on to the blank line took time with their square).
    scans = column_scans(lines)
    first_column = scans.first_column_end(index + 2) - index  # its header and cells
    table = scans.next_blank(index + 1) - index
    if first_column < 3 or table % first_column or not 2 <= table // first_column <= 6:
        return None
    columns: list[str] = ["activity"]
    cells: list[list[_Line]] = [[]]
    position = index + 1
    while position < len(lines) and not lines[position].blank and len(columns) <= 6:
        line = lines[position]
        text = line.text.strip()
        kind = column_kind(text) if not text.endswith(":") else None
        if kind and kind not in columns and cells[-1]:
            columns.append(kind)
            cells.append([])
        elif text[:1].islower() and cells[-1]:
            return None  # a cell wrapped onto its next line: not read this way
        else:
            cells[-1].append(line)
        position += 1
    counts = {len(column) for column in cells}
    if len(columns) < 2 or len(counts) != 1 or counts.pop() < 2:
        return None
    rows = [column[row] for row in range(len(cells[0])) for column in cells]
    return columns, rows, position


# A table of promises with their activities beside them ("Löfte" | "Aktiviteter"), its cells
# one per line: a promise, then its activities (a list, or one line).
PROMISE_COLUMN = _kw(r"^(?:(?:medborgar)?löften?|fokusområden?|område|prioriterat område)\s*:?$")


def _lead_line(text: str) -> bool:
    """Whether a line ending with a colon opens a list: "Polisen åtar sig att:", "Aktiviteter:"."""
    return text.endswith(":") and bool(
        PARTY_HEADING.match(text) or ACTIVITY_LEAD.search(text) or PROMISE_LEAD.search(text)
    )


_SCOPE_CELL = re.compile(
    r"(?:(?:per|/) ?)?(?:ar|manad|vecka|dag|dygn|kvartal|termin|tertial|halvar|lasar|perioden)"
)
_SCOPE_WORD = re.compile(r"^(?:per|/)\s*", re.IGNORECASE)


def table_rows(document: ParsedDocument, lines: list[_Line], columns: list[str], index: int):
    """Read a table's rows as activities (and, in a first column of promises, their
    promises); the index of the line after the table."""
    width = len(columns)
    row_promise = None
    # An owner column first whose cell is empty under a filled one: a group's owner written
    # once, its cell merged over the group's rows (as Excel's and Word's merged cells paste).
    merged_owner = columns[0] == "owner"
    row_owner: _Line | None = None
    while index + width <= len(lines):
        cells = lines[index : index + width]
        if any(cell.blank for cell in cells) or any(len(cell.text) > 300 for cell in cells):
            break
        if _lead_line(cells[0].text.strip()):
            break  # a heading right after the table: "Polisen åtar sig också att:"
        row = {
            kind: cell
            for kind, cell in zip(columns, cells, strict=True)
            if cell.text.strip() != EMPTY_CELL
        }
        owner_cell = row.get("owner")
        if owner_cell and len(owner_cell.text) > 80:
            break
        if merged_owner:
            owner_cell = row_owner = owner_cell or row_owner
        if "activity" not in row:
            index += width  # a row without an activity (its cell empty): nothing to read
            continue
        name = row["activity"]
        text = strip_item(name.text)
        owner = read_owner(f"Ansvarig: {owner_cell.text}", None) if owner_cell else None
        responsible, other, partners = owner or read_owner(text, None)
        if "partners" in row:
            partners = partners + split_actors(row["partners"].text)
        target, notes = None, []
        if "target" in row:
            cell = row["target"]
            words = cell.text
            if (scope := row.get("scope")) and _SCOPE_CELL.fullmatch(fold(scope.text.strip())):
                # "10" under "Mål (antal)" and "år" under "Per": ten a year
                words = f"{words} per {_SCOPE_WORD.sub('', scope.text.strip())}"
            if "next_year" in columns:
                target, notes = _yearly_target(words, row.get("next_year"), cell.start, text)
            else:
                target, notes = read_target(words, cell.start, listed=True, counted=text)
        elif "target" not in columns:
            # A table with no column for the target (a plan's "Aktivitet | Ansvarig", its
            # months dropped): the activity's own words state it, as a list item's do.
            target, notes = read_target(without_results(text), name.start, listed=True)
        owner = (responsible, other, partners)
        title = title_of(text, None)
        if "target" not in columns:
            title = activity_title(text, name.start, target)
        activity = proposed_activity(text, title, name.start, owner, target, notes)
        if promise := row.get("promise"):
            # The promise of this row, or of the rows above when its cell is repeated.
            words = strip_item(promise.text)
            if not document.promises or document.promises[-1].text != words:
                document.promises.append(
                    ParsedPromise(text=words, span=TextSpan(promise.start, promise.end))
                )
            row_promise = len(document.promises) - 1
        if row_promise is not None:
            # An empty promise cell (a cell Word merged over several rows): the one above.
            activity.promise_indexes = [row_promise]
        document.activities.append(activity)
        index += width
    return index


def _yearly_target(words: str, next_year: _Line | None, start: int, counted: str):
    """The target of a row whose columns give it year by year ("Mål 2027" | "Mål 2028"): per
    year when the last year's cell says what the first's does ("minst 40 kvällar" twice, "10"
    twice), none when they differ ("minst 15" and "minst 20": one target cannot say both)."""
    if next_year and " ".join(fold(next_year.text).split()) != " ".join(fold(words).split()):
        return None, [_("The text states more than one number: check the target")]
    target, notes = read_target(words, start, listed=True, counted=counted)
    if target is None or target.scope == "period":
        yearly, yearly_notes = read_target(f"{words} per år", start, listed=True, counted=counted)
        if yearly and (target is None or yearly.value == target.value):
            target, notes = yearly, yearly_notes
    return target, notes
