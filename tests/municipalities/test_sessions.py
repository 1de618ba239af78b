"""A staff session ends when what let it in changes: a new key at each sign-in step, and the old
session useless once the password changes, the account is deactivated or the membership that
let the user act is removed; links to choose a password work once and for a while only."""

import re
import time

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities.invitations import send_set_password_email
from municipalities.models import Membership, Role
from tests import factories
from tests.municipalities.test_accounts import code
from tests.staff import PASSWORD, sign_in, staff_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ett-annat-långt-lösenord-2026"


def _session_key(client: Client) -> str:
    return client.cookies["sessionid"].value


def test_each_sign_in_step_gives_a_new_session_key(client):
    user = staff_user("anna")
    # A session made before signing in (one an attacker could have planted).
    session = client.session
    session["planted"] = True
    session.save()
    client.cookies["sessionid"] = planted = session.session_key
    client.post(reverse("accounts:login"), {"username": "anna", "password": PASSWORD})
    after_password = _session_key(client)
    assert after_password != planted
    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("accounts:verify"), {"token": code(device)})
    after_code = _session_key(client)
    assert after_code not in (planted, after_password)
    assert client.get(reverse("activities:staff_home")).status_code == 200
    # The planted key signs nobody in.
    planted_client = Client()
    planted_client.cookies["sessionid"] = planted
    assert planted_client.get(reverse("activities:staff_home")).status_code == 302


def _signed_in_officer(client):
    vetlanda = factories.municipality("vetlanda")
    user = staff_user("polis", role=Role.POLICE_OFFICER, municipality=vetlanda)
    sign_in(client, user)
    assert client.get(reverse("activities:log_import")).status_code == 200
    return user


def test_a_password_changed_elsewhere_ends_the_old_session(client):
    user = _signed_in_officer(client)
    user.set_password(NEW_PASSWORD)
    user.save()
    response = client.get(reverse("activities:log_import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert SESSION_KEY not in client.session


def test_changing_ones_password_keeps_this_session_and_ends_the_others(client):
    user = _signed_in_officer(client)
    other = Client()
    sign_in(other, user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get(reverse("activities:log_import")).status_code == 200
    assert other.get(reverse("activities:log_import")).status_code == 302


def test_a_deactivated_account_opens_nothing_with_its_session(client):
    """However it was deactivated (the admin also ends its sessions, tested with the admin)."""
    user = _signed_in_officer(client)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    response = client.get(reverse("activities:log_import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_removed_member_cannot_act_with_the_old_session(client):
    user = _signed_in_officer(client)
    activity = factories.activity(factories.period("vetlanda"), responsible="police")
    Membership.objects.filter(user=user).delete()
    assert client.get(reverse("activities:log_import")).status_code == 403
    response = client.post(
        reverse("activities:log_import"),
        {"activity": activity.pk, "date": timezone.localdate(), "quantity": 1},
    )
    assert response.status_code == 403
    assert not activity.logs.exists()


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def _choose(client, link: str, password: str = NEW_PASSWORD):
    page = client.get(link, follow=True)
    if not page.context["validlink"]:
        return page
    return client.post(
        page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def test_an_invitation_link_works_once():
    user = staff_user("ny", with_device=False)
    user.set_unusable_password()
    user.save()
    send_set_password_email(user, "https://portal.example")
    link = _link(mail.outbox[0])
    assert _choose(Client(), link).status_code == 302
    again = _choose(Client(), link, "ett-tredje-långt-lösenord-2026")
    assert not again.context["validlink"]
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize("hours_later", [2, 4])
def test_an_invitation_link_expires(settings, hours_later):
    assert settings.PASSWORD_RESET_TIMEOUT == 3 * 60 * 60
    user = staff_user("ny", with_device=False)
    user.set_unusable_password()
    user.save()
    send_set_password_email(user, "https://portal.example")
    # A moment as seconds: a datetime with its zone would move the local zone along.
    with time_machine.travel(time.time() + hours_later * 3600):
        page = _choose(Client(), _link(mail.outbox[0]))
    user.refresh_from_db()
    assert user.has_usable_password() is (hours_later < 3)
    if hours_later >= 3:
        assert not page.context["validlink"]


def test_a_reset_link_expires(client, settings):
    user = staff_user("anna")
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    with time_machine.travel(time.time() + settings.PASSWORD_RESET_TIMEOUT + 60):
        page = _choose(Client(), _link(mail.outbox[0]))
    assert not page.context["validlink"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_logout_is_post_only_and_needs_the_csrf_token():
    user = staff_user("anna")
    client = Client(enforce_csrf_checks=True)
    sign_in(client, user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert client.session.get(SESSION_KEY) == str(user.pk)
