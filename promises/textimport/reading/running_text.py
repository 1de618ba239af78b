"""Documents without an activity heading: their list items and sentences that read as
activities, a paragraph retelling what the parties do, transcripts and interviews; who gives
the promises; a promise that is one sentence of the running text.
"""

import bisect
import re

from django.utils.translation import gettext as _

from promises.textimport.lines import LONGEST_HEADING as _LONGEST_HEADING
from promises.textimport.lines import Line as _Line
from promises.textimport.numbers import fold
from promises.textimport.owners import actor_kind
from promises.textimport.reading.headings import OTHER_HEADING, PROMISE_HEADING, generic_heading
from promises.textimport.reading.items import SHORTEST_WRAPPED, read_items
from promises.textimport.reading.sentences import (
    SENTENCE_GOES_ON,
    coordinated,
    enumerated,
    looks_like_activity,
    paragraph_activities,
    sentence_activity,
    wrapped_paragraphs,
)
from promises.textimport.reading.titles import item_activity
from promises.textimport.reading.units import (
    GOAL_START,
    PROMISE_SENTENCE,
    PROMISE_SENTENCE_REACH,
    SENTENCE,
    has_words,
)
from promises.textimport.types import ParsedActivity, ParsedDocument, ParsedPromise, TextSpan

# A transcript's turn (a podcast's, an interview's): "[00:00:52] Per Gustafsson (kommunpolis):
# Vi kommer att …", its time, who speaks (a role in brackets) and what is said.
_TURN = re.compile(
    r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?P<who>[^:\n]{2,80}?)(?:\s*\((?P<role>[^()\n]{2,60})\))?:"
    r"\s+(?=\S)"
)
_FEWEST_TURNS = 3


def _asked_party(question: str) -> str | None:
    """The party a transcript's question asks about: "Och vad ska polisen göra konkret?",
    "Och kommunen?", "Gör ni något tillsammans?"; None when it names none."""
    folded = fold(question)
    if re.search(r"\b(?:tillsammans|gemensamt)\b", folded):
        return "joint"
    police = re.search(r"\bpolis", folded)
    municipality = re.search(r"\b(?:kommunen|staden)\b", folded)
    if police and municipality:
        return "joint"
    return "police" if police else "municipality" if municipality else None


def _transcript_activities(document: ParsedDocument, lines: list[_Line]) -> bool:
    """Read a transcript (three turns or more): what a party will do, said in a turn, is an
    activity of the party the question before it asks about, else of the speaker's party
    ("Per Gustafsson (kommunpolis): Vi kommer att …"); questions are none. False for any other
    text."""
    turns = [(line, match) for line in lines if (match := _TURN.match(line.text))]
    if len(turns) < _FEWEST_TURNS:
        return False
    asked = None
    for line, match in turns:
        said = line.text[match.end() :]
        if said.rstrip().endswith("?"):
            asked = _asked_party(said) or asked
            continue
        speaker = actor_kind(fold(match.group("role") or match.group("who")))
        speaker = speaker if speaker in {"police", "municipality"} else None
        start = line.start + match.end()
        document.activities += paragraph_activities(said, start, asked or speaker)
    return True


# An interview's answer to the question over it: "– Vi kommer att …, säger Jonas Berglund."
_ANSWER_DASH = re.compile(r"[–—-]\s+(?=\S)")
_SPEECH_TAG = re.compile(
    r",\s+(?:säger|berättar|menar|konstaterar|svarar|förklarar)\s+[^,.]{2,80}(?:,\s+[^,.]{2,100})?"
    r"[.!]?\s*$"
)
_LONGEST_QUESTION = 120
_FEWEST_ANSWERS = 3


