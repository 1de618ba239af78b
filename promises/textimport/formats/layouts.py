"""Forms, cards and sheets laid out as text, read as the lines they stand for: a form's check
boxes (the options ticked), a card's labels alone on their lines (joined to their values), a
spreadsheet printed with its row and column headings, its cells with line breaks in quotes, a
mind map's outline, bullets alone on their lines, a letter's head, a leaflet's figures ("Löftet
i siffror"), a legend telling which items are the promise's, a pivot table's groups and rows,
and a leaflet's tear-off reply card (a legend telling which symbol is whose is
formats/symbol_marks.py's)."""

import re

from promises.textimport.numbers import fold
from promises.textimport.owners import actor_kind, owner_after_dash

# A spreadsheet printed with its row and column headings (Excel's "Skriv ut rubriker"): a line
# of the columns' letters ("A   B   C   D") over rows numbered 1, 2, 3 … at the left margin, and
# above them the file's and the sheet's names ("Medborgarlöfte.xlsx   Blad1"). The letters and
# the names are dropped and the numbers made spaces, so that the cells keep their columns.
_SHEET_LETTERS = re.compile(r"^[ \t]*A(?:[ \t]+[B-Z]){1,25}[ \t]*$", re.MULTILINE)
_SHEET_NAME = re.compile(r"\S.*\.(?:xlsx|xlsm|xls|ods)[ \t]+(?:Blad|Sheet|Ark)[ \t]?\d{1,3}", re.I)
_SHEET_ROW = re.compile(r"([ \t]*)(\d{1,4})(?=[ \t]|$)")
_FEWEST_SHEET_ROWS = 3


def _without_sheet_headings(text: str) -> str:
    letters = _SHEET_LETTERS.search(text)
    if not letters:
        return text
    names = letters.group().split()
    if any(ord(b) - ord(a) != 1 for a, b in zip(names, names[1:], strict=False)):
        return text
    # The lines over the letters, the last one (the letters' own line's start) left out.
    before = text[: letters.start()].split("\n")[:-1]
    lines = text[letters.end() + 1 :].split("\n")
    rows: list[tuple[int, int]] = []  # (line index, end of the number)
    expected = None
    for index, line in enumerate(lines):
        match = _SHEET_ROW.match(line)
        if match and (expected is None or int(match.group(2)) == expected):
            rows.append((index, match.end()))
            expected = int(match.group(2)) + 1
        elif line.strip() and not line[:1].isspace():
            break  # a line at the margin, unnumbered: the sheet has ended
        elif not line.strip() and rows and index > rows[-1][0] + 1:
            break
    if len(rows) < _FEWEST_SHEET_ROWS:
        return text
    last = rows[-1][0]
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1  # a row's cell wrapped onto the lines under it
    for index, end in rows:
        lines[index] = " " * end + lines[index][end:]
    indent = min(
        (len(line) - len(line.lstrip(" \t")) for line in lines[: last + 1] if line.strip()),
        default=0,
    )
    lines[: last + 1] = [line[indent:] for line in lines[: last + 1]]
    for at in range(len(before) - 1, max(len(before) - 3, -1), -1):
        if _SHEET_NAME.match(before[at].strip()):
            before[at] = ""  # the file's and the sheet's names, a page header over the sheet
    return "\n".join([*before, *lines])


# A plan of which only some items are the promise's, as its legend says ("De är markerade med
# (ML) i listan nedan", "Aktiviteter märkta med * ingår i medborgarlöftet"): below the legend,
# the marked items lose their mark and the others (the plan's own, other parties') are dropped.
_ITEM_MARK_LEGEND = re.compile(
    r"\b(?:markerade|markerad|markerats|märkta|märkt|märkts|betecknade|utmärkta)\s+med\s+"
    r"(\([A-ZÅÄÖ]{1,4}\)|\*|★|☆)",
    re.IGNORECASE,
)
_LEGEND_NAMES_PROMISE = re.compile(r"l[öo]fte", re.IGNORECASE)
_LEGEND_REACH = 300
_MARKABLE_ITEM = re.compile(r"^[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]+(?=\S)")
_FEWEST_SENTENCE_WORDS = 6


