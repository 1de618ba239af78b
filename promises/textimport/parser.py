"""Reading a promise document's text: `parse(text)` proposes the period (`period`), the
promises and the activities with their owners and partners (`owners`) and targets (`targets`).
The lines are read by `reading` (one kind of thing per module, in the order its `__init__`
gives); this module runs that reading and what follows it: the police area, targets given by
reference, promises named by tag, section titles, owners named by codes or contact persons.

The text is cleaned first (`clean`); every offset points into the cleaned text. Lines are read
one by one: headings and lead-in lines ("Polisen och kommunen lovar gemensamt att arbeta för:",
"Det ska vi åstadkomma genom följande aktiviteter:", "Polisens åtaganden", "Fokusområde 1: …")
open a section, and the list items (any bullet, numbered, or one item per line) under them are
promises or activities; an item numbered "1.1" under a promise numbered "1." is an activity of
that promise, and so is a bulleted item under a numbered promise title ("1. Öka tryggheten
kring Resecentrum" over "- Polisen genomför …"). A party heading ("Polisen lovar", "Kommunens
åtaganden", "Polisen ska:", "Det här gör polisen") gives the owner of the activities under it;
"X lovar att:" gives promises when the document has an activity heading later, else activities
of X. A table whose cells come one per line ("Aktivitet", "Ansvarig", "Mål", then the rows;
`clean` puts a tab-separated table so; its owner's column may come first, and a PDF's text may
give its columns one after another) gives one activity per row, and so does a block of labelled
lines ("Aktivitet 1: …", "Vad: …", "Vem: …", "När: …"). A document without any activity heading
gives its list items that read as activities, and its sentences that do ("Polisen ska …",
"Tillsammans ska vi …", another actor's with a target), never a quotation ("…, säger X").
Keywords are matched tolerantly: å/ä/ö folded and the OCR confusions of scanned documents
("upptickten", "fraimst", "dldern") accepted; the text itself is never corrected. Last, the
period's texts (situation picture, background, follow-up) are read from what is left (`texts`),
the signature block (`signatures`) and the decision line (`decision`).
"""

import re

from django.utils.translation import gettext as _

from promises.textimport.areas import read_area_name
from promises.textimport.clean import clean
from promises.textimport.decision import read_decision
from promises.textimport.formats.week_plans import year_heading_scopes
from promises.textimport.lines import Line as _Line
from promises.textimport.lines import kw as _kw
from promises.textimport.lines import read_lines
from promises.textimport.numbers import fold, scanned_words
from promises.textimport.owners import trailing_owner
from promises.textimport.period import read_period, start_at_signing
from promises.textimport.reading.items import is_heading
from promises.textimport.reading.legends import (
    owners_from_aliases,
    owners_from_codes,
    owners_from_contacts,
    owners_from_legend,
    read_legend,
)
from promises.textimport.reading.running_text import promise_from_running_text, read_parties
from promises.textimport.reading.sections import read_structure
from promises.textimport.reading.tables import COLUMN_SCANS
from promises.textimport.reading.units import PROMISE_SENTENCE, PROMISE_SENTENCE_REACH, untagged
from promises.textimport.scopes import PERIOD_MONTHS, PERIOD_YEARS, months_between
from promises.textimport.signatures import read_signatures
from promises.textimport.targets import read_target
from promises.textimport.texts import read_texts
from promises.textimport.types import ParsedActivity, ParsedDocument, TextSpan

# "Lokalpolisområde Borås", "lokalpolisområdet Mitt", "LPO Motala", "Lokalpolisområde: Ale" (a
# form's label): the area's name, a word, or two when the first says where ("Östra
# Skaraborg", "SÖDRA LAPPLAND") or the second is "City" ("Stockholm City"); a name of more
# words ("Norrbottens inland") is read by its first, which the form matches. Matched in the
# folded text, whose offsets are the text's; "Lokalpolisområdeschef" names no area.
_POLICE_AREA = re.compile(r"\b(?:lokalpolisomradet?|(?P<lpo>lpo))\b:?[ \t]+")
_POLICE_AREA_NAME = re.compile(
    r"(?:(?i:östra|västra|norra|södra|mellersta|nordöstra|nordvästra|sydöstra|sydvästra"
    r"|centrala|stor|nedre|övre) [A-ZÅÄÖ][\w/-]*|[A-ZÅÄÖ][\w/-]*(?: (?i:city)\b)?)"
)
_LONGEST_POLICE_AREA = 60


