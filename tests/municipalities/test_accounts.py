"""Staff sign-in: password, then a code; lockout without user enumeration; password reset."""

import re
import time

import pytest
import time_machine
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.cache import caches
from django.core.signals import request_finished
from django.db import close_old_connections
from django.shortcuts import resolve_url
from django.test import Client, RequestFactory
from django.test.client import ClientHandler
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities.forms import client_address
from municipalities.views import reset_allowed
from tests.staff import PASSWORD, sign_in, staff_user

pytestmark = pytest.mark.django_db

IP = "10.0.0.1"
NEW_PASSWORD = "ett-annat-långt-lösenord-2026"


def code(device: TOTPDevice, *, offset: int = 0) -> str:
    """The code the user's app shows now (offset in steps of 30 seconds)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def post_login(client, username: str, password: str, *, ip: str = IP, **extra):
    data = {"username": username, "password": password, **extra}
    return client.post(reverse("accounts:login"), data, REMOTE_ADDR=ip)


def visible(response, username: str) -> str:
    """The page as a reader sees it, with what differs per request or per input taken out."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return html.replace(f'value="{username}"', "")


def staff_page() -> str:
    return reverse("accounts:password_change")


def with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


@pytest.fixture
def officer():
    return staff_user("anna")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The password reset counts live in the cache "limits": each test starts with none."""
    caches["limits"].clear()
    yield
    caches["limits"].clear()


def test_login_page_has_username_and_password_fields(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert list(response.context["form"].fields) == ["username", "password"]
    assert "accounts/login.html" in [t.name for t in response.templates]


def test_right_password_leads_to_the_code_page_keeping_next(client, officer):
    response = post_login(client, "anna", PASSWORD, next=staff_page())
    assert response.status_code == 302
    assert response.url == with_next("accounts:verify", staff_page())
    assert client.session[SESSION_KEY] == str(officer.pk)
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_right_password_without_an_app_leads_to_setting_one_up(client):
    staff_user("bo", with_device=False)
    response = post_login(client, "bo", PASSWORD)
    assert response.url == with_next("accounts:otp_setup", resolve_url(settings.LOGIN_REDIRECT_URL))


def test_password_alone_does_not_open_staff_pages(client, officer):
    post_login(client, "anna", PASSWORD)
    response = client.get(staff_page())
    assert response.status_code == 302
    assert response.url == with_next("accounts:verify", staff_page())


def test_wrong_password_and_unknown_username_get_the_same_answer(client, officer):
    wrong = post_login(client, "anna", "fel-lösenord")
    unknown = post_login(client, "okand", "fel-lösenord")
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors
    assert list(wrong.context["form"].errors) == ["__all__"]
    assert visible(wrong, "anna") == visible(unknown, "okand")
    assert SESSION_KEY not in client.session


def test_inactive_user_gets_the_wrong_password_answer(client, officer):
    officer.is_active = False
    officer.save()
    inactive = post_login(client, "anna", PASSWORD)
    wrong = post_login(client, "okand", PASSWORD)
    assert inactive.status_code == 200
    assert inactive.context["form"].errors == wrong.context["form"].errors


def test_wrong_code_keeps_the_user_unverified(client, officer):
    post_login(client, "anna", PASSWORD)
    device = TOTPDevice.objects.get(user=officer)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("accounts:verify"), {"token": wrong})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["token"]
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get(staff_page()).status_code == 302


@pytest.mark.parametrize("token", ["", "abc", "12345", "1234567890", "<script>"])
def test_malformed_code_is_an_error_on_the_code_field(client, officer, token):
    post_login(client, "anna", PASSWORD)
    response = client.post(reverse("accounts:verify"), {"token": token})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["token"]
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_right_code_verifies_and_goes_to_next(client, officer):
    post_login(client, "anna", PASSWORD)
    device = TOTPDevice.objects.get(user=officer)
    response = client.post(
        reverse("accounts:verify"), {"token": code(device), "next": staff_page()}
    )
    assert response.status_code == 302
    assert response.url == staff_page()
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(staff_page()).status_code == 200


def test_right_code_typed_with_a_space_is_accepted(client, officer):
    post_login(client, "anna", PASSWORD)
    token = code(TOTPDevice.objects.get(user=officer))
    response = client.post(reverse("accounts:verify"), {"token": f"{token[:3]} {token[3:]}"})
    assert response.status_code == 302
    assert DEVICE_ID_SESSION_KEY in client.session


def test_a_code_cannot_be_used_twice(client, officer):
    device = TOTPDevice.objects.get(user=officer)
    token = code(device)
    post_login(client, "anna", PASSWORD)
    assert client.post(reverse("accounts:verify"), {"token": token}).status_code == 302
    client.post(reverse("accounts:logout"))
    post_login(client, "anna", PASSWORD)
    response = client.post(reverse("accounts:verify"), {"token": token})
    assert response.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_after_a_wrong_code_the_next_try_is_throttled(client, officer):
    post_login(client, "anna", PASSWORD)
    device = TOTPDevice.objects.get(user=officer)
    right = code(device)
    client.post(reverse("accounts:verify"), {"token": f"{(int(right) + 1) % 1_000_000:06d}"})
    response = client.post(reverse("accounts:verify"), {"token": right})
    assert response.context["form"].errors.as_data()["token"][0].code == "throttled"
    assert DEVICE_ID_SESSION_KEY not in client.session
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_code_page_needs_the_password_first(client):
    response = client.get(reverse("accounts:verify"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_code_page_shows_what_to_do_when_the_phone_is_lost(client, officer):
    post_login(client, "anna", PASSWORD)
    response = client.get(reverse("accounts:verify"))
    assert response.status_code == 200
    field = response.context["form"].fields["token"]
    assert field.widget.attrs["autocomplete"] == "one-time-code"
    assert field.widget.attrs["inputmode"] == "numeric"
    assert str(gettext("Lost your phone?")) in response.content.decode()


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/personal/", "javascript:alert(1)", "foo", "admin"],
)
def test_next_to_another_site_is_ignored(client, officer, next_url):
    home = resolve_url(settings.LOGIN_REDIRECT_URL)
    response = post_login(client, "anna", PASSWORD, next=next_url)
    assert response.url == with_next("accounts:verify", home)
    device = TOTPDevice.objects.get(user=officer)
    response = client.post(reverse("accounts:verify"), {"token": code(device), "next": next_url})
    assert response.url == home


def test_signed_in_user_opening_the_login_page_goes_to_next(client, officer):
    sign_in(client, officer)
    response = client.get(reverse("accounts:login"), {"next": staff_page()})
    assert response.status_code == 302
    assert response.url == staff_page()


def test_setup_shows_a_qr_code_and_the_key_and_reuses_one_device(client):
    user = staff_user("bo", with_device=False)
    post_login(client, "bo", PASSWORD)
    first = client.get(reverse("accounts:otp_setup"))
    second = client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    assert first.status_code == second.status_code == 200
    html = first.content.decode()
    assert "<svg" in html
    assert 'role="img"' in html
    secret = first.context["secret"]
    assert len(secret.replace(" ", "")) == 32
    assert secret in html
    # On the phone the app is on, the same key as a link the app opens.
    link = 'href="otpauth://totp/'
    assert link in html and f"secret={secret.replace(' ', '')}" in html
    assert first["Cache-Control"].startswith("max-age=0")


def test_each_sign_in_sets_up_a_key_of_its_own(client):
    """Someone with the password who saw the key must not keep a second factor for the app
    the user sets up later."""
    user = staff_user("bo", with_device=False)
    intruder = Client()
    post_login(intruder, "bo", PASSWORD)
    seen = intruder.get(reverse("accounts:otp_setup")).context["secret"]
    seen_device = TOTPDevice.objects.get(user=user)
    post_login(client, "bo", PASSWORD)
    own = client.get(reverse("accounts:otp_setup")).context["secret"]
    assert own != seen
    assert not TOTPDevice.objects.filter(pk=seen_device.pk).exists()
    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("accounts:otp_setup"), {"token": code(device)})
    device.refresh_from_db()
    assert device.confirmed
    # The key that was seen signs nobody in.
    response = intruder.post(reverse("accounts:otp_setup"), {"token": code(seen_device)})
    assert DEVICE_ID_SESSION_KEY not in intruder.session
    assert list(TOTPDevice.objects.filter(user=user)) == [device]
    assert response.status_code == 302  # to the code step: the user has a confirmed app


def test_setup_with_the_right_code_confirms_the_app_and_signs_in(client):
    user = staff_user("bo", with_device=False)
    post_login(client, "bo", PASSWORD, next=staff_page())
    client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        reverse("accounts:otp_setup"), {"token": code(device), "next": staff_page()}, follow=True
    )
    assert response.redirect_chain == [(staff_page(), 302)]
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


def test_setup_with_a_wrong_code_confirms_nothing(client):
    user = staff_user("bo", with_device=False)
    post_login(client, "bo", PASSWORD)
    client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(user=user)
    response = client.post(reverse("accounts:otp_setup"), {"token": code(device, offset=10)})
    assert list(response.context["form"].errors) == ["token"]
    device.refresh_from_db()
    assert not device.confirmed
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_setup_is_refused_to_a_user_who_has_an_app(client, officer):
    post_login(client, "anna", PASSWORD)
    response = client.get(reverse("accounts:otp_setup"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:verify"))
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_setup_needs_the_password_first(client):
    response = client.get(reverse("accounts:otp_setup"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not TOTPDevice.objects.exists()


def test_logout_needs_post_and_signs_out(client, officer):
    sign_in(client, officer)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(staff_page()).status_code == 200
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == resolve_url(settings.LOGOUT_REDIRECT_URL)
    assert SESSION_KEY not in client.session
    assert client.get(staff_page()).url.startswith(reverse("accounts:login"))


def test_a_form_sent_after_the_session_ended_says_nothing_was_saved(client, officer):
    """An officer's session ended while they wrote a log: the sign-in page said nothing, and the
    form came back empty after signing in, as if it had been saved."""
    url = reverse("activities:log_create")
    response = client.post(url, {"summary": "Trafikkontroll vid torget", "quantity": "1"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    page = client.get(response.url).content.decode()
    assert "Du var utloggad när du skickade formuläret, så inget sparades." in page
    # After signing in, the form's own page (a GET of it) follows.
    assert f'name="next" value="{url}"' in page
    # With the password given but not the code, the code page says it.
    post_login(client, officer.username, PASSWORD)
    response = client.post(url, {"summary": "Trafikkontroll vid torget", "quantity": "1"})
    assert response.url.startswith(reverse("accounts:verify"))
    assert "så inget sparades" in client.get(response.url).content.decode()
    # A page only opened says nothing of the kind.
    client.post(reverse("accounts:logout"))
    opened = client.get(client.get(url).url).content.decode()
    assert "inget sparades" not in opened


# Lockout (django-axes): per username and address, the same for unknown usernames.


def fail_until_locked(client, username: str, *, ip: str = IP) -> list:
    return [
        post_login(client, username, "fel-lösenord", ip=ip)
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]


def test_lockout_after_the_failure_limit_refuses_even_the_right_password(client, officer):
    responses = fail_until_locked(client, "anna")
    assert [r.status_code for r in responses] == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    response = post_login(client, "anna", PASSWORD)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert str(gettext("Reset your password")) in response.content.decode()
    assert SESSION_KEY not in client.session


def test_lockout_of_an_unknown_username_looks_the_same(client, officer):
    known = fail_until_locked(client, "anna") + [post_login(client, "anna", PASSWORD)]
    unknown = fail_until_locked(client, "okand") + [post_login(client, "okand", PASSWORD)]
    for step, (a, b) in enumerate(zip(known, unknown, strict=True)):
        assert a.status_code == b.status_code, step
        assert visible(a, "anna") == visible(b, "okand"), step


def test_lockout_is_per_address(client, officer):
    fail_until_locked(client, "anna")
    response = post_login(client, "anna", PASSWORD, ip="10.0.0.2")
    assert response.status_code == 302


def test_a_successful_sign_in_resets_the_failure_count(client, officer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        post_login(client, "anna", "fel-lösenord")
    assert post_login(client, "anna", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_login(client, "anna", "fel-lösenord").status_code == 200
    assert post_login(client, "anna", PASSWORD).status_code == 302


# Password reset by e-mail.


def test_password_reset_answers_the_same_and_mails_only_a_known_address(client, officer):
    known = client.post(reverse("accounts:password_reset"), {"email": officer.email})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "okand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [officer.email]
    assert "anna" in mail.outbox[0].body


def test_the_reset_mail_is_sent_after_the_answer_not_while_the_requester_waits(officer):
    """A probe told known addresses by the answer's time: the mail server's 0.2–1 s."""
    handler = ClientHandler()
    handler.load_middleware()
    for address, mails in ((officer.email, 1), ("okand@example.org", 0)):
        request = RequestFactory().post(reverse("accounts:password_reset"), {"email": address})
        request._dont_enforce_csrf_checks = True
        response = handler.get_response(request)
        assert response.status_code == 302
        assert mail.outbox == []  # answered, nothing sent yet
        # What the server does once the answer has gone; as Django's test client does, without
        # closing the test's database connection (its transaction) on request_finished.
        request_finished.disconnect(close_old_connections)
        try:
            response.close()
        finally:
            request_finished.connect(close_old_connections)
        assert len(mail.outbox) == mails
        mail.outbox.clear()


def test_password_reset_mails_no_inactive_user(client, officer):
    officer.is_active = False
    officer.save()
    client.post(reverse("accounts:password_reset"), {"email": officer.email})
    assert mail.outbox == []


def reset_link(message) -> str:
    """The mailed link's path (its host is the portal's own address, `SITE_URL`)."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_the_mailed_link_points_at_the_portal_not_at_the_host_asked(client, officer, settings):
    """With several allowed names (or a proxy passing the scheme on), the requester must not
    choose where the reset token goes."""
    settings.ALLOWED_HOSTS = ["portal.example", "evil.portal.example", "testserver"]
    settings.SITE_URL = "https://portal.example"
    client.post(
        reverse("accounts:password_reset"),
        {"email": officer.email},
        headers={"host": "evil.portal.example", "x-forwarded-proto": "http"},
    )
    body = mail.outbox[0].body
    assert "https://portal.example/personal/losenord/aterstall/" in body
    assert "evil" not in body and "http://" not in body
    assert client.get(reset_link(mail.outbox[0]), follow=True).context["validlink"]


