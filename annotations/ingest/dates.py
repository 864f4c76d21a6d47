"""Arabic news dates to ISO 8601: both month-name series, Hijri dates, Arabic-Indic digits and ص/م for AM/PM.

Hijri (Umm al-Qura) dates are converted with the hijridate library; the Hijri date is also kept as
written (``ParsedDate.hijri``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

# Month names after normalise() (hamza-on-alef forms folded to bare alef, no diacritics).
# Egyptian/Gulf series, Levantine/Iraqi series, and the Maghrebi French-derived names.
MONTHS: dict[str, int] = {
    "يناير": 1, "ينايير": 1, "كانون الثاني": 1, "جانفي": 1,
    "فبراير": 2, "شباط": 2, "فيفري": 2,
    "مارس": 3, "اذار": 3,
    "ابريل": 4, "نيسان": 4, "افريل": 4,
    "مايو": 5, "ايار": 5, "ماي": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويلية": 7, "جويليه": 7, "يوليوز": 7,
    "اغسطس": 8, "اب": 8, "اوت": 8, "غشت": 8,
    "سبتمبر": 9, "ايلول": 9, "شتنبر": 9,
    "اكتوبر": 10, "تشرين الاول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "نونبر": 11,
    "ديسمبر": 12, "كانون الاول": 12, "دجنبر": 12,
    # French, as Maghrebi outlets print them ("21 mai 2025")
    "janvier": 1, "fevrier": 2, "février": 2, "avril": 4, "juin": 6, "juillet": 7, "aout": 8, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "décembre": 12, "mars": 3, "mai": 5,
    # English, as some Arabic sites print them ("13 Feb 2025", "February 13, 2025")
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Hijri months after normalise(); ى/ي and ة/ه are both written.
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الاخر": 4, "ربيع الثاني": 4,
    "جمادى الاولى": 5, "جمادى الاول": 5, "جمادي الاولى": 5, "جمادي الاول": 5,
    "جمادى الاخرة": 6, "جمادى الاخر": 6, "جمادى الثانية": 6, "جمادي الاخرة": 6, "جمادي الاخر": 6,
    "جمادي الثانية": 6, "جمادى الاخره": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو القعده": 11, "ذي القعده": 11,
    "ذو الحجة": 12, "ذي الحجة": 12, "ذو الحجه": 12, "ذي الحجه": 12,
}  # fmt: skip

WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت")
# Words that introduce a date line on news sites ("published on", "last updated"...).
LABELS = ("تاريخ النشر", "نشر في", "نشر بتاريخ", "تم النشر", "اخر تحديث", "تحديث", "بتاريخ", "نشر", "نشرت في",
          "اضيف في", "اضيف", "اضيف بتاريخ", "تاريخ الاضافة", "تاريخ التحديث", "اخر تعديل", "محدث", "منشور",
          "نشرت", "تاريخ", "التاريخ", "نشر يوم", "published", "published on",
          "publié le", "publie le", "publié", "le")
# Labels of a second date after the publication date on the same line ("... آخر تحديث: ...").
UPDATED_LABELS = ("اخر تحديث", "تم التحديث", "تحديث", "حدث في", "updated", "last updated")

_ANY_DIGIT_RE = re.compile("[0-9٠-٩۰-۹]")
# What normalise() changes: hamza-on-alef forms to bare alef; Persian yeh and keheh (ی ک, as Iranian
# outlets write Arabic) to Arabic ي ك; tatweel and diacritics dropped; Arabic-Indic and extended
# (Persian) digits to ASCII.
_FOLD_PAIRS = (
    tuple((ch, "ا") for ch in "أإآٱ")
    + (("\u06cc", "ي"), ("\u06a9", "ك"))
    + tuple((chr(cp), "") for cp in (0x0640, *range(0x064B, 0x0653), 0x0670))
    + tuple((ch, str(i % 10)) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"))
)
# Invisible format characters scraped pages carry (bidi marks and embeddings, zero-width spaces and
# joiners, a stray BOM): dropped too, so "\u200fاقرأ أيضا" starts like "اقرأ أيضا".
_INVISIBLE = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE_RE = re.compile("[" + _INVISIBLE + "]")
_AM = ("ص", "صباحا", "am", "a.m.")
_PM = ("م", "مساء", "مساءا", "ظهرا", "عصرا", "pm", "p.m.")


def normalise(text: str) -> str:
    """ASCII digits, bare alef, Arabic yeh and kaf for the Persian ones, no tatweel, diacritics or
    invisible format characters: the form the patterns below expect."""
    # One C-level scan per character (``in``, then ``str.replace`` only for those present) beats a
    # regex pass or str.translate (a dict lookup per character) by far: this runs on every article.
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    # the invisible ones are rare: a scan for each (``in``: quicker than one regex scan for all),
    # and the regex only when one is there
    for ch in _INVISIBLE:
        if ch in text:
            return _INVISIBLE_RE.sub("", text)
    return text


def _alt(words: tuple[str, ...] | list[str]) -> str:
    # Longest first, so "تشرين الاول" wins over a shorter name that is its prefix.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = _alt(list(MONTHS))
_TIME = (
    r"(?:\s*[,،\-–|:•·]?\s*(?:(?:على\s+|في\s+)?الساعة\s*|à\s+|a\s+|at\s+)?(?P<hour>\d{1,2})(?::|h(?=\d{2}))(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>" + _alt(_AM + _PM) + r")(?![\w.]))?)?"
)
_NAMED = (
    r"(?P<day>\d{1,2})\s*(?:[\-–]\s*)?(?P<month>" + _MONTH + r")\.?"
    r"(?:\s*[/(\-]\s*(?:" + _MONTH + r")\s*\)?)?"  # "سبتمبر/أيلول", "أيلول (سبتمبر)"
    r"\s*[,،\-–]?\s*(?P<year>\d{4})(?!\d)(?:\s*(?:ميلادية|ميلادي|م)(?!\w))?" + _TIME
)
# "12 شعبان 1446 هـ" (tatweel folded away): the era mark is required, a bare year could be anything.
_HIJRI = (
    r"(?P<hd>\d{1,2})\s*(?P<hmonth>" + _alt(list(HIJRI_MONTHS)) + r")\s*[,،]?\s*(?P<hy>\d{4})(?!\d)"
    r"\s*(?:هجرية|هجري|ه)(?!\w)"
)
# Next to a Gregorian date on the same line ("18 رمضان 1446 الموافق 18 مارس 2025", "٢٠ مارس ٢٠٢٥ | ٢٠ رمضان
# ١٤٤٦") the Hijri date needs no era mark: its month name and a year of the 14th or 15th century AH suffice.
_HIJRI_PAIRED = (
    r"(?P<hd>\d{1,2})\s*(?P<hmonth>" + _alt(list(HIJRI_MONTHS)) + r")\s*[,،]?\s*(?P<hy>1[34]\d{2})(?!\d)"
    r"(?:\s*(?:هجرية|هجري|ه)(?!\w))?"
)
def _prefixed(pattern: str, prefix: str) -> str:
    """``pattern`` with its group names (and back-references) prefixed, to use it twice in one regex."""
    return re.sub(r"\?P([<=])(\w+)", lambda m: f"?P{m.group(1)}{prefix}{m.group(2)}", pattern)


_ISO = (
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"(?:(?:T|\s*[|,،\-–]?\s*)(?P<ih>\d{1,2}):(?P<imin>\d{2})(?::(?P<isec>\d{2}))?)?"
)
# Day first, as Arabic sites write numeric dates; year-first slashes are unambiguous.
# A year of 1300-1499 is Hijri ("1446/08/14 هـ"), read as such only with its era mark or next to a
# Gregorian date.
_NUMERIC = (
    r"(?:(?P<nd>\d{1,2})(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})|(?P<ry>\d{4})/(?P<rm>\d{1,2})/(?P<rd>\d{1,2}))"
    r"(?:\s*(?P<nera>هجرية|هجري|ه)(?!\w)|\s*(?:ميلادية|ميلادي|م)(?=\s*(?:$|[|\-–,،]|الموافق)))?"
    + _TIME.replace("?P<hour>", "?P<nhour>").replace("?P<minute>", "?P<nminute>")
    .replace("?P<second>", "?P<nsecond>").replace("?P<ampm>", "?P<nampm>")
)
# Month first, with a comma before the year: "فبراير 13، 2025".
_MONTH_FIRST = (r"(?P<fmonth>" + _MONTH + r")\s+(?P<fday>\d{1,2})\s*[,،]\s*(?P<fyear>\d{4})(?!\d)"
                + _prefixed(_TIME, "f"))
_DATE = r"(?:" + _NAMED + r"|" + _ISO + r"|" + _NUMERIC + r"|" + _MONTH_FIRST + r")"
_SEARCH_RE = re.compile(r"(?<!\d)" + _DATE, re.IGNORECASE)


_HIJRI_SEARCH_RE = re.compile(r"(?<!\d)" + _HIJRI + _prefixed(_TIME, "h"))
_SEP = r"\s*[,،\-–|/]?\s*(?:الموافق\s*(?:ل\s*)?)?"
# "بتوقيت مكة", "(توقيت القدس)", "GMT+3" after the time
# "GST", "(KSA)" and the like: a time zone's abbreviation; "ت.غ" (توقيت غرينتش); a place in brackets,
# "(مكة المكرمة)".
_ZONE = (r"(?:\s*\(?\s*(?:بتوقيت|توقيت)\s+[^\d()|]{2,24}?\)?"
         r"|\s*\(?(?:GMT|UTC|[A-Z]{3,4})(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?(?![^\W\d_])|Z|\s*[+-]\d{2}:?\d{2}"
         r"|\s*\(?\s*ت\s?\.\s?غ\.?\s*\)?|\s*\([^\W\d_][^\d()|]{1,24}\))?")
# The time first: "03:15 م الأحد 09 فبراير 2025".
_LEAD_TIME = (r"(?:(?:الساعة\s*)?(?P<thour>\d{1,2}):(?P<tminute>\d{2})"
              r"(?:\s*(?P<tampm>" + _alt(_AM + _PM) + r")(?![\w.]))?"
              r"(?:\s*\(?(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?(?![^\W\d_]))?"  # "08:30 GMT 27.02.2025"
              r"\s*[,،\-–|]?\s*)?")
# "نشر في: ... آخر تحديث: ...": a publication date, then when it was updated (not read).
_UPDATED_TAIL = r"(?:\s*[|\-–·•,،(]?\s*(?:" + _alt(UPDATED_LABELS) + r")\s*:?.*)?"
# A line that is only a date: the Gregorian date with the Hijri one before or after it, or the Hijri
# one alone; _PAIRED_LINE_RE also takes a second numeric or named date after the first
# ("1446/08/14هـ الموافق 2025/02/13م"), tried only on a line with two years (its groups cost time).
def _line_re(second: str) -> re.Pattern[str]:
    return re.compile(
        r"^[\s\-–—•*|·:]*(?:(?:" + _alt(LABELS) + r")\s*:?\s*)?" + _LEAD_TIME
        + r"(?:(?:يوم\s+)?(?:" + _alt(WEEKDAYS) + r")\s*[,،\-–]?\s*)?"
        r"(?:(?:" + _prefixed(_HIJRI_PAIRED, "b") + _SEP + r")?" + _DATE + r"(?:" + _SEP
        + _prefixed(_HIJRI_PAIRED, "a") + second + r")?"
        r"|" + _HIJRI + _prefixed(_TIME, "h") + r")" + _ZONE + _UPDATED_TAIL + r"[\s|·\-–]*$",
        re.IGNORECASE,
    )


_LINE_RE = _line_re("")
_PAIRED_LINE_RE = _line_re(r"|" + _SEP + _prefixed(_DATE, "x"))
_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True)
class ParsedDate:
    """A date found in text.

    Attributes:
        iso: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS`` (Gregorian; a Hijri date alone is converted).
        has_time: whether a time of day was given.
        hijri: the Hijri date as written (``12 شعبان 1446 هـ``), or None.
    """

    iso: str
    has_time: bool
    hijri: str | None = None


def _clock(y: int, mo: int, d: int, h: str | None, mi: str | None, s: str | None,
           ampm: str | None, hijri: str | None = None) -> ParsedDate | None:
    try:
        if h is None:
            return ParsedDate(date(y, mo, d).isoformat(), False, hijri)
        hour = int(h)
        if ampm:
            pm = ampm.lower() in _PM
            if not (1 <= hour <= 12 or (hour == 0 and not pm)):  # "00:15 صباحا" is a quarter past midnight
                return None
            hour = hour % 12 + (12 if pm else 0)
        return ParsedDate(datetime(y, mo, d, hour, int(mi or 0), int(s or 0)).isoformat(), True, hijri)
    except ValueError:  # 31 February, 25:00 and the like are not dates
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) one, or None when it does not exist or is out of
    the calendar's range (1343-1500 AH)."""
    from hijridate import Hijri  # loaded on the first Hijri date only

    try:
        return Hijri(year, month, day).to_gregorian()  # type: ignore[no-any-return]
    except (ValueError, OverflowError):
        return None


