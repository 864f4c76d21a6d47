"""Arabic news dates to ISO 8601: both month-name series, Arabic-Indic digits and ص/م for AM/PM."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويلية": 7,
    "اغسطس": 8, "اب": 8, "اوت": 8,
    "سبتمبر": 9, "ايلول": 9, "شتنبر": 9,
    "اكتوبر": 10, "تشرين الاول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "نونبر": 11,
    "ديسمبر": 12, "كانون الاول": 12, "دجنبر": 12,
}  # fmt: skip

WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت")
# Words that introduce a date line on news sites ("published on", "last updated"...).
LABELS = ("تاريخ النشر", "نشر في", "نشر بتاريخ", "تم النشر", "اخر تحديث", "تحديث", "بتاريخ", "نشر")

_ANY_DIGIT_RE = re.compile("[0-9٠-٩۰-۹]")
# What normalise() changes: hamza-on-alef forms to bare alef; tatweel and diacritics dropped;
# Arabic-Indic and extended (Persian) digits to ASCII.
_FOLD_PAIRS = (
    tuple((ch, "ا") for ch in "أإآٱ")
    + tuple((chr(cp), "") for cp in (0x0640, *range(0x064B, 0x0653), 0x0670))
    + tuple((ch, str(i % 10)) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"))
)
_AM = ("ص", "صباحا", "am", "a.m.")
_PM = ("م", "مساء", "مساءا", "ظهرا", "عصرا", "pm", "p.m.")


def normalise(text: str) -> str:
    """ASCII digits, bare alef, no tatweel or diacritics: the form the patterns below expect."""
    # One C-level scan per character (``in``, then ``str.replace`` only for those present) beats a
    # regex pass or str.translate (a dict lookup per character) by far: this runs on every article.
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def _alt(words: tuple[str, ...] | list[str]) -> str:
    # Longest first, so "تشرين الاول" wins over a shorter name that is its prefix.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = _alt(list(MONTHS))
_TIME = (
    r"(?:\s*[,،\-–]?\s*(?:الساعة\s*)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>" + _alt(_AM + _PM) + r")(?![\w.]))?)?"
)
_NAMED = (
    r"(?P<day>\d{1,2})\s*(?P<month>" + _MONTH + r")"
    r"(?:\s*[/(\-]\s*(?:" + _MONTH + r")\s*\)?)?"  # "سبتمبر/أيلول", "أيلول (سبتمبر)"
    r"\s*[,،]?\s*(?P<year>\d{4})(?!\d)" + _TIME
)
_ISO = (
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"(?:[T\s]+(?P<ih>\d{1,2}):(?P<imin>\d{2})(?::(?P<isec>\d{2}))?)?"
)
# Day first, as Arabic sites write numeric dates; year-first slashes are unambiguous.
_NUMERIC = (
    r"(?:(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<ny>\d{4})|(?P<ry>\d{4})/(?P<rm>\d{1,2})/(?P<rd>\d{1,2}))"
    + _TIME.replace("?P<hour>", "?P<nhour>").replace("?P<minute>", "?P<nminute>")
    .replace("?P<second>", "?P<nsecond>").replace("?P<ampm>", "?P<nampm>")
)
_DATE = r"(?:" + _NAMED + r"|" + _ISO + r"|" + _NUMERIC + r")"
_SEARCH_RE = re.compile(r"(?<!\d)" + _DATE, re.IGNORECASE)
_LINE_RE = re.compile(
    r"^[\s\-–—•*|·:]*(?:(?:" + _alt(LABELS) + r")\s*:?\s*)?(?:(?:" + _alt(WEEKDAYS) + r")\s*[,،]?\s*)?"
    + _DATE + r"[\s|·\-–]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedDate:
    """A date found in text.

    Attributes:
        iso: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS``.
        has_time: whether a time of day was given.
    """

    iso: str
    has_time: bool


def _to_parsed(m: re.Match[str]) -> ParsedDate | None:
    g = m.groupdict()
    if g["day"]:
        y, mo, d = int(g["year"]), MONTHS[re.sub(r"\s+", " ", g["month"])], int(g["day"])
        h, mi, s, ampm = g["hour"], g["minute"], g["second"], g["ampm"]
    elif g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        h, mi, s, ampm = g["ih"], g["imin"], g["isec"], None
    else:
        if g["nd"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
        else:
            y, mo, d = int(g["ry"]), int(g["rm"]), int(g["rd"])
        h, mi, s, ampm = g["nhour"], g["nminute"], g["nsecond"], g["nampm"]
    try:
        if h is None:
            return ParsedDate(date(y, mo, d).isoformat(), False)
        hour = int(h)
        if ampm:
            pm = ampm.lower() in _PM
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if pm else 0)
        return ParsedDate(datetime(y, mo, d, hour, int(mi), int(s or 0)).isoformat(), True)
    except ValueError:  # 31 February, 25:00 and the like are not dates
        return None


def parse_date_line(line: str, folded: str | None = None) -> ParsedDate | None:
    """Parse a line that holds nothing but a date (and bullets, a weekday or "published on").

    ``folded`` may give ``normalise(line)`` when the caller has it already (spaces at either end
    do not matter)."""
    if len(line) > 120 or not _ANY_DIGIT_RE.search(line):
        return None  # every date form has digits; most header lines (titles) have none
    m = _LINE_RE.match(normalise(line) if folded is None else folded)
    return _to_parsed(m) if m else None


def find_date(text: str) -> ParsedDate | None:
    """The first valid date anywhere in ``text`` (ISO 8601 strings are accepted as they are)."""
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
    for m in _SEARCH_RE.finditer(normalise(stripped)):
        parsed = _to_parsed(m)
        if parsed:
            return parsed
    return None
