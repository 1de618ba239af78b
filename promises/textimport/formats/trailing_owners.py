"""Items whose owner closes the line after a mark of its own: a printed folder's dot leaders,
"Fotpatrullering i centrum, minst två kvällar i veckan ........ Polisen", an item wrapped over
the lines above its leader ("Kontroller av mopeder och EPA-" over "traktorer på Mellomvägen
..... Polisen"); or a signature after a slash, "Gemensam lägesbild var fjortonde dag /Polisen
och kommunen". When two lines or more end so with a name (a capital, no digit: a table of
contents' page numbers are no owner), one of them or two a party's, each item is read with the
name as an owner's label, "(Polisen)", "– Ansvarig: Föräldravandrarna" for another actor, a
leader's wrapped lines joined into it (a word broken over the line whole again, "EPA-traktorer"
kept as written); a column's heading "Ansvar" closing the line over the first item, and a note
in brackets after the heading over signed items ("Aktiviteter (vem som ansvarar står efter
snedstrecket)"), are dropped. A single such line is left as it is."""

import re
from itertools import islice

from promises.textimport.owners import read_owner

# The leader from the start of its run of dots only, taken whole (possessive): a line of dots
# is tried once, not from each of its dots.
_LEADER_END = re.compile(r"[ \t]*(?<!\.)\.{4,}+[ \t]*(?P<name>[A-ZÅÄÖ][^.\d\n]{1,60}?)[ \t]*$")
_LONGEST_ITEM_LINE = 300
_MOST_WRAPPED_LINES = 4


def _leader(line: str) -> tuple[str, str] | None:
    """The item's text and its owner's name on a line ending with dot leaders and a name."""
    if "...." not in line or len(line) > _LONGEST_ITEM_LINE:
        return None
    end = _LEADER_END.search(line)
    if not end or not line[: end.start()].strip():
        return None
    return line[: end.start()].strip(), end.group("name").strip()


_SLASH = re.compile(
    r"^(?P<indent>[ \t]*)(?P<text>\S.{3,}?\S)[ \t]+/(?P<name>[A-ZÅÄÖ][^/\d\n]{1,50}?)"
    r"[ \t]*$"
)
_COLUMN_HEADING = re.compile(r"[ \t]{3,}(?:Ansvar|Ansvarig|Ansvarar|Vem)[ \t]*$")
_FEWEST_ITEMS = 2
_WORDS_AFTER_A_DASH = frozenset({"och", "eller", "samt"})
_PARTIES = ("police", "municipality", "joint")


_NOTE = re.compile(
    r"^(?P<heading>[ \t]*[A-ZÅÄÖ][\wåäö ]{2,40}?)[ \t]*\([^()\n]{3,80}\)[ \t]*:?[ \t]*$"
)


def _names_a_party(name: str) -> bool:
    return read_owner(f"Ansvarig: {name.strip()}", None)[0] in _PARTIES


def _label(name: str) -> str:
    """A party in brackets, "(Polisen)"; another actor after a dash with its label, which the
    owner reader takes as it does "– Föreningen Nattvandrarna"."""
    return f" ({name})" if _names_a_party(name) else f" – Ansvarig: {name}"


def _without_note(lines: list[str], first: int) -> None:
    """The heading over the first item loses its note in brackets ("Aktiviteter (vem som
    ansvarar står efter snedstrecket)"), which would keep it from opening the list."""
    above = first - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above >= 0 and (note := _NOTE.match(lines[above])):
        lines[above] = note.group("heading")


def _joined(pieces: list[str]) -> str:
    text = ""
    for piece in pieces:
        piece = piece.strip()
        if not text:
            text = piece
        elif (
            text.endswith("-")
            and text[-2:-1].islower()
            and piece[:1].islower()
            and piece.split(" ", 1)[0] not in _WORDS_AFTER_A_DASH
        ):
            text = text[:-1] + piece  # a word broken over the line: "kom-" "mun"
        elif text.endswith("-") and piece.split(" ", 1)[0] not in _WORDS_AFTER_A_DASH:
            text += piece  # "EPA-" "traktorer"
        else:
            text = f"{text} {piece}"
    return text


def _leaders_read(lines: list[str]) -> list[str]:
    ends = [_leader(line) for line in lines]
    leaders = [end for end in ends if end]
    if len(leaders) < _FEWEST_ITEMS or not any(_names_a_party(name) for _text, name in leaders):
        return lines
    kept: list[str] = []
    wrapped: list[str] = []  # the lines since a blank line or an item: the next item's start
    for line, end in zip(lines, ends, strict=True):
        if not end:
            if line.strip() and not _COLUMN_HEADING.search(line):
                wrapped.append(line)
            else:
                kept += [*wrapped, line]
                wrapped = []
            continue
        kept += wrapped[:-_MOST_WRAPPED_LINES]
        text = _joined([*wrapped[-_MOST_WRAPPED_LINES:], end[0]])
        wrapped = []
        above = len(kept) - 1
        while above >= 0 and not kept[above].strip() and len(kept) - above <= _MOST_WRAPPED_LINES:
            above -= 1
        if above >= 0 and _COLUMN_HEADING.search(kept[above]):
            kept[above] = _COLUMN_HEADING.sub("", kept[above])
        kept.append(f"- {text}{_label(end[1])}")
    return kept + wrapped


def trailing_owners_read(text: str) -> str:
    """The text with each item's owner after dot leaders or a slash read as its owner's label,
    when two lines or more end so."""
    lines = text.split("\n")
    if "....." in text:
        lines = _leaders_read(lines)
    if " /" in text:
        signed = [
            index
            for index, line in enumerate(lines)
            if len(line) <= _LONGEST_ITEM_LINE and _SLASH.match(line)
        ]
        parties = (
            index for index in signed if _names_a_party(_SLASH.match(lines[index]).group("name"))
        )
        if (
            len(signed) >= _FEWEST_ITEMS
            and len(list(islice(parties, _FEWEST_ITEMS))) == _FEWEST_ITEMS
        ):
            for index in signed:
                match = _SLASH.match(lines[index])
                lines[index] = (
                    f"{match.group('indent')}{match.group('text')}"
                    f"{_label(match.group('name').strip())}"
                )
            _without_note(lines, signed[0])
    return "\n".join(lines)
