"""Normalising a promise document's text before it is read: the cleaned text is what the
coordinator's preview shows, and every offset the parser gives points into it.

Line endings, odd spaces, ligatures ("ﬁ") and letters decomposed into a letter and a combining
mark ("o" + U+0308 for "ö") are normalised, footnote marks ("kontroller⁴") taken off, a
form's check boxes read as the options ticked ("Ansvarig: ☒ Polisen ☐ Kommunen": "Ansvarig:
Polisen"), a card's labels alone on their lines joined to their values ("Vem" over "Polisen":
"Vem: Polisen"), a table separated by tabs, pipes, semicolons or spaces gets one cell per line,
words hyphenated across lines are joined, and lines that are not part of the document are
dropped: web-page chrome (polisen.se's "Javascript är inte påslaget", "Till toppen", "Dela",
"Sök", cookie banners, "Publicerad …/Uppdaterad …"), page numbers, and headers and footers
repeated on every page (pages are separated by form feeds, as text extracted from a PDF is;
without them, a short line repeated three times or more). The words themselves are never
changed: OCR damage stays as it is.
"""

import csv
import email.errors
import email.header
import html
import json
import quopri
import re
import unicodedata
import xml.etree.ElementTree as ElementTree

from promises.textimport.numbers import fold
from promises.textimport.owners import actor_kind, owner_after_dash

_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u3000": " "})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A PDF's ligatures as the letters they are drawn for: "traﬁkkontroller" is "trafikkontroller".
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_MULTISPACE = re.compile(r" {2,}")
# A footnote's mark after a word or a full stop: "trafikkontroller⁴", "2026.²" (never a unit's
# power: "m²", "km²").
_FOOTNOTE_MARK = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=[.,;:)]))(?<!\b[kcdm]m)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# The same mark after a number ("minst 1 200³ nykterhetskontroller"), read as one only when the
# document lists its footnotes, each line opening with its mark ("³ Varav minst hälften …"): a
# power ("10³") is never one of a list.
_NUMBER_FOOTNOTE_MARK = re.compile(r"(?<=\d)[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[\s.,;:)]|$)")
_FOOTNOTE_LISTED = re.compile(r"^[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰]+[ \t]+[^\W\d_]", re.MULTILINE)
_FEWEST_LISTED_FOOTNOTES = 2

# A text saved as UTF-8 and read back as Windows-1252 (an export opened in the wrong encoding):
# each letter beyond ASCII written as two or three ("MedborgarlÃ¶fte", "Ã–rkelljunga", "â€“",
# "â€¢"). Read again as the bytes they were when the text holds three of Swedish's letters so
# written or more; a pair that gives no UTF-8 letter stays as it is.
_CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ"
_CP1252_BYTES = {char: 0x80 + k for k, char in enumerate(_CP1252_HIGH)} | {
    chr(code): code for code in range(0xA0, 0x100)
}
_MISREAD = re.compile(f"[ÂÃ][{_CP1252_HIGH}\u00a0-\u00bf]|â€[{_CP1252_HIGH}\u00a0-\u00bf]")
_MISREAD_SWEDISH = re.compile("Ã[¥¤¶…„–©]")
_FEWEST_MISREAD = 3


def _misread_again(match: re.Match) -> str:
    try:
        return bytes(_CP1252_BYTES[char] for char in match.group()).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return match.group()


def encoding_repaired(text: str) -> str:
    """The text with the letters a wrong encoding wrote as two or three read again, when it
    holds three such of Swedish's letters or more."""
    if "Ã" in text and len(_MISREAD_SWEDISH.findall(text, 0, 50_000)) >= _FEWEST_MISREAD:
        return _MISREAD.sub(_misread_again, text)
    return text


# Letters a social media post sets in bold or italic with mathematical letters ("𝗣𝗼𝗹𝗶𝘀𝗲𝗻",
# "𝘓ö𝘧𝘵𝘦𝘵", "𝟮𝟬𝟮𝟲"): read as the letters and digits they are drawn for.
_MATH_LETTERS = re.compile("[\U0001d400-\U0001d7ff]+")


def _math_letters_read(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", match.group())


# A PDF's heading in a bold its program drew by printing each letter twice: its text comes out
# with every letter doubled ("PPoolliisseenn sskkaa::", "MMEEDDBBOORRGGAARRLLÖÖFFTTEE"). A line
# made of such words alone (each character twice in a row, one word of three such pairs or
# more, a letter among them) is read with each character once.
_DOUBLED_WORD = re.compile(r"(?:(\S)\1){3,}")
_DOUBLED_LINE = re.compile(r"^[ \t]*(?:(\S)\1)+(?:[ \t]+(?:(\S)\2)+)*[ \t]*$", re.MULTILINE)


def _undoubled(match: re.Match) -> str:
    line = match.group()
    if not _DOUBLED_WORD.search(line) or not re.search(r"[^\W\d_]", line):
        return line  # "––––––", "======": a rule, no heading
    return re.sub(r"(\S)\1", r"\1", line)


def doubled_letters_read(text: str) -> str:
    """The text with the lines whose letters a PDF's drawn bold doubled read with each once."""
    if _DOUBLED_WORD.search(text):
        return _DOUBLED_LINE.sub(_undoubled, text)
    return text


# An item numbered by a circled digit ("① Polisen gör …", "❷", "➌"): "1. Polisen gör …".
_CIRCLED = {
    **{chr(0x2460 + k): k + 1 for k in range(20)},  # ① … ⑳
    **{chr(0x2776 + k): k + 1 for k in range(10)},  # ❶ … ❿
    **{chr(0x2780 + k): k + 1 for k in range(10)},  # ➀ … ➉
    **{chr(0x278A + k): k + 1 for k in range(10)},  # ➊ … ➓
}
_CIRCLED_ITEM = re.compile(rf"^([ \t]*)([{''.join(_CIRCLED)}])[ \t]*(?=\S)", re.MULTILINE)


def _circled_number(match: re.Match) -> str:
    return f"{match.group(1)}{_CIRCLED[match.group(2)]}. "


# A spreadsheet printed with its row and column headings (Excel's "Skriv ut rubriker"): a line
# of the columns' letters ("A   B   C   D") over rows numbered 1, 2, 3 … at the left margin, and
# above them the file's and the sheet's names ("Medborgarlöfte.xlsx   Blad1"). The letters and
# the names are dropped and the numbers made spaces, so that the cells keep their columns.
_SHEET_LETTERS = re.compile(r"^[ \t]*A(?:[ \t]+[B-Z]){1,25}[ \t]*$", re.MULTILINE)
_SHEET_NAME = re.compile(r"\S.*\.(?:xlsx|xlsm|xls|ods)[ \t]+(?:Blad|Sheet|Ark)[ \t]?\d{1,3}", re.I)
_SHEET_ROW = re.compile(r"([ \t]*)(\d{1,4})(?=[ \t]|$)")
_FEWEST_SHEET_ROWS = 3


def _without_sheet_headings(text: str) -> str:
    letters = _SHEET_LETTERS.search(text)
    if not letters:
        return text
    names = letters.group().split()
    if any(ord(b) - ord(a) != 1 for a, b in zip(names, names[1:], strict=False)):
        return text
    # The lines over the letters, the last one (the letters' own line's start) left out.
    before = text[: letters.start()].split("\n")[:-1]
    lines = text[letters.end() + 1 :].split("\n")
    rows: list[tuple[int, int]] = []  # (line index, end of the number)
    expected = None
    for index, line in enumerate(lines):
        match = _SHEET_ROW.match(line)
        if match and (expected is None or int(match.group(2)) == expected):
            rows.append((index, match.end()))
            expected = int(match.group(2)) + 1
        elif line.strip() and not line[:1].isspace():
            break  # a line at the margin, unnumbered: the sheet has ended
        elif not line.strip() and rows and index > rows[-1][0] + 1:
            break
    if len(rows) < _FEWEST_SHEET_ROWS:
        return text
    last = rows[-1][0]
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1  # a row's cell wrapped onto the lines under it
    for index, end in rows:
        lines[index] = " " * end + lines[index][end:]
    indent = min(
        (len(line) - len(line.lstrip(" \t")) for line in lines[: last + 1] if line.strip()),
        default=0,
    )
    lines[: last + 1] = [line[indent:] for line in lines[: last + 1]]
    for at in range(len(before) - 1, max(len(before) - 3, -1), -1):
        if _SHEET_NAME.match(before[at].strip()):
            before[at] = ""  # the file's and the sheet's names, a page header over the sheet
    return "\n".join([*before, *lines])


# A plan of which only some items are the promise's, as its legend says ("De är markerade med
# (ML) i listan nedan", "Aktiviteter märkta med * ingår i medborgarlöftet"): below the legend,
# the marked items lose their mark and the others (the plan's own, other parties') are dropped.
_ITEM_MARK_LEGEND = re.compile(
    r"\b(?:markerade|markerad|markerats|märkta|märkt|märkts|betecknade|utmärkta)\s+med\s+"
    r"(\([A-ZÅÄÖ]{1,4}\)|\*|★|☆)",
    re.IGNORECASE,
)
_LEGEND_NAMES_PROMISE = re.compile(r"l[öo]fte", re.IGNORECASE)
_LEGEND_REACH = 300
_MARKABLE_ITEM = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]+(?=\S)")
_FEWEST_SENTENCE_WORDS = 6


def _only_marked_items(text: str) -> str:
    legend = _ITEM_MARK_LEGEND.search(text)
    if not legend:
        return text
    around = text[max(0, legend.start() - _LEGEND_REACH) : legend.end() + _LEGEND_REACH]
    if not _LEGEND_NAMES_PROMISE.search(around):
        return text
    mark = legend.group(1)
    at = text.find("\n", legend.end())
    if at < 0:
        return text
    lines = text[at + 1 :].split("\n")
    items = [(_MARKABLE_ITEM.match(line), line) for line in lines]
    if not any(item and mark in line[item.end() :][: len(mark) + 1] for item, line in items):
        return text  # no item opens with the mark: the legend is of something else
    kept = []
    for item, line in items:
        if not item:
            kept.append(line)
            continue
        body = line[item.end() :]
        if body.startswith(mark):
            kept.append(line[: item.end()] + body[len(mark) :].lstrip())
        elif not (body.rstrip().endswith(".") or len(body.split()) >= _FEWEST_SENTENCE_WORDS):
            kept.append(line)  # a numbered heading ("4. Uppföljning"), no item of the plan
    return text[: at + 1] + "\n".join(kept)


# Word's messages for a field it could not update, printed where the field stood: a table of
# contents' page number ("Vårt löfte<tab>Fel! Bokmärket är inte definierat."), a reference
# ("se avsnitt Fel! Hittar inte referenskälla."). Dropped with the space before them.
_FIELD_ERROR = re.compile(
    r"[ \t]?(?:Fel|Error)! (?:Bokmärket är inte definierat|Hittar inte referenskälla"
    r"|Det finns ingen text med angivet format i dokumentet"
    r"|Det finns inga poster i innehållsförteckningen|Bookmark not defined"
    r"|Reference source not found|No text of specified style in document"
    r"|No table of contents entries found)\."
)

# An HTML e-mail as Outlook gives its text: each link's address in angle brackets right after
# its words ("Vaxholms hamn<https://vaxholm.se/hamnen>", "…@vaxholm.se<mailto:…>") and each
# picture as its content id ("[cid:image001.png@01DC7C3A.2B4E6F10]"). Both are dropped.
_MAIL_LINK = re.compile(
    r"(?<=\S)<(?:https?://|mailto:|www\.)[^<>\s]{1,3000}>|\[cid:[^\[\]\s]{1,300}\]"
)

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

# Whole lines (folded: lower case, å/ä/ö → a/a/o) that are web-page chrome.
_CHROME = re.compile(
    r"(?:javascript ar inte paslaget.*|du behover (?:aktivera|sla pa) javascript.*"
    r"|(?:tillbaka )?till toppen|dela(?: sidan)?(?: pa \w+)?|sok|sok pa polisen\.se|meny|stang"
    r"|skriv ut|lyssna|las upp|(?:hoppa )?till (?:huvud)?innehall(?:et)?"
    # an accordion's buttons and a page's owner: "Visa mer", "Expandera alla", "Sidansvarig: …"
    r"|visa (?:mer|mindre|alla)|(?:expandera|fall ihop|stang|dolj|oppna)(?: alla)?"
    r"|sidansvarig:.{0,60}"
    r"|facebook|twitter|x|linkedin"
    r"|e-post|e-posta|kopiera lank|ja|nej|start|hem|polisen\.se|polisen logotyp"
    r"|(?:senast )?(?:publicerad|uppdaterad|andrad)\b.{0,60}"
    r"|sidan (?:publicerades|uppdaterades)\b.{0,60}"
    r"|var (?:den har|denna) sida(?:n)? till hjalp.*|tack for ditt svar.*"
    r"|godkann(?: alla)?(?: kakor| cookies)?|acceptera(?: alla)?(?: kakor| cookies)?"
    r"|neka(?: alla)?(?: kakor| cookies)?|(?:installningar for|hantera) (?:kakor|cookies)"
    r"|endast nodvandiga(?: kakor| cookies)?"
    # a task board's buttons and a card's due date (Trello: "+ Lägg till ett kort", "Förfaller
    # 31 dec.")
    r"|\+ ?(?:lagg till (?:ett (?:annat )?kort|en (?:annan )?lista)"
    r"|add (?:a|another) (?:card|list))"
    r"|forfaller \d{1,2} [a-z]{3,9}\.?(?: \d{4})?)[.!]?"
)
_COOKIE_WORDS = re.compile(r"\b(?:kakor|cookies)\b")
# A social-media post's chrome (folded): "37 kommentarer 19 delningar", "Gilla · Svara · 2 d",
# "Mest relevanta", "Visa 34 tidigare kommentarer", "Skriv en kommentar …", its hashtags.
_SOCIAL_CHROME = re.compile(
    r"(?:\d{1,3}(?: \d{3})* (?:kommentar(?:er)?|delning(?:ar)?|gilla-?markering(?:ar)?"
    r"|reaktion(?:er)?|visningar|svar|reposts?|citat|bokmarken)[\s·•]*)+"
    r"|(?:(?:gilla|kommentera|dela|reposta|svara|skicka|redigerat"
    r"|\d{1,2} ?(?:d|tim|h|min|v|w))"
    r"(?:\s*[·•]\s*|\s+|$))+"
    r"|mest relevanta|alla kommentarer|se oversattning|skriv en kommentar.*|skriv ett svar.*"
    # LinkedIn's "…visa mer" under a post's text
    r"|(?:…|\.\.\.) ?(?:visa|se) mer"
    r"|visa (?:\d+ )?(?:tidigare |fler )?(?:kommentarer|svar)|#[\w-]+(?:\s+#[\w-]+)*"
)
# The bar of a post's actions ("Gilla Kommentera Dela"): the comments under it are no part of
# the post, down to the last of their own chrome lines.
_POST_ACTIONS = re.compile(r"gilla\s*(?:·\s*)?kommentera\s*(?:·\s*)?dela(?:\s*(?:·\s*)?skicka)?")
_COMMENT_CHROME = re.compile(
    r"(?:gilla|svara)\s*·.*|visa (?:\d+ )?(?:tidigare |fler )?(?:kommentarer|svar)"
    r"|skriv en kommentar.*|mest relevanta|alla kommentarer"
)
_COMMENTS_GAP = 8
_EMOJI_PRESENT = re.compile("[\U0001f000-\U0001faff]")
# Emoji: a pictograph opening a line is its bullet ("👮 Polisen genomför …"); elsewhere dropped.
# (with the hourglass and clocks a status column uses: "⏳ Kommunen: …")
_EMOJI = (
    "\U0001f000-\U0001faff\u231a\u231b\u23e9-\u23fa\u2600-\u26ff\u2700-\u27bf\u2b00-\u2bff"
    "\ufe0f\u200d"
)
_LEADING_EMOJI = re.compile(rf"^([ \t]*)[{_EMOJI}]+[ \t]+(?=\S)", re.MULTILINE)
_ANY_EMOJI = re.compile("[ \t]?[\U0001f000-\U0001faff\ufe0f]+")
_PAGE_NUMBER = re.compile(
    r"(?:(?:sida|bild)\s+)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3}|\s*\(\d{1,3}\))?|-\s*\d{1,3}\s*-"
)
_BREADCRUMB = re.compile(r"(?:start|hem|polisen)\s*(?:/|>|›)\s*\S.*")
_DIGIT_RUN = re.compile(r"\d+")
# The characters a list item may start with (Word's private-use bullets among them).
BULLET_CHARS = r"•·▪◦●○■□★☆‣⁃*–—\-\uf0b7\uf0a7\uf076\uf0d8\uf0fc◆➢✓►▶☐☑☒✔✗✘➔→⇒➜➤❖✦»"
_BULLET_START = re.compile(rf"(?:[{BULLET_CHARS}]|[eo](?= [A-ZÅÄÖa-zåäö0-9])|\d{{1,2}}[.)])\s")
# Short lines that are section headings even when a document repeats them (one per focus area).
_SECTION_WORD = re.compile(
    r"(?:aktiviteter|atgarder|ataganden|loften|lofte|fokusomrade|loftesomrade"
    r"|insatsomrade|mal|insatser|uppfoljning"
    r"|polisen|kommunen|staden|regionen|gemensam|tillsammans)\b"
)
_JOIN_KEEPING_HYPHEN = frozenset({"och", "eller", "samt", "respektive", "till", "som"})
# A word broken at a line's end: "brotts-", and "serverings¬" as some PDFs give the break.
_WORD_END_HYPHEN = re.compile(r"[A-Za-zÅÄÖåäöéü]{2}[-¬]$")
_LOWER_WORD_START = re.compile(r"([a-zåäöéü]{2,})")


def _chrome(line: str) -> bool:
    folded = fold(line.strip())
    if not folded:
        return False
    if _CHROME.fullmatch(folded) or _BREADCRUMB.fullmatch(folded) and len(folded) < 120:
        return True
    # A cookie banner's text: short, about cookies, not about the promises.
    if _SOCIAL_CHROME.fullmatch(folded):
        return True
    return bool(_COOKIE_WORDS.search(folded)) and len(folded) < 400


# A heading set in spaced capitals, as a PDF's design prints it: "P O L I S E N   L O V A R":
# letters one space apart, words two spaces or more; "Sida 2 (2)" may stand beside it.
_SPACED_RUN = re.compile(r"[A-ZÅÄÖ] [A-ZÅÄÖ] [A-ZÅÄÖ]")
_SPACED_WORD = re.compile(r"(?:[A-ZÅÄÖ0-9] )+[A-ZÅÄÖ0-9]")
_WIDE_GAP = re.compile(r"( {2,})")


def _letters_closed_up(line: str) -> str:
    if not _SPACED_RUN.search(line):
        return line
    return "".join(
        part.replace(" ", "") if _SPACED_WORD.fullmatch(part) else part
        for part in _WIDE_GAP.split(line)
    )


def _without_comments(text: str) -> str:
    """A social-media post without the comments under its bar of actions."""
    lines = text.split("\n")
    folded = [fold(line.strip()) for line in lines]
    for bar, line in enumerate(folded):
        if not _POST_ACTIONS.fullmatch(line):
            continue
        last = bar
        for index in range(bar + 1, len(lines)):
            if index - last > _COMMENTS_GAP:
                break
            if _COMMENT_CHROME.fullmatch(folded[index]):
                last = index
        if last > bar:
            return "\n".join(lines[:bar] + lines[last + 1 :])
    return text


# A digit as a keycap emoji numbers an item ("1️⃣ Polisen genomför …": "1. Polisen …").
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3|\U0001f51f")


def _keycap_number(match: re.Match) -> str:
    return f"{match.group(1) or 10}."


def _without_emoji(text: str) -> str:
    """Emoji opening a line are its bullet; others are dropped."""
    if "\u20e3" in text or "\U0001f51f" in text:
        text = _KEYCAP.sub(_keycap_number, text)
    text = _LEADING_EMOJI.sub(_bullet_for_emoji, text)
    return _ANY_EMOJI.sub("", text)


def _bullet_for_emoji(match: re.Match) -> str:
    # A bullet character of its own ("✓", "➔", "☐") stays as it is.
    symbols = match.group()[len(match.group(1)) :].strip()
    if len(symbols) == 1 and re.fullmatch(f"[{BULLET_CHARS}]", symbols):
        return match.group()
    return match.group(1) + "• "


# Word's markup as a document printed with its changes shows it: the balloons of comments
# and changes ("Kommenterad [AL2]: Räcker två gånger?", "Borttaget: tjugo", "Formaterat:
# Teckensnitt: 11 pt") are no part of the text, nor a comment's anchor after a word ("…
# kvällar,[AL2]").
_MARKUP_BALLOON = re.compile(
    r"(?:(?:kommenterad|kommentar|commented|comment) \[[a-z]{1,4}\d{1,3}\]"
    r"|(?:borttaget|infogat|formaterat|flyttat \((?:infogning|borttagning)\)|deleted|inserted"
    r"|formatted|moved \((?:insertion|deletion)\))(?: \[\d{1,3}\])?)\s*:.*"
)
_MARKUP_ANCHOR = re.compile(r"(?<=\S)\[[A-ZÅÄÖ]{1,4}\d{1,3}\](?=\s|$)")


