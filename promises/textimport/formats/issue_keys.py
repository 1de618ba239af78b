"""An issue tracker's list as text (Jira, Azure DevOps, Redmine), one issue an activity: its key
and title, "TRYGG-31  Fotpatrullering kring Torpa torg", over its fields, "Typ: Uppgift
Status: Att göra", "Tilldelad: Polisen, LPO Trollhättan-Vänersborg", "Beskrivning: Synlig polis
vid torget minst två kvällar i veckan.", "Etiketter: …". When two issues or more have the one
they are assigned to among their fields, each is read as a block of labelled lines for the
block reader: "Aktivitet: " with the title, the assignee as "Ansvar:", the description as
"Omfattning:" (where the tracker says how often), its other fields (type, status, priority,
labels, dates) dropped. A key in running text ("se ärende TRYGG-31") is left as it
is."""

import re

from promises.textimport.numbers import fold

_KEY_TITLE = re.compile(
    r"^[ \t]*[A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,9}-\d{1,6}(?:[ \t]{2,}|[ \t]*[:–-][ \t]*)(\S.*?)[ \t]*$"
)
KEY_PRESENT = re.compile(r"^[ \t]*[A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,9}-\d", re.MULTILINE)
_FIELD = re.compile(r"^[ \t]*([A-ZÅÄÖ][\wåäö ]{1,25}?)[ \t]*:[ \t]*(\S.*?)[ \t]*$")
_ASSIGNEE = frozenset({"tilldelad", "tilldelat", "tilldelad till", "assignee", "utforare"})
_DESCRIPTION = frozenset({"beskrivning", "description"})
_MOST_FIELD_LINES = 8
_FEWEST_ISSUES = 2


def _fields(line: str) -> list[tuple[str, str]]:
    """A tracker's line of fields, one or several set apart by wide spaces ("Typ: Uppgift
    Status: Att göra")."""
    fields = []
    for part in re.split(r"[ \t]{3,}|\t", line.strip()):
        field = _FIELD.match(part)
        if not field:
            return []
        fields.append((fold(field.group(1)).strip(), field.group(2)))
    return fields


def issue_keys_read(text: str) -> str:
    """The text with each issue, its key and title over its fields, read as a block of
    labelled lines, when two issues or more name whom they are assigned to."""
    lines = text.split("\n")
    issues = []
    for index, line in enumerate(lines):
        title = _KEY_TITLE.match(line)
        if not title:
            continue
        end = index + 1
        fields: list[tuple[str, str]] = []
        while end < len(lines) and end - index <= _MOST_FIELD_LINES:
            found = _fields(lines[end])
            if not found:
                break
            fields += found
            end += 1
        if any(name in _ASSIGNEE for name, _value in fields):
            issues.append((index, end, title.group(1), fields))
    if len(issues) < _FEWEST_ISSUES:
        return text
    kept: list[str] = []
    done = 0
    for index, end, title, fields in issues:
        kept += [*lines[done:index], f"Aktivitet: {title}"]
        for name, value in fields:
            if name in _ASSIGNEE:
                kept.append(f"Ansvar: {value}")
            elif name in _DESCRIPTION:
                kept.append(f"Omfattning: {value}")
        done = end
    return "\n".join([*kept, *lines[done:]])
