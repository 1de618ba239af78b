"""The round of rules after blind rounds 128 to 130 (131, tests/fixtures/textimport/README.md):
a week's plan by weekday, count-first lines without bullets, an ASCII grid table, a kommunpolis
writing in the first person, another organisation's heading, a validity of two years named."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
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


WEEK_PLAN = """Medborgarlöfte Västby 2027

Vi lovar att arbeta för en tryggare hamn i Västby.

Måndag
Fältgruppen: Träffar unga på fritidsgården mellan kl. 18 och 21.

Fredag
Polisen: Fotpatrullerar i centrum.
Räddningstjänsten: Öppet hus på brandstationen.

Under året
Polisen och kommunen: Genomför tre trygghetsvandringar.

Kontakt: kommunpolisen, 114 14
"""


def test_a_week_plan_by_weekday_gives_each_owners_line_as_an_activity():
    """Each "Owner: …" line under a weekday's heading, and under a heading after them ("Under
    året"), is an activity of the owner it names; before, nothing of the plan was read. A
    count under "Under året" is per year."""
    assert _read(WEEK_PLAN) == [
        (
            "Fältgruppen: Träffar unga på fritidsgården mellan kl. 18 och 21.",
            "municipality",
            "",
            None,
        ),
        ("Polisen: Fotpatrullerar i centrum.", "police", "", None),
        ("Räddningstjänsten: Öppet hus på brandstationen.", "other", "Räddningstjänsten", None),
        ("Polisen och kommunen: Genomför tre trygghetsvandringar.", "joint", "", ("count", 3)),
    ]
    assert parse(WEEK_PLAN).activities[-1].target.scope == "year"
    # One weekday's heading is no week plan; a contact line after the plan is no item.
    assert "- Kontakt" not in clean(WEEK_PLAN)
    one_day = "Måndag\nPolisen: Fotpatrullerar i centrum.\n"
    assert clean(one_day) == one_day.strip()


COUNT_FIRST = """Västby – medborgarlöfte 2026

Löftet: Polisen och Västby kommun lovar att arbeta för en tryggare skolväg.

Polisen
12 x hastighetskontroller vid skolan
1 x öppet hus på biblioteket

Västby kommun
3 kvällar/vecka fältassistenter vid fritidsgården
8 st föräldravandringar under läsåret
"""


def test_count_first_lines_without_bullets_are_items_of_their_own():
    """ "12 x …", "8 st …", "3 kvällar/vecka …" lines are each an activity; before, they were
    run together."""
    assert [(text, owner, target) for text, owner, _other, target in _read(COUNT_FIRST)] == [
        ("12 x hastighetskontroller vid skolan", "police", ("count", 12)),
        ("1 x öppet hus på biblioteket", "police", ("count", 1)),
        ("3 kvällar/vecka fältassistenter vid fritidsgården", "municipality", ("count", 3)),
        ("8 st föräldravandringar under läsåret", "municipality", ("count", 8)),
    ]


GRID = """Medborgarlöfte Västby 2027

Vi lovar att arbeta för ett tryggare torg.

+----------------------------+--------------------+--------------------------+
| Aktivitet                  | Ansvar             | Mål                      |
+============================+====================+==========================+
| Fotpatrullering på torget  | Polisen            | minst 3 kvällar i veckan |
| och vid hållplatsen        |                    |                          |
+----------------------------+--------------------+--------------------------+
| Öppen fritidsgård          | Västby kommun      | sex kvällar i veckan     |
+----------------------------+--------------------+--------------------------+
| Trygghetsvandringar        | Polisen och        | 2 per år                 |
|                            | kommunen           |                          |
+----------------------------+--------------------+--------------------------+
"""


def test_an_ascii_grid_table_is_read_row_by_row_with_its_owner_column():
    """A grid table's rows are activities, each cell's wrapped lines joined and the "Ansvar"
    column giving the owner; before, it was read cell by cell, every owner the police's."""
    assert [(text, owner, target) for text, owner, _other, target in _read(GRID)] == [
        ("Fotpatrullering på torget och vid hållplatsen", "police", ("at_least", 3)),
        ("Öppen fritidsgård", "municipality", ("count", 6)),
        ("Trygghetsvandringar", "joint", ("count", 2)),
    ]


