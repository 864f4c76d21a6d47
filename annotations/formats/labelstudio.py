"""Label Studio JSON tasks: ``labels`` results for spans, ``relation`` results for relations and event arguments.

Each document is a task ``{"data": {"text", "doc_id", "title", "meta", "status"},
"annotations"|"predictions": [{"result": [...]}]}``. Label Studio has no events: an event argument
is written as a relation result from the trigger region to the argument region labelled with the
role, and read back as an event argument when the source region is labelled with an event type.
Every region labelled with an event type is read back as an event, except those listed in
``data.trigger_spans_without_event`` (spans labelled with an event type that no event uses).
Offsets are code points, as Label Studio (since frontend PR #308) stores them; ``offsets="utf16"``
writes and reads JavaScript UTF-16 offsets for older versions. A ``label_config.xml`` for the project is written beside.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions, codepoint_from_utf16, spans_without_event, utf16_offsets
from .docinfo import apply_info, doc_info, read_info
from .importing import ParsedDoc
from .jsonl import local
from .reports import ExportReport
from .staging import json_text


def label_config(schema: Schema) -> str:
    """A Label Studio labeling config (XML) with the schema's span labels and relation types/roles."""
    labels = [(t.name, t.color) for t in schema.entity_types] + [(t.name, t.color) for t in schema.event_types]
    rels = [t.name for t in schema.relation_types]
    roles = sorted({r.name for t in schema.event_types for r in t.roles} - set(rels))
    out = ["<View>", '  <Relations>']
    out += [f"    <Relation value={quoteattr(n)}/>" for n in rels + roles]
    out += ["  </Relations>", '  <Labels name="label" toName="text">']
    out += [f"    <Label value={quoteattr(n)} background={quoteattr(c)}/>" for n, c in labels]
    out += ["  </Labels>", '  <Text name="text" value="$text" granularity="symbol"/>', "</View>", ""]
    return "\n".join(out)


def results(data: DocData, opts: ExportOptions, report: ExportReport) -> str:
    """The JSON text of the ``result`` list of one document (the span regions a column at a time)."""
    c = data.columns()
    starts, ends = c.starts, c.ends
    if opts.offsets == "utf16":
        conv = utf16_offsets(data.text)
        starts, ends = list(map(conv.__getitem__, starts)), list(map(conv.__getitem__, ends))
    notes: str | list[str] = ""
    if any(c.notes):
        notes = [', "meta": {"text": [' + json_text(note) + "]}" if note else "" for note in c.notes]
    if any(c.stored_attributes):
        for sid, attrs in zip(c.ids, c.attributes, strict=True):
            if attrs:
                report.lost("span attributes (Label Studio regions have none)", f"{sid} {dict(attrs)}")
    regions = jsoncols.rows(['{"id": "', jsoncols.escaped(c.local_ids), '", "from_name": "label", "to_name": "text", '
                             '"type": "labels", "origin": "manual", "value": {"start": ', jsoncols.integers(starts),
                             ', "end": ', jsoncols.integers(ends), ', "text": "', jsoncols.escaped(c.texts),
                             '", "labels": [', jsoncols.values(c.labels), "]}", notes, "}"], c.n)
    links: list[dict[str, Any]] = []
    trigger_of = {e.id: local(e.trigger) for e in data.events}
    for e in data.events:
        for role, target in e.arguments:
            links.append({"from_id": local(e.trigger), "to_id": trigger_of.get(target, local(target)),
                          "type": "relation", "direction": "right", "labels": [role]})
        if e.attributes or e.note:
            report.lost("event attributes and notes (Label Studio has no events)", f"{e.id} {e.type}")
    for rel in data.relations:
        links.append({"from_id": trigger_of.get(rel.arg1, local(rel.arg1)),
                      "to_id": trigger_of.get(rel.arg2, local(rel.arg2)),
                      "type": "relation", "direction": "right", "labels": [rel.type]})
        if rel.attributes or rel.note:
            report.lost("relation attributes and notes (Label Studio relations have none)", rel.id)
    return "[" + ", ".join([regions] * bool(regions) + list(map(json_text, links))) + "]"


NO_EVENT = "trigger_spans_without_event"


def task(data: DocData, opts: ExportOptions, report: ExportReport, n: int, schema: Schema) -> str:
    """The JSON text of one document's task."""
    key = opts.labelstudio_key
    entry = '{"result": ' + results(data, opts, report) + (', "model_version": "qalam"' if key == "predictions"
                                                          else "") + "}"
    info = {"text": data.text, "doc_id": data.doc.id, **doc_info(data.doc),
            NO_EVENT: [local(s.id) for s in spans_without_event(data, schema)]}
    entries = {key: [entry]}
    if data.suggestions:
        entries.setdefault("predictions", []).append(json_text(suggestion_prediction(data, opts)))
    return jsoncols.with_fields({"id": n, "data": info}, *((k, "[" + ", ".join(v) + "]") for k, v in entries.items()))


def suggestion_prediction(data: DocData, opts: ExportOptions) -> dict[str, Any]:
    """The open suggestions of a document as one Label Studio prediction (``--include-suggestions``)."""
    conv = utf16_offsets(data.text) if opts.offsets == "utf16" else None
    result = []
    for s in data.suggestions:
        start, end = (conv[s.start], conv[s.end]) if conv else (s.start, s.end)
        result.append({"id": local(s.id), "from_name": "label", "to_name": "text", "type": "labels",
                       "score": s.score, "meta": {"text": [s.source]},
                       "value": {"start": start, "end": end, "text": s.text, "labels": [s.label]}})
    score = sum(s.score for s in data.suggestions) / len(data.suggestions)
    return {"model_version": "qalam-suggestions", "score": round(score, 4), "result": result}


