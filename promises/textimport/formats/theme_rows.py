"""A plan written a theme a line, each line naming its theme before a colon and then, in
sentences of their own, what each party does about it: "Trafik: Polisen gör 10
trafikkontroller under året. Kommunen sätter upp farthinder på Kvarngatan." In a block of three
such lines or more (no blank line between them), where the sentences open with a party's name
and one line at least holds two parties' sentences, each sentence is read as an item of its
own, its party named first as the item readers read it; the theme's label is dropped."""

import re

# "Trafik: …", "Ungas kvällar: …": a label of one to three words, then the line's sentences.
_THEME_LINE = re.compile(r"([A-ZÅÄÖ][\wåäö-]*(?: [\wåäö-]+){0,2}):[ \t]+(\S.*)")
# A sentence opening with a party as its subject: "Polisen gör …", "Kommunen har …",
# "Landskrona stad …", "Polisen och kommunen …".
_PARTY_FIRST = re.compile(
    r"(?:Polisen|Kommunen|Staden|Regionen|[A-ZÅÄÖ][\wåäö-]+ (?:kommun|stad|kommuns|stads))\b"
)
# Where one sentence ends and the next begins: ". Kommunen …".
_SENTENCE_BREAK = re.compile(r"(?<=[.!])[ \t]+(?=[A-ZÅÄÖ])")
_FEWEST_THEME_LINES = 3
_FEWEST_PARTY_LINES = 2


def _block(lines: list[str]) -> list[str]:
    """A block of theme lines as items, when it is one; else the lines as they were."""
    matches = [_THEME_LINE.fullmatch(line.strip()) for line in lines]
    sentences = [_SENTENCE_BREAK.split(match.group(2)) for match in matches if match]
    party_lines = sum(1 for parts in sentences if _PARTY_FIRST.match(parts[0]))
    two_parties = any(
        sum(1 for part in parts if _PARTY_FIRST.match(part)) >= 2 for parts in sentences
    )
    if party_lines < _FEWEST_PARTY_LINES or not two_parties:
        return lines
    return [f"- {part}" for parts in sentences for part in parts]


def theme_rows_read(text: str) -> str:
    """The text with each block of theme lines naming the parties as one item a sentence."""
    lines = text.split("\n")
    result: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if _THEME_LINE.fullmatch(line.strip()):
            block.append(line)
            continue
        if block:
            result += _block(block) if len(block) >= _FEWEST_THEME_LINES else block
            block = []
        result.append(line)
    return "\n".join(result[:-1])
