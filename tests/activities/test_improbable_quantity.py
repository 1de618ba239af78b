"""An improbable quantity ("30" typed for "3") is asked about before it is saved."""

import datetime
import uuid

import pytest
from django.utils import timezone, translation

from activities.csv_import import import_logs
from activities.models import ActivityLog
from activities.plausibility import ALWAYS_USUAL, LARGEST_USUAL, quantity_doubt
from activities.progress import Target
from municipalities.models import Role
from tests import factories
from tests.activities.test_logging import edit_data, log_data
from tests.activities.test_staff_pages import make_world, url
from tests.staff import sign_in, staff_user

START, END = datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)


def target(comparator="at_least", value=12, scope="year", unit="trafikkontroller", singular=""):
    return Target(comparator, value, unit, scope, singular)


def message(doubt) -> str:
    with translation.override("sv"):
        return str(doubt.message)


# --- the rule ---------------------------------------------------------------------------------


def test_more_than_the_whole_years_target_is_improbable_and_says_so():
    doubt = quantity_doubt(30, target(), datetime.date(2026, 3, 1), START, END)

    assert doubt is not None and doubt.bound == 12
    assert message(doubt) == (
        "Antalet 30 är mer än hela årets mål (minst 12 trafikkontroller). Stämmer det?"
    )


def test_the_whole_target_itself_is_not_improbable():
    assert quantity_doubt(12, target(), datetime.date(2026, 3, 1), START, END) is None
    assert quantity_doubt(3, target(), datetime.date(2026, 3, 1), START, END) is None


def test_a_span_cut_by_the_period_is_judged_by_its_pro_rata_target():
    # The last promise year is four months long: minst 12 per år is 4 there.
    end = datetime.date(2027, 4, 30)
    doubt = quantity_doubt(11, target(), datetime.date(2027, 2, 1), START, end)

    assert doubt is not None and doubt.bound == 4
    assert quantity_doubt(11, target(), datetime.date(2026, 2, 1), START, end) is None


def test_a_period_target_is_the_whole_periods_with_the_singular_after_one():
    one = Target("count", 1, "medborgardialoger", "period", "medborgardialog")
    doubt = quantity_doubt(11, one, datetime.date(2026, 3, 1), START, END)

    assert (
        message(doubt)
        == "Antalet 11 är mer än hela periodens mål (1 medborgardialog). Stämmer det?"
    )


def test_against_a_small_target_a_usual_quantity_is_not_asked_about():
    # Two patrols logged together against "minst 1 per vecka": over-achievement, no slip.
    weekly = target(value=1, scope="week")
    day = datetime.date(2026, 3, 4)
    assert quantity_doubt(2, weekly, day, START, END) is None
    assert quantity_doubt(ALWAYS_USUAL, weekly, day, START, END) is None
    assert quantity_doubt(ALWAYS_USUAL + 1, weekly, day, START, END).bound == 1


@pytest.mark.parametrize(
    ("scope", "words"),
    [
        ("tertial", "hela tertialets mål"),
        ("month", "hela månadens mål"),
        ("week", "hela veckans mål"),
        ("day", "hela dagens mål"),
        ("average_week", "hela veckans mål"),
        ("average_month", "hela månadens mål"),
    ],
)
def test_each_scope_names_its_span(scope, words):
    doubt = quantity_doubt(11, target(value=2, scope=scope), datetime.date(2026, 3, 4), START, END)

    assert doubt is not None and words in message(doubt)


def test_without_a_target_or_for_a_most_only_more_than_the_usual_bound():
    day = datetime.date(2026, 3, 1)
    most = target(comparator="at_most", value=3, scope="period")

    assert quantity_doubt(LARGEST_USUAL, None, day, START, END) is None
    assert quantity_doubt(LARGEST_USUAL, most, day, START, END) is None
    doubt = quantity_doubt(LARGEST_USUAL + 1, None, day, START, END)
    assert message(doubt) == "Antalet 51 är ovanligt stort för en logg (mer än 50). Stämmer det?"
    assert quantity_doubt(LARGEST_USUAL + 1, most, day, START, END) is not None


def test_a_day_outside_the_counted_days_or_no_quantity_never_fails():
    assert quantity_doubt(None, target(), datetime.date(2026, 3, 1), START, END) is None
    late = quantity_doubt(13, target(), datetime.date(2030, 1, 1), START, END)
    assert late is not None and late.bound == 12
    assert quantity_doubt(13, target(), None, START, END).bound == 12


def thirty(world) -> str:
    """The confirmation of 30 for the police's traffic checks (the box's value)."""
    return f"30-{world.police.pk}"


