"""A document saved as Rich Text (.rtf) and uploaded or pasted as text: its words, its paragraphs
and table cells as lines, without its control words and groups."""

import re

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
