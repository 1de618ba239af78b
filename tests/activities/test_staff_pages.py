"""Staff pages: start page, activity, period, status; who gets in, and constant query counts."""

import datetime
import functools
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from activities.models import Activity, ActivityStatus, Responsible
from activities.progress import PaceStatus
from activities.staff_home import _period_overview
from municipalities.models import Municipality, Role
from promises.models import PeriodState, PromisePeriod
from tests import factories
from tests.staff import sign_in, staff_user

DAY = datetime.timedelta(days=1)


@dataclass
class World:
    """A Vetlanda period in force with a police, a municipal and a status activity, and staff."""

    period: PromisePeriod
    police: Activity
    municipal: Activity
    status: Activity
    officer: object
    coordinator: object
    approver: object
    stranger: object


def current_period(municipality_slug: str = "vetlanda", **fields) -> PromisePeriod:
    """A period that started 200 days ago and ends in 500 days (signed unless told)."""
    today = timezone.localdate()
    return factories.period(
        municipality_slug, start=today - 200 * DAY, end=today + 500 * DAY, **fields
    )


def make_world() -> World:
    vetlanda = factories.municipality("vetlanda")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [vetlanda])
    tranas_area = factories.local_police_area(
        "Lokalpolisområde Tranås", [factories.municipality("tranas")]
    )
    period = current_period()
    promise = factories.promise(period)
    police = factories.activity(period, "Trafikkontroller")
    police.promises.add(promise)
    municipal = factories.activity(
        period,
        "Trygghetsvandringar",
        responsible=Responsible.MUNICIPALITY,
        target=("at_least", 4, "trygghetsvandringar", "period"),
    )
    status = factories.activity(
        period, "Medborgardialog", target=None, responsible=Responsible.JOINT
    )
    return World(
        period=period,
        police=police,
        municipal=municipal,
        status=status,
        officer=staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area),
        coordinator=staff_user("samordnare", role=Role.COORDINATOR, municipality=vetlanda),
        approver=staff_user("granskare", role=Role.APPROVER, municipality=vetlanda),
        stranger=staff_user("grannpolis", role=Role.POLICE_OFFICER, local_police_area=tranas_area),
    )


@pytest.fixture
def world(db) -> World:
    return make_world()


def url(name: str, *args) -> str:
    # The period hub and the history pages are the promises app's.
    app = "promises" if name in ("staff_period", "history") else "activities"
    return reverse(f"{app}:{name}", args=args)


# --- every page renders for an allowed user ---------------------------------------------------


