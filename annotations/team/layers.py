"""Annotator layers in one project: names, where a curation document keeps its bookkeeping, and the
atomic write that adds, replaces or removes whole layers of one document.

A curation project is an ordinary project. Each annotation's ``annotator`` field says whose layer it
belongs to; the adjudicated result is the layer named ``GOLD``, whose spans record the annotators they
came from in the attribute ``FROM_ATTR`` (a comma-separated, sorted list of names). A curation
document keeps the rest in its meta under ``META_KEY`` (see ``docs/team.md``)::

    "curation": {"layers": ["alice", "bob"],                 # whose work covers this document
                 "sources": {"alice": {"file": ..., "doc": ..., "status": ..., "merged": ...}},
                 "resolved": {"<start>-<end>": "take alice"},  # adjudicated disagreements
                 "kept_apart": {...}}                          # only on a document whose text differed
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import AnnotationError, DanglingReferenceError
from ..model import Change, Document, Event, Relation, Span
from ..records import PatchedView
from ..store.store import now as _now

GOLD = "gold"
META_KEY = "curation"
FROM_ATTR = "from_annotators"
Records = dict[str, Any]


@dataclass
class Layer:
    """One annotator's annotations of one document, with local refs (the native JSONL's shape).

    ``spans``: dicts with ref, start, end, label, attributes, note. ``events``: ref, type, trigger
    (a span ref), arguments ([role, ref] pairs), attributes, note. ``relations``: ref, type, arg1,
    arg2, attributes, note.
    """

    annotator: str
    spans: list[Records] = field(default_factory=list)
    events: list[Records] = field(default_factory=list)
    relations: list[Records] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.spans) + len(self.events) + len(self.relations)


def curation_of(doc: Document | Mapping[str, Any]) -> dict[str, Any] | None:
    """A copy of a document's curation bookkeeping, or None for a document that is not a curation one."""
    meta = doc.meta if isinstance(doc, Document) else doc.get("meta") or {}
    value = meta.get(META_KEY)
    return copy.deepcopy(dict(value)) if isinstance(value, Mapping) else None


def from_names(value: Any) -> list[str]:
    """The annotator names recorded in a gold annotation's ``FROM_ATTR`` attribute."""
    return [n for n in str(value or "").split(",") if n]


def by_annotator(items: Iterable[Any]) -> dict[str | None, list[Any]]:
    """Spans, events or relations grouped by their ``annotator``."""
    out: dict[str | None, list[Any]] = {}
    for a in items:
        out.setdefault(a.annotator, []).append(a)
    return out


def layer_from(annotator: str, spans: Sequence[Span], events: Sequence[Event],
               relations: Sequence[Relation]) -> Layer:
    """A ``Layer`` (local refs) from a project's annotations of one document."""
    ref = _local
    return Layer(
        annotator,
        [{"ref": ref(s.id), "start": s.start, "end": s.end, "label": s.label,
          "attributes": dict(s.attributes), "note": s.note} for s in spans],
        [{"ref": ref(e.id), "type": e.type, "trigger": ref(e.trigger),
          "arguments": [[r, ref(t)] for r, t in e.arguments], "attributes": dict(e.attributes), "note": e.note}
         for e in events],
        [{"ref": ref(r.id), "type": r.type, "arg1": ref(r.arg1), "arg2": ref(r.arg2),
          "attributes": dict(r.attributes), "note": r.note} for r in relations],
    )


def _local(record_id: str) -> str:
    return record_id.rpartition(":")[2]


@contextlib.contextmanager
def annotating_as(project: Any, name: str) -> Iterator[None]:
    """Records built inside carry ``name`` as their annotator (the project's own name is restored)."""
    saved = project.annotator
    project.annotator = name
    try:
        yield
    finally:
        project.annotator = saved


def layer_change(
    project: Any,
    description: str,
    layers: Sequence[Layer],
    *,
    doc_id: str | None = None,
    new_doc: Mapping[str, Any] | None = None,
    remove: Iterable[str] = (),
    meta: Mapping[str, Any] | None = None,
    status: str | None = None,
) -> Change:
    """The change (not yet written) that adds ``layers`` to one document in one atomic write.

    Either ``doc_id``, an existing document (``remove`` lists ids of its annotations to drop first,
    with what refers to them; ``meta`` replaces its meta; ``status`` sets its status), or
    ``new_doc`` (``text``, ``title``, ``meta``, ``status``), a document created by the same write.
    Everything is validated against the project's schema here, so a caller can build every change
    of an operation before writing any. Raises ``AnnotationError`` naming the layer and annotation.
    """
    before: dict[str, Records | None] = {}
    after: dict[str, Records | None] = {}
    if new_doc is not None:
        doc = project._new_doc_record(new_doc.get("text"), new_doc.get("title"), new_doc.get("meta"),
                                      new_doc.get("status", "new"))
        view = PatchedView(None, {})
        before["doc"] = None
    else:
        assert doc_id is not None
        old = project._doc_record(doc_id)
        doc = copy.deepcopy(old)
        doc["modified"] = _now()
        if meta is not None:
            from ..records import json_dict

            doc["meta"] = json_dict(meta, "meta")
        if status is not None:
            from ..records import check_status

            check_status(status)
            doc["status"] = status
        docfile = project._store.docfile(doc_id)
        view = PatchedView(docfile, {})
        before["doc"] = old
        removed = {rid for rid in remove if docfile.get(rid) is not None}
        for rid, rec in (project._cascade(docfile, removed) if removed else {}).items():
            before[rid] = docfile.get(rid)
            after[rid] = view.records[rid] = rec  # type: ignore[assignment]
    after["doc"] = doc
    for layer in layers:
        with annotating_as(project, layer.annotator):
            records = _layer_records(project, doc, view, layer)
        for rid, rec in records.items():
            before.setdefault(rid, None)
            after[rid] = rec
    return Change(description, {doc["id"]: before}, {doc["id"]: after})


