"""Reports (redovisningar) and the signed original: figures from the one progress code path,
frozen at publication; corrections as new versions; the signing document kept as signed."""

import datetime
import hashlib
import io
import uuid
from dataclasses import dataclass
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from activities import wording
from activities.models import Activity, Responsible
from followups import reports, services
from followups.models import Report, ReportKind, SignedOriginal
from followups.report_forms import DraftReportForm
from followups.templatetags import text_tags
from promises.fields import date_span
from promises.lifecycle import Action, SignatoryData, perform
from promises.models import PeriodState, PromisePeriod, RevisionKind
from tests import factories
from tests.promises.test_revisions import edit_url, form_data
from tests.staff import sign_in

DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()
START = datetime.date(TODAY.year, 1, 1)
END = datetime.date(TODAY.year, 12, 31)


@dataclass
class World:
    period: PromisePeriod
    checks: Activity
    walks: Activity
    meetings: Activity


@pytest.fixture
def world(people) -> World:
    """A signed Vetlanda period of this calendar year: three kinds of activity, with logs."""
    period = factories.period("vetlanda", start=START, end=END)
    promise = factories.promise(period, "Öka tryggheten i Åby och Växjövägen")
    checks = factories.activity(
        period, "Trafikkontroller på Östra Järnvägsgatan", responsible=Responsible.POLICE
    )
    walks = factories.activity(
        period,
        "Trygghetsvandringar i Håcksta",
        target=("at_least", 2, "trygghetsvandringar", "tertial"),
        responsible=Responsible.MUNICIPALITY,
    )
    meetings = factories.activity(
        period, "Möten med föreningar", target=None, responsible=Responsible.JOINT
    )
    for activity in (checks, walks, meetings):
        activity.promises.add(promise)
    for day, quantity in ((START, 3), (START + 40 * DAY, 4), (TODAY - 2 * DAY, 5)):
        factories.log(checks, day, quantity)
    factories.log(walks, TODAY - DAY, 1)
    factories.log(meetings, START + 10 * DAY, 1)
    return World(period, checks, walks, meetings)


def published(world: World, people, **fields) -> Report:
    fields = {"kind": ReportKind.TERTIAL, "covers_from": START, "covers_to": TODAY, **fields}
    draft = services.draft_report(world.period, people.coordinator, **fields)
    return services.publish_report(draft, people.coordinator)


