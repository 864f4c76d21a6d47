"""Validation and atomic storing of parsed annotated documents, shared by every importer.

A format's reader turns a file into ``ParsedDoc`` objects (text plus spans, events and relations with
local refs and the source line of each). ``commit`` checks offsets, labels against the schema
(adding unknown ones or refusing them), role and argument types and references; every bad item is
reported with file:line and left out together with whatever depends on it, and the document is then
stored with ``Project.import_document`` in one atomic write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import AnnotationError
from ..schema import AttributeDef, EntityType, EventType, RelationType, Role, Schema
from .common import FormatError
from .reports import ImportProblem, ImportReport


@dataclass
class ParsedDoc:
    """A document read from a file, not yet validated.

    ``spans``: dicts with ref, start, end, label, attributes, note, line.
    ``events``: dicts with ref, type, trigger (a span ref), arguments ``[[role, ref]]``, attributes, line.
    ``relations``: dicts with ref, type, arg1, arg2, attributes, note, line.
    """

    file: str
    line: int | None
    text: str
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    status: str | None = None  # None: the importer's --status (default "new")
    spans: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)


UNKNOWN_LABELS = ("auto", "add", "refuse")


def import_options(options: Any) -> dict[str, Any]:
    opts = dict(options or {})
    mode = opts.setdefault("unknown_labels", "auto")
    if mode not in UNKNOWN_LABELS:
        raise FormatError(f"unknown_labels must be one of {', '.join(UNKNOWN_LABELS)}, not {mode!r}")
    if not opts.get("encoding"):
        opts["encoding"] = "utf-8"
    return opts


def resolve_unknown_labels(project: Any, mode: str) -> str:
    """``"auto"`` becomes ``"add"`` while the project's schema has never been used (no document
    has an annotation) and ``"refuse"`` after; ``"add"`` and ``"refuse"`` stay as they are.
    Decide once per import, before anything is stored: the first file must not change the answer
    for the next ones."""
    if mode != "auto":
        return mode
    return "refuse" if any(info.n_annotations for info in project.documents()) else "add"


def refusal(file: str, missing: list[str]) -> ImportProblem:
    """The one message for a file refused whole because the schema lacks ``missing``."""
    return ImportProblem(file, None, f"labels not in the project's schema: {', '.join(missing)}; nothing was "
                         "imported from this file. Import it again with --unknown-labels add to add them to "
                         "the schema (a project that already has annotations does not adopt new labels on its "
                         "own)")


def missing_labels(schema: Schema, docs: Iterable[ParsedDoc]) -> list[str]:
    """The names ``docs`` use that ``schema`` lacks (types, roles, attributes), in the order met;
    importing them with ``unknown_labels="add"`` adds exactly these."""
    schema = schema.copy()
    added: list[str] = []
    for pd in docs:
        _prepare(schema, pd, True, lambda item, reason: None, added)
    return added


def commit(project: Any, pd: ParsedDoc, report: ImportReport, options: dict[str, Any]) -> str | None:
    """Validate ``pd`` against ``project``'s schema and store it; return the new document id or None."""
    schema = project.schema.copy()

    def bad(item: dict[str, Any], reason: str) -> None:
        report.problem(pd.file, item.get("line", pd.line), reason)

    added: list[str] = []
    spans, events, relations, changed = _prepare(schema, pd, options.get("unknown_labels") == "add", bad, added)
    if changed:
        try:
            schema.validate()
            project.set_schema(schema)
        except AnnotationError as exc:
            report.failed.append(_problem(pd, f"cannot add the new labels to the schema: {exc}"))
            return None
    report.added_labels += [name for name in added if name not in report.added_labels]
    try:
        doc_id, _ = project.import_document(
            pd.text, title=pd.title, meta=pd.meta, status=pd.status or options.get("status") or "new",
            spans=spans, events=events, relations=relations,
        )
    except AnnotationError as exc:
        report.failed.append(_problem(pd, f"document not imported: {exc}"))
        return None
    report.documents.append(doc_id)
    report.spans += len(spans)
    report.events += len(events)
    report.relations += len(relations)
    return doc_id


