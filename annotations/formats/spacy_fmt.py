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
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import chain, compress, count, islice, repeat
from operator import add, attrgetter, ne, sub
from pathlib import Path
from typing import Any

from ..model import Span
from ..schema import Schema
from ..tokenize import TokenizedDoc
from .common import DocData, ExportOptions, lost_extras
from .conll import tokenized_columns
from .docbin import DocBinWriter, EntColumns, SpanColumns, read_docbin
from .docinfo import apply_info, info_json, read_info
from .importing import ParsedDoc
from .reports import ExportReport
from .tagging import in_order_apart, outermost

_ID = attrgetter("id")
# whitespace other than " " that articles hold: line and paragraph breaks (most), tabs, no-break spaces
_ODD_SPACES = ("\n", "\r", "\t", "\u00a0")




def doc_words(text: str, tok: TokenizedDoc, words: list[str] | None = None) -> tuple[list[str], bytes, list[int]]:
    """spaCy's words and trailing-space flags (one byte, 0 or 1, per word) for ``text`` (``"".join(w +
    " " * s)`` gives it back exactly), and the word index of each of our tokens; ``words`` are the
    tokens' texts when they are not ``tok.words`` (``atb``: without the markers).

    One space after a token is its trailing space; any other whitespace (a newline, a second space,
    leading whitespace) becomes a whitespace word of its own, as spaCy's tokenizer makes it. Most
    gaps are one space or nothing, so the words are our tokens with a few whitespace words put in
    (one in each gap ``_odd_gaps`` finds), and only those gaps are sliced out of the text.
    """
    starts, ends = tok.starts, tok.ends
    words = tok.words if words is None else words
    n = len(words)
    spaces, odd = _odd_gaps(text, starts, ends)
    if not odd:
        return list(words), bytes(spaces), list(range(n))
    out_words = list(words)
    for k in reversed(odd):  # from the end, so that each goes where token k still is
        # the gap's whitespace less the one before's trailing space
        out_words.insert(k, text[ends[k - 1] + spaces[k - 1] if k else 0:starts[k] if k < n else len(text)])
        spaces.insert(k, 0)
    # our token k is Doc token k + the number of whitespace words before it
    index = list(chain.from_iterable(map(range, map(add, chain((0,), odd), count()),
                                         map(add, chain(odd, (n,)), count()))))
    return out_words, bytes(spaces), index


def _odd_gaps(text: str, starts: Sequence[int], ends: Sequence[int]) -> tuple[bytearray, list[int]]:
    """Whether a space follows each token, and the gaps (``k``: the one before token ``k``; ``n``: after
    the last) that hold whitespace besides the trailing space of the token before (in order).

    Tokens never hold whitespace, so when the text's spaces and newlines (counted by ``str.count``;
    then the other kinds of ``_ODD_SPACES``) add up to every character outside the tokens, each gap
    is spaces and those: the odd ones are found with ``str.find`` (newlines, double spaces, leading
    whitespace), and a space follows a token whenever a gap does. Otherwise (an invisible character
    between tokens, another kind of space) every gap is measured, a column at a time.
    """
    size = len(text)
    outside = size - (sum(ends) - sum(starts)) - text.count(" ")
    kinds = [c for c in _ODD_SPACES[:1] if c in text]
    if outside != sum(map(text.count, kinds)):
        kinds = [c for c in _ODD_SPACES if c in text]
        if outside != sum(map(text.count, kinds)):
            return _odd_gaps_measured(text, starts, ends)
    spaces = bytearray(map(ne, ends, chain(islice(starts, 1, None), (size,))))
    if not kinds and "  " not in text and (starts[0] == 0 if starts else not size):
        return spaces, []
    found = [p for c in kinds for p in _positions(text, c)] + [p + 1 for p in _positions(text, "  ")]
    odd = sorted({bisect_right(starts, p) for p in found} | ({0} if (starts[0] if starts else size) else set()))
    for k in odd:
        if k:
            spaces[k - 1] = text[ends[k - 1]] == " "
    return spaces, odd


def _odd_gaps_measured(text: str, starts: Sequence[int], ends: Sequence[int]) -> tuple[bytearray, list[int]]:
    """``_odd_gaps`` for any text: the character after each token, and each gap's length."""
    after = text + "x"  # the character after each token ("x" after the last one at the text's end)
    spaces = bytearray(map(" ".__eq__, map(after.__getitem__, ends)))
    # whitespace in the gap before token k (k == n: after the last one) beyond token k-1's trailing space
    extra = list(map(sub, map(sub, chain(starts, (len(text),)), chain((0,), ends)), chain((0,), spaces)))
    odd = []
    for k in compress(count(), extra):
        if extra[k] > 0:
            odd.append(k)
        else:  # token k starts with a space (no gap): that space is not token k-1's trailing space
            spaces[k - 1] = 0
    return spaces, odd


