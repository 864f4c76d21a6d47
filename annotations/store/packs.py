"""Packs: the documents of one bulk add (an import) in one file, one record per line.

A pack is a TinyDB file, ``docs/<first id>-<n>.pack.json`` with the table ``documents``. Each
record is written on a line of its own, and the index keeps where each one lies (``pack_at``:
offset and length), so one document is read with one small read instead of parsing the pack.
A packed document moves to its own file at its first change; the pack is then rewritten
without it.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import re
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import AnnotationError, ProjectCorruptError
from .files import BACKUP_SUFFIX, atomic_write_bytes, dumps, fsync_dir, read_json_file

Records = dict[str, Any]
Parsed = tuple[dict[str, Records], dict[str, list[int]]]  # records by id, where each lies in the file
PACK_SUFFIX = ".pack.json"
DOC_ID_RE = re.compile(r"^[0-9a-zA-Z_-]{1,64}$")
_PACK_CACHE_SIZE = 4  # packs kept parsed in memory (a 200-article pack is about 2 MB)


class PackFiles:
    """The packs of one ``docs/`` folder, a few of them kept parsed (least recently used first)."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self._parsed: OrderedDict[str, Parsed] = OrderedDict()

    def names(self) -> list[str]:
        return sorted(p.name for p in self.docs_dir.glob("*" + PACK_SUFFIX))

    def records(self, name: str) -> dict[str, Records]:
        """The documents of a pack by id (parsed once, kept for a few packs); {} if it is gone."""
        return self.get(name)[0]

    def get(self, name: str) -> Parsed:
        """A pack's documents by id and where each one's JSON lies in the file (see ``layout``);
        parsed once and kept for a few packs. Empty if the pack is gone."""
        cached = self._parsed.get(name)
        if cached is not None:
            self._parsed.move_to_end(name)
            return cached
        path = self.docs_dir / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}, {}
        parsed = parse(raw)
        if parsed is None:  # not in the app's layout (edited by hand?), or damaged: read it as JSON
            data = read_json_file(path)  # names the file if it is damaged
            table = data.get("documents") if isinstance(data, dict) else None
            if not isinstance(table, dict) or not all(is_doc_record(r) for r in table.values()):
                raise ProjectCorruptError(
                    f"{path}: not a document pack (no \"documents\" table of document records; damaged). "
                    f"If {name}{BACKUP_SUFFIX} exists, restore it with: python main.py restore PROJECT {name}",
                    str(path),
                )
            parsed = {r["id"]: r for r in table.values()}, {}
        self.remember(name, parsed)
        return parsed

    def record(self, name: str, doc_id: str, at: list[int] | None) -> Records | None:
        """One document of a pack: read from its place in the file when the index knows it (a
        7 KB read instead of parsing a 1.4 MB pack), else from the parsed pack."""
        cached = self._parsed.get(name)
        if cached is None and at:
            with contextlib.suppress(OSError, ValueError, TypeError):
                with open(self.docs_dir / name, "rb") as f:
                    f.seek(at[0])
                    rec = loads(f.read(at[1]))
                if is_doc_record(rec) and rec["id"] == doc_id:
                    return rec
        return self.records(name).get(doc_id)

    def holds(self, name: str, summaries: list[Records]) -> bool:
        """Whether the pack holds exactly the documents of ``summaries`` (cached index entries),
        each where its ``pack_at`` says: the pack's last key gives its number of documents, and
        each document's id is read at its place (a few bytes each, no parsing). False when
        anything differs or the pack is not in the app's layout: then read the pack itself."""
        try:
            with open(self.docs_dir / name, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                end = len(mm) - len(_PACK_TAIL)
                if mm[: len(_PACK_HEAD)] != _PACK_HEAD or mm[end:] != _PACK_TAIL:
                    return False
                last_line = mm.rfind(b"\n", 0, end) + 1  # the last record's line: "<n>":{...}
                key = re.match(rb'"([0-9]+)":', mm[last_line : last_line + 24])
                if key is None or int(key.group(1)) != len(summaries):
                    return False
                for s in summaries:
                    at = s.get("pack_at")
                    if not (type(at) is list and len(at) == 2 and type(at[0]) is int and type(at[1]) is int):
                        return False
                    start, stop = at[0], at[0] + at[1]
                    head = b'":{"id":"' + str(s["id"]).encode() + b'"'
                    if (not len(_PACK_HEAD) < start < stop <= end or mm[start - 2 : start + len(head) - 2] != head
                            or mm[stop - 1 : stop + 2] != (b"}" + _PACK_TAIL[:2] if stop == end else b"},\n")):
                        return False
                return True
        except (OSError, ValueError):  # gone, empty, or not mappable: read it the slow way
            return False

    def remember(self, name: str, pack: Parsed) -> None:
        self._parsed[name] = pack
        self._parsed.move_to_end(name)
        while len(self._parsed) > _PACK_CACHE_SIZE:
            self._parsed.popitem(last=False)

    def forget(self, name: str) -> None:
        self._parsed.pop(name, None)

    def new_name(self, records: list[Records]) -> str:
        name = f"{records[0]['id']}-{len(records)}{PACK_SUFFIX}"
        while (self.docs_dir / name).exists():
            name = f"{records[0]['id']}-{len(records)}-{os.urandom(2).hex()}{PACK_SUFFIX}"
        return name

    def rewrite(self, name: str, keep: set[str]) -> tuple[os.stat_result, dict[str, list[int]]] | None:
        """Rewrite a pack with only the documents in ``keep`` (removed when none is left);
        returns the new file's stat and where each kept document lies, or None when it is gone."""
        path = self.docs_dir / name
        records, where = self.get(name)
        kept = {d: r for d, r in records.items() if d in keep}
        if not kept:
            self._parsed.pop(name, None)
            for victim in (path, path.with_name(path.name + BACKUP_SUFFIX)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(victim)
            fsync_dir(self.docs_dir)
            return None
        if len(kept) != len(records):
            data, where = layout(kept.values())
            atomic_write_bytes(path, data, backup=True)
            self.remember(name, (kept, where))
        return os.stat(path), where


_PACK_HEAD = b'{"documents":{\n'
_PACK_TAIL = b"\n}}"


def layout(records: Iterable[Records]) -> tuple[bytes, dict[str, list[int]]]:
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


def parse(raw: bytes) -> tuple[dict[str, Records], dict[str, list[int]]] | None:
    """Read a pack written by ``layout`` line by line, keeping where each record lies;
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
            rec = loads(raw[colon:body_end])
            if not is_doc_record(rec) or rec["id"] in records:
                return None
            records[rec["id"]] = rec
            where[rec["id"]] = [colon, body_end - colon]
            pos = stop + 1
    except ValueError:
        return None
    return records, where


def loads(raw: bytes) -> Any:
    # the json module: orjson would read integers past 64 bits (which storage.dumps writes through
    # the json module) as floats
    return json.loads(raw)


def is_doc_record(rec: Any) -> bool:
    return (isinstance(rec, dict) and isinstance(rec.get("id"), str) and bool(DOC_ID_RE.match(rec["id"]))
            and isinstance(rec.get("text"), str))
