"""A tester registering last year's promise from its PDF (Ydre 2024): activities listed as
bullets under numbered promise headings serve those promises, the decision line ("Beslutat av
kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.") is read into the registration's
decision and kept out of the public texts, and a signatory after a page break with a running
header or footer is read; the finish page shows what was read."""

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from promises.import_forms import period_initial
from promises.models import PromisePeriod
from promises.textimport.decision import Decision, decision_line
from promises.textimport.output import summary_lines
from promises.textimport.parser import parse
from tests.promises.textimport.test_import_views import confirm_data
from tests.staff import sign_in

YDRE = """Medborgarlöfte Ydre 2024

Medborgarlöftet gäller från 1 januari 2024 till 31 december 2024.

Bakgrund
Polisen och Ydre kommun har tillsammans tagit fram en lägesbild.

Våra löften

1. Öka tryggheten kring Resecentrum
- Polisen genomför minst 20 fotpatruller vid Resecentrum under året.
- Kommunen förbättrar belysningen vid Resecentrum.

2. Minska narkotikaanvändningen bland unga
- Polisen genomför riktade insatser mot langning.
- Kommunen genomför föräldrautbildning två gånger per år.

Uppföljning
Arbetet följs upp två gånger per år av styrgruppen.

Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.

Ydre den 20 januari 2024

Anna Berg
Kommunstyrelsens ordförande
Ydre kommun

Medborgarlöfte Ydre 2024 – sida 2 av 2

Per Ek
Lokalpolisområdeschef
Polisen
"""

PROMISES = ["Öka tryggheten kring Resecentrum", "Minska narkotikaanvändningen bland unga"]


# -- 1. Activities under a numbered promise heading -------------------------------------------


def _served(document) -> list[tuple[str, list[int]]]:
    return [(a.text, a.promise_indexes) for a in document.activities]


def test_activities_listed_under_numbered_promise_headings_serve_those_promises():
    document = parse(YDRE)
    assert [p.text for p in document.promises] == PROMISES
    assert _served(document) == [
        ("Polisen genomför minst 20 fotpatruller vid Resecentrum under året.", [0]),
        ("Kommunen förbättrar belysningen vid Resecentrum.", [0]),
        ("Polisen genomför riktade insatser mot langning.", [1]),
        ("Kommunen genomför föräldrautbildning två gånger per år.", [1]),
    ]
    assert [a.responsible for a in document.activities] == [
        "police",
        "municipality",
        "police",
        "municipality",
    ]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda text: text.replace("Våra löften\n\n", ""), id="no-heading-above"),
        pytest.param(
            lambda text: text.replace("Våra löften", "Våra aktiviteter"), id="activity-heading"
        ),
        pytest.param(
            lambda text: text.replace(
                "Våra löften", "Polisen och kommunen lovar gemensamt att arbeta för:"
            ),
            id="promise-lead",
        ),
        pytest.param(lambda text: text.replace("\n- ", "\n• "), id="round-bullets"),
        pytest.param(lambda text: text.replace("\n- ", "\n\n- "), id="blank-lines-between"),
        pytest.param(
            lambda text: text.replace(
                "1. Öka tryggheten kring Resecentrum", "1) Öka tryggheten kring Resecentrum"
            ).replace("2. Minska", "2) Minska"),
            id="numbered-with-brackets",
        ),
    ],
)
def test_the_same_layout_written_otherwise_links_the_activities_alike(change):
    document = parse(change(YDRE))
    assert [p.text for p in document.promises] == PROMISES
    assert [a.promise_indexes for a in document.activities] == [[0], [0], [1], [1]]


def test_an_activity_wrapped_onto_the_next_line_and_one_without_its_owner_serve_the_promise():
    document = parse(
        "Aktiviteter\n\n1. Tryggare centrum.\n"
        "- Polisen ska genomföra minst 20 fotpatruller i centrum under året, främst\n"
        "  kvällstid.\n"
        "- Genomföra två trygghetsvandringar.\n"
        "2. Färre inbrott\n- Kommunen informerar om grannsamverkan.\n"
    )
    assert [p.text for p in document.promises] == ["Tryggare centrum.", "Färre inbrott"]
    assert _served(document) == [
        (
            "Polisen ska genomföra minst 20 fotpatruller i centrum under året, främst kvällstid.",
            [0],
        ),
        ("Genomföra två trygghetsvandringar.", [0]),
        ("Kommunen informerar om grannsamverkan.", [1]),
    ]