def _only_marked_items(text: str) -> str:
    legend = _ITEM_MARK_LEGEND.search(text)
    if not legend:
        return text
    around = text[max(0, legend.start() - _LEGEND_REACH) : legend.end() + _LEGEND_REACH]
    if not _LEGEND_NAMES_PROMISE.search(around):
        return text
    mark = legend.group(1)
    at = text.find("\n", legend.end())
    if at < 0:
        return text
    lines = text[at + 1 :].split("\n")
    items = [(_MARKABLE_ITEM.match(line), line) for line in lines]
    if not any(item and mark in line[item.end() :][: len(mark) + 1] for item, line in items):
        return text  # no item opens with the mark: the legend is of something else
    kept = []
    for item, line in items:
        if not item:
            kept.append(line)
            continue
        body = line[item.end() :]
        if body.startswith(mark):
            kept.append(line[: item.end()] + body[len(mark) :].lstrip())
        elif not (body.rstrip().endswith(".") or len(body.split()) >= _FEWEST_SENTENCE_WORDS):
            kept.append(line)  # a numbered heading ("4. Uppföljning"), no item of the plan
    return text[: at + 1] + "\n".join(kept)


# A designed leaflet's figures, "Löftet i siffror": a number alone on its line, what it counts
# in lower case under it, and who does it on a short line under that ("30" over
# "trafikkontroller … under året" over "Polisen"), a blank line about each. Three such figures
# or more are made items, "• 30 trafikkontroller … under året – Polisen", read as an item with
# its owner after a dash is (the number alone would be dropped as a page number).
_FIGURE_PRESENT = re.compile(r"(?:^|\n)[ \t]*\n[ \t]*\d{1,4}[ \t]*\n[ \t]*[a-zåäö]")
_FIGURE = re.compile(r"\d{1,4}")
_FIGURE_OWNER = re.compile(r"[A-ZÅÄÖ][^.!?:;]{1,59}")
_FEWEST_FIGURES = 3


def _figures_as_items(text: str) -> str:
    lines = text.split("\n")
    figures: list[tuple[int, int, str]] = []  # (first line, line after, item)
    index = 1
    while index + 1 < len(lines):
        number, words = lines[index].strip(), lines[index + 1].strip()
        if (
            lines[index - 1].strip()
            or not _FIGURE.fullmatch(number)
            or not words[:1].islower()
            or not words[:1].isalpha()
        ):
            index += 1
            continue
        after = index + 2
        owner = lines[after].strip() if after < len(lines) else ""
        if (
            owner
            and _FIGURE_OWNER.fullmatch(owner)
            and (after + 1 >= len(lines) or not lines[after + 1].strip())
        ):
            figures.append((index, after + 1, f"• {number} {words} – {owner}"))
            index = after + 1
        elif not owner:
            figures.append((index, after, f"• {number} {words}"))
            index = after
        else:
            index += 1
    if len(figures) < _FEWEST_FIGURES:
        return text
    result: list[str] = []
    done = 0
    for first, end, item in figures:  # built in one pass (a slice replaced per figure was slow)
        result += lines[done:first]
        result.append(item)
        done = end
    return "\n".join(result + lines[done:])


# Rows copied from a spreadsheet whose cells hold line breaks: such a cell comes in double
# quotes, its own quotes doubled ('"Kampanjen ""Vi bryr oss"""'), its lines on lines of their own.
_MOST_CELL_LINES = 12
# Two parties' names, one a line, in one cell ("Polisen" over "Kommunen"): side by side.
_SHORT_NAME = re.compile(r"[A-ZÅÄÖ][\w-]*(?: [\w-]+){0,2}")


def _party_name(text: str) -> bool:
    return bool(_SHORT_NAME.fullmatch(text) and actor_kind(fold(text)))


def _cell_lines_joined(pieces: list[str]) -> str:
    """A spreadsheet cell's lines as one: after a space, or "/" between two parties' names
    ("Polisen/Kommunen")."""
    joined = ""
    for piece in (piece.strip() for piece in pieces):
        if not piece:
            continue
        if joined and _party_name(joined.rsplit("/", 1)[-1]) and _party_name(piece):
            joined += "/" + piece
        else:
            joined = f"{joined} {piece}" if joined else piece
    return joined


def _quoted_cell(lines: list[str], position: int, at: int) -> tuple[str, int, int] | None:
    """The quoted cell opening at lines[position][at] ('"'): its text unquoted, its lines
    joined, and where it ends (line, offset after its closing quote); None when it is no
    such cell (its quote closes before anything but a tab or the line's end, or never)."""
    first, line, at = position, lines[position], at + 1
    pieces, chunk = [], []
    while True:
        quote = line.find('"', at)
        if quote < 0:
            pieces.append("".join(chunk) + line[at:])
            chunk = []
            position += 1
            if position >= len(lines) or position - first > _MOST_CELL_LINES:
                return None
            line, at = lines[position], 0
        elif line.startswith('""', quote):
            chunk.append(line[at:quote] + '"')
            at = quote + 2
        else:
            pieces.append("".join(chunk) + line[at:quote])
            at = quote + 1
            if at < len(line) and line[at] != "\t":
                return None
            return _cell_lines_joined(pieces), position, at


