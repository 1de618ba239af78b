"""The progress phrase a page shows, rendered and compared with Swedish written out by hand.

Every comparator and scope, with nothing, one or many logged, before the period, while a span
runs and after the period. The period is the Tranås kind: it starts on a signing day (20 March
2026) and ends on 31 December 2027, so promise years are not calendar years and the first and
last spans are cut short. The rendered text is the first paragraph of includes/progress.html:
the headline, its status and, while a span of many runs, the period's running total.
"""

import re
from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import override

from activities.progress import LogEntry, Target, compute_progress
from activities.wording import date_range
from tests import factories
from tests.e2e import vnu

START, END = date(2026, 3, 20), date(2027, 12, 31)
ONE_DAY = timedelta(days=1)
WHEN = {
    "before": date(2026, 3, 1),
    "inside": date(2026, 12, 2),  # a Wednesday: week 30 Nov–6 Dec, tertial Sep–Dec
    "after": date(2028, 1, 1),
}
LOGS = {
    0: [],
    1: [LogEntry(date(2026, 12, 2), 1)],
    # 5 in the first tertial and week of April, 3 today: the running span has 3 of 8.
    "many": [LogEntry(date(2026, 4, 15), 5), LogEntry(date(2026, 12, 2), 3)],
    3: [LogEntry(date(2026, 12, 2), 3)],
}
# Before the period nothing inside it can have been logged: logs dated before it never count.
LOGS_BEFORE = {
    0: [],
    1: [LogEntry(date(2026, 2, 27), 1)],
    "many": [LogEntry(date(2026, 2, 15), 5), LogEntry(date(2026, 2, 28), 3)],
}
TARGETS = {
    "period": (2, "medborgardialoger", "medborgardialog"),
    "year": (10, "narkotikainsatser", "narkotikainsats"),
    "tertial": (2, "trygghetsvandringar", "trygghetsvandring"),
    "month": (2, "trafikkontroller", "trafikkontroll"),
    "week": (1, "fotpatruller", "fotpatrull"),
    "day": (2, "kontroller", "kontroll"),
    "average_week": (1, "fotpatruller", "fotpatrull"),
    "average_month": (2, "hastighetsmätningar", "hastighetsmätning"),
}
# Before the period a recurring target is worded as promised (f"{BEGINS}minst 2
# trafikkontroller per månad"), not as the sum of the spans to come. Whole-period targets once
# the period is over (the spans' targets added up):
# year 10 + 8 (20 Mar–31 Dec 2027 is 287 of 366 days); tertial 1 + 5 × 2; month 1 + 21 × 2;
# week 94 ISO weeks × 1; day 652 days × 2.
NBSP = "\u00a0"
BEGINS = "Börjar 20 mar 2026: "
YEAR_1 = f"Löftesår 1 (20 mar 2026{NBSP}– 19 mar 2027)"
TERTIAL = f"Detta tertial (1 sep{NBSP}– 31 dec 2026)"
MONTH = "Denna månad (1–31 dec 2026)"
WEEK = f"Denna vecka (30 nov{NBSP}– 6 dec 2026)"
DAY = "I dag (2 dec 2026)"

