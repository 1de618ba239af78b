"""The period's staff page as its workspace: state, next steps per role, editor links, record."""

import datetime
import functools

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from activities.models import Activity
from municipalities.models import Role
from promises.lifecycle import Action
from promises.models import (
    ChangeKind,
    Extension,
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Review,
    ReviewAnswer,
    ReviewVerdict,
    Revision,
    RevisionChange,
    RevisionKind,
)
from tests import factories
from tests.staff import sign_in, staff_user

DAY = datetime.timedelta(days=1)


# One definition for the staff pages' tests (tests/factories.py): here a period in force,
# started 100 days ago, with two promises.
make_period = functools.partial(factories.period_in_state, starts=-100, ends=300, promises=2)


def page(client, period: PromisePeriod):
    response = client.get(reverse("promises:staff_period", args=[period.pk]))
    assert response.status_code == 200
    return response


def transition_url(period: PromisePeriod, action: str) -> str:
    return reverse("promises:period_transition", args=[period.pk, action])


def editor_urls(period: PromisePeriod) -> dict[str, str]:
    promise = period.promises.first()
    activity = period.activities.first()
    return {
        "period_edit": reverse("promises:period_edit", args=[period.pk]),
        "promise_create": reverse("promises:promise_create", args=[period.pk]),
        "promise_edit": reverse("promises:promise_edit", args=[promise.pk]),
        "promise_move": reverse("promises:promise_move", args=[promise.pk]),
        "promise_delete": reverse("promises:promise_delete", args=[promise.pk]),
        "activity_create": reverse("activities:activity_create", args=[period.pk]),
        "activity_edit": reverse("activities:activity_edit", args=[activity.pk]),
        "activity_move": reverse("activities:activity_move", args=[activity.pk]),
        "activity_delete": reverse("activities:activity_delete", args=[activity.pk]),
    }


# --- actions per role -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "state", "expected"),
    [
        ("coordinator", PeriodState.DRAFT, [Action.SUBMIT]),
        # The decision waits for an approval (see below).
        ("coordinator", PeriodState.CONSULTATION, [Action.WITHDRAW]),
        ("coordinator", PeriodState.DECIDED, [Action.SIGN]),
        ("coordinator", PeriodState.SIGNED, [Action.EXTEND, Action.CLOSE]),
        ("coordinator", PeriodState.CLOSED, []),
        ("approver", PeriodState.DRAFT, []),
        ("approver", PeriodState.CONSULTATION, [Action.COMMENT, Action.APPROVE, Action.RETURN]),
        ("officer", PeriodState.CONSULTATION, []),
        ("officer", PeriodState.SIGNED, []),
    ],
)
def test_the_page_offers_the_steps_the_user_may_take_now(client, people, who, state, expected):
    extra = {}
    if state not in (PeriodState.DRAFT, PeriodState.CONSULTATION):
        extra["decision_date"] = timezone.localdate() - 200 * DAY
    if state in (PeriodState.SIGNED, PeriodState.CLOSED):
        extra["signed_date"] = timezone.localdate() - 100 * DAY
    period = make_period(state, **extra)
    sign_in(client, getattr(people, who))

    response = page(client, period)

    assert response.context["actions"] == expected
    html = response.content.decode()
    for action in Action:
        assert (transition_url(period, action) in html) == (action in expected), action
    if not expected:
        assert gettext("There is no lifecycle step for you to take in this state.") in html


@pytest.mark.django_db
def test_the_page_says_when_the_decision_waits_for_an_approval(client, people):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.coordinator)
    missing = gettext(
        "No approver has approved this version yet. The decision can be recorded once an "
        "approver has approved it."
    )

    assert missing in page(client, period).content.decode()

    assert transition_url(period, Action.DECIDE) not in page(client, period).content.decode()

    Review.objects.create(
        period=period, round=1, reviewer=people.approver, verdict=ReviewVerdict.APPROVE
    )
    response = page(client, period)
    assert missing not in response.content.decode()
    assert response.context["actions"] == [Action.WITHDRAW, Action.DECIDE]


@pytest.mark.django_db
def test_the_step_indicator_marks_the_current_state(client, people):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.officer)

    response = page(client, period)

    assert [step.status for step in response.context["steps"]] == [
        "done",
        "current",
        "to-come",
        "to-come",
        "to-come",
    ]
    html = response.content.decode()
    assert html.count('aria-current="step"') == 1
    current = html.split('aria-current="step">', 1)[1]
    assert current.startswith(str(PeriodState.CONSULTATION.label).capitalize())


