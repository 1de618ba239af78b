"""A deterministic, national-scale dataset for load tests and benchmarks, written in bulk.

Every covered municipality gets one to three published promise periods over 2016–2027, some also
a period in the making (draft, in consultation or decided); Malmö also two district periods. Each
period has promises, activities, logs, follow-up meetings with assessments (a period in force
also meetings planned ahead), reports, outcome indicators with yearly measurements, signatories
and its lifecycle record. People's names are invented, and obviously so. The whole plan is drawn
in plain Python from `random.Random(seed)`, then written with `bulk_create` (the logs through
COPY on PostgreSQL): `save()` is bypassed, so no django-simple-history rows are written, and
`after_bulk_load()` rebuilds what derives from the logs. The same seed, options and `today` give
the same data, automatic timestamps aside.
"""

import datetime
import math
import random
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Count
from django.utils import dateformat, timezone, translation
from django.utils.formats import number_format

from activities import rollup
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import Comparator, Scope, add_months
from followups.models import (
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
    Rating,
    Report,
    ReportKind,
)
from municipalities.models import LocalPoliceArea, Municipality
from municipalities.refdata import ascii_slug
from promises.fields import join_range
from promises.models import (
    PUBLISHED_STATES,
    Direction,
    Extension,
    OutcomeIndicator,
    OutcomeMeasurement,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Signatory,
    Theme,
)

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
WINDOW_START, WINDOW_END = D(2016, 1, 1), D(2027, 12, 31)
BATCH = 5000
MAX_LOGS_PER_ACTIVITY = 4000
# Logs per activity and year are log-normal; with the spread of periods' lengths this gives a
# median near 130 logs per activity and a tail up to the cap.
RATE_MEDIAN, RATE_SIGMA = 55.0, 0.7
MEAN_QUANTITY = 1.3
MALMO = "1280"
DISTRICTS = (("Rosengård", "Malmö Öster"), ("Centrum", "Malmö Innerstad"))
DRAFT, CONSULTATION, DECIDED = PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED
SIGNED, EXTENDED, CLOSED = PeriodState.SIGNED, PeriodState.EXTENDED, PeriodState.CLOSED
AVERAGES = (Scope.AVERAGE_WEEK, Scope.AVERAGE_MONTH)

# --- Texts ------------------------------------------------------------------------------------

THEMES = {
    "N": "narkotika",
    "T": "trafik",
    "O": "trygghet-i-offentlig-miljo",
    "U": "unga",
    "V": "vald",
    "R": "brott-i-nara-relationer",
    "S": "skadegorelse",
    "D": "ordningsstorningar",
}


class PromiseText(NamedTuple):
    title: str  # {ort}: the municipality or district
    themes: str  # letters of THEMES
    description: str


class ActivityText(NamedTuple):
    title: str
    verb: str  # "!": a count of incidents, whose target is a ceiling ("högst …")
    unit: str
    themes: str
    party: str  # P police, K municipality, G joint, A another actor
    detail: str
    actor: str


