"""The integrity check (``Project.check``) and the counts (``Project.stats``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import ProjectCorruptError
from .model import STATUSES, DocumentInfo, Problem, doc_of, kind_of
from .schema import Schema
from .store import Store
from .store.docfile import PREFIX, local_number
from .texthash import text_hash

Records = dict[str, Any]


def check(store: Store, infos: list[DocumentInfo], progress: Any = None) -> list[Problem]:
    """Verify every document: its text against its stored hash, spans inside the text, labels
    in the schema, every reference resolving inside its document, ids matching their document;
    and the store: documents the index or the journal knows but no file holds, damaged journal
    lines. Empty list = healthy."""
    problems: list[Problem] = store.problems()
    if progress is not None:
        progress.start(len(infos), "checking")
    for info in infos:
        if progress is not None and progress.cancelled:
            break
        try:
            snap = store.docfile(info.id).snapshot()
        except ProjectCorruptError as exc:
            problems.append(Problem(info.id, "file", str(exc)))
            continue
        problems.extend(check_doc(store.schema, info.id, snap))
        if progress is not None:
            progress.advance()
    if progress is not None:
        progress.finish()
    return problems

def stats(store: Store, infos: list[DocumentInfo]) -> dict[str, Any]:
    """Counts per status, per span label, per event type and per relation type."""
    status = {s: 0 for s in STATUSES}
    labels: dict[str, int] = {}
    events: dict[str, int] = {}
    relations: dict[str, int] = {}
    for info in infos:
        status[info.status] = status.get(info.status, 0) + 1
        if not info.n_annotations:
            continue
        docfile = store.docfile(info.id)
        for rec in docfile.all("span"):
            labels[rec["label"]] = labels.get(rec["label"], 0) + 1
        for rec in docfile.all("event"):
            events[rec["type"]] = events.get(rec["type"], 0) + 1
        for rec in docfile.all("relation"):
            relations[rec["type"]] = relations.get(rec["type"], 0) + 1
    return {"documents": len(infos), "status": status, "labels": labels, "events": events,
            "relations": relations}


def check_doc(schema: Schema, doc_id: str, snap: Mapping[str, Records]) -> list[Problem]:
    """What is wrong with one document's records (empty when nothing is)."""
    problems = []
    doc = snap.get("doc")
    if doc is None:
        return [Problem(doc_id, "doc", "document record missing")]
    text = doc.get("text", "")
    if isinstance(text, str) and doc.get("hash") and doc["hash"] != text_hash(text):
        problems.append(Problem(doc_id, "doc", "the text does not match its stored hash: the file was changed "
                                               "outside the app or is damaged; restore it from its backup"))
    for rid, rec in snap.items():
        if rid == "doc":
            continue
        if rec.get("id") != rid or doc_of(rid) != doc_id or rec.get("doc") != doc_id:
            problems.append(Problem(doc_id, rid, "id or doc field does not match its document"))
        kind = kind_of(rid)
        if kind == "span":
            if not (isinstance(rec.get("start"), int) and isinstance(rec.get("end"), int)
                    and 0 <= rec["start"] < rec["end"] <= len(text)):
                problems.append(Problem(doc_id, rid, f"offsets [{rec.get('start')}, {rec.get('end')}) "
                                                     f"outside the text (length {len(text)})"))
            if not schema.is_span_label(rec.get("label", "")):
                problems.append(Problem(doc_id, rid, f"label {rec.get('label')!r} not in the schema"))
        elif kind == "event":
            trig = snap.get(rec.get("trigger", ""))
            if trig is None:
                problems.append(Problem(doc_id, rid, f"trigger {rec.get('trigger')} does not exist (dangling)"))
            elif trig.get("label") != rec.get("type"):
                problems.append(Problem(doc_id, rid, "trigger label differs from the event type"))
            et = schema.event(rec.get("type", ""))
            if et is None:
                problems.append(Problem(doc_id, rid, f"event type {rec.get('type')!r} not in the schema"))
            for role, target in rec.get("arguments", []):
                if target not in snap:
                    problems.append(Problem(doc_id, rid, f"argument {role} -> {target} does not exist (dangling)"))
                    continue
                role_def = et.role(role) if et is not None else None
                if et is not None and role_def is None:
                    problems.append(Problem(doc_id, rid, f"role {role} is not defined for {et.name}"))
                elif role_def is not None and role_def.types:
                    label = snap[target].get("label") or snap[target].get("type")
                    if label not in role_def.types:
                        problems.append(Problem(doc_id, rid, f"argument {role} -> {target} is {label}; "
                                                             f"the role takes {', '.join(role_def.types)}"))
        elif kind == "relation":
            rt = schema.relation(rec.get("type", ""))
            if rt is None:
                problems.append(Problem(doc_id, rid, f"relation type {rec.get('type')!r} not in the schema"))
            for end in ("arg1", "arg2"):
                target = snap.get(rec.get(end, ""))
                if target is None:
                    problems.append(Problem(doc_id, rid, f"{end} {rec.get(end)} does not exist (dangling)"))
                    continue
                allowed = getattr(rt, end) if rt is not None else []
                label = target.get("label") or target.get("type")
                if rt is not None and allowed and label not in allowed:
                    problems.append(Problem(doc_id, rid, f"{end} {rec.get(end)} is {label}; "
                                                         f"{rt.name} takes {', '.join(allowed)}"))
        elif kind == "suggestion":
            if not (isinstance(rec.get("start"), int) and isinstance(rec.get("end"), int)
                    and 0 <= rec["start"] < rec["end"] <= len(text)):
                problems.append(Problem(doc_id, rid, f"suggestion offsets [{rec.get('start')}, {rec.get('end')}) "
                                                     f"outside the text (length {len(text)})"))
        else:
            problems.append(Problem(doc_id, rid, "record of unknown kind"))
    nxt = doc.get("next", {})
    for rid in snap:
        if rid != "doc" and kind_of(rid) in PREFIX and local_number(rid) >= nxt.get(PREFIX[kind_of(rid)], 1 << 60):
            problems.append(Problem(doc_id, rid, "id is not below the document's id counter"))
    return problems

