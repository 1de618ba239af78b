"""Nothing public names an officer: no staff name, user name or e-mail on any public page.

A realistic world is built through the portal's own services and lifecycle: staff draft, send
for consultation, comment, send back, approve (one approver has no names, so a page would fall
back to the user name), decide, record the signing, log, change and withdraw logs, revise and
extend. Then every public page type is fetched in Swedish and English — pages, lists with a
query, feeds, open data downloads, both documents as HTML and PDF — and none may contain a
staff member's user name, e-mail address or name. Signatories and the officials who sign the
decision proposal are public by design, and so is a contact person marked public.
"""

import datetime
import io
import re
import uuid
from dataclasses import dataclass
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from pypdf import PdfReader

from activities import services as activity_services
from activities.models import Activity, Responsible
from followups.models import FollowUpMeeting, MeetingKind, Report, ReportKind
from municipalities.models import Membership, Role
from promises import services as promise_services
from promises.document_forms import save_proposal
from promises.editing import Change, record_revision
from promises.lifecycle import Action, SignatoryData, perform
from promises.models import (
    ChangeKind,
    DecisionProposal,
    PeriodState,
    Promise,
    PromisePeriod,
    RevisionKind,
)
from tests import factories

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Person:
    """A staff account; every part of it is distinctive, so a leak cannot hide."""

    username: str
    email: str
    first_name: str = ""
    last_name: str = ""

    @property
    def secrets(self) -> list[str]:
        """What must never be public: user name, e-mail, full name, surname."""
        found = [self.username, self.email]
        if self.first_name or self.last_name:
            found += [f"{self.first_name} {self.last_name}".strip()]
        if self.last_name:
            found.append(self.last_name)
        return found


