"""A PDF set in double line spacing, as some extractors give it: a blank line after every line,
the wrapped lines of one sentence or one item set apart as if they were paragraphs ("•
fotpatrullera på torget minst 3 kvällar i", blank, "veckan"), and the paragraphs themselves set
apart by two blank lines or more. When nearly every line is followed by one blank line, two
blank lines or more set the paragraphs apart, and some line runs on into the next (it ends
without a full stop and the next opens in lower case), the single blank lines are dropped and
each run of blank lines becomes one. A text whose paragraphs are set apart by one blank line
and never by two, or in which no line runs on into the next, is left as it is."""

import re

_FEWEST_LINES = 8
_SHARE_SPACED = 0.9
_FEWEST_PARAGRAPH_BREAKS = 2
_FEWEST_RUN_ONS = 2
_BLANKS = re.compile(r"\n(?:[ \t]*\n)+")


def _spaced(text: str) -> tuple[int, int, int, int]:
    """The lines with words, those followed by a single blank line, the paragraph breaks (two
    blank lines or more) and the lines running on over a blank line into the next."""
    lines = text.split("\n")
    worded = spaced = breaks = run_ons = 0
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        worded += 1
        blanks = 0
        after = index + 1
        while after < len(lines) and not lines[after].strip():
            blanks += 1
            after += 1
        if blanks == 1:
            spaced += 1
            following = lines[after].lstrip() if after < len(lines) else ""
            if following[:1].islower() and lines[index].rstrip()[-1:] not in ".:!?;":
                run_ons += 1
        elif blanks >= 2:
            breaks += 1
            spaced += 1
        index = after
    return worded, spaced, breaks, run_ons


def double_spacing_read(text: str) -> str:
    """The text with the blank line after each line dropped and each paragraph break one blank
    line, when it is set in double line spacing."""
    if "\n\n\n" not in text:
        return text
    worded, spaced, breaks, run_ons = _spaced(text)
    if (
        worded < _FEWEST_LINES
        or spaced < worded * _SHARE_SPACED
        or breaks < _FEWEST_PARAGRAPH_BREAKS
        or run_ons < _FEWEST_RUN_ONS
    ):
        return text
    return _BLANKS.sub(lambda match: "\n\n" if match.group().count("\n") > 2 else "\n", text)
