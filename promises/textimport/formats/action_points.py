"""Meeting notes' action points, numbered with their own abbreviation: "ÅP 1: Hastighetskontroller
vid Bergnäsets skola minst 1 gång i veckan. Ansv: Polisen." ("Åtgärdspunkt 2:", "ÅP3."). When
two lines or more open so, each is read as a numbered item ("1. …") and its abbreviated owner's
label "Ansv:" as "Ansvar:", the label the owner reader knows; the heading over them ("Åtgärdspunkter
(ÅP) som ingår i löftet:") loses its bracketed abbreviation. A single such line is left as it
is."""

import re

_POINT = re.compile(
    r"^([ \t]*)(?:ÅP|Åp|AP|Åtgärdspunkt)[ \t]*(\d{1,2})[ \t]*[:.][ \t]+(?=\S)", re.MULTILINE
)
_FEWEST_POINTS = 2
_SHORT_LABEL = re.compile(r"(?<=[.;,])[ \t]+Ansv[.:][ \t]*(?=[A-ZÅÄÖ])")
_HEADING_ABBREVIATION = re.compile(r"^(Åtgärdspunkter)[ \t]*\((?:ÅP|AP)\)", re.MULTILINE)


def action_points_read(text: str) -> str:
    """The text with each action point "ÅP 1: …" read as a numbered item, when two or more."""
    if len(_POINT.findall(text, 0, 50_000)) < _FEWEST_POINTS:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if point := _POINT.match(line):
            rest = _SHORT_LABEL.sub(" Ansvar: ", line[point.end() :])
            lines[index] = f"{point.group(1)}{point.group(2)}. {rest}"
    return _HEADING_ABBREVIATION.sub(r"\1", "\n".join(lines))
