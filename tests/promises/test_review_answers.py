"""The coordinator answers an approver's comment while the period is in consultation.

A KLG member's question in a round of people trying the portal got no answer: only approvers
could write. The answer is a step of the lifecycle (`Action.ANSWER`, the coordinator's, in
consultation only), recorded as a `ReviewAnswer` under the comment, shown under it on the staff
period page and told to the approver who asked.
"""

import csv
import datetime
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from access import policy
from municipalities.models import NotificationPreference
from promises import lifecycle
from promises.lifecycle import Action, TransitionInvalid, TransitionNotAllowed, perform
from promises.lifecycle_forms import MAX_COMMENT
from promises.models import (
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Review,
    ReviewAnswer,
    ReviewVerdict,
)
from tests import factories
from tests.staff import sign_in

S = PeriodState
QUESTION = "Vem ansvarar för trygghetsvandringarna i Ekenässjön?"
ANSWER = "Kommunens fritidsgård, tillsammans med föreningarna. Det står nu i aktivitet 2."

# Who may answer, in which states: the coordinator of the municipality and administrators, in
# consultation only. Written out by hand, not derived from lifecycle.RULES.
ANSWERING = {"coordinator", "admin"}
ACTORS = (
    "coordinator",
    "admin",
    "approver",
    "area_approver",
    "officer",
    "colleague",
    "other_coordinator",
    "no_role",
    "inactive_coordinator",
)


def commented(state: str = S.CONSULTATION, reviewer=None, **fields) -> tuple[PromisePeriod, Review]:
    """A Vetlanda period in `state` with an approver's comment of its first round."""
    period = factories.period_in_state(state, consultation_round=1, **fields)
    comment = Review.objects.create(
        period=period,
        round=1,
        reviewer=reviewer,
        verdict=ReviewVerdict.COMMENT,
        comment=QUESTION,
        at=timezone.now() - datetime.timedelta(hours=2),
    )
    return period, comment


def answer_url(period: PromisePeriod, review: Review) -> str:
    return reverse("promises:review_answer", args=[period.pk, review.pk])


def hub(client, period: PromisePeriod) -> str:
    response = client.get(reverse("promises:staff_period", args=[period.pk]))
    assert response.status_code == 200
    return response.content.decode()


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("state", S.values)
def test_only_the_coordinator_and_administrators_answer_and_only_in_consultation(people, state):
    people.made(*ACTORS)
    period, comment = commented(state, reviewer=people.approver)

    for actor in ACTORS:
        user = getattr(people, actor)
        allowed = actor in ANSWERING and state == S.CONSULTATION
        assert policy.may(user, Action.ANSWER, period) is allowed, actor
        if allowed:
            continue
        with pytest.raises(TransitionNotAllowed):
            perform(period, user, Action.ANSWER, comment=ANSWER, review=comment)
    assert not ReviewAnswer.objects.exists()


def test_an_answer_is_kept_under_its_comment_with_who_and_when(people):
    period, comment = commented(reviewer=people.approver)
    at = timezone.now() - datetime.timedelta(minutes=5)

    answer = perform(
        period, people.coordinator, Action.ANSWER, comment=f"  {ANSWER}  ", review=comment, at=at
    )

    assert isinstance(answer, ReviewAnswer)
    assert (answer.review, answer.by, answer.text, answer.at) == (
        comment,
        people.coordinator,
        ANSWER,
        at,
    )
    period.refresh_from_db()
    # The period stays in consultation; no lifecycle step, no review of its own.
    assert period.state == S.CONSULTATION
    assert not PeriodTransition.objects.filter(period=period).exists()
    assert list(Review.objects.filter(period=period)) == [comment]


def test_an_answer_is_no_step_of_the_period_but_is_offered_beside_each_comment(people):
    period, _comment = commented(reviewer=people.approver)

    # The hub's buttons, the approvers' "next steps" and the step pages leave it out.
    assert Action.ANSWER not in lifecycle.available_actions(period, people.coordinator)
    assert Action.ANSWER not in lifecycle.period_steps()
    draft = factories.period_in_state(S.DRAFT, slug="utkast")
    coming = (S.CONSULTATION, [Action.WITHDRAW, Action.DECIDE])
    assert lifecycle.steps_to_come(draft, people.coordinator) == coming


