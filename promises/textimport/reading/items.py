"""List items: where one ends (detail lines, a line without a full stop that is whole all the
same), what heads a list (`is_heading`), details under a numbered item, a message's words over
its list, and a table of promises beside their activities.
"""

import re

from promises.textimport.lines import LONGEST_HEADING as _LONGEST_HEADING
from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import fold
from promises.textimport.owners import (
    MODAL,
    OWNER_LABEL,
    actor_doing,
    actor_kind,
    owner_after_dash,
    read_owner,
)
from promises.textimport.reading.blocks import focus_of, starts_block, titled_section
from promises.textimport.reading.headings import (
    ACTIVITY_LEAD,
    AUDIENCE_HEADING,
    OTHER_HEADING,
    PARTY_HEADING,
    PARTY_PROMISE,
    PERIOD_HEADING,
    PROMISE_LEAD,
    WHO_PROMISES,
    generic_heading,
    named_party,
    other_actor_heading,
    owner_heading,
)
from promises.textimport.reading.sentences import CONTACT, PROMISE_IN_LIST, looks_like_activity
from promises.textimport.reading.tables import column_by_column, table_columns
from promises.textimport.reading.titles import item_activity, proposed_activity, title_of
from promises.textimport.reading.units import (
    ACTIVITY_START,
    DETAIL_AT_END,
    DETAIL_LABEL,
    strip_item,
    sub_heading_over_items,
    untagged,
)
from promises.textimport.targets import read_target
from promises.textimport.types import ParsedActivity, ParsedDocument, ParsedPromise, TextSpan


def promise_table_rows(document: ParsedDocument, lines: list[_Line], index: int) -> int:
    """Read the rows of a promise table from lines[index]: a promise, then its activities (a
    list, or lines that read as activities); the index of the line after the table."""
    promise_index = None
    after_promise = False
    while index < len(lines) and not lines[index].blank:
        line = lines[index]
        text = line.text.strip()
        as_activity = line.bullet or (
            promise_index is not None and (looks_like_activity(text) or actor_doing(text))
        )
        if not as_activity and not after_promise and is_heading(lines, index):
            break
        if as_activity:
            activity = item_activity(text, line.start, None)
            if promise_index is not None:
                activity.promise_indexes = [promise_index]
            document.activities.append(activity)
        else:
            document.promises.append(
                ParsedPromise(text=strip_item(text), span=TextSpan(line.start, line.end))
            )
            promise_index = len(document.promises) - 1
        after_promise = not as_activity
        index += 1
    return index


def read_items(lines: list[_Line], index: int) -> tuple[list[tuple[int, int, str]], int]:
    """The items of a section starting at lines[index]: (start, end, text), next line index."""
    items: list[tuple[int, int, list[str]]] = []
    said: set[str] = set()  # the words of every item but the last, which alone grows
    bullets_seen = False
    position = index
    previous_blank = False
    while position < len(lines):
        line = lines[position]
        if line.blank:
            previous_blank = True
            position += 1
            continue
        if (not line.bullet or party_lead(line)) and is_heading(lines, position):
            break
        if not items and _theme_over_bullets(lines, position):
            position += 1  # "Aktiviteter" + "Färre inbrott" over its "• …": a theme's name
            continue
        if line.bullet and previous_blank and _repeats_item(items, said, line):
            break  # "1. EN TRYGGARE TÅGSTATION" after the list naming it: a section's title
        if (
            line.numbered
            and previous_blank
            and len(items) > 1
            and not bullets_seen
            and not line.sub
            and len(line.text) <= 60
            and not re.search(r"[.!?:;,]$", line.text.rstrip())
        ):
            break  # sentences a line each, then "2. SÄKRARE TRAFIK …": the next section's title
        if line.bullet:
            bullets_seen = True
            if items:
                said.add(_item_words(items[-1][2]))
            items.append((line.start, line.end, [line.text]))
        elif bullets_seen and previous_blank:
            break
        elif (
            items
            and not previous_blank
            and not _after_details(items[-1][2][-1], line.text)
            and not CONTACT.match(line.folded)  # "Källa: Polisen och Arboga kommun"
            and not _next_infinitive(items[-1][2], line)
            # "• … fyra möten per år." + "Att arbeta för säkrare trafik …": the next promise
            and not (PROMISE_IN_LIST.match(line.folded) and re.search(r"[.!?]$", items[-1][2][-1]))
            and (
                line.text[:1].islower()
                # "Polisen ska kontrollera …" + "Polisen ska göra det 10 gånger varje år."
                or restates(items[-1][2][-1], line.text)
                or line.text[:1].isdigit()
                # "… fredagskvällar. Ansvar:" + "Socialtjänsten. Tid: Löpande.": the item's labels
                or DETAIL_LABEL.match(line.text)
                or DETAIL_AT_END.search(items[-1][2][-1])
                or not (
                    re.search(r"[.!?:;)]$", untagged(items[-1][2][-1]))
                    or owner_after_dash(items[-1][2][-1])
                    or _ended_by_writer(items[-1][2][-1], line.text)
                )
                or bullets_seen
            )
        ):
            start, _end, parts = items[-1]
            parts.append(line.text)
            items[-1] = (start, line.end, parts)
        else:
            if items:
                said.add(_item_words(items[-1][2]))
            items.append((line.start, line.end, [line.text]))
        previous_blank = False
        position += 1
    return [(start, end, " ".join(parts)) for start, end, parts in items], position


