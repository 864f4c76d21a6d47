"""brat standoff: ``<doc>.txt`` + ``<doc>.ann`` per document, ``annotation.conf`` and ``visual.conf`` from the schema.

brat type names may only use ``A-Z a-z 0-9 -`` here; any other character (the ``.`` of
``Contact.Meet``, ``_``, Arabic letters) is written as ``_<hex code point>_`` (``Contact_2E_Meet``),
which reads back unambiguously, and ``visual.conf`` shows the original name. A role name ending in a
digit has that digit escaped too, because brat numbers repeated roles (``Entity``, ``Entity2``).
Offsets are code points into the ``.txt`` file, which is written byte for byte as stored.

brat reads ``.ann`` files line by line with Python's notion of a line, which also ends at U+2028,
U+2029, U+0085, VT, FF and FS/GS/RS: a span is cut into fragments at every one of them, so no
``.ann`` line ever contains one. The document's title, meta and status, which brat has no place
for, go in ``<doc>.meta.json`` beside the ``.txt`` (brat ignores it; import reads it back).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions
from .docinfo import apply_info, info_json, read_info
from .folder import FolderFiles
from .importing import ParsedDoc
from .jsonl import local
from .reports import ExportReport

_SAFE = re.compile(r"[A-Za-z0-9-]")
_ESC = re.compile(r"_([0-9A-F]{1,6})_")
# every character str.splitlines() ends a line at: brat's reader splits .ann lines there
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RUN = re.compile(f"[{LINE_BREAKS}]+")
_BREAK_OR_TAB = re.compile(f"[{LINE_BREAKS}\t]")
INFO_SUFFIX = ".meta.json"


def to_brat(name: str, role: bool = False) -> str:
    """Reversibly map a label/role/attribute name to brat's safe characters."""
    out = "".join(c if _SAFE.match(c) else f"_{ord(c):X}_" for c in name)
    if role and out[-1:].isdigit():
        out = out[:-1] + f"_{ord(out[-1]):X}_"
    return out


@functools.lru_cache(maxsize=1024)
def _brat_name(name: str) -> str:
    """``to_brat`` of a label, worked out once per label (every span's line needs it)."""
    return to_brat(name)


def from_brat(name: str) -> str:
    """Inverse of ``to_brat``."""
    return _ESC.sub(lambda m: chr(int(m.group(1), 16)), name)


class Writer:
    """Writes one folder of brat files (``.txt``/``.ann`` per document plus the two conf files)."""

    layout = "dir"
    ext = ""

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.path, self.report, self.schema = path, report, schema
        path.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()
        self.files = FolderFiles(path)

    def add(self, data: DocData) -> None:
        ann = ann_text(data, self.report)
        doc_id = data.doc.id
        self.files.write(f"{doc_id}.txt", data.text.encode("utf-8"))
        self.files.write(f"{doc_id}.ann", ann.encode("utf-8"))
        self.files.write(f"{doc_id}{INFO_SUFFIX}", (info_json(data.doc) + "\n").encode("utf-8"))

    def close(self) -> None:
        self.files.close()
        (self.path / "annotation.conf").write_text(annotation_conf(self.schema), encoding="utf-8")
        (self.path / "visual.conf").write_text(visual_conf(self.schema), encoding="utf-8")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """brat keeps one line per annotation: a span crossing a line break is written as fragments."""
    frags = []
    pos = start
    for m in _BREAK_RUN.finditer(text, start, end):
        if m.start() > pos:
            frags.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        frags.append((pos, end))
    return frags or [(start, end)]


def _one_line(value: str) -> str:
    return _BREAK_OR_TAB.sub(" ", value)


def ann_text(data: DocData, report: ExportReport) -> str:
    """The ``.ann`` file of one document. Most documents' spans have no attribute, note or line
    break: their lines are laid out a column at a time; the others go through ``ann_lines``."""
    c = data.columns()
    if c.n and all(c.texts) and not c.any_extras() and _BREAK_OR_TAB.search("".join(c.texts)) is None:
        spans = jsoncols.rows([c.local_ids, "\t", list(map(_brat_name, c.labels)), " ", jsoncols.integers(c.starts),
                               " ", jsoncols.integers(c.ends), "\t", c.texts], c.n, "\n") + "\n"
        if not data.events and not data.relations:
            return spans
        return spans + "".join(x + "\n" for x in ann_lines(data, report, spans_written=True))
    return "".join(x + "\n" for x in ann_lines(data, report))


