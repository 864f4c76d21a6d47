"""Wojood nested NER: one IOB2 column per nesting level (outer first), one column count per file,
documents restored on import with their nesting exactly, and the flat projections."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_formats_common import find, import_clean

import main
from annotations import Project
from annotations.builtin_schemas import wojood
from annotations.formats import export, import_annotated

TEXT = "قال الرئيس بشار الأسد إن جامعة بيرزيت في رام الله.\nوزار الوفد بالقاهرة."
NESTED = [("الرئيس بشار الأسد", "PERS"), ("الرئيس", "OCC"), ("بشار الأسد", "PERS"),
          ("جامعة بيرزيت في رام الله", "ORG"), ("رام الله", "GPE"), ("بالقاهرة", "GPE")]
ROWS = """\
قال O O
الرئيس B-PERS B-OCC
بشار I-PERS B-PERS
الأسد I-PERS I-PERS
إن O O
جامعة B-ORG O
بيرزيت I-ORG O
في I-ORG O
رام I-ORG B-GPE
الله I-ORG I-GPE
. O O

وزار O O
الوفد O O
بالقاهرة B-GPE O
. O O

"""


def nested_project(docs: int = 1) -> Project:
    p = Project.memory(schema=wojood())
    for k in range(docs):
        d = p.add_document(TEXT, title=f"وثيقة {k}", status="done", meta={"source": f"s{k}"})
        for word, label in NESTED[: len(NESTED) - k % 3]:  # documents of different depths
            p.add_span(d, *find(TEXT, word), label)
    return p


def structure(p: Project) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """Per document: its title and its spans as (label, text), in order."""
    return [(i.title, sorted((s.label, s.text) for s in p.spans(i.id))) for i in p.documents()]


def test_rows_levels_outer_first_and_blank_line_between_segments(tmp_path):
    rep = export(nested_project(), "wojood", tmp_path / "w")
    assert (tmp_path / "w" / "data.txt").read_text(encoding="utf-8") == ROWS
    (rec,) = [json.loads(x) for x in (tmp_path / "w" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["file"] == "data.txt" and rec["segments"] == 2 and rec["title"] == "وثيقة 0"
    assert rep.token_edges["scheme"] == "whitespace"  # Wojood's words keep their clitics


def test_every_row_of_every_file_has_the_same_column_count(tmp_path):
    p = nested_project(docs=9)
    d = p.add_document("زار الوفد المدينة.", status="done")  # no span at all: depth 0
    p.add_span(d, *find("زار الوفد المدينة.", "المدينة"), "LOC")
    export(p, "wojood", tmp_path / "w", {"split": "0.6,0.2,0.2"})
    files = sorted(x.name for x in (tmp_path / "w").glob("*.txt"))
    assert files == ["test.txt", "train.txt", "val.txt"]
    for name in files:
        rows = [x.split(" ") for x in (tmp_path / "w" / name).read_text(encoding="utf-8").split("\n") if x]
        assert rows and {len(r) for r in rows} == {3}, name
        assert not any(r[0] in ("-DOCSTART-", "#") for r in rows)


def test_round_trip_restores_documents_and_nesting_exactly(tmp_path):
    p = nested_project(docs=5)
    export(p, "wojood", tmp_path / "w", {"split": "0.6,0.2,0.2"})
    q = Project.memory(schema=wojood())
    rep, _ = import_clean(q, tmp_path / "w", "wojood")
    assert len(rep.documents) == 5
    assert sorted(structure(q)) == sorted(structure(p))
    for info in q.documents():
        assert q.document(info.id).meta["source"].startswith("s") and info.status == "done"
    export(q, "wojood", tmp_path / "again", {"split": "0.6,0.2,0.2"})

    def segments(folder):  # the split follows the (new) document ids: compare all files together
        return sorted(seg for name in ("train.txt", "val.txt", "test.txt")
                      for seg in (folder / name).read_text(encoding="utf-8").split("\n\n") if seg)

    assert segments(tmp_path / "again") == segments(tmp_path / "w") and len(segments(tmp_path / "w")) == 10


@pytest.mark.parametrize("nested, tags, dropped", [
    ("outermost", ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"], 3),
    ("innermost", ["O", "B-OCC", "B-PERS", "I-PERS", "O", "O", "O", "O", "B-GPE", "I-GPE", "O"], 2),
])
def test_flat_projections(tmp_path, nested, tags, dropped):
    rep = export(nested_project(), "wojood", tmp_path / "w", {"nested": nested})
    rows = [x.split(" ") for x in (tmp_path / "w" / "data.txt").read_text(encoding="utf-8").split("\n") if x]
    assert {len(r) for r in rows} == {2} and [r[1] for r in rows][:11] == tags
    assert rep.not_carried[f"nested or overlapping spans ({nested} kept)"]["count"] == dropped


def test_a_wojood_file_without_documents_index_is_one_document(tmp_path):
    f = tmp_path / "corpus.txt"
    f.write_text(ROWS + "ذهب O O\nإلى O O\nغزة B-GPE B-LOC\n", encoding="utf-8")
    q = Project.memory(schema=wojood())
    rep = import_clean(q, f, "wojood")[0]
    (info,) = q.documents()
    assert len(rep.documents) == 1 and info.title == "corpus"
    assert ("PERS", "بشار الأسد") in {(s.label, s.text) for s in q.spans(info.id)}
    assert ("LOC", "غزة") in {(s.label, s.text) for s in q.spans(info.id)}


def test_mixed_column_counts_are_reported(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("قال O\nالرئيس B-PERS B-OCC\n", encoding="utf-8")
    rep = import_annotated(Project.memory(schema=wojood()), [f], "wojood")
    assert any("2 and 3 columns" in p.reason for p in rep.problems)


def test_cli_export_and_import(tmp_path, capsys):
    path = tmp_path / "p"
    with Project.open(path, schema=wojood()) as p:
        d = p.add_document(TEXT, status="done")
        for word, label in NESTED:
            p.add_span(d, *find(TEXT, word), label)
    assert main.main(["export", str(path), "--format", "wojood", "--out", str(tmp_path / "w"), "--quiet"]) == 0
    assert (tmp_path / "w" / "data.txt").read_text(encoding="utf-8") == ROWS
    assert main.main(["import", str(tmp_path / "q"), str(tmp_path / "w"), "--format", "wojood"]) == 0
    with Project.open(tmp_path / "q") as q:
        assert sum(1 for _ in q.documents()) == 1


WORDS = ["زار", "الوفد", "بالقاهرة", "مدينة", "رام", "الله", "جامعة", "بيرزيت"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
       ranges=st.lists(st.tuples(st.integers(0, 11), st.integers(1, 4), st.sampled_from(["PERS", "ORG", "GPE"])),
                       max_size=8))
def test_any_nesting_of_whole_words_comes_back(tmp_path_factory, words, ranges):
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    p = Project.memory(schema=wojood())
    d = p.add_document(text, status="done")
    seen = set()
    for i, n, label in ranges:
        if i >= len(words) or (i, n, label) in seen:
            continue
        j = min(len(words), i + n)
        spans = [(s.start, s.end) for s in p.spans(d)]
        s, e = starts[i], starts[j - 1] + len(words[j - 1])
        if any(a < s < b < e or s < a < e < b for a, b in spans):  # crossing spans cannot nest
            continue
        seen.add((i, n, label))
        p.add_span(d, s, e, label)
    out = tmp_path_factory.mktemp("w") / "w"
    export(p, "wojood", out)
    q = Project.memory(schema=wojood())
    import_clean(q, out, "wojood")
    (info,) = q.documents()
    assert q.document(info.id).text == text
    assert sorted((s.start, s.end, s.label) for s in q.spans(info.id)) == sorted(
        (s.start, s.end, s.label) for s in p.spans(d))
