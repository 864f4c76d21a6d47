"""What an export or an import did: ``ExportReport`` (counts, and everything a format could not
carry), ``ImportReport`` and its ``ImportProblem`` lines (file, line, reason)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from ..plural import count

if TYPE_CHECKING:
    from .common import DocData

EXAMPLES = 5  # examples kept per "could not carry" category
_TYPE = attrgetter("type")


@dataclass
class ExportReport:
    """What an export wrote, and everything the format could not carry.

    Attributes:
        format: format name.
        out: output path.
        documents: documents written, and ``splits`` per split.
        spans, events, relations: counts per label/type.
        not_carried: ``{what: {"count": n, "examples": [...]}}``.
        moved_boundaries: span boundaries moved to token edges.
        token_edges: token formats: the scheme and how many spans had an edge inside a token, per
            outcome (``widened`` to the token, or ``split_out``: kept, the clitic cut off).
        cancelled: the export was cancelled; nothing was written.
        files: files written (relative to ``out``).
    """

    format: str
    out: str
    documents: int = 0
    total: int = 0
    splits: Counter[str] = field(default_factory=Counter)
    spans: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    not_carried: dict[str, dict[str, Any]] = field(default_factory=dict)
    moved_boundaries: int = 0
    token_edges: dict[str, Any] = field(default_factory=dict)
    tokens: int = 0
    sentences: int = 0
    offsets: str = "codepoints"
    cancelled: bool = False
    files: list[str] = field(default_factory=list)
    report_path: str | None = None
    left_out: Counter[str] = field(default_factory=Counter)  # documents not selected, per status

    def lost(self, what: str, example: str, count: int = 1) -> None:
        """Record that ``count`` things of kind ``what`` could not be carried."""
        entry = self.not_carried.setdefault(what, {"count": 0, "examples": []})
        entry["count"] += count
        if len(entry["examples"]) < EXAMPLES:
            entry["examples"].append(example)

    def edges(self, scheme: str, widened: int, split_out: int) -> None:
        """Count the spans of one document whose edges fell inside a token under ``scheme``."""
        if not self.token_edges:
            self.token_edges.update(scheme=scheme, widened=0, split_out=0)
        self.token_edges["widened"] += widened
        self.token_edges["split_out"] += split_out

    def count(self, data: DocData) -> None:
        self.documents += 1
        self.splits[data.split] += 1
        self.spans.update(data.columns().labels)
        if data.events:
            self.events.update(map(_TYPE, data.events))
        if data.relations:
            self.relations.update(map(_TYPE, data.relations))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "out": self.out,
            "cancelled": self.cancelled,
            "documents": self.documents,
            "not_exported_per_status": dict(sorted(self.left_out.items())),
            "splits": dict(self.splits),
            "spans_per_label": dict(sorted(self.spans.items())),
            "events_per_type": dict(sorted(self.events.items())),
            "relations_per_type": dict(sorted(self.relations.items())),
            "tokens": self.tokens,
            "sentences": self.sentences,
            "moved_boundaries": self.moved_boundaries,
            **({"token_edges": self.token_edges} if self.token_edges else {}),
            "offsets": self.offsets,
            "not_carried": self.not_carried,
            "files": self.files,
        }

    def left_out_line(self) -> str:
        """"N documents not exported (status new: 3, in progress: 1)", or "" when none was left out."""
        n = sum(self.left_out.values())
        if not n:
            return ""
        per = ", ".join(f"{status}: {k}" for status, k in sorted(self.left_out.items()))
        return (f"{count(n, 'document')} not exported (status {per}); "
                "--status all (or the dialog's status choice) includes them")

    def lines(self) -> list[str]:
        if self.cancelled:
            return [f"export to {self.out} cancelled after {self.documents} of {count(self.total, 'document')}; "
                    "nothing was written"]
        out = [f"exported {count(self.documents, 'document')} as {self.format} to {self.out}"]
        left = self.left_out_line()
        if left:
            out.append(f"  {left}")
        if self.total == 0:
            out.append("  no document matched the selection (the default is --status done; try --status all)")
        if self.splits and (len(self.splits) > 1 or "all" not in self.splits):
            out.append("  splits: " + ", ".join(f"{k} {v}" for k, v in sorted(self.splits.items())))
        for title, counter in (("spans", self.spans), ("events", self.events), ("relations", self.relations)):
            if counter:
                out.append(f"  {title}: {sum(counter.values())} ("
                           + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) + ")")
        if self.tokens:
            out.append(f"  tokens: {self.tokens} in {self.sentences} sequences")
        if self.token_edges:
            e = self.token_edges
            out.append(f"  tokens {e['scheme']}: spans with an edge inside a token: {e['widened'] + e['split_out']} "
                       f"({e['widened']} widened to the token, {e['split_out']} kept with the clitic split out)")
        if self.moved_boundaries:
            out.append(f"  span boundaries moved to token edges: {self.moved_boundaries}")
        if self.not_carried:
            out.append("  not carried by this format:")
            for what, entry in sorted(self.not_carried.items()):
                ex = "; ".join(entry["examples"])
                out.append(f"    {what}: {entry['count']} (e.g. {ex})")
        else:
            out.append("  everything selected was carried")
        if self.report_path:
            out.append(f"  report: {self.report_path}")
        return out


@dataclass
class ImportProblem:
    """One bad line (or file) met by an importer."""

    file: str
    line: int | None
    reason: str
    severity: str = "error"  # "error": left out; "warning": read, but repaired as described

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.severity}: {self.reason}"


@dataclass
class ImportReport:
    """What an import of annotated files did.

    Attributes:
        format: format name.
        documents: ids of the documents imported (each written atomically with its annotations).
        problems: every bad line (left out) or repaired line, with file:line and reason.
        failed: files or documents not imported at all, with the reason; nothing of them was stored.
        added_labels: labels added to the schema (``unknown_labels="add"``).
        spans, events, relations: how many were imported.
        cancelled: stopped on request; the documents listed were imported, the rest were not.
    """

    format: str
    documents: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    failed: list[ImportProblem] = field(default_factory=list)
    added_labels: list[str] = field(default_factory=list)
    spans: int = 0
    events: int = 0
    relations: int = 0
    cancelled: bool = False

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "error"]

    def problem(self, file: str, line: int | None, reason: str, severity: str = "error") -> None:
        self.problems.append(ImportProblem(file, line, reason, severity))

    def lines(self) -> list[str]:
        out = [f"imported {count(len(self.documents), 'document')} ({count(self.spans, 'span')}, "
               f"{count(self.events, 'event')}, {count(self.relations, 'relation')}) from {self.format}"]
        if self.cancelled:
            out.append("  cancelled: documents not yet reached were not imported")
        if self.added_labels:
            out.append("  labels added to the schema: " + ", ".join(self.added_labels))
        for p in self.failed:
            out.append(f"  not imported: {p}")
        for p in sorted(self.problems, key=lambda p: (p.file, p.line or 0)):
            out.append(f"  {p}")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "documents": self.documents,
            "spans": self.spans,
            "events": self.events,
            "relations": self.relations,
            "added_labels": self.added_labels,
            "cancelled": self.cancelled,
            "failed": [str(p) for p in self.failed],
            "problems": [str(p) for p in self.problems],
        }
