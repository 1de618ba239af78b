"""The rules learnt from the blind rounds 98 to 100 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from, and the documents
read right at their first reading kept so."""

import datetime
import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 98: a LaTeX source of the promise, a Text-TV news item over two pages, a job
# advertisement retelling the promise.

LATEX = (
    "\\documentclass[a4paper]{article}\n"
    "\\usepackage[swedish]{babel}\n"
    "\\title{Medborgarlöfte 2026--2027}\n"
    "\\begin{document}\n"
    "\\maketitle\n"
    "\\section*{Polisen ska}\n"
    "\\begin{itemize}\n"
    "  \\item genomföra minst 40 kontroller per år % siffran från dialogen\n"
    "  % \\item genomföra 10 hastighetskontroller -- struket\n"
    "  \\item hålla öppet till kl.~23 på fredagar\n"
    "\\end{itemize}\n"
    "\\section*{Tillsammans ska vi}\n"
    "\\begin{enumerate}\n"
    "  \\item genomföra \\textbf{två} trygghetsvandringar per år\n"
    "\\end{enumerate}\n"
    "\\end{document}\n"
)


def test_a_latex_source_is_read_as_its_page():
    cleaned = clean(LATEX)
    assert "\\" not in cleaned and "{" not in cleaned and "%" not in cleaned
    assert "hastighetskontroller" not in cleaned  # the item commented out
    assert cleaned.startswith("Medborgarlöfte 2026–2027")
    assert [(a.text, a.responsible) for a in parse(LATEX).activities] == [
        ("genomföra minst 40 kontroller per år", "police"),
        ("hålla öppet till kl. 23 på fredagar", "police"),
        ("genomföra två trygghetsvandringar per år", "joint"),
    ]
    # A text that only mentions a command, or has a backslash in a path, is read as it stands.
    text = "Se \\item i mallen.\nPolisen ska:\n- minst 10 kontroller per år\n"
    assert clean(text) == text.strip()


def test_the_latex_source():
    document = read("blind/sodermalm-2026-2027-latex-kallkod.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Medborgarpla"]
    assert owners_and_targets(document) == [
        ("genomföra minst 40 riktade ins", "police", ("at_least", 40)),
        ("fotpatrullera vid Skanstull fr", "police", None),
        ("besöka högstadieskolorna på Sö", "police", None),
        ("ha fältassistenter ute vid Med", "municipality", ("count", 3)),
        ("hålla fritidsgården på Fatbure", "municipality", None),
        ("erbjuda minst 150 sommarjobb t", "municipality", ("at_least", 150)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet med en gemens", "joint", ("count", 1)),
    ]


def test_a_promise_quoted_with_its_speaker_is_read_without_them():
    text = (
        '"Vi lovar att arbeta för tryggare torg på Hisingen", säger kommunpolisen Sara Holm.\n'
        "\n"
        "Polisen lovar att:\n"
        "* genomföra minst 25 kontroller under året\n"
        "\n"
        "Tillsammans lovar de att:\n"
        "* genomföra fyra trygghetsvandringar\n"
    )
    document = parse(text)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för tryggare torg på Hisingen"
    ]
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("genomföra minst 25 kontroller under året", "police"),
        ("genomföra fyra trygghetsvandringar", "joint"),
    ]


def test_the_text_tv_pages():
    document = read("blind/hisingen-2026-text-tv-sidor.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för tryggare torg oc"]
    # Words hyphenated across the 40-character lines ("narkotika-" over "kontroller") are
    # joined.
    assert owners_and_targets(document)[:7] == [
        ("genomföra minst 25 narkotikako", "police", ("at_least", 25)),
        ("fotpatrullera i Länsmansgården", "police", ("count", 2)),
        ("ha fältassistenter ute vid Bac", "municipality", ("count", 3)),
        ("anordna sex föräldraträffar om", "municipality", ("count", 6)),
        ("byta belysningen i gångtunneln", "municipality", None),
        ("genomföra fyra trygghetsvandri", "joint", ("count", 4)),
        # left as it is: the item's last word, "december", alone on its line, is lost
        ("redovisa resultatet för boende", "joint", None),
    ]


def test_a_text_retelling_the_promise_names_the_owner_after_its_verb():
    text = (
        "I löftet åtar sig polisen att\n"
        "– genomföra minst 30 insatser under året\n"
        "\n"
        "Stadsdelsförvaltningen åtar sig att\n"
        "– ordna minst 10 föräldraträffar under året\n"
    )
    assert [(a.text[:20], a.responsible) for a in parse(text).activities] == [
        ("genomföra minst 30 i", "police"),
        ("ordna minst 10 föräl", "municipality"),
    ]


