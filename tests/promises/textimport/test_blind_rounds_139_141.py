"""Blind rounds 139 to 141 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.formats.ascii_arrows import ascii_arrows_read
from promises.textimport.formats.disclosures import disclosures_read
from promises.textimport.formats.double_spacing import double_spacing_read
from promises.textimport.formats.letter_codes import letter_codes_read
from promises.textimport.formats.radio_options import radio_options_read
from promises.textimport.formats.wiki_templates import wiki_templates_read
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "goteborg-hjallbo-2027-dubbelt-radavstand.txt": (
        ["Vi lovar att arbeta för ett tryggare Hjällbotorget och en lu"],
        [
            ("fotpatrullera på Hjällbotorget", "police", ("at_least", 3)),
            ("genomföra 12 riktade insatser ", "police", ("count", 12)),
            ("besöka Hjällboskolans föräldra", "police", None),
            ("ha fältassistenter ute på torg", "municipality", None),
            ("ordna cirka 20 kvällsöppna akt", "municipality", ("at_least", 20)),
            ("klippa ner buskage och förbätt", "municipality", None),
            ("genomföra 2 trygghetsvandringa", "joint", ("count", 2)),
            ("följa upp löftet i samverkansg", "joint", ("count", 1)),
        ],
    ),
    "helsingborg-husensjo-2026-brev-hej-alla-boende.txt": (
        [],
        [
            ("Vi lovar att arbeta för säkrar", "unstated", None),
        ],
    ),
    "linkoping-johannelund-2026-2027-part-a-part-b.txt": (
        [],
        [
            ("Löfte Parterna lovar invånarna", "other", None),
            ("Part A åtar sig att genomföra ", "police", ("at_least", 2)),
            ("Part A åtar sig att hålla 4 in", "police", ("count", 4)),
            ("Part A åtar sig att delta i gr", "police", None),
            ("Part B åtar sig att starta gra", "municipality", ("at_least", 6)),
            ("Part B åtar sig att se över be", "municipality", None),
            ("Part B åtar sig att ha fältass", "municipality", ("count", 2)),
            ("Parterna åtar sig gemensamt at", "joint", None),
            ("Parterna åtar sig gemensamt at", "joint", None),
        ],
    ),
    "malmo-oxie-2026-2027-allt-pa-en-rad.txt": (
        ["Vårt löfte Vi lovar att arbeta för säkrare skolvägar i Oxie "],
        [],
    ),
    "norrkoping-marielund-2027-ascii-pilar.txt": (
        ["Vi lovar att arbeta för att minska skadegörelsen och att fle"],
        [
            ("Fotpatrullering kring Marielun", "police", ("at_least", 2)),
            ("8 riktade insatser mot skadegö", "police", ("count", 8)),
            ("Besök på Marielundsskolan varj", "police", None),
            ("Klottersanering inom 48 timmar", "municipality", None),
            ("Öppen fritidsgård fre-lör, 2 k", "municipality", ("count", 2)),
            ("Cirka 6 föräldraträffar under ", "municipality", ("at_least", 6)),
            ("Trygghetsvandring 2 gånger per", "joint", ("count", 2)),
            ("Uppföljning i Brå varje månad", "joint", None),
        ],
    ),
    "orebro-tybble-2026-2027-mediawiki-mallar.txt": (
        ["Vi lovar att arbeta för en tryggare miljö vid Tybble torg oc"],
        [
            ("Fotpatrullering vid Tybble tor", "police", ("at_least", 3)),
            ("Kontroller av bilar på parkeri", "police", ("count", 10)),
            ("Besök på Tybble gymnasium", "police", None),
            ("Bättre belysning på parkeringa", "municipality", None),
            ("Kvällsöppen fritidsgård", "municipality", ("count", 4)),
            ("Brandskyddsronder i garagen", "other", None),
            ("Trygghetsvandringar", "joint", ("count", 2)),
            ("Uppföljning i Brå-gruppen", "joint", None),
        ],
    ),
    "umea-mariehem-2026-2027-webbformular-radioknappar.txt": (
        ["Mariehem", "Vi lovar att arbeta för en tryggare kvällsmiljö vid Mariehem"],
        [
            ("Fotpatrullering vid Mariehems ", "police", ("at_least", 2)),
            ("Hastighetskontroller på Marieh", "police", None),
            ("Skolvärdar vid övergångsställe", "municipality", None),
            ("Fältassistenter i centrum", "municipality", ("count", 3)),
            ("Nattvandringar", "other", None),
            ("Trygghetsvandringar med boende", "joint", ("at_least", 3)),
            ("Uppföljning av löftet i Brå", "joint", ("count", 2)),
        ],
    ),
    "uppsala-valsatra-2026-markdown-details-summary.txt": (
        ["Vi lovar att arbeta för att boende i Valsätra ska känna sig "],
        [
            ("Klicka på en part för att se d", "unstated", None),
            ("Fotpatrullerar vid Valsätra ce", "police", ("at_least", 2)),
            ("Genomför 8 trafikkontroller på", "police", ("count", 8)),
            ("Besöker Valsätraskolan en gång", "police", None),
            ("Har fältassistenter i området ", "municipality", None),
            ("Röjer sly och byter belysning ", "municipality", None),
            ("Ordnar minst 4 föräldraträffar", "municipality", ("at_least", 4)),
            ("Genomför 2 trygghetsvandringar", "joint", ("count", 2)),
            ("Följer upp löftet i Valsätra t", "joint", None),
            ("Installerar ny belysning i 3 g", "unstated", None),
        ],
    ),
    "vasteras-vallby-2026-bokstavstaggar-p-s.txt": (
        ["Vi lovar att arbeta för ett tryggare Vallby centrum och för "],
        [
            ("Fotpatrullering vid Vallby cen", "police", ("at_least", 2)),
            ("Trafikkontroller på Vallbylede", "police", ("count", 12)),
            ("Information om bedrägerier på ", "police", None),
            ("Fältassistenter ute fredag och", "municipality", None),
            ("Ny belysning vid gångtunneln u", "municipality", None),
            ("Cirka 10 lovaktiviteter för un", "municipality", ("at_least", 10)),
            ("Städning av gårdar och källarf", "other", None),
            ("Trygghetsvandringar med boende", "joint", None),
            ("Uppföljning i Brå-gruppen varj", "joint", None),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_documents(name):
    promises, rows = DOCUMENTS[name]
    document = read(f"blind/{name}")
    assert [promise.text[:60] for promise in document.promises] == promises
    assert owners_and_targets(document) == rows


def _read(text):
    return [
        (
            activity.text,
            activity.responsible,
            activity.target and (activity.target.comparator, activity.target.value),
        )
        for activity in parse(text).activities
    ]


DOUBLE_SPACED = """Vårt löfte

