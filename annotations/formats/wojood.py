"""Wojood nested NER files (``--format wojood``), in and out.

Wojood (Jarrar et al., LREC 2022) writes one token per line, then one IOB2 tag column per nesting
level, outer first, space separated (``الأسد I-ORG B-PERS``), and a blank line between segments;
every row of a file has the same number of columns (``O`` below a segment's own depth). Tokens are
whitespace words with their clitics attached (``--tokens whitespace``, the default here), and the
nesting is kept (``--nested levels``, the default); ``--nested outermost|innermost`` writes the flat
projection that flat models train on.

The export is a folder: ``data.txt`` (or ``train.txt``/``val.txt``/``test.txt`` with ``--split``,
as the corpus is distributed) holds nothing but token rows and blank lines, so Wojood's own code
reads it as it is; ``documents.jsonl`` beside it gives, per document, its file, its number of
segments and its title, meta and status. Importing such a folder (or one of its ``.txt`` files)
cuts the rows back into those documents; a Wojood file without ``documents.jsonl`` is read as one
document.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..schema import Schema
from . import conll
from .common import DocData, ExportOptions, lost_extras
from .docinfo import apply_info, doc_info, json_line, read_info
from .importing import ParsedDoc
from .reports import ExportReport

DOCUMENTS = "documents.jsonl"
FILES = {"all": "data.txt", "train": "train.txt", "dev": "val.txt", "test": "test.txt"}


class Writer:
    """Streams documents to the split files of one Wojood folder."""

    layout = "dir"
    ext = ""
    handles_splits = True
    defaults = {"nested": "levels", "tokens": "whitespace"}

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        if opts.scheme != "iob2":
            opts = dataclasses.replace(opts, scheme="iob2")  # Wojood is IOB2 only
            report.lost("tag scheme (Wojood files are IOB2; written as IOB2)", opts.scheme)
        self.path, self.opts, self.report = path, opts, report
        path.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, TextIO] = {}
        self.widths: dict[str, set[int]] = {}
        self.docs = open(path / DOCUMENTS, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()

    def add(self, data: DocData) -> None:
        name = FILES[data.split]
        if name not in self.files:
            self.files[name] = open(self.path / name, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            self.widths[name] = set()
        tok, columns = conll.tag_columns(data, self.opts, self.report, prefix=" ")
        conll.lost_events_relations(data, self.report, "Wojood")
        lost_extras(data, self.report, "Wojood")
        conll.lost_layout(data, tok, self.report)
        self.widths[name].add(len(columns))
        self.files[name].write(conll.rows(tok, columns))
        record = {"id": data.doc.id, "file": name, "segments": len(tok.sentences), **doc_info(data.doc)}
        self.docs.write(json_line(record) + "\n")

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()
        self.docs.close()
        width = max((n for ws in self.widths.values() for n in ws), default=1)
        for name, ws in self.widths.items():  # one column count in every file of the export
            if ws - {width}:
                conll.pad_columns(self.path / name, width)


def _documents(path: Path, problem: Any) -> list[dict[str, Any]] | None:
    """The ``documents.jsonl`` entries of ``path``'s file, or ``None`` when there is none."""
    index = path.with_name(DOCUMENTS)
    if not index.is_file():
        return None
    out = []
    for no, line in enumerate(index.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problem(str(index), no, f"not valid JSON ({exc.msg}); the documents are cut without it", "warning")
            return None
        if not isinstance(rec, dict) or not isinstance(rec.get("segments"), int) or rec["segments"] < 0:
            problem(str(index), no, "each line needs a non-negative number of segments; the documents are "
                    "cut without it", "warning")
            return None
        if rec.get("file") == path.name:
            out.append(rec)
    return out


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read a Wojood file: every column after the token is a nesting level; documents come from
    ``documents.jsonl`` beside it when there is one."""
    name = str(path)
    with open(path, encoding=options.get("encoding", "utf-8-sig"), newline="") as fh:
        lines = fh.read().split("\n")
    segments: list[list[tuple[int, list[str]]]] = [[]]
    for no, line in enumerate(lines, 1):
        fields = line.rstrip("\r").split()
        if fields:
            segments[-1].append((no, fields))
        elif segments[-1]:
            segments.append([])
    if not segments[-1]:
        segments.pop()
    widths = {len(f) for seg in segments for _, f in seg}
    if len(widths) > 1:
        problem(name, None, f"rows have {' and '.join(map(str, sorted(widths)))} columns; a Wojood file has one "
                "column count (missing levels are read as O)", "warning")
    docs = _documents(path, problem)
    if docs is None or sum(d["segments"] for d in docs) != len(segments):
        if docs is not None:
            problem(name, None, f"{DOCUMENTS} lists {sum(d['segments'] for d in docs)} segments for this file, "
                    f"it has {len(segments)}; read as one document", "warning")
        docs = [{"segments": len(segments)}]
    at = 0
    for n, rec in enumerate(docs, 1):
        rows: list[tuple[int, list[str]]] = []
        for seg in segments[at:at + rec["segments"]]:
            rows.extend(seg)
            rows.append((seg[-1][0] + 1, []))  # the blank line that ends the segment
        at += rec["segments"]
        title = path.stem if len(docs) == 1 else f"{path.stem} #{n}"
        pd = conll.parse_rows(name, rows, title, "iob2", problem)
        apply_info(pd, read_info({k: rec[k] for k in ("title", "meta", "status") if k in rec},
                                 f"{DOCUMENTS} entry {n}", problem, name, None))
        pd.meta["tokenization"] = "whitespace"
        yield pd
