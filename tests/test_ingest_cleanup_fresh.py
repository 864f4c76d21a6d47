"""Line classes and date forms of the fourth dev set's outlets (issue 16, round 2), each with a body line
of some other outlet that must stay: times after an ISO date ("2025-02-23 | 14:32"), "13h37" clocks,
"•آخر تحديث" tails, a relative date under the headline with an absolute one at the foot
(annotations.ingest.dates, cleanup), and the line classes and caption passes of this round (cleanup_rules.json,
lineclass, captions), each reversible (restore_original)."""

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


def _clean(text):
    res = clean(text, RULES)
    assert restore_original(res.body, _meta(res)) == text
    return res


# ------------------------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(("line", "iso"), [
    ("2025-02-23 | 14:32", "2025-02-23T14:32:00"),
    ("۲۰۲۵-۰۳-۲۰ | ۲۱:۱۰", "2025-03-20T21:10:00"),  # Persian digits
    ("2024-11-05 - 08:05", "2024-11-05T08:05:00"),
    ("الأربعاء 21 ماي 2025 على الساعة 13h37", "2025-05-21T13:37:00"),
    ("12 مارس 2025 - 18h30", "2025-03-12T18:30:00"),
    ("نشرت في 10/04/2024 - 19:45 GMT+2 •آخر تحديث 21:02 GMT+2", "2024-04-10T19:45:00"),
    ("التاريخ 04.03.2025", "2025-03-04"),
])
def test_date_line_forms(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize("line", [
    "وانطلقت المباراة على الساعة 18h30 بحضور جماهيري كبير",  # a clock in a sentence is no date line
    "2025-02-23 | اقتصاد | أسواق | بورصة | نفط",
    "1h30 من التشويق",
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_a_relative_date_under_the_headline_gives_way_to_a_date_at_the_foot():
    res = _clean(f"{HEADLINE}\nقبل 3 ساعات\n{LEAD}\n{BODY1}\n{BODY2}\nالتاريخ 04.03.2025")
    assert res.published is not None and res.published.iso == "2025-03-04"
    assert res.date_problem is None and "التاريخ" not in res.body


def test_an_unread_date_under_the_headline_is_not_replaced_by_one_at_the_foot():
    # a date line that is not understood may be the article's: a date at the foot is not taken for it
    res = _clean(f"{HEADLINE}\n31 شباط 2025\n{LEAD}\n{BODY1}\n{BODY2}\n04.03.2025")
    assert res.published is None and res.date_problem is not None


def test_a_relative_date_alone_leaves_the_date_empty():
    res = _clean(f"{HEADLINE}\nقبل 5 ساعات\n{LEAD}\n{BODY1}\n{BODY2}")
    assert res.published is None and "قبل 5 ساعات" in (res.date_problem or "")


def _article(*middle: str) -> str:
    return "\n".join([HEADLINE, "الأحد 09 فبراير 2025 - 14:30", LEAD, BODY1, *middle, BODY2])


def _where(res) -> dict[str, str]:
    return {**{e["text"]: e["rule"] for e in res.removed}, **{e["text"]: "caption:" + e["rule"] for e in res.captions}}


# ------------------------------------------------------------------------------- photo credits, captions
@pytest.mark.parametrize("credit", ["Credit: Getty Images", "Photo: AFP", "Courtesy: Nour Studio",
                                    "صورة من: Oliver Berg/dpa/picture alliance", "تصوير: محمد علي",
                                    "حقوق النشر  Jean-Francois Badias/Copyright 2024 The AP. All rights reserved"])
def test_a_credit_line_and_the_caption_above_it_are_captions(credit):
    caption = "مناطيد تحلق فوق جبل الفيل في العلا مع شروق الشمس."  # a caption may end like a sentence
    res = _clean(_article(caption, credit))
    where = _where(res)
    assert where[credit].startswith("caption:") and where[caption] == "caption:caption-credit"
    assert BODY1 in res.body and BODY2 in res.body


def test_a_paragraph_above_a_credit_stays():
    # a photo without a caption: the paragraph above its credit is longer than any caption
    para = ("وأوضح المتحدث باسم الوزارة أن الحكومة خصصت ميزانية إضافية لدعم المزارعين الذين تضرروا من موجة "
            "الجفاف الأخيرة، على أن تصرف على دفعتين خلال الأشهر الستة المقبلة بحسب الأولوية.")
    res = _clean(_article(para, "Credit: Getty Images"))
    assert para in res.body and "Credit" not in res.body


@pytest.mark.parametrize("line", ["صورة من داخل الاجتماع تسربت إلى وسائل الإعلام: الوزير غاضب.",
                                  "حقوق النشر في العالم العربي تحتاج إلى قانون جديد، كما قال الوزير.",
                                  "Photography is his passion, he said."])
def test_body_lines_that_start_like_a_credit_stay(line):
    assert line in _clean(_article(line)).body


def test_editors_note_is_removed_a_sentence_about_a_note_stays():
    note = ("ملاحظة المحرر: هذا المقال بقلم رشا السعيد، أخصائية في علم النفس التربوي. الآراء الواردة أدناه "
            "تعبر عن رأي الكاتبة.")
    kept = "وقالت في ملاحظة المحرر التي نشرتها الصحيفة إن الخطأ صحح لاحقاً."
    res = _clean(_article(note, kept))
    assert _where(res)[note] == "editor-note" and kept in res.body


def test_a_label_and_a_url_is_a_link_line_a_sentence_with_one_stays():
    link = "رابط دائم https://p.example.com/p/4rKq2"
    kept = "ويمكن الاطلاع على التقرير كاملاً عبر موقع الوزارة https://example.gov/report."
    res = _clean(_article(link, kept))
    assert _where(res)[link] == "link-line" and kept in res.body


@pytest.mark.parametrize("line", ["تعليقات القراء (٤)", "تعليقات القراء (12)", "التعليقات: 7"])
def test_comment_counts_with_any_digits(line):
    assert _where(_clean(_article(line)))[line] == "counts"


def test_a_sentence_about_readers_comments_stays():
    kept = "وتلقت الصحيفة تعليقات القراء (أكثر من 400 رسالة) خلال يومين."
    assert kept in _clean(_article(kept)).body


def test_a_menu_in_the_body_is_no_caption():
    line = "اقتصاد | أسواق | نفط"  # a menu has more bars
    assert _where(_clean(_article(line)))[line] == "breadcrumb"


@pytest.mark.parametrize("line", ["موظفون أمام أحد المصارف في أربيل بانتظار تسلم رواتبهم. صورة: رووداو",
                                  "حقل نفطي في محافظة دهوك. تصوير: أرشيف الموقع"])
def test_a_caption_with_its_credit_after_a_full_stop(line):
    assert _where(_clean(_article(line)))[line].startswith("caption:")


def test_a_sentence_ending_with_a_colon_phrase_stays():
    kept = "وقال الوزير إن الصورة واضحة. صورة: لم تعد تحتمل التأويل، وفق ما قال لاحقاً في المؤتمر."
    assert kept in _clean(_article(kept)).body


@pytest.mark.parametrize("line", ["إحدى الحافلات الكهربائية خلال مرحلة التشغيل التجريبي في منطقة القوز | من المصدر",
                                  "أفران في مدينة درعا – 20 شباط 2025 (عنب بلدي/ حليم محمد)"])
def test_captions_with_a_credit_after_a_bar_or_an_outlet_and_photographer(line):
    assert _where(_clean(_article(line)))[line] == "caption:caption-credit"


@pytest.mark.parametrize("line", ["الأسعار ارتفعت في الأسواق | 3 في المئة خلال الشهر",  # figures: no credit
                                  "وقال الوزير (في حديث مع الصحيفة/ الموقع الرسمي للوزارة) إن الخطة جاهزة"])
def test_lines_with_a_bar_or_brackets_that_are_no_caption(line):
    assert line in _clean(_article(line)).body


@pytest.mark.parametrize("line", ["ع.ح/ ص.ش (د ب أ، أ ف ب)", "م.أ.م/ ع.ج.م (رويترز، أ ف ب، د ب أ)", "ح.ز/ ع.ش"])
def test_editors_initials_are_removed(line):
    assert _where(_clean(_article(line)))[line] == "initials-signature"


def test_a_name_with_a_title_is_no_initials_signature():
    kept = "أ.د/ محمد علي (جامعة القاهرة) يشرح أسباب الأزمة."
    assert kept in _clean(_article(kept)).body


@pytest.mark.parametrize("line", ["اذهب إلى المحتوى الرئيسي", "تخطي إلى القائمة الرئيسية", "Skip to main content"])
def test_skip_links_at_the_top(line):
    res = _clean(f"{line}\n{HEADLINE}\nالأحد 09 فبراير 2025 - 14:30\n{LEAD}\n{BODY1}")
    assert _where(res)[line] == "skip-link" and res.title == HEADLINE


def test_a_sentence_about_going_to_content_stays():
    kept = "انتقل إلى المحتوى الجديد أكثر من مليون مستخدم خلال أسبوع واحد."
    assert kept in _clean(_article(kept)).body


def test_a_labelled_byline_with_agencies():
    res = _clean(f"{HEADLINE}\nبقلم:  يورونيوز عربي مع أ ف ب\nالأحد 09 فبراير 2025 - 14:30\n{LEAD}\n{BODY1}")
    assert res.author == "يورونيوز عربي مع أ ف ب" and "بقلم" not in res.body


@pytest.mark.parametrize("name", ["هشام الدريوش", "سهام أشطو - الرباط"])
def test_a_name_under_a_relative_date_under_the_summary_is_the_byline(name):
    res = _clean(f"{HEADLINE}\n{LEAD}\nقبل 3 ساعات\n{name}\n{BODY1}\n{BODY2}")
    assert name not in res.body and res.body.startswith(LEAD)


def test_a_short_body_line_under_a_date_in_the_story_stays():
    # under the summary and its date, a subheading is no name
    sub = "ما الذي تغير بالضبط"
    res = _clean(f"{HEADLINE}\n{LEAD}\nقبل 3 ساعات\n{sub}\n{BODY1}\n{BODY2}")
    assert sub in res.body


# ------------------------------------------------------------------------ captions without a credit
def _story(line: str) -> str:
    return "\n".join([HEADLINE, "الأحد 09 فبراير 2025 - 14:30", LEAD, BODY1 + " " + BODY2, line,
                      BODY2 + " " + BODY1])


@pytest.mark.parametrize("caption", ["مقر البنك المركزي المصري بوسط القاهرة",
                                     "لاعبو المنتخب خلال التدريبات الأخيرة على الملعب قبل السفر"])
def test_a_caption_between_two_paragraphs(caption):
    res = _clean(_story(caption))
    assert _where(res)[caption] == "caption:caption-loose" and BODY1 in res.body


@pytest.mark.parametrize("line", [
    "انتقادات المعارضة",  # a subheading: a few words
    "الليالي الحارة أخطر من النهار",
    "كيف تؤثر الرسوم الجديدة على أسعار السلع المستوردة",  # a question without its mark
    "وقال الوزير إن الخطة ستنفذ على مراحل خلال العامين المقبلين",  # a sentence without its full stop
    "5 نصائح لتوفير الطاقة في منزلك هذا الصيف",
    "المرحلة الثانية: توسيع الشبكة إلى المحافظات الشمالية",
])
def test_lines_between_paragraphs_that_are_no_caption(line):
    assert line in _clean(_story(line)).body


def test_a_caption_like_line_next_to_a_short_line_stays():
    line = "مقر البنك المركزي المصري بوسط القاهرة"
    text = "\n".join([HEADLINE, "الأحد 09 فبراير 2025 - 14:30", LEAD, BODY1 + " " + BODY2, line, "انتقادات المعارضة",
                      BODY2 + " " + BODY1])
    assert line in _clean(text).body


def test_a_heading_with_figures_between_paragraphs_stays():
    line = "المرحلة الثانية من الخطة الوطنية للطاقة (2025-2030)"
    assert line in _clean(_story(line)).body


@pytest.mark.parametrize("line", ["كاتب سعودي يفوز بجائزة الرواية العربية في دورتها الجديدة",
                                  "تمثال الملك في البهو العظيم للمتحف الكبير"])
def test_unpunctuated_lines_without_a_scene_word_stay(line):
    # no "خلال", "أمام", "جانب من", "مقر": running text (or a caption no test can tell from it) stays
    assert line in _clean(_story(line)).body


# ------------------------------------------------------------- French and English page furniture, dates
@pytest.mark.parametrize(("line", "iso"), [
    ("Le 21/05/2025 à 13h37", "2025-05-21T13:37:00"),
    ("Publié le 21 mai 2025 à 13h37", "2025-05-21T13:37:00"),
    ("mercredi 21 mai 2025", "2025-05-21"),
    ("2025-02-23 14:32 UTC+03:00", "2025-02-23T14:32:00"),
    ("10 Feb 2025 at 10:30 am", "2025-02-10T10:30:00"),
])
def test_french_and_english_date_lines(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize("line", ["Le gouvernement a annoncé 12 mesures", "le premier ministre 2025"])
def test_french_sentences_with_figures_are_no_date(line):
    assert parse_date_line(line) is None


def test_a_french_relative_date_is_unread():
    res = _clean(f"{HEADLINE}\nil y a 3 heures\n{LEAD}\n{BODY1}")
    assert res.published is None and "il y a 3 heures" in (res.date_problem or "")


@pytest.mark.parametrize("line", ["FR | عربي | EN", "English Français Deutsch Türkçe فارسی العربية",
                                  "کوردی | Kurmancî | English | Türkçe | فارسی | عربي"])
def test_language_switchers_anywhere(line):
    assert _where(_clean(_article(line)))[line] == "language-switch"


@pytest.mark.parametrize("line", ["وتحدث الوزير بالعربية والإنجليزية أمام الحضور.", "English", "العربية"])
def test_a_line_naming_one_language_or_a_sentence_stays(line):
    assert line in _clean(_article(line)).body


@pytest.mark.parametrize("line", ["Accepter | Paramétrer", "Tout accepter", "Refuser", "Accept all | Reject all"])
def test_consent_buttons_in_french_and_english(line):
    assert _where(_clean(_article(line)))[line] == "consent-button"


@pytest.mark.parametrize("line", ["Publicité", "محتوى ممول"])
def test_advertisement_markers_inside_the_story(line):
    assert _where(_clean(_article(line)))[line] == "advertisement"


def test_a_sentence_about_advertising_stays():
    kept = "محتوى ممول أو إعلان صريح: الهيئة تلزم المؤثرين بالإفصاح."
    assert kept in _clean(_article(kept)).body


# ---------------------------------------------------------------- more page furniture inside the story
@pytest.mark.parametrize(("line", "rule"), [
    ("صورة 1 من 5", "gallery-counter"), ("1 / 12", "gallery-counter"), ("الصورة التالية", "gallery-counter"),
    ("(انتهى)", "end-marker"), ("/انتهى/", "end-marker"), ("نهاية الخبر", "end-marker"),
    ("https://example.com/a/123", "url-only"),
    ("لمشاهدة الفيديو اضغط هنا", "click-here"), ("للمزيد من الأخبار انقر على الرابط", "click-here"),
    ("عرض المزيد", "load-more"), ("المزيد", "load-more"),
    ("ع.ع", "initials-signature"),
    ("تحديث: 10:30", "last-updated"),
    ("1.2K مشاهدة", "counts"),
    ("إعلانات", "advertisement"),
])
def test_page_furniture_inside_the_story(line, rule):
    assert _where(_clean(_article(line)))[line] == rule


@pytest.mark.parametrize("line", [
    "فاز الفريق في 3 من 5 مباريات هذا الموسم.", "الأهلي 3 من 5",
    "انتهى الاجتماع دون اتفاق.", "وقال إن الضغط هنا كبير على الحكومة.",
    "المزيد من الدعم للمزارعين في الموسم المقبل", "د. محمد علي",
    "تحديث الأنظمة يستغرق 3 أيام.", "The Lancet Regional Health", "FIFA Club World Cup",
    "Caption writing is an art, he said.",
])
def test_body_lines_like_page_furniture_stay(line):
    assert line in _clean(_article(line)).body


@pytest.mark.parametrize("credit", ["Getty Images", "AFP via Getty Images", "EPA/Mohamed Hossam",
                                    "REUTERS/Amr Abdallah Dalsh", "Image source, Getty Images",
                                    "مصدر الصورة، Getty Images"])
def test_latin_agency_credits_and_the_caption_above(credit):
    caption = "متظاهرون في وسط العاصمة يرفعون الأعلام خلال مسيرة السبت"
    res = _clean(_article(caption, credit))
    where = _where(res)
    assert where[credit].startswith("caption:") and where[caption] == "caption:caption-credit"


def test_a_bbc_style_caption_label():
    line = "Image caption, متظاهرون في الخرطوم"
    assert _where(_clean(_article(line)))[line] == "caption:caption-label"


@pytest.mark.parametrize(("line", "name"), [
    ("كتبت - سارة أحمد", "سارة أحمد"), ("بقلم/ محمد علي", "محمد علي"), ("كتب/ أحمد سالم", "أحمد سالم"),
    ("مراسلة الموقع في بيروت", "الموقع في بيروت")])
def test_a_bylines_name_is_whole_whatever_the_label(line, name):
    by = lineclass.byline(line, normalise(line))
    assert by is not None and by.value == name


@pytest.mark.parametrize("line", ["كتب التاريخ", "كتابة القصة القصيرة"])
def test_lines_opening_like_a_label_are_no_byline(line):
    assert lineclass.byline(line, normalise(line)) is None


# ------------------------------------------------------------------------------------------- reversible
_LINES = st.sampled_from([
    HEADLINE, LEAD, BODY1, BODY2, BODY1 + " " + BODY2, "", "قبل 3 ساعات", "هشام الدريوش", "2025-02-23 | 14:32",
    "Credit: Getty Images", "مناطيد تحلق فوق جبل الفيل في العلا مع شروق الشمس.", "صورة من: Name/dpa",
    "مقر البنك المركزي المصري بوسط القاهرة", "لاعبو المنتخب خلال التدريبات الأخيرة على الملعب قبل السفر",
    "ع.ح/ ص.ش (د ب أ، أ ف ب)", "رابط دائم https://p.example.com/p/4rKq2", "FR | عربي | EN", "(انتهى)",
    "إحدى الحافلات الكهربائية خلال مرحلة التشغيل التجريبي | من المصدر", "التاريخ 04.03.2025",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=25))
def test_cleanup_with_this_rounds_classes_is_reversible(lines):
    assert_reversible("\n".join(lines), RULES)


def test_a_long_caption_under_the_date_reads_as_one():
    caption = "رئيسة البنك المركزي الأوروبي كريستين لاغارد خلال مؤتمر صحفي في مدينة فرانكفورت الألمانية"
    res = _clean(f"{HEADLINE}\nالأحد 09 فبراير 2025 - 14:30\n{caption}\n{LEAD}\n{BODY1}")
    assert _where(res)[caption] == "caption:caption-under-date" and res.body.startswith(LEAD)


def test_a_long_unpunctuated_summary_under_the_date_opens_the_body():
    summary = "الحكومة تعلن خطة لدعم المزارعين المتضررين من الجفاف في ثماني محافظات بقروض ميسرة"
    res = _clean(f"{HEADLINE}\nالأحد 09 فبراير 2025 - 14:30\n{summary}\n{LEAD}\n{BODY1}")
    assert res.body.startswith(summary)
