"""The part of the municipality a promise is for, as the document names it: a city district
("Medborgarlöfte för Rosengård", "stadsdelen Tensta", "Stadsdelsområde Norr"), proposed as the
period's area name. A name that is a municipality's ("Medborgarlöfte för Åre", "för Malmö stad")
names no part of one."""

import functools
import re

from municipalities.refdata import read_csv
from promises.textimport.numbers import fold

_WORD = r"[A-ZÅÄÖ]\w+(?:-[A-ZÅÄÖ]?\w+)*"
_NAME = rf"{_WORD}(?:[ \t]{_WORD}){{0,2}}"
# "Medborgarlöfte för Rosengård", "Medborgarlöftet för Gottsunda 2026", "stadsdelen Tensta",
# "stadsdelarna Rinkeby och Tensta", "Stadsdelsområde Norr", "i stadsdelen Backa".
_AREA = re.compile(
    r"\b(?:(?P<promise>[Mm]edborgarlöft(?:e|et|en|ena)[ \t]+(?:för|i)[ \t]+)"
    r"(?:stadsdel(?:en|sområdet)?[ \t]+)?"
    r"|[Ss]tadsdel(?:en|sområde(?:t)?|sområdena|arna)?[ \t]+)"
    rf"(?P<name>{_NAME}(?: och {_NAME})?)"
)
# A district named in a line about the promise (its title, "Löftet gäller stadsdelen …"), not
# where an activity is done ("Trygghetsvandring i stadsdelen Odenslund").
_ABOUT_PROMISE = re.compile(r"l[oö]fte|g[aä]ller", re.IGNORECASE)
_TITLE_LINES = 3
# Words that begin no district's name: the parties, the promise's own words, a province.
_NOT_A_NAME = re.compile(
    r"(?:polisen|polis|kommunen|kommun|staden|stad|region|lokalpolisomrade|lpo|invanarna"
    r"|alla|hela|samverkan|trygghet|ett|en|den|det|norra|sodra|ostra|vastra"
    r"|sverige|skane|norrland|svealand|gotaland|lappland|smaland|halland|blekinge|dalarna"
    r"|varmland|bergslagen)\b"
)
_MUNICIPALITY_WORD = re.compile(r"[ \t]+(?:kommun|stad|stads|kommuns|lan|region)\b", re.IGNORECASE)
_FIRST_LINES = 15


@functools.cache
def _municipality_names() -> frozenset[str]:
    return frozenset(fold(row["municipality_name"]) for row in read_csv("municipalities.csv"))


def read_area_name(text: str) -> str:
    """The district the first lines of `text` name the promise for ("Rosengård"), "" when they
    name none, a municipality, or two different ones."""
    filled = [line for line in text.split("\n", 400)[:400] if line.strip()]
    names: list[str] = []
    for number, line in enumerate(filled[:_FIRST_LINES]):
        for match in _AREA.finditer(line):
            name = match.group("name")
            if not (match.group("promise") or number < _TITLE_LINES or _ABOUT_PROMISE.search(line)):
                continue
            if _MUNICIPALITY_WORD.match(line, match.end()) or _NOT_A_NAME.match(fold(name)):
                continue
            parts = [fold(part) for part in name.split(" och ")]
            if any(
                part in _municipality_names() or part.split()[0] in _municipality_names()
                for part in parts
            ):
                continue
            if fold(name) not in (fold(known) for known in names):
                names.append(name)
    return names[0] if len(names) == 1 else ""
