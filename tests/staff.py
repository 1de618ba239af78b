"""Staff users for tests: memberships, and signing in with both factors."""

from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities.models import Membership

PASSWORD = "ett-långt-lösenord-för-test"


def staff_user(
    username: str,
    *,
    role: str | None = None,
    municipality=None,
    local_police_area=None,
    superuser: bool = False,
    with_device: bool = True,
):
    """A user with an optional membership and a confirmed TOTP device."""
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        first_name=username.capitalize(),
        last_name="Testsson",
        is_staff=superuser,
        is_superuser=superuser,
    )
    if role is not None:
        Membership.objects.create(
            user=user,
            role=role,
            municipality=municipality,
            local_police_area=local_police_area,
        )
    if with_device:
        TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    return user


def sign_in(client, user, *, verified: bool = True) -> None:
    """Sign `user` in on the test client; with the second factor unless `verified` is False."""
    client.force_login(user, backend="municipalities.backends.CachedModelBackend")
    if verified:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
