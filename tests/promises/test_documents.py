"""The decision proposal and the signing document: print HTML, PDF, access, the proposal form."""

import datetime
import io
import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext
from pypdf import PdfReader

from activities.models import Responsible
from municipalities.models import Role
from promises.document_forms import ProposalForm, default_proposal, save_proposal
from promises.documents import DOCUMENTS, NoFetching, css_string, page_counter
from promises.editing import Change, EditConflict, record_revision
from promises.models import (
    ChangeKind,
    DecisionProposal,
    PeriodState,
    PromisePeriod,
    Review,
    ReviewVerdict,
    RevisionKind,
    Signatory,
)
from tests import factories
from tests.staff import People, sign_in, staff_user

TORGET = "Öka tryggheten på torget i Åby"
NARKOTIKA = "Minska narkotikabruket bland unga i Vetlanda"
TRAFFIC = "Polisen ska genomföra minst femton trafikkontroller med inriktning på trafikbeteenden."
GUARDS = "Väktare ska på kommunens uppdrag patrullera torget i Åby under helgkvällar."
DIALOGUE = "Räddningstjänsten håller öppet hus för unga om säkerhet på sjön."


@dataclass
class World:
    """A signed Vetlanda period with two promises, three activities, signatories, staff."""

    period: PromisePeriod
    coordinator: object
    approver: object
    officer: object
    stranger: object


def document_period(area, **fields) -> PromisePeriod:
    """A Vetlanda period of `area` (signed unless `state` says otherwise) with the texts."""
    fields.setdefault("state", PeriodState.SIGNED)
    period = factories.period(
        "vetlanda",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2026, 12, 31),
        local_police_area=area,
        situation="Delar av tätorten upplevs som stökiga och otrygga på kvällstid.",
        background="Samverkan mellan polis och kommun är en nödvändighet.",
        follow_up_text="Löftena följs upp vid tertialmöten och presenteras på polisen.se.",
        decision_reference="KS 2024/412",
        **fields,
    )
    torget = factories.promise(period, TORGET)
    narkotika = factories.promise(period, NARKOTIKA)
    traffic = factories.activity(period, "Trafikkontroller", description=TRAFFIC)
    traffic.promises.add(torget)
    guards = factories.activity(
        period,
        "Väktare",
        description=GUARDS,
        target=None,
        responsible=Responsible.MUNICIPALITY,
    )
    guards.promises.add(torget, narkotika)
    dialogue = factories.activity(
        period,
        "Öppet hus",
        description=DIALOGUE,
        target=("at_least", 2, "öppna hus", "year"),
        responsible=Responsible.OTHER,
        responsible_other="Räddningstjänsten",
    )
    dialogue.promises.add(narkotika)
    return period


def sign(period: PromisePeriod) -> None:
    Signatory.objects.create(
        period=period,
        position=1,
        name="Henrik Tvarnö",
        title="Kommunstyrelsens ordförande",
        organisation="Vetlanda kommun",
    )
    Signatory.objects.create(
        period=period,
        position=2,
        name="Jonas Lindell",
        title="Lokalpolisområdeschef",
        organisation="Lokalpolisområde Höglandet",
    )


def make_world(people: People | None = None, **fields) -> World:
    """The document's period with the named staff (tests/staff.py) of its municipality."""
    people = people or People()
    return World(
        period=document_period(people.area, **fields),
        coordinator=people.coordinator,
        approver=people.approver,
        officer=people.officer,
        stranger=people.other_coordinator,
    )


@pytest.fixture
def world(people) -> World:
    world = make_world(people)
    sign(world.period)
    return world


@pytest.fixture
def draft_world(people) -> World:
    return make_world(people, state=PeriodState.DRAFT)


def public_url(period: PromisePeriod, document: str, *, pdf: bool = False) -> str:
    name = "promises:document_pdf" if pdf else "promises:document"
    return reverse(name, args=[period.municipality.slug, period.slug, document])


def staff_url(period: PromisePeriod, document: str, *, pdf: bool = False) -> str:
    name = "promises:staff_document_pdf" if pdf else "promises:staff_document"
    return reverse(name, args=[period.pk, document])


