"""Blind rounds 119 to 121 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "avesta-2027-planerade-veckor.txt": (
        ["Vi lovar att arbeta för ett tryggare Avesta centrum och att "],
        [
            ("Polisen genomför minst 15 traf", "police", ("at_least", 15)),
            ("Kommunens fältare är ute i cen", "municipality", None),
            ("Gemensamt lägesbildsmöte varje", "joint", None),
            ("Trygghetsvandring i centrum me", "joint", None),
            ("Sommarlovsaktiviteter på Marku", "municipality", None),
            ("Informationsträff om EPA-trakt", "police", None),
        ],
    ),
    "gislaved-2027-pdf-tabell-en-cell-per-rad.txt": (
        ["Under 2027 lovar vi att arbeta för att minska den öppna nark"],
        [
            ("Riktade insatser mot narkotika", "police", ("at_least", 2)),
            ("Föräldravandringar i centrum f", "municipality", None),
            ("Trygghetsvandring i Anderstorp", "joint", ("count", 1)),
            ("Information om narkotika på fö", "municipality", None),
            ("Synlig polisiär närvaro vid An", "police", None),
        ],
    ),
    "hultsfred-2026-2027-vi-lovar-ansvarig-forvaltning.txt": (
        ["Vi lovar att minska langningen av alkohol till unga och att "],
        [
            ("kontrollera langning vid festi", "police", ("at_least", 4)),
            ("vara på plats i Virserums cent", "police", None),
            ("delta på föräldramöten i årsku", "police", ("count", 1)),
            ("erbjuda kostnadsfri utbildning", "municipality", ("count", 2)),
            ("öppna fritidsgården i Målilla ", "municipality", None),
            ("samordna föräldravandringar ti", "municipality", None),
            ("genomföra en gemensam trygghet", "joint", ("count", 2)),
        ],
    ),
    "hylte-2027-atagenden-mal-i-parentes.txt": (
        ["Vi lovar att arbeta för att invånarna i Hyltebruk och Torup "],
        [
            ("Synlig närvaro i Hyltebruks ce", "police", ("at_least", 40)),
            ("Trafikkontroller vid Örnaskola", "police", ("count", 8)),
            ("Kommunpolisen deltar i Hylte B", "police", None),
            ("Förbättrad belysning vid Torup", "municipality", None),
            ("Fritidsgården i Torup öppen fl", "municipality", ("count", 3)),
            ("Fältgruppen ute i Hyltebruk på", "municipality", ("count", 2)),
            ("Trygghetsvandringar i Hyltebru", "joint", ("count", 2)),
        ],
    ),
    "kiruna-2027-2028-kf-protokoll-omfattas-inte.txt": (
        ["Polisen och Kiruna kommun lovar att öka tryggheten i den nya"],
        [
            ("Genomföra fotpatrullering i st", "police", None),
            ("Genomföra minst 30 trafikkontr", "police", ("at_least", 30)),
            ("Besöka Hjalmar Lundbohmsskolan", "police", None),
            ("Hålla ungdomsgården öppen till", "municipality", None),
            ("Genomföra en trygghetsmätning ", "municipality", ("count", 1)),
            ("Ta bort klotter i stadskärnan ", "municipality", None),
        ],
    ),
    "laholm-2026-kommunens-webbsida-etikett.txt": (
        ["Vi lovar att arbeta för en säkrare trafikmiljö i Mellbystran"],
        [
            ("Hastighetskontroller på Kustvä", "police", None),
            ("Fotpatrullering vid Laholms st", "police", None),
            ("Besök på Lagaholmsskolan för a", "police", ("count", 2)),
            ("Sätter upp fartdämpande åtgärd", "municipality", None),
            ("Trygghetsvärdar vid stationen ", "municipality", None),
            ("En trygghetsvandring vid stati", "joint", None),
        ],
    ),
    "lidkoping-2026-skannad-ocr-rn-for-m.txt": (
        ["Polisen och Lidköpings kornmun lovar att arbeta för ökad try"],
        [
            ("Polisen genomför fotpatrulleri", "police", ("at_least", 2)),
            ("Kornrnunen anställer tre somma", "municipality", None),
            ("Polisen och kornmunen genornfö", "joint", ("count", 4)),
            ("Kommunen rustar upp belysninge", "municipality", None),
            ("Polisen besöker Margretelundss", "police", None),
        ],
    ),
    "mora-2026-affisch-copyright-tillsammans.txt": (
        [],
        [
            ("Vi fotpatrullerar i Noret mins", "police", None),
            ("Vi gör minst 12 trafikkontroll", "police", ("at_least", 12)),
            ("Vi håller fritidsgården Frista", "municipality", ("count", 4)),
            ("Vi sätter upp ny belysning på ", "municipality", None),
            ("Vi bjuder in till två öppna di", "joint", ("count", 2)),
        ],
    ),
    "mullsjo-2027-2028-nyhetsbrev-faktaruta.txt": (
        ["Polisen och Mullsjö kommun lovar att arbeta för en tryggare "],
        [
            ("Polisen – patrullerar vid stat", "police", ("count", 2)),
            ("Polisen – minst 12 narkotikako", "police", ("at_least", 12)),
            ("Kommunen – fältarbetare ute va", "municipality", None),
            ("Kommunen – föräldrautbildning ", "municipality", ("count", 2)),
            ("Polisen + kommunen – gemensam ", "joint", None),
            ("Polisen + kommunen – öppet möt", "joint", ("count", 1)),
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
    document = parse(text)
    return [
        (
            activity.text,
            activity.responsible,
            activity.target and (activity.target.comparator, activity.target.value),
        )
        for activity in document.activities
    ]


POSTER = """MEDBORGARLÖFTE
VÄSTBY 2026