PHRASES = [
    # -- over the whole period ------------------------------------------------------------------
    ("period", "at_least", "before", 0, "0 av minst 2 medborgardialoger Ej påbörjad"),
    ("period", "count", "before", 1, "0 av 2 medborgardialoger Ej påbörjad"),
    ("period", "exactly", "before", "many", "0 medborgardialoger (mål: exakt 2) Ej påbörjad"),
    ("period", "at_most", "inside", 0, "0 av högst 2 medborgardialoger I fas"),
    ("period", "at_least", "inside", 1, "1 av minst 2 medborgardialoger I fas"),
    ("period", "count", "inside", "many", "8 av 2 medborgardialoger Klar"),
    ("period", "count", "inside", 3, "3 av 2 medborgardialoger Klar"),
    ("period", "at_most", "inside", 3, "3 av högst 2 medborgardialoger Ej uppnådd"),
    ("period", "exactly", "inside", 1, "1 medborgardialog (mål: exakt 2) I fas"),
    ("period", "exactly", "after", 0, "0 medborgardialoger (mål: exakt 2) Ej uppnådd"),
    ("period", "at_most", "after", 1, "1 av högst 2 medborgardialoger Uppnådd"),
    ("period", "at_least", "after", "many", "8 av minst 2 medborgardialoger Uppnådd"),
    ("period", "count", "after", 3, "3 av 2 medborgardialoger Uppnådd"),
    ("period", "exactly", "after", 3, "3 medborgardialoger (mål: exakt 2) Ej uppnådd"),
    # -- per year: promise years from the start -------------------------------------------------
    ("year", "count", "before", 0, f"{BEGINS}10 narkotikainsatser per år Ej påbörjad"),
    ("year", "exactly", "before", 1, f"{BEGINS}exakt 10 narkotikainsatser per år Ej påbörjad"),
    ("year", "at_most", "before", "many", f"{BEGINS}högst 10 narkotikainsatser per år Ej påbörjad"),
    ("year", "at_least", "inside", 0, f"{YEAR_1}: 0 av minst 10 narkotikainsatser Efter plan"),
    ("year", "count", "inside", 1, f"{YEAR_1}: 1 av 10 narkotikainsatser Efter plan"),
    ("year", "exactly", "inside", "many", f"{YEAR_1}: 8 narkotikainsatser (mål: exakt 10) I fas"),
    ("year", "at_most", "inside", 1, f"{YEAR_1}: 1 av högst 10 narkotikainsatser I fas"),
    (
        "year", "at_most", "after", 0,
        "Målet nåddes 2 av 2 löftesår; sammanlagt 0 narkotikainsatser Uppnådd",
    ),
    (
        "year", "at_least", "after", 1,
        "Målet nåddes 0 av 2 löftesår; sammanlagt 1 narkotikainsats Ej uppnådd",
    ),
    (
        "year", "count", "after", "many",
        "Målet nåddes 0 av 2 löftesår; sammanlagt 8 narkotikainsatser Ej uppnådd",
    ),
    # -- per tertial ----------------------------------------------------------------------------
    (
        "tertial", "exactly", "before", 0,
        f"{BEGINS}exakt 2 trygghetsvandringar per tertial Ej påbörjad",
    ),
    (
        "tertial", "at_most", "before", 1,
        f"{BEGINS}högst 2 trygghetsvandringar per tertial Ej påbörjad",
    ),
    (
        "tertial", "at_least", "before", "many",
        f"{BEGINS}minst 2 trygghetsvandringar per tertial Ej påbörjad",
    ),
    ("tertial", "count", "inside", 0, f"{TERTIAL}: 0 av 2 trygghetsvandringar Efter plan"
        " · hittills under perioden: målet nåddes 0 av 2 avslutade tertial",
    ),
    (
        "tertial", "exactly", "inside", 1,
        f"{TERTIAL}: 1 trygghetsvandring (mål: exakt 2) Efter plan"
        " · hittills under perioden: målet nåddes 0 av 2 avslutade tertial",
    ),
    (
        "tertial", "at_most", "inside", "many",
        f"{TERTIAL}: 3 av högst 2 trygghetsvandringar Ej uppnådd"
        " · hittills under perioden: 8 trygghetsvandringar; målet nåddes 1 av 2 avslutade tertial",
    ),
    (
        "tertial", "at_least", "inside", "many",
        f"{TERTIAL}: 3 av minst 2 trygghetsvandringar Klar"
        " · hittills under perioden: 8 trygghetsvandringar; målet nåddes 1 av 2 avslutade tertial",
    ),
    (
        "tertial", "at_least", "after", 0,
        "Målet nåddes 0 av 6 tertial; sammanlagt 0 trygghetsvandringar Ej uppnådd",
    ),
    (
        "tertial", "count", "after", 1,
        "Målet nåddes 0 av 6 tertial; sammanlagt 1 trygghetsvandring Ej uppnådd",
    ),
    (
        "tertial", "at_most", "after", 1,
        "Målet nåddes 6 av 6 tertial; sammanlagt 1 trygghetsvandring Uppnådd",
    ),
    (
        "tertial", "exactly", "after", "many",
        "Målet nåddes 0 av 6 tertial; sammanlagt 8 trygghetsvandringar Ej uppnådd",
    ),
    # -- per month ------------------------------------------------------------------------------
    ("month", "at_most", "before", 0, f"{BEGINS}högst 2 trafikkontroller per månad Ej påbörjad"),
    ("month", "at_least", "before", 1, f"{BEGINS}minst 2 trafikkontroller per månad Ej påbörjad"),
    ("month", "count", "before", "many", f"{BEGINS}2 trafikkontroller per månad Ej påbörjad"),
    ("month", "exactly", "inside", 0, f"{MONTH}: 0 trafikkontroller (mål: exakt 2) Ej påbörjad"
        " · hittills under perioden: målet nåddes 0 av 9 avslutade månader",
    ),
    ("month", "at_most", "inside", 1, f"{MONTH}: 1 av högst 2 trafikkontroller I fas"
        " · hittills under perioden: målet nåddes 9 av 9 avslutade månader",
    ),
    ("month", "count", "inside", 1, f"{MONTH}: 1 av 2 trafikkontroller I fas"
        " · hittills under perioden: målet nåddes 0 av 9 avslutade månader",
    ),
    (
        "month", "at_least", "inside", "many",
        f"{MONTH}: 3 av minst 2 trafikkontroller Klar"
        " · hittills under perioden: 8 trafikkontroller; målet nåddes 1 av 9 avslutade månader",
    ),
    (
        "month", "count", "after", 0,
        "Målet nåddes 0 av 22 månader; sammanlagt 0 trafikkontroller Ej uppnådd",
    ),
    (
        "month", "exactly", "after", 1,
        "Målet nåddes 0 av 22 månader; sammanlagt 1 trafikkontroll Ej uppnådd",
    ),
    (
        "month", "at_most", "after", "many",
        "Målet nåddes 20 av 22 månader; sammanlagt 8 trafikkontroller Ej uppnådd",
    ),
    # -- per week (ISO weeks), a target of 1: the singular ---------------------------------------
    ("week", "at_least", "before", 0, f"{BEGINS}minst 1 fotpatrull per vecka Ej påbörjad"),
    ("week", "count", "before", 1, f"{BEGINS}1 fotpatrull per vecka Ej påbörjad"),
    ("week", "exactly", "before", "many", f"{BEGINS}exakt 1 fotpatrull per vecka Ej påbörjad"),
    ("week", "at_most", "inside", 0, f"{WEEK}: 0 av högst 1 fotpatrull I fas"
        " · hittills under perioden: målet nåddes 37 av 37 avslutade veckor",
    ),
    ("week", "at_least", "inside", 1, f"{WEEK}: 1 av minst 1 fotpatrull Klar"
        " · hittills under perioden: målet nåddes 0 av 37 avslutade veckor",
    ),
    ("week", "exactly", "inside", 1, f"{WEEK}: 1 fotpatrull (mål: exakt 1) Klar"
        " · hittills under perioden: målet nåddes 0 av 37 avslutade veckor",
    ),
    (
        "week", "count", "inside", "many",
        f"{WEEK}: 3 av 1 fotpatrull Klar · hittills under perioden: 8 fotpatruller;"
        " målet nåddes 1 av 37 avslutade veckor",
    ),
    (
        "week", "exactly", "after", 0,
        "Målet nåddes 0 av 94 veckor; sammanlagt 0 fotpatruller Ej uppnådd",
    ),
    (
        "week", "at_most", "after", 1,
        "Målet nåddes 94 av 94 veckor; sammanlagt 1 fotpatrull Uppnådd",
    ),
    (
        "week", "at_least", "after", "many",
        "Målet nåddes 2 av 94 veckor; sammanlagt 8 fotpatruller Ej uppnådd",
    ),
    # -- per day (calendar days) ----------------------------------------------------------------
    ("day", "count", "before", 0, f"{BEGINS}2 kontroller per dag Ej påbörjad"),
    ("day", "exactly", "before", 1, f"{BEGINS}exakt 2 kontroller per dag Ej påbörjad"),
    ("day", "at_most", "before", "many", f"{BEGINS}högst 2 kontroller per dag Ej påbörjad"),
    ("day", "at_least", "inside", 0, f"{DAY}: 0 av minst 2 kontroller Ej påbörjad"),
    ("day", "count", "inside", 1, f"{DAY}: 1 av 2 kontroller Efter plan"),
    ("day", "at_most", "inside", 1, f"{DAY}: 1 av högst 2 kontroller I fas"),
    (
        "day", "exactly", "inside", "many",
        f"{DAY}: 3 kontroller (mål: exakt 2) Ej uppnådd · hittills under perioden: 8 kontroller",
    ),
    (
        "day", "at_most", "after", 0,
        "Målet nåddes 652 av 652 dagar; sammanlagt 0 kontroller Uppnådd",
    ),
    (
        "day", "at_least", "after", 1,
        "Målet nåddes 0 av 652 dagar; sammanlagt 1 kontroll Ej uppnådd",
    ),
    (
        "day", "count", "after", "many",
        "Målet nåddes 2 av 652 dagar; sammanlagt 8 kontroller Ej uppnådd",
    ),
    # -- on average per week: 36 whole weeks by 2 December, 93 in the period -------------------
    (
        "average_week", "exactly", "before", 0,
        "Ingen hel vecka har gått än (mål: i snitt exakt 1 fotpatrull per vecka) Ej påbörjad",
    ),
    (
        "average_week", "at_most", "before", 1,
        "Ingen hel vecka har gått än (mål: i snitt högst 1 fotpatrull per vecka) Ej påbörjad",
    ),
    (
        "average_week", "at_least", "before", "many",
        "Ingen hel vecka har gått än (mål: i snitt minst 1 fotpatrull per vecka) Ej påbörjad",
    ),
    (
        "average_week", "count", "inside", 0,
        "I snitt 0 fotpatruller per vecka (mål: 1) Efter plan",
    ),
    (
        "average_week", "exactly", "inside", 1,
        "I snitt 0,0 fotpatruller per vecka (mål: exakt 1) Efter plan",
    ),
    (
        "average_week", "at_most", "inside", "many",
        "I snitt 0,2 fotpatruller per vecka (mål: högst 1) I fas",
    ),
    (
        "average_week", "at_least", "after", 0,
        "I snitt 0 fotpatruller per vecka (mål: minst 1) Ej uppnådd",
    ),
    ("average_week", "count", "after", 1, "I snitt 0,0 fotpatruller per vecka (mål: 1) Ej uppnådd"),
    (
        "average_week", "exactly", "after", "many",
        "I snitt 0,1 fotpatruller per vecka (mål: exakt 1) Ej uppnådd",
    ),
    # -- on average per month: 8 whole months by 2 December, 21 in the period ------------------
    (
        "average_month", "at_most", "before", 0,
        "Ingen hel månad har gått än (mål: i snitt högst 2 hastighetsmätningar per månad)"
        " Ej påbörjad",
    ),
    (
        "average_month", "at_least", "before", 1,
        "Ingen hel månad har gått än (mål: i snitt minst 2 hastighetsmätningar per månad)"
        " Ej påbörjad",
    ),
    (
        "average_month", "count", "before", "many",
        "Ingen hel månad har gått än (mål: i snitt 2 hastighetsmätningar per månad) Ej påbörjad",
    ),
    (
        "average_month", "exactly", "inside", 0,
        "I snitt 0 hastighetsmätningar per månad (mål: exakt 2) Efter plan",
    ),
    (
        "average_month", "at_most", "inside", 1,
        "I snitt 0,1 hastighetsmätningar per månad (mål: högst 2) I fas",
    ),
    (
        "average_month", "at_least", "inside", "many",
        "I snitt 1 hastighetsmätning per månad (mål: minst 2) Efter plan",
    ),
    (
        "average_month", "count", "after", 0,
        "I snitt 0 hastighetsmätningar per månad (mål: 2) Ej uppnådd",
    ),
    (
        "average_month", "exactly", "after", 1,
        "I snitt 0,0 hastighetsmätningar per månad (mål: exakt 2) Ej uppnådd",
    ),
    (
        "average_month", "at_most", "after", "many",
        "I snitt 0,4 hastighetsmätningar per månad (mål: högst 2) Uppnådd",
    ),
]  # fmt: skip


