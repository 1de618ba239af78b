"""The round of rules after blind rounds 132 to 134 (135, tests/fixtures/textimport/README.md):
activities as lines of labelled fields, "Vi på polisen kommer att" as a party's heading, one
party speaking with the other, another organisation's heading in a task list or in the genitive
("Telge Bostäders aktiviteter"), and a time limit in working days."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from promises.textimport.reading.headings import other_actor_heading
from tests.promises.textimport.conftest import SLOWER_AT_MOST


def _read(text):
    return [
        (
            activity.text,
            activity.responsible,
            activity.responsible_other,
            activity.target and (activity.target.comparator, activity.target.value),
        )
        for activity in parse(text).activities
    ]


FIELD_LINES = """Medborgarlöfte Västby 2027

Vi lovar att arbeta för en tryggare hamn i Västby.

Aktiviteter

Aktivitet: Fotpatrullering i hamnen · Ansvar: Polisen · Omfattning: minst 2 kvällar/vecka
Aktivitet: Föräldraträffar | Ansvarig: Västby kommun | Mål: 4 träffar per år
Aktivitet: Bovärdar i trapphusen – Ansvar: Västbyhem – Omfattning: –
"""


def test_a_line_of_labelled_fields_is_one_activity():
    """ "Aktivitet: … · Ansvar: … · Omfattning: …": its activity field the text, "Ansvar" the
    owner and "Omfattning" or "Mål" the target; before, the lines were one activity of the
    police's with no target."""
    assert _read(FIELD_LINES) == [
        ("Fotpatrullering i hamnen", "police", "", ("at_least", 2)),
        ("Föräldraträffar", "municipality", "", ("count", 4)),
        ("Bovärdar i trapphusen", "other", "Västbyhem", None),
    ]
    # One such line alone, or a dash inside an activity's text, is left as it is.
    one = "Aktivitet: Fotpatrullering · Ansvar: Polisen\n"
    assert clean(one).strip() == one.strip()
    assert "Trygghetsvandring – med boende" in clean(
        FIELD_LINES.replace("Fotpatrullering i hamnen", "Trygghetsvandring – med boende")
    )


POST = """Medborgarlöftet för Västby 2027 🤝

Tillsammans med Västby kommun lovar vi att jobba för ett tryggare centrum.

🚓 Vi på polisen kommer att
👉 fotpatrullera i centrum minst 3 kvällar i veckan

🏘️ Kommunen kommer att
👉 ordna 6 föräldraträffar under året
"""


def test_vi_pa_polisen_kommer_att_heads_the_polices_items_and_the_post_is_joint():
    """ "🚓 Vi på polisen kommer att" was no heading (its items lost), and "Tillsammans med
    Västby kommun lovar vi" made the parties the municipality's alone."""
    document = parse(POST)
    assert [(a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("police", 3),
        ("municipality", 6),
    ]
    assert document.parties == "joint"
    assert parse("Västby kommun lovar att arbeta för ett tryggare torg.\n").parties == (
        "municipality"
    )


TASKS = """Checklista: Medborgarlöfte Västby 2027

Att göra – Polisen
[x] Fotpatrullering i centrum
[ ] Besök på skolan

Att göra – Västbyhem
[ ] Bovärdar i trapphusen

Att göra – gemensamt
[x] Trygghetsvandring
"""


def test_a_task_lists_heading_naming_another_organisation_is_its_heading():
    assert _read(TASKS) == [
        ("Fotpatrullering i centrum", "police", "", None),
        ("Besök på skolan", "police", "", None),
        ("Bovärdar i trapphusen", "other", "Västbyhem", None),
        ("Trygghetsvandring", "joint", "", None),
    ]


def test_an_organisations_name_in_the_genitive_before_its_activities_heads_them():
    assert other_actor_heading("Telge Bostäders aktiviteter") == "Telge Bostäder"
    assert other_actor_heading("Västbyhems insatser:") == "Västbyhem"
    # A party's, or a word in a definite form, names no other organisation.
    for heading in ("Polisens aktiviteter", "Årets aktiviteter", "Övriga aktörers insatser"):
        assert other_actor_heading(heading) is None


def test_a_time_limit_in_working_days_is_no_target():
    """ "inom högst fem arbetsdagar" was proposed as at most five, as "inom två dygn" is not."""
    assert _read("Kommunen ska\n- forsla bort bilar inom högst fem arbetsdagar\n")[0][3] is None
    # Working days counted a week still count.
    assert _read("Kommunen ska\n- hålla öppet 5 vardagar i veckan\n")[0][3] == ("count", 5)


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "field lines": _repeated("Aktivitet: a · Ansvar: b · Omfattning: c\n"),
    "separators without labels": "Aktivitet: a · Ansvar: b\n" * 2
    + _repeated("Aktivitet: " + "a · " * 60 + "\n"),
    "a long field line": "Aktivitet: a · Ansvar: b\n" + "Aktivitet: " + "a – b | " * 30_000,
    "genitive headings": _repeated("Telge Bostäders aktiviteter\n- a\n"),
    "to-do headings naming organisations": "[x] a\n[ ] b\n" + _repeated("Att göra – Abc Def\n"),
    "we at the police headings": _repeated("Vi på polisen kommer att\n- a\n"),
    "speaking with the other party": _repeated("Tillsammans med Västby kommun lovar vi "),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
