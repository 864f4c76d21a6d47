"""The suggestion layer: stored like spans, accept/reject/undo, remembered rejections, old files, check, export."""

from __future__ import annotations

import json

import pytest

from annotations import AnnotationError, Project
from annotations.formats import export

TEXT = "زار الرئيس محمد عباس القاهرة أمس"


@pytest.fixture
def proj():
    p = Project.memory()
    d = p.add_document(TEXT, title="t")
    return p, d


def _items():
    return [{"start": 11, "end": 20, "label": "PER", "score": 0.9},
            {"start": 21, "end": 28, "label": "GPE", "score": 0.6}]


def test_suggestions_api_returns_start_end_label_score_source(proj):
    p, d = proj
    assert p.replace_suggestions({d: _items()}, "model") == 2
    s = p.suggestions(d)
    assert [(x.start, x.end, x.label, x.score, x.source) for x in s] == [
        (11, 20, "PER", 0.9, "model"), (21, 28, "GPE", 0.6, "model")]
    assert s[0].text == "محمد عباس" and s[0].id == f"{d}:S1"
    assert p.spans(d) == [] and p.check() == []


def test_accept_makes_a_span_and_undo_brings_the_suggestion_back(proj):
    p, d = proj
    p.replace_suggestions({d: _items()}, "model")
    sid = p.suggestions(d)[0].id
    span_id = p.accept_suggestion(sid)
    assert [(x.start, x.end, x.label) for x in p.spans(d)] == [(11, 20, "PER")]
    assert p.suggestion(sid).state == "accepted" and p.suggestion(sid).span == span_id
    assert [x.label for x in p.suggestions(d)] == ["GPE"]
    p.revert(p.last_change)
    assert p.spans(d) == [] and len(p.suggestions(d)) == 2


def test_rejected_is_remembered_and_not_offered_again(proj):
    p, d = proj
    p.replace_suggestions({d: _items()}, "model")
    sid = p.suggestions(d)[0].id
    p.reject_suggestion(sid)
    assert [x.label for x in p.suggestions(d)] == ["GPE"]
    assert p.replace_suggestions({d: _items()}, "model") == 1  # the retrained model proposes it again
    assert [x.label for x in p.suggestions(d)] == ["GPE"]
    with pytest.raises(AnnotationError, match="already rejected"):
        p.reject_suggestion(sid)


def test_accept_all_is_one_change_and_skips_overlapping_worse_ones(proj):
    p, d = proj
    p.replace_suggestions({d: _items()}, "model")
    p.add_suggestions_many([(d, {"start": 11, "end": 15, "label": "PER", "score": 1.0})], "gazetteer:names")
    p.add_suggestions_many([(d, {"start": 16, "end": 20, "label": "ORG", "score": 0.1})], "gazetteer:x")
    ids = p.accept_all_suggestions(d)
    # 11-20 (0.9) overlaps the better 11-15 (1.0) and goes; 16-20 overlaps only the one that went
    assert [(x.start, x.end) for x in p.spans(d)] == [(11, 15), (16, 20), (21, 28)] and len(ids) == 3
    p.revert(p.last_change)
    assert p.spans(d) == []


def test_background_batch_does_not_break_the_users_undo(proj):
    p, d = proj
    p.replace_suggestions({d: _items()}, "model")
    accept = (p.accept_suggestion(p.suggestions(d)[0].id), p.last_change)[1]
    # the recommender retrains and replaces its open suggestions meanwhile
    p.replace_suggestions({d: [{"start": 0, "end": 3, "label": "PER", "score": 0.5}]}, "model")
    p.revert(accept)
    assert p.spans(d) == [] and {x.start for x in p.suggestions(d)} == {0, 11}


def test_suggestions_over_a_span_and_unknown_labels_are_left_out(proj):
    p, d = proj
    p.add_span(d, 11, 15, "PER")
    assert p.replace_suggestions({d: _items() + [{"start": 0, "end": 3, "label": "NOPE"}]}, "model") == 1


def test_an_older_project_without_the_table_reads_as_empty(tmp_path):
    path = tmp_path / "p"
    with Project.open(path) as p:
        d = p.add_document(TEXT, title="t")
        p.add_span(d, 11, 20, "PER")
    doc_file = path / "docs" / f"{d}.json"
    data = json.loads(doc_file.read_text(encoding="utf-8"))
    data.pop("suggestions", None)
    data["document"]["1"]["next"] = {"T": 2, "E": 1, "R": 1}
    doc_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(path) as p:
        assert p.suggestions(d) == [] and p.check() == []
        p.replace_suggestions({d: _items()[1:]}, "model")
        assert p.accept_suggestion(p.suggestions(d)[0].id) == f"{d}:T2"
    with Project.open(path, readonly=True) as p:
        assert [x.label for x in p.spans(d)] == ["PER", "GPE"] and p.check() == []
        assert p.documents()[0].n_spans == 2


def test_check_reports_a_suggestion_outside_the_text(tmp_path):
    path = tmp_path / "p"
    with Project.open(path) as p:
        d = p.add_document(TEXT, title="t")
        p.replace_suggestions({d: _items()}, "model")
    doc_file = path / "docs" / f"{d}.json"
    data = json.loads(doc_file.read_text(encoding="utf-8"))
    data["suggestions"]["1"]["end"] = 999
    doc_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(path, readonly=True) as p:
        assert any("outside the text" in str(x) for x in p.check())


def test_open_suggestions_are_not_exported(proj, tmp_path):
    p, d = proj
    p.replace_suggestions({d: _items()}, "model")
    p.accept_suggestion(p.suggestions(d)[1].id)
    export(p, "jsonl", tmp_path / "out.jsonl", {"status": "all"})
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    spans = [s for r in records for s in r.get("spans", [])]
    assert len(spans) == 1