def as_written(line: str | None, folded: str, start: int, end: int) -> str:
    """The text of ``line`` that ``folded[start:end]`` (its normalise() form) came from: normalise()
    only drops characters (tatweel, diacritics) or replaces one by one, so positions map back."""
    if line is None or len(line) == len(folded):
        return (line or folded)[start:end].strip()
    k = 0  # position in folded
    begin, stop = 0, len(line)
    for i, ch in enumerate(line):
        if not normalise(ch):
            continue  # dropped by normalise: belongs to the character before it
        if k == start:
            begin = i
        k += 1
        if k == end:
            stop = i + 1
            while stop < len(line) and not normalise(line[stop]):
                stop += 1  # the tatweel of "هـ", a diacritic
            break
    return line[begin:stop].strip()


def _hijri_part(m: re.Match[str], prefix: str, line: str | None, folded: str) -> tuple[date | None, str] | None:
    day = m.group(prefix + "hd")
    if day is None:
        return None
    month = HIJRI_MONTHS[re.sub(r"\s+", " ", m.group(prefix + "hmonth"))]
    start = m.start(prefix + "hd")
    end = m.end(prefix + "hy")
    tail = re.match(r"\s*(?:هجرية|هجري|ه)", folded[end:])
    end += tail.end() if tail else 0
    return hijri_to_gregorian(int(m.group(prefix + "hy")), month, int(day)), as_written(line, folded, start, end)


