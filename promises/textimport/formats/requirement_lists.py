"""A list of requirements as a procurement or an agreement's annex writes them: each on a line
of its id and level ("K-P1 (SKA)", "K-K3 (BÖR)") over its sentence, the modal verb in capitals
("Polisen SKA fotpatrullera …", "Gävle kommun BÖR byta ut …"), and how it is verified
("Verifiering: närvarolista"). Two such ids or more: each requirement is a block for the block
reader, "Aktivitet:" its sentence as written and "Ansvar:" the parties before the verb; the
id's line, the verification's and the levels' legend ("SKA = …, BÖR = …") are dropped. A "bör"
in lower case is left as it was: folded it is also "bor" (lives)."""

import re

_REQUIREMENT_ID = re.compile(
    r"^[ \t]*[A-ZÅÄÖ]{1,3}(?:-[A-ZÅÄÖ]{0,3}\d{1,3}){1,2}[ \t]*\((?:SKA|BÖR)\)[ \t]*$", re.MULTILINE
)
_REQUIREMENT = re.compile(r"(?P<who>[A-ZÅÄÖ][^.:\n]{1,60}?) (?:SKA|BÖR)\b(?: gemensamt)? \w")
_VERIFIED = re.compile(r"(?:verifiering|verifieras genom|uppföljning)\s*:", re.IGNORECASE)
# The levels' legend ("Läsanvisning: SKA = obligatoriskt åtagande. BÖR = …"): no activity.
_LEVELS_LEGEND = re.compile(r"\bSKA\s*=.*\bBÖR\s*=|\bBÖR\s*=.*\bSKA\s*=")
_FEWEST_REQUIREMENTS = 2


def requirement_lists_read(text: str) -> str:
    """The text with a list of requirements read as blocks (see the module); unchanged when it
    has fewer than _FEWEST_REQUIREMENTS ids."""
    if len(_REQUIREMENT_ID.findall(text, 0, 200_000)) < _FEWEST_REQUIREMENTS:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if not _REQUIREMENT_ID.fullmatch(lines[index]):
            if not _LEVELS_LEGEND.search(lines[index]):
                kept.append(lines[index])
            index += 1
            continue
        index += 1
        while index < len(lines) and lines[index].strip():
            line = lines[index].strip()
            requirement = _REQUIREMENT.match(line)
            if requirement:
                kept += [f"Aktivitet: {line}", f"Ansvar: {requirement.group('who')}"]
            elif not _VERIFIED.match(line):
                kept.append(line)
            index += 1
    return "\n".join(kept)
