"""Reading the period's texts from a promise document: its situation picture (lägesbild), its
background (why and how the promises were made, what a citizen promise is) and how it is
followed up. Each is proposed only from what the document says, as written; a document that
says nothing of one proposes nothing for it.

A section under its heading gives the text: "Lägesbild", "Lokal lägesbild", "Nulägesbeskrivning",
"Problembild", "Situationen idag" (the situation); "Bakgrund", "Syfte", "Inledning", "Vad är ett
medborgarlöfte", "Så tog vi fram löftena", a memo's "Beskrivning av ärendet" (the background);
"Uppföljning", "Så följer vi upp", "Uppföljning och utvärdering", "Följ med i hur det går" (the
follow-up). A heading may be numbered ("2 Lägesbild", "§ 5 Uppföljning"). The section runs to the
next heading, a list read as promises or activities, the validity ("Löftet gäller …"), a contact
line or the signatures (place and date, names, titles).

Paragraphs of running text that plainly are one of the texts are taken too: "Löftet följs upp
…", "Uppföljning sker …" (the follow-up) and "Löftet bygger på …", "Medborgarlöften är …" (the
background) when no section gives that text; a paragraph that tells what a survey or the
situation picture shows, with the paragraphs right after it that go on describing it, always
(the situation, in the text's order with its section). Never a quotation, a list item read as
an activity, nor an agreement's own sections before its appendix with the promise.

A decision line ("Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.") is
never a text's: it is read into the decision's facts (`decision`).

Paragraph breaks are kept; the lines of one paragraph (a PDF's or a scan's wrapped lines) are
joined; a list item keeps its own line, written "- …". A text stops before the paragraph that
would take it past the editor's limit.
"""

import bisect
import re
import unicodedata
from collections.abc import Callable

from promises.textimport.decision import decision_line
from promises.textimport.lines import Line, kw
from promises.textimport.types import ParsedDocument
from promises.validators import BIDI_CONTROLS

SITUATION = "situation"
BACKGROUND = "background"
FOLLOW_UP = "follow_up_text"
FIELDS = (SITUATION, BACKGROUND, FOLLOW_UP)

# The longest text proposed: the editor's limit (promises.forms.MAX_TEXT).
LONGEST_TEXT = 10_000

_NUMBERING = re.compile(r"^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+")
_HEADINGS = (
    (
        SITUATION,
        kw(
            r"(?:(?:den )?(?:lokala?|aktuella?|gemensamma?) )?"
            r"(?:lägesbild(?:en)?|problembild(?:en)?)"
            r"|nulägesbeskrivning(?:en)?|nuläge(?:t)?|nulägesanalys(?:en)?"
            r"|situationen (?:idag|i dag)|(?:dagens |nuvarande )?situation"
            r"|vad (?:har|säger) (?:invånarna|medborgarna|de boende)(?: sagt)?"
        ),
    ),
    (
        BACKGROUND,
        kw(
            r"bakgrund(?:en)?|syfte(?:t)?(?: med (?:medborgar)?löfte(?:t|na|n)?)?|inledning"
            r"|varför (?:ett )?(?:medborgarlöfte(?:t|n)?)?|vad är (?:ett )?medborgarlöfte(?:n)?"
            r"|om (?:medborgar)?löfte(?:t|na|n)?"
            r"|så (?:har vi tagit|tog vi) fram (?:medborgar)?löfte(?:t|na|n)?"
            r"|(?:beskrivning av )?ärendet|ärendebeskrivning"
        ),
    ),
    (
        FOLLOW_UP,
        kw(
            r"uppföljning(?: och (?:utvärdering|återkoppling|redovisning))?"
            r"|(?:så|hur) följer vi upp(?: (?:medborgar)?löfte(?:t|na|n)?)?"
            r"|hur följs (?:medborgar)?löfte(?:t|na|n)? upp|följ med i hur det går"
        ),
    ),
)

