#!/usr/bin/env bash
# Back up and restore the portal's database: the one DATABASE_URL names, as for the app
# (default: the SQLite file db.sqlite3 in the project).
#
#   scripts/backup.sh backup FILE     write a backup of the database to FILE, and of the
#                                     stored files it names to FILE.files.tar
#   scripts/backup.sh restore FILE    REPLACE the database's whole content with FILE's, and
#                                     put the files of FILE.files.tar back in the storage
#
# Two forms, chosen by FILE's name:
#
# - FILE ending in .json or .json.gz: the portable form, any database. `manage.py dumpdata`
#   writes every row except what `migrate` recreates or what is transient (content types,
#   permissions, sessions, django-axes' sign-in attempts); .gz is compressed. `restore` runs
#   `migrate`, then empties the database and loads FILE in one transaction (`flush` +
#   `loaddata`): on any error nothing is changed. It also moves data between SQLite and
#   PostgreSQL (back up with one DATABASE_URL, restore with the other).
# - any other FILE (PostgreSQL only): pg_dump's custom format, `pg_dump --format=custom
#   --no-owner --no-privileges`; `restore` runs `pg_restore --clean --if-exists --no-owner
#   --single-transaction` into the database, which must exist (`createdb`); objects of the
#   backup are dropped and recreated, all or nothing.
#
# A SQLite database can only be backed up in the portable form. Restore with the same version
# of the code that made the backup (then `manage.py migrate` to upgrade). After a restore, the
# public pages cached and the open data files built before it are made stale and, as the last
# step, `manage.py check_progress` recounts the progress sums from the logs: it exits non-zero
# when they differ (`check_progress --fix` rebuilds them). Backups are written readable by
# their owner only (umask 077): they hold password hashes and TOTP keys.
#
# The files the database names (signed originals, published reports' PDFs, registered
# periods' source documents: `manage.py stored_files`) cannot be made again: `backup` writes
# them to FILE.files.tar through the storage API (MEDIA_ROOT or an S3-compatible store), and
# `restore` puts back those the restored database names, then checks each against the checksum
# taken when it was stored: it exits non-zero when one is missing or changed. The built open
# data downloads (exports/) are not backed up: they are built again.
#
# Environment: DATABASE_URL; SECRET_KEY (or DEBUG=1) as for every management command;
# PYTHON (default: the project's .venv/bin/python, else python3). The PostgreSQL commands
# (pg_dump, pg_restore) must be of the server's major version or newer.
#
# Examples:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/medborgarloften \
#       scripts/backup.sh backup "backups/medborgarloften-$(date +%F).dump"
#   scripts/backup.sh backup backup.json.gz          # the SQLite file db.sqlite3
set -euo pipefail

PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${PYTHON:-}" ]; then
  PYTHON="$PROJECT/.venv/bin/python"
  if [ ! -x "$PYTHON" ]; then PYTHON=python3; fi
fi

die() {
  echo "backup.sh: $*" >&2
  exit 2
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

manage() {
  (cd "$PROJECT" && "$PYTHON" manage.py "$@")
}

[ $# -eq 2 ] || usage
command=$1
[ -n "$2" ] || usage
[ -d "$(dirname "$2")" ] || die "$(dirname "$2"): no such folder"
# Absolute: the management commands run in the project folder.
file="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"

url="${DATABASE_URL:-sqlite://}"
case "$url" in
  postgres://* | postgresql://* | pgsql://*) vendor=postgresql ;;
  sqlite:*) vendor=sqlite ;;
  *) die "DATABASE_URL: only postgres:// and sqlite:// are supported" ;;
esac
# libpq (pg_dump, pg_restore) takes the URL as it is, with its own scheme name.
libpq_url="postgresql://${url#*://}"

case "$file" in
  *.json | *.json.gz) form=portable ;;
  *) form=pgdump ;;
esac
if [ "$form" = pgdump ] && [ "$vendor" != postgresql ]; then
  die "SQLite uses the portable form: a file named *.json or *.json.gz (pg_dump's is PostgreSQL's)"
fi

# The portable restore, run by `manage.py shell`.
LOAD_PORTABLE='
import os

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from config.public_cache import new_version

# loaddata sets many-to-many fields (the themes of a promise, the promises of an activity)
# through the ordinary m2m_changed signal, on which django-simple-history would add a history
# row per object: the history comes from the backup, exactly as it was.
settings.SIMPLE_HISTORY_ENABLED = False
# Each loaded row would also set a new public data version (which stales the cached pages and
# the built open data files), one cache write per row, minutes for a large backup: the version
# is set once, after the load.
for signal in (post_save, post_delete, m2m_changed):
    signal.disconnect(dispatch_uid=f"public_cache_{signal!r}")
with transaction.atomic():
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", os.environ["BACKUP_FILE"])
new_version()
'

# Written next to FILE under a temporary name (keeping the extension, which tells dumpdata
# whether to compress) and renamed at the end: FILE is never a half-written backup.
partial_file() {
  printf '%s/.partial-%s-%s' "$(dirname "$file")" "$$" "$(basename "$file")"
}

backup() {
  local partial
  partial="$(partial_file)"
  # Password hashes, TOTP keys and internal notes: readable by this user only.
  umask 077
  trap 'rm -f "$partial"' EXIT
  if [ "$form" = pgdump ]; then
    pg_dump --format=custom --no-owner --no-privileges --file="$partial" --dbname="$libpq_url"
  else
    # contenttypes and auth.permission are recreated by migrate (foreign keys to them are
    # written as natural keys); sessions and axes' attempts and logs are transient.
    manage dumpdata --natural-foreign --natural-primary \
      --exclude contenttypes --exclude auth.permission --exclude sessions --exclude axes \
      --output "$partial"
  fi
  mv -f "$partial" "$file"
  # The stored files, beside it, the same way.
  partial="$(dirname "$file")/.partial-$$-$(basename "$file").files.tar"
  manage stored_files export "$partial"
  mv -f "$partial" "$file.files.tar"
  trap - EXIT
  echo "backup.sh: wrote $file ($(du -h "$file" | cut -f1)) and $file.files.tar ($(du -h "$file.files.tar" | cut -f1))"
}

restore() {
  [ -f "$file" ] || die "$file: no such file"
  if [ "$form" = portable ]; then
    manage migrate --noinput
    # One transaction: emptied (flush recreates content types, permissions and role groups,
    # as migrate does) and loaded, or, on any error, left as it was. The reference data
    # (municipalities, counties, police regions) comes from the backup, with its own ids.
    BACKUP_FILE="$file" manage shell --no-imports --command "$LOAD_PORTABLE"
  else
    pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$libpq_url" "$file"
    # Pages cached and open data files built before the restore must not be served: a new
    # public data version.
    manage shell --no-imports --command 'from config.public_cache import new_version; new_version()'
  fi
  if [ -f "$file.files.tar" ]; then
    manage stored_files import "$file.files.tar"
  else
    echo "backup.sh: $file.files.tar not found: the stored files are not restored" >&2
  fi
  manage check_progress
  # Every file the database names is there and unchanged: a signed original or a report's
  # PDF that is gone would answer 404.
  manage stored_files check
  echo "backup.sh: restored $file"
}

case "$command" in
  backup) backup ;;
  restore) restore ;;
  *) usage ;;
esac
