"""Blind rounds 154 to 156 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.formats.board_posts import board_posts_read
from promises.textimport.formats.definition_lists import definition_lists_read
from promises.textimport.formats.logic_models import logic_models_read
from promises.textimport.formats.pdf_glyphs import glyph_codes_read
from promises.textimport.formats.requirement_lists import requirement_lists_read
from promises.textimport.formats.workbook_sheets import workbook_sheets_read
from promises.textimport.parser import parse
from promises.textimport.targets import read_target
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "eskilstuna-skiftinge-2027-sara-modellen.txt": (
        ["Vi lovar att arbeta för att Skiftinge centrum ska vara en tr"],
        [
            ("Polisen genomför riktade insat", "police", ("at_least", 30)),
            ("Polisen fotpatrullerar vid cen", "police", ("count", 3)),
            ("Kommunen (arbetsmarknads- och ", "municipality", None),
            ("Kommunen ser över belysningen ", "municipality", None),
            ("Kommunfastigheter städar och t", "unstated", None),
            ("Polisen och kommunen genomför ", "joint", ("count", 4)),
        ],
    ),
    "gavle-andersberg-2027-2028-kravlista-ska-bor.txt": (
        ["Polisen och Gävle kommun lovar att arbeta för att minska otr"],
        [
            ("Polisen SKA fotpatrullera i An", "police", ("at_least", 2)),
            ("Polisen SKA genomföra minst 20", "police", ("at_least", 20)),
            ("Polisen BÖR besöka Andersbergs", "police", None),
            ("Gävle kommun SKA ha fältassist", "municipality", None),
            ("Gävle kommun SKA hålla Andersb", "municipality", ("count", 5)),
            ("Gävle kommun BÖR byta ut trasi", "municipality", None),
            ("Gavlegårdarna SKA genomföra en", "other", ("count", 1)),
            ("Polisen och Gävle kommun SKA g", "joint", ("at_least", 3)),
        ],
    ),
    "kalmar-oxhagen-2027-uppdrag-far-i-uppdrag.txt": (
        ["Vi lovar att arbeta för att boende i Oxhagen och Berga ska k"],
        [
            ("Polisen har för sin del åtagit", "police", ("at_least", 2)),
            ("Polisen genomför också tio tra", "police", ("count", 10)),
            ("Socialförvaltningen får i uppd", "municipality", None),
            ("Kultur- och fritidsförvaltning", "municipality", ("count", 4)),
            ("Samhällsbyggnadskontoret får i", "municipality", None),
            ("Kalmarhem AB får i uppdrag att", "other", ("count", 1)),
            ("Barn- och ungdomsförvaltningen", "municipality", ("count", 3)),
            ("Kommunledningskontoret får i u", "municipality", ("count", 2)),
        ],
    ),
    "karlstad-rud-2027-2028-logikmodell.txt": (
        ["Vi lovar att arbeta för att boende i Rud ska känna sig trygg"],
        [
            ("Fotpatrullering vid Rudstorget", "police", ("at_least", 2)),
            ("Hastighetskontroller på Rudsvä", "police", ("count", 15)),
            ("Fältarbete i Rud fredagar och ", "municipality", ("count", 2)),
            ("Ny belysning i gångtunneln und", "municipality", None),
            ("Trygghetsinventering av gårdar", "other", ("count", 1)),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
        ],
    ),
    "lulea-porson-2027-markdowntabell-br-taggar.txt": (
        ["Vi lovar att arbeta för att studenter och boende på Porsön s"],
        [
            ("Fotpatrullering vid Porsö cent", "police", ("at_least", 2)),
            ("Trafikkontroller på Porsövägen", "police", ("at_least", 20)),
            ("Ny belysning på gång- och cyke", "municipality", None),
            ("Brandskyddsinformation i stude", "other", ("count", 4)),
            ("Fältassistenter vid Porsö cent", "municipality", None),
            ("Trygghetsvandring med Lulebo o", "joint", ("count", 1)),
        ],
    ),
    "norrkoping-ringdansen-2027-padlet-vagg.txt": (
        ["Vi lovar att arbeta för att det ska bli tryggare att röra si"],
        [
            ("Kommunpolisen och områdespolis", "police", ("at_least", 3)),
            ("Ett femtontal kontroller av mo", "police", ("at_least", 15)),
            ("Skolan och fältgruppen ska bju", "municipality", ("count", 4)),
            ("Fältassistenter är ute i Naves", "municipality", None),
            ("Hyresbostäder ser över belysni", "other", None),
            ("Polisen, kommunen och Hyresbos", "joint", ("count", 2)),
        ],
    ),
    "sundsvall-bredsand-2027-xlsx2csv-flikar.txt": (
        ["Vi lovar att arbeta för att boende i Bredsand ska känna sig "],
        [
            ("Fotpatrullering vid Bredsands ", "police", ("at_least", 2)),
            ("Mopedkontroller på Bredsandsvä", "police", ("count", 12)),
            ("Besök på Bredsandsskolan", "police", None),
            ("Fältassistenter vid badplatsen", "municipality", None),
            ("Öppen fritidsgård", "municipality", ("count", 3)),
            ("Röjning av sly vid gångvägen t", "municipality", None),
            ("Trygghetsvandring med boende", "joint", ("count", 1)),
            ("Gemensam lägesbild", "joint", None),
        ],
    ),
    "umea-tomtebo-2027-pdfminer-cid-koder.txt": (
        ["Vi lovar att arbeta för att boende i Tomtebo ska känna sig t"],
        [
            ("fotpatrullera vid Tomtebo cent", "police", ("at_least", 2)),
            ("genomföra ett tjugotal trafikk", "police", ("at_least", 20)),
            ("besöka Tomteboskolans årskurs ", "police", None),
            ("förbättra belysningen på gång-", "municipality", None),
            ("ha fältassistenter ute fredaga", "municipality", None),
            ("bjuda in föräldrar till föräld", "municipality", ("count", 4)),
            ("genomföra en trygghetsvandring", "joint", ("count", 1)),
            ("följa upp löftet i Brå-gruppen", "joint", None),
        ],
    ),
    "vasteras-bjurhovda-2027-pandoc-definitionslista.txt": (
        ["Vi lovar att arbeta för att boende i Bjurhovda ska känna sig"],
        [
            ("Fotpatrullering i Bjurhovda ce", "police", ("at_least", 2)),
            ("Trafikkontroller på Bjurhovdag", "police", ("count", 6)),
            ("Samtal med elever på Bjurhovda", "police", None),
            ("Fältassistenter i centrum", "municipality", None),
            ("Öppen fritidsgård på fredagskv", "municipality", None),
            ("Trygghetsvandring med Mimer oc", "joint", ("count", 2)),
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


GLYPHS = """Vi lovar a(cid:425) arbeta för a(cid:425) fler ska känna sig trygga.

