"""The rules learnt from the blind rounds 89 to 91 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from, and the documents
read right at their first reading kept so."""

import datetime
import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 89: a page saved from the Internet Archive, owners marked by coloured symbols, a
# renewed promise marking what changed since last year.

TOOLBAR = (
    "The Wayback Machine - https://web.archive.org/web/20260312081544/https://www.x.se/lofte\n"
    "Go\n"
    "37 captures\n"
    "14 feb 2026 - 2 sep 2026\n"
    "FEB\tMAR\tAPR\n"
    "12\n"
    "2025\t2026\t2027\n"
    "About this capture\n"
    "COLLECTED BY\n"
    "Collection: Survey Crawl Number 21\n"
    "TIMESTAMPS\n"
    "loading\n"
    "Medborgarlöfte för Råslätt\n"
    "Löftet gäller från 1 januari 2026 till 31 december 2027.\n"
    "Det här gör polisen\n"
    "• Genomför minst 30 fotpatrulleringar per år.\n"
)


def test_the_archives_toolbar_is_no_part_of_the_page():
    cleaned = clean(TOOLBAR)
    assert cleaned.startswith("Medborgarlöfte för Råslätt")
    assert "captures" not in cleaned and "TIMESTAMPS" not in cleaned
    document = parse(TOOLBAR)
    # The captures' span ("14 feb 2026 - 2 sep 2026") is no validity.
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [(a.responsible, a.target.value) for a in document.activities] == [("police", 30)]
    # A toolbar's first line alone (the rest not copied): that line is dropped.
    assert clean(TOOLBAR.split("Go\n")[0] + "Text\n") == "Text"


def test_the_page_from_the_archive():
    document = read("blind/jonkoping-2026-2027-wayback-arkiv.txt")
    assert "web.archive.org" not in document.text and "captures" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [p.text[:30] for p in document.promises] == ["Polisen och Jönköpings kommun "]
    assert owners_and_targets(document) == [
        ("Genomför minst 30 fotpatruller", "police", ("at_least", 30)),
        ("Har öppen polismottagning på R", "police", ("count", 1)),
        ("Gör hastighetskontroller på Rå", "police", None),  # "vid varje terminsstart"
        ("Har fältassistenter på plats v", "municipality", ("count", 4)),
        ("Byter ut belysningen längs gån", "municipality", None),
        ("Bjuder in föräldrar till sex f", "municipality", ("count", 6)),
        ("Genomför två trygghetsvandring", "joint", ("count", 2)),
        ("Följer upp löftet i områdesgru", "joint", None),
    ]


COLOURED = (
    "Vem gör vad?\n"
    "🟦 = Polisen\n"
    "🟩 = Norsjö kommun\n"
    "🟨 = Tillsammans\n"
    "\n"
    "🟦 Minst 20 hastighetskontroller på väg 370 under året\n"
    "🟩 Fyra drogfria fredagskvällar för unga under året\n"
    "🟨 Två trygghetsvandringar, en i Norsjö och en i Bastuträsk\n"
    "🟦 Besök på fritidsgården två gånger per år\n"
)


def test_a_legend_of_symbols_gives_the_items_marked_with_them_their_party():
    cleaned = clean(COLOURED)
    assert "= Polisen" not in cleaned
    assert "Polisen:\n• Minst 20 hastighetskontroller" in cleaned
    document = parse(COLOURED)
    assert [(a.text[:12], a.responsible) for a in document.activities] == [
        ("Minst 20 has", "police"),
        ("Fyra drogfri", "municipality"),
        ("Två trygghet", "joint"),
        ("Besök på fri", "police"),  # the symbol again after another's: its party again
    ]
    # A legend of statuses ("✅ = klar") names no party: the items are left as they were.
    statuses = "✅ = klar\n⏳ = ej startad\n\n✅ Minst 20 kontroller under året\n"
    assert "klar" in clean(statuses) and ":" not in clean(statuses).split("\n")[-1]