def proposal_url(period: PromisePeriod) -> str:
    return reverse("promises:proposal_edit", args=[period.pk])


def pdf_text(response) -> tuple[PdfReader, str]:
    """The PDF and its text with runs of white space (line breaks too) as single spaces."""
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def page_words(page: int, pages: int) -> str:
    return gettext("Page %(page)s of %(pages)s") % {"page": page, "pages": pages}


def target(value: int, unit: str, scope: str = "over the whole period") -> str:
    return gettext("%(comparator)s %(value)s %(unit)s %(scope)s") % {
        "comparator": gettext("at least"),
        "value": value,
        "unit": unit,
        "scope": gettext(scope),
    }


def in_order(html: str, texts: list[str]) -> bool:
    """Whether each text occurs in `html` after the previous one."""
    start = 0
    for text in texts:
        found = html.find(text, start)
        assert found != -1, f"{text!r} missing after position {start}"
        start = found + len(text)
    return True


def proposal_data(**fields) -> dict[str, str]:
    data = {
        "summary": "Vetlanda kommun och Polisen formulerar medborgarlöften.",
        "description": "Samverkan är en nödvändighet för det brottsförebyggande arbetet.",
        "consulted": "kommunledningsgruppen, KLG",
        "consulted_on": "2024-11-20",
        "economy": "Finansiering sker inom befintlig ram.",
        "basis": "Tjänsteutlåtande 2024-11-24\nBilaga – medborgarlöften 2025–2026",
        "recipients": "Diariet\nSäkerhetssamordnaren",
        "officials": "Pär Thudeen, Kommundirektör\nHenrik Nilsson, Räddningschef",
        "edit_version": "1",
    }
    data.update(fields)
    return data


# -- PDF ---------------------------------------------------------------------------------------


def test_signing_document_pdf_has_promises_activities_targets_and_signatures(client, world):
    response = client.get(public_url(world.period, "medborgarloftet", pdf=True))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'inline; filename="medborgarlofte-vetlanda-{world.period.slug}.pdf"'
    )
    assert not response.cookies
    reader, text = pdf_text(response)
    assert len(reader.pages) >= 1
    for expected in (TORGET, NARKOTIKA, TRAFFIC, GUARDS, DIALOGUE):
        assert expected in text
    assert target(15, "trafikkontroller") in text
    assert target(2, "öppna hus", "per year") in text
    assert "minst 15 trafikkontroller" in text  # Swedish is the default language
    for name in ("Henrik Tvarnö", "Jonas Lindell", "Lokalpolisområde Höglandet"):
        assert name in text
    assert "Räddningstjänsten" in text
    assert "Delar av tätorten upplevs som stökiga" in text
    assert "Löftena följs upp vid tertialmöten" in text
    # The place and day of signing, as a signature block writes them: "Vetlanda den 1 januari 2025".
    with translation.override("sv"):
        signed_on = date_format(world.period.signed_date, "j F Y")
    assert f"Vetlanda den {signed_on}" in text
    assert page_words(1, len(reader.pages)) in text
    assert gettext("DRAFT") not in text
    assert reader.metadata.title == gettext("Citizen promise in %(party)s %(period)s") % {
        "party": gettext("%(name)s municipality") % {"name": "Vetlanda"},
        "period": "2025–2026",
    }


def test_decision_proposal_pdf_has_the_promises_and_the_texts(client, world):
    DecisionProposal.objects.create(period=world.period, **_saved_fields())

    response = client.get(public_url(world.period, "tjansteutlatande", pdf=True))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'inline; filename="tjansteutlatande-vetlanda-{world.period.slug}.pdf"'
    )
    reader, text = pdf_text(response)
    for expected in (
        TORGET,
        NARKOTIKA,
        "Finansiering sker inom befintlig ram.",
        "Säkerhetssamordnaren",
        "Pär Thudeen",
        "Räddningschef",
        "KS 2024/412",
    ):
        assert expected in text
    assert page_words(1, len(reader.pages)) in text
    assert page_words(len(reader.pages), len(reader.pages)) in text


