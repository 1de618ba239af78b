"""Activities listed under a sub-heading that repeats a promise's title (a usability tester's
document, tests/fixtures/textimport/tranemo-2027-2028-promise-subheadings.txt), the local
police area a document names, a scope the portal cannot count, the document's own numbers in
the marked text, and the target comparisons the import offers."""

import re

import pytest
from django.urls import reverse

from activities.editor_forms import TARGET_COMPARATOR_CHOICES
from activities.progress import Scope
from promises.import_forms import matching_police_area
from promises.import_rows import NO_TARGET, ActivityRowForm, activity_initial
from promises.textimport.highlight import highlighted, marks_for
from promises.textimport.parser import parse
from promises.textimport.types import ParsedActivity, ParsedDocument, ParsedTarget
from tests.promises.textimport.test_documents import DOCUMENTS
from tests.staff import sign_in

TESTER = "tranemo-2027-2028-promise-subheadings.txt"
SUB_HEADINGS = (
    "Öka tryggheten i centrala Tranemo kvällstid",
    "Minska narkotikaanvändningen bland unga",
)


def _tester_text() -> str:
    return (DOCUMENTS / TESTER).read_text(encoding="utf-8")


def test_the_testers_document_gives_five_activities_each_under_its_promise():
    document = parse(_tester_text())
    assert [p.text for p in document.promises] == [
        "Öka tryggheten i centrala Tranemo kvällstid.",
        "Minska narkotikaanvändningen bland unga.",
    ]
    assert [a.title for a in document.activities] == [
        "Fotpatruller",
        "Trygghetsvandringar",
        "Förbättra belysningen i Badhusparken under 2027",
        "Riktade narkotikainsatser",
        "Informationsinsatser",
    ]
    assert [(a.responsible, a.responsible_other, a.partners) for a in document.activities] == [
        ("police", "", ""),
        ("joint", "", ""),
        ("municipality", "", ""),
        ("police", "", ""),
        ("other", "Räddningstjänsten Sjuhärad", "fältgruppen"),
    ]
    assert [
        a.target and (a.target.comparator, a.target.value, a.target.unit, a.target.scope)
        for a in document.activities
    ] == [
        ("at_least", 2, "fotpatruller", "week"),
        ("at_least", 4, "trygghetsvandringar", "year"),
        None,
        ("at_least", 12, "narkotikainsatser", "year"),
        None,
    ]
    assert [a.promise_indexes for a in document.activities] == [[0], [0], [0], [1], [1]]
    assert "Inga aktiviteter hittades i texten" not in document.uncertain
    assert document.local_police_area == "Borås"
    assert document.situation.startswith("Den gemensamma lägesbilden")


@pytest.mark.parametrize(
    "bullet",
    ["• ", "– ", "* ", "numbered"],
)
@pytest.mark.parametrize("colon", ["", ":"])
def test_the_same_layout_with_other_bullets_and_a_colon_after_the_sub_heading(bullet, colon):
    lines, number = [], 0
    for line in _tester_text().splitlines():
        if line.startswith("- "):
            number += 1
            line = (f"{number}. " if bullet == "numbered" else bullet) + line[2:]
        elif not line.strip():
            number = 0
        elif line in SUB_HEADINGS:
            line += colon
        lines.append(line)
    document = parse("\n".join(lines))
    assert len(document.promises) == 2
    assert [a.promise_indexes for a in document.activities] == [[0], [0], [0], [1], [1]]
    assert [a.responsible for a in document.activities] == [
        "police",
        "joint",
        "municipality",
        "police",
        "other",
    ]


def test_a_sub_heading_that_closely_matches_a_promise_gives_it_its_activities():
    document = parse(
        "Fokusområden\n1. Ökad trygghet i centrala Ulricehamn på kvällarna.\n"
        "2. Färre trafikolyckor vid skolorna.\n\nAktiviteter\n\n"
        "Ökad trygghet i centrala Ulricehamn på kvällar\n"
        "- Polisen ska genomföra minst 20 fotpatruller per år i centrum.\n\n"
        "Färre trafikolyckor vid skolorna\n"
        "- Kommunen ska bygga två nya övergångsställen vid skolorna.\n"
    )
    assert len(document.promises) == 2
    assert [a.promise_indexes for a in document.activities] == [[0], [1]]


