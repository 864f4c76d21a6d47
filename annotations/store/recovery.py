"""Replaying the journal: the changes acknowledged before the last process stopped without
compacting them (a crash, a kill, a power cut)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..schema import Schema
from . import index as index_file
from .docfile import DocFile
from .journal import DAMAGED_PREFIX, UNAPPLIED_PREFIX, Journal

if TYPE_CHECKING:
    from .store import Store


def replay_journal(store: Store) -> None:
    """Write the journal's changes into their files, then empty it (the writer, at open).

    Lines that cannot be read are skipped and reported (``Journal.read``); a journal with
    damaged lines is kept aside first (``journal.damaged-<time>``, reported by ``check``).
    Changes to a document that no file holds any more (the index knew it, or the change lacks
    its document record) are not applied: the document is reported missing, and the journal
    is kept aside as ``journal.unapplied-<time>``."""
    assert store.path is not None and store.packs is not None and store.meta_db is not None
    packs = store.packs
    path = store.path / "journal"
    read = Journal.read(path)
    if not read.entries and not read.notes:
        if path.exists() and path.stat().st_size:  # only a torn append: the next one must not follow it
            Journal(path).reset()
        return
    store.warnings.extend(read.notes)
    if read.lost:
        aside = Journal.keep_aside(path, DAMAGED_PREFIX)
        store.warnings.append(f"the journal as it was is kept as {aside}; check reports it until you delete it")
    from .compaction import trash_docfile

    files: dict[str, DocFile] = {}
    packed: dict[str, str] | None = None  # document id -> its pack, read if a change needs it
    known: dict[str, Any] | None = None  # the index as last written, read if a document has no file
    removed: set[str] = set()  # documents removed by the journal (or before, in the trash)
    unapplied: set[str] = set()

    def pack_of(doc_id: str) -> str | None:
        nonlocal packed
        if packed is None:
            packed = {d: name for name in packs.names() for d in packs.records(name)}
        return packed.get(doc_id)

    def vanished(doc_id: str, recs: dict[str, Any]) -> bool:
        """No file holds the document, and the change cannot create it: it lacks the document
        record, or the index knew the document (so its file was lost, not yet to be written)."""
        nonlocal known
        if recs.get("doc") is None:
            return True
        if known is None:
            assert store.meta_db is not None and store.path is not None
            known = index_file.read_cached(store.meta_db)
            trash = store.path / "trash"
            removed.update(name.partition(".")[0] for name in (os.listdir(trash) if trash.is_dir() else ()))
        return doc_id in known and doc_id not in removed

    for entry in read.entries:
        if entry.get("schema") is not None:
            store.schema = Schema.from_dict(entry["schema"])
            store.schema_dirty = True
        for doc_id, recs in entry.get("after", {}).items():
            if "doc" in recs and recs["doc"] is None:
                files.pop(doc_id, None)
                unapplied.discard(doc_id)
                removed.add(doc_id)
                pack = pack_of(doc_id)
                trash_docfile(store, doc_id, pack)
                if pack is not None:
                    packs.rewrite(pack, set(packs.records(pack)) - {doc_id})
                    assert packed is not None
                    del packed[doc_id]
                continue
            if doc_id in unapplied:
                continue
            docfile = files.get(doc_id)
            if docfile is None:
                docfile = DocFile(store.doc_path(doc_id), deferred=True)
                if not store.doc_path(doc_id).exists():
                    pack = pack_of(doc_id)
                    if pack is not None:
                        docfile.storage.seed({"document": {"1": packs.records(pack)[doc_id]}})
                    elif vanished(doc_id, recs):
                        unapplied.add(doc_id)
                        continue
            files[doc_id] = docfile
            for rid, rec in recs.items():
                docfile.put(rid, rec)
    if unapplied:
        aside = Journal.keep_aside(path, UNAPPLIED_PREFIX)
        for doc_id in unapplied:
            store.journal_missing[doc_id] = (f"the journal holds changes to it, but no file holds it (deleted?); "
                                             f"they were not applied and are kept in {aside}")
    for docfile in files.values():
        docfile.storage.flush()
    if store.schema_dirty:
        store.write_schema(store.schema)
        store.schema_dirty = False
    Journal(path).reset()
    if read.entries:
        store.warnings.append(f"recovered {len(read.entries)} change(s) saved before the app last stopped")


def replay_in_memory(store: Store, entries: list[Any]) -> None:
    """Apply journal entries to the documents in memory only (a read-only open): the files and
    the journal stay as the writer left them."""
    for entry in entries:
        schema = Schema.from_dict(entry["schema"]) if entry.get("schema") is not None else None
        after = {}
        for doc_id, recs in entry.get("after", {}).items():
            if doc_id in store.missing or (doc_id not in store.index and "doc" not in recs):
                # no file holds it: reported missing, its changes not applied (as the writer does)
                store.missing.setdefault(doc_id, {"id": doc_id, "missing": "the journal holds changes to it, "
                                                  "but no file holds it (deleted?)"})
                continue
            after[doc_id] = recs
        store.apply(after, schema, None)
    store.schema_dirty = False
