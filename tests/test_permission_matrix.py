"""Every staff URL × every kind of visitor × GET and POST: outcome, and refusals write nothing.

The matrix must name every URL pattern under /personal/: adding a staff page without entries
here fails `test_every_staff_url_pattern_is_in_the_matrix`.
"""

import copy
import datetime
import io
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities import services as activity_services
from activities.models import Activity, ActivityLog, Responsible
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
    Report,
    ReportKind,
    SignedOriginal,
)
from municipalities.models import Membership, NotificationPreference, Role
from promises.import_forms import dump_payload
from promises.models import (
    DecisionProposal,
    Direction,
    OutcomeIndicator,
    OutcomeMeasurement,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Review,
    ReviewAnswer,
    ReviewVerdict,
    Revision,
)
from tests import factories
from tests.staff import PASSWORD, People, sign_in, staff_user

TODAY = timezone.localdate()
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

ACTORS = (
    "anonymous",
    "unverified",
    "police",
    "colleague",
    "coordinator",
    "approver",
    "admin",
    "other",
    "other_coordinator",
)

# Outcomes: "login" and "verify" are redirects there; "ok" is 200 on GET and a redirect after a
# write on POST; "form" is 200 with the form re-shown and nothing written; numbers are statuses.
LOGIN, VERIFY, OK, FORM = "login", "verify", "ok", "form"
REFUSED_ANON = {"anonymous": (LOGIN, LOGIN), "unverified": (VERIFY, VERIFY)}


def _outcomes(**by_actor):
    # Unless said otherwise, another municipality's coordinator fares like its kommunpolis, and
    # another kommunpolis of the same municipality (the colleague) like the first one.
    by_actor.setdefault("other_coordinator", by_actor["other"])
    by_actor.setdefault("colleague", by_actor["police"])
    return {**REFUSED_ANON, **by_actor}


READ_ONLY_SCOPED = _outcomes(
    police=(OK, 405),
    coordinator=(OK, 405),
    approver=(OK, 405),
    admin=(OK, 405),
    other=(404, 405),
)
# The log is the police officer's own. A colleague of the same municipality sees it but may not
# change it (403); the municipality's coordinator and administrators may, to correct it.
LOG_WRITE = _outcomes(
    police=(OK, OK),
    colleague=(403, 403),
    coordinator=(OK, OK),
    approver=(403, 403),
    admin=(OK, OK),
    other=(404, 404),
)

# Editor pages: only the municipality's coordinators (and administrators); the permission check
# refuses other roles (403) before the scope hides other municipalities' periods (404).
COORDINATOR_WRITE = _outcomes(
    police=(403, 403),
    coordinator=(OK, OK),
    approver=(403, 403),
    admin=(OK, OK),
    other=(403, 403),
    other_coordinator=(404, 404),
)
COORDINATOR_POST_ONLY = _outcomes(
    police=(405, 403),
    coordinator=(405, OK),
    approver=(405, 403),
    admin=(405, OK),
    other=(405, 403),
    other_coordinator=(405, 404),
)

# A download for coordinators (the archive package): read only, POST refused by method.
COORDINATOR_DOWNLOAD = _outcomes(
    police=(403, 405),
    coordinator=(OK, 405),
    approver=(403, 405),
    admin=(OK, 405),
    other=(403, 405),
    other_coordinator=(404, 405),
)

# Follow-up meetings: the municipality's kommunpoliser and coordinators (and administrators);
# approvers read them only (403); other municipalities' staff get 404 from the scope.
FOLLOWUP_WRITE = _outcomes(
    police=(OK, OK),
    coordinator=(OK, OK),
    approver=(403, 403),
    admin=(OK, OK),
    other=(404, 404),
)

