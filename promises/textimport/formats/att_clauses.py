"""A decision's or agreement's clauses, each commitment a line opening with "att", under the
party that makes it: "Polisen åtar sig" over "att genomföra hastighetskontroller …,", "att vara
synlig …,", "Kommunen åtar sig" over "att …, samt", "Parterna åtar sig gemensamt" over "att
…". When a heading ending with "åtar sig", "ska", "lovar" or "avser" (with "gemensamt" or
"tillsammans" after it or not) has two clauses or more under it, the heading is read as a
party's heading ("Polisen åtar sig att:"; "Tillsammans åtar vi oss att:" for the parties
together, as "Parterna" names neither) and each clause as an item ("- genomföra …"), its
closing comma and "samt" dropped. A letter of intent's clauses lettered under a heading ending
with "att" ("Polisen avser att" over "a) fotpatrullera …,", "b) genomföra …") are read the same
way. A decision's "att"-clauses under "Kommunstyrelsen beslutar" (no such heading) and a single
clause are left as they are, unless the clauses say what the parties do: under a decision's
heading ("Beslutades", "Rådet beslutade att"), clauses that open with an actor and its verb,
two or more ("att Polisen fotpatrullerar vid Torget …,", "att Gamleby IF ordnar …"), blank
lines between them or not, are items ("- Polisen fotpatrullerar …"), and so are the other
clauses among them ("att löftet följs upp …"); "att godkänna medborgarlöftet" opens with no
actor."""

import re

from promises.textimport.numbers import fold
from promises.textimport.owners import actor_doing

_HEADING = re.compile(
    r"^[ \t]*(?P<who>[A-ZÅÄÖ][\w .&-]{1,60}?)[ \t]+(?P<verb>åtar sig|ska|lovar|kommer|avser)"
    r"(?:[ \t]+(?P<together>gemensamt|tillsammans))?[ \t]*(?P<att>att)?[ \t]*:?[ \t]*$"
)
_CLAUSE = re.compile(
    r"^[ \t]*(?:att|(?P<letter>[a-h]\)))[ \t]+(?P<text>\S.*?)"
    r"[ \t]*(?:,[ \t]*(?:samt|och)?|;|samt)?[ \t]*$"
)
_FEWEST_CLAUSES = 2
_DECISION = re.compile(
    r"^[ \t]*(?:[A-ZÅÄÖ][\w .-]{0,60}?[ \t]+)?(?:beslutades|beslutade|beslutar|beslöt)"
    r"(?:[ \t]+att)?[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_NO_PARTY = frozenset({"parterna", "vi", "båda parter", "båda parterna", "undertecknade parter"})


def _heading(match: re.Match) -> str:
    who = match.group("who").strip()
    if match.group("together") and fold(who) in _NO_PARTY:
        return "Tillsammans åtar vi oss att:"
    together = f" {match.group('together')}" if match.group("together") else ""
    # "avser" (a letter of intent's word) heads a party's items as "åtar sig" does
    verb = "åtar sig" if match.group("verb") == "avser" else match.group("verb")
    return f"{who} {verb}{together} att:"


def att_clauses_read(text: str) -> str:
    """The text with each run of two "att"-clauses or more under a party's heading read as that
    party's items."""
    lines = text.split("\n")
    index = 0
    changed = False
    while index < len(lines) - 1:
        # only a line right over a clause is tried as a heading
        below = lines[index + 1].lstrip(" \t")
        lettered = below.startswith("a) ")
        heading = (below.startswith("att ") or lettered) and _HEADING.match(lines[index])
        if heading and lettered and not heading.group("att"):
            heading = None
        if heading:
            end = index + 1
            while (
                end < len(lines)
                and (clause := _CLAUSE.match(lines[end]))
                and bool(clause.group("letter")) == lettered
            ):
                end += 1
            if end - index - 1 >= _FEWEST_CLAUSES:
                lines[index] = _heading(heading)
                for clause in range(index + 1, end):
                    lines[clause] = f"- {_CLAUSE.match(lines[clause]).group('text')}"
                changed = True
                index = end
                continue
        index += 1
    return "\n".join(lines) if changed else text


def _decided_clauses(lines: list[str], index: int) -> int:
    """The index after the run of "att"-clauses (blank lines between them or not) under the
    decision's heading lines[index], read as items when two of them or more open with an actor
    and its verb; index + 1 when they are not."""
    clauses: list[int] = []
    end = index + 1
    while end < len(lines):
        if not lines[end].strip():
            end += 1
            continue
        clause = _CLAUSE.match(lines[end])
        if not clause or clause.group("letter"):
            break
        clauses.append(end)
        end += 1
    texts = [_CLAUSE.match(lines[number]).group("text") for number in clauses]
    if sum(1 for text in texts if actor_doing(text)) < _FEWEST_CLAUSES:
        return index + 1
    for number, text in zip(clauses, texts, strict=True):
        lines[number] = f"- {text}"
    for number in range(clauses[0], clauses[-1]):
        if not lines[number].strip():
            lines[number] = None  # type: ignore[call-overload]
    return clauses[-1] + 1


def decided_clauses_read(text: str) -> str:
    """The text with the "att"-clauses of a decision that say what the parties do read as
    items."""
    lines: list[str | None] = list(text.split("\n"))
    index = 0
    changed = False
    while index < len(lines) - 1:
        line = lines[index]
        if line and "eslut" in line and _DECISION.match(line):
            after = _decided_clauses(lines, index)  # type: ignore[arg-type]
            changed = changed or after > index + 1
            index = after
            continue
        index += 1
    return "\n".join(line for line in lines if line is not None) if changed else text
