"""Tranemo 2025, from the police page: signed for a year, then extended to 2026."""

from activities.models import ActivityStatus
from followups.demo.builder import (
    JOINT,
    ONE_DAY,
    POLICE,
    ActivitySpec,
    Builder,
    D,
    day_in_month,
    months,
    second_tuesday,
)
from followups.demo.people import BORAS
from followups.models import MeetingKind, Rating, ReportKind
from promises.lifecycle import Action

# --- 4. Tranemo 2025, from the police page -----------------------------------------------------

TRANEMO_BACKGROUND = """\
Polisen vill här tillsammans med Tranemo kommun fokusera på att öka tryggheten.

Vid trygghetsmöten, SAMFU (Samverkan kring brottsförebyggande arbete för unga), anmälda brott och \
via Trygg och Säker kommuns arbete med gemensamma lägesbilder har invånare i Tranemo kommun \
uppmärksammat Polisen och Tranemo kommun på att det finns en ökad otrygghet i områden inom \
Tranemo kommun."""

TRANEMO_SITUATION = """\
Från flera håll i Tranemo kommun framkommer att det i kommunen upplevs finnas en ökad otrygghet. \
Otrygghet förekommer dels genom droghandel, stölder och oro bland unga invånare som orsakar \
stök. Vi vill fokusera på dessa platser för att öka tryggheten."""

TRANEMO_FOLLOW_UP = """\
Polisen och kommunen redovisar på respektive webbplats hur arbetet går. Återkoppling sker \
kontinuerligt via Trygg och Säker kommun, som samverkar nära med Polisen. Vid årets slut \
redovisas ett sammanlagt resultat: vilka insatser som gjorts och hur arbetet går vidare.

Medborgarlöftet gäller under ett år med möjlighet till förlängning."""

TRANEMO_PROMISE = """\
Tryggheten i Tranemo kommun ses som en helhet, och för att öka tryggheten i hela kommunen behövs \
insatser på de platser där högst otrygghet upplevs. Genom ökat fokus under en bestämd tidsperiod \
vill vi tillsammans med Tranemo kommun göra en insats för att öka tryggheten. Mätning sker bland \
annat genom enkäter och uppföljning genom kontinuerliga möten med invånare och Trygg och Säker \
kommun."""

TRANEMO_PLACES = (
    "Tranemo centrum",
    "Busstationen i Tranemo",
    "Limmared centrum",
    "Grimsås",
    "Dalstorp",
    "Länghem",
)

TRANEMO_MONTHLY = {
    (2025, 1): "Uppstart av medborgarlöftet. Platser för trygghetsundersökningar valdes ut "
    "utifrån den gemensamma lägesbilden: Tranemo centrum, busstationen och Limmared.",
    (2025, 2): "Lägesbilden visar fortsatt oro kring busstationen kvällstid. Polisen börjar "
    "arbeta enligt HotSpotsmetoden på de utpekade platserna.",
    (2025, 3): "De första trygghetsundersökningarna har genomförts i Tranemo centrum och vid "
    "busstationen. Resultaten sammanställs till nästa möte.",
    (2025, 4): "Resultaten från trygghetsundersökningarna presenterades. Belysning och "
    "mopedåkning kvällstid är det som flest upplever som otryggt.",
    (2025, 5): "Inför skolavslutningen planeras extra närvaro vid busstationen och i centrum. "
    "Värdegrundsarbetet i skolan fortsätter.",
    (2025, 6): "Lugn period. Polisen har varit synlig på de utpekade platserna.",
    (2025, 8): "Uppstart efter sommaren. Värdegrundsarbetet i hög- och mellanstadiet planeras "
    "för hösten.",
    (2025, 9): "Uppföljande trygghetsundersökning i Tranemo centrum. Fler svarande upplever "
    "centrum som tryggt jämfört med i våras.",
    (2025, 10): "Trygghetsundersökning i Grimsås. Den gemensamma lägesbilden enligt EST "
    "uppdaterades.",
    (2025, 11): "Ett förslag om att förlänga medborgarlöftet ett år lämnas till kommunstyrelsen.",
    (2025, 12): "Kommunstyrelsen har beslutat att förlänga medborgarlöftet till och med 2026. "
    "Årsuppföljningen sammanställs.",
    (2026, 1): "Årsuppföljningen för 2025 är publicerad. Arbetet fortsätter på samma platser "
    "under 2026.",
    (2026, 2): "Lägesbilden är i stort sett oförändrad. HotSpots-insatserna fortsätter vid "
    "busstationen och i Limmared.",
    (2026, 3): "Föräldramöten i årskurs 7 med fokus på droger och sociala medier.",
    (2026, 4): "Valborg och skolavslutning planerades tillsammans med fritidsgårdarna.",
    (2026, 5): "Valborg förlöpte lugnt. Extra närvaro planeras inför skolavslutningen.",
    (2026, 6): "Lugn period före sommaren.",
    (2026, 8): "Uppstart efter sommaren. Inga större händelser under sommaren.",
    (2026, 9): "Värdegrundsarbetet i skolorna fortsätter. En ny trygghetsundersökning planeras.",
    (2026, 10): "Den gemensamma lägesbilden enligt EST uppdaterades. Otryggheten kring "
    "busstationen upplevs ha minskat.",
    (2026, 11): "Diskussion om ett nytt medborgarlöfte från 2027 utifrån erfarenheterna av de "
    "två åren.",
    (2026, 12): "Årets sista möte: planering av slutredovisningen.",
}
TRANEMO_MINUTES = (
    "Deltagare från kommunens trygghetsgrupp, Polisen och räddningstjänsten. Ärenden: lägesbild, "
    "HotSpots-platser och kommande evenemang.",
    "Genomgång av inkomna synpunkter från invånare. Fältassistenterna rapporterade om "
    "ungdomsgrupper vid busstationen kvällstid.",
    "Genomgång av anmälda brott sedan förra mötet. Inga nya platser läggs till.",
    "Kommunen kontaktar fastighetsägare om belysningen vid busstationen.",
)


