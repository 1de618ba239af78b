"""Ten past promise documents (tests/fixtures/registration/) registered through the
coordinator's own pages, each as its document states it; the public pages are asserted."""

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from activities.models import Activity, Responsible
from municipalities.models import Municipality, Role
from promises.models import PeriodState, PromisePeriod, TransitionKind
from promises.validity import validity_label
from tests.staff import sign_in, staff_user

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "registration"
SEPARATOR = "=== registrering ==="
DOCUMENTS = sorted(FIXTURES.glob("*.txt"))


@dataclass
class ActivityRow:
    title: str
    description: str
    responsible: str
    other: str
    partners: str
    serves: list[int]
    target: tuple[str, int, str, str, str] | None  # comparator, value, scope, plural, singular


@dataclass
class Document:
    """A fixture: the document's text as uploaded, and how it is registered."""

    name: str
    text: str
    facts: dict[str, str]
    signatories: list[list[str]] = field(default_factory=list)
    promises: list[str] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)


def read_document(path: Path) -> Document:
    text, _, registration = path.read_text(encoding="utf-8").partition(SEPARATOR)
    document = Document(path.name, text, {})
    for line in registration.strip().splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if key == "undertecknare":
            document.signatories.append([part.strip() for part in value.split("|")])
        elif key == "löfte":
            document.promises.append(value)
        elif key == "aktivitet":
            title, description, responsible, other, partners, serves, target = (
                part.strip() for part in value.split("|")
            )
            parsed = None
            if target != "ingen":
                comparator, number, scope, units = target.split()
                plural, singular = units.split("/")
                parsed = (comparator, int(number), scope, plural, singular)
            document.activities.append(
                ActivityRow(
                    title,
                    description,
                    responsible,
                    other,
                    partners,
                    [int(n) for n in serves.split(",") if n],
                    parsed,
                )
            )
        else:
            document.facts[key] = value
    return document


def in_force(document: Document) -> bool:
    """Whether the document's promise has not ended today (it is registered as signed)."""
    validity = document.facts["giltig"].split()
    if validity[0] == "år":
        end = datetime.date(int(validity[2]), 12, 31)
    elif validity[1] == "tillsvidare":
        return True
    else:
        end = datetime.date.fromisoformat(validity[1])
    return end >= timezone.localdate()


def registration_data(document: Document, municipality: Municipality) -> dict:
    """The registration form as the coordinator fills it in from the document."""
    facts = document.facts
    validity = facts["giltig"].split()
    data = {
        "municipality": str(municipality.pk),
        "area_name": facts.get("område", ""),
        "local_police_area": "",
        "parties": facts["parter"],
        "slug": "",
        "signed_date": facts.get("undertecknat", ""),
        "source_url": "",
        "signatories-TOTAL_FORMS": "4",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "6",
    }
    if validity[0] == "år":
        data.update(start_date=f"{validity[1]}-01-01", end_date=f"{validity[2]}-12-31")
        data["year_only"] = "on"
    elif validity[1] == "tillsvidare":
        data.update(start_date=validity[0], end_date="", open_ended="on")
    else:
        data.update(start_date=validity[0], end_date=validity[1])
    body, decided, reference = (part.strip() for part in facts["beslut"].split("|"))
    data.update(decision_body=body, decision_date=decided, decision_reference=reference)
    if in_force(document):
        # A promise published as in force states its decision and signing
        # (`registration.missing_facts`): the coordinator fills in from the municipality's
        # records what the document leaves out.
        start = datetime.date.fromisoformat(data["start_date"])
        data["decision_body"] = data["decision_body"] or "Kommunstyrelsen"
        data["decision_date"] = data["decision_date"] or str(start - datetime.timedelta(days=30))
        data["signed_date"] = data["signed_date"] or str(start - datetime.timedelta(days=14))
    for number, (name, title, organisation) in enumerate(document.signatories):
        data.update(
            {
                f"signatories-{number}-name": name,
                f"signatories-{number}-title": title,
                f"signatories-{number}-organisation": organisation,
            }
        )
    if facts["källa"] == "fil":
        data["source_file"] = SimpleUploadedFile(
            document.name, document.text.encode(), content_type="text/plain"
        )
    else:
        data["source_url"] = facts["källa"]
    return data


