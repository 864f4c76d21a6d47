"""OneIE and DyGIE++: the layouts those projects document, and mentions whose tokens spell their spans."""

from __future__ import annotations

import json

import pytest
from test_formats_common import NEWS, find, news_project

from annotations import Project
from annotations.formats import export
from annotations.token_schemes import MARKER, SCHEMES

ONEIE_KEYS = {"doc_id", "sent_id", "tokens", "sentence", "entity_mentions", "relation_mentions", "event_mentions"}


def lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def spelled(tokens: list[str]) -> str:
    """Tokens joined as they stand in the text (without spaces; atb's markers dropped)."""
    return "".join(t.removeprefix(MARKER).removesuffix(MARKER) if len(t) > 1 else t for t in tokens)


def squeeze(s: str) -> str:
    return "".join(s.split())


def test_oneie_shape(tmp_path):
    p, d, ids = news_project()
    export(p, "oneie", tmp_path / "x.jsonl")
    recs = lines(tmp_path / "x.jsonl")
    assert [r["sent_id"] for r in recs] == [f"{d}-0", f"{d}-1", f"{d}-2"]
    for r in recs:
        assert set(r) == ONEIE_KEYS and r["doc_id"] == d
        assert all(isinstance(t, str) and t for t in r["tokens"]) and squeeze(r["sentence"]) == spelled(r["tokens"])
        ents = {m["id"]: m for m in r["entity_mentions"]}
        for m in r["entity_mentions"]:
            assert set(m) == {"id", "start", "end", "entity_type", "mention_type", "text"}
            assert 0 <= m["start"] < m["end"] <= len(r["tokens"]) and m["mention_type"] == "UNK"
        for rel in r["relation_mentions"]:
            assert set(rel) == {"id", "relation_type", "arguments"}
            assert [a["role"] for a in rel["arguments"]] == ["Arg-1", "Arg-2"]
            assert all(a["entity_id"] in ents and a["text"] == ents[a["entity_id"]]["text"] for a in rel["arguments"])
        for ev in r["event_mentions"]:
            assert set(ev) == {"id", "event_type", "trigger", "arguments"} and set(ev["trigger"]) == {"start", "end",
                                                                                                      "text"}
            assert 0 <= ev["trigger"]["start"] < ev["trigger"]["end"] <= len(r["tokens"])
            assert all(set(a) == {"entity_id", "text", "role"} and a["entity_id"] in ents for a in ev["arguments"])
    (ev,) = recs[0]["event_mentions"]
    assert ev["event_type"] == "Contact.Meet" and ev["trigger"]["text"] == "اجتماعاً"
    assert [(a["role"], a["text"]) for a in ev["arguments"]] == [("Entity", "ممثلي روسيا"),
                                                                 ("Entity", "الاتحاد الأوروبي"), ("Place", "إسطنبول")]
    (rel,) = recs[1]["relation_mentions"]
    assert rel["relation_type"] == "PART-WHOLE.Geographical"
    # the trigger span is the event's, not an entity
    assert "Contact.Meet" not in {m["entity_type"] for r in recs for m in r["entity_mentions"]}