def tranemo_2025(b: Builder) -> None:
    start, first_end, end = D(2025, 1, 1), D(2025, 12, 31), D(2026, 12, 31)
    period = b.start_period(
        "Tranemo",
        "2025",
        BORAS,
        D(2024, 10, 14),
        start_date=start,
        end_date=first_end,
        situation=TRANEMO_SITUATION,
        background=TRANEMO_BACKGROUND,
        follow_up_text=TRANEMO_FOLLOW_UP,
        contact_name="Joakim Börjesson",
        contact_title="Kommunpolis",
        contact_phone="0725-25 94 20",
        contact_is_public=True,
    )
    if period is None:
        return
    (promise,) = b.add_promises(
        (
            "Öka tryggheten på de valda platserna",
            TRANEMO_PROMISE,
            ("trygghet-i-offentlig-miljo", "narkotika", "unga"),
        )
    )
    surveys, values, est, hotspots, _meetings = b.add_activities(
        (
            ActivitySpec(
                "Trygghetsundersökningar",
                "Tillsammans med Tranemo kommun och invånarna vill vi på utvalda platser "
                "genomföra trygghetsundersökningar.",
                JOINT,
                (1,),
            ),
            ActivitySpec(
                "Värdegrundsarbete i skolan",
                "Tillsammans med lärande-, omsorgs- och samhällsutvecklingssektionen delta i "
                "värdegrundsarbete för elever, vårdnadshavare och pedagoger i hög- och "
                "mellanstadiet.",
                JOINT,
                (1,),
            ),
            ActivitySpec(
                "Gemensamma lägesbilder enligt EST",
                "Polisen arbetar tillsammans med kommunen med gemensamma lägesbilder, enligt EST "
                "– effektiv samordning för trygghet.",
                JOINT,
                (1,),
            ),
            ActivitySpec(
                "HotSpots-insatser",
                "Polisen arbetar enligt HotSpotsmetoden inom de områden som är utpekade som "
                "otrygga.",
                POLICE,
                (1,),
            ),
            ActivitySpec(
                "Månatlig uppföljning med Trygg och Säker kommun",
                "Uppföljning sker vid de månatliga mötena med Trygg och Säker kommun, och "
                "återkoppling till invånarna sker med samma frekvens.",
                JOINT,
                (1,),
                counted_meeting_kinds=(MeetingKind.MONTHLY,),
            ),
        ),
        statuses={1: ActivityStatus.DONE},
    )
    b.step(
        Action.SUBMIT,
        D(2024, 11, 18),
        comment="Skickat på samråd till Trygg och Säker kommun.",
    )
    b.approve(D(2024, 12, 3), "Tillstyrkt av Trygg och Säker kommun.")
    b.decide(
        D(2024, 12, 10),
        "Kommunstyrelsen beslutade att anta medborgarlöftet för 2025 (KS 2024/245).",
        ("Kommunstyrelsen", "KS 2024/245"),
    )
    b.sign(
        D(2024, 12, 17),
        "Undertecknat. Gäller 2025-01-01–2025-12-31 med möjlighet till förlängning.",
        ("Lars Johansson", "Kommunstyrelsens ordförande", "Tranemo kommun"),
        ("Karin Sandberg", "Lokalpolisområdeschef", "Lokalpolisområde Borås"),
    )
    b.step(
        Action.EXTEND,
        D(2025, 12, 16),
        comment="Förlängt till och med 2026-12-31. Kommunstyrelsen beslutade 2025-12-09 "
        "(KS 2025/311) att förlänga medborgarlöftet ett år efter uppföljningen med Trygg och "
        "Säker kommun.",
        new_end_date=end,
        decision_body="Kommunstyrelsen",
        decision_date=D(2025, 12, 9),
        decision_reference="KS 2025/311",
    )
    rng = b.rng
    for day, place, answers in (
        (D(2025, 2, 26), "Tranemo centrum", 112),
        (D(2025, 3, 5), "Busstationen i Tranemo", 64),
        (D(2025, 4, 2), "Limmared centrum", 71),
        (D(2025, 9, 3), "Tranemo centrum", 98),
        (D(2025, 10, 8), "Grimsås", 43),
    ):
        b.log(
            surveys,
            day,
            place,
            f"Trygghetsundersökning med enkät till boende och besökare; {answers} svar.",
            note=b.note(
                (
                    "Flest synpunkter om belysningen vid gångtunneln.",
                    "Många nämnde mopedåkning kvällstid.",
                ),
                share=0.8,
            ),
        )
    for year in (2025, 2026):
        for day, place, summary in (
            (
                D(year, 2, 11),
                "Högstadieskolan i Tranemo",
                "Föräldramöte i årskurs 7 om droger och sociala medier.",
            ),
            (
                D(year, 3, 18),
                "Mellanstadieskolan i Limmared",
                "Lektion om värdegrund och kamratskap i årskurs 5.",
            ),
            (
                D(year, 9, 23),
                "Högstadieskolan i Tranemo",
                "Värdegrundsdag för elever i årskurs 8 tillsammans med pedagogerna.",
            ),
            (
                D(year, 10, 14),
                "Mellanstadieskolan i Dalstorp",
                "Samtal med pedagoger om oro bland elever.",
            ),
        ):
            b.log(values, day, place, summary)
    for month in months(start, end):
        if month.month in (1, 4, 8, 11):
            b.log(
                est,
                day_in_month(month, 20),
                "Kommunhuset",
                "Gemensam lägesbild enligt EST uppdaterad inför månadsmötet.",
            )

    monday = start - start.weekday() * ONE_DAY
    logged = 0
    while monday <= end:
        for _ in range(rng.choice((0, 1, 1, 2))):
            day = monday + rng.randint(3, 5) * ONE_DAY
            if not start <= day <= end:
                continue
            place = rng.choice(TRANEMO_PLACES)
            minutes = rng.choice((10, 15, 15, 20))
            withdrawn = (
                "Insatsen ställdes in på grund av ett prioriterat larm; registrerades av misstag."
                if logged == 40
                else ""
            )
            b.log(
                hotspots,
                day,
                place,
                f"Synlig närvaro enligt HotSpotsmetoden, {minutes} minuter.",
                note=b.note(
                    (
                        "Grupp om cirka tio ungdomar vid busskuren; lugnt, ingen åtgärd.",
                        "Samtal med fältassistenterna om kvällens läge.",
                        "Mopedåkning på torget; två förare fick en tillsägelse.",
                    )
                ),
                withdrawn=withdrawn,
            )
            logged += 1
        monday += 7 * ONE_DAY

    for index, month in enumerate(m for m in months(start, end) if m.month != 7):
        day = second_tuesday(month)
        if month == D(2025, 1, 1):
            rating, comment = Rating.NOT_ASSESSED, "För tidigt att bedöma."
        elif month < D(2025, 4, 1):
            rating, comment = Rating.PARTLY, "Arbetet har kommit igång men är inte fullt utbyggt."
        else:
            rating, comment = Rating.ON_TRACK, "Insatserna genomförs enligt plan."
        b.meeting(
            MeetingKind.MONTHLY,
            day,
            TRANEMO_MONTHLY[(month.year, month.month)],
            TRANEMO_MINUTES[index % len(TRANEMO_MINUTES)],
            assessments=[(promise, rating, comment)],
        )
    b.report(
        ReportKind.YEAR_END,
        "Årsuppföljning 2025: medborgarlöftet i Tranemo",
        (start, D(2025, 12, 31)),
        D(2026, 1, 20),
        "Polisen och Tranemo kommun lovade att under 2025 öka tryggheten på de platser där "
        "invånarna upplever störst otrygghet. Så här har arbetet gått:",
        "Trygghetsundersökningarna visar att fler upplever centrum som tryggt än när arbetet "
        "började. Kommunstyrelsen har beslutat att förlänga medborgarlöftet till och med den "
        "31 december 2026, med samma platser och aktiviteter.",
    )
