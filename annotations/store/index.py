"""The document index in ``project.json``: a cache of each document's summary, never the truth.

A summary holds what the document list needs without reading any text (title, status, counts,
hash, a few meta fields) and the size and mtime of the file it was read from; on open only
files whose size or mtime differ are read again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from ..errors import ProjectCorruptError
from ..model import kind_of
from ..texthash import text_hash
from .docfile import DocFile
from .files import TMP_SUFFIX, DurableJSONStorage
from .packs import PACK_SUFFIX, PackFiles

Records = dict[str, Any]
INDEX_META_KEYS = ("published", "source", "url", "direction", "language", "encoding")


def summary(snap: Mapping[str, Records], st: os.stat_result | None = None) -> Records:
    doc = snap["doc"]
    counts = {"span": 0, "event": 0, "relation": 0}
    for rid in snap:
        if rid != "doc":
            counts[kind_of(rid)] = counts.get(kind_of(rid), 0) + 1
    meta = doc.get("meta") or {}
    summary = {
        "id": doc["id"],
        "title": doc.get("title"),
        "status": doc.get("status", "new"),
        "n_spans": counts["span"],
        "n_events": counts["event"],
        "n_relations": counts["relation"],
        "length": len(doc["text"]),
        "hash": doc.get("hash") or text_hash(doc["text"]),
        "created": doc.get("created", ""),
        "seq": doc.get("seq", 0),
        "meta": {k: meta[k] for k in INDEX_META_KEYS if k in meta},
    }
    if st is not None:
        summary["mtime_ns"] = st.st_mtime_ns
        summary["size"] = st.st_size
    return summary


def read_cached(meta_db: TinyDB) -> dict[str, Records]:
    """The index as last written, by document id."""
    return {rec["id"]: dict(rec) for rec in meta_db.table("index").all() if "id" in rec}


def write(meta_db: TinyDB, index: Mapping[str, Records]) -> None:
    storage: DurableJSONStorage = meta_db.storage  # type: ignore[assignment]
    with storage.batch():
        table = meta_db.table("index")
        table.truncate()
        table.insert_multiple(sorted(index.values(), key=lambda s: s.get("seq", 0)))


class Scan:
    """The index of a ``docs/`` folder, from the cache where a file is unchanged.

    Attributes:
        index: summaries by document id.
        stale: how many documents were read again (their file changed since the cache).
        stale_packs: packs that still hold a document that has its own file (rewritten at
            compaction).
    """

    def __init__(self, docs_dir: Path, cached: dict[str, Records], packs: PackFiles,
                 readonly: bool = False) -> None:
        self.index: dict[str, Records] = {}
        self.stale = 0
        self.stale_packs: set[str] = set()
        pack_entries: list[os.DirEntry[str]] = []
        with os.scandir(docs_dir) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(TMP_SUFFIX) or name.endswith(".baktmp"):
                    if not readonly:
                        # an unfinished write from a crash: never acknowledged, safe to drop
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                    continue
                if name.endswith(PACK_SUFFIX):
                    pack_entries.append(entry)
                    continue
                if not name.endswith(".json"):
                    continue
                self._scan_file(entry, cached)
        self._scan_packs(pack_entries, cached, packs)

    def _scan_file(self, entry: os.DirEntry[str], cached: dict[str, Records]) -> None:
        doc_id = entry.name[:-5]
        try:
            st = entry.stat()
        except FileNotFoundError:  # replaced or removed by the writer while a reader lists the folder
            return
        cached_summary = cached.get(doc_id)
        if (cached_summary and cached_summary.get("mtime_ns") == st.st_mtime_ns
                and cached_summary.get("size") == st.st_size):
            self.index[doc_id] = cached_summary
            return
        self.stale += 1
        snap = DocFile(Path(entry.path)).snapshot()
        if "doc" not in snap:
            raise ProjectCorruptError(f"{entry.path}: has no document record (damaged).", entry.path)
        self.index[doc_id] = summary(snap, st)

    def _scan_packs(self, entries: list[os.DirEntry[str]], cached: dict[str, Records], packs: PackFiles) -> None:
        """Index the documents of each pack (from the cache while the pack is unchanged); a
        document that also has its own file is taken from that file."""
        by_pack: dict[str, list[Records]] = {}
        for cached_summary in cached.values():
            if cached_summary.get("pack"):
                by_pack.setdefault(cached_summary["pack"], []).append(cached_summary)
        for entry in sorted(entries, key=lambda e: e.name):
            st = entry.stat()
            summaries = by_pack.get(entry.name)
            if not summaries or any(s.get("mtime_ns") != st.st_mtime_ns or s.get("size") != st.st_size
                                    for s in summaries):
                records, where = packs.get(entry.name)
                summaries = [{**summary({"doc": rec}, st), "pack": entry.name, "pack_at": where.get(d)}
                             for d, rec in records.items()]
                self.stale += len(summaries)
            for s in summaries:
                if s["id"] in self.index:
                    self.stale_packs.add(entry.name)  # moved out; the pack is rewritten at compaction
                else:
                    self.index[s["id"]] = s
