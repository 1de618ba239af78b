"""Blind rounds 145 to 147 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.formats.att_clauses import att_clauses_read
from promises.textimport.formats.dash_fields import dash_fields_read
from promises.textimport.formats.diagrams import diagrams_read
from promises.textimport.formats.issue_keys import issue_keys_read
from promises.textimport.formats.rotated_labels import rotated_labels_read
from promises.textimport.formats.symbol_marks import symbol_legend_lines_read, symbol_marks_read
from promises.textimport.formats.trailing_owners import trailing_owners_read
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "falkenberg-2027-2028-avsiktsforklaring.txt": (
        ["Parterna lovar gemensamt invånarna i Falkenberg att arbeta f"],
        [
            ("fotpatrullera kring Stortorget", "police", None),
            ("genomföra minst 12 kontroller ", "police", ("at_least", 12)),
            ("besöka högstadieskolorna två g", "police", ("count", 2)),
            ("ha fältassistenter ute i centr", "municipality", ("count", 3)),
            ("förbättra belysningen på Storg", "municipality", None),
            ("erbjuda sommarjobb till minst ", "municipality", ("at_least", 40)),
            ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
            ("följa upp avsiktsförklaringen ", "joint", None),
            ("Underskrifter Falkenberg den 1", "joint", None),
        ],
    ),
    "kungalv-ytterby-2027-mermaid-flodesschema.txt": (
        ["Vi lovar att minska otryggheten kring Ytterby station och sk"],
        [
            ("Fotpatrullering vid Ytterby st", "police", ("at_least", 2)),
            ("Hastighetskontroller på Kungsv", "police", ("count", 2)),
            ("Besök på Ytterbyskolan 4–6 gån", "police", None),
            ("Fältassistenter vid stationen ", "municipality", None),
            ("Ny belysning på gångvägen mell", "municipality", None),
            ("Fritidsgården Ytterby öppen tr", "municipality", ("count", 3)),
            ("Två trygghetsvandringar med bo", "joint", ("count", 2)),
            ("Gemensam lägesbild varannan ve", "joint", None),
        ],
    ),
    "lerum-grabo-2026-snedstreck-signatur.txt": (
        ["Vi lovar att minska buskörningen och stöket kring Gråbo cent"],
        [
            ("Synlig polis i Gråbo centrum m", "police", None),
            ("Hastighetskontroller på Götebo", "police", ("count", 2)),
            ("Kontroller av mopeder och EPA-", "police", None),
            ("Fritidsgården Gråbo håller öpp", "municipality", None),
            ("Fältassistenter i centrum tre ", "municipality", None),
            ("Klotter på kommunens fastighet", "municipality", None),
            ("Trygghetsvandring med boende o", "joint", ("count", 2)),
            ("Gemensam lägesbild var fjorton", "joint", None),
        ],
    ),
    "malmo-sofielund-2026-2027-emoji-agare-teckenforklaring.txt": (
        ["Vi lovar att arbeta för att Seved och Sofielunds industriomr"],
        [
            ("Fotpatrullering på Sevedsplan ", "police", ("at_least", 3)),
            ("Insatser mot narkotikaförsäljn", "police", None),
            ("Hastighetskontroller på Lönnga", "police", ("count", 2)),
            ("Fältsekreterare på Sevedsplan ", "municipality", ("count", 4)),
            ("Lagning av trasig belysning in", "municipality", None),
            ("Städning av gårdar och källare", "other", None),
            ("Kameror i tre garage på Rasmus", "other", None),
            ("Trygghetsvandringar med boende", "joint", ("count", 3)),
            ("Uppföljning av löftet med boen", "joint", ("at_least", 1)),
        ],
    ),
    "nykoping-brandkarr-2026-pdf-staende-etiketter.txt": (
        ["Vi lovar att arbeta för att boende i Brandkärr ska känna sig"],
        [
            ("Fotpatrullering i Brandkärrs c", "police", ("at_least", 3)),
            ("Trafikkontroller på Brandkärrs", "police", ("count", 1)),
            ("Samtal med elever på Brandkärr", "police", None),
            ("Fältassistenter i centrum fred", "municipality", None),
            ("Ny belysning vid gångtunneln m", "municipality", None),
            ("Öppen fritidsgård även i juli", "municipality", None),
            ("Trygghetsvandring med boende o", "joint", ("count", 2)),
            ("Uppföljning av löftet i Brotts", "joint", None),
        ],
    ),
    "sandviken-arsunda-2026-byaforening-arsmotesprotokoll.txt": (
        ["Vi lovar att arbeta för att färre ska köra för fort genom by"],
        [
            ("Polisen kommer också att besök", "police", None),
            ("Kommunen kommer att sätta upp ", "municipality", ("count", 2)),
            ("Polisen och kommunen bjuder ti", "joint", ("count", 2)),
        ],
    ),
    "skovde-sodra-ryd-2026-2027-folder-punktlinjer.txt": (
        ["Vi lovar att arbeta för att Södra Ryd ska vara en trygg plat"],
        [
            ("Fotpatrullering i Ryds centrum", "police", ("at_least", 2)),
            ("Kontroller av mopeder och EPA-", "police", None),
            ("Besök på Rydsskolan en gång i ", "police", ("count", 1)),
            ("Ny belysning längs gångvägen t", "municipality", None),
            ("Fritidsgården Ryd öppen även p", "municipality", None),
            ("Föräldravandringar tre av fyra", "other", None),
            ("Trygghetsvandringar två gånger", "joint", ("count", 2)),
        ],
    ),
    "uddevalla-herrestad-2027-vad-vem-hur-ofta-tankstreck.txt": (
        ["Vi lovar att göra det tryggare att röra sig i Herrestads cen"],
        [
            ("Fotpatrullering i Herrestads c", "police", ("at_least", 2)),
            ("Hastighetskontroller på Herres", "police", ("count", 2)),
            ("Besök på Herrestadsskolan", "police", ("count", 2)),
            ("Röjning av buskar längs gångvä", "municipality", ("count", 2)),
            ("Fältassistenter vid centrum", "municipality", None),
            ("Öppen idrottshall för unga", "municipality", None),
            ("Nattvandring", "other", None),
            ("Trygghetsvandring med boende", "joint", ("count", 1)),
        ],
    ),
    "vanersborg-torpa-2027-jira-export.txt": (
        ["Vänersborgs kommun och lokalpolisområde Trollhättan-Vänersbo"],
        [
            ("Fotpatrullering kring Torpa to", "police", ("at_least", 2)),
            ("Hastighetskontroller på Torpav", "police", ("count", 8)),
            ("Beskärning och belysning vid g", "municipality", None),
            ("Fältassistenter på torget", "municipality", None),
            ("Trygghetsvandringar med Väners", "joint", ("count", 2)),
            ("Nattvandring fredagar", "other", ("at_least", 30)),
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


LEADERS = """Det här gör vi                    Ansvar