def ann_lines(data: DocData, report: ExportReport, spans_written: bool = False) -> list[str]:
    """The ``.ann`` lines of one document (``spans_written``: only those after the spans' lines,
    when no span has attributes, a note or a line break)."""
    text = data.text
    lines: list[str] = []
    attr_n = note_n = 0

    def attrs_and_note(brat_id: str, a: Any) -> None:
        nonlocal attr_n, note_n
        for name, value in a.attributes.items():
            attr_n += 1
            if value is True:
                lines.append(f"A{attr_n}\t{to_brat(name)} {brat_id}")
            else:
                if not isinstance(value, str):
                    report.lost("attribute values that are not text (written as text)", f"{a.id} {name}={value!r}")
                lines.append(f"A{attr_n}\t{to_brat(name)} {brat_id} {to_brat(str(value))}")
        if a.note:
            note_n += 1
            if _one_line(a.note) != a.note:
                report.lost("notes with line breaks (flattened to one line)", f"{a.id}")
            lines.append(f"#{note_n}\tAnnotatorNotes {brat_id}\t{_one_line(a.note)}")

    skipped: set[str] = set()
    for s in () if spans_written else data.spans:
        if not s.text.strip(LINE_BREAKS):
            report.lost("spans of only line breaks (brat cannot hold them; left out with what uses them)", s.id)
            skipped.add(s.id)
            continue
        ref = local(s.id)
        if _BREAK_RUN.search(s.text) is None:  # most spans: one fragment, the span itself
            lines.append(f"{ref}\t{_brat_name(s.label)} {s.start} {s.end}\t{s.text}")
        else:
            frags = _fragments(text, s.start, s.end)
            if (frags[0][0], frags[-1][1]) != (s.start, s.end):
                report.lost("spans starting or ending with a line break (trimmed)", f"{s.id} {s.text!r}")
            if len(frags) > 1:
                report.lost("spans crossing a line break (written as brat fragments)", f"{s.id} {s.text!r}")
            offs = ";".join(f"{a} {b}" for a, b in frags)
            shown = " ".join(text[a:b] for a, b in frags)
            lines.append(f"{ref}\t{_brat_name(s.label)} {offs}\t{shown}")
        if s.attributes or s.note:
            attrs_and_note(ref, s)
    skipped |= {e.id for e in data.events if e.trigger in skipped}
    for e in data.events:
        if e.id in skipped:
            continue
        seen: Counter[str] = Counter()
        parts = [f"{to_brat(e.type)}:{local(e.trigger)}"]
        for role, target in e.arguments:
            if target in skipped:
                continue
            seen[role] += 1
            suffix = str(seen[role]) if seen[role] > 1 else ""
            parts.append(f"{to_brat(role, role=True)}{suffix}:{local(target)}")
        lines.append(f"{local(e.id)}\t{' '.join(parts)}")
        attrs_and_note(local(e.id), e)
    for r in data.relations:
        if r.arg1 in skipped or r.arg2 in skipped:
            continue
        lines.append(f"{local(r.id)}\t{to_brat(r.type)} Arg1:{local(r.arg1)} Arg2:{local(r.arg2)}")
        attrs_and_note(local(r.id), r)
    return lines


def annotation_conf(schema: Schema) -> str:
    """brat's annotation.conf for ``schema`` (names mapped with ``to_brat``)."""

    def types(names: list[str]) -> str:
        return "|".join(to_brat(n) for n in names) if names else "<ANY>"

    out = ["# written by Qalam Annotator from the schema " + schema.name,
           "# names: '_2E_' is '.', '_5F_' is '_' (see visual.conf for the original names)", "", "[entities]"]
    out += [to_brat(t.name) for t in schema.entity_types]
    out += ["", "[relations]"]
    for r in schema.relation_types:
        out.append(f"{to_brat(r.name)}\tArg1:{types(r.arg1)}, Arg2:{types(r.arg2)}")
    out.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    out += ["", "[events]"]
    for e in schema.event_types:
        roles = ", ".join(f"{to_brat(r.name, role=True)}*:{types(r.types) if r.types else '<ENTITY>'}"
                          for r in e.roles)
        out.append(f"{to_brat(e.name)}\t{roles}".rstrip())
    out += ["", "[attributes]"]
    kinds = {"entity": "<ENTITY>", "event": "<EVENT>", "relation": "<RELATION>"}
    for a in schema.attributes:
        args = "|".join(kinds[k] for k in a.applies_to if k in kinds) or "<ENTITY>"
        out.append(f"{to_brat(a.name)}\tArg:{args}, Value:{'|'.join(to_brat(v) for v in a.values)}")
    return "\n".join(out) + "\n"


def visual_conf(schema: Schema) -> str:
    """brat's visual.conf: original names as display labels, schema colours."""
    out = ["[labels]"]
    for _, t in schema.all_types():
        out.append(f"{to_brat(t.name)} | {t.name}")
    out += ["", "[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
            "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5"]
    for _, t in schema.all_types():
        out.append(f"{to_brat(t.name)}\tbgColor:{t.color}")
    return "\n".join(out) + "\n"


