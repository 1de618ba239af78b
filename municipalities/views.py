"""Staff sign-in in two steps (password, then a code from an authenticator app), passwords, and
the staff user's own settings.

Django's password views do the password work with our templates; our own views do the two
steps. Failed passwords are counted by django-axes (through `authenticate`, which needs the
request), wrong codes are throttled by django-otp.
"""

import base64
import datetime
import hashlib
import logging
import unicodedata
from urllib.parse import urlsplit

import django_otp
import segno
from axes.helpers import get_client_ip_address
from axes.utils import reset as reset_failed_sign_ins
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from access.staff import staff_required
from municipalities.forms import (
    LOCKOUT_USERNAME_LENGTH,
    LoginForm,
    TokenForm,
    UserSettingsForm,
)
from municipalities.models import NotificationPreference

RESET_LINK_HOURS = settings.PASSWORD_RESET_TIMEOUT // 3600

logger = logging.getLogger(__name__)
# What `_count` answers when the cache cannot count: more than any limit.
LIMIT_UNKNOWN = 1_000_000_000


def _next_url(request: HttpRequest) -> str:
    """Where to go after signing in: `next` if it is a path on this site, else the staff start
    page (a bare word such as "foo" is no path: `redirect` would look it up as a view name)."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _confirmed_devices(user) -> QuerySet[TOTPDevice]:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _complete_sign_in(request: HttpRequest, device: TOTPDevice) -> None:
    django_otp.login(request, device)
    # A new session key for the raised privilege, as Django gives one after the password.
    request.session.cycle_key()


@sensitive_post_parameters("password")
@never_cache
def login(request: HttpRequest) -> HttpResponse:
    """Step one: username and password; then the code, or setting up an authenticator app."""
    next_url = _next_url(request)
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(next_url)
    data = _data(request)
    if data is not None:
        if _failures_of_client(request) >= settings.SIGN_IN_MAX_FAILURES_PER_CLIENT:
            logger.warning("Sign-in refused: too many failed sign-ins from one client.")
            return render(request, "accounts/locked_out.html", status=429)
        # Checked before the password is: during the lock a right guess is not told apart.
        if _failures_of_username(data) >= settings.SIGN_IN_MAX_FAILURES_PER_USERNAME:
            logger.warning("Sign-in refused: too many failed sign-ins for one username.")
            context = {"cooloff_timedelta": settings.SIGN_IN_LIMIT_WINDOW}
            return render(request, "accounts/locked_out.html", context, status=429)
    form = LoginForm(request, data=data)
    if form.is_valid():
        user = form.get_user()
        auth_login(request, user)
        step = "accounts:verify" if _confirmed_devices(user).exists() else "accounts:otp_setup"
        return redirect(_with_next(step, next_url))
    if data is not None:
        _count(SIGN_IN_FAILURES, _client(request), window=settings.SIGN_IN_LIMIT_WINDOW)
        _count(
            SIGN_IN_FAILURES_PER_USERNAME,
            _counted_username(data.get("username")),
            window=settings.SIGN_IN_LIMIT_WINDOW,
        )
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def _client(request: HttpRequest) -> str:
    return get_client_ip_address(request) or ""


def _counted_username(username: object) -> str:
    """A typed username as the failures per username count it: as the sign-in form reads it
    (its field strips the blanks around it and takes NFKC: " anna" signs in as "anna", so
    counts as it) and cut as django-axes stores it (`lockout_username`)."""
    username = username if isinstance(username, str) else ""
    return LoginForm.base_fields["username"].to_python(username)[:LOCKOUT_USERNAME_LENGTH]


def _failures_of_username(data) -> int:
    """The failed sign-ins with this username over all clients in the current window; 0 when
    the cache cannot say (the lockout per username and client still holds)."""
    return _counted(SIGN_IN_FAILURES_PER_USERNAME, _counted_username(data.get("username")))


def username_limited(username: str) -> bool:
    """Whether the sign-ins with `username` are refused for its failures over all clients."""
    failures = _counted(SIGN_IN_FAILURES_PER_USERNAME, _counted_username(username))
    return failures >= settings.SIGN_IN_MAX_FAILURES_PER_USERNAME


def forget_failures_of_username(username: str) -> None:
    """Lift the limit on a username's failed sign-ins (a password reset, the admin's action)."""
    try:
        caches["limits"].delete(
            _counter_key(SIGN_IN_FAILURES_PER_USERNAME, _counted_username(username))
        )
    except Exception:
        logger.error("counter %s not deleted", SIGN_IN_FAILURES_PER_USERNAME, exc_info=True)


def _failures_of_client(request: HttpRequest) -> int:
    """The failed sign-ins from this client (its address as django-axes reads it) over all
    usernames in the current window; 0 when the cache cannot say (the lockout per username
    still holds)."""
    return _counted(SIGN_IN_FAILURES, _client(request))


def _counted(kind: str, value: str) -> int:
    """How many of `kind` were counted for `value` in the current window (`_count`), without
    counting one more; 0 when the cache cannot say."""
    try:
        return caches["limits"].get(_counter_key(kind, value), 0)
    except Exception:
        logger.error("counter %s not read", kind, exc_info=True)
        return 0


@sensitive_post_parameters("token")
@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Step two: the code the user's authenticator app shows."""
    next_url = _next_url(request)
    if not request.user.is_authenticated:
        return redirect(_with_next("accounts:login", next_url))
    if request.user.is_verified():
        return redirect(next_url)
    devices = _confirmed_devices(request.user)
    if not devices.exists():
        return redirect(_with_next("accounts:otp_setup", next_url))
    form = TokenForm(_data(request), devices=devices)
    if form.is_valid():
        _complete_sign_in(request, form.device)
        return redirect(next_url)
    return render(request, "accounts/verify.html", {"form": form, "next": next_url})


