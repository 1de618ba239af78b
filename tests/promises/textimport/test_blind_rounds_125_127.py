"""Blind rounds 125 to 127 (tests/fixtures/textimport/README.md): the nine documents as the
parser reads them (each promise's first 60 characters), misreadings still left included, so
that a change is seen; and the rules these rounds taught."""

import pytest

from promises.textimport.parser import parse
from promises.textimport.targets import read_target
from tests.promises.textimport.test_documents import owners_and_targets, read

DOCUMENTS = {
    "eskilstuna-froslunda-2027-teams-radbrytningar.txt": (
        ["Polisen och Eskilstuna kommun lovar att arbeta för att minsk"],
        [
            ("genomföra minst 15 riktade ins", "police", ("at_least", 15)),
            ("finnas på plats vid Fröslunda ", "police", ("at_least", 2)),
            ("besöka Fröslundaskolans föräld", "police", None),
            ("ha fritidsgården Fröslunda öpp", "municipality", None),
            ("erbjuda 30 platser i sommarjob", "municipality", ("count", 30)),
            ("se över belysningen vid gångtu", "municipality", None),
            ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ],
    ),
    "gavle-satra-2027-ocr-annons-tva-spalter.txt": (
        ["Polisen och Gävle Gävle kommun lovar att:"],
        [
            ("genomföra minst 20 trafikkontr", "police", ("at_least", 20)),
            ("ha öppen polismottagning i Sät", "police", ("count", 1)),
            ("besöka Sätraskolans föräldramö", "police", None),
            ("anordna tre föräldravandringar", "unstated", ("count", 3)),
            ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ],
    ),
    "gotland-2027-2028-region-formulering.txt": (
        ["Region Gotland och Polisen lovar att arbeta för en tryggare "],
        [
            ("genomföra krogkontroller tills", "police", ("at_least", 6)),
            ("ha synlig fotpatrull i Visby i", "police", None),
            ("genomföra minst 10 riktade kon", "police", ("at_least", 10)),
            ("genomföra tillsynsbesök på ser", "municipality", ("at_least", 40)),
            ("se till att fältgruppen är ute", "municipality", None),
            ("förbättra belysningen vid Öste", "municipality", None),
            ("genomföra en trygghetsvandring", "joint", ("count", 1)),
            ("bjuda in till två medborgardia", "joint", ("count", 2)),
        ],
    ),
    "halmstad-andersberg-2026-bildspel.txt": (
        ["Vi lovar att arbeta för ett tryggare Andersbergs centrum och"],
        [
            ("Ha synlig närvaro i Andersberg", "police", ("at_least", 3)),
            ("Genomföra 4 narkotikainsatser ", "police", ("count", 4)),
            ("Besöka Andersbergsskolans årsk", "police", None),
            ("Hålla fritidsgården Andersberg", "municipality", None),
            ("Anställa två fältassistenter t", "municipality", None),
            ("Rensa buskage och förbättra be", "municipality", None),
            ("Genomföra minst två trygghetsv", "joint", ("at_least", 2)),
            ("Ha ett uppföljningsmöte med HF", "joint", ("count", 1)),
        ],
    ),
    "karlstad-kronoparken-2028-fotnoter.txt": (
        ["Polisen och Karlstads kommun lovar att arbeta för att minska"],
        [
            ("genomföra minst 30 fotpatrulle", "police", ("at_least", 30)),
            ("delta i skolornas föräldramöte", "police", None),
            ("genomföra riktade insatser mot", "police", ("at_least", 6)),
            ("ha fältassistenter på plats i ", "municipality", ("count", 3)),
            ("erbjuda minst 40 sommarjobb ti", "municipality", ("at_least", 40)),
            ("röja sly och förbättra belysni", "municipality", None),
            ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
            ("träffas i en gemensam lägesbil", "joint", None),
        ],
    ),
    "lulea-hertson-2026-forvaltningar-underpunkter.txt": (
        ["Polisen och Luleå kommun lovar att arbeta för minskad skadeg"],
        [
            ("Synlig polis i Hertsön centrum", "police", ("at_least", 2)),
            ("Minst 6 riktade insatser mot m", "police", ("at_least", 6)),
            ("Fältgruppen är ute i Hertsön f", "municipality", None),
            ("Tre föräldraträffar om ungas a", "municipality", ("count", 3)),
            ("Hertsö fritidsgård hålls öppen", "municipality", ("count", 5)),
            ("Ny belysning på gångvägen mell", "municipality", None),
            ("Klotter på kommunens fastighet", "municipality", None),
            ("Två trygghetsvandringar per år", "joint", ("count", 2)),
            ("Medborgardialog i Hertsön cent", "joint", ("count", 1)),
        ],
    ),
    "sundsvall-nacksta-2026-2027-matt-uppfoljs-av.txt": (
        ["Polisen och Sundsvalls kommun lovar att arbeta för att minsk"],
        [
            ("Fotpatrullering på och kring N", "police", ("at_least", 2)),
            ("Riktade kontroller av mopeder ", "police", ("count", 8)),
            ("Fältassistenter i Nacksta på k", "municipality", ("count", 4)),
            ("Sanering av klotter inom 48 ti", "municipality", None),
            ("Trygghetsvandring med Mitthem ", "joint", ("count", 2)),
            ("Gemensam lägesbild inför helge", "joint", None),
        ],
    ),
    "trollhattan-kronogarden-2027-2028-vi-bada-parter.txt": (
        ["Därför lovar vi att arbeta för att Kronogårdstorget ska bli "],
        [
            ("Vi kommer att finnas på Kronog", "police", ("at_least", 3)),
            ("Vi genomför minst 10 riktade i", "police", ("at_least", 10)),
            ("Vi besöker Kronogårdsskolans h", "police", ("count", 2)),
            ("Vi håller fritidsgården Kronan", "municipality", ("count", 6)),
            ("Vi anställer fyra trygghetsvär", "municipality", None),
            ("Vi ser över belysning och busk", "municipality", None),
            ("Vi genomför trygghetsvandringa", "joint", ("count", 2)),
            ("Vi bjuder in till ett öppet mö", "joint", ("count", 1)),
        ],
    ),
    "vaxjo-araby-2027-fragor-och-svar.txt": (
        ["Polisen och Växjö kommun lovar att arbeta för att minska den"],
        [
            ("Polisen lovar att genomföra mi", "police", ("at_least", 12)),
            ("Polisen lovar också att närvar", "police", None),
            ("Polisen lovar att hålla en öpp", "police", None),
            ("Kommunen lovar att ha fältsekr", "municipality", ("count", 4)),
            ("Kommunen lovar att erbjuda min", "municipality", ("at_least", 50)),
            ("Kommunen lovar att se över bel", "municipality", None),
            ("Polisen och kommunen genomför ", "joint", None),
            ("Polisen och kommunen träffar f", "joint", ("count", 1)),
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


QUESTIONS = """Medborgarlöfte Västby 2027

Vad lovar polisen?
Polisen lovar att genomföra minst 12 riktade insatser under året.
Polisen lovar att besöka skolan varannan månad.

Vad lovar kommunen?
Kommunen lovar att ha fältsekreterare i Västby fyra kvällar i veckan.
Kommunen lovar att erbjuda minst 50 feriearbeten till unga.
"""


def test_a_question_naming_who_promises_heads_its_answers_and_each_sentence_is_one():
    """ "Vad lovar polisen?" heads the police's sentences as "Vad gör polisen?" does; a
    sentence with its own target is not restated by the next opening with the same words."""
    assert _read(QUESTIONS) == [
        (
            "Polisen lovar att genomföra minst 12 riktade insatser under året.",
            "police",
            ("at_least", 12),
        ),
        ("Polisen lovar att besöka skolan varannan månad.", "police", None),
        (
            "Kommunen lovar att ha fältsekreterare i Västby fyra kvällar i veckan.",
            "municipality",
            ("count", 4),
        ),
        (
            "Kommunen lovar att erbjuda minst 50 feriearbeten till unga.",
            "municipality",
            ("at_least", 50),
        ),
    ]


EACH_PARTY_AS_WE = """Medborgarlöfte Västby 2027

Det här gör vi, Polisen:
Vi genomför minst 10 riktade insatser per år.

Det här gör vi, Västby stad:
Vi ser över belysningen runt torget.

Det här gör vi tillsammans:
Vi genomför trygghetsvandringar två gånger per år.
"""


def test_each_party_speaking_as_we_under_its_own_heading():
    assert _read(EACH_PARTY_AS_WE) == [
        ("Vi genomför minst 10 riktade insatser per år.", "police", ("at_least", 10)),
        ("Vi ser över belysningen runt torget.", "municipality", None),
        ("Vi genomför trygghetsvandringar två gånger per år.", "joint", ("count", 2)),
    ]


REGION = """Medborgarlöfte Visby 2027

Region Gotland åtar sig att
• genomföra tillsynsbesök på serveringsställen, minst 40 per år

Region Gotland och Polisen åtar sig gemensamt att
• bjuda in till två medborgardialoger per år
"""


def test_a_region_that_is_its_municipality_heads_its_items():
    assert _read(REGION) == [
        (
            "genomföra tillsynsbesök på serveringsställen, minst 40 per år",
            "municipality",
            ("at_least", 40),
        ),
        ("bjuda in till två medborgardialoger per år", "joint", ("count", 2)),
    ]


ADMINISTRATIONS = """Medborgarlöfte Västby 2026

Kommunen ansvarar för
• Socialförvaltningen
  – Tre föräldraträffar under året
• Fritidsförvaltningen
  – Fritidsgården hålls öppen fem kvällar i veckan

Gemensamt ansvar
• Två trygghetsvandringar per år
"""


def test_an_administrations_name_over_its_items_is_no_activity():
    assert _read(ADMINISTRATIONS) == [
        ("Tre föräldraträffar under året", "municipality", ("count", 3)),
        ("Fritidsgården hålls öppen fem kvällar i veckan", "municipality", ("count", 5)),
        ("Två trygghetsvandringar per år", "joint", ("count", 2)),
    ]


MEASURES = (
    "Aktivitet\tAnsvarig\tMått\tUppföljs av\n"
    "Fotpatrullering kring torget\tPolisen\tMinst 2 pass per vecka\tKommunpolis\n"
    "Sanering av klotter inom 48 timmar\tKommunen\tAndel sanerat i tid\tGatuchef\n"
    "Trygghetsvandring med boende\tPolisen och kommunen\t2 per år\tSamordnare\n"
)


def test_a_measure_column_gives_the_target_and_who_follows_up_is_no_owner():
    assert _read(MEASURES) == [
        ("Fotpatrullering kring torget", "police", ("at_least", 2)),
        ("Sanering av klotter inom 48 timmar", "municipality", None),
        ("Trygghetsvandring med boende", "joint", ("count", 2)),
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("hålla fritidsgården öppen sex dagar i veckan", ("count", 6, "week")),
        ("minst tre dagar per vecka", ("at_least", 3, "week")),
        ("en utbildning om tre dagar", None),
        ("tre dagar under året", None),
    ],
)
def test_days_counted_a_week_are_a_count(text, target):
    found = read_target(text)[0]
    assert (found and (found.comparator, found.value, found.scope)) == target