# A sentence saying how often or how much the one above is done, as an easy-to-read text
# writes it: it refers back ("Polisen ska göra det …", "Det ska bli minst 4 träffar …") or
# repeats the subject and verb above with a number ("Vi ska träffas en gång varje månad").
_REFERS_BACK = re.compile(
    r"(?:(?:det|detta) (?:ska|skall|kommer att) (?:bli|ske|goras|vara)"
    r"|(?:[\w-]+ ){1,2}(?:ska|skall|kommer att) (?:gora|gor) det"
    # the goal of the sentence above: "Målet är minst 16 helger …", "Målsättningen är ett
    # besök i månaden", "Målet är att värdarna är på plats fyra kvällar i veckan"
    r"|(?:malet|malsattningen|ambitionen|malvardet)(?: for (?:\w+ )?(?:aktiviteten|insatsen"
    r"|arbetet))? ar)\b"
)


def restates(previous: str, text: str) -> bool:
    folded = fold(text)
    if _REFERS_BACK.match(folded):
        return True
    words, above = folded.split(), fold(previous).split()
    return (
        len(words) > 3
        and words[:3] == above[:3]
        and bool(MODAL.match(words[1]))
        and read_target(text, structure=True)[0] is not None
        # a sentence with its own target is not restated by the next ("Kommunen lovar att ha
        # fältsekreterare … fyra kvällar i veckan. Kommunen lovar att erbjuda minst 50 …")
        and read_target(previous, structure=True)[0] is None
    )


def _after_details(previous: str, text: str) -> bool:
    """Whether a line starts a new item after the detail line ending the one above ("Ansvar:
    Polisen | Mål: … | När: skolterminerna", then the next activity's title), however long
    that line is: it starts with a capital and no label, and the line above left no label's
    value to it."""
    return (
        bool(DETAIL_LABEL.match(previous))
        and not DETAIL_AT_END.search(previous)
        and text[:1].isupper()
        and not DETAIL_LABEL.match(text)
    )


# A line a PDF wrapped is long: one shorter, before a capital, ended where its writer ended it.
SHORTEST_WRAPPED = 60


def _ended_by_writer(text: str, following: str) -> bool:
    """Whether a line without a full stop is a whole item all the same: short, and the next
    line starts with a capital ("Krogkontroller i Hemavan – minst 6 per säsong" over
    "Trafikkontroller på E12 – …", as a slide lists them)."""
    return len(text) < SHORTEST_WRAPPED and following[:1].isupper()


# A message's words over the list it sends (a text message's, a chat's): a greeting or an answer
# before them ("Hej Lena!", "Absolut!", "Bra! Och …") and a question after them ("…, kan du
# lägga in dem?") head nothing; what is left names the party whose items follow: "Kommunens del
# blir så här:", "Här är polisens punkter till medborgarlöftet …", "Och gemensamt:".
_LONGEST_MESSAGE_LEAD = 200
_MESSAGE_OPENING = re.compile(r"(?:[^\s.!?:][^.!?:]{0,29}[!.]\s+)+")
_PARTY_ITEMS = _kw(
    r"(?:här (?:är|kommer) )?(?P<party>polisens|kommunens|stadens|regionens|våra gemensamma)"
    r" (?:punkter|del|delar|förslag|aktiviteter|åtaganden|insatser)\b"
)
# The party named last, where the writer puts what follows: "Och gemensamt tänkte jag:", "Bra
# idé, jag lägger till det under kommunen:".
_PARTY_LAST = _kw(
    r"(?:^|.*\bunder )(?P<party>polisen|kommunen|staden|regionen|gemensamt|tillsammans)"
    r"(?: (?:tänkte|föreslår|skulle|tycker|skriver) (?:jag|vi)(?: så här)?)?\s*:$"
)


