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

from collections.abc import Sequence
from operator import itemgetter, sub
from pathlib import Path
from typing import Any

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions, lost_extras, spans_without_event
from .jsonl import local
from .mentions import (
    Entities,
    entity_spans,
    event_type_names,
    sentence_heads,
    sentence_of,
    sentence_records,
    span_tokens,
)
from .reports import ExportReport
from .staging import json_text

_FIRST = itemgetter(0)


class Writer:
    """Streams sentence records."""

    layout = "file"
    ext = ".jsonl"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.opts, self.report, self.schema = opts, report, schema
        self.event_types = event_type_names(schema)

    def add(self, data: DocData) -> None:
        report, c = self.report, data.columns()
        tok = span_tokens(data, self.opts, report)
        n = len(tok.sentences)
        firsts = list(map(_FIRST, tok.sentences))
        # each mention goes to the sentence of its first token, found once for all (bisection in C)
        ents = Entities.of(entity_spans(data, tok, self.schema, self.event_types), tok, firsts)
        heads = list(map(firsts.__getitem__, ents.sentences))
        attributes: Any = b"{}"
        if any(c.stored_attributes):
            attributes = [json_text(dict(a)).encode("utf-8") for a in ents.pick(c.attributes)]
        start, end, char_start, char_end = jsoncols.integer_columns_b(
            list(map(sub, ents.firsts, heads)), list(map(sub, ents.lasts, heads)), ents.pick(c.starts),
            ents.pick(c.ends))
        relations, events = self._links(data, tok, ents, firsts, n)
        if relations is None:
            tails: Sequence[bytes] = [b'], "relation_mentions": [], "event_mentions": []}\n'] * n
        else:
            tails = [b'], "relation_mentions": ' + r + b', "event_mentions": ' + e + b"}\n"
                     for r, e in zip(relations, events, strict=True)]
        self.fh.write(sentence_records(
            sentence_heads(tok, data.doc.id, surface=True, char_start=True), tails, ents, [
                b'{"id": "', jsoncols.escaped_b(ents.pick(c.local_ids)), b'", "start": ', start, b', "end": ', end,
                b', "entity_type": ', jsoncols.values_b(ents.pick(c.labels)),
                b', "text": "', jsoncols.escaped_b(ents.pick(c.texts)), b'", "char_start": ', char_start,
                b', "char_end": ', char_end, b', "attributes": ', attributes, b"}"]))
        for s in spans_without_event(data, self.schema):
            report.lost("spans labelled with an event type that no event uses (event JSON has no mention "
                        "for them)", f"{s.id} {s.label} {s.text!r}")
        lost_extras(data, report, "event JSON", ("span", "event", "relation"), notes_only=True)

    def _links(self, data: DocData, tok: Any, ents: Entities, firsts: list[int], n: int) -> tuple[Any, Any]:
        """The UTF-8 JSON of each sentence's relation and event mentions (None, None for most
        documents: they have neither); what a sentence cannot carry is reported."""
        if not data.relations and not data.events:
            return None, None
        c, report, text = data.columns(), self.report, data.text
        span = {c.ids[k]: k for k in range(c.n)}
        ent_sent = {c.ids[k]: s for k, s in zip(ents.spans, ents.sentences, strict=True)}
        relations_of: list[list[dict[str, Any]]] = [[] for _ in range(n)]
        carried: set[str] = set()
        for r in data.relations:
            m = ent_sent.get(r.arg1)
            if m is not None and ent_sent.get(r.arg2) == m:
                carried.add(r.id)
                relations_of[m].append({"id": local(r.id), "relation_type": r.type,
                                        "attributes": dict(r.attributes), "arguments": [
                    {"entity_id": local(r.arg1), "role": "Arg-1", "text": c.texts[span[r.arg1]]},
                    {"entity_id": local(r.arg2), "role": "Arg-2", "text": c.texts[span[r.arg2]]}]})
        with_trigger = [e for e in data.events if e.trigger in span and tok.span_tokens[span[e.trigger]] is not None]
        where = [tok.span_tokens[span[e.trigger]] for e in with_trigger]
        events_of: list[list[dict[str, Any]]] = [[] for _ in range(n)]
        sentences = sentence_of(firsts, [w[0] for w in where])
        # sentence by sentence, as the records are written (what is reported comes in that order)
        for x in sorted(range(len(where)), key=sentences.__getitem__):
            e, (ti, tj), m = with_trigger[x], where[x], sentences[x]
            a = firsts[m]
            lo, hi = ents.in_sentence(m)
            index = {c.ids[k]: x for x, k in enumerate(ents.spans[lo:hi])}
            args = []
            for role, t in e.arguments:
                if t not in index:
                    why = ("event arguments that are events" if t not in span
                           else "event arguments outside the trigger's sentence or not an entity")
                    report.lost(why, f"{e.id} {e.type} {role}")
                    continue
                args.append({"entity_id": local(t), "entity_index": index[t], "role": role,
                             "text": c.texts[span[t]]})
            events_of[m].append({
                "id": local(e.id), "event_type": e.type, "attributes": dict(e.attributes),
                "trigger": {"start": ti - a, "end": tj - a, "text": text[tok.starts[ti]: tok.ends[tj - 1]]},
                "arguments": args})
        for r in data.relations:
            if r.id not in carried:
                report.lost("relations across sentences or involving an event", f"{r.id} {r.type}")
        return ([json_text(r).encode("utf-8") for r in relations_of],
                [json_text(e).encode("utf-8") for e in events_of])

    def close(self) -> None:
        self.fh.close()
