"""spaCy DocBin bytes written and read without spaCy: string ids, msgpack, and the layout, each checked
against the real spaCy (``DocBin().from_disk``, ``StringStore``, ``srsly``)."""

from __future__ import annotations

import spacy
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.strings import get_string_id
from spacy.symbols import IDS
from spacy.tokens import Doc, DocBin, Span
from test_formats_common import hide_heavy_libraries

from annotations import Project
from annotations.formats import export, import_annotated
from annotations.formats import msgpack_lite as mp
from annotations.formats.docbin import murmurhash64a, read_docbin, string_id
from annotations.formats.spacy_symbols import SYMBOL_IDS
from annotations.token_schemes import SCHEMES, tokenize


def test_reserved_symbols_are_spacys():
    assert SYMBOL_IDS == IDS


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.sampled_from(["ORG", "GPE", "LOC", "TIME", "PER", "nsubj", "ADJ", "_", "بغداد"])))
def test_string_ids_are_spacys(text):
    assert string_id(text) == get_string_id(text)


def test_murmurhash_of_every_tail_length():
    from spacy.strings import hash_string

    letters = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM0123456789"
    for n in range(1, 41):
        assert murmurhash64a(letters[:n].encode()) == hash_string(letters[:n])


json_like = st.recursive(
    st.none() | st.booleans() | st.integers(-(1 << 63), (1 << 64) - 1) | st.floats(allow_nan=False)
    | st.text() | st.binary(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_msgpack_bytes_are_srslys(value):
    packed = mp.pack(value)
    assert packed == srsly.msgpack_dumps(value)
    assert mp.unpack(packed) == srsly.msgpack_loads(packed)


def test_long_values_use_the_wide_headers():
    for value in ("x" * 70000, b"y" * 70000, list(range(70000)), {str(i): i for i in range(70000)}):
        assert mp.pack(value) == srsly.msgpack_dumps(value)
        assert mp.unpack(mp.pack(value)) == value


def test_a_docbin_written_by_spacy_is_read():
    nlp = spacy.blank("ar")
    words = ["زار", "ORG", "بغداد", "\n", "و", "nsubj", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, False, False, False, False, False])
    doc.ents = [Span(doc, 1, 3, label="ORG")]
    doc.spans["sc"] = [Span(doc, 2, 3, label="GPE"), Span(doc, 1, 3, label="ORG")]
    doc.user_data["title"] = "عنوان"
    db = DocBin(store_user_data=True, docs=[doc, Doc(nlp.vocab, words=[])])
    (first, empty) = read_docbin(db.to_bytes())
    assert first.text == doc.text and empty.text == ""
    assert first.ents == [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert first.spans == {"sc": [(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]]}
    assert first.user_data == {"title": "عنوان"}


def test_export_matches_a_doc_spacy_builds_itself(tmp_path, monkeypatch):
    text = "التقى ORG nsubj بممثلي ORG في بغداد 🙂\n\n  وقال  PERSON."
    p = Project.memory()
    d = p.add_document(text, status="done")
    for word, label in (("ORG", "ORG"), ("بغداد", "GPE"), ("ممثلي", "PER"), ("PERSON", "PER")):
        start = text.index(word)
        p.add_span(d, start, start + len(word), label)
    with monkeypatch.context() as m:
        hide_heavy_libraries(m)
        export(p, "spacy", tmp_path / "x.spacy")
    (doc,) = DocBin().from_disk(tmp_path / "x.spacy").get_docs(spacy.blank("ar").vocab)
    assert doc.text == text
    # the same words, spaces and entities given to spaCy's own Doc give the same token attributes
    own = Doc(spacy.blank("ar").vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    own.ents = [Span(own, e.start, e.end, label=e.label_) for e in doc.ents]
    attrs = ["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"]
    assert (doc.to_array(attrs) == own.to_array(attrs)).all()
    assert sorted((e.text, e.label_) for e in doc.ents) == sorted(
        [("ORG", "ORG"), ("بغداد", "GPE"), ("ممثلي", "PER"), ("PERSON", "PER")])
    assert sorted((s.text, s.label_) for s in doc.spans["sc"]) == sorted((s.text, s.label) for s in p.spans(d))
    assert "ب" in [t.text for t in doc]  # the clitic of بممثلي is its own token
    # and it is read back without spaCy
    with monkeypatch.context() as m:
        hide_heavy_libraries(m)
        q = Project.memory()
        rep = import_annotated(q, [tmp_path / "x.spacy"])
    assert not rep.failed and not rep.problems
    (nd,) = rep.documents
    assert sorted((s.start, s.end, s.label) for s in q.spans(nd)) == sorted((s.start, s.end, s.label)
                                                                            for s in p.spans(d))


def test_many_documents_stream_into_one_docbin(tmp_path):
    p = Project.memory()
    texts = [f"زار الوزير {k} مدينة بغداد." * (1 + k % 3) for k in range(300)]
    for t in texts:
        d = p.add_document(t, status="done")
        p.add_span(d, t.index("بغداد"), t.index("بغداد") + 5, "GPE")
    export(p, "spacy", tmp_path / "x.spacy")
    docs = list(DocBin().from_disk(tmp_path / "x.spacy").get_docs(spacy.blank("ar").vocab))
    assert [doc.text for doc in docs] == texts
    assert all([e.text for e in doc.ents] == ["بغداد"] for doc in docs)
    assert not [f for f in tmp_path.iterdir() if f.name != "x.spacy" and not f.name.endswith(".report.json")]


def reference_doc_words(text, starts, ends, words):
    """doc_words as plainly as it can be said: each gap between tokens, less one space after a token
    (its trailing space), is a whitespace word of its own."""
    out_words, out_spaces, index = [], [], []
    bounds = [0, *ends]
    for k in range(len(words) + 1):
        gap = text[bounds[k]:starts[k] if k < len(words) else len(text)]
        if k and gap.startswith(" "):
            out_spaces[-1] = True
            gap = gap[1:]
        if gap:
            out_words.append(gap)
            out_spaces.append(False)
        if k < len(words):
            index.append(len(out_words))
            out_words.append(words[k])
            out_spaces.append(False)
    return out_words, out_spaces, index


# every kind of gap: spaces, newlines, the other whitespace, invisible characters (between tokens in
# every scheme but whitespace), marks after a space, clitics the schemes cut, numbers, punctuation
PIECES = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2028", "\u200f", "\u200b", "\u2066", "\u0301", "\u064e",
          "\u200d", "\ufe0f", "ب", "وبالقاهرة", "إسطنبول", "للمدرسة", "كتبوا", "a", ".", "3.5", "🙂", "🇸🇦"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24), st.sampled_from(SCHEMES))
def test_doc_words_give_back_the_text_and_every_token(pieces, scheme):
    text = "".join(pieces)
    from annotations.formats.spacy_fmt import doc_words

    tok = tokenize(text, scheme=scheme, sentences=False)
    plain = [text[s:e] for s, e in zip(tok.starts, tok.ends, strict=True)]
    words, spaces, index = doc_words(text, tok, plain)
    assert "".join(w + " " * s for w, s in zip(words, spaces, strict=True)) == text
    assert [words[i] for i in index] == plain
    assert (words, list(map(bool, spaces)), index) == reference_doc_words(text, tok.starts, tok.ends, plain)
