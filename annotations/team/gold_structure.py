"""The events and relations of the gold layer, derived from its spans and the annotators' layers.

They follow the gold spans, so the curator decides spans only: a gold trigger span gets the events
that its source annotators (``FROM_ATTR``) have on that same trigger (same extent, same type), with
every argument whose target span (by extent and label) is in the gold layer and that the schema
allows; a relation of a layer goes into the gold layer when both its ends are gold spans that came
from that annotator (among others). Identical ones are kept once, recording their annotators. They
are rebuilt with every decision (so an argument whose target is decided later joins then).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .layers import FROM_ATTR, GOLD, from_names

Key = tuple[int, int, str]
Records = dict[str, Any]


def gold_structure(project: Any, doc_id: str, gold: Mapping[Key, tuple[str, Sequence[str]]],
                   layers: Sequence[str]) -> tuple[list[Records], list[Records], list[str]]:
    """``(events, relations, old_ids)``: the gold layer's events and relations (layer dicts, referring
    to ``gold``'s refs or ids) and the ids of the gold events and relations they replace.

    ``gold``: every gold span after the decision, ``(start, end, label) -> (ref or id, annotators)``.
    """
    schema = project.schema
    spans = project.spans(doc_id)
    where: dict[str, Key] = {s.id: (s.start, s.end, s.label) for s in spans}
    events = project.events(doc_id)
    relations = project.relations(doc_id)
    old = [e.id for e in events if e.annotator == GOLD] + [r.id for r in relations if r.annotator == GOLD]
    wanted = set(layers)
    out_events: dict[Key, Records] = {}
    for e in events:
        if e.annotator not in wanted:
            continue
        key = where.get(e.trigger)
        if key is None or key not in gold or key[2] != e.type or e.annotator not in gold[key][1]:
            continue
        et = schema.event(e.type)
        rec = out_events.setdefault(key, {"ref": f"GE{len(out_events) + 1}", "type": e.type,
                                          "trigger": gold[key][0], "arguments": [], "from": set()})
        rec["from"].add(e.annotator)
        for role, target in e.arguments:
            tkey = where.get(target)
            role_def = et.role(role) if et is not None else None
            if tkey is None or tkey not in gold or role_def is None:
                continue
            if role_def.types and tkey[2] not in role_def.types:
                continue
            arg = [role, gold[tkey][0]]
            if arg not in rec["arguments"]:
                rec["arguments"].append(arg)
    out_relations: dict[tuple[str, Key, Key], Records] = {}
    for r in relations:
        k1, k2 = where.get(r.arg1), where.get(r.arg2)
        if r.annotator not in wanted or k1 is None or k2 is None or k1 not in gold or k2 not in gold:
            continue
        if r.annotator not in gold[k1][1] or r.annotator not in gold[k2][1]:
            continue
        rt = schema.relation(r.type)
        if rt is None or (rt.arg1 and k1[2] not in rt.arg1) or (rt.arg2 and k2[2] not in rt.arg2):
            continue
        rec = out_relations.setdefault((r.type, k1, k2), {
            "ref": f"GR{len(out_relations) + 1}", "type": r.type, "arg1": gold[k1][0], "arg2": gold[k2][0],
            "from": set()})
        rec["from"].add(r.annotator)
    finished = []
    for rec in [*out_events.values(), *out_relations.values()]:
        rec["attributes"] = {FROM_ATTR: ",".join(sorted(rec.pop("from")))}
        finished.append(rec)
    return finished[:len(out_events)], finished[len(out_events):], old


def gold_keys(spans: Sequence[Any]) -> dict[Key, tuple[str, list[str]]]:
    """The existing gold spans as ``(start, end, label) -> (id, annotators)``."""
    return {(s.start, s.end, s.label): (s.id, from_names(s.attributes.get(FROM_ATTR))) for s in spans}
