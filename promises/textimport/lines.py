"""The cleaned text as lines (each with its bullet taken off), and keywords matched
tolerantly: å/ä/ö also match the forms OCR leaves of them ("upptickten", "fraimst", "dldern")."""

import re
from dataclasses import dataclass

from promises.textimport.formats.common import BULLET_CHARS
from promises.textimport.numbers import fold
from promises.textimport.owners import OWNER_ARROW, party_before_dash

# --- Lines -------------------------------------------------------------------------------------

_BULLET = re.compile(
    rf"(?:[{BULLET_CHARS}]|[eo](?= \S)|(?P<sub>\d{{1,2}}\.\d{{1,2}}(?:\.\d{{1,2}})?)\.?"
    rf"|\d{{1,2}}[.)]|\(\d{{1,2}}\)"
    rf"|[a-h][.)](?= \S)"
    # "ii) Genomföra …": an item numbered in small Roman numerals, as a lettered one ("v." is a
    # week, so only with its bracket)
    r"|(?P<small_roman>i{1,3}|iv|vi{0,3}|ix|x)\)(?= \S)"
    # "II. Färre unga i kriminalitet": a promise numbered in Roman numerals
    r"|(?P<roman>I{1,3}|IV|VI{0,3}|IX|XI{0,2})\.(?= [A-ZÅÄÖ]))[ ]+"
    # "…arbeta för ökad trygghet": each line under "Vi lovar att" going on from it.
    r"|(?:…|\.\.\.)(?=[a-zåäö])"
    # "Aktivitet 1.1.1 Polisen genomför …", "Delmål 1.2 …": a label numbered in levels.
    # "Aktivitet 1.1: Hastighetskontroller …" as a plan's rows write it.
    r"|(?:(?P<label>[Aa]ktivitet|[Åå]tgärd|[Ii]nsats)|[Dd]elmål) \d{1,2}(?:\.\d{1,2}){1,2}\.?:?[ ]+"
    r"(?=\S)"
    # An action point's code: "AP1 Hastighetskontroller vid …", "AP 2.1 …", and an item coded
    # by its section's letter: "A1 Riktade insatser …" under "A. Polisens aktiviteter".
    r"|(?P<point>AP ?|[A-D])\d{1,2}(?:\.\d{1,2}){0,2}\.?[ ]+(?=[A-ZÅÄÖ])"
)
# A section lettered "A. Polisens aktiviteter": a heading, its letter no bullet.
_SECTION_LETTER = re.compile(r"[A-H]\. (?=[A-ZÅÄÖ][^.:;]{2,60}$)")
# "Polisen → riktade insatser …": a line naming its owner before an arrow is an item.
_OWNER_ARROW_LINE = re.compile(rf"[A-ZÅÄÖ][\w .&+-]{{1,40}}? {OWNER_ARROW} (?=\S)")


@dataclass
class Line:
    start: int  # offset of the line's content (after a bullet) in the cleaned text
    end: int
    text: str  # the content, bullet removed
    folded: str
    bullet: bool
    blank: bool
    sub: bool = False  # numbered as a sub-item ("1.1 …"), one level under "1. …"
    numbered: bool = False  # its bullet is a number ("1.", "2)", "(3)")
    labelled: bool = False  # its bullet names it an activity ("Aktivitet 1.1.1")
    lettered: bool = False  # its bullet is a letter ("a)", "b.")
    titled: bool = False  # a numbered title over its own paragraph ("1. Fler vuxna ute")
    code: str = ""  # the owner's code the line opens with ("P", "P/K"), as a legend gives it


