"""Blind rounds 122 to 124 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import pytest

from promises.textimport.formats.languages import _without_english
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "boras-norrby-2028-vidarebefordrat-mejl.txt": (
        ["Polisen och Borås Stad lovar att arbeta för att minska skade"],
        [
            ("genomföra fotpatrullering i No", "police", ("at_least", 4)),
            ("besöka Norrbyskolans årskurs 7", "police", None),
            ("delta i Norrby trygghetsråds m", "police", None),
            ("ta bort klotter och sanera ska", "municipality", None),
            ("hålla Norrby fritidsgård öppen", "municipality", ("count", 5)),
            ("anordna 4 föräldrautbildningar", "municipality", ("count", 4)),
            ("två trygghetsvandringar i Norr", "joint", ("count", 2)),
        ],
    ),
    "herrljunga-2027-nyhetsbrev-andra-nyheter.txt": (
        ["Vi lovar att arbeta för ett tryggare resecentrum och en säkr"],
        [
            ("Fotpatrullerar vid resecentrum", "police", ("at_least", 2)),
            ("Genomför minst 8 mopedkontroll", "police", ("at_least", 8)),
            ("Besöker årskurs 8 på Altorpsko", "police", None),
            ("Byter ut belysningen i gångtun", "municipality", None),
            ("Fältgruppen är ute fredagar oc", "municipality", None),
            ("Bjuder in till tre föräldraträ", "municipality", ("count", 3)),
            ("Tillsammans genomför vi två tr", "joint", ("count", 2)),
        ],
    ),
    "jonkoping-osterangen-2026-pdf-ligaturer-sidbrytning.txt": (
        ["Under 2026 lovar Polisen och Jönköpings kommun att arbeta fö"],
        [
            ("Genomföra minst 15 trafikkontr", "police", ("at_least", 15)),
            ("Kontakt- och dialogarbete på Ö", "police", None),
            ("Polisen deltar vid kommunens f", "police", ("count", 1)),
            ("Fältgruppen är ute i Österänge", "municipality", ("at_least", 3)),
            ("Ta fram en plan för fler trafi", "municipality", None),
            ("Anordna två föräldraträffar om", "municipality", ("count", 2)),
            ("Två trygghetsvandringar under ", "joint", ("count", 2)),
        ],
    ),
    "linkoping-ekholmen-2027-uppfoljning-kvartal.txt": (
        ["Polisen och Linköpings kommun lovar att arbeta för att fler "],
        [
            ("Synlig polis i Ekholmens centr", "police", ("at_least", 30)),
            ("Hastighetskontroller på Ekholm", "police", ("count", 12)),
            ("Nattvandringar med föreningen ", "municipality", None),
            ("Ny belysning i gångtunneln und", "municipality", None),
            ("Gemensam trygghetsvandring i E", "joint", ("count", 2)),
        ],
    ),
    "malmo-hyllie-2026-2027-svenska-engelska.txt": (
        ["Polisen och Malmö stad lovar att minska otryggheten kring Hy"],
        [
            ("Patrullera till fots vid Hylli", "police", None),
            ("Genomföra minst 6 riktade insa", "police", ("at_least", 6)),
            ("Anställa trygghetsvärdar som f", "municipality", ("count", 4)),
            ("Förbättra belysningen på Hylli", "municipality", None),
            ("Två öppna dialogmöten per år p", "joint", ("count", 2)),
        ],
    ),
    "norrkoping-hageby-2026-2027-sa-har-gor-vi-ruta.txt": (
        ["Vi lovar att minska den öppna narkotikahandeln och att göra "],
        [
            ("Polisen gör minst två riktade ", "police", ("at_least", 2)),
            ("Polisen är på plats vid Hageby", "police", None),
            ("Kommunens fältsekreterare är u", "municipality", ("count", 3)),
            ("Kommunen håller Hageby fritids", "municipality", None),
            ("Hyresbostäder och kommunen ser", "other", None),
            ("Polisen och kommunen bjuder in", "joint", None),
        ],
    ),
    "orebro-brickebacken-2026-excel-semikolon.txt": (
        ['Löfte;"Vi lovar att minska buskörningen och göra Brickebacke'],
        [
            ("Hastighetskontroller på Bricke", "police", ("at_least", 10)),
            ("Fotpatrullering i och kring ce", "police", ("count", 2)),
            ("Öppen fritidsgård i Brickeback", "municipality", None),
            ("Föräldravandringar i samarbete", "municipality", ("count", 1)),
            ("Trygghetsvandring med Örebrobo", "joint", ("count", 2)),
            ("Gemensamt lägesbildsmöte med s", "joint", None),
        ],
    ),
    "sodertalje-ronna-2027-2028-ks-protokoll.txt": (
        ["Polisen och Södertälje kommun lovar att öka tryggheten i och"],
        [
            ("genomföra minst 40 fotpatrulle", "police", ("at_least", 40)),
            ("genomföra tre informationsträf", "police", ("count", 3)),
            ("bedriva riktade insatser mot n", "police", None),
            ("ha fältassistenter i Ronna, Ge", "municipality", ("count", 4)),
            ("erbjuda minst 60 sommarjobb ti", "municipality", ("at_least", 60)),
            ("se över belysningen i Ronnapar", "municipality", None),
            ("genomföra en trygghetsmätning ", "joint", ("count", 1)),
        ],
    ),
    "uppsala-stenhagen-2027-numrerade-underpunkter.txt": (
        [],
        [
            ("Polisen genomför minst 20 nark", "police", ("at_least", 20)),
            ("Polisen informerar om narkotik", "police", ("count", 2)),
            ("Kommunen utökar fältassistente", "municipality", ("count", 3)),
            ("Kommunen beskär buskage och by", "municipality", None),
            ("Kommunen och Polisen genomför ", "joint", ("count", 4)),
            ("Kommunen ansvarar för att klot", "municipality", None),
            ("Polisen och kommunen följer up", "joint", None),
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


BILINGUAL = """Medborgarlöfte Västby 2027
Citizen promise Västby 2027

