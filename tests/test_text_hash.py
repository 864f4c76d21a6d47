"""Duplicate detection's text normalisation (annotations.project.text_hash)."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from annotations.project import WHITESPACE_NOT_SPACE, collapse_whitespace, text_hash


def test_the_whitespace_list_is_exactly_what_str_split_splits_on():
    every = {chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace()}
    assert set(WHITESPACE_NOT_SPACE) | {" "} == every
    assert len(set(WHITESPACE_NOT_SPACE)) == len(WHITESPACE_NOT_SPACE)


@given(st.text(alphabet=st.sampled_from(list(WHITESPACE_NOT_SPACE) + [" ", "ب", "a", "\u200b", "🙂"])))
def test_collapse_whitespace_equals_split_and_join(text):
    assert collapse_whitespace(text) == " ".join(text.split())


def test_texts_differing_only_in_whitespace_or_composition_hash_alike():
    assert text_hash("  قال\u00a0الوزير\r\n\n إن  ") == text_hash("قال الوزير إن")
    assert text_hash("e\u0301") == text_hash("\u00e9")  # NFC
    assert text_hash("قال الوزير") != text_hash("قال الوزير.")
