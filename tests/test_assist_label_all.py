"""annotations.assist.matching and label_all: normalised, clitic-aware occurrences; plan, skip, one change."""

from __future__ import annotations

import pytest

from annotations import Project, UnknownLabelError
from annotations.assist.matching import occurrences

TEXT = "زار الوزير إسطنبول، ثم بإسطنبول ولإسطنبول وإسطنبول واسطنبولي. عمصر بمصر"


def test_matches_inside_clitic_glued_words_and_excludes_the_clitic():
    found = occurrences(TEXT, "اسطنبول")
    assert [TEXT[s:e] for s, e in found] == ["إسطنبول"] * 4 + ["اسطنبول"]
    starts = [s for s, _ in found]
    assert TEXT[starts[1] - 1] == "ب" and TEXT[starts[2] - 1] == "ل" and TEXT[starts[3] - 1] == "و"


def test_a_match_in_the_middle_of_a_word_is_not_an_occurrence():
    assert [TEXT[s:e] for s, e in occurrences(TEXT, "مصر")] == ["مصر"]  # in بمصر, not in عمصر
    assert occurrences(TEXT, "مصر")[0][0] == TEXT.index("بمصر") + 1


def test_diacritics_tatweel_and_letter_forms_are_folded():
    text = "مدينةُ القـاهرة والقاهره"
    assert [text[s:e] for s, e in occurrences(text, "القاهرة")] == ["القـاهرة", "القاهره"]


@pytest.fixture
def proj():
    p = Project.memory()
    a = p.add_document(TEXT, title="a")
    b = p.add_document("وصل إلى إسطنبول أمس", title="b")
    return p, a, b


def test_plan_skips_same_label_overlaps_and_apply_is_one_undo_step(proj):
    p, a, b = proj
    first = TEXT.index("إسطنبول")
    p.add_span(a, first, first + 7, "GPE")
    p.add_span(b, 8, 15, "LOC")  # another label: not skipped
    plan = p.plan_label_all("إسطنبول", "GPE")
    assert len(plan.skipped) == 1 and plan.skipped[0].start == first
    assert len(plan.matches) == 5 and plan.documents == 2
    assert "5 occurrence(s)" in plan.summary()
    keep = [m for m in plan.matches if m.text != "اسطنبول"]  # the user unticks one
    ids = p.label_all(keep, "GPE")
    assert len(ids) == 4 and len(p.spans(a)) == 4 and len(p.spans(b)) == 2
    assert {s.text for s in p.spans(a)} == {"إسطنبول"}
    change = p.last_change
    assert set(change.doc_ids) == {a, b}
    p.revert(change)
    assert len(p.spans(a)) == 1 and len(p.spans(b)) == 1


def test_plan_in_one_document_and_as_suggestions(proj):
    p, a, b = proj
    plan = p.plan_label_all("إسطنبول", "GPE", [b])
    assert [m.doc for m in plan.matches] == [b] and plan.documents == 1
    ids = p.label_all(plan.matches, "GPE", as_suggestions=True)
    assert [s.source for s in p.suggestions(b)] == ["label-all"] and p.spans(b) == [] and len(ids) == 1


def test_bad_label_or_empty_term_is_refused(proj):
    p, _, _ = proj
    with pytest.raises(UnknownLabelError):
        p.plan_label_all("إسطنبول", "NOPE")
    with pytest.raises(ValueError, match="needs a term"):
        p.plan_label_all("  ", "GPE")