def test_the_mailed_link_sets_a_new_password(client, officer):
    client.post(reverse("accounts:password_reset"), {"email": officer.email})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    assert form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("accounts:password_reset_complete")
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)
    again = client.get(reset_link(mail.outbox[0]), follow=True)
    assert not again.context["validlink"]


def test_a_user_added_in_the_admin_whose_link_expired_gets_a_new_one(client, officer):
    """Added in the admin, a user has no usable password until choosing one: asking for a new
    link under the sign-in form, as the first e-mail says, must send one."""
    officer.set_unusable_password()
    officer.save()

    client.post(reverse("accounts:password_reset"), {"email": officer.email.upper()})

    (message,) = mail.outbox
    assert message.to == [officer.email]
    form_page = client.get(reset_link(message), follow=True)
    assert form_page.context["validlink"] and form_page.context["first_password"]
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)


def test_a_deactivated_user_without_a_password_gets_no_link(client, officer):
    officer.set_unusable_password()
    officer.is_active = False
    officer.save()
    client.post(reverse("accounts:password_reset"), {"email": officer.email})
    assert mail.outbox == []


def test_a_used_link_opened_on_another_device_leads_to_signing_in(client, officer):
    """Someone who chose the password on the computer and opens the mail on the phone is not
    sent only to ask for a new link (which would change the password just chosen)."""
    reset_password(client, officer)
    phone = Client()
    again = phone.get(reset_link(mail.outbox[0]), follow=True)
    assert not again.context["validlink"]
    page = again.content.decode()
    assert f'<a href="{reverse("accounts:login")}">Logga in</a>' in page
    assert "Har du redan valt ditt lösenord med länken" in page


def test_a_link_sent_before_the_account_was_deactivated_sets_no_password(client, officer):
    client.post(reverse("accounts:password_reset"), {"email": officer.email})
    officer.is_active = False
    officer.save()
    link = reset_link(mail.outbox[0])
    assert not client.get(link, follow=True).context["validlink"]
    # Posted to the link and to the page it leads to with a valid token: nothing set.
    for url in (link, link.rsplit("/", 2)[0] + "/set-password/"):
        client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def reset_password(client, user) -> None:
    """Choose NEW_PASSWORD for `user` through the e-mailed reset link."""
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_a_password_reset_lifts_the_lockout(client, officer):
    fail_until_locked(client, "anna")
    reset_password(client, officer)
    assert post_login(client, "anna", NEW_PASSWORD).status_code == 302


def test_a_weak_new_password_is_refused_on_its_field(client, officer):
    client.post(reverse("accounts:password_reset"), {"email": officer.email})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abc"}
    )
    assert response.status_code == 200
    # At the new password, where it was typed: at the confirmation it read as if the two differed.
    assert list(response.context["form"].errors) == ["new_password1"]
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)
    # Two that differ are still told at the confirmation.
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"},
    )
    assert list(response.context["form"].errors) == ["new_password2"]


def test_a_weak_changed_password_is_refused_at_the_new_password(client, officer):
    sign_in(client, officer)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "abc", "new_password2": "abc"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["new_password1"]
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


