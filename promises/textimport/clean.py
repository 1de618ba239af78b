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

`clean` is the pipeline: this module's generic normalisation, and the readers of the formats
a document may come in (`promises.textimport.formats`), each run only when a cheap test finds
its marks, so that a document is read as the text it carries.
"""

import re
import unicodedata

from promises.textimport.formats.action_points import action_points_read
from promises.textimport.formats.ascii_arrows import ascii_arrows_read
from promises.textimport.formats.att_clauses import att_clauses_read, decided_clauses_read
from promises.textimport.formats.comma_lines import comma_lines_read
from promises.textimport.formats.commitment_labels import commitment_labels_read
from promises.textimport.formats.common import (
    _JOIN_KEEPING_HYPHEN,
    _LOWER_WORD_START,
    _WORD_END_HYPHEN,
)
from promises.textimport.formats.conversations import (
    _ANSWER_INITIALS,
    _CUE_TIMING_PRESENT,
    _DELIVERY_MARK,
    _DICTATED_BREAK,
    _FEWEST_CUES,
    _FEWEST_DELIVERY_MARKS,
    _FEWEST_DICTATED_BREAKS,
    _FEWEST_NOTE_WRITERS,
    _FEWEST_SCRIPT_MARKS,
    _FEWEST_SPEAKER_LINES,
    _FORM_ANSWER,
    _MAIL_LINK,
    _NOTE_WRITER,
    _SCRIPT_MARK,
    _SPEAKER_PRESENT,
    _answers_unlabelled,
    _board_notes_read,
    _dictation_read,
    _exported_chat_read,
    _form_answers,
    _mail_source,
    _proposal_unlabelled,
    _script_read,
    _unquoted,
    _without_answers_in_capitals,
    _without_chat,
    _without_earlier_messages,
    _without_speaker_lines,
    _without_subtitles,
    _without_thread_numbers,
    shortcode_bullets_read,
)
from promises.textimport.formats.count_first import count_first_lines_bulleted
from promises.textimport.formats.dash_fields import dash_fields_read
from promises.textimport.formats.dashed_tables import dashed_tables_read
from promises.textimport.formats.data import (
    _ICALENDAR_PRESENT,
    _XML_START,
    _YAML_KEY_LINE,
    _YAML_LEADING_COMMENTS,
    _front_matter,
    _icalendar,
    _json_document,
    _xml_document,
    _yaml_data,
    toml_front_matter,
)
from promises.textimport.formats.delimited_tables import _EMPTY_CSV_CELLS
from promises.textimport.formats.diagrams import DIAGRAM_PRESENT, diagrams_read
from promises.textimport.formats.disclosures import disclosures_read
from promises.textimport.formats.double_spacing import double_spacing_read
from promises.textimport.formats.early_readers import early_readers_read
from promises.textimport.formats.event_cards import event_cards_read
from promises.textimport.formats.field_lines import field_lines_read
from promises.textimport.formats.grid_tables import grid_tables_read
from promises.textimport.formats.ini_sections import ini_sections_read
from promises.textimport.formats.issue_keys import KEY_PRESENT, issue_keys_read
from promises.textimport.formats.languages import (
    _BKS_HINT,
    _ENGLISH_HINT,
    _FEWEST_BKS_HINTS,
    _FEWEST_SOMALI_WORDS,
    _FINNISH_HINT,
    _OTHER_SCRIPT,
    _POLISH_HINT,
    _SAMI_HINT,
    _SOMALI_HINT,
    _swedish_column,
    _without_bks,
    _without_english,
    _without_finnish,
    _without_other_scripts,
    _without_polish,
    _without_sami,
    _without_somali,
)
from promises.textimport.formats.layouts import (
    _CHECKBOX,
    _FEWEST_FIGURES,
    _FIGURE_PRESENT,
    _ITEM_MARK_LEGEND,
    _POSTAL_TOWN,
    _SHEET_LETTERS,
    _card_labels_joined,
    _figures_as_items,
    _lone_bullets_joined,
    _only_marked_items,
    _outline_as_items,
    _pivot_tables_read,
    _spreadsheet_cells_joined,
    _ticked_options,
    _without_letter_head,
    _without_sheet_headings,
    _without_tear_off_slip,
    run_in_party_headings_read,
)
from promises.textimport.formats.letter_codes import letter_codes_read
from promises.textimport.formats.markup import (
    _ASCIIDOC_MARK,
    _BBCODE_MARK,
    _CONFLUENCE_MARK,
    _EDITORIAL_NOTE,
    _FEWEST_ASCIIDOC_MARKS,
    _FEWEST_BBCODE_MARKS,
    _FEWEST_CONFLUENCE_MARKS,
    _FEWEST_INSTRUCTIONS,
    _FEWEST_LATEX_MARKS,
    _FEWEST_ORG_MARKS,
    _FEWEST_WIKI_MARKS,
    _FIELD_ERROR,
    _FOOTNOTE_LINE,
    _INSTRUCTION,
    _LATEX_MARK,
    _MARKUP_PRESENT,
    _ORG_MARK,
    _WIKI_MARK,
    _asciidoc_read,
    _bbcode_read,
    _diff_new_side,
    _latex_read,
    _org_read,
    _without_confluence,
    _without_footnotes,
    _without_instructions,
    _without_link_references,
    _without_markdown,
    _without_markup,
    _without_underlines,
    _without_wikitext,
    formatting_marks_read,
)
from promises.textimport.formats.numbered_fields import numbered_fields_read, titled_activities_read
from promises.textimport.formats.owners_by_number import owners_by_number_read
from promises.textimport.formats.pages import (
    _FEWEST_PDF_COMMENTS,
    _PDF_COMMENT,
    _goes_on_over_page,
    _joined_over_heads,
    _page_furniture,
    _pages_by_number,
    _pattern,
    _repeated_lines,
    _running_heads,
    _without_contents,
    _without_doc_comments,
    _without_line_numbers,
    _without_pdf_comments,
    _without_watermark,
)
from promises.textimport.formats.posters import _poster_lines_joined, credits_dropped
from promises.textimport.formats.pull_quotes import pull_quotes_read
from promises.textimport.formats.radio_options import radio_options_read
from promises.textimport.formats.responsibility_matrix import responsibility_matrix_read
from promises.textimport.formats.review_notes import review_notes_dropped
from promises.textimport.formats.rotated_labels import LETTERS_PRESENT, rotated_labels_read
from promises.textimport.formats.rtf import _RTF_PRESENT, _without_rtf
from promises.textimport.formats.run_in_parties import run_in_parties_read
from promises.textimport.formats.star_marks import star_marks_read
from promises.textimport.formats.symbol_bullets import symbol_bullets_read
from promises.textimport.formats.symbol_marks import symbol_legend_lines_read, symbol_marks_read
from promises.textimport.formats.tables import _tables_as_cells
from promises.textimport.formats.task_lists import task_lists_read
from promises.textimport.formats.theme_rows import theme_rows_read
from promises.textimport.formats.trailing_owners import trailing_owners_read
from promises.textimport.formats.trailing_tags import trailing_tags_read
from promises.textimport.formats.web import (
    _DESCRIBED_HEADING,
    _EMOJI_PRESENT,
    _FEWEST_SPOKEN_ROLES,
    _HTML_PRESENT,
    _SPOKEN_ROLE_MARK,
    _WIKIPEDIA_PRESENT,
    _chrome,
    _newsletter_text_read,
    _spoken_page_read,
    _wikipedia_read,
    _without_archive_toolbar,
    _without_comments,
    _without_emoji,
    _without_html,
    ends_sentence,
    html_entities_read,
)
from promises.textimport.formats.week_plans import week_plan_read
from promises.textimport.formats.wiki_templates import wiki_templates_read

_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u3000": " "})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Control characters a PDF's text (a monospace font's, a typewriter's) or an old program may
# carry: "\x07" (the bell), "\x1b", "\x7f" … are no letters and are dropped; a vertical tab
# ("\x0b", Word's line break) is a line's end. Tabs, line ends and form feeds are kept.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
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


# The longest line read as it stands: a paragraph pasted as one line has a few thousand
# characters. A longer one (a pasted run of digits, a line of dots) is broken at the ends of its
# sentences, else at spaces, else anywhere, so that no pattern ever reads an unbounded line.
MAX_LINE_CHARS = 10_000
_LINE_BREAK_AT = (re.compile(r"[.!?:;](?=[ \t])[ \t]*"), re.compile(r"[ \t]+"))


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


def plain_text(raw: str) -> str:
    """The text as given, or the text an RTF document's, an e-mail's, a calendar's or a JSON
    document's source stands for."""
    if _RTF_PRESENT.match(raw):
        return _without_rtf(raw)
    if "BEGIN:" in raw[:2_000] and _ICALENDAR_PRESENT.match(raw, 0, 2_000):
        return _icalendar(raw)
    if raw.lstrip("\ufeff \t").startswith("---"):
        raw = _front_matter(raw)
    elif raw.lstrip("\ufeff \t").startswith("+++"):
        raw = toml_front_matter(raw)
    elif "<?xml" in raw[:2_000] and _XML_START.match(raw):
        raw = _xml_document(raw)
    elif "{" in raw[:20_000] and '":' in raw[:20_000]:
        raw = _json_document(raw)
    elif "- " in raw[:20_000] and _YAML_KEY_LINE.match(
        raw, _YAML_LEADING_COMMENTS.match(raw).end()
    ):
        raw = _yaml_data(raw)
    return _mail_source(raw) if "uoted-printable" in raw[:20_000] else raw


