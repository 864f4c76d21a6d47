"""spaCy DocBin export read back with spaCy itself (entity texts, spans["sc"], exact text under every token
scheme, the atb markers as norms), and round trips."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin
from test_formats_common import NEWS, news_project
from test_token_schemes import SEED, gold_spans

from annotations import Project
from annotations.formats import export, import_annotated
from annotations.token_schemes import SCHEMES


def test_docbin_loads_with_spacy_and_entities_match(tmp_path):
    p, d, _ = news_project()
    rep = export(p, "spacy", tmp_path / "x.spacy")
    docs = list(DocBin().from_disk(tmp_path / "x.spacy").get_docs(spacy.blank("ar").vocab))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == NEWS
    assert doc.user_data["doc_id"] == d
    ours = [(s.start, s.end, s.label, s.text) for s in p.spans(d)]
    sc = sorted((s.start_char, s.end_char, s.label_, s.text) for s in doc.spans["sc"])
    assert sc == sorted(ours)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("إسطنبول", "GPE") in ents and ("ممثلي روسيا", "PER") in ents
    assert ("روسيا", "GPE") in ents  # the second, un-nested one
    assert len(ents) == len(ours) - 1  # the nested GPE inside "ممثلي روسيا" is only in spans["sc"]
    assert [t.text for t in doc[:0]] == []
    assert "ب" in [t.text for t in doc] and "إسطنبول" in [t.text for t in doc]  # clitic split off
    assert rep.not_carried["nested or overlapping spans (only in doc.spans['sc'], not doc.ents)"]["count"] == 1


def test_keep_mode_widens_entities_to_spacy_tokens(tmp_path):
    p, d, _ = news_project()
    rep = export(p, "spacy", tmp_path / "x.spacy", {"clitics": "keep"})
    doc = next(DocBin().from_disk(tmp_path / "x.spacy").get_docs(spacy.blank("ar").vocab))
    assert "بإسطنبول" in [e.text for e in doc.ents]
    assert rep.moved_boundaries >= 3


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "الوفد", "\n", "🙂", "،", "  ", "Politico", "3.5"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(words, min_size=1, max_size=10), st.data())
def test_roundtrip_spans(tmp_path_factory, toks, data):
    text = " ".join(toks)
    if not text.strip():
        return
    p = Project.memory()
    d = p.add_document(text, status="done")
    for _ in range(data.draw(st.integers(0, 4))):
        s = data.draw(st.integers(0, len(text) - 1))
        e = data.draw(st.integers(s + 1, min(len(text), s + 10)))
        if text[s:e].strip() and not text[s].isspace() and not text[e - 1].isspace():
            p.add_span(d, s, e, data.draw(st.sampled_from(["PER", "GPE"])))
    out = tmp_path_factory.mktemp("sp") / "x.spacy"
    export(p, "spacy", out)
    q = Project.memory()
    rep = import_annotated(q, [out], "spacy")
    assert not rep.problems and not rep.failed
    nd = rep.documents[0]
    assert q.document(nd).text == text
    assert sorted((s.start, s.end, s.label) for s in q.spans(nd)) == sorted(
        (s.start, s.end, s.label) for s in p.spans(d))


def test_damaged_docbin_is_reported(tmp_path):
    f = tmp_path / "bad.spacy"
    f.write_bytes(b"not a docbin")
    rep = import_annotated(Project.memory(), [f])
    assert not rep.documents and "not a readable spaCy DocBin" in "\n".join(rep.lines())


# the seed article plus an article split (a span after ال), a span edge inside a word on no clitic
# boundary (كتا|بهم), and whitespace that is not one space (two spaces, a blank line, a leading indent)
SCHEME_TEXT = SEED + "\nوقال: سيعودون للمدينة  كتابهم.\n\n  زار المدينة"
SCHEME_EDGES = {"whitespace": (6, 0), "proclitics": (0, 6), "atb": (1, 1), "conllu": (1, 1)}


def scheme_project() -> tuple[Project, str]:
    p = Project.memory()
    d, _ = p.import_document(SCHEME_TEXT, status="done", spans=[
        {"ref": f"T{k}", "start": s, "end": e, "label": lab} for k, (s, e, lab) in enumerate(gold_spans())])
    at = SCHEME_TEXT.rindex("المدينة")
    p.add_span(d, at + 2, at + 7, "LOC")  # مدينة, after the article
    at = SCHEME_TEXT.rindex("كتابهم")
    p.add_span(d, at, at + 3, "LOC")  # كتا: no clitic boundary there
    return p, d


def load_doc(path):
    return next(DocBin().from_disk(path).get_docs(spacy.blank("ar").vocab))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_token_scheme_loads_in_spacy_with_the_exact_text(tmp_path, scheme):
    p, d = scheme_project()
    rep = export(p, "spacy", tmp_path / "x.spacy", {"tokens": scheme})
    doc = load_doc(tmp_path / "x.spacy")
    assert doc.text == SCHEME_TEXT
    widened, split_out = SCHEME_EDGES[scheme]
    assert rep.token_edges == {"scheme": scheme, "widened": widened, "split_out": split_out}
    assert f"{widened} widened to the token, {split_out} kept with the clitic split out" in "\n".join(rep.lines())
    # each span is an entity (nothing nests here) and a doc.spans["sc"] span: itself, or, when it was
    # reported widened, the smallest run of Doc tokens that holds it
    edges = [(t.idx, t.idx + len(t.text)) for t in doc]
    grown = 0
    expected = []
    for s in p.spans(d):
        start = max(a for a, _ in edges if a <= s.start)
        end = min(b for _, b in edges if b >= s.end)
        grown += (start, end) != (s.start, s.end)
        expected.append((start, end, s.label))
    assert grown == widened
    assert sorted((e.start_char, e.end_char, e.label_) for e in doc.ents) == sorted(expected)
    assert sorted((e.start_char, e.end_char, e.label_) for e in doc.spans["sc"]) == sorted(expected)
    assert not any("+" in t.text for t in doc)  # token texts are the text's own
    q = Project.memory()
    back = import_annotated(q, [tmp_path / "x.spacy"], "spacy")
    assert q.document(back.documents[0]).text == SCHEME_TEXT


def test_atb_markers_are_the_token_norms_and_conllu_tokens_are_the_syntactic_words(tmp_path):
    p, _ = scheme_project()
    docs = {}
    for scheme in ("atb", "conllu"):
        export(p, "spacy", tmp_path / f"{scheme}.spacy", {"tokens": scheme})
        docs[scheme] = load_doc(tmp_path / f"{scheme}.spacy")
    atb, ud = docs["atb"], docs["conllu"]
    assert [t.text for t in atb] == [t.text for t in ud]  # the same cuts; only the markers differ
    marked = {(t.text, t.norm_) for t in atb if t.norm_ != t.norm_.strip("+")}
    assert {("و", "و+"), ("ب", "ب+"), ("ال", "ال+"), ("س", "س+"), ("هم", "+هم")} <= marked
    assert all(norm.strip("+") == text for text, norm in marked)
    assert all(t.norm_ == t.norm_.strip("+") for t in ud)  # spaCy's default norms
    # the pieces of one word have no space between them, as spaCy's own CoNLL-U converter makes them
    pieces = [t for t in ud[:-1] if not t.whitespace_ and t.text.isalpha() and ud[t.i + 1].text.isalpha()]
    assert {"و", "ب", "ال", "كتاب"} <= {t.text for t in pieces}
    assert ud.text == SCHEME_TEXT