FIRST_PERSON = """Hej!

Därför har vi skrivit ett medborgarlöfte som gäller under 2026 och 2027.

Det här gör jag och mina kollegor i polisen
Jag kommer att finnas i centrum minst en kväll i veckan.
Vi kommer att genomföra minst 20 kontroller av mopeder varje år.

Det här gör Västby kommun
Kommunen kommer att hålla fritidsgården öppen på söndagar.
"""


def test_a_kommunpolis_in_the_first_person_gives_the_polices_items():
    """ "Det här gör jag och mina kollegor i polisen" heads the police's items and "Jag kommer
    att …" under it is the police's (before: another actor's); "gäller under 2026 och 2027"
    is a validity of both years (before: 2026 alone)."""
    document = parse(FIRST_PERSON)
    assert (document.start.isoformat(), document.end.isoformat()) == ("2026-01-01", "2027-12-31")
    assert [(owner, target) for _text, owner, _other, target in _read(FIRST_PERSON)] == [
        ("police", ("at_least", 1)),
        ("police", ("at_least", 20)),
        ("municipality", None),
    ]


OTHER_ACTOR = """Medborgarlöfte Västby 2027

Polisen gör det här
Genomför minst 15 riktade insatser under året.

Bostadsbolaget Västbyhem gör det här
Rensar buskage runt gårdarna två gånger per år.

Tillsammans åtar sig parterna att
Genomföra tre trygghetsvandringar under året.
"""


def test_another_organisations_heading_gives_the_other_owner():
    """ "MKB gör det här", "Kalmarhem åtar sig att": another organisation's heading gives its
    items the owner "other" with its name, as "Räddningstjänsten: …" does; before, the
    previous party's owner or none, and the heading itself an activity."""
    assert _read(OTHER_ACTOR)[:2] == [
        ("Genomför minst 15 riktade insatser under året.", "police", "", ("at_least", 15)),
        (
            "Rensar buskage runt gårdarna två gånger per år.",
            "other",
            "Bostadsbolaget Västbyhem",
            ("count", 2),
        ),
    ]
    assert _read(OTHER_ACTOR)[2][2] == ""  # "Tillsammans åtar sig parterna" names no one


def test_a_multiplication_sign_after_a_count_is_no_part_of_the_unit_or_title():
    """ "12 x hastighetskontroller" counts hastighetskontroller (the unit and title were
    "xhastighetskontroller"); "1 x/mån" and "2 x per termin" count times, as "gånger" does."""
    document = parse(
        "Polisen ska:\n- 12 x hastighetskontroller på vägen\n- 1 x/mån avstämning av läget\n"
        "- 2 x per termin besök på skolan\n"
    )
    checks, meetings, visits = document.activities
    assert (checks.title, checks.target.unit, checks.target.unit_singular) == (
        "Hastighetskontroller",
        "hastighetskontroller",
        "hastighetskontroll",
    )
    assert (meetings.target.value, meetings.target.unit, meetings.target.scope) == (
        1,
        "gånger",
        "month",
    )
    # No scope the portal counts by: no target, and said so, as for "2 gånger per termin".
    assert visits.target is None
    assert any("per termin" in note for note in visits.uncertain)


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "weekday headings": _repeated("Måndag\nPolisen: Fotpatrullerar.\n\nFredag\n"),
    "owner lines without a plan": _repeated("Fredag\nA b c d e f: G\n"),
    "count-first lines": _repeated("12 x a\n3 kvällar/vecka b\n1 x/mån \n"),
    "grid borders": _repeated("+---+===+\n| a | b |\n| c |\n+-\n"),
    "an unclosed grid row": "+--+\n+--+\n+--+\n|" + "a |" * (N // 3),
    "other actors' headings": _repeated("A" + " b" * 40 + " gör det här\n"),
    "two years named": _repeated("gäller under 2026 och 2027 och 2028 och "),
    "year headings": _repeated("\n\nUnder året\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
