"""A promise of a period, its themes, and the people who signed the period."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from promises.models.periods import PromisePeriod
from promises.models.states import PUBLISHED_STATES, in_scope_q
from promises.models.versioned import EditVersioned


class Theme(models.Model):
    """A theme of promises (narkotika, trafik, trygghet, …); a small managed list."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class PromiseQuerySet(models.QuerySet):
    """Scopes and page queries for promises."""

    def published(self) -> "PromiseQuerySet":
        """Promises of published periods."""
        return self.filter(period__state__in=PUBLISHED_STATES)

    def visible_to(self, user) -> "PromiseQuerySet":
        """Promises of the periods `user` may see."""
        return self.filter(in_scope_q(user, prefix="period__"))

    def for_promise_list(self) -> "PromiseQuerySet":
        """Published promises with period, place and themes, for the national list."""
        return (
            self.published()
            .select_related("period__municipality__county")
            .prefetch_related("themes")
            .order_by("period__municipality__name", "-period__start_date", "period_id", "position")
        )


class Promise(EditVersioned):
    """One promise (focus area) of a period, e.g. "Öka tryggheten i centrala Tranås"."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="promises",
        verbose_name=_("promise period"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("promise"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="promises", verbose_name=_("themes"), blank=True
    )
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)

    objects = PromiseQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["period", "position", "pk"]
        verbose_name = _("promise")
        verbose_name_plural = _("promises")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "position"], name="promise_position_unique_in_period"
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="promise_position_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class Signatory(models.Model):
    """A person who signed a period for one of the parties."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="signatories",
        verbose_name=_("promise period"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    # A registered document may name only the title ("Kommunstyrelsens ordförande").
    name = models.CharField(_("name"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150)

    class Meta:
        ordering = ["period", "position", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") | ~Q(title=""), name="signatory_has_name_or_title"
            ),
        ]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.title) if part)
