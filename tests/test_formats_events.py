"""Event JSON: one record per sentence with tokens, entity mentions (token offsets), triggers and arguments
that point at entity mentions by id and index; what cannot be carried is reported."""

from __future__ import annotations

import json

from test_formats_common import NEWS, find, news_project

from annotations.formats import export


def test_one_record_per_sentence_with_event_mentions(tmp_path):
    p, d, ids = news_project()
    rep = export(p, "events", tmp_path / "e.jsonl")
    recs = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == rep.sentences == 3
    first = recs[0]
    assert first["sent_id"] == f"{d}-0" and first["tokens"][:4] == ["شهدت", "إسطنبول", "اجتماعاً", "بين"]
    for r in recs:
        for m in r["entity_mentions"]:
            assert " ".join(r["tokens"][m["start"]:m["end"]]) == m["text"]
            assert p.document(d).text[m["char_start"]:m["char_end"]] == m["text"]
    (ev,) = first["event_mentions"]
    assert ev["event_type"] == "Contact.Meet" and ev["trigger"]["text"] == "اجتماعاً"
    assert ev["attributes"] == {"Polarity": "Positive"}
    assert rep.not_carried["span notes (event JSON has none)"]["count"] == 1
    assert first["tokens"][ev["trigger"]["start"]] == "اجتماعاً"
    for a in ev["arguments"]:
        m = first["entity_mentions"][a["entity_index"]]
        assert m["id"] == a["entity_id"] and m["text"] == a["text"]
    assert sorted((a["role"], a["text"]) for a in ev["arguments"]) == [
        ("Entity", "الاتحاد الأوروبي"), ("Entity", "ممثلي روسيا"), ("Place", "إسطنبول")]
    assert all(m["entity_type"] != "Contact.Meet" for r in recs for m in r["entity_mentions"])
    (rel,) = recs[1]["relation_mentions"]
    assert rel["relation_type"] == "PART-WHOLE.Geographical"
    assert [a["text"] for a in rel["arguments"]] == ["إسطنبول", "روسيا"]


def test_arguments_outside_the_sentence_are_reported(tmp_path):
    p, d, ids = news_project()
    p.add_argument(ids["event"], "Entity", ids["rus2"])  # in the second sentence
    rep = export(p, "events", tmp_path / "e.jsonl")
    assert rep.not_carried["event arguments outside the trigger's sentence or not an entity"]["count"] == 1


def test_trigger_span_without_event_is_reported(tmp_path):
    p, d, _ = news_project()
    orphan = p.add_span(d, *find(NEWS, "عاد"), "Movement.Transport")
    rep = export(p, "events", tmp_path / "e.jsonl")
    entry = rep.not_carried["spans labelled with an event type that no event uses (event JSON has no mention "
                            "for them)"]
    assert entry["count"] == 1 and entry["examples"][0].startswith(orphan)
    text = (tmp_path / "e.jsonl").read_text(encoding="utf-8")
    assert "Movement.Transport" not in text
