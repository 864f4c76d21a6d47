"""Document packs: bulk-added documents share one file until their first change (see project.py)."""

from __future__ import annotations

import json

import pytest

from annotations import AnnotationError, Project, ProjectCorruptError
from annotations.project import PACK_SUFFIX

ARTICLES = [
    {"text": "شهدت إسطنبول اجتماعاً بشأن قره باغ.", "title": "اجتماع", "meta": {"source": "CNN Türk"}},
    {"text": "قال هاكان فيدان إن 𝕏 ليست منصة رسمية.", "title": None},
    {"text": "وصل الوفد إلى بغداد في ١٧ أيلول ٢٠٢٣.", "title": "وفد", "status": "done"},
]


def _packs(proj):
    return sorted((proj / "docs").glob("*" + PACK_SUFFIX))


def _own_files(proj):
    return sorted(p for p in (proj / "docs").glob("*.json") if not p.name.endswith(PACK_SUFFIX))


def _pack_ids(path):
    return {r["id"] for r in json.loads(path.read_text(encoding="utf-8"))["documents"].values()}


def _crash(project):
    """Stop without closing: no compaction, no index write (as if the process was killed)."""
    project._store.journal.close()
    project._store.lock.release()


def test_bulk_add_writes_one_pack_and_reopens_from_the_index_cache(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
        assert len(_packs(proj)) == 1 and _own_files(proj) == []  # written before close
        assert [p.document(i).text for i in ids] == [a["text"] for a in ARTICLES]
    assert _pack_ids(_packs(proj)[0]) == set(ids)
    with Project.open(proj) as q:
        assert q.warnings == []  # the index cache matched the pack: nothing re-read
        assert [i.id for i in q.documents()] == ids
        docs = [q.document(i) for i in ids]
        assert [d.title for d in docs] == ["اجتماع", None, "وفد"]
        assert docs[0].meta["source"] == "CNN Türk"
        assert q.document_info(ids[2]).status == "done"
        assert q.duplicate_of(ARTICLES[1]["text"]) == ids[1]


def test_first_change_moves_a_document_out_of_its_pack(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
        span = p.add_span(ids[0], 5, 12, "GPE")  # إسطنبول without the ب
    assert [f.stem for f in _own_files(proj)] == [ids[0]]
    assert _pack_ids(_packs(proj)[0]) == set(ids[1:])
    with Project.open(proj) as q:
        assert q.warnings == []
        assert q.span(span).text == "إسطنبول"
        assert q.document(ids[1]).text == ARTICLES[1]["text"]
        assert q.check() == []


def test_removed_packed_document_goes_to_trash_and_undo_brings_it_back(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
        p.remove_document(ids[1])
        removal = p.last_change
        p.remove_document(ids[2])
        p.revert(removal)  # undo the first removal before anything is compacted
    assert _pack_ids(_packs(proj)[0]) == {ids[0]}
    trashed = list((proj / "trash").glob(f"{ids[2]}.*.json"))
    assert len(trashed) == 1
    assert json.loads(trashed[0].read_text(encoding="utf-8"))["document"]["1"]["text"] == ARTICLES[2]["text"]
    with Project.open(proj) as q:
        assert {i.id for i in q.documents()} == {ids[0], ids[1]}
        assert q.document(ids[1]).text == ARTICLES[1]["text"]


def test_undoing_a_bulk_add_removes_the_pack(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        p.add_documents(ARTICLES)
        p.revert(p.last_change)
        assert len(p) == 0
    assert _packs(proj) == []
    with Project.open(proj) as q:
        assert len(q) == 0


def test_changes_to_packed_documents_survive_a_crash(tmp_path):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    ids = p.add_documents(ARTICLES)
    span = p.add_span(ids[1], 4, 15, "PER")
    p.set_status(ids[0], "done")
    p.remove_document(ids[2])
    _crash(p)
    with Project.open(proj) as q:
        assert any("recovered" in w for w in q.warnings)
        assert {i.id for i in q.documents()} == {ids[0], ids[1]}
        assert q.span(span).text == "هاكان فيدان"
        assert q.document(ids[1]).text == ARTICLES[1]["text"]  # seeded from the pack, not lost
        assert q.document_info(ids[0]).status == "done"
        assert q.check() == []
    assert list((proj / "trash").glob(f"{ids[2]}.*.json"))
    # the pack is rewritten without the removed document, and without the two that moved out
    assert _packs(proj) == []


def test_a_document_in_both_its_own_file_and_its_pack_is_read_from_its_own_file(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
    pack = _packs(proj)[0]
    before = pack.read_bytes()
    with Project.open(proj) as p:
        span = p.add_span(ids[0], 5, 12, "GPE")
    # a crash after the document's own file was written but before its pack was rewritten
    pack.write_bytes(before)
    with Project.open(proj) as q:
        assert [s.id for s in q.spans(ids[0])] == [span]
        assert len(q) == 3
    assert ids[0] not in _pack_ids(_packs(proj)[0])  # the stale copy is dropped at compaction


def test_a_pack_written_after_the_last_index_is_found_on_open(tmp_path):
    proj = tmp_path / "proj"
    p = Project.open(proj)
    ids = p.add_documents(ARTICLES)
    _crash(p)
    with Project.open(proj) as q:
        assert [i.id for i in q.documents()] == ids


@pytest.mark.parametrize("damage", [b"", b'{"documents": {"1": {"id": "x"', b'{"documents": 3}'])
def test_damaged_pack_is_named(tmp_path, damage):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        p.add_documents(ARTICLES)
    pack = _packs(proj)[0]
    pack.write_bytes(damage)
    with pytest.raises(ProjectCorruptError, match=pack.name):
        Project.open(proj)


def test_bulk_add_refuses_non_json_meta_and_stores_nothing(tmp_path):
    import datetime

    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        for bad_meta in ({"when": object()}, {"when": datetime.datetime(2024, 1, 2)}, {1: "x"}):
            with pytest.raises(AnnotationError, match="document 2: meta"):
                p.add_documents([ARTICLES[0], {"text": "نص", "meta": bad_meta}])
            assert len(p) == 0 and _packs(proj) == []
        with pytest.raises(AnnotationError, match="document 1: must be a dict"):
            p.add_documents(["نص"])
        with pytest.raises(AnnotationError, match="document 2: .*UTF-8"):
            p.add_documents([ARTICLES[0], {"text": "نص", "title": "\ud800"}])
        with pytest.raises(AnnotationError, match="UTF-8"):
            p.add_document("نص", title="\udfff")
        assert len(p) == 0 and _packs(proj) == []
        ids = p.add_documents([{"text": "نص آخر", "meta": {"fields": {"عمود": [1, 2.5, None]}}}])
        assert p.document(ids[0]).meta["fields"] == {"عمود": [1, 2.5, None]}


def test_meta_reads_back_as_stored(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        docs = p.add_documents([{"text": "نص", "meta": {"score": float("nan")}},
                                {"text": "نص آخر", "meta": {"big": 2**70 + 1, "nested": {1: "ب"}}}])
        single = p.add_document("نص ثالث", meta={"big": 2**70 + 1})
        stored = [p.document(d).meta for d in docs]
        assert stored == [{"score": None}, {"big": 2**70 + 1, "nested": {"1": "ب"}}]  # JSON, as in the file
        assert type(stored[1]["big"]) is int and p.document(single).meta["big"] == 2**70 + 1
    with Project.open(proj) as q:
        again = [q.document(d).meta for d in docs]
        assert again == stored and type(again[1]["big"]) is int
        assert q.document(single).meta["big"] == 2**70 + 1


def test_meta_that_only_the_json_module_writes_is_kept(tmp_path):
    # a 70-bit integer sends the encoding to the json module, which writes NaN as NaN
    with Project.open(tmp_path / "proj") as p:
        (doc,) = p.add_documents([{"text": "نص", "meta": {"big": 2**70, "x": float("inf")}}])
        assert p.document(doc).meta == {"big": 2**70, "x": float("inf")}
    with Project.open(tmp_path / "proj") as q:
        assert q.document(doc).meta == {"big": 2**70, "x": float("inf")}


def test_one_packed_document_is_read_without_parsing_its_pack(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
    with Project.open(proj) as q:
        assert q.document(ids[1]).text == ARTICLES[1]["text"]
        assert q._store.packs._parsed == {}  # read from its place in the file
        span = q.add_span(ids[1], 4, 15, "PER")
    with Project.open(proj) as q:
        assert q.span(span).text == "هاكان فيدان"
        assert [q.document(i).text for i in (ids[0], ids[2])] == [ARTICLES[0]["text"], ARTICLES[2]["text"]]


def test_a_pack_rewritten_in_another_json_layout_still_reads(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
    pack = _packs(proj)[0]
    pack.write_text(json.dumps(json.loads(pack.read_text(encoding="utf-8")), ensure_ascii=False, indent=2),
                    encoding="utf-8")
    with Project.open(proj) as q:
        assert any("re-indexed" in w for w in q.warnings)
        assert [q.document(i).text for i in ids] == [a["text"] for a in ARTICLES]
        q.add_span(ids[0], 5, 12, "GPE")
    with Project.open(proj) as q:
        assert q.check() == [] and len(q) == 3


def test_wrong_places_in_the_index_fall_back_to_reading_the_pack(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
    meta_file = proj / "project.json"
    data = json.loads(meta_file.read_text(encoding="utf-8"))
    summaries = list(data["index"].values())
    places = [s["pack_at"] for s in summaries]
    summaries[0]["pack_at"] = [3, 40]  # inside the file's head
    summaries[1]["pack_at"], summaries[2]["pack_at"] = places[2], places[1]  # each other's records
    meta_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(proj) as q:
        assert [q.document(i).text for i in ids] == [a["text"] for a in ARTICLES]


def test_a_damaged_pack_is_restored_from_its_backup(tmp_path):
    from annotations.project import restore_file

    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES)
        span = p.add_span(ids[0], 5, 12, "GPE")  # moves ids[0] out: the pack is rewritten, with a .bak
    pack = _packs(proj)[0]
    assert pack.with_name(pack.name + ".bak").exists()
    pack.write_bytes(pack.read_bytes()[:50])
    with pytest.raises(ProjectCorruptError, match=f"restore PROJECT {pack.name}"):
        Project.open(proj)
    assert "restored" in restore_file(proj, pack.name)
    with Project.open(proj) as q:  # the backup still lists ids[0]; its own file wins
        assert [q.document(i).text for i in ids] == [a["text"] for a in ARTICLES]
        assert q.span(span).text == "إسطنبول"
        assert q.check() == []


@pytest.mark.parametrize("last", [False, True])
def test_removed_again_after_undo_still_goes_to_the_trash(tmp_path, last):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        ids = p.add_documents(ARTICLES[:1] if last else ARTICLES)
        p.remove_document(ids[0])
        removal = p.last_change
        p.revert(removal)
        p.apply(removal)
        assert ids[0] not in {i.id for i in p.documents()}
    trashed = list((proj / "trash").glob(f"{ids[0]}.*.json"))
    assert len(trashed) == 1
    assert json.loads(trashed[0].read_text(encoding="utf-8"))["document"]["1"]["text"] == ARTICLES[0]["text"]


def test_a_pack_with_an_id_that_is_not_a_plain_name_is_refused(tmp_path):
    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        p.add_documents(ARTICLES)
    pack = _packs(proj)[0]
    first_id = json.loads(pack.read_text(encoding="utf-8"))["documents"]["1"]["id"]
    pack.write_text(pack.read_text(encoding="utf-8").replace(first_id, "../../evil"), encoding="utf-8")
    with pytest.raises(ProjectCorruptError, match=pack.name):
        Project.open(proj)
    assert not (tmp_path / "evil.json").exists()


def test_taken_meta_reads_back_equal_and_what_would_not_is_copied_or_refused(tmp_path):
    import datetime

    proj = tmp_path / "proj"
    with Project.open(proj) as p:
        plain = {"file": "a.txt", "removed": [{"line": 1, "text": "- ℃ 11 تركيا"}], "fields": {"n": 2.5}}
        odd = [{"x": None}, {"score": float("nan")}, {"big": 2**70 + 1}]
        ids = p.add_documents([{"text": f"نص {i}", "meta": m} for i, m in enumerate([plain, *odd])], take_meta=True)
        stored = {d: after["doc"]["meta"] for d, after in p.last_change.after.items()}
        assert stored[ids[0]] is plain and stored[ids[2]] is not odd[1]  # taken; copied (NaN reads as null)
        expected = [plain, {"x": None}, {"score": None}, {"big": 2**70 + 1}]
        assert [p.document(i).meta for i in ids] == expected
        for bad in ({1: "x"}, {"when": datetime.date(2024, 1, 2)}, {"o": object()}):
            with pytest.raises(AnnotationError, match="document 1: meta"):
                p.add_documents([{"text": "نص آخر", "meta": bad}], take_meta=True)
    with Project.open(proj) as q:
        assert [q.document(i).meta for i in ids] == expected
