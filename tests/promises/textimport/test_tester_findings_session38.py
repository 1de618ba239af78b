"""A usability tester's registration of past promises from real-looking documents (session 38;
tests/fixtures/textimport/README.md): a count per span limited to a part of the year, a PDF's
page footer inside a wrapped item, a decision proposal registered as a signed promise, and a
scan's "po1isen" passing into the public texts."""

import pytest
from django.utils import translation

from promises.textimport.clean import clean
from promises.textimport.extract import extract_text
from promises.textimport.parser import parse
from promises.textimport.targets import read_target
from tests.promises.textimport.test_documents import DOCUMENTS


def read_item(item: str, period: str = "Löftet gäller 2026–2027.") -> object:
    """The one activity read from `item` listed under "Polisen ska:"."""
    document = parse(f"Medborgarlöfte\n\n{period}\n\nPolisen ska:\n- {item}\n")
    assert len(document.activities) == 1
    return document.activities[0]


# 1. A count per day, week or month limited to a part of the year: no target, with the note a
# scope the portal cannot count ("per termin") gives.

LIMITED = [
    (
        "genomföra minst 12 fotpatrulleringar per månad i centrum under sommarhalvåret",
        "per månad … under sommarhalvåret",
    ),
    ("besöka badplatserna minst en gång i veckan under sommarlovet", "i veckan under sommarlovet"),
    ("genomföra minst 4 trafikkontroller per vecka under sommaren", "per vecka under sommaren"),
    ("patrullera hamnen 2 ggr/dygn under vintern", "dygn under vintern"),
    ("genomföra två trygghetsvandringar per vecka under skolloven", "under skolloven"),
    ("hålla minst 2 föräldramöten i månaden under terminerna", "i månaden under terminerna"),
    ("genomföra minst 4 trafikkontroller per månad maj–augusti", "per månad maj–augusti"),
    ("ha fältassistenter ute minst tre kvällar i veckan jun–aug", "i veckan jun–aug"),
    ("genomföra minst 2 insatser per månad under höst- och vinterhalvåret", "höst- och vinter"),
    ("ha minst 3 kvällsvandringar i veckan under fotbolls-VM", "under fotbolls-VM"),
    ("fotpatrullera minst 2 g/vecka v. 26–32", "v. 26–32"),
    ("vara på plats fyra kvällar i veckan i juni, juli och augusti", "i juni, juli och augusti"),
]


@pytest.mark.parametrize(("item", "phrase"), LIMITED)
def test_a_count_per_span_in_a_part_of_the_year_proposes_no_target(item, phrase):
    activity = read_item(item)
    assert activity.target is None
    assert len(activity.uncertain) == 1
    assert phrase in activity.uncertain[0]
    with translation.override("sv"):
        assert "vilket portalen inte kan följa upp" in read_item(item).uncertain[0]


def test_the_limited_activity_is_titled_by_what_it_counts():
    activity = read_item(LIMITED[0][0])
    assert activity.title == "Fotpatrulleringar"


NOT_LIMITED = [
    # a time word alone says when, not how many
    ("Nattvandring varje fredag under sommaren", None),
    # a count per year, or over the period, in a part of the year counts as it did
    ("genomföra minst 10 trafikkontroller under sommaren", ("at_least", 10, "period")),
    ("genomföra minst 4 trafikkontroller per år under sommaren", ("at_least", 4, "year")),
    ("genomföra minst 8 kontroller per månad", ("at_least", 8, "month")),
    # a range of months that is the whole year limits nothing
    ("genomföra minst 8 kontroller per månad april–mars", ("at_least", 8, "month")),
]


@pytest.mark.parametrize(("item", "target"), NOT_LIMITED)
def test_a_part_of_the_year_without_a_count_per_span_changes_nothing(item, target):
    activity = read_item(item)
    read = activity.target and (activity.target.comparator, activity.target.value)
    assert read == (target and target[:2])
    if target:
        assert activity.target.scope == target[2]
    assert activity.uncertain == []


def test_a_part_of_the_year_that_holds_the_whole_validity_limits_nothing():
    """A promise for the summer ("1 juni–31 augusti 2025") counting per day "under juni–augusti"
    or "under sommaren" counts every day of its validity."""
    period = "Löftet gäller 1 juni 2025–31 augusti 2025."
    for item in (
        "patrullera Stora torget 2 ggr/dygn under juni–augusti",
        "patrullera Stora torget 2 ggr/dygn under sommaren",
    ):
        activity = read_item(item, period)
        assert (activity.target.value, activity.target.scope) == (2, "day")
    # …but not "under sommarlovet", whose days are not known
    assert read_item("patrullera torget 2 ggr/dygn under sommarlovet", period).target is None


