"""Changing the schema of a project that has annotations: replace, rename and remove types
(a part of ``Project``); every annotation that uses a type is updated in the same undo step."""

from __future__ import annotations

import copy
from typing import Any

from .checks import check_doc
from .errors import AnnotationError, InUseError, SchemaError, UnknownLabelError
from .model import Change, Problem
from .project_base import ProjectBase
from .schema import Schema


class SchemaChanges(ProjectBase):
    """Schema edits that keep the existing annotations valid."""

    def set_schema(self, schema: Schema) -> None:
        """Replace the schema; refused if any existing annotation would not fit it (a label,
        event type, relation type or role it lacks, or an argument type it no longer allows)."""
        problems: list[Problem] = []
        for doc_id in self._annotated_docs():
            problems.extend(check_doc(schema, doc_id, self._store.docfile(doc_id).snapshot()))
        if problems:
            shown = "; ".join(f"{p.record}: {p.message}" for p in problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise SchemaError(
                f"the new schema does not fit {len(problems)} existing annotation(s): {shown}{more}. "
                "Rename or remove those types in the schema editor instead, which updates the annotations."
            )
        self._write(Change("change schema", {}, {}, self.schema.to_dict(), schema.to_dict()))

    def usage(self, kind: str, name: str) -> int:
        """How many annotations use the type/role/attribute ``name`` of ``kind``."""
        return sum(len(ids) for ids in self._usage_ids(kind, name).values())

    def _usage_ids(self, kind: str, name: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for doc_id in self._annotated_docs():
            docfile = self._store.docfile(doc_id)
            hits = []
            for rec in docfile.all("span"):
                if (kind in ("entity", "event") and rec["label"] == name) or (
                    kind == "attribute" and name in rec.get("attributes", {})
                ):
                    hits.append(rec["id"])
            for rec in docfile.all("event"):
                if (kind == "event" and rec["type"] == name) or (
                    kind == "role" and any(r == name for r, _ in rec.get("arguments", []))
                ) or (kind == "attribute" and name in rec.get("attributes", {})):
                    hits.append(rec["id"])
            for rec in docfile.all("relation"):
                if (kind == "relation" and rec["type"] == name) or (
                    kind == "attribute" and name in rec.get("attributes", {})
                ):
                    hits.append(rec["id"])
            if hits:
                out[doc_id] = hits
        return out

    def rename_type(self, kind: str, old: str, new: str) -> None:
        """Rename an entity/event/relation type, a role (in every event type) or an attribute,
        and update every annotation that uses it. One undo step."""
        schema = self.schema.copy()
        if kind in ("entity", "event", "relation"):
            t = {"entity": schema.entity, "event": schema.event, "relation": schema.relation}[kind](old)
            if t is None:
                raise UnknownLabelError(f"no {kind} type {old!r} in the schema")
            t.name = new
            if kind == "entity":
                for et in schema.event_types:
                    for r in et.roles:
                        r.types = [new if x == old else x for x in r.types]
                for rt in schema.relation_types:
                    rt.arg1 = [new if x == old else x for x in rt.arg1]
                    rt.arg2 = [new if x == old else x for x in rt.arg2]
        elif kind == "role":
            found = False
            for et in schema.event_types:
                for r in et.roles:
                    if r.name == old:
                        r.name, found = new, True
            if not found:
                raise UnknownLabelError(f"no role {old!r} in the schema")
        elif kind == "attribute":
            a = schema.attribute(old)
            if a is None:
                raise UnknownLabelError(f"no attribute {old!r} in the schema")
            a.name = new
        else:
            raise AnnotationError(f"kind must be entity, event, relation, role or attribute, not {kind!r}")
        schema.validate()
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        for doc_id, ids in self._usage_ids(kind, old).items():
            docfile = self._store.docfile(doc_id)
            for rid in ids:
                rec = docfile.get(rid)
                assert rec is not None
                new_rec = copy.deepcopy(rec)
                if kind in ("entity", "event") and new_rec.get("label") == old:
                    new_rec["label"] = new
                if kind in ("event", "relation") and new_rec.get("type") == old:
                    new_rec["type"] = new
                if kind == "role":
                    new_rec["arguments"] = [[new if r == old else r, t] for r, t in rec["arguments"]]
                if kind == "attribute":
                    new_rec["attributes"] = {(new if k == old else k): v for k, v in rec["attributes"].items()}
                before.setdefault(doc_id, {})[rid] = rec
                after.setdefault(doc_id, {})[rid] = new_rec
        self._write(Change(f"rename {kind} {old} to {new}", before, after, self.schema.to_dict(), schema.to_dict()))

    def remove_type(self, kind: str, name: str, cascade: bool = False) -> None:
        """Remove a type from the schema. If annotations use it, raise InUseError (with the count)
        unless ``cascade``: then those annotations are removed too (one undo step)."""
        usage = self._usage_ids(kind, name)
        count = sum(len(v) for v in usage.values())
        if count and not cascade:
            raise InUseError(f"{count} annotation(s) use {kind} {name!r}; pass cascade=True to remove them too")
        schema = self.schema.copy()
        lists = {"entity": "entity_types", "event": "event_types", "relation": "relation_types",
                 "attribute": "attributes"}
        if kind not in lists:
            raise AnnotationError("remove_type takes entity, event, relation or attribute")
        items = getattr(schema, lists[kind])
        if not any(t.name == name for t in items):
            raise UnknownLabelError(f"no {kind} {name!r} in the schema")
        setattr(schema, lists[kind], [t for t in items if t.name != name])
        # role and relation-end constraints keep the removed name: an empty list would mean "any"
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        for doc_id, ids in usage.items():
            docfile = self._store.docfile(doc_id)
            if kind == "attribute":
                for rid in ids:
                    rec = docfile.get(rid)
                    assert rec is not None
                    before.setdefault(doc_id, {})[rid] = rec
                    attrs = {k: v for k, v in rec["attributes"].items() if k != name}
                    after.setdefault(doc_id, {})[rid] = {**rec, "attributes": attrs}
                continue
            doc_after = self._cascade(docfile, set(ids))
            before[doc_id] = {rid: docfile.get(rid) for rid in doc_after}
            after[doc_id] = doc_after
        self._write(Change(f"remove {kind} {name}", before, after, self.schema.to_dict(), schema.to_dict()))
