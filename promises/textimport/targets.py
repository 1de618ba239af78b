"""Reading an activity's numeric target from its text ("minst femton trafikkontroller").

The rules, as the coordinator's preview applies them:

- A number is digits or a Swedish number word (see `numbers`); "ett dussin" is 12 ("ett halvt
  dussin" 6, "två dussin" 24). "en"/"ett" count only after a
  comparator ("minst en"), before a scope ("en trygghetsmätning per år", "en gång i månaden"),
  or as the object of "genomföra/hålla/anordna" (then marked for checking): otherwise they are
  articles.
- Comparator: minst / som minst / åtminstone / inte färre än / inte mindre än / ≥ → at_least;
  högst / max / maximalt / som mest / inte fler än / inte mer än / upp till / ≤ → at_most;
  exakt / precis → exactly; fler än / mer än / över N → at_least N+1; no word → a bare count.
- Approximations ("ett tiotal", "ett tjugotal", "ett 20-tal", "ett hundratal", "ett par",
  "cirka/ca/ungefär/omkring/runt N") are proposed as at least the round number (10, 20, 100, 2,
  N), with the note "Antalet är ungefärligt: …" for the coordinator to check. "några", "flera",
  "ett flertal" give no target.
- Unit: the counted noun after the number, adjectives left out ("femton riktade insatser" →
  "insatser"; "alkohol- och narkotikakontroller" kept whole); "gånger"/"ggr" gives "gånger"
  ("patrulleringar" when the verb is patrullera), "vid minst femton tillfällen genomföra …"
  gives "tillfällen": an occasion is what is logged. The singular is derived only from known
  endings, else left empty.
- Scope: the scope phrase nearest after the number, else before it; none → the whole period.
  "varje sommar" and the like count per year (noted); per termin, per halvår, per kvartal ("i
  kvartalet") and "inför/vid varje …" cannot be counted by the portal: no target, with a note.
  Nor can a count per day, week, month or tertial limited to a part of the year ("minst 12 per
  månad under sommarhalvåret", "i veckan under sommarlovet", "per månad maj–augusti"), unless
  that part holds the whole validity of the document read: no target, the same note.
- Not targets: years, dates, times ("kl. 22–03"), phone numbers, street numbers, ages ("21 år
  och yngre", "15-åringar"), school years ("årskurs 5 och 6"), durations and period lengths
  ("inom två dygn", "gäller i två år"), law references ("2 kap. 5 §", "SFS 2019:1234"),
  percentages, sums of money, measures, ranges ("2–3"), labels ("fokusområde 2", "vecka 32").
  A bare count needs a noun and is not read after a preposition ("i tre skolor").
"""

import bisect
import datetime
import functools
import re
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from promises.textimport.numbers import (
    approximate_value,
    digits_value,
    fold,
    ocr_letters,
    ocr_m,
    word_value,
)
from promises.textimport.types import ParsedActivity, ParsedTarget, TextSpan


def _set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


_LONGEST = 2000
# A word keeps its inner hyphens: "pop-up-polisstation", "community-möten", "SSPF-möten".
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")

_MONTHS = _set(
    "jan januari feb februari mar mars apr april maj jun juni jul juli aug augusti sep sept "
    "september okt oktober nov november dec december"
)
_TIME_UNITS = _set(
    "sekund sekunder minut minuter timme timmar timmes timmars dygn dag dagar dagars vecka "
    "veckor veckors manad manader manaders"
)
_YEAR_WORDS = _set("ar ars aren arig ariga aring aringar aringarna arsaldern")
_AFTER_NOT_TARGET = _set(
    "procent procentenheter kr kronor tkr mkr miljoner miljarder sek km meter mil m kvm "
    "kvadratmeter kap kapitlet"
)
_BEFORE_NOT_TARGET = _set(
    "kl klockan tel telefon tfn mobil nr nummer sfs kap arskurs arskurserna ak klass klasser "
    "fokusomrade loftesomrade insatsomrade omrade lofte aktivitet punkt bilaga steg version "
    "dnr ks sida vecka v "
    "niva zon linje linjen buss hus plan rum lagenhet postnummer box paragraf dagordning "
    "kapitel prop sou vag riksvag lansvag"
)
# People taken on are resources, not activities to log: "anställer (kommunen) fyra fältassistenter".
_HIRING = _set(
    "anstaller anstalla anstalls anstallas rekryterar rekrytera rekryteras"
    # time and people set aside: "IGV avsätter ca 2 patruller fre–lör"
    " avsatter avsatta avsatts avsattes"
)
# A relative clause between a counted noun and a scope: the scope is the clause's.
_RELATIVE_CLAUSE = re.compile(r"\b(?:som|dar|nar)\b")
# What holds each time, never how many times: "Nattvandrarna går …, alltid minst tre vuxna".
_EACH_TIME = _set("alltid")
_STREET_ENDINGS = (
    "gatan",
    "gata",
    "vagen",
    "vag",
    "grand",
    "torget",
    "torg",
    "platsen",
    "stigen",
    "allen",
    "backen",
    "leden",
    "gangen",
)
_PREPOSITIONS = _set(
    "i pa for av till med vid under kring inom bland mellan mot om fran efter genom hos "
    "utan at over infor langs"
)
_STOP = _PREPOSITIONS | _set(
    "och eller samt som dar da nar att ska skall kommer vill kan bor per varje dagligen "
    "arligen manatligen under totalt sammanlagt inklusive exklusive respektive bade "
    "vilka vilken vilket ett en den det de tillsammans gemensamt aven ocksa dessutom "
    "regelbundet lopande kontinuerligt runt fore"
)
_VERBS = _set(
    "genomfora genomfor arbeta arbetar delta deltar erbjuda erbjuder organisera organiserar "
    "forbattra implementera borja anvanda presentera sprida utveckla ta skapa oka minska "
    "verka bedriva halla haller anordna anordnar informera utbilda kartlagga folja stodja "
    "finnas finns vara ar gora gor fortsatta samverka bjuda planera utfora patrullera "
    "fotpatrullera kontrollera besoka besoker traffa medverka inratta starta genomforas "
    "genomfors hallas halls ska redovisa redovisas ge ger ha har fa far"
)
# Verbs whose object is the work counted: "genomföra fotpatruller … 40 gånger".
_DOING_VERBS = _set(
    "genomfora genomfor halla haller anordna anordnar bedriva bedriver utfora utfor "
    "organisera organiserar arrangera arrangerar gora gor"
)
# "ordnar en föräldrakväll", "arrangerar ett sommar-event": one event, counted.
_ONE_EVENT_VERBS = _set(
    "genomfora genomfor halla haller anordna anordnar arrangera arrangerar ordna ordnar gora gor"
)
# A house or floor is numbered in digits: "hus 3", never "hus fyra".
_NUMBERED_PLACES = _set("hus plan rum")
_SET_WORDS = _set("samtliga alla de dessa vara bada bagge samtliga")
# A count of a part of the target before it: "varav minst en i Tråsättra", "därav tre i skolan".
_SHARE_WORDS = _set("varav darav")
_MODAL_WORDS = _set("ska skall kommer vill lovar forbinder atar avser")
_NOT_A_COUNT = _set("flertal antal fatal stort okat par antal annat annan av del")
_ACTIVITY_CONTEXT = re.compile(
    r"\b(?:ska|skall|kommer att|vill|lovar|forbinder sig|atar sig|avser att)\b"
)
# "delta i tre medborgardialoger": the number after the preposition is the verb's object.
_TAKES_PREPOSITION = _set("delta deltar medverka medverkar bidra bidrar")
# "bjuder in till tre medborgardialoger", "kallar till fyra möten": the meetings held.
_INVITING = _set("bjuda bjuder bjuds kalla kallar")


