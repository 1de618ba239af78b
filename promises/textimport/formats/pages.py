"""A printed page's furniture, which is no part of the document's text: page numbers (also
with the page breaks lost), headers and footers repeated on every page or printed once on a
one-page PDF, running headers that break a sentence over a page, stamps, a draft's watermark,
a table of contents, lines numbered at their start, and comments (a PDF's comment summary, a
Google document's comments under its text)."""

import re

from promises.textimport.formats.aligned_tables import _unfinished
from promises.textimport.formats.common import _BULLET_START
from promises.textimport.numbers import fold

# A table of contents under its heading: as a word processor saves it as text, each entry a
# section's number, a tab, its title and a tab before its page ("4.1<tab>Polisens
# aktiviteter<tab>3"; the page may be gone with a field's message), or a title and its page;
# or a web page's list of links to its own headings ("Innehåll på sidan", "På den här sidan"),
# each entry a heading found again below.
_CONTENTS_HEADING = re.compile(
    r"(?:innehall|innehallsforteckning)(?: pa sidan)?:?|pa den har sidan:?"
)
_CONTENTS_ENTRY = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\t[^\t]+(?:\t\d{1,3})?|[^\t]+\t\d{1,3}")
_FEWEST_CONTENTS_ENTRIES = 2
_MOST_LINKED_HEADINGS = 30
_PAGE_NUMBER = re.compile(
    r"(?:(?:sida|bild)\s+)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3}|\s*\(\d{1,3}\))?|-\s*\d{1,3}\s*-"
)
_DIGIT_RUN = re.compile(r"\d+")
# Short lines that are section headings even when a document repeats them (one per focus area).
_SECTION_WORD = re.compile(
    r"(?:aktiviteter|atgarder|ataganden|loften|lofte|fokusomrade|loftesomrade"
    r"|insatsomrade|mal|insatser|uppfoljning"
    r"|polisen|kommunen|staden|regionen|gemensam|tillsammans)\b"
)


# A table of contents' line: "3 Medborgarlöften ........ 3", "Bakgrund … 2", matched on the
# line reversed: the page number, the leader and a word before it ("3 ........ netfolregrobdeM
# 3"). Read forwards, as `.*\S\s*(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,3}`, the same pattern
# takes a time that grows with the cube of a long line of dots (minutes for a few thousand).
_CONTENTS_LINE_REVERSED = re.compile(r"\d{1,3}\s*(?:\.{4,}|…{2,}|(?: \.){4,})\s*\S.*")


def _page_furniture(line: str) -> bool:
    folded = fold(line.strip())
    return bool(_PAGE_NUMBER.fullmatch(folded) or _CONTENTS_LINE_REVERSED.fullmatch(folded[::-1]))


# A page's header or footer as a one-page PDF prints it once, nothing repeating to tell it by:
# the organisation and its contact details set apart by "|", "•", "·", a dash or a wide gap
# ("Vetlanda kommun | Storgatan 1 | 574 80 Vetlanda | www.vetlanda.se", "Polisen –
# Lokalpolisområde Höglandet • polisen.se"), a web or e-mail address, a postal address, a phone
# number, or the page's number ("Sida 1 av 1", "1 (1)", "- 1 -", "Medborgarlöfte 2026 Sida 1").
_EDGE_SEPARATOR = re.compile(r"[ \t]+[|•·][ \t]+|[ \t][–—-][ \t]|[ \t]{3,}|,[ \t]+")
_EDGE_CONTACT = re.compile(
    r"(?:https?://|www\.)[^\s|•·]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[a-z0-9][\w-]{0,40}\.(?:se|nu|com|org|net|eu|info)\b(?:/[^\s|•·]*)?"
    # a postal code and its town, a box, a street and its number
    r"|\b(?:box \d{1,5}|\d{3} ?\d{2} [a-z][\w-]+)"
    r"|\b[a-z][\w-]{1,40}(?:gatan|vagen|torget|grand|platsen|stigen|allen|backen|gata|vag)"
    r" \d{1,4}[a-z]?\b"
    # a phone number, with its label or written as Swedish numbers are
    r"|\b(?:tel|telefon|tfn|vaxel|vxl|fax)\.?:? ?\+?\d[\d -]{5,16}\d"
    r"|(?<![\w-])(?:\+46 ?|0)\d{1,3}[- ]\d{2,3}(?: \d{2,3}){1,3}\b|\b114 14\b"
    # the page's own number at a piece's end
    r"|\b(?:sida|sid|page)\.? ?\d{1,3}(?: ?(?:av|/|of) ?\d{1,3}| ?\(\d{1,3}\))?$"
    r"|(?<![\w.])1 ?(?:av|/) ?1$|\b1 ?\(1\)$"
)
# A contact's label, left out when judging whether a piece is all contact ("Tel: …", "Webb: …").
_EDGE_LABEL = re.compile(
    r"\b(?:tel|telefon|tfn|vaxel|vxl|fax|e-post|epost|mejl|mail|webb(?:plats)?|hemsida|besoksadress"
    r"|postadress|adress|org\.? ?nr|organisationsnummer|kontakt|kontakta oss)\b\.?:?"
)
_EDGE_WORD = re.compile(r"[^\W\d_]{2,}")
_LONGEST_EDGE_LINE = 180
_LONGEST_EDGE_PIECE = 60
# Most lines a one-page PDF's footer (or header) takes.
EDGE_LINES = 3