Fotpatrullering vid torget,
minst två kvällar i veckan ........... Polisen
Kontroller av mopeder och EPA-
traktorer vid skolan .................. Polisen
Ny belysning i gång-
tunneln ............................... Västby kommun
Nattvandringar varje helg ............ Nattvandrarna
"""


def test_owners_after_dot_leaders_are_the_items_owners():
    """A folder's "… ........ Polisen", the item wrapped over the lines above: before, no
    activity of Södra Ryd's was read."""
    assert trailing_owners_read(LEADERS).split("\n") == [
        "Det här gör vi",
        "",
        "- Fotpatrullering vid torget, minst två kvällar i veckan (Polisen)",
        "- Kontroller av mopeder och EPA-traktorer vid skolan (Polisen)",
        "- Ny belysning i gångtunneln (Västby kommun)",
        "- Nattvandringar varje helg – Ansvarig: Nattvandrarna",
        "",
    ]
    assert _read(LEADERS) == [
        ("Fotpatrullering vid torget, minst två kvällar i veckan", "police", ("at_least", 2)),
        ("Kontroller av mopeder och EPA-traktorer vid skolan", "police", None),
        ("Ny belysning i gångtunneln", "municipality", None),
        ("Nattvandringar varje helg", "other", None),
    ]
    # A table of contents' page numbers name no owner.
    contents = "Bakgrund .......... 3\nLöftet .......... 5\n"
    assert trailing_owners_read(contents) == contents


