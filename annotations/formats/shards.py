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
Parquet rows wait as Python lists for ``BATCH_ROWS`` rows or about ``BATCH_BYTES`` of text, then
become an Arrow record batch; the batches are written as one row group when they hold about
``ROW_GROUP_BYTES``, so memory does not grow with the number of documents. Parquet keeps min/max
statistics for the scalar columns (``id``, ``title``, ``sentence``), which engines use to skip row
groups; those of the token, tag and span lists would tell a reader nothing and cost more than the
rest of the write. Every column but the documents' ``text`` (each one unique) is dictionary-encoded.
"""

from __future__ import annotations

import importlib.util
from itertools import repeat
from operator import add, attrgetter, itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions, FormatError, lost_extras
from .conll import lost_events_relations, tag_columns
from .reports import ExportReport

DATASETS = ("tokens", "spans")
# Rows wait as Python lists until BATCH_ROWS rows or about BATCH_BYTES of their JSON text, then
# become an Arrow record batch (compact: UTF-8 and offsets); batches make a Parquet row group once
# they hold ROW_GROUP_BYTES. Memory stays flat with the documents, and row groups are not tiny
# (each costs the writer a fixed amount, and a reader too).
BATCH_ROWS = 2000
BATCH_BYTES = 256 * 1024
ROW_GROUP_BYTES = 1024 * 1024
_BYTES = attrgetter("bytes")
_LAST = itemgetter(1)
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


def _dictionary_columns(schema: Any) -> list[str]:
    """The columns Parquet dictionary-encodes: all but the documents' text (each one is unique)."""
    import pyarrow as pa

    out = []
    for f in schema:
        if pa.types.is_list(f.type) and pa.types.is_struct(f.type.value_type):
            out += [f"{f.name}.list.element.{x.name}" for x in f.type.value_type]
        elif pa.types.is_list(f.type):
            out.append(f"{f.name}.list.element")
        elif f.name != "text":
            out.append(f.name)
    return out


class _Rows:
    """The rows of one dataset waiting for a Parquet row group, a column at a time: each row's
    scalar fields, and each list field as one flat list of items with the rows' offsets into it."""

    def __init__(self, scalars: tuple[str, ...], lists: tuple[str, ...]) -> None:
        self.n = 0
        self.scalars: dict[str, list[Any]] = {k: [] for k in scalars}
        self.items: dict[str, list[Any]] = {k: [] for k in lists}
        self.offsets = [0]

    def batch(self, schema: Any) -> Any:
        import pyarrow as pa

        offsets = pa.array(self.offsets, pa.int32())
        columns = []
        for f in schema:
            if f.name in self.scalars:
                columns.append(pa.array(self.scalars[f.name], f.type))
            elif pa.types.is_struct(f.type.value_type):  # a list of records: one flat list per field
                item = f.type.value_type
                fields = [pa.array(self.items[f"{f.name}.{x.name}"], x.type) for x in item]
                columns.append(pa.ListArray.from_arrays(offsets, pa.StructArray.from_arrays(fields, fields=list(item))))
            else:
                columns.append(pa.ListArray.from_arrays(offsets, pa.array(self.items[f.name], f.type.value_type)))
        return pa.RecordBatch.from_arrays(columns, schema=schema)


def _new_rows(d: str) -> _Rows:
    if d == "tokens":
        return _Rows(("id", "title", "sentence"), ("tokens", "ner_tags"))
    return _Rows(("id", "title", "text"), ("spans.start", "spans.end", "spans.label", "spans.text"))


