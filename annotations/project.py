"""``Project``: the documents and annotations of one project, and every operation on them.

This is the API that the GUI, the CLI and notebooks share (``docs/CORE_API.md``). It is put
together from parts, each in its own module: ``project_base`` (the write path, undo, look-ups),
``span_ops``, ``event_ops``, ``relation_ops``, ``schema_changes``, ``checks``, and from
``annotations.assist`` ``label_all`` and ``suggestions``. Where and how
the data is kept on disk is the store's job: ``annotations.store``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import checks
from .assist.label_all import LabelAllOps
from .assist.suggestions import SuggestionOps
from .errors import AnnotationError, DanglingReferenceError, ProjectCorruptError, TextLockedError
from .event_ops import EventOps
from .model import Change, Document, DocumentInfo, Event, Problem, Relation, Span
from .records import PatchedView, check_status, info_of, json_dict
from .relation_ops import RelationOps
from .schema import Schema
from .schema_changes import SchemaChanges
from .span_ops import SpanOps
from .store import PACK_SUFFIX, Store, backup_project, restore_file
from .store.packs import layout
from .store.store import now as _now
from .texthash import WHITESPACE_NOT_SPACE, collapse_whitespace, text_hash

__all__ = ["PACK_SUFFIX", "WHITESPACE_NOT_SPACE", "Project", "backup_project", "collapse_whitespace",
           "restore_file", "text_hash"]

Records = dict[str, Any]


class Project(LabelAllOps, SuggestionOps, SpanOps, EventOps, RelationOps, SchemaChanges):
    """A folder of documents and annotations (see ``annotations.store`` for the layout).

    Open with ``Project.open(path)`` (or ``Project.memory()``) and use as a context manager.
    Every method that changes data is durable when it returns, sets ``last_change`` and calls
    the subscribers. Invalid calls raise an ``AnnotationError`` (a ``ValueError``) and store
    nothing.

    Attributes:
        path: the project folder, or None for an in-memory project.
        schema: the current schema (treat as read-only; change it with ``set_schema``).
        annotator: the name recorded on new annotations.
        last_change: the ``Change`` made by the last mutating call.
        warnings: things noticed at open (a stale lock taken over, documents re-indexed).
        readonly: opened with ``readonly=True``.
    """

    def __init__(self, store: Store, annotator: str | None = None) -> None:
        super().__init__(store, annotator)
        self._infos: tuple[int, list[DocumentInfo]] | None = None  # documents() at an index generation

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        annotator: str | None = None,
        schema: Schema | None = None,
        readonly: bool = False,
    ) -> Project:
        """Open (or create) the project folder ``path``.

        ``readonly=True`` takes no lock and writes nothing, so it works while another process
        (the GUI) has the project open: it reads a snapshot of the files plus the journal
        replayed in memory. Every changing call then raises ``ProjectError``. It never creates
        a project.

        Raises:
            ProjectLockedError: another live process has it open (not with ``readonly``).
            ProjectCorruptError: a file is damaged; the message names it and its backup.
            ProjectVersionError: it was written by a newer version of the app.
            ProjectError: the path is not a project folder.
        """
        store = Store.open(Path(path), create=create, schema=schema, readonly=readonly)
        project = cls(store, annotator)
        if schema is not None and schema != store.schema and not readonly and store.index:
            try:
                project.set_schema(schema)
            except BaseException:
                store.close_files()
                raise
        return project

    @classmethod
    def memory(cls, schema: Schema | None = None, annotator: str | None = None) -> Project:
        """An in-memory project (nothing is written to disk) for tests and notebooks."""
        return cls(Store.memory(schema), annotator)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Bring the files up to date, empty the journal, release the lock. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._store.close()

    def compact(self, write_index: bool = True) -> None:
        """Write every change held in the journal into the document files (and the index cache),
        then empty the journal. Runs on close and whenever the journal grows past a limit;
        changes are already durable before this (in the journal)."""
        self._store.compact(write_index)

    flush_index = compact

    def add_document(
        self,
        text: str,
        title: str | None = None,
        meta: Mapping[str, Any] | None = None,
        status: str = "new",
    ) -> str:
        """Add a document and return its id. Its text is stored exactly as given."""
        rec = self._new_doc_record(text, title, meta, status)
        self._write(Change("add document", {rec["id"]: {"doc": None}}, {rec["id"]: {"doc": rec}}))
        return rec["id"]

    def add_documents(self, documents: Iterable[Mapping[str, Any]], *, take_meta: bool = False) -> list[str]:
        """Add several documents (dicts with ``text`` and optional ``title``, ``meta``, ``status``)
        as one durable write and one undo step; all are validated first, so a bad one stores none.
        Importers use it in chunks to pay one sync per chunk instead of one per article.

        ``take_meta=True``: each ``meta`` dict becomes the project's own instead of being copied
        (the importer builds them for this call). The caller must not change them afterwards,
        and they should hold dicts, lists, strings, numbers, booleans and None only. A meta
        that would not read back exactly as it is (a NaN, a 70-bit integer, a key that is not a
        string...) is still copied or refused, as without it."""
        documents = list(documents)
        records = []
        seq = self._store.seq
        now = _now()  # one write, one time
        laid_out = None
        try:
            for i, d in enumerate(documents):
                try:
                    if not isinstance(d, Mapping):
                        raise AnnotationError(f"must be a dict with a \"text\", not {type(d).__name__}")
                    records.append(self._new_doc_record(d.get("text"), d.get("title"), d.get("meta"),
                                                        d.get("status", "new"), now=now, take_meta=take_meta))
                except AnnotationError as exc:
                    raise type(exc)(f"document {i + 1}: {exc}") from None
            if records and self.path is not None:
                laid_out = layout(records)  # refuses what cannot be written, naming the document
        except BaseException:
            self._store.seq = seq  # numbers handed to the refused batch are not used
            raise
        if not records:
            return []
        ids = [r["id"] for r in records]
        if len(set(ids)) != len(ids):  # two random ids alike inside one batch: draw again
            self._store.seq = seq
            return self.add_documents(documents, take_meta=take_meta)
        self._write(Change(f"add {len(records)} documents", {r["id"]: {"doc": None} for r in records},
                           {r["id"]: {"doc": r} for r in records}), laid_out=laid_out)
        return ids

    def _new_doc_record(
        self, text: Any, title: Any, meta: Mapping[str, Any] | None, status: Any, now: str | None = None,
        take_meta: bool = False,
    ) -> Records:
        self._check_open()
        if not isinstance(text, str):
            raise AnnotationError(f"document text must be a str, not {type(text).__name__}")
        if "\x00" in text:
            raise AnnotationError("document text contains NUL characters; remove them before adding it")
        if title is not None and not isinstance(title, str):
            raise AnnotationError(f"title must be a str or None, not {type(title).__name__}")
        check_status(status)
        meta_d = json_dict(meta, "meta", take=take_meta)
        doc_id = os.urandom(5).hex()  # 40 random bits, as uuid4 would give, without importing uuid
        while doc_id in self._store.index:
            doc_id = os.urandom(5).hex()
        now = now or _now()
        self._store.seq += 1
        return {
            "id": doc_id,
            "text": text,
            "title": title,
            "meta": meta_d,
            "status": status,
            "hash": text_hash(text),
            "seq": self._store.seq,
            "next": {"T": 1, "E": 1, "R": 1},
            "created": now,
            "modified": now,
        }

    def duplicate_of(self, text: str) -> str | None:
        """The id of a document whose normalised text equals ``text``'s, if any."""
        return self._store.by_hash.get(text_hash(text))

    def remove_document(self, doc_id: str) -> None:
        """Remove a document and its annotations (moved to ``trash/``; undoable)."""
        snap = self._store.docfile(doc_id).snapshot()
        self._write(Change("remove document", {doc_id: snap}, {doc_id: {rid: None for rid in snap}}))

    def _doc_change(self, doc_id: str, description: str, **fields: Any) -> None:
        rec = self._doc_record(doc_id)
        new = {**rec, **fields, "modified": _now()}
        self._write(Change(description, {doc_id: {"doc": rec}}, {doc_id: {"doc": new}}))

    def update_document(self, doc_id: str, **fields: Any) -> None:
        """Change ``title`` and/or ``meta`` (keyword arguments; meta replaces the whole dict)."""
        unknown = set(fields) - {"title", "meta"}
        if unknown:
            raise AnnotationError(
                f"update_document takes title= and meta=, not {', '.join(sorted(unknown))}; "
                "use set_text or set_status for those"
            )
        if "title" in fields and fields["title"] is not None and not isinstance(fields["title"], str):
            raise AnnotationError("title must be a str or None")
        if "meta" in fields:
            fields["meta"] = json_dict(fields["meta"], "meta")
        self._doc_change(doc_id, "edit document", **fields)

    def set_text(self, doc_id: str, text: str) -> None:
        """Replace the text of a document that has no annotations yet."""
        summary = self._info(doc_id)
        if summary["n_spans"] or summary["n_events"] or summary["n_relations"]:
            raise TextLockedError(
                f"document {doc_id} has annotations, so its text cannot change "
                "(offsets would no longer point at the same characters)"
            )
        if not isinstance(text, str) or "\x00" in text:
            raise AnnotationError("text must be a str without NUL characters")
        self._doc_change(doc_id, "edit text", text=text, hash=text_hash(text))

    def set_status(self, doc_id: str, status: str) -> None:
        """Set the status: new, in progress, done or skipped."""
        check_status(status)
        self._doc_change(doc_id, f"mark {status}", status=status)

    def documents(self, status: str | Iterable[str] | None = None) -> list[DocumentInfo]:
        """All documents in import order (or those with the given status(es)), from the index:
        no text is read. The list is kept until the next change, so asking again is cheap."""
        self._check_open()
        if self._infos is None or self._infos[0] != self._store.generation:
            ordered = sorted(self._store.index.values(), key=lambda s: (s.get("seq", 0), s["id"]))
            self._infos = (self._store.generation, [info_of(s) for s in ordered])
        infos = self._infos[1]
        if status is None:
            return list(infos)
        wanted = {status} if isinstance(status, str) else set(status)
        return [i for i in infos if i.status in wanted]

    def document_info(self, doc_id: str) -> DocumentInfo:
        return info_of(self._info(doc_id))

    def document(self, doc_id: str) -> Document:
        """The full document: id, text, title, meta, status."""
        return Document.from_record(self._doc_record(doc_id))

    def iter_documents(self, status: str | Iterable[str] | None = None) -> Iterator[Document]:
        """Full documents in import order, optionally only those with the given status(es)."""
        wanted = {status} if isinstance(status, str) else set(status) if status is not None else None
        for info in self.documents():
            if wanted is None or info.status in wanted:
                yield self.document(info.id)

    def __len__(self) -> int:
        return len(self._store.index)

    def iter_annotated(
        self, status: str | Iterable[str] | None = None
    ) -> Iterator[tuple[Document, list[Span], list[Event], list[Relation]]]:
        """Each document with its spans, events and relations, read once (for exporters)."""
        wanted = {status} if isinstance(status, str) else set(status) if status is not None else None
        for info in self.documents():
            if wanted is not None and info.status not in wanted:
                continue
            docfile = self._store.docfile(info.id)
            doc = docfile.raw_doc()
            if doc is None:
                raise ProjectCorruptError(f"document file of {info.id} has no document record", info.id)
            yield (Document.from_record(doc), self._spans_of(docfile), self._events_of(docfile),
                   self._relations_of(docfile))

    def import_document(
        self,
        text: str,
        title: str | None = None,
        meta: Mapping[str, Any] | None = None,
        status: str = "new",
        spans: Sequence[Mapping[str, Any]] = (),
        events: Sequence[Mapping[str, Any]] = (),
        relations: Sequence[Mapping[str, Any]] = (),
    ) -> tuple[str, dict[str, str]]:
        """Add a document with all its annotations in one atomic write.

        Spans, events and relations carry a local ``"ref"`` that events (trigger, arguments)
        and relations (arg1, arg2) use to refer to each other. Everything is validated first;
        on any error nothing is stored. Returns ``(doc_id, {ref: id})``.
        """
        doc = self._new_doc_record(text, title, meta, status)
        doc_id = doc["id"]
        view = PatchedView(None, {})
        records: dict[str, Any] = {}
        ids: dict[str, str] = {}

        def resolve(ref: Any, what: str) -> str:
            if ref not in ids:
                raise DanglingReferenceError(f"{what} refers to {ref!r}, which is not defined before it")
            return ids[ref]

        for i, s in enumerate(spans):
            try:
                rec = self._span_record(doc, s.get("start"), s.get("end"), s.get("label"),
                                        s.get("attributes"), s.get("note"))
            except AnnotationError as exc:
                raise type(exc)(f"span {s.get('ref', i + 1)}: {exc}") from None
            rec["id"] = self._next_id(doc, "span")
            ids[str(s.get("ref", rec["id"]))] = rec["id"]
            records[rec["id"]] = view.records[rec["id"]] = rec
        # events may refer to events defined later (brat allows any order): assign ids first
        event_ids = []
        for e in events:
            eid = self._next_id(doc, "event")
            event_ids.append(eid)
            ids[str(e.get("ref", eid))] = eid
            view.records[eid] = {"id": eid, "type": e.get("type")}
        for e, eid in zip(events, event_ids, strict=True):
            what = f"event {e.get('ref', eid)}"
            try:
                args = [(role, resolve(ref, what)) for role, ref in e.get("arguments", [])]
                rec = self._event_record(view, doc_id, e.get("type"), resolve(e.get("trigger"), what),  # type: ignore[arg-type]
                                         args, e.get("attributes"), e.get("note"), self_id=eid)
            except AnnotationError as exc:
                raise type(exc)(f"{what}: {exc}") from None
            except (TypeError, ValueError):
                raise AnnotationError(f"{what}: arguments must be [role, ref] pairs") from None
            rec["id"] = eid
            records[eid] = rec
        for r in relations:
            what = f"relation {r.get('ref', '')}".strip()
            try:
                rec = self._relation_record(view, r.get("type"), resolve(r.get("arg1"), what),  # type: ignore[arg-type]
                                            resolve(r.get("arg2"), what), r.get("attributes"), r.get("note"))
            except AnnotationError as exc:
                raise type(exc)(f"{what}: {exc}") from None
            rec["id"] = self._next_id(doc, "relation")
            ids[str(r.get("ref", rec["id"]))] = rec["id"]
            records[rec["id"]] = rec
        after = {"doc": doc, **records}
        self._write(Change("import document", {doc_id: {rid: None for rid in after}}, {doc_id: after}))
        return doc_id, ids


    # ------------------------------------------------------------------ integrity and statistics
    def check(self, progress: Any = None) -> list[Problem]:
        """Verify every document: spans inside the text, labels in the schema, every reference
        resolving inside its document, ids matching their document. Empty list = healthy."""
        return checks.check(self._store, self.documents(), progress)

    def stats(self) -> dict[str, Any]:
        """Counts per status, per span label, per event type and per relation type."""
        return checks.stats(self._store, self.documents())
