"""The WSGI application loads, as a worker starts, what the first request would otherwise load."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
before = set(sys.modules)
import config.wsgi
from django.utils.translation import trans_real
loaded = set(sys.modules) - before
print(sorted(name for name in loaded if name.endswith(".views") or name.endswith(".feeds")))
print(sorted(trans_real._translations))
"""


def test_importing_the_application_loads_every_view_and_both_catalogues():
    env = {**os.environ, "SECRET_KEY": "x", "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=99
    )
    assert done.returncode == 0, done.stderr
    views, catalogues = done.stdout.splitlines()
    for module in ("promises.views", "activities.views", "followups.views", "followups.feeds"):
        assert module in views
    assert catalogues == "['en', 'sv']"