@pytest.mark.django_db
def test_every_staff_page_renders_for_a_kommunpolis_of_the_police_area(client, world):
    log = factories.log(world.police, timezone.localdate(), reported_by=world.officer)
    sign_in(client, world.officer)
    pages = [
        url("staff_home"),
        url("log_create"),
        url("log_edit", log.pk),
        url("log_withdraw", log.pk),
        url("staff_activity", world.police.pk),
        url("activity_status", world.status.pk),
        url("staff_period", world.period.pk),
        url("history", "period", world.period.pk),
        url("history", "lofte", world.police.promises.get().pk),
        url("history", "aktivitet", world.police.pk),
        url("history", "logg", log.pk),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert response.content.decode().count("<h1") == 1, page


@pytest.mark.django_db
def test_staff_pages_send_anonymous_visitors_to_sign_in(client, world):
    response = client.get(url("staff_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_staff_pages_ask_for_the_second_factor(client, world):
    sign_in(client, world.officer, verified=False)

    response = client.get(url("staff_activity", world.police.pk))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


# --- start page -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_start_page_lists_behind_schedule_first_then_not_started(client, world):
    today = timezone.localdate()
    # 200 of 700 days passed: 15 × 201/701 ≈ 4.3 expected, so 1 done is behind, 20 is done;
    # one a month with nothing done is not started (less than one due before the month ends).
    behind = factories.activity(world.period, "Efter plan")
    factories.log(behind, today, 1)
    done = factories.activity(world.period, "Klar")
    factories.log(done, today, 20)
    factories.activity(world.period, "Månadsvis", target=("at_least", 1, "kontroller", "month"))
    sign_in(client, world.officer)

    response = client.get(url("staff_home"))

    rows = response.context["activities"]
    titles = [activity.title for activity, _progress in rows]
    statuses = [progress.status for _activity, progress in rows]
    behind = statuses.count(PaceStatus.BEHIND)
    assert statuses[:behind] == [PaceStatus.BEHIND] * behind
    # Nothing of 4.3 done is behind too.
    assert {"Efter plan", "Trafikkontroller"} <= set(titles[:behind])
    assert titles[behind] == "Månadsvis" and statuses[behind] == PaceStatus.NOT_STARTED
    assert titles.index("Klar") > titles.index("Månadsvis")
    assert titles[-1] == "Medborgardialog"  # no target: last
    page = response.content.decode()
    assert page.index("Trafikkontroller") < page.index("Månadsvis") < page.index("Klar")


@pytest.mark.django_db
def test_start_page_offers_logging_only_for_activities_the_role_logs(client, world):
    sign_in(client, world.officer)

    page = client.get(url("staff_home")).content.decode()

    assert f"?aktivitet={world.police.pk}" in page
    assert f"?aktivitet={world.status.pk}" in page  # joint
    assert f"?aktivitet={world.municipal.pk}" not in page
    assert url("log_create") in page  # the quick button


@pytest.mark.django_db
def test_start_page_lists_periods_in_every_state_with_public_link_only_when_published(
    client, world
):
    draft = current_period(state=PeriodState.DRAFT, slug="utkast")
    factories.activity(draft, "Utkastaktivitet")
    sign_in(client, world.officer)

    response = client.get(url("staff_home"))

    assert {p.pk for p in response.context["periods"]} == {world.period.pk, draft.pk}
    page = response.content.decode()
    assert url("staff_period", draft.pk) in page
    assert world.period.get_absolute_url() in page
    assert draft.get_absolute_url() not in page
    assert f"· {PeriodState.DRAFT.label}<" in page
    # Only periods in force list their activities.
    assert "Utkastaktivitet" not in page
    # A link near the top leads to the list, which ends the page (many screens down on a phone).
    jump = '<a href="#periods-heading">Dina medborgarlöften (2)</a>'
    first, activities = page.index(jump), page.index('id="activities-heading"')
    assert first < activities < page.index('id="periods-heading"')


@pytest.mark.django_db
def test_start_page_shows_the_ten_latest_logs_in_scope_with_withdrawn_marked(client, world):
    today = timezone.localdate()
    for day in range(12):
        factories.log(world.police, today - day * DAY, reported_by=world.officer)
    withdrawn = factories.log(
        world.police,
        today,
        withdrawn_at=timezone.now(),
        withdrawal_reason="Dubbelloggad",
        reported_by=world.officer,
    )
    elsewhere = factories.activity(current_period("tranas"), "Tranåskontroller")
    factories.log(elsewhere, today, place="Tranås torg")
    sign_in(client, world.officer)

    response = client.get(url("staff_home"))

    logs = response.context["recent_logs"]
    assert len(logs) == 10
    assert logs[0] == withdrawn
    page = response.content.decode()
    assert "log-withdrawn" in page and gettext("Withdrawn") in page
    assert "Tranåskontroller" not in page
    assert url("log_edit", logs[1].pk) in page
    # Ordered by when they were logged, which each line says beside the day it was done.
    logged = date_format(timezone.localtime(withdrawn.created_at), "j b Y H:i")
    assert f"loggad {logged}" in page
    assert "Senast loggade först" in page


@pytest.mark.django_db
def test_start_page_of_several_periods_says_first_how_each_stands(client, world):
    """An area's chief and an officer of several municipalities saw one long list of
    activities, the municipalities mixed, and had to count for each by hand."""
    today = timezone.localdate()
    eksjo = factories.municipality("eksjo")
    world.officer.memberships.get().local_police_area.municipalities.add(eksjo)
    other = current_period("eksjo")
    for title, quantity in (("Klar i Eksjö", 20), ("Också klar", 30)):
        factories.log(factories.activity(other, title), today, quantity)
    factories.activity(other, "Samtal", target=None)
    sign_in(client, world.officer)

    response = client.get(url("staff_home"))

    lines = {line.period.municipality.slug: line for line in response.context["overview"]}
    # Vetlanda: the police's Trafikkontroller (nothing of 4.3 done) and the walks (0 of 4 due
    # 1.1) are behind; its dialogue has no target.
    assert lines["vetlanda"].words == "2 efter plan, 1 utan mål" and lines["vetlanda"].behind
    assert lines["eksjo"].words == "2 klara, 1 utan mål" and not lines["eksjo"].behind
    page = response.content.decode()
    assert "Läget i medborgarlöftena som gäller nu" in page
    eksjo_line, vetlanda_line = (
        f"{line.period.place_name} {line.period.period_label}</a>: {line.words}"
        for line in (lines["eksjo"], lines["vetlanda"])
    )
    assert (
        page.index(eksjo_line) < page.index(vetlanda_line) < page.index('id="activities-heading"')
    )
    # With one period too: its line answers "how far behind?" before the list (a kommunpolis).
    world.officer.memberships.get().local_police_area.municipalities.remove(eksjo)
    overview = client.get(url("staff_home")).context["overview"]
    assert [line.words for line in overview] == ["2 efter plan, 1 utan mål"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status, attention",
    [
        (PaceStatus.NOT_STARTED, False),  # nothing due yet: a month's first days
        (PaceStatus.ON_TRACK, False),
        (PaceStatus.BEHIND, True),
        (PaceStatus.NOT_ACHIEVED, True),
    ],
)
def test_only_what_is_behind_or_missed_needs_attention(world, status, attention):
    """An area's chief saw "Behöver uppmärksamhet" on 6 December for "0 av 2" of a monthly
    target, which the about page calls too early to be behind."""
    [line] = _period_overview([world.police], {world.police.pk: status})
    assert line.behind is attention


@pytest.mark.django_db
def test_the_overview_counts_a_pace_not_judged_apart_from_no_target(client, world):
    """A promise registered in its twelfth month: its year's "1 of 15" is not "behind" (the
    first months were not followed up in the portal), nor an activity without a target."""
    eksjo = factories.municipality("eksjo")
    world.officer.memberships.get().local_police_area.municipalities.add(eksjo)
    registered = current_period("eksjo", registered_at=timezone.now())
    factories.activity(registered, "Kontroller", target=("at_least", 15, "kontroller", "year"))
    sign_in(client, world.officer)

    lines = {
        line.period.municipality.slug: line
        for line in client.get(url("staff_home")).context["overview"]
    }

    assert lines["eksjo"].words == "1 ej bedömd" and not lines["eksjo"].behind


@pytest.mark.django_db
@pytest.mark.parametrize("period_count", [1, 3])
def test_start_page_query_count_does_not_grow_with_periods(
    client, django_assert_num_queries, period_count
):
    vetlanda = factories.municipality("vetlanda")
    officer = staff_user("polis", role=Role.POLICE_OFFICER, municipality=vetlanda)
    today = timezone.localdate()
    for index in range(period_count):
        period = current_period(slug=f"p-{index}")
        promise = factories.promise(period)
        for title in ("Trafikkontroller", "Narkotikakontroller"):
            activity = factories.activity(period, title)
            activity.promises.add(promise)
            factories.log(activity, today, reported_by=officer)
        factories.activity(period, "Dialog", target=None)
        factories.meeting(period, today - DAY, forum=f"Forum {index}")
        factories.meeting(period, today + DAY, status="planned")
    sign_in(client, officer)

    # The user's memberships once (then the scope is a list of ids), the periods' count, the
    # coming meetings and the latest held ones.
    with django_assert_num_queries(11):
        response = client.get(url("staff_home"))

    assert len(response.context["periods"]) == period_count
    assert len(response.context["activities"]) == 3 * period_count
    assert len(response.context["coming_meetings"]) == period_count
    assert len(response.context["held_meetings"]) == period_count


@pytest.mark.django_db
def test_an_administrators_start_page_shows_the_first_ones_of_the_whole_country(
    client, monkeypatch
):
    monkeypatch.setattr("activities.staff_home.HOME_ACTIVITIES", 3)
    monkeypatch.setattr("activities.staff_home.HOME_PERIODS", 2)
    today = timezone.localdate()
    for slug in ("vetlanda", "tranas", "eksjo"):
        period = current_period(slug)
        behind = factories.activity(period, f"Kontroller i {slug}")  # 0 of 15 after 200 days
        factories.activity(period, f"Dialog i {slug}", target=None)
        factories.log(behind, today)
    admin = staff_user("admin", superuser=True)
    sign_in(client, admin)

    response = client.get(url("staff_home"))

    assert response.status_code == 200
    assert len(response.context["activities"]) == 3
    assert response.context["activity_count"] == 6
    assert len(response.context["periods"]) == 2 and response.context["period_count"] == 3
    page = response.content.decode()
    assert "De första 3 av 6 aktiviteter som gäller; de som ligger efter kommer först." in page
    assert "De första 2 av 3 perioder, i kommunordning." in page
    # Its lines are promises, not municipalities (a coordinator read "Per kommun:" over them).
    words = " ".join(page.split())
    if response.context["overview_count"] > len(response.context["overview"]):
        assert "i kommunordning: aktiviteterna i vart och ett efter status." in words
    else:
        assert "Varje medborgarlöfte som gäller nu: dess aktiviteter efter status." in words
    assert "Per kommun" not in page
    assert [a.title for a, _ in response.context["activities"]] == [
        "Kontroller i eksjo",
        "Kontroller i tranas",
        "Kontroller i vetlanda",
    ]


# --- activity page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_activity_page_shows_every_log_with_notes_reporter_and_withdrawal(client, world):
    today = timezone.localdate()
    kept = factories.log(
        world.police, today, 2, internal_note="INTERN-ANTECKNING", reported_by=world.officer
    )
    gone = factories.log(
        world.police,
        today - DAY,
        5,
        reported_by=world.officer,
        withdrawn_at=timezone.now(),
        withdrawn_by=world.coordinator,
        withdrawal_reason="Fel aktivitet vald",
    )
    sign_in(client, world.officer)

    response = client.get(url("staff_activity", world.police.pk))

    assert response.context["logs"] == [kept, gone]
    assert response.context["progress"].total_done == 2
    page = response.content.decode()
    assert "INTERN-ANTECKNING" in page
    assert "Polis Testsson" in page  # the reporter, by name
    assert "Fel aktivitet vald" in page and "Samordnare Testsson" in page
    assert "<del>" in page
    assert url("log_edit", kept.pk) in page and url("log_withdraw", kept.pk) in page
    assert url("log_edit", gone.pk) not in page
    assert url("history", "logg", gone.pk) in page
    assert url("history", "aktivitet", world.police.pk) in page
    assert "Öka tryggheten i centrum" in page  # the promise it serves
    assert url("activity_status", world.police.pk) not in page  # it has a target


@pytest.mark.django_db
def test_activity_page_offers_status_only_for_activities_without_target(client, world):
    sign_in(client, world.officer)

    page = client.get(url("staff_activity", world.status.pk)).content.decode()

    assert url("activity_status", world.status.pk) in page


@pytest.mark.django_db
def test_activity_page_for_an_approver_has_no_change_links(client, world):
    log = factories.log(world.police, timezone.localdate())
    sign_in(client, world.approver)

    response = client.get(url("staff_activity", world.police.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert url("log_edit", log.pk) not in page
    assert f"?aktivitet={world.police.pk}" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("log_count", [1, 15])
def test_activity_page_query_count_does_not_grow_with_logs(
    client, world, django_assert_num_queries, log_count
):
    today = timezone.localdate()
    for day in range(log_count):
        factories.log(
            world.police,
            today - day * DAY,
            reported_by=world.officer,
            withdrawn_at=timezone.now() if day % 3 == 0 else None,
            withdrawn_by=world.coordinator if day % 3 == 0 else None,
            withdrawal_reason="Fel" if day % 3 == 0 else "",
        )
    world.police.promises.add(factories.promise(world.period, "Ett andra löfte"))
    sign_in(client, world.officer)

    # Sign-in (session, user, device), two for permissions, the memberships, the activity, its
    # promises, its progress sums, the logs' count and one page of logs, however many logs.
    with django_assert_num_queries(9):
        response = client.get(url("staff_activity", world.police.pk))

    assert len(response.context["logs"]) == log_count


# --- period page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_period_page_shows_a_draft_to_staff_with_state_and_no_public_link(client, world):
    draft = current_period(state=PeriodState.DRAFT, slug="utkast")
    factories.promise(draft, "Minska narkotikabrotten")
    factories.activity(draft, "Narkotikakontroller")
    sign_in(client, world.officer)

    response = client.get(url("staff_period", draft.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Minska narkotikabrotten" in page and "Narkotikakontroller" in page
    assert f"Status: {PeriodState.DRAFT.label}" in " ".join(page.split())
    assert draft.get_absolute_url() not in page
    assert url("history", "period", draft.pk) in page
    # Drafts are not in force, so nothing in them can be logged.
    assert "?aktivitet=" not in page


@pytest.mark.django_db
def test_period_page_shows_progress_and_public_link_of_a_signed_period(client, world):
    factories.log(world.police, timezone.localdate(), 3)
    sign_in(client, world.officer)

    response = client.get(url("staff_period", world.period.pk))

    progress = dict(response.context["activities"])[world.police]
    assert progress.total_done == 3
    page = response.content.decode()
    assert world.period.get_absolute_url() in page
    assert "progress-text" in page


# --- status -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_status_update_saves_status_and_reason_and_redirects(client, world):
    sign_in(client, world.officer)

    response = client.post(
        url("activity_status", world.status.pk),
        {"status": ActivityStatus.ONGOING, "status_reason": "Första dialogen hölls i maj"},
    )

    assert response.status_code == 302
    assert response["Location"] == url("staff_activity", world.status.pk)
    world.status.refresh_from_db()
    assert world.status.status == ActivityStatus.ONGOING
    assert world.status.status_reason == "Första dialogen hölls i maj"
    assert world.status.history.first().history_user == world.officer


@pytest.mark.django_db
def test_a_cancelled_activitys_reason_is_public_as_the_form_says(client, world):
    sign_in(client, world.officer)
    reason = "Ersätts av fältassistenternas kvällsrundor"
    client.post(
        url("activity_status", world.status.pk),
        {"status": ActivityStatus.CANCELLED, "status_reason": reason},
    )
    client.logout()
    period = world.status.period
    page = client.get(
        reverse(
            "activities:activity_detail",
            args=[period.municipality.slug, period.slug, world.status.pk],
        )
    ).content.decode()
    assert f"Inställd: {reason}" in page
    assert f"inställd ({reason})" in client.get(period.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_cancelling_without_a_reason_is_an_error_on_the_reason(client, world):
    sign_in(client, world.officer)

    response = client.post(
        url("activity_status", world.status.pk),
        {"status": ActivityStatus.CANCELLED, "status_reason": ""},
    )

    assert response.status_code == 200
    assert "status_reason" in response.context["form"].errors
    world.status.refresh_from_db()
    assert world.status.status == ActivityStatus.PLANNED


@pytest.mark.django_db
def test_status_page_of_an_activity_with_a_target_is_not_found(client, world):
    sign_in(client, world.officer)

    assert client.get(url("activity_status", world.police.pk)).status_code == 404


@pytest.mark.django_db
def test_status_page_refuses_approver_and_a_role_that_does_not_log_the_activity(client, world):
    municipal_status = factories.activity(
        world.period, "Kommunens dialog", target=None, responsible=Responsible.MUNICIPALITY
    )
    sign_in(client, world.approver)
    assert client.get(url("activity_status", world.status.pk)).status_code == 403

    sign_in(client, world.officer)
    response = client.post(
        url("activity_status", municipal_status.pk), {"status": ActivityStatus.DONE}
    )
    assert response.status_code == 403
    municipal_status.refresh_from_db()
    assert municipal_status.status == ActivityStatus.PLANNED


# --- scope ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_kommunpolis_of_another_municipality_gets_not_found(client, world):
    log = factories.log(world.police, timezone.localdate())
    sign_in(client, world.stranger)

    for page in (
        url("staff_activity", world.police.pk),
        url("staff_period", world.period.pk),
        url("activity_status", world.status.pk),
        url("history", "aktivitet", world.police.pk),
        url("history", "logg", log.pk),
        url("history", "period", world.period.pk),
    ):
        assert client.get(page).status_code == 404, page


@pytest.mark.django_db
def test_read_only_pages_refuse_post_even_outside_the_scope(client, world):
    for user in (world.officer, world.stranger):
        sign_in(client, user)
        for page in (
            url("staff_home"),
            url("staff_activity", world.police.pk),
            url("staff_period", world.period.pk),
            url("history", "aktivitet", world.police.pk),
        ):
            assert client.post(page).status_code == 405, page


@pytest.mark.django_db
def test_approver_reads_staff_pages(client, world):
    sign_in(client, world.approver)

    assert client.get(url("staff_home")).status_code == 200
    assert client.get(url("staff_activity", world.police.pk)).status_code == 200
    assert client.get(url("staff_period", world.period.pk)).status_code == 200


@pytest.mark.django_db
def test_signed_in_user_without_any_role_is_told_so_and_forbidden_elsewhere(client, world):
    nobody = staff_user("ingen")
    sign_in(client, nobody)

    home = client.get(url("staff_home"))
    assert home.status_code == 200
    assert home.context["no_role"] is True
    assert client.get(url("staff_activity", world.police.pk)).status_code == 403


@pytest.mark.django_db
def test_change_links_only_for_logs_the_user_may_change(client, world):
    today = timezone.localdate()
    colleague = staff_user(
        "kollega", role=Role.POLICE_OFFICER, municipality=world.period.municipality
    )
    mine = factories.log(world.police, today, reported_by=world.officer)
    theirs = factories.log(world.police, today - DAY, reported_by=colleague)

    def links(user, page: str) -> dict[int, bool]:
        sign_in(client, user)
        html = client.get(page).content.decode()
        return {
            log.pk: url("log_edit", log.pk) in html and url("log_withdraw", log.pk) in html
            for log in (mine, theirs)
        }

    activity_page = url("staff_activity", world.police.pk)
    assert links(world.officer, activity_page) == {mine.pk: True, theirs.pk: False}
    assert links(colleague, activity_page) == {mine.pk: False, theirs.pk: True}
    assert links(world.coordinator, activity_page) == {mine.pk: True, theirs.pk: True}
    # The start page's latest logs offer "Change" on the same rule.
    sign_in(client, world.officer)
    home = client.get(url("staff_home")).content.decode()
    assert url("log_edit", mine.pk) in home and url("log_edit", theirs.pk) not in home
    # Both are listed, with who reported them: staff see their colleagues' logs.
    assert "Kollega Testsson" in home


@pytest.mark.django_db
def test_the_start_page_offers_logging_only_where_something_can_be_logged(client):
    """A new coordinator's first page made "Logga aktivitet" its big button, which led to
    "there is no activity you can log"; they are told where to start instead."""
    municipality = factories.municipality("sala")
    coordinator = staff_user("ny.samordnare", role="coordinator", municipality=municipality)
    sign_in(client, coordinator)
    page = client.get(url("staff_home")).content.decode()
    button = f'class="button button-large" href="{reverse("activities:log_create")}"'
    assert button not in page
    assert "Börja här: skriv ett nytt medborgarlöfte" in page
    # A coordinator whose municipality signed its promise on paper and is in force now is not
    # sent to write a draft: the registration is named for it.
    assert "utanför portalen, också ett som gäller nu, registreras" in page
    # With an activity of a period in force that the role logs, the button is there.
    period = factories.period(
        "sala", start=timezone.localdate(), end=timezone.localdate() + datetime.timedelta(300)
    )
    factories.activity(period, "Trygghetsvandringar", responsible="municipality")
    page = client.get(url("staff_home")).content.decode()
    assert button in page
    assert "Börja här" not in page


@pytest.mark.django_db
def test_start_page_lists_the_coming_follow_up_meetings_or_says_none_is_planned(client, world):
    sign_in(client, world.officer)
    none = client.get(url("staff_home")).content.decode()
    assert "Inget uppföljningsmöte är planerat i dina medborgarlöften." in none

    today = timezone.localdate()
    soon = factories.meeting(world.period, today + 3 * DAY, status="planned", forum="Trygg kommun")
    factories.meeting(world.period, today - 3 * DAY, status="planned")  # past: not coming
    page = client.get(url("staff_home")).content.decode()

    detail = reverse("followups:meeting_detail", args=[soon.pk])
    assert f'href="{detail}"' in page
    assert "Trygg kommun" in page
    assert page.count('href="/personal/moten/') == 1


@pytest.mark.django_db
def test_start_page_lists_the_latest_held_meetings_newest_first_of_the_users_periods(
    client, world, monkeypatch
):
    """A coordinator taking over: what was last decided, a click from each meeting's record."""
    monkeypatch.setattr("activities.staff_home.HOME_MEETINGS", 2)
    sign_in(client, world.coordinator)
    assert "held-meetings-heading" not in client.get(url("staff_home")).content.decode()

    today = timezone.localdate()
    oldest = factories.meeting(world.period, today - 90 * DAY)
    older = factories.meeting(world.period, today - 30 * DAY, forum="Trygg kommun")
    newest = factories.meeting(world.period, today - 2 * DAY, kind="tertial")
    factories.meeting(world.period, today - DAY, status="withdrawn", status_reason="Fel möte.")
    elsewhere = factories.meeting(current_period("tranas"), today)
    response = client.get(url("staff_home"))

    assert response.context["held_meetings"] == [newest, older]
    page = " ".join(response.content.decode().split())
    held = page[page.index('<h2 id="held-meetings-heading">Senast hållna uppföljningsmöten</h2>') :]
    detail = functools.partial(reverse, "followups:meeting_detail")
    assert held.index(f'href="{detail(args=[newest.pk])}"') < held.index(
        f'href="{detail(args=[older.pk])}"'
    )
    assert "· Tertialuppföljning <span" in held and "· Månadsmöte: Trygg kommun" in held
    assert detail(args=[oldest.pk]) not in page and detail(args=[elsewhere.pk]) not in page


@pytest.mark.django_db
def test_an_officer_whose_municipality_has_no_promise_yet_is_told_who_writes_it(client):
    """A kommunpolis of a municipality new to the portal had nothing to log, and the page did not
    say who starts a citizen promise; a coordinator is offered to start one instead."""
    savsjo = Municipality.objects.get(slug="savsjo")
    officer = staff_user("ny-polis", role=Role.POLICE_OFFICER, municipality=savsjo)
    sign_in(client, officer)
    page = " ".join(client.get(url("staff_home")).content.decode().split())
    # Named: "i dina kommuner" under "Inget medborgarlöfte gäller i dag i Sävsjö" left a new
    # officer unsure which municipalities the role covers.
    assert "Det finns inga medborgarlöften i Sävsjö än." in page
    assert "i dina kommuner" not in page
    assert "Kommunens samordnare skriver medborgarlöftet här." in page

    coordinator = staff_user("ny-samordnare", role=Role.COORDINATOR, municipality=savsjo)
    sign_in(client, coordinator)
    page = " ".join(client.get(url("staff_home")).content.decode().split())
    assert "Kommunens samordnare skriver medborgarlöftet här." not in page
    assert "Nytt medborgarlöfte" in page


@pytest.mark.django_db
def test_a_new_area_officers_start_page_names_the_areas_municipalities(client):
    """A kommunpolis given a local police area of three municipalities, on the first sign-in:
    the page names the three, so the officer sees what the role covers."""
    places = [Municipality.objects.get(slug=slug) for slug in ("varnamo", "gislaved", "gnosjo")]
    area = factories.local_police_area("Lokalpolisområde Värnamo", places)
    officer = staff_user("erik", role=Role.POLICE_OFFICER, local_police_area=area)
    sign_in(client, officer)
    page = " ".join(client.get(url("staff_home")).content.decode().split())
    assert "Det finns inga medborgarlöften i Gislaved, Gnosjö och Värnamo än." in page


@pytest.mark.django_db
def test_start_page_names_the_area_municipalities_without_a_promise_in_force(client, world):
    """An area's chief looking over the area saw Vetlanda's line alone, and could not tell that
    Eksjö and Aneby had no promise in force (Eksjö's ended last year); nor does a municipality
    with one in force without activities count as without one."""
    today = timezone.localdate()
    area = world.officer.memberships.get().local_police_area
    eksjo, aneby, savsjo = (factories.municipality(slug) for slug in ("eksjo", "aneby", "savsjo"))
    area.municipalities.add(eksjo, aneby, savsjo)
    factories.period("eksjo", start=today - 700 * DAY, end=today - 300 * DAY)
    current_period("savsjo")
    sign_in(client, world.officer)

    response = client.get(url("staff_home"))

    page = response.content.decode()
    assert "Inget medborgarlöfte gäller i dag i Aneby och Eksjö." in page
    assert page.index('id="overview-heading"') < page.index("Inget medborgarlöfte gäller i dag")
    assert page.index("Inget medborgarlöfte gäller i dag") < page.index('id="activities-heading"')
    # The coordinator of Vetlanda alone, where a promise is in force: nothing to say.
    client.logout()
    sign_in(client, world.coordinator)
    assert "Inget medborgarlöfte gäller" not in client.get(url("staff_home")).content.decode()


@pytest.mark.django_db
def test_start_page_of_an_administrator_names_no_municipality_without_a_promise(client, world):
    """An administrator's scope is the whole country: 290 names would say nothing."""
    admin = staff_user("admin", superuser=True)
    sign_in(client, admin)

    assert "Inget medborgarlöfte gäller" not in client.get(url("staff_home")).content.decode()