_MARKUP_PRESENT = re.compile(
    # ("^[ \t]*", not "^\s*": from each of many blank lines, "\s*" ran over all the others)
    r"\[[A-ZÅÄÖ]{1,4}\d{1,3}\]|^[ \t]*(?:Borttaget|Infogat|Formaterat|Deleted|Inserted|Formatted)"
    r"\b",
    re.MULTILINE | re.IGNORECASE,
)


def _without_markup(text: str) -> str:
    lines = text.split("\n")
    kept = [line for line in lines if not _MARKUP_BALLOON.fullmatch(fold(line.strip()))]
    return _MARKUP_ANCHOR.sub("", "\n".join(kept))


# A page in Swedish and English: a line in English after its Swedish ("carry out at least 30
# drug checks …"), and a heading's English half ("Polisen lovar att: | The police promise
# to:"), are dropped, the Swedish read. A line is English when, without å, ä or ö, most of its
# words are common English words.
_ENGLISH_LIST = (
    "the a an and or of to on at for from with by is are be will we our us you your they "
    "their this that these have has was were every each within during about out least one "
    "two three four five six seven eight nine ten week weeks month months year years day days "
    "hour hours evening evenings promise promises police city municipality together report "
    "results carry hold remove patrol walk safety safer safe work agreed valid local people "
    "young parents meetings checks drug outreach workers centre contact updated last officer "
    "citizen citizens area environment around online quarter graffiti"
)
_ENGLISH_WORDS = frozenset(_ENGLISH_LIST.split())
_ENGLISH_HINT = re.compile(r"\b(?:the|and|of|to|we|will)\b")
_WORD = re.compile(r"[A-Za-zÅÄÖåäö']+")
# (a run of spaces is tried from its start only: from each of its spaces, long runs took
# seconds a line)
_HALF = re.compile(r"(?<!\s)\s+\|\s+")


def _english(text: str, least: int = 4) -> bool:
    words = _WORD.findall(text.lower())
    if len(words) < least or any(char in text for char in "åäöÅÄÖ"):
        return False
    known = sum(word in _ENGLISH_WORDS for word in words)
    return known >= 2 and known * 2 >= len(words) or known >= 4 and known * 3 >= len(words)


def _without_english(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        halves = _HALF.split(line)
        if len(halves) == 2 and _english(halves[1], 1) and not _english(halves[0], 1):
            line = halves[0]
        elif _english(line):
            continue
        kept.append(line)
    return "\n".join(kept)


# A page in Swedish and Finnish or Meänkieli, each paragraph or list followed by its
# translation ("Polisen lovar att / Poliisi lupaa"): the translated lines and halves are
# dropped, the Swedish read. A line is Finnish when it has no å, none of the commonest Swedish
# words and at least two words marked as Finnish by a long vowel ("lupaa", "kuntapoliisi") or
# a case ending ("keskustassa", "E10:llä", "lähellä").
_SWEDISH_LIST = (
    "och att i på för med som vid av till om en ett är ska vi det den de under minst per varje "
    "från har kommer lovar gäller polisen kommunen inte samt eller mot hos efter genom där när "
    "alla kan"
)
_SWEDISH_WORDS = frozenset(_SWEDISH_LIST.split())
_FINNISH_WORD = re.compile(r"(?:aa|ee|ii|oo|uu|yy|ää|öö)|(?:ss[aä]|ll[aä]|lt[aä]|stä|ks[ei]|istä)$")
_FINNISH_LETTERS = re.compile(r"[a-zäöđ]+")
# Letters Swedish hardly writes (a long "ä", "ö" or "y", "-ssä", "-llä"): a page may be in
# Finnish too.
_FINNISH_HINT = re.compile(r"ää|öö|yy|(?:ss|ll|lt|st)ä\b", re.IGNORECASE)
_TRANSLATED_HALF = re.compile(r"(?<!\s)\s+/\s+")


def _finnish(text: str, least: int = 4) -> bool:
    lowered = text.lower()
    if "å" in lowered:
        return False
    words = _FINNISH_LETTERS.findall(lowered)
    if len(words) < least or any(word in _SWEDISH_WORDS for word in words):
        return False
    return sum(1 for word in words if _FINNISH_WORD.search(word)) >= (2 if least > 1 else 1)


def _without_finnish(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        halves = _TRANSLATED_HALF.split(line)
        if len(halves) == 2 and _finnish(halves[1], 1) and not _finnish(halves[0], 1):
            line = halves[0]
        elif _finnish(line):
            continue
        kept.append(line)
    return "\n".join(kept)


# A leaflet in Swedish and Somali, each line followed by its translation ("Polisen ska:" over
# "Booliisku waxay sameyn doonaan:"): a line with none of the commonest Swedish words and
# several of the commonest Somali ones ("iyo", "oo", "waxay", "ugu yaraan" …) is dropped, as
# is a heading of Somali words alone ("Ballanqaadkayaga").
_SOMALI_LIST = (
    "iyo oo ee ka ku u la in waa ah ay ayaa ayay waxay waxaan wuxuu waxaa waxa inay inaan ugu "
    "yaraan kale hal mar laga lagu soo wax doonaa doonaan doono doonto doontaa sameyn sameeyo "
    "wadajir xiriir bishii bishiiba sanadka sanadkii toddobaadkii toddobaadkiiba ilaa isku "
    "saabsan gudihiis inta jiro ama haddii dhammaan qof dadka"
)
_SOMALI_WORDS = frozenset(_SOMALI_LIST.split())
# Somali stems of the promise's own words: "ballanqaadka", "booliiska", "degmada", "muwaadiniinta"
_SOMALI_STEMS = ("ballanqaad", "booliis", "degmad", "muwaadin", "amniga", "ammaan")
_SOMALI_HINT = re.compile(r"\b(?:iyo|waxay|waxaan|ayaa|ugu yaraan|booliiska|degmada)\b", re.I)
_SOMALI_LETTERS = re.compile(r"[a-zåäö'-]+")
_FEWEST_SOMALI_WORDS = 3


def _somali(text: str) -> bool:
    words = _SOMALI_LETTERS.findall(text.lower())
    if not words or any(word in _SWEDISH_WORDS for word in words):
        return False
    known = sum(word in _SOMALI_WORDS or word.startswith(_SOMALI_STEMS) for word in words)
    if len(words) < _FEWEST_SOMALI_WORDS:
        return known == len(words)  # a heading: "Ballanqaadkayaga"
    return known >= 2 and known * 4 >= len(words)


def _without_somali(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _somali(line))


# A leaflet in Swedish and Bosnian, Croatian or Serbian, each line followed by its translation
# ("Polisen ska:" over "Policija će:", "• provesti najmanje 20 kontrola brzine …"): a line with
# none of the commonest Swedish words ("i" is both languages') and a quarter of its words or
# more the commonest of those languages or written with "č", "ć" or "đ" is dropped, as is a
# heading of such words alone ("Zajedno ćemo:").
_BKS_LIST = (
    "je su da se za na od do sa kod u o iz ili te ali kao tokom najmanje jednom jedan jednu "
    "jedna dva dvije dvaput tri četiri pet puta godišnje mjesečno sedmično sedmice godine "
    "godina policija policije policiju općina općine opština opštine zajedno obećanje "
    "obećavaju obećava vrijedi građanima građane sigurnost sigurnosti sigurniji prije svega "
    "ćemo će biti raditi"
)
_BKS_WORDS = frozenset(_BKS_LIST.split())
_BKS_HINT = re.compile(
    r"[čćđ]|\b(?:najmanje|tokom|policija|općina|opština|zajedno|sedmično|mjesečno)\b", re.I
)
_BKS_LETTERS = re.compile(r"[a-zåäöčćđšž]+")
_BKS_MARKED = re.compile("[čćđ]")
_FEWEST_BKS_HINTS = 3
_SHARED_WORDS = frozenset({"i"})


def _translated(text: str, words_known: frozenset[str], marked: re.Pattern, letters: re.Pattern):
    """Whether a line is in another language written in Latin letters: none of the commonest
    Swedish words ("i" is other languages' too) and a quarter of its words or more among that
    language's commonest (`words_known`) or written with its own letters (`marked`); a heading
    of two words or fewer, all of them such words."""
    words = letters.findall(text.lower())
    if not words or any(w in _SWEDISH_WORDS and w not in _SHARED_WORDS for w in words):
        return False
    known = sum(word in words_known or bool(marked.search(word)) for word in words)
    if len(words) < _FEWEST_SOMALI_WORDS:
        return known == len(words)  # a heading: "Policija će:"
    return known >= 2 and known * 4 >= len(words)


def _without_bks(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not _translated(line, _BKS_WORDS, _BKS_MARKED, _BKS_LETTERS)
    )


# A leaflet in Swedish and Polish, each line followed by its translation ("Polisen ska:" over
# "Policja będzie:", "• przeprowadzić co najmniej 20 kontroli drogowych …"): read as a
# Bosnian line is, by the commonest Polish words and the letters Polish alone writes.
_POLISH_LIST = (
    "i w z na do od dla nie jest są się że przy oraz lub co najmniej tydzień tygodniu "
    "miesiąc miesiącu roku rok razy raz dwa trzy cztery pięć policja policji gmina gminy gminie "
    "razem będzie będziemy będą obietnica obietnicę obietnicy bezpieczeństwa bezpieczeństwo "
    "mieszkańców mieszkańcy przez nad pod tym aby o nasza nasze nasz każdy każdą "
)
_POLISH_WORDS = frozenset(_POLISH_LIST.split())
_POLISH_MARKED = re.compile("[ąęłńśźżó]")
_POLISH_HINT = re.compile(
    r"[ąęłńśźż]|\b(?:najmniej|obietnica|policja|gmina|będzie|będziemy)\b", re.IGNORECASE
)
_POLISH_LETTERS = re.compile(r"[a-zåäöąćęłńóśźż]+")


def _without_polish(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not _translated(line, _POLISH_WORDS, _POLISH_MARKED, _POLISH_LETTERS)
    )


# A page in Swedish and a Sami language, each section followed by its translation ("Det här
# gör polisen" over "Daate polijsi dorje", "• Unnemes 25 trafihkegïehtjedimmieh E14 jïh …"): read
# as a Bosnian line is, by the commonest words of South, Lule and North Sami and the letters
# they alone write ("ï", "æ", "ø", "ŋ", "đ", "ŧ"; "åå" and "öö", which Swedish never writes).
_SAMI_LIST = (
    "jïh jih ja lea leah leat akte ikth göökte golme fïereguhten fïerhten mietie bïjre gaskem "
    "daate dïhte mij mijjieh mijjen dorje darjoeminie darjoejibie edtja edtjieh guktie "
    "unnemes jaepien jaepeste våhkosne ektesne ektie tjïelte tjïelten polijsi polijsije "
    "lohpedasse lohpedibie åarjelsaemien åarjelsaemiengïelesne ahte mii dat juohke jagis "
    "jahkái vahkkus unnimusat oktasaš gielda gieldda politiija lohpádus lohpidit sámegillii "
    "davvisámegillii julevsámegiellaj"
)
_SAMI_WORDS = frozenset(_SAMI_LIST.split())
_SAMI_MARKED = re.compile("[ïæøŋđŧ]|åå|öö")
_SAMI_HINT = re.compile(
    r"[ïŋđŧ]|\b(?:jïh|leah|unnemes|fïereguhten|juohke|unnimusat|åarjelsaemien|sámegillii)\b",
    re.IGNORECASE,
)
_SAMI_LETTERS = re.compile(r"[a-zåäöáčđŋšŧžïæø]+")


def _without_sami(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not _translated(line, _SAMI_WORDS, _SAMI_MARKED, _SAMI_LETTERS)
    )


# A leaflet in several languages: each line followed by its translation into Arabic, Persian,
# Tigrinya, Russian … ("وعد للمواطنين – هالستاهامر", "الشرطة ستقوم بـ"). A line whose letters are
# mostly of another script than the Latin is a translation, dropped.
_OTHER_SCRIPT = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u074f"
    "\u0750-\u077f\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff\u1200-\u137f\u3040-\u30ff"
    "\u4e00-\u9fff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufefc]"
)


def _without_other_scripts(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        others = len(_OTHER_SCRIPT.findall(line))
        if others and others * 2 >= sum(1 for char in line if char.isalpha()):
            continue
        kept.append(line)
    return "\n".join(kept)


# A web page's source pasted as it is: "<h2>Polisen ska</h2>", "<ul><li>…</li></ul>",
# "&amp;". Its head, scripts, styles, navigation and footer are no part of the document; its
# headings and paragraphs are lines of their own, its list items "•" items, a table's cells
# separated by tabs, and its entities the characters they stand for.
_HTML_PRESENT = re.compile(r"<(?:!doctype|html|body|p|li|h[1-6]|ul|ol|div|table|tr|td)\b", re.I)
_HTML_DROPPED = ("head", "script", "style", "nav", "footer", "noscript")
# an element's opening tag, never a longer name's ("<head" is not "<header>")
_HTML_OPENING = {tag: re.compile(rf"<{tag}(?=[\s>/])") for tag in _HTML_DROPPED}
_HTML_BLOCK = re.compile(
    r"<(/?)(p|h[1-6]|div|ul|ol|li|table|tr|td|th|br|section|article|main|header|blockquote)"
    r"\b[^<>]{0,500}>",
    re.I,
)
_HTML_TAG = re.compile(r"</?[A-Za-z!][^<>]{0,500}>")


def _html_block(match: re.Match) -> str:
    closing, tag = match.group(1), match.group(2).lower()
    if tag == "li":
        return "" if closing else "\n• "
    if tag in ("td", "th"):
        return "" if closing else "\t"
    if tag == "tr":
        return "" if closing else "\n"  # a table's rows one line each, with no blank between
    if tag == "br" or tag[0] == "h" and closing:
        return "\n"
    return "\n\n"


def _html_opening(lowered: str, tag: str, at: int) -> int:
    match = _HTML_OPENING[tag].search(lowered, at)
    return match.start() if match else -1


def _without_html(text: str) -> str:
    """A web page's source as the text it shows, when it has three of its tags or more."""
    if len(_HTML_PRESENT.findall(text, 0, 20_000)) < 3:
        return text
    lowered = text.lower()
    kept = []
    at = 0
    # each tag's next opening at or after `at` (searched again only once passed: linear)
    following = {tag: _html_opening(lowered, tag, at) for tag in _HTML_DROPPED}
    while True:
        for tag, start in following.items():
            if 0 <= start < at:
                following[tag] = _html_opening(lowered, tag, at)
        starts = [(start, tag) for tag, start in following.items() if start >= 0]
        if not starts:
            break
        start, tag = min(starts)
        end = lowered.find(f"</{tag}>", start)
        kept.append(text[at:start])
        at = len(text) if end < 0 else end + len(tag) + 3
    kept.append(text[at:])
    text = _HTML_TAG.sub("", _HTML_BLOCK.sub(_html_block, "".join(kept)))
    return "\n".join(line.strip(" ") for line in html.unescape(text).split("\n"))


# A form's answers as a survey tool exports them: "Fråga 5. Vilka aktiviteter genomför
# polisen? (en per rad)" over "Svar:" and the answer's lines. The questions are read as
# headings, without their number and a hint in brackets after the question mark, and the
# answers without their label.
_FORM_QUESTION = re.compile(
    r"^(?:fråga|question) \d{1,2}[.:)]?[ \t]+(?P<question>[^\n?]{2,200}\?)?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?",
    re.IGNORECASE | re.MULTILINE,
)
_FORM_ANSWER = re.compile(r"^(?:svar|answer):(?:[ \t]*\n|[ \t]*)", re.IGNORECASE | re.MULTILINE)
_FEWEST_FORM_ANSWERS = 3


def _form_answers(text: str) -> str:
    """A form's text with its questions as headings and its answers without their label."""
    if len(_FORM_ANSWER.findall(text)) < _FEWEST_FORM_ANSWERS:
        return text
    if len(_FORM_QUESTION.findall(text)) < _FEWEST_FORM_ANSWERS:
        return text
    lines = []
    one_per_line = False  # "(en per rad)": each of the answer's lines is an item
    for line in _FORM_ANSWER.sub("", text).split("\n"):
        if question := _FORM_QUESTION.match(line):
            one_per_line = bool(_ONE_PER_LINE.search(line))
            number_end = line.find(" ", line.find(" ") + 1)
            line = question.group("question") or line[number_end:].strip()
        elif not line.strip():
            one_per_line = False
        elif one_per_line:
            line = f"• {line}"
        lines.append(line)
    return "\n".join(lines)


_ONE_PER_LINE = re.compile(r"\((?:en|ett|one)(?: \w+)? per (?:rad|line)\)", re.IGNORECASE)


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


# A designed leaflet's figures, "Löftet i siffror": a number alone on its line, what it counts
# in lower case under it, and who does it on a short line under that ("30" over
# "trafikkontroller … under året" over "Polisen"), a blank line about each. Three such figures
# or more are made items, "• 30 trafikkontroller … under året – Polisen", read as an item with
# its owner after a dash is (the number alone would be dropped as a page number).
_FIGURE_PRESENT = re.compile(r"(?:^|\n)[ \t]*\n[ \t]*\d{1,4}[ \t]*\n[ \t]*[a-zåäö]")
_FIGURE = re.compile(r"\d{1,4}")
_FIGURE_OWNER = re.compile(r"[A-ZÅÄÖ][^.!?:;]{1,59}")
_FEWEST_FIGURES = 3


def _figures_as_items(text: str) -> str:
    lines = text.split("\n")
    figures: list[tuple[int, int, str]] = []  # (first line, line after, item)
    index = 1
    while index + 1 < len(lines):
        number, words = lines[index].strip(), lines[index + 1].strip()
        if (
            lines[index - 1].strip()
            or not _FIGURE.fullmatch(number)
            or not words[:1].islower()
            or not words[:1].isalpha()
        ):
            index += 1
            continue
        after = index + 2
        owner = lines[after].strip() if after < len(lines) else ""
        if (
            owner
            and _FIGURE_OWNER.fullmatch(owner)
            and (after + 1 >= len(lines) or not lines[after + 1].strip())
        ):
            figures.append((index, after + 1, f"• {number} {words} – {owner}"))
            index = after + 1
        elif not owner:
            figures.append((index, after, f"• {number} {words}"))
            index = after
        else:
            index += 1
    if len(figures) < _FEWEST_FIGURES:
        return text
    result: list[str] = []
    done = 0
    for first, end, item in figures:  # built in one pass (a slice replaced per figure was slow)
        result += lines[done:first]
        result.append(item)
        done = end
    return "\n".join(result + lines[done:])


# A poster's or a flyer's lines: a sentence broken every few words ("★ Kommunen" + "ordnar
# minst" + "sex kvällsaktiviteter" + "för unga").
_POSTER_LINE_CHARS = 28
_FEWEST_POSTER_LINES = 3
_MOST_POSTER_LINES = 12  # a paragraph, never a pasted column of words
_SENTENCE_END = (".", "!", "?", ":", ";")


def _poster_lines_joined(lines: list[str]) -> list[str]:
    """Each paragraph of three lines or more, all short, whose lines go on in lower case from
    the one above without a sentence ending, joined into one line."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end] and len(lines[end]) <= _POSTER_LINE_CHARS:
            end += 1
        block = lines[index:end]
        following = block[1:]
        if (
            _FEWEST_POSTER_LINES <= len(block) <= _MOST_POSTER_LINES
            and (end == len(lines) or not lines[end])
            and (index == 0 or not lines[index - 1])
            # "serverings¬" + "ställen": a word a PDF broke, joined as such further on
            and not any(line.endswith(("-", "¬")) for line in block)
            and not any(line.endswith(_SENTENCE_END) for line in block[:-1])
            and not any(_BULLET_START.match(line) or line[:1].isdigit() for line in following)
            and 2 * sum(line[:1].islower() for line in following) >= len(following)
        ):
            joined.append(" ".join(block))
            index = end
            continue
        joined.extend(block or lines[index : index + 1])
        index = max(end, index + 1)
    return joined


def _join_hyphenated(lines: list[str]) -> list[str]:
    """Join "brotts-" + "förebyggande" into one word; keep "gång-" + "och cykelvägar"."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        parts = [lines[index]]
        while index + 1 < len(lines) and _WORD_END_HYPHEN.search(parts[-1][-3:]):
            following = lines[index + 1]
            match = _LOWER_WORD_START.match(following)
            if not match:
                break
            if match.group(1) in _JOIN_KEEPING_HYPHEN:
                parts[-1] = parts[-1][:-1] + "-"  # "gång¬" + "och cykelvägar": "gång- och"
                parts.append(" " + following)
            else:
                parts[-1] = parts[-1][:-1]
                parts.append(following)
            index += 1
        joined.append("".join(parts))
        index += 1
    return joined


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
        parts = text.split(";")
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
        while index < len(lines) and lines[index].strip():
            for start, text in _spaced_cells(lines[index]):
                columns[abs(start - middle) < abs(start - heads[0][0])].append(text)
            index += 1
        result += [*columns[0], "", *columns[1]]
    return result


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
            index += 1
    result: list[str] = []
    cell_lines: set[int] = set()
    for number, line in enumerate(lines):
        if number in table_rows:
            cell_lines.update(range(len(result), len(result) + len(cells[number])))
            result += cells[number]
        else:
            result.append(line)
    return "\n".join(result), cell_lines


# A quoted e-mail's lines: "> Polisen ska:", and ">" alone for its blank lines.
_QUOTE_MARK = re.compile(r"^>[ \t]?", re.MULTILINE)
_QUOTED_BLANK = re.compile(r"^>[ \t]*$", re.MULTILINE)


def _unquoted(text: str) -> str:
    """An e-mail's quoted text without its quotation marks, when it has blank lines quoted
    (">" alone): a list with ">" as its bullets has none."""
    return _QUOTE_MARK.sub("", text) if _QUOTED_BLANK.search(text) else text


# A Word or WordPad document saved as RTF and opened as text: "{\rtf1\ansi …", its font and
# colour tables, "\par" ending its paragraphs, "\'f6" for "ö", "\endash", a list's bullet in a
# "{\pntext …}" group. It is read as WordPad shows it.
_RTF_PRESENT = re.compile(r"\s*\{\\rtf\d?")
_RTF_TOKEN = re.compile(
    r"\\(?:'([0-9a-fA-F]{2})|([a-zA-Z]{1,32})(-?\d{1,10})? ?|([^a-zA-Z]))|([{}])|[\r\n]+"
    r"|([^\\{}\r\n]+)"
)
# Groups whose text is no part of the document's (with any group opening "\*").
_RTF_SKIPPED = re.compile(
    r"fonttbl|colortbl|stylesheet|info|pict|(?:header|footer)[lrf]?|listtable|listoverridetable"
    r"|rsidtbl|xmlnstbl|generator|latentstyles|themedata|colorschememapping|datastore|object"
    r"|fldinst|bkmkstart|bkmkend|pn"
)
_RTF_WORDS = {
    "par": "\n",
    "line": "\n",
    "row": "\n",
    "sect": "\n",
    "page": "\n",
    "tab": "\t",
    "cell": "\t",
    "endash": "–",
    "emdash": "—",
    "bullet": "•",
    "lquote": "‘",
    "rquote": "’",
    "ldblquote": "“",
    "rdblquote": "”",
    "emspace": " ",
    "enspace": " ",
    "qmspace": " ",
}
_RTF_SYMBOLS = {"~": "\u00a0", "_": "-", "-": "", "\\": "\\", "{": "{", "}": "}", "\t": "\t"}


def _without_rtf(text: str) -> str:
    """The text of an RTF document's source, as a word processor shows it."""
    out: list[str] = []
    skipped: list[bool] = [False]  # per open group: whether its text is dropped
    fresh = False  # right after "{": the group's first word may name a skipped destination
    skip_chars = 0  # the fallback characters after "\uN" still to drop
    fallback = 1
    for match in _RTF_TOKEN.finditer(text):
        hexa, word, number, symbol, brace, plain = match.groups()
        if brace:
            if brace == "{":
                skipped.append(skipped[-1])
                fresh = True
            elif len(skipped) > 1:
                skipped.pop()
            skip_chars = 0
            continue
        was_fresh, fresh = fresh, False
        if word is not None:
            if was_fresh and _RTF_SKIPPED.fullmatch(word):
                skipped[-1] = True
            elif word == "uc" and number:
                fallback = int(number)
            elif word == "u" and number and not skipped[-1]:
                out.append(chr(int(number) % 65536))
                skip_chars = fallback
            elif not skipped[-1] and word in _RTF_WORDS:
                out.append(_RTF_WORDS[word])
            continue
        if symbol is not None:
            if symbol == "*" and was_fresh:
                skipped[-1] = True
            elif not skipped[-1] and symbol in _RTF_SYMBOLS:
                out.append(_RTF_SYMBOLS[symbol])
            continue
        if skipped[-1] or (plain is None and hexa is None):
            continue
        piece = bytes([int(hexa, 16)]).decode("cp1252", "replace") if hexa else plain
        if skip_chars:
            dropped = min(skip_chars, len(piece))
            piece, skip_chars = piece[dropped:], skip_chars - dropped
        out.append(piece)
    return "\n".join(line.strip(" ") for line in "".join(out).split("\n"))


# A chat copied from Teams or the like: each message under a header "[2026-01-19 09:14] Maria
# Lundberg (Vännäs kommun)", its reactions ("👍 2  ❤️ 1"), "(Redigerad)", a reply's quotation
# "Svar till Maria Lundberg: "…"", and the chat's own notices ("… har lagt till … i chatten.",
# "Mötet avslutades: 28 min 14 s"). With two headers or more, those lines are dropped and the
# messages read as the text they are.
_CHAT_HEADER = re.compile(
    r"^[ \t]*\[(?:\d{4}-\d{2}-\d{2}[ ,]+|\d{1,2}/\d{1,2}(?:/\d{2,4})?[ ,]+)?\d{1,2}[:.]\d{2}"
    # (never a transcript's turn, what is said after the name: "[00:00:48] Sofia Nordin: Och …")
    r"(?:[:.]\d{2})?\][ \t]*[^\W\d_](?:(?!: \S)[^\n]){0,80}$",
    re.MULTILINE,
)
_FEWEST_CHAT_HEADERS = 2
_LONGEST_CHAT_LINE = 400
_CHAT_REACTIONS = re.compile(rf"[{_EMOJI}\d \t]+")  # with an emoji: "👍 2  ❤️ 1"
_CHAT_REACTION = re.compile(rf"[{_EMOJI}]")
_CHAT_LINE = re.compile(
    r"\(?(?:redigerad|redigerat|edited)\)?"
    r"|(?:svar till|replying to|svarar) [^:\n]{2,80}:.*"
    r"|.{2,120} har (?:lagt till|tagit bort|lamnat|bytt namn pa) .{0,160}"
    r"(?:chatten|gruppen|motet|konversationen|kanalen)\b.{0,80}"
    r"|(?:motet|samtalet) (?:startade|borjade|avslutades|har avslutats|slutade)\b.{0,120}"
)


def _without_chat(text: str) -> str:
    if len(_CHAT_HEADER.findall(text, 0, 200_000)) < _FEWEST_CHAT_HEADERS:
        return text
    return "\n".join(
        line
        for line in _CHAT_HEADER.sub("", text).split("\n")
        if not (
            line.strip()
            and (
                _CHAT_REACTIONS.fullmatch(line.strip())
                and _CHAT_REACTION.search(line)
                or len(line) <= _LONGEST_CHAT_LINE
                and _CHAT_LINE.fullmatch(fold(line.strip()))
            )
        )
    )


# A thread of posts copied from X, Threads or the like: each post numbered "2/7" at its start
# (the first often after "🧵"), under its author's name over "@handle · 3 feb.". With three
# numbered posts or more of one thread, the numbers, the handle lines and the author's name
# over them are dropped: each post is read as the text it is.
_THREAD_NUMBER = re.compile(
    rf"^([ \t]*)(?:[{_EMOJI}]+[ \t]*)?(\d{{1,2}})/(\d{{1,2}})[ \t]+(?=\S)", re.MULTILINE
)
_FEWEST_THREAD_POSTS = 3
_HANDLE_LINE = re.compile(r"@[\w.]{2,40}(?:\s*·\s*.{1,30})?")


def _without_thread_numbers(text: str) -> str:
    found = [
        (int(match.group(2)), int(match.group(3)))
        for match in _THREAD_NUMBER.finditer(text, 0, 200_000)
    ]
    totals = [total for number, total in found if 1 <= number <= total]
    if not totals:
        return text
    total = max(set(totals), key=totals.count)
    if totals.count(total) < min(_FEWEST_THREAD_POSTS, total):
        return text

    def unnumbered(match: re.Match) -> str:
        number, of = int(match.group(2)), int(match.group(3))
        return match.group(1) if of == total and 1 <= number <= total else match.group()

    lines = _THREAD_NUMBER.sub(unnumbered, text).split("\n")
    handles = {
        index
        for index, line in enumerate(lines)
        if line.strip().startswith("@") and _HANDLE_LINE.fullmatch(line.strip())
    }
    dropped = handles | {index - 1 for index in handles if index and len(lines[index - 1]) < 60}
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)


# Markdown, as a web page's text may be saved: "## Det här gör polisen", "**Besök** på …",
# "*en gång i månaden*"; an asterisk before a space is a bullet.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(
    r"(\*\*|__|(?<![\w*])\*(?=[^\s*]))([^\s*_](?:[^\n]*?[^\s*_])?)\1(?![\w*])"
)


