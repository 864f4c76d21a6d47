"""Entity and trigger spans: adding, editing and removing them (a part of ``Project``)."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import AnnotationError, InUseError, InvalidSpanError, UnknownLabelError
from .model import Change, Span, doc_of
from .project_base import ProjectBase
from .store import DocFile
from .store.docfile import local_number
from .store.store import now as _now

Records = dict[str, Any]


class SpanOps(ProjectBase):
    """Spans: ``text[start:end]`` with a label (an entity type, or an event type for a trigger)."""

    def _span_record(self, doc: Records, start: Any, end: Any, label: Any, attributes: Any, note: Any) -> Records:
        text = doc["text"]
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
            raise InvalidSpanError(f"span offsets must be integers, got start={start!r} end={end!r}")
        if not 0 <= start < end <= len(text):
            raise InvalidSpanError(
                f"span [{start}, {end}) is not inside document {doc['id']} (length {len(text)}); "
                "offsets are code points, end exclusive, and start must be < end"
            )
        if not isinstance(label, str) or not self.schema.is_span_label(label):
            raise UnknownLabelError(
                f"unknown span label {label!r}: the schema has entity types "
                f"{', '.join(t.name for t in self.schema.entity_types)} (and event types for triggers)"
            )
        kind = "event" if self.schema.event(label) else "entity"
        if note is not None and not isinstance(note, str):
            raise AnnotationError("note must be a str or None")
        now = _now()
        return {
            "doc": doc["id"],
            "start": start,
            "end": end,
            "label": label,
            "attributes": self._check_attributes(attributes, kind),
            "note": note,
            "annotator": self.annotator,
            "created": now,
            "modified": now,
        }

    def add_span(
        self,
        doc_id: str,
        start: int,
        end: int,
        label: str,
        attributes: Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> str:
        """Add a span ``text[start:end]`` with ``label`` and return its id."""
        return self.add_spans(doc_id, [{"start": start, "end": end, "label": label,
                                         "attributes": attributes, "note": note}])[0]

    def add_spans(self, doc_id: str, spans: Sequence[Mapping[str, Any]]) -> list[str]:
        """Add several spans to one document in one atomic write (one undo step)."""
        doc = self._doc_record(doc_id)
        new_doc = copy.deepcopy(doc)
        after: dict[str, Any] = {}
        ids = []
        for i, s in enumerate(spans):
            try:
                rec = self._span_record(
                    doc, s.get("start"), s.get("end"), s.get("label"), s.get("attributes"), s.get("note")
                )
            except AnnotationError as exc:
                raise type(exc)(f"span {i + 1}: {exc}" if len(spans) > 1 else str(exc)) from None
            rec["id"] = self._next_id(new_doc, "span")
            after[rec["id"]] = rec
            ids.append(rec["id"])
        if not ids:
            return []
        new_doc["modified"] = _now()
        before: dict[str, Any] = {rid: None for rid in after}
        before["doc"], after["doc"] = doc, new_doc
        what = f"add {spans[0].get('label')} span" if len(ids) == 1 else f"add {len(ids)} spans"
        self._write(Change(what, {doc_id: before}, {doc_id: after}))
        return ids

    def span(self, span_id: str) -> Span:
        docfile, rec = self._get(span_id, "span")
        return Span.from_record(rec, self._doc_record(rec["doc"])["text"])

    def spans(self, doc_id: str) -> list[Span]:
        """Spans of a document sorted by start, longest first."""
        return self._spans_of(self._store.docfile(doc_id))

    @staticmethod
    def _spans_of(docfile: DocFile) -> list[Span]:
        cached = docfile.views.get("spans")
        if cached is None:
            text = (docfile.raw_doc() or {}).get("text", "")
            recs = sorted(docfile.raw("span"), key=lambda r: (r["start"], -r["end"], local_number(r["id"])))
            cached = docfile.views["spans"] = [Span.from_record(r, text) for r in recs]
        return list(cached)

    def update_span(self, span_id: str, **fields: Any) -> None:
        """Change a span's ``label``, ``start``, ``end``, ``attributes`` or ``note``."""
        allowed = {"label", "start", "end", "attributes", "note"}
        unknown = set(fields) - allowed
        if unknown:
            raise AnnotationError(f"update_span does not take {', '.join(sorted(unknown))}")
        docfile, rec = self._get(span_id, "span")
        doc = self._doc_record(rec["doc"])
        merged = {**rec, **fields}
        checked = self._span_record(
            doc, merged["start"], merged["end"], merged["label"], merged.get("attributes"), merged.get("note")
        )
        new = {**rec, **{k: checked[k] for k in allowed}, "modified": _now()}
        if new["label"] != rec["label"]:
            for ev in docfile.all("event"):
                if ev["trigger"] == span_id and ev["type"] != new["label"]:
                    raise InUseError(
                        f"span {span_id} is the trigger of event {ev['id']} ({ev['type']}); "
                        "change the event's type instead"
                    )
            self._check_roles_still_fit(docfile, span_id, new["label"])
            self._check_relations_still_fit(docfile, span_id, new["label"])
        self._write(Change("edit span", {rec["doc"]: {span_id: rec}}, {rec["doc"]: {span_id: new}}))

    def _check_roles_still_fit(self, docfile: DocFile, target: str, label: str) -> None:
        for ev in docfile.all("event"):
            et = self.schema.event(ev["type"])
            for role, tid in ev.get("arguments", []):
                role_def = et.role(role) if et else None
                if tid == target and role_def and role_def.types and label not in role_def.types:
                    raise InUseError(
                        f"{target} fills role {role} of event {ev['id']} ({ev['type']}), which takes "
                        f"{', '.join(role_def.types)}, not {label}; remove the argument first"
                    )

    def _check_relations_still_fit(self, docfile: DocFile, target: str, label: str) -> None:
        """Refuse a label that a relation using ``target`` does not take (as ``add_relation`` does)."""
        for rel in docfile.all("relation"):
            rt = self.schema.relation(rel["type"])
            for end in ("arg1", "arg2"):
                allowed = getattr(rt, end) if rt is not None else []
                if rel[end] == target and allowed and label not in allowed:
                    raise InUseError(
                        f"{target} is {end} of relation {rel['id']} ({rel['type']}), which takes "
                        f"{', '.join(allowed)} there, not {label}; remove the relation first"
                    )

    def remove_span(self, span_id: str, cascade: bool = False) -> None:
        """Remove a span. If an event or relation uses it, raise InUseError unless ``cascade``:
        then the arguments/relations that use it go too (and events it triggers)."""
        docfile, rec = self._get(span_id, "span")
        users = self._users_of(docfile, span_id)
        if users and not cascade:
            raise InUseError(
                f"span {span_id} is used by {', '.join(u['id'] for u in users)}; "
                "remove those first or pass cascade=True"
            )
        after = self._cascade(docfile, {span_id})
        before = {rid: docfile.get(rid) for rid in after}
        self._write(Change(f"remove {rec['label']} span", {rec["doc"]: before}, {rec["doc"]: after}))

    def usage_of(self, record_id: str) -> list[str]:
        """Ids of events/relations that refer to a span or event (what a cascade would touch)."""
        docfile = self._store.docfile(doc_of(record_id))
        return [u["id"] for u in self._users_of(docfile, record_id)]

