"""Open data datasets: how a period changed after it was signed (its revisions' changes and
its extensions)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followups.opendata.datasets.columns import (
    CODE,
    DATE,
    INTEGER,
    PLACE_COLUMNS,
    TEXT,
    URL,
    Column,
    Dataset,
)
from followups.opendata.followup_rows import (
    extension_rows,
    revision_change_rows,
)

CHANGE_DATASETS: tuple[Dataset, ...] = (
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
)
