"""Native JSONL: lossless round trip (text, metadata, status, spans, events, relations, attributes, notes,
schema), validation with file:line reasons, unknown labels added or refused, nothing half-imported."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_formats_common import news_project

from annotations import Project
from annotations.formats import export, import_annotated
from annotations.schema import EntityType, Schema


def _n(note):
    return (note is None, note or "")  # sortable, and None stays distinct from ""


def snapshot(proj, doc):
    d = proj.document(doc)
    sp = {s.id: (s.start, s.end, s.label, sorted(s.attributes.items()), _n(s.note)) for s in proj.spans(doc)}
    ev = {e.id: (sp[e.trigger], e.type, sorted(e.attributes.items()), _n(e.note)) for e in proj.events(doc)}
    ref = {**sp, **ev}
    evs = sorted((v, sorted((r, ref[t]) for r, t in e.arguments)) for e in proj.events(doc) for v in [ev[e.id]])
    rels = sorted((r.type, ref[r.arg1], ref[r.arg2], sorted(r.attributes.items()), _n(r.note))
                  for r in proj.relations(doc))
    return d.text, d.title, dict(d.meta), d.status, sorted(sp.values()), evs, rels


def test_lossless_roundtrip_of_the_news_project(tmp_path):
    p, d, _ = news_project(status="in progress")
    export(p, "jsonl", tmp_path / "a.jsonl", {"status": "all"})
    header = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert header["format"] == "qalam-annotations" and header["schema"] == p.schema.to_dict()
    q = Project.memory()
    rep = import_annotated(q, [tmp_path / "a.jsonl"], "jsonl")
    assert not rep.problems and not rep.failed
    assert snapshot(q, rep.documents[0]) == snapshot(p, d)


def test_unknown_labels_refused_or_added_with_schema_from_header(tmp_path):
    src = Project.memory(schema=Schema("mine", [EntityType("City", "#123456")]))
    d = src.add_document("زار بغداد", status="done")
    src.add_span(d, 4, 9, "City")
    export(src, "jsonl", tmp_path / "a.jsonl")
    p = Project.memory()
    rep = import_annotated(p, [tmp_path / "a.jsonl"], "jsonl", {"unknown_labels": "refuse"})
    [refused] = rep.failed
    assert "labels not in the project's schema: City; nothing was imported" in refused.reason
    assert "--unknown-labels add" in refused.reason and len(p) == 0
    q = Project.memory()
    rep = import_annotated(q, [tmp_path / "a.jsonl"], "jsonl", {"unknown_labels": "add"})
    assert not rep.problems and q.schema.entity("City").color == "#123456"
    assert [s.label for s in q.spans(rep.documents[0])] == ["City"]


def test_bad_items_reported_with_their_dependents(tmp_path):
    f = tmp_path / "b.jsonl"
    good = {"text": "زار الوزير بغداد", "spans": [
        {"id": "T1", "start": 11, "end": 16, "label": "GPE", "text": "بغداد"},
        {"id": "T2", "start": 4, "end": 10, "label": "PER", "text": "خطأ"},
        {"id": "T3", "start": 0, "end": 3, "label": "Movement.Transport"}],
        "events": [{"id": "E1", "type": "Movement.Transport", "trigger": "T3",
                    "arguments": [["Destination", "T1"], ["Artifact", "T2"], ["Price", "T1"]]}],
        "relations": [{"id": "R1", "type": "PHYS.Located", "arg1": "T2", "arg2": "T1"}]}
    f.write_text("\n".join([json.dumps(good, ensure_ascii=False), "[1, 2]", "{oops", '{"spans": []}']) + "\n",
                 encoding="utf-8")
    p = Project.memory()
    rep = import_annotated(p, [f], "jsonl")
    text = "\n".join(rep.lines())
    assert "b.jsonl:1: error: span T2: text at [4, 10) is 'الوزير', but the file says 'خطأ'" in text
    assert "b.jsonl:1: error: event E1: argument Artifact refers to 'T2'" in text
    assert "b.jsonl:1: error: event E1: role Price of Movement.Transport takes VALUE, but T1 is GPE" in text
    assert "b.jsonl:1: error: relation R1" in text
    assert "b.jsonl:2: error: each line must be a JSON object" in text and "b.jsonl:3: error: not valid JSON" in text
    assert "b.jsonl:4: error: field 'text' is missing" in text
    (doc,) = rep.documents
    (ev,) = p.events(doc)
    assert [r for r, _ in ev.arguments] == ["Destination"]


def test_document_refused_by_the_core_is_not_half_imported(tmp_path, monkeypatch):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"text": "زار بغداد", "spans": [{"id": "T1", "start": 4, "end": 9, "label": "GPE"}]})
                 + "\n", encoding="utf-8")
    p = Project.memory()
    from annotations.errors import AnnotationError

    def refuse(*a, **k):
        raise AnnotationError("disk says no")

    monkeypatch.setattr(p, "import_document", refuse)
    rep = import_annotated(p, [f], "jsonl")
    assert rep.failed and "disk says no" in str(rep.failed[0]) and p.documents() == []


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "\n", "🙂", "عُقد", "\t", "“"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(words, min_size=2, max_size=10), st.data())
def test_roundtrip_everything(tmp_path_factory, toks, data):
    text = " ".join(toks)
    p = Project.memory()
    d = p.add_document(text, title=data.draw(st.sampled_from([None, "عنوان"])),
                       meta={"source": "اختبار", "n": 3}, status=data.draw(st.sampled_from(["done", "new"])))
    spans = []
    for _ in range(data.draw(st.integers(1, 5))):
        s = data.draw(st.integers(0, len(text) - 1))
        e = data.draw(st.integers(s + 1, min(len(text), s + 12)))
        spans.append(p.add_span(d, s, e, data.draw(st.sampled_from(["PER", "GPE", "Conflict.Attack"])),
                                note=data.draw(st.sampled_from([None, "سطر\nثان"]))))
    per = [s for s in spans if p.span(s).label == "PER"]
    for t in (s for s in spans if p.span(s).label == "Conflict.Attack"):
        p.add_event(d, "Conflict.Attack", trigger=t, arguments=[("Attacker", x) for x in per],
                    attributes={"Polarity": data.draw(st.sampled_from(["Positive", "Negative"]))}, note="ن")
    out = tmp_path_factory.mktemp("jl") / "x.jsonl"
    export(p, "jsonl", out, {"status": "all"})
    q = Project.memory()
    rep = import_annotated(q, [out], "jsonl")
    assert not rep.problems and not rep.failed
    assert snapshot(q, rep.documents[0]) == snapshot(p, d)


def test_undecodable_file_imports_nothing(tmp_path):
    f = tmp_path / "e.jsonl"
    good = json.dumps({"text": "زار بغداد"}, ensure_ascii=False).encode("utf-8")
    f.write_bytes(good + b"\n" + b'{"text": "\xff\xfe"}\n')
    p = Project.memory()
    rep = import_annotated(p, [f], "jsonl")
    assert p.documents() == [] and "not readable as utf-8" in str(rep.failed[0])