def test_details_under_a_numbered_activity_stay_its_details():
    # "1. Trygghetsvandringar" over "o Minst fyra per år", "o Ansvarig: Kommunen": an
    # activity with its target and owner, no promise.
    document = parse(
        "Aktiviteter\n1. Trygghetsvandringar i hamnområdet\n   o Minst fyra per år\n"
        "   o Ansvarig: Kommunen\n2. Föräldramöten på skolorna\n   o Ansvarig: Polisen\n"
    )
    assert document.promises == []
    assert [(a.title, a.responsible) for a in document.activities] == [
        ("Trygghetsvandringar i hamnområdet", "municipality"),
        ("Föräldramöten på skolorna", "police"),
    ]
    assert document.activities[0].target is not None


def test_numbered_activities_under_a_promise_heading_are_still_read_as_before():
    # "1.1" items under a promise "1." and numbered activities with no list under them.
    document = parse(
        "Löften\n1. Tryggare centrum\n1.1 Polisen genomför fotpatruller.\n"
        "2. Färre inbrott\n2.1 Kommunen informerar om grannsamverkan.\n"
    )
    assert [a.promise_indexes for a in document.activities] == [[0], [1]]
    document = parse(
        "Aktiviteter:\n1. Polisen genomför fotpatruller.\n2. Kommunen byter belysning.\n"
    )
    assert document.promises == []
    assert len(document.activities) == 2


# -- 2. The decision line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "decision"),
    [
        (
            "Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.",
            Decision("Kommunstyrelsen", datetime.date(2024, 1, 17), "KS 2023/412"),
        ),
        (
            "Beslut: KS 2024-01-17 § 12",
            Decision("Kommunstyrelsen", datetime.date(2024, 1, 17), "§ 12"),
        ),
        (
            "Antaget av kommunfullmäktige 2024-01-17, § 5 (Dnr 2023/412)",
            Decision("Kommunfullmäktige", datetime.date(2024, 1, 17), "2023/412"),
        ),
        (
            "Fastställt av kommunstyrelsen den 3 december 2025.",
            Decision("Kommunstyrelsen", datetime.date(2025, 12, 3), ""),
        ),
        (
            "Fastställd av: Kommunstyrelsen 2025-11-24, § 211",
            Decision("Kommunstyrelsen", datetime.date(2025, 11, 24), "§ 211"),
        ),
        ("Beslutat av kommunstyrelsen.", Decision("Kommunstyrelsen", None, "")),
        (
            "Beslut: Kommunstyrelsen 2020-03-11, dnr KS 2020/145.",
            Decision("Kommunstyrelsen", datetime.date(2020, 3, 11), "KS 2020/145"),
        ),
        (
            "Beslutat den 17 januari 2024 av Barn- och utbildningsnämnden, dnr BUN 2023/12",
            Decision("Barn- och utbildningsnämnden", datetime.date(2024, 1, 17), "BUN 2023/12"),
        ),
        (
            "Medborgarlöftet antogs av kommunfullmäktige i Ydre kommun den 17 januari 2024.",
            Decision("Kommunfullmäktige i Ydre kommun", datetime.date(2024, 1, 17), ""),
        ),
        (
            "Kommunstyrelsen beslutade den 17 januari 2024 att anta medborgarlöftet, § 12.",
            Decision("Kommunstyrelsen", datetime.date(2024, 1, 17), "§ 12"),
        ),
        # a date that is no date is not read; the body still is
        (
            "Beslutat av kommunstyrelsen den 30 februari 2024.",
            Decision("Kommunstyrelsen", None, ""),
        ),
        # the reference alone (read only beside a decision line: `read_decision`)
        ("Diarienummer: KS 2023/412", Decision("", None, "KS 2023/412")),
        ("Dnr KS 2023/412", Decision("", None, "KS 2023/412")),
    ],
)
def test_decision_lines_in_their_common_forms(line, decision):
    assert decision_line(line) == decision


