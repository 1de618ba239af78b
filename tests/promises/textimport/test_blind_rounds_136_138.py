"""Blind rounds 136 to 138 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.formats.dashed_tables import dashed_tables_read
from promises.textimport.formats.numbered_fields import numbered_fields_read
from promises.textimport.formats.symbol_bullets import symbol_bullets_read
from promises.textimport.formats.theme_rows import theme_rows_read
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "eskilstuna-lagersberg-2026-2027-pdf-formular-numrerade-falt.txt": (
        ["Lagersberg"],
        [
            ("Fotpatrullering i Lagersbergs ", "police", ("at_least", 2)),
            ("Trafikkontroller på Gillbergav", "police", ("count", 10)),
            ("Fältassistenter vid Lagersberg", "municipality", None),
            ("Klottersanering i gångtunnlarn", "municipality", None),
            ("Föräldraträffar om ungas trygg", "municipality", ("at_least", 4)),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
            ("Gemensam uppföljning i BRÅ-gru", "joint", None),
        ],
    ),
    "falun-slatta-2026-word-symbolpunkter.txt": (
        ["Vi lovar att minska skadegörelsen vid Slätta centrum och att"],
        [
            ("Fotpatrullerar vid Slätta cent", "police", ("at_least", 2)),
            ("Genomför 8 riktade insatser mo", "police", ("count", 8)),
            ("varav minst hälften under somm", "police", None),
            ("Besöker Slättaskolans årskurs ", "police", None),
            ("Har fältassistenter vid Slätta", "municipality", None),
            ("Ordnar cirka 5 lovaktiviteter ", "municipality", ("at_least", 5)),
            ("Lagar trasig belysning i gångt", "municipality", None),
            ("Genomför 3 trygghetsvandringar", "joint", ("count", 3)),
            ("Följer upp löftet i Brå-rådet ", "joint", None),
            ("Resultatet redovisas för kommu", "joint", None),
        ],
    ),
    "goteborg-biskopsgarden-2026-2027-pandoc-enkel-tabell.txt": (
        ["Vi lovar att arbeta för att minska den öppna narkotikahandel"],
        [
            ("Fotpatrullering vid Vårväderst", "police", ("at_least", 3)),
            ("Riktade kontroller mot narkoti", "police", ("count", 15)),
            ("Besök på Sjumilaskolans högsta", "police", None),
            ("Fältassistenter i Biskopsgårde", "municipality", None),
            ("Öppen idrottshall på helgerna", "municipality", ("at_least", 6)),
            ("Bättre belysning på gångvägen ", "municipality", None),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
            ("Uppföljning i samverkansgruppe", "joint", None),
        ],
    ),
    "kalmar-funkabo-2027-onenote-kontur-indrag.txt": (
        ["Vi lovar att arbeta för tryggare skolvägar och färre bränder"],
        [
            ("Trafikkontroller vid Funkabosk", "police", ("count", 12)),
            ("Fotpatrullering i Funkabo cent", "police", ("at_least", 1)),
            ("Besök på skolans föräldramöte,", "police", None),
            ("Skolvärdar vid övergångsställe", "municipality", None),
            ("Brandskyddsinformation i sopru", "municipality", None),
            ("Fler cykelbanor med belysning,", "municipality", ("at_least", 3)),
            ("Trygghetsvandring med föräldra", "joint", ("count", 2)),
            ("Uppföljning i Brå, Hur ofta: v", "joint", None),
        ],
    ),
    "landskrona-oster-2026-tema-rader-bada-parter.txt": (
        ["Vi lovar att arbeta för säkrare trafik och en tryggare kväll"],
        [
            ("Polisen gör 10 trafikkontrolle", "police", ("count", 10)),
            ("Kommunen sätter upp farthinder", "municipality", None),
            ("Polisen besöker fritidsgården ", "police", ("count", 1)),
            ("Kommunen har fältassistenter u", "municipality", ("at_least", 2)),
            ("Kommunen tömmer papperskorgarn", "municipality", None),
            ("Polisen och kommunen genomför ", "joint", ("at_least", 3)),
        ],
    ),
    "malmo-holma-kroksback-2026-2027-english-version.txt": (
        [],
        [],
    ),
    "malmo-seved-2027-obsidian-callouts-wikilankar.txt": (
        ["Vi lovar att arbeta för att fler ska känna sig trygga på Sev"],
        [
            ("fotpatrullera på Sevedsplan oc", "police", ("at_least", 3)),
            ("genomföra 12 riktade insatser ", "police", ("count", 12)),
            ("delta på föräldramöten på Seve", "police", None),
            ("ha fältsekreterare ute kring S", "municipality", None),
            ("ordna cirka 6 öppna idrottskvä", "municipality", ("at_least", 6)),
            ("ta bort klotter på stadens fas", "municipality", None),
            ("genomföra minst 4 trygghetsvan", "joint", ("at_least", 4)),
            ("följa upp löftet på samverkans", "joint", None),
        ],
    ),
    "motala-rassnas-2026-2027-dokuwiki.txt": (
        ["Vi lovar att arbeta för färre inbrott i Råssnäs och en trygg"],
        [
            ("Fotpatrullerar runt Råssnäs ce", "police", ("at_least", 2)),
            ("Genomför 6 informationsträffar", "police", ("count", 6)),
            ("Besöker Råssnäs fritidsgård en", "police", ("count", 1)),
            ("Har fältassistenter ute torsda", "municipality", None),
            ("Röjer sly längs gångvägen mot ", "municipality", None),
            ("Startar grannsamverkan i minst", "municipality", ("at_least", 5)),
            ("Genomför 2 trygghetsvandringar", "joint", ("count", 2)),
            ("Följer upp löftet i Brå-gruppe", "joint", None),
        ],
    ),
    "umea-teg-2026-webb-mjuka-bindestreck-nollbredd.txt": (
        ["Vi lovar att arbeta för en tryggare miljö vid Tegs centrum o"],
        [
            ("fotpatrullera vid Tegs centrum", "police", ("at_least", 2)),
            ("genomföra 10 trafikkontroller ", "police", ("count", 10)),
            ("besöka Tegsskolan en gång i må", "police", ("count", 1)),
            ("ha fältassistenter ute fredag ", "municipality", None),
            ("ordna cirka 8 lovaktiviteter u", "municipality", ("at_least", 8)),
            ("rusta upp belysningen längs äl", "municipality", None),
            ("genomföra 3 trygghetsvandringa", "joint", ("count", 3)),
            ("följa upp löftet i Brå-rådet v", "joint", None),
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


DASHED_TABLE = """Aktiviteter

  Aktivitet              Ansvarig           Omfattning
  ---------------------- ------------------ ----------------------
  Fotpatrullering vid    Polisen            minst 3 kvällar i
  torget                                    veckan

  Trygghetsvandringar    Polisen och        2 per år
  med boende             Västby kommun
  ---------------------- ------------------ ----------------------