_LONGEST_INVITED = 8


# The most words of a subject between an inviting verb and "in" ("bjuder polisen och
# kommunen in till"), and the words it is made of (not "bjuder också in").
_LONGEST_SUBJECT = 4
_INVERTED_SUBJECT = _set("vi polisen kommunen staden regionen parterna och tillsammans gemensamt")


def _invites_to(tokens: list["_Token"], first: int) -> bool:
    """The number follows "bjuda in till" or "kalla till": it counts the meetings held."""
    if first < 2 or tokens[first - 1].folded != "till":
        return False
    before = tokens[first - 2].folded
    if before in _INVITING:
        return True
    if before == "in":
        # "bjuder in till", and with its subject after the verb: "bjuder vi in till",
        # "bjuder polisen och kommunen in till"
        for at in range(first - 3, max(first - 3 - _LONGEST_SUBJECT, -1), -1):
            if tokens[at].folded in _INVITING:
                return True
            if tokens[at].folded not in _INVERTED_SUBJECT:
                return False
        return False
    # "bjuda in föräldrar till ett informationsmöte": whom it invites between "in" and "till",
    # a few words ("föräldrar till elever i årskurs 7–9"), never over a comma or a full stop
    for at in range(first - 3, max(first - 3 - _LONGEST_INVITED, 0), -1):
        between = tokens[at + 1].folded
        if not (between.isalpha() or between.isdigit() or between in ("–", "-")):
            return False
        if tokens[at].folded == "in":
            return at >= 1 and tokens[at - 1].folded in _INVITING
    return False


# ("drogfria aktiviteter", "alkoholfria fester": "-fria" is "free of")
_ADJECTIVE_ENDINGS = ("ande", "ende", "iga", "ade", "ska", "liga", "ala", "ella", "fria")
_NOUN_ENDINGS = ("er", "ar", "or", "en", "ningar", "ioner", "ter", "tal", "mal", "on")

_COMPARATORS = (
    # (words before the number, comparator, note kind)
    (("inte", "farre", "an"), "at_least", ""),
    (("inte", "mindre", "an"), "at_least", ""),
    (("inte", "fler", "an"), "at_most", ""),
    (("inte", "mer", "an"), "at_most", ""),
    (("inte", "over"), "at_most", ""),
    (("som", "minst"), "at_least", ""),
    (("som", "mest"), "at_most", ""),
    (("som", "hogst"), "at_most", ""),
    (("upp", "till"), "at_most", ""),
    (("fler", "an"), "at_least", "more"),
    (("mer", "an"), "at_least", "more"),
    (("minst",), "at_least", ""),
    (("atminstone",), "at_least", ""),
    (("minimum",), "at_least", ""),
    (("min",), "at_least", ""),  # "min. 3 kvällar/vecka"
    (("drygt",), "at_least", "approximate"),
    (("hogst",), "at_most", ""),
    (("max",), "at_most", ""),
    (("maximalt",), "at_most", ""),
    (("maximum",), "at_most", ""),
    (("exakt",), "exactly", ""),
    (("precis",), "exactly", ""),
    (("cirka",), "at_least", "approximate"),
    (("ca",), "at_least", "approximate"),
    (("ungefar",), "at_least", "approximate"),
    (("omkring",), "at_least", "approximate"),
    (("runt",), "at_least", "approximate"),
    (("kring",), "at_least", "approximate"),
    (("mellan",), "at_least", "range"),
    # the signs a plan's target column uses: "Målvärde: ≥ 24 per år", "≤ 48 timmar"
    (("≥",), "at_least", ""),
    (("≤",), "at_most", ""),
)

