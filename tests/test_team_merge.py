"""Merging bundles and projects into a curation project: layers, documents matched by text, and every
refusal leaving the curation unchanged."""

from __future__ import annotations

import json

import pytest

from annotations import Project, Schema
from annotations.team import GOLD, META_KEY, MergeError, merge, write_bundle
from tests.team_data import ALICE, BOB, annotator_project, bundles, sample_article


def state(project):
    """Everything a merge could change, to prove a refused one changed nothing."""
    out = [project.schema.to_dict()]
    for doc, spans, events, relations in project.iter_annotated():
        out.append((doc.text, dict(doc.meta), doc.status, [(s.annotator, s.start, s.end, s.label) for s in spans],
                    [(e.annotator, e.type) for e in events], len(relations)))
    return json.dumps(out, ensure_ascii=False, sort_keys=True, default=str)


@pytest.fixture
def two(tmp_path):
    return bundles(tmp_path)


def test_merge_keeps_one_layer_per_annotator(tmp_path, two):
    with Project.open(tmp_path / "cur", annotator="carla") as cur:
        report = merge(cur, two)
        assert report.ok and report.created == 1 and report.documents_in == 2
        assert report.annotations_in == report.annotations_out == len(ALICE) + len(BOB) + 4
        (info,) = cur.documents()
        doc = cur.document(info.id)
        assert doc.text == sample_article()[0] and doc.title == sample_article()[1]
        assert doc.meta[META_KEY]["layers"] == ["alice", "bob"]
        assert doc.meta["published"] == "2023-09-17"
        spans = cur.spans(info.id)
        assert {s.annotator for s in spans} == {"alice", "bob"}
        assert sum(s.annotator == "alice" for s in spans) == len(ALICE) + 1
        events = cur.events(info.id)
        assert sorted(e.annotator for e in events) == ["alice", "bob"]
        for e in events:  # each layer's event points at that layer's spans
            assert cur.span(e.trigger).annotator == e.annotator
            assert all(cur.span(t).annotator == e.annotator for _, t in e.arguments)
        assert cur.annotator == "carla"


def test_merging_in_two_steps_updates_the_same_document(tmp_path, two):
    with Project.open(tmp_path / "cur") as cur:
        assert merge(cur, two[:1]).created == 1
        report = merge(cur, two[1:])
        assert report.created == 0 and report.updated == 1 and len(cur) == 1
        assert cur.document(cur.documents()[0].id).meta[META_KEY]["layers"] == ["alice", "bob"]


def test_same_annotator_twice_is_refused_or_replaced(tmp_path, two):
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, two)
        before = state(cur)
        with pytest.raises(MergeError, match=r"already merged: alice \(from alice.qalam.*--replace"):
            merge(cur, two[:1])
        assert state(cur) == before
        # alice re-annotates: one span less, and her bundle replaces her layer
        annotator_project(tmp_path / "alice2", "alice", ALICE[:-1])
        with Project.open(tmp_path / "alice2", readonly=True) as p:
            write_bundle(p, tmp_path / "alice2.qalam")
        report = merge(cur, [tmp_path / "alice2.qalam"], replace=True)
        assert report.replaced_layers == 1 and report.ok
        doc_id = cur.documents()[0].id
        assert sum(s.annotator == "alice" for s in cur.spans(doc_id)) == len(ALICE)
        assert sum(s.annotator == "bob" for s in cur.spans(doc_id)) == len(BOB) + 1
        assert sorted(e.annotator for e in cur.events(doc_id)) == ["alice", "bob"]


def test_the_same_annotator_in_two_sources_of_one_merge(tmp_path, two):
    annotator_project(tmp_path / "alice-bis", "alice", ALICE[:2])
    with Project.open(tmp_path / "cur") as cur:
        with pytest.raises(MergeError, match="alice appears in both"):
            merge(cur, [two[0], tmp_path / "alice-bis"])
        assert len(cur) == 0


def test_text_differing_by_one_character_is_kept_apart(tmp_path):
    text, _, _ = sample_article()
    changed = text.replace("أزمة", "ازمة", 1)
    annotator_project(tmp_path / "alice", "alice", ALICE)
    annotator_project(tmp_path / "bob", "bob", BOB, text=changed)
    with Project.open(tmp_path / "cur") as cur:
        report = merge(cur, [tmp_path / "alice", tmp_path / "bob"])
        assert not report.ok and len(report.kept_apart) == 1
        kept = report.kept_apart[0]
        assert kept["annotator"] == "bob" and f"at character {text.index('أزمة')}" in kept["reason"]
        assert len(cur) == 2
        main_doc = [d for d in cur.documents() if d.id != kept["doc"]][0]
        assert kept["differs_from"] == main_doc.id
        assert cur.document(main_doc.id).meta[META_KEY]["layers"] == ["alice"]
        apart = cur.document(kept["doc"])
        assert apart.text == changed and apart.meta[META_KEY]["kept_apart"]["differs_from"] == main_doc.id
        assert {s.annotator for s in cur.spans(kept["doc"])} == {"bob"}


