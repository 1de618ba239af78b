"""Activities written one per line as labelled fields set apart by a middle dot, a bar or a
dash: "Aktivitet: Fotpatrullering vid torget · Ansvar: Polisen · Omfattning: minst 2
kvällar/vecka". Two such lines or more are each one activity: each field is set on a line of
its own, so that the block reader (reading/blocks.py) reads the "Aktivitet" field as the text,
"Ansvar"/"Ansvarig" as the owner and "Omfattning"/"Mål" as the target, as it reads a block of
"Vad:", "Vem:", "När:" lines."""

import re

# The labels a field line may hold after its activity's own.
_FIELD_LABEL = (
    r"(?:Ansvar|Ansvarig|Ansvariga|Vem|Omfattning|Mål|Målvärde|När|Var|Hur ofta|Frekvens"
    r"|Period|Tidpunkt|Samverkan|Partner|Kommentar)"
)
# A line opening with the activity's field and holding at least one labelled field after it.
_FIELD_LINE = re.compile(
    rf"^[ \t]*(?:[-*•][ \t]+)?Aktivitet[ \t]*:[ \t]*\S[^\n]*?[ \t](?:·|\||–|—)[ \t]+{_FIELD_LABEL}"
    r"[ \t]*:[^\n]*$",
    re.MULTILINE,
)
# The separator before a labelled field inside such a line.
_SEPARATOR = re.compile(rf"[ \t]+(?:·|\||–|—)[ \t]+(?={_FIELD_LABEL}[ \t]*:)")
_FEWEST_FIELD_LINES = 2


def _fields_on_lines(match: re.Match) -> str:
    line = match.group().strip()
    if line[:1] in "-*•":
        line = line[1:].strip()
    return "\n".join(_SEPARATOR.split(line)) + "\n"


def field_lines_read(text: str) -> str:
    """Each line "Aktivitet: … · Ansvar: … · Omfattning: …" as a block of one field a line,
    a blank line after it, when two lines or more are so written."""
    if len(_FIELD_LINE.findall(text, 0, 50_000)) < _FEWEST_FIELD_LINES:
        return text
    return _FIELD_LINE.sub(_fields_on_lines, text)
