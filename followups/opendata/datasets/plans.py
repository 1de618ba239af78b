"""Open data datasets: what was promised (the municipalities, the periods, their promises and
activities)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followups.opendata.datasets.columns import (
    BOOLEAN,
    CODE,
    DATE,
    DECIMAL,
    INTEGER,
    INTEGER_LIST,
    MUNICIPALITY_CODE_HELP,
    PLACE_COLUMNS,
    TEXT,
    TEXT_LIST,
    URL,
    Column,
    Dataset,
)
from followups.opendata.rows import (
    activity_rows,
    municipality_rows,
    period_rows,
    promise_rows,
)

PLAN_DATASETS: tuple[Dataset, ...] = (
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
)
