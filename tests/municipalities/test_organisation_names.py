"""Each municipality's organisation is named as it names itself ("kommunens egen benämning"):
in the reference data, and wherever the organisation (not the place) is named."""

import datetime
import html

import pytest
from django.urls import reverse

from municipalities.models import Municipality
from municipalities.refdata import read_csv
from promises.document_forms import municipality_party
from promises.lifecycle_forms import signatory_initial
from promises.models import PeriodState
from tests import factories
from tests.staff import sign_in, staff_user

# Cities that call their organisation "stad", and the organisations named by no rule at all.
CITIES = {
    "Stockholm": "Stockholms stad",
    "Göteborg": "Göteborgs stad",
    "Malmö": "Malmö stad",
    "Borås": "Borås stad",
    "Haparanda": "Haparanda stad",
    "Helsingborg": "Helsingborgs stad",
    "Landskrona": "Landskrona stad",
    "Lidingö": "Lidingö stad",
    "Mölndal": "Mölndals stad",
    "Solna": "Solna stad",
    "Sundbyberg": "Sundbybergs stad",
    "Trollhättan": "Trollhättans stad",
    "Vaxholm": "Vaxholms stad",
    "Västerås": "Västerås stad",
}
NO_RULE = {
    "Gotland": "Region Gotland",
    "Falun": "Falu kommun",
    # These two name their organisation without the genitive.
    "Kalmar": "Kalmar kommun",
    "Orust": "Orust kommun",
}


def by_rule(name: str) -> str:
    """The genitive -s after a consonant other than s, x and z; none after a vowel or s, x, z."""
    if name in NO_RULE:
        return NO_RULE[name]
    genitive = name if name[-1] in "aeiouyåäösxz" else f"{name}s"
    return f"{genitive} {'stad' if name in CITIES else 'kommun'}"


@pytest.mark.django_db
def test_every_municipality_has_its_organisation_name_from_the_reference_data():
    rows = {
        row["municipality_code"]: row["organisation_name"] for row in read_csv("municipalities.csv")
    }
    stored = dict(Municipality.objects.values_list("code", "organisation_name"))
    assert len(stored) == 290
    assert stored == rows
    for name, organisation in Municipality.objects.values_list("name", "organisation_name"):
        assert organisation == by_rule(name), name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Kungälv", "Kungälvs kommun"),
        ("Eslöv", "Eslövs kommun"),
        ("Tranås", "Tranås kommun"),
        ("Tranemo", "Tranemo kommun"),
        ("Vetlanda", "Vetlanda kommun"),
        ("Upplands Väsby", "Upplands Väsby kommun"),
        ("Upplands-Bro", "Upplands-Bro kommun"),
        ("Malung-Sälen", "Malung-Sälens kommun"),
        ("Lilla Edet", "Lilla Edets kommun"),
        ("Kalix", "Kalix kommun"),
        ("Falun", "Falu kommun"),
        ("Gotland", "Region Gotland"),
        ("Malmö", "Malmö stad"),
        ("Göteborg", "Göteborgs stad"),
        ("Stockholm", "Stockholms stad"),
        ("Västerås", "Västerås stad"),
        ("Borås", "Borås stad"),
    ],
)
def test_organisation_names_read_right(name, organisation):
    assert Municipality.objects.get(name=name).organisation_name == organisation


def signed_period(slug: str):
    period = factories.period(
        slug,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2027, 12, 31),
        decision_body="Kommunstyrelsen",
    )
    factories.promise(period, "Öka tryggheten i centrum")
    return period


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "organisation", "wrong"),
    [
        ("kungalv", "Kungälvs kommun", "Kungälv kommun"),
        ("malmo", "Malmö stad", "Malmö kommun"),
        ("goteborg", "Göteborgs stad", "Göteborg kommun"),
        ("stockholm", "Stockholms stad", "Stockholm kommun"),
        ("gotland", "Region Gotland", "Gotland kommun"),
        ("falun", "Falu kommun", "Falun kommun"),
        ("eslov", "Eslövs kommun", "Eslöv kommun"),
    ],
)
def test_the_signing_document_names_the_organisation_as_it_names_itself(
    client, slug, organisation, wrong
):
    period = signed_period(slug)

    url = reverse("promises:document", args=[slug, period.slug, "medborgarloftet"])
    page = html.unescape(client.get(url).content.decode())

    assert f"Polisen och {organisation}" in page
    assert wrong not in page
    # What the coordinator starts from when recording the signatories, and the proposal's party.
    assert signatory_initial(period)[0]["organisation"] == organisation
    assert municipality_party(period) == organisation


@pytest.mark.django_db
def test_the_decision_proposal_is_issued_by_the_organisation(client):
    period = factories.period("kungalv", state=PeriodState.DRAFT, slug="utkast")
    user = staff_user("samordnare.kungalv", role="coordinator", municipality=period.municipality)
    sign_in(client, user)

    url = reverse("promises:staff_document", args=[period.pk, "tjansteutlatande"])
    page = html.unescape(client.get(url).content.decode())

    assert '<p class="issuer">Kungälvs kommun</p>' in page
    assert "Kungälv kommun" not in page
