"""The agreement report of a merged project, every coefficient checked against the oracles on the
same token categories, and the categories checked against the CoNLL export."""

from __future__ import annotations

import math
import warnings
from itertools import combinations

import pytest

from annotations import Project
from annotations.formats import export
from annotations.team import merge
from annotations.team.agreement import agreement, report_lines, token_categories
from annotations.team.layers import layered
from annotations.team.report_html import report_html
from tests.team_data import ALICE, BOB, CAROL, annotator_project, bundles

sklearn_metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is a dev dependency (oracle)")
krippendorff = pytest.importorskip("krippendorff", reason="krippendorff is a dev dependency (oracle)")
np = pytest.importorskip("numpy")


def sk(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = sklearn_metrics.cohen_kappa_score(a, b)
    return None if math.isnan(v) else v


def kr(rows):
    codes = {}
    data = np.array([[codes.setdefault(v, len(codes)) for v in row] for row in rows], dtype=float)
    try:
        v = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:
        return None
    return None if math.isnan(v) else v


def mean(values):
    vs = [v for v in values if v is not None]
    return sum(vs) / len(vs) if vs else None


def approx(a, b):
    return (a is None and b is None) or (a is not None and b is not None and a == pytest.approx(b, abs=1e-9))


def curation(tmp_path, who):
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, bundles(tmp_path, who))
    return Project.open(tmp_path / "cur", readonly=True)


def oracle_check(project, report):
    """Recompute every token coefficient with sklearn / krippendorff from the token categories."""
    docs, _ = layered(project)
    cats = {n: [] for n in report["annotators"]}
    for ld in docs:
        for n, c in token_categories(ld).items():
            cats[n].extend(c)
    names = report["annotators"]
    pairs = list(combinations(names, 2))
    assert approx(report["overall"]["cohen_kappa"], mean(sk(cats[a], cats[b]) for a, b in pairs))
    for row, (a, b) in zip(report["pairs"], pairs, strict=True):
        assert (row["a"], row["b"]) == (a, b)
        assert approx(row["cohen_kappa"], sk(cats[a], cats[b]))
    assert approx(report["overall"]["krippendorff_alpha"], kr([cats[n] for n in names]))
    for label, values in report["labels"].items():
        binary = {n: [c == label for c in cats[n]] for n in names}
        assert approx(values["cohen_kappa"], mean(sk(binary[a], binary[b]) for a, b in pairs)), label
        assert approx(values["krippendorff_alpha"], kr([binary[n] for n in names])), label
    return cats


def test_two_annotators_against_the_oracles(tmp_path):
    with curation(tmp_path, {"alice": ALICE, "bob": BOB}) as project:
        report = agreement(project)
        cats = oracle_check(project, report)
    assert report["annotators"] == ["alice", "bob"] and report["documents"] == 1
    assert report["tokens"] == len(cats["alice"]) > 50
    (pair,) = report["pairs"]
    # alice 7 spans, bob 7; exact matches: إسطنبول تركيا مصر + the trigger = 4
    assert pair["f1_exact"] == pytest.approx(2 * 4 / 14)
    # overlap adds the minister's name (PER inside PER); أنقرة differs in label
    assert pair["f1_overlap"] == pytest.approx(2 * 5 / 14)
    assert report["overall"]["fleiss_kappa"] is None  # two annotators: Fleiss is for three or more
    assert report["labels"]["GPE"]["f1_exact"] == pytest.approx(2 * 3 / (5 + 3))
    # a label used by one annotator only (bob's LOC)
    assert report["labels"]["LOC"]["f1_exact"] == 0.0
    assert report["events"]["triggers"] == 1.0 and report["events"]["arguments"] == 1.0
    assert report["events"]["relations"] is None
    kinds = report["disagreements"]["by_kind"]
    assert kinds == {"missing": 2, "label": 1, "extent": 1}
    assert sum(map(sum, report["confusion"]["matrix"])) == report["tokens"]


