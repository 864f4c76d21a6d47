"""Hugging Face datasets, written without the datasets library: JSON Lines and a dataset card, plus
Parquet files and ``save_to_disk`` folders when pyarrow is installed.

Layout under the output folder::

    README.md                      dataset card: ``configs`` (data files) and ``dataset_info`` (features),
                                   so ``datasets.load_dataset(folder, "tokens"|"spans")`` works
    jsonl/tokens/<split>.jsonl     id, title, sentence, tokens, ner_tags (tag names; ClassLabel in the card)
    jsonl/spans/<split>.jsonl      id, title, text, spans [{start, end, label, text}]
    parquet/<config>/<split>.parquet   only with pyarrow; ClassLabel ids, features in the schema metadata
    tokens/, spans/                only with pyarrow: the layout of ``DatasetDict.save_to_disk``,
                                   for ``datasets.load_from_disk``

Rows are appended to the JSON Lines files as documents come, so memory holds one document; the tag
names (which event types occur) are known only at the end, which is why the JSON Lines carry names
and the card the ClassLabel. The Parquet and Arrow files are made at the end from the JSON Lines,
in batches. Span offsets are code points (Python/Arrow string indices), end exclusive. Token tags
keep the outermost spans; the span config keeps all of them.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import orjson

from ..schema import Schema
from .common import SPLIT_NAMES, DocData, ExportOptions, lost_extras
from .conll import tag_columns
from .reports import ExportReport

CONFIGS = ("tokens", "spans")
# an Arrow record batch (one Parquet row group) when making Parquet / save_to_disk files: this many rows,
# or fewer when their JSON reaches BATCH_BYTES (a span row holds a whole document)
BATCH_ROWS = 2000
BATCH_BYTES = 4 << 20


class Writer:
    """Streams rows per config and split to JSON Lines; writes the card (and Arrow files) on close."""

    layout = "dir"
    ext = ""
    handles_splits = True

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.path, self.report, self.schema = path, report, schema
        # one ClassLabel column: nesting levels are not available here
        self.opts = replace(opts, nested="outermost") if opts.nested == "levels" else opts
        self.files: dict[tuple[str, str], IO[bytes]] = {}
        self.seen_labels: set[str] = set()
        self.rows: dict[tuple[str, str], int] = {}  # rows written per (config, split)
        for split in self.wanted_splits():  # every requested split exists, even when it stays empty
            for config in CONFIGS:
                self.file(config, split)

    def wanted_splits(self) -> list[str]:
        return list(SPLIT_NAMES[: len(self.opts.split)]) if self.opts.split else ["train"]

    def file(self, config: str, split: str) -> IO[bytes]:
        key = (config, split)
        if key not in self.files:
            folder = self.path / "jsonl" / config
            folder.mkdir(parents=True, exist_ok=True)
            # a large buffer: a document's rows are no write call of their own
            self.files[key] = open(folder / f"{split}.jsonl", "wb", buffering=1 << 20)  # noqa: SIM115 - closed in close()
        return self.files[key]

    def add(self, data: DocData) -> None:
        split = "train" if data.split == "all" else data.split  # "all" is reserved by datasets
        tok, columns = tag_columns(data, self.opts, self.report)
        text, doc, words, tags = data.text, data.doc, tok.words, columns[0]
        title = doc.title or ""
        self.rows["tokens", split] = self.rows.get(("tokens", split), 0) + len(tok.sentences)
        self.rows["spans", split] = self.rows.get(("spans", split), 0) + 1
        self.file("tokens", split).write(b"".join([
            orjson.dumps({"id": doc.id, "title": title, "sentence": n, "tokens": words[a:b], "ner_tags": tags[a:b]},
                         option=orjson.OPT_APPEND_NEWLINE) for n, (a, b) in enumerate(tok.sentences)]))
        cols = data.columns()  # the spans a field at a time: no Span is built
        spans = [{"start": s, "end": e, "label": lab, "text": t}
                 for s, e, lab, t in zip(cols.starts, cols.ends, cols.labels, cols.texts, strict=True)]
        self.file("spans", split).write(orjson.dumps({"id": doc.id, "title": title, "text": text, "spans": spans},
                                                     option=orjson.OPT_APPEND_NEWLINE))
        self.seen_labels.update(cols.labels)
        lost_extras(data, self.report, "Hugging Face")
        if data.events:
            self.report.lost("events (not in the Hugging Face configs; triggers are kept as spans)",
                             f"{data.doc.id}: {len(data.events)}", len(data.events))
        if data.relations:
            self.report.lost("relations (not in the Hugging Face configs)",
                             f"{data.doc.id}: {len(data.relations)}", len(data.relations))

    def labels(self) -> list[str]:
        """Entity types in schema order, then the event types that occur (triggers)."""
        names = [t.name for t in self.schema.entity_types]
        names += [t.name for t in self.schema.event_types if t.name in self.seen_labels]
        if self.opts.labels is not None:
            names = [n for n in names if n in self.opts.labels]
        return names

    def tag_names(self) -> list[str]:
        prefixes = ("B", "I", "E", "S") if self.opts.scheme == "bioes" else ("B", "I")
        return ["O"] + [f"{p}-{lab}" for lab in self.labels() for p in prefixes]

    def features(self) -> dict[str, dict[str, Any]]:
        """Each config's features in the JSON form of ``datasets.Features`` (as in ``dataset_info.json``)."""
        def value(dtype: str) -> dict[str, str]:
            return {"dtype": dtype, "_type": "Value"}

        return {
            "tokens": {"id": value("string"), "title": value("string"), "sentence": value("int32"),
                       "tokens": {"feature": value("string"), "_type": "Sequence"},
                       "ner_tags": {"feature": {"names": self.tag_names(), "_type": "ClassLabel"},
                                    "_type": "Sequence"}},
            "spans": {"id": value("string"), "title": value("string"), "text": value("string"),
                      "spans": [{"start": value("int32"), "end": value("int32"),
                                 "label": {"names": self.labels(), "_type": "ClassLabel"}, "text": value("string")}]},
        }

    def splits(self) -> list[str]:
        wanted = self.wanted_splits()
        return wanted + sorted({s for _, s in self.files} - set(wanted))

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()
        if not self.files:
            return
        splits = self.splits()
        # datasets cannot load an empty JSON Lines file, so the card lists the splits that have rows
        listed = {c: [s for s in splits if self.rows.get((c, s))] or splits[:1] for c in CONFIGS}
        (self.path / "README.md").write_text(card(listed, self.tag_names(), self.labels(), self.opts.scheme),
                                             encoding="utf-8")
        if importlib.util.find_spec("pyarrow") is not None:
            from .hf_arrow import write_arrow

            write_arrow(self.path, splits, self.features())


