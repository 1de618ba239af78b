"""The archive package of a published citizen promise: the frozen documents checked against
their checksums, the record as CSV files, a table of contents; for its coordinator only."""

import csv
import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from followups import frozen, services
from followups.models import FollowUpMeeting, ReportKind
from promises.models import PeriodState, PeriodTransition
from tests import factories
from tests.staff import sign_in

TODAY = timezone.localdate()
START = datetime.date(TODAY.year, 1, 1)
END = datetime.date(TODAY.year, 12, 31)


def rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def period(people):
    period = factories.period(
        "vetlanda",
        start=START,
        end=END,
        decision_body="Kommunstyrelsen",
        decision_reference="KS 2025/87",
    )
    checks = factories.activity(period, "Trafikkontroller")
    factories.log(checks, START, 2)
    PeriodTransition.objects.create(
        period=period,
        from_state=PeriodState.DECIDED,
        to_state=PeriodState.SIGNED,
        by=people.coordinator,
        comment="Undertecknat i kommunhuset.",
    )
    FollowUpMeeting.objects.create(
        period=period,
        kind="monthly",
        date=START,
        status="held",
        public_summary="Genomgång.",
        internal_minutes="Internt: ny kontaktperson.",
    )
    frozen.keep_signed_original(period, timezone.now())
    draft = services.draft_report(
        period, people.coordinator, kind=ReportKind.TERTIAL, covers_from=START, covers_to=TODAY
    )
    services.publish_report(draft, people.coordinator)
    return period


@pytest.mark.django_db
def test_the_coordinator_downloads_the_documents_and_the_record_with_checksums(
    client, people, period
):
    sign_in(client, people.coordinator)
    url = reverse("followups:archive_package", args=[period.pk])
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert url in hub

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"arkivpaket-vetlanda-{period.slug}.zip" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"medborgarlofte-original.pdf", "innehall.csv", "uppgifter.json"} <= names
    assert any(name.startswith("redovisningar/") and name.endswith(".pdf") for name in names)
    # Every file in the table of contents, with its size and SHA-256.
    listed = rows(archive, "innehall.csv")
    assert listed[0] == ["fil", "storlek", "sha256", "beskrivning"]
    assert {row[0] for row in listed[1:]} == names - {"innehall.csv"}
    for name, size, digest, _text in listed[1:]:
        data = archive.read(name)
        assert (len(data), hashlib.sha256(data).hexdigest()) == (int(size), digest)
    assert archive.read("medborgarlofte-original.pdf").startswith(b"%PDF")
    facts = json.loads(archive.read("uppgifter.json"))
    assert (facts["diarienummer"], facts["kommunkod"]) == ("KS 2025/87", "0685")
    steps = rows(archive, "handelser.csv")
    assert any("Undertecknat i kommunhuset." in row for row in steps)
    assert any(people.coordinator.get_full_name() in row for row in steps[1:])
    meetings = rows(archive, "moten.csv")
    assert meetings[1][8] == "Internt: ny kontaktperson."  # the minutes, for the archive
    activities = rows(archive, "aktiviteter.csv")
    assert activities[1][1] == "Trafikkontroller" and activities[1][4] == "2"


