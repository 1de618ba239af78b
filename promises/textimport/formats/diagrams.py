"""A flowchart written as text (Mermaid, as a wiki draws it): "flowchart TD" over nodes and the
arrows between them, "L["Vi lovar att …"]", "L --> P(Polisen)", "P --> P1["Fotpatrullering vid
stationen minst två kvällar i veckan"]", and lines that only style it ("classDef …", "class
…", "%% …"). When a node whose text names a party (Polisen, Kungälvs kommun, Tillsammans) has
arrows to two nodes or more, the diagram is read as the lists it draws: each node no arrow
points to, other than a party's, as a line of its own (the promise at its top), then each
party's name as a heading ("Polisen:") over its nodes as "- " items. The fence around the
diagram ("```mermaid", "```") goes with it. A diagram without a party's node is left as it
is."""

import re

from promises.textimport.owners import read_owner

DIAGRAM_PRESENT = re.compile(r"^[ \t]*(?:flowchart|graph)[ \t]+(?:TD|TB|LR|RL|BT)\b", re.MULTILINE)
_NODE = re.compile(
    r"(?P<id>[A-Za-zÅÄÖåäö_][\wåäöÅÄÖ]*)[ \t]*"
    r"(?:\[\(?\"?(?P<square>[^\]\"\n]*)\"?\)?\]"
    r"|\(\(?\"?(?P<round>[^)\"\n]*)\"?\)?\)"
    r"|\{\"?(?P<curly>[^}\"\n]*)\"?\})"
)
_ARROW = re.compile(r"[ \t]*(?:-->|---|-\.->|==>|--o|--x)(?:[ \t]*\|[^|\n]*\|)?[ \t]*")
_ID = re.compile(r"[A-Za-zÅÄÖåäö_][\wåäöÅÄÖ]*")
_FENCE = re.compile(r"^[ \t]*```[ \t]*(?:mermaid)?[ \t]*$")
_FEWEST_ITEMS = 2
_PARTIES = ("police", "municipality", "joint")


def _node(piece: str, labels: dict[str, str]) -> str | None:
    """The id of the node the piece names, its text noted when the piece gives it."""
    piece = piece.strip()
    if node := _NODE.fullmatch(piece):
        text = node.group("square") or node.group("round") or node.group("curly") or ""
        labels[node.group("id")] = text.strip()
        return node.group("id")
    return piece if _ID.fullmatch(piece) else None


def _read(body: list[str]) -> list[str] | None:
    labels: dict[str, str] = {}
    children: dict[str, list[str]] = {}
    pointed: set[str] = set()
    order: dict[str, None] = {}  # the nodes as they come, each once
    for line in body:
        pieces = _ARROW.split(line.strip())
        ids = [_node(piece, labels) for piece in pieces]
        if None in ids:
            continue  # a line that styles the diagram ("classDef …", "class P,K part")
        order.update(dict.fromkeys(ids))
        for parent, child in zip(ids, ids[1:], strict=False):
            children.setdefault(parent, []).append(child)
            pointed.add(child)
    parties = {
        node: None
        for node in order
        if len(children.get(node, [])) >= _FEWEST_ITEMS
        and read_owner(f"Ansvarig: {labels.get(node, node)}", None)[0] in _PARTIES
    }
    if not parties:
        return None
    lines = [
        labels.get(node, node) for node in order if node not in pointed and node not in parties
    ]
    for party in parties:
        lines += ["", f"{labels.get(party, party)}:"]
        lines += [f"- {labels.get(child, child)}" for child in children[party]]
    return [*lines, ""]


def diagrams_read(text: str) -> str:
    """The text with each flowchart whose party nodes point to their activities read as the
    lists it draws."""
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if not DIAGRAM_PRESENT.match(lines[index]):
            kept.append(lines[index])
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() and not _FENCE.match(lines[end]):
            end += 1
        read = _read(lines[index + 1 : end])
        if read is None:
            kept.append(lines[index])
            index += 1
            continue
        if kept and _FENCE.match(kept[-1]):
            kept.pop()
        kept += read
        index = end + 1 if end < len(lines) and _FENCE.match(lines[end]) else end
    return "\n".join(kept)
