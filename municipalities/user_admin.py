"""The users' admin: staff users with their roles (memberships) inline, filtered by municipality,
county and role, with the actions administrators take (send the link to choose a password again,
reset a lost authenticator app, lift a sign-in lockout); a user made inactive is signed out."""

import logging
from importlib import import_module

from axes.models import AccessAttempt
from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.admin_text import PlainTextAdminMixin
from municipalities.forms import (
    MembershipForm,
    MembershipFormSet,
    StaffUserChangeForm,
    StaffUserCreationForm,
)
from municipalities.invitations import MAIL_ERRORS, send_set_password_email
from municipalities.models import (
    County,
    Membership,
    Municipality,
    Role,
)
from municipalities.search import swedish_sort_key
from municipalities.views import forget_failures_of_username, username_limited


class MembershipInline(PlainTextAdminMixin, admin.StackedInline):
    """The user's roles. Stacked, so that every field has its label (a table row's boxes had
    only the column heading, which names no box, nor did the delete box have a name), and the
    places in plain lists to choose from: the admin's autocomplete boxes (Select2) name
    themselves by their value, so an empty one, as in a row just added, had no name at all."""

    model = Membership
    form = MembershipForm
    formset = MembershipFormSet
    extra = 0
    fields = ["role", "municipality", "local_police_area"]

    def get_extra(self, request, obj=None, **kwargs) -> int:
        # A new user's first role on the add page, ready to fill in (left empty, none is saved).
        return 1 if obj is None else 0


logger = logging.getLogger(__name__)


class _UserMembershipFilter(admin.SimpleListFilter):
    """A filter of the user list by the roles users hold. The municipality (or county) and the
    role filters read together, as one role: "coordinators in Vetlanda" are not those who
    coordinate somewhere and hold some role in Vetlanda."""

    def __init__(self, request, params, model, model_admin) -> None:
        self._query = request.GET
        super().__init__(request, params, model, model_admin)

    def _pk(self, name: str) -> int | None:
        try:
            return int(self._query.get(name, ""))
        except ValueError:
            return None

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        held = Membership.objects.all()
        role = self._query.get(UserRoleFilter.parameter_name)
        if role == UserRoleFilter.NONE:
            return queryset.filter(memberships__isnull=True)
        if role:
            held = held.filter(role=role)
        for name, direct, through_area in (
            (
                UserMunicipalityFilter.parameter_name,
                "municipality",
                "local_police_area__municipalities",
            ),
            (
                UserCountyFilter.parameter_name,
                "municipality__county",
                "local_police_area__municipalities__county",
            ),
        ):
            if self._query.get(name):
                pk = self._pk(name)
                if pk is None:
                    return queryset.none()
                held = held.filter(Q(**{direct: pk}) | Q(**{through_area: pk}))
        return queryset.filter(pk__in=held.values("user_id"))


class UserMunicipalityFilter(_UserMembershipFilter):
    """The users holding a role for a municipality, also through a local police area."""

    title = _("municipality (also through a local police area)")
    parameter_name = "kommun"

    def lookups(self, request, model_admin):
        return [(m.pk, m.name) for m in Municipality.objects.order_by("name")]


class UserCountyFilter(_UserMembershipFilter):
    """The users holding a role for a municipality of a county."""

    title = _("county")
    parameter_name = "lan"

    def lookups(self, request, model_admin):
        return [(c.pk, c.name) for c in County.objects.order_by("name")]


class UserRoleFilter(_UserMembershipFilter):
    """The users holding a role (where the filters above say), or none at all."""

    NONE = "ingen"
    title = _("role")
    parameter_name = "roll"

    def lookups(self, request, model_admin):
        return [*Role.choices, (self.NONE, _("No role"))]


def end_sessions(user_ids: set[int]) -> int:
    """End every session of the users `user_ids` (read from the session store: only staff have
    sessions, so there are few); returns how many."""
    # Through the configured store, so that a cached copy goes too.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended, wanted = 0, {str(pk) for pk in user_ids}
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if session.get_decoded().get(SESSION_KEY) in wanted:
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


