"""Blocks of labelled lines, one per activity ("Aktivitet 1: …", "Vad:", "Vem:", "När:", a
planning tool's task, a form's fields), and titles right over their activities' sentences.
"""

import re

from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.numbers import fold
from promises.textimport.owners import (
    MODAL,
    actor_doing,
    partners_of,
    read_owner,
    split_actors,
    trailing_owner,
)
from promises.textimport.reading.headings import (
    ACTIVITY_LEAD,
    FOCUS,
    MONTH_NAME,
    OTHER_HEADING,
    PARTY_HEADING,
    PROMISE_LEAD,
    own_target,
)
from promises.textimport.reading.sentences import sentence_activity
from promises.textimport.reading.titles import (
    TRAILING,
    activity_title,
    item_activity,
    proposed_activity,
    title_of,
)
from promises.textimport.reading.units import (
    PROMISE_SENTENCE,
    PROMISE_SENTENCE_REACH,
    has_words,
    untagged,
)
from promises.textimport.targets import read_target


def titled_section(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a title right over the sentences of its activities ("Tryggare
    utemiljö i Hovsjö", then "Polisen genomför minst 10 fotpatruller …"): a promise, as a
    "Fokusområde 1: …" line is."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not text or len(text) > 80 or len(text.split()) > 10:
        return False
    if untagged(text)[-1] in ".,;:!?" or not text[0].isupper():
        return False
    if trailing_owner(text) is not None:
        return False  # "Skolorna bjuder in polisen … (Kommunen)": an item naming its owner
    if MODAL.search(line.folded) or line.folded.split()[-1] in TRAILING:
        return False  # a sentence a PDF wrapped: "… kommer att följas upp och presenteras på"
    if line.folded.startswith("medborgarlofte"):
        return False  # the document's title
    if line.folded.startswith(("polisregion", "polismyndigheten")):
        return False  # the sender named in a letterhead: "Polisregion Nord"
    following = lines[index + 1] if index + 1 < len(lines) else None
    if (
        following is not None
        and following.blank
        and (index == 0 or lines[index - 1].blank)
        and index + 2 < len(lines)
        and not re.search(r"[\d:]|lofte", line.folded)
    ):
        # a heading standing alone over a paragraph of what a party does: "Tryggare Hageby
        # centrum", a blank line, "Polisen kommer att vara synlig …" (not a headline over a
        # news item's lead, nor "Giltighet: …")
        following = lines[index + 2]
        return (
            not following.bullet
            and sentence_activity(following)
            and not _promising(following, text)
            and _titled(text)
        )
    if following is None or following.blank or following.bullet:
        return False
    return (
        _titled(text)
        and (sentence_activity(following) or actor_doing(following.text))
        and not _promising(following, text)
    )


def _promising(line: _Line, title: str) -> bool:
    """Whether a line opens with the promise's sentence ("Polisen och Hagfors kommun lovar att
    arbeta för …") under a slogan, which is no promise of its own ("Tillsammans för ett
    tryggare Hagfors"); a place's name over it heads it ("Fagersta", "Norberg")."""
    return bool(
        PROMISE_SENTENCE.search(line.folded[:PROMISE_SENTENCE_REACH])
        and not PLACE_TITLE.fullmatch(title)
    )


def _titled(text: str) -> bool:
    """Whether a short line may be a promise's title (no other heading, no target)."""
    if any(
        pattern.search(text)
        for pattern in (PARTY_HEADING, ACTIVITY_LEAD, PROMISE_LEAD, OTHER_HEADING)
    ):
        return False
    return not own_target(text)


def starts_block(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] heads a block of labelled lines ("Aktivitet: …", "Ansvar: …"), or
    is a title over its description and an "Ansvarig:" line."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        bool(
            _BLOCK_HEADING.match(lines[index].text.strip())
            and following is not None
            and _block_label(following)
        )
        or _bare_heading(lines, index)
        or _numbered_over_sentence(lines, index) is not None
        or _described_title(lines, index) is not None
        or _titled_labels(lines, index)
    )


