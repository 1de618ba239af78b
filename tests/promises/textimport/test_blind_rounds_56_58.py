"""The rules learnt from the blind rounds 56 to 58 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

from promises.textimport.clean import clean, plain_text
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import read

# Round 56: a Teams chat, an RTF document's source, a slide show's notes pages.

CHAT = """\
[2026-01-19 09:14] Maria Lundberg (Vännäs kommun)
Hej! Här är förslaget.
👍 2  ❤️ 1

[2026-01-19 09:20] Erik Sandström (Polisen)
Svar till Maria Lundberg: "Hej! Här är förslaget."
Ser bra ut, godkänt.
(Redigerad)
Maria Lundberg har lagt till Sara Nyberg i chatten.
Mötet avslutades: 28 min 14 s
"""


def test_a_chats_headers_reactions_and_notices_are_dropped():
    assert clean(CHAT).split("\n") == ["Hej! Här är förslaget.", "", "Ser bra ut, godkänt."]


def test_one_bracketed_time_is_no_chat():
    text = "[09:14] Polisen ska:\n• genomföra trafikkontroller\nRedigerad"
    assert clean(text).split("\n")[0] == "[09:14] Polisen ska:"
    assert clean(text).split("\n")[-1] == "Redigerad"


def test_a_chats_pasted_promise_is_read_and_its_notices_are_no_activities():
    document = read("blind/vannas-2026-teams-chatt.txt")
    assert document.promises[0].text.startswith("Vi lovar att arbeta för att Vännäs centrum")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
    ]
    assert not any("Mötet" in a.text for a in document.activities)


RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fnil\fcharset0 Calibri;}}"
    "\n"
    r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1 "
    "\n"
    r"\pard\b\f0 Medborgarl\'f6fte 2025\endash 2026\b0\par"
    "\n"
    r"\b Polisen ska\b0\par"
    "\n"
    r"{\pntext\f1\'B7\tab}{\*\pn\pnlvlblt\pnf1{\pntxtb\'B7}}genomf\'f6ra minst 6 insatser"
    r" \u8211?\~i centrum\par"
    "\n}"
)


def test_an_rtf_documents_source_is_read_as_its_text():
    assert plain_text(RTF).split("\n") == [
        "Medborgarlöfte 2025–2026",
        "Polisen ska",
        "·\tgenomföra minst 6 insatser –\u00a0i centrum",
        "",
    ]
    document = parse(RTF)
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("genomföra minst 6 insatser – i centrum", "police")
    ]
    assert plain_text("Polisen ska {\\rtf1 inte}") == "Polisen ska {\\rtf1 inte}"


def test_an_rtf_documents_lists_headings_and_signatures_are_read():
    document = read("blind/saffle-2025-2026-rtf-kallkod.txt")
    assert [p.text for p in document.promises] == [
        "Tryggare kvällar i centrum och vid Stora torget",
        "Färre unga i kriminalitet",
    ]
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
    ]
    assert (document.signing_place, str(document.signed_date)) == ("Säffle", "2025-03-20")
    assert [s.name for s in document.signatories] == ["Anna Karlsson", "Mikael Ek"]


def test_party_headings_ending_in_tillsammans_are_joint():
    for heading in ("Polisen och kommunen ska tillsammans", "Vi gör tillsammans"):
        document = parse(f"Polisen ska:\n• patrullera i centrum\n\n{heading}\n• en vandring\n")
        assert [a.responsible for a in document.activities] == ["police", "joint"], heading


# Round 57: a thread of posts, a spreadsheet with its target in two columns, a phone's
# screenshot read by OCR.

THREAD = """\
Polisen Södermanland
@polisen_sodermanland · 3 feb.
🧵 1/3 I dag skrev vi under ett nytt medborgarlöfte med kommunen!

14 svar   22 reposts   87 gillamarkeringar   4 312 visningar

Polisen Södermanland
@polisen_sodermanland · 3 feb.
2/3 Polisen genomför minst 12 hastighetskontroller under året.