SLASHES = """Aktiviteter (vem som ansvarar står efter snedstrecket)

Synlig polis i centrum varje fredag /Polisen
Fritidsgården öppen på lördagar /Västby kommun
Trygghetsvandring 2 gånger under året /Polisen och kommunen
"""


def test_an_owner_signed_after_a_slash_is_the_items_owner():
    """ "… /Polisen": before, Gråbo's items were read as promises or not at all."""
    assert trailing_owners_read(SLASHES).split("\n")[:3] == [
        "Aktiviteter",
        "",
        "Synlig polis i centrum varje fredag (Polisen)",
    ]
    assert _read(SLASHES) == [
        ("Synlig polis i centrum varje fredag", "police", None),
        ("Fritidsgården öppen på lördagar", "municipality", None),
        ("Trygghetsvandring 2 gånger under året", "joint", ("count", 2)),
    ]
    # A translation after " / " is no signature; nor is a single signed line.
    pairs = "Police / Polisen\nTogether we will / Tillsammans ska vi\n"
    assert trailing_owners_read(pairs) == pairs
    single = "Fotpatrull i centrum /Polisen\n"
    assert trailing_owners_read(single) == single


SYMBOLS = """Så här gör vi:
🚓 Fotpatrullering på torget minst 3 kvällar i veckan
🏛️ Fältsekreterare på torget fyra kvällar i veckan
🏠 Städning av källarna var fjortonde dag
🤝 Trygghetsvandringar med boende tre gånger per år

Teckenförklaring: 🚓 = Polisen   🏛️ = Västby stad   🏠 = Västbyhem   🤝 = Polisen och staden
"""


def test_symbols_a_legend_on_one_line_explains_name_their_items_owners():
    """ "🚓 …" over "Teckenförklaring: 🚓 = Polisen   🏛️ = Malmö stad …": before, Sofielund's
    items had no owner but one."""
    assert symbol_marks_read(SYMBOLS).split("\n")[1:3] == [
        "- Fotpatrullering på torget minst 3 kvällar i veckan (Polisen)",
        "- Fältsekreterare på torget fyra kvällar i veckan (Västby stad)",
    ]
    assert _read(SYMBOLS) == [
        ("Fotpatrullering på torget minst 3 kvällar i veckan", "police", ("at_least", 3)),
        ("Fältsekreterare på torget fyra kvällar i veckan", "municipality", ("count", 4)),
        ("Städning av källarna var fjortonde dag", "other", None),
        ("Trygghetsvandringar med boende tre gånger per år", "joint", ("count", 3)),
    ]
    # A legend a line each is the older rule's, in the same module: left here, read there.
    per_line = "🟦 = Polisen\n🟩 = Norsjö kommun\n\n🟦 Fotpatrull\n🟩 Belysning\n"
    assert symbol_marks_read(per_line) == per_line
    assert symbol_legend_lines_read(per_line).split("\n") == [
        "",
        "Polisen:",
        "🟦 Fotpatrull",
        "",
        "Norsjö kommun:",
        "🟩 Belysning",
        "",
    ]


DASHES = """Aktivitet – Ansvarig – Hur ofta
Fotpatrullering i centrum – Polisen – minst två kvällar i veckan
Röjning av buskar – Västby kommun – två gånger per år
Nattvandring – Föreningen Nattvandrarna – varannan helg
"""


def test_lines_of_dash_separated_fields_under_their_columns_names_are_blocks():
    """ "Aktivitet – Ansvarig – Hur ofta" over "… – Polisen – …": before, Herrestad's first
    line was one activity with no owner and the others were lost."""
    assert dash_fields_read(DASHES).split("\n")[:4] == [
        "Aktivitet: Fotpatrullering i centrum",
        "Ansvar: Polisen",
        "Omfattning: minst två kvällar i veckan",
        "",
    ]
    assert _read(DASHES) == [
        ("Fotpatrullering i centrum", "police", ("at_least", 2)),
        ("Röjning av buskar", "municipality", ("count", 2)),
        ("Nattvandring", "other", None),
    ]
    # A dash in a sentence, with no heading naming columns, stays.
    sentence = "Polisen – fotpatrull i centrum – 2 g/vecka\nKommunen – belysning – i vår\n"
    assert dash_fields_read(sentence) == sentence