def test_three_annotators_fleiss_and_alpha(tmp_path):
    with curation(tmp_path, {"alice": ALICE, "bob": BOB, "carol": CAROL}) as project:
        report = agreement(project)
        cats = oracle_check(project, report)
    assert len(report["pairs"]) == 3
    names = report["annotators"]
    # Fleiss recomputed by hand from the per-token counts
    from collections import Counter

    n = len(cats[names[0]])
    items = [Counter(cats[a][i] for a in names) for i in range(n)]
    p_bar = sum((sum(c * c for c in it.values()) - 3) / 6 for it in items) / n
    totals = Counter()
    for it in items:
        totals.update(it)
    p_e = sum((v / (3 * n)) ** 2 for v in totals.values())
    assert report["overall"]["fleiss_kappa"] == pytest.approx((p_bar - p_e) / (1 - p_e))
    assert report["labels"]["ORG"]["fleiss_kappa"] is not None  # carol's ORG, used by her only


def test_one_annotator_with_no_spans(tmp_path):
    annotator_project(tmp_path / "alice", "alice", ALICE)
    annotator_project(tmp_path / "bob", "bob", [], event=False)
    with Project.open(tmp_path / "cur") as cur:
        merge(cur, [tmp_path / "alice", tmp_path / "bob"])
    with Project.open(tmp_path / "cur", readonly=True) as project:
        report = agreement(project)
        cats = oracle_check(project, report)
    assert set(cats["bob"]) == {"O"}
    (pair,) = report["pairs"]
    assert pair["f1_exact"] == 0.0 and pair["f1_overlap"] == 0.0
    assert pair["cohen_kappa"] == pytest.approx(0.0)
    assert report["events"]["triggers"] == 0.0


def test_perfect_agreement(tmp_path):
    with curation(tmp_path, {"alice": ALICE, "bob": ALICE}) as project:
        report = agreement(project)
        oracle_check(project, report)
    for key in ("f1_exact", "f1_overlap", "cohen_kappa", "krippendorff_alpha"):
        assert report["overall"][key] == pytest.approx(1.0), key
    assert report["disagreements"]["count"] == 0


def test_token_categories_are_the_conll_export_tags(tmp_path):
    with curation(tmp_path, {"alice": ALICE, "bob": BOB}) as project:
        (ld,), _ = layered(project)
        cats = token_categories(ld)

        def conll(name):
            out = tmp_path / f"{name}.conll"
            export(project, "conll", out, {"status": "all", "annotator": name})
            rows = [line.split() for line in out.read_text(encoding="utf-8").splitlines()
                    if line and not line.startswith(("-DOCSTART-", "#"))]
            return [t[0] for t in rows], [t[1].partition("-")[2] or "O" for t in rows]

        # alice's span boundaries include bob's, so her own CoNLL export (default options) has the
        # shared tokens, and its tags are her categories
        words, tags = conll("alice")
        assert tags == cats["alice"]
        assert words == conll("*")[0]
        # bob's export keeps "والأردن" whole; the shared tokens cut it where alice's span starts
        bob_words, bob_tags = conll("bob")
        i = bob_words.index("والأردن")
        assert words[i:i + 2] == ["و", "الأردن"]
        assert bob_tags[:i] + ["O", "O"] + bob_tags[i + 1:] == cats["bob"]


def test_text_and_html_reports(tmp_path):
    with curation(tmp_path, {"alice": ALICE, "bob": BOB}) as project:
        report = agreement(project)
    text = "\n".join(report_lines(report))
    assert "alice / bob" in text and "disagreements: 4" in text
    page = report_html(report)
    assert "<h2>Token confusion matrix</h2>" in page and "background: rgb(" in page
    assert "<bdi>أنقرة</bdi> GPE" in page and "<bdi>أنقرة</bdi> LOC" in page
    assert page.count("<tr>") >= 4 + len(report["confusion"]["categories"])
