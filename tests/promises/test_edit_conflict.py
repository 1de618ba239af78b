"""Concurrent edits never silently overwrite each other: the second saver is told who saved,
sees the saved values, keeps their own text, and may then save deliberately."""

import datetime
import re

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from municipalities.models import LocalPoliceArea
from promises.editing_forms import rebind_after_conflict
from promises.forms import PeriodEditForm, PromiseEditForm
from promises.models import Promise, PromisePeriod, Revision, Theme
from tests.promises.test_editor import World, form_data, make_world, shown_form
from tests.staff import sign_in


@pytest.fixture
def world(db) -> World:
    return make_world()


def two_clients(world) -> tuple[Client, Client]:
    """Two coordinators of the same municipality, each signed in on their own client."""
    first, second = Client(), Client()
    sign_in(first, world.coordinator)
    sign_in(second, world.colleague)
    return first, second


def test_the_second_saver_of_a_period_is_told_and_keeps_their_text(world):
    period = world.draft
    path = reverse("promises:period_edit", args=[period.pk])
    first, second = two_clients(world)
    mine, theirs = shown_form(first, path), shown_form(second, path)
    assert mine["edit_version"] == theirs["edit_version"] == "1"
    mine["situation"] = "Först sparad lägesbild."
    theirs["situation"] = "Min egen lägesbild."
    theirs["background"] = "Min bakgrund."

    assert first.post(path, mine).status_code == 302
    response = second.post(path, theirs)

    assert response.status_code == 200
    page = response.content.decode()
    form = response.context["form"]
    # Told who saved first …
    assert form.conflict.who == "Samordnare Testsson"
    assert "Samordnare Testsson" in form.non_field_errors()[0]
    # … when, as the pages write a date ("5 december 2026 09:26"), …
    assert re.search(
        r"sparade det här \d{1,2} [a-zé]+ \d{4} \d{2}:\d{2} ", form.non_field_errors()[0]
    )
    assert "Samordnare Testsson" in page
    # … keeps their text in the form …
    assert form["situation"].value() == "Min egen lägesbild."
    assert form["background"].value() == "Min bakgrund."
    assert "Min egen lägesbild.</textarea>" in page
    # … and sees the saved values beside it.
    assert (gettext("Situation picture (lägesbild)"), "Först sparad lägesbild.") in (
        form.conflict.differences
    )
    assert (gettext("Background"), "") in form.conflict.differences
    assert gettext("Saved version") in page
    assert "Först sparad lägesbild." in page
    period.refresh_from_db()
    assert (period.situation, period.background) == ("Först sparad lägesbild.", "")
    assert period.edit_version == 2
    assert period.history.first().history_user == world.coordinator

    # Saving the re-shown form is a deliberate overwrite.
    again = form_data(form)
    assert again["edit_version"] == "2"
    assert second.post(path, again).status_code == 302
    period.refresh_from_db()
    assert (period.situation, period.background) == ("Min egen lägesbild.", "Min bakgrund.")
    assert period.edit_version == 3
    assert period.history.first().history_user == world.colleague


def test_a_conflict_after_signing_keeps_the_reason_and_revises_from_the_saved_text(world):
    period = world.signed
    path = reverse("promises:period_edit", args=[period.pk])
    first, second = two_clients(world)
    mine, theirs = shown_form(first, path), shown_form(second, path)
    mine.update(situation="Lägesbild A.", revision_kind="other", revision_reason="Första.")
    theirs.update(situation="Lägesbild B.", revision_kind="correction", revision_reason="Andra.")

    assert first.post(path, mine).status_code == 302
    response = second.post(path, theirs)
    assert response.status_code == 200
    assert response.context["revision_form"]["revision_reason"].value() == "Andra."
    assert Revision.objects.filter(period=period).count() == 1

    again = {
        **form_data(response.context["form"]),
        **form_data(response.context["revision_form"]),
    }
    assert second.post(path, again).status_code == 302
    latest = Revision.objects.filter(period=period).order_by("-number").first()
    assert (latest.number, latest.reason, latest.created_by) == (2, "Andra.", world.colleague)
    change = latest.changes.get()
    assert (change.old_value, change.new_value) == ("Lägesbild A.", "Lägesbild B.")


