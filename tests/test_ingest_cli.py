"""``main.py import``: arguments, report on stdout, failures on stderr, exit codes, no tracebacks."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotations import Project
from annotations.cli import import_cmd

REPO = Path(__file__).resolve().parents[1]
BODY1 = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ."
BODY2 = "وقال المتحدث باسم الكرملين إن دبلوماسياً روسياً شارك في الاجتماع المذكور بمدينة إسطنبول التركية."


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="main.py")
    sub = parser.add_subparsers(dest="command")
    import_cmd.add_parser(sub)
    args = parser.parse_args(["import", *argv])
    code = args.run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_all_fine_exits_0(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BODY1, encoding="utf-8")
    code, out, err = _run([str(tmp_path / "proj"), str(tmp_path / "a.txt"), "--quiet"], capsys)
    assert code == 0 and err == ""
    assert out.startswith("Imported 1 article, skipped 0 duplicates, 0 failed; no date found for 1 article")
    with Project.open(tmp_path / "proj") as p:
        assert [d.text for d in p.iter_documents()] == [BODY1]


def test_failures_go_to_stderr_and_exit_1(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BODY1, encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00")
    code, out, err = _run([str(tmp_path / "proj"), str(tmp_path / "a.txt"), str(tmp_path / "nul.txt"),
                           str(tmp_path / "gone.txt"), "--quiet"], capsys)
    assert code == 1
    assert "Imported 1 article, skipped 0 duplicates, 2 failed; no date found for 1 article" in out
    assert f"failed {tmp_path / 'gone.txt'}: no such file or folder" in err
    assert f"failed {tmp_path / 'nul.txt'}:1: contains NUL bytes" in err
    assert "Traceback" not in out + err


def test_field_options_encoding_and_no_cleanup(tmp_path, capsys):
    data = tmp_path / "d.jsonl"
    data.write_bytes((json.dumps({"body": f"- 10 يناير 2025\n{BODY2}", "head": "عنوان"}, ensure_ascii=False)
                      + "\n").encode("cp1256"))
    code, out, _ = _run([str(tmp_path / "proj"), str(data), "--text-field", "body", "--title-field", "head",
                         "--encoding", "cp1256", "--no-cleanup", "--quiet"], capsys)
    assert code == 0, out
    with Project.open(tmp_path / "proj") as p:
        (doc,) = p.iter_documents()
    assert doc.text == f"عنوان\n- 10 يناير 2025\n{BODY2}" and doc.title == "عنوان" and doc.meta["encoding"] == "cp1256"


def test_rules_option_extends_cleanup(tmp_path, capsys):
    rules = tmp_path / "site.json"
    rules.write_text(json.dumps({"rules": [{"name": "listen", "pattern": "^استمع إلى"}]}, ensure_ascii=False),
                     encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(f"{BODY1}\nاستمع إلى المقال الآن\n{BODY2}", encoding="utf-8")
    code, _, _ = _run([str(tmp_path / "proj"), str(art), "--rules", str(rules), "--quiet"], capsys)
    assert code == 0
    with Project.open(tmp_path / "proj") as p:
        (doc,) = p.iter_documents()
    assert doc.text == f"{BODY1}\n{BODY2}" and doc.meta["removed"][0]["rule"] == "listen"


@pytest.mark.parametrize(("args", "message"), [(["--max-size", "lots"], "'lots' is not a size")])
def test_bad_option_values_are_explained(tmp_path, capsys, args, message):
    (tmp_path / "a.txt").write_text(BODY1, encoding="utf-8")
    code, _, err = _run([str(tmp_path / "proj"), str(tmp_path / "a.txt"), *args], capsys)
    assert code == 1 and message in err


def test_max_size_option(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BODY1 * 20, encoding="utf-8")
    code, _, err = _run([str(tmp_path / "proj"), str(tmp_path / "a.txt"), "--max-size", "1K", "--quiet"], capsys)
    assert code == 1 and "above the import limit of 1.0 KB" in err


def test_project_that_cannot_be_opened(tmp_path, capsys):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    code, _, err = _run([str(not_a_folder), str(not_a_folder)], capsys)
    assert code == 1 and err.startswith("import: cannot open the project:")


def test_main_py_import_subprocess(tmp_path):
    (tmp_path / "a.txt").write_text(BODY1, encoding="utf-8")
    (tmp_path / "b.png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    result = subprocess.run(
        [sys.executable, "main.py", "import", str(tmp_path / "proj"), str(tmp_path / "a.txt"),
         str(tmp_path / "b.png.txt")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "Imported 1 article" in result.stdout
    assert "this is a PNG image, not a text file" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_cancels_cleanly_and_keeps_what_was_imported(tmp_path, capsys, monkeypatch):
    import signal

    import annotations.ingest as ingest

    real = ingest.import_paths
    files = []
    for i in range(3):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(f"{BODY1} {i}", encoding="utf-8")

    def interrupted_midway(project, paths, options, progress):
        first = real(project, paths[:1], options, progress)
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl+C sends; the handler only sets progress.cancelled
        assert progress.cancelled
        rest = real(project, paths[1:], options, progress)
        rest.imported[:0] = first.imported
        return rest

    monkeypatch.setattr(ingest, "import_paths", interrupted_midway)
    before = signal.getsignal(signal.SIGINT)
    code, out, err = _run([str(tmp_path / "proj"), *map(str, files), "--quiet"], capsys)
    assert signal.getsignal(signal.SIGINT) is before
    assert code == 1 and "Traceback" not in err
    assert "cancelling after the current article" in err
    assert "cancelled, 2 files not attempted (what was imported is kept)" in out
    with Project.open(tmp_path / "proj") as p:
        assert [d.text for d in p.iter_documents()] == [f"{BODY1} 0"]


def _bad_input(kind: str, tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / f"bad_{kind}"
    if kind == "empty":
        path = path.with_suffix(".txt")
        path.write_bytes(b"")
    elif kind == "png":
        path = path.with_suffix(".txt")
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    elif kind == "huge":
        path = path.with_suffix(".txt")
        with open(path, "wb") as f:
            f.truncate(200 * 1024 * 1024)
    elif kind == "undecodable":
        path = path.with_suffix(".txt")
        path.write_bytes(BODY1.encode() + b"\xc3\x28\xff" + BODY2.encode())
    elif kind == "nul":
        path = path.with_suffix(".txt")
        path.write_bytes(BODY1.encode() + b"\x00")
    elif kind == "jsonl":
        path = path.with_suffix(".jsonl")
        path.write_text('{"text": ', encoding="utf-8")
    elif kind == "csv":
        path = path.with_suffix(".csv")
        path.write_text("headline,body\nعنوان,نص\n", encoding="utf-8")
    elif kind == "missing":
        path = path.with_suffix(".txt")
    elif kind == "noperm":
        path.mkdir()
        (path / "a.txt").write_text(BODY2, encoding="utf-8")
        path.chmod(0)
        if os.access(path, os.R_OK):  # root ignores modes: refuse the listing instead
            real = os.scandir

            def scandir(p="."):
                if Path(p) == path:
                    raise PermissionError(13, "Permission denied", str(path))
                return real(p)

            monkeypatch.setattr(os, "scandir", scandir)
    return path


@pytest.mark.parametrize("kind", ["empty", "png", "huge", "undecodable", "nul", "jsonl", "csv", "missing", "noperm"])
def test_each_bad_input_fails_with_one_line_and_exit_1(tmp_path, capsys, monkeypatch, kind):
    good = tmp_path / "good.txt"
    good.write_text(BODY1, encoding="utf-8")
    bad = _bad_input(kind, tmp_path, monkeypatch)
    try:
        code, out, err = _run([str(tmp_path / "proj"), str(good), str(bad), "--quiet"], capsys)
    finally:
        if kind == "noperm":
            bad.chmod(0o755)
    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith("failed ")]
    assert len(failed) == 1 and str(bad) in failed[0], err
    assert "Traceback" not in out + err
    assert "Imported 1 article" in out