PROMISES = [
    PromiseText(*line.split("|"))
    for line in """\
Öka tryggheten i centrala {ort}|OD|Fler ska känna sig trygga i centrum, även kvällstid.
Minska narkotikabrotten bland unga|NU|Färre unga ska prova och använda narkotika.
Öka upptäckten av narkotikabrott|N|Fler narkotikabrott ska upptäckas och lagföras.
Förbättra trafiksäkerheten|T|Färre ska skadas i trafiken och färre köra för fort.
Minska buskörningen med bil och moped|TD|Störande körning ska minska.
Öka tryggheten i bostadsområdena i {ort}|O|Boende ska uppleva färre otrygga platser.
Minska skadegörelsen i {ort}|S|Klotter och skadegörelse ska minska och åtgärdas snabbt.
Minska våldet i nattlivet|VD|Färre misshandelsbrott kring krogar och evenemang.
Färre unga ska begå brott|U|Unga i riskzon ska fångas upp tidigt.
Motverka våld i nära relationer|RV|Fler ska våga anmäla och få stöd.
Öka tryggheten kring skolor och fritidsgårdar|UO|Elever och personal ska känna sig trygga.
Minska ordningsstörningarna vid resecentrum|DO|Resenärer ska känna sig trygga.
Minska langningen av alkohol till unga|UN|Färre unga ska få tag på alkohol vid högtider.
Minska antalet anlagda bränder|SU|Färre bränder i skolor, containrar och bilar.
Öka tryggheten för äldre|O|Äldre ska känna sig trygga hemma och ute.
Minska den öppna narkotikahandeln|NO|Handel med narkotika på allmän plats ska försvåras.
Förebygga rekrytering till kriminella nätverk|UV|Färre unga ska dras in i kriminalitet.
Öka tryggheten i parker och grönområden|O|Parker ska vara upplysta, städade och välbesökta.
Säkrare skolvägar|TU|Barn ska kunna gå och cykla säkert till skolan.
Minska rattfylleriet|TN|Färre ska köra påverkade av alkohol eller narkotika.
Minska störningarna vid sommarens evenemang|DV|Evenemangen ska vara trygga för alla.
Tryggare kvällar och helger i {ort}|OU|Fler vuxna ska finnas ute när unga är ute.""".splitlines()
]
ACTIVITIES = [
    ActivityText(*line.split("|"))
    for line in """\
Trafikkontroller|genomföra|trafikkontroller|T|P|med inriktning på hastighet och nykterhet|
Hastighetskontroller i tätorten|genomföra|hastighetskontroller|T|P|på utsatta gator|
Nykterhetskontroller|genomföra|nykterhetskontroller|TN|P|vid infarterna till tätorten|
Flygande inspektioner|genomföra|flygande inspektioner|T|P|av tunga fordon|
Kontroller av mopeder och A-traktorer|genomföra|kontroller av mopeder|TD|P|kvällar och helger|
Trafiksäkerhetsåtgärder kring skolor|genomföra|trafiksäkerhetsåtgärder|TU|K|kring skolorna|
Trygghetsvandringar|genomföra|trygghetsvandringar|O|G|med boende och fastighetsägare|
Nattvandringar|genomföra|nattvandringar|UO|A|fredags- och lördagskvällar|Nattvandrarna
Synlig polisnärvaro i centrum|genomföra|pass med synlig närvaro|OD|P|i centrum|
Fotpatrullering|genomföra|fotpatrulleringar|O|P|kvällar och helger|
Riktade narkotikainsatser|genomföra|riktade narkotikainsatser|N|P|mot kända försäljningsplatser|
Narkotikaspaning kring skolor|genomföra|spaningsinsatser|NU|P|kring skolor och fritidsgårdar|
Föräldrautbildning|genomföra|föräldrautbildningar|U|K|om ungas risker med alkohol och droger|
Skolbesök av kommunpolisen|genomföra|skolbesök|U|P|i årskurs sju till nio|
Besök på fritidsgårdar|genomföra|besök på fritidsgårdar|U|G|för samtal med unga|
SSPF-möten|hålla|SSPF-möten|U|G|om unga i riskzon|
Tillsyn av serveringsställen|genomföra|tillsynsbesök|VD|G|på krogar fredags- och lördagsnätter|
Ansvarsfull alkoholservering|genomföra|utbildningar|V|K|i ansvarsfull alkoholservering|
Insatser mot langning|genomföra|insatser mot langning|UN|G|kring skolavslutningar och valborg|
Medborgardialoger|hålla|medborgardialoger|O|G|om tryggheten i bostadsområdena|
Samverkansmöten med fastighetsägare|hålla|samverkansmöten|OS|G|om otrygga platser|
Klottersanering|genomföra|klottersaneringar|S|K|inom ett dygn efter anmälan|
Mot anlagda bränder|genomföra|brandförebyggande insatser|SU|A|i skolor|Räddningstjänsten
Belysningsåtgärder|genomföra|belysningsåtgärder|O|K|på gång- och cykelvägar och i parker|
Informationsträffar om våld i nära relationer|hålla|informationsträffar|R|G|för skolpersonal|
Utbildning om våld i nära relationer|genomföra|utbildningar|R|K|för kommunens chefer|
Uppföljande hembesök|genomföra|uppföljande hembesök|RV|P|efter anmälan om våld i nära relation|
Ordningsvakter vid resecentrum|bemanna|pass med ordningsvakter|DO|K|vid resecentrum|
Insatser vid evenemang|genomföra|insatser vid evenemang|DV|P|vid marknader och konserter|
Grannsamverkan|hålla|informationsträffar om grannsamverkan|O|A|i villaområden|Samverkan mot brott
Fältassistenter ute kvällstid|genomföra|fältpass|U|K|i centrum och på skolgårdar|
Polisens mottagning|hålla|mottagningstillfällen|O|P|i medborgarkontoret|
Samtal med unga i riskzon|genomföra|orossamtal|UV|G|med unga och deras vårdnadshavare|
Kontroller av elsparkcyklar|genomföra|kontroller av elsparkcyklar|T|P|i centrum|
Tillsyn av tobaksförsäljning|genomföra|tillsynsbesök i butiker|U|K|med kontrollköp|
Sommarlovsaktiviteter|anordna|sommarlovsaktiviteter|U|K|för unga mellan tretton och sjutton år|
Kontroller av källare och entréer|genomföra|kontroller|SO|A|i flerbostadshusen|Bostadsbolaget
Anmälda skadegörelser i centrum|!|anmälda skadegörelser|S|G|i centrum|
Anlagda bränder i skolmiljö|!|anlagda bränder|SU|A|i och kring skolorna|Räddningstjänsten
Ordningsstörningar vid resecentrum|!|ordningsstörningar|D|G|vid resecentrum|""".splitlines()
]
# Each unit's singular, for "1 trafikkontroll" (a target without one says "1 trafikkontroller").
UNIT_SINGULAR = {
    "trafikkontroller": "trafikkontroll",
    "hastighetskontroller": "hastighetskontroll",
    "nykterhetskontroller": "nykterhetskontroll",
    "flygande inspektioner": "flygande inspektion",
    "kontroller av mopeder": "kontroll av mopeder",
    "trafiksäkerhetsåtgärder": "trafiksäkerhetsåtgärd",
    "trygghetsvandringar": "trygghetsvandring",
    "nattvandringar": "nattvandring",
    "pass med synlig närvaro": "pass med synlig närvaro",
    "fotpatrulleringar": "fotpatrullering",
    "riktade narkotikainsatser": "riktad narkotikainsats",
    "spaningsinsatser": "spaningsinsats",
    "föräldrautbildningar": "föräldrautbildning",
    "skolbesök": "skolbesök",
    "besök på fritidsgårdar": "besök på fritidsgårdar",
    "SSPF-möten": "SSPF-möte",
    "tillsynsbesök": "tillsynsbesök",
    "utbildningar": "utbildning",
    "insatser mot langning": "insats mot langning",
    "medborgardialoger": "medborgardialog",
    "samverkansmöten": "samverkansmöte",
    "klottersaneringar": "klottersanering",
    "brandförebyggande insatser": "brandförebyggande insats",
    "belysningsåtgärder": "belysningsåtgärd",
    "informationsträffar": "informationsträff",
    "uppföljande hembesök": "uppföljande hembesök",
    "pass med ordningsvakter": "pass med ordningsvakter",
    "insatser vid evenemang": "insats vid evenemang",
    "informationsträffar om grannsamverkan": "informationsträff om grannsamverkan",
    "fältpass": "fältpass",
    "mottagningstillfällen": "mottagningstillfälle",
    "orossamtal": "orossamtal",
    "kontroller av elsparkcyklar": "kontroll av elsparkcyklar",
    "tillsynsbesök i butiker": "tillsynsbesök i butiker",
    "sommarlovsaktiviteter": "sommarlovsaktivitet",
    "kontroller": "kontroll",
    "anmälda skadegörelser": "anmäld skadegörelse",
    "anlagda bränder": "anlagd brand",
    "ordningsstörningar": "ordningsstörning",
}
PARTIES = {"P": Responsible.POLICE, "K": Responsible.MUNICIPALITY, "G": Responsible.JOINT}
OTHER_ACTORS = ("Räddningstjänsten", "Fastighetsägarna i centrum", "Bostadsbolaget", "Länstrafiken")
SUMMARIES = (
    "Genomfört enligt plan.",
    "Lugnt; flera samtal med ungdomar.",
    "Genomfört kvällstid efter synpunkter från boende.",
    "Genomfört tillsammans med kommunens fältassistenter.",
    "Inga anmärkningar.",
    "Två rapporter upprättades.",
    "Många i rörelse på grund av evenemang i centrum.",
)
PLACES = (
    "Stortorget", "Storgatan", "Resecentrum", "Busstationen", "Stadsparken", "Idrottsplatsen",
    "Köpcentrumet", "Badplatsen", "Hamnen", "Fritidsgården", "Skolområdet", "Riksvägen",
)  # fmt: skip
NOTES = ("Uppföljning med fältgruppen.", "Underlag skickat till samordnaren.", "Se ärendet i RAR.")
WITHDRAWALS = (
    "Dubbelregistrerad.",
    "Fel aktivitet vald; registrerad på rätt aktivitet.",
    "Fel datum; ny registrering gjord.",
    "Genomfördes inte; personalen kallades till annat uppdrag.",
)
CANCEL_REASONS = (
    "Ingen lokal kunde ordnas.",
    "Ersatt av en annan aktivitet vid den årliga översynen.",
    "Lägesbilden förändrades; behovet finns inte längre.",
)
MINUTES = (
    "Närvarande: trygghetssamordnaren och kommunpolisen. Genomgång av registrerade aktiviteter.",
    "Närvarande: samverkansgruppen. Resurser inför kommande månader diskuterades.",
    "Närvarande: kommundirektören, lokalpolisområdeschefen och samordnaren.",
)

# Outcome indicators a promise may be followed with: name, unit, source, desired direction, and
# the range of its baseline value.
INDICATORS = (
    ("Andel som känner sig trygga i centrum kvällstid", "%", "Trygghetsmätningen", "higher",
     (48, 78)),
    ("Anmälda skadegörelsebrott", "anmälningar", "Polisens statistik", "lower", (60, 420)),
    ("Andel elever i årskurs 9 som har provat narkotika", "%", "CAN:s skolundersökning",
     "lower", (4, 16)),
    ("Anmälda trafikbrott vid skolor", "anmälningar", "Polisens statistik", "lower", (10, 90)),
    ("Andel som undviker att gå ut ensamma på kvällen", "%", "Trygghetsmätningen", "lower",
     (12, 35)),
)  # fmt: skip
# Where a planned meeting is held.
FORUMS = ("Stadshuset, sammanträdesrum 2", "Polisstationen", "Biblioteket", "Kommunhuset",
          "Digitalt via Teams")  # fmt: skip