def test_the_job_advertisement():
    document = read("blind/spanga-tensta-2026-platsannons.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    # The qualifications ("minst 3 års erfarenhet av …") are no activities.
    assert owners_and_targets(document)[1:] == [
        ("genomföra minst 30 riktade ins", "police", ("at_least", 30)),
        # written blind as once a week ("varje torsdag"); left as it is
        ("ha en kommunpolis på plats i T", "police", None),
        ("besöka Tensta gymnasium och Sp", "police", None),
        ("ha fältassistenter ute i Tenst", "municipality", ("count", 4)),
        ("hålla Tensta träff öppen för u", "municipality", None),
        ("ordna minst 10 föräldraträffar", "municipality", ("at_least", 10)),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
        ("ta fram en gemensam lägesbild ", "joint", ("count", 1)),
    ]


# Round 99: a forum thread quoting the promise, a thread of posts on X, an AsciiDoc source.


def test_the_forum_thread():
    # Read right at its first reading but for its promise; the replies' figures ("De borde göra
    # minst 100") are no activities.
    document = read("blind/kungsholmen-2026-2027-forumtrad.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert owners_and_targets(document)[:6] == [
        ("genomföra minst 20 insatser mo", "police", ("at_least", 20)),
        ("fotpatrullera i Rålambshovspar", "police", None),
        ("röja buskage och förbättra bel", "municipality", None),
        ("ha parkvärdar i Rålambshovspar", "municipality", None),
        ("anordna två informationsmöten ", "municipality", ("count", 2)),
        ("genomföra en trygghetsvandring", "joint", ("count", 1)),
    ]


def test_the_thread_on_x():
    # Read right at its first reading.
    document = read("blind/ostermalm-2026-x-trad.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert owners_and_targets(document) == [
        ("Minst 50 krogkontroller kring ", "police", ("at_least", 50)),
        ("Synlig närvaro på Stureplan fr", "police", None),
        ("Nattvandringar med föräldrar f", "municipality", None),
        ("Fler papperskorgar och bättre ", "municipality", None),
        ("Minst 6 utbildningar i ansvars", "municipality", ("at_least", 6)),
        ("Tre trygghetsvandringar runt S", "joint", ("count", 3)),
        ("Möte med krögarna en gång per ", "joint", None),
    ]


ASCIIDOC = (
    "= Medborgarlöfte 2026\n"
    ":toc: left\n"
    ":lang: sv\n"
    "\n"
    "[quote]\n"
    "____\n"
    "Vi lovar att arbeta för ett tryggare centrum.\n"
    "____\n"
    "\n"
    "=== Polisen\n"
    "\n"
    ". Genomför minst 60 kontroller per år.\n"
    "\n"
    "=== Tillsammans\n"
    "\n"
    "* Genomför *två* trygghetsvandringar per år.\n"
    "\n"
    "// Granskas före publicering.\n"
)


def test_an_asciidoc_source_is_read_as_its_page():
    cleaned = clean(ASCIIDOC)
    assert ":toc:" not in cleaned and "____" not in cleaned and "//" not in cleaned
    assert "=" not in cleaned and "*" not in cleaned
    document = parse(ASCIIDOC)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för ett tryggare centrum."]
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("Genomför minst 60 kontroller per år.", "police"),
        ("Genomför två trygghetsvandringar per år.", "joint"),
    ]
    # Wikitext's headings ("== Löfte ==") are no AsciiDoc.
    assert "== Löfte ==" in clean("== Löfte ==\n:a:\n:b:\n:c:\n")


def test_the_asciidoc_source():
    document = read("blind/goteborg-centrum-2026-2027-asciidoc.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert owners_and_targets(document) == [
        ("Genomför minst 60 narkotikakon", "police", ("at_least", 60)),
        ("Är synliga i Brunnsparken kväl", "police", None),
        ("Besöker skolorna i Centrum för", "police", None),
        ("Har fältassistenter i Nordstad", "municipality", ("count", 3)),
        ("Ordnar minst 12 aktiviteter fö", "municipality", ("at_least", 12)),
        ("Ser över belysningen på Kronhu", "municipality", None),
        ("Genomför två trygghetsvandring", "joint", ("count", 2)),
        ("Tar fram en gemensam lägesbild", "joint", ("count", 1)),
    ]


