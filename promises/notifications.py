"""E-mail to the staff concerned when a period takes a lifecycle step, is revised, or has a
report published.

The lifecycle's steps (`promises.lifecycle.RULES`) call `notify` from their effects; this module
alone decides who is told and what they read. Mail goes out after the step's transaction commits
(nothing is sent for a step that is rolled back), one message per recipient, in Swedish, with a
link to the period's staff page at `settings.SITE_URL`.

Who is told: the staff holding the event's roles in the period's municipality (directly, or
through a local police area covering it), active, with an e-mail address, who have not turned
notifications off (`municipalities.models.NotificationPreference`), and not the person who took
the step. Nobody in another municipality. An answer to a comment is told to the approver who
wrote it alone (`to`), if they still hold the role there and want e-mail.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from municipalities.models import Membership, NotificationPreference, Role
from promises.models import PromisePeriod, Review, ReviewVerdict

logger = logging.getLogger(__name__)

# The events, named after the step that causes them.
SUBMITTED = "submitted"
APPROVED = "approved"
# A comment leaves the period in consultation, but the coordinator is to learn of it without
# having to look (the approver is told so).
COMMENTED = "commented"
RETURNED = "returned"
# The coordinator answered an approver's comment: the approver who asked learns of it.
ANSWERED = "answered"
DECIDED = "decided"
SIGNED = "signed"
# Changes to a signed period: not lifecycle steps that ask anyone for anything, but both parties'
# staff carry the promise out and learn of them (a raised target, an extension).
REVISED = "revised"
EXTENDED = "extended"
# A report (redovisning) published, or a corrected version of one: both parties' staff, the
# municipal management group's approvers among them, learn of the report back to them and the
# public without looking (a KLG member found it only on the public page).
REPORTED = "reported"

BOTH_PARTIES = (Role.COORDINATOR, Role.APPROVER, Role.POLICE_OFFICER)
# Who is told of each event: sent for consultation → its approvers; commented or approved →
# its coordinators; sent back → its coordinators and the other approvers (an approval given in the
# round no longer counts: a colleague who approved learns why); decided or signed → both
# parties' staff.
RECIPIENT_ROLES: dict[str, tuple[str, ...]] = {
    SUBMITTED: (Role.APPROVER,),
    COMMENTED: (Role.COORDINATOR,),
    APPROVED: (Role.COORDINATOR,),
    RETURNED: (Role.COORDINATOR, Role.APPROVER),
    ANSWERED: (Role.APPROVER,),
    DECIDED: BOTH_PARTIES,
    SIGNED: BOTH_PARTIES,
    REVISED: BOTH_PARTIES,
    EXTENDED: BOTH_PARTIES,
    REPORTED: BOTH_PARTIES,
}

SUBJECTS = {
    SUBMITTED: gettext_lazy("Citizen promise %(period)s has been sent for consultation"),
    COMMENTED: gettext_lazy("Citizen promise %(period)s has been commented on in consultation"),
    APPROVED: gettext_lazy("Citizen promise %(period)s has been approved"),
    RETURNED: gettext_lazy("Citizen promise %(period)s has been sent back to draft"),
    ANSWERED: gettext_lazy("Your comment on citizen promise %(period)s has been answered"),
    DECIDED: gettext_lazy("The decision on citizen promise %(period)s has been recorded"),
    SIGNED: gettext_lazy("Citizen promise %(period)s has been signed"),
    REVISED: gettext_lazy("Citizen promise %(period)s has been changed"),
    EXTENDED: gettext_lazy("Citizen promise %(period)s has been extended"),
    REPORTED: gettext_lazy("A report on citizen promise %(period)s has been published"),
}


def notify(
    event: str,
    period: PromisePeriod,
    *,
    by,
    comment: str = "",
    about: str = "",
    answered: str = "",
    link: str = "",
    to=None,
) -> None:
    """E-mail the staff concerned about `event` on `period` once the current transaction commits.

    `by` took the step (and is not told of it); `comment` is the step's comment, `about` the
    title of the promise it is about, if any; `answered`, the comment an answer answers;
    `link`, the path of what the event made public (a report). `to`: only this user is told (if
    among those concerned).
    """
    period_id, by_id, by_name = period.pk, by.pk, by.get_full_name() or by.get_username()
    to_id = to.pk if to is not None else None

    def send_notification() -> None:
        send(
            event,
            period_id,
            by_id=by_id,
            by_name=by_name,
            comment=comment,
            about=about,
            answered=answered,
            link=link,
            to_id=to_id,
        )

    # A failing mail server must not turn a saved step into an error page: logged instead.
    transaction.on_commit(send_notification, robust=True)


def recipients(
    period: PromisePeriod,
    roles,
    *,
    exclude_user_id: int | None = None,
    only_user_id: int | None = None,
) -> list[str]:
    """E-mail addresses of the staff with `roles` in the period's municipality who want
    notifications (one query, preferences included), in a stable order; of `only_user_id`
    alone, when given."""
    municipality = period.municipality_id
    memberships = Membership.objects.filter(role__in=roles).filter(
        Q(municipality_id=municipality) | Q(local_police_area__municipalities=municipality)
    )
    users = NotificationPreference.mailable(
        get_user_model().objects.filter(pk__in=memberships.values("user_id"))
    )
    if exclude_user_id is not None:
        users = users.exclude(pk=exclude_user_id)
    if only_user_id is not None:
        users = users.filter(pk=only_user_id)
    return list(users.order_by("pk").values_list("email", flat=True))


def anyone_told(event: str, period: PromisePeriod, *, by, to=None) -> bool:
    """Whether `event` on `period`, taken by `by` (told to `to` alone, if given), e-mails
    anybody (one query)."""
    only = to.pk if to is not None else None
    return bool(
        recipients(period, RECIPIENT_ROLES[event], exclude_user_id=by.pk, only_user_id=only)
    )


# An approver's comments one after another tell the coordinators once: a comment written within
# this time of the same approver's previous comment on the period is not e-mailed (it is shown
# with the others on the period's page). The security probe: 200 comments posted in a row were
# 200 e-mails to every coordinator.
COMMENT_MAIL_INTERVAL = datetime.timedelta(minutes=10)


def follows_comment(period: PromisePeriod, by, at: datetime.datetime) -> bool:
    """Whether `by` commented on `period` less than `COMMENT_MAIL_INTERVAL` before `at` (a
    comment written at `at` is then not e-mailed)."""
    return Review.objects.filter(
        period=period,
        reviewer=by,
        verdict=ReviewVerdict.COMMENT,
        at__lt=at,
        at__gte=at - COMMENT_MAIL_INTERVAL,
    ).exists()


def site_url(path: str) -> str:
    """The absolute address of `path` on this portal (`settings.SITE_URL`)."""
    return settings.SITE_URL.rstrip("/") + path


def send(
    event: str,
    period_id: int,
    *,
    by_id: int,
    by_name: str,
    comment: str = "",
    about: str = "",
    answered: str = "",
    link: str = "",
    to_id: int | None = None,
) -> int:
    """Send the e-mails of `event` on the period now, taken by `by_name` (the user `by_id`), to
    the user `to_id` alone if given; returns how many were sent."""
    period = PromisePeriod.objects.with_place().get(pk=period_id)
    to = recipients(period, RECIPIENT_ROLES[event], exclude_user_id=by_id, only_user_id=to_id)
    if not to:
        return 0
    # In the site's language whatever the request's; the links are then the Swedish paths.
    with translation.override(settings.LANGUAGE_CODE):
        name = f"{period.place_name} {period.period_label}"
        context = {
            "period": period,
            "name": name,
            "by": by_name,
            "comment": comment,
            "about": about,
            "answered": answered,
            "link": site_url(link) if link else "",
            "url": site_url(reverse("promises:staff_period", args=[period.pk])),
            "settings_url": site_url(reverse("accounts:user_settings")),
        }
        # One line whatever a stored name holds: a header with a line break is refused.
        subject = " ".join((str(SUBJECTS[event]) % {"period": name}).split())
        body = render_to_string(f"promises/email/{event}.txt", context)
    connection = get_connection()
    messages = [EmailMessage(subject, body, to=[address], connection=connection) for address in to]
    sent = connection.send_messages(messages) or 0
    logger.info("notification sent", extra={"event": event, "period": period_id, "sent": sent})
    return sent
