"""A form's fields numbered by the activity they belong to, as a PDF form exported as text or a
web form's receipt gives them: "Aktivitet 1: …", "Ansvarig part 1: Polisen", "Omfattning 1:
minst 2 kvällar i veckan", then "Aktivitet 2: …". When two lines or more open "Aktivitet N:",
each field's number is dropped from its label, and "Ansvarig part" ("Ansvarig aktör",
"Ansvarig organisation") is read as "Ansvarig", so that the reader of a block of labelled
fields reads each activity with its owner and target. Other fields must be numbered too (two
lines or more, "Ansvarig part 1:", "Omfattning 1:"): lines "Aktivitet 1: minst 2 insatser i
månaden" alone, under a heading "Mål och uppföljning", refer to the activities above by number
and are left as they are.

A plan's activities numbered by section and titled on the same line, "Aktivitet 1.1
Riktade insatser mot narkotikahandel" (no colon after the number), each right over its labelled
fields ("Ansvarig:", "Mätetal:", "Målvärde:"), have the number dropped too, "Aktivitet:
Riktade insatser …", when two activities or more are so written; a numbered line over
anything else is left as it is. The fields' values, set in a column by spaces ("Ansvarig:
Polisen" with many spaces between), are closed up to the label, so that they are not read as
a page's second column."""

import re

_NUMBERED_ACTIVITY = re.compile(r"^[ \t]*Aktivitet[ \t]+\d{1,2}[ \t]*:", re.MULTILINE)
_FEWEST_ACTIVITIES = 2
_FEWEST_OTHER_FIELDS = 2
# "Ansvarig part 3:", "Omfattning 3:", "Mål och mått 3:": a label of one to three words, its
# first capitalised, then the number.
_NUMBERED_LABEL = re.compile(
    r"^([ \t]*)([A-ZÅÄÖ][a-zåäöé]+(?:[ -][a-zåäöé]+){0,2})[ \t]+\d{1,2}[ \t]*:", re.MULTILINE
)
# "Aktivitet 1.1  Riktade insatser …" over "  Ansvarig:      Polisen"
_TITLED_ACTIVITY = re.compile(
    r"^(?P<indent>[ \t]*)Aktivitet[ \t]+\d{1,2}(?:\.\d{1,2}){0,2}\.?[ \t]+(?P<title>[^\s:].*)$"
)
_FIELD = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>[A-ZÅÄÖ][a-zåäö]+(?:[ -][a-zåäö]+){0,2}):"
    r"[ \t]*(?P<value>.*?)[ \t]*$"
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


def titled_activities_read(text: str) -> str:
    """The text with each activity titled after its number over labelled fields read as a
    block's "Aktivitet: …" line, its fields' values closed up to their labels, when two
    activities or more are so written."""
    lines = text.split("\n")
    titled = [
        number
        for number, line in enumerate(lines[:-1])
        if "Aktivitet " in line and _TITLED_ACTIVITY.match(line) and _FIELD.match(lines[number + 1])
    ]
    if len(titled) < _FEWEST_ACTIVITIES:
        return text
    for number in titled:
        title = _TITLED_ACTIVITY.match(lines[number])
        lines[number] = f"{title.group('indent')}Aktivitet: {title.group('title').strip()}"
        below = number + 1
        while below < len(lines) and (field := _FIELD.match(lines[below])):
            lines[below] = f"{field.group('indent')}{field.group('label')}: {field.group('value')}"
            below += 1
    return "\n".join(lines)
