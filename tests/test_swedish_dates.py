"""Dates are written the Swedish way everywhere: month names and abbreviations in lower case
("22 nov 2026", "1 jan 2027 – 31 dec 2028"), on staff pages, public pages and in error messages.

Django's date format "M" title-cases the abbreviation ("Nov") and "N" writes "Nov."; "b" gives
the lower-case abbreviation and "F" the month's name, which Swedish writes in lower case.
"""

import datetime
import re
import uuid
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override

from activities import wording
from activities.models import Responsible
from followups import reports
from followups.models import ReportKind
from promises.fields import date_span, join_range
from promises.models import PeriodState
from promises.validity import validity_label
from tests import factories
from tests.staff import People, sign_in

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["templates", "promises", "activities", "followups", "municipalities", "config", "access"]
TEMPLATE_FORMAT = re.compile(r"""\|date:(["'])(.*?)\1""")
PYTHON_FORMAT = re.compile(r"""(?:date_format|dateformat\.format)\([^()]*?,\s*(["'])(.*?)\1""")
# A format character that writes a title-cased or dotted month: "M" (Nov), "N" (Nov.).
TITLE_CASED = re.compile(r"(?<!\\)[MN]")
NAMED_FORMATS = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"}

MONTHS = "jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec"
# "22 Nov 2026", "Nov 2026", "22 November": a month after a day or before a year, capitalised.
CAPITALISED_MONTH = re.compile(
    rf"\b\d{{1,2}}\s(?:{MONTHS.title()})|\b(?:{MONTHS.title()})[a-zé]*\.?\s\d{{4}}\b"
)
ENGLISH_MONTH = re.compile(
    r"\b\d{1,2}\s(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Oct|May)\b"
)


def format_strings() -> list[tuple[str, str]]:
    found = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".html", ".txt", ".xml", ".py"}:
                continue
            text = path.read_text(encoding="utf-8")
            pattern = PYTHON_FORMAT if path.suffix == ".py" else TEMPLATE_FORMAT
            found += [(str(path.relative_to(ROOT)), m.group(2)) for m in pattern.finditer(text)]
    return found


def test_the_source_scan_finds_the_format_strings():
    formats = format_strings()
    assert len(formats) > 50
    assert any(fmt == "j F Y" for _path, fmt in formats)
    assert TITLE_CASED.search("j M Y") and not TITLE_CASED.search("j b Y")
    assert not TITLE_CASED.search(r"Y-m-d\TH:i:sO") and not TITLE_CASED.search(r"\M")


def test_no_date_format_writes_a_title_cased_month():
    wrong = [
        (path, fmt)
        for path, fmt in format_strings()
        if fmt not in NAMED_FORMATS and TITLE_CASED.search(fmt)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "capitalised"),
    [
        ("22 Nov 2026", True),
        ("1 Jan 2027\u00a0– 31 Dec 2028", True),
        ("Nov 2026", True),
        ("22 November 2026", True),
        ("22 nov 2026", False),
        ("1 jan 2027\u00a0– 31 dec 2028", False),
        ("22 november 2026", False),
        ("Maj Andersson, 2026", False),  # a name is not a date
        ("Dec. 2026", True),
    ],
)
def test_the_page_scan_tells_capitalised_months_from_swedish_dates(text, capitalised):
    assert bool(CAPITALISED_MONTH.search(text)) is capitalised


