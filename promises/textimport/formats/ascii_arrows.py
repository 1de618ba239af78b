"""Arrows typed with the keyboard, as a plain-text e-mail or a note gives a list: "-> " (or
"=> ", "--> ") opening each item, and " => Polisen" ending it with who does it ("Fotpatrullering
kring centrum, minst 2 kvällar/vecka => Polisen"). When two lines or more open with such an
arrow, each is read as a bullet, a trailing " => X" of one to four words as the owner's label
"(X)", and the parenthesis explaining the layout in the heading right over the items
("Aktiviteter (aktivitet => ansvarig):") is dropped, so that the heading opens the list. An
arrow inside a line ("2027-01-01 -> 2027-12-31", "kommunen <-> polisen") is left as it is."""

import re

_ARROW_ITEM = re.compile(r"^([ \t]*)(?:-{1,2}|=)>[ \t]+(?=\S)", re.MULTILINE)
_FEWEST_ITEMS = 2
# " => Polisen", " => Polisen + kommunen": one to four words ending the item.
_TRAILING_OWNER = re.compile(r"[ \t]+=>[ \t]+([^\s=>()][^=>()\n]{0,60}?)[ \t]*$")
_MOST_OWNER_WORDS = 4
# "Aktiviteter (aktivitet => ansvarig):": the parenthesis says how to read the lines below.
_LAYOUT_PARENTHESIS = re.compile(r"^([^\n(]{3,60}?)[ \t]*\([^()\n]*=>[^()\n]*\)[ \t]*(:?)[ \t]*$")


def _item(line: str, indent: str) -> str:
    item = line[len(indent) :].split(None, 1)[1] if line.strip() else line
    owner = _TRAILING_OWNER.search(item)
    if owner and len(owner.group(1).split()) <= _MOST_OWNER_WORDS:
        item = f"{item[: owner.start()]} ({owner.group(1)})"
    return f"{indent}• {item}"


def ascii_arrows_read(text: str) -> str:
    """The text with each "-> " item a bullet's, its trailing " => X" the owner's label "(X)",
    when two lines or more open with a typed arrow."""
    if len(_ARROW_ITEM.findall(text, 0, 50_000)) < _FEWEST_ITEMS:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if match := _ARROW_ITEM.match(line):
            lines[index] = _item(line, match.group(1))
        elif (
            "=>" in line
            and index + 1 < len(lines)
            and _ARROW_ITEM.match(lines[index + 1])
            and (heading := _LAYOUT_PARENTHESIS.match(line))
        ):
            lines[index] = f"{heading.group(1)}{heading.group(2)}"
    return "\n".join(lines)
