"""Hypothesis: random documents and annotations survive store -> close -> reopen unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import Project

# Arabic letters and diacritics, Latin, digits, emoji (non-BMP), combining marks, bidi controls,
# zero-width characters, NBSP and line breaks: everything that trips offset handling.
ALPHABET = st.sampled_from(
    list("إسطنبولروسياالاتحادً ٌ ٍ َ ُ ِ ّ ْـ")
    + list("Politico 2023 ٠١٢٣٤٥٦٧٨٩ ۱۲۳")
    + ["🙂", "𝐀", "👩‍🔬", "e\u0301", "\u202b", "\u202e", "\u2066", "\u2069", "\u200c", "\u200d",
       "\u00a0", "\n", "\u2028", "«", "»", "،", "؟"]
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=80).map("".join)
ENTITY = st.sampled_from(["PER", "ORG", "GPE", "LOC", "TIME", "VALUE"])


@st.composite
def documents(draw):
    text = draw(TEXTS)
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        spans.append(dict(start=start, end=end, label=draw(ENTITY),
                          note=draw(st.one_of(st.none(), TEXTS)),
                          attributes=draw(st.dictionaries(st.sampled_from(["a", "ب"]), TEXTS, max_size=2))))
    title = draw(st.one_of(st.none(), TEXTS))
    meta = draw(st.dictionaries(st.sampled_from(["source", "url", "ملاحظة"]), TEXTS, max_size=3))
    with_event = draw(st.booleans()) and n >= 2
    return text, title, meta, spans, with_event


def dump(p: Project):
    out = []
    for info in p.documents():
        out.append((info, p.document(info.id), p.spans(info.id), p.events(info.id), p.relations(info.id)))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents(), min_size=1, max_size=4))
def test_store_close_reopen_equal(tmp_path_factory, docs):
    folder = tmp_path_factory.mktemp("rt") / "proj"
    with Project.open(folder) as p:
        for text, title, meta, spans, with_event in docs:
            d = p.add_document(text, title=title, meta=meta)
            ids = p.add_spans(d, spans) if spans else []
            if with_event:
                trig = p.add_span(d, 0, 1, "Conflict.Attack")
                args = [("Attacker", i) for i in ids if p.span(i).label in ("PER", "ORG", "GPE")]
                p.add_event(d, "Conflict.Attack", trig, args, attributes={"Polarity": "Negative"})
                if len(ids) >= 2:
                    a, b = ids[:2]
                    p.add_relation("PER-SOC.Family", a, b) if {p.span(a).label, p.span(b).label} == {"PER"} \
                        else None
        for d in p.documents():
            for s in p.spans(d.id):
                assert s.text == p.document(d.id).text[s.start:s.end]
        expected = dump(p)
    with Project.open(folder) as p:
        assert dump(p) == expected
        assert p.check() == []
