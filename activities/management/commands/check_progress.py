"""Recount every activity's progress sums from the raw logs and report any difference."""

from django.core.management.base import BaseCommand, CommandError

from activities import rollup
from activities.models import Activity


class Command(BaseCommand):
    help = (
        "Compare the kept progress sums (one per activity and span) with a recount of the logs. "
        "Exits with an error when they differ; --fix rebuilds the sums of those activities."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--fix", action="store_true", help="Rebuild the sums of every activity that differs."
        )

    def handle(self, *args, fix: bool, **options) -> None:
        differences = rollup.check()
        for difference in differences:
            self.stdout.write(f"activity {difference.activity_id}: {difference.problem}")
        if not differences:
            self.stdout.write(self.style.SUCCESS("Progress sums agree with the logs."))
            return
        if fix:
            ids = {difference.activity_id for difference in differences}
            rollup.rebuild(Activity.objects.filter(pk__in=ids))
            self.stdout.write(self.style.SUCCESS(f"Rebuilt the sums of {len(ids)} activities."))
            return
        raise CommandError(f"{len(differences)} differences between the sums and the logs.")
