"""Shared machinery of the exporters and importers: options, and the documents as exporters see them
(selection, splits, spans, events and relations, what a format could not carry). The reports are in
``reports``, staging and JSON files in ``staging``, nesting and tag schemes in ``tagging``.

An export selects documents (status, labels, annotator), assigns each to a split, hands them one by
one to a format's writer inside a staging folder, and only moves the result into place when every
document was written; a failure or a cancel leaves nothing behind. The report counts what was
exported and everything the format could not carry.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter, itemgetter, lt
from types import MappingProxyType
from typing import Any

from ..errors import AnnotationError, ProjectCorruptError
from ..model import _EMPTY as _EMPTY_MAPPING
from ..model import STATUSES, Document, Event, Relation, Span
from ..store.docfile import TABLES
from ..team.layers import GOLD
from ..team.layers import META_KEY as CURATION_KEY
from ..token_schemes import DEFAULT_SCHEME, scheme_name
from .reports import ExportReport
from .spancols import SpanColumns

_FIRST_OF = itemgetter(0)
ANY_ANNOTATOR = "*"  # the annotator option meaning every annotator (also in a curation document)
_ATTRIBUTES, _NOTE, _ANNOTATOR = attrgetter("attributes"), attrgetter("note"), attrgetter("annotator")
SPLIT_NAMES = ("train", "dev", "test")


class FormatError(AnnotationError):
    """An export or import that cannot be done as asked (bad option, output exists...)."""


# ------------------------------------------------------------------------------------------------
# options
# ------------------------------------------------------------------------------------------------
@dataclass
class ExportOptions:
    """Everything an exporter may be told; ``from_dict`` accepts the CLI's spelling.

    Attributes:
        status: statuses to export, or ``None`` for all.
        labels: span labels, event types and relation types to keep, or ``None`` for all.
        annotator: keep only annotations made by this annotator; ``"*"``: every annotator. Default:
            every annotator, except in a curation document (team work), whose gold layer is exported.
        tokens: the tokenisation scheme of token formats (``token_schemes.SCHEMES``).
        clitics: ``"split"`` or ``"keep"``: the old names of ``proclitics`` and ``whitespace``
            (derived from ``tokens``; given alone it chooses the scheme).
        scheme: ``"iob2"`` or ``"bioes"`` (token formats).
        nested: ``"outermost"``, ``"innermost"`` (flat projections) or ``"levels"`` (CoNLL, Wojood: one
            tag column per nesting level).
        sentences: ``False`` writes one sequence per document (token formats).
        split: ratios for train/dev/test, or ``None`` for no split.
        seed: seed of the split.
        shards: ``--format shards``: files per dataset and split.
        offsets: ``"codepoints"`` or ``"utf16"`` (Label Studio, doccano).
        labelstudio_key: ``"annotations"`` or ``"predictions"``.
        doccano: ``"labels"`` (``{"text", "label"}``) or ``"relations"`` (entities + relations).
        include_suggestions: also write the open suggestions (Label Studio ``predictions`` only).
        overwrite: replace an existing output.
    """

    status: tuple[str, ...] | None = ("done",)
    labels: frozenset[str] | None = None
    annotator: str | None = None
    tokens: str = DEFAULT_SCHEME
    clitics: str = "split"
    scheme: str = "iob2"
    nested: str = "outermost"
    sentences: bool = True
    split: tuple[float, ...] | None = None
    seed: int = 0
    shards: int = 0
    offsets: str = "codepoints"
    labelstudio_key: str = "annotations"
    doccano: str = "labels"
    include_suggestions: bool = False
    overwrite: bool = False

    @classmethod
    def from_dict(cls, options: Mapping[str, Any] | None) -> ExportOptions:
        opts = dict(options or {})
        unknown = set(opts) - set(cls.__dataclass_fields__)
        if unknown:
            raise FormatError(f"unknown export option(s): {', '.join(sorted(unknown))}")
        status = opts.get("status", ("done",))
        if isinstance(status, str):
            status = None if status == "all" else tuple(s.strip() for s in status.split(",") if s.strip())
        elif status is not None:
            status = tuple(status)
            if "all" in status:
                status = None
        if status is not None:
            bad = [s for s in status if s not in STATUSES]
            if bad:
                raise FormatError(f"status {', '.join(map(repr, bad))} is not one of {', '.join(STATUSES)} "
                                  "(or all)")
        labels = opts.get("labels")
        if isinstance(labels, str):
            labels = [s.strip() for s in labels.split(",") if s.strip()]
        split = opts.get("split")
        if isinstance(split, str):
            try:
                split = tuple(float(x) for x in split.split(","))
            except ValueError:
                raise FormatError(f"--split {split!r}: give ratios such as 0.8,0.1,0.1") from None
        if split is not None:
            split = tuple(float(x) for x in split)
            if not 1 <= len(split) <= 3 or any(x < 0 for x in split) or sum(split) <= 0:
                raise FormatError(f"split {split}: give one to three non-negative ratios (train,dev,test)")
        tokens = _token_scheme(opts.get("tokens"), opts.get("clitics"))
        o = cls(
            status=status,
            labels=frozenset(labels) if labels is not None else None,
            annotator=opts.get("annotator") or None,
            tokens=tokens,
            clitics="keep" if tokens == "whitespace" else "split",
            scheme=opts.get("scheme", "iob2"),
            nested=opts.get("nested") or "outermost",
            sentences=bool(opts.get("sentences", True)),
            split=split,
            seed=int(opts.get("seed", 0)),
            shards=_count(opts.get("shards"), "shards"),
            offsets=opts.get("offsets", "codepoints"),
            labelstudio_key=opts.get("labelstudio_key", "annotations"),
            doccano=opts.get("doccano", "labels"),
            include_suggestions=bool(opts.get("include_suggestions", False)),
            overwrite=bool(opts.get("overwrite", False)),
        )
        for name, allowed in (
            ("scheme", ("iob2", "bioes")),
            ("nested", ("outermost", "innermost", "levels")),
            ("offsets", ("codepoints", "utf16")),
            ("labelstudio_key", ("annotations", "predictions")),
            ("doccano", ("labels", "relations")),
        ):
            if getattr(o, name) not in allowed:
                raise FormatError(f"{name} must be one of {', '.join(allowed)}, not {getattr(o, name)!r}")
        return o


def _count(value: Any, name: str) -> int:
    try:
        n = int(value or 0)
    except (TypeError, ValueError):
        raise FormatError(f"--{name} {value!r}: give a whole number") from None
    if n < 0:
        raise FormatError(f"--{name} {n}: give a positive number")
    return n


def _token_scheme(tokens: str | None, clitics: str | None) -> str:
    """The scheme asked for by ``tokens`` and/or the old ``clitics`` option (either spelling in either)."""
    try:
        names = {scheme_name(x) for x in (tokens, clitics) if x is not None}
    except ValueError as exc:
        raise FormatError(str(exc)) from None
    if len(names) > 1:
        raise FormatError(f"tokens {tokens!r} and clitics {clitics!r} ask for different token schemes; give one")
    return names.pop() if names else DEFAULT_SCHEME


# ------------------------------------------------------------------------------------------------
# documents as exporters see them
# ------------------------------------------------------------------------------------------------
@dataclass
class DocData:
    """One document with the annotations selected for export."""

    doc: Document
    spans: list[Span]
    events: list[Event]
    relations: list[Relation]
    split: str = "all"
    suggestions: list[Any] = field(default_factory=list)  # open ones, with include_suggestions

    @property
    def text(self) -> str:
        return self.doc.text

    def whitespace_tokens(self) -> bool:
        """Documents imported from a token format keep their original (whitespace) tokens."""
        return self.doc.meta.get("tokenization") == "whitespace"

    def columns(self) -> SpanColumns:
        """The spans a field at a time (see ``spancols``); the lean read path's ``RawDoc`` gives the
        same lists from the stored records without building the spans."""
        cached = self.__dict__.get("_columns")
        if cached is None or cached[0] is not self.spans:
            cached = self.__dict__["_columns"] = (self.spans, SpanColumns.of_spans(self.spans, self.doc.text))
        return cached[1]


def spans_without_event(data: DocData, schema: Any) -> list[Span]:
    """The spans labelled with an event type that no exported event has as its trigger (formats
    without events read every such span back as an event unless told otherwise)."""
    event_types = {t.name for t in schema.event_types}
    if event_types.isdisjoint(data.columns().labels):  # most documents: no trigger at all
        return []
    triggers = {e.trigger for e in data.events}
    return [s for s in data.spans if s.label in event_types and s.id not in triggers]


def split_of(doc_ids: Sequence[str], ratios: Sequence[float] | None, seed: int) -> dict[str, str]:
    """Assign each document to train/dev/test, deterministically from ``seed``.

    Documents are ordered by a hash of ``(seed, id)`` (so the order they are stored in does not
    matter), then cut at the cumulative ratios.
    """
    if not ratios:
        return {d: "all" for d in doc_ids}
    order = sorted(doc_ids, key=lambda d: hashlib.sha256(f"{seed}:{d}".encode()).hexdigest())
    total = sum(ratios)
    out: dict[str, str] = {}
    lo, cum = 0, 0.0
    for name, r in zip(SPLIT_NAMES, ratios, strict=False):
        cum += r
        hi = round(len(order) * cum / total)
        for d in order[lo:hi]:
            out[d] = name
        lo = hi
    return out


def load_doc(project: Any, doc_id: str, opts: ExportOptions, report: ExportReport, split: str,
             info: Any = None) -> DocData:
    """Load one document with the annotations ``opts`` selects (``info``: its index entry, to skip
    asking for events/relations that the index says are not there).

    Read through ``Store.tables`` (each document read once from its file, not kept parsed), with the
    spans built by ``spans_of``: the same values as ``project.document`` and ``project.spans`` give.
    The exports themselves read through ``rawdoc.load_raw``, which builds the spans only on demand."""
    tables = doc_tables(project, doc_id)
    doc = Document.from_record(tables["document"]["1"])
    keep = selection(opts, doc.meta)
    if info is not None and not info.n_spans:
        spans = []
    else:
        spans = spans_of(tables.get("spans"), doc.text)
        if keep is not None:
            spans = [s for s in spans if keep(s)]
    events, relations = events_and_relations(project, tables, lambda: {s.id for s in spans}, keep, report, info)
    return DocData(doc, spans, events, relations, split, selected_suggestions(project, doc_id, opts))


def doc_tables(project: Any, doc_id: str) -> Mapping[str, Any]:
    """A document's stored tables (``Store.tables``), refusing a file without its document record."""
    tables = project._store.tables(doc_id)
    if (tables.get("document") or {}).get("1") is None:
        raise ProjectCorruptError(f"document file of {doc_id} has no document record", str(doc_id))
    return tables


