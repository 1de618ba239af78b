"""Items opening with a symbol or emoji that stands for their owner, a legend saying whose each
is: "🚓 Fotpatrullering på Sevedsplan …", "🏛️ Fältsekreterare …" over "Teckenförklaring: 🚓 =
Polisen   🏛️ = Malmö stad   🤝 = Polisen och Malmö stad tillsammans". When the legend gives two
marks or more on one line (a legend a line each, of parties only, is read by
layouts._symbol_legend_read) and two items or more open with one of them, each
item is read as a "- " item with the owner's label the legend names ("(Polisen)", "– Ansvarig:
Fastighetsägare Sofielund" for another actor), and the legend's pairs are dropped. A symbol
opening lines without such a legend (a decoration, a bullet) is left as it is."""

import re

from promises.textimport.formats.trailing_owners import _label

_MARK = r"[^\w\s=:.,;()\[\]*#\"'-][\ufe0f\u200d]?"
_PAIR = re.compile(
    rf"(?P<mark>{_MARK})[ \t]*=[ \t]*(?P<name>[A-ZÅÄÖ][^=\n]{{0,60}}?)"
    rf"(?=[ \t]{{2,}}|[ \t]*[,;][ \t]*|[ \t]*$|[ \t]+{_MARK}[ \t]*=)",
)
_LEGEND_LABEL = re.compile(r"[ \t]*(?:[A-ZÅÄÖ][\wåäö ]{2,30}:)?[ \t,;]*")
_LEGEND_SEARCHED = 50_000
_FEWEST_MARKS = 2
_FEWEST_ITEMS = 2


def symbol_marks_read(text: str) -> str:
    """The text with each item's opening symbol read as the owner the legend names, when the
    legend gives two marks or more and two items or more open with one."""
    marks: dict[str, str] = {}
    lines = text.split("\n")
    legends = set()
    searched = 0
    for number, line in enumerate(lines):
        searched += len(line) + 1
        if searched > _LEGEND_SEARCHED:
            break
        if "=" not in line:
            continue
        pairs = list(_PAIR.finditer(line))
        # a legend's line holds its pairs and nothing else but a label ("Teckenförklaring:")
        if len(pairs) < _FEWEST_MARKS or not _LEGEND_LABEL.fullmatch(_PAIR.sub("", line)):
            continue
        legends.add(number)
        for pair in pairs:
            marks.setdefault(pair.group("mark").rstrip("\ufe0f"), pair.group("name").strip())
    if len(marks) < _FEWEST_MARKS:
        return text
    opening = re.compile(
        r"^[ \t]*(?P<mark>" + "|".join(re.escape(mark) for mark in marks) + r")\ufe0f?[ \t]+"
        r"(?P<text>\S.*?)[ \t]*$",
        re.MULTILINE,
    )
    if len(opening.findall(text)) < _FEWEST_ITEMS:
        return text
    text = "\n".join(line for number, line in enumerate(lines) if number not in legends)
    return opening.sub(
        lambda match: f"- {match.group('text')}{_label(marks[match.group('mark')])}", text
    )