def test_an_approval_without_a_comment_asks_nothing(people):
    period, comment = commented(reviewer=people.approver)
    approval = Review.objects.create(
        period=period, round=1, reviewer=people.approver, verdict=ReviewVerdict.APPROVE
    )

    assert lifecycle.answerable(comment)
    assert not lifecycle.answerable(approval)
    with pytest.raises(TransitionInvalid) as refused:
        perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=approval)
    assert list(refused.value.errors) == ["review"]
    assert not ReviewAnswer.objects.exists()


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_answer_is_refused(people, text):
    period, comment = commented(reviewer=people.approver)

    with pytest.raises(TransitionInvalid) as refused:
        perform(period, people.coordinator, Action.ANSWER, comment=text, review=comment)

    assert refused.value.errors == {"comment": [gettext("Write an answer.")]}
    assert not ReviewAnswer.objects.exists()


def test_a_comment_of_another_period_or_none_is_refused(people):
    period, _comment = commented(reviewer=people.approver)
    other, elsewhere = commented(reviewer=people.approver, slug="annan")

    for review in (elsewhere, None):
        with pytest.raises(TransitionInvalid) as refused:
            perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=review)
        assert "review" in refused.value.errors
    assert not ReviewAnswer.objects.exists()


def test_the_same_answer_sent_twice_is_saved_once(people):
    period, comment = commented(reviewer=people.approver)

    first = perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)
    again = perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)
    follow_up = perform(
        period, people.coordinator, Action.ANSWER, comment="Och en sak till.", review=comment
    )

    assert again == first
    assert list(comment.answers.values_list("text", flat=True)) == [ANSWER, "Och en sak till."]
    assert follow_up.pk != first.pk


# --- the notification -------------------------------------------------------------------------


def test_the_approver_who_asked_is_told_and_nobody_else(
    people, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://medborgarloften.example.se"
    people.made("area_approver", "other_approver", "colleague")
    period, comment = commented(reviewer=people.approver)

    with django_capture_on_commit_callbacks(execute=True):
        perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)

    assert [message.to for message in mailoutbox] == [[people.approver.email]]
    message = mailoutbox[0]
    assert message.subject == f"Din kommentar om medborgarlöftet {period} har fått ett svar"
    assert "Samordnare Testsson har svarat på din kommentar om medborgarlöftet" in message.body
    assert f"Din kommentar:\n{QUESTION}" in message.body
    assert f"Svar från Samordnare Testsson:\n{ANSWER}" in message.body
    assert f"/personal/perioder/{period.pk}/" in message.body


def test_a_comment_about_one_promise_names_it_in_the_answers_e_mail(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    period, comment = commented(reviewer=people.approver)
    promise = period.promises.get()
    Review.objects.filter(pk=comment.pk).update(promise=promise, promise_title=promise.title)
    comment.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)

    assert f"Din kommentar om löftet ”{promise.title}”:\n{QUESTION}" in mailoutbox[0].body


def test_an_approver_who_turned_e_mail_off_is_not_told_and_the_coordinator_learns_so(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=people.approver, email_enabled=False)
    period, comment = commented(reviewer=people.approver)
    sign_in(client, people.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url(period, comment), {"comment": ANSWER})

    assert response.status_code == 302
    assert mailoutbox == []
    assert ReviewAnswer.objects.get().text == ANSWER
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Granskare Testsson får inte e-post från portalen" in message


def test_an_approver_no_longer_of_the_municipality_is_not_told(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    period, comment = commented(reviewer=people.approver)
    people.approver.memberships.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)

    assert mailoutbox == []
    assert ReviewAnswer.objects.count() == 1


def test_a_double_submit_tells_the_approver_once(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    period, comment = commented(reviewer=people.approver)

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)

    assert len(mailoutbox) == 1


# --- the pages --------------------------------------------------------------------------------


