"""Open data datasets: what was done and followed up (the logs, the meetings, their
assessments and the reports)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followups.opendata.datasets.columns import (
    CODE,
    DATE,
    INTEGER,
    PLACE_COLUMNS,
    TEXT,
    TIME,
    URL,
    Column,
    Dataset,
)
from followups.opendata.followup_rows import assessment_rows, meeting_rows, report_rows
from followups.opendata.rows import log_rows

FOLLOW_UP_DATASETS: tuple[Dataset, ...] = (
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
)
