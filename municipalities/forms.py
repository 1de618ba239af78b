"""Staff sign-in forms (username and password, then a code from an authenticator app), and the
staff user's own settings."""

import ipaddress
import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserChangeForm, UsernameField
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.observability import from_proxy_address
from municipalities.models import LocalPoliceArea, Membership
from municipalities.search import swedish_sort_key


def client_address(request) -> str | None:
    """The address of the client behind a request (AXES_CLIENT_IP_CALLABLE), one rule for all.

    Behind our proxy (a peer in PROXY_ADDRESSES) it is the last X-Forwarded-For entry, the one
    the proxy appended; what a client writes into that header itself stays to the left of it.
    From any other peer, or with no usable entry, it is the peer's address (REMOTE_ADDR).
    Sign-in lockouts and the password reset limits count clients by it. An IPv6 address counts
    as its /64 network (written as the network's first address): one client holds a whole /64
    and could otherwise try a password from each of its addresses.
    """
    peer = counted_address(request.META.get("REMOTE_ADDR") or None)
    if not from_proxy_address(request):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    try:
        address = ipaddress.ip_address(forwarded)
    except ValueError:
        return peer
    # An IPv6 zone (fe80::1%eth0) names the proxy's network, not a client.
    return peer if getattr(address, "scope_id", None) else counted_address(forwarded)


def counted_address(text: str | None) -> str | None:
    """A client's address as clients are counted: an IPv6 address as its /64 network's first
    address, an IPv4 address written in IPv6 (::ffff:198.51.100.7) as the IPv4 address."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        if not address.scope_id:
            return str(ipaddress.IPv6Network((address, 64), strict=False).network_address)
    return str(address)


# django-axes keeps the username of a failed sign-in in a column of this many characters.
LOCKOUT_USERNAME_LENGTH = 255


def lockout_username(request, credentials: dict | None = None) -> str | None:
    """The username django-axes counts a sign-in under (AXES_USERNAME_CALLABLE).

    The typed username, as axes would take it, cut to the length of axes's column: a longer one
    is then counted (and locked out) like any unknown username instead of failing to be saved.
    No account's username is that long (the user model allows 150 characters), so the cut never
    merges an account with another username.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    if isinstance(username, str):
        return username[:LOCKOUT_USERNAME_LENGTH]
    return username


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


# An HTML tag, as promises.validators refuses it in every typed text (this app is below it).
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


class OneLineField(forms.CharField):
    """A name on one line, plain text: it reaches e-mails, pages and documents; a posted line
    break is a space."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value.split()) if value else value

    def validate(self, value) -> None:
        super().validate(value)
        if value and _TAG.search(value):
            raise forms.ValidationError(
                _("Write plain text: HTML tags such as <b> or <script> are not allowed."),
                code="html",
            )


class LocalPoliceAreaForm(forms.ModelForm):
    """A local police area in the admin: its municipalities lie in its police region (an area
    of region Syd was saved with municipalities of Jönköpings län, in region Öst)."""

    class Meta:
        model = LocalPoliceArea
        fields = ["name", "slug", "police_region", "municipalities"]
        field_classes = {"name": OneLineField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # By name in Swedish order, as the membership's list (the admin orders by code).
        field = self.fields["municipalities"]
        field.choices = sorted(
            ((m.pk, str(m)) for m in field.queryset), key=lambda choice: swedish_sort_key(choice[1])
        )

    def clean(self):
        cleaned = super().clean()
        region, municipalities = cleaned.get("police_region"), cleaned.get("municipalities")
        if region is not None and municipalities:
            outside = municipalities.exclude(county__police_region=region)
            if outside:
                names = ", ".join(sorted(m.name for m in outside))
                self.add_error(
                    "municipalities",
                    _(
                        "Not in %(region)s: %(names)s. Choose the area's police region or "
                        "municipalities in it."
                    )
                    % {"region": region.name, "names": names},
                )
        return cleaned


class MembershipForm(forms.ModelForm):
    """A membership in the admin: a role for exactly one place."""

    class Meta:
        model = Membership
        fields = ["user", "role", "municipality", "local_police_area"]
        # What each role may do, where it is given (an administrator setting up a municipality
        # had to guess).
        help_texts = {
            "role": _(
                "Community police officer: logs the Police's and joint activities. "
                "Coordinator: drafts and edits the citizen promises, records decisions, signing, "
                "meetings and reports, and logs the municipality's, joint and other actors' "
                "activities. Approver: comments on, approves or sends back drafts in consultation."
            ),
            # Both places were offered with no word of which to fill in, nor of what a role for
            # an area means (an administrator giving a kommunpolis three municipalities).
            "municipality": _(
                "Either a municipality or a local police area, not both. For a role in every "
                "municipality of a local police area, choose the area."
            ),
            "local_police_area": _(
                "A role for a local police area holds in each of its municipalities, also "
                "those added to the area later."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "municipality" in self.fields:
            # A list to choose from, by name in Swedish order (the admin orders municipalities
            # by code; a database's collation put Ä before Å, or Å among the A's).
            field = self.fields["municipality"]
            field.choices = [
                *([("", field.empty_label)] if field.empty_label is not None else []),
                *sorted(
                    ((m.pk, str(m)) for m in field.queryset),
                    key=lambda choice: swedish_sort_key(choice[1]),
                ),
            ]

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


class MembershipFormSet(forms.BaseInlineFormSet):
    """A user's roles in the admin: the same role for the same place once. The database's
    constraints say so, but Django's formset checks only unconditional ones, so a role posted
    twice on one page (the add page's row and one added beside it) was a server error."""

    def clean(self) -> None:
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form) or form.errors:
                continue
            data = form.cleaned_data
            key = (data.get("role"), data.get("municipality"), data.get("local_police_area"))
            if key in seen:
                form.add_error(None, _("The user already has this role for this place."))
            seen.add(key)


