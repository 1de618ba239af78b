"""The signature block of a signed promise: where and when it was signed, and by whom.

A signed document usually ends with a line of place and date, "Sala den 15 januari 2026" (or
"Kungälv 2020-03-20", "Undertecknat i Visby den 12 oktober 2023."), then each signatory's
name, title and organisation, one under the other or in two columns side by side:

    Anna Berg                      Per Ek
    Kommunstyrelsens ordförande    Lokalpolisområdeschef
    Sala kommun                    Polisen

or one signatory a line, "Miguel Odhner, kommunstyrelsens ordförande, Kungälvs kommun". The
block is read from the text as given (`parse`'s argument), not the cleaned text: cleaning
closes up the spaces that set the columns apart. A document without a place and date is read
for a block only at its very end, and only when its lines are all names, titles and
organisations with a title among them. A block going on over a page break is read past the
page's running header or footer ("Medborgarlöfte Ydre 2024 – sida 2 av 2", "2 (2)", the title
repeated), as past a blank line. Nothing is guessed: an organisation the block does not
name is left empty (but "Polisen" for a police title), for the coordinator to fill in.
"""

import bisect
import datetime
import re
import unicodedata

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from promises.textimport.clean import doubled_letters_read, encoding_repaired, plain_text
from promises.textimport.formats.markup import formatting_marks_read
from promises.textimport.formats.pages import page_edge_line
from promises.textimport.numbers import MONTHS, fold
from promises.textimport.types import ParsedDocument, ParsedSignatory

# The most signatories proposed (the registration takes six).
MAX_SIGNATORIES = 6
# The longest line read, and the most lines a block has after its place and date.
_LONGEST_LINE = 160
_MOST_LINES = 24

# "Sala den 15 januari 2026", "Kungälv 2020-03-20", "Undertecknat i Visby den 12 oktober 2023.",
# and a form's field "Ort och datum: Mullsjö 2026-03-18".
_PLACE_DATE = re.compile(
    r"^(?:(?:[Oo]rt|[Pp]lats)(?:,| och) datum:[ \t]*)?"
    r"(?:(?:Undertecknat|Undertecknad|Underskrivet)(?: i)? )?"
    r"(?P<place>[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)?),?(?: den)? "
    r"(?:(?P<day>\d{1,2}) (?P<month>[a-zåäö]+) (?P<year>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))\.?$"
)
# Words before a date that name no place: a page's "Publicerad 12 mars 2025".
_NOT_PLACES = frozenset(
    {
        "publicerad",
        "publicerat",
        "uppdaterad",
        "uppdaterat",
        "beslutad",
        "beslutat",
        "antagen",
        "antaget",
        "reviderad",
        "reviderat",
        "daterad",
        "daterat",
        "datum",
        "senast",
        "gäller",
        "giltig",
        "giltigt",
        "sida",
        "version",
        "skapad",
        "skapat",
        "ändrad",
        "ändrat",
        "fastställd",
        "fastställt",
        "från",
        "till",
        "den",
        "mötet",
        "sammanträdet",
        "protokoll",
        "justerat",
        "justerad",
        "utskrivet",
    }
)
# How far left of its column's start a cell may begin (a name centred over its title).
_SLACK = 4
# The gap between two columns: a tab, or three spaces or more.
_COLUMN_GAP = re.compile(r"\t+| {3,}")
# A line to sign on: "______", "..........".
_RULE = re.compile(r"^[_.\-–—]{4,}$")
# Matched in the folded text (lower case, "å", "ä", "ö" as "a", "a", "o"): a scan's
# "Kommunstyrelsens ordforande" is a title too.
_TITLE = re.compile(
    r"(?:ordforande|chef|direktor|(?:kommunal|kommun|region|borgar|stads)rad|kommunpolis"
    r"|polismastare|kommissarie|samordnare|strateg|sekreterare|ledamot)\b"
)
# The titles of those who sign for a party: a block with no place and date above it is a
# signature block only with one of them ("Lena Holm, Säkerhetssamordnare" under a report is
# its writer).
_SIGNING_TITLE = re.compile(r"ordforande|chef\b|direktor|rad\b|polismastare")
_POLICE_TITLE = re.compile(r"polis")
_ORGANISATION = re.compile(
    r"^(?:for )?(?:polisen|polismyndigheten|(?:lokal)?polisomrade [\w -]+|lpo [\w -]+"
    r"|polisregion [\w -]+|region [\w -]+|[\w-]+ (?:kommun|stad)|kommunen|staden|regionen)$"
)
# Two or three names, each capitalised: "Anna Berg", "Per-Ola Mattsson", "Anna-Karin af Ek"
# is not read (the coordinator adds it).
_NAME = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöéü']+(?:-[A-ZÅÄÖ]?[a-zåäöéü']+)?"
    r"(?: [A-ZÅÄÖ][a-zåäöéü']+(?:-[A-ZÅÄÖ]?[a-zåäöéü']+)?){1,2}$"
)