Ak(cid:415)viteter
Polisen ska:
(cid:127) fotpatrullera vid torget minst två kvällar i veckan
(cid:127) genomföra e(cid:425) tjugotal trafikkontroller under året
"""


def test_a_pdfs_glyph_codes_are_read_as_bullets_and_ligatures():
    """pdfminer's "(cid:127)" bullets and Calibri's ligatures "(cid:415)" (ti), "(cid:425)"
    (tt), "(cid:332)" (ft): before, Tomtebo's items were three, each with its code, its end
    date ("(cid:415)ll 31 december") lost."""
    assert glyph_codes_read(GLYPHS).split("\n")[2:6] == [
        "Aktiviteter",
        "Polisen ska:",
        "• fotpatrullera vid torget minst två kvällar i veckan",
        "• genomföra ett tjugotal trafikkontroller under året",
    ]
    assert _read(GLYPHS) == [
        ("fotpatrullera vid torget minst två kvällar i veckan", "police", ("at_least", 2)),
        ("genomföra ett tjugotal trafikkontroller under året", "police", ("at_least", 20)),
    ]
    # One code in a text is no extraction's: it is left as written.
    assert glyph_codes_read("Se bilaga (cid:12).\n") == "Se bilaga (cid:12).\n"


SHEETS = """-------- 1 - Översikt
Medborgarlöfte Västby 2027,
Löfte,"Vi lovar att arbeta för att fler ska känna sig trygga vid torget."
-------- 2 - Polisen
Aktivitet,Hur ofta,Kommentar
Fotpatrullering vid torget,minst 2 kvällar i veckan,tors–lör
-------- 3 - Tillsammans
Aktivitet,Hur ofta,Kommentar
Trygghetsvandring med boende,en gång i augusti,
"""


def test_a_workbooks_sheets_are_headings_and_a_partys_sheet_owns_its_rows():
    """xlsx2csv's "-------- 2 - Polisen" over each sheet's CSV records: before, Bredsand's
    rows gave no activity."""
    assert workbook_sheets_read(SHEETS).split("\n")[:11] == [
        "",
        "Översikt",
        "",
        "Medborgarlöfte Västby 2027",
        "Löfte: Vi lovar att arbeta för att fler ska känna sig trygga vid torget.",
        "",
        "Polisen",
        "",
        "Aktivitet\tHur ofta\tKommentar\tAnsvarig",
        "Fotpatrullering vid torget\tminst 2 kvällar i veckan\ttors–lör\tPolisen",
        "",
    ]
    assert _read(SHEETS) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 2)),
        ("Trygghetsvandring med boende", "joint", ("count", 1)),
    ]
    # A sheet named for no party adds no owner; one rule alone is no workbook.
    sheet = "-------- 1 - Aktiviteter\nAktivitet,Ansvarig,Mål\nNattvandring,Västby IF,\n"
    read_sheet = workbook_sheets_read(sheet + "-------- 2 - Blad2\n")
    assert "\nAktivitet\tAnsvarig\tMål\nNattvandring\tVästby IF\t\n" in read_sheet
    assert workbook_sheets_read(sheet) == sheet


BOARD = """POLISEN

