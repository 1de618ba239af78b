"""Blind rounds 151 to 153 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.formats.comma_lines import comma_lines_read
from promises.textimport.formats.data import toml_front_matter
from promises.textimport.formats.psql_tables import psql_tables_read
from promises.textimport.formats.web import _without_html
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "gavle-sodermalm-2027-hugo-toml-framsida.txt": (
        ["Polisen och Gävle kommun lovar att arbeta för att boende på "],
        [
            ("Fotpatrullering vid Södra stat", "police", ("at_least", 2)),
            ("Kontroller av buskörning på Sö", "police", ("count", 10)),
            ("Fältassistenter i Södermalmspa", "municipality", None),
            ("Föräldravandringar i samarbete", "municipality", None),
            ("Brandskyddsinformation i bosta", "other", ("count", 1)),
            ("Trygghetsvandringar med boende", "joint", None),
        ],
    ),
    "hudiksvall-iggesund-2027-mejltrad-citerade-svar.txt": (
        ["Vi lovar att arbeta för att boende i Iggesund ska känna sig "],
        [
            ("fotpatrullera i Iggesunds cent", "police", ("at_least", 2)),
            ("genomföra femton trafikkontrol", "police", ("count", 15)),
            ("besöka Iggesundsskolans årskur", "police", None),
            ("ha fältassistenter vid busstat", "municipality", None),
            ("hålla fritidsgården öppen dagl", "municipality", None),
            ("se över belysningen på gårdarn", "other", None),
            ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
            ("ta fram en gemensam lägesbild ", "joint", None),
        ],
    ),
    "karlskoga-2027-vi-i-polisen-mal-i-parentes.txt": (
        ["Vi i Polisen och Karlskoga kommun lovar att arbeta för att f"],
        [
            ("fotpatrullera i centrum och i ", "police", ("at_least", 2)),
            ("genomföra trafikkontroller av ", "police", ("at_least", 12)),
            ("besöka skolorna i årskurs 7 (e", "police", None),
            ("ha fältassistenter på plats i ", "municipality", ("count", 3)),
            ("bjuda in föräldrar till föräld", "municipality", ("count", 4)),
            ("laga trasig belysning inom en ", "municipality", None),
            ("hålla brandskyddsutbildningar ", "other", ("count", 2)),
            ("genomföra trygghetsvandringar ", "joint", ("at_least", 3)),
            ("följa upp löftet i brottsföreb", "joint", None),
        ],
    ),
    "kumla-2027-presentation-talaranteckningar.txt": (
        ["Vi lovar att arbeta för att färre ska känna sig otrygga vid "],
        [
            ("Fotpatrullering vid resecentru", "police", ("at_least", 3)),
            ("Tolv mopedkontroller på Kvarnt", "police", ("count", 12)),
            ("Besök på Kumlaby skola en gång", "police", None),
            ("Fältassistenter ute fredagar o", "municipality", None),
            ("Ny belysning i gångtunneln vid", "municipality", None),
            ("Föräldraträffar om mopeder två", "municipality", ("count", 2)),
            ("Trygghetsvandring med boende v", "joint", None),
            ("Uppföljning i brottsförebyggan", "joint", None),
        ],
    ),
    "lidingo-2027-html-tabell-kallkod.txt": (
        ["Polisen och Lidingö stad lovar att arbeta för att minska bos"],
        [
            ("Riktade insatser mot bostadsin", "police", ("at_least", 30)),
            ("Fotpatrullering i Lidingö cent", "police", ("count", 2)),
            ("Informationsmöten om grannsamv", "municipality", ("count", 4)),
            ("Belysning längs gångvägen vid ", "municipality", None),
            ("Nattvandring fredagar", "other", None),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
        ],
    ),
    "stenungsund-2027-terminsplan-vt-ht.txt": (
        ["Vi lovar att arbeta för att unga ska vara tryggare i Stenung"],
        [
            ("Polisen: Fotpatrullering vid S", "police", ("at_least", 2)),
            ("Polisen: Besök på Nösnäsgymnas", "police", None),
            ("Kommunen: Fältgruppen ute i ce", "municipality", None),
            ("Kommunen: Sex föräldraträffar ", "municipality", ("count", 6)),
            ("Tillsammans: Trygghetsvandring", "joint", ("count", 1)),
            ("Kommunen: Öppen fritidsgård da", "municipality", None),
            ("Polisen: Extra kontroller av b", "police", ("at_least", 8)),
            ("Polisen: Besök på Stenungsskol", "police", None),
            ("Stenungsundshem: Ny belysning ", "other", None),
            ("Tillsammans: Lägesbild och upp", "joint", None),
        ],
    ),
    "sundbyberg-2027-2028-intranat-brodsmulor.txt": (
        ["Vi lovar att arbeta för att minska otryggheten i Hallonberge"],
        [
            ("Fotpatrullerar i Hallonbergens", "police", ("count", 3)),
            ("Genomför minst 40 narkotikakon", "police", ("at_least", 40)),
            ("Deltar i föräldramöten på Hall", "police", None),
            ("Har fältassistenter i Hallonbe", "municipality", None),
            ("Håller Ungdomens hus öppet sex", "municipality", ("count", 6)),
            ("Tar bort klotter inom 24 timma", "municipality", None),
            ("Bemannar bovärdskontoret i Hal", "other", ("count", 2)),
            ("Genomför två trygghetsvandring", "joint", ("count", 2)),
            ("Redovisar hur arbetet går för ", "joint", ("count", 1)),
        ],
    ),
    "trollhattan-2027-2028-databasutdrag-psql.txt": (
        ["Vi lovar att arbeta för att färre ska känna sig otrygga vid "],
        [
            ("Fotpatrullering vid Kronogårde", "police", ("at_least", 3)),
            ("Riktade insatser mot narkotika", "police", ("at_least", 25)),
            ("Fältassistenter i Lextorp", "municipality", None),
            ("Läxhjälp på biblioteket", "municipality", ("count", 2)),
            ("Översyn av belysning i Lextorp", "other", None),
            ("Nattvandring", "other", None),
            ("Trygghetsvandringar med boende", "joint", ("count", 2)),
            ("Uppföljning i samverkansgruppe", "joint", None),
        ],
    ),
    "vasteras-2027-2028-excel-frekvens-kolumn.txt": (
        ["Vi lovar att arbeta för att minska den öppna narkotikahandel"],
        [
            ("Fotpatrullering i Vasaparken", "police", ("count", 2)),
            ("Narkotikakontroller vid resece", "police", ("count", 4)),
            ("Besök på högstadieskolornas fö", "police", None),
            ("Fältassistenter ute i centrum", "municipality", ("count", 3)),
            ("Öppen fritidsgård på Kopparlun", "municipality", None),
            ("Klotter- och skräpsanering i p", "municipality", None),
            ("Brandskyddsinformation i Vasap", "other", ("count", 2)),
            ("Trygghetsvandringar med boende", "joint", None),
            ("Gemensam lägesbild", "joint", ("count", 1)),
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


PSQL = """västby=> SELECT nr, aktivitet, ansvar, mal FROM aktivitet;
 nr |         aktivitet          |     ansvar      |            mal
