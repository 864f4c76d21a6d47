"""Adjudication into the gold layer through the API: each decision, progress, undo, and the export
of a curation project giving the gold layer by default."""

from __future__ import annotations

import json

import pytest

from annotations import AnnotationError, Project
from annotations.formats import export
from annotations.team import FROM_ATTR, GOLD, merge
from annotations.team.adjudication import Adjudication
from tests.team_data import ALICE, BOB, bundles, sample_article


@pytest.fixture
def cur(tmp_path):
    with Project.open(tmp_path / "cur", annotator="carla") as project:
        merge(project, bundles(tmp_path))
        yield project


def gold(project):
    doc_id = project.documents()[0].id
    return sorted((s.start, s.end, s.label, s.attributes.get(FROM_ATTR)) for s in project.spans(doc_id)
                  if s.annotator == GOLD)


def word(w):
    text = sample_article()[0]
    i = text.index(w)
    return i, i + len(w)


def test_disagreements_and_their_kinds(cur):
    adj = Adjudication(cur)
    found = {(c.kind, tuple(sorted(s.text for spans in c.candidates.values() for s in spans)))
             for c in adj.disagreements()}
    assert found == {
        ("missing", ("الأردن",)),
        ("missing", ("المنطقة",)),
        ("label", ("أنقرة", "أنقرة")),
        ("extent", ("هاكان فيدان", "وزير الخارجية التركي هاكان فيدان")),
    }
    assert str(adj.progress()) == "0 of 4 resolved"


def test_accept_agreed_in_one_step_then_each_decision(cur):
    adj = Adjudication(cur)
    assert adj.accept_agreed() == 4  # إسطنبول تركيا مصر and the trigger
    assert len(gold(cur)) == 4 and all(g[3] == "alice,bob" for g in gold(cur))
    assert adj.accept_agreed() == 0
    by_kind = {c.kind + ("-" + c.candidates["alice"][0].text if c.kind == "missing" and c.candidates["alice"]
                         else ""): c for c in adj.disagreements()}
    adj.take(by_kind["label"], ["bob"])  # أنقرة LOC
    adj.take(by_kind["extent"], ["alice"])  # the short name
    adj.take(by_kind["missing-الأردن"], ["alice"])
    assert str(adj.progress()) == "3 of 4 resolved"
    assert cur.document(cur.documents()[0].id).status == "new"
    adj.reject(by_kind["missing"])  # bob's المنطقة
    assert str(adj.progress()) == "4 of 4 resolved"
    assert adj.next_disagreement() is None
    g = gold(cur)
    assert (*word("أنقرة"), "LOC", "bob") in g
    assert (*word("هاكان فيدان"), "PER", "alice") in g
    assert (*word("الأردن"), "GPE", "alice") in g
    assert not any(x[:2] == word("المنطقة") for x in g)
    assert cur.document(cur.documents()[0].id).status == "done"  # every cluster decided


def test_take_both_edit_and_redeciding(cur):
    adj = Adjudication(cur)
    extent = next(c for c in adj.disagreements() if c.kind == "extent")
    adj.take_all(extent)
    assert {(g[0], g[1]) for g in gold(cur)} == {word("هاكان فيدان"), word("وزير الخارجية التركي هاكان فيدان")}
    assert adj.decision(extent) == "take all"
    s, e = word("الخارجية التركي هاكان فيدان")
    adj.edit(extent, [(s, e, "PER")])
    assert gold(cur) == [(s, e, "PER", "curator")]  # nobody had this extent
    with pytest.raises(AnnotationError, match="outside the disagreement"):
        adj.edit(extent, [(0, 3, "PER")])
    with pytest.raises(AnnotationError, match="zoe has no layer"):
        adj.take(extent, ["zoe"])
    with pytest.raises(AnnotationError, match="unknown span label"):
        adj.edit(extent, [(s, e, "NOPE")])
    assert gold(cur) == [(s, e, "PER", "curator")]  # refused decisions store nothing