def _interview_activities(document: ParsedDocument, lines: list[_Line]) -> bool:
    """Read an interview (three questions or more, each a short line ending with "?" right
    over its answer, a quotation opening with a dash): what a party will do, said in an
    answer, is an activity of the party the question asks about ("Vad ska polisen göra?",
    "Och kommunen?", "Gör ni något tillsammans?"), none when it asks about none; an answer
    opening with the promise's sentence ("– Vi lovar att arbeta för …") gives the promise when
    none is found. False for any other text."""
    filled = [line for line in lines if not line.blank]
    pairs = [
        (question, answer)
        for question, answer in zip(filled, filled[1:], strict=False)
        if len(question.text.strip()) <= _LONGEST_QUESTION
        and question.text.rstrip().endswith("?")
        and not question.bullet
        and answer.bullet
        # the answer's line opens with a dash, taken off as its bullet
        and _ANSWER_DASH.match(document.text, document.text.rfind("\n", 0, answer.start) + 1)
    ]
    if len(pairs) < _FEWEST_ANSWERS:
        return False
    for question, answer in pairs:
        said = answer.text
        if tag := _SPEECH_TAG.search(said):
            said = said[: tag.start()] + "."
        if not document.promises:
            first = SENTENCE.match(said)
            if first and PROMISE_SENTENCE.search(fold(first.group())):
                words = first.group().strip()
                document.promises.append(
                    ParsedPromise(
                        text=words,
                        span=TextSpan(answer.start, answer.start + len(words)),
                        uncertain=[_("Read from running text: check the wording")],
                    )
                )
        asked = _asked_party(question.text)
        if asked:
            document.activities += paragraph_activities(said, answer.start, asked)
    return True


def _after_promise_sentence(line: _Line) -> list[ParsedActivity]:
    """The activities of a paragraph on one line that opens with the promise's sentence ("…
    lovar att under 2026 arbeta för …"), read sentence by sentence; [] for another line."""
    if len(line.text) > _LONGEST_PROMISE_PARAGRAPH or not PROMISE_SENTENCE.search(
        line.folded[:PROMISE_SENTENCE_REACH]
    ):
        return []
    sentences = list(SENTENCE.finditer(line.text))
    if len(sentences) < 2 or not PROMISE_SENTENCE.search(fold(sentences[0].group())):
        return []
    rest = sentences[1].start()
    return paragraph_activities(line.text[rest:], line.start + rest)


_LONGEST_PROMISE_PARAGRAPH = 2000
_FEWEST_RETOLD_ACTIVITIES = 2


def _retold_paragraph(line: _Line) -> list[ParsedActivity]:
    """The activities of a paragraph on one line whose sentences say what the parties do, as a
    report or a reply retells the promise ("Enligt löftet ska kommunen … . Kommunen ska också
    … . Polisen har för sin del åtagit sig att …"), read sentence by sentence when two of its
    sentences or more are such; [] for another line."""
    if len(line.text) > _LONGEST_PROMISE_PARAGRAPH or line.text.rstrip().endswith((":", "?")):
        return []
    if len(SENTENCE.findall(line.text)) < _FEWEST_RETOLD_ACTIVITIES:
        return []
    found = paragraph_activities(line.text, line.start)
    return found if len(found) >= _FEWEST_RETOLD_ACTIVITIES else []