def _to_parsed(m: re.Match[str], line: str | None = None, folded: str = "") -> ParsedDate | None:
    g = m.groupdict()
    written = None
    for prefix in ("b", "a"):
        if g.get(prefix + "hd"):
            part = _hijri_part(m, prefix, line, folded)
            written = part[1] if part else None
    if g.get("hd"):  # the Hijri date alone
        part = _hijri_part(m, "", line, folded)
        if part is None or part[0] is None:
            return None
        day = part[0]
        return _clock(day.year, day.month, day.day, g["hhour"], g["hminute"], g["hsecond"], g["hampm"], part[1])
    first = _parts(g, "")
    second = _parts(g, "x")  # a second date on the line: the Gregorian one for a Hijri date, or ignored
    if first is None or (second is None and _is_hijri(first) and not g.get("nera")):
        return None  # a numeric Hijri date alone needs its era mark
    if second is not None:
        if _is_hijri(first) == _is_hijri(second):
            second = None  # two Gregorian dates: the first one is the date
        elif _is_hijri(second):
            written = _span(m, "x", line, folded)
        else:  # the Hijri date first, the Gregorian one after it
            written = _span(m, "", line, folded)
            first, second = second, first
    y, mo, d, h, mi, s, ampm = first
    if _is_hijri(first):
        converted = hijri_to_gregorian(y, mo, d)
        if converted is None:
            return None
        written = _span(m, "", line, folded)
        y, mo, d = converted.year, converted.month, converted.day
    if h is None and second is not None:
        h, mi, s, ampm = second[3:]
    if h is None and g.get("thour") is not None:  # the time written before the date
        h, mi, s, ampm = g["thour"], g["tminute"], None, g["tampm"]
    return _clock(y, mo, d, h, mi, s, ampm, written)


