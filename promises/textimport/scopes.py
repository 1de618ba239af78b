"""What a count is per: the scope phrases ("per år", "varje månad", "i snitt i veckan"), the
ones the portal cannot count ("per termin", "inför varje …"), and the parts of a year that
limit a count ("per månad under sommarhalvåret", a heading "Hösten 2026"), against the
validity of the document read.
"""

import bisect
import datetime
import re
from contextvars import ContextVar

from django.utils.translation import gettext as _

from promises.textimport.types import ParsedActivity

_SCOPE_PHRASES = (
    (
        "day",
        r"per (?:dygn|dag)|varje (?:dag|dygn|kvall|natt)|om (?:dagen|dygnet)|i dygnet"
        r"|dagligen|/ ?(?:dygn|dag)|per kvall",
    ),
    (
        "week",
        r"per (?:vecka|helg|v\.?)|varje (?:vecka|helg|veckoslut)|i veckan|/ ?(?:vecka|v)"
        r"|veckovis|pa (?:en )?(?:veckovis |vecko)basis",
    ),
    (
        "month",
        r"per (?:kalender)?manad|varje (?:kalender)?manad|i manaden|/ ?(?:manad|man)"
        r"|manatligen|manadsvis|per man"
        # a text translated from English: "på en månatlig basis" ("on a monthly basis")
        r"|pa (?:en )?manatlig basis",
    ),
    ("tertial", r"per tertial|varje tertial|i tertialet|/ ?tertial|tertialvis"),
    (
        "year",
        r"per (?:kalender)?ar|varje (?:kalender)?ar|arligen|om aret|/ ?ar|under aret"
        r"|i aret|arsvis|under varje ar|pa (?:en )?(?:arlig |ars)basis",
    ),
    (
        "seasonal",
        r"(?:varje|per|under varje) (?:sommar|host|var|vinter|sasong|lasar|skolar)"
        r"(?! och (?:sommar|host|var|vinter))|under (?:lasaret|skolaret)"
        # a season named by what is done in it, which comes each year: "under jaktsäsongen",
        # "under badsäsongen" (not "under säsongen", the one a promise is about)
        r"|under (?:varje )?[a-z]{2,20}sasong(?:en)?",
    ),
    (
        "period",
        r"under (?:hela )?(?:perioden|loftesperioden|giltighetstiden|loftestiden|projekttiden"
        r"|projektperioden)"
        r"|under aren|totalt|sammanlagt|under (?:hela )?tvaarsperioden|per loftesperiod",
    ),
    (
        "unsupported",
        # a spreadsheet's "1/kv", a quarter abbreviated
        r"per (?:termin|halvar|kvartal|lov|skollov)|/ ?(?:termin|halvar|kvartal|kv)"
        r"|varje (?:termin|halvar|kvartal|lov|skollov)|varannan (?:vecka|manad)|varannat ar"
        r"|i (?:kvartalet|terminen|halvaret)"
        # "varje vår och höst": twice a year, which a count of one would not say
        r"|infor varje|vid varje|varje (?:sommar|host|var|vinter) och (?:sommar|host|var|vinter)",
    ),
)
# A phrase starts a word ("per år", not "kvartal per år…") or at a slash ("2 ggr/dygn").
# A scope the portal cannot count, in folded text: "per termin", "varannan vecka".
UNSUPPORTED_SCOPE = re.compile(
    "(?:(?<!\\w)|(?=/))(?:" + dict(_SCOPE_PHRASES)["unsupported"] + ")\\b"
)
_SCOPE = re.compile(
    "|".join(f"(?P<{name}>(?:(?<!\\w)|(?=/))(?:{rx})\\b)" for name, rx in _SCOPE_PHRASES)
)
_AVERAGE = re.compile(r"\bi (?:snitt|genomsnitt|medeltal)\b")

