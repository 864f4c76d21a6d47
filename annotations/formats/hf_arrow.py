"""Parquet files and ``save_to_disk`` folders of a Hugging Face export, made with pyarrow alone.

Called by ``hf.Writer.close`` only when pyarrow is installed (it is not a run-time requirement). The
rows come from the export's JSON Lines files, a batch (``hf.BATCH_ROWS`` rows, ``hf.BATCH_BYTES`` of
JSON) at a time, and each batch goes both to
``parquet/<config>/<split>.parquet`` and to ``<config>/<split>/data-00000-of-00001.arrow`` (an Arrow
IPC stream, as ``datasets`` writes it), so memory holds one batch. The features travel as
``datasets`` stores them: in the schema metadata (key ``huggingface``) and, for ``load_from_disk``,
in ``dataset_info.json``, ``state.json`` and ``dataset_dict.json``. ClassLabel columns hold ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import hf
from .hf import CONFIGS

SHARD = "data-00000-of-00001.arrow"


def write_arrow(root: Path, splits: list[str], features: dict[str, dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    string, int32, int64 = pa.string(), pa.int32(), pa.int64()
    types = {
        "tokens": [("id", string), ("title", string), ("sentence", int32), ("tokens", pa.list_(string)),
                   ("ner_tags", pa.list_(int64))],
        "spans": [("id", string), ("title", string), ("text", string),
                  ("spans", pa.list_(pa.struct([("start", int32), ("end", int32), ("label", int64),
                                                ("text", string)])))],
    }
    for config in CONFIGS:
        feats = features[config]
        meta = {"huggingface": json.dumps({"info": {"features": feats}})}
        schema = pa.schema(types[config], metadata=meta)
        convert = _converter(config, feats)
        for split in splits:
            src = root / "jsonl" / config / f"{split}.jsonl"
            pq_path = root / "parquet" / config / f"{split}.parquet"
            disk = root / config / split
            pq_path.parent.mkdir(parents=True, exist_ok=True)
            disk.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with pq.ParquetWriter(str(pq_path), schema) as parquet, pa.OSFile(str(disk / SHARD), "wb") as sink, \
                    pa.ipc.new_stream(sink, schema) as stream:
                for rows in _batches(src):
                    batch = pa.RecordBatch.from_pylist([convert(r) for r in rows], schema=schema)
                    parquet.write_batch(batch)
                    stream.write_batch(batch)
                    digest.update(str(len(rows)).encode())
            _write_json(disk / "dataset_info.json", {"citation": "", "description": "", "features": feats,
                                                     "homepage": "", "license": ""})
            digest.update(f"{config}/{split}".encode())
            _write_json(disk / "state.json", {
                "_data_files": [{"filename": SHARD}], "_fingerprint": digest.hexdigest()[:16],
                "_format_columns": None, "_format_kwargs": {}, "_format_type": None,
                "_output_all_columns": False, "_split": split})
        _write_json(root / config / "dataset_dict.json", {"splits": splits})


def _converter(config: str, feats: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Row from the JSON Lines -> row with ClassLabel ids."""
    if config == "tokens":
        tag_id = {n: i for i, n in enumerate(feats["ner_tags"]["feature"]["names"])}

        def tokens_row(row: dict[str, Any]) -> dict[str, Any]:
            row["ner_tags"] = [tag_id[t] for t in row["ner_tags"]]
            return row
        return tokens_row
    label_id = {n: i for i, n in enumerate(feats["spans"][0]["label"]["names"])}

    def spans_row(row: dict[str, Any]) -> dict[str, Any]:
        for s in row["spans"]:
            s["label"] = label_id[s["label"]]
        return row
    return spans_row


def _batches(path: Path) -> Iterator[list[dict[str, Any]]]:
    """The rows of a JSON Lines file, at most ``BATCH_ROWS`` rows or about ``BATCH_BYTES`` of JSON at a time."""
    import orjson

    rows: list[dict[str, Any]] = []
    size = 0
    with open(path, "rb") as fh:
        for line in fh:
            rows.append(orjson.loads(line))
            size += len(line)
            if len(rows) >= hf.BATCH_ROWS or size >= hf.BATCH_BYTES:
                yield rows
                rows, size = [], 0
    if rows:
        yield rows


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
