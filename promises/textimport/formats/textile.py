"""A page in Textile markup, as a Redmine wiki or issue keeps it: headings "h2. Aktiviteter",
blocks "bq. Vi lovar …" and "p>. _Kommunpolis …_", a table's header cells "|_. Aktivitet |",
bold "*Polisen*", emphasis "_…_", links '"text":https://…' and "[[Sida]]", macros "{{toc}}".
Two headings "hN. " or more: the marks are dropped, the text left as it reads (a table's cells
stay between their pipes for the table readers)."""

import re

_HEADING = re.compile(r"^h[1-6]\. ", re.MULTILINE)
_BLOCK = re.compile(r"^(?:h[1-6]|bq|p)(?:[<>=]|\(+|\)+|\{[^}\n]*\})*\. ", re.MULTILINE)
_MACRO = re.compile(r"^\{\{[^}\n]*\}\}[ \t]*$", re.MULTILINE)
_CELL_MARK = re.compile(r"\|(?:_|[<>=^~])+\. ")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_LINK = re.compile(r'"([^"\n]+)":(?:https?://|/)\S*?(?=[.,;:!?)]?(?:\s|$))')
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|\n]*\|)?([^\]\n]+)\]\]")
_FEWEST_HEADINGS = 2


def textile_read(text: str) -> str:
    """The text with Textile's marks dropped; unchanged when it has fewer than
    _FEWEST_HEADINGS headings "hN. "."""
    if len(_HEADING.findall(text)) < _FEWEST_HEADINGS:
        return text
    text = _MACRO.sub("", text)
    text = _BLOCK.sub("", text)
    text = _CELL_MARK.sub("| ", text)
    text = _LINK.sub(r"\1", text)
    text = _WIKI_LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\1", text)
    return _EMPHASIS.sub(r"\1", text)
