"""Writing a confirmed reading: one transaction, the document's order, nothing guessed."""

import datetime

import pytest
from django.db import IntegrityError

from activities.models import Activity
from promises import lifecycle
from promises.forms import MAX_TEXT
from promises.models import PeriodState, Promise, PromisePeriod
from promises.textimport.create import create_draft, create_registering
from promises.textimport.types import (
    ParsedActivity,
    ParsedDocument,
    ParsedPromise,
    ParsedTarget,
)
from tests import factories


def _period(slug: str = "2027") -> PromisePeriod:
    return PromisePeriod(
        municipality=factories.municipality("vetlanda"),
        slug=slug,
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )


@pytest.mark.django_db
def test_a_single_promise_is_served_by_every_activity_and_nothing_is_guessed(people):
    document = ParsedDocument(
        text="…",
        promises=[ParsedPromise("Öka tryggheten i centrum")],
        activities=[
            ParsedActivity("Nattvandringar ska genomföras.", "Nattvandringar", "other"),
            ParsedActivity(
                "Räddningstjänsten ska hålla " + "mycket långa " * 20 + "övningar.",
                "Övningar " * 30,
                "other",
                responsible_other="Räddningstjänsten",
                partners="föreningar",
                target=ParsedTarget("count", 0, "övningar", "year"),
            ),
            ParsedActivity(
                "Polisen ska genomföra minst 25 kontroller per månad.",
                "Kontroller",
                "police",
                target=ParsedTarget("at_least", 25, "kontroller", "month", "kontroll"),
            ),
        ],
    )
    period = create_draft(_period(), document, user=people.coordinator)
    assert period.state == PeriodState.DRAFT
    first, second, third = period.activities.order_by("position")
    # "Another actor" without a name is not stated, never a guessed actor.
    assert (first.responsible, first.responsible_other) == ("unstated", "")
    assert (second.responsible, second.responsible_other) == ("other", "Räddningstjänsten")
    assert second.partners == "föreningar"
    assert len(second.title) == 120 and second.title.endswith("…")
    # A target of nought is no target.
    assert second.target_value is None and second.target_comparator == ""
    assert (third.target_comparator, third.target_value, third.target_scope) == (
        "at_least",
        25,
        "month",
    )
    promise = period.promises.get()
    assert {a.pk for a in promise.activities.all()} == {first.pk, second.pk, third.pk}
    assert period.history.first().history_user == people.coordinator
    assert third.history.first().history_user == people.coordinator


@pytest.mark.django_db
def test_several_promises_leave_the_choice_of_what_each_activity_serves(people):
    document = ParsedDocument(
        text="…",
        promises=[ParsedPromise("Trafiksäkerhet"), ParsedPromise("Narkotika")],
        activities=[ParsedActivity("Vi ska hålla möten.", "Möten", "unstated")],
    )
    period = create_draft(_period(), document, user=people.coordinator)
    assert list(period.promises.values_list("title", "position")) == [
        ("Trafiksäkerhet", 1),
        ("Narkotika", 2),
    ]
    assert not period.activities.get().promises.exists()


@pytest.mark.django_db
def test_a_failed_write_leaves_nothing_behind(people):
    factories.period("vetlanda", slug="2027", state=PeriodState.DRAFT)
    before = (PromisePeriod.objects.count(), Promise.objects.count(), Activity.objects.count())
    document = ParsedDocument(text="…", promises=[ParsedPromise("Trygghet")])
    with pytest.raises(IntegrityError):
        create_draft(_period("2027"), document, user=people.coordinator)
    after = (PromisePeriod.objects.count(), Promise.objects.count(), Activity.objects.count())
    assert after == before


@pytest.mark.django_db
def test_the_documents_texts_are_saved_with_the_draft_from_its_first_record(people):
    document = ParsedDocument(
        text="…",
        situation="Många undviker torget.\n\nSkadegörelsen har ökat.",
        background="Löftet bygger på medborgardialoger.",
        follow_up_text="",
    )
    period = create_draft(_period(), document, user=people.coordinator)
    period.refresh_from_db()
    assert period.situation == "Många undviker torget.\n\nSkadegörelsen har ökat."
    assert period.background == "Löftet bygger på medborgardialoger."
    assert period.follow_up_text == ""
    first = period.history.earliest()
    assert (first.situation, first.background) == (period.situation, period.background)


@pytest.mark.django_db
def test_a_text_longer_than_the_editor_takes_is_cut_to_its_limit(people):
    document = ParsedDocument(text="…", follow_up_text="Uppföljning sker. " * 1000)
    period = create_draft(_period(), document, user=people.coordinator)
    assert len(period.follow_up_text) == MAX_TEXT and period.follow_up_text.endswith("…")


@pytest.mark.django_db
def test_a_past_promise_being_registered_gets_the_texts_too(people):
    document = ParsedDocument(text="…", situation="Trafiken upplevs som otrygg.")
    period = _period()
    period.source_url = "https://polisen.se/vetlanda/medborgarloften-2027"
    period = create_registering(period, document, user=people.coordinator)
    period.refresh_from_db()
    assert lifecycle.registering(period)
    assert (period.situation, period.background, period.follow_up_text) == (
        "Trafiken upplevs som otrygg.",
        "",
        "",
    )
