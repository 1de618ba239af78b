"""Found in a second round of people trying the portal: a coordinator registering last year's
promise from its PDF, and one closing or extending a period in force."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from municipalities.models import Role
from tests import factories
from tests.staff import sign_in, staff_user

TODAY = timezone.localdate()
YEAR = datetime.timedelta(days=365)


@pytest.mark.django_db
def test_the_registration_form_keeps_the_document_unchanged_in_right_swedish(client):
    """ "Dokumentet … Sparas oförändrad": a document (ett dokument) is kept "oförändrat", as the
    import page already said."""
    vetlanda = factories.municipality("vetlanda")
    sign_in(client, staff_user("samordnare", role=Role.COORDINATOR, municipality=vetlanda))

    page = client.get(reverse("promises:period_register")).content.decode()

    assert "högst 1 MB. Sparas oförändrat och publiceras med medborgarlöftet." in page
    assert "Sparas oförändrad " not in page


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["avsluta", "forlang"])
def test_a_step_page_calls_a_period_in_force_as_its_staff_page_does(client, action):
    """The period's staff page said "Status: gäller nu"; one click on "Avsluta" or "Förläng"
    and the same period was "Status: undertecknad"."""
    period = factories.period("vetlanda", start=TODAY - YEAR, end=TODAY + YEAR)
    sign_in(
        client, staff_user("samordnare", role=Role.COORDINATOR, municipality=period.municipality)
    )

    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    step = client.get(
        reverse("promises:period_transition", args=[period.pk, action])
    ).content.decode()

    assert "Status: gäller nu" in hub
    assert "Status: gäller nu" in step
    assert "Status: undertecknad" not in step
