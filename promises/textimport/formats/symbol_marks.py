"""Items opening with a symbol or emoji that stands for their owner, and the legend saying whose
each symbol is. The one home of the rule, for the two ways a legend is written:

- its pairs on one line, "Teckenförklaring: 🚓 = Polisen   🏛️ = Malmö stad   🤝 = Polisen och
  Malmö stad tillsammans" (`symbol_marks_read`): when the line gives two marks or more and two
  items or more open with one of them ("🚓 Fotpatrullering på Sevedsplan …"), each item is read
  as a "- " item with the owner's label the legend names ("(Polisen)", "– Ansvarig:
  Fastighetsägare Sofielund" for another actor), and the legend's line is dropped;
- a pair a line each, of parties only, "🟦 = Polisen" over "🟩 = Norsjö kommun" over "🟨 =
  Tillsammans" (`symbol_legend_lines_read`), as a poster or a post marks its items by colour:
  the items marked with a symbol are read under a heading naming its party, as if the document
  had listed them so, and the legend's lines are dropped.

clean() reads the first among the owners' layouts and the second among the emoji, before the
emoji are dropped. A symbol opening lines without such a legend (a decoration, a bullet) is left
as it is."""

import re

from promises.textimport.formats.trailing_owners import _label
from promises.textimport.formats.web import _EMOJI
from promises.textimport.numbers import fold

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


# A legend a pair a line each, of parties only: "🟦 = Polisen", "🟩 = Norsjö kommun", "🟨 =
# Tillsammans".
_SYMBOL_LEGEND = re.compile(
    rf"^[ \t]*(?P<symbol>[{_EMOJI}]{{1,4}})[ \t]*(?:=|:|[–—-])[ \t]*(?P<name>[^\n=]{{2,60}}?)"
    r"[ \t]*$",
    re.MULTILINE,
)
_LEGEND_PARTY = re.compile(r"(?:[\w-]+s? )?(?:polisen|kommun(?:en)?|staden|tillsammans|gemensamt)")
_MOST_SYMBOL_RUNS = 60  # runs of items of one party (a preview shows at most 60 activities)


def symbol_legend_lines_read(text: str) -> str:
    """The text with the items each legend line's symbol marks under a heading naming its
    party, when the legend, a line each, names two parties or more."""
    legend: dict[str, str] = {}
    legend_lines = set()
    for match in _SYMBOL_LEGEND.finditer(text, 0, _LEGEND_SEARCHED):
        symbol = match.group("symbol").replace("\ufe0f", "")
        if _LEGEND_PARTY.fullmatch(fold(match.group("name"))) and symbol not in legend:
            legend[symbol] = match.group("name")
            legend_lines.add(match.group())
    if len(legend) < _FEWEST_MARKS:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    runs = 0
    party = None  # the party of the run of marked items the line before belongs to
    for line in lines:
        if line in legend_lines:
            continue  # the legend's own line
        stripped = line.strip().replace("\ufe0f", "")
        symbol = next(
            (s for s in legend if stripped.startswith(s) and stripped[len(s) : len(s) + 1] == " "),
            None,
        )
        if symbol is not None and legend[symbol] != party:
            runs += 1
            if runs > _MOST_SYMBOL_RUNS:
                return text  # no list a legend's colours sort: the text as it is
            if kept and kept[-1].strip():
                kept.append("")
            kept.append(f"{legend[symbol]}:")
        party = legend[symbol] if symbol is not None else None
        kept.append(line)
    return "\n".join(kept)