FIRST_NAMES = ("Exempel", "Test", "Prov", "Anna", "Erik", "Maria", "Johan", "Karin", "Lars", "Eva")
LAST_NAMES = ("Exempelsson", "Provsson", "Testberg", "Påhittsson", "Fiktivsson", "Låtsasberg")
SITUATIONS = (
    "Polisens statistik, kommunens trygghetsmätning och dialoger med boende i {ort} visar "
    "otrygghet i centrum kvällstid och problem med trafiken.",
    "Medborgardialoger och polisens trygghetsundersökning i {ort} visar att narkotika och unga "
    "i riskzon oroar invånarna mest.",
    "Den gemensamma lägesbilden för {ort} visar skadegörelse, stök vid resecentrum och oro för "
    "våld i nattlivet.",
)
BACKGROUND = "Medborgarlöftet bygger på samverkansöverenskommelsen mellan {org} och Polisen."
FOLLOW_UPS = (
    "Löftena följs upp vid tertialmöten och redovisas på kommunens webbplats och polisen.se.",
    "Samverkansgruppen följer upp aktiviteterna varje månad; översyn görs varje år.",
)
NUMBER_WORDS = "noll en två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton"
NUMBER_WORDS = [*NUMBER_WORDS.split(), "sexton", "sjutton", "arton", "nitton", "tjugo"]
SCOPE_SV = {
    Scope.PERIOD: "under perioden",
    Scope.YEAR: "per år",
    Scope.TERTIAL: "per tertial",
    Scope.MONTH: "per månad",
    Scope.WEEK: "per vecka",
    Scope.DAY: "per dag",
    Scope.AVERAGE_WEEK: "per vecka",
    Scope.AVERAGE_MONTH: "per månad",
}
COMPARATOR_SV = {
    Comparator.AT_LEAST: "minst ",
    Comparator.COUNT: "",
    Comparator.EXACTLY: "exakt ",
    Comparator.AT_MOST: "högst ",
}
# An activity whose owner the document does not state reads "Vi ska …".
SUBJECT_SV = {
    "police": "Polisen",
    "municipality": "Kommunen",
    "joint": "Polisen och kommunen",
    "unstated": "Vi",
}
PARTNERS = (
    "föreningar",
    "Räddningstjänsten",
    "fastighetsägare",
    "bilinspektörer",
    "skolorna",
    "kommunens fältassistenter",
)
STATUS_SV = {
    "planned": "planerad",
    "ongoing": "pågår",
    "done": "genomförd",
    "cancelled": "inställd",
}

# --- Distributions ----------------------------------------------------------------------------

LENGTHS = {12: 45, 24: 33, 6: 4, 18: 5, 36: 8, 48: 5}  # months: weight
# Activity slots are drawn as from shuffled decks, so that every kind, scope and comparator
# shows up even in a tiny dataset. Kinds: a target, an incident count, or no target.
KIND_DECK = ["target"] * 11 + ["incident"] + ["none"] * 4
SCOPE_DECK = [Scope.PERIOD, Scope.YEAR] * 4 + [Scope.TERTIAL, Scope.MONTH] * 2
SCOPE_DECK += [Scope.WEEK, Scope.DAY, Scope.AVERAGE_WEEK, Scope.AVERAGE_MONTH]
# Exact targets are kept for data saved before bare counts; new documents state a bare count.
COMPARATOR_DECK = [Comparator.AT_LEAST] * 5 + [Comparator.COUNT] * 2 + [Comparator.EXACTLY]
# Who carries out an activity, unless its text names a party: about one in ten is not stated
# ("Vi ska …"), some are joint.
OWNER_DECK = [None] * 15 + [Responsible.JOINT] * 3 + [Responsible.UNSTATED] * 2
# Frequent activities get short spans: logs per year lean on the scope.
SCOPE_RATE = {"period": 0.5, "year": 0.9, "tertial": 1.1, "month": 1.5, "week": 2.5, "": 0.5}
SCOPE_RATE |= {"day": 6.0}
SCOPE_RATE |= {"average_week": 2.5, "average_month": 1.5}
SCOPE_DAYS = {"year": 365.25, "tertial": 121.75, "month": 30.44, "week": 7, "day": 1}
SCOPE_DAYS |= {"average_week": 7, "average_month": 30.44}


def after_bulk_load() -> None:
    """Rebuild anything derived from the logs (progress rollups) after bulk inserts."""
    rollup.rebuild_all()
    if connection.vendor == "postgresql":
        # Planner statistics for the new million rows; autovacuum may be off or late.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@dataclass
class ActivityPlan:
    """An activity to write: its text, target or status, and how many logs it gets."""

    position: int
    text: ActivityText
    promises: list[int]  # positions
    responsible: str
    other: str = ""
    comparator: str = ""
    scope: str = ""
    value: int | None = None
    partners: str = ""
    status: str = ActivityStatus.PLANNED
    reason: str = ""
    rate: float = 0.0  # relative logs per year
    count: int = 0  # logs
    obj: Activity | None = None


@dataclass
class PeriodPlan:
    """A period to write: dates, state, lifecycle record, promises and activities."""

    municipality: Municipality
    start: datetime.date
    end: datetime.date
    state: str = SIGNED
    area: str = ""
    slug: str = ""
    police_area: LocalPoliceArea | None = None
    signed: datetime.date | None = None
    decided: datetime.date | None = None
    body: str = ""
    reference: str = ""
    rounds: int = 0
    steps: list[tuple[str, str, datetime.date, str]] = field(default_factory=list)
    extension: tuple[datetime.date, datetime.date] | None = None  # previous end, decision
    promises: list[PromiseText] = field(default_factory=list)
    activities: list[ActivityPlan] = field(default_factory=list)
    obj: PromisePeriod | None = None
    promise_objs: list[Promise] = field(default_factory=list)

    @property
    def published(self) -> bool:
        return self.state in PUBLISHED_STATES

    @property
    def place(self) -> str:
        return self.area or self.municipality.name

    @property
    def key(self) -> str:
        return f"{self.municipality.code}:{self.slug}"


class Deck:
    """Cards drawn in shuffled rounds: every card shows up once a round."""

    def __init__(self, rng: random.Random, cards: list) -> None:
        self.rng, self.cards, self.hand = rng, cards, []

    def draw(self):
        if not self.hand:
            self.hand = self.rng.sample(self.cards, len(self.cards))
        return self.hand.pop()


def organisation(municipality: Municipality) -> str:
    """The municipality as it names itself: "Vetlanda kommun", "Kungälvs kommun", "Malmö stad"."""
    return municipality.organisation_name


def period_slug(start: datetime.date, end: datetime.date, taken: set[str], prefix: str = "") -> str:
    """The staff form's rule ("2025-2026", "2023", then "-2", "-3" …), after an area's prefix."""
    base = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    base = f"{prefix}-{base}" if prefix else base
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    tz = timezone.get_current_timezone()
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def _pick(rng: random.Random, table: dict):
    return rng.choices(list(table), weights=list(table.values()))[0]


def _days(rng: random.Random, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(low, high))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# --- Periods over time ------------------------------------------------------------------------