def selection(opts: ExportOptions, meta: Mapping[str, Any]) -> Selection | None:
    """What an annotation must be to be exported, or None when every one is. A curation document
    exports its adjudicated layer unless told otherwise."""
    annotator = opts.annotator
    if annotator is None and CURATION_KEY in meta:
        annotator = GOLD
    elif annotator == ANY_ANNOTATOR:
        annotator = None
    if opts.labels is None and annotator is None:
        return None
    return Selection(opts.labels, annotator)


@dataclass(frozen=True)
class Selection:
    """The labels (``None``: any) and the annotator (``None``: any) of the annotations exported;
    called with an annotation, tells whether it is one of them."""

    labels: frozenset[str] | None
    annotator: str | None

    def __call__(self, a: Any) -> bool:
        if self.labels is not None and a.label not in self.labels:
            return False
        return self.annotator is None or a.annotator == self.annotator


def events_and_relations(project: Any, tables: Mapping[str, Any], span_ids: Any, keep: Selection | None,
                         report: ExportReport, info: Any = None) -> tuple[list[Event], list[Relation]]:
    """The events and relations to export with the kept spans (``span_ids()`` gives their ids): those
    ``keep`` keeps whose trigger/arguments were kept too; what a filter cut off is reported."""
    has_events = info is None or info.n_events
    has_relations = info is None or info.n_relations
    if not has_events and not has_relations:
        return [], []
    stored = _Stored(tables)
    ids = set(span_ids())
    events = []
    for e in project._events_of(stored) if has_events else ():
        if keep is not None and not keep(e):
            continue
        if e.trigger not in ids:
            report.lost("events whose trigger was filtered out", f"{e.id} {e.type}")
        else:
            events.append(e)
    ids |= {e.id for e in events}
    kept_events = []
    for e in events:
        args = tuple(a for a in e.arguments if a[1] in ids)
        if len(args) != len(e.arguments):
            report.lost("event arguments whose target was filtered out", f"{e.id} {e.type}",
                        len(e.arguments) - len(args))
            e = dataclasses.replace(e, arguments=args)
        kept_events.append(e)
    relations = []
    for r in project._relations_of(stored) if has_relations else ():
        if keep is not None and not keep(r):
            continue
        if r.arg1 not in ids or r.arg2 not in ids:
            report.lost("relations whose argument was filtered out", f"{r.id} {r.type}")
        else:
            relations.append(r)
    return kept_events, relations


