"""main.py list: document ids, statuses and titles, filtered by status, as a table or JSON; read-only."""

from __future__ import annotations

import json

import main
from annotations import Project


def make(tmp_path):
    path = tmp_path / "proj"
    with Project.open(path) as p:
        done = p.add_document("شهدت إسطنبول اجتماعاً", title="خبر أول", meta={"published": "2023-10-05"})
        p.add_span(done, 5, 12, "GPE")
        p.set_status(done, "done")
        new = p.add_document("نص ثان بلا تاريخ", title="خبر ثان")
    return path, done, new


def test_list_table_json_and_status_filter(tmp_path, capsys):
    path, done, new = make(tmp_path)
    before = sorted(f.name for f in path.rglob("*"))
    assert main.main(["list", str(path)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert f"{done}\tdone\t2023-10-05\t1\tخبر أول" in lines and f"{new}\tnew\t\t0\tخبر ثان" in lines
    assert "2 of 2 documents" in err
    assert main.main(["list", str(path), "--status", "new", "--json"]) == 0
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [new] and rows[0]["title"] == "خبر ثان" and rows[0]["published"] is None
    assert "1 of 2 documents with status new" in err
    assert sorted(f.name for f in path.rglob("*")) == before  # read-only: nothing written


def test_list_errors_are_messages(tmp_path, capsys):
    path, _done, _new = make(tmp_path)
    assert main.main(["list", str(tmp_path / "missing")]) == 2
    assert "missing" in capsys.readouterr().err
    try:
        main.main(["list", str(path), "--status", "finished"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path):
    """`main.py list P | head -1`: the closed pipe stops the command quietly (exit 141, as the shell
    reports it), with no "error: Broken pipe" and no traceback on stderr."""
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "proj"
    with Project.open(path) as p:
        for i in range(3000):  # more rows than a pipe's buffer holds
            p.add_document(f"نص رقم {i} عن إسطنبول", title=f"خبر {i} " + "ط" * 40)
    repo = Path(main.__file__).resolve().parent
    proc = subprocess.Popen([sys.executable, str(repo / "main.py"), "list", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait() == 141
    assert err == ""
