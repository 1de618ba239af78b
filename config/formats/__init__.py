"""The portal's own date formats per language (FORMAT_MODULE_PATH), over Django's.

A short date is "22 nov 2026" in Swedish, which writes a month's abbreviation in lower case, and
"22 Nov 2026" in English, which capitalises it: pages and messages ask for SHORT_DATE_FORMAT
(and SHORT_DATETIME_FORMAT) rather than writing "j b Y", which would give "22 nov 2026" in
English too. Everything else is Django's.
"""
