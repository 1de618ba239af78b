"""Places: police regions, counties, municipalities and local police areas."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from municipalities.refdata import ON_ISLAND_CODES, ascii_slug


def in_place(name: str, *, on_island: bool = False) -> str:
    """A place with the preposition Swedish gives it: "i Tranås", "i Jönköpings län", "på
    Gotland" (an island municipality, `ON_ISLAND_CODES`). Headings and titles say it so
    ("Medborgarlöften på Gotland"), not "i Gotland"."""
    if on_island:
        return pgettext("on an island", "in %(place)s") % {"place": name}
    return gettext("in %(place)s") % {"place": name}


class CountyNames:
    """What a county's name gives, for the model and for the lighter rows lists make of it:
    its address, the name folded ("Jönköpings län" → "jonkopings-lan"; the 21 names stay
    unique folded, a test holds the reference data to it), and "i Jönköpings län"."""

    name: str

    @property
    def slug(self) -> str:
        return ascii_slug(self.name)

    @property
    def in_name(self) -> str:
        return in_place(self.name)


class PoliceRegion(models.Model):
    """One of the Police's seven regions (polisregion)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("police region")
        verbose_name_plural = _("police regions")

    def __str__(self) -> str:
        return self.name


class CountyQuerySet(models.QuerySet):
    """Queries over counties."""

    def with_slug(self, slug: str) -> "County | None":
        """The county whose address is `slug` ("jonkopings-lan"), or None. The address is the
        name folded, not a column: the 21 are read in one query and compared."""
        return next((county for county in self if county.slug == slug), None)