def test_the_answer_appears_right_under_its_comment_escaped_with_who_and_when(client, people):
    period, comment = commented(reviewer=people.approver)
    later = Review.objects.create(
        period=period,
        round=1,
        reviewer=people.approver,
        verdict=ReviewVerdict.COMMENT,
        comment="En fråga till om aktivitet 1.",
    )
    sign_in(client, people.coordinator)

    page = client.get(answer_url(period, comment))
    assert page.status_code == 200
    assert QUESTION in page.content.decode()

    text = 'Ja, om 5 < 7 & "alla" hinner.\nRad två.'
    response = client.post(answer_url(period, comment), {"comment": text})

    url = reverse("promises:staff_period", args=[period.pk])
    assert response.status_code == 302
    assert response.url == f"{url}#kommentar-{comment.pk}"
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == "Ditt svar är sparat, och Granskare Testsson får veta om det med e-post."
    answer = ReviewAnswer.objects.get()
    # Markup recorded otherwise (the form refuses tags) is shown as text too.
    perform(period, people.admin, Action.ANSWER, comment="<script>alert(1)</script>", review=later)
    html = hub(client, period)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    escaped = "Ja, om 5 &lt; 7 &amp; &quot;alla&quot; hinner.<br>Rad två."
    # In the consultation's record: the later comment first (newest first), then this comment
    # with its answer under it, with who and when.
    record = html.split('id="reviews-heading"', 1)[1]
    item = record.split(f'id="kommentar-{comment.pk}"', 1)[1].split("</ol>", 1)[0]
    assert record.index("En fråga till om aktivitet 1.") < record.index(QUESTION)
    assert item.index(QUESTION) < item.index(escaped)
    when = date_format(timezone.localtime(answer.at), "j F Y H:i")
    assert "Svar</strong>: Samordnare Testsson, <time datetime=" in item
    assert when in item
    assert later.comment not in item
    assert "alert" not in item


def test_the_answer_is_shown_beside_the_promise_the_comment_is_about(client, people):
    period, comment = commented(reviewer=people.approver)
    promise = period.promises.get()
    Review.objects.filter(pk=comment.pk).update(promise=promise, promise_title=promise.title)
    comment.refresh_from_db()
    perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)
    sign_in(client, people.approver)

    html = hub(client, period)

    beside = html.split(f'id="lofte-{promise.pk}"', 1)[1].split("</li>", 1)[0]
    assert QUESTION in beside
    assert beside.index(QUESTION) < beside.index(ANSWER)


def test_a_later_round_shows_the_answers_with_the_previous_rounds_comments(client, people):
    period, comment = commented(reviewer=people.approver)
    coordinator = people.coordinator
    perform(period, coordinator, Action.ANSWER, comment=ANSWER, review=comment)
    perform(period, coordinator, Action.WITHDRAW, at=timezone.now() - datetime.timedelta(hours=1))
    PeriodTransition.objects.create(
        period=period,
        from_state=S.DRAFT,
        to_state=S.CONSULTATION,
        by=coordinator,
        at=timezone.now() - datetime.timedelta(days=3),
    )
    perform(period, coordinator, Action.SUBMIT, comment="Ändrat efter samrådet.")
    sign_in(client, people.approver)

    html = hub(client, period)

    changes = html.split('id="round-changes-heading"', 1)[1].split("</section>", 1)[0]
    assert changes.index(QUESTION) < changes.index(ANSWER)
    # An approver reads the answer but is not offered to answer.
    assert answer_url(period, comment) not in html


def test_the_link_to_answer_is_offered_to_the_coordinator_in_consultation_only(client, people):
    period, comment = commented(reviewer=people.approver)
    approval = Review.objects.create(
        period=period, round=1, reviewer=people.approver, verdict=ReviewVerdict.APPROVE
    )
    decided, decided_comment = commented(S.DECIDED, reviewer=people.approver, slug="beslutad")

    sign_in(client, people.coordinator)
    html = hub(client, period)
    assert answer_url(period, comment) in html
    assert answer_url(period, approval) not in html
    assert answer_url(decided, decided_comment) not in hub(client, decided)

    sign_in(client, people.approver)
    assert answer_url(period, comment) not in hub(client, period)


@pytest.mark.parametrize(
    ("who", "status"),
    [("approver", 403), ("officer", 403), ("other_coordinator", 404), ("other_approver", 403)],
)
def test_the_answer_page_is_refused_to_others(client, people, who, status):
    period, comment = commented(reviewer=people.approver)
    sign_in(client, getattr(people, who))

    assert client.get(answer_url(period, comment)).status_code == status
    assert client.post(answer_url(period, comment), {"comment": ANSWER}).status_code == status
    assert not ReviewAnswer.objects.exists()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Skriv ett svar."),
        ("   ", "Skriv ett svar."),
        ("x" * (MAX_COMMENT + 1), f"Skriv högst {MAX_COMMENT} tecken"),
        ("<script>alert(1)</script>", "HTML-taggar"),
    ],
)
def test_bad_answers_show_the_form_again_and_write_nothing(client, people, text, error):
    period, comment = commented(reviewer=people.approver)
    sign_in(client, people.coordinator)

    response = client.post(answer_url(period, comment), {"comment": text})

    assert response.status_code == 200
    assert response.context["form"].errors["comment"]
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert error in html
    assert not ReviewAnswer.objects.exists()


