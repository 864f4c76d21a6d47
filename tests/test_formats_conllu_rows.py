"""The CoNLL-U rows written a column at a time are the rows the format describes, token by token:
multi-word tokens, SpaceAfter, one NER column per level, sentence comments."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.formats import conllu
from annotations.token_schemes import tokenize

BLANKS = "\t_" * 7 + "\t"


def by_token(tok, columns, doc_id, info_line):
    """Each sentence's comments, then each token's row, read straight off the format description."""
    mwt = dict(tok.surface)
    out = [f"# newdoc id = {doc_id}\n", info_line]
    for n, (a, b) in enumerate(tok.sentences, 1):
        out.append(f"# sent_id = {doc_id}-{n}\n# text = {' '.join(tok.text[tok.starts[a]:tok.ends[b - 1]].split())}\n")
        i = a
        while i < b:
            j = min(mwt.get(i, i + 1), b)
            space_after = j >= b or tok.ends[j - 1] != tok.starts[j]
            if j - i > 1:
                out.append(f"{i - a + 1}-{j - a}\t{tok.text[tok.starts[i]:tok.ends[j - 1]]}{BLANKS}"
                           f"{'_' if space_after else 'SpaceAfter=No'}\n")
                rows = [(k, True) for k in range(i, j)]
            else:
                rows = [(i, space_after)]
            for k, after in rows:
                misc = [f"NER{'' if c == 0 else c + 1}={col[k]}" for c, col in enumerate(columns)]
                misc += [] if after else ["SpaceAfter=No"]
                out.append(f"{k - a + 1}\t{tok.words[k]}{BLANKS}{'|'.join(misc) or '_'}\n")
            i = j
        out.append("\n")
    return "".join(out)


_TEXT = [*"وبالكتابهم", "وأوروبا", "للمدينة", "بإسطنبول", "3", "Ab", " ", " ", "\n", ".", "،", "؟"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(_TEXT), max_size=40), cuts=st.lists(st.integers(0, 90), max_size=8),
       levels=st.integers(0, 3), sentences=st.booleans(), data=st.data())
def test_rows_are_the_token_by_token_rows(parts, cuts, levels, sentences, data):
    text = "".join(parts)
    edges = sorted(c for c in cuts if c <= len(text))
    spans = [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=False) if a < b]
    tok = tokenize(text, spans, "conllu", sentences)
    tags = st.sampled_from(["O", "B-LOC", "I-LOC"])
    columns = [data.draw(st.lists(tags, min_size=len(tok.words), max_size=len(tok.words))) for _ in range(levels)]
    info = "# qalam-document = {}\n"
    assert conllu.document(tok, columns, "d1", info) == by_token(tok, columns, "d1", info)


def test_a_multi_word_token_cut_by_a_sentence_end_keeps_its_first_part():
    tok = tokenize("زار وبالمدينة اليوم", [], "conllu")
    a, b = tok.surface[0]
    assert b - a == 3  # و ب المدينة
    tok.sentences = [(0, a + 2), (a + 2, len(tok.words))]  # as if a sentence ended inside the word
    columns = [["O"] * len(tok.words)]
    assert conllu.document(tok, columns, "d", "") == by_token(tok, columns, "d", "")
