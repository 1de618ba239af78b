"""Benchmark and accuracy of the promise-document parser (promises/textimport/parser.py).

    .venv/bin/python scripts/bench_parser.py [--runs 20]

1. Times `parse()` on each typical document (the three seeds and our own test documents):
   the median of --runs runs, in milliseconds (the issue asks for under 200 ms).
2. Times one run on a 1 MB text made of those documents repeated (under 5 s).
3. Prints the recall and precision of targets: over our own documents against
   tests/fixtures/textimport/expected.json, over the documents in
   tests/fixtures/textimport/blind/ whose expected.json was written by hand before the parser
   first read them (their owners too), and over the issue-14 registration documents
   (tests/fixtures/registration/, written by others for another purpose) against their
   `aktivitet:` lines. A proposed target is right when its comparator, number and scope are
   the expected ones (the unit is counted separately).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-parser")

import django  # noqa: E402

django.setup()

from promises.textimport.parser import parse  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
OWN = FIXTURES / "textimport"
SEEDS = FIXTURES / "seeds"
REGISTRATION = FIXTURES / "registration"


def documents() -> dict[str, str]:
    texts = {}
    for folder in (SEEDS, OWN):
        for path in sorted(folder.glob("*.txt")):
            texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def timing(texts: dict[str, str], runs: int) -> None:
    print(f"Typical documents (median of {runs} runs):")
    worst = 0.0
    for name, text in texts.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            parse(text)
            times.append(time.perf_counter() - started)
        median = statistics.median(times) * 1000
        worst = max(worst, median)
        print(f"  {median:7.1f} ms  {len(text):6d} chars  {name}")
    print(f"  slowest: {worst:.1f} ms (limit 200 ms)")
    joined = "\n\n".join(texts.values())
    big = (joined * (1_000_000 // len(joined) + 1))[:1_000_000]
    started = time.perf_counter()
    document = parse(big)
    elapsed = time.perf_counter() - started
    print(
        f"1 MB text: {elapsed:.2f} s (limit 5 s), {len(document.activities)} activities, "
        f"{len(document.promises)} promises"
    )


class Score:
    def __init__(self) -> None:
        self.expected = self.proposed = self.right = self.unit_right = 0

    def add(self, expected: tuple | None, proposed: tuple | None) -> None:
        self.expected += expected is not None
        self.proposed += proposed is not None
        if expected and proposed and expected[:3] == proposed[:3]:
            self.right += 1
            self.unit_right += expected[3] == proposed[3]

    def line(self, label: str) -> str:
        recall = self.right / self.expected if self.expected else 1.0
        precision = self.right / self.proposed if self.proposed else 1.0
        return (
            f"{label}: recall {recall:.2f} ({self.right}/{self.expected}), precision "
            f"{precision:.2f} ({self.right}/{self.proposed}), unit also right "
            f"{self.unit_right}/{self.right}"
        )


def proposed_targets(text: str) -> dict[str, tuple | None]:
    found = {}
    for activity in parse(text).activities:
        target = activity.target
        found[" ".join(activity.text.split())] = target and (
            target.comparator,
            target.value,
            target.scope,
            target.unit,
        )
    return found


def own_scores() -> Score:
    score = Score()
    expected = json.loads((OWN / "expected.json").read_text(encoding="utf-8"))
    for name, wanted in expected.items():
        proposed = {
            key[:40]: value
            for key, value in proposed_targets((OWN / name).read_text(encoding="utf-8")).items()
        }
        for activity in wanted["activities"]:
            target = activity["target"]
            score.add(
                target and (target[0], target[1], target[3], target[2]),
                proposed.get(activity["starts"]),
            )
    return score


def registration_scores() -> Score:
    score = Score()
    for path in sorted(REGISTRATION.glob("*.txt")):
        text, _sep, registration = path.read_text(encoding="utf-8").partition(
            "=== registrering ==="
        )
        proposed = proposed_targets(text)
        for line in registration.splitlines():
            if not line.startswith("aktivitet:"):
                continue
            fields = [field.strip() for field in line.removeprefix("aktivitet:").split("|")]
            description, target = fields[1], fields[6]
            wanted = None
            if target != "ingen":
                comparator, value, scope, units = target.split()
                wanted = (comparator, int(value), scope, units.split("/")[0])
            score.add(wanted, proposed.get(" ".join(description.split())))
    return score


def blind_scores() -> tuple[Score, int, int]:
    """Targets and owners of the documents whose expectations were written by hand before the
    parser first read them (tests/fixtures/textimport/blind/)."""
    score = Score()
    owners_right = owners = 0
    folder = OWN / "blind"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for name, wanted in expected.items():
        if name.startswith("_"):
            continue
        document = parse((folder / name).read_text(encoding="utf-8"))
        found = {activity.text[:40]: activity for activity in document.activities}
        for activity in wanted:
            target = activity["target"]
            read = found.get(activity["starts"])
            proposed = read and read.target
            score.add(
                target and (target[0], target[1], target[3], target[2]),
                proposed and (proposed.comparator, proposed.value, proposed.scope, proposed.unit),
            )
            owners += 1
            owners_right += bool(read) and read.responsible == activity["responsible"]
        # Targets proposed for activities the expectations do not list are wrong proposals.
        listed = {activity["starts"] for activity in wanted}
        score.proposed += sum(
            1 for key, activity in found.items() if key not in listed and activity.target
        )
    return score, owners_right, owners


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    timing(documents(), args.runs)
    print(own_scores().line("Targets, our own documents"))
    blind, owners_right, owners = blind_scores()
    print(blind.line("Targets, documents with expectations written blind"))
    print(f"Owners, documents with expectations written blind: {owners_right}/{owners}")
    if REGISTRATION.exists():
        print(registration_scores().line("Targets, the issue-14 registration documents"))


if __name__ == "__main__":
    main()
