"""A meeting's note listing the activities with the count first and no bullets ("12 x
hastighetskontroller på Skultunavägen", "8 st föräldravandringar", "3 kvällar/vecka
fältassistenter", "1 x/mån avstämning"): each such line is an item of its own, given a bullet,
where it would else be read as going on from the line above."""

import re

# A count and its mark at the start of a line: "12 x ", "6x ", "8 st ", "1 x/mån ",
# "3 kvällar/vecka ", "2 ggr/år ".
_COUNT_FIRST = re.compile(
    r"\d{1,3} ?(?:x|st|ggr|gånger)(?:/\w{1,6})?\.? (?=\w)"
    r"|\d{1,3} \w{3,15}/(?:vecka|v|veckan|mån|månad|år|termin|dag|dygn) (?=\w)"
)
_FEWEST_COUNT_LINES = 3


def count_first_lines_bulleted(text: str) -> str:
    """The text with each line opening with a count and its mark given a bullet, when the text
    has three such lines or more, none of them bulleted already."""
    lines = text.split("\n")
    counted = [
        number for number, line in enumerate(lines) if _COUNT_FIRST.match(line) and "\t" not in line
    ]
    if len(counted) < _FEWEST_COUNT_LINES:
        return text
    for number in counted:
        lines[number] = "- " + lines[number]
    return "\n".join(lines)
