"""Promise titles over the activities they serve: numbered titles with lettered or bulleted
items under them, and a promise's title repeated as a sub-heading over its activities.
"""

import re
from difflib import SequenceMatcher

from promises.textimport.lines import LONGEST_HEADING as _LONGEST_HEADING
from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import fold
from promises.textimport.owners import MODAL, OWNER_LABEL, actor_doing, owner_in_front
from promises.textimport.reading.blocks import focus_of
from promises.textimport.reading.headings import ACTIVITY_LEAD
from promises.textimport.reading.items import party_lead
from promises.textimport.reading.sentences import looks_like_activity
from promises.textimport.reading.units import ACTIVITY_START, DETAIL_LABEL, sub_heading_over_items
from promises.textimport.types import ParsedDocument, ParsedPromise


def lettered_items(lines: list[_Line], index: int) -> tuple[list[tuple[int, str]], int] | None:
    """The items lettered "a)", "b)" … right under a numbered title ("1. Tryggare Noret"), each
    (start, text), and the index after them; None unless lines[index] is such a title: short,
    without a full stop, not itself an activity."""
    line = lines[index]
    text = line.text.strip()
    if (
        not line.numbered
        or line.sub
        or len(text) > _LONGEST_NUMBERED_TITLE
        or text[-1:] in ".:;!?"
        or party_lead(line)
        or looks_like_activity(text)
        or actor_doing(text)
        or index + 1 >= len(lines)
        or not lines[index + 1].lettered
    ):
        return None
    items: list[tuple[int, str]] = []
    position = index + 1
    while position < len(lines):
        after = lines[position]
        if after.lettered:
            items.append((after.start, after.text.strip()))
        elif after.blank or after.bullet or not after.text[:1].islower():
            break
        else:  # a lettered item wrapped onto the next line
            items[-1] = (items[-1][0], f"{items[-1][1]} {after.text.strip()}")
        position += 1
    return items, position


_LONGEST_NUMBERED_TITLE = 100


def _numbered_promise_title(line: _Line) -> bool:
    """Whether a numbered line ("1. Öka tryggheten kring Resecentrum") may be a promise's
    title: short, not a sub-item, a question or a party's lead-in, and not itself an activity."""
    text = line.text.strip()
    return (
        line.numbered
        and not line.sub
        and not line.lettered
        and not line.labelled
        and 0 < len(text) <= _LONGEST_NUMBERED_TITLE
        and text[-1:] not in ";!?"
        and not party_lead(line)
        and not looks_like_activity(text)
        and not actor_doing(text)
    )


def _activity_item(text: str) -> bool:
    """Whether a bulleted line is an activity's own sentence, naming who does it or what is
    done ("Polisen genomför …", "Kommunen ska …", "Polisen: …", "Genomföra …"), not a detail
    of the line above ("Minst fyra per år", "Ansvarig: Kommunen")."""
    folded = fold(text)
    if OWNER_LABEL.match(folded) or DETAIL_LABEL.match(text):
        return False
    return bool(
        actor_doing(text)
        or owner_in_front(text)
        or MODAL.search(folded[:100])
        or ACTIVITY_START.match(folded)  # "Genomföra minst tio trygghetsvandringar …"
    )