"""


def test_a_table_under_a_rule_of_dashed_runs_is_read_row_by_row():
    """Pandoc's plain-text tables: before, each line of a wrapped row was an activity of no
    owner ("Vårväderstorget veckan"), the header and the rule one more."""
    assert dashed_tables_read(DASHED_TABLE).split("\n")[2:5] == [
        "Aktivitet\tAnsvarig\tOmfattning",
        "Fotpatrullering vid torget\tPolisen\tminst 3 kvällar i veckan",
        "Trygghetsvandringar med boende\tPolisen och Västby kommun\t2 per år",
    ]
    assert _read(DASHED_TABLE) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 3)),
        ("Trygghetsvandringar med boende", "joint", ("count", 2)),
    ]
    # A simple table: a row a line, up to a blank line.
    simple = "Vad    Vem\n------ -------\nA b    Polisen\nC d    Kommunen\n\nText\n"
    assert dashed_tables_read(simple) == "Vad\tVem\nA b\tPolisen\nC d\tKommunen\n\nText\n"
    # A single rule of dashes is a line, no table.
    assert dashed_tables_read("Rubrik\n----------\nText\n") == "Rubrik\n----------\nText\n"


NUMBERED_FIELDS = """Aktivitet 1: Fotpatrullering i centrum
Ansvarig part 1: Polisen
Omfattning 1: minst 2 kvällar i veckan

Aktivitet 2: Föräldraträffar
Ansvarig part 2: Kommunen
Omfattning 2: cirka 4 per år
"""


def test_a_forms_fields_numbered_by_activity_are_read_as_each_activitys_fields():
    """ "Aktivitet 1:", "Ansvarig part 1:", "Omfattning 1:": before, the blocks were read as
    one activity of no owner, or not at all."""
    assert numbered_fields_read(NUMBERED_FIELDS).startswith(
        "Aktivitet: Fotpatrullering i centrum\nAnsvarig: Polisen\nOmfattning: minst 2"
    )
    assert _read(NUMBERED_FIELDS) == [
        ("Fotpatrullering i centrum", "police", ("at_least", 2)),
        ("Föräldraträffar", "municipality", ("at_least", 4)),
    ]
    # Lines referring to the activities above by number, no other field numbered, stay
    # (Höganäs's "Mål och uppföljning").
    targets = "Aktivitet 1: minst 2 insatser i månaden\nAktivitet 2: minst 6 per år\n"
    assert numbered_fields_read(targets) == targets


SYMBOL_BULLETS = """Polisen
ü  Fotpatrullerar vid torget minst 2 kvällar i veckan
ü  Genomför 8 riktade insatser under året
Kommunen
ü  Ordnar cirka 5 lovaktiviteter under året
§   Resultatet redovisas i december
"""


def test_a_symbol_fonts_bullets_pasted_without_the_font_are_bullets():
    """Word's Wingdings check marks came out as "ü" and were no bullets: the lines ran
    together into one activity, its target the first line's."""
    assert symbol_bullets_read(SYMBOL_BULLETS).split("\n")[1:6:4] == [
        "• Fotpatrullerar vid torget minst 2 kvällar i veckan",
        "o Resultatet redovisas i december",
    ]
    assert _read(SYMBOL_BULLETS)[:3] == [
        ("Fotpatrullerar vid torget minst 2 kvällar i veckan", "police", ("at_least", 2)),
        ("Genomför 8 riktade insatser under året", "police", ("count", 8)),
        ("Ordnar cirka 5 lovaktiviteter under året", "municipality", ("at_least", 5)),
    ]
    # One such line, or a letter followed by one space, is left as it is.
    assert symbol_bullets_read("ü  a\nb\n") == "ü  a\nb\n"
    assert symbol_bullets_read("§ 45 Beslut\n§ 46 Beslut\n") == "§ 45 Beslut\n§ 46 Beslut\n"
    assert "• Arbeta" in clean("Vi lovar att:\n\uf0b7\tArbeta för\n\uf0b7\tÖka\n")


