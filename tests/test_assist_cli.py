"""main.py suggest and label-all, and export --include-suggestions (exit codes, counts, messages)."""

from __future__ import annotations

import json

import pytest

import main
from annotations import Project
from tests.test_assist_crf import _doc


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p"
    with Project.open(path) as p:
        for i in range(3):
            doc = _doc(i)
            d = p.add_document(doc.text, title=f"t{i}")
            p.add_spans(d, [{"start": s, "end": e, "label": lab} for s, e, lab in doc.spans])
            p.set_status(d, "done")
        new = p.add_document("قال عمر إنه سافر إلى بالرباط وإلى نيويورك أمس .", title="new")
    return path, new


def test_suggest_prints_counts_and_cross_validated_f1(proj, capsys):
    path, new = proj
    assert main.main(["suggest", str(path)]) == 0
    out = capsys.readouterr().out
    assert "trained on 3 document(s)" in out and "cross-validated on the training documents" in out
    assert "F1" in out and "for 1 document(s)" in out
    with Project.open(path, readonly=True) as p:
        assert {s.text for s in p.suggestions(new)} >= {"عمر", "نيويورك"}


def test_suggest_with_a_bad_gazetteer_line_uses_the_rest_and_exits_1(proj, tmp_path, capsys):
    path, new = proj
    gaz = tmp_path / "names.txt"
    gaz.write_text("عمر\tPER\nبلا تسمية\n", encoding="utf-8")
    assert main.main(["suggest", str(path), "--gazetteer", str(gaz), "--folds", "0", "--no-starter"]) == 1
    captured = capsys.readouterr()
    assert f"{gaz}:2: no label" in captured.err and "1 gazetteer line(s) were skipped" in captured.err
    assert "gazetteer names: 1 term(s) loaded, 1 line(s) skipped" in captured.out


def test_suggest_with_too_few_training_documents(proj, capsys):
    path, _ = proj
    assert main.main(["suggest", str(path), "--train-status", "new"]) == 1
    err = capsys.readouterr().err
    assert "needs at least 2 documents with spans" in err and "there are 0" in err and "Traceback" not in err


def test_label_all_dry_run_then_apply(proj, capsys):
    path, new = proj
    assert main.main(["label-all", str(path), "الرباط", "GPE", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 occurrence(s) of 'الرباط'" in out
    with Project.open(path, readonly=True) as p:
        before = sum(len(p.spans(d.id)) for d in p.documents())
    assert main.main(["label-all", str(path), "الرباط", "GPE"]) == 0
    assert "span(s) added" in capsys.readouterr().out
    with Project.open(path, readonly=True) as p:
        assert [s.text for s in p.spans(new)] == ["الرباط"]
        assert sum(len(p.spans(d.id)) for d in p.documents()) == before + 1


def test_export_include_suggestions_as_labelstudio_predictions(proj, tmp_path, capsys):
    path, new = proj
    assert main.main(["suggest", str(path), "--folds", "0"]) == 0
    out = tmp_path / "ls.json"
    assert main.main(["export", str(path), "--format", "labelstudio", "--out", str(out), "--status", "all",
                      "--include-suggestions", "--quiet"]) == 0
    tasks = {t["data"]["doc_id"]: t for t in json.loads(out.read_text(encoding="utf-8"))}
    prediction = tasks[new]["predictions"][0]
    assert prediction["model_version"] == "qalam-suggestions"
    assert {r["value"]["text"] for r in prediction["result"]} >= {"عمر"}
    assert tasks[new]["annotations"][0]["result"] == []
    out2 = tmp_path / "plain.json"
    assert main.main(["export", str(path), "--format", "labelstudio", "--out", str(out2), "--status", "all",
                      "--quiet"]) == 0
    assert all("predictions" not in t for t in json.loads(out2.read_text(encoding="utf-8")))
    capsys.readouterr()
    assert main.main(["export", str(path), "--format", "conll", "--out", str(tmp_path / "c.conll"),
                      "--include-suggestions", "--quiet"]) == 2
    assert "Label Studio predictions only" in capsys.readouterr().err


def test_train_model_job_with_documents_and_with_a_project(proj, tmp_path, capsys):
    path, _ = proj
    docs = [[_doc(i).text, [list(s) for s in _doc(i).spans]] for i in range(3)]
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"docs": docs, "gazetteers": [], "folds": 3, "out": str(tmp_path / "m")},
                              ensure_ascii=False), encoding="utf-8")
    assert main.main(["train-model", str(job)]) == 0
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert meta["info"]["documents"] == 3 and meta["info"]["cv_f1"] is not None
    assert json.loads((tmp_path / "m.cv.json").read_text(encoding="utf-8"))["PER"][2] > 0
    job.write_text(json.dumps({"project": str(path), "gazetteers": [], "folds": 0, "out": str(tmp_path / "p")}),
                   encoding="utf-8")
    assert main.main(["train-model", str(job)]) == 0 and (tmp_path / "p.crfsuite").is_file()
    job.write_text(json.dumps({"docs": docs[:1], "gazetteers": [], "out": str(tmp_path / "x")}), encoding="utf-8")
    assert main.main(["train-model", str(job)]) == 1
    assert "there is 1" in capsys.readouterr().err
