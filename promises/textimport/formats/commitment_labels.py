"""Commitments written a line each behind a label, as a survey's results and the answers to
them are: "Så svarade ni: 58 % känner sig otrygga …" over "Vårt åtagande: Polisen
fotpatrullerar i centrum minst två kvällar i veckan.", "Vårt åtagande: Piteå kommun byter …".
Each run of such lines is read as a list, "Våra åtaganden:" over its items ("- Polisen
fotpatrullerar …"), each item's owner the actor it names. The label is "åtagande", "Vårt
åtagande" or "Åtagande 2", with a colon; the rule holds where two lines or more are so
labelled (a single "Åtagande: …" is a field of a block, which the block's readers read)."""

import re

_LABELLED = re.compile(
    r"^[ \t]*(?:vårt[ \t]+|vårt[ \t]+gemensamma[ \t]+)?åtagande(?:[ \t]+\d{1,2})?[ \t]*:"
    r"[ \t]+(?P<text>\S.*)$",
    re.IGNORECASE,
)
_FEWEST_LINES = 2
HEADING = "Våra åtaganden:"


def commitment_labels_read(text: str) -> str:
    """The text with each run of labelled commitments read as a list of items."""
    lines = text.split("\n")
    labelled = [_LABELLED.match(line) if "tagande" in line else None for line in lines]
    if sum(1 for match in labelled if match) < _FEWEST_LINES:
        return text
    result: list[str] = []
    for number, (line, match) in enumerate(zip(lines, labelled, strict=True)):
        if not match:
            result.append(line)
            continue
        if not number or not labelled[number - 1]:
            result.append(HEADING)
        result.append(f"- {match.group('text')}")
    return "\n".join(result)