# A part of the year, in folded text: "under sommarhalvåret", "under sommarlovet", "under
# terminerna", "maj–augusti", "v. 26–32", "under fotbolls-VM". A count per day, week, month or
# tertial limited to it ("minst 12 per månad under sommarhalvåret") cannot be counted by the
# portal, which counts each span of the whole period; a time alone ("varje fredag under
# sommaren") or a count per year or over the period ("minst tio under sommaren") says no more
# than when it is done.
_SEASON = r"(?:sommar|vinter|host|var)"
_MONTH_WORD = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)"
)
_PART_OF_YEAR = re.compile(
    r"(?<![\w-])(?:"
    rf"under (?:hela )?{_SEASON}(?:en|n|halvaret|halvaren|manaderna|perioden|tid|tiden"
    r"|terminen|terminerna|lovet|loven|sasongen)\b"
    rf"|under {_SEASON}- och {_SEASON}(?:en|n|halvaret|halvaren|manaderna|terminerna)\b"
    r"|under (?:de |alla )?[a-z]*lov(?:et|en|sveckan|sveckorna|sdagarna|sperioden)\b"
    r"|under (?:skol)?termin(?:en|erna)\b"
    r"|under (?:[a-z]+)?sasong(?:en|erna)?\b"
    r"|under (?:de )?(?:morka |ljusa |varma |kalla )?[a-z]*manaderna\b"
    r"|under (?:jul|pask|midsommar)(?:en|helgen|helgerna|veckan|veckorna)?\b"
    r"|under (?:[a-z]+-)?(?:vm|em|os)\b"
    r"|(?:varje|under varje) (?:sommar|vinter|host|var)\b"
    r"|sommartid|vintertid"
    rf"|(?:(?:under|i|fran|mellan) )?(?P<first>{_MONTH_WORD})\.? ?"
    r"(?:[-–—]|till(?: och med)?|t\.?o\.?m\.?) ?"
    rf"(?P<last>{_MONTH_WORD})\b"
    rf"|(?:under|i) {_MONTH_WORD}(?:, {_MONTH_WORD})* och {_MONTH_WORD}\b"
    rf"|under {_MONTH_WORD}\b"
    r"|(?:v|vecka|veckorna)\.? ?\d{1,2} ?(?:[-–—]|till) ?\d{1,2}\b"
    r")"
)
_MONTH_ORDER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# The scopes counted per span of the period, which a part of the year leaves empty.
SPANS = frozenset({"day", "week", "month", "tertial", "average_week", "average_month"})


# The months of the parts of the year a season names, when it names them: a part that holds
# the whole validity ("2 ggr/dygn under juni–augusti" in a promise for 1 juni–31 augusti) limits
# nothing. Lov, weeks and events ("under fotbolls-VM") are never known to hold it.
_SEASON_MONTHS = (
    ("sommarhalvar", frozenset(range(4, 10))),
    ("vinterhalvar", frozenset({10, 11, 12, 1, 2, 3})),
    ("hostterminen", frozenset(range(8, 13))),
    ("varterminen", frozenset(range(1, 7))),
    ("termin", frozenset(range(1, 13)) - {7}),
    ("sommarlov", frozenset()),
    ("sommar", frozenset({6, 7, 8})),
    ("host", frozenset({9, 10, 11})),
    ("var", frozenset({3, 4, 5})),
    ("vinter", frozenset({12, 1, 2})),
)
# The months of the validity of the document being read (set by the parser), or None.
PERIOD_MONTHS: ContextVar[frozenset[int] | None] = ContextVar("period_months", default=None)
# The calendar years that validity touches (set by the parser), or None.
PERIOD_YEARS: ContextVar[frozenset[int] | None] = ContextVar("period_years", default=None)
# A target stated for one year ("minst 12 trygghetsvandringar under 2027"), not for several
# ("under 2026–2027", "under 2026 och 2027").
_ONE_YEAR = re.compile(
    r"\b(?:under|for|i)\s+(?:ar\s+|aret\s+)?(20\d\d)\b"
    r"(?!\s*(?:[-–/]|,|och|samt)\s*(?:20)?\d\d)"
)


def one_year_of_several(folded: str) -> str | None:
    """The year a target is stated for when the document's validity spans several years
    ("under 2027" in a promise for 2027–2028): the target may be that year's alone."""
    years = PERIOD_YEARS.get()
    match = _ONE_YEAR.search(folded)
    if not (years and len(years) > 1 and match and int(match.group(1)) in years):
        return None
    return match.group(1)


