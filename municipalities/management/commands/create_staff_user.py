"""Provision a staff account: a user with a role for a place, or an administrator."""

import argparse
import getpass
import os
import secrets
import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from municipalities.forms import email_taken_by
from municipalities.invitations import MAIL_ERRORS, send_set_password_email
from municipalities.models import LocalPoliceArea, Membership, Municipality, Role

PASSWORD_VARIABLE = "STAFF_USER_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff user, or give an existing user a role: --role with --municipality or "
        "--police-area, and/or --admin (staff and superuser; how the first administrator is "
        "made). The password is asked for twice; with --no-input it is read from "
        f"{PASSWORD_VARIABLE}, and if that is empty a set-password e-mail goes to --email. "
        "--send-link sends an existing user that e-mail again."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", help="Required for a new user.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--role", choices=Role.values)
        place = parser.add_mutually_exclusive_group()
        place.add_argument("--municipality", metavar="SLUG", help="e.g. vetlanda")
        place.add_argument("--police-area", metavar="SLUG", help="a local police area's slug")
        parser.add_argument(
            "--admin", action="store_true", help="An administrator (staff and superuser)."
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=f"Ask nothing: the password comes from {PASSWORD_VARIABLE}, or by e-mail.",
        )
        parser.add_argument(
            "--site-url",
            help="Address in the set-password e-mail, e.g. https://medborgarloften.example.se "
            "(default: SITE_URL).",
        )
        parser.add_argument(
            "--send-link",
            action="store_true",
            help="Send an existing user the set-password e-mail again (the first one was lost, "
            "or could not be sent).",
        )

    def handle(self, username: str, **options) -> None:
        place = self._place(options["role"], options["municipality"], options["police_area"])
        if options["role"] is None and not options["admin"] and not options["send_link"]:
            raise CommandError("Nothing to do: give --role with a place, --admin or --send-link.")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        created = user is None
        password, site_url = "", None
        if created:
            user = self._new_user(user_model, username, options)
            password = self._password(user, options["interactive"])
            site_url = None if password else self._site_url(options["site_url"])
        elif options["send_link"]:
            if not user.is_active:
                raise CommandError(f"{username} is deactivated: no link is sent.")
            if not user.email:
                raise CommandError(f"{username} has no e-mail address to send the link to.")
            site_url = self._site_url(options["site_url"])
        with transaction.atomic():
            if created:
                user.set_password(password or secrets.token_urlsafe(32))
            if options["admin"]:
                user.is_staff = user.is_superuser = True
            user.save()
            membership_created = False
            if options["role"] is not None:
                _, membership_created = Membership.objects.get_or_create(
                    user=user, role=options["role"], **place
                )
        self._report(user, created, options, place, membership_created)
        if site_url is not None:
            try:
                send_set_password_email(user, site_url)
            except MAIL_ERRORS as error:
                raise CommandError(
                    f"The set-password e-mail to {user.email} could not be sent ({error}). "
                    "Check the e-mail settings (EMAIL_HOST, EMAIL_PORT … in README.md), then "
                    f"send it again: manage.py create_staff_user {username} --send-link"
                ) from None
            self.stdout.write(f"Sent a set-password e-mail to {user.email}.")

    def _place(self, role: str | None, municipality: str | None, police_area: str | None) -> dict:
        if role is None:
            if municipality or police_area:
                raise CommandError("--municipality and --police-area need a --role.")
            return {}
        if municipality:
            found = Municipality.objects.filter(slug=municipality).first()
            if found is None:
                raise CommandError(
                    f"Unknown municipality {municipality!r}: use the slug from its address, "
                    "e.g. vetlanda for /kommuner/vetlanda/."
                )
            return {"municipality": found}
        if police_area:
            found = LocalPoliceArea.objects.filter(slug=police_area).first()
            if found is None:
                known = ", ".join(LocalPoliceArea.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(
                    f"Unknown local police area {police_area!r}. Known slugs: {known}."
                )
            return {"local_police_area": found}
        raise CommandError("--role needs a place: --municipality SLUG or --police-area SLUG.")

    def _new_user(self, user_model, username: str, options: dict):
        try:
            user_model._meta.get_field(user_model.USERNAME_FIELD).run_validators(username)
        except ValidationError as error:
            reason = " ".join(error.messages)
            raise CommandError(f"Invalid username {username!r}: {reason}") from None
        email = options["email"]
        if not email:
            raise CommandError("A new user needs --email (for password resets).")
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Invalid e-mail address {email!r}.") from None
        if (other := email_taken_by(email, None)) is not None:
            raise CommandError(f"The user {other.get_username()!r} already has {email!r}.")
        return user_model(
            username=username,
            email=user_model.objects.normalize_email(email),
            first_name=options["first_name"],
            last_name=options["last_name"],
        )

    def _password(self, user, interactive: bool) -> str:
        """The new user's password, checked by the password validators; "" to send an e-mail."""
        if not interactive:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            try:
                if password:
                    password_validation.validate_password(password, user)
            except ValidationError as error:
                raise CommandError(f"Password refused: {' '.join(error.messages)}") from None
            return password
        if not sys.stdin.isatty():
            raise CommandError(
                f"Not in a terminal: use --no-input, with the password in {PASSWORD_VARIABLE} "
                "or without it to send a set-password e-mail."
            )
        while True:
            password = getpass.getpass("Password (empty: send a set-password e-mail): ")
            if not password:
                return ""
            if getpass.getpass("Password (again): ") != password:
                self.stderr.write("The passwords differ. Try again.")
                continue
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.stderr.write("Password refused: " + " ".join(error.messages))
                continue
            return password

    def _site_url(self, site_url: str | None) -> str:
        # SITE_URL by default, as every other e-mail's links (itself by default the first
        # ALLOWED_HOSTS name over https, or the local server with DEBUG).
        site_url = site_url or settings.SITE_URL
        parts = urlsplit(site_url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise CommandError(f"--site-url must look like https://example.se, not {site_url!r}.")
        return site_url

    def _report(self, user, created: bool, options: dict, place: dict, membership: bool) -> None:
        action = "Created user" if created else "Existing user"
        kind = " (administrator)" if user.is_superuser else ""
        self.stdout.write(self.style.SUCCESS(f"{action} {user.get_username()}{kind}."))
        if options["role"] is not None:
            where = next(iter(place.values()))
            state = "Added" if membership else "Already held"
            self.stdout.write(f"{state}: {Role(options['role']).label} for {where}.")