Fotpatrullering
Polisen går vid torget minst tre kvällar i veckan.
Emma Lund (kommunpolis) · 24 nov
♥ 6 · 2 kommentarer

VÄSTBY KOMMUN

Föräldraträffar
Skolan ska bjuda in föräldrar till föräldraträffar (4 st under året).
Jonas Ek · 24 nov

Belysning
Kommunen ser över belysningen i parken.
Jonas Ek, Västby kommun · 3 dec 2026
+ Lägg till inlägg
Gjord med Padlet
"""


def test_a_walls_posts_are_items_under_their_columns_heading():
    """A Padlet board's posts, a title over the text, the writer and day, the reactions:
    before, Ringdansen's titles were promises and the posts under "NORRKÖPINGS KOMMUN" and
    "HYRESBOSTÄDER" were lost."""
    assert board_posts_read(BOARD).split("\n") == [
        "POLISEN",
        "- Polisen går vid torget minst tre kvällar i veckan.",
        "",
        "VÄSTBY KOMMUN",
        "- Skolan ska bjuda in föräldrar till föräldraträffar (4 st under året).",
        "- Kommunen ser över belysningen i parken.",
        "",
    ]
    assert _read(BOARD) == [
        ("Polisen går vid torget minst tre kvällar i veckan.", "police", ("at_least", 3)),
        (
            "Skolan ska bjuda in föräldrar till föräldraträffar (4 st under året).",
            "municipality",
            ("count", 4),
        ),
        ("Kommunen ser över belysningen i parken.", "municipality", None),
    ]
    # One writer's line is a signature, no board.
    letter = "Hej!\nVi ses.\nAnna Berg · 24 nov\n"
    assert board_posts_read(letter) == letter


DEFINITIONS = """% Medborgarlöfte för Västby 2027
% Polisen; Västby stad

Fotpatrullering vid torget
:   Polisen. Minst två kvällar i veckan, oftast
    torsdagar och fredagar.

Trygghetsvandring med boende
:   Polisen och Västby stad tillsammans. En gång i maj och en gång i oktober.

