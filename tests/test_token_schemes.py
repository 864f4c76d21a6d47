"""Named tokenisation schemes (whitespace, proclitics, atb, conllu): the seed gold under each, the
span-edge report, the old --clitics names, CoNLL-U read by a real parser, and tokens that give the
text back."""

from __future__ import annotations

import conllu
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_formats_common import find

import main
from annotations import Project
from annotations.formats import EXPORTERS, TOKEN_FORMATS, FormatError, export
from annotations.formats.tagging import encode_tags
from annotations.token_schemes import MARKER, SCHEMES, atb_cuts, tokenize, unmarked

# the seed article's title and lead with its gold spans (bench/export.py's sample)
SEED = ("روسيا تؤكد إجراء “محادثات سرية” مع أمريكا وأوروبا بإسطنبول.. سبقت الاشتباكات الأخيرة بـ”قره باغ”\n"
        "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة "
        "\"قره باغ\" الأذربيجانية، حسبما قال الكرملين، الأربعاء 4 أكتوبر 2023.")
GOLD = [("روسيا", 0, "GPE"), ("أمريكا", 0, "GPE"), ("أوروبا", 0, "GPE"), ("إسطنبول", 0, "GPE"),
        ("قره باغ", 0, "LOC"), ("إسطنبول", 1, "GPE"), ("الاتحاد الأوروبي", 0, "ORG"),
        ("الولايات المتحدة", 0, "GPE"), ("روسيا", 1, "GPE"), ("قره باغ", 1, "LOC"), ("الكرملين", 0, "ORG")]
TAIL = ("قره/B-LOC باغ/I-LOC ” شهدت إسطنبول/B-GPE اجتماعاً بين ممثلي الاتحاد/B-ORG الأوروبي/I-ORG {و}الولايات/B-GPE "
        "المتحدة/I-GPE {و}روسيا/B-GPE {ب}شأن صراع منطقة \" قره/B-LOC باغ/I-LOC \" الأذربيجانية ، حسبما قال "
        "الكرملين/B-ORG ، الأربعاء 4 أكتوبر 2023 .")
HEAD = ("روسيا/B-GPE تؤكد إجراء “ محادثات سرية ” مع أمريكا/B-GPE {و}أوروبا/B-GPE {ب}إسطنبول/B-GPE . . "
        "سبقت الاشتباكات الأخيرة بـ ” ")


def expected(glue: str) -> str:
    """The gold line with each clitic written as ``glue`` says (``{}`` attached, ``{} `` split...)."""
    line = HEAD + TAIL
    for c in "وب":
        line = line.replace("{" + c + "}", glue.format(c))
    return line


SEED_LINES = {
    "whitespace": expected("{}"),
    "proclitics": expected("{} ").replace("ب شأن", "بشأن"),  # no span edge there: not cut
    "atb": expected("{}+ "),
    "conllu": expected("{} "),
}


def gold_spans() -> list[tuple[int, int, str]]:
    return [(*find(SEED, w, occ), label) for w, occ, label in GOLD]


def tagged(scheme: str) -> tuple[str, object]:
    spans = gold_spans()
    d = tokenize(SEED, [(s, e) for s, e, _ in spans], scheme)
    tags = encode_tags(len(d.words), [(*r, lab) for r, (_, _, lab) in zip(d.span_tokens, spans, strict=True)], "iob2")
    return " ".join(f"{w}/{t}" if t != "O" else w for w, t in zip(d.words, tags, strict=True)), d


@pytest.mark.parametrize("scheme", SCHEMES)
def test_seed_gold_under_each_scheme(scheme):
    line, d = tagged(scheme)
    assert line == SEED_LINES[scheme]
    # the four spans glued to و/ب: widened under whitespace, split out under proclitics, and already
    # on a token edge under atb/conllu (which always cut those clitics)
    assert (d.widened, d.split_out) == {"whitespace": ([2, 3, 7, 8], []), "proclitics": ([], [2, 3, 7, 8]),
                                         "atb": ([], []), "conllu": ([], [])}[scheme]


