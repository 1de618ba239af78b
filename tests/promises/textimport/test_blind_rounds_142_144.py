"""Blind rounds 142 to 144 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import time

import pytest

from promises.textimport.formats.action_points import action_points_read
from promises.textimport.formats.att_clauses import att_clauses_read
from promises.textimport.formats.event_cards import event_cards_read
from promises.textimport.formats.ini_sections import ini_sections_read
from promises.textimport.formats.owners_by_number import owners_by_number_read
from promises.textimport.formats.star_marks import star_marks_read
from promises.textimport.formats.trailing_tags import trailing_tags_read
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "borlange-tjarna-angar-2026-2027-ansvar-per-nummer.txt": (
        ["Vi lovar att göra torget och tunnlarna i Tjärna ängar trygga"],
        [
            ("Synlig närvaro vid Tjärna torg", "police", ("at_least", 3)),
            ("Hastighetskontroller på Tjärna", "police", ("count", 2)),
            ("Besök på Tjärna skola för samt", "police", None),
            ("Bättre belysning i de fyra gån", "municipality", None),
            ("Klotter i tunnlarna tas bort i", "municipality", None),
            ("Två trygghetsvandringar per år", "joint", ("count", 2)),
            ("Gemensam uppföljning med Tjärn", "joint", None),
        ],
    ),
    "gavle-brynas-2026-ini-fil.txt": (
        ["[lofte] namn = Medborgarlöfte Brynäs 2026 parter = Polisen i"],
        [
            ("Fotpatrullering i Brynäs centr", "police", ("at_least", 2)),
            ("Hastighetskontroller på Södra ", "police", ("count", 1)),
            ("Röjning av buskage och ny bely", "municipality", None),
            ("Fältassistenter i Brynäs centr", "municipality", ("count", 3)),
            ("Trygghetsvandringar med boende", "joint", ("count", 4)),
            ("Uppföljning av löftet i samver", "joint", None),
        ],
    ),
    "jonkoping-huskvarna-2027-intranat-hashtaggar.txt": (
        ["Löftet i korthet: vi lovar att minska störningarna kring Fol"],
        [
            ("Fotpatrullering kring resecent", "police", None),
            ("Kontroller av mopeder och EPA-", "police", ("count", 2)),
            ("Trimning av buskar och ny bely", "municipality", None),
            ("Fältassistenter på plats i cen", "municipality", ("at_least", 3)),
            ("Trygghetsvandring med handlare", "joint", ("count", 2)),
            ("Uppföljning av löftet varje kv", "joint", None),
        ],
    ),
    "karlskrona-kungsmarken-2026-stjarnmarkeringar.txt": (
        ["Vi lovar att minska bilbränder och skadegörelse och att fler"],
        [
            ("Fotpatrullering på kvällstid i", "police", ("at_least", 2)),
            ("Samtal med ungdomar vid fritid", "police", ("count", 1)),
            ("Bevakning av parkeringarna nat", "joint", ("count", 1)),
            ("Bortforsling av övergivna bila", "municipality", None),
            ("Öppen fritidsgård även söndaga", "municipality", None),
            ("Trygghetsvandring med boende o", "joint", ("count", 3)),
            ("Uppföljning av löftet vid samv", "joint", None),
        ],
    ),
    "lulea-bergnaset-2026-minnesanteckningar-atgardspunkter.txt": (
        ["Löftestext: Vi lovar att arbeta för ett tryggare Bergnäset c"],
        [
            ("Hastighetskontroller vid Bergn", "police", ("at_least", 1)),
            ("Polisen är synlig vid centrum ", "police", None),
            ("Busken vid gångbron klipps ned", "municipality", None),
            ("Fältgruppen finns på plats i c", "municipality", ("count", 2)),
            ("Lulebo byter lås och porttelef", "other", None),
            ("Trygghetsvandring med boende 2", "joint", ("count", 2)),
        ],
    ),
    "norrtalje-rimbo-2026-2027-att-satser.txt": (
        ["Polisen och kommunen lovar att arbeta för ett tryggare Rimbo"],
        [
            ("genomföra hastighetskontroller", "police", ("at_least", 2)),
            ("vara synlig i Rimbo centrum på", "police", None),
            ("besöka Rimbo skola 2 gånger pe", "police", None),
            ("förstärka belysningen vid pend", "municipality", None),
            ("ha fältassistenter i centrum 2", "municipality", ("count", 2)),
            ("erbjuda föräldravandring i sam", "municipality", None),
            ("genomföra 2 trygghetsvandringa", "joint", ("count", 2)),
            ("följa upp löftet en gång per h", "joint", None),
        ],
    ),
    "ostersund-lugnvik-2026-barnversion.txt": (
        ["Vi lovar att du ska kunna gå till skolan och till fritidsgår"],
        [
            ("Poliser kommer till din skola ", "police", None),
            ("Poliser går runt i Lugnvik på ", "police", ("at_least", 1)),
            ("Kommunen sätter upp fler lampo", "municipality", None),
            ("Fritidsgården har öppet fyra k", "municipality", ("count", 4)),
            ("Vi går en trygghetsvandring me", "joint", ("count", 2)),
            ("Vill du säga något till oss? P", "joint", None),
        ],
    ),
    "skelleftea-moro-backe-2027-gitlab-uppgiftslista.txt": (
        ["Vi lovar att minska skadegörelsen och öka tryggheten kring M"],
        [
            ("Fotpatrullering kring centrum ", "police", None),
            ("Kontroller av mopedtrafiken på", "police", ("at_least", 2)),
            ("Ny belysning på gångvägen mell", "municipality", None),
            ("Fritidsgården håller öppet äve", "municipality", ("count", 40)),
            ("Trygghetsvandring med boende o", "joint", ("count", 2)),
            ("Uppföljning av löftet i Brå-gr", "joint", None),
        ],
    ),
    "trelleborg-skegrie-2026-evenemangskalender.txt": (
        ["Vi lovar att arbeta för att fler ska känna sig trygga i Skeg"],
        [
            ("Träffa polisen vid busshållpla", "police", None),
            ("Trafikkontroll vid Skegrieskol", "police", None),
            ("Öppen idrottshall för unga", "municipality", None),
            ("Nattvandring", "other", None),
            ("Trygghetsvandring", "joint", ("count", 2)),
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


INI_FILE = """; medborgarlofte.ini
[lofte]
namn = Medborgarlöfte Västby 2026

