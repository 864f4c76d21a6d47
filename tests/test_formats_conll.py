"""CoNLL/IOB2/BIOES: clitic-glued entities in both modes checked with seqeval, nesting, malformed tags
reported by file:line, the real AQMAR corpus imported and re-exported whole-token, and round trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, IOBES, Entities
from test_formats_common import find, import_clean, news_project

from annotations import Project
from annotations.formats import export, import_annotated
from annotations.formats.conll import INFO_COMMENT
from annotations.schema import EntityType, Schema

CLITICS = "زار الوفد بإسطنبول، وروسيا، لأوكرانيا."
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def read_conll(path: Path) -> list[list[list[str]]]:
    """Sentences of rows (token, tags...) without -DOCSTART- and comment lines."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith(INFO_COMMENT):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        elif not line.startswith("-DOCSTART-"):
            cur.append(line.split(" "))
    return sents


def clitic_project() -> Project:
    p = Project.memory()
    d = p.add_document(CLITICS, status="done")
    for w in ("إسطنبول", "روسيا", "أوكرانيا"):
        p.add_span(d, *find(CLITICS, w), "GPE")
    return p


def test_clitics_split_mode_iob2(tmp_path):
    rep = export(clitic_project(), "conll", tmp_path / "x.conll")
    rows = read_conll(tmp_path / "x.conll")[0]
    assert rows == [["زار", "O"], ["الوفد", "O"], ["ب", "O"], ["إسطنبول", "B-GPE"], ["،", "O"], ["و", "O"],
                    ["روسيا", "B-GPE"], ["،", "O"], ["ل", "O"], ["أوكرانيا", "B-GPE"], [".", "O"]]
    tags = [r[1] for r in rows]
    assert Entities([tags], IOB2, suffix=False).entities[0] and len(get_entities(tags)) == 3
    assert [rows[s][0] for _, s, _ in get_entities(tags)] == ["إسطنبول", "روسيا", "أوكرانيا"]
    assert rep.moved_boundaries == 0


def test_clitics_keep_mode_iob2_counts_moved_boundaries(tmp_path):
    rep = export(clitic_project(), "conll", tmp_path / "x.conll", {"clitics": "keep"})
    rows = read_conll(tmp_path / "x.conll")[0]
    assert rows == [["زار", "O"], ["الوفد", "O"], ["بإسطنبول", "B-GPE"], ["،", "O"], ["وروسيا", "B-GPE"],
                    ["،", "O"], ["لأوكرانيا", "B-GPE"], [".", "O"]]
    assert [e[0] for e in get_entities([r[1] for r in rows])] == ["GPE"] * 3
    assert rep.moved_boundaries == 3
    assert rep.not_carried["span boundaries moved to token edges"]["count"] == 3
    assert "بإسطنبول" in rep.not_carried["span boundaries moved to token edges"]["examples"][0]


def test_news_outermost_levels_and_bioes(tmp_path):
    p, _, _ = news_project()
    export(p, "conll", tmp_path / "a.conll")
    sents = read_conll(tmp_path / "a.conll")
    tags = [r[1] for s in sents for r in s]
    Entities([tags], IOB2, suffix=False)  # raises on an invalid IOB2 sequence
    rows = [r for s in sents for r in s]
    k = rows.index(["ممثلي", "B-PER"])
    assert rows[k + 1] == ["روسيا", "I-PER"]  # outermost kept
    export(p, "conll", tmp_path / "b.conll", {"nested": "levels"})
    rows = [r for s in read_conll(tmp_path / "b.conll") for r in s]
    assert all(len(r) == 3 for r in rows)
    assert ["روسيا", "I-PER", "B-GPE"] in rows
    export(p, "conll", tmp_path / "c.conll", {"scheme": "bioes"})
    bioes = [[r[1] for r in s] for s in read_conll(tmp_path / "c.conll")]
    ents = Entities(bioes, IOBES, suffix=False).entities
    assert sum(len(e) for e in ents) == 8  # 9 spans minus the nested one
    assert bioes[0][1:3] == ["S-GPE", "S-Contact.Meet"] and "E-ORG" in bioes[0]


def test_document_per_sequence(tmp_path):
    p, _, _ = news_project()
    rep = export(p, "conll", tmp_path / "a.conll", {"sentences": False})
    assert len(read_conll(tmp_path / "a.conll")) == 1 and rep.sentences == 1


