"""A usability tester's findings on a realistic Sala document: activity titles that were a
target's unit ("Platser") or whole verb phrases ("Göra hastighetsmätningar på Rådhusgatan"),
activity descriptions proposed in lower case, and a signature block ("Sala den 15 januari
2026" over names, titles and organisations in two columns) that was not read."""

import datetime

import pytest
from django.urls import reverse

from promises.import_forms import period_initial, signatory_initial
from promises.import_rows import activity_initial
from promises.models import PromisePeriod, Signatory
from promises.textimport.create import _activity_fields
from promises.textimport.parser import parse
from promises.textimport.types import ParsedActivity
from tests.promises.textimport.test_import_views import confirm_data
from tests.staff import sign_in

SALA = (
    "Medborgarlöfte för Sala 2026\n"
    "\n"
    "Löfte\n"
    "Vi lovar att minska otryggheten i Sala centrum och vid resecentrum kvällstid.\n"
    "\n"
    "Polisen ska:\n"
    "- genomföra minst 40 fotpatrulleringar i centrum under året\n"
    "- göra hastighetsmätningar på Rådhusgatan\n"
    "\n"
    "Kommunen ska:\n"
    "- se över belysningen i Stadsparken och åtgärda minst 10 platser\n"
    "- ha ordningsvakter vid resecentrum fredagar och lördagar under sommaren\n"
    "\n"
    "Tillsammans ska vi:\n"
    "- genomföra gemensamma kvällsvandringar med fältassistenterna varje helg\n"
    "- genomföra två trygghetsvandringar under året\n"
    "\n"
    "Uppföljning\n"
    "Löftet följs upp två gånger per år i kommunens trygghetsråd.\n"
    "\n"
    "Sala den 15 januari 2026\n"
    "\n"
    "Anna Berg                      Per Ek\n"
    "Kommunstyrelsens ordförande    Lokalpolisområdeschef\n"
    "Sala kommun                    Polisen\n"
)


# -- Titles ---------------------------------------------------------------------------------------


def test_the_sala_items_are_titled_by_what_is_done_not_by_a_unit_or_a_verb_phrase():
    document = parse(SALA)
    assert [a.title for a in document.activities] == [
        "Fotpatrulleringar",
        "Hastighetsmätningar på Rådhusgatan",  # "göra" says only that it is done
        "Se över belysningen i Stadsparken",  # not "Platser": the item says what is done
        "Ordningsvakter vid resecentrum",  # when ("fredagar …", "under sommaren") left out
        "Kvällsvandringar med fältassistenterna",  # "gemensamma" is the owner's, "varje helg" when
        "Trygghetsvandringar",
    ]
    # The targets are read as before.
    assert [a.target and (a.target.value, a.target.unit) for a in document.activities] == [
        (40, "fotpatrulleringar"),
        None,
        (10, "platser"),
        None,
        None,
        (2, "trygghetsvandringar"),
    ]


