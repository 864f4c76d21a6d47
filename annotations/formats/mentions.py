"""Token-level mentions for the sentence formats (event JSON, OneIE, DyGIE++).

A document is tokenised under the export's scheme; every span becomes an entity mention, except
event triggers (spans labelled with an event type), which belong to their event. Each mention knows
its token range and sentence. What neither format can hold is reported here once: arguments and
relation ends that are events, trigger-type spans that no event uses, attributes and notes.

The entity mentions (80 an article) are kept as columns (``Entities``), worked out for the whole
document with ``map`` and ``bisect`` in C; only the few mentions that events and relations use are
``Mention`` objects. The records are written as UTF-8 bytes (``jsoncols``' ``*_b`` functions):
``sentence_heads`` lays out each sentence record up to its entity mentions, ``sentence_records``
nests each sentence's mention rows in it, a document in one join.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter, sub
from pathlib import Path
from typing import Any, TypeVar

from ..model import Event, Relation
from ..schema import Schema
from ..token_schemes import SchemeDoc, tokenize_spans
from . import jsoncols
from .common import DocData, ExportOptions, lost_extras, spans_without_event
from .reports import ExportReport

_FIRST, _LAST = itemgetter(0), itemgetter(1)
# the schemes whose tokens are the text they cover (the others mark a clitic: "و+")
UNMARKED_SCHEMES = ("whitespace", "proclitics")
T = TypeVar("T")


def span_tokens(data: DocData, opts: ExportOptions, report: ExportReport) -> SchemeDoc:
    """Tokenize a document for a token format, its spans aligned (``tok.span_tokens[k]``: the token
    range of span ``k`` of ``data.columns()``, or None); moved boundaries and spans covering no
    token are reported, as ``conll.tokenized`` reports them."""
    c = data.columns()
    tok = tokenize_spans(data.text, c.starts, c.ends, opts.tokens, opts.sentences, data.whitespace_tokens())
    report.edges(tok.scheme, len(tok.moved), len(tok.split_out))
    report.tokens += len(tok.words)
    report.sentences += len(tok.sentences)
    for m in tok.moved:
        report.moved_boundaries += m.boundaries
        k = m.index
        report.lost("span boundaries moved to token edges", f"{c.ids[k]} {c.labels[k]} {c.texts[k]!r} -> "
                    f"{data.text[m.new_start:m.new_end]!r}", m.boundaries)
    if None in tok.span_tokens:
        for k, r in enumerate(tok.span_tokens):
            if r is None:
                report.lost("spans covering no token (only spaces)", f"{c.ids[k]} {c.labels[k]}")
    return tok


@dataclass
class Mention:
    """Span ``index`` (of ``data.columns()``) at tokens ``[first, last)`` of sentence ``sentence``;
    ``text`` is what those tokens cover."""

    index: int
    id: str
    label: str
    first: int
    last: int
    sentence: int
    text: str


@dataclass
class Entities:
    """The entity mentions of a document, in span order, one list per field: ``spans[k]`` is the
    mention's span (its index in ``data.columns()``), ``sentences`` is sorted; ``whole``: the
    mentions are all the spans, in their order (``spans`` is ``0, 1, ..., n - 1``)."""

    spans: list[int]
    firsts: list[int]
    lasts: list[int]
    sentences: list[int]
    whole: bool = False

    @classmethod
    def of(cls, spans: list[int], tok: SchemeDoc, firsts: list[int]) -> Entities:
        """The mentions of ``spans`` (aligned to tokens, in increasing order) under ``tok``;
        ``firsts``: each sentence's first token. Grouped by sentence, in span order within a sentence."""
        whole = len(spans) == len(tok.span_tokens)
        ranges = tok.span_tokens if whole else list(map(tok.span_tokens.__getitem__, spans))
        starts = list(map(_FIRST, ranges))  # type: ignore[arg-type]
        ents = cls(spans, starts, list(map(_LAST, ranges)), sentence_of(firsts, starts), whole)  # type: ignore[arg-type]
        if ents.sentences != sorted(ents.sentences):  # spans sorted by start are in sentence order already
            order = sorted(range(len(spans)), key=ents.sentences.__getitem__)
            spans, starts, lasts, sentences = ([col[k] for k in order] for col in (ents.spans, ents.firsts, ents.lasts,
                                                                                   ents.sentences))
            ents = cls(spans, starts, lasts, sentences)
        return ents

    def pick(self, column: Sequence[T]) -> Sequence[T]:
        """The mentions' values of a span column (of ``data.columns()``)."""
        return column if self.whole else list(map(column.__getitem__, self.spans))

    def in_sentence(self, n: int) -> tuple[int, int]:
        """The ``[lo, hi)`` range of the mentions of sentence ``n``."""
        return bisect_left(self.sentences, n), bisect_left(self.sentences, n + 1)



