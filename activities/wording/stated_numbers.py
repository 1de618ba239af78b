"""The numbers an activity's text states ("femton trafikkontroller"), to warn when they differ
from its target."""

import re

from activities.progress import (
    Target,
)

# -- Numbers an activity's text states -------------------------------------------------------

_ONES = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9,
}  # fmt: skip
_TEENS = {
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}  # fmt: skip
_TENS = {
    "tjugo": 20, "trettio": 30, "trätti": 30, "fyrtio": 40, "förtio": 40, "femtio": 50,
    "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90,
}  # fmt: skip
_COMPARATOR_WORDS = ("minst", "högst", "exakt", "åtminstone", "max", "maximalt", "snitt")
_WORD = re.compile(r"[0-9]+(?:[ \u00a0][0-9]{3})*|[a-zåäöé]+", re.IGNORECASE)


def _below_hundred(word: str) -> int | None:
    if word in _ONES:
        return _ONES[word]
    if word in _TEENS:
        return _TEENS[word]
    for tens, value in _TENS.items():
        if word == tens:
            return value
        if word.startswith(tens) and word[len(tens) :] in _ONES:
            return value + _ONES[word[len(tens) :]]
    return None


def number_value(word: str) -> int | None:
    """A number written in digits or Swedish words ("15", "femton", "tjugofem", "etthundra")."""
    word = word.lower().replace(" ", "").replace("\u00a0", "")
    if word.isdigit():
        return int(word)
    if "hundra" in word:
        head, _hundra, tail = word.partition("hundra")
        hundreds = 1 if head in ("", "ett", "en") else _below_hundred(head)
        rest = 0 if tail == "" else _below_hundred(tail)
        if hundreds is None or rest is None:
            return None
        return hundreds * 100 + rest
    return _below_hundred(word)


def _stem(unit: str) -> str:
    # "trafikkontroller"/"trafikkontroll", "medborgardialoger"/"medborgardialog": compared by
    # the shared beginning of the unit's last word, so that either form is recognised.
    last = unit.split()[-1].lower() if unit.split() else ""
    return last[: max(len(last) - 3, 4)]


def stated_numbers(text: str, target: Target) -> list[int]:
    """The numbers `text` states as a target: after "minst", "högst", "exakt", "i snitt", or
    followed by the target's unit (or "gång"/"gånger"/"tillfällen"). A lone "en"/"ett" counts
    only after such a word (elsewhere it is an article)."""
    words = _WORD.findall(text)
    stems = {_stem(target.unit), _stem(target.unit_singular or target.unit)} - {""}
    stems |= {"gång", "tillf"}
    found = []
    for i, word in enumerate(words):
        value = number_value(word)
        if value is None:
            continue
        compared = i > 0 and words[i - 1].lower() in _COMPARATOR_WORDS
        # The unit follows at once or after one word ("två riktade insatser").
        following = [w.lower() for w in words[i + 1 : i + 3]]
        counted = any(w.startswith(stem) for w in following for stem in stems)
        right_after = bool(following) and any(following[0].startswith(s) for s in stems)
        if word.lower() in ("en", "ett") and not (compared or right_after):
            continue
        if compared or counted:
            found.append(value)
    return found


def text_target_mismatch(text: str, target: Target | None) -> list[int]:
    """The numbers `text` states that differ from the target's (empty when they agree)."""
    if target is None:
        return []
    return sorted({n for n in stated_numbers(text, target) if n != target.value})
