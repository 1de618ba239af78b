"""What a typed text may not hold (`validate_plain_text`): a Swedish personal identity number,
an invisible control character (said which and where)."""

import pytest
from django.core.exceptions import ValidationError

from promises.validators import contains_personal_number, validate_plain_text


@pytest.mark.parametrize(
    "text",
    [
        "Kontroll av 19850101-1234 Anna Svensson",  # a made-up number points one out too
        "811218-9876",
        "19811218-9876",
        "850101+1234",  # over a hundred years old
        "850161-1234",  # a coordination number: day + 60
        "198112189876",  # twelve digits in a row
        "198501011234",  # twelve in a row, made up
        "8501011236",  # ten in a row with a right check digit
        # Written so as to pass (a probe's and a tester's): other dashes, blanks, hidden
        # characters, width forms, a dash around it.
        "850101–1234",
        "850101 1234",
        "19850101 - 1234",
        "8501\u200b01-1234",
        "850101\u20111234",
        "850101\uff0d1234",
        "850101\u22121234",
        "850101\uff0b1234",
        "Pnr -850101-1234-",
    ],
)
def test_a_personal_identity_number_is_refused(text):
    assert contains_personal_number(text)
    with pytest.raises(ValidationError) as refused:
        validate_plain_text(text)
    assert refused.value.code == "personal_number"


@pytest.mark.parametrize(
    "text",
    [
        "Ring 0701234567 eller 070-123 45 67",  # phone numbers, ten digits in a row too
        "Tel 0470-41000",
        "Vetlanda kommun, org.nr 212000-0688",  # an organisation number: "month" 20
        "Dnr 2026-0123, KS 2026/45",
        "2026-01-01 – 2027-12-31",
        "20260101-20261231",
        "8112189875",  # ten digits whose check digit is wrong: an id of something else
        "0501011234",  # ten digits from 0: a phone number as often
        "851301-1234",  # no month 13
        "Kl 18-20 den 12 maj, Storgatan 12, 574 80 Vetlanda",
    ],
)
def test_numbers_that_are_no_personal_identity_number_are_kept(text):
    assert not contains_personal_number(text)
    validate_plain_text(text)


def test_an_invisible_control_character_is_named_with_where_it_is():
    """A tester's pasted text was refused with "tecken som inte är tillåtna", not which or
    where: they are invisible."""
    with pytest.raises(ValidationError) as refused:
        validate_plain_text("Kontroll vid torget\u202e i dag")
    assert refused.value.code == "control"
    assert refused.value.params == {"code": "U+202E", "position": 20}


def test_a_period_address_holding_a_personal_identity_number_is_refused():
    """The address is in every link, feed and open data file: a probe published one."""
    from promises.forms import clean_period_slug

    with pytest.raises(ValidationError) as refused:
        clean_period_slug("850101-1234")
    assert refused.value.code == "personal_number"
    assert clean_period_slug("2026-2027") == "2026-2027"
