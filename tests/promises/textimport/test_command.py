"""`import_promise FILE --municipality KOMMUNKOD [--dry-run] [--json]`: the JSON structure, the
summary, a draft made, and nothing written on a dry run."""

import json

import pytest
from django.core.management import CommandError, call_command

from activities.models import Activity
from promises.models import PeriodState, Promise, PromisePeriod
from tests.import_documents import docx_bytes, pdf_bytes, seed_text, vetlanda_reading
from tests.promises.textimport.test_output import schema_errors

VETLANDA_CODE = "0685"


@pytest.fixture
def reading(monkeypatch):
    """The command reads with a hand-written reading of the Vetlanda seed (the parser's own
    readings are tested with the parser)."""
    monkeypatch.setattr(
        "promises.management.commands.import_promise.read_document",
        lambda text: vetlanda_reading(text),
    )


@pytest.fixture
def vetlanda_files(tmp_path):
    text = seed_text()
    paths = {
        "txt": tmp_path / "vetlanda.txt",
        "docx": tmp_path / "vetlanda.docx",
        "pdf": tmp_path / "vetlanda.pdf",
    }
    paths["txt"].write_text(text, encoding="utf-8")
    paths["docx"].write_bytes(docx_bytes(text))
    paths["pdf"].write_bytes(pdf_bytes(text))
    return paths


def _rows() -> tuple[int, int, int, int]:
    return (
        PromisePeriod.objects.count(),
        Promise.objects.count(),
        Activity.objects.count(),
        PromisePeriod.history.count(),
    )


def _run(*args) -> tuple[str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    call_command("import_promise", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_json_dry_run_prints_exactly_the_structure_and_writes_nothing(
    reading, vetlanda_files, kind
):
    before = _rows()
    out, err = _run(
        str(vetlanda_files[kind]), "--municipality", VETLANDA_CODE, "--dry-run", "--json"
    )
    assert _rows() == before
    value = json.loads(out)
    assert schema_errors(value) == []
    assert len(value["promises"]) == 2
    assert len(value["activities"]) == 7
    targets = [a["target"] for a in value["activities"] if a["target"]]
    assert [(t["comparator"], t["number"], t["scope"]) for t in targets] == [
        ("minst", 15, "period"),
        ("minst", 15, "period"),
        ("minst", 2, "period"),
        ("minst", 15, "period"),
        ("minst", 2, "period"),
    ]
    assert err == ""


@pytest.mark.django_db
def test_without_json_a_dry_run_prints_a_readable_summary(reading, vetlanda_files):
    before = _rows()
    out, _ = _run(str(vetlanda_files["txt"]), "--municipality", VETLANDA_CODE, "--dry-run")
    assert _rows() == before
    assert out.splitlines()[0] == "vetlanda.txt, Vetlanda"
    assert "Promises (2):" in out
    assert "Activities (7):" in out
    assert "  2. Trafikkontroller [polisen]" in out
    assert "Dry run: nothing was written." in out


@pytest.mark.django_db
def test_without_dry_run_a_draft_is_made_in_the_municipality(reading, vetlanda_files):
    out, err = _run(
        str(vetlanda_files["docx"]),
        "--municipality",
        VETLANDA_CODE,
        "--json",
        "--start",
        "2020-03-01",
    )
    assert schema_errors(json.loads(out)) == []
    period = PromisePeriod.objects.get()
    assert err.startswith(f"Created the draft {period} (id {period.pk})")
    assert period.municipality.code == VETLANDA_CODE
    assert period.state == PeriodState.DRAFT
    # "gäller i två år" from the given start.
    assert (period.start_date.isoformat(), period.end_date.isoformat()) == (
        "2020-03-01",
        "2022-02-28",
    )
    assert period.slug == "2020-2022"
    assert period.promises.count() == 2
    activities = list(period.activities.order_by("position"))
    assert [a.responsible for a in activities][-1] == "unstated"
    assert activities[1].target_value == 15
    assert activities[1].target_unit_singular == "trafikkontroll"


@pytest.mark.django_db
def test_a_document_without_dates_needs_them_given(reading, vetlanda_files):
    before = _rows()
    with pytest.raises(CommandError, match="--start and --end"):
        _run(str(vetlanda_files["txt"]), "--municipality", VETLANDA_CODE)
    assert _rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--municipality", "9999"], "No municipality has the code '9999'"),
        (["--municipality", VETLANDA_CODE, "--start", "2020-01-01", "--end", "2020-01-31"], "tre"),
    ],
)
def test_bad_arguments_stop_with_a_message_and_write_nothing(
    reading, vetlanda_files, args, message
):
    before = _rows()
    with pytest.raises(CommandError, match=message):
        _run(str(vetlanda_files["txt"]), *args)
    assert _rows() == before


@pytest.mark.django_db
def test_a_missing_or_bad_file_stops_with_a_message(reading, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        _run(str(tmp_path / "finns-inte.txt"), "--municipality", VETLANDA_CODE)
    junk = tmp_path / "trasig.pdf"
    junk.write_bytes(b"%PDF-1.4 trasig")
    with pytest.raises(CommandError):
        _run(str(junk), "--municipality", VETLANDA_CODE, "--dry-run")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_the_parser_reads_the_vetlanda_seed_from_each_kind_of_file(vetlanda_files, kind):
    before = _rows()
    out, _ = _run(str(vetlanda_files[kind]), "--municipality", VETLANDA_CODE, "--dry-run", "--json")
    assert _rows() == before
    value = json.loads(out)
    assert schema_errors(value) == []
    assert len(value["promises"]) == 2
    assert len(value["activities"]) == 7
    targets = [a["target"] for a in value["activities"] if a["target"]]
    assert [(t["comparator"], t["number"], t["scope"]) for t in targets] == [
        ("minst", 15, "period"),
        ("minst", 15, "period"),
        ("minst", 2, "period"),
        ("minst", 15, "period"),
        ("minst", 2, "period"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["tranas-2023-2024-decision-proposal.txt", "tranemo-one-year-police-page.txt"]
)
def test_the_other_seeds_give_the_structure(tmp_path, name):
    path = tmp_path / name
    path.write_text(seed_text(name), encoding="utf-8")
    out, _ = _run(str(path), "--municipality", VETLANDA_CODE, "--dry-run", "--json")
    assert schema_errors(json.loads(out)) == []
