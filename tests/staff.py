"""Staff users for tests: memberships, and signing in with both factors."""

from functools import cached_property
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities.models import Membership, Role
from tests import factories

PASSWORD = "ett-långt-lösenord-för-test"
BACKEND = "municipalities.backends.CachedModelBackend"


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
    """Sign `user` in on the test client; with the second factor unless `verified` is False.

    The session holds what `django.contrib.auth.login` and django-otp's `login` put there,
    written in one save (the test client's `force_login` also updates `last_login` and saves
    the session twice: a third of a quick test's time, and no test reads `last_login`).
    """
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if verified:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME].update(
        {"path": "/", "domain": settings.SESSION_COOKIE_DOMAIN}
    )


class People:
    """The named staff users of a test, one per role, each made the first time it is used.

    `home` is the municipality the tests work in, `other` a second one whose staff must not
    reach `home`'s periods. Users that a test never names are not made, so counts of users,
    memberships and devices only see the ones the test uses.

    officer             kommunpolis of `home`, through the local police area `area`
    colleague           another kommunpolis of `home` (a membership of the municipality)
    coordinator         `home`'s coordinator ("Samordnare Testsson")
    approver            `home`'s approver ("Granskare Testsson")
    admin               an administrator (superuser)
    other_officer       kommunpolis of `other`, through `other_area`
    other_coordinator   `other`'s coordinator
    other_approver      `other`'s approver
    area_approver       an approver for `area` (the local police area's head)
    no_role             a staff user without any role
    inactive_coordinator `home`'s coordinator whose account is deactivated
    """

    def __init__(self, home: str = "vetlanda", other: str = "tranas"):
        self._home_slug = home
        self._other_slug = other

    def made(self, *names: str) -> "People":
        """These users made now, in this order (before the test's other data)."""
        for name in names:
            getattr(self, name)
        return self

    @cached_property
    def home(self):
        return factories.municipality(self._home_slug)

    @cached_property
    def other(self):
        return factories.municipality(self._other_slug)

    @cached_property
    def area(self):
        """The local police area covering `home` (named as the demo's Höglandet)."""
        return factories.local_police_area("Lokalpolisområde Höglandet", [self.home])

    @cached_property
    def other_area(self):
        return factories.local_police_area(f"Lokalpolisområde {self.other.name}", [self.other])

    @cached_property
    def officer(self):
        return staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=self.area)

    @cached_property
    def colleague(self):
        return staff_user("kollega", role=Role.POLICE_OFFICER, municipality=self.home)

    @cached_property
    def coordinator(self):
        return staff_user("samordnare", role=Role.COORDINATOR, municipality=self.home)

    @cached_property
    def approver(self):
        return staff_user("granskare", role=Role.APPROVER, municipality=self.home)

    @cached_property
    def admin(self):
        return staff_user("admin", superuser=True)

    @cached_property
    def other_officer(self):
        return staff_user("annanpolis", role=Role.POLICE_OFFICER, local_police_area=self.other_area)

    @cached_property
    def other_coordinator(self):
        return staff_user("annansamordnare", role=Role.COORDINATOR, municipality=self.other)

    @cached_property
    def other_approver(self):
        return staff_user("annangranskare", role=Role.APPROVER, municipality=self.other)

    @cached_property
    def area_approver(self):
        return staff_user("lpochef", role=Role.APPROVER, local_police_area=self.area)

    @cached_property
    def no_role(self):
        return staff_user("utan")

    @cached_property
    def inactive_coordinator(self):
        user = staff_user("slutat", role=Role.COORDINATOR, municipality=self.home)
        user.is_active = False
        user.save(update_fields=["is_active"])
        return user