def promise_titles_over_items(
    lines: list[_Line],
) -> dict[int, tuple[list[tuple[int, str]], int]]:
    """Numbered promise titles over the bulleted activities each serves:

        1. Öka tryggheten kring Resecentrum
        - Polisen genomför minst 20 fotpatruller vid Resecentrum under året.
        - Kommunen förbättrar belysningen vid Resecentrum.
        2. …

    By the title's line index: its items, each (start, text), and the line index after them.
    A title is `_numbered_promise_title`; its items are the unnumbered bullets right under it
    (a blank line apart at most), the first of them an activity's sentence and none a detail's
    label; without such items the numbered line is read as before (an item of its list, or an
    activity with its details: "1. Trygghetsvandringar" over "o Minst fyra per år")."""
    found: dict[int, tuple[list[tuple[int, str]], int]] = {}
    for index, line in enumerate(lines):
        if not line.numbered or line.sub:
            continue
        items: list[tuple[int, str]] = []
        position = index + 1
        if position < len(lines) and lines[position].blank:
            position += 1  # one blank line between the title and its list
        if position + 1 < len(lines) and _lead_over_items(lines[position], lines[position + 1]):
            position += 1  # "1. Öka tryggheten …" + "Vi kommer att:" over its "- …" items
        while position < len(lines):
            after = lines[position]
            if after.blank:
                # a list with blank lines between its items goes on at the next bullet
                following = position + 1
                while following < len(lines) and lines[following].blank:
                    following += 1
                if items and following < len(lines) and _item_under_title(lines[following]):
                    position = following
                    continue
                break
            if _item_under_title(after):
                items.append((after.start, after.text.strip()))
            elif (
                items
                and not after.bullet
                and (after.text[:1].islower() or OWNER_LABEL.fullmatch(after.folded.strip(" .")))
            ):
                # an item wrapped onto the next line, or its owner's label under it ("- Ta
                # bort klotter …" + "Ansvar: Kommunen")
                items[-1] = (items[-1][0], f"{items[-1][1]} {after.text.strip()}")
            else:
                break
            position += 1
        if (
            items
            # the first an activity's sentence, or each naming its owner in a label under it
            and (
                _activity_item(items[0][1])
                or all(OWNER_LABEL.search(fold(text)) for _start, text in items)
            )
            and not any(OWNER_LABEL.match(fold(text)) for _start, text in items)
            and _numbered_promise_title(line)
        ):
            found[index] = items, position
    return found


_WE_WILL = re.compile(r"vi (?:kommer att|ska|skall):")


def _lead_over_items(line: _Line, below: _Line) -> bool:
    """Whether a line between a promise's title and its bullets only leads into them ("Vi
    kommer att:", "Aktiviteter:", "Det här gör vi:")."""
    text = line.text.strip()
    return (
        not line.bullet
        and text.endswith(":")
        and len(text) <= 40
        and _item_under_title(below)
        and bool(
            ACTIVITY_LEAD.search(text)
            or re.fullmatch(r"vi (?:kommer att|ska|skall):", line.folded.strip())
        )
    )


def _item_under_title(line: _Line) -> bool:
    """An unnumbered list item ("- …", "• …"), as a promise title's activities are listed."""
    return line.bullet and not (line.numbered or line.sub or line.lettered or line.labelled)


# How many of the promises read last a sub-heading is compared with (a document has at most a
# few dozen; the bound keeps the reading linear in a text of many documents).
_PROMISES_COMPARED = 30
# How alike a sub-heading and a promise's title must be to be the same ("Öka tryggheten i
# centrum" and "Ökad trygghet i centrum"): difflib's ratio of their folded words.
_SAME_TITLE_RATIO = 0.85
_TITLE_WORD = re.compile(r"[^\W_]+")


