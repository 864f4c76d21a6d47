"""Export pipeline: selection by status/labels/annotator, deterministic splits, report beside the output,
cancel and existing outputs leave nothing half-written, and the ``export`` CLI. Also the shared fixture
builder used by the other test_formats_* modules."""

from __future__ import annotations

import json

import pytest

from annotations import Project
from annotations.formats import EXPORTERS, FormatError, export, import_annotated
from annotations.formats.common import split_of
from annotations.formats.staging import EXPORT_MARKER
from annotations.progress import Progress

NEWS = (
    "شهدت إسطنبول اجتماعاً بين ممثلي روسيا والاتحاد الأوروبي.\n"
    "وزار الوفد بإسطنبول، وروسيا، لأوكرانيا؟ ثم عاد إلى “قره باغ”."
)


def find(text: str, word: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(word, i + 1)
    return i, i + len(word)


def news_project(status: str = "done", annotator: str | None = None) -> tuple[Project, str, dict[str, str]]:
    """One Arabic news document with clitic-glued entities, a nested span, an event and a relation."""
    p = Project.memory(annotator=annotator)
    d = p.add_document(NEWS, title="خبر", status=status, meta={"language": "ar"})
    ids = {}
    for key, word, label, occ in (
        ("ist1", "إسطنبول", "GPE", 0), ("meet", "اجتماعاً", "Contact.Meet", 0), ("rep", "ممثلي روسيا", "PER", 0),
        ("rus1", "روسيا", "GPE", 0), ("eu", "الاتحاد الأوروبي", "ORG", 0), ("ist2", "إسطنبول", "GPE", 1),
        ("rus2", "روسيا", "GPE", 1), ("ukr", "أوكرانيا", "GPE", 0), ("kb", "قره باغ", "LOC", 0),
    ):
        ids[key] = p.add_span(d, *find(NEWS, word, occ), label, note="ملاحظة" if key == "eu" else None)
    ids["event"] = p.add_event(d, "Contact.Meet", trigger=ids["meet"],
                               arguments=[("Entity", ids["rep"]), ("Entity", ids["eu"]), ("Place", ids["ist1"])],
                               attributes={"Polarity": "Positive"})
    ids["rel"] = p.add_relation("PART-WHOLE.Geographical", ids["ist2"], ids["rus2"])
    return p, d, ids


def import_clean(project: Project, path, fmt: str, options: dict | None = None):
    """Import one file that must give no error; return the report and its lines as one text."""
    rep = import_annotated(project, [path], fmt, options)
    assert not rep.errors and not rep.failed, rep.lines()
    return rep, "\n".join(rep.lines())


def many_docs(n: int) -> Project:
    p = Project.memory()
    for k in range(n):
        d = p.add_document(f"زار الوزير {k} مدينة بغداد.", title=f"d{k}", status="done")
        p.add_span(d, *find(p.document(d).text, "بغداد"), "GPE")
    return p


def test_status_filter_defaults_to_done_and_accepts_all(tmp_path):
    p, d, _ = news_project(status="in progress")
    p.add_document("نص آخر", status="done")
    rep = export(p, "jsonl", tmp_path / "a.jsonl")
    assert rep.documents == 1
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["text"] == "نص آخر"
    rep = export(p, "jsonl", tmp_path / "b.jsonl", {"status": "all"})
    assert rep.documents == 2
    rep = export(p, "jsonl", tmp_path / "c.jsonl", {"status": "in progress,skipped"})
    assert rep.documents == 1 and rep.spans["GPE"] == 5


def test_label_filter_drops_dependent_annotations_and_reports_them(tmp_path):
    p, d, ids = news_project()
    rep = export(p, "jsonl", tmp_path / "a.jsonl", {"labels": "GPE,Contact.Meet"})
    rec = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[1])
    assert {s["label"] for s in rec["spans"]} == {"GPE", "Contact.Meet"}
    assert [a[0] for a in rec["events"][0]["arguments"]] == ["Place"]
    assert rec["relations"] == []
    assert rep.not_carried["event arguments whose target was filtered out"]["count"] == 2
    rep = export(p, "jsonl", tmp_path / "c.jsonl", {"labels": "PER,PART-WHOLE.Geographical"})
    assert rep.not_carried["relations whose argument was filtered out"]["count"] == 1
    with pytest.raises(FormatError, match="NOPE"):
        export(p, "jsonl", tmp_path / "b.jsonl", {"labels": "GPE,NOPE"})