def test_a_repeated_title_over_sentences_is_no_new_promise():
    document = parse(
        "Våra löften\n- Tryggare park i Hovsjö\n- Säkrare skolvägar\n\nAktiviteter\n\n"
        "Tryggare park i Hovsjö\nPolisen genomför minst 10 fotpatruller per år i parken.\n\n"
        "Säkrare skolvägar\nKommunen ska genomföra minst fyra hastighetsmätningar per år.\n"
    )
    assert [p.text for p in document.promises] == ["Tryggare park i Hovsjö", "Säkrare skolvägar"]
    assert [a.promise_indexes for a in document.activities] == [[0], [1]]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Anna Andersson\nLokalpolisområdeschef\nLokalpolisområde Borås", "Borås"),
        ("Polisen i LPO Motala genomför minst 4 kontroller per år.", "Motala"),
        ("Polisregion Mitt, lokalpolisområde Mitt, och kommunen lovar …", "Mitt"),
        ("LOKALPOLISOMRÅDE SÖDRA LAPPLAND", "Södra Lappland"),
        ("Lokalpolisområde: Kungälv/Ale", "Kungälv/Ale"),
        ("Lokalpolisområde Borås och LPO Borås lovar …", "Borås"),
        ("Lokalpolisområde Borås och lokalpolisområde Alingsås samverkar.", ""),
        ("Lokalpolisområdeschef Erik Johansson", ""),
        ("Polisen i lokalpolisområdet har fler poliser i år.", ""),
        ("Vi har lpo Borås i tankarna.", ""),
    ],
)
def test_the_local_police_area_the_document_names_is_read(text, area):
    assert parse(text).local_police_area == area


@pytest.fixture
def areas(db):
    from tests import factories

    vetlanda, tranas = factories.municipality("vetlanda"), factories.municipality("tranas")
    return {
        "boras": factories.local_police_area("Lokalpolisområde Borås", [vetlanda]),
        "hoglandet": factories.local_police_area("LPO Höglandet", [vetlanda, tranas]),
        "inland": factories.local_police_area("Norrbottens inland", [vetlanda]),
        "uncovered": factories.local_police_area("Alingsås", [tranas]),
        "vetlanda": vetlanda,
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Borås", "boras"),
        ("borås", "boras"),
        ("LPO Borås", "boras"),
        ("Lokalpolisområde Borås", "boras"),
        ("Höglandet", "hoglandet"),
        ("Hoglandet", "hoglandet"),  # a scan that lost the ö
        ("Norrbottens", "inland"),  # "lokalpolisområde Norrbottens inland har …"
        ("Alingsås", None),  # it does not cover Vetlanda: the form would refuse it
        ("Mitt", None),
        ("", None),
    ],
)
def test_the_name_read_is_matched_with_one_local_police_area(areas, name, expected):
    from municipalities.models import LocalPoliceArea

    found = matching_police_area(name, LocalPoliceArea.objects.all(), areas["vetlanda"].pk)
    assert found == (areas[expected] if expected else None)


def test_two_areas_of_the_same_name_propose_none(areas):
    from municipalities.models import LocalPoliceArea
    from tests import factories

    factories.local_police_area("Borås", [areas["vetlanda"]])
    assert (
        matching_police_area("Borås", LocalPoliceArea.objects.all(), areas["vetlanda"].pk) is None
    )


