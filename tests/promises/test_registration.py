"""Registering a past promise: the service, the coordinator's pages, what the public sees, and
that nothing the document does not state appears anywhere."""

import datetime
import html
import io
import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from activities.history import history_entries
from followups.models import SignedOriginal
from promises import lifecycle, registration
from promises.lifecycle import Action, SignatoryData
from promises.models import (
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Signatory,
    TransitionKind,
)
from tests import factories
from tests.promises.test_documents import pdf_text
from tests.staff import sign_in

D = datetime.date
REGISTER_URL = reverse("promises:period_register")
DOCUMENT = "Medborgarlöfte 2019\n\nPolisen och kommunen lovar gemensamt …\n".encode()


def finish_url(period: PromisePeriod) -> str:
    return reverse("promises:period_register_finish", args=[period.pk])


def management(total: int = 4) -> dict[str, str]:
    return {
        "signatories-TOTAL_FORMS": str(total),
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "6",
    }


def form_data(municipality, **fields) -> dict:
    """The registration form for a closed 2019 document from polisen.se, with `fields`."""
    data = {
        "municipality": str(municipality.pk),
        "area_name": "",
        "local_police_area": "",
        "parties": "joint",
        "start_date": "2019-01-01",
        "end_date": "2019-12-31",
        "slug": "",
        "decision_body": "",
        "decision_date": "",
        "decision_reference": "",
        "signed_date": "",
        "source_url": "https://polisen.se/medborgarloften/vetlanda-2019/",
        **management(),
    }
    data.update(fields)
    return data


# What the form asks of a document still in force: its decision and signing.
IN_FORCE_FACTS = {
    "decision_body": "Kommunstyrelsen",
    "decision_date": "2018-12-10",
    "signed_date": "2019-01-01",
}


def registering_draft(municipality_slug: str = "vetlanda", **fields) -> PromisePeriod:
    """A draft being registered (its source given), with one promise and one activity."""
    fields.setdefault("source_url", "https://polisen.se/medborgarloften/2019/")
    period = factories.period(
        municipality_slug,
        start=fields.pop("start", datetime.date(2019, 1, 1)),
        end=fields.pop("end", datetime.date(2019, 12, 31)),
        state=PeriodState.DRAFT,
        **fields,
    )
    promise = factories.promise(period, "Öka tryggheten i centrum")
    factories.activity(period).promises.set([promise])
    return period


# -- The service ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_past_period_is_registered_closed_with_one_registration_record(people):
    period = registering_draft()
    transition = registration.register(period, user=people.coordinator, comment="Från arkivet")
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED
    assert period.registered_by == people.coordinator
    assert period.registered_at is not None
    assert period.signed_date is None and period.decision_date is None
    assert list(PeriodTransition.objects.filter(period=period)) == [transition]
    assert (transition.kind, transition.from_state, transition.to_state) == (
        TransitionKind.REGISTRATION,
        "",
        PeriodState.CLOSED,
    )
    assert transition.comment == "Från arkivet"
    # No consultation, decision or signing was recorded.
    assert not period.reviews.exists()
    assert not Signatory.objects.filter(period=period).exists()


# What a promise registered in force states of its decision and signing.
STATED = {
    "decision_body": "Kommunstyrelsen",
    "decision_date": datetime.date(2022, 2, 1),
    "signed_date": datetime.date(2022, 2, 15),
}


@pytest.mark.django_db
def test_a_period_in_force_or_until_further_notice_is_registered_signed(people):
    today = timezone.localdate()
    running = registering_draft(
        start=today - datetime.timedelta(days=100),
        end=today + datetime.timedelta(days=100),
        **STATED,
    )
    open_ended = registering_draft("tranas", start=datetime.date(2022, 3, 1), end=None, **STATED)
    registration.register(running, user=people.coordinator)
    registration.register(open_ended, user=people.admin)
    running.refresh_from_db()
    open_ended.refresh_from_db()
    assert running.state == open_ended.state == PeriodState.SIGNED
    assert running.is_active(today) and open_ended.is_active(today)


@pytest.mark.django_db
def test_registration_keeps_the_signing_document_as_its_original(people):
    period = registering_draft()
    registration.register(period, user=people.coordinator)
    original = SignedOriginal.objects.get(period=period)
    assert original.pdf.read().startswith(b"%PDF")


@pytest.mark.django_db
def test_registration_refuses_an_overlap_naming_the_other_period(people):
    factories.period(start=datetime.date(2019, 7, 1), end=datetime.date(2020, 6, 30), slug="x")
    period = registering_draft()
    with pytest.raises(registration.RegistrationRefused) as refused:
        registration.register(period, user=people.coordinator)
    assert "Vetlanda" in refused.value.messages[0]
    period.refresh_from_db()
    assert period.state == PeriodState.DRAFT and period.registered_at is None
    assert not PeriodTransition.objects.filter(period=period).exists()


@pytest.mark.django_db
def test_a_district_does_not_overlap_the_whole_municipality_or_another_district(people):
    factories.period("malmo", start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31))
    period = registering_draft("malmo", area_name="Rosengård")
    registration.register(period, user=people.admin)
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED


@pytest.mark.django_db
def test_registration_needs_content_and_a_registering_draft(people):
    empty = factories.period(
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 12, 31),
        state=PeriodState.DRAFT,
        source_url="https://polisen.se/x/",
    )
    with pytest.raises(registration.RegistrationRefused):
        registration.register(empty, user=people.coordinator)
    ordinary = factories.period("tranas", state=PeriodState.DRAFT)
    factories.activity(ordinary)
    with pytest.raises(registration.RegistrationRefused):
        registration.register(ordinary, user=people.admin)
    assert not PeriodTransition.objects.exists()


@pytest.mark.django_db
def test_a_registering_draft_is_never_sent_for_consultation(people):
    period = registering_draft()
    assert Action.SUBMIT not in lifecycle.available_actions(period, people.coordinator)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.perform(period, people.coordinator, Action.SUBMIT)
    # The ordinary draft still is, once it has an activity.
    ordinary = factories.period(
        "vetlanda",
        state=PeriodState.DRAFT,
        slug="ny",
        local_police_area=factories.local_police_area("Lokalpolisområde Höglandet"),
    )
    factories.activity(ordinary)
    assert Action.SUBMIT in lifecycle.available_actions(ordinary, people.coordinator)


# -- The coordinator's pages ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_hub_of_a_registered_promise_waits_for_no_consultation(client, people):
    """A registrator's hub said "Samråd: Ingen granskare har kommenterat det här
    medborgarlöftet än." under a promise decided outside the portal: it never goes to
    consultation here, so nothing waits for an approver."""
    period = registering_draft()
    ordinary = factories.period("vetlanda", state=PeriodState.DRAFT, slug="ny")
    sign_in(client, people.coordinator)
    waiting = gettext("No approver has commented on this citizen promise yet.")

    def hub(period) -> str:
        return client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()

    # Neither while it is being registered nor once it is registered.
    assert 'id="reviews-heading"' not in hub(period) and waiting not in hub(period)
    client.post(finish_url(period), {"comment": ""})
    period.refresh_from_db()
    assert period.registered_at is not None
    assert 'id="reviews-heading"' not in hub(period) and waiting not in hub(period)
    # An ordinary draft still says that no approver has commented yet.
    assert 'id="reviews-heading"' in hub(ordinary) and waiting in hub(ordinary)


@pytest.mark.django_db
def test_the_form_saves_the_facts_and_keeps_the_uploaded_file_unchanged(client, people):
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("Medborgarlöfte Vetlanda 2019.pdf", b"%PDF-1.4 original bytes")
    data = form_data(
        people.home,
        source_url="",
        source_file=upload,
        decision_body="Kommunstyrelsen",
        **{"signatories-0-title": "Kommunstyrelsens ordförande"},
        **{"signatories-0-organisation": "Vetlanda kommun"},
    )
    response = client.post(REGISTER_URL, data)
    period = PromisePeriod.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("promises:staff_period", args=[period.pk])
    assert period.state == PeriodState.DRAFT and lifecycle.registering(period)
    assert (period.slug, period.start_date, period.end_date) == (
        "2019",
        datetime.date(2019, 1, 1),
        datetime.date(2019, 12, 31),
    )
    assert period.decision_body == "Kommunstyrelsen" and period.decision_date is None
    with period.source_file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 original bytes"
    signatory = Signatory.objects.get(period=period)
    assert (signatory.name, signatory.title) == ("", "Kommunstyrelsens ordförande")
    # The hub offers to finish, not to send for consultation.
    hub = client.get(response["Location"]).content.decode()
    assert finish_url(period) in hub
    assert reverse("promises:period_transition", args=[period.pk, Action.SUBMIT]) not in hub


@pytest.mark.django_db
def test_open_ended_and_year_only_validity(client, people):
    sign_in(client, people.coordinator)
    # In force until further notice: with its decision and signing (`missing_facts`).
    facts = IN_FORCE_FACTS
    client.post(REGISTER_URL, form_data(people.home, end_date="", open_ended="on", **facts))
    open_ended = PromisePeriod.objects.get()
    assert open_ended.end_date is None and open_ended.slug == "2019"
    client.post(
        REGISTER_URL,
        form_data(
            people.home,
            start_date="2016-05-12",
            end_date="2017-02-01",
            year_only="on",
            area_name="Landsbygden",
        ),
    )
    by_year = PromisePeriod.objects.get(area_name="Landsbygden")
    assert by_year.year_only
    assert (by_year.start_date, by_year.end_date, by_year.slug) == (
        datetime.date(2016, 1, 1),
        datetime.date(2017, 12, 31),
        "landsbygden-2016-2017",  # a district's, named by it too
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"source_url": ""},
            "source_file",
            "Attach the document, or give the address where it is.",
        ),
        (
            {"end_date": ""},
            "end_date",
            "Enter the end date, or tick that the promises apply until further notice.",
        ),  # noqa: E501
        (
            {"open_ended": "on"},
            "end_date",
            "Leave the end date empty when the promises apply until further notice.",
        ),  # noqa: E501
        ({"end_date": "2018-12-31"}, "end_date", "The end date must be after the start date."),
        ({"signed_date": "2099-01-01"}, "signed_date", "The signing date cannot be in the future."),
        (
            {"decision_date": "2019-02-01", "signed_date": "2019-01-20"},
            "signed_date",
            "The period cannot be signed before it was decided.",
        ),  # noqa: E501
        (
            {"signed_date": "2025-01-01"},
            "signed_date",
            "The signing date is after the citizen promise's last day, %(date)s: check the dates.",
        ),
        (
            {"decision_date": "2017-06-01"},
            "decision_date",
            "The decision date is more than a year before the citizen promise's first day, "
            "%(date)s: check the dates.",
        ),
        ({"source_url": "inte en adress"}, "source_url", None),
        ({"start_date": "31/31/2019"}, "start_date", None),
        (
            {"signatories-0-organisation": "Polisen"},
            "signatories",
            "Enter the name, the title or both, as the document has it.",
        ),  # noqa: E501
        (
            {"signatories-1-name": "Anna Ek"},
            "signatories",
            "Enter the organisation the signatory signed for.",
        ),  # noqa: E501
    ],
)
@pytest.mark.django_db
def test_bad_input_is_explained_and_writes_nothing(client, people, fields, field, message):
    sign_in(client, people.coordinator)
    response = client.post(REGISTER_URL, form_data(people.home, **fields))
    assert response.status_code == 200
    assert not PromisePeriod.objects.exists()
    page = response.content.decode()
    assert "error-summary" in page
    if field == "signatories":
        errors = [e for row in response.context["signatories"].forms for e in row.errors.values()]
    else:
        errors = response.context["form"].errors[field]
    assert errors
    if message is not None:
        dates = {"signed_date": "31 december 2019", "decision_date": "1 januari 2019"}
        if "%(date)s" in message:
            message = gettext(message) % {"date": dates[field]}
        assert unescape(gettext(message)) in unescape(page)