# Its links keep their words ("[medborgarlöfte](https://…)"), its images go ("![Polisbil …](…)"),
# a task list's boxes are no part of its items ("- [ ] Genomföra …", "- [x] …"), and a quoted
# block ("> Vi lovar att …") is read as it stands, in a text with Markdown's headings.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^()\s]{0,500}\)")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,500}\)")
_MARKDOWN_TASK = re.compile(r"^([ \t]*[-*+][ \t]+)\[[ xX]\][ \t]+", re.MULTILINE)
_MARKDOWN_QUOTE = re.compile(r"^>[ \t]?", re.MULTILINE)
# Struck-out words ("~~minst 20~~ minst 24"), an earlier wording a revised draft shows: dropped,
# and with them an item struck out whole ("- ~~Polisen håller öppet hus …~~").
_MARKDOWN_STRUCK = re.compile(r"[ \t]?~~[^~\n]{1,500}~~")
_MARKDOWN_STRUCK_ITEM = re.compile(
    rf"^[ \t]*(?:[-*+{BULLET_CHARS}]|\d{{1,2}}[.)])[ \t]+~~[^~\n]{{1,500}}~~[ \t]*\n?", re.MULTILINE
)
# Letters struck out as a social media post writes them, each followed by a combining stroke
# (U+0336, U+0335: "m̶i̶n̶s̶t̶ ̶1̶0̶ minst 20"): struck-out words as "~~…~~" are, and dropped so.
_STRUCK_LETTERS = re.compile("(?:[^\n\u0335\u0336][\u0335\u0336]+)+")


def _struck_as_markdown(match: re.Match) -> str:
    words = match.group().replace("\u0336", "").replace("\u0335", "").strip()
    return f"~~{words}~~" if words else ""


# A wiki page's source (MediaWiki, as an intranet's wiki gives it when its text is copied from
# the editor): "== Aktiviteter ==", "[[Resecentrum (Karlskoga)|Resecentrum]]", "'''30'''",
# "* " items, "{{Infobox …}}", "{| class="wikitable" … |}", "<ref>…</ref>", "[[Kategori:…]]".
_WIKI_MARK = re.compile(r"^=+[^=\n]+=+[ \t]*$|\[\[[^\[\]\n]+\]\]|^\{\||^\{\{|'''", re.MULTILINE)
_FEWEST_WIKI_MARKS = 4
_WIKI_HEADING = re.compile(r"(=+)\s*([^=]+?)\s*\1")
_WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|\n]*\|)?([^\[\]|\n]*)\]\]")
_WIKI_EXTERNAL_LINK = re.compile(r"\[(?:https?://|www\.)\S+ ([^\[\]\n]+)\]")
_WIKI_EMPHASIS = re.compile(r"'{2,5}")
_WIKI_REFERENCE = re.compile(
    r"<ref\b[^<>\n]*/>|<ref\b[^<>\n]*>[^<\n]*</ref>|<references\s*/>", re.IGNORECASE
)
_WIKI_META_LINK = re.compile(
    r"\[\[(?:kategori|category|fil|file|bild|image|media):[^\[\]\n]*\]\]", re.IGNORECASE
)
_WIKI_BULLET = re.compile(r"([*#]+)\s*")
_WIKI_PARAMETER = re.compile(r"\|\s*([^=|]{1,40}?)\s*=\s*(.*)")
_WIKI_DATE_PARAMETER = re.compile(r"(?:giltig|galler|period|datum|beslutad|faststalld|start|slut)")


def _without_wikitext(text: str) -> str:
    """A wiki page's source as the page shows it: headings, links and emphasis as their words,
    items as "•" items (a deeper one, "** …", joined to the item over it), a template's dates
    as "Name: value" lines, a table's cells separated by tabs; references, categories and files
    dropped."""
    result: list[str] = []
    depth = 0  # inside a template ("{{Infobox …", its parameters, "}}")
    in_table = False
    for line in _WIKI_REFERENCE.sub("", text).split("\n"):
        stripped = _WIKI_META_LINK.sub("", line).strip()
        if not stripped and line.strip():
            continue  # a line of categories
        if depth or stripped.startswith("{{"):
            depth = max(depth + stripped.count("{{") - stripped.count("}}"), 0)
            parameter = _WIKI_PARAMETER.fullmatch(stripped)
            # an infobox's dates ("Giltig från = 2026-01-01"): the validity; its other fields
            # (the page's owner, its reference) are the wiki's, no text
            if (
                parameter
                and _WIKI_DATE_PARAMETER.match(fold(parameter.group(1)))
                and (value := _wiki_inline(parameter.group(2)).strip())
            ):
                result.append(f"{parameter.group(1)}: {value}")
            continue
        if stripped.startswith("{|"):
            in_table = True
            continue
        if in_table:
            if stripped.startswith("|}"):
                in_table = False
            elif stripped.startswith(("!", "|")) and not stripped.startswith(("|-", "|+")):
                cells = re.split(r"\s*(?:!!|\|\|)\s*", stripped[1:].strip())
                result.append("\t".join(_wiki_inline(cell) for cell in cells))
            continue
        if heading := _WIKI_HEADING.fullmatch(stripped):
            result.append(_wiki_inline(heading.group(2)))
            continue
        if bullet := _WIKI_BULLET.match(stripped):
            words = _wiki_inline(stripped[bullet.end() :])
            if len(bullet.group(1)) > 1 and result and result[-1].startswith("• "):
                result[-1] += " " + words  # "** …" under an item: its detail, no item
            else:
                result.append("• " + words)
            continue
        result.append(_wiki_inline(line))
    return "\n".join(result)


def _wiki_inline(text: str) -> str:
    text = _WIKI_EXTERNAL_LINK.sub(r"\1", _WIKI_LINK.sub(r"\1", text))
    return _WIKI_EMPHASIS.sub("", text)


# A page of Confluence's (or Jira's) wiki markup, copied from its editor: "h2. Aktiviteter",
# a table's header "||Aktivitet||Ansvarig||Mål||" over rows "|Trafikkontroller|Polisen|minst
# 24 per år|", macros in braces ("{info}", "{quote}", "{toc:maxLevel=2}", "{panel:title=…}",
# "{status:colour=Green|title=Pågår}"), links "[text|https://…]" and "[~användare]", "*fet*".
# Read as the page shows it: headings and links as their words, a status as its title, a
# panel's title as a heading, the other macros dropped, the table's cells separated by tabs.
_CONFLUENCE_MARK = re.compile(
    r"^h[1-6]\.[ \t]+\S|^\|\|[^|\n]+\|\||\{(?:info|note|tip|warning|quote|panel|toc|status"
    r"|expand|code|noformat)\b",
    re.MULTILINE,
)
_FEWEST_CONFLUENCE_MARKS = 3
_CONFLUENCE_HEADING = re.compile(r"^h[1-6]\.[ \t]+", re.MULTILINE)
_CONFLUENCE_STATUS = re.compile(r"\{status:[^{}\n]*?\btitle=([^|{}\n]*)[^{}\n]*\}")
_CONFLUENCE_TITLED = re.compile(r"\{(?:panel|expand)[:|][^{}\n]*?\btitle=([^|{}\n]*)[^{}\n]*\}")
_CONFLUENCE_MACRO = re.compile(r"\{[a-z]+(?::[^{}\n]*)?\}")
_CONFLUENCE_LINK = re.compile(r"\[([^|\[\]\n]+)\|[^\[\]\n]+\]|\[~([^\[\]\n]+)\]")
_CONFLUENCE_ROW = re.compile(r"[ \t]*(\|\|?)(.*?)\|\|?[ \t]*")
_LONGEST_CONFLUENCE_ROW = 2_000  # a longer line of pipes is no table's row


def _without_confluence(text: str) -> str:
    text = _CONFLUENCE_STATUS.sub(r"\1", _CONFLUENCE_HEADING.sub("", text))
    text = _CONFLUENCE_TITLED.sub(r"\n\1\n", text)
    text = _CONFLUENCE_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    lines = []
    for line in _CONFLUENCE_MACRO.sub("", text).split("\n"):
        if len(line) <= _LONGEST_CONFLUENCE_ROW and (row := _CONFLUENCE_ROW.fullmatch(line)):
            cells = re.split(r"\|\|?", row.group(2))
            line = "\t".join(cell.strip() or EMPTY_CELL for cell in cells)
        lines.append(line)
    return "\n".join(lines)


# A template's instructions to whoever fills it in, in square brackets: "[Ange
# lokalpolisområde]", "[Formulera löftet i en mening: "Vi lovar att …"]", "[Lägg till fler
# aktiviteter vid behov]"; and lines holding only its fields for names, "[Namn]   [Namn]".
_INSTRUCTION = re.compile(
    r"\[(?:ange|beskriv|formulera|fyll i|lägg till|skriv|ta bort|infoga|välj|ersätt|redogör"
    r"|sammanfatta|lista|radera)\b[^\[\]\n]{0,300}\][ \t]*",
    re.IGNORECASE,
)
_FEWEST_INSTRUCTIONS = 2
_FIELDS_ONLY = re.compile(r"(?:[ \t]*\[[^\[\]\n]{1,40}\])+[ \t]*")
_BULLET_ONLY = re.compile(rf"[ \t]*(?:[{BULLET_CHARS}]|\d{{1,2}}[.)])?[ \t]*")


# A draft's notes in square brackets, two or more: its writers' comments and alternatives
# ("[Kommentar LS 4/2: …]", "[KOMMENTAR PN: Ok från polisen.]", "minst 20 [alt. 24]", "[ÄNDRAT
# från 2 efter mötet 28/1]", "[XX – förvaltningen återkommer …]", "[??]"), dropped as a
# template's instructions are: the text is the draft's wording.
_EDITORIAL_NOTE = re.compile(
    r"[ \t]?\[(?:(?:kommentar|komm|anm|anmärkning|alt|alternativt|ändrat|ändring|obs|fråga"
    r"|todo|xx|lägg in"
    # a transcription's marks: "[oläsligt]", "[överstruket: 15]" (the struck-out words)
    r"|oläsligt|otydligt|ohörbart|överstruket|överstruket ord|struket)\b|\?)[^\[\]\n]{0,300}\]",
    re.IGNORECASE,
)


def _without_instructions(text: str, pattern: re.Pattern = _INSTRUCTION) -> str:
    """A template's text without its instructions (two or more) and its empty fields' lines:
    what the writer filled in (or a draft's without its notes, with `_EDITORIAL_NOTE`)."""
    result = []
    for line in text.split("\n"):
        kept = pattern.sub("", line)
        if kept != line and _BULLET_ONLY.fullmatch(kept) or _FIELDS_ONLY.fullmatch(kept):
            continue
        result.append(kept)
    return "\n".join(result)


# A plain-text e-mail's links, numbered in the text ("… längs Köpingegatan [2]") and listed at
# its end ("[2] https://bastad.se/…"): the marks and the list are no part of what is said.
_LINK_REFERENCE = re.compile(r"^[ \t]*\[(\d{1,2})\]:?[ \t]+(?:https?://|www\.)\S+[ \t]*$", re.M)
_LINK_MARK = re.compile(r"[ \t]?\[(\d{1,2})\](?=[ \t]*$|[ \t.,;:)])", re.MULTILINE)
_FEWEST_LINK_REFERENCES = 2
_LINK_ONLY = re.compile(r"^[^\n\[\]:]{1,80}:[ \t]*\[(\d{1,2})\][ \t]*$", re.MULTILINE)


# A plain-text heading's underline ("Polisen ska" over "-----------", "=====" under a title).
_UNDERLINE = re.compile(r"[ \t]*(?:={3,}|-{3,})[ \t]*")
_UNDERLINE_SLACK = 3


def _without_underlines(text: str) -> str:
    """The text without its headings' underlines: a line of "=" or "-" right under a line of
    words about as long (never a rule on its own, under a blank line, nor a table's)."""
    lines = text.split("\n")
    kept: list[str] = []
    for line in lines:
        above = kept[-1].strip() if kept else ""
        if (
            above
            and "|" not in above
            and _UNDERLINE.fullmatch(line)
            and abs(len(above) - len(line.strip())) <= _UNDERLINE_SLACK
        ):
            continue
        kept.append(line)
    return "\n".join(kept)


def _without_link_references(text: str) -> str:
    numbers = {match.group(1) for match in _LINK_REFERENCE.finditer(text)}
    if len(numbers) < _FEWEST_LINK_REFERENCES:
        return text
    text = _LINK_REFERENCE.sub("", text)
    # "Läs hela medborgarlöftet: [3]": a pointer to a link, nothing said once it is gone
    text = _LINK_ONLY.sub(lambda m: "" if m.group(1) in numbers else m.group(), text)
    return _LINK_MARK.sub(lambda m: "" if m.group(1) in numbers else m.group(), text)