Polisen Södermanland
@polisen_sodermanland · 3 feb.
3/3 Kommunen sätter också upp ny belysning vid resecentrum.
"""


def test_a_threads_numbers_handles_and_counts_are_dropped():
    assert [line for line in clean(THREAD).split("\n") if line] == [
        "I dag skrev vi under ett nytt medborgarlöfte med kommunen!",
        "Polisen genomför minst 12 hastighetskontroller under året.",
        "Kommunen sätter också upp ny belysning vid resecentrum.",
    ]
    document = parse(THREAD)
    assert [a.responsible for a in document.activities] == ["police", "municipality"]


def test_a_date_written_with_a_slash_is_no_posts_number():
    text = "2/3 Polisen genomför kontroller.\n5/3 Kommunen bjuder in.\n"
    assert clean(text).split("\n")[0] == "2/3 Polisen genomför kontroller."


def test_a_sentence_joining_two_activities_with_och_gives_both():
    document = parse(
        "Vi på polisen kommer också att finnas på plats vid resecentrum på fredagskvällar, och "
        "kommunpolisen besöker högstadiet en gång per termin.\n\n"
        "Flens kommun ser till att fältassistenterna är ute i centrum varje fredag och ordnar "
        "fyra föräldraträffar om droger under året.\n\n"
        "Tillsammans gör vi två trygghetsvandringar, och vi träffar er på marknaden i augusti.\n"
    )
    assert [(a.text[:30], a.responsible) for a in document.activities] == [
        ("Vi på polisen kommer också att", "police"),
        ("kommunpolisen besöker högstadi", "police"),
        ("Flens kommun ser till att fält", "municipality"),
        ("ordnar fyra föräldraträffar om", "municipality"),
        ("Tillsammans gör vi två trygghe", "joint"),
        ("vi träffar er på marknaden i a", "joint"),
    ]
    assert document.activities[3].target.value == 4


def test_a_spreadsheets_number_and_unit_of_time_in_two_columns_give_the_target():
    text = (
        "Nr\tAktivitet\tAnsvarig\tMål (antal)\tPer\tUtfall jan–apr\tKommentar\n"
        "1\tHastighetskontroller vid skolorna\tPolisen\t10\tår\t4\tI fas\n"
        "2\tGemensam lägesbild i Lokala BRÅ\tGemensamt\t1\tmånad\t4\t\n"
        "3\tSkolvärdar vid busstationen\tKommunen\t\t\t–\tStartar augusti\n"
    )
    document = parse(text)
    assert [
        (a.text, a.responsible, a.target and (a.target.value, a.target.scope))
        for a in document.activities
    ] == [
        ("Hastighetskontroller vid skolorna", "police", (10, "year")),
        ("Gemensam lägesbild i Lokala BRÅ", "joint", (1, "month")),
        ("Skolvärdar vid busstationen", "municipality", None),
    ]


def test_the_spreadsheet_written_blind_reads_no_numbers_as_activities():
    document = read("blind/trosa-2026-excel-antal-per.txt")
    assert len(document.activities) == 9
    assert sum(a.target is not None for a in document.activities) == 5


# Round 58: a meeting's minutes quoting the promise, a leaflet speaking to "du", a leaflet with
# each line translated into Arabic.


def test_the_promise_quoted_in_a_decision_is_read_without_the_decision():
    document = parse(
        "§ 4 Medborgarlöfte 2026\n"
        'Gruppen beslutade att löftet ska lyda: "Polisen och Heby kommun lovar att arbeta för '
        'att färre ska utsättas för skadegörelse i Heby centrum."\n'
        "– Polisen: minst 8 riktade kontroller av mopeder under året\n"
        "– Kommunen: fältassistenter i centrum två kvällar i veckan\n"
    )
    assert [p.text for p in document.promises] == [
        "Polisen och Heby kommun lovar att arbeta för att färre ska utsättas för skadegörelse i "
        "Heby centrum."
    ]
    promise = document.promises[0]
    assert document.text[promise.span.start : promise.span.end] == promise.text


def test_a_leaflet_to_du_reads_its_party_headings_and_promise():
    document = parse(
        "Därför lovar vi dig\natt centrum ska bli tryggare på kvällstid.\n\n"
        "Det här kommer du att märka\n\nFrån polisen\n"
        "• Du kommer att se poliser till fots vid stationen minst fyra kvällar i månaden.\n"
        "• Din skola får besök av kommunpolisen.\n\n"
        "Från kommunen\n• Du kan träffa kommunens fältassistenter varje fredag.\n"
    )
    assert document.promises[0].text.startswith("Därför lovar vi dig att centrum ska bli")
    assert [a.responsible for a in document.activities] == ["police", "police", "municipality"]
    assert document.activities[0].target.value == 4


def test_lines_in_another_script_are_translations_and_dropped():
    text = (
        "Polisen ska\nالشرطة ستقوم بـ\n\n"
        "1. Genomföra minst 10 trafikkontroller under året.\n"
        "   إجراء 10 عمليات مراقبة مرورية على الأقل خلال العام.\n"
        "2. Besöka SFI två gånger per termin.\n"
        "   زيارة دروس اللغة السويدية للمهاجرين (SFI) مرتين.\n"
    )
    assert clean(text).split("\n") == [
        "Polisen ska",
        "",
        "1. Genomföra minst 10 trafikkontroller under året.",
        "2. Besöka SFI två gånger per termin.",
    ]
    assert [a.responsible for a in parse(text).activities] == ["police", "police"]


def test_a_count_before_a_noun_ending_in_traffar_names_no_actor():
    document = parse("Kommunen ska\n• Ordna 6 föräldraträffar på arabiska och svenska.\n")
    assert document.activities[0].responsible == "municipality"
