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

from .dates import ParsedDate, as_written, parse_date_line

# Separators of breadcrumb and menu items; "/" only with spaces around it ("سبتمبر/أيلول" is a date).
_CRUMB_SPLIT = re.compile(r"\s*[›»|>‹«<]\s*|\s+/\s+")
_CRUMB_MARK = re.compile(r"[›»|>‹«<]")  # a plain character class: a fast first test
_CRUMB_MAX_ITEM_WORDS = 4
_QUOTED = re.compile(r"«([^«»|›‹<>]*)»")
_CRUMB_MAX_WORDS = 16
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = (".", "؟", "?", "!", "،", ":", "؛")

_AUTHOR_RE = re.compile(
    r"^\W*(?:كتبت|كتب|بقلم|بواسطة|اعداد|تحرير|تقرير|اجرى الحوار|اجرت الحوار|حاورته|حاورها|حاوره|حوار|ترجمة|الكاتبة|"
    r"الكاتب|المحررة|المحرر|مراسلة|مراسل|by)(?!\w)"  # the longer label first: "كتبت - سارة" is not "كتب" + "ت - سارة"
    r"\s*[:\-–/]?\s*(?P<value>(?:[^\W\d_]{1,2}\.\s*){0,2}[^\d.،:؛!?؟]{3,48}?)\W*$",
    re.IGNORECASE,
)
# "كتب: …", "بقلم - …": the label and the name apart; without that, "كتب التاريخ" is no byline
# (a correspondent's line names the outlet: "مراسل الجزيرة نت")
_LABEL_SEPARATED = re.compile(r"^\W*(?:\S+\s*[:\-–/]|مراسل|مراسلة)")


def _looks_like_name(value: str) -> bool:
    parts = value.split()
    return len(parts) >= 2 and not parts[0].startswith("ال")


_BYLINE_WORDS = ("كتب", "بقلم", "بواسطة", "اعداد", "تحرير", "تقرير", "حوار", "ترجمة", "الكاتب", "المحرر", "مراسل",
                 "اجرى الحوار", "اجرت الحوار", "حاور",
                 "by", "By", "BY", "المصدر", "مصدر", "source", "Source", "SOURCE")
_LEAD = " -–—•*|·:()[]«»\"'"
_BYLINE_LABELLED_MAX_WORDS = 7
_SOURCE_RE = re.compile(r"^\W*(?:المصدر|مصدر الخبر|source)\s*[:\-–]\s*(?P<value>[^.؟?!]{2,60}?)\W*$", re.IGNORECASE)
# "إسطنبول/ الأناضول", "أبوظبي - سكاي نيوز عربية", "لندن: «الشرق الأوسط»", "باريس- «القدس العربي»:",
# "دبي - العربية.نت", "العربية.نت - محمد الشمري": a place (or an outlet), then who reports. A dot inside a
# word is an outlet's domain; a dash needs a space or a quote after it ("سبتمبر-أيلول" is one word).
_NAME_WORD = r"[^\W\d_]+(?:\.[^\W\d_]+)?"
_DATELINE_RE = re.compile(
    r"^(?P<place>" + _NAME_WORD + r"(?: " + _NAME_WORD + r")?)\s*(?:/|\s[-–]|[-–](?=\s|«)|:)\s*"
    r"«?(?P<value>[^\W\d_](?:[^/\-–:«».،]|\.(?=[^\W\d_])){1,30}?)»?\s*:?$"
)
# "سامي السيد صحافي متخصص في الشؤون الاقتصادية @sami_elsayed": a name with the writer's handle.
_HANDLE_RE = re.compile(r"^(?P<value>[^\W\d_][^@.،:؛!?؟]{2,80}?)\s+@\w{2,30}$")
_HANDLE_MAX_WORDS = 12
# "محمد الغامدي (جدة)": a name, with the place it was filed from.
_NAME_PLACE_RE = re.compile(r"^(?P<value>[^\W\d_]+(?: [^\W\d_]+){1,3})\s*\((?P<place>[^\W\d_]+(?: [^\W\d_]+)?)\)$")

