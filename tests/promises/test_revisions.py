"""Revisions after signing: a change with a reason, shown in the public change log, and progress
computed against the target in force."""

import datetime
import uuid
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from activities import rollup
from activities.models import Activity, Responsible
from activities.progress import PaceStatus, Target, target_text
from municipalities.models import Role
from promises.models import (
    ChangeKind,
    DecisionProposal,
    Extension,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Revision,
    RevisionKind,
)
from tests import factories
from tests.staff import sign_in, staff_user

DAY = datetime.timedelta(days=1)
REASON = "Färre poliser under året."


@dataclass
class Signed:
    """A signed Vetlanda period in force: "minst 15 trafikkontroller" over the period, 12 done."""

    period: PromisePeriod
    promise: Promise
    activity: Activity
    coordinator: object


@pytest.fixture
def signed(db) -> Signed:
    today = timezone.localdate()
    period = factories.period("vetlanda", start=today - 200 * DAY, end=today + 500 * DAY)
    PeriodTransition.objects.create(
        period=period, from_state=PeriodState.DECIDED, to_state=PeriodState.SIGNED
    )
    promise = factories.promise(period, "Öka trafiksäkerheten")
    activity = factories.activity(
        period,
        "Trafikkontroller",
        target=("at_least", 15, "trafikkontroller", "period"),
        description="Polisen ska genomföra minst femton trafikkontroller.",
    )
    activity.promises.add(promise)
    for day in range(4):
        factories.log(activity, today - day * DAY, 3)
    coordinator = staff_user(
        "kim-kvist", role=Role.COORDINATOR, municipality=factories.municipality("vetlanda")
    )
    return Signed(period=period, promise=promise, activity=activity, coordinator=coordinator)


def add_at_annual_review(client, signed: Signed, **fields) -> Activity:
    """The activity "Dialog med unga" added through the editor, as an annual review."""
    data = form_data(
        signed.activity,
        title="Dialog med unga",
        description="Kommunen ska besöka fritidsgårdarna.",
        responsible=Responsible.MUNICIPALITY,
        revision_kind=RevisionKind.ANNUAL_REVIEW,
        **fields,
    )
    client.post(reverse("activities:activity_create", args=[signed.period.pk]), data)
    return Activity.objects.get(title="Dialog med unga")


def edit_url(activity: Activity) -> str:
    return reverse("activities:activity_edit", args=[activity.pk])


def form_data(activity: Activity, **changes) -> dict:
    """The editor's form as it shows `activity`, with `changes` and a revision reason."""
    activity.refresh_from_db()
    data = {
        "title": activity.title,
        "description": activity.description,
        "responsible": activity.responsible,
        "responsible_other": activity.responsible_other,
        "promises": list(activity.promises.values_list("pk", flat=True)),
        "has_target": "yes" if activity.target else "no",
        "target_comparator": activity.target_comparator or "at_least",
        "target_value": "" if activity.target_value is None else str(activity.target_value),
        "target_unit": activity.target_unit,
        "target_scope": activity.target_scope or "period",
        "edit_version": str(activity.edit_version),
        "revision_kind": RevisionKind.ANNUAL_REVIEW,
        "revision_reason": REASON,
    }
    data.update(changes)
    return data


def swedish_target(comparator: str, value: int, unit: str, scope: str) -> str:
    with translation.override("sv"):
        return target_text(Target(comparator, value, unit, scope))


@pytest.mark.django_db
def test_a_changed_target_is_a_revision_in_the_public_change_log_and_progress_uses_it(
    client, signed
):
    """THE REVISION ACCEPTANCE TEST."""
    public = signed.period.get_absolute_url()
    assert "12 av minst 15 trafikkontroller" in client.get(public).content.decode()
    sign_in(client, signed.coordinator)

    page = client.get(edit_url(signed.activity)).content.decode()
    assert 'name="revision_reason"' in page and 'name="revision_kind"' in page
    response = client.post(edit_url(signed.activity), form_data(signed.activity, target_value="10"))

    assert response.status_code == 302
    revision = Revision.objects.get(period=signed.period)
    assert revision.number == 1
    assert revision.created_by == signed.coordinator
    assert revision.kind == RevisionKind.ANNUAL_REVIEW
    assert revision.reason == REASON
    change = revision.changes.get()
    assert change.kind == ChangeKind.TARGET
    assert change.subject == "Trafikkontroller"
    assert change.old_value == swedish_target("at_least", 15, "trafikkontroller", "period")
    assert change.new_value == swedish_target("at_least", 10, "trafikkontroller", "period")
    assert change.progress_before == "12 av minst 15 trafikkontroller"

    client.logout()
    response = client.get(public)
    html = response.content.decode()
    assert f"{gettext('Target changed')}: minst 15 → minst 10 trafikkontroller" in html
    assert REASON in html
    assert (
        gettext("before the change: %(progress)s") % {"progress": "12 av minst 15 trafikkontroller"}
        in html
    )
    assert str(RevisionKind.ANNUAL_REVIEW.label) in html
    # Progress is computed against the target in force, here and in the national list.
    [(activity, progress)] = response.context["activities"]
    assert progress.status == PaceStatus.DONE
    assert "12 av minst 10 trafikkontroller" in html
    assert str(PaceStatus.DONE.label).capitalize() in html
    listed = client.get(reverse("activities:activity_list")).content.decode()
    assert "12 av minst 10 trafikkontroller" in listed
    # Nobody's name is public: not the coordinator's, in the change log or anywhere.
    assert "Testsson" not in html and "kim-kvist" not in html.lower()