def selected_suggestions(project: Any, doc_id: str, opts: ExportOptions) -> list[Any]:
    """The open suggestions to export (``include_suggestions``), of the selected labels."""
    if not opts.include_suggestions:
        return []
    return [s for s in project.suggestions(doc_id) if opts.labels is None or s.label in opts.labels]


class _Stored:
    """A document's stored tables, read as the project's view builders (``_events_of``...) read a ``DocFile``."""

    def __init__(self, tables: Mapping[str, Any]) -> None:
        self.tables = tables
        self.views: dict[str, Any] = {}

    def raw(self, kind: str) -> Iterable[Mapping[str, Any]]:
        return (self.tables.get(TABLES[kind]) or {}).values()

    def raw_doc(self) -> Mapping[str, Any] | None:
        return (self.tables.get("document") or {}).get("1")


_SPAN_DEFAULTS: dict[str, Any] = {"attributes": None, "note": None, "annotator": None, "created": "", "modified": ""}
_SPAN_FIELDS = frozenset(("id", "doc", "start", "end", "label", *_SPAN_DEFAULTS))
_START_OF, _END_OF, _ATTRIBUTES_OF = itemgetter("start"), itemgetter("end"), itemgetter("attributes")
_new, _set = object.__new__, object.__setattr__


def spans_of(table: Mapping[str, Mapping[str, Any]] | None, text: str) -> list[Span]:
    """The ``Span`` values of a stored span table (local number -> record), sorted by start, longest
    first, then by number: equal to ``Span.from_record`` of each in ``project.spans``' order."""
    return spans_from_records(sorted_span_records(table), text)


