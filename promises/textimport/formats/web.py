"""A web page's text without what is no part of the document: its chrome (menus, "Till
toppen", "Dela", cookie banners, breadcrumbs), a social-media post's bar of actions and its
comments, emoji (a pictograph opening a line is its bullet), an HTML source's tags, the
Wayback Machine's toolbar, a newsletter's plain-text marks, Wikipedia's edit links and
references, a screen reader's speech of a page and an image's description of its headings."""

import html
import re

from promises.textimport.formats.common import BULLET_CHARS
from promises.textimport.numbers import fold

# Whole lines (folded: lower case, å/ä/ö → a/a/o) that are web-page chrome.
_CHROME = re.compile(
    r"(?:javascript ar inte paslaget.*|du behover (?:aktivera|sla pa) javascript.*"
    r"|(?:tillbaka )?till toppen|dela(?: sidan)?(?: pa \w+)?|sok|sok pa polisen\.se|meny|stang"
    r"|skriv ut|lyssna|las upp|(?:hoppa )?till (?:huvud)?innehall(?:et)?"
    # an accordion's buttons and a page's owner: "Visa mer", "Expandera alla", "Sidansvarig: …"
    r"|visa (?:mer|mindre|alla)|(?:expandera|fall ihop|stang|dolj|oppna)(?: alla)?"
    r"|sidansvarig:.{0,60}"
    # an image's or icon's text alternative alone on its line: "[Ikon: polisbricka]"
    r"|\[(?:bild|ikon|foto|illustration|grafik|logotyp)(?::| [–-]) [^\[\]]{1,200}\]"
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
_BREADCRUMB = re.compile(r"(?:start|hem|polisen)\s*(?:/|>|›)\s*\S.*")


# A web address the sentence above ends with ("Du kan följa arbetet på" / "polisen.se."): the
# sentence's last word, no page's chrome; the chrome's address stands alone, after a menu's
# words or in a footer.
_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.se(?:/\S*)?\.?")
_ADDRESS_AFTER = re.compile(r"(?:pa|via|se|till|besok|hos|fran|och|eller|webbplatsen)$")
_FEWEST_SENTENCE_WORDS = 4


def ends_sentence(above: str, line: str) -> bool:
    """Whether `line`, a web address, ends the sentence of the line right above it: that line
    (of four words or more) stops without a full stop, and the address ends with one or
    follows a preposition ("Läs mer på" / "polisen.se")."""
    folded = fold(line.strip())
    above = fold(above.strip())
    if not _ADDRESS.fullmatch(folded) or not above or above.endswith((".", ":", "!", "?")):
        return False
    if len(above.split()) < _FEWEST_SENTENCE_WORDS:
        return False
    return folded.endswith(".") or bool(_ADDRESS_AFTER.search(above))


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
# A table's source written with each cell's tag on a line of its own ("<tr>", "  <td>…</td>",
# "  <td>…</td>", "</tr>"): the white space between a table part's, a row's or a cell's tag
# and the next tag is the source's layout, no text, so that each row is read as one line of
# cells; and a row's first cell opens no tab.
_TABLE_LAYOUT = re.compile(r"(</?t(?:[rdh]|head|body|foot)\b[^<>]{0,500}>)[ \t\n]+(?=<)", re.I)
_ROW_FIRST_CELL = re.compile(r"(<tr\b[^<>]{0,500}>)<t[dh]\b[^<>]{0,500}>", re.I)


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
    text = "".join(kept)
    if "<t" in lowered:
        text = _ROW_FIRST_CELL.sub(r"\1", _TABLE_LAYOUT.sub(r"\1", text))
    text = _HTML_TAG.sub("", _HTML_BLOCK.sub(_html_block, text))
    return "\n".join(line.strip(" ") for line in html.unescape(text).split("\n"))


# A text exported from a web page's editor with its characters as HTML entities and no tags
# ("Medborgarl&ouml;fte f&ouml;r Fosie", "&bull; genomf&ouml;ra", "114&nbsp;14"): read as the
# characters they stand for, when it has three or more (one "&amp;" in a text is left alone).
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}[0-9]?|#[0-9]{2,6}|#[xX][0-9A-Fa-f]{2,5});")
_FEWEST_HTML_ENTITIES = 3


def html_entities_read(text: str) -> str:
    """The text with its HTML entities as their characters, when it has three or more."""
    if len(_HTML_ENTITY.findall(text, 0, 20_000)) < _FEWEST_HTML_ENTITIES:
        return text
    return html.unescape(text)


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
