"""The faults found by earlier rounds and the rules learnt from the blind rounds 110 to 112
(tests/fixtures/textimport/README.md): each checked on a short text of its own and on the blind
document it came from."""

import datetime

from promises.import_forms import ImportKind, period_initial
from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read


def _targets(document):
    return [
        a.target and (a.target.comparator, a.target.value, a.target.unit, a.target.scope)
        for a in document.activities
    ]


# Faults found by earlier rounds.

SPLIT_TABLE = (
    "Aktivitet | Ansvarig | Mål\n"
    "Trygghetsvandringar i Ekerö centrum | Kommunen | 2 per år\n"
    "Fotpatrullering vid Träkvista torg | Polisen | 10 per år\n"
    "\n"
    "Ekerö kommun                                  Sida 1 av 2\n"
    "\f"
    "Medborgarlöfte Ekerö 2026\n"
    "Hastighetskontroller vid Stenhamra skola | Polisen | 6 per år\n"
    "Föräldravandringar på helger | Gemensamt | 4 per år\n"
    "\n"
    "Ekerö kommun                                  Sida 2 av 2\n"
)


def test_a_tables_rows_after_a_page_break_go_on_with_the_table():
    for text in (SPLIT_TABLE, SPLIT_TABLE.replace(" | ", "\t")):
        document = parse(text)
        assert [(a.text, a.responsible) for a in document.activities] == [
            ("Trygghetsvandringar i Ekerö centrum", "municipality"),
            ("Fotpatrullering vid Träkvista torg", "police"),
            ("Hastighetskontroller vid Stenhamra skola", "police"),
            ("Föräldravandringar på helger", "joint"),
        ]
        assert [t and t[1] for t in _targets(document)] == [2, 10, 6, 4]
    # A PDF's text in layout mode, its columns set apart by spaces.
    spaced = (
        "Aktivitet                                   Ansvarig      Mål\n"
        "Trygghetsvandringar i Ekerö centrum         Kommunen      2 per år\n"
        "Fotpatrullering vid Träkvista torg          Polisen       10 per år\n"
        "\n"
        "Ekerö kommun                                           Sida 1 av 2\n"
        "\f"
        "Hastighetskontroller vid Stenhamra skola    Polisen       6 per år\n"
        "Föräldravandringar på helger                Gemensamt     4 per år\n"
    )
    document = parse(spaced)
    assert [a.responsible for a in document.activities] == [
        "municipality",
        "police",
        "police",
        "joint",
    ]
    assert [t and t[1] for t in _targets(document)] == [2, 10, 6, 4]
    # The header row printed again on the next page is no row; a page number alone between
    # the halves (no form feed) is a page break too.
    repeated = (
        "Aktivitet\tAnsvarig\tMål\n"
        "Trygghetsvandringar i centrum\tKommunen\t2 per år\n"
        "Fotpatrullering vid torget\tPolisen\t10 per år\n"
        "\n"
        "- 1 -\n"
        "\n"
        "Aktivitet\tAnsvarig\tMål\n"
        "Hastighetskontroller vid skolan\tPolisen\t6 per år\n"
    )
    document = parse(repeated)
    assert [a.text for a in document.activities] == [
        "Trygghetsvandringar i centrum",
        "Fotpatrullering vid torget",
        "Hastighetskontroller vid skolan",
    ]
    # Two tables with a sentence between them stay two tables.
    text = (
        "Aktivitet\tAnsvarig\n"
        "Trygghetsvandring\tKommunen\n"
        "Fotpatrull\tPolisen\n"
        "\n"
        "Tabellen nedan gäller 2027.\n"
        "\f"
        "Aktivitet\tAnsvarig\n"
        "Hastighetskontroller\tPolisen\n"
        "Nattvandring\tGemensamt\n"
    )
    assert "Tabellen nedan gäller 2027." in clean(text)


MAIL = (
    "Från: Anna Berg <anna.berg@are.se>\n"
    "Skickat: den 3 februari 2025 10:14\n"
    "Till: Per Holm\n"
    "Ämne: VB: Medborgarlöfte Åre 2025–2026\n"
    "\n"
    "Hej, här kommer löftet.\n"
    "\n"
    "Medborgarlöfte för Åre kommun\n"
    "\n"
    "BODY\n"
    "\n"
    "Polisen ska\n"
    "- genomföra minst 10 trafikkontroller per år i Järpen\n"
)