def email_taken_by(email: str, user_pk: int | None):
    """Another user with this e-mail address (in any case), or None."""
    if not email:
        return None
    others = get_user_model().objects.filter(email__iexact=email.strip())
    if user_pk is not None:
        others = others.exclude(pk=user_pk)
    return others.order_by("pk").first()


class StaffUserChangeForm(UserChangeForm):
    """The admin's user form: one user per e-mail address, since password resets and
    notifications go to it (two accounts on one address each got the other's reset links),
    and names on one line."""

    class Meta(UserChangeForm.Meta):
        field_classes = {
            **UserChangeForm.Meta.field_classes,
            "first_name": OneLineField,
            "last_name": OneLineField,
        }

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email", "")
        other = email_taken_by(email, self.instance.pk)
        if other is not None:
            raise forms.ValidationError(
                _("The user %(username)s already has this e-mail address."),
                code="email_taken",
                params={"username": other.get_username()},
            )
        return email


class StaffUserCreationForm(forms.ModelForm):
    """The admin's new user: a username, a name and an e-mail address, no password. The user
    chooses one from the e-mail the admin sends (`invitations`); their roles are given on the
    next page."""

    class Meta:
        model = get_user_model()
        fields = ["username", "first_name", "last_name", "email"]
        field_classes = {
            "username": UsernameField,
            "first_name": OneLineField,
            "last_name": OneLineField,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _(
            "The user gets an e-mail here with a link to choose a password (valid 3 hours)."
        )

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email", "")
        other = email_taken_by(email, None)
        if other is not None:
            raise forms.ValidationError(
                _("The user %(username)s already has this e-mail address."),
                code="email_taken",
                params={"username": other.get_username()},
            )
        return email

    def save(self, commit: bool = True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class UserSettingsForm(forms.Form):
    """A staff user's own settings: e-mail notifications on or off."""

    email_enabled = forms.TypedChoiceField(
        label=_("E-mail notifications"),
        help_text=_(
            "E-mail when a citizen promise is sent to you for consultation; when one you "
            "coordinate is commented on or approved; when one you coordinate or review is sent "
            "back; when your comment is answered; and when a citizen promise of your "
            "municipality is decided, signed, changed or extended, or a report on it is "
            "published. And a weekly digest of activities behind pace, coming follow-up "
            "meetings and reports due, when there is something to follow up."
        ),
        choices=[
            ("yes", _("Yes, e-mail me")),
            ("no", _("No, I will look in the portal myself")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you want e-mail notifications."),
            "invalid_choice": _("Choose one of the options: yes or no."),
        },
    )
