"""A form's fields numbered by the activity they belong to, as a PDF form exported as text or a
web form's receipt gives them: "Aktivitet 1: …", "Ansvarig part 1: Polisen", "Omfattning 1:
minst 2 kvällar i veckan", then "Aktivitet 2: …". When two lines or more open "Aktivitet N:",
each field's number is dropped from its label, and "Ansvarig part" ("Ansvarig aktör",
"Ansvarig organisation") is read as "Ansvarig", so that the reader of a block of labelled
fields reads each activity with its owner and target. Other fields must be numbered too (two
lines or more, "Ansvarig part 1:", "Omfattning 1:"): lines "Aktivitet 1: minst 2 insatser i
månaden" alone, under a heading "Mål och uppföljning", refer to the activities above by number
and are left as they are."""

import re

_NUMBERED_ACTIVITY = re.compile(r"^[ \t]*Aktivitet[ \t]+\d{1,2}[ \t]*:", re.MULTILINE)
_FEWEST_ACTIVITIES = 2
_FEWEST_OTHER_FIELDS = 2
# "Ansvarig part 3:", "Omfattning 3:", "Mål och mått 3:": a label of one to three words, its
# first capitalised, then the number.
_NUMBERED_LABEL = re.compile(
    r"^([ \t]*)([A-ZÅÄÖ][a-zåäöé]+(?:[ -][a-zåäöé]+){0,2})[ \t]+\d{1,2}[ \t]*:", re.MULTILINE
)
_OWNER_LABEL = re.compile(r"Ansvarig (?:part|aktör|organisation)")


def _label(match: re.Match) -> str:
    label = _OWNER_LABEL.sub("Ansvarig", match.group(2))
    return f"{match.group(1)}{label}:"


def numbered_fields_read(text: str) -> str:
    """The text with each numbered field's number dropped from its label, when two lines or
    more open "Aktivitet N:"."""
    if len(_NUMBERED_ACTIVITY.findall(text, 0, 50_000)) < _FEWEST_ACTIVITIES:
        return text
    other_fields = sum(
        1 for match in _NUMBERED_LABEL.finditer(text, 0, 50_000) if match.group(2) != "Aktivitet"
    )
    if other_fields < _FEWEST_OTHER_FIELDS:
        return text
    return _NUMBERED_LABEL.sub(_label, text)