def _positions(text: str, needle: str) -> Iterator[int]:
    """Where ``needle`` starts in ``text`` (overlapping occurrences too)."""
    p = text.find(needle)
    while p >= 0:
        yield p
        p = text.find(needle, p + 1)


class Writer:
    """Streams documents into one DocBin file.

    A document's spans go to the DocBin as columns (labels, token ranges, offsets) taken from the
    tokenizer's ``(first, last, span)`` ranges with ``map``: no object is built per span or token."""

    layout = "file"
    ext = ".spacy"

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        self.path, self.report = path, report
        self.opts = dataclasses.replace(opts, sentences=False)  # a Doc is the whole document
        self.marked = opts.tokens == "atb"  # token texts without the markers; the marked forms as NORM
        self.bin = DocBinWriter(path, norms=self.marked)

    def add(self, data: DocData) -> None:
        text = data.text
        cols = data.columns()
        tok, kept = tokenized_columns(data, cols, self.opts, self.report)
        # atb: each token as it is in the text (``token_schemes.unmarked``), its marked form as NORM
        plain = list(map(text.__getitem__, map(slice, tok.starts, tok.ends))) if self.marked else None
        words, spaces, index = doc_words(text, tok, plain)
        norms: list[str] = []
        if plain is not None:
            norms = [""] * len(words)
            for k in compress(count(), map(ne, tok.words, plain)):  # the few tokens with a marker
                norms[index[k]] = tok.words[k]
        # the kept spans (in the stored order, less those covering no token) as columns
        firsts, after_lasts = tok.span_firsts, tok.span_lasts
        labels, char_starts, char_ends = cols.labels, cols.starts, cols.ends
        if len(kept) < cols.n:
            firsts, after_lasts = list(map(firsts.__getitem__, kept)), list(map(after_lasts.__getitem__, kept))
            labels = list(map(labels.__getitem__, kept))
            char_starts, char_ends = list(map(char_starts.__getitem__, kept)), list(map(char_ends.__getitem__, kept))
        lasts = list(map(sub, after_lasts, repeat(1)))
        if len(words) == len(tok.words):  # no whitespace word put in: Doc tokens are our tokens
            starts, ends = list(firsts), list(after_lasts)
        else:
            starts = list(map(index.__getitem__, firsts))
            ends = list(map(add, map(index.__getitem__, lasts), repeat(1)))
        labels = list(labels)
        sc = SpanColumns(labels, starts, ends, list(map(tok.starts.__getitem__, firsts)),
                         list(map(tok.ends.__getitem__, lasts)))
        if in_order_apart(char_starts, char_ends) and in_order_apart(starts, ends):
            ents = EntColumns(starts, ends, labels)  # usual: no span nested, none sharing a token
        else:
            ents = self._ents(list(map(data.spans.__getitem__, kept)), labels, starts, ends)
        self.bin.add(words, spaces, ents, {"sc": sc},
                     {"doc_id": data.doc.id, "title": data.doc.title, "qalam": info_json(data.doc)}, norms)
        if data.events:
            self.report.lost("events (spaCy DocBin has no events; triggers are kept as spans)",
                             f"{data.doc.id}: {len(data.events)}", len(data.events))
        if data.relations:
            self.report.lost("relations (spaCy DocBin has no relations)",
                             f"{data.doc.id}: {len(data.relations)}", len(data.relations))
        lost_extras(data, self.report, "spaCy DocBin")

    def _ents(self, kept: Sequence[Span], labels: list[str], starts: list[int], ends: list[int]) -> EntColumns:
        """``doc.ents``: the outermost spans, less those that whole-token widening made share a token
        with an earlier one (reported, like the nested ones: they are only in ``doc.spans["sc"]``)."""
        flat, nested = outermost(kept)
        by_id = dict(zip(map(_ID, kept), zip(starts, ends, strict=True), strict=True))
        ent_starts: list[int] = []
        ent_ends: list[int] = []
        ent_labels: list[str] = []
        end = -1
        for s in flat:
            i, j = by_id[s.id]
            if i < end:  # whole-token widening made two spans share a token
                nested.append(s)
                continue
            ent_starts.append(i)
            ent_ends.append(j)
            ent_labels.append(s.label)
            end = j
        for s in nested:
            self.report.lost("nested or overlapping spans (only in doc.spans['sc'], not doc.ents)",
                             f"{s.id} {s.label} {s.text!r}")
        return EntColumns(ent_starts, ent_ends, ent_labels)

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
