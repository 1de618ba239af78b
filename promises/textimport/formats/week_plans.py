"""A week's plan: the activities under the days of the week ("Måndag", "Fredag", "Lördag") and
a heading for the rest ("Under året"), each line naming its owner before a colon
("Fältgruppen: Träffar unga på fritidsgården …", "Polisen och kommunen: Genomför …"). Each such
line is an item: it is given a bullet, so that the lines are read as the activities of a list
whose owners their labels name."""

import re

# A day of the week alone on its line, as a plan's heading: "Måndag", "Fredagar",
# "Lördagskvällar", "Måndag–torsdag".
_WEEKDAY = r"(?:mån|tis|ons|tors|fre|lör|sön)dag(?:ar|s?kvällar?|s?kväll(?:en)?|en)?"
_WEEKDAY_HEADING = re.compile(rf"(?i:{_WEEKDAY}(?:\s*[–—-]\s*{_WEEKDAY})?)")
# Another heading of the plan: short, one line, no colon, no sentence's end ("Under året").
_PLAN_HEADING = re.compile(r"[A-ZÅÄÖ][^:.!?]{1,39}")
# "Polisen: Håller öppen mottagning …", "Polisen och kommunen: Genomför …": an owner of a few
# words, a colon, the activity in a sentence starting with a capital.
_OWNER_LINE = re.compile(r"[A-ZÅÄÖ][\wåäöÅÄÖ&.-]*(?: [\wåäöÅÄÖ&.-]+){0,4}: (?=[A-ZÅÄÖ])\S")
_FEWEST_DAYS = 2


def week_plan_read(text: str) -> str:
    """The text with the lines of each block of a week's plan bulleted: a block is a heading
    (a day of the week, or after one, another short heading) over lines naming their owners
    before a colon, up to a blank line; the plan ends at a block that is not one."""
    lines = text.split("\n")
    days = [number for number, line in enumerate(lines) if _WEEKDAY_HEADING.fullmatch(line.strip())]
    if len(days) < _FEWEST_DAYS:
        return text
    blocks: list[tuple[int, int]] = []  # (first owner line, end) of each block
    index, in_plan = days[0], False
    while index < len(lines):
        heading = lines[index].strip()
        is_day = bool(_WEEKDAY_HEADING.fullmatch(heading))
        end = index + 1
        while end < len(lines) and _OWNER_LINE.match(lines[end].strip()):
            end += 1
        block_ends = end == len(lines) or not lines[end].strip()
        if (
            end > index + 1
            and block_ends
            and (is_day or (in_plan and _PLAN_HEADING.fullmatch(heading)))
        ):
            blocks.append((index + 1, end))
            in_plan = True
            index = end
        elif not heading:
            index += 1
            continue
        elif in_plan:
            in_plan = False  # the plan ends here; another may start at a day further on
            index = end if is_day else index + 1
        else:
            index += 1
    day_headings = {lines[number].strip() for number in days}
    if sum(1 for first, _end in blocks if lines[first - 1].strip() in day_headings) < _FEWEST_DAYS:
        return text
    for first, end in blocks:
        for number in range(first, end):
            lines[number] = "- " + lines[number].strip()
    return "\n".join(lines)


# A heading saying its items are counted per year: "Under året", "Varje år", "Årligen".
# A heading opens its block: after a blank line (a wrapped line's "per år" is none).
_YEAR_HEADING = re.compile(
    r"(?im)(?:\A|(?<=\n\n))(?:under året|varje år|årligen|under hela året):?$"
)


def year_heading_scopes(document) -> None:
    """A count over no span stated under a heading of its own that says it is per year
    ("Under året" over "Polisen: Genomför minst 12 trafikkontroller …", a week plan's last
    block), up to the next blank line: counted per year, as "under året" in the item's own
    words is."""
    text = document.text
    if "år" not in text:
        return
    regions = []
    for match in _YEAR_HEADING.finditer(text):
        end = text.find("\n\n", match.end())
        regions.append((match.end(), len(text) if end < 0 else end))
    if not regions:
        return
    for activity in document.activities:
        target = activity.target
        if target is None or target.scope != "period" or activity.span is None:
            continue
        if any(start < activity.span.start < end for start, end in regions):
            target.scope = "year"