INTENT = """Polisen avser att
a) fotpatrullera kring torget fredag och lördag kväll,
b) genomföra minst 12 kontroller per år.

Parterna avser gemensamt att
a) genomföra två trygghetsvandringar per år,
b) följa upp löftet varje halvår.
"""


def test_a_letter_of_intents_lettered_clauses_are_its_parties_items():
    """ "Polisen avser att" over "a) …,", "b) …": before, Falkenberg's items had no owner."""
    assert att_clauses_read(INTENT).split("\n")[:3] == [
        "Polisen åtar sig att:",
        "- fotpatrullera kring torget fredag och lördag kväll",
        "- genomföra minst 12 kontroller per år.",
    ]
    assert [(text[:25], owner) for text, owner, _target in _read(INTENT)] == [
        ("fotpatrullera kring torge", "police"),
        ("genomföra minst 12 kontro", "police"),
        ("genomföra två trygghetsva", "joint"),
        ("följa upp löftet varje ha", "joint"),
    ]
    # Lettered lines under a heading without "att" are no clauses.
    plain = "Polisen ska\na) fotpatrullera\nb) kontrollera\n"
    assert att_clauses_read(plain) == plain


def test_a_street_number_is_no_count_of_times_after_it():
    """ "på Drottninggatan 2 gånger i månaden": the README's misreading of rounds 142-144."""
    assert _read("Polisen ska:\n- Hastighetskontroller på Lönngatan 2 gånger i månaden\n") == [
        ("Hastighetskontroller på Lönngatan 2 gånger i månaden", "police", ("count", 2))
    ]
    # A street's number before anything else is still an address.
    assert _read("Polisen ska:\n- Möte på Storgatan 12 med boende\n")[0][2] is None


ISSUES = """Exporterat från Jira

TRYGG-1  Fotpatrullering vid torget
Typ: Uppgift    Status: Att göra    Prioritet: Hög
Tilldelad: Polisen
Beskrivning: Synlig polis minst två kvällar i veckan.
Etiketter: medborgarlöfte

TRYGG-2  Nattvandring
Typ: Uppgift    Status: Pågår
Tilldelad: Föreningen Nattvandrarna
Beskrivning: Vuxna vandrar minst 30 fredagar under året.
"""


def test_an_issue_trackers_issues_are_labelled_blocks():
    """ "TRYGG-31  …" over "Tilldelad: …" and "Beskrivning: …": before, Torpa's activities
    were its "Typ: … Status: …" lines."""
    assert issue_keys_read(ISSUES).split("\n")[2:5] == [
        "Aktivitet: Fotpatrullering vid torget",
        "Ansvar: Polisen",
        "Omfattning: Synlig polis minst två kvällar i veckan.",
    ]
    assert _read(ISSUES) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 2)),
        ("Nattvandring", "other", ("at_least", 30)),
    ]
    # A key in running text, and an issue assigned to no one, stay.
    unassigned = "TRYGG-1  a\nStatus: Klar\n\nTRYGG-2  b\nStatus: Klar\n"
    assert issue_keys_read(unassigned) == unassigned


ROTATED = """Aktivitet
Omfattning
N
E
S
I
L
O
P
Fotpatrullering i centrum
minst 3 kvällar i veckan
Samtal med elever
N
U
M
M
O
K
Öppen fritidsgård även i juli
Fältassistenter i centrum
varje helg
"""


def test_a_partys_name_written_a_letter_a_line_heads_its_rows():
    """A PDF table's group labels set on their side, "N", "E", "S", "I", "L", "O", "P": before,
    Brandkärr's letters and scopes were activities of their own, with no owner."""
    assert rotated_labels_read(ROTATED).split("\n")[:4] == [
        "Aktivitet: Fotpatrullering i centrum",
        "Ansvar: Polisen",
        "Omfattning: minst 3 kvällar i veckan",
        "",
    ]
    assert _read(ROTATED) == [
        ("Fotpatrullering i centrum", "police", ("at_least", 3)),
        ("Samtal med elever", "police", None),
        ("Öppen fritidsgård även i juli", "municipality", None),
        ("Fältassistenter i centrum", "municipality", None),
    ]
    # Without the columns' names the name heads the lines under it.
    assert rotated_labels_read("x\nP\nO\nL\nI\nS\nE\nN\n- a\n") == "x\nPolisen:\n- a\n"
    # Letters a line that spell no party stay.
    letters = "A\nB\nC\nD\nE\n"
    assert rotated_labels_read(letters) == letters


