"""The whole team path on the command line: two annotators annotate the sample article differently,
bundle, merge, agree, adjudicate, export the gold; and each bad input refused with exit code 2."""

from __future__ import annotations

import json
import zipfile

import pytest

import main
from annotations import Project
from tests.team_data import ALICE, BOB, annotator_project


def run(capsys, *argv):
    code = main.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def projects(tmp_path):
    return annotator_project(tmp_path / "alice", "alice", ALICE), annotator_project(tmp_path / "bob", "bob", BOB)


def test_end_to_end(tmp_path, capsys, projects):
    alice, bob = projects
    code, out, _ = run(capsys, "bundle", alice, "--out", tmp_path / "alice.qalam")
    assert code == 0 and "1 documents (status all; the project has 1), annotator alice" in out
    assert run(capsys, "bundle", bob, "--out", tmp_path / "bob.qalam")[0] == 0
    cur = tmp_path / "cur"
    code, out, err = run(capsys, "merge", cur, tmp_path / "alice.qalam", tmp_path / "bob.qalam")
    assert code == 0 and not err.strip().startswith("merge:")
    assert "1 curation documents created" in out and "16 of 16 annotations merged" in out

    code, out, _ = run(capsys, "agree", cur, "--json", "--html", tmp_path / "report.html")
    assert code == 0
    report = json.loads(out)
    assert report["annotators"] == ["alice", "bob"]
    for key in ("f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"):
        assert key in report["overall"] and key in report["labels"]["GPE"]
    assert set(report["pairs"][0]) >= {"a", "b", "f1_exact", "f1_overlap", "cohen_kappa"}
    assert "heat" in (tmp_path / "report.html").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "agree", cur)
    assert code == 0 and "alice / bob" in out and "disagreements: 4" in out

    code, out, _ = run(capsys, "adjudicate", cur, "--list")
    assert code == 0 and "0 of 4 resolved" in out and "أنقرة" in out
    code, out, _ = run(capsys, "adjudicate", cur, "--accept-agreed", "--prefer", "alice")
    assert code == 0 and "accepted 4 agreed spans" in out and "4 of 4 resolved; 1 of 1 documents done" in out

    gold = tmp_path / "gold.conll"
    code, out, _ = run(capsys, "export", cur, "--format", "conll", "--out", gold)
    assert code == 0 and "exported 1 documents" in out
    tags = [line.split()[1] for line in gold.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("-DOCSTART-", "#"))]
    assert tags.count("B-GPE") == 5 and tags.count("B-PER") == 1 and "B-LOC" not in tags  # alice's choices


def test_kept_apart_document_makes_merge_exit_1(tmp_path, capsys):
    from tests.team_data import sample_article

    annotator_project(tmp_path / "alice", "alice", ALICE)
    annotator_project(tmp_path / "bob", "bob", BOB, text=sample_article()[0].replace("المياه", "الماء", 1))
    code, out, err = run(capsys, "merge", tmp_path / "cur", tmp_path / "alice", tmp_path / "bob")
    assert code == 1 and "kept apart" in out
    assert "1 document(s) kept apart, not merged" in err


def test_bad_inputs_change_nothing(tmp_path, capsys, projects):
    alice, bob = projects
    run(capsys, "bundle", alice, "--out", tmp_path / "alice.qalam")
    run(capsys, "bundle", bob, "--out", tmp_path / "bob.qalam")
    cur = tmp_path / "cur"
    # a zip that is not a bundle, into a new curation: refused, and no project left behind
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("x.txt", "x")
    code, out, err = run(capsys, "merge", cur, other)
    assert code == 2 and "not a bundle" in err and "Traceback" not in err and not cur.exists()

    assert run(capsys, "merge", cur, tmp_path / "alice.qalam")[0] == 0
    snapshot = sorted((p.name, p.stat().st_size) for p in (cur / "docs").iterdir())
    code, _, err = run(capsys, "merge", cur, tmp_path / "alice.qalam")
    assert code == 2 and "already merged: alice" in err and "--replace" in err
    code, _, err = run(capsys, "merge", cur, tmp_path / "bob.qalam", "--map", "oops")
    assert code == 2 and "THEIRS=OURS" in err
    # a damaged member
    damaged = tmp_path / "damaged.qalam"
    with zipfile.ZipFile(tmp_path / "bob.qalam") as zin, zipfile.ZipFile(damaged, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace(b"LOC", b"GPE") if name == "documents.jsonl" else data)
    code, _, err = run(capsys, "merge", cur, damaged)
    assert code == 2 and "fails its sha256 check" in err
    assert sorted((p.name, p.stat().st_size) for p in (cur / "docs").iterdir()) == snapshot
    assert run(capsys, "merge", cur, tmp_path / "alice.qalam", "--replace")[0] == 0

    code, _, err = run(capsys, "agree", alice)
    assert code == 2 and "agreement needs two" in err
    code, _, err = run(capsys, "adjudicate", alice, "--accept-agreed")
    assert code == 2 and "no curation documents" in err
    code, _, err = run(capsys, "bundle", alice, "--out", tmp_path / "alice.qalam")
    assert code == 2 and "exists" in err


def test_bundle_summary_counts_the_selection(tmp_path, capsys, projects):
    alice, _ = projects
    with Project.open(alice) as p:
        p.add_document("نص ثان لم يكتمل")
    code, out, _ = run(capsys, "bundle", alice, "--out", tmp_path / "a.qalam", "--status", "done")
    assert code == 0 and "1 documents (status done; the project has 2)" in out
    code, out, _ = run(capsys, "bundle", alice, "--out", tmp_path / "b.qalam")
    assert code == 0 and "2 documents (status all; the project has 2)" in out


def test_import_takes_the_annotator(tmp_path, capsys, projects):
    alice, _ = projects
    out = tmp_path / "a.jsonl"
    assert run(capsys, "export", alice, "--format", "jsonl", "--out", out)[0] == 0
    code, _, err = run(capsys, "import", tmp_path / "other", out, "--annotator", "dina")
    assert code == 0, err
    with Project.open(tmp_path / "other", readonly=True) as p:
        assert {s.annotator for s in p.spans(p.documents()[0].id)} == {"dina"}
