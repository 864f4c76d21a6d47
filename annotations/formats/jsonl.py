"""Native JSONL: lossless export and import (text, metadata, spans, events, relations, attributes, notes, schema).

Line 1 is a header ``{"format": "qalam-annotations", "version": 1, "schema": {...}}``; every other
line is one document with its annotations. Annotation ids are local to the document (``T1``,
``E1``, ``R1``) and events/relations refer to them. Offsets are code points, end exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions, FormatError
from .importing import ParsedDoc
from .reports import ExportReport
from .staging import json_lines, json_text

FORMAT_NAME = "qalam-annotations"
VERSION = 1


def local(record_id: str) -> str:
    return record_id.rpartition(":")[2]


def doc_record(data: DocData) -> dict[str, Any]:
    """One document as a JSON-ready dict (the native format's line; ``doc_line`` writes its text)."""
    d = data.doc
    return {
        "id": d.id,
        "title": d.title,
        "status": d.status,
        "meta": dict(d.meta),
        "text": d.text,
        "spans": [
            {"id": local(s.id), "start": s.start, "end": s.end, "label": s.label, "text": s.text,
             "attributes": dict(s.attributes), "note": s.note, "annotator": s.annotator}
            for s in data.spans
        ],
        "events": [
            {"id": local(e.id), "type": e.type, "trigger": local(e.trigger),
             "arguments": [[role, local(t)] for role, t in e.arguments],
             "attributes": dict(e.attributes), "note": e.note, "annotator": e.annotator}
            for e in data.events
        ],
        "relations": [
            {"id": local(r.id), "type": r.type, "arg1": local(r.arg1), "arg2": local(r.arg2),
             "attributes": dict(r.attributes), "note": r.note, "annotator": r.annotator}
            for r in data.relations
        ],
    }


def doc_line(data: DocData) -> str:
    """``json_text(doc_record(data))``, the spans written a column at a time (see ``jsoncols``)."""
    d, c = data.doc, data.columns()
    attributes = list(map(json_text, map(dict, c.attributes))) if any(c.attributes) else "{}"
    spans = jsoncols.array(['{"id": "', jsoncols.escaped(c.local_ids), '", "start": ', jsoncols.integers(c.starts),
                            ', "end": ', jsoncols.integers(c.ends), ', "label": ', jsoncols.values(c.labels),
                            ', "text": "', jsoncols.escaped(c.texts), '", "attributes": ', attributes,
                            ', "note": ', jsoncols.values(c.notes), ', "annotator": ', jsoncols.values(c.annotators),
                            "}"], c.n)
    rest = doc_record(DocData(d, [], data.events, data.relations))  # events and relations: few, as dicts
    return jsoncols.with_fields({"id": d.id, "title": d.title, "status": d.status, "meta": dict(d.meta),
                                 "text": d.text}, ("spans", spans), ("events", json_text(rest["events"])),
                                ("relations", json_text(rest["relations"])))


class Writer:
    """Streams documents to one ``.jsonl`` file."""

    layout = "file"
    ext = ".jsonl"
    writes_annotators = True

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh: BinaryIO = open(path, "wb")  # noqa: SIM115 - closed in close()
        header = {"format": FORMAT_NAME, "version": VERSION, "schema": schema.to_dict()}
        self.fh.write((json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8"))

    def add(self, data: DocData) -> None:
        self.fh.write((doc_line(data) + "\n").encode("utf-8"))

    def close(self) -> None:
        self.fh.close()


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Parse a native JSONL file; bad lines are reported through ``problem(file, line, reason)``."""
    name = str(path)
    for no, rec in json_lines(path, options, problem):
        if not isinstance(rec, dict):
            problem(name, no, "each line must be a JSON object")
            continue
        if rec.get("format") == FORMAT_NAME:
            version = rec.get("version", 1)
            if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
                raise FormatError(f"line {no}: format version {version!r}, written by a newer version of the "
                                  f"app (this one reads version {VERSION}); nothing imported. Update the app "
                                  "to import this file")
            continue
        text = rec.get("text")
        if not isinstance(text, str):
            problem(name, no, "field 'text' is missing or not a string; document left out")
            continue
        pd = ParsedDoc(name, no, text, rec.get("title"), dict(rec.get("meta") or {}),
                       rec.get("status"))
        for key, dest in (("spans", pd.spans), ("events", pd.events), ("relations", pd.relations)):
            items = rec.get(key) or []
            if not isinstance(items, list):
                problem(name, no, f"field {key!r} must be a list; its items were left out")
                continue
            for i, item in enumerate(items):
                if not isinstance(item, dict):
                    problem(name, no, f"{key}[{i}] is not an object; left out")
                    continue
                item = dict(item)
                item["ref"] = str(item.pop("id", f"{key[0].upper()}{i + 1}"))
                item["line"] = no
                if key == "spans" and "text" in item:
                    item["check_text"] = item.pop("text")
                dest.append(item)
        yield pd


def header_schema(path: Path) -> Schema | None:
    """The schema in a native JSONL file's header, if any (to add unknown labels with their roles)."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = json.loads(fh.readline() or "null")
        if isinstance(first, dict) and first.get("format") == FORMAT_NAME and "schema" in first:
            return Schema.from_dict(first["schema"])
    except (OSError, ValueError):
        return None
    return None