def _layer_records(project: Any, doc: Records, view: PatchedView, layer: Layer) -> dict[str, Records]:
    """The records of one layer, with ids taken from ``doc``'s counters (validated like an import)."""
    doc_id = doc["id"]
    ids: dict[str, str] = {}
    records: dict[str, Records] = {}
    who = layer.annotator

    def resolve(ref: Any, what: str) -> str:
        if str(ref) not in ids and isinstance(ref, str) and ref.startswith(f"{doc_id}:") and view.get(ref):
            return ref  # an annotation already in the document
        if str(ref) not in ids:
            raise DanglingReferenceError(f"{who}: {what} refers to {ref!r}, which this layer does not define")
        return ids[str(ref)]

    # A span without attributes or note is its label's first record with other offsets: the project
    # builds (and validates) one record per label, and the others copy it once their offsets check out.
    templates: dict[str, Records] = {}
    length = len(doc["text"])
    for i, s in enumerate(layer.spans):
        start, end, label = s.get("start"), s.get("end"), s.get("label")
        template = templates.get(label) if not s.get("attributes") and s.get("note") is None else None  # type: ignore[arg-type]
        if (template is not None and type(start) is int and type(end) is int  # not bool: True is no offset
                and 0 <= start < end <= length):
            rec = {**template, "start": start, "end": end, "attributes": {}}
        else:
            try:
                rec = project._span_record(doc, start, end, label, s.get("attributes"), s.get("note"))
            except AnnotationError as exc:
                raise type(exc)(f"{who}: span {s.get('ref', i + 1)}: {exc}") from None
            if not rec["attributes"] and rec["note"] is None:
                templates.setdefault(rec["label"], rec)
        rec["id"] = project._next_id(doc, "span")
        ids[str(s.get("ref", rec["id"]))] = rec["id"]
        records[rec["id"]] = view.records[rec["id"]] = rec
    event_ids = []
    for e in layer.events:  # events may refer to events defined later: ids first
        eid = project._next_id(doc, "event")
        event_ids.append(eid)
        ids[str(e.get("ref", eid))] = eid
        view.records[eid] = {"id": eid, "type": e.get("type")}
    for e, eid in zip(layer.events, event_ids, strict=True):
        what = f"event {e.get('ref', eid)}"
        try:
            args = [(role, resolve(ref, what)) for role, ref in e.get("arguments", [])]
            rec = project._event_record(view, doc_id, e.get("type"), resolve(e.get("trigger"), what), args,
                                        e.get("attributes"), e.get("note"), self_id=eid)
        except AnnotationError as exc:
            raise type(exc)(f"{who}: {what}: {exc}" if not str(exc).startswith(who) else str(exc)) from None
        except (TypeError, ValueError):
            raise AnnotationError(f"{who}: {what}: arguments must be [role, ref] pairs") from None
        rec["id"] = eid
        records[eid] = view.records[eid] = rec
    for r in layer.relations:
        what = f"relation {r.get('ref', '')}".strip()
        try:
            rec = project._relation_record(view, r.get("type"), resolve(r.get("arg1"), what),
                                           resolve(r.get("arg2"), what), r.get("attributes"), r.get("note"))
        except AnnotationError as exc:
            raise type(exc)(f"{who}: {what}: {exc}" if not str(exc).startswith(who) else str(exc)) from None
        rec["id"] = project._next_id(doc, "relation")
        records[rec["id"]] = view.records[rec["id"]] = rec
    return records


def write(project: Any, change: Change) -> None:
    """Write a change built by ``layer_change`` (durable, one undo step, subscribers told)."""
    project._write(change)


@dataclass
class LayeredDoc:
    """One document's annotations split by layer: every annotator covering it (also those with no
    annotation) and, apart, the gold layer."""

    doc: Document
    spans: dict[str, list[Span]]
    events: dict[str, list[Event]]
    relations: dict[str, list[Relation]]
    gold: list[Span] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return sorted(self.spans)


def layered(project: Any, status: Any = None) -> tuple[list[LayeredDoc], list[str]]:
    """The project's documents by layer, and the ids of curation documents kept apart (skipped).

    In a curation document the layers are those its bookkeeping lists; in any other document, every
    annotator named on its annotations."""
    docs: list[LayeredDoc] = []
    skipped: list[str] = []
    for doc, spans, events, relations in project.iter_annotated(status):
        cur = curation_of(doc)
        if cur is not None and cur.get("kept_apart"):
            skipped.append(doc.id)
            continue
        s, e, r = by_annotator(spans), by_annotator(events), by_annotator(relations)
        if cur is not None:
            names = [str(n) for n in cur.get("layers") or []]
        else:
            names = sorted({str(n) for n in (*s, *e, *r) if n is not None and n != GOLD})
        docs.append(LayeredDoc(doc, {n: s.get(n, []) for n in names}, {n: e.get(n, []) for n in names},
                               {n: r.get(n, []) for n in names}, s.get(GOLD, [])))
    return docs, skipped
