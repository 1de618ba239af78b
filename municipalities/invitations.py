"""The e-mail that lets a new staff user choose a password: a password-reset link, in Swedish.

Sent by `manage.py create_staff_user` without a password, and by the admin when it adds a user:
nobody makes up a password and passes it on.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def send_set_password_email(user, site_url: str) -> None:
    """A "set your password" e-mail to `user`, its link on `site_url` (https://example.se)."""
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
    }
    with translation.override(settings.LANGUAGE_CODE):
        PasswordResetForm().send_mail(
            "accounts/set_password_subject.txt",
            "accounts/set_password_email.txt",
            context,
            None,
            user.email,
        )
