"""``ProjectBase``: what every part of the ``Project`` API shares: the store, the one write path
(journal, then memory, then the subscribers), undo and redo, and the record look-ups."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .errors import AnnotationError, NotFoundError, ProjectCorruptError, ProjectError
from .model import Change, doc_of, kind_of
from .records import default_annotator, json_dict
from .schema import AttributeDef, Schema
from .store import DocFile, Store
from .store.docfile import PREFIX
from .store.store import Laid
from .store.store import now as _now

Records = dict[str, Any]


class ProjectBase:
    """The state and helpers that ``Project`` and its parts (spans, events, relations, schema
    changes) share. Use ``Project``."""

    def __init__(self, store: Store, annotator: str | None) -> None:
        self._store = store
        self.annotator = annotator or default_annotator()
        self.last_change: Change | None = None
        self._subscribers: list[Callable[[Change], None]] = []
        self._closed = False

    @property
    def path(self) -> Path | None:
        """The project folder, or None for an in-memory project."""
        return self._store.path

    @property
    def readonly(self) -> bool:
        """Opened with ``readonly=True``: a snapshot that nothing can change."""
        return self._store.readonly

    @property
    def schema(self) -> Schema:
        """The current schema (treat as read-only; change it with ``set_schema``)."""
        return self._store.schema

    @property
    def warnings(self) -> list[str]:
        """Things noticed at open (a stale lock taken over, documents re-indexed, changes recovered)."""
        return self._store.warnings

    # ------------------------------------------------------------------ the one write path
    def _write(self, change: Change, laid_out: Laid | None = None) -> None:
        """Make ``change`` durable, apply it, then tell the subscribers (see ``Store.write``)."""
        self._check_open()
        self._store.write(change, laid_out)
        self._notify(change)

    def _notify(self, change: Change) -> None:
        self.last_change = change
        for callback in list(self._subscribers):
            try:
                callback(change)
            except Exception:  # noqa: BLE001 - the change is saved; a broken view must not undo that
                import logging

                logging.getLogger(__name__).exception(
                    "a change subscriber failed after %r was saved", change.description
                )

    def subscribe(self, callback: Callable[[Change], None]) -> None:
        """Call ``callback(change)`` after every change, including undo and redo."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Change], None]) -> None:
        with contextlib.suppress(ValueError):
            self._subscribers.remove(callback)

    # ------------------------------------------------------------------ undo and redo
    def revert(self, change: Change) -> Change:
        """Undo ``change``: write back its "before" records. Returns the inverse change."""
        inverse = change.inverse()
        self._check_current(change.after)
        self._write(inverse)
        return inverse

    def apply(self, change: Change) -> Change:
        """Redo ``change``: write its "after" records again."""
        self._check_current(change.before)
        self._write(change)
        return change

    def _check_current(self, expected: Mapping[str, Mapping[str, Any]]) -> None:
        """Refuse to undo/redo over edits made since (the records must be as the change left them)."""
        for doc_id, recs in expected.items():
            present = doc_id in self._store.index
            if not present:
                if any(r is not None for r in recs.values()):
                    raise AnnotationError(f"cannot undo/redo: document {doc_id} no longer exists")
                continue
            docfile = self._store.docfile(doc_id)
            for rid, rec in recs.items():
                # Whole records are compared: undoing an older change over a newer one would, for
                # one, set the document's id counters back, and new annotations would then take
                # the ids of existing ones.
                if docfile.get(rid) != rec:
                    what = f"document {doc_id}" if rid == "doc" else rid
                    raise AnnotationError(f"cannot undo/redo: {what} has changed since; "
                                          "undo the later changes first")

    # ------------------------------------------------------------------ record look-ups
    def _annotated_docs(self) -> list[str]:
        """Ids of the documents that have annotations, in import order."""
        self._check_open()
        summaries = sorted(self._store.index.values(), key=lambda s: (s.get("seq", 0), s["id"]))
        return [s["id"] for s in summaries if s.get("n_spans") or s.get("n_events") or s.get("n_relations")]

    def _info(self, doc_id: str) -> Records:
        self._check_open()
        try:
            return self._store.index[doc_id]
        except KeyError:
            raise NotFoundError(f"no document with id {doc_id!r} in this project") from None

    def _doc_record(self, doc_id: str) -> Records:
        rec = self._store.docfile(doc_id).record()
        if rec is None:
            raise ProjectCorruptError(f"document file of {doc_id} has no document record", str(doc_id))
        return rec

    def _check_attributes(self, attributes: Any, kind: str) -> dict[str, Any]:
        attrs = json_dict(attributes, "attributes")
        for name, value in attrs.items():
            definition: AttributeDef | None = self.schema.attribute(name)
            if definition is None:
                continue  # free-form attribute, carried as is
            if kind not in definition.applies_to and not (kind == "trigger" and "event" in definition.applies_to):
                raise AnnotationError(f"attribute {name} applies to {', '.join(definition.applies_to)}, not {kind}")
            if value not in definition.values:
                raise AnnotationError(
                    f"attribute {name} must be one of {', '.join(definition.values)}, not {value!r}"
                )
        return attrs

    @staticmethod
    def _next_id(doc: Records, kind: str) -> str:
        prefix = PREFIX[kind]
        number = doc["next"][prefix]
        doc["next"][prefix] = number + 1
        return f"{doc['id']}:{prefix}{number}"

    def _get(self, record_id: str, kind: str) -> tuple[DocFile, Records]:
        if not isinstance(record_id, str) or kind_of(record_id) != kind:
            raise NotFoundError(f"{record_id!r} is not a {kind} id (expected '<doc>:{PREFIX[kind]}<n>')")
        doc_id = doc_of(record_id)
        if doc_id not in self._store.index:
            raise NotFoundError(f"no {kind} {record_id!r}: its document {doc_id!r} is not in this project")
        docfile = self._store.docfile(doc_id)
        rec = docfile.get(record_id)
        if rec is None:
            raise NotFoundError(f"no {kind} with id {record_id!r}")
        return docfile, rec

    def _users_of(self, docfile: DocFile, target: str) -> list[Records]:
        users = []
        for ev in docfile.all("event"):
            if ev["trigger"] == target or any(tid == target for _, tid in ev.get("arguments", [])):
                users.append(ev)
        for rel in docfile.all("relation"):
            if target in (rel["arg1"], rel["arg2"]):
                users.append(rel)
        return users

    def _cascade(self, docfile: DocFile, removed: set[str]) -> dict[str, Records | None]:
        """Records to write so that nothing refers to ``removed`` ids (and those are gone)."""
        after: dict[str, Records | None] = {rid: None for rid in removed}
        events = {e["id"]: e for e in docfile.all("event")}
        relations = docfile.all("relation")
        changed = True
        while changed:
            changed = False
            for eid, ev in events.items():
                if eid in removed:
                    continue
                if ev["trigger"] in removed:
                    removed.add(eid)
                    after[eid] = None
                    changed = True
                    continue
                args = [a for a in ev.get("arguments", []) if a[1] not in removed]
                if len(args) != len(ev.get("arguments", [])):
                    ev = {**ev, "arguments": args, "modified": _now()}
                    events[eid] = ev
                    after[eid] = ev
        for rel in relations:
            if rel["arg1"] in removed or rel["arg2"] in removed:
                after[rel["id"]] = None
        return after

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectError("the project is closed; open it again with Project.open(path)")

    def __repr__(self) -> str:
        where = self.path if self.path is not None else ":memory:"
        return f"<Project {where}: {len(self._store.index)} documents>"