def _newest(rng: random.Random, today: datetime.date) -> tuple[datetime.date, datetime.date, str]:
    """The newest published period: in force today, recently ended, or about to start."""
    mode = _pick(rng, {"active": 72, "ended": 18, "upcoming": 10})
    for _attempt in range(30):
        months, style = _pick(rng, LENGTHS), _pick(rng, {"jan": 70, "mid": 15, "signing": 15})
        if mode == "upcoming" and style == "signing":
            continue
        candidates = []
        for year in range(WINDOW_START.year, WINDOW_END.year + 1):
            for month in (4, 7, 9) if style == "mid" else (1,):
                nominal = D(year, month, 1)
                start = nominal + _days(rng, 10, 80) if style == "signing" else nominal
                end = add_months(nominal, months) - ONE_DAY
                fits = {
                    "active": start <= today <= end,
                    "ended": today - datetime.timedelta(days=540) <= end < today,
                    "upcoming": today < start <= today + datetime.timedelta(days=120),
                }[mode]
                if fits and end <= WINDOW_END and (end - start).days > 90:
                    candidates.append((start, end, style))
        if candidates:
            return rng.choice(candidates)
    return D(today.year, 1, 1), D(today.year, 12, 31), "jan"


def timeline(rng: random.Random, today: datetime.date) -> list[tuple]:
    """One to three published periods (start, end, start style), oldest first, never overlapping."""
    periods = [_newest(rng, today)]
    wanted = _pick(rng, {1: 20, 2: 45, 3: 35})
    while len(periods) < wanted:
        following = periods[0][0]
        # A period that started at its signing follows one nominally ending at New Year.
        base = following if following.day == 1 else following.replace(month=1, day=1)
        gap = 0 if rng.random() < 0.6 else rng.randint(3, 30)  # months without a promise
        end = add_months(base, -gap) - ONE_DAY
        start = add_months(end + ONE_DAY, -_pick(rng, LENGTHS))
        style = "jan" if start.month == 1 else "mid"
        if rng.random() < 0.15:
            start, style = start + _days(rng, 10, 60), "signing"
        if start < WINDOW_START or (end - start).days < 90:
            break
        periods.insert(0, (start, end, style))
    return periods


def _drafting(rng, plan: PeriodPlan, consulted: datetime.date, decided: datetime.date | None):
    """The record up to `decided`: draft, consultation (sometimes sent back once), decision."""
    drafted = consulted - _days(rng, 10, 80)
    plan.steps.append(("", DRAFT, drafted, "Utkast utifrån lägesbilden."))
    plan.rounds = 1
    if rng.random() < 0.12 and (consulted - drafted).days > 30:
        first = drafted + _days(rng, 5, 12)
        plan.steps.append((DRAFT, CONSULTATION, first, "Skickat på samråd."))
        comment = "Tillbaka till utkast: KLG vill se tydligare mål för trafikinsatserna."
        plan.steps.append((CONSULTATION, DRAFT, first + _days(rng, 3, 10), comment))
        plan.rounds = 2
    comment = "Skickat på samråd till kommunledningsgruppen (KLG)."
    plan.steps.append((DRAFT, CONSULTATION, consulted, comment))
    if decided is not None:
        gotland = plan.municipality.name == "Gotland"
        bodies = {
            "Kommunstyrelsen": 75,
            "Kommunstyrelsens arbetsutskott": 15,
            "Kommunfullmäktige": 10,
        }
        plan.body = "Regionstyrelsen" if gotland else _pick(rng, bodies)
        plan.reference = f"{'RS' if gotland else 'KS'} {decided.year}/{rng.randint(12, 640)}"
        plan.decided = decided
        comment = f"{plan.body} beslutade att anta medborgarlöftet ({plan.reference})."
        plan.steps.append((CONSULTATION, DECIDED, decided, comment))


def lifecycle(rng: random.Random, plan: PeriodPlan, style: str, today: datetime.date) -> None:
    """Decision, signing, extension and closing of a published period, and its record."""
    start, end = plan.start, plan.end
    if style == "signing":
        signed = start  # Valid from the signing.
    elif rng.random() < 0.8:
        signed = start - _days(rng, 2, 50)
    else:  # The document states a start before its signing.
        signed = min(start + _days(rng, 1, 45), end)
    signed = min(signed, today - _days(rng, 0, 14))
    decided = signed - _days(rng, 5, 40)
    _drafting(rng, plan, decided - _days(rng, 14, 50), decided)
    plan.signed = signed
    comment = "Undertecknat av kommunstyrelsens ordförande och lokalpolisområdeschefen."
    plan.steps.append((DECIDED, SIGNED, signed, comment))
    if (end - start).days > 360 and rng.random() < 0.12:
        previous = add_months(end + ONE_DAY, -rng.choice((6, 12))) - ONE_DAY
        decision = previous - _days(rng, 5, 60)
        if (previous - start).days > 180 and signed < decision <= today:
            plan.extension, plan.state = (previous, decision), EXTENDED
            comment = f"Förlängt till och med {swedish_date(end)}."
            plan.steps.append((SIGNED, EXTENDED, decision, comment))
    if end < today and rng.random() < 0.75:
        closed = min(end + _days(rng, 1, 75), today)
        plan.steps.append((plan.state, CLOSED, closed, "Avslutat; slutredovisningen publicerad."))
        plan.state = CLOSED


def in_the_making(rng: random.Random, municipality, after: datetime.date, today: datetime.date):
    """The next period, not public: a draft, in consultation, or decided."""
    state = _pick(rng, {DRAFT: 40, CONSULTATION: 35, DECIDED: 25})
    start = max(after + ONE_DAY, D(today.year + 1, 1, 1))
    plan = PeriodPlan(municipality, start, add_months(start, rng.choice((12, 24))) - ONE_DAY, state)
    consulted = today - _days(rng, 20, 60)
    _drafting(rng, plan, consulted, consulted + _days(rng, 10, 19) if state == DECIDED else None)
    if state == DRAFT:
        plan.steps, plan.rounds = plan.steps[:1], 0
    return plan


def plan_periods(rng, municipalities, areas: dict, today: datetime.date) -> list[PeriodPlan]:
    """Every period of the covered municipalities, with dates, states and lifecycle record."""
    plans = []
    for municipality in municipalities:
        taken: set[str] = set()
        area = areas.get(municipality.name)
        spans = timeline(rng, today)
        for start, end, style in spans:
            plan = PeriodPlan(municipality, start, end, police_area=area)
            lifecycle(rng, plan, style, today)
            plan.slug = period_slug(start, plan.extension[0] if plan.extension else end, taken)
            plans.append(plan)
        # Malmö always has one, so that even a tiny dataset has a period in the making.
        if rng.random() < 0.25 or municipality.code == MALMO:
            plan = in_the_making(rng, municipality, spans[-1][1], today)
            plan.slug, plan.police_area = period_slug(plan.start, plan.end, taken), area
            plans.append(plan)
        if municipality.code == MALMO:
            year = today.year
            dates = ((D(year - 1, 1, 1), D(year, 12, 31)), (D(year - 1, 7, 1), D(year + 1, 6, 30)))
            for (district, area_name), (start, end) in zip(DISTRICTS, dates, strict=True):
                plan = PeriodPlan(municipality, start, end, area=district)
                plan.police_area = areas[area_name]
                lifecycle(rng, plan, "jan", today)
                nominal_end = plan.extension[0] if plan.extension else end
                plan.slug = period_slug(start, nominal_end, taken, prefix=ascii_slug(district))
                plans.append(plan)
    return plans


