"""A TaskPaper list: projects as lines ending ":" ("Polisen:", "Tillsammans:"), tasks under them
indented "- " with tags at their end ("@polisen @trafik", "@due(2027-06-30)",
"@done(2027-03-14)"). Two tagged tasks or more: the tags are dropped, and the archive
("Arkiv:", TaskPaper's "Archive:") with its tasks, which are the list's own housekeeping."""

import re

_TAGGED_TASK = re.compile(r"^[ \t]*- [^\n]*? @\w[\w-]*(?:\([^)\n]*\))?[ \t]*$", re.MULTILINE)
_TAGS = re.compile(r"(?:[ \t]+@\w[\w-]*(?:\([^)\n]*\))?)+[ \t]*$", re.MULTILINE)
_ARCHIVE = re.compile(r"^(?:Arkiv|Archive):[ \t]*\n(?:[ \t]+[^\n]*(?:\n|$))*", re.MULTILINE)
_FEWEST_TASKS = 2


def taskpaper_read(text: str) -> str:
    """The text with a TaskPaper list's tags and archive dropped; unchanged when it has fewer
    than _FEWEST_TASKS tagged tasks."""
    if len(_TAGGED_TASK.findall(text)) < _FEWEST_TASKS:
        return text
    return _TAGS.sub("", _ARCHIVE.sub("", text))
