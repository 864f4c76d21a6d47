"""spaCy DocBin (``.spacy``): tokens from ``spacy.blank(lang)``, ``doc.ents`` (flat) and ``doc.spans["sc"]`` (all).

spaCy's tokenizer gives the base tokens; with ``clitics="split"`` a token is cut where a span
boundary falls inside it (``بإسطنبول`` -> ``ب`` + ``إسطنبول``) so every span is token-aligned. The
Doc is built from words and trailing spaces so that ``doc.text`` equals the stored text exactly,
and character offsets (``span.start_char``) are code points. The document id and title travel in
``doc.user_data``, and so do its meta and status (``user_data["qalam"]``: the JSON of
``{"title", "meta", "status"}``, a string so that msgpack never meets a value it cannot pack).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..schema import Schema
from ..tokenize import tokenize_document
from .common import DocData, ExportOptions, ExportReport, lost_extras, outermost, require
from .docinfo import apply_info, info_json, read_info
from .importing import ParsedDoc

_NLP: dict[str, Any] = {}


def blank(lang: str | None) -> Any:
    """A cached ``spacy.blank(lang)``, falling back to Arabic for languages spaCy lacks."""
    import spacy

    lang = lang or "ar"
    if lang not in _NLP:
        try:
            _NLP[lang] = spacy.blank(lang)
        except (ImportError, KeyError, ValueError, OSError):
            _NLP[lang] = blank("ar") if lang != "ar" else spacy.blank("ar")
    return _NLP[lang]


def build_doc(nlp: Any, text: str, tokens: list[tuple[int, int]]) -> tuple[Any, list[int]]:
    """A spaCy Doc whose text is exactly ``text``; returns it and the Doc index of each token."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    pos = 0

    def gap(g: str) -> None:
        if g and words and g[0] == " " and not spaces[-1]:
            spaces[-1] = True
            g = g[1:]
        if g:  # other whitespace becomes a whitespace token, as spaCy itself does
            words.append(g)
            spaces.append(False)

    for s, e in tokens:
        gap(text[pos:s])
        index.append(len(words))
        words.append(text[s:e])
        spaces.append(False)
        pos = e
    gap(text[pos:])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc, index


class Writer:
    """Collects Docs into one DocBin, written on close."""

    layout = "file"
    ext = ".spacy"
    requires = ("spacy",)

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        from spacy.tokens import DocBin

        self.path, self.opts, self.report = path, opts, report
        self.db = DocBin(store_user_data=True)

    def add(self, data: DocData) -> None:
        from spacy.tokens import Span as SpacySpan

        nlp = blank(data.doc.meta.get("language"))
        text = data.text
        base = [(t.idx, t.idx + len(t.text)) for t in nlp.tokenizer(text) if not t.is_space]
        spans = list(data.spans)
        tok = tokenize_document(text, [(s.start, s.end) for s in spans], self.opts.clitics, False, base=base)
        self.report.tokens += len(tok.tokens)
        self.report.sentences += 1
        for m in tok.moved:
            self.report.moved_boundaries += m.boundaries
            s = spans[m.index]
            self.report.lost("span boundaries moved to token edges", f"{s.id} {s.label} {s.text!r} -> "
                             f"{text[m.new_start:m.new_end]!r}", m.boundaries)
        doc, index = build_doc(nlp, text, tok.tokens)
        assert doc.text == text, "spaCy Doc text must equal the stored text"
        all_spans, by_id = [], {}
        for s, r in zip(spans, tok.span_tokens, strict=True):
            if r is None:
                self.report.lost("spans covering no token (only spaces)", f"{s.id} {s.label}")
                continue
            sp = SpacySpan(doc, index[r[0]], index[r[1] - 1] + 1, label=s.label)
            all_spans.append(sp)
            by_id[s.id] = sp
        flat, nested = outermost([s for s in spans if s.id in by_id])
        ents, end = [], -1
        for s in flat:
            sp = by_id[s.id]
            if sp.start < end:  # whole-token widening made two spans share a token
                nested.append(s)
                continue
            ents.append(sp)
            end = sp.end
        for s in nested:
            self.report.lost("nested or overlapping spans (only in doc.spans['sc'], not doc.ents)",
                             f"{s.id} {s.label} {s.text!r}")
        doc.ents = ents
        doc.spans["sc"] = all_spans
        doc.user_data["doc_id"] = data.doc.id
        doc.user_data["title"] = data.doc.title
        doc.user_data["qalam"] = info_json(data.doc)
        if data.events:
            self.report.lost("events (spaCy DocBin has no events; triggers are kept as spans)",
                             f"{data.doc.id}: {len(data.events)}", len(data.events))
        if data.relations:
            self.report.lost("relations (spaCy DocBin has no relations)",
                             f"{data.doc.id}: {len(data.relations)}", len(data.relations))
        lost_extras(data, self.report, "spaCy DocBin")
        self.db.add(doc)

    def close(self) -> None:
        self.db.to_disk(self.path)


def read(path: Path, options: dict[str, Any], problem: Any) -> Iterator[ParsedDoc]:
    """Read a DocBin; spans from ``doc.spans["sc"]`` plus any ``doc.ents`` not already there."""
    require("spacy", "reading .spacy files")
    from spacy.tokens import DocBin

    name = str(path)
    try:
        db = DocBin().from_disk(path)
    except Exception as exc:  # noqa: BLE001 - msgpack/zlib raise many types for a damaged file
        problem(name, None, f"not a readable spaCy DocBin ({type(exc).__name__}: {exc})")
        return
    for n, doc in enumerate(db.get_docs(blank("ar").vocab), 1):
        pd = ParsedDoc(name, n, doc.text, doc.user_data.get("title"), {"source": name})
        if "qalam" in doc.user_data:
            apply_info(pd, read_info(doc.user_data["qalam"], "user_data['qalam']", problem, name, n))
        found = list(doc.spans["sc"]) if "sc" in doc.spans else []
        in_sc = {(sp.start_char, sp.end_char, sp.label_) for sp in found}
        found += [e for e in doc.ents if (e.start_char, e.end_char, e.label_) not in in_sc]
        for sp in found:
            pd.spans.append({"ref": f"T{len(pd.spans) + 1}", "start": sp.start_char, "end": sp.end_char,
                             "label": sp.label_, "line": n})
        yield pd
