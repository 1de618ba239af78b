"""Vetlanda: the signed document of 2020–2021, closed, and a draft for 2026–2027."""

from decimal import Decimal

from activities.models import ActivityStatus
from activities.progress import Scope
from followups.demo.builder import (
    AT_LEAST,
    JOINT,
    MUNICIPALITY,
    POLICE,
    ActivitySpec,
    Builder,
    D,
    spread,
)
from followups.demo.people import HOGLANDET
from followups.demo.texts import (
    DRUG_NOTES,
    DRUG_SUMMARIES,
    TRAFFIC_CHECK_NOTES,
    TRAFFIC_CHECK_SUMMARIES,
)
from followups.models import MeetingKind, ReportKind
from promises import outcomes
from promises.lifecycle import Action
from promises.models import Direction

# --- 1. Vetlanda 2020–2021, from the signed document -------------------------------------------

VETLANDA_BACKGROUND = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av lägesbilden \
formulerar Vetlanda kommun och Polisen medborgarlöften, som börjar gälla från och med \
undertecknandet. Dessa medborgarlöften gäller i två år.

Samverkan mellan polis och kommun är en nödvändighet för att kunna arbeta effektivt med det \
brottsförebyggande och trygghetsskapande arbetet. Medborgarlöften är en utveckling av dagens \
samverkansöverenskommelser och är en del av Polismyndighetens styrmodell. Den lokala lägesbilden \
ska vara utgångspunkt för de mål som Polisen ska arbeta med.

Löftena handlar om vilka områden polis och kommun ska lägga fokus på i det förebyggande arbetet \
under aktuell period. Till löftena kopplas konkreta aktiviteter som kommun och polis tillsammans \
kommit överens om att genomföra för att öka tryggheten och minska brottsligheten.

Medborgarlöften fokuserar på den lokala lägesbilden och på sådant som de som bor och verkar i ett \
område upplever som viktigast för att känna sig trygga och säkra. Löftena har bland annat tagits \
fram i dialog med medborgare och medarbetare."""

VETLANDA_SITUATION = """\
Erfarenheter från medarbetare, underrättelsebilder, medborgarundersökningen och information som \
kommer till företrädare för Vetlanda kommun visar att delar av tätorten upplevs som stökiga och \
otrygga, främst beroende på att felaktiga trafikbeteenden förekommer.