def _names_yaml(names: list[str], indent: str) -> list[str]:
    return [f"{indent}'{i}': {json.dumps(n, ensure_ascii=False)}" for i, n in enumerate(names)]


def card(splits: dict[str, list[str]], tag_names: list[str], labels: list[str], scheme: str) -> str:
    """The dataset card: YAML ``configs`` (JSON Lines files of ``splits[config]``) and ``dataset_info``
    (features), then a note."""
    lines = ["---", "configs:"]
    for config in CONFIGS:
        lines += [f"- config_name: {config}", "  data_files:"]
        for s in splits[config]:
            lines += [f"  - split: {s}", f"    path: jsonl/{config}/{s}.jsonl"]
    lines += ["dataset_info:",
              "- config_name: tokens", "  features:",
              "  - name: id", "    dtype: string", "  - name: title", "    dtype: string",
              "  - name: sentence", "    dtype: int32", "  - name: tokens", "    sequence: string",
              "  - name: ner_tags", "    sequence:", "      class_label:", "        names:",
              *_names_yaml(tag_names, "          "),
              "- config_name: spans", "  features:",
              "  - name: id", "    dtype: string", "  - name: title", "    dtype: string",
              "  - name: text", "    dtype: string", "  - name: spans", "    list:",
              "    - name: start", "      dtype: int32", "    - name: end", "      dtype: int32",
              "    - name: label", "      dtype:", "        class_label:", "          names:",
              *_names_yaml(labels, "            "),
              "    - name: text", "      dtype: string",
              "---", "", "# Exported by Qalam Annotator", "",
              "Config `tokens`: sentences with `tokens` and `ner_tags` (ClassLabel, "
              f"{scheme.upper()}). Config `spans`: documents with character offsets "
              "(code points, end exclusive) of every span.", ""]
    return "\n".join(lines)
