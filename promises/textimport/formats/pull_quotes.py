"""A newsletter's or a folder's pull quote: a line that is all a quotation, with its speaker on
the line under it after a dash ("”Vi kommer att synas mer på kvällarna.”" over "– Sara
Nilsson, kommunpolis"). The two lines are read as the quotation a news text writes ("”Vi
kommer att synas mer på kvällarna.”, säger Sara Nilsson, kommunpolis."), which is never an
activity (reading.sentences.QUOTATION), where before the quotation's "Vi kommer att …" was read
as one. A quotation without a speaker under it is left as it is."""

import re

_QUOTE = re.compile(r"^[ \t]*[”“\"«](?P<quote>[^”“\"«»\n]{10,}?)[”“\"»][ \t]*$")
_SPEAKER = re.compile(r"^[ \t]*[–—-][ \t]+(?P<who>[A-ZÅÄÖ][^\n]{2,150}?)[ \t.]*$")


def pull_quotes_read(text: str) -> str:
    """The text with each pull quote and its speaker read as one quotation."""
    lines = text.split("\n")
    changed = False
    for number in range(len(lines) - 1):
        quote = _QUOTE.match(lines[number]) if lines[number][-1:] in '”"» \t' else None
        speaker = quote and _SPEAKER.match(lines[number + 1])
        if speaker:
            lines[number] = f"”{quote.group('quote').strip()}”, säger {speaker.group('who')}."
            lines[number + 1] = ""
            changed = True
    return "\n".join(lines) if changed else text
