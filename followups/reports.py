"""Reports (redovisningar): the span a kind covers, the figures of a span, the drafted texts.

**One code path for the figures.** The public period page shows each activity's
`Activity.progress(today)`: `activities.progress.progress_from_counts` over the kept span sums,
put into words by `activities.wording`. A report's figures are the same function and the same
words, over the sums of the logs dated up to the report's last day, as of that day (`figures`);
"done in the span" is the same sums between its first and last day. A report covering today
therefore shows exactly what the period page shows today. At publication the rows are frozen
(`Report.figures`): a later log or revision changes the page, never a published report.
"""

import datetime
import re
from dataclasses import asdict, dataclass, field, fields

from django.conf import settings
from django.db.models import Prefetch, Sum
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from activities import wording
from activities.models import Activity, ActivityLog
from activities.progress import (
    SpanSums,
    Target,
    add_months,
    progress_from_counts,
)
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingStatus,
    Report,
    ReportKind,
    judged_after_end,
)
from promises.fields import join_range
from promises.models import PromisePeriod

ONE_DAY = datetime.timedelta(days=1)
# The calendar spans a report of each kind covers by default, in months (tertials, half-years and
# years counted from January, as Swedish municipalities report).
KIND_MONTHS = {ReportKind.TERTIAL: 4, ReportKind.HALF_YEAR: 6, ReportKind.YEAR_END: 12}


# -- The span ---------------------------------------------------------------------------------