def _read_police_area(document: ParsedDocument) -> None:
    """The local police area the document names, wherever it does (a signature, a party, a
    heading): its name as written ("LOKALPOLISOMRÅDE SÖDRA LAPPLAND": "Södra Lappland"); ""
    when it names none, or different ones. A name that another begins ("Borås", "Borås
    Tranemo") is the same area, the shorter kept."""
    names: list[str] = []
    folded = fold(document.text)
    for match in _POLICE_AREA.finditer(folded):
        if match.group("lpo") and document.text[match.start() : match.end("lpo")] != "LPO":
            continue  # "lpo" in lower case is no abbreviation
        found = _POLICE_AREA_NAME.match(document.text, match.end())
        if not found or len(found.group()) > _LONGEST_POLICE_AREA:
            continue
        name = found.group()
        name = name.title() if name.isupper() and len(name) > 3 else name
        words = fold(name).split()
        for number, known in enumerate(names):
            known_words = fold(known).split()
            shorter = min(len(words), len(known_words))
            if words[:shorter] == known_words[:shorter]:
                names[number] = min(known, name, key=len)
                break
        else:
            names.append(name)
        if len(names) > 1:
            break
    document.local_police_area = names[0] if len(names) == 1 else ""


# A line giving the target of an activity numbered above: "Aktivitet 2: minst 6 per år".
_REFERENCE = _kw(
    r"^\s*(?:aktivitet|akt\.|åtgärd|insats)\s*(?P<n>\d{1,2})\s*[:.–—-]\s*(?P<goal>\S.*)$"
)
_ITEM_NUMBER = re.compile(r"^\s*(?:aktivitet\s*)?(\d{1,2})\b", re.IGNORECASE)


def _targets_by_reference(document: ParsedDocument, lines: list[_Line]) -> None:
    """Targets a section gives apart ("Mål och uppföljning" over "Aktivitet 1: minst 2 insatser
    i månaden"), each referring back by number to an activity numbered above that states none
    of its own: that activity's target, counting what it names."""
    text = document.text
    by_start = {activity.span.start: activity for activity in document.activities if activity.span}
    numbered: dict[int, ParsedActivity | None] = {}
    for line in lines:
        if line.blank:
            continue
        raw = text[text.rfind("\n", 0, line.start) + 1 : line.end]
        activity = by_start.get(line.start)
        if activity is not None:
            if (line.numbered or line.labelled) and (match := _ITEM_NUMBER.match(raw)):
                number = int(match.group(1))
                # the same number twice (two lists): which one is meant is not known
                numbered[number] = None if number in numbered else activity
            continue
        reference = _REFERENCE.match(raw)
        if not reference or not (activity := numbered.get(int(reference.group("n")))):
            continue
        if activity.target is not None:
            continue
        goal_start = text.rfind("\n", 0, line.start) + 1 + reference.start("goal")
        target, notes = read_target(
            reference.group("goal"), goal_start, listed=True, counted=activity.text
        )
        activity.target = target
        # "Aktivitet 1: minst 2 insatser i månaden under maj–augusti": why there is none
        activity.uncertain.extend(note for note in notes if note not in activity.uncertain)


# A promise's label before its words on its line: "Löfte A. ", "Löfte 2: ".
_PROMISE_LABEL = _kw(r"(?:löfte|fokusområde|område)\s([A-Z0-9]{1,2})[.:)]?\s?$")


def _promises_by_tag(document: ParsedDocument) -> None:
    """Activities ending with a tag naming the promises they serve ("… per år. [A]", "[A, B]")
    are tied to the promises labelled so ("Löfte A. Vi ska …"), when every letter names one."""
    labels: dict[str, int] = {}
    for number, promise in enumerate(document.promises):
        if promise.span is None:
            continue
        line_start = document.text.rfind("\n", 0, promise.span.start) + 1
        before = document.text[line_start : promise.span.start][-20:]
        if label := _PROMISE_LABEL.search(before):
            labels.setdefault(label.group(1), number)
    if not labels:
        return
    for activity in document.activities:
        text = activity.text.rstrip()
        if not text.endswith("]") or untagged(text) == text:
            continue
        tags = re.findall(r"[A-Z0-9]{1,2}", text[text.rfind("[") :])
        if tags and all(tag in labels for tag in tags):
            activity.promise_indexes = [labels[tag] for tag in dict.fromkeys(tags)]


def parse(text: str) -> ParsedDocument:
    """The proposed structure of a promise document's text (see the module docstring)."""
    cleaned = clean(text)
    document = ParsedDocument(text=cleaned)
    lines = read_lines(cleaned)
    read_period(document, lines)
    # A part of the year that holds the whole validity limits no target ("2 ggr/dygn under
    # juni–augusti" in a promise for 1 juni–31 augusti).
    months = (
        months_between(document.start, document.end) if document.start and document.end else None
    )
    reset = PERIOD_MONTHS.set(months)
    # A target stated for one of several years is marked for the coordinator to check.
    years = (
        frozenset(range(document.start.year, document.end.year + 1))
        if document.start and document.end
        else None
    )
    reset_years = PERIOD_YEARS.set(years)
    reset_scans = COLUMN_SCANS.set({})
    try:
        _read_document(document, lines, text)
    finally:
        COLUMN_SCANS.reset(reset_scans)
        PERIOD_YEARS.reset(reset_years)
        PERIOD_MONTHS.reset(reset)
    return document


