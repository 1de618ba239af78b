"""What reading a promise document proposes: the period, the promises and the activities, each
with where in the text it was read, and what the reader was unsure of.

Offsets are into `ParsedDocument.text` (the cleaned text the parser read, shown to the
coordinator in the preview with each recognised part highlighted). Codes are the models' own:
`activities.progress.Comparator` / `Scope` values and `activities.models.Responsible` values,
written as plain strings so this module imports no models.
"""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextSpan:
    """A part of the text: [start, end) offsets into `ParsedDocument.text`."""

    start: int
    end: int


@dataclass
class ParsedTarget:
    """A numeric target read from an activity's text, e.g. "minst femton trafikkontroller".

    comparator: "at_least" | "at_most" | "count" (a bare number, "två medborgardialoger") |
    "exactly"; scope: "period" | "year" | "tertial" | "month" | "week" | "day" |
    "average_week" | "average_month".
    """

    comparator: str
    value: int
    unit: str
    scope: str
    unit_singular: str = ""
    span: TextSpan | None = None  # the words the target was read from
    uncertain: list[str] = field(default_factory=list)  # why to check it, in Swedish


@dataclass
class ParsedActivity:
    """One activity: its text as written, a short title, who is responsible, partners, target.

    responsible: "police" | "municipality" | "joint" | "other" | "unstated" (never guessed:
    "Vi ska …" or the passive voice is "unstated"); responsible_other names the other actor.
    """

    text: str
    title: str
    responsible: str
    responsible_other: str = ""
    partners: str = ""
    target: ParsedTarget | None = None
    span: TextSpan | None = None
    uncertain: list[str] = field(default_factory=list)
    # Indexes into `ParsedDocument.promises` of the promise (focus area) the activity is listed
    # under; empty when the document does not say.
    promise_indexes: list[int] = field(default_factory=list)


@dataclass
class ParsedPromise:
    """One promise (focus area) as written."""

    text: str
    span: TextSpan | None = None
    uncertain: list[str] = field(default_factory=list)


@dataclass
class ParsedSignatory:
    """One signatory of a signed document as its signature block names them; a part the
    block does not give is "" ("Kommunstyrelsens ordförande" alone has no name)."""

    name: str = ""
    title: str = ""
    organisation: str = ""


@dataclass
class ParsedDocument:
    """A document's proposed structure.

    start/end: the validity as stated, or None when the text states none ("gäller i ett år"
    with no date gives None and None, with `length_months` 12). year_only: the document gives
    only years ("2023–2024": 1 January 2023 to 31 December 2024). parties: "joint" | "police" |
    "municipality" — who gives the promises, as far as the text says. situation, background,
    follow_up_text: the period's texts as the document gives them (`texts`), "" when it gives
    none; paragraphs separated by a blank line. local_police_area: the local police area the
    document names ("Lokalpolisområde Borås", "LPO Borås": "Borås"), "" when it names none or
    more than one; the preview's form matches it against the areas in the database. area_name:
    the district the promise is for ("Medborgarlöfte för Rosengård": "Rosengård"), "" when it
    names none or a municipality.
    signing_place, signed_date, signatories: the signature block's "Sala den 15 januari 2026"
    and the names, titles and organisations under it (`signatures`); "", None and [] when
    the document has none. decision_body, decision_date, decision_reference: what a decision
    line states ("Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412":
    "Kommunstyrelsen", 2024-01-17, "KS 2023/412"; `decision`); "", None and "" for what it
    does not state.
    """

    text: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    year_only: bool = False
    open_ended: bool = False
    length_months: int | None = None
    parties: str = "joint"
    period_span: TextSpan | None = None
    promises: list[ParsedPromise] = field(default_factory=list)
    activities: list[ParsedActivity] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)
    situation: str = ""
    background: str = ""
    follow_up_text: str = ""
    local_police_area: str = ""
    area_name: str = ""
    signing_place: str = ""
    signed_date: datetime.date | None = None
    signatories: list[ParsedSignatory] = field(default_factory=list)
    decision_body: str = ""
    decision_date: datetime.date | None = None
    decision_reference: str = ""
    # The text says the promises apply from the signing ("gäller från och med undertecknandet"):
    # the signing's date, once read, is the start.
    starts_at_signing: bool = field(default=False, repr=False)
