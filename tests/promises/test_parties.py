"""One-party promises (the Police alone, the municipality alone) and periods made only of
activities: the editor, the lifecycle, the public page and the documents read right."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from pypdf import PdfReader

from activities.models import Activity, Responsible
from promises import lifecycle
from promises.lifecycle import (
    Action,
    SignatoryData,
    TransitionInvalid,
    TransitionNotAllowed,
    perform,
)
from promises.models import (
    DecisionProposal,
    Parties,
    PeriodState,
    PromisePeriod,
    Review,
    ReviewVerdict,
)
from promises.parties import signs_for_police
from promises.services import copy_period
from tests import factories
from tests.staff import People, sign_in

DAY = datetime.timedelta(days=1)
JOINTLY = "Polisen och kommunen lovar gemensamt"
POLICE_PLEDGE = "Polisen lovar att arbeta för:"
POLICE_ACTIVITIES = "Polisen lovar att genomföra följande aktiviteter:"
JOINT_ACTIVITIES = "Polisen och kommunen lovar gemensamt att genomföra följande aktiviteter:"
POLICE_SIGNATORY = SignatoryData(
    "Jonas Lindell", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"
)
MUNICIPAL_SIGNATORY = SignatoryData(
    "Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"
)


@pytest.fixture
def people(db) -> People:
    return People().made("coordinator", "approver")


def district_period(people: People, *, parties: str, promises: bool = True, **fields):
    """A Vetlanda district period (Bäckseda) of `parties`, with a promise served by a police
    activity, or (`promises=False`) only activities."""
    today = timezone.localdate()
    fields.setdefault("state", PeriodState.SIGNED)
    period = factories.period(
        "vetlanda",
        start=today - 30 * DAY,
        end=today + 300 * DAY,
        local_police_area=people.area,
        area_name="Bäckseda",
        parties=parties,
        situation="Oro för narkotikaförsäljning vid skolan.",
        **fields,
    )
    walks = factories.activity(
        period,
        "Närvaro vid skolan",
        description="Polisen ska vara synlig vid skolan minst två gånger per vecka.",
        target=("at_least", 2, "besök", "week"),
    )
    talks = factories.activity(
        period,
        "Föräldramöten",
        description="Vi ska delta i föräldramöten under året.",
        target=None,
        responsible=Responsible.UNSTATED,
    )
    if promises:
        promise = factories.promise(period, "Minska narkotikaförsäljningen vid skolan")
        walks.promises.add(promise)
        talks.promises.add(promise)
    return period


def document_url(period: PromisePeriod, name: str = "medborgarloftet", *, pdf=False) -> str:
    view = "promises:document_pdf" if pdf else "promises:document"
    return reverse(view, args=[period.municipality.slug, period.slug, name])


def staff_document_url(period: PromisePeriod, name: str) -> str:
    return reverse("promises:staff_document", args=[period.pk, name])


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- the period editor ------------------------------------------------------------------------


def form_data(form) -> dict:
    """What the shown form would send back unchanged."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        data[field.html_name] = value
    return data


def test_the_period_editor_asks_who_gives_the_promises_in_a_draft(client, people):
    period = district_period(people, parties=Parties.JOINT, state=PeriodState.DRAFT)
    sign_in(client, people.coordinator)
    edit = reverse("promises:period_edit", args=[period.pk])

    response = client.get(edit)
    data = form_data(response.context["form"])
    data["parties"] = Parties.POLICE
    saved = client.post(edit, data)

    html = response.content.decode()
    assert 'name="parties"' in html
    assert "Polisen ensam" in html and "Polisen och kommunen gemensamt" in html
    assert saved.status_code == 302, saved.context and saved.context["form"].errors
    period.refresh_from_db()
    assert period.parties == Parties.POLICE


def test_who_gives_the_promises_is_not_changed_after_signing(client, people):
    period = district_period(people, parties=Parties.POLICE)
    sign_in(client, people.coordinator)

    form = client.get(reverse("promises:period_edit", args=[period.pk])).context["form"]

    assert "parties" not in form.fields


