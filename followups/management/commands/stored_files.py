"""The files the database names (signed originals, published reports' PDFs, registered periods'
source documents), saved to and restored from one archive next to a database backup.

    manage.py stored_files export ARCHIVE   every named file into ARCHIVE (a tar file)
    manage.py stored_files import ARCHIVE   the files of ARCHIVE that the database names, back
                                            into the storage (a file already there as stored
                                            is left as it is)
    manage.py stored_files check            every named file is in the storage, and matches
                                            the checksum taken when it was stored

They cannot be made again: a signed original is the text as it was signed, a report's PDF the
figures of its day. Read and written through Django's storage API, so the archive is the same
whichever storage holds them (MEDIA_ROOT, or an S3-compatible store). Built files (the open
data downloads under exports/) are made again from the database and are not named by it.
`scripts/backup.sh` runs export and import beside the database backup, and check after a
restore.
"""

import hashlib
import io
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.management.base import BaseCommand, CommandError
from django.db import models


@dataclass(frozen=True)
class StoredFile:
    name: str
    storage: Storage
    # The SHA-256 taken when it was stored, where the model keeps one.
    sha256: str = ""


def _checksum_field(model, field: models.FileField) -> str | None:
    """The field holding the file's SHA-256 (Report.pdf_sha256, SignedOriginal.sha256)."""
    names = {f.name for f in model._meta.concrete_fields}
    for name in (f"{field.name}_sha256", "sha256"):
        if name in names:
            return name
    return None


def stored_files() -> Iterator[StoredFile]:
    """Every file a row of the portal's own models names (not their history's copies of the
    names: a history row names a file its current row names, or one replaced on purpose)."""
    seen: set[str] = set()
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            checksum = _checksum_field(model, field)
            columns = [field.name] + ([checksum] if checksum else [])
            rows = model._default_manager.exclude(**{field.name: ""}).values_list(*columns)
            for name, *sha in rows.order_by(field.name).iterator():
                if name and name not in seen:
                    seen.add(name)
                    yield StoredFile(name, field.storage, sha[0] if sha else "")


# The largest file restored: far above any stored one (a source document is at most 1 MB, a PDF
# some hundred kB); a member's stated size is not trusted (a sparse member says little).
MAX_FILE_BYTES = 50 * 1024 * 1024


def _member_bytes(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes | None:
    """The member's bytes, read in pieces; None past `MAX_FILE_BYTES`."""
    source = tar.extractfile(member)
    data = bytearray()
    while chunk := source.read(1024 * 1024):
        data += chunk
        if len(data) > MAX_FILE_BYTES:
            return None
    return bytes(data)


def _in_place(stored: StoredFile, data: bytes) -> bool:
    """Whether the storage holds the file as it should be: as stored (by its checksum), or,
    for a file without one, with `data`'s bytes."""
    try:
        with stored.storage.open(stored.name, "rb") as current:
            present = current.read()
    except FileNotFoundError:
        return False
    if stored.sha256:
        return hashlib.sha256(present).hexdigest() == stored.sha256
    return present == data


def _put(stored: StoredFile, data: bytes) -> None:
    """Store `data` at the file's name, in place of what is there (a copy that is not as
    stored, or a file without checksum that differs)."""
    storage = stored.storage
    if storage.exists(stored.name):
        storage.delete(stored.name)
    saved = storage.save(stored.name, ContentFile(data))
    if saved != stored.name:
        raise CommandError(f"{stored.name} was stored as {saved}")


def _safe(name: str) -> bool:
    path = Path(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


class Command(BaseCommand):
    help = (
        "Save the files the database names (signed originals, report PDFs, source documents) "
        "to a tar archive, put them back from one, or check that each is stored unchanged."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["export", "import", "check"])
        parser.add_argument("archive", nargs="?", help="The tar file (export and import).")

    def handle(self, action: str, archive: str | None, **options) -> None:
        if action != "check" and not archive:
            raise CommandError(f"{action} needs the archive's file name.")
        if action == "export":
            self._export(Path(archive))
        elif action == "import":
            self._import(Path(archive))
        else:
            self._check()

    def _export(self, archive: Path) -> None:
        missing = []
        with tarfile.open(archive, "w") as tar:
            count = 0
            for stored in stored_files():
                try:
                    with stored.storage.open(stored.name, "rb") as source:
                        data = source.read()
                except FileNotFoundError:
                    missing.append(stored.name)
                    continue
                member = tarfile.TarInfo(stored.name)
                member.size, member.mtime, member.mode = len(data), int(time.time()), 0o600
                tar.addfile(member, io.BytesIO(data))
                count += 1
        self.stdout.write(f"stored_files: {count} files in {archive}")
        if missing:
            # The backup goes on (the database's own is whole); the operator must know.
            self.stderr.write(
                "stored_files: MISSING from the storage, not in the archive: " + ", ".join(missing)
            )

    def _import(self, archive: Path) -> None:
        if not archive.is_file():
            raise CommandError(f"{archive}: no such file")
        wanted = {stored.name: stored for stored in stored_files()}
        restored, kept, refused = 0, 0, []
        with tarfile.open(archive, "r") as tar:
            for member in tar:
                stored = wanted.get(member.name)
                # Only what the restored database names, at the name it names, once.
                if stored is None or not member.isfile() or not _safe(member.name):
                    continue
                data = _member_bytes(tar, member)
                if data is None:
                    refused.append(f"{member.name}: larger than {MAX_FILE_BYTES} bytes")
                    continue
                if stored.sha256 and hashlib.sha256(data).hexdigest() != stored.sha256:
                    # Never in place of the original: the archive's copy is not what was stored.
                    refused.append(f"{member.name}: does not match its checksum")
                    continue
                if _in_place(stored, data):
                    kept += 1
                else:
                    _put(stored, data)
                    restored += 1
                del wanted[member.name]
        self.stdout.write(f"stored_files: {restored} files restored, {kept} already in place")
        for problem in refused:
            self.stderr.write(f"stored_files: not restored: {problem}")
        if refused:
            raise CommandError(f"{len(refused)} files of the archive were not restored.")

    def _check(self) -> None:
        problems, count = [], 0
        for stored in stored_files():
            count += 1
            try:
                with stored.storage.open(stored.name, "rb") as source:
                    data = source.read()
            except FileNotFoundError:
                problems.append(f"{stored.name}: missing")
                continue
            if stored.sha256 and hashlib.sha256(data).hexdigest() != stored.sha256:
                problems.append(f"{stored.name}: does not match its checksum")
        for problem in problems:
            self.stderr.write(f"stored_files: {problem}")
        if problems:
            raise CommandError(f"{len(problems)} of {count} stored files are not as stored.")
        self.stdout.write(f"stored_files: all {count} stored files in place and unchanged")