# Currency names and codes, and the dotted abbreviations Arab sites print after a price ("89,500 ل.ل.",
# "3.75 ر.س", "149.50 دج"), written folded.
_CURRENCY_ABBR = (r"ل\.ل|ل\.س|ر\.س|د\.ك|د\.ا|ج\.م|د\.ج|د\.م|د\.ت|د\.ل|د\.ب|د\.ع|ر\.ق|ر\.ع|ر\.ي|ج\.س")
_CURRENCY = (r"الدولار|دولار|اليورو|يورو|الاورو|اورو|الجنيه|جنيه|الريال|ريال|الدرهم|درهم|الدينار|دينار|"
             r"الليرة|ليرة|الاسترليني|الذهب|ذهب|النفط|برنت|بيتكوين|دج|usd|eur|gbp|sar|aed|egp|lbp|kwd|qar|"
             r"jod|dzd|mad|tnd|try|\$|€|£|" + _CURRENCY_ABBR)
_CURRENCY_WORDS = frozenset(c for c in _CURRENCY.split("|") if c.isalpha())
# a first test for an abbreviation (its letters, a dot): no look-behind, so a search is quick
_ABBR_RE = re.compile(r"[لردج]\.[لسكاجمتبعقي](?![^\W\d_])")
_PUNCT_RE = re.compile(r"[:؛،,.|()\-–]")  # made spaces before the words are compared (re.sub beats str.translate)
_PRICE_RE = re.compile(r"(?:" + _CURRENCY + r")\W{0,3}(?:عيار\s*\d+\W{0,3})?\d+(?:[.,]\d+)*"
                       r"|\d+(?:[.,]\d+)*\s*(?:" + _CURRENCY + r")(?![^\W\d_])", re.IGNORECASE)
#: A label and one price, "دولار السوق الموازية: 89,500 ل.ل.": a widget at most this many words long.
_ONE_PRICE_MAX_WORDS = 6


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


# "الرئيسية - اقتصاد - أسواق": items split by spaced dashes, three or more ("أبوظبي - سكاي نيوز" is a dateline)
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+")
_DASH_MIN_ITEMS, _DASH_MAX_ITEM_WORDS = 3, 3


def is_breadcrumb(line: str, dashes: bool = True) -> bool:
    """A breadcrumb or menu: two or more short items split by › » | > (or " / "), or (with
    ``dashes``: at the top of a page) three or more split by spaced dashes, each with letters, none a
    sentence. Guillemets around words ("«اقرأ».. كلمة تصنع أمة") quote them, they split nothing."""
    if "«" in line and "»" in line:
        line = _QUOTED.sub(r"\1", line)
    if not (_CRUMB_MARK.search(line) or " / " in line):
        return dashes and (" - " in line or " – " in line) and _is_dash_crumb(line)
    if more_words_than(line, _CRUMB_MAX_WORDS) or line.endswith(_SENTENCE_END[:2]):
        return False
    items = [i for i in _CRUMB_SPLIT.split(line.strip(" -–•")) if i]
    if len(items) < 2 or len(items) < len(_CRUMB_SPLIT.findall(line.strip(" -–•"))):
        return False  # a separator with nothing on one side is not a list
    return all(words(i) <= _CRUMB_MAX_ITEM_WORDS and _LETTER.search(i) and not i.endswith(_SENTENCE_END)
               for i in items)


def _is_dash_crumb(line: str) -> bool:
    if more_words_than(line, _CRUMB_MAX_WORDS) or ends_sentence(line):
        return False
    items = _DASH_SPLIT.split(line.strip(" -–—•"))
    return len(items) >= _DASH_MIN_ITEMS and all(
        i and words(i) <= _DASH_MAX_ITEM_WORDS and _LETTER.search(i) and not _DIGIT.search(i)
        and not i.endswith(_SENTENCE_END) for i in items)


