"""A poster's or a flyer's lines: sentences broken every few words joined into one line, a
heading in capitals kept apart from the sentence under it, and a picture's credit dropped."""

import re

from promises.textimport.formats.common import _BULLET_START

# A poster's or a flyer's lines: a sentence broken every few words ("★ Kommunen" + "ordnar
# minst" + "sex kvällsaktiviteter" + "för unga").
_POSTER_LINE_CHARS = 28
_FEWEST_POSTER_LINES = 3
_MOST_POSTER_LINES = 12  # a paragraph, never a pasted column of words
_SENTENCE_END = (".", "!", "?", ":", ";")


def _poster_lines_joined(lines: list[str]) -> list[str]:
    """Each paragraph of three lines or more, all short, whose lines go on in lower case from
    the one above without a sentence ending, joined into one line."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        if _capitals_over_sentence(lines, index):
            # "TILLSAMMANS" over "Vi bjuder in till två öppna" + "dialogmöten …": the
            # paragraph's heading, kept on its own line
            joined.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end] and len(lines[end]) <= _POSTER_LINE_CHARS:
            end += 1
        block = lines[index:end]
        following = block[1:]
        if (
            _FEWEST_POSTER_LINES <= len(block) <= _MOST_POSTER_LINES
            and (end == len(lines) or not lines[end])
            and (index == 0 or not lines[index - 1] or _capitals_over_sentence(lines, index - 1))
            # "serverings¬" + "ställen": a word a PDF broke, joined as such further on
            and not any(line.endswith(("-", "¬")) for line in block)
            and not any(line.endswith(_SENTENCE_END) for line in block[:-1])
            and not any(_BULLET_START.match(line) or line[:1].isdigit() for line in following)
            and 2 * sum(line[:1].islower() for line in following) >= len(following)
        ):
            joined.append(" ".join(block))
            index = end
            continue
        joined.extend(block or lines[index : index + 1])
        index = max(end, index + 1)
    return joined


def _capitals_over_sentence(lines: list[str], index: int) -> bool:
    """Whether lines[index], the first of a paragraph, is a poster's heading in capitals alone
    ("TILLSAMMANS", "MORA KOMMUN") over a sentence starting with a capital on the next line."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        (index == 0 or not lines[index - 1])
        and bool(re.fullmatch(r"[A-ZÅÄÖ][A-ZÅÄÖ -]{3,27}", line))
        and following[:1].isupper()
        and any(letter.islower() for letter in following)
    )


# A picture's credit on a poster: "© POLISEN" (the © an OCR may also give for a party's mark).
_CREDIT = re.compile(r"©\s*([A-ZÅÄÖ][\w -]{1,40})")


def credits_dropped(lines: list[str]) -> list[str]:
    """Lines without a picture's credit: a "© NAME" line ending its paragraph or right over
    the same name alone ("© POLISEN" over "POLISEN"). One over its paragraph's sentence ("©
    POLISEN" over "Vi gör minst 20 …") may be the party's mark, read as OCR gave it, and is
    kept."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        credit = _CREDIT.fullmatch(line)
        if credit and (not following or following.strip() == credit.group(1).strip()):
            continue
        kept.append(line)
    return kept
