"""The JSON structure of `import_promise --json`: exactly the issue's, checked by a hand-written
schema check; and the codes each model value maps to."""

import datetime
import re

import pytest

from promises.textimport.output import document_json, summary_lines
from promises.textimport.types import ParsedActivity, ParsedDocument, ParsedTarget
from tests.import_documents import small_reading, vetlanda_reading

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
RESPONSIBLE = {"polisen", "kommunen", "gemensamt", "annan", "okand"}
COMPARATORS = {"minst", "hogst", "exakt"}
SCOPES = {"period", "year", "tertial", "month", "week", "day", "avg_week", "avg_month"}


def schema_errors(value) -> list[str]:
    """Where `value` departs from the issue's structure (empty: it is exactly that)."""
    errors = []

    def expect(condition: bool, where: str) -> None:
        if not condition:
            errors.append(where)

    def keys(obj, wanted: set[str], where: str) -> bool:
        ok = isinstance(obj, dict) and set(obj) == wanted
        expect(ok, f"{where}: keys must be exactly {sorted(wanted)}")
        return ok

    def day(obj, where: str) -> None:
        expect(obj is None or (isinstance(obj, str) and ISO_DAY.fullmatch(obj)), where)
        if isinstance(obj, str) and ISO_DAY.fullmatch(obj):
            try:
                datetime.date.fromisoformat(obj)
            except ValueError:
                errors.append(f"{where}: not a date")

    if not keys(value, {"period", "promises", "activities"}, "document"):
        return errors
    if keys(value["period"], {"start", "end"}, "period"):
        day(value["period"]["start"], "period.start")
        day(value["period"]["end"], "period.end")
    expect(isinstance(value["promises"], list), "promises: a list")
    for number, promise in enumerate(value["promises"] or []):
        if keys(promise, {"text"}, f"promises[{number}]"):
            expect(isinstance(promise["text"], str), f"promises[{number}].text: a string")
    expect(isinstance(value["activities"], list), "activities: a list")
    for number, activity in enumerate(value["activities"] or []):
        where = f"activities[{number}]"
        if not keys(activity, {"text", "responsible", "target"}, where):
            continue
        expect(isinstance(activity["text"], str), f"{where}.text: a string")
        expect(activity["responsible"] in RESPONSIBLE, f"{where}.responsible")
        target = activity["target"]
        if target is None:
            continue
        if keys(target, {"comparator", "number", "unit", "scope"}, f"{where}.target"):
            expect(target["comparator"] in COMPARATORS, f"{where}.target.comparator")
            expect(
                type(target["number"]) is int and target["number"] >= 0, f"{where}.target.number"
            )
            expect(isinstance(target["unit"], str), f"{where}.target.unit")
            expect(target["scope"] in SCOPES, f"{where}.target.scope")
    return errors


def test_the_vetlanda_reading_is_exactly_the_structure():
    value = document_json(vetlanda_reading())
    assert schema_errors(value) == []
    assert value["period"] == {"start": None, "end": None}
    assert [p["text"][:30] for p in value["promises"]] == [
        "Att öka trafiksäkerheten genom",
        "Att öka upptäckten av narkotik",
    ]
    assert [a["responsible"] for a in value["activities"]] == [
        "kommunen",
        "polisen",
        "polisen",
        "kommunen",
        "polisen",
        "kommunen",
        "okand",
    ]
    assert value["activities"][1]["target"] == {
        "comparator": "minst",
        "number": 15,
        "unit": "trafikkontroller",
        "scope": "period",
    }
    assert value["activities"][0]["target"] is None


@pytest.mark.parametrize(
    ("comparator", "code"),
    [("at_least", "minst"), ("at_most", "hogst"), ("count", "exakt"), ("exactly", "exakt")],
)
@pytest.mark.parametrize(
    ("scope", "scope_code"),
    [
        ("period", "period"),
        ("year", "year"),
        ("tertial", "tertial"),
        ("month", "month"),
        ("week", "week"),
        ("day", "day"),
        ("average_week", "avg_week"),
        ("average_month", "avg_month"),
    ],
)
def test_every_comparator_and_scope_has_its_code(comparator, code, scope, scope_code):
    target = ParsedTarget(comparator, 3, "kontroller", scope)
    document = ParsedDocument(
        text="x",
        start=datetime.date(2025, 7, 1),
        end=datetime.date(2027, 6, 30),
        activities=[ParsedActivity("x", "x", "joint", target=target)],
    )
    value = document_json(document)
    assert schema_errors(value) == []
    assert value["period"] == {"start": "2025-07-01", "end": "2027-06-30"}
    assert value["activities"][0]["target"]["comparator"] == code
    assert value["activities"][0]["target"]["scope"] == scope_code


@pytest.mark.parametrize(
    ("responsible", "code"),
    [
        ("police", "polisen"),
        ("municipality", "kommunen"),
        ("joint", "gemensamt"),
        ("other", "annan"),
        ("unstated", "okand"),
    ],
)
def test_every_owner_has_its_code(responsible, code):
    document = ParsedDocument(text="x", activities=[ParsedActivity("x", "x", responsible)])
    assert document_json(document)["activities"][0]["responsible"] == code


@pytest.mark.parametrize(
    "bad",
    [
        {"period": {"start": None, "end": None}, "promises": []},
        {
            "period": {"start": "2026-02-30", "end": None},
            "promises": [],
            "activities": [],
        },
        {
            "period": {"start": None, "end": None},
            "promises": [{"text": "x", "extra": 1}],
            "activities": [],
        },
        {
            "period": {"start": None, "end": None},
            "promises": [],
            "activities": [{"text": "x", "responsible": "police", "target": None}],
        },
        {
            "period": {"start": None, "end": None},
            "promises": [],
            "activities": [
                {
                    "text": "x",
                    "responsible": "okand",
                    "target": {"comparator": "at_least", "number": 2, "unit": "x", "scope": "år"},
                }
            ],
        },
        {
            "period": {"start": None, "end": None},
            "promises": [],
            "activities": [
                {
                    "text": "x",
                    "responsible": "okand",
                    "target": {"comparator": "minst", "number": "2", "unit": "x", "scope": "year"},
                }
            ],
        },
    ],
)
def test_the_schema_check_catches_what_departs_from_the_structure(bad):
    assert schema_errors(bad)


def test_the_summary_names_period_promises_activities_targets_and_doubts():
    lines = summary_lines(vetlanda_reading())
    assert lines[0] == "Period: not stated to not stated (24 months from the signing)"
    assert "  2. Att öka upptäckten av narkotikabruk, främst hos unga, med syfte att minska " in (
        "\n".join(lines)
    )
    assert "     target: minst 15 trafikkontroller (period)" in lines
    assert "     check: Texten säger inte vem som ansvarar." in lines
    assert lines[-1] == "Check: Perioden anges som två år från undertecknandet, utan datum."
    assert summary_lines(small_reading())[0] == "Period: 2027-01-01 to 2027-12-31 (years only)"
