"""The demo's generated Swedish sentences: assessments of promises and report result lines.

Call with Swedish active (`build_demo` does). Labels and "12 av minst 15 …" come from the
domain's own wording (`activities.progress`, `activities.wording`); what is left here are the
demo's own phrasings that no page of the portal uses, e.g. "under 1 maj – 31 aug 2026".
"""

from fractions import Fraction

from activities.models import Activity
from activities.progress import Comparator, PaceStatus, Progress, Scope, progress_text, target_text
from activities.wording import span_label

# Spans the demo's texts count in, named by their dates (a text is read long after it was written:
# "innevarande löftesår" would then name another year).
SPAN_SCOPES = (Scope.YEAR, Scope.TERTIAL, Scope.MONTH, Scope.WEEK)
SPAN_NOUNS_SV = {Scope.TERTIAL: "tertial", Scope.MONTH: "månader", Scope.WEEK: "veckor"}
GOOD_PACE = {PaceStatus.DONE, PaceStatus.ON_TRACK, PaceStatus.ACHIEVED}


def comparator(activity: Activity) -> str:
    return str(Comparator(activity.target_comparator).label)


def _decimal(value: Fraction) -> str:
    return f"{float(value):.1f}".replace(".", ",")


def _per(activity: Activity) -> str:
    return "per vecka" if activity.target_scope == Scope.AVERAGE_WEEK else "per månad"


def target_words(activity: Activity) -> str:
    """The target as the demo's texts quote it, e.g. "minst 10 narkotikainsatser per år"."""
    target = activity.target
    if target.is_average:
        # "i snitt minst 1 per vecka": the unit's plural would not fit a value of one.
        return f"i snitt {comparator(activity)} {target.value} {_per(activity)}"
    if target.scope == Scope.PERIOD:
        # The reports say "under perioden" where the catalogue says "under hela perioden".
        return f"{comparator(activity)} {target.value} {target.unit} under perioden"
    return target_text(target)


def progress_words(activity: Activity, progress: Progress) -> str:
    """Done in the running span (else the last), named by its dates, or the average so far."""
    if progress.target.is_average:
        if progress.average is None:
            return f"inget genomsnitt ännu ({_per(activity)})"
        return f"i snitt {_decimal(progress.average)} {_per(activity)}"
    span = progress.current or progress.spans[-1]
    words = progress_text(span.done, progress.target, span.span.target)
    if progress.current is not None and activity.target_scope in SPAN_SCOPES:
        words += f" under {span_label(progress, progress.spans.index(span))}"
    return words


def span_results(activity: Activity, progress: Progress) -> str:
    """How each span of a finished period went: listed per year, otherwise counted."""
    if activity.target_scope == Scope.YEAR:
        return "per löftesår " + ", ".join(
            f"{span.done} av {comparator(activity)} {span.span.target}" for span in progress.spans
        )
    achieved = sum(span.status == PaceStatus.ACHIEVED for span in progress.spans)
    noun = SPAN_NOUNS_SV[activity.target_scope]
    return f"målet nåddes {achieved} av {len(progress.spans)} {noun}"


def occasions(count: int) -> str:
    return "1 registrerat tillfälle" if count == 1 else f"{count} registrerade tillfällen"
