"""The staff user's own settings page: e-mail notifications on or off, for themselves only."""

import re

import pytest
from django.urls import reverse

from municipalities.models import NotificationPreference
from promises import notifications
from promises.lifecycle import Action, perform
from promises.models import PeriodState
from tests import factories
from tests.staff import sign_in

URL = reverse("accounts:user_settings")


def preference(user) -> bool | None:
    """The stored choice of `user` (None: never chosen, so on)."""
    row = NotificationPreference.objects.filter(user=user).first()
    return None if row is None else row.email_enabled


def test_the_url_is_personal_installningar():
    assert URL == "/personal/installningar/"


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={URL}"
    assert client.post(URL, {"email_enabled": "no"}).status_code == 302
    assert not NotificationPreference.objects.exists()


def test_staff_without_the_second_factor_are_sent_to_give_their_code(client, people):
    sign_in(client, people.approver, verified=False)

    for response in (client.get(URL), client.post(URL, {"email_enabled": "no"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:verify"))
    assert preference(people.approver) is None


def test_the_page_shows_notifications_on_until_turned_off(client, people):
    sign_in(client, people.approver)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Inställningar</h1>" in page
    assert re.search(r'<input type="radio" name="email_enabled" value="yes"[^>]* checked', page)
    assert "Ja, skicka e-post till mig" in page
    # What the user may do, and where (a new user's pages never said it).
    assert "<h2>Dina roller</h2>" in page and "<li>Granskare för Vetlanda</li>" in page


def test_a_user_turns_notifications_off_and_on_for_themselves_only(client, people):
    NotificationPreference.objects.create(user=people.coordinator, email_enabled=False)
    sign_in(client, people.approver)

    # A field naming another user is no part of the form: only the signed-in user's choice.
    response = client.post(URL, {"email_enabled": "no", "user": people.coordinator.pk}, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Sparat: du får inga e-postaviseringar."
    ]
    assert response.context["form"].initial == {"email_enabled": "no"}
    assert preference(people.approver) is False
    assert preference(people.coordinator) is False
    assert preference(people.officer) is None

    response = client.post(URL, {"email_enabled": "yes", "user": people.coordinator.pk})

    assert response.status_code == 302
    assert preference(people.approver) is True
    assert preference(people.coordinator) is False
    assert NotificationPreference.objects.count() == 2


def test_a_user_without_a_role_may_set_it_too(client, people):
    sign_in(client, people.no_role)
    page = client.get(URL).content.decode()
    assert "Du har ingen roll ännu: portalens administratör ger dig en." in page

    assert client.post(URL, {"email_enabled": "no"}).status_code == 302
    assert preference(people.no_role) is False


@pytest.mark.parametrize("value", ["", "ja", "nej", "true"])
def test_a_bad_choice_is_shown_in_the_error_summary_and_saves_nothing(client, people, value):
    sign_in(client, people.approver)

    response = client.post(URL, {"email_enabled": value} if value else {})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    # The summary's link goes to the group of choices, whose fieldset names the error.
    assert '<a href="#id_email_enabled">E-postaviseringar: Välj' in page
    assert '<div id="id_email_enabled">' in page
    assert 'aria-describedby="id_email_enabled_helptext id_email_enabled_error"' in page
    assert preference(people.approver) is None


def test_the_staff_menu_links_to_the_settings(client, people):
    sign_in(client, people.officer)

    page = client.get(reverse("activities:staff_home")).content.decode()

    assert f'<a href="{URL}">Inställningar</a>' in page


def test_turned_off_on_the_page_means_no_mail(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    sign_in(client, people.approver)
    client.post(URL, {"email_enabled": "no"})
    area_approver = people.area_approver
    period = factories.period_in_state(PeriodState.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        perform(period, people.coordinator, Action.SUBMIT)

    assert [message.to for message in mailoutbox] == [[area_approver.email]]


# Each e-mail event and the words of the settings page's help that name it.
EVENT_WORDS = {
    "submitted": "skickas till dig på samråd",
    "commented": "kommenteras",
    "approved": "godkänns",
    "returned": "skickas tillbaka",
    "answered": "din kommentar besvaras",
    "decided": "beslutas",
    "signed": "undertecknas",
    "revised": "ändras",
    "extended": "förlängs",
    "reported": "när en redovisning av det publiceras",
}


def test_the_help_names_every_event_that_is_e_mailed(client, people):
    """The help said nothing of comments, answers, changes and extensions, all e-mailed."""
    assert set(EVENT_WORDS) == set(notifications.SUBJECTS)
    sign_in(client, people.approver)
    page = client.get(URL).content.decode()
    help_text = re.sub(r"\s+", " ", page)
    for event, words in EVENT_WORDS.items():
        assert words in help_text, event
    assert "veckosammanställning" in help_text
