"""Built-in schemas for Arabic datasets: ACE 2005 (default), Wojood, ANERcorp, AQMAR."""

from __future__ import annotations

import re

import pytest

from annotations import Project
from annotations.builtin_schemas import BUILTIN_SCHEMAS, DEFAULT_SCHEMA
from annotations.schema import PRESETS, EntityType, Schema, ace2005

WOJOOD_TYPES = ["PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LANGUAGE",
                "WEBSITE", "LAW", "PRODUCT", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "UNIT", "MONEY", "CURR"]


def test_the_four_schemas_are_the_presets_every_chooser_lists():
    assert list(BUILTIN_SCHEMAS) == ["ACE 2005", "Wojood", "ANERcorp", "AQMAR"]
    assert PRESETS is BUILTIN_SCHEMAS and DEFAULT_SCHEMA == "ACE 2005"
    assert BUILTIN_SCHEMAS[DEFAULT_SCHEMA]() == ace2005() == Project.memory().schema


@pytest.mark.parametrize("name, types, nesting", [
    ("Wojood", WOJOOD_TYPES, True),
    ("ANERcorp", ["PER", "LOC", "ORG", "MISC"], False),
    ("AQMAR", ["PER", "LOC", "ORG", "MIS0", "MIS1", "MIS2", "MIS3"], False),
])
def test_dataset_schema_types_and_nesting(name, types, nesting):
    s = BUILTIN_SCHEMAS[name]()
    assert s.name == name and [t.name for t in s.entity_types] == types
    assert s.nesting is nesting and s.event_types == [] and s.relation_types == []


@pytest.mark.parametrize("name", list(BUILTIN_SCHEMAS))
def test_every_type_has_a_colour_a_unique_key_and_a_description(name):
    s = BUILTIN_SCHEMAS[name]()
    entity_keys = [t.key for t in s.entity_types]
    assert all(k and len(k) == 1 for k in entity_keys), entity_keys
    assert s.key_conflicts() == []
    assert len({k.lower() for k in entity_keys}) == len(entity_keys)
    colours = [t.color for t in s.entity_types]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == len(colours)  # types are told apart by colour in the reader
    assert all(t.description for t in s.entity_types)


@pytest.mark.parametrize("name", list(BUILTIN_SCHEMAS))
def test_chosen_at_creation_kept_on_reopen_and_editable(tmp_path, name):
    with Project.open(tmp_path / "p", schema=BUILTIN_SCHEMAS[name]()) as p:
        assert p.schema == BUILTIN_SCHEMAS[name]()
        edited = p.schema.copy()
        edited.entity_types.append(EntityType("EXTRA", "#123456", "k", "added by the user"))
        p.set_schema(edited)
    with Project.open(tmp_path / "p") as p:
        assert p.schema.name == name and p.schema.entity("EXTRA") is not None
        assert p.schema.nesting is BUILTIN_SCHEMAS[name]().nesting


def test_nesting_flag_is_written_only_when_off(tmp_path):
    assert "nesting" not in ace2005().to_dict()  # the shipped ace2005.json is unchanged
    flat = BUILTIN_SCHEMAS["AQMAR"]()
    assert flat.to_dict()["nesting"] is False
    flat.save(tmp_path / "aqmar.json")
    assert Schema.load(tmp_path / "aqmar.json").nesting is False