def activities_without_heading(document: ParsedDocument, lines: list[_Line]) -> None:
    """A document without an activity heading: its list items that read as activities."""
    taken = {promise.span.start for promise in document.promises if promise.span}
    labelled = {line.start for line in lines if line.labelled}
    kept_promises = []
    for promise in document.promises:
        if looks_like_activity(promise.text) and not GOAL_START.match(fold(promise.text)):
            document.activities.append(
                item_activity(promise.text, promise.span.start if promise.span else 0, None)
            )
        else:
            kept_promises.append(promise)
    document.promises = kept_promises
    if (
        document.activities
        or _transcript_activities(document, lines)
        or _interview_activities(document, lines)
    ):
        return
    index = 0
    wrapped = wrapped_paragraphs(lines)
    background = False  # under "Lägesbild", "Uppföljning" and the like: no activities
    while index < len(lines):
        line = lines[index]
        if not line.bullet and not line.blank and len(line.text) <= _LONGEST_HEADING:
            if OTHER_HEADING.match(line.text.strip()):
                background = True
            elif generic_heading(lines, index) or PROMISE_HEADING.match(line.folded):
                background = False
        after = wrapped[index]
        if not background and not line.bullet and line.start not in taken and after:
            # Running text wrapped inside its sentences: read sentence by sentence.
            words = document.text[line.start : lines[after - 1].end].replace("\n", " ")
            promised = [(p.span.start, p.span.end) for p in document.promises if p.span]
            document.activities += [
                activity
                for activity in paragraph_activities(words, line.start)
                if activity.span is None
                or not any(s <= activity.span.start < e for s, e in promised)
            ]
            index = after
            continue
        if (
            not background
            and not line.bullet
            and line.start not in taken
            and (found := _after_promise_sentence(line) or _retold_paragraph(line))
        ):
            # A paragraph on one line, a sentence for what each party does: after the promise
            # ("Polisen och X kommun lovar att … arbeta för … . Polisen genomför … . Kommunen
            # ser över …"), or retelling it ("Enligt löftet ska kommunen ha … . Kommunen ska
            # också … . Fritidsgården … ska …").
            document.activities += found
            index += 1
            continue
        if (
            not background
            and not line.bullet
            and line.start not in taken
            and (sentence_activity(line) or enumerated(line.text, line.start))
        ):
            document.activities += (
                enumerated(line.text, line.start)
                or coordinated(line.text, line.start)
                or [item_activity(line.text, line.start, None)]
            )
        if line.bullet and line.start not in taken:
            items, index = read_items(lines, index)
            for start, _end, item_text in items:
                if has_words(item_text) and (start in labelled or looks_like_activity(item_text)):
                    document.activities.append(item_activity(item_text, start, None))
            continue
        index += 1


def read_parties(document: ParsedDocument) -> None:
    folded = fold(document.text)
    joint = re.search(
        r"lovar (?:att )?(?:gemensamt|tillsammans)"
        # "Polisen och X kommun lovar", "Polisen och Östra Göinge kommun lovar", "Polisregion
        # Mitt, lokalpolisområde Gävle, och Gävle kommun lovar"
        # (whether one is there: "polis…" taken once per word, never again inside it)
        r"|(?<!\w)(?>\w*?polis)\w*+[^.\n]{0,100}?\boch (?:[\w-]+s? ){0,2}(?:kommun|kommunen"
        r"|stad|staden|region)\b[^.\n]{0,60}\blovar"
        r"|(?:kommunen|kommun|staden|stad|region [\w-]+) och "
        r"(?:lokalpolisomrade [\w-]+|polisen)[^.\n]{0,60}\blovar"
        # one party speaking with the other: "Tillsammans med Halmstads kommun lovar vi att"
        r"|\btillsammans med (?:[\w-]+s? ){0,2}(?:kommun|kommunen|stad|staden|polisen)"
        r" lovar vi\b",
        folded,
    )
    police = re.search(
        # "Löftet ges av Polisen i …" (never an activity's "Information … ges av polisen")
        r"\b(?:loftet|loftena|medborgarloftet|medborgarloftena) (?:ges|lamnas) av polisen"
        r"|^polisen lovar|\npolisen lovar|lokalpolisomrade [\w-]+ "
        r"lovar",
        folded,
    )
    municipality = re.search(
        r"\b(?:loftet|loftena|medborgarloftet|medborgarloftena) (?:ges|lamnas) av "
        r"(?:kommunen|staden)|(?:^|\n)(?:kommunen|staden) lovar"
        r"|(?<![\w-])[\w-]++ (?:kommun|stad) lovar",
        folded,
    )
    if joint:
        document.parties = "joint"
    elif police and not municipality:
        document.parties = "police"
    elif municipality and not police:
        document.parties = "municipality"
    else:
        document.parties = "joint"