# The end of a section, besides any heading: a contact line, a question slide, the signatures.
_STOP = kw(r"^(?:kontakt\w*|frågor|läs mer|mer information|underskrift(?:er)?|bilag(?:a|or))\b")
_VALIDITY = kw(
    r"^(?:(?:medborgar)?löfte(?:t|na)?|överenskommelsen|avtalet)? ?(?:gäller|giltighet(?:stid)?)\b"
)
_PLACE_DATE = re.compile(
    r"^[A-ZÅÄÖ][\w.-]+(?: [A-ZÅÄÖ][\w-]+)?,?(?: den)? "
    r"(?:\d{1,2} \w+ \d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}[ /-]?\d{2,4}|[\dx]{4,8}|_+)\s*$"
)
_SIGNATORY = kw(
    r"\b(?:ordförande|lokalpolisområdeschef|polisområdeschef|kommundirektör|kommunchef"
    r"|kommunalråd|stadsdirektör|polischef|räddningschef|justerandes signatur"
    r"|för (?:polisen|polismyndigheten|[\w-]+s? (?:kommun|stad)))\b"
)
_RULE = re.compile(r"^[_\s.]{6,}$")
# The lookahead first takes each run of letters whole (two to six names, "Anna Berg", or one
# run naming two, "AnnaBerg"): the names' own pattern alone tried every way of cutting a line
# of capitals into names (90 capitals took 15 s, 100 twice as long).
_NAME = re.compile(r"^(?=(?:[A-ZÅÄÖ][\w'-]++,? ?){1,6}+$)(?:[A-ZÅÄÖ][\w'-]+,? ?){2,6}$")

# Running text that plainly is one of the texts.
_FOLLOW_UP_TEXT = kw(
    r"\b(?:följs|följas) upp\b|\buppföljning(?:en)? (?:sker|görs|kommer att ske|ska ske)\b"
    r"|\bföljer (?:vi )?upp (?:medborgar)?(?:löfte|arbetet|resultat)"
    r"|\bredovisa[rs]? (?:vi )?(?:resultatet|resultaten|arbetet|hur arbetet går)\b"
    r"|\bresultat(?:et|en)? redovisas\b"
)
_BACKGROUND_TEXT = kw(
    r"\b(?:medborgar)?löfte(?:t|na)? bygger (?:vidare )?på\b"
    r"|\b(?:har|hade) (?:tillsammans |gemensamt )?tagit fram (?:detta |det här |dessa |de )?"
    r"(?:nya )?(?:medborgar)?löfte"
    r"|\b(?:medborgar)?löfte(?:t|na)? (?:har )?(?:tagits|togs) fram\b"
    r"|\b(?:ett )?medborgarlöfte(?:n|t)? (?:är|fokuserar|handlar)\b"
    r"|\butifrån [\w ]{0,40}(?:dialog|lägesbild|undersökning|mätning)\w* har vi\b"
)
_SITUATION_SOURCE = kw(
    r"lägesbild|medborgarundersökning|trygghetsmätning|trygghetsundersökning|trygghetsenkät"
    r"|medborgardialog|enkät|anmälda brott|anmäldes|brottsstatistik|statistik"
)
_SITUATION_SEEN = kw(
    r"\b(?:visar|visade|uppgav|svarade|upplever|upplevs|uppmärksammat|känner sig|undviker"
    r"|har ökat|ökat|har minskat|förekommer|nämnde|oroar sig)\b"
)
_PROMISING = kw(r"\b(?:ska|skall|kommer att|lovar|vill|åtar sig|förbinder sig)\b")
_QUOTATION = re.compile(r"^[–—\"”“'»]|, (?:säger|berättar|menar|konstaterar) ")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*")
_AGREEMENT_TITLE = kw(r"överenskommelse|samverkansavtal")
_APPENDIX = kw(r"^bilaga\b")
_PROMISE_TITLE = kw(r"medborgarlöfte")


def _heading_field(line: Line) -> str | None:
    """The text a line heads ("Lägesbild", "2. Syfte", "Uppföljning:"), or None."""
    if line.blank or line.bullet and not line.numbered:
        return None
    text = line.text.strip()
    if len(text) > 60:
        return None
    text = _NUMBERING.sub("", text).rstrip(" :?!.").strip()
    for field, pattern in _HEADINGS:
        if pattern.fullmatch(text):
            return field
    return None


