"""The seed_demo command: idempotent demo data that follow the seed documents."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

import followups.demo
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import (
    LogEntry,
    PaceStatus,
    Scope,
    Target,
    compute_progress,
    target_text,
)
from activities.wording import progress_words
from followups.demo import build_demo
from followups.models import Assessment, FollowUpMeeting, MeetingKind, Report, ReportKind
from municipalities.models import LocalPoliceArea, Membership, Role
from promises.lifecycle import (
    RULES,
    Action,
    available_actions,
    can_edit,
    is_approved,
    perform,
    roles_for,
)
from promises.models import (
    ChangeKind,
    DecisionProposal,
    Extension,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Review,
    ReviewVerdict,
    Revision,
    RevisionChange,
    RevisionKind,
    Signatory,
    Theme,
)

TODAY = datetime.date(2026, 11, 21)
MODELS = [
    get_user_model(),
    Group,
    Membership,
    LocalPoliceArea,
    PromisePeriod,
    Promise,
    Signatory,
    PeriodTransition,
    Review,
    DecisionProposal,
    Extension,
    Revision,
    RevisionChange,
    Activity,
    ActivityLog,
    FollowUpMeeting,
    Assessment,
    Report,
    Theme,
    # Many-to-many rows: group memberships, police area municipalities, themes, served promises.
    get_user_model().groups.through,
    LocalPoliceArea.municipalities.through,
    Promise.themes.through,
    Activity.promises.through,
]


def seed(*extra: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", "--today", TODAY.isoformat(), "--force", *extra, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded_once(module_data) -> str:
    """The demo seeded once for the module's reading tests; its output."""
    with module_data():
        return seed()


@pytest.fixture
def seeded(seeded_once, db) -> str:
    """The demo as seeded for this module (each test's writes are rolled back); its output."""
    return seeded_once


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def period(municipality: str, slug: str) -> PromisePeriod:
    return PromisePeriod.objects.get(municipality__name=municipality, slug=slug)


def activities_of(found: PromisePeriod) -> list[Activity]:
    return list(Activity.objects.filter(period=found).with_progress_data().order_by("position"))


def test_seed_demo_twice_creates_nothing_the_second_time(seeded):
    first_output = seeded  # the module's seed, into an empty database
    after_first = counts()
    second_output = seed()

    assert counts() == after_first
    assert all(after_first.values()), after_first
    assert "created" in first_output
    assert "nothing created" in second_output


def test_seed_demo_leaves_an_existing_period_and_its_children_untouched(seeded):
    vetlanda = period("Vetlanda", "2020-2021")
    vetlanda.activities.get(position=2).logs.first().delete()
    logs_before = ActivityLog.objects.count()

    seed()

    assert ActivityLog.objects.count() == logs_before


@pytest.mark.django_db
def test_seed_demo_refuses_without_force_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", "--today", TODAY.isoformat(), stdout=io.StringIO())

    assert not PromisePeriod.objects.exists()
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_seed_demo_runs_without_force_when_debug_is_on(settings):
    settings.DEBUG = True

    call_command("seed_demo", "--today", TODAY.isoformat(), stdout=io.StringIO())

    assert PromisePeriod.objects.count() == 5


