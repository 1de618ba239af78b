"""Delete the sign-in records older than `SIGN_IN_RECORDS_DAYS` and the expired sessions.

django-axes keeps a row per sign-in and per failed attempt, with the address and the browser;
they serve to find misuse, not the archive, and are not kept for ever (the privacy page says
how long). Run daily from cron (README).
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete sign-in records older than SIGN_IN_RECORDS_DAYS, and expired sessions."

    def handle(self, *args, **options) -> None:
        now = timezone.now()
        before = now - datetime.timedelta(days=settings.SIGN_IN_RECORDS_DAYS)
        counts = {
            "sign-ins": AccessLog.objects.filter(attempt_time__lt=before).delete()[0],
            "failed sign-ins": AccessFailureLog.objects.filter(attempt_time__lt=before).delete()[0],
            "lockout counts": AccessAttempt.objects.filter(attempt_time__lt=before).delete()[0],
            "expired sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        }
        self.stdout.write(
            f"Deleted (older than {settings.SIGN_IN_RECORDS_DAYS} days): "
            + ", ".join(f"{count} {what}" for what, count in counts.items())
        )