def _spreadsheet_row(lines: list[str], index: int) -> tuple[str, int] | None:
    """The row of tab-separated cells starting at lines[index] with its quoted cells' lines
    joined, and the index after it; None unless a quoted cell of it goes over lines."""
    cells: list[str] = []
    position, line, at = index, lines[index], 0
    over_lines = False
    while True:
        if line.startswith('"', at):
            cell = _quoted_cell(lines, position, at)
            if cell is None:
                return None
            text, ended, at = cell
            over_lines = over_lines or ended > position
            position, line = ended, lines[ended]
            cells.append(text)
        else:
            tab = line.find("\t", at)
            end = len(line) if tab < 0 else tab
            cells.append(line[at:end])
            at = end
        if at >= len(line):
            break
        at += 1  # the tab
        if at == len(line):
            cells.append("")  # an empty last cell
            break
    return ("\t".join(cells), position + 1) if over_lines and len(cells) >= 2 else None


def _spreadsheet_cells_joined(text: str) -> str:
    """Rows copied from a spreadsheet (cells set apart by tabs) with each cell that holds line
    breaks, in quotes as a spreadsheet copies it, on one line: '1\t"Trafikkontroller vid
    hamnen' + 'Fokus på mopeder"\tPolisen' gives '1\tTrafikkontroller vid hamnen Fokus på
    mopeder\tPolisen'."""
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        row = (
            _spreadsheet_row(lines, index)
            if '"' in line and ("\t" in line or line.startswith('"'))
            else None
        )
        if row is None:
            result.append(line)
            index += 1
        else:
            result.append(row[0])
            index = row[1]
    return "\n".join(result)


# A mind map exported as text: each node on a line of its own, indented by a tab per level
# under the map's title.
_FEWEST_OUTLINE_NODES = 8
_FEWEST_DEEP_NODES = 3
_FEWEST_MARGIN_BRANCHES = 3


def _outline_as_items(text: str) -> str:
    """A mind map's outline as the reader reads lists: its branches ("Polisen", "Vårt löfte")
    headings, a node whose children have none an item ("• Hastighetskontroller vid skolorna")
    with its children's words after it, set apart by commas ("…, minst 24 under
    löftesperioden"), and a leaf beside such items an item too. Text that is no such outline
    (nodes deeper than the one above by more than a level, a tab inside a line) is kept."""
    lines = text.split("\n")
    depths: list[int | None] = []
    previous = 0
    for line in lines:
        words = line.lstrip("\t")
        if not words.strip():
            depths.append(None)
            continue
        depth = len(line) - len(words)
        if "\t" in words or depth > previous + 1:
            return text
        depths.append(depth)
        previous = depth
    indented = [depth for depth in depths if depth]
    deep = [depth for depth in indented if depth >= 2]
    if len(indented) < _FEWEST_OUTLINE_NODES or len(deep) < _FEWEST_DEEP_NODES:
        return text
    nodes = [(depth, lines[i].strip()) for i, depth in enumerate(depths) if depth is not None]
    # Whether each node has children, and whether any of those has children.
    children = [
        i + 1 < len(nodes) and nodes[i + 1][0] > depth for i, (depth, _t) in enumerate(nodes)
    ]
    # A notebook's outline (OneNote, Workflowy) has its branches at the margin, several with
    # nodes under them, and no title above them: its items are a level higher than a map's.
    margin_branches = sum(1 for i, (depth, _t) in enumerate(nodes) if not depth and children[i])
    item_depth = 1 if margin_branches >= _FEWEST_MARGIN_BRANCHES else 2
    items: set[int] = set()
    for i, (depth, _text) in enumerate(nodes):
        if depth < item_depth or not children[i]:
            continue
        end = i + 1
        while end < len(nodes) and nodes[end][0] > depth:
            end += 1
        if not any(children[i + 1 : end]):
            items.add(i)
    parents: list[int] = []
    stack: list[int] = []  # the nodes above the current one, a level each
    for i, (depth, _text) in enumerate(nodes):
        del stack[depth:]
        parents.append(stack[-1] if stack else -1)
        stack.append(i)
    with_items = {parents[i] for i in items}
    result: list[str] = []
    i = 0
    while i < len(nodes):
        depth, words = nodes[i]
        end = i + 1
        while end < len(nodes) and nodes[end][0] > depth:
            end += 1
        if i in items:
            # "Nattvandring i centrum – Föreningen Nattvandrarna": the owner stays last
            owner = owner_after_dash(words)
            joined = words[: owner.start()] if owner else words
            for _depth, detail in nodes[i + 1 : end]:
                joined += (" " if joined.endswith((".", ",", ";", ":")) else ", ") + detail
            result.append(f"• {joined}{words[owner.start() :] if owner else ''}")
            i = end
            continue
        if depth == 1 or children[i]:
            result += ["", words]  # a branch: a heading
        elif depth >= item_depth and parents[i] in with_items:
            result.append(f"• {words}")
        else:
            result.append(words)
        i += 1
    return "\n".join(result)