def message_party(lines: list[_Line], index: int) -> str | None:
    """The party heading a message's line over a list stands for ("Polisens aktiviteter",
    "gemensamt"), or None."""
    text = lines[index].text.strip()
    if lines[index].bullet or text[-1:] not in ":?" or len(text) > _LONGEST_MESSAGE_LEAD:
        return None
    following = index + 1
    while following < len(lines) and lines[following].blank:
        following += 1
    if following == len(lines) or not lines[following].bullet:
        return None
    opening = _MESSAGE_OPENING.match(text)
    words = text[opening.end() if opening else 0 :]
    words = re.sub(r"^(?:och|Och) ", "", words)
    if party := _PARTY_ITEMS.match(words):
        name = fold(party.group("party"))
        return "gemensamt" if name == "vara gemensamma" else f"{name} aktiviteter"
    if party := _PARTY_LAST.match(words):
        return f"{party.group('party')}:"  # the party's heading: "kommunen:", "gemensamt:"
    if opening and party_heading(words):
        return words
    return None


def party_heading(text: str) -> re.Match | None:
    """A party heading, also as a scan gives it ("Po1isen kommer att:", "PoIisen ska:")."""
    return PARTY_HEADING.match(text) or PARTY_HEADING.match(fold(text))


def is_heading(lines: list[_Line], index: int) -> bool:
    folded_text = lines[index].text.strip()
    if len(folded_text) > _LONGEST_HEADING:
        return False
    return bool(
        PROMISE_LEAD.search(folded_text)
        or PARTY_PROMISE.match(folded_text)
        or WHO_PROMISES.match(fold(folded_text))
        or ACTIVITY_LEAD.search(folded_text)
        or party_heading(folded_text)
        or other_actor_heading(folded_text) is not None
        or lines[index].titled
        or named_party(lines, index) is not None
        or owner_heading(lines, index) is not None
        or OTHER_HEADING.match(folded_text)
        or PERIOD_HEADING.match(folded_text)
        or focus_of(folded_text) is not None
        or table_columns(lines, index) is not None
        or column_by_column(lines, index) is not None
        or starts_block(lines, index)
        or generic_heading(lines, index)
        or titled_section(lines, index)
        or AUDIENCE_HEADING.match(folded_text)
    )


def item_details(lines: list[_Line]) -> dict[int, list[_Line]]:
    """Second-level bullets right under a numbered item ("1. Trygghetsvandringar", then "o Minst
    fyra per år", "o Ansvarig: Kommunen", as a Word list reads as text): its details, by the
    item's start."""
    details: dict[int, list[_Line]] = {}
    owner: _Line | None = None
    for line in lines:
        if line.bullet and line.numbered and not line.sub:
            owner = line
        elif owner is not None and line.bullet and not line.numbered and not line.sub:
            details.setdefault(owner.start, []).append(line)
        else:
            owner = None
    return details


def detailed_activity(
    text: str, start: int, details: list[_Line], section_owner: str | None
) -> ParsedActivity:
    """An item's activity with its owner and target read from its details when it states none
    of its own: "o Ansvarig: Kommunen", "o Minst fyra per år"."""
    text = strip_item(text)
    owner = read_owner(text, section_owner)
    target, notes = read_target(text, start, listed=True)
    for line in details:
        if owner[0] in {"unstated", section_owner} and (
            OWNER_LABEL.match(line.folded) or actor_kind(" ".join(line.folded.split()[:3]))
        ):
            owner = read_owner(line.text, section_owner)
        if target is None:
            target, notes = read_target(line.text, line.start, listed=True, counted=text)
    return proposed_activity(text, title_of(text, None), start, owner, target, notes)


def after_lead(lines: list[_Line], index: int) -> int:
    """The first line of the section a lead-in line (lines[index]) opens: after the rest of its
    sentence when a PDF wrapped it onto the next lines ("… följande löften utifrån" +
    "medborgardialoger och lägesbilden.")."""
    position = index + 1
    if lines[index].text.rstrip().endswith((":", ".")):
        return position
    party = PARTY_HEADING.match(lines[index].text.strip())
    while position < len(lines):
        line = lines[position]
        if line.bullet or line.blank or not line.text[:1].islower():
            break
        if party and _INFINITIVE.match(line.folded):
            break  # "Polisen ska" over "genomföra minst 40 fotpatruller …": its first item
        position += 1
        if line.text.rstrip().endswith((".", ":")):
            break
    return position