def test_a_comment_of_another_period_an_approval_or_no_review_answer_404(client, people):
    period, _comment = commented(reviewer=people.approver)
    _other, elsewhere = commented(reviewer=people.approver, slug="annan")
    approval = Review.objects.create(
        period=period, round=1, reviewer=people.approver, verdict=ReviewVerdict.APPROVE
    )
    sign_in(client, people.coordinator)

    for review_pk in (elsewhere.pk, approval.pk, 999_999):
        url = reverse("promises:review_answer", args=[period.pk, review_pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"comment": ANSWER}).status_code == 404
    assert not ReviewAnswer.objects.exists()


def test_the_answer_step_has_no_page_of_its_own_among_the_periods_steps(client, people):
    period, _comment = commented(reviewer=people.approver)
    sign_in(client, people.coordinator)

    url = reverse("promises:period_transition", args=[period.pk, Action.ANSWER])

    assert client.get(url).status_code == 404
    assert client.post(url, {"comment": ANSWER}).status_code == 404


@pytest.mark.parametrize("state", [S.DRAFT, S.DECIDED])
def test_once_the_period_has_left_consultation_the_answer_is_not_saved(client, people, state):
    period, comment = commented(state, reviewer=people.approver)
    sign_in(client, people.coordinator)

    response = client.post(answer_url(period, comment), {"comment": ANSWER})

    assert response.status_code == 302
    assert response.url == reverse("promises:staff_period", args=[period.pk])
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Steget kunde inte genomföras: medborgarlöftet har nu status")
    assert not ReviewAnswer.objects.exists()


# --- the archive ------------------------------------------------------------------------------


def test_the_archive_package_keeps_the_answer_with_who_and_to_whom(people):
    from followups import archive

    period, comment = commented(reviewer=people.approver)
    perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)

    package = zipfile.ZipFile(io.BytesIO(archive.package(period, user=people.coordinator)))

    text = package.read("handelser.csv").decode("utf-8-sig")
    steps = list(csv.reader(io.StringIO(text), delimiter=";"))
    [answered] = [row for row in steps if row[1].startswith("svar på kommentar")]
    assert answered[1:] == [
        "svar på kommentar, samrådsomgång 1",
        "",
        "Granskare Testsson",
        "",
        "Samordnare Testsson",
        ANSWER,
    ]
    # After the comment it answers.
    assert steps.index(answered) > [row[-1] for row in steps].index(QUESTION)


def test_the_approve_page_shows_the_approvers_own_comments_of_the_round_with_answers(
    client, people
):
    """An approver approved with a comment of theirs still unanswered, forgotten since the day
    before: the approve page lists their comments of this round, answered or not, and nobody
    else's."""
    period, comment = commented(reviewer=people.approver)
    unanswered = Review.objects.create(
        period=period,
        round=1,
        reviewer=people.approver,
        verdict=ReviewVerdict.COMMENT,
        comment="Och vem betalar belysningen?",
    )
    Review.objects.create(
        period=period,
        round=1,
        reviewer=people.coordinator,
        verdict=ReviewVerdict.COMMENT,
        comment="EN ANNANS KOMMENTAR",
    )
    perform(period, people.coordinator, Action.ANSWER, comment=ANSWER, review=comment)
    url = reverse("promises:period_transition", args=[period.pk, Action.APPROVE])
    sign_in(client, people.approver)

    page = " ".join(client.get(url).content.decode().split())

    own = page.split('id="own-comments-heading"', 1)[1].split("</section>", 1)[0]
    assert own.index(QUESTION) < own.index(ANSWER) < own.index(unanswered.comment)
    assert own.count("Inte besvarad ännu.") == 1
    assert own.index(unanswered.comment) < own.index("Inte besvarad ännu.")
    assert "EN ANNANS KOMMENTAR" not in page
    # Another step's page, and a later round, show none.
    comment_page = client.get(reverse("promises:period_transition", args=[period.pk, "kommentera"]))
    assert "own-comments-heading" not in comment_page.content.decode()
    PromisePeriod.objects.filter(pk=period.pk).update(consultation_round=2)
    assert "own-comments-heading" not in client.get(url).content.decode()