[aktivitet.1]
text = Fotpatrullering vid torget
ansvar = Polisen
omfattning = minst 2 kvällar i veckan

[aktivitet.2]
text = Ny belysning i parken
ansvar = Västby kommun
omfattning =

[aktivitet.3]
text = Trygghetsvandringar
ansvar = Gemensamt
omfattning = 4 per år
"""


def test_a_settings_files_activity_sections_are_read_as_labelled_blocks():
    """ "[aktivitet.1]" over "text = …", "ansvar = …", "omfattning = …": before, no activity
    was read."""
    assert ini_sections_read(INI_FILE).split("\n")[4:7] == [
        "Aktivitet: Fotpatrullering vid torget",
        "Ansvar: Polisen",
        "Omfattning: minst 2 kvällar i veckan",
    ]
    assert _read(INI_FILE) == [
        ("Fotpatrullering vid torget", "police", ("at_least", 2)),
        ("Ny belysning i parken", "municipality", None),
        ("Trygghetsvandringar", "joint", ("count", 4)),
    ]
    # Sections that are no activity's, and one activity's section alone, stay as they are.
    other = "[export]\ndatum = 2026-01-12\n[lofte]\nnamn = a\n[aktivitet.1]\ntext = b\n"
    assert ini_sections_read(other) == other


STAR_MARKS = """Så här gör vi
• Fotpatrullering minst 2 kvällar i veckan *
• Öppen fritidsgård även söndagar **
• Trygghetsvandring 3 gånger under året ***

* Polisen ansvarar
** Västby kommun ansvarar
*** Polisen och kommunen ansvarar tillsammans
"""


def test_asterisks_a_legend_explains_name_their_items_owners():
    """ "… söndagar **" with "** Karlskrona kommun ansvarar" under the list: before, every item
    was of no owner and the legend an activity of the police's."""
    assert star_marks_read(STAR_MARKS).split("\n")[1:4] == [
        "• Fotpatrullering minst 2 kvällar i veckan (Polisen)",
        "• Öppen fritidsgård även söndagar (Västby kommun)",
        "• Trygghetsvandring 3 gånger under året (Polisen och kommunen gemensamt)",
    ]
    assert _read(STAR_MARKS) == [
        ("Fotpatrullering minst 2 kvällar i veckan", "police", ("at_least", 2)),
        ("Öppen fritidsgård även söndagar", "municipality", None),
        ("Trygghetsvandring 3 gånger under året", "joint", ("count", 3)),
    ]
    # A footnote's asterisk without a legend of two marks stays.
    footnote = "- Fotpatrullering *\n- Belysning *\n\n* Preliminärt.\n"
    assert star_marks_read(footnote) == footnote


