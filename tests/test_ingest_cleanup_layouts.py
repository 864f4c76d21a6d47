"""Cleanup on page layouts it was not written for (issue 16): question headlines, captions under the
date, bylines and dates under a summary paragraph, tag runs, readers' comments, page dates, and the
line classes added for them (annotations.ingest.cleanup, lineclass, dates, cleanup_rules.json)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.ingest import lineclass
from annotations.ingest.boilerplate import line_key
from annotations.ingest.cleanup import clean, load_rules, restore_original
from annotations.ingest.dates import normalise
from tests.test_ingest_cleanup import _meta, assert_reversible

RULES = load_rules()
QUESTION = "هل تعود المفاوضات بين الطرفين قبل نهاية الشهر المقبل؟"
HEADLINE = "الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف"
LEAD = ("أعلنت الحكومة خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف، تشمل قروضاً ميسرة "
        "وبذوراً مجانية للموسم المقبل.")
BODY1 = "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل أكثر من مئتي ألف مزارع في ثماني محافظات."
BODY2 = "وأضاف أن صرف الدفعة الأولى من القروض يبدأ مطلع الشهر المقبل عبر البنوك الزراعية."
DATE = "الأحد 09 فبراير 2025 - 14:30"


def _reasons(res):
    return {e["text"]: e.get("reason", "caption") for e in res.removed + res.captions}


def test_a_short_question_is_a_headline_not_the_first_paragraph():
    res = clean(f"سياسة\n{QUESTION}\n{DATE}\n{LEAD}\n{BODY1}", RULES)
    assert res.title == QUESTION and res.body == f"{LEAD}\n{BODY1}"
    assert res.published.iso == "2025-02-09T14:30:00"
    sub = "ما الذي قالته الوزارة؟"  # a question under the first paragraph is a subheading: it stays
    res = clean(f"{QUESTION}\n{DATE}\n{LEAD}\n{sub}\n{BODY1}", RULES)
    assert res.title == QUESTION and res.body == f"{LEAD}\n{sub}\n{BODY1}"


def test_a_repeated_question_is_the_headline_and_both_copies_go():
    res = clean(f"رياضة\n{QUESTION}\n{QUESTION}\n{DATE}\n{LEAD}", RULES)
    assert res.title == QUESTION and res.body == LEAD
    assert _reasons(res)["رياضة"] == "page header above the headline"


def test_a_short_line_between_the_date_and_the_first_paragraph_is_a_caption():
    caption = "جانب من حقول القمح في المنطقة"  # no credit, no keyword: its place says what it is
    res = clean(f"{HEADLINE}\n{DATE}\n{caption}\n{LEAD}\n{BODY1}", RULES)
    assert res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}"
    assert [c["text"] for c in res.captions] == [caption]


def test_the_headline_is_above_the_date_not_the_caption_under_it():
    # the caption repeats the first paragraph's words more than the headline does
    caption = "مزارع يحصد القمح ضمن خطة دعم المزارعين في المناطق المتضررة من الجفاف (أرشيف الوزارة)"
    headline = "خطة حكومية للقطاع الزراعي بعد موسم صعب"
    res = clean(f"الموقع الإخباري\n{headline}\n{DATE}\n{caption}\n{LEAD}\n{BODY1}", RULES)
    assert res.title == headline and res.body == f"{LEAD}\n{BODY1}"
    # page date, section, article date, then the headline: no line above the last date can be it
    res = clean(f"السبت 1 مارس 2025\nاقتصاد\n{DATE}\n{HEADLINE}\n{LEAD}\n{BODY1}", RULES)
    assert res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}"


def test_byline_and_date_under_a_summary_paragraph_are_taken():
    # a site that prints the first paragraph right under the headline, then who filed it and when
    text = f"{HEADLINE}\n{LEAD}\nوكالة الأنباء/ رويترز\n{DATE}\n3 دقائق\nفيديو\n01:54\n{BODY1}\n{BODY2}"
    res = clean(text, RULES)
    assert res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"
    assert res.published.iso == "2025-02-09T14:30:00"
    reasons = _reasons(res)
    assert reasons[DATE] == "publication date" and reasons["01:54"] == "video length or clock"
    assert reasons["3 دقائق"] == "views or comments count" and reasons["فيديو"] == "media label"
    assert restore_original(res.body, _meta(res)) == text


def test_an_unlabelled_source_line_over_the_date_in_the_lead_is_its_byline():
    res = clean(f"{HEADLINE}\n{LEAD}\nالوكالة\n{DATE}\n{BODY1}", RULES)
    assert res.body == f"{LEAD}\n{BODY1}" and res.author == "الوكالة"


@pytest.mark.parametrize("date_line", [
    "نشرت في: 27/01/2025 - 14:30", "الاثنين 27 يناير 2025 14:30", "الإثنين 27 يناير 2025 14:30 GMT",
    "27 جانفي 2025 - 14:30", "27 كانون الثاني 2025 14:30",
])
def test_date_forms_under_a_summary_paragraph(date_line):
    res = clean(f"{HEADLINE}\n{LEAD}\n{date_line}\n{BODY1}", RULES)
    assert res.published.iso == "2025-01-27T14:30:00" and res.body == f"{LEAD}\n{BODY1}"


def test_a_summary_label_opens_the_body_with_the_summary():
    summary = "مساعدات للمزارعين بعد موسم من الجفاف في ثماني محافظات"  # no final stop: still body
    writer = "سامي السيد صحافي متخصص في الشؤون الاقتصادية @sami_elsayed"
    text = f"{HEADLINE}\n\nملخص\n\n{summary}\n\n{writer}\n\n{DATE}\n\n{LEAD}\n{BODY1}"
    res = clean(text, RULES)
    assert res.title == HEADLINE and res.body.split("\n")[0] == summary
    assert "ملخص" not in res.body.split("\n") and writer not in res.body and DATE not in res.body
    assert res.author == "سامي السيد صحافي متخصص في الشؤون الاقتصادية"
    assert res.published.iso == "2025-02-09T14:30:00"
    assert restore_original(res.body, _meta(res)) == text


def test_a_run_of_tags_under_a_tags_heading():
    tags = ["الزراعة", "الأمن الغذائي", "وزارة الزراعة المصرية"]
    text = f"{HEADLINE}\n{LEAD}\n{BODY1}\nكلمات مفتاحية\n" + "\n".join(tags) + f"\n{BODY2}"
    res = clean(text, RULES)
    assert res.body == f"{LEAD}\n{BODY1}\n{BODY2}"
    assert all(_reasons(res)[t] == "tags line" for t in tags)


def test_readers_comments_under_a_comments_count():
    comments = ["أبو خالد - ألمانيا: مقال جميل ومنصف، شكراً للكاتب", "نادية: المشكلة في المناهج قبل كل شيء"]
    text = f"{HEADLINE}\n{LEAD}\n{BODY1}\nالتعليقات (2)\n" + "\n".join(comments) + "\nاترك تعليقاً"
    res = clean(text, RULES)
    assert res.body == f"{LEAD}\n{BODY1}"
    assert [_reasons(res)[c] for c in comments] == ["reader comment"] * 2
    assert _reasons(res)["اترك تعليقاً"] == "comment prompt"
    res = clean(f"{HEADLINE}\n{LEAD}\nالتعليقات (0)\n{BODY1}", RULES)  # a paragraph is no comment
    assert res.body == f"{LEAD}\n{BODY1}"


def test_a_question_in_a_related_list_is_a_link():
    text = f"{HEADLINE}\n{LEAD}\n{BODY1}\nالأكثر قراءة\nلماذا ترتفع أسعار القمح في الشتاء؟\n5 أطعمة تساعد على النوم"
    res = clean(text, RULES)
    assert res.body == f"{LEAD}\n{BODY1}"


@pytest.mark.parametrize(
    ("noise", "reason"),
    [
        ("قراءة: 1254", "views or comments count"),
        ("قراءة 3 دقائق", "views or comments count"),
        ("قراءة دقيقة واحدة", "views or comments count"),
        ("4 دقائق", "views or comments count"),
        ("شاهد الفيديو", "media label"),
        ("02:37", "video length or clock"),
        ("يجب أن تكون مسجلاً للدخول لكتابة تعليق", "comment prompt"),
        ("المزيد من عرب وعالم", "'read also' link"),
        ("قد يهمك أيضاً", "'read also' link"),
        ("الرابط المختصر: https://example.com/a1b2", "short-link label"),
        ("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق", "cookie notice"),
        ("حجم الخط", "font-size buttons"),
        ("ع ع ع", "font-size buttons"),
        ("الفجر 04:52 الظهر 12:10 العصر 15:20", "prayer-times widget"),
    ],
)
def test_more_line_classes_anywhere_in_the_body(noise, reason):
    text = f"{HEADLINE}\n{LEAD}\n{noise}\n{BODY1}"
    res = clean(text, RULES)
    assert (res.body, _reasons(res)[noise]) == (f"{LEAD}\n{BODY1}", reason)
    assert restore_original(res.body, _meta(res)) == text


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("دبي - العربية.نت", "العربية.نت"),  # an outlet's domain
        ("العربية.نت - محمد الشمري", "محمد الشمري"),
        ("باريس- «القدس العربي»:", "القدس العربي"),  # a dash against the place, a colon after
    ],
)
def test_datelines_with_outlet_names(line, value):
    assert lineclass.dateline(line, normalise(line)).value == value
    res = clean(f"{HEADLINE}\n{line}\n{DATE}\n{LEAD}", RULES)
    assert res.body == LEAD and res.source == value


def test_writer_line_with_a_handle_and_reader_comment_shapes():
    line = "منى عبد الفتاح كاتبة وباحثة @mona_af"
    assert lineclass.handle_byline(line, normalise(line)).value == "منى عبد الفتاح كاتبة وباحثة"
    assert lineclass.handle_byline(LEAD, normalise(LEAD)) is None
    assert lineclass.is_reader_comment("نادية: رأيي أن الخطة متأخرة") and not lineclass.is_reader_comment(BODY1)


def test_a_byline_and_the_date_on_one_line():
    line = "كتب: محمد علي | الخميس 13 فبراير 2025 - 10:30 ص"
    by, parsed = lineclass.byline_and_date(line, normalise(line))
    assert (by.value, parsed.iso) == ("محمد علي", "2025-02-13T10:30:00")
    res = clean(f"{HEADLINE}\n{line}\n{LEAD}", RULES)
    assert res.author == "محمد علي" and res.published.iso == "2025-02-13T10:30:00" and res.body == LEAD
    headline = "قمة القاهرة - 3 مارس 2025"  # a headline that names a date is not a date line
    assert lineclass.byline_and_date(headline, normalise(headline)) is None


def test_a_page_date_the_batch_repeats_above_the_headline_is_never_the_publication_date():
    page = "الخميس، 13 فبراير 2025"
    res = clean(f"{page}\n{HEADLINE}\n{LEAD}\n{BODY1}", RULES, learned=frozenset({line_key(page)}))
    assert res.published is None and _reasons(res)[page] == "page date"
    assert "line 1" in res.date_problem and page in res.date_problem
    with_article = clean(f"{page}\n{HEADLINE}\n03:15 م الأحد 09 فبراير 2025\n{LEAD}", RULES,
                         learned=frozenset({line_key(page)}))
    assert with_article.published.iso == "2025-02-09T15:15:00"


def test_an_unreadable_date_is_reported_by_its_line_never_the_headline():
    headline = "الذهب يلامس 2900 دولار للأونصة للمرة الأولى في تاريخه"
    res = clean(f"{headline}\n45 فبراير 2025 - 13:42\n{LEAD}", RULES)
    assert res.title == headline and res.published is None
    assert res.date_problem.startswith("line 2:") and "45 فبراير 2025" in res.date_problem


def test_a_relative_date_is_not_guessed():
    res = clean(f"{HEADLINE}\nمنذ 3 ساعات\n{LEAD}", RULES)
    assert res.published is None and "منذ 3 ساعات" in res.date_problem and res.body == LEAD


_LINES = st.sampled_from([
    HEADLINE, QUESTION, LEAD, BODY1, BODY2, "", DATE, "ملخص", "كلمات مفتاحية", "الزراعة", "التعليقات (2)",
    "نادية: المشكلة في المناهج", "الأكثر قراءة", "01:54", "فيديو", "دبي - العربية.نت", "جانب من الحقول",
    "منذ 3 ساعات", "كتب: محمد علي | 13 فبراير 2025", "الوكالة",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=25))
def test_cleanup_of_these_layouts_is_reversible(lines):
    assert_reversible("\n".join(lines), RULES)


def test_a_short_exclamation_is_a_headline_too():
    headline = "أخيراً.. المطر يعود إلى المدينة بعد عامين من الجفاف!"
    res = clean(f"منوعات\n{headline}\n{DATE}\n{LEAD}", RULES)
    assert res.title == headline and res.body == LEAD


@pytest.mark.parametrize("caption", ["حقول القمح في الدلتا (الصورة: رويترز)", "وزير الزراعة خلال المؤتمر (واس)",
                                     "صورة تعبيرية (آيستوك)", "مزارعون في الحقول - أرشيف"])
def test_a_caption_credited_to_a_news_or_photo_agency_anywhere(caption):
    res = clean(f"{HEADLINE}\n{LEAD}\n{caption}\n{BODY1}", RULES)
    assert res.body == f"{LEAD}\n{BODY1}" and [c["text"] for c in res.captions] == [caption]


def test_an_unreadable_article_date_is_not_replaced_by_the_page_date_above_the_headline():
    res = clean(f"الجمعة 14 فبراير 2025\n{HEADLINE}\nالتاريخ: 45 فبراير 2025\n{LEAD}", RULES)
    assert res.published is None and res.date_problem.startswith("line 3:")
    res = clean(f"الجمعة 14 فبراير 2025\n{HEADLINE}\nالتاريخ: 12 فبراير 2025\n{LEAD}", RULES)
    assert res.published.iso == "2025-02-12"


def test_a_date_line_at_the_foot_of_the_body():
    res = clean(f"{HEADLINE}\n{LEAD}\n{BODY1}\nنشر بتاريخ: 13 فبراير 2025 - 10:30\n{BODY2}", RULES)
    assert res.published.iso == "2025-02-13T10:30:00" and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"
    res = clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n13 فبراير 2025", RULES)  # the header's date wins
    assert res.published.iso == "2025-02-09T14:30:00" and res.body == f"{LEAD}\n{BODY1}"


def test_tags_heading_variants():
    for heading in ("الكلمات الدلالية", "كلمات دلالية:", "الأوسمة"):
        res = clean(f"{HEADLINE}\n{LEAD}\n{BODY1}\n{heading}\nالزراعة\nالجفاف", RULES)
        assert res.body == f"{LEAD}\n{BODY1}", heading