def _qr_code(device: TOTPDevice) -> SafeString:
    # segno writes the SVG from the otpauth: address alone; nothing in it comes from user input.
    return mark_safe(segno.make(device.config_url).svg_inline(scale=5, dark="#000", light="#fff"))


def _secret_groups(device: TOTPDevice) -> str:
    """The key in base32, as authenticator apps take it, in groups of four for typing."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


# The session's key being set up (`_setup_device`).
SETUP_DEVICE = "otp_setup_device"


def _setup_device(request: HttpRequest) -> TOTPDevice:
    """The key this sign-in sets up: the same while its session reloads the page, a new one for
    each sign-in, and the user's other unconfirmed keys dropped. Someone who had the password
    and saw a key cannot keep it as a second factor for the app the user confirms later."""
    pending = TOTPDevice.objects.filter(user=request.user, confirmed=False)
    device = pending.filter(pk=request.session.get(SETUP_DEVICE)).first()
    if device is None:
        pending.delete()
        device = TOTPDevice.objects.create(
            user=request.user, name=gettext("Authenticator app"), confirmed=False
        )
        request.session[SETUP_DEVICE] = device.pk
    return device


@sensitive_post_parameters("token")
@never_cache
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app, for a user signed in with a password who has none yet."""
    next_url = _next_url(request)
    if not request.user.is_authenticated:
        return redirect(_with_next("accounts:login", next_url))
    if request.user.is_verified():
        return redirect(next_url)
    if _confirmed_devices(request.user).exists():
        # Replacing an app needs an administrator to remove the old one first.
        return redirect(_with_next("accounts:verify", next_url))
    device = _setup_device(request)
    form = TokenForm(_data(request), devices=TOTPDevice.objects.filter(pk=device.pk))
    if form.is_valid():
        form.device.confirmed = True
        form.device.save(update_fields=["confirmed"])
        request.session.pop(SETUP_DEVICE, None)
        _complete_sign_in(request, form.device)
        messages.success(
            request, _("Your authenticator app is set up. You will use it each time you sign in.")
        )
        return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "qr_code": _qr_code(device),
        # The same otpauth: address as a link, for setting up on the phone the page is read on.
        "app_link": device.config_url,
        "secret": _secret_groups(device),
    }
    return render(request, "accounts/otp_setup.html", context)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, so a link or an image cannot sign anyone out)."""
    auth_logout(request)
    messages.success(request, _("You are signed out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


class NewPasswordFirstMixin:
    """A new password too short or too common is said at the new password, where it was
    typed: Django says it at the confirmation ("Bekräfta nytt lösenord: Det här lösenordet är för
    kort"), as if the repetition were wrong."""

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data


class SetPasswordForm(NewPasswordFirstMixin, auth_forms.SetPasswordForm):
    pass


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's choose-a-new-password step; it also lifts a lockout of the account."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def get_context_data(self, **kwargs):
        # A new account's link (`create_staff_user --send-link`) chooses its first password.
        context = super().get_context_data(**kwargs)
        user = getattr(self, "user", None)
        context["first_password"] = user is not None and user.last_login is None
        return context

    def get_user(self, uidb64):
        # A link sent before the account was deactivated sets no password: the page says the
        # link is not valid, as for a used one.
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever can read the account's e-mail may sign in at once, even after a lockout.
        reset_failed_sign_ins(username=self.user.get_username())
        forget_failures_of_username(self.user.get_username())
        return response


# The counters kept in the cache "limits", by what they count.
RESET_PER_CLIENT = "password-reset:client"
RESET_PER_ADDRESS = "password-reset:address"
SIGN_IN_FAILURES = "sign-in-failure"
SIGN_IN_FAILURES_PER_USERNAME = "sign-in-failure:username"
PASSWORD_CHANGE_FAILURES = "password-change-failure"


def _counter_key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{kind}:{digest}"


def _count(kind: str, value: str, window: datetime.timedelta | None = None) -> int:
    """One more request of `kind` for `value` in the current window (by default the password
    reset's); the count so far.

    Kept in the cache "limits", apart from the pages (settings.CACHES)."""
    counters = caches["limits"]
    key = _counter_key(kind, value)
    window = int((window or settings.PASSWORD_RESET_LIMIT_WINDOW).total_seconds())
    try:
        # add() and incr() are atomic in a shared cache: workers cannot both take the last place.
        counters.add(key, 0, timeout=window)
        try:
            return counters.incr(key)
        except ValueError:
            # The window ended between add() and incr(): this request opens the next one.
            counters.add(key, 1, timeout=window)
            return 1
    except Exception:
        # A cache that cannot count (down, or full) lifts no limit: nothing is sent until it
        # counts again (the page says the same either way).
        logger.error("%s not counted (the cache failed)", kind, exc_info=True)
        return LIMIT_UNKNOWN


def reset_allowed(request: HttpRequest, email: str) -> bool:
    """Whether a reset e-mail may be sent for `email` to this client, counting this request.

    At most PASSWORD_RESET_MAX_PER_ADDRESS per address (as typed, in any case) and
    PASSWORD_RESET_MAX_PER_CLIENT per client address (read as django-axes reads it) in each
    PASSWORD_RESET_LIMIT_WINDOW; the page a person sees is the same either way.
    """
    # The client first: one over its limit counts no address (a client sending many addresses
    # must not make a counter per address).
    per_client = _count(RESET_PER_CLIENT, _client(request))
    if per_client > settings.PASSWORD_RESET_MAX_PER_CLIENT:
        per_address = None
    else:
        # As Django finds the account (its comparison folds "ſ" to "s", PostgreSQL's UPPER
        # too): every spelling that reaches one account counts as that address.
        per_address = _count(
            RESET_PER_ADDRESS, unicodedata.normalize("NFKC", email.strip()).casefold()
        )
    allowed = per_address is not None and per_address <= settings.PASSWORD_RESET_MAX_PER_ADDRESS
    if not allowed:
        logger.warning(
            "Password reset limited: %s for the address, %s for the client.",
            per_address,
            per_client,
        )
    return allowed


def _same_address(one: str, other: str) -> bool:
    return (
        unicodedata.normalize("NFKC", one).casefold()
        == unicodedata.normalize("NFKC", other).casefold()
    )


class ResetRequestForm(auth_forms.PasswordResetForm):
    """Django's reset request, whose e-mails are sent once the answer has gone (`outgoing`).

    Sent while the request waited, a known address was answered later than an unknown one by
    the mail server's time (a probe: 0.2–1 s against 5 ms), which told who has an account.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.outgoing: list[tuple[EmailMultiAlternatives, int]] = []

    def get_users(self, email):
        """The active users with this address, those who have not chosen a password yet too.

        Django leaves out a user without a usable password; here that is a user added in the
        admin whose first link has expired, and who asks for a new one here, as the e-mail
        says. A deactivated user still gets nothing."""
        user_model = get_user_model()
        email_field = user_model.get_email_field_name()
        users = user_model._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}
        )
        return (
            user
            for user in users
            # As Django compares: the database's iexact may match more than Unicode does.
            if _same_address(email, getattr(user, email_field))
        )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Made here, in the request's language, as Django's own send_mail makes it.
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        self.outgoing.append((message, context["user"].pk))


def _send_reset_mails(outgoing: list[tuple[EmailMultiAlternatives, int]]) -> None:
    for message, user_id in outgoing:
        try:
            message.send()
        except Exception:
            logger.exception("Failed to send password reset email to %s", user_id)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request, limited per address and per client, answering the same always
    and at once: its e-mail is sent after the answer (`ResetRequestForm`)."""

    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    extra_email_context = {"hours": RESET_LINK_HOURS}
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if reset_allowed(self.request, form.cleaned_data["email"]):
            # The link points at the portal's own address (SITE_URL), as every e-mail's does,
            # never at the Host the request named: with several allowed names, or a proxy that
            # passes the scheme on, the requester must not choose where the token goes.
            site = urlsplit(settings.SITE_URL)
            form.save(
                domain_override=site.netloc,
                use_https=site.scheme == "https",
                token_generator=self.token_generator,
                from_email=self.from_email,
                email_template_name=self.email_template_name,
                subject_template_name=self.subject_template_name,
                request=self.request,
                html_email_template_name=self.html_email_template_name,
                extra_email_context=self.extra_email_context,
            )
        # Where an e-mail would have been sent: nobody learns that the limit was reached.
        response = HttpResponseRedirect(self.get_success_url())
        if form.outgoing:
            # Run by the server once the answer is sent (WSGI's close(), as Django closes a
            # file it serves); the test client closes each response too.
            response._resource_closers.append(lambda: _send_reset_mails(form.outgoing))
        return response


# An e-mail goes only to an active account with the address; the page is the same either way.
password_reset = PasswordResetView.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html",
    extra_context={"hours": RESET_LINK_HOURS},
)
password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