@pytest.mark.django_db
def test_the_step_indicator_ends_with_the_extension(client, people):
    period = make_period(
        PeriodState.EXTENDED,
        decision_date=timezone.localdate() - 200 * DAY,
        signed_date=timezone.localdate() - 100 * DAY,
    )
    sign_in(client, people.officer)

    steps = page(client, period).context["steps"]

    assert steps[-1].label == str(PeriodState.EXTENDED.label)
    assert steps[-1].status == "current"
    assert {step.status for step in steps[:-1]} == {"done"}


# --- editor links ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_coordinator_gets_every_editor_link_in_a_draft(client, people):
    period = make_period(PeriodState.DRAFT)
    sign_in(client, people.coordinator)

    html = page(client, period).content.decode()

    for name, link in editor_urls(period).items():
        assert link in html, name
    assert 'name="direction" value="up"' in html
    assert 'name="direction" value="down"' in html
    assert reverse("promises:period_copy", args=[period.pk]) in html
    assert reverse("promises:period_create") in html
    assert reverse("promises:proposal_edit", args=[period.pk]) in html
    revision_note = gettext(
        "This citizen promise is signed: every change is recorded as a revision with a reason, "
        "shown in the public change log."
    )
    assert revision_note not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "state, progress",
    [
        (PeriodState.DRAFT, False),
        (PeriodState.CONSULTATION, False),
        (PeriodState.DECIDED, False),
        (PeriodState.SIGNED, True),
    ],
)
def test_before_the_signing_the_activities_show_their_targets_not_progress(
    client, people, state, progress
):
    """An approver read a draft's "0 av minst 15 trafikkontroller · Ej påbörjad" as a result."""
    period = make_period(state, starts=10)
    sign_in(client, people.coordinator)

    html = " ".join(page(client, period).content.decode().split())

    assert "Mål: minst 15 trafikkontroller under hela perioden" in html
    assert ("0 av minst 15 trafikkontroller" in html) is progress
    assert ("Aktiviteter och framsteg" in html) is progress
    assert ("Så räknas framstegen" in html) is progress


@pytest.mark.django_db
def test_the_first_promise_cannot_move_up_nor_the_last_down(client, people):
    period = make_period(PeriodState.DRAFT, promises=2)
    first, last = period.promises.all()
    sign_in(client, people.coordinator)

    html = page(client, period).content.decode()

    first_item = html.split(f'id="lofte-{first.pk}"', 1)[1].split(f'id="lofte-{last.pk}"', 1)[0]
    assert 'value="down"' in first_item and 'value="up"' not in first_item
    last_item = html.split(f'id="lofte-{last.pk}"', 1)[1].split("</li>\n    \n  </ol>", 1)[0]
    assert 'value="up"' in last_item


@pytest.mark.django_db
def test_a_signed_period_is_edited_by_revision_and_nothing_is_deleted(client, people):
    period = make_period(
        PeriodState.SIGNED,
        decision_date=timezone.localdate() - 200 * DAY,
        signed_date=timezone.localdate() - 100 * DAY,
    )
    sign_in(client, people.coordinator)

    html = page(client, period).content.decode()

    links = editor_urls(period)
    for name in ("period_edit", "promise_create", "promise_edit", "activity_edit"):
        assert links[name] in html, name
    assert links["promise_delete"] not in html
    assert links["activity_delete"] not in html
    assert (
        gettext(
            "This citizen promise is signed: every change is recorded as a revision with a "
            "reason, shown in the public change log."
        )
        in html
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "state"),
    [
        ("coordinator", PeriodState.CONSULTATION),
        ("coordinator", PeriodState.DECIDED),
        ("officer", PeriodState.DRAFT),
        ("approver", PeriodState.DRAFT),
    ],
)
def test_no_editor_links_outside_draft_and_signed_or_for_other_roles(client, people, who, state):
    extra = {"decision_date": timezone.localdate() - 200 * DAY} if state == "decided" else {}
    period = make_period(state, **extra)
    sign_in(client, getattr(people, who))

    response = page(client, period)

    assert response.context["can_edit"] is False
    html = response.content.decode()
    for name, link in editor_urls(period).items():
        assert link not in html, name
    assert 'name="direction"' not in html


