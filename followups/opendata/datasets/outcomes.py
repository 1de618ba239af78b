"""Open data datasets: what the promises aim to change (the outcome indicators and their
measurements)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followups.opendata.datasets.columns import (
    BOOLEAN,
    CODE,
    DATE,
    DECIMAL,
    INTEGER,
    PLACE_COLUMNS,
    TEXT,
    URL,
    Column,
    Dataset,
)
from followups.opendata.followup_rows import (
    indicator_rows,
    outcome_rows,
)

OUTCOME_DATASETS: tuple[Dataset, ...] = (
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