def test_whitespace_difference_is_not_merged_silently(tmp_path):
    # the text hash collapses whitespace: the exact texts must still be compared
    text, _, _ = sample_article()
    annotator_project(tmp_path / "alice", "alice", ALICE)
    annotator_project(tmp_path / "bob", "bob", BOB, text=text.replace(" ", "  ", 1))
    with Project.open(tmp_path / "cur") as cur:
        report = merge(cur, [tmp_path / "alice", tmp_path / "bob"])
        assert len(report.kept_apart) == 1 and "differs" in report.kept_apart[0]["reason"]


def test_another_schema_lists_missing_labels_and_maps_them(tmp_path):
    with Project.open(tmp_path / "alice") as p:
        schema = p.schema
    renamed = Schema.from_dict(json.loads(json.dumps(schema.to_dict()).replace('"GPE"', '"COUNTRY"')))
    text, title, meta = sample_article()
    with Project.open(tmp_path / "bob", annotator="bob", schema=renamed) as p:
        d = p.add_document(text, title=title, meta=meta)
        p.add_span(d, text.index("تركيا"), text.index("تركيا") + 5, "COUNTRY")
        p.add_span(d, text.index("مصر"), text.index("مصر") + 3, "COUNTRY")
        write_bundle(p, tmp_path / "bob.qalam")
    annotator_project(tmp_path / "alice", "alice", ALICE)
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, [tmp_path / "alice"])
        before = state(cur)
        with pytest.raises(MergeError, match=r"lacks: COUNTRY \(label, used 2 times\).*--map THEIRS=OURS"):
            merge(cur, [tmp_path / "bob.qalam"])
        assert state(cur) == before
        with pytest.raises(MergeError, match="not in the curation's schema: NOPE"):
            merge(cur, [tmp_path / "bob.qalam"], label_map={"COUNTRY": "NOPE"})
        report = merge(cur, [tmp_path / "bob.qalam"], label_map={"COUNTRY": "GPE"})
        assert report.ok
        doc_id = cur.documents()[0].id
        assert [s.label for s in cur.spans(doc_id) if s.annotator == "bob"] == ["GPE", "GPE"]


def test_a_new_curation_takes_the_first_sources_schema(tmp_path):
    with Project.open(tmp_path / "alice") as p:
        base = p.schema.to_dict()
    base["entity_types"] = [*base["entity_types"], {**base["entity_types"][0], "name": "EXTRA", "key": None}]
    custom = Schema.from_dict(base)
    with Project.open(tmp_path / "bob", annotator="bob", schema=custom) as p:
        d = p.add_document("نص قصير عن إسطنبول")
        p.add_span(d, 11, 18, "EXTRA")
        write_bundle(p, tmp_path / "bob.qalam")
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, [tmp_path / "bob.qalam"])
        assert cur.schema.entity("EXTRA") is not None


def test_gold_is_not_an_annotator_name(tmp_path):
    annotator_project(tmp_path / "g", GOLD, ALICE)
    with Project.open(tmp_path / "cur") as cur:
        with pytest.raises(MergeError, match="adjudicated layer"):
            merge(cur, [tmp_path / "g"])


def test_damaged_bundle_changes_nothing(tmp_path, two):
    two[1].write_bytes(two[1].read_bytes()[:-40])
    with Project.open(tmp_path / "cur") as cur:
        with pytest.raises(Exception, match="bob.qalam"):
            merge(cur, two)
        assert len(cur) == 0


def test_project_folder_with_several_annotators_gives_several_layers(tmp_path):
    text, title, meta = sample_article()
    with Project.open(tmp_path / "shared", annotator="alice") as p:
        d = p.add_document(text, title=title, meta=meta)
        p.add_span(d, *_at(text, "تركيا"), "GPE")
        p.annotator = "bob"
        p.add_span(d, *_at(text, "تركيا"), "GPE")
        p.add_span(d, *_at(text, "مصر"), "GPE")
    with Project.open(tmp_path / "cur") as cur:
        report = merge(cur, [tmp_path / "shared"])
        assert report.ok and report.created == 1
        assert cur.document(cur.documents()[0].id).meta[META_KEY]["layers"] == ["alice", "bob"]
    with Project.open(tmp_path / "cur2") as other, pytest.raises(MergeError, match="is a curation project"):
        merge(other, [tmp_path / "cur"])


def _at(text, word):
    i = text.index(word)
    return i, i + len(word)


def test_differing_text_against_a_document_merged_earlier(tmp_path):
    text, _, _ = sample_article()
    annotator_project(tmp_path / "alice", "alice", ALICE)
    annotator_project(tmp_path / "bob", "bob", BOB, text=text + ".")
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, [tmp_path / "alice"])
        first = cur.documents()[0].id
        report = merge(cur, [tmp_path / "bob"])
        assert report.kept_apart[0]["differs_from"] == first
        assert f"at character {len(text)}" in report.kept_apart[0]["reason"]


def test_refuses_to_merge_into_an_annotators_own_project(tmp_path, two):
    folder = annotator_project(tmp_path / "carol", "carol", ALICE)
    with Project.open(folder) as p:
        before = state(p)
        with pytest.raises(MergeError, match="is not a curation project: 1 of its 1 documents"):
            merge(p, two)
        assert state(p) == before