@pytest.mark.django_db
def test_an_unaccepted_file_type_is_refused(client, people):
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("skript.exe", b"MZ")
    response = client.post(REGISTER_URL, form_data(people.home, source_file=upload))
    assert response.status_code == 200
    assert response.context["form"].errors["source_file"]
    assert not PromisePeriod.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_limit_is_refused(client, people, settings):
    settings.UPLOAD_FILE_MAX_BYTES = 1000
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("stor.pdf", b"%PDF" + b"x" * 5000)
    response = client.post(REGISTER_URL, form_data(people.home, source_url="", source_file=upload))
    assert response.status_code == 200
    assert gettext("The file is larger than 1 MB.") in response.content.decode()
    assert not PromisePeriod.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_limit_gets_only_the_size_message(client, people, settings):
    """The upload was stopped, so the form has no file: it must not also ask for one."""
    settings.UPLOAD_FILE_MAX_BYTES = 1000
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("stor.pdf", b"%PDF" + b"x" * 5000)
    response = client.post(REGISTER_URL, form_data(people.home, source_url="", source_file=upload))
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "source_file": [gettext("The file is larger than 1 MB.")]
    }
    page = response.content.decode()
    assert gettext("Attach the document, or give the address where it is.") not in page
    assert not PromisePeriod.objects.exists()


@pytest.mark.django_db
def test_the_form_refuses_an_overlap_with_a_published_period(client, people):
    other = factories.period(start=datetime.date(2018, 7, 1), end=datetime.date(2019, 6, 30))
    sign_in(client, people.coordinator)
    response = client.post(REGISTER_URL, form_data(people.home))
    assert response.status_code == 200
    assert str(other) in response.context["form"].errors["start_date"][0]
    assert PromisePeriod.objects.count() == 1


@pytest.mark.django_db
def test_a_coordinator_registers_only_in_their_municipalities(client, people):
    sign_in(client, people.coordinator)
    response = client.post(REGISTER_URL, form_data(people.other))
    assert response.status_code == 200
    assert response.context["form"].errors["municipality"]
    assert not PromisePeriod.objects.exists()


@pytest.mark.django_db
def test_finishing_publishes_and_the_finish_page_says_what_is_published(client, people):
    period = registering_draft()
    sign_in(client, people.coordinator)
    page = client.get(finish_url(period)).content.decode()
    assert gettext("not stated in the document") in page
    response = client.post(finish_url(period), {"comment": ""})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED
    # Sent twice: registered once, and the second is sent to the hub.
    again = client.post(finish_url(period), {"comment": ""})
    assert again.status_code == 302
    assert again["Location"] == reverse("promises:staff_period", args=[period.pk])
    assert period.transitions.count() == 1
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    with translation.override("sv"):
        entered = date_format(timezone.localdate(period.registered_at), "j b Y")
    assert entered in hub  # the day of entry, for staff


@pytest.mark.django_db
def test_finishing_shows_why_it_cannot_be_registered(client, people):
    period = factories.period(
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 12, 31),
        state=PeriodState.DRAFT,
        source_url="https://polisen.se/x/",
    )
    sign_in(client, people.coordinator)
    response = client.post(finish_url(period), {"comment": ""})
    assert response.status_code == 200
    message = gettext("Add the document's promises or activities first.")
    assert html.escape(message) in response.content.decode()
    period.refresh_from_db()
    assert period.state == PeriodState.DRAFT


@pytest.mark.django_db
def test_who_may_register(client, people):
    period = registering_draft()
    assert client.get(REGISTER_URL).status_code == 302  # anonymous: to sign in
    for user, status in (
        (people.officer, 403),
        (people.approver, 403),
        (people.other_coordinator, 404),
        (people.coordinator, 200),
        (people.admin, 200),
    ):
        client.logout()
        sign_in(client, user)
        assert client.get(finish_url(period)).status_code == status, user
    sign_in(client, people.officer)
    assert client.get(REGISTER_URL).status_code == 403


