"""What the text-import tests share: the time a real text of the longest paste's length takes,
the reference every costly input's time is held to (a ratio in the same run, not seconds)."""

import time
from pathlib import Path

import pytest
from django.utils import translation

from promises.textimport.extract import MAX_TEXT_CHARS
from promises.textimport.parser import parse

# A built shape is read more slowly than a real document of its length, never as much more
# slowly as work growing with the square of its length: the slowest take some 14 times as long
# as the blind documents one after another (`realistic_seconds`); those fixed took from 50 to
# thousands of times. A ratio taken in the same run, not seconds: CI's two suites share two
# cores, and took these past any fixed bound on a slower day.
SLOWER_AT_MOST = 30
LONGEST_PASTE = MAX_TEXT_CHARS - 1000
BLIND_DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "textimport" / "blind"


def seconds(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


@pytest.fixture(scope="session")
def realistic_seconds() -> float:
    """How long a real text of the longest paste's length takes: the blind documents."""
    documents = sorted(BLIND_DOCUMENTS.glob("*.txt"))
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in documents)
    text = (text * (LONGEST_PASTE // len(text) + 1))[:LONGEST_PASTE]
    with translation.override("sv"):
        return min(seconds(parse, text) for _ in range(2))