def _read_document(document: ParsedDocument, lines: list[_Line], text: str) -> None:
    """All but the period of `parse`."""
    read_structure(document, lines)
    year_heading_scopes(document)
    _targets_by_reference(document, lines)
    _promises_by_tag(document)
    _section_titles(document)
    _listed_twice(document)
    owners_from_legend(document, read_legend(lines))
    owners_from_codes(document, lines)
    owners_from_aliases(document)
    owners_from_contacts(document)
    if not document.promises:
        promise_from_running_text(document, lines)
    read_parties(document)
    _read_police_area(document)
    document.area_name = read_area_name(document.text)
    if document.activities and not document.promises:
        document.uncertain.append(_("No promises were found: the document lists activities only"))
    if not document.activities:
        document.uncertain.append(_("No activities were found in the text"))
    read_texts(document, lines, is_heading)
    _without_owner_labels(document)
    read_signatures(document, text)
    start_at_signing(document)
    read_decision(document, [line.text for line in lines])
    if words := scanned_words(document.text):
        # "po1isen", "1ördag": a scan read by text recognition, whose other words ("enkat",
        # "kanner") may be damaged too; nothing is corrected, the coordinator checks the texts.
        document.uncertain.append(
            _(
                "The text looks like a scan read by text recognition (“%(words)s”): check its "
                "words before the texts are published"
            )
            % {"words": ", ".join(words)}
        )


def _section_titles(document: ParsedDocument) -> None:
    """A web page's sections, each a heading over one activity's paragraph ("Trygghetsvandringar"
    over "Kommunen och polisen bjuder in till tre trygghetsvandringar …"), under a page whose
    promise is its own sentence ("Vi lovar att arbeta för …"): the headings are the activities'
    titles, not promises. (With no such sentence they stay promises, as Skövde's do.)"""
    said = [
        number
        for number, promise in enumerate(document.promises)
        if PROMISE_SENTENCE.search(fold(promise.text)[:PROMISE_SENTENCE_REACH])
    ]
    if len(said) != 1 or len(document.promises) < 3:
        return
    under: dict[int, list[ParsedActivity]] = {}
    for activity in document.activities:
        for number in activity.promise_indexes:
            under.setdefault(number, []).append(activity)
    titles = [number for number in range(len(document.promises)) if number not in said]
    if any(
        len(under.get(number, [])) != 1 or under[number][0].promise_indexes != [number]
        for number in titles
    ):
        return  # a heading over several activities, or over none, is a promise
    for number in titles:
        under[number][0].title = document.promises[number].text
    for activity in document.activities:
        activity.promise_indexes = [0] if activity.promise_indexes == said else []
    document.promises = [document.promises[said[0]]]


def _listed_twice(document: ParsedDocument) -> None:
    """One activity for an activity written word for word under two promises: the first,
    tied to both (one activity to log, not two)."""
    first: dict[str, ParsedActivity] = {}
    kept = []
    for activity in document.activities:
        key = " ".join(activity.text.split()).casefold()
        seen = first.get(key)
        if (
            seen is not None
            and seen.promise_indexes
            and activity.promise_indexes
            and seen.promise_indexes != activity.promise_indexes
            and seen.responsible == activity.responsible
        ):
            seen.promise_indexes = sorted({*seen.promise_indexes, *activity.promise_indexes})
            continue
        first.setdefault(key, activity)
        kept.append(activity)
    document.activities = kept


def _without_owner_labels(document: ParsedDocument) -> None:
    """Each activity's text without the owner's label that ends it ("… kvällstid. Ansvarig:
    Polisen.", "… (Kommunen)", "… – Föreningen Nattvandrarna", "… Vem: Kommunen"), once every
    reading of the owners is done: the label is read into the owner's fields, so the text ends
    where the activity's own sentence ends (else the public page and the signing document say
    it twice). A label followed by another ("Ansvarig: Polisen. Mål: …") and an owner the text
    leaves unstated keep the text whole; so does a target read from the label's words."""
    for activity in document.activities:
        if activity.responsible == "unstated":
            continue
        cut = trailing_owner(activity.text)
        target = activity.target
        if cut is None or activity.span is None:
            continue
        # The kept words' end in the document (an item over several lines is one line of text).
        end, letters = activity.span.start, len("".join(activity.text[:cut].split()))
        while letters and end < activity.span.end:
            letters -= not document.text[end].isspace()
            end += 1
        if target is not None and target.span is not None and target.span.end > end:
            continue
        activity.text = activity.text[:cut]
        activity.span = TextSpan(activity.span.start, end)