def sorted_span_records(table: Mapping[str, Mapping[str, Any]] | None) -> list[Mapping[str, Any]]:
    """The records of a stored span table in ``project.spans``' order: by start, longest first, then
    by number (two stable sorts on C keys; the table is usually in number order already)."""
    if not table:
        return []
    recs = list(table.values())
    if list(table) != _numbers(len(recs)):  # usual: "1", "2", ... in order (no span removed yet)
        numbers = list(map(int, table))  # a record's table key is its local number (see store.docfile)
        if numbers != sorted(numbers):
            recs = [r for _, r in sorted(zip(numbers, recs, strict=True), key=_FIRST_OF)]
    starts = list(map(_START_OF, recs))
    if all(map(lt, starts, starts[1:])):  # each starts after the one before: in order already
        return recs
    return sorted(sorted(recs, key=_END_OF, reverse=True), key=_START_OF)


_NUMBERS: list[str] = []


def _numbers(n: int) -> list[str]:
    """``["1", ..., str(n)]``, the keys of a span table none of whose spans was removed."""
    if len(_NUMBERS) < n:
        _NUMBERS.extend(map(str, range(len(_NUMBERS) + 1, 2 * n + 1)))
    return _NUMBERS[:n]


def spans_from_records(recs: Sequence[Mapping[str, Any]], text: str) -> list[Span]:
    """``Span.from_record`` of each record, in their order.

    Every export that asks for ``Span`` values builds one per span (80 an article), so the work is
    done a column at a time by functions written in C (``map`` over records) instead of one Python
    call per span: each span's fields are its record's (defaults for what an older record lacks),
    its ``text`` is sliced from the document's, and empty attributes share one empty mapping."""
    n = len(recs)
    if not n:
        return []
    if all(map(_SPAN_FIELDS.issubset, recs)):  # the app writes every field
        fields = list(map(dict, recs))
    else:  # an older record may lack the optional ones
        fields = list(map(dict.copy, repeat(_SPAN_DEFAULTS, n)))
        deque(map(dict.update, fields, recs), 0)
    texts = map(text.__getitem__, map(slice, map(_START_OF, recs), map(_END_OF, recs)))
    deque(map(dict.__setitem__, fields, repeat("text"), texts), 0)
    if any(map(_ATTRIBUTES_OF, fields)):
        for f in fields:
            f["attributes"] = MappingProxyType(dict(f["attributes"])) if f["attributes"] else _EMPTY_MAPPING
    else:
        deque(map(dict.__setitem__, fields, repeat("attributes"), repeat(_EMPTY_MAPPING, n)), 0)
    spans: list[Span] = list(map(_new, repeat(Span, n)))
    # a frozen dataclass is filled through object.__setattr__, as Span.from_record does field by field
    deque(map(_set, spans, repeat("__dict__"), fields), 0)
    return spans


