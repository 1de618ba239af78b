"""Realistic public data for the browser and HTML tests, built once per test session.

Every public page type gets content: an active signed period with promises, activities with
every kind of target (each comparator and scope, and no target with each status), logs (one
withdrawn), follow-up meetings with assessments, reports, signatories and a lifecycle record;
a closed earlier period; an extended period; a period for a named part of a city; and a draft
that must never show.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.sql import emit_post_migrate_signal
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities.models import ActivityLog, ActivityStatus, Responsible
from followups.models import Assessment, FollowUpMeeting, MeetingKind, Rating, Report, ReportKind
from municipalities.models import (
    County,
    LocalPoliceArea,
    Membership,
    Municipality,
    PoliceRegion,
    Role,
)
from municipalities.refdata import load_reference_data
from promises.models import (
    Direction,
    OutcomeIndicator,
    OutcomeMeasurement,
    Parties,
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Signatory,
    Theme,
)
from tests import factories
from tests.e2e.pages import (
    ACTIVE_END,
    ACTIVE_SLUG,
    ACTIVE_START,
    ACTIVITY_PK,
    CLOSED_SLUG,
    DISTRICT_SLUG,
    LONG_TEXT_SLUG,
    LONG_WORD,
    REPORT_PK,
    TODAY,
)

DRAFT_TITLE = "Hemligt utkast som aldrig får synas"
INTERNAL_NOTE = "Intern anteckning som aldrig får synas"

THEMES = {
    "trafik": "Trafik",
    "narkotika": "Narkotika",
    "trygghet-i-offentlig-miljo": "Trygghet i offentlig miljö",
    "unga": "Unga",
}


def _days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def ensure_reference_data() -> None:
    """Reference data from the migrations, reloaded if a flushing test removed it."""
    # Content types, permissions and the role groups, which post_migrate makes (idempotent).
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    if not Municipality.objects.exists():
        load_reference_data(PoliceRegion, County, Municipality)
    for slug, name in THEMES.items():
        Theme.objects.get_or_create(slug=slug, defaults={"name": name})


def _signed(period: PromisePeriod, *signatories: tuple[str, str, str]) -> None:
    period.decision_body = "Kommunstyrelsen"
    period.decision_reference = f"KS {period.start_date.year}/{period.pk:03d}"
    period.save()
    for position, (name, title, organisation) in enumerate(signatories, start=1):
        Signatory.objects.create(
            period=period, position=position, name=name, title=title, organisation=organisation
        )
    decided = datetime.datetime.combine(period.decision_date, datetime.time(10))
    signed = datetime.datetime.combine(period.signed_date, datetime.time(14))
    for from_state, to_state, at in [
        ("", PeriodState.DRAFT, decided - datetime.timedelta(days=40)),
        (PeriodState.DRAFT, PeriodState.CONSULTATION, decided - datetime.timedelta(days=30)),
        (PeriodState.CONSULTATION, PeriodState.DECIDED, decided),
        (PeriodState.DECIDED, PeriodState.SIGNED, signed),
    ]:
        PeriodTransition.objects.create(
            period=period,
            from_state=from_state,
            to_state=to_state,
            at=at.replace(tzinfo=datetime.UTC),
            comment="Beslut i kommunstyrelsen." if to_state == PeriodState.DECIDED else "",
        )


def _active_vetlanda(area: LocalPoliceArea) -> PromisePeriod:
    period = factories.period(
        "vetlanda",
        slug=ACTIVE_SLUG,
        start=ACTIVE_START,
        end=ACTIVE_END,
        local_police_area=area,
        situation="Otrygghet i centrum kvällstid och många hastighetsöverträdelser.",
        background="Polisen och Vetlanda kommun har samverkat kring medborgarlöften sedan 2016.",
        follow_up_text="Löftena följs upp varje månad och redovisas i tertialrapporter.",
        contact_name="Anna Samordnare",
        contact_title="Trygghetssamordnare",
        contact_email="trygghet@vetlanda.example",
        contact_phone="0383-970 00",
        contact_is_public=True,
    )
    _signed(
        period,
        ("Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
        ("Lena Polis", "Lokalpolisområdeschef", "Polisen, LPO Höglandet"),
    )
    traffic = factories.promise(period, title="Att öka trafiksäkerheten")
    traffic.themes.set(Theme.objects.filter(slug="trafik"))
    centre = factories.promise(
        period,
        title="Öka den upplevda tryggheten i centrala Vetlanda",
        description="Fler vuxna ute kvällstid och en tryggare miljö kring busstationen.",
    )
    centre.themes.set(Theme.objects.filter(slug__in=["trygghet-i-offentlig-miljo", "unga"]))
    drugs = factories.promise(period, title="Minska narkotikabruket bland unga")
    drugs.themes.set(Theme.objects.filter(slug__in=["narkotika", "unga"]))
    # An outcome indicator with a baseline and two measurements: the chart, table and trend.
    indicator = OutcomeIndicator.objects.create(
        promise=centre,
        name="Andel som känner sig trygga i centrum kvällstid",
        unit="%",
        source="Polisens trygghetsmätning",
        direction=Direction.HIGHER,
        baseline_value=Decimal("62"),
        baseline_date=ACTIVE_START - datetime.timedelta(days=400),
    )
    for days, value in ((300, "64.5"), (30, "71")):
        OutcomeMeasurement.objects.create(
            indicator=indicator,
            date=ACTIVE_START - datetime.timedelta(days=400) + datetime.timedelta(days=days),
            value=Decimal(value),
            source_note="Trygghetsmätningen",
        )

    # The browser smoke test reads "4 av minst 15 trafikkontroller".
    controls = factories.activity(period, title="Trafikkontroller", pk=ACTIVITY_PK)
    controls.promises.add(traffic)
    for day in range(4):
        factories.log(
            controls,
            _days_ago(day),
            place="Storgatan",
            summary="Hastighetskontroll vid skolan.",
            internal_note=INTERNAL_NOTE,
        )
    withdrawn = factories.log(controls, _days_ago(5), quantity=3)
    withdrawn.withdrawn_at = datetime.datetime.now(datetime.UTC)
    withdrawn.withdrawal_reason = "Fel aktivitet."
    withdrawn.save()  # through the model, so the progress sums follow

    targets = [
        ("Nykterhetskontroller", ("at_least", 2, "kontroller", "year"), Responsible.POLICE),
        ("Trygghetsvandringar", ("exactly", 3, "vandringar", "tertial"), Responsible.JOINT),
        ("Samverkansmöten", ("at_least", 1, "samverkansmöten", "month"), Responsible.MUNICIPALITY),
        ("Närvaro i centrum", ("at_least", 2, "kvällar", "week"), Responsible.POLICE),
        ("Fotpatrullering", ("at_least", 3, "pass", "average_week"), Responsible.POLICE),
        ("Föräldravandringar", ("at_least", 4, "vandringar", "average_month"), Responsible.OTHER),
        ("Anmälda skadegörelser", ("at_most", 40, "anmälningar", "period"), Responsible.JOINT),
    ]
    for index, (title, target, responsible) in enumerate(targets):
        activity = factories.activity(
            period,
            title=title,
            target=target,
            responsible=responsible,
            responsible_other="Föräldraföreningen" if responsible == Responsible.OTHER else "",
        )
        activity.promises.add(centre if index % 2 else drugs)
        for day in range(0, 60 + 10 * index, 9):
            factories.log(activity, _days_ago(day), quantity=1 + index % 2, place="Centrum")

    statuses = [
        ("Drogförebyggande lektioner", ActivityStatus.PLANNED, ""),
        ("Belysning vid busstationen", ActivityStatus.ONGOING, ""),
        ("Kameraövervakning av torget", ActivityStatus.DONE, ""),
        ("Cykelkontroller", ActivityStatus.CANCELLED, "Ersatt av trafikkontroller."),
    ]
    for title, status, reason in statuses:
        activity = factories.activity(
            period,
            title=title,
            target=None,
            responsible=Responsible.MUNICIPALITY,
            status=status,
            status_reason=reason,
        )
        activity.promises.add(drugs if status == ActivityStatus.PLANNED else centre)

    for days, kind, summary in [
        (80, MeetingKind.MONTHLY, "Trafikkontrollerna har kommit igång."),
        (50, MeetingKind.TERTIAL, "Arbetet går enligt plan, utom fotpatrulleringen."),
        (20, MeetingKind.CITIZEN_DIALOGUE, "Medborgardialog på torget, ett trettiotal besökare."),
    ]:
        meeting = FollowUpMeeting.objects.create(
            period=period,
            kind=kind,
            status="held",
            date=_days_ago(days),
            public_summary=summary,
            internal_minutes="Internt protokoll som aldrig får synas.",
        )
        for promise, rating in [
            (traffic, Rating.ON_TRACK),
            (centre, Rating.PARTLY),
            (drugs, Rating.NOT_ASSESSED),
        ]:
            Assessment.objects.create(
                meeting=meeting, promise=promise, rating=rating, comment="Bedömning vid mötet."
            )
    Report.objects.create(
        pk=REPORT_PK,
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialrapport",
        body="Under tertialet genomfördes trafikkontroller och trygghetsvandringar.",
        covers_from=ACTIVE_START,
        covers_to=_days_ago(30),
        published_on=_days_ago(25),
    )
    return period


def _closed_vetlanda(area: LocalPoliceArea) -> None:
    start = datetime.date(ACTIVE_START.year - 2, 1, 1)
    period = factories.period(
        "vetlanda",
        slug=CLOSED_SLUG,
        start=start,
        end=datetime.date(start.year + 1, 12, 31),
        state=PeriodState.CLOSED,
        local_police_area=area,
    )
    _signed(period, ("Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"))
    promise = factories.promise(period, title="Minska antalet inbrott i villaområden")
    activity = factories.activity(
        period, title="Grannsamverkan", target=("at_least", 10, "informationsmöten", "period")
    )
    activity.promises.add(promise)
    for month in range(1, 12):
        factories.log(activity, datetime.date(start.year, month, 15))
    Report.objects.create(
        period=period,
        kind=ReportKind.FINAL,
        title="Slutrapport",
        body="Elva informationsmöten hölls; målet uppnåddes.",
        covers_from=period.start_date,
        covers_to=period.end_date,
        published_on=period.end_date + datetime.timedelta(days=30),
    )


def _other_periods() -> None:
    tranas = factories.period(
        "tranas", slug=f"{ACTIVE_START.year}", start=_days_ago(200), end=_days_ago(-160)
    )
    _signed(tranas, ("Kommundirektör Tranås", "Kommundirektör", "Tranås kommun"))
    promise = factories.promise(tranas, title="Öka tryggheten i centrala Tranås")
    promise.themes.set(Theme.objects.filter(slug="trygghet-i-offentlig-miljo"))
    activity = factories.activity(
        tranas, title="Trafikkontroller vid skolor", target=("at_least", 5, "kontroller", "month")
    )
    activity.promises.add(promise)
    factories.log(activity, _days_ago(3), quantity=2)

    tranemo = factories.period(
        "tranemo",
        slug="forlangt",
        start=_days_ago(500),
        end=_days_ago(-60),
        state=PeriodState.EXTENDED,
    )
    _signed(tranemo, ("Ordförande Tranemo", "Kommunstyrelsens ordförande", "Tranemo kommun"))
    factories.promise(tranemo, title="Minska langningen av alkohol till unga")

    rosengard = factories.period(
        "malmo", slug="rosengard", area_name="Rosengård", start=_days_ago(30), end=_days_ago(-700)
    )
    _signed(rosengard, ("Kommunalråd Malmö", "Kommunalråd", "Malmö stad"))
    factories.promise(rosengard, title="Tryggare utemiljö kring Rosengårds centrum")

    # A district promise the Police give alone, made only of activities (no separate promises).
    sofielund = factories.period(
        "malmo",
        slug=DISTRICT_SLUG,
        area_name="Sofielund",
        parties=Parties.POLICE,
        start=_days_ago(60),
        end=_days_ago(-300),
    )
    _signed(sofielund, ("Områdeschef Malmö", "Lokalpolisområdeschef", "LPO Malmö Norr"))
    factories.activity(
        sofielund,
        title="Närvaro på Sofielundsgatan",
        description="Polisen ska vara synlig på Sofielundsgatan minst två kvällar per vecka.",
        target=("at_least", 2, "kvällar", "week"),
        partners="Malmö stad, fastighetsägarna",
    )
    factories.activity(
        sofielund,
        title="Dialogmöten",
        description="Vi ska genomföra dialogmöten med boende under året.",
        target=None,
        responsible=Responsible.UNSTATED,
    )

    draft = factories.period("eksjo", slug="utkast", state=PeriodState.DRAFT)
    factories.promise(draft, title=DRAFT_TITLE)


def _long_text_period() -> None:
    """Texts with a 300-character string and no space in them, where a visitor reads them."""
    period = factories.period(
        "hedemora", slug=LONG_TEXT_SLUG, start=_days_ago(60), end=_days_ago(-300)
    )
    _signed(period, ("Ordförande Hedemora", "Kommunstyrelsens ordförande", "Hedemora kommun"))
    promise = factories.promise(period, title="Tryggare centrum", description=LONG_WORD)
    activity = factories.activity(
        period,
        title="Trygghetsvandringar",
        description=f"Se {LONG_WORD} för rutten.",
        target=("at_least", 4, "trygghetsvandringar", "period"),
        partners=LONG_WORD,
    )
    activity.promises.add(promise)
    factories.log(activity, _days_ago(5), place=LONG_WORD[:150], summary=LONG_WORD)
    FollowUpMeeting.objects.create(
        period=period,
        kind=MeetingKind.TERTIAL,
        status="held",
        date=_days_ago(10),
        public_summary=f"Protokollet: {LONG_WORD}",
        decisions=LONG_WORD,
    )
    Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialrapport",
        body=f"Hela rapporten finns på {LONG_WORD}",
        covers_from=period.start_date,
        covers_to=_days_ago(20),
        published_on=_days_ago(15),
    )


@transaction.atomic
def build_public_data() -> None:
    """Build the data set; committed, so a live server on another connection sees it."""
    ensure_reference_data()
    area = factories.local_police_area(
        "LPO Höglandet", municipalities=[factories.municipality(s) for s in ("vetlanda", "eksjo")]
    )
    _active_vetlanda(area)
    _closed_vetlanda(area)
    _other_periods()
    _long_text_period()
    _staff(area)


# The browser's kommunpolis: password and the key of their authenticator app.
STAFF_USERNAME = "e2e-kommunpolis"
STAFF_PASSWORD = "ett-långt-lösenord-för-webbläsartest"
STAFF_TOTP_KEY = "3132333435363738393031323334353637383930"


# The municipality's coordinator and an approver (KLG), for the drafting and approval path.
COORDINATOR_USERNAME = "e2e-samordnare"
APPROVER_USERNAME = "e2e-granskare"


def _staff(area: LocalPoliceArea) -> None:
    user = get_user_model().objects.create_user(
        STAFF_USERNAME, password=STAFF_PASSWORD, first_name="Kim", last_name="Polis"
    )
    Membership.objects.create(user=user, role=Role.POLICE_OFFICER, local_police_area=area)
    TOTPDevice.objects.create(user=user, name="Telefon", key=STAFF_TOTP_KEY, confirmed=True)
    vetlanda = Municipality.objects.get(slug="vetlanda")
    for username, role, first_name in (
        (COORDINATOR_USERNAME, Role.COORDINATOR, "Sara"),
        (APPROVER_USERNAME, Role.APPROVER, "Per"),
    ):
        user = get_user_model().objects.create_user(
            username, password=STAFF_PASSWORD, first_name=first_name, last_name="Testsson"
        )
        Membership.objects.create(user=user, role=role, municipality=vetlanda)
        TOTPDevice.objects.create(user=user, name="Telefon", key=STAFF_TOTP_KEY, confirmed=True)


@transaction.atomic
def remove_public_data() -> None:
    """Remove everything `build_public_data` made, leaving the reference data as it was."""
    ActivityLog.objects.all().delete()
    OutcomeMeasurement.objects.all().delete()
    PromisePeriod.objects.all().delete()
    Membership.objects.all().delete()
    LocalPoliceArea.objects.all().delete()
    get_user_model().objects.all().delete()
