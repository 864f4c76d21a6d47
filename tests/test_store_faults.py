"""The store under faults (issue 11): a full disk, flipped bytes, missing files, failed opens.

Each test uses the public API (``Project``, ``main.py``, ``annotations.errors``) and the files
described in the README ("A project on disk"); faults are injected by patching the ``os``
module (see ``tests/faultfs.py``) or on a real 2 MB tmpfs when mounting is allowed.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from faultfs import LINUX_ONLY, FailingWrites, RecordedFsyncs, crash_copy, fill, resize, small_tmpfs

from annotations import InUseError, Project, ProjectError

REPO = Path(__file__).resolve().parents[1]
TEXT = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة 🙂"

pytestmark = LINUX_ONLY


def _journal_lines(folder: Path) -> list[bytes]:
    return (folder / "journal").read_bytes().splitlines(keepends=True)


def _span_ids(project: Project) -> set[str]:
    return {s.id for info in project.documents() for s in project.spans(info.id)}


def _is_journal(path: str) -> bool:
    return path.endswith("/journal")


# ------------------------------------------------------------------ 1. disk full during an edit
@pytest.mark.parametrize("later", [1, 3])
def test_a_failed_append_leaves_no_fragment_and_later_edits_survive_a_kill(tmp_path, monkeypatch, later):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    doc = p.add_document(TEXT)
    acknowledged = {p.add_span(doc, 0, 4, "PER")}
    disk = FailingWrites(monkeypatch, _is_journal)  # half a line lands, then the disk is full
    with pytest.raises(OSError) as failed:
        p.add_span(doc, 5, 12, "GPE", note="ملاحظة " * 50)
    assert failed.value.errno == errno.ENOSPC and disk.fragments == 1
    disk.armed = False  # space was freed
    for i in range(later):
        acknowledged.add(p.add_span(doc, 13 + i, 20 + i, "LOC"))
    crashed = crash_copy(proj, tmp_path / "after-kill")
    p.close()
    lines = _journal_lines(crashed)
    with Project.open(crashed) as q:
        assert _span_ids(q) == acknowledged
        assert q.check() == []
    assert all(line.endswith(b"\n") for line in lines)
    assert all(int(line[:8], 16) == zlib.crc32(line[9:-1]) for line in lines), "a line glued onto a fragment"


def _four_span_journal(tmp_path):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    doc = p.add_document(TEXT)
    p.compact()
    spans = [p.add_span(doc, i, i + 4, "PER") for i in range(4)]
    crashed = crash_copy(proj, tmp_path / "after-kill")
    p.close()
    return crashed, doc, spans


def test_a_journal_line_glued_onto_a_fragment_is_recovered_not_fatal(tmp_path):
    # what today's code leaves after a disk-full append: line 2 is a fragment, and the next
    # acknowledged append was written right after it, on the same line
    crashed, doc, spans = _four_span_journal(tmp_path)
    lines = _journal_lines(crashed)
    (crashed / "journal").write_bytes(lines[0] + lines[1][: len(lines[1]) // 3] + lines[2] + lines[3])
    with Project.open(crashed) as q:
        assert {s.id for s in q.spans(doc)} == {spans[0], spans[2], spans[3]}
        assert any("journal" in w and "line 2" in w for w in q.warnings), q.warnings


def test_a_damaged_line_in_the_middle_keeps_every_complete_line_after_it(tmp_path):
    crashed, doc, spans = _four_span_journal(tmp_path)
    lines = _journal_lines(crashed)
    damaged = lines[0] + b"0badc0de {\"after\": {}}\n" + lines[2] + lines[3]
    (crashed / "journal").write_bytes(damaged)
    with Project.open(crashed) as q:
        assert {s.id for s in q.spans(doc)} >= {spans[0], spans[2], spans[3]}
        assert any("line 2" in w and "damaged" in w for w in q.warnings), q.warnings
        assert any("journal" in p.message for p in q.check())
    kept = [f for f in crashed.iterdir() if f.name.startswith("journal.damaged")]
    assert [f.read_bytes() for f in kept] == [damaged]


CHILD_FULL_DISK = textwrap.dedent(
    """
    import errno, os, sys, time
    sys.path.insert(0, {repo!r})
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from faultfs import fill
    from annotations import Project
    mnt = Path(sys.argv[1])
    p = Project.open(mnt / "proj")
    doc = p.add_document({text!r})
    print("SPAN", p.add_span(doc, 0, 4, "PER"), flush=True)
    filler = fill(mnt)
    try:
        p.add_span(doc, 5, 12, "GPE", note="ملاحظة " * 3000)
    except OSError as exc:
        print("FULL", exc.errno, flush=True)
    filler.unlink()
    for i in range(3):
        print("SPAN", p.add_span(doc, 13 + i, 20 + i, "LOC"), flush=True)
    print("READY", flush=True)
    time.sleep(60)
    """
)


def test_disk_full_on_a_real_tmpfs_then_kill_loses_no_acknowledged_edit(tmp_path):
    with small_tmpfs(tmp_path / "mnt") as mnt:
        script = tmp_path / "child.py"
        script.write_text(CHILD_FULL_DISK.format(repo=str(REPO), tests=str(REPO / "tests"), text=TEXT),
                          encoding="utf-8")
        acknowledged, full = set(), []
        with subprocess.Popen([sys.executable, str(script), str(mnt)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            for line in child.stdout:
                kind, _, rest = line.strip().partition(" ")
                if kind == "SPAN":
                    acknowledged.add(rest)
                elif kind == "FULL":
                    full.append(int(rest))
                elif kind == "READY":
                    break
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate()
        assert full == [errno.ENOSPC], err
        assert len(acknowledged) == 4, err
        with Project.open(mnt / "proj") as q:
            assert _span_ids(q) == acknowledged
            assert q.check() == []


# ------------------------------------------------------------------ 2. the index cache never decides what exists
def _two_packs(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        first = p.add_documents([{"text": f"{TEXT} رقم {i}", "title": f"أ{i}"} for i in range(5)])
        second = p.add_documents([{"text": f"خبر آخر رقم {i}", "title": f"ب{i}"} for i in range(5)])
    return proj, first, second


def _flip_in_index(proj: Path, doc_id: str, field: str, new_value: bytes | None = None) -> None:
    """Change one byte of ``field`` in the index entry of ``doc_id`` in project.json."""
    path = proj / "project.json"
    raw = bytearray(path.read_bytes())
    entry = raw.find(b'"id":"%s"' % doc_id.encode())
    assert entry > 0
    at = raw.find(b'"%s":"' % field.encode(), entry) + len(field) + 4
    if new_value is None:
        raw[at] = ord("f") if raw[at] != ord("f") else ord("e")  # still a plain name, another one
    else:
        end = raw.find(b'"', at)
        raw[at:end] = new_value
    path.write_bytes(bytes(raw))
    json.loads(bytes(raw))  # the file is still valid JSON: only the cache is wrong


@pytest.mark.parametrize("damage", ["pack names no pack", "pack names the other pack", "id"])
def test_a_bad_byte_in_the_index_never_removes_a_packed_document(tmp_path, damage):
    proj, first, second = _two_packs(tmp_path)
    victim = first[2]
    other_pack = json.loads((proj / "project.json").read_bytes())
    other_name = next(e["pack"] for e in other_pack["index"].values() if e["id"] == second[0])
    if damage == "pack names no pack":
        _flip_in_index(proj, victim, "pack")
    elif damage == "pack names the other pack":
        _flip_in_index(proj, victim, "pack", other_name.encode())
    else:
        _flip_in_index(proj, victim, "id")
    texts = {}
    for session in range(3):  # later editing sessions move documents out and rewrite the pack
        with Project.open(proj) as p:
            assert {i.id for i in p.documents()} == set(first) | set(second), f"session {session}"
            texts[session] = p.document(victim).text
            assert p.check() == []
            p.set_status(first[session], "done")
    assert set(texts.values()) == {f"{TEXT} رقم 2"}
    with Project.open(proj) as p:
        assert p.document(victim).title == "أ2"


# ------------------------------------------------------------------ 3. missing files are reported
def _pack_and_files(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        own = [p.add_document(f"{TEXT} ملف {i}") for i in range(21)]
        packed = p.add_documents([{"text": f"{TEXT} حزمة {i}"} for i in range(36)])
        p.set_status(packed[0], "done")  # moves out of the pack: the pack is rewritten, keeping a .bak
    pack = next((proj / "docs").glob("*.pack.json"))
    return proj, own, packed, pack


def test_a_deleted_pack_is_reported_by_open_and_check_with_the_restore_command(tmp_path):
    proj, own, packed, pack = _pack_and_files(tmp_path)
    assert (pack.parent / (pack.name + ".bak")).exists()
    pack.unlink()
    missing = set(packed[1:])
    for session in range(2):  # a session in between must not forget them
        with Project.open(proj) as p:
            said = " ".join(p.warnings)
            assert "35 document" in said and pack.name in said and "main.py restore" in said, p.warnings
            problems = p.check()
            assert {pr.doc for pr in problems} == missing, f"session {session}"
            assert all(pack.name in pr.message for pr in problems)
    done = subprocess.run([sys.executable, str(REPO / "main.py"), "check", str(proj)], capture_output=True,
                          text=True, cwd=REPO)
    assert done.returncode == 1 and "35 document" in done.stderr and "restore" in done.stderr, done.stderr
    assert "ok:" not in done.stdout
    restored = subprocess.run([sys.executable, str(REPO / "main.py"), "restore", str(proj), pack.name],
                              capture_output=True, text=True, cwd=REPO)
    assert restored.returncode == 0, restored.stderr
    with Project.open(proj) as p:
        assert len(p) == 57 and p.check() == []


def test_a_deleted_document_file_is_reported(tmp_path):
    proj, own, packed, pack = _pack_and_files(tmp_path)
    with Project.open(proj) as p:
        p.set_status(own[3], "done")  # a second save: docs/<id>.json.bak exists
    path = proj / "docs" / f"{own[3]}.json"
    path.unlink()
    with Project.open(proj) as p:
        said = " ".join(p.warnings)
        assert own[3] in said and f"main.py restore {proj} {own[3]}.json" in said, p.warnings
        assert [pr.doc for pr in p.check()] == [own[3]]


def test_a_document_the_journal_knows_but_no_file_holds_is_reported(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        doc = p.add_document(TEXT)
        span = p.add_span(doc, 0, 4, "PER")
        keep = p.add_document(TEXT + " أخرى")
    p = Project.open(proj)
    p.update_span(span, label="GPE")  # only in the journal
    p.add_span(keep, 0, 4, "LOC")
    crashed = crash_copy(proj, tmp_path / "after-kill")
    p.close()
    for name in (f"{doc}.json", f"{doc}.json.bak"):
        (crashed / "docs" / name).unlink(missing_ok=True)
    with Project.open(crashed) as q:
        assert any(doc in w for w in q.warnings), q.warnings
        assert [pr.doc for pr in q.check()] == [doc]
        assert len(q.spans(keep)) == 1  # the other journaled change is kept


# ------------------------------------------------------------------ 4. a flipped bit in the last complete line
def test_a_flipped_bit_in_the_last_complete_journal_line_is_reported(tmp_path):
    crashed, doc, spans = _four_span_journal(tmp_path)
    lines = _journal_lines(crashed)
    last = bytearray(lines[3])
    last[len(last) // 2] ^= 0x04
    (crashed / "journal").write_bytes(b"".join(lines[:3]) + bytes(last))
    with Project.open(crashed) as q:
        assert {s.id for s in q.spans(doc)} == set(spans[:3])
        assert any("line 4" in w and "damaged" in w for w in q.warnings), q.warnings
        assert any("journal" in pr.message for pr in q.check())
    kept = [f for f in crashed.iterdir() if f.name.startswith("journal.damaged")]
    assert [f.read_bytes() for f in kept] == [b"".join(lines[:3]) + bytes(last)]


def test_a_torn_last_line_is_still_dropped_quietly(tmp_path):
    crashed, doc, spans = _four_span_journal(tmp_path)
    lines = _journal_lines(crashed)
    (crashed / "journal").write_bytes(b"".join(lines[:3]) + lines[3][:-5])  # no newline: never acknowledged
    with Project.open(crashed) as q:
        assert {s.id for s in q.spans(doc)} == set(spans[:3])
        assert q.check() == []


def test_a_journal_holding_only_a_torn_append_is_emptied_before_the_next_change(tmp_path):
    # a crash tore the first append after a compaction: nothing to replay, but the next change
    # must not land behind the torn piece (today it is then lost as one torn last line)
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        doc = p.add_document(TEXT)
    (proj / "journal").write_bytes(b'0123abcd {"after":{"')
    p = Project.open(proj)
    span = p.add_span(doc, 10, 14, "LOC")
    crashed = crash_copy(proj, tmp_path / "after-kill")
    p.close()
    with Project.open(crashed) as q:
        assert {s.id for s in q.spans(doc)} == {span}
        assert not any("line" in w for w in q.warnings), q.warnings


# ------------------------------------------------------------------ 5. check() verifies the stored text hash
@pytest.mark.parametrize("where", ["own file", "pack"])
def test_check_reports_text_that_no_longer_matches_its_hash(tmp_path, where):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        if where == "pack":
            doc = p.add_documents([{"text": TEXT}, {"text": TEXT + " ثانٍ"}])[0]
        else:
            doc = p.add_document(TEXT)
    path = next((proj / "docs").glob("*.pack.json")) if where == "pack" else proj / "docs" / f"{doc}.json"
    raw = path.read_bytes()
    at = raw.find("إسطنبول".encode())
    flipped = raw[:at] + raw[at:].replace("ط".encode(), "ظ".encode(), 1)  # one byte, still UTF-8 and JSON
    assert sum(a != b for a, b in zip(raw, flipped, strict=True)) == 1
    path.write_bytes(flipped)
    with Project.open(proj) as p:
        problems = p.check()
        assert [pr.doc for pr in problems] == [doc], problems
        assert "hash" in problems[0].message


# ------------------------------------------------------------------ 6. a failed open releases the lock
def test_an_open_that_fails_on_a_full_disk_releases_the_lock(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        p.add_document(TEXT)
    disk = FailingWrites(monkeypatch, lambda path: path.startswith(str(proj)), partial=False)
    with pytest.raises((OSError, ProjectError)):
        Project.open(proj)
    assert disk.failed
    disk.armed = False  # space was freed
    with Project.open(proj) as p:
        assert len(p) == 1


def test_an_open_on_a_really_full_tmpfs_fails_plainly_and_works_once_space_is_freed(tmp_path):
    with small_tmpfs(tmp_path / "mnt") as mnt:
        with Project.open(mnt / "proj") as p:
            p.add_document(TEXT)
        filler = fill(mnt)
        with pytest.raises(ProjectError) as failed:
            Project.open(mnt / "proj")
        assert "disk is full" in str(failed.value) and "[Errno" not in str(failed.value)
        filler.unlink()
        with Project.open(mnt / "proj") as p:
            assert len(p) == 1


def test_opening_on_a_read_only_disk_says_so(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    with Project.open(proj):
        pass
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith("/lock") and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(ProjectError) as failed:
        Project.open(proj)
    message = str(failed.value)
    assert str(proj / "lock") in message and "read-only" in message and "[Errno" not in message, message
    assert "nothing in it was changed" in message


def test_an_open_whose_replay_fails_on_a_full_disk_releases_the_lock(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    doc = p.add_document(TEXT)
    p.add_span(doc, 0, 4, "PER")
    crashed = crash_copy(proj, tmp_path / "after-kill")
    p.close()
    disk = FailingWrites(monkeypatch, lambda path: "/docs/" in path, partial=False)
    with pytest.raises((OSError, ProjectError)):
        Project.open(crashed)
    assert disk.failed
    disk.armed = False
    with Project.open(crashed) as q:
        assert len(q.spans(doc)) == 1


# ------------------------------------------------------------------ 7. a committed edit returns normally
def test_an_edit_whose_compaction_hits_a_full_disk_returns_and_warns(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    small = p.add_document(TEXT)
    disk = FailingWrites(monkeypatch, lambda path: "/docs/" in path or path.endswith("project.json.tmp"),
                         partial=False)
    big = p.add_document("خبر " * 1_200_000)  # 8.4 MB: past the journal limit, so it compacts
    assert disk.failed, "the edit did not try to compact"
    assert any("full" in w for w in p.warnings), p.warnings
    crashed = crash_copy(proj, tmp_path / "after-kill")
    disk.armed = False  # space freed: the next edit retries the compaction
    p.add_span(small, 0, 4, "PER")
    assert (proj / "journal").stat().st_size == 0
    assert (proj / "docs" / f"{big}.json").exists()
    p.close()
    with Project.open(crashed) as q:
        assert len(q.document(big).text) == 4_800_000


# ------------------------------------------------------------------ 8. plain messages
@pytest.mark.parametrize(("code", "said"), [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"),
                                            (errno.EACCES, "permission")])
def test_a_failed_edit_says_which_file_what_happened_and_what_is_saved(tmp_path, monkeypatch, code, said):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    doc = p.add_document(TEXT)
    FailingWrites(monkeypatch, _is_journal, code=code, partial=False)
    with pytest.raises(OSError) as failed:
        p.add_span(doc, 0, 4, "PER")
    message = str(failed.value)
    assert failed.value.errno == code
    assert str(proj / "journal") in message and said in message.lower(), message
    assert "[Errno" not in message
    assert "not saved" in message and "earlier changes are saved" in message, message
    monkeypatch.undo()
    p.close()


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(f"خبر رقم {i}\n\n" + f"{TEXT} الفقرة {i}. " * 30, encoding="utf-8")
    return folder


def test_cli_import_on_a_full_disk_reports_what_was_stored(tmp_path, monkeypatch, capsys):
    import main

    src = _articles(tmp_path / "src", 450)
    proj = tmp_path / "proj"
    FailingWrites(monkeypatch, lambda path: ".pack.json" in path, partial=False, after=2)
    rc = main.main(["import", str(proj), str(src), "--quiet"])
    out, err = capsys.readouterr()
    monkeypatch.undo()
    with Project.open(proj) as p:
        stored = len(p)
    assert rc == 1 and stored == 400
    assert "unexpected error" not in err and "report this" not in err and "[Errno" not in err, err
    assert "disk is full" in err and ".pack.json" in err, err
    assert "imported 400" in (out + err).lower(), out + err


def test_cli_import_onto_a_real_full_tmpfs_reports_what_was_stored(tmp_path):
    src = _articles(tmp_path / "src", 450)
    with small_tmpfs(tmp_path / "mnt", size="2m") as mnt:
        done = subprocess.run([sys.executable, str(REPO / "main.py"), "import", str(mnt / "proj"), str(src),
                               "--quiet"], capture_output=True, text=True, cwd=REPO, timeout=120)
        assert done.returncode == 1
        said = done.stdout + done.stderr
        assert "unexpected error" not in said and "[Errno" not in said, said
        assert "disk is full" in done.stderr, said
        resize(mnt, "8m")  # space freed
        with Project.open(mnt / "proj") as p:
            stored = len(p)
        assert stored > 0 and f"imported {stored}" in said.lower(), said


# ------------------------------------------------------------------ 9. update_span and a new project's folder
def test_update_span_refuses_a_label_that_its_relation_does_not_take(tmp_path):
    with Project.open(tmp_path / "proj") as p:
        doc = p.add_document("لويس بونو يعمل في الاتحاد الأوروبي")
        person = p.add_span(doc, 0, 9, "PER")
        org = p.add_span(doc, 19, 34, "ORG")
        p.add_relation("ORG-AFF.Employment", person, org)
        with pytest.raises(InUseError, match="ORG-AFF.Employment"):
            p.update_span(person, label="GPE")
        assert p.span(person).label == "PER"
        assert p.check() == []


def test_a_new_project_folder_is_made_durable_in_its_parent(tmp_path, monkeypatch):
    synced = RecordedFsyncs(monkeypatch)
    with Project.open(tmp_path / "a" / "b" / "proj"):
        pass
    for folder in (tmp_path, tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "proj"):
        assert os.path.realpath(folder) in synced.paths, f"{folder} was not fsynced after creating a folder in it"
