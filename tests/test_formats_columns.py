"""The exports' column machinery gives exactly what the per-object path gives.

``jsoncols`` must write the bytes ``json_text`` writes for any values (quotes, backslashes, control
characters, the separator characters it uses itself, lone surrogates, integers that are bools);
``SpanColumns`` must give the same fields from stored records as from ``Span`` values; ``load_raw``
must select and order as ``load_doc`` does; and the writers that work on columns must not build a
``Span`` at all (the read path's saving), which only a patched ``spans_from_records`` can tell.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_formats_fast_read import build

import annotations.formats.common as common
import annotations.formats.rawdoc as rawdoc
from annotations import Project
from annotations.formats import export, jsoncols
from annotations.formats.common import ExportOptions, load_doc
from annotations.formats.rawdoc import load_raw
from annotations.formats.reports import ExportReport
from annotations.formats.spancols import SpanColumns
from annotations.formats.staging import json_text
from annotations.store.files import read_project_fast

# text with what JSON escapes, what jsoncols joins with, and what JSON leaves alone
TEXT = st.text(st.sampled_from(['"', "\\", "\n", "\t", "\x00", "\x1f", "\uffff", "\ufffe", "\u2028", "\ud800",
                                "a", "ب", " ", ",", ":", "é", "😀"]), max_size=12)


@given(st.lists(TEXT, max_size=8))
def test_escaped_is_json_text(values):
    assert jsoncols.escaped(values) == [json_text(v)[1:-1] for v in values]


VALUE = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=False), TEXT,
                  st.dictionaries(TEXT, st.integers(), max_size=2))


@given(st.lists(VALUE, max_size=8))
def test_values_and_integers_are_json_text(column):
    assert jsoncols.values(column) == [json_text(v) for v in column]
    ints = [v for v in column if isinstance(v, int)]  # bools among them: json writes true, not 1
    assert jsoncols.integers(ints) == [json_text(v) for v in ints]


@given(st.lists(st.tuples(TEXT, st.integers(), VALUE), max_size=6))
@settings(max_examples=60)
def test_rows_are_json_text_of_the_objects(records):
    names, numbers, others = (list(col) for col in zip(*records, strict=True)) if records else ([], [], [])
    objects = [{"name": a, "n": b, "fixed": [1, "x"], "other": c} for a, b, c in records]
    text = jsoncols.array(['{"name": "', jsoncols.escaped(names), '", "n": ', jsoncols.integers(numbers),
                           ', "fixed": [1, "x"], "other": ', jsoncols.values(others), "}"], len(records))
    assert text == json_text(objects)
    assert jsoncols.with_fields({"a": 1}, ("objects", text)) == json_text({"a": 1, "objects": objects})


def utf8(text: str) -> bytes | type[UnicodeEncodeError]:
    """``text`` as the writers write it; a lone surrogate cannot be written (an error, as ever)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return UnicodeEncodeError


def outcome(fn, *args):  # noqa: ANN001, ANN202 - the value, or the error's type
    try:
        return fn(*args)
    except UnicodeEncodeError:
        return UnicodeEncodeError


# what the orjson shortcuts must not mistake for a separator: quotes and commas next to each other
SEP_TEXT = st.text(st.sampled_from(['"', ",", "\\", "[", "]", "a", "ب", "\n", "\ud800", "\uffff"]), max_size=5)


@given(st.lists(st.one_of(TEXT, SEP_TEXT), max_size=8))
def test_bytes_columns_are_json_text_encoded(values):
    expect = [utf8(json_text(v)[1:-1]) for v in values]
    if UnicodeEncodeError in expect:
        assert outcome(jsoncols.escaped_b, values) is UnicodeEncodeError
    else:
        assert jsoncols.escaped_b(values) == expect
        assert jsoncols.values_b(values) == [utf8(json_text(v)) for v in values]
        assert list(map(jsoncols.string_b, values)) == [utf8(json_text(v)) for v in values]


@given(st.lists(st.one_of(TEXT, SEP_TEXT), min_size=1, max_size=12), st.data())
def test_bytes_string_lists_are_json_text_of_each_run(values, data):
    cuts = sorted(data.draw(st.sets(st.integers(1, len(values) - 1), max_size=4)) if len(values) > 1 else [])
    edges = [0, *cuts, len(values)]
    bounds = list(zip(edges, edges[1:], strict=False))
    expect = [utf8(json_text(values[a:b])) for a, b in bounds]
    got = outcome(jsoncols.string_lists_b, values, bounds)
    assert got == (UnicodeEncodeError if UnicodeEncodeError in expect else expect)


def test_bytes_string_lists_with_separator_lookalikes():
    # each of these would fool a plain replace of '","' or a cut at '],['
    for words in ([",", "a"], ['",', "b"], ["\\", "c"], ["],[", "d"], ["x", ","], ['"', ",", '"']):
        bounds = [(0, 1), (1, len(words))]
        assert jsoncols.string_lists_b(words, bounds) == [utf8(json_text(words[a:b])) for a, b in bounds]
        assert jsoncols.escaped_b(words) == [utf8(json_text(w)[1:-1]) for w in words]


@given(st.lists(VALUE, max_size=8))
def test_bytes_values_and_integers_are_json_text(column):
    if any(isinstance(v, str) and utf8(v) is UnicodeEncodeError for v in column) or any(
            isinstance(v, dict) and utf8(json_text(v)) is UnicodeEncodeError for v in column):
        return
    assert jsoncols.values_b(column) == [utf8(json_text(v)) for v in column]
    ints = [v for v in column if isinstance(v, int)]
    assert jsoncols.integers_b(ints) == [utf8(json_text(v)) for v in ints]


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(-2**70, 2**70), SEP_TEXT.filter(lambda t: "\ud800" not in t)),
                max_size=8), st.integers(1, 4))
