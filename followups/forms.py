"""Staff forms of the follow-up: plan a meeting, record it as held (with an assessment per
promise and a verdict per activity), cancel or withdraw it with a reason."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from followups.models import FollowUpMeeting, Rating
from promises.editing_forms import SentOnceMixin, version_field
from promises.fields import DateField, PlainTextField, TimeField, long_date
from promises.models import Promise, PromisePeriod
from promises.validators import validate_plain_text

MAX_FORUM = 200
MAX_TEXT = 5_000
MAX_MINUTES = 20_000
MAX_COMMENT = 1_000
MAX_REASON = 1_000
# A meeting may be planned up to this long after the period ends (a final follow-up).
PLAN_AFTER_END = datetime.timedelta(days=366)


def _text(max_length: int, label, *, required: bool = False, help_text="", rows: int = 3):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class MeetingFieldsForm(forms.ModelForm):
    """Kind, date, time and forum of a meeting, checked against its period."""

    date = DateField(label=_("Date"))
    time = TimeField(
        label=_("Time"),
        required=False,
        help_text=_("e.g. 13:30"),
        error_messages={"invalid": _("Enter the time as HH:MM, e.g. 13:30.")},
    )
    forum = PlainTextField(
        label=_("Forum"),
        max_length=MAX_FORUM,
        help_text=_("e.g. Trygg och säker kommun, the crime prevention council, KLG."),
    )

    class Meta:
        model = FollowUpMeeting
        fields = ["kind", "date", "time", "forum"]

    def __init__(self, *args, period: PromisePeriod, today: datetime.date | None = None, **kw):
        super().__init__(*args, **kw)
        self.period = period
        self.today = today or timezone.localdate()
        # A first choice that says what to do, where Django writes "---------".
        self.fields["kind"].choices = [
            ("", _("Choose the kind of meeting")),
            # Labels are written for the middle of a sentence; a choice begins with a capital.
            *((value, capfirst(label)) for value, label in self.fields["kind"].choices if value),
        ]
        # Said as what to do, where Django writes "This field is required."
        self.fields["kind"].error_messages["required"] = _("Choose the kind of meeting.")
        self.fields["date"].error_messages["required"] = _("Enter the meeting's date.")

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date < self.period.start_date:
            raise forms.ValidationError(
                _("The period starts on %(date)s: choose that day or later.")
                % {"date": long_date(self.period.start_date)}
            )
        return date

    def clean(self):
        cleaned = super().clean()
        date, time = cleaned.get("date"), cleaned.get("time")
        if date is not None and time is not None and not _exists_here(date, time):
            # The hour the clocks skip in spring: a calendar would show another time.
            self.add_error(
                "time",
                _("%(time)s does not exist on %(date)s: the clocks go forward that night.")
                % {"time": time.strftime("%H:%M"), "date": long_date(date)},
            )
        return cleaned


def _exists_here(date: datetime.date, time: datetime.time) -> bool:
    """Whether the local time is one the portal's clock shows that day (not in the hour that
    summer time skips)."""
    local = timezone.make_aware(datetime.datetime.combine(date, time))
    there_and_back = timezone.localtime(local.astimezone(datetime.UTC))
    return there_and_back.replace(tzinfo=None) == datetime.datetime.combine(date, time)


class PlanMeetingForm(SentOnceMixin, MeetingFieldsForm):
    """A meeting planned ahead."""

    def clean_date(self) -> datetime.date:
        date = super().clean_date()
        # A meeting already held is recorded, not planned (the public calendar lists plans).
        if date < self.today:
            raise forms.ValidationError(
                _(
                    "A planned meeting cannot be dated before today (%(date)s). A meeting "
                    "already held is recorded as held."
                )
                % {"date": long_date(self.today)}
            )
        # A period in force until further notice has no end to plan after.
        if self.period.end_date is not None and date > self.period.end_date + PLAN_AFTER_END:
            raise forms.ValidationError(
                _("Plan meetings at most a year after the period ends (%(date)s).")
                % {"date": long_date(self.period.end_date)}
            )
        return date


class HeldMeetingForm(MeetingFieldsForm):
    """A held meeting: what the public reads, and the internal minutes."""

    participants = _text(
        MAX_TEXT,
        _("Participating organisations and roles"),
        help_text=_("Public. Organisations and roles only, no personal names."),
    )
    public_summary = _text(
        MAX_TEXT,
        _("Public summary"),
        required=True,
        help_text=_("Shown on the public page. Do not name or describe individuals."),
        rows=5,
    )
    decisions = _text(MAX_TEXT, _("Decisions and next steps"), help_text=_("Public."))
    internal_minutes = _text(
        MAX_MINUTES,
        _("Internal minutes"),
        help_text=_(
            "Never shown to the public, but may be released as a public record. "
            "Do not write personal data here."
        ),
        rows=5,
    )

    class Meta(MeetingFieldsForm.Meta):
        fields = [
            *MeetingFieldsForm.Meta.fields,
            "participants",
            "public_summary",
            "decisions",
            "internal_minutes",
        ]

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.fields["public_summary"].error_messages["required"] = _(
            "Write a summary of the meeting for the public."
        )

    def clean_date(self) -> datetime.date:
        date = super().clean_date()
        if date > self.today:
            message = _("A held meeting cannot be dated after today (%(date)s).")
            if self.instance.pk is None:
                # One recorded without a plan: a coming meeting is planned (as the plan form
                # sends a past one here).
                message = _(
                    "A held meeting cannot be dated after today (%(date)s). A meeting not yet "
                    "held is planned instead (Plan a meeting)."
                )
            raise forms.ValidationError(message % {"date": long_date(self.today)})
        return date


class RecordMeetingForm(SentOnceMixin, HeldMeetingForm):
    """A meeting recorded as held (sent twice, it is recorded once)."""


class CorrectMeetingForm(HeldMeetingForm):
    """A held meeting's record corrected, with why; based on the version the form showed."""

    edit_version = version_field()
    correction_reason = _text(
        MAX_COMMENT,
        _("Reason for the correction"),
        required=True,
        help_text=_("Public: shown with the meeting, e.g. A wrong date was entered."),
        rows=2,
    )


class AssessmentForm(forms.Form):
    """How one promise is going, as the meeting assessed it."""

    # Nothing chosen in advance: a promise left as it was went public as "ej bedömt" unasked.
    rating = forms.ChoiceField(
        label=_("Assessment"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how the meeting assessed the promise, or “not assessed”.")
        },
    )
    comment = _text(MAX_COMMENT, _("Comment"), help_text=_("Public."))

    def __init__(self, *args, promise: Promise, **kwargs):
        super().__init__(*args, prefix=f"promise-{promise.pk}", **kwargs)
        self.promise = promise


class VerdictForm(forms.Form):
    """The meeting's public verdict on one activity, in a sentence (optional)."""

    text = _text(MAX_COMMENT, _("Verdict"), rows=2)

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, prefix=f"activity-{activity.pk}", **kwargs)
        self.activity = activity
        # The verdicts are listed under one legend: each is labelled by its activity.
        self.fields["text"].label = activity.title


class ReasonForm(forms.Form):
    """Why a planned meeting is cancelled, or a held meeting's record withdrawn."""

    reason = _text(MAX_REASON, _("Reason"), required=True)
