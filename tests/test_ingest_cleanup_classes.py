"""Cleanup that generalises: headline choice, generic line classes, bylines, batch-learned boilerplate,
bad input (annotations.ingest.cleanup, headline, lineclass, boilerplate)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.ingest.boilerplate import BatchLines, line_key
from annotations.ingest.cleanup import clean, load_rules, restore_original
from annotations.ingest.errors import IngestError

TITLE = "روسيا تؤكد إجراء “محادثات سرية” مع أمريكا وأوروبا بإسطنبول.. سبقت الاشتباكات الأخيرة بـ”قره باغ”"
HEADLINE = "الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف"
BODY1 = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ."
BODY2 = "وقال المتحدث باسم الكرملين إن دبلوماسياً روسياً شارك في الاجتماع المذكور بمدينة إسطنبول التركية."
FARM = ("أعلنت الحكومة خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف، تشمل قروضاً ميسرة "
        "وبذوراً مجانية للموسم المقبل.")
RULES = load_rules()


def _meta(res):
    return {"removed": res.removed, "captions": res.captions,
            "cleanup": {"lines": res.total_lines, "body_line": res.body_line}}


def _reasons(res):
    return {e["text"]: e["reason"] for e in res.removed}


def test_one_changed_character_no_longer_derails_the_sample(shared_dir):
    # issue 16: saved in Windows-1256 (no ℃), the weather line became "- C 11 تركيا" and was taken as the title
    text = (shared_dir / "samples" / "scraped_news_ar.txt").read_text(encoding="utf-8").replace("℃", "C")
    res = clean(text, RULES)
    assert res.title == text.split("\n")[2]
    assert res.published.iso == "2023-10-05T09:32:00"
    assert res.title not in res.body and res.body.startswith("شهدت إسطنبول")
    assert _reasons(res)["- C 11 تركيا"] == "weather widget"
    assert restore_original(res.body, _meta(res)) == text


@pytest.mark.parametrize("weather", ["- ℃ 11 تركيا", "- C 11 تركيا", "- ? 11 تركيا", "القاهرة 22°", "٢٤ C أبوظبي"])
def test_weather_widget_with_or_without_its_symbol(weather):
    res = clean(f"{weather}\n{TITLE}\n{BODY1}\n{BODY2}", RULES)
    assert _reasons(res)[weather] == "weather widget" and res.title == TITLE


def test_a_repeated_line_is_the_headline_whatever_comes_before_it():
    # issue 16: the breadcrumb "أخبار عربية" was taken as the title and the headline stayed twice
    text = f"أخبار عربية\n\n{HEADLINE}\n{HEADLINE}\n\n{FARM}\n{BODY2}"
    res = clean(text, RULES)
    assert res.title == HEADLINE and res.body == f"{FARM}\n{BODY2}"
    assert _reasons(res) == {"أخبار عربية": "page header above the headline", HEADLINE: "duplicate title"}
    assert [e["reason"] for e in res.removed] == ["page header above the headline", "title", "duplicate title"]


def test_headline_is_scored_when_not_repeated():
    # a site name and a section name come first; the headline is the line the first paragraph echoes
    text = f"بوابة الأخبار\nاقتصاد وأعمال\n{HEADLINE}\n{FARM}\n{BODY2}"
    res = clean(text, RULES)
    assert res.title == HEADLINE and res.body == f"{FARM}\n{BODY2}"


def test_a_line_shorter_than_the_bodys_typical_clause_is_never_the_headline():
    res = clean(f"أخبار عربية\n{FARM}\n{BODY2}", RULES)
    assert res.title is None and res.body.startswith("أخبار عربية")


@pytest.mark.parametrize(
    ("noise", "reason"),
    [
        ("الرئيسية » أخبار » اقتصاد", "breadcrumb or menu"),
        ("أخبار › العالم العربي › سياسة", "breadcrumb or menu"),
        ("سياسة | اقتصاد | رياضة | ثقافة", "breadcrumb or menu"),
        ("شارك عبر: فيسبوك | إكس | واتساب", "share/follow line"),
        ("Facebook | X | WhatsApp", "share buttons"),
        ("اقرأ أيضاً: الكرملين ينفي عقد محادثات سرية", "'read also' link"),
        ("© 2025 جميع الحقوق محفوظة لشبكة الأخبار", "copyright line"),
        ("All rights reserved", "copyright line"),
        ("الوسوم: روسيا، أذربيجان", "tags line"),
        ("#روسيا #أذربيجان #قره_باغ", "tags line"),
        ("آخر تحديث: 5/10/2023 10:00 م", "last-updated stamp"),
        ("1,234 مشاهدة", "views or comments count"),
        ("عدد التعليقات: 12", "views or comments count"),
        ("الدولار 50.60 جنيه | اليورو 52.85 جنيه", "currency widget"),
        ("حمّل تطبيق الأخبار على هاتفك", "app or newsletter prompt"),
        ("قائمة 1 من 2", "related-links list marker"),
        ("نهاية القائمة", "related-links list marker"),
        # each class in its other forms (issue 16's list)
        ("الأخبار / العالم / سياسة", "breadcrumb or menu"),
        ("الرئيسية > أخبار > اقتصاد", "breadcrumb or menu"),
        ("مشاركة عبر واتساب", "share/follow line"),
        ("تابعنا على فيسبوك وإنستغرام", "share/follow line"),
        ("Read also: Kremlin denies secret talks", "'read also' link"),
        ("الأكثر قراءة", "'read also' link"),
        ("مواضيع ذات صلة", "'read also' link"),
        ("قد يهمك", "'read also' link"),
        ("(c) 2024 Example News", "copyright line"),
        ("حقوق النشر محفوظة لموقع الأخبار ٢٠٢٥", "copyright line"),
        ("كلمات دالة: انتخابات، برلمان", "tags line"),
        ("تم التحديث: ١٠ فبراير ٢٠٢٥", "last-updated stamp"),
        ("المشاهدات: 1520", "views or comments count"),
        ("3 دقائق للقراءة", "views or comments count"),
        ("وقت القراءة: 4 دقائق", "views or comments count"),
        ("$ 1.08 | € 0.92", "currency widget"),  # symbols only
        ("USD 3.75 | EUR 4.10", "currency widget"),
        ("الذهب عيار 21: 3650 جنيه | الدولار 48.6 جنيه", "currency widget"),
        ("مساحة إعلانية", "advertisement marker"),
    ],
)
def test_generic_line_classes_anywhere_in_the_body(noise, reason):
    res = clean(f"{TITLE}\n{BODY1}\n{noise}\n{BODY2}", RULES)
    assert res.body == f"{BODY1}\n{BODY2}"
    assert _reasons(res)[noise] == reason


def test_currency_widget_in_the_header_with_one_price():
    res = clean(f"الدولار 48.60 جنيه\n{TITLE}\n{BODY1}", RULES)
    assert _reasons(res)["الدولار 48.60 جنيه"] == "currency widget" and res.title == TITLE


def test_a_related_links_block_goes_with_its_heading():
    text = f"{TITLE}\n{BODY1}\nأخبار ذات صلة\n{HEADLINE}\nالكرملين ينفي عقد محادثات سرية\n{BODY2}"
    res = clean(text, RULES)
    assert res.body == f"{BODY1}\n{BODY2}"
    assert _reasons(res)[HEADLINE] == "related link"


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("كتب أحمد عبد الرحمن", "author", "أحمد عبد الرحمن"),
        ("بقلم: سارة المصري", "author", "سارة المصري"),
        ("المصدر: وكالة الأنباء الأردنية", "source", "وكالة الأنباء الأردنية"),
        # datelines: a place and who filed it, or a name and a place, under the headline
        ("إسطنبول/ الأناضول", "source", "الأناضول"),
        ("أبوظبي - سكاي نيوز عربية", "source", "سكاي نيوز عربية"),
        ("عمّان: «الغد»", "source", "الغد"),
        ("محمد الغامدي (جدة)", "author", "محمد الغامدي"),
    ],
)
def test_bylines_and_source_lines_are_kept_in_meta(line, kind, value):
    res = clean(f"{TITLE}\n- 10 يناير 2025\n{line}\n{BODY1}\n{BODY2}", RULES)
    assert res.body == f"{BODY1}\n{BODY2}" and getattr(res, kind) == value
    assert res.published.iso == "2025-01-10"


def test_a_labelled_byline_in_the_body_is_kept_in_meta_too():
    res = clean(f"{TITLE}\n{BODY1}\n{BODY2}\nالمصدر: وكالات", RULES)
    assert res.body == f"{BODY1}\n{BODY2}" and res.source == "وكالات"


def test_an_unlabelled_name_between_headline_and_date_is_the_byline():
    res = clean(f"{TITLE}\nليلى بن علي\nالجمعة 14 فبراير 2025 - 14:30\n{BODY1}", RULES)
    assert res.author == "ليلى بن علي" and res.body == BODY1
    assert res.published.iso == "2025-02-14T14:30:00"


def test_a_body_sentence_starting_like_a_byline_stays():
    sentence = "كتب الرئيس رسالة إلى نظيره الأمريكي يدعوه فيها إلى استئناف المحادثات."
    res = clean(f"{TITLE}\n{BODY1}\n{sentence}", RULES)
    assert sentence in res.body and res.author is None


def test_the_article_date_wins_over_the_page_date():
    text = f"السبت 1 مارس 2025\n{TITLE}\n14-11-2024 | 10:21\n{BODY1}"
    res = clean(text, RULES)
    assert res.published.iso == "2024-11-14T10:21:00"
    assert _reasons(res)["السبت 1 مارس 2025"] == "page date"


def test_a_date_the_batch_repeats_is_the_page_date_even_under_the_title():
    page, article = "الأحد 2 مارس 2025", "12 فبراير 2025"
    res = clean(f"{TITLE}\n{page}\n{article}\n{BODY1}", RULES, learned=frozenset({line_key(page)}))
    assert res.published.iso == "2025-02-12" and _reasons(res)[page] == "page date"
    alone = clean(f"{TITLE}\n{page}\n{BODY1}", RULES, learned=frozenset({line_key(page)}))
    assert alone.published.iso == "2025-03-02"  # the only date is the article's, repeated or not


def test_hijri_and_gregorian_date_line():
    res = clean(f"الثلاثاء - 3 شعبان 1445 هـ - 13 فبراير 2024 مـ\n{TITLE}\n{BODY1}", RULES)
    assert res.published.iso == "2024-02-13" and res.published.hijri == "3 شعبان 1445 هـ"


def test_a_date_that_cannot_be_read_leaves_published_empty_and_says_so():
    res = clean(f"{TITLE}\n31 شباط 2025\n{BODY1}", RULES)
    assert res.published is None
    assert "31 شباط 2025" in res.date_problem and "not understood" in res.date_problem
    assert res.body == BODY1


def test_lines_the_batch_repeats_are_boilerplate_whatever_they_say():
    footer = "زوروا موقعنا كل يوم لمتابعة كل جديد"
    menu = "أخبار رياضة اقتصاد منوعات"  # no separators, no "الرئيسية": only the batch tells
    batch = BatchLines()
    articles = [f"{menu}\n{TITLE} {i}\n{BODY1} {i}\n{BODY2} {i}\n{footer}" for i in range(4)]
    for a in articles:
        batch.feed("site", a)
    res = clean(articles[0], RULES, learned=batch.learned("site"))
    assert res.body == f"{BODY1} 0\n{BODY2} 0" and res.title == f"{TITLE} 0"
    assert _reasons(res)[footer] == "repeated in the source's other articles"
    assert _reasons(res)[menu] == "repeated in the source's other articles"
    assert restore_original(res.body, _meta(res)) == articles[0]
    assert not batch.learned("other site")


def test_a_line_two_articles_share_is_not_learned():
    batch = BatchLines()
    for i in range(2):
        batch.feed("site", f"{TITLE} {i}\nخلفية\n{BODY1} {i}")
    assert not batch.learned("site")
    for i in range(40):  # three articles of forty-two: under a tenth, still not boilerplate
        batch.feed("site", f"{TITLE} x{i}\n{BODY1} x{i}" + ("\nخلفية" if i == 0 else ""))
    assert line_key("خلفية") not in batch.learned("site")


def test_a_menu_page_is_no_article():
    menu = "الرئيسية\nأخبار محلية\nرياضة\nاقتصاد\nفن وثقافة\nاتصل بنا"
    with pytest.raises(IngestError, match="no article body found"):
        clean(menu, RULES)


def test_a_short_article_is_still_an_article():
    res = clean(f"{TITLE}\n{BODY1}", RULES)
    assert res.body == BODY1


_LINES = st.sampled_from([
    TITLE, HEADLINE, BODY1, BODY2, FARM, "", "  ", "أخبار عربية", "الأخبار › سياسة", "كتب أحمد عبد الرحمن",
    "إسطنبول/ الأناضول", "12 شعبان 1446 هـ", "31 شباط 2025", "- C 11 تركيا", "1,234 مشاهدة", "أخبار ذات صلة",
    "© 2025 جميع الحقوق محفوظة", "الدولار 50.60 جنيه | اليورو 52.85 جنيه", "زوروا موقعنا كل يوم",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=25), st.booleans())
def test_cleanup_with_the_new_classes_is_reversible(lines, with_learned):
    text = "\n".join(lines)
    learned = frozenset({line_key("زوروا موقعنا كل يوم"), line_key(BODY2)}) if with_learned else frozenset()
    try:
        res = clean(text, RULES, learned=learned)
    except IngestError:
        return  # no article body: nothing stored, nothing to restore
    assert restore_original(res.body, _meta(res)) == text
    for entry in res.removed + res.captions:
        assert text[entry["offset"]:entry["offset"] + len(entry["text"])] == entry["text"]


@given(st.text(alphabet=st.sampled_from("ab \t\u00a0"), max_size=60), st.integers(-1, 12))
def test_word_count_shortcut_is_split(line, limit):
    from annotations.ingest.cleanup import _words

    stripped = line.strip()
    assert _words(stripped, limit) == len(stripped.split(None, limit))