# -- What the public sees: nothing invented ---------------------------------------------------


@pytest.fixture
def bare(client, people):
    """A 2019 document registered with no decision, no signing date and no signatories."""
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("vetlanda-2019.txt", DOCUMENT, content_type="text/plain")
    client.post(REGISTER_URL, form_data(people.home, source_url="", source_file=upload))
    period = PromisePeriod.objects.get()
    promise = factories.promise(period, "Öka tryggheten i Vetlanda centrum")
    factories.activity(period, title="Trygghetsvandringar").promises.set([promise])
    assert client.post(finish_url(period), {"comment": ""}).status_code == 302
    client.logout()
    period.refresh_from_db()
    return period


def entry_day_words(period: PromisePeriod) -> list[str]:
    """The day of entry as pages might write it: it must not pass for the document's dates."""
    day = timezone.localdate(period.registered_at)
    with translation.override("sv"):
        return [date_format(day, "j F Y"), date_format(day, "j b Y"), day.isoformat()]


@pytest.mark.django_db
def test_the_public_page_says_it_was_registered_and_links_the_source(client, bare):
    page = client.get(bare.get_absolute_url()).content.decode()
    assert (
        gettext(
            "This citizen promise was decided and signed before it came into the portal. It was "
            "registered afterwards from its document, with what the document states."
        )
        in page
    )
    source = reverse("promises:period_source", args=["vetlanda", bare.slug])
    assert source in page
    response = client.get(source)
    assert b"".join(response.streaming_content) == DOCUMENT
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_no_invented_data_on_the_public_page(client, bare):
    page = client.get(bare.get_absolute_url()).content.decode()
    assert gettext("The document does not state when it was signed.") in page
    assert gettext("The document names no signatories.") in page
    signed_on = gettext("Signed on %(date)s.").split("%")[0]
    assert signed_on not in page
    # Its section is headed by what it holds, a decision and a signing, not "Signed" as if it
    # had a date (the staff page's heading, one wording for both).
    assert '<h2 id="signing-heading">Beslut och undertecknande</h2>' in page
    for words in entry_day_words(bare):
        assert words not in page
    # The change log says what happened, with no day of entry as a signing.
    assert (
        gettext("Registered afterwards from its document: decided and signed outside the portal.")
        in page
    )


@pytest.mark.django_db
def test_the_english_page_does_not_call_the_portals_summary_the_original(client, bare):
    """The Swedish page says "Portalens sammanställning när det registrerades (PDF)"; the
    English one read "Registered original (PDF)", which a reader took for the signed paper."""
    page, original = bare.get_absolute_url(), "/vetlanda/2019/medborgarloftet/original.pdf"
    swedish = client.get(page).content.decode()
    assert "Portalens sammanställning när det registrerades (PDF)" in swedish
    english = client.get("/en" + page).content.decode()
    assert f'href="/en/kommuner{original}"' in english
    assert "original (PDF)" not in english
    assert "The portal's summary when it was registered (PDF)" in english


@pytest.mark.django_db
def test_no_invented_data_in_the_signing_document_and_its_pdf(client, bare):
    html_url = reverse("promises:document", args=["vetlanda", bare.slug, "medborgarloftet"])
    html = client.get(html_url).content.decode()
    pdf_url = reverse("promises:document_pdf", args=["vetlanda", bare.slug, "medborgarloftet"])
    _, pdf = pdf_text(client.get(pdf_url))
    for text in (html, pdf):
        assert gettext("The document names no signatories.") in text
        assert gettext("Name in block letters") not in text  # no empty lines to sign on
        assert "take effect from the signing" not in text
        assert gettext("Place and date") not in text
        for words in entry_day_words(bare):
            assert words not in text
    original = client.get(
        reverse("followups:signed_original", args=["vetlanda", bare.slug])
    ).content
    assert original.startswith(b"%PDF")


@pytest.mark.django_db
def test_no_invented_data_in_the_feed_and_open_data(client, bare):
    feed = client.get(reverse("followups:municipality_feed", args=["vetlanda"])).content.decode()
    # Not announced as signed on a day the document does not state.
    label = {"place": bare.place_name, "period": bare.period_label}
    assert gettext("Citizen promise signed: %(place)s %(period)s") % label not in feed
    # Its entry is the registration, dated by it (the portal's news, not the document's); no
    # words of the entry pass that day for a date of the document.
    assert "Tidigare medborgarlöfte registrerat: Vetlanda 2019" in feed
    summaries = re.findall(r"<summary[^>]*>(.*?)</summary>", feed)
    titles = re.findall(r"<title>(.*?)</title>", feed)
    assert "som inte anger något datum för undertecknandet" in " ".join(summaries)
    for words in entry_day_words(bare):
        assert not any(words in text for text in summaries + titles)
    response = client.get("/oppna-data/perioder.json")
    body = b"".join(response.streaming_content)
    (row,) = [row for row in json.loads(body) if row["period_id"] == bare.pk]
    assert row["signed_date"] is None
    assert row["decision_body"] == "" and row["decision_date"] is None
    assert row["state"] == PeriodState.CLOSED
    for words in entry_day_words(bare):
        assert words not in body.decode()
    assert row["registered"] is True
    assert row["source_url"] == settings.SITE_URL + reverse(
        "promises:period_source", args=["vetlanda", bare.slug]
    )
    # Registered when it had already ended: its progress is unknown, not "not achieved".
    response = client.get("/oppna-data/aktiviteter.json")
    activities = json.loads(b"".join(response.streaming_content))
    (activity,) = [row for row in activities if row["period_id"] == bare.pk]
    assert activity["done_total"] is None and activity["pace_status"] == ""
    assert activity["current_span_done"] is None


