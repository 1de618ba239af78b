"""Property-based tests: every staff form refuses bad input with a Swedish message, writes nothing,
and never answers 5xx.

Each form gets at least 100 generated invalid inputs (hypothesis). A message counts as Swedish
when it differs from what the same request gets on the English site (/en/…): the message went
through the Swedish catalogue rather than falling back to its English source.
"""

import datetime
import itertools
import re
import uuid
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from activities.models import Activity, ActivityLog, Responsible
from municipalities.models import Role
from tests import factories
from tests.staff import PASSWORD, sign_in, staff_user

EXAMPLES = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

TODAY = timezone.localdate()
START = datetime.date(TODAY.year, 1, 1)
END = datetime.date(TODAY.year, 12, 31)

CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x1b", "\x7f", "\u202e", "\u2066", "\x9b"])
HTML = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<b>fet</b>",
        "<img src=x onerror=alert(1)>",
        "<a href='https://example.org'>länk</a>",
        "</p>",
        "<!-- kommentar -->",
        "<iframe src=//example.org>",
    ]
)
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", max_size=30)


def overlong(limit: int):
    return st.text(alphabet="abcdeåäö ", min_size=limit + 1, max_size=limit + 200).filter(
        lambda value: len(value.strip()) > limit
    )


def poisoned():
    """Text with a control character or an HTML tag somewhere in it."""
    return st.one_of(
        st.tuples(WORDS, CONTROL, WORDS).map("".join),
        st.tuples(WORDS, HTML, WORDS).map(" ".join),
    )


def bad_text(limit: int):
    return st.one_of(overlong(limit), poisoned())


def bad_dates(start: datetime.date):
    future = st.dates(
        min_value=TODAY + datetime.timedelta(days=1), max_value=datetime.date(2100, 1, 1)
    )
    before = st.dates(
        min_value=datetime.date(1900, 1, 1), max_value=start - datetime.timedelta(days=1)
    )
    malformed = st.one_of(
        st.sampled_from(
            ["2026-02-30", "2026-13-01", "31/12/2026", "0000-00-00", "i går", "", "  ", "1e5"]
        ),
        st.text(alphabet="abc-/.", min_size=1, max_size=12),
    )
    return st.one_of(future.map(str), before.map(str), malformed)


BAD_QUANTITIES = st.one_of(
    st.integers(max_value=0).map(str),
    st.integers(min_value=100_001, max_value=10**30).map(str),
    st.sampled_from(["", "1.5", "1e3", "två", "0x10", "--1", " "]),
)


def field_messages(response, field: str) -> list[str]:
    form = response.context["form"]
    return list(form.errors.get(field, []))


def rendered_messages(response, field: str) -> list[str]:
    """The field's error messages as the page shows them (in the request's language)."""
    html = response.content.decode()
    match = re.search(rf'<ul[^>]*id="id_{field}_error"[^>]*>(.*?)</ul>', html, re.S)
    if match is None:
        return []
    return [
        unescape(re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r"<li>(.*?)</li>", match.group(1), re.S)
    ]


def assert_tied_to_field(response, field: str) -> list[str]:
    """The field has errors, shown next to it, and its input points at them."""
    assert field_messages(response, field), f"no error on {field}"
    messages = rendered_messages(response, field)
    assert messages, f"{field}'s errors are not shown next to it"
    error_id = f"id_{field}_error"
    html = response.content.decode()
    assert re.search(rf'aria-describedby="[^"]*\b{error_id}\b', html), f"{field} not tied"
    return messages


def english_url(url: str) -> str:
    with translation.override("en"):
        return "/en" + url if not url.startswith("/en/") else url


def assert_swedish(client, url: str, data, swedish: list[str], field: str) -> None:
    """The same request on the English site gets different wording for the field's errors."""
    english_response = client.post(english_url(url), data)
    # The test client leaves the request's language active in this thread.
    translation.activate("sv")
    assert english_response.status_code == 200
    english = rendered_messages(english_response, field)
    assert english and english != swedish, (swedish, english)


@pytest.fixture
def world(db):
    period = factories.period("tranas", start=START, end=END)
    police_activity = factories.activity(period, responsible=Responsible.POLICE)
    open_activity = factories.activity(
        period, "Samverkansmöten", target=None, responsible=Responsible.JOINT, position=2
    )
    area = factories.local_police_area("Höglandet", municipalities=[period.municipality])
    user = staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    log = factories.log(police_activity, START, 1, reported_by=user)
    return {
        "period": period,
        "activity": police_activity,
        "open": open_activity,
        "user": user,
        "log": log,
    }


