"""doccano JSONL: the documented {"text", "label"} shape and the relation variant, bad lines by file:line,
and round trips of spans (and events/relations in the relation variant)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_formats_common import NEWS, find, news_project

from annotations import Project
from annotations.formats import export, import_annotated


def test_label_and_relation_shapes(tmp_path):
    p, d, _ = news_project()
    rep = export(p, "doccano", tmp_path / "a.jsonl")
    rec = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert rec["text"] == NEWS
    assert all(isinstance(x, list) and len(x) == 3 for x in rec["label"])
    assert sorted((s, e, lab) for s, e, lab in rec["label"]) == sorted((s.start, s.end, s.label) for s in p.spans(d))
    assert rep.not_carried["relations (use the relations variant)"]["count"] == 1
    export(p, "doccano", tmp_path / "b.jsonl", {"doccano": "relations"})
    rec = json.loads((tmp_path / "b.jsonl").read_text(encoding="utf-8"))
    ents = {e["id"]: e for e in rec["entities"]}
    for e in rec["entities"]:
        assert set(e) == {"id", "label", "start_offset", "end_offset"}
    for r in rec["relations"]:
        assert set(r) == {"id", "from_id", "to_id", "type"} and r["from_id"] in ents and r["to_id"] in ents
    assert sorted(r["type"] for r in rec["relations"]) == ["Entity", "Entity", "PART-WHOLE.Geographical", "Place"]


def test_bad_lines_reported(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text('{"text": "زار بغداد", "label": [[4, 9, "GPE"], [4, 99, "GPE"], [0, 3]]}\n'
                 "{not json\n"
                 '{"label": []}\n', encoding="utf-8")
    p = Project.memory()
    rep = import_annotated(p, [f], "doccano")
    text = "\n".join(rep.lines())
    assert "d.jsonl:1: error: span T2: offsets [4, 99)" in text and "d.jsonl:1: error: label [0, 3]" in text
    assert "d.jsonl:2: error: not valid JSON" in text and "d.jsonl:3: error: no 'text'" in text
    assert [s.text for s in p.spans(rep.documents[0])] == ["بغداد"]


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "\n", "🙂", "عُقد"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(words, min_size=2, max_size=8), st.data(), st.sampled_from(["labels", "relations"]))
def test_roundtrip(tmp_path_factory, toks, data, variant):
    text = " ".join(toks)
    p = Project.memory()
    d = p.add_document(text, status="done")
    spans = []
    for _ in range(data.draw(st.integers(1, 4))):
        s = data.draw(st.integers(0, len(text) - 1))
        e = data.draw(st.integers(s + 1, min(len(text), s + 10)))
        spans.append(p.add_span(d, s, e, data.draw(st.sampled_from(["PER", "GPE", "Contact.Meet"]))))
    per = [s for s in spans if p.span(s).label == "PER"]
    for t in (s for s in spans if p.span(s).label == "Contact.Meet"):
        p.add_event(d, "Contact.Meet", trigger=t, arguments=[("Entity", x) for x in per[:2]])
    out = tmp_path_factory.mktemp("dc") / "x.jsonl"
    export(p, "doccano", out, {"doccano": variant})
    q = Project.memory()
    rep = import_annotated(q, [out], "doccano")
    assert not rep.problems and not rep.failed, rep.lines()
    nd = rep.documents[0]
    sp_p = {s.id: (s.start, s.end, s.label) for s in p.spans(d)}
    sp_q = {s.id: (s.start, s.end, s.label) for s in q.spans(nd)}
    assert sorted(sp_q.values()) == sorted(sp_p.values())
    if variant == "relations":
        def evs(proj, doc, sp):
            return sorted((sp[e.trigger], sorted((r, sp[t]) for r, t in e.arguments)) for e in proj.events(doc))
        assert evs(q, nd, sp_q) == evs(p, d, sp_p)


def test_trigger_span_without_event_stays_a_span_in_both_variants(tmp_path):
    p, d, _ = news_project()
    orphan = p.add_span(d, *find(NEWS, "عاد"), "Movement.Transport")
    number = [s.id for s in p.spans(d)].index(orphan) + 1
    for variant in ("labels", "relations"):
        rep = export(p, "doccano", tmp_path / f"{variant}.jsonl", {"doccano": variant})
        rec = json.loads((tmp_path / f"{variant}.jsonl").read_text(encoding="utf-8"))
        assert rec["trigger_spans_without_event"] == [number]
        q = Project.memory()
        back = import_annotated(q, [tmp_path / f"{variant}.jsonl"], "doccano")
        assert [e.type for e in q.events(back.documents[0])] == ["Contact.Meet"], variant
        if variant == "labels":
            assert rep.not_carried["event arguments (doccano labels has none: events come back with their "
                                  "trigger only; use --doccano relations)"]["count"] == 3
