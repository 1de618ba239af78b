"""Open data files: the CSV, CSV for Excel and JSON writers, and the built files.

A download is built whole before its first byte is sent (`Export.build`: into a temporary file,
in memory up to a few MB, then on disk) and answered with its exact length, so an error while
building becomes an error page, never a cut-off file. Built files are kept in the default file
storage for the public data version they were built from (`Export.open`) and reused until the
public data change.
"""

import csv
import dataclasses
import datetime
import gc
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy

from activities.spreadsheet import safe_cell
from config import public_cache
from followups.opendata.datasets import Dataset, code_lists
from followups.opendata.datasets.columns import CODE
from followups.opendata.rows import LIST_SEPARATOR, Row
from municipalities.models import County, Municipality

logger = logging.getLogger(__name__)

# What a file holds: one municipality's rows, one county's (its municipalities' files put
# together), or (None) the whole country's.
Place = Municipality | County | None

# Rows per chunk written to the client: fewer, larger writes.
ROWS_PER_WRITE = 200
# A byte order mark lets Excel recognise the CSV as UTF-8; the standard CSV goes without.
CSV_BOM = "\ufeff"


@dataclass(frozen=True)
class Format:
    """A download format: its file extension, content type, writer and file name suffix."""

    extension: str
    content_type: str
    write: Callable[[Dataset, Iterable[Row]], Iterator[str]]
    variant: str = ""


# Yes and no in the CSV for Excel, as a Swedish reader writes them; the other forms keep true and
# false for programs.
EXCEL_TRUE = pgettext_lazy("open data value", "yes")
EXCEL_FALSE = pgettext_lazy("open data value", "no")


def _excel_value(value: Any) -> str:
    """A cell of the CSV for Swedish Excel: a number with a fraction has a decimal comma, which
    Excel set up for Swedish reads as a number (a point makes it a date or text), and true and
    false are "ja" and "nej"."""
    if isinstance(value, bool):
        return str(EXCEL_TRUE if value else EXCEL_FALSE)
    if isinstance(value, (Decimal, float)):
        return _csv_value(value).replace(".", ",")
    return _csv_value(value)