def valid_log_fields() -> dict:
    return {
        "date": min(TODAY, END).isoformat(),
        "quantity": "1",
        "place": "Storgatan",
        "summary": "Kontroll",
        "internal_note": "",
    }


LOG_FIELD_VALUES = st.one_of(
    st.tuples(st.just("date"), bad_dates(START)),
    st.tuples(st.just("quantity"), BAD_QUANTITIES),
    st.tuples(st.just("place"), bad_text(150)),
    st.tuples(st.just("summary"), bad_text(1000)),
    st.tuples(st.just("internal_note"), bad_text(2000)),
)


def _check_refused(client, url, data, field, count):
    before = count()
    response = client.post(url, data)
    assert response.status_code == 200
    messages = assert_tied_to_field(response, field)
    assert_swedish(client, url, data, messages, field)
    assert count() == before


@EXAMPLES
@given(bad=LOG_FIELD_VALUES)
def test_log_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    data = {
        **valid_log_fields(),
        "activity": world["activity"].pk,
        "idempotency_key": str(uuid.uuid4()),
        field: value,
    }
    _check_refused(client, reverse("activities:log_create"), data, field, ActivityLog.objects.count)


@EXAMPLES
@given(bad=LOG_FIELD_VALUES)
def test_log_edit_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    data = {**valid_log_fields(), field: value}
    url = reverse("activities:log_edit", args=[world["log"].pk])
    _check_refused(client, url, data, field, ActivityLog.history.count)


@EXAMPLES
@given(reason=st.one_of(bad_text(1000), st.sampled_from(["", " ", "\n\t"])))
def test_withdraw_form_refuses_bad_reason(client, world, reason):
    sign_in(client, world["user"])
    url = reverse("activities:log_withdraw", args=[world["log"].pk])
    _check_refused(client, url, {"reason": reason}, "reason", ActivityLog.history.count)
    world["log"].refresh_from_db()
    assert world["log"].withdrawn_at is None


@EXAMPLES
@given(
    bad=st.one_of(
        st.tuples(
            st.just("status"),
            st.text(max_size=20).filter(
                lambda v: v not in {"planned", "ongoing", "done", "cancelled"}
            ),
        ),
        st.tuples(st.just("status_reason"), bad_text(1000)),
        st.tuples(st.just("status_reason"), st.sampled_from(["", "  "])).map(
            lambda pair: ("cancelled-without-reason", pair[1])
        ),
    )
)
def test_status_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    data = {"status": "ongoing", "status_reason": "Pågår"}
    if field == "cancelled-without-reason":
        field = "status_reason"
        data = {"status": "cancelled", "status_reason": value}
    else:
        data[field] = value
    url = reverse("activities:activity_status", args=[world["open"].pk])
    _check_refused(client, url, data, field, Activity.history.count)


CSV_HEADER = "aktivitet_id;datum;antal;plats;sammanfattning;intern_anteckning\n"