MALFORMED = """-DOCSTART- O

كرة B-MISS1
القدم I-MIS1
رياضة O
16 OO
الشمالي IO
الحكومة B-ORG
الأمريكية I--ORG
الألعاب B-MIS1`
الألومية I-MIS1
لجنو B-MIS-1
O'Donnell B-SPANISH
وحيد

مدريد B-LOC
"""


def aqmar_schema() -> Schema:
    return Schema("AQMAR", [EntityType(n) for n in ("PER", "LOC", "ORG", "MIS0", "MIS1", "MIS2", "MIS3")])


def test_malformed_tags_are_reported_with_file_and_line(tmp_path):
    f = tmp_path / "bad.conll"
    f.write_text(MALFORMED, encoding="utf-8")
    p = Project.memory(schema=aqmar_schema())
    # refusing unknown labels refuses the file whole, in one message that names them
    rep = import_annotated(p, [f], "conll", {"unknown_labels": "refuse"})
    assert not rep.documents and not rep.problems and len(p) == 0
    [refused] = rep.failed
    assert "labels not in the project's schema: MISS1, MIS-1, SPANISH;" in refused.reason
    # add mode takes syntactically valid unknown labels, still refuses malformed tags
    rep = import_annotated(p, [f], "conll", {"unknown_labels": "add"})
    assert len(rep.documents) == 1 and not rep.failed
    assert rep.added_labels == ["MISS1", "MIS-1", "SPANISH"]
    text = "\n".join(rep.lines())
    for line_no, tag in ((6, "'OO'"), (7, "'IO'"), (9, "'I--ORG'"), (10, "'B-MIS1`'"), (14, "no tag column")):
        assert re.search(rf"bad\.conll:{line_no}: .*{re.escape(tag)}", text), (line_no, tag, text)
    assert f"{f}:4: warning: I-MIS1 follows a MISS1 span" in text
    doc = p.documents()[0]
    assert [(s.label, s.text) for s in p.spans(doc.id)] == [
        ("MISS1", "كرة"), ("MIS1", "القدم"), ("ORG", "الحكومة"), ("MIS1", "الألومية"), ("MIS-1", "لجنو"),
        ("SPANISH", "O'Donnell"), ("LOC", "مدريد")]
    assert p.document(doc.id).text.split("\n")[1] == "مدريد"


def test_aqmar_import_all_and_whole_token_export(tmp_path):
    folder = SHARED / "corpora" / "aqmar"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.glob("*.conll"))
    assert len(files) == 28
    p = Project.memory(schema=aqmar_schema())
    # the folder itself: its README.md is not data and must not be read
    rep = import_annotated(p, [folder], "conll", {"unknown_labels": "add", "status": "done"})
    assert len(rep.documents) == 28 and not rep.failed
    reported = {(Path(x.file).name, x.line) for x in rep.problems}
    errors = {(Path(x.file).name, x.line) for x in rep.errors}
    assert errors == {("Football.conll", 1855), ("Crusades.conll", 2145), ("Enrico_Fermi.conll", 2268),
                      ("Summer_Olympics2004.conll", 1110)}  # the malformed tags
    export(p, "conll", tmp_path / "aqmar.conll", {"clitics": "keep"})
    out_rows = [r for s in read_conll(tmp_path / "aqmar.conll") for r in s]
    # documents are exported in import order; compare line by line with the sources
    src_rows = []
    for f in files:
        for no, line in enumerate(f.read_text(encoding="utf-8").split("\n"), 1):
            if line.strip():
                src_rows.append((f.name, no, line.split()))
    assert [r[0] for r in out_rows] == [r[2][0] for r in src_rows]  # the same tokens, all of them
    same = mismatched = 0
    for (name, no, src), out in zip(src_rows, out_rows, strict=True):
        if (name, no) in reported:
            continue
        assert out == src, (name, no, src, out)
        same += 1
    assert same > 70_000 and mismatched == 0


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "الوفد", "المتحدة", "عُقد", "Politico", "2023"])


