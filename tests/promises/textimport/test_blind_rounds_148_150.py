"""Blind rounds 148 to 150 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.formats.att_clauses import decided_clauses_read
from promises.textimport.formats.commitment_labels import commitment_labels_read
from promises.textimport.formats.csv_records import csv_records_read
from promises.textimport.formats.dashed_tables import dashed_tables_read
from promises.textimport.formats.numbered_fields import titled_activities_read
from promises.textimport.formats.pull_quotes import pull_quotes_read
from promises.textimport.formats.responsibility_matrix import responsibility_matrix_read
from promises.textimport.formats.run_in_parties import run_in_parties_read
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "eslov-marieholm-2027-fetstil-inledande-partinamn.txt": (
        [],
        [
            ("Vi fotpatrullerar vid statione", "police", ("at_least", 2)),
            ("Vi gör hastighetskontroller på", "police", ("count", 10)),
            ("Vi besöker Marieholmsskolan en", "police", None),
            ("Vi sätter upp belysning vid cy", "municipality", None),
            ("Vi har fältassistenter ute i M", "municipality", None),
            ("Vi håller idrottshallen öppen ", "municipality", ("count", 2)),
            ("Föreningen ordnar nattvandring", "other", ("count", 1)),
            ("Vi genomför en trygghetsvandri", "joint", ("count", 1)),
            ("Vi berättar om hur arbetet går", "joint", None),
        ],
    ),
    "gislaved-anderstorp-2027-2028-raci-matris.txt": (
        [
            "Vi lovar att minska otryggheten i Anderstorps centrum och kr",
            "Ansvarsfördelning (RACI)",
        ],
        [
            ("Fotpatrullering i centrum mins", "police", ("at_least", 2)),
            ("Trafikkontroller på Storgatan ", "police", ("count", 20)),
            ("Öppen fritidsgård i Anderstorp", "municipality", ("count", 4)),
            ("Röjning av buskage vid Pitterb", "municipality", ("count", 2)),
            ("Belysning i parkeringshuset vi", "other", None),
            ("Nattvandring varannan helg", "other", None),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
            ("Uppföljning av löftet en gång ", "joint", None),
        ],
    ),
    "haninge-jordbro-2027-2028-lpo-plan-matetal.txt": (
        ["Vi lovar att arbeta mot den öppna narkotikahandeln och för e"],
        [
            ("Riktade insatser mot narkotika", "police", ("at_least", 40)),
            ("Samtal med unga som riskerar a", "municipality", None),
            ("Fotpatrullering i Jordbro cent", "police", ("count", 3)),
            ("Klottersanering inom 24 timmar", "municipality", None),
            ("Trygghetsvandringar med Haning", "joint", ("count", 2)),
            ("Nattvandring fredagar och lörd", "other", ("at_least", 60)),
        ],
    ),
    "kungsbacka-kolla-2027-wordpress-blockkommentarer.txt": (
        ["Vi lovar att arbeta för att fler ska känna sig trygga kring "],
        [
            ("fotpatrullera kring Kolla torg", "police", ("at_least", 3)),
            ("genomföra 24 hastighetskontrol", "police", ("count", 24)),
            ("besöka Kollaskolan vid behov.", "police", None),
            ("ha fältassistenter på torget f", "municipality", None),
            ("hålla fritidsgården Kolla öppe", "municipality", None),
            ("byta ut trasig belysning i gån", "municipality", None),
            ("genomföra trygghetsvandringar ", "joint", ("count", 2)),
            ("följa upp löftet en gång per k", "joint", None),
        ],
    ),
    "ludvika-2027-fast-teckenbredd-radbrutna-celler.txt": (
        ["Vi lovar att arbeta för att färre ska känna sig otrygga på"],
        [
            ("Fotpatrullering på Storgatan o", "police", ("at_least", 3)),
            ("Kontroller av mopeder och EPA-", "police", ("count", 12)),
            ("Fältassistenter vid resecentru", "municipality", None),
            ("Klotter tas bort från kommunen", "municipality", None),
            ("Städning av gårdar på Gonäs oc", "other", None),
            ("Trygghetsvandringar med boende", "joint", ("count", 3)),
            ("Gemensam lägesbild", "joint", ("count", 1)),
        ],
    ),
    "motala-2027-csv-citerade-radbrytningar.txt": (
        ["Vi lovar att arbeta för att Motala centrum och resecentrum s"],
        [
            ("Fotpatrullering i Motala centr", "police", ("at_least", 2)),
            ("Kontroller av mopeder och EPA-", "police", ("count", 15)),
            ("Fältassistenter i Folkets park", "municipality", None),
            ("Ny belysning på gång- och cyke", "municipality", None),
            ("Läxhjälp och öppen idrottshall", "municipality", ("count", 3)),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
            ("Nattvandring", "other", None),
            ("Gemensam lägesbild", "joint", ("count", 1)),
        ],
    ),
    "pitea-strandnas-2027-enkatresultat-och-ataganden.txt": (
        [],
        [
            ("Polisen fotpatrullerar i centr", "police", ("at_least", 2)),
            ("Piteå kommun byter till ljusar", "municipality", None),
            ("Polisen genomför hastighetskon", "police", ("count", 1)),
            ("Piteå kommun har fritidsgården", "municipality", None),
            ("PiteBo städar och röjer på går", "unstated", None),
            ("Polisen och kommunen håller öp", "joint", ("count", 4)),
            ("Polisen och kommunen följer up", "joint", None),
        ],
    ),
    "sjobo-2027-2028-nyhetsbrev-bildtexter-citat.txt": (
        ["Vi lovar att arbeta för att unga och vuxna ska känna sig try"],
        [
            ("fotpatrullerar vid busstatione", "police", None),
            ("genomför tjugofem trafikkontro", "police", ("count", 25)),
            ("besöker högstadiet på Sjöbosko", "police", None),
            ("har fältassistenter ute i cent", "municipality", None),
            ("håller fritidsgården Kvarnen ö", "municipality", ("count", 3)),
            ("tar bort klotter på kommunens ", "municipality", None),
            ("bjuder in till trygghetsvandri", "joint", ("count", 2)),
            ("följer upp löftet i brottsföre", "joint", None),
        ],
    ),
    "vastervik-gamleby-2027-2028-bra-protokoll-beslutades-att.txt": (
        ["Vi lovar att arbeta för att minska buskörningen och öka tryg"],
        [
            ("Polisen fotpatrullerar vid Tor", "police", ("at_least", 2)),
            ("Polisen genomför minst 20 kont", "police", ("at_least", 20)),
            ("kommunens fältassistenter finn", "municipality", None),
            ("kommunen sätter upp farthinder", "municipality", None),
            ("Västerviks Bostads AB ser över", "other", None),
            ("Polisen och kommunen tillsamma", "joint", ("count", 2)),
            ("Gamleby IF ordnar nattvandring", "other", None),
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


CSV = """"Aktivitet","Ansvarig","Omfattning"
"Fotpatrullering i centrum
och vid resecentrum","Polisen","minst 2 kvällar i veckan"
"Nattvandring","Nattvandrarna","varannan helg"
"Gemensam lägesbild","Polisen, Västby kommun","en gång i månaden"
"""


def test_a_csv_records_quoted_fields_over_lines_are_one_row():
    """A follow-up system's CSV export, a quoted field holding a line break: before, Motala's
    records were one activity with all the quotes and commas in it."""
    assert csv_records_read(CSV).split("\n")[1] == (
        '"Fotpatrullering i centrum och vid resecentrum","Polisen","minst 2 kvällar i veckan"'
    )
    assert _read(CSV) == [
        ("Fotpatrullering i centrum och vid resecentrum", "police", ("at_least", 2)),
        ("Nattvandring", "other", None),
        ("Gemensam lägesbild", "joint", ("count", 1)),
    ]
    # A quotation over lines in running text, no fields between quotes, stays.
    quotation = 'Hon sa "vi ska se\növer det", sa hon.\n'
    assert csv_records_read(quotation) == quotation


RUN_IN = """**Polisen.** Vi fotpatrullerar vid torget minst två kvällar i veckan. Vi besöker skolan kl. 10 en gång per termin.

