"""A Pandoc Markdown document's definition list and title block. Each term on a line of its own
over its definition, a line opening ":" and spaces ("Fotpatrullering i Bjurhovda centrum" over
":   Polisen. Minst två kvällar i veckan."), the definition's lines after its first indented,
two terms or more: each is a block of labelled lines for the block reader, "Aktivitet:" the
term, "Ansvar:" the definition's first sentence when it names parties only ("Polisen.",
"Polisen och Västerås stad tillsammans."), "Omfattning:" the rest. The title block's lines
("% Medborgarlöfte för Bjurhovda 2027", "% författare", "% datum") lose their "%"."""

import re

from promises.textimport.numbers import fold
from promises.textimport.owners import actor_kind, split_actors

_DEFINITION = re.compile(r"^:[ \t]+(?=\S)")
_GOES_ON = re.compile(r"^[ \t]{2,}(?=\S)")
_TITLE_BLOCK = re.compile(r"\A(?:% [^\n]*\n){1,3}")
_FIRST_SENTENCE = re.compile(r"(?P<first>[^.]{2,80})\.(?:\s+|$)")
_TOGETHER = re.compile(r"\s+(?:tillsammans|gemensamt)$")
_FEWEST_TERMS = 2
_LONGEST_TERM = 100


def definition_lists_read(text: str) -> str:
    """The text with a Pandoc definition list's terms read as blocks and its title block's
    marks dropped; unchanged when it has fewer than _FEWEST_TERMS terms."""
    if text.startswith("% "):
        text = _TITLE_BLOCK.sub(lambda block: block.group().replace("% ", ""), text)
    lines = text.split("\n")
    terms = [k for k in range(1, len(lines)) if _DEFINITION.match(lines[k]) and _term(lines, k)]
    if len(terms) < _FEWEST_TERMS:
        return text
    firsts = {(at - 1 if lines[at - 1].strip() else at - 2): at for at in terms}
    kept: list[str] = []
    index = 0
    while index < len(lines):
        at = firsts.get(index)
        if at is None:
            kept.append(lines[index])
            index += 1
            continue
        end = at + 1
        while end < len(lines) and _GOES_ON.match(lines[end]):
            end += 1
        definition = " ".join(line.strip() for line in lines[at:end])[1:].strip()
        kept += [*_block(lines[index].strip(), definition), ""]
        index = end
    return "\n".join(kept)


def _term(lines: list[str], at: int) -> bool:
    """Whether a definition's line at `at` has its term right over it (or a blank line
    between, as Pandoc allows)."""
    above = at - 1 if lines[at - 1].strip() or at < 2 else at - 2
    term = lines[above].strip()
    return bool(term) and len(term) <= _LONGEST_TERM and not _DEFINITION.match(term)


def _block(term: str, definition: str) -> list[str]:
    first = _FIRST_SENTENCE.match(definition)
    if first and _parties_only(first.group("first")):
        rest = definition[first.end() :].strip()
        owner = _TOGETHER.sub("", first.group("first").strip())
        return [f"Aktivitet: {term}", f"Ansvar: {owner}", *([f"Omfattning: {rest}"] * bool(rest))]
    return [f"Aktivitet: {term}", f"Omfattning: {definition}"]


def _parties_only(sentence: str) -> bool:
    actors = split_actors(_TOGETHER.sub("", sentence.strip()))
    return bool(actors) and all(actor_kind(fold(actor)) for actor in actors)
