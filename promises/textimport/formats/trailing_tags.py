"""Items ending with their owners as tags, as an intranet's post or an issue tracker writes them:
"Fotpatrullering kring resecentrum varje fredag och lördag kväll #polisen", "… 2 gånger per år
#polisen #jönköpingskommun", "- [ ] Ny belysning på gångvägen @skelleftea.kommun", the tags
running the words together or parting them with "." or "_". When two lines or more end with
tags naming a party, the police ("#polisen", "@polisen.skelleftea") or the municipality
("#jönköpingskommun", "@skelleftea.kommun", "#stadenvasteras"), each such line is read as an
item (a bullet of its own unless it has one) with its owners as a label in brackets:
"(Polisen)", "(Kommunen)", "(Polisen och kommunen)". A line of tags alone ("#medborgarlöfte
#huskvarna") and tags naming no party (a person's "@lina.berg") are left as they are."""

import re

_TAGS = re.compile(r"(?<=\S)(?P<tags>(?:[ \t]+[#@][\wåäöÅÄÖ.-]{2,40}){1,4})[ \t]*$", re.MULTILINE)
_FEWEST_ITEMS = 2
_BULLET = re.compile(r"^[ \t]*(?:[-*+•–]|\d{1,2}[.)])[ \t]")
_NAMES = {"police": "Polisen", "municipality": "Kommunen"}


def _party(tag: str) -> str | None:
    folded = tag.lower()
    if "polis" in folded:
        return "police"
    if "kommun" in folded or folded.startswith(("staden", "#stad", "@stad")):
        return "municipality"
    return None


def _owners(tags: str) -> list[str]:
    parties = []
    for tag in tags.split():
        party = _party(tag)
        if party and party not in parties:
            parties.append(party)
    return parties


def _label(parties: list[str]) -> str:
    if len(parties) == 2:
        return " (Polisen och kommunen)"
    return f" ({_NAMES[parties[0]]})"


def trailing_tags_read(text: str) -> str:
    """The text with each line ending with its owners' tags read as an item with its owners
    in brackets, when two lines or more do."""
    tagged = [match for match in _TAGS.finditer(text, 0, 50_000) if _owners(match.group("tags"))]
    if len(tagged) < _FEWEST_ITEMS:
        return text
    pieces = []
    done = 0
    for match in tagged:
        start = text.rfind("\n", 0, match.start()) + 1
        line = text[start : match.start()]
        if not line.strip() or line.lstrip().startswith(("#", "@")):
            continue
        item = line if _BULLET.match(line) else f"- {line.strip()}"
        pieces += [text[done:start], item, _label(_owners(match.group("tags")))]
        done = match.end()
    return "".join(pieces) + text[done:]
