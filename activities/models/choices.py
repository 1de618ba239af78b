"""Who carries out an activity, its status, which role logs which, and a target's change."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from activities.progress import (
    Target,
)
from municipalities.models import Role


class Responsible(models.TextChoices):
    """Who carries out an activity."""

    POLICE = "police", _("the Police")
    MUNICIPALITY = "municipality", _("the municipality")
    JOINT = "joint", _("jointly")
    OTHER = "other", _("another actor")
    # The document does not say who ("Vi ska …", passive voice): never guessed.
    UNSTATED = "unstated", _("not stated")


# A joint activity as pages and lists name it: both parties (the choice's "Gemensamt" says less).
JOINT_SHOWN = _("The Police and the municipality")


class ActivityStatus(models.TextChoices):
    """Status of an activity without a numeric target."""

    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


# Which activities each role logs, by responsible party.
LOGGED_BY_ROLE = {
    Role.POLICE_OFFICER: (Responsible.POLICE, Responsible.JOINT, Responsible.UNSTATED),
    Role.COORDINATOR: (
        Responsible.MUNICIPALITY,
        Responsible.JOINT,
        Responsible.OTHER,
        Responsible.UNSTATED,
    ),
}


@dataclass(frozen=True)
class TargetChange:
    """A change of an activity's target after its promise was published."""

    day: datetime.date
    before: Target | None
    after: Target | None