**Västby kommun:** Vi har fältassistenter ute varannan fredag.

**Västby IF.** Föreningen ordnar nattvandring en helg i månaden.
"""  # noqa: E501


def test_a_partys_name_in_bold_run_in_heads_its_sentences():
    """ "**Polisen.** Vi fotpatrullerar … Vi gör …": before, Marieholm gave one activity."""
    assert run_in_parties_read(RUN_IN).split("\n")[:3] == [
        "Polisen:",
        "- Vi fotpatrullerar vid torget minst två kvällar i veckan.",
        "- Vi besöker skolan kl. 10 en gång per termin.",
    ]
    assert _read(RUN_IN) == [
        ("Vi fotpatrullerar vid torget minst två kvällar i veckan.", "police", ("at_least", 2)),
        ("Vi besöker skolan kl. 10 en gång per termin.", "police", None),
        ("Vi har fältassistenter ute varannan fredag.", "municipality", None),
        ("Föreningen ordnar nattvandring en helg i månaden.", "other", ("count", 1)),
    ]
    # One such paragraph, or paragraphs that name no party, stay.
    single = "**Polisen.** Vi fotpatrullerar.\n\nText.\n"
    assert run_in_parties_read(single) == single
    sections = "**Bakgrund.** Det har varit stökigt. Många är oroliga.\n\n**Syfte.** Att minska.\n"
    assert run_in_parties_read(sections) == sections


DECISION = """Beslutades

