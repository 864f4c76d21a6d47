"""The public Project API: every call, and every invalid call with nothing stored afterwards."""

from __future__ import annotations

import pytest

from annotations import (
    AnnotationError,
    DanglingReferenceError,
    InUseError,
    InvalidSpanError,
    NotFoundError,
    Project,
    TextLockedError,
    UnknownLabelError,
)
from annotations.schema import EntityType, Schema, ace2005
from tests.conftest import ARABIC_SAMPLE

TEXT = ARABIC_SAMPLE


def state(p: Project):
    """Everything observable through the API, to prove that a refused call stored nothing."""
    out = []
    for info in p.documents():
        doc = p.document(info.id)
        out.append((info, doc, p.spans(info.id), p.events(info.id), p.relations(info.id)))
    return out, p.schema.to_dict()


def offsets(word: str, text: str = TEXT, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


@pytest.fixture
def doc(project):
    return project.add_document(TEXT, title="روسيا تؤكد", meta={"source": "test", "published": "2023-10-05"})


def test_add_document_and_read_back(project, doc):
    d = project.document(doc)
    assert (d.id, d.text, d.title, d.status) == (doc, TEXT, "روسيا تؤكد", "new")
    assert d.meta["source"] == "test"
    [info] = project.documents()
    assert info.id == doc and info.length == len(TEXT) and info.n_annotations == 0
    assert info.meta == {"source": "test", "published": "2023-10-05"}
    assert project.duplicate_of(TEXT.replace(" ", "  ")) == doc
    assert project.duplicate_of("نص آخر") is None


def test_span_offsets_are_code_points(project, doc):
    # the emoji is one code point here (two UTF-16 units in Qt)
    start, end = offsets("🙂")
    sid = project.add_span(doc, start, end, "VALUE")
    assert project.span(sid).text == "🙂"
    # clitic: the entity inside بإسطنبول
    s, _ = offsets("بإسطنبول")
    gid = project.add_span(doc, s + 1, s + 8, "GPE", attributes={"k": "v"}, note="clitic ب")
    span = project.span(gid)
    assert span.text == "إسطنبول" and span.label == "GPE" and span.note == "clitic ب"
    assert span.attributes == {"k": "v"} and span.annotator == project.annotator
    assert [x.id for x in project.spans(doc)] == sorted([sid, gid], key=lambda i: project.span(i).start)


def test_invalid_spans_store_nothing(project, doc):
    before = state(project)
    n = len(TEXT)
    for args in [(-1, 3, "PER"), (3, 3, "PER"), (5, 2, "PER"), (0, n + 1, "PER"), (0, 3, "NOPE"),
                 (0, 3, None), ("0", 3, "PER"), (0.0, 3, "PER"), (True, 3, "PER")]:
        with pytest.raises(AnnotationError) as info:
            project.add_span(doc, *args)
        assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidSpanError):
        project.add_spans(doc, [dict(start=0, end=3, label="PER"), dict(start=9, end=2, label="PER")])
    with pytest.raises(NotFoundError):
        project.add_span("nosuchdoc", 0, 1, "PER")
    with pytest.raises(AnnotationError):
        project.add_span(doc, 0, 3, "PER", attributes={"x": object()})
    assert state(project) == before


def test_update_and_remove_span(project, doc):
    sid = project.add_span(doc, *offsets("روسيا"), "PER")
    project.update_span(sid, label="GPE", note="دولة")
    assert (project.span(sid).label, project.span(sid).note) == ("GPE", "دولة")
    before = state(project)
    with pytest.raises(UnknownLabelError):
        project.update_span(sid, label="BAD")
    with pytest.raises(InvalidSpanError):
        project.update_span(sid, end=10**6)
    with pytest.raises(AnnotationError):
        project.update_span(sid, colour="red")
    assert state(project) == before
    project.remove_span(sid)
    assert project.spans(doc) == []
    with pytest.raises(NotFoundError):
        project.remove_span(sid)