# A document proposing the decision to make the promise, not the promise signed: an official's
# report ("Tjänsteskrivelse", "Tjänsteutlåtande") with its "Förslag till beslut" ("Förvaltningens
# förslag till beslut"), "Kommunstyrelsen föreslås anta medborgarlöftet …". Read in folded text
# near the top.
_PROPOSAL = re.compile(
    r"^(?:tjansteskrivelse|tjansteutlatande)\b"
    r"|^(?:[a-z]+s )?(?:forslag till beslut|beslutsforslag)\b"
    r"|\bforeslas (?:att )?(?:anta|besluta|godkanna|faststalla|ge|uppdra|teckna|underteckna)\b"
)
_PROPOSAL_LINES = 40


def _proposal_phrase(lines: list[str]) -> str:
    """The words near the top of the document that make it a proposal ("Förslag till beslut"),
    else ""."""
    filled = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        filled += 1
        if filled > _PROPOSAL_LINES:
            break
        match = _PROPOSAL.search(fold(text[:_LONGEST_LINE]))
        if match:
            return text[match.start() : match.end()]
    return ""


# An e-signing service's verification page after the document ("Verifikat", "Signerande
# parter", each party "Maria Holm (MH)" over the organisation and e-mail address, then
# "Signerade 2026-02-04 10:02:11 CET (+0100)"), as Scrive prints it.
_VERIFICATION = re.compile(r"(?:Verifikat|Verification)\b")
_SIGNING_PARTIES = re.compile(r"(?:Signerande parter|Signerare|Signing parties)")
_VERIFIED_PARTY = re.compile(r"(?P<name>[^()]{3,60}) \([A-ZÅÄÖ]{1,4}\d?\)")
_VERIFIED_SIGNING = re.compile(r"(?:Signerade|Signed) (?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)\b")
_VERIFICATION_END = re.compile(r"(?:Detta verifikat|This verification|Händelser|Events)\b")


def _verified_signatures(lines: list[str]) -> tuple[list[ParsedSignatory], datetime.date | None]:
    """The parties and the last date of signing a verification page names, ([], None) for a
    text with none."""
    start = next(
        (index for index, line in enumerate(lines) if _VERIFICATION.fullmatch(line.strip())),
        None,
    )
    if start is None:
        return [], None
    signatories: list[ParsedSignatory] = []
    dates: list[datetime.date] = []
    parties = False
    for index in range(start, len(lines)):
        text = lines[index].strip()
        if _SIGNING_PARTIES.fullmatch(text):
            parties = True
        elif _VERIFICATION_END.match(text):
            parties = False
        elif parties and (party := _VERIFIED_PARTY.fullmatch(text)):
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            organisation = following if _kind(following) == "organisation" else ""
            signatories.append(ParsedSignatory(name=party.group("name"), organisation=organisation))
        elif parties and (signed := _VERIFIED_SIGNING.match(text)) and (date := _date(signed)):
            dates.append(date)
    return signatories, max(dates, default=None)


