"""The exporters' read path (``Store.tables`` + ``spans_of``) gives exactly what the project's API gives.

Every format is exported twice from one file project with the traps (clitics inside a span's word,
nested spans, events, relations, invisible characters, empty and whitespace-only documents, meta
holding a float and an integer past 64 bits, a span table stored out of number order, a change still
in the journal): once as exporters read now, once with ``load_doc`` replaced by the read through
``project.document``/``spans``/``events``/``relations`` it replaced. The outputs must be the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from test_formats_common import find
from test_formats_roundtrip import fidelity_project, schema

import annotations.formats as formats
from annotations import Project
from annotations.errors import ProjectCorruptError
from annotations.formats import EXPORTERS, export
from annotations.formats.common import ANY_ANNOTATOR, CURATION_KEY, GOLD, DocData, ExportOptions, spans_of
from annotations.formats.reports import ExportReport
from annotations.store.files import READ_CHUNK, read_bytes, read_json_fast

CLITICS = "وصل الوفد وبالقاهرة التقى بممثلي الاتحاد الأوروبي."
INVISIBLE = "زار \u200fالرئيس\u200f مدينة بيروت\u200d أمس \u2066لبنان\u2069."
BIG = 2**70


def api_load_doc(project: Any, doc_id: str, opts: ExportOptions, report: ExportReport, split: str,
                 info: Any = None) -> DocData:
    """``load_doc`` as it read before the fast path: through the project's API (cached DocFiles)."""
    doc = project.document(doc_id)
    annotator = opts.annotator
    if annotator is None and CURATION_KEY in doc.meta:
        annotator = GOLD
    elif annotator == ANY_ANNOTATOR:
        annotator = None

    def keep(a: Any) -> bool:
        if opts.labels is not None and a.label not in opts.labels:
            return False
        return annotator is None or a.annotator == annotator

    spans = [s for s in project.spans(doc_id) if keep(s)]
    ids = {s.id for s in spans}
    events = []
    for e in project.events(doc_id):
        if keep(e) and e.trigger not in ids:
            report.lost("events whose trigger was filtered out", f"{e.id} {e.type}")
        if keep(e) and e.trigger in ids:
            events.append(e)
    ids |= {e.id for e in events}
    kept_events = []
    for e in events:
        args = tuple(a for a in e.arguments if a[1] in ids)
        if len(args) != len(e.arguments):
            report.lost("event arguments whose target was filtered out", f"{e.id} {e.type}",
                        len(e.arguments) - len(args))
            e = dataclasses.replace(e, arguments=args)
        kept_events.append(e)
    relations = []
    for r in project.relations(doc_id):
        if keep(r) and (r.arg1 not in ids or r.arg2 not in ids):
            report.lost("relations whose argument was filtered out", f"{r.id} {r.type}")
        elif keep(r):
            relations.append(r)
    suggestions = [s for s in project.suggestions(doc_id) if opts.labels is None or s.label in opts.labels] \
        if opts.include_suggestions else []
    return DocData(doc, spans, kept_events, relations, split, suggestions)


def build(folder: Path) -> tuple[str, str]:
    """The trap project, closed; returns the ids of the reordered and of the journal-only documents."""
    with Project.open(folder, schema=schema(), annotator="amal") as p:
        fidelity_project(p)
        d = p.add_document(CLITICS, title="clitics", status="done", meta={"score": 0.25, "big": BIG})
        for word, label in (("القاهرة", "GPE"), ("ممثلي", "PER"), ("الاتحاد الأوروبي", "ORG"),
                            ("الأوروبي", "GPE"), ("وبالقاهرة", "LOC")):
            p.add_span(d, *find(CLITICS, word), label, attributes={"n": BIG} if label == "LOC" else None)
        v = p.add_document(INVISIBLE, title="invisible", status="done")
        for word, label in (("\u200fالرئيس\u200f", "PER"), ("بيروت\u200d", "GPE"), ("\u2066لبنان\u2069", "GPE"),
                            ("الرئيس", "PER")):
            p.add_span(v, *find(INVISIBLE, word), label)
        p.add_span(v, *find(INVISIBLE, "الرئيس"), "ORG")  # same extent as an earlier span: ties by number
        late = p.add_document("بيروت مدينة.", title="late", status="done")
    # the invisible document's span table out of number order, as a hand (or an older version) may leave it
    path = folder / "docs" / f"{v}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"] = dict(reversed(list(data["spans"].items())))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return v, late


def tree(root: Path) -> dict[str, bytes]:
    if root.is_file():
        return {root.name: root.read_bytes()}
    return {str(f.relative_to(root)): f.read_bytes() for f in sorted(root.rglob("*")) if f.is_file()}


