"""Fill an empty database with a deterministic, national-scale dataset (for load tests)."""

import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from followups.national import NonEmptyDatabase, build_national

EARLIEST_TODAY = datetime.date(2017, 1, 1)


def _iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD).") from None


def _scale(value: str) -> float:
    scale = float(value)
    if not 0 < scale <= 1:
        raise argparse.ArgumentTypeError("--scale must be more than 0 and at most 1.")
    return scale


def _count(value: str) -> int:
    count = int(value)
    if count < 0:
        raise argparse.ArgumentTypeError("--logs cannot be negative.")
    return count


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database (no promise periods) with a deterministic national dataset: "
        "1-3 published promise periods over 2016-2027 for each covered municipality (and some "
        "drafts), promises, activities, logs, follow-up meetings, assessments and reports. "
        "Everything is inserted in bulk in one transaction: model save() is bypassed, so no "
        "history (django-simple-history) rows are written; derived data are rebuilt at the end. "
        "The same --seed, --logs, --scale and --today give the same data. It refuses a database "
        "that already holds periods: create a fresh one (createdb, then migrate)."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--logs",
            type=_count,
            default=1_000_000,
            help="Exact total number of activity logs (default 1000000), shared among the "
            "activities of the covered municipalities whatever --scale is: lower it with "
            "--scale to keep the density (about 3,500 logs per municipality at the default).",
        )
        parser.add_argument(
            "--scale",
            type=_scale,
            default=1.0,
            help="Share of the 290 municipalities covered, 0 < S <= 1 (default 1; 0.05 gives "
            "14). Malmö, with its two district periods, is always covered.",
        )
        parser.add_argument(
            "--today",
            type=_iso_date,
            default=None,
            help="Generate as if today were this date, YYYY-MM-DD (default: today); nothing is "
            "dated after it.",
        )

    def handle(self, *args, seed: int, logs: int, scale: float, today, **options) -> None:
        today = today or timezone.localdate()
        if today < EARLIEST_TODAY:
            raise CommandError(f"--today must be on or after {EARLIEST_TODAY.isoformat()}.")
        try:
            summary = build_national(
                seed=seed, logs=logs, scale=scale, today=today, say=self.stdout.write
            )
        except NonEmptyDatabase:
            raise CommandError(
                "The database already holds promise periods; generate_national_data only fills "
                "an empty one. Create a fresh database (createdb …, then manage.py migrate) and "
                "point DATABASE_URL at it."
            ) from None
        periods = summary.pop("periods")
        states = ", ".join(f"{state} {count}" for state, count in sorted(periods.items()))
        seconds = summary.pop("seconds")
        self.stdout.write(self.style.SUCCESS(f"Done in {seconds} s (as of {today.isoformat()}):"))
        lines = {"municipalities": summary.pop("municipalities")}
        lines["periods"] = f"{sum(periods.values())} ({states})"
        for label, value in (lines | summary).items():
            self.stdout.write(f"  {label:<15} {value}")