@pytest.mark.parametrize(
    ("item", "title"),
    [
        # a count after a preposition counts whom or where: the words before it name the work
        ("Kommunen ska erbjuda sommarjobb till minst 50 ungdomar.", "Erbjuda sommarjobb"),
        (
            "Informerar om grannsamverkan på minst två marknader per år.",
            "Informerar om grannsamverkan",
        ),
        # … unless the verb takes the preposition, or the count names the activity
        ("Polisen ska delta i tre medborgardialoger.", "Medborgardialoger"),
        ("Kommunen ska bjuda in till två föräldramöten.", "Föräldramöten"),
        (
            "Polisen ska öka antalet narkotikakontroller till minst 40 per år.",
            "Narkotikakontroller",
        ),
        # "och kommunen" is a party, no clause of its own
        (
            "Tillsammans genomför polisen och kommunen två trygghetsvandringar.",
            "Trygghetsvandringar",
        ),
        ("Kommunen ska bygga om torget och sätta upp minst 8 nya kameror.", "Bygga om torget"),
        # a verb phrase with a verb saying only that it is done is named by its object
        ("Polisen ska hålla föräldraträffar på Gärdesskolan.", "Föräldraträffar på Gärdesskolan"),
        (
            "Polisen ska genomföra riktade kontroller vid stationen.",
            "Riktade kontroller vid stationen",
        ),
        # … unless its object is no plain noun phrase, or a second verb follows
        ("Fritidsgården ska hålla öppet till kl. 23 fredagar.", "Hålla öppet till kl. 23"),
        ("Kommunen ska ha fritidsgården öppen på fredagar.", "Ha fritidsgården öppen"),
        (
            "Kommunen ska genomföra informationsinsatser och sprida kampanjer till föräldrar.",
            "Genomföra informationsinsatser och sprida kampanjer till föräldrar",
        ),
        # when and how often are left out, a place after them kept
        (
            "Polisen ska genomföra trafikkontroller varannan vecka vid Noltorpsskolan.",
            "Trafikkontroller vid Noltorpsskolan",
        ),
        (
            "Lägesbilden stäms av varannan vecka mellan kommunpolis och fältare.",
            "Lägesbilden stäms av mellan kommunpolis och fältare",
        ),
        # "varje" before no word of time says no when
        ("Kommunpolisen deltar i varje SSPF-möte.", "Kommunpolisen deltar i varje SSPF-möte"),
    ],
)
def test_titles_are_short_noun_phrases_where_the_rules_can(item, title):
    assert parse(f"Aktiviteter:\n- {item}\n").activities[0].title == title


def test_a_scope_the_portal_cannot_count_still_names_the_activity_by_what_it_counts():
    """ "inför varje skolavslutning" is left out of the title and the activity is still named
    by what it counts, as before."""
    item = "Kommunen ska genomföra en kampanj mot langning inför varje skolavslutning."
    assert parse(f"Aktiviteter:\n- {item}\n").activities[0].title == "Kampanj"


# -- Descriptions begin with a capital ------------------------------------------------------------


def test_a_description_in_lower_case_is_proposed_with_a_capital_only_at_its_start():
    document = parse(SALA)
    assert document.activities[0].text.startswith("genomföra minst 40")  # the text as read
    rows = activity_initial(document)
    assert rows[0]["text"] == "Genomföra minst 40 fotpatrulleringar i centrum under året"
    assert rows[2]["text"] == "Se över belysningen i Stadsparken och åtgärda minst 10 platser"


def test_a_description_saved_without_the_preview_begins_with_a_capital_too():
    activity = ParsedActivity(text="ha ordningsvakter vid resecentrum", title="", responsible="x")
    assert _activity_fields(activity)["description"] == "Ha ordningsvakter vid resecentrum"
    activity = ParsedActivity(text="40 kontroller i Sala", title="", responsible="x")
    assert _activity_fields(activity)["description"] == "40 kontroller i Sala"


# -- The signature block --------------------------------------------------------------------------


def _signatories(document) -> list[tuple[str, str, str]]:
    return [(s.name, s.title, s.organisation) for s in document.signatories]


def test_a_signature_block_in_two_columns_gives_the_place_date_and_signatories():
    document = parse(SALA)
    assert (document.signing_place, document.signed_date) == (
        "Sala",
        datetime.date(2026, 1, 15),
    )
    assert _signatories(document) == [
        ("Anna Berg", "Kommunstyrelsens ordförande", "Sala kommun"),
        ("Per Ek", "Lokalpolisområdeschef", "Polisen"),
    ]
    # The signatures are no activity and no text of the period.
    assert "Anna Berg" not in document.follow_up_text
    assert all("Anna Berg" not in a.text for a in document.activities)