@pytest.mark.django_db
def test_copying_and_the_proposal_are_for_coordinators_in_any_state(client, people):
    period = make_period(PeriodState.CONSULTATION)
    copy = reverse("promises:period_copy", args=[period.pk])
    proposal = reverse("promises:proposal_edit", args=[period.pk])
    documents = [
        reverse("promises:staff_document", args=[period.pk, "tjansteutlatande"]),
        reverse("promises:staff_document_pdf", args=[period.pk, "tjansteutlatande"]),
        reverse("promises:staff_document", args=[period.pk, "medborgarloftet"]),
        reverse("promises:staff_document_pdf", args=[period.pk, "medborgarloftet"]),
    ]

    sign_in(client, people.coordinator)
    html = page(client, period).content.decode()
    assert copy in html and proposal in html
    assert all(link in html for link in documents)

    sign_in(client, people.approver)
    html = page(client, period).content.decode()
    assert copy not in html and proposal not in html
    assert reverse("promises:period_create") not in html
    assert all(link in html for link in documents)


# --- the record -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reviews_are_listed_by_round_newest_first(client, people):
    period = make_period(PeriodState.CONSULTATION, consultation_round=2)
    now = timezone.now()
    Review.objects.create(
        period=period,
        round=1,
        reviewer=people.approver,
        verdict=ReviewVerdict.RETURN,
        comment="Målen behöver siffror.",
        at=now - 3 * DAY,
    )
    Review.objects.create(
        period=period,
        round=2,
        reviewer=people.approver,
        verdict=ReviewVerdict.COMMENT,
        comment="Bättre nu.",
        at=now - DAY,
    )
    Review.objects.create(
        period=period, round=2, reviewer=people.approver, verdict=ReviewVerdict.APPROVE, at=now
    )
    sign_in(client, people.coordinator)

    response = page(client, period)

    rounds = response.context["review_rounds"]
    assert [(number, [r.verdict for r in reviews]) for number, reviews in rounds] == [
        (2, ["approve", "comment"]),
        (1, ["return"]),
    ]
    html = response.content.decode()
    assert html.index("Bättre nu.") < html.index("Målen behöver siffror.")
    assert html.index(gettext("Round %(round)s") % {"round": 2}) < html.index(
        gettext("Round %(round)s") % {"round": 1}
    )
    assert "Granskare Testsson" in html
    assert str(ReviewVerdict.RETURN.label).capitalize() in html


@pytest.mark.django_db
def test_transitions_extensions_and_revisions_are_listed(client, people):
    today = timezone.localdate()
    period = make_period(
        PeriodState.EXTENDED, decision_date=today - 200 * DAY, signed_date=today - 100 * DAY
    )
    PeriodTransition.objects.create(
        period=period,
        from_state=PeriodState.DRAFT,
        to_state=PeriodState.CONSULTATION,
        by=people.coordinator,
        comment="Till KLG för samråd.",
    )
    Extension.objects.create(
        period=period,
        previous_end_date=period.end_date - 100 * DAY,
        new_end_date=period.end_date,
        decision_body="Kommunstyrelsen",
        decision_date=today - 10 * DAY,
        decision_reference="KS 2026/300",
        created_by=people.coordinator,
    )
    revision = Revision.objects.create(
        period=period,
        number=1,
        kind=RevisionKind.ANNUAL_REVIEW,
        reason="Årlig översyn i samverkansgruppen.",
        created_by=people.coordinator,
    )
    RevisionChange.objects.create(
        revision=revision,
        kind=ChangeKind.TARGET,
        subject="Trafikkontroller 1",
        old_value="minst 15 trafikkontroller",
        new_value="minst 10 trafikkontroller",
    )
    sign_in(client, people.officer)

    html = page(client, period).content.decode()

    assert "Till KLG för samråd." in html
    # The step's time is when it was recorded (a decision's own day is under the decision):
    # an approver read the recording's day as the decision's.
    assert "Samordnare Testsson, registrerat <time" in html
    assert str(PeriodState.CONSULTATION.label) in html
    assert "KS 2026/300" in html
    assert "Årlig översyn i samverkansgruppen." in html
    assert "minst 15 trafikkontroller → minst 10 trafikkontroller" in html
    assert str(ChangeKind.TARGET.label) in html


# --- the latest and next follow-up meeting -----------------------------------------------------


def _swedish_date(day: datetime.date) -> str:
    with translation.override("sv"):
        return date_format(day, "j F Y")


def _follow_up_section(html: str) -> str:
    """The hub's follow-up section, whitespace collapsed."""
    start = html.index('id="follow-up-now-heading"')
    return " ".join(html[start : html.index("</section>", start)].split())


