"""Items ending with their owner's one-letter code in brackets, a legend saying what each code
stands for somewhere in the text, in a sentence or wrapped over lines ("bokstäverna inom
parentes anger vem som ansvarar, P = Polisen, S = Västerås stad, P/S = Polisen och staden
tillsammans, M = Mimer (allmännyttan)"): "Fältassistenter ute fredag och lördag kväll (S)
Q1–Q4", the quarters when it is done after the code. When the legend gives two codes or more
and two items or more end with one of them, each code is read as the name it stands for, in
brackets as an owner's label ("(Västerås stad)"; "(Ansvarig: Mimer)" for a name the owner
reader would not take alone), the quarters after it left out (the portal has no field for
them). A code without a legend ("(S)", a political party's letter) is left as it is."""

import re

from promises.textimport.owners import read_owner

_LEGEND_PAIR = re.compile(
    r"(?<![\w/])(?P<code>[A-ZÅÄÖ](?:/[A-ZÅÄÖ]){0,2})[ \t]?=[ \t]?"
    r"(?P<name>[A-ZÅÄÖa-zåäö][^,;.=()\n]{1,60}?)[ \t]*(?:\([^()\n]{0,40}\))?(?=[ \t]*(?:[,;.\n]|$))"
)
_FEWEST_CODES = 2
_FEWEST_ITEMS = 2
_QUARTER = r"Q[1-4](?:[ \t]*[–-][ \t]*Q[1-4])?"
_CODED_END = re.compile(
    rf"[ \t]+\((?P<code>[A-ZÅÄÖ](?:/[A-ZÅÄÖ]){{0,2}})\)(?:[ \t]+{_QUARTER}(?:,[ \t]*{_QUARTER})*)?"
    r"[ \t]*$",
    re.MULTILINE,
)


def _legend(text: str) -> dict[str, str]:
    codes: dict[str, str] = {}
    for pair in _LEGEND_PAIR.finditer(text, 0, 50_000):
        codes.setdefault(pair.group("code"), pair.group("name").strip())
    return codes if len(codes) >= _FEWEST_CODES else {}


def _label(name: str) -> str:
    if read_owner(f"Ansvarig: {name}", None)[0] in ("police", "municipality", "joint"):
        return f" ({name})"
    return f" (Ansvarig: {name})"


def letter_codes_read(text: str) -> str:
    """The text with each item's trailing one-letter code read as the owner the legend names,
    when the legend gives two codes or more and two items or more end with one."""
    codes = _legend(text)
    if not codes:
        return text
    coded = [match for match in _CODED_END.finditer(text) if match.group("code") in codes]
    if len(coded) < _FEWEST_ITEMS:
        return text
    return _CODED_END.sub(
        lambda match: (
            _label(codes[match.group("code")]) if match.group("code") in codes else match.group()
        ),
        text,
    )
