"""The e-mail that lets a new staff user choose a password: a password-reset link, in Swedish.

Sent by `manage.py create_staff_user` without a password, and by the admin when it adds a user:
nobody makes up a password and passes it on.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

# What sending may raise when the mail settings are wrong or the server cannot be reached
# (smtplib's errors are OSErrors): the caller says that nothing was sent.
MAIL_ERRORS = (OSError, ImproperlyConfigured)


def send_set_password_email(user, site_url: str) -> None:
    """A "set your password" e-mail to `user`, its link on `site_url` (https://example.se).

    Raises one of `MAIL_ERRORS` when it cannot be sent (Django's password reset form would log
    the error and go on, and the new user would wait for a mail that never comes)."""
    parts = urlsplit(site_url)
    context = {
        "email": user.email,
        "domain": parts.netloc,
        "site_name": parts.netloc,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": parts.scheme,
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        # What the account is for (none yet, when the roles are to be given later).
        "memberships": user.memberships.select_related("municipality", "local_police_area"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        # One line: a header holds no line break.
        subject = "".join(
            render_to_string("accounts/set_password_subject.txt", context).splitlines()
        )
        body = render_to_string("accounts/set_password_email.txt", context)
    EmailMessage(subject, body, None, [user.email]).send()