def _prepare(schema: Schema, pd: ParsedDoc, add: bool, bad: Callable[[dict[str, Any], str], None],
             added: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], bool]:
    """Check ``pd`` against ``schema``: bad items are passed to ``bad`` and left out, with what
    depends on them; with ``add``, missing names are added to ``schema`` (and listed in ``added``).
    Returns the spans, events and relations to store and whether ``schema`` changed."""
    changed = False
    text = pd.text

    # -- spans ---------------------------------------------------------------------------------
    event_trigger_refs = {e.get("trigger") for e in pd.events}
    spans: dict[str, dict[str, Any]] = {}
    for s in pd.spans:
        start, end, label = s.get("start"), s.get("end"), s.get("label")
        what = s.get("what") or f"span {s.get('ref')}"
        if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
                and not isinstance(end, bool) and 0 <= start < end <= len(text)):
            bad(s, f"{what}: offsets [{start}, {end}) are not inside the text "
                   f"(length {len(text)}, code points, end exclusive)")
            continue
        if "check_text" in s and text[start:end] != s["check_text"]:
            bad(s, f"{what}: text at [{start}, {end}) is {text[start:end]!r}, "
                   f"but the file says {s['check_text']!r}")
            continue
        if not isinstance(label, str) or not label.strip() or any(c in label for c in " \t\n:=,;|"):
            bad(s, f"{what}: {label!r} is not a usable label name")
            continue
        if not schema.is_span_label(label):
            if not add:
                bad(s, f"{what}: label {label!r} is not in the schema "
                       "(import with --unknown-labels add to add it)")
                continue
            if s.get("ref") in event_trigger_refs:
                schema.event_types.append(EventType(label, []))
            else:
                schema.entity_types.append(EntityType(label))
            added.append(label)
            changed = True
        attrs = _attributes(s, "event" if schema.event(label) else "entity", schema, add, bad, added)
        if attrs is None:
            continue
        spans[str(s["ref"])] = {**{k: s.get(k) for k in ("ref", "start", "end", "label", "note")},
                                "attributes": attrs["values"]}
        changed = changed or attrs["changed"]

    # -- events ----------------------------------------------------------------------------------
    events: dict[str, dict[str, Any]] = {}
    labels = {ref: s["label"] for ref, s in spans.items()}
    pending = list(pd.events)
    for e in pending:
        et_name, trig = e.get("type"), e.get("trigger")
        if trig not in spans:
            bad(e, f"event {e.get('ref')}: trigger {trig!r} is missing or was left out")
            continue
        if not isinstance(et_name, str) or labels[trig] != et_name:
            bad(e, f"event {e.get('ref')}: trigger {trig} is labelled {labels[trig]!r}, not the event "
                   f"type {et_name!r}")
            continue
        if schema.event(et_name) is None:
            if not add:
                bad(e, f"event {e.get('ref')}: event type {et_name!r} is not in the schema")
                continue
            # the trigger label was added as an entity type: make it an event type instead
            schema.entity_types = [t for t in schema.entity_types if t.name != et_name]
            schema.event_types.append(EventType(et_name, []))
            if et_name not in added:
                added.append(et_name)
            changed = True
        events[str(e["ref"])] = dict(e)
        labels[str(e["ref"])] = et_name
    # arguments: targets are spans or events that survived; role names and types checked
    for ref in list(events):
        e = events[ref]
        et = schema.event(e["type"])
        assert et is not None
        args = []
        for item in e.get("arguments") or []:
            try:
                role, target = item
            except (TypeError, ValueError):
                bad(e, f"event {ref}: argument {item!r} is not a [role, ref] pair")
                continue
            if target not in labels or target == ref:
                bad(e, f"event {ref}: argument {role} refers to {target!r}, which is missing or was left out")
                continue
            rd = et.role(role) if isinstance(role, str) else None
            if rd is None:
                if not add or not isinstance(role, str) or not role.strip():
                    bad(e, f"event {ref}: role {role!r} is not defined for {et.name} in the schema")
                    continue
                et.roles.append(Role(role, []))
                added.append(f"{et.name}/{role}")
                changed = True
                rd = et.role(role)
            assert rd is not None
            if rd.types and labels[target] not in rd.types:
                bad(e, f"event {ref}: role {role} of {et.name} takes {', '.join(rd.types)}, "
                       f"but {target} is {labels[target]}")
                continue
            args.append([role, target])
        e["arguments"] = args
        attrs = _attributes(e, "event", schema, add, bad, added)
        e["attributes"] = attrs["values"] if attrs else {}
        changed = changed or bool(attrs and attrs["changed"])

    # -- relations -------------------------------------------------------------------------------
    relations = []
    for r in pd.relations:
        rtype = r.get("type")
        a1, a2 = r.get("arg1"), r.get("arg2")
        if a1 not in labels or a2 not in labels or a1 == a2:
            bad(r, f"relation {r.get('ref')}: arguments {a1!r}, {a2!r} must be two different existing "
                   "annotations")
            continue
        rt = schema.relation(rtype) if isinstance(rtype, str) else None
        if rt is None:
            if not add or not isinstance(rtype, str) or not rtype.strip() or any(c in rtype for c in " :=,;|"):
                bad(r, f"relation {r.get('ref')}: relation type {rtype!r} is not in the schema")
                continue
            rt = RelationType(rtype)
            schema.relation_types.append(rt)
            added.append(rtype)
            changed = True
        if (rt.arg1 and labels[a1] not in rt.arg1) or (rt.arg2 and labels[a2] not in rt.arg2):
            bad(r, f"relation {r.get('ref')}: {rtype} links {', '.join(rt.arg1) or 'any'} to "
                   f"{', '.join(rt.arg2) or 'any'}, not {labels[a1]} to {labels[a2]}")
            continue
        attrs = _attributes(r, "relation", schema, add, bad, added)
        if attrs is None:
            continue
        changed = changed or attrs["changed"]
        relations.append({"ref": r.get("ref"), "type": rtype, "arg1": a1, "arg2": a2,
                          "attributes": attrs["values"], "note": r.get("note")})

    return (list(spans.values()),
            [{k: e.get(k) for k in ("ref", "type", "trigger", "arguments", "attributes", "note")}
             for e in events.values()],
            relations, changed)


