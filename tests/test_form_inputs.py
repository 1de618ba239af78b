"""Property-based tests: every staff form and every sign-in form refuses bad input with a Swedish
message, writes nothing, and never answers 5xx.

Each form gets at least 100 generated invalid inputs (hypothesis; 50 on PostgreSQL). A message
counts as Swedish when it differs from what the same request gets on the English site (/en/…):
the message went through the Swedish catalogue rather than falling back to its English source.
Each distinct message of a form's field is compared with the English site once (a message seen
again was already shown to be Swedish), which keeps the run short.

Dates: every date field takes ISO, day-first (1/11/2026 is 1 November) and Swedish month names,
within 2000-01-01–2100-12-31 (promises/fields.py); anything else is refused with a message.
"""

import copy
import datetime
import itertools
import re
import uuid
from html import escape, unescape
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.forms import BaseFormSet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from activities.models import Activity, ActivityLog, Responsible
from activities.progress import Scope
from municipalities.models import NotificationPreference, Role
from promises.fields import MAX_DATE, MIN_DATE, parse_date
from promises.forms import latest_end
from promises.import_forms import dump_payload
from promises.lifecycle import Action
from promises.models import (
    DecisionProposal,
    Extension,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Review,
    ReviewAnswer,
    ReviewVerdict,
    Revision,
    RevisionChange,
    Signatory,
)
from tests import factories
from tests.staff import PASSWORD, People, sign_in, staff_user

