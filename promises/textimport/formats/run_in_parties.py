"""Paragraphs that open with their party's name in bold, run in before the party's activities
written as sentences: "**Polisen.** Vi fotpatrullerar vid stationen minst två kvällar i veckan.
Vi gör hastighetskontroller …", "**Eslövs kommun.** …", "**Tillsammans:** …". Each such
paragraph is read as the party's heading on a line of its own ("Polisen:") over its sentences,
an item each ("- Vi fotpatrullerar …"). The rule holds where two paragraphs or more open so and
one of them names a party (the police, a municipality, a city, a region, or the parties
together); another actor's paragraph among them ("**Marieholms IS.** Föreningen ordnar …") is
read the same way. A sentence ends at ".", "!" or "?" followed by a space and a capital
letter, so that "kl. 19" and "t.ex. på" do not end one."""

import re

from promises.textimport.numbers import fold

_RUN_IN = re.compile(
    r"^[ \t]*\*\*(?P<name>[A-ZÅÄÖ][^*\n.:]{1,60})(?:[.:]\*\*|\*\*[.:])[ \t]+(?P<rest>\S[^\n]*)$",
    re.MULTILINE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+(?=[A-ZÅÄÖ])")
_PARTY_WORDS = ("polis", "kommun", "stad", "region", "tillsammans", "gemensam")
_MOST_WORDS = 6
_FEWEST_PARAGRAPHS = 2


def _is_name(name: str) -> bool:
    return len(name.split()) <= _MOST_WORDS


def run_in_parties_read(text: str) -> str:
    """The text with each paragraph opening with a party's name in bold read as the party's
    heading over its sentences."""
    found = [match for match in _RUN_IN.finditer(text) if _is_name(match.group("name"))]
    if len(found) < _FEWEST_PARAGRAPHS or not any(
        any(word in fold(match.group("name")) for word in _PARTY_WORDS) for match in found
    ):
        return text
    pieces: list[str] = []
    at = 0
    for match in found:
        sentences = _SENTENCE_END.split(match.group("rest").strip())
        pieces.append(text[at : match.start()])
        pieces.append(f"{match.group('name').strip()}:\n" + "\n".join(f"- {s}" for s in sentences))
        at = match.end()
    pieces.append(text[at:])
    return "".join(pieces)