# The words the reader knows that have an "m", read so when a scan gives "rn" for it.
_KNOWN_WITH_M = frozenset(
    word
    for word in _STOP
    | _VERBS
    | _DOING_VERBS
    | _ONE_EVENT_VERBS
    | _MONTHS
    | _TIME_UNITS
    | {word for words, _comparator, _note in _COMPARATORS for word in words}
    if "m" in word
)

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
        r"per (?:termin|halvar|kvartal|lov|skollov)|/ ?(?:termin|halvar|kvartal)"
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
_SPANS = frozenset({"day", "week", "month", "tertial", "average_week", "average_month"})


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
    rf"(?:{_SEASON}(?:en|n)?|{_MONTH_WORD}(?: ?[-–—] ?{_MONTH_WORD})?)(?: \d{{4}})?\s*:?"
)


def season_heading(folded: str) -> str:
    """The heading itself when it names a part of the year only, else ""."""
    return folded.strip() if _SEASON_HEADING.fullmatch(folded.strip()) else ""


def limited_by_heading(activity: ParsedActivity, heading: str) -> None:
    """An activity's count per span dropped, with a note, when a heading of a part of the year
    stands over it ("Vår" over "… minst 8 per månad")."""
    target = activity.target
    if target is None or target.scope not in _SPANS:
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


# Plural ↔ singular endings of the nouns promise texts count, longest first.
_PLURAL_SINGULAR = (
    ("tillfallen", "tillfalle"),
    ("moten", "mote"),
    ("ningar", "ning"),
    ("ringar", "ring"),
    ("ioner", "ion"),
    ("kontroller", "kontroll"),
    ("patruller", "patrull"),
    ("insatser", "insats"),
    ("dialoger", "dialog"),
    ("traffar", "traff"),
    ("atgarder", "atgard"),
    ("kvallar", "kvall"),
    ("natter", "natt"),
    ("helger", "helg"),
    ("dagar", "dag"),
    ("veckor", "vecka"),
    ("timmar", "timme"),
    ("kampanjer", "kampanj"),
    ("enkater", "enkat"),
    ("aktiviteter", "aktivitet"),
    ("heter", "het"),
    ("bilder", "bild"),
    ("familjer", "familj"),
    ("event", "event"),  # an English loan: "ett event", "två event"
    ("enter", "ent"),
    ("besok", "besok"),
    ("samtal", "samtal"),
    ("ganger", "gang"),
    ("razzior", "razzia"),
    ("tillsyner", "tillsyn"),
    ("rundor", "runda"),
    ("turer", "tur"),
    ("raider", "raid"),
    ("projekt", "projekt"),
    ("seminarier", "seminarium"),
    ("forelasningar", "forelasning"),
    ("utbildningar", "utbildning"),
    ("skolor", "skola"),
    ("platser", "plats"),
    ("pass", "pass"),
)


@dataclass
class _Token:
    text: str
    folded: str
    start: int
    end: int


@dataclass
class _Candidate:
    index: int
    value: int
    comparator: str
    start: int  # of the comparator or the number
    end: int  # of the number's words
    words: str  # the number as written
    note: str = ""  # "approximate" | "more" | "range" | "article"
    unit: str = ""
    unit_singular: str = ""
    unit_end: int = 0
    scope: str = "period"
    scope_phrase: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        explicit = self.comparator != "count" and self.note != "article"
        return 4 * explicit + 2 * bool(self.scope_phrase) + bool(self.unit)


def _tokens(text: str) -> list[_Token]:
    folded = fold(text)
    tokens: list[_Token] = []
    for m in _TOKEN.finditer(text):
        word = folded[m.start() : m.end()]
        if "rn" in word and ocr_m(word) in _KNOWN_WITH_M:
            word = ocr_m(word)  # a scan's "rninst", "genornföra", "rned": "rn" for "m"
        token = _Token(text[m.start() : m.end()], word, m.start(), m.end())
        previous = tokens[-1] if tokens else None
        # "1 000": a thousands group written with a space.
        if (
            previous is not None
            and token.text.isdigit()
            and len(token.text) == 3
            and previous.text.isdigit()
            and len(previous.text) <= 3
            and token.start == previous.end + 1
            and text[previous.end] == " "
            and not previous.text.startswith("0")
        ):
            joined = previous.text + token.text
            tokens[-1] = _Token(joined, joined, previous.start, token.end)
            continue
        tokens.append(token)
    return tokens


@functools.lru_cache(maxsize=1024)
def _singular(plural: str) -> str:
    folded = fold(plural)
    for plural_end, singular_end in _PLURAL_SINGULAR:
        if folded.endswith(plural_end):
            stem = plural[: len(plural) - len(plural_end)]
            return stem + _unfold_like(plural[len(stem) :], singular_end)
    return ""


@functools.lru_cache(maxsize=1024)
def _plural(singular: str) -> str:
    folded = fold(singular)
    for plural_end, singular_end in _PLURAL_SINGULAR:
        if folded.endswith(singular_end):
            stem = singular[: len(singular) - len(singular_end)]
            return stem + _unfold_like(singular[len(stem) :], plural_end)
    return ""


def _unfold_like(original: str, folded_ending: str) -> str:
    """The folded ending written with the original's å/ä/ö where the letters line up."""
    letters = list(folded_ending)
    for position, char in enumerate(original[: len(letters)]):
        if fold(char) == letters[position]:
            letters[position] = char
    return "".join(letters)


def _is_word(token: _Token) -> bool:
    """Letters only, or words joined by hyphens ("pop-up-polisstation")."""
    return token.text.replace("-", "").isalpha()


def _noun_like(word: str) -> bool:
    return word.endswith(_NOUN_ENDINGS) and not word.endswith(_ADJECTIVE_ENDINGS)