def _problem(pd: ParsedDoc, reason: str) -> ImportProblem:
    return ImportProblem(pd.file, pd.line, reason)


def _attributes(item: dict[str, Any], kind: str, schema: Any, add: bool, bad: Any,
                added: list[str]) -> dict[str, Any] | None:
    """Check an item's attributes against the schema; ``None`` when the item must be left out."""
    attrs = item.get("attributes") or {}
    if not isinstance(attrs, dict):
        bad(item, f"{item.get('ref')}: attributes must be an object of name: value")
        return None
    changed = False
    out = {}
    for name, value in attrs.items():
        ad = schema.attribute(name)
        if ad is None:
            if not add:
                bad(item, f"{item.get('ref')}: attribute {name!r} is not in the schema; left out",)
                continue
            ad = AttributeDef(name, [str(value)], None, [kind])
            schema.attributes.append(ad)
            added.append(f"attribute {name}")
            changed = True
        if kind not in ad.applies_to:
            if not add:
                bad(item, f"{item.get('ref')}: attribute {name} applies to {', '.join(ad.applies_to)}, "
                          f"not to {kind} annotations; left out")
                continue
            ad.applies_to.append(kind)
            added.append(f"attribute {name} on {kind} annotations")
            changed = True
        if value not in ad.values:
            if not add or not isinstance(value, str):
                bad(item, f"{item.get('ref')}: attribute {name}={value!r} is not one of {', '.join(ad.values)}")
                continue
            ad.values.append(value)
            added.append(f"attribute value {name}={value}")
            changed = True
        out[name] = value
    return {"values": out, "changed": changed}
