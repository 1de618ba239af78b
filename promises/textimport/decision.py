"""The decision a promise document says it was made by: its body, date and reference.

A decided promise often states its decision on a line of its own:

    Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.
    Beslut: KS 2024-01-17 § 12
    Antaget av kommunfullmäktige 2024-01-17, § 5 (Dnr 2023/412)
    Fastställt av kommunstyrelsen den 3 december 2025.
    Fastställd av: Kommunstyrelsen 2025-11-24, § 211
    Beslutat av kommunstyrelsen.

Only such a line is read, and only when all of it is the decision's: a decision word
("Beslutat", "Antaget", "Fastställt", "Godkänt", "Beslut:"), the decision-making body (a
board, council, committee: "kommunstyrelsen", "Barn- och utbildningsnämnden", "KS" and "KF"
as the names they stand for), then its date, the minutes' paragraph ("§ 12") and the
reference number ("dnr KS 2023/412"), each optional. A sentence that says more ("… och
undertecknat av …") is not read. Nothing is guessed: a part the line does not state stays
empty, and a part two lines state differently is left for the coordinator. The reference is
the dnr; a line giving only the minutes' paragraph has "§ 12" as its reference. A line giving
the reference alone ("Diarienummer: KS 2023/412") is read with a decision line, never without
one, and is kept out of the texts as the decision lines are.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.text import capfirst

from promises.textimport.numbers import MONTHS
from promises.textimport.types import ParsedDocument

# The words that say the document was decided: "Beslutat av", "Antagen i", "Fastställd av:",
# "Medborgarlöftet är beslutat av", "Beslut:".
_DECIDED = (
    r"(?:beslutad|beslutat|beslutade|beslutades|antagen|antaget|antagna|antogs"
    r"|fastställd|fastställt|fastställda|fastställdes|godkänd|godkänt|godkända|godkändes)"
)
_SUBJECT = r"(?:(?:medborgar)?löfte(?:t|na)|dokumentet|överenskommelsen)"
_LEAD = (
    rf"(?:(?:{_SUBJECT} )?(?:(?:är|har|blev|har blivit) )?{_DECIDED}(?: (?:av|i|vid))?:?"
    r"|beslut(?:sinstans)?:|beslut (?:i|av))"
)
# A decision-making body: its last word a board, council or committee ("kommunstyrelsen",
# "Kommunstyrelsens arbetsutskott", "Barn- och utbildningsnämnden", "Region Gotlands
# regionstyrelse"), or the abbreviations every Swedish municipality uses.
_BODY_WORD = (
    r"[^\W\d_]*(?:styrelse|styrelsen|fullmäktige|nämnd|nämnden|utskott|utskottet"
    r"|beredning|beredningen)"
)
_BODY = (
    rf"(?P<body>(?:[^\W\d_][\w-]*,? ){{0,4}}?{_BODY_WORD}"
    r"(?: i [A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)?(?: (?:kommun|stad|region))?)?"
    r"|KSAU|KS|KF)"
)
_DATE = (
    r"(?:(?P<day>\d{1,2}) (?P<month>januari|februari|mars|april|maj|juni|juli|augusti"
    r"|september|oktober|november|december) (?P<year>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))"
)
# "den 17 januari 2024", "på sitt sammanträde den 17 januari 2024", "2024-01-17"
_WHEN = (
    r"(?:(?:den|(?:på|vid) (?:sitt )?(?:sammanträde(?:t)?|mötet|möte)(?: den)?) )?"
    rf"{_DATE}"
)
_PARAGRAPH = r"(?:§|paragraf) ?(?P<paragraph>\d{1,4})"
_REFERENCE = (
    r"(?:dnr|diarienummer|diarienr|ärendenummer)\.?:? ?"
    r"(?P<reference>(?:[A-ZÅÄÖ]{1,6}[ -]?)?\d{2,4}[/.:-]\d{1,6}(?:[/.:-]\d{1,6})*)"
)
# What may follow the body, each part set off by a comma or a space, or in brackets.
_PARTS = (
    rf"(?:,? {_WHEN})?"
    rf"(?:,? \(?{_PARAGRAPH}\)?)?"
    rf"(?:,? \(?{_REFERENCE}\)?)?"
    rf"(?:,? \(?{_PARAGRAPH.replace('paragraph', 'paragraph_after')}\)?)?"
)
_LINE = re.compile(rf"{_LEAD} ?{_BODY}{_PARTS}\.?", re.IGNORECASE)
# The date before the body: "Beslutat den 17 januari 2024 av kommunstyrelsen, dnr …".
_LINE_DATE_FIRST = re.compile(
    rf"(?:{_SUBJECT} )?(?:(?:är|har|blev) )?{_DECIDED} {_WHEN} (?:av|i) {_BODY}"
    rf"(?:,? \(?{_PARAGRAPH}\)?)?(?:,? \(?{_REFERENCE}\)?)?\.?",
    re.IGNORECASE,
)
# The body first: "Kommunstyrelsen beslutade den 17 januari 2024 att anta medborgarlöftet".
_LINE_BODY_FIRST = re.compile(
    rf"{_BODY} (?:beslutade|antog|fastställde|godkände)"
    rf"(?: (?:medborgarlöftet|medborgarlöftena|löftet|löftena))? {_WHEN}"
    r"(?: att (?:anta|fastställa|godkänna) (?:medborgarlöftet|medborgarlöftena|löftet|löftena))?"
    rf"(?:,? \(?{_PARAGRAPH}\)?)?(?:,? \(?{_REFERENCE}\)?)?\.?",
    re.IGNORECASE,
)
# A line that gives the reference alone: "Diarienummer: KS 2023/412", "Dnr KS 2023/412".
_REFERENCE_LINE = re.compile(rf"{_REFERENCE}\.?", re.IGNORECASE)
_LONGEST_LINE = 200
# A word every decision or reference line has, looked for before the patterns are tried.
_HINT = re.compile(r"beslut|anta|antog|fastst|godk|dnr|diarie|ärende", re.IGNORECASE)
# Abbreviations of a body, as the names they stand for.
_ABBREVIATIONS = {
    "ks": "Kommunstyrelsen",
    "kf": "Kommunfullmäktige",
    "ksau": "Kommunstyrelsens arbetsutskott",
}


@dataclass(frozen=True)
class Decision:
    """A decision line's parts; "" or None for what it does not state."""

    body: str
    date: datetime.date | None
    reference: str