Det finns tecken på att narkotikaanvändningen ökar bland unga, både lokalt och nationellt."""

VETLANDA_FOLLOW_UP = """\
Medborgarlöftena kommer att följas upp kontinuerligt och presenteras på Polisens webbplats, \
polisen.se. Efter en årlig översyn kan löftena komma att revideras och anpassas till en \
förändrad lägesbild."""

VETLANDA_PROMISES = (
    ("Öka trafiksäkerheten genom att motverka felaktiga trafikbeteenden", "", ("trafik",)),
    (
        "Öka upptäckten av narkotikabruk, främst hos unga, med syfte att minska bruket av "
        "narkotika",
        "",
        ("narkotika", "unga"),
    ),
)

VETLANDA_ACTIVITIES = (
    ActivitySpec(
        "EST – effektiv samordning för trygghet",
        "Kommunen ska tillsammans med Polisen och andra aktörer i kommunen implementera och börja "
        "använda den brottsförebyggande arbetsmetoden EST, effektiv samordning för trygghet.",
        JOINT,
        (1, 2),
    ),
    ActivitySpec(
        "Trafikkontroller",
        "Polisen ska genomföra minst femton trafikkontroller med inriktning på trafikbeteenden.",
        POLICE,
        (1,),
        (AT_LEAST, 15, "trafikkontroller", Scope.PERIOD),
    ),
    ActivitySpec(
        "Flygande inspektioner",
        "Polisen ska vid minst femton tillfällen genomföra flygande inspektioner av fordon.",
        POLICE,
        (1,),
        (AT_LEAST, 15, "flygande inspektioner", Scope.PERIOD),
    ),
    ActivitySpec(
        "Hastighetsdämpande och trafikfrämjande åtgärder",
        "Kommunen ska under perioden presentera minst två hastighetsdämpande eller på annat sätt "
        "trafikfrämjande åtgärder för nämnd och/eller fullmäktige.",
        MUNICIPALITY,
        (1,),
        (AT_LEAST, 2, "hastighetsdämpande eller trafikfrämjande åtgärder", Scope.PERIOD),
    ),
    ActivitySpec(
        "Riktade narkotikainsatser bland unga",
        "Polisen ska genomföra minst femton riktade insatser för att upptäcka fler narkotikabrott "
        "bland unga.",
        POLICE,
        (2,),
        (AT_LEAST, 15, "riktade insatser", Scope.PERIOD),
    ),
    ActivitySpec(
        "Informationsinsatser kring risktillfällen",
        "Kommunen ska genomföra informationsinsatser och sprida nationella kampanjer riktade till "
        "föräldrar, syskon och unga vuxna kring årliga risktillfällen såsom skolavslutningar, "
        "student, valborg, midsommar, jul och nyår, med syfte att motverka langning av alkohol "
        "och tobak.",
        MUNICIPALITY,
        (2,),
    ),
    ActivitySpec(
        "Samverkansmöten",
        "Under åren genomföra minst två samverkansmöten om de pågående aktiviteterna.",
        JOINT,
        (1, 2),
        (AT_LEAST, 2, "samverkansmöten", Scope.PERIOD),
    ),
)

VETLANDA_TRAFFIC_PLACES = (
    "Storgatan",
    "Stora torget",
    "Riksväg 31 vid Holsbybrunn",
    "Resecentrum",
    "Ekenässjön",
    "Korsberga",
)
VETLANDA_CENTRE_PLACES = ("Stora torget", "Resecentrum", "Storgatan", "Folkets park", "Ädelfors")


def vetlanda_2020_2021(b: Builder) -> None:
    start, end = D(2020, 1, 15), D(2021, 12, 31)
    period = b.start_period(
        "Vetlanda",
        "2020-2021",
        HOGLANDET,
        D(2019, 9, 16),
        start_date=start,
        end_date=end,
        situation=VETLANDA_SITUATION,
        background=VETLANDA_BACKGROUND,
        follow_up_text=VETLANDA_FOLLOW_UP,
    )
    if period is None:
        return
    b.add_promises(*VETLANDA_PROMISES)
    est, checks, inspections, measures, drugs, information, meetings = b.add_activities(
        VETLANDA_ACTIVITIES, ActivityStatus.DONE
    )
    b.step(Action.SUBMIT, D(2019, 11, 4), comment="Skickat på samråd till KLG.")
    b.approve(D(2019, 12, 2), "Tillstyrkt av KLG.")
    b.decide(
        D(2019, 12, 11),
        "Kommunstyrelsen beslutade att anta medborgarlöftena (KS 2019/412).",
        ("Kommunstyrelsen", "KS 2019/412"),
    )
    b.sign(
        start,
        "Undertecknat av kommunstyrelsens ordförande och lokalpolisområdeschefen.",
        ("Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
        ("Jonas Lindell", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
    )
    rng = b.rng

    for day, summary in (
        (D(2020, 3, 10), "Utbildning i EST för kommunens förvaltningar och Polisen."),
        (D(2020, 9, 22), "Den första gemensamma lägesbilden enligt EST togs fram."),
        (D(2021, 4, 13), "EST-gruppen tog fram en uppdaterad lägesbild för tätorten."),
    ):
        b.log(est, day, "Stadshuset", summary)
    for day in spread(rng, start, end, 17):
        place = rng.choice(VETLANDA_TRAFFIC_PLACES)
        summary = rng.choice(TRAFFIC_CHECK_SUMMARIES)
        b.log(checks, day, place, summary, note=b.note(TRAFFIC_CHECK_NOTES))
    for day in spread(rng, start, end, 12):
        summary = rng.choice(
            (
                "Flygande inspektion av tunga fordon.",
                "Flygande inspektion av fordon tillsammans med bilinspektör.",
                "Flygande inspektion av mopeder och A-traktorer.",
                "Flygande inspektion av personbilar med fokus på däck och belysning.",
            )
        )
        note = b.note(("Tre fordon fick körförbud.", "Två fordon kallades till efterkontroll."))
        b.log(inspections, day, rng.choice(VETLANDA_TRAFFIC_PLACES), summary, note=note)
    for day, summary in (
        (
            D(2020, 10, 13),
            "Förslag om farthinder och upphöjda övergångsställen på Storgatan presenterat för "
            "tekniska nämnden.",
        ),
        (
            D(2021, 3, 22),
            "Förslag om sänkt hastighet till 40 km/tim inom tätorten presenterat för "
            "kommunfullmäktige.",
        ),
        (
            D(2021, 9, 14),
            "Förslag om en ny gång- och cykelpassage vid Resecentrum presenterat för tekniska "
            "nämnden.",
        ),
    ):
        b.log(measures, day, "Stadshuset", summary)
    for day in spread(rng, start, end, 18):
        place = rng.choice(VETLANDA_CENTRE_PLACES)
        b.log(drugs, day, place, rng.choice(DRUG_SUMMARIES), note=b.note(DRUG_NOTES))
    for year in (2020, 2021):
        for day, place, summary in (
            (
                D(year, 4, 23),
                "Grundskolor och gymnasiet",
                "Brev till vårdnadshavare inför valborg om langning av alkohol till unga.",
            ),
            (
                D(year, 6, 3),
                "Kommunens webbplats och sociala medier",
                "Den nationella kampanjen mot langning spreds inför studenten och "
                "skolavslutningen.",
            ),
            (
                D(year, 6, 17),
                "Stora torget",
                "Informationsinsats inför midsommar riktad till föräldrar och unga vuxna.",
            ),
            (
                D(year, 12, 15),
                "Kommunens webbplats och sociala medier",
                "Information till föräldrar inför jul och nyår om riskerna med alkohol och tobak.",
            ),
        ):
            b.log(information, day, place, summary)
    review_day, collaboration_day = D(2020, 12, 9), D(2021, 6, 10)
    b.log(meetings, review_day, "Stadshuset", "Samverkansmöte med årlig översyn av löftena.")
    b.log(meetings, collaboration_day, "Stadshuset", "Samverkansmöte om de pågående aktiviteterna.")

    b.meeting(
        MeetingKind.ANNUAL_REVIEW,
        review_day,
        "Årlig översyn av medborgarlöftena. Trafikkontrollerna och de riktade "
        "narkotikainsatserna genomförs enligt plan. De flygande inspektionerna ligger efter plan, "
        "bland annat på grund av pandemin. Löftena ligger fast för 2021 utan revidering.",
        "Deltagare: kommunpolis, trygghetssamordnare och representanter för tekniska "
        "förvaltningen och socialförvaltningen. Fler flygande inspektioner planeras under våren "
        "2021 tillsammans med bilinspektör. EST-arbetet är igång med en första gemensam "
        "lägesbild.",
    )
    b.meeting(
        MeetingKind.COLLABORATION,
        collaboration_day,
        "Samverkansmöte om de pågående aktiviteterna. Informationsinsatserna inför valborg och "
        "studenten har genomförts, och två förslag om trafikfrämjande åtgärder har presenterats "
        "för nämnd och fullmäktige.",
        "De flygande inspektionerna ligger fortsatt efter plan. Polisen prioriterar dem under "
        "hösten, men det är osäkert om målet nås.",
    )
    b.report(
        ReportKind.FINAL,
        "Slutredovisning: medborgarlöftet i Vetlanda 2020–2021",
        (start, end),
        D(2022, 2, 15),
        "Medborgarlöftet i Vetlanda kommun gällde från undertecknandet den 15 januari 2020 till "
        "och med den 31 december 2021. Polisen och kommunen lovade att öka trafiksäkerheten "
        "genom att motverka felaktiga trafikbeteenden och att öka upptäckten av narkotikabruk, "
        "främst hos unga. Så här gick det:",
        "Målet för flygande inspektioner nåddes inte, främst på grund av ändrade prioriteringar "
        "under pandemin. Övriga mål uppnåddes. Arbetsmetoden EST används nu i kommunens "
        "ordinarie brottsförebyggande arbete.",
    )
    traffic_problem(b)
    b.step(Action.CLOSE, D(2022, 2, 15), comment="Avslutat; slutredovisningen publicerad.")


def traffic_problem(b: Builder) -> None:
    """An outcome indicator of the traffic promise, with a baseline and three measurements.

    The values are made up for the demo, and the texts say so.
    """
    measurements = [
        (day, value, "Exempelvärde i demodata.")
        for day, value in (
            (D(2020, 10, 15), Decimal("36")),
            (D(2021, 10, 15), Decimal("33.5")),
            (D(2022, 1, 25), Decimal("31")),
        )
        if day <= b.today
    ]
    outcomes.add_indicator(
        b.promises[0],
        b.users["samordnare"],
        name="Andel som upplever trafiken i sitt bostadsområde som ett problem",
        unit="%",
        source="Trygghetsmätning (exempelvärden i demodata)",
        description="Andelen svarande som anger att trafiken i det egna bostadsområdet är ett "
        "ganska eller mycket stort problem. Värdena är påhittade för demon, inte verkliga "
        "mätresultat.",
        direction=Direction.LOWER,
        baseline_value=Decimal("38"),
        baseline_date=D(2019, 10, 15),
        measurements=measurements,
    )


# --- 5. Vetlanda 2026–2027, a draft that is never public ---------------------------------------


def vetlanda_2026_2027_draft(b: Builder) -> None:
    period = b.start_period(
        "Vetlanda",
        "2026-2027",
        HOGLANDET,
        D(2026, 10, 5),
        start_date=D(2026, 12, 15),
        end_date=D(2027, 12, 31),
        situation="UTKAST – lägesbild 2026. Medborgarundersökningen 2025 visar att otryggheten "
        "kring Resecentrum och Stora torget har ökat kvällstid. Felaktiga trafikbeteenden, "
        "särskilt buskörning på Storgatan, upplevs fortfarande som ett problem. Narkotikabrotten "
        "bland unga ligger kvar på en hög nivå. (Att komplettera med Polisens "
        "underrättelsebild.)",
        # Its own length: the 2020–2021 text's "gäller i två år" was read against a draft of
        # 15 December 2026 – 31 December 2027 (a tester).
        background=VETLANDA_BACKGROUND.replace(
            "Dessa medborgarlöften gäller i två år.",
            "Dessa medborgarlöften gäller till och med den 31 december 2027.",
        ),
        follow_up_text=VETLANDA_FOLLOW_UP,
        contact_name="Sara Holm",
        contact_title="Trygghetssamordnare",
        contact_email="trygghetssamordnare@example.org",
        contact_is_public=False,
    )
    if period is None:
        return
    b.add_promises(*VETLANDA_PROMISES)
    b.add_activities(VETLANDA_ACTIVITIES, ActivityStatus.PLANNED)