def party_lead(line: _Line) -> bool:
    """An item that only opens a party's list ("4.1 Polisen åtar sig att", "• Polisen" over
    its own items): a heading."""
    return line.bullet and bool(PARTY_HEADING.match(line.text.strip()))


# How many lines below its promises a topic's heading is looked for (a document's length; the
# bound keeps the reading linear in a text of many documents).
_TOPICS_REACH = 200


def goals_over_topic_lists(lines: list[_Line], index: int) -> bool:
    """Whether the plain lines under "Polisen och X kommun lovar att:" (at `index`) are the
    promises: no bullet among them, and further down a topic's heading over bulleted items
    ("TRYGGARE CENTRUM" over "• Genomföra minst 20 fotpatruller …"), which are the activities. A
    party's heading further down ("Kommunen lovar att:") heads that party's items instead."""
    follow = index + 1
    while follow < len(lines) and lines[follow].blank:
        follow += 1
    plain = 0
    while follow < len(lines) and not lines[follow].blank:
        if lines[follow].bullet:
            return False
        plain += 1
        if plain > 6:  # no list of promises: said now, not after every line to the text's end
            return False
        follow += 1
    if not plain:
        return False
    for later in range(follow, min(len(lines) - 1, follow + _TOPICS_REACH)):
        line, below = lines[later], lines[later + 1]
        text = line.text.strip()
        if line.blank or line.bullet or len(text) > _LONGEST_HEADING:
            continue
        if PARTY_PROMISE.match(text) or WHO_PROMISES.match(line.folded):
            return False
        if PARTY_HEADING.match(text) or named_party(lines, later) or owner_heading(lines, later):
            return False
        if below.bullet and not below.numbered and not text.endswith((".", ":")):
            return True
    return False


# An infinitive opening an item of a list whose bullets were lost, as a web page's list copies:
# "Polisen ska" over "genomföra minst 40 fotpatruller …", "genomföra trafikkontroller …".
_INFINITIVE = re.compile(
    rf"(?:{ACTIVITY_START.pattern}|(?:ha|ge|ta|se|satta|starta|bygga|skapa|stodja|fortsatta"
    r"|forbattra|sprida|rensa|anlagga|infora|bevaka)\b)"
)
# The words a line wrapped in the middle of a sentence ends with.
_OPEN_ENDING = re.compile(
    r"(?:[,–-]|\b(?:och|eller|samt|att|i|pa|for|med|av|till|om|vid|som|mot|under|efter|fran))$"
)


def _next_infinitive(parts: list[str], line: _Line) -> bool:
    """Whether a line in lower case is the next item of a list whose bullets were lost, not the
    rest of the one above: both open with an infinitive ("genomföra …", "ha öppet …"), the
    one above with at least four words and not ending mid-sentence."""
    above = fold(parts[0]).strip()
    last = fold(parts[-1]).strip()
    return (
        bool(_INFINITIVE.match(line.folded.strip()))
        and bool(_INFINITIVE.match(above))
        and len(" ".join(parts).split()) >= 4
        and not _OPEN_ENDING.search(last)
    )


def _item_words(parts: list[str]) -> str:
    return fold(" ".join(parts)).strip(" .:")


def _repeats_item(items: list[tuple[int, int, list[str]]], said: set[str], line: _Line) -> bool:
    """Whether a list item after a blank line says again what an item above said ("1. En
    tryggare tågstation" in the list of promises, then "1. EN TRYGGARE TÅGSTATION" over that
    promise's activities): the title of a section of its own, no item of this list. `said`:
    the words of the items but the last, each folded once (folded anew for each such item,
    the longest paste of items a blank line apart, 5,500 of them, took 21 s)."""
    words = fold(line.text).strip(" .:")
    return words in said or bool(items) and _item_words(items[-1][2]) == words


def _theme_over_bullets(lines: list[_Line], index: int) -> bool:
    """Whether the first line of a section is a theme's short name right over its bulleted
    items ("Färre inbrott" over "• Polisen genomför …"): no item, none of its words a verb's."""
    line = lines[index]
    text = line.text.strip()
    return (
        sub_heading_over_items(lines, index)
        and text[:1].isupper()
        and len(text.split()) <= 4
        and not re.search(r"[\d.!?:;,)]$|\d", text)
        and not actor_doing(text)
        and not _INFINITIVE.match(line.folded.strip())
        and not MODAL.search(line.folded)
    )