def lost_extras(data: DocData, report: ExportReport, fmt: str, kinds: Sequence[str] = ("span",),
                notes_only: bool = False) -> None:
    """Report the attributes and notes of ``kinds`` of annotation that ``fmt`` cannot hold."""
    groups: tuple[tuple[str, Sequence[Any] | None], ...] = (
        ("span", None), ("event", data.events), ("relation", data.relations))
    for kind, items in groups:
        if kind not in kinds:
            continue
        if items is None:  # the spans: looked into a column at a time, built only if one has extras
            if not data.columns().any_extras():
                continue
            items = data.spans
        if not items:
            continue
        # most annotations have neither: look for one in C before visiting each
        if not any(map(_ATTRIBUTES, items)) and not any(map(_NOTE, items)):
            continue
        for a in items:
            if a.attributes and not notes_only:
                report.lost(f"{kind} attributes ({fmt} has none)", f"{a.id} {dict(a.attributes)}")
            if a.note:
                report.lost(f"{kind} notes ({fmt} has none)", f"{a.id} {a.note[:40]!r}")


def lost_annotators(data: DocData, report: ExportReport, written: bool) -> None:
    """Report the annotations whose annotator name a round trip does not bring back: no format but
    the native one writes it, and no import reads it (imported annotations are the importing
    session's)."""
    annotators = data.columns().annotators
    n = len(annotators) - annotators.count(None)
    for items in (data.events, data.relations):
        if items:
            n += len(items) - list(map(_ANNOTATOR, items)).count(None)
    if n:
        what = ("annotator names (written, but an import credits the importing session)" if written
                else "annotator names (the format has none; an import credits the importing session)")
        report.lost(what, f"{data.doc.id}: {n}", n)


def utf16_offsets(text: str) -> list[int]:
    """``table[i]`` = UTF-16 code units before code point ``i`` (for JavaScript tools)."""
    table = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        table[i] = n
        n += 2 if ord(ch) > 0xFFFF else 1
    table[len(text)] = n
    return table


def codepoint_from_utf16(text: str) -> dict[int, int]:
    """Inverse of ``utf16_offsets``: UTF-16 offset -> code point index (only at code point edges)."""
    return {u: i for i, u in enumerate(utf16_offsets(text))}