def _title_words(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A promise's title as its folded words, without its label ("Löfte 1:", "Fokusområde 2
    –") and the colon or full stop ending it; and their beginnings, to compare quickly."""
    focus = focus_of(text.strip())
    words = tuple(_TITLE_WORD.findall(fold(focus if focus else text)))
    return words, frozenset(word[:4] for word in words)


def _same_title(
    heading: tuple[tuple[str, ...], frozenset[str]], title: tuple[tuple[str, ...], frozenset[str]]
) -> float:
    """How closely a sub-heading's words match a promise's: 1 for the same words, or the
    first of them (three words or more: a title shortened), else difflib's ratio when it is
    high enough, else 0."""
    words, stems = heading
    others, other_stems = title
    if words == others:
        return 1.0
    shorter, longer = sorted((words, others), key=len)
    if len(shorter) >= 3 and longer[: len(shorter)] == shorter:
        return 0.99
    if len(stems & other_stems) * 2 < max(len(stems), len(other_stems)):
        return 0.0  # fewer than half the words alike: not worth comparing letter by letter
    ratio = SequenceMatcher(None, " ".join(words), " ".join(others)).ratio()
    return ratio if ratio >= _SAME_TITLE_RATIO else 0.0


def repeated_promise(
    document: ParsedDocument,
    lines: list[_Line],
    index: int,
    keys: dict[int, tuple[tuple[str, ...], frozenset[str]]],
    latest: list[int],
) -> int | None:
    """The index of the promise whose title lines[index] repeats, as a sub-heading over that
    promise's activities ("Öka tryggheten i centrum" under "Aktiviteter", a list under it):
    the one promise read before it that it names, exactly or closely; else None. `keys`
    caches the promises' words by index, `latest` where they start (`_all_read_before`)."""
    line = lines[index]
    text = line.text.strip()
    if line.blank or not document.promises or len(text) > _LONGEST_REPEATED:
        return None
    if line.bullet and not (line.numbered and not line.sub):
        return None  # an item; but "2. SÄKRARE TRAFIK VID SKOLORNA" may repeat promise 2
    following = index + 1
    if following < len(lines) and lines[following].blank:
        following += 1  # one blank line between the sub-heading and its list
    if following >= len(lines) or lines[following].blank:
        return None
    under = lines[following]
    if (numbered := _PROMISE_BY_NUMBER.match(text)) and under.bullet:
        # "Löfte 1" over a list, the promises numbered above: that promise's activities.
        number = int(numbered.group(1)) - 1
        read_before = _all_read_before(document.promises, line.start, latest)
        return number if number < len(document.promises) and read_before else None
    heading = _title_words(text)
    if len(heading[0]) < _SHORTEST_REPEATED:
        return None
    first = max(0, len(document.promises) - _PROMISES_COMPARED)
    scored: list[tuple[float, int]] = []
    for number in range(first, len(document.promises)):
        promise = document.promises[number]
        if promise.span is not None and promise.span.start >= line.start:
            continue
        if number not in keys:
            keys[number] = _title_words(promise.text)
        if not keys[number][0] or keys[number][0][0][:3] != heading[0][0][:3]:
            continue  # a title beginning otherwise ("Ökad …" and "Öka …" begin alike)
        score = _same_title(heading, keys[number])
        if score:
            scored.append((score, number))
    if not scored:
        return None
    best = max(score for score, _n in scored)
    named = [number for score, number in scored if score == best]
    if len({keys[number][0] for number in named}) > 1:
        return None  # two promises alike: which one is not guessed
    if not (
        under.bullet
        or looks_like_activity(under.text)
        # a place's or a theme's sub-heading over the promise's items: "Resecentrum"
        or (len(under.text) <= _LONGEST_HEADING and sub_heading_over_items(lines, following))
    ):
        return None  # the promise's title over its own words, not over its activities
    return named[-1]


def _all_read_before(promises: list[ParsedPromise], start: int, latest: list[int]) -> bool:
    """Whether every promise stands before `start` (or nowhere in the text). `latest` is [how
    many promises have been read, the last start among them], [0, -1] at first: all but the
    last promise, which a section may still replace (`read_structure` only appends promises
    and replaces the last). Read anew for each "Löfte 1" line, the promises took time growing
    with their number times the lines' (12,000 promises, then 11,600 such lines: 11 s)."""
    while latest[0] < len(promises) - 1:
        span = promises[latest[0]].span
        if span is not None:
            latest[1] = max(latest[1], span.start)
        latest[0] += 1
    last = promises[-1].span if promises else None
    return latest[1] < start and (last is None or last.start < start)


_LONGEST_REPEATED = 200
_PROMISE_BY_NUMBER = _kw(r"^(?:löfte|fokusområde|löftesområde|insatsområde)\s*(\d{1,2})\s*:?$")
_SHORTEST_REPEATED = 2
