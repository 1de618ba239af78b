"""manage.py stored_files: the files the database names, archived, put back and checked."""

import io
import tarfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone

from followups import frozen
from followups.models import SignedOriginal
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n% the signed text\n"


def run(*args) -> str:
    out = io.StringIO()
    call_command("stored_files", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def original():
    period = factories.period("vetlanda")
    stored = SignedOriginal(period=period, size=len(PDF), created_at=timezone.now())
    stored.sha256 = frozen.store(stored.pdf, "original.pdf", PDF)
    stored.save()
    return stored


def test_a_file_exported_deleted_and_imported_is_back_as_stored(original, tmp_path):
    archive = tmp_path / "files.tar"
    assert "1 files" in run("export", str(archive))
    default_storage.delete(original.pdf.name)
    with pytest.raises(CommandError, match="1 of 1 stored files are not as stored"):
        run("check")
    assert "1 files restored" in run("import", str(archive))
    assert default_storage.open(original.pdf.name).read() == PDF
    assert "all 1 stored files in place and unchanged" in run("check")
    # Imported again: already in place, nothing written.
    assert "0 files restored, 1 already in place" in run("import", str(archive))


def test_a_changed_file_does_not_pass_the_check(original):
    default_storage.delete(original.pdf.name)
    default_storage.save(original.pdf.name, io.BytesIO(b"%PDF-1.7\n% another text\n"))
    with pytest.raises(CommandError, match="not as stored"):
        run("check")


def test_an_archive_puts_back_only_what_the_database_names(original, tmp_path):
    archive = tmp_path / "files.tar"
    with tarfile.open(archive, "w") as tar:
        for name in (original.pdf.name, "../utanfor.pdf", "frozen/signed/okand.pdf"):
            member = tarfile.TarInfo(name)
            member.size = len(PDF)
            tar.addfile(member, io.BytesIO(PDF))
    default_storage.delete(original.pdf.name)
    assert "1 files restored" in run("import", str(archive))
    assert not default_storage.exists("frozen/signed/okand.pdf")


def test_an_archives_copy_that_is_not_as_stored_never_replaces_anything(original, tmp_path):
    """A forged or damaged copy in the archive: the original, as stored, stays; a missing one
    is not replaced by it either; the import says so and fails."""
    archive = tmp_path / "files.tar"
    forged = b"%PDF-1.4 forged\n"
    with tarfile.open(archive, "w") as tar:
        member = tarfile.TarInfo(original.pdf.name)
        member.size = len(forged)
        tar.addfile(member, io.BytesIO(forged))
    with pytest.raises(CommandError, match="1 files of the archive were not restored"):
        run("import", str(archive))
    assert default_storage.open(original.pdf.name).read() == PDF
    default_storage.delete(original.pdf.name)
    with pytest.raises(CommandError):
        run("import", str(archive))
    assert not default_storage.exists(original.pdf.name)


def test_the_first_good_copy_of_a_name_given_twice_is_kept(original, tmp_path):
    archive = tmp_path / "files.tar"
    with tarfile.open(archive, "w") as tar:
        for data in (PDF, b"%PDF-1.4 a second copy\n"):
            member = tarfile.TarInfo(original.pdf.name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    default_storage.delete(original.pdf.name)
    assert "1 files restored" in run("import", str(archive))
    assert default_storage.open(original.pdf.name).read() == PDF