def test_a_copy_keeps_who_gives_the_promises(people):
    source = district_period(people, parties=Parties.POLICE)
    start = source.end_date + DAY

    copy = copy_period(
        source,
        user=people.coordinator,
        slug="nasta",
        start_date=start,
        end_date=start + 364 * DAY,
    )

    assert copy.parties == Parties.POLICE


# --- the lifecycle: only the giving party signs -----------------------------------------------


def decided(people: People, parties: str, **fields) -> PromisePeriod:
    return district_period(
        people,
        parties=parties,
        state=PeriodState.DECIDED,
        decision_body="Lokalpolisområdeschefen",
        decision_date=timezone.localdate() - 5 * DAY,
        consultation_round=1,
        **fields,
    )


def test_a_police_only_promise_is_signed_by_the_police_alone(people):
    period = decided(people, Parties.POLICE)

    with pytest.raises(TransitionInvalid) as refused:
        perform(period, people.coordinator, Action.SIGN, signed_date=timezone.localdate())
    perform(
        period,
        people.coordinator,
        Action.SIGN,
        signed_date=timezone.localdate(),
        signatories=[POLICE_SIGNATORY],
    )

    assert refused.value.errors["signatories"] == [gettext("Name the signatory for the Police.")]
    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED
    assert [s.organisation for s in period.signatories.all()] == ["Lokalpolisområde Höglandet"]


def test_a_municipality_only_promise_is_signed_by_the_municipality_alone(people):
    period = decided(people, Parties.MUNICIPALITY)

    perform(
        period,
        people.coordinator,
        Action.SIGN,
        signed_date=timezone.localdate(),
        signatories=[MUNICIPAL_SIGNATORY],
    )

    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED


def test_a_joint_promise_still_needs_both_parties(people):
    period = decided(people, Parties.JOINT)

    with pytest.raises(TransitionInvalid) as refused:
        perform(
            period,
            people.coordinator,
            Action.SIGN,
            signed_date=timezone.localdate(),
            signatories=[POLICE_SIGNATORY],
        )

    message = gettext(
        "Name a signatory for each party: the municipality and the Police. The Police's "
        "signatory has an organisation such as Polisen or Lokalpolisområde …"
    )
    assert refused.value.errors["signatories"] == [message]


def test_a_joint_promise_signed_twice_for_the_municipality_is_refused(people):
    # The police chief entered with the municipality as organisation: "Polisen och kommunen
    # lovar gemensamt" stood above two signatories of the municipality.
    period = decided(people, Parties.JOINT)
    chief = SignatoryData("Karin Lindqvist", "Lokalpolisområdeschef", "Vetlanda kommun")
    with pytest.raises(TransitionInvalid) as refused:
        perform(
            period,
            people.coordinator,
            Action.SIGN,
            signed_date=timezone.localdate(),
            signatories=[MUNICIPAL_SIGNATORY, chief],
        )
    assert "signatories" in refused.value.errors
    # Any organisation naming the Police signs for it.
    police = (
        "Polisen",
        "Polismyndigheten",
        "Polisregion Syd",
        "LOKALPOLISOMRÅDE X",
        "LPO Höglandet",
    )
    for organisation in police:
        assert signs_for_police(organisation), organisation
    for organisation in ("Vetlanda kommun", "Malmö stad", "Region Gotland"):
        assert not signs_for_police(organisation), organisation


@pytest.mark.parametrize(
    ("parties", "organisations", "help_words"),
    [
        (Parties.POLICE, ["Lokalpolisområde Höglandet"], "för Polisen, som ensam ger"),
        (Parties.MUNICIPALITY, ["Vetlanda kommun"], "för kommunen, som ensam ger"),
        (Parties.JOINT, ["Vetlanda kommun", "Lokalpolisområde Höglandet"], "minst en för kommunen"),
    ],
)
def test_the_signing_form_asks_for_the_giving_parties_signatories(
    client, people, parties, organisations, help_words
):
    period = decided(people, parties)
    sign_in(client, people.coordinator)

    response = client.get(reverse("promises:period_transition", args=[period.pk, Action.SIGN]))

    rows = response.context["signatories"].forms
    assert [row.initial["organisation"] for row in rows] == organisations
    assert help_words in response.content.decode()


# --- a police-only promise on the public page and in the documents ----------------------------


