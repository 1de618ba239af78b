"""Found in a round of people trying the portal: a citizen who heard of the promises on local
radio and, on a phone, looked for where to give an opinion."""

import datetime

import pytest
from django.utils import timezone

from tests import factories

TODAY = timezone.localdate()
YEAR = datetime.timedelta(days=365)


@pytest.mark.django_db
def test_the_municipality_page_says_where_to_give_an_opinion(client):
    """The search lands on the municipality page, which said nothing of whom to ask; the
    answer was at the foot of the period's page, past its documents and signatures."""
    factories.period("tranas", start=TODAY - YEAR, end=TODAY + YEAR)

    html = client.get("/kommuner/tranas/").content.decode()

    assert '<h2 id="contact-heading">Frågor och synpunkter</h2>' in html
    assert (
        "Frågor och synpunkter om medborgarlöftena: kontakta Tranås kommun eller Polisen på "
        "114 14." in html
    )
    assert "Kontakt:" not in html  # no contact person marked public


@pytest.mark.django_db
def test_a_municipality_without_a_promise_in_force_still_says_whom_to_ask(client):
    factories.period("vetlanda", start=TODAY - 3 * YEAR, end=TODAY - YEAR)

    html = client.get("/kommuner/vetlanda/").content.decode()

    assert "kontakta Vetlanda kommun eller Polisen på 114 14." in html
