"""How one line at the top of a scraped page is classified, once per rule set (``cleanup.clean``
keeps the answers by line): a rule's line, a date (read or not), a byline, a widget, a breadcrumb,
or a plain line (a headline candidate, or the first paragraph). The batch's learned lines are not
part of it: they change as the import goes on.
"""

from __future__ import annotations

import re
from typing import Any

from . import lineclass
from .dates import is_relative_date, looks_like_date, parse_date_line
from .rules import Rule

# How a header line was classified, without the batch's learned lines (those change as it grows).
_RULE, _DATE, _BAD_DATE, _BYLINE, _CRUMB, _CURRENCY, _OTHER, _BYLINE_DATE, _COUNT = range(9)
_DATED = (_DATE, _BYLINE_DATE)  # a line that gives the date (_BYLINE_DATE: (Byline, ParsedDate))
_HeaderClass = tuple[int, Any]
_PARAGRAPH: _HeaderClass = (_OTHER, True)  # payload of _OTHER: whether the line reads as a sentence
_CLASS_REASON = {_CRUMB: ("breadcrumb or menu", "breadcrumb"), _CURRENCY: ("currency widget", "currency"),
                 _COUNT: ("views or comments count", "counts")}

_HAS_DIGIT = re.compile(r"\d")
#: More words than this: a paragraph (``lineclass.is_sentence``), whatever else it holds.
PARAGRAPH_MIN_WORDS = 24


def _words(stripped: str, limit: int) -> int:
    """``len(stripped.split(None, limit))``: the words of a line, counted up to ``limit`` + 1. A
    paragraph with more single spaces than that is not split at all (most body lines are)."""
    if 0 <= limit < stripped.count(" ") and "  " not in stripped:
        return limit + 1  # at least limit + 2 words: past the limit either way
    return len(stripped.split(None, limit))


def _classify_header(stripped: str, folded: str, rule: Rule | None) -> _HeaderClass:
    if rule is not None:
        return _RULE, rule
    parsed = parse_date_line(stripped, folded)
    if parsed is not None:
        return _DATE, parsed
    if lineclass.more_words_than(stripped, PARAGRAPH_MIN_WORDS):
        return _PARAGRAPH  # no byline, widget or breadcrumb is this long: running text
    both = lineclass.byline_and_date(stripped, folded) if _HAS_DIGIT.search(folded) else None
    if both is not None:
        return _BYLINE_DATE, both
    if not lineclass.more_words_than(stripped, 12) and (looks_like_date(folded) or is_relative_date(folded)):
        return _BAD_DATE, None
    by = (lineclass.byline(stripped, folded) or lineclass.handle_byline(stripped, folded)
          or lineclass.agency_line(stripped, folded))
    if by is not None:
        return _BYLINE, by
    if lineclass.is_currency_widget(stripped, folded, header=True):
        return _CURRENCY, None
    if lineclass.is_number_widget(stripped):
        return _COUNT, None
    if lineclass.is_breadcrumb(stripped):
        return _CRUMB, None
    return _PARAGRAPH if lineclass.is_paragraph(stripped) else (_OTHER, False)


def _is_crumb(cls: _HeaderClass) -> bool:
    return cls[0] == _CRUMB or (cls[0] == _RULE and cls[1].name == "breadcrumb")
