"""Found in a fourth round of five people trying the portal: a citizen reading a period's page on
a phone, a citizen of a municipality with nothing published, and a KLG member reading the draft's
documents."""

import datetime
import re

import pytest
from django.urls import reverse

from followups.models import Report, ReportKind
from promises.models import PeriodState, Theme
from tests import factories
from tests.staff import sign_in

D = datetime.date


def _contents(html: str) -> list[str]:
    """The anchors the period page's "På den här sidan" links to, in order."""
    nav = re.search(r'<nav aria-labelledby="contents-heading".*?</nav>', html, re.S)
    assert nav is not None
    return re.findall(r'href="#([a-z-]+)"', nav.group())


@pytest.mark.django_db
def test_the_period_page_opens_with_links_to_its_parts(client):
    """Some twelve screens on a phone: the citizen asking whether the promises were kept
    scrolled past every activity to find the reports, and back up for whom to ask."""
    period = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))
    factories.activity(period)
    factories.meeting(period, D(2026, 5, 20), public_summary="Tertialuppföljning.")
    Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        covers_from=D(2026, 1, 1),
        covers_to=D(2026, 4, 30),
        title="Tertialredovisning januari–april 2026",
        body="Så här har arbetet gått.",
        published_on=D(2026, 5, 28),
    )

    html = client.get(period.get_absolute_url()).content.decode()

    anchors = _contents(html)
    assert anchors == [
        "activities-heading",
        "reports-heading",
        "followups-heading",
        "changes-heading",
        "documents-heading",
        "contact-heading",
    ]
    # Each link leads to a heading on the page, below the links.
    after = html[html.index('id="contents-heading"') + 1 :]
    for anchor in anchors:
        assert f'id="{anchor}"' in after
    assert "På den här sidan" in html


@pytest.mark.django_db
def test_the_period_pages_links_leave_out_the_parts_it_lacks(client):
    period = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))

    html = client.get(period.get_absolute_url()).content.decode()

    anchors = _contents(html)
    assert "reports-heading" not in anchors
    assert "followups-heading" not in anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in html


@pytest.mark.django_db
def test_a_municipality_without_a_published_promise_says_one_may_exist(client):
    """A citizen of Aneby read "Här finns inget medborgarlöfte för Aneby som gäller i dag" as
    "Aneby has promised nothing"; the county's page said that not all are published here."""
    html = client.get(reverse("promises:municipality_detail", args=["aneby"])).content.decode()

    assert "Här finns inget medborgarlöfte för Aneby som gäller i dag." in html
    assert (
        "Det kan ändå finnas ett som gäller men inte är publicerat här: fråga Aneby kommun "
        'eller Polisen (se <a href="#contact-heading">Frågor och synpunkter</a>).'
    ) in html
    assert 'id="contact-heading"' in html


@pytest.mark.django_db
def test_a_municipality_with_a_promise_in_force_is_not_told_one_may_exist(client):
    factories.period(start=D(2000, 1, 1), end=D(2100, 12, 31))

    html = client.get(reverse("promises:municipality_detail", args=["vetlanda"])).content.decode()

    assert "Det kan ändå finnas ett som gäller" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("document", ["medborgarloftet", "tjansteutlatande"])
def test_a_staff_document_leads_back_to_the_citizen_promise(client, people, document):
    """The KLG member reading the draft's documents met "Tillbaka till perioden": the code's
    word, where the public copy says "medborgarlöftet"."""
    period = factories.period_in_state(PeriodState.CONSULTATION)
    sign_in(client, people.approver)

    html = client.get(
        reverse("promises:staff_document", args=[period.pk, document])
    ).content.decode()

    staff_page = reverse("promises:staff_period", args=[period.pk])
    assert f'<a href="{staff_page}">Tillbaka till medborgarlöftet</a>' in html
    assert "perioden</a>" not in html


@pytest.mark.django_db
def test_a_draft_with_a_stated_start_names_the_agreement_as_the_others_do(client, people):
    """A draft starting on a stated day spoke of "det tidigare undertecknade
    samverkansavtalet", where the signed ones and its own background say
    "samverkansöverenskommelse": the KLG member asked whether it was another agreement."""
    period = factories.period_in_state(PeriodState.DRAFT, starts=30)
    sign_in(client, people.coordinator)

    html = client.get(
        reverse("promises:staff_document", args=[period.pk, "medborgarloftet"])
    ).content.decode()

    assert (
        "Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av "
        "lägesbilden formulerar Vetlanda kommun och Polisen medborgarlöften. De gäller"
    ) in html
    assert "samverkansavtal" not in html


@pytest.mark.django_db
def test_a_promises_theme_leads_to_every_municipalitys_promises_on_it(client):
    """Comparing the municipalities' traffic promises, the journalist tapped the theme "Trafik"
    under a promise: it was a label, not a link."""
    traffic = Theme.objects.get(slug="trafik")
    period = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))
    factories.promise(period, "Öka trafiksäkerheten").themes.add(traffic)
    other = factories.period("tranas", start=D(2026, 1, 1), end=D(2026, 12, 31))
    factories.promise(other, "Färre fortkörningar i Tranås").themes.add(traffic)

    html = client.get(period.get_absolute_url()).content.decode()
    theme_url = f"{reverse('promises:promise_list')}?tema=trafik"
    listed = client.get(theme_url).content.decode()

    assert f'<a class="tag" href="{theme_url}">Trafik<span class="visually-hidden">' in html
    assert "Öka trafiksäkerheten" in listed and "Färre fortkörningar i Tranås" in listed
