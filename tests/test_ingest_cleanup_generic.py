"""Cleanup line classes that generalise to outlets no test set shows (issue 16), each with a body line of
some other outlet that must stay: currency abbreviations, long menus above the headline, tickers above
the breadcrumb, bracket-credit captions, writers' bios, commenters over their comments, related-link
summaries, audio players, opinion disclaimers, tag headings, reading times, last-updated dates, and the
import report's count of undated articles (annotations.ingest.cleanup, lineclass, cleanup_rules.json)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations import Project
from annotations.ingest import ImportOptions, import_paths, lineclass
from annotations.ingest.cleanup import clean, load_rules, restore_original
from annotations.ingest.dates import normalise
from tests.test_ingest_cleanup import _meta, assert_reversible

RULES = load_rules()
HEADLINE = "الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف"
LEAD = ("أعلنت الحكومة خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف، تشمل قروضاً ميسرة "
        "وبذوراً مجانية للموسم المقبل.")
BODY1 = "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل أكثر من مئتي ألف مزارع في ثماني محافظات."
BODY2 = "وأضاف أن صرف الدفعة الأولى من القروض يبدأ مطلع الشهر المقبل عبر البنوك الزراعية."
SHORT = "وأكد الوزير أن الخطة ستنفذ على مراحل."  # a short body sentence: no rule may take it
DATE = "الأحد 09 فبراير 2025 - 14:30"


def _reasons(res):
    return {e["text"]: e.get("reason", "caption") for e in res.removed + res.captions}


def _clean(text):
    res = clean(text, RULES)
    assert restore_original(res.body, _meta(res)) == text
    return res


# ------------------------------------------------------------------------------ currency and sentence ends
@pytest.mark.parametrize("line", ["دولار السوق الموازية: 89,500 ل.ل.", "الأورو 149.50 دج | الدولار 134.80 دج",
                                  "سعر الصرف 3.75 ر.س", "الدينار 3.25 د.ك | الريال 1.02 ر.ق"])
def test_currency_widgets_with_dotted_abbreviations(line):
    assert lineclass.is_currency_widget(line, normalise(line), header=True)
    res = _clean(f"{line}\n{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}")
    assert _reasons(res)[line] == "currency widget" and res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}"


@pytest.mark.parametrize("line", ["وارتفع سعر الدولار في السوق الموازية إلى 89,500 ل.ل. أمس.",
                                  "قال المسؤول إن سعر الصرف بلغ 3.75 ر.س للدولار الواحد في المصارف الرسمية"])
def test_a_sentence_that_names_a_price_is_no_widget(line):
    assert not lineclass.is_currency_widget(line, normalise(line), header=True)


def test_a_dotted_abbreviation_does_not_end_a_sentence_but_a_full_stop_does():
    assert not lineclass.ends_sentence("دولار السوق الموازية: 89,500 ل.ل.")
    assert not lineclass.ends_sentence("وكالة أ.ف.ب.")
    assert lineclass.ends_sentence("وصل الوفد إلى بيروت أمس.")
    assert lineclass.ends_sentence("هل تنجح المفاوضات؟") and lineclass.ends_sentence("Is it over?")
    # a "?" standing alone is a character a Windows-1256 page lacks (an arrow), not a question
    assert not lineclass.ends_sentence("خام برنت 74.86$ ? | الذهب 2898$ ?")


# ------------------------------------------------------------------------------------- header and headline
def test_a_long_menu_above_the_headline_does_not_hide_it():
    menu = ["الرئيسية", "الوطني", "العالم", "اقتصاد", "رياضة", "ثقافة", "منوعات", "فيديو", "صور", "آراء",
            "مجتمع", "صحة", "تكنولوجيا", "الطقس", "اتصل بنا"]
    texts = [f"{m}\n" for m in menu]
    # the menu is learned from the batch; the zone counts only what no rule, class or batch took
    from annotations.ingest.boilerplate import line_key
    learned = {line_key(m) for m in menu}
    text = "".join(texts) + f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}"
    res = clean(text, RULES, learned=learned)
    assert res.title == HEADLINE and res.published.iso == "2025-02-09T14:30:00" and res.body == f"{LEAD}\n{BODY1}"


def test_the_headline_is_under_the_section_breadcrumb_not_a_ticker_above_it():
    # the breaking-news ticker repeats the first paragraph's words more than the headline does
    ticker = "عاجل | الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة"
    headline = "خطة حكومية للقطاع الزراعي بعد موسم صعب"
    text = f"الاثنين 28 نيسان 2025\n{ticker}\nأخبار › اقتصاد\n{headline}\n8 كانون الثاني 2025\n{LEAD}\n{BODY1}"
    res = _clean(text)
    assert res.title == headline and res.published.iso == "2025-01-08"
    assert _reasons(res)[ticker] == "page header above the headline"
    # no breadcrumb: the candidates are scored as before, the ticker first
    res = _clean(f"{ticker}\n{headline}\n8 كانون الثاني 2025\n{LEAD}\n{BODY1}")
    assert res.title == ticker


# ------------------------------------------------------------------------------------------------ captions
@pytest.mark.parametrize("caption", ["محطة كهرباء دير عمار في شمال لبنان (أرشيف النهار)",
                                     "لاعبو الفريق يحتفلون بالتأهل (فيسبوك/النادي)",
                                     "متسوقون في وسط البلد بعمّان، 9 مارس 2025 (العربي الجديد)",
                                     "ركاب داخل إحدى محطات قطار الرياض - تصوير: علي الشهري"])
def test_a_short_line_ending_with_a_credit_is_a_caption(caption):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{caption}\n{BODY1}")
    assert [c["text"] for c in res.captions] == [caption] and res.body == f"{LEAD}\n{BODY1}"


@pytest.mark.parametrize("line", ["وأضاف أن الحكومة ستعمل على ذلك خلال العام (بحسب قوله)",
                                  "وقال الوزير إن الخطة ستنفذ خلال عامين (رويترز).",
                                  "المرحلة الثانية من الخطة الوطنية (2025-2030)",
                                  "محمد أحمد (مصر)",
                                  "وقال الوزير في تصريح للصحفيين - تصوير: ما نشر أمس."])
def test_a_body_line_with_brackets_is_no_caption(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{line}\n{BODY1}")
    assert line in res.body.split("\n") and not res.captions


# ---------------------------------------------------------------------------------- writers and comments
def test_a_writers_name_and_bio_under_the_headline_go_to_meta():
    text = f"آراء\n{HEADLINE}\nسامر الحلبي\nكاتب وباحث في الشؤون الاجتماعية والعمرانية\n{LEAD}\n{BODY1}"
    res = _clean(text)
    assert res.title == HEADLINE and res.author == "سامر الحلبي" and res.body == f"{LEAD}\n{BODY1}"
    assert _reasons(res)["كاتب وباحث في الشؤون الاجتماعية والعمرانية"] == "writer's description"
    # a title before the name, and the date under the bio
    text = f"{HEADLINE}\nد. خالد العمري\nأستاذ العلاقات الدولية في جامعة الملك سعود\n{DATE}\n{LEAD}"
    res = _clean(text)
    assert res.author == "د. خالد العمري" and res.body == LEAD and res.published is not None


def test_a_subtitle_that_starts_with_a_profession_stays():
    subtitle = "كاتب سعودي يفوز بجائزة الرواية العربية في دورتها الجديدة"
    res = _clean(f"{HEADLINE}\n{DATE}\n{subtitle}\n{LEAD}\n{BODY1}")
    assert "writer's description" not in _reasons(res).values()
    res = _clean(f"{HEADLINE}\n{LEAD}\n{subtitle}\n{BODY1}")
    assert subtitle in res.body.split("\n")
    assert not lineclass.is_writer_bio("كاتب المقال يرى أن الحل في الحوار.", "كاتب المقال يرى أن الحل في الحوار.")


def test_commenters_names_over_their_comments_go():
    comments = ["أب من سطيف", "الإعلان المبكر أمر جيد لكن المشكل في كثافة البرنامج.", "أستاذة من وهران",
                "نتمنى أن تراعي الوزارة حرارة الصيف في الجنوب."]
    text = "\n".join([HEADLINE, DATE, LEAD, BODY1, "تعليقات القراء", *comments, "أضف تعليقك"])
    res = _clean(text)
    assert res.body == f"{LEAD}\n{BODY1}"
    assert all(_reasons(res)[c] == "reader comment" for c in comments)
    assert _reasons(res)["أضف تعليقك"] == "comment prompt"


def test_without_a_comments_heading_short_lines_and_sentences_stay():
    sub = "تدابير ضد الغش"
    res = _clean("\n".join([HEADLINE, DATE, LEAD, sub, SHORT, BODY1]))
    assert res.body == "\n".join([LEAD, sub, SHORT, BODY1])


# ---------------------------------------------------------------------------------------- related links
def test_a_related_links_summary_goes_with_it():
    link = "روسيا تطلق قمرا صناعيا جديدا لرصد الطقس في القطب الشمالي"
    summary = "أطلقت روسيا صاروخ سويوز يحمل قمرا صناعيا لرصد الأحوال الجوية فوق المناطق القطبية."
    res = _clean("\n".join([HEADLINE, DATE, LEAD, "اقرأ المزيد", link, summary, BODY1]))
    assert res.body == f"{LEAD}\n{BODY1}" and _reasons(res)[summary] == "related link summary"


def test_a_short_sentence_after_a_related_link_that_does_not_repeat_it_stays():
    link = "روسيا تطلق قمرا صناعيا جديدا لرصد الطقس في القطب الشمالي"
    res = _clean("\n".join([HEADLINE, DATE, LEAD, "اقرأ أيضا", link, SHORT, BODY1]))
    assert res.body == "\n".join([LEAD, SHORT, BODY1]) and _reasons(res)[link] == "related link"


def test_rules_win_inside_tag_and_related_runs():
    lines = [HEADLINE, DATE, LEAD, BODY1, "دلالات", "مصر", "التضخم", "المزيد في اقتصاد",
             "الذهب يرتفع مع تزايد الرهانات على خفض الفائدة", "© العربي الجديد 2025 - جميع الحقوق محفوظة"]
    res = _clean("\n".join(lines))
    reasons = _reasons(res)
    assert res.body == f"{LEAD}\n{BODY1}"
    assert reasons["دلالات"] == reasons["مصر"] == "tags line"
    assert reasons["المزيد في اقتصاد"] == "'read also' link"
    assert reasons["الذهب يرتفع مع تزايد الرهانات على خفض الفائدة"] == "related link"
    assert reasons[lines[-1]] == "copyright line"


def test_list_markers_keep_a_related_list_open_until_its_end():
    lines = [HEADLINE, DATE, LEAD, "اقرأ أيضا", "قائمة 1 من 2", "وزارة الصحة تطلق حملة وطنية للتطعيم",
             "قائمة 2 من 2", "الإمارات تطلق قمراً صناعياً جديداً", "نهاية القائمة", "توقعات المحللين", BODY1]
    res = _clean("\n".join(lines))
    assert res.body == "\n".join([LEAD, "توقعات المحللين", BODY1])


# ------------------------------------------------------------------------------------------------- rules
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("استمع إلى الملخص 0:58", "audio player"),
        ("استمع للمقال", "audio player"),
        ("Listen to this article 3:12", "audio player"),
        ("المقالات المنشورة تعبّر عن آراء كتّابها ولا تعكس بالضرورة رأي الموقع", "opinion disclaimer"),
        ("الآراء الواردة في المقال تعبر عن رأي كاتبها فقط", "opinion disclaimer"),
        ("كلمات دليلية: طهران، تلوث الهواء، المدارس", "tags line"),
        ("دلالات", "tags line"),
        ("دقيقة قراءة 3", "views or comments count"),
        ("قراءة 3 دقائق", "views or comments count"),
        ("4 دقائق قراءة", "views or comments count"),
    ],
)
def test_more_boilerplate_rules(line, reason):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert _reasons(res)[line] == reason and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"


@pytest.mark.parametrize("line", ["استمع الرئيس إلى شرح مفصل من الوزير عن الخطة.",
                                  "وقال إن التصريحات لا تعكس بالضرورة رأي الحكومة.",
                                  "قراءة في المشهد السياسي",
                                  "دقائق قليلة فصلت بين الهدفين",
                                  "دلالات الخطاب السياسي الجديد للرئيس"])
def test_body_lines_like_those_rules_stay(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert line in res.body.split("\n")


# ------------------------------------------------------------------------------------------------- dates
def test_a_last_updated_stamp_dates_the_article_when_the_only_other_date_tops_the_page():
    stamp = "آخر تحديث: الخميس 13 فبراير 2025 - 11:20 ص"
    text = f"الجمعة، 14 فبراير 2025\nالرئيسية > أخبار > محليات\n{HEADLINE}\n{stamp}\n{LEAD}\n{BODY1}"
    res = _clean(text)
    assert res.published.iso == "2025-02-13T11:20:00"
    assert _reasons(res)[stamp] == "publication date (last updated)"
    assert _reasons(res)["الجمعة، 14 فبراير 2025"] == "page date"


def test_a_publication_date_wins_over_a_last_updated_stamp():
    stamp = "آخر تحديث: 16/7/2024 20:56 (بتوقيت مكة)"
    res = _clean(f"الأخبار › اقتصاد\n{HEADLINE}\n16/7/2024\n{stamp}\n{LEAD}")
    assert res.published.iso == "2024-07-16" and _reasons(res)[stamp] == "last-updated stamp"
    # no breadcrumb between them: a date above the headline may be the article's own
    res = _clean(f"14 فبراير 2025\n{HEADLINE}\n{stamp}\n{LEAD}")
    assert res.published.iso == "2025-02-14"


# ------------------------------------------------------------------------------------------ import report
def test_the_report_counts_articles_without_a_date(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}", encoding="utf-8")
    (folder / "b.txt").write_text(f"{HEADLINE} الثانية\nمنذ 3 ساعات\n{LEAD}\n{BODY2}", encoding="utf-8")
    (folder / "c.txt").write_text(f"{LEAD}\n{BODY1}\n{BODY2}", encoding="utf-8")
    with Project.memory() as project:
        report = import_paths(project, [folder], ImportOptions())
        docs = [project.document(i) for _, i in report.imported]
        assert sorted(d.meta.get("published", "") for d in docs) == ["", "", "2025-02-09T14:30:00"]
    assert report.undated == 2 and report.dates_unread == 1
    assert "no date found for 2 articles, 1 not understood (published left empty)" in report.summary()
    assert any("منذ 3 ساعات" in w.message and "left empty" in w.message for w in report.warnings)


# ------------------------------------------------------------------------------------ rule file filters
def test_a_rules_tail_limits_the_pattern_to_the_lines_end():
    from annotations.ingest.cleanup import parse_rules
    from annotations.ingest.rules import RulesError, RuleSet

    rules, _ = parse_rules({"rules": [{"name": "credit", "pattern": r"\(وكالة [^()]+\)$", "tail": 30,
                                       "action": "caption", "max_words": 40}]}, "mine.json")
    caption = "صورة من المؤتمر الصحفي للوزير (وكالة الأنباء)"
    res = clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{caption}\n{BODY1}", RuleSet((*RULES.rules, *rules)))
    assert [c["text"] for c in res.captions] == [caption]
    assert rules[0].matches(caption, normalise(caption), 8)
    far = "(وكالة الأنباء) " + "كلمة " * 20 + "نهاية"  # the bracket is far from the end: not in the tail
    assert not rules[0].matches(far, normalise(far), 23)
    for bad in (0, -3, "10", True):
        with pytest.raises(RulesError, match="tail must be a positive whole number"):
            parse_rules({"rules": [{"name": "x", "pattern": "x$", "tail": bad}]}, "mine.json")


def test_rules_are_picked_by_the_lines_first_letter_without_losing_any():
    from annotations.ingest.rules import head_of

    lines = ["اقرأ أيضاً: الكرملين ينفي", "«اقرأ أيضا»", "تابعونا على تيليجرام", "© 2025 جميع الحقوق محفوظة",
             "15 تعليقاً", "Share this article", "- فيسبوك - تويتر", BODY1, "!!!"]
    for line in lines:
        folded = normalise(line)
        words = len(line.split())
        by_letter = RULES.applicable(words, True, head_of(folded)[:1])
        every = [r for r in RULES.applicable(words, True) if r.matches(line, folded, words)]
        assert [r for r in by_letter if r.matches(line, folded, words)] == every


# --------------------------------------------------------------------------- more layouts of other sites
def test_the_pages_title_with_the_sites_name_is_not_the_headline():
    text = f"{HEADLINE} | البوابة نيوز\nالرئيسية - اقتصاد - أسواق\n{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}"
    res = _clean(text)
    assert res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}"
    assert _reasons(res)[f"{HEADLINE} | البوابة نيوز"] == "page header above the headline"
    # a headline that only shares its first words with another line is no copy of it
    from annotations.ingest.headline import is_suffixed_copy
    assert is_suffixed_copy("عنوان الخبر - الشروق أونلاين", "عنوان الخبر")
    assert not is_suffixed_copy("عنوان الخبر الطويل جدا", "عنوان الخبر")
    assert not is_suffixed_copy("عنوان الخبر - وزير الخارجية يصل إلى العاصمة في زيارة رسمية", "عنوان الخبر")


def test_a_short_opinion_title_over_the_writers_name_is_the_headline():
    text = ("القدس العربي\nالرئيسية\nمقالات\nعن الذاكرة والمدينة\nإلياس خوري\nكاتب وروائي لبناني\nمنذ يومين\n"
            f"{LEAD}\n{BODY1}")
    res = _clean(text)
    assert res.title == "عن الذاكرة والمدينة" and res.author == "إلياس خوري" and res.body == f"{LEAD}\n{BODY1}"


@pytest.mark.parametrize(("line", "crumb"), [("الرئيسية - اقتصاد - أسواق", True), ("أخبار – العالم – آسيا", True),
                                             ("أبوظبي - سكاي نيوز عربية", False),  # a dateline: two items
                                             ("مصر - السودان - إثيوبيا: جولة مفاوضات جديدة", False),
                                             ("الأحد 09 فبراير 2025 - 14:30 - القاهرة", False)])
def test_breadcrumbs_split_by_dashes_need_three_short_items(line, crumb):
    assert lineclass.is_breadcrumb(line) is crumb


@pytest.mark.parametrize(("line", "source"), [("وكالات", "وكالات"), ("(رويترز)", "رويترز"), ("- أ ف ب", "أ ف ب"),
                                              ("طوكيو (أ ف ب)", "أ ف ب")])
def test_an_agency_alone_or_after_a_place_is_the_source(line, source):
    res = _clean(f"{HEADLINE}\n{line}\n{DATE}\n{LEAD}\n{BODY1}\n{BODY2}")
    assert res.source == source and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"
    # at the foot: gone too, as the source or as a photo's credit ("(رويترز)" under a photo)
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}")
    assert res.body == f"{LEAD}\n{BODY1}" and (res.source == source or res.captions)


def test_a_line_that_names_an_agency_in_a_sentence_is_no_source_line():
    for line in ("وكالات الأنباء العالمية تتابع الحدث", "رويترز: مقتل ثلاثة في انفجار"):
        assert lineclass.agency_line(line, normalise(line)) is None
    assert lineclass.dateline("محمد الغامدي (جدة)", "محمد الغامدي (جدة)").kind == "author"


def test_a_correspondents_byline():
    res = _clean(f"{HEADLINE}\nمراسل الجزيرة نت - نيويورك\n{DATE}\n{LEAD}")
    assert res.author == "الجزيرة نت - نيويورك" and res.body == LEAD
    line = "مراسلون بلا حدود تدين اعتقال الصحفيين في المنطقة"
    assert lineclass.byline(line, normalise(line)) is None


@pytest.mark.parametrize("line", ["👁 2,341", "💬 12", "1,245"])
def test_a_count_with_an_icon_and_no_words_goes(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{line}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert res.body == f"{LEAD}\n{BODY1}\n{BODY2}" and _reasons(res)[line] == "views or comments count"


@pytest.mark.parametrize("line", ["المرتبة 3", "13/02/2025", "10:30"])
def test_numbers_with_words_dates_and_clocks_are_no_count(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert "views or comments count" not in _reasons(res).values()
    assert not lineclass.is_number_widget("المرتبة 3")


@pytest.mark.parametrize(("line", "reason"), [
    ("الآراء المنشورة في هذا الموقع لا تعبر بالضرورة عن رأي إدارة التحرير", "opinion disclaimer"),
    ("صورة أرشيفية لمبنى متضرر من زلزال سابق في اليابان", "caption"),
    ("صورة تعبيرية", "caption"),
    ("نشرتنا البريدية", "app or newsletter prompt"),
])
def test_disclaimer_caption_and_newsletter_forms(line, reason):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert _reasons(res)[line] == reason and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"


@pytest.mark.parametrize("line", ["صورة من الماضي تعود إلى الواجهة مع عودة المهرجان.",
                                  "الآراء تعددت حول القرار ولا تعبر عن موقف موحد للحكومة.",
                                  "وأكد أن الحكومة لا تعكس رأي الموقع الرسمي للوزارة في هذا الملف"])
def test_body_lines_near_those_forms_stay(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert line in res.body.split("\n")


# --------------------------------------------------------------- prompts and sentences that open alike
@pytest.mark.parametrize(("line", "reason"), [
    ("مواضيع ذات صلة: الحكومة تقر خطة لتطوير القطاع الصحي", "'read also' link"),
    ("الأكثر قراءة: انخفاض أسعار المحروقات للشهر الثاني", "'read also' link"),
    ("يهمك أيضاً", "'read also' link"),
    ("اضغط هنا لمتابعة قناتنا على واتساب", "share/follow line"),
    ("تابعوا RT على تيليغرام", "share/follow line"),
    ("انضم إلى قناتنا على واتساب", "share/follow line"),
    ("اشترك في نشرة الموقع لتصلك أبرز الأخبار يومياً", "share/follow line"),
    ("شارك عبر: فيسبوك | إكس | واتساب", "share/follow line"),
    ("أرسل لصديق", "share/follow line"),
    ("اشترك الآن لتصلك أهم الأخبار", "share/follow line"),
    ("لا توجد تعليقات", "comment prompt"),
    ("كن أول من يعلق", "comment prompt"),
    ("موافق", "cookie notice"),
    ("الموضوعات: الاقتصاد", "tags line"),
    ("الصورة من رويترز", "caption"),
    ("آخر تحديث: 09 فبراير 2025 - 16:00", "last-updated stamp"),
    ("منذ ساعتين", "date line not understood"),
])
def test_prompts_and_stamps_of_other_sites(line, reason):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert _reasons(res)[line] == reason and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"


@pytest.mark.parametrize("line", [
    "شارك في المؤتمر أكثر من ثلاثين وزيراً من دول المنطقة.",
    "شارك آلاف المواطنين في المسيرة التي جابت شوارع العاصمة",
    "تابع الوزير جولته بزيارة المستشفى الجديد في المدينة.",
    "تابعت الشرطة التحقيقات في الحادث",
    "انضم اللاعب إلى معسكر المنتخب في القاهرة", "سجل الآن أكثر من مئة هدف هذا الموسم.",
    "كتب التاريخ", "بقلم الرصاص", "تقرير الأمم المتحدة يحذر من المجاعة",
    "المزيد من الضغوط على الأسر",
    "آخر تحديث للأرقام جاء أمس.", "حدث ذلك في عام 2020 قبل الجائحة",
    "موسكو - كييف - واشنطن", "السعودية - الإمارات - قطر",
    "موافق عليه من البرلمان", "الصورة من الداخل تبدو قاتمة", "يهمك أن تعرف أن المهلة تنتهي غداً.",
    "لا توجد أرقام رسمية حتى الآن.", "منذ ساعتين والناس ينتظرون", "وكالات السفر تعلن عن عروض جديدة",
    "مسؤول أمريكي (طلب عدم الكشف عن اسمه)", "دقيقة صمت", "3 دقائق فقط كانت كافية",
])
def test_body_lines_that_open_like_boilerplate_stay(line):
    top = f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}"
    # (a line of three words or fewer under the last sentence is the article's foot: see below)
    ends = (f"{top}\n{line}\n{BODY2}",) + ((f"{top}\n{line}",) if len(line.split()) > 3 else ())
    for text in ends:
        res = _clean(text)
        assert line in res.body.split("\n"), _reasons(res).get(line)


def test_short_lines_under_the_last_sentence_are_the_foot():
    tags = ["المغرب", "الصحة", "الحصبة"]
    res = _clean("\n".join([HEADLINE, DATE, LEAD, BODY1, *tags]))
    assert res.body == f"{LEAD}\n{BODY1}" and all(_reasons(res)[t] == "short line at the foot (tags or links)"
                                                  for t in tags)
    # a list the article introduces with a colon stays, and so do short lines above a sentence
    names = ["محمد علي", "سارة حسن", "أحمد سالم"]
    res = _clean("\n".join([HEADLINE, DATE, LEAD, "وضمت الحكومة الجديدة الوزراء التالية أسماؤهم:", *names]))
    assert res.body.split("\n")[-3:] == names
    res = _clean("\n".join([HEADLINE, DATE, LEAD, "تدابير ضد الغش", BODY1]))
    assert res.body == "\n".join([LEAD, "تدابير ضد الغش", BODY1])


def test_a_headline_that_ends_with_a_full_stop_printed_twice_is_the_headline():
    headline = HEADLINE + "."
    res = _clean(f"قسم\n{headline}\n{headline}\n{DATE}\n{LEAD}\n{BODY1}")
    assert res.title == headline and res.body == f"{LEAD}\n{BODY1}" and res.published is not None
    # once, it is the first paragraph; and a long paragraph printed twice is no headline
    res = _clean(f"{headline}\n{LEAD}\n{BODY1}")
    assert res.title is None and res.body.startswith(headline)
    long = LEAD + " " + BODY1
    res = _clean(f"{long}\n{long}\n{BODY2}")
    assert res.title is None and res.body.startswith(long)


def test_under_the_date_a_short_line_is_a_caption_and_a_long_one_the_summary():
    caption = "جانب من حفل الافتتاح"
    summary = "المخاوف من حرب تجارية بين واشنطن وشركائها تدفع المستثمرين نحو الملاذات الآمنة بسرعة"
    res = _clean(f"{HEADLINE}\n{DATE}\n{caption}\n{LEAD}\n{BODY1}")
    assert [c["text"] for c in res.captions] == [caption] and res.body == f"{LEAD}\n{BODY1}"
    res = _clean(f"{HEADLINE}\n{DATE}\n{summary}\n{LEAD}\n{BODY1}")
    assert not res.captions and res.body == f"{summary}\n{LEAD}\n{BODY1}"


@pytest.mark.parametrize("line", ["رمز الخبر: 1193547", "رمز الخبر: ۱۱۹۳۵۴۷", "رقم الخبر 12345"])
def test_an_article_number_goes(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{line}\n{LEAD}\n{BODY1}")
    assert _reasons(res)[line] == "article number" and res.body == f"{LEAD}\n{BODY1}"
    body = "رقم الخبر الذي نشرته الوكالة أمس لم يكن دقيقاً 100"
    assert body in _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{body}\n{BODY1}").body


@pytest.mark.parametrize("line", ["\u200fاقرأ أيضا: الكرملين ينفي", "\u200fالمصدر: وكالات", "\u200e#مصر #الزراعة",
                                  "\ufeffكلمات مفتاحية: الحكومة، الجفاف", "\u200fفيسبوك تويتر واتساب تيليجرام"])
def test_invisible_marks_at_a_lines_start_do_not_hide_its_class(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert line not in res.body.split("\n") and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"
    marked = "\u200f" + BODY1  # and a body line with one stays as it is
    assert _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{marked}\n{BODY2}").body == f"{LEAD}\n{marked}\n{BODY2}"


def test_a_headline_the_other_articles_list_under_most_read_is_still_the_headline(tmp_path):
    heads = [HEADLINE, "البنك المركزي يثبت أسعار الفائدة للمرة الثالثة على التوالي",
             "افتتاح معرض الكتاب بمشاركة ألف دار نشر من خمسين دولة",
             "المنتخب يفوز على ضيفه بثلاثة أهداف في تصفيات كأس العالم"]
    leads = [LEAD, "قرر البنك المركزي تثبيت أسعار الفائدة للمرة الثالثة على التوالي، في ظل تراجع التضخم.",
             "افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة ألف دار نشر من خمسين دولة عربية وأجنبية.",
             "فاز المنتخب الوطني على ضيفه بثلاثة أهداف نظيفة في المباراة التي جمعتهما ضمن تصفيات كأس العالم."]
    folder = tmp_path / "site"
    folder.mkdir()
    for k, (head, lead) in enumerate(zip(heads, leads, strict=True)):
        text = "\n".join(["موقع الأخبار", "الرئيسية › أخبار", head, f"{k + 10} فبراير 2025", lead, BODY1,
                          "الأكثر قراءة", heads[0], heads[1], "جميع الحقوق محفوظة © 2025"])
        (folder / f"{k}.txt").write_text(text, encoding="utf-8")
    with Project.memory() as project:
        report = import_paths(project, [folder], ImportOptions())
        docs = sorted((project.document(i) for _, i in report.imported), key=lambda d: d.meta["file"])
        assert [d.title for d in docs] == heads
        for doc, lead in zip(docs, leads, strict=True):
            removed = [(e["text"], e["reason"]) for e in doc.meta["removed"]]
            assert removed[0] == ("موقع الأخبار", "repeated in the source's other articles")
            assert removed[2] == (doc.title, "title")
            assert doc.text.split("\n")[1:] == [lead, BODY1]


def test_a_byline_or_source_the_other_articles_repeat_still_names_them(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for k in range(4):
        head = f"{HEADLINE} في المحافظة رقم {k + 1}"
        text = "\n".join([head, "كتب: أحمد سالم", f"{k + 10} فبراير 2025", LEAD, f"{BODY1} ({k})", "المصدر: وكالات"])
        (folder / f"{k}.txt").write_text(text, encoding="utf-8")
    with Project.memory() as project:
        report = import_paths(project, [folder], ImportOptions())
        docs = [project.document(i) for _, i in report.imported]
    assert len(docs) == 4
    assert all(d.meta.get("author") == "أحمد سالم" and d.meta.get("source") == "وكالات" for d in docs)


@pytest.mark.parametrize(("line", "reason"), [
    ("الرئيسية أخبار العالم العربي الاقتصاد الرياضة الثقافة", "breadcrumb or menu"),  # a menu without separators
    ("+ الخط -", "font-size buttons"),
    ("اشترك في قائمتنا البريدية", "app or newsletter prompt"),
    ("لمتابعة أهم الأخبار أولاً بأول اشترك في نشرة الموقع اليومية", "share/follow line"),
    ("يمكنكم متابعة آخر الأخبار عبر قناتنا على تيليجرام", "share/follow line"),
])
def test_prompts_a_single_article_shows_without_the_batch(line, reason):
    mid = "" if reason == "breadcrumb or menu" else f"{line}\n"  # (a menu is looked for at the top only)
    res = _clean(f"{line}\n{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{mid}{BODY2}")
    assert res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}\n{BODY2}"
    assert {e["text"]: e["reason"] for e in res.removed}[line] == reason


@pytest.mark.parametrize("line", ["وقال إن الجمهور تابع المباراة عبر يوتيوب في منازلهم",
                                  "اشترك في البطولة 16 فريقاً من القارة", "انضم اللاعب إلى قائمة المنتخب الوطني",
                                  "الرئيسية في المدينة شهدت ازدحاماً كبيراً."])
def test_sentences_with_those_words_stay(line):
    assert line in _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{line}\n{BODY1}").body.split("\n")


@pytest.mark.parametrize(("line", "kind", "value"), [("أبوظبي (الاتحاد)", "source", "الاتحاد"),
                                                     ("لندن- عربي21", "source", "عربي21"),
                                                     ("محمد الغامدي (جدة)", "author", "محمد الغامدي")])
def test_a_place_and_its_outlet_or_a_writer_and_the_place(line, kind, value):
    res = _clean(f"{HEADLINE}\n{line}\n{DATE}\n{LEAD}")
    assert (res.source if kind == "source" else res.author) == value and res.body == LEAD


def test_an_interviewers_line_is_the_author_and_the_interview_stays():
    qa = ["س: هل سترفع الحكومة أسعار الوقود؟", "ج: لا، لن نرفع الأسعار هذا العام.", "س: وماذا عن التضخم؟",
          "ج: نتوقع تراجعه إلى خمسة في المئة بحلول الصيف."]
    res = _clean("\n".join(["حوار", HEADLINE, "أجرى الحوار: سامي حسن", DATE, LEAD, *qa]))
    assert res.author == "سامي حسن" and res.body == "\n".join([LEAD, *qa])


def test_results_the_article_lists_at_its_end_are_no_foot():
    results = ["الأهلي 3", "الزمالك 1"]
    res = _clean("\n".join([HEADLINE, DATE, LEAD, "وهذه نتائج مباريات الجولة الأخيرة.", *results]))
    assert res.body.split("\n")[-2:] == results


def test_above_the_headline_a_date_under_the_breadcrumb_beats_the_pages_date_above_it():
    text = f"الأحد 16 فبراير 2025\nأخبار › اقتصاد\nالخميس 13 فبراير 2025\n{HEADLINE}\n{LEAD}\n{BODY1}"
    res = _clean(text)
    assert res.published.iso == "2025-02-13" and _reasons(res)["الأحد 16 فبراير 2025"] == "page date"
    # without a breadcrumb the first date is taken, as before
    assert _clean(f"الأحد 16 فبراير 2025\nالخميس 13 فبراير 2025\n{HEADLINE}\n{LEAD}").published.iso == "2025-02-16"


@pytest.mark.parametrize("label", ["خاص", "تحليل", "حصري", "عاجل"])
def test_a_story_label_under_the_headline_is_not_the_body(label):
    res = _clean(f"{HEADLINE}\n{label}\n{LEAD}\n{BODY1}")
    assert res.title == HEADLINE and res.body == f"{LEAD}\n{BODY1}" and _reasons(res)[label] == "story label"
    assert f"{label} بالفيديو" not in _reasons(_clean(f"{HEADLINE}\n{LEAD}\n{label} بالفيديو\n{BODY1}"))


@pytest.mark.parametrize("line", ["(adsbygoogle = window.adsbygoogle || []).push({});",
                                  "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
                                  "<div class=\"ad\"></div>", "&nbsp;"])
def test_page_code_a_scraper_left_goes(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{line}\n{BODY1}")
    assert res.body == f"{LEAD}\n{BODY1}" and _reasons(res)[line] == "page code left by the scraper"
    body = "وقال إن نافذة (window) الحوار ما زالت مفتوحة أمام جميع الأطراف."
    assert body in _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{body}\n{BODY1}").body


@pytest.mark.parametrize("line", ["المقال التالي: وزير الخارجية يصل إلى القاهرة", "الخبر السابق", "السابق",
                                  "الصفحة 1 من 3"])
def test_previous_next_and_page_links_go(line):
    res = _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{BODY1}\n{line}\n{BODY2}")
    assert res.body == f"{LEAD}\n{BODY1}\n{BODY2}" and _reasons(res)[line] == "previous/next link"
    for body in ("التالي ما حدث في الاجتماع المغلق أمس.", "المقال السابق للكاتب أثار جدلاً واسعاً بين القراء"):
        assert body in _clean(f"{HEADLINE}\n{DATE}\n{LEAD}\n{body}\n{BODY1}").body


_KINDS = [HEADLINE, HEADLINE + " | الموقع", DATE, LEAD, BODY1, SHORT, "", "\u200f", "سامر الحلبي",
          "كاتب وباحث في الشؤون", "اقرأ المزيد", "روسيا تطلق قمرا صناعيا جديدا", "أطلقت روسيا قمرا صناعيا جديدا.",
          "تعليقات القراء",
          "أب من سطيف", "دلالات", "مصر", "منذ 3 ساعات", "👁 2,341", "الرئيسية - اقتصاد - أسواق", "وكالات",
          "مبنى كلية العلوم في الحدث (النهار)", "دولار السوق الموازية: 89,500 ل.ل.", "آخر تحديث: 13 فبراير 2025",
          "خاص", "المقال التالي: عنوان", "(adsbygoogle = window.adsbygoogle || []).push({});"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_KINDS), min_size=1, max_size=14))
def test_the_new_classes_keep_the_cleanup_reversible(lines):
    assert_reversible("\n".join(lines), RULES)


def test_headline_like_links_under_the_last_sentence_go_when_two_or_more():
    links = ["الحكومة تقر خطة لتطوير القطاع الصحي في المحافظات", "ارتفاع عدد المراجعين لأقسام الطوارئ"]
    res = _clean("\n".join([HEADLINE, DATE, LEAD, BODY1, *links, "الصحة"]))
    assert res.body == f"{LEAD}\n{BODY1}"
    # one such line alone may be the article's: it stays (the tag under it goes)
    res = _clean("\n".join([HEADLINE, DATE, LEAD, BODY1, links[0], "الصحة"]))
    assert res.body == f"{LEAD}\n{BODY1}\n{links[0]}"


def test_a_sentence_end_is_seen_through_closing_marks():
    assert lineclass.ends_sentence("\u202eوصل الوفد إلى بيروت أمس.\u202c")
    assert lineclass.ends_sentence("قال: «وصلنا».\u200f")
    assert not lineclass.ends_sentence("\u2066Politico\u2069")