class _Shard:
    """The files of one shard number of one split: a JSON Lines file per dataset (and Parquet)."""

    def __init__(self, root: Path, name: str, parquet: dict[str, Any] | None) -> None:
        self.bytes = 0
        self.jsonl: dict[str, BinaryIO] = {}
        self.rows: dict[str, _Rows] = {d: _new_rows(d) for d in DATASETS}
        self.pending: dict[str, int] = {d: 0 for d in DATASETS}
        self.batches: dict[str, list[Any]] = {d: [] for d in DATASETS}
        self.parquet: dict[str, Any] = {}
        for d in DATASETS:
            (root / "jsonl" / d).mkdir(parents=True, exist_ok=True)
            self.jsonl[d] = open(root / "jsonl" / d / f"{name}.jsonl", "wb")  # noqa: SIM115 - closed in close()
        if parquet is not None:
            import pyarrow.parquet as pq

            for d in DATASETS:
                (root / "parquet" / d).mkdir(parents=True, exist_ok=True)
                self.parquet[d] = pq.ParquetWriter(root / "parquet" / d / f"{name}.parquet", parquet[d],
                                                   write_statistics=list(_new_rows(d).scalars),
                                                   use_dictionary=_dictionary_columns(parquet[d]))
        self.schemas = parquet

    def add(self, doc: _DocRows) -> None:
        for d, data in (("tokens", doc.tokens_json), ("spans", doc.spans_json)):
            self.jsonl[d].write(data)
            self.bytes += len(data)
            if self.parquet:
                rows = self.rows[d]
                doc.into(d, rows)
                self.pending[d] += len(data)
                if rows.n >= BATCH_ROWS or self.pending[d] >= BATCH_BYTES:
                    self._batch(d)

    def _batch(self, d: str, last: bool = False) -> None:
        """Turn the waiting rows of dataset ``d`` into a record batch; write a row group when the
        batches are large enough (or ``last``)."""
        if self.rows[d].n and self.schemas is not None:
            self.batches[d].append(self.rows[d].batch(self.schemas[d]))
        self.rows[d] = _new_rows(d)
        self.pending[d] = 0
        batches = self.batches[d]
        if batches and (last or sum(b.nbytes for b in batches) >= ROW_GROUP_BYTES):
            import pyarrow as pa

            self.parquet[d].write_table(pa.Table.from_batches(batches))
            self.batches[d] = []

    def close(self) -> None:
        for d in DATASETS:
            self.jsonl[d].close()
            if self.parquet:
                self._batch(d, last=True)
                self.parquet[d].close()


class _DocRows:
    """One document's rows of both datasets: their JSON Lines text, and their columns for Parquet."""

    def __init__(self, data: DocData, tok: Any, tags: list[str]) -> None:
        c = data.columns()
        self.doc_id, self.title, self.text = data.doc.id, data.doc.title or "", data.text
        self.tok, self.tags, self.cols = tok, tags, c
        bounds = tok.sentences
        n = len(bounds)
        head = b'{"id": ' + jsoncols.string_b(self.doc_id) + b', "title": ' + jsoncols.string_b(self.title)
        self.tokens_json = jsoncols.rows([head + b', "sentence": ', jsoncols.integers_b(list(range(n))),
                                          b', "tokens": ', jsoncols.string_lists_b(tok.words, bounds),
                                          b', "ner_tags": ', jsoncols.string_lists_b(tags, bounds), b"}"], n, b"\n")
        self.tokens_json += b"\n" * bool(n)
        starts, ends = jsoncols.integer_columns_b(c.starts, c.ends)
        spans = jsoncols.rows([b'{"start": ', starts, b', "end": ', ends, b', "label": ', jsoncols.values_b(c.labels),
                               b', "text": "', jsoncols.escaped_b(c.texts), b'"}'], c.n, b", ")
        self.spans_json = head + b', "text": ' + jsoncols.string_b(self.text) + b', "spans": [' + spans + b"]}\n"

    def into(self, d: str, rows: _Rows) -> None:
        """Append this document's rows of dataset ``d`` to ``rows``."""
        if d == "tokens":
            bounds = self.tok.sentences
            k = len(bounds)
            rows.scalars["id"] += [self.doc_id] * k
            rows.scalars["title"] += [self.title] * k
            rows.scalars["sentence"] += range(k)
            first, last = (bounds[0][0], bounds[-1][1]) if k else (0, 0)
            whole = first == 0 and last == len(self.tags)  # sentences cover every token: no copy
            rows.items["tokens"] += self.tok.words if whole else self.tok.words[first:last]
            rows.items["ner_tags"] += self.tags if whole else self.tags[first:last]
            rows.offsets += map(add, repeat(rows.offsets[-1] - first), map(_LAST, bounds))
            rows.n += k
            return
        c = self.cols
        rows.scalars["id"].append(self.doc_id)
        rows.scalars["title"].append(self.title)
        rows.scalars["text"].append(self.text)
        for name, col in (("start", c.starts), ("end", c.ends), ("label", c.labels), ("text", c.texts)):
            rows.items["spans." + name] += col
        rows.offsets.append(rows.offsets[-1] + c.n)
        rows.n += 1


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
        rows = _DocRows(data, tok, columns[0])
        min(self._shards(data.split), key=_BYTES).add(rows)

    def close(self) -> None:
        for shards in self.shards.values():
            for s in shards:
                s.close()

