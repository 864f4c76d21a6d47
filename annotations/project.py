"""The project: documents and their annotations in a durable, TinyDB-based folder.

Design (why it looks like this)
-------------------------------
TinyDB's JSONStorage rewrites one whole file per change, in place. At 10,000 articles that is a
73 MB rewrite (2.4 s) per span, and a crash mid-write corrupts the file. So a project is a folder::

    project.json          TinyDB: format version, schema, and the document index (a cache)
    docs/<doc_id>.json    TinyDB per document: tables document, spans, events, relations
    docs/<doc_id>.json.bak   the previous saved version of that file (rolling backup, a hard link)
    docs/<id>-<n>.pack.json  a pack: n documents added together (a bulk import), until each one's
                          first change moves it into its own file
    journal               write-ahead log of changes not yet written into the files above
    lock                  who holds the project (pid, host); an OS lock guards it
    trash/                documents removed by the user (recoverable by hand)
    backups/              full copies taken before a format migration

* **A change is durable when one journal line is fsynced.** Every mutating call appends the
  records it changes (complete "after" states, checksummed) to ``journal`` and fdatasyncs it:
  one small append, the same cost as the fsync floor plus serialisation, whatever the project's
  size. A change that spans documents (renaming a type) is one line, so it is atomic too.
* **TinyDB files are brought up to date by compaction**: on close, when the journal passes 8 MB,
  or when many documents are pending. Each document file is written through
  ``DurableJSONStorage`` (temp file, fsync, ``os.replace``, fsync of the folder, previous version
  kept as ``.bak``), then project.json, then the journal is emptied. A crash at any point leaves
  complete files plus a journal whose replay (in order, idempotent) restores every acknowledged
  change; a torn last journal line was never acknowledged and is dropped.
* **Bulk imports write packs.** Creating a file costs more than reading and decoding an article
  on some systems (0.7 ms a file on the machine this was built on), so ``add_documents`` writes
  its documents into one TinyDB file, ``docs/<first id>-<n>.pack.json`` (table ``documents``), made
  durable like any file above; that write is the commit point, without a journal line. A packed
  document is read from its pack; its first change gives it its own file at compaction, and the
  pack is then rewritten without it (a removed document likewise). A document found in both its
  own file and a pack (a crash between those two steps) is taken from its own file.
* **Document files are the truth; the index in project.json is a cache** (titles, statuses,
  counts, hashes, each file's size and mtime). On open the folder is listed and only files whose
  size/mtime differ from the cache are read again, so opening 10,000 articles reads one small
  JSON index and lists a folder.
* **Undo is data.** Every change is a ``model.Change`` with the records before and after; undo
  writes the "before" records back through the same path (``revert``), redo writes "after".
* **Ids** are ``<doc>:T<n>`` (spans), ``<doc>:E<n>`` (events), ``<doc>:R<n>`` (relations), with the
  number as the TinyDB document id inside its table, so an id alone finds its file.

Rejected alternatives: one TinyDB file for everything (the 2.4 s rewrite above); one durable
file rewrite per change (3-4 metadata operations and two fsyncs per span: measured at ~7x the
fsync floor here, over the 5x target); SQLite (the product asks for TinyDB and readable JSON).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import os
import re
import shutil
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.table import Document as TinyDocument

from .errors import (
    AnnotationError,
    DanglingReferenceError,
    InUseError,
    InvalidSpanError,
    NotFoundError,
    ProjectCorruptError,
    ProjectError,
    ProjectVersionError,
    SchemaError,
    TextLockedError,
    UnknownLabelError,
)
from .model import (
    STATUSES,
    Change,
    Document,
    DocumentInfo,
    Event,
    Problem,
    Relation,
    Span,
    doc_of,
    kind_of,
)
from .schema import AttributeDef, Role, Schema, ace2005
from .storage import (
    BACKUP_SUFFIX,
    ORJSON_OPTIONS,
    TMP_SUFFIX,
    DurableJSONStorage,
    Journal,
    ProjectLock,
    atomic_write_bytes,
    dumps,
    fsync_dir,
    read_json_file,
)

FORMAT_NAME = "qalam-annotation-project"
FORMAT_VERSION = 2
PACK_SUFFIX = ".pack.json"
INDEX_META_KEYS = ("published", "source", "url", "direction", "language", "encoding")
_TABLES = {"span": "spans", "event": "events", "relation": "relations"}
_PREFIX = {"span": "T", "event": "E", "relation": "R"}
_DOC_ID_RE = re.compile(r"^[0-9a-zA-Z_-]{1,64}$")
_CACHE_SIZE = 64
_PACK_CACHE_SIZE = 4  # packs kept parsed in memory (a 200-article pack is about 2 MB)
_JOURNAL_LIMIT = 8 * 1024 * 1024  # compact when the journal passes 8 MB

Records = dict[str, Any]


#: Every character for which ``str.isspace()`` is true, except the space (a test checks the list).
WHITESPACE_NOT_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def collapse_whitespace(text: str) -> str:
    """``" ".join(text.split())``, computed with C-level scans and replaces instead of building a
    list of every word (three times faster on an article; it runs on every imported text)."""
    for ch in WHITESPACE_NOT_SPACE:
        if ch in text:
            text = text.replace(ch, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


@functools.lru_cache(maxsize=512)  # an import asks for the same text's hash several times
def text_hash(text: str) -> str:
    """Hash of a text for duplicate detection: NFC, whitespace runs collapsed, ends stripped."""
    norm = collapse_whitespace(unicodedata.normalize("NFC", text))
    import hashlib  # imported on first use: the app's start-up time matters (issue 7)

    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _local_number(record_id: str) -> int:
    return int(record_id.rpartition(":")[2][1:])


class _DocFile:
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
        return self.db.table(_TABLES[kind])

    def get(self, record_id: str) -> Records | None:
        if record_id == "doc":
            return self.record()
        kind = kind_of(record_id)
        if kind not in _TABLES:
            return None
        rec = self.table(kind).get(doc_id=_local_number(record_id))
        return dict(rec) if rec is not None else None

    def all(self, kind: str) -> list[Records]:
        return [dict(r) for r in self.table(kind).all()]

    def raw(self, kind: str) -> Iterable[Records]:
        """The stored records of a table without copies (fast read path; never mutate them)."""
        data = self.storage.read() or {}
        return (data.get(_TABLES[kind]) or {}).values()

    def raw_doc(self) -> Records | None:
        data = self.storage.read() or {}
        return (data.get("document") or {}).get("1")

    def put(self, record_id: str, rec: Records | None) -> None:
        self.views.clear()
        if record_id == "doc":
            table, number = self.db.table("document"), 1
        else:
            table, number = self.table(kind_of(record_id)), _local_number(record_id)
        if table.contains(doc_id=number):
            table.remove(doc_ids=[number])
        if rec is not None:
            # records are immutable values everywhere in this module (edits build new dicts), so
            # the stored record and the one kept in a Change for undo may share nested objects
            table.insert(TinyDocument(rec, doc_id=number))

    def snapshot(self) -> dict[str, Records]:
        """Every record of the document keyed by record id (``"doc"`` for the document)."""
        out: dict[str, Records] = {}
        doc = self.record()
        if doc is not None:
            out["doc"] = doc
        for kind in _TABLES:
            for rec in self.all(kind):
                out[rec["id"]] = rec
        return out


class Project:
    """A folder of documents and annotations; see the module docstring for the layout.

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
    """

    def __init__(self, path: Path | None, annotator: str | None) -> None:
        self.path = path
        self.annotator = annotator or _default_annotator()
        self.schema: Schema = ace2005()
        self.last_change: Change | None = None
        self.warnings: list[str] = []
        self._lock: ProjectLock | None = None
        self._meta_db: TinyDB | None = None
        self._index: dict[str, Records] = {}
        self._by_hash: dict[str, str] = {}
        self._index_dirty = False
        self._cache: OrderedDict[str, _DocFile] = OrderedDict()
        self._memory_docs: dict[str, _DocFile] = {}
        self._subscribers: list[Callable[[Change], None]] = []
        self._seq = 0
        self._closed = False
        self._journal: Journal | None = None
        self._deleted: set[str] = set()
        self._deleted_pack: dict[str, str] = {}  # removed documents that lived in a pack, and which
        # parsed packs (records by id, where each lies in the file), least recently used first
        self._packs: OrderedDict[str, tuple[dict[str, Records], dict[str, list[int]]]] = OrderedDict()
        self._stale_packs: set[str] = set()  # packs holding documents that moved out or were removed
        self._infos: list[DocumentInfo] | None = None  # documents() until the index changes
        self._dirty: set[str] = set()  # documents changed in memory and in the journal, not yet in their files
        self._schema_dirty = False

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        annotator: str | None = None,
        schema: Schema | None = None,
    ) -> Project:
        """Open (or create) the project folder ``path``.

        Raises:
            ProjectLockedError: another live process has it open.
            ProjectCorruptError: a file is damaged; the message names it and its backup.
            ProjectVersionError: it was written by a newer version of the app.
            ProjectError: the path is not a project folder.
        """
        folder = Path(path)
        if folder.exists() and not folder.is_dir():
            raise ProjectError(f"{folder} is a file, not a project folder. Give a folder path.")
        if not folder.exists():
            if not create:
                raise ProjectError(
                    f"{folder}: no such project folder. Check the path, or import documents to create it."
                )
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                raise ProjectError(f"{folder}: cannot create the project folder ({exc.strerror}).") from None
        project = cls(folder, annotator)
        project._lock = ProjectLock(folder)
        try:
            project._lock.acquire()
        except PermissionError as exc:
            raise ProjectError(f"{folder}: no permission to open the project ({exc.strerror}).") from None
        try:
            project._load(schema)
        except BaseException:
            project._lock.release()
            raise
        if project._lock.stale_holder:
            h = project._lock.stale_holder
            project.warnings.append(
                f"took over a lock left by a process that ended (pid {h.get('pid')} on {h.get('host')})"
            )
        return project

    @classmethod
    def memory(cls, schema: Schema | None = None, annotator: str | None = None) -> Project:
        """An in-memory project (nothing is written to disk) for tests and notebooks."""
        project = cls(None, annotator)
        project._meta_db = TinyDB(storage=DurableJSONStorage)
        project._meta_db.table("project").insert({"format": FORMAT_NAME, "format_version": FORMAT_VERSION})
        project.schema = schema.copy() if schema else ace2005()
        return project

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Bring the files up to date, empty the journal, release the lock. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            if self.path is not None:
                self.compact()
        finally:
            if self._journal is not None:
                self._journal.close()
            if self._lock is not None:
                self._lock.release()

    def compact(self, write_index: bool = True) -> None:
        """Write every change held in the journal into the document files (and the index cache),
        then empty the journal. Runs on close and whenever the journal grows past a limit;
        changes are already durable before this (in the journal). The periodic compaction skips
        the index: it is a cache, checked against each file's size and mtime on open."""
        if self.path is None:
            return
        for doc_id in sorted(self._deleted):
            self._trash_docfile(doc_id, self._deleted_pack.get(doc_id))
        self._deleted.clear()
        self._deleted_pack.clear()
        flushed = False
        for doc_id in sorted(self._dirty):
            docfile = self._cache.get(doc_id)
            if docfile is None or not docfile.storage.dirty:
                continue
            docfile.storage.flush(sync_dir=False)  # one folder fsync below covers every rename
            flushed = True
            st = os.stat(docfile.path)  # type: ignore[arg-type]
            old = self._index.get(doc_id)
            if old is not None:
                if old.get("pack"):
                    self._stale_packs.add(old["pack"])  # the document now has its own file
                self._index[doc_id] = {**{k: v for k, v in old.items() if k != "pack"},
                                       "mtime_ns": st.st_mtime_ns, "size": st.st_size}
            self._index_dirty = True
        self._dirty.clear()
        if flushed:
            fsync_dir(self.docs_dir)
        for name in sorted(self._stale_packs):  # after the files that replace their documents
            keep = {d for d in self._pack_records(name) if self._index.get(d, {}).get("pack") == name}
            rewritten = self._rewrite_pack(name, keep)
            if rewritten is not None:
                pack_st, where = rewritten
                for d in keep:
                    self._index[d] = {**self._index[d], "mtime_ns": pack_st.st_mtime_ns, "size": pack_st.st_size,
                                      "pack_at": where.get(d)}
            self._index_dirty = True
        self._stale_packs.clear()
        self._evict(keep="")
        if self._schema_dirty:
            self._write_schema(self.schema)
            self._schema_dirty = False
        if self._index_dirty and write_index:
            self._write_index()
        if self._journal is not None and self._journal.size:
            self._journal.reset()

    flush_index = compact

    @property
    def docs_dir(self) -> Path:
        assert self.path is not None
        return self.path / "docs"

    def _doc_path(self, doc_id: str) -> Path:
        if not _DOC_ID_RE.match(doc_id):  # ids come from files a hand could have edited
            raise ProjectCorruptError(f"{self.path}: a document id {doc_id!r} that is not a plain name (damaged "
                                      "journal or pack?); restore the project folder from a backup", str(self.path))
        return self.docs_dir / f"{doc_id}.json"

    # ------------------------------------------------------------------ packs
    def _pack_records(self, name: str) -> dict[str, Records]:
        """The documents of a pack by id (parsed once, kept for a few packs); {} if it is gone."""
        return self._pack(name)[0]

    def _pack(self, name: str) -> tuple[dict[str, Records], dict[str, list[int]]]:
        """A pack's documents by id and where each one's JSON lies in the file (see
        ``_pack_layout``); parsed once and kept for a few packs. Empty if the pack is gone."""
        cached = self._packs.get(name)
        if cached is not None:
            self._packs.move_to_end(name)
            return cached
        path = self.docs_dir / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}, {}
        parsed = _parse_pack(raw)
        if parsed is None:  # not in the app's layout (edited by hand?), or damaged: read it as JSON
            data = read_json_file(path)  # names the file if it is damaged
            table = data.get("documents") if isinstance(data, dict) else None
            if not isinstance(table, dict) or not all(_is_doc_record(r) for r in table.values()):
                raise ProjectCorruptError(
                    f"{path}: not a document pack (no \"documents\" table of document records; damaged). "
                    f"If {name}{BACKUP_SUFFIX} exists, restore it with: python main.py restore PROJECT {name}",
                    str(path),
                )
            parsed = {r["id"]: r for r in table.values()}, {}
        self._remember_pack(name, parsed)
        return parsed

    def _pack_record(self, name: str, doc_id: str, at: list[int] | None) -> Records | None:
        """One document of a pack: read from its place in the file when the index knows it (a
        7 KB read instead of parsing a 1.4 MB pack), else from the parsed pack."""
        cached = self._packs.get(name)
        if cached is None and at:
            with contextlib.suppress(OSError, ValueError, TypeError):
                with open(self.docs_dir / name, "rb") as f:
                    f.seek(at[0])
                    rec = _loads(f.read(at[1]))
                if _is_doc_record(rec) and rec["id"] == doc_id:
                    return rec
        return self._pack_records(name).get(doc_id)

    def _remember_pack(self, name: str, pack: tuple[dict[str, Records], dict[str, list[int]]]) -> None:
        self._packs[name] = pack
        self._packs.move_to_end(name)
        while len(self._packs) > _PACK_CACHE_SIZE:
            self._packs.popitem(last=False)

    def _rewrite_pack(self, name: str, keep: set[str]) -> tuple[os.stat_result, dict[str, list[int]]] | None:
        """Rewrite a pack with only the documents in ``keep`` (removed when none is left);
        returns the new file's stat and where each kept document lies, or None when it is gone."""
        path = self.docs_dir / name
        records, where = self._pack(name)
        kept = {d: r for d, r in records.items() if d in keep}
        if not kept:
            self._packs.pop(name, None)
            for victim in (path, path.with_name(path.name + BACKUP_SUFFIX)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(victim)
            fsync_dir(self.docs_dir)
            return None
        if len(kept) != len(records):
            data, where = _pack_layout(kept.values())
            atomic_write_bytes(path, data, backup=True)
            self._remember_pack(name, (kept, where))
        return os.stat(path), where

    def _pack_names(self) -> list[str]:
        return sorted(p.name for p in self.docs_dir.glob("*" + PACK_SUFFIX))

    def _load(self, schema: Schema | None) -> None:
        assert self.path is not None
        meta_path = self.path / "project.json"
        new = not meta_path.exists()
        if new and (self.path / "docs").exists() and any((self.path / "docs").glob("*.json")):
            bak = meta_path.with_name(meta_path.name + BACKUP_SUFFIX)
            hint = (
                f" A backup exists; restore it with: python main.py restore {self.path} project.json"
                if bak.exists()
                else " Restore the folder from your own backup."
            )
            raise ProjectCorruptError(
                f"{meta_path}: missing, but the project has documents (damaged).{hint}",
                str(meta_path),
                str(bak) if bak.exists() else None,
            )
        self._meta_db = TinyDB(meta_path, storage=DurableJSONStorage)
        storage: DurableJSONStorage = self._meta_db.storage  # type: ignore[assignment]
        data = storage.read()  # raises ProjectCorruptError naming the file
        if new:
            self.docs_dir.mkdir(exist_ok=True)
            self.schema = schema.copy() if schema else ace2005()
            with storage.batch():
                self._meta_db.table("project").insert(
                    {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "created": _now()}
                )
                self._meta_db.table("schema").insert(self.schema.to_dict())
            fsync_dir(self.path)
            self._journal = Journal(self.path / "journal")
            return
        info = (data or {}).get("project", {}).get("1")
        if not isinstance(info, dict) or info.get("format") != FORMAT_NAME:
            raise ProjectCorruptError(
                f"{meta_path}: not a project file of this app (no format record). "
                "Open the folder that contains project.json.",
                str(meta_path),
            )
        version = info.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ProjectVersionError(
                f"{self.path} uses project format version {version}, but this app reads up to "
                f"version {FORMAT_VERSION}. Open it with a newer version of the app."
            )
        if version < FORMAT_VERSION:
            from .migrations import migrate

            migrate(self.path, version, FORMAT_VERSION)
            self._meta_db = TinyDB(meta_path, storage=DurableJSONStorage)
            self.warnings.append(f"migrated the project from format {version} to {FORMAT_VERSION}")
        schema_rec = self._meta_db.table("schema").get(doc_id=1)
        try:
            self.schema = Schema.from_dict(dict(schema_rec) if schema_rec else {}, source=str(meta_path))
        except SchemaError as exc:
            raise ProjectCorruptError(f"{exc} (damaged schema).", str(meta_path)) from None
        self._replay_journal()
        self._scan()
        self._journal = Journal(self.path / "journal")
        if schema is not None and schema != self.schema:
            self.set_schema(schema)

    def _replay_journal(self) -> None:
        """Apply changes that were journaled but not yet compacted (the process ended early)."""
        assert self.path is not None
        path = self.path / "journal"
        entries = Journal.read(path)
        if not entries:
            return
        files: dict[str, _DocFile] = {}
        packed: dict[str, str] | None = None  # document id -> its pack, read if a change needs it

        def pack_of(doc_id: str) -> str | None:
            nonlocal packed
            if packed is None:
                packed = {d: name for name in self._pack_names() for d in self._pack_records(name)}
            return packed.get(doc_id)

        for entry in entries:
            if entry.get("schema") is not None:
                self.schema = Schema.from_dict(entry["schema"])
                self._schema_dirty = True
            for doc_id, recs in entry.get("after", {}).items():
                if "doc" in recs and recs["doc"] is None:
                    files.pop(doc_id, None)
                    pack = pack_of(doc_id)
                    self._trash_docfile(doc_id, pack)
                    if pack is not None:
                        self._rewrite_pack(pack, set(self._pack_records(pack)) - {doc_id})
                        assert packed is not None
                        del packed[doc_id]
                    continue
                docfile = files.get(doc_id)
                if docfile is None:
                    docfile = _DocFile(self._doc_path(doc_id), deferred=True)
                    if not self._doc_path(doc_id).exists() and (pack := pack_of(doc_id)) is not None:
                        docfile.storage.seed({"document": {"1": self._pack_records(pack)[doc_id]}})
                files[doc_id] = docfile
                for rid, rec in recs.items():
                    docfile.put(rid, rec)
        for docfile in files.values():
            docfile.storage.flush()
        if self._schema_dirty:
            self._write_schema(self.schema)
            self._schema_dirty = False
        Journal(path).reset()
        self.warnings.append(f"recovered {len(entries)} change(s) saved before the app last stopped")

    def _scan(self) -> None:
        """Load the index cache, then re-read only document files that changed since."""
        assert self._meta_db is not None
        self.docs_dir.mkdir(exist_ok=True)
        cached = {rec["id"]: dict(rec) for rec in self._meta_db.table("index").all() if "id" in rec}
        index: dict[str, Records] = {}
        stale = 0
        packs: list[os.DirEntry[str]] = []
        with os.scandir(self.docs_dir) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(TMP_SUFFIX) or name.endswith(".baktmp"):
                    # an unfinished write from a crash: never acknowledged, safe to drop
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                    continue
                if name.endswith(PACK_SUFFIX):
                    packs.append(entry)
                    continue
                if not name.endswith(".json"):
                    continue
                doc_id = name[:-5]
                st = entry.stat()
                summary = cached.get(doc_id)
                if summary and summary.get("mtime_ns") == st.st_mtime_ns and summary.get("size") == st.st_size:
                    index[doc_id] = summary
                    continue
                stale += 1
                docfile = _DocFile(Path(entry.path))
                snap = docfile.snapshot()
                if "doc" not in snap:
                    raise ProjectCorruptError(
                        f"{entry.path}: has no document record (damaged).", entry.path
                    )
                index[doc_id] = self._summary(snap, st)
        stale += self._scan_packs(packs, cached, index)
        if stale or len(index) != len(cached):
            self._index_dirty = True
            if cached:
                self.warnings.append(f"re-indexed {stale} document(s) changed since the last clean close")
        self._index = index
        self._infos = None
        self._by_hash = {s["hash"]: d for d, s in index.items()}
        self._seq = max((s.get("seq", 0) for s in index.values()), default=0)

    def _scan_packs(self, packs: list[os.DirEntry[str]], cached: dict[str, Records],
                    index: dict[str, Records]) -> int:
        """Index the documents of each pack (from the cache while the pack is unchanged); a
        document that also has its own file is taken from that file. Returns how many were read."""
        by_pack: dict[str, list[Records]] = {}
        for summary in cached.values():
            if summary.get("pack"):
                by_pack.setdefault(summary["pack"], []).append(summary)
        read = 0
        for entry in sorted(packs, key=lambda e: e.name):
            st = entry.stat()
            summaries = by_pack.get(entry.name)
            if not summaries or any(s.get("mtime_ns") != st.st_mtime_ns or s.get("size") != st.st_size
                                    for s in summaries):
                records, where = self._pack(entry.name)
                summaries = [{**self._summary({"doc": rec}, st), "pack": entry.name, "pack_at": where.get(d)}
                             for d, rec in records.items()]
                read += len(summaries)
            for summary in summaries:
                if summary["id"] in index:
                    self._stale_packs.add(entry.name)  # moved out; the pack is rewritten at compaction
                else:
                    index[summary["id"]] = summary
        return read

    def _write_index(self) -> None:
        assert self._meta_db is not None
        storage: DurableJSONStorage = self._meta_db.storage  # type: ignore[assignment]
        with storage.batch():
            table = self._meta_db.table("index")
            table.truncate()
            table.insert_multiple(sorted(self._index.values(), key=lambda s: s.get("seq", 0)))
        self._index_dirty = False

    # ------------------------------------------------------------------ document files
    def _docfile(self, doc_id: str) -> _DocFile:
        if doc_id not in self._index:
            raise NotFoundError(f"no document with id {doc_id!r} in this project")
        if self.path is None:
            return self._memory_docs[doc_id]
        cached = self._cache.get(doc_id)
        if cached is not None:
            self._cache.move_to_end(doc_id)
            return cached
        docfile = _DocFile(self._doc_path(doc_id), deferred=True)
        pack = self._index[doc_id].get("pack")
        if pack is not None:
            rec = self._pack_record(pack, doc_id, self._index[doc_id].get("pack_at"))
            if rec is None:
                raise ProjectCorruptError(
                    f"{self.docs_dir / pack}: does not hold document {doc_id}, which the index lists in it "
                    "(changed outside the app?). Close and reopen the project to index it again.",
                    str(self.docs_dir / pack),
                )
            docfile.storage.seed({"document": {"1": rec}})  # its own file is written at its first change
        else:
            docfile.storage.read()  # surface damage now, naming the file
        self._cache[doc_id] = docfile
        self._evict(keep=doc_id)
        return docfile

    def _evict(self, keep: str) -> None:
        # documents with changes not yet compacted stay cached: the journal holds them durably
        while len(self._cache) > _CACHE_SIZE:
            oldest = next((d for d, f in self._cache.items() if not f.storage.dirty and d != keep), None)
            if oldest is None:
                break
            del self._cache[oldest]

    def _new_docfile(self, doc_id: str) -> _DocFile:
        if self.path is None:
            docfile = _DocFile(None)
            self._memory_docs[doc_id] = docfile
            return docfile
        docfile = _DocFile(self._doc_path(doc_id), deferred=True)
        # A document added back (undo of a removal) may still have its old file until compaction
        # moves it to the trash; its records come whole from the change, not from that file.
        docfile.storage.seed({})
        self._cache[doc_id] = docfile  # new documents are dirty until compacted: nothing to evict
        return docfile

    def _summary(self, snap: Mapping[str, Records], st: os.stat_result | None = None) -> Records:
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

    # ------------------------------------------------------------------ the one write path
    def _write(self, change: Change, laid_out: tuple[bytes, dict[str, list[int]]] | None = None) -> None:
        """Make ``change`` durable (one journal append), then apply it in memory and notify.

        The journal line is the commit point: if the append fails, nothing changed. With
        ``laid_out`` (new documents only: ``add_documents`` on disk, see ``_pack_layout``) the
        commit point is instead the one pack file holding them all."""
        if laid_out is not None:
            self._write_pack(change, laid_out)
            self._notify(change)
            return
        new_schema = None
        if change.schema_after is not None and change.schema_after != self.schema.to_dict():
            new_schema = Schema.from_dict(change.schema_after)
        if self._journal is not None:
            try:
                self._journal.append({"after": change.after, "schema": change.schema_after if new_schema else None})
            except UnicodeEncodeError as exc:
                raise AnnotationError(f"text, title or meta cannot be stored as UTF-8 ({exc.reason} at character "
                                      f"{exc.start}); remove that character") from None
        if new_schema is not None:
            self.schema = new_schema
            self._schema_dirty = self.path is not None
            if self.path is None:
                self._write_schema(new_schema)
        for doc_id in change.doc_ids:
            after = change.after.get(doc_id, {})
            if "doc" in after and after["doc"] is None:
                self._delete_docfile(doc_id)
                continue
            if doc_id in self._index:
                docfile = self._docfile(doc_id)
            else:
                docfile = self._new_docfile(doc_id)
                self._deleted.discard(doc_id)
                self._deleted_pack.pop(doc_id, None)
            with docfile.storage.batch():
                for rid, rec in after.items():
                    docfile.put(rid, rec)
            self._update_summary(doc_id, docfile, change.before.get(doc_id, {}), after)
            if self.path is not None:
                self._dirty.add(doc_id)
        if self._journal is not None and (self._journal.size > _JOURNAL_LIMIT or len(self._dirty) > 4 * _CACHE_SIZE):
            self.compact(write_index=False)
        self._notify(change)

    def _write_pack(self, change: Change, laid_out: tuple[bytes, dict[str, list[int]]]) -> None:
        records = [after["doc"] for after in change.after.values()]
        name = f"{records[0]['id']}-{len(records)}{PACK_SUFFIX}"
        while (self.docs_dir / name).exists():
            name = f"{records[0]['id']}-{len(records)}-{os.urandom(2).hex()}{PACK_SUFFIX}"
        path = self.docs_dir / name
        data, where = laid_out
        atomic_write_bytes(path, data)  # durable, rename and folder included
        st = os.stat(path)
        # Not kept parsed: each document is read from its place in the file (pack_at) when asked
        # for, and an import would otherwise hold several packs of records it never reads again.
        for rec in records:
            summary = {**self._summary({"doc": rec}, st), "pack": name, "pack_at": where[rec["id"]]}
            self._index[rec["id"]] = summary
            self._by_hash[summary["hash"]] = rec["id"]
            self._seq = max(self._seq, summary["seq"])
            self._deleted.discard(rec["id"])
            self._deleted_pack.pop(rec["id"], None)
        self._index_dirty = True
        self._infos = None

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

    def _update_summary(self, doc_id: str, docfile: _DocFile, before: Mapping[str, Any],
                        after: Mapping[str, Any]) -> None:
        old = self._index.get(doc_id)
        if old is None:
            summary = self._summary(docfile.snapshot())
        else:
            summary = dict(old)
            for rid, rec in after.items():
                if rid == "doc":
                    continue
                key = {"span": "n_spans", "event": "n_events", "relation": "n_relations"}[kind_of(rid)]
                summary[key] += (rec is not None) - (before.get(rid) is not None)
            if after.get("doc") is not None:
                fresh = self._summary({"doc": after["doc"]})
                for key in ("title", "status", "length", "hash", "created", "seq", "meta"):
                    summary[key] = fresh[key]
            if old["hash"] != summary["hash"]:
                self._by_hash.pop(old["hash"], None)
        self._index[doc_id] = summary
        self._by_hash[summary["hash"]] = doc_id
        self._seq = max(self._seq, summary["seq"])
        self._index_dirty = True
        self._infos = None

    def _delete_docfile(self, doc_id: str) -> None:
        self._infos = None
        summary = self._index.pop(doc_id, None)
        if summary:
            self._by_hash.pop(summary["hash"], None)
            if summary.get("pack") and self.path is not None:
                self._deleted_pack[doc_id] = summary["pack"]
                self._stale_packs.add(summary["pack"])
        self._cache.pop(doc_id, None)
        self._memory_docs.pop(doc_id, None)
        self._index_dirty = True
        if self.path is not None:
            self._deleted.add(doc_id)

    def _trash_docfile(self, doc_id: str, pack: str | None = None) -> None:
        """Move a removed document's file to ``trash/`` (or, if it never left its pack, a copy
        of its pack record; the pack itself is rewritten by the caller)."""
        assert self.path is not None
        trash = self.path / "trash"
        if not trash.is_dir():
            trash.mkdir()
            fsync_dir(self.path)
        src = self._doc_path(doc_id)
        dest = trash / f"{doc_id}.{int(time.time())}.json"
        if src.exists():
            os.replace(src, dest)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(src.with_name(src.name + BACKUP_SUFFIX))
            fsync_dir(trash)
            fsync_dir(self.docs_dir)
        else:
            # never left its pack; or it came back (undo) and was removed again before compaction,
            # when its pack, rewritten at this compaction, still holds it
            packs = [pack] if pack is not None else sorted(self._stale_packs)
            rec = next((r for name in packs if (r := self._pack_records(name).get(doc_id)) is not None), None)
            if rec is not None:
                atomic_write_bytes(dest, dumps({"document": {"1": rec}}))

    def _write_schema(self, schema: Schema) -> None:
        assert self._meta_db is not None
        table = self._meta_db.table("schema")
        storage: DurableJSONStorage = self._meta_db.storage  # type: ignore[assignment]
        with storage.batch():
            table.truncate()
            table.insert(schema.to_dict())
        self.schema = schema

    def subscribe(self, callback: Callable[[Change], None]) -> None:
        """Call ``callback(change)`` after every change, including undo and redo."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Change], None]) -> None:
        with contextlib.suppress(ValueError):
            self._subscribers.remove(callback)

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
            present = doc_id in self._index
            if not present:
                if any(r is not None for r in recs.values()):
                    raise AnnotationError(f"cannot undo/redo: document {doc_id} no longer exists")
                continue
            docfile = self._docfile(doc_id)
            for rid, rec in recs.items():
                # Whole records are compared: undoing an older change over a newer one would, for
                # one, set the document's id counters back, and new annotations would then take
                # the ids of existing ones.
                if docfile.get(rid) != rec:
                    what = f"document {doc_id}" if rid == "doc" else rid
                    raise AnnotationError(f"cannot undo/redo: {what} has changed since; "
                                          "undo the later changes first")

    # ------------------------------------------------------------------ documents
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
        seq = self._seq
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
                laid_out = _pack_layout(records)  # refuses what cannot be written, naming the document
        except BaseException:
            self._seq = seq  # numbers handed to the refused batch are not used
            raise
        if not records:
            return []
        ids = [r["id"] for r in records]
        if len(set(ids)) != len(ids):  # two random ids alike inside one batch: draw again
            self._seq = seq
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
        _check_status(status)
        meta_d = _json_dict(meta, "meta", take=take_meta)
        doc_id = os.urandom(5).hex()  # 40 random bits, as uuid4 would give, without importing uuid
        while doc_id in self._index:
            doc_id = os.urandom(5).hex()
        now = now or _now()
        self._seq += 1
        return {
            "id": doc_id,
            "text": text,
            "title": title,
            "meta": meta_d,
            "status": status,
            "hash": text_hash(text),
            "seq": self._seq,
            "next": {"T": 1, "E": 1, "R": 1},
            "created": now,
            "modified": now,
        }

    def duplicate_of(self, text: str) -> str | None:
        """The id of a document whose normalised text equals ``text``'s, if any."""
        return self._by_hash.get(text_hash(text))

    def remove_document(self, doc_id: str) -> None:
        """Remove a document and its annotations (moved to ``trash/``; undoable)."""
        snap = self._docfile(doc_id).snapshot()
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
            fields["meta"] = _json_dict(fields["meta"], "meta")
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
        _check_status(status)
        self._doc_change(doc_id, f"mark {status}", status=status)

    def documents(self, status: str | Iterable[str] | None = None) -> list[DocumentInfo]:
        """All documents in import order (or those with the given status(es)), from the index:
        no text is read. The list is kept until the next change, so asking again is cheap."""
        self._check_open()
        if self._infos is None:
            ordered = sorted(self._index.values(), key=lambda s: (s.get("seq", 0), s["id"]))
            self._infos = [_info_of(s) for s in ordered]
        if status is None:
            return list(self._infos)
        wanted = {status} if isinstance(status, str) else set(status)
        return [i for i in self._infos if i.status in wanted]

    def document_info(self, doc_id: str) -> DocumentInfo:
        return _info_of(self._info(doc_id))

    def _info(self, doc_id: str) -> Records:
        self._check_open()
        try:
            return self._index[doc_id]
        except KeyError:
            raise NotFoundError(f"no document with id {doc_id!r} in this project") from None

    def _doc_record(self, doc_id: str) -> Records:
        rec = self._docfile(doc_id).record()
        if rec is None:
            raise ProjectCorruptError(f"document file of {doc_id} has no document record", str(doc_id))
        return rec

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
        return len(self._index)

    # ------------------------------------------------------------------ spans
    def _span_record(self, doc: Records, start: Any, end: Any, label: Any, attributes: Any, note: Any) -> Records:
        text = doc["text"]
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
            raise InvalidSpanError(f"span offsets must be integers, got start={start!r} end={end!r}")
        if not 0 <= start < end <= len(text):
            raise InvalidSpanError(
                f"span [{start}, {end}) is not inside document {doc['id']} (length {len(text)}); "
                "offsets are code points, end exclusive, and start must be < end"
            )
        if not isinstance(label, str) or not self.schema.is_span_label(label):
            raise UnknownLabelError(
                f"unknown span label {label!r}: the schema has entity types "
                f"{', '.join(t.name for t in self.schema.entity_types)} (and event types for triggers)"
            )
        kind = "event" if self.schema.event(label) else "entity"
        if note is not None and not isinstance(note, str):
            raise AnnotationError("note must be a str or None")
        now = _now()
        return {
            "doc": doc["id"],
            "start": start,
            "end": end,
            "label": label,
            "attributes": self._check_attributes(attributes, kind),
            "note": note,
            "annotator": self.annotator,
            "created": now,
            "modified": now,
        }

    def _check_attributes(self, attributes: Any, kind: str) -> dict[str, Any]:
        attrs = _json_dict(attributes, "attributes")
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
        prefix = _PREFIX[kind]
        number = doc["next"][prefix]
        doc["next"][prefix] = number + 1
        return f"{doc['id']}:{prefix}{number}"

    def add_span(
        self,
        doc_id: str,
        start: int,
        end: int,
        label: str,
        attributes: Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> str:
        """Add a span ``text[start:end]`` with ``label`` and return its id."""
        return self.add_spans(doc_id, [{"start": start, "end": end, "label": label,
                                         "attributes": attributes, "note": note}])[0]

    def add_spans(self, doc_id: str, spans: Sequence[Mapping[str, Any]]) -> list[str]:
        """Add several spans to one document in one atomic write (one undo step)."""
        doc = self._doc_record(doc_id)
        new_doc = copy.deepcopy(doc)
        after: dict[str, Any] = {}
        ids = []
        for i, s in enumerate(spans):
            try:
                rec = self._span_record(
                    doc, s.get("start"), s.get("end"), s.get("label"), s.get("attributes"), s.get("note")
                )
            except AnnotationError as exc:
                raise type(exc)(f"span {i + 1}: {exc}" if len(spans) > 1 else str(exc)) from None
            rec["id"] = self._next_id(new_doc, "span")
            after[rec["id"]] = rec
            ids.append(rec["id"])
        if not ids:
            return []
        new_doc["modified"] = _now()
        before: dict[str, Any] = {rid: None for rid in after}
        before["doc"], after["doc"] = doc, new_doc
        what = f"add {spans[0].get('label')} span" if len(ids) == 1 else f"add {len(ids)} spans"
        self._write(Change(what, {doc_id: before}, {doc_id: after}))
        return ids

    def _get(self, record_id: str, kind: str) -> tuple[_DocFile, Records]:
        if not isinstance(record_id, str) or kind_of(record_id) != kind:
            raise NotFoundError(f"{record_id!r} is not a {kind} id (expected '<doc>:{_PREFIX[kind]}<n>')")
        doc_id = doc_of(record_id)
        if doc_id not in self._index:
            raise NotFoundError(f"no {kind} {record_id!r}: its document {doc_id!r} is not in this project")
        docfile = self._docfile(doc_id)
        rec = docfile.get(record_id)
        if rec is None:
            raise NotFoundError(f"no {kind} with id {record_id!r}")
        return docfile, rec

    def span(self, span_id: str) -> Span:
        docfile, rec = self._get(span_id, "span")
        return Span.from_record(rec, self._doc_record(rec["doc"])["text"])

    def spans(self, doc_id: str) -> list[Span]:
        """Spans of a document sorted by start, longest first."""
        return self._spans_of(self._docfile(doc_id))

    @staticmethod
    def _spans_of(docfile: _DocFile) -> list[Span]:
        cached = docfile.views.get("spans")
        if cached is None:
            text = (docfile.raw_doc() or {}).get("text", "")
            recs = sorted(docfile.raw("span"), key=lambda r: (r["start"], -r["end"], _local_number(r["id"])))
            cached = docfile.views["spans"] = [Span.from_record(r, text) for r in recs]
        return list(cached)

    def update_span(self, span_id: str, **fields: Any) -> None:
        """Change a span's ``label``, ``start``, ``end``, ``attributes`` or ``note``."""
        allowed = {"label", "start", "end", "attributes", "note"}
        unknown = set(fields) - allowed
        if unknown:
            raise AnnotationError(f"update_span does not take {', '.join(sorted(unknown))}")
        docfile, rec = self._get(span_id, "span")
        doc = self._doc_record(rec["doc"])
        merged = {**rec, **fields}
        checked = self._span_record(
            doc, merged["start"], merged["end"], merged["label"], merged.get("attributes"), merged.get("note")
        )
        new = {**rec, **{k: checked[k] for k in allowed}, "modified": _now()}
        if new["label"] != rec["label"]:
            for ev in docfile.all("event"):
                if ev["trigger"] == span_id and ev["type"] != new["label"]:
                    raise InUseError(
                        f"span {span_id} is the trigger of event {ev['id']} ({ev['type']}); "
                        "change the event's type instead"
                    )
            self._check_roles_still_fit(docfile, span_id, new["label"])
        self._write(Change("edit span", {rec["doc"]: {span_id: rec}}, {rec["doc"]: {span_id: new}}))

    def _check_roles_still_fit(self, docfile: _DocFile, target: str, label: str) -> None:
        for ev in docfile.all("event"):
            et = self.schema.event(ev["type"])
            for role, tid in ev.get("arguments", []):
                role_def = et.role(role) if et else None
                if tid == target and role_def and role_def.types and label not in role_def.types:
                    raise InUseError(
                        f"{target} fills role {role} of event {ev['id']} ({ev['type']}), which takes "
                        f"{', '.join(role_def.types)}, not {label}; remove the argument first"
                    )

    def _users_of(self, docfile: _DocFile, target: str) -> list[Records]:
        users = []
        for ev in docfile.all("event"):
            if ev["trigger"] == target or any(tid == target for _, tid in ev.get("arguments", [])):
                users.append(ev)
        for rel in docfile.all("relation"):
            if target in (rel["arg1"], rel["arg2"]):
                users.append(rel)
        return users

    def _cascade(self, docfile: _DocFile, removed: set[str]) -> dict[str, Records | None]:
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

    def remove_span(self, span_id: str, cascade: bool = False) -> None:
        """Remove a span. If an event or relation uses it, raise InUseError unless ``cascade``:
        then the arguments/relations that use it go too (and events it triggers)."""
        docfile, rec = self._get(span_id, "span")
        users = self._users_of(docfile, span_id)
        if users and not cascade:
            raise InUseError(
                f"span {span_id} is used by {', '.join(u['id'] for u in users)}; "
                "remove those first or pass cascade=True"
            )
        after = self._cascade(docfile, {span_id})
        before = {rid: docfile.get(rid) for rid in after}
        self._write(Change(f"remove {rec['label']} span", {rec["doc"]: before}, {rec["doc"]: after}))

    def usage_of(self, record_id: str) -> list[str]:
        """Ids of events/relations that refer to a span or event (what a cascade would touch)."""
        docfile = self._docfile(doc_of(record_id))
        return [u["id"] for u in self._users_of(docfile, record_id)]

    # ------------------------------------------------------------------ events
    def _check_argument(self, docfile: _DocFile, event_type: str, role: Any, target: Any, doc_id: str) -> None:
        et = self.schema.event(event_type)
        assert et is not None
        role_def: Role | None = et.role(role) if isinstance(role, str) else None
        if role_def is None:
            raise UnknownLabelError(
                f"role {role!r} is not allowed for {event_type}; allowed roles: "
                f"{', '.join(r.name for r in et.roles)}"
            )
        if not isinstance(target, str) or kind_of(target) not in ("span", "event"):
            raise DanglingReferenceError(f"argument {role}: {target!r} is not a span or event id")
        if doc_of(target) != doc_id:
            raise DanglingReferenceError(
                f"argument {role}: {target} belongs to another document; arguments must be in {doc_id}"
            )
        rec = docfile.get(target)
        if rec is None:
            raise DanglingReferenceError(f"argument {role}: {target} does not exist")
        label = rec.get("label") or rec.get("type")
        if role_def.types and label not in role_def.types:
            raise UnknownLabelError(
                f"role {role} of {event_type} takes {', '.join(role_def.types)}; {target} is {label}"
            )

    def _event_record(
        self, docfile: _DocFile, doc_id: str, event_type: Any, trigger: Any, arguments: Any,
        attributes: Any, note: Any, self_id: str | None = None,
    ) -> Records:
        if not isinstance(event_type, str) or self.schema.event(event_type) is None:
            raise UnknownLabelError(f"unknown event type {event_type!r}; see the schema's event types")
        if not isinstance(trigger, str) or kind_of(trigger) != "span":
            raise DanglingReferenceError(f"trigger {trigger!r} is not a span id")
        if doc_of(trigger) != doc_id:
            raise DanglingReferenceError(f"trigger {trigger} belongs to another document than {doc_id}")
        trig = docfile.get(trigger)
        if trig is None:
            raise DanglingReferenceError(f"trigger span {trigger} does not exist")
        if trig["label"] != event_type:
            raise InvalidSpanError(
                f"trigger span {trigger} is labelled {trig['label']}; a trigger's label must be the "
                f"event type {event_type}"
            )
        args = []
        for item in arguments or ():
            try:
                role, target = item
            except (TypeError, ValueError):
                raise AnnotationError(f"each argument must be a (role, id) pair, not {item!r}") from None
            if self_id is not None and target == self_id:
                raise DanglingReferenceError(f"event {self_id} cannot be its own argument")
            self._check_argument(docfile, event_type, role, target, doc_id)
            args.append([role, target])
        if note is not None and not isinstance(note, str):
            raise AnnotationError("note must be a str or None")
        now = _now()
        return {
            "doc": doc_id,
            "type": event_type,
            "trigger": trigger,
            "arguments": args,
            "attributes": self._check_attributes(attributes, "event"),
            "note": note,
            "annotator": self.annotator,
            "created": now,
            "modified": now,
        }

    def add_event(
        self,
        doc_id: str,
        event_type: str,
        trigger: str,
        arguments: Iterable[tuple[str, str]] = (),
        attributes: Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> str:
        """Add an event whose trigger span (labelled ``event_type``) exists; return its id."""
        docfile = self._docfile(doc_id)
        doc = self._doc_record(doc_id)
        rec = self._event_record(docfile, doc_id, event_type, trigger, list(arguments), attributes, note)
        new_doc = copy.deepcopy(doc)
        rec["id"] = self._next_id(new_doc, "event")
        new_doc["modified"] = _now()
        self._write(
            Change(
                f"add {event_type} event",
                {doc_id: {"doc": doc, rec["id"]: None}},
                {doc_id: {"doc": new_doc, rec["id"]: rec}},
            )
        )
        return rec["id"]

    def update_event(self, event_id: str, **fields: Any) -> None:
        """Change an event's ``type``, ``arguments``, ``attributes`` or ``note``.

        Changing the type relabels its trigger span too (one undo step)."""
        allowed = {"type", "arguments", "attributes", "note"}
        unknown = set(fields) - allowed
        if unknown:
            raise AnnotationError(f"update_event does not take {', '.join(sorted(unknown))}")
        docfile, rec = self._get(event_id, "event")
        merged = {**rec, **fields}
        doc_id = rec["doc"]
        before: dict[str, Any] = {event_id: rec}
        after: dict[str, Any] = {}
        trig = docfile.get(rec["trigger"])
        if merged["type"] != rec["type"] and trig is not None:
            if not isinstance(merged["type"], str) or self.schema.event(merged["type"]) is None:
                raise UnknownLabelError(f"unknown event type {merged['type']!r}")
            before[trig["id"]] = trig
            after[trig["id"]] = {**trig, "label": merged["type"], "modified": _now()}
            # validate against a view where the trigger already carries the new label
            docfile_view = _PatchedView(docfile, {trig["id"]: after[trig["id"]]})
        else:
            docfile_view = docfile  # type: ignore[assignment]
        checked = self._event_record(
            docfile_view, doc_id, merged["type"], rec["trigger"], merged["arguments"],  # type: ignore[arg-type]
            merged.get("attributes"), merged.get("note"), self_id=event_id,
        )
        after[event_id] = {**rec, **{k: checked[k] for k in allowed}, "modified": _now()}
        self._write(Change("edit event", {doc_id: before}, {doc_id: after}))

    def add_argument(self, event_id: str, role: str, target: str) -> None:
        """Add a ``(role, target)`` argument; a role may repeat."""
        _, rec = self._get(event_id, "event")
        self.update_event(event_id, arguments=[*rec["arguments"], [role, target]])

    def remove_argument(self, event_id: str, role: str, target: str) -> None:
        """Remove the ``(role, target)`` argument of an event."""
        _, rec = self._get(event_id, "event")
        args = [list(a) for a in rec["arguments"]]
        if [role, target] not in args:
            raise NotFoundError(f"event {event_id} has no argument {role} = {target}")
        args.remove([role, target])
        self.update_event(event_id, arguments=args)

    def remove_event(self, event_id: str, remove_trigger: bool = False, cascade: bool = False) -> None:
        """Remove an event (and its trigger span if ``remove_trigger``).

        Events/relations that use this event as an argument refuse unless ``cascade``."""
        docfile, rec = self._get(event_id, "event")
        users = [u for u in self._users_of(docfile, event_id) if u["id"] != event_id]
        if users and not cascade:
            raise InUseError(
                f"event {event_id} is an argument of {', '.join(u['id'] for u in users)}; "
                "remove those first or pass cascade=True"
            )
        removed = {event_id}
        if remove_trigger:
            other = [u for u in self._users_of(docfile, rec["trigger"]) if u["id"] != event_id]
            if other and not cascade:
                raise InUseError(
                    f"trigger {rec['trigger']} is also used by {', '.join(u['id'] for u in other)}"
                )
            removed.add(rec["trigger"])
        after = self._cascade(docfile, removed)
        before = {rid: docfile.get(rid) for rid in after}
        self._write(Change(f"remove {rec['type']} event", {rec["doc"]: before}, {rec["doc"]: after}))

    def event(self, event_id: str) -> Event:
        docfile, rec = self._get(event_id, "event")
        return self._event_obj(docfile, rec)

    def _event_obj(self, docfile: _DocFile, rec: Records) -> Event:
        trig = docfile.get(rec["trigger"]) or {"start": 0, "end": 0}
        return Event.from_record(rec, trig, self._doc_record(rec["doc"])["text"])

    def events(self, doc_id: str) -> list[Event]:
        return self._events_of(self._docfile(doc_id))

    @staticmethod
    def _events_of(docfile: _DocFile) -> list[Event]:
        text = (docfile.raw_doc() or {}).get("text", "")
        spans = {r["id"]: r for r in docfile.raw("span")}
        recs = sorted(docfile.raw("event"), key=lambda r: _local_number(r["id"]))
        missing = {"start": 0, "end": 0}
        return [Event.from_record(r, spans.get(r["trigger"], missing), text) for r in recs]

    # ------------------------------------------------------------------ relations
    def _relation_record(self, docfile: _DocFile, rel_type: Any, arg1: Any, arg2: Any,
                         attributes: Any, note: Any) -> Records:
        rt = self.schema.relation(rel_type) if isinstance(rel_type, str) else None
        if rt is None:
            raise UnknownLabelError(
                f"unknown relation type {rel_type!r}; the schema has "
                f"{', '.join(t.name for t in self.schema.relation_types) or 'none'}"
            )
        doc_id = doc_of(arg1) if isinstance(arg1, str) else ""
        for name, arg, allowed in (("arg1", arg1, rt.arg1), ("arg2", arg2, rt.arg2)):
            if not isinstance(arg, str) or kind_of(arg) not in ("span", "event"):
                raise DanglingReferenceError(f"{name} {arg!r} is not a span or event id")
            if doc_of(arg) != doc_id:
                raise DanglingReferenceError("both ends of a relation must be in the same document")
            rec = docfile.get(arg)
            if rec is None:
                raise DanglingReferenceError(f"{name} {arg} does not exist")
            label = rec.get("label") or rec.get("type")
            if allowed and label not in allowed:
                raise UnknownLabelError(f"{rel_type} {name} takes {', '.join(allowed)}; {arg} is {label}")
        if arg1 == arg2:
            raise DanglingReferenceError("a relation needs two different annotations")
        if note is not None and not isinstance(note, str):
            raise AnnotationError("note must be a str or None")
        now = _now()
        return {
            "doc": doc_id, "type": rel_type, "arg1": arg1, "arg2": arg2,
            "attributes": self._check_attributes(attributes, "relation"), "note": note,
            "annotator": self.annotator, "created": now, "modified": now,
        }

    def add_relation(
        self,
        rel_type: str,
        arg1: str,
        arg2: str,
        attributes: Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> str:
        """Add a directed relation ``arg1 -> arg2`` (spans or events of one document)."""
        if not isinstance(arg1, str) or kind_of(arg1) not in ("span", "event"):
            raise DanglingReferenceError(f"arg1 {arg1!r} is not a span or event id")
        doc_id = doc_of(arg1)
        docfile = self._docfile(doc_id)
        rec = self._relation_record(docfile, rel_type, arg1, arg2, attributes, note)
        doc = self._doc_record(doc_id)
        new_doc = copy.deepcopy(doc)
        rec["id"] = self._next_id(new_doc, "relation")
        self._write(Change(f"add {rel_type} relation", {doc_id: {"doc": doc, rec["id"]: None}},
                           {doc_id: {"doc": new_doc, rec["id"]: rec}}))
        return rec["id"]

    def remove_relation(self, relation_id: str) -> None:
        _, rec = self._get(relation_id, "relation")
        self._write(Change("remove relation", {rec["doc"]: {relation_id: rec}}, {rec["doc"]: {relation_id: None}}))

    def relation(self, relation_id: str) -> Relation:
        return Relation.from_record(self._get(relation_id, "relation")[1])

    def relations(self, doc_id: str) -> list[Relation]:
        return self._relations_of(self._docfile(doc_id))

    @staticmethod
    def _relations_of(docfile: _DocFile) -> list[Relation]:
        recs = sorted(docfile.raw("relation"), key=lambda r: _local_number(r["id"]))
        return [Relation.from_record(r) for r in recs]

    def iter_annotated(
        self, status: str | Iterable[str] | None = None
    ) -> Iterator[tuple[Document, list[Span], list[Event], list[Relation]]]:
        """Each document with its spans, events and relations, read once (for exporters)."""
        wanted = {status} if isinstance(status, str) else set(status) if status is not None else None
        for info in self.documents():
            if wanted is not None and info.status not in wanted:
                continue
            docfile = self._docfile(info.id)
            doc = docfile.raw_doc()
            if doc is None:
                raise ProjectCorruptError(f"document file of {info.id} has no document record", info.id)
            yield (Document.from_record(doc), self._spans_of(docfile), self._events_of(docfile),
                   self._relations_of(docfile))

    # ------------------------------------------------------------------ whole annotated documents
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
        view = _PatchedView(None, {})
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

    # ------------------------------------------------------------------ schema
    def set_schema(self, schema: Schema) -> None:
        """Replace the schema; refused if any existing annotation would not fit it (a label,
        event type, relation type or role it lacks, or an argument type it no longer allows)."""
        problems: list[Problem] = []
        for info in self.documents():
            if info.n_annotations:
                problems.extend(_check_doc(schema, info.id, self._docfile(info.id).snapshot()))
        if problems:
            shown = "; ".join(f"{p.record}: {p.message}" for p in problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise SchemaError(
                f"the new schema does not fit {len(problems)} existing annotation(s): {shown}{more}. "
                "Rename or remove those types in the schema editor instead, which updates the annotations."
            )
        self._write(Change("change schema", {}, {}, self.schema.to_dict(), schema.to_dict()))

    def usage(self, kind: str, name: str) -> int:
        """How many annotations use the type/role/attribute ``name`` of ``kind``."""
        return sum(len(ids) for ids in self._usage_ids(kind, name).values())

    def _usage_ids(self, kind: str, name: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for info in self.documents():
            if not info.n_annotations:
                continue
            docfile = self._docfile(info.id)
            hits = []
            for rec in docfile.all("span"):
                if (kind in ("entity", "event") and rec["label"] == name) or (
                    kind == "attribute" and name in rec.get("attributes", {})
                ):
                    hits.append(rec["id"])
            for rec in docfile.all("event"):
                if (kind == "event" and rec["type"] == name) or (
                    kind == "role" and any(r == name for r, _ in rec.get("arguments", []))
                ) or (kind == "attribute" and name in rec.get("attributes", {})):
                    hits.append(rec["id"])
            for rec in docfile.all("relation"):
                if (kind == "relation" and rec["type"] == name) or (
                    kind == "attribute" and name in rec.get("attributes", {})
                ):
                    hits.append(rec["id"])
            if hits:
                out[info.id] = hits
        return out

    def rename_type(self, kind: str, old: str, new: str) -> None:
        """Rename an entity/event/relation type, a role (in every event type) or an attribute,
        and update every annotation that uses it. One undo step."""
        schema = self.schema.copy()
        if kind in ("entity", "event", "relation"):
            t = {"entity": schema.entity, "event": schema.event, "relation": schema.relation}[kind](old)
            if t is None:
                raise UnknownLabelError(f"no {kind} type {old!r} in the schema")
            t.name = new
            if kind == "entity":
                for et in schema.event_types:
                    for r in et.roles:
                        r.types = [new if x == old else x for x in r.types]
                for rt in schema.relation_types:
                    rt.arg1 = [new if x == old else x for x in rt.arg1]
                    rt.arg2 = [new if x == old else x for x in rt.arg2]
        elif kind == "role":
            found = False
            for et in schema.event_types:
                for r in et.roles:
                    if r.name == old:
                        r.name, found = new, True
            if not found:
                raise UnknownLabelError(f"no role {old!r} in the schema")
        elif kind == "attribute":
            a = schema.attribute(old)
            if a is None:
                raise UnknownLabelError(f"no attribute {old!r} in the schema")
            a.name = new
        else:
            raise AnnotationError(f"kind must be entity, event, relation, role or attribute, not {kind!r}")
        schema.validate()
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        for doc_id, ids in self._usage_ids(kind, old).items():
            docfile = self._docfile(doc_id)
            for rid in ids:
                rec = docfile.get(rid)
                assert rec is not None
                new_rec = copy.deepcopy(rec)
                if kind in ("entity", "event") and new_rec.get("label") == old:
                    new_rec["label"] = new
                if kind in ("event", "relation") and new_rec.get("type") == old:
                    new_rec["type"] = new
                if kind == "role":
                    new_rec["arguments"] = [[new if r == old else r, t] for r, t in rec["arguments"]]
                if kind == "attribute":
                    new_rec["attributes"] = {(new if k == old else k): v for k, v in rec["attributes"].items()}
                before.setdefault(doc_id, {})[rid] = rec
                after.setdefault(doc_id, {})[rid] = new_rec
        self._write(Change(f"rename {kind} {old} to {new}", before, after, self.schema.to_dict(), schema.to_dict()))

    def remove_type(self, kind: str, name: str, cascade: bool = False) -> None:
        """Remove a type from the schema. If annotations use it, raise InUseError (with the count)
        unless ``cascade``: then those annotations are removed too (one undo step)."""
        usage = self._usage_ids(kind, name)
        count = sum(len(v) for v in usage.values())
        if count and not cascade:
            raise InUseError(f"{count} annotation(s) use {kind} {name!r}; pass cascade=True to remove them too")
        schema = self.schema.copy()
        lists = {"entity": "entity_types", "event": "event_types", "relation": "relation_types",
                 "attribute": "attributes"}
        if kind not in lists:
            raise AnnotationError("remove_type takes entity, event, relation or attribute")
        items = getattr(schema, lists[kind])
        if not any(t.name == name for t in items):
            raise UnknownLabelError(f"no {kind} {name!r} in the schema")
        setattr(schema, lists[kind], [t for t in items if t.name != name])
        # role and relation-end constraints keep the removed name: an empty list would mean "any"
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        for doc_id, ids in usage.items():
            docfile = self._docfile(doc_id)
            if kind == "attribute":
                for rid in ids:
                    rec = docfile.get(rid)
                    assert rec is not None
                    before.setdefault(doc_id, {})[rid] = rec
                    attrs = {k: v for k, v in rec["attributes"].items() if k != name}
                    after.setdefault(doc_id, {})[rid] = {**rec, "attributes": attrs}
                continue
            doc_after = self._cascade(docfile, set(ids))
            before[doc_id] = {rid: docfile.get(rid) for rid in doc_after}
            after[doc_id] = doc_after
        self._write(Change(f"remove {kind} {name}", before, after, self.schema.to_dict(), schema.to_dict()))

    # ------------------------------------------------------------------ integrity and statistics
    def check(self, progress: Any = None) -> list[Problem]:
        """Verify every document: spans inside the text, labels in the schema, every reference
        resolving inside its document, ids matching their document. Empty list = healthy."""
        problems: list[Problem] = []
        infos = self.documents()
        if progress is not None:
            progress.start(len(infos), "checking")
        for info in infos:
            if progress is not None and progress.cancelled:
                break
            try:
                snap = self._docfile(info.id).snapshot()
            except ProjectCorruptError as exc:
                problems.append(Problem(info.id, "file", str(exc)))
                continue
            problems.extend(_check_doc(self.schema, info.id, snap))
            if progress is not None:
                progress.advance()
        if progress is not None:
            progress.finish()
        return problems

    def stats(self) -> dict[str, Any]:
        """Counts per status, per span label, per event type and per relation type."""
        status = {s: 0 for s in STATUSES}
        labels: dict[str, int] = {}
        events: dict[str, int] = {}
        relations: dict[str, int] = {}
        infos = self.documents()
        for info in infos:
            status[info.status] = status.get(info.status, 0) + 1
            if not info.n_annotations:
                continue
            docfile = self._docfile(info.id)
            for rec in docfile.all("span"):
                labels[rec["label"]] = labels.get(rec["label"], 0) + 1
            for rec in docfile.all("event"):
                events[rec["type"]] = events.get(rec["type"], 0) + 1
            for rec in docfile.all("relation"):
                relations[rec["type"]] = relations.get(rec["type"], 0) + 1
        return {"documents": len(infos), "status": status, "labels": labels, "events": events,
                "relations": relations}

    def _check_open(self) -> None:
        if self._closed:
            raise ProjectError("the project is closed; open it again with Project.open(path)")

    def __repr__(self) -> str:
        where = self.path if self.path is not None else ":memory:"
        return f"<Project {where}: {len(self._index)} documents>"


class _PatchedView:
    """A read-only view of a document's records with some records replaced (for validation)."""

    def __init__(self, base: _DocFile | None, records: dict[str, Records]) -> None:
        self.base = base
        self.records = records

    def get(self, record_id: str) -> Records | None:
        if record_id in self.records:
            return self.records[record_id]
        return self.base.get(record_id) if self.base is not None else None


def _check_doc(schema: Schema, doc_id: str, snap: Mapping[str, Records]) -> list[Problem]:
    problems = []
    doc = snap.get("doc")
    if doc is None:
        return [Problem(doc_id, "doc", "document record missing")]
    text = doc.get("text", "")
    for rid, rec in snap.items():
        if rid == "doc":
            continue
        if rec.get("id") != rid or doc_of(rid) != doc_id or rec.get("doc") != doc_id:
            problems.append(Problem(doc_id, rid, "id or doc field does not match its document"))
        kind = kind_of(rid)
        if kind == "span":
            if not (isinstance(rec.get("start"), int) and isinstance(rec.get("end"), int)
                    and 0 <= rec["start"] < rec["end"] <= len(text)):
                problems.append(Problem(doc_id, rid, f"offsets [{rec.get('start')}, {rec.get('end')}) "
                                                     f"outside the text (length {len(text)})"))
            if not schema.is_span_label(rec.get("label", "")):
                problems.append(Problem(doc_id, rid, f"label {rec.get('label')!r} not in the schema"))
        elif kind == "event":
            trig = snap.get(rec.get("trigger", ""))
            if trig is None:
                problems.append(Problem(doc_id, rid, f"trigger {rec.get('trigger')} does not exist (dangling)"))
            elif trig.get("label") != rec.get("type"):
                problems.append(Problem(doc_id, rid, "trigger label differs from the event type"))
            et = schema.event(rec.get("type", ""))
            if et is None:
                problems.append(Problem(doc_id, rid, f"event type {rec.get('type')!r} not in the schema"))
            for role, target in rec.get("arguments", []):
                if target not in snap:
                    problems.append(Problem(doc_id, rid, f"argument {role} -> {target} does not exist (dangling)"))
                    continue
                role_def = et.role(role) if et is not None else None
                if et is not None and role_def is None:
                    problems.append(Problem(doc_id, rid, f"role {role} is not defined for {et.name}"))
                elif role_def is not None and role_def.types:
                    label = snap[target].get("label") or snap[target].get("type")
                    if label not in role_def.types:
                        problems.append(Problem(doc_id, rid, f"argument {role} -> {target} is {label}; "
                                                             f"the role takes {', '.join(role_def.types)}"))
        elif kind == "relation":
            rt = schema.relation(rec.get("type", ""))
            if rt is None:
                problems.append(Problem(doc_id, rid, f"relation type {rec.get('type')!r} not in the schema"))
            for end in ("arg1", "arg2"):
                target = snap.get(rec.get(end, ""))
                if target is None:
                    problems.append(Problem(doc_id, rid, f"{end} {rec.get(end)} does not exist (dangling)"))
                    continue
                allowed = getattr(rt, end) if rt is not None else []
                label = target.get("label") or target.get("type")
                if rt is not None and allowed and label not in allowed:
                    problems.append(Problem(doc_id, rid, f"{end} {rec.get(end)} is {label}; "
                                                         f"{rt.name} takes {', '.join(allowed)}"))
        else:
            problems.append(Problem(doc_id, rid, "record of unknown kind"))
    nxt = doc.get("next", {})
    for rid in snap:
        if rid != "doc" and kind_of(rid) in _PREFIX and _local_number(rid) >= nxt.get(_PREFIX[kind_of(rid)], 1 << 60):
            problems.append(Problem(doc_id, rid, "id is not below the document's id counter"))
    return problems


_PACK_HEAD = b'{"documents":{\n'
_PACK_TAIL = b"\n}}"


def _pack_layout(records: Iterable[Records]) -> tuple[bytes, dict[str, list[int]]]:
    """A pack file, and where each document's JSON lies in it (offset, length).

    The file is a TinyDB file whose table ``documents`` holds whole document records, written
    one record per line (``"1":{...},``), so that one document can be read without parsing
    the others.

    Raises:
        AnnotationError: a record cannot be written (text with an unpaired surrogate), naming it.
    """
    parts = [_PACK_HEAD]
    pos = len(_PACK_HEAD)
    where: dict[str, list[int]] = {}
    for i, rec in enumerate(records, 1):
        try:
            body = dumps(rec)
        except UnicodeEncodeError as exc:
            raise AnnotationError(f"document {i}: its text, title or meta cannot be stored as UTF-8 "
                                  f"({exc.reason} at character {exc.start}); remove that character") from None
        key = b'"%d":' % i if i == 1 else b',\n"%d":' % i
        where[rec["id"]] = [pos + len(key), len(body)]
        parts += (key, body)
        pos += len(key) + len(body)
    parts.append(_PACK_TAIL)
    return b"".join(parts), where


def _parse_pack(raw: bytes) -> tuple[dict[str, Records], dict[str, list[int]]] | None:
    """Read a pack written by ``_pack_layout`` line by line, keeping where each record lies;
    None when the file is not in that layout or a line does not read (the caller then reads it
    as plain JSON, which names the damage)."""
    if not (raw.startswith(_PACK_HEAD) and raw.endswith(_PACK_TAIL)):
        return None
    records: dict[str, Records] = {}
    where: dict[str, list[int]] = {}
    pos, end = len(_PACK_HEAD), len(raw) - len(_PACK_TAIL)
    try:
        while pos < end:
            stop = raw.find(b"\n", pos, end)
            stop = end if stop < 0 else stop
            last = stop == end
            colon = raw.index(b'":', pos, stop) + 2
            body_end = stop if last else stop - 1  # a comma ends every line but the last
            if raw[pos : pos + 1] != b'"' or (not last and raw[body_end : stop] != b","):
                return None
            rec = _loads(raw[colon:body_end])
            if not _is_doc_record(rec) or rec["id"] in records:
                return None
            records[rec["id"]] = rec
            where[rec["id"]] = [colon, body_end - colon]
            pos = stop + 1
    except ValueError:
        return None
    return records, where


def _loads(raw: bytes) -> Any:
    # the json module: orjson would read integers past 64 bits (which storage.dumps writes through
    # the json module) as floats
    return json.loads(raw)


def _is_doc_record(rec: Any) -> bool:
    return (isinstance(rec, dict) and isinstance(rec.get("id"), str) and bool(_DOC_ID_RE.match(rec["id"]))
            and isinstance(rec.get("text"), str))


def _info_of(s: Records) -> DocumentInfo:
    return DocumentInfo(
        id=s["id"], title=s.get("title"), status=s.get("status", "new"), n_spans=s.get("n_spans", 0),
        n_events=s.get("n_events", 0), n_relations=s.get("n_relations", 0), length=s.get("length", 0),
        # a read-only view: index records are replaced, never changed in place, on every edit
        hash=s.get("hash", ""), created=s.get("created", ""), meta=MappingProxyType(s.get("meta") or {}),
    )


def _check_status(status: Any) -> None:
    if status not in STATUSES:
        raise AnnotationError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")


def _json_dict(value: Any, what: str, take: bool = False) -> dict[str, Any]:
    """``value`` checked to be a JSON object, as a deep copy (or itself, with ``take``, when its
    encoding shows it reads back equal: no null, which is also what NaN becomes)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnnotationError(f"{what} must be a dict, not {type(value).__name__}")
    try:
        # One round trip both proves the value is JSON and makes our own deep copy of it, read
        # back by the library that wrote it (orjson reads integers past 64 bits as floats).
        try:
            raw = orjson.dumps(value, option=ORJSON_OPTIONS)  # refuses non-string keys, big integers
            if take and type(value) is dict and b"null" not in raw:
                return value
            copied = orjson.loads(raw)
        except TypeError:  # what orjson declines: integers past 64 bits, non-string keys...
            copied = json.loads(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        raise AnnotationError(f"{what} must hold only JSON values (str, number, bool, list, dict): {exc}") from None
    if not isinstance(copied, dict) or set(copied) != set(value):
        raise AnnotationError(f"{what} keys must be strings")
    return copied


def _default_annotator() -> str | None:
    import getpass  # on first use: start-up time matters (issue 7)

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises various errors when no user name is set
        return None


def restore_file(project_path: str | os.PathLike[str], name: str) -> str:
    """Replace a damaged project file with its ``.bak``; the damaged file is kept aside.

    ``name`` is ``project.json``, a document file name (``<doc_id>.json``) or a pack file name
    (``<id>-<n>.pack.json``). Returns a message.
    """
    folder = Path(project_path)
    lock = ProjectLock(folder)
    lock.acquire()
    try:
        target = folder / name if name == "project.json" else folder / "docs" / Path(name).name
        bak = target.with_name(target.name + BACKUP_SUFFIX)
        if not bak.exists():
            raise ProjectError(f"{target}: no backup ({bak.name}) to restore from")
        read_json_file(bak)  # refuse to restore a damaged backup
        aside = target.with_name(f"{target.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        if target.exists():
            os.replace(target, aside)
        atomic_write_bytes(target, bak.read_bytes())
        kept = f"; the damaged file is kept as {aside.name}" if aside.exists() else ""
        return f"restored {target} from {bak.name}{kept}"
    finally:
        lock.release()


def backup_project(folder: Path, reason: str) -> Path:
    """Copy the whole project (without backups/) to ``backups/<reason>-<time>/``."""
    dest = folder / "backups" / f"{reason}-{time.strftime('%Y%m%d-%H%M%S')}"
    shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("backups", "lock", "*.tmp"))
    return dest