def export_both(p: Project, fmt: str, out: Path, monkeypatch: pytest.MonkeyPatch,
                **options: Any) -> tuple[dict[str, bytes], dict[str, bytes]]:
    (out / "fast").mkdir(parents=True, exist_ok=True)
    (out / "api").mkdir(parents=True, exist_ok=True)
    opts = {"status": "all", **({"shards": 2} if fmt == "shards" else {}), **options}
    fast = export(p, fmt, out / "fast" / fmt, opts)
    with monkeypatch.context() as m:
        m.setattr(formats, "load_raw", api_load_doc)
        old = export(p, fmt, out / "api" / fmt, opts)
    assert {**fast.to_dict(), "out": ""} == {**old.to_dict(), "out": ""}
    return tree(out / "fast" / fmt), tree(out / "api" / fmt)


@pytest.fixture(scope="module")
def trap_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    folder = tmp_path_factory.mktemp("fast-read") / "project"
    reordered, late = build(folder)
    return folder, reordered, late


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_every_format_writes_the_same_bytes_as_through_the_api(trap_project, tmp_path, monkeypatch, fmt):
    folder, _, late = trap_project
    with Project.open(folder) as p:
        p.add_span(late, *find("بيروت مدينة.", "بيروت"), "GPE")  # in the journal and the cache, not the file
        change = p.last_change
        assert change is not None
        try:
            fast, api = export_both(p, fmt, tmp_path, monkeypatch)
            assert fast == api
            assert len(fast) >= 1 and all(fast.values()) or fmt == "brat"
        finally:
            p.revert(change)


@pytest.mark.parametrize("options", [{"labels": "GPE,PER,Contact.Meet"}, {"annotator": "nobody"},
                                     {"tokens": "atb"}, {"nested": "levels"}])
def test_selections_and_schemes_write_the_same_bytes(trap_project, tmp_path, monkeypatch, options):
    folder, _, _ = trap_project
    with Project.open(folder, readonly=True) as p:
        for fmt in ("jsonl", "conll", "events", "oneie"):
            if ("nested" in options and fmt != "conll") or ("tokens" in options and fmt == "jsonl"):
                continue  # --nested levels is CoNLL's; jsonl has no tokens
            fast, api = export_both(p, fmt, tmp_path / fmt, monkeypatch, **options)
            assert fast == api


def test_spans_of_gives_the_projects_spans_for_every_document(trap_project):
    folder, reordered, _ = trap_project
    with Project.open(folder, readonly=True) as p:
        for info in p.documents():
            tables = p._store.tables(info.id)
            assert spans_of(tables.get("spans"), tables["document"]["1"]["text"]) == p.spans(info.id)
        numbers = [int(k) for k in p._store.tables(reordered)["spans"]]
        assert numbers != sorted(numbers)  # the trap is there: the order comes from the numbers
        ties = [s for s in p.spans(reordered) if s.text == "الرئيس"]
        assert [s.label for s in ties] == ["PER", "ORG"]


def test_tables_reads_the_file_each_time_without_keeping_it(trap_project):
    folder, _, _ = trap_project
    with Project.open(folder, readonly=True) as p:
        store = p._store
        for info in p.documents():
            store.tables(info.id)
        assert not store.cache  # nothing kept parsed: memory does not grow with the documents read


def test_read_json_fast_keeps_integers_past_64_bits(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"document": {"1": {"id": "x", "text": "", "meta": {"big": BIG, "f": 0.5}}},
                                "spans": {"1": {"attributes": {"n": [BIG]}}}}), encoding="utf-8")
    data = read_json_fast(path)
    assert data["document"]["1"]["meta"]["big"] == BIG and type(data["document"]["1"]["meta"]["big"]) is int
    assert data["spans"]["1"]["attributes"]["n"] == [BIG]


def test_read_json_fast_names_a_damaged_file(tmp_path):
    path = tmp_path / "doc.json"
    path.write_bytes(b'{"document": {"1": {"id": "x", "te')
    with pytest.raises(ProjectCorruptError, match=r"doc.json: .* \(damaged\)"):
        read_json_fast(path)


@pytest.mark.parametrize("size", [0, 1, READ_CHUNK - 1, READ_CHUNK, READ_CHUNK + 1, 3 * READ_CHUNK + 7])
def test_read_bytes_reads_a_file_of_any_size_whole(tmp_path, size):
    path = tmp_path / "doc.json"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    assert read_bytes(path) == data and read_bytes(str(path)) == data


def test_read_bytes_of_a_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "gone.json")
