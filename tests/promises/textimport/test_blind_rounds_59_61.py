"""The rules learnt from the blind rounds 59 to 61 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

from promises.textimport.clean import clean
from promises.textimport.owners import read_owner
from promises.textimport.parser import parse
from promises.textimport.targets import read_target
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 59: a table typed with dot leaders, a justified PDF's text, a speech.

LEADERS = """\
Medborgarlöfte 2026

Aktivitet ............................ Ansvar ............ Antal
Trafikkontroller vid skolorna ........ Polisen ........... minst 20 under året
Trygghetsvandring i centrum .......... Gemensamt ......... 2 per år
Information på föräldramöten ......... Polisen och kommunen . 4 tillfällen
"""


def test_a_table_typed_with_dot_leaders_is_read_row_by_row():
    assert clean(LEADERS).split("\n")[2:5] == ["Aktivitet", "Ansvar", "Antal"]
    assert owners_and_targets(parse(LEADERS)) == [
        ("Trafikkontroller vid skolorna", "police", ("at_least", 20)),
        ("Trygghetsvandring i centrum", "joint", ("count", 2)),
        ("Information på föräldramöten", "joint", ("count", 4)),
    ]


def test_dot_leaders_without_a_header_naming_the_activities_are_no_table():
    contents = "Innehåll\nBakgrund ........... 2\nLöftet ............. 3\nUppföljning ........ 4\n"
    assert "Bakgrund" not in clean(contents)  # a table of contents: dropped
    contacts = (
        "Kontaktpersoner\nKommunpolis Henrik Sandberg ....... 114 14\n"
        "Folkhälsostrateg Maria Olsson ..... 0531-526 000\n"
    )
    assert "\t" not in clean(contacts) and "Maria Olsson" in clean(contacts)


def test_the_dot_leader_document_reads_its_rows():
    document = read("blind/bengtsfors-2026-punktledare.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "police",
        "municipality",
        "municipality",
        "joint",
        "joint",
        "other",
    ]
    assert document.activities[-1].responsible_other == "Nattvandrarna"


def test_a_named_municipality_with_its_verb_heads_its_list():
    text = (
        "Medborgarlöfte 2026\n\nVi lovar att arbeta för trygghet.\n\n"
        "Nora kommun åtar sig att\n• ha fritidsgården öppen fyra kvällar i veckan,\n"
        "• inventera belysningen.\n\n"
        "Lokalpolisområde Lindesberg ska\n• genomföra tolv kontroller per år.\n"
    )
    assert [a.responsible for a in parse(text).activities] == [
        "municipality",
        "municipality",
        "police",
    ]


def test_a_justified_pdfs_runs_of_spaces_are_no_columns():
    document = read("blind/nora-2026-2027-marginaljusterad.txt")
    assert document.activities[0].text.startswith("genomföra minst tolv alkohol- och narkotika")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
    ]


SPEECH = """\
Kära invånare!

Polisen kommer att genomföra tjugofem hastighetskontroller på E4:an genom
samhället under året. Och kommunpolisen kommer att besöka fritidsgården
var fjortonde dag.

Kommunen tar sitt ansvar. Vi sätter upp två nya hastighetsdisplayer på
Kyrkovägen. Våra fältassistenter kommer att vara ute i centrum tre kvällar i
veckan.

