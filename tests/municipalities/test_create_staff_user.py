"""`manage.py create_staff_user`: administrators, roles for places, passwords and the e-mail."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from municipalities.management.commands import create_staff_user as command
from municipalities.models import Membership, Role
from tests import factories
from tests.staff import PASSWORD, staff_user

pytestmark = pytest.mark.django_db

User = get_user_model()
GOOD_PASSWORD = "korrekt-häst-batteri-häftklammer"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("create_staff_user", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def env_password(monkeypatch):
    monkeypatch.setenv(command.PASSWORD_VARIABLE, GOOD_PASSWORD)


@pytest.fixture
def no_env_password(monkeypatch):
    monkeypatch.delenv(command.PASSWORD_VARIABLE, raising=False)


class Terminal:
    """Standard input that is a terminal, for the interactive path."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch):
    """Answers to getpass prompts, in order; returns the list of prompts seen."""
    prompts: list[str] = []

    def answer(*answers: str) -> list[str]:
        replies = iter(answers)

        def fake_getpass(prompt: str = "") -> str:
            prompts.append(prompt)
            return next(replies)

        monkeypatch.setattr(command.getpass, "getpass", fake_getpass)
        monkeypatch.setattr(command.sys, "stdin", Terminal())
        return prompts

    return answer


def test_first_administrator_with_the_password_from_the_environment(env_password):
    output = run("admin", "--email", "admin@example.se", "--admin", "--no-input")
    user = User.objects.get(username="admin")
    assert user.is_staff and user.is_superuser and user.is_active
    assert user.check_password(GOOD_PASSWORD)
    assert user.email == "admin@example.se"
    assert not Membership.objects.exists()
    assert "admin" in output
    assert mail.outbox == []


def test_police_officer_for_a_municipality(env_password):
    run(
        "anna",
        "--email",
        "anna@polisen.se",
        "--first-name",
        "Anna",
        "--last-name",
        "Andersson",
        "--role",
        Role.POLICE_OFFICER,
        "--municipality",
        "vetlanda",
        "--no-input",
    )
    user = User.objects.get(username="anna")
    assert (user.first_name, user.last_name) == ("Anna", "Andersson")
    assert not (user.is_staff or user.is_superuser)
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.municipality) == (
        Role.POLICE_OFFICER,
        factories.municipality(),
    )
    assert user.has_perm("activities.add_activitylog")


def test_role_for_a_local_police_area(env_password):
    area = factories.local_police_area("Lokalpolisområde Höglandet")
    run(
        "anna",
        "--email",
        "anna@polisen.se",
        "--role",
        Role.APPROVER,
        "--police-area",
        area.slug,
        "--no-input",
    )
    membership = Membership.objects.get(user__username="anna")
    assert (membership.role, membership.local_police_area) == (Role.APPROVER, area)


def test_existing_user_gets_another_membership_and_keeps_the_password(env_password):
    user = staff_user("anna", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    output = run("anna", "--role", Role.COORDINATOR, "--municipality", "tranas", "--no-input")
    assert User.objects.count() == 1
    assert set(Membership.objects.filter(user=user).values_list("role", "municipality__slug")) == {
        (Role.POLICE_OFFICER, "vetlanda"),
        (Role.COORDINATOR, "tranas"),
    }
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert "Existing user" in output


def test_running_twice_adds_nothing(env_password):
    args = ["anna", "--email", "a@example.se", "--role", Role.APPROVER]
    run(*args, "--municipality", "vetlanda", "--no-input")
    output = run(*args, "--municipality", "vetlanda", "--no-input")
    assert Membership.objects.count() == 1
    assert "Already held" in output


def test_existing_user_made_administrator(env_password):
    staff_user("anna")
    run("anna", "--admin", "--no-input")
    user = User.objects.get(username="anna")
    assert user.is_staff and user.is_superuser


def test_without_a_password_a_set_password_email_is_sent(client, no_env_password):
    output = run(
        "anna",
        "--email",
        "anna@polisen.se",
        "--role",
        Role.POLICE_OFFICER,
        "--municipality",
        "vetlanda",
        "--no-input",
        "--site-url",
        "https://medborgarloften.example.se",
    )
    assert "anna@polisen.se" in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@polisen.se"]
    assert "anna" in message.body
    link = re.search(r"https://medborgarloften\.example\.se(/\S+)", message.body).group(1)
    assert reverse("accounts:password_reset") in message.body
    user = User.objects.get(username="anna")
    # Nobody knows the password until it is set through the link.
    assert user.has_usable_password()
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    # A new account chooses its first password, not a "new" one.
    assert "<h1>Välj ditt lösenord</h1>" in form_page.content.decode()
    # The username, which was only in the e-mail, is on the page.
    assert (
        "Ditt användarnamn är <strong>anna</strong>. Du loggar in med det och lösenordet du "
        "väljer här."
    ) in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD},
        follow=True,
    )
    user.refresh_from_db()
    assert user.check_password(GOOD_PASSWORD)
    # Nobody has an authenticator app before the first sign-in: the page says it comes then.
    assert "Första gången du loggar in får du hjälp att installera appen." in done.content.decode()
    # Signed in once, a reset link chooses a new password.
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    client.logout()
    client.post(reverse("accounts:password_reset"), {"email": "anna@polisen.se"})
    again = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    assert "<h1>Välj ett nytt lösenord</h1>" in client.get(again, follow=True).content.decode()


