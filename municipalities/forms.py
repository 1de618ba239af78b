"""Staff sign-in forms: username and password, then a code from an authenticator app."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities.models import Membership


class LoginForm(AuthenticationForm):
    """Username and password, with one error for every failure so usernames cannot be probed."""

    def confirm_login_allowed(self, user) -> None:
        # An inactive account gets the same answer as a wrong password.
        if not user.is_active:
            raise self.get_invalid_login_error()


class TokenForm(forms.Form):
    """A code from an authenticator app, checked against `devices` (throttled by django-otp)."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        help_text=_("Six digits. A new code appears every 30 seconds."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )

    def __init__(self, *args, devices: "QuerySet[TOTPDevice]", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device: TOTPDevice | None = None

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if not (token.isdigit() and 6 <= len(token) <= 8):
            raise forms.ValidationError(
                _("Enter the six-digit code from your authenticator app."), code="format"
            )
        throttled = True
        # Locked rows: two requests cannot both use one code or dodge the throttle.
        with transaction.atomic():
            for device in self.devices.select_for_update():
                if not device.verify_is_allowed()[0]:
                    continue
                throttled = False
                if device.verify_token(token):
                    self.device = device
                    return token
        # Raised outside the transaction, so the failure count django-otp keeps is saved.
        if throttled:
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a minute, then enter the code your app shows."),
                code="throttled",
            )
        raise forms.ValidationError(
            _("The code is wrong or has expired. Enter the code your app shows now."),
            code="invalid",
        )


class MembershipForm(forms.ModelForm):
    """A membership in the admin: a role for exactly one place."""

    class Meta:
        model = Membership
        fields = ["user", "role", "municipality", "local_police_area"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if {"municipality", "local_police_area"} & set(self.errors):
            return cleaned
        municipality, area = cleaned.get("municipality"), cleaned.get("local_police_area")
        # Tied to a field, which also spares the user the database constraint's generic message.
        if municipality is None and area is None:
            self.add_error("municipality", _("Choose a municipality or a local police area."))
        elif municipality is not None and area is not None:
            self.add_error(
                "municipality", _("Choose either a municipality or a local police area, not both.")
            )
        return cleaned