@pytest.mark.django_db
def test_public_dates_are_the_documents(client, people):
    period = registering_draft(
        decision_body="Kommunstyrelsen",
        decision_date=datetime.date(2018, 11, 20),
        signed_date=datetime.date(2018, 12, 3),
    )
    Signatory.objects.create(
        period=period, position=1, title="Lokalpolisområdeschef", organisation="Polisen"
    )
    registration.register(period, user=people.coordinator)
    page = client.get(period.get_absolute_url()).content.decode()
    assert "3 december 2018" in page and "20 november 2018" in page
    assert "Lokalpolisområdeschef, Polisen" in page
    assert ", Lokalpolisområdeschef" not in page  # no empty name before the title
    for words in entry_day_words(period):
        assert words not in page


@pytest.mark.django_db
def test_the_source_of_an_unpublished_or_unregistered_period_is_not_served(client, people):
    draft = registering_draft()
    draft.source_file.save("x.txt", io.BytesIO(b"x"), save=True)
    assert (
        client.get(reverse("promises:period_source", args=["vetlanda", draft.slug])).status_code
        == 404
    )  # noqa: E501
    signed = factories.period("tranas")
    assert (
        client.get(reverse("promises:period_source", args=["tranas", signed.slug])).status_code
        == 404
    )  # noqa: E501