def byline(line: str, folded: str) -> Byline | None:
    """A labelled byline (كتب، بقلم، بواسطة...) or source line (المصدر: ...)."""
    if not folded.lstrip(_LEAD).startswith(_BYLINE_WORDS) or more_words_than(line, 10):
        return None
    m = _AUTHOR_RE.match(folded)
    # "بقلم:  يورونيوز عربي مع أ ف ب": after a label and a colon, a name with the agencies it wrote with
    separated = _LABEL_SEPARATED.match(folded)
    if m and words(m.group("value")) <= (_BYLINE_LABELLED_MAX_WORDS if separated else 5) and (
            separated or _looks_like_name(m.group("value"))):
        return Byline("author", _value(line, folded, m))
    m = _SOURCE_RE.match(folded)
    if m:
        return Byline("source", _value(line, folded, m))
    return None


# News agencies, written folded: a line that is only one ("وكالات", "(رويترز)") says where the article
# is from, and so does a place with one in brackets ("طوكيو (أ ف ب)").
_AGENCY = (r"وكالات|الوكالات|وكالات الانباء|رويترز|ا ?ف ?ب|فرانس برس|اسوشيتد برس|د ?ب ?ا|الاناضول|واس|وام|قنا|"
           r"كونا|بنا|بترا|سانا|ومع|واج|وات|ا ?ش ?ا|شينخوا|سبوتنيك|نوفوستي|تاس|يونا|afp|reuters|ap|dpa|xinhua")
_AGENCY_LINE_RE = re.compile(r"^[\s(«\[\-–—]*(?P<value>" + _AGENCY + r")[\s)»\]\-–—.]*$", re.IGNORECASE)
_PLACE_AGENCY_RE = re.compile(r"^(?P<place>[^\W\d_]+(?: [^\W\d_]+)?)\s*[(«]\s*(?P<value>" + _AGENCY
                              + r")\s*[)»]\s*:?$", re.IGNORECASE)
_AGENCY_MAX_CHARS = 30
# "أبوظبي (الاتحاد)": one word, a place, with the outlet in brackets (a name of two words or more with
# a place in brackets, "محمد الغامدي (جدة)", is the writer's: _NAME_PLACE_RE)
_PLACE_OUTLET_RE = re.compile(r"^(?P<place>[^\W\d_]+)\s*\((?P<value>[^\W\d_]+(?: [^\W\d_]+)?)\)\s*:?$")


def agency_line(line: str, folded: str) -> Byline | None:
    """A line that is only a news agency's name (``وكالات``, ``(رويترز)``): the article's source."""
    if len(line) > _AGENCY_MAX_CHARS:
        return None
    m = _AGENCY_LINE_RE.match(folded)
    return Byline("source", _value(line, folded, m)) if m else None


def dateline(line: str, folded: str) -> Byline | None:
    """A place and a reporter or agency (``إسطنبول/ الأناضول``), or a name and a place
    (``محمد الغامدي (جدة)``): taken only in an article's header, next to its title and date."""
    if more_words_than(line, 6):
        return None
    m = _DATELINE_RE.match(folded) or _PLACE_AGENCY_RE.match(folded) or _PLACE_OUTLET_RE.match(folded)
    if m:
        return Byline("source", _value(line, folded, m))
    m = _NAME_PLACE_RE.match(folded)
    if m:
        return Byline("author", _value(line, folded, m))
    return None


def handle_byline(line: str, folded: str) -> Byline | None:
    """A writer's name (and title) followed by a social-media handle, ``سامي السيد صحافي @sami``."""
    if "@" not in line or words(line) > _HANDLE_MAX_WORDS:
        return None
    m = _HANDLE_RE.match(folded)
    return Byline("author", _value(line, folded, m)) if m else None


def _value(line: str, folded: str, m: re.Match[str]) -> str:
    # The folded form drops diacritics and tatweel; the name is kept as written.
    return as_written(line, folded, m.start("value"), m.end("value"))


