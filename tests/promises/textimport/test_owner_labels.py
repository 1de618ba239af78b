"""A usability tester's findings: an owner's label ending an activity ("… kvällstid. Ansvarig:
Polisen.") is read into the owner's fields and not kept in the activity's text as well; and a
number that says not what it counts ("Vara högst 40 under året") is no target, only a note."""

from pathlib import Path

import pytest

from promises.textimport.numbers import fold
from promises.textimport.owners import OWNER_LABEL, trailing_owner
from promises.textimport.parser import parse
from promises.textimport.targets import read_target

DOCUMENT = Path(__file__).resolve().parents[2] / "fixtures" / "textimport"
NAME = "herrljunga-2026-ansvarig-last.txt"


def read():
    return parse((DOCUMENT / NAME).read_text(encoding="utf-8"))


def test_no_activity_text_ends_with_an_owner_label_read_as_its_owner():
    document = read()
    assert len(document.activities) == 8
    for activity in document.activities:
        assert trailing_owner(activity.text) is None, activity.text
        assert not OWNER_LABEL.search(fold(activity.text)), activity.text
        assert " – " not in activity.text and "(" not in activity.text
        # the text is still the document's words where it was read
        span = document.text[activity.span.start : activity.span.end]
        assert " ".join(span.split()) == activity.text


def test_the_testers_two_activities_end_with_their_own_sentence():
    texts = [activity.text for activity in read().activities]
    assert texts[0] == (
        "Polisen genomför fotpatruller vid busstationen kvällstid, minst två gånger per vecka."
    )
    assert texts[1] == (
        "Föräldramöten om narkotika hålls på högstadieskolan, minst två per termin."
    )
    # "tillsammans med boende" is the activity's own wording: kept
    assert texts[2] == ("Trygghetsvandringar tillsammans med boende, fyra per år.")
    assert texts[3] == "Klotter på kommunens fastigheter saneras inom 48 timmar"
    assert texts[4] == "Nattvandringar varje fredag och lördag under sommarlovet"
    assert texts[5] == "Riktade narkotikakontroller vid skolorna, minst 10 per år."
    assert texts[7] == "Bjuda in till en medborgardialog om tryggheten i centrum."


def test_owners_and_partners_are_read_from_the_labels():
    owners = [(a.responsible, a.responsible_other, a.partners) for a in read().activities]
    assert owners == [
        ("police", "", ""),
        ("municipality", "", "socialförvaltningen, Polisen"),
        ("joint", "", "boende"),
        ("municipality", "", ""),
        ("other", "Föreningen Nattvandrarna", ""),
        ("police", "", ""),
        ("municipality", "", ""),
        ("municipality", "", ""),
    ]


def test_a_number_without_a_unit_is_no_target_but_marked_for_checking():
    activity = read().activities[6]
    assert activity.text == "Vara högst 40 under året"
    assert activity.target is None
    assert "Oklart om siffran är ett mål" in activity.uncertain or (
        "Unclear whether the number is a target" in activity.uncertain
    )


def test_a_unit_named_elsewhere_in_the_sentence_is_the_target_s_unit():
    target, _notes = read_target(
        "fortsätta med trygghetsvandringar i Valsta, minst fyra under året"
    )
    assert (target.comparator, target.value, target.unit, target.scope) == (
        "at_least",
        4,
        "trygghetsvandringar",
        "year",
    )
    target, notes = read_target("Vara högst 40 under året", listed=True)
    assert target is None and notes


@pytest.mark.parametrize(
    "item",
    [
        "Trafikkontroller vid skolorna. Ansvarig: Polisen. Mål: 10 kontroller per år.",
        "Trygghetsvandringar i centrum. Ansvarig: vi alla",
    ],
)
def test_a_label_followed_by_another_or_naming_no_owner_is_kept(item):
    document = parse(f"Aktiviteter\n- {item}\n")
    assert [activity.text for activity in document.activities] == [item]


def test_a_label_on_a_line_of_its_own_stays_out_of_the_text():
    document = parse(
        "Aktiviteter\n1. Trygghetsvandringar i hamnområdet\n   o Minst fyra per år\n"
        "   o Ansvarig: Kommunen\n2. Föräldramöten på skolorna\n   o Ansvarig: Polisen\n"
    )
    texts = [activity.text for activity in document.activities]
    assert texts == ["Trygghetsvandringar i hamnområdet", "Föräldramöten på skolorna"]
    assert [activity.responsible for activity in document.activities] == [
        "municipality",
        "police",
    ]