def test_annotator_filter(tmp_path):
    p = Project.memory(annotator="amal")
    d = p.add_document("زار الوزير بغداد", status="done")
    p.add_span(d, *find("زار الوزير بغداد", "بغداد"), "GPE")
    rep = export(p, "jsonl", tmp_path / "a.jsonl", {"annotator": "amal"})
    assert rep.spans["GPE"] == 1
    rep = export(p, "jsonl", tmp_path / "b.jsonl", {"annotator": "omar"})
    assert rep.documents == 1 and sum(rep.spans.values()) == 0


def test_split_is_deterministic_by_document_and_follows_ratios(tmp_path):
    ids = [f"{k:010x}" for k in range(100)]
    a = split_of(ids, (0.8, 0.1, 0.1), 7)
    assert split_of(list(reversed(ids)), (0.8, 0.1, 0.1), 7) == a  # storage order does not matter
    counts = {s: list(a.values()).count(s) for s in ("train", "dev", "test")}
    assert counts == {"train": 80, "dev": 10, "test": 10}
    assert split_of(ids, (0.8, 0.1, 0.1), 8) != a
    p = many_docs(10)
    r1 = export(p, "conll", tmp_path / "s1", {"split": "0.6,0.2,0.2", "seed": 3})
    r2 = export(p, "conll", tmp_path / "s2", {"split": "0.6,0.2,0.2", "seed": 3})
    assert dict(r2.splits) == dict(r1.splits)
    assert dict(r1.splits) == {"train": 6, "dev": 2, "test": 2}
    for name in ("train", "dev", "test"):
        assert (tmp_path / "s1" / f"{name}.conll").read_bytes() == (tmp_path / "s2" / f"{name}.conll").read_bytes()


def test_report_is_written_beside_the_export(tmp_path):
    p, _, _ = news_project()
    rep = export(p, "conll", tmp_path / "x.conll")
    data = json.loads((tmp_path / "x.conll.report.json").read_text(encoding="utf-8"))
    assert data["spans_per_label"]["GPE"] == 5
    assert data["events_per_type"] == {"Contact.Meet": 1}
    assert data["not_carried"]["nested or overlapping spans (outermost kept)"]["count"] == 1
    assert "روسيا" in data["not_carried"]["nested or overlapping spans (outermost kept)"]["examples"][0]
    assert any("events" in k for k in data["not_carried"])
    assert data["not_carried"]["span notes (CoNLL has none)"]["count"] == 1
    assert any("nested" in line for line in rep.lines())


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_cancel_leaves_nothing(tmp_path, fmt):
    p = many_docs(3)

    class CancelAfterOne(Progress):
        def advance(self, n=1, label=None):
            super().advance(n, label)
            self.cancel()

    out = tmp_path / "out"
    rep = export(p, fmt, out, {}, CancelAfterOne())
    assert rep.cancelled and rep.documents == 1
    assert list(tmp_path.iterdir()) == []
    assert "nothing was written" in rep.lines()[0]


def test_existing_output_is_refused_unless_overwrite(tmp_path):
    p = many_docs(1)
    out = tmp_path / "x.jsonl"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(FormatError, match="already exists"):
        export(p, "jsonl", out)
    assert out.read_text(encoding="utf-8") == "keep me"
    export(p, "jsonl", out, {"overwrite": True})
    assert "بغداد" in out.read_text(encoding="utf-8")