----+----------------------------+-----------------+---------------------------
  1 | Fotpatrullering vid torget | Polisen         | minst 3 kvällar per vecka
  2 | Trygghetsvandringar med    | Polisen, Västby | två gånger om året
    | boende                     | kommun          |
  3 | Nattvandring               | Västby IF       |
(3 rader)
"""


def test_a_query_result_printed_by_psql_is_a_table():
    """A database client's result under its rule "----+----", a value wrapped on the next line
    (the first cell empty there), "(3 rader)" under it: before, Trollhättan's rows gave one
    activity, the query's line."""
    assert psql_tables_read(PSQL).split("\n") == [
        "nr\taktivitet\tansvar\tmal",
        "1\tFotpatrullering vid torget\tPolisen\tminst 3 kvällar per vecka",
        "2\tTrygghetsvandringar med boende\tPolisen, Västby kommun\ttvå gånger om året",
        "3\tNattvandring\tVästby IF\t",
        "",
    ]
    assert _read(PSQL) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 3)),
        ("Trygghetsvandringar med boende", "joint", ("count", 2)),
        ("Nattvandring", "other", None),
    ]
    # A rule of dashes crossed by "+" with no heading of columns over it stays.
    rule = "Text\n-----+-----\nMer text\n"
    assert psql_tables_read(rule) == rule