@dataclass
class DocMentions:
    tok: SchemeDoc
    entities: Entities
    events: list[tuple[Event, Mention, list[tuple[str, Mention]]]]
    relations: list[tuple[Relation, Mention, Mention]]

    def covered(self, firsts: list[int], lasts: list[int]) -> list[str]:
        """The text that tokens ``[first, last)`` cover, for each pair."""
        text, starts, ends = self.tok.text, self.tok.starts, self.tok.ends
        return list(map(text.__getitem__, map(slice, map(starts.__getitem__, firsts),
                                              map(ends.__getitem__, map(sub, lasts, repeat(1))))))


def sentence_heads(tok: SchemeDoc, doc_id: str, surface: bool = False, char_start: bool = False) -> list[bytes]:
    """Each sentence record's beginning as UTF-8 JSON, up to the ``[`` of its entity mentions:
    ``{"doc_id": ..., "sent_id": "<doc>-<n>", "tokens": [...], "sentence": "..."`` (with
    ``char_start``, then ``"char_start": n``), then ``, "entity_mentions": [``. The tokens are
    ``tok.words``, or with ``surface`` the text each covers (without the clitic marks of the
    schemes that write them)."""
    bounds = tok.sentences
    n = len(bounds)
    if not n:
        return []
    doc = b'"' + jsoncols.escaped_b([doc_id])[0] + b'"'
    words = tok.words
    if surface and tok.scheme not in UNMARKED_SCHEMES:
        words = list(map(tok.text.__getitem__, map(slice, tok.starts, tok.ends)))
    starts = list(map(tok.starts.__getitem__, map(_FIRST, bounds)))
    ends = list(map(tok.ends.__getitem__, map(sub, map(_LAST, bounds), repeat(1))))
    parts: list[Any] = [b'{"doc_id": ' + doc + b', "sent_id": ' + doc[:-1] + b"-", jsoncols.integers_b(list(range(n))),
                        b'", "tokens": ', jsoncols.string_lists_b(words, bounds), b', "sentence": "',
                        jsoncols.escaped_b(list(map(tok.text.__getitem__, map(slice, starts, ends)))), b'"']
    if char_start:
        parts += [b', "char_start": ', jsoncols.integers_b(starts)]
    parts.append(b', "entity_mentions": [')
    return jsoncols.row_list_b(parts, n)


def sentence_records(heads: list[bytes], tails: Sequence[bytes], ents: Entities, parts: Sequence[Any]) -> bytes:
    """The document's sentence records: sentence ``k`` is ``heads[k]``, its entity mentions (one row
    of ``parts`` each, as ``jsoncols.rows`` lays them out) and ``tails[k]``."""
    if not heads:
        return b""
    joints = [heads[0], *map(bytes.__add__, tails[:-1], heads[1:]), tails[-1]]
    return jsoncols.grouped_b(joints, ents.sentences, parts, len(ents.spans))


