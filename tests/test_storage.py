"""DurableJSONStorage and the project folder: crash safety, locking, damage, versions, migration."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tinydb import TinyDB

from annotations import Project, ProjectCorruptError, ProjectLockedError, ProjectVersionError
from annotations.project import restore_file
from annotations.store.files import DurableJSONStorage

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("backend", ["memory", "file"])
def test_storage_batch_is_one_atomic_write(tmp_path, backend):
    path = tmp_path / "db.json" if backend == "file" else None
    db = TinyDB(path, storage=DurableJSONStorage)
    db.table("a").insert({"x": "عربي"})
    storage = db.storage
    with pytest.raises(RuntimeError):
        with storage.batch():
            db.table("a").insert({"x": 2})
            db.table("b").insert({"y": 3})
            raise RuntimeError("boom")
    if backend == "file":
        assert [d["x"] for d in TinyDB(path, storage=DurableJSONStorage).table("a").all()] == ["عربي"]
        assert "عربي" in path.read_text(encoding="utf-8")  # readable UTF-8, not \u escapes
        assert [d["x"] for d in db.table("a").all()] == ["عربي"]  # cache rolled back
    with storage.batch():
        db.table("a").insert({"x": 2})
        db.table("b").insert({"y": 3})
    assert len(db.table("a")) == 2 and len(db.table("b")) == 1


CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {repo!r})
    from annotations import Project
    p = Project.open(sys.argv[1])
    docs = [i.id for i in p.documents()]
    if not docs:
        docs = [p.add_document("شهدت إسطنبول اجتماعاً 🙂 " * 20, title="t")]
        print("DOC", docs[0], flush=True)
    i = 0
    while True:
        i += 1
        doc = docs[i % len(docs)]
        if i % 13 == 0:  # a bulk add: one pack file, annotated below like the others
            new = p.add_documents([{{"text": f"خبر مجمّع {{i}} رقم {{k}} " * 4}} for k in range(3)])
            docs.extend(new)
            for d in new:
                print("DOC", d, flush=True)
        if i % 7 == 0:
            doc = p.add_document(f"وثيقة رقم {{i}} " * 5)
            docs.append(doc)
            print("DOC", doc, flush=True)
        s = p.add_span(doc, i % 10, i % 10 + 5, "GPE" if i % 2 else "PER")
        print("SPAN", s, flush=True)
        if i % 10 == 0:
            p.compact()  # so that some kills land in the middle of a compaction
    """
)