_T_RE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_ROLE_NUM = re.compile(r"^(.*?)(\d*)$")


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read one ``.ann`` file and its ``.txt``; every bad line is reported and left out."""
    ann = Path(path)
    if ann.suffix == ".txt":
        ann = ann.with_suffix(".ann")
    txt = ann.with_suffix(".txt")
    name = str(ann)
    enc = options.get("encoding", "utf-8")
    if not txt.exists():
        problem(name, None, f"{txt.name} is missing: brat keeps the text beside the .ann file")
        return
    with open(txt, encoding=enc, newline="") as fh:
        text = fh.read()
    pd = ParsedDoc(name, None, text, ann.stem, {"source": str(txt)})
    info = ann.with_name(ann.stem + INFO_SUFFIX)
    if info.exists():
        with open(info, encoding="utf-8") as fh:
            apply_info(pd, read_info(fh.read(), info.name, problem, name, None))
    if not ann.exists():
        yield pd
        return
    attrs: dict[str, dict[str, Any]] = {}
    notes: dict[str, str] = {}
    items: dict[str, dict[str, Any]] = {}
    with open(ann, encoding=enc, newline="") as fh:
        raw_lines = fh.read().split("\n")
    for no, line in enumerate(raw_lines, 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        kind = line[:1]
        if kind == "T":
            m = _T_RE.match(line)
            if not m:
                problem(name, no, "text-bound line must be 'T<n><TAB>Type start end<TAB>text'; left out")
                continue
            ref, label, offs, shown = m.groups()
            frags = [tuple(map(int, f.split())) for f in offs.split(";")]
            if any(not 0 <= a <= b <= len(text) for a, b in frags):
                problem(name, no, f"{ref}: offsets {offs} are outside the text (length {len(text)}); left out")
                continue
            if " ".join(text[a:b] for a, b in frags) != shown and "".join(text[a:b] for a, b in frags) != shown:
                problem(name, no, f"{ref}: the text at {offs} is "
                        f"{' '.join(text[a:b] for a, b in frags)!r}, not {shown!r}; left out")
                continue
            start, end = frags[0][0], frags[-1][1]
            gaps = [text[b:a] for (_, b), (a, _) in zip(frags, frags[1:], strict=False)]
            if any(g.strip() for g in gaps):
                problem(name, no, f"{ref}: discontinuous span read as one span {start}-{end}", "warning")
            items[ref] = {"ref": ref, "start": start, "end": end, "label": from_brat(label), "line": no}
            pd.spans.append(items[ref])
        elif kind == "E":
            ref, _, rest = line.partition("\t")
            parts = rest.split()
            if not parts or ":" not in parts[0]:
                problem(name, no, f"{ref}: event line must be 'E<n><TAB>Type:Trigger Role:Id...'; left out")
                continue
            etype, _, trig = parts[0].partition(":")
            args = []
            ok = True
            for p in parts[1:]:
                role, sep, target = p.partition(":")
                if not sep or not target:
                    problem(name, no, f"{ref}: argument {p!r} is not Role:Id; event left out")
                    ok = False
                    break
                base = _ROLE_NUM.match(role)
                args.append([from_brat(base.group(1) if base else role), target])
            if ok:
                items[ref] = {"ref": ref, "type": from_brat(etype), "trigger": trig, "arguments": args,
                              "line": no}
                pd.events.append(items[ref])
        elif kind == "R":
            ref, _, rest = line.partition("\t")
            parts = rest.split()
            args_d = dict(p.partition(":")[::2] for p in parts[1:])
            if len(parts) != 3 or set(args_d) != {"Arg1", "Arg2"}:
                problem(name, no, f"{ref}: relation line must be 'R<n><TAB>Type Arg1:Id Arg2:Id'; left out")
                continue
            items[ref] = {"ref": ref, "type": from_brat(parts[0]), "arg1": args_d["Arg1"],
                          "arg2": args_d["Arg2"], "line": no}
            pd.relations.append(items[ref])
        elif kind in ("A", "M"):
            parts = line.partition("\t")[2].split()
            if len(parts) not in (2, 3):
                problem(name, no, "attribute line must be 'A<n><TAB>Name Target [Value]'; left out")
                continue
            value: Any = from_brat(parts[2]) if len(parts) == 3 else True
            attrs.setdefault(parts[1], {})[from_brat(parts[0])] = value
        elif kind == "#":
            head, _, note = line.partition("\t")[2].partition("\t")
            hparts = head.split()
            if len(hparts) != 2:
                problem(name, no, "note line must be '#<n><TAB>AnnotatorNotes Target<TAB>text'; left out")
                continue
            notes[hparts[1]] = note
        else:
            problem(name, no, f"annotation kind {kind!r} (normalisations, equivalences) is not supported; "
                    "left out")
    for ref, values in attrs.items():
        if ref in items:
            items[ref].setdefault("attributes", {}).update(values)
        else:
            problem(name, None, f"attributes refer to {ref}, which is not defined; left out")
    for ref, note in notes.items():
        if ref in items:
            items[ref]["note"] = note
        else:
            problem(name, None, f"a note refers to {ref}, which is not defined; left out")
    yield pd