# A form filled in with check boxes, as a word processor's form prints them: "Ansvarig:   ☒
# Polisen   ☐ Kommunen   ☐ Gemensamt   ☐ Annan aktör: ________", "Mål:   ☒ Minst   ☐ Högst
# Antal: 15". A box stands right before its option's words (a table's mark alone in its cell
# is no option).
_CHECKBOX = re.compile(r"[☐□☒☑⊠]|\[[ xX]\]")
_CHECKED = frozenset("☒☑⊠") | {"[x]", "[X]"}
_FEWEST_BOXES = 2
_OPTION_GAP = re.compile(r"[ \t]{2,}")
_EMPTY_FIELD = re.compile(r"[_.…\s–-]*")


def _field_value(text: str) -> str:
    """A field's words, "" when it was left empty ("Antal: ____", "Annan aktör: ________")."""
    label, colon, value = text.partition(":")
    if colon and _EMPTY_FIELD.fullmatch(value):
        return ""
    return text.strip()


def _ticked_line(line: str) -> str | None:
    """A line of check boxes as what was ticked: "Ansvarig: ☒ Polisen ☐ Kommunen" gives
    "Ansvarig: Polisen"; a ticked "Annan aktör: X" gives X, and a field after the options
    ("Antal: 15") is kept. None when nothing was ticked or written after the line's label; the
    line as it is when it is no line of options."""
    boxes = list(_CHECKBOX.finditer(line))
    if len(boxes) < _FEWEST_BOXES:
        return line
    ticked: list[str] = []
    rest: list[str] = []
    for number, box in enumerate(boxes):
        end = boxes[number + 1].start() if number + 1 < len(boxes) else len(line)
        segment = line[box.end() : end]
        if not segment[:1].strip() and not segment[1:2].strip():
            return line  # "☒   " or "☐" over nothing: a mark, no option
        option, *after = _OPTION_GAP.split(segment.strip(), maxsplit=1)
        if box.group() in _CHECKED:
            label, colon, value = option.partition(":")
            ticked.append(value.strip() if colon and _field_value(option) else label.strip())
        if after and (field := _field_value(after[0])):
            rest.append(field)
    label = line[: boxes[0].start()].rstrip()
    if not ticked and not rest and (not label or label.endswith(":")):
        return None
    return "  ".join(part for part in (label, ", ".join(ticked), *rest) if part)


def _ticked_options(text: str) -> str:
    """A form's lines of check boxes as the options ticked (`_ticked_line`)."""
    lines = []
    for line in text.split("\n"):
        if _CHECKBOX.search(line):
            ticked = _ticked_line(line)
            if ticked is None:
                continue
            line = ticked
        lines.append(line)
    return "\n".join(lines)


# A web page's cards copied as text: each label alone on its line over its value ("Vad" over
# "Kontroller av hastighet …", "Vem" over "Polisen", "Hur ofta" over "Minst två gånger i
# månaden"), as a definition list or a card's fields read. Two labels or more running so, one
# after another, in two cards or more, are joined to their values ("Vem: Polisen"); a table's
# header pasted a cell a line ("Ansvarig" over "Mål") and a column's cells ("Ansvarig" over
# "Polisen" over "Kommunen") are no such pairs.
_LONE_LABEL = re.compile(
    r"(?:vad|vem|hur ofta|när|var|ansvarig|ansvar|beskrivning|mål|omfattning|frekvens"
    r"|med vem|tillsammans med|samverkan med)[ \t]*:?",
    re.IGNORECASE,
)
_LONGEST_LONE_LABEL = 20
_FEWEST_CARDS = 2
_FEWEST_CARD_LABELS = 2