def test_dygiepp_shape(tmp_path):
    p, d, ids = news_project()
    export(p, "dygiepp", tmp_path / "x.jsonl")
    (doc,) = lines(tmp_path / "x.jsonl")
    assert set(doc) == {"doc_key", "dataset", "sentences", "ner", "relations", "events", "clusters"}
    assert doc["doc_key"] == d and doc["dataset"] == "ace2005" and doc["clusters"] == []
    sents = doc["sentences"]
    assert all(isinstance(s, list) and all(isinstance(t, str) for t in s) for s in sents)
    assert len(doc["ner"]) == len(doc["relations"]) == len(doc["events"]) == len(sents) == 3
    bounds, at = [], 0
    for s in sents:
        bounds.append((at, at + len(s) - 1))
        at += len(s)
    for k, (lo, hi) in enumerate(bounds):  # document-level indices, inclusive ends, in their sentence
        for start, end, label in doc["ner"][k]:
            assert lo <= start <= end <= hi and isinstance(label, str)
        for s1, e1, s2, e2, label in doc["relations"][k]:
            assert lo <= s1 <= e1 <= hi and s2 <= e2 and isinstance(label, str)
        for ev in doc["events"][k]:
            (trigger, etype), *args = ev
            assert lo <= trigger <= hi and all(len(a) == 3 and a[0] <= a[1] for a in args)
    flat = [t for s in sents for t in s]
    (ev,) = doc["events"][0]
    assert ev[0] == [flat.index("اجتماعاً"), "Contact.Meet"]
    assert [(" ".join(flat[a:b + 1]), role) for a, b, role in ev[1:]] == [
        ("ممثلي روسيا", "Entity"), ("الاتحاد الأوروبي", "Entity"), ("إسطنبول", "Place")]
    assert doc["relations"][1] == [[flat.index("إسطنبول", 11), flat.index("إسطنبول", 11),
                                    flat.index("روسيا", 11), flat.index("روسيا", 11), "PART-WHOLE.Geographical"]]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_mention_spells_its_span(tmp_path, scheme):
    p, d, ids = news_project()
    spans = {s.id.rpartition(":")[2]: s for s in p.spans(d)}
    rep = export(p, "oneie", tmp_path / "o.jsonl", {"tokens": scheme})
    widened = set(rep.not_carried.get("span boundaries moved to token edges", {}).get("examples", []))
    for r in lines(tmp_path / "o.jsonl"):
        for m in [*r["entity_mentions"], *(e["trigger"] | {"id": e["id"]} for e in r["event_mentions"])]:
            assert spelled(r["tokens"][m["start"]:m["end"]]) == squeeze(m["text"])
            sid = m["id"] if m["id"] in spans else p.event(f"{d}:{m['id']}").trigger.rpartition(":")[2]
            span = spans[sid]
            if not any(span.id in w for w in widened):
                assert m["text"] == span.text
    export(p, "dygiepp", tmp_path / "g.jsonl", {"tokens": scheme})
    (doc,) = lines(tmp_path / "g.jsonl")
    flat = [t for s in doc["sentences"] for t in s]
    texts = sorted(squeeze(s.text) for s in spans.values() if s.label != "Contact.Meet")
    got = sorted(spelled(flat[a:b + 1]) for sent in doc["ner"] for a, b, _ in sent)
    if scheme == "whitespace":  # بإسطنبول, وروسيا, لأوكرانيا widened to their words
        assert got != texts and {"بإسطنبول", "وروسيا", "لأوكرانيا"} <= set(got)
    else:
        assert got == texts


def test_sentence_level_oneie_reports_what_dygiepp_keeps(tmp_path):
    p = Project.memory()
    text = "وصل الوزير.\nثم زار بغداد."
    d = p.add_document(text, status="done")
    minister = p.add_span(d, *find(text, "الوزير"), "PER")
    baghdad = p.add_span(d, *find(text, "بغداد"), "GPE")
    trigger = p.add_span(d, *find(text, "وصل"), "Movement.Transport")
    p.add_event(d, "Movement.Transport", trigger, [("Artifact", minister), ("Destination", baghdad)])
    p.add_relation("PHYS.Located", minister, baghdad)
    rep = export(p, "oneie", tmp_path / "o.jsonl")
    assert rep.not_carried["event arguments outside the trigger's sentence (OneIE is sentence-level)"]["count"] == 1
    assert rep.not_carried["relations across sentences (OneIE is sentence-level)"]["count"] == 1
    first = lines(tmp_path / "o.jsonl")[0]
    assert [a["role"] for a in first["event_mentions"][0]["arguments"]] == ["Artifact"]
    rep = export(p, "dygiepp", tmp_path / "g.jsonl")
    (doc,) = lines(tmp_path / "g.jsonl")
    assert doc["events"][0] == [[[0, "Movement.Transport"], [1, 1, "Artifact"], [5, 5, "Destination"]]]
    assert doc["relations"][0] == [[1, 1, 5, 5, "PHYS.Located"]]
    assert not [k for k in rep.not_carried if "sentence" in k]


def test_long_trigger_is_one_dygiepp_token_and_reported(tmp_path):
    p = Project.memory()
    d = p.add_document(NEWS, status="done")
    p.add_event(d, "Contact.Meet", p.add_span(d, *find(NEWS, "شهدت إسطنبول"), "Contact.Meet"), [])
    rep = export(p, "dygiepp", tmp_path / "g.jsonl")
    assert lines(tmp_path / "g.jsonl")[0]["events"][0] == [[[0, "Contact.Meet"]]]
    assert rep.not_carried["trigger tokens after the first (DyGIE++ triggers are one token)"]["count"] == 1
