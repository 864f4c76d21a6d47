"""One document's TinyDB file: the tables document, spans, events, relations and suggestions.

The table ``suggestions`` (``annotations.assist``) is absent from files written before it existed;
TinyDB reads an absent table as empty, so those files need no migration."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document as TinyDocument

from ..model import kind_of
from .files import DurableJSONStorage

Records = dict[str, Any]
TABLES = {"span": "spans", "event": "events", "relation": "relations", "suggestion": "suggestions"}
PREFIX = {"span": "T", "event": "E", "relation": "R", "suggestion": "S"}


def local_number(record_id: str) -> int:
    """The number of ``<doc>:T<n>`` (its TinyDB document id inside its table)."""
    return int(record_id.rpartition(":")[2][1:])


class DocFile:
    """One document's TinyDB, with the table layout described in the module docstring."""

    def __init__(self, path: Path | None, deferred: bool = False) -> None:
        self.storage: DurableJSONStorage
        self.db = TinyDB(path, storage=DurableJSONStorage, deferred=deferred)
        self.storage = self.db.storage  # type: ignore[assignment]
        self.path = path
        self.views: dict[str, list[Any]] = {}  # immutable Span/Event/Relation lists, reset on change

    def record(self) -> Records | None:
        rec = self.db.table("document").get(doc_id=1)
        return dict(rec) if rec is not None else None

    def table(self, kind: str) -> Any:
        return self.db.table(TABLES[kind])

    def get(self, record_id: str) -> Records | None:
        if record_id == "doc":
            return self.record()
        kind = kind_of(record_id)
        if kind not in TABLES:
            return None
        rec = self.table(kind).get(doc_id=local_number(record_id))
        return dict(rec) if rec is not None else None

    def all(self, kind: str) -> list[Records]:
        return [dict(r) for r in self.table(kind).all()]

    def raw(self, kind: str) -> Iterable[Records]:
        """The stored records of a table without copies (fast read path; never mutate them)."""
        data = self.storage.read() or {}
        return (data.get(TABLES[kind]) or {}).values()

    def raw_doc(self) -> Records | None:
        data = self.storage.read() or {}
        return (data.get("document") or {}).get("1")

    def put(self, record_id: str, rec: Records | None) -> None:
        self.views.clear()
        if record_id == "doc":
            table, number = self.db.table("document"), 1
        else:
            table, number = self.table(kind_of(record_id)), local_number(record_id)
        if table.contains(doc_id=number):
            table.remove(doc_ids=[number])
        if rec is not None:
            # records are immutable values everywhere in this module (edits build new dicts), so
            # the stored record and the one kept in a Change for undo may share nested objects
            table.insert(TinyDocument(rec, doc_id=number))

    def put_many(self, records: Mapping[str, Records | None]) -> None:
        """``put`` each of ``records`` (record id -> record, or None to remove it), with one pass over
        each table: TinyDB copies a whole table on every insert or remove, so putting a document's
        records one by one costs time quadratic in their number (a merge writes hundreds at once)."""
        self.views.clear()
        by_table: dict[str, dict[int, Records | None]] = {}
        for record_id, rec in records.items():
            if record_id == "doc":
                name, number = "document", 1
            else:
                name, number = TABLES[kind_of(record_id)], local_number(record_id)
            by_table.setdefault(name, {})[number] = rec

        for name, recs in by_table.items():
            def update(table: dict[int, Any], recs: dict[int, Records | None] = recs) -> None:
                for number, rec in recs.items():
                    if rec is None:
                        table.pop(number, None)
                    else:
                        table[number] = rec  # records are immutable values: see put()

            self.db.table(name)._update_table(update)

    def snapshot(self) -> dict[str, Records]:
        """Every record of the document keyed by record id (``"doc"`` for the document)."""
        out: dict[str, Records] = {}
        doc = self.record()
        if doc is not None:
            out["doc"] = doc
        for kind in TABLES:
            for rec in self.all(kind):
                out[rec["id"]] = rec
        return out