# The promise's wording quoted in a decision or minutes: "att löftet ska lyda: "…"", in a
# revision: "Medborgarlöftet lyder oförändrat: "…"", and in a message: "Löftet skriver jag som
# "…"", "Mitt förslag på löfte: "…"".
_WORDING = re.compile(
    r"(?:\b(?:ska|skall|skulle) lyda|\blyder(?: (?:oförändrat|oförändrad|fortsatt|nu"
    r"|som tidigare|som förut|i sin helhet|enligt följande|därmed))?"
    r"|\bskriver (?:jag|vi) (?:det |den )?som|\bformuleras (?:som|så här)"
    r"|\bförslag (?:på|till) (?:nytt )?(?:medborgar)?löfte(?:t|s (?:formulering|lydelse))?"
    r"|\bmed (?:följande )?lydelsen?"
    # a report's "… läser upp löftet: "Vi lovar …"", an image's "en ruta med texten: "…""
    r"|\bläser (?:upp )?(?:medborgar)?löftet|\bmed (?:den )?texten)\s*:?\s*"
    r"[\"“”«]([^\"“”»]{10,})[\"“”»]?",
    re.IGNORECASE,
)

# The promise quoted whole, as a report or a study quotes it, perhaps with its source after it:
# ""Vi lovar att arbeta för …" (Munkfors kommun & Polisen, 2026, s. 2)", or a news item's
# ""Vi lovar att arbeta för …", säger kommunpolisen Sara Holm."
_QUOTED_WORDING = re.compile(
    r"[\"“”«]([^\"“”»]{10,}?),?[\"“”»]"
    r"(?:\s*\([^()]{1,120}\)|,?\s+säger\s[^\"“”».]{1,80})?\s*\.?"
)


def promise_from_running_text(document: ParsedDocument, lines: list[_Line]) -> None:
    """A document whose promise is one sentence of its running text ("… lovar invånarna att
    arbeta för ett tryggare centrum."): that sentence, to be checked."""
    taken = _disjoint(sorted((a.span.start, a.span.end) for a in document.activities if a.span))
    taken_starts = [a for a, _b in taken]
    # Its lines, each with those going on from it: a sentence a PDF wrapped is read whole. As
    # (start, end) first, cut from the text once (cutting it anew per joined line was quadratic
    # on a table of many short rows).
    bounds: list[list[int]] = []
    for line, previous in zip(lines, [None, *lines], strict=False):
        if line.bullet or line.blank:
            continue
        if (
            bounds
            and previous is not None
            and not (previous.bullet or previous.blank)
            and (
                line.text[:1].islower()
                # a long line ending inside its sentence ("… i Strömsund och" over
                # "Hammerdal. Löftet gäller …"): a paragraph's line its editor wrapped
                or len(previous.text) >= SHORTEST_WRAPPED
                and SENTENCE_GOES_ON.search(previous.text.rstrip())
                and not previous.text.rstrip().endswith(("–", "-"))
            )
        ):
            bounds[-1][1] = line.end
            bounds[-1][2] = True
        else:
            bounds.append([line.start, line.end, False, line.text])
    for start_, end_, joined, text in bounds:
        paragraph = document.text[start_:end_].replace("\n", " ") if joined else text
        for sentence in SENTENCE.finditer(paragraph):
            start = start_ + sentence.start()
            end = start_ + sentence.end()
            # The last taken span that starts before this sentence ends: it alone may overlap.
            index = bisect.bisect_left(taken_starts, end) - 1
            if index >= 0 and taken[index][1] > start:
                continue
            if PROMISE_SENTENCE.search(fold(sentence.group())):
                words = sentence.group().strip()
                if wording := _WORDING.search(words) or _QUOTED_WORDING.fullmatch(words):
                    # "… beslutade att löftet ska lyda: "Polisen och … lovar att …"": its words
                    start += wording.start(1)
                    words = wording.group(1).strip()
                document.promises.append(
                    ParsedPromise(
                        text=words,
                        span=TextSpan(start, start + len(words)),
                        uncertain=[_("Read from running text: check the wording")],
                    )
                )
                return


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans merged where they overlap or touch: disjoint, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