att Polisen fotpatrullerar vid torget minst 2 gånger i veckan,

att kommunen sätter upp farthinder på Storgatan,

att Västby IF ordnar nattvandring under sommarlovet,

att löftet följs upp en gång per kvartal.
"""


def test_a_decisions_clauses_saying_what_the_parties_do_are_items():
    """A council's minutes, "Beslutades" over "att Polisen fotpatrullerar …,": before,
    Gamleby's commitments were no activities at all."""
    assert decided_clauses_read(DECISION).split("\n") == [
        "Beslutades",
        "",
        "- Polisen fotpatrullerar vid torget minst 2 gånger i veckan",
        "- kommunen sätter upp farthinder på Storgatan",
        "- Västby IF ordnar nattvandring under sommarlovet",
        "- löftet följs upp en gång per kvartal.",
        "",
    ]
    assert _read(DECISION) == [
        ("Polisen fotpatrullerar vid torget minst 2 gånger i veckan", "police", ("at_least", 2)),
        ("kommunen sätter upp farthinder på Storgatan", "municipality", None),
        # a sports club named by its kind in capitals is another actor
        ("Västby IF ordnar nattvandring under sommarlovet", "other", None),
    ]
    # A decision's clauses that open with no actor stay.
    approval = "Kommunstyrelsen beslutar\n\natt godkänna löftet,\n\natt uppdra åt förvaltningen.\n"
    assert decided_clauses_read(approval) == approval


SURVEY = """Resultat 1
Så svarade ni: 58 % känner sig otrygga vid torget.
Vårt åtagande: Polisen fotpatrullerar vid torget minst två kvällar i veckan.
Vårt åtagande: Västby kommun byter till ljusare belysning vid torget.

Resultat 2
Så svarade ni: 41 % upplever att bilar kör för fort.
Åtagande: Polisen genomför hastighetskontroller en gång i månaden.
"""


