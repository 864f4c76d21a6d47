"""Label Studio JSON: the documented task/result shapes, UTF-16 offsets on request, events as relations,
bad regions reported, and round trips."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_formats_common import NEWS, find, import_clean, news_project

from annotations import Project
from annotations.formats import export, import_annotated


def test_task_shape(tmp_path):
    p, d, _ = news_project()
    export(p, "labelstudio", tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 1
    t = tasks[0]
    assert t["data"]["text"] == NEWS and t["data"]["doc_id"] == d
    result = t["annotations"][0]["result"]
    labels = [r for r in result if r["type"] == "labels"]
    rels = [r for r in result if r["type"] == "relation"]
    ids = {r["id"] for r in labels}
    for r in labels:
        assert set(r) >= {"id", "from_name", "to_name", "type", "value"}
        assert r["from_name"] == "label" and r["to_name"] == "text"
        v = r["value"]
        assert NEWS[v["start"]:v["end"]] == v["text"] and len(v["labels"]) == 1
    for r in rels:
        assert r["from_id"] in ids and r["to_id"] in ids and r["direction"] == "right" and r["labels"]
    assert sorted(r["labels"][0] for r in rels) == ["Entity", "Entity", "PART-WHOLE.Geographical", "Place"]
    config = ET.parse(tmp_path / "ls.json.label_config.xml").getroot()
    assert config.find("Labels").get("name") == "label" and config.find("Text").get("value") == "$text"
    assert {x.get("value") for x in config.iter("Label")} >= {"PER", "GPE", "Contact.Meet"}


def test_predictions_key_and_utf16_offsets(tmp_path):
    p = Project.memory()
    text = "🙂 زار بغداد"
    d = p.add_document(text, status="done")
    p.add_span(d, text.index("بغداد"), len(text), "GPE")
    export(p, "labelstudio", tmp_path / "a.json", {"offsets": "utf16", "labelstudio_key": "predictions"})
    v = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))[0]["predictions"][0]["result"][0]["value"]
    assert (v["start"], v["end"]) == (text.index("بغداد") + 1, len(text) + 1)  # the emoji is 2 UTF-16 units
    assert text.encode("utf-16-le")[2 * v["start"]:2 * v["end"]].decode("utf-16-le") == "بغداد"
    q = Project.memory()
    import_annotated(q, [tmp_path / "a.json"], "labelstudio", {"offsets": "utf16"})
    assert [s.text for s in q.spans(q.documents()[0].id)] == ["بغداد"]


def test_bad_regions_are_reported(tmp_path):
    tasks = [{"data": {"text": "زار بغداد"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 4, "end": 9, "text": "بغداد", "labels": ["GPE"]}},
        {"id": "b", "type": "labels", "value": {"start": 4, "end": 9, "text": "دمشق", "labels": ["GPE"]}},
        {"id": "c", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["Planet"]}},
        {"id": "d", "type": "choices", "value": {"choices": ["x"]}},
        {"type": "relation", "from_id": "a", "to_id": "zz", "labels": ["PHYS.Located"]},
    ]}]}, {"data": {}}, {"data": {"article": "زار دمشق"}, "predictions": [{"result": [
        {"id": "x", "type": "labels", "value": {"start": 4, "end": 8, "labels": ["GPE"]}}]}]}]
    f = tmp_path / "t.json"
    f.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    p = Project.memory()
    rep = import_annotated(p, [f])
    text = "\n".join(rep.lines())
    assert "t.json:1: error: region b" in text and rep.added_labels == ["Planet"]  # a new project adopts it
    assert "choices" in text and "relation R1" in text and "t.json:2: error: task has no data.text" in text
    assert [s.text for s in p.spans(rep.documents[0])] == ["زار", "بغداد"]
    assert [s.text for s in p.spans(rep.documents[1])] == ["دمشق"]  # another text field, predictions


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "الوفد", "\n", "🙂", "عُقد"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(words, min_size=2, max_size=10), st.data(), st.sampled_from(["codepoints", "utf16"]))
def test_roundtrip_spans_events_relations(tmp_path_factory, toks, data, offsets):
    text = " ".join(toks)
    p = Project.memory()
    d = p.add_document(text, status="done")
    spans = []
    for _ in range(data.draw(st.integers(1, 5))):
        s = data.draw(st.integers(0, len(text) - 1))
        e = data.draw(st.integers(s + 1, min(len(text), s + 12)))
        spans.append(p.add_span(d, s, e, data.draw(st.sampled_from(["PER", "GPE", "Conflict.Attack"]))))
    per = [s for s in spans if p.span(s).label == "PER"]
    gpe = [s for s in spans if p.span(s).label == "GPE"]
    for t in (s for s in spans if p.span(s).label == "Conflict.Attack"):
        p.add_event(d, "Conflict.Attack", trigger=t, arguments=[("Attacker", x) for x in per[:2]])
    if per and gpe:
        p.add_relation("PHYS.Located", per[0], gpe[0])
    out = tmp_path_factory.mktemp("ls") / "x.json"
    export(p, "labelstudio", out, {"offsets": offsets})
    q = Project.memory()
    rep = import_annotated(q, [out], "labelstudio", {"offsets": offsets})
    assert not rep.problems and not rep.failed, rep.lines()
    nd = rep.documents[0]

    def key(proj, doc):
        sp = {s.id: (s.start, s.end, s.label) for s in proj.spans(doc)}
        evs = sorted((sp[e.trigger], sorted((r, sp[t]) for r, t in e.arguments)) for e in proj.events(doc))
        rels = sorted((r.type, sp[r.arg1], sp[r.arg2]) for r in proj.relations(doc))
        return sorted(sp.values()), evs, rels

    assert q.document(nd).text == text and key(q, nd) == key(p, d)


def test_carried_title_meta_status_are_checked_on_import(tmp_path):
    f = tmp_path / "t.json"
    f.write_text(json.dumps([
        {"data": {"text": "بغداد", "title": ["x"], "meta": {"url": "u"}, "status": "finished"}},
        {"data": {"text": "دمشق", "title": "ok", "meta": "not an object", "status": "done",
                  "trigger_spans_without_event": "T1"}},
    ], ensure_ascii=False), encoding="utf-8")
    p = Project.memory()
    rep, text = import_clean(p, f, "labelstudio", {"status": "in progress"})
    assert len(rep.documents) == 2
    assert f"{f}:1: warning: task data: title ['x'] is not text; left out" in text
    assert f"{f}:1: warning: task data: status 'finished' is not one of new, in progress, done, skipped" in text
    assert f"{f}:2: warning: task data: meta must be an object; left out" in text
    a, b = (p.document(i) for i in rep.documents)
    assert (a.title, dict(a.meta), a.status) == (None, {"url": "u"}, "in progress")
    assert (b.title, dict(b.meta), b.status) == ("ok", {"source": str(f)}, "done")


def test_trigger_span_without_event_stays_a_span(tmp_path):
    p, d, _ = news_project()
    orphan = p.add_span(d, *find(NEWS, "عاد"), "Movement.Transport")
    export(p, "labelstudio", tmp_path / "t.json")
    task = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))[0]
    assert task["data"]["trigger_spans_without_event"] == [orphan.rpartition(":")[2]]
    q = Project.memory()
    rep = import_annotated(q, [tmp_path / "t.json"], "labelstudio")
    assert [e.type for e in q.events(rep.documents[0])] == ["Contact.Meet"]
    assert "Movement.Transport" in {s.label for s in q.spans(rep.documents[0])}
