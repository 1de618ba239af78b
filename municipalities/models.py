"""Places: police regions, counties, municipalities and local police areas."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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


class County(models.Model):
    """One of Sweden's 21 counties (län), keyed by its two-digit county code."""

    code = models.CharField(_("county code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)
    police_region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="counties",
        verbose_name=_("police region"),
    )

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

    def municipality_ids(self, user, roles: Iterable[str] | None = None) -> models.QuerySet:
        """Ids of the municipalities `user` holds one of `roles` in (all roles if None).

        A subquery, so callers can filter with it without another round trip. A membership of
        a local police area covers each of its municipalities.
        """
        memberships = Q(memberships__user=user) | Q(local_police_areas__memberships__user=user)
        if roles is not None:
            roles = list(roles)
            memberships = Q(memberships__user=user, memberships__role__in=roles) | Q(
                local_police_areas__memberships__user=user,
                local_police_areas__memberships__role__in=roles,
            )
        return Municipality.objects.filter(memberships).values("id")


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
