"""Line classes and date forms of the fifth dev set's outlets (issue 16, round 3), each with a body line
that must stay: a time with its zone before a dotted date ("08:30 GMT 27.02.2025 (تم التحديث: ...)"),
a "latest news" list at the foot (a time, then a headline), and this round's caption forms; each
reversible (restore_original)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.ingest import lineclass
from annotations.ingest.cleanup import clean, load_rules, restore_original
from annotations.ingest.dates import normalise, parse_date_line
from tests.test_ingest_cleanup import _meta, assert_reversible

RULES = load_rules()
HEADLINE = "الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف"
LEAD = ("أعلنت الحكومة خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف، تشمل قروضاً ميسرة "
        "وبذوراً مجانية للموسم المقبل.")
BODY1 = "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل أكثر من مئتي ألف مزارع في ثماني محافظات."
BODY2 = "وأضاف أن صرف الدفعة الأولى من القروض يبدأ مطلع الشهر المقبل عبر البنوك الزراعية."
DATE = "الأحد 09 فبراير 2025 - 14:30"


def _clean(text):
    res = clean(text, RULES)
    assert restore_original(res.body, _meta(res)) == text
    return res


def _where(res):
    return {e["text"]: f"{kind}:{e['rule']}" for kind, entries in (("removed", res.removed),
                                                                   ("caption", res.captions)) for e in entries}


# ------------------------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(("line", "iso"), [
    ("08:30 GMT 27.02.2025 (تم التحديث: 09:12 GMT 27.02.2025)", "2025-02-27T08:30:00"),
    ("08:30 GMT 27.02.2025", "2025-02-27T08:30:00"),
    ("17:55 UTC+3 08.01.2025", "2025-01-08T17:55:00"),
    ("13 فبراير 2025 (آخر تحديث: 14 فبراير 2025)", "2025-02-13"),
    ("27 فبراير 2025 • 08:30", "2025-02-27T08:30:00"),  # a bullet before the time
    ("27 فبراير 2025 · 08:30 م", "2025-02-27T20:30:00"),
    ("27 فبراير 2025 • اقتصاد", "2025-02-27"),  # a section after the bullet: no time
])
def test_a_zoned_time_before_the_date(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize("line", [
    "09:05 GMT",  # a time alone is no date
    "08:30 GMT بدأت الجلسة الافتتاحية للمؤتمر",
    "انطلقت الجلسة عند 08:30 GMT واستمرت ساعتين وناقش فيها النواب مشروع الموازنة العامة للعام المقبل",
])
def test_zoned_times_that_are_no_date_line(line):
    assert parse_date_line(line) is None


# ------------------------------------------------------------------------------------- latest-news list
def test_a_latest_news_list_at_the_foot_goes_time_and_headline():
    items = ["09:05 GMT", "وزير الخارجية يصل إلى الجزائر في زيارة رسمية", "08:47 GMT",
             "ارتفاع أسعار الذهب وسط تراجع الدولار"]
    res = _clean("\n".join([HEADLINE, DATE, LEAD, BODY1, BODY2, "آخر الأخبار", *items]))
    where = _where(res)
    assert where["آخر الأخبار"] == "removed:read-also"
    assert all(where[item] == "removed:related" for item in items)
    assert res.body == "\n".join([LEAD, BODY1, BODY2])


def test_a_sentence_on_the_latest_news_stays():
    line = "آخر الأخبار تفيد بأن المفاوضات ستستأنف الأسبوع المقبل في القاهرة."
    res = _clean("\n".join([HEADLINE, DATE, LEAD, line, BODY1]))
    assert line in res.body.split("\n")
    res = _clean("\n".join([HEADLINE, DATE, LEAD, "آخر الأخبار", BODY1 + " " + BODY2]))
    assert BODY1 + " " + BODY2 in res.body.split("\n")  # a paragraph under the heading ends the list


# ------------------------------------------------------------------------------------------- reversible
_LINES = st.sampled_from([
    HEADLINE, LEAD, BODY1, BODY2, BODY1 + " " + BODY2, "", DATE,
    "08:30 GMT 27.02.2025 (تم التحديث: 09:12 GMT 27.02.2025)",
    "آخر الأخبار", "09:05 GMT", "ارتفاع أسعار الذهب وسط تراجع الدولار", "latest news", "مشاركة", "تم نسخ الرابط",
    "موظفون في أحد مراكز الأعمال في دبي", "مضخة نفط في حقل قرب مدينة ميدلاند. المصور: بلومبرغ",
    "طلاب يشاركون في التصفيات النهائية بدبي (من المصدر)", "ملايين المستخدمين في الأسواق متعددة اللغات - Unsplash",
    "العدد 17412 | الأربعاء 12 فبراير 2025 | 13 شعبان 1446 هـ", "نُشر: 12 فبراير 2025 08:00 م",
    "«اقرأ».. كلمة تصنع أمة", "اظهار أخبار متعلقة", "الرئيسية » أخبار » اقتصاد", "تكبير الخط | تصغير الخط",
    "مزارعون يقطفون الزيتون في إحدى قرى محافظة بيت لحم", "خريطة طريق لإنهاء الأزمة السياسية في البلاد",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=25))
def test_cleanup_with_this_rounds_classes_is_reversible(lines):
    assert_reversible("\n".join(lines), RULES)


# ------------------------------------------------------------------------- Hijri date of the edition line
def test_the_edition_lines_hijri_date_joins_the_publication_date_of_the_same_day():
    edition = "العدد 17412 | الأربعاء 12 فبراير 2025 | 13 شعبان 1446 هـ"
    res = _clean("\n".join([HEADLINE, edition, "نُشر: 12 فبراير 2025 08:00 م", LEAD, BODY1]))
    assert res.published is not None and res.published.iso == "2025-02-12T20:00:00"
    assert res.published.hijri == "13 شعبان 1446 هـ"


def test_a_hijri_date_of_another_day_is_not_the_publication_dates():
    edition = "العدد 17413 | الخميس 13 فبراير 2025 | 14 شعبان 1446 هـ"
    res = _clean("\n".join([HEADLINE, edition, "نُشر: 12 فبراير 2025 08:00 م", LEAD, BODY1]))
    assert res.published is not None and res.published.iso == "2025-02-12T20:00:00"
    assert res.published.hijri is None


# ------------------------------------------------------------------------------------------------ captions
SHARE = ["مشاركة", "نسخ الرابط", "تم نسخ الرابط"]


def test_a_short_line_under_the_share_bar_is_the_photos_caption():
    caption = "موظفون في أحد مراكز الأعمال في دبي"
    res = _clean("\n".join([HEADLINE, "إعداد: رنا سامي", *SHARE, caption, LEAD, BODY1]))
    assert _where(res)[caption] == "caption:caption-under-date" and res.body.startswith(LEAD)


def test_a_short_sentence_under_the_share_bar_opens_the_body():
    first = "أعلنت الحكومة خطة جديدة اليوم."
    res = _clean("\n".join([HEADLINE, *SHARE, first, BODY1]))
    assert res.body.startswith(first)


@pytest.mark.parametrize("caption", [
    "مضخة نفط في حقل قرب مدينة ميدلاند بولاية تكساس الأميركية. المصور: بلومبرغ",
    "سيارات كهربائية في ساحة تابعة للشركة بمدينة شنتشن. المصور: كيوشي أوتا/بلومبرغ",
    "طلاب يشاركون في التصفيات النهائية لتحدي القراءة العربي بدبي (من المصدر)",
    "يرفض الرئيس ما يصفه بإملاءات المؤسسات المالية الدولية - الرئاسة التونسية",
    "تستهدف الميزة الجديدة ملايين المستخدمين في الأسواق متعددة اللغات - Unsplash",
])
def test_credits_at_a_captions_end(caption):
    res = _clean("\n".join([HEADLINE, DATE, LEAD, caption, BODY1, BODY2]))
    assert res.captions and _where(res)[caption].startswith("caption:") and caption not in res.body


@pytest.mark.parametrize("line", [
    "وقال المصور: إن الصور التقطت في ساعات الصباح الأولى قبل وصول الفرق إلى المكان.",
    "وأصدرت الرئاسة بيانا أكدت فيه أن الزيارة ستتم في موعدها المحدد الأسبوع المقبل - الرئاسة.",
    "وأكد مدير المدرسة أن الطلاب حصلوا على الكتب من المصدر مباشرة دون أي وسيط تجاري.",
    "وقال رئيس الوزراء إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط (من المصدر).",
])
def test_body_lines_with_a_credits_words_stay(line):
    res = _clean("\n".join([HEADLINE, DATE, LEAD, line, BODY1, BODY2]))
    assert line in res.body.split("\n")


# ------------------------------------------------------------------------------- quotes, related toggles
def test_a_subheading_with_a_quoted_word_is_no_breadcrumb():
    sub = "«اقرأ».. كلمة تصنع أمة"
    assert not lineclass.is_breadcrumb(sub) and not lineclass.is_breadcrumb(sub, dashes=False)
    assert sub in _clean("\n".join([HEADLINE, DATE, LEAD, sub, BODY1, BODY2])).body.split("\n")


@pytest.mark.parametrize("crumb", ["الرئيسية » أخبار » اقتصاد", "الرئيسية « محليات « الكويت",
                                   "محليات › «الإسكان» تعلن"])
def test_guillemets_between_items_still_split_a_breadcrumb(crumb):
    assert lineclass.is_breadcrumb(crumb)


def test_a_show_related_toggle_heads_related_links():
    link = '"نيويورك تايمز": صور الأقمار الصناعية تكشف حجم الدمار في المدينة'
    res = _clean("\n".join([HEADLINE, DATE, LEAD, BODY1, "اظهار أخبار متعلقة", link, BODY2]))
    where = _where(res)
    assert where["اظهار أخبار متعلقة"] == "removed:read-also" and where[link] == "removed:related"
    assert res.body == "\n".join([LEAD, BODY1, BODY2])


def test_a_sentence_opening_with_show_stays():
    line = "عرض الفيلم في مهرجان القاهرة السينمائي وسط حضور كبير من النقاد والجمهور والصحفيين."
    assert line in _clean("\n".join([HEADLINE, DATE, LEAD, line, BODY1])).body.split("\n")


# ------------------------------------------------------------------------------------------------ headline
def test_a_toolbar_under_the_date_is_no_breadcrumb_for_the_headline():
    question = "هل تنجح خطة الحكومة الجديدة في دعم المزارعين هذا الموسم؟"
    caption = "صورة من جولة الوزير في الحقول الزراعية"
    res = _clean("\n".join(["الرئيسية", "محليات", "اقتصاد", DATE, question, "| كتب محمد عبدالعزيز |",
                            "نُشر: 12 فبراير 2025 08:00 م", "تكبير الخط | تصغير الخط", "مشاركة", caption, LEAD,
                            BODY1]))
    assert res.title == question and res.body.startswith(LEAD)


def test_a_breadcrumb_under_the_date_still_tops_the_headline():
    res = _clean("\n".join(["موقع الأخبار", DATE, "الرئيسية › أخبار › اقتصاد", HEADLINE, LEAD, BODY1]))
    assert res.title == HEADLINE and res.body.startswith(LEAD)


# ------------------------------------------------------------------------------------------ loose captions
PARA_A = ("وأوضح مدير عام الزيتون في وزارة الزراعة أن التقديرات الأولية تشير إلى تراجع الإنتاج هذا "
          "الموسم بنحو الثلث مقارنة بالعام الماضي.")
PARA_B = ("ويشكو مزارعون من صعوبة الوصول إلى أراضيهم القريبة من الجدار بسبب القيود المفروضة عليهم "
          "منذ بداية الموسم الحالي.")


@pytest.mark.parametrize("caption", [
    "مزارعون يقطفون الزيتون في إحدى قرى محافظة بيت لحم",
    "أعوان الحماية المدنية يكافحون النيران بأعالي بلدية أقبو",
    "خريطة توضح درجات الحرارة المتوقعة على مختلف المحافظات اليوم الثلاثاء",
    "صورة من لقاء الفريقين في الدور الأول للبطولة",
])
def test_a_scene_between_two_paragraphs_is_a_caption(caption):
    res = _clean("\n".join([HEADLINE, DATE, LEAD, PARA_A, caption, PARA_B]))
    assert _where(res)[caption] == "caption:caption-loose"


@pytest.mark.parametrize("line", [
    "المعلمون يطالبون بزيادة الرواتب",  # a subheading: short
    "خريطة طريق لإنهاء الأزمة السياسية في البلاد",
    "صورة قاتمة للاقتصاد العالمي في العام المقبل",
    "استطلاعات حديثة تظهر أن أقل من خمسة في المئة من الشباب يقرأون صحيفة مطبوعة أسبوعياً",
    "مقابلة الرئيس مع تلفزيون الدولة الرسمي حول الانتخابات المقبلة",
])
def test_subheadings_between_two_paragraphs_stay(line):
    res = _clean("\n".join([HEADLINE, DATE, LEAD, PARA_A, line, PARA_B]))
    assert line in res.body.split("\n")


QUOTE_INTRO = ("وروى أحد سكان القرية الليلة الصعبة التي قضاها رفقة جيرانه في محاولة حماية بيوتهم بوسائل "
               "بسيطة قبل وصول فرق الإطفاء، قائلا:")


def test_a_caption_above_a_paragraph_that_introduces_a_quotation():
    caption = "أعوان الحماية المدنية يكافحون النيران بأعالي بلدية أقبو"
    res = _clean("\n".join([HEADLINE, DATE, LEAD, PARA_A, caption, QUOTE_INTRO, '"الريح كانت تحمل النار"', BODY1]))
    assert _where(res)[caption] == "caption:caption-loose"


def test_a_short_line_ending_with_a_colon_is_no_paragraph_next_to_a_caption():
    line = "مزارعون يقطفون الزيتون في إحدى قرى محافظة بيت لحم"
    res = _clean("\n".join([HEADLINE, DATE, LEAD, PARA_A, line, "وقال المزارعون:", BODY1]))
    assert line in res.body.split("\n")


# ------------------------------------------------------------------------------- under a relative date
def test_a_short_line_under_a_relative_date_is_not_the_bodys_first():
    res = _clean("\n".join([HEADLINE, "منذ ساعتين", "محمد علي", LEAD, BODY1]))
    assert res.title == HEADLINE and res.body.startswith(LEAD)
    assert res.published is None and res.date_problem is not None  # never guessed


def test_the_first_sentence_under_a_relative_date_opens_the_body():
    first = "أعلنت الحكومة خطة جديدة اليوم."
    res = _clean("\n".join([HEADLINE, "منذ ساعتين", first, BODY1]))
    assert res.body.startswith(first)


@pytest.mark.parametrize("line", ["الرئيس التونسي قيس سعيد", "مدينة غزة القديمة", "خطة حكومية لدعم المزارعين"])
def test_an_office_or_a_place_under_the_date_is_no_writer(line):
    assert lineclass.name_line(line, normalise(line)) is None
    res = _clean("\n".join([HEADLINE, LEAD, "قبل 3 ساعات", line, BODY1]))
    assert res.author is None and _where(res)[line] == "caption:caption-under-date"
    assert res.body == "\n".join([LEAD, BODY1])


@pytest.mark.parametrize("line", ["هشام الدريوش", "عبد الرحمن الشامي"])
def test_a_writers_name_under_the_date_is_the_author(line):
    res = _clean("\n".join([HEADLINE, LEAD, "قبل 3 ساعات", line, BODY1]))
    assert res.author == line and res.body == "\n".join([LEAD, BODY1])