class Writer:
    """Streams tasks into one JSON array."""

    layout = "file"
    ext = ".json"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.opts, self.report, self.n, self.schema = opts, report, 0, schema
        self.fh.write(b"[")

    def add(self, data: DocData) -> None:
        self.n += 1
        sep = b"\n" if self.n == 1 else b",\n"
        self.fh.write(sep + task(data, self.opts, self.report, self.n, self.schema).encode())

    def close(self) -> None:
        self.fh.write(b"\n]\n")
        self.fh.close()

    @staticmethod
    def write_extras(out: Path, schema: Schema, opts: ExportOptions) -> Path:
        target = out / "label_config.xml" if out.is_dir() else out.with_name(out.name + ".label_config.xml")
        target.write_text(label_config(schema), encoding="utf-8")
        return target


def regions_to_parsed(pd: ParsedDoc, regions: list[tuple[str, Any, Any, str, str | None]],
                      links: list[tuple[str, str, str]], schema: Schema, problem: Any, where: int,
                      not_events: Container[str] = ()) -> None:
    """Fill ``pd`` from ``(ref, start, end, label, note)`` regions and ``(from, to, label)`` links.

    A link from a region labelled with an event type whose label is one of that event type's roles
    becomes an event argument (every event-type region not in ``not_events`` becomes an event);
    other links are relations.
    """
    labels = {}
    for ref, start, end, label, note in regions:
        pd.spans.append({"ref": ref, "start": start, "end": end, "label": label, "note": note, "line": where})
        labels[ref] = label
    events: dict[str, dict[str, Any]] = {}
    for ref, label in labels.items():
        if schema.event(label) is not None and ref not in not_events:
            events[ref] = {"ref": f"E:{ref}", "type": label, "trigger": ref, "arguments": [], "line": where}
    for n, (a, b, label) in enumerate(links, 1):
        et = schema.event(labels.get(a, ""))
        if a in events and et is not None and et.role(label) is not None:
            events[a]["arguments"].append([label, f"E:{b}" if b in events else b])
        else:
            pd.relations.append({"ref": f"R{n}", "type": label, "arg1": f"E:{a}" if a in events else a,
                                 "arg2": f"E:{b}" if b in events else b, "line": where})
    pd.events.extend(events.values())


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read a Label Studio JSON export (a list of tasks). Problem "lines" are task numbers."""
    name = str(path)
    with open(path, encoding=options.get("encoding", "utf-8")) as fh:
        try:
            tasks = json.load(fh)
        except json.JSONDecodeError as exc:
            problem(name, exc.lineno, f"not valid JSON ({exc.msg}); nothing imported")
            return
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        problem(name, None, "a Label Studio export is a JSON list of tasks")
        return
    schema = options["schema"]  # set by import_annotated: event types decide what a link means
    utf16 = options.get("offsets") == "utf16"
    for n, t in enumerate(tasks, 1):
        data = t.get("data") if isinstance(t, dict) else None
        text = data.get("text") if isinstance(data, dict) else None
        if text is None and isinstance(data, dict):
            # projects may name the text field anything ($article...): take the only string field
            strings = [v for v in data.values() if isinstance(v, str)]
            text = strings[0] if len(strings) == 1 else None
        if not isinstance(text, str):
            problem(name, n, "task has no data.text (nor a single text field); left out")
            continue
        assert isinstance(data, dict)
        pd = ParsedDoc(name, n, text, None, {"source": name})  # the title, if usable, comes next
        apply_info(pd, read_info({k: data[k] for k in ("title", "meta", "status") if k in data},
                                 "task data", problem, name, n))
        entries = [a for a in (t.get("annotations") or []) if not a.get("was_cancelled")] or \
            (t.get("predictions") or [])
        result = entries[0].get("result", []) if entries else []
        conv = codepoint_from_utf16(text) if utf16 else None
        regions: list[tuple[str, Any, Any, str, str | None]] = []
        links: list[tuple[str, str, str]] = []
        for r in result:
            if r.get("type") == "relation":
                for lab in r.get("labels") or []:
                    links.append((str(r.get("from_id")), str(r.get("to_id")), lab))
                if not r.get("labels"):
                    problem(name, n, f"relation {r.get('from_id')}->{r.get('to_id')} has no label; left out")
                continue
            if r.get("type") != "labels":
                problem(name, n, f"result type {r.get('type')!r} is not supported (only labels and relation); "
                        "left out", "warning")
                continue
            v = r.get("value") or {}
            start, end, labs = v.get("start"), v.get("end"), v.get("labels") or []
            if conv is not None:
                if start not in conv or end not in conv:
                    problem(name, n, f"region {r.get('id')}: UTF-16 offsets {start}-{end} split a character")
                    continue
                start, end = conv[start], conv[end]
            if len(labs) != 1:
                problem(name, n, f"region {r.get('id')}: {len(labs)} labels; one span per label is made",
                        "warning" if labs else "error")
            note = ((r.get("meta") or {}).get("text") or [None])[0]
            for k, lab in enumerate(labs):
                ref = str(r.get("id")) if k == 0 else f"{r.get('id')}#{k}"
                regions.append((ref, start, end, lab, note))
            if "text" in v and isinstance(start, int) and isinstance(end, int) and text[start:end] != v["text"]:
                problem(name, n, f"region {r.get('id')}: text at {start}-{end} is {text[start:end]!r}, "
                        f"not {v['text']!r}; left out")
                regions = [x for x in regions if not x[0].split("#")[0] == str(r.get("id"))]
        no_event = data.get(NO_EVENT) or []
        regions_to_parsed(pd, regions, links, schema, problem, n,
                          {str(x) for x in no_event} if isinstance(no_event, list) else ())
        yield pd
