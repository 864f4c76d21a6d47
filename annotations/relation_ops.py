"""Relations: a typed, directed link between two annotations of one document (a part of ``Project``)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .errors import AnnotationError, DanglingReferenceError, UnknownLabelError
from .model import Change, Relation, doc_of, kind_of
from .project_base import ProjectBase
from .store import DocFile
from .store.docfile import local_number
from .store.store import now as _now

Records = dict[str, Any]


class RelationOps(ProjectBase):
    """Relations between spans or events (``arg1 -> arg2``)."""

    def _relation_record(self, docfile: DocFile, rel_type: Any, arg1: Any, arg2: Any,
                         attributes: Any, note: Any) -> Records:
        rt = self.schema.relation(rel_type) if isinstance(rel_type, str) else None
        if rt is None:
            raise UnknownLabelError(
                f"unknown relation type {rel_type!r}; the schema has "
                f"{', '.join(t.name for t in self.schema.relation_types) or 'none'}"
            )
        doc_id = doc_of(arg1) if isinstance(arg1, str) else ""
        for name, arg, allowed in (("arg1", arg1, rt.arg1), ("arg2", arg2, rt.arg2)):
            if not isinstance(arg, str) or kind_of(arg) not in ("span", "event"):
                raise DanglingReferenceError(f"{name} {arg!r} is not a span or event id")
            if doc_of(arg) != doc_id:
                raise DanglingReferenceError("both ends of a relation must be in the same document")
            rec = docfile.get(arg)
            if rec is None:
                raise DanglingReferenceError(f"{name} {arg} does not exist")
            label = rec.get("label") or rec.get("type")
            if allowed and label not in allowed:
                raise UnknownLabelError(f"{rel_type} {name} takes {', '.join(allowed)}; {arg} is {label}")
        if arg1 == arg2:
            raise DanglingReferenceError("a relation needs two different annotations")
        if note is not None and not isinstance(note, str):
            raise AnnotationError("note must be a str or None")
        now = _now()
        return {
            "doc": doc_id, "type": rel_type, "arg1": arg1, "arg2": arg2,
            "attributes": self._check_attributes(attributes, "relation"), "note": note,
            "annotator": self.annotator, "created": now, "modified": now,
        }

    def add_relation(
        self,
        rel_type: str,
        arg1: str,
        arg2: str,
        attributes: Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> str:
        """Add a directed relation ``arg1 -> arg2`` (spans or events of one document)."""
        if not isinstance(arg1, str) or kind_of(arg1) not in ("span", "event"):
            raise DanglingReferenceError(f"arg1 {arg1!r} is not a span or event id")
        doc_id = doc_of(arg1)
        docfile = self._store.docfile(doc_id)
        rec = self._relation_record(docfile, rel_type, arg1, arg2, attributes, note)
        doc = self._doc_record(doc_id)
        new_doc = copy.deepcopy(doc)
        rec["id"] = self._next_id(new_doc, "relation")
        self._write(Change(f"add {rel_type} relation", {doc_id: {"doc": doc, rec["id"]: None}},
                           {doc_id: {"doc": new_doc, rec["id"]: rec}}))
        return rec["id"]

    def remove_relation(self, relation_id: str) -> None:
        _, rec = self._get(relation_id, "relation")
        self._write(Change("remove relation", {rec["doc"]: {relation_id: rec}}, {rec["doc"]: {relation_id: None}}))

    def relation(self, relation_id: str) -> Relation:
        return Relation.from_record(self._get(relation_id, "relation")[1])

    def relations(self, doc_id: str) -> list[Relation]:
        return self._relations_of(self._store.docfile(doc_id))

    @staticmethod
    def _relations_of(docfile: DocFile) -> list[Relation]:
        recs = sorted(docfile.raw("relation"), key=lambda r: local_number(r["id"]))
        return [Relation.from_record(r) for r in recs]

