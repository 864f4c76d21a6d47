"""The agreement coefficients against the oracles (scikit-learn, the krippendorff package) and the
textbook example, with the cases that break naive code."""

from __future__ import annotations

import math
import random
import warnings

import pytest

from annotations.team.coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    krippendorff_alpha_counts,
    span_f1,
)

sklearn_metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is a dev dependency (oracle)")
krippendorff = pytest.importorskip("krippendorff", reason="krippendorff is a dev dependency (oracle)")
np = pytest.importorskip("numpy")


def sk_kappa(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns (and returns nan) where kappa is undefined
        value = sklearn_metrics.cohen_kappa_score(a, b)
    return None if math.isnan(value) else value


def kr_alpha(rows):
    """rows: one list per rater, None for a missing value."""
    codes = {}
    data = [[np.nan if v is None else codes.setdefault(v, len(codes)) for v in row] for row in rows]
    try:
        value = krippendorff.alpha(reliability_data=np.array(data, dtype=float), level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if math.isnan(value) else value


@pytest.mark.parametrize("seed", range(40))
def test_cohen_kappa_matches_sklearn(seed):
    rng = random.Random(seed)
    cats = "OABC"[: rng.randint(2, 4)]
    a = [rng.choice(cats) for _ in range(rng.randint(1, 60))]
    b = [x if rng.random() < 0.7 else rng.choice(cats) for x in a]
    ours, oracle = cohen_kappa(a, b), sk_kappa(a, b)
    assert (ours is None) == (oracle is None)
    if ours is not None:
        assert ours == pytest.approx(oracle, abs=1e-12)


@pytest.mark.parametrize("seed", range(40))
def test_krippendorff_alpha_matches_the_package(seed):
    rng = random.Random(seed)
    cats = "OABC"[: rng.randint(2, 4)]
    n, m = rng.randint(2, 50), rng.randint(2, 5)
    truth = [rng.choice(cats) for _ in range(n)]
    rows = [[(t if rng.random() < 0.7 else rng.choice(cats)) if rng.random() < 0.85 else None for t in truth]
            for _ in range(m)]
    units = [[r[i] for r in rows if r[i] is not None] for i in range(n)]
    ours, oracle = krippendorff_alpha(units), kr_alpha(rows)
    assert (ours is None) == (oracle is None)
    if ours is not None:
        assert ours == pytest.approx(oracle, abs=1e-9)


def test_weighted_counts_equal_the_expanded_units():
    units = [["O", "O", "A"], ["O", "O", "A"], ["A", "A", "A"], ["O", "B"]]
    compact = [{"O": 2, "A": 1}, {"A": 3}, {"O": 1, "B": 1}]
    assert krippendorff_alpha_counts(compact, [2, 1, 1]) == pytest.approx(krippendorff_alpha(units))
    assert fleiss_kappa(compact[:2], [2, 1]) == pytest.approx(fleiss_kappa([compact[0], compact[0], compact[1]]))


def test_fleiss_kappa_textbook_example():
    # Fleiss (1971) as worked in the literature: 10 subjects, 14 raters, 5 categories -> 0.210
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    assert fleiss_kappa([dict(enumerate(row)) for row in table]) == pytest.approx(0.20993, abs=1e-5)


def test_fleiss_kappa_of_two_raters_is_scotts_pi_and_alpha_tends_to_it():
    a = list("OOAABBOOAO")
    b = list("OAABBBOOAO")
    pi = fleiss_kappa([_counts(x, y) for x, y in zip(a, b, strict=True)])
    n = len(a)
    alpha = krippendorff_alpha([[x, y] for x, y in zip(a, b, strict=True)])
    # alpha = 1 - (1 - pi) * (2n - 1) / (2n)  for two raters and no missing values
    assert alpha == pytest.approx(1 - (1 - pi) * (2 * n - 1) / (2 * n))


def _counts(x, y):
    return {x: 2} if x == y else {x: 1, y: 1}


def test_perfect_agreement():
    a = ["O", "PER", "PER", "O", "GPE"]
    assert cohen_kappa(a, list(a)) == pytest.approx(1.0) == sk_kappa(a, list(a))
    assert krippendorff_alpha([[x, x, x] for x in a]) == pytest.approx(1.0) == kr_alpha([a, a, a])
    assert fleiss_kappa([{x: 3} for x in a]) == pytest.approx(1.0)
    assert span_f1([(0, 3, "PER")], [(0, 3, "PER")]) == 1.0


def test_one_category_only_is_undefined_not_a_crash():
    # every token O for both raters (e.g. nobody annotated): the expected disagreement is zero
    a = ["O"] * 5
    assert cohen_kappa(a, a) is None and sk_kappa(a, a) is None
    assert krippendorff_alpha([["O", "O"]] * 5) is None and kr_alpha([a, a]) is None
    assert fleiss_kappa([{"O": 3}] * 5) is None
    assert cohen_kappa([], []) is None and krippendorff_alpha([]) is None and fleiss_kappa([]) is None


def test_one_rater_with_no_spans():
    a = ["O", "PER", "PER", "O", "GPE", "O"]
    b = ["O"] * 6
    assert cohen_kappa(a, b) == pytest.approx(sk_kappa(a, b)) == pytest.approx(0.0)
    assert krippendorff_alpha([[x, y] for x, y in zip(a, b, strict=True)]) == pytest.approx(kr_alpha([a, b]))
    assert span_f1([(1, 3, "PER")], []) == 0.0
    assert span_f1([], []) is None


def test_span_f1_exact_and_overlap():
    a = [(0, 5, "PER"), (10, 20, "ORG"), (30, 35, "GPE")]
    b = [(0, 5, "PER"), (12, 20, "ORG"), (30, 35, "LOC"), (40, 44, "GPE")]
    assert span_f1(a, b) == pytest.approx(2 * 1 / 7)
    assert span_f1(a, b, overlap=True) == pytest.approx(2 * 2 / 7)
    # one to one: two short spans inside one long one match it once
    assert span_f1([(0, 10, "PER")], [(0, 4, "PER"), (5, 10, "PER")], overlap=True) == pytest.approx(2 / 3)
