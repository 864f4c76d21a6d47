"""Replaying the journal: the changes acknowledged before the last process stopped without
compacting them (a crash, a kill, a power cut)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..schema import Schema
from .docfile import DocFile
from .journal import Journal

if TYPE_CHECKING:
    from .store import Store


def replay_journal(store: Store) -> None:
    """Write the journal's changes into their files, then empty it (the writer, at open)."""
    assert store.path is not None and store.packs is not None
    packs = store.packs
    path = store.path / "journal"
    entries = Journal.read(path)
    if not entries:
        return
    from .compaction import trash_docfile

    files: dict[str, DocFile] = {}
    packed: dict[str, str] | None = None  # document id -> its pack, read if a change needs it

    def pack_of(doc_id: str) -> str | None:
        nonlocal packed
        if packed is None:
            packed = {d: name for name in packs.names() for d in packs.records(name)}
        return packed.get(doc_id)

    for entry in entries:
        if entry.get("schema") is not None:
            store.schema = Schema.from_dict(entry["schema"])
            store.schema_dirty = True
        for doc_id, recs in entry.get("after", {}).items():
            if "doc" in recs and recs["doc"] is None:
                files.pop(doc_id, None)
                pack = pack_of(doc_id)
                trash_docfile(store, doc_id, pack)
                if pack is not None:
                    packs.rewrite(pack, set(packs.records(pack)) - {doc_id})
                    assert packed is not None
                    del packed[doc_id]
                continue
            docfile = files.get(doc_id)
            if docfile is None:
                docfile = DocFile(store.doc_path(doc_id), deferred=True)
                if not store.doc_path(doc_id).exists() and (pack := pack_of(doc_id)) is not None:
                    docfile.storage.seed({"document": {"1": packs.records(pack)[doc_id]}})
            files[doc_id] = docfile
            for rid, rec in recs.items():
                docfile.put(rid, rec)
    for docfile in files.values():
        docfile.storage.flush()
    if store.schema_dirty:
        store.write_schema(store.schema)
        store.schema_dirty = False
    Journal(path).reset()
    store.warnings.append(f"recovered {len(entries)} change(s) saved before the app last stopped")


def replay_in_memory(store: Store, entries: list[Any]) -> None:
    """Apply journal entries to the documents in memory only (a read-only open): the files and
    the journal stay as the writer left them."""
    for entry in entries:
        schema = Schema.from_dict(entry["schema"]) if entry.get("schema") is not None else None
        store.apply(entry.get("after", {}), schema, None)
    store.schema_dirty = False
