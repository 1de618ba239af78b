"""A citizen promise's archive package: one ZIP file for the municipality's registrator, who
files the promise under its reference number (arkivlagen asks the public records to be kept).

It holds the documents as they were frozen (the signed original, or the copy kept when a past
promise was registered, and its source document; each published report version), each read
back and checked against its stored SHA-256 checksum, and the promise's record as CSV files:
the lifecycle steps, the reviews and the answers to their comments with who took them, the
public revisions, the follow-up meetings with their minutes, and the activities with their
targets and what was done. A table of contents names every file with its size and SHA-256, and
a JSON file the promise's facts.

The package is for staff (the coordinator who answers for the promise's records): it holds
names and internal minutes the public pages never show. Built in memory: a period's documents
are a few megabytes at most.
"""

import csv
import datetime
import hashlib
import io
import json
import zipfile

from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy

from activities import wording
from activities.history import person_name
from activities.models import Activity
from activities.spreadsheet import safe_cell
from followups import frozen
from followups.models import FollowUpMeeting, Report, SignedOriginal
from promises.models import PeriodTransition, PromisePeriod, Review, ReviewAnswer, Revision

# What the activities file says of a promise registered after it had ended (its page says it).
NOT_RECORDED = gettext_lazy(
    "What was done is not recorded in the portal: the citizen promise was registered "
    "afterwards, when it had already ended."
)

# Every CSV file: semicolons and a byte order mark, as Swedish Excel opens them.
CSV_DIALECT = {"delimiter": ";", "lineterminator": "\r\n"}


def _csv(header: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, **CSV_DIALECT)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_cell(str(value))


def _lifecycle(period: PromisePeriod) -> bytes:
    steps = PeriodTransition.objects.filter(period=period).select_related("by").order_by("at")
    reviews = Review.objects.filter(period=period).select_related("reviewer", "promise")
    rows = [
        (
            step.at,
            "steg",
            step.get_from_state_display() if step.from_state else "",
            step.get_to_state_display(),
            step.get_kind_display(),
            person_name(step.by),
            step.comment,
        )
        for step in steps
    ]
    rows += [
        (
            review.at,
            f"granskning, samrådsomgång {review.round}",
            review.promise.title if review.promise else "",
            review.get_verdict_display(),
            "",
            person_name(review.reviewer),
            review.comment,
        )
        for review in reviews
    ]
    answers = ReviewAnswer.objects.filter(review__period=period).select_related(
        "by", "review__reviewer"
    )
    rows += [
        (
            answer.at,
            f"svar på kommentar, samrådsomgång {answer.review.round}",
            "",
            # The answer goes to the approver who wrote the comment.
            person_name(answer.review.reviewer),
            "",
            person_name(answer.by),
            answer.text,
        )
        for answer in answers
    ]
    rows.sort(key=lambda row: row[0])
    return _csv(["tidpunkt", "händelse", "från", "till", "slag", "av", "kommentar"], rows)


def _revisions(period: PromisePeriod) -> bytes:
    revisions = (
        Revision.objects.filter(period=period)
        .select_related("created_by")
        .prefetch_related("changes")
        .order_by("number")
    )
    rows = [
        (
            revision.number,
            revision.created_at,
            revision.get_kind_display(),
            revision.reason,
            person_name(revision.created_by),
            change.get_kind_display(),
            change.subject,
            change.old_value,
            change.new_value,
        )
        for revision in revisions
        for change in revision.changes.all()
    ]
    header = ["nummer", "tidpunkt", "slag", "skäl", "av", "ändring", "gäller", "före", "efter"]
    return _csv(header, rows)


def _meetings(period: PromisePeriod) -> bytes:
    meetings = FollowUpMeeting.objects.filter(period=period).order_by("date", "time", "pk")
    rows = [
        (
            meeting.date,
            meeting.time.strftime("%H:%M") if meeting.time else "",
            meeting.get_kind_display(),
            meeting.get_status_display(),
            meeting.forum,
            meeting.participants,
            meeting.public_summary,
            meeting.decisions,
            meeting.internal_minutes,
            meeting.status_reason,
        )
        for meeting in meetings
    ]
    header = [
        "datum",
        "tid",
        "slag",
        "status",
        "forum",
        "deltagare",
        "sammanfattning för allmänheten",
        "beslut och nästa steg",
        "internt protokoll",
        "skäl",
    ]
    return _csv(header, rows)


