"""The lifecycle's record of a period: steps and registrations, approvers' reviews and the
coordinators' answers to their comments, extensions, revisions of a signed document and their
changes, and the decision proposal."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from promises.models.states import PeriodState
from promises.models.versioned import EditVersioned


class TransitionKind(models.TextChoices):
    """What a lifecycle record is: a step taken in the portal, or the registration of a document
    decided and signed outside it."""

    STEP = "step", _("step in the portal")
    REGISTRATION = "registration", _("registered afterwards from its document")


class PeriodTransition(models.Model):
    """One lifecycle step of a period: who moved it, when, from which state to which, and why."""

    period = models.ForeignKey(
        "promises.PromisePeriod",
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("promise period"),
    )
    from_state = models.CharField(
        _("from state"), max_length=20, choices=PeriodState.choices, blank=True
    )
    to_state = models.CharField(_("to state"), max_length=20, choices=PeriodState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
        null=True,
        blank=True,
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=TransitionKind.choices, default=TransitionKind.STEP
    )
    # The start the document stated, when the signing made the validity start at signing.
    previous_start_date = models.DateField(_("stated start date"), null=True, blank=True)

    class Meta:
        ordering = ["period", "at", "pk"]
        verbose_name = _("lifecycle transition")
        verbose_name_plural = _("lifecycle transitions")
        constraints = [
            # A step changes the state, except an extension of a period already extended.
            models.CheckConstraint(
                condition=~Q(from_state=F("to_state")) | Q(to_state="extended"),
                name="transition_changes_state_or_extends",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class ReviewVerdict(models.TextChoices):
    """An approver's answer to a period in consultation."""

    COMMENT = "comment", _("comment")
    APPROVE = "approve", _("approved")
    RETURN = "return", _("sent back to draft")


