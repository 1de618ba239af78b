"""The three real seed documents read as the issue asks (tests/fixtures/seeds/)."""

import datetime
from pathlib import Path

import pytest
from django.utils import translation

from promises.textimport.parser import parse

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def read(name: str):
    return parse((SEEDS / name).read_text(encoding="utf-8"))


def target_of(activity):
    target = activity.target
    return target and (target.comparator, target.value, target.unit, target.scope)


@pytest.fixture(scope="module")
def vetlanda():
    return read("vetlanda-2020-2021-signed-promise.txt")


def test_vetlanda_gives_its_two_promises(vetlanda):
    assert [p.text for p in vetlanda.promises] == [
        "Att öka trafiksäkerheten genom att motverka felaktiga trafikbeteenden.",
        "Att öka upptäckten av narkotikabruk, främst hos unga, med syfte att minska bruket av "
        "narkotika.",
    ]


def test_vetlanda_gives_seven_activities_with_their_owners(vetlanda):
    assert [a.responsible for a in vetlanda.activities] == [
        "municipality",
        "police",
        "police",
        "municipality",
        "police",
        "municipality",
        "unstated",
    ]
    assert vetlanda.activities[0].partners == "Polisen, andra aktörer i kommunen"
    assert vetlanda.activities[6].text.startswith("Under åren genomföra")


def test_vetlanda_gives_the_five_numeric_targets_of_the_text(vetlanda):
    assert [target_of(a) for a in vetlanda.activities] == [
        None,
        ("at_least", 15, "trafikkontroller", "period"),
        ("at_least", 15, "tillfällen", "period"),
        ("at_least", 2, "åtgärder", "period"),
        ("at_least", 15, "insatser", "period"),
        None,
        ("at_least", 2, "samverkansmöten", "period"),
    ]
    second = vetlanda.activities[1].target
    assert vetlanda.text[second.span.start : second.span.end] == "minst femton trafikkontroller"
    assert second.unit_singular == "trafikkontroll"


def test_vetlanda_period_is_the_years_of_its_title(vetlanda):
    assert (vetlanda.start, vetlanda.end, vetlanda.year_only) == (
        datetime.date(2020, 1, 1),
        datetime.date(2021, 12, 31),
        True,
    )
    assert vetlanda.text[vetlanda.period_span.start : vetlanda.period_span.end] == "2020-2021"
    assert vetlanda.parties == "joint"


def test_vetlanda_spans_point_into_the_cleaned_text(vetlanda):
    for item in [*vetlanda.promises, *vetlanda.activities]:
        assert vetlanda.text[item.span.start : item.span.end] == item.text


def test_tranas_gives_its_three_promises_despite_ocr_damage():
    tranas = read("tranas-2023-2024-decision-proposal.txt")
    assert [p.text for p in tranas.promises] == [
        "Oka upptickten av narkotikabrott, fraimst bland personer i dldern 21 ar och yngre, med "
        "syfte att minska bruket av narkotika",
        "oOka den upplevda tryggheten i de centrala delarna av Tranas",
        "arbeta ldngsiktigt med en siker trafikmiljé inom Tranas kommun.",
    ]
    assert (tranas.start, tranas.end, tranas.year_only) == (
        datetime.date(2023, 1, 1),
        datetime.date(2024, 12, 31),
        True,
    )
    assert tranas.activities == []


def test_tranas_notes_that_the_promises_run_from_the_signing():
    with translation.override("sv"):
        tranas = read("tranas-2023-2024-decision-proposal.txt")
    assert "Löftena gäller från undertecknandet: kontrollera startdatum" in tranas.uncertain


def test_tranemo_gives_its_activities_without_targets_and_their_owners():
    tranemo = read("tranemo-one-year-police-page.txt")
    assert [(a.responsible, a.partners) for a in tranemo.activities] == [
        ("unstated", "Tranemo kommun, invånarna"),
        ("unstated", "lärande-, omsorg-, samhällsutvecklingssektion"),
        ("police", "kommunen"),
        ("police", ""),
        ("unstated", ""),
    ]
    assert all(a.target is None for a in tranemo.activities)
    assert tranemo.activities[3].text == (
        "Polisen arbetar enligt HotSpotsmetoden inom de områden som är utpekade som otrygga."
    )


def test_tranemo_is_a_one_year_period_without_dates():
    with translation.override("sv"):
        tranemo = read("tranemo-one-year-police-page.txt")
    assert (tranemo.start, tranemo.end, tranemo.length_months) == (None, None, 12)
    assert not tranemo.open_ended
    assert "Giltighetstiden anges utan datum: 12 månader" in tranemo.uncertain
    assert [p.text for p in tranemo.promises] == ["Öka tryggheten på de valda platserna."]
    assert tranemo.promises[0].uncertain == ["Läst ur löptext: kontrollera formuleringen"]


def test_unstated_owner_is_explained_in_swedish():
    with translation.override("sv"):
        tranemo = read("tranemo-one-year-police-page.txt")
    assert tranemo.activities[0].uncertain[0] == "Ansvarig framgår inte av texten"