Polisen och Västby kommun lovar
att göra Västby tryggare.

© POLISEN
POLISEN
Vi gör minst 10 trafikkontroller
vid torget under året.
© POLISEN

VÄSTBY KOMMUN
Vi håller fritidsgården öppen
fyra kvällar i veckan.

TILLSAMMANS
Vi bjuder in till två öppna
dialogmöten under året.

Har du tips? Ring 114 14
eller gå in på polisen.se
"""


def test_a_posters_party_names_in_capitals_head_their_sentences():
    """A municipality's name in capitals alone over its sentences heads them, "TILLSAMMANS"
    alone heads the joint ones; a picture's credit and a call to the public are no items."""
    assert _read(POSTER) == [
        ("Vi gör minst 10 trafikkontroller vid torget under året.", "police", ("at_least", 10)),
        ("Vi håller fritidsgården öppen fyra kvällar i veckan.", "municipality", ("count", 4)),
        ("Vi bjuder in till två öppna dialogmöten under året.", "joint", ("count", 2)),
    ]


def test_a_credit_is_dropped_but_a_mark_over_its_sentence_kept():
    text = clean(
        "© POLISEN\nPOLISEN\nVi gör minst 20\nfotpatruller.\n© POLISEN\n\n© KOMMUNEN\nVi tänder\n"
    )
    assert text.split("\n") == [
        "POLISEN",
        "Vi gör minst 20",
        "fotpatruller.",
        "",
        "© KOMMUNEN",
        "Vi tänder",
    ]


def test_a_range_of_weeks_over_items_limits_their_counts():
    text = (
        "Medborgarlöfte 2027\n\nPlanerade aktiviteter 2027\nVecka 24–33\n"
        "- Sommarlovsaktiviteter på torget tre kvällar i veckan. (Kommunen)\n"
    )
    (activity,) = parse(text).activities
    assert activity.target is None
    assert any("Vecka 24–33" in note for note in activity.uncertain)


def test_one_in_each_place_is_counted_once_per_place():
    ((_text, _owner, target),) = _read(
        "Vi ska:\n• genomföra en trygghetsvandring i Målilla och en i Virserum varje år\n"
    )
    assert target == ("count", 2)


def test_hours_per_evening_are_a_length():
    ((_text, _owner, target),) = _read(
        "Kommunen ska:\n– Trygghetsvärdar vid stationen fredagar, högst 3 timmar per kväll.\n"
    )
    assert target is None
