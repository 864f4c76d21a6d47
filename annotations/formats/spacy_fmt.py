"""spaCy DocBin (``.spacy``): tokens, ``doc.ents`` (flat) and ``doc.spans["sc"]`` (all), without spaCy.

The bytes are written by ``docbin.DocBinWriter`` (spaCy's own layout; the tests load them with the
real ``DocBin().from_disk``), so the export works in the packaged app and needs no spaCy install.
Tokens are those of the export's token scheme (``token_schemes``; a document imported from a token
format keeps its whitespace tokens):

* ``whitespace``: words with their clitics attached; a span edge inside a word widens the span;
* ``proclitics`` (the default): a word is cut where a span edge falls inside it (``بإسطنبول`` ->
  ``ب`` + ``إسطنبول``), so every span is token-aligned;
* ``atb``: the ATB clitic split. A token's text is always the text it covers (``ب``), since a
  Doc's text is its tokens joined with their trailing whitespace; the ATB form with its ``+`` marker
  is the token's NORM (``token.norm_ == "ب+"``; unmarked tokens keep spaCy's default norm);
* ``conllu``: the syntactic words of UD Arabic, as spaCy's own ``spacy convert`` makes tokens of a
  CoNLL-U multi-word token: one token per syntactic word, with no space between those of one word.

Pieces of one word get no trailing space; whitespace other than one space after a token becomes
a whitespace token, as spaCy's tokenizer makes it, so ``doc.text`` equals the stored text exactly
under every scheme, and character offsets (``span.start_char``) are code points. Span edges inside
a token are reported per scheme like every token format's. The document id and title travel in
``doc.user_data``, and so do its meta and status (``user_data["qalam"]``: the JSON of
``{"title", "meta", "status"}``, a string so that msgpack never meets a value it cannot pack).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from ..schema import Schema
from ..token_schemes import unmarked
from ..tokenize import TokenizedDoc
from .common import DocData, ExportOptions, ExportReport, lost_extras, outermost
from .conll import tokenized
from .docbin import DocBinWriter, DocSpan, read_docbin
from .docinfo import apply_info, info_json, read_info
from .importing import ParsedDoc


def doc_words(text: str, tok: TokenizedDoc, words: list[str] | None = None) -> tuple[list[str], list[bool], list[int]]:
    """spaCy's words and trailing-space flags for ``text`` (``"".join(w + " " * s)`` gives it back
    exactly), and the word index of each of our tokens; ``words`` are the tokens' texts when they
    are not ``tok.words`` (``atb``: without the markers).

    One space after a token is its trailing space; any other whitespace (a newline, a second space,
    leading whitespace) becomes a whitespace word of its own, as spaCy's tokenizer makes it. Most
    gaps are one space or nothing, so the words are our tokens with a few whitespace words put in.
    """
    starts, ends = tok.starts, tok.ends
    words = tok.words if words is None else words
    n = len(words)
    # gaps[k]: the text before token k; gaps[n]: after the last one
    gaps = list(map(text.__getitem__, map(slice, chain((0,), ends), chain(starts, (len(text),)))))
    spaces = list(map(str.startswith, gaps[1:], repeat(" ")))
    odd = [k for k, g in enumerate(gaps) if g and (g != " " or not k)]  # leading whitespace has no token before
    if not odd:
        return list(words), spaces, list(range(n))
    out_words: list[str] = []
    out_spaces: list[bool] = []
    index: list[int] = []
    prev = 0
    for k in odd:
        shift = len(out_words) - prev
        index.extend(range(prev + shift, k + shift))
        out_words += words[prev:k]
        out_spaces += spaces[prev:k]
        g = gaps[k]
        rest = g[1:] if k and g[0] == " " else g  # the space after a token is its trailing space
        if rest:
            out_words.append(rest)
            out_spaces.append(False)
        prev = k
    shift = len(out_words) - prev
    index.extend(range(prev + shift, n + shift))
    out_words += words[prev:]
    out_spaces += spaces[prev:]
    return out_words, out_spaces, index


class Writer:
    """Streams documents into one DocBin file."""

    layout = "file"
    ext = ".spacy"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.path, self.report = path, report
        self.opts = dataclasses.replace(opts, sentences=False)  # a Doc is the whole document
        self.marked = opts.tokens == "atb"  # token texts without the markers; the marked forms as NORM
        self.bin = DocBinWriter(path, norms=self.marked)

    def add(self, data: DocData) -> None:
        text = data.text
        tok, ranges = tokenized(data, self.opts, self.report, list(data.spans))
        plain = [unmarked(tok, i) for i in range(len(tok.words))] if self.marked else None
        words, spaces, index = doc_words(text, tok, plain)
        norms: list[str] = []
        if plain is not None:
            norms = [""] * len(words)
            for k, (w, p) in enumerate(zip(tok.words, plain, strict=True)):
                if w != p:
                    norms[index[k]] = w
        by_id: dict[str, DocSpan] = {}
        for i, j, s in ranges:
            by_id[s.id] = DocSpan(s.label, index[i], index[j - 1] + 1, tok.starts[i], tok.ends[j - 1])
        flat, nested = outermost([s for s in data.spans if s.id in by_id])
        ents, end = [], -1
        for s in flat:
            sp = by_id[s.id]
            if sp.start < end:  # whole-token widening made two spans share a token
                nested.append(s)
                continue
            ents.append((sp.start, sp.end, s.label))
            end = sp.end
        for s in nested:
            self.report.lost("nested or overlapping spans (only in doc.spans['sc'], not doc.ents)",
                             f"{s.id} {s.label} {s.text!r}")
        user_data = {"doc_id": data.doc.id, "title": data.doc.title, "qalam": info_json(data.doc)}
        self.bin.add(words, spaces, ents, {"sc": list(by_id.values())}, user_data, norms)
        if data.events:
            self.report.lost("events (spaCy DocBin has no events; triggers are kept as spans)",
                             f"{data.doc.id}: {len(data.events)}", len(data.events))
        if data.relations:
            self.report.lost("relations (spaCy DocBin has no relations)",
                             f"{data.doc.id}: {len(data.relations)}", len(data.relations))
        lost_extras(data, self.report, "spaCy DocBin")

    def close(self) -> None:
        self.bin.close()


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read a DocBin; spans from ``doc.spans["sc"]`` plus any ``doc.ents`` not already there."""
    name = str(path)
    try:
        docs = list(read_docbin(path.read_bytes()))
    except (ValueError, KeyError, TypeError) as exc:
        problem(name, None, f"not a readable spaCy DocBin ({exc})")
        return
    for n, doc in enumerate(docs, 1):
        title = doc.user_data.get("title")
        pd = ParsedDoc(name, n, doc.text, title if isinstance(title, str) else None, {"source": name})
        if "qalam" in doc.user_data:
            apply_info(pd, read_info(doc.user_data["qalam"], "user_data['qalam']", problem, name, n))
        found = list(doc.spans.get("sc", []))
        in_sc = set(found)
        found += [e for e in doc.ents if e not in in_sc]
        for start, end, label in found:
            pd.spans.append({"ref": f"T{len(pd.spans) + 1}", "start": start, "end": end, "label": label, "line": n})
        yield pd