def test_the_second_saver_of_a_promise_is_told_and_keeps_their_text(world):
    promise = world.draft.promises.get(position=1)
    path = reverse("promises:promise_edit", args=[promise.pk])
    first, second = two_clients(world)
    mine, theirs = shown_form(first, path), shown_form(second, path)
    trafik = Theme.objects.get(slug="trafik")
    mine.update(title="Öka tryggheten på kvällarna", themes=[str(trafik.pk)])
    theirs.update(title="Öka tryggheten i hela centrum", description="Min beskrivning.")

    assert first.post(path, mine).status_code == 302
    response = second.post(path, theirs)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.conflict.who == "Samordnare Testsson"
    assert "Samordnare Testsson" in response.content.decode()
    assert form["title"].value() == "Öka tryggheten i hela centrum"
    assert form["description"].value() == "Min beskrivning."
    differences = dict(form.conflict.differences)
    assert differences[gettext("Promise")] == "Öka tryggheten på kvällarna"
    assert differences[gettext("Themes")] == "Trafik"
    promise.refresh_from_db()
    assert promise.title == "Öka tryggheten på kvällarna"
    assert list(promise.themes.all()) == [trafik]

    assert second.post(path, form_data(form)).status_code == 302
    promise.refresh_from_db()
    assert (promise.title, promise.description) == (
        "Öka tryggheten i hela centrum",
        "Min beskrivning.",
    )
    assert list(promise.themes.all()) == []
    assert promise.edit_version == 3


def test_rebind_lists_the_saved_values_not_the_typed_ones(world):
    """The conflict form's differences are read before the typed data touches the instance."""
    period = PromisePeriod.objects.get(pk=world.draft.pk)
    period.situation = "Sparad text."
    period._history_user = world.coordinator
    period.save()
    data = form_data(
        PeriodEditForm(
            instance=period, texts_only=False, local_police_areas=LocalPoliceArea.objects.all()
        )
    )
    data["situation"] = "Skriven text."
    form = rebind_after_conflict(
        PeriodEditForm,
        data,
        PromisePeriod.objects.get(pk=period.pk),
        texts_only=False,
        local_police_areas=LocalPoliceArea.objects.all(),
    )
    assert form.conflict.differences == [(gettext("Situation picture (lägesbild)"), "Sparad text.")]
    assert form["situation"].value() == "Skriven text."


def test_rebind_of_a_promise_compares_themes_by_choice(world):
    promise = Promise.objects.get(period=world.draft, position=1)
    promise.themes.set(Theme.objects.filter(slug="unga"))
    data = form_data(PromiseEditForm(instance=promise))
    form = rebind_after_conflict(PromiseEditForm, data, Promise.objects.get(pk=promise.pk))
    assert form.conflict.differences == []


def test_saved_dates_and_times_are_shown_as_the_pages_write_them():
    from promises.editing_forms import _display

    with translation.override("sv"):
        assert _display(forms.TimeField(), datetime.time(13, 0)) == "13:00"
        assert _display(forms.DateField(), datetime.date(2026, 12, 5)) == "5 december 2026"


def test_an_edit_refused_because_the_period_moved_on_keeps_the_text(world):
    """A colleague sends the draft for consultation while the promise is being edited: the save
    is refused (403) with why, and the text typed is on the page to copy."""
    promise = world.draft.promises.first()
    path = reverse("promises:promise_edit", args=[promise.pk])
    first, _second = two_clients(world)
    typed = shown_form(first, path)
    typed["description"] = "En ny formulering som inte får gå förlorad."
    world.draft.state = "consultation"
    world.draft.save()

    response = first.post(path, typed)

    assert response.status_code == 403
    page = " ".join(response.content.decode().split())
    assert "Det här går inte att göra nu" in page
    assert "har nu status ”på samråd”" in page
    assert "En ny formulering som inte får gå förlorad.</textarea>" in page
    promise.refresh_from_db()
    assert promise.description != typed["description"]
    # A role that may never edit it (an approver) gets the plain refusal, and no text back.
    approver = Client()
    sign_in(approver, world.approver)
    refused = approver.post(path, typed)
    assert refused.status_code == 403
    assert "En ny formulering" not in refused.content.decode()


# -- An editor's form shown before a step that is not an edit --------------------------------
# A security probe: the editor's save wrote its whole stale copy back, so a period sent for
# consultation (approvers e-mailed) was a deletable draft again, a closing was undone, and an
# activity's new status was put back, both requests answering "saved".


