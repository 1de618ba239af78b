"""gunicorn's logger for production (config/gunicorn.conf.py: `logger_class`).

- Its own lines ("Booting worker", "WORKER TIMEOUT") are JSON objects like the app's
  (config/observability.py), so one parser reads the whole log.
- Each value put into the JSON access line is escaped for JSON: a user agent or a path with a
  quotation mark or a line break no longer breaks the line or forges another.
- A password reset link's token is masked in access lines: the link stays valid for hours until
  it is used, and logs are read by more people than the account's owner.

gunicorn's master process loads it before the app: config.observability, whose formatter it
uses, needs no settings to be imported.
"""

import json
import re

from gunicorn.glogging import Logger

from config.observability import JsonFormatter

# /personal/losenord/aterstall/<uidb64>/<token>/ (municipalities/urls.py), with or without a
# language prefix; the page it redirects to ("…/set-password/") holds no token.
_RESET_TOKEN = re.compile(r"(/personal/losenord/aterstall/[^/\s]+/)(?!set-password/)[^/\s]+/")


def masked(value: str) -> str:
    """`value` with a password reset link's token replaced by "…"."""
    return _RESET_TOKEN.sub(r"\1…/", value)


class JsonLogger(Logger):
    """gunicorn's Logger with JSON error lines, JSON-escaped access values, masked tokens."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.setFormatter(JsonFormatter())

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        for key in QUOTED_ATOMS:
            value = atoms.get(key)
            if isinstance(value, str):
                # Inside the format's quotation marks: the value as a JSON string's content.
                atoms[key] = json.dumps(masked(value), ensure_ascii=False)[1:-1]
        return atoms


# The atoms config/gunicorn.conf.py's access_log_format puts between quotation marks (the others
# are numbers gunicorn makes); only these are escaped, on every request.
QUOTED_ATOMS = ("t", "{x-request-id}o", "h", "m", "U", "q", "B", "a", "r", "f")
