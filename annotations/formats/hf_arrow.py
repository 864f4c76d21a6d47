"""Parquet files and ``save_to_disk`` folders of a Hugging Face export, made with pyarrow alone.

Called by ``hf.Writer.close`` only when pyarrow is installed (it is not a run-time requirement). The
rows come from the export's JSON Lines files, a batch (``hf.BATCH_ROWS`` rows, ``hf.BATCH_BYTES`` of
JSON) at a time, and each batch goes both to
``parquet/<config>/<split>.parquet`` and to ``<config>/<split>/data-00000-of-00001.arrow`` (an Arrow
IPC stream, as ``datasets`` writes it), so memory holds one batch. The features travel as
``datasets`` stores them: in the schema metadata (key ``huggingface``) and, for ``load_from_disk``,
in ``dataset_info.json``, ``state.json`` and ``dataset_dict.json``. ClassLabel columns hold ids.

A batch's lines are parsed by pyarrow's own JSON reader (one thread) straight into Arrow columns, and
the tag and label names become ClassLabel ids a column at a time (``pyarrow.compute.index_in``): no
row is made a Python object on the way.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Callable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import Any

from . import hf
from .hf import CONFIGS

SHARD = "data-00000-of-00001.arrow"


def write_arrow(root: Path, splits: list[str], features: dict[str, dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    string, int32, int64 = pa.string(), pa.int32(), pa.int64()

    def span_struct(label: Any) -> Any:
        return pa.struct([("start", int32), ("end", int32), ("label", label), ("text", string)])

    def config_types(label: Any) -> dict[str, list[tuple[str, Any]]]:
        """Each config's columns, with ``label`` as the type of the ClassLabel values."""
        return {
            "tokens": [("id", string), ("title", string), ("sentence", int32), ("tokens", pa.list_(string)),
                       ("ner_tags", pa.list_(label))],
            "spans": [("id", string), ("title", string), ("text", string), ("spans", pa.list_(span_struct(label)))],
        }

    types, read_types = config_types(int64), config_types(string)  # ids in the files; names in the JSON Lines
    for config in CONFIGS:
        feats = features[config]
        meta = {"huggingface": json.dumps({"info": {"features": feats}})}
        schema = pa.schema(types[config], metadata=meta)
        convert = _converter(config, feats, schema, pa.schema(read_types[config]))
        for split in splits:
            src = root / "jsonl" / config / f"{split}.jsonl"
            pq_path = root / "parquet" / config / f"{split}.parquet"
            disk = root / config / split
            pq_path.parent.mkdir(parents=True, exist_ok=True)
            disk.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with pq.ParquetWriter(str(pq_path), schema) as parquet, pa.OSFile(str(disk / SHARD), "wb") as sink, \
                    pa.ipc.new_stream(sink, schema) as stream:
                for rows, lines in _batches(src):
                    batch = convert(lines)
                    parquet.write_batch(batch)
                    stream.write_batch(batch)
                    digest.update(str(rows).encode())
            _write_json(disk / "dataset_info.json", {"citation": "", "description": "", "features": feats,
                                                     "homepage": "", "license": ""})
            digest.update(f"{config}/{split}".encode())
            _write_json(disk / "state.json", {
                "_data_files": [{"filename": SHARD}], "_fingerprint": digest.hexdigest()[:16],
                "_format_columns": None, "_format_kwargs": {}, "_format_type": None,
                "_output_all_columns": False, "_split": split})
        _write_json(root / config / "dataset_dict.json", {"splits": splits})


def _converter(config: str, feats: dict[str, Any], schema: Any, read_schema: Any) -> Callable[[bytes], Any]:
    """JSON Lines of one batch -> its record batch, with ClassLabel ids for the names."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    parse = pj.ParseOptions(explicit_schema=read_schema, unexpected_field_behavior="error")
    if config == "tokens":
        names = feats["ner_tags"]["feature"]["names"]
    else:
        names = feats["spans"][0]["label"]["names"]
    value_set = _strings(names)

    def ids(values: Any, what: str) -> Any:
        found = pc.index_in(values, value_set=value_set)
        if found.null_count:
            unknown = pc.filter(values, pc.is_null(found)).to_pylist()[:3]
            raise KeyError(f"{what} {', '.join(map(repr, unknown))} not among the ClassLabel names")
        return found.cast(pa.int64())

    def convert(lines: bytes) -> Any:
        options = pj.ReadOptions(use_threads=False, block_size=max(len(lines) + 1, 1 << 16))
        table = pj.read_json(pa.BufferReader(lines), read_options=options, parse_options=parse).combine_chunks()
        columns = [table.column(name).chunk(0) for name in schema.names]  # one chunk: the lines are not empty
        last = columns[-1]
        if config == "tokens":
            columns[-1] = pa.ListArray.from_arrays(last.offsets, ids(last.values, "tag"))
        else:
            spans = last.values
            fields = [spans.field(k) for k in range(spans.type.num_fields)]
            fields[2] = ids(fields[2], "label")
            columns[-1] = pa.ListArray.from_arrays(last.offsets, pa.StructArray.from_arrays(
                fields, fields=list(schema.field("spans").type.value_type)))
        return pa.RecordBatch.from_arrays(columns, schema=schema)

    return convert


def _strings(values: list[str]) -> Any:
    """An Arrow string array of ``values``, made from its buffers: ``pa.array`` of Python objects
    imports pandas when it is installed (most of a second, for a few names)."""
    import pyarrow as pa

    data = [v.encode("utf-8") for v in values]
    offsets = array("i", accumulate(map(len, data), initial=0))
    return pa.StringArray.from_buffers(len(data), pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(data)))


def _batches(path: Path) -> Iterator[tuple[int, bytes]]:
    """The lines of a JSON Lines file, at most ``BATCH_ROWS`` lines or about ``BATCH_BYTES`` at a time,
    with their number."""
    lines: list[bytes] = []
    size = 0
    with open(path, "rb") as fh:
        for line in fh:
            lines.append(line)
            size += len(line)
            if len(lines) >= hf.BATCH_ROWS or size >= hf.BATCH_BYTES:
                yield len(lines), b"".join(lines)
                lines, size = [], 0
    if lines:
        yield len(lines), b"".join(lines)


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
