"""Dates are written the Swedish way everywhere: month names and abbreviations in lower case
("22 nov 2026", "1 jan 2027–31 dec 2028"), on staff pages, public pages and in error messages.

Django's date format "M" title-cases the abbreviation ("Nov") and "N" writes "Nov."; "b" gives
the lower-case abbreviation and "F" the month's name, which Swedish writes in lower case.
"""

import datetime
import re
import uuid
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Responsible
from promises.models import PeriodState
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
        ("1 Jan 2027–31 Dec 2028", True),
        ("Nov 2026", True),
        ("22 November 2026", True),
        ("22 nov 2026", False),
        ("1 jan 2027–31 dec 2028", False),
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


def test_the_error_message_writes_the_period_with_lower_case_abbreviations(pages):
    text = visible_text(pages["log form error"])
    assert re.search(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}–\d{{1,2}} (?:{MONTHS}) \d{{4}}\b", text)


def test_staff_home_dates_logs_with_lower_case_abbreviations(pages):
    text = visible_text(pages["staff home"])
    assert re.search(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}} ·", text)
