"""English: a month's abbreviation capitalised ("22 Nov 2026"), the day first as in Swedish."""

SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