def page_edge_line(line: str) -> bool:
    """Whether a line at a one-page PDF's top or bottom is its header or footer: its page number,
    or pieces set apart by separators, one all contact (a web or postal address, a phone number,
    the page number) and the others short names ("Vetlanda kommun"), never a list's item or a
    sentence ("Läs mer på www.vetlanda.se" and a signature's names are kept)."""
    stripped = line.strip()
    if not stripped or len(stripped) > _LONGEST_EDGE_LINE:
        return False
    if _page_furniture(stripped):
        return True
    if _BULLET_START.match(stripped) or stripped.endswith(":"):
        return False
    folded = fold(stripped)
    pieces = [piece for piece in _EDGE_SEPARATOR.split(folded) if piece.strip(" .")]
    contact = False
    for piece in pieces:
        if len(piece) > _LONGEST_EDGE_PIECE:
            return False
        rest = _EDGE_LABEL.sub(" ", _EDGE_CONTACT.sub(" ", piece))
        words = _EDGE_WORD.findall(rest)
        if len(words) <= 1 and _EDGE_CONTACT.search(piece):
            contact = True
        elif len(words) > 5 or piece.rstrip().endswith((".", "!", "?")) and len(words) > 2:
            return False
    return contact


def _pattern(line: str) -> str:
    return _DIGIT_RUN.sub("#", fold(line.strip()))


# A planning tool's tags on each of its tasks ("Etiketter: Löfte 1") and a block's labelled
# lines ("Aktivitet: Trygghetsvandring", "Beskrivning: …", "Ansvarig: Polisen", "Arrangör:
# Smedjebackens kommun" under each of a calendar's events, which may repeat one activity): the
# task's or the activity's, no footer however often repeated; so are a form's numbered block
# headings ("Aktivitet 1", "Aktivitet 2" …) and its fields ("Per: År", "Antal: 2").
_TASK_TAGS = re.compile(
    r"(?:etiketter|etikett|labels?|ansvarig|ansvar|vem|tilldelad|arrangör|arrangeras av"
    r"|aktivitet|uppgift|beskrivning|vad|mål|frekvens|omfattning|hur ofta|per|antal"
    r"|samverkan med|med vem)\s*:|(?:aktivitet|uppgift|insats|åtgärd) ?\d{1,2}$",
    re.IGNORECASE,
)