def _lone_label(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _LONGEST_LONE_LABEL and bool(_LONE_LABEL.fullmatch(stripped))


def _card_labels_joined(text: str) -> str:
    """A text's cards with each lone label on its value's line (see `_LONE_LABEL`)."""
    lines = text.split("\n")
    count = len(lines)
    paired = [
        index + 1 < count
        and _lone_label(lines[index])
        and bool(lines[index + 1].strip())
        and not _lone_label(lines[index + 1])
        and (index + 2 >= count or not lines[index + 2].strip() or _lone_label(lines[index + 2]))
        for index in range(count)
    ]
    runs: list[tuple[int, int]] = []  # (first label's index, number of labels)
    index = 0
    while index < count:
        if not paired[index]:
            index += 1
            continue
        first = index
        while index < count and paired[index]:
            index += 2
        runs.append((first, (index - first) // 2))
    runs = [run for run in runs if run[1] >= _FEWEST_CARD_LABELS]
    if len(runs) < _FEWEST_CARDS:
        return text
    joined: dict[int, str] = {}
    for first, labels in runs:
        for index in range(first, first + 2 * labels, 2):
            label = lines[index].strip().rstrip(":").rstrip()
            joined[index] = f"{label}: {lines[index + 1].strip()}"
    result = []
    index = 0
    while index < count:
        if index in joined:
            result.append(joined[index])
            index += 2
        else:
            result.append(lines[index])
            index += 1
    return "\n".join(result)


# A list copied from a PDF whose bullets stand on lines of their own, each item on the next
# line ("•" + "genomföra minst 25 narkotikakontroller …", "1." + "Trygghetsvandring …").
_LONE_BULLET_CHARS = "•·▪●○■‣⁃\uf0b7\uf0a7◆➢✓►▶"
_LONE_BULLET = re.compile(
    rf"^[ \t]*([{_LONE_BULLET_CHARS}]|\d{{1,2}}[.)])[ \t]*\n[ \t]*(?=[^\s{_LONE_BULLET_CHARS}])",
    re.MULTILINE,
)
_FEWEST_LONE_BULLETS = 2


# A letter's head: the sender's name and unit, the letter's fields ("Datum", "Diarienummer",
# "Er referens", "Handläggare" …, often beside the sender in a second column) and the
# recipient's address ending with its postal code and town ("455 80 Munkedal"), above the
# subject line. It holds no promise, heading or activity.
_LETTER_LABEL = re.compile(
    r"(?:datum|ert datum|diarienummer|diarienr|dnr|er referens|var referens|er beteckning"
    r"|var beteckning|beteckning|handlaggare|saknummer|saknr)(?=\s*:|\s{2,}|\s*$)"
)
_LETTER_CELL_GAP = re.compile(r"\t|\s{2,}")
_POSTAL_TOWN = re.compile(r"(?:S-)?\d{3} ?\d{2} [A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)?")
_LETTER_HEAD_LINES = 40
_FEWEST_LETTER_LABELS = 2
_LONGEST_LETTER_HEAD_LINE = 80


def _without_letter_head(text: str) -> str:
    """`text` without a letter's head: its first lines, up to the last one ending with a postal
    code and town, when two of a letter's fields or more stand among them and none of them is
    a sentence (or states the validity)."""
    lines = text.split("\n", _LETTER_HEAD_LINES)[:_LETTER_HEAD_LINES]
    labels: set[str] = set()
    end = None
    for index, line in enumerate(lines):
        cells = [cell for cell in _LETTER_CELL_GAP.split(line.strip()) if cell]
        closed = " ".join(cells)
        if len(closed) > _LONGEST_LETTER_HEAD_LINE or closed.endswith((".", "!", "?")):
            break
        folded = fold(closed)
        if "galler" in folded or "giltig" in folded:
            break
        for cell in cells:
            if label := _LETTER_LABEL.match(fold(cell)):
                labels.add(label.group())
        if cells and _POSTAL_TOWN.fullmatch(cells[-1]):
            end = index
    if end is None or len(labels) < _FEWEST_LETTER_LABELS:
        return text
    return text.split("\n", end + 1)[end + 1] if text.count("\n") > end else ""


def _lone_bullets_joined(text: str) -> str:
    """A list whose bullets stand alone on their lines, each bullet on its item's line."""
    if len(_LONE_BULLET.findall(text, 0, 200_000)) < _FEWEST_LONE_BULLETS:
        return text
    return _LONE_BULLET.sub(lambda match: f"{match.group(1)} ", text)


# A pivot table copied from a spreadsheet: its header "Radetiketter" (Excel's English "Row
# Labels") over each group's row with its sums by tabs ("Polisen", "3", "32") and the group's
# rows under it, indented by a tab ("Genomföra minst 24 trafikkontroller … per år", "1", "24"),
# down to its total ("Totalsumma", "Grand Total"). Read as the groups' names over their rows as
# "•" items, without the sums' columns, the header and the total.
_PIVOT_HEADER = re.compile(r"^[ \t]*(?:Radetiketter|Row Labels)(?:\t[^\n]*)?$", re.MULTILINE)
_PIVOT_TOTAL = re.compile(r"(?:Total ?summa|Grand Total|Summa totalt)\b", re.IGNORECASE)
_PIVOT_EMPTY = re.compile(r"\((?:tom|tomt|blank)\)", re.IGNORECASE)
_PIVOT_SUM = re.compile(r"[ \t]*-?\d[\d  ]*(?:[,.]\d+)?[ \t]*")


def _pivot_row(line: str) -> str:
    """A pivot table's row as its label, without its sums' cells."""
    cells = line.strip().split("\t")
    while len(cells) > 1 and (not cells[-1].strip() or _PIVOT_SUM.fullmatch(cells[-1])):
        cells.pop()
    return " ".join(cell.strip() for cell in cells if cell.strip())


def _pivot_tables_read(text: str) -> str:
    """Each pivot table's rows as its groups' names over "•" items (see `_PIVOT_HEADER`)."""
    lines = text.split("\n")
    kept: list[str] = []
    in_table = False
    for line in lines:
        if _PIVOT_HEADER.fullmatch(line):
            in_table = True
            continue
        if in_table:
            label = _pivot_row(line)
            if not label or _PIVOT_TOTAL.match(label):
                in_table = False
                if label:
                    continue
            elif _PIVOT_EMPTY.fullmatch(label):
                continue
            elif line[:1] in "\t ":
                kept.append(f"• {label}")
                continue
            else:
                if kept and kept[-1]:
                    kept.append("")
                kept.append(label)
                continue
        kept.append(line)
    return "\n".join(kept)


# A leaflet's tear-off slip: a line of dashes with scissors or "Klipp här" ("- - - ✂ Klipp här
# - - -") over a reply card ("SVARSKORT", "Frankeras ej", "Svarspost", "Mottagaren betalar
# portot"). The line is dropped, and the card under it when it is a reply card (its boxes and
# blanks are the reader's to fill in, no activities).
_CUT_LINE = re.compile(
    r"^[ \t]*[-–.·_ ]*(?:✂|✄|✁|\bklipp (?:här|ut|längs linjen)\b)[^\n]{0,80}$",
    re.MULTILINE | re.IGNORECASE,
)
_REPLY_CARD = re.compile(
    r"svarskort|svarspost|svarstalong|anmälningstalong|frankeras ej|betalar portot", re.I
)
_CUT_LINE_DASHES = re.compile(r"(?:[-–.·_] ?){4,}")


def _without_tear_off_slip(text: str) -> str:
    """The text without a tear-off slip's cut line, and without the reply card under it."""
    for match in _CUT_LINE.finditer(text):
        if not _CUT_LINE_DASHES.search(match.group()):
            continue  # "Klipp ut och spara" in a sentence is no cut line
        rest = text[match.end() :]
        if _REPLY_CARD.search(rest):
            return text[: match.start()].rstrip("\n")
        return text[: match.start()] + rest.lstrip("\n")
    return text


# A party's heading run in before its paragraph, as a letter or a blog post writes it: "Det här
# gör polisen: polisen kommer att genomföra …" is the heading "Det här gör polisen:" over the
# paragraph, read as the heading alone on its line is.
_RUN_IN_PARTY_HEADING = re.compile(
    r"^(?P<head>[ \t]*(?:det här|detta|så här) (?:gör|lovar) (?:vi på )?"
    r"(?:polisen|kommunen|staden|regionen|vi tillsammans|vi gemensamt)):[ \t]+(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)


def run_in_party_headings_read(text: str) -> str:
    """The text with each party heading run in before its paragraph on a line of its own."""
    return _RUN_IN_PARTY_HEADING.sub(lambda match: f"{match.group('head')}:\n", text)
