"""Promise documents for the import tests: the Vetlanda seed text, its reading written out by
hand (as the parser proposes it, with spans), and .docx/.pdf files generated from a text."""

import datetime
import io
from pathlib import Path

from promises.textimport.types import (
    ParsedActivity,
    ParsedDocument,
    ParsedPromise,
    ParsedTarget,
    TextSpan,
)

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
VETLANDA = "vetlanda-2020-2021-signed-promise.txt"


def seed_text(name: str = VETLANDA) -> str:
    """A seed document's text: from the project's fixtures (or the shared folder they copy)."""
    path = SEEDS / name if (SEEDS / name).exists() else SHARED_SEEDS / name
    return path.read_text(encoding="utf-8")


def _span(text: str, words: str) -> TextSpan | None:
    """Where `words` are in `text`; None where the text wraps them (a PDF's lines)."""
    start = text.find(words)
    return TextSpan(start, start + len(words)) if start >= 0 else None


def _activity(text, sentence, title, responsible, target=None, words=None, **fields):
    parsed_target = None
    if target is not None:
        comparator, value, unit, singular, scope = target
        parsed_target = ParsedTarget(
            comparator, value, unit, scope, singular, span=_span(text, words)
        )
    return ParsedActivity(
        text=sentence,
        title=title,
        responsible=responsible,
        target=parsed_target,
        span=_span(text, sentence),
        **fields,
    )


def vetlanda_reading(text: str | None = None) -> ParsedDocument:
    """What a reader proposes for the Vetlanda seed: 2 promises, 7 activities, 5 targets; the
    period is "i två år" from the signing, with no dates."""
    text = text if text is not None else seed_text()
    sentences = [
        line.removeprefix("- ").strip()
        for line in text.splitlines()
        if line.startswith("- ") and len(line) > 3
    ]
    promises = [ParsedPromise(text=s, span=_span(text, s)) for s in sentences[:2]]
    a = sentences[2:]
    activities = [
        _activity(
            text,
            a[0],
            "Implementera arbetsmetoden EST",
            "municipality",
            partners="Polisen och andra aktörer i kommunen",
        ),
        _activity(
            text,
            a[1],
            "Trafikkontroller",
            "police",
            ("at_least", 15, "trafikkontroller", "trafikkontroll", "period"),
            "minst femton trafikkontroller",
        ),
        _activity(
            text,
            a[2],
            "Flygande inspektioner",
            "police",
            ("at_least", 15, "tillfällen", "tillfälle", "period"),
            "vid minst femton tillfällen",
        ),
        _activity(
            text,
            a[3],
            "Trafikfrämjande åtgärder",
            "municipality",
            ("at_least", 2, "åtgärder", "åtgärd", "period"),
            "minst två hastighetsdämpande",
        ),
        _activity(
            text,
            a[4],
            "Riktade insatser mot narkotikabrott",
            "police",
            ("at_least", 15, "riktade insatser", "riktad insats", "period"),
            "minst femton riktade insatser",
        ),
        _activity(text, a[5], "Informationsinsatser", "municipality"),
        _activity(
            text,
            a[6],
            "Samverkansmöten",
            "unstated",
            ("at_least", 2, "samverkansmöten", "samverkansmöte", "period"),
            "minst två samverkansmöten",
            uncertain=["Texten säger inte vem som ansvarar."],
        ),
    ]
    return ParsedDocument(
        text=text,
        length_months=24,
        parties="joint",
        period_span=_span(text, "Dessa medborgarlöften gäller i två år."),
        promises=promises,
        activities=activities,
        uncertain=["Perioden anges som två år från undertecknandet, utan datum."],
    )


def small_reading(text: str = "Polisen ska genomföra minst tio trafikkontroller under 2027."):
    """A one-activity document with a stated year."""
    return ParsedDocument(
        text=text,
        start=datetime.date(2027, 1, 1),
        end=datetime.date(2027, 12, 31),
        year_only=True,
        promises=[],
        activities=[
            ParsedActivity(
                text=text,
                title="Trafikkontroller",
                responsible="police",
                target=ParsedTarget("at_least", 10, "trafikkontroller", "year", "trafikkontroll"),
                span=TextSpan(0, len(text)),
            )
        ],
    )


def docx_bytes(text: str) -> bytes:
    """`text` as a Word file: a heading, paragraphs, and lines starting "- " as a bullet list."""
    from docx import Document

    document = Document()
    for line in text.splitlines():
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    """`text` as a PDF with a text layer (WeasyPrint), one paragraph per line."""
    from django.utils.html import escape
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    html = f'<html lang="sv"><body style="font-family: DejaVu Sans">{paragraphs}</body></html>'
    return HTML(string=html).write_pdf()


def image_only_pdf_bytes() -> bytes:
    """A "scanned" PDF: one page with a picture and no text at all."""
    from weasyprint import HTML

    # A 1×1 grey PNG, drawn large: WeasyPrint embeds it as an image.
    png = (
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5E"
        "rkJggg=="
    )
    image = f'<img alt="" style="width:15cm" src="data:image/png;base64,{png}">'
    html = f"<html><body>{image}</body></html>"
    return HTML(string=html).write_pdf()