# Password change: a staff page.


def test_password_change_needs_both_factors(client, officer):
    anonymous = client.get(reverse("accounts:password_change"))
    assert anonymous.url.startswith(reverse("accounts:login"))
    sign_in(client, officer, verified=False)
    unverified = client.get(reverse("accounts:password_change"))
    assert unverified.url.startswith(reverse("accounts:verify"))
    done = client.get(reverse("accounts:password_change_done"))
    assert done.url.startswith(reverse("accounts:verify"))


def test_password_change_keeps_the_user_signed_in(client, officer):
    sign_in(client, officer)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.url == reverse("accounts:password_change_done")
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)
    assert client.get(reverse("accounts:password_change_done")).status_code == 200


def test_the_current_password_may_be_guessed_wrong_only_a_few_times(client, officer, settings):
    # One holding a signed-in session could try password after password to learn it.
    settings.AXES_FAILURE_LIMIT = 3
    sign_in(client, officer)
    url = reverse("accounts:password_change")
    wrong = {"old_password": "gissat", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    for _ in range(3):
        response = client.post(url, wrong)
        assert response.status_code == 200
        assert "too_many_attempts" not in str(response.context["form"].errors.as_data())
    right = {**wrong, "old_password": PASSWORD}
    refused = client.post(url, right)
    assert refused.status_code == 200
    errors = refused.context["form"].errors.as_data()["old_password"]
    assert [error.code for error in errors] == ["too_many_attempts"]
    assert "försök igen om 15 minuter" in refused.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)
    # After the cool-off (the counter gone) the right password works again.
    caches["limits"].clear()
    assert client.post(url, right).url == reverse("accounts:password_change_done")