def sentence_of(firsts: list[int], tokens: list[int]) -> list[int]:
    """The sentence of each token (``firsts``: each sentence's first token), by bisection in C."""
    return list(map(sub, map(bisect_right, repeat(firsts), tokens), repeat(1)))


def entity_spans(data: DocData, tok: SchemeDoc, schema: Schema,
                 event_types: AbstractSet[str] | None = None) -> list[int]:
    """The spans that are entity mentions: aligned to tokens, not a trigger, not of an event type
    (``event_types``: the schema's event type names, when the caller has them already)."""
    c = data.columns()
    if event_types is None:
        event_types = event_type_names(schema)
    if None not in tok.span_tokens and not data.events and event_types.isdisjoint(c.labels):
        return list(range(c.n))  # usual: every span
    triggers = {e.trigger for e in data.events}
    return [k for k, r in enumerate(tok.span_tokens)
            if r is not None and c.ids[k] not in triggers and c.labels[k] not in event_types]


def event_type_names(schema: Schema) -> frozenset[str]:
    return frozenset(t.name for t in schema.event_types)


def doc_mentions(data: DocData, opts: ExportOptions, report: ExportReport, schema: Schema, fmt: str,
                 event_types: AbstractSet[str] | None = None) -> DocMentions:
    tok = span_tokens(data, opts, report)
    c = data.columns()
    firsts = list(map(_FIRST, tok.sentences))
    ks = entity_spans(data, tok, schema, event_types)
    entities = Entities.of(ks, tok, firsts)
    events: list[tuple[Event, Mention, list[tuple[str, Mention]]]] = []
    relations: list[tuple[Relation, Mention, Mention]] = []
    if data.events or data.relations:
        index = {sid: k for k, sid in enumerate(c.ids)}

        def mention(span_id: str) -> Mention:
            k = index[span_id]
            i, j = tok.span_tokens[k]  # type: ignore[misc]
            return Mention(k, span_id, c.labels[k], i, j, bisect_right(firsts, i) - 1,
                           data.text[tok.starts[i]:tok.ends[j - 1]])

        entity_ids = {c.ids[k] for k in ks}
        for e in data.events:
            k = index.get(e.trigger)
            if k is None or tok.span_tokens[k] is None:
                report.lost(f"events whose trigger covers no token ({fmt})", f"{e.id} {e.type}")
                continue
            args: list[tuple[str, Mention]] = []
            for role, target in e.arguments:
                if target in entity_ids:
                    args.append((role, mention(target)))
                else:
                    report.lost(f"event arguments that are events or triggers ({fmt} arguments are entities)",
                                f"{e.id} {e.type} {role}")
            events.append((e, mention(e.trigger), args))
        for r in data.relations:
            if r.arg1 in entity_ids and r.arg2 in entity_ids:
                relations.append((r, mention(r.arg1), mention(r.arg2)))
            else:
                report.lost(f"relations involving an event ({fmt} relations link entities)", f"{r.id} {r.type}")
    for s in spans_without_event(data, schema):
        report.lost(f"spans labelled with an event type that no event uses ({fmt} has no mention for them)",
                    f"{s.id} {s.label} {s.text!r}")
    lost_extras(data, report, fmt, ("span", "event", "relation"))
    return DocMentions(tok, entities, events, relations)


class MentionsWriter:
    """Streams JSON lines built from each document's mentions (``lines``, in a subclass)."""

    layout = "file"
    ext = ".jsonl"
    fmt = ""

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.opts, self.report, self.schema = opts, report, schema
        self.event_types = event_type_names(schema)

    def add(self, data: DocData) -> None:
        dm = doc_mentions(data, self.opts, self.report, self.schema, self.fmt, self.event_types)
        self.fh.write(self.lines(data, dm))

    def lines(self, data: DocData, dm: DocMentions) -> bytes:
        """The document's JSON lines (UTF-8), each ending with a newline."""
        raise NotImplementedError

    def close(self) -> None:
        self.fh.close()