def _csv_value(value: Any) -> str:
    """A CSV cell: text a spreadsheet would run as a formula gets an apostrophe first."""
    if isinstance(value, str):  # most cells
        return safe_cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return safe_cell(LIST_SEPARATOR.join(str(item) for item in value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class _Echo:
    """A file-like object whose write returns the value, so csv.writer produces strings."""

    def write(self, value: str) -> str:
        return value


def _write_csv(
    dataset: Dataset,
    rows: Iterable[Row],
    *,
    delimiter: str,
    prefix: str,
    header: list[str],
    cell: Callable[[Any], str] = _csv_value,
    labels: dict[str, dict[str, str]] | None = None,
) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    # The headings are our own words, none starting like a formula (a test says so).
    yield prefix + writer.writerow(header)
    names = dataset.column_names
    # The code columns' places and the words for their codes (other columns as they are).
    coded = [(names.index(name), words) for name, words in (labels or {}).items()]
    buffer: list[str] = []
    for row in rows:
        values = [row[name] for name in names]
        for index, words in coded:
            values[index] = words.get(values[index], values[index])
        buffer.append(writer.writerow([cell(value) for value in values]))
        if len(buffer) >= ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def write_csv(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """Standard CSV (RFC 4180: comma, CRLF) in UTF-8 with a header row of the column names."""
    return _write_csv(dataset, rows, delimiter=",", prefix="", header=dataset.column_names)


def write_excel_csv(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """CSV as Swedish Excel opens it: a header row of Swedish headings, each code as the words
    it stands for ("Polisen", "per år", "i fas"; a journalist read "police", "year", "on_track"),
    semicolons, decimal commas, ja and nej, CRLF, UTF-8 with a byte order mark."""
    return _write_csv(
        dataset,
        rows,
        delimiter=";",
        prefix=CSV_BOM,
        header=dataset.column_headings,
        cell=_excel_value,
        labels=code_labels(dataset),
    )


def code_labels(dataset: Dataset) -> dict[str, dict[str, str]]:
    """Each code column of `dataset` (those the open data page explains, `code_lists`) with its
    codes and the words they stand for, in the active language."""
    lists = dict(code_lists())
    return {
        column.name: {code: str(label) for code, label in lists[column.name]}
        for column in dataset.columns
        if column.type == CODE and column.name in lists
    }


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"Cannot write {type(value).__name__} as JSON.")


def write_json(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """A JSON array of objects keyed by the column names, written one chunk of rows at a time."""
    names = dataset.column_names
    yield "["
    separator = "\n"
    buffer: list[str] = []
    for row in rows:
        ordered = {name: row[name] for name in names}
        buffer.append(separator + json.dumps(ordered, ensure_ascii=False, default=_json_default))
        separator = ",\n"
        if len(buffer) >= ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    buffer.append(JSON_END.decode())
    yield "".join(buffer)


# How a JSON file ends and a CSV line ends (a county's file is put together from them).
JSON_END = b"\n]\n"
CSV_LINE_END = b"\r\n"


# "excel" is served at <dataset>-excel.csv (see followups/urls.py), the others at <dataset>.<key>.
FORMATS = {
    "csv": Format("csv", "text/csv; charset=utf-8", write_csv),
    "excel": Format("csv", "text/csv; charset=utf-8", write_excel_csv, variant="-excel"),
    "json": Format("json", "application/json", write_json),
}


def export(
    dataset: Dataset,
    fmt: Format,
    place: Municipality | None,
    base_url: str,
    today: datetime.date | None = None,
) -> Iterator[str]:
    """The dataset's rows in the format, lazily; queries run as the result is consumed."""
    today = today or timezone.localdate()
    return fmt.write(dataset, dataset.rows(place, base_url, today))


def filename(dataset: Dataset, fmt: Format, place: Place) -> str:
    """e.g. medborgarloften-vetlanda-aktiviteter.csv, medborgarloften-loften-excel.csv or
    medborgarloften-jonkopings-lan-genomforda-aktiviteter.json"""
    parts = ["medborgarloften"]
    if place is not None:
        parts.append(place.slug)
    parts.append(dataset.slug)
    return f"{'-'.join(parts)}{fmt.variant}.{fmt.extension}"


def dated(name: str, day: datetime.date) -> str:
    """A download's name with the day its figures are from before its extension:
    medborgarloften-aktiviteter-2026-12-06.csv (a saved file is quoted with its day)."""
    stem, _dot, extension = name.rpartition(".")
    return f"{stem}-{day.isoformat()}.{extension}"


# Files: built whole, kept per public data version.

# A file is built in memory up to this size, then on disk.
SPOOL_MAX_BYTES = 4 * 1024 * 1024
# Folder of the default storage holding the built files: a folder for the national files, one
# per municipality and one per county (their versions change apart, config/public_cache.py), in
# each a subfolder per version and day.
EXPORTS_FOLDER = "exports"
NATIONAL_FOLDER = "nationella"
MUNICIPALITY_FOLDER_PREFIX = "kommun-"
COUNTY_FOLDER_PREFIX = "lan-"


@dataclass(frozen=True)
class Export:
    """One download: a dataset in a format, national, of one municipality or of one county, as
    of one day."""

    dataset: Dataset
    fmt: Format
    place: Place
    base_url: str
    today: datetime.date

    @property
    def filename(self) -> str:
        return filename(self.dataset, self.fmt, self.place)

    @property
    def download_name(self) -> str:
        """The name the file is downloaded as: with the day its figures are counted on (a
        kept file is kept for that day alone, `storage_name`)."""
        return dated(self.filename, self.today)

    def storage_name(self, version: str) -> str:
        """Where the file built from the public data of `version` is kept.

        The rows depend on the day too (periods in force, pace), on the site's address
        (`SITE_URL`) and on the language (the url columns: `/en/…` in the English file, and the
        words of the statuses), so all three are part of the name: the English file was served
        as the Swedish one to whoever came second, and the other way round.
        """
        site = hashlib.sha256(f"{self.base_url} {get_language()}".encode()).hexdigest()[:12]
        folder = _folder(version, self.today)
        return f"{EXPORTS_FOLDER}/{self.scope_folder}/{folder}/{site}-{self.filename}"

    @property
    def scope_folder(self) -> str:
        """The folder of the files whose version this file's follows."""
        if self.place is None:
            return NATIONAL_FOLDER
        if isinstance(self.place, County):
            return COUNTY_FOLDER_PREFIX + self.place.slug
        return MUNICIPALITY_FOLDER_PREFIX + self.place.slug

    def kept_etag(self, version: str) -> str | None:
        """The ETag of the file kept for `version`, from what it holds; None when none is kept.

        Never from the version itself: that moves with every write in the municipality, an
        internal one too (a draft, a log's internal note), and an ETag made from it told anyone
        polling a download when its staff were at work (as `page_cache._etag` says of pages).
        """
        entry = _stored_entry(self.storage_name(version))
        return None if entry is None else _etag(entry[2])

    def kept_at(self, version: str) -> datetime.datetime | None:
        """When the file kept for `version` was built (its figures computed); None when none
        is kept."""
        entry = _stored_entry(self.storage_name(version))
        return None if entry is None else datetime.datetime.fromtimestamp(entry[3], datetime.UTC)

    def build(self) -> IO[bytes]:
        """The whole file, positioned at its start; any error (a query failing) raises here. A
        county's is put together from its municipalities' files (`_assemble`)."""
        # Not a with block: the response sends the file and closes it.
        file = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115
        with _without_cycle_collection():
            try:
                if isinstance(self.place, County):
                    self._assemble(file)
                else:
                    for text in export(
                        self.dataset, self.fmt, self.place, self.base_url, self.today
                    ):
                        file.write(text.encode())
                file.seek(0)
            except BaseException:
                file.close()
                raise
        return file

    def _assemble(self, file: IO[bytes]) -> None:
        """Write a county's file: its municipalities' files in code order, each the one kept
        for its own version (built and kept when there is none), so that after a write in one
        municipality only that one's rows are read again (reading the whole county's took
        9–11 s for Västra Götalands län's 165,000 logs). The rows are those of a file built
        from the county's rows at once; the header row (a CSV's, with the Excel form's byte
        order mark) comes once, and the JSON arrays become one."""
        is_json = self.fmt.extension == "json"
        file.write(b"[" if is_json else b"")
        written = False
        for municipality in self.place.municipalities.order_by("code"):
            part = dataclasses.replace(self, place=municipality)
            with part.open(public_cache.current_version(municipality.slug)) as stored:
                data = stored.read()
            if is_json:
                rows = data[len(b"[") : -len(JSON_END)]  # "\n{…},\n{…}", or nothing
                if rows:
                    file.write(b"," + rows if written else rows)
                    written = True
            elif not written:
                file.write(data)  # with its header row
                written = True
            else:
                file.write(data[data.index(CSV_LINE_END) + len(CSV_LINE_END) :])
        file.write(JSON_END if is_json else b"")

    def open(self, version: str | None) -> IO[bytes]:
        """The whole file: the one kept for `version` if there is one, else built and kept.

        Without a version (the cache cannot be reached) the file is built and not kept.
        """
        if version is None:
            return self.build()
        name = self.storage_name(version)
        stored = _open_stored(name)
        if stored is not None:
            return stored
        with _building(name) as first:
            if not first:
                # Another worker (on any host) builds this file: wait for it rather than build
                # the same file beside it, on the same cores and database.
                stored = _wait_for_stored(name)
                if stored is not None:
                    return stored
            built_at = timezone.now()
            file = self.build()
            if _store(name, file, built_at):
                _delete_other_folders(self.scope_folder, _folder(version, self.today))
        file.seek(0)
        return file


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a national file is built.

    The build makes about a million short-lived objects (rows, dates, sums), which reference
    counting frees as it goes; the collector, run every few hundred allocations, would walk
    every live object again and again: a fifth of a national build, measured. It runs
    again afterwards, also when the build fails, and was paused only if it was running.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _folder(version: str, today: datetime.date) -> str:
    return f"{version}-{today.isoformat()}"


def _stored_key(name: str) -> str:
    return "opendata-export:" + hashlib.sha256(name.encode()).hexdigest()


def _stored_entry(name: str) -> tuple[str, int, str, float] | None:
    """What the shared cache records of the kept file `name`: its name in the storage, its size,
    the digest of its content and when it was built (a POSIX timestamp: its Last-Modified);
    None when nothing (or a record of an earlier layout) is."""
    try:
        entry = caches[settings.PUBLIC_CACHE_ALIAS].get(_stored_key(name))
    except Exception:
        logger.warning("Stored export %s not looked up", name, exc_info=True)
        return None
    return entry if isinstance(entry, tuple) and len(entry) == 4 else None


def _digest(file: IO[bytes]) -> str:
    """The sha256 of a file's content, read from its start; the file is left at its start."""
    file.seek(0)
    digest = hashlib.sha256()
    while chunk := file.read(1024 * 1024):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _etag(digest: str) -> str:
    return '"' + digest[:32] + '"'


def content_etag(file: IO[bytes]) -> str:
    """The ETag of a file that was built but not kept (the storage failed)."""
    return _etag(_digest(file))


def _open_stored(name: str) -> IO[bytes] | None:
    """The kept file, or None. Only a file recorded as whole counts: the storage may show a
    file while another worker is still writing it."""
    try:
        entry = _stored_entry(name)
        if entry is None:
            return None
        stored_name, size = entry[:2]
        if default_storage.size(stored_name) != size:
            return None
        return default_storage.open(stored_name, "rb")
    except FileNotFoundError:  # Deleted with an older version, or kept on another host.
        return None
    except Exception:
        logger.warning("Stored export %s not read", name, exc_info=True)
        return None


# One build of a file at a time (single flight): the worker that takes the file's key in the
# shared cache builds it; the others wait for the kept file, at most BUILD_WAIT_SECONDS (below
# gunicorn's 30 s timeout), then build it themselves. A key outlives a worker killed mid-build
# by at most BUILD_LOCK_SECONDS.
BUILD_LOCK_SECONDS = 60
BUILD_WAIT_SECONDS = 10
BUILD_POLL_SECONDS = 0.1


def _building_key(name: str) -> str:
    return "opendata-building:" + hashlib.sha256(name.encode()).hexdigest()


@contextmanager
def _building(name: str) -> Iterator[bool]:
    """True when this worker is the one to build `name` (it took the key, given back after the
    build, also when it fails), False when another one holds it. Without the cache, True."""
    cache, key, token = caches[settings.PUBLIC_CACHE_ALIAS], _building_key(name), os.urandom(8)
    try:
        first = cache.add(key, token, BUILD_LOCK_SECONDS)
    except Exception:
        logger.warning("Export %s built without its key", name, exc_info=True)
        yield True
        return
    try:
        yield first
    finally:
        if first:
            try:
                if cache.get(key) == token:  # not a later builder's, after a very slow build
                    cache.delete(key)
            except Exception:
                logger.warning("Key of export %s not given back", name, exc_info=True)


def _wait_for_stored(name: str) -> IO[bytes] | None:
    """The file another worker is building, once kept; None when it gave its key back without
    keeping it (its build failed) or after BUILD_WAIT_SECONDS."""
    cache, key = caches[settings.PUBLIC_CACHE_ALIAS], _building_key(name)
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(BUILD_POLL_SECONDS)
        stored = _open_stored(name)
        if stored is not None:
            return stored
        try:
            if cache.get(key) is None:
                return _open_stored(name)
        except Exception:
            return None
    return None


def _store(name: str, file: IO[bytes], built_at: datetime.datetime | None = None) -> bool:
    """Keep a built file, then record it as whole in the shared cache; False if not kept.

    Two workers building the same file both save it (the storage gives the second another
    name); either copy is whole, and the record points at one of them.
    """
    try:
        size = file.seek(0, os.SEEK_END)
        digest = _digest(file)
        stored_name = default_storage.save(name, File(file, name=os.path.basename(name)))
        entry = (stored_name, size, digest, (built_at or timezone.now()).timestamp())
        caches[settings.PUBLIC_CACHE_ALIAS].set(_stored_key(name), entry, None)
    except Exception:  # A full disk must not fail the download: it is served unkept.
        logger.warning("Export %s not stored", name, exc_info=True)
        return False
    return True


def _delete_other_folders(scope: str, keep: str) -> None:
    """Delete the files of the scope's other versions and days; errors are ignored (next time,
    then). With the national files go those of the earlier layout, one folder per version."""
    scopes = [f"{EXPORTS_FOLDER}/{scope}"]
    if scope == NATIONAL_FOLDER:
        scopes.append(EXPORTS_FOLDER)
    for parent in scopes:
        try:
            folders, _files = default_storage.listdir(parent)
        except Exception:
            continue
        for folder in folders:
            if folder == keep or (
                parent == EXPORTS_FOLDER
                and (
                    folder == NATIONAL_FOLDER
                    or folder.startswith((MUNICIPALITY_FOLDER_PREFIX, COUNTY_FOLDER_PREFIX))
                )
            ):
                continue
            _delete_folder(f"{parent}/{folder}")


def _delete_folder(path: str) -> None:
    try:
        _dirs, files = default_storage.listdir(path)
        for name in files:
            default_storage.delete(f"{path}/{name}")
        default_storage.delete(path)
    except Exception:
        logger.info("Old exports in %s not deleted", path, exc_info=True)
