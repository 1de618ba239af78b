"""Public views that serve a stored file: a file gone from the storage answers the Swedish 404
page (and a warning in the log), never a 500. Every such view is here: the signed original,
a report's PDF and a registered period's source document."""

import datetime
import logging

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from followups import frozen
from followups.models import Report, ReportKind, SignedOriginal
from promises.models import PeriodState, PromisePeriod
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n% stored\n"
NOT_FOUND_SV = "<h1>Sidan hittades inte</h1>"


def _signed_original(period: PromisePeriod):
    original = SignedOriginal(period=period, size=len(PDF), created_at=timezone.now())
    original.sha256 = frozen.store(original.pdf, "original.pdf", PDF)
    original.save()
    url = reverse("followups:signed_original", args=[period.municipality.slug, period.slug])
    return original.pdf, url


def _report_pdf(period: PromisePeriod):
    report = Report(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialrapport",
        body="Under tertialet genomfördes trafikkontroller.",
        covers_from=period.start_date,
        covers_to=period.start_date + datetime.timedelta(days=100),
        published_on=period.start_date + datetime.timedelta(days=110),
    )
    report.pdf_sha256 = frozen.store(report.pdf, "redovisning.pdf", PDF)
    report.save()
    args = [period.municipality.slug, period.slug, report.pk]
    return report.pdf, reverse("followups:report_pdf", args=args)


def _period_source(period: PromisePeriod):
    period.registered_at = timezone.now()
    period.source_file.save("vetlanda-2019.txt", ContentFile(b"Medborgarlofte 2019"), save=False)
    period.save()
    url = reverse("promises:period_source", args=[period.municipality.slug, period.slug])
    return period.source_file, url


STORED = {"signed_original": _signed_original, "report_pdf": _report_pdf, "source": _period_source}


@pytest.fixture
def period() -> PromisePeriod:
    return factories.period(
        "vetlanda",
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 12, 31),
        state=PeriodState.CLOSED,
    )


@pytest.mark.parametrize("kind", STORED)
def test_a_stored_file_is_served_while_it_is_there(client, period, kind):
    field, url = STORED[kind](period)
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    with field.storage.open(field.name, "rb") as stored:
        assert body == stored.read()


@pytest.mark.parametrize("kind", STORED)
def test_a_missing_stored_file_is_the_swedish_404_page_and_a_warning(client, caplog, period, kind):
    field, url = STORED[kind](period)
    field.storage.delete(field.name)
    assert not field.storage.exists(field.name)
    client.raise_request_exception = False

    with caplog.at_level(logging.WARNING, logger="config.stored_files"):
        response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert '<html lang="sv">' in page and NOT_FOUND_SV in page
    warnings = [r for r in caplog.records if r.name == "config.stored_files"]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
    assert field.name in warnings[0].getMessage()