def test_a_line_that_states_a_limited_target_still_is_read_as_a_target_line():
    """ "Aktivitet 1: minst 2 insatser i månaden under maj–augusti" under "Mål och uppföljning"
    still refers back to activity 1 (and the rows stay as they were): no target, the note."""
    document = parse(
        "Aktiviteter\n"
        "1. Polisen genomför riktade insatser i hamnområdet.\n"
        "2. Polisen håller föräldramöten på skolorna.\n\n"
        "Mål och uppföljning\n"
        "Aktivitet 1: minst 2 insatser i månaden under maj–augusti\n"
        "Aktivitet 2: minst 6 per år\n"
    )
    assert len(document.activities) == 2
    first, second = document.activities
    assert first.target is None and "i månaden under maj–augusti" in first.uncertain[-1]
    assert (second.target.value, second.target.scope) == (6, "year")


def test_the_testers_document_reads_its_summer_targets_as_none():
    document = parse((DOCUMENTS / "blind" / "sala-2024-2025-decision.txt").read_text())
    patrols = document.activities[0]
    assert patrols.text.startswith("Polisen åtar sig att genomföra minst 12 fotpatrulleringar")
    assert patrols.target is None
    assert "under sommarhalvåret" in patrols.uncertain[0]


def test_a_very_long_text_of_parts_of_the_year_is_read_quickly():
    import time

    text = "Polisen ska:\n" + "- minst 2 kontroller per vecka under sommarlovet\n" * 4000
    started = time.perf_counter()
    document = parse(text[:200_000])
    assert time.perf_counter() - started < 5
    assert all(activity.target is None for activity in document.activities)
    assert read_target("minst 2 per vecka " + "maj–augusti jun-aug " * 10_000)[0] is None


# 2. A PDF's page footer inside a wrapped item.

KOPING = DOCUMENTS / "blind" / "koping-2018-pdf-avstavning.txt"


def _koping_pdf(keep_own_headers: bool) -> bytes:
    """The Köping document as a PDF with a footer and page number on each page (CSS @page
    margin boxes). With its own page headers kept ("Medborgarlöfte Köping 2018 Sida 2 (3)"),
    as a document printed from a copy of another's pages, they stand inside the PDF's one
    page, one of them inside activity 2; without them, the page break falls inside it."""
    from django.utils.html import escape
    from weasyprint import HTML

    text = KOPING.read_text(encoding="utf-8")
    if keep_own_headers:
        body = f"<pre>{escape(text.replace(chr(12), ''))}</pre>"
    else:
        lines = [line for line in text.split("\n") if "Sida" not in line]
        text = "\n".join(lines).replace("\f", "")
        cut = text.index("  2 kvällar per månad,")
        body = (
            f"<pre>{escape(text[:cut])}</pre>"
            f'<pre style="break-before: page">{escape(text[cut:])}</pre>'
        )
    style = (
        "@page { size: A4; margin: 2cm; @bottom-center { content: 'Köpings kommun – "
        "Medborgarlöfte 2018 – sida ' counter(page); font-size: 9pt } } "
        "body { font-family: DejaVu Sans; font-size: 10pt; font-variant-ligatures: none } "
        "pre { font-family: DejaVu Sans; white-space: pre-wrap; margin: 0 }"
    )
    return HTML(
        string=f'<html lang="sv"><head><style>{style}</style></head><body>{body}</body></html>'
    ).write_pdf()


def _rows(document) -> list[tuple]:
    return [
        (
            " ".join(activity.text.split()),
            activity.target and (activity.target.value, activity.target.scope),
        )
        for activity in document.activities
    ]


@pytest.mark.parametrize("keep_own_headers", [True, False])
def test_a_pdfs_page_footer_inside_an_item_is_dropped_and_the_item_joined(keep_own_headers):
    pytest.importorskip("weasyprint")
    from_text = parse(KOPING.read_text(encoding="utf-8"))
    from_pdf = parse(extract_text("koping.pdf", _koping_pdf(keep_own_headers)))
    assert _rows(from_pdf) == _rows(from_text)
    texts = [text for text, _target in _rows(from_pdf)]
    assert (
        "fotpatrullera på Stora torget fredags- och lördagskvällar, minst 2 kvällar per månad"
        in texts
    )
    assert any(text.startswith("besöka samtliga högstadieskolor") for text in texts)
    assert "Sida 2" not in from_pdf.text and "Sida 3" not in from_pdf.text
    assert from_pdf.signatories == from_text.signatories
    if not keep_own_headers:
        assert "sida 1" not in from_pdf.text and "sida 2" not in from_pdf.text


