"""The cleanup bench's test set (tests/data/sites/: nine site layouts, five articles each, gold files)
meets the issue's targets in UTF-8 and in Windows-1256 (bench/cleanup.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "data" / "sites"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_cleanup", REPO / "bench" / "cleanup.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_set_has_enough_sites_and_articles():
    sites = [p for p in SITES.iterdir() if p.is_dir()]
    assert len(sites) >= 8
    for site in sites:
        golds = sorted(site.glob("*.gold.json"))
        assert len(golds) >= 5 and len(list(site.glob("*.txt"))) == len(golds)
        for g in golds:
            gold = json.loads(g.read_text(encoding="utf-8"))
            assert {"title", "body_start", "date", "remove", "body"} <= set(gold)


@pytest.fixture(scope="module")
def results():
    return _bench().measure(SITES)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_cleanup_meets_its_targets_on_sites_it_was_not_written_for(results, encoding):
    overall = results[encoding]["overall"]
    assert overall.meets_targets(), "\n".join(overall.misses)


def test_every_site_meets_the_targets(results):
    missed = [f"{enc} {site}" for enc, per in results.items() for site, s in per.items() if not s.meets_targets()]
    assert not missed


def test_windows_1256_pages_lose_what_the_code_page_lacks():
    bench = _bench()
    page = bench.as_cp1256_page("℃ ٢٤ أبوظبي — 🙂 «نص»")
    page.encode("cp1256")
    assert page.startswith("C 24 أبوظبي") and "«نص»" in page
