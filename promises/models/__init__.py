"""The promise document (PromisePeriod), its promises, themes, signatories and lifecycle record.

One module per part, imported here so that the rest of the project names them all from
`promises.models`: `states` (the lifecycle's states and the conditions pages select by),
`period_queries` (what each page asks for), `versioned` (the editors' concurrency check),
`periods`, `promises`, `records` (the lifecycle's record) and `indicators` (outcomes).
"""

from promises.models.indicators import (
    VALUE_DECIMALS,
    VALUE_DIGITS,
    Direction,
    OutcomeIndicator,
    OutcomeMeasurement,
    OutcomeMeasurementQuerySet,
)
from promises.models.period_queries import PromisePeriodQuerySet
from promises.models.periods import PromisePeriod
from promises.models.promises import Promise, PromiseQuerySet, Signatory, Theme
from promises.models.records import (
    ChangeKind,
    DecisionProposal,
    Extension,
    PeriodTransition,
    Review,
    ReviewAnswer,
    ReviewVerdict,
    Revision,
    RevisionChange,
    RevisionKind,
    TransitionKind,
    prefetch_answers,
)
from promises.models.states import (
    CEILING_COMPARATOR,
    IN_FORCE_STATES,
    PERIOD_CONTACT_FIELDS,
    PERIOD_CONTACT_PUBLIC,
    PERIOD_TEXT_FIELDS,
    PUBLISHED_STATES,
    Parties,
    PeriodState,
    WaitingFor,
    active_q,
    covering_year_q,
    in_scope_q,
    municipalities_for_list,
    open_ended_horizon,
    police_area_q,
)
from promises.models.versioned import EditVersioned

__all__ = [
    "CEILING_COMPARATOR",
    "IN_FORCE_STATES",
    "PERIOD_CONTACT_FIELDS",
    "PERIOD_CONTACT_PUBLIC",
    "PERIOD_TEXT_FIELDS",
    "PUBLISHED_STATES",
    "ChangeKind",
    "DecisionProposal",
    "Direction",
    "EditVersioned",
    "Extension",
    "OutcomeIndicator",
    "OutcomeMeasurement",
    "OutcomeMeasurementQuerySet",
    "Parties",
    "PeriodState",
    "PeriodTransition",
    "Promise",
    "PromisePeriod",
    "PromisePeriodQuerySet",
    "PromiseQuerySet",
    "Review",
    "ReviewAnswer",
    "ReviewVerdict",
    "Revision",
    "RevisionChange",
    "RevisionKind",
    "Signatory",
    "Theme",
    "TransitionKind",
    "VALUE_DECIMALS",
    "VALUE_DIGITS",
    "WaitingFor",
    "active_q",
    "covering_year_q",
    "in_scope_q",
    "municipalities_for_list",
    "open_ended_horizon",
    "police_area_q",
    "prefetch_answers",
]