def read_signatures(document: ParsedDocument, raw: str) -> None:
    """Set `document`'s signing place, date and signatories from the signature block of `raw`
    (the text as given), when it has one; and note when the document reads as a proposal, so
    that its decision and signing may not have happened as written."""
    raw = doubled_letters_read(formatting_marks_read(encoding_repaired(plain_text(raw))))
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", raw)  # "o" + U+0308 as "ö"
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    if phrase := _proposal_phrase(lines):
        document.uncertain.append(
            _(
                "The document seems to be a proposal (“%(phrase)s”), not a signed promise: its "
                "decision and signing may not have happened as written. Check them against the "
                "decision."
            )
            % {"phrase": phrase}
        )
    anchor = None
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].strip()
        match = _PLACE_DATE.match(text) if len(text) <= 80 else None
        if match and match.group("place").split()[0].casefold() not in _NOT_PLACES:
            anchor = index, match
            break
    if anchor is not None:
        index, match = anchor
        block = _block_after(lines, index + 1)
        signatories = _signatories(block)
        # A date with no one under it is a letter's date, unless it says it was signed or
        # ends the document ("Laxå den 15 januari 2026", the names not copied).
        ends = not any(line.strip() for line in lines[index + 1 :])
        if any(block) or ends or text.startswith("Under"):
            document.signing_place = match.group("place")
            document.signed_date = _date(match)
    elif (verified := _verified_signatures(lines))[0]:
        # signed electronically: no place, the last party's date
        signatories = verified[0]
        document.signed_date = verified[1]
    else:
        signatories = _signatories(_block_at_end(lines))
        if not any(
            _SIGNING_TITLE.search(fold(signatory.title))
            and (signatory.name or signatory.organisation)
            for signatory in signatories
        ):
            return
    document.signatories = signatories[:MAX_SIGNATORIES]


def _date(match: re.Match) -> datetime.date | None:
    try:
        if match.group("iy"):
            return datetime.date(
                int(match.group("iy")), int(match.group("im")), int(match.group("id"))
            )
        month = MONTHS.get(match.group("month"))
        if month is None:
            return None
        return datetime.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _cells(line: str) -> list[tuple[int, str, str]] | None:
    """A line's cells, each (where it starts in the line, kind, text), kind "name", "title",
    "organisation" or "rule" (a line to sign on); [] for a blank line; None when a cell is
    none of those."""
    if len(line) > _LONGEST_LINE:
        return None
    text = line.expandtabs(8).rstrip()
    if not text.strip():
        return []
    cells: list[tuple[int, str, str]] = []
    starts = [0, *(gap.end() for gap in _COLUMN_GAP.finditer(text))]
    for start, cell in zip(starts, _COLUMN_GAP.split(text), strict=True):
        cell = cell.strip()
        if not cell:
            continue
        if _RULE.match(cell):  # a line to sign on: no part, but no blank line either
            cells.append((start, "rule", ""))
            continue
        # "Miguel Odhner, kommunstyrelsens ordförande, Kungälvs kommun": one cell a part.
        for part in cell.split(", ") if ", " in cell else [cell]:
            part = part.strip().rstrip(",")
            kind = _kind(part)
            if kind is None:
                return None
            if cells and cells[-1][:2] == (start, kind) == (start, "organisation"):
                # "Polisen, Lokalpolisområde Norra Bohuslän": one organisation
                cells[-1] = (start, kind, f"{cells[-1][2]}, {part}")
                continue
            cells.append((start, kind, part))
    return cells


def _kind(cell: str) -> str | None:
    folded = fold(cell)
    # A sentence, a label ("Kontakt: …"), a number: no signature's.
    if len(cell) > 80 or cell.endswith(".") or ":" in cell or any(c.isdigit() for c in cell):
        return None
    if _ORGANISATION.match(folded):
        return "organisation"
    if _TITLE.search(folded):
        return "title"
    if _NAME.match(cell):
        return "name"
    return None


