"""A web calendar's events, one card per activity: its title over "Arrangör: Polisen", "När:
Varannan torsdag kl. 15–17", "Plats: …" and a link "Läs mer »". When two cards or more have
their organiser's line right under the title, each card is read as a block of labelled lines:
"Aktivitet: " with the title, the organiser as "Ansvar:", the time as "Omfattning:" (where a
calendar says how often), the other labels as they are, and the link dropped; so the reader of
labelled blocks reads each activity with its owner and target. An "Arrangör:" line with no
title over it (a single event's page) is left as it is."""

import re

_ORGANISER = re.compile(r"^[ \t]*(?:Arrangör|Arrangörer|Arrangeras av)[ \t]*:[ \t]*(\S.*?)[ \t]*$")
_TITLE = re.compile(r"^[ \t]*([A-ZÅÄÖ][^:\n]{1,80}?)[ \t]*$")
_FIELD = re.compile(r"^[ \t]*([A-ZÅÄÖ][\wåäö ]{1,20}?)[ \t]*:[ \t]*(\S.*?)[ \t]*$")
_LINK = re.compile(
    r"^[ \t]*(?:Läs mer|Anmäl dig|Mer information|Till evenemanget)[ \t]*[»›>→]*[ \t]*$"
)
_FEWEST_CARDS = 2
_LABELS = {"när": "Omfattning", "tid": "Omfattning", "datum": "Omfattning"}


def event_cards_read(text: str) -> str:
    """The text with each event card, its title over its organiser's line, read as a block of
    labelled lines, when two cards or more."""
    lines = text.split("\n")
    cards = [
        index
        for index in range(1, len(lines))
        if _ORGANISER.match(lines[index]) and _TITLE.match(lines[index - 1])
    ]
    if len(cards) < _FEWEST_CARDS:
        return text
    for index in reversed(cards):
        end = index + 1
        fields = [f"Ansvar: {_ORGANISER.match(lines[index]).group(1)}"]
        while end < len(lines) and end - index < 8:
            if field := _FIELD.match(lines[end]):
                name = field.group(1)
                fields.append(f"{_LABELS.get(name.lower(), name)}: {field.group(2)}")
            elif not _LINK.match(lines[end]):
                break
            end += 1
        title = _TITLE.match(lines[index - 1]).group(1)
        lines[index - 1 : end] = [f"Aktivitet: {title}", *fields]
    return "\n".join(lines)