def test_a_police_only_period_page_says_polisen_lovar(client, people):
    period = district_period(people, parties=Parties.POLICE)

    html = page(client, period.get_absolute_url())

    assert POLICE_PLEDGE in html
    assert JOINTLY not in html


def test_a_police_only_signing_document_reads_polisen_lovar(client, people):
    period = decided(people, Parties.POLICE)

    sign_in(client, people.coordinator)
    unsigned = page(client, staff_document_url(period, "medborgarloftet"))

    assert '<p class="issuer">Polisen</p>' in unsigned
    assert POLICE_PLEDGE in unsigned
    assert "formulerar Polisen medborgarlöften" in unsigned
    assert JOINTLY not in unsigned and "samverkansöverenskommelse" not in unsigned
    # One place to sign: the local police area's.
    assert unsigned.count('<div class="signature">') == 1
    assert "<h3>Lokalpolisområde Höglandet</h3>" in unsigned
    assert "<h3>Vetlanda kommun</h3>" not in unsigned


def test_the_published_police_only_pdf_reads_polisen_lovar(client, people):
    period = district_period(people, parties=Parties.POLICE)

    response = client.get(document_url(period, pdf=True))

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert POLICE_PLEDGE in text
    assert JOINTLY not in text


def test_a_police_only_promise_has_no_municipal_decision_proposal(client, people):
    period = decided(people, Parties.POLICE)
    DecisionProposal.objects.create(period=period, summary="Sammanfattning.")
    sign_in(client, people.coordinator)

    hub = page(client, reverse("promises:staff_period", args=[period.pk]))
    staff = client.get(staff_document_url(period, "tjansteutlatande"))
    editing = client.get(reverse("promises:proposal_edit", args=[period.pk]))
    PromisePeriod.objects.filter(pk=period.pk).update(
        state=PeriodState.SIGNED, signed_date=timezone.localdate()
    )
    public = client.get(document_url(period, "tjansteutlatande"))
    period_page = page(client, period.get_absolute_url())

    assert not lifecycle.has_municipal_proposal(period)
    assert "tjansteutlatande" not in hub
    assert (staff.status_code, editing.status_code, public.status_code) == (404, 403, 404)
    assert "tjansteutlatande" not in period_page


def test_a_municipality_only_promise_reads_kommunen_lovar(client, people):
    period = decided(people, Parties.MUNICIPALITY)
    sign_in(client, people.coordinator)

    signing = page(client, staff_document_url(period, "medborgarloftet"))
    proposal = page(client, staff_document_url(period, "tjansteutlatande"))

    assert "Vetlanda kommun lovar att arbeta för:" in signing
    assert "formulerar Vetlanda kommun medborgarlöften" in signing
    assert signing.count('<div class="signature">') == 1
    assert "<h1>Medborgarlöfte från Vetlanda kommun, Bäckseda" in proposal
    assert "Polisen" not in proposal  # neither in the title nor in the default texts


# --- periods made only of activities ----------------------------------------------------------


def test_a_period_of_only_activities_is_sent_decided_and_signed(people):
    period = district_period(people, parties=Parties.JOINT, promises=False, state=PeriodState.DRAFT)
    coordinator, today = people.coordinator, timezone.localdate()

    perform(period, coordinator, Action.SUBMIT)
    perform(period, people.approver, Action.APPROVE)
    perform(
        period,
        coordinator,
        Action.DECIDE,
        decision_body="Kommunstyrelsen",
        decision_date=today,
    )
    perform(
        period,
        coordinator,
        Action.SIGN,
        signed_date=today,
        signatories=[MUNICIPAL_SIGNATORY, POLICE_SIGNATORY],
    )

    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED
    assert not period.promises.exists()


def test_a_draft_with_promises_still_needs_every_activity_to_serve_one(people):
    period = district_period(people, parties=Parties.JOINT, state=PeriodState.DRAFT)
    factories.activity(period, "Utan löfte")

    with pytest.raises(TransitionNotAllowed) as refused:
        perform(period, people.coordinator, Action.SUBMIT)

    assert refused.value.reason == (
        "Varje aktivitet måste höra till minst ett av löftena. "
        "Välj vilket löfte aktiviteten ”Utan löfte” hör till."
    )


