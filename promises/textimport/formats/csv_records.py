"""A CSV file's records whose quoted fields hold line breaks, as a spreadsheet or a follow-up
system exports them: '"1","Fotpatrullering i centrum' + 'och vid resecentrum","Polisen",…'.
Each such record is joined on one line, the breaks read as spaces, so that the table's readers
see one row a record ('"1","Fotpatrullering i centrum och vid resecentrum","Polisen",…'). A line
is joined with the lines under it only when it opens a quoted field it does not close, and only
while the quotes stay open (a record of at most `_MOST_LINES` lines); the joined record must
hold fields set apart by commas or semicolons between quotes ('","', '";"'), so a quotation
that runs over lines in running text stays as it is. (Cells set apart by tabs are
layouts._spreadsheet_cells_joined's.)"""

_MOST_LINES = 12
_SEPARATORS = ('","', '";"')


def csv_records_read(text: str) -> str:
    """The text with each CSV record that runs over lines joined on one line."""
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    changed = False
    while index < len(lines):
        line = lines[index]
        if line.startswith('"') and line.count('"') % 2:
            end = index + 1
            quotes = line.count('"')
            while end < len(lines) and end - index < _MOST_LINES and quotes % 2:
                quotes += lines[end].count('"')
                end += 1
            record = " ".join(part.strip() for part in lines[index:end])
            if not quotes % 2 and any(separator in record for separator in _SEPARATORS):
                result.append(record)
                index = end
                changed = True
                continue
        result.append(line)
        index += 1
    return "\n".join(result) if changed else text