def _bare_heading(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a form's numbered heading alone ("Aktivitet 1") right over its
    block's description ("Beskrivning: …"), the activity's title to be read from that."""
    if index + 1 >= len(lines) or not _NUMBERED_BLOCK.match(lines[index].text.strip()):
        return False
    label = _block_label(lines[index + 1])
    return bool(label and label[0] == "what")


def _numbered_over_sentence(lines: list[_Line], index: int) -> int | None:
    """The index after the sentence right under a numbered heading alone ("Aktivitet 1" over
    "Polisen genomför minst 20 trafikkontroller …", as a consultation's reply quotes the
    proposal), a blank line or the end after it; None for any other line."""
    if not _NUMBERED_BLOCK.match(lines[index].text.strip()):
        return None
    end = index + 1
    while end < len(lines) and not lines[end].blank and end - index <= 3:
        if lines[end].bullet or _block_label(lines[end]):
            return None
        end += 1
    last = lines[end - 1].text.rstrip()
    if end == index + 1 or end - index > 3 or not last.endswith((".", "!")):
        return None
    return end


def _titled_labels(lines: list[_Line], index: int) -> bool:
    """Whether lines[index] is a card's title right over its labelled lines, a description
    ("Vad: …") first and its owner ("Vem: …") among them: "Trafikkontroller på Kungsgatan",
    "Vad: Kontroller av …", "Vem: Polisen", "Hur ofta: Minst två gånger i månaden", as a web
    page's cards read when copied (`clean` puts a label alone on its line before its value)."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not text[:1].isupper() or text[-1] in ".,;:!?":
        return False
    if len(text) > 80 or len(text.split()) > 10 or _block_label(line) or MODAL.search(line.folded):
        return False
    if focus_of(text) is not None or index + 1 >= len(lines):
        return False
    label = _block_label(lines[index + 1])
    if not label or label[0] != "what":
        return False
    kinds = set()
    position = index + 1
    while position < len(lines) and (label := _block_label(lines[position])):
        kinds.add(label[0])
        position += 1
    return "owner" in kinds


# How many lines of description a titled block may have before its "Ansvarig:" line.
_LONGEST_DESCRIPTION = 4


def _described_title(lines: list[_Line], index: int) -> int | None:
    """Where the labels start when lines[index] is an activity's title over a description of a
    few lines and its owner ("Trygghetsvandringar", "Fyra trygghetsvandringar med boende.",
    "Ansvarig: Polisen och kommunen", as a web page writes each activity); else None."""
    line = lines[index]
    text = line.text.strip()
    if line.bullet or line.blank or not text[:1].isupper() or text[-1] in ".,;:!?":
        return None
    named = _OWNER_IN_TITLE.search(text)
    title = text[: named.start()].rstrip() if named else text
    if (
        len(title) > 80
        or len(title.split()) > 10
        or _block_label(line)
        or MODAL.search(line.folded)
    ):
        return None
    if focus_of(text) is not None:
        return None  # "Löfte 1: Tryggare centrum" over "Det här gör vi:": a promise
    position = index + 1
    while (
        position < len(lines)
        and position - index <= _LONGEST_DESCRIPTION
        and not (lines[position].blank or lines[position].bullet or _block_label(lines[position]))
    ):
        if lines[position].text.rstrip().endswith(":"):
            return None  # a heading ("Det här gör vi:") is no description
        if _BLOCK_HEADING.match(lines[position].text.strip()):
            return None  # "Aktiviteter" over "Aktivitet 1: …", a block of its own
        position += 1
    if position == index + 1:
        return None
    if (
        named
        and ":" not in title
        and (position >= len(lines) or not lines[position].bullet)
        # lines each naming their owner last are items of their own, no description
        and not any(
            _OWNER_IN_TITLE.search(line.text.strip()) for line in lines[index + 1 : position]
        )
    ):
        # "Trygghetsvandringar (polisen och kommunen tillsammans)" over what is done and,
        # perhaps, "Datum: …": the owner is the title's
        return position
    if position >= len(lines):
        return None
    label = _block_label(lines[position])
    return position if label and label[0] == "owner" else None


# A title naming its owner in brackets at its end: "Föräldravandringar (kommunen)".
_OWNER_IN_TITLE = _kw(
    r"\((?:polisen|kommunen|staden|regionen|gemensamt|tillsammans|kommunpolisen"
    r"|polisen och kommunen|kommunen och polisen)(?: tillsammans| gemensamt)?\)$"
)
# A day as a list of dates gives it: "17 mars", "14/1", "2026-03-17".
_LISTED_DATE = re.compile(
    rf"\b(?:\d{{1,2}} {MONTH_NAME}|\d{{1,2}}/\d{{1,2}}(?!/)|20\d\d-\d\d-\d\d)\b", re.IGNORECASE
)


def _dates_target(value: str, start: int, title: str):
    """The count of the days a "Datum:" line lists: each date one time the activity is done."""
    dates = _LISTED_DATE.findall(value)
    if not dates:
        return None, []
    return read_target(str(len(dates)), start, listed=True, counted=title)


def focus_of(text: str) -> str | None:
    """The promise of a "Fokusområde 1: Trafiksäkerhet" line ("" when on the next line)."""
    match = FOCUS.match(text)
    if not match or len(text) > 200:
        return None
    label = text[: match.end()]
    if not re.search(r"\d|[:.–—-]\s*$", label) and match.end() < len(text):
        return None
    return text[match.end() :].strip()


# One block per activity: "Aktivitet 1: Trygghetsvandringar", then "Vad: …", "Vem: …", "När: …".
# A task exported from a planning tool is such a block too: "Uppgift: Fotpatrullering …" over
# "Tilldelad: Polisen", "Etiketter: …", "Förfallodatum: …", "Status: …".
# A plan's task is such a block too, numbered by its section: "Uppdrag 3.1 Trafikkontroller på
# väg 95" over "Ansvar: Polisen", "Styrtal: minst 40 trafikkontroller under året", "Resurs: …".
_BLOCK_HEADING = _kw(
    r"^(?:aktivitet|insats|åtgärd|uppgift|uppdrag)\s*(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?\s"
    r"|(?:\d{1,2}|[a-h])?\s*[:.–—-])\s*(?P<title>\S.{0,150})$"
)
# A form's heading alone, numbering its block: "Aktivitet 1" over "Beskrivning: …".
_NUMBERED_BLOCK = _kw(r"^(?:aktivitet|insats|åtgärd|uppgift|uppdrag)\s*\d{1,2}\s*:?$")
_BLOCK_LABELS = (
    (
        "what",
        _kw(
            r"^(?:vad|beskrivning|innehåll|s\s*[–—-]\s*specifikt?"
            # a follow-up quoting the promise's words: "I löftet: "Polisen genomför …""
            r"|(?:i|ur|enligt) (?:medborgar)?löftet|löftestext(?:en)?)\s*:\s*"
        ),
    ),
    (
        "owner",
        _kw(
            r"^(?:vem|(?:huvud)?ansvar(?:ig|iga)?(?: part)?|tilldelad|tilldelat till"
            r"|a\s*[–—-]\s*(?:accepterad|accepterat|ansvarig|ansvar)(?:\s*(?:/|och)\s*ansvarig)?)\s*:\s*"
        ),
    ),
    (
        "target",
        _kw(
            r"^(?:när|hur ofta|omfattning|mål(?:värde)?|styrtal|frekvens|antal|tidplan"
            r"|m\s*[–—-]\s*mätbart?)\s*:\s*"
        ),
    ),
    (
        "partners",
        _kw(
            r"^(?:med vem|tillsammans med|i samverkan med|samverkan med"
            r"|samverkans?part(?:er|ner)?)\s*:\s*"
        ),
    ),
    # a form's unit of time for its count, in a field of its own ("Antal: 15", "Per: År")
    ("per", _kw(r"^per\s*:\s*")),
    # the days it is done on, listed: "Datum: 17 mars, 21 april och 15 september"
    ("dates", _kw(r"^(?:datum|datumen|dagar|tillfällen)\s*:\s*")),
    # an event's organiser ("Arrangör: Smedjebackens kommun", as a calendar names it): the
    # owner when the activity's own words name none
    ("organizer", _kw(r"^(?:arrangör(?:er)?|arrangeras av|organisatör|organizer)\s*:\s*")),
    # a planning tool's fields, no part of the activity; a SMART goal's "Realistisk" and
    # "Tidsatt" (its when: "Senast den 31 december 2026" is no count)
    (
        "field",
        _kw(
            r"^(?:etiketter|etikett|förfallodatum|startdatum|status|prioritet|resurs(?:er)?"
            # a plan's measure, what is counted, not how much: "Mätetal: Antal insatser"
            r"|mätetal|indikator"
            # a follow-up's outcome and assessment: "Utfall 2026: …", "Bedömning: Uppfyllt."
            r"|(?:utfall|resultat)(?: (?:20\d\d|hittills))?|bedömning|måluppfyllelse"
            r"|r\s*[–—-]\s*realistiskt?|t\s*[–—-]\s*(?:tidsatt|tidsbestämt?))\s*:\s*"
        ),
    ),
)


_QUOTED = re.compile(r"[\"“”«„](.{10,}?)[\"“”»]\.?")


def _block_label(line: _Line) -> tuple[str, int] | None:
    """The kind of a block's label line and where its value starts in the line."""
    for kind, rx in _BLOCK_LABELS:
        if (match := rx.match(line.text)) and match.end() < len(line.text):
            return kind, match.end()
    return None


def labelled_block(lines: list[_Line], index: int, promise: int | None):
    """The activity of a block whose heading is lines[index], and the index after it."""
    if lines[index].bullet or not starts_block(lines, index):
        return None
    values: dict[str, tuple[str, int]] = {}
    if heading := _BLOCK_HEADING.match(lines[index].text.strip()):
        if focus_of(heading.group("title")) is not None:
            return None  # "Uppgift: Löfte 1 – Tryggare centrum": a promise
        title = heading.group("title").strip()
        title_start = lines[index].start + heading.start("title")
        position = index + 1
    elif _bare_heading(lines, index) or _titled_labels(lines, index):
        title, title_start = lines[index].text.strip(), lines[index].start
        position = index + 1
    elif (sentence_end := _numbered_over_sentence(lines, index)) is not None:
        # the sentence is read as an activity of its own, the heading naming nothing
        described = lines[index + 1 : sentence_end]
        text = " ".join(line.text.strip() for line in described)
        activity = item_activity(text, described[0].start, None)
        activity.promise_indexes = [promise] if promise is not None else []
        return activity, sentence_end
    else:  # a title over its description: the description is what is done
        title, title_start = lines[index].text.strip(), lines[index].start
        position = _described_title(lines, index)
        described = lines[index + 1 : position]
        values["what"] = (" ".join(line.text.strip() for line in described), described[0].start)
    while position < len(lines) and (label := _block_label(lines[position])):
        kind, offset = label
        line = lines[position]
        value, at = line.text[offset:].strip(), line.start + offset
        if kind == "what" and (quoted := _QUOTED.fullmatch(value)):
            # "I löftet: "Polisen genomför …."": the quoted words
            value, at = quoted.group(1), at + quoted.start(1)
        values.setdefault(kind, (value, at))
        position += 1
    text, start = values.get("what", (title, title_start))
    if _NUMBERED_BLOCK.match(title):  # "Aktivitet 1": named by its description
        title = title_of(text, None)
    # "Aktivitet 1: Kommunen anordnar sex föräldravandringar … ." over its labels: the sentence
    # is what is done, and named as an item's sentence is (after its target is read)
    sentence = heading is not None and "what" not in values and title.endswith((".", "!"))
    owner = values.get("owner")
    # "Tilldelad: Polisen; Leksands kommun": a planning tool lists the assigned with semicolons
    owned = owner and f"Ansvarig: {owner[0].replace('; ', ' och ')}"
    if not owned and (in_title := _OWNER_IN_TITLE.search(title)):
        owned = f"Ansvarig: {in_title.group()[1:-1]}"
        title = title[: in_title.start()].strip()
    responsible, other, partners = read_owner(owned or text, None)
    if responsible == "unstated" and "organizer" in values:
        # "Hastighetskontroller vid skolorna …" under "Arrangör: Lokalpolisområde X"
        responsible, other, _partners = read_owner(f"Ansvarig: {values['organizer'][0]}", None)
    if owner:  # "Vad: Trygghetsvandringar … tillsammans med boende."
        partners = partners + partners_of(text, fold(text))[0]
    if "partners" in values and has_words(values["partners"][0]):
        partners = partners + split_actors(values["partners"][0])
    target, notes = None, []
    if "target" in values:
        target, notes = read_target(
            _target_fields(values["target"][0], values.get("per", ("", 0))[0]),
            values["target"][1],
            listed=True,
            counted=title,
        )
        if target is None and not notes and (heading or "what" in values):
            # "Tidplan: april–december" under "… minst två kvällar i veckan.": the count its
            # text states, read with the label's words (which may limit it to part of a year)
            target, notes = read_target(
                f"{text} ({values['target'][0]})", start, listed=True, counted=title
            )
            if target and target.span and target.span.end > start + len(text):
                target, notes = None, []
    elif "what" in values or heading:
        target, notes = read_target(text, start, listed=True, counted=title)
    if target is None and "dates" in values:
        target, notes = _dates_target(values["dates"][0], values["dates"][1], title)
    if sentence:
        title = activity_title(text, start, target)
    activity = proposed_activity(
        text, title[:200], start, (responsible, other, partners), target, notes
    )
    activity.promise_indexes = [promise] if promise is not None else []
    # "Etiketter: Löfte 1": a task tagged with a promise listed above is that promise's
    tag = _PROMISE_TAG.search(fold(values.get("field", ("", 0))[0]))
    if tag and promise is not None and int(tag.group(1)) - 1 <= promise:
        activity.promise_indexes = [int(tag.group(1)) - 1]
    return activity, position


_PROMISE_TAG = re.compile(r"\blofte (\d{1,2})\b")
# A form's count in a field of its own after its comparator's: "Mål: Minst  Antal: 15".
_COUNT_FIELD = _kw(r"\b(?:antal|st|stycken)\s*:\s*")
_WHOLE_PERIOD = _kw(r"^(?:under )?(?:hela )?(?:löftes)?period(?:en)?$")


def _target_fields(target: str, per: str) -> str:
    """A block's target as one phrase when a form splits it over fields: "Mål: Minst  Antal:
    15" and "Per: År" read as "Minst 15 per år", "Per: Hela perioden" as "under hela
    perioden"; the target's own words when it has no such fields."""
    if not per:
        return target
    target = _COUNT_FIELD.sub("", target)
    per = per.strip().rstrip(".").lower()
    return f"{target} under hela perioden" if _WHOLE_PERIOD.match(per) else f"{target} per {per}"


# A title that is only a place's name: "Fagersta", "Norra Sorunda".
PLACE_TITLE = re.compile(r"[A-ZÅÄÖ][\w-]{1,40}(?: [A-ZÅÄÖ][\w-]{1,40})?")
