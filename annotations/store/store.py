"""``Store``: the project folder behind ``Project``: read a document's records, write a change,
compact, close. The layout and why it is so: the package docstring (``annotations.store``)."""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Mapping
from datetime import UTC, datetime
from operator import attrgetter, methodcaller
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from ..errors import (
    AnnotationError,
    NotFoundError,
    ProjectCorruptError,
    ProjectError,
    ProjectVersionError,
    ProjectWriteError,
    SchemaError,
)
from ..model import Change, Problem, kind_of
from ..schema import Schema, ace2005
from . import index as index_file
from .docfile import DocFile
from .files import (
    BACKUP_SUFFIX,
    DurableJSONStorage,
    atomic_write_bytes,
    fsync_dir,
    read_json_fast,
    read_project_fast,
)
from .journal import Journal
from .lock import ProjectLock
from .packs import DOC_ID_RE, PackFiles

FORMAT_NAME = "qalam-annotation-project"
FORMAT_VERSION = 2
CACHE_SIZE = 64  # document files kept parsed (those with changes not yet compacted stay too)
JOURNAL_LIMIT = 8 * 1024 * 1024  # compact when the journal passes 8 MB

Records = dict[str, Any]
Laid = tuple[bytes, dict[str, list[int]]]  # a pack's bytes and where each document lies in them


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The documents of one project folder (or of memory, with ``path`` None).

    Attributes:
        path: the folder, or None in memory.
        readonly: opened without the lock; nothing is ever written.
        schema: the stored schema (``write`` replaces it when a change carries one).
        index: each document's summary by id (see ``annotations.store.index``).
        generation: changes whenever the index does (for callers that cache views of it).
        warnings: things noticed at open, and compactions that failed (retried later).
        missing: index entries of documents that no file holds (see ``annotations.store.index``).
    """

    def __init__(self, path: Path | None, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self.schema: Schema = ace2005()
        self.warnings: list[str] = []
        self.index: dict[str, Records] = {}
        self.by_hash: dict[str, str] = {}
        self.seq = 0
        self.generation = 0
        self.lock: ProjectLock | None = None
        self.meta_db: TinyDB | None = None
        self.journal: Journal | None = None
        self.cache: OrderedDict[str, DocFile] = OrderedDict()
        self.memory_docs: dict[str, DocFile] = {}
        self.index_dirty = False
        self.deleted: set[str] = set()
        self.deleted_pack: dict[str, str] = {}  # removed documents that lived in a pack, and which
        self.stale_packs: set[str] = set()  # packs holding documents that moved out or were removed
        self.dirty: set[str] = set()  # documents changed in memory and in the journal, not yet in their files
        self.schema_dirty = False
        self.packs = PackFiles(path / "docs") if path is not None else None
        # ``tables`` names a document's file by joining strings: no Path, no os.path.join per document
        self._docs_prefix = os.path.join(path, "docs", "") if path is not None else ""
        self.missing: dict[str, Records] = {}
        self.journal_missing: dict[str, str] = {}  # documents the journal has changes for, no file: why
        self.journal_damage: list[str] = []  # damaged journal lines seen by a read-only open

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def memory(cls, schema: Schema | None = None) -> Store:
        store = cls(None)
        store.meta_db = TinyDB(storage=DurableJSONStorage)
        store.meta_db.table("project").insert({"format": FORMAT_NAME, "format_version": FORMAT_VERSION})
        store.schema = schema.copy() if schema else ace2005()
        return store

    @classmethod
    def open(cls, folder: Path, *, create: bool, schema: Schema | None, readonly: bool = False) -> Store:
        """Open (or create) the folder; see ``Project.open`` for the errors raised."""
        if folder.exists() and not folder.is_dir():
            raise ProjectError(f"{folder} is a file, not a project folder. Give a folder path.")
        if not folder.exists():
            if not create or readonly:
                raise ProjectError(
                    f"{folder}: no such project folder. Check the path, or import documents to create it."
                )
            try:
                _make_folders(folder)
            except OSError as exc:
                raise ProjectWriteError.of(exc, folder, "No project was created.") from None
        store = cls(folder, readonly=readonly)
        if readonly:
            store._load_readonly()
            return store
        store.lock = ProjectLock(folder)
        try:
            store.lock.acquire()
        except PermissionError as exc:
            raise ProjectError(f"{folder}: no permission to open the project ({exc.strerror}).") from None
        try:
            store._load(schema)
        except BaseException:
            store.close_files()
            raise
        if store.lock.stale_holder:
            h = store.lock.stale_holder
            store.warnings.append(
                f"took over a lock left by a process that ended (pid {h.get('pid')} on {h.get('host')})"
            )
        return store

    def close(self) -> None:
        """Bring the files up to date, empty the journal, release the lock. If the files cannot
        be written (a full disk), the changes stay in the journal for the next open: a warning."""
        try:
            if self.path is not None and not self.readonly:
                self._compact_or_warn(write_index=True)
        finally:
            self.close_files()

    def close_files(self) -> None:
        """Release the journal and the lock without writing anything."""
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    @property
    def docs_dir(self) -> Path:
        assert self.path is not None
        return self.path / "docs"

    def doc_path(self, doc_id: str) -> Path:
        if not DOC_ID_RE.match(doc_id):  # ids come from files a hand could have edited
            raise ProjectCorruptError(f"{self.path}: a document id {doc_id!r} that is not a plain name (damaged "
                                      "journal or pack?); restore the project folder from a backup", str(self.path))
        return self.docs_dir / f"{doc_id}.json"

    def _project_file(self) -> tuple[Path, bool]:
        """project.json, and whether the project is new (refusing a folder that lost it)."""
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
        return meta_path, new

    def _check_format(self, meta_path: Path, data: Any) -> int:
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
        return version

    def _read_schema(self, meta_path: Path) -> None:
        assert self.meta_db is not None
        schema_rec = self.meta_db.table("schema").get(doc_id=1)
        try:
            self.schema = Schema.from_dict(dict(schema_rec) if schema_rec else {}, source=str(meta_path))
        except SchemaError as exc:
            raise ProjectCorruptError(f"{exc} (damaged schema).", str(meta_path)) from None

    def _load(self, schema: Schema | None) -> None:
        assert self.path is not None
        meta_path, new = self._project_file()
        self.meta_db = TinyDB(meta_path, storage=DurableJSONStorage)
        storage: DurableJSONStorage = self.meta_db.storage  # type: ignore[assignment]
        if not new:
            storage.preload(_project_data(meta_path))
        data = storage.read()  # raises ProjectCorruptError naming the file
        if new:
            self.docs_dir.mkdir(exist_ok=True)
            self.schema = schema.copy() if schema else ace2005()
            with storage.batch():
                self.meta_db.table("project").insert(
                    {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "created": now()}
                )
                self.meta_db.table("schema").insert(self.schema.to_dict())
            fsync_dir(self.path)
            self.journal = Journal(self.path / "journal")
            return
        version = self._check_format(meta_path, data)
        if version < FORMAT_VERSION:
            from .migrations import migrate

            migrate(self.path, version, FORMAT_VERSION)
            self.meta_db = TinyDB(meta_path, storage=DurableJSONStorage)
            self.warnings.append(f"migrated the project from format {version} to {FORMAT_VERSION}")
        self._read_schema(meta_path)
        from .recovery import replay_journal

        replay_journal(self)
        self._scan()
        self.journal = Journal(self.path / "journal")

    def _load_readonly(self) -> None:
        """Read the files as they are, then replay the journal in memory (nothing is written)."""
        assert self.path is not None
        meta_path = self.path / "project.json"
        if not meta_path.exists():
            raise ProjectError(f"{self.path}: not a project folder (no project.json). Check the path.")
        from .recovery import replay_in_memory

        attempts = 50
        for attempt in range(attempts):
            # A writer may compact meanwhile: files are replaced, packs rewritten or removed, the
            # journal emptied. Every file is replaced whole, so what is read is complete; if the
            # marks moved, or a file vanished under the scan, the snapshot is read again.
            before = self._generation_marks()
            self.warnings.clear()
            try:
                self.meta_db = TinyDB(meta_path, storage=DurableJSONStorage, deferred=True)
                data = _project_data(meta_path)
                self.meta_db.storage.preload(data)  # type: ignore[attr-defined]
                version = self._check_format(meta_path, data)
                if version < FORMAT_VERSION:
                    raise ProjectVersionError(
                        f"{self.path} uses the older project format version {version}; open it once for "
                        "editing (without read-only) to upgrade it."
                    )
                self._read_schema(meta_path)
                journal = Journal.read(self.path / "journal")
                self.cache.clear()
                self.packs = PackFiles(self.docs_dir)
                self._scan()
            except (FileNotFoundError, ProjectCorruptError):
                if attempt == attempts - 1 or self._generation_marks() == before:
                    raise  # not a race with the writer: real damage
                time.sleep(0.005)
                continue
            if self._generation_marks() == before:
                break
            time.sleep(0.005)
        else:  # pragma: no cover - a writer compacting without pause for the whole time
            raise ProjectError(f"{self.path}: the project kept changing while it was read; try again")
        self.warnings.extend(journal.notes)
        self.journal_damage = journal.lost
        replay_in_memory(self, journal.entries)
        self.index_dirty = False

    def _generation_marks(self) -> tuple[Any, ...]:
        """What a compaction by the writer changes: every file of docs/ and project.json is
        replaced by a rename (a new inode), removed files leave the listing, and the journal is
        emptied (its size shrinks). Inodes rather than mtimes: a folder's mtime has the clock's
        coarse granularity, and two renames in one tick would leave it unchanged."""
        assert self.path is not None
        marks: list[Any] = []
        try:
            with os.scandir(self.docs_dir) as it:
                entries = list(it)
            marks.append(frozenset(zip(map(_NAME, entries), map(_INODE, entries), strict=True)))
        except FileNotFoundError:
            marks.append(None)
        for name in ("project.json", "journal"):
            try:
                st = os.stat(self.path / name)
                marks.append((st.st_ino, st.st_mtime_ns, st.st_size) if name == "project.json" else st.st_ino)
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)

    def _scan(self) -> None:
        """Load the index cache, then re-read only document files that changed since."""
        assert self.meta_db is not None and self.packs is not None
        if not self.readonly:
            self.docs_dir.mkdir(exist_ok=True)
        elif not self.docs_dir.is_dir():
            self.index = {}
            return
        cached = index_file.read_cached(self.meta_db)
        scan = index_file.Scan(self.docs_dir, cached, self.packs, readonly=self.readonly)
        self.stale_packs |= scan.stale_packs
        if scan.stale or scan.dropped or len(scan.index) + len(scan.missing) != len(cached):
            self.index_dirty = True
            if cached:
                self.warnings.append(f"re-indexed {scan.stale} document(s) changed since the last clean close")
        self.index = scan.index
        for doc_id, why in self.journal_missing.items():
            if doc_id not in self.index:
                scan.missing.setdefault(doc_id, {**cached.get(doc_id, {"id": doc_id}), "missing": why})
                self.index_dirty = True
        self.missing = scan.missing
        from .damage import missing_notes

        self.warnings.extend(missing_notes(self))
        self.generation += 1
        self.by_hash = {s["hash"]: d for d, s in self.index.items()}
        self.seq = max((s.get("seq", 0) for s in self.index.values()), default=0)

    def write_index(self) -> None:
        assert self.meta_db is not None
        index_file.write(self.meta_db, self.index, self.missing)
        self.index_dirty = False

    def problems(self) -> list[Problem]:
        """What ``check`` reports besides the documents' own records (see ``damage``)."""
        from .damage import problems

        return problems(self)

    def compact(self, write_index: bool = True) -> None:
        """Write every change held in the journal into the document files (and the index cache),
        then empty the journal (see ``annotations.store.compaction``)."""
        if self.path is None or self.readonly:
            return
        from .compaction import compact

        compact(self, write_index)

    def _compact_or_warn(self, write_index: bool) -> None:
        """Compact; if a file cannot be written, warn instead of raising: every change is already
        saved in the journal, and the compaction is tried again at the next change and on close."""
        try:
            try:
                self.compact(write_index)
            except ProjectWriteError:
                raise
            except OSError as exc:  # a rename or folder creation of the compaction itself
                raise ProjectWriteError.of(exc, exc.filename or self.path or "", "") from None
        except ProjectWriteError as exc:
            note = (f"could not bring the document files up to date ({exc.path}: {exc.what}); every change "
                    f"is saved in the journal, and this is tried again at the next change and on close. {exc.todo}")
            if note not in self.warnings:
                self.warnings.append(note)
            import logging

            logging.getLogger(__name__).warning("%s", note)

    # ------------------------------------------------------------------ reading
    def docfile(self, doc_id: str) -> DocFile:
        """The document's records (its file, or its pack record until its first change)."""
        if doc_id not in self.index:
            raise NotFoundError(f"no document with id {doc_id!r} in this project")
        if self.path is None:
            return self.memory_docs[doc_id]
        cached = self.cache.get(doc_id)
        if cached is not None:
            self.cache.move_to_end(doc_id)
            return cached
        docfile = DocFile(self.doc_path(doc_id), deferred=True)
        pack = self.index[doc_id].get("pack")
        assert self.packs is not None
        if pack is not None:
            rec = self.packs.record(pack, doc_id, self.index[doc_id].get("pack_at"))
            if rec is None and self.readonly and self.doc_path(doc_id).exists():
                docfile.storage.read()  # the writer moved it out of its pack since we opened
            elif rec is None:
                raise ProjectCorruptError(
                    f"{self.docs_dir / pack}: does not hold document {doc_id}, which the index lists in it "
                    "(changed outside the app?). Close and reopen the project to index it again.",
                    str(self.docs_dir / pack),
                )
            else:
                docfile.storage.seed({"document": {"1": rec}})  # its own file is written at its first change
        else:
            docfile.storage.read()  # surface damage now, naming the file
        self.cache[doc_id] = docfile
        self.evict(keep=doc_id)
        return docfile

    def tables(self, doc_id: str) -> Mapping[str, Any]:
        """A document's tables as stored (``{"document": {"1": record}, "spans": {number: record}, ...}``),
        for a pass that reads every document once (an export). A document not held in memory is read
        from its file (or pack) each time and not kept: memory stays flat with the number of
        documents, and the cache keeps the documents being worked on. Never mutate what it returns.

        Raises:
            NotFoundError: no such document.
            ProjectCorruptError: its file is damaged (named).
        """
        if doc_id not in self.index:
            raise NotFoundError(f"no document with id {doc_id!r} in this project")
        held = self.memory_docs.get(doc_id) if self.path is None else self.cache.get(doc_id)
        if held is None and self.path is not None:
            summary = self.index[doc_id]
            try:
                if summary.get("pack") is None:
                    if not DOC_ID_RE.match(doc_id):
                        self.doc_path(doc_id)  # raises, naming the id
                    data = read_json_fast(self._docs_prefix + doc_id + ".json")
                    if isinstance(data, dict):
                        return data
                else:
                    assert self.packs is not None
                    rec = self.packs.record(summary["pack"], doc_id, summary.get("pack_at"))
                    if rec is not None:
                        return {"document": {"1": rec}}
            except FileNotFoundError:
                pass
            # gone, moved or not a table file: the cached path says what happened (or reads it)
        return (held or self.docfile(doc_id)).storage.read() or {}

    def evict(self, keep: str) -> None:
        # documents with changes not yet compacted stay cached: the journal holds them durably
        while len(self.cache) > CACHE_SIZE:
            oldest = next((d for d, f in self.cache.items() if not f.storage.dirty and d != keep), None)
            if oldest is None:
                break
            del self.cache[oldest]

    def _new_docfile(self, doc_id: str) -> DocFile:
        if self.path is None:
            docfile = DocFile(None)
            self.memory_docs[doc_id] = docfile
            return docfile
        docfile = DocFile(self.doc_path(doc_id), deferred=True)
        # A document added back (undo of a removal) may still have its old file until compaction
        # moves it to the trash; its records come whole from the change, not from that file.
        docfile.storage.seed({})
        self.cache[doc_id] = docfile  # new documents are dirty until compacted: nothing to evict
        return docfile

    # ------------------------------------------------------------------ the one write path
    def write(self, change: Change, laid_out: Laid | None = None) -> None:
        """Make ``change`` durable (one journal append), then apply it in memory.

        The journal line is the commit point: if the append fails, nothing changed. With
        ``laid_out`` (new documents only: ``add_documents`` on disk, see ``packs.layout``) the
        commit point is instead the one pack file holding them all."""
        if self.readonly:
            raise ProjectError(f"{self.path} is open read-only; open it without readonly=True to change it")
        if laid_out is not None:
            self._write_pack(change, laid_out)
            return
        new_schema = None
        if change.schema_after is not None and change.schema_after != self.schema.to_dict():
            new_schema = Schema.from_dict(change.schema_after)
        if self.journal is not None:
            try:
                self.journal.append({"after": change.after, "schema": change.schema_after if new_schema else None})
            except UnicodeEncodeError as exc:
                raise AnnotationError(f"text, title or meta cannot be stored as UTF-8 ({exc.reason} at character "
                                      f"{exc.start}); remove that character") from None
        self.apply(change.after, new_schema, change.before)  # committed: nothing below may raise for it
        if self.journal is not None and (self.journal.size > JOURNAL_LIMIT or len(self.dirty) > 4 * CACHE_SIZE):
            self._compact_or_warn(write_index=False)

    def apply(self, after: Mapping[str, Mapping[str, Any]], new_schema: Schema | None,
              before: Mapping[str, Mapping[str, Any]] | None) -> None:
        """Apply committed "after" records in memory (``before`` None: counts are recomputed)."""
        if new_schema is not None:
            self.schema = new_schema
            self.schema_dirty = self.path is not None
            if self.path is None:
                self.write_schema(new_schema)
        for doc_id, recs in after.items():
            if "doc" in recs and recs["doc"] is None:
                self._delete_docfile(doc_id)
                continue
            if doc_id in self.index:
                docfile = self.docfile(doc_id)
            else:
                docfile = self._new_docfile(doc_id)
                self.deleted.discard(doc_id)
                self.deleted_pack.pop(doc_id, None)
            with docfile.storage.batch():
                docfile.put_many(recs)
            self._update_summary(doc_id, docfile, before.get(doc_id, {}) if before is not None else None, recs)
            if self.path is not None:
                self.dirty.add(doc_id)

    def _write_pack(self, change: Change, laid_out: Laid) -> None:
        assert self.packs is not None
        records = [after["doc"] for after in change.after.values()]
        name = self.packs.new_name(records)
        path = self.docs_dir / name
        data, where = laid_out
        try:
            atomic_write_bytes(path, data)  # durable, rename and folder included
        except OSError as exc:
            raise ProjectWriteError.of(exc, path, f"None of these {len(records)} documents were stored; the "
                                                  "documents stored before are saved.") from None
        st = os.stat(path)
        # Not kept parsed: each document is read from its place in the file (pack_at) when asked
        # for, and an import would otherwise hold several packs of records it never reads again.
        for rec in records:
            summary = {**index_file.summary({"doc": rec}, st), "pack": name, "pack_at": where[rec["id"]]}
            self.index[rec["id"]] = summary
            self.by_hash[summary["hash"]] = rec["id"]
            self.seq = max(self.seq, summary["seq"])
            self.deleted.discard(rec["id"])
            self.deleted_pack.pop(rec["id"], None)
        self.index_dirty = True
        self.generation += 1

    def _update_summary(self, doc_id: str, docfile: DocFile, before: Mapping[str, Any] | None,
                        after: Mapping[str, Any]) -> None:
        old = self.index.get(doc_id)
        if old is None or before is None:
            summary = index_file.summary(docfile.snapshot())
            if old is not None:
                summary = {**old, **summary}
                if old["hash"] != summary["hash"]:
                    self.by_hash.pop(old["hash"], None)
        else:
            summary = dict(old)
            for rid, rec in after.items():
                if rid == "doc":
                    continue
                key = {"span": "n_spans", "event": "n_events", "relation": "n_relations"}.get(kind_of(rid))
                if key is not None:  # suggestions are not counted in the index
                    summary[key] += (rec is not None) - (before.get(rid) is not None)
            if after.get("doc") is not None:
                fresh = index_file.summary({"doc": after["doc"]})
                for key in ("title", "status", "length", "hash", "created", "seq", "meta"):
                    summary[key] = fresh[key]
            if old["hash"] != summary["hash"]:
                self.by_hash.pop(old["hash"], None)
        self.index[doc_id] = summary
        self.by_hash[summary["hash"]] = doc_id
        self.seq = max(self.seq, summary["seq"])
        self.index_dirty = True
        self.generation += 1

    def _delete_docfile(self, doc_id: str) -> None:
        self.generation += 1
        summary = self.index.pop(doc_id, None)
        if summary:
            self.by_hash.pop(summary["hash"], None)
            if summary.get("pack") and self.path is not None:
                self.deleted_pack[doc_id] = summary["pack"]
                self.stale_packs.add(summary["pack"])
        self.cache.pop(doc_id, None)
        self.memory_docs.pop(doc_id, None)
        self.index_dirty = True
        if self.path is not None:
            self.deleted.add(doc_id)

    def write_schema(self, schema: Schema) -> None:
        assert self.meta_db is not None
        table = self.meta_db.table("schema")
        storage: DurableJSONStorage = self.meta_db.storage  # type: ignore[assignment]
        with storage.batch():
            table.truncate()
            table.insert(schema.to_dict())
        self.schema = schema


_NAME, _INODE = attrgetter("name"), methodcaller("inode")


def _project_data(meta_path: Path) -> dict[str, Any]:
    """project.json's tables (``read_project_fast``), refusing a file that is not an object of tables."""
    data = read_project_fast(meta_path)
    if not isinstance(data, dict):
        raise ProjectCorruptError(f"{meta_path}: expected a JSON object of tables (damaged).", str(meta_path))
    return data


def _make_folders(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each made durable in its parent folder."""
    created = []
    while not folder.exists():
        created.append(folder)
        folder = folder.parent
    for new in reversed(created):
        new.mkdir()
        fsync_dir(new.parent)