@pytest.mark.django_db
def test_a_document_that_fails_its_checksum_is_never_packed_as_the_original(client, people, period):
    original = period.signed_original
    with original.pdf.storage.open(original.pdf.name, "wb") as stored:
        stored.write(b"%PDF-1.7 changed")
    sign_in(client, people.coordinator)
    response = client.get(reverse("followups:archive_package", args=[period.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("promises:staff_period", args=[period.pk])
    page = client.get(response["Location"]).content.decode()
    assert "stämmer inte längre med sin kontrollsumma" in page


@pytest.mark.django_db
def test_a_draft_has_no_archive_package(client, people):
    draft = factories.period("vetlanda", state=PeriodState.DRAFT)
    sign_in(client, people.coordinator)
    assert client.get(reverse("followups:archive_package", args=[draft.pk])).status_code == 403
    hub = client.get(reverse("promises:staff_period", args=[draft.pk])).content.decode()
    assert "arkivpaket" not in hub


@pytest.mark.django_db
@pytest.mark.parametrize("document", ["original", "report", "source"])
def test_a_document_gone_from_the_storage_is_a_message_not_an_error(
    client, people, period, document
):
    """A restore without the media folder, or a file deleted by hand: the package is refused
    with a message (it would be no archive of the promise without it), never a 500."""
    if document == "original":
        field = period.signed_original.pdf
    elif document == "report":
        field = period.reports.exclude(pdf="").get().pdf
    else:
        period.source_file.save("kalla.pdf", ContentFile(b"%PDF-1.4 kalla"))
        field = period.source_file
    field.storage.delete(field.name)
    sign_in(client, people.coordinator)
    response = client.get(reverse("followups:archive_package", args=[period.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("promises:staff_period", args=[period.pk])
    page = client.get(response["Location"]).content.decode()
    assert "ett sparat dokument saknas i portalens fillagring" in page


@pytest.mark.django_db
def test_the_package_opens_with_a_swedish_readme_that_explains_every_file(client, people, period):
    period.signatories.create(
        position=1, name="Anna Ek", title="Kommunstyrelsens ordförande", organisation="Vetlanda"
    )
    sign_in(client, people.coordinator)
    response = client.get(reverse("followups:archive_package", args=[period.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))

    assert archive.namelist()[0] == "lasmig.txt"
    readme = archive.read("lasmig.txt").decode("utf-8-sig")
    assert readme.startswith(f"Arkivpaket: medborgarlöfte Vetlanda {period.period_label}")
    assert "Diarienummer: KS 2025/87" in readme
    for name in archive.namelist():
        if name != "lasmig.txt":
            assert f"{name}: " in readme  # every file named, with what it holds
    assert "semikolon mellan kolumnerna" in readme and "shasum -a 256" in readme
    assert "Pröva sekretess och personuppgifter" in readme
    # The readme is in the table of contents with its checksum, as every other file.
    listed = {row[0]: row[2] for row in rows(archive, "innehall.csv")[1:]}
    assert listed["lasmig.txt"] == hashlib.sha256(archive.read("lasmig.txt")).hexdigest()
    facts = json.loads(archive.read("uppgifter.json"))
    assert facts["undertecknare"] == [
        {"namn": "Anna Ek", "titel": "Kommunstyrelsens ordförande", "organisation": "Vetlanda"}
    ]


@pytest.mark.django_db
def test_a_promise_registered_after_it_ended_is_archived_without_an_invented_outcome(
    client, people
):
    # Nothing was logged for it in the portal: the period page says so; the archive said
    # "0" done and "ej uppnådd".
    year = TODAY.year - 2
    period = factories.period(
        "vetlanda",
        start=datetime.date(year, 1, 1),
        end=datetime.date(year, 12, 31),
        state=PeriodState.CLOSED,
        registered_at=timezone.now(),
    )
    factories.activity(period, "Trafikkontroller")
    frozen.keep_signed_original(period, timezone.now())
    sign_in(client, people.coordinator)

    response = client.get(reverse("followups:archive_package", args=[period.pk]))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    header, row = rows(archive, "aktiviteter.csv")
    assert header[4:] == ["genomfört", "läget", "status"]
    assert row[1] == "Trafikkontroller"
    assert row[4:] == [
        "",
        "Vad som genomfördes finns inte registrerat i portalen: medborgarlöftet registrerades "
        "i efterhand, när det redan hade upphört att gälla.",
        "",
    ]


@pytest.mark.django_db
def test_a_registered_promises_package_says_its_pdf_is_the_portals_compilation(client, people):
    """A registrator took "medborgarlofte-original.pdf: Medborgarlöftet som det var när det
    registrerades" for the signed document; it is the portal's compilation of what was entered
    (as the public page calls it), and a document registered by its web address alone is not
    in the package at all, which the readme did not say."""
    year = TODAY.year - 2
    period = factories.period(
        "vetlanda",
        start=datetime.date(year, 1, 1),
        end=datetime.date(year, 12, 31),
        state=PeriodState.CLOSED,
        registered_at=timezone.now(),
        source_url="https://polisen.se/vetlanda-medborgarlofte.pdf",
    )
    frozen.keep_signed_original(period, timezone.now())
    sign_in(client, people.coordinator)

    response = client.get(reverse("followups:archive_package", args=[period.pk]))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    readme = archive.read("lasmig.txt").decode("utf-8-sig")
    described = (
        "Portalens sammanställning av medborgarlöftet när det registrerades, "
        "inte det undertecknade dokumentet"
    )
    assert f"medborgarlofte-original.pdf: {described}." in readme
    listed = {row[0]: row[3] for row in rows(archive, "innehall.csv")[1:]}
    assert listed["medborgarlofte-original.pdf"] == described
    assert (
        "Källdokumentet ingår inte i paketet: det registrerades med sin webbadress, "
        "https://polisen.se/vetlanda-medborgarlofte.pdf"
    ) in readme
    assert not any(name.startswith("kalldokument/") for name in archive.namelist())


@pytest.mark.django_db
def test_a_signed_promises_package_keeps_its_signed_original(client, people, period):
    sign_in(client, people.coordinator)
    response = client.get(reverse("followups:archive_package", args=[period.pk]))
    readme = zipfile.ZipFile(io.BytesIO(response.content)).read("lasmig.txt").decode("utf-8-sig")
    assert (
        "medborgarlofte-original.pdf: Medborgarlöftet som det var när det undertecknades." in readme
    )
    assert "Källdokumentet ingår inte" not in readme