# --- the log form -----------------------------------------------------------------------------


@pytest.fixture
def world(db):
    world = make_world()
    # "minst 12 trafikkontroller per år", as the tester's.
    world.police.target_value, world.police.target_scope = 12, "year"
    world.police.target_unit_singular = "trafikkontroll"
    world.police.save()
    return world


def test_an_improbable_quantity_is_asked_about_with_the_values_kept_and_nothing_saved(
    client, world
):
    sign_in(client, world.officer)

    response = client.post(url("log_create"), log_data(world.police, quantity="30"))

    assert response.status_code == 200
    assert not ActivityLog.objects.exists()
    form = response.context["form"]
    question = "Antalet 30 är mer än hela årets mål (minst 12 trafikkontroller). Stämmer det?"
    assert form.errors["quantity"] == [question]
    page = response.content.decode()
    assert 'name="quantity" value="30"' in page and 'value="Storgatan"' in page
    # The question is the quantity's, and describes the box that answers it.
    assert 'aria-describedby="id_quantity_helptext id_quantity_error"' in page
    assert 'aria-describedby="id_quantity_error id_quantity_confirmed_helptext"' in page
    assert (
        f'name="quantity_confirmed" value="30-{world.police.pk}"' in page
        and "Ja, antalet stämmer" in page
    )
    assert 'href="#id_quantity"' in page  # the error summary leads to it


def test_ticking_the_box_saves_once(client, world):
    sign_in(client, world.officer)
    data = log_data(world.police, quantity="30", quantity_confirmed=thirty(world))

    first = client.post(url("log_create"), data)
    again = client.post(url("log_create"), data)

    assert first.status_code == again.status_code == 302
    assert list(ActivityLog.objects.values_list("quantity", flat=True)) == [30]


def test_a_box_ticked_for_another_number_confirms_nothing(client, world):
    sign_in(client, world.officer)

    response = client.post(
        url("log_create"),
        log_data(world.police, quantity="300", quantity_confirmed=thirty(world)),
    )

    assert response.status_code == 200 and not ActivityLog.objects.exists()
    assert "Antalet 300" in response.context["form"].errors["quantity"][0]
    assert 'value="300" checked' not in response.content.decode()


def test_a_box_ticked_for_another_activity_confirms_nothing(client, world):
    """The security probe: asked about 60 for an activity without a target ("more than 50"),
    the box ticked and the activity then changed to "minst 12 per år", the log was saved
    without its own question ever shown."""
    sign_in(client, world.officer)
    asked = client.post(url("log_create"), log_data(world.status, quantity="60"))
    ticked = asked.context["form"]["quantity_confirmed"].field.widget.confirms

    switched = client.post(
        url("log_create"), log_data(world.police, quantity="60", quantity_confirmed=ticked)
    )

    assert ticked == f"60-{world.status.pk}"
    assert switched.status_code == 200 and not ActivityLog.objects.exists()
    assert "mer än hela årets mål" in switched.context["form"].errors["quantity"][0]
    saved = client.post(
        url("log_create"), log_data(world.status, quantity="60", quantity_confirmed=ticked)
    )
    assert saved.status_code == 302 and ActivityLog.objects.get().activity == world.status


def test_a_normal_quantity_saves_without_the_question(client, world):
    sign_in(client, world.officer)

    shown = client.get(url("log_create")).content.decode()
    response = client.post(url("log_create"), log_data(world.police, quantity="3"))

    assert "quantity_confirmed" not in shown
    assert response.status_code == 302
    assert ActivityLog.objects.get().quantity == 3


def test_an_activity_without_a_target_asks_above_fifty(client, world):
    sign_in(client, world.officer)

    fifty = client.post(url("log_create"), log_data(world.status, quantity="50"))
    more = client.post(url("log_create"), log_data(world.status, quantity="51", place="Torget"))

    assert fifty.status_code == 302 and more.status_code == 200
    assert "ovanligt stort för en logg" in more.context["form"].errors["quantity"][0]
    assert list(ActivityLog.objects.values_list("quantity", flat=True)) == [50]


@pytest.mark.parametrize("quantity", ["30x", "", "-5", "1e9", "３０", "30" * 40, "\x00"])
def test_bad_input_with_or_without_the_box_is_an_error_never_a_500(client, world, quantity):
    sign_in(client, world.officer)

    for confirmed in ("", quantity, "on", "\x00" * 30):
        response = client.post(
            url("log_create"),
            log_data(world.police, quantity=quantity, quantity_confirmed=confirmed),
        )
        assert response.status_code in (200, 302)
    assert ActivityLog.objects.filter(quantity__gt=12).count() <= 1