THEME_ROWS = """Så här gör vi

Trafik: Polisen gör 10 trafikkontroller under året. Kommunen sätter upp farthinder.
Unga: Polisen besöker fritidsgården en gång i månaden. Kommunen har fältare ute 2 kvällar i veckan.
Trygghet: Polisen och kommunen genomför cirka 3 trygghetsvandringar under året.
"""


def test_a_theme_a_line_with_each_partys_sentences_gives_an_item_a_sentence():
    """ "Trafik: Polisen gör …. Kommunen sätter upp …": before, the lines were lost but two,
    read as one activity each with the first sentence's owner."""
    assert theme_rows_read(THEME_ROWS).split("\n")[2:4] == [
        "- Polisen gör 10 trafikkontroller under året.",
        "- Kommunen sätter upp farthinder.",
    ]
    assert _read(THEME_ROWS) == [
        ("Polisen gör 10 trafikkontroller under året.", "police", ("count", 10)),
        ("Kommunen sätter upp farthinder.", "municipality", None),
        ("Polisen besöker fritidsgården en gång i månaden.", "police", ("count", 1)),
        ("Kommunen har fältare ute 2 kvällar i veckan.", "municipality", ("count", 2)),
        (
            "Polisen och kommunen genomför cirka 3 trygghetsvandringar under året.",
            "joint",
            ("at_least", 3),
        ),
    ]
    # Labelled lines whose sentences name no two parties on one line stay.
    fields = "Plats: Torget. Polisen är där.\nTid: Kväll.\nMål: Fler. Kommunen vet.\n"
    assert theme_rows_read(fields) == fields


NOTEBOOK_OUTLINE = (
    "Polisen\n\tTrafikkontroller vid skolan\n\t\tHur ofta: 12 kontroller under året\n"
    "\tFotpatrullering\n\t\tHur ofta: minst 1 kväll i veckan\n"
    "Kommunen\n\tSkolvärdar\n\t\tHur ofta: varje skoldag\n"
    "Gemensamt\n\tTrygghetsvandring\n\t\tHur ofta: 2 per år\n"
)


def test_a_notebooks_outline_with_its_branches_at_the_margin_gives_items_a_level_up():
    """A mind map's items are two levels down, under its title; a notebook's outline (OneNote)
    has no title, its parties at the margin: before, nothing was read."""
    assert _read(NOTEBOOK_OUTLINE) == [
        (
            "Trafikkontroller vid skolan, Hur ofta: 12 kontroller under året",
            "police",
            ("count", 12),
        ),
        ("Fotpatrullering, Hur ofta: minst 1 kväll i veckan", "police", ("at_least", 1)),
        ("Skolvärdar, Hur ofta: varje skoldag", "municipality", None),
        ("Trygghetsvandring, Hur ofta: 2 per år", "joint", ("count", 2)),
    ]


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "dashed rules": _repeated("a b\n--- ---\n"),
    "dashed rules and blank lines": "h h\n--- ---\n" + _repeated("a b\n\n"),
    "a dashed table's rows": "h h\n--- ---\n" + _repeated("a b\n\n") + "\n--- ---\n",
    "numbered fields": _repeated("Aktivitet 1: a\nAnsvarig part 1: Polisen\n"),
    "symbol bullets": _repeated("ü  a\n§  b\n"),
    "theme rows": _repeated("Trafik: Polisen gör a. Kommunen gör b.\n"),
    "long theme rows": _repeated("Trafik: " + "Polisen gör a. " * 40 + "\n"),
    "a notebook's outline": _repeated("Polisen\n\tA\n\t\tHur ofta: b\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