def _meeting(project, doc):
    place = project.add_span(doc, *offsets("إسطنبول"), "GPE")
    eu = project.add_span(doc, *offsets("الاتحاد الأوروبي"), "ORG")
    us = project.add_span(doc, *offsets("الولايات المتحدة"), "GPE")
    ru = project.add_span(doc, *offsets("روسيا"), "GPE")
    when = project.add_span(doc, *offsets("17 سبتمبر/أيلول 2023"), "TIME")
    trig = project.add_span(doc, *offsets("اجتماعاً"), "Contact.Meet")
    ev = project.add_event(
        doc, "Contact.Meet", trigger=trig,
        arguments=[("Place", place), ("Entity", eu), ("Entity", us), ("Entity", ru), ("Time-Within", when)],
        attributes={"Polarity": "Positive", "Tense": "Past"},
    )
    return ev, dict(place=place, eu=eu, us=us, ru=ru, when=when, trig=trig)


def test_event_api(project, doc):
    ev, ids = _meeting(project, doc)
    e = project.event(ev)
    assert e.type == "Contact.Meet" and e.trigger == ids["trig"] and e.text == "اجتماعاً"
    assert [r for r, _ in e.arguments] == ["Place", "Entity", "Entity", "Entity", "Time-Within"]
    assert e.attributes["Tense"] == "Past"
    assert project.events(doc) == [e]
    project.remove_argument(ev, "Entity", ids["ru"])
    project.add_argument(ev, "Entity", ids["ru"])
    assert len(project.event(ev).arguments) == 5
    project.remove_event(ev)
    assert project.events(doc) == [] and project.span(ids["trig"])  # trigger kept
    info = project.documents()[0]
    assert (info.n_spans, info.n_events) == (6, 0)


def test_invalid_events_store_nothing(project, doc):
    ev, ids = _meeting(project, doc)
    other = project.add_document("نص آخر عن موسكو", title="آخر")
    moscow = project.add_span(other, 8, 13, "GPE")
    before = state(project)
    bad_calls = [
        dict(event_type="Nope.Nope", trigger=ids["trig"]),
        dict(event_type="Conflict.Attack", trigger=ids["trig"]),          # trigger label differs
        dict(event_type="Contact.Meet", trigger=ids["place"]),           # not a trigger label
        dict(event_type="Contact.Meet", trigger=ids["trig"], arguments=[("Victim", ids["ru"])]),  # bad role
        dict(event_type="Contact.Meet", trigger=ids["trig"], arguments=[("Place", ids["when"])]),  # TIME as Place
        dict(event_type="Contact.Meet", trigger=ids["trig"], arguments=[("Place", moscow)]),  # other doc
        dict(event_type="Contact.Meet", trigger=ids["trig"], arguments=[("Place", doc + ":T999")]),
        dict(event_type="Contact.Meet", trigger=ids["trig"], arguments=["Place"]),
        dict(event_type="Contact.Meet", trigger=ids["trig"], attributes={"Polarity": "Maybe"}),
    ]
    for kwargs in bad_calls:
        with pytest.raises(AnnotationError):
            project.add_event(doc, **kwargs)
    with pytest.raises(InUseError):
        project.remove_span(ids["place"])
    with pytest.raises(InUseError):
        project.remove_span(ids["trig"])
    with pytest.raises(InUseError):
        project.update_span(ids["place"], label="PER")  # PER cannot be a Place
    with pytest.raises(UnknownLabelError):
        project.add_argument(ev, "Attacker", ids["ru"])
    with pytest.raises(NotFoundError):
        project.remove_argument(ev, "Entity", ids["place"])
    assert state(project) == before


def test_cascade_removal_and_undo(project, doc):
    ev, ids = _meeting(project, doc)
    project.remove_span(ids["place"], cascade=True)
    assert all(t != ids["place"] for _, t in project.event(ev).arguments)
    assert project.check() == []
    project.revert(project.last_change)
    assert ("Place", ids["place"]) in project.event(ev).arguments
    project.remove_span(ids["trig"], cascade=True)  # removing a trigger removes its event
    assert project.events(doc) == []
    undo = project.last_change
    project.revert(undo)
    assert project.event(ev).trigger == ids["trig"]
    project.apply(undo)
    assert project.events(doc) == []