def test_force_replaces_only_an_empty_folder_or_an_earlier_export(tmp_path):
    p = many_docs(2)
    out = tmp_path / "b"
    out.mkdir()
    export(p, "brat", out, {"overwrite": True})  # an empty folder may be replaced
    assert (out / EXPORT_MARKER).is_file()
    export(p, "brat", out, {"overwrite": True})  # and so may an earlier export
    assert len(list(out.glob("*.ann"))) == 2
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.tex").write_text("keep me", encoding="utf-8")
    for fmt, target in (("brat", mine), ("jsonl", mine), ("conll", mine)):
        with pytest.raises(FormatError, match=r"thesis is a folder with other files in it \(chapter1.tex\)"):
            export(p, fmt, target, {"overwrite": True, "split": "0.5,0.5"} if fmt == "conll" else {"overwrite": True})
    assert [x.name for x in mine.iterdir()] == ["chapter1.tex"]
    assert sorted(x.name for x in tmp_path.iterdir()) == ["b", "b.report.json", "thesis"]  # no staging left


def test_cli_force_refuses_a_folder_of_other_files(tmp_path, capsys):
    import argparse

    from annotations.cli import export_cmd

    folder = tmp_path / "proj"
    with Project.open(folder) as p:
        p.add_document("زار الوزير بغداد", status="done")
    keep = tmp_path / "data"
    keep.mkdir()
    (keep / "notes.txt").write_text("keep me", encoding="utf-8")
    parser = argparse.ArgumentParser()
    export_cmd.add_parser(parser.add_subparsers())
    args = parser.parse_args(["export", str(folder), "--format", "brat", "--out", str(keep), "--force", "--quiet"])
    assert export_cmd.run(args) == 2
    assert "not an earlier export" in capsys.readouterr().err
    assert (keep / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_bad_options_are_refused(tmp_path):
    p = many_docs(1)
    for bad in ({"clitics": "glue"}, {"split": "a,b"}, {"scheme": "iob9"}, {"colour": 1}, {"status": "dnoe"}):
        with pytest.raises(FormatError):
            export(p, "conll", tmp_path / "x.conll", bad)
    with pytest.raises(FormatError, match="unknown export format"):
        export(p, "xml", tmp_path / "x.xml")
    assert list(tmp_path.iterdir()) == []


def test_cli_export(tmp_path, capsys):
    import argparse

    from annotations.cli import export_cmd

    folder = tmp_path / "proj"
    with Project.open(folder) as p:
        d = p.add_document("زار الوزير بإسطنبول", status="done")
        p.add_span(d, *find("زار الوزير بإسطنبول", "إسطنبول"), "GPE")
    parser = argparse.ArgumentParser()
    export_cmd.add_parser(parser.add_subparsers())
    args = parser.parse_args(["export", str(folder), "--format", "conll", "--out", str(tmp_path / "x.conll"),
                              "--clitics", "keep", "--quiet"])
    assert export_cmd.run(args) == 0
    out = capsys.readouterr().out
    assert "exported 1 document as conll" in out and "moved to token edges: 1" in out
    assert "بإسطنبول B-GPE" in (tmp_path / "x.conll").read_text(encoding="utf-8")
    assert export_cmd.run(args) == 2  # exists
    assert "already exists" in capsys.readouterr().err
    args = parser.parse_args(["export", str(tmp_path / "nope"), "--format", "conll", "--out", str(tmp_path / "y")])
    assert export_cmd.run(args) == 2
    assert "cannot open the project" in capsys.readouterr().err


HEAVY = ("spacy", "thinc", "srsly", "datasets", "pyarrow", "pandas", "numpy", "msgpack", "murmurhash")


def hide_heavy_libraries(monkeypatch) -> None:
    """Make spaCy, datasets, pyarrow (and what they bring) unimportable, as in the packaged app."""
    import importlib.util
    import sys

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name.split(".")[0] in HEAVY else real(name, *a))
    for name in list(sys.modules):
        if name.split(".")[0] in HEAVY:
            monkeypatch.delitem(sys.modules, name)
    for name in HEAVY:
        monkeypatch.setitem(sys.modules, name, None)  # import name -> ImportError


@pytest.mark.parametrize("fmt", ["spacy", "hf"])
def test_spacy_and_hf_export_without_their_libraries(tmp_path, monkeypatch, fmt):
    hide_heavy_libraries(monkeypatch)
    rep = export(many_docs(3), fmt, tmp_path / "x")
    assert rep.documents == 3 and rep.spans["GPE"] == 3
    assert (tmp_path / "x").exists()