def rendered_phrase(scope: str, comparator: str, when: str, done) -> str:
    value, unit, singular = TARGETS[scope]
    target = Target(comparator, value, unit, scope, unit_singular=singular)
    entries = (LOGS_BEFORE if when == "before" else LOGS)[done]
    progress = compute_progress(target, START, END, entries, WHEN[when])
    with override("sv"):
        html = render_to_string("includes/progress.html", {"progress": progress, "spans": "all"})
    paragraph = re.search(r'<p class="progress-text">(.*?)</p>', html, re.DOTALL).group(1)
    # Only the markup's own white space is folded: the no-break space of "1 304" stays.
    return re.sub(r"[ \t\n]+", " ", strip_tags(paragraph)).strip()


@pytest.mark.parametrize(("scope", "comparator", "when", "done", "phrase"), PHRASES)
def test_the_rendered_progress_phrase_reads_as_written(scope, comparator, when, done, phrase):
    assert rendered_phrase(scope, comparator, when, done) == phrase


def test_the_table_covers_every_comparator_scope_quantity_and_moment():
    rows = {(scope, comparator, when, done) for scope, comparator, when, done, _ in PHRASES}

    assert len(PHRASES) >= 60
    for scope in TARGETS:
        assert {c for s, c, _w, _d in rows if s == scope} == {
            "at_least", "count", "exactly", "at_most"
        }  # fmt: skip
        assert {(w, d) for s, _c, w, d in rows if s == scope} >= {
            (w, d) for w in WHEN for d in (0, 1, "many")
        }


