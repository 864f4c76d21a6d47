"""Generic classes of scraped-page lines that a regular expression per line cannot tell well: breadcrumbs
and menus, bylines and source lines (their author/source is kept), currency widgets.

Each function takes the stripped line and its ``normalise()`` form and answers for that line alone;
``cleanup.clean`` decides where in the article each class may be taken. They are structural, not site
strings: a breadcrumb is a few short items split by › » | > (any site's), a byline a label such as
كتب or بقلم followed by a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import as_written

# Separators of breadcrumb and menu items; "/" only with spaces around it ("سبتمبر/أيلول" is a date).
_CRUMB_SPLIT = re.compile(r"\s*[›»|>‹«<]\s*|\s+/\s+")
_CRUMB_MARK = re.compile(r"[›»|>‹«<]")  # a plain character class: a fast first test
_CRUMB_MAX_ITEM_WORDS = 4
_CRUMB_MAX_WORDS = 16
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = (".", "؟", "?", "!", "،", ":", "؛")

_AUTHOR_RE = re.compile(
    r"^\W*(?:كتب|كتبت|بقلم|بواسطة|اعداد|تحرير|تقرير|حوار|by)\s*[:\-–]?\s*(?P<value>[^\d.،:؛!?؟]{3,48}?)\W*$",
    re.IGNORECASE,
)
_BYLINE_WORDS = ("كتب", "بقلم", "بواسطة", "اعداد", "تحرير", "تقرير", "حوار", "by", "By", "BY", "المصدر", "مصدر",
                 "source", "Source", "SOURCE")
_LEAD = " -–—•*|·:()[]«»\"'"
_SOURCE_RE = re.compile(r"^\W*(?:المصدر|مصدر الخبر|source)\s*[:\-–]\s*(?P<value>[^.؟?!]{2,60}?)\W*$", re.IGNORECASE)
# "إسطنبول/ الأناضول", "أبوظبي - سكاي نيوز عربية", "لندن: «الشرق الأوسط»": a place, then who reports.
_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_]+(?: [^\W\d_]+)?)\s*(?:/|\s[-–]|:)\s*«?(?P<value>[^\W\d_][^/\-–:«».،]{1,30}?)»?$"
)
# "محمد الغامدي (جدة)": a name, with the place it was filed from.
_NAME_PLACE_RE = re.compile(r"^(?P<value>[^\W\d_]+(?: [^\W\d_]+){1,3})\s*\((?P<place>[^\W\d_]+(?: [^\W\d_]+)?)\)$")

_CURRENCY = (r"الدولار|دولار|اليورو|يورو|الجنيه|جنيه|الريال|ريال|الدرهم|درهم|الدينار|دينار|الليرة|ليرة|"
             r"الاسترليني|الذهب|ذهب|النفط|برنت|بيتكوين|usd|eur|gbp|sar|aed|egp|\$|€|£")
_CURRENCY_WORDS = frozenset(c for c in _CURRENCY.split("|") if c.isalpha())
_SYMBOL = re.compile(r"[$€£]")
_PUNCT = str.maketrans(dict.fromkeys(":؛،,.|()-–", " "))
_PRICE_RE = re.compile(r"(?:" + _CURRENCY + r")\W{0,3}(?:عيار\s*\d+\W{0,3})?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*(?:"
                       + _CURRENCY + r")", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    """A byline or source line: ``kind`` is ``author`` or ``source``; ``value`` the name it gives."""

    kind: str
    value: str


def words(line: str) -> int:
    return len(line.split())


def more_words_than(line: str, n: int) -> bool:
    """``words(line) > n``, without splitting a long single-spaced line (most paragraphs): more
    than ``n`` single spaces between its words is more than ``n`` words."""
    if line.count(" ") > n and "  " not in line:
        return True
    return len(line.split(None, n)) > n


def is_breadcrumb(line: str) -> bool:
    """A breadcrumb or menu: two or more short items split by › » | > (or " / "), each with letters,
    none a sentence."""
    if not (_CRUMB_MARK.search(line) or " / " in line):
        return False
    if more_words_than(line, _CRUMB_MAX_WORDS) or line.endswith(_SENTENCE_END[:2]):
        return False
    items = [i for i in _CRUMB_SPLIT.split(line.strip(" -–•")) if i]
    if len(items) < 2 or len(items) < len(_CRUMB_SPLIT.findall(line.strip(" -–•"))):
        return False  # a separator with nothing on one side is not a list
    return all(words(i) <= _CRUMB_MAX_ITEM_WORDS and _LETTER.search(i) and not i.endswith(_SENTENCE_END)
               for i in items)


def byline(line: str, folded: str) -> Byline | None:
    """A labelled byline (كتب، بقلم، بواسطة...) or source line (المصدر: ...)."""
    if not folded.lstrip(_LEAD).startswith(_BYLINE_WORDS) or more_words_than(line, 10):
        return None
    m = _AUTHOR_RE.match(folded)
    if m and words(m.group("value")) <= 5:
        return Byline("author", _value(line, folded, m))
    m = _SOURCE_RE.match(folded)
    if m:
        return Byline("source", _value(line, folded, m))
    return None


def dateline(line: str, folded: str) -> Byline | None:
    """A place and a reporter or agency (``إسطنبول/ الأناضول``), or a name and a place
    (``محمد الغامدي (جدة)``): taken only in an article's header, next to its title and date."""
    if more_words_than(line, 6):
        return None
    m = _DATELINE_RE.match(folded)
    if m:
        return Byline("source", _value(line, folded, m))
    m = _NAME_PLACE_RE.match(folded)
    if m:
        return Byline("author", _value(line, folded, m))
    return None


def _value(line: str, folded: str, m: re.Match[str]) -> str:
    # The folded form drops diacritics and tatweel; the name is kept as written.
    return as_written(line, folded, m.start("value"), m.end("value"))


def is_currency_widget(line: str, folded: str, header: bool) -> bool:
    """Exchange rates or prices without a sentence around them: two prices or more, or one in a short
    header line (``الدولار 50.60 جنيه | اليورو 52.85 جنيه``)."""
    if not _DIGIT.search(folded) or more_words_than(line, 20) or line.endswith(_SENTENCE_END[:2]):
        return False
    if _CURRENCY_WORDS.isdisjoint(folded.lower().translate(_PUNCT).split()) and not _SYMBOL.search(folded):
        return False  # cheap: no currency named
    prices = len(_PRICE_RE.findall(folded))
    return prices >= 2 or (header and prices == 1 and not more_words_than(line, 6))


def ends_sentence(line: str) -> bool:
    """The line ends with a full stop, question or exclamation mark (inside closing quotes or not),
    not with the ".." of a title."""
    stripped = line.rstrip().rstrip("»\"”'")
    return stripped.endswith((".", "؟", "?", "!")) and not stripped.endswith("..")


def is_sentence(line: str) -> bool:
    """A line that reads as running text: it ends like a sentence or is long."""
    return ends_sentence(line) or more_words_than(line, 24)
