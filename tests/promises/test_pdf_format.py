"""The portal's PDFs are PDF/A-2a: for the archive, and tagged for a screen reader."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from promises.documents import signing_pdf
from tests import factories


@pytest.mark.django_db
def test_the_signing_document_is_tagged_pdf_a_in_swedish():
    today = timezone.localdate()
    period = factories.period(
        "tranas", start=today - datetime.timedelta(days=10), end=today + datetime.timedelta(300)
    )
    promise = factories.promise(period, "Tryggare centrum")
    factories.activity(period, "Trafikkontroller").promises.add(promise)

    reader = PdfReader(io.BytesIO(signing_pdf(period)))

    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog  # tagged: headings, lists and tables for a reader
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "sv"
    metadata = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="2" pdfaid:conformance="A"' in metadata
    assert "/OutputIntents" in catalog  # the colour profile PDF/A asks for