def test_no_bare_count_says_exakt_and_no_year_span_says_i_ar():
    for scope, comparator, when, done, phrase in PHRASES:
        if comparator == "count":
            assert "exakt" not in rendered_phrase(scope, comparator, when, done)
        assert "i år" not in phrase


# -- On the pages: statuses agree with the count, units with their number ----------------------


@pytest.fixture
def signed_period(db):
    today = timezone.localdate()
    period = factories.period(
        "vetlanda", start=today - 100 * ONE_DAY, end=today + 200 * ONE_DAY, slug="pagaende"
    )
    return period, today


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(html))


@pytest.mark.django_db
def test_a_planned_activity_with_logs_shows_ongoing_and_a_done_one_without_logs_says_so(
    client, signed_period
):
    period, today = signed_period
    planned = factories.activity(period, "Föräldraträffar", target=None, status="planned")
    factories.log(planned, today - ONE_DAY, 2)
    factories.activity(period, "Skolbesök", target=None, status="done")

    page = _text(client.get(period.get_absolute_url()).content.decode())

    assert "Status: pågår Hittills under perioden: 2 gånger" in page
    assert "Status: genomförd Hittills under perioden: inga loggade tillfällen" in page
    assert "Status: planerad" not in page
    assert "genomförda tillfällen" not in page
    detail = reverse(
        "activities:activity_detail", args=[period.municipality.slug, period.slug, planned.pk]
    )
    assert "<dt>Status</dt><dd>Pågår</dd>" in client.get(detail).content.decode()