def _comparator_before(tokens: list[_Token], index: int) -> tuple[str, str, int] | None:
    """The comparator directly before tokens[index]: (comparator, note kind, first index)."""
    for words, comparator, note in _COMPARATORS:
        first = index - len(words)
        if first < 0:
            continue
        if all(tokens[first + k].folded == word for k, word in enumerate(words)):
            # "ca." and "max." end with a full stop.
            return comparator, note, first
        if (
            first >= 1
            and tokens[index - 1].text == "."
            and all(tokens[first - 1 + k].folded == word for k, word in enumerate(words))
        ):
            return comparator, note, first - 1
    return None


def _postal_code(tokens: list[_Token], index: int) -> bool:
    """Whether tokens[index] is a part of a postal code before its town: "235 81 Vellinge"."""
    first = index if len(tokens[index].text) == 3 else index - 1
    if first < 0 or first + 2 >= len(tokens):
        return False
    code, rest, town = tokens[first], tokens[first + 1], tokens[first + 2]
    return (
        len(code.text) == 3
        and code.text.isdigit()
        and len(rest.text) == 2
        and rest.text.isdigit()
        and rest.start == code.end + 1
        and town.text[:1].isupper()
        and town.text.isalpha()
    )


def _excluded(tokens: list[_Token], index: int, excluded: set[int]) -> bool:
    """Whether the number at tokens[index] is no target (a year, a date, an age …)."""
    token = tokens[index]
    before = [t.folded for t in tokens[max(0, index - 3) : index]]
    after = [t.folded for t in tokens[index + 1 : index + 4]]
    prev = before[-1] if before else ""
    prev_text = tokens[index - 1].text if index else ""
    nxt = after[0] if after else ""
    if token.text.isdigit():
        if len(token.text) == 4 and 1900 <= int(token.text) <= 2100:
            return True
        if (
            index
            and tokens[index - 1].end == token.start
            and tokens[index - 1].text.isalpha()
            and not _multiplier(tokens, index)
        ):
            # Digits glued to a word: a scan's "fa1tassistenter", "ti11", a code "AP1", a
            # road "E4"; never a count, unless a multiplier's "x3".
            return True
        if token.text.startswith("0") and len(token.text) >= 2:
            return True
        if _postal_code(tokens, index):
            return True  # "235 81 Vellinge"
        # Times, dates, references and ranges: 22.00, 2019:1234, 22–03, 5/6.
        if nxt in {":", ".", "/", "-", "–", "—", ","} and index + 2 < len(tokens):
            following = tokens[index + 2]
            if following.text.isdigit() and following.start == tokens[index + 1].end:
                return True
        if prev_text in {":", ".", "/", "-", "–", "—", ","} and index >= 2:
            preceding = tokens[index - 2]
            if preceding.text.isdigit() and preceding.end == tokens[index - 1].start:
                return True
        if prev_text == "§" or nxt == "§":
            return True
    # A range written in words or digits: "två–tre", "2-3 gånger".
    if nxt in {"-", "–", "—"} and index + 2 < len(tokens) and _value(tokens[index + 2]):
        return True
    if prev in {"-", "–", "—"} and index >= 2 and _value(tokens[index - 2]):
        return True
    if _HIRING & set(before[-2:]) or _EACH_TIME & set(before[-2:]):
        return True
    numbered_place = prev in _NUMBERED_PLACES and not token.text.isdigit()
    if (
        prev in _BEFORE_NOT_TARGET and token.folded not in {"en", "ett"} and not numbered_place
    ) or (prev == "." and len(before) >= 2 and before[-2] in _BEFORE_NOT_TARGET):
        # "hus 3", "vecka 32"; not "Ungdomens hus en gång i månaden", "Albys hus fyra kvällar"
        return True
    if (
        prev.endswith(_STREET_ENDINGS)
        and tokens[index - 1].text[:1].isupper()
        and token.text.isdigit()
    ):
        # "Lingvägen 123"; a number in words is never a street's ("på Magelungsvägen två
        # gånger i månaden")
        return True
    # "årskurs 5 och 6", "fokusområde 1 och 2": the second number shares the first's reason.
    # After a comma or "till" only a number written as that one is ("årskurs 5, 6 och 7",
    # "årskurs 7 till 9"): "årskurs 7, fyra möten per år" and "bjuder in föräldrar till elever
    # i årskurs 7–9 till fyra föräldraträffar" go on with a count.
    if (
        prev in {"och", ",", "eller", "till"}
        and index >= 2
        and (index - 2) in excluded
        and (prev not in {",", "till"} or token.text.isdigit() == tokens[index - 2].text.isdigit())
    ):
        return True
    if nxt in _MONTHS or nxt in _YEAR_WORDS or nxt in _AFTER_NOT_TARGET or nxt == "%":
        return True
    if (
        nxt in {"-", "–"}
        and len(after) >= 2
        and (after[1] in _YEAR_WORDS or after[1] in _AFTER_NOT_TARGET)
    ):
        return True
    if nxt == ":" and len(after) >= 2 and after[1] in {"a", "e"}:
        return True  # 1:a, 2:e
    return prev == "den" and nxt in _MONTHS


def _tens_in_digits(tokens: list[_Token], index: int) -> bool:
    """Whether the number at tokens[index] is an approximation written in digits: "20-tal"."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].text == "-"
        and tokens[index + 2].folded == "tal"
        and tokens[index + 1].start == tokens[index].end
        and tokens[index + 2].start == tokens[index + 1].end
    )


def kind_is_range(found: tuple[str, str, int] | None) -> bool:
    """Whether the comparator found is "mellan" (a range)."""
    return bool(found) and found[1] == "range"


def _range_excluded(tokens: list[_Token], index: int, excluded: set[int]) -> bool:
    """Whether "mellan 10 och 15 år" is no target: the range's second number is none."""
    if index + 2 >= len(tokens) or tokens[index + 1].folded != "och":
        return False
    second = index + 2
    return _value(tokens[second]) is not None and _excluded(tokens, second, excluded)


