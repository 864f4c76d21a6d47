"""The rule set remembers which rule each short line matched: a batch's recurring menus and footers
are matched once. Remembering must never change a result, and the memory stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.ingest import cleanup, rules
from annotations.ingest.rules import load_rules

SETS = Path(__file__).parent / "data"


def _articles() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for name in ("sites", "sites_heldout")
             for p in sorted((SETS / name).glob("*/*.txt"))]
    assert len(texts) >= 80
    return texts


def _outcome(result: cleanup.CleanResult) -> cleanup.CleanResult:
    return result  # a dataclass: compared field by field (title, body, date, removed lines, reasons...)


def test_a_batch_cleaned_with_one_rule_set_equals_each_article_cleaned_with_a_fresh_one():
    shared = load_rules()
    texts = _articles()
    batch = [_outcome(cleanup.clean(t, shared)) for t in texts]
    again = [_outcome(cleanup.clean(t, shared)) for t in texts]  # every short line answered from memory
    assert shared.rule_memo, "the short lines were remembered"
    fresh = [_outcome(cleanup.clean(t, load_rules())) for t in texts]
    assert batch == fresh and again == fresh


def test_the_memory_is_cleared_when_full(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rules, "RULE_MEMO", 5)
    shared = load_rules()
    texts = _articles()[:10]
    outcomes = [_outcome(cleanup.clean(t, shared)) for t in texts]
    assert 0 < len(shared.rule_memo) <= 5
    assert outcomes == [_outcome(cleanup.clean(t, load_rules())) for t in texts]


def test_a_line_remembered_in_the_header_is_matched_again_in_the_body():
    """"تحليل" alone at the top is a story label (a header-only rule); the same word as a line in
    the body of the next article is not the header's, and the memory must not say it is."""
    para = ("وقال الوزير في مؤتمر صحفي عقده في العاصمة إن الحكومة ستواصل العمل على خطة الإصلاح "
            "الاقتصادي خلال الأشهر المقبلة بالتعاون مع الشركاء الدوليين والمؤسسات المالية.")
    first = f"تحليل\nالحكومة تعلن خطة جديدة للإصلاح الاقتصادي\n\n{para}\n{para.replace('الوزير', 'المسؤول')}\n"
    second = (f"البرلمان يناقش قانون الموازنة العامة للعام المقبل\n\n{para.replace('الوزير', 'النائب')}\n"
              f"تحليل\n{para.replace('الوزير', 'الخبير')}\n")
    shared = load_rules()
    assert _outcome(cleanup.clean(first, shared)) == _outcome(cleanup.clean(first, load_rules()))
    assert _outcome(cleanup.clean(second, shared)) == _outcome(cleanup.clean(second, load_rules()))