def visible_text(page: str) -> str:
    """The page's text and attribute values, without markup, styles and scripts."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


@pytest.fixture
def pages(client, db) -> dict[str, str]:
    """Staff and public pages of a period with logs, revisions, an extension and an error."""
    people = People()
    today = timezone.localdate()
    start = today.replace(day=1) - datetime.timedelta(days=400)
    period = factories.period(
        people.home.slug,
        start=start,
        end=today + datetime.timedelta(days=300),
        local_police_area=people.area,
        decision_body="Kommunstyrelsen",
    )
    promise = factories.promise(period, "Öka tryggheten i centrum")
    activity = factories.activity(
        period, "Trafikkontroller", target=("at_least", 2, "trafikkontroller", "month")
    )
    activity.promises.add(promise)
    other = factories.activity(period, "Nattvandring", responsible=Responsible.JOINT)
    for days in (1, 20, 45, 200):
        factories.log(activity, today - datetime.timedelta(days=days), reported_by=people.officer)
    factories.log(other, today - datetime.timedelta(days=3), reported_by=people.officer)
    factories.meeting(period, today - datetime.timedelta(days=10))
    draft = factories.period(people.home.slug, state=PeriodState.DRAFT, slug="utkast")

    public = {
        "start": "/",
        "municipality": f"/kommuner/{period.municipality.slug}/",
        "period": period.get_absolute_url(),
        "activity": reverse(
            "activities:activity_detail", args=[period.municipality.slug, period.slug, activity.pk]
        ),
        "promises": "/loften/",
        "activities": "/aktiviteter/",
        "signing document": reverse(
            "promises:document", args=[period.municipality.slug, period.slug, "medborgarloftet"]
        ),
    }
    rendered = {}
    for name, url in public.items():
        response = client.get(url)
        assert response.status_code == 200, name
        rendered[name] = response.content.decode()

    sign_in(client, people.coordinator)
    staff = {
        "staff home": reverse("activities:staff_home"),
        "staff activity": reverse("activities:staff_activity", args=[activity.pk]),
        "staff period": reverse("promises:staff_period", args=[period.pk]),
        "staff draft": reverse("promises:staff_period", args=[draft.pk]),
        "history": reverse("promises:history", args=["period", period.pk]),
        "log form": reverse("activities:log_create"),
    }
    for name, url in staff.items():
        response = client.get(url)
        assert response.status_code == 200, name
        rendered[name] = response.content.decode()

    # An error message with the period's dates: a log dated before the period (the coordinator
    # logs the joint activity).
    response = client.post(
        reverse("activities:log_create"),
        {
            "activity": other.pk,
            "date": (start - datetime.timedelta(days=5)).isoformat(),
            "quantity": "1",
            "idempotency_key": str(uuid.uuid4()),
            "place": "Storgatan",
            "summary": "",
            "internal_note": "",
        },
    )
    assert response.status_code == 200
    rendered["log form error"] = response.content.decode()
    return rendered


def test_no_page_writes_a_capitalised_or_english_month(pages):
    for name, page in pages.items():
        text = visible_text(page)
        assert not CAPITALISED_MONTH.findall(text), (name, CAPITALISED_MONTH.findall(text))
        assert not ENGLISH_MONTH.findall(text), (name, ENGLISH_MONTH.findall(text))


def test_the_error_message_writes_the_period_in_full_lower_case_months(pages):
    """A sentence writes its dates in full ("20 mars 2025 – 31 december 2026"), as the other
    forms' messages do; it said "20 mar 2025 – 31 dec 2026" (the third usability round)."""
    text = visible_text(pages["log form error"])
    full = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    # A spaced range, the space before its dash a no-break one (`promises.fields.join_range`).
    assert re.search(
        rf"inom perioden, \d{{1,2}} (?:{full})(?: \d{{4}})?\u00a0– \d{{1,2}} (?:{full}) \d{{4}}\.",
        text,
    )


def test_staff_home_dates_logs_with_lower_case_abbreviations(pages):
    text = visible_text(pages["staff home"])
    assert re.search(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}} ·", text)


# -- Ranges: one rule, `promises.fields.join_range` ---------------------------------------------

NBSP = "\u00a0"
D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "joined"),
    [
        ("2023", "2024", "2023–2024"),  # years
        ("maj", "augusti", "maj–augusti"),  # months
        ("jun", "aug", "jun–aug"),  # abbreviated months
        ("9", "17", "9–17"),  # "kl. 9–17", "sid. 3–7": the shared word is the caller's
        ("1", "30", "1–30"),
        ("1 sep", "31 dec", f"1 sep{NBSP}– 31 dec"),
        ("20 april 2023", "31 december 2024", f"20 april 2023{NBSP}– 31 december 2024"),
        ("januari 2026", "mars 2027", f"januari 2026{NBSP}– mars 2027"),
        ("2024", "tills vidare", f"2024{NBSP}– tills vidare"),  # a space in either end
        ("1 mars 2024", "2025", f"1 mars 2024{NBSP}– 2025"),
        (" 2023 ", "2024\n", "2023–2024"),  # blanks around an end are none of its own
    ],
)
def test_a_range_is_spaced_only_when_an_end_holds_a_space(start, end, joined):
    assert join_range(start, end) == joined


