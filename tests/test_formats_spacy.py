"""spaCy DocBin export read back with spaCy itself (entity texts, spans["sc"], exact text), and round trips."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin
from test_formats_common import NEWS, news_project

from annotations import Project
from annotations.formats import export, import_annotated


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
