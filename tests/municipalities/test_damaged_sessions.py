"""A session whose sign-in data no sign-in wrote (a stale backend, a damaged value) signs
nobody in: the staff page asks for sign-in, the public page answers, never a server error."""

from importlib import import_module

import pytest
from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
from django_otp import DEVICE_ID_SESSION_KEY

from municipalities.models import Role
from tests import factories
from tests.staff import BACKEND, staff_user

pytestmark = pytest.mark.django_db

LOCKOUT_BACKEND = settings.AUTHENTICATION_BACKENDS[0]


def _session(client, **values) -> None:
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    for key, value in values.items():
        session[key] = value
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key


def test_the_lockout_backend_is_first_and_signs_nobody_in():
    # First: it refuses a locked-out sign-in before the password is tried.
    lockout = load_backend(LOCKOUT_BACKEND)
    assert isinstance(lockout, AxesStandaloneBackend)
    assert lockout.get_user(1) is None


@pytest.mark.parametrize(
    "damage",
    [
        {BACKEND_SESSION_KEY: LOCKOUT_BACKEND},
        {BACKEND_SESSION_KEY: "django.contrib.auth.backends.RemoteUserBackend"},
        {SESSION_KEY: "inte-ett-nummer"},
        {SESSION_KEY: "99999999"},
        {HASH_SESSION_KEY: "fel"},
        {DEVICE_ID_SESSION_KEY: "otp_totp.totpdevice/inte-ett-nummer"},
        {DEVICE_ID_SESSION_KEY: "ingen.enhet/1"},
    ],
    ids=["lockout", "unlisted", "id-text", "id-unknown", "hash", "device-id", "device-model"],
)
def test_a_damaged_sign_in_signs_nobody_in(client, damage):
    officer = staff_user("polis", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    values = {
        SESSION_KEY: str(officer.pk),
        BACKEND_SESSION_KEY: BACKEND,
        HASH_SESSION_KEY: officer.get_session_auth_hash(),
        DEVICE_ID_SESSION_KEY: officer.totpdevice_set.get().persistent_id,
        **damage,
    }
    _session(client, **values)

    staff = client.get("/personal/")
    assert staff.status_code == 302
    assert staff["Location"].startswith("/personal/logga-in/")
    assert client.get("/om/").status_code == 200
