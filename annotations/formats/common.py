"""Shared machinery of the exporters and importers: options, selection, splits, reports, staging.

An export selects documents (status, labels, annotator), assigns each to a split, hands them one by
one to a format's writer inside a staging folder, and only moves the result into place when every
document was written; a failure or a cancel leaves nothing behind. The report counts what was
exported and everything the format could not carry.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, gt, itemgetter, le, lt, sub
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import AnnotationError, ProjectCorruptError
from ..model import _EMPTY as _EMPTY_MAPPING
from ..model import STATUSES, Document, Event, Relation, Span
from ..plural import count
from ..store.docfile import TABLES
from ..store.files import atomic_write_bytes
from ..team.layers import GOLD
from ..team.layers import META_KEY as CURATION_KEY
from ..token_schemes import DEFAULT_SCHEME, scheme_name
from .spancols import SpanColumns

EXAMPLES = 5  # examples kept per "could not carry" category
_START, _END, _LABEL, _TYPE = attrgetter("start"), attrgetter("end"), attrgetter("label"), attrgetter("type")
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


# ------------------------------------------------------------------------------------------------
# nesting
# ------------------------------------------------------------------------------------------------


def _by_start_longest_first(spans: Iterable[Span]) -> list[Span]:
    """``spans`` sorted by ``(start, -end)``, ties in their order: two stable sorts with C keys
    (faster than one with a Python key, and this runs for every exported document)."""
    return sorted(sorted(spans, key=_END, reverse=True), key=_START)


def in_order_apart(starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether each of these ranges starts after the one before and ends before the next starts
    (most documents' spans): then they are already in ``(start, -end)`` order and no two overlap, so
    every flat projection keeps them all as they are. Checked in C, a column at a time."""
    after = starts[1:]
    return all(map(lt, starts, after)) and all(map(le, ends, after))


def _apart(spans: Sequence[Span]) -> bool:
    return in_order_apart(list(map(_START, spans)), list(map(_END, spans)))


