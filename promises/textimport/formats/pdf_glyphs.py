"""A PDF's text as pdfminer (or a tool built on it) extracts it where the font maps a glyph to no
letter: the glyph's number in the font as "(cid:N)". A line opening with such a code before a
space is a list's item, the code its bullet ("(cid:127) fotpatrullera …"); and Calibri's
ligatures, which Word's PDFs use for "ti", "tt" and "ft", are read as those letters
("Ak(cid:415)viteter", "a(cid:425) arbeta", "medborgarlö(cid:332)et"). Other codes are left as
they are, for the coordinator to see."""

import re

_CODE = re.compile(r"\(cid:(\d{1,5})\)")
_BULLET_CODE = re.compile(r"^([ \t]*)\(cid:\d{1,5}\)[ \t]+(?=\S)", re.MULTILINE)
# Calibri's ligatures as pdfminer numbers them.
_LIGATURES = {"415": "ti", "425": "tt", "332": "ft"}
# So many codes before a text is read as pdfminer's: one code in a text is no extraction.
_FEWEST_CODES = 3


def glyph_codes_read(text: str) -> str:
    """The text with pdfminer's glyph codes read: bullets opening lines, ligatures as their
    letters; unchanged when it holds fewer than _FEWEST_CODES codes."""
    if len(_CODE.findall(text, 0, 200_000)) < _FEWEST_CODES:
        return text
    text = _BULLET_CODE.sub(r"\1• ", text)
    return _CODE.sub(lambda code: _LIGATURES.get(code.group(1), code.group()), text)