def test_staff_pdf_of_a_draft_is_marked_and_has_empty_signature_lines(client, draft_world):
    sign_in(client, draft_world.officer)

    response = client.get(staff_url(draft_world.period, "medborgarloftet", pdf=True))

    assert response.status_code == 200
    reader, text = pdf_text(response)
    assert gettext("DRAFT") in text
    assert reader.metadata.title.startswith(gettext("DRAFT"))
    assert text.count(gettext("Place and date")) == 2
    assert text.count(gettext("Name in block letters")) == 2
    assert "Lokalpolisområde Höglandet" in text
    assert TORGET in text and GUARDS in text


def test_the_pdf_renderer_fetches_nothing():
    fetcher = NoFetching()
    for url in ("https://example.org/style.css", "file:///etc/passwd", "data:text/css,a{}"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_page_numbers_and_css_strings_are_escaped():
    assert "counter(page)" in page_counter()
    assert "counter(pages)" in page_counter()
    assert css_string('Sida "1" </style>') == '"Sida \\22 1\\22  \\3c \\2f style\\3e "'


# -- Print HTML --------------------------------------------------------------------------------


def revise(world: World) -> None:
    record_revision(
        world.period,
        user=world.coordinator,
        kind=RevisionKind.ANNUAL_REVIEW,
        reason="Årlig översyn: färre kontroller behövs.",
        changes=[
            Change(
                ChangeKind.TARGET,
                "Trafikkontroller",
                "minst 15 trafikkontroller",
                "minst 10 trafikkontroller",
            )
        ],
    )


def test_signing_document_html_has_the_sections_in_order(client, world):
    revise(world)

    response = client.get(public_url(world.period, "medborgarloftet"))

    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert '<html lang="sv">' in html
    assert in_order(
        html,
        [
            gettext("Together, the Police and the municipality promise to work for:"),
            TORGET,
            NARKOTIKA,
            gettext("We will achieve this through the following activities:"),
            TRAFFIC,
            GUARDS,
            DIALOGUE,
            gettext("What is a citizen promise"),
            gettext("Situation picture"),
            gettext("Follow-up"),
            "Henrik Tvarnö",
            "Jonas Lindell",
            gettext("Changes"),
            "Årlig översyn: färre kontroller behövs.",
            "minst 10 trafikkontroller",
        ],
    )
    serves_both = ngettext("Promise %(numbers)s", "Promises %(numbers)s", 2) % {"numbers": "1, 2"}
    assert serves_both in html
    assert public_url(world.period, "medborgarloftet", pdf=True) in html
    assert world.period.get_absolute_url() in html
    assert gettext("DRAFT") not in html


def test_decision_proposal_html_has_the_sections_in_order(client, world):
    world.period.consultation_round = 2
    world.period.save()
    earlier = staff_user("tidigare", role=Role.APPROVER, municipality=world.period.municipality)
    Review.objects.create(
        period=world.period, round=1, reviewer=earlier, verdict=ReviewVerdict.APPROVE
    )
    Review.objects.create(
        period=world.period,
        round=2,
        reviewer=world.approver,
        verdict=ReviewVerdict.APPROVE,
        at=timezone.make_aware(datetime.datetime(2024, 11, 21, 10, 0)),
    )
    DecisionProposal.objects.create(period=world.period, **_saved_fields())

    response = client.get(public_url(world.period, "tjansteutlatande"))

    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert in_order(
        html,
        [
            "Vetlanda",
            "KS 2024/412",
            gettext("The administration's proposal for a decision"),
            gettext("to adopt the following citizen promises for the years %(period)s:")
            % {"period": "2025–2026"},
            TORGET,
            NARKOTIKA,
            pgettext("decision proposal", "Summary"),
            "Vetlanda kommun och Polisen formulerar medborgarlöften.",
            gettext("Description of the matter"),
            gettext("Consultation"),
            "kommunledningsgruppen, KLG, 2024-11-20",
            # The public reads the approver's role, never the officer's name.
            gettext("Approved in the consultation by an approver for %(party)s, %(date)s.")
            % {
                "party": gettext("%(name)s municipality") % {"name": "Vetlanda"},
                "date": "21 november 2024",
            },
            gettext("Economy"),
            gettext("Decision basis"),
            "Bilaga – medborgarlöften 2025–2026",
            gettext("The decision is sent to"),
            "Diariet",
            "Pär Thudeen",
            "Kommundirektör",
        ],
    )
    assert "Tidigare Testsson" not in html  # an approval of an earlier round
    for private in ("Granskare Testsson", "granskare@", ">granskare<", "Tidigare"):
        assert private not in html
    assert html.count(gettext("Approved in the consultation by:")) == 0

    # Staff read who approved.
    sign_in(client, world.coordinator)
    staff_html = client.get(staff_url(world.period, "tjansteutlatande")).content.decode()
    assert in_order(
        staff_html,
        [gettext("Approved in the consultation by:"), "Granskare Testsson, 21 november 2024"],
    )
    assert "Tidigare Testsson" not in staff_html


def test_public_documents_answer_404_for_a_draft_and_an_unknown_document(client, draft_world):
    for pdf in (False, True):
        response = client.get(public_url(draft_world.period, "medborgarloftet", pdf=pdf))
        assert response.status_code == 404
        assert not response.cookies
    draft_world.period.state = PeriodState.SIGNED
    draft_world.period.decision_date = datetime.date(2024, 12, 1)
    draft_world.period.signed_date = datetime.date(2024, 12, 15)
    draft_world.period.save()
    assert client.get(public_url(draft_world.period, "medborgarloftet")).status_code == 200
    for pdf in (False, True):
        assert client.get(public_url(draft_world.period, "avtal", pdf=pdf)).status_code == 404


def test_public_documents_refuse_post(client, world):
    assert client.post(public_url(world.period, "medborgarloftet")).status_code == 405
    assert client.head(public_url(world.period, "medborgarloftet")).status_code == 200


# The signing document also reads the extensions (its current version tells of them).
@pytest.mark.parametrize(("document", "queries"), [("tjansteutlatande", 3), ("medborgarloftet", 8)])
def test_documents_take_a_constant_number_of_queries(
    client, world, django_assert_num_queries, document, queries
):
    revise(world)
    DecisionProposal.objects.create(period=world.period, summary="Sammanfattning.")
    with django_assert_num_queries(queries):
        client.get(public_url(world.period, document))
    more = factories.activity(world.period, "Fler kontroller", description="Fler kontroller.")
    more.promises.add(*world.period.promises.all())
    factories.promise(world.period, "Ett tredje löfte")
    revise(world)
    Review.objects.create(
        period=world.period, round=0, reviewer=world.approver, verdict=ReviewVerdict.APPROVE
    )
    with django_assert_num_queries(queries):
        response = client.get(public_url(world.period, document))
    assert "Ett tredje löfte" in response.content.decode()


def test_staff_documents_are_marked_as_drafts_until_decided(client, draft_world):
    sign_in(client, draft_world.approver)

    response = client.get(staff_url(draft_world.period, "tjansteutlatande"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="draft-banner"' in html
    assert f"<title>{gettext('DRAFT')} – " in html
    # No proposal saved yet: the default texts, but no consultation that did not take place
    # (the form's suggestion "KLG" is stated once someone saves it).
    assert gettext("Financing within the existing budget") in html
    assert "Samråd har skett" not in html
    assert "Inget samråd har registrerats än." in html
    assert staff_url(draft_world.period, "tjansteutlatande", pdf=True) in html
    assert reverse("promises:staff_period", args=[draft_world.period.pk]) in html

    decided = draft_world.period
    decided.state = PeriodState.DECIDED
    decided.decision_date = datetime.date(2024, 12, 1)
    decided.save()
    html = client.get(staff_url(decided, "medborgarloftet")).content.decode()
    assert 'class="draft-banner"' not in html
    assert html.count(gettext("Place and date")) == 2


def test_staff_documents_are_404_outside_the_users_municipality(client, draft_world):
    sign_in(client, draft_world.stranger)
    for document in ("tjansteutlatande", "medborgarloftet"):
        for pdf in (False, True):
            response = client.get(staff_url(draft_world.period, document, pdf=pdf))
            assert response.status_code == 404
    sign_in(client, draft_world.coordinator)
    assert client.get(staff_url(draft_world.period, "avtal")).status_code == 404
    assert client.post(staff_url(draft_world.period, "medborgarloftet")).status_code == 405


# -- The proposal form -------------------------------------------------------------------------


def _saved_fields() -> dict[str, object]:
    data = proposal_data()
    data.pop("edit_version")
    data["consulted_on"] = datetime.date(2024, 11, 20)
    return data


def test_coordinator_saves_the_proposal_with_history(client, draft_world):
    sign_in(client, draft_world.coordinator)
    page = client.get(proposal_url(draft_world.period))
    assert page.status_code == 200
    # The defaults name the municipality.
    assert "Vetlanda" in page.context["form"]["summary"].value()

    response = client.post(proposal_url(draft_world.period), proposal_data())

    assert response.status_code == 302
    assert response.url == reverse("promises:staff_period", args=[draft_world.period.pk])
    proposal = DecisionProposal.objects.get(period=draft_world.period)
    assert proposal.economy == "Finansiering sker inom befintlig ram."
    assert proposal.consulted_on == datetime.date(2024, 11, 20)
    assert proposal.official_lines == [
        "Pär Thudeen, Kommundirektör",
        "Henrik Nilsson, Räddningschef",
    ]
    record = proposal.history.latest()
    assert record.history_user == draft_world.coordinator
    followed = client.get(response.url)
    assert gettext("The decision proposal was saved.") in followed.content.decode()

    again = client.post(
        proposal_url(draft_world.period), proposal_data(edit_version="2", economy="Ny ram.")
    )
    assert again.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.economy, proposal.edit_version) == ("Ny ram.", 3)
    assert proposal.history.count() == 2


@pytest.mark.parametrize("role", ["approver", "officer"])
def test_approvers_and_police_may_not_edit_the_proposal(client, draft_world, role):
    sign_in(client, getattr(draft_world, role))
    assert client.get(proposal_url(draft_world.period)).status_code == 403
    assert client.post(proposal_url(draft_world.period), proposal_data()).status_code == 403
    assert not DecisionProposal.objects.exists()


def test_another_municipalitys_coordinator_gets_404(client, draft_world):
    sign_in(client, draft_world.stranger)
    assert client.get(proposal_url(draft_world.period)).status_code == 404
    assert client.post(proposal_url(draft_world.period), proposal_data()).status_code == 404
    assert not DecisionProposal.objects.exists()


@pytest.mark.parametrize(
    ("state", "status"),
    [
        (PeriodState.CONSULTATION, 200),
        # Decided on it: the text the deciding body had stays as it was (a security probe).
        (PeriodState.DECIDED, 403),
        (PeriodState.SIGNED, 403),
        (PeriodState.EXTENDED, 403),
        (PeriodState.CLOSED, 403),
    ],
)
def test_the_proposal_is_editable_until_the_decision(client, db, state, status):
    world = make_world(state=state)
    sign_in(client, world.coordinator)
    assert client.get(proposal_url(world.period)).status_code == status
    response = client.post(proposal_url(world.period), proposal_data())
    assert response.status_code == (302 if status == 200 else 403)
    assert DecisionProposal.objects.exists() == (status == 200)


def test_html_in_the_proposal_is_a_form_error_and_nothing_is_written(client, draft_world):
    sign_in(client, draft_world.coordinator)

    response = client.post(
        proposal_url(draft_world.period), proposal_data(summary="<script>alert(1)</script>")
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["summary"] == [
        gettext("Write plain text: HTML tags such as <b> or <script> are not allowed.")
    ]
    assert 'aria-describedby="id_summary_error' in response.content.decode()
    assert not DecisionProposal.objects.exists()


def test_too_long_or_bad_date_is_a_form_error(client, draft_world):
    sign_in(client, draft_world.coordinator)
    response = client.post(
        proposal_url(draft_world.period),
        proposal_data(consulted="K" * 201, consulted_on="23/3 2023"),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"consulted", "consulted_on"}
    assert not DecisionProposal.objects.exists()


def test_a_concurrent_save_is_a_conflict_and_the_second_saver_keeps_their_text(client, draft_world):
    DecisionProposal.objects.create(period=draft_world.period, **_saved_fields())
    version = DecisionProposal.objects.get().edit_version
    sign_in(client, draft_world.coordinator)
    first = proposal_data(edit_version=str(version), economy="Den första ramen.")
    second = proposal_data(edit_version=str(version), economy="Den andra ramen.")

    assert client.post(proposal_url(draft_world.period), first).status_code == 302
    response = client.post(proposal_url(draft_world.period), second)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.conflict is not None
    assert (str(ProposalForm.base_fields["economy"].label), "Den första ramen.") in (
        form.conflict.differences
    )
    html = response.content.decode()
    assert "Den andra ramen." in html  # what the second saver typed, kept in the form
    assert "Den första ramen." in html  # the saved version, shown next to it
    assert form.non_field_errors()
    saved = DecisionProposal.objects.get()
    assert saved.economy == "Den första ramen."
    assert saved.edit_version == version + 1

    # Saving the re-shown form again is a deliberate overwrite.
    again = dict(second, edit_version=form["edit_version"].value())
    assert client.post(proposal_url(draft_world.period), again).status_code == 302
    assert DecisionProposal.objects.get().economy == "Den andra ramen."


def test_two_first_saves_of_a_new_proposal_conflict(client, draft_world):
    sign_in(client, draft_world.coordinator)
    shown = client.get(proposal_url(draft_world.period)).context["form"]["edit_version"].value()

    first = client.post(proposal_url(draft_world.period), proposal_data(edit_version=shown))
    second = client.post(
        proposal_url(draft_world.period),
        proposal_data(edit_version=shown, summary="Min egen sammanfattning."),
    )

    assert first.status_code == 302
    assert second.status_code == 200
    assert second.context["form"].conflict is not None
    assert "Min egen sammanfattning." in second.content.decode()
    assert DecisionProposal.objects.get().summary == proposal_data()["summary"]


def test_two_simultaneous_first_saves_collide_on_the_key(draft_world):
    ours = default_proposal(draft_world.period)
    theirs = default_proposal(draft_world.period)
    theirs.summary = "Deras sammanfattning."
    save_proposal(theirs, 1, user=draft_world.approver)

    with pytest.raises(EditConflict) as raised:
        save_proposal(ours, 1, user=draft_world.coordinator)

    assert raised.value.current.summary == "Deras sammanfattning."
    assert DecisionProposal.objects.get().edit_version == 2


# -- Wrapping inside the page ------------------------------------------------------------------

# At the model's limit of 50 characters, without a space; and a word of 80 letters.
LONG_DNR = "KS-2026/412-" + "0123456789" * 3 + "-ABCDEFG"
LONG_WORD = "Brottsförebyggande" * 4 + "åtgärder"
assert (len(LONG_DNR), len(LONG_WORD)) == (50, 80)
A4_WIDTH = 595.28
# Text stays inside the page's right margin of 2.2 cm (62.4 pt), give or take rounding.
RIGHT_LIMIT = A4_WIDTH - 2.2 / 2.54 * 72 + 0.5


def _multiply(m: list[float], n: list[float]) -> list[float]:
    """The product m × n of two PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def _x(matrix: list[float], x: float) -> float:
    """The x coordinate in page space of the point (x, 0) in the space of `matrix`."""
    return matrix[0] * x + matrix[4]


def _widths(font) -> dict[int, float]:
    """Glyph widths (in thousandths of the font size) of a Type0 font, by glyph id."""
    descendant = font["/DescendantFonts"][0].get_object()
    default = float(descendant.get("/DW", 1000))
    widths: dict[int, float] = {}
    spec = list(descendant.get("/W", []))
    i = 0
    while i < len(spec):
        first = int(spec[i])
        if isinstance(spec[i + 1], list):
            for offset, width in enumerate(spec[i + 1]):
                widths[first + offset] = float(width)
            i += 2
        else:
            for cid in range(first, int(spec[i + 1]) + 1):
                widths[cid] = float(spec[i + 2])
            i += 3
    widths[-1] = default
    return widths


def text_right_edges(reader: PdfReader) -> list[tuple[int, float]]:
    """(page number, right edge in points) of every text run the PDF draws.

    Interprets the content streams WeasyPrint writes (cm, q/Q, BT, Tf, Tm/Td, TJ/Tj with
    two-byte glyph ids), measuring each run with the widths of its embedded font.
    """
    from pypdf.generic import ContentStream

    edges = []
    for number, page in enumerate(reader.pages, start=1):
        fonts = {name: font.get_object() for name, font in page["/Resources"]["/Font"].items()}
        widths = {name: _widths(font) for name, font in fonts.items()}
        ctm, stack = [1.0, 0, 0, 1.0, 0, 0], []
        tm, line, font, size, spacing = [1.0, 0, 0, 1.0, 0, 0], None, None, 0.0, 0.0
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                stack.append(ctm)
            elif operator == b"Q":
                ctm = stack.pop()
            elif operator == b"cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            elif operator == b"BT":
                tm = line = [1.0, 0, 0, 1.0, 0, 0]
            elif operator == b"Tm":
                tm = line = [float(v) for v in operands]
            elif operator in (b"Td", b"TD"):
                tm = line = _multiply([1, 0, 0, 1, float(operands[0]), float(operands[1])], line)
            elif operator == b"Tf":
                font, size = operands[0], float(operands[1])
            elif operator == b"Tc":
                spacing = float(operands[0])
            elif operator in (b"TJ", b"Tj"):
                items = operands[0] if operator == b"TJ" else [operands[0]]
                advance = 0.0
                for item in items:
                    if isinstance(item, bytes | str):
                        data = item.encode("latin-1") if isinstance(item, str) else item
                        glyphs = [int.from_bytes(data[i : i + 2]) for i in range(0, len(data), 2)]
                        for glyph in glyphs:
                            width = widths[font].get(glyph, widths[font][-1])
                            advance += width / 1000 * size + spacing
                    else:
                        advance -= float(item) / 1000 * size
                page_matrix = _multiply(tm, ctm)
                edges.append((number, max(_x(page_matrix, 0), _x(page_matrix, advance))))
                tm = _multiply([1, 0, 0, 1, advance, 0], tm)
    return edges


def _joined(text: str) -> str:
    """The text without white space and soft or hard hyphens at line ends."""
    return re.sub(r"[\s\u00ad]+|-\s+", "", text)


@pytest.mark.parametrize("document", ["medborgarloftet", "tjansteutlatande"])
@pytest.mark.parametrize(
    ("reference", "word"),
    [("KS 2026/412", ""), (LONG_DNR, LONG_WORD)],
    ids=["ordinary", "long"],
)
def test_long_words_and_numbers_wrap_inside_the_page(client, world, document, reference, word):
    world.period.decision_reference = reference
    world.period.save()
    summary = "Finansiering sker inom befintlig ram."
    if word:
        factories.promise(world.period, f"Öka {word} i centrum")
        summary = f"Beslutet gäller {word}."
    DecisionProposal.objects.create(period=world.period, **{**_saved_fields(), "summary": summary})

    response = client.get(public_url(world.period, document, pdf=True))

    reader, text = pdf_text(response)
    edges = text_right_edges(reader)
    assert len(edges) > 20  # the measuring read the document's text
    assert all(edge > 0 for _page, edge in edges)
    beyond = [(page, round(edge, 1)) for page, edge in edges if edge > RIGHT_LIMIT]
    assert not beyond, f"text runs past the right edge: {beyond}"
    # Broken over lines, but all there: the header, the dnr and the long word.
    joined = _joined(text)
    assert _joined(gettext("Reference number") + reference) in joined
    assert _joined(word) in joined
    if document == "tjansteutlatande":
        assert _joined(gettext("Document") + str(DOCUMENTS[document].name)) in joined


@pytest.mark.django_db
@pytest.mark.parametrize("parties", ["joint", "municipality"])
def test_a_period_starting_after_the_signing_is_said_to_be_valid_from_its_dates(parties):
    """A promise for next year, drafted and signed this year, does not take effect at the
    signing: the decision proposal and the signing document give its dates."""
    from promises.document_forms import proposal_defaults
    from promises.documents import signing_context

    today = timezone.localdate()
    start = datetime.date(today.year + 1, 1, 1)
    period = factories.period(
        "tranemo", start=start, end=datetime.date(today.year + 1, 12, 31), state="draft"
    )
    period.parties = parties
    with translation.override("sv"):
        summary = proposal_defaults(period)["summary"]
    assert "från och med undertecknandet" not in summary
    assert f"De gäller 1 januari {start.year}\u00a0– 31 december {start.year}." in summary
    if parties == "joint":
        with translation.override("sv"):
            intro = signing_context(period)["intro"]
        assert "från och med undertecknandet" not in intro and "De gäller 1 januari" in intro
    # Due to start by today, it takes effect at the signing.
    period.start_date = today
    with translation.override("sv"):
        assert "från och med undertecknandet" in proposal_defaults(period)["summary"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parties", "formulates"),
    [
        ("joint", "formulerar Malmö stad och Polisen medborgarlöften"),
        ("municipality", "formulerar Malmö stad medborgarlöften"),
        ("police", "formulerar Polisen medborgarlöften"),
    ],
)
@pytest.mark.parametrize("starts", ["at the signing", "next year"])
def test_a_districts_documents_name_the_organisation_as_the_party_and_the_area_after(
    parties, formulates, starts
):
    """A district's promise: "Malmö stad och Polisen", then the area in a sentence of its own,
    never "Malmö stad, Rosengård och Polisen" (as if the district were a third party)."""
    from promises.document_forms import proposal_defaults
    from promises.documents import signing_context

    today = timezone.localdate()
    start = today if starts == "at the signing" else datetime.date(today.year + 1, 1, 1)
    period = factories.period(
        "malmo",
        start=start,
        end=datetime.date(start.year + 1, 12, 31),
        state="draft",
        area_name="Rosengård",
        parties=parties,
    )
    with translation.override("sv"):
        texts = [signing_context(period)["intro"]]
        if parties != "police":  # the Police alone have no decision proposal
            texts.append(proposal_defaults(period)["summary"])
        title = signing_context(period)["title"]
    for text in texts:
        assert formulates in text
        assert text.endswith(" Medborgarlöftena avser Rosengård.")
        assert "Malmö stad, Rosengård" not in text
    assert title.startswith("Medborgarlöfte i Malmö stad, Rosengård ")


def test_a_registered_past_promise_has_no_decision_proposal(client, world):
    """Decided and signed outside the portal: a tjänsteutlåtande proposing "att anta följande
    medborgarlöften", dated the day it was entered, would be invented."""
    period = world.period
    period.registered_at = timezone.now()
    period.save()
    sign_in(client, world.coordinator)
    assert client.get(staff_url(period, "tjansteutlatande")).status_code == 404
    assert client.get(staff_url(period, "tjansteutlatande", pdf=True)).status_code == 404
    assert client.get(public_url(period, "tjansteutlatande")).status_code == 404
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert staff_url(period, "tjansteutlatande") not in hub
    assert client.get(staff_url(period, "medborgarloftet")).status_code == 200


def test_the_signing_place_and_date_stay_on_the_page_of_the_signature_lines(client, world):
    # Each added paragraph moves the signatures down a little, so one of these lengths puts
    # the place and date at the foot of a page: they go over with the signature lines.
    place = gettext("%(place)s, %(date)s") % {
        "place": world.period.municipality.name,
        "date": date_format(world.period.signed_date, "j F Y"),
    }
    for paragraphs in range(9):
        world.period.background = "\n\n".join(["Samverkan är en nödvändighet."] * paragraphs)
        world.period.save()

        response = client.get(public_url(world.period, "medborgarloftet", pdf=True))

        reader, _ = pdf_text(response)
        pages = [" ".join(page.extract_text().split()) for page in reader.pages]
        with_place = [number for number, text in enumerate(pages) if place in text]
        with_names = [number for number, text in enumerate(pages) if "Henrik Tvarnö" in text]
        assert with_place == with_names != [], (paragraphs, with_place, with_names)


def test_a_revision_in_the_signing_document_is_dated_as_the_change_log_dates_it(client, world):
    with translation.override("sv"):
        revise(world)
        revision = world.period.revisions.get()
        revision.created_at = datetime.datetime(2026, 1, 20, 9, 30, tzinfo=datetime.UTC)
        revision.save(update_fields=["created_at"])

        html = client.get(public_url(world.period, "medborgarloftet")).content.decode()

    assert "Revidering 1, 20 januari 2026" in html
    assert "2026-01-20" not in html
