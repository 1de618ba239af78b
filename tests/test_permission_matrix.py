"""Every staff URL × every kind of visitor × GET and POST: outcome, and refusals write nothing.

The matrix must name every URL pattern under /personal/: adding a staff page without entries
here fails `test_every_staff_url_pattern_is_in_the_matrix`.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities.models import Activity, ActivityLog, Responsible
from municipalities.models import Membership, Role
from promises.models import Promise, PromisePeriod
from tests import factories
from tests.staff import PASSWORD, sign_in, staff_user

TODAY = datetime.date.today()
START = datetime.date(TODAY.year, 1, 1)
END = datetime.date(TODAY.year, 12, 31)

# Sign-in, code, set-up and password-reset pages are for visitors who are not (fully) signed in;
# tests/municipalities/test_accounts.py covers them.
SIGN_IN_FLOW = {
    "accounts:login",
    "accounts:verify",
    "accounts:otp_setup",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}

ACTORS = ("anonymous", "unverified", "police", "coordinator", "approver", "admin", "other")

# Outcomes: "login" and "verify" are redirects there; "ok" is 200 on GET and a redirect after a
# write on POST; "form" is 200 with the form re-shown and nothing written; numbers are statuses.
LOGIN, VERIFY, OK, FORM = "login", "verify", "ok", "form"
REFUSED_ANON = {"anonymous": (LOGIN, LOGIN), "unverified": (VERIFY, VERIFY)}


def _outcomes(**by_actor):
    return {**REFUSED_ANON, **by_actor}


READ_ONLY_SCOPED = _outcomes(
    police=(OK, 405),
    coordinator=(OK, 405),
    approver=(OK, 405),
    admin=(OK, 405),
    other=(404, 405),
)
LOG_WRITE = _outcomes(
    police=(OK, OK),
    coordinator=(403, 403),
    approver=(403, 403),
    admin=(OK, OK),
    other=(404, 404),
)

MATRIX = {
    "activities:staff_home": _outcomes(
        police=(OK, 405),
        coordinator=(OK, 405),
        approver=(OK, 405),
        admin=(OK, 405),
        other=(OK, 405),
    ),
    "activities:log_create": _outcomes(
        police=(OK, OK),
        coordinator=(OK, FORM),
        approver=(403, 403),
        admin=(OK, OK),
        other=(OK, FORM),
    ),
    "activities:log_edit": LOG_WRITE,
    "activities:log_withdraw": LOG_WRITE,
    "activities:staff_activity": READ_ONLY_SCOPED,
    "activities:activity_status": _outcomes(
        police=(403, 403),
        coordinator=(OK, OK),
        approver=(403, 403),
        admin=(OK, OK),
        other=(404, 404),
    ),
    "activities:staff_period": READ_ONLY_SCOPED,
    "activities:history": READ_ONLY_SCOPED,
    "activities:log_import": _outcomes(
        police=(OK, OK),
        coordinator=(OK, FORM),
        approver=(403, 403),
        admin=(OK, OK),
        other=(OK, FORM),
    ),
    "accounts:password_change": _outcomes(
        police=(OK, OK),
        coordinator=(OK, OK),
        approver=(OK, OK),
        admin=(OK, OK),
        other=(OK, OK),
    ),
    "accounts:password_change_done": _outcomes(
        police=(OK, 405),
        coordinator=(OK, 405),
        approver=(OK, 405),
        admin=(OK, 405),
        other=(OK, 405),
    ),
}


def _staff_url_names() -> set[str]:
    """Namespaced names of every URL pattern whose path starts with personal/."""
    names = set()

    def walk(patterns, prefix: str, namespace: str) -> None:
        for entry in patterns:
            # The language prefix ("en/" under English) is not part of the page's path.
            is_language = isinstance(entry.pattern, LocalePrefixPattern)
            route = prefix + ("" if is_language else str(entry.pattern))
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, route, inner)
            elif isinstance(entry, URLPattern) and route.lstrip("^").startswith("personal/"):
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns, "", "")
    return names


def test_every_staff_url_pattern_is_in_the_matrix():
    names = _staff_url_names()
    assert "activities:log_create" in names
    assert names == set(MATRIX) | SIGN_IN_FLOW


@dataclass
class World:
    users: dict
    period: PromisePeriod
    police_activity: Activity
    municipal_activity: Activity
    police_log: ActivityLog


@pytest.fixture
def world(db) -> World:
    period = factories.period("tranas", start=START, end=END)
    promise = factories.promise(period)
    police_activity = factories.activity(period, "Trafikkontroller", responsible=Responsible.POLICE)
    municipal_activity = factories.activity(
        period,
        "Trygghetsvandringar",
        target=None,
        responsible=Responsible.MUNICIPALITY,
        position=2,
    )
    police_activity.promises.add(promise)
    hoglandet = factories.local_police_area("Höglandet", municipalities=[period.municipality])
    vetlanda_area = factories.local_police_area(
        "Vetlanda", municipalities=[factories.municipality("vetlanda")]
    )
    users = {
        "unverified": staff_user(
            "ofullstandig", role=Role.POLICE_OFFICER, local_police_area=hoglandet
        ),
        "police": staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=hoglandet),
        "coordinator": staff_user(
            "samordnare", role=Role.COORDINATOR, municipality=period.municipality
        ),
        "approver": staff_user("granskare", role=Role.APPROVER, municipality=period.municipality),
        "admin": staff_user("admin", superuser=True),
        "other": staff_user("annan", role=Role.POLICE_OFFICER, local_police_area=vetlanda_area),
    }
    police_log = factories.log(
        police_activity, START, 2, place="Storgatan", reported_by=users["police"]
    )
    return World(users, period, police_activity, municipal_activity, police_log)


def _request(name: str, world: World, actor: str) -> tuple[str, dict]:
    """The URL and a valid POST body for `name`, aimed at Tranås objects."""
    day = min(TODAY, END).isoformat()
    log_fields = {
        "date": day,
        "quantity": 3,
        "place": "Torget",
        "summary": "Kontroll vid torget.",
        "internal_note": "",
    }
    if name == "activities:staff_home":
        return reverse(name), {}
    if name == "activities:log_create":
        url = reverse(name) + f"?aktivitet={world.police_activity.pk}"
        body = {
            **log_fields,
            "activity": world.police_activity.pk,
            "idempotency_key": "6f1c7c1e-4f7e-4a7e-9a55-3f1f0f1d2a10",
        }
        return url, body
    if name == "activities:log_edit":
        return reverse(name, args=[world.police_log.pk]), log_fields
    if name == "activities:log_withdraw":
        return reverse(name, args=[world.police_log.pk]), {"reason": "Dubbelregistrerad."}
    if name == "activities:staff_activity":
        return reverse(name, args=[world.police_activity.pk]), {}
    if name == "activities:activity_status":
        url = reverse(name, args=[world.municipal_activity.pk])
        return url, {"status": "ongoing", "status_reason": "Första vandringen är bokad."}
    if name == "activities:staff_period":
        return reverse(name, args=[world.period.pk]), {}
    if name == "activities:history":
        return reverse(name, args=["aktivitet", world.police_activity.pk]), {}
    if name == "activities:log_import":
        csv = (
            "aktivitet_id;datum;antal;plats;sammanfattning;intern_anteckning\n"
            f"{world.police_activity.pk};{day};2;Torget;Kontroll;\n"
        ).encode()
        upload = SimpleUploadedFile("loggar.csv", csv, content_type="text/csv")
        return reverse(name), {
            "file": upload,
            "idempotency_key": "0b8e7f0e-8a3c-4a61-8f7e-1d2c3b4a5f60",
        }
    if name == "accounts:password_change":
        new = "ett-nytt-och-långt-lösenord-2026"
        return reverse(name), {
            "old_password": PASSWORD,
            "new_password1": new,
            "new_password2": new,
        }
    if name == "accounts:password_change_done":
        return reverse(name), {}
    raise AssertionError(f"No request for {name}")


def _snapshot() -> tuple:
    """Everything a staff request could write."""
    user_model = get_user_model()
    return (
        ActivityLog.objects.count(),
        ActivityLog.history.count(),
        Activity.history.count(),
        Promise.history.count(),
        PromisePeriod.history.count(),
        Membership.objects.count(),
        TOTPDevice.objects.count(),
        tuple(user_model.objects.order_by("pk").values_list("password", flat=True)),
    )


CASES = [(name, actor, method) for name in MATRIX for actor in ACTORS for method in ("GET", "POST")]


@pytest.mark.parametrize(("name", "actor", "method"), CASES)
def test_staff_url_outcome(client, world, name, actor, method):
    if actor == "unverified":
        sign_in(client, world.users[actor], verified=False)
    elif actor != "anonymous":
        sign_in(client, world.users[actor])
    url, body = _request(name, world, actor)
    expected = MATRIX[name][actor][0 if method == "GET" else 1]
    before = _snapshot()

    response = client.get(url) if method == "GET" else client.post(url, body)

    after = _snapshot()
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    elif expected == VERIFY:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:verify"))
    elif expected == FORM:
        assert response.status_code == 200
        assert response.context["form"].errors or response.context.get("result")
    elif expected == OK and method == "GET":
        assert response.status_code == 200
    elif expected == OK:
        assert response.status_code == 302, getattr(response, "context", None) and [
            form.errors for form in [response.context.get("form")] if form
        ]
        assert after != before, "an allowed POST must write"
        return
    else:
        assert response.status_code == expected
    assert after == before, "a refused request wrote something"


def test_a_user_without_a_role_lands_on_an_explanation_not_an_error(client, world):
    user = staff_user("ny")
    sign_in(client, user)

    response = client.get(reverse("activities:staff_home"))

    assert response.status_code == 200
    assert response.context["no_role"] is True
    assert world.police_activity.title not in response.content.decode()
