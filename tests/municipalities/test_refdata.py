from collections import Counter

import pytest
from django.db import IntegrityError

from municipalities.models import County, LocalPoliceArea, Municipality, PoliceRegion
from municipalities.refdata import ascii_slug, load_reference_data, municipality_slugs


@pytest.mark.django_db
def test_migrate_loads_all_municipalities_counties_and_regions():
    assert Municipality.objects.count() == 290
    assert County.objects.count() == 21
    assert PoliceRegion.objects.count() == 7


@pytest.mark.django_db
def test_region_sizes_match_what_the_regions_state():
    sizes = Counter(Municipality.objects.values_list("county__police_region__name", flat=True))
    assert sizes["Syd"] == 58
    assert sizes["Mitt"] == 28


@pytest.mark.django_db
def test_every_municipality_code_starts_with_its_county_code():
    for code, county_code in Municipality.objects.values_list("code", "county__code"):
        assert code.startswith(county_code)


@pytest.mark.django_db
def test_loading_reference_data_again_creates_nothing_and_keeps_slugs():
    Municipality.objects.filter(code="0685").update(slug="vetlanda")
    before = list(Municipality.objects.order_by("code").values_list("code", "name", "slug"))
    load_reference_data(PoliceRegion, County, Municipality)
    after = list(Municipality.objects.order_by("code").values_list("code", "name", "slug"))
    assert before == after
    assert County.objects.count() == 21
    assert PoliceRegion.objects.count() == 7


@pytest.mark.django_db
def test_reloading_keeps_a_published_slug_even_if_the_rule_would_now_give_another():
    Municipality.objects.filter(code="0685").update(slug="vetlanda-kommun")
    load_reference_data(PoliceRegion, County, Municipality)
    assert Municipality.objects.get(code="0685").slug == "vetlanda-kommun"


@pytest.mark.django_db
def test_habo_and_habo_get_distinct_slugs_by_the_documented_rule():
    assert Municipality.objects.get(code="0643").slug == "habo"  # Habo, Jönköpings län
    assert Municipality.objects.get(code="0305").slug == "habo-uppsala"  # Håbo, Uppsala län


@pytest.mark.django_db
def test_all_slugs_are_lowercase_ascii_and_unique():
    slugs = list(Municipality.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 290
    assert all(slug.isascii() and slug == slug.lower() and " " not in slug for slug in slugs)
    assert Municipality.objects.get(name="Upplands Väsby").slug == "upplands-vasby"
    assert Municipality.objects.get(name="Östra Göinge").slug == "ostra-goinge"


def test_ascii_slug_folds_swedish_letters():
    assert ascii_slug("Håbo") == "habo"
    assert ascii_slug("Malå") == "mala"
    assert ascii_slug("Örnsköldsvik") == "ornskoldsvik"


def test_slug_rule_falls_back_to_the_code_when_county_suffix_collides_too():
    rows = [
        {"municipality_code": "0101", "municipality_name": "Å", "county_name": "X län"},
        {"municipality_code": "0102", "municipality_name": "Ä", "county_name": "X län"},
    ]
    assert municipality_slugs(rows) == {"0101": "a-x", "0102": "a-x-0102"}


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value"), [("code", "685"), ("code", "06a5"), ("code", "06851")])
def test_municipality_code_must_be_four_digits(field, value):
    county = County.objects.get(code="06")
    with pytest.raises(Exception):  # noqa: B017  (IntegrityError or DataError per backend)
        Municipality.objects.create(code=value, name="Test", slug="test", county=county)


@pytest.mark.django_db
def test_municipality_code_and_slug_are_unique():
    county = County.objects.get(code="06")
    with pytest.raises(IntegrityError):
        Municipality.objects.create(code="0685", name="Dubblett", slug="dubblett", county=county)


@pytest.mark.django_db
def test_municipality_slug_is_unique():
    county = County.objects.get(code="06")
    with pytest.raises(IntegrityError):
        Municipality.objects.create(code="0699", name="Vetlanda 2", slug="vetlanda", county=county)


@pytest.mark.django_db
def test_county_code_must_be_two_digits():
    region = PoliceRegion.objects.first()
    with pytest.raises(IntegrityError):
        County.objects.create(code="7x", name="Testlän", police_region=region)


@pytest.mark.django_db
def test_local_police_area_covers_several_municipalities():
    area = LocalPoliceArea.objects.create(
        name="Lokalpolisområde Höglandet",
        slug="hoglandet",
        police_region=PoliceRegion.objects.get(slug="ost"),
    )
    area.municipalities.set(Municipality.objects.filter(name__in=["Vetlanda", "Tranås"]))
    assert sorted(m.name for m in area.municipalities.all()) == ["Tranås", "Vetlanda"]
    assert Municipality.objects.get(name="Vetlanda").local_police_areas.get() == area
