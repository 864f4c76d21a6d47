"""Token-level mentions for the information-extraction formats (OneIE, DyGIE++).

A document is tokenised under the export's scheme; every span becomes an entity mention, except
event triggers (spans labelled with an event type), which belong to their event. Each mention knows
its token range and sentence. What neither format can hold is reported here once: arguments and
relation ends that are events, trigger-type spans that no event uses, attributes and notes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Event, Relation, Span
from ..schema import Schema
from ..token_schemes import SchemeDoc
from .common import DocData, ExportOptions, ExportReport, json_text, lost_extras, spans_without_event
from .conll import tokenized


@dataclass
class Mention:
    """A span at tokens ``[first, last)`` of sentence ``sentence``; ``text`` is what those tokens cover."""

    span: Span
    first: int
    last: int
    sentence: int
    text: str


@dataclass
class DocMentions:
    tok: SchemeDoc
    entities: list[Mention]
    events: list[tuple[Event, Mention, list[tuple[str, Mention]]]]
    relations: list[tuple[Relation, Mention, Mention]]

    def sentence_tokens(self, n: int) -> list[str]:
        a, b = self.tok.sentences[n]
        return self.tok.words[a:b]


def doc_mentions(data: DocData, opts: ExportOptions, report: ExportReport, schema: Schema, fmt: str) -> DocMentions:
    tok, ranges = tokenized(data, opts, report, list(data.spans))
    firsts = [a for a, _ in tok.sentences]
    text, starts, ends = data.text, tok.starts, tok.ends

    def mention(i: int, j: int, s: Span) -> Mention:
        return Mention(s, i, j, bisect.bisect_right(firsts, i) - 1, text[starts[i]:ends[j - 1]])

    by_id = {s.id: mention(i, j, s) for i, j, s in ranges}
    triggers = {e.trigger for e in data.events}
    event_types = {t.name for t in schema.event_types}
    entities = [m for m in by_id.values() if m.span.id not in triggers and m.span.label not in event_types]
    entity_ids = {m.span.id for m in entities}
    events = []
    for e in data.events:
        if e.trigger not in by_id:
            report.lost(f"events whose trigger covers no token ({fmt})", f"{e.id} {e.type}")
            continue
        args: list[tuple[str, Any]] = []
        for role, target in e.arguments:
            if target in entity_ids:
                args.append((role, by_id[target]))
            else:
                report.lost(f"event arguments that are events or triggers ({fmt} arguments are entities)",
                            f"{e.id} {e.type} {role}")
        events.append((e, by_id[e.trigger], args))
    relations = []
    for r in data.relations:
        if r.arg1 in entity_ids and r.arg2 in entity_ids:
            relations.append((r, by_id[r.arg1], by_id[r.arg2]))
        else:
            report.lost(f"relations involving an event ({fmt} relations link entities)", f"{r.id} {r.type}")
    for s in spans_without_event(data, schema):
        report.lost(f"spans labelled with an event type that no event uses ({fmt} has no mention for them)",
                    f"{s.id} {s.label} {s.text!r}")
    lost_extras(data, report, fmt, ("span", "event", "relation"))
    return DocMentions(tok, entities, events, relations)


class MentionsWriter:
    """Streams JSON lines built from each document's mentions (``records``, in a subclass)."""

    layout = "file"
    ext = ".jsonl"
    fmt = ""

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()
        self.opts, self.report, self.schema = opts, report, schema

    def add(self, data: DocData) -> None:
        dm = doc_mentions(data, self.opts, self.report, self.schema, self.fmt)
        self.fh.write("".join(json_text(rec) + "\n" for rec in self.records(data, dm)))

    def records(self, data: DocData, dm: DocMentions) -> list[dict[str, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        self.fh.close()