class _PageEdges:
    """Tells a page's header or footer standing between signatories: its page number
    ("Medborgarlöfte Ydre 2024 – sida 2 av 2", "2 (2)") or a line the text repeats (a running
    header repeating the title, "Medborgarlöfte Ydre 2024"; numbers aside)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.repeated: set[str] | None = None  # counted once, when first needed

    def holds(self, line: str) -> bool:
        """Whether `line` is such a header or footer."""
        if page_edge_line(line):
            return True
        if len(line) > _LONGEST_LINE or not line.strip():
            return False
        if self.repeated is None:
            counts: dict[str, int] = {}
            for other in self.lines:
                if other.strip() and len(other) <= _LONGEST_LINE:
                    key = _digit_blind(other)
                    counts[key] = counts.get(key, 0) + 1
            self.repeated = {key for key, count in counts.items() if count >= 2}
        return _digit_blind(line) in self.repeated


_DIGITS = re.compile(r"\d+")


def _digit_blind(line: str) -> str:
    return _DIGITS.sub("#", fold(" ".join(line.split())))


def _block_after(lines: list[str], start: int) -> list[list[tuple[int, str, str]]]:
    """The lines of the block under its place and date, up to the first line that is none of
    a signature's (or the block's most lines). A page's running header or footer between
    them, where the block goes on over a page break, is passed over as a blank line."""
    block: list[list[tuple[int, str, str]]] = []
    edges = _PageEdges(lines)
    for line in lines[start : start + _MOST_LINES]:
        cells = _cells(line)
        if cells is None:
            if not edges.holds(line):
                break
            cells = []
        block.append(cells)
    return _without_edges(block)


def _block_at_end(lines: list[str]) -> list[list[tuple[int, str, str]]]:
    """The lines that end the text when each of them is a signature's (or a page's header or
    footer, passed over as a blank line), in their order."""
    block: list[list[tuple[int, str, str]]] = []
    edges = _PageEdges(lines)
    for line in reversed(lines[-_MOST_LINES:]):
        cells = _cells(line)
        if cells is None:
            if not edges.holds(line):
                break
            cells = []
        block.append(cells)
    return _without_edges(block[::-1])


def _without_edges(block: list[list[tuple[int, str, str]]]) -> list[list[tuple[int, str, str]]]:
    """The block without the blank lines that end it (a footer passed over after the last
    signatory is no part of it)."""
    while block and not block[-1]:
        block.pop()
    return block


def _signatories(block: list[list[tuple[int, str, str]]]) -> list[ParsedSignatory]:
    """The signatories of a block, column by column: a blank line, or a part already given,
    begins the next signatory of its column."""
    # Where each column starts: where the cells of the lines with the most cells start (a
    # line whose first column is empty has its cell under the second).
    rows = [sorted({start for start, _kind, _text in cells}) for cells in block]
    widest = max(map(len, rows), default=0)
    firsts = [min(row[index] for row in rows if len(row) == widest) for index in range(widest)]
    columns: dict[int, list[tuple[str, str] | None]] = {}
    for cells in block:
        if not cells:
            for stream in columns.values():
                stream.append(None)
            continue
        for start, kind, text in cells:
            # the last column starting at the cell or before it (a cell a little to the
            # left of its column's start is still in it)
            column = bisect.bisect_right(firsts, start + _SLACK) - 1
            if kind != "rule":
                columns.setdefault(max(column, 0), []).append((kind, text))
    signatories: list[ParsedSignatory] = []
    for column in sorted(columns):
        current: dict[str, str] = {}
        for item in [*columns[column], None]:
            if item is not None and item[0] not in current:
                current[item[0]] = item[1]
                continue
            if current.keys() - {"organisation"}:
                signatories.append(_signatory(current))
                current = {}
            elif current and item is not None and item[0] != "organisation":
                # An organisation alone over its column ("Ljusdals kommun", a blank line,
                # the name and title): the next signatory's.
                current[item[0]] = item[1]
                continue
            current = {item[0]: item[1]} if item is not None else current
    return signatories


def _signatory(parts: dict[str, str]) -> ParsedSignatory:
    title = capfirst(parts.get("title", ""))
    organisation = parts.get("organisation", "")
    if organisation[:4].casefold() == "för ":
        organisation = organisation[4:]
    if not organisation and _POLICE_TITLE.search(title.casefold()):
        organisation = "Polisen"
    return ParsedSignatory(
        name=parts.get("name", ""), title=title, organisation=capfirst(organisation)
    )