def test_the_refusal_names_the_activities_without_a_promise_and_counts_the_rest(people):
    # A copied or imported draft: which activities to open is said, not left to a hunt.
    period = district_period(people, parties=Parties.JOINT, state=PeriodState.DRAFT)
    for number in range(1, 8):
        factories.activity(period, f"Insats {number}")

    with pytest.raises(TransitionNotAllowed) as refused:
        perform(period, people.coordinator, Action.SUBMIT)

    assert str(refused.value.reason) == (
        "Varje aktivitet måste höra till minst ett av löftena. Välj vilka löften aktiviteterna "
        "”Insats 1”, ”Insats 2”, ”Insats 3”, ”Insats 4”, ”Insats 5” och 2 till hör till."
    )


def test_the_activity_editor_of_a_period_without_promises_asks_for_none(client, people):
    period = district_period(people, parties=Parties.JOINT, promises=False, state=PeriodState.DRAFT)
    sign_in(client, people.coordinator)
    create = reverse("activities:activity_create", args=[period.pk])

    shown = client.get(create).context["form"]
    response = client.post(
        create,
        {
            "title": "Trygghetsvandringar",
            "description": "Vi ska genomföra två trygghetsvandringar.",
            "responsible": Responsible.UNSTATED,
            "partners": "föreningar",
            "has_target": "yes",
            "target_comparator": "at_least",
            "target_value": "2",
            "target_unit": "trygghetsvandringar",
            "target_scope": "period",
            "edit_version": "1",
        },
    )

    assert shown["promises"].is_hidden
    assert response.status_code == 302
    added = Activity.objects.get(period=period, title="Trygghetsvandringar")
    assert (added.partners, added.promises.count()) == ("föreningar", 0)


def test_a_period_of_only_activities_reads_right_on_its_page(client, people):
    period = district_period(people, parties=Parties.JOINT, promises=False)

    html = page(client, period.get_absolute_url())

    assert 'id="promises-heading"' not in html
    assert '<ol class="promises">' not in html
    assert JOINT_ACTIVITIES in html
    assert "Närvaro vid skolan" in html and "Föräldramöten" in html
    assert "0 löften" not in html


def test_a_police_only_period_of_only_activities_in_the_signing_document(client, people):
    period = district_period(people, parties=Parties.POLICE, promises=False)

    html = page(client, document_url(period))

    assert 'id="promises-heading"' not in html
    assert f'<h2 id="activities-heading">{POLICE_ACTIVITIES}</h2>' in html
    assert gettext("No promises yet.") not in html
    assert "Löfte 1" not in html  # no reference to promises an activity serves
    assert "Polisen ska vara synlig vid skolan" in html


def test_the_decision_proposal_of_only_activities_lists_them(client, people):
    period = decided(people, Parties.JOINT, promises=False)
    sign_in(client, people.coordinator)

    html = page(client, staff_document_url(period, "tjansteutlatande"))

    assert "att anta medborgarlöftet för år" in html or "att anta medborgarlöftet för åren" in html
    assert "Polisen ska vara synlig vid skolan" in html
    assert gettext("No promises yet.") not in html


def test_start_and_municipality_pages_count_a_period_of_only_activities(client, people):
    period = district_period(people, parties=Parties.POLICE, promises=False)

    home = client.get(reverse("promises:home"))
    municipality = page(client, reverse("promises:municipality_detail", args=["vetlanda"]))

    assert home.context["figures"]["periods"] == 1
    assert home.context["figures"]["municipalities"] == 1
    card = municipality.split(period.get_absolute_url())[1].split("</article>")[0]
    assert "<ul>" not in card  # no empty list of promises


def test_a_police_only_decision_is_the_polices_own(client, people):
    period = district_period(
        people, parties=Parties.POLICE, state=PeriodState.CONSULTATION, consultation_round=1
    )
    Review.objects.create(
        period=period, round=1, reviewer=people.approver, verdict=ReviewVerdict.APPROVE
    )
    sign_in(client, people.coordinator)

    html = page(client, reverse("promises:period_transition", args=[period.pk, Action.DECIDE]))

    assert "Polisens eget beslut, t.ex. Lokalpolisområdeschefen." in html
    assert "behöver inget kommunalt beslut" in html
