"""The national dataset's words and weights: promises, activities, places, names and the decks
its plan draws from."""

import datetime
from typing import NamedTuple

from django.utils import dateformat, translation
from django.utils.formats import number_format

from activities.models import Responsible
from activities.progress import Comparator, Scope
from promises.models import (
    PeriodState,
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


def swedish_date(day: datetime.date) -> str:
    """A date as the public pages write it (`|date:"j F Y"` in Swedish): "4 december 2026"."""
    with translation.override("sv"):
        return dateformat.format(day, "j F Y")


def swedish_number(number: int) -> str:
    """A whole number with Swedish digit grouping, as the pages write it: "5 414"."""
    with translation.override("sv"):
        return number_format(number, force_grouping=True)