def is_currency_widget(line: str, folded: str, header: bool) -> bool:
    """Exchange rates or prices without a sentence around them: two prices or more, or one in a short
    header line (``الدولار 50.60 جنيه | اليورو 52.85 جنيه``)."""
    if not _DIGIT.search(folded) or more_words_than(line, 20) or ends_sentence(line):
        return False
    if _CURRENCY_WORDS.isdisjoint(_PUNCT_RE.sub(" ", folded.lower()).split()) and not _has_symbol(folded):
        return False  # cheap: no currency named
    prices = len(_PRICE_RE.findall(folded))
    return prices >= 2 or (header and prices == 1 and not more_words_than(line, _ONE_PRICE_MAX_WORDS))


# "ل.ل.", "أ.ف.ب.", "U.S.": single letters with their dots, an abbreviation and not a sentence's end
_ABBREVIATION_END = re.compile(r"(?<!\S)(?:[^\W\d_]\.){2,}$")


# closing quotes, and the invisible marks a line may end with (a bidi pop, RLM): the sentence's end is before them
_CLOSERS = "»\"”'\u200e\u200f\u202c\u2069\u061c"


def _has_symbol(folded: str) -> bool:
    """A currency sign, or what may be a dotted abbreviation (``ل.ل``) after a number."""
    if "$" in folded or "€" in folded or "£" in folded:
        return True
    if "." not in folded:
        return False
    return any(m.start() == 0 or not folded[m.start() - 1].isalpha() for m in _ABBR_RE.finditer(folded))


_NUMBER_WIDGET_MAX_TOKENS = 3


def is_number_widget(line: str) -> bool:
    """A count shown with an icon or alone ("👁 2,341", "💬 12"): digits, no letters, a few tokens.
    (Dates and clocks are taken before this is asked.)"""
    return (len(line.split(None, _NUMBER_WIDGET_MAX_TOKENS)) <= _NUMBER_WIDGET_MAX_TOKENS
            and bool(_DIGIT.search(line)) and not _LETTER.search(line))


def ends_sentence(line: str) -> bool:
    """The line ends with a full stop, question or exclamation mark (inside closing quotes or not),
    not with the ".." of a title nor the dots of an abbreviation ("89,500 ل.ل.")."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    last = stripped[-1:]
    if last == ".":
        # "X.Y.": the character two before the last full stop is a dot too (a cheap first test)
        return stripped[-2:-1] != "." and (stripped[-3:-2] != "." or not _ABBREVIATION_END.search(stripped[-12:]))
    if last == "?":
        # a "?" standing alone is a character the page's code page lacks (an arrow, a symbol)
        return len(stripped) > 1 and not stripped[-2].isspace()
    return last == "؟" or last == "!"


def is_sentence(line: str) -> bool:
    """A line that reads as running text: it ends like a sentence or is long."""
    return ends_sentence(line) or more_words_than(line, 24)


#: A question or exclamation this short at the top of a page is a headline ("متى يعود إمام عاشور إلى
#: الملاعب؟"), not a paragraph.
QUESTION_TITLE_MAX_WORDS = 16


def is_paragraph(line: str) -> bool:
    """A line of running text at the top of a page: a sentence, but not a short question or
    exclamation (a headline)."""
    if not is_sentence(line):
        return False
    end = line.rstrip().rstrip("»\"”'")
    return not (end.endswith(("؟", "?", "!")) and not more_words_than(line, QUESTION_TITLE_MAX_WORDS))


def is_question(line: str) -> bool:
    """The line ends with a question mark (inside closing quotes or not)."""
    return line.rstrip().rstrip("»\"”'").endswith(("؟", "?"))


_COMMENTS_WORDS = ("تعليق", "comment", "Comment")


def is_comments_heading(folded: str) -> bool:
    """A count of readers' comments ("التعليقات (3)", "تعليقات 0"): what follows it are the comments."""
    return any(w in folded for w in _COMMENTS_WORDS)


# "أبو خالد - ألمانيا: مقال جميل": a commenter's name (and place), a colon, the comment.
_COMMENT_RE = re.compile(r"^[^\W\d_][^:.،؛!?؟]{0,40}:\s*\S")
_COMMENTER_MAX_WORDS = 4


