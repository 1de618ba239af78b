"""A word processor's bullets in a symbol font (Wingdings, Symbol), pasted as plain text
without the font: the check mark comes out as "ü", the arrow as "Ø", the small square as "§" or
"Ÿ", or as the font's private-use code points ("\uf0fc", "\uf0d8", "\uf0a7"). When two lines or
more open with such a glyph followed by a tab or two spaces or more, the glyph is read as a
bullet: the first level's ("ü", "Ø", …) as "•", the square "§" of a lower level as "o", the
mark Word gives its second level and that the item readers read as a detail of the item
above."""

import re

_GLYPH = re.compile(
    r"^([ \t]*)([üØŸ\uf0fc\uf0d8\uf0a7\uf076\uf0b7§])(?:\t|  )[ \t]*(?=[^\s\d])", re.MULTILINE
)
_FEWEST_BULLETS = 2
_LOWER_LEVEL = "§\uf0a7"


def _bullet(match: re.Match) -> str:
    return f"{match.group(1)}{'o' if match.group(2) in _LOWER_LEVEL else '•'} "


def symbol_bullets_read(text: str) -> str:
    """The text with each symbol font's bullet glyph as a bullet, when two lines or more open
    with a first level's glyph."""
    first_level = sum(
        1 for match in _GLYPH.finditer(text, 0, 50_000) if match.group(2) not in _LOWER_LEVEL
    )
    if first_level < _FEWEST_BULLETS:
        return text
    return _GLYPH.sub(_bullet, text)
