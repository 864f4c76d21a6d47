"""Hugging Face datasets: ``save_to_disk`` folders and Parquet files, a token config and a span config.

Layout under the output folder::

    tokens/            DatasetDict.save_to_disk: id, title, sentence, tokens, ner_tags (ClassLabel)
    spans/             DatasetDict.save_to_disk: id, title, text, spans [{start, end, label, text}]
    parquet/tokens/<split>.parquet, parquet/spans/<split>.parquet
    README.md          dataset card whose ``configs`` let ``load_dataset(folder, "tokens"|"spans")`` work

Span offsets are code points (Python/Arrow string indices), end exclusive. Token tags keep the
outermost spans; the span config keeps all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..schema import Schema
from .common import SPLIT_NAMES, DocData, ExportOptions, ExportReport, lost_extras
from .conll import tag_columns


class Writer:
    """Collects rows per split and writes both configs on close."""

    layout = "dir"
    ext = ""
    handles_splits = True
    requires = ("datasets", "pyarrow")

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.path, self.opts, self.report, self.schema = path, opts, report, schema
        self.tokens: dict[str, dict[str, list[Any]]] = {}
        self.spans: dict[str, dict[str, list[Any]]] = {}
        self.seen_labels: set[str] = set()

    def add(self, data: DocData) -> None:
        split = "train" if data.split == "all" else data.split  # "all" is reserved by datasets
        opts = self.opts
        if opts.nested == "levels":  # one ClassLabel column: levels are not available here
            from dataclasses import replace

            opts = replace(opts, nested="outermost")
        tok, columns = tag_columns(data, opts, self.report)
        rows = self.tokens.setdefault(split, {"id": [], "title": [], "sentence": [], "tokens": [], "ner_tags": []})
        text = data.text
        for n, (a, b) in enumerate(tok.sentences):
            rows["id"].append(data.doc.id)
            rows["title"].append(data.doc.title or "")
            rows["sentence"].append(n)
            rows["tokens"].append([text[s:e] for s, e in tok.tokens[a:b]])
            rows["ner_tags"].append(columns[0][a:b])
        srows = self.spans.setdefault(split, {"id": [], "title": [], "text": [], "spans": []})
        srows["id"].append(data.doc.id)
        srows["title"].append(data.doc.title or "")
        srows["text"].append(text)
        srows["spans"].append([{"start": s.start, "end": s.end, "label": s.label, "text": s.text}
                               for s in data.spans])
        self.seen_labels.update(s.label for s in data.spans)
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

    def close(self) -> None:
        from datasets import ClassLabel, Dataset, DatasetDict, Features, Sequence, Value
        from datasets.utils import logging as ds_logging

        bars = ds_logging.is_progress_bar_enabled()
        ds_logging.disable_progress_bar()  # our own progress is per document; keep stderr clean
        try:
            self._write(ClassLabel, Dataset, DatasetDict, Features, Sequence, Value)
        finally:
            if bars:
                ds_logging.enable_progress_bar()

    def _write(self, ClassLabel: Any, Dataset: Any, DatasetDict: Any, Features: Any, Sequence: Any,  # noqa: N803
               Value: Any) -> None:  # noqa: N803 - the datasets classes, imported lazily (slow import)
        self.path.mkdir(parents=True, exist_ok=True)
        labels = self.labels()
        prefixes = ("B", "I", "E", "S") if self.opts.scheme == "bioes" else ("B", "I")
        tag_names = ["O"] + [f"{p}-{lab}" for lab in labels for p in prefixes]
        tok_features = Features({
            "id": Value("string"), "title": Value("string"), "sentence": Value("int32"),
            "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=tag_names)),
        })
        span_features = Features({
            "id": Value("string"), "title": Value("string"), "text": Value("string"),
            "spans": [{"start": Value("int32"), "end": Value("int32"), "label": ClassLabel(names=labels),
                       "text": Value("string")}],
        })
        # every requested split exists, even when too few documents left it empty
        wanted = list(SPLIT_NAMES[: len(self.opts.split)]) if self.opts.split else ["train"]
        splits = wanted + sorted(set(self.tokens) - set(wanted))
        card = ["---", "configs:"]
        for config, rows_by_split, features in (("tokens", self.tokens, tok_features),
                                                ("spans", self.spans, span_features)):
            empty: dict[str, list[Any]] = {k: [] for k in features}
            dd = DatasetDict({s: Dataset.from_dict(rows_by_split.get(s, empty), features=features)
                              for s in splits})
            # one shard per split: datasets writes no shard for an empty split and then cannot load it
            dd.save_to_disk(str(self.path / config), num_shards={s: 1 for s in dd})
            card += [f"- config_name: {config}", "  data_files:"]
            for s, ds in dd.items():
                pq = self.path / "parquet" / config / f"{s}.parquet"
                pq.parent.mkdir(parents=True, exist_ok=True)
                ds.to_parquet(str(pq))
                card += [f"  - split: {s}", f"    path: parquet/{config}/{s}.parquet"]
        card += ["---", "", "# Exported by Qalam Annotator", "",
                 "Config `tokens`: sentences with `tokens` and `ner_tags` (ClassLabel, "
                 f"{self.opts.scheme.upper()}). Config `spans`: documents with character offsets "
                 "(code points, end exclusive) of every span.", ""]
        (self.path / "README.md").write_text("\n".join(card), encoding="utf-8")