@pytest.mark.django_db
def test_a_second_change_gets_the_next_number_and_the_log_lists_newest_first(client, signed):
    sign_in(client, signed.coordinator)

    client.post(edit_url(signed.activity), form_data(signed.activity, target_value="10"))
    client.post(
        edit_url(signed.activity),
        form_data(
            signed.activity,
            target_value="8",
            revision_kind=RevisionKind.CHANGED_SITUATION,
            revision_reason="Ny lägesbild.",
        ),
    )

    assert list(Revision.objects.order_by("number").values_list("number", "reason")) == [
        (1, REASON),
        (2, "Ny lägesbild."),
    ]
    second = Revision.objects.get(number=2).changes.get()
    assert second.progress_before == "12 av minst 10 trafikkontroller"
    client.logout()
    response = client.get(signed.period.get_absolute_url())
    kinds = [entry.kind for entry in response.context["change_log"]]
    assert kinds == ["revision", "revision", "transition"]
    assert [entry.item.number for entry in response.context["change_log"][:2]] == [2, 1]
    html = response.content.decode()
    assert html.index("Ny lägesbild.") < html.index(REASON)


@pytest.mark.django_db
def test_a_save_without_a_reason_is_refused_and_writes_nothing(client, signed):
    sign_in(client, signed.coordinator)
    version = signed.activity.edit_version

    response = client.post(
        edit_url(signed.activity),
        form_data(signed.activity, target_value="10", revision_reason=""),
    )

    assert response.status_code == 200
    assert response.context["revision_form"].errors["revision_reason"]
    assert gettext("There is a problem") in response.content.decode()
    signed.activity.refresh_from_db()
    assert signed.activity.target_value == 15
    assert signed.activity.edit_version == version
    assert not Revision.objects.exists()


@pytest.mark.django_db
def test_a_save_with_html_in_the_reason_is_refused(client, signed):
    sign_in(client, signed.coordinator)

    response = client.post(
        edit_url(signed.activity),
        form_data(signed.activity, target_value="10", revision_reason="<b>Därför</b>"),
    )

    assert response.context["revision_form"].errors["revision_reason"]
    assert not Revision.objects.exists()


@pytest.mark.django_db
def test_a_save_with_no_actual_change_records_no_revision(client, signed):
    sign_in(client, signed.coordinator)
    version = signed.activity.edit_version
    history = signed.activity.history.count()

    response = client.post(edit_url(signed.activity), form_data(signed.activity))

    assert response.status_code == 302
    assert not Revision.objects.exists()
    signed.activity.refresh_from_db()
    assert signed.activity.edit_version == version
    assert signed.activity.history.count() == history


@pytest.mark.django_db
def test_every_changed_thing_is_its_own_line(client, signed):
    other_promise = factories.promise(signed.period, "Öka tryggheten i centrum")
    sign_in(client, signed.coordinator)

    client.post(
        edit_url(signed.activity),
        form_data(
            signed.activity,
            title="Hastighetskontroller",
            description="Polisen ska genomföra hastighetskontroller.",
            responsible=Responsible.JOINT,
            promises=[signed.promise.pk, other_promise.pk],
            has_target="no",
            target_value="",
            target_unit="",
        ),
    )

    changes = list(Revision.objects.get().changes.order_by("position"))
    assert [(c.kind, c.old_value, c.new_value) for c in changes] == [
        (ChangeKind.ACTIVITY_CHANGED, "Trafikkontroller", "Hastighetskontroller"),
        (
            ChangeKind.ACTIVITY_CHANGED,
            "Polisen ska genomföra minst femton trafikkontroller.",
            "Polisen ska genomföra hastighetskontroller.",
        ),
        (ChangeKind.ACTIVITY_RESPONSIBLE, "Polisen", "Polisen och kommunen"),
        (
            ChangeKind.ACTIVITY_PROMISES,
            "Öka trafiksäkerheten",
            "Öka trafiksäkerheten; Öka tryggheten i centrum",
        ),
        (
            ChangeKind.TARGET,
            swedish_target("at_least", 15, "trafikkontroller", "period"),
            gettext("no target"),
        ),
    ]
    assert changes[-1].progress_before == "12 av minst 15 trafikkontroller"
    signed.activity.refresh_from_db()
    assert signed.activity.target is None
    client.logout()
    html = client.get(signed.period.get_absolute_url()).content.decode()
    assert f"{gettext('Responsible party changed')}: Polisen → Polisen och kommunen" in html
    assert f"{gettext('Activity changed')}: Trafikkontroller → Hastighetskontroller" in html


