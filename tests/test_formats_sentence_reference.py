"""Event JSON, OneIE, DyGIE++ and the shards' JSON Lines against plain reference writers.

The writers lay a document's JSON out a column at a time, in UTF-8 bytes (``jsoncols``); the
references here build each record as Python dicts, one mention at a time, from ``Span`` values
read through the project's API, and write ``json_text`` of it. Both run on the trap project (nested
spans, events, relations, attributes, invisible characters, empty documents) plus a document made of
what could pass for the writers' own separators (quotes next to commas, a comma opening a sentence,
backslashes, ``],[``, a line separator), under several token schemes and selections; every line must
be the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_formats_common import find
from test_formats_fast_read import api_load_doc, build

from annotations import Project
from annotations.formats import export
from annotations.formats.common import ExportOptions
from annotations.formats.conll import tag_columns
from annotations.formats.jsonl import local
from annotations.formats.mentions import UNMARKED_SCHEMES, doc_mentions, entity_spans
from annotations.formats.reports import ExportReport
from annotations.formats.staging import json_text
from annotations.token_schemes import tokenize

# every token here is one the orjson shortcuts must not take for a separator
TRICKY = ('قال "الوزير", ثم قال: "\\ لا" و ],[ ثم\n, بدأ الاجتماع في "بغداد",\n"," جاء الوفد\u2028 أمس.\n'
          "\\\\ ثم \"\" انتهى.")
OPTIONS = [{}, {"tokens": "atb"}, {"tokens": "whitespace"}, {"tokens": "conllu"}, {"labels": "GPE,PER,Contact.Meet"}]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reference") / "project"
    build(folder)
    with Project.open(folder) as p:
        d = p.add_document(TRICKY, title='"عنوان",\\', status="done")
        for word, label, occ in (("الوزير", "PER", 0), ("\\ لا", "ORG", 0), ("],[", "LOC", 0), (", بدأ", "ORG", 0),
                                 ('"بغداد",', "GPE", 0), ('","', "LOC", 0), ("الوفد\u2028 أمس", "ORG", 0),
                                 ('""', "PER", 0)):
            p.add_span(d, *find(TRICKY, word, occ), label)
    return folder


def documents(p: Project, options: dict[str, Any]) -> tuple[ExportOptions, list[Any]]:
    opts = ExportOptions.from_dict({"status": "all", **options})
    report = ExportReport("x", "-")
    return opts, [api_load_doc(p, i.id, opts, report, "all", i) for i in p.documents(status=opts.status)]


def exported(p: Project, fmt: str, out: Path, options: dict[str, Any]) -> list[bytes]:
    export(p, fmt, out, {"status": "all", **options})
    files = [out] if out.is_file() else sorted(out.rglob("*.jsonl"))
    return [line for f in files for line in f.read_bytes().splitlines(keepends=True)]


def line(record: dict[str, Any]) -> bytes:
    return (json_text(record) + "\n").encode("utf-8")


def mentions_of(data: Any, tok: Any, ks: list[int]) -> list[tuple[int, int, int, Any]]:
    """``(sentence, first, last, span)`` of each entity mention, found one at a time."""
    out = []
    for k in ks:
        i, j = tok.span_tokens[k]
        n = next(n for n, (a, b) in enumerate(tok.sentences) if a <= i < b)
        out.append((n, i, j, data.spans[k]))
    return sorted(out, key=lambda m: m[0])


def covered(tok: Any, i: int, j: int) -> str:
    return tok.text[tok.starts[i]:tok.ends[j - 1]]


def reference_oneie(data: Any, opts: ExportOptions, schema: Any) -> list[bytes]:
    dm = doc_mentions(data, opts, ExportReport("x", "-"), schema, "OneIE")
    tok = dm.tok
    ments = mentions_of(data, tok, entity_spans(data, tok, schema))
    out = []
    for n, (a, b) in enumerate(tok.sentences):
        def arg(m: Any, role: str) -> dict[str, Any]:
            return {"entity_id": local(m.id), "text": m.text, "role": role}

        rels = [{"id": local(r.id), "relation_type": r.type, "arguments": [arg(m1, "Arg-1"), arg(m2, "Arg-2")]}
                for r, m1, m2 in dm.relations if m1.sentence == m2.sentence == n]
        evs = [{"id": local(e.id), "event_type": e.type,
                "trigger": {"start": t.first - a, "end": t.last - a, "text": t.text},
                "arguments": [arg(m, role) for role, m in args if m.sentence == n]}
               for e, t, args in dm.events if t.sentence == n]
        out.append(line({
            "doc_id": data.doc.id, "sent_id": f"{data.doc.id}-{n}", "tokens": tok.words[a:b],
            "sentence": covered(tok, a, b),
            "entity_mentions": [{"id": local(s.id), "start": i - a, "end": j - a, "entity_type": s.label,
                                 "mention_type": "UNK", "text": covered(tok, i, j)} for m, i, j, s in ments if m == n],
            "relation_mentions": rels, "event_mentions": evs}))
    return out


def reference_dygiepp(data: Any, opts: ExportOptions, schema: Any) -> list[bytes]:
    dm = doc_mentions(data, opts, ExportReport("x", "-"), schema, "DyGIE++")
    tok = dm.tok
    ments = mentions_of(data, tok, entity_spans(data, tok, schema))
    n = len(tok.sentences)
    return [line({
        "doc_key": data.doc.id, "dataset": "".join(c for c in schema.name.lower() if c.isascii() and c.isalnum())
        or "qalam",
        "sentences": [tok.words[a:b] for a, b in tok.sentences],
        "ner": [[[i, j - 1, s.label] for m, i, j, s in ments if m == k] for k in range(n)],
        "relations": [[[m1.first, m1.last - 1, m2.first, m2.last - 1, r.type] for r, m1, m2 in dm.relations
                       if m1.sentence == k] for k in range(n)],
        "events": [[[[t.first, e.type], *([m.first, m.last - 1, role] for role, m in args)]
                    for e, t, args in dm.events if t.sentence == k] for k in range(n)],
        "clusters": []})]


def reference_events(data: Any, opts: ExportOptions, schema: Any, written: list[dict[str, Any]]) -> list[bytes]:
    """The event JSON records; their relation and event mentions (unchanged, per-object code in the
    writer) are taken from what was written, the rest is built here."""
    c = data.columns()
    tok = tokenize(data.text, list(zip(c.starts, c.ends, strict=True)), opts.tokens, opts.sentences,
                   data.whitespace_tokens())
    ments = mentions_of(data, tok, entity_spans(data, tok, schema))
    words = tok.words if tok.scheme in UNMARKED_SCHEMES else [tok.text[s:e] for s, e in zip(tok.starts, tok.ends,
                                                                                             strict=True)]
    out = []
    for n, (a, b) in enumerate(tok.sentences):
        rec = next(r for r in written if r["sent_id"] == f"{data.doc.id}-{n}")
        out.append(line({
            "doc_id": data.doc.id, "sent_id": f"{data.doc.id}-{n}", "tokens": words[a:b],
            "sentence": covered(tok, a, b), "char_start": tok.starts[a],
            "entity_mentions": [{"id": local(s.id), "start": i - a, "end": j - a, "entity_type": s.label,
                                 "text": s.text, "char_start": s.start, "char_end": s.end,
                                 "attributes": dict(s.attributes)} for m, i, j, s in ments if m == n],
            "relation_mentions": rec["relation_mentions"], "event_mentions": rec["event_mentions"]}))
    return out


def reference_shards(data: Any, opts: ExportOptions) -> list[bytes]:
    tok, columns = tag_columns(data, opts, ExportReport("x", "-"))
    title = data.doc.title or ""
    rows = [line({"id": data.doc.id, "title": title, "sentence": n, "tokens": tok.words[a:b],
                  "ner_tags": columns[0][a:b]}) for n, (a, b) in enumerate(tok.sentences)]
    return [*rows, line({"id": data.doc.id, "title": title, "text": data.text, "spans": [
        {"start": s.start, "end": s.end, "label": s.label, "text": s.text} for s in data.spans]})]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("fmt", ["events", "oneie", "dygiepp", "shards"])
def test_sentence_formats_write_what_the_reference_writes(project, tmp_path, fmt, options):
    with Project.open(project, readonly=True) as p:
        got = exported(p, fmt, tmp_path / fmt, options)
        opts, docs = documents(p, options)
        schema = p.schema
    if fmt == "events":
        written = [json.loads(x) for x in got]
        expect = [x for d in docs for x in reference_events(d, opts, schema, written)]
    elif fmt == "oneie":
        expect = [x for d in docs for x in reference_oneie(d, opts, schema)]
    elif fmt == "dygiepp":
        expect = [x for d in docs for x in reference_dygiepp(d, opts, schema)]
    else:  # each document goes whole to one shard: the lines of all shards, in any order
        expect = [x for d in docs for x in reference_shards(d, opts)]
        got, expect = sorted(got), sorted(expect)
    assert len(got) == len(expect) >= len(docs) > 5
    for g, e in zip(got, expect, strict=True):
        assert g == e
    assert any(b'\\"' in g for g in got) and any(b"\\\\" in g for g in got)  # the tricky document was written