@pytest.mark.django_db
def test_the_hub_names_the_latest_held_meeting_with_its_decisions_and_the_next_planned_one(
    client, people
):
    """A coordinator taking over mid-year looked for both through the list of meetings."""
    today = timezone.localdate()
    period = make_period(PeriodState.SIGNED)
    factories.meeting(period, today - 60 * DAY, decisions="Gamla beslut.")
    latest = factories.meeting(
        period,
        today - 10 * DAY,
        kind="tertial",
        forum="Trygg och säker kommun",
        public_summary="Läget i centrum har blivit lugnare.",
        decisions="Fler trygghetsvandringar i höst.\nNy lägesbild till mars.",
        internal_minutes="Intern diskussion om personal.",
    )
    # A later record withdrawn, a planned meeting whose day passed and a cancelled one that
    # comes sooner: none of them is the latest held or the next planned meeting.
    factories.meeting(period, today - 5 * DAY, status="withdrawn", status_reason="Fel möte.")
    passed = factories.meeting(period, today - 3 * DAY, status="planned")
    factories.meeting(period, today - 8 * DAY, status="planned")  # an older one: not named
    factories.meeting(period, today + 10 * DAY, status="cancelled", status_reason="Sjukdom.")
    coming = factories.meeting(period, today + 20 * DAY, status="planned", forum="KLG")
    factories.meeting(period, today + 40 * DAY, status="planned")
    sign_in(client, people.officer)

    section = _follow_up_section(page(client, period).content.decode())

    detail = functools.partial(reverse, "followups:meeting_detail")
    assert (
        f'<h3>Senast hållna möte</h3> <p><a href="{detail(args=[latest.pk])}">'
        f"{_swedish_date(latest.date)}: Tertialuppföljning</a> (Trygg och säker kommun)"
    ) in section
    assert "<p>Läget i centrum har blivit lugnare.</p>" in section
    assert "<h4>Beslut och nästa steg</h4><p>Fler trygghetsvandringar i höst.<br>Ny" in section
    assert "Intern diskussion" not in section and "Gamla beslut" not in section
    assert (
        f'<h3>Nästa planerade möte</h3> <p><a href="{detail(args=[coming.pk])}">'
        f"{_swedish_date(coming.date)}: Månadsmöte</a> (KLG)"
    ) in section
    # The latest planned meeting whose day passed unrecorded is named, with a link to record it.
    record = reverse("followups:meeting_record", args=[passed.pk])
    assert (
        f"Mötet som planerades till den {_swedish_date(passed.date)} har inte registrerats som "
        f'hållet eller inställt. <a href="{record}">Registrera mötet</a>'
    ) in section
    assert section.count("/personal/moten/") == 3
    # A meeting is planned: planning another is on the meetings' page, not here.
    assert reverse("followups:meeting_plan", args=[period.pk]) not in section


@pytest.mark.django_db
def test_without_meetings_the_hub_says_so_and_offers_planning_to_those_who_may(client, people):
    period = make_period(PeriodState.SIGNED)
    plan = reverse("followups:meeting_plan", args=[period.pk])
    for who in ("coordinator", "officer"):
        sign_in(client, getattr(people, who))
        section = _follow_up_section(page(client, period).content.decode())
        assert "<p>Inget uppföljningsmöte har hållits ännu.</p>" in section
        assert "<p>Inget uppföljningsmöte är planerat ännu.</p>" in section
        assert f'href="{plan}">Planera ett möte</a>' in section
        assert client.get(plan).status_code == 200

    # An approver reads the meetings and plans none: no link, and the page refuses (403);
    # another municipality's coordinator sees neither the period nor its planning (404).
    sign_in(client, people.approver)
    section = _follow_up_section(page(client, period).content.decode())
    assert "Inget uppföljningsmöte är planerat ännu." in section
    assert plan not in section
    assert client.get(plan).status_code == 403
    sign_in(client, people.other_coordinator)
    assert client.get(reverse("promises:staff_period", args=[period.pk])).status_code == 404
    assert client.get(plan).status_code == 404


@pytest.mark.django_db
def test_a_held_meeting_recorded_without_summary_or_decisions_says_so(client, people):
    period = make_period(PeriodState.SIGNED)
    factories.meeting(period, timezone.localdate() - DAY)
    sign_in(client, people.coordinator)

    section = _follow_up_section(page(client, period).content.decode())

    assert "Mötet registrerades utan sammanfattning och utan beslut." in section


