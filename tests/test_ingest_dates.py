"""Arabic news dates: both month series, Arabic-Indic digits, ص/م (annotations.ingest.dates)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.ingest.dates import find_date, parse_date_line

EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر"]
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("- 5 أكتوبر 2023, 9:32:00 ص", "2023-10-05T09:32:00"),
        ("- 10 يناير 2025", "2025-01-10"),
        ("الأربعاء ٤ تشرين الأول ٢٠٢٣ - ٣:١٥ م", "2023-10-04T15:15:00"),
        ("نُشر في: 12 كانون الثاني 2024 12:05 ص", "2024-01-12T00:05:00"),
        ("12 كانون الأول 2022 12:30 م", "2022-12-12T12:30:00"),
        ("27 سبتمبر/أيلول 2020", "2020-09-27"),
        ("3 آب 2021", "2021-08-03"),
        ("آخر تحديث: 05/10/2023 10:00 مساءً", "2023-10-05T22:00:00"),
        ("2023-10-05 09:32", "2023-10-05T09:32:00"),
    ],
)
def test_date_lines(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    "line",
    ["- ℃ 11 تركيا", "31 شباط 2020", "10 يناير 2025 13:00 م", "وفي 27 سبتمبر/أيلول 2020، أطلق جيش أذربيجان عملية",
     "روسيا تؤكد إجراء محادثات"],
)
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_find_date_inside_a_sentence_and_iso_strings():
    assert find_date("وفي 27 سبتمبر/أيلول 2020، أطلق جيش أذربيجان عملية").iso == "2020-09-27"
    assert find_date("2023-10-05T09:32:00").iso == "2023-10-05T09:32:00"
    assert find_date("2023-10-05").iso == "2023-10-05"
    assert find_date("غدا") is None


@given(
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2099, 12, 31)),
    st.sampled_from([EGYPTIAN, LEVANTINE]),
    st.booleans(),
    st.booleans(),
)
def test_round_trip_generated_arabic_dates(dt, months, indic, with_time):
    hour12 = dt.hour % 12 or 12
    text = f"{dt.day} {months[dt.month - 1]} {dt.year}"
    if with_time:
        text += f"، {hour12}:{dt.minute:02d}:{dt.second:02d} {'م' if dt.hour >= 12 else 'ص'}"
    if indic:
        text = text.translate(INDIC)
    parsed = parse_date_line("- " + text)
    expected = dt.replace(microsecond=0).isoformat() if with_time else dt.date().isoformat()
    assert parsed is not None and parsed.iso == expected
    assert parsed.has_time == with_time


# bidi marks and embeddings, zero-width spaces and joiners, the BOM
INVISIBLE = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def _normalise_reference(text: str) -> str:
    """normalise() spelled out one character at a time, as its docstring defines it."""
    out = []
    for ch in text:
        if ch in "أإآٱ":
            out.append("ا")
        elif ch in "\u06cc\u06a9":  # Persian yeh and keheh
            out.append("ي" if ch == "\u06cc" else "ك")
        elif ch == "\u0640" or "\u064b" <= ch <= "\u0652" or ch == "\u0670":
            continue
        elif "٠" <= ch <= "٩":
            out.append(str(ord(ch) - 0x0660))
        elif "۰" <= ch <= "۹":
            out.append(str(ord(ch) - 0x06F0))
        elif ch in INVISIBLE:
            continue  # invisible format characters: bidi marks, zero-width spaces and joiners, BOM
        else:
            out.append(ch)
    return "".join(out)


@given(st.text(alphabet=st.sampled_from("أإآٱاـًٌٍَُِّْٰ٠١٩۰۴۹09 \nبتةكيیک🙂\u200f\u200c\u202b\ufeff")))
def test_normalise_folds_each_character_as_defined(text):
    from annotations.ingest.dates import normalise

    assert normalise(text) == _normalise_reference(text)
    assert normalise(text).count("\n") == text.count("\n")  # cleanup relies on the same lines


@pytest.mark.parametrize(
    ("line", "iso", "hijri"),
    [
        ("12 شعبان 1446 هـ", "2025-02-11", "12 شعبان 1446 هـ"),
        ("الخميس ٥ محرم ١٤٤٦هـ", "2024-07-11", "٥ محرم ١٤٤٦هـ"),
        ("الثلاثاء - 3 شعبان 1445 هـ - 13 فبراير 2024 مـ", "2024-02-13", "3 شعبان 1445 هـ"),
        ("12 رمضان 1446 هـ الموافق 12 مارس 2025 م", "2025-03-12", "12 رمضان 1446 هـ"),
        ("13 فبراير 2024 م - 3 شعبان 1445 هـ", "2024-02-13", "3 شعبان 1445 هـ"),
        ("1 ذو الحجة 1445 هجري", "2024-06-07", "1 ذو الحجة 1445 هجري"),
        ("10 جمادى الآخرة 1446هـ 10:30 ص", "2024-12-11T10:30:00", "10 جمادى الآخرة 1446هـ"),
        ("ـ12 شَعبان 1446 هـ", "2025-02-11", "12 شَعبان 1446 هـ"),  # tatweel and a diacritic, kept as written
    ],
)
def test_hijri_dates_are_converted_and_kept_as_written(line, iso, hijri):
    parsed = parse_date_line(line)
    assert parsed is not None and (parsed.iso, parsed.hijri) == (iso, hijri)


def test_hijri_conversion_is_umm_al_qura():
    from hijridate import Hijri

    from annotations.ingest.dates import hijri_to_gregorian

    for y, m, d in [(1446, 9, 1), (1400, 1, 1), (1445, 12, 10)]:
        assert hijri_to_gregorian(y, m, d) == Hijri(y, m, d).to_gregorian()
    assert hijri_to_gregorian(1446, 8, 30) is None  # Sha'ban 1446 has 29 days
    assert hijri_to_gregorian(1200, 1, 1) is None  # before the Umm al-Qura tables


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("۱۲ فبراير ۲۰۲۵", "2025-02-12"),  # Persian digits
        ("الأحد، ١٦ شباط ٢٠٢٥ ١٨:٤٥", "2025-02-16T18:45:00"),  # weekday, Levantine month, 24-hour time
        ("14-11-2024 | 10:21", "2024-11-14T10:21:00"),  # day-first with dashes, a bar before the time
        ("نشر في: ١٤ فبراير ٢٠٢٥ - ١٠:٣٠ بتوقيت أبوظبي", "2025-02-14T10:30:00"),  # a time zone after it
        ("12/2/2025 03:15 م (توقيت مكة)", "2025-02-12T15:15:00"),
        ("الجمعة 14 فبراير 2025 - 14:30", "2025-02-14T14:30:00"),
        ("13 فبراير/ شباط 2025", "2025-02-13"),
        ("14.02.2025", "2025-02-14"),
        ("10 جانفي 2025", "2025-01-10"),
    ],
)
def test_more_gregorian_date_lines(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso and parsed.hijri is None


@pytest.mark.parametrize("line", ["30 شعبان 1446 هـ", "12 شعبان 1446", "14-11/2024", "1446 هـ"])
def test_not_hijri_date_lines(line):
    assert parse_date_line(line) is None


def test_find_date_takes_a_hijri_date_when_there_is_no_gregorian_one():
    found = find_date("نشر يوم 12 شعبان 1446 هـ")
    assert (found.iso, found.hijri) == ("2025-02-11", "12 شعبان 1446 هـ")
    assert find_date("12 شعبان 1446 هـ - 11 فبراير 2025").iso == "2025-02-11"


@pytest.mark.parametrize(("line", "dated"), [("31 شباط 2025", True), ("30 صفر 1446 هـ", True),
                                             ("أخبار اليوم", False), ("عدد 12 من المجلة", False)])
def test_looks_like_date(line, dated):
    from annotations.ingest.dates import looks_like_date, normalise

    assert looks_like_date(normalise(line)) is dated


@pytest.mark.parametrize(
    ("line", "iso", "hijri"),
    [
        ("03:15 م الأحد 09 فبراير 2025", "2025-02-09T15:15:00", None),  # the time before the date
        ("نشر في: 09 فبراير ,2025: 03:15 م GST", "2025-02-09T15:15:00", None),  # ",2025:" and a zone
        # published, then updated, on one line: the first is the publication date
        ("نشر في: 11 فبراير ,2025: 08:05 ص GST آخر تحديث: 11 فبراير ,2025: 10:20 ص GST", "2025-02-11T08:05:00", None),
        ("12 - فبراير - 2025", "2025-02-12", None),  # dashes around the month
        ("16 - فبراير - 2025 | 14:20", "2025-02-16T14:20:00", None),
        # a Hijri date without its era mark next to the Gregorian one, before or after it
        ("الثلاثاء 18 رمضان 1446 الموافق 18 مارس 2025 - 09:15 م", "2025-03-18T21:15:00", "18 رمضان 1446"),
        ("الخميس ٢٠ مارس ٢٠٢٥ | ٢٠ رمضان ١٤٤٦", "2025-03-20", "٢٠ رمضان ١٤٤٦"),
        ("9 فبراير 2025 00:15 صباحًا", "2025-02-09T00:15:00", None),  # midnight with an AM mark
        ("الأربعاء 14 غشت 2024 - 09:12", "2024-08-14T09:12:00", None),  # the Moroccan series
        ("3 يوليوز 2024", "2024-07-03", None),
        ("۱۴ غشت ۲۰۲۴ ۰۹:۱۲", "2024-08-14T09:12:00", None),  # Persian digits
        ("فبراير 13، 2025 10:30 ص", "2025-02-13T10:30:00", None),  # month first
        ("يوم الخميس 13 فبراير 2025", "2025-02-13", None),
        ("2025-02-13T10:30:00+03:00", "2025-02-13T10:30:00", None),
    ],
)
def test_date_forms_seen_on_other_sites(line, iso, hijri):
    parsed = parse_date_line(line)
    assert parsed is not None and (parsed.iso, parsed.hijri) == (iso, hijri)


def test_a_hijri_date_without_era_mark_is_read_only_next_to_a_gregorian_one():
    assert parse_date_line("18 رمضان 1446 الموافق 18 مارس 2025").hijri == "18 رمضان 1446"
    assert parse_date_line("12 رمضان 1446") is None  # alone it needs its era mark
    assert parse_date_line("18 رمضان 1200 الموافق 18 مارس 2025") is None  # a Hijri year is 13xx-14xx there
    assert parse_date_line("10 يناير 2025 00:30 م") is None  # midnight takes no PM mark


def test_looks_like_date_needs_a_date_and_little_else():
    from annotations.ingest.dates import looks_like_date, normalise

    headlines = ["الذهب يلامس 2900 دولار للأونصة للمرة الأولى في تاريخه",  # "الأولى" is no month
                 "«التربية» تعتمد تقويماً جديداً للعام الدراسي المقبل يبدأ في 25 أغسطس",  # it names a date
                 "كانون الثاني 2025 الأشد حرارة على الإطلاق رغم ظاهرة لا نينا",
                 "التضخم يتراجع إلى 0.7 في المائة خلال دجنبر الماضي"]
    assert not any(looks_like_date(normalise(h)) for h in headlines)
    assert looks_like_date(normalise("نشر في: 45 فبراير ,2025: 03:15 م GST"))
    assert looks_like_date(normalise("الأحد 31 فبراير 2025 - 14:30"))


@pytest.mark.parametrize(("line", "relative"), [("منذ 3 ساعات", True), ("قبل يومين", True), ("نشر منذ 5 دقائق", True),
                                                ("3 hours ago", True), ("منذ أن بدأت الحرب", False)])
def test_relative_dates(line, relative):
    from annotations.ingest.dates import is_relative_date, normalise

    assert is_relative_date(normalise(line)) is relative


@pytest.mark.parametrize(
    ("line", "iso", "hijri"),
    [
        ("1446/08/14 هـ", "2025-02-13", "1446/08/14 هـ"),  # a year of 1300-1499 is Hijri
        ("1446/08/14هـ الموافق 2025/02/13م", "2025-02-13", "1446/08/14هـ"),
        ("الخميس 13/02/2025م - 14/08/1446هـ", "2025-02-13", "14/08/1446هـ"),
        ("1446/08/14هـ - 13 فبراير 2025 10:30 ص", "2025-02-13T10:30:00", "1446/08/14هـ"),
    ],
)
def test_numeric_hijri_dates(line, iso, hijri):
    parsed = parse_date_line(line)
    assert parsed is not None and (parsed.iso, parsed.hijri) == (iso, hijri)
    assert parse_date_line("1446/08/14") is None  # alone, without its era mark: not read as either calendar


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("13 فبراير 2025 09:30 (ت.غ)", "2025-02-13T09:30:00"),  # توقيت غرينتش, abbreviated
        ("13 فبراير 2025 09:30 ت.غ", "2025-02-13T09:30:00"),
        ("11 فبراير 2025 - 09:00 ص (مكة المكرمة)", "2025-02-11T09:00:00"),  # the zone as a place in brackets
        ("الساعة 10:30 - 13 فبراير 2025", "2025-02-13T10:30:00"),  # the time first, with الساعة
        ("أُضيف في 13 فبراير 2025", "2025-02-13"),
        ("آخر تعديل: 13/02/2025 10:00", "2025-02-13T10:00:00"),
        ("13 Feb 2025", "2025-02-13"),  # English month names, as some Arabic sites print them
        ("February 13, 2025", "2025-02-13"),
        ("13 Feb. 2025", "2025-02-13"),
        ("13 May 2025 10:30", "2025-05-13T10:30:00"),
        ("١٣/٠٢/٢٠٢٥ - ١٠:٣٠", "2025-02-13T10:30:00"),
        ("الجمعة 12 جويلية 2024", "2024-07-12"),
    ],
)
def test_zones_labels_and_english_months(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize("line", ["13 فبراير 2025 (القاهرة) وزير الخارجية يصل إلى العاصمة",
                                  "May the talks succeed in 2025", "13 Febr 2025", "الساعة الخامسة 13 فبراير"])
def test_not_date_lines_near_those_forms(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize(("line", "relative"), [("اليوم 10:30 ص", True), ("أمس الساعة 22:15", True),
                                                ("منذ ساعة واحدة", True), ("اليوم يبدأ العام الدراسي", False)])
def test_today_and_yesterday_are_relative(line, relative):
    from annotations.ingest.dates import is_relative_date, normalise

    assert is_relative_date(normalise(line)) is relative
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "iso", "hijri"),
    [
        ("القاهرة - الخميس 13 فبراير 2025", "2025-02-13", None),  # a place before or after the date
        ("القاهرة في 13 فبراير 2025", "2025-02-13", None),
        ("الخميس 13 فبراير 2025 | 10:30 ص | القاهرة", "2025-02-13T10:30:00", None),
        ("الرياض 13-02-2025", "2025-02-13", None),
        ("الخميس 13 فبراير 2025 العدد 5678", "2025-02-13", None),  # a newspaper's issue number
        ("13 فبراير 2025 - 10:30 ص (آخر تحديث: 11:00 ص)", "2025-02-13T10:30:00", None),
        ("الرياض - 14 شعبان 1446 هـ", "2025-02-13", "14 شعبان 1446 هـ"),
        ("الرياض: الخميس 14 شعبان 1446 هـ الموافق 13 فبراير 2025", "2025-02-13", "14 شعبان 1446 هـ"),
    ],
)
def test_a_date_among_a_few_other_words(line, iso, hijri):
    parsed = parse_date_line(line)
    assert parsed is not None and (parsed.iso, parsed.hijri) == (iso, hijri)


@pytest.mark.parametrize("line", ["الذهب يلامس 2900 دولار للأونصة للمرة الأولى في تاريخه",
                                  "وزير الخارجية يزور القاهرة في 13 فبراير 2025 لبحث الأزمة",
                                  "31 شباط 2025 القاهرة", "18 رمضان 1200 الموافق 18 مارس 2025"])
def test_a_headline_that_names_a_date_or_a_bad_date_is_not_read(line):
    assert parse_date_line(line) is None


def test_persian_letters_in_an_arabic_date():
    assert parse_date_line("۱۳ فبرایر ۲۰۲۵").iso == "2025-02-13"  # Persian yeh and digits, as Iranian outlets write
