"""Places: police regions, counties, municipalities and local police areas."""

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