def report_page(client, report: Report) -> str:
    """A published report's own public page: its text and frozen figures."""
    period = report.period
    url = reverse(
        "followups:report_document", args=[period.municipality.slug, period.slug, report.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def page_rows(client, period: PromisePeriod) -> dict[int, dict]:
    """What the public period page shows of each activity, in the report's terms."""
    response = client.get(period.get_absolute_url())
    rows = {}
    for activity, progress in response.context["activities"]:
        rows[activity.pk] = {
            "target": wording.target_words(progress),
            # The report's words are kept and read later: its spans named by their kind.
            "progress": wording.progress_summary(progress, dated=True),
            "status": wording.pace_label(progress.status)
            if progress.target
            else wording.status_words(activity.status, progress),
        }
    return rows


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# -- Figures: one code path, frozen at publication --------------------------------------------


def test_report_figures_equal_the_period_page_and_a_later_log_changes_only_the_page(
    client, people, world
):
    report = published(world, people)

    on_page = page_rows(client, world.period)
    assert len(report.figures) == 3
    for row in report.figures:
        shown = on_page[row["activity_id"]]
        assert (row["target"], row["progress"], row["status"]) == (
            shown["target"],
            shown["progress"],
            shown["status"],
        )
    # The report names the tertial it was judged in as the tertial it was; the page, while it
    # runs, as this one.
    walks = next(r for r in report.figures if r["activity_id"] == world.walks.pk)
    assert walks["progress"].startswith("tertialet (")
    assert "Detta tertial (" in client.get(world.period.get_absolute_url()).content.decode()
    checks = next(r for r in report.figures if r["activity_id"] == world.checks.pk)
    assert checks["done"] == 12
    assert checks["progress"] == "hittills under perioden: 12 av minst 15 trafikkontroller"
    html = client.get(world.period.get_absolute_url()).content.decode()
    assert f'id="redovisning-{report.pk}"' in html
    # Beside the count of the span it reports, a figure of the whole period says so (on the
    # report's own page: the period page lists the reports).
    assert "12 trafikkontroller · hittills under perioden: 12 av minst 15 trafikkontroller" in (
        report_page(client, report)
    )

    factories.log(world.checks, TODAY, 6)

    report.refresh_from_db()
    after = page_rows(client, world.period)
    assert after != on_page
    assert after[world.checks.pk]["progress"].endswith(": 18 av minst 15 trafikkontroller")
    frozen_checks = next(r for r in report.figures if r["activity_id"] == world.checks.pk)
    assert frozen_checks == checks
    document = client.get(
        reverse(
            "followups:report_document",
            args=[world.period.municipality.slug, world.period.slug, report.pk],
        )
    ).content.decode()
    assert "12 av minst 15 trafikkontroller" in document
    assert "18 av minst 15" not in document


def test_a_report_counts_only_the_logs_dated_in_or_before_its_span(people, world):
    covers_to = START + 40 * DAY
    report = published(world, people, covers_to=covers_to)

    checks = next(r for r in report.figures if r["activity_id"] == world.checks.pk)
    assert checks["done"] == 7
    assert checks["progress"] == "hittills under perioden: 7 av minst 15 trafikkontroller"
    assert report.figures_as_of == covers_to


def test_a_report_judges_its_day_against_the_target_in_force_then(people, world):
    # The target was lowered (an annual review) after the day a report describes: the report
    # still judges that day against the target of that day, as the period's change log says.
    drafted = timezone.make_aware(datetime.datetime.combine(START, datetime.time(9)))
    world.checks.history.update(history_date=drafted)
    revised = Activity.objects.get(pk=world.checks.pk)
    revised.target_value = 7
    revised._history_date = timezone.make_aware(
        datetime.datetime.combine(START + 60 * DAY, datetime.time(14))
    )
    revised.save()

    before = published(world, people, covers_to=START + 40 * DAY)
    after = published(world, people, covers_to=TODAY)

    def checks(report):
        return next(r for r in report.figures if r["activity_id"] == world.checks.pk)

    assert checks(before)["progress"] == "hittills under perioden: 7 av minst 15 trafikkontroller"
    assert checks(after)["progress"] == "hittills under perioden: 12 av minst 7 trafikkontroller"
    assert reports.targets_on([revised], START + 59 * DAY)[revised.pk].value == 15
    assert reports.targets_on([revised], START + 60 * DAY)[revised.pk].value == 7
    # An activity without history up to the day (added later) is judged against its target.
    assert reports.targets_on([world.walks], START)[world.walks.pk].value == 2


def test_a_report_words_each_party_as_the_period_page_does(client, people, world):
    world.meetings.responsible = Responsible.UNSTATED
    world.meetings.save()
    report = published(world, people)
    html = report_page(client, report)
    assert "Ansvarig: Polisen" in html
    assert "Ansvarig: ej angiven" in html
    assert "Ej angiven" not in html
    # A row frozen before the party's code was stored reads as it did.
    report.figures = [
        {k: v for k, v in row.items() if k != "responsible_code"} for row in report.figures
    ]
    report.save(update_fields=["figures"])
    assert "Ansvarig: Ej angiven" in report_page(client, report)


def test_the_english_report_page_says_its_frozen_figures_are_in_swedish(client, people, world):
    """An English reader met "Responsible: Polisen · Target: minst …" unexplained: the figures
    are frozen in Swedish at publication."""
    report = published(world, people)
    period = report.period
    with translation.override("en"):
        url = reverse(
            "followups:report_document", args=[period.municipality.slug, period.slug, report.pk]
        )
    assert url.startswith("/en/")
    html = client.get(url).content.decode()
    assert "The figures are shown as they were frozen when the report was published" in html
    assert "på svenska" not in report_page(client, report)


def test_a_draft_is_not_public_and_its_figures_are_counted_anew(client, people, world):
    draft = services.draft_report(
        world.period, people.coordinator, kind="tertial", covers_from=START, covers_to=TODAY
    )

    assert draft.figures == []
    assert (
        f"redovisning-{draft.pk}"
        not in client.get(world.period.get_absolute_url()).content.decode()
    )
    url = reverse(
        "followups:report_document",
        args=[world.period.municipality.slug, world.period.slug, draft.pk],
    )
    assert client.get(url).status_code == 404
    factories.log(world.checks, TODAY, 6)
    rows = reports.report_rows(draft, TODAY)
    assert next(r for r in rows if r["activity_id"] == world.checks.pk)["done"] == 18


def test_the_drafted_text_names_the_span_and_the_meetings_assessments(people, world):
    meeting = factories.meeting(
        world.period, START + 60 * DAY, kind="tertial", public_summary="Läget gicks igenom."
    )
    meeting.assessments.create(
        promise=world.period.promises.get(), rating="partly", comment="Fler vandringar behövs."
    )
    meeting.verdicts.create(activity=world.walks, text="Genomfört, men för få.")

    with translation.override("sv"):
        body = reports.default_body(world.period, START, END, TODAY)
        title = reports.default_title(ReportKind.YEAR_END, world.period, START, END)

    assert "Läget gicks igenom." in body
    assert "Öka tryggheten i Åby och Växjövägen: delvis enligt plan – Fler vandringar behövs." in (
        body
    )
    assert "Trygghetsvandringar i Håcksta: Genomfört, men för få." in body
    assert title == f"Årsuppföljning {TODAY.year}: medborgarlöften i Vetlanda"


def test_the_drafted_introduction_reads_true_where_the_period_page_shows_it_alone(
    client, people, world
):
    """The period page shows a report's first paragraph above "Hela redovisningen, med
    siffrorna": a citizen read "Siffrorna för varje aktivitet redovisas nedan" over no figures."""
    report = published(world, people)

    page = " ".join(client.get(world.period.get_absolute_url()).content.decode().split())

    assert report.body.split("\n\n")[0].endswith(", med siffrorna för varje aktivitet.")
    assert "redovisas nedan" not in page
    assert "med siffrorna för varje aktivitet." in page


def test_the_drafted_text_quotes_the_meetings_that_look_back_on_the_span(people, world):
    # Tertial May–August: the meeting of 21 May assessed January–April, that of 17 September
    # May–August; one in July falls inside it.
    year = START.year
    for day, summary in (
        (datetime.date(year, 5, 21), "Januari–april gicks igenom."),
        (datetime.date(year, 7, 10), "Halvvägs genom tertialet."),
        (datetime.date(year, 9, 17), "Maj–augusti gicks igenom."),
        (datetime.date(year, 12, 1), "September–november gicks igenom."),
    ):
        factories.meeting(world.period, day, kind="tertial", public_summary=summary)

    with translation.override("sv"):
        body = reports.default_body(
            world.period, datetime.date(year, 5, 1), datetime.date(year, 8, 31), END
        )

    assert "Halvvägs genom tertialet." in body and "Maj–augusti gicks igenom." in body
    assert "Januari–april" not in body and "September–november" not in body


D = datetime.date


@pytest.mark.parametrize(
    ("kind", "today", "expected"),
    [
        ("tertial", D(2026, 5, 3), (D(2026, 1, 1), D(2026, 4, 30))),
        ("tertial", D(2026, 1, 20), (D(2025, 9, 1), D(2025, 12, 31))),
        ("half_year", D(2026, 11, 1), (D(2026, 1, 1), D(2026, 6, 30))),
        ("year_end", D(2027, 2, 1), (D(2026, 1, 1), D(2026, 12, 31))),
        # Long after the period's end: its last tertial, not one outside it.
        ("tertial", D(2028, 3, 1), (D(2026, 9, 1), D(2026, 12, 31))),
        # A final report: the whole period once it has ended; before, as far as it has gone,
        # so that the kind's default is one the form accepts (a report covers what was done).
        ("final", D(2027, 1, 10), (D(2025, 9, 1), D(2026, 12, 31))),
        ("final", D(2026, 5, 3), (D(2025, 9, 1), D(2026, 5, 3))),
    ],
)
def test_default_spans_are_the_last_ended_calendar_spans_inside_the_period(
    db, kind, today, expected
):
    period = factories.period(
        "vetlanda", start=datetime.date(2025, 9, 1), end=datetime.date(2026, 12, 31)
    )
    expected = (max(expected[0], period.start_date), expected[1])

    assert reports.default_span(kind, period, today) == expected


def test_once_the_usual_span_is_reported_the_form_proposes_the_span_running_since(db, people):
    """A coordinator preparing December's year-end follow-up was offered last year's, already
    published, and typed this year's dates by hand."""
    period = factories.period("vetlanda", start=D(2025, 9, 1), end=D(2027, 12, 31))
    today = D(2026, 12, 6)
    last_year = reports.default_span(ReportKind.YEAR_END, period, today)
    assert last_year == (D(2025, 9, 1), D(2025, 12, 31))
    assert reports.proposed_span(ReportKind.YEAR_END, period, today) == last_year
    draft = services.draft_report(
        period,
        people.coordinator,
        kind=ReportKind.YEAR_END,
        covers_from=last_year[0],
        covers_to=last_year[1],
        today=today,
    )
    assert reports.proposed_span(ReportKind.YEAR_END, period, today) == last_year  # a draft
    services.publish_report(draft, people.coordinator, today=today)
    assert reports.proposed_span(ReportKind.YEAR_END, period, today) == (D(2026, 1, 1), today)
    form = DraftReportForm(period=period, today=today)
    help_text = str(form["covers_from"].help_text)
    assert "årsuppföljning 1 januari\u00a0– 6 december 2026" in help_text


def test_the_forms_usual_spans_write_a_shared_year_once(db):
    """The third usability round's coordinator read "tertialredovisning 1 maj 2026 – 31 augusti
    2026" under the dates, where every other page writes "1 maj – 31 augusti 2026"."""
    period = factories.period("vetlanda", start=D(2025, 3, 20), end=D(2026, 12, 31))
    form = DraftReportForm(period=period, today=D(2026, 12, 7))
    help_text = str(form["covers_from"].help_text)
    assert "tertialredovisning 1 maj\u00a0– 31 augusti 2026;" in help_text
    assert "halvårsredovisning 1 januari\u00a0– 30 juni 2026;" in help_text
    assert "slutredovisning 20 mars 2025\u00a0– 7 december 2026." in help_text


def test_a_final_report_of_a_period_closed_early_ends_on_its_closing_day(db):
    period = factories.period("vetlanda", start=D(2025, 9, 1), end=D(2026, 12, 31))
    period.state, period.closed_date = PeriodState.CLOSED, D(2026, 6, 15)
    assert reports.default_span("final", period, D(2026, 9, 1)) == (D(2025, 9, 1), D(2026, 6, 15))


def test_the_kinds_usual_span_is_accepted_with_both_dates_empty(db):
    period = factories.period("vetlanda", start=D(2025, 9, 1), end=D(2026, 12, 31))
    for kind in ReportKind.values:
        form = DraftReportForm(
            {"kind": kind, "covers_from": "", "covers_to": ""}, period=period, today=D(2026, 5, 3)
        )
        assert form.is_valid(), (kind, form.errors)


# -- Staff pages --------------------------------------------------------------------------------


def test_the_coordinator_drafts_edits_and_publishes_through_the_pages(client, people, world):
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:report_create", args=[world.period.pk]),
        {"kind": "final", "covers_from": START.isoformat(), "covers_to": TODAY.isoformat()},
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert report.is_draft and report.kind == ReportKind.FINAL
    assert report.title.startswith("Slutredovisning")
    response = client.post(
        reverse("followups:report_edit", args=[report.pk]),
        {
            "title": "Redovisning av året i Vetlanda",
            # A browser sends line breaks as \r\n: kept as \n, as the drafted texts have them
            # (the open data had both).
            "body": "Så här har det gått i år.\r\n\r\nMer om hösten.",
            "edit_version": "1",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.body == "Så här har det gått i år.\n\nMer om hösten."
    response = client.post(
        reverse("followups:report_publish", args=[report.pk]), {"edit_version": "2"}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.published_on == TODAY
    assert report.pdf_sha256 == hashlib.sha256(report.pdf.read()).hexdigest()
    assert report.history.count() == 3
    html = client.get(world.period.get_absolute_url()).content.decode()
    assert "Redovisning av året i Vetlanda" in html and "Så här har det gått i år." in html
    # The staff page names the public page as what citizens read (it said only "för utskrift").
    public = reverse(
        "followups:report_document",
        args=[world.period.municipality.slug, world.period.slug, report.pk],
    )
    staff = client.get(reverse("followups:report_detail", args=[report.pk])).content.decode()
    assert f'<a href="{public}">Redovisningen som invånarna ser den, även för utskrift</a>' in staff
    # A published report's texts are not edited: the page says so and sends you back.
    response = client.post(
        reverse("followups:report_edit", args=[report.pk]), {"title": "Ny", "body": "Ny text."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "Redovisning av året i Vetlanda"


def test_a_draft_saved_meanwhile_is_a_conflict_and_is_not_published_unseen(client, people, world):
    report = services.draft_report(
        world.period, people.coordinator, kind="final", covers_from=START, covers_to=TODAY
    )
    admin = Client()
    sign_in(admin, people.coordinator)
    sign_in(client, people.coordinator)
    edit = reverse("followups:report_edit", args=[report.pk])
    publish = reverse("followups:report_publish", args=[report.pk])
    # Both open the editor (version 1); the first saves, then the second's save is refused.
    theirs = {"title": "Titel", "body": "TEXT FRÅN SAMORDNARE", "edit_version": "1"}
    assert admin.post(edit, theirs).status_code == 302
    response = client.post(edit, {"title": "Titel", "body": "MIN TEXT", "edit_version": "1"})

    assert response.status_code == 200
    report.refresh_from_db()
    assert report.body == "TEXT FRÅN SAMORDNARE" and report.edit_version == 2
    form = response.context["form"]
    assert form["body"].value() == "MIN TEXT"  # the typed text is kept
    assert [label for label, _ in form.conflict.differences] == ["Text"]
    assert "TEXT FRÅN SAMORDNARE" in response.content.decode()

    # The publishing page showed version 2; the draft is changed before "Publicera" is pressed.
    shown = client.get(publish)
    assert shown.context["report"].edit_version == 2
    changed = {"title": "Titel", "body": "ÄNDRAD EFTER BEKRÄFTELSESIDAN", "edit_version": "2"}
    assert admin.post(edit, changed).status_code == 302
    response = client.post(publish, {"edit_version": "2"})

    assert response.status_code == 200 and response.context["changed"]
    report.refresh_from_db()
    assert report.is_draft
    page = response.content.decode()
    assert "ÄNDRAD EFTER BEKRÄFTELSESIDAN" in page and "publicerades därför inte" in page
    assert client.post(publish, {}).status_code == 200  # no version: not published either
    assert client.post(publish, {"edit_version": "3"}).status_code == 302
    report.refresh_from_db()
    assert not report.is_draft and report.body == "ÄNDRAD EFTER BEKRÄFTELSESIDAN"


def test_a_report_ending_after_today_is_refused(client, people, world):
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:report_create", args=[world.period.pk]),
        {"kind": "tertial", "covers_from": START.isoformat(), "covers_to": END.isoformat()},
    )

    if END > TODAY:
        assert response.status_code == 200
        assert response.context["form"].errors["covers_to"]
        assert not Report.objects.exists()


def test_police_and_approvers_read_reports_but_do_not_publish(client, people, world):
    report = published(world, people)
    for user in (people.officer, people.approver):
        sign_in(client, user)
        assert client.get(reverse("followups:report_detail", args=[report.pk])).status_code == 200
        assert (
            client.get(reverse("followups:report_create", args=[world.period.pk])).status_code
            == 403
        )
        assert client.get(reverse("followups:report_correct", args=[report.pk])).status_code == 403


# -- Corrections ------------------------------------------------------------------------------


def test_a_correction_is_a_new_version_and_both_stay_visible_with_the_reason(client, people, world):
    first = published(world, people)
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:report_correct", args=[first.pk]),
        {
            "title": first.title,
            "body": "Rättad text: vandringarna var två, inte en.",
            "reason": "En trygghetsvandring saknades i redovisningen.",
        },
    )

    assert response.status_code == 302
    first.refresh_from_db()
    second = Report.objects.exclude(pk=first.pk).get()
    assert first.replaced_by == second
    assert (second.version, second.published_on) == (2, TODAY)
    assert second.correction_reason == "En trygghetsvandring saknades i redovisningen."
    assert first.body != second.body and first.published_on is not None
    client.logout()
    html = client.get(world.period.get_absolute_url()).content.decode()
    assert f'id="redovisning-{first.pk}"' in html and f'id="redovisning-{second.pk}"' in html
    assert "En trygghetsvandring saknades i redovisningen." in html
    # The corrected version is listed under its correction, in one line with a link.
    assert html.index(f'id="redovisning-{second.pk}"') < html.index(f'id="redovisning-{first.pk}"')
    assert "Version 1, publicerad" in html and "har ersatts av en rättad version." in html
    assert html.count(first.body[:30]) == 0
    assert "Denna version har ersatts av en rättad version." in report_page(client, first)
    # The replaced version is corrected once: a second correction of it is refused.
    sign_in(client, people.coordinator)
    client.post(
        reverse("followups:report_correct", args=[first.pk]),
        {"title": "X", "body": "Y", "reason": "Z"},
    )
    assert Report.objects.count() == 2
    # The feed says which entry is the correction, and why (a subscriber saw one title twice).
    feed = client.get(reverse("followups:feed")).content.decode()
    assert feed.count("Redovisning publicerad") == 1
    assert feed.count("Rättad redovisning (version 2)") == 1
    assert "Skäl till rättelsen: En trygghetsvandring saknades i redovisningen." in feed


def test_a_replaced_version_leads_to_the_latest_and_names_the_one_that_replaced_it(
    client, people, world
):
    """ "Läs den rättade versionen" on version 1 led to version 2, itself replaced."""
    first = published(world, people)
    second = services.correct_report(
        first, people.coordinator, title=first.title, body="Text 2.", reason="Fel i texten."
    )
    third = services.correct_report(
        second, people.coordinator, title=first.title, body="Text 3.", reason="Fel igen."
    )
    period = world.period
    latest = reverse(
        "followups:report_document", args=[period.municipality.slug, period.slug, third.pk]
    )
    for replaced in (first, second):
        page = report_page(client, replaced)
        assert f'<a href="{latest}">Läs den senaste versionen (version 3)</a>' in page
    sign_in(client, people.coordinator)
    staff = client.get(reverse("followups:report_detail", args=[first.pk])).content.decode()
    replaced_on = date_format(second.published_on, "j F Y")
    assert (
        f'ersatt den {replaced_on} av <a href="'
        f'{reverse("followups:report_detail", args=[second.pk])}">version 2</a>'
    ) in staff


@pytest.mark.parametrize("choice", ["keep", "recount"])
def test_a_log_entered_after_publication_is_shown_and_the_correction_keeps_or_recounts(
    client, people, world, choice
):
    """A tester's late log: the correction went public with new figures under a reason that
    spoke of the wording alone, its text still quoting the old ones."""
    first = published(world, people)
    factories.log(world.walks, TODAY - 3 * DAY, 2)  # entered late, dated in the span
    sign_in(client, people.coordinator)
    url = reverse("followups:report_correct", args=[first.pk])

    page = client.get(url).content.decode()

    assert "Siffrorna har ändrats sedan versionen publicerades" in page
    assert "Trygghetsvandringar i Håcksta: genomfört under den redovisade perioden 1 → 3" in page
    # The text's lines that quote the activity whose figures changed, to check (a tester's
    # corrected report said 24 in its table and 23 in its text).
    assert "De här raderna i texten nämner en aktivitet vars siffror har ändrats:" in page
    assert "<q>Delperioder då målet inte nåddes: Trygghetsvandringar i Håcksta (" in page
    assert "<q>Redovisningen gäller" not in page  # a line that names none of them
    data = {"title": first.title, "body": first.body, "reason": "Fel ord i texten."}
    assert client.post(url, data).status_code == 200  # the choice is asked for
    assert Report.objects.count() == 1

    # Kept figures and the same texts would change nothing (test_a_correction_must_change…).
    retitled = {"title": f"{first.title} (rättad)"} if choice == "keep" else {}
    client.post(url, {**data, "figures": choice, **retitled})

    second = Report.objects.exclude(pk=first.pk).get()
    done = {row["activity"]: row["done"] for row in second.figures}
    if choice == "keep":
        assert second.figures == first.figures
        assert second.figures_as_of == first.figures_as_of
        assert second.correction_reason == "Fel ord i texten."
    else:
        assert done["Trygghetsvandringar i Håcksta"] == 3
        assert second.correction_reason.startswith(
            "Fel ord i texten. Siffrorna räknades om från loggarna den "
        )
        assert "Trygghetsvandringar i Håcksta: genomfört under den redovisade perioden 1 → 3" in (
            second.correction_reason
        )
    # The drafted sentence on the targets' status follows the figures the version shows.
    status_before, status_after = status_sentence(first), status_sentence(second)
    assert status_before in first.body.split("\n\n")
    if choice == "keep":
        assert second.body == first.body
    else:
        assert status_before != status_after and status_before not in second.body
        assert status_after in second.body.split("\n\n")
        assert second.body.replace(status_after, status_before) == first.body


@pytest.mark.parametrize("late_log", [False, True])
def test_a_correction_must_change_the_title_the_text_or_the_figures(
    client, people, world, late_log
):
    """A tester sent only a reason: a "version 2" identical to version 1 was published."""
    first = published(world, people)
    if late_log:
        factories.log(world.walks, TODAY - 3 * DAY, 2)  # the figures could be counted anew
    sign_in(client, people.coordinator)
    url = reverse("followups:report_correct", args=[first.pk])
    unchanged = {"title": first.title, "body": first.body, "reason": "Fel siffra."}
    if late_log:
        unchanged["figures"] = "keep"

    response = client.post(url, unchanged)

    assert response.status_code == 200
    assert "Rättelsen ändrar varken rubrik, text eller siffror" in response.content.decode()
    assert Report.objects.count() == 1
    changed = {"body": first.body + "\n\nTillägg."}
    if late_log:
        changed = {"figures": "recount"}
    assert client.post(url, {**unchanged, **changed}).status_code == 302
    assert Report.objects.count() == 2


def test_a_published_report_says_when_its_figures_have_changed_since(client, people, world):
    """A council member quoted the tertial report's 8 while the activity page said 9 for the
    same months (a log entered late), and neither page said why."""
    report = published(world, people)
    assert reports.later_counts(report, TODAY) == []
    assert "Siffrorna har ändrats" not in report_page(client, report)

    factories.log(world.checks, TODAY - 3 * DAY, 2)  # entered late, dated in the span

    page = " ".join(report_page(client, report).split())
    assert (
        "Siffrorna har ändrats sedan redovisningen publicerades: loggar har lagts till eller "
        "ändrats i efterhand. Räknat i dag för samma period: Trafikkontroller på Östra "
        "Järnvägsgatan 14 (redovisat: 12). Redovisningen visar siffrorna som de publicerades."
    ) in page
    # The coordinator's page too, with the way to a correction.
    sign_in(client, people.coordinator)
    staff = client.get(reverse("followups:report_detail", args=[report.pk])).content.decode()
    assert "Siffrorna har ändrats" in staff
    assert reverse("followups:report_correct", args=[report.pk]) in staff
    # A corrected version that recounts says nothing; the replaced one leads to it instead.
    second = services.correct_report(
        report, people.coordinator, title=report.title, body=report.body, reason="Sen logg."
    )
    assert reports.later_counts(second, TODAY) == []
    assert reports.later_counts(Report.objects.get(pk=report.pk), TODAY) == []


def status_sentence(report: Report) -> str:
    with translation.override("sv"):
        paragraphs = reports.drafted_figure_paragraphs(
            report.period,
            report.covers_from,
            report.covers_to,
            reports.rows_from_frozen(report.figures),
            report.figures_as_of,
        )
    return paragraphs[1]


BEFORE = ["Intro.", "Status: 1 efter.", "Missade: juli."]


@pytest.mark.parametrize(
    ("body", "after", "expected"),
    [
        # Unchanged drafted paragraphs follow the figures; the coordinator's own text stays.
        (
            "Intro.\n\nStatus: 1 efter.\n\nMissade: juli.\n\nEget stycke.",
            ["Intro.", "Status: 1 klar.", "Missade: juli."],
            "Intro.\n\nStatus: 1 klar.\n\nMissade: juli.\n\nEget stycke.",
        ),
        # A browser's line breaks are kept.
        (
            "Intro.\r\n\r\nStatus: 1 efter.\r\n\r\nEget.",
            ["Intro.", "Status: 1 klar.", "Missade: juli."],
            "Intro.\r\n\r\nStatus: 1 klar.\r\n\r\nEget.",
        ),
        # A paragraph the figures no longer give is taken out.
        (
            "Intro.\n\nStatus: 1 efter.\n\nMissade: juli.\n\nEget.",
            ["Intro.", "Status: 1 klar.", ""],
            "Intro.\n\nStatus: 1 klar.\n\nEget.",
        ),
        # A rewritten status sentence is the coordinator's: left; the missed one still follows.
        (
            "Intro.\n\nStatus enligt oss: bra.\n\nMissade: juli.",
            ["Intro.", "Status: 1 klar.", "Missade: juli och augusti."],
            "Intro.\n\nStatus enligt oss: bra.\n\nMissade: juli och augusti.",
        ),
        # Nothing drafted in the text at all: nothing changes.
        ("Helt egen text.", ["Intro.", "Status: 1 klar.", ""], "Helt egen text."),
    ],
)
def test_a_recounted_text_follows_the_figures_in_its_drafted_paragraphs_alone(
    body, after, expected
):
    assert reports.recounted_body(body, BEFORE, after) == expected


def test_a_paragraph_the_figures_now_give_is_put_after_the_one_before_it():
    before = ["Intro.", "Status: 1 klar.", ""]
    after = ["Intro.", "Status: 1 klar.", "Missade: juli."]
    body = "Intro.\n\nStatus: 1 klar.\n\nEget."
    assert reports.recounted_body(body, before, after) == (
        "Intro.\n\nStatus: 1 klar.\n\nMissade: juli.\n\nEget."
    )
    # With none before and the introduction rewritten, there is no place for it: left out.
    assert reports.recounted_body("Egen inledning.", before, after) == "Egen inledning."


def test_with_figures_unchanged_a_correction_asks_no_choice(client, people, world):
    first = published(world, people)
    sign_in(client, people.coordinator)
    url = reverse("followups:report_correct", args=[first.pk])
    page = client.get(url).content.decode()
    assert "är siffrorna desamma som i den publicerade versionen" in page
    assert 'name="figures"' not in page
    client.post(url, {"title": first.title, "body": "Ny text.", "reason": "Ett ord var fel."})
    second = Report.objects.exclude(pk=first.pk).get()
    assert second.figures == first.figures and second.correction_reason == "Ett ord var fel."


def test_a_correction_sent_twice_is_published_once_and_says_so(client, people, world):
    first = published(world, people)
    sign_in(client, people.coordinator)
    data = {
        "title": first.title,
        "body": "Rättad text.",
        "reason": "En siffra var fel.",
        "idempotency_key": "6f1c2f0e-2b7a-4d52-9d0c-3f7e1d2a9b10",
    }
    url = reverse("followups:report_correct", args=[first.pk])

    client.post(url, data)
    again = client.post(url, data, follow=True)

    assert Report.objects.count() == 2
    correction = Report.objects.exclude(pk=first.pk).get()
    assert again.redirect_chain[-1][0] == reverse("followups:report_detail", args=[correction.pk])
    assert "Redan sparat: formuläret skickades två gånger men sparades en gång." in (
        again.content.decode()
    )


# -- PDF ----------------------------------------------------------------------------------------


def test_the_report_pdf_holds_the_figures_with_swedish_letters_and_is_served_as_stored(
    client, people, world
):
    report = published(world, people)
    args = [world.period.municipality.slug, world.period.slug, report.pk]

    response = client.get(reverse("followups:report_pdf", args=args))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert hashlib.sha256(data).hexdigest() == report.pdf_sha256
    text = pdf_text(data)
    assert "Trafikkontroller på Östra Järnvägsgatan" in text
    assert "Trygghetsvandringar i Håcksta" in text
    assert "12 av minst 15 trafikkontroller" in text
    # Dated by the report's span: "under redovisningsperioden" beside a promise year's figures
    # was read as that year's (a journalist quoted the wrong one).
    span = " ".join(date_span(START, TODAY).split())
    assert f"Genomfört {span}: 12" in text
    assert "Polisen och Vetlanda kommun" in text
    # A later log does not change the stored PDF.
    factories.log(world.checks, TODAY, 6)
    assert client.get(reverse("followups:report_pdf", args=args)).content == data


def test_the_report_names_its_citizen_promise_and_that_promises_reference_number(
    client, people, world
):
    """An archivist filing a published report beside the signed promise found in the report no
    diarienummer to file it under, nor which period it reports on; the signing document has it."""
    PromisePeriod.objects.filter(pk=world.period.pk).update(decision_reference="KS 2026/412")
    world.period.refresh_from_db()
    report = published(world, people)
    args = [world.period.municipality.slug, world.period.slug, report.pk]

    text = pdf_text(client.get(reverse("followups:report_pdf", args=args)).content)
    page = report_page(client, report)

    named = f"Vetlanda {world.period.period_label} (dnr KS 2026/412)"
    assert named in " ".join(text.split()) and named in page


# -- The signed original ----------------------------------------------------------------------


def test_the_signed_original_stays_byte_identical_after_a_revision(client, people):
    period = factories.period_in_state(
        PeriodState.DECIDED, starts=-20, ends=300, activity_title="Trafikkontroller på Torget"
    )
    perform(
        period,
        people.coordinator,
        Action.SIGN,
        signed_date=TODAY - 3 * DAY,
        signatories=[
            SignatoryData("Åsa Öberg", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
            SignatoryData("Jonas Lindell", "Lokalpolisområdeschef", "LPO Höglandet"),
        ],
        notify=False,
    )
    original = SignedOriginal.objects.get(period=period)
    stored = original.pdf.read()
    assert hashlib.sha256(stored).hexdigest() == original.sha256 and original.size == len(stored)
    assert "Åsa Öberg" in pdf_text(stored)
    activity = period.activities.get()

    sign_in(client, people.coordinator)
    response = client.post(
        edit_url(activity),
        form_data(activity, target_value="10", revision_kind=RevisionKind.ANNUAL_REVIEW),
    )
    assert response.status_code == 302
    client.logout()

    slug, period_slug = period.municipality.slug, period.slug
    served = client.get(reverse("followups:signed_original", args=[slug, period_slug]))
    assert served.status_code == 200
    assert served.content == stored
    assert hashlib.sha256(served.content).hexdigest() == original.sha256
    assert "minst 15 trafikkontroller" in pdf_text(served.content)
    current = client.get(
        reverse("promises:document_pdf", args=[slug, period_slug, "medborgarloftet"])
    )
    current_text = pdf_text(current.content)
    assert "minst 10 trafikkontroller" in current_text
    assert "Färre poliser under året." in current_text
    assert "Färre poliser under året." not in pdf_text(stored)
    page = client.get(period.get_absolute_url()).content.decode()
    assert reverse("followups:signed_original", args=[slug, period_slug]) in page
    assert "Undertecknat original (PDF)" in page
    assert original.sha256 in page


def test_a_tampered_original_is_not_served(client, people):
    period = factories.period_in_state(PeriodState.DECIDED, starts=-20, ends=300)
    perform(
        period,
        people.coordinator,
        Action.SIGN,
        signed_date=TODAY,
        signatories=[
            SignatoryData("Åsa Öberg", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
            SignatoryData("Jonas Lindell", "Lokalpolisområdeschef", "LPO Höglandet"),
        ],
        notify=False,
    )
    original = SignedOriginal.objects.get(period=period)
    with original.pdf.storage.open(original.pdf.name, "wb") as changed:
        changed.write(b"%PDF-1.7 not what was signed")
    url = reverse("followups:signed_original", args=[period.municipality.slug, period.slug])

    client.raise_request_exception = False
    assert client.get(url).status_code == 500


def test_a_recurring_target_missed_in_a_span_of_the_report_is_said_beside_the_status(people):
    # Per month, at least 2: July fell short. A year-end report ending in a month that met it
    # said only "klar" (December's status); it now says how the months went, naming July.
    period = factories.period(
        "tranas", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )
    checks = factories.activity(
        period, "Trafikkontroller", target=("at_least", 2, "trafikkontroller", "month")
    )
    for month in range(1, 13):
        factories.log(checks, datetime.date(2025, month, 10), 1 if month == 7 else 2)

    rows = reports.figure_rows(
        period, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), datetime.date(2025, 12, 31)
    )
    (row,) = rows
    assert row.status == "klar"  # December, the span running on the report's last day
    assert row.spans == (
        "målet nåddes 11 av 12 månader som slutade under den redovisade perioden; "
        "inte 1–31 jul 2025"
    )
    assert row.missed == ["1–31 jul 2025"]
    body = reports.default_body(
        period, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), datetime.date(2026, 2, 1)
    )
    assert "Delperioder då målet inte nåddes: Trafikkontroller (1–31 jul 2025)." in body
    # A tertial's report of May–August names only the months that ended in it.
    row = reports.figure_rows(
        period, datetime.date(2025, 5, 1), datetime.date(2025, 8, 31), datetime.date(2025, 8, 31)
    )[0]
    assert row.spans.startswith("målet nåddes 3 av 4 månader")


def test_the_status_stands_in_brackets_after_the_figure_it_judges(people):
    """A year-end report read "december 2025: 2 av minst 2 trafikkontroller · Status: klar",
    which a KLG member took for the year's status: it is December's, and now says so by its
    place; a row without progress words keeps "Status: …"."""
    from dataclasses import asdict
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    period = factories.period(
        "tranas", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    )
    checks = factories.activity(
        period, "Trafikkontroller", target=("at_least", 2, "trafikkontroller", "month")
    )
    factories.log(checks, datetime.date(2025, 12, 10), 2)
    (row,) = reports.figure_rows(
        period, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), datetime.date(2025, 12, 31)
    )
    report = SimpleNamespace(
        covers_from=datetime.date(2025, 1, 1), covers_to=datetime.date(2025, 12, 31)
    )
    shown = " ".join(
        render_to_string(
            "followups/includes/report_figures.html", {"report": report, "rows": [asdict(row)]}
        ).split()
    )
    assert f"{row.progress} (klar)" in shown
    assert "Status: klar" not in shown
    bare = {**asdict(row), "progress": ""}
    shown = render_to_string(
        "followups/includes/report_figures.html", {"report": report, "rows": [bare]}
    )
    assert "Status: klar" in " ".join(shown.split())


def test_many_missed_spans_are_named_up_to_three_and_the_rest_counted():
    from activities.progress import LogEntry, Target, compute_progress

    target = Target("at_least", 1, "fotpatruller", "week", "fotpatrull")
    start, end = datetime.date(2026, 1, 5), datetime.date(2026, 3, 1)  # eight ISO weeks
    logs = [LogEntry(datetime.date(2026, 1, 6), 1), LogEntry(datetime.date(2026, 2, 24), 1)]
    progress = compute_progress(target, start, end, logs, end)
    words = wording.spans_in_report_words(progress, start, end)
    assert words == (
        "målet nåddes 2 av 8 veckor som slutade under den redovisade perioden; inte "
        "12–18 jan 2026, 19–25 jan 2026, 26 jan\u00a0– 1 feb 2026 och 3 till"
    )
    # A target without spans of its own (the whole period) says nothing of spans.
    whole = compute_progress(Target("at_least", 5, "x", "period", "x"), start, end, logs, end)
    assert wording.spans_in_report_words(whole, start, end) == ""


def test_an_activity_added_by_a_revision_is_reported_from_the_day_it_was_added(people, world):
    added = factories.activity(
        world.period, "Dialog med unga", target=("at_least", 2, "besök", "tertial")
    )
    added.counts_from = TODAY - 5 * DAY
    added.save()
    factories.log(added, TODAY - 2 * DAY, 1)

    before = published(world, people, covers_to=TODAY - 10 * DAY)
    after = published(world, people, covers_to=TODAY)

    assert added.pk not in {row["activity_id"] for row in before.figures}
    (row,) = [row for row in after.figures if row["activity_id"] == added.pk]
    assert row["done"] == 1 and row["status_code"] != "not_achieved"


def test_a_second_report_of_the_same_kind_and_span_is_refused_with_what_to_do(
    client, people, world
):
    """A tester drafted a second year-end report for a span whose report was published: a
    competing report, not a correction."""
    first = published(world, people)
    sign_in(client, people.coordinator)
    url = reverse("followups:report_create", args=[world.period.pk])
    span = {"kind": "tertial", "covers_from": START.isoformat(), "covers_to": TODAY.isoformat()}

    response = client.post(url, span)

    assert response.status_code == 200
    assert "är redan publicerad" in response.content.decode()
    assert "publicera i stället en rättelse av den" in response.content.decode()
    assert Report.objects.count() == 1
    # Another kind of report of the span is another report.
    assert client.post(url, {**span, "kind": "final"}).status_code == 302
    response = client.post(url, {**span, "kind": "final"})
    assert "Det finns redan ett utkast till slutredovisning för samma tid" in (
        response.content.decode()
    )
    assert Report.objects.count() == 2
    assert first.replaced_by is None


def test_the_message_of_a_draft_of_the_same_span_links_to_the_draft(client, people, world):
    """ "Det finns redan ett utkast … gör klart det, under Utkast" did not link to the draft."""
    sign_in(client, people.coordinator)
    url = reverse("followups:report_create", args=[world.period.pk])
    span = {"kind": "final", "covers_from": START.isoformat(), "covers_to": TODAY.isoformat()}
    client.post(url, span)
    draft = Report.objects.get()
    draft.title = "Slutredovisning <utkast> & mer"
    draft.save()

    html = client.post(url, span).content.decode()

    edit = reverse("followups:report_edit", args=[draft.pk])
    assert f'(<a href="{edit}">Slutredovisning &lt;utkast&gt; &amp; mer</a>): gör klart det' in html
    assert Report.objects.count() == 1


def test_the_message_of_a_published_report_of_the_same_span_links_to_it(client, people, world):
    report = published(world, people)
    sign_in(client, people.coordinator)
    url = reverse("followups:report_create", args=[world.period.pk])
    span = {"kind": "tertial", "covers_from": START.isoformat(), "covers_to": TODAY.isoformat()}

    html = client.post(url, span).content.decode()

    detail = reverse("followups:report_detail", args=[report.pk])
    assert f'<a href="{detail}">' in html and "är redan publicerad" in html


def test_the_draft_form_sent_twice_leads_to_the_draft_it_made(client, people, world):
    sign_in(client, people.coordinator)
    url = reverse("followups:report_create", args=[world.period.pk])
    data = {
        "kind": "tertial",
        "covers_from": START.isoformat(),
        "covers_to": TODAY.isoformat(),
        "idempotency_key": "0b0f9a52-8d7e-4b8e-9a53-0f1e2d3c4b5a",
    }
    client.post(url, data)
    again = client.post(url, data, follow=True)
    draft = Report.objects.get()
    assert again.redirect_chain[-1][0] == reverse("followups:report_edit", args=[draft.pk])
    assert "sparades en gång" in again.content.decode()


def test_a_draft_can_be_deleted_a_published_report_cannot(client, people, world):
    """A tester's draft with a wrong kind and span stayed under Drafts and on the start page."""
    draft = services.draft_report(
        world.period, people.coordinator, kind="half_year", covers_from=START, covers_to=START
    )
    report = published(world, people)
    sign_in(client, people.coordinator)
    assert (
        "Ta bort utkastet"
        in client.get(reverse("followups:report_detail", args=[draft.pk])).content.decode()
    )

    response = client.post(reverse("followups:report_discard", args=[draft.pk]), follow=True)

    assert not Report.objects.filter(pk=draft.pk).exists()
    assert Report.history.filter(id=draft.pk, history_type="-").exists()
    assert "togs bort" in response.content.decode()
    client.post(reverse("followups:report_discard", args=[report.pk]))
    assert Report.objects.filter(pk=report.pk).exists()
    # An officer reads reports but deletes none.
    other = services.draft_report(
        world.period, people.coordinator, kind="final", covers_from=START, covers_to=TODAY
    )
    sign_in(client, people.officer)
    assert client.post(reverse("followups:report_discard", args=[other.pk])).status_code == 403
    assert Report.objects.filter(pk=other.pk).exists()


def test_two_drafts_of_one_span_sent_at_once_make_one(people, world):
    """A security probe sent six at once, each with its own key: six drafts, three published.
    The service checks again with the period locked (the form's check runs before)."""
    span = {"kind": "tertial", "covers_from": START, "covers_to": TODAY}
    first = services.draft_report(world.period, people.coordinator, **span)
    with pytest.raises(services.SameSpan) as same:
        services.draft_report(world.period, people.coordinator, **span)
    assert same.value.existing == first
    assert Report.objects.count() == 1


def test_a_draft_deleted_while_it_is_published_is_said_so_not_an_error(client, people, world):
    draft = services.draft_report(
        world.period, people.coordinator, kind="tertial", covers_from=START, covers_to=TODAY
    )
    sign_in(client, people.coordinator)
    # A colleague deletes it after the page fetched it, before the publishing locks it.
    Report.objects.filter(pk=draft.pk).delete()
    with pytest.raises(services.ReportStateError):
        services.publish_report(draft, people.coordinator)
    with mock.patch("followups.report_views._report", return_value=draft):
        response = client.post(
            reverse("followups:report_publish", args=[draft.pk]),
            {"edit_version": "1"},
            follow=True,
        )

    assert response.status_code == 200
    assert "Utkastet har tagits bort under tiden: inget sparades." in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_a_final_report_after_the_end_says_the_status_at_the_end_not_the_next_day(
    client, people, world
):
    end = TODAY - 10 * DAY
    PromisePeriod.objects.filter(pk=world.period.pk).update(end_date=end)
    world.period.refresh_from_db()
    report = published(world, people, kind=ReportKind.FINAL, covers_from=START, covers_to=end)
    assert report.figures_as_of == end + DAY  # judged with the period over
    assert report.figures_at_end

    page = report_page(client, report)

    assert f"Läget vid periodens slut den {date_format(end, 'j F Y')}, räknat" in page
    assert f"Läget vid periodens slut den {date_format(end, 'j F Y')} för" in report.body
    assert date_format(end + DAY, "j F Y") not in page


@pytest.mark.django_db
def test_a_published_report_names_its_pdfs_checksum_and_anchors_each_activity(
    client, people, world
):
    report = published(world, people)
    page = report_page(client, report)
    assert report.pdf_sha256 and f'<code class="checksum">{report.pdf_sha256}</code>' in page
    assert "Kontrollsumma för PDF:en som den publicerades (SHA-256)" in page
    for activity in (world.checks, world.walks, world.meetings):
        assert f'id="aktivitet-{activity.pk}"' in page


# -- A log in a span already reported -----------------------------------------------------------


def test_a_log_saved_changed_or_withdrawn_in_a_reported_span_says_the_report_keeps_its_figures(
    client, people, world
):
    """An officer's late log changed the period page but not the published tertial report,
    and nobody was told. It is said to those who can correct the report, with the way there;
    an officer, who could do nothing about it, is not told (a tester's orange box at every
    save)."""
    from tests.activities.test_logging import log_data

    report = published(world, people, covers_to=TODAY - 10 * DAY)
    warning = "ingår i en redovisning som redan är publicerad: " + report.title

    def said(response) -> list[str]:
        """The messages the page the form led to showed."""
        assert response.status_code == 200 and len(response.redirect_chain) == 1
        return [str(message) for message in response.context["messages"]]

    inside = (TODAY - 12 * DAY).isoformat()
    sign_in(client, people.officer)
    response = client.post(
        reverse("activities:log_create"), log_data(world.checks, date=inside), follow=True
    )
    assert not any("redovisning" in text for text in said(response))
    sign_in(client, people.coordinator)
    response = client.post(
        reverse("activities:log_create"), log_data(world.walks, date=inside), follow=True
    )
    assert any(warning in text for text in said(response))
    correct = reverse("followups:report_correct", args=[report.pk])
    assert f'<a href="{correct}">Rätta redovisningen</a>' in response.content.decode()
    outside = client.post(
        reverse("activities:log_create"),
        log_data(world.walks, date=TODAY.isoformat()),
        follow=True,
    )
    assert not any(warning in text for text in said(outside))

    # Moved into the span, or withdrawn from it: said too.
    log = world.walks.logs.get(date=TODAY, quantity=1)
    edit = client.get(reverse("activities:log_edit", args=[log.pk])).context["form"]
    moved = client.post(
        reverse("activities:log_edit", args=[log.pk]),
        {**edit.initial, "date": inside, "internal_note": "", "place": "", "summary": ""},
        follow=True,
    )
    assert any(warning in text for text in said(moved))
    # Moved out of the span again: the warning names the day it left, not its new one.
    back = client.post(
        reverse("activities:log_edit", args=[log.pk]),
        {
            **edit.initial,
            "edit_version": "2",
            "date": TODAY.isoformat(),
            "internal_note": "",
            "place": "",
            "summary": "",
        },
        follow=True,
    )
    day = date_format(TODAY - 12 * DAY, "j F Y")
    assert any(text.startswith(f"{day} ingår i en redovisning") for text in said(back))
    log = factories.log(world.walks, TODAY - 12 * DAY, 1, reported_by=people.coordinator)
    withdrawn = client.post(
        reverse("activities:log_withdraw", args=[log.pk]), {"reason": "Fel aktivitet."}, follow=True
    )
    assert any(warning in text for text in said(withdrawn))
    # A replaced version's span is the correction's: one warning, naming the latest version.
    assert Report.objects.covering(world.period.pk, [TODAY - 12 * DAY]).get() == report
    assert not Report.objects.covering(world.period.pk, [TODAY]).exists()


def test_another_periods_form_key_saves_a_new_report_not_a_server_error(client, people, world):
    """A security probe posted the idempotency key of another period's report: a 500."""
    other = factories.period("tranas", state=PeriodState.SIGNED, start=START)
    theirs = services.draft_report(
        other,
        people.coordinator,
        kind=ReportKind.TERTIAL,
        covers_from=START,
        covers_to=TODAY,
        idempotency_key=uuid.uuid4(),
    )
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:report_create", args=[world.period.pk]),
        {
            "idempotency_key": str(theirs.idempotency_key),
            "kind": ReportKind.TERTIAL,
            "covers_from": START.isoformat(),
            "covers_to": TODAY.isoformat(),
        },
    )

    assert response.status_code == 302
    mine = world.period.reports.get()
    assert mine.idempotency_key != theirs.idempotency_key
    assert other.reports.get() == theirs


def test_a_figure_that_ends_in_brackets_takes_the_status_into_them():
    """ "i snitt 1,2 fotpatruller per vecka (mål: minst 1) (i fas)": two brackets in a row."""
    import datetime as dt
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    report = SimpleNamespace(covers_from=dt.date(2026, 5, 1), covers_to=dt.date(2026, 8, 31))
    row = {
        "activity": "Fotpatrull i centrum",
        "responsible": "Polisen",
        "target": "i snitt minst 1 fotpatrull per vecka",
        "done": 18,
        "progress": "hittills under perioden: i snitt 1,1 fotpatruller per vecka (mål: minst 1)",
        "status": "i fas",
    }
    shown = " ".join(
        render_to_string(
            "followups/includes/report_figures.html", {"report": report, "rows": [row]}
        ).split()
    )
    assert "per vecka (mål: minst 1; i fas)" in shown
    assert ") (" not in shown


@pytest.mark.django_db
def test_a_draft_of_a_promise_registered_while_it_ran_counts_its_unjudged_targets(people):
    """Every target of a promise registered in its tenth month is not judged yet: the drafted
    text read "Läget den 6 december 2026 för 4 aktiviteter med mål: ." with nothing after."""
    from promises import registration
    from tests.promises.test_registration import STATED, registering_draft

    today = timezone.localdate()
    period = registering_draft(
        start=today - datetime.timedelta(days=300),
        end=today + datetime.timedelta(days=400),
        **STATED,
    )
    yearly = period.activities.get()
    yearly.target_scope = "year"
    yearly.save()
    factories.activity(period, "Trygghetsvandringar", target=None)
    registration.register(period, user=people.coordinator)
    period.refresh_from_db()

    with translation.override("sv"):
        draft = services.draft_report(
            period,
            people.coordinator,
            kind=ReportKind.YEAR_END,
            covers_from=period.start_date,
            covers_to=today,
        )

    assert ": ." not in draft.body
    day = date_format(today, "j F Y")
    assert f"Läget den {day} för 1 aktivitet med mål: 1 ej bedömd." in draft.body


@pytest.mark.django_db
def test_a_report_of_a_promise_registered_while_it_ran_says_its_pace_is_not_judged(people):
    """The period page says "takten bedöms inte" for a span begun before the registration; the
    report's row said only "0 av minst 40 kontroller", read as nothing done (a tester)."""
    from promises import registration
    from tests.promises.test_registration import STATED, registering_draft

    today = timezone.localdate()
    period = registering_draft(
        start=today - datetime.timedelta(days=300),
        end=today + datetime.timedelta(days=400),
        **STATED,
    )
    yearly = period.activities.get()
    yearly.target_value, yearly.target_unit, yearly.target_scope = 40, "kontroller", "year"
    yearly.save()
    registration.register(period, user=people.coordinator)
    period.refresh_from_db()

    with translation.override("sv"):
        [row] = reports.figure_rows(period, period.start_date, today, today)
        assert row.status_code == ""
        assert row.status.startswith("takten bedöms inte: delperioden började innan")
        # Once the span's target is reached it is judged again, as on the page.
        factories.log(yearly, today, 40)
        [row] = reports.figure_rows(period, period.start_date, today, today)
        assert row.status_code == "done" and row.status == "klar"


def test_what_was_done_in_the_span_is_said_with_what_it_counts(client, people, world):
    report = published(world, people)
    dates = date_span(report.covers_from, TODAY)
    page = report_page(client, report)
    assert f"Genomfört {dates}: 12 trafikkontroller" in page
    assert f"Genomfört {dates}: 1 trygghetsvandring" in page
    assert f"Genomfört {dates}: 1 gång" in page


def test_a_row_frozen_before_the_words_were_stored_shows_its_bare_number(client, people, world):
    report = published(world, people)
    for row in report.figures:
        del row["done_words"]
    report.save(update_fields=["figures"])
    page = report_page(client, report)
    dates = date_span(report.covers_from, TODAY)
    assert f"Genomfört {dates}: 12 ·" in page


def test_the_municipality_page_lists_its_latest_reports_a_correction_in_place_of_the_first(
    client, people, world
):
    """A citizen asking what came of the promise reads the latest reports on the municipality's
    own page, each linked to its page; a draft is not there, a replaced version gives way to its
    correction, and the page is current on the next request."""
    page = client.get("/kommuner/vetlanda/").content.decode()
    assert "Senaste redovisningarna" not in page
    draft = services.draft_report(
        world.period,
        people.coordinator,
        kind=ReportKind.TERTIAL,
        covers_from=START,
        covers_to=TODAY,
    )
    draft.title = "Utkast som ingen ser"
    draft.save()
    assert "Utkast som ingen ser" not in client.get("/kommuner/vetlanda/").content.decode()
    first = services.publish_report(draft, people.coordinator)
    page = " ".join(client.get("/kommuner/vetlanda/").content.decode().split())
    assert "Senaste redovisningarna" in page
    url = reverse("followups:report_document", args=["vetlanda", world.period.slug, first.pk])
    assert f'<a href="{url}">Utkast som ingen ser</a>' in page
    with translation.override("sv"):
        span = " ".join(text_tags.date_range(START, TODAY).split())
    # Its promise named, not a bare "(2026)" at the end of the line, read as a stray date.
    label = world.period.period_label
    assert f"Tertialredovisning · {span} · medborgarlöftet {label} · publicerad" in page
    assert f"publicerad {date_format(TODAY, 'j F Y')}</span>" in page
    second = services.correct_report(
        first, people.coordinator, title="Rättad redovisning", body="Rättad.", reason="Fel siffra."
    )
    page = client.get("/kommuner/vetlanda/").content.decode()
    assert "Rättad redovisning" in page
    assert f"/redovisningar/{first.pk}/" not in page
    assert f"/redovisningar/{second.pk}/" in page


def test_a_report_of_the_walks_own_tertial_says_its_figures_once(client, people, world):
    """The second tertial's report of a per-tertial target read "Genomfört 1 maj – 31 augusti:
    N trygghetsvandringar · tertialet (1 maj – 31 aug): N av minst 2 …", the span and the count
    twice: now its figures, with their status, after the report's own line; another activity's
    figures keep their span's name."""
    tertial = (datetime.date(TODAY.year, 5, 1), datetime.date(TODAY.year, 8, 31))
    factories.log(world.walks, datetime.date(TODAY.year, 6, 1), 3)
    report = published(
        world, people, covers_from=tertial[0], covers_to=tertial[1], kind=ReportKind.TERTIAL
    )
    row = {row["activity_id"]: row for row in report.figures}[world.walks.pk]
    assert row["progress_is_done"] is True
    page = " ".join(report_page(client, report).split())
    with translation.override("sv"):
        dates = " ".join(date_span(*tertial).split())
    line = page.split(f'id="aktivitet-{world.walks.pk}"', 1)[1].split("</li>", 1)[0]
    assert f"Genomfört {dates}: 3 av minst 2 trygghetsvandringar (klar)" in line
    assert "tertialet (" not in line
    assert line.count("3 av minst 2") == 1
