"""The access policy: its answers, and the querysets' scopes giving the same ones."""

import copy

import pytest

from access import policy
from activities.models import Activity, ActivityLog, Responsible
from municipalities.roles import Act
from promises import lifecycle
from promises.lifecycle import Action
from promises.models import PeriodState, PromisePeriod
from tests import factories
from tests.test_permission_matrix import World, build_world

PERSONAS = ("police", "colleague", "coordinator", "approver", "admin", "other", "other_coordinator")


@pytest.fixture(scope="module")
def policy_world(module_data) -> World:
    with module_data():
        world = build_world()
        # A period in every state, each with an activity of every responsible party and a log.
        for number, state in enumerate(PeriodState.values, start=2):
            period = factories.period(
                "tranas",
                start=world.period.start_date,
                end=world.period.end_date,
                state=state,
                slug=f"p{number}",
            )
            for position, (responsible, _label) in enumerate(Activity.responsible.field.choices, 1):
                other = "Räddningstjänsten" if responsible == Responsible.OTHER else ""
                activity = factories.activity(
                    period,
                    f"Aktivitet {position}",
                    responsible=responsible,
                    responsible_other=other,
                    position=position,
                    # Every other one without a target: their status is updated instead.
                    **({"target": None} if position % 2 else {}),
                )
                factories.log(activity, period.start_date, 1, reported_by=world.users["police"])
        return world


@pytest.fixture
def world(db, policy_world) -> World:
    return copy.deepcopy(policy_world)


@pytest.mark.parametrize("actor", PERSONAS)
def test_logging_answers_agree_with_the_list_scopes(world, actor):
    user = world.users[actor]
    loggable = set(Activity.objects.loggable_by(user).values_list("pk", flat=True))
    for activity in Activity.objects.select_related("period"):
        assert policy.may(user, Act.LOG, activity) == (activity.pk in loggable), activity
        assert policy.may(user, Act.UPDATE_STATUS, activity) == (
            activity.pk in loggable and activity.target is None
        ), activity
    editable = set(ActivityLog.objects.editable_by(user).values_list("pk", flat=True))
    for log in ActivityLog.objects.select_related("activity__period"):
        assert policy.may(user, Act.CHANGE_LOG, log) == (log.pk in editable), log


# Who logs an activity of a signed period, by its responsible party: written out by hand, so that
# a change to activities.LOGGED_BY_ROLE has to change this table too. "Ej angiven" (unstated) is
# logged by both the police and the coordinator; an approver logs nothing.
LOGGED_BY = {
    "police": {Responsible.POLICE, Responsible.JOINT, Responsible.UNSTATED},
    "colleague": {Responsible.POLICE, Responsible.JOINT, Responsible.UNSTATED},
    "coordinator": {
        Responsible.MUNICIPALITY,
        Responsible.JOINT,
        Responsible.OTHER,
        Responsible.UNSTATED,
    },
    "approver": set(),
    "admin": set(Responsible.values),
    "other": set(),
    "other_coordinator": set(),
}


@pytest.mark.parametrize("actor", PERSONAS)
def test_who_logs_which_responsible_party_including_unstated(world, actor):
    user = world.users[actor]
    activities = Activity.objects.filter(
        period__state=PeriodState.SIGNED, period__slug__regex=r"^p"
    )
    assert {a.responsible for a in activities} == set(Responsible.values)
    logged = {a.responsible for a in activities if policy.may(user, Act.LOG, a)}
    assert logged == LOGGED_BY[actor]
    assert logged == {
        a.responsible for a in activities.filter(pk__in=Activity.objects.loggable_by(user))
    }


@pytest.mark.parametrize("actor", PERSONAS)
def test_editing_answers_follow_the_scope_and_the_state_machine(world, actor):
    user = world.users[actor]
    coordinated = set(PromisePeriod.objects.editable_by(user).values_list("pk", flat=True))
    visible = set(PromisePeriod.objects.visible_to(user).values_list("pk", flat=True))
    for period in PromisePeriod.objects.all():
        assert policy.may(user, Act.EDIT, period) == (
            period.pk in coordinated
            and (lifecycle.freely_editable(period) or lifecycle.revisable(period))
        )
        assert policy.may(user, Act.EDIT_DRAFT, period) == (
            period.pk in coordinated and period.state == PeriodState.DRAFT
        )
        assert policy.may(user, Act.VIEW_STAFF, period) == (period.pk in visible)
        assert [a for a in lifecycle.period_steps() if policy.may(user, a, period)] == (
            lifecycle.available_actions(period, user)
        )
        # Answering a comment: the period's coordinators while it is in consultation.
        assert policy.may(user, Action.ANSWER, period) == (
            period.pk in coordinated and period.state == PeriodState.CONSULTATION
        )


@pytest.mark.parametrize(
    ("actor", "act", "expected"),
    [
        ("police", Act.LOG, True),
        ("police", Act.EDIT, False),
        ("police", Action.SUBMIT, False),
        ("approver", Act.LOG, False),
        ("approver", Act.IMPORT_LOGS, False),
        ("approver", Action.APPROVE, True),
        ("coordinator", Act.CREATE_PERIOD, True),
        ("coordinator", Action.APPROVE, False),
        ("admin", Act.LOG, True),
        ("admin", Act.CREATE_PERIOD, True),
        ("admin", Action.APPROVE, False),  # approving stays the approvers' judgement
        ("other", Act.LOG, True),  # an officer elsewhere: the door opens, the scope says 404
    ],
)
def test_may_without_an_object_asks_whether_any_held_role_may(world, actor, act, expected):
    assert policy.may(world.users[actor], act) is expected
