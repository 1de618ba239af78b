"""A promise registered while it runs, as a coordinator new to the portal meets it: the
registration form's messages and the public page's progress bars."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from promises import registration
from tests import factories
from tests.promises.test_registration import REGISTER_URL, STATED, form_data, registering_draft
from tests.staff import sign_in

DAY = datetime.timedelta(days=1)


@pytest.mark.django_db
def test_a_year_begun_before_the_registration_has_no_pace_marker_on_its_bar(client, people):
    """The text said "takten bedöms inte" while the bar still marked where the pace should be
    (at 85 % in December), as if it were judged."""
    today = timezone.localdate()
    period = registering_draft(start=today - 300 * DAY, end=today + 400 * DAY, **STATED)
    activity = period.activities.get()
    activity.target_value, activity.target_unit, activity.target_scope = 40, "kontroller", "year"
    activity.save()
    registration.register(period, user=people.coordinator)
    url = reverse("promises:period_detail", args=[period.municipality.slug, period.slug])

    page = client.get(url).content.decode()

    assert "takten bedöms inte" in page
    assert 'class="bar"' in page and "bar-marker" not in page
    # Once what is logged reaches the target, the span is judged again: "klar", no marker
    # needed either way; a judged running span keeps its marker.
    factories.log(activity, today, 40)
    page = client.get(url).content.decode()
    assert "takten bedöms inte" not in page and "bar-marker" in page


@pytest.mark.django_db
def test_the_form_asks_to_choose_the_file_again_after_an_error(client, people):
    """A file chosen with a form that comes back with errors is not sent again by the browser:
    the coordinator is told, instead of saving without it unawares."""
    sign_in(client, people.coordinator)
    today = timezone.localdate()
    in_force = {
        "start_date": (today - 100 * DAY).isoformat(),
        "end_date": (today + 200 * DAY).isoformat(),
    }
    upload = SimpleUploadedFile("Medborgarlöfte Vetlanda.pdf", b"%PDF-1.4 original bytes")
    data = form_data(people.home, source_url="", source_file=upload, **in_force)

    page = client.post(REGISTER_URL, data).content.decode()

    assert "Välj filen Medborgarlöfte Vetlanda.pdf igen innan du sparar" in page
    # The missing decision is asked for, and where to find it when the document is silent.
    assert "hämta dem ur kommunens protokoll eller diarium: fyll i det här." in page
    # Without a chosen file there is nothing to choose again.
    data = form_data(people.home, **in_force)
    page = client.post(REGISTER_URL, data).content.decode()
    assert "Välj filen" not in page


@pytest.mark.django_db
def test_the_hub_links_a_document_registered_by_its_address(client, people):
    """A promise registered from its address on polisen.se (no file) showed the coordinator no
    link to its document on its own staff page; the public page had one."""
    sign_in(client, people.coordinator)
    period = registering_draft(source_url="https://polisen.se/medborgarloften/vetlanda-2019/")
    hub = reverse("promises:staff_period", args=[period.pk])

    page = client.get(hub).content.decode()

    assert '<a href="https://polisen.se/medborgarloften/vetlanda-2019/">' in page
    registration.register(period, user=people.coordinator)
    page = client.get(hub).content.decode()
    assert '<a href="https://polisen.se/medborgarloften/vetlanda-2019/">' in page
