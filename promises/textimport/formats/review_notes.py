"""An e-mail reply that quotes a draft ("> …" lines) with the reviewer's notes written between
the quoted lines: "Ändringsförslag: skriv "minst två kvällar i veckan"", "Kommentar: …". A note
is the reply's, no part of the draft: it is dropped, so that it is not read as the wrapped end
of the quoted item above it (whose count it would change)."""

import re

_QUOTED_LINE = re.compile(r"^>", re.MULTILINE)
_NOTE = re.compile(
    r"^[ \t]*(?:Ändringsförslag|Förslag till ändring|Kommentar)[ \t]*:[^\n]*\n(?=>)",
    re.MULTILINE | re.IGNORECASE,
)
_FEWEST_QUOTED_LINES = 5


def review_notes_dropped(text: str) -> str:
    """The text without the notes written between a quoted draft's lines."""
    if len(_QUOTED_LINE.findall(text, 0, 50_000)) < _FEWEST_QUOTED_LINES:
        return text
    return _NOTE.sub("", text)
