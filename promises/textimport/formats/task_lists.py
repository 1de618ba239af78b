"""A task list as a Markdown editor or an intranet's checklist writes it: each line opens with
a box, ticked or not ("[x] Fotpatrullering …", "[ ] Bovärdar i trapphusen"). Two such lines or
more are a list's items, whether done or not: the box is read as a bullet, and a heading "Att
göra – Polisen" ("Att göra: Örebro kommun", "Att göra – gemensamt") over them is its party's
heading. A line holding more
than one box is a form's line of options (formats/layouts.py) and is left as it is."""

import re

_TASK = re.compile(r"^([ \t]*)(?:[-*+][ \t]+)?\[[ xX]\][ \t]+(?=\S)(?!.*\[[ xX]\])", re.MULTILINE)
_FEWEST_TASKS = 2
_TO_DO_HEADING = re.compile(
    r"^([ \t]*)(?:Att göra|ATT GÖRA)[ \t]*[–—:-][ \t]*(?=\S)(?=.{1,60}$)", re.MULTILINE
)


def task_lists_read(text: str) -> str:
    """Each line opening with one box "[x]" / "[ ]" as an item "- …" when two lines or more
    open so."""
    if len(_TASK.findall(text, 0, 50_000)) < _FEWEST_TASKS:
        return text
    return _TO_DO_HEADING.sub(r"\1", _TASK.sub(r"\1- ", text))