@pytest.mark.django_db
def test_a_target_added_to_an_activity_without_one_has_no_earlier_progress(client, signed):
    dialogue = factories.activity(signed.period, "Medborgardialog", target=None)
    dialogue.promises.add(signed.promise)
    sign_in(client, signed.coordinator)

    client.post(
        edit_url(dialogue),
        form_data(
            dialogue,
            has_target="yes",
            target_comparator="at_least",
            target_value="2",
            target_unit="dialogmöten",
            target_scope="year",
        ),
    )

    change = Revision.objects.get().changes.get()
    assert change.kind == ChangeKind.TARGET
    assert change.old_value == gettext("no target")
    assert change.new_value == swedish_target("at_least", 2, "dialogmöten", "year")
    assert change.progress_before == ""


@pytest.mark.django_db
def test_an_activity_added_after_signing_is_a_revision(client, signed):
    sign_in(client, signed.coordinator)
    data = form_data(
        signed.activity,
        title="Trygghetsvandringar",
        description="Kommunen ska genomföra trygghetsvandringar.",
        responsible=Responsible.MUNICIPALITY,
        target_value="4",
        target_unit="trygghetsvandringar",
        revision_kind=RevisionKind.CHANGED_SITUATION,
    )

    response = client.post(reverse("activities:activity_create", args=[signed.period.pk]), data)

    assert response.status_code == 302
    added = Activity.objects.get(title="Trygghetsvandringar")
    assert added.position == 2
    revision = Revision.objects.get()
    assert revision.kind == RevisionKind.CHANGED_SITUATION
    change = revision.changes.get()
    assert change.kind == ChangeKind.ACTIVITY_ADDED
    assert change.subject == "Trygghetsvandringar"
    assert "Kommunen ska genomföra trygghetsvandringar." in change.new_value
    assert swedish_target("at_least", 4, "trygghetsvandringar", "period") in change.new_value