def test_the_set_password_link_is_on_site_url_as_every_e_mails_links(no_env_password, settings):
    # An internal name first among the hosts (a load balancer's) is no address for a link.
    settings.ALLOWED_HOSTS = ["internal-lb.local", "medborgarloften.example.se"]
    settings.SITE_URL = "https://medborgarloften.example.se"
    run("admin", "--email", "admin@example.se", "--admin", "--no-input")
    assert "https://medborgarloften.example.se/" in mail.outbox[0].body
    assert "internal-lb.local" not in mail.outbox[0].body


def test_an_e_mail_that_cannot_be_sent_is_said_so_and_can_be_sent_again(no_env_password, settings):
    # A mail server that does not answer (nothing listens on the port).
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with pytest.raises(CommandError) as refused:
        run("anna", "--email", "anna@polisen.se", "--admin", "--no-input")
    message = str(refused.value)
    assert "could not be sent" in message and "EMAIL_HOST" in message
    assert "create_staff_user anna --send-link" in message
    # The user is there (an administrator to be): the link is sent again once mail works.
    assert User.objects.get(username="anna").is_superuser
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    output = run("anna", "--send-link", "--no-input")
    assert "Sent a set-password e-mail to anna@polisen.se." in output
    assert mail.outbox[0].to == ["anna@polisen.se"]
    assert "/personal/losenord/aterstall/" in mail.outbox[0].body


def test_a_link_for_a_user_without_an_address_is_refused(env_password):
    run("anna", "--email", "anna@polisen.se", "--admin", "--no-input")
    User.objects.filter(username="anna").update(email="")
    with pytest.raises(CommandError, match="no e-mail address"):
        run("anna", "--send-link", "--no-input")
    assert not mail.outbox


def test_a_weak_password_is_refused_and_nothing_is_created(monkeypatch):
    monkeypatch.setenv(command.PASSWORD_VARIABLE, "anna12345")
    with pytest.raises(CommandError, match="Password refused"):
        run("anna", "--email", "anna@example.se", "--admin", "--no-input")
    assert not User.objects.exists()


def test_interactive_password_is_asked_twice_until_both_match_and_pass(typed):
    prompts = typed(
        "olika-lösenord-ett", "olika-lösenord-två", "kort", "kort", GOOD_PASSWORD, GOOD_PASSWORD
    )
    run("anna", "--email", "anna@example.se", "--admin")
    assert len(prompts) == 6
    assert User.objects.get(username="anna").check_password(GOOD_PASSWORD)
    assert mail.outbox == []


def test_interactive_empty_password_sends_the_email(typed):
    typed("")
    run("anna", "--email", "anna@example.se", "--admin")
    assert len(mail.outbox) == 1


def test_interactive_without_a_terminal_is_refused(monkeypatch):
    monkeypatch.setattr(command.sys, "stdin", io.StringIO())
    with pytest.raises(CommandError, match="--no-input"):
        run("anna", "--email", "anna@example.se", "--admin")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--role", Role.POLICE_OFFICER, "--municipality", "atlantis"], "Unknown municipality"),
        (["--role", Role.POLICE_OFFICER, "--police-area", "atlantis"], "Unknown local police area"),
        (["--role", Role.POLICE_OFFICER], "needs a place"),
        (["--municipality", "vetlanda"], "need a --role"),
        (["--police-area", "atlantis"], "need a --role"),
        ([], "Nothing to do"),
        (["--role", "chief", "--municipality", "vetlanda"], "invalid choice"),
        (
            ["--role", Role.APPROVER, "--municipality", "vetlanda", "--police-area", "x"],
            "not allowed with",
        ),
    ],
)
def test_bad_options_are_refused_with_a_clear_message(env_password, args, message):
    with pytest.raises(CommandError, match=message):
        run("anna", "--email", "anna@example.se", "--no-input", *args)
    assert not User.objects.exists()
    assert not Membership.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--admin"], "needs --email"),
        (["--admin", "--email", "inte-en-adress"], "Invalid e-mail"),
        (["--admin", "--email", "a@example.se", "--site-url", "example.se"], "--site-url"),
    ],
)
def test_bad_new_user_details_are_refused(no_env_password, args, message):
    with pytest.raises(CommandError, match=message):
        run("anna", "--no-input", *args)
    assert not User.objects.exists()


def test_bad_username_is_refused(env_password):
    with pytest.raises(CommandError, match="Invalid username"):
        run("anna andersson", "--email", "a@example.se", "--admin", "--no-input")
    assert not User.objects.exists()


def test_an_e_mail_address_another_user_has_is_refused(env_password):
    staff_user("bertil")  # bertil@example.org
    with pytest.raises(CommandError, match="'bertil' already has"):
        run("anna", "--email", "Bertil@Example.org", "--admin", "--no-input")
    assert not User.objects.filter(username="anna").exists()


def test_no_link_is_sent_to_a_deactivated_user(env_password):
    run("anna", "--email", "anna@polisen.se", "--admin", "--no-input")
    User.objects.filter(username="anna").update(is_active=False)
    with pytest.raises(CommandError, match="deactivated"):
        run("anna", "--send-link", "--no-input")
    assert not mail.outbox