_Parts = tuple[int, int, int, "str | None", "str | None", "str | None", "str | None"]


def _parts(g: dict[str, str | None], p: str) -> _Parts | None:
    """Year, month, day and the time's groups of the date whose groups are named with prefix ``p``."""
    def n(name: str) -> int:
        return int(g[p + name] or 0)

    if g.get(p + "day"):
        month = MONTHS[re.sub(r"\s+", " ", g[p + "month"] or "").lower()]
        return n("year"), month, n("day"), g[p + "hour"], g[p + "minute"], g[p + "second"], g[p + "ampm"]
    if g.get(p + "fmonth"):
        month = MONTHS[re.sub(r"\s+", " ", g[p + "fmonth"] or "").lower()]
        return n("fyear"), month, n("fday"), g[p + "fhour"], g[p + "fminute"], g[p + "fsecond"], g[p + "fampm"]
    if g.get(p + "iy"):
        return n("iy"), n("im"), n("id"), g[p + "ih"], g[p + "imin"], g[p + "isec"], None
    time = g.get(p + "nhour"), g.get(p + "nminute"), g.get(p + "nsecond"), g.get(p + "nampm")
    if g.get(p + "nd"):
        return (n("ny"), n("nm"), n("nd"), *time)
    if g.get(p + "ry"):
        return (n("ry"), n("rm"), n("rd"), *time)
    return None