@pytest.mark.parametrize(
    ("block", "place", "date", "signatories"),
    [
        (  # one signatory a line, the parts set apart by commas
            "Kungälv 2020-03-20\n\n"
            "Miguel Odhner, kommunstyrelsens ordförande, Kungälvs kommun\n"
            "Rickard Lundqvist, lokalpolisområdeschef, Lokalpolisområde Kungälv\n",
            "Kungälv",
            datetime.date(2020, 3, 20),
            [
                ("Miguel Odhner", "Kommunstyrelsens ordförande", "Kungälvs kommun"),
                ("Rickard Lundqvist", "Lokalpolisområdeschef", "Lokalpolisområde Kungälv"),
            ],
        ),
        (  # titles only; a police title is the police's
            "Undertecknat i Visby den 12 oktober 2023.\n\n"
            "Kommunstyrelsens ordförande\nLokalpolisområdeschef\n",
            "Visby",
            datetime.date(2023, 10, 12),
            [("", "Kommunstyrelsens ordförande", ""), ("", "Lokalpolisområdeschef", "Polisen")],
        ),
        (  # "För …" over each column, lines to sign on, and a text after the block
            "Vänersborg den 1 mars 2025\n\n"
            "För Vänersborgs kommun                För Polismyndigheten\n"
            "______________________                ____________________\n"
            "Anna Svensson                         Erik Lund\n"
            "Kommunstyrelsens ordförande           Lokalpolisområdeschef\n\n"
            "Löftet följs upp i brottsförebyggande rådet varje halvår.\n",
            "Vänersborg",
            datetime.date(2025, 3, 1),
            [
                ("Anna Svensson", "Kommunstyrelsens ordförande", "Vänersborgs kommun"),
                ("Erik Lund", "Lokalpolisområdeschef", "Polismyndigheten"),
            ],
        ),
        (  # a scan's lost "ö", the names each over their titles with a blank line between
            "Nassjo den 15 januari 2026\n\n"
            "Anna Karlsson\nKommunstyrelsens ordforande\nNassjo kommun\n\n"
            "Peter Holm\nLokalpolisomradeschef\n",
            "Nassjo",
            datetime.date(2026, 1, 15),
            [
                ("Anna Karlsson", "Kommunstyrelsens ordforande", "Nassjo kommun"),
                ("Peter Holm", "Lokalpolisomradeschef", "Polisen"),
            ],
        ),
        (  # each column's organisation over it, set apart by a blank line and lines to sign on
            "Ljusdal den 3 mars 2025\n\n"
            "Lokalpolisområde Hälsingland                 Ljusdals kommun\n\n"
            "_________________________                    _________________________\n"
            "Lars Berg                                    Karin Öst\n"
            "Lokalpolisområdeschef                        Kommunstyrelsens ordförande\n",
            "Ljusdal",
            datetime.date(2025, 3, 3),
            [
                ("Lars Berg", "Lokalpolisområdeschef", "Lokalpolisområde Hälsingland"),
                ("Karin Öst", "Kommunstyrelsens ordförande", "Ljusdals kommun"),
            ],
        ),
        (  # no place and date: the block that ends the document
            "Kommunstyrelsens ordförande, Tranås kommun\n"
            "Lokalpolisområdeschef, Lokalpolisområde Höglandet\n",
            "",
            None,
            [
                ("", "Kommunstyrelsens ordförande", "Tranås kommun"),
                ("", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
            ],
        ),
    ],
)
def test_signature_blocks_as_documents_write_them(block, place, date, signatories):
    document = parse("Aktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n\n" + block)
    assert (document.signing_place, document.signed_date) == (place, date)
    assert _signatories(document) == signatories


@pytest.mark.parametrize(
    "text",
    [
        # a page's date, a report's writer, a contact line, a distribution list
        "Publicerad 12 mars 2025\n\nPolisen ska genomföra 10 trafikkontroller.\n",
        "Aktiviteter:\n- Fotpatrullering i centrum.\n\nLena Holm\nSäkerhetssamordnare\n",
        "Aktiviteter:\n- Fotpatrullering i centrum.\n\nKontakt: kommunpolis Jonas Ek\n",
        "Beslutet skickas till\nDiariet\nPar Thudeen Henrik Nilsson\n"
        "Kommundirektor Raddningschef\n",
        # a date at the top of a letter, with no one under it
        "Sala 2024-01-15\n\nAktiviteter:\n- Polisen ska genomföra 10 trafikkontroller.\n",
    ],
)
def test_no_signatures_are_proposed_where_no_one_signs(text):
    document = parse(text)
    assert document.signatories == []
    assert document.signed_date is None and document.signing_place == ""


def test_a_place_and_date_that_end_the_document_are_proposed_with_no_one_under_them():
    document = parse("Aktiviteter:\n- Trafikkontroller.\n\nLaxå den 15 januari 2026\n\n")
    assert (document.signing_place, document.signed_date) == ("Laxå", datetime.date(2026, 1, 15))
    assert document.signatories == []


def test_a_date_that_is_no_date_is_not_proposed():
    document = parse("Aktiviteter:\n- Trafikkontroller.\n\nSala den 31 februari 2026\n\nPolisen\n")
    assert document.signing_place == "Sala" and document.signed_date is None


def test_at_most_six_signatories_are_proposed():
    block = "\n\n".join(f"Anna Berg{'e' * n}\nLokalpolisområdeschef" for n in range(8))
    document = parse(f"Aktiviteter:\n- Trafikkontroller.\n\nSala den 1 mars 2026\n\n{block}\n")
    assert len(document.signatories) == 6


def test_the_registration_is_proposed_the_signing_date_and_the_signatories(db):
    from tests import factories

    municipality = factories.municipality("vetlanda")
    document = parse(SALA.replace("Sala kommun   ", "             "))
    assert period_initial(document, municipality.pk, "register")["signed_date"] == (
        datetime.date(2026, 1, 15)
    )
    assert "signed_date" not in period_initial(document, municipality.pk, "draft")
    # The municipality's title without its organisation: the municipality's own name.
    assert signatory_initial(document, municipality) == [
        {
            "name": "Anna Berg",
            "title": "Kommunstyrelsens ordförande",
            "organisation": municipality.organisation_name,
        },
        {"name": "Per Ek", "title": "Lokalpolisområdeschef", "organisation": "Polisen"},
    ]


VETLANDA = SALA.replace("Sala", "Vetlanda")


def test_the_preview_proposes_the_signatories_and_the_confirmation_saves_them(client, people):
    from tests import factories

    sign_in(client, people.coordinator)
    preview = client.post(
        reverse("promises:period_import"),
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "register",
            "text": VETLANDA,
            "source_url": "https://vetlanda.se/medborgarlofte-2026",
        },
    )
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "lästes ur dokumentets underskrifter" in html
    assert 'value="Anna Berg"' in html and 'value="Lokalpolisområdeschef"' in html
    assert 'value="2026-01-15"' in html  # the signing date
    signatories = preview.context["signatories"]
    data = confirm_data(
        preview,
        **{
            "period-start_date": "2026-01-01",
            "period-end_date": "2026-12-31",
            "period-source_url": "https://vetlanda.se/medborgarlofte-2026",
            # In force: its decision too (the signing date is the document's).
            "period-decision_body": "Kommunstyrelsen",
            "period-decision_date": "2025-12-10",
        },
    )
    data.update(
        {
            "signatories-TOTAL_FORMS": str(signatories.total_form_count()),
            "signatories-INITIAL_FORMS": "0",
        }
    )
    for number, row in enumerate(signatories.initial):
        for field, value in row.items():
            data[f"signatories-{number}-{field}"] = value
    response = client.post(reverse("promises:period_import_confirm"), data)
    assert response.status_code == 302, response.context and response.context["error_entries"]
    period = PromisePeriod.objects.get()
    assert period.signed_date == datetime.date(2026, 1, 15)
    assert sorted(Signatory.objects.values_list("name", "title", "organisation")) == [
        ("Anna Berg", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
        ("Per Ek", "Lokalpolisområdeschef", "Polisen"),
    ]
    assert period.activities.get(title="Fotpatrulleringar").description.startswith("Genomföra")
