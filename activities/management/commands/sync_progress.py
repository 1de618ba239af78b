"""Extend the progress spans of open-ended periods to the current year's end (run daily)."""

from django.core.management.base import BaseCommand

from activities import rollup


class Command(BaseCommand):
    help = (
        "Extend the kept progress sums of open-ended periods' activities (gäller tills vidare) "
        "to the end of the current year. Meant for cron, once a day: after New Year the pages "
        "otherwise count from the logs until a log or a change rebuilds the sums."
    )

    def handle(self, *args, **options) -> None:
        count = rollup.sync_open_ended()
        self.stdout.write(f"Extended the progress sums of {count} activities.")
