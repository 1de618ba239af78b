"""Sign-in records are kept SIGN_IN_RECORDS_DAYS days, then deleted with the expired sessions."""

import datetime
import io

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone


@pytest.mark.django_db
def test_records_older_than_the_setting_and_expired_sessions_are_deleted(settings):
    settings.SIGN_IN_RECORDS_DAYS = 90
    now = timezone.now()
    for days, name in ((91, "gammal"), (89, "ny")):
        for model in (AccessLog, AccessFailureLog):
            row = model.objects.create(
                username=name, ip_address="192.0.2.1", user_agent="Firefox", path_info="/"
            )
            # attempt_time is set on creation: moved back afterwards.
            model.objects.filter(pk=row.pk).update(attempt_time=now - datetime.timedelta(days))
    expired, live = SessionStore(), SessionStore()
    expired.set_expiry(-60)
    expired.save()
    live.save()
    out = io.StringIO()

    call_command("forget_sign_ins", stdout=out)

    # Only these rows: a browser test's sign-ins may share the database (PostgreSQL).
    for model in (AccessLog, AccessFailureLog):
        names = model.objects.filter(username__in=["gammal", "ny"])
        assert list(names.values_list("username", flat=True)) == ["ny"]
    keys = Session.objects.filter(session_key__in=[expired.session_key, live.session_key])
    assert list(keys.values_list("session_key", flat=True)) == [live.session_key]
    assert "1 sign-ins, 1 failed sign-ins, 0 lockout counts" in out.getvalue()
