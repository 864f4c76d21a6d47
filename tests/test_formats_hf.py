"""Hugging Face export loaded with datasets itself: load_from_disk, Parquet, the dataset card's configs,
ClassLabel names, code-point span offsets."""

from __future__ import annotations

import datasets
from datasets import ClassLabel, load_dataset, load_from_disk
from test_formats_common import NEWS, many_docs, news_project

from annotations.formats import export


def test_load_from_disk_and_parquet_with_classlabel_names(tmp_path):
    p, d, _ = news_project()
    out = tmp_path / "hf"
    rep = export(p, "hf", out)
    tokens = load_from_disk(str(out / "tokens"))
    train = tokens["train"]
    names = train.features["ner_tags"].feature.names
    assert isinstance(train.features["ner_tags"].feature, ClassLabel)
    assert names[:3] == ["O", "B-PER", "I-PER"] and "B-GPE" in names and "B-Contact.Meet" in names
    assert sum(len(t) for t in train["tokens"]) == rep.tokens
    tags = [names[i] for row in train["ner_tags"] for i in row]
    toks = [t for row in train["tokens"] for t in row]
    k = toks.index("ب")  # the clitic of بإسطنبول is its own O token
    assert (toks[k + 1], tags[k], tags[k + 1]) == ("إسطنبول", "O", "B-GPE")
    spans = load_from_disk(str(out / "spans"))["train"]
    assert spans[0]["text"] == NEWS
    label_names = spans.features["spans"].feature["label"].names
    for s in spans[0]["spans"]:
        assert NEWS[s["start"]:s["end"]] == s["text"]
    assert sorted((s["start"], s["end"], label_names[s["label"]]) for s in spans[0]["spans"]) == sorted(
        (s.start, s.end, s.label) for s in p.spans(d))
    pq = load_dataset("parquet", data_files={"train": str(out / "parquet" / "tokens" / "train.parquet")})
    assert pq["train"].features["ner_tags"].feature.names == names
    assert pq["train"]["tokens"] == train["tokens"]
    card = load_dataset(str(out), "spans")
    assert card["train"][0]["text"] == NEWS


def test_splits_become_dataset_splits(tmp_path):
    p = many_docs(10)
    rep = export(p, "hf", tmp_path / "hf", {"split": "0.8,0.1,0.1", "seed": 1, "scheme": "bioes"})
    dd = load_from_disk(str(tmp_path / "hf" / "tokens"))
    assert isinstance(dd, datasets.DatasetDict)
    assert {k: len(set(v["id"])) for k, v in dd.items()} == dict(rep.splits) == {"train": 8, "dev": 1, "test": 1}
    assert "S-GPE" in dd["train"].features["ner_tags"].feature.names


def test_empty_requested_split_still_exists(tmp_path):
    p = many_docs(1)
    export(p, "hf", tmp_path / "hf", {"split": "0.5,0.5"})
    dd = load_from_disk(str(tmp_path / "hf" / "tokens"))
    assert sorted(dd) == ["dev", "train"] and len(dd["train"]) + len(dd["dev"]) == 1


def test_without_datasets_or_pyarrow_the_card_loads_with_classlabel(tmp_path, monkeypatch):
    from test_formats_common import hide_heavy_libraries

    p, d, _ = news_project()
    out = tmp_path / "hf"
    with monkeypatch.context() as m:
        hide_heavy_libraries(m)
        rep = export(p, "hf", out, {"split": "0.5,0.5"})
    assert not (out / "parquet").exists() and not (out / "tokens").exists()  # those need pyarrow
    assert sorted(f.name for f in (out / "jsonl" / "tokens").iterdir()) == ["dev.jsonl", "train.jsonl"]
    tokens = load_dataset(str(out), "tokens")
    (split,) = tokens  # one document: the other split is empty, and datasets cannot load an empty file
    assert split in ("train", "dev")
    rows = tokens[split]
    feature = rows.features["ner_tags"].feature
    assert isinstance(feature, ClassLabel) and feature.names[:3] == ["O", "B-PER", "I-PER"]
    tags = [feature.names[i] for row in rows["ner_tags"] for i in row]
    toks = [t for row in rows["tokens"] for t in row]
    assert len(toks) == rep.tokens
    k = toks.index("ب")  # the clitic of بإسطنبول is its own O token
    assert (toks[k + 1], tags[k], tags[k + 1]) == ("إسطنبول", "O", "B-GPE")
    spans = load_dataset(str(out), "spans")
    srows = spans[split]
    names = srows.features["spans"].feature["label"].names
    assert srows[0]["text"] == NEWS
    assert sorted((s["start"], s["end"], names[s["label"]]) for s in srows[0]["spans"]) == sorted(
        (s.start, s.end, s.label) for s in p.spans(d))


def test_parquet_and_arrow_files_are_made_without_importing_pandas(tmp_path):
    """pyarrow imports pandas (most of a second) as soon as it converts Python objects; the Arrow files
    are made from the JSON Lines by pyarrow's own reader instead, so an export never pays for it."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests']\n"
        "from test_formats_common import news_project\n"
        "from annotations.formats import export\n"
        "export(news_project()[0], 'hf', sys.argv[2], {'split': '0.5,0.5'})\n"
        "assert 'pyarrow' in sys.modules, 'pyarrow was not used'\n"
        "print('pandas' in sys.modules)\n"
    )
    out = tmp_path / "hf"
    proc = subprocess.run([sys.executable, "-c", code, str(root), str(out)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
    assert (out / "parquet" / "tokens").is_dir() and (out / "spans" / "dataset_dict.json").exists()
    assert load_from_disk(str(out / "tokens"))["dev"].features["ner_tags"].feature.names[:2] == ["O", "B-PER"]