@EXAMPLES
@given(bad=LOG_FIELD_VALUES)
def test_import_refuses_a_file_with_a_bad_row(client, world, bad):
    field, value = bad
    # In a file an empty quantity means 1, which is valid.
    assume(not (field == "quantity" and value.strip() == ""))
    sign_in(client, world["user"])
    row = {**valid_log_fields(), field: value}
    # A value with a line break or the delimiter would change the file's shape: quote it.
    cells = [
        str(world["activity"].pk),
        row["date"],
        row["quantity"],
        row["place"],
        row["summary"],
        row["internal_note"],
    ]
    line = ";".join('"' + cell.replace('"', '""') + '"' for cell in cells)
    good = f"{world['activity'].pk};{valid_log_fields()['date']};1;Torget;Kontroll;\n"
    content = (CSV_HEADER + good + line + "\n").encode("utf-8")
    before = ActivityLog.objects.count()
    response = client.post(
        reverse("activities:log_import"),
        {
            "file": SimpleUploadedFile("loggar.csv", content, content_type="text/csv"),
            "idempotency_key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 200
    assert ActivityLog.objects.count() == before
    result = response.context["result"]
    swedish = [str(error) for error in result.file_errors] + [
        error.message for error in result.row_errors if error.row == 3
    ]
    assert swedish, "the bad row is not reported"
    assert not any(error.row == 2 for error in result.row_errors), "the good row is blamed"
    english_response = client.post(
        english_url(reverse("activities:log_import")),
        {
            "file": SimpleUploadedFile("loggar.csv", content, content_type="text/csv"),
            "idempotency_key": str(uuid.uuid4()),
        },
    )
    translation.activate("sv")
    english_result = english_response.context["result"]
    english = [str(error) for error in english_result.file_errors] + [
        error.message for error in english_result.row_errors if error.row == 3
    ]
    assert english and english != swedish, (swedish, english)


@EXAMPLES
@given(
    username=st.one_of(overlong(150), poisoned(), WORDS),
    password=st.one_of(poisoned(), WORDS, overlong(200)),
)
def test_login_refuses_bad_input_the_same_way(client, world, settings, username, password):
    settings.AXES_ENABLED = False
    url = reverse("accounts:login")
    response = client.post(url, {"username": username, "password": password})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


NEW_USERS = itertools.count(1)


def wrong_codes(device):
    right = f"{TOTP(device.bin_key).token():06d}"
    return st.one_of(st.text(max_size=12), st.integers().map(str), poisoned(), st.just("")).filter(
        lambda token: token.strip() != right
    )


@EXAMPLES
@given(data=st.data())
def test_verify_refuses_wrong_codes(client, world, data):
    user = world["user"]
    token = data.draw(wrong_codes(TOTPDevice.objects.get(user=user)))
    sign_in(client, user, verified=False)
    url = reverse("accounts:verify")
    response = client.post(url, {"token": token})
    assert response.status_code == 200
    messages = assert_tied_to_field(response, "token")
    assert_swedish(client, url, {"token": token}, messages, "token")
    assert client.get(reverse("activities:staff_home")).status_code == 302


@EXAMPLES
@given(data=st.data())
def test_authenticator_setup_refuses_wrong_codes(client, world, data):
    user = staff_user(
        f"ny-polis-{next(NEW_USERS)}",
        role=Role.POLICE_OFFICER,
        municipality=world["period"].municipality,
        with_device=False,
    )
    sign_in(client, user, verified=False)
    url = reverse("accounts:otp_setup")
    assert client.get(url).status_code == 200
    token = data.draw(wrong_codes(TOTPDevice.objects.get(user=user)))
    response = client.post(url, {"token": token})
    assert response.status_code == 200
    messages = assert_tied_to_field(response, "token")
    assert_swedish(client, url, {"token": token}, messages, "token")
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@EXAMPLES
@given(
    bad=st.one_of(
        st.tuples(
            st.just("new_password2"),
            st.sampled_from(["kort", "12345678901234", "password1234", "polis"]),
        ),
        st.tuples(st.just("mismatch"), WORDS),
        st.tuples(st.just("old_password"), st.one_of(WORDS, poisoned())),
    )
)
def test_password_change_refuses_bad_input(client, world, bad):
    user = world["user"]
    sign_in(client, user)
    kind, value = bad
    new = "ett-nytt-och-långt-lösenord-2026"
    data = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    field = "new_password2"
    if kind == "new_password2":
        data["new_password1"] = data["new_password2"] = value
    elif kind == "mismatch":
        data["new_password2"] = new + value + "x"
    else:
        data["old_password"] = value + "fel"
        field = "old_password"
    before = get_user_model().objects.get(pk=user.pk).password
    response = client.post(reverse("accounts:password_change"), data)
    assert response.status_code == 200
    messages = assert_tied_to_field(response, field)
    assert_swedish(client, reverse("accounts:password_change"), data, messages, field)
    assert get_user_model().objects.get(pk=user.pk).password == before


@EXAMPLES
@given(email=st.one_of(WORDS, poisoned(), overlong(254), st.just("namn@")))
def test_password_reset_refuses_bad_addresses(client, world, email, mailoutbox):
    url = reverse("accounts:password_reset")
    response = client.post(url, {"email": email})
    assert response.status_code == 200
    messages = assert_tied_to_field(response, "email")
    assert_swedish(client, url, {"email": email}, messages, "email")
    assert mailoutbox == []
