"""Outcome indicators: whether things got better, beside what was done, and their measurements."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

if TYPE_CHECKING:
    from promises.models.periods import PromisePeriod


class Direction(models.TextChoices):
    """Which way an outcome indicator should move."""

    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")


# Values are kept exactly as entered: up to a thousand million, with up to three decimals.
VALUE_DIGITS, VALUE_DECIMALS = 13, 3


class OutcomeIndicator(models.Model):
    """An outcome measure of a promise ("andel som känner sig trygga i centrum"): name, unit,
    source, desired direction and a baseline; measured over time."""

    promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("promise"),
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    direction = models.CharField(_("desired direction"), max_length=10, choices=Direction.choices)
    baseline_value = models.DecimalField(
        _("baseline value"),
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_DECIMALS,
        null=True,
        blank=True,
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["promise", "pk"]
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")
        constraints = [
            # A baseline is a value at a date: both or neither.
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True, baseline_date__isnull=True)
                | Q(baseline_value__isnull=False, baseline_date__isnull=False),
                name="indicator_baseline_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> "PromisePeriod":
        return self.promise.period


class OutcomeMeasurementQuerySet(models.QuerySet):
    """Scopes for measurements."""

    def counted(self) -> "OutcomeMeasurementQuerySet":
        """Measurements not withdrawn: the ones shown and used for the trend."""
        return self.filter(withdrawn_at__isnull=True)


class OutcomeMeasurement(models.Model):
    """One measurement of an outcome indicator: a date, a value and a note on its source.

    Never deleted: one entered by mistake is withdrawn with a reason and leaves the public pages.
    """

    indicator = models.ForeignKey(
        OutcomeIndicator,
        on_delete=models.PROTECT,
        related_name="measurements",
        verbose_name=_("outcome indicator"),
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # A double-submitted form or a re-uploaded file saves once.
    idempotency_key = models.UUIDField(
        _("idempotency key"), unique=True, null=True, blank=True, editable=False
    )

    objects = OutcomeMeasurementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            # One counted measurement per indicator and date; a withdrawn one frees its date.
            models.UniqueConstraint(
                fields=["indicator", "date"],
                condition=Q(withdrawn_at__isnull=True),
                name="measurement_one_per_date",
            ),
            models.CheckConstraint(
                condition=(
                    Q(withdrawn_at__isnull=True, withdrawal_reason="")
                    | Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")
                ),
                name="measurement_withdrawal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.date}: {self.value}"