def activity_data(row: ActivityRow, promise_ids: list[int]) -> dict:
    data = {
        "title": row.title,
        "description": row.description,
        "responsible": row.responsible,
        "responsible_other": row.other,
        "partners": row.partners,
        "promises": [str(promise_ids[n - 1]) for n in row.serves],
        "has_target": "no",
        "target_comparator": "",
        "target_value": "",
        "target_unit": "",
        "target_unit_singular": "",
        "target_scope": "",
        "edit_version": "1",
    }
    if row.target is not None:
        comparator, value, scope, plural, singular = row.target
        data.update(
            has_target="yes",
            target_comparator=comparator,
            target_value=str(value),
            target_unit=plural,
            target_unit_singular=singular,
            target_scope=scope,
        )
    return data


def register(client, document: Document, municipality: Municipality) -> PromisePeriod:
    """Register `document` through the pages: the facts, each promise, each activity, finish."""
    response = client.post(
        reverse("promises:period_register"), registration_data(document, municipality)
    )
    assert response.status_code == 302, response.context["error_entries"]
    period = PromisePeriod.objects.get(municipality=municipality)
    promise_ids = []
    for title in document.promises:
        url = reverse("promises:promise_create", args=[period.pk])
        response = client.post(url, {"title": title, "description": ""})
        assert response.status_code == 302, response.context["form"].errors
        promise_ids.append(period.promises.get(title=title).pk)
    for row in document.activities:
        url = reverse("activities:activity_create", args=[period.pk])
        response = client.post(url, activity_data(row, promise_ids))
        assert response.status_code == 302, (row.title, response.context["form"].errors)
    response = client.post(reverse("promises:period_register_finish", args=[period.pk]), {})
    assert response.status_code == 302, response.context["refusals"]
    period.refresh_from_db()
    return period


def test_there_are_at_least_ten_documents_of_every_kind():
    documents = [read_document(path) for path in DOCUMENTS]
    assert len(documents) >= 10
    kinds = {
        "police-only": any(d.facts["parter"] == "police" for d in documents),
        "municipality-only": any(d.facts["parter"] == "municipality" for d in documents),
        "activities-only": any(not d.promises for d in documents),
        "open-ended": any("tillsvidare" in d.facts["giltig"] for d in documents),
        "year-only": any(d.facts["giltig"].startswith("år") for d in documents),
        "district": any(d.facts.get("område") for d in documents),
        "unstated owner": any(
            a.responsible == Responsible.UNSTATED for d in documents for a in d.activities
        ),
        "partners": any(a.partners for d in documents for a in d.activities),
        "per day": any(a.target and a.target[2] == "day" for d in documents for a in d.activities),
        "no signing date": any("undertecknat" not in d.facts for d in documents),
        "no signatories": any(not d.signatories for d in documents),
        "title-only signatory": any(not s[0] for d in documents for s in d.signatories),
        "web address": any(d.facts["källa"] != "fil" for d in documents),
    }
    assert all(kinds.values()), kinds
    for document in documents:
        # Every activity is stored as its document words it.
        for row in document.activities:
            assert row.description in document.text, (document.name, row.title)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