@pytest.mark.parametrize(
    "line",
    [
        "Medborgarlöftet är beslutat av kommunstyrelsen och undertecknat av polisen.",
        "Beslutat av styrgruppen den 3 maj 2024.",
        "Beslutad av lokalpolisområdeschefen 2024-05-03",
        "Kommunstyrelsen beslutade att genomföra fler trygghetsvandringar.",
        "Förslag till beslut: Kommunstyrelsen föreslås anta medborgarlöftet.",
        "Version 1.2 | Status: Fastställd",
        "Polisen genomför minst 20 fotpatruller.",
    ],
)
def test_lines_that_are_no_decision_are_not_read(line):
    assert decision_line(line) is None


def test_the_document_gives_its_decision_and_keeps_the_line_out_of_its_texts():
    document = parse(YDRE)
    assert (document.decision_body, document.decision_date, document.decision_reference) == (
        "Kommunstyrelsen",
        datetime.date(2024, 1, 17),
        "KS 2023/412",
    )
    assert document.follow_up_text == "Arbetet följs upp två gånger per år av styrgruppen."
    for text in (document.situation, document.background, document.follow_up_text):
        assert "Beslutat" not in text and "2023/412" not in text


def test_a_decision_line_at_the_top_of_a_section_leaves_the_rest_of_the_section():
    document = parse(
        "Medborgarlöfte 2024\n\nBakgrund\nBeslut: KS 2024-01-17 § 12\n\n"
        "Löftet bygger på medborgardialoger under hösten.\n\n"
        "Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n"
    )
    assert document.background == "Löftet bygger på medborgardialoger under hösten."
    assert document.decision_reference == "§ 12"


def test_two_decision_lines_that_disagree_leave_that_part_to_the_coordinator():
    document = parse(
        "Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n\n"
        "Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.\n"
        "Fastställt av kommunfullmäktige den 17 januari 2024.\n"
    )
    assert document.decision_body == ""  # which of the two is not guessed
    assert document.decision_date == datetime.date(2024, 1, 17)
    assert document.decision_reference == "KS 2023/412"


def test_a_reference_line_gives_the_decision_its_dnr_and_stays_out_of_the_texts():
    """A coordinator's document had "Diarienummer: KS 2023/412" on a line of its own under the
    decision line, which was not read."""
    document = parse(
        "Medborgarlöfte 2024\n\nBakgrund\nDiarienummer: KS 2023/412\n\n"
        "Löftet bygger på medborgardialoger under hösten.\n\n"
        "Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n\n"
        "Beslutat av kommunstyrelsen den 17 januari 2024.\n"
    )
    assert (document.decision_body, document.decision_date, document.decision_reference) == (
        "Kommunstyrelsen",
        datetime.date(2024, 1, 17),
        "KS 2023/412",
    )
    assert document.background == "Löftet bygger på medborgardialoger under hösten."


def test_a_reference_line_without_a_decision_line_is_no_decision():
    # Whose case number it is (the police's own, say) the line does not say.
    document = parse(
        "Dnr A123.456/2024\n\nAktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n"
    )
    assert document.decision_reference == ""


def test_a_document_without_a_decision_line_proposes_no_decision():
    document = parse("Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n")
    assert (document.decision_body, document.decision_date, document.decision_reference) == (
        "",
        None,
        "",
    )


def test_the_registration_is_proposed_the_decision_and_a_draft_is_not(db):
    from tests import factories

    municipality = factories.municipality("vetlanda")
    document = parse(YDRE)
    initial = period_initial(document, municipality.pk, "register")
    assert (
        initial["decision_body"],
        initial["decision_date"],
        initial["decision_reference"],
    ) == ("Kommunstyrelsen", datetime.date(2024, 1, 17), "KS 2023/412")
    assert "decision_body" not in period_initial(document, municipality.pk, "draft")
    bare = parse("Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n")
    assert "decision_body" not in period_initial(bare, municipality.pk, "register")


# -- 3. A signatory after a page break --------------------------------------------------------


