"""The admin is usable for every model: changelist (with search and filters) and add form.

The admin needs the second factor too (django-otp's OTPAdminSite).
"""

import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from municipalities.models import Membership, Role
from tests import factories
from tests.staff import PASSWORD, sign_in, staff_user

User = get_user_model()


@pytest.fixture
def superuser(db):
    return staff_user("administrator", superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    """A client signed in as an administrator with both factors."""
    sign_in(client, superuser)
    return client


@pytest.fixture(scope="module")
def demo(module_data):
    """The demo data, made once for the module; the admin pages only read it."""
    with module_data():
        call_command("seed_demo", "--today", "2026-11-21", "--force", stdout=io.StringIO())


@pytest.fixture
def admin_client_with_demo(demo, admin_client):
    return admin_client


def registered_models():
    return [
        model
        for model in admin.site._registry
        if model._meta.app_label in {"municipalities", "promises", "activities", "followups"}
    ]


def test_every_domain_model_is_in_the_admin():
    names = {model.__name__ for model in registered_models()}
    assert names == {
        "PoliceRegion",
        "County",
        "Municipality",
        "LocalPoliceArea",
        "Membership",
        "Theme",
        "PromisePeriod",
        "Promise",
        "PeriodTransition",
        "Activity",
        "ActivityLog",
        "FollowUpMeeting",
        "Assessment",
        "Report",
        "SignedOriginal",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m.__name__)
def test_changelist_search_and_add_pages_answer(admin_client_with_demo, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client_with_demo.get(changelist).status_code == 200
    assert admin_client_with_demo.get(changelist, {"q": "Vetlanda"}).status_code == 200
    obj = model.objects.first()
    assert obj is not None, "the demo data should have a row of every model"
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client_with_demo.get(change).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label",
    [
        "promises.promiseperiod",
        "activities.activity",
        "activities.activitylog",
        "municipalities.municipality",
        "followups.followupmeeting",
    ],
)
def test_changelist_queries_do_not_grow_per_row(admin_client_with_demo, label):
    """list_select_related keeps a changelist page (100 rows) at a small fixed query count."""
    app_label, model_name = label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    with CaptureQueriesContext(connection) as context:
        assert admin_client_with_demo.get(url).status_code == 200
    assert len(context) < 15, [query["sql"] for query in context.captured_queries]


@pytest.mark.django_db
def test_unverified_superuser_is_sent_to_the_portals_sign_in_not_the_index(client, superuser):
    sign_in(client, superuser, verified=False)
    response = client.get(reverse("admin:index"), follow=True)
    first = response.redirect_chain[-1][0]
    assert first.startswith(reverse("accounts:login"))
    assert "next=%2Fadmin%2F" in first
    assert "app_list" not in response.context
    changelist = reverse("admin:municipalities_membership_changelist")
    assert client.get(changelist).status_code == 302


@pytest.mark.django_db
def test_the_admins_sign_in_is_the_portals_two_steps_in_swedish(client, superuser):
    """django-otp's admin sign-in was English ("OTP Token", "Get OTP Challenge") and offered no
    way to set up an app."""
    response = client.get(reverse("admin:login"), {"next": "/admin/auth/user/"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert "Logga in" in page and "OTP" not in page
    data = {"username": "administrator", "password": PASSWORD, "next": "/admin/auth/user/"}
    response = client.post(reverse("accounts:login"), data, REMOTE_ADDR="10.0.0.1")
    assert response.url.startswith(reverse("accounts:verify"))
    assert SESSION_KEY in client.session and DEVICE_ID_SESSION_KEY not in client.session
    device = TOTPDevice.objects.get(user=superuser)
    token = f"{TOTP(device.bin_key).token():06d}"
    response = client.post(
        reverse("accounts:verify"), {"token": token, "next": "/admin/auth/user/"}
    )
    assert response.url == "/admin/auth/user/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/admin/auth/user/").status_code == 200


@pytest.mark.django_db
def test_user_admin_shows_and_saves_memberships(admin_client):
    user = staff_user("anna", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    membership = Membership.objects.get(user=user)
    url = reverse("admin:auth_user_change", args=[user.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    formset = next(f for f in page.context["inline_admin_formsets"] if f.opts.model is Membership)
    assert [form.instance for form in formset.formset.forms] == [membership]
    # Delete the membership in the inline: the role group goes with it.
    data = {
        "username": "anna",
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "12:00:00",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": str(membership.pk),
        "memberships-0-user": str(user.pk),
        "memberships-0-role": Role.POLICE_OFFICER,
        "memberships-0-municipality": str(membership.municipality_id),
        "memberships-0-DELETE": "on",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Membership.objects.exists()
    assert not user.groups.exists()


def test_deactivating_the_last_coordinator_warns_and_users_are_never_deleted(admin_client):
    vetlanda, tranas = factories.municipality("vetlanda"), factories.municipality("tranas")
    leaving = staff_user("karin", role=Role.COORDINATOR, municipality=vetlanda)
    Membership.objects.create(user=leaving, role=Role.COORDINATOR, municipality=tranas)
    staff_user("olle", role=Role.COORDINATOR, municipality=tranas)  # Tranås keeps one
    membership_ids = list(Membership.objects.filter(user=leaving).values_list("pk", flat=True))
    url = reverse("admin:auth_user_change", args=[leaving.pk])
    data = {
        "username": "karin",
        "first_name": "Karin",
        "last_name": "Testsson",
        "email": "karin@example.org",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "12:00:00",
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "2",
    }
    for index, (pk, place) in enumerate(zip(membership_ids, (vetlanda, tranas), strict=True)):
        data |= {
            f"memberships-{index}-id": str(pk),
            f"memberships-{index}-user": str(leaving.pk),
            f"memberships-{index}-role": Role.COORDINATOR,
            f"memberships-{index}-municipality": str(place.pk),
        }
    response = admin_client.post(url, data, follow=True)  # "is_active" left out: unticked
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any(
        "Karin Testsson (karin) kan inte längre logga in. Vetlanda har nu ingen aktiv samordnare"
        in text
        for text in shown
    ), shown
    assert not any("Tranås har nu" in text for text in shown)
    # Users are made inactive, never deleted: their records keep their names.
    assert admin_client.get(reverse("admin:auth_user_delete", args=[leaving.pk])).status_code == 403
    listing = admin_client.get(reverse("admin:municipalities_membership_changelist"))
    assert "user_active" in listing.content.decode()


@pytest.mark.django_db
def test_taking_the_last_coordinators_role_away_warns_too(admin_client):
    """A tester deleted the only coordinator's membership: saved without a word."""
    eksjo = factories.municipality("eksjo")
    lars = staff_user("lars", role=Role.COORDINATOR, municipality=eksjo)
    membership = Membership.objects.get(user=lars)
    data = {
        "username": "lars",
        "first_name": "Lars",
        "last_name": "Berg",
        "email": "lars@example.org",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "12:00:00",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": str(membership.pk),
        "memberships-0-user": str(lars.pk),
        "memberships-0-role": Role.COORDINATOR,
        "memberships-0-municipality": str(eksjo.pk),
        "memberships-0-DELETE": "on",
    }
    response = admin_client.post(
        reverse("admin:auth_user_change", args=[lars.pk]), data, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert "Eksjö har nu ingen aktiv samordnare: ge rollen till någon annan." in shown, shown
    assert not Membership.objects.filter(user=lars).exists()


def test_a_local_police_area_keeps_to_its_police_region(admin_client):
    from municipalities.models import LocalPoliceArea, PoliceRegion

    vetlanda = factories.municipality("vetlanda")  # Jönköpings län, region Öst
    own = vetlanda.county.police_region
    other = PoliceRegion.objects.exclude(pk=own.pk).order_by("name").first()
    data = {"name": "LPO Test", "slug": "lpo-test", "municipalities": [str(vetlanda.pk)]}
    url = reverse("admin:municipalities_localpolicearea_add")
    response = admin_client.post(url, {**data, "police_region": str(other.pk)})
    assert response.status_code == 200
    (error,) = response.context["adminform"].form.errors["municipalities"]
    assert error.startswith(f"Ligger inte i {other.name}: Vetlanda.")
    assert not LocalPoliceArea.objects.filter(slug="lpo-test").exists()
    assert admin_client.post(url, {**data, "police_region": str(own.pk)}).status_code == 302


def test_user_admin_refuses_an_e_mail_address_another_user_has(admin_client):
    staff_user("bertil")  # bertil@example.org
    user = staff_user("anna")
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = {
        "username": "anna",
        "first_name": "Anna",
        "last_name": "Testsson",
        "email": "BERTIL@example.org",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "12:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == [
        "Användaren bertil har redan den här e-postadressen."
    ]
    user.refresh_from_db()
    assert user.email == "anna@example.org"
    # Its own address, in another case, is kept.
    response = admin_client.post(url, {**data, "email": "Anna@example.org"})
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("places", [{}, {"municipality": True, "local_police_area": True}])
def test_membership_admin_needs_exactly_one_place(admin_client, places):
    user = staff_user("anna")
    data = {"user": str(user.pk), "role": Role.COORDINATOR}
    if places:
        data["municipality"] = str(factories.municipality().pk)
        data["local_police_area"] = str(factories.local_police_area().pk)
    response = admin_client.post(reverse("admin:municipalities_membership_add"), data)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["municipality"]
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_membership_admin_adds_a_role(admin_client):
    user = staff_user("anna")
    data = {"user": str(user.pk), "role": Role.COORDINATOR}
    data["municipality"] = str(factories.municipality().pk)
    response = admin_client.post(reverse("admin:municipalities_membership_add"), data)
    assert response.status_code == 302
    assert user.has_perm("activities.add_activitylog")


@pytest.mark.django_db
def test_user_add_page_answers_and_the_devices_secret_keys_are_not_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:auth_user_add")).status_code == 200
    with pytest.raises(NoReverseMatch):
        reverse("admin:otp_totp_totpdevice_changelist")
    assert admin_client.get("/admin/otp_totp/totpdevice/").status_code == 404


@pytest.mark.django_db
def test_the_admin_index_names_things_as_the_staff_pages_do_and_offers_no_groups(admin_client):
    """An administrator read "Löftesperioder" and "Genomförda tillfällen" where the staff pages
    say medborgarlöften and loggar, and was offered "Grupper", which follow the roles."""
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert ">Medborgarlöften<" in index and ">Loggar<" in index
    assert "Löftesperioder" not in index and "Genomförda tillfällen" not in index
    assert ">Grupper<" not in index
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_group_changelist")


@pytest.mark.django_db
def test_a_lost_phone_is_reset_on_the_user_and_a_lockout_lifted(admin_client):
    anna, bo = staff_user("anna"), staff_user("bo")
    # Anna's session on the lost phone, signed in with both factors.
    phone = Client()
    sign_in(phone, anna)
    assert phone.get(reverse("activities:staff_home")).status_code == 200
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("accounts:login"), {"username": "anna", "password": f"fel-{attempt}"})
    changelist = reverse("admin:auth_user_changelist")

    page = admin_client.get(changelist)

    rows = {user.username: user for user in page.context["cl"].result_list}
    assert rows["anna"].authenticator and rows["anna"].lockout
    assert rows["bo"].authenticator and not rows["bo"].lockout
    html = page.content.decode()
    assert "Autentiseringsapp" in html and "Spärrad" in html
    assert rows["anna"].lockout and not rows["bo"].lockout
    assert "Återställ autentiseringsappen (borttappad eller ny telefon)" in html

    selected = {ACTION_CHECKBOX_NAME: [str(anna.pk)], "index": 0}
    response = admin_client.post(
        changelist, {**selected, "action": "reset_authenticator"}, follow=True
    )
    assert "1 användare är utloggad överallt och ställer in autentiseringsappen på nytt" in (
        response.content.decode()
    )
    assert not TOTPDevice.objects.filter(user=anna).exists()
    assert TOTPDevice.objects.filter(user=bo).exists()
    # The phone's session is over: the password is asked again, not a new app set up from it.
    response = phone.get(reverse("activities:staff_home"))
    assert response.url.startswith(reverse("accounts:login"))
    # The administrator's own session goes on.
    assert admin_client.get(changelist).status_code == 200

    both = {ACTION_CHECKBOX_NAME: [str(anna.pk), str(bo.pk)], "index": 0}
    response = admin_client.post(changelist, {**both, "action": "lift_lockout"}, follow=True)
    assert "1 användare kan försöka logga in igen." in response.content.decode()
    response = admin_client.post(changelist, {**both, "action": "lift_lockout"}, follow=True)
    assert "Ingen av de valda användarna var spärrad." in response.content.decode()
    rows = {user.username: user for user in admin_client.get(changelist).context["cl"].result_list}
    assert not rows["anna"].authenticator and not rows["anna"].lockout


@pytest.mark.django_db
def test_lifting_the_lockout_lifts_the_limit_over_all_addresses_too(admin_client):
    """Passwords guessed on one account from many addresses refuse its sign-ins
    (SIGN_IN_MAX_FAILURES_PER_USERNAME): the administrator's action lifts that too."""
    anna = staff_user("anna")
    login = reverse("accounts:login")
    for attempt in range(settings.SIGN_IN_MAX_FAILURES_PER_USERNAME):
        Client(REMOTE_ADDR=f"203.0.113.{attempt + 1}").post(
            login, {"username": "anna", "password": f"fel-{attempt}"}
        )
    right = {"username": "anna", "password": PASSWORD}
    assert Client(REMOTE_ADDR="198.51.100.9").post(login, right).status_code == 429
    # The user list says so (its column showed only a lockout from one address).
    listed = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert re.search(r'<td class="field-locked_out">Spärrad</td>', listed)
    selected = {ACTION_CHECKBOX_NAME: [str(anna.pk)], "index": 0, "action": "lift_lockout"}
    response = admin_client.post(reverse("admin:auth_user_changelist"), selected, follow=True)
    assert "1 användare kan försöka logga in igen." in response.content.decode()
    assert "Spärrad</td>" not in response.content.decode()
    assert Client(REMOTE_ADDR="198.51.100.9").post(login, right).status_code == 302


@pytest.mark.django_db
def test_the_sign_in_attempts_are_in_the_admin_in_swedish(admin_client):
    Client().post(reverse("accounts:login"), {"username": "okänd", "password": "fel"})
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert "Inloggningsförsök" in index and "Misslyckade inloggningsförsök" in index
    assert "Axes" not in index and "TOTP" not in index
    title = "Referensdata, användare och poster | Medborgarlöften – administration"
    assert f"<title>{title}</title>" in index
    assert "Django" not in index
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200
    assert "okänd" in page.content.decode() and "IP-adress" in page.content.decode()


RECORDS = [
    "promises.promiseperiod",
    "promises.promise",
    "promises.periodtransition",
    "activities.activity",
    "activities.activitylog",
    "followups.followupmeeting",
    "followups.assessment",
    "followups.report",
    "followups.signedoriginal",
]


@pytest.mark.django_db
@pytest.mark.parametrize("label", RECORDS)
def test_the_products_records_are_read_in_the_admin_never_written(admin_client_with_demo, label):
    # A published report rewritten here changed its public page with no new version and no
    # reason; a transition added here invented history. The staff pages keep those rules.
    app, model_name = label.split(".")
    model = apps.get_model(app, model_name)
    obj = model.objects.first()
    change = reverse(f"admin:{app}_{model_name}_change", args=[obj.pk])
    page = admin_client_with_demo.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    before = model.objects.filter(pk=obj.pk).values().get()
    assert admin_client_with_demo.post(change, {}).status_code == 403
    assert admin_client_with_demo.get(reverse(f"admin:{app}_{model_name}_add")).status_code == 403
    assert model.objects.filter(pk=obj.pk).values().get() == before
    if isinstance(admin.site._registry[model], SimpleHistoryAdmin):
        # Its page of an earlier version would save a posted form (a revert).
        record = model.history.filter(id=obj.pk).first()
        revert = reverse(f"admin:{app}_{model_name}_simple_history", args=[obj.pk, record.pk])
        assert admin_client_with_demo.post(revert, {}).status_code == 403


@pytest.mark.django_db
def test_a_new_user_chooses_a_password_from_an_email_and_gets_roles_next(admin_client, mailoutbox):
    """The add page asked an administrator to make up a password and pass it on; "password
    authentication: off" left a user who could never sign in."""
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        _add_form(
            username="nils.eksjo", first_name="Nils", last_name="Berg", email="nils.berg@eksjo.se"
        ),
        follow=True,
    )

    user = User.objects.get(username="nils.eksjo")
    assert not user.has_usable_password()
    assert response.redirect_chain[-1][0] == reverse("admin:auth_user_change", args=[user.pk])
    assert "skickades till nils.berg@eksjo.se" in response.content.decode()
    (message,) = mailoutbox
    assert message.to == ["nils.berg@eksjo.se"]
    assert "nils.eksjo" in message.body
    # The link lets the new user choose a password.
    link = re.search(r"https?://\S+", message.body).group(0)
    page = Client().get(link.split("testserver", 1)[-1], follow=True)
    assert page.status_code == 200 and "new_password1" in page.content.decode()
    # Roles decide: no groups nor Django's English permission names to change.
    change = admin_client.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    assert 'name="groups"' not in change and 'name="user_permissions"' not in change
    # "Ge användaren en roll nedan": below are the roles, so named (they were "Behörigheter",
    # which an administrator took for Django's permissions, "Rättigheter", above them), and
    # the places say which to choose and what an area's role covers.
    assert "Ge användaren en roll nedan" in response.content.decode()
    assert re.search(r'<h2 id="memberships-heading"[^>]*>\s*Roller\s*</h2>', change)
    assert "ehörighet" not in change
    assert "Antingen en kommun eller ett lokalpolisområde, inte båda." in change
    assert "gäller i var och en av dess kommuner" in change


@pytest.mark.django_db
def test_a_new_users_roles_are_given_on_the_add_page_and_named_in_the_e_mail(
    admin_client, mailoutbox
):
    """The invitation went out before a role could be given, so it named none and the new user
    did not know what the account was for."""
    add = admin_client.get(reverse("admin:auth_user_add")).content.decode()
    assert 'name="memberships-0-role"' in add
    eksjo = factories.municipality("eksjo")
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        _add_form(
            username="nils.eksjo",
            first_name="Nils",
            email="nils.berg@eksjo.se",
            **{"memberships-0-role": Role.POLICE_OFFICER, "memberships-0-municipality": eksjo.pk},
        ),
        follow=True,
    )
    user = User.objects.get(username="nils.eksjo")
    assert [(m.role, m.municipality) for m in user.memberships.all()] == [
        (Role.POLICE_OFFICER, eksjo)
    ]
    (message,) = mailoutbox
    assert "Dina roller:\n- Kommunpolis, Eksjö kommun\n" in message.body
    page = response.content.decode()
    assert "skickades till nils.berg@eksjo.se" in page and "Ge användaren en roll" not in page
    # The role's groups follow, as they do when a role is given on the user's page.
    assert user.has_perm("activities.add_activitylog")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"username": "a", "first_name": "Ek <b>sjö</b>", "email": "a@eksjo.se"},
        {"username": "b", "email": ""},
        {"username": "c", "email": "administrator@example.org"},
    ],
)
def test_the_add_page_refuses_html_names_and_a_missing_or_taken_address(admin_client, data):
    response = admin_client.post(reverse("admin:auth_user_add"), _add_form(**data))
    assert response.status_code == 200
    assert not User.objects.filter(username=data["username"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Anna\u202eAnders", "Ann\u200ba", "Anna\u2066", "Ann\u3164a"])
@pytest.mark.parametrize("page", ["add", "change"])
def test_a_staff_user_name_is_plain_text_in_the_admin(admin_client, name, page):
    """A name is shown to colleagues (logs, queues, notification e-mails): an override or an
    invisible character makes it read as another person's."""
    data = {"username": "nils.eksjo", "first_name": name, "email": "nils.berg@eksjo.se"}
    if page == "add":
        response = admin_client.post(reverse("admin:auth_user_add"), _add_form(**data))
        assert not User.objects.filter(username="nils.eksjo").exists()
    else:
        user = staff_user("nils.eksjo")
        data |= {
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "12:00:00",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
        response = admin_client.post(reverse("admin:auth_user_change", args=[user.pk]), data)
        user.refresh_from_db()
        assert user.first_name == "Nils.eksjo"
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["first_name"]


@pytest.mark.parametrize(
    "name", ["Tran\x0bås", "Tranås\uffff", "<b>Tranås</b>", "Tran\u200bås", "Tranås\u3164"]
)
def test_reference_data_in_the_admin_is_plain_text(admin_client, name):
    from municipalities.models import Municipality

    tranas = factories.municipality("tranas")
    url = reverse("admin:municipalities_municipality_change", args=[tranas.pk])
    data = {
        "code": tranas.code,
        "name": name,
        "organisation_name": tranas.organisation_name,
        "county": str(tranas.county_id),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"]
    tranas.refresh_from_db()
    assert tranas.name == "Tranås"
    assert admin_client.post(url, {**data, "name": "Tranås"}).status_code == 302
    assert Municipality.objects.get(pk=tranas.pk).name == "Tranås"


@pytest.mark.django_db
def test_a_delete_the_admin_refuses_explains_itself_to_the_administrator(admin_client):
    user = staff_user("anna")
    response = admin_client.get(reverse("admin:auth_user_delete", args=[user.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Det här går inte att göra i administrationen" in page
    assert "avmarkera ”Aktiv”" in page
    assert reverse("admin:index") in page
    assert "kontakta den som hanterar" not in page


@pytest.mark.django_db
def test_a_new_user_whose_e_mail_cannot_be_sent_is_said_so_and_the_link_sent_again(
    admin_client, settings, mailoutbox
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    data = {"username": "nils.eksjo", "first_name": "Nils", "email": "nils.berg@eksjo.se"}
    response = admin_client.post(reverse("admin:auth_user_add"), _add_form(**data), follow=True)
    html = response.content.decode()
    assert "kunde inte skickas" in html and "nils.berg@eksjo.se" in html
    assert "skickades till nils.berg@eksjo.se" not in html
    user = User.objects.get(username="nils.eksjo")
    # Once mail works, the action sends the link (the reset page sends none to a user
    # without a password).
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_password_link", ACTION_CHECKBOX_NAME: [user.pk]},
        follow=True,
    )
    assert "skickades till 1 användare" in response.content.decode()
    (message,) = mailoutbox
    assert message.to == ["nils.berg@eksjo.se"]


def _add_form(**fields) -> dict:
    """The user admin's add page as posted: the user's fields and its one role form, left empty
    unless `memberships-0-…` fields are given."""
    return {
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        **fields,
    }


def _user_form(user, **fields) -> dict:
    """The user admin's change form for a user without roles, as posted (a box left out is
    unticked)."""
    return {
        "username": user.username,
        "email": user.email,
        "date_joined_0": "2026-01-01",
        "date_joined_1": "12:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        **fields,
    }


@pytest.mark.django_db
def test_no_staff_status_box_lets_a_user_into_the_admin(admin_client):
    """Django's "personalstatus" let a kommunpolis into the admin, which reads every
    municipality's records: an administrator is staff and superuser at once."""
    officer = staff_user("polis")
    change = reverse("admin:auth_user_change", args=[officer.pk])
    assert 'name="is_staff"' not in admin_client.get(change).content.decode()
    # Posted anyway: not a field of the form.
    response = admin_client.post(change, _user_form(officer, is_active="on", is_staff="on"))
    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_staff and not officer.is_superuser
    admin_client.post(change, _user_form(officer, is_active="on", is_superuser="on"))
    officer.refresh_from_db()
    assert officer.is_staff and officer.is_superuser


@pytest.mark.django_db
def test_a_signed_in_user_who_is_no_administrator_is_refused_the_admin_not_sent_round(client):
    officer = staff_user(
        "polis", role=Role.POLICE_OFFICER, municipality=factories.municipality("vetlanda")
    )
    sign_in(client, officer)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2


@pytest.mark.django_db
def test_deactivating_a_user_ends_their_sessions(admin_client):
    officer = staff_user("polis")
    theirs = Client()
    sign_in(theirs, officer)
    assert theirs.get(reverse("activities:staff_home")).status_code == 200
    change = reverse("admin:auth_user_change", args=[officer.pk])
    assert admin_client.post(change, _user_form(officer)).status_code == 302  # made inactive
    officer.refresh_from_db()
    assert not officer.is_active
    admin_client.post(change, _user_form(officer, is_active="on"))  # and back
    # The old session does not come back with the account.
    assert theirs.get(reverse("activities:staff_home")).status_code == 302


@pytest.mark.django_db
def test_a_staff_flag_left_on_a_user_who_is_no_administrator_lets_nobody_in(client):
    """Set before the box was taken away (the migration clears it too): not enough for the
    admin, which reads every municipality's records."""
    officer = staff_user(
        "polis", role=Role.POLICE_OFFICER, municipality=factories.municipality("vetlanda")
    )
    User.objects.filter(pk=officer.pk).update(is_staff=True)
    sign_in(client, officer)
    assert client.get("/admin/activities/activitylog/").status_code in (302, 403)
    assert client.get("/admin/", follow=True).status_code == 403


@pytest.mark.django_db
def test_the_migration_takes_the_staff_flag_from_everyone_but_administrators(superuser):
    from importlib import import_module

    from django.apps import apps as django_apps

    officer = staff_user("polis")
    User.objects.filter(pk=officer.pk).update(is_staff=True)
    migration = import_module("municipalities.migrations.0007_staff_flag_only_for_administrators")
    migration.administrators_only(django_apps, None)
    officer.refresh_from_db()
    superuser.refresh_from_db()
    assert not officer.is_staff
    assert superuser.is_staff and superuser.is_superuser


def test_roles_are_filtered_by_municipality_also_through_a_police_area(admin_client):
    """An administrator's "who works in Tranås?" missed the officer whose role is for the
    local police area Tranås belongs to."""
    tranas, eksjo = factories.municipality("tranas"), factories.municipality("eksjo")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [tranas])
    staff_user("samordnare", role=Role.COORDINATOR, municipality=tranas)
    staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    staff_user("annan", role=Role.COORDINATOR, municipality=eksjo)
    url = reverse("admin:municipalities_membership_changelist")

    response = admin_client.get(url, {"kommun": tranas.pk})

    listed = {m.user.username for m in response.context["cl"].result_list}
    assert listed == {"samordnare", "polis"}
    assert admin_client.get(url, {"kommun": "x"}).status_code == 200
    # The role field says what each role may do.
    page = admin_client.get(reverse("admin:municipalities_membership_add")).content.decode()
    assert "Kommunpolis: loggar Polisens och de gemensamma aktiviteterna." in page


@pytest.mark.django_db
def test_a_read_only_records_close_button_says_stang_not_avsluta(admin_client_with_demo):
    # The lifecycle's "Close" (Avsluta, to end a period) was Django's "Close" too: every read-only
    # record's only button said "Avsluta", on a period's page as if it would end the period.
    period = apps.get_model("promises", "promiseperiod").objects.first()
    html = admin_client_with_demo.get(
        reverse("admin:promises_promiseperiod_change", args=[period.pk])
    ).content.decode()

    assert re.search(r'class="closelink"[^>]*>\s*Stäng\s*<', html)
    assert not re.search(r'class="closelink"[^>]*>\s*Avsluta', html)


@pytest.mark.django_db
def test_the_lifecycle_still_calls_its_step_avsluta():
    from django.utils import translation

    from promises.lifecycle import Action

    with translation.override("sv"):
        assert str(Action.CLOSE.label) == "Avsluta"


@pytest.mark.django_db
def test_yes_and_no_columns_are_read_out_in_swedish(admin_client):
    staff_user("karin", with_device=False)  # beside the administrator, who has the app

    html = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()

    # Django's tick and cross had alt="True" / alt="False": a screen reader read English.
    assert 'alt="True"' not in html and 'alt="False"' not in html
    assert 'alt="Ja"' in html and 'alt="Nej"' in html


@pytest.mark.django_db
def test_when_a_user_joined_and_last_signed_in_are_not_editable(admin_client):
    user = staff_user("karin")
    change = reverse("admin:auth_user_change", args=[user.pk])

    html = admin_client.get(change).content.decode()

    assert 'name="last_login_0"' not in html and 'name="date_joined_0"' not in html
    assert "Senaste inloggning" in html


@pytest.mark.django_db
def test_the_admins_django_and_history_texts_are_swedish(admin_client_with_demo):
    period = apps.get_model("promises", "promiseperiod").objects.first()
    index = admin_client_with_demo.get(reverse("admin:index")).content.decode()
    change = admin_client_with_demo.get(
        reverse("admin:promises_promiseperiod_change", args=[period.pk])
    ).content.decode()
    history = admin_client_with_demo.get(
        reverse("admin:promises_promiseperiod_history", args=[period.pk])
    ).content.decode()
    user = admin_client_with_demo.get(
        reverse("admin:auth_user_change", args=[User.objects.first().pk])
    ).content.decode()

    assert "Senaste händelser" in index and "Senaste Händelser" not in index
    assert "Leave empty" not in change
    assert "Lämna tomt om löftena gäller tills vidare." in change
    for english in ("View history", ">Object<", "Changed by", "Change reason", ">Changed<"):
        assert english not in history
    assert "Visa historik:" in history and "Ändrad av" in history
    # "Lägg till ytterligare Roll": Django capitalises the model's name mid-sentence.
    # (the button's text is in the inline's JSON, non-ASCII letters escaped)
    assert "L\\u00e4gg till: Roll" in user


@pytest.mark.django_db
def test_the_user_list_shows_roles_and_filters_by_municipality_county_and_role(admin_client):
    """Setting up a municipality's staff meant opening each user to see their roles."""
    vetlanda, eksjo = factories.municipality("vetlanda"), factories.municipality("eksjo")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [eksjo])
    karin = staff_user("karin", role=Role.COORDINATOR, municipality=vetlanda)
    Membership.objects.create(user=karin, role=Role.POLICE_OFFICER, municipality=vetlanda)
    Membership.objects.create(user=karin, role=Role.POLICE_OFFICER, local_police_area=area)
    staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    staff_user("ny")  # no role yet
    url = reverse("admin:auth_user_changelist")

    def listed(**query) -> set[str]:
        response = admin_client.get(url, query)
        assert response.status_code == 200
        return {user.username for user in response.context["cl"].result_list}

    html = admin_client.get(url).content.decode()
    # In the roles' order, each with its places.
    # An area with its municipalities: which ones the role reaches.
    assert "Kommunpolis: Vetlanda, Lokalpolisområde Höglandet (Eksjö); Samordnare: Vetlanda" in html
    # Eksjö's staff include those who hold a role for its local police area.
    assert listed(kommun=eksjo.pk) == {"karin", "polis"}
    assert listed(lan=vetlanda.county_id) == {"karin", "polis"}  # Jönköping's county
    assert listed(roll=Role.COORDINATOR) == {"karin"}
    # Together, the filters are one role: Vetlanda's officers, not officers somewhere.
    assert listed(kommun=vetlanda.pk, roll=Role.POLICE_OFFICER) == {"karin"}
    assert listed(kommun=eksjo.pk, roll=Role.COORDINATOR) == set()
    assert listed(roll="ingen") == {"administrator", "ny"}
    assert listed(kommun="x") == set()
    assert listed(q="Höglandet") == {"karin", "polis"}
    assert listed(q="Vetlanda") == {"karin"}


@pytest.mark.django_db
def test_the_user_list_names_an_areas_municipalities_in_swedish_order(admin_client):
    """An administrator who gave a kommunpolis the area of three municipalities saw only the
    area's name in the list, and opened the area to check which municipalities it reached."""
    places = [factories.municipality(slug) for slug in ("varnamo", "gislaved", "gnosjo")]
    area = factories.local_police_area("Lokalpolisområde Värnamo", places)
    staff_user("erik", role=Role.POLICE_OFFICER, local_police_area=area)
    html = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Kommunpolis: Lokalpolisområde Värnamo (Gislaved, Gnosjö, Värnamo)" in html


@pytest.mark.django_db
def test_the_user_lists_queries_do_not_grow_with_its_users(admin_client, django_assert_num_queries):
    vetlanda, eksjo = factories.municipality("vetlanda"), factories.municipality("eksjo")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [eksjo])
    url = reverse("admin:auth_user_changelist")

    def add_users(first: int, count: int) -> None:
        for n in range(first, first + count):
            user = staff_user(f"user{n}", role=Role.COORDINATOR, municipality=vetlanda)
            Membership.objects.create(user=user, role=Role.POLICE_OFFICER, local_police_area=area)

    add_users(0, 2)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url).status_code == 200
    add_users(2, 20)
    with django_assert_num_queries(len(few)):
        html = admin_client.get(url).content.decode()
    assert html.count("Kommunpolis: Lokalpolisområde Höglandet (Eksjö); Samordnare: Vetlanda") == 22


@pytest.mark.django_db
def test_the_user_page_says_the_user_chooses_the_password_and_sends_the_link(
    admin_client, mailoutbox
):
    """Django's "No password set. Set password" invited an administrator to make one up;
    the portal e-mails the user a link to choose it."""
    user = staff_user("karin")
    user.set_unusable_password()
    user.save()
    change = reverse("admin:auth_user_change", args=[user.pk])

    html = admin_client.get(change).content.decode()

    assert "Användaren har inte valt något lösenord än." in html
    assert "Användaren väljer sitt lösenord själv" in html
    assert "Inget lösenord angivet" not in html and "Sätt lösenord" not in html
    assert reverse("admin:auth_user_password_change", args=[user.pk]) not in html
    send = reverse("admin:auth_user_send_password_link", args=[user.pk])
    assert f'href="{send}"' in html
    # The button on its own line: after a <br> its padding covered the text above it.
    assert f'<p class="password-link"><a class="button" href="{send}">' in html
    # A page confirms, then sends the link; Django's page to set the password is not offered.
    confirm = admin_client.get(send).content.decode()
    assert f"e-brev till {user.email}" in confirm and not mailoutbox
    response = admin_client.post(send, follow=True)
    assert response.redirect_chain[-1][0] == change
    assert "En länk för att välja lösenord skickades till" in response.content.decode()
    (message,) = mailoutbox
    assert message.to == [user.email]
    password_page = reverse("admin:auth_user_password_change", args=[user.pk])
    assert admin_client.get(password_page).status_code == 403
    assert admin_client.post(password_page, {"password1": "x", "password2": "x"}).status_code == 403
    user.refresh_from_db()
    assert not user.has_usable_password()
    # A user who chose one is said to have; an inactive one gets no link.
    html = admin_client.get(reverse("admin:auth_user_change", args=[staff_user("nils").pk]))
    assert "Användaren har valt ett lösenord." in html.content.decode()
    user.is_active = False
    user.save()
    assert send not in admin_client.get(change).content.decode()
    assert admin_client.post(send).status_code == 403
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_records_history_shows_the_choices_labels_and_a_dash_for_empty(admin_client):
    from django.utils import translation

    from promises.models import PeriodState

    period = factories.period(state=PeriodState.DECIDED)
    period.state, period.signed_date = PeriodState.SIGNED, period.start_date
    period.save()
    history = reverse("admin:promises_promiseperiod_history", args=[period.pk])

    html = admin_client.get(history).content.decode()

    with translation.override("sv"):
        decided, signed = str(PeriodState.DECIDED.label), str(PeriodState.SIGNED.label)
    assert re.search(rf"{decided}\s*&nbsp;&rarr;&nbsp;&nbsp;{signed}", html), html
    assert re.search(r"–\s*&nbsp;&rarr;&nbsp;&nbsp;1 januari 2026", html)
    assert "None" not in html and "decided" not in html


def test_every_history_admin_shows_its_changes_in_words():
    from promises.admin import RecordHistoryAdmin

    history_admins = [a for a in admin.site._registry.values() if isinstance(a, SimpleHistoryAdmin)]
    assert history_admins
    assert all(isinstance(a, RecordHistoryAdmin) for a in history_admins)


@pytest.mark.django_db
def test_deactivating_a_user_says_their_sessions_were_ended(admin_client):
    officer = staff_user("polis")
    theirs = Client()
    sign_in(theirs, officer)
    change = reverse("admin:auth_user_change", args=[officer.pk])

    response = admin_client.post(change, _user_form(officer), follow=True)

    assert "är inaktiv och utloggad överallt: 1 session avslutades." in response.content.decode()
    assert theirs.get(reverse("activities:staff_home")).status_code == 302


@pytest.mark.django_db
def test_the_role_forms_municipalities_are_in_swedish_order():
    from municipalities.forms import MembershipForm

    names = [label for value, label in MembershipForm().fields["municipality"].choices if value]
    assert len(names) == 290
    # Å, Ä, Ö after Z, in that order: Ystad, Åmål, Ängelholm, Örebro.
    assert names.index("Ystad") < names.index("Åmål") < names.index("Ängelholm")
    assert names.index("Ängelholm") < names.index("Örebro")
    assert names[-1].startswith("Ö") and names[0].startswith("A")


@pytest.mark.django_db
@pytest.mark.parametrize("place", ["municipality", "local_police_area"])
def test_a_role_posted_twice_on_the_add_page_is_refused_not_a_server_error(
    admin_client, mailoutbox, place
):
    """The add page's role row and one added beside it, the same role for the same place: the
    database refused the second (a server error), and no user was added."""
    eksjo = factories.municipality("eksjo")
    value = eksjo.pk if place == "municipality" else factories.local_police_area("Höglandet").pk
    role = {"role": Role.POLICE_OFFICER, place: value}
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        _add_form(
            username="nils.eksjo",
            first_name="Nils",
            email="nils.berg@eksjo.se",
            **{"memberships-TOTAL_FORMS": "2"},
            **{f"memberships-{row}-{name}": v for row in (0, 1) for name, v in role.items()},
        ),
    )
    assert response.status_code == 200
    assert "Användaren har redan den här rollen för den här platsen." in response.content.decode()
    assert not User.objects.filter(username="nils.eksjo").exists()
    assert not mailoutbox


@pytest.mark.django_db
def test_a_role_posted_twice_on_the_users_page_is_refused_not_a_server_error(admin_client):
    officer = staff_user("polis")
    eksjo = factories.municipality("eksjo")
    change = reverse("admin:auth_user_change", args=[officer.pk])
    rows = {
        f"memberships-{row}-{name}": value
        for row in (0, 1)
        for name, value in (("role", Role.COORDINATOR), ("municipality", eksjo.pk))
    }
    data = _user_form(officer, is_active="on", **rows, **{"memberships-TOTAL_FORMS": "2"})
    response = admin_client.post(change, data)
    assert response.status_code == 200
    assert "Användaren har redan den här rollen för den här platsen." in response.content.decode()
    assert not officer.memberships.filter(role=Role.COORDINATOR).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "error"),
    [
        ({}, "Välj en kommun eller ett lokalpolisområde."),
        ({"municipality": "both"}, "Välj antingen en kommun eller ett lokalpolisområde"),
        ({"municipality": "999999"}, "Välj ett giltigt alternativ"),
        ({"municipality": "1 OR 1=1"}, "Välj ett giltigt alternativ"),
        ({"municipality": "eksjo", "role": "kung"}, "Välj ett giltigt alternativ"),
    ],
)
def test_a_role_on_the_add_page_without_one_valid_place_adds_no_user(
    admin_client, mailoutbox, role, error
):
    """A role with no place, with both, or with a municipality typed by an id that does not
    exist: the page says so, and no user (nor invitation) is made with half a role."""
    eksjo = factories.municipality("eksjo")
    fields = {"role": Role.POLICE_OFFICER, **role}
    if fields.get("municipality") == "both":
        fields["local_police_area"] = factories.local_police_area("Höglandet").pk
    if fields.get("municipality") in ("both", "eksjo"):
        fields["municipality"] = eksjo.pk
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        _add_form(
            username="nils.eksjo",
            email="nils.berg@eksjo.se",
            **{f"memberships-0-{name}": value for name, value in fields.items()},
        ),
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not User.objects.filter(username="nils.eksjo").exists()
    assert not mailoutbox


@pytest.mark.django_db
def test_the_invitation_names_a_place_as_written_and_a_name_cannot_add_a_header(
    admin_client, mailoutbox
):
    """The e-mail is plain text: a place's '&' stays '&'; a name with a line break posted by
    hand is one line and adds no header."""
    area = factories.local_police_area("Höglandet & Vättern")
    admin_client.post(
        reverse("admin:auth_user_add"),
        _add_form(
            username="nils.eksjo",
            first_name="Nils\r\nBcc: utanfor@example.org",
            email="nils.berg@eksjo.se",
            **{"memberships-0-role": Role.COORDINATOR, "memberships-0-local_police_area": area.pk},
        ),
    )
    (message,) = mailoutbox
    assert "- Samordnare, Höglandet & Vättern\n" in message.body
    assert message.bcc == [] and "utanfor@example.org" not in str(message.message())
    assert "\n" not in User.objects.get(username="nils.eksjo").first_name


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.POLICE_OFFICER])
def test_staff_who_are_no_administrators_cannot_reach_the_add_page(client, role):
    sign_in(client, staff_user("nils", role=role, municipality=factories.municipality("eksjo")))
    add = reverse("admin:auth_user_add")
    assert client.get(add).status_code == 302
    client.post(add, _add_form(username="ny.anvandare", email="ny@eksjo.se"))
    assert not User.objects.filter(username="ny.anvandare").exists()
