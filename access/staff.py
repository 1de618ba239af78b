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
            if request.method == "POST":
                # Signed out while filling in a form (the session ended): the sign-in page says
                # that nothing was saved, so the form is filled in again, not taken as sent.
                return redirect(f"{resolve_url(settings.LOGIN_URL)}?{_after_post(request)}")
            return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
        if not user.is_verified():
            has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            target = reverse("accounts:verify" if has_device else "accounts:otp_setup")
            query = (
                _after_post(request)
                if request.method == "POST"
                else urlencode({"next": request.get_full_path()})
            )
            return redirect(f"{target}?{query}")
        return view(request, *args, **kwargs)

    return wrapper


# The query parameter that tells the sign-in and code pages a form was sent while signed out.
NOT_SAVED = "ej_sparat"


def _after_post(request: HttpRequest) -> str:
    return urlencode({"next": request.get_full_path(), NOT_SAVED: "1"})
