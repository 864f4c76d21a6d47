"""The schema: the ACE 2005 default, files in and out, and clear errors for bad schema files."""

from __future__ import annotations

import json

import pytest

from annotations import Project, SchemaError
from annotations.schema import TIME_ROLES, EntityType, Schema, ace2005


def test_ace2005_default():
    s = ace2005()
    assert [t.name for t in s.entity_types] == ["PER", "ORG", "GPE", "LOC", "FAC", "VEH", "WEA", "TIME", "VALUE"]
    assert len(s.event_types) == 33
    assert all("." in t.name for t in s.event_types)
    for name in ("Contact.Meet", "Conflict.Attack", "Justice.Arrest-Jail", "Movement.Transport"):
        assert s.event(name) is not None
    for et in s.event_types:
        roles = [r.name for r in et.roles]
        assert set(TIME_ROLES) <= set(roles), et.name
        assert all(r.types for r in et.roles), et.name
    assert [r.name for r in s.event("Contact.Meet").roles][:2] == ["Entity", "Place"]
    assert s.event("Conflict.Attack").role("Attacker").types == ["PER", "ORG", "GPE"]
    assert s.event("Contact.Meet").role("Time-Within").types == ["TIME"]
    assert [a.name for a in s.attributes] == ["Polarity", "Tense", "Genericity", "Modality"]
    assert s.key_conflicts() == []
    assert all(t.key for t in s.entity_types)
    assert Project.memory().schema == s


def test_save_load_round_trip(tmp_path):
    s = ace2005()
    path = tmp_path / "schema.json"
    s.save(path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["name"] == "ACE 2005"
    assert Schema.load(path) == s


def test_project_with_a_schema_from_a_file(tmp_path):
    custom = Schema("news", [EntityType("شخص", "#ff0000", "p"), EntityType("مكان", "#00ff00", "m")])
    custom.save(tmp_path / "news.json")
    with Project.open(tmp_path / "p", schema=Schema.load(tmp_path / "news.json")) as p:
        d = p.add_document("زار أحمد دمشق")
        p.add_span(d, 4, 8, "شخص")
    with Project.open(tmp_path / "p") as p:
        assert p.schema.name == "news" and [s.label for s in p.spans(d)] == ["شخص"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not a valid UTF-8 JSON"),
        (b"[1, 2]", "must be a JSON object"),
        (json.dumps({"entity_types": [{"name": "PER", "colour": "red"}]}).encode(), "unexpected or missing field"),
        (json.dumps({"entity_types": [{"name": "A B"}]}).encode(), "not allowed"),
        (json.dumps({"entity_types": [{"name": "PER"}, {"name": "PER"}]}).encode(), "defined twice"),
        (json.dumps({"attributes": [{"name": "x", "values": ["a"], "default": "b"}]}).encode(), "default"),
    ],
)
def test_bad_schema_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SchemaError, match=message) as info:
        Schema.load(path)
    assert "bad.json" in str(info.value)
    with pytest.raises(SchemaError, match="not found"):
        Schema.load(tmp_path / "missing.json")


def test_key_conflicts_are_reported():
    s = Schema("k", [EntityType("A", key="x"), EntityType("B", key="X")])
    assert s.key_conflicts() == [("x", ["A", "B"])]
