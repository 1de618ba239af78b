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
        "198112189876",  # twelve digits in a row, its check digit right
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
        "198112189875",  # twelve digits whose check digit is wrong: an id of something else
        "851301-1234",  # no month 13
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