def read_lines(text: str) -> list[Line]:
    """The lines of the cleaned text, with offsets into it."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        match = _BULLET.match(raw)
        offset = match.end() if match and match.end() < len(raw) else 0
        if not offset and (letter := _SECTION_LETTER.match(raw)):
            position += letter.end()
            end = position + len(raw) - letter.end()
            raw = raw[letter.end() :]
        content = raw[offset:]
        arrow = not offset and bool(_OWNER_ARROW_LINE.match(raw))
        sub = bool(offset and match.group("sub"))
        roman = bool(offset and match.group("roman"))
        numbered = bool(offset) and (raw.lstrip("(")[:1].isdigit() or roman)
        lines.append(
            Line(
                position + offset,
                end,
                content,
                fold(content),
                bool(offset) or arrow,
                not raw.strip(),
                sub,
                numbered,
                bool(offset and (match.group("label") or match.group("point"))),
                bool(offset)
                and not roman
                and (raw[:1].isalpha() and raw[1:2] in ".)" or bool(match.group("small_roman"))),
            )
        )
        position = end + 1
    _party_dash_items(lines)
    _coded_items(text, lines)
    _levelled_headings(text, lines)
    _lettered_outline(text, lines)
    _section_titles(lines)
    for line in lines:
        if line.numbered and not line.sub and _REPORT_SECTION.fullmatch(line.folded.strip()):
            line.bullet = line.numbered = False  # "3. Resultat": a report's section, no item
    return lines


# An outline numbered in three levels: "1 Tryggare hamnar" over "1.1 Polisen" over "1.1.1
# Sjöpolisen genomför …". The first two levels are headings (a promise's title, a party's
# name), their numbers no bullets; only the third level's lines are items.
_LEVEL_ONE = re.compile(r"(\d{1,2}) (?=[A-ZÅÄÖ])")
_LEVEL_TWO = re.compile(r"(\d{1,2})\.(\d{1,2})\.? (?=[A-ZÅÄÖ])")
_LEVEL_THREE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.? ")
_LONGEST_LEVEL_HEADING = 80


def _levelled_headings(text: str, lines: list[Line]) -> None:
    """Take the numbers off an outline's headings, when its items are numbered "1.1.1"."""
    raw_lines = text.split("\n")
    if not any(_LEVEL_THREE.match(raw) for raw in raw_lines):
        return
    filled_after = [len(lines)] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        filled_after[index] = filled_after[index + 1] if lines[index].blank else index
    for index, line in enumerate(lines):
        raw = raw_lines[index]
        below = filled_after[index + 1]
        below_raw = raw_lines[below] if below < len(lines) else ""
        one, two = _LEVEL_ONE.match(raw), _LEVEL_TWO.match(raw)
        number = None
        if one and (under := _LEVEL_TWO.match(below_raw)) and under.group(1) == one.group(1):
            number = one
        elif (
            two and (under := _LEVEL_THREE.match(below_raw)) and under.groups()[:2] == two.groups()
        ):
            number = two
        if number is None or len(raw) > _LONGEST_LEVEL_HEADING or raw.rstrip()[-1:] in ".;:":
            continue
        start = line.start - (len(raw) - len(line.text)) + number.end()
        line.start, line.text = start, raw[number.end() :]
        line.folded = fold(line.text)
        line.bullet = line.sub = line.numbered = False
        line.titled = number is one  # the first level's title: a promise


# An outline lettered and numbered: "A. Tryggare kvällar i centrum" over "A.1 Polisen" over
# its items ("i) Fotpatrullera …", "a) …", "• …"). "A.1 Polisen" is a heading (a party's name),
# its number no part of it, and "A. …" over it a promise's title.
_LETTER_LEVEL_ONE = re.compile(r"([A-H])\. (?=[A-ZÅÄÖ])")
_LETTER_LEVEL_TWO = re.compile(r"([A-H])\.(\d{1,2})\.? (?=[A-ZÅÄÖ])")


def _lettered_outline(text: str, lines: list[Line]) -> None:
    """Take the numbers off a lettered outline's headings ("A.1 Polisen") when items are
    right under them, and make the lettered title over such a heading ("A. …") a promise."""
    if not re.search(r"(?m)^[A-H]\.\d{1,2}\.? [A-ZÅÄÖ]", text):
        return
    raw_lines = text.split("\n")
    filled_after = [len(lines)] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        filled_after[index] = filled_after[index + 1] if lines[index].blank else index
    for index, line in enumerate(lines):
        raw = raw_lines[index]
        two = _LETTER_LEVEL_TWO.match(raw)
        if not two or len(raw) > _LONGEST_LEVEL_HEADING or raw.rstrip()[-1:] in ".;:,":
            continue
        below = filled_after[index + 1]
        if below >= len(lines) or not lines[below].bullet:
            continue
        line.start += two.end() - (len(raw) - len(line.text))
        line.text = raw[two.end() :]
        line.folded = fold(line.text)
        line.bullet = line.sub = line.numbered = line.lettered = False
        # the title over it, its letter the same: "A. Tryggare kvällar …" over "A.1 Polisen"
        above = index - 1
        while above >= 0 and lines[above].blank:
            above -= 1
        one = _LETTER_LEVEL_ONE.match(raw_lines[above]) if above >= 0 else None
        if one and one.group(1) == two.group(1) and not lines[above].bullet:
            lines[above].titled = True


