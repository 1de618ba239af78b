"""Open data: the datasets, their documented columns, the CSV and JSON writers, and the files.

Every dataset reads only published periods (`PromisePeriod.objects.published()`) and only the
public fields named in its columns. Rows are produced lazily, a chunk of database rows at a time,
so memory stays bounded and the query count grows with the number of chunks, never with the
number of rows.

A download is built whole before its first byte is sent (`Export.build`: into a temporary file,
in memory up to a few MB, then on disk) and answered with its exact length, so an error while
building becomes an error page, never a cut-off file. Built files are kept in the default file
storage for the public data version they were built from (`Export.open`) and reused until the
public data change.


The package's parts: `rows` (a query and a row function per dataset), `datasets` (the
datasets, their documented columns and the code lists) and `files` (the writers and the built
files). What the rest of the portal uses is named here.
"""

from followups.opendata.datasets import DATASETS, DATASETS_BY_SLUG, Dataset, code_lists
from followups.opendata.files import (
    EXCEL_FALSE,
    EXCEL_TRUE,
    FORMATS,
    Export,
    content_etag,
    dated,
)
from followups.opendata.rows import LIST_SEPARATOR, activity_rows, promise_rows

__all__ = [
    "DATASETS",
    "DATASETS_BY_SLUG",
    "EXCEL_FALSE",
    "EXCEL_TRUE",
    "FORMATS",
    "LIST_SEPARATOR",
    "Dataset",
    "Export",
    "activity_rows",
    "code_lists",
    "content_etag",
    "dated",
    "promise_rows",
]
