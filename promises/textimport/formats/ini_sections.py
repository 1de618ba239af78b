"""A settings file (INI) exported from a follow-up tool, one section per activity: "[aktivitet.1]"
over "text = Fotpatrullering i Brynäs centrum", "ansvar = Polisen" and "omfattning = minst 2
kvällar i veckan", comments opening with ";" or "#". When two sections or more are named as an
activity's ("[aktivitet.1]", "[Aktivitet 2]", "[atgard_3]") and set a text, each is read as a
block of labelled lines, as a wiki's templates are (formats/wiki_templates.py): its text under
"Aktivitet:", each other key with its name as the label ("Ansvar: Polisen", "Omfattning: …"),
an empty one left out; so the reader of labelled blocks reads each activity with its owner and
target. Other sections ("[lofte]", "[export]") and the comments are left as they are."""

import re

_SECTION = re.compile(
    r"^[ \t]*\[[ \t]*(?:aktivitet|åtgärd|atgard|insats)[ \t._-]*\d{1,3}[ \t]*\][ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FEWEST_SECTIONS = 2
_KEY = re.compile(r"^[ \t]*([A-Za-zÅÄÖåäö][\w .-]{0,30}?)[ \t]*[=:][ \t]*(.*?)[ \t]*$")
_TEXT_KEYS = frozenset({"text", "beskrivning", "namn", "rubrik", "titel", "aktivitet"})
_LONGEST_SECTION = 30


def ini_sections_read(text: str) -> str:
    """The text with each activity's section of a settings file read as a block of labelled
    lines, when two sections or more are an activity's."""
    if len(_SECTION.findall(text, 0, 50_000)) < _FEWEST_SECTIONS:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not _SECTION.match(lines[index]):
            out.append(lines[index])
            index += 1
            continue
        keys = []
        end = index + 1
        while end < len(lines) and end - index <= _LONGEST_SECTION:
            if key := _KEY.match(lines[end]):
                keys.append((key.group(1).replace("_", " "), key.group(2)))
                end += 1
                continue
            break
        block = []
        for name, value in keys:
            if not value:
                continue
            if name.lower() in _TEXT_KEYS:
                block.insert(0, f"Aktivitet: {value}")
            else:
                block.append(f"{name[:1].upper()}{name[1:]}: {value}")
        if not block or not block[0].startswith("Aktivitet: "):
            out.append(lines[index])
            index += 1
            continue
        out.extend(block)
        index = end
    return "\n".join(out)