# Footnotes listed under the text, "[1] Kontrollerna görs med mobil hastighetsmätning.", their
# marks after the words they explain ("… under året.[1]"): with two such notes or more whose
# marks stand in the text, the notes and the marks are dropped (a note is no activity).
_FOOTNOTE_LINE = re.compile(
    r"^[ \t]*\[(\d{1,2})\][ \t]+(?!https?://|www\.)[A-ZÅÄÖ][^\n]{0,400}\n?", re.MULTILINE
)
_FOOTNOTE_MARK_AFTER = r"(?<=[\w.,;:!?)])\[{}\]"


def _without_footnotes(text: str) -> str:
    notes = {match.group(1) for match in _FOOTNOTE_LINE.finditer(text)}
    body = _FOOTNOTE_LINE.sub("", text)
    marked = {number for number in notes if re.search(_FOOTNOTE_MARK_AFTER.format(number), body)}
    if len(marked) < _FEWEST_LINK_REFERENCES or marked != notes:
        return text
    return re.sub(_FOOTNOTE_MARK_AFTER.format(r"\d{1,2}"), "", body)


# A page answering what residents said, "Ni sa: Det körs för fort …" over "Vi gör: Polisen
# genomför …", two pairs or more: what was said is no activity and goes, and what is done
# loses its label.
_THEY_SAID = re.compile(
    r"^[ \t]*(?:ni|du|invånarna|medborgarna) (?:sa|sade|tyckte|önskade|ville)[ \t]*:[^\n]*\n?",
    re.MULTILINE | re.IGNORECASE,
)
_WE_DO_LABEL = re.compile(
    r"^([ \t]*)(?:vi (?:gör|gjorde|ska göra|kommer att göra)|det här gör vi)[ \t]*:[ \t]*",
    re.MULTILINE | re.IGNORECASE,
)
_FEWEST_ANSWERS = 2


def _answers_unlabelled(text: str) -> str:
    if len(_WE_DO_LABEL.findall(text)) < _FEWEST_ANSWERS:
        return text
    if len(_THEY_SAID.findall(text)) < _FEWEST_ANSWERS:
        return text
    return _WE_DO_LABEL.sub(r"\1", _THEY_SAID.sub("", text))


# A consultation's reply quoting the proposal, each part's wording ("Förslagets lydelse: Polisen
# genomför minst 20 trafikkontroller …") over the reply's view of it ("Kommunens synpunkt:
# Tillstyrks. …"), two pairs or more: the views are no part of the promise and go, and the
# proposal's wording loses its label.
_PROPOSED_WORDING = re.compile(
    r"^([ \t]*)(?:förslagets|föreslagen|remissens|remissförslagets) lydelse[ \t]*:[ \t]*",
    re.MULTILINE | re.IGNORECASE,
)
_REPLY_VIEW = re.compile(
    r"^[ \t]*(?:(?:kommunens|kommunstyrelsens|nämndens|polisens|vår|våra|remissinstansens) )?"
    r"(?:synpunkt(?:er)?|kommentar(?:er)?|ställningstagande)[ \t]*:[^\n]*\n?",
    re.MULTILINE | re.IGNORECASE,
)


def _proposal_unlabelled(text: str) -> str:
    if len(_PROPOSED_WORDING.findall(text)) < _FEWEST_ANSWERS:
        return text
    if len(_REPLY_VIEW.findall(text)) < _FEWEST_ANSWERS:
        return text
    return _PROPOSED_WORDING.sub(r"\1", _REPLY_VIEW.sub("", text))


# A page set in two columns by language, "Svenska<tab>English" over rows of a Swedish text and
# its translation: the Swedish column alone is read, a line a row, its header dropped.
_LANGUAGE = (
    r"(?:på )?(?:svenska|swedish|engelska|english|in english|arabiska|arabic|somaliska|somali"
    r"|finska|suomi|finnish|persiska|dari|tigrinja|tigrinya|polska|polski|ukrainska|bosniska)"
)
_LANGUAGE_HEADER = re.compile(rf"^[ \t]*{_LANGUAGE}[ \t]*\t[ \t]*{_LANGUAGE}[ \t]*$", re.I | re.M)


def _swedish_column(text: str) -> str:
    header = _LANGUAGE_HEADER.search(text)
    if not header:
        return text
    names = [fold(cell).strip() for cell in header.group().split("\t")]
    if sum("svenska" in name or "swedish" in name for name in names) != 1:
        return text
    column = next(k for k, name in enumerate(names) if "svenska" in name or "swedish" in name)
    lines = text[header.end() :].split("\n")  # lines[0]: what follows the header on its line
    rows = 1
    listed = False  # under a row ending with a colon ("Polisen ska:"), each row is an item
    while rows < len(lines) and lines[rows].count("\t") == len(names) - 1:
        cell = lines[rows].split("\t")[column].strip()
        lines[rows] = f"• {cell}" if listed and cell and not cell.endswith(":") else cell
        listed = cell.endswith(":") or (listed and bool(cell))
        rows += 1
    return text[: header.start()] + "\n".join(lines[1:])


# A site's template tags alone on their lines, Hugo's shortcodes ("{{< faktaruta >}}", "{{% /not
# %}}") and Liquid's ("{% include … %}"), and a comment alone on its line ("<!-- … -->"): no
# words of the page's.
_TEMPLATE_LINE = re.compile(
    r"^[ \t]*(?:\{\{[<%][^\n{}]{0,300}[>%]\}\}|\{%[^\n{}]{0,300}%\}|<!--[^\n]{0,2000}?-->)"
    r"[ \t]*\n?",
    re.MULTILINE,
)


def _without_markdown(text: str) -> str:
    if "{{" in text or "{%" in text or "<!--" in text:
        text = _TEMPLATE_LINE.sub("", text)
    if "\u0336" in text or "\u0335" in text:
        text = _STRUCK_LETTERS.sub(_struck_as_markdown, text)
    if "~~" in text:
        text = _MARKDOWN_STRUCK.sub("", _MARKDOWN_STRUCK_ITEM.sub("", text))
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub("", text))
    if "[" in text:
        text = _MARKDOWN_TASK.sub(r"\1", text)
    if _MARKDOWN_HEADING.search(text):
        text = _MARKDOWN_QUOTE.sub("", _MARKDOWN_HEADING.sub("", text))
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


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


# The longest line read as it stands: a paragraph pasted as one line has a few thousand
# characters. A longer one (a pasted run of digits, a line of dots) is broken at the ends of its
# sentences, else at spaces, else anywhere, so that no pattern ever reads an unbounded line.
MAX_LINE_CHARS = 10_000
_LINE_BREAK_AT = (re.compile(r"[.!?:;](?=[ \t])[ \t]*"), re.compile(r"[ \t]+"))


# Rows copied from a spreadsheet whose cells hold line breaks: such a cell comes in double
# quotes, its own quotes doubled ('"Kampanjen ""Vi bryr oss"""'), its lines on lines of their own.
_MOST_CELL_LINES = 12
# Two parties' names, one a line, in one cell ("Polisen" over "Kommunen"): side by side.
_SHORT_NAME = re.compile(r"[A-ZÅÄÖ][\w-]*(?: [\w-]+){0,2}")


def _party_name(text: str) -> bool:
    return bool(_SHORT_NAME.fullmatch(text) and actor_kind(fold(text)))


def _cell_lines_joined(pieces: list[str]) -> str:
    """A spreadsheet cell's lines as one: after a space, or "/" between two parties' names
    ("Polisen/Kommunen")."""
    joined = ""
    for piece in (piece.strip() for piece in pieces):
        if not piece:
            continue
        if joined and _party_name(joined.rsplit("/", 1)[-1]) and _party_name(piece):
            joined += "/" + piece
        else:
            joined = f"{joined} {piece}" if joined else piece
    return joined


def _quoted_cell(lines: list[str], position: int, at: int) -> tuple[str, int, int] | None:
    """The quoted cell opening at lines[position][at] ('"'): its text unquoted, its lines
    joined, and where it ends (line, offset after its closing quote); None when it is no
    such cell (its quote closes before anything but a tab or the line's end, or never)."""
    first, line, at = position, lines[position], at + 1
    pieces, chunk = [], []
    while True:
        quote = line.find('"', at)
        if quote < 0:
            pieces.append("".join(chunk) + line[at:])
            chunk = []
            position += 1
            if position >= len(lines) or position - first > _MOST_CELL_LINES:
                return None
            line, at = lines[position], 0
        elif line.startswith('""', quote):
            chunk.append(line[at:quote] + '"')
            at = quote + 2
        else:
            pieces.append("".join(chunk) + line[at:quote])
            at = quote + 1
            if at < len(line) and line[at] != "\t":
                return None
            return _cell_lines_joined(pieces), position, at


def _spreadsheet_row(lines: list[str], index: int) -> tuple[str, int] | None:
    """The row of tab-separated cells starting at lines[index] with its quoted cells' lines
    joined, and the index after it; None unless a quoted cell of it goes over lines."""
    cells: list[str] = []
    position, line, at = index, lines[index], 0
    over_lines = False
    while True:
        if line.startswith('"', at):
            cell = _quoted_cell(lines, position, at)
            if cell is None:
                return None
            text, ended, at = cell
            over_lines = over_lines or ended > position
            position, line = ended, lines[ended]
            cells.append(text)
        else:
            tab = line.find("\t", at)
            end = len(line) if tab < 0 else tab
            cells.append(line[at:end])
            at = end
        if at >= len(line):
            break
        at += 1  # the tab
        if at == len(line):
            cells.append("")  # an empty last cell
            break
    return ("\t".join(cells), position + 1) if over_lines and len(cells) >= 2 else None


def _spreadsheet_cells_joined(text: str) -> str:
    """Rows copied from a spreadsheet (cells set apart by tabs) with each cell that holds line
    breaks, in quotes as a spreadsheet copies it, on one line: '1\t"Trafikkontroller vid
    hamnen' + 'Fokus på mopeder"\tPolisen' gives '1\tTrafikkontroller vid hamnen Fokus på
    mopeder\tPolisen'."""
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        row = (
            _spreadsheet_row(lines, index)
            if '"' in line and ("\t" in line or line.startswith('"'))
            else None
        )
        if row is None:
            result.append(line)
            index += 1
        else:
            result.append(row[0])
            index = row[1]
    return "\n".join(result)


# A mind map exported as text: each node on a line of its own, indented by a tab per level
# under the map's title.
_FEWEST_OUTLINE_NODES = 8
_FEWEST_DEEP_NODES = 3


def _outline_as_items(text: str) -> str:
    """A mind map's outline as the reader reads lists: its branches ("Polisen", "Vårt löfte")
    headings, a node whose children have none an item ("• Hastighetskontroller vid skolorna")
    with its children's words after it, set apart by commas ("…, minst 24 under
    löftesperioden"), and a leaf beside such items an item too. Text that is no such outline
    (nodes deeper than the one above by more than a level, a tab inside a line) is kept."""
    lines = text.split("\n")
    depths: list[int | None] = []
    previous = 0
    for line in lines:
        words = line.lstrip("\t")
        if not words.strip():
            depths.append(None)
            continue
        depth = len(line) - len(words)
        if "\t" in words or depth > previous + 1:
            return text
        depths.append(depth)
        previous = depth
    indented = [depth for depth in depths if depth]
    deep = [depth for depth in indented if depth >= 2]
    if len(indented) < _FEWEST_OUTLINE_NODES or len(deep) < _FEWEST_DEEP_NODES:
        return text
    nodes = [(depth, lines[i].strip()) for i, depth in enumerate(depths) if depth is not None]
    # Whether each node has children, and whether any of those has children.
    children = [
        i + 1 < len(nodes) and nodes[i + 1][0] > depth for i, (depth, _t) in enumerate(nodes)
    ]
    items: set[int] = set()
    for i, (depth, _text) in enumerate(nodes):
        if depth < 2 or not children[i]:
            continue
        end = i + 1
        while end < len(nodes) and nodes[end][0] > depth:
            end += 1
        if not any(children[i + 1 : end]):
            items.add(i)
    parents: list[int] = []
    stack: list[int] = []  # the nodes above the current one, a level each
    for i, (depth, _text) in enumerate(nodes):
        del stack[depth:]
        parents.append(stack[-1] if stack else -1)
        stack.append(i)
    with_items = {parents[i] for i in items}
    result: list[str] = []
    i = 0
    while i < len(nodes):
        depth, words = nodes[i]
        end = i + 1
        while end < len(nodes) and nodes[end][0] > depth:
            end += 1
        if i in items:
            # "Nattvandring i centrum – Föreningen Nattvandrarna": the owner stays last
            owner = owner_after_dash(words)
            joined = words[: owner.start()] if owner else words
            for _depth, detail in nodes[i + 1 : end]:
                joined += (" " if joined.endswith((".", ",", ";", ":")) else ", ") + detail
            result.append(f"• {joined}{words[owner.start() :] if owner else ''}")
            i = end
            continue
        if depth == 1 or children[i]:
            result += ["", words]  # a branch: a heading
        elif depth >= 2 and parents[i] in with_items:
            result.append(f"• {words}")
        else:
            result.append(words)
        i += 1
    return "\n".join(result)


# A form filled in with check boxes, as a word processor's form prints them: "Ansvarig:   ☒
# Polisen   ☐ Kommunen   ☐ Gemensamt   ☐ Annan aktör: ________", "Mål:   ☒ Minst   ☐ Högst
# Antal: 15". A box stands right before its option's words (a table's mark alone in its cell
# is no option).
_CHECKBOX = re.compile(r"[☐□☒☑⊠]|\[[ xX]\]")
_CHECKED = frozenset("☒☑⊠") | {"[x]", "[X]"}
_FEWEST_BOXES = 2
_OPTION_GAP = re.compile(r"[ \t]{2,}")
_EMPTY_FIELD = re.compile(r"[_.…\s–-]*")


def _field_value(text: str) -> str:
    """A field's words, "" when it was left empty ("Antal: ____", "Annan aktör: ________")."""
    label, colon, value = text.partition(":")
    if colon and _EMPTY_FIELD.fullmatch(value):
        return ""
    return text.strip()


def _ticked_line(line: str) -> str | None:
    """A line of check boxes as what was ticked: "Ansvarig: ☒ Polisen ☐ Kommunen" gives
    "Ansvarig: Polisen"; a ticked "Annan aktör: X" gives X, and a field after the options
    ("Antal: 15") is kept. None when nothing was ticked or written after the line's label; the
    line as it is when it is no line of options."""
    boxes = list(_CHECKBOX.finditer(line))
    if len(boxes) < _FEWEST_BOXES:
        return line
    ticked: list[str] = []
    rest: list[str] = []
    for number, box in enumerate(boxes):
        end = boxes[number + 1].start() if number + 1 < len(boxes) else len(line)
        segment = line[box.end() : end]
        if not segment[:1].strip() and not segment[1:2].strip():
            return line  # "☒   " or "☐" over nothing: a mark, no option
        option, *after = _OPTION_GAP.split(segment.strip(), maxsplit=1)
        if box.group() in _CHECKED:
            label, colon, value = option.partition(":")
            ticked.append(value.strip() if colon and _field_value(option) else label.strip())
        if after and (field := _field_value(after[0])):
            rest.append(field)
    label = line[: boxes[0].start()].rstrip()
    if not ticked and not rest and (not label or label.endswith(":")):
        return None
    return "  ".join(part for part in (label, ", ".join(ticked), *rest) if part)


def _ticked_options(text: str) -> str:
    """A form's lines of check boxes as the options ticked (`_ticked_line`)."""
    lines = []
    for line in text.split("\n"):
        if _CHECKBOX.search(line):
            ticked = _ticked_line(line)
            if ticked is None:
                continue
            line = ticked
        lines.append(line)
    return "\n".join(lines)


# A web page's cards copied as text: each label alone on its line over its value ("Vad" over
# "Kontroller av hastighet …", "Vem" over "Polisen", "Hur ofta" over "Minst två gånger i
# månaden"), as a definition list or a card's fields read. Two labels or more running so, one
# after another, in two cards or more, are joined to their values ("Vem: Polisen"); a table's
# header pasted a cell a line ("Ansvarig" over "Mål") and a column's cells ("Ansvarig" over
# "Polisen" over "Kommunen") are no such pairs.
_LONE_LABEL = re.compile(
    r"(?:vad|vem|hur ofta|när|var|ansvarig|ansvar|beskrivning|mål|omfattning|frekvens"
    r"|med vem|tillsammans med|samverkan med)[ \t]*:?",
    re.IGNORECASE,
)
_LONGEST_LONE_LABEL = 20
_FEWEST_CARDS = 2
_FEWEST_CARD_LABELS = 2


