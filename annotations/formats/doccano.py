"""doccano JSONL: sequence labelling ``{"text", "label": [[start, end, label]]}`` or the relation variant.

The relation-extraction variant is ``{"text", "entities": [{"id", "label", "start_offset",
"end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}``; event arguments travel as
relations from the trigger entity labelled with the role (as in the Label Studio format). Offsets
are code points (doccano's backend is Python); ``offsets="utf16"`` converts for JavaScript tools.
Extra keys ``doc_id``, ``title``, ``meta`` and ``status`` are kept (doccano shows them as metadata)
and read back. Every span labelled with an event type is read back as an event (in the labels
variant, without arguments), except the spans numbered in ``trigger_spans_without_event`` (label
positions or entity ids, from 1), which no event used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions, codepoint_from_utf16, lost_extras, spans_without_event, utf16_offsets
from .docinfo import apply_info, doc_info, read_info
from .importing import ParsedDoc
from .labelstudio import NO_EVENT, regions_to_parsed
from .reports import ExportReport
from .staging import json_lines, json_text


def record(data: DocData, opts: ExportOptions, report: ExportReport, n: int, schema: Schema) -> str:
    """The JSON text of one doccano line for a document (its spans a column at a time)."""
    c = data.columns()
    starts, ends = jsoncols.integers(c.starts), jsoncols.integers(c.ends)
    if opts.offsets == "utf16":
        conv = utf16_offsets(data.text)
        starts, ends = (jsoncols.integers(list(map(conv.__getitem__, col))) for col in (c.starts, c.ends))
    rec: dict[str, Any] = {"id": n, "text": data.text, "doc_id": data.doc.id, **doc_info(data.doc)}
    # spans are numbered from 1 in both variants (label position, entity id)
    orphans = {s.id for s in spans_without_event(data, schema)}
    rec[NO_EVENT] = [k for k, s in enumerate(c.ids, 1) if s in orphans] if orphans else []
    lost_extras(data, report, "doccano",
                ("span", "event") if opts.doccano == "labels" else ("span", "event", "relation"))
    labels = jsoncols.values(c.labels)
    if opts.doccano == "labels":
        n_args = sum(len(e.arguments) for e in data.events)
        if n_args:
            report.lost("event arguments (doccano labels has none: events come back with their trigger "
                        "only; use --doccano relations)", f"{data.doc.id}: {n_args}", n_args)
        if data.relations:
            report.lost("relations (use the relations variant)", f"{data.doc.id}: {len(data.relations)}",
                        len(data.relations))
        return jsoncols.with_fields(rec, ("label", jsoncols.array(["[", starts, ", ", ends, ", ", labels, "]"], c.n)))
    num = {s: k for k, s in enumerate(c.ids, 1)}
    trig = {e.id: num[e.trigger] for e in data.events}
    num.update(trig)
    entities = jsoncols.array(['{"id": ', jsoncols.integers(range(1, c.n + 1)), ', "label": ', labels,
                               ', "start_offset": ', starts, ', "end_offset": ', ends, "}"], c.n)
    rels = []
    for e in data.events:
        rels += [(trig[e.id], num[t], role) for role, t in e.arguments]
    rels += [(num[r.arg1], num[r.arg2], r.type) for r in data.relations]
    relations = [{"id": k, "from_id": a, "to_id": b, "type": t} for k, (a, b, t) in enumerate(rels, 1)]
    return jsoncols.with_fields(rec, ("entities", entities), ("relations", json_text(relations)))


class Writer:
    """Streams one JSON object per line."""

    layout = "file"
    ext = ".jsonl"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.opts, self.report, self.n, self.schema = opts, report, 0, schema

    def add(self, data: DocData) -> None:
        self.n += 1
        self.fh.write((record(data, self.opts, self.report, self.n, self.schema) + "\n").encode("utf-8"))

    def close(self) -> None:
        self.fh.close()


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read doccano JSONL (either variant); every bad line or item is reported with its line."""
    name = str(path)
    utf16 = options.get("offsets") == "utf16"
    for no, rec in json_lines(path, options, problem, note="; line left out"):
        text = rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(text, str):
            problem(name, no, "no 'text' string; line left out")
            continue
        conv = codepoint_from_utf16(text) if utf16 else None
        pd = ParsedDoc(name, no, text, None, {"source": name})  # the title, if usable, comes next
        apply_info(pd, read_info({k: rec[k] for k in ("title", "meta", "status") if k in rec},
                                 "line", problem, name, no))
        regions: list[tuple[str, int, int, str, str | None]] = []
        links: list[tuple[str, str, str]] = []
        items = rec.get("label", rec.get("labels"))
        if items is not None:
            for k, item in enumerate(items if isinstance(items, list) else [None], 1):
                if not (isinstance(item, list) and len(item) == 3):
                    problem(name, no, f"label {item!r} is not [start, end, label]; left out")
                    continue
                regions.append((f"T{k}", item[0], item[1], item[2], None))
        for ent in rec.get("entities") or []:
            if not isinstance(ent, dict) or not {"id", "label", "start_offset", "end_offset"} <= set(ent):
                problem(name, no, f"entity {ent!r} lacks id/label/start_offset/end_offset; left out")
                continue
            regions.append((str(ent["id"]), ent["start_offset"], ent["end_offset"], ent["label"], None))
        for rel in rec.get("relations") or []:
            if not isinstance(rel, dict) or not {"from_id", "to_id", "type"} <= set(rel):
                problem(name, no, f"relation {rel!r} lacks from_id/to_id/type; left out")
                continue
            links.append((str(rel["from_id"]), str(rel["to_id"]), rel["type"]))
        if conv is not None:
            ok = []
            for r in regions:
                if r[1] in conv and r[2] in conv:
                    ok.append((r[0], conv[r[1]], conv[r[2]], r[3], r[4]))
                else:
                    problem(name, no, f"span {r[0]}: UTF-16 offsets {r[1]}-{r[2]} split a character")
            regions = ok
        no_event = rec.get(NO_EVENT) or []
        not_events = {f"T{k}" if items is not None else str(k) for k in no_event} \
            if isinstance(no_event, list) else set()
        regions_to_parsed(pd, regions, links, options["schema"], problem, no, not_events)
        yield pd