# --- Promises, activities, targets ------------------------------------------------------------


def plan_content(rng: random.Random, plans: list[PeriodPlan], today: datetime.date) -> None:
    """Promises and activities of every period, drawn from the texts with shared decks."""
    kinds, scopes, owners = Deck(rng, KIND_DECK), Deck(rng, SCOPE_DECK), Deck(rng, OWNER_DECK)
    comparators, rate_mu = Deck(rng, COMPARATOR_DECK), math.log(RATE_MEDIAN)
    for plan in plans:
        plan.promises = rng.sample(PROMISES, _pick(rng, {2: 25, 3: 40, 4: 25, 5: 10}))
        titles: set[str] = set()
        for slot in range(rng.randint(max(4, len(plan.promises)), 10)):
            kind = kinds.draw()
            # The first activities serve each promise in turn, the others any promise.
            first = slot if slot < len(plan.promises) else rng.randrange(len(plan.promises))
            pool = [
                text
                for text in ACTIVITIES
                if (text.verb == "!") == (kind == "incident") and text.title not in titles
            ]
            themes = set(plan.promises[first].themes)
            text = rng.choice([t for t in pool if themes & set(t.themes)] or pool)
            titles.add(text.title)
            served = {first} | {
                i
                for i, promise in enumerate(plan.promises)
                if set(promise.themes) & set(text.themes) and rng.random() < 0.3
            }
            responsible = owners.draw() or PARTIES.get(text.party, Responsible.OTHER)
            activity = ActivityPlan(slot + 1, text, sorted(i + 1 for i in served), responsible)
            if responsible == Responsible.OTHER:
                activity.other = text.actor or rng.choice(OTHER_ACTORS)
            if rng.random() < 0.15:
                activity.partners = rng.choice([p for p in PARTNERS if p != activity.other])
            if kind != "none":
                activity.scope = scopes.draw()
                incident = kind == "incident"
                activity.comparator = Comparator.AT_MOST if incident else comparators.draw()
            rate = rng.lognormvariate(rate_mu, RATE_SIGMA) * SCOPE_RATE[activity.scope]
            activity.rate = rate * (0.3 if kind == "incident" else 1)
            plan.activities.append(activity)
        set_statuses(rng, plan, today)


def set_statuses(rng: random.Random, plan: PeriodPlan, today: datetime.date) -> None:
    """Statuses by where the period stands in time; those of activities without a target vary."""
    if not plan.published or plan.start > today:
        weights = {"planned": 80, "ongoing": 20}
    elif plan.end < today:
        weights = {"done": 70, "ongoing": 10, "cancelled": 15, "planned": 5}
    else:
        weights = {"ongoing": 55, "planned": 15, "done": 22, "cancelled": 8}
    for activity in plan.activities:
        if activity.scope == "":
            activity.status = _pick(rng, weights)
            if activity.status == ActivityStatus.CANCELLED:
                activity.reason = rng.choice(CANCEL_REASONS)
        elif plan.published and plan.start <= today:
            activity.status = ActivityStatus.DONE if plan.end < today else ActivityStatus.ONGOING


def last_log_day(plan: PeriodPlan, today: datetime.date) -> datetime.date:
    """Logs run up to yesterday: nothing is dated after today, nor created after now."""
    return min(plan.end, today - ONE_DAY)


def allocate_logs(plans: list[PeriodPlan], total: int, today: datetime.date) -> float:
    """Share exactly `total` logs among activities by rate × years logged, capped per activity.

    Returns the logs per unit of rate and year, for the targets of periods without logs yet.
    """
    weights = {}
    for plan in plans:
        days = (last_log_day(plan, today) - plan.start).days + 1 if plan.published else 0
        for a in plan.activities:
            share = 0.2 if a.status == ActivityStatus.CANCELLED else 1
            if days > 0 and not (a.scope == "" and a.status == ActivityStatus.PLANNED):
                weights[id(a)] = (a, a.rate * days / 365.25 * share)
    if not weights or total <= 0:
        return 1.0
    cap = max(MAX_LOGS_PER_ACTIVITY, math.ceil(2 * total / len(weights)))
    free, remaining, shares = list(weights.values()), total, {}
    while True:
        factor = remaining / sum(weight for _a, weight in free)
        capped = [(a, weight) for a, weight in free if weight * factor > cap]
        if not capped:
            shares |= {id(a): weight * factor for a, weight in free}
            break
        shares |= {id(a): cap for a, _weight in capped}
        remaining -= cap * len(capped)
        free = [(a, weight) for a, weight in free if weight * factor <= cap]
    for a, _weight in weights.values():
        a.count = int(shares[id(a)])
    # The largest remainders take the logs left by rounding down.
    by_remainder = sorted(weights.values(), key=lambda item: item[0].count - shares[id(item[0])])
    for a, _weight in by_remainder[: total - sum(a.count for a, _w in weights.values())]:
        a.count += 1
    return factor


def set_targets(rng: random.Random, plan: PeriodPlan, today: datetime.date, per_rate: float):
    """Target values that fit what gets logged, so that pace varies around the target."""
    period_days = (plan.end - plan.start).days + 1
    logged_days = (last_log_day(plan, today) - plan.start).days + 1
    for a in plan.activities:
        if a.scope == "":
            continue
        if a.count and logged_days >= period_days / 10:
            expected = a.count * MEAN_QUANTITY * period_days / logged_days
        else:
            expected = a.rate * per_rate * MEAN_QUANTITY * period_days / 365.25
        units = max(1.0, period_days / SCOPE_DAYS.get(a.scope, period_days))
        low, high = (1.0, 1.6) if a.comparator == Comparator.AT_MOST else (0.6, 1.3)
        a.value = max(2, round(expected / units * rng.uniform(low, high)))


def describe(rng: random.Random, a: ActivityPlan) -> str:
    """The activity as its document states it: "Polisen ska genomföra minst femton …"."""
    text, subject = a.text, a.other or SUBJECT_SV[a.responsible]
    if a.scope == "":
        return f"{subject} ska {text.verb} {text.unit} {text.detail}."
    words = a.value < len(NUMBER_WORDS) and rng.random() < 0.6
    number = COMPARATOR_SV[a.comparator] + (NUMBER_WORDS[a.value] if words else str(a.value))
    if text.verb == "!":
        return f"Antalet {text.unit} {text.detail} ska vara {number} {SCOPE_SV[a.scope]}."
    average = "i snitt " if a.scope in AVERAGES else ""
    scope = SCOPE_SV[a.scope]
    return f"{subject} ska {average}{text.verb} {number} {text.unit} {scope} {text.detail}."


# --- Writing ----------------------------------------------------------------------------------


def police_areas(rng: random.Random, municipalities: list[Municipality]) -> dict:
    """Malmö's two district areas, and an area of its own for about one municipality in ten."""
    wanted = {name: m for m in municipalities if m.code == MALMO for _d, name in DISTRICTS}
    wanted |= {m.name: m for m in municipalities if rng.random() < 0.1}
    areas = {}
    for key, municipality in wanted.items():
        name = f"Lokalpolisområde {key}"
        region = municipality.county.police_region
        areas[key], _created = LocalPoliceArea.objects.get_or_create(
            name=name, defaults={"slug": ascii_slug(name), "police_region": region}
        )
        areas[key].municipalities.add(municipality)
    return areas


