"""The blind cleanup test set (tests/data/sites_blind/) is consistent with its gold files.

The set was written without reading the cleanup rules or the first test set, so that
``python bench/cleanup.py --sites tests/data/sites_blind`` is an independent measure, as are
``sites_heldout``, ``sites_fresh``, ``sites_fresh2`` and ``sites_fresh3``, each written blind to the rules and
to the sets before it (the judge of each round became the next round's dev set). This file only checks the data:
every non-empty line of an article is accounted for exactly once (title line and noise in
``remove``, the rest in ``body``), ``body_start`` is the first six words of the body, dates are ISO
8601, and no line is both noise and body (the bench could not tell them apart).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

SITES = Path(__file__).parent / "data" / "sites_blind"
# the held-out set, written blind to the rules and to both sets above, judged by the same checks
HELDOUT = Path(__file__).parent / "data" / "sites_heldout"
# a third set, written blind to the rules and to the sets above, on ten more outlets
FRESH = Path(__file__).parent / "data" / "sites_fresh"
# a fourth, written blind to the rules and to every set above, on ten more outlets
FRESH2 = Path(__file__).parent / "data" / "sites_fresh2"
# a fifth, written blind to the rules and to every set above, on ten more outlets
FRESH3 = Path(__file__).parent / "data" / "sites_fresh3"
# the first test set's outlets: the blind one must model other sites
FIRST_SET = {"ahram", "aljazeera", "anadolu", "asharq", "bbc", "hespress", "okaz", "skynews", "youm7"}
REQUIRED = {"title", "body_start", "date", "remove", "body"}
OPTIONAL = {"author", "hijri"}


def _norm(text: str) -> str:
    return " ".join(text.split())


def article_problems(txt: Path) -> list[str]:
    """What is wrong with one article and its gold file (empty when nothing)."""
    gold_path = txt.with_suffix(".gold.json")
    if not gold_path.exists():
        return [f"{txt.name}: no gold file"]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    where = f"{txt.parent.name}/{txt.name}"
    problems = []
    keys = set(gold)
    if REQUIRED - keys or keys - REQUIRED - OPTIONAL:
        return [f"{where}: keys missing {sorted(REQUIRED - keys)}, unknown {sorted(keys - REQUIRED - OPTIONAL)}"]
    lines = Counter(_norm(line) for line in txt.read_text(encoding="utf-8").splitlines() if line.strip())
    remove = Counter(_norm(line) for line in gold["remove"])
    body = Counter(_norm(line) for line in gold["body"])
    if lines != remove + body:
        problems.append(f"{where}: lines not in the gold file {sorted((lines - remove - body).elements())}, "
                        f"gold lines not in the text {sorted((remove + body - lines).elements())}")
    if set(remove) & set(body):
        problems.append(f"{where}: both noise and body: {sorted(set(remove) & set(body))}")
    if _norm(gold["title"]) not in remove:
        problems.append(f"{where}: the title line is not in remove")
    if not gold["body"] or gold["body_start"] != " ".join(gold["body"][0].split()[:6]):
        problems.append(f"{where}: body_start {gold['body_start']!r} is not the first six words of the body")
    words = sum(len(line.split()) for line in gold["body"])
    if not 150 <= words <= 400:
        problems.append(f"{where}: the body has {words} words (150-400 wanted)")
    if gold["date"]:
        try:
            datetime.fromisoformat(gold["date"])
        except ValueError:
            problems.append(f"{where}: date {gold['date']!r} is not ISO 8601")
        if len(gold["date"]) not in (10, 19):
            problems.append(f"{where}: date {gold['date']!r} is neither YYYY-MM-DD nor YYYY-MM-DDTHH:MM:SS")
    for key in ("hijri", "author"):
        if key in gold and not any(_norm(gold[key]) in line for line in remove):
            problems.append(f"{where}: {key} {gold[key]!r} is on no removed line")
    return problems


def site_problems(folder: Path) -> list[str]:
    """What is wrong with one site's articles, including body lines repeated across its articles
    (lines a source repeats are its boilerplate, so a body line must be the article's own)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    txts = sorted(folder.glob("*.txt"))
    if len(txts) < 5:
        problems.append(f"{folder.name}: {len(txts)} articles (at least 5 wanted)")
    for txt in txts:
        found = article_problems(txt)
        problems += found
        if found:
            continue
        for line in json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))["body"]:
            if _norm(line) in seen:
                problems.append(f"{folder.name}: body line in {seen[_norm(line)]} and {txt.name}: {line!r}")
            seen[_norm(line)] = txt.name
    return problems


def _sites(sites: Path = SITES) -> list[Path]:
    return sorted(p for p in sites.iterdir() if p.is_dir())


def test_the_set_models_at_least_six_outlets_not_in_the_first_set():
    names = {p.name for p in _sites()}
    assert len(names) >= 6
    assert not names & FIRST_SET


def test_the_held_out_set_models_at_least_six_outlets_in_neither_set():
    names = {p.name for p in _sites(HELDOUT)}
    assert len(names) >= 6
    assert not names & (FIRST_SET | {p.name for p in _sites()})


@pytest.mark.parametrize("later", [FRESH, FRESH2, FRESH3], ids=lambda p: p.name)
def test_each_later_set_models_ten_outlets_in_no_earlier_set(later: Path):
    order = [SITES, HELDOUT, FRESH, FRESH2, FRESH3]  # in the order they were written
    earlier = order[:order.index(later)]
    names = {p.name for p in _sites(later)}
    assert len(names) >= 10
    for folder in earlier:
        assert not names & {p.name for p in _sites(folder)}, folder
    assert not names & FIRST_SET


@pytest.mark.parametrize("folder", _sites() + _sites(HELDOUT) + _sites(FRESH) + _sites(FRESH2) + _sites(FRESH3),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_files_account_for_every_line(folder: Path):
    assert site_problems(folder) == []


@pytest.mark.parametrize(("damage", "reported"), [
    ("drop a body line", "lines not in the gold file"), ("line in both", "both noise and body"),
    ("wrong body_start", "body_start"), ("bad date", "not ISO 8601"),
    ("extra line in the text", "lines not in the gold file"), ("body line repeated", "body line in 01.txt and 02.txt")])
def test_the_checker_finds_inconsistent_gold_files(tmp_path: Path, damage: str, reported: str):
    folder = tmp_path / "site"
    shutil.copytree(_sites()[0], folder)
    txt = folder / "01.txt"
    gold_path = txt.with_suffix(".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if damage == "drop a body line":
        gold["body"].pop()
    elif damage == "line in both":
        gold["remove"].append(gold["body"][-1])
        txt.write_text(txt.read_text(encoding="utf-8") + gold["body"][-1] + "\n", encoding="utf-8")
    elif damage == "wrong body_start":
        gold["body_start"] = " ".join(gold["body"][0].split()[1:7])
    elif damage == "bad date":
        gold["date"] = "9 فبراير 2025"
    elif damage == "extra line in the text":
        txt.write_text(txt.read_text(encoding="utf-8") + "سطر لم يذكره ملف الذهب\n", encoding="utf-8")
    else:
        other = folder / "02.txt"
        other_gold = json.loads(other.with_suffix(".gold.json").read_text(encoding="utf-8"))
        other_gold["body"].append(gold["body"][-1])
        other.write_text(other.read_text(encoding="utf-8") + gold["body"][-1] + "\n", encoding="utf-8")
        other.with_suffix(".gold.json").write_text(json.dumps(other_gold, ensure_ascii=False), encoding="utf-8")
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    problems = site_problems(folder)
    assert any(reported in problem for problem in problems), problems
