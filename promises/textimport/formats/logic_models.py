"""A programme theory's logic model ("Programteori", "Logikmodell") as a table copied with tabs:
"Resurser", "Aktiviteter", "Prestationer", "Kortsiktiga effekter", "Långsiktiga effekter". The
resources' cell names who stands for them before a colon ("Polisen: två kommunpoliser",
"KBAB: bovärdar") or is the party alone ("Polisen och Karlstads kommun"), and the outputs' cell
is what the activity is to give ("minst två kvällar i veckan"). Each row under such a heading
is a block for the block reader: "Aktivitet:" the activity's cell, "Ansvar:" who stands for the
resources, "Omfattning:" the outputs; the effects, no activities, are dropped."""

import re

from promises.textimport.numbers import fold

_HEADING = re.compile(r"resurs(?:er)?|aktivitet(?:er)?|prestation(?:er)?|.*effekt(?:er)?|utfall")
_KINDS = ("resurs", "aktivitet", "prestation", "effekt", "utfall")
_WHO = re.compile(r"(?P<who>[A-ZÅÄÖ][^:\n]{1,60}):\s")


def logic_models_read(text: str) -> str:
    """The text with each logic model's rows read as blocks (see the module); unchanged when
    it has no such heading."""
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        columns = _columns(lines[index])
        end = index + 1
        while columns and end < len(lines) and len(cells := lines[end].split("\t")) == len(columns):
            row = dict(zip(columns, (cell.strip() for cell in cells), strict=True))
            who = _WHO.match(row["resurs"])
            kept += [
                f"Aktivitet: {row['aktivitet']}",
                f"Ansvar: {who.group('who') if who else row['resurs']}",
                *([f"Omfattning: {row['prestation']}"] * bool(row.get("prestation"))),
                "",
            ]
            end += 1
        if end == index + 1:
            kept.append(lines[index])  # no heading, or one with no row under it
        index = end
    return "\n".join(kept)


def _columns(line: str) -> list[str] | None:
    """A logic model's heading's columns ("resurs", "aktivitet", "prestation", "effekt"), when
    the line is one naming resources, activities and outputs."""
    if "\t" not in line:
        return None
    names = [fold(cell.strip()) for cell in line.split("\t")]
    if not all(_HEADING.fullmatch(name) for name in names):
        return None
    columns = [
        next(
            kind for kind in ("resurs", "aktivitet", "prestation", "effekt", "utfall") if kind in n
        )
        for n in names
    ]
    if not {"resurs", "aktivitet", "prestation"} <= set(columns):
        return None
    return columns