def one_year_note(year: str) -> str:
    """The note on a target stated for one year of several."""
    return _(
        "The text states the target for %(year)s, one of the period's years: check the time span"
    ) % {"year": year}


def one_year_heading(activity: ParsedActivity, year: str) -> None:
    """A count over no span, under a heading of one year of several ("Under 2027 ska vi:"),
    marked as "under 2027" in the item's own words would mark it."""
    target = activity.target
    years = PERIOD_YEARS.get()
    if target is None or target.scope != "period" or not (years and len(years) > 1):
        return
    if int(year) in years and one_year_note(year) not in target.uncertain:
        target.uncertain.append(one_year_note(year))


def per_year_repeats(document, by_year: list[tuple[ParsedActivity, str]]) -> None:
    """One activity, counted per year, for the same activity with the same count under the
    heading of each year of the validity ("Polisen genomför 12 trafikkontroller." under both
    "Under 2027 ska vi:" and "Under 2028 ska vi:"); an activity under one year's heading only
    keeps its note."""
    years = PERIOD_YEARS.get()
    if not years or len(years) < 2:
        return
    groups: dict[str, list[tuple[ParsedActivity, str]]] = {}
    for activity, year in by_year:
        groups.setdefault(" ".join(activity.text.split()).casefold(), []).append((activity, year))
    dropped: set[int] = set()
    for group in groups.values():
        counts = {
            activity.target and (activity.target.comparator, activity.target.value)
            for activity, _year in group
        }
        owners = {activity.responsible for activity, _year in group}
        if len(group) != len(years) or {int(year) for _a, year in group} != set(years):
            continue
        if len(counts) != 1 or len(owners) != 1:
            continue
        first = group[0][0]
        for activity, _year in group[1:]:
            dropped.add(id(activity))
            first.promise_indexes = sorted({*first.promise_indexes, *activity.promise_indexes})
        target = first.target
        if target is not None and target.scope == "period":
            target.scope = "year"
            notes = {one_year_note(year) for _a, year in group}
            target.uncertain = [note for note in target.uncertain if note not in notes]
            target.uncertain.append(_("Listed with the same target under each year: per year"))
    document.activities = [a for a in document.activities if id(a) not in dropped]


def _months_named(match: re.Match) -> frozenset[int]:
    """The months a part of the year names, as far as known (empty when not known)."""
    phrase = match.group()
    if match.group("first"):
        first = _MONTH_ORDER.index(match.group("first")[:3])
        last = _MONTH_ORDER.index(match.group("last")[:3])
        return frozenset((first + step) % 12 + 1 for step in range((last - first) % 12 + 1))
    months = [m[:3] for m in re.findall(_MONTH_WORD, phrase) if m[:3] in _MONTH_ORDER]
    if months and re.match(rf"(?:under|i) {_MONTH_WORD}\b", phrase):
        return frozenset(_MONTH_ORDER.index(month) + 1 for month in months)
    named: frozenset[int] = frozenset()
    phrase = re.sub(r"^(?:under (?:varje |hela |de |alla )?|varje )", "", phrase)
    phrase = phrase.replace("- och ", " ")
    for word, season in _SEASON_MONTHS:
        if re.search(rf"\b{word}", phrase):
            if not season:
                return frozenset()
            named |= season
            phrase = re.sub(rf"\b{word}\w*", "", phrase)
    return named


def part_of_year(folded: str) -> re.Match | None:
    """The first phrase of the text limiting it to a part of the year: a range of months that
    covers the whole year ("april–mars"), or a part that holds the whole validity of the
    document read (`PERIOD_MONTHS`), is none."""
    period = PERIOD_MONTHS.get()
    for match in _PART_OF_YEAR.finditer(folded):
        months = _months_named(match)
        if len(months) == 12 or (period and months and period <= months):
            continue
        return match
    return None