# CI runs the suite on SQLite and again on PostgreSQL. SQLite gets the full 100 examples per
# form; PostgreSQL 30, enough for what only it refuses (column lengths, NUL bytes, integer
# ranges): every strategy draws such values often, and each draws them among its first few.
ON_POSTGRESQL = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
EXAMPLES = settings(
    max_examples=30 if ON_POSTGRESQL else 100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

TODAY = timezone.localdate()
START = datetime.date(TODAY.year, 1, 1)
END = datetime.date(TODAY.year, 12, 31)

CONTROL = st.sampled_from(
    ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\u202e", "\u2066", "\x9b", "\u200f", "\u061c"]
)
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


def _too_long(value: str, limit: int) -> bool:
    # Longer than `limit` also with its runs of blanks made one, as a one-line field makes them.
    return len(" ".join(value.split())) > limit


def overlong(limit: int):
    """Text longer than `limit` after stripping; long ones repeat a drawn piece (fast to draw)."""
    if limit <= 300:
        return st.text(alphabet="abcdeåäö ", min_size=limit + 1, max_size=limit + 200).filter(
            lambda value: _too_long(value, limit)
        )
    return st.builds(
        lambda piece, extra: (piece * (limit // len(piece) + 2))[: limit + 1 + extra],
        st.text(alphabet="abcdeåäö ", min_size=1, max_size=30),
        st.integers(min_value=0, max_value=200),
    ).filter(lambda value: _too_long(value, limit))


# What reads as a Swedish personal identity number: a published text must never point out a
# person (the check digit is not asked for: a made-up number points one out as well).
PERSONAL_NUMBERS = st.sampled_from(
    ["19850101-1234", "850101+1234", "811218-9876", "198112189876", "850161-1234"]
)


def poisoned():
    """Text with a control character, an HTML tag or a personal identity number in it."""
    return st.one_of(
        st.tuples(WORDS, CONTROL, WORDS).map("".join),
        st.tuples(WORDS, HTML, WORDS).map(" ".join),
        st.tuples(WORDS, PERSONAL_NUMBERS, WORDS).map(" ".join),
    )


def bad_text(limit: int):
    return st.one_of(overlong(limit), poisoned())


DAY = datetime.timedelta(days=1)
MONTH_NAMES = [
    "januari",
    "feb",
    "mars",
    "apr.",
    "maj",
    "juni",
    "Jul",
    "augusti",
    "sept.",
    "okt",
    "NOV",
    "december",
]


def write(day: datetime.date, how: str) -> str:
    """`day` written one of the ways a date field reads."""
    year = f"{day.year:04d}"
    return {
        "iso": f"{year}-{day.month:02d}-{day.day:02d}",
        "slash": f"{day.day}/{day.month}/{year}",
        "dot": f"{day.day:02d}.{day.month:02d}.{year}",
        "name": f"{day.day} {MONTH_NAMES[day.month - 1]} {year}",
    }[how]


def written(days):
    """Days from `days`, each written one of the accepted ways."""
    return st.tuples(days, st.sampled_from(["iso", "slash", "dot", "name"])).map(
        lambda pair: write(*pair)
    )


def between(low: datetime.date, high: datetime.date):
    return written(st.dates(min_value=low, max_value=high))


def accepted(value: str) -> bool:
    day = parse_date(value)
    return day is not None and MIN_DATE <= day <= MAX_DATE


def malformed_dates(*, required: bool = True):
    """No date at all, or none that a date field takes: bad format, impossible, out of bounds."""
    fixed = [
        "13/13/2026",
        "2026-02-30",
        "31/04/2026",
        "29/02/2027",
        "12/31/2026",
        "2026-13-01",
        "9999-12-31",
        "0000-01-01",
        "0001-01-01",
        "10000-01-01",
        "1/11/26",
        "26-11-01",
        "2026/11/01",
        "1 may 2026",
        "i går",
        "1e5",
        "١/١١/٢٠٢٦",
        "2026-11-01T12:00",
        "9" * 40,
    ]
    if required:
        fixed += ["", "  "]
    return st.one_of(
        st.sampled_from(fixed),
        written(st.dates(max_value=MIN_DATE - DAY)),
        written(st.dates(min_value=MAX_DATE + DAY)),
        st.text(alphabet="0123456789-/. janovmajåäö", min_size=1, max_size=14),
        st.integers(min_value=10_000).map(str),
        st.tuples(between(MIN_DATE, MAX_DATE), CONTROL).map("".join),
        poisoned(),
    ).filter(lambda value: not accepted(value) and (required or value.strip()))


def bad_dates(start: datetime.date):
    """Log dates: no date, or one in the future or before the period."""
    return st.one_of(
        malformed_dates(),
        between(TODAY + DAY, MAX_DATE),
        between(MIN_DATE, start - DAY),
    )


BAD_QUANTITIES = st.one_of(
    st.integers(max_value=0).map(str),
    st.integers(min_value=100_001, max_value=10**30).map(str),
    st.sampled_from(["", "1.5", "1e3", "två", "0x10", "--1", " "]),
)


def field_messages(response, field: str) -> list[str]:
    """The field's errors on the page's form, its revision form or its signatory rows."""
    context = response.context
    forms_ = [context.get("form"), context.get("revision_form")]
    signatories = context.get("signatories")
    if signatories is not None:
        forms_ += list(signatories.forms)
    # The import preview's rows: each promise and activity read.
    for name in ("promises", "activities"):
        rows = context.get(name)
        if isinstance(rows, BaseFormSet):
            forms_ += list(rows.forms)
    messages = []
    for form in forms_:
        if form is not None and form.is_bound:
            messages += form.errors.get(
                field.removeprefix(form.prefix + "-" if form.prefix else ""), []
            )
    return messages


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


# (page, field, messages) already shown to differ from the English site's. Numbers in a
# message count as one wording: "at most 150 characters (it has 153)" is shown once, not
# once for every length an example tries.
SHOWN_SWEDISH: set[tuple[str, str, tuple[str, ...]]] = set()


def assert_swedish(client, url: str, data, swedish: list[str], field: str) -> None:
    """The same request on the English site gets different wording for the field's errors."""
    wordings = tuple(re.sub(r"\d+", "N", message) for message in swedish)
    key = (re.sub(r"\d+", "N", urlsplit(url).path), field, wordings)
    if key in SHOWN_SWEDISH:
        return
    english_response = client.post(english_url(url), data)
    # The test client leaves the request's language active in this thread.
    translation.activate("sv")
    assert english_response.status_code == 200
    english = rendered_messages(english_response, field)
    assert english and english != swedish, (swedish, english)
    SHOWN_SWEDISH.add(key)


def build_world(people: People) -> dict:
    """A signed Tranås period with a police activity (and a log of it) and an open one."""
    period = factories.period("tranas", start=START, end=END)
    police_activity = factories.activity(period, responsible=Responsible.POLICE)
    open_activity = factories.activity(
        period, "Samverkansmöten", target=None, responsible=Responsible.JOINT, position=2
    )
    user = people.officer
    log = factories.log(police_activity, START, 1, reported_by=user)
    return {
        "period": period,
        "activity": police_activity,
        "open": open_activity,
        "user": user,
        "log": log,
    }


@pytest.fixture(scope="module")
def forms_data(module_data):
    """The world and the staff's periods, made once for the module (each test's writes are
    undone after it; the examples of one test share what they write, as they always did)."""
    with module_data():
        people = People(home="tranas", other="vetlanda")
        return build_staff(build_world(people), people)


@pytest.fixture
def world(db, forms_data):
    return copy.deepcopy(forms_data)


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
    return response


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
    data = {**valid_log_fields(), "edit_version": "1", field: value}
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


CLIENTS = itertools.count(1)


def client_ip() -> str:
    """A new client address, so that lockouts of earlier examples do not answer for this one."""
    number = next(CLIENTS)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


@EXAMPLES
@given(
    username=st.one_of(overlong(150), overlong(255), poisoned(), WORDS),
    password=st.one_of(poisoned(), WORDS, overlong(200)),
)
def test_login_refuses_bad_input_the_same_way(client, world, username, password):
    # With django-axes counting, as in production: any username, however long, is counted.
    # The failures per username are counted over all addresses: forgotten for each example,
    # as a new address forgets those per address (examples repeat their usernames).
    caches["limits"].clear()
    url = reverse("accounts:login")
    data = {"username": username, "password": password}
    response = client.post(url, data, REMOTE_ADDR=client_ip())
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors
    assert "_auth_user_id" not in client.session
    if list(errors) == ["__all__"]:
        # The one answer for every failed sign-in, in Swedish (not the English site's words).
        [message] = [str(error) for error in errors["__all__"]]
        assert escape(message) in response.content.decode()
        english = client.post(english_url(url), data, REMOTE_ADDR=client_ip())
        translation.activate("sv")
        assert escape(message) not in english.content.decode()


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
        # A weak new password is said where it was typed, not at its confirmation.
        field = "new_password1"
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


# --- the reset link's set-password form -------------------------------------------------------


@EXAMPLES
@given(
    bad=st.one_of(
        st.tuples(
            st.just("weak"),
            st.sampled_from(["kort", "12345678901234", "password1234", "polis", "polis@example"]),
        ),
        st.tuples(st.just("mismatch"), WORDS),
        st.tuples(st.just("empty"), st.just("")),
        st.tuples(st.just("control"), st.tuples(WORDS, st.just("\x00")).map("".join)),
    )
)
def test_reset_link_refuses_a_bad_new_password(client, world, bad):
    user = world["user"]
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    # The link puts its token in the session and continues at …/set-password/.
    shown = client.get(reverse("accounts:password_reset_confirm", args=[uid, token]))
    assert shown.status_code == 302
    url = shown.url
    kind, value = bad
    new = "ett-nytt-och-långt-lösenord-2026"
    data = {"new_password1": new, "new_password2": new}
    field = "new_password2"
    if kind == "weak":
        data = {"new_password1": value, "new_password2": value}
        field = "new_password1"  # said where it was typed, not at its confirmation
    elif kind == "mismatch":
        data["new_password2"] = new + value + "x"
    elif kind == "empty":
        data["new_password1"] = value
        field = "new_password1"
    else:
        data = {"new_password1": new + value, "new_password2": new + value}
        field = "new_password1"
    before = get_user_model().objects.get(pk=user.pk).password
    response = client.post(url, data)
    assert response.status_code == 200
    messages = assert_tied_to_field(response, field)
    assert_swedish(client, url, data, messages, field)
    assert get_user_model().objects.get(pk=user.pk).password == before


# --- the staff user's own settings ----------------------------------------------------------

SETTINGS_CHOICES = st.one_of(
    st.text(max_size=20),
    poisoned(),
    st.sampled_from(["", " ", "Yes", "yes ", "ja", "nej", "true", "1", "on", "off"]),
).filter(lambda value: value not in {"yes", "no"})


def preferences() -> tuple:
    return tuple(NotificationPreference.objects.values_list("user_id", "email_enabled"))


@EXAMPLES
@given(value=SETTINGS_CHOICES)
def test_user_settings_refuse_a_bad_choice(client, world, value):
    sign_in(client, world["user"])
    url = reverse("accounts:user_settings")
    _check_refused(client, url, {"email_enabled": value}, "email_enabled", preferences)


# --- the coordinator's and the approver's forms ----------------------------------------------


# Everything a staff form may write (the history tables record every change).
RECORDED = (
    PromisePeriod.history.model,
    Promise.history.model,
    Activity.history.model,
    ActivityLog.history.model,
    DecisionProposal.history.model,
    Signatory,
    PeriodTransition,
    Review,
    ReviewAnswer,
    Extension,
    Revision,
    RevisionChange,
)


def records() -> tuple[int, ...]:
    """The row counts of `RECORDED`, in one query (twelve queries before and after each of a
    few thousand examples took a sixth of this module's time)."""
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM {connection.ops.quote_name(model._meta.db_table)})"
        for model in RECORDED
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")  # noqa: S608 - the models' own table names
        return tuple(cursor.fetchone())


def refusal(response) -> str:
    """Why a form answered with its page instead of going on: its errors, or what it asks."""
    context = response.context or {}
    form = context.get("form")
    return repr(
        {
            "errors": form.errors.get_json_data() if form is not None else None,
            "repeat": context.get("repeat"),
            "template": [t.name for t in response.templates[:1]],
        }
    )


def ensure_signed_in(client, user) -> None:
    """Sign in once per test: the session outlives the examples."""
    if client.session.get("_auth_user_id") != str(user.pk):
        sign_in(client, user)


NEXT_YEAR = datetime.date(TODAY.year + 1, 1, 1)


def build_staff(world: dict, people: People) -> dict:
    """Tranås's coordinator and approver, and a period in each lifecycle state."""
    area = people.area
    coordinator = people.coordinator
    approver = people.approver

    def period(state, slug, **fields):
        made = factories.period(
            "tranas",
            start=NEXT_YEAR,
            end=datetime.date(NEXT_YEAR.year, 12, 31),
            state=state,
            slug=slug,
            local_police_area=area,
            **fields,
        )
        promise = factories.promise(made, "Öka tryggheten i centrum")
        factories.promise(made, "Färre olyckor i trafiken")
        factories.activity(made, "Trafikkontroller").promises.add(promise)
        factories.activity(made, "Trygghetsvandringar", target=None).promises.add(promise)
        return made

    consultation = period(PeriodState.CONSULTATION, "samrad", consultation_round=1)
    Review.objects.create(
        period=consultation, round=1, reviewer=approver, verdict=ReviewVerdict.APPROVE
    )
    # An approver's question, for the coordinator's answer.
    question = Review.objects.create(
        period=consultation,
        round=1,
        reviewer=approver,
        verdict=ReviewVerdict.COMMENT,
        comment="Vem leder trygghetsvandringarna?",
    )
    decided = period(
        PeriodState.DECIDED,
        "beslutad",
        consultation_round=1,
        decision_date=TODAY - 30 * DAY,
        decision_body="Kommunstyrelsen",
    )
    decided.start_date = TODAY - 20 * DAY
    decided.save()
    signed = world["period"]
    factories.promise(signed, "Öka tryggheten i centrum")
    signed.local_police_area = area
    signed.save()
    return {
        **world,
        "coordinator": coordinator,
        "approver": approver,
        "area_approver": people.area_approver,
        "area": area,
        "draft": period(PeriodState.DRAFT, "utkast"),
        "consultation": consultation,
        "question": question,
        "decided": decided,
        "signed": signed,
    }


@pytest.fixture
def staff(db, forms_data):
    return copy.deepcopy(forms_data)


PERIOD_TEXT_VALUES = st.one_of(
    st.tuples(st.just("area_name"), bad_text(100)),
    st.tuples(st.just("situation"), bad_text(10_000)),
    st.tuples(st.just("background"), bad_text(10_000)),
    st.tuples(st.just("follow_up_text"), bad_text(10_000)),
    st.tuples(st.just("contact_name"), bad_text(100)),
    st.tuples(st.just("contact_title"), bad_text(100)),
    st.tuples(st.just("contact_phone"), bad_text(40)),
    st.tuples(
        st.just("contact_email"),
        st.one_of(WORDS.filter(str.strip), poisoned(), st.just("namn@"), overlong(254)),
    ),
)
# Stands for an address the municipality already uses; each test puts in one.
TAKEN_SLUG = "<taken>"
BAD_SLUGS = st.one_of(
    st.sampled_from(["flode", "oppna-data", "tjansteutlatande", "medborgarloftet", "-2027"]),
    st.just(TAKEN_SLUG),
    st.sampled_from(["2027--2028", "år-2027", "2027_2028", "2027 2028", "a/b", "<b>"]),
    st.text(alphabet="abc-_ åäö/.", min_size=1, max_size=20).filter(
        lambda value: (
            not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value.strip().lower()) and value.strip()
        )
    ),
    overlong(60).map(lambda value: value.replace(" ", "a")),
)


def period_date_values(start: datetime.date):
    """Bad period dates: (field with the error, changes to the valid dates)."""
    return st.one_of(
        st.tuples(st.just("start_date"), malformed_dates()).map(
            lambda pair: ("start_date", {"start_date": pair[1]})
        ),
        st.tuples(st.just("end_date"), malformed_dates()).map(
            lambda pair: ("end_date", {"end_date": pair[1]})
        ),
        # Ends before, or too soon after (under 3 months), or too long after (over 5 years).
        between(MIN_DATE, start + 88 * DAY).map(lambda end: ("end_date", {"end_date": end})),
        between(latest_end(start) + DAY, MAX_DATE).map(lambda end: ("end_date", {"end_date": end})),
    )


def period_values(start: datetime.date):
    return st.one_of(
        PERIOD_TEXT_VALUES.map(lambda pair: (pair[0], {pair[0]: pair[1]})),
        BAD_SLUGS.map(lambda slug: ("slug", {"slug": slug})),
        period_date_values(start),
    )


def period_data(staff, start: datetime.date, slug: str = "") -> dict:
    return {
        "area_name": "",
        "local_police_area": str(staff["area"].pk),
        "slug": slug,
        "start_date": write(start, "iso"),
        "end_date": write(datetime.date(start.year, 12, 31), "slash"),
        "situation": "Otryggt kring resecentrum.",
        "background": "",
        "follow_up_text": "",
        "contact_name": "",
        "contact_title": "",
        "contact_phone": "",
        "contact_email": "",
    }


CREATE_START = datetime.date(TODAY.year + 2, 1, 1)


@EXAMPLES
@given(
    bad=st.one_of(
        period_values(CREATE_START),
        st.sampled_from(["0", "-1", "abc", "999999999999999999999", ""]).map(
            lambda value: ("municipality", {"municipality": value})
        ),
        st.sampled_from(["0", "abc", "999999999999999999999"]).map(
            lambda value: ("start_from", {"start_from": value})
        ),
        st.sampled_from(["0", "abc", "other"]).map(
            lambda value: ("local_police_area", {"local_police_area": value})
        ),
        st.sampled_from(["0", "both", "Police", "polisen"]).map(
            lambda value: ("parties", {"parties": value})
        ),
    )
)
def test_period_create_refuses_bad_input(client, staff, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, changes = bad
    data = {
        **period_data(staff, CREATE_START),
        "municipality": str(staff["period"].municipality_id),
        "start_from": "",
        **changes,
    }
    if data["local_police_area"] == "other":
        other = factories.municipality("vetlanda")
        data["local_police_area"] = str(factories.local_police_area(municipalities=[other]).pk)
    if field == "slug" and changes["slug"] == TAKEN_SLUG:
        data["slug"] = "utkast"
    _check_refused(client, reverse("promises:period_create"), data, field, records)


@EXAMPLES
@given(
    bad=st.one_of(
        BAD_SLUGS.map(lambda slug: ("slug", {"slug": slug})), period_date_values(CREATE_START)
    )
)
def test_period_copy_refuses_bad_input(client, staff, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, changes = bad
    data = {**period_data(staff, CREATE_START), **changes}
    data = {name: data[name] for name in ("slug", "start_date", "end_date")}
    if field == "slug" and changes["slug"] == TAKEN_SLUG:
        data["slug"] = "utkast"
    url = reverse("promises:period_copy", args=[staff["signed"].pk])
    _check_refused(client, url, data, field, records)


REVISION_VALUES = st.one_of(
    st.tuples(st.just("revision_reason"), st.one_of(bad_text(2000), st.sampled_from(["", " "]))),
    st.tuples(
        st.just("revision_kind"),
        st.text(max_size=20).filter(
            lambda value: value not in {"annual_review", "changed_situation", "correction", "other"}
        ),
    ),
)


@EXAMPLES
@given(
    signed=st.booleans(),
    bad=st.one_of(period_values(NEXT_YEAR), REVISION_VALUES.map(lambda p: (p[0], {p[0]: p[1]}))),
)
def test_period_edit_refuses_bad_input(client, staff, signed, bad):
    """A draft's facts and texts; a signed period's texts with the revision's kind and reason."""
    ensure_signed_in(client, staff["coordinator"])
    field, changes = bad
    signed_only = field.startswith("revision_")
    draft_only = field in ("slug", "start_date", "end_date", "local_police_area", "area_name")
    assume(not (signed_only and not signed) and not (draft_only and signed))
    period = staff["signed"] if signed else staff["draft"]
    period.refresh_from_db()
    data = {**period_data(staff, NEXT_YEAR, slug=period.slug), **changes}
    data["edit_version"] = str(period.edit_version)
    if signed:
        data = {
            name: value
            for name, value in data.items()
            if name not in ("slug", "start_date", "end_date", "local_police_area", "area_name")
        }
        data = {"revision_kind": "correction", "revision_reason": "Rättelse.", **data}
    if field == "slug" and changes["slug"] == TAKEN_SLUG:
        data["slug"] = "samrad"
    url = reverse("promises:period_edit", args=[period.pk])
    _check_refused(client, url, data, field, records)


def test_period_edit_ignores_fields_the_form_does_not_offer(client, staff):
    """A security probe (mass assignment): fields posted beside the form's own, naming the
    state, the municipality, a date of publishing or the id, change nothing but what the form
    offers."""
    from municipalities.models import Municipality

    ensure_signed_in(client, staff["coordinator"])
    period = staff["draft"]
    period.refresh_from_db()
    before = (period.state, period.municipality_id, period.local_police_area_id, period.pk)
    other = Municipality.objects.exclude(pk=period.municipality_id).order_by("pk").first()
    data = {
        **period_data(staff, NEXT_YEAR, slug=period.slug),
        "situation": "Ny lägesbild.",
        "edit_version": str(period.edit_version),
        "state": PeriodState.SIGNED,
        "municipality": str(other.pk),
        "municipality_id": str(other.pk),
        "published_at": "2020-01-01",
        "id": "1",
        "pk": "1",
    }
    response = client.post(reverse("promises:period_edit", args=[period.pk]), data)
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.situation == "Ny lägesbild."
    assert (period.state, period.municipality_id, period.local_police_area_id, period.pk) == before


PROMISE_VALUES = st.one_of(
    st.tuples(st.just("title"), st.one_of(bad_text(300), st.sampled_from(["", "  ", "dup"]))),
    st.tuples(st.just("description"), bad_text(5000)),
    st.tuples(
        st.just("themes"),
        # A number past bigint's range was a 500 (OverflowError on SQLite), as were "١" and "1e3".
        # More than 4,300 digits: Python refuses to read them (a 500).
        st.sampled_from(["0", "abc", "999999", "-1", "9" * 30, "9" * 5000, "\u0661", "1e3"]),
    ),
)


def promise_data(period, field: str, value, *, editing=None) -> dict:
    """A promise for `period` with `field` set to `value` ("dup": another promise's title)."""
    data = {"title": "Fler vuxna ute på kvällarna", "description": "", "themes": []}
    if period.state != PeriodState.DRAFT:
        data.update(revision_kind="correction", revision_reason="Rättelse.")
    data[field] = value
    if field == "title" and value == "dup":
        others = period.promises.exclude(pk=getattr(editing, "pk", None)).order_by("pk")
        assume(others.exists())
        data["title"] = others.first().title
    return data


@EXAMPLES
@given(signed=st.booleans(), bad=st.one_of(PROMISE_VALUES, REVISION_VALUES))
def test_promise_create_refuses_bad_input(client, staff, signed, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, value = bad
    assume(signed or not field.startswith("revision_"))
    period = staff["signed"] if signed else staff["draft"]
    url = reverse("promises:promise_create", args=[period.pk])
    _check_refused(client, url, promise_data(period, field, value), field, records)


@EXAMPLES
@given(signed=st.booleans(), bad=st.one_of(PROMISE_VALUES, REVISION_VALUES))
def test_promise_edit_refuses_bad_input(client, staff, signed, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, value = bad
    assume(signed or not field.startswith("revision_"))
    period = staff["signed"] if signed else staff["draft"]
    promise = period.promises.order_by("position", "pk").last()
    data = promise_data(period, field, value, editing=promise)
    data["edit_version"] = str(Promise.objects.get(pk=promise.pk).edit_version)
    url = reverse("promises:promise_edit", args=[promise.pk])
    _check_refused(client, url, data, field, records)


BAD_DIRECTIONS = st.one_of(
    st.text(max_size=20).filter(lambda value: value not in ("up", "down")),
    st.sampled_from(["UP", "upp", "ned", " up", "down\x00", ""]),
)


def order_of(period) -> list[tuple[int, int]]:
    return list(period.promises.order_by("pk").values_list("pk", "position")) + list(
        period.activities.order_by("pk").values_list("pk", "position")
    )


@EXAMPLES
@given(direction=BAD_DIRECTIONS, next_url=st.one_of(st.just(""), WORDS, st.just("//evil.example")))
def test_promise_move_refuses_a_bad_direction_in_swedish(client, staff, direction, next_url):
    ensure_signed_in(client, staff["coordinator"])
    period = staff["draft"]
    promise = period.promises.order_by("position").last()
    before = (order_of(period), records())
    url = reverse("promises:promise_move", args=[promise.pk])
    data = {"direction": direction, "next": next_url}
    response = client.post(url, data)
    assert response.status_code == 302
    assert urlsplit(response.url).netloc == ""
    swedish = [str(m) for m in get_messages(response.wsgi_request)]
    english_response = client.post(english_url(url), data)
    translation.activate("sv")
    english = [str(m) for m in get_messages(english_response.wsgi_request)]
    assert swedish and english and swedish != english
    assert (order_of(period), records()) == before


@EXAMPLES
@given(direction=BAD_DIRECTIONS, next_url=st.one_of(st.just(""), WORDS, st.just("//evil.example")))
def test_activity_move_refuses_a_bad_direction_in_swedish(client, staff, direction, next_url):
    ensure_signed_in(client, staff["coordinator"])
    period = staff["draft"]
    activity = period.activities.order_by("position").last()
    before = (order_of(period), records())
    url = reverse("activities:activity_move", args=[activity.pk])
    data = {"direction": direction, "next": next_url}
    response = client.post(url, data)
    assert response.status_code == 302
    assert urlsplit(response.url).netloc == ""
    swedish = [str(m) for m in get_messages(response.wsgi_request)]
    english_response = client.post(english_url(url), data)
    translation.activate("sv")
    english = [str(m) for m in get_messages(english_response.wsgi_request)]
    assert swedish and english and swedish != english
    assert (order_of(period), records()) == before


ACTIVITY_VALUES = st.one_of(
    st.tuples(st.just("title"), st.one_of(bad_text(120), st.sampled_from(["", " "]))),
    st.tuples(st.just("description"), st.one_of(bad_text(2000), st.sampled_from(["", " "]))),
    st.tuples(st.just("responsible"), st.text(max_size=15)).filter(
        lambda pair: pair[1] not in ("police", "municipality", "joint", "other", "unstated")
    ),
    st.tuples(st.just("responsible_other"), bad_text(150)),
    st.tuples(st.just("partners"), bad_text(300)),
    st.tuples(st.just("responsible_other"), st.just("")).map(lambda _: ("other-without-name", "")),
    st.tuples(
        st.just("promises"),
        st.sampled_from(["", "0", "abc", "999999", "-1", "9" * 30, "9" * 5000, "\u0661"]),
    ),
    st.tuples(st.just("target_value"), BAD_QUANTITIES),
    st.tuples(st.just("target_unit"), st.one_of(bad_text(60), st.sampled_from(["", " "]))),
    st.tuples(st.just("target_unit_singular"), bad_text(60)),
    # "exactly" is offered only to targets saved with it: new ones choose a bare count instead.
    st.tuples(
        st.just("target_comparator"), st.one_of(st.text(max_size=12), st.just("exactly"))
    ).filter(lambda pair: pair[1] not in ("at_least", "count", "at_most")),
    st.tuples(st.just("target_scope"), st.text(max_size=14)).filter(
        lambda pair: pair[1] not in Scope.values
    ),
    st.tuples(st.just("has_target"), st.text(max_size=5)).filter(
        lambda pair: pair[1] not in ("yes", "no")
    ),
)


def activity_data(period, field: str, value) -> tuple[str, dict]:
    promise = period.promises.order_by("position").first()
    data = {
        "title": "Föräldravandringar",
        "description": "Kommunen ska ordna föräldravandringar varje fredag.",
        "responsible": "joint",
        "responsible_other": "",
        "promises": [str(promise.pk)],
        "has_target": "yes",
        "target_comparator": "at_least",
        "target_value": "10",
        "target_unit": "vandringar",
        "target_scope": "period",
    }
    if field == "other-without-name":
        data["responsible"] = "other"
        field = "responsible_other"
    elif field == "responsible_other":
        data["responsible"] = "other"
        data[field] = value
    elif field == "promises":
        data["promises"] = [value] if value else []
    elif field == "target_value" and value.strip() == "":
        data["target_value"] = value
    else:
        data[field] = value
    return field, data


@EXAMPLES
@given(signed=st.booleans(), bad=st.one_of(ACTIVITY_VALUES, REVISION_VALUES))
def test_activity_create_refuses_bad_input(client, staff, signed, bad):
    ensure_signed_in(client, staff["coordinator"])
    assume(signed or not bad[0].startswith("revision_"))
    period = staff["signed"] if signed else staff["draft"]
    field, data = activity_data(period, *bad)
    if signed:
        data = {"revision_kind": "correction", "revision_reason": "Rättelse.", **data}
        if bad[0].startswith("revision_"):
            data[bad[0]] = bad[1]
    url = reverse("activities:activity_create", args=[period.pk])
    _check_refused(client, url, data, field, records)


@EXAMPLES
@given(signed=st.booleans(), bad=st.one_of(ACTIVITY_VALUES, REVISION_VALUES))
def test_activity_edit_refuses_bad_input(client, staff, signed, bad):
    ensure_signed_in(client, staff["coordinator"])
    assume(signed or not bad[0].startswith("revision_"))
    period = staff["signed"] if signed else staff["draft"]
    activity = period.activities.order_by("position", "pk").last()
    field, data = activity_data(period, *bad)
    data["edit_version"] = str(Activity.objects.get(pk=activity.pk).edit_version)
    if signed:
        data = {"revision_kind": "correction", "revision_reason": "Rättelse.", **data}
        if bad[0].startswith("revision_"):
            data[bad[0]] = bad[1]
    url = reverse("activities:activity_edit", args=[activity.pk])
    _check_refused(client, url, data, field, records)


PROPOSAL_VALUES = st.one_of(
    st.tuples(st.just("summary"), bad_text(4000)),
    st.tuples(st.just("description"), bad_text(10_000)),
    st.tuples(st.just("consulted"), bad_text(200)),
    st.tuples(st.just("consulted_on"), malformed_dates(required=False)),
    st.tuples(st.just("economy"), bad_text(4000)),
    st.tuples(st.just("basis"), bad_text(2000)),
    st.tuples(st.just("recipients"), bad_text(2000)),
    st.tuples(st.just("officials"), bad_text(2000)),
)


@EXAMPLES
@given(bad=PROPOSAL_VALUES)
def test_decision_proposal_refuses_bad_input(client, staff, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, value = bad
    period = staff["draft"]
    proposal = DecisionProposal.objects.filter(period=period).first()
    data = {
        "summary": "Förslag till beslut.",
        "description": "Ärendet.",
        "consulted": "KLG",
        "consulted_on": "5 nov 2026",
        "economy": "Inom befintlig budget.",
        "basis": "Lägesbild",
        "recipients": "Registratorn",
        "officials": "Anna Andersson, Kommundirektör",
        "edit_version": str(proposal.edit_version if proposal else 1),
        field: value,
    }
    url = reverse("promises:proposal_edit", args=[period.pk])
    _check_refused(client, url, data, field, records)


# Lifecycle steps: each form, posted to each step that uses it.

BAD_COMMENTS = bad_text(2000)
STEP_PERIODS = {
    Action.SUBMIT: ("draft", "coordinator"),
    Action.WITHDRAW: ("consultation", "coordinator"),
    # The approver approved this round already (for the decision): the area's head has not.
    Action.APPROVE: ("consultation", "area_approver"),
    Action.CLOSE: ("signed", "coordinator"),
    Action.COMMENT: ("consultation", "approver"),
    Action.RETURN: ("consultation", "approver"),
    Action.DECIDE: ("consultation", "coordinator"),
    Action.SIGN: ("decided", "coordinator"),
    Action.EXTEND: ("signed", "coordinator"),
}


def step(client, staff, action: str, data: dict, field: str):
    period_key, user_key = STEP_PERIODS[action]
    ensure_signed_in(client, staff[user_key])
    period = staff[period_key]
    state = PromisePeriod.objects.get(pk=period.pk).state
    url = reverse("promises:period_transition", args=[period.pk, action])
    _check_refused(client, url, data, field, records)
    assert PromisePeriod.objects.get(pk=period.pk).state == state


@EXAMPLES
@given(
    action=st.sampled_from([Action.SUBMIT, Action.WITHDRAW, Action.APPROVE, Action.CLOSE]),
    comment=BAD_COMMENTS,
)
def test_optional_comment_steps_refuse_a_bad_comment(client, staff, action, comment):
    step(client, staff, action, {"comment": comment}, "comment")


@EXAMPLES
@given(
    action=st.sampled_from([Action.COMMENT, Action.RETURN]),
    comment=st.one_of(BAD_COMMENTS, st.sampled_from(["", "  ", "\n\t"])),
)
def test_comment_and_return_steps_refuse_a_bad_or_missing_comment(client, staff, action, comment):
    step(client, staff, action, {"comment": comment}, "comment")


@EXAMPLES
@given(comment=st.one_of(BAD_COMMENTS, st.sampled_from(["", "  ", "\n\t"])))
def test_answer_to_a_comment_refuses_a_bad_or_missing_answer(client, staff, comment):
    ensure_signed_in(client, staff["coordinator"])
    question = staff["question"]
    url = reverse("promises:review_answer", args=[question.period_id, question.pk])
    _check_refused(client, url, {"comment": comment}, "comment", records)


DECISION_VALUES = st.one_of(
    st.tuples(st.just("decision_body"), st.one_of(bad_text(150), st.sampled_from(["", " "]))),
    st.tuples(
        st.just("decision_date"), st.one_of(malformed_dates(), between(TODAY + DAY, MAX_DATE))
    ),
    st.tuples(st.just("decision_reference"), bad_text(50)),
    st.tuples(st.just("comment"), BAD_COMMENTS),
)


def decision_data() -> dict:
    return {
        "decision_body": "Kommunstyrelsen",
        "decision_date": write(TODAY, "slash"),
        "decision_reference": "KS 2026/17",
        "comment": "",
    }


@EXAMPLES
@given(bad=DECISION_VALUES)
def test_decide_step_refuses_bad_input(client, staff, bad):
    field, value = bad
    step(client, staff, Action.DECIDE, {**decision_data(), field: value}, field)


@EXAMPLES
@given(
    bad=st.one_of(
        DECISION_VALUES,
        st.tuples(st.just("new_end_date"), malformed_dates()),
        # Not after the current end, or more than five years in all.
        st.tuples(st.just("new_end_date"), between(MIN_DATE, END)),
        st.tuples(st.just("new_end_date"), between(latest_end(START) + DAY, MAX_DATE)),
    )
)
def test_extend_step_refuses_bad_input(client, staff, bad):
    field, value = bad
    data = {**decision_data(), "new_end_date": write(END + 365 * DAY, "name"), field: value}
    step(client, staff, Action.EXTEND, data, field)
    assert PromisePeriod.objects.get(pk=staff["signed"].pk).end_date == END


SIGNATORY_ROWS = [
    ("Anna Andersson", "Kommunstyrelsens ordförande", "Tranås kommun"),
    ("Bengt Berg", "Lokalpolisområdeschef", "Lokalpolisområde Tranås"),
]


def sign_data(rows, total=None) -> dict:
    data = {
        "signed_date": write(TODAY, "iso"),
        "comment": "",
        "signatories-TOTAL_FORMS": str(len(rows)) if total is None else total,
        "signatories-INITIAL_FORMS": "2",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "6",
    }
    for i, row in enumerate(rows):
        for name, value in zip(("name", "title", "organisation"), row, strict=True):
            data[f"signatories-{i}-{name}"] = value
    return data


SIGNATORY_LIMITS = {"name": 100, "title": 150, "organisation": 150}
SIGNATORY_VALUES = st.sampled_from(list(SIGNATORY_LIMITS)).flatmap(
    lambda name: st.tuples(
        st.just(name), st.integers(min_value=0, max_value=1), bad_text(SIGNATORY_LIMITS[name])
    )
)
SIGNATORY_ERRORS = re.compile(r'<div id="signatories-errors"[^>]*>(.*?)</div>', re.S)


@EXAMPLES
@given(
    bad=st.one_of(
        st.tuples(st.just("signed_date"), malformed_dates()),
        # In the future, before the decision, or after the period ends.
        st.tuples(st.just("signed_date"), between(TODAY + DAY, MAX_DATE)),
        st.tuples(st.just("signed_date"), between(MIN_DATE, TODAY - 31 * DAY)),
        st.tuples(st.just("comment"), BAD_COMMENTS),
        st.tuples(st.just("row"), SIGNATORY_VALUES),
        st.tuples(
            st.just("half-filled"),
            st.tuples(st.integers(min_value=0, max_value=1), st.sampled_from(["name", "title"])),
        ),
        st.tuples(st.just("one-signatory"), st.integers(min_value=0, max_value=1)),
        st.tuples(
            st.just("total"),
            st.sampled_from(["", "abc", "-1", "1e3", "99999999999999999999", "\x00"]),
        ),
    )
)
def test_sign_step_refuses_bad_input(client, staff, bad):
    kind, value = bad
    rows = [list(row) for row in SIGNATORY_ROWS]
    data = sign_data(rows)
    field = kind
    if kind in ("signed_date", "comment"):
        data[kind] = value
    elif kind == "row":
        name, row, text = value
        field = f"signatories-{row}-{name}"
        data[field] = text
    elif kind == "half-filled":
        row, typed = value
        for name in SIGNATORY_LIMITS:
            data[f"signatories-{row}-{name}"] = ""
        data[f"signatories-{row}-{typed}"] = "Cecilia Ek"
        field = f"signatories-{row}-{'title' if typed == 'name' else 'name'}"
    elif kind == "one-signatory":
        data = sign_data([rows[value]])
    else:
        data = sign_data(rows, total=value)
    period_key, user_key = STEP_PERIODS[Action.SIGN]
    period = staff[period_key]
    ensure_signed_in(client, staff[user_key])
    url = reverse("promises:period_transition", args=[period.pk, Action.SIGN])
    if kind in ("one-signatory", "total"):
        # An error about the signatories as a whole, shown above their rows.
        before = records()
        response = client.post(url, data)
        assert response.status_code == 200
        swedish = SIGNATORY_ERRORS.search(response.content.decode())
        assert swedish, "the signatories' error is not shown"
        english = client.post(english_url(url), data)
        translation.activate("sv")
        english = SIGNATORY_ERRORS.search(english.content.decode())
        assert english and english.group(1) != swedish.group(1)
        assert records() == before
    else:
        _check_refused(client, url, data, field, records)
    assert PromisePeriod.objects.get(pk=period.pk).state == PeriodState.DECIDED


# Log dates written the Swedish way are read day first.

LOG_NUMBERS = itertools.count(1)


@EXAMPLES
@given(
    day=st.dates(min_value=START, max_value=min(TODAY, END)),
    how=st.sampled_from(["iso", "slash", "dot", "name"]),
)
def test_log_form_reads_any_accepted_way_of_writing_a_date(client, world, day, how):
    ensure_signed_in(client, world["user"])
    key = uuid.uuid4()
    data = {
        **valid_log_fields(),
        "activity": world["activity"].pk,
        "idempotency_key": str(key),
        "date": write(day, how),
        # Its own summary: the same log again would be asked about (ActivityLog.repeat_of).
        # Numbered, not named by the key: a key's digits may read as a personal identity
        # number ("…850101-1234…"), which a summary refuses.
        "summary": f"Kontroll nummer {next(LOG_NUMBERS)}",
    }
    response = client.post(reverse("activities:log_create"), data)
    assert response.status_code == 302, refusal(response)
    assert ActivityLog.objects.get(idempotency_key=key).date == day


# -- Registering a past promise ---------------------------------------------------------------

REGISTRATION_START = datetime.date(TODAY.year - 10, 1, 1)


def registration_data(staff) -> dict:
    """A valid registration of a closed Tranås document, with one signatory (a title only)."""
    return {
        "municipality": str(staff["period"].municipality_id),
        "area_name": "",
        "local_police_area": "",
        "parties": "joint",
        "start_date": write(REGISTRATION_START, "iso"),
        "end_date": write(datetime.date(REGISTRATION_START.year, 12, 31), "slash"),
        "slug": "",
        "decision_body": "Kommunstyrelsen",
        "decision_date": "",
        "decision_reference": "",
        "signed_date": "",
        "source_url": "https://polisen.se/medborgarloften/tranas/",
        "signatories-TOTAL_FORMS": "2",
        "signatories-INITIAL_FORMS": "0",
        "signatories-0-name": "",
        "signatories-0-title": "Kommunstyrelsens ordförande",
        "signatories-0-organisation": "Tranås kommun",
        "signatories-1-name": "",
        "signatories-1-title": "",
        "signatories-1-organisation": "",
    }


def optional_dates():
    """A date the document may leave out, given badly: malformed or in the future."""
    return st.one_of(malformed_dates(required=False), between(TODAY + DAY, MAX_DATE))


REGISTRATION_VALUES = st.one_of(
    st.sampled_from(["0", "-1", "abc", "999999999999999999999", ""]).map(
        lambda value: ("municipality", {"municipality": value})
    ),
    st.tuples(st.just("area_name"), bad_text(100)).map(lambda p: (p[0], {p[0]: p[1]})),
    malformed_dates().map(lambda value: ("start_date", {"start_date": value})),
    malformed_dates().map(lambda value: ("end_date", {"end_date": value})),
    between(MIN_DATE, REGISTRATION_START).map(lambda end: ("end_date", {"end_date": end})),
    optional_dates().map(lambda value: ("decision_date", {"decision_date": value})),
    optional_dates().map(lambda value: ("signed_date", {"signed_date": value})),
    st.tuples(st.just("decision_body"), bad_text(150)).map(lambda p: (p[0], {p[0]: p[1]})),
    st.tuples(st.just("decision_reference"), bad_text(50)).map(lambda p: (p[0], {p[0]: p[1]})),
    BAD_SLUGS.filter(lambda slug: slug != TAKEN_SLUG).map(lambda slug: ("slug", {"slug": slug})),
    st.sampled_from(
        ["inte en adress", "javascript:alert(1)", "http://", "ftp//polisen", "https://a b.se/"]
    ).map(lambda value: ("source_url", {"source_url": value})),
    st.just(("source_file", {"source_url": ""})),
    st.tuples(st.just("signatories-0-name"), bad_text(100)).map(lambda p: (p[0], {p[0]: p[1]})),
    st.tuples(st.just("signatories-0-title"), bad_text(150)).map(lambda p: (p[0], {p[0]: p[1]})),
    st.tuples(st.just("signatories-0-organisation"), st.one_of(bad_text(150), st.just(""))).map(
        lambda p: (p[0], {p[0]: p[1]})
    ),
    st.just(("signatories-1-name", {"signatories-1-organisation": "Polisen"})),
)


@EXAMPLES
@given(bad=REGISTRATION_VALUES)
def test_period_register_refuses_bad_input(client, staff, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, changes = bad
    data = {**registration_data(staff), **changes}
    _check_refused(client, reverse("promises:period_register"), data, field, records)


# -- Importing a document: the file or pasted text, then the corrected reading ------------------

JUNK_FILES = st.one_of(
    # Not text: a NUL byte somewhere, or nothing at all.
    st.tuples(st.binary(max_size=200), st.binary(max_size=200)).map(
        lambda pair: ("loften.txt", pair[0] + b"\x00" + pair[1])
    ),
    st.just(("loften.txt", b"")),
    # A damaged Word file or PDF, or junk with their names.
    st.binary(max_size=300).map(lambda junk: ("loften.docx", junk)),
    st.binary(max_size=300).map(lambda junk: ("loften.docx", b"PK\x03\x04" + junk)),
    st.binary(max_size=300).map(lambda junk: ("loften.pdf", junk)),
    st.binary(max_size=300).map(lambda junk: ("loften.pdf", b"%PDF-1.7\n" + junk)),
    # A kind of file that is not read.
    st.tuples(
        st.sampled_from(["doc", "odt", "rtf", "exe", "html", "", "txt.exe"]), st.binary()
    ).map(lambda pair: (f"loften.{pair[0]}".rstrip("."), pair[1])),
)


@EXAMPLES
@given(junk=JUNK_FILES)
def test_period_import_refuses_bad_files(client, staff, junk):
    ensure_signed_in(client, staff["coordinator"])
    name, content = junk
    url = reverse("promises:period_import")

    def data() -> dict:
        upload = SimpleUploadedFile(name, content)
        municipality = str(staff["period"].municipality_id)
        return {"municipality": municipality, "kind": "draft", "file": upload, "text": ""}

    before = records()
    response = client.post(url, data())
    assert response.status_code == 200
    swedish = assert_tied_to_field(response, "file")
    assert records() == before
    key = ("import", name.rsplit(".", 1)[-1], tuple(swedish))
    if key not in SHOWN_SWEDISH:
        english_response = client.post(english_url(url), data())
        translation.activate("sv")
        english = rendered_messages(english_response, "file")
        assert english and english != swedish, (swedish, english)
        SHOWN_SWEDISH.add(key)


IMPORT_TEXT = "Polisen ska genomföra minst tio trafikkontroller under året."


def import_confirm_data(staff) -> dict:
    """A valid confirmation of a one-activity reading, as a draft in Tranås."""
    rows = {"TOTAL_FORMS": "1", "INITIAL_FORMS": "1", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "99"}
    return {
        "document_payload": dump_payload(IMPORT_TEXT, staff["coordinator"].pk),
        "kind": "draft",
        "period-municipality": str(staff["period"].municipality_id),
        "period-area_name": "",
        "period-local_police_area": str(staff["area"].pk),
        "period-parties": "joint",
        "period-validity": "dates",
        "period-slug": "",
        "period-start_date": write(CREATE_START, "iso"),
        "period-end_date": write(datetime.date(CREATE_START.year, 12, 31), "name"),
        **{f"promises-{key}": value for key, value in rows.items()},
        "promises-0-text": "Färre olyckor i trafiken",
        **{f"activities-{key}": value for key, value in rows.items()},
        "activities-0-title": "Trafikkontroller",
        "activities-0-text": IMPORT_TEXT,
        "activities-0-responsible": "police",
        "activities-0-responsible_other": "",
        "activities-0-partners": "",
        "activities-0-target_comparator": "at_least",
        "activities-0-target_value": "10",
        "activities-0-target_unit": "trafikkontroller",
        "activities-0-target_unit_singular": "",
        "activities-0-target_scope": "year",
    }


def _changed(field: str):
    return lambda value: (field, {field: value})


IMPORT_VALUES = st.one_of(
    period_date_values(CREATE_START).map(
        lambda pair: (f"period-{pair[0]}", {f"period-{k}": v for k, v in pair[1].items()})
    ),
    BAD_SLUGS.map(lambda slug: ("period-slug", {"period-slug": slug})),
    st.sampled_from(["0", "-1", "abc", ""]).map(_changed("period-municipality")),
    st.sampled_from(["0", "both", "Polisen"]).map(_changed("period-parties")),
    st.one_of(bad_text(300), st.sampled_from([" ", "\n"])).map(_changed("promises-0-text")),
    st.one_of(bad_text(120), st.just(" ")).map(_changed("activities-0-title")),
    st.one_of(bad_text(2000), st.just("")).map(_changed("activities-0-text")),
    st.sampled_from(["", "polisen", "both", "0"]).map(_changed("activities-0-responsible")),
    bad_text(150).map(_changed("activities-0-responsible_other")),
    bad_text(300).map(_changed("activities-0-partners")),
    st.sampled_from(["minst", "more", "0"]).map(_changed("activities-0-target_comparator")),
    BAD_QUANTITIES.map(_changed("activities-0-target_value")),
    st.one_of(bad_text(60), st.just("")).map(_changed("activities-0-target_unit")),
    bad_text(60).map(_changed("activities-0-target_unit_singular")),
    st.sampled_from(["", "år", "average", "0"]).map(_changed("activities-0-target_scope")),
    st.just(("activities-0-responsible_other", {"activities-0-responsible": "other"})),
)


@EXAMPLES
@given(bad=IMPORT_VALUES)
def test_period_import_confirm_refuses_bad_input(client, staff, bad):
    ensure_signed_in(client, staff["coordinator"])
    field, changes = bad
    data = {**import_confirm_data(staff), **changes}
    if data.get("period-slug") == TAKEN_SLUG:
        data["period-slug"] = "utkast"
    _check_refused(client, reverse("promises:period_import_confirm"), data, field, records)


def test_a_one_line_text_field_holds_no_line_break_whatever_is_posted():
    from promises.forms import PlainTextField

    one_line = PlainTextField(max_length=100)
    assert one_line.clean("Centrum\r\nBcc: annan@example.org") == "Centrum Bcc: annan@example.org"
    several = PlainTextField(max_length=100, rows=3)
    assert several.clean("Rad ett\r\nRad två") == "Rad ett\nRad två"