def test_undo_and_redo_of_decisions(cur):
    adj = Adjudication(cur)
    adj.accept_agreed()
    after_accept = gold(cur)
    label = next(c for c in adj.disagreements() if c.kind == "label")
    adj.take(label, ["alice"])
    change = cur.last_change
    assert str(adj.progress()) == "1 of 4 resolved"
    cur.revert(change)
    assert gold(cur) == after_accept and adj.decision(label) is None
    assert str(adj.progress()) == "0 of 4 resolved"
    cur.apply(change)
    assert adj.decision(label) == "take alice" and len(gold(cur)) == 5


def test_next_disagreement_walks_in_text_order(cur):
    adj = Adjudication(cur)
    first = adj.next_disagreement()
    seen = [first]
    while True:
        nxt = adj.next_disagreement(seen[-1])
        if nxt.key == first.key:
            break
        seen.append(nxt)
    assert [c.start for c in seen] == sorted(c.start for c in adj.disagreements())
    adj.reject(first)
    assert adj.next_disagreement().key == seen[1].key


def test_export_of_a_curation_project_is_the_gold_layer(cur, tmp_path):
    adj = Adjudication(cur)
    adj.accept_agreed()
    for c in adj.disagreements():
        adj.take(c, ["alice"])
    out = tmp_path / "gold.jsonl"
    report = export(cur, "jsonl", out)  # default options: done documents, gold layer
    assert report.documents == 1
    (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert {s["annotator"] for s in doc["spans"]} == {GOLD}
    assert len(doc["spans"]) == len(ALICE) + 1
    everyone = tmp_path / "all.jsonl"
    export(cur, "jsonl", everyone, {"annotator": "*"})
    (doc,) = [json.loads(line) for line in everyone.read_text(encoding="utf-8").splitlines()[1:]]
    assert {s["annotator"] for s in doc["spans"]} == {GOLD, "alice", "bob"}
    bob_only = tmp_path / "bob.jsonl"
    export(cur, "jsonl", bob_only, {"annotator": "bob"})
    (doc,) = [json.loads(line) for line in bob_only.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(doc["spans"]) == len(BOB) + 1


def test_not_a_curation_document(tmp_path):
    with Project.open(tmp_path / "p") as p:
        d = p.add_document("نص")
        with pytest.raises(AnnotationError, match="not a curation document"):
            Adjudication(p).clusters(d)
        assert Adjudication(p).documents() == []


def test_gold_events_and_relations_follow_the_gold_spans(tmp_path):
    from tests.team_data import annotator_project

    for name in ("alice", "bob"):
        folder = annotator_project(tmp_path / name, name, ALICE if name == "alice" else BOB)
        with Project.open(folder, annotator=name) as p:
            doc = p.documents()[0].id
            spans = {s.text: s.id for s in p.spans(doc)}
            p.add_relation("PART-WHOLE.Geographical", spans["إسطنبول"], spans["تركيا"])
            if name == "alice":  # the minister is an Entity of the meeting for alice only
                meet = p.events(doc)[0]
                p.add_argument(meet.id, "Entity", spans["هاكان فيدان"])
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, [tmp_path / "alice", tmp_path / "bob"])
        adj = Adjudication(cur)
        adj.accept_agreed()
        doc = cur.documents()[0].id

        def gold_events():
            where = {s.id: s.text for s in cur.spans(doc)}
            return [(e.type, sorted((r, where[t]) for r, t in e.arguments), e.attributes.get(FROM_ATTR))
                    for e in cur.events(doc) if e.annotator == GOLD]

        assert gold_events() == [("Contact.Meet", [("Place", "إسطنبول")], "alice,bob")]
        rels = [r for r in cur.relations(doc) if r.annotator == GOLD]
        assert [(r.type, cur.span(r.arg1).text, cur.span(r.arg2).text) for r in rels] == \
            [("PART-WHOLE.Geographical", "إسطنبول", "تركيا")]
        assert rels[0].attributes[FROM_ATTR] == "alice,bob"
        # deciding the minister's extent for alice brings her argument into the gold event
        extent = next(c for c in adj.disagreements() if c.kind == "extent")
        adj.take(extent, ["alice"])
        assert gold_events() == [("Contact.Meet", [("Entity", "هاكان فيدان"), ("Place", "إسطنبول")], "alice,bob")]
        cur.revert(cur.last_change)
        assert gold_events() == [("Contact.Meet", [("Place", "إسطنبول")], "alice,bob")]
        assert cur.check() == []
