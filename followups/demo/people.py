"""The demo's users with their memberships, and its two local police areas."""

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models

from municipalities.models import LocalPoliceArea, Membership, Municipality, PoliceRegion, Role
from municipalities.refdata import ascii_slug

# --- Users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    """A demo account: username, its memberships (role, place) and what it is for."""

    username: str
    memberships: tuple[tuple[str, str], ...]
    role: str
    is_superuser: bool = False


DEMO_USERS = (
    DemoUser(
        "kommunpolis",
        ((Role.POLICE_OFFICER, "Lokalpolisområde Höglandet"),),
        "police officer, Höglandet (Vetlanda, Tranås …): logs activities",
    ),
    DemoUser(
        "samordnare",
        (
            (Role.COORDINATOR, "Tranås"),
            (Role.COORDINATOR, "Vetlanda"),
            (Role.COORDINATOR, "Tranemo"),
        ),
        "coordinator, Tranås, Vetlanda and Tranemo: drafts, sends for consultation, follows up",
    ),
    DemoUser(
        "granskare",
        ((Role.APPROVER, "Tranås"), (Role.APPROVER, "Vetlanda"), (Role.APPROVER, "Tranemo")),
        "approver, Tranås, Vetlanda and Tranemo: comments and approves",
    ),
    DemoUser("admin", (), "administrator: every municipality and the admin site", True),
)


def demo_password(username: str) -> str:
    """The published password of a demo account."""
    return f"demo-{username}-2026"


@dataclass(frozen=True)
class UserRow:
    """One line of the printed users table."""

    username: str
    password: str
    role: str
    created: bool


def _hash_passwords(usernames: Sequence[str]) -> dict[str, str]:
    # PBKDF2 releases the GIL, so hashing side by side halves the seed's slowest step.
    if not usernames:
        return {}
    with ThreadPoolExecutor(max_workers=len(usernames)) as pool:
        hashes = pool.map(make_password, [demo_password(name) for name in usernames])
        return dict(zip(usernames, hashes, strict=True))


def ensure_users(
    areas: dict[str, LocalPoliceArea],
) -> tuple[dict[str, models.Model], list[UserRow]]:
    """The demo users and their memberships; a password is set only when its user is created."""
    user_model = get_user_model()
    names = [demo.username for demo in DEMO_USERS]
    existing = set(user_model.objects.filter(username__in=names).values_list("username", flat=True))
    hashes = _hash_passwords([name for name in names if name not in existing])
    users, rows = {}, []
    for demo in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=demo.username,
            defaults={
                "password": hashes.get(demo.username, ""),
                "first_name": "Demo",
                "last_name": demo.username.capitalize(),
                "email": f"{demo.username}@example.org",
                "is_staff": demo.is_superuser,
                "is_superuser": demo.is_superuser,
            },
        )
        for role, place_name in demo.memberships:
            place = (
                {"local_police_area": areas[place_name]}
                if place_name in areas
                else {"municipality": Municipality.objects.get(name=place_name)}
            )
            Membership.objects.get_or_create(user=user, role=role, **place)
        users[demo.username] = user
        rows.append(UserRow(demo.username, demo_password(demo.username), demo.role, created))
    return users, rows


# --- Local police areas ----------------------------------------------------------------------

POLICE_AREAS = (
    (
        "Lokalpolisområde Höglandet",
        "Öst",
        ("Vetlanda", "Tranås", "Eksjö", "Nässjö", "Sävsjö", "Aneby"),
    ),
    (
        "Lokalpolisområde Borås",
        "Väst",
        ("Borås", "Bollebygd", "Mark", "Svenljunga", "Tranemo", "Ulricehamn"),
    ),
)


def ensure_police_areas() -> dict[str, LocalPoliceArea]:
    """The two demo local police areas with their municipalities, keyed by name."""
    areas = {}
    for name, region_name, municipality_names in POLICE_AREAS:
        area, _ = LocalPoliceArea.objects.get_or_create(
            name=name,
            defaults={
                "slug": ascii_slug(name),
                "police_region": PoliceRegion.objects.get(name=region_name),
            },
        )
        municipalities = list(Municipality.objects.filter(name__in=municipality_names))
        if len(municipalities) != len(municipality_names):
            raise LookupError(f"Reference data lack municipalities of {name}.")
        area.municipalities.add(*municipalities)
        areas[name] = area
    return areas


HOGLANDET, BORAS = (name for name, _region, _names in POLICE_AREAS)