@pytest.mark.django_db
def test_an_activity_added_after_signing_counts_from_the_day_it_was_added(client, signed):
    """A tester's activity added at the annual review, "minst 2 besök per tertial", was shown
    "ej uppnådd" for every tertial before it existed."""
    today = timezone.localdate()
    sign_in(client, signed.coordinator)
    added = add_at_annual_review(
        client, signed, target_value="2", target_unit="besök", target_scope="tertial"
    )
    assert added.counts_from == today
    assert signed.activity.counts_from is None  # from the signed document: the period's start

    progress = added.progress(today)
    assert progress.spans[0].span.start == today  # no span before it existed
    assert not any(span.status == PaceStatus.NOT_ACHIEVED for span in progress.spans)
    # The first tertial is cut at its start: its target pro rata, as at a period's edges.
    page = client.get(
        reverse("activities:activity_detail", args=["vetlanda", signed.period.slug, added.pk])
    ).content.decode()
    assert "då aktiviteten lades till i det undertecknade medborgarlöftet" in page
    # (The folded counting rule explains the status words, "ej uppnådd" among them.)
    assert "ej uppnådd" not in page.lower().split("så räknas framstegen")[0]
    # Nothing of it is logged before it existed.
    response = client.post(
        reverse("activities:log_create"),
        {
            "activity": added.pk,
            "date": (today - DAY).isoformat(),
            "quantity": "1",
            "idempotency_key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 200
    assert "Aktiviteten lades till den" in response.content.decode()
    assert not added.logs.exists()
    assert rollup.check() == []


@pytest.mark.django_db
def test_adding_after_signing_without_a_reason_writes_nothing(client, signed):
    sign_in(client, signed.coordinator)

    response = client.post(
        reverse("activities:activity_create", args=[signed.period.pk]),
        form_data(signed.activity, title="Ny aktivitet", revision_reason=""),
    )

    assert response.status_code == 200
    assert Activity.objects.count() == 1
    assert not Revision.objects.exists()


@pytest.mark.django_db
def test_a_conflicting_revision_records_nothing_and_keeps_the_reason(client, signed):
    sign_in(client, signed.coordinator)
    stale = form_data(signed.activity, target_value="12", revision_reason="Min anledning.")
    client.post(edit_url(signed.activity), form_data(signed.activity, target_value="10"))

    response = client.post(edit_url(signed.activity), stale)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.conflict is not None
    labels = [label for label, _value in form.conflict.differences]
    assert str(form.fields["target_value"].label) in labels
    reason_label = str(response.context["revision_form"].fields["revision_reason"].label)
    assert reason_label not in labels
    assert "Min anledning." in response.content.decode()
    assert Revision.objects.count() == 1
    signed.activity.refresh_from_db()
    assert signed.activity.target_value == 10


@pytest.mark.django_db
def test_the_change_log_shows_an_extension_with_its_decision(client, signed):
    new_end = signed.period.end_date + 365 * DAY
    Extension.objects.create(
        period=signed.period,
        previous_end_date=signed.period.end_date,
        new_end_date=new_end,
        decision_body="Kommunstyrelsen",
        decision_date=timezone.localdate(),
        decision_reference="KS 2026/123",
        created_by=signed.coordinator,
    )
    PeriodTransition.objects.create(
        period=signed.period,
        from_state=PeriodState.SIGNED,
        to_state=PeriodState.EXTENDED,
        by=signed.coordinator,
    )
    PromisePeriod.objects.filter(pk=signed.period.pk).update(
        state=PeriodState.EXTENDED, end_date=new_end
    )

    response = client.get(signed.period.get_absolute_url())

    kinds = [entry.kind for entry in response.context["change_log"]]
    assert kinds == ["extension", "transition"]  # the extension's entry stands for its step
    html = response.content.decode()
    extended = gettext("Extended to %(date)s, decision by %(body)s on %(decided)s") % {
        "date": date_format(new_end, "j F Y"),
        "body": "Kommunstyrelsen",
        "decided": date_format(timezone.localdate(), "j F Y"),
    }
    assert extended in html
    assert "KS 2026/123" in html
    assert "Testsson" not in html


@pytest.mark.django_db
def test_the_period_page_links_its_documents(client, signed):
    slug, period_slug = signed.period.municipality.slug, signed.period.slug
    proposal_url = reverse("promises:document", args=[slug, period_slug, "tjansteutlatande"])
    # Without a written proposal only the signing document is public.
    html = client.get(signed.period.get_absolute_url()).content.decode()
    assert proposal_url not in html
    assert client.get(proposal_url).status_code == 404

    DecisionProposal.objects.create(period=signed.period, summary="Sammanfattning.")
    html = client.get(signed.period.get_absolute_url()).content.decode()

    for document in ("medborgarloftet", "tjansteutlatande"):
        assert reverse("promises:document", args=[slug, period_slug, document]) in html
        assert reverse("promises:document_pdf", args=[slug, period_slug, document]) in html
    assert client.get(proposal_url).status_code == 200


@pytest.mark.django_db
def test_the_period_page_queries_stay_constant_with_more_revisions(
    client, signed, django_assert_num_queries
):
    sign_in(client, signed.coordinator)
    client.post(edit_url(signed.activity), form_data(signed.activity, target_value="10"))
    client.logout()
    url = signed.period.get_absolute_url()
    # With revisions and their changes, and the promises' outcome indicators (none here, so no
    # query for their measurements); no meetings or reports (their queries are skipped).
    with django_assert_num_queries(13):
        client.get(url)

    sign_in(client, signed.coordinator)
    for value in range(11, 16):
        client.post(
            edit_url(signed.activity),
            form_data(signed.activity, target_value=str(value), title=f"Kontroller {value}"),
        )
    client.logout()
    assert Revision.objects.count() == 6

    with django_assert_num_queries(13):
        response = client.get(url)
    assert len(response.context["change_log"]) == 7


@pytest.mark.django_db
def test_a_draft_edit_is_no_revision_even_with_the_fields_posted(client, signed):
    PromisePeriod.objects.filter(pk=signed.period.pk).update(state=PeriodState.DRAFT)
    sign_in(client, signed.coordinator)

    response = client.post(edit_url(signed.activity), form_data(signed.activity, target_value="9"))

    assert response.status_code == 302
    assert not Revision.objects.exists()


@pytest.mark.django_db
def test_after_a_revision_the_document_says_it_is_the_current_version(client, signed):
    """A tester read the revised text above the 2025 signatures, the page calling it "det
    undertecknade dokumentet"; an added activity's line read "(– → …)"."""
    sign_in(client, signed.coordinator)
    add_at_annual_review(client, signed)
    client.logout()
    slug, period_slug = signed.period.municipality.slug, signed.period.slug
    document = client.get(
        reverse("promises:document", args=[slug, period_slug, "medborgarloftet"])
    ).content.decode()
    assert "Detta är den gällande versionen. Den har ändrats en gång sedan den undertecknades" in (
        document
    )
    assert "– →" not in document and "Aktivitet tillagd: Dialog med unga (" in document
    page = client.get(signed.period.get_absolute_url()).content.decode()
    assert "Medborgarlöftet, gällande version" in page
