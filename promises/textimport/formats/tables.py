"""Tables read as cells, one a line, with their rows separated by blank lines (`_tables_as_cells`):
the table readers' order, and which runs of rows are a table. The rows are first given as cells
set apart by tabs by the modules that read each layout: grids drawn with box characters
(grid_tables.py), dot leaders (delimited_tables.py), columns set apart by spaces
(aligned_tables.py), rows over a page break (table_page_breaks.py), two lists side by side
(side_by_side_lists.py); then split at their tabs, pipes or semicolons (delimited_tables.py) and
read by the table's kind (table_kinds.py, responsibility_matrix.py)."""

from promises.textimport.formats.aligned_tables import (
    _NUMBERED_HEADER_PRESENT,
    _numbered_columns_joined,
    _spaced_columns_as_tabs,
)
from promises.textimport.formats.delimited_tables import (
    _CSV_HEADER,
    _NUMBER_COLUMN,
    _PIPE_ROW,
    _PIPE_RULE,
    _ROW_NUMBER,
    _cells_with_empty,
    _csv_header,
    _leaders_as_tabs,
    _row_cells,
)
from promises.textimport.formats.grid_tables import _grid_rows
from promises.textimport.formats.responsibility_matrix import _matrix_legend, _party_matrix
from promises.textimport.formats.side_by_side_lists import (
    _columns_deinterleaved,
    _columns_one_after_another,
)
from promises.textimport.formats.table_kinds import (
    _ACTIVITY_NUMBER,
    _CHANNEL_COLUMN,
    _drop_schedule_legend,
    _party_lists,
    _revised_wording,
    _section_row,
    _sections_as_column,
    _transposed,
    _without_context_column,
    _without_schedule,
)
from promises.textimport.formats.table_page_breaks import _rows_over_page_breaks
from promises.textimport.numbers import fold


def _may_start_table(line: str, cells: list[str]) -> bool:
    """Whether a row could begin a table that `_tables_as_cells` reads: a row of tabs or pipes,
    a CSV header (after a column of numbers too) or a communication plan's header. A run of
    rows separated by semicolons under no header is prose or a list, and so is each run inside
    it that begins with such a row."""
    return bool(
        "\t" in line
        or _PIPE_ROW.fullmatch(line)
        or _csv_header(cells)
        or _csv_header(cells[1:])
        or any(_CHANNEL_COLUMN.fullmatch(fold(cell)) for cell in cells)
    )


def _next_start(lines: list[str], cells: list[list[str]], index: int, end: int) -> int:
    """Where to look for a table next when the rows from `index` to `end` are none: the first
    of them after `index` that could begin one (`_may_start_table`), else `end`. Trying every
    row again was quadratic: 50,000 lines "a;b" (a paste at the import form's longest) took
    two and a half minutes."""
    for row in range(index + 1, end):
        if _may_start_table(lines[row], cells[row]):
            return row
    return max(end, index + 1)


def _tables_as_cells(text: str) -> tuple[str, set[int]]:
    """Rows of a table whose cells are separated by tabs, pipes, semicolons or aligned spaces
    (two lines or more with the same number of cells, two or more each; with semicolons,
    spaces or pipes without a pipe at the row's ends, under a header row starting "Aktivitet")
    with one cell per line, as a table whose cells come one per line is read; a pipe table's
    rule under its header is dropped. Also the numbers of the lines that are cells: a cell is
    never page furniture ("9", a count, is no page number)."""
    lines = text.split("\n")
    if "┼" in text or "+-" in text or "┬" in text:
        lines = _grid_rows(lines)
    lines = [line for line in lines if not _PIPE_RULE.fullmatch(line) or "-" not in line]
    if "..." in text or "……" in text or ". . ." in text:
        lines = _leaders_as_tabs(lines)
    if _NUMBERED_HEADER_PRESENT.search(text):
        lines = _numbered_columns_joined(lines)
    lines = _rows_over_page_breaks(lines)
    lines = _spaced_columns_as_tabs(_columns_one_after_another(lines))
    if ":\n" in text:
        lines = _columns_deinterleaved(lines)
    cells = [_row_cells(line) for line in lines]
    table_rows: set[int] = set()
    index = 0
    while index < len(lines):
        width = len(cells[index])
        end = index
        sections: dict[int, str] = {}
        while end < len(lines) and width >= 2:
            if len(cells[end]) != width:
                filled = _cells_with_empty(lines[end], width) if end > index else None
                if (
                    filled is None
                    and end > index
                    and _CSV_HEADER.fullmatch(fold(cells[index][0]))
                    and (section := _section_row(lines[end]))
                ):
                    sections[end] = section
                    end += 1
                    continue
                if filled is None:
                    break
                cells[end] = filled
            end += 1
        while end - 1 in sections:
            del sections[end - 1]  # a promise's title under a table opens no row of it
            end -= 1
        by_semicolons = "\t" not in lines[index] and not _PIPE_ROW.fullmatch(lines[index])
        numbered = (
            width >= 3
            and end - index >= 2
            and _NUMBER_COLUMN.fullmatch(fold(cells[index][0]))
            and all(_ROW_NUMBER.fullmatch(cells[row][0]) for row in range(index + 1, end))
        )
        header = cells[index][bool(numbered) :]
        if end - index >= 2 and any(_CHANNEL_COLUMN.fullmatch(fold(cell)) for cell in header):
            # A communication plan's table ("Vecka", "Aktivitet", "Kanal", "Ansvarig"): how the
            # promise is made known, not what it promises; each row a line of its own.
            for row in range(index, end):
                lines[row] = " · ".join(cell for cell in cells[row] if cell)
            index = end
            continue
        if end - index >= 2 and (not by_semicolons or _csv_header(header)):
            if numbered:
                for row in range(index, end):
                    cells[row] = cells[row][1:]
            if context := _without_context_column(cells[index:end]):
                cells[index:end] = context
            if sections:
                _sections_as_column(cells, index, end, sections)
                table_rows.update(range(index, end))
                index = end
                continue
            kept = _without_schedule(cells[index:end])
            if len(kept[0]) < len(cells[index]):
                cells[index:end] = kept
                _drop_schedule_legend(lines, index, end)
            above = index - 1
            while above > 0 and not lines[above].strip():
                above -= 1
            legend = _matrix_legend(lines[above]) if above >= 0 and above < index else None
            if matrix := _party_matrix(cells[index:end], legend):
                cells[index:end] = matrix
                if legend:
                    lines[above] = ""  # "A = ansvarar …, D = deltar": the matrix's legend
            if transposed := _transposed(cells[index:end]):
                cells[index] = [cell for row in transposed for cell in row]
                for row in range(index + 1, end):
                    cells[row] = []
                numbers = cells[index - 1] if index else []
                if len(numbers) == len(transposed) - 1 and all(
                    _ACTIVITY_NUMBER.fullmatch(fold(cell)) for cell in numbers
                ):
                    lines[index - 1] = ""  # "Aktivitet 1", "Aktivitet 2" …: the columns' numbers
            if parties := _party_lists(cells[index:end]):
                cells[index] = parties
                for row in range(index + 1, end):
                    cells[row] = []
            elif revised := _revised_wording(cells[index:end]):
                cells[index:end] = revised
            table_rows.update(range(index, end))
            index = end
        else:
            index = _next_start(lines, cells, index, end)
    result: list[str] = []
    cell_lines: set[int] = set()
    for number, line in enumerate(lines):
        if number in table_rows:
            cell_lines.update(range(len(result), len(result) + len(cells[number])))
            result += cells[number]
        else:
            result.append(line)
    return "\n".join(result), cell_lines