def write_structure(rng: random.Random, plans: list[PeriodPlan]) -> None:
    """Periods, promises and themes, signatories, lifecycle steps, extensions and activities."""
    for plan in plans:
        person = _person(rng)
        plan.obj = PromisePeriod(
            municipality=plan.municipality,
            area_name=plan.area,
            local_police_area=plan.police_area,
            slug=plan.slug,
            start_date=plan.start,
            end_date=plan.end,
            state=plan.state,
            situation=rng.choice(SITUATIONS).format(ort=plan.place),
            background=BACKGROUND.format(org=organisation(plan.municipality)),
            follow_up_text=rng.choice(FOLLOW_UPS),
            contact_name=person,
            contact_title=rng.choice(("Trygghetssamordnare", "Säkerhetssamordnare")),
            contact_email=f"{ascii_slug(person)}@{plan.municipality.slug}.example.se",
            contact_is_public=rng.random() < 0.6,
            decision_body=plan.body,
            decision_date=plan.decided,
            decision_reference=plan.reference,
            signed_date=plan.signed,
            # The day of its close step, as the lifecycle records it.
            closed_date=next((day for _a, to, day, _c in plan.steps if to == CLOSED), None),
            consultation_round=plan.rounds,
        )
    PromisePeriod.objects.bulk_create([plan.obj for plan in plans], batch_size=BATCH)

    themes = Theme.objects.in_bulk(field_name="slug")
    theme_rows, signatories, steps, extensions = [], [], [], []
    for plan in plans:
        for position, text in enumerate(plan.promises, start=1):
            title = text.title.format(ort=plan.place)
            plan.promise_objs.append(
                Promise(
                    period=plan.obj, position=position, title=title, description=text.description
                )
            )
        if plan.published:
            police = plan.police_area.name if plan.police_area else f"Polisen, {plan.place}"
            chair = _pick(
                rng, {"Kommunstyrelsens ordförande": 6, "Kommunalråd": 2, "Kommundirektör": 2}
            )
            people = [(chair, organisation(plan.municipality)), ("Lokalpolisområdeschef", police)]
            if rng.random() < 0.1:
                people.append(("Räddningschef", "Räddningstjänsten"))
            signatories += [
                Signatory(period=plan.obj, position=i, name=_person(rng), title=t, organisation=o)
                for i, (t, o) in enumerate(people, start=1)
            ]
        steps += [
            PeriodTransition(
                period=plan.obj, from_state=a, to_state=b, at=_at(day, 9 + i), comment=c
            )
            for i, (a, b, day, c) in enumerate(plan.steps)
        ]
        if plan.extension:
            previous, decided = plan.extension
            extensions.append(
                Extension(
                    period=plan.obj,
                    previous_end_date=previous,
                    new_end_date=plan.end,
                    decision_body=plan.body,
                    decision_date=decided,
                    decision_reference=f"{plan.reference[:2]} {decided.year}/{rng.randint(9, 99)}",
                    created_at=_at(decided, 15),
                )
            )
    promises = [promise for plan in plans for promise in plan.promise_objs]
    Promise.objects.bulk_create(promises, batch_size=BATCH)
    for plan in plans:
        for text, promise in zip(plan.promises, plan.promise_objs, strict=True):
            theme_rows += [
                Promise.themes.through(promise_id=promise.pk, theme_id=themes[THEMES[code]].pk)
                for code in text.themes
            ]
    Promise.themes.through.objects.bulk_create(theme_rows, batch_size=BATCH)
    Signatory.objects.bulk_create(signatories, batch_size=BATCH)
    PeriodTransition.objects.bulk_create(steps, batch_size=BATCH)
    Extension.objects.bulk_create(extensions, batch_size=BATCH)

    for plan in plans:
        for a in plan.activities:
            a.obj = Activity(
                period=plan.obj,
                position=a.position,
                title=a.text.title,
                description=describe(rng, a),
                responsible=a.responsible,
                responsible_other=a.other,
                partners=a.partners,
                target_comparator=a.comparator,
                target_value=a.value,
                target_unit=a.text.unit if a.scope else "",
                target_unit_singular=UNIT_SINGULAR[a.text.unit] if a.scope else "",
                target_scope=a.scope,
                status=a.status,
                status_reason=a.reason,
            )
    activities = [a for plan in plans for a in plan.activities]
    Activity.objects.bulk_create([a.obj for a in activities], batch_size=BATCH)
    Activity.promises.through.objects.bulk_create(
        [
            Activity.promises.through(activity_id=a.obj.pk, promise_id=plan.promise_objs[i - 1].pk)
            for plan in plans
            for a in plan.activities
            for i in a.promises
        ],
        batch_size=BATCH,
    )


# --- Logs -------------------------------------------------------------------------------------

LOG_FIELDS = ["activity_id", "date", "quantity", "place", "summary", "internal_note"]
LOG_FIELDS += ["created_at", "withdrawn_at", "withdrawal_reason"]


def activity_logs(rng: random.Random, a: ActivityPlan, start, last, places) -> list[tuple]:
    """The rows (LOG_FIELDS) of an activity's logs, in date order, dated from start to last."""
    first, days, last_ordinal = start.toordinal(), (last - start).days + 1, last.toordinal()
    ordinals = []
    for _ in range(a.count):
        day = first + int(rng.random() * days)
        if (day - 1) % 7 >= 5 and rng.random() < 0.5:  # Weekends are quieter.
            day = first + int(rng.random() * days)
        ordinals.append(day)
    ordinals.sort()
    rows, rand = [], rng.random
    for day in ordinals:
        r = rand()
        quantity = 1 if r < 0.9 else rng.randint(2, 4) if r < 0.99 else rng.randint(5, 25)
        place = rng.choice(places) if rand() < 0.35 else ""
        summary = rng.choice(SUMMARIES) if rand() < 0.25 else ""
        note = rng.choice(NOTES) if rand() < 0.04 else ""
        created = day if rand() < 0.85 else min(day + rng.randint(1, 4), last_ordinal)
        created_at = _at(D.fromordinal(created), rng.randint(7, 21), rng.randint(0, 59))
        withdrawn_at, reason = None, ""
        if rand() < 0.006:
            withdrawn_at = created_at + datetime.timedelta(hours=rng.randint(1, 96))
            if withdrawn_at.date() > last:
                withdrawn_at = created_at + datetime.timedelta(hours=1)
            reason = rng.choice(WITHDRAWALS)
        row = (a.obj.pk, D.fromordinal(day), quantity, place, summary, note, created_at)
        rows.append((*row, withdrawn_at, reason))
    return rows


class Tally:
    """Counted quantities of one activity's logs by date, for reports and assessments."""

    def __init__(self, rows: list[tuple]) -> None:
        self.dates = [row[1] for row in rows]
        self.sums = [0, *accumulate(0 if row[7] else row[2] for row in rows)]

    def done(self, start: datetime.date, end: datetime.date) -> int:
        return self.sums[bisect_right(self.dates, end)] - self.sums[bisect_left(self.dates, start)]


NO_LOGS = Tally([])