MATRIX = {
    "followups:archive_package": COORDINATOR_DOWNLOAD,
    "followups:meeting_list": READ_ONLY_SCOPED,
    "followups:meeting_detail": READ_ONLY_SCOPED,
    "followups:meeting_plan": FOLLOWUP_WRITE,
    "followups:meeting_record_new": FOLLOWUP_WRITE,
    "followups:meeting_record": FOLLOWUP_WRITE,
    "followups:meeting_cancel": FOLLOWUP_WRITE,
    "followups:meeting_withdraw": FOLLOWUP_WRITE,
    "followups:meeting_correct": FOLLOWUP_WRITE,
    # Reports: everyone with a role reads them; the coordinator (and administrators) draft,
    # edit, publish and correct them.
    "followups:report_list": READ_ONLY_SCOPED,
    "followups:report_detail": READ_ONLY_SCOPED,
    "followups:report_create": COORDINATOR_WRITE,
    "followups:report_edit": COORDINATOR_WRITE,
    "followups:report_publish": COORDINATOR_WRITE,
    "followups:report_correct": COORDINATOR_WRITE,
    "followups:report_discard": COORDINATOR_WRITE,
    # Outcome indicators: everyone with a role reads them; the coordinator (and administrators)
    # define them and enter, import and withdraw measurements.
    "followups:indicator_list": READ_ONLY_SCOPED,
    "followups:indicator_create": COORDINATOR_WRITE,
    "followups:indicator_edit": COORDINATOR_WRITE,
    "followups:measurement_create": COORDINATOR_WRITE,
    "followups:measurement_import": COORDINATOR_WRITE,
    "followups:measurement_withdraw": COORDINATOR_WRITE,
    "activities:staff_home": _outcomes(
        police=(OK, 405),
        coordinator=(OK, 405),
        approver=(OK, 405),
        admin=(OK, 405),
        other=(OK, 405),
    ),
    # The list of logs: every role, each seeing its own municipalities' logs (see the test of
    # the list's scope).
    "activities:log_list": _outcomes(
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
    "activities:log_restore": LOG_WRITE,
    "activities:staff_activity": READ_ONLY_SCOPED,
    "activities:activity_status": _outcomes(
        police=(403, 403),
        coordinator=(OK, OK),
        approver=(403, 403),
        admin=(OK, OK),
        other=(404, 404),
    ),
    "promises:staff_period": READ_ONLY_SCOPED,
    "promises:staff_period_source": READ_ONLY_SCOPED,
    "promises:history": READ_ONLY_SCOPED,
    "activities:log_import": _outcomes(
        police=(OK, OK),
        coordinator=(OK, FORM),
        approver=(403, 403),
        admin=(OK, OK),
        other=(OK, FORM),
    ),
    # The coordinator's editor; the period and its promises and activities are a draft.
    "promises:period_create": _outcomes(
        police=(403, 403),
        coordinator=(OK, OK),
        approver=(403, 403),
        admin=(OK, OK),
        other=(403, 403),
        other_coordinator=(OK, FORM),
    ),
    "promises:period_copy": COORDINATOR_WRITE,
    # Confirming a copied text that names a year or a date: the draft's coordinator.
    "promises:copy_review_confirm": COORDINATOR_POST_ONLY,
    # Registering a past promise: its facts (a new draft), then finishing it.
    "promises:period_register": _outcomes(
        police=(403, 403),
        coordinator=(OK, OK),
        approver=(403, 403),
        admin=(OK, OK),
        other=(403, 403),
        other_coordinator=(OK, FORM),
    ),
    "promises:period_register_finish": COORDINATOR_WRITE,
    "promises:period_register_facts": COORDINATOR_WRITE,
    # Importing a document: reading it writes nothing (the preview is the form's result); the
    # confirmation writes the draft. Another municipality's coordinator may not name Tranås.
    "promises:period_import": _outcomes(
        police=(403, 403),
        coordinator=(OK, FORM),
        approver=(403, 403),
        admin=(OK, FORM),
        other=(403, 403),
        other_coordinator=(OK, FORM),
    ),
    "promises:period_import_confirm": _outcomes(
        police=(405, 403),
        coordinator=(405, OK),
        approver=(405, 403),
        admin=(405, OK),
        other=(405, 403),
        other_coordinator=(405, FORM),
    ),
    "promises:period_edit": COORDINATOR_WRITE,
    "promises:promise_create": COORDINATOR_WRITE,
    "promises:promise_edit": COORDINATOR_WRITE,
    "promises:promise_move": COORDINATOR_POST_ONLY,
    "promises:promise_delete": COORDINATOR_WRITE,
    "promises:period_delete": COORDINATOR_WRITE,
    "activities:activity_create": COORDINATOR_WRITE,
    "activities:activity_edit": COORDINATOR_WRITE,
    "activities:activity_move": COORDINATOR_POST_ONLY,
    "activities:activity_delete": COORDINATOR_WRITE,
    "promises:proposal_edit": COORDINATOR_WRITE,
    # Sending the draft for consultation: the coordinator's step. Police lack the permission
    # (403); an approver of the municipality sees the period but may not take the step (403).
    "promises:period_transition": _outcomes(
        police=(403, 403),
        coordinator=(OK, OK),
        approver=(403, 403),
        admin=(OK, OK),
        other=(403, 403),
        other_coordinator=(404, 404),
    ),
    # Answering an approver's comment in consultation: the coordinator's, as the steps are.
    "promises:review_answer": _outcomes(
        police=(403, 403),
        coordinator=(OK, OK),
        approver=(403, 403),
        admin=(OK, OK),
        other=(403, 403),
        other_coordinator=(404, 404),
    ),
    "promises:staff_document": READ_ONLY_SCOPED,
    "promises:staff_document_pdf": READ_ONLY_SCOPED,
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
    # The user's own settings: any staff user signed in with both factors, for themselves.
    "accounts:user_settings": _outcomes(
        police=(OK, OK),
        coordinator=(OK, OK),
        approver=(OK, OK),
        admin=(OK, OK),
        other=(OK, OK),
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
    draft: PromisePeriod
    draft_promise: Promise
    spare_promise: Promise
    draft_activity: Activity
    planned_meeting: FollowUpMeeting
    held_meeting: FollowUpMeeting
    indicator: OutcomeIndicator
    measurement: OutcomeMeasurement


def build_world() -> World:
    """Tranås's periods and staff (tests/staff.py's People), and a user without the code step."""
    people = People(home="tranas", other="vetlanda")
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
    users = {
        "unverified": staff_user(
            "ofullstandig", role=Role.POLICE_OFFICER, local_police_area=people.area
        ),
        "police": people.officer,
        "colleague": people.colleague,
        "coordinator": people.coordinator,
        "approver": people.approver,
        "admin": people.admin,
        "other": people.other_officer,
        "other_coordinator": people.other_coordinator,
    }
    police_log = factories.log(
        police_activity, START, 2, place="Storgatan", reported_by=users["police"]
    )
    draft = factories.period(
        "tranas",
        start=datetime.date(TODAY.year + 1, 1, 1),
        end=datetime.date(TODAY.year + 1, 12, 31),
        state=PeriodState.DRAFT,
        slug=f"{TODAY.year + 1}",
        # Sent for consultation only with its local police area chosen (`lifecycle`).
        local_police_area=factories.local_police_area(
            "Lokalpolisområde Höglandet", [factories.municipality("tranas")]
        ),
    )
    draft_promise = factories.promise(draft, "Öka tryggheten på torget")
    spare_promise = factories.promise(draft, "Färre olyckor på Storgatan")
    draft_activity = factories.activity(draft, "Trygghetsvandringar")
    draft_activity.promises.add(draft_promise)
    planned_meeting = FollowUpMeeting.objects.create(
        period=period, kind=MeetingKind.MONTHLY, date=END, status=MeetingStatus.PLANNED
    )
    held_meeting = FollowUpMeeting.objects.create(
        period=period,
        kind=MeetingKind.TERTIAL,
        date=START,
        status=MeetingStatus.HELD,
        public_summary="Genomgång av läget.",
    )
    indicator = OutcomeIndicator.objects.create(
        promise=promise,
        name="Andel som känner sig trygga i centrum",
        unit="%",
        source="Polisens trygghetsmätning",
        direction=Direction.HIGHER,
    )
    measurement = OutcomeMeasurement.objects.create(
        indicator=indicator, date=START - datetime.timedelta(days=30), value=62
    )
    return World(
        users,
        period,
        police_activity,
        municipal_activity,
        police_log,
        draft,
        draft_promise,
        spare_promise,
        draft_activity,
        planned_meeting,
        held_meeting,
        indicator,
        measurement,
    )


@pytest.fixture(scope="module")
def matrix_world(module_data) -> World:
    """The world made once for the module's some 500 tests (each test's writes are undone)."""
    with module_data():
        return build_world()


@pytest.fixture
def world(db, matrix_world) -> World:
    return copy.deepcopy(matrix_world)


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
    if name in ("activities:staff_home", "activities:log_list"):
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
        version = ActivityLog.objects.get(pk=world.police_log.pk).edit_version
        return reverse(name, args=[world.police_log.pk]), {**log_fields, "edit_version": version}
    if name == "activities:log_withdraw":
        return reverse(name, args=[world.police_log.pk]), {"reason": "Dubbelregistrerad."}
    if name == "activities:log_restore":
        # Withdrawn by mistake first: restoring it writes.
        activity_services.withdraw_log(world.police_log, None, "Återkallad av misstag.")
        return reverse(name, args=[world.police_log.pk]), {}
    if name == "activities:staff_activity":
        return reverse(name, args=[world.police_activity.pk]), {}
    if name == "activities:activity_status":
        url = reverse(name, args=[world.municipal_activity.pk])
        return url, {"status": "ongoing", "status_reason": "Första vandringen är bokad."}
    if name == "promises:staff_period":
        return reverse(name, args=[world.period.pk]), {}
    if name == "promises:staff_period_source":
        # The document a past promise is being registered from, uploaded.
        registering = factories.period(
            "tranas",
            start=datetime.date(2019, 1, 1),
            end=datetime.date(2019, 12, 31),
            state=PeriodState.DRAFT,
            slug="registreras",
        )
        registering.source_file.save("beslut.txt", io.BytesIO(b"Beslut"), save=True)
        return reverse(name, args=[registering.pk]), {}
    if name == "promises:history":
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
    followup = _followup_request(name, world)
    if followup is not None:
        return followup
    report = _report_request(name, world)
    if report is not None:
        return report
    editor = _editor_request(name, world, actor)
    if editor is not None:
        return editor
    if name == "accounts:password_change":
        new = "ett-nytt-och-långt-lösenord-2026"
        return reverse(name), {
            "old_password": PASSWORD,
            "new_password1": new,
            "new_password2": new,
        }
    if name == "accounts:password_change_done":
        return reverse(name), {}
    if name == "accounts:user_settings":
        return reverse(name), {"email_enabled": "no"}
    raise AssertionError(f"No request for {name}")


def _followup_request(name: str, world: World) -> tuple[str, dict] | None:
    """The URL and a valid POST body for the follow-up meeting pages."""
    day = min(TODAY, END)
    if name in ("followups:meeting_list", "followups:archive_package"):
        return reverse(name, args=[world.period.pk]), {}
    if name == "followups:meeting_detail":
        return reverse(name, args=[world.held_meeting.pk]), {}
    if name == "followups:meeting_plan":
        return reverse(name, args=[world.period.pk]), {
            "kind": "monthly",
            "date": END.isoformat(),
            "time": "13:30",
            "forum": "Trygg och säker kommun",
        }
    record = {
        "kind": "monthly",
        "date": day.isoformat(),
        "time": "",
        "forum": "Trygg och säker kommun",
        "participants": "Polisen, kommunens trygghetssamordnare",
        "public_summary": "Genomgång av läget i centrum.",
        "decisions": "",
        "internal_minutes": "",
        **{f"promise-{p.pk}-rating": "on_track" for p in world.period.promises.all()},
        **{f"promise-{p.pk}-comment": "" for p in world.period.promises.all()},
    }
    if name == "followups:meeting_record_new":
        return reverse(name, args=[world.period.pk]), record
    if name == "followups:meeting_record":
        return reverse(name, args=[world.planned_meeting.pk]), record
    if name == "followups:meeting_cancel":
        return reverse(name, args=[world.planned_meeting.pk]), {"reason": "Flyttat till maj."}
    if name == "followups:meeting_withdraw":
        return reverse(name, args=[world.held_meeting.pk]), {"reason": "Fel period."}
    if name == "followups:meeting_correct":
        version = str(world.held_meeting.edit_version)
        body = {**record, "edit_version": version, "correction_reason": "Fel datum angavs."}
        return reverse(name, args=[world.held_meeting.pk]), body
    return _outcome_request(name, world)


def _outcome_request(name: str, world: World) -> tuple[str, dict] | None:
    """The URL and a valid POST body for the outcome indicator pages."""
    day = min(TODAY, END).isoformat()
    if name == "followups:indicator_list":
        return reverse(name, args=[world.period.pk]), {}
    indicator = {
        "promise": world.indicator.promise_id,
        "name": "Andel som känner sig trygga på torget",
        "unit": "%",
        "source": "Polisens trygghetsmätning",
        "description": "",
        "direction": "higher",
        "baseline_value": "",
        "baseline_date": "",
    }
    if name == "followups:indicator_create":
        return reverse(name, args=[world.period.pk]), indicator
    if name == "followups:indicator_edit":
        return reverse(name, args=[world.indicator.pk]), indicator
    if name == "followups:measurement_create":
        return reverse(name, args=[world.indicator.pk]), {
            "date": day,
            "value": "71,5",
            "source_note": "Trygghetsmätningen",
            "idempotency_key": "5a0e3c55-6d3b-4c1e-9f43-0c6a2d8f7b11",
        }
    if name == "followups:measurement_import":
        upload = SimpleUploadedFile(
            "matningar.csv", f"datum;varde\n{day};71,5\n".encode(), content_type="text/csv"
        )
        return reverse(name, args=[world.indicator.pk]), {
            "file": upload,
            "idempotency_key": "7d2b9a40-1c5e-4f0a-8e6b-2a9c3f1d5e22",
        }
    if name == "followups:measurement_withdraw":
        return reverse(name, args=[world.measurement.pk]), {"reason": "Fel mätning."}
    return None


def _reports(world: World) -> tuple[Report, Report]:
    """A draft and a published report of the period, made when a report page is first asked for
    (in the test's own transaction)."""
    if not hasattr(world, "reports"):
        fields = {"period": world.period, "kind": ReportKind.TERTIAL, "covers_from": START}
        world.reports = (
            Report.objects.create(**fields, title="Utkast", body="Text.", covers_to=START),
            Report.objects.create(
                **fields, title="Publicerad", body="Text.", covers_to=START, published_on=START
            ),
        )
    return world.reports


def _report_request(name: str, world: World) -> tuple[str, dict] | None:
    """The URL and a valid POST body for the report pages."""
    if not name.startswith("followups:report_"):
        return None
    draft, published = _reports(world)
    texts = {"title": "Tertialredovisning", "body": "Så här har arbetet gått."}
    if name in ("followups:report_list", "followups:report_create"):
        span = {"covers_from": START.isoformat(), "covers_to": min(TODAY, END).isoformat()}
        return reverse(name, args=[world.period.pk]), {"kind": "tertial", **span}
    if name == "followups:report_detail":
        return reverse(name, args=[published.pk]), {}
    # The version the form showed: the draft as saved now.
    version = {"edit_version": str(Report.objects.get(pk=draft.pk).edit_version)}
    if name == "followups:report_edit":
        return reverse(name, args=[draft.pk]), {**texts, **version}
    if name == "followups:report_publish":
        return reverse(name, args=[draft.pk]), version
    if name == "followups:report_discard":
        return reverse(name, args=[draft.pk]), {}
    # The published figures kept, should the figures counted now differ.
    fields = {**texts, "reason": "En siffra var fel.", "figures": "keep"}
    return reverse(name, args=[published.pk]), fields


def _period_fields(slug: str, start: datetime.date, end: datetime.date) -> dict:
    return {
        "area_name": "",
        "local_police_area": "",
        "slug": slug,
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "situation": "Otrygghet kring torget kvällstid.",
        "background": "",
        "follow_up_text": "",
        "contact_name": "",
        "contact_title": "",
        "contact_phone": "",
        "contact_email": "",
    }


def _editor_request(name: str, world: World, actor: str) -> tuple[str, dict] | None:
    """The URL and a valid POST body for the editor, lifecycle and document pages."""
    draft = world.draft
    year = TODAY.year
    if name == "promises:period_create":
        body = _period_fields(
            f"{year + 3}", datetime.date(year + 3, 1, 1), datetime.date(year + 3, 12, 31)
        )
        return reverse(name), {**body, "municipality": draft.municipality_id, "start_from": ""}
    if name == "promises:period_register":
        start, end = datetime.date(year - 8, 1, 1), datetime.date(year - 8, 12, 31)
        return reverse(name), {
            "municipality": draft.municipality_id,
            "area_name": "",
            "local_police_area": "",
            "parties": "joint",
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "slug": "",
            "decision_body": "",
            "decision_date": "",
            "decision_reference": "",
            "signed_date": "",
            "source_url": "https://polisen.se/medborgarloften/tranas/",
            "signatories-TOTAL_FORMS": "0",
            "signatories-INITIAL_FORMS": "0",
        }
    if name in ("promises:period_import", "promises:period_import_confirm"):
        user = world.users.get(actor)
        return _import_request(name, draft.municipality_id, user.pk if user else None)
    if name in ("promises:period_register_finish", "promises:period_register_facts"):
        registering = factories.period(
            "tranas",
            start=datetime.date(year - 6, 1, 1),
            end=datetime.date(year - 6, 12, 31),
            state=PeriodState.DRAFT,
            source_url="https://polisen.se/medborgarloften/tranas/",
        )
        factories.promise(registering, "Öka tryggheten i centrum")
        if name == "promises:period_register_facts":
            return reverse(name, args=[registering.pk]), {
                "edit_version": str(registering.edit_version),
                "decision_body": "Kommunstyrelsen",
                "signatories-TOTAL_FORMS": "0",
                "signatories-INITIAL_FORMS": "0",
            }
        return reverse(name, args=[registering.pk]), {"comment": ""}
    if name == "promises:period_copy":
        return reverse(name, args=[world.period.pk]), {
            "slug": f"{year + 4}",
            "start_date": datetime.date(year + 4, 1, 1).isoformat(),
            "end_date": datetime.date(year + 4, 12, 31).isoformat(),
        }
    if name == "promises:copy_review_confirm":
        mark = {"kind": "period", "pk": draft.pk, "field": "situation", "text": draft.situation}
        PromisePeriod.objects.filter(pk=draft.pk).update(review_marks=[mark])
        return reverse(name, args=[draft.pk]), {"key": f"period-{draft.pk}-situation"}
    if name == "promises:period_edit":
        body = _period_fields(draft.slug, draft.start_date, draft.end_date)
        return reverse(name, args=[draft.pk]), {**body, "edit_version": draft.edit_version}
    promise_fields = {"title": "Ett tryggare centrum", "description": "", "themes": []}
    if name == "promises:promise_create":
        return reverse(name, args=[draft.pk]), promise_fields
    if name == "promises:promise_edit":
        return reverse(name, args=[world.draft_promise.pk]), {
            **promise_fields,
            "edit_version": world.draft_promise.edit_version,
        }
    if name == "promises:promise_move":
        return reverse(name, args=[world.draft_promise.pk]), {"direction": "down"}
    if name == "promises:promise_delete":
        return reverse(name, args=[world.spare_promise.pk]), {}
    if name == "promises:period_delete":
        return reverse(name, args=[draft.pk]), {}
    activity_fields = {
        "title": "Trafikkontroller",
        "description": "Polisen ska genomföra minst tio trafikkontroller.",
        "responsible": "police",
        "responsible_other": "",
        "promises": [world.draft_promise.pk],
        "has_target": "yes",
        "target_comparator": "at_least",
        "target_value": "10",
        "target_unit": "trafikkontroller",
        "target_scope": "period",
    }
    if name == "activities:activity_create":
        # The new-activity form carries the version it starts from, as every editor form does.
        return reverse(name, args=[draft.pk]), {**activity_fields, "edit_version": 1}
    if name == "activities:activity_edit":
        return reverse(name, args=[world.draft_activity.pk]), {
            **activity_fields,
            "edit_version": world.draft_activity.edit_version,
        }
    if name == "activities:activity_move":
        # The draft's only activity moves nowhere, but the request is allowed and answered.
        second = factories.activity(draft, "Cykelkontroller")
        return reverse(name, args=[second.pk]), {"direction": "up"}
    if name == "activities:activity_delete":
        return reverse(name, args=[world.draft_activity.pk]), {}
    if name == "promises:proposal_edit":
        return reverse(name, args=[draft.pk]), {
            "summary": "Polisen och kommunen formulerar medborgarlöften.",
            "description": "Samverkan är en nödvändighet.",
            "consulted": "kommunledningsgruppen, KLG",
            "consulted_on": "",
            "economy": "Finansiering sker inom befintlig ram.",
            "basis": "Tjänsteutlåtande",
            "recipients": "Diariet",
            "officials": "Pär Thudéen, Kommundirektör",
            "edit_version": 1,
        }
    if name == "promises:period_transition":
        return reverse(name, args=[draft.pk, "skicka-pa-samrad"]), {"comment": "Till KLG."}
    if name == "promises:review_answer":
        # A period in consultation with its approver's question.
        consulted = factories.period(
            "tranas",
            start=datetime.date(year + 2, 1, 1),
            end=datetime.date(year + 2, 12, 31),
            state=PeriodState.CONSULTATION,
            slug=f"{year + 2}",
            consultation_round=1,
        )
        comment = Review.objects.create(
            period=consulted,
            round=1,
            reviewer=world.users["approver"],
            verdict=ReviewVerdict.COMMENT,
            comment="Vem leder trygghetsvandringarna?",
        )
        url = reverse(name, args=[consulted.pk, comment.pk])
        return url, {"comment": "Fritidsgården, med föreningarna."}
    if name in ("promises:staff_document", "promises:staff_document_pdf"):
        return reverse(name, args=[draft.pk, "medborgarloftet"]), {}
    return None


def _import_request(name: str, municipality_id: int, user_id: int | None) -> tuple[str, dict]:
    """Reading a pasted document into Tranås, or confirming what was read as a draft (the
    payload signed for the user who posts it)."""
    text = "Polisen ska genomföra minst tio trafikkontroller under året."
    if name == "promises:period_import":
        return reverse(name), {"municipality": municipality_id, "kind": "draft", "text": text}
    year = TODAY.year + 5
    rows = {"TOTAL_FORMS": "1", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "99"}
    return reverse(name), {
        "document_payload": dump_payload(text, user_id),
        "kind": "draft",
        "period-municipality": municipality_id,
        "period-parties": "joint",
        "period-validity": "dates",
        "period-start_date": datetime.date(year, 1, 1).isoformat(),
        "period-end_date": datetime.date(year, 12, 31).isoformat(),
        **{f"promises-{key}": value for key, value in rows.items()},
        "promises-0-text": "",
        **{f"activities-{key}": value for key, value in rows.items()},
        "activities-0-title": "Trafikkontroller",
        "activities-0-text": text,
        "activities-0-responsible": "police",
        "activities-0-target_comparator": "at_least",
        "activities-0-target_value": "10",
        "activities-0-target_unit": "trafikkontroller",
        "activities-0-target_scope": "year",
    }


# The tables a staff request could add rows to (`X.history.model`: X's historical records).
COUNTED = (
    ActivityLog,
    ActivityLog.history.model,
    FollowUpMeeting.history.model,
    OutcomeIndicator.history.model,
    OutcomeMeasurement.history.model,
    Assessment,
    ActivityVerdict,
    Report.history.model,
    SignedOriginal,
    Activity.history.model,
    Promise.history.model,
    PromisePeriod.history.model,
    PeriodTransition,
    Review,
    ReviewAnswer,
    Revision,
    DecisionProposal.history.model,
    Membership,
    TOTPDevice,
)


def _counts(models) -> tuple[int, ...]:
    """The row count of each model's table (its default manager's rows), in a single query."""
    selects, params = [], []
    for number, model in enumerate(models):
        query = model._default_manager.order_by().values("pk").query
        sql, sql_params = query.sql_with_params()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted_{number})")
        params.extend(sql_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return tuple(cursor.fetchone())


def _snapshot() -> tuple:
    """Everything a staff request could write."""
    user_model = get_user_model()
    return (
        _counts(COUNTED),
        tuple(Promise.objects.order_by("pk").values_list("position", flat=True)),
        tuple(Activity.objects.order_by("pk").values_list("position", flat=True)),
        tuple(NotificationPreference.objects.values_list("user_id", "email_enabled")),
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
