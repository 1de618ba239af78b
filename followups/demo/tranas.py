"""Tranås 2023–2024, from the decision proposal of 2023, closed; texts shared with 2025–2026."""

from activities.models import ActivityStatus
from activities.progress import Scope
from followups.demo.builder import (
    AT_LEAST,
    JOINT,
    MUNICIPALITY,
    ONE_DAY,
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
    WALK_NOTES,
    WALK_SUMMARIES,
)
from followups.models import MeetingKind, ReportKind
from promises.lifecycle import Action

# --- 2. and 3. Tranås, from the decision proposal ----------------------------------------------

TRANAS_BACKGROUND = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av aktuell \
lägesbild formulerar Tranås kommun och Polisen tvååriga medborgarlöften som börjar gälla från och \
med undertecknandet.

Samverkan mellan polis och kommun är en nödvändighet för att det brottsförebyggande och \
trygghetsskapande arbetet ska kunna bedrivas effektivt. Medborgarlöften är en utveckling av \
dagens samverkansöverenskommelse och är en del av Polismyndighetens styrmodell.

Den lokala lägesbilden ska vara utgångspunkt för de mål som Polisen ska arbeta med. Löftena \
handlar om konkreta aktiviteter som kommunen och Polisen tillsammans kommit överens om för att \
öka tryggheten och minska brottsligheten. Medborgarlöften fokuserar på den lokala lägesbilden och \
på sådant som de som bor och verkar i ett område upplever som viktigast för att känna sig trygga \
och säkra.

Polismyndigheten tecknar medborgarlöften med i princip alla landets kommuner, och löftena \
anpassas till lokala förutsättningar. Finansiering sker inom befintlig ram."""

TRANAS_SITUATION = """\
Den gemensamma lägesbilden visar att narkotikabrotten bland unga har ökat och att allt fler \
personer under 21 år påträffas påverkade av narkotika. Många invånare upplever otrygghet i de \
centrala delarna av Tranås kvällstid, särskilt kring Resecentrum och Stadsparken. Höga \
hastigheter och störande körning på Storgatan och kring skolorna upplevs som ett problem."""

TRANAS_FOLLOW_UP = """\
Kommunen och Polisen följer upp medborgarlöftena varje tertial. Uppföljningen redovisas på \
kommunens webbplats och på polisen.se, och efter varje år publiceras en samlad redovisning."""

TRANAS_PROMISES = (
    (
        "Öka upptäckten av narkotikabrott, främst bland personer i åldern 21 år och yngre, med "
        "syfte att minska bruket av narkotika",
        "",
        ("narkotika", "unga"),
    ),
    (
        "Öka den upplevda tryggheten i de centrala delarna av Tranås",
        "",
        ("trygghet-i-offentlig-miljo", "ordningsstorningar"),
    ),
    ("Arbeta långsiktigt med en säker trafikmiljö inom Tranås kommun", "", ("trafik",)),
)

# The decision proposal of 2023 (../shared/seeds), its OCR damage repaired.
TRANAS_PROPOSAL_SUMMARY = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av aktuell \
lägesbild formulerar Tranås kommun och Polisen tvååriga medborgarlöften som börjar gälla från och \
med undertecknandet."""

TRANAS_PROPOSAL_MATTER = """\
Samverkan mellan polis och kommun är en nödvändighet för att det brottsförebyggande och \
trygghetsskapande arbetet ska kunna bedrivas effektivt. Medborgarlöften är en utveckling av \
dagens samverkansöverenskommelse och är en del av Polismyndighetens styrmodell.

Den lokala lägesbilden ska vara utgångspunkt för de mål som Polisen ska arbeta med. Löftena \
handlar om konkreta aktiviteter som kommunen och Polisen tillsammans kommit överens om för att \
öka tryggheten och minska brottsligheten. Medborgarlöften fokuserar på den lokala lägesbilden och \
på sådant som de som bor och verkar i ett område upplever som viktigast för att känna sig trygga \
och säkra."""

TRANAS_PROPOSAL_OUTLOOK = """\
Omvärldsanalys
Polismyndigheten tecknar medborgarlöften med i princip alla landets kommuner. Medborgarlöften \
anpassas till lokala förutsättningar för kommunerna."""

TRANAS_PROPOSAL_COMMON = {
    "consulted": "kommunledningsgruppen, KLG",
    "economy": "Finansiering sker inom befintlig ram",
    "recipients": "Diariet\nSäkerhetssamordnaren",
    "officials": "Pär Thudéen, Kommundirektör\nHenrik Nilsson, Räddningschef",
}

