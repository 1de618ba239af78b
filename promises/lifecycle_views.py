"""Staff pages of the lifecycle steps: send for consultation, review, decide, sign, extend, close;
and the coordinator's answer to an approver's comment (`review_answer`).

One view serves every step. It lets through users signed in with both factors, refuses (403) a
user whose roles never take the step (`access.policy`), fetches the period through the user's
scope (404 outside it), and refuses (403) a step the lifecycle does not allow the user in the
period's current state; a step of theirs that its checks of the user refuse now (a second
approval in the same round) goes back to the period with the lifecycle's reason. The lifecycle
(`promises.lifecycle.perform`) checks and records the step; its errors are shown on the step's
form, and nothing is written then.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from access import policy
from access.staff import staff_required
from promises import lifecycle, notifications
from promises.hub import round_changes
from promises.lifecycle import Action
from promises.lifecycle_forms import FORMS, AnswerForm, SignForm, signatory_formset
from promises.models import PeriodState, PromisePeriod, Review, ReviewVerdict, prefetch_answers

EXPLANATIONS = {
    Action.SUBMIT: gettext_lazy(
        "The draft is sent to the approvers for consultation (samråd). They can comment on it, "
        "approve it or send it back to draft. While it is in consultation it cannot be edited."
    ),
    Action.WITHDRAW: gettext_lazy(
        "The citizen promise goes back to draft so that you can change it. Approvals given so "
        "far stay in the record; send it for consultation again when you are done."
    ),
    Action.COMMENT: gettext_lazy(
        "Your comment is shown to the coordinator, who is told of it by e-mail, and kept in "
        "the record. The citizen promise stays in consultation."
    ),
    Action.APPROVE: gettext_lazy(
        "You approve this version of the citizen promise. The coordinator can then record the "
        "decision."
    ),
    Action.RETURN: gettext_lazy(
        "The citizen promise goes back to draft with your comments, so that the coordinator "
        "can change it and send it for consultation again."
    ),
    Action.DECIDE: gettext_lazy(
        "Record the decision on the citizen promise: who decided, when, and the reference "
        "number. An approver must have approved the version in consultation."
    ),
    Action.SIGN: gettext_lazy(
        "Record who signed the citizen promise for the municipality and for the Police, and "
        "when, and where its validity starts: from the signing date, or as the document "
        "states. Once signed it is public."
    ),
    Action.EXTEND: gettext_lazy(
        "The signed citizen promise stays in force until a new end date, by a decision of its "
        "own. The extension is shown on the public page."
    ),
    Action.CLOSE: gettext_lazy(
        "The citizen promise is closed: it is no longer in force, and stays on the public pages "
        "with everything that was done. This cannot be undone: nothing more is logged for it."
    ),
}

SUCCESS = {
    Action.SUBMIT: gettext_lazy("The citizen promise was sent for consultation."),
    Action.WITHDRAW: gettext_lazy("The citizen promise was taken back to draft."),
    Action.APPROVE: gettext_lazy("You approved the citizen promise."),
    Action.RETURN: gettext_lazy("The citizen promise was sent back to draft with your comments."),
    Action.DECIDE: gettext_lazy("The decision was recorded."),
    Action.SIGN: gettext_lazy("The signing was recorded. The citizen promise is now public."),
    Action.EXTEND: gettext_lazy("The citizen promise was extended until %(date)s."),
    Action.CLOSE: gettext_lazy("The citizen promise was closed."),
}


def _show_errors(form, errors: dict[str | None, list[str]]) -> None:
    """Put the lifecycle's errors on the form's fields, or above the form."""
    formset = getattr(form, "signatory_formset", None)
    for field, messages_ in errors.items():
        for message in messages_:
            if field == "signatories" and formset is not None:
                formset.add_non_form_error(message)
            elif field in form.fields:
                form.add_error(field, message)
            else:
                form.add_error(None, message)


# A comment's confirmation says whether a coordinator was e-mailed of it (none may want
# e-mail, or the municipality may have no coordinator yet).
COMMENT_TOLD = gettext_lazy("Your comment was saved, and the coordinator is told of it by e-mail.")
# A comment right after the same approver's previous one is not e-mailed again
# (`notifications.COMMENT_MAIL_INTERVAL`).
COMMENT_TOLD_BEFORE = gettext_lazy(
    "Your comment was saved. The coordinator was told of your comments by e-mail a moment "
    "ago, and sees this one with them on the citizen promise's page."
)
COMMENT_NOT_TOLD = gettext_lazy(
    "Your comment was saved. No coordinator of the municipality receives e-mail from the "
    "portal: it is shown on the citizen promise's page."
)


def _success_message(action: str, period: PromisePeriod, user, done) -> str:
    if action == Action.COMMENT:
        told = notifications.anyone_told(notifications.COMMENTED, period, by=user)
        if told and notifications.follows_comment(period, user, done.at):
            return str(COMMENT_TOLD_BEFORE)
        return str(COMMENT_TOLD if told else COMMENT_NOT_TOLD)
    end = date_format(period.end_date, "j F Y") if period.end_date else ""
    return str(SUCCESS[action]) % {"date": end}


@staff_required
@require_http_methods(["GET", "POST"])
def period_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one lifecycle step on a period: a form with the step's data and a comment."""
    if action not in lifecycle.period_steps():
        # An answer is taken on one comment, at its own address (`review_answer`).
        raise Http404
    user = request.user
    policy.require(user, action)
    periods = PromisePeriod.objects.visible_to(user).with_place().prefetch_related("promises")
    period = get_object_or_404(periods, pk=pk)
    roles = lifecycle.roles_for(user, period)
    if not lifecycle.allowed(action, period, roles, user):
        rule = lifecycle.RULES[action]
        if roles & set(rule.roles) and period.state in rule.from_states:
            # The user's role and the period's state, but not theirs now (an approver who
            # already approved this round): say why instead of refusing.
            return _refused(request, period, lifecycle.refusal(action, period, user))
        if roles & set(rule.roles):
            # The user's own step, but no longer from this state: a double submit, somebody was
            # first, or its page asked for again after it was taken (the browser's Back). Say
            # where the period stands instead of refusing.
            return _overtaken(request, period)
        raise PermissionDenied
    form_class = FORMS[action]
    is_sign = form_class is SignForm
    add_row = is_sign and request.method == "POST" and "add_signatory" in request.POST
    kwargs = {"period": period}
    if add_row:
        # One more signatory row: the page again with what was typed, nothing checked or saved.
        kwargs["signatories"] = signatory_formset(period, request.POST, add_row=True)
        # What was typed; a field left empty keeps its own initial (the validity's choice).
        initial = {
            name: value for name in form_class.base_fields if (value := request.POST.get(name))
        }
        form = form_class(initial=initial, **kwargs)
    elif request.method == "POST":
        if form_class.opened_in_another_round(request.POST, period):
            messages.error(
                request,
                _(
                    "The citizen promise has been sent for consultation again since the page "
                    "was opened: read it again before this step. Nothing was saved."
                ),
            )
            return redirect("promises:staff_period", pk=period.pk)
        if is_sign:
            kwargs["signatories"] = signatory_formset(period, request.POST)
        form = form_class(request.POST, **kwargs)
        if _valid(form):
            try:
                done = lifecycle.perform(
                    period,
                    user,
                    action,
                    comment=form.cleaned_data["comment"],
                    **form.transition_data(),
                )
            except lifecycle.TransitionNotAllowed as refused:
                if refused.reason:  # e.g. the same approver's approval, saved meanwhile
                    return _refused(request, period, refused.reason)
                # Someone else moved the period meanwhile; this step no longer applies.
                period.refresh_from_db(fields=["state"])
                return _overtaken(request, period)
            except lifecycle.TransitionInvalid as invalid:
                _show_errors(form, invalid.errors)
            else:
                period.refresh_from_db(fields=["end_date"])
                messages.success(request, _success_message(action, period, user, done))
                return redirect("promises:staff_period", pk=period.pk)
    else:
        if is_sign:
            kwargs["signatories"] = signatory_formset(period)
        form = form_class(initial=_about_activity(request, period, action), **kwargs)
    context = {
        "period": period,
        "action": action,
        "action_label": Action(action).label,
        "explanation": _explanation(period, action),
        "form": form,
        "signatories": getattr(form, "signatory_formset", None),
        "promises": list(period.promises.all()),
        "round_changes": _round_changes(period, action),
        "own_comments": _own_comments(period, action, user),
        "texts_to_review": lifecycle.texts_to_review(action, period),
        # A municipality new to the portal may have no approver yet: said before sending, where
        # the page said the draft went "to the approvers" and nobody heard of it.
        "nobody_told": action == Action.SUBMIT
        and not notifications.anyone_told(notifications.SUBMITTED, period, by=user),
    }
    return render(request, "promises/period_transition.html", context)


