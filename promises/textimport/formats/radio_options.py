"""A web form's receipt with its choices as radio buttons typed out: "Ansvarig part: (•) Polisen
( ) Umeå kommun ( ) Gemensamt ( ) Annan", the chosen option marked "(•)" ("(x)", "(X)", "(*)",
"◉"), the others left empty ("( )", "○"), each form's part set between dashes ("--- Aktivitet 1
---"). On a line of two options or more of which exactly one is chosen, the options are read as
the chosen one ("Ansvarig part: Polisen"; "(•) Annan: Föreningen Nattvandrarna" as "Föreningen
Nattvandrarna"), so that the reader of a block of labelled fields reads the owner; a line none
or two of whose options are chosen is left as it is. When such lines are there, "--- Aktivitet 1
---" is read as the block's heading "Aktivitet 1"."""

import re

_OPTION = re.compile(r"(?:\((?P<chosen>[•●xX*])\)|\(\s\)|(?P<round>[◉○]))[ \t]*")
_FEWEST_OPTIONS = 2
# "Annan: Föreningen Nattvandrarna Umeå": the option "other" written out.
_OTHER_WRITTEN = re.compile(r"^(?:Annan|Annat|Övrig|Övriga|Other)\s*:\s*(?=\S)", re.IGNORECASE)
_DASHED_HEADING = re.compile(
    r"^[ \t]*[-=]{3,}[ \t]*((?:Aktivitet|Insats|Åtgärd)[ \t]+\d{1,2})[ \t]*[-=]{3,}[ \t]*$",
    re.MULTILINE,
)


def _chosen(line: str) -> str | None:
    """The line with its options read as the one chosen, or None unless exactly one of two
    options or more is."""
    options = list(_OPTION.finditer(line))
    if len(options) < _FEWEST_OPTIONS:
        return None
    chosen = [
        index
        for index, option in enumerate(options)
        if option.group("chosen") or option.group("round") == "◉"
    ]
    if len(chosen) != 1:
        return None
    option = options[chosen[0]]
    end = options[chosen[0] + 1].start() if chosen[0] + 1 < len(options) else len(line)
    value = _OTHER_WRITTEN.sub("", line[option.end() : end].strip())
    return f"{line[: options[0].start()].rstrip()} {value}".strip()


def radio_options_read(text: str) -> str:
    """The text with each line of radio buttons read as its chosen option, and "--- Aktivitet 1
    ---" as "Aktivitet 1" when there are such lines."""
    lines = text.split("\n")
    read = 0
    for index, line in enumerate(lines):
        if "(" in line or "◉" in line:
            chosen = _chosen(line)
            if chosen is not None:
                lines[index] = chosen
                read += 1
    if not read:
        return text
    return _DASHED_HEADING.sub(r"\1", "\n".join(lines))
