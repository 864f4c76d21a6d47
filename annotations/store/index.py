"""The document index in ``project.json``: a cache of each document's summary, never the truth.

A summary holds what the document list needs without reading any text (title, status, counts,
hash, a few meta fields) and the size and mtime of the file it was read from; on open only
files whose size or mtime differ are read again. What exists comes from the files: a pack's
cached entries are used only once the pack is seen to hold exactly those documents.

A document that the index lists but no file holds is *missing*: its entry is kept, marked
``"missing"`` (the file it was in), so that every later open and ``check`` reports it until
the file is restored.
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
    # from the storage's data itself: TinyDB's ``all()`` would wrap (copy) every entry once more
    table = (meta_db.storage.read() or {}).get("index") or {}
    return {rec["id"]: dict(rec) for rec in table.values() if isinstance(rec, dict) and "id" in rec}


def write(meta_db: TinyDB, index: Mapping[str, Records], missing: Mapping[str, Records] | None = None) -> None:
    """Write the index (and the entries of missing documents, marked so) into project.json."""
    storage: DurableJSONStorage = meta_db.storage  # type: ignore[assignment]
    entries = [*index.values(), *(missing or {}).values()]
    with storage.batch():
        table = meta_db.table("index")
        table.truncate()
        table.insert_multiple(sorted(entries, key=lambda s: s.get("seq", 0)))


class Scan:
    """The index of a ``docs/`` folder, from the cache where a file is unchanged.

    Attributes:
        index: summaries by document id.
        stale: how many documents were read again (their file changed since the cache).
        stale_packs: packs that still hold a document that has its own file (rewritten at
            compaction).
        missing: entries of documents the cache lists but no file holds, each marked with
            ``"missing"``: the file name it was in (a pack's, or its own).
        dropped: how many cache entries were dropped because the file they name exists and
            does not hold them (a damaged cache entry, or a document removed before a crash).
    """

    def __init__(self, docs_dir: Path, cached: dict[str, Records], packs: PackFiles,
                 readonly: bool = False) -> None:
        self.index: dict[str, Records] = {}
        self.stale = 0
        self.stale_packs: set[str] = set()
        self.missing: dict[str, Records] = {}
        self.dropped = 0
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
        self._find_missing(docs_dir, cached, {e.name for e in pack_entries})

    def _find_missing(self, docs_dir: Path, cached: dict[str, Records], pack_names: set[str]) -> None:
        """Cache entries that no file holds: missing, unless the file they name is there (then
        it does not hold them), they were removed (in the trash), or the entry is a damaged copy
        of a document found under another id (same hash and number)."""
        unseen = [s for d, s in cached.items() if d not in self.index]
        if not unseen:
            return
        found = {(s.get("hash"), s.get("seq")) for s in self.index.values()}
        try:
            trashed = {name.partition(".")[0] for name in os.listdir(docs_dir.parent / "trash")}
        except OSError:
            trashed = set()
        for entry in unseen:
            where = entry.get("pack") or f"{entry['id']}.json"
            if entry["id"] in trashed or (entry.get("hash"), entry.get("seq")) in found:
                self.dropped += 1
            elif entry.get("pack") in pack_names or (not entry.get("pack") and (docs_dir / where).exists()):
                self.dropped += 1
            else:
                self.missing[entry["id"]] = {**entry, "missing": where}

    def _scan_file(self, entry: os.DirEntry[str], cached: dict[str, Records]) -> None:
        doc_id = entry.name[:-5]
        try:
            st = entry.stat()
        except FileNotFoundError:  # replaced or removed by the writer while a reader lists the folder
            return
        cached_summary = cached.get(doc_id)
        if (cached_summary and "missing" not in cached_summary and cached_summary.get("mtime_ns") == st.st_mtime_ns
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
            if cached_summary.get("pack") and "missing" not in cached_summary:
                by_pack.setdefault(cached_summary["pack"], []).append(cached_summary)
        for entry in sorted(entries, key=lambda e: e.name):
            st = entry.stat()
            summaries = by_pack.get(entry.name)
            if (not summaries or any(s.get("mtime_ns") != st.st_mtime_ns or s.get("size") != st.st_size
                                     for s in summaries) or not packs.holds(entry.name, summaries)):
                records, where = packs.get(entry.name)
                summaries = [{**summary({"doc": rec}, st), "pack": entry.name, "pack_at": where.get(d)}
                             for d, rec in records.items()]
                self.stale += len(summaries)
            for s in summaries:
                if s["id"] in self.index:
                    self.stale_packs.add(entry.name)  # moved out; the pack is rewritten at compaction
                else:
                    self.index[s["id"]] = s