@pytest.mark.django_db
def test_a_past_document_registered_through_the_pages_reads_as_it_was_written(client, path):
    document = read_document(path)
    municipality = Municipality.objects.get(slug=document.facts["kommun"])
    coordinator = staff_user("samordnare", role=Role.COORDINATOR, municipality=municipality)
    sign_in(client, coordinator)
    period = register(client, document, municipality)

    # The record: registered afterwards, never a consultation, decision or signing step.
    (transition,) = period.transitions.all()
    assert transition.kind == TransitionKind.REGISTRATION and transition.from_state == ""
    assert not period.reviews.exists()
    today = timezone.localdate()
    ended = period.end_date is not None and period.end_date < today
    assert period.state == (PeriodState.CLOSED if ended else PeriodState.SIGNED)
    assert period.parties == document.facts["parter"]
    assert period.area_name == document.facts.get("område", "")
    assert period.promises.count() == len(document.promises)
    assert period.activities.count() == len(document.activities)
    for row in document.activities:
        activity = Activity.objects.get(period=period, title=row.title)
        assert (activity.responsible, activity.partners) == (row.responsible, row.partners)

    client.logout()
    response = client.get(period.get_absolute_url())
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert (
        gettext(
            "This citizen promise was decided and signed before it came into the portal. It was "
            "registered afterwards from its document, with what the document states."
        )
        in page
    )
    with translation.override("sv"):
        assert validity_label(period) in page
        entered = [date_format(today, "j F Y"), date_format(today, "j b Y")]
    for promise in document.promises:
        assert promise in page
    for row in document.activities:
        assert row.title in page
        if row.partners:
            assert row.partners in page
    if document.facts["källa"] == "fil":
        source = reverse("promises:period_source", args=[municipality.slug, period.slug])
        assert source in page
        assert b"".join(client.get(source).streaming_content) == document.text.encode()
    else:
        assert document.facts["källa"] in page
    if "undertecknat" not in document.facts and not in_force(document):
        assert gettext("The document does not state when it was signed.") in page
    if not document.signatories:
        assert gettext("The document names no signatories.") in page
    for name, title, organisation in document.signatories:
        assert ", ".join(part for part in (name, title, organisation) if part) in page
    # The day of entry is nowhere on the public page of an ended promise (one in force shows
    # today's span of its targets, "i dag", which is no date of the document's).
    if ended:
        for words in entered:
            assert not re.search(rf"\b{words}\b", page), words


# The documents with a line stating their decision ("Beslut: Kommunstyrelsen 2020-03-11, dnr KS
# 2020/145.", "Beslutat av kommunstyrelsen."); the others state none.
WITH_DECISION_LINE = ("kungalv-2020-2021.txt", "eslov-2021-2022.txt")


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_the_import_proposes_the_decision_only_as_the_document_states_it(path):
    """The reader's decision facts: each one the document states is the registration's, and
    none is proposed that the document does not state (the coordinator adds those from the
    municipality's records, as the fixtures' `beslut:` lines do for Gotland and Tranås)."""
    from promises.textimport.parser import parse

    document = read_document(path)
    body, decided, reference = (part.strip() for part in document.facts["beslut"].split("|"))
    parsed = parse(document.text)
    proposed = (
        parsed.decision_body,
        parsed.decision_date.isoformat() if parsed.decision_date else "",
        parsed.decision_reference,
    )
    for read, registered in zip(proposed, (body, decided, reference), strict=True):
        assert read in ("", registered), (path.name, proposed)
    if path.name not in WITH_DECISION_LINE:
        assert proposed == ("", "", ""), path.name


def test_the_documents_with_a_decision_line_give_all_it_states():
    from promises.textimport.parser import parse

    kungalv = parse(read_document(FIXTURES / WITH_DECISION_LINE[0]).text)
    assert (kungalv.decision_body, kungalv.decision_date, kungalv.decision_reference) == (
        "Kommunstyrelsen",
        datetime.date(2020, 3, 11),
        "KS 2020/145",
    )
    eslov = parse(read_document(FIXTURES / WITH_DECISION_LINE[1]).text)
    assert (eslov.decision_body, eslov.decision_date, eslov.decision_reference) == (
        "Kommunstyrelsen",
        None,
        "",
    )
    # A decision line is no part of the period's texts.
    for document in (kungalv, eslov):
        assert all(
            "Beslut" not in text
            for text in (document.situation, document.background, document.follow_up_text)
        )