BY_NUMBER = """Aktiviteter
1. Synlig närvaro vid torget minst 3 dagar i veckan.
2. Besök på skolan en gång per termin.
3. Bättre belysning i tunnlarna.
4. Två trygghetsvandringar per år.

Ansvarsfördelning
Punkt 1 och 2: Polisen
Punkt 3: Västby kommun
Punkt 4: Polisen och kommunen gemensamt
"""


def test_owners_given_by_the_items_numbers_under_the_list_are_the_items_owners():
    """ "Punkt 1–3: Polisen" under the list: before, every item was of no owner."""
    assert owners_by_number_read(BY_NUMBER).split("\n")[1:3] == [
        "1. Synlig närvaro vid torget minst 3 dagar i veckan. (Polisen)",
        "2. Besök på skolan en gång per termin. (Polisen)",
    ]
    assert _read(BY_NUMBER) == [
        ("Synlig närvaro vid torget minst 3 dagar i veckan.", "police", ("at_least", 3)),
        ("Besök på skolan en gång per termin.", "police", None),
        ("Bättre belysning i tunnlarna.", "municipality", None),
        ("Två trygghetsvandringar per år.", "joint", ("count", 2)),
    ]
    # Lines giving each item's target (Höganäs's "Aktivitet 1: minst 2 insatser …"), and a
    # number the list has not, leave the text as it is.
    targets = "1. a\n2. b\n\nAktivitet 1: minst 2 i månaden\nAktivitet 2: 6 per år\n"
    assert owners_by_number_read(targets) == targets
    missing = "1. a\n2. b\n\nPunkt 1: Polisen\nPunkt 3: Kommunen\n"
    assert owners_by_number_read(missing) == missing


ATT_CLAUSES = """Polisen åtar sig
att genomföra hastighetskontroller minst 2 gånger i månaden,
att vara synlig i centrum på fredagskvällar.

Kommunen åtar sig
att ha fältassistenter i centrum 2 kvällar i veckan, samt
att erbjuda föräldravandring.

Parterna åtar sig gemensamt
att genomföra 2 trygghetsvandringar per år,
att följa upp löftet en gång per halvår.
"""


def test_att_clauses_under_a_party_are_its_items():
    """ "Polisen åtar sig" over "att genomföra …,": before, only the parties' joint clauses
    were read, as one activity."""
    assert att_clauses_read(ATT_CLAUSES).split("\n")[:3] == [
        "Polisen åtar sig att:",
        "- genomföra hastighetskontroller minst 2 gånger i månaden",
        "- vara synlig i centrum på fredagskvällar.",
    ]
    assert att_clauses_read(ATT_CLAUSES).split("\n")[8] == "Tillsammans åtar vi oss att:"
    assert _read(ATT_CLAUSES) == [
        ("genomföra hastighetskontroller minst 2 gånger i månaden", "police", ("at_least", 2)),
        ("vara synlig i centrum på fredagskvällar.", "police", None),
        ("ha fältassistenter i centrum 2 kvällar i veckan", "municipality", ("count", 2)),
        ("erbjuda föräldravandring.", "municipality", None),
        ("genomföra 2 trygghetsvandringar per år", "joint", ("count", 2)),
        ("följa upp löftet en gång per halvår.", "joint", None),
    ]
    # A decision's clauses under no party's heading, and one clause alone, stay.
    decision = "Kommunstyrelsen beslutar\n\natt anta löftet,\natt underteckna det.\n"
    assert att_clauses_read(decision) == decision
    alone = "Polisen åtar sig\natt göra en sak.\n"
    assert att_clauses_read(alone) == alone


ACTION_POINTS = """Åtgärdspunkter (ÅP) som ingår i löftet:
ÅP 1: Hastighetskontroller vid skolan minst 1 gång i veckan. Ansv: Polisen.
ÅP 2: Fältgruppen finns i centrum 2 kvällar i veckan. Ansv: Västby kommun.
ÅP 3: Västbyhem byter lås i trapphusen. Ansv: Västbyhem.
"""