@st.composite
def token_docs(draw):
    toks = draw(st.lists(words, min_size=1, max_size=10))
    text = " ".join(toks)
    spans, pos = [], 0
    for t in toks:
        if draw(st.booleans()):
            cut = 1 if t[0] in "بو" and len(t) > 3 and draw(st.booleans()) else 0
            spans.append((pos + cut, pos + len(t), draw(st.sampled_from(["PER", "GPE", "ORG"]))))
        pos += len(t) + 1
    return text, spans


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token_docs(), st.sampled_from(["iob2", "bioes"]))
def test_roundtrip_export_import_gives_same_spans(tmp_path_factory, doc, scheme):
    text, spans = doc
    p = Project.memory()
    d = p.add_document(text, status="done")
    for s, e, lab in spans:
        p.add_span(d, s, e, lab)
    out = tmp_path_factory.mktemp("rt") / "x.conll"
    export(p, "conll", out, {"scheme": scheme})
    q = Project.memory()
    rep = import_annotated(q, [out], "conll", {"scheme": scheme})
    assert not rep.problems and not rep.failed
    got = q.spans(q.documents()[0].id)
    assert [(s.label, s.text) for s in got] == [(s.label, s.text) for s in p.spans(d)]


def test_conll2003_style_columns_read_the_last_as_tags(tmp_path):
    f = tmp_path / "c.conll"
    f.write_text("-DOCSTART- -X- -X- O\n\nزار VB B-VP O\nبغداد NNP B-NP B-GPE\nأمس NN I-NP O\n", encoding="utf-8")
    p = Project.memory()
    rep = import_annotated(p, [f], "conll")
    assert "column(s) 2 do not hold tags (e.g. 'VB')" in "\n".join(rep.lines())
    assert [(s.label, s.text) for s in p.spans(rep.documents[0])] == [("GPE", "بغداد")]


def test_levels_export_imports_back_every_nested_span(tmp_path):
    p, d, _ = news_project()
    export(p, "conll", tmp_path / "l.conll", {"nested": "levels"})
    q = Project.memory()
    rep = import_annotated(q, [tmp_path / "l.conll"], "conll")
    assert not rep.problems and not rep.failed
    got = sorted((s.label, s.text) for s in q.spans(rep.documents[0]))
    assert got == sorted((s.label, s.text) for s in p.spans(d))


def test_levels_rows_of_a_file_all_have_one_column_per_level(tmp_path):
    p, d, _ = news_project()  # nesting two deep
    deep = "زار وفد بلدية إسطنبول بغداد."
    e = p.add_document(deep, status="done")
    p.add_span(e, *find(deep, "وفد بلدية إسطنبول"), "PER")
    p.add_span(e, *find(deep, "بلدية إسطنبول"), "ORG")
    p.add_span(e, *find(deep, "إسطنبول"), "GPE")
    p.add_document("نص بلا وسوم.", status="done")  # nesting zero deep
    export(p, "conll", tmp_path / "l.conll", {"nested": "levels"})
    lines = [x for x in (tmp_path / "l.conll").read_text(encoding="utf-8").split("\n")
             if x.strip() and not x.startswith(INFO_COMMENT)]
    assert {len(x.split(" ")) for x in lines} == {4}  # token + 3 levels, -DOCSTART- lines too
    assert "إسطنبول I-PER I-ORG B-GPE" in lines and "بلا O O O" in lines and "روسيا I-PER B-GPE O" in lines
    q = Project.memory()
    rep = import_annotated(q, [tmp_path / "l.conll"], "conll")
    assert not rep.problems and len(rep.documents) == 3
    assert sorted((s.label, s.text) for s in q.spans(rep.documents[1])) == [
        ("GPE", "إسطنبول"), ("ORG", "بلدية إسطنبول"), ("PER", "وفد بلدية إسطنبول")]


def test_empty_and_whitespace_documents_survive_a_round_trip(tmp_path):
    p = Project.memory()
    texts = ["زار الوفد بغداد.", "", "   ", "\n\t\n", "ثم عاد."]
    for k, t in enumerate(texts):
        p.add_document(t, title=f"d{k}", status="done")
    rep = export(p, "conll", tmp_path / "x.conll")
    assert rep.documents == 5
    assert rep.not_carried["text layout (CoNLL keeps tokens: they come back joined by single spaces, one "
                           "sentence per line)"]["count"] == 4  # all but the empty one
    q = Project.memory()
    back = import_annotated(q, [tmp_path / "x.conll"], "conll")
    assert not back.problems and len(back.documents) == 5
    assert [(q.document(i).title, q.document(i).text) for i in back.documents] == [
        ("d0", "زار الوفد بغداد ."), ("d1", ""), ("d2", ""), ("d3", ""), ("d4", "ثم عاد .")]