def _lone_label(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _LONGEST_LONE_LABEL and bool(_LONE_LABEL.fullmatch(stripped))


def _card_labels_joined(text: str) -> str:
    """A text's cards with each lone label on its value's line (see `_LONE_LABEL`)."""
    lines = text.split("\n")
    count = len(lines)
    paired = [
        index + 1 < count
        and _lone_label(lines[index])
        and bool(lines[index + 1].strip())
        and not _lone_label(lines[index + 1])
        and (index + 2 >= count or not lines[index + 2].strip() or _lone_label(lines[index + 2]))
        for index in range(count)
    ]
    runs: list[tuple[int, int]] = []  # (first label's index, number of labels)
    index = 0
    while index < count:
        if not paired[index]:
            index += 1
            continue
        first = index
        while index < count and paired[index]:
            index += 2
        runs.append((first, (index - first) // 2))
    runs = [run for run in runs if run[1] >= _FEWEST_CARD_LABELS]
    if len(runs) < _FEWEST_CARDS:
        return text
    joined: dict[int, str] = {}
    for first, labels in runs:
        for index in range(first, first + 2 * labels, 2):
            label = lines[index].strip().rstrip(":").rstrip()
            joined[index] = f"{label}: {lines[index + 1].strip()}"
    result = []
    index = 0
    while index < count:
        if index in joined:
            result.append(joined[index])
            index += 2
        else:
            result.append(lines[index])
            index += 1
    return "\n".join(result)


def _bounded_lines(text: str) -> str:
    """`text` with each line longer than MAX_LINE_CHARS broken into lines no longer."""
    lines = text.split("\n")
    if max(map(len, lines)) <= MAX_LINE_CHARS:
        return text
    bounded = []
    for line in lines:
        while len(line) > MAX_LINE_CHARS:
            window = line[: MAX_LINE_CHARS + 1]
            cut = 0
            for pattern in _LINE_BREAK_AT:
                ends = [match.end() for match in pattern.finditer(window, MAX_LINE_CHARS // 2)]
                if ends and (cut := ends[-1]) > 0:
                    break
            cut = min(cut or MAX_LINE_CHARS, MAX_LINE_CHARS)
            bounded.append(line[:cut].rstrip(" \t"))
            line = line[cut:]
        bounded.append(line)
    return "\n".join(bounded)


# A list copied from a PDF whose bullets stand on lines of their own, each item on the next
# line ("•" + "genomföra minst 25 narkotikakontroller …", "1." + "Trygghetsvandring …").
_LONE_BULLET_CHARS = "•·▪●○■‣⁃\uf0b7\uf0a7◆➢✓►▶"
_LONE_BULLET = re.compile(
    rf"^[ \t]*([{_LONE_BULLET_CHARS}]|\d{{1,2}}[.)])[ \t]*\n[ \t]*(?=[^\s{_LONE_BULLET_CHARS}])",
    re.MULTILINE,
)
_FEWEST_LONE_BULLETS = 2


# A letter's head: the sender's name and unit, the letter's fields ("Datum", "Diarienummer",
# "Er referens", "Handläggare" …, often beside the sender in a second column) and the
# recipient's address ending with its postal code and town ("455 80 Munkedal"), above the
# subject line. It holds no promise, heading or activity.
_LETTER_LABEL = re.compile(
    r"(?:datum|ert datum|diarienummer|diarienr|dnr|er referens|var referens|er beteckning"
    r"|var beteckning|beteckning|handlaggare|saknummer|saknr)(?=\s*:|\s{2,}|\s*$)"
)
_LETTER_CELL_GAP = re.compile(r"\t|\s{2,}")
_POSTAL_TOWN = re.compile(r"(?:S-)?\d{3} ?\d{2} [A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)?")
_LETTER_HEAD_LINES = 40
_FEWEST_LETTER_LABELS = 2
_LONGEST_LETTER_HEAD_LINE = 80


def _without_letter_head(text: str) -> str:
    """`text` without a letter's head: its first lines, up to the last one ending with a postal
    code and town, when two of a letter's fields or more stand among them and none of them is
    a sentence (or states the validity)."""
    lines = text.split("\n", _LETTER_HEAD_LINES)[:_LETTER_HEAD_LINES]
    labels: set[str] = set()
    end = None
    for index, line in enumerate(lines):
        cells = [cell for cell in _LETTER_CELL_GAP.split(line.strip()) if cell]
        closed = " ".join(cells)
        if len(closed) > _LONGEST_LETTER_HEAD_LINE or closed.endswith((".", "!", "?")):
            break
        folded = fold(closed)
        if "galler" in folded or "giltig" in folded:
            break
        for cell in cells:
            if label := _LETTER_LABEL.match(fold(cell)):
                labels.add(label.group())
        if cells and _POSTAL_TOWN.fullmatch(cells[-1]):
            end = index
    if end is None or len(labels) < _FEWEST_LETTER_LABELS:
        return text
    return text.split("\n", end + 1)[end + 1] if text.count("\n") > end else ""


def _lone_bullets_joined(text: str) -> str:
    """A list whose bullets stand alone on their lines, each bullet on its item's line."""
    if len(_LONE_BULLET.findall(text, 0, 200_000)) < _FEWEST_LONE_BULLETS:
        return text
    return _LONE_BULLET.sub(lambda match: f"{match.group(1)} ", text)


# An e-mail's source saved as it came ("Received: …", "Content-Transfer-Encoding:
# quoted-printable", "H=C3=A4r kommer …" with "=" ending lines it broke).
_QUOTED_PRINTABLE = re.compile(
    r"^content-transfer-encoding:[ \t]*quoted-printable[ \t]*\r?$", re.IGNORECASE | re.MULTILINE
)
_MAIL_HEADER = re.compile(r"([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]")
_MAIL_HEADERS_KEPT = frozenset({"from", "to", "cc", "date", "subject"})
_MAIL_CHARSET = re.compile(r"charset=\"?([\w.:-]{1,40})", re.IGNORECASE)


def _mail_header(line: str) -> str:
    """A header line with its encoded words ("=?UTF-8?Q?Karin_=C3=96st?=") as their text."""
    name, _colon, value = line.partition(":")
    try:
        value = str(email.header.make_header(email.header.decode_header(value.strip())))
    except (UnicodeError, LookupError, ValueError, email.errors.HeaderParseError):
        value = value.strip()
    return f"{name}: {value}"


def _mail_source(raw: str) -> str:
    """The text an e-mail's source in quoted-printable stands for: its headers but From, To,
    Cc, Date and Subject dropped, those read, and its body decoded (the lines it broke with a
    "=" at their end joined, "=C3=B6" as "ö"); the text as given when it is no such source."""
    text = raw.replace("\r\n", "\n")
    marker = _QUOTED_PRINTABLE.search(text, 0, 20_000)
    blank = text.find("\n\n", marker.end()) if marker else -1
    if blank < 0:
        return raw
    head, body = text[:blank], text[blank + 2 :]
    try:
        data = quopri.decodestring(body.encode("latin-1"))
    except UnicodeEncodeError:
        return raw  # letters beyond what quoted-printable writes: no such source
    charset = _MAIL_CHARSET.search(head)
    try:
        body = data.decode(charset.group(1) if charset else "utf-8")
    except (UnicodeDecodeError, LookupError):
        body = data.decode("cp1252", errors="replace")
    headers: list[str] = []
    keeping = False
    for line in head.split("\n"):
        if header := _MAIL_HEADER.match(line):
            keeping = header.group(1).lower() in _MAIL_HEADERS_KEPT
            if keeping:
                headers.append(line)
        elif line[:1] in (" ", "\t") and keeping:
            headers[-1] += " " + line.strip()  # a header folded onto the next line
        else:
            keeping = False
    headers = [_mail_header(line) for line in headers]
    return "\n".join([*headers, "", body]) if headers else body


# A film's subtitles, WebVTT or SubRip: cues "00:00:31.200 --> 00:00:35.800" (SubRip with a
# comma, "00:00:31,200") each over its lines, a number or a name over the timing, a "WEBVTT"
# header and "NOTE" blocks. Read as the speech they give: the cues' lines joined into running
# text, a paragraph broken where a sentence ends before a pause.
_CUE_TIMING = re.compile(
    r"[ \t]*(?P<start>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3})[ \t]+-->[ \t]+"
    r"(?P<end>(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3})(?:[ \t].{0,200})?"
)
_CUE_TIMING_PRESENT = re.compile(r"^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}[ \t]+-->", re.M)
_FEWEST_CUES = 3
# A cue's markup: a voice "<v Mats Åberg>", "<i>", "</c>", a time "<00:00:12.500>".
_CUE_TAG = re.compile(r"</?[a-z0-9.:_ -][^<>\n]{0,200}>", re.IGNORECASE)
# A cue's sound, alone on its line: "[Lugn musik]", "(applåder)", "♪ … ♪".
_CUE_SOUND = re.compile(r"\[[^\[\]\n]{1,80}\]|\([^()\n]{1,80}\)|♪.{0,200}")
_CUE_DASH = re.compile(r"^[-–—][ \t]+")
_CUE_BLOCK_SKIPPED = re.compile(r"(?:WEBVTT|NOTE|STYLE|REGION)\b")
# A pause between cues, in seconds, after which a sentence ended opens a new paragraph.
_PARAGRAPH_PAUSE = 1.5
_LONGEST_SPOKEN_PARAGRAPH = 1_500


def _seconds(time: str) -> float:
    parts = time.replace(",", ".").split(":")
    return sum(float(part) * 60**power for power, part in enumerate(reversed(parts)))


def _without_subtitles(text: str) -> str:
    paragraphs: list[list[str]] = [[]]
    previous_end = None
    for block in re.split(r"\n[ \t]*\n", text):
        lines = block.strip("\n").split("\n")
        timing = next((k for k, line in enumerate(lines[:3]) if _CUE_TIMING.fullmatch(line)), None)
        if timing is None:
            if lines and not _CUE_BLOCK_SKIPPED.match(lines[0].strip()) and block.strip():
                paragraphs.append([" ".join(line.strip() for line in lines if line.strip())])
                paragraphs.append([])
            continue
        match = _CUE_TIMING.fullmatch(lines[timing])
        start, end = _seconds(match.group("start")), _seconds(match.group("end"))
        words = []
        for line in lines[timing + 1 :]:
            line = _CUE_DASH.sub("", _CUE_TAG.sub("", line).strip())
            if line and not _CUE_SOUND.fullmatch(line):
                words.append(line)
        if not words:
            continue
        spoken = paragraphs[-1]
        ended = bool(spoken) and spoken[-1].endswith((".", "!", "?"))
        paused = previous_end is not None and start - previous_end >= _PARAGRAPH_PAUSE
        if ended and (paused or sum(map(len, spoken)) > _LONGEST_SPOKEN_PARAGRAPH):
            paragraphs.append([])
        paragraphs[-1].extend(words)
        previous_end = end
    return "\n\n".join(" ".join(words) for words in paragraphs if words) + "\n"


# A meeting's recording transcribed (Microsoft Teams, Word's "Transkribera") and saved as
# text: each turn a line "Karin Lindqvist   0:04" (who speaks, then when) over what is said,
# the recording's name, date and length above the first ("…-Mötesinspelning", "11 februari
# 2026, 10:15AM", "12m 47s"), and "Karin Lindqvist startade transkriberingen" around them.
_SPEAKER_LINE = re.compile(
    r"[ \t]*(?P<who>[A-ZÅÄÖÉ][\w'.-]{0,40}(?:[ \t][A-ZÅÄÖÉ][\w'.-]{0,40}){0,3}"
    r"(?:[ \t]\([^()\n]{1,40}\))?)[ \t]+(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2})[ \t]*"
)
_SPEAKER_PRESENT = re.compile(r"^[ \t]*[A-ZÅÄÖÉ][^\n]{0,120}?[ \t]\d{1,2}:\d{2}[ \t]*$", re.M)
_FEWEST_SPEAKER_LINES = 3
_TRANSCRIPT_NOTICE = re.compile(
    r"[^\n]{2,80}\b(?:startade|stoppade|avslutade|pausade) transkriberingen|"
    r"[^\n]{2,80}\b(?:started|stopped|paused) transcription",
    re.IGNORECASE,
)
_RECORDING_HEAD = re.compile(
    r"[^\n]{0,200}-(?:Mötesinspelning|Mötesavskrift|Meeting Recording|Meeting Transcript)|"
    r"(?:\d{1,2}h[ \t]?)?\d{1,2}m[ \t]?\d{1,2}s|"
    r"\d{1,2}[ \t]+[a-zåäö]+[ \t]+\d{4},?[ \t]+\d{1,2}[:.]\d{2}[ \t]*(?:[AP]M|[ap]\.m\.)?",
    re.IGNORECASE,
)
# A speaker's fillers ("eh", "ehm", "öh") and a sentence broken off to be said again
# ("Polisen ska genomföra minst tjugo, eh, nej, vänta.", "Jag tar om den.").
_FILLER = re.compile(r"(?:,[ \t]*)?\b(?:eh|ehm|öh|öhm|äh|ähm|hmm?)\b,?[ \t]*", re.IGNORECASE)
_LONGEST_SPOKEN_HEADING = 6
_SPOKEN_SENTENCE = re.compile(r"[^.!?]*[.!?]+|[^.!?]+$")
_BROKEN_OFF = re.compile(
    r"(?:,|\b(?:nej|nä))[ \t]*(?:nej,?[ \t]*)?(?:vänta|stopp|förlåt|jag läste fel)[.!]?[ \t]*$|"
    r"\bjag (?:tar|gör|läser) om (?:den|det|den där|det där|meningen)\b|\bjag börjar om\b",
    re.IGNORECASE,
)


def _said(words: str) -> tuple[str, bool]:
    """What a turn says, its fillers and the sentences broken off to be said again left out,
    and whether a sentence was so broken off."""
    sentences = _SPOKEN_SENTENCE.findall(words)
    kept = "".join(sentence for sentence in sentences if not _BROKEN_OFF.search(sentence))
    broken = len(kept) < len("".join(sentences))
    said = _FILLER.sub(lambda m: " " if m.group().startswith(",") else "", kept)
    said = re.sub(r"[ \t]{2,}", " ", said).strip()
    if len(said.split()) <= _LONGEST_SPOKEN_HEADING and said.count(".") == 1 and said[-1] == ".":
        said = said[:-1]  # a heading read aloud: "Det här gör polisen."
    return said[:1].upper() + said[1:], broken


def _without_speaker_lines(text: str) -> str:
    """A transcript (three lines "Name   m:ss" or more, each over what is said, their times in
    order) as its turns, a paragraph each; the recording's head and the transcription's notices
    dropped. The text as it is when it is no such transcript."""
    lines = text.split("\n")
    speakers = [
        k
        for k, line in enumerate(lines)
        if len(line) <= 160
        and _SPEAKER_LINE.fullmatch(line)
        and k + 1 < len(lines)
        and lines[k + 1].strip()
        and not _SPEAKER_LINE.fullmatch(lines[k + 1])
    ]
    if len(speakers) < _FEWEST_SPEAKER_LINES:
        return text
    matches = [_SPEAKER_LINE.fullmatch(lines[k]) for k in speakers]
    times = [_seconds(match.group("time")) for match in matches]
    if any(later < earlier for earlier, later in zip(times, times[1:], strict=False)):
        return text  # a programme's times, or a list's
    if len({match.group("who") for match in matches}) == len(matches):
        return text  # no one speaks twice: a programme's items ("Fika   14:00"), no turns
    first = speakers[0]
    head = [
        line
        for line in lines[:first]
        if line.strip()
        and not _RECORDING_HEAD.fullmatch(line.strip())
        and not _TRANSCRIPT_NOTICE.fullmatch(line.strip())
    ]
    paragraphs = ["\n".join(head)] if head else []
    starts = set(speakers)
    turn: list[str] = []
    repairing = False  # after a sentence broken off, until it is said again
    for k in range(first, len(lines) + 1):
        line = lines[k].strip() if k < len(lines) else ""
        if k in starts or k == len(lines):
            said, broken = _said(" ".join(turn)) if turn else ("", False)
            short = len(said.split()) <= _LONGEST_SPOKEN_HEADING
            if said and not (repairing and short):
                # ("Det står tjugofem." and "Ja, förlåt." between: the repair's, dropped)
                paragraphs.append(said)
            repairing = broken or repairing and short
            turn = []
        elif line and not _TRANSCRIPT_NOTICE.fullmatch(line):
            turn.append(line)
    return "\n\n".join(paragraphs) + "\n"


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


# A calendar saved as an iCalendar file (.ics) and opened as text: "BEGIN:VCALENDAR", its
# name and description ("X-WR-CALNAME:", "X-WR-CALDESC:"), and each activity an event between
# "BEGIN:VEVENT" and "END:VEVENT" with its "SUMMARY:", "DESCRIPTION:" and "ORGANIZER;CN=…:";
# a line longer than 75 octets folded onto lines starting with a space, "\n", "\," and "\;"
# escaped in its values.
_ICALENDAR_PRESENT = re.compile(r"\s*BEGIN:VCALENDAR[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_ICAL_FOLD = re.compile(r"\r?\n[ \t]")
_ICAL_LINE = re.compile(
    r"(?P<name>[A-Za-z0-9-]{1,60})(?P<params>(?:;[^:;\"]*(?:\"[^\"]*\"[^:;\"]*)*)*):(?P<value>.*)"
)
_ICAL_PARAMETER = re.compile(r";([A-Za-z-]{1,40})=(\"[^\"]*\"|[^;:\"]*)")
_ICAL_ESCAPE = re.compile(r"\\([nN,;:\\])")
# A label opening a line of an event's description: "Ansvarig: Polisen", "Mål: minst 12".
_DESCRIPTION_LABEL = re.compile(r"[A-ZÅÄÖ][\wåäö /.-]{1,30}:\s")


def _ical_text(value: str) -> str:
    return _ICAL_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _ical_event(properties: dict[str, tuple[str, str]]) -> list[str]:
    """An event as a block of labelled lines: "Aktivitet: " its summary, "Beskrivning: " its
    description (a line of it that opens with a label on a line of its own) and "Arrangör: "
    its organiser's name."""
    summary = _ical_text(properties.get("SUMMARY", ("", ""))[1]).strip()
    description = _ical_text(properties.get("DESCRIPTION", ("", ""))[1]).strip()
    if not summary:
        # no title: the description's first line is what is done
        summary, _break, description = description.partition("\n")
        summary = summary.strip()
    if not summary:
        return []
    lines = [f"Aktivitet: {summary}"]
    described = False
    for line in description.split("\n"):
        line = line.strip()
        if not line:
            continue
        if _DESCRIPTION_LABEL.match(line) or not described:
            lines.append(line if _DESCRIPTION_LABEL.match(line) else f"Beskrivning: {line}")
            described = described or not _DESCRIPTION_LABEL.match(line)
        else:
            lines[-1] += f" {line}"
    if organizer := properties.get("ORGANIZER"):
        name = dict(_ICAL_PARAMETER.findall(organizer[0])).get("CN", "")
        if name := _ical_text(name.strip('"')).strip():
            lines.append(f"Arrangör: {name}")
    return ["", *lines]


def _icalendar(raw: str) -> str:
    """The text an iCalendar file stands for: the calendar's name and description, then each
    event as a block of labelled lines (see `_ical_event`); its time zones, alarms, dates and
    repetition rules are dropped (when the activities are done is not what they are)."""
    lines: list[str] = []
    components: list[str] = []
    event: dict[str, tuple[str, str]] = {}
    for line in _ICAL_FOLD.sub("", raw).replace("\r\n", "\n").split("\n"):
        match = _ICAL_LINE.fullmatch(line.rstrip("\r"))
        if not match:
            continue
        name, params, value = (
            match.group("name").upper(),
            match.group("params"),
            match.group("value"),
        )
        if name == "BEGIN":
            components.append(value.strip().upper())
            event = {}
        elif name == "END":
            if components and components.pop() == "VEVENT":
                lines += _ical_event(event)
        elif components and components[-1] == "VEVENT":
            event.setdefault(name, (params, value))
        elif components == ["VCALENDAR"] and name in ("X-WR-CALNAME", "NAME"):
            lines[:0] = [_ical_text(value).strip(), ""]
        elif components == ["VCALENDAR"] and name in ("X-WR-CALDESC", "DESCRIPTION"):
            lines += ["", *_ical_text(value).strip().split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


# A document exported as JSON (a planning tool's or a portal's export pasted as it is): its
# objects' fields read as labelled lines, the keys written out as words ("giltigFran": "Giltig
# från:", "mal": "Mål:"), an activity's record as a block "Aktivitet: …", "Ansvarig: …", "Mål:
# …", a group of activities under a title in a list of focus areas as "Fokusområde 1: …".
_JSON_START = re.compile(r"^[ \t]*[\[{][ \t]*$|^[ \t]*\{[ \t]*\"", re.MULTILINE)
_JSON_KEY_PART = re.compile(r"[A-ZÅÄÖ]?[a-zåäö0-9]+|[A-ZÅÄÖ]+(?![a-zåäö])")
# Words of a key as ASCII writes them, with their letters.
_JSON_SPELLING = {
    "mal": "mål",
    "malvarde": "målvärde",
    "malsattning": "målsättning",
    "lofte": "löfte",
    "loftet": "löftet",
    "loften": "löften",
    "loftena": "löftena",
    "fran": "från",
    "omrade": "område",
    "omraden": "områden",
    "fokusomrade": "fokusområde",
    "fokusomraden": "fokusområden",
    "insatsomrade": "insatsområde",
    "insatsomraden": "insatsområden",
    "atgard": "åtgärd",
    "atgarder": "åtgärder",
    "uppfoljning": "uppföljning",
    "lagesbild": "lägesbild",
    "kalla": "källa",
    "agare": "ägare",
    "galler": "gäller",
    "andrad": "ändrad",
    "ar": "år",
    "manad": "månad",
    "nar": "när",
    "forvaltning": "förvaltning",
    "lokalpolisomrade": "lokalpolisområde",
    "medborgarlofte": "medborgarlöfte",
    "medborgarloftet": "medborgarlöftet",
}
_JSON_TITLE = re.compile(r"titel|title|namn|name|rubrik|heading|rubriken")
_JSON_PROMISE = re.compile(r"(?:medborgar)?lofte(?:t|text| text)?|promise|lofte formulering")
_JSON_ACTIVITY = re.compile(r"aktivitet|aktiviteten|atgard|insats|activity|action|uppgift|task")
_JSON_DESCRIPTION = re.compile(r"beskrivning|description|text|vad")
_JSON_OWNER = re.compile(r"ansvarig|ansvar|ansvarar|agare|owner|responsible|vem|utfors av")
_JSON_PARTNERS = re.compile(
    r"samverkan|samverkans ?part(?:er|ner)?|partner|partners|tillsammans med|i samverkan med"
)
_JSON_TARGET = re.compile(
    r"mal|malvarde|malsattning|frekvens|omfattning|antal|hur ofta|target|frequency"
)
# A list whose records are activities: "aktiviteter", "atgarder", "activities".
_JSON_ACTIVITIES = re.compile(r"aktiviteter|atgarder|insatser|activities|actions|uppgifter|tasks")
# A list of groups whose titles are promises: "fokusomraden": [{"rubrik": …, "aktiviteter": …}].
_JSON_AREAS = {
    "fokusomraden": "Fokusområde",
    "omraden": "Område",
    "insatsomraden": "Insatsområde",
    "loftesomraden": "Löftesområde",
    "loften": "Löfte",
    "loftena": "Löfte",
    "promises": "Löfte",
    "focus areas": "Fokusområde",
}
_JSON_NUMBER_KEY = re.compile(r"nr|nummer|number|no|id")
_JSON_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_JSON_DEEPEST = 12


def _json_label(key: str) -> str:
    """A key written out as words: "giltigFran" "Giltig från", "mal_2026" "Mål 2026"."""
    words = [word.lower() for word in _JSON_KEY_PART.findall(key)]
    words = [_JSON_SPELLING.get(word, word) for word in words]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


def _json_free_text(value: object) -> bool:
    """Whether a field's value is words to show (not an id, a code, an address or a number)."""
    return (
        isinstance(value, str)
        and (" " in value.strip() or bool(_JSON_DATE.fullmatch(value.strip())))
        and "://" not in value
        and "@" not in value
    )


def _json_scalar_text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(" ".join(v.split()) for v in value if v.strip())
    return ""


def _json_nested(value: object) -> bool:
    """Whether a field holds records (an object, or a list of objects) of its own."""
    return (
        isinstance(value, dict)
        and bool(value)
        or (isinstance(value, list) and any(isinstance(v, dict) for v in value))
    )


def _json_record(record: dict, lines: list[str], activities: bool) -> None:
    """An activity's record as a block of labelled lines, its other fields dropped."""
    fields = {fold(_json_label(key)): value for key, value in record.items()}
    what = next((k for k in fields if _JSON_ACTIVITY.fullmatch(k)), None)
    if what is None and activities:
        what = next((k for k in fields if _JSON_TITLE.fullmatch(k)), None)
    described = next((k for k in fields if _JSON_DESCRIPTION.fullmatch(k)), None)
    if what is None and described is None:
        # no activity: its words on one line ("Kontakt: Sara Holm, kommunpolis, 114 14")
        words = [_json_scalar_text(v) for v in record.values() if isinstance(v, str | list)]
        if words := [w for w in words if w]:
            lines.append(", ".join(words))
        return
    block = [f"Aktivitet: {_json_scalar_text(fields[what or described])}"]
    if what and described and (text := _json_scalar_text(fields[described])):
        block.append(f"Beskrivning: {text}")
    for pattern, label in (
        (_JSON_OWNER, "Ansvarig"),
        (_JSON_TARGET, None),
        (_JSON_PARTNERS, "Samverkanspart"),
    ):
        for key, value in fields.items():
            if pattern.fullmatch(key) and (text := _json_scalar_text(value)):
                block.append(f"{label or _json_label(key)}: {text}")
    lines += ["", *block]


def _json_lines(value: object, key: str, lines: list[str], depth: int) -> None:
    """`value`, the field `key` of a JSON document, as lines of text (appended to `lines`)."""
    if depth > _JSON_DEEPEST:
        return
    folded = fold(_json_label(key)) if key else ""
    if isinstance(value, dict):
        scalars = [_json_scalar_text(v) for v in value.values() if _json_free_text(v)]
        if key and all(not isinstance(v, dict | list) or v == [] for v in value.values()):
            # a record of a few words: "parter": {"polis": …, "kommun": …} on one line; two
            # dates a period: "giltighet": {"fran": "2026-05-01", "till": "2027-04-30"}
            dates = len(scalars) == 2 and all(_JSON_DATE.fullmatch(v) for v in scalars)
            if scalars:
                lines.append(f"{_json_label(key)}: {(' – ' if dates else ', ').join(scalars)}")
            return
        if key:
            lines += ["", _json_label(key)]
        for name, field in value.items():
            _json_lines(field, name, lines, depth + 1)
        return
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        area = _JSON_AREAS.get(folded)
        activities = bool(_JSON_ACTIVITIES.fullmatch(folded))
        if key and not area:
            lines += ["", f"{_json_label(key)}:" if activities else _json_label(key)]
        for number, record in enumerate(value, 1):
            if area or any(_json_nested(v) for v in record.values()):
                # a group: its title (a promise under a list of focus areas), then its fields
                fields = {fold(_json_label(k)): v for k, v in record.items()}
                title = next((v for k, v in fields.items() if _JSON_TITLE.fullmatch(k)), None)
                if isinstance(title, str) and title.strip():
                    numbered = next(
                        (v for k, v in fields.items() if _JSON_NUMBER_KEY.fullmatch(k)), number
                    )
                    name = " ".join(title.split())
                    lines += ["", f"{area} {numbered}: {name}" if area else name]
                for name, field in record.items():
                    if not _JSON_TITLE.fullmatch(fold(_json_label(name))):
                        _json_lines(field, name, lines, depth + 1)
            else:
                _json_record(record, lines, activities)
        return
    if not key or not _json_free_text(value) and not isinstance(value, list):
        return  # numbers, ids, codes, addresses: no words to read
    text = _json_scalar_text(value)
    if not text:
        return
    if _JSON_TITLE.fullmatch(folded):
        lines += [text, ""]
    elif _JSON_PROMISE.fullmatch(folded):
        lines += ["", f"Löftet: {text}", ""]
    else:
        lines.append(f"{_json_label(key)}: {text}")


# A map's data as GeoJSON (a municipality's open-data map of the promise's places): its
# features' "properties" are the records (an activity, its owner, its place), their geometry
# (coordinates, never a target) and the reference system dropped, the collection's own
# "metadata" or "properties" (its title, validity and promise) read as the document's fields.
_GEOJSON_DROPPED = frozenset({"type", "features", "crs", "bbox"})


def _geojson_records(value: dict) -> dict:
    features = value.get("features")
    records = [
        feature["properties"]
        for feature in (features if isinstance(features, list) else [])
        if isinstance(feature, dict) and isinstance(feature.get("properties"), dict)
    ]
    kept: dict = {}
    for key, field in value.items():
        if key in _GEOJSON_DROPPED:
            continue
        if key in ("metadata", "properties") and isinstance(field, dict):
            kept.update(field)  # the collection's own fields: its title, validity, promise
        else:
            kept[key] = field
    activities = any(
        _JSON_ACTIVITY.fullmatch(fold(_json_label(key))) for record in records for key in record
    )
    kept["aktiviteter" if activities else "platser"] = records
    return kept


def _json_document(raw: str) -> str:
    """The text a JSON document stands for (see `_json_lines`), with any text before and after
    it; the text as given when it holds no JSON object from a line's start."""
    start = _JSON_START.search(raw, 0, 20_000)
    if not start:
        return raw
    at = raw.index("{" if "{" in raw[start.start() : start.end()] else "[", start.start())
    try:
        value, end = json.JSONDecoder().raw_decode(raw, at)
    except (ValueError, RecursionError):
        return raw
    if not isinstance(value, dict | list) or end - at < 40:
        return raw
    if isinstance(value, dict) and value.get("type") == "FeatureCollection":
        value = _geojson_records(value)
    lines: list[str] = []
    _json_lines(value, "", lines, 0)
    return f"{raw[:at]}{chr(10).join(lines).strip()}\n{raw[end:]}"


# A document exported as XML (a planning system's export, an open-data file): read as the
# JSON document its elements stand for, each element a field named by its tag (its namespace
# left out), its attributes fields too, and an element whose children share one tag ("<aktiviteter>"
# over "<aktivitet>" …) a list of them. A document type (which may declare entities) or an
# XHTML page is left to the other readings.
_XML_START = re.compile(r"\A\ufeff?\s*<\?xml\b")


def _xml_value(element: ElementTree.Element, depth: int) -> object:
    """The JSON value an element stands for: its text, or its fields."""
    children = list(element)
    if not children and not element.attrib:
        return (element.text or "").strip()
    fields: dict[str, object] = {
        name.rpartition("}")[2]: value for name, value in element.attrib.items()
    }
    if depth >= _JSON_DEEPEST:
        return fields
    tags = [child.tag.rpartition("}")[2] for child in children]
    if len(set(tags)) == 1 and (len(tags) > 1 or not element.attrib):
        items = [_xml_value(child, depth + 1) for child in children]
        if not fields:
            return items
        fields[tags[0]] = items
        return fields
    for tag, child in zip(tags, children, strict=True):
        fields.setdefault(tag, _xml_value(child, depth + 1))
    return fields


# A translation file sent to or back from a translator (XLIFF 1.2 or 2.0: "<trans-unit>" or
# "<segment>" each with its "<source>" and "<target>"): read as the document it was made from,
# each unit's source text a line, the translations, the translators' notes and the file's
# header dropped.
_XLIFF_UNITS = frozenset({"trans-unit", "segment"})


def _xliff_source(root: ElementTree.Element) -> str:
    lines = []
    for element in root.iter():
        if element.tag.rpartition("}")[2] not in _XLIFF_UNITS:
            continue
        for child in element:
            if child.tag.rpartition("}")[2] == "source":
                lines.append(" ".join("".join(child.itertext()).split()))
                break
    # each unit a paragraph (or a list item) of its own
    return f"{(chr(10) * 2).join(line for line in lines if line)}\n"


# A Word document saved as XML ("Word XML-dokument", a package of its parts in one file,
# "<pkg:package>"; or Word 2003's "<w:wordDocument>"): read as the document, each paragraph
# ("<w:p>") a line of its runs' words, a list's paragraph ("<w:numPr>", "<w:listPr>") a "•"
# item, a table's row its cells separated by tabs; the deleted text of tracked changes
# ("<w:delText>"), the comments, the styles and the properties, the other parts, dropped.
_WORD_ROOTS = frozenset({"package", "document", "wordDocument"})
_WORD_BLOCKS = frozenset({"body", "sect", "sub-section", "sdt", "sdtContent", "customXml", "ins"})
_WORD_LIST_MARKS = frozenset({"numPr", "listPr"})
_WORD_SKIPPED = frozenset({"del", "moveFrom", "delText", "instrText", "footnoteReference"})


def _word_namespace(tag: str) -> bool:
    return "wordprocessingml" in tag or "office/word" in tag


def _word_run_text(element: ElementTree.Element, pieces: list[str], depth: int = 0) -> None:
    for child in element:
        tag = child.tag.rpartition("}")[2]
        if tag in _WORD_SKIPPED or depth > _JSON_DEEPEST:
            continue
        if tag == "t":
            pieces.append(child.text or "")
        elif tag == "tab":
            pieces.append("\t")
        elif tag in ("br", "cr"):
            pieces.append(" ")
        elif tag != "pPr":
            _word_run_text(child, pieces, depth + 1)


def _word_blocks(element: ElementTree.Element, lines: list[str], depth: int = 0) -> None:
    for child in element:
        tag = child.tag.rpartition("}")[2]
        if depth > _JSON_DEEPEST or not _word_namespace(child.tag) and tag != "sect":
            continue
        if tag == "p":
            pieces: list[str] = []
            _word_run_text(child, pieces)
            line = " ".join("".join(pieces).replace("\t", "\x00").split()).replace("\x00", "\t")
            properties = next((c for c in child if c.tag.rpartition("}")[2] == "pPr"), None)
            listed = properties is not None and any(
                c.tag.rpartition("}")[2] in _WORD_LIST_MARKS for c in properties
            )
            lines.append(f"• {line}" if listed and line else line)
        elif tag == "tbl":
            lines.append("")  # a table is no item's continuation
            for row in child:
                if row.tag.rpartition("}")[2] != "tr":
                    continue
                cells = []
                for cell in row:
                    if cell.tag.rpartition("}")[2] == "tc":
                        inner: list[str] = []
                        _word_blocks(cell, inner, depth + 1)
                        cells.append(" ".join(" ".join(inner).split()))
                lines.append("\t".join(cells))
            lines.append("")
        elif tag in _WORD_BLOCKS:
            _word_blocks(child, lines, depth + 1)


def _word_xml(root: ElementTree.Element) -> str | None:
    """A Word document's text, or None when the XML is no Word document."""
    body = None
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "body" and _word_namespace(element.tag):
            body = element
            break
    if body is None:
        return None
    lines: list[str] = []
    _word_blocks(body, lines)
    return f"{chr(10).join(lines).strip()}\n"


def _xml_document(raw: str) -> str:
    """The text an XML document stands for (see `_json_lines`); the text as given when it is
    no XML document this reading takes."""
    if "<!DOCTYPE" in raw or "<!ENTITY" in raw:
        return raw
    try:
        root = ElementTree.fromstring(raw.lstrip("\ufeff \t\r\n"))
    except (ElementTree.ParseError, ValueError, RecursionError):
        return raw
    if root.tag.rpartition("}")[2].casefold() == "html":
        return raw
    if root.tag.rpartition("}")[2].casefold() == "xliff":
        return _xliff_source(root)
    if root.tag.rpartition("}")[2] in _WORD_ROOTS:
        text = _word_xml(root)
        if text is not None:
            return text
    value = _xml_value(root, 0)
    if not isinstance(value, dict | list):
        return raw
    lines: list[str] = []
    _json_lines(value, "", lines, 0)
    return f"{chr(10).join(lines).strip()}\n"


# A static site's page source (Hugo, Jekyll, Decap CMS): a YAML header between two "---" lines
# over the page's Markdown, its fields (the title, the validity, the promise, a list of the
# activities with their owners and targets) read as a JSON document's are.
_FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*---[ \t]*\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# "giltig_fran: 2026-04-01", "aktiviteter:" (the reader's lines are stripped of spaces)
_YAML_KEY = re.compile(
    r"(?P<key>\w[\w.-]{0,60}(?: [\w.-]{1,60}){0,3})[ \t]*:(?:[ \t]+(?P<value>\S.*))?"
)
_YAML_KEY_LINE = re.compile(
    r"^\w[\w.-]{0,60}(?: [\w.-]{1,60}){0,3}[ \t]*:(?:[ \t]|$)", re.MULTILINE
)
_YAML_BLOCK_SCALAR = re.compile(r"[|>][+-]?")
_YAML_COMMENT = re.compile(r"[ \t]+#.*")
_YAML_INT = re.compile(r"[+-]?\d{1,18}")
_YAML_NUMBER = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?")
_FEWEST_YAML_KEYS = 2
_YAML_DEEPEST = 24
_LONGEST_FRONT_MATTER = 200_000


def _yaml_quoted(text: str) -> str:
    """A quoted YAML scalar's words: "…" with its escapes read, '…' with '' for '."""
    if text[:1] == "'":
        return text[1:-1].replace("''", "'") if len(text) > 1 and text[-1] == "'" else text[1:]
    inner = text[1:-1] if len(text) > 1 and text.endswith('"') else text[1:]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), inner)


def _yaml_flow_items(text: str) -> list[str]:
    """The items of a flow collection's inside ("a, 'b, c', d"), split at commas outside quotes."""
    items, quote, begin = [], "", 0
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == ",":
            items.append(text[begin:at].strip())
            begin = at + 1
    items.append(text[begin:].strip())
    return [item for item in items if item]


def _yaml_scalar(text: str) -> object:
    """A YAML value written on one line: quoted or plain words, a flow list or mapping, a
    number, a truth value or nothing."""
    text = text.strip()
    if text[:1] in "'\"":
        return _yaml_quoted(text)
    text = _YAML_COMMENT.sub("", text)
    if text.startswith("[") and text.endswith("]"):
        return [_yaml_scalar(item) for item in _yaml_flow_items(text[1:-1])]
    if text.startswith("{") and text.endswith("}"):
        pairs = (item.partition(":") for item in _yaml_flow_items(text[1:-1]))
        return {key.strip(): _yaml_scalar(value) for key, _colon, value in pairs if key.strip()}
    if text in {"", "~", "null", "Null", "NULL"}:
        return None
    if text in {"true", "True", "TRUE", "false", "False", "FALSE"}:
        return text.lower() == "true"
    if _YAML_INT.fullmatch(text):
        return int(text)
    if _YAML_NUMBER.fullmatch(text):
        return float(text)
    return text


class _YamlReader:
    """The YAML of a page's header, as much of it as such headers use: mappings and lists by
    their indentation, plain, quoted and block ("|", ">-") scalars, flow lists and comments.
    Each line is looked at once; blocks nested deeper than `_YAML_DEEPEST` are skipped."""

    def __init__(self, text: str) -> None:
        self.lines = [
            (len(line) - len(line.lstrip(" ")), line.strip())
            for line in text.split("\n")
            if line.strip() and not line.lstrip().startswith("#")
        ]
        self.raw = text.split("\n")
        self.at = 0

    def _skip(self, indent: int) -> None:
        while self.at < len(self.lines) and self.lines[self.at][0] > indent:
            self.at += 1

    def block(self, above: int, depth: int) -> object:
        """The value whose lines are indented more than `above`, from the current line."""
        if (
            self.at >= len(self.lines)
            or self.lines[self.at][0] <= above
            and not (
                self.lines[self.at][1].startswith("-") and self.lines[self.at][0] == above >= 0
            )
        ):
            return None
        indent = self.lines[self.at][0]
        if depth > _YAML_DEEPEST:
            self._skip(above)
            return None
        if self.lines[self.at][1] == "-" or self.lines[self.at][1].startswith("- "):
            return self._sequence(indent, depth)
        if _YAML_KEY.fullmatch(self.lines[self.at][1]):
            return self._mapping(indent, depth)
        words = []
        while self.at < len(self.lines) and self.lines[self.at][0] > above:
            words.append(self.lines[self.at][1])
            self.at += 1
        return _yaml_scalar(" ".join(words))

    def _sequence(self, indent: int, depth: int) -> list:
        items: list = []
        while self.at < len(self.lines):
            column, line = self.lines[self.at]
            if column != indent or not (line == "-" or line.startswith("- ")):
                break
            rest = line[1:].strip()
            if not rest:
                self.at += 1
                items.append(self.block(indent, depth + 1))
                continue
            # "- rubrik: …" opens a mapping whose keys stand where "rubrik" does
            self.lines[self.at] = (column + len(line) - len(rest), rest)
            if _YAML_KEY.fullmatch(rest) or rest.startswith("- "):
                items.append(self.block(indent, depth + 1))
            else:
                items.append(self._value(rest, column))
        return items

    def _mapping(self, indent: int, depth: int) -> dict:
        fields: dict = {}
        while self.at < len(self.lines):
            column, line = self.lines[self.at]
            match = _YAML_KEY.fullmatch(line) if column == indent else None
            if not match:
                break
            key, value = match.group("key"), match.group("value")
            if value is None or value.startswith("#"):
                self.at += 1
                fields[key] = self.block(indent, depth + 1)
            else:
                fields[key] = self._value(value, indent)
        return fields

    def _value(self, value: str, indent: int) -> object:
        """A value after its key or its dash, on the current line and any lines that go on
        from it (indented more than `indent`)."""
        self.at += 1
        if _YAML_BLOCK_SCALAR.fullmatch(value):
            lines = []
            while self.at < len(self.lines) and self.lines[self.at][0] > indent:
                lines.append(self.lines[self.at][1])
                self.at += 1
            return ("\n" if value[0] == "|" else " ").join(lines)
        words = [value]
        while self.at < len(self.lines) and self.lines[self.at][0] > indent:
            words.append(self.lines[self.at][1])  # a plain or quoted value wrapped over lines
            self.at += 1
        return _yaml_scalar(" ".join(words))


def _front_matter(raw: str) -> str:
    """The text a page's source stands for: its YAML header's fields as lines (see
    `_json_lines`) over the page's own text; the text as given without such a header."""
    opening = _FRONT_MATTER.match(raw)
    if not opening:
        return raw
    end = _FRONT_MATTER_END.search(raw, opening.end(), opening.end() + _LONGEST_FRONT_MATTER)
    if not end:
        return raw
    header = raw[opening.end() : end.start()]
    if not _site_fields(header):
        return raw
    lines = _yaml_lines(header)
    if lines is None:
        return raw
    return f"{chr(10).join(lines).strip()}\n\n{raw[end.end() :].lstrip(chr(10))}"


def _site_fields(yaml: str) -> bool:
    """Whether YAML's keys are a site's or a system's fields ("title:", "giltig_fran:"), not a
    text's own labels ("Kommun: Mullsjö", "Period: 2025"), which are written with capitals."""
    keys = _YAML_KEY_LINE.findall(yaml, 0, 20_000)
    lower = sum(1 for key in keys if key[0].islower())
    return lower >= _FEWEST_YAML_KEYS and lower >= len(keys) - lower


def _yaml_lines(yaml: str) -> list[str] | None:
    """YAML's mapping as lines of text (see `_json_lines`); None when it holds no mapping."""
    value = _YamlReader(yaml).block(-1, 0)
    if not isinstance(value, dict) or not value:
        return None
    lines: list[str] = []
    _json_lines(value, "", lines, 0)
    return lines


# A data file in YAML from a site's or a system's source ("data/medborgarlofte.yml"), read as
# a page's YAML header is: comment lines at its top, then only keys at the margin ("titel: …",
# "aktiviteter:") over indented values, among them a list of records ("  - titel: …").
_YAML_MARGIN_LINE = re.compile(r"^[^ \t\n#-].*$", re.MULTILINE)
_YAML_RECORD_LINE = re.compile(r"^[ \t]*- \w[\w.-]{0,60}[ \t]*:(?:[ \t]|$)", re.MULTILINE)
_YAML_LEADING_COMMENTS = re.compile(r"\A\ufeff?(?:[ \t]*(?:#.*)?\n)*")
_FEWEST_YAML_RECORDS = 2
_LONGEST_YAML_DATA = 200_000


def _yaml_data(raw: str) -> str:
    """The text a YAML data file stands for; the text as given when it is no such file."""
    if len(raw) > _LONGEST_YAML_DATA or not _site_fields(raw):
        return raw
    if len(_YAML_RECORD_LINE.findall(raw)) < _FEWEST_YAML_RECORDS:
        return raw
    if any(not _YAML_KEY_LINE.match(line) for line in _YAML_MARGIN_LINE.findall(raw)):
        return raw  # a line of running text at the margin: no data file
    lines = _yaml_lines(raw[_YAML_LEADING_COMMENTS.match(raw).end() :])
    return raw if lines is None else f"{chr(10).join(lines).strip()}\n"


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


def plain_text(raw: str) -> str:
    """The text as given, or the text an RTF document's, an e-mail's, a calendar's or a JSON
    document's source stands for."""
    if _RTF_PRESENT.match(raw):
        return _without_rtf(raw)
    if "BEGIN:" in raw[:2_000] and _ICALENDAR_PRESENT.match(raw, 0, 2_000):
        return _icalendar(raw)
    if raw.lstrip("\ufeff \t").startswith("---"):
        raw = _front_matter(raw)
    elif "<?xml" in raw[:2_000] and _XML_START.match(raw):
        raw = _xml_document(raw)
    elif "{" in raw[:20_000] and '":' in raw[:20_000]:
        raw = _json_document(raw)
    elif "- " in raw[:20_000] and _YAML_KEY_LINE.match(
        raw, _YAML_LEADING_COMMENTS.match(raw).end()
    ):
        raw = _yaml_data(raw)
    return _mail_source(raw) if "uoted-printable" in raw[:20_000] else raw


# An e-mail's reply over the earlier messages it quotes in full, Outlook's way: "-----Ursprungligt
# meddelande-----" (or a rule of underscores over "Från:") over each earlier message. When the
# reply itself holds a list (three items or more: the promise's final text), the earlier
# messages (its drafts, with their older numbers) are no part of it and are dropped.
_EARLIER_MESSAGE = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?:ursprungligt meddelande|original message|originalmeddelande)"
    r"[ \t]*-{3,}|_{10,}[ \t]*\n[ \t]*(?:från|from)[ \t]*:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_FEWEST_REPLY_ITEMS = 3


def _without_earlier_messages(text: str) -> str:
    earlier = _EARLIER_MESSAGE.search(text)
    if earlier and len(_LIST_ITEM.findall(text, 0, earlier.start())) >= _FEWEST_REPLY_ITEMS:
        return text[: earlier.start()]
    return text


# A Word document printed or copied with its formatting marks shown: "¶" ending each paragraph,
# "·" for each space, "→" for each tab, "¤" ending a table's cell and a dotted line saying
# "Sidbrytning" (or "Avsnittsbrytning (nästa sida)", "Kolumnbrytning") where a page breaks.
# When three lines or more end with "¶", the marks are read as what they stand for.
_PILCROW_END = re.compile(r"¶[ \t]*$", re.MULTILINE)
_FEWEST_PILCROWS = 3
_SHOWN_SPACE = re.compile(r"(?<=\S)·+(?=\S)")
_SHOWN_BREAK = re.compile(
    r"^[ \t]*[.·:]{3,}[ \t]*(?:sidbrytning|avsnittsbrytning|kolumnbrytning|page break|"
    r"section break|column break)[^.·:\n]{0,30}[.·:]{3,}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# A page saved from the Internet Archive: the Wayback Machine's toolbar over it ("The Wayback
# Machine - https://web.archive.org/web/2026…/https://…", "37 captures", "14 feb 2026 - 2 sep
# 2026", the calendar's months and years, "About this capture", "COLLECTED BY", its collection,
# "TIMESTAMPS") is no part of the page, down to its last line.
_WAYBACK_HEAD = re.compile(
    r"^[ \t]*The Wayback Machine - https?://web\.archive\.org/\S*[ \t]*\n", re.MULTILINE
)
_WAYBACK_END = re.compile(r"^[ \t]*TIMESTAMPS[ \t]*\n(?:[ \t]*loading[ \t]*\n)?", re.MULTILINE)
_WAYBACK_REACH = 5_000  # the toolbar's text, from its first line to "TIMESTAMPS"


def _without_archive_toolbar(text: str) -> str:
    head = _WAYBACK_HEAD.search(text, 0, _WAYBACK_REACH)
    if head is None:
        return text
    end = _WAYBACK_END.search(text, head.end(), head.end() + _WAYBACK_REACH)
    return text[: head.start()] + text[end.end() if end else head.end() :]


# A newsletter's plain-text version as a mailing service sends it (Mailchimp's): headings
# marked "** " over a line of dashes, links as "(https://…)" after their words, the list's
# footer under a line of "=" (copyright, postal address, "uppdatera dina inställningar",
# "avsluta prenumerationen"). Read when two marks or more say so.
_NEWSLETTER_MARK = re.compile(
    r"list-manage\.com|campaign-archive\.com|^\*\* \S[^\n]*\n-{20,}[ \t]*$", re.MULTILINE
)
_FEWEST_NEWSLETTER_MARKS = 2
_NEWSLETTER_HEADING = re.compile(r"^([ \t]*)\*\* (?=\S)", re.MULTILINE)
_NEWSLETTER_LINK = re.compile(r"[ \t]*\(https?://[^\s()]{1,500}\)")
_NEWSLETTER_FOOTER = re.compile(r"^={20,}[ \t]*$", re.MULTILINE)
_IN_BROWSER = re.compile(r"^[^\n]{0,30}\bi (?:din )?webbläsare(?:n)?[ \t]*(?:\n|$)", re.MULTILINE)


def _newsletter_text_read(text: str) -> str:
    if len(_NEWSLETTER_MARK.findall(text, 0, 50_000)) < _FEWEST_NEWSLETTER_MARKS:
        return text
    footers = list(_NEWSLETTER_FOOTER.finditer(text))
    if footers:
        text = text[: footers[-1].start()]
    text = _NEWSLETTER_LINK.sub("", text)
    text = _IN_BROWSER.sub("", text)
    return _NEWSLETTER_HEADING.sub(r"\1", text)


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


# A legend of symbols for the parties, as a poster or a post marks its items by colour:
# "🟦 = Polisen", "🟩 = Norsjö kommun", "🟨 = Tillsammans". The items marked with a symbol are
# read under a heading naming its party (the legend's own lines dropped), as if the document
# had listed them so.
_SYMBOL_LEGEND = re.compile(
    rf"^[ \t]*(?P<symbol>[{_EMOJI}]{{1,4}})[ \t]*(?:=|:|[–—-])[ \t]*(?P<name>[^\n=]{{2,60}}?)"
    r"[ \t]*$",
    re.MULTILINE,
)
_LEGEND_PARTY = re.compile(r"(?:[\w-]+s? )?(?:polisen|kommun(?:en)?|staden|tillsammans|gemensamt)")
_FEWEST_LEGEND_SYMBOLS = 2
_MOST_SYMBOL_RUNS = 60  # runs of items of one party (a preview shows at most 60 activities)


def _symbol_legend_read(text: str) -> str:
    legend: dict[str, str] = {}
    legend_lines = set()
    for match in _SYMBOL_LEGEND.finditer(text, 0, 50_000):
        symbol = match.group("symbol").replace("\ufe0f", "")
        if _LEGEND_PARTY.fullmatch(fold(match.group("name"))) and symbol not in legend:
            legend[symbol] = match.group("name")
            legend_lines.add(match.group())
    if len(legend) < _FEWEST_LEGEND_SYMBOLS:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    runs = 0
    party = None  # the party of the run of marked items the line before belongs to
    for line in lines:
        if line in legend_lines:
            continue  # the legend's own line
        stripped = line.strip().replace("\ufe0f", "")
        symbol = next(
            (s for s in legend if stripped.startswith(s) and stripped[len(s) : len(s) + 1] == " "),
            None,
        )
        if symbol is not None and legend[symbol] != party:
            runs += 1
            if runs > _MOST_SYMBOL_RUNS:
                return text  # no list a legend's colours sort: the text as it is
            if kept and kept[-1].strip():
                kept.append("")
            kept.append(f"{legend[symbol]}:")
        party = legend[symbol] if symbol is not None else None
        kept.append(line)
    return "\n".join(kept)


def formatting_marks_read(text: str) -> str:
    """The text with Word's formatting marks read as what they stand for (see above); the text
    as given when fewer than three lines end with "¶"."""
    if "¶" not in text or len(_PILCROW_END.findall(text, 0, 50_000)) < _FEWEST_PILCROWS:
        return text
    text = _SHOWN_BREAK.sub("", _PILCROW_END.sub("", text))
    return _SHOWN_SPACE.sub(" ", text).replace("→", "\t").replace("¤", "\t")


# A text-message thread copied from a phone: each message's delivery mark on a line of its own
# under it ("Levererat", "Läst 14:21", "Skickat"), dropped when the text holds two or more.
_DELIVERY_MARK = re.compile(
    r"^[ \t]*(?:levererat|levererad|skickat|läst|sett|delivered|read|seen)"
    r"(?:[ \t]+(?:kl\.?[ \t]*)?\d{1,2}[:.]\d{2})?[ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)
_FEWEST_DELIVERY_MARKS = 2

# A chat exported as a file (WhatsApp's "Exportera chatt"): each message on a line of its own
# after its date, time and sender ("2026-01-12 08:31 - Johan Ek: Här är polisens del:", as a
# phone set to Swedish writes it; "[2026-01-12 08:31:05] Johan Ek: …" from an iPhone,
# "12/01/2026, 08:31 - …" in other languages), its further lines under it; the app's own notices
# on such a line with no sender ("Anna Karlsson skapade gruppen …", "Meddelanden och samtal är
# end-to-end-krypterade …"), left-out media ("<Media utelämnad>") and deleted messages. When the
# text starts with such a line and holds three messages or more, each message is read as a
# paragraph of its own, without its date, time and sender, and the rest is dropped.
_EXPORTED_LINE = re.compile(
    r"^[ \t\u200e]*\[?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}),?[ \t]\d{1,2}[:.]\d{2}"
    r"(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:\][ \t]|[ \t][-–][ \t])"
    r"(?:(?P<sender>[^:\n]{1,60}?):[ \t])?",
    re.MULTILINE,
)
_FEWEST_EXPORTED_MESSAGES = 3
_NO_MESSAGE = re.compile(
    r"\u200e?(?:<(?:media utelämnad|media omitted|bifogat|bifogad fil|attached)[^<>\n]{0,200}>"
    r"|det här meddelandet (?:har raderats|togs bort)|du (?:raderade|tog bort) det här meddelandet"
    r"|this message was deleted|you deleted this message)",
    re.IGNORECASE,
)
_EDITED_MARK = re.compile(
    r"[ \t]*<(?:det här meddelandet redigerades|this message was edited)>", re.IGNORECASE
)


def _exported_chat_read(text: str) -> str:
    if not _EXPORTED_LINE.match(text.lstrip("\n")):
        return text
    messages = sum(
        1 for match in _EXPORTED_LINE.finditer(text, 0, 200_000) if match.group("sender")
    )
    if messages < _FEWEST_EXPORTED_MESSAGES:
        return text
    kept: list[str] = []
    dropping = False  # the lines under a notice, left-out media or a deleted message
    for line in text.split("\n"):
        match = _EXPORTED_LINE.match(line)
        if match is None:
            if not dropping:
                kept.append(line)
            continue
        message = _EDITED_MARK.sub("", line[match.end() :])
        dropping = not match.group("sender") or bool(_NO_MESSAGE.fullmatch(message.strip()))
        if not dropping:
            kept.extend(("", message))
    return "\n".join(kept).lstrip("\n")


# A LaTeX source of the promise ("\documentclass{article}", "\section*{Polisen ska}",
# "\begin{itemize}" over "\item …" lines, "\textbf{två}", "kl.~23", "2026--2027", "1\,240", "%"
# comments, a "tabular" of signatures with "&" and "\\"). Read as its typeset page shows it: the
# headings and the emphasised words as their words, the items as "•" items, the comments (an
# item commented out too) and the other commands dropped, a table's cells separated by tabs.
_LATEX_MARK = re.compile(
    r"\\(?:documentclass|usepackage|begin\{|end\{|(?:sub)*section\*?\{|item\b|maketitle"
    r"|textbf\{|emph\{)"
)
_FEWEST_LATEX_MARKS = 4
_LATEX_ENVIRONMENT = re.compile(r"^[ \t]*\\(?:begin|end)\{[^{}\n]*\}.*$", re.MULTILINE)
_LATEX_COMMENT = re.compile(r"(?<!\\)%.*")
_LATEX_KEPT = re.compile(
    r"\\(?:(?:sub)*section|paragraph|chapter|title|author|date|caption)\*?(?:\[[^\]\n]*\])?"
    r"\{([^{}\n]*)\}"
)
_LATEX_WORDS = re.compile(
    r"\\(?:textbf|textit|emph|underline|texttt|textsc|mbox|text)\{([^{}\n]*)\}"
)
_LATEX_ITEM = re.compile(r"^([ \t]*)\\item(?:\[[^\]\n]*\])?[ \t]*", re.MULTILINE)
_LATEX_LINE_BREAK = re.compile(r"[ \t]*\\\\(?:\[[^\]\n]*\])?[ \t]*")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]\n]*\])?(?:\{[^{}\n]*\})*")
_LATEX_SYMBOLS = (("---", "—"), ("--", "–"), ("\\,", " "), ("\\&", "\0"), ("\\%", "%"))


def _latex_read(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        kept = _LATEX_COMMENT.sub("", line)
        if kept != line and not kept.strip():
            continue  # a comment's line, or a line commented out
        lines.append(kept)
    text = _LATEX_ITEM.sub(r"\1• ", _LATEX_ENVIRONMENT.sub("", "\n".join(lines)))
    text = _LATEX_WORDS.sub(r"\1", _LATEX_WORDS.sub(r"\1", text))
    text = _LATEX_KEPT.sub(r"\n\1\n", text).replace("\\and", "\n")
    for code, sign in _LATEX_SYMBOLS:
        text = text.replace(code, sign)
    text = _LATEX_LINE_BREAK.sub("\n", text)
    text = _LATEX_COMMAND.sub("", text).replace("~", " ")
    text = re.sub(r"[ \t]*(?<!\\)&[ \t]*", "\t", text).replace("\0", "&")
    return re.sub(r"\n{3,}", "\n\n", text.replace("{", "").replace("}", ""))


# An AsciiDoc source ("= Titel", "== Rubrik", ":toc: left", "[quote]" over a block between
# "____", ". " and "* " items, "NOTE: …", a table between "|===", "// kommentar", "*fet*").
# Read as the page it makes: the headings as their words, the items as "•" items, the
# attributes, the blocks' marks and the comments dropped, a table's cells separated by tabs.
_ASCIIDOC_MARK = re.compile(
    r"^(?:=+[ \t]+\S[^\n]*(?<!=)|:[\w-]+:(?:[ \t][^\n]*)?"
    r"|\[(?:quote|abstract|source|verse|cols=|NOTE|TIP|IMPORTANT|WARNING|CAUTION|sidebar|example)[^\n]*\]|____|\|===|={4,}|\*{4,})$",
    re.MULTILINE,
)
_FEWEST_ASCIIDOC_MARKS = 4
_ASCIIDOC_HEADING = re.compile(
    r"=+[ \t]+(\S.*)(?<!=)"
)  # "== Rubrik", not wikitext's "== Rubrik =="
_ASCIIDOC_DROPPED = re.compile(
    r":[\w-]+:(?:[ \t].*)?|\[[^\]]*\]|_{4,}|={4,}|-{4,}|\*{4,}|\.{4,}|\+{4,}|\|===|//.*"
)
_ASCIIDOC_ITEM = re.compile(r"(?:\.{1,5}|\*{1,5}|-)[ \t]+(?=\S)")
_ASCIIDOC_STRONG = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
_ASCIIDOC_LINK = re.compile(r"(?:link:)?(?:https?://|mailto:)?[^\s\[\]]+\[([^\]\n]+)\]")


def _asciidoc_read(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if heading := _ASCIIDOC_HEADING.fullmatch(stripped):
            lines.extend(("", heading.group(1)))
            continue
        if _ASCIIDOC_DROPPED.fullmatch(stripped):
            continue
        if item := _ASCIIDOC_ITEM.match(stripped):
            stripped = "• " + stripped[item.end() :]
        elif stripped.startswith("|"):
            stripped = "\t".join(cell.strip() for cell in stripped[1:].split("|"))
        lines.append(_ASCIIDOC_LINK.sub(r"\1", _ASCIIDOC_STRONG.sub(r"\1", stripped)))
    return "\n".join(lines)


# A screen reader's speech of a web page, copied from its speech viewer (NVDA's "Talvisaren"):
# each element spoken with its role, the parts two spaces apart ("rubrik nivå 2  Polisen ska",
# "lista med 3 objekt  punkt  genomföra …", "slut på lista", "länk  Kontakt",
# "navigeringsmarkering", "huvudmarkering"). Read as the page: a heading and a paragraph each a
# line, the list items as "•" items, the roles, the links and the landmarks dropped.
_SPOKEN_ROLE_MARK = re.compile(
    r"^(?:.*[ \t]{2})?(?:rubrik nivå \d|lista med \d+ objekt|slut på lista|heading level \d"
    r"|list with \d+ items|out of list)(?:[ \t]{2}|$)",
    re.MULTILINE | re.IGNORECASE,
)
_FEWEST_SPOKEN_ROLES = 3
_SPOKEN_ROLE = re.compile(
    r"(?:rubrik nivå \d|heading level \d|lista med \d+ objekt|list with \d+ items"
    r"|slut på lista|out of list|\w*markering|\w+ landmark|dokument|document|klickbar"
    r"|clickable|grafik|graphic|region|avdelning)",
    re.IGNORECASE,
)
_SPOKEN_ITEM = re.compile(r"punkt|bullet", re.IGNORECASE)
_SPOKEN_LINK = re.compile(r"(?:besökt )?länk|(?:visited )?link|knapp|button", re.IGNORECASE)


def _spoken_page_read(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        parts = [part.strip() for part in re.split(r"[ \t]{2,}", line.strip())]
        skip = False
        words = []
        for part in parts:
            if skip:
                skip = False
            elif _SPOKEN_LINK.fullmatch(part):
                skip = True  # the link's or button's words
            elif _SPOKEN_ITEM.fullmatch(part):
                words.append("•")
            elif part and not _SPOKEN_ROLE.fullmatch(part):
                words.append(part)
        if words or not line.strip():
            lines.append(" ".join(words))
    return "\n".join(lines)


# A forum post's BBCode source, as its editing box shows it ("[b]Polisen ska:[/b]", "[list]"
# over "[*]…" items, "[list=1]", "[url=…]ord[/url]", "[quote="…"]", "[size=150]", "[color=…]").
# Read as the post shows it: the items as "•" items, a link's words as its words, the other tags
# dropped.
_BBCODE_MARK = re.compile(
    r"\[(?:/?(?:b|i|u|s|list|quote|url|size|color|img|code)\b[^\]\n]{0,200}|\*)\]", re.I
)
_FEWEST_BBCODE_MARKS = 6
_BBCODE_ITEM = re.compile(r"^([ \t]*)\[\*\][ \t]*", re.MULTILINE)
_BBCODE_LIST = re.compile(r"^[ \t]*\[/?list(?:=[^\]\n]{0,10})?\][ \t]*$\n?", re.I | re.MULTILINE)
_BBCODE_TAG = re.compile(
    r"\[/?(?:b|i|u|s|list|quote|url|size|color|font|center|left|right|img|code|spoiler)"
    r"(?:=[^\]\n]{0,200})?\]",
    re.I,
)


def _bbcode_read(text: str) -> str:
    text = _BBCODE_ITEM.sub(r"\1• ", _BBCODE_LIST.sub("", text))
    return _BBCODE_TAG.sub("", text)


# An Emacs Org-mode file ("#+TITLE: …", "* Polisen ska" over "** TODO genomföra …" items,
# "SCHEDULED: <2026-01-15 tor>", a ":PROPERTIES:" drawer down to ":END:", "#+BEGIN_QUOTE",
# a subtree tagged ":noexport:"). Read as the page it exports to: the title and the headings as
# their words, the tasks and lower headings under a heading as "•" items, the keywords,
# drawers, planning lines, tags and the subtrees left out of the export dropped.
_ORG_MARK = re.compile(
    r"^(?:#\+[A-Za-z_]+:|\*+[ \t]+(?:TODO|DONE)[ \t]|[ \t]*:(?:PROPERTIES|END):[ \t]*$"
    r"|[ \t]*(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*[<\[]\d{4}-)",
    re.MULTILINE,
)
_FEWEST_ORG_MARKS = 4
_ORG_HEADING = re.compile(
    r"(\*+)[ \t]+(?:(?:TODO|DONE|NEXT|WAIT|VÄNTAR|KLART)[ \t]+)?(?:\[#[A-C]\][ \t]+)?"
    r"(.*?)(?:[ \t]+(:[\w@:]+:))?[ \t]*"
)
_ORG_TITLE = re.compile(r"#\+title:[ \t]*(.*)", re.IGNORECASE)
_ORG_DROPPED = re.compile(
    r"#\+\w+(?::.*)?|(?:(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*[<\[][^>\]\n]*[>\]][ \t]*)+"
)
_ORG_DRAWER = re.compile(r":[A-Z_]+:")


def _org_read(text: str) -> str:
    lines: list[str] = []
    drawer = False
    dropped_level = 0  # the level of a subtree left out of the export, 0 outside one
    for line in text.split("\n"):
        stripped = line.strip()
        heading = _ORG_HEADING.fullmatch(line) if line.startswith("*") else None
        if heading:
            level = len(heading.group(1))
            if dropped_level and level > dropped_level:
                continue
            dropped_level = 0
            if "noexport" in (heading.group(3) or ""):
                dropped_level = level
                continue
            words = heading.group(2).strip()
            lines.extend(("", words) if level == 1 else (f"• {words}",))
            continue
        if dropped_level:
            continue
        if drawer:
            drawer = stripped != ":END:"
            continue
        if _ORG_DRAWER.fullmatch(stripped):
            drawer = stripped != ":END:"
            continue
        if title := _ORG_TITLE.fullmatch(stripped):
            lines.append(title.group(1))
            continue
        if _ORG_DROPPED.fullmatch(stripped):
            continue
        lines.append(line)
    return "\n".join(lines)


# A film's or a recording's script (a sign-language film's, a video's): scenes headed "SCEN 3",
# the words to be said or signed under a label ("TOLK: …", "SPEAKER: …", "BERÄTTARE: …"), the
# text shown on the screen ("SKYLT: Det här gör polisen", "TEXT: …") and the directions
# ("BILD: …", "TECKEN: …", "LJUD: …", "(Paus 2 sekunder.)"). When three lines or more are
# such labels and scenes, the script is read as what the viewer meets: the words said and
# shown, without their labels; the scenes and the directions dropped.
_SCRIPT_MARK = re.compile(
    r"^[ \t]*(?:(?:SCEN|SCENE|BILDRUTA|KLIPP)[ \t]+\d{1,3}[ \t]*$"
    r"|(?:TOLK|SPEAKER|SPEAK|BERÄTTARE|BERATTARE|SKYLT|BILD|TECKEN|LJUD|MUSIK|GRAFIK|FOTO"
    r"|VIDEO)[ \t]*:)",
    re.MULTILINE,
)
_FEWEST_SCRIPT_MARKS = 6
_SCRIPT_DIRECTION = re.compile(
    r"[ \t]*(?:(?:SCEN|SCENE|BILDRUTA|KLIPP)[ \t]+\d{1,3}"
    r"|(?:BILD|TECKEN|LJUD|MUSIK|GRAFIK|FOTO|VIDEO)[ \t]*:.*"
    r"|\((?:paus|tystnad|musik)\b[^()\n]*\))[ \t]*",
    re.IGNORECASE,
)
_SCRIPT_LABEL = re.compile(
    r"^([ \t]*)(?:TOLK|SPEAKER|SPEAK|BERÄTTARE|BERATTARE|SKYLT|TEXT)[ \t]*:[ \t]*", re.MULTILINE
)


def _script_read(text: str) -> str:
    lines = [line for line in text.split("\n") if not _SCRIPT_DIRECTION.fullmatch(line)]
    return _SCRIPT_LABEL.sub(r"\1", "\n".join(lines))


# An article copied from Wikipedia: "Från Wikipedia, den fria encyklopedin", the headings
# with "[redigera | redigera wikitext]", reference marks after the words ("… 2026.[4]",
# "polisen:[4]"), the references ("^ [a b] ”…”. Polisen. …") and the page's foot ("Kategorier:
# …", "Sidan redigerades senast …", its licence and links). Read as the article's words.
_WIKIPEDIA_PRESENT = re.compile(
    r"\[(?:redigera|edit)(?: \| (?:redigera wikitext|edit source))?\]"
    r"|^Från Wikipedia, den fria encyklopedin",
    re.MULTILINE,
)
_WIKIPEDIA_EDIT = re.compile(
    r"[ \t]*\[(?:redigera|edit)(?: \| (?:redigera wikitext|edit source))?\]"
)
_WIKIPEDIA_REFERENCE = re.compile(r"(?<=[^\s\[])\[(?:\d{1,3}|not \d{1,3}|[a-z])\]")
_WIKIPEDIA_CHROME = re.compile(
    r"(?:Från Wikipedia, den fria encyklopedin|Hoppa till (?:navigering|sök)(?: Hoppa till sök)?"
    r"|\^ .*|Kategori(?:er)?: .*|Sidan redigerades senast .*|Wikipedias text är tillgänglig .*"
    r"|Integritetspolicy Om Wikipedia.*)"
)


_WIKIPEDIA_END_SECTION = re.compile(
    r"se även|referenser|noter|källor|externa länkar|vidare läsning|see also|references"
    r"|notes|external links",
    re.IGNORECASE,
)


def _wikipedia_read(text: str) -> str:
    lines: list[str] = []
    skipping = listing = False
    for line in text.split("\n"):
        if _WIKIPEDIA_CHROME.fullmatch(line.strip()):
            continue
        edited = _WIKIPEDIA_EDIT.search(line)
        line = _WIKIPEDIA_REFERENCE.sub("", _WIKIPEDIA_EDIT.sub("", line)).rstrip()
        if edited:
            # a heading: "Se även", "Referenser" and the like end the article's own text
            skipping = bool(_WIKIPEDIA_END_SECTION.fullmatch(line.strip()))
            listing = False
        if skipping:
            continue
        stripped = line.strip()
        if listing and stripped and stripped[:1].islower():
            # a list's items, copied without their bullets under the line that opens it
            line = f"• {stripped}"
        elif listing and stripped or not stripped and lines and lines[-1].startswith("• "):
            listing = False
            if stripped and lines[-1].startswith("• "):
                lines.append("")  # the list ends where a sentence begins
        if stripped.endswith(":") and not edited:
            listing = True
        lines.append(line)
    return "\n".join(lines)


# An image's description (an infographic's alternative text) names its parts' headings:
# "Kolumn 1, ikon av en polisbricka, rubrik "Polisen":" over the column's items. Such a line is
# read as the heading it describes ("Polisen").
_DESCRIBED_HEADING = re.compile(
    r"^[ \t]*[^\"“”\n]{0,160}?[ \t,]+(?:med |under )?(?:rubrik(?:en)?|överskrift(?:en)?)"
    r"[ \t]+[\"“”]([^\"“”\n]{2,80})[\"“”][ \t]*:?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


# A change kept in a version-control system, as its patch shows it ("git diff", "git
# format-patch", a pull request's ".diff"): hunks headed "@@ -1,30 +1,31 @@" (the lines before
# and after the change they cover), each line marked "-" (removed), "+" (added) or " " (kept),
# under "--- a/…" and "+++ b/…". The text after the change is read: the hunks' kept and added
# lines, hunk by hunk, without the removed ones; the header, the commit's message, the list of
# files changed and the lines between hunks go. A hunk ends when its lines are counted out. Only
# a text that starts as a patch does ("From <commit> …", "commit <commit>", "diff --git …",
# "Index: …", "--- …"): one quoting a patch among other things is read as it stands.
_PATCH_START = re.compile(
    r"\s*(?:From [0-9a-f]{7,40} |commit [0-9a-f]{7,40}\b|diff |Index: |--- |@@ -)"
)
_HUNK_HEAD = re.compile(r"^@@ -\d+(?:,(?P<old>\d+))? \+\d+(?:,(?P<new>\d+))? @@", re.MULTILINE)
_NEW_SIDE_HEAD = re.compile(r"^\+\+\+ \S", re.MULTILINE)


def _diff_new_side(text: str) -> str:
    if not (_PATCH_START.match(text) and _HUNK_HEAD.search(text) and _NEW_SIDE_HEAD.search(text)):
        return text
    kept: list[str] = []
    old = new = 0  # the lines of the hunk not yet read, before and after the change
    for line in text.split("\n"):
        if old <= 0 and new <= 0:
            if hunk := _HUNK_HEAD.match(line):
                old = int(hunk.group("old") or 1)
                new = int(hunk.group("new") or 1)
                kept.append("")
            continue
        mark, rest = line[:1], line[1:]
        if mark == "-":
            old -= 1
        elif mark == "+":
            new -= 1
            kept.append(rest)
        elif mark == "\\":
            continue  # "\ No newline at end of file"
        else:  # kept (an editor may have trimmed an empty line's space)
            old -= 1
            new -= 1
            kept.append(rest)
    return "\n".join(kept).strip("\n")


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


# A text dictated (a phone's or Word's dictation) with its spoken commands written out as
# words: "… kvällarna punkt nytt stycke Det här gör polisen kolon ny rad tankstreck polisen
# genomför …". Three commands for a new line or more: each command is read as what it stands
# for ("nytt stycke" a blank line, "ny rad" a line, "punkt", "kommatecken", "kolon",
# "frågetecken", "utropstecken" their marks, "tankstreck" at a line's start a "–" item).
_DICTATED_BREAK = re.compile(r"\b(?:ny rad|nytt stycke|ny paragraf)\b", re.I)
_FEWEST_DICTATED_BREAKS = 3
# spaces before a command, tried from the run's first only (a long run is no slower to read)
_RUN_START = r"(?<![ \t])[ \t]*"
_DICTATED_MARKS = (
    (re.compile(rf"{_RUN_START}\bnytt stycke\b[ \t]*", re.I), "\n\n"),
    (re.compile(rf"{_RUN_START}\bny paragraf\b[ \t]*", re.I), "\n\n"),
    (re.compile(rf"{_RUN_START}\bny rad\b[ \t]*", re.I), "\n"),
    (re.compile(rf"{_RUN_START}\bkommatecken\b", re.I), ","),
    (re.compile(rf"{_RUN_START}\bfrågetecken\b", re.I), "?"),
    (re.compile(rf"{_RUN_START}\butropstecken\b", re.I), "!"),
    (re.compile(rf"{_RUN_START}\bkolon\b(?=[ \t]*+(?:\n|$))", re.I | re.M), ":"),
    (re.compile(rf"{_RUN_START}\bpunkt\b(?=[ \t]*+(?:\n|$))", re.I | re.M), "."),
    (re.compile(r"^([ \t]*)tankstreck\b[ \t]*", re.I | re.M), r"\1– "),
)


def _dictation_read(text: str) -> str:
    for pattern, mark in _DICTATED_MARKS:
        text = pattern.sub(mark, text)
    return text


# A sticky-note board copied as text (Miro, Mural, a digital whiteboard): each note followed by
# its writer, a first name and an initial ("Jonas K.", with its votes: "Jonas K. · 👍 9"), the
# frames' titles numbered ("Ram 3 – Vad gör polisen?"), the board's comments ("Sara N.: Jag
# renskriver …") and its zoom ("Zooma 62 %"). Three writers' lines or more: the writers, the
# comments and the zoom are dropped and a frame's title read without its number.
_NOTE_WRITER = re.compile(
    r"^[ \t]*[A-ZÅÄÖ][a-zåäöéü]{1,20}(?:-[A-ZÅÄÖ][a-zåäöéü]{1,20})? [A-ZÅÄÖ]\."
    r"(?:[ \t]*·[ \t]*(?:\U0001f44d|\u2764\ufe0f?|\U0001f44f|\+)[ \t]*\d{1,4})?[ \t]*(?:\n|$)",
    re.MULTILINE,
)
_NOTE_COMMENT = re.compile(
    r"^[ \t]*[A-ZÅÄÖ][a-zåäöéü]{1,20} [A-ZÅÄÖ]\.:[ \t].*$|^[ \t]*(?:kommentarer|comments)"
    r"[ \t]*\(\d{1,4}\)[ \t]*$|^[ \t]*(?:zooma|zoom)[ \t]+\d{1,3}[ \t]*%[ \t]*(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)
_BOARD_FRAME = re.compile(
    r"^([ \t]*)(?:ram|frame)[ \t]+\d{1,3}[ \t]*[–—:-][ \t]*(?=\S)", re.I | re.M
)
_FEWEST_NOTE_WRITERS = 3


def _board_notes_read(text: str) -> str:
    text = _NOTE_COMMENT.sub("", _NOTE_WRITER.sub("", text))
    return _BOARD_FRAME.sub(r"\1", text)


# An e-mail's answers written into the quoted text in capitals ("Mina svar står i texten med
# VERSALER"): a line under a list's item, in capitals, perhaps after the writer's initials ("HS:
# OK. MEN SKRIV …", "HAR NI FÅTT IHOP 30? …"), is the answer, no part of the item. Two such
# lines or more: they are dropped. A heading in capitals ("POLISEN", "VI LOVAR ATT") ends with
# no full stop and follows no item in lower case, so it stays.
_ANSWER_INITIALS = re.compile(r"^[ \t]*[A-ZÅÄÖ]{2,3}[ \t]*:[ \t]*")
_ANSWER_ITEM = re.compile(rf"^[ \t]*(?:[{BULLET_CHARS}]|\d{{1,2}}[.)])[ \t]+\S")
_FEWEST_ANSWERS = 2


def _answer_in_capitals(line: str) -> bool:
    initials = _ANSWER_INITIALS.match(line)
    rest = line[initials.end() :] if initials else line
    letters = [char for char in rest if char.isalpha()]
    if len(letters) < 2 or sum(char.isupper() for char in letters) < 0.9 * len(letters):
        return False
    return bool(initials) or rest.rstrip()[-1:] in ".?!"


def _without_answers_in_capitals(text: str) -> str:
    lines = text.split("\n")
    answers: list[int] = []
    item = False  # whether the line above (answers skipped) is an item not in capitals
    for number, line in enumerate(lines):
        if item and not _ANSWER_ITEM.match(line) and _answer_in_capitals(line):
            answers.append(number)
            continue
        item = bool(_ANSWER_ITEM.match(line)) and any(char.islower() for char in line)
    if len(answers) < _FEWEST_ANSWERS:
        return text
    dropped = set(answers)
    return "\n".join(line for number, line in enumerate(lines) if number not in dropped)


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


def clean(raw: str) -> str:
    """The document's text as the parser reads it and the preview shows it."""
    raw = plain_text(raw).replace("\r\n", "\n").replace("\r", "\n")
    raw = encoding_repaired(raw)
    raw = formatting_marks_read(raw)
    if "@@ -" in raw:
        raw = _diff_new_side(raw)
    if "\\" in raw and len(_LATEX_MARK.findall(raw, 0, 20_000)) >= _FEWEST_LATEX_MARKS:
        raw = _latex_read(raw)
    if len(_ASCIIDOC_MARK.findall(raw, 0, 20_000)) >= _FEWEST_ASCIIDOC_MARKS:
        raw = _asciidoc_read(raw)
    if len(_SPOKEN_ROLE_MARK.findall(raw, 0, 20_000)) >= _FEWEST_SPOKEN_ROLES:
        raw = _spoken_page_read(raw)
    if "[" in raw and len(_BBCODE_MARK.findall(raw, 0, 20_000)) >= _FEWEST_BBCODE_MARKS:
        raw = _bbcode_read(raw)
    if len(_ORG_MARK.findall(raw, 0, 20_000)) >= _FEWEST_ORG_MARKS:
        raw = _org_read(raw)
    if ":" in raw and len(_SCRIPT_MARK.findall(raw, 0, 20_000)) >= _FEWEST_SCRIPT_MARKS:
        raw = _script_read(raw)
    if "[" in raw and _WIKIPEDIA_PRESENT.search(raw, 0, 20_000):
        raw = _wikipedia_read(raw)
    if "ubrik" in raw or "verskrift" in raw:
        raw = _DESCRIBED_HEADING.sub(r"\1", raw)
    if "web.archive.org" in raw:
        raw = _without_archive_toolbar(raw)
    if "** " in raw or "list-manage" in raw:
        raw = _newsletter_text_read(raw)
    if len(_DELIVERY_MARK.findall(raw, 0, 50_000)) >= _FEWEST_DELIVERY_MARKS:
        raw = _DELIVERY_MARK.sub("", raw)
    if raw[:1].isdigit() or raw[:1] in "[\n \u200e":
        raw = _exported_chat_read(raw)
    if "! " in raw:
        raw = _FIELD_ERROR.sub("", raw)
    if "<http" in raw or "<mailto:" in raw or "[cid:" in raw:
        raw = _MAIL_LINK.sub("", raw)
    if "---" in raw or "____" in raw:
        raw = _without_earlier_messages(raw)
    if "nneh" in raw or "NNEH" in raw or "den här sidan" in raw:
        raw = _without_contents(raw)
    if "-->" in raw and len(_CUE_TIMING_PRESENT.findall(raw, 0, 20_000)) >= _FEWEST_CUES:
        raw = _without_subtitles(raw)
    elif ":" in raw and len(_SPEAKER_PRESENT.findall(raw, 0, 20_000)) >= _FEWEST_SPEAKER_LINES:
        raw = _without_speaker_lines(raw)
    if ":" in raw and len(_PDF_COMMENT.findall(raw, 0, 200_000)) >= _FEWEST_PDF_COMMENTS:
        raw = _without_pdf_comments(raw)
    if len(_DICTATED_BREAK.findall(raw, 0, 50_000)) >= _FEWEST_DICTATED_BREAKS:
        raw = _dictation_read(raw)
    if "." in raw and len(_NOTE_WRITER.findall(raw, 0, 50_000)) >= _FEWEST_NOTE_WRITERS:
        raw = _board_notes_read(raw)
    if "\f" not in raw and ("ida" in raw or "age" in raw):
        raw = _pages_by_number(raw)
    text = doubled_letters_read(_bounded_lines(raw))
    if _ANSWER_INITIALS.search(text) or "?" in text or "." in text:
        text = _without_answers_in_capitals(text)
    text = _without_watermark(text)
    if "A" in text and _SHEET_LETTERS.search(text, 0, 20_000):
        text = _without_sheet_headings(text)
    text = _without_line_numbers(text)
    text = _lone_bullets_joined(text)
    if _POSTAL_TOWN.search(text, 0, 5_000):
        text = _without_letter_head(text)
    if _CHECKBOX.search(text):
        text = _ticked_options(text)
    text = _card_labels_joined(text)
    if "med" in text and _ITEM_MARK_LEGEND.search(text, 0, 50_000):
        text = _only_marked_items(text)
    if ";;" in text:
        text = _EMPTY_CSV_CELLS.sub(r"\1", text)
    if "\t" in text:
        text = _swedish_column(text)
        if '"' in text:
            text = _spreadsheet_cells_joined(text)
        if "\n\t\t" in text:
            text = _outline_as_items(text)
    if "[" in text:
        text = _without_doc_comments(_without_chat(text))
    if "/" in text:
        text = _without_thread_numbers(text)
    if _SPACED_RUN.search(text):
        text = "\n".join(_letters_closed_up(line) for line in text.split("\n"))
    if not text.isascii():
        # A PDF's text copied on some systems has its letters decomposed: "o" + U+0308 for "ö".
        text = unicodedata.normalize("NFC", text)
        if _MATH_LETTERS.search(text):
            text = _MATH_LETTERS.sub(_math_letters_read, text)
        text = _FOOTNOTE_MARK.sub("", text)
        if len(_FOOTNOTE_LISTED.findall(text)) >= _FEWEST_LISTED_FOOTNOTES:
            text = _NUMBER_FOOTNOTE_MARK.sub("", text)
        if _CIRCLED_ITEM.search(text):
            text = _CIRCLED_ITEM.sub(_circled_number, text)
        if _EMOJI_PRESENT.search(text):
            text = _without_comments(_without_emoji(_symbol_legend_read(text)))
        if _OTHER_SCRIPT.search(text):
            text = _without_other_scripts(text)
    if _HTML_PRESENT.search(text, 0, 20_000):
        text = _without_html(text)
    if _FORM_ANSWER.search(text):
        text = _form_answers(text)
    if "\n---" in text or "\n===" in text:
        text = _without_underlines(text)
    if "]" in text and ("http" in text or "www." in text):
        text = _without_link_references(text)
    if "]" in text and _FOOTNOTE_LINE.search(text):
        text = _without_footnotes(text)
    if ":" in text:
        text = _proposal_unlabelled(_answers_unlabelled(text))
    if "[" in text and len(_INSTRUCTION.findall(text, 0, 50_000)) >= _FEWEST_INSTRUCTIONS:
        text = _without_instructions(text)
    if "[" in text and len(_EDITORIAL_NOTE.findall(text, 0, 50_000)) >= _FEWEST_INSTRUCTIONS:
        text = _without_instructions(text, _EDITORIAL_NOTE)
    if ("[[" in text or "==" in text) and len(
        _WIKI_MARK.findall(text, 0, 20_000)
    ) >= _FEWEST_WIKI_MARKS:
        text = _without_wikitext(text)
    if ("{" in text or "h" in text) and len(
        _CONFLUENCE_MARK.findall(text, 0, 20_000)
    ) >= _FEWEST_CONFLUENCE_MARKS:
        text = _without_confluence(text)
    text = _without_markdown(_unquoted(text))
    if _MARKUP_PRESENT.search(text):
        text = _without_markup(text)
    if _ENGLISH_HINT.search(text):
        text = _without_english(text)
    if _FINNISH_HINT.search(text):
        text = _without_finnish(text)
    if len(_FIGURE_PRESENT.findall(text, 0, 200_000)) >= _FEWEST_FIGURES:
        text = _figures_as_items(text)
    if len(_SOMALI_HINT.findall(text, 0, 50_000)) >= _FEWEST_SOMALI_WORDS:
        text = _without_somali(text)
    if not text.isascii() and len(_BKS_HINT.findall(text, 0, 50_000)) >= _FEWEST_BKS_HINTS:
        text = _without_bks(text)
    if not text.isascii() and len(_POLISH_HINT.findall(text, 0, 50_000)) >= _FEWEST_BKS_HINTS:
        text = _without_polish(text)
    if not text.isascii() and len(_SAMI_HINT.findall(text, 0, 50_000)) >= _FEWEST_BKS_HINTS:
        text = _without_sami(text)
    text, cell_lines = _tables_as_cells(text)
    text = _INVISIBLE.sub("", text.translate(_SPACES))
    for ligature, letters in _LIGATURES.items():  # str.replace: faster than translate here
        text = text.replace(ligature, letters)
    # The pages' lines, each with whether it is a table's cell (which is never dropped).
    pages: list[list[tuple[str, bool]]] = [[]]
    for number, line in enumerate(text.split("\n")):
        for part, piece in enumerate(line.split("\f")):
            if part:
                pages.append([])
            pages[-1].append((_MULTISPACE.sub(" ", piece).strip(), number in cell_lines))
    repeated = _repeated_lines([[line for line, cell in page if not cell] for page in pages])
    running = _running_heads([line for page in pages for line, cell in page if not cell])
    kept: list[str] = []
    for number, page in enumerate(pages):
        marked: list[str | None] = [
            None if line and not cell and running and _pattern(line) in running else line
            for line, cell in page
            if not (
                line
                and not cell
                and (_chrome(line) or _page_furniture(line) or _pattern(line) in repeated)
            )
        ]
        page_lines = _joined_over_heads(marked) if None in marked else marked
        if not any(cell for _line, cell in page):
            page_lines = _poster_lines_joined(page_lines)
        if number and _goes_on_over_page(kept, page_lines):
            # "… fredags- och lördagskvällar, minst" + a page's header + "2 kvällar per
            # månad,": the sentence goes on over the page break.
            while not kept[-1]:
                kept.pop()
            while not page_lines[0]:
                page_lines.pop(0)
        kept.extend(page_lines)
        kept.append("")
    kept = _join_hyphenated(kept)
    result: list[str] = []
    for line in kept:
        if not line and (not result or not result[-1]):
            continue  # no leading blank lines, no runs of blank lines
        result.append(line)
    while result and not result[-1]:
        result.pop()
    return "\n".join(result)
