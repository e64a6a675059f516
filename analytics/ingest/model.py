"""The small value types that travel through the import pipeline.

``Table`` is what decoding produces (headers, string cells, the physical line of each row);
``Reject`` is one refused row; ``ImportResult`` is what every import returns (to the page, the CLI
and the tests); ``Refusal`` is raised anywhere in the pipeline to refuse a whole file. Reasons are
:class:`~analytics.ingest.messages.Message` objects: English for ``str()``, any language on a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import pandas as pd

from analytics.i18n import Translator
from analytics.ingest.messages import Message, MessageError

Progress = Callable[[float, Message], None]
"""A progress callback: (fraction done in [0, 1], the step as a message to render in the reader's
language: ``ingest.step.*``)."""

IMPORTED = "imported"
REFUSED = "refused"
ALREADY_IMPORTED = "already_imported"


class Refusal(MessageError):
    """The whole file is refused; the message says why and what was expected.

    ``Refusal("ingest.file.empty")`` or ``Refusal("ingest.format.unknown", format=name)``: a key of
    the ``ingest.po`` catalogues and its parameters.
    """


@dataclass(frozen=True)
class Reject:
    """One rejected row: its line in the file (1-based, header = line 1), column, why, raw text.

    ``message`` says why (a plain text is accepted and kept as is); ``reason`` is its English text.
    """

    line: int | None
    column: str | None
    message: Message
    raw: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.message, Message):
            object.__setattr__(self, "message", Message.plain(str(self.message)))

    @property
    def reason(self) -> str:
        """Why the row was refused, in English (the command line, the store's ``reason``)."""
        return str(self.message)

    def text(self, t: Translator, *, markdown: bool = True) -> str:
        """Why the row was refused, in ``t``'s language (markdown for the page by default)."""
        return self.message.render(t, markdown=markdown)

    def public(self) -> dict[str, Any]:
        """The JSON shape of the command line: line, column, reason."""
        return {"line": self.line, "column": self.column, "reason": self.reason}


@dataclass
class Table:
    """A decoded file: header texts and one string column per header, row by row.

    ``frame`` has columns ``c0 .. cN`` (positional, so duplicate headers are harmless) holding ``str``
    ('' when empty); ``lines`` holds the physical line (or spreadsheet row) of each row.
    """

    headers: list[str]
    frame: pd.DataFrame
    lines: np.ndarray
    kind: str = "csv"
    encoding: str | None = None
    separator: str | None = None
    rejects: list[Reject] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.headers)

    def column(self, index: int) -> pd.Series:
        """The cells of column ``index`` (strings, '' when empty)."""
        return self.frame[f"c{index}"]

    def raw(self, row: int) -> str:
        """The row's cells joined back with the file's separator (for the rejects table)."""
        sep = self.separator or ";"
        return sep.join(str(value) for value in self.frame.iloc[row].tolist())


@dataclass
class ImportResult:
    """The outcome of importing one file.

    ``message`` is the English sentence about it (command line, ``imports.message``); ``detail`` the
    same as a :class:`Message`, to show in the reader's language (set both with :meth:`explain`).
    """

    file: str
    format: str | None
    status: str
    rows_read: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    rows_added: int = 0
    rejects: list[Reject] = field(default_factory=list)
    remarks: list[Reject] = field(default_factory=list)
    """Rows that landed but deserve a look (a duration that disagrees with its clock times)."""
    unplaced_rows: int = 0
    """Accepted rows whose coded value (level, status…) landed empty: no code matched its label."""
    message: str = ""
    created_agents: list[str] = field(default_factory=list)
    created_projects: list[str] = field(default_factory=list)
    target: str | None = None
    import_id: int | None = None
    detail: Message | None = None

    @property
    def refused(self) -> bool:
        """True when nothing of the file was imported because the file itself was refused."""
        return self.status == REFUSED

    def explain(self, detail: Message) -> None:
        """Set the sentence about this import (``detail``, and ``message`` in English)."""
        self.detail = detail
        self.message = str(detail)

    def text(self, t: Translator) -> str:
        """The sentence about this import in ``t``'s language, as markdown for the page."""
        if self.detail is not None:
            return self.detail.render(t)
        return Message.plain(self.message).render(t)

    def as_json(self) -> dict[str, Any]:
        """The object printed by ``import --json`` (English texts; rejects without their raw text)."""
        data = {item.name: getattr(self, item.name) for item in fields(self) if item.name != "detail"}
        data["rejects"] = [reject.public() for reject in self.rejects]
        data["remarks"] = [remark.public() for remark in self.remarks]
        data["created_agents"] = list(self.created_agents)
        data["created_projects"] = list(self.created_projects)
        return data