@pytest.mark.django_db
def test_seed_demo_rejects_a_today_before_the_scenario():
    with pytest.raises(CommandError, match="on or after 2026-01-01"):
        call_command("seed_demo", "--today", "2025-06-01", "--force", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("seed_demo", "--today", "21/11/2026", "--force", stdout=io.StringIO())


def test_demo_users_have_their_groups_and_published_passwords(seeded):
    output = seeded

    users = get_user_model().objects
    for username, group in [
        ("kommunpolis", "Kommunpolis"),
        ("samordnare", "Samordnare"),
        ("granskare", "Granskare"),
    ]:
        user = users.get(username=username)
        assert user.check_password(f"demo-{username}-2026")
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
    admin = users.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("demo-admin-2026")
    assert "FOR LOCAL USE ONLY" in output
    assert "demo-kommunpolis-2026" in output


def test_seed_demo_keeps_a_changed_password(seeded):
    user = get_user_model().objects.get(username="samordnare")
    user.set_password("a-new-local-password")
    user.save()

    seed()

    user.refresh_from_db()
    assert user.check_password("a-new-local-password")


def test_local_police_areas_cover_their_municipalities(seeded):

    hoglandet = LocalPoliceArea.objects.get(name="Lokalpolisområde Höglandet")
    boras = LocalPoliceArea.objects.get(name="Lokalpolisområde Borås")
    assert hoglandet.police_region.name == "Öst"
    assert boras.police_region.name == "Väst"
    assert set(hoglandet.municipalities.values_list("name", flat=True)) == {
        "Vetlanda",
        "Tranås",
        "Eksjö",
        "Nässjö",
        "Sävsjö",
        "Aneby",
    }
    assert set(boras.municipalities.values_list("name", flat=True)) == {
        "Borås",
        "Bollebygd",
        "Mark",
        "Svenljunga",
        "Tranemo",
        "Ulricehamn",
    }


def test_vetlanda_2020_2021_has_the_documents_promises_activities_owners_and_targets(seeded):

    vetlanda = period("Vetlanda", "2020-2021")
    assert vetlanda.state == PeriodState.CLOSED
    assert vetlanda.start_date == vetlanda.signed_date == datetime.date(2020, 1, 15)
    assert vetlanda.end_date == datetime.date(2021, 12, 31)
    assert vetlanda.local_police_area.name == "Lokalpolisområde Höglandet"
    assert vetlanda.promises.count() == 2
    assert "trafiksäkerheten" in vetlanda.promises.get(position=1).title
    assert "narkotikabruk" in vetlanda.promises.get(position=2).title
    assert "nödvändighet" in vetlanda.background
    assert "stökiga och otrygga" in vetlanda.situation
    assert "polisen.se" in vetlanda.follow_up_text

    rows = [
        (a.responsible, a.target_comparator, a.target_value, a.target_unit, a.target_scope)
        for a in activities_of(vetlanda)
    ]
    assert rows == [
        (Responsible.JOINT, "", None, "", ""),
        (Responsible.POLICE, "at_least", 15, "trafikkontroller", Scope.PERIOD),
        (Responsible.POLICE, "at_least", 15, "flygande inspektioner", Scope.PERIOD),
        (
            Responsible.MUNICIPALITY,
            "at_least",
            2,
            "hastighetsdämpande eller trafikfrämjande åtgärder",
            Scope.PERIOD,
        ),
        (Responsible.POLICE, "at_least", 15, "riktade insatser", Scope.PERIOD),
        (Responsible.MUNICIPALITY, "", None, "", ""),
        (Responsible.JOINT, "at_least", 2, "samverkansmöten", Scope.PERIOD),
    ]
    untargeted = [a for a in activities_of(vetlanda) if a.target is None]
    assert {a.status for a in untargeted} == {ActivityStatus.DONE}
    assert all(a.promises.exists() for a in activities_of(vetlanda))
    assert list(vetlanda.signatories.values_list("name", "title", "organisation")) == [
        ("Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
        ("Jonas Lindell", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
    ]


def test_vetlanda_2020_2021_trafikkontroller_shows_17_done_of_target_15(seeded):

    activities = activities_of(period("Vetlanda", "2020-2021"))
    checks = activities[1].progress(TODAY)
    inspections = activities[2].progress(TODAY)

    assert (checks.spans[0].done, checks.spans[0].span.target) == (17, 15)
    assert checks.status == PaceStatus.ACHIEVED
    assert (inspections.total_done, inspections.status) == (12, PaceStatus.NOT_ACHIEVED)
    assert {a.progress(TODAY).status for a in activities[3:] if a.target} == {PaceStatus.ACHIEVED}


def test_vetlanda_2020_2021_has_two_assessed_meetings_and_a_final_report(seeded):

    vetlanda = period("Vetlanda", "2020-2021")
    meetings = list(vetlanda.meetings.order_by("date"))
    assert [(m.kind, m.date.year, m.date.month) for m in meetings] == [
        (MeetingKind.ANNUAL_REVIEW, 2020, 12),
        (MeetingKind.COLLABORATION, 2021, 6),
    ]
    assert all(m.assessments.count() == 2 for m in meetings)
    report = vetlanda.reports.get()
    assert report.kind == ReportKind.FINAL
    assert "17 trafikkontroller" in report.body


def test_published_periods_have_history_decision_and_signatories(seeded):

    for found in PromisePeriod.objects.published():
        states = list(found.transitions.values_list("from_state", "to_state"))
        # Created as a draft by create_period, which records no step; the first is the sending.
        assert states[0] == (PeriodState.DRAFT, PeriodState.CONSULTATION)
        assert (PeriodState.DECIDED, PeriodState.SIGNED) in states
        assert states[-1][1] == found.state
        assert found.decision_body and found.decision_date and found.decision_reference
        assert found.signed_date
        assert found.signatories.count() == 2


def test_draft_is_never_published(seeded):

    draft = period("Vetlanda", "2026-2027")
    assert draft.state == PeriodState.DRAFT
    assert not PromisePeriod.objects.published().filter(pk=draft.pk).exists()
    assert not draft.is_active(TODAY)
    assert not draft.contact_is_public
    assert draft.signed_date is None and not draft.signatories.exists()
    assert draft.promises.count() == 2
    assert draft.situation != period("Vetlanda", "2020-2021").situation
    # Its background says its own length, not the two years of the 2020–2021 text it follows.
    assert "i två år" not in draft.background
    assert "gäller till och med den 31 december 2027" in draft.background
    assert draft.end_date == datetime.date(2027, 12, 31)
    assert PromisePeriod.objects.published().count() == 4


def test_tranas_2023_2024_follows_the_decision_proposal(seeded):

    tranas = period("Tranås", "2023-2024")
    assert tranas.state == PeriodState.CLOSED
    assert tranas.decision_body == "Kommunstyrelsen"
    assert tranas.decision_date == datetime.date(2023, 4, 12)
    assert tranas.start_date == tranas.signed_date == datetime.date(2023, 4, 20)
    assert tranas.end_date == datetime.date(2024, 12, 31)
    assert [p.title for p in tranas.promises.all()] == [
        "Öka upptäckten av narkotikabrott, främst bland personer i åldern 21 år och yngre, "
        "med syfte att minska bruket av narkotika",
        "Öka den upplevda tryggheten i de centrala delarna av Tranås",
        "Arbeta långsiktigt med en säker trafikmiljö inom Tranås kommun",
    ]
    assert all(p.themes.exists() for p in tranas.promises.all())
    assert tranas.transitions.filter(comment__contains="KLG 2023-03-23").exists()
    assert tranas.signatories.filter(name="Pär Thudéen", title="Kommundirektör").exists()


def test_tranas_2025_2026_has_done_on_track_and_behind_activities_on_2026_11_21(seeded):

    tranas = period("Tranås", "2025-2026")
    activities = activities_of(tranas)
    statuses = [a.progress(TODAY).status for a in activities]

    assert tranas.is_active(TODAY)
    assert PaceStatus.DONE in statuses
    assert PaceStatus.ON_TRACK in statuses
    assert PaceStatus.BEHIND in statuses
    assert {a.target_scope for a in activities} >= {
        Scope.YEAR,
        Scope.TERTIAL,
        Scope.MONTH,
        Scope.AVERAGE_WEEK,
    }
    assert any(a.target_comparator == "at_most" for a in activities)
    other = [a for a in activities if a.responsible == Responsible.OTHER]
    assert [a.responsible_other for a in other] == ["Räddningstjänsten Höglandet"]
    assert tranas.meetings.filter(kind=MeetingKind.TERTIAL).count() >= 3
    assert tranas.reports.filter(kind=ReportKind.YEAR_END, covers_to__year=2025).exists()


def test_withdrawn_logs_exist_and_do_not_count(seeded):

    withdrawn = ActivityLog.objects.filter(withdrawn_at__isnull=False)
    assert withdrawn.exists()
    assert all(log.withdrawal_reason for log in withdrawn)
    for activity in Activity.objects.filter(logs__in=withdrawn).distinct().with_progress_data():
        counted = sum(log.quantity for log in activity.logs.all() if log.withdrawn_at is None)
        everything = sum(log.quantity for log in activity.logs.all())
        assert activity.progress(TODAY).total_done == counted < everything


def test_tranemo_has_untargeted_activities_monthly_meetings_a_public_contact_and_is_active(seeded):

    tranemo = period("Tranemo", "2025")
    assert tranemo.state == PeriodState.EXTENDED
    assert tranemo.start_date == datetime.date(2025, 1, 1)
    assert tranemo.end_date == datetime.date(2026, 12, 31)
    assert tranemo.is_active(TODAY)
    assert tranemo.transitions.filter(
        to_state=PeriodState.EXTENDED, comment__contains="2026-12-31"
    ).exists()
    assert (tranemo.contact_name, tranemo.contact_phone) == ("Joakim Börjesson", "0725-25 94 20")
    assert tranemo.contact_is_public
    activities = activities_of(tranemo)
    assert len(activities) == 5
    assert all(a.target is None for a in activities)
    assert {a.status for a in activities} == {ActivityStatus.ONGOING, ActivityStatus.DONE}
    assert {a.responsible for a in activities} == {Responsible.JOINT, Responsible.POLICE}
    monthly = tranemo.meetings.filter(kind=MeetingKind.MONTHLY)
    months = {(m.date.year, m.date.month) for m in monthly}
    assert (2025, 1) in months and (2026, 11) in months
    assert monthly.count() == len(months) >= 20
    assert all(m.public_summary and m.internal_minutes for m in monthly)
    assert tranemo.reports.filter(kind=ReportKind.YEAR_END, covers_to__year=2025).exists()
    logs = ActivityLog.objects.filter(activity__period=tranemo)
    assert logs.exclude(place="").exclude(summary="").exclude(internal_note="").exists()


def test_nothing_is_dated_after_today(seeded):

    assert not ActivityLog.objects.filter(date__gt=TODAY).exists()
    assert not FollowUpMeeting.objects.filter(date__gt=TODAY).exists()
    assert not Report.objects.filter(published_on__gt=TODAY).exists()
    for log in ActivityLog.objects.select_related("activity__period"):
        assert log.activity.period.start_date <= log.date <= log.activity.period.end_date


def test_logs_are_reported_by_the_responsible_party(seeded):

    police_reporters = set(
        ActivityLog.objects.filter(activity__responsible=Responsible.POLICE).values_list(
            "reported_by__username", flat=True
        )
    )
    municipal_reporters = set(
        ActivityLog.objects.filter(activity__responsible=Responsible.MUNICIPALITY).values_list(
            "reported_by__username", flat=True
        )
    )
    assert police_reporters == {"kommunpolis"}
    assert municipal_reporters == {"samordnare"}


@pytest.mark.django_db
def test_themes_migration_creates_the_managed_list():
    assert set(Theme.objects.values_list("slug", flat=True)) >= {
        "narkotika",
        "trafik",
        "trygghet-i-offentlig-miljo",
        "unga",
        "vald",
        "brott-i-nara-relationer",
        "skadegorelse",
        "ordningsstorningar",
    }
    assert Theme.objects.get(slug="trygghet-i-offentlig-miljo").name == (
        "Trygghet i offentlig miljö"
    )


REVIEW_DAY = datetime.date(2026, 1, 20)


def user(username: str):
    return get_user_model().objects.get(username=username)


def test_seed_demo_prints_the_lifecycle_records_it_created(seeded):
    output = seeded

    for created in (
        "5 reviews",
        "2 decision proposals",
        "1 extensions",
        "1 revisions",
        "2 revision changes",
    ):
        assert created in output


def test_every_period_counts_the_consultation_rounds_of_its_history(seeded):

    for found in PromisePeriod.objects.all():
        sent = found.transitions.filter(to_state=PeriodState.CONSULTATION).count()
        assert found.consultation_round == sent, found
    assert period("Tranås", "2025-2026").consultation_round == 2


def test_tranas_2025_2026_reviews_send_back_the_first_round_and_approve_the_second(seeded):

    tranas = period("Tranås", "2025-2026")
    returned = tranas.transitions.get(
        from_state=PeriodState.CONSULTATION, to_state=PeriodState.DRAFT
    )
    reviews = list(tranas.reviews.order_by("at"))
    assert [(r.round, r.verdict, r.reviewer.username) for r in reviews] == [
        (1, ReviewVerdict.RETURN, "granskare"),
        (2, ReviewVerdict.APPROVE, "granskare"),
    ]
    assert "förtydliga målet för trygghetsvandringarna" in reviews[0].comment
    assert reviews[0].at == returned.at
    assert returned.by == reviews[0].reviewer
    resubmitted, decided = (
        tranas.transitions.filter(to_state=PeriodState.CONSULTATION).order_by("at").last(),
        tranas.transitions.get(to_state=PeriodState.DECIDED),
    )
    assert resubmitted.at < reviews[1].at < decided.at
    assert timezone.localdate(reviews[1].at) == datetime.date(2025, 2, 20)
    # The reviewer may review there: an approver of the municipality.
    assert Membership.objects.filter(
        user=reviews[1].reviewer, role=Role.APPROVER, municipality=tranas.municipality
    ).exists()
    assert is_approved(tranas)


def test_tranas_decision_proposals_follow_the_seed_document(seeded):

    old = period("Tranås", "2023-2024").proposal
    new = period("Tranås", "2025-2026").proposal
    for proposal in (old, new):
        assert "Omvärldsanalys" in proposal.description
        assert "nödvändighet för att det brottsförebyggande" in proposal.description
        assert proposal.consulted == "kommunledningsgruppen, KLG"
        assert proposal.economy == "Finansiering sker inom befintlig ram"
        assert proposal.recipient_lines == ["Diariet", "Säkerhetssamordnaren"]
        assert proposal.official_lines == [
            "Pär Thudéen, Kommundirektör",
            "Henrik Nilsson, Räddningschef",
        ]
    assert old.consulted_on == datetime.date(2023, 3, 23)
    assert old.basis_lines == [
        "Tjänsteutlåtande kommunledningsförvaltningen 2023-03-24",
        "Bilaga – medborgarlöften 2023–2024",
    ]
    assert new.consulted_on == datetime.date(2025, 2, 20)
    assert new.basis_lines == [
        "Tjänsteutlåtande kommunledningsförvaltningen 2025-02-21",
        "Bilaga – medborgarlöften 2025–2026",
    ]
    assert "2023–2024" in new.summary and "2023–2024" in new.description
    # The proposal's date is the day it was written, before the decision.
    assert timezone.localdate(new.updated_at) == datetime.date(2025, 2, 21)
    decided = new.period.transitions.get(to_state=PeriodState.DECIDED)
    assert "Samråd med KLG 2025-02-20" in decided.comment


def test_tranemo_extension_matches_its_extended_transition(seeded):

    tranemo = period("Tranemo", "2025")
    extended = tranemo.transitions.get(to_state=PeriodState.EXTENDED)
    extension = tranemo.extensions.get()
    assert extension.previous_end_date == datetime.date(2025, 12, 31)
    assert extension.new_end_date == tranemo.end_date == datetime.date(2026, 12, 31)
    assert (extension.decision_body, extension.decision_date, extension.decision_reference) == (
        "Kommunstyrelsen",
        datetime.date(2025, 12, 9),
        "KS 2025/311",
    )
    assert (extension.created_at, extension.created_by) == (extended.at, extended.by)
    assert "KS 2025/311" in extended.comment and "2025-12-09" in extended.comment


def test_tranas_annual_review_lowers_a_target_and_keeps_the_progress_shown_before(seeded):

    tranas = period("Tranås", "2025-2026")
    revision = tranas.revisions.get()
    assert (revision.number, revision.kind) == (1, RevisionKind.ANNUAL_REVIEW)
    assert timezone.localdate(revision.created_at) == REVIEW_DAY
    assert revision.created_by.username == "samordnare"
    # The kind names it; the reason does not repeat it (the document writes "kind: reason").
    assert revision.get_kind_display() == "årlig översyn"
    assert "färre poliser i yttre tjänst" in revision.reason.lower()
    assert "Årlig översyn" not in revision.reason
    change = revision.changes.get(kind=ChangeKind.TARGET)
    activity = tranas.activities.get(title=change.subject)
    old_target = Target(
        activity.target_comparator,
        12,
        activity.target_unit,
        Scope.YEAR,
        unit_singular=activity.target_unit_singular,
    )

    # Recomputed from the activity's logs as they stood at the revision, against the old target.
    entries = [
        LogEntry(
            log.date,
            log.quantity,
            withdrawn=log.withdrawn_at is not None and log.withdrawn_at <= revision.created_at,
        )
        for log in activity.logs.filter(date__lte=REVIEW_DAY)
    ]
    before = compute_progress(old_target, tranas.start_date, tranas.end_date, entries, REVIEW_DAY)
    with translation.override("sv"):
        assert change.old_value == target_text(old_target) == "minst 12 narkotikainsatser per år"
        assert change.new_value == target_text(activity.target)
        assert change.progress_before == progress_words(before)
    assert activity.target == Target(
        "at_least", 10, "narkotikainsatser", Scope.YEAR, unit_singular="narkotikainsats"
    )
    assert f"{before.current.done} av minst 12 narkotikainsatser" in change.progress_before
    assert before.current.done > 0
    described = revision.changes.get(kind=ChangeKind.ACTIVITY_CHANGED)
    assert "minst tolv" in described.old_value
    assert described.new_value == activity.description and "minst tio" in activity.description
    assert activity.edit_version == 2


def test_texts_quote_the_target_in_force_on_the_day_they_judge(seeded):
    tranas = period("Tranås", "2025-2026")
    report = tranas.reports.get(kind=ReportKind.YEAR_END)
    # Published after the annual review, the year-end report judges the year's end against the
    # target of that day, as its frozen figures do, and tells of the review that lowered it.
    assert report.published_on > REVIEW_DAY and report.figures_as_of < REVIEW_DAY
    assert "mål: minst 12 narkotikainsatser per år" in report.body
    assert "minst 10 narkotikainsatser" not in report.body
    assert "sänktes målet för narkotikainsatser från tolv till tio" in report.body
    drugs = next(row for row in report.figures if row["activity"] == "Narkotikainsatser")
    assert " av minst 12 narkotikainsatser" in drugs["progress"]
    # The meetings keep the figures they judged by, against the target of their day.
    kept = {
        meeting.date: " ".join(
            row["progress"]
            for row in meeting.assessments.get(promise__position=1).figures
            if row["activity"] == "Narkotikainsatser"
        )
        for meeting in tranas.meetings.filter(status="held")
    }
    before = [figures for day, figures in kept.items() if day < REVIEW_DAY]
    after = [figures for day, figures in kept.items() if day > REVIEW_DAY]
    assert before and after
    assert all("av minst 12 narkotikainsatser" in figures for figures in before)
    assert all("minst 10 narkotikainsatser" in figures for figures in after)
    assert not any("minst 12" in figures for figures in after)


@pytest.mark.django_db
def test_no_revision_when_today_is_before_the_annual_review():
    result = build_demo(datetime.date(2026, 1, 10))

    assert result.created["revisions"] == 0
    assert not Revision.objects.exists() and not RevisionChange.objects.exists()
    activity = period("Tranås", "2025-2026").activities.get(title="Narkotikainsatser")
    assert activity.target_value == 12 and "minst tolv" in activity.description
    assert activity.edit_version == 1


def test_demo_coordinator_and_approver_work_in_vetlanda_too_and_the_draft_can_be_sent(seeded):
    draft = period("Vetlanda", "2026-2027")
    samordnare, granskare = user("samordnare"), user("granskare")
    places = {
        (m.user.username, m.role, m.municipality.name)
        for m in Membership.objects.filter(municipality__isnull=False).select_related(
            "user", "municipality"
        )
    }
    assert places == {
        ("samordnare", Role.COORDINATOR, "Tranås"),
        ("samordnare", Role.COORDINATOR, "Vetlanda"),
        ("samordnare", Role.COORDINATOR, "Tranemo"),
        ("granskare", Role.APPROVER, "Tranås"),
        ("granskare", Role.APPROVER, "Vetlanda"),
        ("granskare", Role.APPROVER, "Tranemo"),
    }
    assert can_edit(draft, samordnare) and not can_edit(draft, user("kommunpolis"))
    assert PromisePeriod.objects.editable_by(samordnare).filter(pk=draft.pk).exists()
    assert Action.SUBMIT in available_actions(draft, samordnare)

    perform(draft, samordnare, Action.SUBMIT, comment="Skickat på samråd.", today=TODAY)

    draft.refresh_from_db()
    assert (draft.state, draft.consultation_round) == (PeriodState.CONSULTATION, 1)
    assert Action.APPROVE in available_actions(draft, granskare)


def test_every_step_of_the_demo_is_one_the_lifecycle_rules_allow_its_author(seeded):

    transitions = PeriodTransition.objects.select_related("period", "by").order_by("at", "pk")
    assert transitions.exists()
    for step in transitions:
        rules = [
            rule
            for rule in RULES.values()
            if step.from_state in rule.from_states and rule.to_state == step.to_state
        ]
        assert rules, step
        assert any(roles_for(step.by, step.period) & set(rule.roles) for rule in rules), step
    for review in Review.objects.select_related("period", "reviewer"):
        assert Role.APPROVER in roles_for(review.reviewer, review.period), review
    # Every decision was preceded by an approval of its round.
    for decided in PeriodTransition.objects.filter(to_state=PeriodState.DECIDED):
        assert decided.period.reviews.filter(
            verdict=ReviewVerdict.APPROVE, at__lt=decided.at
        ).exists()


def test_each_periods_history_follows_its_transitions(seeded):

    for found in PromisePeriod.objects.exclude(state=PeriodState.DRAFT):
        steps = list(found.transitions.order_by("at"))
        history = list(found.history.order_by("history_id"))
        # One history record at the creation, then one per step, at the step's moment.
        assert [record.state for record in history] == [PeriodState.DRAFT] + [
            step.to_state for step in steps
        ]
        assert [record.history_date for record in history[1:]] == [step.at for step in steps]
        assert history[0].history_date < steps[0].at


DEMO_PACKAGE = Path(followups.demo.__file__).parent


def test_no_module_of_the_demo_is_over_600_lines():
    for module in DEMO_PACKAGE.glob("*.py"):
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 600, module.name


def test_the_demo_writes_no_lifecycle_record_history_or_state_by_hand():
    # Lifecycle records, history rows and state are written by lifecycle.perform and the
    # services only.
    forbidden = re.compile(
        r"(PeriodTransition|Review|Extension|Signatory)(\(|\.objects)|Historical|\.history\b"
        r"|\bstate\s*=|consultation_round|created_at"
    )
    # One exception: the demo's logs, those counting a meeting too, are stamped the evening of
    # their day, as months of logging would have them (`Builder.insert_logs`, `Builder.meeting`):
    # stamped at seeding, every log would be shown as logged late (`ActivityLog.logged_late`).
    allowed = {("builder.py", "ActivityLog.objects.filter(pk__in=pks).update(created_at=evening)")}
    for module in DEMO_PACKAGE.glob("*.py"):
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            if (module.name, line.strip()) in allowed:
                continue
            assert not forbidden.search(line), f"{module.name}:{number}: {line.strip()}"


def test_a_final_meetings_assessments_name_the_periods_last_day_not_the_day_after(seeded):
    # The last meeting of Tranås 2023–2024 counted to the day after the period (each span judged
    # once ended); its comments said "Bedömt utifrån läget den 1 januari 2025" (a journalist).
    found = period("Tranås", "2023-2024")
    meeting = FollowUpMeeting.objects.get(period=found, date=datetime.date(2025, 1, 23))
    comments = [assessment.comment for assessment in meeting.assessments.all()]

    assert comments
    assert all("läget den 31 december 2024 " in comment for comment in comments), comments


def test_the_logs_counting_meetings_are_logged_the_evening_of_the_meeting(seeded):
    """Stamped at seeding, every monthly meeting of Tranemo read "10 november 2026 (loggad 7
    december 2026)" on the public page, and led the staff start page's latest logs."""
    logs = ActivityLog.objects.filter(meeting__isnull=False)

    assert logs.count() >= 20
    for log in logs:
        assert timezone.localtime(log.created_at).date() == log.date, log
        assert not log.logged_late


def test_a_report_counts_what_the_meetings_logged(seeded):
    """Tranemo's year report said "Månatlig uppföljning med Trygg och Säker kommun: pågår."
    beside figures of 11 occurrences: the meetings' logs were not counted into its text."""
    report = Report.objects.get(period=period("Tranemo", "2025"), kind=ReportKind.YEAR_END)

    assert "Månatlig uppföljning med Trygg och Säker kommun: pågår (11 " in report.body
