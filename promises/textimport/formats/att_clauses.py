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
clause are left as they are."""

import re

from promises.textimport.numbers import fold

_HEADING = re.compile(
    r"^[ \t]*(?P<who>[A-ZÅÄÖ][\w .&-]{1,60}?)[ \t]+(?P<verb>åtar sig|ska|lovar|kommer|avser)"
    r"(?:[ \t]+(?P<together>gemensamt|tillsammans))?[ \t]*(?P<att>att)?[ \t]*:?[ \t]*$"
)
_CLAUSE = re.compile(
    r"^[ \t]*(?:att|(?P<letter>[a-h]\)))[ \t]+(?P<text>\S.*?)"
    r"[ \t]*(?:,[ \t]*(?:samt|och)?|;|samt)?[ \t]*$"
)
_FEWEST_CLAUSES = 2
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
