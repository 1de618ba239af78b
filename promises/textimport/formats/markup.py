"""A document's source read as the text its markup stands for: RTF, Markdown (headings,
emphasis, links, struck-out words), a wiki's source (MediaWiki, Confluence), LaTeX, AsciiDoc,
BBCode, Org-mode and a version-control patch (its text after the change); Word's markup
balloons, its formatting marks shown ("¶", "·") and its field errors; a plain-text heading's
underline, an e-mail's numbered links, footnotes listed under the text, a template's
instructions in square brackets and a site's template tags."""

import re

from promises.textimport.formats.common import BULLET_CHARS
from promises.textimport.formats.delimited_tables import EMPTY_CELL
from promises.textimport.numbers import fold

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


def formatting_marks_read(text: str) -> str:
    """The text with Word's formatting marks read as what they stand for (see above); the text
    as given when fewer than three lines end with "¶"."""
    if "¶" not in text or len(_PILCROW_END.findall(text, 0, 50_000)) < _FEWEST_PILCROWS:
        return text
    text = _SHOWN_BREAK.sub("", _PILCROW_END.sub("", text))
    return _SHOWN_SPACE.sub(" ", text).replace("→", "\t").replace("¤", "\t")


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
