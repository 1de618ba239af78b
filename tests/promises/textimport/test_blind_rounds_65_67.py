"""The rules learnt from the blind rounds 65 to 67 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

from promises.textimport.clean import clean
from promises.textimport.owners import read_owner
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 65: a reply to an interpellation retelling the promise, a mind map, a spreadsheet's
# cells with line breaks.

RETOLD = (
    "Svar på interpellation om tryggheten i centrum\n\n"
    "1. Vilka konkreta åtgärder kommer kommunen att vidta för att öka tryggheten?\n\n"
    "Den 28 januari 2026 undertecknade kommunen och polisen ett nytt medborgarlöfte. Löftet "
    "gäller från den 1 februari 2026 till den 31 januari 2027. I löftet lovar polisen och "
    "kommunen att tillsammans arbeta för ett tryggare centrum kvällstid.\n\n"
    "Enligt löftet ska kommunen ha fältassistenter ute i centrum tre kvällar i veckan. "
    "Kommunen ska också se över belysningen i gångtunneln.\n\n"
    "Polisen har för sin del åtagit sig att genomföra minst 20 riktade insatser mot langning "
    "under löftesperioden och att fotpatrullera i centrum varje fredag.\n\n"
    "Gemensamt ska polisen och kommunen genomföra två trygghetsvandringar. De ska också bjuda "
    "in föräldrar till ett informationsmöte om droger.\n"
)


def test_a_reply_retelling_the_promise_reads_its_sentences():
    document = parse(RETOLD)
    assert (str(document.start), str(document.end)) == ("2026-02-01", "2027-01-31")
    assert [p.text[:40] for p in document.promises] == ["I löftet lovar polisen och kommunen att "]
    assert owners_and_targets(document) == [
        ("Enligt löftet ska kommunen ha ", "municipality", ("count", 3)),
        ("Kommunen ska också se över bel", "municipality", None),
        ("Polisen har för sin del åtagit", "police", ("at_least", 20)),
        ("fotpatrullera i centrum varje ", "police", None),
        ("Gemensamt ska polisen och komm", "joint", ("count", 2)),
        ("De ska också bjuda in föräldra", "joint", ("count", 1)),
    ]
    # The subject after the verb and "också" are no part of a title.
    assert document.activities[0].title == "Fältassistenter ute i centrum"
    assert document.activities[1].title == "Se över belysningen i gångtunneln"


def test_a_numbered_question_is_no_activity():
    document = parse("Frågor\n\n1. Vilka åtgärder kommer polisen att vidta?\n")
    assert document.activities == []


def test_an_adverbial_before_the_verb_leaves_the_subject_after_it():
    assert read_owner("Enligt löftet ska kommunen ha fältassistenter ute.", None)[0] == (
        "municipality"
    )


def test_the_interpellation_reply_document():
    document = read("blind/atvidaberg-2026-2027-interpellationssvar.txt")
    assert [a.responsible for a in document.activities] == [
        *["municipality"] * 3,
        *["police"] * 3,
        "joint",
        "joint",
    ]


MIND_MAP = (
    "Medborgarlöfte 2026\n"
    "\tVårt löfte\n"
    "\t\tVi lovar att arbeta för en tryggare hamn\n"
    "\tPolisen\n"
    "\t\tFotpatrullering i hamnen\n"
    "\t\t\tfredagar och lördagar\n"
    "\t\t\tminst 2 kvällar i veckan\n"
    "\t\tBesök på fritidsgården\n"
    "\tKommunen\n"
    "\t\tFältassistenter ute kvällstid\n"
    "\t\t\t3 kvällar i veckan\n"
    "\tAndra aktörer\n"
    "\t\tNattvandring i centrum – Föreningen Nattvandrarna\n"
    "\t\t\tvarje fredag\n"
)


def test_a_mind_maps_outline_is_read_as_headings_and_items():
    cleaned = clean(MIND_MAP)
    assert "• Fotpatrullering i hamnen, fredagar och lördagar, minst 2 kvällar i veckan" in cleaned
    assert "• Besök på fritidsgården" in cleaned  # a leaf beside items is an item
    assert "• Nattvandring i centrum, varje fredag – Föreningen Nattvandrarna" in cleaned
    assert "\nVi lovar att arbeta för en tryggare hamn" in cleaned
    assert owners_and_targets(parse(MIND_MAP)) == [
        ("Fotpatrullering i hamnen, fred", "police", ("at_least", 2)),
        ("Besök på fritidsgården", "police", None),
        ("Fältassistenter ute kvällstid,", "municipality", ("count", 3)),
        ("Nattvandring i centrum, varje ", "other", None),
    ]


def test_indented_text_that_is_no_outline_is_kept():
    # A level skipped: no mind map.
    text = "Rubrik\n\t\t\tEtt\n\tTvå\n\t\tTre\n\t\tFyra\n\t\tFem\n\t\tSex\n\t\tSju\n\t\tÅtta\n"
    assert "•" not in clean(text)


def test_the_mind_map_document():
    document = read("blind/soderkoping-2026-2027-tankekarta.txt")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
        "other",
    ]


SPREADSHEET = (
    "Aktivitet\tAnsvarig\tMål\n"
    '"Trafikkontroller vid hamnen\nFokus på mopeder"\tPolisen\tminst 15 under perioden\n'
    '"Kampanjen ""Vi bryr oss""\nmot langning"\t"Kommunen\n(folkhälsosamordnaren)"\t'
    "4 utskick per år\n"
    '"Trygghetsvandring\ni centrum"\t"Polisen\nKommunen"\t2 per år\n'
)


def test_a_spreadsheets_cells_with_line_breaks_are_one_cell_each():
    cleaned = clean(SPREADSHEET)
    assert "Trafikkontroller vid hamnen Fokus på mopeder" in cleaned
    assert 'Kampanjen "Vi bryr oss" mot langning' in cleaned
    assert "Polisen/Kommunen" in cleaned
    assert owners_and_targets(parse(SPREADSHEET)) == [
        ("Trafikkontroller vid hamnen Fo", "police", ("at_least", 15)),
        ('Kampanjen "Vi bryr oss" mot la', "municipality", ("count", 4)),
        ("Trygghetsvandring i centrum", "joint", ("count", 2)),
    ]


def test_quotes_in_a_row_that_close_inside_a_cell_are_kept():
    text = 'Aktivitet\tAnsvarig\n"Vi bryr oss" i skolan\tKommunen\nFotpatrull\tPolisen\n'
    assert '"Vi bryr oss" i skolan' in clean(text)


# Round 66: a leaflet in Swedish and Bosnian, an e-mail's source in quoted-printable, a PDF's
# bullets on lines of their own.

BOSNIAN = (
    "Medborgarlöfte Nybro 2026\n"
    "Obećanje građanima – Nybro 2026\n\n"
    "Polisen ska:\n"
    "Policija će:\n"
    "• genomföra minst 20 hastighetskontroller vid skolorna under året\n"
    "• provesti najmanje 20 kontrola brzine kod škola tokom godine\n"
    "• besöka fritidsgården Smedjan en gång i månaden\n"
    "• posjetiti omladinski centar Smedjan jednom mjesečno\n\n"
    "Kontakt: kommunpolis Emir Hadžić, 114 14, eller Sara Lindqvist, 0481-450 00.\n"
    "Kontakt: policajac Emir Hadžić, 114 14, ili koordinatorica za sigurnost Sara Lindqvist.\n"
)


def test_a_bosnian_translation_is_dropped():
    cleaned = clean(BOSNIAN)
    assert "Policija" not in cleaned and "najmanje" not in cleaned and "Obećanje" not in cleaned
    assert "kommunpolis Emir Hadžić" in cleaned  # a Swedish line with a name in "ž", "ć"
    assert owners_and_targets(parse(BOSNIAN)) == [
        ("genomföra minst 20 hastighetsk", "police", ("at_least", 20)),
        ("besöka fritidsgården Smedjan e", "police", ("count", 1)),
    ]


def test_a_name_in_bosnian_letters_keeps_a_swedish_text():
    text = "Polisen ska:\n• besöka skolan varje vecka tillsammans med Emir Hadžić och Ana Kovač\n"
    assert clean(text) == text.strip()


MAIL_SOURCE = (
    "Received: from mail.kommun.se (mail.kommun.se [10.12.4.7])\n"
    "\tby mx1.polisen.se with ESMTPS id 4F8A2C19\n"
    "From: =?UTF-8?Q?Karin_=C3=96st?= <karin.ost@kommun.se>\n"
    "Subject: =?UTF-8?Q?Medborgarl=C3=B6ftet?=\n"
    "MIME-Version: 1.0\n"
    'Content-Type: text/plain; charset="UTF-8"\n'
    "Content-Transfer-Encoding: quoted-printable\n\n"
    "L=C3=B6ftet g=C3=A4ller fr=C3=A5n 1 april 2026 till 31 mars 2027.\n\n"
    "Polisen ska:\n"
    "- genomf=C3=B6ra minst 30 nykterhetskontroller vid =C3=96landsbron under pe=\n"
    "rioden\n"
)


def test_an_e_mails_source_in_quoted_printable_is_read_decoded():
    cleaned = clean(MAIL_SOURCE)
    assert cleaned.startswith("From: Karin Öst <karin.ost@kommun.se>\nSubject: Medborgarlöftet")
    assert "Received" not in cleaned and "ESMTPS" not in cleaned
    assert "- genomföra minst 30 nykterhetskontroller vid Ölandsbron under perioden" in cleaned
    document = parse(MAIL_SOURCE)
    assert (str(document.start), str(document.end)) == ("2026-04-01", "2027-03-31")
    assert owners_and_targets(document) == [
        ("genomföra minst 30 nykterhetsk", "police", ("at_least", 30)),
    ]


def test_a_text_speaking_of_quoted_printable_is_kept():
    text = "Polisen ska:\n- skriva om quoted-printable = kodning\n"
    assert clean(text) == text.strip()


LONE_BULLETS = (
    "Polisen åtar sig att\n"
    "•\n"
    "genomföra minst 25 narkotikakontroller i Ljungbyhed under\n"
    "året\n"
    "•\n"
    "besöka Åbyskolan varannan vecka\n"
    "Gemensamt\n"
    "1.\n"
    "Trygghetsvandring i centrum två gånger per år\n"
    "2.\n"
    "Gemensam lägesbild i Brå-gruppen en gång i månaden\n"
)


def test_bullets_alone_on_their_lines_open_the_items_under_them():
    assert "• genomföra minst 25" in clean(LONE_BULLETS)
    assert owners_and_targets(parse(LONE_BULLETS)) == [
        ("genomföra minst 25 narkotikako", "police", ("at_least", 25)),
        ("besöka Åbyskolan varannan veck", "police", None),
        ("Trygghetsvandring i centrum tv", "joint", ("count", 2)),
        ("Gemensam lägesbild i Brå-grupp", "joint", ("count", 1)),
    ]


def test_one_bullet_alone_is_kept_alone():
    text = "Lista\n•\nTrafikkontroller\n"
    assert clean(text) == text.strip()


# Round 67: a newspaper's interview in questions and answers, a plan month by month, a planning
# system's export with dates and status.

INTERVIEW = (
    "Fem frågor om det nya medborgarlöftet\n\n"
    "Vad handlar löftet om?\n"
    "– Vi lovar att arbeta för ett tryggare centrum på kvällarna. Det är det invånarna tagit "
    "upp mest, säger Lena Hallberg.\n\n"
    "Vad ska polisen göra?\n"
    "– Vi kommer att genomföra minst 20 narkotikakontroller under året, säger Jonas Berglund.\n\n"
    "Och kommunen?\n"
    "– Våra fältassistenter kommer att vara ute i centrum tre kvällar i veckan, säger Lena "
    "Hallberg.\n\n"
    "Gör ni något tillsammans?\n"
    "– Ja, vi genomför två trygghetsvandringar, en i april och en i oktober, och vi bjuder in "
    "föräldrar till ett informationsmöte om droger i augusti, säger Jonas Berglund.\n\n"
    "Hur vet ni om det fungerar?\n"
    "– Vi går igenom läget i Brå-gruppen varje månad, säger Lena Hallberg.\n"
)


def test_an_interviews_answers_are_the_asked_partys_activities():
    document = parse(INTERVIEW)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för ett tryggare centrum på kvällarna."
    ]
    assert owners_and_targets(document) == [
        ("Vi kommer att genomföra minst ", "police", ("at_least", 20)),
        ("Våra fältassistenter kommer at", "municipality", ("count", 3)),
        ("Ja, vi genomför två trygghetsv", "joint", ("count", 2)),
        ("vi bjuder in föräldrar till et", "joint", ("count", 1)),
    ]
    assert "säger" not in document.activities[0].text


def test_two_questions_are_no_interview():
    text = (
        "Vad ska polisen göra?\n– Vi kommer att genomföra kontroller, säger Jonas.\n\n"
        "Och kommunen?\n– Vi kommer att ha fältassistenter ute, säger Lena.\n"
    )
    assert parse(text).activities == []


YEAR_PLAN = (
    "ÅRSPLAN 2026\n"
    "Medborgarlöfte Hällefors\n\n"
    "Löftet gäller 1 januari–31 december 2026.\n\n"
    "Hela året\n"
    "• Polisen: fotpatrullering i centrum, minst 2 kvällar i veckan\n\n"
    "Mars\n"
    "• Kommunen: föräldramöte om alkohol och droger i årskurs 8\n\n"
    "Oktober\n"
    "• Polisen och kommunen: trygghetsvandring i Grythyttan\n"
)


def test_a_year_plans_months_head_its_activities():
    document = parse(YEAR_PLAN)
    assert owners_and_targets(document) == [
        ("Polisen: fotpatrullering i cen", "police", ("at_least", 2)),
        ("Kommunen: föräldramöte om alko", "municipality", None),
        ("Polisen och kommunen: trygghet", "joint", None),
    ]
    # the party before the colon is no part of the title
    assert [a.title for a in document.activities] == [
        "Fotpatrullering i centrum",
        "Föräldramöte om alkohol och droger i årskurs 8",
        "Trygghetsvandring i Grythyttan",
    ]


EXPORT = (
    "Löftesperiod: 2026-03-01 – 2027-02-28\n\n"
    "Aktiviteter\n"
    "Aktivitet\tAnsvarig\tStartdatum\tSlutdatum\tStatus\tMål\n"
    "Hastighetskontroller vid skolan\tPolisen\t2026-03-01\t2027-02-28\tPågående\tminst 30 per år\n"
    "Ny belysning vid busstationen\tKommunen\t2026-04-01\t2026-09-30\tEj påbörjad\t\n"
    "Trygghetsvandringar i centrum\tPolisen, Kommunen\t2026-04-01\t2026-10-31\tPågående\t"
    "2 per år\n"
)


def test_a_planning_systems_dates_and_status_are_no_activities():
    document = parse(EXPORT)
    assert owners_and_targets(document) == [
        ("Hastighetskontroller vid skola", "police", ("at_least", 30)),
        ("Ny belysning vid busstationen", "municipality", None),
        ("Trygghetsvandringar i centrum", "joint", ("count", 2)),
    ]
