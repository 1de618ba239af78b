"""Open data datasets: each one's columns, documented (name, heading in the CSV for Excel,
type, meaning), and the row function that fills them; the code lists the open data page
explains."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.models import ActivityStatus, Responsible
from activities.progress import Comparator, PaceStatus, Scope
from followups.models import (
    MeetingKind,
    MeetingStatus,
    Rating,
    ReportKind,
)
from followups.opendata.rows import (
    PUBLIC_MEETING_STATUSES,
    Row,
    activity_rows,
    assessment_rows,
    extension_rows,
    indicator_rows,
    log_rows,
    meeting_rows,
    municipality_rows,
    outcome_rows,
    period_rows,
    promise_rows,
    report_rows,
    revision_change_rows,
)
from municipalities.models import Municipality
from promises.models import (
    PUBLISHED_STATES,
    ChangeKind,
    Direction,
    Parties,
    PeriodState,
    RevisionKind,
)


@dataclass(frozen=True)
class Column:
    """One documented column: a stable English snake_case name, its heading in the CSV for
    Excel, a type and its meaning."""

    name: str
    # What a reader of the spreadsheet sees above the column ("Kommunkod"): translated, so never
    # a key for programs, which read the standard CSV or the JSON by `name`. Worded per dataset
    # where the meaning differs (a promise's title is "Löfte", a report's "Rubrik").
    heading: LazyText
    type: LazyText
    meaning: LazyText


@dataclass(frozen=True)
class Dataset:
    """A dataset: its slug in the URL, title, description, columns and row source."""

    slug: str
    title: LazyText
    description: LazyText
    columns: tuple[Column, ...]
    rows: Callable[[Municipality | None, str, datetime.date], Iterator[Row]]
    # Offered for the whole country too; a dataset of every log (68 MB of CSV for a million
    # logs, rebuilt after every write) is offered per municipality only.
    national: bool = True

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def column_headings(self) -> list[str]:
        """The header row of the CSV for Excel, in the active language."""
        return [str(column.heading) for column in self.columns]


INTEGER = _("integer")
TEXT = _("text")
DATE = _("date (YYYY-MM-DD)")
BOOLEAN = _("boolean (true/false)")
DECIMAL = _("decimal number")
CODE = _("code (see below)")
TEXT_LIST = _("list of text")
INTEGER_LIST = _("list of integers")
URL = _("web address")
TIME = _("time (HH:MM)")

# SCB's code: a journalist filtering a county in Excel filters on its first two digits.
MUNICIPALITY_CODE_HELP = _(
    "Four-digit municipality code; its first two digits are the county's code (06 is "
    "Jönköpings län)."
)

PLACE_COLUMNS = (
    Column(
        "period_id",
        pgettext_lazy("open data heading", "Period ID"),
        INTEGER,
        _("Identifier of the promise period."),
    ),
    Column(
        "period_slug",
        pgettext_lazy("open data heading", "Period (web address part)"),
        TEXT,
        _("The period's part of its web address, e.g. 2020-2021."),
    ),
    Column(
        "municipality_code",
        pgettext_lazy("open data heading", "Municipality code"),
        TEXT,
        MUNICIPALITY_CODE_HELP,
    ),
    Column(
        "municipality_name",
        pgettext_lazy("open data heading", "Municipality"),
        TEXT,
        _("Name of the municipality."),
    ),
    Column(
        "area_name",
        pgettext_lazy("open data heading", "Part of the municipality"),
        TEXT,
        _("A named part of the municipality the period covers; empty for all of it."),
    ),
)

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="kommuner",
        title=_("Municipalities"),
        description=_(
            "All of Sweden's municipalities with their county and police region, and how many "
            "published citizen promises each has, in total and in force today."
        ),
        columns=(
            Column(
                "municipality_code",
                pgettext_lazy("open data heading", "Municipality code"),
                TEXT,
                MUNICIPALITY_CODE_HELP,
            ),
            Column(
                "municipality_name",
                pgettext_lazy("open data heading", "Municipality"),
                TEXT,
                _("Name of the municipality."),
            ),
            Column(
                "municipality_slug",
                pgettext_lazy("open data heading", "Municipality (web address part)"),
                TEXT,
                _("The municipality's part of its web address."),
            ),
            Column(
                "county_code",
                pgettext_lazy("open data heading", "County code"),
                TEXT,
                _("Two-digit county code."),
            ),
            Column(
                "county_name",
                pgettext_lazy("open data heading", "County"),
                TEXT,
                _("Name of the county."),
            ),
            Column(
                "police_region",
                pgettext_lazy("open data heading", "Police region"),
                TEXT,
                _("Name of the police region."),
            ),
            Column(
                "published_periods",
                pgettext_lazy("open data heading", "Number of published periods"),
                INTEGER,
                _("Number of published promise periods."),
            ),
            Column(
                "active_periods",
                pgettext_lazy("open data heading", "Number of periods in force"),
                INTEGER,
                _("Number of promise periods in force today."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the municipality's page"),
                URL,
                _("The municipality's page on this site."),
            ),
        ),
        rows=municipality_rows,
    ),
    Dataset(
        slug="perioder",
        title=_("Promise periods"),
        description=_(
            "Every published citizen promise document: which municipality, which period, "
            "decision and signing."
        ),
        columns=(
            *PLACE_COLUMNS,
            Column(
                "local_police_area",
                pgettext_lazy("open data heading", "Local police area"),
                TEXT,
                _("The local police area that signed."),
            ),
            Column(
                "parties",
                pgettext_lazy("open data heading", "Parties"),
                CODE,
                _("Who gives the promises: joint, police or municipality."),
            ),
            Column(
                "start_date",
                pgettext_lazy("open data heading", "Start date"),
                DATE,
                _("First day of the period."),
            ),
            Column(
                "end_date",
                pgettext_lazy("open data heading", "End date"),
                DATE,
                _("Last day of the period; empty when it applies until further notice."),
            ),
            Column(
                "year_only",
                pgettext_lazy("open data heading", "Years only"),
                BOOLEAN,
                _(
                    "Whether the document gives only the year(s): the dates are then 1 January "
                    "to 31 December."
                ),
            ),
            Column(
                "state",
                pgettext_lazy("open data heading", "State"),
                CODE,
                _("Lifecycle state: signed, extended or closed."),
            ),
            Column(
                "closed_date",
                pgettext_lazy("open data heading", "Closed (date)"),
                DATE,
                _(
                    "The day the period was closed; empty while it is not. A day before "
                    "end_date: it was closed before the end its document states."
                ),
            ),
            Column(
                "signed_date",
                pgettext_lazy("open data heading", "Signed (date)"),
                DATE,
                _("Date of signing."),
            ),
            Column(
                "decision_body",
                pgettext_lazy("open data heading", "Decision-making body"),
                TEXT,
                _("The body that decided the promise."),
            ),
            Column(
                "decision_date",
                pgettext_lazy("open data heading", "Decision date"),
                DATE,
                _("Date of the decision."),
            ),
            Column(
                "decision_reference",
                pgettext_lazy("open data heading", "Reference number"),
                TEXT,
                _("Reference number (diarienummer)."),
            ),
            Column(
                "active",
                pgettext_lazy("open data heading", "In force today"),
                BOOLEAN,
                _("Whether the period is in force today."),
            ),
            Column(
                "registered",
                pgettext_lazy("open data heading", "Registered afterwards"),
                BOOLEAN,
                _(
                    "Whether the period was registered afterwards from its document (decided "
                    "and signed outside the portal); its decision, signing and signatories are "
                    "then only what the document states, and may be empty."
                ),
            ),
            Column(
                "source_url",
                pgettext_lazy("open data heading", "Link to the source document"),
                URL,
                _("The document a registered period was registered from; empty otherwise."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the period's page"),
                URL,
                _("The period's page on this site."),
            ),
        ),
        rows=period_rows,
    ),
    Dataset(
        slug="loften",
        title=_("Promises"),
        description=_("Every promise (focus area) of the published periods, with its themes."),
        columns=(
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("Identifier of the promise."),
            ),
            *PLACE_COLUMNS,
            Column(
                "position",
                pgettext_lazy("open data heading", "Order in the period"),
                INTEGER,
                _("Order of the promise within its period."),
            ),
            Column("title", pgettext_lazy("open data heading", "Promise"), TEXT, _("The promise.")),
            Column(
                "description",
                pgettext_lazy("open data heading", "Description"),
                TEXT,
                _("Description of the promise; may be empty."),
            ),
            Column(
                "themes", pgettext_lazy("open data heading", "Themes"), TEXT_LIST, _("Theme names.")
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the period's page"),
                URL,
                _("The period's page on this site."),
            ),
        ),
        rows=promise_rows,
    ),
    Dataset(
        slug="aktiviteter",
        title=_("Activities and progress"),
        description=_(
            "Every activity of the published periods with its target and its progress today, "
            "counted from the logged activities."
        ),
        columns=(
            Column(
                "activity_id",
                pgettext_lazy("open data heading", "Activity ID"),
                INTEGER,
                _("Identifier of the activity."),
            ),
            *PLACE_COLUMNS,
            Column(
                "position",
                pgettext_lazy("open data heading", "Order in the period"),
                INTEGER,
                _("Order of the activity within its period."),
            ),
            Column(
                "title",
                pgettext_lazy("open data heading", "Activity"),
                TEXT,
                _("Short name of the activity."),
            ),
            Column(
                "description",
                pgettext_lazy("open data heading", "Description"),
                TEXT,
                _("What is to be done."),
            ),
            Column(
                "promise_ids",
                pgettext_lazy("open data heading", "Promise IDs"),
                INTEGER_LIST,
                _("The promises the activity serves."),
            ),
            Column(
                "responsible",
                pgettext_lazy("open data heading", "Responsible"),
                CODE,
                _("The responsible party."),
            ),
            Column(
                "responsible_other",
                pgettext_lazy("open data heading", "Other responsible actor"),
                TEXT,
                _("The other actor, when responsible is other."),
            ),
            Column(
                "partners",
                pgettext_lazy("open data heading", "Taking part"),
                TEXT,
                _("Others who take part, as the document names them."),
            ),
            Column(
                "target_comparator",
                pgettext_lazy("open data heading", "Target: comparison"),
                CODE,
                _(
                    "at_least, count (a bare number: met when reached), at_most, or exactly "
                    "(older targets); empty without target."
                ),
            ),
            Column(
                "target_value",
                pgettext_lazy("open data heading", "Target: number"),
                INTEGER,
                _("The target number; empty without target."),
            ),
            Column(
                "target_unit",
                pgettext_lazy("open data heading", "Target: unit"),
                TEXT,
                _("What is counted, e.g. trafikkontroller."),
            ),
            Column(
                "target_scope",
                pgettext_lazy("open data heading", "Target: time span"),
                CODE,
                _("The time span the target applies to."),
            ),
            Column(
                "status",
                pgettext_lazy("open data heading", "Status (activity without target)"),
                CODE,
                _(
                    "Status of an activity without a target, as its page shows it: planned, "
                    "ongoing, done, cancelled; empty for one with a target (see pace_status)."
                ),
            ),
            Column(
                "done_total",
                pgettext_lazy("open data heading", "Done in total"),
                INTEGER,
                _(
                    "Quantity done in the whole period so far; empty for a period registered "
                    "after it had ended (nothing done was logged in the portal)."
                ),
            ),
            Column(
                "current_span_start",
                pgettext_lazy("open data heading", "Current span: start date"),
                DATE,
                _("First day of the current span, if any."),
            ),
            Column(
                "current_span_end",
                pgettext_lazy("open data heading", "Current span: end date"),
                DATE,
                _("Last day of the current span, if any."),
            ),
            Column(
                "current_span_done",
                pgettext_lazy("open data heading", "Current span: done"),
                INTEGER,
                _("Quantity done in the current span."),
            ),
            Column(
                "current_span_target",
                pgettext_lazy("open data heading", "Current span: target"),
                INTEGER,
                _("Target of the current span (pro rata)."),
            ),
            Column(
                "average_so_far",
                pgettext_lazy("open data heading", "Average so far"),
                DECIMAL,
                _("For average targets: the total so far per whole week or month elapsed."),
            ),
            Column(
                "pace_status",
                pgettext_lazy("open data heading", "Progress towards the target"),
                CODE,
                _("Where the target stands today; empty without target."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the activity's page"),
                URL,
                _("The activity's page on this site."),
            ),
        ),
        rows=activity_rows,
    ),
    Dataset(
        slug="genomforda-aktiviteter",
        title=_("Completed activities"),
        description=_(
            "Every logged occurrence of the activities of the published periods: when, how many "
            "times, where and a public summary. Withdrawn logs are left out."
        ),
        columns=(
            Column(
                "log_id",
                pgettext_lazy("open data heading", "Log ID"),
                INTEGER,
                _("Identifier of the logged occurrence."),
            ),
            Column(
                "activity_id",
                pgettext_lazy("open data heading", "Activity ID"),
                INTEGER,
                _("The activity (activity_id in the dataset Activities and progress)."),
            ),
            Column(
                "activity_title",
                pgettext_lazy("open data heading", "Activity"),
                TEXT,
                _("Short name of the activity."),
            ),
            Column(
                "target_unit",
                pgettext_lazy("open data heading", "Target: unit"),
                TEXT,
                _("What the activity's target counts, e.g. trafikkontroller; may be empty."),
            ),
            *PLACE_COLUMNS,
            Column(
                "date",
                pgettext_lazy("open data heading", "Date"),
                DATE,
                _("The day the activity was carried out."),
            ),
            Column(
                "quantity",
                pgettext_lazy("open data heading", "Quantity"),
                INTEGER,
                _("How many times; counted towards the target."),
            ),
            Column(
                "place",
                pgettext_lazy("open data heading", "Place"),
                TEXT,
                _("Where, e.g. a street or an area; may be empty."),
            ),
            Column(
                "summary",
                pgettext_lazy("open data heading", "Summary"),
                TEXT,
                _("Public summary; may be empty."),
            ),
            Column(
                "logged_on",
                pgettext_lazy("open data heading", "Logged (date)"),
                DATE,
                _(
                    "The day it was logged in the portal. A log entered after a report was "
                    "published counts from its own date: the figures of that report's span "
                    "grew afterwards."
                ),
            ),
        ),
        rows=log_rows,
        national=False,
    ),
    Dataset(
        slug="uppfoljningsmoten",
        title=_("Follow-up meetings"),
        description=_(
            "The follow-up meetings of the published periods: the held ones with their public "
            "summary and decisions, as each citizen promise's page shows them, and the planned "
            "ones, as the municipality's page and calendar list them. One row per meeting; what "
            "each meeting said about the promises and activities is in the dataset Assessments "
            "at follow-up meetings. Cancelled meetings and internal minutes are left out."
        ),
        columns=(
            Column(
                "meeting_id",
                pgettext_lazy("open data heading", "Meeting ID"),
                INTEGER,
                _("Identifier of the meeting."),
            ),
            *PLACE_COLUMNS,
            Column(
                "meeting_status",
                pgettext_lazy("open data heading", "Meeting status"),
                CODE,
                _("Whether the meeting was held or is planned."),
            ),
            Column(
                "date",
                pgettext_lazy("open data heading", "Meeting date"),
                DATE,
                _("The day of the meeting."),
            ),
            Column(
                "time",
                pgettext_lazy("open data heading", "Start time"),
                TIME,
                _("When the meeting starts (or started, if held); empty when not given."),
            ),
            Column(
                "meeting_kind",
                pgettext_lazy("open data heading", "Kind of meeting"),
                CODE,
                _("The kind of meeting."),
            ),
            Column(
                "forum",
                pgettext_lazy("open data heading", "Forum"),
                TEXT,
                _("The forum the meeting was held in; may be empty."),
            ),
            Column(
                "participants",
                pgettext_lazy("open data heading", "Participants"),
                TEXT,
                _("Participating organisations and roles, never names; empty when planned."),
            ),
            Column(
                "public_summary",
                pgettext_lazy("open data heading", "Summary"),
                TEXT,
                _("Public summary of a held meeting."),
            ),
            Column(
                "decisions",
                pgettext_lazy("open data heading", "Decisions and next steps"),
                TEXT,
                _("Decisions and next steps; may be empty."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the meeting"),
                URL,
                _("The meeting on its period's page; for a planned meeting, the period's page."),
            ),
        ),
        rows=meeting_rows,
    ),
    Dataset(
        slug="bedomningar",
        title=_("Assessments at follow-up meetings"),
        description=_(
            "What the held follow-up meetings said about each promise and activity: one row per "
            "promise assessed (with a rating) or activity judged (in words) at a meeting, kept "
            "apart from the meetings so that each meeting is one row there. The meeting is "
            "meeting_id in the dataset Follow-up meetings."
        ),
        columns=(
            Column(
                "meeting_id",
                pgettext_lazy("open data heading", "Meeting ID"),
                INTEGER,
                _("The meeting (meeting_id in Follow-up meetings)."),
            ),
            *PLACE_COLUMNS,
            Column(
                "meeting_date",
                pgettext_lazy("open data heading", "Meeting date"),
                DATE,
                _("The day of the meeting."),
            ),
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("The promise assessed (promise_id in Promises); empty for an activity."),
            ),
            Column(
                "activity_id",
                pgettext_lazy("open data heading", "Activity ID"),
                INTEGER,
                _(
                    "The activity judged (activity_id in Activities and progress); empty for a "
                    "promise."
                ),
            ),
            Column(
                "title",
                pgettext_lazy("open data heading", "Promise or activity"),
                TEXT,
                _("The promise or the activity."),
            ),
            Column(
                "rating",
                pgettext_lazy("open data heading", "Assessment"),
                CODE,
                _("How the promise is going, as assessed; empty for an activity."),
            ),
            Column(
                "text",
                pgettext_lazy("open data heading", "Comment or verdict"),
                TEXT,
                _("The public comment on the promise, or the verdict on the activity."),
            ),
        ),
        rows=assessment_rows,
    ),
    Dataset(
        slug="redovisningar",
        title=_("Reports"),
        description=_(
            "Every published follow-up report (redovisning) of the published periods, every "
            "version: a corrected version is a row of its own that names the version it "
            "replaces, and the replaced version stays, naming the one that replaced it. Drafts "
            "are left out. The figures frozen at publication are in the report on this site."
        ),
        columns=(
            Column(
                "report_id",
                pgettext_lazy("open data heading", "Report ID"),
                INTEGER,
                _("Identifier of the report version."),
            ),
            *PLACE_COLUMNS,
            Column(
                "report_kind",
                pgettext_lazy("open data heading", "Kind of report"),
                CODE,
                _("The kind of report."),
            ),
            Column(
                "title",
                pgettext_lazy("open data heading", "Report title"),
                TEXT,
                _("Title of the report."),
            ),
            Column(
                "covers_from",
                pgettext_lazy("open data heading", "Covers from"),
                DATE,
                _("First day the report covers."),
            ),
            Column(
                "covers_to",
                pgettext_lazy("open data heading", "Covers up to"),
                DATE,
                _("Last day the report covers."),
            ),
            Column(
                "published_on",
                pgettext_lazy("open data heading", "Published (date)"),
                DATE,
                _("The day the version was published."),
            ),
            Column(
                "version",
                pgettext_lazy("open data heading", "Version"),
                INTEGER,
                _("Version: 1, then 2 for the first correction, etc."),
            ),
            Column(
                "replaces_report_id",
                pgettext_lazy("open data heading", "Replaces report ID"),
                INTEGER,
                _("The version this corrected version replaces; empty for a first version."),
            ),
            Column(
                "replaced_by_report_id",
                pgettext_lazy("open data heading", "Replaced by report ID"),
                INTEGER,
                _("The corrected version that replaced this one; empty while it is current."),
            ),
            Column(
                "correction_reason",
                pgettext_lazy("open data heading", "Reason for correction"),
                TEXT,
                _("Why the report was corrected; empty for a first version."),
            ),
            Column(
                "text",
                pgettext_lazy("open data heading", "Report text"),
                TEXT,
                _("The text of the report."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the report"),
                URL,
                _("The report on this site."),
            ),
            Column(
                "pdf_url",
                pgettext_lazy("open data heading", "Link to the PDF"),
                URL,
                _("The report as PDF."),
            ),
        ),
        rows=report_rows,
    ),
    Dataset(
        slug="andringar",
        title=_("Revisions"),
        description=_(
            "What each revision of a signed citizen promise changed, one row per change, as the "
            "period's change log lists it: its targets, activities, promises and texts, with the "
            "revision's kind and public reason, and the progress as published before the change."
        ),
        columns=(
            Column(
                "revision_id",
                pgettext_lazy("open data heading", "Revision ID"),
                INTEGER,
                _("Identifier of the revision."),
            ),
            *PLACE_COLUMNS,
            Column(
                "revision_number",
                pgettext_lazy("open data heading", "Revision number"),
                INTEGER,
                _("The revision's number in its period: 1, 2 …"),
            ),
            Column(
                "revision_date",
                pgettext_lazy("open data heading", "Revision date"),
                DATE,
                _("The day the revision was made."),
            ),
            Column(
                "revision_kind",
                pgettext_lazy("open data heading", "Kind of revision"),
                CODE,
                _("The kind of revision."),
            ),
            Column(
                "reason",
                pgettext_lazy("open data heading", "Reason"),
                TEXT,
                _("The public reason for the revision."),
            ),
            Column(
                "change_kind",
                pgettext_lazy("open data heading", "Kind of change"),
                CODE,
                _("What the change did."),
            ),
            Column(
                "subject",
                pgettext_lazy("open data heading", "Concerns"),
                TEXT,
                _("What was changed: an activity, a promise or a text."),
            ),
            Column(
                "before",
                pgettext_lazy("open data heading", "Before the change"),
                TEXT,
                _("What it was before the change; may be empty."),
            ),
            Column(
                "after",
                pgettext_lazy("open data heading", "After the change"),
                TEXT,
                _("What it is after the change; may be empty."),
            ),
            Column(
                "progress_before",
                pgettext_lazy("open data heading", "Progress before the change"),
                TEXT,
                _("The progress as published before a changed target; may be empty."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the change log"),
                URL,
                _("The revision in its period's change log."),
            ),
        ),
        rows=revision_change_rows,
    ),
    Dataset(
        slug="forlangningar",
        title=_("Extensions"),
        description=_(
            "Each extension of a signed citizen promise: the end date before and after, and the "
            "decision that extended it."
        ),
        columns=(
            Column(
                "extension_id",
                pgettext_lazy("open data heading", "Extension ID"),
                INTEGER,
                _("Identifier of the extension."),
            ),
            *PLACE_COLUMNS,
            Column(
                "previous_end_date",
                pgettext_lazy("open data heading", "Previous end date"),
                DATE,
                _("The end date before the extension."),
            ),
            Column(
                "new_end_date",
                pgettext_lazy("open data heading", "New end date"),
                DATE,
                _("The end date after the extension."),
            ),
            Column(
                "decision_body",
                pgettext_lazy("open data heading", "Decision-making body"),
                TEXT,
                _("Who decided the extension."),
            ),
            Column(
                "decision_date",
                pgettext_lazy("open data heading", "Decision date"),
                DATE,
                _("The day of the decision."),
            ),
            Column(
                "decision_reference",
                pgettext_lazy("open data heading", "Reference number"),
                TEXT,
                _("The decision's reference number; may be empty."),
            ),
            Column(
                "recorded_on",
                pgettext_lazy("open data heading", "Recorded (date)"),
                DATE,
                _("The day the extension was recorded in the portal."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the change log"),
                URL,
                _("The extension in its period's change log."),
            ),
        ),
        rows=extension_rows,
    ),
    Dataset(
        slug="utfallsmatt",
        title=_("Outcome indicators"),
        description=_(
            "The outcome indicators of the promises of the published periods: what is measured "
            "to see whether things got better, from which source, which way is better, and the "
            "baseline. Every indicator is listed, also one not yet measured; its values are in "
            "the dataset Outcomes."
        ),
        columns=(
            Column(
                "indicator_id",
                pgettext_lazy("open data heading", "Indicator ID"),
                INTEGER,
                _("Identifier of the outcome indicator."),
            ),
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("The promise (promise_id in Promises)."),
            ),
            *PLACE_COLUMNS,
            Column(
                "name",
                pgettext_lazy("open data heading", "Outcome indicator"),
                TEXT,
                _("What is measured."),
            ),
            Column(
                "description",
                pgettext_lazy("open data heading", "Description"),
                TEXT,
                _("Description of the indicator; may be empty."),
            ),
            Column(
                "unit",
                pgettext_lazy("open data heading", "Unit"),
                TEXT,
                _("The unit of the values; may be empty."),
            ),
            Column(
                "source",
                pgettext_lazy("open data heading", "Source"),
                TEXT,
                _("Where the values come from."),
            ),
            Column(
                "direction",
                pgettext_lazy("open data heading", "Desired direction"),
                CODE,
                _("Which way the indicator should move."),
            ),
            Column(
                "baseline_value",
                pgettext_lazy("open data heading", "Baseline"),
                DECIMAL,
                _("The baseline value; empty without baseline."),
            ),
            Column(
                "baseline_date",
                pgettext_lazy("open data heading", "Baseline date"),
                DATE,
                _("The date of the baseline; empty without baseline."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the indicator"),
                URL,
                _("The indicator on its period's page."),
            ),
        ),
        rows=indicator_rows,
    ),
    Dataset(
        slug="utfall",
        title=_("Outcomes"),
        description=_(
            "The values of the outcome indicators, as each citizen promise's page lists them: "
            "one row per value, the indicator's baseline first (when it has one), then every "
            "measurement by date, with the indicator's name, unit, direction and source on "
            "each row. Withdrawn measurements are left out."
        ),
        columns=(
            Column(
                "indicator_id",
                pgettext_lazy("open data heading", "Indicator ID"),
                INTEGER,
                _("The outcome indicator (indicator_id in Outcome indicators)."),
            ),
            Column(
                "measurement_id",
                pgettext_lazy("open data heading", "Measurement ID"),
                INTEGER,
                _("Identifier of the measurement; empty for the baseline."),
            ),
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("The promise (promise_id in Promises)."),
            ),
            *PLACE_COLUMNS,
            Column(
                "indicator_name",
                pgettext_lazy("open data heading", "Outcome indicator"),
                TEXT,
                _("What is measured."),
            ),
            Column(
                "unit",
                pgettext_lazy("open data heading", "Unit"),
                TEXT,
                _("The unit of the values; may be empty."),
            ),
            Column(
                "direction",
                pgettext_lazy("open data heading", "Desired direction"),
                CODE,
                _("Which way the indicator should move."),
            ),
            Column(
                "source",
                pgettext_lazy("open data heading", "Source"),
                TEXT,
                _("Where the values come from."),
            ),
            Column(
                "baseline",
                pgettext_lazy("open data heading", "Baseline (yes/no)"),
                BOOLEAN,
                _("Whether the value is the indicator's baseline."),
            ),
            Column(
                "date",
                pgettext_lazy("open data heading", "Date"),
                DATE,
                _("The date of the value."),
            ),
            Column(
                "value",
                pgettext_lazy("open data heading", "Value"),
                DECIMAL,
                _("The value, with a decimal point and as entered (at most three decimals)."),
            ),
            Column(
                "source_note",
                pgettext_lazy("open data heading", "Source note"),
                TEXT,
                _("Note on the source of the measurement; may be empty."),
            ),
        ),
        rows=outcome_rows,
    ),
)

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def code_lists() -> list[tuple[str, list[tuple[str, str]]]]:
    """The codes used in code columns and what they mean, for the open data page."""
    states = [(value, label) for value, label in PeriodState.choices if value in PUBLISHED_STATES]
    meeting_statuses = [
        (value, label) for value, label in MeetingStatus.choices if value in PUBLIC_MEETING_STATUSES
    ]
    return [
        ("state", states),
        ("parties", Parties.choices),
        ("responsible", Responsible.choices),
        ("target_comparator", Comparator.choices),
        ("target_scope", Scope.choices),
        ("status", ActivityStatus.choices),
        ("pace_status", PaceStatus.choices),
        ("meeting_status", meeting_statuses),
        ("meeting_kind", MeetingKind.choices),
        ("rating", Rating.choices),
        ("report_kind", ReportKind.choices),
        ("revision_kind", RevisionKind.choices),
        ("change_kind", ChangeKind.choices),
        ("direction", Direction.choices),
    ]