def test_a_spaced_range_never_breaks_before_its_dash_and_escaping_keeps_it():
    joined = join_range("1 sep", "31 dec")
    # No-break space before the dash, an ordinary one after it (a long range may wrap there).
    assert joined.split("–") == [f"1 sep{NBSP}", " 31 dec"]
    assert escape(joined) == joined  # a character, not "&nbsp;": the same in every medium
    assert "&nbsp;" not in escape(joined)


def test_every_date_wording_writes_its_ranges_by_the_rule(db):
    """The dates of progress lines, reports, e-mails and validities: what both ends share
    (the month, the year) is written once, after the range."""
    with override("sv"):
        assert wording.date_range(D(2026, 11, 1), D(2026, 11, 30)) == "1–30 nov 2026"
        assert wording.date_range(D(2026, 9, 1), D(2026, 12, 31)) == f"1 sep{NBSP}– 31 dec 2026"
        assert reports.span_words(D(2026, 1, 1), D(2026, 4, 30)) == "januari–april 2026"
        assert reports.span_words(D(2026, 1, 1), D(2027, 3, 31)) == (
            f"januari 2026{NBSP}– mars 2027"
        )
        assert reports.span_words(D(2026, 1, 1), D(2026, 4, 15)) == (
            f"1 januari{NBSP}– 15 april 2026"
        )
        assert reports.span_words(D(2026, 1, 1), D(2026, 12, 31)) == "2026"
        assert date_span(D(2026, 12, 3), D(2026, 12, 9)) == "3–9 december 2026"
        assert date_span(D(2026, 11, 28), D(2026, 12, 4)) == (f"28 november{NBSP}– 4 december 2026")
        period = factories.period("vetlanda", start=D(2023, 4, 20), end=D(2024, 12, 31))
        assert period.period_label == "2023–2024"
        assert validity_label(period) == f"20 april 2023{NBSP}– 31 december 2024"
        period.year_only = True
        assert validity_label(period) == "2023–2024"


def test_a_drafted_report_title_holds_its_range_as_the_title_field_keeps_it(db):
    """A title is one line its author edits; the field folds a no-break space into a space, so
    a drafted one holds none (posted back unchanged, it would read as a correction)."""
    period = factories.period("vetlanda", start=D(2026, 1, 1), end=D(2027, 12, 31))
    with override("sv"):
        title = reports.default_title(ReportKind.TERTIAL, period, D(2026, 1, 1), D(2026, 4, 15))
    assert "1 januari – 15 april 2026" in title and NBSP not in title


def test_the_date_range_tag_writes_two_dates_by_the_rule_escaped():
    template = Template(
        "{% load text_tags %}{% date_range start end %}|{% date_range start other 'j b Y' %}|"
        "{% date_range start end as dates %}[{{ dates }}]|{% date_range start end 'j b Y' %}"
    )
    with override("sv"):
        html = template.render(
            Context({"start": D(2026, 1, 1), "end": D(2026, 4, 30), "other": "<b>"})
        )
    first, second, kept, formatted = html.split("|")
    # The year both dates share written once (a reader took "1 januari 2026 – 30 april 2026"
    # in a report's figures for a different span from "(1 jan – 30 apr 2026)" beside it).
    assert first == f"1 januari{NBSP}– 30 april 2026"
    assert second == f"1 jan 2026{NBSP}– &lt;b&gt;"  # an end that is no date, escaped
    assert kept == f"[{first}]"
    # Another format writes each date whole, as the date filter does.
    assert formatted == f"1 jan 2026{NBSP}– 30 apr 2026"