DIAGRAM = """```mermaid
flowchart TD
    L["Vi lovar att göra torget tryggare"]
    L --> P(Polisen)
    L --> K(Västby kommun)
    P --> P1["Fotpatrullering vid torget minst två kvällar i veckan"]
    P --> P2["Hastighetskontroller vid skolan"]
    K --> K1["Ny belysning i parken"]
    K --> K2["Fritidsgården öppen tre kvällar i veckan"]
    classDef part fill:#eef
```
"""


def test_a_flowcharts_party_nodes_head_their_activities():
    """A Mermaid flowchart, "P(Polisen)" pointing to its activities' nodes: before, Ytterby's
    diagram was one activity, "P --> P1[…]"."""
    assert diagrams_read(DIAGRAM).split("\n")[:4] == [
        "Vi lovar att göra torget tryggare",
        "",
        "Polisen:",
        "- Fotpatrullering vid torget minst två kvällar i veckan",
    ]
    assert _read(DIAGRAM) == [
        ("Fotpatrullering vid torget minst två kvällar i veckan", "police", ("at_least", 2)),
        ("Hastighetskontroller vid skolan", "police", None),
        ("Ny belysning i parken", "municipality", None),
        ("Fritidsgården öppen tre kvällar i veckan", "municipality", ("count", 3)),
    ]
    # A diagram without a party's node stays.
    steps = "flowchart LR\n    A[Dialog] --> B[Lägesbild]\n    B --> C[Löfte]\n"
    assert diagrams_read(steps) == steps


def test_once_in_spring_and_once_in_autumn_is_twice_a_year():
    """ "en gång på våren och en gång på hösten": the README's misreading of rounds 142-144
    (Lugnvik), and Torpa's, Herrestad's and Årsunda's walks."""
    target = (
        parse(
            "Polisen ska:\n- Trygghetsvandring med boende en gång på våren och en gång på hösten\n"
        )
        .activities[0]
        .target
    )
    assert (target.comparator, target.value, target.unit, target.scope) == (
        "count",
        2,
        "gånger",
        "year",
    )
    assert target.uncertain == ["Räknas per år: ”en gång på våren och en gång på hösten”"]
    # A number the text states otherwise is read as before; one season alone is no year.
    assert _read("Polisen ska:\n- Tre trygghetsvandringar per år, en gång på våren\n")[0][2] == (
        "count",
        3,
    )
    assert _read("Polisen ska:\n- Besök en gång på hösten och en gång på hösten\n")[0][2] is None


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "dot leaders": _repeated("a b\nc ........ Polisen\n"),
    "long leader": "a " + "." * N + " Polisen\nb ..... Polisen\n",
    "leaders without a name": _repeated("a ...... b ...... c\n"),
    "slashes": _repeated("a b /Polisen\n"),
    "symbols": "🚓 = Polisen   🏛️ = Kommunen\n" + _repeated("🚓 a b\n"),
    "symbol legends": _repeated("🚓 = Polisen 🏛️ = Kommunen "),
    "dash fields": "Aktivitet – Ansvarig\n" + _repeated("a – Polisen\n"),
    "dash headings": _repeated("Aktivitet – Ansvarig\n"),
    "lettered clauses": _repeated("Polisen avser att\na) b,\nb) c\n"),
    "issues": _repeated("AB-1  a\nTilldelad: Polisen\nBeskrivning: 2 per år\n"),
    "issue fields": "AB-1  a\n" + _repeated("Typ: a   Status: b   Tilldelad: Polisen\n"),
    "rotated labels": "Aktivitet\nOmfattning\n" + _repeated("N\nE\nS\nI\nL\nO\nP\na\n2 per år\n"),
    "letters": _repeated("A\nB\n"),
    "seasons": _repeated("a en gång på våren och en gång på hösten b\n"),
    "diagram": "flowchart TD\n" + _repeated("P(Polisen) --> A1[a]\nP --> B1[b]\n"),
    "diagram nodes": "flowchart TD\n" + "".join(f"P --> N{n}[a]\n" for n in range(20_000)),
    "one season line": "- a " + "en gång på våren och " * 9000 + "\n- b\n",
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