def test_the_poster_with_coloured_owners():
    document = read("blind/norsjo-2026-fargrutor.txt")
    assert owners_and_targets(document) == [
        ("Minst 20 hastighetskontroller ", "police", ("at_least", 20)),
        ("Polisen finns på plats vid Nor", "police", None),
        ("Besök på fritidsgården Tajm tv", "police", None),  # "per termin"
        ("Fältassistenten är ute i centr", "municipality", None),
        ("Ny belysning vid busstationen ", "municipality", None),
        ("Fyra drogfria fredagskvällar f", "municipality", ("count", 4)),
        ("Två trygghetsvandringar, en i ", "joint", ("count", 2)),
        ("Information om löftet på Norsj", "joint", None),
    ]


def test_activities_a_renewed_promise_leaves_out_are_no_activities():
    text = (
        "Polisen åtar sig att\n"
        "1. genomföra minst 25 narkotikakontroller under året (ändrad, tidigare minst 15)\n"
        "\n"
        "Aktiviteter som utgår 2026\n"
        "– Informationsträff om inbrottsskydd i Vislanda (genomförd 2025, 3 träffar)\n"
    )
    document = parse(text)
    assert [(a.responsible, a.target.value) for a in document.activities] == [("police", 25)]
    renamed = text.replace("Aktiviteter som utgår 2026", "Borttagna aktiviteter")
    assert len(parse(renamed).activities) == 1


def test_the_renewed_promise_with_its_marks():
    document = read("blind/alvesta-2026-forlangning-markeringar.txt")
    assert not any("Vislanda" in a.text or "Allbogatan" in a.text for a in document.activities)
    assert owners_and_targets(document) == [
        ("genomföra minst 25 narkotikako", "police", ("at_least", 25)),  # not "tidigare 15"
        ("fotpatrullera i centrum varje ", "police", None),
        ("besöka högstadieskolorna i Alv", "police", ("count", 2)),
        ("ha fältassistenter ute vid res", "municipality", ("count", 3)),
        ("anordna fyra föräldraträffar o", "municipality", ("count", 4)),
        ("sätta upp kameraövervakning i ", "municipality", None),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet i Brå-gruppen", "joint", None),
    ]


# Round 90: a draft's watermark in a PDF's text, a housing company's neighbourhood promise, a
# plan's target column with "≥" and "≤".

WATERMARKED = (
    "Lägesbild                                   T\n"
    "Många undviker stationen på kvällen.      S\n"
    "                                        A\n"
    "Polisen ska:                          K\n"
    "• ha fältassistenter ute tre kvällar i veckan        T\n"
    "                                   U\n"
)


def test_a_drafts_watermark_is_dropped_letter_by_letter():
    cleaned = clean(WATERMARKED)
    assert cleaned.split("\n")[-1] == "• ha fältassistenter ute tre kvällar i veckan"
    assert not any(line.strip() in {"A", "U"} for line in cleaned.split("\n"))
    document = parse(WATERMARKED)
    assert document.activities[0].text == "ha fältassistenter ute tre kvällar i veckan"
    # Letters that spell no watermark stay: a cross in a table's last column, "Bilaga A".
    crosses = "Aktivitet      P    K\nKontroller          X\nVandringar          X\n"
    kept = "Kontroller X\nVandringar X"
    assert kept in clean(crosses + "Möten      X\nInformation       X\n")