@pytest.mark.django_db
def test_a_target_of_one_takes_the_singular_on_the_public_pages(client, signed_period):
    period, today = signed_period
    factories.activity(
        period,
        "Informationsinsats",
        target=("count", 1, "informationsinsatser", "period"),
        target_unit_singular="informationsinsats",
    )

    page = _text(client.get(period.get_absolute_url()).content.decode())

    assert "Mål: 1 informationsinsats under hela perioden" in page
    assert "0 av 1 informationsinsats" in page
    assert "informationsinsatser" not in page.replace("Informationsinsats", "")


@pytest.mark.django_db
def test_pages_with_per_day_targets_and_statuses_are_valid_html(client, signed_period, tmp_path):
    period, today = signed_period
    daily = factories.activity(
        period,
        "Kontroller vid hamnen",
        target=("at_least", 2, "kontroller", "day"),
        target_unit_singular="kontroll",
    )
    for days_ago in range(1, 20):
        if days_ago % 3:  # 1 or 2 a day, some days nothing
            factories.log(daily, today - days_ago * ONE_DAY, days_ago % 3)
    factories.activity(period, "Skolbesök", target=None, status="done")
    detail = reverse(
        "activities:activity_detail", args=[period.municipality.slug, period.slug, daily.pk]
    )
    files = []
    for name, url in (("period", period.get_absolute_url()), ("activity", detail)):
        html = client.get(url).content.decode()
        assert "Målet nåddes" in html and "I dag (" in html
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(html, encoding="utf-8")

    messages = vnu.check(files)

    for file in files:
        assert not vnu.failures(messages[file]), vnu.describe(vnu.failures(messages[file]))


