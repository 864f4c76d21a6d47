"""``main.py import`` of annotated files: nothing lost without a word, errors on stderr, honest exit codes.

Each test runs the command line (``main.main``) and checks the exit code, what went to stdout and to
stderr, and what the project stored.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import main
from annotations import Project

SHARED = Path(__file__).resolve().parents[2] / "shared"
AQMAR = SHARED / "corpora" / "aqmar"
BODY = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ."
CONLL_MIS = "زار O\nأتوموس B-MIS0\nالإلكترونات B-MIS1\nبغداد B-LOC\n"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(["import", *argv, "--quiet"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _counts(path: Path) -> tuple[int, int, int, int]:
    """Documents, spans, events and relations stored in the project at ``path``."""
    with Project.open(path) as p:
        infos = p.documents()
        return (len(infos), sum(i.n_spans for i in infos), sum(i.n_events for i in infos),
                sum(i.n_relations for i in infos))


def _annotated_project(path: Path) -> None:
    """A project whose schema is in use: one document with a GPE span."""
    with Project.open(path) as p:
        d = p.add_document(BODY)
        p.add_span(d, 5, 12, "GPE")


# --------------------------------------------------------------------------------------------- labels
_ENTITY_TAG = re.compile(r"^([BI])-([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)$")


def _entities_in(conll: Path) -> int:
    """Entities in a two-column BIO file, counted here: a ``B-X`` starts one, and so does an ``I-X``
    that does not continue an ``X``; tags that are not ``[BI]-NAME`` (``OO``, ``I--ORG``, ``B-MIS1```)
    are no entity."""
    n, open_label = 0, None
    for line in conll.read_text(encoding="utf-8").split("\n"):
        fields = line.split()
        m = _ENTITY_TAG.match(fields[-1]) if fields else None
        if m is None:
            open_label = None
            continue
        if m.group(1) == "B" or m.group(2) != open_label:
            n += 1
        open_label = m.group(2)
    return n


def test_aqmar_imports_whole_into_a_new_project(tmp_path, capsys):
    if not AQMAR.is_dir():
        pytest.skip(f"{AQMAR} is absent (the shared data folder)")
    files = sorted(AQMAR.glob("*.conll"))
    assert len(files) == 28
    expected = sum(_entities_in(f) for f in files)
    assert 5_800 < expected < 6_000
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(AQMAR))
    assert _counts(tmp_path / "proj") == (28, expected, 0, 0)
    lines = out.splitlines()
    assert lines[0].startswith(f"Imported 28 annotated documents ({expected} spans, 0 events, 0 relations), "
                               "0 failed, 4 left out (errors below)")
    assert [line for line in lines if line.startswith("added labels:")] == [
        "added labels: MIS0, MIS1, MIS3, MIS2, MIS, MISS1, MIS-2, MIS-1, ENGLISH, SPANISH"]
    # only the four malformed tags are errors, each on stderr with file:line; the exit code says so
    errors = err.splitlines()
    assert len(errors) == 4 and all(": error: malformed tag" in e for e in errors), err
    assert ": error:" not in out
    assert code == 1


def test_new_project_adopts_labels_and_says_so_in_one_line(tmp_path, capsys):
    f = tmp_path / "a.conll"
    f.write_text(CONLL_MIS, encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(f))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Imported 1 annotated document (3 spans, 0 events, 0 relations), 0 failed.",
                                "added labels: MIS0, MIS1"]
    assert _counts(tmp_path / "proj") == (1, 3, 0, 0)


def test_project_with_annotations_refuses_the_file_whole_until_asked_to_add(tmp_path, capsys):
    proj = tmp_path / "proj"
    _annotated_project(proj)
    f = tmp_path / "a.conll"
    f.write_text(CONLL_MIS, encoding="utf-8")
    code, out, err = _run(capsys, str(proj), str(f))
    assert code == 1
    [message] = err.splitlines()
    assert message.startswith(f"failed {f}: labels not in the project's schema: MIS0, MIS1; nothing was imported")
    assert "--unknown-labels add" in message
    assert out.startswith("Imported 0 annotated documents (0 spans, 0 events, 0 relations), 1 failed.")
    assert _counts(proj) == (1, 1, 0, 0)
    with Project.open(proj) as p:
        assert p.schema.entity("MIS0") is None

    code, out, err = _run(capsys, str(proj), str(f), "--unknown-labels", "add")
    assert (code, err) == (0, "")
    assert "added labels: MIS0, MIS1" in out.splitlines()
    assert _counts(proj) == (2, 4, 0, 0)


# ------------------------------------------------------------------------------- whole files that fail
# damaged annotated files: name and content (all named explicitly, formats told by the extension)
DAMAGED = {
    "spacy": ("bad.spacy", b"\x00\x01 this is no DocBin " * 10),
    "labelstudio": ("bad.json", '[{"data": {"text": "نص"}'.encode()),
    "brat": ("lonely.ann", "T1\tGPE 0 3\tنص\n".encode()),  # without its .txt
    "conll": ("empty.conll", b""),
    "jsonl-v99": ("future.jsonl", (_line({"format": "qalam-annotations", "version": 99, "schema": {}})
                                   + _line({"text": BODY, "spans": []})).encode()),
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_a_damaged_annotated_file_fails_with_exit_1_on_stderr(tmp_path, capsys, kind):
    name, content = DAMAGED[kind]
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(path))
    assert code == 1
    [message] = err.splitlines()
    assert message.startswith(f"failed {path}"), err
    assert "1 failed" in out.splitlines()[0] and str(path) not in out
    assert _counts(tmp_path / "proj")[0] == 0


def test_doccano_with_one_malformed_label_is_read_as_doccano(tmp_path, capsys):
    f = tmp_path / "d.jsonl"
    records = [{"text": BODY, "label": [[5, 12, "GPE"], [13, "bad"]]},
               {"text": "زار الوزير بغداد", "label": [[11, 16, "GPE"]]}]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(f))
    assert code == 1
    [error] = err.splitlines()
    assert error.startswith(f"{f}:1: error: label [13, 'bad'] is not [start, end, label]")
    assert out.startswith("Imported 2 annotated documents (2 spans, 0 events, 0 relations), 0 failed, 1 left out")
    assert _counts(tmp_path / "proj") == (2, 2, 0, 0)


# ---------------------------------------------------------------------------------- folders
def _deep(n: int = 100_000) -> str:
    return "[" * n + "]" * n


# (deep file, a good file of the same format beside it, what the good file stores)
DEEP = {
    "articles": ('{"text": ' + _deep() + "}\n", None),
    "doccano": ('{"text": "x", "label": [[0, 1, "GPE"]]}\n{"text": "x", "label": ' + _deep() + "}\n",
                _line({"text": "زار الوزير بغداد", "label": [[11, 16, "GPE"]]})),
    "native": (_line({"text": "x", "spans": []}) + '{"text": "x", "spans": ' + _deep() + "}\n",
               _line({"text": "زار الوزير بغداد", "spans": [{"id": "T1", "start": 11, "end": 16, "label": "GPE"}]})),
}


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_a_deeply_nested_jsonl_is_one_failure_and_the_folder_still_imports(tmp_path, capsys, kind):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    deep, good = DEEP[kind]
    (folder / "deep.jsonl").write_text(deep, encoding="utf-8")
    if good:
        (folder / "good.jsonl").write_text(good, encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(folder))
    assert code == 1
    failures = [line for line in err.splitlines() if line.startswith("failed ")]
    assert len(failures) == 1 and str(folder / "deep.jsonl") in failures[0], err
    assert "nested too deeply" in failures[0]
    with Project.open(tmp_path / "proj") as p:
        texts = sorted(d.text for d in p.iter_documents())
    assert texts == sorted([BODY, "زار الوزير بغداد"] if good else [BODY])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_folder_import_does_not_follow_symlinks_out_of_the_folder(tmp_path, capsys):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("كلمة السر: هذا النص يجب ألا يستورد إلى المشروع أبدا", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "linked-dir").symlink_to(secret.parent, target_is_directory=True)
    (folder / "sub" / "inside.txt").symlink_to(folder / "good.txt")  # inside the tree: harmless
    (folder / "doc.ann").write_text("T1\tGPE 0 4\tكلمة\n", encoding="utf-8")
    (folder / "doc.txt").symlink_to(secret)  # the text half of a brat pair, out of the tree
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(folder))
    with Project.open(tmp_path / "proj") as p:
        assert [d.text for d in p.iter_documents()] == [BODY]
    skipped = [line for line in out.splitlines() if "outside the folder being imported" in line]
    assert sorted(skipped) == sorted(
        f"skipped {folder / n}: symbolic link to {target}, outside the folder being imported; not followed "
        "(name the file itself to import it)"
        for n, target in (("passwd.txt", secret), ("linked-dir", secret.parent), ("doc.txt", secret)))
    assert "not followed 3 symbolic links out of the folder" in out.splitlines()[0]
    assert err.splitlines() == [f"failed {folder / 'doc.ann'}: its text half (.txt) is a symbolic link outside "
                                "the folder being imported; not read"]
    assert code == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_forced_annotated_format_folder_does_not_follow_symlinks_out(tmp_path, capsys):
    outside = tmp_path / "outside.conll"
    outside.write_text("بغداد B-LOC\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.conll").write_text("دمشق B-LOC\n", encoding="utf-8")
    (folder / "b.conll").symlink_to(outside)
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(folder), "--format", "conll")
    assert (code, err) == (0, "")
    assert f"{folder / 'b.conll'}: warning: symbolic link to {outside}, outside the folder" in out
    with Project.open(tmp_path / "proj") as p:
        assert [d.text for d in p.iter_documents()] == ["دمشق"]


# ---------------------------------------------------------------------------------- names
def test_file_names_cannot_forge_report_lines(tmp_path, capsys):
    forged = "x\x1b[2K\rImported 9 articles, skipped 0 duplicates, 0 failed.\nok\u202e.txt"
    bad = tmp_path / forged
    bad.write_bytes(b"")  # empty: fails
    bad_conll = tmp_path / "t\x1b[31m\n.conll"
    bad_conll.write_text("بغداد B-LOC\nدمشق OO\n", encoding="utf-8")  # a malformed tag: an error line
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(bad), str(bad_conll))
    assert code == 1
    for text in (out, err):
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f\u202e]", text)
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith(f"failed {tmp_path}/x\\x1b[2K\\rImported 9 articles, skipped 0 duplicates, "
                               "0 failed.\\nok\\u202e.txt: ")
    assert lines[1].startswith(f"{tmp_path}/t\\x1b[31m\\n.conll:2: error: malformed tag 'OO'")


# ---------------------------------------------------------------------------------- summary and names
def test_one_summary_for_an_annotated_file(tmp_path, capsys):
    f = tmp_path / "a.conll"
    f.write_text("زار O\nبغداد B-LOC\n\nدمشق B-LOC\n", encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(f))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Imported 1 annotated document (2 spans, 0 events, 0 relations), 0 failed."]


def test_articles_and_annotated_files_in_one_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.conll").write_text("بغداد B-LOC\n", encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(tmp_path / "a.txt"), str(tmp_path / "b.conll"))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Imported 1 article and 1 annotated document (1 span, 0 events, 0 relations), "
                                "skipped 0 duplicates, 0 failed; no date found for 1 article (published left empty)."]


def _exported_native(tmp_path: Path, capsys) -> tuple[Path, tuple[int, int, int, int]]:
    src = tmp_path / "src"
    with Project.open(src) as p:
        for k in range(3):
            d = p.add_document(f"{BODY} ({k})", status="done")
            person = p.add_span(d, 28, 33, "PER")
            place = p.add_span(d, 5, 12, "GPE")
            trig = p.add_span(d, 13, 21, "Contact.Meet")
            p.add_event(d, "Contact.Meet", trig, [("Place", place)])
            p.add_relation("PHYS.Located", person, place)
    assert main.main(["export", str(src), "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"), "--quiet"]) == 0
    capsys.readouterr()
    return tmp_path / "x.jsonl", _counts(src)


def test_import_format_jsonl_is_the_native_format_export_writes(tmp_path, capsys):
    out_file, counts = _exported_native(tmp_path, capsys)
    assert counts == (3, 9, 3, 3)
    for argv in (["--format", "jsonl"], []):  # named, and detected
        proj = tmp_path / f"proj{len(argv)}"
        code, out, err = _run(capsys, str(proj), str(out_file), *argv)
        assert (code, err) == (0, ""), err
        assert out.splitlines()[0] == "Imported 3 annotated documents (9 spans, 3 events, 3 relations), 0 failed."
        assert _counts(proj) == counts


def test_plain_article_jsonl_has_its_own_format_name(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": BODY, "spans": "not annotations"}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(f), "--format", "articles-jsonl")
    assert (code, err) == (0, "")
    assert out.startswith("Imported 1 article, skipped 0 duplicates, 0 failed; no date found for 1 article")
    with Project.open(tmp_path / "proj") as p:
        [doc] = p.iter_documents()
        assert doc.meta["format"] == "articles-jsonl"
    with pytest.raises(SystemExit):  # the old name is gone: one name per format
        main.main(["import", str(tmp_path / "proj"), str(f), "--format", "jsonl-native"])
    assert "invalid choice: 'jsonl-native'" in capsys.readouterr().err


def test_a_refused_native_file_leaves_the_schema_as_it_was(tmp_path, capsys):
    header = {"format": "qalam-annotations", "version": 99,
              "schema": {"name": "other", "entity_types": [{"name": "City"}]}}
    f = tmp_path / "future.jsonl"
    f.write_text(_line(header) + _line({"text": BODY, "spans": []}), encoding="utf-8")
    code, _, err = _run(capsys, str(tmp_path / "proj"), str(f), "--unknown-labels", "add")
    assert code == 1 and "format version 99" in err
    with Project.open(tmp_path / "proj") as p:
        assert p.schema.entity("City") is None and len(p) == 0


def test_annotated_lines_in_a_file_read_as_articles_are_not_stripped_silently(tmp_path, capsys):
    out_file, _ = _exported_native(tmp_path, capsys)
    lines = out_file.read_text(encoding="utf-8").split("\n")
    damaged = tmp_path / "damaged.jsonl"  # the header line cut short: the file no longer looks native
    damaged.write_text("\n".join([lines[0][:20], *lines[1:]]), encoding="utf-8")
    code, out, err = _run(capsys, str(tmp_path / "proj"), str(damaged))
    assert code == 1
    failures = err.splitlines()
    assert len(failures) == 4 and failures[0].startswith(f"failed {damaged}:1: not valid JSON")
    assert all("an annotated jsonl record in a file read as articles" in f and "--format jsonl" in f
               for f in failures[1:])
    assert _counts(tmp_path / "proj") == (0, 0, 0, 0)