@pytest.mark.parametrize("step", ["submit", "close"])
def test_an_editor_save_based_on_a_copy_read_before_a_lifecycle_step_conflicts(world, step):
    """The editor's request read the period, the step committed, then the editor saved (the
    pages re-read the state on each request: the probe hit the moment between)."""
    from access.policy import NotNow
    from promises import services
    from promises.editing import EditConflict
    from promises.lifecycle import Action, perform
    from tests import factories

    period = world.draft if step == "submit" else world.signed
    factories.activity(period, "Trafikkontroller").promises.add(period.promises.first())
    stale = PromisePeriod.objects.get(pk=period.pk)  # what the editor's form was built from
    shown = stale.edit_version

    if step == "submit":
        perform(period, world.coordinator, Action.SUBMIT)
    else:
        perform(period, world.coordinator, Action.CLOSE, closing_reason="Ersatt av nytt löfte.")
    after_step = PromisePeriod.objects.get(pk=period.pk)
    stale.situation = "Ändrad i en flik som öppnades före steget."
    # Refused: the period's state no longer allows the edit (checked again under its lock),
    # and the copy is stale besides.
    with pytest.raises((EditConflict, NotNow)):
        services.save_edit(stale, shown, user=world.colleague, period=stale)

    period.refresh_from_db()
    assert (period.state, period.consultation_round, period.closed_date) == (
        after_step.state,
        after_step.consultation_round,
        after_step.closed_date,
    )
    assert period.state == ("consultation" if step == "submit" else "closed")
    assert period.situation != stale.situation


def test_every_save_but_the_editors_moves_the_version(world):
    """The rule itself, on each kind of row editors save (`EditVersioned`)."""
    from activities.models import Activity
    from activities.services import set_activity_status
    from tests import factories

    period = world.draft
    activity = factories.activity(period, "Dialog", target=None)
    promise = period.promises.first()
    for row in (period, promise, activity):
        shown = type(row).objects.get(pk=row.pk).edit_version
        row.save()
        assert type(row).objects.get(pk=row.pk).edit_version == shown + 1
        row.save(update_fields=["title"] if row is not period else ["situation"])
        assert type(row).objects.get(pk=row.pk).edit_version == shown + 2
    before = Activity.objects.get(pk=activity.pk).edit_version
    set_activity_status(activity, world.coordinator, "ongoing", "")
    assert Activity.objects.get(pk=activity.pk).edit_version == before + 1


def test_a_copy_read_before_an_editors_save_still_moves_the_version_past_it(world):
    """A status written from a copy read before an editor's save wrote that save's own version
    again: a second editor's form shown after the first save then overwrote the status."""
    from activities.models import Activity
    from activities.services import set_activity_status
    from promises.editing import EditConflict, save_versioned
    from tests import factories

    activity = factories.activity(world.signed, "Dialog", target=None)
    stale = Activity.objects.get(pk=activity.pk)  # the status request's copy (version 1)
    first = Activity.objects.get(pk=activity.pk)
    first.title = "Dialog med föreningar"
    save_versioned(first, 1, user=world.coordinator)  # version 2
    second = Activity.objects.get(pk=activity.pk)  # a form shown at version 2

    set_activity_status(stale, world.coordinator, "cancelled", "Föreningen lades ned.")
    second.title = "Dialog med alla föreningar"
    with pytest.raises(EditConflict):
        save_versioned(second, 2, user=world.colleague)

    saved = Activity.objects.get(pk=activity.pk)
    assert saved.status == "cancelled" and saved.edit_version == 3


@pytest.mark.parametrize("what", ["promise", "proposal"])
def test_a_save_that_passed_the_state_check_before_a_step_committed_is_refused(world, what):
    """The pages check the state when a request begins; a step committing before its save
    let a draft's promise change after it was sent for consultation, and a proposal after the
    decision (a security probe)."""
    from access.policy import NotNow
    from promises import services
    from promises.document_forms import save_proposal
    from promises.models import DecisionProposal, PeriodState

    period = world.draft
    if what == "promise":
        promise = period.promises.first()
        promise.title = "Ändrat efter att det skickades"
        PromisePeriod.objects.filter(pk=period.pk).update(state=PeriodState.CONSULTATION)
        with pytest.raises(NotNow):
            services.save_edit(promise, promise.edit_version, user=world.coordinator, period=period)
        assert Promise.objects.get(pk=promise.pk).title != promise.title
    else:
        proposal = DecisionProposal(period=period, summary="Skrivet efter beslutet.")
        PromisePeriod.objects.filter(pk=period.pk).update(
            state=PeriodState.DECIDED, decision_date=datetime.date(2026, 12, 1)
        )
        with pytest.raises(NotNow):
            save_proposal(proposal, 1, user=world.coordinator)
        assert not DecisionProposal.objects.exists()
