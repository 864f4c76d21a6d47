"""Sharded token and span datasets: N files of similar size that DuckDB reads back as they are."""

from __future__ import annotations

import json
import random

import duckdb
import pytest
from test_formats_common import find

import main
from annotations import Project
from annotations.formats import FormatError, export

WORDS = ["زار", "الوزير", "بغداد", "وروسيا", "بالقاهرة", "أمس", "الاتحاد", "الأوروبي", "،", "."]


def corpus(n: int, seed: int = 3) -> tuple[Project, int]:
    rng = random.Random(seed)
    p = Project.memory()
    n_spans = 0
    for k in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))) + " بغداد."
        d = p.add_document(text, title=f"د{k}", status="done")
        p.add_span(d, *find(text, "بغداد", text.count("بغداد") - 1), "GPE")
        n_spans += 1
        if "الوزير" in text:
            p.add_span(d, *find(text, "الوزير"), "PER")
            n_spans += 1
    return p, n_spans


def test_duckdb_reads_the_shards_and_counts_tokens_and_spans(tmp_path):
    p, n_spans = corpus(120)
    rep = export(p, "shards", tmp_path / "out", {"shards": 4})
    out = tmp_path / "out"
    for fmt, ext in (("jsonl", "jsonl"), ("parquet", "parquet")):
        names = sorted(f.name for f in (out / fmt / "tokens").iterdir())
        assert names == [f"data-{k:05d}-of-00004.{ext}" for k in range(4)]
        assert sorted(f.name for f in (out / fmt / "spans").iterdir()) == names
    db = duckdb.connect()
    read = {"jsonl": "read_json_auto('{}/*.jsonl')", "parquet": "read_parquet('{}/*.parquet')"}
    for fmt, reader in read.items():
        tokens = reader.format(out / fmt / "tokens")
        spans = reader.format(out / fmt / "spans")
        n_tokens, n_tags = db.execute(f"SELECT sum(len(tokens)), sum(len(ner_tags)) FROM {tokens}").fetchone()
        assert n_tokens == n_tags == rep.tokens > 0, fmt
        assert db.execute(f"SELECT sum(len(spans)) FROM {spans}").fetchone()[0] == n_spans, fmt
        assert db.execute(f"SELECT count(DISTINCT id) FROM {spans}").fetchone()[0] == 120 == rep.documents
        assert db.execute(f"SELECT count(*) FROM {tokens}").fetchone()[0] == rep.sentences
        labels = dict(db.execute(f"SELECT s.label, count(*) FROM (SELECT unnest(spans) AS s FROM {spans}) "
                                 "GROUP BY 1").fetchall())
        assert labels == dict(rep.spans)
    # a document's tokens and spans share a shard number
    for k in range(4):
        name = f"data-{k:05d}-of-00004.jsonl"
        ids_tokens = {json.loads(x)["id"] for x in (out / "jsonl" / "tokens" / name).read_text().splitlines()}
        ids_spans = {json.loads(x)["id"] for x in (out / "jsonl" / "spans" / name).read_text().splitlines()}
        assert ids_tokens == ids_spans


def test_shards_are_of_similar_size(tmp_path):
    p, _ = corpus(300, seed=5)
    export(p, "shards", tmp_path / "out", {"shards": 5})
    for d in ("tokens", "spans"):
        sizes = [f.stat().st_size for f in (tmp_path / "out" / "jsonl" / d).iterdir()]
        assert len(sizes) == 5 and max(sizes) < 1.15 * min(sizes), (d, sizes)


def test_splits_and_the_cli(tmp_path):
    path = tmp_path / "p"
    with Project.open(path) as p:
        for k in range(20):
            d = p.add_document(f"زار الوزير {k} مدينة بغداد.", status="done")
            p.add_span(d, *find(f"زار الوزير {k} مدينة بغداد.", "بغداد"), "GPE")
    assert main.main(["export", str(path), "--format", "shards", "--shards", "2", "--split", "0.5,0.5",
                      "--out", str(tmp_path / "o"), "--quiet"]) == 0
    names = sorted(f.name for f in (tmp_path / "o" / "jsonl" / "spans").iterdir())
    assert names == ["dev-00000-of-00002.jsonl", "dev-00001-of-00002.jsonl",
                     "train-00000-of-00002.jsonl", "train-00001-of-00002.jsonl"]
    spans = tmp_path / "o" / "jsonl" / "spans"
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_json_auto('{spans}/*.jsonl')").fetchone()[0] == 20


def test_bad_shard_requests_are_refused(tmp_path, capsys):
    p, _ = corpus(3)
    with pytest.raises(FormatError, match="needs --shards N"):
        export(p, "shards", tmp_path / "a", {"shards": 0})
    with pytest.raises(FormatError, match="whole number"):
        export(p, "shards", tmp_path / "a", {"shards": "many"})
    with pytest.raises(FormatError, match="--shards is for --format shards"):
        export(p, "conll", tmp_path / "b", {"shards": 3})
    with pytest.raises(FormatError, match="one tag column"):
        export(p, "shards", tmp_path / "c", {"shards": 2, "nested": "levels"})
    assert not any(tmp_path.iterdir())  # nothing half-written


def test_parquet_batches_held_stay_bounded_and_make_several_row_groups(tmp_path, monkeypatch):
    """Arrow memory is not Python's (tracemalloc does not see it): the batches a shard holds for its
    next row group must stay below ``ROW_GROUP_BYTES``, whatever the number of documents."""
    import pyarrow.parquet as pq

    from annotations.formats import shards

    monkeypatch.setattr(shards, "BATCH_BYTES", 2 << 10)
    monkeypatch.setattr(shards, "ROW_GROUP_BYTES", 8 << 10)
    held: list[int] = []
    batch = shards._Shard._batch

    def spy(self: shards._Shard, d: str, last: bool = False) -> None:
        batch(self, d, last)
        held.append(sum(b.nbytes for b in self.batches[d]))

    monkeypatch.setattr(shards._Shard, "_batch", spy)
    p, n_spans = corpus(300, seed=7)
    rep = export(p, "shards", tmp_path / "out", {"shards": 2})
    assert len(held) > 20 and max(held) < 8 << 10
    files = {d: sorted((tmp_path / "out" / "parquet" / d).iterdir()) for d in ("tokens", "spans")}
    assert all(pq.ParquetFile(f).metadata.num_row_groups > 2 for fs in files.values() for f in fs)
    assert sum(pq.read_table(f).num_rows for f in files["tokens"]) == rep.sentences
    assert sum(len(s) for f in files["spans"] for s in pq.read_table(f).column("spans").to_pylist()) == n_spans