def test_the_draft_with_its_watermark():
    document = read("blind/toreboda-2026-2027-vattenstampel-utkast.txt")
    assert [a.text[-12:] for a in document.activities][4:] == [
        "lar i veckan",
        "n under året",
        "en på hösten",
        "ånger per år",
    ]
    assert not any(a.text.endswith((" T", " S", " A", " K", " U")) for a in document.activities)
    assert owners_and_targets(document) == [
        ("genomföra minst 20 hastighetsk", "police", ("at_least", 20)),
        ("vara synlig vid stationen på f", "police", ("at_least", 2)),
        ("besöka Centralskolans årskurs ", "police", None),
        ("förbättra belysningen på stati", "municipality", None),
        ("ha fältassistenter ute i centr", "municipality", ("count", 3)),
        ("ordna sex drogfria aktiviteter", "municipality", ("count", 6)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet i Töreboda br", "joint", ("count", 2)),
    ]


def test_an_organisation_speaking_of_itself_owns_its_items():
    text = (
        "Vi på Mimer lovar att:\n"
        "- sanera klotter inom 24 timmar\n"
        "\n"
        "Våra bovärdar lovar att:\n"
        "- gå igenom soprummen två gånger per år\n"
        "\n"
        "Polisen lovar att:\n"
        "- göra en trygghetsvandring i april\n"
    )
    document = parse(text)
    assert [(a.responsible, a.responsible_other) for a in document.activities] == [
        ("other", "Mimer"),
        ("other", "Mimer"),  # "våra": the speakers' own staff
        ("police", ""),
    ]
    # "göra en trygghetsvandring": one, as "genomföra en" is.
    assert document.activities[2].target.value == 1
    # "Våra …" with no speaker named before: who "vi" is is never guessed.
    alone = parse("Våra bovärdar lovar att:\n- gå igenom soprummen två gånger per år\n")
    assert alone.activities[0].responsible == "unstated"
    # "Vi på polisen lovar att:" is the police's, as before.
    police = parse("Vi på polisen lovar att:\n- fotpatrullera varje fredag\n")
    assert police.activities[0].responsible == "police"


def test_the_housing_companys_promise():
    document = read("blind/jarfalla-2026-bostadsbolag-omradeslofte.txt")
    assert owners_and_targets(document) == [
        ("byta till taggläsare på cykelr", "other", None),
        ("ha trygghetsvärdar i området f", "other", None),
        ("besikta belysningen på gårdarn", "other", None),
        ("sanera klotter på våra fastigh", "other", None),
        ("gå igenom alla källarförråd oc", "other", ("count", 2)),
        ("vara ute på gårdarna och vid K", "municipality", ("count", 3)),
        ("fotpatrullera i Söderhöjden oc", "police", ("at_least", 40)),
        ("ha en kontaktpolis som kommer ", "police", ("count", 1)),
        ("bjuda in till tre boendemöten ", "joint", ("count", 3)),
        ("göra en trygghetsvandring med ", "joint", ("count", 1)),
    ]
    assert {a.responsible_other for a in document.activities[:5]} == {"Järfällahus"}


def test_the_signs_at_least_and_at_most():
    document = parse(
        "Polisen\n"
        "1.1 Riktade narkotikainsatser. Målvärde: ≥ 24 per år\n"
        "1.2 Fotpatrull i centrum. Målvärde: ≥ 2 kvällar/mån\n"
        "1.3 Tillsyn av krogar. Målvärde: ≤ 6 per år\n"
    )
    assert [(a.target.comparator, a.target.value, a.target.scope) for a in document.activities] == [
        ("at_least", 24, "year"),
        ("at_least", 2, "month"),
        ("at_most", 6, "year"),
    ]


def test_the_plans_target_signs():
    document = read("blind/lindesberg-2026-malvarden-symboler.txt")
    assert owners_and_targets(document) == [
        ("Riktade narkotikainsatser vid ", "police", ("at_least", 24)),
        ("Fotpatrull i centrum fredag oc", "police", ("at_least", 2)),
        ("Samtal med unga som påträffas ", "police", ("at_least", 60)),
        ("Besök på högstadieskolorna i L", "police", None),  # "2 ggr/termin"
        ("Fältassistenter ute i centrum ", "municipality", ("at_least", 3)),
        ("Klottersanering på kommunens f", "municipality", None),  # "≤ 48 timmar": a time
        ("Föräldraträffar om narkotika i", "municipality", ("count", 4)),
        ("Drogfria lovaktiviteter för un", "municipality", ("at_least", 10)),
        ("Trygghetsvandring i centrum me", "joint", ("count", 2)),
        ("Gemensam lägesbild om unga i n", "joint", ("at_least", 1)),
    ]


# Round 91: a promise of two municipalities, a newsletter's plain-text version, items naming
# contact persons by their e-mail addresses.


def test_the_municipalities_in_the_plural_head_their_items():
    document = parse(
        "Kommunerna ska tillsammans:\n"
        "- ha fältgruppen ute tre kvällar i veckan\n"
        "\n"
        "Polisen och kommunerna ska:\n"
        "- genomföra fyra trygghetsvandringar under året\n"
    )
    assert [a.responsible for a in document.activities] == ["municipality", "joint"]


def test_the_promise_of_two_municipalities():
    document = read("blind/norberg-skinnskatteberg-2026-tva-kommuner.txt")
    assert owners_and_targets(document) == [
        ("genomföra minst 30 trafikkontr", "police", ("at_least", 30)),
        ("fotpatrullera i Norbergs centr", "police", None),
        ("besöka högstadieskolorna Centr", "police", ("count", 2)),
        ("hålla fritidsgården Myran öppe", "municipality", None),
        ("sätta upp ny belysning vid bus", "municipality", None),
        ("ordna tre föräldraträffar om d", "municipality", ("count", 3)),
        ("se över skötseln av Kyrkparken", "municipality", None),
        ("ha den gemensamma fältgruppen ", "municipality", ("count", 3)),
        ("genomföra fyra trygghetsvandri", "joint", ("count", 4)),
        ("följa upp löftet i det gemensa", "joint", ("count", 2)),
    ]


NEWSLETTER = (
    "Visa mejlet i webbläsaren (https://us21.campaign-archive.com/?u=4f1c&id=8b7d)\n"
    "\n"
    "** Nytt medborgarlöfte\n"
    "------------------------------------------------------------\n"
    "\n"
    "Den 9 februari skrev kommunen och polisen under. Löftet gäller hela 2026.\n"
    "\n"
    "Polisen ska:\n"
    "\n"
    "* genomföra minst 12 hastighetskontroller under året\n"
    "\n"
    "Läs hela löftet (https://www.storfors.se/medborgarlofte)\n"
    "\n"
    "============================================================\n"
    "\n"
    "Copyright © 2026 Storfors kommun, Alla rättigheter förbehållna.\n"
    "Du kan ** uppdatera dina inställningar (https://storfors.us21.list-manage.com/profile)\n"
)


def test_a_newsletters_plain_text_is_read_as_its_words():
    cleaned = clean(NEWSLETTER)
    assert cleaned.startswith("Nytt medborgarlöfte")
    assert "http" not in cleaned and "**" not in cleaned and "Copyright" not in cleaned
    assert "Läs hela löftet" in cleaned
    document = parse(NEWSLETTER)
    # The signing's date before "Löftet gäller hela 2026." leaves the year to be read.
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [(a.responsible, a.target.value) for a in document.activities] == [("police", 12)]
    # One mark alone ("** " in running text): the text is left as it is.
    assert clean("Se ** noten (https://x.se/a)\n") == "Se ** noten (https://x.se/a)"


def test_the_newsletters_plain_text_version():
    document = read("blind/storfors-2026-mailchimp-textversion.txt")
    assert "list-manage" not in document.text and "Skridskobanan" in document.text
    assert owners_and_targets(document) == [
        ("genomföra minst 12 hastighetsk", "police", ("at_least", 12)),
        ("vara på plats vid Storfors sko", "police", None),
        ("besöka fritidsgården i Storfor", "police", ("count", 1)),
        ("ha fritidsgården öppen tre kvä", "municipality", ("count", 3)),
        ("ordna fyra lovaktiviteter för ", "municipality", ("count", 4)),
        ("se över hastighetsgränserna vi", "municipality", None),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
    ]


CONTACTS = (
    "Robertsfors kommun och lokalpolisområde Umeå\n"
    "\n"
    "Aktiviteter\n"
    "Varje aktivitet har en kontaktperson som ansvarar för att den genomförs.\n"
    "\n"
    "1. Hastighetskontroller på E4, minst 20 under året.\n"
    "Kontaktperson: Mikael Lundström, mikael.lundstrom@polisen.se\n"
    "\n"
    "2. Öppen fritidsgård i Bygdeå två kvällar i veckan.\n"
    "Kontaktperson: Emma Sjögren, emma.sjogren@robertsfors.se\n"
    "\n"
    "3. Trygghetsvandringar, två under året.\n"
    "Kontaktpersoner: Jonas Holm, jonas.holm@robertsfors.se, och Sofia Ny, sofia.ny@polisen.se\n"
    "\n"
    "4. Städdag i centrum en gång per år.\n"
    "Kontaktperson: Lisa Berg, lisa.berg@robertsforshem.se\n"
)


def test_a_contact_persons_address_names_the_party():
    document = parse(CONTACTS)
    assert [(a.text[:20], a.responsible) for a in document.activities] == [
        ("Hastighetskontroller", "police"),
        ("Öppen fritidsgård i ", "municipality"),  # the municipality's own domain
        ("Trygghetsvandringar,", "joint"),
        ("Städdag i centrum en", "unstated"),  # a company's address names no party
    ]


def test_the_plan_with_contact_persons():
    document = read("blind/robertsfors-2026-kontaktpersoner-epost.txt")
    assert not any(a.text.startswith("Varje aktivitet") for a in document.activities)
    assert owners_and_targets(document) == [
        ("Hastighetskontroller på E4 gen", "police", ("at_least", 20)),
        ("Nykterhetskontroller vid infar", "police", ("count", 8)),
        ("Besök på Robertsfors skola och", "police", None),  # "per termin"
        ("Fältassistenter ute i Robertsf", "municipality", None),
        ("Öppen fritidsgård i Bygdeå två", "municipality", ("count", 2)),
        ("Fem drogfria aktiviteter för u", "municipality", ("count", 5)),
        ("Trygghetsvandringar i Robertsf", "joint", ("count", 2)),
        ("Uppföljning av löftet i kommun", "joint", ("count", 2)),
    ]


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "archive toolbars": _repeated(
        "The Wayback Machine - https://web.archive.org/web/2026/https://x.se\n37 captures\n"
    ),
    "archive toolbar over lines": "The Wayback Machine - https://web.archive.org/web/1/x\n"
    + _repeated("2025\t2026\t2027\n"),
    "newsletter headings": _repeated("** Rubrik\n" + "-" * 60 + "\n"),
    "newsletter links": ("** A\n" + "-" * 60 + "\n") * 2
    + _repeated("Läs mer (https://x.se/" + "a" * 80 + ") "),
    "newsletter footers": _repeated("list-manage.com\n" + "=" * 30 + "\n"),
    "watermark letters": _repeated("genomföra minst 20 kontroller          T\n    S\n"),
    "lone capitals": _repeated("A\nB\n"),
    "symbol legends": _repeated("🟦 = Polisen\n🟩 = Kommunen\n🟦 Minst 20 kontroller\n"),
    "symbol items": "🟦 = Polisen\n🟩 = Kommunen\n" + _repeated("🟦 x\n🟩 y\n"),
    "speaking organisations": _repeated("Vi på Mimer lovar att:\n- sanera klotter\n"),
    "their staff": "Vi på Mimer lovar att:\n- x\n" + _repeated("Våra bovärdar lovar att:\n- y\n"),
    "signs": _repeated("• Kontroller. Målvärde: ≥ 24 per år ≤ 6\n"),
    "contact persons": _repeated(
        "1. Kontroller, minst 20 under året.\nKontaktperson: A B, a.b@polisen.se, c@x.se\n"
    ),
    "addresses alone": "Aktiviteter\n1. Kontroller\n" + _repeated("a@b.se "),
    "plural municipalities": _repeated("Kommunerna ska tillsammans:\n- x tre kvällar i veckan\n"),
    "left out activities": _repeated("Aktiviteter som utgår 2026\n– Träff (3 träffar)\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