def test_commitments_labelled_a_line_each_are_a_list():
    """A survey's "Så svarade ni: …" over "Vårt åtagande: …": before, Strandnäs gave none."""
    assert commitment_labels_read(SURVEY).split("\n")[2:5] == [
        "Våra åtaganden:",
        "- Polisen fotpatrullerar vid torget minst två kvällar i veckan.",
        "- Västby kommun byter till ljusare belysning vid torget.",
    ]
    assert _read(SURVEY) == [
        (
            "Polisen fotpatrullerar vid torget minst två kvällar i veckan.",
            "police",
            ("at_least", 2),
        ),
        ("Västby kommun byter till ljusare belysning vid torget.", "municipality", None),
        ("Polisen genomför hastighetskontroller en gång i månaden.", "police", ("count", 1)),
    ]
    # A single labelled line is a block's field.
    single = "Åtagande: Polisen fotpatrullerar.\n"
    assert commitment_labels_read(single) == single


MATRIX = """R = utför, A = beslutar, C = rådfrågas, I = informeras

Aktivitet\tPolisen\tVästby kommun\tVästbyhem AB
Fotpatrullering vid torget minst två kvällar i veckan\tR, A\tI\t
Belysning i parkeringshuset\tI\tC\tR, A
Trygghetsvandringar två gånger om året\tR\tR, A\tC
"""


def test_a_responsibility_matrixs_r_marks_name_each_rows_owner():
    """A RACI matrix: before, Anderstorp's letters were activities, all the police's."""
    assert responsibility_matrix_read(MATRIX).split("\n")[1:6] == [
        "Aktivitet: Fotpatrullering vid torget minst två kvällar i veckan",
        "Ansvar: Polisen",
        "",
        "Aktivitet: Belysning i parkeringshuset",
        "Ansvar: Västbyhem AB",
    ]
    assert _read(MATRIX) == [
        ("Fotpatrullering vid torget minst två kvällar i veckan", "police", ("at_least", 2)),
        ("Belysning i parkeringshuset", "other", None),
        ("Trygghetsvandringar två gånger om året", "joint", ("count", 2)),
    ]
    # A table of other cells is the table readers'.
    table = "Aktivitet\tPolisen\tKommunen\nFotpatrull\tJa\tNej\nBelysning\tNej\tJa\n"
    assert responsibility_matrix_read(table) == table


PLAN = """Inriktning 1: Trygg miljö
  Aktivitet 1.1  Fotpatrullering i centrum
  Ansvarig:      Polisen
  Mätetal:       Antal kvällar med fotpatrull
  Målvärde:      tre kvällar per vecka

  Aktivitet 1.2  Trygghetsvandringar med boende
  Ansvarig:      Polisen och Västby kommun
  Målvärde:      2 per år
"""


def test_a_plans_activities_titled_after_their_number_are_blocks():
    """ "Aktivitet 1.1  …" over "Ansvarig:      Polisen", "Mätetal:", "Målvärde:": before,
    Jordbro's plan gave no activity but its promise."""
    assert titled_activities_read(PLAN).split("\n")[1:5] == [
        "  Aktivitet: Fotpatrullering i centrum",
        "  Ansvarig: Polisen",
        "  Mätetal: Antal kvällar med fotpatrull",
        "  Målvärde: tre kvällar per vecka",
    ]
    assert _read(PLAN) == [
        ("Fotpatrullering i centrum", "police", ("count", 3)),
        ("Trygghetsvandringar med boende", "joint", ("count", 2)),
    ]
    # A numbered sentence over a field is no title.
    sentence = "Aktivitet 3 genomförs i maj.\nAnsvarig: Polisen\n"
    assert titled_activities_read(sentence) == sentence


FIXED = """AKTIVITET                   ANSVAR          OMFATTNING
--------------------------  --------------  --------------------
Fotpatrullering på          Polisen         minst 3 kvällar i
Storgatan                                   veckan
Klotter tas bort från       Västby kommun   inom 48 timmar
kommunens fastigheter
Trygghetsvandringar med     Polisen och     3 gånger under året
boende                      kommunen
"""


