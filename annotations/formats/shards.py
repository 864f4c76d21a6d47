"""Sharded token and span datasets (``--format shards --shards N``) for Spark, Dask, Ray and DuckDB.

Two datasets, the same two the Hugging Face export has, each as ``N`` files (default 4) of similar size:

* ``tokens``: one row per sentence: ``{"id", "title", "sentence", "tokens": [...], "ner_tags": [...]}``
  (IOB2/BIOES tags as strings, under the export's ``--tokens`` scheme; a flat projection of nested
  spans, ``--nested outermost`` or ``innermost``);
* ``spans``: one row per document: ``{"id", "title", "text", "spans": [{"start", "end", "label",
  "text"}]}`` (character offsets, code points, end exclusive; every span, nested ones too).

Layout (``SPLIT`` is ``data``, or ``train``/``dev``/``test`` with ``--split``)::

    OUT/jsonl/tokens/SPLIT-00000-of-00004.jsonl ...    always
    OUT/jsonl/spans/SPLIT-00000-of-00004.jsonl ...
    OUT/parquet/tokens/SPLIT-00000-of-00004.parquet ... when pyarrow is installed
    OUT/parquet/spans/SPLIT-00000-of-00004.parquet ...

A document goes whole to the shard of its split that has the fewest bytes so far, so its tokens and
spans share a shard number and the shards differ by at most about one document. Each folder holds
one format only, so an engine reads it directly (docs/formats.md gives the one line for each).
Parquet rows are written in row groups of ``ROW_GROUP`` rows, so memory does not grow with the
number of documents.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, BinaryIO

from ..schema import Schema
from .common import DocData, ExportOptions, ExportReport, FormatError, json_text, lost_extras
from .conll import lost_events_relations, tag_columns

DATASETS = ("tokens", "spans")
ROW_GROUP = 2000
ROW_GROUP_BYTES = 64 * 1024  # rows held for a Parquet row group: memory stays flat with the documents
SPLIT_FILES = {"all": "data", "train": "train", "dev": "dev", "test": "test"}


def _parquet_schemas() -> dict[str, Any]:
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("text", pa.string())])
    return {
        "tokens": pa.schema([("id", pa.string()), ("title", pa.string()), ("sentence", pa.int64()),
                             ("tokens", pa.list_(pa.string())), ("ner_tags", pa.list_(pa.string()))]),
        "spans": pa.schema([("id", pa.string()), ("title", pa.string()), ("text", pa.string()),
                            ("spans", pa.list_(span))]),
    }


class _Shard:
    """The files of one shard number of one split: a JSON Lines file per dataset (and Parquet)."""

    def __init__(self, root: Path, name: str, parquet: dict[str, Any] | None) -> None:
        self.bytes = 0
        self.jsonl: dict[str, BinaryIO] = {}
        self.rows: dict[str, list[dict[str, Any]]] = {d: [] for d in DATASETS}
        self.pending: dict[str, int] = {d: 0 for d in DATASETS}
        self.parquet: dict[str, Any] = {}
        for d in DATASETS:
            (root / "jsonl" / d).mkdir(parents=True, exist_ok=True)
            self.jsonl[d] = open(root / "jsonl" / d / f"{name}.jsonl", "wb")  # noqa: SIM115 - closed in close()
        if parquet is not None:
            import pyarrow.parquet as pq

            for d in DATASETS:
                (root / "parquet" / d).mkdir(parents=True, exist_ok=True)
                self.parquet[d] = pq.ParquetWriter(root / "parquet" / d / f"{name}.parquet", parquet[d])
        self.schemas = parquet

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for d, recs in rows.items():
            data = "".join(json_text(r) + "\n" for r in recs).encode("utf-8")
            self.jsonl[d].write(data)
            self.bytes += len(data)
            if self.parquet:
                self.rows[d].extend(recs)
                self.pending[d] += len(data)
                if len(self.rows[d]) >= ROW_GROUP or self.pending[d] >= ROW_GROUP_BYTES:
                    self._flush(d)

    def _flush(self, d: str) -> None:
        import pyarrow as pa

        if self.rows[d] and self.schemas is not None:
            self.parquet[d].write_table(pa.Table.from_pylist(self.rows[d], schema=self.schemas[d]))
        self.rows[d] = []
        self.pending[d] = 0

    def close(self) -> None:
        for d in DATASETS:
            self.jsonl[d].close()
            if self.parquet:
                self._flush(d)
                self.parquet[d].close()


class Writer:
    """Streams each document's rows to the smallest shard of its split."""

    layout = "dir"
    ext = ""
    handles_splits = True
    defaults = {"shards": 4}

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        if opts.shards < 1:
            raise FormatError("--format shards needs --shards N (the number of files per dataset and split)")
        if opts.nested == "levels":
            raise FormatError("shards: token rows have one tag column; use --nested outermost or innermost "
                              "(the spans dataset keeps every nested span)")
        self.path, self.opts, self.report = path, opts, report
        path.mkdir(parents=True, exist_ok=True)
        self.parquet = _parquet_schemas() if importlib.util.find_spec("pyarrow") else None
        if self.parquet is None:
            report.lost("Parquet shards (pyarrow is not installed; JSON Lines written)", str(path))
        self.shards: dict[str, list[_Shard]] = {}

    def _shards(self, split: str) -> list[_Shard]:
        if split not in self.shards:
            n = self.opts.shards
            self.shards[split] = [_Shard(self.path, f"{SPLIT_FILES[split]}-{k:05d}-of-{n:05d}", self.parquet)
                                  for k in range(n)]
        return self.shards[split]

    def add(self, data: DocData) -> None:
        tok, columns = tag_columns(data, self.opts, self.report)
        lost_events_relations(data, self.report, "the shard datasets")
        lost_extras(data, self.report, "the shard datasets")
        text, title, doc_id = data.text, data.doc.title or "", data.doc.id
        tags = columns[0]
        tokens = [{"id": doc_id, "title": title, "sentence": n, "tokens": tok.words[a:b], "ner_tags": tags[a:b]}
                  for n, (a, b) in enumerate(tok.sentences)]
        spans = [{"id": doc_id, "title": title, "text": text,
                  "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text} for s in data.spans]}]
        min(self._shards(data.split), key=lambda s: s.bytes).add({"tokens": tokens, "spans": spans})

    def close(self) -> None:
        for shards in self.shards.values():
            for s in shards:
                s.close()