Ett löfte är ingenting värt om det inte hålls, och vi vet att vi inte klarar
det ensamma. Vi behöver er alla.
"""


def test_a_speechs_wrapped_paragraphs_are_read_sentence_by_sentence():
    assert owners_and_targets(parse(SPEECH)) == [
        ("Polisen kommer att genomföra t", "police", ("count", 25)),
        ("Och kommunpolisen kommer att b", "police", None),
        ("Vi sätter upp två nya hastighe", "municipality", ("count", 2)),
        ("Våra fältassistenter kommer at", "municipality", ("count", 3)),
    ]
    assert parse(SPEECH).activities[0].target.scope == "year"  # "under året" on the next line


def test_a_conjunction_or_the_speakers_own_names_no_actor():
    assert read_owner("Och kommunpolisen kommer att besöka skolan.", None)[0] == "police"
    assert read_owner("Våra fältassistenter kommer att vara ute.", None)[0] == "unstated"
    assert read_owner("Våra fältassistenter kommer att vara ute.", "municipality")[0] == (
        "municipality"
    )


def test_a_participle_after_the_counted_noun_is_no_unit():
    target, _notes = read_target("göra ett trettiotal narkotikakontroller riktade mot unga")
    assert (target.value, target.unit) == (30, "narkotikakontroller")


def test_the_speech_reads_each_partys_sentences():
    document = read("blind/nordmaling-2026-tal-vid-undertecknandet.txt")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
    ]
    assert not any("fyrahundra" in a.text or "behöver" in a.text for a in document.activities)


# Round 60: week ranges, a wiki page's source, a template with its instructions left in.


def test_week_ranges_are_no_targets_and_a_remark_under_the_heading_is_no_activity():
    text = (
        "Medborgarlöfte 2026\n\nVårt löfte\nVi lovar att arbeta för trygghet.\n\n"
        "Aktiviteter och veckor\n(Veckorna är preliminära och kan flyttas.)\n\n"
        "Polisen\n– Trafikkontroller vid skolorna v. 33–36, minst 8 kontroller.\n"
        "– Närvaro vid marknaden vecka 25–26.\n"
    )
    document = parse(text)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för trygghet."]
    assert owners_and_targets(document) == [
        ("Trafikkontroller vid skolorna ", "police", ("at_least", 8)),
        ("Närvaro vid marknaden vecka 25", "police", None),
    ]


def test_the_week_plan_reads_one_promise():
    document = read("blind/gagnef-2026-veckointervall.txt")
    assert len(document.promises) == 1
    assert [a.target and a.target.value for a in document.activities] == [
        8,
        None,
        4,
        None,
        None,
        None,
        2,
        None,
    ]
    # "v. 26–32, tre kvällar i veckan": a part of the year, no target (session 38)
    assert document.activities[4].uncertain


WIKI = """\
= Medborgarlöfte Karlskoga 2026 =
{{Infobox dokument
| Diarienummer = KS 2025/1123
| Giltig från  = 2026-01-01
| Ansvarig     = [[Användare:Lisa Hedlund|Lisa Hedlund]]
}}
== Löfte ==
Vi lovar att arbeta för trygghet vid [[Resecentrum (Karlskoga)|Resecentrum]].

== Aktiviteter ==
=== Polisen ===
* Genomföra minst '''30''' fotpatruller i centrum under året.
** Samordnas med [[Länstrafiken Örebro]].
* Byta ut belysningen.<ref>Beslut i tekniska nämnden, § 87.</ref>
=== Gemensamt ===
{| class="wikitable"
! Aktivitet !! Ansvarig !! Mål
|-
| Trygghetsvandringar i centrum || Polisen och kommunen || 2 per år
|}

[[Kategori:Trygghet]]
"""


def test_a_wiki_pages_source_is_read_as_the_page_shows_it():
    assert clean(WIKI).split("\n")[:6] == [
        "Medborgarlöfte Karlskoga 2026",
        "Giltig från: 2026-01-01",
        "Löfte",
        "Vi lovar att arbeta för trygghet vid Resecentrum.",
        "",
        "Aktiviteter",
    ]
    assert "Kategori" not in clean(WIKI) and "§ 87" not in clean(WIKI)
    document = parse(WIKI)
    assert document.activities[0].text == (
        "Genomföra minst 30 fotpatruller i centrum under året. Samordnas med Länstrafiken Örebro."
    )
    assert owners_and_targets(document) == [
        ("Genomföra minst 30 fotpatrulle", "police", ("at_least", 30)),
        ("Byta ut belysningen.", "police", None),
        ("Trygghetsvandringar i centrum", "joint", ("count", 2)),
    ]


def test_a_text_with_a_heading_between_equals_signs_alone_is_no_wiki():
    text = "== Polisen ==\n• Genomföra 12 kontroller per år\n"
    assert clean(text).startswith("== Polisen ==")


TEMPLATE = """\
Medborgarlöfte 2026

Löfte
[Formulera löftet i en mening: "Vi lovar att …"]
Vi lovar att arbeta för ökad trygghet i hamnen.

Polisen åtar sig att:
• genomföra minst XX fotpatruller i hamnen
• delta i två föräldramöten under året
• [Lägg till fler aktiviteter vid behov]

Tillsammans åtar vi oss att:
• informera om löftet i lokaltidningen (Ansvarig: XX)