Vi lovar att arbeta för ett tryggare torg.


Polisen ska

• fotpatrullera på torget minst 3 kvällar i

veckan

• genomföra 12 riktade insatser under

året


Kommunen ska

• ordna cirka 20 kvällsaktiviteter under året
"""


def test_a_text_in_double_line_spacing_has_its_lines_joined_again():
    """A PDF in double line spacing: before, each wrapped line of an item was a paragraph of
    its own, so "veckan" and "året" were lost and the targets read over the period."""
    assert double_spacing_read(DOUBLE_SPACED).split("\n")[3:7] == [
        "Polisen ska",
        "• fotpatrullera på torget minst 3 kvällar i",
        "veckan",
        "• genomföra 12 riktade insatser under",
    ]
    assert _read(DOUBLE_SPACED) == [
        ("fotpatrullera på torget minst 3 kvällar i veckan", "police", ("at_least", 3)),
        ("genomföra 12 riktade insatser under året", "police", ("count", 12)),
        ("ordna cirka 20 kvällsaktiviteter under året", "municipality", ("at_least", 20)),
    ]
    # Paragraphs set apart by one blank line, never two, stay as they are; so do lines that
    # never run on into the next.
    paragraphs = "".join(f"Stycke {n} om torget\n\nsom fortsätter här.\n\n" for n in range(6))
    assert double_spacing_read(paragraphs) == paragraphs
    items = "".join(f"- Punkt {n}.\n\n" for n in range(9)) + "\n\n- Sista.\n"
    assert double_spacing_read(items) == items


DISCLOSURES = """## Aktiviteter

<details>
<summary><b>Polisen</b></summary>

- Fotpatrullerar vid torget minst 2 kvällar i veckan
- Genomför 8 trafikkontroller under året

</details>

<details>
<summary>Västby kommun</summary>

- Ordnar minst 4 föräldraträffar<br>under året