def test_event_as_argument_and_relations(tmp_path):
    schema = ace2005()
    # a custom role that takes another event, as brat allows
    attack = schema.event("Conflict.Attack")
    from annotations.schema import Role
    attack.roles.append(Role("Cause", ["Contact.Meet"]))
    p = Project.memory(schema=schema)
    d = p.add_document(TEXT)
    ev, ids = _meeting(p, d)
    trig2 = p.add_span(d, *offsets("قال"), "Conflict.Attack")
    ev2 = p.add_event(d, "Conflict.Attack", trig2, [("Cause", ev)])
    assert p.event(ev2).arguments == (("Cause", ev),)
    with pytest.raises(InUseError):
        p.remove_event(ev)
    rel = p.add_relation("GEN-AFF.Org-Location", ids["eu"], ids["place"])
    r = p.relation(rel)
    assert (r.type, r.arg1, r.arg2) == ("GEN-AFF.Org-Location", ids["eu"], ids["place"])
    assert p.relations(d) == [r]
    before = state(p)
    for args in [("NOPE", ids["eu"], ids["place"]), ("GEN-AFF.Org-Location", ids["eu"], ids["eu"]),
                 ("GEN-AFF.Org-Location", ids["when"], ids["place"]),
                 ("GEN-AFF.Org-Location", ids["eu"], d + ":T404")]:
        with pytest.raises(AnnotationError):
            p.add_relation(*args)
    assert state(p) == before
    p.remove_event(ev, remove_trigger=True, cascade=True)
    assert [e.id for e in p.events(d)] == [ev2] and p.event(ev2).arguments == ()
    p.remove_relation(rel)
    assert p.relations(d) == [] and p.check() == []


def test_status_title_meta_and_text_lock(project, doc):
    project.set_status(doc, "in progress")
    project.update_document(doc, title="عنوان جديد", meta={"source": "x"})
    d = project.document(doc)
    assert (d.status, d.title, dict(d.meta)) == ("in progress", "عنوان جديد", {"source": "x"})
    project.set_text(doc, TEXT + " ")
    before = state(project)
    with pytest.raises(AnnotationError):
        project.set_status(doc, "finished")
    with pytest.raises(AnnotationError):
        project.update_document(doc, status="done")
    with pytest.raises(AnnotationError):
        project.add_document("a\x00b")
    project.add_span(doc, 0, 4, "LOC")
    before = state(project)
    with pytest.raises(TextLockedError):
        project.set_text(doc, "نص")
    assert state(project) == before
    assert [d.id for d in project.iter_documents(status="in progress")] == [doc]
    assert list(project.iter_documents(status=["done"])) == []


def test_remove_document_is_undoable(project, doc):
    _meeting(project, doc)
    snapshot = state(project)
    project.remove_document(doc)
    assert project.documents() == []
    project.revert(project.last_change)
    assert state(project) == snapshot


def test_undo_refuses_after_conflicting_edit(project, doc):
    sid = project.add_span(doc, 0, 4, "LOC")
    change = project.last_change
    project.remove_span(sid)
    with pytest.raises(AnnotationError):
        project.revert(change)  # the span it would remove is already gone


def test_subscribers_see_every_change(project, doc):
    seen = []
    project.subscribe(seen.append)
    sid = project.add_span(doc, 0, 4, "LOC")
    project.revert(project.last_change)
    project.unsubscribe(seen.append)
    project.add_span(doc, 0, 4, "LOC")
    assert [c.description for c in seen] == ["add LOC span", "undo add LOC span"]
    assert sid.startswith(doc + ":T")


def test_schema_rename_and_remove(project, doc):
    ev, ids = _meeting(project, doc)
    project.rename_type("entity", "GPE", "GeoPol")
    assert project.span(ids["place"]).label == "GeoPol"
    assert "GeoPol" in project.schema.event("Contact.Meet").role("Place").types
    project.rename_type("event", "Contact.Meet", "Contact.Meeting")
    assert project.event(ev).type == "Contact.Meeting" and project.span(ids["trig"]).label == "Contact.Meeting"
    project.rename_type("role", "Entity", "Participant")
    assert [r for r, _ in project.event(ev).arguments].count("Participant") == 3
    project.rename_type("attribute", "Tense", "Time-Frame")
    assert project.event(ev).attributes == {"Polarity": "Positive", "Time-Frame": "Past"}
    assert project.check() == []
    assert project.usage("entity", "GeoPol") == 3
    before = state(project)
    with pytest.raises(InUseError, match="3 annotation"):
        project.remove_type("entity", "GeoPol")
    assert state(project) == before
    project.remove_type("entity", "GeoPol", cascade=True)
    assert project.schema.entity("GeoPol") is None and project.check() == []
    project.revert(project.last_change)
    assert state(project) == before