def clean(raw: str) -> str:
    """The document's text as the parser reads it and the preview shows it."""
    raw = plain_text(raw).replace("\r\n", "\n").replace("\r", "\n")
    if not raw.isprintable():
        raw = _CONTROL.sub("", raw.replace("\x0b", "\n"))
    if "&" in raw and not _HTML_PRESENT.search(raw, 0, 20_000):
        raw = html_entities_read(raw)
    raw = encoding_repaired(raw)
    if ("flowchart" in raw or "graph" in raw) and DIAGRAM_PRESENT.search(raw, 0, 50_000):
        raw = diagrams_read(raw)
    raw = formatting_marks_read(raw)
    raw = early_readers_read(raw)
    if "Aktivitet " in raw:
        raw = titled_activities_read(raw)
    if "  " in raw or "\t" in raw:
        raw = symbol_bullets_read(raw)
    if "\n\n\n" in raw:
        raw = double_spacing_read(raw)
    if "<summary" in raw or "<SUMMARY" in raw:
        raw = disclosures_read(raw)
    if "{{" in raw:
        raw = wiki_templates_read(raw)
    if "]\n" in raw:
        raw = ini_sections_read(raw)
    if "Arrang" in raw:
        raw = event_cards_read(raw)
    if (
        "\nN\nE\nS\nI\nL" in raw
        or "\nP\nO\nL\nI" in raw
        or "\nK\nO\nM" in raw
        or "\nN\nU\nM" in raw
    ):
        raw = rotated_labels_read(raw)
    if ":" in raw and KEY_PRESENT.search(raw, 0, 50_000):
        raw = issue_keys_read(raw)
    if "-> " in raw or "=> " in raw:
        raw = ascii_arrows_read(raw)
    if "( )" in raw or "○" in raw:
        raw = radio_options_read(raw)
    if ":" in raw:
        raw = run_in_party_headings_read(shortcode_bullets_read(raw))
    if "**" in raw:
        raw = run_in_parties_read(raw)
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
    if "✂" in text or "lipp " in text or "✄" in text or "✁" in text:
        text = _without_tear_off_slip(text)
    if "#" in text or "@" in text:
        text = trailing_tags_read(text)
    if "] " in text:
        text = task_lists_read(text)
    if "Aktivitet " in text:
        text = numbered_fields_read(text)
    if ". Polisen " in text or ". Kommunen " in text or ". Staden " in text:
        text = theme_rows_read(text)
    if "=" in text and ")" in text:
        text = letter_codes_read(text)
    if "*\n" in text:
        text = star_marks_read(text)
    if "....." in text or " /" in text:
        text = trailing_owners_read(text)
    if "=" in text and not text.isascii():
        text = symbol_marks_read(text)
    if " – " in text or " - " in text:
        text = dash_fields_read(text)
    if "\tR" in text:
        text = responsibility_matrix_read(text)
    if LETTERS_PRESENT.search(text):
        text = rotated_labels_read(text)
    if "unkt" in text or "ktivitet" in text:
        text = owners_by_number_read(text)
    if "\natt " in text or "att\na) " in text:
        text = att_clauses_read(text)
        if "eslut" in text:
            text = decided_clauses_read(text)
    if "P" in text and ("ÅP" in text or "AP" in text or "tgärdspunkt" in text):
        text = action_points_read(text)
    if "\n>" in text:
        text = review_notes_dropped(text)
    if "tagande" in text:
        text = commitment_labels_read(text)
    if ",\n" in text:
        text = comma_lines_read(text)
    if "”\n" in text or '"\n' in text or "»\n" in text:
        text = pull_quotes_read(text)
    if "ktivitet" in text:
        text = field_lines_read(text)
    if _CHECKBOX.search(text):
        text = _ticked_options(text)
    text = _card_labels_joined(text)
    if "med" in text and _ITEM_MARK_LEGEND.search(text, 0, 50_000):
        text = _only_marked_items(text)
    if ";;" in text:
        text = _EMPTY_CSV_CELLS.sub(r"\1", text)
    if "+-" in text or "+=" in text:
        text = grid_tables_read(text)
    if "--- --" in text or "---  --" in text:
        text = dashed_tables_read(text)
    if "\t" in text:
        if "abel" in text or "etikett" in text:
            text = _pivot_tables_read(text)
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
            text = _without_comments(_without_emoji(symbol_legend_lines_read(text)))
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
    if "dag" in text or "DAG" in text:
        text = week_plan_read(text)
    if " x " in text or " st " in text or "/" in text:
        text = count_first_lines_bulleted(text)
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
            for k, (line, cell) in enumerate(page)
            if not (
                line
                and not cell
                and (
                    _chrome(line)
                    and not (k and ends_sentence(page[k - 1][0], line))
                    or _page_furniture(line)
                    or _pattern(line) in repeated
                )
            )
        ]
        page_lines = _joined_over_heads(marked) if None in marked else marked
        if not any(cell for _line, cell in page):
            page_lines = _poster_lines_joined(credits_dropped(page_lines))
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