def _heading_like(lines: list[Line], index: int, is_heading, structure: set[int]) -> bool:
    """Whether lines[index] heads something else: a heading the parser knows (never a sentence:
    "Uppföljning sker i Trygghetsrådet." is none, nor the lead-in of a list not read as
    promises or activities: "Trygghetsmätningen visade att:"), or a numbered one ("3
    Medborgarlöften", "§ 4 Åtaganden", "2. Medborgarlöftet" after a blank line)."""
    line = lines[index]
    text = line.text.strip()
    if text.endswith((".", "!")) or len(text) > 80:
        return False
    following = index + 1
    if (
        text.endswith(":")
        and following < len(lines)
        and lines[following].bullet
        and following not in structure
    ):
        return False
    if line.numbered and not line.sub:
        return index > 0 and lines[index - 1].blank and len(text.split()) <= 6
    if line.bullet:
        return False
    if _NUMBERING.match(text):
        return index > 0 and lines[index - 1].blank
    return is_heading(lines, index)


def _signature(line: Line) -> bool:
    text = line.text.strip()
    if _RULE.match(text) or _PLACE_DATE.match(text):
        return True
    return len(text) <= 90 and not text.endswith(".") and bool(_SIGNATORY.search(text))


def _wraps(previous: str, following: str) -> bool:
    """Whether `following` plainly goes on the sentence `previous` ends (a wrapped line)."""
    if following[:1].islower():
        return True
    return len(previous) >= 50 and not previous.endswith((".", "!", "?", ":", ";"))


def _units(lines: list[Line]) -> list[list[Line]]:
    """The paragraphs and list items of `lines` (no blank among them), each as its lines. A
    block whose lines wrap (a PDF's or a scan's) is one paragraph, each list item its own; in
    a block of whole lines (a web page's, a Word file's, a slide's) each line stays a line."""
    wrapped = any(
        not line.bullet and _wraps(previous.text.strip(), line.text.strip())
        for previous, line in zip(lines, lines[1:], strict=False)
    )
    units: list[list[Line]] = []
    for line in lines:
        text = line.text.strip()
        if (
            units
            and not line.bullet
            and (_wraps(units[-1][-1].text.strip(), text) or wrapped and not units[-1][0].bullet)
        ):
            units[-1].append(line)
        else:
            units.append([line])
    return units


# What a typed text may not hold (`promises.validators`): control characters, unassigned and
# private-use ones (a Word symbol font's) and the bidirectional overrides and marks.
_NOT_TEXT = frozenset(BIDI_CONTROLS)


def _plain(text: str) -> str:
    return "".join(
        char
        for char in text
        if char not in _NOT_TEXT and unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"}
    )


def _unit_text(unit: list[Line]) -> str:
    text = _plain(" ".join(line.text.strip().replace("\t", " ") for line in unit))
    text = _FOOTNOTE.sub("", text).strip()
    return f"- {text}" if unit[0].bullet else text


def _written(blocks: list[list[list[Line]]]) -> str:
    """Blocks (paragraphs of units) as text: blank lines between blocks, a line per unit."""
    paragraphs: list[str] = []
    length = 0
    for block in blocks:
        paragraph = "\n".join(_unit_text(unit) for unit in block).strip()
        if not paragraph:
            continue
        if length + len(paragraph) > LONGEST_TEXT:
            break
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _structure_lines(document: ParsedDocument, lines: list[Line]) -> set[int]:
    """The indexes of the lines that hold a promise or an activity as read."""
    spans = [p.span for p in document.promises] + [a.span for a in document.activities]
    ends = [line.end for line in lines]
    marked: set[int] = set()
    for span in spans:
        if span is None:
            continue
        index = bisect.bisect_right(ends, span.start)  # the first line ending after the start
        while index < len(lines) and lines[index].start < span.end:
            marked.add(index)
            index += 1
    return marked


def _first_line(lines: list[Line]) -> int:
    """Where the promise starts: after an agreement's own sections, at its appendix
    ("Bilaga 1: Medborgarlöfte 2025–2026"); else the first line."""
    title = next((line for line in lines if not line.blank), None)
    if title is None or not _AGREEMENT_TITLE.search(title.text):
        return 0
    for index, line in enumerate(lines):
        if _APPENDIX.match(line.text.strip()):
            following = [after.text for after in lines[index : index + 4] if not after.blank]
            if any(_PROMISE_TITLE.search(text) for text in following):
                return index
    return 0