User = get_user_model()
admin.site.unregister(User)
# A lost phone is handled on the user (the action below): the devices' own admin, in English,
# showed each user's secret key.
admin.site.unregister(TOTPDevice)
# The role groups follow the roles given on each user (`roles.sync_role_groups`): a group edited
# here changed nothing a role does, or was put right at the next change of roles.
admin.site.unregister(Group)


@admin.register(User)
class StaffUserAdmin(PlainTextAdminMixin, UserAdmin):
    """Django's user admin with the user's roles; role groups follow from them; whether each
    has set up the authenticator app and is locked out, with an action for each. Names are
    plain text as every admin text is: a bidirectional override or a zero-width space in a
    name made one colleague's name read as another's in the staff pages and e-mails."""

    form = StaffUserChangeForm
    # A new user: a name and an e-mail address, no password: the e-mail lets them choose one.
    add_form = StaffUserCreationForm
    add_fieldsets = ((None, {"fields": ("username", "first_name", "last_name", "email")}),)
    # Roles decide what a user may do (the groups follow from them): the groups and Django's
    # list of permissions (English names) are not offered, where changing them did nothing.
    fieldsets = (
        # Not Django's password box ("No password set. Set password"): the user chooses the
        # password from an e-mailed link, which is sent again from here.
        (None, {"fields": ("username", "password_state")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        # No "staff status" box: every user here is staff in the portal's sense, and Django's
        # flag let a kommunpolis into the admin, which reads every municipality's records.
        # An administrator is staff and superuser at once (`save_model`).
        (_("Permissions"), {"fields": ("is_active", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    # Facts the portal records, not settings: they were offered as date and time boxes with
    # "I dag | Nu" buttons, and an administrator could rewrite when someone last signed in.
    readonly_fields = ("password_state", "last_login", "date_joined")
    inlines = [MembershipInline]
    # Not Django's "staff status": a red cross beside every kommunpolis read as a fault.
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "is_active",
        "roles",
        "has_authenticator",
        "locked_out",
    ]
    list_filter = [UserMunicipalityFilter, UserCountyFilter, UserRoleFilter, "is_active"]
    search_fields = [
        *UserAdmin.search_fields,
        "memberships__municipality__name",
        "memberships__local_police_area__name",
    ]
    actions = ["reset_authenticator", "lift_lockout", "send_password_link"]

    def get_queryset(self, request):
        cooled_off = timezone.now() - settings.AXES_COOLOFF_TIME
        return (
            super()
            .get_queryset(request)
            # The list's roles column, in one query for the page.
            .prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("municipality", "local_police_area"),
                ),
                # An area's municipalities, named beside it (one more query for the page).
                "memberships__local_police_area__municipalities",
            )
            .annotate(
                authenticator=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                ),
                # As django-axes decides it: enough failures under the username, from one
                # address, within the cool-off time.
                lockout=Exists(
                    AccessAttempt.objects.filter(
                        username=OuterRef("username"),
                        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
                        attempt_time__gte=cooled_off,
                    )
                ),
            )
        )

    @admin.display(description=_("Password"))
    def password_state(self, obj) -> str:
        """Whether the user has chosen a password, and the button that sends the link again:
        an administrator never sees nor sets it."""
        state = (
            gettext("The user has chosen a password.")
            if obj.has_usable_password()
            else gettext("The user has not chosen a password yet.")
        )
        how = gettext(
            "Users choose their password themselves, from a link the portal e-mails them "
            "(valid 3 hours): when they are added, and when they ask for it under the sign-in "
            "form."
        )
        if not obj.is_active or not obj.email:
            return format_html("{} {}", state, how)
        return format_html(
            # The button on a line of its own: after a <br> its padding covered the text's
            # last line.
            '<p>{} {}</p><p class="password-link"><a class="button" href="{}">{}</a></p>',
            state,
            how,
            reverse("admin:auth_user_send_password_link", args=[obj.pk]),
            gettext("Send the link to choose a password again"),
        )

    def get_urls(self):
        return [
            path(
                "<int:user_id>/skicka-losenordslank/",
                self.admin_site.admin_view(self.send_password_link_view),
                name="auth_user_send_password_link",
            ),
            *super().get_urls(),
        ]

    def send_password_link_view(self, request, user_id: int):
        """The button on the user's page: the set-password e-mail again (a lost first one, a
        forgotten password)."""
        user = get_object_or_404(User, pk=user_id)
        if not self.has_change_permission(request, user) or not user.is_active or not user.email:
            raise PermissionDenied
        if request.method != "POST":
            # A page of its own to confirm, not a button in the user's form: Enter in a name
            # box presses a form's first button.
            return TemplateResponse(
                request,
                "admin/auth/user/send_password_link.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "original": user,
                    "title": gettext("Send the link to choose a password again"),
                },
            )
        if self._send_password_link(request, user):
            messages.success(
                request,
                gettext("A link to choose a password was sent to %(email)s.")
                % {"email": user.email},
            )
        return redirect("admin:auth_user_change", user.pk)

    def user_change_password(self, request, id, form_url=""):
        # Django's page to set a user's password (or turn password sign-in off, which left a
        # user who could never sign in): users choose their own from the e-mailed link.
        raise PermissionDenied

    @admin.display(description=_("roles"))
    def roles(self, obj) -> str:
        """ "Samordnare: Vetlanda; Kommunpolis: Lokalpolisområde Värnamo (Gislaved, Gnosjö,
        Värnamo)": the roles in the order of the choices, each with its places, an area with its
        municipalities (an administrator giving an officer an area could not see which
        municipalities the role reached)."""
        places: dict[str, list[str]] = {}
        for membership in obj.memberships.all():  # prefetched
            place = str(membership.place)
            if area := membership.local_police_area:
                names = sorted((m.name for m in area.municipalities.all()), key=swedish_sort_key)
                place = f"{place} ({', '.join(names)})" if names else place
            places.setdefault(membership.role, []).append(place)
        return "; ".join(
            f"{capfirst(label)}: {', '.join(places[role])}"
            for role, label in Role.choices
            if role in places
        )

    @admin.display(boolean=True, description=_("authenticator app"), ordering="authenticator")
    def has_authenticator(self, obj) -> bool:
        return obj.authenticator

    @admin.display(description=_("locked out"), ordering="lockout")
    def locked_out(self, obj) -> str:
        """Locked out from one address (django-axes), or over all addresses for its failures
        (`username_limited`; the column showed only the first, so a user refused everywhere
        read as not locked out). Words, not a tick: a green tick read as all well."""
        locked = obj.lockout or username_limited(obj.get_username())
        return gettext("Locked out") if locked else ""

    @admin.action(
        description=_("Reset the authenticator app (a lost or new phone)"), permissions=["change"]
    )
    def reset_authenticator(self, request, queryset) -> None:
        # The user signs in with the password again and sets up a new app: their sessions end
        # too, or a session left open on the lost phone could set up an app of its own.
        users = list(queryset)
        TOTPDevice.objects.filter(user__in=users).delete()
        end_sessions({user.pk for user in users})
        messages.success(
            request,
            ngettext(
                "%(count)s user is signed out everywhere and sets up the authenticator app again "
                "after signing in with the password.",
                "%(count)s users are signed out everywhere and set up the authenticator app again "
                "after signing in with the password.",
                len(users),
            )
            % {"count": len(users)},
        )

    @admin.action(description=_("Send the link to choose a password again"), permissions=["change"])
    def send_password_link(self, request, queryset) -> None:
        # The first e-mail was lost or could not be sent: a user the admin added has no
        # password the reset page would send a link for.
        sent = list(queryset.filter(is_active=True).exclude(email=""))
        for user in sent:
            if not self._send_password_link(request, user):
                return
        messages.success(
            request,
            ngettext(
                "A link to choose a password was sent to %(count)s user.",
                "A link to choose a password was sent to %(count)s users.",
                len(sent),
            )
            % {"count": len(sent)},
        )

    def _send_password_link(self, request, user) -> bool:
        """Send `user` the set-password e-mail; False, with an error shown, if it could not be."""
        try:
            send_set_password_email(user, settings.SITE_URL)
        except MAIL_ERRORS:
            logger.exception("set-password e-mail to user %s not sent", user.pk)
            messages.error(
                request,
                gettext(
                    "The e-mail to %(email)s could not be sent: check the portal's e-mail "
                    "settings (README), then send it again with the action “Send the link to "
                    "choose a password again”."
                )
                % {"email": user.email},
            )
            return False
        return True

    @admin.action(description=_("Lift the sign-in lockout"), permissions=["change"])
    def lift_lockout(self, request, queryset) -> None:
        users = list(queryset)
        # Locked out from an address (django-axes), or limited over all addresses.
        locked = [user for user in users if user.lockout or username_limited(user.get_username())]
        for user in users:
            reset_lockout(username=user.get_username())
            forget_failures_of_username(user.get_username())
        if not locked:
            messages.info(request, gettext("None of the chosen users was locked out."))
            return
        messages.success(
            request,
            ngettext(
                "%(count)s user may try to sign in again.",
                "%(count)s users may try to sign in again.",
                len(locked),
            )
            % {"count": len(locked)},
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        # Nothing is hard-deleted (public records law): a user who leaves is made inactive, and
        # their logs, meetings and reports keep their name. The delete page said only that the
        # account lacked the right to delete those records.
        return False

    def response_add(self, request, obj, post_url_continue=None):
        """After adding (the roles given on the add page saved first): the e-mail to choose a
        password is sent, naming those roles; with none given, the administrator is asked to
        give one. (The roles were given only on the user's page, after the e-mail had gone out
        naming none.)"""
        if self._send_password_link(request, obj):
            if obj.memberships.exists():
                text = gettext("An e-mail with a link to choose a password was sent to %(email)s.")
            else:
                text = gettext(
                    "An e-mail with a link to choose a password was sent to %(email)s. Give the "
                    "user a role below."
                )
            messages.info(request, text % {"email": obj.email})
        return super().response_add(request, obj, post_url_continue)

    def save_model(self, request, obj, form, change) -> None:
        obj._deactivated = (
            change and not obj.is_active and User.objects.filter(pk=obj.pk, is_active=True).exists()
        )
        obj.is_staff = obj.is_superuser
        super().save_model(request, obj, form, change)
        if obj._deactivated:
            # Refused while inactive, an open session would come back with the account.
            obj._sessions_ended = end_sessions({obj.pk})

    def save_related(self, request, form, formsets, change) -> None:
        obj = form.instance
        before = set(Membership.objects.municipality_ids(obj, [Role.COORDINATOR]))
        super().save_related(request, form, formsets, change)  # the roles as they now are
        # A coordinator's role taken away (the deactivation below says so itself): a
        # municipality may be left with no one to coordinate it. (A saved membership makes the
        # remembered scope stale: the second reading is the new one.)
        lost = before - set(Membership.objects.municipality_ids(obj, [Role.COORDINATOR]))
        orphaned = [str(place) for place in Membership.objects.coordinated_only_by(obj, lost)]
        if orphaned and obj.is_active:
            messages.warning(
                request,
                _("%(places)s now has no active coordinator: give the role to someone else.")
                % {"places": ", ".join(orphaned)},
            )
        if getattr(obj, "_deactivated", False):
            # "Changed user x" alone did not say the user was signed out too.
            ended = getattr(obj, "_sessions_ended", 0)
            messages.info(
                request,
                ngettext(
                    "%(user)s is inactive and signed out everywhere: %(count)s session was ended.",
                    "%(user)s is inactive and signed out everywhere: %(count)s sessions were "
                    "ended.",
                    ended,
                )
                % {"user": _user_named(obj), "count": ended},
            )
            left = Membership.objects.coordinated_only_by(obj)
            if left:
                names = ", ".join(sorted(str(place) for place in left))
                messages.warning(
                    request,
                    _(
                        "%(user)s can no longer sign in. %(places)s now has no active "
                        "coordinator: give the role to someone else."
                    )
                    % {"user": _user_named(obj), "places": names},
                )


def _user_named(user) -> str:
    """ "Karin Lind (karin.lind)": the username alone, capitalised at a sentence's start, read
    as "Karin.lind"."""
    full = user.get_full_name()
    return f"{full} ({user.get_username()})" if full else user.get_username()