@pytest.mark.django_db
def test_the_staff_read_the_uploaded_document_before_it_is_published(client, people):
    """The correction page said "compare with the document", and the document's only address
    answered 404 until the promise was published."""
    draft = registering_draft(source_url="")
    draft.source_file.save("beslut.pdf", io.BytesIO(b"%PDF-1.4 beslut"), save=True)
    url = reverse("promises:staff_period_source", args=[draft.pk])
    for user, status in ((None, 302), (people.other_coordinator, 404)):
        client.logout()
        if user is not None:
            sign_in(client, user)
        assert client.get(url).status_code == status, user
    for user in (people.coordinator, people.officer):
        sign_in(client, user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 beslut"
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"
    sign_in(client, people.coordinator)
    for page in (
        reverse("promises:period_register_facts", args=[draft.pk]),
        reverse("promises:staff_period", args=[draft.pk]),
    ):
        assert f'href="{url}"' in client.get(page).content.decode(), page
    without = registering_draft("vetlanda", slug="utan-fil")
    assert client.get(reverse("promises:staff_period_source", args=[without.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["beslut.html", "beslut.htm", "beslut.PDF.html", "beslut.docx"])
def test_an_uploaded_document_shown_as_a_download_is_never_sent_as_a_page(client, people, name):
    """A saved web page was sent as text/html (as an attachment): only the disposition kept a
    browser from showing it as the portal's own page."""
    sign_in(client, people.coordinator)
    page = b"<html><body><script>alert(document.cookie)</script></body></html>"
    upload = SimpleUploadedFile(name, page, content_type="text/html")
    response = client.post(REGISTER_URL, form_data(people.home, source_url="", source_file=upload))
    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    response = client.get(reverse("promises:staff_period_source", args=[period.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == page


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["å" * 400, "中" * 300, "a" * 400])
def test_a_file_with_a_name_longer_than_a_file_system_keeps_is_stored(client, people, name):
    """A name of 400 "å" (800 bytes; Django's limits count characters) was a server error: the
    file system keeps at most 255 bytes a name."""
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile(f"{name}.pdf", b"%PDF-1.4 original bytes")
    response = client.post(REGISTER_URL, form_data(people.home, source_url="", source_file=upload))
    assert response.status_code == 302
    period = PromisePeriod.objects.get()
    stored = period.source_file_name
    assert stored.startswith(name[:10]) and stored.endswith(".pdf")
    assert len(stored.encode()) <= 255
    with period.source_file.open("rb") as file:
        assert file.read() == b"%PDF-1.4 original bytes"


def test_registered_state_follows_the_validity():
    period = PromisePeriod(
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 12, 31)
    )
    assert registration.registered_state(period, datetime.date(2021, 1, 1)) == PeriodState.CLOSED
    assert registration.registered_state(period, datetime.date(2020, 12, 31)) == PeriodState.SIGNED
    period.end_date = None
    assert registration.registered_state(period, datetime.date(2040, 1, 1)) == PeriodState.SIGNED


@pytest.mark.django_db
def test_title_only_signatory_data_is_stored_as_given(people):
    period = PromisePeriod(
        municipality=people.home,
        slug="2019",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 12, 31),
        source_url="https://polisen.se/x/",
    )
    registration.start_registration(
        period,
        user=people.coordinator,
        signatories=[
            SignatoryData(
                name="", title="Kommunstyrelsens ordförande", organisation="Vetlanda kommun"
            )
        ],  # noqa: E501
    )
    assert str(Signatory.objects.get(period=period)) == "Kommunstyrelsens ordförande"


@pytest.mark.django_db
def test_an_ended_registered_period_claims_no_progress(client, bare):
    page = client.get(bare.get_absolute_url()).content.decode()
    assert (
        gettext(
            "What was done is not recorded in the portal: the citizen promise was registered "
            "afterwards, when it had already ended."
        )
        in page
    )
    assert "0 av minst 15" not in page  # no "not achieved" for logs nobody could make


@pytest.mark.django_db
def test_no_page_or_filter_infers_progress_or_a_status_for_an_ended_registered_period(client, bare):
    # The period page said so, but the activity's page said "Målet nåddes 0 av 24 månader …
    # Ej uppnådd", the list's filter found it as not achieved, and an activity without a
    # target showed the default "planerad".
    walks = bare.activities.get()
    plain = factories.activity(bare, title="Redovisa arbetet", target=None)
    note = gettext(
        "What was done is not recorded in the portal: the citizen promise was registered "
        "afterwards, when it had already ended."
    )
    for activity in (walks, plain):
        url = reverse("activities:activity_detail", args=["vetlanda", bare.slug, activity.pk])
        page = client.get(url).content.decode()
        assert note in page, activity.title
        assert "Ej uppnådd" not in page and "ej uppnådd" not in page
        assert "Planerad" not in page and "planerad" not in page
    assert "planerad" not in client.get(bare.get_absolute_url()).content.decode()
    for status in ("not_achieved", "not_started", "achieved"):
        listed = client.get(reverse("activities:activity_list"), {"framsteg": status})
        assert walks not in [row for row, _ in listed.context["activities"]], status
    assert walks.progress_status(datetime.date(2026, 1, 1)) is None
    municipality = client.get(reverse("promises:municipality_detail", args=["vetlanda"]))
    assert "Aktiviteterna vid periodens slut" not in municipality.content.decode()


@pytest.mark.django_db
def test_the_hub_shows_a_registration_not_a_consultation_decision_and_signing(client, people):
    period = registering_draft()
    sign_in(client, people.coordinator)
    hub = reverse("promises:staff_period", args=[period.pk])
    registered = gettext("registered afterwards from its document")
    steps = [(str(s.label), s.status) for s in client.get(hub).context["steps"]]
    assert steps == [(str(PeriodState.DRAFT.label), "current"), (registered, "to-come")]
    registration.register(period, user=people.coordinator)
    steps = [(str(s.label), s.status) for s in client.get(hub).context["steps"]]
    assert steps == [(registered, "done"), (str(PeriodState.CLOSED.label), "current")]


@pytest.mark.django_db
def test_the_start_page_lists_no_registered_period_as_lately_signed_without_a_date(client, bare):
    factories.period("tranas", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    latest = client.get(reverse("promises:home")).context["latest"]
    assert [period.municipality.slug for period in latest] == ["tranas"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("left_out", "words"),
    [
        ("decision_body", "det beslutande organet"),
        ("decision_date", "beslutsdatumet"),
        ("signed_date", "datumet för undertecknandet"),
    ],
)
def test_a_promise_in_force_is_not_registered_without_its_decision_or_signing(
    people, left_out, words
):
    """A probe published a promise in force from today with no decision, no signing and a
    made-up signatory: one coordinator, no approver, nothing stated."""
    today = timezone.localdate()
    stated = {**STATED, left_out: "" if left_out == "decision_body" else None}
    period = registering_draft(start=today, end=today + datetime.timedelta(days=365), **stated)

    with pytest.raises(registration.RegistrationRefused) as refused:
        registration.register(period, user=people.coordinator)

    period.refresh_from_db()
    assert period.state == PeriodState.DRAFT
    (message,) = refused.value.messages
    assert message.startswith("Ett medborgarlöfte som fortfarande gäller publiceras bara med")
    assert "hämta dem ur kommunens protokoll eller diarium" in message
    assert message.endswith(f"Fyll i: {words}.")


@pytest.mark.django_db
def test_an_ended_promise_is_registered_with_what_its_archive_copy_states(people):
    period = registering_draft()  # 2019: nothing stated of its decision or signing
    registration.register(period, user=people.coordinator)
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED


@pytest.mark.django_db
@pytest.mark.parametrize("area", ["\u3164", "\u2800", "\u200b", " ", "\u034f"])
def test_an_area_that_looks_empty_is_the_whole_municipality_and_overlaps_it(people, area):
    published = registering_draft()
    registration.register(published, user=people.coordinator)
    second = registering_draft(area_name=area, slug="b-2019")

    with pytest.raises(registration.RegistrationRefused):
        registration.register(second, user=people.coordinator)


@pytest.mark.django_db
def test_an_area_spelled_otherwise_is_the_same_area(people):
    first = registering_draft(area_name="Rosengård")
    registration.register(first, user=people.coordinator)
    second = registering_draft(area_name="ROSENGA\u030aRD ", slug="rosengard-b-2019")

    with pytest.raises(registration.RegistrationRefused):
        registration.register(second, user=people.coordinator)


@pytest.mark.django_db
def test_a_districts_promise_is_addressed_by_its_district_too(client, people):
    """A big city's second promise of the same years: its address was taken ("Vetlanda har
    redan ett medborgarlöfte på webbadressen 2019")."""
    sign_in(client, people.coordinator)
    client.post(REGISTER_URL, form_data(people.home))
    client.post(REGISTER_URL, form_data(people.home, area_name="Holsbyområdet"))
    assert sorted(PromisePeriod.objects.values_list("slug", flat=True)) == [
        "2019",
        "holsbyomradet-2019",
    ]


@pytest.mark.django_db
def test_the_hub_of_a_registration_asks_to_check_what_was_imported(client, people):
    """The hub said "Lägg till löftena och aktiviteterna" over promises already imported, and
    offered a document "för undertecknande" of a promise signed years ago."""
    period = registering_draft()
    sign_in(client, people.coordinator)
    url = reverse("promises:staff_period", args=[period.pk])

    hub = " ".join(client.get(url).content.decode().split())

    assert "Stäm av löftena och aktiviteterna mot dokumentet" in hub
    assert "Portalens sammanställning av medborgarlöftet" in hub
    assert "för undertecknande" not in hub
    period.activities.all().delete()
    period.promises.all().delete()
    empty = " ".join(client.get(url).content.decode().split())
    assert "Lägg till löftena och aktiviteterna så som dokumentet anger dem" in empty


# -- Correcting the decision and signing before finishing ------------------------------------


def facts_url(period: PromisePeriod) -> str:
    return reverse("promises:period_register_facts", args=[period.pk])


def facts_data(period: PromisePeriod, rows=(), **fields) -> dict:
    data = {
        "edit_version": str(period.edit_version),
        "decision_body": "",
        "decision_date": "",
        "decision_reference": "",
        "signed_date": "",
        **management(len(rows) + 2),
        "signatories-INITIAL_FORMS": str(period.signatories.count()),
    }
    for number, (name, title, organisation) in enumerate(rows):
        data[f"signatories-{number}-name"] = name
        data[f"signatories-{number}-title"] = title
        data[f"signatories-{number}-organisation"] = organisation
    data.update(fields)
    return data


@pytest.mark.django_db
def test_a_misread_decision_and_signatories_are_corrected_before_finishing(client, people):
    # Read from an imported text: the wrong body and date, and one signatory too many.
    period = registering_draft(decision_body="Kommunfullmäktige", decision_date=D(2018, 11, 1))
    Signatory.objects.create(period=period, position=1, name="Anna Berg", organisation="Kommunen")
    Signatory.objects.create(period=period, position=2, name="Sidfot sida 2", organisation="X")
    sign_in(client, people.coordinator)
    finish = client.get(finish_url(period)).content.decode()
    assert facts_url(period) in finish
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert facts_url(period) in hub
    # The hub shows them as the document states them, before finishing too.
    assert 'id="signing-heading"' in hub
    assert "Beslut fattades av Kommunfullmäktige den 1 november 2018." in " ".join(hub.split())
    form = client.get(facts_url(period)).content.decode()
    assert 'value="Kommunfullmäktige"' in form and 'value="Anna Berg"' in form

    response = client.post(
        facts_url(period),
        facts_data(
            period,
            rows=[
                ("Anna Berg", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
                ("", "", ""),
                ("Per Ek", "", "Polisen"),
            ],
            decision_body="Kommunstyrelsen",
            decision_date="2018-12-10",
            decision_reference="KS 2018/77",
            signed_date="2019-01-02",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == finish_url(period)
    period.refresh_from_db()
    assert (period.decision_body, period.decision_date, period.decision_reference) == (
        "Kommunstyrelsen",
        D(2018, 12, 10),
        "KS 2018/77",
    )
    assert period.signed_date == D(2019, 1, 2)
    assert [(s.position, s.name, s.title, s.organisation) for s in period.signatories.all()] == [
        (1, "Anna Berg", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
        (2, "Per Ek", "", "Polisen"),
    ]
    assert period.history.first().history_user == people.coordinator
    assert period.state == PeriodState.DRAFT  # still to be finished


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"decision_date": "2018-12-10", "signed_date": "2018-12-01"}, "signed_date"),
        ({"decision_date": "2020-03-01"}, "decision_date"),  # after the last day
        ({"signed_date": "2016-01-01"}, "signed_date"),  # years before the first
        ({"decision_date": "31 februari"}, "decision_date"),
        ({"decision_body": "a\x00b"}, "decision_body"),
    ],
)
def test_a_correction_is_checked_as_the_first_step_is_and_writes_nothing(
    client, people, fields, field
):
    period = registering_draft(decision_body="Kommunstyrelsen")
    sign_in(client, people.coordinator)
    response = client.post(facts_url(period), facts_data(period, **fields))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    period.refresh_from_db()
    assert period.decision_body == "Kommunstyrelsen" and period.decision_date is None


@pytest.mark.django_db
def test_a_promise_in_force_keeps_its_decision_and_signing_when_corrected(client, people):
    today = timezone.localdate()
    period = registering_draft(
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
        decision_body="Kommunstyrelsen",
        decision_date=today - datetime.timedelta(days=60),
        signed_date=today - datetime.timedelta(days=30),
    )
    sign_in(client, people.coordinator)
    response = client.post(facts_url(period), facts_data(period, decision_body="Kommunstyrelsen"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"decision_date", "signed_date"}


@pytest.mark.django_db
def test_a_correction_saved_by_another_meanwhile_is_a_conflict_not_lost(client, people):
    period = registering_draft()
    sign_in(client, people.coordinator)
    shown = facts_data(period, decision_body="Kommunstyrelsen")
    other = facts_data(period, decision_body="Kommunfullmäktige")
    assert client.post(facts_url(period), other).status_code == 302
    response = client.post(facts_url(period), shown)
    assert response.status_code == 200
    assert response.context["form"].conflict is not None
    period.refresh_from_db()
    assert period.decision_body == "Kommunfullmäktige"


@pytest.mark.django_db
def test_who_may_correct_a_registration_and_when(client, people):
    period = registering_draft()
    url = facts_url(period)
    assert client.get(url).status_code == 302  # anonymous: to sign in
    for user, status in (
        (people.officer, 403),
        (people.approver, 403),
        (people.other_coordinator, 404),
        (people.coordinator, 200),
        (people.admin, 200),
    ):
        client.logout()
        sign_in(client, user)
        assert client.get(url).status_code == status, user
    # An ordinary draft, or a period signed in the portal, has no document's facts to correct.
    draft = factories.period(state=PeriodState.DRAFT)
    signed = factories.period(start=D(2015, 1, 1), end=D(2015, 12, 31))
    client.logout()
    sign_in(client, people.coordinator)
    assert client.get(facts_url(draft)).status_code == 403
    assert client.get(facts_url(signed)).status_code == 403


@pytest.mark.django_db
def test_a_published_registration_is_corrected_with_a_reason_in_the_change_log(client, people):
    """A coordinator found, after registering last year's promise, that the import had read
    the decision of another year: nothing but the admin could change it."""
    period = registering_draft(decision_body="Kommunstyrelsen", decision_date=D(2018, 11, 1))
    Signatory.objects.create(period=period, position=1, name="Anna Berg", organisation="Kommunen")
    registration.register(period, user=people.coordinator)
    period.refresh_from_db()
    original = SignedOriginal.objects.get(period=period)
    for user, status in (
        (people.officer, 403),
        (people.approver, 403),
        (people.other_coordinator, 404),
    ):
        sign_in(client, user)
        assert client.get(facts_url(period)).status_code == status, user
        assert client.post(facts_url(period), {}).status_code == status, user
        client.logout()
    sign_in(client, people.coordinator)
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert facts_url(period) in hub
    corrected = facts_data(
        period,
        rows=[("Anna Berg", "", "Vetlanda kommun")],
        decision_body="Kommunstyrelsen",
        decision_date="2018-12-10",
    )

    without_reason = client.post(facts_url(period), corrected)
    assert without_reason.status_code == 200
    assert without_reason.context["reason_form"].errors["revision_reason"]
    period.refresh_from_db()
    assert period.decision_date == D(2018, 11, 1)

    response = client.post(
        facts_url(period), {**corrected, "revision_reason": "Fel beslutsdatum lästes in."}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("promises:staff_period", args=[period.pk])
    period.refresh_from_db()
    assert period.decision_date == D(2018, 12, 10)
    assert period.state == PeriodState.CLOSED
    revision = period.revisions.get()
    assert (revision.kind, revision.reason) == ("correction", "Fel beslutsdatum lästes in.")
    assert [(c.subject, c.old_value, c.new_value) for c in revision.changes.all()] == [
        ("Beslutsdatum", "1 november 2018", "10 december 2018"),
        ("Undertecknare", "Anna Berg, Kommunen", "Anna Berg, Vetlanda kommun"),
    ]
    # The period's own history gives the reason beside the change (a registrator saw the change
    # alone there).
    latest = history_entries(period)[0]
    assert latest.reason == "Fel beslutsdatum lästes in."
    history = client.get(reverse("promises:history", args=["period", period.pk])).content.decode()
    assert "<p>Skäl: Fel beslutsdatum lästes in.</p>" in history
    # The copy kept at registration stays as it was; the public page says what was corrected.
    assert SignedOriginal.objects.get(period=period).sha256 == original.sha256
    client.logout()
    public = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "Uppgift rättad" in public and "Fel beslutsdatum lästes in." in public
    assert "10 december 2018" in public


@pytest.mark.django_db
def test_a_correction_that_changes_nothing_records_nothing(client, people):
    period = registering_draft(decision_body="Kommunstyrelsen")
    registration.register(period, user=people.coordinator)
    period.refresh_from_db()
    sign_in(client, people.coordinator)
    data = facts_data(period, decision_body="Kommunstyrelsen", revision_reason="Ingen ändring.")
    assert client.post(facts_url(period), data).status_code == 302
    assert not period.revisions.exists()


@pytest.mark.django_db
def test_the_finishing_page_names_the_uploaded_file_to_be_published(client, people):
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("vetlanda-2019.pdf", b"%PDF-1.4 original bytes")
    response = client.post(REGISTER_URL, form_data(people.home, source_url="", source_file=upload))
    assert response.status_code == 302
    page = client.get(finish_url(PromisePeriod.objects.get())).content.decode()
    assert "den uppladdade filen vetlanda-2019.pdf" in page
    assert "en uppladdad fil" not in page