def test_a_fixed_width_tables_cells_wrapped_over_lines_are_joined():
    """A report in a fixed-width font, its cells wrapped with no blank line between rows:
    before, Ludvika's rows were read as running lines."""
    assert dashed_tables_read(FIXED).split("\n")[1:3] == [
        "Fotpatrullering på Storgatan\tPolisen\tminst 3 kvällar i veckan",
        "Klotter tas bort från kommunens fastigheter\tVästby kommun\tinom 48 timmar",
    ]
    assert _read(FIXED) == [
        ("Fotpatrullering på Storgatan", "police", ("at_least", 3)),
        ("Klotter tas bort från kommunens fastigheter", "municipality", None),
        ("Trygghetsvandringar med boende", "joint", ("count", 3)),
    ]
    # Without a line showing the wrapping, a line is a row, as before.
    rows = "A      B\n-----  -----\nEtt    Polisen\nTvå\n"
    assert dashed_tables_read(rows).split("\n")[1:] == ["Ett\tPolisen", "Två\t", ""]


QUOTE = """Det här gör vi
Polisen
• fotpatrullerar vid torget tre kvällar i veckan

”Vi kommer att synas mer på kvällarna.”
– Sara Nilsson, kommunpolis
"""


def test_a_pull_quote_with_its_speaker_is_no_activity():
    """A newsletter's quotation over "– Sara Nilsson, kommunpolis": before, Sjöbo's "Vi kommer
    att synas mer …" was an activity with no owner."""
    assert pull_quotes_read(QUOTE).split("\n")[4] == (
        "”Vi kommer att synas mer på kvällarna.”, säger Sara Nilsson, kommunpolis."
    )
    assert _read(QUOTE) == [
        ("fotpatrullerar vid torget tre kvällar i veckan", "police", ("count", 3)),
    ]
    # A quotation with no speaker under it stays.
    alone = "”Vi kommer att synas mer på kvällarna.”\n\nText.\n"
    assert pull_quotes_read(alone) == alone


def test_vi_ska_tillsammans_heads_the_joint_items():
    """ "Vi ska tillsammans" (as "Tillsammans ska vi"): before, Kolla's joint items were lost."""
    assert _read("Polisen ska:\n- fotpatrullera\n\nVi ska tillsammans:\n- följa upp löftet\n") == [
        ("fotpatrullera", "police", None),
        ("följa upp löftet", "joint", None),
    ]


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "open quotes": _repeated('"a\n'),
    "csv records": _repeated('"a\nb","c"\n'),
    "one long record": '"a' + '","b' * (N // 4) + "\n",
    "run-in parties": _repeated("**Polisen.** Vi gör a. Vi gör b.\n"),
    "one run-in paragraph": "**Kommunen.** b\n**Polisen.** " + "Vi gör a. " * (N // 11),
    "decisions": _repeated("Beslutades\natt Polisen gör a,\natt Kommunen gör b,\n"),
    "decision clauses": "Beslutades\n" + _repeated("att Polisen gör a,\n\n"),
    "commitments": _repeated("Vårt åtagande: Polisen gör a\n"),
    "matrix": "Aktivitet\tPolisen\tKommunen\n" + _repeated("a\tR, A\tI\n"),
    "matrix legend": "x\tP\tK\na\tR\tI\nb\tI\tR\nR = a, " + "A = b, C = c, " * (N // 15),
    "titled activities": _repeated("Aktivitet 1.1  a\nAnsvarig:   Polisen\n"),
    "wrapped table": "a    b\n---  ---\n" + _repeated("Ab   c\nd\n"),
    "pull quotes": _repeated("”Vi kommer att göra det här”\n– Anna Ek, kommunpolis\n"),
    "long quote": "”" + "a" * (N - 20) + "”\n– Anna Ek\n",
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