def test_atb_rules():
    assert atb_cuts("بالقاهرة") == {1: "pro"}  # the article stays on its word
    assert atb_cuts("وبإسطنبول") == {1: "pro", 2: "pro"}
    assert atb_cuts("كتابهم") == {4: "enc"}
    assert atb_cuts("سيعودون") == {1: "pro"}
    assert atb_cuts("كالعادة") == {1: "pro"} and atb_cuts("كتاب") == {}  # ك only before the article
    assert atb_cuts("الأوروبي") == {} and atb_cuts("بكتابه") == {1: "pro", 5: "enc"}
    assert atb_cuts("في") == atb_cuts("وزير") == atb_cuts("Paris") == {}
    # a span starting after the article splits it out (kept, counted), marked as the ATB writes it
    text = "زار المدينة"
    d = tokenize(text, [(6, 11)], "atb")
    assert d.words == ["زار", "ال+", "مدينة"] and d.split_out == [0] and d.span_tokens == [(2, 3)]
    # an edge on no clitic boundary widens the span
    d = tokenize("زار مدينتنا", [(4, 8)], "atb")
    assert d.widened == [0] and d.words[d.span_tokens[0][0]] == "مدينت"


@pytest.mark.parametrize("scheme, widened, split_out", [
    ("whitespace", 4, 0), ("proclitics", 0, 4), ("atb", 0, 0), ("conllu", 0, 0)])
def test_every_token_export_reports_the_span_edges(tmp_path, scheme, widened, split_out):
    p = Project.memory()
    p.import_document(SEED, status="done", spans=[{"ref": f"T{k}", "start": s, "end": e, "label": lab}
                                                  for k, (s, e, lab) in enumerate(gold_spans())])
    for fmt in TOKEN_FORMATS:  # every token format takes every scheme
        rep = export(p, fmt, tmp_path / f"{fmt}-{scheme}", {"tokens": scheme})
        assert rep.token_edges == {"scheme": scheme, "widened": widened, "split_out": split_out}, fmt
        assert rep.to_dict()["token_edges"] == rep.token_edges
        assert f"{widened} widened to the token, {split_out} kept with the clitic split out" in "\n".join(rep.lines())


def test_old_clitics_names_keep_working_and_clash_is_refused(tmp_path, capsys):
    path = tmp_path / "p"
    with Project.open(path) as p:
        p.import_document(SEED, status="done", spans=[{"ref": "T1", "start": 51, "end": 58, "label": "GPE"}])
    for old, new in (("keep", "whitespace"), ("split", "proclitics")):
        assert main.main(["export", str(path), "--format", "conll", "--out", str(tmp_path / old),
                          "--clitics", old, "--quiet"]) == 0
        assert main.main(["export", str(path), "--format", "conll", "--out", str(tmp_path / new),
                          "--tokens", new, "--quiet"]) == 0
        assert (tmp_path / old).read_bytes() == (tmp_path / new).read_bytes()
    assert b"\xd8\xa8 " in (tmp_path / "split").read_bytes()  # "ب " cut off
    capsys.readouterr()
    assert main.main(["export", str(path), "--format", "conll", "--out", str(tmp_path / "x"),
                      "--clitics", "keep", "--tokens", "atb", "--quiet"]) == 2
    assert "different token schemes" in capsys.readouterr().err and not (tmp_path / "x").exists()


