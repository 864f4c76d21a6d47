"""Project.open(readonly=True): reading a project while another process holds it and edits it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotations import Project
from annotations.errors import ProjectError, ProjectLockedError
from annotations.formats import export

ROOT = Path(__file__).resolve().parent.parent
TEXT = "قال وزير الخارجية التركي هاكان فيدان في إسطنبول إن الاجتماع عقد أمس مع الوفد الروسي. " * 3


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder`` with its size and mtime (what a write would change)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


def _make(proj: Path, n: int = 3) -> list[str]:
    with Project.open(proj) as p:
        ids = p.add_documents([{"text": f"{TEXT} {i}", "title": f"خبر {i}", "status": "done"} for i in range(n)])
        p.add_span(ids[0], 0, 3, "PER")
    return ids


def test_readonly_sees_journaled_edits_of_a_live_writer_and_writes_nothing(tmp_path):
    proj = tmp_path / "proj"
    ids = _make(proj)
    writer = Project.open(proj)
    try:
        writer.add_span(ids[1], 4, 8, "PER")  # only in the journal: the writer has not compacted
        trig = writer.add_span(ids[1], 60, 68, "Contact.Meet")
        writer.add_event(ids[1], "Contact.Meet", trig)
        with pytest.raises(ProjectLockedError):
            Project.open(proj)
        before = _tree(proj)
        with Project.open(proj, readonly=True) as reader:
            assert reader.readonly
            assert len(reader) == 3
            assert [s.text for s in reader.spans(ids[1])] == [TEXT[4:8], TEXT[60:68]]
            assert len(reader.events(ids[1])) == 1
            assert reader.document_info(ids[1]).n_spans == 2  # the index too, not just the records
            assert reader.stats()["labels"] == {"PER": 2, "Contact.Meet": 1}
            assert reader.check() == []
            with pytest.raises(ProjectError, match="read-only"):
                reader.add_span(ids[2], 0, 3, "PER")
            with pytest.raises(ProjectError, match="read-only"):
                reader.set_status(ids[2], "new")
            assert len(reader.spans(ids[2])) == 0  # the refused edit left nothing in memory either
        assert _tree(proj) == before  # no lock file write, no index, no journal change
        writer.add_span(ids[2], 0, 3, "PER")  # the writer is unaffected
    finally:
        writer.close()
    with Project.open(proj) as p:
        assert [s.text for s in p.spans(ids[1])] == [TEXT[4:8], TEXT[60:68]]
        assert len(p.spans(ids[2])) == 1


def test_readonly_never_creates_a_project(tmp_path):
    with pytest.raises(ProjectError, match="no such project folder"):
        Project.open(tmp_path / "missing", readonly=True)
    assert not (tmp_path / "missing").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProjectError, match="not a project folder"):
        Project.open(tmp_path / "empty", readonly=True)
    assert list((tmp_path / "empty").iterdir()) == []


def test_readonly_tolerates_a_line_being_written(tmp_path):
    """A half-written last journal line (the writer is inside its append) is not seen yet."""
    proj = tmp_path / "proj"
    ids = _make(proj)
    writer = Project.open(proj)
    try:
        writer.add_span(ids[1], 4, 8, "PER")
        journal = proj / "journal"
        with open(journal, "ab") as f:
            f.write(b"1234abcd {\"after\": {\"" + ids[2].encode())  # no newline: still being written
        with Project.open(proj, readonly=True) as reader:
            assert len(reader.spans(ids[1])) == 1 and len(reader.spans(ids[2])) == 0
    finally:
        writer._store.journal.close()  # type: ignore[union-attr]
        writer._store.lock.release()  # type: ignore[union-attr]


@pytest.mark.parametrize("command", [["stats", "--json"], ["check"],
                                     ["export", "--format", "jsonl", "--status", "all", "--quiet"]])
def test_read_only_commands_work_while_the_project_is_open_elsewhere(tmp_path, command):
    proj = tmp_path / "proj"
    ids = _make(proj)
    holder = Project.open(proj)  # as the GUI holds it
    try:
        holder.add_span(ids[2], 0, 3, "PER")  # journaled only
        args = [sys.executable, str(ROOT / "main.py"), command[0], str(proj), *command[1:]]
        if command[0] == "export":
            args += ["--out", str(tmp_path / "out.jsonl")]
        run = subprocess.run(args, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert "open in another process" not in run.stderr
        if command[0] == "stats":
            assert json.loads(run.stdout)["labels"] == {"PER": 2}
        if command[0] == "export":
            lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[1:]
            assert sum(len(json.loads(line)["spans"]) for line in lines) == 2
    finally:
        holder.close()


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from annotations import Project
    proj, stop = Path(sys.argv[1]), Path(sys.argv[2])
    with Project.open(proj) as p:
        ids = [d.id for d in p.documents()]
        print("ready", flush=True)
        step = 0
        while not stop.exists() and step < 20000:
            doc = ids[step % len(ids)]
            start = (step // len(ids)) % 200
            # two spans in one change: a reader must see both or neither
            a, b = p.add_spans(doc, [{"start": start, "end": start + 3, "label": "PER"},
                                     {"start": start + 4, "end": start + 7, "label": "Contact.Meet"}])
            p.add_event(doc, "Contact.Meet", b, arguments=[("Entity", a)])
            if step % 3 == 0:
                p.set_status(doc, "done")
            if step % 15 == 14:
                p.compact()  # the files are replaced and the journal emptied while readers read
            step += 1
    print("steps", step, flush=True)
""")


@pytest.mark.slow
def test_200_read_only_exports_while_another_process_edits(tmp_path):
    proj = tmp_path / "proj"
    n_docs = 12
    _make(proj, n_docs)
    stop = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(proj), str(stop)], stdout=subprocess.PIPE,
                              text=True, env=env)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        last_total = 0
        totals = []
        for i in range(200):
            out = tmp_path / f"export-{i % 2}.jsonl"
            with Project.open(proj, readonly=True) as reader:
                report = export(reader, "jsonl", out, {"status": "all", "overwrite": True})
            assert not report.cancelled
            lines = out.read_text(encoding="utf-8").splitlines()
            docs = [json.loads(line) for line in lines[1:]]
            assert len(docs) == n_docs  # complete: every document, every time
            total = 0
            for d in docs:
                spans = {s["id"]: s for s in d["spans"]}
                assert all(s["text"] == d["text"][s["start"]:s["end"]] for s in spans.values())
                labels = [s["label"] for s in spans.values()]
                # consistent: the one-change pairs are whole, and every event has its trigger and argument
                # (the first document holds one extra PER span from _make)
                extra = 1 if d["title"] == "خبر 0" else 0
                assert labels.count("PER") - extra == labels.count("Contact.Meet")
                assert len(d["events"]) in (labels.count("Contact.Meet"), labels.count("Contact.Meet") - 1)
                for e in d["events"]:
                    assert e["trigger"] in spans and all(t in spans for _, t in e["arguments"])
                total += len(spans)
            assert total >= last_total  # a later snapshot never goes back in time
            last_total = total
            totals.append(total)
        assert totals[-1] > totals[0], "the writer made no progress during the reads"
    finally:
        stop.touch()
        try:
            writer.wait(timeout=60)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
            assert writer.stdout is not None
            writer.stdout.close()
    assert writer.returncode == 0
    with Project.open(proj) as p:  # the writer's work is whole after it closed
        assert p.check() == []