def copy_logs(rows: Iterator[tuple]) -> None:
    """PostgreSQL: stream the rows through COPY, several times faster than INSERTs."""
    table = connection.ops.quote_name(ActivityLog._meta.db_table)
    sql = f"COPY {table} ({', '.join(LOG_FIELDS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def bulk_create_logs(rows: Iterator[tuple]) -> None:
    """Other databases: bulk_create in batches, keeping the rows' creation times."""
    created_at = ActivityLog._meta.get_field("created_at")
    # auto_now_add would stamp every log with the moment of loading; off for the while.
    created_at.auto_now_add = False
    try:
        batch = []
        for row in rows:
            batch.append(ActivityLog(**dict(zip(LOG_FIELDS, row, strict=True))))
            if len(batch) == BATCH:
                ActivityLog.objects.bulk_create(batch)
                batch = []
        ActivityLog.objects.bulk_create(batch)
    finally:
        created_at.auto_now_add = True


# --- Follow-up --------------------------------------------------------------------------------


def assess(plan: PeriodPlan, tallies: dict, promise: int, as_of: datetime.date):
    """A promise's rating at `as_of` from the pace of its activities with a target."""
    period_days = (plan.end - plan.start).days + 1
    share = min(1.0, ((as_of - plan.start).days + 1) / period_days)
    paced = [a for a in plan.activities if a.scope and promise in a.promises]
    if not paced:
        return Rating.NOT_ASSESSED, "Löftet följs upp genom aktiviteter utan numeriska mål."
    good = 0
    for a in paced:
        done = tallies.get(a.position, NO_LOGS).done(plan.start, as_of)
        expected = a.value * max(1.0, period_days / SCOPE_DAYS.get(a.scope, period_days)) * share
        good += done <= expected if a.comparator == Comparator.AT_MOST else done >= 0.9 * expected
    rating = (
        Rating.ON_TRACK if good == len(paced) else Rating.PARTLY if good else Rating.NOT_ON_TRACK
    )
    return rating, f"{good} av {len(paced)} aktiviteter med mål i fas den {swedish_date(as_of)}."


def swedish_date(day: datetime.date) -> str:
    """A date as the public pages write it (`|date:"j F Y"` in Swedish): "4 december 2026"."""
    with translation.override("sv"):
        return dateformat.format(day, "j F Y")


def swedish_number(number: int) -> str:
    """A whole number with Swedish digit grouping, as the pages write it: "5 414"."""
    with translation.override("sv"):
        return number_format(number, force_grouping=True)


def report_body(plan: PeriodPlan, tallies: dict, start, end) -> str:
    """What each activity achieved from start to end, against its target or with its status."""
    period = join_range(swedish_date(start), swedish_date(end))
    lines = [f"Redovisning av medborgarlöftet för {plan.place}, {period}.", ""]
    for a in plan.activities:
        done = tallies.get(a.position, NO_LOGS).done(start, end)
        if a.scope:
            average = "i snitt " if a.scope in AVERAGES else ""
            value = swedish_number(a.value)
            target = f"{average}{COMPARATOR_SV[a.comparator]}{value} {SCOPE_SV[a.scope]}"
            unit = UNIT_SINGULAR[a.text.unit] if done == 1 else a.text.unit
            lines.append(f"- {a.text.title}: {swedish_number(done)} {unit} (mål: {target}).")
        else:
            done_text = f"{swedish_number(done)} registrerade" if done != 1 else "1 registrerad"
            lines.append(f"- {a.text.title}: {STATUS_SV[a.status]}, {done_text}.")
    return "\n".join([*lines, "", "Siffrorna bygger på de registrerade aktiviteterna."])


# How far ahead a period in force has its meetings planned.
PLANNED_AHEAD = datetime.timedelta(days=120)


class Meeting(NamedTuple):
    plan: "PeriodPlan"
    kind: str
    day: datetime.date
    summary: str
    as_of: datetime.date | None  # the day its assessments look back from; None: no assessing
    status: str = MeetingStatus.HELD
    time: datetime.time | None = None
    forum: str = ""


def outcomes(seed: int, plan: PeriodPlan, today: datetime.date) -> list[tuple]:
    """Some promises of a started period are followed by an outcome indicator: (promise,
    indicator, its measurements), a baseline before the start and one measurement a year."""
    rng = random.Random(f"{seed}:{plan.key}:outcomes")
    found = []
    for promise in plan.promise_objs:
        if rng.random() >= 0.35:
            continue
        name, unit, source, direction, (low, high) = rng.choice(INDICATORS)
        value = rng.randint(low, high)
        baseline_date = plan.start - _days(rng, 30, 120)
        indicator = OutcomeIndicator(
            promise=promise, name=name, unit=unit, source=source,
            direction=Direction(direction), baseline_value=value, baseline_date=baseline_date,
        )  # fmt: skip
        measurements, day = [], baseline_date
        while True:
            day = add_months(day, 12)
            if day > min(today, plan.end + datetime.timedelta(days=180)):
                break
            step = rng.choice((-3, -2, -1, 0, 1, 2, 3, 4)) * (1 if direction == "higher" else -1)
            value = max(0, value + step if unit == "%" else round(value * (1 + step / 20)))
            value = min(value, 100) if unit == "%" else value
            note = f"{source} {day.year}"
            measurements.append(OutcomeMeasurement(date=day, value=value, source_note=note))
        found.append((indicator, measurements))
    return found


def write_outcomes(seed: int, plans: list[PeriodPlan], today: datetime.date) -> None:
    """The outcome indicators and measurements of the started published periods."""
    found = [
        item for plan in plans if plan.published and plan.start <= today
        for item in outcomes(seed, plan, today)
    ]  # fmt: skip
    OutcomeIndicator.objects.bulk_create([indicator for indicator, _ in found], batch_size=BATCH)
    for indicator, measurements in found:
        for measurement in measurements:
            measurement.indicator = indicator
    rows = [measurement for _, measurements in found for measurement in measurements]
    OutcomeMeasurement.objects.bulk_create(rows, batch_size=BATCH)


