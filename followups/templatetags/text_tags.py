"""A plain text as the public reads it: paragraphs, and lists where lines begin with a dash.

Reports are typed (or drafted by the portal) as plain text, with list items on lines of their
own ("- Trafikkontroller: 12 av minst 15 …"). `paragraphs` shows such lines as a list, other
lines as paragraphs (a single line break kept), all escaped. Also here: `unbroken`, a short
text kept on one line, and `date_range`, two dates written as a range.
"""

import datetime
import re
from itertools import groupby

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from activities import wording
from promises.fields import date_span, join_range

register = template.Library()

_ITEM = re.compile(r"^\s*[-–•*]\s+(.*)$")


@register.filter(needs_autoescape=True)
def paragraphs(text: str, autoescape: bool = True) -> SafeString:
    """`text` as HTML paragraphs and lists (`<ul>` for runs of lines opened by "- ")."""
    escape = conditional_escape if autoescape else str
    text = str(text or "").replace("\r\n", "\n").strip()
    html = []
    for block in re.split(r"\n\s*\n", text) if text else []:
        # Runs of list items, and runs of other lines, in the block's order.
        for is_item, run in groupby(block.split("\n"), key=lambda line: bool(_ITEM.match(line))):
            lines = list(run)
            if is_item:
                items = "".join(f"<li>{escape(_ITEM.match(line)[1])}</li>" for line in lines)
                html.append(f"<ul>{items}</ul>")
            else:
                html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("\n".join(html))


@register.filter
def lead(text: str) -> str:
    """The opening of `text`: its lines up to the first blank line or list item, as one line
    (a list of reports shows each one's opening, its whole text on its own page)."""
    opening = []
    for line in str(text or "").replace("\r\n", "\n").strip().split("\n"):
        if not line.strip() or _ITEM.match(line):
            break
        opening.append(line.strip())
    return " ".join(opening)


@register.filter
def unbroken(text: str) -> SafeString:
    """`text` kept on one line ("2025–2027" broke after its dash on a phone), escaped."""
    return format_html('<span class="unbroken">{}</span>', text)


@register.simple_tag
def date_range(start, end, format_string: str = "j F Y") -> str:
    """`{% date_range report.covers_from report.covers_to %}`: two dates as Swedish writes a
    range, the parts they share written once ("1 januari–30 april 2026", `date_span`; was "1
    januari 2026 – 30 april 2026"), in full or, with "SHORT_DATE_FORMAT", abbreviated ("1 jan
    – 30 apr 2026"); with another `format_string`, each date written whole as the `date` filter
    writes it, and an `end` that is no date (the words "tills vidare") joined as it is.
    `{% date_range … as dates %}` keeps it for a `blocktranslate`."""
    if isinstance(end, datetime.date):
        if format_string == "SHORT_DATE_FORMAT":
            return wording.date_range(start, end)
        if format_string == "j F Y":
            return date_span(start, end)
        end = date_format(end, format_string)  # another format: each date written whole
    return join_range(date_format(start, format_string), end)