def test_an_e_mails_subject_and_dates_give_no_validity_the_body_states():
    for body, start, end in (
        ("Löftet gäller under 2026.", "2026-01-01", "2026-12-31"),
        ("Medborgarlöftet gäller 1 juli 2026 – 30 juni 2027.", "2026-07-01", "2027-06-30"),
        ("Medborgarlöfte 2027", "2027-01-01", "2027-12-31"),
        # only the subject states years: they are used
        ("Vi lovar att arbeta för ett tryggare Järpen.", "2025-01-01", "2026-12-31"),
    ):
        document = parse(MAIL.replace("BODY", body))
        assert (str(document.start), str(document.end)) == (start, end), body
    english = MAIL.replace("BODY", "Löftet gäller under 2026.")
    english = english.replace("Ämne: VB:", "Subject: FW:").replace("Skickat:", "Sent:")
    english = english.replace("Från:", "From:").replace("Till:", "To:")
    assert parse(english).start == datetime.date(2026, 1, 1)
    # A header's sending date is never the validity.
    no_subject_years = MAIL.replace("Ämne: VB: Medborgarlöfte Åre 2025–2026", "Ämne: VB: Löftet")
    document = parse(no_subject_years.replace("BODY", "Vi lovar att arbeta för Järpen."))
    assert document.start is None


def test_a_district_promise_proposes_the_district_as_the_area_name():
    cases = (
        ("Medborgarlöfte för Rosengård 2026\n\nPolisen ska\n- fotpatrullera\n", "Rosengård"),
        ("Medborgarlöfte 2026\n\nLöftet gäller stadsdelen Tensta i Stockholms stad.\n", "Tensta"),
        ("Medborgarlöftet för Rinkeby-Kista\n\nPolisen ska\n- fotpatrullera\n", "Rinkeby-Kista"),
        # a municipality is no part of one
        ("Medborgarlöfte för Åre kommun 2026\n\nPolisen ska\n- fotpatrullera\n", ""),
        ("Medborgarlöfte för Malmö stad\n\nPolisen ska\n- fotpatrullera\n", ""),
        ("Medborgarlöfte för Åre 2026\n\nPolisen ska\n- fotpatrullera\n", ""),
        ("Medborgarlöfte för ett tryggare centrum\n\nPolisen ska\n- fotpatrullera\n", ""),
    )
    for text, area in cases:
        assert parse(text).area_name == area, text
    document = parse(cases[0][0])
    initial = period_initial(document, None, ImportKind.DRAFT)
    assert initial["area_name"] == "Rosengård"


def test_a_web_address_that_ends_a_sentence_is_kept():
    text = (
        "Medborgarlöfte Lund 2026\n\n"
        "Vi lovar att arbeta för ett tryggare Lund. Du kan följa arbetet på\n"
        "polisen.se.\n\n"
        "Polisen ska\n- genomföra trygghetsvandringar\n"
    )
    assert "arbetet på\npolisen.se." in clean(text)
    assert "Läs mer på polisen.se." in clean(
        "Vi lovar att arbeta för ett tryggare Lund.\nLäs mer på polisen.se.\n"
    )
    # The page's own address alone, after a menu or in its footer, is still chrome.
    chrome = "Meny\npolisen.se\nSök\n\nVi lovar att arbeta för Lund.\n\npolisen.se\n"
    assert "polisen.se" not in clean(chrome)


def test_control_characters_are_cleaned():
    text = (
        "Medborgarl\x07öfte Ystad 2026\n\nPolisen ska\n- genomföra minst 5 kontroller\x1b per år\n"
    )
    cleaned = clean(text)
    assert "\x07" not in cleaned and "\x1b" not in cleaned
    assert cleaned.startswith("Medborgarlöfte Ystad 2026")
    document = parse(text)
    assert all(ord(c) >= 32 for a in document.activities for c in a.title + a.text)
    # A vertical tab (Word's line break) ends a line; tabs and form feeds are kept.
    assert clean("Polisen ska\x0b- fotpatrullera\n") == "Polisen ska\n- fotpatrullera"


# Round 110: activities per target group, per season, a police area's annual report.


def test_activities_under_target_groups_are_read_under_each_group():
    text = (
        "Aktiviteter per målgrupp\n\n"
        "Målgrupp: Barn och unga\n"
        "- Polisen besöker skolan minst en gång per månad.\n\n"
        "Målgrupp: Föräldrar\n"
        "- Kommunen bjuder in till föräldramöten, minst 4 under året.\n"
    )
    document = parse(text)
    assert [a.responsible for a in document.activities] == ["police", "municipality"]
    assert _targets(document)[0] == ("at_least", 1, "gånger", "month")


def test_a_season_heading_limits_a_count_per_span_under_it():
    text = (
        "Vad vi gör under året\n\n"
        "Vår\n"
        "• Trafikkontroller av mopeder i centrum, minst 8 per månad (Polisen)\n\n"
        "Höst\n"
        "• Trygghetsvandring i centrum, 2 per år (Gemensamt)\n"
    )
    document = parse(text)
    assert [a.responsible for a in document.activities] == ["police", "joint"]
    assert _targets(document) == [None, ("count", 2, "trygghetsvandringar", "year")]
    assert any("Vår" in note for note in document.activities[0].uncertain)