def _is_hijri(parts: _Parts) -> bool:
    return 1300 <= parts[0] <= 1499


def _span(m: re.Match[str], p: str, line: str | None, folded: str) -> str | None:
    """The numeric date whose groups have prefix ``p``, as written (with its era mark)."""
    for a, b in (("nd", "ny"), ("ry", "rd")):
        if m.group(p + a) is not None:
            start, end = m.start(p + a), m.end(p + "nera") if m.group(p + "nera") else m.end(p + b)
            return as_written(line, folded or m.string, start, end)
    return None


def parse_date_line(line: str, folded: str | None = None) -> ParsedDate | None:
    """Parse a line that holds nothing but a date (and bullets, a weekday, "published on", a Hijri
    date next to the Gregorian one, a time zone).

    ``folded`` may give ``normalise(line)`` when the caller has it already (spaces at either end
    do not matter)."""
    if len(line) > 120 or not _ANY_DIGIT_RE.search(line):
        return None  # every date form has digits; most header lines (titles) have none
    if folded is None:
        folded = normalise(line)
    m = _LINE_RE.match(folded)
    years = None
    if not m:
        years = _YEAR_RE.findall(folded)
        if len(years) >= 2:
            m = _PAIRED_LINE_RE.match(folded)
        if not m and not years:
            return None
    # folded may carry the spaces line was stripped of; _as_written needs the two aligned
    aligned = line if len(line) == len(folded) else normalise_spaces(line, folded)
    if m:
        return _to_parsed(m, aligned, folded)
    return _date_among_few_words(aligned, folded)