STAFF = {
    "coordinator": Person(
        "zq.samordnare", "qvintus.xsam@kommun.example", "Qvintus", "Samordnarsson"
    ),
    "approver": Person(
        "zq.granskare", "ingeborg.xgr@kommun.example", "Ingeborg", "Granskarsdotter"
    ),
    "nameless": Person("gr_noname_zq", "noname.xgr@kommun.example"),
    "commenter": Person("zq.kommentator", "kasper.xkom@kommun.example", "Kasper", "Kommentarsson"),
    "officer": Person("zq.polis", "olle.xpol@polisen.example", "Olle", "Poliskvist"),
    "colleague": Person("zq.kollega", "kerstin.xkol@polisen.example", "Kerstin", "Kollegasson"),
    "admin": Person("zq.admin", "adam.xadm@kommun.example", "Adam", "Adminsson"),
}
# Deliberately public: signatories, the officials signing the proposal, a public contact.
SIGNATORIES = [
    SignatoryData("Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
    SignatoryData("Jonas Lindell", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
]
OFFICIAL = "Pär Thudéen"
PUBLIC_CONTACT = Person(
    "zq.kontakt", "petra.xkon@tranas.example", "Petra", "Publiksson"
)  # a staff member who is Tranås's public contact: her name is public, not her account


def make_user(person: Person, role: str | None, municipality=None, area=None, **fields):
    user = get_user_model().objects.create_user(
        username=person.username,
        email=person.email,
        password="ett-långt-lösenord-för-test",
        first_name=person.first_name,
        last_name=person.last_name,
        **fields,
    )
    if role is not None:
        Membership.objects.create(
            user=user, role=role, municipality=municipality, local_police_area=area
        )
    return user


def build_world() -> dict:
    """Vetlanda's period made and lived through the services; a Tranås period with a contact."""
    today = timezone.localdate()
    vetlanda = factories.municipality("vetlanda")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [vetlanda])
    users = {
        "coordinator": make_user(STAFF["coordinator"], Role.COORDINATOR, vetlanda),
        "approver": make_user(STAFF["approver"], Role.APPROVER, vetlanda),
        "nameless": make_user(STAFF["nameless"], Role.APPROVER, area=area),
        "commenter": make_user(STAFF["commenter"], Role.APPROVER, vetlanda),
        "officer": make_user(STAFF["officer"], Role.POLICE_OFFICER, area=area),
        "colleague": make_user(STAFF["colleague"], Role.POLICE_OFFICER, vetlanda),
        "admin": make_user(STAFF["admin"], None, is_staff=True, is_superuser=True),
    }
    coordinator = users["coordinator"]
    coordinator_person = STAFF["coordinator"]

    # Drafting, with the coordinator named as a contact who is NOT public.
    period = promise_services.create_period(
        PromisePeriod(
            municipality=vetlanda,
            local_police_area=area,
            slug="2025-2027",
            start_date=today - 300 * DAY,
            end_date=today + 400 * DAY,
            situation="Otrygghet kring torget kvällstid.",
            contact_name=f"{coordinator_person.first_name} {coordinator_person.last_name}",
            contact_email=coordinator_person.email,
            contact_is_public=False,
        ),
        user=coordinator,
    )
    promise = promise_services.add_promise(
        Promise(period=period, title="Öka tryggheten på torget"), user=coordinator
    )
    police, _ = activity_services.create_activity(
        Activity(
            title="Trafikkontroller",
            description="Polisen ska genomföra minst femton trafikkontroller.",
            responsible=Responsible.POLICE,
            target_comparator="at_least",
            target_value=15,
            target_unit="trafikkontroller",
            target_scope="period",
        ),
        period=period,
        user=coordinator,
        promises=[promise],
    )
    walks, _ = activity_services.create_activity(
        Activity(
            title="Trygghetsvandringar",
            description="Kommunen ordnar trygghetsvandringar.",
            responsible=Responsible.MUNICIPALITY,
        ),
        period=period,
        user=coordinator,
        promises=[promise],
    )
    save_proposal(
        DecisionProposal(
            period=period,
            summary="Polisen och kommunen formulerar medborgarlöften.",
            consulted="kommunledningsgruppen, KLG",
            consulted_on=today - 200 * DAY,
            officials=f"{OFFICIAL}, Kommundirektör",
            recipients="Diariet",
        ),
        1,
        user=coordinator,
    )

    # Consultation: a comment, a return, approvals (one by an approver without names).
    perform(period, coordinator, Action.SUBMIT, comment="Till KLG.")
    perform(period, users["commenter"], Action.COMMENT, comment="Se över målet.")
    perform(period, users["commenter"], Action.RETURN, comment="Målet är för högt.")
    perform(period, coordinator, Action.SUBMIT, comment="Nytt förslag.")
    perform(period, users["approver"], Action.APPROVE)
    perform(period, users["nameless"], Action.APPROVE)
    perform(
        period,
        coordinator,
        Action.DECIDE,
        decision_body="Kommunstyrelsen",
        decision_date=today - 320 * DAY,
        decision_reference="KS 2025/412",
    )
    perform(
        period, coordinator, Action.SIGN, signed_date=today - 310 * DAY, signatories=SIGNATORIES
    )

    # Logging: logs by two officers and the coordinator; changed, withdrawn by others.
    logs = []
    for user, activity in (
        (users["officer"], police),
        (users["colleague"], police),
        (coordinator, walks),
        (users["officer"], police),
    ):
        log, _ = activity_services.record_log(
            activity=activity,
            user=user,
            idempotency_key=uuid.uuid4(),
            date=today - 10 * DAY,
            quantity=2,
            place="Storgatan",
            summary="Kontroll vid skolan.",
            internal_note="INTERN-ANTECKNING",
        )
        logs.append(log)
    activity_services.update_log(logs[0], users["officer"], quantity=3)
    activity_services.update_log(logs[1], coordinator, place="Torget")
    activity_services.withdraw_log(logs[3], coordinator, "Loggad två gånger.")
    activity_services.withdraw_log(logs[2], users["admin"], "Fel aktivitet.")

    # After signing: a revision, a meeting, a report, an extension by the administrator.
    record_revision(
        period,
        user=coordinator,
        kind=RevisionKind.ANNUAL_REVIEW,
        reason="Årlig översyn.",
        changes=[Change(ChangeKind.TEXT_CHANGED, "Lägesbild", "Förr.", "Nu.")],
    )
    FollowUpMeeting.objects.create(
        period=period,
        kind=MeetingKind.MONTHLY,
        status="held",
        date=today - 5 * DAY,
        public_summary="Arbetet går enligt plan.",
        internal_minutes="INTERNT-PROTOKOLL",
    )
    Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialrapport",
        body="Femton kontroller är gjorda.",
        covers_from=period.start_date,
        covers_to=today - DAY,
        published_on=today - DAY,
    )
    perform(
        period,
        users["admin"],
        Action.EXTEND,
        decision_body="Kommunstyrelsen",
        decision_date=today - 2 * DAY,
        new_end_date=today + 500 * DAY,
    )

    # Tranås: signed, with a staff member deliberately published as its contact.
    tranas = factories.municipality("tranas")
    make_user(PUBLIC_CONTACT, Role.COORDINATOR, tranas)
    factories.period(
        "tranas",
        start=today - 100 * DAY,
        end=today + 200 * DAY,
        slug="2025-2026",
        contact_name=f"{PUBLIC_CONTACT.first_name} {PUBLIC_CONTACT.last_name}",
        contact_title="Trygghetssamordnare",
        contact_email="trygghet@tranas.example",
        contact_is_public=True,
    )
    period.refresh_from_db()
    return {"period": period}


