"""brat standoff: every .ann line checked against brat's standoff rules, conf files from the schema,
reversible name mapping, bad lines reported with file:line, and export/import round trips with events."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_formats_common import NEWS, news_project

from annotations import Project
from annotations.formats import export, import_annotated
from annotations.formats.brat import from_brat, to_brat

# brat standoff format (brat.nlplab.org/standoff.html): ID TAB payload [TAB text]
T_LINE = re.compile(r"^T\d+\t[A-Za-z0-9_-]+ \d+ \d+(;\d+ \d+)*\t[^\t\n]*$")
E_LINE = re.compile(r"^E\d+\t[A-Za-z0-9_-]+:[TE]\d+( [A-Za-z0-9_-]+:[TE]\d+)*$")
R_LINE = re.compile(r"^R\d+\t[A-Za-z0-9_-]+ Arg1:[TE]\d+ Arg2:[TE]\d+$")
A_LINE = re.compile(r"^A\d+\t[A-Za-z0-9_-]+ [TER]\d+( [A-Za-z0-9_-]+)?$")
NOTE_LINE = re.compile(r"^#\d+\tAnnotatorNotes [TER]\d+\t[^\t\n]*$")


def test_ann_lines_follow_brat_standoff_rules(tmp_path):
    p, d, _ = news_project()
    export(p, "brat", tmp_path / "b")
    txt = (tmp_path / "b" / f"{d}.txt").read_bytes().decode("utf-8")
    assert txt == NEWS  # byte for byte
    lines = (tmp_path / "b" / f"{d}.ann").read_text(encoding="utf-8").splitlines()
    defined: set[str] = set()
    kinds = {"T": T_LINE, "E": E_LINE, "R": R_LINE, "A": A_LINE, "#": NOTE_LINE}
    for line in lines:
        assert kinds[line[0]].match(line), line
        ident = line.split("\t")[0]
        assert ident not in defined
        defined.add(ident)
    for line in lines:
        if line[0] == "T":
            ident, mid, shown = line.split("\t")
            offs = [tuple(map(int, f.split())) for f in mid.split(" ", 1)[1].split(";")]
            assert " ".join(txt[a:b] for a, b in offs) == shown
        refs = re.findall(r"(?::| )([TER]\d+)", line.split("\t")[1])
        assert all(r in defined for r in refs), line
    event = next(x for x in lines if x.startswith("E"))
    assert event.split("\t")[1].startswith("Contact_2E_Meet:T2 Entity:T3 Entity2:T5 Place:T1")
    assert any(x.startswith("A") and x.endswith("\tPolarity E1 Positive") for x in lines)
    assert any(x.startswith("#") and x.endswith("\tملاحظة") for x in lines)
    conf = (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]$", conf, re.M)
    assert sections == ["entities", "relations", "events", "attributes"]
    used = {line.split("\t")[1].split()[0].split(":")[0] for line in lines if line[0] in "TER"}
    declared = {x.split("\t")[0] for x in conf.splitlines() if x and x[0] not in "#["}
    assert used <= declared
    visual = (tmp_path / "b" / "visual.conf").read_text(encoding="utf-8")
    assert "Contact_2E_Meet | Contact.Meet" in visual


@given(st.text(min_size=1, max_size=20).filter(lambda s: s.strip()))
def test_name_mapping_is_reversible_and_safe(name):
    for role in (False, True):
        mapped = to_brat(name, role)
        assert re.fullmatch(r"[A-Za-z0-9_-]+", mapped)
        assert from_brat(mapped) == name
        if role:
            assert not mapped[-1].isdigit()


def test_bad_lines_are_reported_and_the_rest_imported(tmp_path):
    text = "زار الوزير بغداد ودمشق"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tGPE 11 16\tبغداد\n"
        "T2\tGPE 17 23\tدمشقX\n"          # text does not match
        "T3\tGPE 17 99\tدمشق\n"           # outside the text
        "T4\tNOPE 0 3\tزار\n"             # unknown label
        "T5 broken line\n"
        "R1\tPHYS_2E_Located Arg1:T1 Arg2:T9\n"  # dangling
        "N1\tReference T1 Wikipedia:123\n",
        encoding="utf-8")
    (tmp_path / "b.ann").write_text("T1\tGPE 0 1\tx\n", encoding="utf-8")  # no .txt
    p = Project.memory()
    rep = import_annotated(p, [tmp_path], "brat")
    lines = "\n".join(rep.lines())
    for n in (2, 3, 5, 6, 7):
        assert f"a.ann:{n}: " in lines, (n, lines)
    assert "b.txt is missing" in lines
    assert len(rep.documents) == 1
    # a project with no annotations yet adopts the unknown label
    assert rep.added_labels == ["NOPE"]
    assert sorted((s.label, s.text) for s in p.spans(rep.documents[0])) == [("GPE", "بغداد"), ("NOPE", "زار")]


def test_unknown_labels_add_mode_extends_schema(tmp_path):
    (tmp_path / "a.txt").write_text("زار الوزير بغداد", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tCity 11 16\tبغداد\nT2\tVisit 0 3\tزار\nE1\tVisit:T2 Goal:T1\n",
                                    encoding="utf-8")
    p = Project.memory()
    rep = import_annotated(p, [tmp_path / "a.ann"], "brat", {"unknown_labels": "add"})
    assert not rep.problems, rep.lines()
    assert p.schema.entity("City") and p.schema.event("Visit").role("Goal")
    ev = p.events(rep.documents[0])[0]
    assert ev.type == "Visit" and ev.arguments[0][0] == "Goal"


words = st.sampled_from(["بإسطنبول", "وروسيا", "قال", "الوفد", "\n", "🙂", "عُقد", "Politico"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(words, min_size=2, max_size=10), st.data())
def test_roundtrip_spans_events_relations(tmp_path_factory, toks, data):
    text = " ".join(toks)
    p = Project.memory()
    d = p.add_document(text, status="done")
    spans = []
    for _ in range(data.draw(st.integers(1, 5))):
        s = data.draw(st.integers(0, len(text) - 1))
        e = data.draw(st.integers(s + 1, min(len(text), s + 12)))
        while text[s].isspace() and s + 1 < e:  # brat lines cannot start or end a span on a line break
            s += 1
        while text[e - 1].isspace() and e - 1 > s:
            e -= 1
        if text[s:e].isspace():
            continue
        label = data.draw(st.sampled_from(["PER", "GPE", "Conflict.Attack"]))
        spans.append(p.add_span(d, s, e, label, note=data.draw(st.sampled_from([None, "ملاحظة"]))))
    triggers = [s for s in spans if p.span(s).label == "Conflict.Attack"]
    others = [s for s in spans if p.span(s).label != "Conflict.Attack"]
    for t in triggers:
        args = [("Attacker", o) for o in others if p.span(o).label in ("PER", "GPE")][:2]
        p.add_event(d, "Conflict.Attack", trigger=t, arguments=args)
    if len(others) >= 2 and p.span(others[0]).label == "PER" and p.span(others[1]).label == "GPE":
        p.add_relation("PHYS.Located", others[0], others[1])
    out = tmp_path_factory.mktemp("brat") / "b"
    export(p, "brat", out)
    q = Project.memory()
    rep = import_annotated(q, [out], "brat")
    assert not rep.errors and not rep.failed, rep.lines()
    nd = rep.documents[0]
    assert q.document(nd).text == text

    def key(proj, doc):
        spans = {s.id: (s.start, s.end, s.label, s.note or "") for s in proj.spans(doc)}
        evs = sorted((spans[e.trigger], tuple((r, spans[t]) for r, t in e.arguments)) for e in proj.events(doc))
        rels = sorted((r.type, spans[r.arg1], spans[r.arg2]) for r in proj.relations(doc))
        return sorted(spans.values()), evs, rels

    assert key(q, nd) == key(p, d)


def test_mentions_with_unicode_line_separators_stay_on_one_ann_line(tmp_path):
    # brat reads .ann files with Python's notion of a line: U+2028, U+0085, FF... end one
    text = "زار الوفد\u2028الروسي بغداد\x85أمس\x0cثم\u2029عاد."
    p = Project.memory()
    d = p.add_document(text, status="done")
    whole = p.add_span(d, 4, len(text) - 1, "ORG", note="سطر\u2028ثان")
    rep = export(p, "brat", tmp_path / "b")
    ann = (tmp_path / "b" / f"{d}.ann").read_text(encoding="utf-8")
    lines = ann.split("\n")[:-1]
    assert [line.splitlines() for line in lines] == [[line] for line in lines]
    assert lines[0] == "T1\tORG 4 9;10 22;23 26;27 29;30 33\tالوفد الروسي بغداد أمس ثم عاد"
    assert rep.not_carried["spans crossing a line break (written as brat fragments)"]["count"] == 1
    assert rep.not_carried["notes with line breaks (flattened to one line)"]["count"] == 1
    q = Project.memory()
    back = import_annotated(q, [tmp_path / "b"], "brat")
    assert not back.problems
    (s,) = q.spans(back.documents[0])
    assert (s.start, s.end, s.label) == (p.span(whole).start, p.span(whole).end, "ORG")


def test_title_meta_and_status_come_back_from_the_meta_file(tmp_path):
    p = Project.memory()
    d = p.add_document("نص", title="عنوان\u2028ثان", meta={"url": "https://x.org", "n": [1, None]},
                       status="skipped")
    export(p, "brat", tmp_path / "b", {"status": "all"})
    info = (tmp_path / "b" / f"{d}.meta.json").read_text(encoding="utf-8")
    assert len(info.splitlines()) == 1
    q = Project.memory()
    back = import_annotated(q, [tmp_path / "b"], "brat")
    doc = q.document(back.documents[0])
    assert (doc.title, dict(doc.meta), doc.status) == ("عنوان\u2028ثان", {"url": "https://x.org", "n": [1, None]},
                                                       "skipped")
    # a damaged meta file is reported and the document still comes in, with what the .ann gives
    (tmp_path / "b" / f"{d}.meta.json").write_text('{"title": 3, "status": "finished"', encoding="utf-8")
    r = Project.memory()
    back = import_annotated(r, [tmp_path / "b"], "brat")
    assert len(back.documents) == 1 and r.document(back.documents[0]).title == d
    assert "not valid JSON" in "\n".join(back.lines())