def test_the_preview_proposes_the_local_police_area_and_the_activities(client, people, areas):
    sign_in(client, people.coordinator)
    response = client.post(
        reverse("promises:period_import"),
        {"municipality": areas["vetlanda"].pk, "kind": "draft", "text": _tester_text()},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["local_police_area"] == areas["boras"].pk
    rows = response.context["activities"].forms
    assert [row.initial["promise"] for row in rows[:5]] == [1, 1, 1, 2, 2]
    assert [row.initial["title"] for row in rows[:5]] == [
        "Fotpatruller",
        "Trygghetsvandringar",
        "Förbättra belysningen i Badhusparken under 2027",
        "Riktade narkotikainsatser",
        "Informationsinsatser",
    ]
    page = response.content.decode()
    assert "Inga aktiviteter hittades i texten" not in page
    assert "Målet anges per termin, vilket portalen inte kan följa upp." in page


def test_a_scope_the_portal_cannot_count_is_said_plainly_and_the_title_stays_short():
    document = parse(
        "Aktiviteter:\n- Räddningstjänsten ska genomföra minst två informationsinsatser per "
        "termin på högstadieskolorna.\n"
    )
    activity = document.activities[0]
    assert activity.target is None
    assert activity.title == "Informationsinsatser"
    note = activity.uncertain[-1]
    assert note.startswith("Målet anges per termin, vilket portalen inte kan följa upp.")
    # The note names only the time spans a target can have.
    offered = {"hela perioden", "år", "tertial", "månad", "vecka", "dag"}
    assert all(word in note for word in offered)
    assert "halvår" not in note and "kvartal" not in note
    assert {Scope.PERIOD, Scope.YEAR, Scope.TERTIAL, Scope.MONTH, Scope.WEEK, Scope.DAY} <= set(
        Scope.values
    )


def test_a_scope_before_each_occasion_names_the_occasion():
    document = parse(
        "Aktiviteter:\n- Kommunen ska genomföra en kampanj mot langning inför varje "
        "skolavslutning.\n"
    )
    assert (
        document.activities[0]
        .uncertain[-1]
        .startswith("Målet anges inför varje skolavslutning, vilket")
    )


def test_the_documents_own_number_is_the_link_and_not_repeated():
    document = parse(_tester_text())
    html = str(highlighted(document.text, marks_for(document)))
    assert "Löfte 1</a> Öka" not in html and "1. <mark" not in html
    assert re.search(
        r'<a class="source-label" href="#lofte-1" aria-label="Löfte 1">1\.</a> Öka', html
    )
    labelled = parse("Löfte 1: Tryggare park\n- Polisen ska genomföra minst 4 kontroller per år.\n")
    html = str(highlighted(labelled.text, marks_for(labelled)))
    assert html.count("Löfte 1") == 2  # the document's label, and the link's name for it
    assert 'aria-label="Löfte 1">Löfte 1:</a> Tryggare park' in html


def test_a_number_that_is_not_the_rows_keeps_the_rows_label():
    document = parse("Löften\n2. Tryggare park\n3. Säkrare skolvägar\n")
    html = str(highlighted(document.text, marks_for(document)))
    assert '<a class="source-label" href="#lofte-1">Löfte 1</a> Tryggare park' in html


def test_the_import_offers_the_editors_comparisons_and_no_exact():
    form = ActivityRowForm(promise_titles=["Öka tryggheten"])
    assert list(form.fields["target_comparator"].choices) == [
        (NO_TARGET, "Utan mål (med status i stället)"),
        *[(value, str(label)) for value, label in TARGET_COMPARATOR_CHOICES],
    ]
    assert "exactly" not in [value for value, _label in form.fields["target_comparator"].choices]


def test_an_exact_number_read_is_proposed_as_a_number_met_when_reached():
    target = ParsedTarget(comparator="exactly", value=4, unit="trygghetsmätningar", scope="period")
    document = ParsedDocument(
        text="x",
        activities=[ParsedActivity(text="x", title="x", responsible="police", target=target)],
    )
    assert activity_initial(document)[0]["target_comparator"] == "count"


def test_the_preview_says_why_an_exact_number_is_proposed_as_a_number(client, people):
    from tests import factories

    sign_in(client, people.coordinator)
    response = client.post(
        reverse("promises:period_import"),
        {
            "municipality": factories.municipality("vetlanda").pk,
            "kind": "draft",
            "text": "Aktiviteter:\n- Polisen ska genomföra exakt fyra trygghetsmätningar.\n",
        },
    )
    row = response.context["activities"].forms[0]
    assert row.initial["target_comparator"] == "count"
    assert "Texten anger ett exakt antal." in response.content.decode()