@pytest.mark.parametrize(
    "page_break",
    [
        "Medborgarlöfte Ydre 2024 – sida 2 av 2\n",
        "Sida 1 av 2\n\f\nMedborgarlöfte Ydre 2024\n",  # a footer, then the title as header
        "2 (2)\n",
        "- 2 -\n",
        "\fMedborgarlöfte Ydre 2024\n",
    ],
)
def test_a_signatory_after_a_page_break_with_a_running_header_or_footer_is_read(page_break):
    text = YDRE.replace("Medborgarlöfte Ydre 2024 – sida 2 av 2\n", page_break)
    document = parse(text)
    assert [(s.name, s.title, s.organisation) for s in document.signatories] == [
        ("Anna Berg", "Kommunstyrelsens ordförande", "Ydre kommun"),
        ("Per Ek", "Lokalpolisområdeschef", "Polisen"),
    ]
    assert document.signed_date == datetime.date(2024, 1, 20)


def test_a_sentence_after_the_signatures_still_ends_the_block():
    document = parse(
        "Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n\n"
        "Sala den 15 januari 2026\n\nAnna Berg\nKommunstyrelsens ordförande\n\n"
        "Sida 2 av 3\n\nBilaga 1. Lägesbilden i korthet\n\nPer Ek\nLokalpolisområdeschef\n"
    )
    assert [s.name for s in document.signatories] == ["Anna Berg"]


# -- 4. The whole registration: preview, confirmation, finish page -----------------------------


def test_the_testers_document_is_registered_with_what_it_states(client, people):
    from tests import factories

    sign_in(client, people.coordinator)
    preview = client.post(
        reverse("promises:period_import"),
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "register",
            "text": YDRE,
            "source_url": "https://ydre.se/medborgarlofte-2024",
        },
    )
    assert preview.status_code == 200
    rows = preview.context["activities"].forms
    assert [row.initial["promise"] for row in rows[:4]] == [1, 1, 2, 2]
    html = preview.content.decode()
    assert 'value="Kommunstyrelsen"' in html and 'value="KS 2023/412"' in html
    assert 'value="2024-01-17"' in html
    # The preview says where the decision came from, as it says of the signature block.
    assert "lästes från dokumentets beslutsrad" in html
    assert "lästes ur dokumentets underskrifter" in " ".join(html.split())
    signatories = preview.context["signatories"]
    assert [row["name"] for row in signatories.initial] == ["Anna Berg", "Per Ek"]
    data = confirm_data(preview, **{"period-source_url": "https://ydre.se/medborgarlofte-2024"})
    data["signatories-TOTAL_FORMS"] = str(signatories.total_form_count())
    for number, row in enumerate(signatories.initial):
        for name, value in row.items():
            data[f"signatories-{number}-{name}"] = value
    response = client.post(reverse("promises:period_import_confirm"), data)
    assert response.status_code == 302, response.context and response.context["error_entries"]

    period = PromisePeriod.objects.get()
    assert (period.decision_body, period.decision_date, period.decision_reference) == (
        "Kommunstyrelsen",
        datetime.date(2024, 1, 17),
        "KS 2023/412",
    )
    assert period.signed_date == datetime.date(2024, 1, 20)
    assert "Beslutat" not in period.follow_up_text
    assert {
        activity.description: [promise.title for promise in activity.promises.all()]
        for activity in period.activities.all()
    } == {
        "Polisen genomför minst 20 fotpatruller vid Resecentrum under året.": [PROMISES[0]],
        "Kommunen förbättrar belysningen vid Resecentrum.": [PROMISES[0]],
        "Polisen genomför riktade insatser mot langning.": [PROMISES[1]],
        "Kommunen genomför föräldrautbildning två gånger per år.": [PROMISES[1]],
    }
    # The finish page shows what was read; nothing is "not stated in the document".
    page = client.get(reverse("promises:period_register_finish", args=[period.pk]))
    finish = page.content.decode()
    assert "Kommunstyrelsen" in finish and "KS 2023/412" in finish
    assert "17 jan 2024" in finish and "20 jan 2024" in finish
    assert "Anna Berg" in finish and "Per Ek" in finish
    assert gettext("not stated in the document") not in finish


def test_the_commands_summary_shows_the_promises_served_the_decision_and_the_signing():
    lines = summary_lines(parse(YDRE))
    assert lines.count("     serves promise: 1") == 2 and lines.count("     serves promise: 2") == 2
    assert "Decision: Kommunstyrelsen, 2024-01-17, KS 2023/412" in lines
    assert "Signed: Ydre, 2024-01-20" in lines
    assert "  Per Ek, Lokalpolisområdeschef, Polisen" in lines
