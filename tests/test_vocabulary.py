"""The Swedish vocabulary is fixed once and used throughout: a logged occurrence is a "logg" or a
"genomfört tillfälle", a published follow-up is a "redovisning", the yearly one an
"årsuppföljning" (an "årsredovisning" is the municipality's financial annual report)."""

import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def swedish_texts() -> list[str]:
    """Every msgstr of the Swedish catalogue, continuation lines joined."""
    texts, current = [], None
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr"):
            current = [line.split(" ", 1)[1].strip('"')]
            texts.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line.strip('"'))
        else:
            current = None
    return ["".join(parts) for parts in texts]


def test_no_swedish_text_calls_a_yearly_follow_up_an_annual_report():
    wrong = [t for t in swedish_texts() if re.search(r"(?<!halv)årsredovisning", t, re.I)]
    assert wrong == []


def test_no_swedish_text_calls_a_log_a_report():
    # "rapportera brister" (report shortcomings in the accessibility) is the verb, not a log.
    wrong = [
        text
        for text in swedish_texts()
        if re.search(r"\brapport", re.sub(r"rapportera brister", "", text, flags=re.I), re.I)
    ]
    assert wrong == []


@pytest.fixture
def swedish():
    with translation.override("sv"):
        yield


@pytest.mark.parametrize(
    ("english", "swedish_text"),
    [
        ("year-end report", "årsuppföljning"),
        ("tertial report", "tertialredovisning"),
        ("Reports", "Redovisningar"),
        ("Logs", "Loggar"),
        ("Recent logs", "Senaste loggar"),
        ("Withdraw log", "Återkalla logg"),
        ("Import logs", "Importera loggar från fil"),
        # The model's name in the admin: "logg", as the staff pages say (not "genomfört
        # tillfälle", which an administrator did not recognise).
        ("activity log", "logg"),
        ("Reported by", "Loggad av"),
    ],
)
def test_the_words_for_logs_and_reports(swedish, english, swedish_text):
    assert gettext(english) == swedish_text


def test_the_count_of_logs_on_an_activity_page(swedish):
    one = ngettext(
        "%(number)s report, the latest first.", "%(number)s reports, the latest first.", 1
    )
    many = ngettext(
        "%(number)s report, the latest first.", "%(number)s reports, the latest first.", 3
    )
    assert one % {"number": "1"} == "1 genomfört tillfälle, det senaste först."
    assert many % {"number": "3\xa0978"} == "3\xa0978 genomförda tillfällen, de senaste först."


@pytest.mark.django_db
def test_the_footer_says_that_every_responsible_actor_counts(client):
    page = client.get("/").content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert "Polisen, kommunen eller en annan aktör" in footer
    assert "som Polisen och kommunen har rapporterat" not in footer


def test_djangos_length_and_range_messages_are_plain_swedish(swedish):
    from django import forms

    class Form(forms.Form):
        name = forms.CharField(max_length=5, min_length=2)
        number = forms.IntegerField(min_value=1, max_value=9)

    too_long = Form({"name": "abcdefg", "number": "0"})
    assert too_long.errors == {
        "name": ["Skriv högst 5 tecken (nu är det 7)."],
        "number": ["Ange minst 1."],
    }
    too_short = Form({"name": "a", "number": "10"})
    assert too_short.errors == {
        "name": ["Skriv minst 2 tecken (nu är det 1)."],
        "number": ["Ange högst 9."],
    }


def test_a_quantity_over_the_limit_is_told_with_the_thousands_apart(swedish):
    from django import forms

    from activities.forms import LogForm

    with pytest.raises(forms.ValidationError) as refused:
        LogForm.base_fields["quantity"].clean("100001")
    assert refused.value.messages == ["Ange högst 100\xa0000."]