# Overlong usernames (longer than any account's, and than django-axes's 255-character column).


@pytest.mark.parametrize("length", [151, 256, 300, 5000])
def test_an_overlong_username_gets_the_ordinary_form_error(client, officer, length):
    username = "a" * length
    response = post_login(client, username, "fel-lösenord")
    unknown = post_login(client, "okand", "fel-lösenord")
    assert response.status_code == 200
    assert response.context["form"].errors == unknown.context["form"].errors
    assert SESSION_KEY not in client.session


def test_an_overlong_username_is_counted_and_locked_out_like_an_unknown_one(client, officer):
    overlong = fail_until_locked(client, "b" * 300)
    unknown = fail_until_locked(client, "okand")
    assert [r.status_code for r in overlong] == [r.status_code for r in unknown]
    assert overlong[-1].status_code == 429
    assert AccessAttempt.objects.get(username="b" * 255).failures_since_start == (
        settings.AXES_FAILURE_LIMIT
    )
    # The lockout is the overlong username's (as cut), not the account's.
    assert post_login(client, "anna", PASSWORD).status_code == 302


# Password reset: limited per address and per client, with the same answer.


def test_repeated_reset_requests_for_one_address_send_at_most_the_limit(client, officer):
    url = reverse("accounts:password_reset")
    responses = [
        client.post(url, {"email": officer.email}, REMOTE_ADDR=f"10.0.1.{i}") for i in range(20)
    ]
    assert {(r.status_code, r.url) for r in responses} == {
        (302, reverse("accounts:password_reset_done"))
    }
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_ADDRESS
    # Another case of the same address is the same address.
    client.post(url, {"email": officer.email.upper()}, REMOTE_ADDR="10.0.2.1")
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_ADDRESS