def test_grouped_rows_nest_each_group_in_its_joint(rows, groups):
    rows = sorted(r for r in rows if r[0] < groups)
    gs, numbers, names = ([list(c) for c in zip(*rows, strict=True)] if rows else ([], [], []))
    joints = [f"<{k}>[".encode() if k == 0 else f"]<{k}>[".encode() for k in range(groups)] + [b"]"]
    got = jsoncols.grouped_b(joints, gs, [b'{"n": ', jsoncols.integers_b(numbers), b', "name": "',
                                          jsoncols.escaped_b(names), b'"}'], len(rows))
    expect = "".join(("" if k == 0 else "]") + f"<{k}>" + json_text([{"n": n, "name": t} for g, n, t in rows if g == k])
                     [:-1] for k in range(groups)) + "]"
    assert got == expect.encode("utf-8")
    assert jsoncols.rows([b"[", jsoncols.integers_b(numbers), b"]"], len(numbers), b", ") == \
        jsoncols.rows(["[", jsoncols.integers(numbers), "]"], len(numbers)).encode()
    assert jsoncols.row_list_b([b"[", jsoncols.integers_b(numbers), b", ", jsoncols.escaped_b(names), b"]"],
                               len(numbers)) == [f"[{n}, {json_text(t)[1:-1]}]".encode() for n, t in zip(numbers, names,
                                                                                                  strict=True)]
    assert jsoncols.row_list_b([b"x"], 3) == [b"x"] * 3


@pytest.fixture(scope="module")
def trap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("columns") / "project"
    build(folder)
    return folder


OPTIONS = [{}, {"labels": "GPE,PER,Contact.Meet"}, {"annotator": "nobody"}, {"annotator": "amal"}]


@pytest.mark.parametrize("options", OPTIONS)
def test_load_raw_selects_and_orders_as_load_doc(trap, options):
    with Project.open(trap, readonly=True) as p:
        opts = ExportOptions.from_dict({"status": "all", **options})
        for info in p.documents():
            fast, slow = ExportReport("x", "-"), ExportReport("x", "-")
            raw, doc = load_raw(p, info.id, opts, fast, "all", info), load_doc(p, info.id, opts, slow, "all", info)
            assert (raw.doc, raw.events, raw.relations, raw.suggestions) == \
                (doc.doc, doc.events, doc.relations, doc.suggestions)
            assert fast.not_carried == slow.not_carried
            cols, ref = raw.columns(), SpanColumns.of_spans(doc.spans, doc.text)
            for name in ("ids", "local_ids", "starts", "ends", "labels", "texts", "notes", "annotators"):
                assert list(getattr(cols, name)) == list(getattr(ref, name)), name
            assert list(map(dict, cols.attributes)) == list(map(dict, ref.attributes))
            assert cols.any_extras() == ref.any_extras()
            assert raw.spans == doc.spans  # built on demand: the same values


def test_older_records_without_optional_fields_read_as_span_from_record(trap):
    with Project.open(trap, readonly=True) as p:
        info = next(i for i in p.documents() if i.n_spans)
        table = dict(p._store.tables(info.id)["spans"])
        text = p._store.tables(info.id)["document"]["1"]["text"]
    bare = {k: {f: r[f] for f in ("id", "doc", "start", "end", "label")} for k, r in table.items()}
    recs = common.sorted_span_records(bare)
    cols, spans = SpanColumns.of_records(recs, text), common.spans_of(bare, text)
    assert list(cols.notes) == [s.note for s in spans] == [None] * len(spans)
    assert list(cols.annotators) == [None] * len(spans)
    assert list(map(dict, cols.attributes)) == [{}] * len(spans)


LEAN = ("jsonl", "brat", "labelstudio", "doccano", "events", "oneie", "dygiepp")


@pytest.mark.parametrize("fmt", LEAN)
def test_column_writers_build_no_span(tmp_path, monkeypatch, fmt):
    """Exporting documents whose spans have no attribute, note or event builds no ``Span``."""
    with Project.open(tmp_path / "p") as p:
        text = "زار الوفد بغداد أمس والتقى الرئيس في القاهرة."
        d = p.add_document(text, status="done")
        for word, label in (("الوفد", "ORG"), ("بغداد", "GPE"), ("الرئيس", "PER"), ("القاهرة", "GPE")):
            p.add_span(d, text.index(word), text.index(word) + len(word), label)

    def refuse(*args: object) -> None:
        raise AssertionError("a Span was built")

    with Project.open(tmp_path / "p", readonly=True) as p:
        monkeypatch.setattr(rawdoc, "spans_from_records", refuse)
        monkeypatch.setattr(common, "spans_from_records", refuse)
        report = export(p, fmt, tmp_path / f"out-{fmt}", {"status": "all"})
    assert report.documents == 1 and sum(report.spans.values()) == 4


def test_project_file_with_a_float_or_a_huge_integer_is_read_exactly(tmp_path):
    path = tmp_path / "project.json"
    big = 2**70
    path.write_text(json.dumps({"project": {"1": {"format": "x"}},
                                "index": {"1": {"id": "a", "meta": {"published": big}}}}), encoding="utf-8")
    data = read_project_fast(path)
    assert data["index"]["1"]["meta"]["published"] == big and type(data["index"]["1"]["meta"]["published"]) is int
    path.write_text(json.dumps({"schema": {"1": {"weights": [1e-7]}}}), encoding="utf-8")
    assert read_project_fast(path) == {"schema": {"1": {"weights": [1e-7]}}}
    path.write_bytes(b'{"index": {"1": {"id": "a", "met')
    with pytest.raises(Exception, match="project.json"):
        read_project_fast(path)
