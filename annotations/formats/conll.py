"""CoNLL token/tag files (IOB2 or BIOES): export with our tokenizer, import with every bad tag reported.

Export: one ``TOKEN TAG`` line per token (space separated), a blank line after each sentence, and a
``-DOCSTART- O`` line before each document, followed by a ``# qalam-document = {...}`` comment line
with the document's title, meta and status (JSON). Nested spans keep the outermost (the others are
counted in the report; ``nested="innermost"`` keeps the innermost instead), or with
``nested="levels"`` get one tag column per nesting level, outer first; every row then has as many
tag columns as the deepest document of the export needs (``O`` below a document's own depth; the
same in train, dev and test files), as in Wojood.

With ``--tokens conllu`` the file is CoNLL-U instead (see ``conllu``): multi-word token lines for
clitic-glued words, the tags in the MISC column.

Import: columns after the token are tag columns (one per level). A tag that is not ``O`` or
``B-/I-/E-/S-`` + a label is reported with file:line and read as ``O``; an ``I-`` that does not
continue a span of its label starts a new span (reported as a warning). The text is rebuilt as the
tokens joined by single spaces, one sentence per line, and the document remembers that its tokens
are whitespace tokens, so a later export reproduces them. A document with no token (empty or only
whitespace) still has its ``-DOCSTART-`` and comment lines, and comes back as an empty document.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from operator import attrgetter, ge, itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from ..invisible import INVISIBLE_CLASS
from ..schema import Schema
from ..token_schemes import SchemeDoc, tokenize_spans
from ..tokenize import Moved, TokenizedDoc
from . import conllu
from .common import DocData, ExportOptions, lost_extras
from .docinfo import apply_info, info_json, read_info
from .importing import ParsedDoc
from .reports import EXAMPLES, ExportReport
from .spancols import SpanColumns
from .tagging import encode_tag_columns, encode_tags, in_order_apart, innermost, levels, outermost

DOCSTART = "-DOCSTART-"
INFO_COMMENT = "# qalam-document = "
# a label starts with a letter; hyphens only between parts (rejects "I--ORG", "B-MIS1`", "OO")
_TAG_RE = re.compile(r"^([BIES])-([^\W\d_][\w.]*(?:-[\w.]+)*)$")
_FIRST, _LAST = itemgetter(0), itemgetter(1)
_BOUNDARIES = attrgetter("boundaries")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CLASS}]")


def tokenized(data: DocData, opts: ExportOptions, report: ExportReport,
              spans: list[Any]) -> tuple[SchemeDoc, list[tuple[int, int, Any]]]:
    """Tokenize a document for a token format; return it and ``(first, last, span)`` per kept span.

    Spans that cover no token are reported and left out; moved boundaries are counted.
    """
    tok, kept = tokenized_columns(data, SpanColumns.of_spans(spans, data.text), opts, report)
    if len(kept) == len(spans):  # usual: every span covers a token; (first, last) + (span,) in C
        return tok, list(map(tuple.__add__, tok.span_tokens, zip(spans)))  # type: ignore[arg-type]
    return tok, [(tok.span_firsts[k], tok.span_lasts[k], spans[k]) for k in kept]


def tokenized_columns(data: DocData, cols: SpanColumns, opts: ExportOptions,
                      report: ExportReport) -> tuple[SchemeDoc, Sequence[int]]:
    """``tokenized`` of the spans ``cols`` (``data.columns()``: the document's own), a column at a
    time: the tokenized document (the spans' token ranges in ``span_firsts``/``span_lasts``) and the
    indices of the spans that cover a token, in order."""
    tok = tokenize_spans(data.text, cols.starts, cols.ends, opts.tokens, opts.sentences, data.whitespace_tokens())
    report.edges(tok.scheme, len(tok.moved), len(tok.split_out))
    report.tokens += len(tok.words)
    report.sentences += len(tok.sentences)
    if tok.moved:
        _report_moved(data.text, tok.moved, cols, report)
    firsts, lasts = tok.span_firsts, tok.span_lasts
    if not any(map(ge, firsts, lasts)):
        return tok, range(len(firsts))
    kept = []
    for k in range(len(firsts)):
        if firsts[k] < lasts[k]:
            kept.append(k)
        else:
            report.lost(NO_TOKEN, f"{cols.ids[k]} {cols.labels[k]}")
    return tok, kept


MOVED = "span boundaries moved to token edges"
NO_TOKEN = "spans covering no token (only spaces)"


def _report_moved(text: str, moved: list[Moved], cols: SpanColumns, report: ExportReport) -> None:
    """Count the moved boundaries; write out only the examples the report still keeps (the first
    ``EXAMPLES`` of the export: under ``whitespace`` a quarter of all spans are widened)."""
    counts = list(map(_BOUNDARIES, moved))
    report.moved_boundaries += sum(counts)
    entry = report.not_carried.get(MOVED)
    room = EXAMPLES - len(entry["examples"]) if entry else EXAMPLES
    for m, n in zip(moved[:room], counts, strict=False):
        k = m.index
        report.lost(MOVED, f"{cols.ids[k]} {cols.labels[k]} {cols.texts[k]!r} -> {text[m.new_start:m.new_end]!r}", n)
    if len(moved) > room:
        report.lost(MOVED, "", sum(counts[room:]))  # the report is full: counted, no example kept


def _non_overlapping(ranges: list[tuple[int, int, Any]], report: ExportReport) -> list[tuple[int, int, Any]]:
    """Whole-token widening can make two spans share a token: keep the first, report the other."""
    if in_order_apart(list(map(_FIRST, ranges)), list(map(_LAST, ranges))):  # usual: nothing to do
        return ranges
    kept: list[tuple[int, int, Any]] = []
    end = -1
    # by (first, -last): two stable sorts with C keys instead of one with a Python key
    for i, j, s in sorted(sorted(ranges, key=_LAST, reverse=True), key=_FIRST):
        if i < end:
            report.lost("spans sharing a token with another span after widening (left out)",
                        f"{s.id} {s.label} {s.text!r}")
            continue
        kept.append((i, j, s))
        end = j
    return kept


def tag_columns(data: DocData, opts: ExportOptions, report: ExportReport,
                prefix: str = "") -> tuple[SchemeDoc, list[list[str]]]:
    """Tokens and one tag list per column (one column, or one per nesting level); ``prefix`` goes
    before every tag."""
    cols = data.columns()
    if in_order_apart(cols.starts, cols.ends):  # usual: no span nests in or crosses another
        return _flat_tag_columns(data, cols, opts, report, prefix)
    return _nested_tag_columns(data, opts, report, prefix)


def _nested_tag_columns(data: DocData, opts: ExportOptions, report: ExportReport,
                        prefix: str) -> tuple[SchemeDoc, list[list[str]]]:
    """``tag_columns`` of any document (nested or overlapping spans too), on ``Span`` values."""
    if opts.nested == "levels":
        groups = levels(data.spans) or [[]]
    else:
        kept, dropped = (innermost if opts.nested == "innermost" else outermost)(data.spans)
        for s in dropped:
            report.lost(f"nested or overlapping spans ({opts.nested} kept)", f"{s.id} {s.label} {s.text!r}")
        groups = [kept]
    if len(groups) == 1:
        tok, ranges = tokenized(data, opts, report, groups[0])
        per_group = [ranges]
    else:
        tok, ranges = tokenized(data, opts, report, [s for g in groups for s in g])
        by_span = {id(s): (i, j) for i, j, s in ranges}
        per_group = [[(*by_span[id(s)], s) for s in g if id(s) in by_span] for g in groups]
    columns = []
    for rs in per_group:
        rs = _non_overlapping(rs, report)
        columns.append(encode_tags(len(tok.words), [(i, j, s.label) for i, j, s in rs], opts.scheme, prefix))
    return tok, columns


def _flat_tag_columns(data: DocData, cols: SpanColumns, opts: ExportOptions, report: ExportReport,
                      prefix: str) -> tuple[SchemeDoc, list[list[str]]]:
    """``tag_columns`` of a document whose spans are in order and apart (every flat projection and
    the one nesting level keep them all), a column at a time: no ``Span`` is built, and the tags are
    laid from the spans' token columns. The same report and tags as the general path (tests compare)."""
    tok, kept = tokenized_columns(data, cols, opts, report)
    firsts, lasts = tok.span_firsts, tok.span_lasts
    if len(kept) < cols.n or not in_order_apart(firsts, lasts):
        # a span covers no token, or two share one once widened: the general path's ranges
        spans = data.spans
        ranges = _non_overlapping([(firsts[k], lasts[k], spans[k]) for k in kept], report)
        return tok, [encode_tags(len(tok.words), [(i, j, s.label) for i, j, s in ranges], opts.scheme, prefix)]
    return tok, [encode_tag_columns(len(tok.words), firsts, lasts, cols.labels, opts.scheme, prefix)]


def rows(tok: TokenizedDoc, columns: list[list[str]]) -> str:
    """``TOKEN TAG...`` rows, a blank line after each sentence; the tags of ``columns`` carry their
    separator in front (``tag_columns(..., prefix=" ")``)."""
    # a row is its token, its tags and a newline concatenated: the rows of the whole document are
    # laid out in one list (by slice assignment, in C) and joined once; this is the inner loop of
    # every CoNLL export
    n, width = len(tok.words), len(columns) + 2
    newlines = ["\n"] * n
    for _, b in tok.sentences:  # a blank line after each sentence (sentences cover every token)
        newlines[b - 1] = "\n\n"
    cells: list[str] = [""] * (width * n)
    cells[0::width] = tok.words
    for c, col in enumerate(columns, 1):
        cells[c::width] = col
    cells[width - 1 :: width] = newlines
    return "".join(cells)


def lost_layout(data: DocData, tok: TokenizedDoc, report: ExportReport) -> None:
    """Report a document whose text does not come back from its CoNLL rows (tokens joined by single
    spaces, one sentence per line): the lengths tell most documents apart without joining them."""
    words = tok.words
    if len(data.text) != len("".join(words)) + max(len(words) - 1, 0) \
            or "\n".join(" ".join(words[a:b]) for a, b in tok.sentences) != data.text:
        report.lost("text layout (CoNLL keeps tokens: they come back joined by single spaces, "
                    "one sentence per line)", data.doc.id)
        # invisible characters (bidi controls, joiners) are not tokens: a span holding one comes
        # back without it, so its text is not the same
        changed = [s for s in data.spans if _INVISIBLE_RE.search(s.text)] \
            if not tok.plain and _INVISIBLE_RE.search(data.text) else []
        if changed:
            report.lost("span text with invisible characters (bidi controls, joiners and other "
                        "zero-width characters are not tokens, so the span comes back without them)",
                        f"{data.doc.id}: {changed[0].id}", len(changed))


def lost_events_relations(data: DocData, report: ExportReport, fmt: str) -> None:
    if data.events:
        report.lost(f"events ({fmt} has none; triggers are kept as spans)", f"{data.doc.id}: {len(data.events)}",
                    len(data.events))
    if data.relations:
        report.lost(f"relations ({fmt} has none)", f"{data.doc.id}: {len(data.relations)}", len(data.relations))


class Writer:
    """Streams documents to one CoNLL file."""

    layout = "file"
    ext = ".conll"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.path = path
        self.fh: BinaryIO = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.opts, self.report = opts, report
        self.widths: set[int] = set()  # tag columns per document (levels: its nesting depth)

    def add(self, data: DocData) -> None:
        if self.opts.tokens == "conllu":
            tok, columns = tag_columns(data, self.opts, self.report)
            lost_events_relations(data, self.report, "CoNLL-U")
            lost_extras(data, self.report, "CoNLL-U")
            info = INFO_COMMENT + info_json(data.doc) + "\n"
            self.fh.write(conllu.document(tok, columns, data.doc.id, info).encode("utf-8"))
            return
        tok, columns = tag_columns(data, self.opts, self.report, prefix=" ")
        lost_events_relations(data, self.report, "CoNLL")
        lost_extras(data, self.report, "CoNLL")
        self.widths.add(len(columns))
        self.fh.write((DOCSTART + " O" * len(columns) + "\n" + INFO_COMMENT + info_json(data.doc) + "\n\n"
                       + rows(tok, columns)).encode("utf-8"))
        lost_layout(data, tok, self.report)

    def close(self) -> None:
        self.fh.close()

    @staticmethod
    def finish_all(writers: list[Writer]) -> None:
        """Pad the files of one export (train/dev/test too) to the same number of tag columns."""
        width = max((n for w in writers for n in w.widths), default=1)
        for w in writers:
            if w.widths - {width}:
                pad_columns(w.path, width)


def pad_columns(path: Path, width: int) -> None:
    """Give every row of the CoNLL file ``path`` ``width`` tag columns (``O`` added on the right),
    so that a ``--nested levels`` file has one column count throughout."""
    tmp = path.with_name(path.name + ".pad")
    comment = INFO_COMMENT.encode()
    try:
        with open(path, "rb") as src, open(tmp, "wb") as dst:
            for line in src:
                body = line.rstrip(b"\n")
                if body and not body.startswith(comment):
                    body += b" O" * (width - body.count(b" "))  # a row is its token and tags, one space apart
                dst.write(body + b"\n")
        os.replace(tmp, path)
    finally:
        if tmp.exists():  # only when something failed: the export is then removed as a whole
            tmp.unlink()


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read a CoNLL file: documents split at ``-DOCSTART-``, sentences at blank lines."""
    name = str(path)
    scheme = options.get("scheme", "auto")
    with open(path, encoding=options.get("encoding", "utf-8"), newline="") as fh:
        raw = fh.read()
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    lines = raw.split("\n")
    docs: list[list[tuple[int, list[str]]]] = [[]]
    infos: list[dict[str, Any] | None] = [None]  # the carried title/meta/status of each document
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if line.startswith(INFO_COMMENT):
            infos[-1] = read_info(line[len(INFO_COMMENT):], "the # qalam-document line", problem, name, no)
            continue
        fields = line.split()
        if fields and fields[0] == DOCSTART:
            docs.append([])
            infos.append(None)
            continue
        docs[-1].append((no, fields))
    # a document with no token is kept when its comment line says it was one of ours
    kept = [(d, i) for d, i in zip(docs, infos, strict=True) if i is not None or any(f for _, f in d)]
    docs = [d for d, _ in kept]
    keep = _tag_columns([f for d in docs for _, f in d], options.get("tag_columns", "auto"), name, problem)
    if keep is not None:
        docs = [[(no, f[:1] + [f[c] for c in keep if c < len(f)] if f else f) for no, f in d] for d in docs]
    for n, (rows, (_, info)) in enumerate(zip(docs, kept, strict=True), 1):
        title = path.stem if len(docs) == 1 else f"{path.stem} #{n}"
        pd = parse_rows(name, rows, title, scheme, problem)
        if info is not None:
            apply_info(pd, info)
            pd.meta["tokenization"] = "whitespace"
        yield pd


_TAG_LIKE = re.compile(r"^(?:O|[BIES]-.+)$")


def _tag_columns(rows: list[list[str]], mode: str, name: str, problem: Any) -> list[int] | None:
    """Which columns hold tags: all of them (our own files, one per nesting level) or, when other
    columns hold something else (CoNLL-2003's POS and chunk columns, ``-X-``), only the last."""
    width = max((len(f) for f in rows), default=0)
    if width <= 2 or mode == "all":
        return None
    if mode != "last":
        others = []
        for c in range(1, width):
            values = [f[c] for f in rows if len(f) > c]
            if sum(1 for v in values if _TAG_LIKE.match(v)) < 0.9 * len(values):
                others.append(c)
        if not others:
            return None
        example = next(f[others[0]] for f in rows if len(f) > others[0])
        problem(name, None, f"column(s) {', '.join(str(c + 1) for c in others)} do not hold tags "
                f"(e.g. {example!r}); the last column is read as the tags", "warning")
    return [width - 1]


def parse_rows(name: str, rows: list[tuple[int, list[str]]], title: str, scheme: str, problem: Any) -> ParsedDoc:
    """One document from ``(line number, fields)`` rows (empty fields: a blank line); every column after
    the token is a tag column."""
    text_parts: list[str] = []
    pos = 0
    sentence_open = False
    n_cols = max((len(f) - 1 for _, f in rows if f), default=1)
    open_spans: list[dict[str, Any] | None] = [None] * n_cols
    spans: list[dict[str, Any]] = []
    first_line = next((no for no, f in rows if f), None)

    def close(col: int) -> None:
        if open_spans[col] is not None:
            spans.append(open_spans[col])  # type: ignore[arg-type]
            open_spans[col] = None

    for no, fields in rows:
        if not fields:
            for c in range(n_cols):
                close(c)
            if sentence_open:
                text_parts.append("\n")
                pos += 1
                sentence_open = False
            continue
        token, tags = fields[0], fields[1:]
        if sentence_open:
            text_parts.append(" ")
            pos += 1
        start, end = pos, pos + len(token)
        text_parts.append(token)
        pos = end
        sentence_open = True
        if not tags:
            problem(name, no, f"token {token!r} has no tag column; read as O")
        for c in range(n_cols):
            tag = tags[c] if c < len(tags) else "O"
            if tag == "O":
                close(c)
                continue
            m = _TAG_RE.match(tag)
            if not m or (scheme == "iob2" and m.group(1) in "ES"):
                problem(name, no, f"malformed tag {tag!r} on token {token!r} (expected O or B-/I-"
                        f"{'/E-/S-' if scheme != 'iob2' else ''}LABEL); read as O")
                close(c)
                continue
            prefix, label = m.groups()
            cur = open_spans[c]
            continues = cur is not None and cur["label"] == label
            if prefix in ("I", "E") and not continues:
                was = "O" if cur is None else f"a {cur['label']} span"
                problem(name, no, f"{tag} follows {was}; read as the start of a new {label} span", "warning")
            if prefix in ("B", "S") or not continues:
                close(c)
                open_spans[c] = {"ref": f"T{len(spans) + n_cols + no}", "start": start, "end": end,
                                 "label": label, "line": no, "what": f"tag {tag!r} on {token!r}"}
            else:
                open_spans[c]["end"] = end  # type: ignore[index]
            if prefix in ("E", "S"):
                close(c)
    for c in range(n_cols):
        close(c)
    text = "".join(text_parts).rstrip("\n")
    for i, s in enumerate(spans, 1):
        s["ref"] = f"T{i}"
    return ParsedDoc(name, first_line, text, title, {"tokenization": "whitespace", "source": name},
                     spans=spans)
