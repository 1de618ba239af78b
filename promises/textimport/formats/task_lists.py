"""A task list as a Markdown editor or an intranet's checklist writes it: each line opens with
a box, ticked or not ("[x] Fotpatrullering …", "[ ] Bovärdar i trapphusen"). Two such lines or
more are a list's items, whether done or not: the box is read as a bullet, and a heading "Att
göra – Polisen" ("Att göra: Örebro kommun", "Att göra – gemensamt") over them is its party's
heading; a heading naming an organisation neither party is ("Att göra – ÖBO") is read as that
organisation's heading ("ÖBO gör det här:"), as the parties' headings are theirs. A line
holding more than one box is a form's line of options (formats/layouts.py) and is left as it
is."""

import re

from promises.textimport.numbers import fold
from promises.textimport.owners import actor_kind

_TASK = re.compile(r"^([ \t]*)(?:[-*+][ \t]+)?\[[ xX]\][ \t]+(?=\S)(?!.*\[[ xX]\])", re.MULTILINE)
_FEWEST_TASKS = 2
_TO_DO_HEADING = re.compile(
    r"^([ \t]*)(?:Att göra|ATT GÖRA)[ \t]*[–—:-][ \t]*(?=\S)(.{1,60})$", re.MULTILINE
)
# Names under "Att göra –" that are no organisation: "gemensamt", "alla".
_NO_ORGANISATION = re.compile(
    r"(?:gemensamt|gemensamma|tillsammans|alla|övrigt|övriga|andra|parterna|båda|vi)\b",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(r"[A-ZÅÄÖ][\w&.-]*(?: [\w&.-]+){0,3}")


def _to_do_heading(match: re.Match) -> str:
    name = match.group(2).strip()
    if (
        _ORGANISATION.fullmatch(name)
        and not _NO_ORGANISATION.match(name)
        and not any(character.isdigit() for character in name)
        and not actor_kind(fold(name))
    ):
        return f"{match.group(1)}{name} gör det här:"  # another organisation's items
    return f"{match.group(1)}{match.group(2)}"


def task_lists_read(text: str) -> str:
    """Each line opening with one box "[x]" / "[ ]" as an item "- …" when two lines or more
    open so."""
    if len(_TASK.findall(text, 0, 50_000)) < _FEWEST_TASKS:
        return text
    return _TO_DO_HEADING.sub(_to_do_heading, _TASK.sub(r"\1- ", text))