# Round 100: a SWOT analysis before the proposal, a Notion page, a screen reader's speech.


def test_a_joint_heading_naming_the_partners_before_its_verb():
    text = (
        "Polisen kommer att:\n"
        "- genomföra minst 35 insatser under året\n"
        "\n"
        "Tillsammans med bostadsbolagen Stockholmshem och Familjebostäder kommer vi att:\n"
        "- genomföra två trygghetsvandringar i Bagarmossen\n"
    )
    assert [(a.text[:20], a.responsible) for a in parse(text).activities] == [
        ("genomföra minst 35 i", "police"),
        ("genomföra två tryggh", "joint"),
    ]


def test_the_swot_analysis():
    document = read("blind/skarpnack-2026-swot-analys.txt")
    # The analysis's points ("14 aktiva grannsamverkansområden") are no activities.
    assert owners_and_targets(document) == [
        ("genomföra minst 35 insatser mo", "police", ("at_least", 35)),
        ("patrullera till fots i Skarpnä", "police", ("count", 2)),
        ("utöka fältassistenternas arbet", "municipality", None),
        ("hålla fritidsgården i Bagarmos", "municipality", ("count", 4)),
        ("ordna minst 4 föräldraträffar ", "municipality", ("at_least", 4)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("ha trygghetsvärdar ute vid Bag", "joint", None),
    ]


SPOKEN = (
    "navigeringsmarkering  lista med 2 objekt  länk  Start\n"
    "länk  Kontakt\n"
    "slut på lista\n"
    "huvudmarkering  rubrik nivå 1  Medborgarlöfte 2026\n"
    "rubrik nivå 2  Polisen ska\n"
    "lista med 2 objekt  punkt  genomföra minst 45 insatser under året\n"
    "punkt  fotpatrullera fredagskvällar\n"
    "slut på lista\n"
    "rubrik nivå 2  Tillsammans ska vi\n"
    "lista med 1 objekt  punkt  genomföra fyra trygghetsvandringar\n"
    "slut på lista\n"
    "länk  Tillgänglighetsredogörelse\n"
)


def test_a_screen_readers_speech_is_read_as_the_page():
    cleaned = clean(SPOKEN)
    assert "rubrik nivå" not in cleaned and "lista med" not in cleaned
    assert "Kontakt" not in cleaned and "Tillgänglighetsredogörelse" not in cleaned
    assert [(a.text, a.responsible) for a in parse(SPOKEN).activities] == [
        ("genomföra minst 45 insatser under året", "police"),
        ("fotpatrullera fredagskvällar", "police"),
        ("genomföra fyra trygghetsvandringar", "joint"),
    ]
    # A text that mentions a list's role once is read as it stands.
    text = "Slut på lista över frågor.\nPolisen ska:\n- minst 10 kontroller per år\n"
    assert clean(text) == text.strip()


def test_the_screen_readers_speech():
    document = read("blind/norrmalm-2026-skarmlasare.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert owners_and_targets(document) == [
        ("genomföra minst 45 insatser mo", "police", ("at_least", 45)),
        ("fotpatrullera i tunnelbanans u", "police", None),
        ("besöka skolorna i Vasastan en ", "police", None),
        ("ha fältassistenter ute vid Ser", "municipality", ("count", 5)),
        ("öppna en mötesplats för unga v", "municipality", None),
        ("ordna minst 20 lovaktiviteter ", "municipality", ("at_least", 20)),
        ("genomföra fyra trygghetsvandri", "joint", ("count", 4)),
        ("redovisa löftets resultat för ", "joint", None),
    ]


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "latex commands": "\\documentclass{article}\n\\begin{document}\n"
    + _repeated("\\item \\textbf{\\emph{x}} {{{ % y\n"),
    "latex braces": "\\documentclass{article}\n\\section{a}\\item\\item\n" + _repeated("{"),
    "asciidoc marks": _repeated(":a:\n== b\n. c\n____\n|x|y|z\n"),
    "spoken roles": _repeated("rubrik nivå 2  lista med 3 objekt  punkt  länk  " * 3 + "\n"),
    "spoken spaces": "rubrik nivå 2\nslut på lista\nslut på lista\n" + _repeated("a  "),
    "partners before the verb": _repeated("Tillsammans med " + "a " * 40 + "kommer vi att:\n"),
    "quoted with a speaker": _repeated('"Vi lovar att ' + "x " * 40 + '", säger ' + "y " * 50),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