@pytest.mark.django_db
@pytest.mark.parametrize("state", [PeriodState.DRAFT, PeriodState.CONSULTATION])
def test_before_the_signing_the_hub_has_no_follow_up_section(client, people, state):
    period = make_period(state)
    sign_in(client, people.coordinator)

    response = page(client, period)

    assert response.context["follow_up_now"] is None
    assert "follow-up-now-heading" not in response.content.decode()


# --- queries ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 5])
def test_the_page_makes_the_same_number_of_queries_whatever_the_size(
    client, people, django_assert_num_queries, size
):
    today = timezone.localdate()
    period = make_period(
        PeriodState.SIGNED,
        promises=size,
        decision_date=today - 200 * DAY,
        signed_date=today - 100 * DAY,
    )
    for activity in Activity.objects.filter(period=period):
        for day in range(size):
            factories.log(activity, today - day * DAY, reported_by=people.officer)
    for i in range(size):
        period.signatories.create(
            position=i + 1, name=f"Person {i}", title="Titel", organisation="Polisen"
        )
        reviewer = staff_user(f"granskare{i}", role=Role.APPROVER, municipality=period.municipality)
        comment = Review.objects.create(
            period=period, round=1, reviewer=reviewer, verdict=ReviewVerdict.COMMENT, comment="Ok"
        )
        ReviewAnswer.objects.create(review=comment, by=people.coordinator, text=f"Svar {i}")
        PeriodTransition.objects.create(
            period=period,
            from_state=PeriodState.DRAFT,
            to_state=PeriodState.CONSULTATION,
            by=reviewer,
        )
        revision = Revision.objects.create(
            period=period,
            number=i + 1,
            kind=RevisionKind.OTHER,
            reason="Ändrat",
            created_by=reviewer,
        )
        RevisionChange.objects.create(
            revision=revision, kind=ChangeKind.TEXT_CHANGED, subject="Lägesbild"
        )
        Extension.objects.create(
            period=period,
            previous_end_date=period.end_date - (i + 1) * DAY,
            new_end_date=period.end_date,
            decision_body="Kommunstyrelsen",
            decision_date=today,
            created_by=reviewer,
        )
        factories.meeting(period, today - (i + 1) * 30 * DAY, decisions=f"Beslut {i}")
        factories.meeting(period, today + (i + 1) * 30 * DAY, status="planned")
    sign_in(client, people.coordinator)
    url = reverse("promises:staff_period", args=[period.pk])

    # 14 with the signatories ("Beslut och undertecknande"); 15 with the latest held and the
    # next planned meeting (one query, however many meetings); 16 with the promises each
    # activity serves ("Hör till löfte 1"); 17 with the coordinator's answers under the comments
    # (one query, however many).
    with django_assert_num_queries(17):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.context["promises"]) == size
    assert len(response.context["activities"]) == size
    assert sum(len(reviews) for _, reviews in response.context["review_rounds"]) == size
    assert response.content.decode().count("Svar ") >= size
    assert len(response.context["revisions"]) == size
    latest, coming, _overdue = response.context["follow_up_now"]
    assert (latest.decisions, coming.date) == ("Beslut 0", today + 30 * DAY)


# --- overlapping dates ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_warns_of_a_signed_period_and_of_other_drafts_with_overlapping_dates(client):
    signed = make_period(PeriodState.SIGNED, slug="i-kraft")
    draft = make_period(PeriodState.DRAFT, starts=200, ends=900, slug="nytt")
    twin = make_period(PeriodState.CONSULTATION, starts=250, ends=900, slug="nytt-2")
    elsewhere = make_period(PeriodState.DRAFT, starts=200, ends=900, slug="ost", area_name="Öst")
    sign_in(
        client, staff_user("samordnare", role=Role.COORDINATOR, municipality=draft.municipality)
    )

    text = " ".join(page(client, draft).content.decode().split())
    assert f"Giltighetstiden överlappar {signed}" in text
    assert "Ett annat medborgarlöfte för samma kommun och område" in text
    assert reverse("promises:staff_period", args=[twin.pk]) in text
    assert reverse("promises:staff_period", args=[elsewhere.pk]) not in text  # another area

    # Another area overlaps nothing; a signed period's dates were checked when it was signed.
    for quiet in (elsewhere, signed):
        text = " ".join(page(client, quiet).content.decode().split())
        assert "Giltighetstiden överlappar" not in text
        assert "Ett annat medborgarlöfte för samma kommun och område" not in text