</details>
"""


def test_html_disclosures_in_markdown_give_each_summary_as_a_heading():
    """ "<details>" and "<summary><b>Polisen</b></summary>": before, the summary was an
    activity, the police's items had no owner and the municipality's were lost."""
    assert disclosures_read(DISCLOSURES).split("\n")[2:5] == [
        "Polisen",
        "- Fotpatrullerar vid torget minst 2 kvällar i veckan",
        "- Genomför 8 trafikkontroller under året",
    ]
    assert _read(DISCLOSURES) == [
        ("Fotpatrullerar vid torget minst 2 kvällar i veckan", "police", ("at_least", 2)),
        ("Genomför 8 trafikkontroller under året", "police", ("count", 8)),
        ("Ordnar minst 4 föräldraträffar under året", "municipality", ("at_least", 4)),
    ]
    # Without a summary on a line of its own, the text is left to the readers of HTML.
    inline = "<p>Text <summary>a</summary> b</p>\n<details>\n"
    assert disclosures_read(inline) == inline


WIKI_TEMPLATES = """== Aktiviteter ==
{{Aktivitet
| text       = Fotpatrullering vid torget
| ansvar     = Polisen
| omfattning = minst 3 kvällar i veckan
}}
{{Aktivitet
| text       = Brandskyddsronder i garagen
| ansvar     = Västbyhem
| omfattning =
}}
{{Aktivitet
| text       = Trygghetsvandringar
| ansvar     = Gemensamt
| omfattning = 2 per år
}}
"""


def test_a_wikis_templates_are_read_as_blocks_of_labelled_lines():
    """ "{{Aktivitet | text = … | ansvar = … | omfattning = … }}": before, nothing was read."""
    assert wiki_templates_read(WIKI_TEMPLATES).split("\n")[1:5] == [
        "",
        "Aktivitet: Fotpatrullering vid torget",
        "Ansvar: Polisen",
        "Omfattning: minst 3 kvällar i veckan",
    ]
    assert _read(WIKI_TEMPLATES) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 3)),
        ("Brandskyddsronder i garagen", "other", None),
        ("Trygghetsvandringar", "joint", ("count", 2)),
    ]
    # Templates without a text (an infobox) and one template alone stay as they are.
    infobox = "{{Infobox\n| kommun = Västby kommun\n}}\n{{Infobox\n| polis = Polisen\n}}\n"
    assert wiki_templates_read(infobox) == infobox
    alone = "{{Aktivitet\n| text = a\n}}\n"
    assert wiki_templates_read(alone) == alone


ARROWS = """Aktiviteter (aktivitet => ansvarig):
-> Fotpatrullering kring centrum, minst 2 kvällar/vecka => Polisen
-> Cirka 6 föräldraträffar under året => Kommunen
-> Trygghetsvandring 2 gånger per år => Polisen + kommunen
"""


def test_typed_arrows_are_bullets_and_a_trailing_arrow_names_the_owner():
    """ "-> … => Polisen": before, no activity was read, the heading's parenthesis keeping it
    from opening the list."""
    assert ascii_arrows_read(ARROWS).split("\n")[:2] == [
        "Aktiviteter:",
        "• Fotpatrullering kring centrum, minst 2 kvällar/vecka (Polisen)",
    ]
    assert _read(ARROWS) == [
        ("Fotpatrullering kring centrum, minst 2 kvällar/vecka", "police", ("at_least", 2)),
        ("Cirka 6 föräldraträffar under året", "municipality", ("at_least", 6)),
        ("Trygghetsvandring 2 gånger per år", "joint", ("count", 2)),
    ]
    # Arrows inside lines, and one arrow item alone, stay.
    dates = "Giltigt: 2027-01-01 -> 2027-12-31\nKommunen <-> Polisen\n-> Ett\n"
    assert ascii_arrows_read(dates) == dates


RADIO_FORM = """--- Aktivitet 1 ---
Beskrivning: Fotpatrullering vid centrum
Ansvarig part: (•) Polisen  ( ) Västby kommun  ( ) Gemensamt  ( ) Annan
Omfattning: minst 2 kvällar i veckan

--- Aktivitet 2 ---
Beskrivning: Nattvandringar
Ansvarig part: ( ) Polisen  ( ) Västby kommun  ( ) Gemensamt  (x) Annan: Nattvandrarna Västby
Omfattning: varannan fredag

--- Aktivitet 3 ---
Beskrivning: Trygghetsvandringar
Ansvarig part: ( ) Polisen  ( ) Västby kommun  (•) Gemensamt  ( ) Annan
Omfattning: cirka 3 per år
"""


def test_a_forms_radio_buttons_are_read_as_the_chosen_option():
    """ "Ansvarig part: (•) Polisen ( ) Umeå kommun …": before, the blocks under "---
    Aktivitet 1 ---" gave one activity, the radio buttons' line, of no owner."""
    assert radio_options_read(RADIO_FORM).split("\n")[:3] == [
        "Aktivitet 1",
        "Beskrivning: Fotpatrullering vid centrum",
        "Ansvarig part: Polisen",
    ]
    assert _read(RADIO_FORM) == [
        ("Fotpatrullering vid centrum", "police", ("at_least", 2)),
        ("Nattvandringar", "other", None),
        ("Trygghetsvandringar", "joint", ("at_least", 3)),
    ]
    # None chosen, or two, and the line stays as it is.
    none = (
        "Ansvar: ( ) Polisen ( ) Kommunen\nAnsvar: (x) Polisen (x) Kommunen\n--- Aktivitet 1 ---\n"
    )
    assert radio_options_read(none) == none