def _own_comments(period: PromisePeriod, action: str, user) -> list[Review]:
    """Before approving: the approver's own comments of this round, with their answers. An
    approver approved with a comment of theirs still unanswered, forgotten since the day
    before."""
    if action != Action.APPROVE:
        return []
    return list(
        period.reviews.filter(
            round=period.consultation_round, reviewer=user, verdict=ReviewVerdict.COMMENT
        )
        .select_related("promise")
        .prefetch_related(prefetch_answers())
        .order_by("at", "pk")
    )


def _about_activity(request: HttpRequest, period: PromisePeriod, action: str) -> dict:
    """A comment begun on an activity's page (`?aktivitet=`): about the promise the activity
    serves (when it serves one), its text begun with the activity's name. An approver asked to
    comment on one activity found no way to from its page."""
    if action != Action.COMMENT or not request.GET.get("aktivitet", "").isdecimal():
        return {}
    activity = (
        period.activities.filter(pk=int(request.GET["aktivitet"]))
        .prefetch_related("promises")
        .first()
    )
    if activity is None:
        return {}
    initial = {"comment": _("About the activity “%(title)s”: ") % {"title": activity.title}}
    promises = list(activity.promises.all())
    if len(promises) == 1:
        initial["promise"] = promises[0].pk
    return initial


