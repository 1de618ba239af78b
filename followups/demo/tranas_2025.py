"""Tranås 2025–2026, the renewed promises: signed, running, revised at the annual review."""

from activities.progress import Scope
from followups.demo.builder import (
    AT_LEAST,
    AT_MOST,
    JOINT,
    MUNICIPALITY,
    ONE_DAY,
    OTHER,
    POLICE,
    ActivitySpec,
    Builder,
    D,
    day_in_month,
    months,
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
    WEEKEND_DRUG_SUMMARIES,
)
from followups.demo.tranas import (
    TRANAS_BACKGROUND,
    TRANAS_CENTRE_PLACES,
    TRANAS_FOLLOW_UP,
    TRANAS_PROMISES,
    TRANAS_PROPOSAL_COMMON,
    TRANAS_PROPOSAL_MATTER,
    TRANAS_PROPOSAL_OUTLOOK,
    TRANAS_SIGNATORIES,
    TRANAS_SITUATION,
    TRANAS_TRAFFIC_PLACES,
)
from followups.models import MeetingKind, ReportKind
from promises.lifecycle import Action
from promises.models import RevisionKind

TRANAS_RENEWAL_SUMMARY = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse, uppföljningen av medborgarlöftena \
2023–2024 och mot bakgrund av aktuell lägesbild formulerar Tranås kommun och Polisen nya tvååriga \
medborgarlöften som börjar gälla från och med undertecknandet."""

TRANAS_RENEWAL_MATTER = """\
Uppföljningen av medborgarlöftena 2023–2024 visar att arbetet har gett resultat, men att \
problemen kvarstår. Löftena förnyas därför för 2025–2026, med tydligare mål per tertial för \
trygghetsvandringarna och nya aktiviteter mot skadegörelse och anlagda bränder."""

# The annual review of January 2026 (Tranås 2025–2026). It changes the narcotics efforts' yearly
# target rather than the traffic checks' monthly one: lowering "minst 2 per månad" leaves
# "minst 1 trafikkontroller", and the checks' early/late rhythm is what shows "efter plan" in the
# middle of a month.
TRANAS_REVIEW_DAY = D(2026, 1, 20)
TRANAS_REVIEW_REASON = (
    "Färre poliser i yttre tjänst under 2026: målet för narkotikainsatser sänks "
    "från tolv till tio per år och insatserna riktas mot helgkvällar."
)
TRANAS_DRUGS_REVISED = (
    "Polisen ska genomföra minst tio riktade narkotikainsatser per år, främst mot personer som är "
    "21 år och yngre och främst helgkvällar."
)


def tranas_2025_2026(b: Builder) -> None:
    start, end = D(2025, 3, 20), D(2026, 12, 31)
    period = b.start_period(
        "Tranås",
        "2025-2026",
        HOGLANDET,
        D(2024, 11, 18),
        start_date=start,
        end_date=end,
        situation=TRANAS_SITUATION
        + "\n\nUppföljningen av medborgarlöftena 2023–2024 visar att arbetet har gett resultat, "
        "men att problemen kvarstår. Löftena förnyas därför för ytterligare två år.",
        background=TRANAS_BACKGROUND,
        follow_up_text=TRANAS_FOLLOW_UP,
    )
    if period is None:
        return
    b.add_promises(*TRANAS_PROMISES)
    drugs, walks, checks, patrols, damage, fires, parents, speeds = b.add_activities(
        (
            ActivitySpec(
                "Narkotikainsatser",
                "Polisen ska genomföra minst tolv riktade narkotikainsatser per år, främst mot "
                "personer som är 21 år och yngre.",
                POLICE,
                (1,),
                (AT_LEAST, 12, "narkotikainsatser", Scope.YEAR),
            ),
            ActivitySpec(
                "Trygghetsvandringar",
                "Kommunen och Polisen ska genomföra minst fyra trygghetsvandringar per tertial i "
                "de centrala delarna av Tranås, tillsammans med boende och fastighetsägare.",
                JOINT,
                (2,),
                (AT_LEAST, 4, "trygghetsvandringar", Scope.TERTIAL),
            ),
            ActivitySpec(
                "Trafikkontroller",
                "Polisen ska genomföra minst två trafikkontroller per månad, med inriktning på "
                "hastighet, mobiltelefon och störande körning.",
                POLICE,
                (3,),
                (AT_LEAST, 2, "trafikkontroller", Scope.MONTH),
            ),
            ActivitySpec(
                "Fotpatrull i centrum",
                "Polisen ska i snitt minst en gång per vecka patrullera till fots i centrum "
                "kvällstid.",
                POLICE,
                (2,),
                (AT_LEAST, 1, "fotpatruller", Scope.AVERAGE_WEEK),
            ),
            ActivitySpec(
                "Skadegörelse vid Resecentrum",
                "Kommunen och Polisen följer varje anmäld skadegörelse vid Resecentrum och i "
                "Stadsparken, och kommunen sanerar inom ett dygn. Målet är högst tio anmälda "
                "skadegörelser per år.",
                JOINT,
                (2,),
                (AT_MOST, 10, "anmälda skadegörelser", Scope.YEAR),
            ),
            ActivitySpec(
                "Förebygga anlagda bränder",
                "Räddningstjänsten Höglandet ska genomföra minst två informationsinsatser per "
                "tertial om anlagda bränder, i skolor och i centrum.",
                OTHER,
                (2,),
                (AT_LEAST, 2, "informationsinsatser", Scope.TERTIAL),
                other="Räddningstjänsten Höglandet",
            ),
            ActivitySpec(
                "Föräldrainformation om narkotika",
                "Kommunen ska informera föräldrar om narkotika och tecken på missbruk, särskilt "
                "inför valborg och studenten.",
                MUNICIPALITY,
                (1,),
            ),
            ActivitySpec(
                "Hastighetsmätningar vid skolor",
                "Kommunen ska med mätvagn mäta hastigheten vid skolorna i snitt minst två gånger "
                "per månad och återkoppla resultaten till Polisen.",
                MUNICIPALITY,
                (3,),
                (AT_LEAST, 2, "hastighetsmätningar", Scope.AVERAGE_MONTH),
            ),
        )
    )
    # Sent for consultation twice: the demo has one approver for Tranås, granskare, who sends
    # the first round back and approves the second.
    b.step(Action.SUBMIT, D(2025, 1, 27), comment="Skickat på samråd till KLG.")
    b.step(
        Action.RETURN,
        D(2025, 2, 3),
        "granskare",
        "Åter till utkast: förtydliga målet för trygghetsvandringarna.",
    )
    b.step(Action.SUBMIT, D(2025, 2, 10), comment="Reviderat utkast skickat till KLG.")
    b.approve(
        D(2025, 2, 20),
        "Målet för trygghetsvandringarna är nu tydligt. Tillstyrkt av KLG 2025-02-20.",
    )
    b.proposal(
        D(2025, 2, 21),
        summary=TRANAS_RENEWAL_SUMMARY,
        description=f"{TRANAS_PROPOSAL_MATTER}\n\n{TRANAS_RENEWAL_MATTER}\n\n"
        f"{TRANAS_PROPOSAL_OUTLOOK}",
        consulted_on=D(2025, 2, 20),
        basis="Tjänsteutlåtande kommunledningsförvaltningen 2025-02-21\n"
        "Bilaga – medborgarlöften 2025–2026",
        **TRANAS_PROPOSAL_COMMON,
    )
    b.decide(
        D(2025, 3, 5),
        "Samråd med KLG 2025-02-20. Kommunstyrelsen beslutade att anta medborgarlöftena för "
        "2025–2026 (KS 2025/87).",
        ("Kommunstyrelsen", "KS 2025/87"),
    )
    b.sign(start, "Undertecknat av kommundirektören och LPO-chefen.", *TRANAS_SIGNATORIES)
    rng = b.rng
    first_year_end = D(2026, 3, 19)

    # Per year. After the annual review (fewer police, weekend evenings) the second year has nine
    # Friday efforts: they meet the revised target (8 pro rata) before 21 November 2026, where
    # the old one (10 pro rata) would not have been met.
    for day in spread(rng, start + 4 * ONE_DAY, first_year_end - 4 * ONE_DAY, 13):
        place = rng.choice(TRANAS_CENTRE_PLACES)
        b.log(drugs, day, place, rng.choice(DRUG_SUMMARIES), note=b.note(DRUG_NOTES))
    second_year = [
        day + (4 - day.weekday()) % 7 * ONE_DAY
        for day in spread(rng, D(2026, 3, 25), D(2026, 11, 10), 9)
    ]
    for day in second_year:
        place = rng.choice(TRANAS_CENTRE_PLACES)
        summary = rng.choice(WEEKEND_DRUG_SUMMARIES)
        b.log(drugs, day, place, summary, note=b.note(DRUG_NOTES))
    b.log(
        drugs,
        second_year[-1],
        "Storgatan",
        "Riktad insats mot narkotikabrott bland unga i centrum.",
        withdrawn="Registrerad på fel aktivitet: kontrollen gällde trafik.",
    )

    # Per tertial: one walk a month, the last one in the tertial's last month; summer 2025 short.
    tertials = [D(year, month, 1) for year in (2025, 2026) for month in (1, 5, 9)]
    for tertial_start in tertials:
        if tertial_start == D(2025, 1, 1):
            days = [D(2025, 3, 27), D(2025, 4, 15)]
        else:
            firsts = list(months(tertial_start, tertial_start + 120 * ONE_DAY))[:4]
            days = [day_in_month(month, rng.randint(5, 20)) for month in firsts]
            if tertial_start == D(2025, 5, 1):
                days.pop(2)  # no walk in July 2025
        for day in days:
            place = rng.choice(TRANAS_CENTRE_PLACES)
            b.log(walks, day, place, rng.choice(WALK_SUMMARIES), note=b.note(WALK_NOTES))

    # Per month: one check early and one late in the month, so mid-month it is behind.
    for month in months(start, end):
        if month == D(2025, 3, 1):
            days = [D(2025, 3, rng.randint(24, 28))]
        elif month.month == 7:
            days = [day_in_month(month, rng.randint(3, 12))]  # holidays
        else:
            days = [
                day_in_month(month, rng.randint(3, 12)),
                day_in_month(month, rng.randint(22, 27)),
            ]
        for index, day in enumerate(days):
            place = rng.choice(TRANAS_TRAFFIC_PLACES)
            summary = rng.choice(TRAFFIC_CHECK_SUMMARIES)
            b.log(checks, day, place, summary, note=b.note(TRAFFIC_CHECK_NOTES))
            if month == D(2026, 11, 1) and index == 0:
                b.log(
                    checks,
                    day,
                    place,
                    summary,
                    withdrawn="Dubbelregistrering: samma kontroll rapporterades två gånger.",
                )

    # On average per week: usually one evening patrol, sometimes two, none in high summer.
    monday = start - start.weekday() * ONE_DAY
    while monday <= end:
        patrols_this_week = 0 if 28 <= monday.isocalendar().week <= 31 else rng.choice((1, 1, 2))
        for _ in range(patrols_this_week):
            day = monday + rng.randint(3, 5) * ONE_DAY
            if start <= day <= end:
                place = rng.choice(TRANAS_CENTRE_PLACES)
                b.log(
                    patrols,
                    day,
                    place,
                    f"Fotpatrull kvällstid, {place}.",
                    note=b.note(
                        ("Lugnt.", "Samtal med unga vid Resecentrum.", "Inga ingripanden.")
                    ),
                )
        monday += 7 * ONE_DAY

    # At most ten reported per year: under the ceiling in both years.
    for span_start, span_end, count in ((start, first_year_end, 7), (D(2026, 3, 20), end, 5)):
        for day in spread(rng, span_start, min(span_end, D(2026, 11, 15)), count):
            place = rng.choice(("Resecentrum", "Stadsparken"))
            summary = rng.choice(
                (
                    "Klotter på väntkuren; sanerat inom ett dygn.",
                    "Krossad glasruta i cykelgaraget; polisanmält och lagat.",
                    "Skadegörelse på parkbänkar; polisanmält.",
                )
            )
            b.log(damage, day, place, summary)

    # Per tertial: two information efforts, in the tertial's first two months.
    for tertial_start in tertials:
        if tertial_start == D(2025, 1, 1):
            days = [D(2025, 4, 8)]
        else:
            days = [
                day_in_month(tertial_start, rng.randint(5, 25)),
                day_in_month(tertial_start + 32 * ONE_DAY, rng.randint(5, 25)),
            ]
        for day in days:
            place, summary = rng.choice(
                (
                    ("Högstadieskolan", "Information om anlagda bränder för elever i årskurs 7."),
                    ("Gymnasieskolan", "Brandskyddsinformation och samtal om anlagda bränder."),
                    ("Resecentrum", "Information till butiker om soptunnor och brandrisker."),
                )
            )
            b.log(fires, day, place, summary)

    for day, summary in (
        (D(2025, 4, 22), "Brev till vårdnadshavare inför valborg om narkotika och alkohol."),
        (D(2025, 5, 27), "Information till föräldrar inför studenten."),
        (D(2025, 9, 9), "Föräldramöte i årskurs 7 om narkotika och tecken på missbruk."),
        (D(2026, 2, 10), "Föräldramöte på gymnasiet om narkotika."),
        (D(2026, 4, 21), "Brev till vårdnadshavare inför valborg."),
        (D(2026, 9, 8), "Föräldramöte i årskurs 7 om narkotika och tecken på missbruk."),
    ):
        b.log(parents, day, "Skolorna i Tranås", summary)

    # On average per month: three measurements a month, none in July.
    for month in months(start, end):
        if month.month == 7:
            continue
        count = 1 if month == D(2025, 3, 1) else 3
        first = start if month == D(2025, 3, 1) else month
        last = (month + 32 * ONE_DAY).replace(day=1) - ONE_DAY
        for day in spread(rng, first, last, count):
            place = rng.choice(("Ängarydsskolan", "Norrskolan", "Junedal", "Holavedsgymnasiet"))
            summary = "Hastighetsmätning med mätvagn vid skolan."
            note = b.note(("Medelhastighet 34 km/tim.", "Fem procent körde över 40 km/tim."))
            b.log(speeds, day, place, summary, note=note)

    meetings = (
        (
            D(2025, 5, 15),
            D(2025, 4, 30),
            "Första tertialuppföljningen av de förnyade medborgarlöftena. Trafikkontroller, "
            "narkotikainsatser och fotpatruller i centrum har kommit igång, och de första "
            "trygghetsvandringarna har genomförts.",
            "Deltagare: kommunpolis, säkerhetssamordnare och Räddningstjänsten Höglandet. "
            "Belysningen i Stadsparken behöver ses över; tekniska kontoret kontaktas.",
        ),
        (
            D(2025, 9, 18),
            D(2025, 8, 31),
            "Tertialuppföljning maj–augusti. Under sommaren genomfördes färre trygghetsvandringar "
            "än planerat, och i juli gjordes bara en trafikkontroll. Fotpatrullerna fortsatte "
            "under större delen av sommaren.",
            "Semesterbemanning förklarar de uteblivna kontrollerna i juli. Trygghetsvandringarna "
            "läggs in i kalendern för hela hösten.",
        ),
        (
            D(2026, 1, 22),
            D(2025, 12, 31),
            "Tertialuppföljning september–december och avstämning inför årsuppföljningen. "
            "Målen för tertialet nåddes för trygghetsvandringar och informationsinsatser om "
            "anlagda bränder. Vid den årliga översynen den 20 januari sänktes målet för "
            "narkotikainsatser till minst tio per år.",
            "Årsuppföljningen skrivs av säkerhetssamordnaren och publiceras i februari. Med "
            "färre poliser i yttre tjänst riktar Polisen narkotikainsatserna mot helgkvällar.",
        ),
        (
            D(2026, 5, 21),
            D(2026, 4, 30),
            "Tertialuppföljning januari–april 2026. Målet för narkotikainsatser under det första "
            "löftesåret nåddes; under det andra har insatserna just kommit igång. "
            "Trygghetsvandringarna genomfördes enligt plan.",
            "Mopedåkning på Storgatan kvällstid diskuterades; trafikkontroller riktas dit under "
            "maj och juni.",
        ),
        (
            D(2026, 9, 17),
            D(2026, 8, 31),
            "Tertialuppföljning maj–augusti 2026. Trygghetsvandringar och informationsinsatser "
            "genomfördes enligt plan, och narkotikainsatserna ligger före plan för året.",
            "Planering av en medborgardialog inför nästa period. Räddningstjänsten planerar "
            "informationsinsatser i skolorna i september och oktober.",
        ),
    )
    # Meetings after the annual review assess against the target it set.
    for day, as_of, summary, minutes in meetings:
        if day <= TRANAS_REVIEW_DAY:
            b.meeting(MeetingKind.TERTIAL, day, summary, minutes, as_of=as_of)
    b.revise_target(
        drugs,
        TRANAS_REVIEW_DAY,
        value=10,
        description=TRANAS_DRUGS_REVISED,
        reason=TRANAS_REVIEW_REASON,
        kind=RevisionKind.ANNUAL_REVIEW,
    )
    for day, as_of, summary, minutes in meetings:
        if day > TRANAS_REVIEW_DAY:
            b.meeting(MeetingKind.TERTIAL, day, summary, minutes, as_of=as_of)
    b.report(
        ReportKind.TERTIAL,
        "Tertialredovisning januari–april 2026: medborgarlöften i Tranås",
        (D(2026, 1, 1), D(2026, 4, 30)),
        D(2026, 5, 28),
        "Tertialuppföljningen den 21 maj 2026 gick igenom januari–april. Målet för "
        "narkotikainsatser sänktes vid den årliga översynen till minst tio per år. Så här har "
        "arbetet gått under tertialet:",
        # No sentence about reports to come: the demo has none, and its pages are read later.
        "Trafikkontroller riktas mot mopedåkning på Storgatan kvällstid under maj och juni.",
    )
    b.report(
        ReportKind.YEAR_END,
        "Årsuppföljning 2025: medborgarlöften i Tranås",
        (start, D(2025, 12, 31)),
        D(2026, 2, 5),
        "Medborgarlöftena mellan Polisen och Tranås kommun för 2025–2026 undertecknades den "
        "20 mars 2025. Så här har arbetet gått fram till årsskiftet:",
        "Vid den årliga översynen i januari 2026 sänktes målet för narkotikainsatser från tolv "
        "till tio per år, eftersom färre poliser finns i yttre tjänst under 2026. Löftena gäller "
        "till och med den 31 december 2026.",
    )
