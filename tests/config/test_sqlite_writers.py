"""The embedded default (a SQLite file) with several people saving at once: writers wait their
turn instead of failing with "database is locked" (a 503 to the second person correcting a log
while a colleague saves)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Threads released together, each running transactions that read a row and then write it, as
# the services do (select_for_update is no lock on SQLite: the read takes a shared lock that
# the write must upgrade, which SQLite refuses at once to one of two such transactions).
RACE = """
import threading
from django.db import connection, transaction
from municipalities.models import Municipality

THREADS, ROUNDS = 6, 15
barrier = threading.Barrier(THREADS)
errors = []

def work():
    try:
        barrier.wait(timeout=30)
        for _ in range(ROUNDS):
            with transaction.atomic():
                municipality = Municipality.objects.get(slug="tranas")
                Municipality.objects.filter(pk=municipality.pk).update(name=municipality.name)
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=work) for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("errors:", len(errors), errors[:1])
"""


def test_concurrent_read_then_write_transactions_on_a_sqlite_file_all_succeed(
    migrated_sqlite_file, tmp_path
):
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_sqlite_file, database)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "sqlite-writers",
        "DEBUG": "",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", RACE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "errors: 0 []" in result.stdout, result.stdout