Öppen fritidsgård
:   Under terminerna.
"""


def test_a_pandoc_definition_lists_terms_are_activities():
    """A term over ":   Polisen. Minst två kvällar i veckan.": before, Bjurhovda's terms were
    joined with their definitions ("… centrum : Polisen. …"), most with no owner."""
    assert definition_lists_read(DEFINITIONS).split("\n")[:7] == [
        "Medborgarlöfte för Västby 2027",
        "Polisen; Västby stad",
        "",
        "Aktivitet: Fotpatrullering vid torget",
        "Ansvar: Polisen",
        "Omfattning: Minst två kvällar i veckan, oftast torsdagar och fredagar.",
        "",
    ]
    assert _read(DEFINITIONS) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 2)),
        ("Trygghetsvandring med boende", "joint", ("count", 2)),
        ("Öppen fritidsgård", "unstated", None),
    ]
    # A colon opening a line once is no list.
    single = "Term\n:   Definition.\n"
    assert definition_lists_read(single) == single


REQUIREMENTS = """Läsanvisning: SKA = obligatoriskt åtagande. BÖR = om resurser finns.

K-P1 (SKA)
Polisen SKA fotpatrullera vid torget minst två kvällar i veckan.
Verifiering: polisens tidsredovisning

K-P2 (BÖR)
Polisen BÖR besöka skolans föräldramöten en gång per termin.
Verifiering: närvarolista

K-G1 (SKA)
Polisen och Västby kommun SKA gemensamt genomföra minst tre trygghetsvandringar.
"""


def test_a_list_of_requirements_is_blocks_owned_by_those_before_the_verb():
    """ "K-P2 (BÖR)" over "Polisen BÖR besöka …": before, Andersberg's ids were activities of
    their own and its "BÖR" requirements were lost."""
    assert requirement_lists_read(REQUIREMENTS).split("\n")[:5] == [
        "",
        "Aktivitet: Polisen SKA fotpatrullera vid torget minst två kvällar i veckan.",
        "Ansvar: Polisen",
        "",
        "Aktivitet: Polisen BÖR besöka skolans föräldramöten en gång per termin.",
    ]
    assert [(owner, target) for _text, owner, target in _read(REQUIREMENTS)] == [
        ("police", ("at_least", 2)),
        ("police", None),
        ("joint", ("at_least", 3)),
    ]
    # "bör" in lower case is no requirement's verb: folded it is also "bor" (lives).
    assert requirement_lists_read("Polisen bör besöka skolan.\n") == "Polisen bör besöka skolan.\n"


MODEL = (
    "Resurser\tAktiviteter\tPrestationer\tKortsiktiga effekter\tLångsiktiga effekter\n"
    "Polisen: två kommunpoliser\tFotpatrullering vid torget\tminst två kvällar i veckan"
    "\tFler möter polisen\tÖkad trygghet\n"
    "Västbyhem: bovärdar\tTrygghetsinventering av gårdarna\ten gång per år"
    "\tFärre mörka platser\tTryggare boendemiljö\n"
    "Polisen och Västby kommun\tTrygghetsvandringar\ttvå per år\tSynpunkter\tFörtroende\n"
)


def test_a_logic_models_rows_are_owned_by_who_stands_for_the_resources():
    """A programme theory's table, "Resurser" to "Långsiktiga effekter": before, Rud's cells
    were activities each, the effects among them, and its activities had no owner."""
    assert logic_models_read(MODEL).split("\n")[:4] == [
        "Aktivitet: Fotpatrullering vid torget",
        "Ansvar: Polisen",
        "Omfattning: minst två kvällar i veckan",
        "",
    ]
    assert _read(MODEL) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 2)),
        ("Trygghetsinventering av gårdarna", "other", ("count", 1)),
        ("Trygghetsvandringar", "joint", ("count", 2)),
    ]
    # A table with no column of resources is some other table.
    table = "Aktivitet\tAnsvarig\tPrestation\nFotpatrullering\tPolisen\t2 per vecka\n"
    assert logic_models_read(table) == table


def test_a_line_broken_in_a_markdown_tables_cell_is_a_space():
    """ "Fotpatrullering vid torget<br>och i parken": before, Porsön's cells kept their "<br>"
    and the rows' targets after it were lost."""
    text = (
        "| Aktivitet | Ansvar | Mål |\n|---|---|---|\n"
        "| Fotpatrullering vid torget<br>och i parken | Polisen | minst 2 kvällar<br/>i veckan |"
        "\n"
        "| Trygghetsvandring | Polisen, Västby kommun | en gång i maj |\n"
    )
    assert _read(text) == [
        ("Fotpatrullering vid torget och i parken", "police", ("at_least", 2)),
        ("Trygghetsvandring", "joint", ("count", 1)),
    ]


