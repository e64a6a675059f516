"""Importing real files into the store.

The flow of DESIGN.md, one module per step: :mod:`~analytics.ingest.decode` (bytes → table: encoding,
separator, blank lines, totals rows, ragged rows, sheets, JSON) → :mod:`~analytics.ingest.formats`
(detect the format from the headers) → :mod:`~analytics.ingest.mapping` (generic sheets: column
mapping) → :mod:`~analytics.ingest.parse` (French/US numbers, dates, times, durations) →
:mod:`~analytics.ingest.build` (validate row by row; people and projects via
:mod:`~analytics.ingest.people`, residents pseudonymised) → :mod:`~analytics.ingest.pipeline` (one
transaction per file, bookkeeping, derived refresh).

Every reason given along the way (a refused row, a refused file, a note) is a
:class:`~analytics.ingest.messages.Message`: a key of the ``ingest.po`` catalogues and its
parameters, English for ``str()`` (the command line) and rendered in the reader's language on the Data
page; :mod:`~analytics.ingest.review` reads kept rows and summaries back from the store.
"""

from analytics.ingest.model import ImportResult, Refusal, Reject
from analytics.ingest.pipeline import import_batch, import_file, import_files

__all__ = ["ImportResult", "Refusal", "Reject", "import_batch", "import_file", "import_files"]