TRANAS_SIGNATORIES = (
    ("Pär Thudéen", "Kommundirektör", "Tranås kommun"),
    ("Maria Ekström", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
)

TRANAS_CENTRE_PLACES = ("Storgatan", "Resecentrum", "Stadsparken", "Torget", "Badparken")
TRANAS_TRAFFIC_PLACES = (
    "Storgatan",
    "Riksväg 32, norra infarten",
    "Riksväg 32, södra infarten",
    "Skolområdet vid Ängaryd",
    "Resecentrum",
)


def tranas_2023_2024(b: Builder) -> None:
    start, end = D(2023, 4, 20), D(2024, 12, 31)
    period = b.start_period(
        "Tranås",
        "2023-2024",
        HOGLANDET,
        D(2023, 1, 16),
        start_date=start,
        end_date=end,
        situation=TRANAS_SITUATION,
        background=TRANAS_BACKGROUND,
        follow_up_text=TRANAS_FOLLOW_UP,
    )
    if period is None:
        return
    b.add_promises(*TRANAS_PROMISES)
    drugs, walks, checks, parents, schools = b.add_activities(
        (
            ActivitySpec(
                "Narkotikainsatser",
                "Polisen ska genomföra minst tio riktade insatser per år för att upptäcka "
                "narkotikabrott bland personer som är 21 år och yngre.",
                POLICE,
                (1,),
                (AT_LEAST, 10, "narkotikainsatser", Scope.YEAR),
            ),
            ActivitySpec(
                "Trygghetsvandringar i centrum",
                "Kommunen och Polisen ska tillsammans med boende och fastighetsägare genomföra "
                "minst fyra trygghetsvandringar per år i de centrala delarna av Tranås.",
                JOINT,
                (2,),
                (AT_LEAST, 4, "trygghetsvandringar", Scope.YEAR),
            ),
            ActivitySpec(
                "Trafikkontroller",
                "Polisen ska genomföra minst tjugo trafikkontroller per år med inriktning på "
                "hastighet och störande körning.",
                POLICE,
                (3,),
                (AT_LEAST, 20, "trafikkontroller", Scope.YEAR),
            ),
            ActivitySpec(
                "Föräldrainformation om narkotika",
                "Kommunen ska informera föräldrar om narkotika och tecken på missbruk vid "
                "föräldramöten i högstadiet och gymnasiet.",
                MUNICIPALITY,
                (1,),
            ),
            ActivitySpec(
                "Trafiksäkra skolvägar",
                "Kommunen ska se över hastigheter och passager vid skolorna.",
                MUNICIPALITY,
                (3,),
            ),
        ),
        ActivityStatus.DONE,
    )
    b.step(
        Action.SUBMIT,
        D(2023, 3, 9),
        comment="Skickat på samråd till kommunledningsgruppen (KLG).",
    )
    b.approve(D(2023, 3, 23), "Tillstyrkt av KLG.")
    b.proposal(
        D(2023, 3, 24),
        summary=TRANAS_PROPOSAL_SUMMARY,
        description=f"{TRANAS_PROPOSAL_MATTER}\n\n{TRANAS_PROPOSAL_OUTLOOK}",
        consulted_on=D(2023, 3, 23),
        basis="Tjänsteutlåtande kommunledningsförvaltningen 2023-03-24\n"
        "Bilaga – medborgarlöften 2023–2024",
        **TRANAS_PROPOSAL_COMMON,
    )
    b.decide(
        D(2023, 4, 12),
        "Samråd med KLG 2023-03-23; tjänsteutlåtande 2023-03-24. Kommunstyrelsen beslutade "
        "att anta medborgarlöftena för 2023–2024 (KS 2023/123).",
        ("Kommunstyrelsen", "KS 2023/123"),
    )
    b.sign(
        start,
        "Undertecknat av kommundirektören och LPO-chefen.",
        *TRANAS_SIGNATORIES,
    )
    rng = b.rng
    first_year_end = D(2024, 4, 19)
    # Per löftesår (from the signing day): the second year's traffic checks fall short.
    for span_start, span_end, counts in (
        (start, first_year_end, (11, 4, 22)),
        (first_year_end + ONE_DAY, end, (9, 3, 12)),
    ):
        drug_count, walk_count, check_count = counts
        # Narcotics efforts and walks end early in the year, so they stay ahead of pace.
        early_end = min(span_end, D(2024, 11, 30))
        for day in spread(rng, span_start, early_end, drug_count):
            place = rng.choice(TRANAS_CENTRE_PLACES)
            b.log(drugs, day, place, rng.choice(DRUG_SUMMARIES), note=b.note(DRUG_NOTES))
        for day in spread(rng, span_start, min(span_end, D(2024, 10, 31)), walk_count):
            place = rng.choice(TRANAS_CENTRE_PLACES)
            b.log(walks, day, place, rng.choice(WALK_SUMMARIES), note=b.note(WALK_NOTES))
        for day in spread(rng, span_start, span_end, check_count):
            place = rng.choice(TRANAS_TRAFFIC_PLACES)
            summary = rng.choice(TRAFFIC_CHECK_SUMMARIES)
            b.log(checks, day, place, summary, note=b.note(TRAFFIC_CHECK_NOTES))
    for day, place in (
        (D(2023, 9, 12), "Högstadieskolan"),
        (D(2024, 2, 6), "Gymnasieskolan"),
        (D(2024, 9, 10), "Högstadieskolan"),
    ):
        b.log(
            parents, day, place, "Information om narkotika och tecken på missbruk på föräldramöte."
        )
    b.log(
        schools,
        D(2023, 8, 15),
        "Skolområdet vid Ängaryd",
        "Tillfälliga farthinder vid skolorna inför skolstarten.",
    )
    b.log(
        schools,
        D(2024, 6, 11),
        "Stadshuset",
        "Beslut om 30 km/tim vid samtliga skolor från höstterminen.",
    )

    for day, as_of, summary, minutes in (
        (
            D(2023, 9, 21),
            D(2023, 8, 31),
            "Första tertialuppföljningen efter undertecknandet i april. Trafikkontroller och "
            "narkotikainsatser har kommit igång. Trygghetsvandringarna ligger efter plan; fler "
            "planeras under hösten.",
            "Belysningen i Stadsparken behöver ses över; tekniska kontoret kontaktas.",
        ),
        (
            D(2024, 1, 18),
            D(2023, 12, 31),
            "Tertialuppföljning september–december 2023. Arbetet följer i stort planen. "
            "Årsuppföljningen för 2023 publiceras i februari.",
            "Polisen föreslår fler narkotikainsatser helgkvällar under våren.",
        ),
        (
            D(2024, 5, 16),
            first_year_end,
            "Tertialuppföljning januari–april 2024 och avstämning av det första löftesåret.",
            "Mopedåkning på Storgatan kvällstid diskuterades; trafikkontroller riktas dit.",
        ),
        (
            D(2024, 9, 19),
            D(2024, 8, 31),
            "Tertialuppföljning maj–augusti 2024. Trafikkontrollerna har minskat under sommaren; "
            "fler kontroller planeras under hösten.",
            "Semesterbemanningen förklarar färre trafikkontroller. Ny planering tas fram.",
        ),
        (
            D(2025, 1, 23),
            end + ONE_DAY,
            "Sista uppföljningen av medborgarlöftena 2023–2024. Slutredovisningen publiceras i "
            "februari. Förslag till nya medborgarlöften för 2025–2026 tas fram.",
            "Säkerhetssamordnaren skriver slutredovisningen. Nya löften går på samråd i januari.",
        ),
    ):
        b.meeting(MeetingKind.TERTIAL, day, summary, minutes, as_of=as_of)
    b.report(
        ReportKind.YEAR_END,
        "Årsuppföljning 2023: medborgarlöften i Tranås",
        (start, D(2023, 12, 31)),
        D(2024, 2, 8),
        "Medborgarlöftena mellan Polisen och Tranås kommun undertecknades den 20 april 2023. "
        "Så här har arbetet gått under 2023:",
        "Arbetet fortsätter enligt plan under 2024.",
    )
    b.report(
        ReportKind.FINAL,
        "Slutredovisning: medborgarlöften i Tranås 2023–2024",
        (start, end),
        D(2025, 2, 13),
        "Medborgarlöftena mellan Polisen och Tranås kommun gällde från den 20 april 2023 till "
        "och med den 31 december 2024. Målen räknas per löftesår från undertecknandet. "
        "Så här gick det:",
        "Målet för trafikkontroller under det andra löftesåret nåddes inte. Arbetet fortsätter "
        "med förnyade medborgarlöften för 2025–2026.",
    )
    b.step(Action.CLOSE, D(2025, 2, 13), comment="Avslutat; slutredovisningen publicerad.")