def page_text(response) -> str:
    """What a visitor reads in the response: PDF text, or the body with entities resolved."""
    if response["Content-Type"].startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(response.content))
        text = " ".join(page.extract_text() for page in reader.pages)
    else:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = unescape(body.decode("utf-8-sig"))
    return " ".join(text.split())


def download_links(text: str) -> set[str]:
    """Links to CSV and JSON downloads on an open data page."""
    return set(
        re.findall(r'href="(/(?:en/)?(?:kommuner/[\w-]+/)?oppna-data/[\w-]+\.[\w-]+)"', text)
    )


def public_paths(period: PromisePeriod, prefix: str) -> list[str]:
    place = f"{prefix}/kommuner/{period.municipality.slug}"
    documents = [
        f"{place}/{period.slug}/{name}{suffix}"
        for name in ("medborgarloftet", "tjansteutlatande")
        for suffix in ("/", ".pdf")
    ]
    activities = [
        f"{place}/{period.slug}/aktiviteter/{activity.pk}/" for activity in period.activities.all()
    ]
    county = period.municipality.county.slug
    files = (".csv", "-excel.csv", ".json")
    return [
        f"{prefix}/",
        f"{prefix}/kommuner/",
        f"{place}/",
        f"{place}/{period.slug}/",
        *activities,
        f"{prefix}/kommuner/tranas/",
        f"{prefix}/kommuner/tranas/2025-2026/",
        f"{prefix}/loften/",
        f"{prefix}/loften/?q=trygghet",
        f"{prefix}/aktiviteter/",
        f"{prefix}/aktiviteter/?q=kontroll",
        f"{prefix}/flode/",
        f"{place}/flode/",
        f"{prefix}/uppfoljningsflode/",
        f"{place}/uppfoljningsflode/",
        f"{prefix}/lan/{county}/",
        *(f"{prefix}/lan/{county}/oppna-data/genomforda-aktiviteter{suffix}" for suffix in files),
        f"{prefix}/oppna-data/",
        f"{prefix}/oppna-data/?kommun={period.municipality.slug}",
        f"{prefix}/om/",
        f"{prefix}/tillganglighet/",
        f"{prefix}/personuppgifter/",
        *documents,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"], ids=["sv", "en"])
def test_no_public_page_names_an_officer(client, settings, prefix):
    settings.PUBLIC_CACHE_SECONDS = 0  # every page rendered from this world
    world = build_world()
    period = world["period"]
    assert period.state == PeriodState.EXTENDED
    secrets = {secret.lower(): key for key, person in STAFF.items() for secret in person.secrets}
    secrets |= {PUBLIC_CONTACT.username: "contact", PUBLIC_CONTACT.email: "contact"}

    texts: dict[str, str] = {}
    queue = public_paths(period, prefix)
    while queue:
        path = queue.pop(0)
        if path in texts:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        texts[path] = page_text(response)
        if "oppna-data/" in path and "." not in path.rsplit("/", 1)[-1]:
            queue += sorted(download_links(texts[path]) - set(texts))

    downloads = [path for path in texts if re.search(r"oppna-data/[\w-]+\.[\w-]+$", path)]
    assert len(downloads) >= 8  # national and Vetlanda's datasets, CSV and JSON
    assert any(path.endswith(".json") for path in downloads)
    assert any(path.endswith(".csv") for path in downloads)
    leaks = [
        (path, secret, key)
        for path, text in texts.items()
        for secret, key in secrets.items()
        if secret in text.lower()
    ]
    assert not leaks, f"staff data on public pages: {leaks}"

    # The pages did show what is public by design, so the check read real content.
    everything = " ".join(texts.values())
    for public in ("Henrik Tvarnö", "Jonas Lindell", OFFICIAL, "Petra Publiksson"):
        assert public in everything
    proposal_pdf = texts[f"{prefix}/kommuner/vetlanda/{period.slug}/tjansteutlatande.pdf"]
    assert OFFICIAL in proposal_pdf and "KS 2025/412" in proposal_pdf
    period_page = texts[f"{prefix}/kommuner/vetlanda/{period.slug}/"]
    assert "Arbetet går enligt plan." in period_page and "Tertialrapport" in period_page
    # The logs' public fields are shown (on the activities' pages), their notes never.
    activity_pages = " ".join(
        text for path, text in texts.items() if re.search(r"/aktiviteter/\d+/$", path)
    )
    assert "Torget" in activity_pages and "Kontroll vid skolan." in activity_pages
    assert "INTERN-ANTECKNING" not in everything and "INTERNT-PROTOKOLL" not in everything