[Namn]                 [Namn]
"""


def test_a_templates_instructions_and_empty_fields_are_dropped():
    assert "[" not in clean(TEMPLATE).replace("[antal]", "")
    document = parse(TEMPLATE)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för ökad trygghet i hamnen."
    ]
    assert owners_and_targets(document) == [
        ("genomföra minst XX fotpatrulle", "police", None),
        ("delta i två föräldramöten unde", "police", ("count", 2)),
        ("informera om löftet i lokaltid", "joint", None),
    ]


def test_one_bracketed_instruction_alone_is_kept():
    text = "Löfte\n[Ange lokalpolisområde] Lokalpolisområde Motala\n"
    assert clean(text).split("\n")[1] == "[Ange lokalpolisområde] Lokalpolisområde Motala"


def test_a_placeholder_names_no_owner():
    assert read_owner("informera om löftet (Ansvarig: XX)", "joint")[:2] == ("joint", "")
    assert read_owner("informera om löftet (Ansvarig: N.N.)", None)[0] == "unstated"


# Round 61: a summary box over the full text, a podcast's transcript, an e-mail's plain text.


def test_the_validity_under_the_promise_is_no_promise():
    text = (
        "Medborgarlöfte 2026\n\nVårt löfte\nVi lovar att arbeta för trygghet.\n\n"
        "Löftet gäller från 1 januari till 31 december 2026.\n\n"
        "Polisen ska\n1. Genomföra minst 20 trafikkontroller under året.\n"
    )
    assert [p.text for p in parse(text).promises] == ["Vi lovar att arbeta för trygghet."]


def test_the_summary_box_gives_no_second_reading_of_the_activities():
    document = read("blind/alvsbyn-2026-i-korthet.txt")
    assert len(document.promises) == 1
    assert len(document.activities) == 7
    assert not any(a.text.startswith("20 trafikkontroller") for a in document.activities)


TRANSCRIPT = """\
[00:00:48] Sofia Nordin (programledare): Och vad ska polisen göra konkret?

[00:00:52] Per Gustafsson (kommunpolis): Vi kommer att genomföra minst femton \
nykterhetskontroller under sommaren. Förra sommaren gjorde vi elva.

[00:01:40] Sofia Nordin (programledare): Och kommunen?

[00:01:42] Malin Öhman (trygghetssamordnare): Vi sätter upp bättre belysning vid badplatsen.

[00:02:20] Sofia Nordin (programledare): Gör ni något tillsammans?

[00:02:23] Per Gustafsson (kommunpolis): Ja, tillsammans gör vi tre trygghetsvandringar.

[00:02:40] Malin Öhman (trygghetssamordnare): Och vi bjuder in näringsidkarna att gå med.
"""


def test_a_transcripts_turns_are_read_as_the_questions_ask():
    assert "Och kommunen?" in clean(TRANSCRIPT)  # a turn, no chat's header
    assert owners_and_targets(parse(TRANSCRIPT)) == [
        ("Vi kommer att genomföra minst ", "police", ("at_least", 15)),
        ("Vi sätter upp bättre belysning", "municipality", None),
        ("Ja, tillsammans gör vi tre try", "joint", ("count", 3)),
        ("Och vi bjuder in näringsidkarn", "joint", None),
    ]


def test_a_turns_speaker_owns_what_is_said_without_a_question():
    text = "\n".join(
        [
            "[00:01] Anna Ek (kommunpolis): Vi kommer att patrullera i hamnen varje helg.",
            "[00:02] Lars Berg (trygghetssamordnare): Vi kommer att ordna fyra föräldraträffar.",
            "[00:03] Anna Ek (kommunpolis): Tack!",
        ]
    )
    assert [a.responsible for a in parse(text).activities] == ["police", "municipality"]


def test_the_podcast_reads_each_partys_answers():
    document = read("blind/borgholm-2026-poddtranskript.txt")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 2,
        *["municipality"] * 2,
        "joint",
        "joint",
    ]
    assert not any("elva" in a.text for a in document.activities)


MAIL = """\
Nyhetsbrev
==========

Polisen ska
-----------
  * genomföra minst 25 trafikkontroller vid skolorna [1]
  * bygga en ny gång- och cykelväg [2]

Referenser:
[1] https://bastad.se/trafiksakerhet
[2] https://bastad.se/gc-vag
"""


def test_a_plain_text_mails_underlines_and_link_references_are_dropped():
    assert clean(MAIL).split("\n") == [
        "Nyhetsbrev",
        "",
        "Polisen ska",
        "* genomföra minst 25 trafikkontroller vid skolorna",
        "* bygga en ny gång- och cykelväg",
        "",
        "Referenser:",
    ]


def test_a_rule_on_its_own_and_one_bracketed_number_are_kept():
    assert clean("Text\n\n---\n\nMer text").split("\n")[2] == "---"
    assert clean("Polisen ska [2]\nSe https://x.se").startswith("Polisen ska [2]")


def test_the_newsletters_events_are_no_activities():
    document = read("blind/bastad-2026-2027-textmejl.txt")
    assert len(document.activities) == 8
    assert not any("mars" in a.text for a in document.activities)
    assert document.activities[0].text.endswith("under perioden")