# --- a log's correction ------------------------------------------------------------------------


@pytest.fixture
def logged(world) -> ActivityLog:
    day = timezone.localdate()
    return factories.log(world.police, day, quantity=3, reported_by=world.officer, place="Torget")


def test_a_correction_to_an_improbable_quantity_is_asked_about_then_saved(client, world, logged):
    sign_in(client, world.officer)

    asked = client.post(url("log_edit", logged.pk), edit_data(logged, quantity="30"))
    logged.refresh_from_db()
    assert asked.status_code == 200 and logged.quantity == 3
    assert "Stämmer det?" in asked.context["form"].errors["quantity"][0]

    saved = client.post(
        url("log_edit", logged.pk),
        edit_data(logged, quantity="30", quantity_confirmed=thirty(world)),
    )
    logged.refresh_from_db()
    assert saved.status_code == 302 and logged.quantity == 30


def test_a_confirmed_quantity_is_not_asked_about_again_when_the_place_is_corrected(
    client, world, logged
):
    ActivityLog.objects.filter(pk=logged.pk).update(quantity=30)
    logged.refresh_from_db()
    sign_in(client, world.officer)

    response = client.post(url("log_edit", logged.pk), edit_data(logged, place="Storgatan"))

    logged.refresh_from_db()
    assert response.status_code == 302 and logged.place == "Storgatan"


def test_a_log_moved_to_an_activity_where_its_quantity_is_improbable_is_asked_about(
    client, world, logged
):
    ActivityLog.objects.filter(pk=logged.pk).update(quantity=10)
    logged.refresh_from_db()
    sign_in(client, world.officer)

    # Trygghetsvandringar: minst 4 over the whole period.
    moved = client.post(
        url("log_edit", logged.pk), edit_data(logged, activity=str(world.status.pk))
    )
    response = client.post(
        url("log_edit", logged.pk), edit_data(logged, activity=str(world.police.pk), quantity="13")
    )

    assert moved.status_code == 302  # no target: 10 is usual
    assert response.status_code == 200
    assert "Antalet 13" in response.context["form"].errors["quantity"][0]


def test_other_users_still_get_403_and_404_before_any_question(client, world, logged):
    vetlanda = world.period.municipality
    colleague = staff_user(
        "kollega",
        role=Role.POLICE_OFFICER,
        local_police_area=world.officer.memberships.get().local_police_area,
    )
    for user, status in ((world.stranger, 404), (colleague, 403), (world.approver, 403)):
        client.logout()
        sign_in(client, user)
        response = client.post(
            url("log_edit", logged.pk),
            edit_data(logged, quantity="30", quantity_confirmed=thirty(world)),
        )
        assert response.status_code == status, user
    client.logout()
    sign_in(client, world.stranger)
    refused = client.post(
        url("log_create"),
        log_data(world.police, quantity="30", quantity_confirmed=thirty(world)),
    )
    assert refused.status_code == 200 and "activity" in refused.context["form"].errors
    logged.refresh_from_db()
    assert logged.quantity == 3 and ActivityLog.objects.count() == 1
    assert vetlanda.slug == "vetlanda"


# --- the CSV import ---------------------------------------------------------------------------


def test_the_csv_import_lists_an_improbable_row_as_a_doubt_and_saves_it_when_answered(db):
    period = factories.period("vetlanda")
    area = factories.local_police_area(municipalities=[period.municipality])
    activity = factories.activity(
        period, "Trafikkontroller", target=("at_least", 12, "trafikkontroller", "year")
    )
    user = staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    today = period.start_date + datetime.timedelta(days=40)
    day = (period.start_date + datetime.timedelta(days=10)).isoformat()
    data = (
        "aktivitet_id;datum;antal;plats\r\n"
        f"{activity.pk};{day};3;Storgatan\r\n{activity.pk};{day};30;Torget\r\n"
    ).encode()
    key = uuid.uuid4()

    with translation.override("sv"):
        asked = import_logs(data, user=user, today=today, import_key=key)
    assert not ActivityLog.objects.exists()
    assert [(d.row, d.repeated) for d in asked.doubts] == [(3, False)]
    assert asked.doubts[0].message.startswith("Antalet 30 är mer än hela årets mål (minst 12")

    saved = import_logs(data, user=user, today=today, import_key=key, ask=False, skip_repeated=True)
    assert sorted(log.quantity for log in saved.saved) == [3, 30]