def _range_has_second(tokens: list[_Token], index: int) -> bool:
    """Whether "mellan" before tokens[index] opens a range ("mellan 10 och 15", "mellan 2–4"):
    "flytta dem mellan sex platser" names places, a count after a preposition, no target."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].folded in ("och", "till", "–", "—", "-")
        and _value(tokens[index + 2]) is not None
    )


def _value(token: _Token) -> int | None:
    if token.text.isdigit():
        return digits_value(token.text)
    value = word_value(token.text)
    return value if value is not None and token.folded not in {"en", "ett", "noll"} else None


def _heading_noun(tokens: list[_Token]) -> tuple[str, str] | None:
    """The counted noun an item without a verb starts with: "Trygghetsvandringar i centrum två
    gånger per år" counts trygghetsvandringar (plural, singular)."""
    if any(token.folded in _MODAL_WORDS for token in tokens):
        return None
    # After the owner named first: "Gemensamt – trygghetsvandring vid skolorna 4 st/år"; but
    # "Trafikkontroller vid resecentrum: minst 24 under året" counts what it names first.
    for position, token in enumerate(tokens[1:5], start=1):
        if token.text in {"–", "—", ":"} and position + 1 < len(tokens):
            return _first_noun(tokens[position + 1 :]) or _first_noun(tokens)
    return _first_noun(tokens)


def _first_noun(tokens: list[_Token]) -> tuple[str, str] | None:
    """The counted noun a text starts with, after an adjective: (plural, singular)."""
    first = tokens[0]
    if (
        len(tokens) > 1
        and _is_word(tokens[1])
        and (first.folded in _LEADING_ADJECTIVES or _adjective(first.folded))
    ):
        first = tokens[1]  # "Riktade trafikkontroller": the noun after its adjective
    if not _is_word(first) or first.folded in _STOP or first.folded in _VERBS:
        return None
    word = ocr_letters(first.text).lower()  # a scan's "hastighetskontroIler" as its word
    if first.folded.endswith(_MASS_NOUNS):
        return None  # "Information till föräldrar en gång per läsår": no informations counted
    singular = _singular(word)
    if singular:
        return word, singular
    plural = _plural(word)
    return (plural, word) if plural else None


_MASS_NOUNS = ("information", "narvaro", "belysning")
_LEADING_ADJECTIVES = _set(
    "fler nya extra okade sarskilda gemensam gemensamma regelbundna oppna stora sma"
)


def _adjective(folded: str) -> bool:
    return folded.endswith(_ADJECTIVE_ENDINGS) and not _noun_like(folded)


def _object_noun(tokens: list[_Token]) -> tuple[str, str] | None:
    """The noun right after the item's verb, before a count of times: "Genomföra fotpatruller i
    centrum minst 40 gånger per år" counts fotpatruller, "håller brandskyddsutbildning …"
    brandskyddsutbildningar (plural, singular)."""
    for position, token in enumerate(tokens[:8]):
        if token.folded in _DOING_VERBS and position + 1 < len(tokens):
            return _first_noun(tokens[position + 1 :])
    return None


def _named_noun(tokens: list[_Token], number_index: int) -> tuple[str, str] | None:
    """A counted noun (a plural of a known ending) the item names anywhere, the nearest before
    its number first: "öka antalet narkotikakontroller till minst 8 per månad"."""
    for position, token in enumerate(tokens[: number_index - 1]):
        following = tokens[position + 1]
        if token.folded in {"antalet", "antal"} and _is_word(following):
            # "Antalet larm ska vara högst fem per månad": what is counted, as written
            return following.text.lower(), _singular(
                following.text.lower()
            ) or following.text.lower()
    before = reversed(tokens[:number_index])
    for token in [*before, *tokens[number_index + 1 :]]:
        if not _is_word(token) or token.folded in _STOP or token.folded in _VERBS:
            continue
        if len(token.folded) > 4 and (singular := _singular(token.text.lower())):
            return token.text.lower(), singular
    return None


def _invariant_noun(counted: str) -> tuple[str, str] | None:
    """The noun a table's activity cell starts with, also one whose plural is its singular
    ("Kontrollköp av alkohol" beside "Minst 20 per år")."""
    tokens = _tokens(counted)
    first = tokens[0] if tokens else None
    if first is None or not _is_word(first) or first.folded in _STOP or first.folded in _VERBS:
        return None
    if len(first.folded) < 5 or _adjective(first.folded) or first.folded.endswith("a"):
        return None  # an adjective or an infinitive: "Öka …", "Riktade …"
    return first.text.lower(), first.text.lower()


def _item_noun(tokens: list[_Token], number_index: int) -> tuple[str, str] | None:
    """What an item counts when the number itself names nothing: the noun it starts with, or
    else its verb's object before the number."""
    return _heading_noun(tokens) or _object_noun(tokens[:number_index])


