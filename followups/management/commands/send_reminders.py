"""E-mail each staff user their weekly reminder digest, once per ISO week (for cron)."""

import datetime
import re

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from followups import reminders


def parse_day(value: str) -> datetime.date:
    """A `YYYY-MM-DD` date, or a CommandError that says what is expected."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise CommandError(f"--today must be a date written YYYY-MM-DD, e.g. 2026-11-23: {value!r}")
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"--today: {value!r} is not a date in the calendar.") from None


class Command(BaseCommand):
    help = (
        "E-mail each kommunpolis and coordinator a weekly digest of their municipalities: "
        "activities behind pace, planned follow-up meetings of the coming week and (coordinators) "
        "reports due. Nothing when there is nothing to say; at most one digest per user and ISO "
        "week, also across runs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print who would get what; send nothing and record nothing.",
        )
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="Take this day as today (default: today in the site's time zone).",
        )

    def handle(self, *args, dry_run: bool = False, today: str | None = None, **options) -> None:
        day = parse_day(today) if today is not None else timezone.localdate()
        year, week = reminders.iso_week(day)
        result = reminders.send_digests(day, dry_run=dry_run)
        verbose = dry_run or options["verbosity"] > 1
        if verbose:
            prefix = "Would e-mail" if dry_run else "E-mailed"
            for digest in result.sent:
                self.stdout.write(f"{prefix} {_who(digest.user)}: {digest.summary()}")
        for digest in result.failed:
            self.stderr.write(f"Could not e-mail {_who(digest.user)}; the next run tries again.")
        verb = "would be e-mailed" if dry_run else "e-mailed"
        self.stdout.write(
            f"Week {year}-W{week:02d}: {len(result.sent)} users {verb}, "
            f"{len(result.already_sent)} skipped as already sent, "
            f"{len(result.nothing)} with nothing to say"
            + (f", {len(result.failed)} failed (will be retried)" if result.failed else "")
            + (" (dry run: nothing sent or recorded)." if dry_run else ".")
        )
        if result.failed:
            raise CommandError(f"{len(result.failed)} digests could not be sent.")


def _who(user) -> str:
    return f"{user.get_username()} <{user.email}>"