LETTER_CODES = """Bokstäverna inom parentes anger vem som ansvarar, P = Polisen, K = Västby kommun,
P/K = Polisen och kommunen tillsammans, B = Västbyhem (allmännyttan).

Aktiviteter
1. Fotpatrullering vid centrum, minst 2 kvällar i veckan (P) Q1–Q4
2. Cirka 10 lovaktiviteter för unga under året (K) Q2, Q3
3. Städning av gårdarna kvartalsvis (B) Q1–Q4
4. Uppföljning i Brå-gruppen varje kvartal (P/K)
"""


def test_trailing_letter_codes_a_legend_explains_name_their_owners():
    """ "… (P) Q1–Q4" with "P = Polisen" in a sentence above: before, every item was of no
    owner, and "(P/S) Q2, Q4" stayed in the text of the items it ended."""
    assert letter_codes_read(LETTER_CODES).split("\n")[4:7] == [
        "1. Fotpatrullering vid centrum, minst 2 kvällar i veckan (Polisen)",
        "2. Cirka 10 lovaktiviteter för unga under året (Västby kommun)",
        "3. Städning av gårdarna kvartalsvis (Ansvarig: Västbyhem)",
    ]
    assert [row[1:] for row in _read(LETTER_CODES)] == [
        ("police", ("at_least", 2)),
        ("municipality", ("at_least", 10)),
        ("other", None),
        ("joint", None),
    ]
    # Without a legend, "(S)" (a political party's letter) stays.
    party = "1. Motion av Anna Berg (S) Q1\n2. Motion av Per Ek (S)\n"
    assert letter_codes_read(party) == party


CONTRACT = """Parter
Part A: Polismyndigheten, lokalpolisområde Västby
Part B: Västby kommun

Åtaganden
5.1 Part A åtar sig att genomföra minst 2 fotpatruller i veckan i centrum.
5.2 Part B åtar sig att ha fältassistenter i området 2 kvällar per vecka.
5.3 Parterna åtar sig gemensamt att genomföra en trygghetsvandring per halvår.
"""


def test_a_contracts_names_for_its_parties_give_their_items_owners():
    """ "Part A: Polismyndigheten …" then "Part A åtar sig att …": before, "Part A" was read
    as another actor's name."""
    assert [row[1:] for row in _read(CONTRACT)] == [
        ("police", ("at_least", 2)),
        ("municipality", ("count", 2)),
        ("joint", None),
    ]
    named_after = CONTRACT.replace("Part A: Polismyndigheten", "Polisen (nedan kallad Part A),")
    assert _read(named_after)[0][1] == "police"
    # A name not defined stays another actor's.
    assert _read(CONTRACT.replace("Part B: Västby kommun", "Part C: Västby kommun"))[1][1] == (
        "other"
    )


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "double spacing": _repeated("a b c i\n\nd e\n\n\n"),
    "blank lines": "a\n\n\n" + _repeated("\n"),
    "disclosures": _repeated("<details>\n<summary><b>Polisen</b></summary>\n\n- a<br>b\n"),
    "summary tags": _repeated("<summary>" + "<b>" * 20 + "</summary>\n"),
    "wiki templates": _repeated("{{Aktivitet\n| text = a\n| ansvar = Polisen\n}}\n"),
    "unclosed templates": _repeated("{{Aktivitet\n" + "| a = b\n" * 50),
    "arrows": _repeated("-> a b c => Polisen\n"),
    "arrow headings": "-> a\n-> b\n" + _repeated("Aktiviteter (a => b => c)\n"),
    "radio buttons": _repeated("Ansvar: (•) Polisen ( ) Kommunen ( ) Annan\n"),
    "many radio buttons": _repeated("( ) " * 200 + "(x) a\n"),
    "letter codes": "P = Polisen, K = Kommunen\n" + _repeated("a b (P) Q1–Q4, Q2\n"),
    "legend pairs": _repeated("P = a, K = b, P/K = c, "),
    "contract aliases": "Part A: Polisen\n" + _repeated("Part A åtar sig att göra 2 saker.\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
