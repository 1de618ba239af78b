"""The door to staff pages: signed in with password and second factor (then `access.policy`)."""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let through users signed in with password and second factor.

    Anonymous visitors go to the sign-in page; signed-in users who have not given their code yet
    go to the code page, or to setting up an authenticator app if they have none.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
        if not user.is_verified():
            has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            target = reverse("accounts:verify" if has_device else "accounts:otp_setup")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper
