"""Who may do what: the one access policy behind every staff page, menu entry and button.

Acts are the product's verbs: `municipalities.roles.Act` (view_staff, log, change_log,
update_status, import_logs, create_period, edit, edit_draft, edit_proposal, manage_followups,
manage_indicators, record_measurements, publish_reports, register_period,
import_document, delete_draft) and the lifecycle's steps
(`promises.lifecycle.Action`: submit, comment, approve, decide, sign, extend, close…).

- `may(user, act)`: whether the user holds, anywhere, a role that may do it. A page refuses
  (403) a user who cannot before it looks anything up, and a menu leaves the entry out.
- `may(user, act, obj)`: whether the user may do it to this period, promise, activity or log:
  by the roles they hold in its municipality, and by its state as the state machine rules.
- `require(user, act, obj=None)`: the same, raising `PermissionDenied` (403).
- `scope_q(user, act, prefix)`: the queryset form, "in a municipality where the user holds a
  role that may do it" (pages fetch through it: 404 outside).

Which role does what is the table `municipalities.roles.ROLE_ACTS` (lifecycle steps:
`lifecycle.RULES`); which state allows what is asked of `promises.lifecycle`. Django's model
permissions stay underneath for the admin site only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q
from django.utils.translation import gettext

from activities.models import LOGGED_BY_ROLE, Activity, ActivityLog
from municipalities.models import Role
from municipalities.roles import Act, held_roles, roles_that_may
from promises import lifecycle
from promises.models import (
    IN_FORCE_STATES,
    OutcomeIndicator,
    OutcomeMeasurement,
    PromisePeriod,
    in_scope_q,
)

__all__ = ["Act", "NotNow", "may", "require", "scope_q"]


class NotNow(PermissionDenied):
    """A refusal by the period's state, not by the user's role: they may do this to the period
    in another state (edit a draft that went on consultation meanwhile, say). The 403 page says
    so, and shows what a refused form held (config/views.py: `permission_denied`)."""

    def __init__(self, period: PromisePeriod) -> None:
        super().__init__()
        self.period = period


class Refused(PermissionDenied):
    """A refusal the 403 page explains with `reason` (in the UI's language): the user works
    here, but this is somebody else's to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _roles_for_act(act: str) -> set[str]:
    if act in lifecycle.RULES:
        return set(lifecycle.RULES[act].roles)
    return roles_that_may(act)


def _period_of(obj: Model) -> PromisePeriod:
    if isinstance(obj, PromisePeriod):
        return obj
    if isinstance(obj, ActivityLog):
        return obj.activity.period
    if isinstance(obj, OutcomeMeasurement):
        return obj.indicator.promise.period
    if isinstance(obj, OutcomeIndicator):
        return obj.promise.period
    return obj.period  # a promise or an activity


def _logs(roles: set[str], activity: Activity) -> bool:
    """Whether someone with `roles` logs `activity`: it must be in force and theirs to log."""
    if activity.period.state not in IN_FORCE_STATES:
        return False
    # Administrators hold the police's and the coordinator's roles: between them, every activity.
    return any(activity.responsible in LOGGED_BY_ROLE.get(role, ()) for role in roles)


def _allows(act: str, roles: set[str], obj: Model, user) -> bool:
    """Whether `roles` (held in the object's municipality, and allowed `act`) may act on `obj`."""
    if act in lifecycle.RULES:
        return lifecycle.allowed(act, _period_of(obj), roles, user)
    if act == Act.EDIT:
        period = _period_of(obj)
        return lifecycle.editable(period)
    if act == Act.EDIT_DRAFT:
        return lifecycle.freely_editable(_period_of(obj))
    if act == Act.DELETE_DRAFT:
        return lifecycle.deletable(_period_of(obj))
    if act == Act.EDIT_PROPOSAL:
        return lifecycle.proposal_editable(_period_of(obj))
    if act == Act.REGISTER_PERIOD:
        return lifecycle.registering(_period_of(obj))
    if act == Act.CORRECT_REGISTRATION:
        return lifecycle.registration_correctable(_period_of(obj))
    if act == Act.ARCHIVE:
        return lifecycle.documents_public(_period_of(obj))
    if act in (Act.MANAGE_FOLLOWUPS, Act.PUBLISH_REPORTS):
        return lifecycle.followed_up(_period_of(obj))
    if act == Act.MANAGE_INDICATORS:
        return lifecycle.indicators_editable(_period_of(obj))
    if act == Act.RECORD_MEASUREMENTS:
        return lifecycle.outcomes_measured(_period_of(obj))
    if act in (Act.LOG, Act.UPDATE_STATUS):
        activity = obj
        if act == Act.UPDATE_STATUS and activity.target_value is not None:
            return False
        if act == Act.LOG and not activity.takes_logs:
            return False  # cancelled: its status may change again, no new log is added
        return _logs(roles, activity)
    if act == Act.CHANGE_LOG:
        # Their own logs of activities they log; any log of the municipality for its
        # coordinator (to correct a colleague's mistake) and for administrators.
        if obj.activity.period.state not in IN_FORCE_STATES:
            return False
        if Role.COORDINATOR in roles:
            return True
        if obj.withdrawn_at is not None and obj.withdrawn_by_id not in (None, user.pk):
            # Withdrawn by someone else (a coordinator correcting it): not undone by the one
            # who logged it.
            return False
        return obj.reported_by_id == user.pk and _logs(roles, obj.activity)
    return True  # view_staff, import_logs, create_period, import_document: the role is enough


def may(user, act: str, obj: Model | None = None) -> bool:
    """Whether `user` may do `act` (to `obj`, or somewhere when `obj` is None)."""
    wanted = _roles_for_act(act)
    if obj is None:
        return bool(held_roles(user) & wanted)
    roles = held_roles(user, _period_of(obj).municipality_id)
    if not roles & wanted:
        return False
    # A role that may do the act, and the others held here (an officer who is also coordinator).
    return _allows(act, roles, obj, user)


# Acts whose refusal, to a role that may do them, can only come from the period's state (a
# log's refusal may be whose log it is; a lifecycle step's, the step's own checks).
_BY_STATE_ALONE = frozenset(
    {
        Act.EDIT,
        Act.EDIT_DRAFT,
        Act.DELETE_DRAFT,
        Act.EDIT_PROPOSAL,
        Act.REGISTER_PERIOD,
        Act.CORRECT_REGISTRATION,
        Act.ARCHIVE,
        Act.MANAGE_FOLLOWUPS,
        Act.PUBLISH_REPORTS,
        Act.MANAGE_INDICATORS,
        Act.RECORD_MEASUREMENTS,
    }
)


def require(user, act: str, obj: Model | None = None) -> None:
    """Refuse (403) unless `may(user, act, obj)`: `NotNow` when a role the user holds in the
    object's municipality may do it, in another state."""
    if may(user, act, obj):
        return
    if obj is not None and act in _BY_STATE_ALONE:
        period = _period_of(obj)
        if held_roles(user, period.municipality_id) & _roles_for_act(act):
            raise NotNow(period)
    if (
        obj is not None
        and act == Act.CHANGE_LOG
        and held_roles(user, _period_of(obj).municipality_id) & _roles_for_act(act)
        and (obj.reported_by_id != user.pk or obj.withdrawn_by_id not in (None, user.pk))
    ):
        # A colleague's log (a predecessor's, say): who can change it, not "ask whoever
        # manages the users".
        raise Refused(
            gettext(
                "You can change and withdraw the logs you made yourself. A log someone "
                "else made, or withdrew, is changed by the municipality's coordinator."
            )
        )
    raise PermissionDenied


def scope_q(user, act: str, prefix: str = "", field: str = "municipality_id") -> Q:
    """Condition "the period (through `prefix`) is where `user` holds a role that may `act`".

    `field` names the municipality: `id` for a query over municipalities themselves.
    """
    return in_scope_q(user, prefix=prefix, roles=sorted(_roles_for_act(act)), field=field)
