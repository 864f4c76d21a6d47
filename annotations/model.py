"""Immutable value objects handed out by the core: documents, spans, events, relations, changes.

Records are stored as plain JSON dicts (see ``store.py``); these classes are read-only views that
the GUI, the CLI, exporters and notebooks use. Offsets are Python ``str`` indices (code points)
into the exact stored text, end exclusive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

STATUSES = ("new", "in progress", "done", "skipped")


_EMPTY: Mapping[str, Any] = MappingProxyType({})  # no one holds the dict: shared by every empty mapping
_new = object.__new__


def _frozen(d: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(d or {}))


@dataclass(frozen=True)
class Document:
    """One article: its exact text, title, metadata and annotation status."""

    id: str
    text: str
    title: str | None
    meta: Mapping[str, Any]
    status: str
    created: str = ""
    modified: str = ""

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> Document:
        return cls(
            id=rec["id"],
            text=rec["text"],
            title=rec.get("title"),
            meta=_frozen(rec.get("meta")),
            status=rec.get("status", "new"),
            created=rec.get("created", ""),
            modified=rec.get("modified", ""),
        )


@dataclass(frozen=True)
class DocumentInfo:
    """A document as the document list sees it, without loading its text.

    ``meta`` holds only the small keys kept in the index (published, source, url, direction,
    language, encoding); use ``Project.document(id)`` for the full record.
    """

    id: str
    title: str | None
    status: str
    n_spans: int
    n_events: int
    n_relations: int
    length: int
    hash: str
    created: str
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def n_annotations(self) -> int:
        return self.n_spans + self.n_events + self.n_relations


@dataclass(frozen=True)
class Span:
    """A labelled character range ``text[start:end]`` of one document."""

    id: str
    doc: str
    start: int
    end: int
    label: str
    text: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    created: str = ""
    modified: str = ""

    @classmethod
    def from_record(cls, rec: Mapping[str, Any], doc_text: str) -> Span:
        # Every export and every document shown builds one per span: filling the instance's fields
        # directly skips the frozen dataclass's per-field object.__setattr__ (4x faster; the same
        # object, as equality with the constructor's checks in tests/test_model_records.py)
        span = _new(cls)
        attributes = rec.get("attributes")
        start, end = rec["start"], rec["end"]
        span.__dict__.update(
            id=rec["id"], doc=rec["doc"], start=start, end=end, label=rec["label"], text=doc_text[start:end],
            attributes=MappingProxyType(dict(attributes)) if attributes else _EMPTY,
            note=rec.get("note"), annotator=rec.get("annotator"), created=rec.get("created", ""),
            modified=rec.get("modified", ""),
        )
        return span


@dataclass(frozen=True)
class Event:
    """An ACE-style event: a trigger span (labelled with the event type) and role arguments.

    ``arguments`` is a tuple of ``(role, target_id)``; the target is a span id or, as brat
    allows, another event's id. ``start``/``end``/``text`` are those of the trigger span.
    """

    id: str
    doc: str
    type: str
    trigger: str
    arguments: tuple[tuple[str, str], ...]
    start: int
    end: int
    text: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    created: str = ""
    modified: str = ""

    @property
    def label(self) -> str:
        return self.type

    @classmethod
    def from_record(cls, rec: Mapping[str, Any], trigger: Mapping[str, Any], doc_text: str) -> Event:
        return cls(
            id=rec["id"],
            doc=rec["doc"],
            type=rec["type"],
            trigger=rec["trigger"],
            arguments=tuple((a[0], a[1]) for a in rec.get("arguments", [])),
            start=trigger["start"],
            end=trigger["end"],
            text=doc_text[trigger["start"] : trigger["end"]],
            attributes=_frozen(rec.get("attributes")),
            note=rec.get("note"),
            annotator=rec.get("annotator"),
            created=rec.get("created", ""),
            modified=rec.get("modified", ""),
        )


@dataclass(frozen=True)
class Relation:
    """A directed, typed link from ``arg1`` to ``arg2`` (span or event ids)."""

    id: str
    doc: str
    type: str
    arg1: str
    arg2: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    created: str = ""
    modified: str = ""

    @property
    def label(self) -> str:
        return self.type

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> Relation:
        return cls(
            id=rec["id"],
            doc=rec["doc"],
            type=rec["type"],
            arg1=rec["arg1"],
            arg2=rec["arg2"],
            attributes=_frozen(rec.get("attributes")),
            note=rec.get("note"),
            annotator=rec.get("annotator"),
            created=rec.get("created", ""),
            modified=rec.get("modified", ""),
        )


@dataclass(frozen=True)
class Change:
    """What one core operation changed, enough to undo and redo it.

    ``before`` and ``after`` map ``doc_id -> record_id -> record`` (``None`` = absent). The
    record id ``"doc"`` stands for the document record itself. ``schema_before``/``schema_after``
    are set when the schema changed.
    """

    description: str
    before: Mapping[str, Mapping[str, Any]]
    after: Mapping[str, Mapping[str, Any]]
    schema_before: Mapping[str, Any] | None = None
    schema_after: Mapping[str, Any] | None = None

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.before) | set(self.after)))

    def inverse(self) -> Change:
        return Change(
            "undo " + self.description,
            self.after,
            self.before,
            self.schema_after,
            self.schema_before,
        )


@dataclass(frozen=True)
class Problem:
    """One integrity problem found by ``Project.check()``."""

    doc: str
    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.doc}/{self.record}: {self.message}"


def kind_of(record_id: str) -> str:
    """Return ``"span"``, ``"event"``, ``"relation"`` or ``"suggestion"`` for an id like ``d1:T3``."""
    _, _, local = record_id.rpartition(":")
    return {"T": "span", "E": "event", "R": "relation", "S": "suggestion"}.get(local[:1], "unknown")


def doc_of(record_id: str) -> str:
    """Return the document id part of an annotation id (``"d1"`` for ``"d1:T3"``)."""
    doc, sep, _ = record_id.rpartition(":")
    return doc if sep else ""