def follow_ups(rng: random.Random, plan: PeriodPlan, tallies: dict, today: datetime.date):
    """Meetings (plan, kind, date, summary, assessed as of) and reports of a started period."""
    start, end, place = plan.start, plan.end, plan.place
    horizon, meetings, reports = min(end + datetime.timedelta(days=45), today), [], []
    tertial_ends = [
        day
        for year in range(start.year, end.year + 1)
        for day in (D(year, 4, 30), D(year, 8, 31), D(year, 12, 31))
        if start + datetime.timedelta(days=60) <= day <= end
    ]
    style = _pick(rng, {"tertial": 50, "monthly": 20, "annual": 30})

    coming = random.Random(repr(rng.getstate()))  # draws of its own: the held stay

    def meeting(kind, day, summary, as_of=None):
        if day <= horizon:
            meetings.append(Meeting(plan, kind, day, summary, as_of))
        elif today < day <= min(end, today + PLANNED_AHEAD) and coming.random() < 0.7:
            # A meeting of a period in force still to come: planned, with a time and a place.
            time_of_day = datetime.time(coming.choice((9, 13, 15, 18)), coming.choice((0, 30)))
            forum = coming.choice(FORUMS)
            meetings.append(
                Meeting(plan, kind, day, "", None, MeetingStatus.PLANNED, time_of_day, forum)
            )

    def report(kind, title, covers_from, covers_to, published):
        if published <= today or rng.random() < 0.3:  # Some are being written.
            body = report_body(plan, tallies, covers_from, covers_to)
            covers = {"covers_from": covers_from, "covers_to": covers_to}
            obj = Report(period=plan.obj, kind=kind, title=title, body=body, **covers)
            obj.published_on = published if published <= today else None
            reports.append(obj)

    if style == "tertial":
        for day in tertial_ends:
            summary = f"Tertialuppföljning till och med {swedish_date(day)}."
            meeting(MeetingKind.TERTIAL, day + _days(rng, 7, 28), summary, as_of=day)
            title = f"Tertialredovisning {(day.month + 3) // 4} {day.year}, {place}"
            covers = max(start, D(day.year, day.month - 3, 1))
            report(ReportKind.TERTIAL, title, covers, day, day + _days(rng, 15, 45))
    elif style == "monthly":
        month = start.replace(day=1)
        while month <= horizon:
            summary = (
                "Månadsmöte: genomgång av registrerade aktiviteter." if rng.random() < 0.5 else ""
            )
            meeting(MeetingKind.MONTHLY, month + _days(rng, 7, 13), summary)
            month = add_months(month, 1)
    year_end = add_months(start, 12) - ONE_DAY
    while year_end <= end + datetime.timedelta(days=30):
        summary = "Årlig översyn av löften och aktiviteter utifrån en uppdaterad lägesbild."
        as_of = min(year_end, end)
        meeting(MeetingKind.ANNUAL_REVIEW, year_end - _days(rng, 0, 25), summary, as_of=as_of)
        year_end = add_months(year_end + ONE_DAY, 12) - ONE_DAY
    for _ in range(rng.randint(0, 3)):
        summary = "Samverkansmöte mellan kommunen och Polisen."
        meeting(MeetingKind.COLLABORATION, start + _days(rng, 0, (end - start).days), summary)
    if rng.random() < 0.4:
        summary = f"Medborgardialog om tryggheten i {place}."
        meeting(MeetingKind.CITIZEN_DIALOGUE, start + _days(rng, 30, (end - start).days), summary)

    for year in range(start.year, end.year + 1):
        last = D(year, 12, 31)
        if (last - start).days > 60 and (last < end or plan.state != CLOSED and last == end):
            published = D(year + 1, 1, 1) + _days(rng, 20, 80)
            title = f"Årsuppföljning {year}, {place}"
            report(ReportKind.YEAR_END, title, max(start, D(year, 1, 1)), last, published)
    if plan.state == CLOSED:
        title = f"Slutredovisning {plan.obj.period_label}, {place}"
        report(ReportKind.FINAL, title, start, end, end + _days(rng, 20, 70))
    return meetings, reports


def write_follow_ups(rng: random.Random, meetings: list, tallies: dict, reports: list) -> None:
    """Meetings, the assessment of each promise at those that assess, and reports."""
    objs = [
        FollowUpMeeting(
            period=m.plan.obj,
            kind=m.kind,
            status=m.status,
            date=m.day,
            time=m.time,
            forum=m.forum,
            public_summary=m.summary,
            internal_minutes=rng.choice(MINUTES) if m.status == MeetingStatus.HELD else "",
        )
        for m in meetings
    ]
    FollowUpMeeting.objects.bulk_create(objs, batch_size=BATCH)
    assessments = [
        Assessment(meeting=obj, promise=promise, rating=rating, comment=comment)
        for obj, m in zip(objs, meetings, strict=True)
        if m.as_of is not None
        for position, promise in enumerate(m.plan.promise_objs, start=1)
        for rating, comment in [assess(m.plan, tallies[m.plan.key], position, m.as_of)]
    ]
    Assessment.objects.bulk_create(assessments, batch_size=BATCH)
    Report.objects.bulk_create(reports, batch_size=BATCH)


# --- The whole dataset ------------------------------------------------------------------------


class NonEmptyDatabase(Exception):
    """The database already holds promise periods."""


def covered(rng: random.Random, scale: float) -> list[Municipality]:
    """round(290 × scale) municipalities, at least one, always with Malmö, by code."""
    everyone = list(Municipality.objects.select_related("county__police_region").order_by("code"))
    count = min(len(everyone), max(1, round(len(everyone) * scale)))
    malmo = [m for m in everyone if m.code == MALMO]
    others = [m for m in everyone if m.code != MALMO]
    return sorted(malmo + rng.sample(others, count - len(malmo)), key=lambda m: m.code)


def log_rows(seed, plans, today, tallies, follow_up: Callable, progress: Callable) -> Iterator:
    """Every log row, period by period; then each started period's follow-ups get planned."""
    written = 0
    for plan in plans:
        tallies[plan.key] = {}
        places, last = (f"{plan.place} centrum", *PLACES), last_log_day(plan, today)
        for a in plan.activities:
            if a.count:
                rng = random.Random(f"{seed}:{plan.key}:{a.position}")
                rows = activity_logs(rng, a, plan.start, last, places)
                tallies[plan.key][a.position] = Tally(rows)
                yield from rows
                written += len(rows)
                if written // 100_000 > (written - len(rows)) // 100_000:
                    progress(f"  {written} logs")
        if plan.published and plan.start <= today:
            follow_up(
                follow_ups(random.Random(f"{seed}:{plan.key}"), plan, tallies[plan.key], today)
            )


def build_national(
    *, seed: int, logs: int, scale: float, today: datetime.date, say: Callable = print
) -> dict:
    """Plan the dataset and write it into a database without periods, in one transaction.

    Returns what the database then holds, as counted there.
    """
    began = time.monotonic()

    def progress(message: str) -> None:
        say(f"{message} ({time.monotonic() - began:.1f} s)")

    if PromisePeriod.objects.exists():
        raise NonEmptyDatabase
    rng = random.Random(seed)
    with transaction.atomic():
        municipalities = covered(rng, scale)
        areas = police_areas(rng, municipalities)
        plans = plan_periods(rng, municipalities, areas, today)
        plan_content(rng, plans, today)
        per_rate = allocate_logs(plans, logs, today)
        for plan in plans:
            set_targets(rng, plan, today, per_rate)
        write_structure(rng, plans)
        progress(f"{len(plans)} periods of {len(municipalities)} municipalities written")
        meetings, reports, tallies = [], [], {}

        def follow_up(found: tuple[list, list]) -> None:
            meetings.extend(found[0])
            reports.extend(found[1])

        rows = log_rows(seed, plans, today, tallies, follow_up, progress)
        (copy_logs if connection.vendor == "postgresql" else bulk_create_logs)(rows)
        progress(f"{logs} logs written")
        write_follow_ups(rng, meetings, tallies, reports)
        write_outcomes(seed, plans, today)
        progress("Follow-up meetings, assessments, reports and outcome indicators written")
        after_bulk_load()
    # Most of the commit's time goes to the deferred foreign key checks of the logs.
    progress("Committed")
    return {
        "municipalities": len(municipalities),
        "periods": dict(
            PromisePeriod.objects.values_list("state").annotate(Count("pk")).order_by()
        ),
        "promises": Promise.objects.count(),
        "activities": Activity.objects.count(),
        "logs": ActivityLog.objects.count(),
        "withdrawn logs": ActivityLog.objects.filter(withdrawn_at__isnull=False).count(),
        "meetings": FollowUpMeeting.objects.count(),
        "assessments": Assessment.objects.count(),
        "reports": Report.objects.count(),
        "outcome indicators": OutcomeIndicator.objects.count(),
        "outcome measurements": OutcomeMeasurement.objects.count(),
        "seconds": round(time.monotonic() - began, 1),
    }
