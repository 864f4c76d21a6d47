"""The exports' read path: each document's stored span records, kept as they are stored.

``load_doc`` builds a ``Span`` for every span of every exported document (80 an article); most
writers only turn the spans' fields into text, which they do fastest a column at a time
(``spancols``). ``load_raw`` reads the same tables, selects and orders the span records exactly as
``load_doc`` selects and orders the spans, and returns a ``RawDoc``: a ``DocData`` whose ``columns()``
come straight from the records, and whose ``spans`` are built (the same values ``load_doc`` gives)
only if a writer asks for them. The records were validated when they were written, so nothing is
checked again here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Document, Event, Relation, Span
from .common import (
    DocData,
    ExportOptions,
    doc_tables,
    events_and_relations,
    selected_suggestions,
    selection,
    sorted_span_records,
    spans_from_records,
)
from .reports import ExportReport
from .spancols import SpanColumns


class RawDoc(DocData):
    """A ``DocData`` holding its spans as stored records (``records``, in the spans' order)."""

    def __init__(self, doc: Document, records: Sequence[Mapping[str, Any]], events: list[Event],
                 relations: list[Relation], split: str = "all", suggestions: list[Any] | None = None) -> None:
        self.doc = doc
        self.records = records
        self.events = events
        self.relations = relations
        self.split = split
        self.suggestions = suggestions if suggestions is not None else []
        self._spans: list[Span] | None = None
        self._cols: SpanColumns | None = None

    @property  # type: ignore[override]
    def spans(self) -> list[Span]:
        """The ``Span`` values, built from the records on first use."""
        if self._spans is None:
            self._spans = spans_from_records(self.records, self.doc.text)
        return self._spans

    @spans.setter
    def spans(self, value: list[Span]) -> None:
        self._spans = value
        self._cols = SpanColumns.of_spans(value, self.doc.text)

    def columns(self) -> SpanColumns:
        if self._cols is None:
            self._cols = SpanColumns.of_records(self.records, self.doc.text)
        return self._cols


def load_raw(project: Any, doc_id: str, opts: ExportOptions, report: ExportReport, split: str,
             info: Any = None) -> RawDoc:
    """``load_doc`` without building the spans: the same selection (``opts``), the same order, the
    same events, relations and suggestions, and the same things reported."""
    tables = doc_tables(project, doc_id)
    doc = Document.from_record(tables["document"]["1"])
    keep = selection(opts, doc.meta)
    recs = [] if info is not None and not info.n_spans else sorted_span_records(tables.get("spans"))
    if keep is not None and recs:
        labels, annotator = keep.labels, keep.annotator  # the test of ``keep``, on the records
        if labels is not None:
            recs = [r for r in recs if r["label"] in labels]
        if annotator is not None:
            recs = [r for r in recs if r.get("annotator") == annotator]
    data = RawDoc(doc, recs, [], [], split, selected_suggestions(project, doc_id, opts))
    data.events, data.relations = events_and_relations(project, tables, lambda: data.columns().ids, keep,
                                                       report, info)
    return data