class County(CountyNames, models.Model):
    """One of Sweden's 21 counties (län), keyed by its two-digit county code."""

    code = models.CharField(_("county code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    police_region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="counties",
        verbose_name=_("police region"),
    )

    objects = CountyQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{2}$"), name="county_code_two_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    """Queries over municipalities."""

    def with_county(self) -> "MunicipalityQuerySet":
        """Municipalities with their county and police region in the same query."""
        return self.select_related("county__police_region")


class Municipality(models.Model):
    """One of Sweden's 290 municipalities (kommun), keyed by its four-digit code."""

    code = models.CharField(_("municipality code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=50)
    # Stored, never recomputed: public URLs must stay stable even if a name changes.
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("county"),
    )
    # Reference data, not derived from the name: the organisations name themselves, and not
    # always by one rule ("Kungälvs kommun", "Kalmar kommun", "Falu kommun", "Malmö stad").
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=80,
        help_text=_(
            "What the municipality calls its organisation: Kungälvs kommun, Malmö stad, "
            "Region Gotland."
        ),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{4}$"), name="municipality_code_four_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def on_island(self) -> bool:
        return self.code in ON_ISLAND_CODES

    @property
    def in_name(self) -> str:
        """ "i Tranås", "på Gotland": see `in_place`."""
        return in_place(self.name, on_island=self.on_island)


class LocalPoliceArea(models.Model):
    """A local police area (lokalpolisområde) covering one or more municipalities."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    police_region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="local_police_areas",
        verbose_name=_("police region"),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        related_name="local_police_areas",
        verbose_name=_("municipalities"),
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("local police area")
        verbose_name_plural = _("local police areas")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """A staff role, held for a municipality or a local police area."""

    POLICE_OFFICER = "police_officer", _("community police officer")
    COORDINATOR = "coordinator", _("coordinator")
    APPROVER = "approver", _("approver")


class MembershipQuerySet(models.QuerySet):
    """Queries over staff memberships."""

    def municipality_ids(self, user, roles: Iterable[str] | None = None) -> list[int]:
        """Ids of the municipalities `user` holds one of `roles` in (all roles if None).

        A membership of a local police area covers each of its municipalities. The user's
        memberships are read once per user object (one request) with one small query, so the
        scope conditions built from them are plain id lists that the planner handles cheaply;
        any change to memberships or police areas makes every remembered scope stale.
        """
        by_role = self._by_role(user)
        wanted = by_role if roles is None else [role for role in roles if role in by_role]
        return sorted(set().union(*(by_role[role] for role in wanted)))

    def roles_in(self, user, municipality_id: int | None = None) -> set[str]:
        """The roles `user`'s memberships give them in a municipality (None: in any)."""
        return {
            role
            for role, ids in self._by_role(user).items()
            if ids and (municipality_id is None or municipality_id in ids)
        }

    def coordinated_only_by(self, user, municipality_ids=None) -> list["Municipality"]:
        """The municipalities where `user` is coordinator (or of `municipality_ids`, such as
        those whose role was just taken from them) and no other active user is: what a
        deactivation, or the role taken away, leaves without one."""
        mine = set(
            self.municipality_ids(user, [Role.COORDINATOR])
            if municipality_ids is None
            else municipality_ids
        )
        if not mine:
            return []
        others = (
            self.filter(role=Role.COORDINATOR, user__is_active=True)
            .exclude(user=user)
            .values_list("municipality_id", "local_police_area__municipalities__id")
        )
        covered = {pk for pair in others for pk in pair if pk is not None}
        return list(Municipality.objects.filter(pk__in=mine - covered).order_by("name"))

    def municipality_ids_by_user(self, users) -> dict[int, dict[str, set[int]]]:
        """User id → role → municipality ids, for many users (a queryset or ids) in one query.

        The same reading as `municipality_ids`, for a job that serves many users at once.
        """
        scopes: dict[int, dict[str, set[int]]] = {}
        rows = self.filter(user__in=users).values_list(
            "user_id", "role", "municipality_id", "local_police_area__municipalities__id"
        )
        for user_id, role, municipality_id, area_municipality_id in rows:
            ids = scopes.setdefault(user_id, {}).setdefault(role, set())
            ids.update(i for i in (municipality_id, area_municipality_id) if i is not None)
        return scopes

    def _by_role(self, user) -> dict[str, set[int]]:
        """Role → municipality ids, read once per user object and membership generation."""
        scope = getattr(user, "_municipality_scope", None)
        if scope is None or scope[0] != _scope_generation[0]:
            by_role: dict[str, set[int]] = {}
            rows = self.filter(user=user).values_list(
                "role", "municipality_id", "local_police_area__municipalities__id"
            )
            for role, municipality_id, area_municipality_id in rows:
                ids = by_role.setdefault(role, set())
                ids.update(i for i in (municipality_id, area_municipality_id) if i is not None)
            scope = (_scope_generation[0], by_role)
            user._municipality_scope = scope
        return scope[1]


# Bumped on every change to memberships or police areas (see `municipality_ids`).
_scope_generation = [0]


def scope_changed(**kwargs) -> None:
    _scope_generation[0] += 1


class Membership(models.Model):
    """A user's role for one municipality or one local police area (and so its municipalities)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
    )
    local_police_area = models.ForeignKey(
        LocalPoliceArea,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("local police area"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["user", "role", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, local_police_area__isnull=True)
                    | Q(municipality__isnull=True, local_police_area__isnull=False)
                ),
                name="membership_one_place",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "municipality"],
                condition=Q(municipality__isnull=False),
                name="membership_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "local_police_area"],
                condition=Q(local_police_area__isnull=False),
                name="membership_unique_police_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.place}"

    @property
    def place(self) -> "Municipality | LocalPoliceArea | None":
        return self.municipality or self.local_police_area


class NotificationPreference(models.Model):
    """A staff user's choice about e-mail notifications; without a row they are on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email_enabled = models.BooleanField(
        _("e-mail notifications"),
        default=True,
        help_text=_(
            "E-mail about the citizen promises of the user's municipalities: sent for "
            "consultation, commented on, answered, approved, sent back, decided, signed, "
            "changed, extended, reported on; and the weekly digest of activities behind pace, "
            "coming follow-up meetings and reports due."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def email_enabled_for(cls, user) -> bool:
        """Whether `user` gets e-mail notifications (on unless they turned them off)."""
        return not cls.objects.filter(user=user, email_enabled=False).exists()

    @classmethod
    def mailable(cls, users: models.QuerySet) -> models.QuerySet:
        """Those of `users` who get e-mail: active, with an address, not opted out."""
        opted_out = cls.objects.filter(email_enabled=False)
        return (
            users.filter(is_active=True)
            .exclude(email="")
            .exclude(pk__in=opted_out.values("user_id"))
        )


class ReminderDigest(models.Model):
    """A weekly reminder digest claimed for (and then sent to) a user: one per ISO week.

    The row is claimed before the e-mail is sent and deleted again if sending fails; the unique
    constraint lets only one of two concurrent runs claim it (`followups.reminders`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_digests",
        verbose_name=_("user"),
    )
    iso_year = models.PositiveSmallIntegerField(_("ISO year"))
    iso_week = models.PositiveSmallIntegerField(_("ISO week"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-iso_year", "-iso_week", "user"]
        verbose_name = _("reminder digest")
        verbose_name_plural = _("reminder digests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "iso_year", "iso_week"], name="reminder_digest_once_a_week"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.iso_year}-W{self.iso_week:02d}"