def outermost(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Keep spans not inside (or crossing) an earlier, longer one; return ``(kept, dropped)``.

    ``spans`` must be sorted by ``(start, -end)`` (the core's order).
    """
    if _apart(spans):
        return list(spans), []
    kept: list[Span] = []
    dropped: list[Span] = []
    end = -1
    for s in _by_start_longest_first(spans):
        if s.start < end:
            dropped.append(s)
        else:
            kept.append(s)
            end = s.end
    return kept, dropped


def innermost(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Keep the spans that contain no other span (the flat projection for models trained on the
    innermost entities), then, of two that cross, the first; return ``(kept, dropped)``."""
    ordered = _by_start_longest_first(spans)
    contains_other = set()
    for k, s in enumerate(ordered):  # a span's contained spans follow it in (start, -end) order
        for t in ordered[k + 1:]:
            if t.start >= s.end:
                break
            if t.end <= s.end:
                contains_other.add(id(s))
                break
    leaves = [s for s in ordered if id(s) not in contains_other]
    kept, _ = outermost(leaves)
    kept_ids = {id(s) for s in kept}
    return kept, [s for s in ordered if id(s) not in kept_ids]


def levels(spans: Sequence[Span]) -> list[list[Span]]:
    """Distribute spans over nesting levels: level 0 is the outermost, each level has no overlap."""
    if spans and _apart(spans):
        return [list(spans)]
    out: list[list[Span]] = []
    ends: list[int] = []
    for s in _by_start_longest_first(spans):
        for lv, e in enumerate(ends):
            if s.start >= e:
                out[lv].append(s)
                ends[lv] = s.end
                break
        else:
            out.append([s])
            ends.append(s.end)
    return out


# ------------------------------------------------------------------------------------------------
# tag schemes
# ------------------------------------------------------------------------------------------------
def encode_tags(n: int, ranges: Iterable[tuple[int, int, str]], scheme: str, prefix: str = "") -> list[str]:
    """Tags for ``n`` tokens from non-overlapping ``(first, last_exclusive, label)`` token ranges.

    ``prefix`` goes before every tag (the CoNLL writer puts its column separator there).
    """
    tags = [prefix + "O"] * n
    encode_tags_into(tags, ranges, scheme, prefix)
    return tags


def encode_tag_columns(n: int, firsts: Sequence[int], lasts: Sequence[int], labels: Sequence[str], scheme: str,
                       prefix: str = "") -> list[str]:
    """``encode_tags`` with the ranges as columns (``firsts[k]``, ``lasts[k]``, ``labels[k]``), each
    range at least one token, none overlapping another: the one-token spans (most) get their tag a
    column at a time, and each tag string is made once per label."""
    tags = [prefix + "O"] * n
    if not firsts:
        return tags
    bioes = scheme == "bioes"
    heads = {label: prefix + ("S-" if bioes else "B-") + label for label in set(labels)}
    deque(map(tags.__setitem__, firsts, map(heads.__getitem__, labels)), 0)
    if sum(lasts) - sum(firsts) == len(firsts):  # every range one token (each is at least one)
        return tags
    longer = list(compress(range(len(firsts)), map(gt, map(sub, lasts, firsts), repeat(1))))
    if longer:
        encode_tags_into(tags, [(firsts[k], lasts[k], labels[k]) for k in longer], scheme, prefix)
    return tags


def encode_tags_into(tags: list[str], ranges: Iterable[tuple[int, int, str]], scheme: str, prefix: str) -> None:
    """Write the tags of ``ranges`` (as ``encode_tags``) into ``tags``."""
    b, i_ = prefix + "B-", prefix + "I-"
    if scheme == "bioes":
        e, s_ = prefix + "E-", prefix + "S-"
        for i, j, label in ranges:
            if j - i == 1:
                tags[i] = s_ + label
                continue
            tags[i] = b + label
            for k in range(i + 1, j - 1):
                tags[k] = i_ + label
            tags[j - 1] = e + label
    else:
        for i, j, label in ranges:
            tags[i] = b + label
            if j - i > 1:  # most spans are one token
                tags[i + 1 : j] = [i_ + label] * (j - i - 1)


# ------------------------------------------------------------------------------------------------
# reports
# ------------------------------------------------------------------------------------------------
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


# ------------------------------------------------------------------------------------------------
# staging: nothing half-written
# ------------------------------------------------------------------------------------------------
# written into every folder an export makes: --force replaces a folder only if it has this (or is empty)
EXPORT_MARKER = ".qalam-export"


def check_replaceable(out: Path) -> None:
    """Refuse to replace ``out`` when it is a folder holding files that no export of this app wrote."""
    if not out.is_dir() or out.is_symlink() or (out / EXPORT_MARKER).is_file():
        return
    others = sorted(p.name for p in out.iterdir())
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise FormatError(f"{out} is a folder with other files in it ({shown}) and not an earlier export "
                          f"(it has no {EXPORT_MARKER} file); --force only replaces an empty folder or an "
                          "earlier export. Choose another --out, or empty or remove that folder yourself")


@contextlib.contextmanager
def staged(out: Path, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; move it to ``out`` only if the block succeeds.

    A folder written this way gets an ``EXPORT_MARKER`` file, so that a later ``overwrite`` may
    replace it; an existing folder without one is replaced only when it is empty."""
    out = Path(out)
    if out.exists() and not overwrite:
        raise FormatError(f"{out} already exists; choose another --out or pass --force to replace it")
    check_replaceable(out)
    if not out.parent.exists():
        raise FormatError(f"{out.parent}: folder does not exist; create it or choose another --out")
    tmp = out.with_name(f".{out.name}.partial-{os.getpid()}")
    _remove(tmp)
    try:
        yield tmp
    except BaseException:
        _remove(tmp)
        raise
    if not tmp.exists():  # cancelled before anything was written
        return
    if tmp.is_dir():
        (tmp / EXPORT_MARKER).write_text("written by Qalam Annotator's export; export --force may replace "
                                         "this folder\n", encoding="utf-8")
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(Path(path), json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


#: ``json.dumps(value, ensure_ascii=False)`` with the encoder built once (json.dumps builds one per call
#: when given options: a tenth of the cost of a small record)
json_text = json.JSONEncoder(ensure_ascii=False).encode


def jsonl_bytes(records: Iterable[Any]) -> bytes:
    return "".join(json_text(r) + "\n" for r in records).encode("utf-8")


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


def json_lines(path: Path, options: dict[str, Any], problem: Any, note: str = "") -> Iterator[tuple[int, Any]]:
    """``(line number, parsed value)`` for each non-blank line of a JSON Lines file.

    The whole file is decoded before anything is yielded, so an encoding error cannot leave an
    import half done; a line that is not JSON is reported through ``problem(file, line, reason)``
    (with ``note`` appended) and skipped.
    """
    name = str(path)
    with open(path, encoding=options.get("encoding", "utf-8"), newline="") as fh:
        lines = fh.read().split("\n")
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield no, json.loads(line)
        except json.JSONDecodeError as exc:
            problem(name, no, f"not valid JSON ({exc.msg} at column {exc.colno}){note}")
