"""Found in a fourth round of five people trying the portal: a local journalist comparing the
municipalities' activities on /aktiviteter/ and /loften/."""

import datetime
import re

import pytest
from django.utils import timezone

from activities.models import Responsible
from tests import factories


def _options(html: str, name: str) -> dict[str, str]:
    """A select's options, value -> text."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select is not None, name
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group()))


@pytest.mark.django_db
def test_the_responsible_filter_names_a_joint_activity_as_its_row_does(client):
    """Each joint activity's row says "Ansvarig: Polisen och kommunen"; the filter offered
    "Gemensamt", and the journalist did not see that it was the same."""
    today = timezone.localdate()
    period = factories.period(
        start=today - datetime.timedelta(days=100), end=today + datetime.timedelta(days=300)
    )
    factories.activity(period, "Trygghetsvandringar", responsible=Responsible.JOINT)
    factories.activity(period, "Trafikkontroller", responsible=Responsible.POLICE)

    html = client.get("/aktiviteter/").content.decode()
    filtered = client.get("/aktiviteter/?ansvarig=joint").content.decode()

    assert "Ansvarig: Polisen och kommunen" in html
    options = _options(html, "ansvarig")
    assert options["joint"] == "Polisen och kommunen"
    assert options["police"] == "Polisen"
    assert "Gemensamt" not in options.values()
    # The option still selects the joint activities.
    assert "Trygghetsvandringar" in filtered
    assert "Trafikkontroller</a>" not in filtered


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/aktiviteter/", "/loften/"])
def test_the_state_filter_says_it_is_the_citizen_promises(client, url):
    """On /aktiviteter/ "Status:" read as the activity's own status ("Status: pågår" on its
    row): the journalist chose "Gäller nu" to find the activities under way."""
    html = client.get(url).content.decode()

    assert '<label for="id_status">Medborgarlöftets status:</label>' in html
    assert _options(html, "status")["active"] == "Gäller nu"
