"""A change with many records is applied to a document's TinyDB in one pass per table (a merge
writes hundreds of records per document; one insert at a time copies the table each time)."""

from __future__ import annotations

from tinydb.table import Table

from annotations import Project


def test_many_records_are_one_table_update_each(tmp_path, monkeypatch):
    calls = []
    original = Table._update_table

    def counting(self, updater):
        calls.append(self.name)
        return original(self, updater)

    text = "كلمة " * 400
    spans = [{"ref": f"T{i}", "start": 5 * i, "end": 5 * i + 4, "label": "PER"} for i in range(300)]
    with Project.open(tmp_path / "p") as p:
        monkeypatch.setattr(Table, "_update_table", counting)
        doc_id, ids = p.import_document(text, spans=spans)
        monkeypatch.undo()
        assert len(calls) <= 4, f"{len(calls)} table updates for one document"
        assert [s.start for s in p.spans(doc_id)] == [5 * i for i in range(300)]
        change = p.last_change
        p.revert(change)
        assert doc_id not in {d.id for d in p.documents()}
        p.apply(change)
        assert len(p.spans(doc_id)) == 300
    with Project.open(tmp_path / "p", readonly=True) as p:
        assert len(p.spans(doc_id)) == 300 and p.check() == []