# A legend of one-letter owner codes on one line: "P = Polisen   K = Laxå kommun   P/K =
# gemensamt   Ö = övriga aktörer"; the lines opening with one of its codes ("P     Riktade
# trafikkontroller …") are items, each its code's.
_LETTER_CODE_PAIR = re.compile(r"(?<!\S)([A-ZÅÄÖ](?:/[A-ZÅÄÖ]){0,2}) ?= ?(?=\w)")
_FEWEST_LEGEND_CODES = 2


def letter_legend(text: str) -> dict[str, str]:
    """The one-letter codes of a legend line and the names they stand for."""
    for line in text.split("\n"):
        if len(line) > LONGEST_HEADING:
            continue
        pairs = list(_LETTER_CODE_PAIR.finditer(line))
        if len(pairs) < _FEWEST_LEGEND_CODES or pairs[0].start() > 0:
            continue
        ends = [pair.start() for pair in pairs[1:]] + [len(line)]
        return {
            pair.group(1): line[pair.end() : end].strip(" ,;")
            for pair, end in zip(pairs, ends, strict=True)
        }
    return {}


def _coded_items(text: str, lines: list[Line]) -> None:
    """Lines opening with an owner's code of a one-letter legend are its items."""
    if not _LETTER_CODE_PAIR.search(text):
        return
    codes = letter_legend(text)
    if not codes:
        return
    for line in lines:
        code, _space, rest = line.text.partition(" ")
        if line.bullet or code not in codes or not rest[:1].isupper():
            continue
        line.start += len(code) + 1
        line.text = rest
        line.folded = fold(rest)
        line.bullet = line.labelled = True  # a code naming its owner: an activity
        line.code = code


def _party_dash_items(lines: list[Line]) -> None:
    """Lines naming a party before a dash ("Polisen – Riktade kontroller …"), two or more one
    after another, are items: each an activity of the party it names."""
    named = [
        not line.bullet and not line.blank and bool(party_before_dash(line.text)) for line in lines
    ]
    for index, line in enumerate(lines):
        if named[index] and (
            (index and named[index - 1]) or (index + 1 < len(lines) and named[index + 1])
        ):
            line.bullet = True


# The sections of a report or a memo, numbered as a list is: "1. Inledning", "3. Resultat".
_REPORT_SECTION = re.compile(
    r"(?:inledning|bakgrund|syfte|metod|resultat(?:et)?|slutsats(?:er(?:na)?)?|utfall(?:et)?"
    r"|utvardering(?:en)?|analys(?:en)?|diskussion|sammanfattning|uppfoljning|bilagor"
    # a plan's section holding the promise or its activities: "2. Medborgarlöftet"
    r"|(?:medborgar)?loftet|vart (?:gemensamma )?(?:medborgar)?lofte|aktiviteter(?:na)?"
    # an operational plan's: "1. Inriktning", "2. Medborgarlöfte 2026", "3. Uppdrag och
    # styrtal", "4. Resurser"
    r"|inriktning(?:en)?|medborgarlofte(?: \d{4}(?:[–-]\d{4})?)?|uppdrag(?: och styrtal)?"
    r"|resurser"
    # a consultation report's last section: "5. Fortsatt hantering"
    r"|fortsatt (?:hantering|arbete|process)|(?:medborgar)?loftet efter (?:samradet|remissen)"
    # a communication plan's: "2. Mål för kommunikationen", "3. Målgrupper", "4. Budskap",
    # "5. Kanaler och aktiviteter", "6. Budget"
    r"|mal for kommunikationen|kommunikationsmal(?:en)?|malgrupp(?:er(?:na)?)?"
    r"|(?:karn)?budskap(?:et)?|kanaler|budget)"
    # and with a word more, as an application or a report has them: "3. Bakgrund och
    # problembild", "4. Syfte och mål", "6. Uppföljning och utvärdering"
    r"(?: och [a-z]+)?"
)