# A heading over items naming a part of the year ("Vår", "Sommaren", "Juni–augusti 2026"): a
# count per day, week or month of an item under it is limited to that part, as "under
# sommaren" in the item's own words would limit it.
_SEASON_HEADING = re.compile(
    rf"(?:{_SEASON}(?:en|n)?|{_MONTH_WORD}(?: ?[-–—] ?{_MONTH_WORD})?"
    # a plan's weeks of the year: "Vecka 24–33", "v. 24-33", "Veckorna 24–33"
    r"|(?:vecka|veckorna|v\.?) ?\d{1,2} ?[-–—] ?\d{1,2})(?: \d{4})?\s*:?"
)


def season_heading(folded: str) -> str:
    """The heading itself when it names a part of the year only, else ""."""
    return folded.strip() if _SEASON_HEADING.fullmatch(folded.strip()) else ""


def limited_by_heading(activity: ParsedActivity, heading: str) -> None:
    """An activity's count per span dropped, with a note, when a heading of a part of the year
    stands over it ("Vår" over "… minst 8 per månad")."""
    target = activity.target
    if target is None or target.scope not in SPANS:
        return
    activity.target = None
    activity.uncertain.append(
        _("The text counts “%(phrase)s”, which the portal cannot count: enter the target by hand")
        % {"phrase": heading}
    )


def months_between(start: datetime.date, end: datetime.date) -> frozenset[int]:
    """The calendar months a validity from `start` to `end` touches."""
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    return frozenset((start.month - 1 + step) % 12 + 1 for step in range(min(max(count, 1), 12)))


def part_of_year_phrase(text: str, folded: str, scope_phrase: str) -> str | None:
    """When a count per span is limited to a part of the year, the words saying so ("per månad
    … under sommarhalvåret", "i veckan under sommarlovet"), else None."""
    limit = part_of_year(folded)
    if limit is None:
        return None
    scope_start = folded.find(scope_phrase)
    scope_end = scope_start + len(scope_phrase)
    if scope_start < 0:
        return text[limit.start() : limit.end()]
    first, second = sorted(((scope_start, scope_end), (limit.start(), limit.end())))
    between = text[first[1] : second[0]]
    if re.fullmatch(r"[\s,]*", between):
        return text[first[0] : second[1]]
    return f"{text[first[0] : first[1]]} … {text[second[0] : second[1]]}"


def scopes_in(text_folded: str) -> list[tuple[str, str, int]]:
    """The scope phrases of a text, in order: (scope, phrase, start)."""
    found = [
        (match.lastgroup or "period", match.group(0), match.start())
        for match in _SCOPE.finditer(text_folded)
    ]
    average = bool(_AVERAGE.search(text_folded))
    return [
        (f"average_{name}" if average and name in {"week", "month"} else name, phrase, start)
        for name, phrase, start in found
    ]


def scope_right_after(folded: str, scopes: list[tuple[str, str, int]], end: int) -> bool:
    """Whether a scope phrase follows the number ending at `end` directly ("3 per år", "24 st.
    per år"): a bare number counts what the item names only then."""
    _name, phrase, start = nearest_scope(scopes, end)
    return (
        bool(phrase) and re.fullmatch(r"\s*(?:st(?:ycken)?\.?)?\s*", folded[end:start]) is not None
    )


def nearest_scope(scopes: list[tuple[str, str, int]], number_start: int) -> tuple[str, str, int]:
    """The scope phrase nearest after the number (else before): (scope, phrase, start)."""
    position = bisect.bisect_left([start for _n, _p, start in scopes], number_start)
    if position < len(scopes):
        return scopes[position]
    if position:
        return scopes[position - 1]
    return "period", "", -1


def phrase_at(text: str, start: int, length: int) -> str:
    return text[start : start + length]


def unsupported_phrase(text: str, folded: str, phrase: str) -> str:
    """A scope the portal cannot count as the text words it, with what "varje" names when the
    phrase ends with it ("inför varje skolavslutning", not "inför varje")."""
    start = folded.find(phrase)
    end = start + len(phrase)
    if phrase.endswith("varje") and (word := re.match(r"\s+[^\W\d_][\w-]*", text[end:])):
        end += word.end()
    return text[start:end]