def test_set_schema_refuses_missing_labels(project, doc):
    project.add_span(doc, 0, 4, "LOC")
    small = Schema("tiny", [EntityType("PER")])
    with pytest.raises(AnnotationError, match="LOC"):
        project.set_schema(small)
    project.set_schema(Schema("tiny", [EntityType("LOC", key="l")]))
    assert [t.name for t in project.schema.entity_types] == ["LOC"]


def test_import_document_is_all_or_nothing(project):
    text = "التقى بلينكن لافروف في الهند"
    doc_id, ids = project.import_document(
        text, title="t",
        spans=[dict(ref="a", start=6, end=12, label="PER"), dict(ref="b", start=13, end=18, label="PER"),
               dict(ref="t", start=0, end=5, label="Contact.Meet")],
        events=[dict(ref="e", type="Contact.Meet", trigger="t", arguments=[["Entity", "a"], ["Entity", "b"]])],
        relations=[dict(ref="r", type="PER-SOC.Business", arg1="a", arg2="b")],
    )
    assert project.event(ids["e"]).arguments == (("Entity", ids["a"]), ("Entity", ids["b"]))
    assert project.relation(ids["r"]).arg2 == ids["b"]
    before = state(project)
    with pytest.raises(DanglingReferenceError):
        project.import_document(text, spans=[dict(ref="a", start=6, end=12, label="PER")],
                                events=[dict(type="Contact.Meet", trigger="zz")])
    with pytest.raises(InvalidSpanError, match="span x"):
        project.import_document(text, spans=[dict(ref="x", start=6, end=99, label="PER")])
    assert state(project) == before


def test_check_and_stats(project, doc):
    _meeting(project, doc)
    project.set_status(doc, "done")
    stats = project.stats()
    assert stats["documents"] == 1 and stats["status"]["done"] == 1
    assert stats["labels"]["GPE"] == 3 and stats["events"] == {"Contact.Meet": 1}
    assert project.check() == []


def test_closed_project_refuses(tmp_path):
    p = Project.open(tmp_path / "p")
    p.close()
    p.close()
    with pytest.raises(Exception, match="closed"):
        p.documents()


def test_usage_of_document_info_and_bulk_spans(project, doc):
    ev, ids = _meeting(project, doc)
    assert project.usage_of(ids["place"]) == [ev]
    assert project.usage_of(ids["trig"]) == [ev]
    info = project.document_info(doc)
    assert (info.n_spans, info.n_events, info.title) == (6, 1, "روسيا تؤكد")
    new = project.add_spans(doc, [dict(start=0, end=4, label="LOC"), dict(start=0, end=2, label="PER")])
    assert len(new) == 2 and project.document_info(doc).n_spans == 8
    project.revert(project.last_change)  # a bulk add is one undo step
    assert project.document_info(doc).n_spans == 6
    assert project.add_spans(doc, []) == []
    assert len(project) == 1 and "1 documents" in repr(project)


def test_many_documents_survive_periodic_compaction(tmp_path):
    from annotations.store import store as project_module

    with Project.open(tmp_path / "p") as p:
        ids = [p.add_document(f"وثيقة {i}") for i in range(4 * project_module.CACHE_SIZE + 10)]
        for d in ids[:5]:
            p.add_span(d, 0, 5, "LOC")
        # compaction also empties the document cache down to its size: memory stays bounded
        limit = 4 * project_module.CACHE_SIZE
        assert len(p._store.cache) <= limit and len(p._store.dirty) <= limit
        more = [p.add_document(f"مقال {i}") for i in range(4 * project_module.CACHE_SIZE)]
        assert len(p._store.cache) <= 4 * project_module.CACHE_SIZE + 1
        ids += more
        assert not (tmp_path / "p" / "journal").stat().st_size > project_module.JOURNAL_LIMIT
    with Project.open(tmp_path / "p") as p:
        assert [i.id for i in p.documents()] == ids
        assert sum(i.n_spans for i in p.documents()) == 5
        assert p.warnings == []