def _unit(tokens: list[_Token], index: int, patrol: re.Match | None) -> tuple[str, str, int, int]:
    """The counted noun after the number at tokens[index]: (unit, singular, end, next index)."""
    position = index + 1
    while position < len(tokens) and tokens[position].folded in {"st", "stycken"}:
        position += 1
        if position < len(tokens) and tokens[position].text == ".":
            position += 1
    after_pieces = position > index + 1  # "st"/"stycken" stood after the number
    if position >= len(tokens) or after_pieces and tokens[position].text == "/":
        # "4 st/år": the item's own noun is counted, if it starts with one.
        noun = _item_noun(tokens, index) if after_pieces else None
        end = tokens[position - 1].end
        return (noun[0], noun[1], end, position) if noun else ("", "", 0, position)
    first = tokens[position]
    # "ggr", and "g" before a slash: "2 g/vecka".
    followed_by_slash = position + 1 < len(tokens) and tokens[position + 1].text == "/"
    if first.folded in {"ganger", "gang", "ggr"} or first.folded == "g" and followed_by_slash:
        if patrol:
            stem = patrol.group(1)
            return f"{stem}patrulleringar", f"{stem}patrullering", first.end, position + 1
        noun = _item_noun(tokens, index)
        if noun:
            return noun[0], noun[1], first.end, position + 1
        return "gånger", "gång", first.end, position + 1
    if first.folded in {"tillfallen", "tillfalle"}:
        return "tillfällen", "tillfälle", first.end, position + 1
    words: list[_Token] = []
    while position < len(tokens) and len(words) < 5:
        token = tokens[position]
        if token.text == "-" and words and position + 1 < len(tokens):
            # "alkohol- och narkotikakontroller": keep the compound's first part.
            if tokens[position + 1].folded in {"och", "eller"}:
                words.append(token)
                words.append(tokens[position + 1])
                position += 2
                continue
            break
        if not _is_word(token) or token.folded in _STOP or token.folded in _VERBS:
            break
        if token.folded.endswith("era") and len(token.folded) > 5:
            break  # an infinitive: organisera, implementera
        if (
            words
            and token.folded.endswith(("ade", "ande", "ende"))
            and _noun_like(words[-1].folded)
            and words[-1].folded.endswith(("er", "ar", "or"))
        ):
            break  # a participle after the counted noun: "narkotikakontroller riktade mot …"
        words.append(token)
        position += 1
    words = [w for w in words if _is_word(w) or w.text == "-"]
    if not words or words[-1].folded in {"och", "eller"}:
        return "", "", 0, position
    if (
        len(words) >= 2
        and words[-1].folded.endswith("s")
        and not words[-2].folded.endswith("s")
        and _noun_like(words[-2].folded)
    ):
        words.pop()  # "två nya övergångsställen byggs": a verb in the passive, no noun
    head = words[-1]
    if not _noun_like(head.folded) and head.folded.endswith(_ADJECTIVE_ENDINGS):
        # "hastighetsdämpande eller på annat sätt trafikfrämjande åtgärder": find the noun.
        for token in tokens[position : position + 7]:
            if token.text in {".", ",", ";"}:
                break
            if _is_word(token) and token.folded not in _STOP and _noun_like(token.folded):
                head = token
                break
        else:
            return "", "", 0, position
        words = [head]
    # The compound "X- och Y" stays whole; other words before the head are adjectives.
    start = head
    for k in range(len(words) - 1, 1, -1):
        if (
            words[k] is head
            and words[k - 1].folded in {"och", "eller"}
            and words[k - 2].text == "-"
        ):
            start = words[k - 3] if k >= 3 else head
            break
    unit_text = _text_between(tokens, start, head)
    if start is head and len(words) >= 2 and _BROKEN_OFF.fullmatch(words[-2].text):
        unit_text = words[-2].text + head.text  # "tr afikkontroller": a word OCR broke
    singular = _singular(unit_text)
    return unit_text[:60], singular[:60], head.end, position


# A word's first letters that OCR set apart ("tr afikkontroller"): no vowel, no abbreviation.
_BROKEN_OFF = re.compile(r"(?!(?:st|kr|km|nr|kl|mm|cm|ml|kg)$)[b-df-hj-np-tv-xz]{1,3}")


def _text_between(tokens: list[_Token], first: _Token, last: _Token) -> str:
    parts = []
    inside = False
    for token in tokens:
        if token is first:
            inside = True
        if inside:
            if parts and token.text != "-":
                parts.append(" ")
            parts.append(token.text)
        if token is last:
            break
    return "".join(parts)


def _scopes(text_folded: str) -> list[tuple[str, str, int]]:
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


def _scope_right_after(folded: str, scopes: list[tuple[str, str, int]], end: int) -> bool:
    """Whether a scope phrase follows the number ending at `end` directly ("3 per år", "24 st.
    per år"): a bare number counts what the item names only then."""
    _name, phrase, start = _scope(scopes, end)
    return (
        bool(phrase) and re.fullmatch(r"\s*(?:st(?:ycken)?\.?)?\s*", folded[end:start]) is not None
    )


def _scope(scopes: list[tuple[str, str, int]], number_start: int) -> tuple[str, str, int]:
    """The scope phrase nearest after the number (else before): (scope, phrase, start)."""
    position = bisect.bisect_left([start for _n, _p, start in scopes], number_start)
    if position < len(scopes):
        return scopes[position]
    if position:
        return scopes[position - 1]
    return "period", "", -1