def test_a_running_header_inside_a_page_is_dropped_wherever_it_stands():
    text = (
        "Polisen lovar att:\n"
        "- fotpatrullera på Stora torget fredags- och lördagskvällar, minst\n\n\n"
        "Medborgarlöfte Köping 2018        Sida 2 (3)\n\n"
        "  2 kvällar per månad,\n"
        "- besöka samtliga högstadieskolor en gång per termin.\n\n"
        "Medborgarlöfte Köping 2018        Sida 3 (3)\n\n"
        "Uppföljning\n"
    )
    cleaned = clean(text)
    assert "Sida" not in cleaned
    assert "lördagskvällar, minst\n2 kvällar per månad," in cleaned
    assert "per termin.\n\nUppföljning" in cleaned


def test_a_reference_to_a_page_is_no_running_header():
    text = (
        "Polisen lovar att:\n- genomföra trafikkontroller.\n\n"
        "Läs mer om lägesbilden på sida 4\n\nKommunen lovar att:\n- se över belysningen.\n\n"
        "Läs mer om lägesbilden på sida 7\n"
    )
    cleaned = clean(text)
    assert "på sida 4" in cleaned and "på sida 7" in cleaned
    # one header written once is none either
    assert "Rapport 2026 sida 3" in clean("Rapport 2026 sida 3\n\nPolisen lovar att:\n- x y z\n")


# 3. A decision proposal registered as a signed promise.

PROPOSAL_NOTE = "seems to be a proposal"


@pytest.mark.parametrize(
    ("top", "phrase"),
    [
        ("Tjänsteskrivelse\nMedborgarlöfte 2026\n", "Tjänsteskrivelse"),
        ("TJÄNSTEUTLÅTANDE\nDnr KS 2025/12\n", "TJÄNSTEUTLÅTANDE"),
        ("Medborgarlöfte 2026\n\nFörslag till beslut\nAtt anta löftet.\n", "Förslag till beslut"),
        (
            "Medborgarlöfte 2026\n\nKommunstyrelsen föreslås anta medborgarlöftet för 2026.\n",
            "föreslås anta",
        ),
    ],
)
def test_a_proposal_is_noted(top, phrase):
    body = (
        "Löftet gäller 2026.\n\nPolisen ska:\n- genomföra minst 10 trafikkontroller under året\n\n"
        "Sala den 15 januari 2026\n\nAnna Berg\nKommunstyrelsens ordförande\n"
    )
    with translation.override("en"):
        notes = parse(top + "\n" + body).uncertain
    assert [note for note in notes if PROPOSAL_NOTE in note and phrase in note]
    with translation.override("sv"):
        notes = parse(top + "\n" + body).uncertain
    assert any("verkar vara ett förslag" in note for note in notes)


def test_a_signed_promise_is_no_proposal():
    with translation.override("en"):
        for name in ("halmstad-2019-2020-signed.txt", "trollhattan-partners.txt"):
            notes = parse((DOCUMENTS / name).read_text(encoding="utf-8")).uncertain
            assert not [note for note in notes if PROPOSAL_NOTE in note], name
        # the words far down a long document, quoting the decision's history, are no proposal
        text = "Medborgarlöfte 2026\n\n" + "Polisen ska göra saker.\n" * 60
        text += "Kommunstyrelsen föreslås anta medborgarlöftet.\n"
        assert not [n for n in parse(text).uncertain if PROPOSAL_NOTE in n]


# 4. A scan's digits inside words.

SCAN_NOTE = "looks like a scan"


def test_a_digit_inside_a_word_notes_a_scan():
    text = (
        "Medborgarlöfte 2026\n\nUnder hösten genomförde po1isen en enkat.\n\n"
        "Polisen ska:\n- patrullera centrum varje 1ördag\n"
    )
    with translation.override("en"):
        notes = [note for note in parse(text).uncertain if SCAN_NOTE in note]
    assert len(notes) == 1 and "po1isen" in notes[0] and "1ördag" in notes[0]


def test_numbers_beside_words_are_no_scan():
    text = (
        "Medborgarlöfte 2026 för LPO Sala\n\nPolisen ska:\n"
        "- se över belysningen vid Storgatan 12\n- kontrollera trafiken på E10 v. 12\n"
        "- patrullera 2ggr/vecka och 1gång per år\n- ha jour 24/7\n- delta i SSPF-möten 4 ggr/år\n"
    )
    with translation.override("en"):
        assert not [note for note in parse(text).uncertain if SCAN_NOTE in note]