def test_foreign_files_without_comment_lines_read_as_before(tmp_path):
    f = tmp_path / "f.conll"
    f.write_text("-DOCSTART- O\n\n-DOCSTART- O\n\nبغداد B-GPE\n\n-DOCSTART- O\n", encoding="utf-8")
    q = Project.memory()
    rep = import_annotated(q, [f], "conll", {"status": "done"})
    assert len(rep.documents) == 1  # empty foreign blocks are not documents
    doc = q.document(rep.documents[0])
    assert doc.title == "f" and doc.status == "done" and doc.meta["source"] == str(f)


def test_levels_split_files_share_one_column_count(tmp_path):
    p = Project.memory()
    deep = "زار وفد بلدية إسطنبول بغداد."
    e = p.add_document(deep, status="done")
    for word, label in (("وفد بلدية إسطنبول", "PER"), ("بلدية إسطنبول", "ORG"), ("إسطنبول", "GPE")):
        p.add_span(e, *find(deep, word), label)
    for k in range(5):
        d = p.add_document(f"زار الوزير {k} بغداد.", status="done")
        p.add_span(d, *find(p.document(d).text, "بغداد"), "GPE")
    rep = export(p, "conll", tmp_path / "s", {"nested": "levels", "split": "0.5,0.5"})
    assert dict(rep.splits) == {"train": 3, "dev": 3}
    for name in ("train.conll", "dev.conll"):
        lines = [x for x in (tmp_path / "s" / name).read_text(encoding="utf-8").split("\n")
                 if x.strip() and not x.startswith(INFO_COMMENT)]
        assert lines and {len(x.split(" ")) for x in lines} == {4}, name


def test_damaged_comment_line_is_a_warning_and_the_file_name_the_title(tmp_path):
    f = tmp_path / "c.conll"
    f.write_text('-DOCSTART- O\n# qalam-document = {"title": "عنوان", "status"\n\nبغداد B-GPE\n\n'
                 '-DOCSTART- O\n# qalam-document = {"title": "ثان", "status": "finished"}\n\nدمشق B-GPE\n',
                 encoding="utf-8")
    q = Project.memory()
    rep, text = import_clean(q, f, "conll", {"status": "done"})
    assert len(rep.documents) == 2
    assert f"{f}:2: warning: the # qalam-document line: not valid JSON" in text
    assert f"{f}:7: warning: the # qalam-document line: status 'finished' is not one of" in text
    a, b = (q.document(i) for i in rep.documents)
    assert (a.title, a.status, b.title, b.status) == ("c #1", "done", "ثان", "done")


INVISIBLE_SPAN = ("span text with invisible characters (bidi controls, joiners and other zero-width characters are "
                  "not tokens, so the span comes back without them)")


@pytest.mark.parametrize("word", ["مي\u200cخواهم", "بيروت\u034f", "بي\u200dروت", "\u200fبيروت\u200f", "بيروت\u2066"])
@pytest.mark.parametrize("tokens", ["proclitics", "whitespace", "atb"])
def test_a_span_holding_an_invisible_character_is_reported_wherever_it_is(tmp_path, word, tokens):
    # joiners and the grapheme joiner are word characters to the tokenizer, the others separate
    # tokens: the report names the span either way
    p = Project.memory()
    text = f"زار الوفد {word} أمس ثم عاد."
    d = p.add_document(text, title="t", status="done")
    p.add_span(d, text.index(word), text.index(word) + len(word), "GPE")
    p.add_span(d, text.index("الوفد"), text.index("الوفد") + len("الوفد"), "ORG")
    rep = export(p, "conll", tmp_path / "x.conll", {"tokens": tokens})
    assert rep.not_carried[INVISIBLE_SPAN]["count"] == 1
    clean = Project.memory()
    d = clean.add_document("زار الوفد بيروت أمس ثم عاد.", title="t", status="done")
    clean.add_span(d, 10, 15, "GPE")
    assert INVISIBLE_SPAN not in export(clean, "conll", tmp_path / "y.conll", {"tokens": tokens}).not_carried
