"""Inputs a probe of the parser built to run it for long (a coordinator's paste ties up a
worker until it ends): each is read within the time of a real text of the longest paste's
length times `SLOWER_AT_MOST`, as the other costly inputs are. Before the fixes, on the probe's
machine: the capitals 30 s (and minutes for a few more letters), the clauses 40 s, the items
21 s, the promises by number 11 s; the real text 0.45 s."""

import time

import pytest
from django.utils import translation

from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    # A line of capitals over a signatory's title in a section of the texts: the names' pattern
    # tried every way of cutting the capitals into two to six names.
    "capitals over a signature": "Bakgrund\n\nDetta är bakgrunden.\n"
    + "A" * 100
    + ".\nOrdförande\n",
    # One sentence joining clauses with "och": the words after and before each "och" were split
    # from the rest of the sentence anew.
    "clauses joined by och": "Polisen ska " + _repeated("a och ") + ".",
    # Items a blank line apart: each was compared with every item above, folded anew.
    "items a blank line apart": _repeated("\n• Föräldravandringar\nMål: minst 10\n"),
    # "Löfte 1" over a list, under thousands of promises: all of them were gathered anew for
    # each such line, to see that they stand above it.
    "promises by number": "Vi lovar att arbeta för:\n"
    + "- Ab\n" * 12_000
    + "\nAktiviteter\n"
    + _repeated("Löfte 1\n- a\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_the_probe_built_are_read_in_seconds(name, realistic_seconds):
    with translation.override("sv"):
        started = time.process_time()
        document = parse(COSTLY[name][:N])
        spent = time.process_time() - started
    assert document.text
    assert spent < SLOWER_AT_MOST * realistic_seconds