def test_meeting_notes_action_points_are_numbered_items_with_their_owners():
    """ "ÅP 1: … Ansv: Polisen.": before, no activity was read."""
    assert action_points_read(ACTION_POINTS).split("\n")[:2] == [
        "Åtgärdspunkter som ingår i löftet:",
        "1. Hastighetskontroller vid skolan minst 1 gång i veckan. Ansvar: Polisen.",
    ]
    assert _read(ACTION_POINTS) == [
        ("Hastighetskontroller vid skolan minst 1 gång i veckan.", "police", ("at_least", 1)),
        ("Fältgruppen finns i centrum 2 kvällar i veckan.", "municipality", ("count", 2)),
        ("Västbyhem byter lås i trapphusen.", "other", None),
    ]
    alone = "ÅP 1: Något. Ansv: Polisen.\n"
    assert action_points_read(alone) == alone


EVENT_CARDS = """Kalendarium

Träffa polisen på torget
Arrangör: Polisen
När: Varannan torsdag kl. 15–17
Plats: Torget
Läs mer »

Nattvandring
Arrangör: Föreningen Nattvandrarna
När: Varje lördag kväll
Läs mer »

Trygghetsvandring
Arrangör: Polisen och Västby kommun
När: 2 gånger under löftesperioden
Läs mer »
"""


def test_a_calendars_event_cards_are_read_as_labelled_blocks():
    """A title over "Arrangör: …", "När: …", "Läs mer »": before, no activity was read."""
    assert event_cards_read(EVENT_CARDS).split("\n")[2:6] == [
        "Aktivitet: Träffa polisen på torget",
        "Ansvar: Polisen",
        "Omfattning: Varannan torsdag kl. 15–17",
        "Plats: Torget",
    ]
    assert _read(EVENT_CARDS) == [
        ("Träffa polisen på torget", "police", None),
        ("Nattvandring", "other", None),
        ("Trygghetsvandring", "joint", ("count", 2)),
    ]
    # A single event's page stays as it is.
    single = "Öppet hus\nArrangör: Polisen\nNär: 12 maj\n"
    assert event_cards_read(single) == single


TAGS = """Det här ska göras:

Fotpatrullering kring resecentrum varje fredag #polisen
Ny belysning i parken #västbykommun
- [ ] Trygghetsvandring 2 gånger per år @polisen.vastby @vastby.kommun

#medborgarlöfte #trygghet
"""


def test_owners_written_as_tags_ending_the_items_are_their_owners():
    """ "… #polisen", "- [ ] … @polisen.skelleftea @skelleftea.kommun": before, no activity
    was read."""
    assert trailing_tags_read(TAGS).split("\n")[2:7] == [
        "- Fotpatrullering kring resecentrum varje fredag (Polisen)",
        "- Ny belysning i parken (Kommunen)",
        "- [ ] Trygghetsvandring 2 gånger per år (Polisen och kommunen)",
        "",
        "#medborgarlöfte #trygghet",
    ]
    assert _read(TAGS) == [
        ("Fotpatrullering kring resecentrum varje fredag", "police", None),
        ("Ny belysning i parken", "municipality", None),
        ("Trygghetsvandring 2 gånger per år", "joint", ("count", 2)),
    ]
    # Tags naming no party (a person, a topic) stay.
    people = "Klart @lina.berg\nBra #trygghet\n"
    assert trailing_tags_read(people) == people


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "ini sections": _repeated("[aktivitet.1]\ntext = a\nansvar = Polisen\n"),
    "ini keys": "[aktivitet.1]\n[aktivitet.2]\n" + _repeated("a = b\n"),
    "star marks": "* Polisen\n** Kommunen\n" + _repeated("a b *\n"),
    "star legends": _repeated("* Polisen ansvarar\n"),
    "owners by number": "".join(f"{n}. a\n" for n in range(1, 100))
    + _repeated("Punkt 1–20: Polisen\n"),
    "att clauses": _repeated("Polisen åtar sig\natt a,\natt b\n"),
    "long att run": "Polisen åtar sig\n" + _repeated("att a b c,\n"),
    "action points": _repeated("ÅP 1: a. Ansv: Polisen.\n"),
    "event cards": _repeated("Titel\nArrangör: Polisen\nNär: 2 per år\nLäs mer »\n"),
    "tags": _repeated("a #polisen\n"),
    "many tags": _repeated("a" + " #polisen" * 30 + "\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