class Review(models.Model):
    """An approver's comment, approval or return of a period in consultation (samråd)."""

    period = models.ForeignKey(
        "promises.PromisePeriod",
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("promise period"),
    )
    round = models.PositiveSmallIntegerField(_("consultation round"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=ReviewVerdict.choices)
    comment = models.TextField(_("comment"), blank=True)
    # What a comment or return is about: one promise, or (None) the whole period. A promise
    # deleted from the draft afterwards leaves the comment about the whole period.
    promise = models.ForeignKey(
        "Promise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("about the promise"),
    )
    # The promise's title when the comment was written: a coordinator who renames the promise
    # in answer to it does not make the comment read as if about the new title.
    promise_title = models.CharField(
        _("title of the promise then"), max_length=300, blank=True, editable=False
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["period", "at", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict=ReviewVerdict.APPROVE) | ~Q(comment=""),
                name="review_comment_or_approval",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} ({self.reviewer})"

    def save(self, *args, **kwargs) -> None:
        if self.promise is not None and not self.promise_title:
            self.promise_title = self.promise.title
        super().save(*args, **kwargs)

    @property
    def promise_title_then(self) -> str:
        """The title of the promise it is about, as it was when written ("" if about none)."""
        if self.promise is None:
            return ""
        return self.promise_title or self.promise.title

    @property
    def promise_renamed(self) -> bool:
        """The promise it is about has another title now than when it was written."""
        return self.promise is not None and self.promise_title_then != self.promise.title


class ReviewAnswer(models.Model):
    """An answer to an approver's comment while the period is in consultation, by its
    coordinator: shown under the comment, told to the approver, kept like the other records."""

    review = models.ForeignKey(
        Review,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("comment answered"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    text = models.TextField(_("answer"))
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["review", "at", "pk"]
        verbose_name = _("answer to a comment")
        verbose_name_plural = _("answers to comments")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="review_answer_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.review} ← {self.by}"


def prefetch_answers() -> models.Prefetch:
    """For a query of reviews: each one's answers, oldest first, with who wrote them."""
    return models.Prefetch(
        "answers", queryset=ReviewAnswer.objects.select_related("by").order_by("at", "pk")
    )


class Extension(models.Model):
    """The extension of a signed period to a new end date, with its own decision."""

    period = models.ForeignKey(
        "promises.PromisePeriod",
        on_delete=models.CASCADE,
        related_name="extensions",
        verbose_name=_("promise period"),
    )
    previous_end_date = models.DateField(_("previous end date"))
    new_end_date = models.DateField(_("new end date"))
    decision_body = models.CharField(_("decision body"), max_length=150)
    decision_date = models.DateField(_("decision date"))
    decision_reference = models.CharField(_("reference number (dnr)"), max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["period", "created_at", "pk"]
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        constraints = [
            models.CheckConstraint(
                condition=Q(new_end_date__gt=F("previous_end_date")),
                name="extension_moves_end_later",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.previous_end_date} → {self.new_end_date}"


class RevisionKind(models.TextChoices):
    """Why a signed period was changed."""

    ANNUAL_REVIEW = "annual_review", _("annual review")
    CHANGED_SITUATION = "changed_situation", _("changed situation picture")
    CORRECTION = "correction", _("correction")
    OTHER = "other", _("other")


class Revision(models.Model):
    """A change to a signed period (its texts, promises, activities or targets), with a reason.

    The public change log lists each revision and what it changed; nothing published changes
    without one.
    """

    period = models.ForeignKey(
        "promises.PromisePeriod",
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("promise period"),
    )
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind of revision"), max_length=20, choices=RevisionKind.choices)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["period", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "number"], name="revision_number_unique_in_period"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="revision_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.period} #{self.number}"


class ChangeKind(models.TextChoices):
    """What one change of a revision did; the label starts the public change-log line. An
    activity's cancellation is not one: it is the activity's status, with its reason and day
    (`Activity.cancelled_at`), which the change log lists beside the revisions."""

    TARGET = "target", _("Target changed")
    ACTIVITY_ADDED = "activity_added", _("Activity added")
    ACTIVITY_CHANGED = "activity_changed", _("Activity changed")
    ACTIVITY_RESPONSIBLE = "activity_responsible", _("Responsible party changed")
    ACTIVITY_PROMISES = "activity_promises", _("Promises served changed")
    PROMISE_ADDED = "promise_added", _("Promise added")
    PROMISE_CHANGED = "promise_changed", _("Promise changed")
    TEXT_CHANGED = "text_changed", _("Text changed")
    # A registered promise's decision, signing or signatories, corrected against its document.
    FACT_CORRECTED = "fact_corrected", _("Fact corrected")


class RevisionChange(models.Model):
    """One change of a revision: what (subject), before and after, as shown to the public."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="changes", verbose_name=_("revision")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind of change"), max_length=30, choices=ChangeKind.choices)
    subject = models.CharField(_("subject"), max_length=300)
    old_value = models.TextField(_("before"), blank=True)
    new_value = models.TextField(_("after"), blank=True)
    # Progress as published just before the change, so a changed target never rewrites it
    # silently ("12 av minst 15 trafikkontroller").
    progress_before = models.CharField(_("progress before the change"), max_length=200, blank=True)

    class Meta:
        ordering = ["revision", "position", "pk"]
        verbose_name = _("revision change")
        verbose_name_plural = _("revision changes")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.old_value} → {self.new_value}"


class DecisionProposal(EditVersioned):
    """The texts of the decision proposal (tjänsteutlåtande) for a period's decision."""

    period = models.OneToOneField(
        "promises.PromisePeriod",
        on_delete=models.CASCADE,
        related_name="proposal",
        verbose_name=_("promise period"),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description of the matter"), blank=True)
    consulted = models.CharField(
        _("consulted with"),
        max_length=200,
        blank=True,
        help_text=_("e.g. kommunledningsgruppen, KLG"),
    )
    consulted_on = models.DateField(_("consulted on"), null=True, blank=True)
    economy = models.TextField(_("economy"), blank=True)
    basis = models.TextField(_("decision basis"), blank=True, help_text=_("One document per line."))
    recipients = models.TextField(
        _("the decision is sent to"), blank=True, help_text=_("One recipient per line.")
    )
    officials = models.TextField(
        _("officials"),
        blank=True,
        help_text=_("The officials who sign the proposal: one per line, name, title."),
    )
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision proposal")
        verbose_name_plural = _("decision proposals")

    def __str__(self) -> str:
        return str(self.period)

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def basis_lines(self) -> list[str]:
        return self.lines(self.basis)

    @property
    def recipient_lines(self) -> list[str]:
        return self.lines(self.recipients)

    @property
    def official_lines(self) -> list[str]:
        return self.lines(self.officials)
