"""Fill the database with demo data and demo users with published passwords (local use only)."""

import argparse
import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from followups.demo import EARLIEST_TODAY, build_demo


def _iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = (
        "Create demo users, local police areas and five promise periods with activities, logs, "
        "follow-up meetings and reports. Running it again creates nothing new. For local use "
        "only: the demo users' passwords are published."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--today",
            type=_iso_date,
            default=None,
            help="Generate logs up to this date, YYYY-MM-DD (default: today).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (only for a local, non-public database).",
        )

    def handle(self, *args, today: datetime.date | None, force: bool, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: seed_demo creates users with published passwords. "
                "Use --force only on a local, non-public database."
            )
        today = today or timezone.localdate()
        if today < EARLIEST_TODAY:
            raise CommandError(f"--today must be on or after {EARLIEST_TODAY.isoformat()}.")

        result = build_demo(today)

        created = [f"{count} {label}" for label, count in result.created.items() if count]
        if created:
            self.stdout.write(f"Demo data up to {today.isoformat()}: created " + ", ".join(created))
        else:
            self.stdout.write("Demo data already present: nothing created.")

        width = max(len(row.username) for row in result.users)
        password_width = max(len(row.password) for row in result.users)
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING("FOR LOCAL USE ONLY: demo accounts with published passwords")
        )
        self.stdout.write(f"  {'username':<{width}}  {'password':<{password_width}}  role")
        for row in result.users:
            note = "" if row.created else " (existing user; password not changed)"
            self.stdout.write(
                f"  {row.username:<{width}}  {row.password:<{password_width}}  {row.role}{note}"
            )
