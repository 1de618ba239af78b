#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that only read the models and the migration files sign nothing, so they run without
# a SECRET_KEY (the settings refuse to start without one when DEBUG is off).
SCHEMA_COMMANDS = {"makemigrations", "showmigrations", "sqlmigrate"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) > 1 and sys.argv[1] in SCHEMA_COMMANDS:
        os.environ.setdefault("SECRET_KEY", "schema-commands-sign-nothing")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