def _activities(period: PromisePeriod, today: datetime.date) -> bytes:
    activities = Activity.objects.filter(period=period).with_progress_data().order_by("position")
    rows = []
    for activity in activities:
        activity.period = period
        progress = activity.progress(today)
        if period.ended_before_registration:
            # Nothing was logged in the portal: what was done is unknown, as the period page
            # says, never "0" and an inferred "ej uppnådd" in the archive.
            done, standing, status = "", NOT_RECORDED, ""
        else:
            done = progress.total_done
            standing = wording.progress_summary(progress, dated=True)
            status = (
                wording.pace_label(progress.status)
                if progress.target is not None
                else wording.status_words(activity.status, progress)
            )
        rows.append(
            (
                activity.position,
                activity.title,
                activity.responsible_shown,
                wording.target_words(progress),
                done,
                standing,
                status,
            )
        )
    header = ["nummer", "aktivitet", "ansvarig", "mål", "genomfört", "läget", "status"]
    return _csv(header, rows)


def _facts(period: PromisePeriod, user, now: datetime.datetime) -> bytes:
    facts = {
        "kommun": period.municipality.name,
        "kommunkod": period.municipality.code,
        "organisation": period.municipality.organisation_name,
        "område": period.area_name,
        "lokalpolisområde": period.local_police_area.name if period.local_police_area else "",
        "medborgarlöfte": f"{period.place_name} {period.period_label}",
        "giltigt_från": period.start_date.isoformat(),
        "giltigt_till": period.end_date.isoformat() if period.end_date else None,
        "status": period.get_state_display(),
        "beslutande_organ": period.decision_body,
        "beslutsdatum": period.decision_date.isoformat() if period.decision_date else None,
        "diarienummer": period.decision_reference,
        "undertecknat": period.signed_date.isoformat() if period.signed_date else None,
        "undertecknare": [
            {
                "namn": signatory.name,
                "titel": signatory.title,
                "organisation": signatory.organisation,
            }
            for signatory in period.signatories.order_by("position")
        ],
        "registrerat_i_efterhand": period.registered_at is not None,
        "källa": period.source_url,
        "adress": settings.SITE_URL + period.get_absolute_url(),
        "paketet_skapat": timezone.localtime(now).isoformat(timespec="seconds"),
        "paketet_skapat_av": person_name(user),
    }
    return json.dumps(facts, ensure_ascii=False, indent=2).encode("utf-8")


def _explanations() -> dict[str, str]:
    """What a reader of each record file needs beyond its name (the table of contents gives
    every file's one-line description)."""
    return {
        "uppgifter.json": gettext(
            "The citizen promise's facts (municipality, validity, decision, signing and "
            "signatories) in JSON, a text format that archive systems read."
        ),
        "handelser.csv": gettext(
            "One row for each step in the citizen promise's lifecycle, for each review in its "
            "consultation and for each answer to a comment, in the order of time; the column "
            "“av” names who took it."
        ),
        "andringar.csv": gettext(
            "One row for each change made after the signing; the changes of one revision "
            "share its number and reason."
        ),
        "moten.csv": gettext(
            "One row for each follow-up meeting, planned, held or cancelled; the column "
            "“internt protokoll” was never published."
        ),
        "aktiviteter.csv": gettext(
            "One row for each activity, with its target, what was logged in the portal and "
            "its status on the day the package was made."
        ),
    }