def read_texts(
    document: ParsedDocument,
    lines: list[Line],
    is_heading: Callable[[list[Line], int], bool],
) -> None:
    """Propose `document`'s situation, background and follow-up texts from `lines` (see the
    module docstring); `is_heading` is the parser's test of a heading line."""
    structure = _structure_lines(document, lines)

    begin = _first_line(lines)
    taken: set[int] = set()  # lines given to a section (or its heading)
    sections: dict[str, list[list[list[Line]]]] = {field: [] for field in FIELDS}
    index = begin
    while index < len(lines):
        field = _heading_field(lines[index]) if index not in structure else None
        if field is None:
            index += 1
            continue
        taken.add(index)
        index, blocks = _section(lines, index + 1, is_heading, structure, taken)
        sections[field].extend(blocks)
    found = _running_text(lines, begin, taken, structure, is_heading)
    for field in FIELDS:
        blocks = sections[field]
        if field == SITUATION or not blocks:
            # The situation is told in running text too (Tranemo's page): in the text's order.
            blocks = sorted([*blocks, *found[field]], key=lambda block: block[0][0].start)
        if blocks:
            setattr(document, field, _written(blocks))


def _section(lines, index, is_heading, structure, taken) -> tuple[int, list]:
    """The blocks of the section starting at lines[index], and where it ends."""
    blocks: list[list[Line]] = []
    block: list[Line] = []
    while index < len(lines):
        line = lines[index]
        if line.blank:
            if block:
                blocks.append(block)
                block = []
            index += 1
            continue
        text = line.text.strip()
        if (
            _heading_field(line) is not None
            or index in structure
            or _STOP.match(text)
            or _VALIDITY.match(text)
            or _heading_like(lines, index, is_heading, structure)
        ):
            break
        if decision_line(text) is not None:
            # "Beslutat av kommunstyrelsen den …, dnr …": the registration's facts, no text
            if block:
                blocks.append(block)
                block = []
            taken.add(index)
            index += 1
            continue
        if _signature(line):
            # The names over the titles are the signatures too.
            while block and _NAME.match(block[-1].text.strip()):
                block.pop()
            break
        block.append(line)
        taken.add(index)
        index += 1
    if block:
        blocks.append(block)
    return index, [_units(block) for block in blocks]


def _running_text(lines, begin, taken, structure, is_heading) -> dict[str, list]:
    """The running-text paragraphs that plainly are one of the texts, by text."""
    found: dict[str, list[list[list[Line]]]] = {field: [] for field in FIELDS}
    describing = False  # right after a paragraph describing the situation
    block: list[Line] = []
    blocks: list[list[Line]] = []
    for index in range(begin, len(lines) + 1):
        line = lines[index] if index < len(lines) else None
        if line is None or line.blank or index in taken or index in structure:
            if block:
                blocks.append(block)
                block = []
            if line is not None and not line.blank:
                blocks.append([])  # a break in the running text
            continue
        if (
            line.bullet
            or _signature(line)
            or decision_line(line.text) is not None
            or _STOP.match(line.text.strip())
            or _heading_like(lines, index, is_heading, structure)
        ):
            if block:
                blocks.append(block)
                block = []
            blocks.append([])
            continue
        block.append(line)
    for block in blocks:
        if not block:
            describing = False
            continue
        for unit in _units(block):
            text = _unit_text(unit)
            if _QUOTATION.search(text) or len(text) < 20:
                describing = False
                continue
            if _FOLLOW_UP_TEXT.search(text):
                found[FOLLOW_UP].append([unit])
                describing = False
            elif _BACKGROUND_TEXT.search(text):
                found[BACKGROUND].append([unit])
                describing = False
            elif (
                not _PROMISING.search(text)
                and _SITUATION_SEEN.search(text)
                and (describing or _SITUATION_SOURCE.search(text))
            ):
                found[SITUATION].append([unit])
                describing = True
            else:
                describing = False
    return found