# Where a range is joined by hand in the source: an f-string joining two dates (or years, days,
# starts and ends) by a dash, a template joining two `|date` values, a message with
# "%(start)s–%(end)s". Ranges go through `join_range` (or the `date_range` tag); the few below
# are developers' texts of ISO dates, not wording.
HAND_JOINED = {
    ".py": re.compile(r"\{[^{}]*(?:date|year|day|month|start|end)[^{}]*\}\s?–\s?\{"),
    ".html": re.compile(r"\|date:[^}]*\}\}\s?–\s?\{\{"),
    ".po": re.compile(r"%\(\w+\)s\s?–\s?%\("),
}
HAND_JOINED[".txt"] = HAND_JOINED[".xml"] = HAND_JOINED[".html"]
NOT_WORDING = {
    "promises/fields.py",  # the rule itself
    "activities/models/totals.py",  # a kept count's __str__, "2026-01-01–2026-12-31"
    "activities/progress/sums.py",  # an internal error
    "activities/rollup.py",  # a consistency check's report
}


def test_no_source_joins_a_range_by_hand():
    found = []
    for folder in [*SOURCES, "locale"]:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = str(path.relative_to(ROOT))
            if path.suffix not in HAND_JOINED or relative in NOT_WORDING:
                continue
            if "textimport" in path.parts:  # reads documents' ranges, in both forms
                continue
            text = path.read_text(encoding="utf-8")
            found += [(relative, m.group()) for m in HAND_JOINED[path.suffix].finditer(text)]
    assert not found
    # The scan finds a range joined by hand where there is one.
    for relative in NOT_WORDING:
        assert HAND_JOINED[".py"].search((ROOT / relative).read_text(encoding="utf-8")), relative
    assert HAND_JOINED[".html"].search('{{ a|date:"j F Y" }} – {{ b|date:"j F Y" }}')
    assert HAND_JOINED[".po"].search('msgstr "Genomfört %(start)s – %(end)s"')


# -- English: the same short dates with the month capitalised (config/formats/) ----------------


def test_a_short_date_is_lower_case_in_swedish_and_capitalised_in_english():
    day = datetime.date(2026, 11, 22)
    template = Template('{{ day|date:"SHORT_DATE_FORMAT" }}')
    with override("sv"):
        assert template.render(Context({"day": day})) == "22 nov 2026"
        assert wording.date_range(datetime.date(2026, 9, 1), day) == "1 sep\u00a0– 22 nov 2026"
    with override("en"):
        assert template.render(Context({"day": day})) == "22 Nov 2026"
        assert wording.date_range(datetime.date(2026, 9, 1), day) == "1 Sep\u00a0– 22 Nov 2026"
        assert wording.date_range(day, day.replace(day=30)) == "22–30 Nov 2026"


def test_an_english_period_page_capitalises_the_months_of_its_spans(client, db):
    period = factories.period(
        "vetlanda", start=datetime.date(2026, 3, 20), end=datetime.date(2027, 3, 19)
    )
    factories.activity(
        period, "Trafikkontroller", target=("at_least", 2, "trafikkontroller", "year")
    )
    url = period.get_absolute_url()
    english = visible_text(client.get(f"/en{url}").content.decode())
    swedish = visible_text(client.get(url).content.decode())

    assert "20 Mar 2026" in english and "20 mar 2026" not in english
    assert "20 mar 2026" in swedish


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (D(2026, 12, 3), D(2026, 12, 3), "3 december 2026"),
        (D(2026, 11, 1), D(2026, 11, 30), "1–30 november 2026"),
        (D(2026, 9, 1), D(2026, 12, 31), f"1 september{NBSP}– 31 december 2026"),
        (D(2026, 3, 20), D(2027, 3, 19), f"20 mars 2026{NBSP}– 19 mars 2027"),
    ],
)
def test_a_date_span_writes_what_both_dates_share_once(start, end, words):
    from promises.fields import date_span

    with override("sv"):
        assert date_span(start, end) == words
