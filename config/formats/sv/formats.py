"""Swedish: a month's abbreviation in lower case ("22 nov 2026")."""

SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