@pytest.mark.django_db
def test_the_open_data_page_names_the_spans_as_the_pages_do(client):
    page = _text(client.get("/oppna-data/").content.decode())

    assert "(löftesåret, tertialet, månaden, veckan eller dagen)" in page
    assert "löftesår: tolv månader i taget från medborgarlöftets första dag" in page
    assert "denna tertial" not in page and "detta år" not in page


@pytest.mark.parametrize("language", ["sv", "en"])
def test_date_ranges_read_as_date_format_writes_them(language):
    """`date_range` writes its dates itself, as `date_format` writes a short date
    (SHORT_DATE_FORMAT, config/formats/) in each language: "1 jan 2026", "1 Jan 2026"."""
    first = date(2026, 1, 1)

    def short(day: date) -> str:
        return date_format(day, "SHORT_DATE_FORMAT")

    def without_year(day: date) -> str:
        return short(day).rsplit(" ", 1)[0]

    with override(language):
        assert short(first) == {"sv": "1 jan 2026", "en": "1 Jan 2026"}[language]
        for offset in range(0, 800, 7):
            start = first + timedelta(days=offset)
            end = start + timedelta(days=offset % 60)
            if start == end:
                expected = short(start)
            elif start.year != end.year:
                expected = f"{short(start)}{NBSP}– {short(end)}"
            elif start.month == end.month:
                expected = f"{start.day}–{short(end)}"
            else:
                expected = f"{without_year(start)}{NBSP}– {short(end)}"
            assert date_range(start, end) == expected


def _rendered(end: date, today: date, brief: bool = False) -> str:
    target = Target("at_least", 10, "trafikkontroller", "year", unit_singular="trafikkontroll")
    entries = [LogEntry(date(2024, 6, 1), 10), LogEntry(date(2025, 3, 1), 6)]
    progress = compute_progress(target, date(2024, 1, 1), end, entries, today)
    context = {"progress": progress, "spans": "all", "brief": brief}
    with override("sv"):
        return re.sub(r"\s+", " ", strip_tags(render_to_string("includes/progress.html", context)))


def test_an_ended_periods_shorter_span_is_said_to_be_counted_pro_rata():
    """ "Målet nåddes i 2 av 2 löftesår … Uppnådd" over a half last year with 6 of "minst 10
    per år": a reader saw a contradiction; only the list of every span said why."""
    note = "1 av löftesåren var kortare än ett helt år: dess mål räknades om för den kortare tiden"
    ended = _rendered(date(2025, 6, 30), date(2025, 8, 1))
    assert note in ended and "Uppnådd" in ended
    # Whole years, a period still running (its current span says so itself), or a brief list
    # without the spans it points to: no such sentence.
    assert "kortare än" not in _rendered(date(2025, 12, 31), date(2026, 2, 1))
    assert note not in _rendered(date(2025, 6, 30), date(2025, 4, 1))
    assert note not in _rendered(date(2025, 6, 30), date(2025, 8, 1), brief=True)
