"""Staff forms of the reports: draft one for a span, edit its texts, correct a published one."""

import datetime

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from followups.models import ReportKind
from followups.reports import KEEP, RECOUNT, proposed_span, same_span_report
from promises.editing_forms import SentOnceMixin, version_field
from promises.fields import DateField, PlainTextField, date_span, long_date
from promises.models import PromisePeriod

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_REASON = 1_000


class DraftReportForm(SentOnceMixin, forms.Form):
    """The kind of report and the span it covers; an empty span is the kind's default."""

    # Labels are written for the middle of a sentence; a choice begins with a capital.
    kind = forms.ChoiceField(
        label=_("Kind of report"),
        choices=[(value, capfirst(label)) for value, label in ReportKind.choices],
    )
    covers_from = DateField(label=_("Covers from"), required=False)
    covers_to = DateField(label=_("Covers to"), required=False)

    def __init__(self, *args, period: PromisePeriod, today: datetime.date | None = None, **kw):
        super().__init__(*args, **kw)
        self.period = period
        self.today = today or timezone.localdate()
        self.defaults = {
            kind: proposed_span(kind, period, self.today) for kind in ReportKind.values
        }
        self.fields["covers_from"].help_text = _(
            "Leave both dates empty for the kind's usual span: %(spans)s."
        ) % {
            "spans": "; ".join(
                f"{label} {date_span(start, end)}"
                for (kind, label), (start, end) in zip(
                    ReportKind.choices, self.defaults.values(), strict=True
                )
            )
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("covers_from"), cleaned.get("covers_to")
        if self.errors:
            return cleaned
        if (start is None) != (end is None):
            missing = "covers_to" if end is None else "covers_from"
            self.add_error(missing, _("Enter both dates, or leave both empty."))
            return cleaned
        if start is None:
            start, end = self.defaults[cleaned["kind"]]
        period = self.period
        if start < period.start_date:
            self.add_error(
                "covers_from",
                _("The period starts on %(date)s: choose that day or later.")
                % {"date": long_date(period.start_date)},
            )
        elif start > min(self.today, period.end_date or self.today):
            self.add_error(
                "covers_from",
                _(
                    "A report covers what has been done: choose a first day in the period, "
                    "no later than %(date)s."
                )
                % {"date": long_date(min(self.today, period.end_date or self.today))},
            )
        if period.end_date is not None and end > period.end_date:
            self.add_error(
                "covers_to",
                _("The period ends on %(date)s: choose that day or earlier.")
                % {"date": long_date(period.end_date)},
            )
        elif end > self.today:
            self.add_error(
                "covers_to",
                _("A report covers what has been done: choose today (%(date)s) or earlier.")
                % {"date": long_date(self.today)},
            )
        if end < start and "covers_from" not in self.errors:
            self.add_error("covers_to", _("The last day cannot be before the first."))
        cleaned["covers_from"], cleaned["covers_to"] = start, end
        if not self.errors:
            self._not_twice(cleaned["kind"], start, end, cleaned.get("idempotency_key"))
        return cleaned

    def _not_twice(self, kind: str, start: datetime.date, end: datetime.date, key) -> None:
        """A second report of the same kind and span would compete with the first: a published
        one is corrected instead, a draft is finished. (This form sent twice, `key`, is said so
        by the view, with the draft it made.)"""
        same = same_span_report(self.period, kind, start, end)
        if same is None or (key is not None and same.idempotency_key == key):
            return
        # The report's title links to it: the draft to finish, or the report to correct.
        target = "followups:report_edit" if same.is_draft else "followups:report_detail"
        title = format_html('<a href="{}">{}</a>', reverse(target, args=[same.pk]), same.title)
        words = {"kind": escape(ReportKind(kind).label), "title": title}
        if same.is_draft:
            message = _(
                "A draft %(kind)s of the same span exists already (%(title)s): finish that one, "
                "under Drafts."
            )
        else:
            message = _(
                "A %(kind)s of the same span is published already (%(title)s): publish a "
                "correction of it instead."
            )
        raise forms.ValidationError(mark_safe(escape(message) % words), code="twice")


class ReportTextsForm(forms.Form):
    """The title and the text of a report."""

    title = PlainTextField(label=_("Title"), max_length=MAX_TITLE, required=True)
    # Line breaks as \n, as the drafted texts have them (a browser sends \r\n).
    body = PlainTextField(
        label=_("Text"),
        max_length=MAX_BODY,
        rows=16,
        required=True,
        help_text=_(
            "Shown on the public page above the figures. Do not name or describe individuals."
        ),
    )


class DraftTextsForm(ReportTextsForm):
    """A draft's title and text, with the version shown: a draft somebody saved meanwhile is a
    conflict, not overwritten."""

    edit_version = version_field()


class PublishForm(forms.Form):
    """The version of the draft the publishing page showed: a draft changed since is not
    published unseen."""

    edit_version = version_field()


class CorrectionForm(SentOnceMixin, ReportTextsForm):
    """A corrected version of a published report, and why; where the figures counted now differ
    from the published ones (`changes`, a late log, say), whether to keep or recount them."""

    reason = PlainTextField(
        label=_("Reason for the correction"),
        max_length=MAX_REASON,
        rows=3,
        required=True,
        help_text=_("Public: shown with the corrected version."),
    )
    figures = forms.ChoiceField(
        label=_("The figures"),
        widget=forms.RadioSelect,
        choices=[
            (KEEP, _("Keep the figures of the published version")),
            (RECOUNT, _("Count the figures anew from the logs as they are now")),
        ],
        help_text=_(
            "If you count the figures anew, the figures that changed are added to the public "
            "reason. The sentences on the targets' status that the portal drafted are updated; "
            "sentences you wrote yourself are not changed."
        ),
    )

    def __init__(self, *args, changes: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.changes = changes
        if not changes:
            # Nothing differs: the figures are the same either way.
            del self.fields["figures"]

    def clean(self):
        cleaned = super().clean()
        same_texts = all(cleaned.get(name) == self.initial.get(name) for name in ("title", "body"))
        if same_texts and cleaned.get("figures", KEEP) == KEEP and not self.errors:
            # A reason alone was published as a new version that changed nothing.
            raise forms.ValidationError(
                _(
                    "The correction changes neither the title, the text nor the figures: change "
                    "what was wrong before publishing it."
                ),
                code="unchanged",
            )
        return cleaned