def _readme(period: PromisePeriod, files: list[tuple[str, bytes, str]], user, now) -> bytes:
    """A Swedish text that tells an archivist, without the portal, what the package is and
    what each of its files holds (lasmig.txt, the first file of the package)."""
    explanations = _explanations()
    created = timezone.localtime(now)
    lines = [
        gettext("Archive package: citizen promise %(name)s")
        % {"name": f"{period.place_name} {period.period_label}"},
        "",
        gettext(
            "Made on %(date)s at %(time)s by %(person)s from the citizen promises portal, "
            "where the citizen promise's public page is %(url)s"
        )
        % {
            "date": created.date().isoformat(),
            "time": created.strftime("%H:%M"),
            "person": person_name(user),
            "url": settings.SITE_URL + period.get_absolute_url(),
        },
    ]
    if period.decision_reference:
        lines.append(f"{gettext('Reference number')}: {period.decision_reference}")
    lines += [
        "",
        gettext(
            "The package holds internal minutes and the names of staff. Assess secrecy and "
            "personal data before any of it is disclosed."
        ),
        "",
    ]
    if period.source_url and not period.source_file:
        # Registered by the document's web address only: the package does not hold the
        # document itself, and the registrator must know where to fetch it.
        lines += [
            gettext(
                "The source document is not in the package: it was registered by its web "
                "address, %(url)s"
            )
            % {"url": period.source_url},
            "",
        ]
    lines += [gettext("Files"), ""]
    for name, _data, description in files:
        lines.append(f"{name}: {description}.")
        if name in explanations:
            lines.append(f"  {explanations[name]}")
    lines += [
        f"innehall.csv: {gettext('The table of contents')}.",
        "  "
        + gettext(
            "Every other file of the package with its size in bytes and its SHA-256 "
            "checksum, which shows that the file has not been changed since the package was "
            "made. To compute a file's checksum: on Windows certutil -hashfile FILE SHA256, "
            "on macOS and Linux shasum -a 256 FILE."
        ),
        "",
        gettext("Formats"),
        "",
        gettext(
            "The PDF files are the documents as they were frozen, unchanged. The CSV files are "
            "text in UTF-8 with a semicolon between the columns and the column names on the "
            "first row: Excel with Swedish settings opens them as they are. A file with only "
            "that row holds nothing of its kind. Dates are written YYYY-MM-DD and times in "
            "Swedish time."
        ),
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _report_name(report: Report) -> str:
    span = f"{report.covers_from.isoformat()}_{report.covers_to.isoformat()}"
    return f"redovisningar/{slugify(report.get_kind_display())}-{span}-version-{report.version}.pdf"


class MissingDocument(Exception):
    """A document the records name is gone from the storage (a restore without the media
    folder, a file deleted by hand)."""


def _stored(field, checksum: str | None = None) -> bytes:
    """The bytes of a stored document, checked against `checksum` if given; raises
    `MissingDocument` when the storage no longer has it."""
    if not field:
        raise MissingDocument("")
    try:
        if checksum is not None:
            return frozen.verified(field, checksum)
        with field.storage.open(field.name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        raise MissingDocument(field.name) from None


def package(period: PromisePeriod, *, user, now: datetime.datetime | None = None) -> bytes:
    """The archive package of the published `period` as ZIP bytes; raises
    `frozen.ChecksumMismatch` when a stored document no longer matches its checksum (an
    archive must not take a changed file for the original), `MissingDocument` when one is
    gone from the storage (a package without it is no archive of the promise)."""
    now = now or timezone.now()
    files: list[tuple[str, bytes, str]] = []
    with translation.override("sv"):
        original = SignedOriginal.objects.filter(period=period).first()
        if original is not None:
            # A registered promise's kept copy is the portal's own compilation of what was
            # entered (the public page says so): a registrator took "the promise as it was
            # when it was registered" for the signed document.
            if period.registered_at:
                described = (
                    "Portalens sammanställning av medborgarlöftet när det registrerades, "
                    "inte det undertecknade dokumentet"
                )
            else:
                described = "Medborgarlöftet som det var när det undertecknades"
            files.append(
                (
                    "medborgarlofte-original.pdf",
                    _stored(original.pdf, original.sha256),
                    described,
                )
            )
        if period.source_file:
            name = f"kalldokument/{period.source_file_name}"
            files.append((name, _stored(period.source_file), "Källdokumentet"))
        reports = Report.objects.filter(period=period).exclude(pdf="").order_by("published_on")
        for report in reports:
            files.append(
                (
                    _report_name(report),
                    _stored(report.pdf, report.pdf_sha256),
                    f"{report.title}, version {report.version}, publicerad {report.published_on}",
                )
            )
        today = timezone.localdate(now)
        files += [
            ("uppgifter.json", _facts(period, user, now), "Medborgarlöftets uppgifter"),
            ("handelser.csv", _lifecycle(period), "Livscykelns steg, granskningar och svar"),
            ("andringar.csv", _revisions(period), "Ändringar efter undertecknandet"),
            ("moten.csv", _meetings(period), "Uppföljningsmöten med protokoll"),
            ("aktiviteter.csv", _activities(period, today), "Aktiviteterna med mål och utfall"),
        ]
        readme = _readme(period, files, user, now)
        files.insert(0, ("lasmig.txt", readme, "Vad paketet innehåller och hur filerna läses"))
    contents = _csv(
        ["fil", "storlek", "sha256", "beskrivning"],
        [(name, len(data), hashlib.sha256(data).hexdigest(), text) for name, data, text in files],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, _text in files:
            archive.writestr(name, data)
        archive.writestr("innehall.csv", contents)
    return buffer.getvalue()


def filename(period: PromisePeriod) -> str:
    return f"arkivpaket-{period.municipality.slug}-{period.slug}.zip"
