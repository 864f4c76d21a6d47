"""main.py export says how many documents the status selection left out, per status (issue 13, point 5)."""

from __future__ import annotations

import main
from annotations import Project


def test_cli_summary_counts_the_documents_not_exported(tmp_path, capsys):
    path = tmp_path / "proj"
    with Project.open(path) as p:
        for k, status in enumerate(["done", "done", "new", "new", "new", "skipped"]):
            doc = p.add_document(f"شهدت إسطنبول اجتماعاً رقم {k}", title=f"خبر {k}")
            p.add_span(doc, 5, 12, "GPE")
            p.set_status(doc, status)
    assert main.main(["export", str(path), "--format", "conll", "--out", str(tmp_path / "a.conll")]) == 0
    out = capsys.readouterr().out
    assert "exported 2 documents as conll" in out
    assert "4 documents not exported (status new: 3, skipped: 1)" in out
    assert main.main(["export", str(path), "--format", "conll", "--status", "all",
                      "--out", str(tmp_path / "b.conll")]) == 0
    assert "not exported" not in capsys.readouterr().out


def test_cli_export_of_nothing_exits_1_and_says_why_on_stderr(tmp_path, capsys):
    """No document is done yet: the default selection exports nothing, which is not what was asked."""
    path = tmp_path / "proj"
    with Project.open(path) as p:
        for k in range(3):
            p.add_document(f"شهدت إسطنبول اجتماعاً رقم {k}", title=f"خبر {k}")
    assert main.main(["export", str(path), "--format", "jsonl", "--out", str(tmp_path / "a.jsonl")]) == 1
    out, err = capsys.readouterr()
    assert "exported 0 documents" in out
    assert "nothing was exported" in err and "3 documents not exported (status new: 3)" in err