def test_an_office_given_a_task_owns_it():
    """ "Socialförvaltningen får i uppdrag att …", as a municipality's decision gives its
    offices their parts: before, Oxhagen's six tasks were lost."""
    text = (
        "Följande uppdrag lämnas:\n\n"
        "1. Socialförvaltningen får i uppdrag att ha fältassistenter vid torget.\n"
        "2. Västbyhem AB får i uppdrag att genomföra trygghetsbesiktningar en gång per år.\n"
    )
    assert _read(text) == [
        (
            "Socialförvaltningen får i uppdrag att ha fältassistenter vid torget.",
            "municipality",
            None,
        ),
        (
            "Västbyhem AB får i uppdrag att genomföra trygghetsbesiktningar en gång per år.",
            "other",
            ("count", 1),
        ),
    ]


def _target(text):
    target, _notes = read_target(text, listed=True)
    return target and (target.comparator, target.value, target.unit, target.scope)


def test_times_in_a_month_named_are_a_count_a_year():
    """ "en gång i maj": the month says when, the count how often, and a month comes round each
    year. Before, Stenungsund's "en gång i maj" gave no target and Tomtebo's "genomföra en
    trygghetsvandring … en gång i maj" one during the period."""
    assert _target("Trygghetsvandring med boende en gång i maj.") == ("count", 1, "gånger", "year")
    assert _target("genomföra en trygghetsvandring en gång i maj") == ("count", 1, "gånger", "year")
    assert _target("En gång i maj och en gång i oktober.") == ("count", 2, "gånger", "year")
    # A month twice is no pair of times; a count of events in a month stays one event.
    assert _target("en gång i maj och en gång i maj") is None
    assert _target("bjuda in till en trygghetsvandring i maj") == (
        "count",
        1,
        "trygghetsvandringar",
        "period",
    )
    assert _target("besöka skolan en gång i månaden") == ("count", 1, "gånger", "month")


def test_pieces_counted_in_brackets_count_the_noun_before_them():
    """ "(4 st under året)" after "bjuda in föräldrar till föräldraträffar": before, Karlskoga's
    item gave no target (its verb names no object the count could be of)."""
    assert _target("bjuda in föräldrar till föräldraträffar (4 st under året)") == (
        "count",
        4,
        "föräldraträffar",
        "year",
    )
    assert _target("hålla brandskyddsutbildningar (2 st under året)") == (
        "count",
        2,
        "brandskyddsutbildningar",
        "year",
    )


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "glyph codes": _repeated("(cid:127) a(cid:415)b\n"),
    "glyph codes on a line": "(cid:415)" * (N // 9),
    "sheets": _repeated("-------- 1 - Polisen\nAktivitet,Hur ofta,Kommentar\n"),
    "sheet records": "-------- 1 - Polisen\n-------- 2 - Polisen\n" + _repeated("a,b,c\n"),
    "board posts": _repeated("Titel\nText.\nAnna Berg · 24 nov\n♥ 2\n"),
    "board post lines": _repeated("Text\n") + "Anna Berg · 24 nov\nAnna Berg · 24 nov\n",
    "definitions": _repeated("Term\n:   Polisen. Text.\n"),
    "definition lines": "Term\n:   a\n" + _repeated("    b\n") + "Term\n:   c\n",
    "requirements": _repeated("K-P1 (SKA)\nPolisen SKA göra a.\nVerifiering: b\n"),
    "requirement line": "K-P1 (SKA)\nK-P2 (SKA)\n" + "Polisen " * (N // 8),
    "logic models": _repeated("Resurser\tAktiviteter\tPrestationer\nPolisen: a\tb\tc\n"),
    "month times": "Trygghetsvandring " + "en gång i maj och " * (N // 18),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
