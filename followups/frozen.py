"""Documents frozen when they are made: the signed original and each published report's PDF.

The bytes are rendered once, stored unchanged through Django's storage API (the model's
FileField: `default_storage`, MEDIA_ROOT unless `STORAGES` says otherwise) with their SHA-256
checksum, and served as stored; `verified()` reads them back and checks the sum. A past promise
registered afterwards from its document gets its original when it is registered. A later
revision of the period, or a later log, changes the current pages, never these files.
"""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver

from followups.models import SignedOriginal
from promises import documents, lifecycle, registration
from promises.models import PromisePeriod


class ChecksumMismatch(Exception):
    """A stored document no longer matches the checksum taken when it was stored."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store(field: FieldFile, filename: str, data: bytes) -> str:
    """Store `data` in the model's file field under `filename` (not saving the model); return
    its SHA-256 checksum."""
    field.save(filename, ContentFile(data), save=False)
    return sha256(data)


def verified(field: FieldFile, checksum: str) -> bytes:
    """The stored bytes, after checking them against `checksum`."""
    with field.storage.open(field.name, "rb") as stored:
        data = stored.read()
    if sha256(data) != checksum:
        raise ChecksumMismatch(field.name)
    return data


def keep_signed_original(period: PromisePeriod, at: datetime.datetime) -> SignedOriginal:
    """Render the signing document of `period` as it is now and store it as its original."""
    data = documents.signing_pdf(period)
    original = SignedOriginal(period=period, size=len(data), created_at=at)
    filename = f"medborgarlofte-{period.municipality.slug}-{period.slug}-original.pdf"
    original.sha256 = store(original.pdf, filename, data)
    original.save()
    return original


@receiver(lifecycle.signed, dispatch_uid="followups_keep_signed_original")
def _signed(sender, period: PromisePeriod, at: datetime.datetime, **kwargs) -> None:
    keep_signed_original(period, at)


@receiver(registration.registered, dispatch_uid="followups_keep_registered_original")
def _registered(sender, period: PromisePeriod, at: datetime.datetime, **kwargs) -> None:
    keep_signed_original(period, at)