def default_span(
    kind: str, period: PromisePeriod, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The span a report of `kind` covers by default: the last tertial, half-year or calendar
    year that ended before today (before the period's end, once it has ended), or the whole
    period for a final report, as far as it has gone (to today, or to the day it was closed
    before its end); clipped to the period (an open-ended one: to today)."""
    start, end = period.start_date, period.end_date or max(today, period.start_date)
    if kind == ReportKind.FINAL:
        last = min(end, period.closed_date or today, today)
        return start, max(start, last)
    months = KIND_MONTHS[kind]
    reference = min(today, end + ONE_DAY)
    current = reference.replace(month=(reference.month - 1) // months * months + 1, day=1)
    span_from, span_to = add_months(current, -months), current - ONE_DAY
    span_from, span_to = max(span_from, start), min(span_to, end)
    if span_to < span_from:
        # No such span has ended inside the period yet: the period so far.
        return start, max(start, min(today, end))
    return span_from, span_to


def proposed_span(
    kind: str, period: PromisePeriod, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The span the report form proposes: the kind's usual one (`default_span`), or, once that
    one's report is published, the span running since, up to today (a coordinator preparing
    December's year-end follow-up was offered last year's, already published)."""
    start, end = default_span(kind, period, today)
    if kind == ReportKind.FINAL:
        return start, end
    published = period.reports.filter(
        kind=kind,
        covers_from=start,
        covers_to=end,
        published_on__isnull=False,
        replaced_by__isnull=True,
    )
    last = min(today, period.end_date) if period.end_date else today
    if end < last and published.exists():
        return end + ONE_DAY, last
    return start, end


def figures_day(period: PromisePeriod, covers_to: datetime.date, today: datetime.date):
    """The day the figures are judged on: the report's last day; the day after the period, when
    the report reaches the period's end and it has passed (each target then uppnådd or not)."""
    if period.end_date is not None and covers_to >= period.end_date and today > period.end_date:
        return period.end_date + ONE_DAY
    return covers_to


def span_words(start: datetime.date, end: datetime.date) -> str:
    """ "januari–april 2026" for whole months, else "1 januari – 15 april 2026" (`join_range`)."""
    whole_months = start.day == 1 and (end + ONE_DAY).day == 1
    if whole_months and start.year == end.year:
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        return f"{join_range(date_format(start, 'F'), date_format(end, 'F'))} {end.year}"
    if whole_months:
        return join_range(date_format(start, "F Y"), date_format(end, "F Y"))
    if start.year == end.year:
        return f"{join_range(date_format(start, 'j F'), date_format(end, 'j F'))} {end.year}"
    return join_range(date_format(start, "j F Y"), date_format(end, "j F Y"))


# -- The figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    """One activity in a report: its target and progress in words, what was done in the span,
    and its status. Stored as a dict (`Report.figures`) at publication."""

    activity_id: int
    activity: str
    responsible: str
    target: str
    done: int
    progress: str
    status: str
    status_code: str
    # The party's code ("unstated" reads "ej angiven", in lower case, as on the period page).
    # Rows frozen before it was stored lack it.
    responsible_code: str = ""
    # A recurring target's spans that ended in the report: how many met it, and those that did
    # not ("1–31 jul 2026"); the status beside them is the current span's. Rows frozen before
    # these were stored lack them.
    spans: str = ""
    missed: list[str] = field(default_factory=list)
    # A most ("högst 10 skadegörelser"): what it counts is registered, not done. Rows frozen
    # before it was stored lack it.
    ceiling: bool = False
    # What was done in the span with what it counts ("5 narkotikainsatser", "3 gånger"): a bare
    # "Genomfört 1 maj – 31 augusti 2026: 5" left the reader to guess five of what. Rows frozen
    # before it was stored lack it and show the bare number.
    done_words: str = ""
    # The progress begins with what was done in the span, the report's own (a tertial's report
    # of a per-tertial target): said once, in the report's words (`report_progress_words`).
    # Rows frozen before it was stored lack it.
    progress_is_done: bool = False


def _sums_until(activity_ids: list[int], last_day: datetime.date) -> dict[int, SpanSums]:
    """Per activity, the counted quantities of its logs dated up to `last_day`, per day (one
    query; days, not logs, so a long period stays small)."""
    rows = (
        ActivityLog.objects.counted()
        .filter(activity_id__in=activity_ids, date__lte=last_day)
        .values_list("activity_id", "date")
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    days: dict[int, list] = {pk: [] for pk in activity_ids}
    for activity_id, day, total in rows:
        days[activity_id].append((day, day, total))
    return {pk: SpanSums(sums) for pk, sums in days.items()}


def targets_on(activities: list[Activity], day: datetime.date) -> dict[int, Target | None]:
    """Each activity's target as it stood at the end of `day`: the last version its history
    holds from up to then, or, with none (added later, or written without history), its target
    now. A target changed later (an annual review) does not rewrite how the day is judged."""
    cutoff = timezone.make_aware(datetime.datetime.combine(day + ONE_DAY, datetime.time.min))
    targets = {activity.pk: activity.target for activity in activities}
    versions = Activity.history.filter(id__in=list(targets), history_date__lt=cutoff).order_by(
        "history_date", "history_id"
    )
    for version in versions:
        targets[version.id] = version.instance.target
    return targets


def figure_rows(
    period: PromisePeriod,
    covers_from: datetime.date,
    covers_to: datetime.date,
    as_of: datetime.date,
    *,
    report_line: bool = True,
) -> list[FigureRow]:
    """The figures of every activity of `period` for the span, judged on `as_of` against the
    target in force then (`targets_on`). `report_line`: shown after a report's "Genomfört
    <span>:", which names the report's span (a meeting's figures are shown alone)."""
    activities = list(Activity.objects.filter(period=period).order_by("position", "pk"))
    sums = _sums_until([a.pk for a in activities], covers_to)
    targets = targets_on(activities, as_of)
    rows = []
    for activity in activities:
        activity.period = period  # known: no query per activity
        if activity.counts_from and activity.counts_from > covers_to:
            continue  # added by a later revision: no part of the span reported
        counts = sums[activity.pk]
        judged_on = period.judged_on(as_of)  # a closed period as over
        progress = progress_from_counts(
            targets[activity.pk],
            activity.counting_start,
            period.counting_end(as_of),
            counts,
            judged_on,
            period.recorded_from,
        )
        if progress.target is not None:
            status_code = progress.status or ""
            status = wording.pace_label(progress.status)
            if not progress.status and period.recorded_from is not None:
                # A span begun before the promise was registered is not judged, as its page
                # says: a bare "0 av minst 40" read as nothing done (a tester).
                status = gettext(
                    "the pace is not judged: the span began before the citizen promise was "
                    "registered in the portal"
                )
        else:
            status_code = wording.status_shown(activity.status, progress.total_done)
            status = wording.status_words(activity.status, progress)
        done = counts.between(covers_from, covers_to)
        # Kept with the report and read long after: the span by its kind and dates.
        if report_line:
            words, progress_is_done = wording.report_progress_words(
                progress, covers_from, covers_to
            )
        else:
            words, progress_is_done = wording.progress_summary(progress, dated=True), False
        rows.append(
            FigureRow(
                activity_id=activity.pk,
                activity=activity.title,
                responsible=activity.responsible_shown,
                target=wording.target_words(progress),
                done=done,
                done_words=wording.quantity_words(progress.target, done),
                progress=words,
                progress_is_done=progress_is_done,
                status=status,
                status_code=status_code,
                responsible_code=activity.responsible,
                spans=wording.spans_in_report_words(progress, covers_from, covers_to),
                missed=wording.missed_spans(progress, covers_from, covers_to),
                ceiling=progress.target is not None and progress.target.is_ceiling,
            )
        )
    return rows


def frozen_figures(report: Report, today: datetime.date) -> tuple[list[dict], datetime.date]:
    """The rows stored at publication, in the site's language, and the day they are judged on."""
    as_of = figures_day(report.period, report.covers_to, today)
    with translation.override(settings.LANGUAGE_CODE):
        rows = figure_rows(report.period, report.covers_from, report.covers_to, as_of)
    return [asdict(row) for row in rows], as_of


def later_counts(report: Report, today: datetime.date) -> list[tuple[str, object, object]]:
    """Each activity whose quantity done in a published report's span, counted today, differs
    from the published one (logs entered or changed afterwards): (activity, published, now).
    Empty for a draft or a replaced version. The report keeps its figures; its page says this,
    so that a council member quoting it is not contradicted by the activity's page."""
    if report.is_draft or report.replaced_by_id is not None:
        return []
    published = {row["activity_id"]: row["done"] for row in report.figures}
    return [
        (row["activity"], published[row["activity_id"]], row["done"])
        for row in frozen_figures(report, today)[0]
        if row["activity_id"] in published and published[row["activity_id"]] != row["done"]
    ]


def same_span_report(period: PromisePeriod, kind: str, start, end) -> Report | None:
    """The report of `period` of the same kind and span that is not replaced (a draft, or the
    latest published version), if any: a second one would compete with it."""
    return period.reports.filter(
        kind=kind, covers_from=start, covers_to=end, replaced_by__isnull=True
    ).first()


# A correction's figures: those of the version it corrects, or counted anew.
KEEP, RECOUNT = "keep", "recount"


def figure_changes(before: list[dict], after: list[dict]) -> list[str]:
    """Each activity whose figures differ between two sets of frozen rows, in words, in the
    active language: "Trafikkontroller: genomfört under den redovisade perioden 7 → 8; …"."""
    earlier = {row["activity_id"]: row for row in before}
    changes = []
    for row in after:
        old = earlier.pop(row["activity_id"], None)
        if old is None:
            changes.append(gettext("%(activity)s: not in the published version") % row)
            continue
        if parts := _row_changes(old, row):
            changes.append(f"{row['activity']}: {'; '.join(parts)}")
    changes += [gettext("%(activity)s: no longer in the report") % row for row in earlier.values()]
    return changes


def _row_changes(old: dict, row: dict) -> list[str]:
    """How one activity's frozen row differs from its earlier one, in words; [] if it does not."""
    parts = []
    if old["done"] != row["done"]:
        parts.append(
            gettext("done in the span %(old)s → %(new)s") % {"old": old["done"], "new": row["done"]}
        )
    if old.get("spans", "") != row.get("spans", "") and row.get("spans"):
        parts.append(row["spans"])
    if old["status_code"] != row["status_code"]:
        parts.append(
            gettext("status %(old)s → %(new)s") % {"old": old["status"], "new": row["status"]}
        )
    return parts


def lines_naming_changed(body: str, before: list[dict], after: list[dict]) -> list[str]:
    """The lines of a report's text that name an activity whose figures differ between two
    sets of frozen rows (`figure_changes`' rule), and quote a number: the sentences to check
    when the figures are counted anew (a corrected report's table said 24 under a text that
    still said 23)."""
    earlier = {row["activity_id"]: row for row in before}
    changed = [
        row["activity"]
        for row in after
        if (old := earlier.get(row["activity_id"])) is not None and _row_changes(old, row)
    ]
    if not changed:
        return []
    return [
        line.strip()
        for line in body.splitlines()
        if re.search(r"\d", line) and any(title.casefold() in line.casefold() for title in changed)
    ]


def report_rows(report: Report, today: datetime.date) -> list[dict]:
    """A report's figures: as frozen at publication, or for a draft as they stand now."""
    if not report.is_draft:
        return report.figures
    as_of = figures_day(report.period, report.covers_to, today)
    rows = figure_rows(report.period, report.covers_from, report.covers_to, as_of)
    return [asdict(row) for row in rows]


# -- The drafted texts ------------------------------------------------------------------------


def default_title(kind: str, period: PromisePeriod, start, end) -> str:
    if kind == ReportKind.TERTIAL:
        title = gettext("Tertial report %(span)s: citizen promises %(in_place)s")
    elif kind == ReportKind.HALF_YEAR:
        title = gettext("Half-year report %(span)s: citizen promises %(in_place)s")
    elif kind == ReportKind.YEAR_END:
        # "Årsuppföljning 2025: …", as the kind is called (it said only "Redovisning för").
        title = gettext("Year-end report %(span)s: citizen promises %(in_place)s")
    else:
        title = gettext("Final report: citizen promises %(in_place)s %(span)s")
    span = period.period_label if kind == ReportKind.FINAL else span_words(start, end)
    # A title is one line its author may edit: written as the title field keeps a typed one
    # (`PlainTextField` folds every blank, a range's no-break space too), so that a title
    # posted back unchanged is the stored one, not a correction.
    return " ".join((title % {"span": span, "in_place": period.in_place_name}).split())


# A follow-up meeting looks back: held in the first weeks after a span, it assessed that span
# (the meeting of 17 September, the tertial May–August), not the one it falls in.
MEETING_LAG = datetime.timedelta(weeks=6)


def held_meetings(period: PromisePeriod, start, end) -> list[FollowUpMeeting]:
    """The meetings held that look back on the span: from six weeks into it to six weeks after
    its end (`MEETING_LAG`), with their assessments and verdicts (three queries)."""
    return list(
        FollowUpMeeting.objects.filter(
            period=period,
            status=MeetingStatus.HELD,
            date__gt=start + MEETING_LAG,
            date__lte=end + MEETING_LAG,
        )
        .defer("internal_minutes")
        .prefetch_related(
            Prefetch("assessments", queryset=Assessment.objects.select_related("promise")),
            Prefetch("verdicts", queryset=ActivityVerdict.objects.select_related("activity")),
        )
        .order_by("date", "pk")
    )


def _status_summary(rows: list[FigureRow], as_of: datetime.date, period: PromisePeriod) -> str:
    counted: dict[str, int] = {}
    for row in rows:
        if row.target:
            # A target whose pace is not judged (a promise registered while its span ran) has
            # no status: counted as not judged, not left out of the words.
            status = row.status_code or wording.NOT_JUDGED
            counted[status] = counted.get(status, 0) + 1
    if not counted:
        return ""
    with_target = sum(counted.values())
    if judged_after_end(period, as_of):
        # Judged with the period over (`figures_day`): its last day, not the next one.
        words = ngettext(
            "Status at the end of the period, %(date)s, of the %(count)s activity with a "
            "target: %(parts)s.",
            "Status at the end of the period, %(date)s, of the %(count)s activities with a "
            "target: %(parts)s.",
            with_target,
        )
        as_of = period.end_date
    else:
        words = ngettext(
            "Status on %(date)s of the %(count)s activity with a target: %(parts)s.",
            "Status on %(date)s of the %(count)s activities with a target: %(parts)s.",
            with_target,
        )
    return words % {
        "date": date_format(as_of, "j F Y"),
        "count": with_target,
        "parts": wording.overview_words(counted),
    }


def _missed_summary(rows: list[FigureRow]) -> str:
    """The recurring targets not met in a span that ended in the report, named with the spans:
    the current span's status alone ("klar" for August) would hide a July that fell short."""
    parts = [f"{row.activity} ({wording.named_spans(row.missed)})" for row in rows if row.missed]
    if not parts:
        return ""
    return gettext("Targets not met in a span that ended in the period reported: %(parts)s.") % {
        "parts": "; ".join(parts)
    }


def _introduction(period: PromisePeriod, start: datetime.date, end: datetime.date) -> str:
    return gettext(
        "This report covers the citizen promise %(place)s %(label)s from %(start)s to "
        "%(end)s, with the figures for each activity."
    ) % {
        "place": period.place_name,
        "label": period.period_label,
        "start": date_format(start, "j F Y"),
        "end": date_format(end, "j F Y"),
    }


def drafted_figure_paragraphs(
    period: PromisePeriod,
    start: datetime.date,
    end: datetime.date,
    rows: list[FigureRow],
    as_of: datetime.date,
) -> list[str]:
    """The paragraphs of a drafted text that the figures decide, in their order: the
    introduction (which they do not, the others' anchor), the targets' status and the targets
    missed; "" for one the figures leave out."""
    return [
        _introduction(period, start, end),
        _status_summary(rows, as_of, period),
        _missed_summary(rows),
    ]


def rows_from_frozen(frozen: list[dict]) -> list[FigureRow]:
    """Frozen rows (`Report.figures`) as `FigureRow`s again; rows frozen before a field was
    stored take its default."""
    names = {f.name for f in fields(FigureRow)}
    return [
        FigureRow(**{key: value for key, value in row.items() if key in names}) for row in frozen
    ]


# A blank line (with any spaces, and the \r\n a browser sends) between two paragraphs.
PARAGRAPH_BREAK = re.compile(r"(\r?\n[ \t]*\r?\n\s*)")


def recounted_body(body: str, before: list[str], after: list[str]) -> str:
    """`body` with each drafted figure paragraph (`drafted_figure_paragraphs`) of the figures
    `before` that it still holds unchanged replaced by the one of the figures `after` (left out
    when there is none now); one there was none of before is put after the paragraph that comes
    before it in a drafted text, if the body holds that one. A paragraph the coordinator
    rewrote is theirs: left as it is.

    A correction whose figures are counted anew kept "Status den 30 april 2026 av de 3
    aktiviteterna med mål: 2 klara, 1 efter" over a table that now says otherwise."""
    pieces = PARAGRAPH_BREAK.split(body)
    texts = pieces[0::2]  # the paragraphs; the breaks between them at odd indexes
    breaks = pieces[1::2]
    found: list[int | None] = [None] * len(before)
    for index, old in enumerate(before):
        if old:
            found[index] = next((i for i, text in enumerate(texts) if text.strip() == old), None)
    inserts: dict[int, list[str]] = {}
    for index in range(1, len(before)):
        old, new = before[index], after[index]
        if old == new:
            continue
        if found[index] is not None:
            texts[found[index]] = new
        elif not old and new:
            anchor = next(
                (found[i] for i in range(index - 1, -1, -1) if found[i] is not None), None
            )
            if anchor is not None:
                inserts.setdefault(anchor, []).append(new)
    separator = breaks[0] if breaks else "\n\n"
    # Each paragraph kept with the break before it: the body's own, or for one put in, its first.
    kept: list[tuple[str, str]] = []
    for index, text in enumerate(texts):
        if text or index not in found:
            kept.append((breaks[index - 1] if index else "", text))
        kept.extend((separator, new) for new in inserts.get(index, []))
    return "".join(
        text if not position else f"{brk}{text}" for position, (brk, text) in enumerate(kept)
    )


def default_body(
    period: PromisePeriod, start: datetime.date, end: datetime.date, today: datetime.date
) -> str:
    """The drafted introduction: the span, the state of the targets, and what the meetings held
    in the span assessed (public parts only), for the coordinator to edit."""
    as_of = figures_day(period, end, today)
    rows = figure_rows(period, start, end, as_of)
    paragraphs = [
        text for text in drafted_figure_paragraphs(period, start, end, rows, as_of) if text
    ]
    for meeting in held_meetings(period, start, end):
        lines = [f"{date_format(meeting.date, 'j F Y')}, {meeting.get_kind_display()}:"]
        if meeting.public_summary:
            lines.append(meeting.public_summary)
        for assessment in meeting.assessments.all():
            line = f"- {assessment.promise.title}: {assessment.get_rating_display()}"
            lines.append(line + (f" – {assessment.comment}" if assessment.comment else ""))
        for verdict in meeting.verdicts.all():
            lines.append(f"- {verdict.activity.title}: {verdict.text}")
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
