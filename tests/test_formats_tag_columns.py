"""The column-at-a-time tag path of the token formats gives what the general path gives.

``conll.tag_columns`` lays the tags of a document whose spans are in order and apart (most documents)
from the spans' columns, without building a ``Span``; the general path (``_nested_tag_columns``) works
on ``Span`` values and handles nesting. On the same documents, under every token scheme, nesting mode,
tag scheme and sentence setting, both must give the same tokens, sentences, tags and report: spans
whose edges fall inside words (cut or widened), spans covering only spaces, and spans that come to
share a token once widened included.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotations.formats import conll, spacy_fmt
from annotations.formats.common import DocData, ExportOptions
from annotations.formats.reports import ExportReport
from annotations.formats.tagging import encode_tag_columns, encode_tags
from annotations.model import Document, Span
from annotations.schema import Schema
from annotations.token_schemes import SCHEMES

WORDS = ["بإسطنبول", "وروسيا", "لأوكرانيا", "الاتحاد", "والكتاب", "كتابه", "عُقِدَ", "3.5", "2023،", "U.S",
         "\"قره", "باغ\"", "،", ".", "...", "؟", "!", "—", "\u200fبيروت\u200f", "🙂"]
GAPS = [" ", " ", " ", "\n", "  ", "\n\n", " \t"]


@st.composite
def documents(draw):
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=14))
    text = "".join(w + g for w, g in parts)
    n = len(text)
    # in order and apart: cut points drawn, then some of the pieces between them made spans
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=16)))) if n else []
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]
    chosen = draw(st.lists(st.booleans(), min_size=len(pieces), max_size=len(pieces)))
    labels = draw(st.lists(st.sampled_from(["PER", "GPE", "ORG"]), min_size=len(pieces), max_size=len(pieces)))
    spans = [(a, b, lab) for (a, b), c, lab in zip(pieces, chosen, labels, strict=True) if c]
    return text, spans, draw(st.booleans())


def doc_data(text: str, spans: list[tuple[int, int, str]], whitespace: bool) -> DocData:
    meta = {"tokenization": "whitespace"} if whitespace else {}
    doc = Document("d1", text, "t", meta, "done")
    return DocData(doc, [Span(f"d1:T{k}", "d1", s, e, lab, text[s:e]) for k, (s, e, lab) in enumerate(spans, 1)],
                   [], [])


def run(path, data: DocData, opts: ExportOptions, prefix: str):
    report = ExportReport("conll", "out")
    if path == "flat":
        tok, columns = conll._flat_tag_columns(data, data.columns(), opts, report, prefix)
    else:
        tok, columns = conll._nested_tag_columns(data, opts, report, prefix)
    return (tok.words, tok.starts, tok.ends, tok.sentences, tok.span_tokens, columns), report.to_dict()


@settings(max_examples=300, deadline=None)
@example(("وروسيا بإسطنبول 3.5 .", [(1, 3, "GPE"), (3, 6, "GPE"), (8, 15, "PER"), (6, 7, "ORG")], False),
         "whitespace", "outermost", "iob2", True)
@example(("بإسطنبول  وروسيا", [(8, 10, "GPE"), (10, 16, "PER")], False), "proclitics", "levels", "bioes", True)
@given(documents(), st.sampled_from(SCHEMES), st.sampled_from(["outermost", "innermost", "levels"]),
       st.sampled_from(["iob2", "bioes"]), st.booleans())
def test_flat_path_equals_the_general_path(case, tokens, nested, scheme, sentences):
    text, spans, whitespace = case
    data = doc_data(text, sorted(spans), whitespace)
    assert conll.in_order_apart(data.columns().starts, data.columns().ends)
    opts = ExportOptions.from_dict({"tokens": tokens, "nested": nested, "scheme": scheme, "sentences": sentences})
    for prefix in ("", " "):
        assert run("flat", data, opts, prefix) == run("general", data, opts, prefix)


def test_flat_path_is_taken_for_apart_spans_and_reports_what_it_cut(monkeypatch):
    text = "زار الوفد بإسطنبول وروسيا"
    data = doc_data(text, [(11, 18, "GPE"), (20, 25, "GPE")], False)
    monkeypatch.setattr(conll, "_nested_tag_columns", None)  # would fail if called
    report = ExportReport("conll", "out")
    tok, columns = conll.tag_columns(data, ExportOptions.from_dict({"tokens": "whitespace"}), report)
    assert tok.words == ["زار", "الوفد", "بإسطنبول", "وروسيا"]
    assert columns == [["O", "O", "B-GPE", "B-GPE"]]
    assert report.moved_boundaries == 2
    assert report.not_carried[conll.MOVED]["examples"][0] == "d1:T1 GPE 'إسطنبول' -> 'بإسطنبول'"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 3), st.sampled_from(["A", "B-C", "D.E"])), max_size=12),
       st.sampled_from(["iob2", "bioes"]), st.sampled_from(["", " "]))
def test_column_tags_equal_encode_tags(ranges, scheme, prefix):
    firsts, lasts, labels, at = [], [], [], 0
    for length, gap, label in ranges:  # one range after another, a gap between
        at += gap
        firsts.append(at)
        lasts.append(at + length)
        labels.append(label)
        at += length
    n = at + 2
    assert encode_tag_columns(n, firsts, lasts, labels, scheme, prefix) == \
        encode_tags(n, list(zip(firsts, lasts, labels, strict=True)), scheme, prefix)


class ReferenceSpacyWriter(spacy_fmt.Writer):
    """The spaCy writer as it was before it read the spans as columns: on ``Span`` values, through
    ``conll.tokenized``."""

    def add(self, data: DocData) -> None:
        text = data.text
        tok, ranges = conll.tokenized(data, self.opts, self.report, list(data.spans))
        plain = list(map(text.__getitem__, map(slice, tok.starts, tok.ends))) if self.marked else None
        words, spaces, index = spacy_fmt.doc_words(text, tok, plain)
        norms: list[str] = []
        if plain is not None:
            norms = [""] * len(words)
            for k, (w, u) in enumerate(zip(tok.words, plain, strict=True)):
                if w != u:
                    norms[index[k]] = w
        firsts, after_lasts, kept = zip(*ranges, strict=True) if ranges else ((), (), ())
        lasts = [j - 1 for j in after_lasts]
        if len(words) == len(tok.words):
            starts, ends = list(firsts), list(after_lasts)
        else:
            starts = [index[i] for i in firsts]
            ends = [index[j] + 1 for j in lasts]
        labels = [s.label for s in kept]
        sc = spacy_fmt.SpanColumns(labels, starts, ends, [tok.starts[i] for i in firsts], [tok.ends[j] for j in lasts])
        if conll.in_order_apart([s.start for s in kept], [s.end for s in kept]) and conll.in_order_apart(starts, ends):
            ents = spacy_fmt.EntColumns(starts, ends, labels)
        else:
            ents = self._ents(list(kept), labels, starts, ends)
        self.bin.add(words, spaces, ents, {"sc": sc},
                     {"doc_id": data.doc.id, "title": data.doc.title, "qalam": spacy_fmt.info_json(data.doc)}, norms)


@settings(max_examples=150, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=3), st.sampled_from(SCHEMES), st.booleans())
def test_spacy_writer_on_columns_writes_the_reference_bytes(tmp_path_factory, docs, tokens, nest):
    out = tmp_path_factory.mktemp("spacy")
    opts = ExportOptions.from_dict({"tokens": tokens})
    results = []
    for name, cls in (("new", spacy_fmt.Writer), ("ref", ReferenceSpacyWriter)):
        report = ExportReport("spacy", "out")
        w = cls(out / f"{name}.spacy", opts, report, Schema.from_dict({}))
        for text, spans, whitespace in docs:
            spans = sorted(spans)
            if nest and spans:  # a span holding the first one: nested
                s, e, lab = spans[0]
                spans = sorted([*spans, (s, min(len(text), e + 3), "ORG")], key=lambda x: (x[0], -x[1]))
            w.add(doc_data(text, spans, whitespace))
        w.close()
        results.append(((out / f"{name}.spacy").read_bytes(), report.to_dict()))
    assert results[0] == results[1]