@pytest.mark.parametrize("spelling", ["ſ", "\uff53"])
def test_a_spelling_that_reaches_the_same_account_counts_as_that_address(client, rf, spelling):
    """Django (and PostgreSQL's UPPER) finds the account of "ſamordnare@…" by
    "samordnare@…": each "s" spelt "ſ" was a counter of its own, many times the limit."""
    url = reverse("accounts:password_reset")
    address = "samordnare.sundberg@example.org"
    for i in range(settings.PASSWORD_RESET_MAX_PER_ADDRESS):
        client.post(url, {"email": address}, REMOTE_ADDR=f"10.0.4.{i}")
    request = rf.post(url, REMOTE_ADDR="10.0.5.1")
    for variant in (address.replace("s", spelling, 1), address.replace("s", spelling)):
        assert not reset_allowed(request, variant), variant


def test_reset_requests_from_one_client_are_limited_whatever_the_address(client, officer):
    url = reverse("accounts:password_reset")
    limit = settings.PASSWORD_RESET_MAX_PER_CLIENT
    for i in range(limit):
        response = client.post(url, {"email": f"okand-{i}@example.org"}, REMOTE_ADDR=IP)
        assert response.url == reverse("accounts:password_reset_done")
    response = client.post(url, {"email": officer.email}, REMOTE_ADDR=IP)
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []
    # Another client may still ask for the same address.
    client.post(url, {"email": officer.email}, REMOTE_ADDR="10.0.0.2")
    assert len(mail.outbox) == 1


def test_a_flood_of_public_pages_does_not_lift_the_reset_limit(client, officer):
    # The counters lived beside the page cache, which a full file cache culls at random: a
    # visitor asking for hundreds of distinct addresses lifted the limit (a mail bomb).
    url = reverse("accounts:password_reset")
    for _ in range(settings.PASSWORD_RESET_MAX_PER_ADDRESS + 2):
        client.post(url, {"email": officer.email}, REMOTE_ADDR="10.0.3.1")
    caches["default"].clear()  # the most a flood can do to the page cache
    client.post(url, {"email": officer.email}, REMOTE_ADDR="10.0.3.2")
    assert len(mail.outbox) == settings.PASSWORD_RESET_MAX_PER_ADDRESS
    assert settings.CACHES["limits"] != settings.CACHES["default"]


def test_a_client_over_its_limit_makes_no_counter_per_address(client):
    url = reverse("accounts:password_reset")
    limit = settings.PASSWORD_RESET_MAX_PER_CLIENT
    for i in range(limit + 50):
        client.post(url, {"email": f"okand-{i}@example.org"}, REMOTE_ADDR=IP)
    counters = caches["limits"]
    addresses = [key for key in counters._cache if ":address:" in key]  # noqa: SLF001
    assert len(addresses) == limit


def test_reset_limits_come_from_the_settings_and_the_window_ends(client, officer, settings):
    settings.PASSWORD_RESET_MAX_PER_ADDRESS = 1
    url = reverse("accounts:password_reset")
    client.post(url, {"email": officer.email})
    client.post(url, {"email": officer.email})
    assert len(mail.outbox) == 1
    # The window's count expires with its cache entry; simulate the hour passing.
    caches["limits"].clear()
    client.post(url, {"email": officer.email})
    assert len(mail.outbox) == 2


def test_a_limited_reset_request_looks_like_any_other(client, officer, settings):
    settings.PASSWORD_RESET_MAX_PER_ADDRESS = 1
    url = reverse("accounts:password_reset")
    sent = client.post(url, {"email": officer.email}, follow=True)
    limited = client.post(url, {"email": officer.email}, follow=True)
    unknown = client.post(url, {"email": "okand@example.org"}, follow=True)
    assert len(mail.outbox) == 1
    assert sent.redirect_chain == limited.redirect_chain == unknown.redirect_chain
    assert visible(sent, "") == visible(limited, "") == visible(unknown, "")