def decision_line(text: str) -> Decision | None:
    """The decision a line states (see the module docstring), or None for any other line."""
    if len(text) > 2 * _LONGEST_LINE or not _HINT.search(text):
        return None
    text = " ".join(text.split())
    if len(text) > _LONGEST_LINE:
        return None
    match = (
        _LINE.fullmatch(text)
        or _LINE_DATE_FIRST.fullmatch(text)
        or _LINE_BODY_FIRST.fullmatch(text)
    )
    if match is None:
        reference = _REFERENCE_LINE.fullmatch(text)
        return Decision("", None, reference.group("reference")) if reference else None
    body = " ".join(match.group("body").rstrip(",").split())
    body = _ABBREVIATIONS.get(body.casefold(), capfirst(body))
    groups = match.groupdict()
    reference = groups.get("reference") or ""
    paragraph = groups.get("paragraph") or groups.get("paragraph_after")
    if not reference and paragraph:
        reference = f"§ {paragraph}"
    return Decision(body=body, date=_date(match), reference=reference)


def _date(match: re.Match) -> datetime.date | None:
    try:
        if match.group("iy"):
            return datetime.date(
                int(match.group("iy")), int(match.group("im")), int(match.group("id"))
            )
        if match.group("year"):
            return datetime.date(
                int(match.group("year")),
                MONTHS[match.group("month").casefold()],
                int(match.group("day")),
            )
    except ValueError:
        pass  # "30 februari": no date
    return None


def read_decision(document: ParsedDocument, lines: list[str]) -> None:
    """Set `document`'s decision body, date and reference from its decision lines, each part
    only when the lines that state it agree."""
    found = [decision for line in lines if (decision := decision_line(line)) is not None]
    if not any(decision.body for decision in found):
        # A reference line alone ("Dnr: …") does not say whose or which decision it is: the
        # police's own case number, say. With a decision line it is that decision's.
        return
    for field, part in (
        ("decision_body", "body"),
        ("decision_date", "date"),
        ("decision_reference", "reference"),
    ):
        stated = {getattr(decision, part) for decision in found} - {"", None}
        if len(stated) == 1:
            setattr(document, field, stated.pop())
