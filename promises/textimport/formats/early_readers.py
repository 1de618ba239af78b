"""Readers `clean` runs early, before the other formats', each only when its mark is in the text:
a PDF's glyph codes (pdf_glyphs), a database client's result (psql_tables), a workbook's sheets
(workbook_sheets), CSV records over lines (csv_records), a digital wall's posts (board_posts), a
Pandoc definition list (definition_lists), a list of requirements (requirement_lists) and a
programme theory's logic model (logic_models) a page in Textile markup (textile), a
table's ditto marks (ditto_marks) and a TaskPaper list's tags (taskpaper)."""

from promises.textimport.formats.board_posts import board_posts_read
from promises.textimport.formats.csv_records import csv_records_read
from promises.textimport.formats.definition_lists import definition_lists_read
from promises.textimport.formats.ditto_marks import ditto_marks_read
from promises.textimport.formats.logic_models import logic_models_read
from promises.textimport.formats.pdf_glyphs import glyph_codes_read
from promises.textimport.formats.psql_tables import psql_tables_read
from promises.textimport.formats.requirement_lists import requirement_lists_read
from promises.textimport.formats.taskpaper import taskpaper_read
from promises.textimport.formats.textile import textile_read
from promises.textimport.formats.workbook_sheets import workbook_sheets_read


def early_readers_read(text: str) -> str:
    if "(cid:" in text:
        text = glyph_codes_read(text)
    if "-+-" in text:
        text = psql_tables_read(text)
    if "\n-------- " in text or text.startswith("-------- "):
        text = workbook_sheets_read(text)
    if '","' in text or '";"' in text:
        text = csv_records_read(text)
    if " · " in text:
        text = board_posts_read(text)
    if "\n:" in text:
        text = definition_lists_read(text)
    if "(SKA)" in text or "(BÖR)" in text:
        text = requirement_lists_read(text)
    if "\t" in text and ("resurs" in text or "Resurs" in text):
        text = logic_models_read(text)
    if "h1. " in text or "h2. " in text or "h3. " in text:
        text = textile_read(text)
    if "d:o" in text or "〃" in text:
        text = ditto_marks_read(text)
    if " @" in text:
        text = taskpaper_read(text)
    return text
