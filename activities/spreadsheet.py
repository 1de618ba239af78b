"""CSV cells that are safe to open in a spreadsheet program, for every CSV the portal writes."""

from typing import Any

# A text cell starting with one of these is run as a formula by Excel, LibreOffice and Google
# Sheets; "=HYPERLINK(...)" in a public title could send the reader's data elsewhere.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text value a spreadsheet would run as a formula, with an apostrophe first (OWASP).

    Only text is changed: numbers (also negative ones) and dates stay numbers and dates.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