class LimitedPasswordChangeForm(NewPasswordFirstMixin, auth_forms.PasswordChangeForm):
    """Django's, with the current password guessed wrong at most AXES_FAILURE_LIMIT times per
    AXES_COOLOFF_TIME, as at sign-in: one who holds a signed-in session cannot try password
    after password to learn it (and use it where the person uses it too)."""

    def clean_old_password(self) -> str:
        account = str(self.user.pk)
        if _counted(PASSWORD_CHANGE_FAILURES, account) >= settings.AXES_FAILURE_LIMIT:
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            raise ValidationError(
                _(
                    "The current password was entered wrong too many times. For your security, "
                    "try again in %(minutes)s minutes."
                ),
                code="too_many_attempts",
                params={"minutes": minutes},
            )
        try:
            return super().clean_old_password()
        except ValidationError:
            _count(PASSWORD_CHANGE_FAILURES, account, window=settings.AXES_COOLOFF_TIME)
            raise


password_change = staff_required(
    auth_views.PasswordChangeView.as_view(
        form_class=LimitedPasswordChangeForm,
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:password_change_done"),
    )
)
password_change_done = staff_required(
    auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html")
)


@staff_required
@require_http_methods(["GET", "POST"])
def user_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own settings: e-mail notifications on or off."""
    user = request.user
    if request.method == "POST":
        form = UserSettingsForm(request.POST)
        if form.is_valid():
            enabled = form.cleaned_data["email_enabled"]
            NotificationPreference.objects.update_or_create(
                user=user, defaults={"email_enabled": enabled}
            )
            if enabled:
                messages.success(request, _("Saved: you get e-mail notifications."))
            else:
                messages.success(request, _("Saved: you get no e-mail notifications."))
            return redirect("accounts:user_settings")
    else:
        enabled = NotificationPreference.email_enabled_for(user)
        form = UserSettingsForm(initial={"email_enabled": "yes" if enabled else "no"})
    # What the user may do, and where: a new user's pages never said it.
    memberships = user.memberships.select_related("municipality", "local_police_area")
    context = {"form": form, "memberships": memberships, "is_superuser": user.is_superuser}
    return render(request, "accounts/user_settings.html", context)
