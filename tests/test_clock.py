"""The tests' clock: noon of the day the run started, in the portal's time zone (conftest)."""

import datetime

from django.utils import timezone

READ_AT_COLLECTION = timezone.localdate()


def test_the_day_read_with_the_modules_is_the_day_of_every_test():
    now = timezone.localtime()
    assert now.date() == READ_AT_COLLECTION
    # Started at noon: a run has twelve hours before its "today" ends.
    assert datetime.time(12) <= now.time()