#: A date line may hold this many words the line forms above do not know: a place ("القاهرة - الخميس
#: 13 فبراير 2025"), an issue number ("العدد 5678"); then the date is the first one found in it.
_FEW_WORDS_MAX_TOKENS = 14
_HIJRI_MONTH_WORDS = frozenset(w for name in HIJRI_MONTHS for w in name.split()) - {
    "الاول", "الثاني", "الاخر", "الاخرة", "الاولى", "الثانية", "ذو", "ذي"}
_HIJRI_PAIRED_RE = re.compile(r"(?<!\d)" + _HIJRI_PAIRED)


def _date_among_few_words(line: str | None, folded: str) -> ParsedDate | None:
    tokens = folded.split()
    if len(tokens) > _FEW_WORDS_MAX_TOKENS:
        return None
    other = sum(1 for t in tokens if not (_DATE_TOKEN_RE.match(t) or t.strip(_TOKEN_PUNCT) in _DATE_VOCABULARY))
    if other > _MAX_OTHER_WORDS:
        return None
    if not _HIJRI_MONTH_WORDS.isdisjoint(tokens) and not _HIJRI_PAIRED_RE.search(folded):
        return None  # a Hijri month with a year no Hijri date has: the line is not understood
    for m in _SEARCH_RE.finditer(folded):
        parsed = _to_parsed(m)
        if parsed is not None:
            hijri = _HIJRI_SEARCH_RE.search(folded)
            h = _to_parsed(hijri, line, folded) if hijri is not None else None
            if h is not None and h.iso[:10] == parsed.iso[:10]:
                return ParsedDate(parsed.iso, parsed.has_time, h.hijri)  # both calendars, one day
            return parsed
    for m in _HIJRI_SEARCH_RE.finditer(folded):
        parsed = _to_parsed(m, line, folded)
        if parsed is not None:
            return parsed
    return None


def normalise_spaces(line: str, folded: str) -> str | None:
    """``line`` padded or trimmed to match ``folded``'s surrounding spaces, or None if they differ
    otherwise (then the Hijri date is taken from the folded text)."""
    lead = len(folded) - len(folded.lstrip())
    trail = len(folded) - len(folded.rstrip())
    core = line.strip()
    return " " * lead + core + " " * trail if normalise(core) == folded.strip() else None


def looks_like_date(folded: str) -> bool:
    """Whether a line is a date, even one that cannot be read (then the report says so instead of
    guessing): a month name (Gregorian or Hijri) next to a number, and hardly any word that is not
    part of a date (a headline that mentions "25 أغسطس" is not a date line)."""
    if not _ANY_DIGIT_RE.search(folded):
        return False
    tokens = folded.split()
    if _MONTH_WORDS.isdisjoint(tokens) or not _MONTH_NEAR_NUMBER_RE.search(folded):
        return False
    other = sum(1 for t in tokens if not (_DATE_TOKEN_RE.match(t) or t.strip(_TOKEN_PUNCT) in _DATE_VOCABULARY))
    return other <= _MAX_OTHER_WORDS


# every word of every month name: a set lookup per word beats an alternation of sixty names; the
# words that are also plain words ("الأولى", "الثاني") do not count alone
_MONTH_WORDS = frozenset(w for name in (*MONTHS, *HIJRI_MONTHS) for w in name.split()) - {
    "الاول", "الثاني", "الاخر", "الاخرة", "الاولى", "الثانية", "ذو", "ذي"}
_MONTH_ALT = _alt([*MONTHS, *HIJRI_MONTHS])
_MONTH_NEAR_NUMBER_RE = re.compile(
    r"(?<!\d)\d{1,2}\s*[\-–/.]?\s*(?:" + _MONTH_ALT + r")(?!\w)|(?<!\w)(?:" + _MONTH_ALT + r")\s*[\-–/,،]?\s*\d{4}")
