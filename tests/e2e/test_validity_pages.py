"""The pages of validity and copy review are valid HTML (Nu Html Checker): the editor's validity
choice (also with errors), the copy page, a copy's hub with texts to review, the signing form
with its choice of start, and the public page of an open-ended period."""

import datetime

import pytest
from django.urls import reverse

from municipalities.models import Role
from promises.lifecycle import Action
from promises.models import PeriodState
from promises.services import copy_period
from tests import factories
from tests.e2e import vnu
from tests.staff import sign_in, staff_user

D = datetime.date


def test_validity_and_copy_review_pages_are_valid_html(client, tmp_path):
    tranas = factories.municipality("tranas")
    coordinator = staff_user("h3-samordnare", role=Role.COORDINATOR, municipality=tranas)
    source = factories.period(
        "tranas",
        start=D(2015, 10, 14),
        end=D(2017, 10, 13),
        slug="h3-2015-2017",
        background="Löftena förnyas därför för 2015–2016.",
    )
    factories.promise(source, "Öka tryggheten i centrum", description="Sedan 2014 fler vuxna ute.")
    copy = copy_period(
        source, user=coordinator, slug="h3-2018-2019", start_date=D(2018, 1, 1), end_date=None
    )
    decided = factories.period(
        "tranas",
        start=D(2016, 1, 1),
        end=D(2016, 12, 31),
        slug="h3-beslutad",
        state=PeriodState.DECIDED,
        area_name="Norr",
    )
    open_ended = factories.period("tranas", start=D(2014, 3, 1), end=None, slug="h3-tills-vidare")
    sign_in(client, coordinator)
    create = reverse("promises:period_create")
    pages = {
        "create": client.get(create),
        "create_errors": client.post(
            create, {"municipality": tranas.pk, "validity": "dates", "start_date": "2027-01-01"}
        ),
        "copy": client.get(reverse("promises:period_copy", args=[source.pk])),
        "copy_hub": client.get(reverse("promises:staff_period", args=[copy.pk])),
        "edit": client.get(reverse("promises:period_edit", args=[copy.pk])),
        "sign": client.get(reverse("promises:period_transition", args=[decided.pk, Action.SIGN])),
        "open_ended_page": client.get(open_ended.get_absolute_url()),
    }
    assert "Kopierade texter att granska" in pages["copy_hub"].content.decode()
    assert "Som dokumentet anger" in pages["sign"].content.decode()
    assert "tills vidare" in pages["open_ended_page"].content.decode()
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    try:
        messages = vnu.check(files)
    except vnu.CheckerMissing as missing:
        pytest.fail(str(missing))
    for file in files:
        errors = vnu.failures(messages[file])
        assert not errors, f"{file.name}:\n" + vnu.describe(errors)
