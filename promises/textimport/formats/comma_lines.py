"""A party's commitments written as one sentence over lines, a clause a line, under the line
that opens it: "Vi i Polisen ska" over "fotpatrullera i centrum … (minst 2 kvällar/vecka),",
"genomföra trafikkontroller … (minst 12 st),", "besöka skolorna … (en gång per termin)." —
no bullets, each clause ending with a comma and the last with a full stop.

When a line ends with the verb its clauses go on ("… ska", "… ska tillsammans", "… kommer
att", "… lovar att", "… åtar sig att"), and two lines or more right under it open in lower case
and end with a comma, the last with a full stop, each is read as an item of the list under it
(its comma dropped), so that the heading's party owns them; so is one such line ending with a
full stop, the line opening it and it a paragraph of their own ("Vi i Räddningstjänsten
Bergslagen ska" over "hålla brandskyddsutbildningar …."). A sentence wrapped over lines (which
do not each end with a comma) stays as it is."""

import re

_LEAD = re.compile(
    r"^[ \t]*[A-ZÅÄÖ][^.!?:\n]{0,100}\b(?:ska|skall|kommer att|lovar att|åtar sig att)"
    r"(?: också| även)?(?: tillsammans| gemensamt)?[ \t]*:?[ \t]*$"
)
_CLAUSE = re.compile(r"^[ \t]*[a-zåäö][^\n]*,[ \t]*$")
_LAST_CLAUSE = re.compile(r"^[ \t]*[a-zåäö][^\n]*[.,][ \t]*$")
_FEWEST_CLAUSES = 2


def comma_lines_read(text: str) -> str:
    """The text with the clauses a line each under the verb that opens them read as items."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        out.append(lines[index])
        if not _LEAD.match(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and _CLAUSE.match(lines[end]):
            end += 1
        if end < len(lines) and _LAST_CLAUSE.match(lines[end]):
            end += 1
        alone = (
            end == index + 2
            and lines[end - 1].rstrip().endswith(".")
            and (index == 0 or not lines[index - 1].strip())
            and (end == len(lines) or not lines[end].strip())
        )
        if end - index - 1 >= _FEWEST_CLAUSES or alone:
            out.extend(f"- {line.strip().removesuffix(',')}" for line in lines[index + 1 : end])
            index = end
        else:
            index += 1
    return "\n".join(out)
