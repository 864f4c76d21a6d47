"""Compaction: bring the document files, packs and index up to date with the journal, then
empty the journal. It runs on close and whenever the journal grows past a limit; every change is
already durable before it (in the journal)."""

from __future__ import annotations

import contextlib
import os
import time
from typing import TYPE_CHECKING

from .files import BACKUP_SUFFIX, atomic_write_bytes, dumps, fsync_dir

if TYPE_CHECKING:
    from .store import Store


def compact(store: Store, write_index: bool = True) -> None:
    """Write every change held in the journal into the document files (and the index cache),
    then empty the journal. The periodic compaction skips the index: it is a cache, checked
    against each file's size and mtime on open."""
    assert store.packs is not None
    for doc_id in sorted(store.deleted):
        trash_docfile(store, doc_id, store.deleted_pack.get(doc_id))
    store.deleted.clear()
    store.deleted_pack.clear()
    flushed = False
    for doc_id in sorted(store.dirty):
        docfile = store.cache.get(doc_id)
        if docfile is None or not docfile.storage.dirty:
            continue
        docfile.storage.flush(sync_dir=False)  # one folder fsync below covers every rename
        flushed = True
        st = os.stat(docfile.path)  # type: ignore[arg-type]
        old = store.index.get(doc_id)
        if old is not None:
            if old.get("pack"):
                store.stale_packs.add(old["pack"])  # the document now has its own file
            store.index[doc_id] = {**{k: v for k, v in old.items() if k != "pack"},
                                   "mtime_ns": st.st_mtime_ns, "size": st.st_size}
        store.index_dirty = True
    store.dirty.clear()
    if flushed:
        fsync_dir(store.docs_dir)
    for name in sorted(store.stale_packs):  # after the files that replace their documents
        keep = {d for d in store.packs.records(name) if store.index.get(d, {}).get("pack") == name}
        rewritten = store.packs.rewrite(name, keep)
        if rewritten is not None:
            pack_st, where = rewritten
            for d in keep:
                store.index[d] = {**store.index[d], "mtime_ns": pack_st.st_mtime_ns, "size": pack_st.st_size,
                                  "pack_at": where.get(d)}
        store.index_dirty = True
    store.stale_packs.clear()
    store.evict(keep="")
    if store.schema_dirty:
        store.write_schema(store.schema)
        store.schema_dirty = False
    if store.index_dirty and write_index:
        store.write_index()
    if store.journal is not None and store.journal.size:
        store.journal.reset()


def trash_docfile(store: Store, doc_id: str, pack: str | None = None) -> None:
    """Move a removed document's file to ``trash/`` (or, if it never left its pack, a copy
    of its pack record; the pack itself is rewritten by the caller)."""
    assert store.path is not None and store.packs is not None
    trash = store.path / "trash"
    if not trash.is_dir():
        trash.mkdir()
        fsync_dir(store.path)
    src = store.doc_path(doc_id)
    dest = trash / f"{doc_id}.{int(time.time())}.json"
    if src.exists():
        os.replace(src, dest)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(src.with_name(src.name + BACKUP_SUFFIX))
        fsync_dir(trash)
        fsync_dir(store.docs_dir)
    else:
        # never left its pack; or it came back (undo) and was removed again before compaction,
        # when its pack, rewritten at this compaction, still holds it
        packs = [pack] if pack is not None else sorted(store.stale_packs)
        rec = next((r for name in packs if (r := store.packs.records(name).get(doc_id)) is not None), None)
        if rec is not None:
            atomic_write_bytes(dest, dumps({"document": {"1": rec}}))