def _repeated_lines(pages: list[list[str]]) -> set[str]:
    """Headers and footers: the (digit-blind) lines repeated on the pages."""
    if len(pages) >= 2:
        seen: dict[str, int] = {}
        for page in pages:
            filled = [line for line in page if line.strip()]
            edges = {_pattern(line) for line in filled[:3] + filled[-3:]}
            for pattern in edges:
                seen[pattern] = seen.get(pattern, 0) + 1
        needed = max(2, (len(pages) + 1) // 2)
        return {pattern for pattern, count in seen.items() if count >= needed}
    counts: dict[str, int] = {}
    # A title listed as an item ("1. Trygg centrumkärna") and repeated as a sub-heading under
    # each party is a section's heading, no footer.
    listed = {
        _pattern(stripped[bullet.end() :])
        for line in pages[0]
        if len(stripped := line.strip()) <= 84 and (bullet := _BULLET_START.match(stripped))
    }
    for line in pages[0]:
        stripped = line.strip()
        if not stripped or len(stripped) > 80 or _BULLET_START.match(stripped):
            continue
        if stripped.endswith(":") or _SECTION_WORD.match(fold(stripped)):
            continue
        if _pattern(stripped) in listed or _TASK_TAGS.match(stripped):
            continue
        pattern = _pattern(stripped)
        counts[pattern] = counts.get(pattern, 0) + 1
    return {pattern for pattern, count in counts.items() if count >= 3}


# A line a sentence stops in: it ends with a word, a comma or a word's hyphen, not a full stop
# or a colon.
_SENTENCE_GOES_ON = re.compile(r"(?:[\w,]|\w[-¬])$")
# The line that goes on with it: in lower case or with a number ("2 kvällar per månad").
_GOING_ON = re.compile(r"[a-zåäöé0-9]")


def _goes_on_over_page(kept: list[str], page: list[str]) -> bool:
    """Whether the text before a page break stops mid-sentence and the next page's first line
    (its header and footer dropped) goes on with it: in lower case or with a number, or with a
    name ("Kils centrum") when the line above broke off after a conjunction or a preposition
    ("… mellan resecentrum och")."""
    above = next((line for line in reversed(kept) if line), "")
    below = next((line for line in page if line), "")
    return (
        bool(above and below)
        and len(above) >= 40
        and bool(_SENTENCE_GOES_ON.search(above))
        and bool(_GOING_ON.match(below) or below[:1].isupper() and _unfinished(above))
    )


# A page's running header or footer ends with its page number: "Medborgarlöfte Köping 2018
# Sida 2 (3)", "Köpings kommun – Medborgarlöfte 2018 – sida 1", "… 2 av 5", "… 3 (7)".
_RUNNING_NUMBER = re.compile(
    r"(?<![\w.])(?:(?P<word>sida|sid|page)\.? ?(?P<page>\d{1,3})"
    r"(?: ?(?:av|/|of) ?\d{1,3}| ?\(\d{1,3}\))?"
    r"|(?P<bare>\d{1,3}) ?(?:av|/) ?\d{1,3}|(?P<paren>\d{1,3}) ?\(\d{1,3}\))$"
)
# "Läs mer på sida 4", "se sida 7": a reference in the text, no page's number.
_PAGE_REFERENCE = re.compile(r"(?:\bpa|\bse|\bi|\bunder|\bav|\bpå) $")
_LONGEST_RUNNING_LINE = 100


def _running_heads(lines: list[str]) -> set[str]:
    """The (digit-blind) lines a page prints as its header or footer with its page number,
    wherever they stand: words and a page number at the end, written twice or more with the
    number changing ("… Sida 2 (3)", "… Sida 3 (3)"). A PDF's text may hold them inside its
    pages (a document printed from a copy of another with its pages' headers), and a page's
    footer may fall inside a wrapped item."""
    numbers: dict[str, set[str]] = {}
    for line in lines:
        if not 8 <= len(line) <= _LONGEST_RUNNING_LINE or not (
            line[-1].isdigit() or line[-1] == ")"
        ):
            continue
        folded = fold(line)
        match = _RUNNING_NUMBER.search(folded)
        if not match or not re.search(r"[^\W\d]{3}", folded[: match.start()]):
            continue
        if match.group("word") and _PAGE_REFERENCE.search(folded[: match.start()]):
            continue
        number = match.group("page") or match.group("bare") or match.group("paren")
        numbers.setdefault(_pattern(line), set()).add(number)
    return {pattern for pattern, found in numbers.items() if len(found) >= 2}


def _joined_over_heads(lines: list[str | None]) -> list[str]:
    """A page's lines with its running headers (None) left out, and the blank lines around one
    too where the sentence above goes on below it ("… lördagskvällar, minst", the footer, "2
    kvällar per månad,"): the item's two halves joined."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if line is not None:
            continue
        above = index - 1
        while above >= 0 and index - above <= 3 and not lines[above]:
            above -= 1
        below = index + 1
        while below < len(lines) and below - index <= 3 and not lines[below]:
            below += 1
        if (
            above >= 0
            and below < len(lines)
            and lines[above]
            and lines[below]
            and _goes_on_over_page([lines[above]], [lines[below]])  # type: ignore[list-item]
        ):
            dropped.update(range(above + 1, below))
    return [line for k, line in enumerate(lines) if line is not None and k not in dropped]


# A line's number at its start, as a fax or a scanned draft prints it: " 7  I medborgar…".
_LINE_NUMBER = re.compile(r"^([ \t]*)(\d{1,4})(?=[ \t]|$)[ \t]*", re.MULTILINE)
_FEWEST_NUMBERED = 10
_NUMBERED_SHARE = 0.8


def _without_line_numbers(text: str) -> str:
    """Drop the numbers a text gives its lines, when (nearly) every line has one and they run
    on one by one; numbered items ("1. …") and counts in a line's text are never such."""
    found = _LINE_NUMBER.findall(text)
    if len(found) < _FEWEST_NUMBERED:
        return text
    lines = text.split("\n")
    filled = sum(1 for line in lines if line.strip())
    numbers = {}
    previous = None
    for index, line in enumerate(lines):
        match = _LINE_NUMBER.match(line)
        if not match:
            continue
        value = int(match.group(2))
        if previous is None or value == previous + 1:
            numbers[index] = match.end()
            previous = value
    if len(numbers) < _FEWEST_NUMBERED or len(numbers) < _NUMBERED_SHARE * filled:
        return text
    return "\n".join(
        line[numbers[index] :] if index in numbers else line for index, line in enumerate(lines)
    )


# A Google document downloaded as text: each comment's anchor a letter in brackets after the
# words it marks ("langningskontroller[c]"), the comments listed at the end under a rule of
# underscores, "[c]Lena Sjögren: Räcker 20?", with their replies and "_Markerad som löst_".
_DOC_COMMENT = re.compile(r"^\[([a-z]{1,2})\](?=\S)", re.MULTILINE)
_DOC_ANCHOR = re.compile(r"\[([a-z]{1,2})\]")
_DOC_RULE = re.compile(r"[ \t]*_{5,}[ \t]*")
_FEWEST_DOC_COMMENTS = 2


def _without_doc_comments(text: str) -> str:
    """`text` without a Google document's comments and their anchors, when it lists two or more
    whose anchors stand in the text above them; else as it is."""
    comments = list(_DOC_COMMENT.finditer(text))
    if len(comments) < _FEWEST_DOC_COMMENTS:
        return text
    first = comments[0].start()
    body = text[:first]
    listed = {match.group(1) for match in comments}
    anchored = {match.group(1) for match in _DOC_ANCHOR.finditer(body)} & listed
    if len(anchored) < _FEWEST_DOC_COMMENTS:
        return text
    lines = body.split("\n")
    while lines and (not lines[-1].strip() or _DOC_RULE.fullmatch(lines[-1])):
        lines.pop()
    body = "\n".join(lines)
    return _DOC_ANCHOR.sub(lambda m: "" if m.group(1) in anchored else m.group(), body) + "\n"


def _contents_end(lines: list[str], index: int, last: dict[str, int]) -> int:
    """Where a table of contents headed at `index` ends (`index` + 1 when there is none): its
    entries set apart by tabs, or lines each found again as a line further down (`last`: each
    line's last place in the text)."""
    end = index + 1
    while end < len(lines) and _CONTENTS_ENTRY.fullmatch(lines[end].strip(" \t\r")):
        end += 1
    if end - index - 1 >= _FEWEST_CONTENTS_ENTRIES:
        return end
    if index and lines[index - 1].strip():
        return index + 1  # a page's list of its headings stands apart, a blank line above it
    end = index + 1
    while end < len(lines) and end - index <= _MOST_LINKED_HEADINGS:
        if not lines[end].strip() or len(lines[end]) >= 120:
            break
        end += 1
    entries = {line.strip() for line in lines[index + 1 : end]}
    if len(entries) < _FEWEST_CONTENTS_ENTRIES or end - index > _MOST_LINKED_HEADINGS:
        return index + 1
    return end if all(last.get(entry, -1) >= end for entry in entries) else index + 1


def _without_contents(text: str) -> str:
    """The text without a table of contents (two entries or more right under "Innehåll",
    "Innehållsförteckning", "Innehåll på sidan" or "På den här sidan"), heading and entries."""
    lines = text.split("\n")
    last = {line.strip(): number for number, line in enumerate(lines)}
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if len(line) < 40 and _CONTENTS_HEADING.fullmatch(fold(line.strip())):
            end = _contents_end(lines, index, last)
            if end > index + 1:
                index = end
                continue
        kept.append(line)
        index += 1
    return "\n".join(kept)


# A draft's watermark set across the page ("UTKAST" drawn diagonally), as a PDF's text gives
# it: one letter at a time, on a line of its own or far right of a line of text. Dropped when
# the letters, read from the top, spell the word (either way round, as the diagonal runs),
# once or more, and nothing else.
_WATERMARK_WORDS = (
    "UTKAST",
    "KOPIA",
    "FÖRSLAG",
    "PRELIMINÄR",
    "PRELIMINÄRT",
    "ARBETSMATERIAL",
    "EJFASTSTÄLLT",
    "EJBESLUTAT",
    "REMISSVERSION",
    "INTERNT",
    "DRAFT",
)
_WATERMARK_LETTER = re.compile(
    r"^[ \t]*(?P<alone>[A-ZÅÄÖ])[ \t]*$|(?<=\S)[ \t]{4,}(?P<end>[A-ZÅÄÖ])[ \t]*$", re.MULTILINE
)
_FEWEST_WATERMARK_LETTERS = 4


def _watermark_spelt(letters: str) -> bool:
    for word in _WATERMARK_WORDS:
        for spelt in (word, word[::-1]):
            if len(letters) % len(spelt) == 0 and letters == spelt * (len(letters) // len(spelt)):
                return True
    return False


def _without_watermark(text: str) -> str:
    found = list(_WATERMARK_LETTER.finditer(text))
    if len(found) < _FEWEST_WATERMARK_LETTERS:
        return text
    letters = "".join(match.group("alone") or match.group("end") for match in found)
    if not _watermark_spelt(letters):
        return text
    pieces, last = [], 0
    for match in found:
        pieces.append(text[last : match.start()])
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


# A PDF's comment summary (Acrobat's "Kommentarsammanfattning", "Summary of Comments"): the
# page's text with each comment after it under "Nummer: 4  Författare: …  Ämne: Kommentar
# Datum: …" (its own figures: "minst 25", "förslag 20", a phone number), the page's label
# "Sida: 2" over it. Two such comments or more: each, down to the blank line after it, and the
# labels are dropped, and the text read as it stands.
_PDF_COMMENT = re.compile(
    r"^[ \t]*(?:nummer|number)[ \t]*:[ \t]*\d{1,4}[ \t]+(?:författare|author)[ \t]*:[^\n]{0,200}?"
    r"(?:ämne|subject)[ \t]*:[^\n]{0,200}?(?:datum|date)[ \t]*:[^\n]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)
_PDF_COMMENT_LABELS = re.compile(
    r"^[ \t]*(?:(?:sida|page)[ \t]*:[ \t]*\d{1,4}|kommentarsammanfattning(?:[ \t].{0,200})?"
    r"|summary of comments(?:[ \t].{0,200})?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FEWEST_PDF_COMMENTS = 2


def _without_pdf_comments(text: str) -> str:
    kept: list[str] = []
    in_comment = False
    for line in text.split("\n"):
        if _PDF_COMMENT.match(line):
            in_comment = True
        elif not line.strip():
            in_comment = False
        if not in_comment:
            kept.append(line)
    return _PDF_COMMENT_LABELS.sub("", "\n".join(kept))


# A PDF's text copied without its page breaks but with its pages' numbers, one a line, in order
# ("Sida 1 (3)", "Sida 2 (3)"; "Sida 1 av 3"): each number ends its page, so that the header
# and the stamp printed on every page (an archive copy's "Norrköpings kommun | KS 2026/0142-7 |
# Registrerad …") are dropped as a PDF's are and an item broken over the page goes on.
_PAGE_FOOT = re.compile(
    r"^[ \t]*(?:sida|page)[ \t]+(\d{1,3})[ \t]*(?:\((\d{1,3})\)|(?:av|of|/)[ \t]*(\d{1,3}))"
    r"[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _pages_by_number(text: str) -> str:
    feet = list(_PAGE_FOOT.finditer(text))
    if len(feet) < 2:
        return text
    totals = {foot.group(2) or foot.group(3) for foot in feet}
    if len(totals) != 1 or [int(foot.group(1)) for foot in feet] != list(range(1, len(feet) + 1)):
        return text
    return _PAGE_FOOT.sub("\f", text)
