"""A wiki page's templates (MediaWiki, as an intranet's wiki has them), one per activity:
"{{Aktivitet" over "| text = Fotpatrullering vid Tybble torg", "| ansvar = Polisen", "|
omfattning = minst 3 kvällar i veckan" and "}}". When two templates or more open on a line of
their own and set their parameters a line each, each template with a text is read as a block of
labelled lines: its text ("text", "beskrivning", "namn", "rubrik") under the template's name
("Aktivitet: Fotpatrullering vid Tybble torg"), each other parameter with its name as the label
("Ansvar: Polisen", "Omfattning: minst 3 kvällar i veckan"), an empty one left out, and the
braces dropped; so the reader of labelled blocks reads each activity with its owner and target.
A template with no text (an infobox "{{Infobox medborgarlöfte", whose "kommun" and "polis"
would read as activities) and one written on one line ("{{Citat|…}}") are left as they are."""

import re

_OPENING = re.compile(r"^[ \t]*\{\{[ \t]*([^{}|\n]{2,60}?)[ \t]*$", re.MULTILINE)
_FEWEST_TEMPLATES = 2
_PARAMETER = re.compile(r"^[ \t]*\|[ \t]*([^=|\n]{1,40}?)[ \t]*=[ \t]*(.*?)[ \t]*$")
_CLOSING = re.compile(r"^[ \t]*\}\}[ \t]*$")
_TEXT_NAMES = frozenset({"text", "beskrivning", "namn", "rubrik", "titel", "aktivitet"})
_LONGEST_TEMPLATE = 40


def _block(name: str, parameters: list[tuple[str, str]]) -> list[str]:
    block = []
    for key, value in parameters:
        if not value:
            continue
        if key.lower() in _TEXT_NAMES:
            block.insert(0, f"{name[:1].upper()}{name[1:]}: {value}")
        else:
            block.append(f"{key[:1].upper()}{key[1:]}: {value}")
    return block


def wiki_templates_read(text: str) -> str:
    """The text with each template set out a parameter a line, with a text, read as a block of
    labelled lines, when two templates or more open on a line of their own."""
    if len(_OPENING.findall(text, 0, 50_000)) < _FEWEST_TEMPLATES:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening:
            parameters = []
            end = index + 1
            while end < len(lines) and end - index <= _LONGEST_TEMPLATE:
                if parameter := _PARAMETER.match(lines[end]):
                    parameters.append((parameter.group(1), parameter.group(2)))
                    end += 1
                    continue
                break
            texts = [key for key, value in parameters if key.lower() in _TEXT_NAMES and value]
            if texts and end < len(lines) and _CLOSING.match(lines[end]):
                if out and out[-1].strip():
                    out.append("")
                out.extend(_block(opening.group(1), parameters))
                out.append("")
                index = end + 1
                continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)
