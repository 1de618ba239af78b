"""Role groups: the model permissions each staff role has, kept in sync with memberships.

Model permissions come from groups (one per role); which objects a user may touch comes from
memberships, through the `visible_to` / `loggable_by` queryset methods.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from municipalities.models import Membership, Role

# Group names are what administrators see in the admin.
ROLE_GROUPS = {
    Role.POLICE_OFFICER: "Kommunpolis",
    Role.COORDINATOR: "Samordnare",
    Role.APPROVER: "Granskare",
}

_READ = (
    "promises.view_promiseperiod",
    "promises.view_promise",
    "activities.view_activity",
    "activities.view_activitylog",
)
_LOG = (
    "activities.add_activitylog",
    "activities.change_activitylog",
    "activities.update_activity_status",
)
_EDIT = (
    "promises.add_promiseperiod",
    "promises.change_promiseperiod",
    "promises.add_promise",
    "promises.change_promise",
    "activities.add_activity",
    "activities.change_activity",
)
_REVIEW = ("promises.add_review",)
ROLE_PERMISSIONS = {
    Role.POLICE_OFFICER: _READ + _LOG,
    Role.COORDINATOR: _READ + _LOG + _EDIT,
    Role.APPROVER: _READ + _REVIEW,
}


def ensure_role_groups() -> dict[str, Group]:
    """Create or update one group per role with exactly its permissions; idempotent."""
    groups = {}
    for role, name in ROLE_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = Q()
        for codename in ROLE_PERMISSIONS[role]:
            app_label, code = codename.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=code)
        permissions = list(Permission.objects.filter(wanted))
        if len(permissions) != len(ROLE_PERMISSIONS[role]):
            # Permissions appear after their app's migrations; post_migrate runs again later.
            continue
        group.permissions.set(permissions)
        groups[role] = group
    return groups


def sync_role_groups(user) -> None:
    """Put `user` in exactly the role groups of their memberships (other groups are kept)."""
    held = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    role_groups = {
        group.name: group for group in Group.objects.filter(name__in=ROLE_GROUPS.values())
    }
    for role, name in ROLE_GROUPS.items():
        group = role_groups.get(name)
        if group is None:
            group = ensure_role_groups().get(role) or Group.objects.get_or_create(name=name)[0]
        if role in held:
            user.groups.add(group)
        else:
            user.groups.remove(group)


class Act:
    """The verbs of the product that are not lifecycle steps (those are `lifecycle.Action`)."""

    VIEW_STAFF = "view_staff"  # staff pages of a period, its promises, activities and logs
    LOG = "log"  # log an activity
    CHANGE_LOG = "change_log"  # change or withdraw a log
    UPDATE_STATUS = "update_status"  # the status of an activity without a numeric target
    IMPORT_LOGS = "import_logs"  # import logs from a spreadsheet
    CREATE_PERIOD = "create_period"  # start a new period (empty or copied)
    EDIT = "edit"  # change a period's content: freely in a draft, as a revision once signed
    EDIT_DRAFT = "edit_draft"  # what only a draft allows: reorder and delete promises, activities
    EDIT_PROPOSAL = "edit_proposal"  # write the decision proposal, until signing
    MANAGE_FOLLOWUPS = "manage_followups"  # plan, record, cancel and withdraw follow-up meetings
    MANAGE_INDICATORS = "manage_indicators"  # define and change a promise's outcome indicators
    RECORD_MEASUREMENTS = "record_measurements"  # enter, import and withdraw outcome measurements
    PUBLISH_REPORTS = "publish_reports"  # draft, publish and correct a period's reports
    # Register a past promise decided and signed outside the portal, from its document.
    REGISTER_PERIOD = "register_period"
    # Correct a registered promise's decision, signing and signatories against its document.
    CORRECT_REGISTRATION = "correct_registration"
    # Read a promise document (file or pasted text) into a draft or a registered past promise.
    IMPORT_DOCUMENT = "import_document"
    # Delete a draft never sent for consultation: a false start, or a document imported twice.
    DELETE_DRAFT = "delete_draft"
    # Download a published promise's archive package (documents, record, minutes, checksums).
    ARCHIVE = "archive"


_OFFICER_ACTS = {
    Act.VIEW_STAFF,
    Act.LOG,
    Act.CHANGE_LOG,
    Act.UPDATE_STATUS,
    Act.IMPORT_LOGS,
    Act.MANAGE_FOLLOWUPS,
}
# What each role may do in the municipalities it is held for (lifecycle steps: `lifecycle.RULES`).
ROLE_ACTS: dict[str, frozenset[str]] = {
    Role.POLICE_OFFICER: frozenset(_OFFICER_ACTS),
    Role.COORDINATOR: frozenset(
        _OFFICER_ACTS
        | {
            Act.CREATE_PERIOD,
            Act.EDIT,
            Act.EDIT_DRAFT,
            Act.EDIT_PROPOSAL,
            Act.MANAGE_INDICATORS,
            Act.RECORD_MEASUREMENTS,
            Act.PUBLISH_REPORTS,
            Act.REGISTER_PERIOD,
            Act.CORRECT_REGISTRATION,
            Act.IMPORT_DOCUMENT,
            Act.DELETE_DRAFT,
            Act.ARCHIVE,
        }
    ),
    Role.APPROVER: frozenset({Act.VIEW_STAFF}),
}


def roles_that_may(act: str) -> set[str]:
    """The roles whose table holds `act`."""
    return {role for role, acts in ROLE_ACTS.items() if act in acts}


# Administrators (superusers) act as coordinators and police officers in every municipality;
# approving stays a personal judgement of the approvers.
ADMINISTRATOR_ROLES = frozenset({Role.COORDINATOR, Role.POLICE_OFFICER})


def held_roles(user, municipality_id: int | None = None) -> set[str]:
    """The roles `user` holds in a municipality (None: in any), administrators' included.

    Anonymous and inactive users hold none. Read from the memberships once per request.
    """
    if not (user.is_authenticated and user.is_active):
        return set()
    roles = Membership.objects.roles_in(user, municipality_id)
    if user.is_superuser:
        roles |= ADMINISTRATOR_ROLES
    return roles
