"""Events: a trigger span, a type and argument roles (a part of ``Project``)."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import (
    AnnotationError,
    DanglingReferenceError,
    InUseError,
    InvalidSpanError,
    NotFoundError,
    UnknownLabelError,
)
from .model import Change, Event, doc_of, kind_of
from .project_base import ProjectBase
from .records import PatchedView
from .schema import Role
from .store import DocFile
from .store.docfile import local_number
from .store.store import now as _now

Records = dict[str, Any]


class EventOps(ProjectBase):
    """ACE-style events: type, trigger span, (role, argument) pairs and attributes."""

    def _check_argument(self, docfile: DocFile, event_type: str, role: Any, target: Any, doc_id: str) -> None:
        et = self.schema.event(event_type)
        assert et is not None
        role_def: Role | None = et.role(role) if isinstance(role, str) else None
        if role_def is None:
            raise UnknownLabelError(
                f"role {role!r} is not allowed for {event_type}; allowed roles: "
                f"{', '.join(r.name for r in et.roles)}"
            )
        if not isinstance(target, str) or kind_of(target) not in ("span", "event"):
            raise DanglingReferenceError(f"argument {role}: {target!r} is not a span or event id")
        if doc_of(target) != doc_id:
            raise DanglingReferenceError(
                f"argument {role}: {target} belongs to another document; arguments must be in {doc_id}"
            )
        rec = docfile.get(target)
        if rec is None:
            raise DanglingReferenceError(f"argument {role}: {target} does not exist")
        label = rec.get("label") or rec.get("type")
        if role_def.types and label not in role_def.types:
            raise UnknownLabelError(
                f"role {role} of {event_type} takes {', '.join(role_def.types)}; {target} is {label}"
            )

    def _event_record(
        self, docfile: DocFile, doc_id: str, event_type: Any, trigger: Any, arguments: Any,
        attributes: Any, note: Any, self_id: str | None = None,
    ) -> Records:
        if not isinstance(event_type, str) or self.schema.event(event_type) is None:
            raise UnknownLabelError(f"unknown event type {event_type!r}; see the schema's event types")
        if not isinstance(trigger, str) or kind_of(trigger) != "span":
            raise DanglingReferenceError(f"trigger {trigger!r} is not a span id")
        if doc_of(trigger) != doc_id:
            raise DanglingReferenceError(f"trigger {trigger} belongs to another document than {doc_id}")
        trig = docfile.get(trigger)
        if trig is None:
            raise DanglingReferenceError(f"trigger span {trigger} does not exist")
        if trig["label"] != event_type:
            raise InvalidSpanError(
                f"trigger span {trigger} is labelled {trig['label']}; a trigger's label must be the "
                f"event type {event_type}"
            )
        args = []
        for item in arguments or ():
            try:
                role, target = item
            except (TypeError, ValueError):
                raise AnnotationError(f"each argument must be a (role, id) pair, not {item!r}") from None
            if self_id is not None and target == self_id:
                raise DanglingReferenceError(f"event {self_id} cannot be its own argument")
            self._check_argument(docfile, event_type, role, target, doc_id)
            args.append([role, target])
        if note is not None and not isinstance(note, str):
            raise AnnotationError("note must be a str or None")
        now = _now()
        return {
            "doc": doc_id,
            "type": event_type,
            "trigger": trigger,
            "arguments": args,
            "attributes": self._check_attributes(attributes, "event"),
            "note": note,
            "annotator": self.annotator,
            "created": now,
            "modified": now,
        }

    def add_event(
        self,
        doc_id: str,
        event_type: str,
        trigger: str,
        arguments: Iterable[tuple[str, str]] = (),
        attributes: Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> str:
        """Add an event whose trigger span (labelled ``event_type``) exists; return its id."""
        docfile = self._store.docfile(doc_id)
        doc = self._doc_record(doc_id)
        rec = self._event_record(docfile, doc_id, event_type, trigger, list(arguments), attributes, note)
        new_doc = copy.deepcopy(doc)
        rec["id"] = self._next_id(new_doc, "event")
        new_doc["modified"] = _now()
        self._write(
            Change(
                f"add {event_type} event",
                {doc_id: {"doc": doc, rec["id"]: None}},
                {doc_id: {"doc": new_doc, rec["id"]: rec}},
            )
        )
        return rec["id"]

    def update_event(self, event_id: str, **fields: Any) -> None:
        """Change an event's ``type``, ``arguments``, ``attributes`` or ``note``.

        Changing the type relabels its trigger span too (one undo step)."""
        allowed = {"type", "arguments", "attributes", "note"}
        unknown = set(fields) - allowed
        if unknown:
            raise AnnotationError(f"update_event does not take {', '.join(sorted(unknown))}")
        docfile, rec = self._get(event_id, "event")
        merged = {**rec, **fields}
        doc_id = rec["doc"]
        before: dict[str, Any] = {event_id: rec}
        after: dict[str, Any] = {}
        trig = docfile.get(rec["trigger"])
        if merged["type"] != rec["type"] and trig is not None:
            if not isinstance(merged["type"], str) or self.schema.event(merged["type"]) is None:
                raise UnknownLabelError(f"unknown event type {merged['type']!r}")
            before[trig["id"]] = trig
            after[trig["id"]] = {**trig, "label": merged["type"], "modified": _now()}
            # validate against a view where the trigger already carries the new label
            docfile_view = PatchedView(docfile, {trig["id"]: after[trig["id"]]})
        else:
            docfile_view = docfile  # type: ignore[assignment]
        checked = self._event_record(
            docfile_view, doc_id, merged["type"], rec["trigger"], merged["arguments"],  # type: ignore[arg-type]
            merged.get("attributes"), merged.get("note"), self_id=event_id,
        )
        after[event_id] = {**rec, **{k: checked[k] for k in allowed}, "modified": _now()}
        self._write(Change("edit event", {doc_id: before}, {doc_id: after}))

    def add_argument(self, event_id: str, role: str, target: str) -> None:
        """Add a ``(role, target)`` argument; a role may repeat."""
        _, rec = self._get(event_id, "event")
        self.update_event(event_id, arguments=[*rec["arguments"], [role, target]])

    def remove_argument(self, event_id: str, role: str, target: str) -> None:
        """Remove the ``(role, target)`` argument of an event."""
        _, rec = self._get(event_id, "event")
        args = [list(a) for a in rec["arguments"]]
        if [role, target] not in args:
            raise NotFoundError(f"event {event_id} has no argument {role} = {target}")
        args.remove([role, target])
        self.update_event(event_id, arguments=args)

    def remove_event(self, event_id: str, remove_trigger: bool = False, cascade: bool = False) -> None:
        """Remove an event (and its trigger span if ``remove_trigger``).

        Events/relations that use this event as an argument refuse unless ``cascade``."""
        docfile, rec = self._get(event_id, "event")
        users = [u for u in self._users_of(docfile, event_id) if u["id"] != event_id]
        if users and not cascade:
            raise InUseError(
                f"event {event_id} is an argument of {', '.join(u['id'] for u in users)}; "
                "remove those first or pass cascade=True"
            )
        removed = {event_id}
        if remove_trigger:
            other = [u for u in self._users_of(docfile, rec["trigger"]) if u["id"] != event_id]
            if other and not cascade:
                raise InUseError(
                    f"trigger {rec['trigger']} is also used by {', '.join(u['id'] for u in other)}"
                )
            removed.add(rec["trigger"])
        after = self._cascade(docfile, removed)
        before = {rid: docfile.get(rid) for rid in after}
        self._write(Change(f"remove {rec['type']} event", {rec["doc"]: before}, {rec["doc"]: after}))

    def event(self, event_id: str) -> Event:
        docfile, rec = self._get(event_id, "event")
        return self._event_obj(docfile, rec)

    def _event_obj(self, docfile: DocFile, rec: Records) -> Event:
        trig = docfile.get(rec["trigger"]) or {"start": 0, "end": 0}
        return Event.from_record(rec, trig, self._doc_record(rec["doc"])["text"])

    def events(self, doc_id: str) -> list[Event]:
        return self._events_of(self._store.docfile(doc_id))

    @staticmethod
    def _events_of(docfile: DocFile) -> list[Event]:
        text = (docfile.raw_doc() or {}).get("text", "")
        spans = {r["id"]: r for r in docfile.raw("span")}
        recs = sorted(docfile.raw("event"), key=lambda r: local_number(r["id"]))
        missing = {"start": 0, "end": 0}
        return [Event.from_record(r, spans.get(r["trigger"], missing), text) for r in recs]