_TOKEN_PUNCT = ",،:؛|-–—/.()«»"
_DATE_TOKEN_RE = re.compile(r"^[\W\d_]*$")  # numbers, times, separators
_DATE_VOCABULARY = frozenset(
    w for phrase in (*MONTHS, *HIJRI_MONTHS, *WEEKDAYS, *LABELS, *UPDATED_LABELS, *_AM, *_PM)
    for w in phrase.split()) | {"ه", "هـ", "هجري", "هجرية", "ميلادي", "ميلادية", "الموافق", "الساعة", "بتوقيت",
                                "توقيت", "في", "يوم", "gmt", "utc"}
#: A date line may have this many words besides the date's own (a city, a zone, a label).
_MAX_OTHER_WORDS = 2


# "منذ 3 ساعات", "قبل يومين": when, relative to a day the text does not give.
_RELATIVE_RE = re.compile(
    r"^\W*(?:(?:نشر|نشرت|تم النشر|اخر تحديث|تحديث)\s*:?\s*)?(?:منذ|قبل)\s+(?:\d+\s*)?"
    r"(?:ساعة|ساعات|ساعتين|ساعتان|دقيقة|دقائق|دقيقتين|يوم|ايام|يومين|اسبوع|اسابيع|اسبوعين|شهر|اشهر|شهرين)"
    r"(?:\s+واحدة|\s+واحد)?\W*$"
    r"|^\W*\d+\s*(?:hours?|minutes?|days?|weeks?)\s+ago\W*$"
    r"|^\W*il y a\s+\d+\s*(?:heures?|minutes?|min|jours?|semaines?)\W*$"
    # "اليوم 10:30 ص", "أمس الساعة 22:15": the day is the one the page was seen
    r"|^\W*(?:اليوم|امس|البارحة|today|yesterday)\s*[,،\-–|]?\s*(?:الساعة\s*)?\d{1,2}:\d{2}\s*(?:ص|م|am|pm)?\W*$",
    re.IGNORECASE,
)


def is_relative_date(folded: str) -> bool:
    """A date given relative to when the page was seen ("منذ 3 ساعات"): a date line that cannot be read."""
    return len(folded) <= 40 and bool(_RELATIVE_RE.match(folded.strip()))


def with_hijri_of(chosen: ParsedDate, others: list[ParsedDate]) -> ParsedDate:
    """``chosen`` with the Hijri date of another date of the same day when it has none ("نشر: 12 فبراير
    2025 08:00 م" under the edition line "العدد 17412 | الأربعاء 12 فبراير 2025 | 13 شعبان 1446 هـ")."""
    if chosen.hijri is not None:
        return chosen
    day = chosen.iso[:10]
    hijri = next((d.hijri for d in others if d.hijri and d.iso[:10] == day), None)
    return chosen if hijri is None else replace(chosen, hijri=hijri)


def find_date(text: str) -> ParsedDate | None:
    """The first valid date anywhere in ``text`` (ISO 8601 strings are accepted as they are); a
    Hijri date is taken when there is no Gregorian one."""
    stripped = text.strip()
    try:
        dt = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        has_time = "T" in stripped or " " in stripped or ":" in stripped
        iso = dt.isoformat() if has_time else dt.date().isoformat()
        if has_time and stripped.endswith(("Z", "z")) and iso.endswith("+00:00"):
            iso = iso[:-6] + "Z"  # keep the source's UTC designator as written
        return ParsedDate(iso, has_time)
    folded = normalise(stripped)
    for m in _SEARCH_RE.finditer(folded):
        parsed = _to_parsed(m)
        if parsed:
            return parsed
    for m in _HIJRI_SEARCH_RE.finditer(folded):
        parsed = _to_parsed(m, stripped, folded)
        if parsed:
            return parsed
    return None
