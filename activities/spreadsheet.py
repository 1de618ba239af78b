"""CSV cells that are safe to open in a spreadsheet program, for every CSV the portal writes."""

import re
from typing import Any

from django.utils.translation import gettext_lazy as _

# What an import says of a file that is no CSV text (a workbook, a PDF), and how to make one.
NOT_CSV = _("The file is not a CSV text file. In Excel, save it as CSV UTF-8 and upload it again.")

# A text cell starting with one of these is run as a formula by Excel, LibreOffice and Google
# Sheets; "=HYPERLINK(...)" in a public title could send the reader's data elsewhere. The
# full-width forms are there because a spreadsheet set up for East Asian input reads "＝" as
# "=", and a line break or spaces before them are skipped by some programs when a cell is read.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# Blanks and invisible characters (zero-width spaces and joiners, a byte order mark) a formula
# may hide behind.
_LEADING_BLANKS = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


# A formula after a separator or a line break inside a text: a spreadsheet that splits the file
# on the other separator (Swedish Excel opens a comma file on semicolons, and a quote counts only
# at the start of a cell) or on a line break makes a cell of what follows.
# A quotation mark between them too: written doubled, a program splitting the line reads
# `;""=1+2` as an empty quoted part and then the formula.
_SEPARATED_FORMULA = re.compile(
    r"([,;\t\r\n][\s\"\u200b-\u200d\u2060\ufeff]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])"
)


# Either of the two above, in one search: most cells (titles, places, dates) have neither, and a
# national file has a hundred thousand cells.
_NEEDS_CARE = re.compile(
    r"^[\t\r\n]"
    r"|^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]"
    r"|[,;\t\r\n][\s\"\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]"
)


def safe_cell(value: Any) -> Any:
    """A text value a spreadsheet would run as a formula, with an apostrophe first (OWASP); the
    same before a formula that follows a comma, semicolon, tab or line break inside the text,
    since a program splitting on that character would make it a cell of its own.

    Only text is changed: numbers (also negative ones) and dates stay numbers and dates.
    """
    if not isinstance(value, str) or _NEEDS_CARE.search(value) is None:
        return value
    value = _SEPARATED_FORMULA.sub(r"\1'", value)
    visible = value[_LEADING_BLANKS.match(value).end() :]
    if value.startswith(FORMULA_STARTS) or visible.startswith(FORMULA_STARTS):
        return "'" + value
    return value