# One rule for the client's address, behind the proxy or not.

PROXY = "127.0.0.1"


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        (PROXY, "198.51.100.7", "198.51.100.7"),
        # What the client wrote itself is left of what the proxy appended.
        (PROXY, "203.0.113.5, 198.51.100.7", "198.51.100.7"),
        # An IPv6 client counts as its /64 network: every address of it is one client.
        (PROXY, "2001:db8::1", "2001:db8::"),
        (PROXY, "2001:db8:0:7:aaaa:bbbb:cccc:dddd", "2001:db8:0:7::"),
        (PROXY, "::ffff:198.51.100.7", "198.51.100.7"),
        ("2001:db8:1:2::99", "", "2001:db8:1:2::"),
        (PROXY, "", PROXY),
        (PROXY, "inte-en-adress", PROXY),
        (PROXY, "198.51.100.7, <script>", PROXY),
        (PROXY, "fe80::1%eth0", PROXY),
        # Not from the proxy: the header is the client's own and not believed.
        ("10.0.0.9", "198.51.100.7", "10.0.0.9"),
    ],
)
def test_the_client_address_is_the_one_the_proxy_saw(rf, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
    assert get_client_ip_address(request) == expected


def test_behind_the_proxy_a_lockout_is_per_client(client, officer):
    def through_proxy(password: str, forwarded: str):
        data = {"username": "anna", "password": password}
        return client.post(
            reverse("accounts:login"), data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        through_proxy("fel-lösenord", "198.51.100.7")
    locked = through_proxy(PASSWORD, "198.51.100.7")
    other = through_proxy(PASSWORD, "198.51.100.8")
    assert (locked.status_code, other.status_code) == (429, 302)


def test_an_ipv6_client_trying_from_every_address_of_its_network_is_locked_out(client, officer):
    def through_proxy(password: str, forwarded: str):
        data = {"username": "anna", "password": password}
        return client.post(
            reverse("accounts:login"), data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
        )

    for host in range(settings.AXES_FAILURE_LIMIT):
        through_proxy("fel-lösenord", f"2001:db8:0:7::{host + 1:x}")
    assert through_proxy(PASSWORD, "2001:db8:0:7:ffff::1").status_code == 429
    # Another network is another client.
    assert through_proxy(PASSWORD, "2001:db8:0:8::1").status_code == 302


def test_behind_the_proxy_the_reset_limit_is_per_client(client, officer):
    url = reverse("accounts:password_reset")
    for i in range(settings.PASSWORD_RESET_MAX_PER_CLIENT):
        client.post(url, {"email": f"okand-{i}@example.org"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    client.post(url, {"email": officer.email}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert mail.outbox == []
    client.post(url, {"email": officer.email}, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert len(mail.outbox) == 1


def test_the_new_password_page_titles_its_error_summary_as_every_form_does(client, officer):
    """The view's own `title` ("Nytt lösenord") was taken for the error summary's heading."""
    client.post(reverse("accounts:password_reset"), {"email": officer.email})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "kort", "new_password2": "kort"}
    )
    page = response.content.decode()
    assert '<h2 id="error-summary-title">Det finns ett problem</h2>' in page


def test_one_password_tried_on_many_usernames_from_one_client_is_stopped(client, settings):
    """The lockout counts per username and client: one client could try a password on every
    account (a security probe). Failed sign-ins from one client over all usernames are
    limited too; another client signs in as usual."""
    settings.SIGN_IN_MAX_FAILURES_PER_CLIENT = 5
    staff_user("bo")
    for index in range(5):
        response = post_login(client, f"anvandare-{index}", "Sommar2026!")
        assert response.status_code == 200  # the form again, with its error
    refused = post_login(client, "bo", PASSWORD)
    assert refused.status_code == 429
    assert "För många misslyckade inloggningsförsök" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # Another client is not limited by this one's failures.
    other = Client()
    assert post_login(other, "bo", PASSWORD, ip="10.0.9.9").status_code == 302
    # The window's count expires with its cache entry; simulate the hour passing.
    caches["limits"].clear()
    assert post_login(client, "bo", PASSWORD).status_code == 302


def guess_from_many_clients(client, username: str, count: int) -> list:
    """Wrong passwords for `username`, each from another address (a distributed guess)."""
    return [
        post_login(client, username, f"gissning-{n}", ip=f"203.0.113.{n + 1}") for n in range(count)
    ]


def test_passwords_guessed_on_one_account_from_many_clients_are_stopped(client, officer):
    """The lockout counts per username and client, and per client: a password guessed on one
    account from a new address each time met neither (a security probe). Failed sign-ins per
    username over all clients are limited too, checked before the password is."""
    limit = settings.SIGN_IN_MAX_FAILURES_PER_USERNAME
    assert limit < settings.SIGN_IN_MAX_FAILURES_PER_CLIENT
    responses = guess_from_many_clients(client, "anna", limit)
    assert [r.status_code for r in responses] == [200] * limit
    refused = post_login(Client(), "anna", PASSWORD, ip="198.51.100.99")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "För många misslyckade inloggningsförsök" in page
    assert "försök igen om 60 minuter" in page
    assert SESSION_KEY not in client.session
    # Another account is not limited by it.
    staff_user("bo")
    assert post_login(Client(), "bo", PASSWORD, ip="198.51.100.99").status_code == 302


def test_the_limit_per_username_looks_the_same_for_an_unknown_username(client, officer):
    limit = settings.SIGN_IN_MAX_FAILURES_PER_USERNAME
    known = guess_from_many_clients(client, "anna", limit + 1)
    unknown = guess_from_many_clients(client, "okand", limit + 1)
    assert [r.status_code for r in known] == [200] * limit + [429]
    for step, (a, b) in enumerate(zip(known, unknown, strict=True)):
        assert a.status_code == b.status_code, step
        assert visible(a, "anna") == visible(b, "okand"), step


@pytest.mark.parametrize("spelling", ["\uff41\uff4e\uff4e\uff41", " anna", "anna\t", "\nanna "])
def test_a_username_the_form_reads_as_another_counts_as_that_one(client, officer, spelling):
    """The form strips blanks around the username and reads it in NFKC: "ａｎｎａ" and
    " anna" sign in as "anna", so count as it (else each spelling had a limit of its own)."""
    limit = settings.SIGN_IN_MAX_FAILURES_PER_USERNAME
    assert post_login(Client(), spelling, PASSWORD, ip="198.51.100.98").status_code == 302
    guess_from_many_clients(client, spelling, limit)
    assert post_login(Client(), "anna", PASSWORD, ip="198.51.100.99").status_code == 429


def test_after_the_window_the_user_signs_in_again(client, officer):
    guess_from_many_clients(client, "anna", settings.SIGN_IN_MAX_FAILURES_PER_USERNAME)
    assert post_login(Client(), "anna", PASSWORD, ip="198.51.100.99").status_code == 429
    with time_machine.travel(time.time() + settings.SIGN_IN_LIMIT_WINDOW.total_seconds() + 1):
        assert post_login(Client(), "anna", PASSWORD, ip="198.51.100.99").status_code == 302


def test_a_password_reset_lifts_the_limit_per_username(client, officer):
    guess_from_many_clients(client, "anna", settings.SIGN_IN_MAX_FAILURES_PER_USERNAME)
    reset_password(client, officer)
    assert post_login(client, "anna", NEW_PASSWORD).status_code == 302


def test_the_limit_per_username_comes_from_the_settings(client, officer, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_USERNAME = 2
    guess_from_many_clients(client, "anna", 2)
    assert post_login(Client(), "anna", PASSWORD, ip="198.51.100.99").status_code == 429


def test_the_lockout_per_address_counts_a_username_as_the_form_reads_it(client, officer):
    """ " anna", "anna " and "ａｎｎａ" each had a lockout of their own (django-axes counted the
    username as typed): five more guesses for each spelling from one address."""
    spellings = [" anna", "anna ", "\uff41\uff4e\uff4e\uff41", "\tanna", "anna\n"]
    assert len(spellings) == settings.AXES_FAILURE_LIMIT
    responses = [post_login(client, spelling, "fel-lösenord") for spelling in spellings]
    assert responses[-1].status_code == 429
    assert post_login(client, "anna", PASSWORD).status_code == 429