def _dozen(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    """A count in dozens: "ett dussin" 12, "ett halvt dussin" 6, "två dussin" 24, with the
    index of the word "dussin"; None for anything else."""
    words = [token.folded for token in tokens[index : index + 3]]
    if len(words) >= 3 and words[0] in {"ett", "en"} and words[1:3] == ["halvt", "dussin"]:
        return 6, index + 2
    if len(words) < 2 or words[1] != "dussin":
        return None
    count = digits_value(words[0]) or (word_value(words[0]) if words[0].isalpha() else None)
    return (count * 12, index + 1) if count else None


def _phrase(text: str, start: int, length: int) -> str:
    return text[start : start + length]


def _unsupported_phrase(text: str, folded: str, phrase: str) -> str:
    """A scope the portal cannot count as the text words it, with what "varje" names when the
    phrase ends with it ("inför varje skolavslutning", not "inför varje")."""
    start = folded.find(phrase)
    end = start + len(phrase)
    if phrase.endswith("varje") and (word := re.match(r"\s+[^\W\d_][\w-]*", text[end:])):
        end += word.end()
    return text[start:end]


def _spelled_out(tokens: list[_Token], index: int) -> int | None:
    """The value of a number written as a word and then in digits in brackets: "ett (1)",
    "två (2)"."""
    if index + 3 >= len(tokens) or tokens[index + 1].text != "(" or tokens[index + 3].text != ")":
        return None
    word = tokens[index].folded
    value = 1 if word in {"en", "ett"} else word_value(tokens[index].text)
    digits = tokens[index + 2].text
    return value if value and digits.isdigit() and int(digits) == value else None


def _multiplier(tokens: list[_Token], index: int) -> bool:
    """Whether the number at tokens[index] is written as a multiplier, "x3" ("Omfattning:
    x3"): so many times."""
    if (
        index == 0
        or tokens[index - 1].folded != "x"
        or tokens[index - 1].end != tokens[index].start
    ):
        return False
    return (
        index == 1
        or tokens[index - 2].end < tokens[index - 1].start
        or not (tokens[index - 2].text.isalnum())
    )


def _rate_after(tokens: list[_Token], index: int) -> bool:
    """Whether the number at tokens[index] is a rate, a slash and a span right after it
    ("4/månad", "6/år")."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].text == "/"
        and tokens[index + 1].start == tokens[index].end
        and tokens[index + 2].folded in _RATE_SPANS
    )


_RATE_SPANS = _set("ar manad man vecka v dag dygn tertial")


def read_target(
    text: str, offset: int = 0, listed: bool = False, counted: str = "", structure: bool = False
) -> tuple[ParsedTarget | None, list[str]]:
    """The target an activity's text states, and notes for the activity when there is none
    it can propose (a scope the portal cannot count). Offsets are shifted by `offset`.
    `listed`: the text is an item of a list of activities, so a bare count needs no verb.
    `counted`: the activity's name when the text is only its target (a table's "Mål" cell:
    "4 per år" under "Trygghetsvandringar med boende"). `structure`: only whether the text
    states a target matters (whether a line is an activity), so a count limited to a part of
    the year ("minst 2 i månaden under maj–augusti") still is one."""
    # The target is stated early in an activity; a very long text is read in its beginning.
    text = text[:_LONGEST]
    tokens = _tokens(text)
    folded = fold(text)
    scopes = _scopes(folded)
    patrol = re.search(r"\b(\w*)patrullera\b", folded)
    candidates: list[_Candidate] = []
    excluded: set[int] = set()
    activity_notes: list[str] = []
    consumed: set[int] = set()
    for index, token in enumerate(tokens):
        if index in consumed:
            continue
        value: int | None
        note = ""
        number_index = index
        spelled = _spelled_out(tokens, index)
        if spelled:
            # "ett (1) öppet dialogmöte", "två (2) tillfällen": the word and its digits are one
            # number, which the writer made sure is read as one (never an article).
            value, number_index = spelled, index + 3
            consumed.update({index + 1, index + 2, index + 3})
        elif token.text.isdigit():
            value = digits_value(token.text)
            if _tens_in_digits(tokens, index):  # "ett 20-tal"
                note, number_index = "approximate", index + 2
                consumed.update({index + 1, index + 2})
        elif dozen := _dozen(tokens, index):
            value, number_index = dozen
            consumed.update(range(index + 1, number_index + 1))
        elif token.folded in {"en", "ett"}:
            following = tokens[index + 1].folded if index + 1 < len(tokens) else ""
            approx = approximate_value(following) if following else None
            if approx or following == "par":
                value, note = approx or 2, "approximate"
                number_index = index + 1
                consumed.add(index + 1)
            elif following in _NOT_A_COUNT:
                continue
            else:
                value, note = 1, "article"
        else:
            value = word_value(token.text) if token.text.isalpha() else None
            if value is None and token.text.isalpha():
                approx = approximate_value(token.text)
                if approx:
                    value, note = approx, "approximate"
        if value is None or value == 0:
            continue
        if _excluded(tokens, index, excluded):
            excluded.add(index)
            continue
        comparator_found = _comparator_before(tokens, index)
        comparator, start, first = "count", token.start, index
        if comparator_found:
            comparator, kind, first = comparator_found
            start = tokens[first].start
            if kind and note != "approximate":
                note = kind
            elif kind == "approximate":
                note = "approximate"
        elif note == "approximate":
            comparator = "at_least"
        if note == "article" and comparator != "count":
            note = ""
        end = tokens[number_index].end
        unit, singular, unit_end, after_unit = _unit(tokens, number_index, patrol)
        if counted and unit in {"", "gånger"}:
            # A table's "4 ggr per år" beside "Samverkansmöten med …" counts samverkansmöten.
            # "Aktivitet 2: minst 6 per år" for "Polisen håller föräldramöten …": its object.
            named = _tokens(counted)
            unit, singular = (
                _heading_noun(named)
                or _object_noun(named)
                # "10 per år" beside "Kontrollköp av alkohol": a noun whose plural is its own
                or (None if unit else _invariant_noun(counted))
                or (unit, singular)
            )
        elif not unit and (comparator != "count" or _scope_right_after(folded, scopes, end)):
            # "Trafikkontroller vid skolorna, minst 10 per år", "Trygghetsvandringar i
            # Kvarntorp: 3 per år", "genomföra narkotikakontroller, 24 st. per år": the noun the
            # item names first, or its verb's object.
            unit, singular = _item_noun(tokens, number_index) or ("", "")
            if not unit and _rate_after(tokens, number_index):
                unit, singular = "gånger", "gång"  # "(mål: 4/månad)": so many times a month
        elif not unit and _multiplier(tokens, index):
            # "Trygghetsvandring i centrum. Omfattning: x3": the item's noun, three times.
            unit, singular = _item_noun(tokens, number_index) or ("gånger", "gång")
        if value == 1 and unit and not singular:
            plural = _plural(unit)
            if plural:
                unit, singular = plural, unit
        # Durations are no targets unless counted per span: "minst tre dagar per vecka".
        if tokens[number_index + 1 :] and tokens[number_index + 1].folded in _TIME_UNITS:
            scope_name, phrase, _start = _scope(scopes, end)
            if comparator == "count" or not phrase or scope_name == "period":
                excluded.add(index)
                continue
        scope_name, phrase, _scope_start = _scope(scopes, token.start)
        if _multiplier(tokens, index) and _scope_start < token.start:
            if re.search(r"(?:" + re.escape(phrase) + r")\s*\(\s*x$", folded[: token.start]):
                continue  # "varje månad (x12)": the times a month makes over the year
            scope_name, phrase = "period", ""  # a multiplier counts over a scope after it
        candidate = _Candidate(
            index=index,
            value=value,
            comparator=comparator,
            start=start,
            end=end,
            words=text[start:end],
            note=note,
            unit=unit,
            unit_singular=singular,
            unit_end=unit_end or end,
            scope=scope_name,
            scope_phrase=phrase,
        )
        prev = tokens[first - 1].folded if first else ""
        if prev in _SHARE_WORDS:
            excluded.add(index)
            continue  # "fyra trygghetsvandringar per år, varav minst en i Tråsättra": a share
        if kind_is_range(comparator_found) and (
            _range_excluded(tokens, index, excluded) or not _range_has_second(tokens, index)
        ):
            excluded.add(index)
            continue
        if comparator == "count":
            if not unit:
                continue
            # A bare count is a target only where the text speaks of what is to be done.
            if not (
                listed
                or _ACTIVITY_CONTEXT.search(folded)
                or first == 0
                or phrase
                or tokens[0].folded in _VERBS
                or tokens[0].folded.endswith("a")
            ):
                continue
            if note == "article":
                # "en trygghetsmätning per år", "en gång i månaden": a count with a scope; not
                # a scope of a clause after it ("har en kontaktpolis som kommer … varje månad")
                near_scope = bool(phrase) and not (
                    _scope_start > unit_end
                    and _RELATIVE_CLAUSE.search(folded, unit_end, _scope_start)
                )
                # "bjuda in till ett öppet möte": one meeting held, as "ordnar en …" is
                after_verb = prev in _ONE_EVENT_VERBS or _invites_to(tokens, first)
                if not near_scope and not after_verb:
                    continue
                if not near_scope:
                    candidate.notes.append(_("Unclear whether the number is a target"))
            elif prev in _SET_WORDS:
                continue  # "i samtliga 4 kommundelar": the number names a set, not a target
            elif (
                prev in _PREPOSITIONS
                and not spelled
                and not (first >= 2 and tokens[first - 2].folded in _TAKES_PREPOSITION)
                and not _invites_to(tokens, first)
                # "utöka arbetet till fyra kvällar i veckan": a rate, what is to be done
                and not (prev == "till" and unit and _scope_right_after(folded, scopes, unit_end))
                # "vid 15 tillfällen årligen" counts occasions; other counts after a
                # preposition name places or groups ("på fem platser").
                and not (prev == "vid" and unit == "tillfällen")
            ):
                continue
        elif prev in _PREPOSITIONS and prev not in {"vid", "under"}:
            candidate.notes.append(_("Unclear whether the number is a target"))
        candidates.append(candidate)
    if not candidates:
        return None, activity_notes
    best = max(candidates, key=lambda c: (c.score, -c.index))
    others = [c for c in candidates if c is not best and c.score >= 4 and c.comparator != "count"]
    limited = (
        part_of_year_phrase(text, folded, best.scope_phrase)
        if best.scope in _SPANS and not structure
        else None
    )
    if best.scope == "unsupported" or limited:
        activity_notes.append(
            _(
                "The text counts “%(phrase)s”, which the portal cannot count: enter the target "
                "by hand"
            )
            % {"phrase": limited or _unsupported_phrase(text, folded, best.scope_phrase)}
        )
        return None, activity_notes
    if not best.unit:
        # "Vara högst 40 under året": a number that says not what it counts. The counted noun
        # the item names elsewhere ("fortsätta med trygghetsvandringar i Valsta, minst fyra
        # under året"), else no target: a target without a unit cannot be followed up ("0 av
        # högst 40"), so the number is left to the coordinator to check.
        noun = _named_noun(tokens, best.index) or (_invariant_noun(counted) if counted else None)
        if noun is None:
            return None, [*activity_notes, _("Unclear whether the number is a target")]
        best.unit, best.unit_singular = noun
    notes = list(best.notes)
    if best.scope == "seasonal":
        notes.append(
            _("Counted per year: “%(phrase)s”")
            % {"phrase": _phrase(text, folded.find(best.scope_phrase), len(best.scope_phrase))}
        )
        best.scope = "year"
    year = one_year_of_several(folded) if best.scope == "period" else None
    if year:
        notes.append(
            _(
                "The text states the target for %(year)s, one of the period's years: check the "
                "time span"
            )
            % {"year": year}
        )
    value = best.value
    if best.note == "approximate":
        notes.append(_("The number is approximate: %(words)s") % {"words": best.words})
    elif best.note == "more":
        value += 1
        notes.append(
            _("The text says “%(words)s”: proposed as at least %(value)s")
            % {"words": best.words, "value": value}
        )
    elif best.note == "range":
        notes.append(_("The text states a range: the lower number is proposed"))
    if others:
        notes.append(_("The text states more than one number: check the target"))
    target = ParsedTarget(
        comparator=best.comparator,
        value=value,
        unit=best.unit,
        unit_singular=best.unit_singular,
        scope=best.scope,
        span=TextSpan(offset + best.start, offset + max(best.unit_end, best.end)),
        uncertain=notes,
    )
    return target, activity_notes