HTML = """<h2>Det här gör vi</h2>
<table>
  <thead>
    <tr>
      <th>Aktivitet</th>
      <th>Ansvar</th>
      <th>Mål</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>Fotpatrullering vid torget</td>
      <td>Polisen</td>
      <td>två kvällar i veckan</td>
    </tr>
    <tr>
      <td>Informationsmöten om grannsamverkan</td>
      <td>Västby stad</td>
      <td>fyra gånger per år</td>
    </tr>
  </tbody>
</table>
"""


def test_an_html_tables_cells_each_on_a_line_of_the_source_are_one_row():
    """A table's source with each cell's tag on a line of its own: before, Lidingö's cells were
    read as lines, a target the owner's activity ("Lidingö stad fyra gånger per år")."""
    assert _without_html(HTML).strip().split("\n")[-3:] == [
        "Aktivitet\tAnsvar\tMål",
        "Fotpatrullering vid torget\tPolisen\ttvå kvällar i veckan",
        "Informationsmöten om grannsamverkan\tVästby stad\tfyra gånger per år",
    ]
    assert _read(HTML) == [
        ("Fotpatrullering vid torget", "police", ("count", 2)),
        ("Informationsmöten om grannsamverkan", "municipality", ("count", 4)),
    ]


TOML = """+++
title = "Medborgarlöfte för Västby 2027"
giltigt_fran = 2027-02-01
giltigt_till = 2028-01-31

[[aktiviteter]]
aktivitet = "Fotpatrullering vid torget"
ansvar = "Polisen"
mal = "minst två kvällar i veckan"

[[aktiviteter]]
aktivitet = "Brandskyddsinformation i bostadsområdet"
ansvar = "Västby Räddningstjänst"
mal = "en gång per år"
+++

Polisen och Västby kommun lovar att arbeta för att fler ska känna sig trygga vid torget.
"""


def test_a_pages_toml_header_is_read_as_a_yaml_header_is():
    """A Hugo page's TOML header between "+++" lines, its activities as "[[aktiviteter]]":
    before, Södermalm's gave no activity, the promise under it one, and its validity was the
    title's year."""
    assert toml_front_matter(TOML).split("\n")[:10] == [
        "Medborgarlöfte för Västby 2027",
        "",
        "Giltigt från: 2027-02-01",
        "Giltigt till: 2028-01-31",
        "",
        "Aktiviteter:",
        "",
        "Aktivitet: Fotpatrullering vid torget",
        "Ansvarig: Polisen",
        "Mål: minst två kvällar i veckan",
    ]
    document = parse(TOML)
    assert [promise.text[:40] for promise in document.promises] == [
        "Polisen och Västby kommun lovar att arbe"
    ]
    assert _read(TOML) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 2)),
        ("Brandskyddsinformation i bostadsområdet", "other", ("count", 1)),
    ]
    assert (str(document.start), str(document.end)) == ("2027-02-01", "2028-01-31")
    # A header TOML cannot read is left as it is.
    broken = "+++\ntitle = \nx = [\n+++\nText.\n"
    assert toml_front_matter(broken) == broken


CLAUSES = """Vi i Polisen ska
fotpatrullera vid torget (minst 2 kvällar/vecka),
genomföra trafikkontroller (minst 12 st),
besöka skolorna (en gång per termin).

Vi i Västby kommun ska
ha fältassistenter vid torget (3 kvällar/vecka),
laga trasig belysning inom en vecka.

Vi i Räddningstjänsten Västby ska
hålla brandskyddsutbildningar (2 st under året).

Vi i Polisen och Västby kommun ska tillsammans
genomföra trygghetsvandringar (minst 3 st),
följa upp löftet varje kvartal.
"""