def test_a_party_named_after_its_verb_heads_its_list():
    text = (
        "Vi lovar att minska narkotikaförsäljningen.\n\n"
        "För att nå dit ska polisen:\n- genomföra minst 20 narkotikakontroller under året\n\n"
        "Därför kommer kommunen att:\n- ha fältassistenter ute två kvällar i veckan\n"
    )
    assert [a.responsible for a in parse(text).activities] == ["police", "municipality"]


# Round 111: a risk analysis's table, a chat channel, a blog post.


def test_a_risk_column_is_no_activity():
    text = (
        "Risk\tÅtgärd\tAnsvarig\tMål\n"
        "Langning till unga\tKontroller mot langning vid torget\tPolisen\tMinst 12 under året\n"
        "Mörk hållplats\tBättre belysning vid hållplatsen\tKommunen\t–\n"
    )
    document = parse(text)
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("Kontroller mot langning vid torget", "police"),
        ("Bättre belysning vid hållplatsen", "municipality"),
    ]


def test_a_chats_items_opened_by_short_codes_are_read():
    text = (
        "Sara Lind (kommunen)  09:12\nHej alla :wave: här är löftet.\n\n"
        "Sara Lind (kommunen)  09:14\n*Polisen ska:*\n"
        ":oncoming_police_car: genomföra minst 15 kontroller under året\n"
        "*Kommunen ska:*\n:house: förbättra belysningen i parken\n\n3 svar\n"
        "Jonas Ek (polisen)  09:31\nSer bra ut :+1:\n\n"
        "Sara Lind (kommunen)  09:40\nPerfekt.\n"
    )
    document = parse(text)
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("genomföra minst 15 kontroller under året", "police"),
        ("förbättra belysningen i parken", "municipality"),
    ]
    assert ":wave:" not in document.text and ":+1:" not in document.text


def test_a_party_heading_run_in_before_its_paragraph():
    text = (
        "Det här gör polisen: polisen kommer att genomföra minst 30 trafikkontroller under "
        "året, och de kommer att fotpatrullera i hamnen varje fredag.\n\n"
        "Det här gör kommunen: vi sätter upp ny belysning, och kommunens fältare kommer att "
        "vara ute två kvällar i veckan.\n"
    )
    document = parse(text)
    assert [(a.text[:30], a.responsible) for a in document.activities] == [
        ("polisen kommer att genomföra m", "police"),
        ("de kommer att fotpatrullera i ", "police"),
        ("vi sätter upp ny belysning", "municipality"),
        ("kommunens fältare kommer att v", "municipality"),
    ]


def test_a_scans_i_for_l_in_the_counted_noun():
    document = parse("Polisen ska:\n• Genomföra hastighetskontroIler minst 2 gånger per månad.\n")
    assert _targets(document) == [("at_least", 2, "hastighetskontroller", "month")]


# The blind documents.


def test_the_target_groups():
    document = read("blind/hofors-2026-malgrupper.txt")
    assert len(document.activities) == 8
    assert owners_and_targets(document)[1][1:] == ("municipality", ("count", 3))


def test_the_seasons():
    document = read("blind/solleftea-2026-2027-arstider.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "municipality",
        "joint",
        "police",
        "joint",
        "municipality",
        "police",
    ]
    assert not any(a.target for a in document.activities)


def test_the_police_areas_annual_report():
    document = read("blind/kramfors-2026-lpo-verksamhetsberattelse.txt")
    assert [a.responsible for a in document.activities][:3] == ["police"] * 3


def test_the_risk_analysis():
    document = read("blind/timra-2026-riskanalys.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "municipality",
        "municipality",
        "police",
        "joint",
    ]


def test_the_chat_channel():
    document = read("blind/katrineholm-2026-slack-kanal.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "police",
        "municipality",
        "municipality",
        "joint",
    ]


def test_the_blog_post():
    document = read("blind/simrishamn-2026-kommunalrad-blogg.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "police",
        "municipality",
        "municipality",
        "joint",
    ]
    assert (document.start, document.end) == (
        datetime.date(2026, 2, 1),
        datetime.date(2027, 1, 31),
    )


def test_the_scanned_photo():
    document = read("blind/emmaboda-2026-mobilfoto-ocr.txt")
    assert _targets(document)[0] == ("at_least", 2, "hastighetskontroller", "month")


def test_the_arabic_lines_are_no_activities():
    document = read("blind/perstorp-2026-svenska-arabiska.txt")
    assert len(document.activities) == 5
