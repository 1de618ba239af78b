"""The rules learnt from the blind rounds 113 to 115 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 113: a municipal safety programme's appendix, minutes with the promise attached, a
# follow-up report quoting the promise.


def test_insatser_i_loftet_heads_the_activities():
    document = parse(
        "Medborgarlöfte Håbo 2027\n\n"
        "Löfte: Vi lovar att arbeta för ett tryggare Bålsta centrum.\n\n"
        "Insatser i löftet\n\n"
        "1. Polisen genomför minst 30 fotpatruller vid stationen per år.\n"
        "2. Kommunen ser över belysningen i gångtunneln.\n"
    )
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för ett tryggare Bålsta centrum."
    ]
    assert [(a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("police", 30),
        ("municipality", None),
    ]


def test_the_programme_appendix():
    document = read("blind/balsta-habo-2027-2030-trygghetsprogram-bilaga.txt")
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 30 fotp", "police", ("at_least", 30)),
        ("Kommunens fältassistenter är u", "municipality", None),
        ("Tekniska avdelningen åtgärdar ", "municipality", None),
        ("Polisen och kommunen genomför ", "joint", ("count", 2)),
        ("Kommunen bjuder in till ett me", "municipality", ("count", 1)),
    ]


def test_a_follow_up_quoting_the_promise_reads_the_quoted_words():
    document = parse(
        "Uppföljning av medborgarlöfte 2026\n\n"
        "Aktivitet 1\n"
        'I löftet: "Polisen genomför minst 15 hastighetskontroller under året."\n'
        "Utfall 2026: 17 kontroller genomfördes.\n"
        "Bedömning: Uppfyllt.\n\n"
        "Aktivitet 2\n"
        "I löftet: ”Kommunen håller två öppna möten per år.”\n"
        "Utfall 2026: Ett möte.\n"
    )
    assert [(a.text, a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("Polisen genomför minst 15 hastighetskontroller under året.", "police", 15),
        ("Kommunen håller två öppna möten per år.", "municipality", 2),
    ]


def test_the_follow_up_report():
    document = read("blind/lekeberg-2027-uppfoljning-citerar-loftet.txt")
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 15 hast", "police", ("at_least", 15)),
        ("Kommunen genomför två föräldra", "municipality", None),
        ("Polisen besöker varje högstadi", "police", ("count", 1)),
        ("Kommunen och polisen håller mi", "joint", ("at_least", 4)),
    ]


def test_the_minutes_with_the_promise_attached():
    document = read("blind/vaxholm-2027-2028-ks-protokoll-bilaga.txt")
    assert owners_and_targets(document) == [
        ("genomföra minst 10 trafikkontr", "police", ("at_least", 10)),
        ("vara synlig i Hamnen fredags- ", "police", None),
        ("anordna sommarlovsaktiviteter ", "municipality", None),
        ("se över belysningen på Hamngat", "municipality", None),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
    ]


# Round 114: a year's heading over its items, a district's administration, a small
# municipality's few words.

YEARS = (
    "Medborgarlöfte Skara 2027–2028\n\n"
    "Löftet gäller från 1 januari 2027 till 31 december 2028.\n\n"
    "Under 2027 ska vi:\n"
    "- Polisen genomför 12 trafikkontroller på Skaraborgsvägen.\n"
    "- Kommunen genomför två trygghetsvandringar i centrum.\n\n"
    "Under 2028 ska vi:\n"
    "- Polisen genomför 12 trafikkontroller på Skaraborgsvägen.\n"
)


def test_a_years_heading_heads_its_items():
    document = parse(YEARS)
    first, second = document.activities
    # listed with the same count under each year's heading: one activity, per year
    assert (first.responsible, first.target.value, first.target.scope) == ("police", 12, "year")
    assert not any("2027" in note or "2028" in note for note in first.target.uncertain)
    assert len(first.target.uncertain) == 1  # said read per year
    # under one year's heading only: as "under 2027" in the item's words, marked
    assert (second.target.value, second.target.scope) == (2, "period")
    assert any("2027" in note for note in second.target.uncertain)


def test_a_years_heading_in_a_one_year_promise_changes_nothing():
    document = parse(
        "Medborgarlöfte 2027\n\nLöftet gäller under 2027.\n\n"
        "Under 2027 ska vi:\n- Polisen genomför 12 trafikkontroller på Storgatan.\n"
    )
    (activity,) = document.activities
    assert activity.target.scope == "period" and not activity.target.uncertain


def test_the_years_headings():
    document = read("blind/skara-2027-2028-arsrubriker.txt")
    assert owners_and_targets(document) == [
        ("Polisen genomför 12 riktade tr", "police", ("count", 12)),
        ("Kommunen installerar ny belysn", "municipality", None),
        ("Polisen och kommunen genomför ", "joint", ("count", 2)),
        ("Kommunen anordnar en trygghets", "municipality", ("count", 1)),
        ("Polisen och kommunen följer up", "joint", None),
        ("Polisen har öppen mottagning i", "police", None),
    ]
    assert document.activities[0].target.scope == "year"


def test_the_district_and_the_small_municipality():
    district = owners_and_targets(
        read("blind/skarholmen-bredang-2027-2028-stadsdelsforvaltning.txt")
    )
    assert [owner for _text, owner, _target in district] == [
        "police",
        "municipality",
        "municipality",
        "joint",
        "municipality",
    ]
    small = owners_and_targets(read("blind/bjurholm-2027-fa-ord.txt"))
    assert ("Polisen kontrollerar hastighet", "police", ("count", 1)) in small
    assert ("Fritidsgården har öppet tre kv", "municipality", ("count", 3)) in small


# Round 115: two columns of numbered items, a blank line apart; a poster's OCR; a table whose
# cells lost their columns.


def test_two_columns_of_numbered_items_a_blank_line_apart():
    document = parse(
        "Medborgarlöfte Tibro 2027\n\n"
        "POLISEN                                  KOMMUNEN\n\n"
        "1. Genomföra minst 24 kontroller         1. Bygga en gångpassage vid\n"
        "per år vid skolorna.                     Smedstorpsskolan.\n\n"
        "2. Fotpatrullera i centrum.              2. Ha fältassistenter ute\n"
        "                                         två kvällar i veckan.\n"
    )
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("Genomföra minst 24 kontroller per år vid skolorna.", "police"),
        ("Fotpatrullera i centrum.", "police"),
        ("Bygga en gångpassage vid Smedstorpsskolan.", "municipality"),
        ("Ha fältassistenter ute två kvällar i veckan.", "municipality"),
    ]


def test_two_columns_end_at_a_signature_a_blank_line_below():
    document = parse(
        "Medborgarlöfte Tibro 2027\n\n"
        "Polisen ska:                             Kommunen ska:\n"
        "- Fotpatrullera i centrum.               - Bygga en gångpassage.\n\n"
        "Anna Karlsson                            Per Lindqvist\n"
        "Kommunstyrelsens ordförande              Lokalpolisområdeschef\n"
    )
    assert [a.text for a in document.activities] == [
        "Fotpatrullera i centrum.",
        "Bygga en gångpassage.",
    ]


def test_the_two_columns_document():
    document = read("blind/tibro-2027-2028-tva-kolumner-versaler.txt")
    assert owners_and_targets(document)[:6] == [
        ("Genomföra minst 24 hastighetsk", "police", ("at_least", 24)),
        ("Fotpatrullera i centrum fredag", "police", None),
        ("Besöka alla klasser i årskurs ", "police", ("count", 1)),
        ("Bygga en upphöjd gångpassage v", "municipality", None),
        ("Ha fältassistenter ute i centr", "municipality", ("at_least", 2)),
        ("Anordna ett föräldramöte om dr", "municipality", ("count", 1)),
    ]
