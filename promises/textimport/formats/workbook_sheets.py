"""A workbook's sheets as xlsx2csv writes them all (its "-a"): each sheet's CSV records under
"-------- 2 - Polisen", the sheet's number and name. Each sheet's name is a heading over its
records; a sheet whose first record has three cells or more is a table, its records a row each
with their cells set apart by tabs, and when the sheet is named for parties ("Polisen",
"Sundsvalls kommun", "Tillsammans") and its table has no owner's column, its name is each row's
owner; the records of another sheet are lines, a label and its value as "Giltigt:
2027-01-01 – 2027-12-31"."""

import csv
import re

from promises.textimport.numbers import fold
from promises.textimport.owners import actor_kind, split_actors

_SHEET = re.compile(r"^-{8} \d{1,3} - (\S.*)$", re.MULTILINE)
# So many sheets before a text is read as a workbook: a single rule is some other line.
_FEWEST_SHEETS = 2
_OWNER_COLUMN = re.compile(r"ansvar(?:ig|ar)?|vem\??|ansvarig part")
_TOGETHER = frozenset({"tillsammans", "gemensamt", "gemensamma"})
# A record of two cells is a label and its value when its first cell is as short as a label.
_LONGEST_LABEL = 30


def workbook_sheets_read(text: str) -> str:
    """The text with a workbook's sheets read (see the module); unchanged when it has fewer
    than _FEWEST_SHEETS sheets' rules."""
    rules = list(_SHEET.finditer(text))
    if len(rules) < _FEWEST_SHEETS:
        return text
    parts = [text[: rules[0].start()]]
    for number, rule in enumerate(rules):
        end = rules[number + 1].start() if number + 1 < len(rules) else len(text)
        name = rule.group(1).strip()
        parts.append(f"\n{name}\n\n{_sheet_read(text[rule.end() : end], name)}\n")
    return "".join(parts)


def _sheet_read(sheet: str, name: str) -> str:
    records = [
        [cell.strip() for cell in record]
        for record in csv.reader(line for line in sheet.split("\n") if line.strip())
    ]
    if records and sum(map(bool, records[0])) >= 3:
        if _names_parties(name) and not any(_OWNER_COLUMN.fullmatch(fold(c)) for c in records[0]):
            # the sheet a party's: its name is each row's owner
            records = [records[0] + ["Ansvarig"], *(record + [name] for record in records[1:])]
        return "\n".join("\t".join(record) for record in records)
    lines = []
    for record in records:
        cells = [cell for cell in record if cell]
        if len(cells) == 2 and len(cells[0]) <= _LONGEST_LABEL and not cells[0].endswith(":"):
            lines.append(f"{cells[0]}: {cells[1]}")
        else:
            lines.append(" ".join(cells))
    return "\n".join(lines)


def _names_parties(name: str) -> bool:
    actors = split_actors(name)
    return fold(name) in _TOGETHER or bool(actors) and all(actor_kind(fold(a)) for a in actors)
