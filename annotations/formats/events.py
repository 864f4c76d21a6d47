"""Event JSON (OneIE/DyGIE++-style): one JSON line per sentence with tokens, entity, relation and event mentions.

Record::

    {"doc_id", "sent_id", "tokens": [...], "sentence": "...", "char_start": n,
     "entity_mentions": [{"id", "start", "end", "entity_type", "text", "char_start", "char_end"}],
     "relation_mentions": [{"id", "relation_type", "arguments": [{"entity_id", "role", "text"}]}],
     "event_mentions": [{"id", "event_type", "trigger": {"start", "end", "text"},
                         "arguments": [{"entity_id", "entity_index", "role", "text"}]}]}

``start``/``end`` are token indices (end exclusive) within the sentence, ``char_*`` are code
points into the document. ``entity_index`` is the argument's position in ``entity_mentions``.
Arguments outside the event's sentence, or pointing at another event, cannot be carried, nor can a
span labelled with an event type that no event uses (all are named in the report).
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from ..schema import Schema
from .common import DocData, ExportOptions, ExportReport, json_text, lost_extras, spans_without_event
from .conll import tokenized
from .jsonl import local


class Writer:
    """Streams sentence records."""

    layout = "file"
    ext = ".jsonl"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.opts, self.report, self.schema = opts, report, schema
        self.event_types = {t.name for t in schema.event_types}

    def add(self, data: DocData) -> None:
        text, report = data.text, self.report
        tok, ranges = tokenized(data, self.opts, report, list(data.spans))
        where = {s.id: (i, j) for i, j, s in ranges}
        span = {s.id: s for s in data.spans}
        # each mention goes to the sentence of its first token, found once (not once per sentence)
        firsts = [a for a, _ in tok.sentences]

        def sent_of(token: int) -> int:
            return bisect.bisect_right(firsts, token) - 1

        triggers = {e.trigger for e in data.events}
        ents_of: list[list[Any]] = [[] for _ in firsts]
        for s in data.spans:
            if s.id in where and s.id not in triggers and s.label not in self.event_types:
                ents_of[sent_of(where[s.id][0])].append(s)
        ent_sent = {s.id: n for n, ents in enumerate(ents_of) for s in ents}
        relations_of: list[list[Any]] = [[] for _ in firsts]
        for r in data.relations:
            n = ent_sent.get(r.arg1)
            if n is not None and ent_sent.get(r.arg2) == n:
                relations_of[n].append(r)
        events_of: list[list[Any]] = [[] for _ in firsts]
        for e in data.events:
            if e.trigger in where:
                events_of[sent_of(where[e.trigger][0])].append(e)
        carried: set[str] = set()
        lines = []
        for n, (a, b) in enumerate(tok.sentences):
            cs, ce = tok.starts[a], tok.ends[b - 1]
            ents = ents_of[n]
            index = {s.id: k for k, s in enumerate(ents)}
            rec: dict[str, Any] = {
                "doc_id": data.doc.id, "sent_id": f"{data.doc.id}-{n}",
                "tokens": list(map(text.__getitem__, map(slice, tok.starts[a:b], tok.ends[a:b]))),
                "sentence": text[cs:ce], "char_start": cs,
                "entity_mentions": [
                    {"id": local(s.id), "start": where[s.id][0] - a, "end": where[s.id][1] - a,
                     "entity_type": s.label, "text": s.text, "char_start": s.start, "char_end": s.end,
                     "attributes": dict(s.attributes)}
                    for s in ents],
                "relation_mentions": [], "event_mentions": [],
            }
            for r in relations_of[n]:
                carried.add(r.id)
                rec["relation_mentions"].append({"id": local(r.id), "relation_type": r.type,
                                                 "attributes": dict(r.attributes), "arguments": [
                    {"entity_id": local(r.arg1), "role": "Arg-1", "text": span[r.arg1].text},
                    {"entity_id": local(r.arg2), "role": "Arg-2", "text": span[r.arg2].text}]})
            for e in events_of[n]:
                ti, tj = where[e.trigger]
                args = []
                for role, t in e.arguments:
                    if t not in index:
                        why = ("event arguments that are events" if t not in span
                               else "event arguments outside the trigger's sentence or not an entity")
                        report.lost(why, f"{e.id} {e.type} {role}")
                        continue
                    args.append({"entity_id": local(t), "entity_index": index[t], "role": role,
                                 "text": span[t].text})
                rec["event_mentions"].append({
                    "id": local(e.id), "event_type": e.type, "attributes": dict(e.attributes),
                    "trigger": {"start": ti - a, "end": tj - a, "text": text[tok.starts[ti] : tok.ends[tj - 1]]},
                    "arguments": args})
            lines.append(json_text(rec))
        for r in data.relations:
            if r.id not in carried:
                report.lost("relations across sentences or involving an event", f"{r.id} {r.type}")
        for s in spans_without_event(data, self.schema):
            report.lost("spans labelled with an event type that no event uses (event JSON has no mention "
                        "for them)", f"{s.id} {s.label} {s.text!r}")
        lost_extras(data, report, "event JSON", ("span", "event", "relation"), notes_only=True)
        self.fh.write("".join(x + "\n" for x in lines).encode("utf-8"))

    def close(self) -> None:
        self.fh.close()
