"""annotations.assist.gazetteer: the three file formats, bad lines reported and skipped, clitic-aware matches."""

from __future__ import annotations

import importlib.util
import json
import runpy
from pathlib import Path

import pytest

from annotations import AnnotationError
from annotations.assist.gazetteer import load_gazetteer, starter_gazetteer

REPO = Path(__file__).resolve().parents[1]
TEXT = "وصل الوفد إلى بإسطنبول ثم زار الأمم المتحدة ومدينة نيويورك"


def test_text_file_with_bad_lines_loads_the_rest_and_names_file_and_line(tmp_path):
    path = tmp_path / "places.txt"
    path.write_text("# places\nإسطنبول\tGPE\nبلا تسمية\n\t\tORG\nالأمم المتحدة\tORG\n", encoding="utf-8")
    gaz = load_gazetteer(path)
    assert len(gaz) == 2 and gaz.name == "places"
    assert gaz.problems == [f"{path}:3: no label (write the term, a tab, then the label; CSV: term,label); "
                            "line skipped", f"{path}:4: empty term; line skipped"]


def test_csv_and_json(tmp_path):
    csv_path = tmp_path / "g.csv"
    csv_path.write_text("term,label\nإسطنبول,GPE\nنيويورك\n", encoding="utf-8")
    gaz = load_gazetteer(csv_path)
    assert len(gaz) == 1 and gaz.problems[0].startswith(f"{csv_path}:3: no label")
    json_path = tmp_path / "g.json"
    json_path.write_text(json.dumps({"GPE": ["إسطنبول", "نيويورك", 3]}, ensure_ascii=False), encoding="utf-8")
    gaz = load_gazetteer(json_path, labels=["GPE"])
    assert len(gaz) == 2 and len(gaz.problems) == 1
    listed = tmp_path / "l.json"
    listed.write_text(json.dumps([{"term": "الأمم المتحدة", "label": "ORG"}, {"term": "x", "label": "NOPE"}]),
                      encoding="utf-8")
    gaz = load_gazetteer(listed, labels=["ORG"])
    assert len(gaz) == 1 and "label 'NOPE' is not in the schema" in gaz.problems[0]


def test_unreadable_files_are_one_clear_error(tmp_path):
    with pytest.raises(AnnotationError, match="not found"):
        load_gazetteer(tmp_path / "missing.txt")
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"bad.json:1: not valid JSON"):
        load_gazetteer(bad)


def test_matches_are_normalised_clitic_aware_and_longest_first(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("اسطنبول\tGPE\nالأمم المتحدة\tORG\nالأمم\tORG\nنيويورك\tGPE\n", encoding="utf-8")
    found = load_gazetteer(path).suggestions(TEXT)
    assert [(TEXT[s["start"]:s["end"]], s["label"]) for s in found] == [
        ("إسطنبول", "GPE"), ("الأمم المتحدة", "ORG"), ("نيويورك", "GPE")]


def test_starter_gazetteer_holds_cldr_places():
    gaz = starter_gazetteer()
    assert len(gaz) > 500 and gaz.problems == []
    assert [(TEXT[s["start"]:s["end"]], s["label"]) for s in gaz.suggestions(TEXT)] == [
        ("إسطنبول", "GPE"), ("نيويورك", "GPE")]


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="Babel (a dev dependency) is not installed")
def test_starter_gazetteer_is_what_the_script_generates(tmp_path):
    import re

    import babel

    committed = (REPO / "assets" / "gazetteer" / "cldr_places_ar.tsv").read_text(encoding="utf-8")
    made_with = re.search(r"packaged by Babel (\S+) ", committed)
    assert made_with, "the header names the Babel version the file was made with"
    if made_with.group(1) != babel.__version__:  # CLDR changes a few names between Babel versions
        pytest.skip(f"the file was made with Babel {made_with.group(1)} (requirements.txt), Babel "
                    f"{babel.__version__} is installed: pip install -r requirements-dev.txt")
    script = runpy.run_path(str(REPO / "packaging" / "make_gazetteer.py"), run_name="make_gazetteer")
    out = script["entries"]()
    body = [line.split("\t")[0] for line in committed.splitlines() if line and not line.startswith("#")]
    assert body == [t for t in out if t]