Polisen ska / The Police will:
• Genomföra minst 6 riktade insatser per år.
  Carry out at least 6 targeted operations per year.

Västby kommun ska / The City of Västby will:
• Hålla fritidsgården öppen fyra kvällar i veckan.
  Keep the youth centre open four evenings a week.

Tillsammans / Together:
• Två öppna dialogmöten per år på biblioteket.
  Two open dialogue meetings per year at the library.
"""


def test_a_headings_english_half_after_a_slash_is_dropped_and_its_colon_kept():
    """ "Polisen ska / The Police will:" heads the police's items as "Polisen ska:" would; an
    English half naming a Swedish place ("The City of Västby will:") or of one word
    ("Together:") is English too."""
    assert _read(BILINGUAL) == [
        ("Genomföra minst 6 riktade insatser per år.", "police", ("at_least", 6)),
        ("Hålla fritidsgården öppen fyra kvällar i veckan.", "municipality", ("count", 4)),
        ("Två öppna dialogmöten per år på biblioteket.", "joint", ("count", 2)),
    ]


def test_a_swedish_half_after_a_slash_is_kept():
    text = "Polisen / Kommunen\nBilaga 1 / 2026\nKontakt / Contact\n"
    assert _without_english(text).split("\n") == [
        "Polisen / Kommunen",
        "Bilaga 1 / 2026",
        "Kontakt",
        "",
    ]


def test_a_csv_cell_in_quotes_among_bare_ones_loses_its_quotes():
    text = (
        "Aktivitet;Ansvarig;Omfattning;Kommentar\n"
        "Hastighetskontroller vid skolan;Polisen;minst 10 per år;\n"
        '"Föräldravandringar, i samarbete med föreningen";Kommunen;1 gång/månad;\n'
    )
    assert _read(text) == [
        ("Hastighetskontroller vid skolan", "police", ("at_least", 10)),
        ("Föräldravandringar, i samarbete med föreningen", "municipality", ("count", 1)),
    ]
