"""A digital wall's posts as its text export gives them (Padlet and the like): under a
column's heading, each post a title over its text, then its writer and the day ("Emma Lund
(kommunpolis) · 24 nov", "Sara Mäki, Hyresbostäder · 25 nov") and its reactions ("♥ 6 · 2
kommentarer"). Two such writers' lines or more: each post's text is an item right under its
column's heading (the blank lines between them dropped), its title, writer's line and reactions
dropped, and so are the board's own lines ("+ Lägg till inlägg", "Gjord med Padlet")."""

import re

_MONTH = r"(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?"
_WRITER = re.compile(
    r"[A-ZÅÄÖ][\w'-]+(?: [A-ZÅÄÖ][\w'-]+){0,3}(?: \([^()\n]{1,40}\)|, [^·\n]{1,40})?"
    rf" · (?:\d{{1,2}} {_MONTH}(?: \d{{4}})?|\d{{1,2}} (?:min|tim|timmar|dagar?) sedan|igår)"
)
_REACTIONS = re.compile(
    r"(?:[♥♡❤👍]\ufe0f? ?\d{1,5})?(?:(?: · )?\d{1,5} kommentar(?:er)?)?", re.IGNORECASE
)
_BOARD_LINE = re.compile(r"\+ Lägg till inlägg|Gjord med Padlet|Made with Padlet", re.IGNORECASE)
_FEWEST_POSTS = 2
# A post's first line is its title when it is short and ends with no full stop.
_LONGEST_TITLE = 8


def board_posts_read(text: str) -> str:
    """The text with a wall's posts read as items (see the module); unchanged when it has
    fewer than _FEWEST_POSTS writers' lines."""
    lines = text.split("\n")
    writers = {k for k, line in enumerate(lines) if _WRITER.fullmatch(line.strip())}
    if len(writers) < _FEWEST_POSTS:
        return text
    posts = {}  # each post's first line: its writer's line
    for at in writers:
        start = at
        while start and lines[start - 1].strip() and start - 1 not in writers:
            start -= 1
        posts[start] = at
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if index not in posts:
            if not _BOARD_LINE.fullmatch(lines[index].strip()):
                kept.append(lines[index])
            index += 1
            continue
        at = posts[index]
        post = [line.strip() for line in lines[index:at]]
        if len(post) >= 2 and _title(post[0]):
            post = post[1:]
        if post:
            while kept and not kept[-1].strip():
                kept.pop()  # a column's posts are a list right under its heading
            kept.append(f"- {' '.join(post)}")
        index = at + 1
        if (
            index < len(lines)
            and lines[index].strip()
            and _REACTIONS.fullmatch(lines[index].strip())
        ):
            index += 1
    return "\n".join(kept)


def _title(line: str) -> bool:
    return len(line.split()) <= _LONGEST_TITLE and line[-1:] not in ".!?:"
