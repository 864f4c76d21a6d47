"""main.py: --help/--version, stats, check (with a dangling reference), restore, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import main
from annotations import Project, __version__

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "proj"
    with Project.open(path) as p:
        d = p.add_document("شهدت إسطنبول اجتماعاً", title="خبر")
        place = p.add_span(d, 5, 12, "GPE")
        trig = p.add_span(d, 13, 21, "Contact.Meet")
        p.add_event(d, "Contact.Meet", trig, [("Place", place)])
        p.set_status(d, "done")
    return path, d


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main.main(["--version"])
    assert info.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main.main(["--help"])
    out = capsys.readouterr().out
    for command in ("stats", "check", "restore"):
        assert command in out


def test_stats(proj, capsys):
    path, _ = proj
    assert main.main(["stats", str(path)]) == 0
    out = capsys.readouterr().out
    assert "documents: 1" in out and "GPE" in out and "done" in out
    assert main.main(["stats", str(path), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["labels"] == {"GPE": 1, "Contact.Meet": 1} and stats["status"]["done"] == 1


def test_check_healthy_and_dangling(proj, capsys):
    path, doc = proj
    assert main.main(["check", str(path)]) == 0
    assert "ok: 1 documents" in capsys.readouterr().out
    # damage the file by hand: the event's Place argument points at a span that is gone
    f = path / "docs" / f"{doc}.json"
    data = json.loads(f.read_text(encoding="utf-8"))
    del data["spans"]["1"]
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main.main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{doc}:E1" in err and "dangling" in err and f"{doc}:T1" in err


def test_errors_are_messages_not_tracebacks(tmp_path):
    cases = [
        ["stats", str(tmp_path / "missing")],
        ["restore", str(tmp_path / "missing2"), "project.json"],
    ]
    for args in cases:
        result = subprocess.run([sys.executable, "main.py", *args], cwd=REPO, capture_output=True, text=True)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr and result.stderr.startswith("error:"), result.stderr


def test_damaged_project_message_names_file(proj, capsys):
    path, doc = proj
    (path / "project.json").write_bytes(b"")
    assert main.main(["stats", str(path)]) == 2
    err = capsys.readouterr().err
    assert "project.json" in err and "empty" in err