def test_clauses_a_line_each_under_vi_i_party_ska_are_its_items():
    """ "Vi i Polisen ska" over clauses ending with commas: before, Karlskoga's party headings
    were joined to their first clause and the others lost."""
    assert comma_lines_read(CLAUSES).split("\n")[:4] == [
        "Vi i Polisen ska",
        "- fotpatrullera vid torget (minst 2 kvällar/vecka)",
        "- genomföra trafikkontroller (minst 12 st)",
        "- besöka skolorna (en gång per termin).",
    ]
    assert _read(CLAUSES) == [
        ("fotpatrullera vid torget (minst 2 kvällar/vecka)", "police", ("at_least", 2)),
        ("genomföra trafikkontroller (minst 12 st)", "police", ("at_least", 12)),
        ("besöka skolorna (en gång per termin).", "police", None),
        ("ha fältassistenter vid torget (3 kvällar/vecka)", "municipality", ("count", 3)),
        ("laga trasig belysning inom en vecka.", "municipality", None),
        ("hålla brandskyddsutbildningar (2 st under året).", "other", ("count", 2)),
        ("genomföra trygghetsvandringar (minst 3 st)", "joint", ("at_least", 3)),
        ("följa upp löftet varje kvartal.", "joint", None),
    ]
    # A sentence wrapped over lines that do not each end with a comma stays.
    wrapped = "Polisen ska\nfotpatrullera vid torget och\nbesöka skolorna.\nMer text.\n"
    assert comma_lines_read(wrapped) == wrapped


def test_another_organisation_named_over_its_list_owns_its_items():
    """ "Hudiksvallsbostäder ska", "Det här gör Signalisten", "Stenungsundshem: …": before,
    Iggesund's item was lost, Hallonbergen's and Hallerna's had no owner."""
    text = (
        "Polisen ska\n- fotpatrullera vid torget\n\n"
        "Västbybostäder ska\n- se över belysningen på gårdarna\n\n"
        "Det här gör Signalisten\n- Bemannar bovärdskontoret två kvällar i veckan.\n"
    )
    assert _read(text) == [
        ("fotpatrullera vid torget", "police", None),
        ("se över belysningen på gårdarna", "other", None),
        ("Bemannar bovärdskontoret två kvällar i veckan.", "other", ("count", 2)),
    ]
    labelled = "Aktiviteter\nPolisen: Fotpatrullering.\nVästbyhem: Ny belysning på gårdarna.\n"
    assert [owner for _text, owner, _target in _read(labelled)] == ["police", "other"]
    # A thing's word in the definite form before "ska" names no organisation.
    assert _read("Löftet ska\n- följas upp\n") == []


def test_a_quarter_abbreviated_after_a_slash_is_no_target():
    """A spreadsheet's "1/kv" (once a quarter), as "per kvartal": before, Västerås's row was
    one during the period."""
    text = "Aktivitet\tAnsvarig\tFrekvens\nTrygghetsvandringar\tPolisen\t1/kv\n"
    text += "Lägesbild\tPolisen\t1/mån\n"
    assert _read(text) == [
        ("Trygghetsvandringar", "police", None),
        ("Lägesbild", "police", ("count", 1)),
    ]


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "psql rows": " a | b\n---+---\n" + _repeated(" c | d\n"),
    "psql wrapped rows": " a | b\n---+---\n x | y\n" + _repeated("   | d\n"),
    "psql rules": _repeated(" a | b\n---+---\n"),
    "psql long rule": " a" + " | b" * (N // 8) + "\n" + "---+" * (N // 8) + "-\n",
    "html table layout": "<table>" + _repeated("<tr>\n  <td>a</td>\n  <td>b</td>\n</tr>\n"),
    "html white space": "<p>a</p><table><tr>" + " " * (N - 40) + "x</tr></table>",
    "toml tables": "+++\ntitle = 'a'\n" + _repeated("[[aktiviteter]]\naktivitet = 'b'\n"),
    "toml nesting": "+++\ntitle = 'a'\nx = " + "[" * (N // 2) + "\n+++\n",
    "comma lines": "Polisen ska\n" + _repeated("göra a,\n"),
    "comma leads": _repeated("Polisen ska\ngöra a,\n"),
    "comma line": "Polisen ska\ngöra " + "a, " * (N // 3) + "b\n",
    "shall headings": _repeated("Västbybostäder ska\n- a\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
