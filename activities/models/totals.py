"""The progress rollup's rows: per activity and counting span, and per activity (`rollup.py`)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from promises.models import (
    PromisePeriod,
)


class SpanTotal(models.Model):
    """Rollup: the counted quantity of an activity's logs in one of its counting spans.

    Kept in the log's own transaction by activities/rollup.py and re-checkable from the logs
    (`manage.py check_progress`); the spans are `progress.counting_spans` of the activity.
    """

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="span_totals",
        verbose_name=_("activity"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    done = models.IntegerField(_("done"), default=0)

    class Meta:
        ordering = ["activity", "start"]
        verbose_name = _("span total")
        verbose_name_plural = _("span totals")
        constraints = [
            models.UniqueConstraint(fields=["activity", "start"], name="span_total_unique_start"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="span_total_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.start}–{self.end}: {self.done}"


class ActivityTotal(models.Model):
    """Rollup: the counted quantity of an activity's logs over its whole counting range, the
    sum of its `SpanTotal` rows.

    Kept beside them by activities/rollup.py, so that a national figure adds up one row per
    activity rather than the hundreds a per-day target keeps (`check_progress` compares it with
    them). It names its activity's period too, so that the national figure joins the periods to
    this narrow table alone, not through the activities (a third of the start page's time); an
    activity moved to another period has its sums rebuilt (`rollup.sync`).
    """

    activity = models.OneToOneField(
        "activities.Activity",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="total",
        verbose_name=_("activity"),
    )
    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="activity_totals",
        verbose_name=_("promise period"),
    )
    done = models.IntegerField(_("done"), default=0)

    class Meta:
        verbose_name = _("activity total")
        verbose_name_plural = _("activity totals")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.done}"