def test_set_schema_refuses_dropped_role_or_disallowed_argument_type(project, doc):
    ev, ids = _meeting(project, doc)
    no_place = ace2005()
    meet = no_place.event("Contact.Meet")
    meet.roles = [r for r in meet.roles if r.name != "Place"]
    before = state(project)
    with pytest.raises(AnnotationError, match="role Place is not defined"):
        project.set_schema(no_place)
    narrower = ace2005()
    narrower.event("Contact.Meet").role("Entity").types = ["PER"]
    with pytest.raises(AnnotationError, match="the role takes PER"):
        project.set_schema(narrower)
    assert state(project) == before


def test_a_failing_subscriber_does_not_fail_the_saved_change(project, doc, caplog):
    def broken(change):
        raise RuntimeError("view exploded")

    project.subscribe(broken)
    sid = project.add_span(doc, 0, 4, "LOC")
    assert project.span(sid).label == "LOC"
    assert "view exploded" in caplog.text


def test_iter_annotated_matches_the_single_calls(project, doc):
    ev, ids = _meeting(project, doc)
    other = project.add_document("نص آخر")
    project.set_status(doc, "done")
    rows = list(project.iter_annotated())
    assert [r[0].id for r in rows] == [doc, other]
    d, spans, events, relations = rows[0]
    assert (d, spans, events, relations) == (project.document(doc), project.spans(doc), project.events(doc),
                                             project.relations(doc))
    assert [r[0].id for r in project.iter_annotated(status="done")] == [doc]


def test_add_documents_is_one_step_and_all_or_nothing(project):
    ids = project.add_documents(dict(text=f"مقال رقم {i}", title=f"عنوان {i}", meta={"n": i}) for i in range(5))
    assert [d.id for d in project.documents()] == ids
    assert project.document(ids[3]).meta == {"n": 3}
    assert project.last_change.description == "add 5 documents"
    before = state(project)
    with pytest.raises(AnnotationError, match="document 2"):
        project.add_documents([dict(text="جيد"), dict(text="سيء\x00")])
    assert state(project) == before
    project.revert(project.last_change)
    assert project.documents() == []
    assert project.add_documents([]) == []


def test_documents_filter_by_status_and_stay_fresh(project):
    a = project.add_document("أ")
    b = project.add_document("ب")
    project.set_status(b, "done")
    assert [i.id for i in project.documents(status="done")] == [b]
    assert [i.id for i in project.documents(status=["new", "done"])] == [a, b]
    project.set_status(a, "done")  # the kept list follows every change
    assert [i.id for i in project.documents(status="done")] == [a, b]
    project.remove_document(a)
    assert [i.id for i in project.documents()] == [b]
    with pytest.raises(TypeError):
        project.documents()[0].meta["x"] = 1  # read-only: the list is shared until the next change


def test_undo_of_a_removal_brings_back_the_document_as_it_was_removed(tmp_path):
    with Project.open(tmp_path / "proj") as p:
        doc = p.add_document("قال هاكان فيدان في إسطنبول")
    with Project.open(tmp_path / "proj") as p:
        kept = p.add_span(doc, 4, 15, "PER")
        gone = p.add_span(doc, 19, 26, "GPE")
        p.compact()  # both spans in the document's file
        p.remove_span(gone)  # journaled, not yet in the file
        p.remove_document(doc)
        p.revert(p.last_change)  # the old file is still there until compaction
        assert [s.id for s in p.spans(doc)] == [kept]
    with Project.open(tmp_path / "proj") as p:
        assert [s.id for s in p.spans(doc)] == [kept]


def test_undo_out_of_order_is_refused(tmp_path):
    with Project.open(tmp_path / "proj") as p:
        doc = p.add_document("قال هاكان فيدان في إسطنبول")
        p.add_span(doc, 4, 15, "PER")
        first = p.last_change
        p.add_span(doc, 19, 26, "GPE")
        with pytest.raises(AnnotationError, match="undo the later changes first"):
            p.revert(first)
        assert len(p.spans(doc)) == 2
        p.revert(p.last_change)
        p.revert(first)
        assert p.spans(doc) == []