def test_sigkill_never_loses_acknowledged_writes(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(repo=str(REPO)), encoding="utf-8")
    proj = tmp_path / "proj"
    rng = random.Random(1234)
    acknowledged: dict[str, set[str]] = {"DOC": set(), "SPAN": set()}
    def acknowledge(line: str) -> None:
        # a line cut short by the kill (no newline) was never completely printed: not acknowledged
        if line.endswith("\n") and len(line.split()) == 2:
            kind, ident = line.split()
            acknowledged[kind].add(ident)

    for run in range(20):
        with subprocess.Popen([sys.executable, str(script), str(proj)], stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            wanted = rng.randint(1, 60)
            seen = 0
            deadline = time.monotonic() + 30
            while seen < wanted and time.monotonic() < deadline:
                line = child.stdout.readline()
                if not line:
                    break
                acknowledge(line)
                seen += 1
            time.sleep(rng.random() * 0.01)  # land the kill at a random point of a later write
            child.send_signal(signal.SIGKILL)
            child.wait()
            # lines printed before the kill landed are acknowledged too
            for line in child.stdout.read().splitlines(keepends=True):
                acknowledge(line)
        with Project.open(proj) as p:
            assert p.check() == [], f"run {run}"
            docs = {i.id for i in p.documents()}
            assert acknowledged["DOC"] <= docs, f"run {run}: lost documents"
            spans = {s.id for d in docs for s in p.spans(d)}
            assert acknowledged["SPAN"] <= spans, f"run {run}: lost spans"
    assert len(acknowledged["SPAN"]) >= 20


LOCKER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {repo!r})
    from annotations import Project
    p = Project.open(sys.argv[1])
    print("LOCKED", flush=True)
    time.sleep(60)
    """
)


def _start_locker(tmp_path, proj):
    script = tmp_path / "locker.py"
    script.write_text(LOCKER.format(repo=str(REPO)), encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(proj)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "LOCKED"
    return child


def test_second_process_is_refused_with_holder_named(tmp_path):
    proj = tmp_path / "proj"
    child = _start_locker(tmp_path, proj)
    try:
        with pytest.raises(ProjectLockedError) as info:
            Project.open(proj)
        assert info.value.pid == child.pid
        assert str(child.pid) in str(info.value) and info.value.host
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_same_process_cannot_open_twice(tmp_path):
    with Project.open(tmp_path / "p"):
        with pytest.raises(ProjectLockedError):
            Project.open(tmp_path / "p")


def test_stale_lock_of_crashed_process_is_taken_over(tmp_path):
    proj = tmp_path / "proj"
    child = _start_locker(tmp_path, proj)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert str(child.pid) in (proj / "lock").read_text()
    with Project.open(proj) as p:
        assert any(str(child.pid) in w for w in p.warnings)
        p.add_document("نص")


def _make_project(path):
    with Project.open(path) as p:
        d = p.add_document("شهدت إسطنبول اجتماعاً", title="خبر")
        p.add_span(d, 5, 12, "GPE")
        p.add_span(d, 13, 21, "Contact.Meet")
        return d


def _tree(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "lock"}


@pytest.mark.parametrize(
    "damage",
    [
        ("truncated", lambda b: b[: len(b) // 2]),
        ("garbage", lambda b: b"\x89PNG\r\n\x1a\n\x00\xff" * 10),
        ("empty", lambda b: b""),
    ],
    ids=lambda d: d[0],
)
@pytest.mark.parametrize("which", ["project.json", "doc"])
def test_damaged_files_give_clear_error_and_are_left_alone(tmp_path, damage, which):
    proj = tmp_path / "proj"
    doc = _make_project(proj)
    target = proj / "project.json" if which == "project.json" else proj / "docs" / f"{doc}.json"
    target.write_bytes(damage[1](target.read_bytes()))
    before = _tree(proj)
    with pytest.raises(ProjectCorruptError) as info:
        Project.open(proj)
    message = str(info.value)
    assert str(target) in message and "restore" in message.lower()
    assert info.value.path == str(target)
    assert _tree(proj) == before  # nothing overwritten
    # the restore path shown in the message works
    if info.value.backup:
        restore_file(proj, target.name)
        with Project.open(proj) as p:
            assert p.check() == []


def test_restore_after_damage_recovers_previous_version(tmp_path):
    proj = tmp_path / "proj"
    doc = _make_project(proj)
    with Project.open(proj) as p:  # a second session: its save keeps the first as the backup
        p.add_span(doc, 0, 4, "LOC")
    f = proj / "docs" / f"{doc}.json"
    f.write_bytes(b"{\"document\": ")
    with pytest.raises(ProjectCorruptError) as info:
        Project.open(proj)
    assert info.value.backup and info.value.backup.endswith(".bak")
    msg = restore_file(proj, f.name)
    assert "damaged" in msg
    with Project.open(proj) as p:
        # the backup is one save old: the first session's spans are there
        assert [s.text for s in p.spans(doc)] == ["إسطنبول", "اجتماعاً"]


def test_newer_format_version_is_refused(tmp_path):
    proj = tmp_path / "proj"
    _make_project(proj)
    meta = json.loads((proj / "project.json").read_text(encoding="utf-8"))
    meta["project"]["1"]["format_version"] = 99
    (proj / "project.json").write_text(json.dumps(meta), encoding="utf-8")
    before = _tree(proj)
    with pytest.raises(ProjectVersionError, match="version 99"):
        Project.open(proj)
    assert _tree(proj) == before


def test_older_format_is_migrated_after_backup(tmp_path):
    proj = tmp_path / "proj"
    doc = _make_project(proj)
    # rewrite the project as format 0: no id counters, no seq, no doc field on records
    f = proj / "docs" / f"{doc}.json"
    data = json.loads(f.read_text(encoding="utf-8"))
    del data["document"]["1"]["next"], data["document"]["1"]["seq"]
    for rec in data["spans"].values():
        del rec["doc"]
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    meta = json.loads((proj / "project.json").read_text(encoding="utf-8"))
    meta["project"]["1"]["format_version"] = 0
    (proj / "project.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    with Project.open(proj) as p:
        assert any("migrated" in w for w in p.warnings)
        assert p.check() == []
        new = p.add_span(doc, 0, 4, "LOC")
        assert new == f"{doc}:T3"
    backups = list((proj / "backups").iterdir())
    assert len(backups) == 1 and (backups[0] / "docs" / f"{doc}.json").exists()


def test_index_cache_is_rebuilt_for_files_changed_after_a_crash(tmp_path):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    d = p.add_document("نص أول")
    p.close()
    p = Project.open(proj)
    p.add_span(d, 0, 2, "PER")
    p._store.lock.release()  # simulate a crash: the index cache is never rewritten
    with Project.open(proj) as q:
        assert q.documents()[0].n_spans == 1
        assert any("re-indexed" in w for w in q.warnings)


def test_leftover_temp_files_are_cleaned(tmp_path):
    proj = tmp_path / "proj"
    _make_project(proj)
    junk = proj / "docs" / ".abc.json.123.tmp"
    junk.write_bytes(b"{half")
    with Project.open(proj):
        pass
    assert not junk.exists()


def test_not_a_project(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(Exception, match="not a project folder"):
        Project.open(f)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "project.json").write_text('{"_default": {}}')
    with pytest.raises(ProjectCorruptError, match="not a project file"):
        Project.open(tmp_path / "other")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_unwritable_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    with pytest.raises(Exception, match="permission"):
        Project.open(ro / "p")


def _journal_project(tmp_path):
    proj = tmp_path / "proj"
    doc = _make_project(proj)
    p = Project.open(proj)
    p.add_span(doc, 0, 4, "LOC")
    p.add_span(doc, 0, 5, "PER")
    p._store.lock.release()  # crash: the two spans live only in the journal
    return proj, doc


def test_journal_replay_and_torn_last_line(tmp_path):
    proj, doc = _journal_project(tmp_path)
    journal = proj / "journal"
    lines = journal.read_bytes().splitlines(keepends=True)
    assert len(lines) == 2
    journal.write_bytes(lines[0] + lines[1][: len(lines[1]) // 2])  # the second append was torn
    with Project.open(proj) as p:
        assert [s.label for s in p.spans(doc)] == ["LOC", "GPE", "Contact.Meet"]
        assert any("recovered 1 change" in w for w in p.warnings)
    assert journal.read_bytes() == b""


def test_journal_damaged_in_the_middle_is_reported(tmp_path):
    # issue 11: a damaged line is skipped and reported, the complete lines after it are kept,
    # and the journal as it was is kept aside (more cases: tests/test_store_faults.py)
    proj, doc = _journal_project(tmp_path)
    journal = proj / "journal"
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = b"0badc0de {}\n" + lines[1]
    journal.write_bytes(damaged)
    with Project.open(proj) as p:
        assert any("journal: line 1 is damaged" in w for w in p.warnings), p.warnings
        assert [s.label for s in p.spans(doc)] == ["PER", "GPE", "Contact.Meet"]
    assert [f.read_bytes() for f in proj.glob("journal.damaged-*")] == [damaged]


def _json_values(scalars):
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()


@given(_json_values(_SCALARS))
def test_dumps_writes_the_bytes_the_json_module_writes(value):
    from annotations.store.files import dumps

    assert dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@given(_json_values(_SCALARS | st.floats(allow_nan=False, allow_infinity=False)))
def test_dumps_round_trips_through_the_json_module(value):
    from annotations.store.files import dumps

    assert json.loads(dumps(value)) == value  # floats may spell exponents differently (1e-7, 1e-07)


def test_dumps_edge_values():
    from annotations.store.files import dumps

    assert dumps({"n": 2**70}) == b'{"n":1180591620717411303424}'  # beyond orjson: the json module
    assert dumps({1: "ب"}) == '{"1":"ب"}'.encode()  # non-string keys as the json module writes them
    assert dumps([float("nan"), float("inf")]) == b"[null,null]"  # strict JSON, not NaN