def test_conllu_output_is_read_by_the_conllu_parser(tmp_path):
    p = Project.memory()
    text = SEED + "\nوقال: سيعودون للمدينة."
    d, _ = p.import_document(text, status="done", spans=[{"ref": f"T{k}", "start": s, "end": e, "label": lab}
                                                      for k, (s, e, lab) in enumerate(gold_spans())])
    p.add_span(d, text.rindex("للمدينة") + 2, text.rindex("للمدينة") + 7, "LOC")  # مدينة after لل
    export(p, "conll", tmp_path / "x.conllu", {"tokens": "conllu"})
    sentences = conllu.parse((tmp_path / "x.conllu").read_text(encoding="utf-8"))
    assert sentences[0].metadata["newdoc id"] == d and sentences[0].metadata["sent_id"] == f"{d}-1"
    words, ner, rebuilt = [], [], []
    for sent in sentences:
        line = ""
        for t in sent:
            if isinstance(t["id"], tuple):  # a multi-word token: its syntactic words follow
                assert t["id"][1] == "-" and t["id"][2] > t["id"][0] and "".join(
                    w["form"] for w in sent if isinstance(w["id"], int) and t["id"][0] <= w["id"] <= t["id"][2]
                ) == t["form"]
            else:
                words.append(t["form"])
                ner.append(t["misc"]["NER"])
            covered = any(isinstance(m["id"], tuple) and m["id"][0] <= t["id"] <= m["id"][2]
                          for m in sent) if isinstance(t["id"], int) else False
            if not covered:
                line += t["form"] + ("" if (t["misc"] or {}).get("SpaceAfter") == "No" else " ")
        assert line.strip() == sent.metadata["text"]
        rebuilt.append(line.strip())
    assert "".join(rebuilt).replace(" ", "") == "".join(text.split())
    mwt = [t["form"] for s in sentences for t in s if isinstance(t["id"], tuple)]
    assert "بإسطنبول" in mwt and "وأوروبا" in mwt and "للمدينة" in mwt
    assert [words[i] for i, tag in enumerate(ner) if tag.startswith("B-")][-1] == "مدينة"
    assert ner[words.index("إسطنبول")] == "B-GPE" and "ب" in words


# text made of the things that make Arabic tokenisation hard: clitic letters, the article, pronoun
# endings, marks, tatweel, digits, punctuation, Latin and spaces of several kinds
_ALPHABET = list("وفبكلسالهمناقدرةيى") + ["\u064e", "\u0651", "\u0640", "ال", "ها", "هم", "3", ".", "،", "”",
                                           "Ab", " ", " ", "\n", "\u00a0", "؟"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(_ALPHABET), max_size=40), cuts=st.lists(st.integers(0, 80), max_size=6),
       scheme=st.sampled_from(SCHEMES))
def test_tokens_joined_give_back_the_text_up_to_whitespace(parts, cuts, scheme):
    text = "".join(parts)
    edges = sorted(c for c in cuts if c <= len(text))
    spans = [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=False) if a < b]
    d = tokenize(text, spans, scheme)
    assert "".join(unmarked(d, i) for i in range(len(d.words))) == "".join(text.split())
    for i, w in enumerate(d.words):  # a token is its text, with the atb markers only
        assert (w.removeprefix(MARKER).removesuffix(MARKER) if scheme == "atb" else w) == unmarked(d, i)
    assert all(b > a for a, b in zip(d.starts, d.ends, strict=True))
    assert all(e <= s for e, s in zip(d.ends, d.starts[1:], strict=False))
    overlapping = [[i for i in range(len(d.words)) if d.starts[i] < e and d.ends[i] > s] for s, e in spans]
    for k, ((s, e), r) in enumerate(zip(spans, d.span_tokens, strict=True)):  # a span gets the tokens it touches
        assert (list(range(*r)) if r else []) == overlapping[k]
        if r and scheme != "whitespace" and k not in d.widened:  # kept: its edges are token edges
            assert d.starts[r[0]] >= s and d.ends[r[1] - 1] <= e


def test_token_formats_are_the_exports_written_as_tokens(tmp_path, capsys):
    path = tmp_path / "p"
    with Project.open(path) as p:
        p.import_document(SEED, status="done", spans=[{"ref": "T1", "start": 51, "end": 58, "label": "GPE"}])
        assert {fmt for fmt in EXPORTERS if export(p, fmt, tmp_path / fmt).token_edges} == set(TOKEN_FORMATS)
        # the others write character offsets: a scheme asked of them is refused, saying why, not ignored
        for fmt in set(EXPORTERS) - set(TOKEN_FORMATS):
            for option in ("tokens", "clitics"):
                with pytest.raises(FormatError, match=f"--{option} is for the token formats .*{fmt} writes character"):
                    export(p, fmt, tmp_path / f"{fmt}-refused", {option: "atb" if option == "tokens" else "keep"})
    capsys.readouterr()
    assert main.main(["export", str(path), "--format", "brat", "--out", str(tmp_path / "b"), "--tokens", "atb"]) == 2
    assert "--tokens is for the token formats" in capsys.readouterr().err and not (tmp_path / "b").exists()
    assert not any(tmp_path.glob("*-refused*"))