def is_reader_comment(line: str) -> bool:
    """A reader's comment as comment sections print it: a short name, a colon, then the comment."""
    m = _COMMENT_RE.match(line)
    return m is not None and words(line[: m.end() - 1].split(":", 1)[0].replace(" - ", " ")) <= _COMMENTER_MAX_WORDS


# "كتب: محمد علي | 13 فبراير 2025", "بقلم سارة أحمد - الخميس 13 فبراير 2025": a byline and the date in one line.
_PART_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def byline_and_date(line: str, folded: str) -> tuple[Byline, ParsedDate] | None:
    """A byline or dateline and a date on one line, split by | or a spaced dash: the date is taken
    only when every other part is a byline (so a headline that names a date is not one)."""
    if words(line) > 16 or not _YEAR.search(folded) or not _PART_SPLIT.search(folded):
        return None  # every date form the parts could hold has a four-digit year
    parts = _PART_SPLIT.split(folded)
    for cut in range(1, len(parts)):
        # the date is the head or the tail: "... | 13 فبراير 2025" or "13 فبراير 2025 - كتب ..."
        for name_parts, date_parts in ((parts[:cut], parts[cut:]), (parts[cut:], parts[:cut])):
            name = " - ".join(name_parts)
            by = byline(name, name) or dateline(name, name)
            if by is None:
                continue
            parsed = parse_date_line(" - ".join(date_parts))
            if parsed is not None:
                return Byline(by.kind, _written(line, folded, by.value)), parsed
    return None


def _written(line: str, folded: str, value: str) -> str:
    start = folded.find(value)
    return value if start < 0 else as_written(line, folded, start, start + len(value))


# "كاتب وباحث في الشؤون الاجتماعية", "صحافية مختصة في الشأن الاقتصادي": what an opinion page prints
# under the writer's name (written folded).
_BIO_WORDS = ("كاتب", "كاتبة", "صحافي", "صحافية", "صحفي", "صحفية", "باحث", "باحثة", "استاذ", "استاذة",
              "اكاديمي", "اكاديمية", "محلل", "محللة", "اعلامي", "اعلامية", "روائي", "روائية", "شاعر", "شاعرة",
              "خبير", "خبيرة", "مستشار", "مستشارة", "دبلوماسي", "سفير", "محامي", "محامية", "طبيب", "طبيبة",
              "رئيس", "رئيسة", "مدير", "مديرة", "عضو", "نائب", "وزير", "وزيرة", "مؤرخ", "مترجم", "ناقد", "ناقدة",
              "writer", "journalist", "author", "columnist", "researcher", "professor")
_BIO_MAX_WORDS = 14
_NAME_MAX_WORDS, _NAME_MAX_CHARS = 4, 60


def is_writer_bio(line: str, folded: str) -> bool:
    """A short description of a writer ("كاتب وباحث في الشؤون الاجتماعية"): a profession first, no
    sentence. ``cleanup`` takes it only right under a name, under the headline."""
    first = folded.split(None, 1)[0].lower() if folded else ""
    return first in _BIO_WORDS and not more_words_than(line, _BIO_MAX_WORDS) and not ends_sentence(line)


# "د. خالد العمري", "أ.د. سامي": a title of one or two letters with their dots before the name
_HONORIFIC = re.compile(r"^(?:[^\W\d_]{1,2}\.){1,2}\s*")


def is_name(line: str) -> bool:
    """A line that can be a person's name: two to four words of letters (after a title such as "د."),
    nothing else."""
    if len(line) > _NAME_MAX_CHARS or line.count(" ") > _NAME_MAX_WORDS + 1:
        return False  # most lines: a cheap no
    parts = _HONORIFIC.sub("", line).split()
    return 2 <= len(parts) <= _NAME_MAX_WORDS and all(p.isalpha() for p in parts)