# An answer's confirmation says whether the approver was e-mailed of it.
ANSWER_TOLD = gettext_lazy("Your answer was saved, and %(name)s is told of it by e-mail.")
ANSWER_NOT_TOLD = gettext_lazy(
    "Your answer was saved and is shown under the comment. %(name)s does not receive e-mail "
    "from the portal: tell them yourself if the answer cannot wait."
)


@staff_required
@require_http_methods(["GET", "POST"])
def review_answer(request: HttpRequest, pk: int, review: int) -> HttpResponse:
    """Answer an approver's comment on a period in consultation: the comment, and a form."""
    user = request.user
    policy.require(user, Action.ANSWER)
    periods = PromisePeriod.objects.visible_to(user).with_place()
    period = get_object_or_404(periods, pk=pk)
    reviews = period.reviews.select_related("reviewer", "promise")
    comment = get_object_or_404(reviews.prefetch_related(prefetch_answers()), pk=review)
    if not lifecycle.answerable(comment):
        raise Http404  # an approval without a comment: nothing to answer
    roles = lifecycle.roles_for(user, period)
    if not lifecycle.allowed(Action.ANSWER, period, roles, user):
        if roles & set(lifecycle.RULES[Action.ANSWER].roles):
            # The coordinator's, but the period has left consultation (decided, back to draft).
            return _overtaken(request, period)
        raise PermissionDenied
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["comment"]
        try:
            lifecycle.perform(period, user, Action.ANSWER, comment=text, review=comment)
        except lifecycle.TransitionNotAllowed:
            # Someone moved the period out of consultation meanwhile.
            period.refresh_from_db(fields=["state"])
            return _overtaken(request, period)
        except lifecycle.TransitionInvalid as invalid:
            _show_errors(form, invalid.errors)
        else:
            reviewer = comment.reviewer
            told = notifications.anyone_told(notifications.ANSWERED, period, by=user, to=reviewer)
            name = reviewer.get_full_name() or reviewer.get_username()
            message = ANSWER_TOLD if told else ANSWER_NOT_TOLD
            messages.success(request, str(message) % {"name": name})
            url = reverse("promises:staff_period", args=[period.pk])
            return redirect(f"{url}#kommentar-{comment.pk}")
    context = {"period": period, "review": comment, "form": form}
    return render(request, "promises/review_answer.html", context)


def _round_changes(period: PromisePeriod, action: str):
    """For an approver's step in a later consultation round: what changed since the previous
    round began ("this version" said nothing of it); None otherwise."""
    if action not in lifecycle.REVIEW_ACTIONS or period.state != PeriodState.CONSULTATION:
        return None
    transitions = period.transitions.filter(to_state=PeriodState.CONSULTATION).order_by("at")
    return round_changes(period, list(transitions))


def _explanation(period: PromisePeriod, action: str) -> str:
    """What the step does; closing says when the period ends then, against its end date."""
    text = str(EXPLANATIONS[action])
    today = timezone.localdate()
    if action == Action.CLOSE and period.end_date is not None and today < period.end_date:
        days = (period.end_date - today).days
        text += " " + ngettext(
            "It ends today, %(today)s, %(days)s day before its end date %(end)s: its targets "
            "are then judged on what was done until today.",
            "It ends today, %(today)s, %(days)s days before its end date %(end)s: its targets "
            "are then judged on what was done until today.",
            days,
        ) % {
            "today": date_format(today, "j F Y"),
            "days": days,
            "end": date_format(period.end_date, "j F Y"),
        }
    return text


def _overtaken(request: HttpRequest, period: PromisePeriod) -> HttpResponse:
    """Back to the period with a message: the step no longer applies (nothing was saved, when
    it was sent)."""
    state = {"state": period.get_state_display()}
    if request.method == "POST":
        messages.error(
            request,
            _(
                "This step could not be taken: the citizen promise is now %(state)s. "
                "Nothing was saved."
            )
            % state,
        )
    else:
        messages.info(
            request, _("This step is no longer open: the citizen promise is now %(state)s.") % state
        )
    return redirect("promises:staff_period", pk=period.pk)


def _refused(request: HttpRequest, period: PromisePeriod, reason: str | None) -> HttpResponse:
    """Back to the period with the lifecycle's reason why the step is not the user's now."""
    messages.error(request, reason)
    return redirect("promises:staff_period", pk=period.pk)


def _valid(form) -> bool:
    """The form and, for signing, its signatories are valid (both checked, to show all errors)."""
    formset = getattr(form, "signatory_formset", None)
    form_valid = form.is_valid()
    formset_valid = formset is None or formset.is_valid()
    return form_valid and formset_valid