def _section_titles(lines: list[Line]) -> None:
    """A section's title numbered "3.1" is no item: "3.1 Tryggare utemiljö i Hovsjö" after a
    blank line, short, without a full stop, with the section's own lines right under it (no
    item among them) is read as a heading. So is "1. Fler vuxna ute på kvällarna" over a
    paragraph of its own (sentences, a full stop ending it), each numbered title over its own:
    a promise over the paragraph of its activity."""
    titled = False
    for index, line in enumerate(lines):
        if line.numbered and not line.sub and _titled_paragraph(lines, index, titled):
            titled = True
            line.bullet = line.numbered = False
            line.titled = True
            continue
        if not line.sub:
            continue
        text = line.text.strip()
        following = lines[index + 1 : index + 1 + _SECTION_LOOKAHEAD]
        block = []
        for after in following:
            if after.blank:
                break
            block.append(after)
        if (
            (index == 0 or lines[index - 1].blank)
            and block
            # its own lines, or items of another kind ("3.1 Trygghet vid stationerna" over
            # "- " items): never the sub-items of a numbered list
            and not any(after.bullet and (after.numbered or after.sub) for after in block)
            and block[0].text[:1].isupper()
            and len(text) <= 80
            and text[-1:] not in ".,;:!?"
            and text[:1].isupper()
        ):
            line.bullet = line.sub = line.numbered = False


_SECTION_LOOKAHEAD = 40
# A plan's line stating a focus area's goal or how it is measured, no activity: "Mål: Färre
# trafikfarliga situationer …", "Indikator: Antal rapporterade tillbud …" (folded).
GOAL_LINE = re.compile(
    r"(?:mal|malsattning|effektmal|syfte|indikator(?:er)?|matetal|nyckeltal|malvarde)\s*:"
)


def _titled_paragraph(lines: list[Line], index: int, after_titled: bool) -> bool:
    """Whether a numbered line is a title over a paragraph of its own. A title of one word is
    one only after another such title ("5. Trygghetsvandringar"): first, it is a report's or an
    agreement's section ("1. Parter", "2. Syfte")."""
    line = lines[index]
    text = line.text.strip()
    words = len(text.split())
    if not text or len(text) > 80 or text[-1] in ".,;:!?" or not 1 <= words <= 10:
        return False
    if not text[:1].isupper() or (index and not lines[index - 1].blank):
        return False
    if _REPORT_SECTION.fullmatch(line.folded.strip()):
        return False  # "2. Medborgarlöfte 2026", "4. Resurser": a plan's section
    if index + 1 < len(lines) and GOAL_LINE.match(lines[index + 1].folded):
        return True  # "1. Trygg trafikmiljö" over "Mål: …", "Indikator: …", its activities
    if words == 1 and not after_titled:
        return False
    block = []
    for after in lines[index + 1 : index + 1 + _SECTION_LOOKAHEAD]:
        if after.blank:
            break
        block.append(after)
    return (
        len(block) == 1
        and not block[0].bullet
        and block[0].text[:1].isupper()
        and len(block[0].text) > len(text)
        and block[0].text.rstrip().endswith(".")
    )


# --- Tolerant keywords -------------------------------------------------------------------------

# Headings and lead-in lines are short; longer lines are never read as one.
LONGEST_HEADING = 300
_OCR_CLASSES = {
    "å": "(?:aa|[aådeéo])?",
    "ä": "(?:ai|[aäieé4])?",
    "ö": "(?:[oöée60])?",
}


def kw(pattern: str) -> re.Pattern:
    """A regular expression from a Swedish pattern in which å/ä/ö also match their OCR forms."""
    converted = "".join(_OCR_CLASSES.get(char, char) for char in pattern)
    return re.compile(converted, re.IGNORECASE)