# "مبنى كلية العلوم في الحدث (النهار)", "لاعبون يحتفلون بالتأهل (فيسبوك/النادي)": a photo's caption
# ends with who took or gave the photo in brackets, a name of a few words, and no sentence mark.
_CREDIT_TAIL = re.compile(r"\(([^()\d]{2,40})\)$")
_CREDIT_MAX_WORDS, _CAPTION_MIN_WORDS, _CAPTION_MAX_WORDS = 3, 4, 25
_OUTLET_PHOTOGRAPHER_MAX_WORDS = 6
# "(بحسب قوله)", "(أي نحو مليون)": an aside of the sentence, not a credit
_ASIDE_WORDS = frozenset(("بحسب", "حسب", "وفق", "وفقا", "اي", "أي", "مثل", "على", "في", "من", "الى", "إلى", "عن",
                          "مع", "كما", "نحو", "قرابة", "حوالي", "بين", "او", "أو", "و", "يعني"))


def is_credit_caption(line: str) -> bool:
    """A short unpunctuated line that ends with a bracketed credit: a photo caption."""
    if not line.endswith(")"):
        return False
    m = _CREDIT_TAIL.search(line)
    if m is None:
        return False
    credit = m.group(1).replace("/", " ").split()
    # "(عنب بلدي/ حليم محمد)": the outlet and its photographer, a name each
    most = _CREDIT_MAX_WORDS if "/" not in m.group(1) else _OUTLET_PHOTOGRAPHER_MAX_WORDS
    if not credit or len(credit) > most or credit[0] in _ASIDE_WORDS:
        return False
    before = line[: m.start()].rstrip()
    if not before or before[-1] in _SENTENCE_END:
        return False
    n = len(before.split())
    return _CAPTION_MIN_WORDS <= n <= _CAPTION_MAX_WORDS


# "إحدى الحافلات خلال التشغيل التجريبي | من المصدر": a caption, then who gave the photo after a bar
_PIPE_CREDIT_MAX_WORDS = 4


def is_pipe_credit_caption(line: str) -> bool:
    """A caption of a few words and no sentence mark, a bar, then a credit of a few words without
    figures: one bar only (a menu or breadcrumb has more)."""
    if line.count(" | ") != 1 or line.count("|") != 1:
        return False
    before, credit = (part.strip() for part in line.split(" | "))
    if not credit or _DIGIT.search(credit) or more_words_than(credit, _PIPE_CREDIT_MAX_WORDS):
        return False
    n = len(before.split())
    return _CAPTION_MIN_WORDS <= n <= _CAPTION_MAX_WORDS and before[-1] not in _SENTENCE_END


# words of a phrase, never of a name: "ما الذي تغير بالضبط" is a subheading (written folded)
_FUNCTION_WORDS = frozenset(("ما", "ماذا", "من", "في", "على", "الى", "عن", "مع", "الذي", "التي", "هل", "كيف", "لماذا",
                             "متى", "اين", "لا", "لم", "لن", "قد", "بين", "بعد", "قبل", "هذا", "هذه", "كل", "او"))


# words of an office, a place or a picture, never of a writer's bare name: "الرئيس التونسي قيس سعيد" under
# the date is the photo's caption (written folded)
_NOT_NAME_WORDS = frozenset(("الرئيس", "رئيس", "الوزير", "وزير", "وزيرة", "الملك", "الامير", "الشيخ", "النائب",
                             "مدينة", "محافظة", "ولاية", "بلدية", "قرية", "منطقة", "شارع", "ميدان", "ملعب", "مقر",
                             "مبنى", "صورة", "خطة", "جانب", "مشهد", "لقطة", "منظر"))


def is_office_or_place(line: str, folded: str) -> bool:
    """Shaped like a name, but naming an office, a place or a picture ("الرئيس التونسي قيس سعيد")."""
    tokens = folded.split()
    return is_name(line) and _FUNCTION_WORDS.isdisjoint(tokens) and not _NOT_NAME_WORDS.isdisjoint(tokens)


def name_line(line: str, folded: str) -> Byline | None:
    """A writer's bare name ("هشام الدريوش") or a name and a place ("سهام أشطو - الرباط")."""
    tokens = folded.split()
    if is_name(line) and _FUNCTION_WORDS.isdisjoint(tokens) and _NOT_NAME_WORDS.isdisjoint(tokens):
        return Byline("author", line)
    return dateline(line, folded)
