"""Scraped-news cleanup: the sample, noise lines, user rule files, reversibility (annotations.ingest.cleanup)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.ingest.cleanup import RulesError, RuleSet, clean, load_rules, parse_rules, restore_original
from annotations.ingest.dates import normalise
from annotations.ingest.errors import IngestError

SITES = Path(__file__).parent / "data" / "sites"

TITLE = "روسيا تؤكد إجراء “محادثات سرية” مع أمريكا وأوروبا بإسطنبول.. سبقت الاشتباكات الأخيرة بـ”قره باغ”"
BODY1 = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ."
BODY2 = "وقال المتحدث باسم الكرملين إن دبلوماسياً روسياً شارك في الاجتماع المذكور بمدينة إسطنبول التركية."


def _meta(res):
    return {"removed": res.removed, "captions": res.captions,
            "cleanup": {"lines": res.total_lines, "body_line": res.body_line}}


def assert_reversible(text: str, rules: RuleSet) -> None:
    """Cleaning ``text`` loses nothing: ``restore_original`` gives it back exactly, and every removed
    line and caption sits at its offset (a text that is all boilerplate is refused, nothing stored)."""
    try:
        res = clean(text, rules)
    except IngestError:
        return  # no article body: nothing stored, nothing to restore
    assert restore_original(res.body, _meta(res)) == text
    for entry in res.removed + res.captions:
        assert text[entry["offset"]:entry["offset"] + len(entry["text"])] == entry["text"]


def test_sample_article(shared_dir):
    text = (shared_dir / "samples" / "scraped_news_ar.txt").read_text(encoding="utf-8")
    res = clean(text, load_rules())
    assert res.title.startswith("روسيا تؤكد إجراء")
    assert res.title == text.split("\n")[2]
    assert res.published.iso == "2023-10-05T09:32:00"
    assert res.body.startswith("شهدت إسطنبول اجتماعاً")
    removed = {(e["line"], e["text"]): e["reason"] for e in res.removed}
    assert removed == {
        (1, "- ℃ 11 تركيا"): "weather widget",
        (2, "- 10 يناير 2025"): "page date",
        (3, res.title): "title",
        (4, res.title): "duplicate title",
        (5, "- 5 أكتوبر 2023, 9:32:00 ص"): "publication date",
        (6, "- تم نسخ عنوان المقال إلى الحافظة"): "'copied to clipboard' notice",
    }
    assert [c["text"] for c in res.captions] == ['قوات أذربيجانية ترفع علم بلادها في "قره باغ"/رويترز']
    caption = res.captions[0]
    assert text[caption["offset"]:caption["offset"] + len(caption["text"])] == caption["text"]
    assert "رويترز" not in res.body and "الحافظة" not in res.body and res.title not in res.body
    assert res.body.count("\n") == text.count("\n") - 7
    assert restore_original(res.body, _meta(res)) == text


@pytest.mark.parametrize(
    ("noise", "reason"),
    [
        ("شارك عبر: فيسبوك | تويتر | واتساب", "share/follow line"),
        ("تابعونا على قناتنا في تيليجرام", "share/follow line"),
        ("▪ اقرأ أيضاً: الكرملين ينفي عقد محادثات سرية", "'read also' link"),
        ("Facebook  Twitter  WhatsApp  Email", "share buttons"),
        ("إعلان", "advertisement marker"),
        ("الكلمات المفتاحية: روسيا، أذربيجان، قره باغ", "tags line"),
    ],
)
def test_builtin_rules_remove_other_noise_lines(noise, reason):
    text = f"{TITLE}\n{BODY1}\n{noise}\n{BODY2}"
    res = clean(text, load_rules())
    assert res.body == f"{BODY1}\n{BODY2}"
    assert [(e["line"], e["text"], e["reason"]) for e in res.removed if e["rule"] != "title"] == [(3, noise, reason)]


@pytest.mark.parametrize(
    "caption",
    ["الرئيس الروسي خلال مؤتمر صحفي في موسكو (أ ف ب)", "صورة أرشيفية: الكرملين في موسكو",
     "جنود أذربيجانيون قرب خانكندي - Getty Images"],
)
def test_captions_go_to_captions(caption):
    res = clean(f"{TITLE}\n{BODY1}\n{caption}\n{BODY2}", load_rules())
    assert [c["text"] for c in res.captions] == [caption]
    assert caption not in res.body


def test_a_long_paragraph_ending_with_an_agency_name_stays():
    para = BODY1 + " " + BODY2 + " بحسب ما نقلته وكالة الأنباء عن مصادر مطلعة على سير المحادثات/رويترز"
    res = clean(f"{TITLE}\n{para}\n{BODY2}", load_rules())
    assert para in res.body and res.captions == []


def test_user_rule_file_extends_the_builtin_rules(tmp_path):
    site_noise = "🎧 استمع إلى هذا الخبر بصوت المذيع"
    quiz = "مسابقة اليوم: أجب عن السؤال واربح"
    text = f"{TITLE}\n{BODY1}\n{site_noise}\n{BODY2}\n{quiz}\n- تم نسخ الرابط"
    before = clean(text, load_rules())
    assert site_noise in before.body and quiz in before.body  # the built-in rules do not know this site
    rules_file = tmp_path / "my_site.json"
    rules_file.write_text(json.dumps({"rules": [
        {"name": "listen", "pattern": "استمع إلى", "reason": "audio player", "max_words": 15},
        {"name": "quiz", "pattern": "^مسابقة اليوم", "reason": "quiz box"},
    ]}, ensure_ascii=False), encoding="utf-8")
    rules = load_rules([rules_file])
    assert rules.sources == ("built-in", str(rules_file))
    after = clean(text, rules)
    assert after.body == f"{BODY1}\n{BODY2}"
    reasons = [e["reason"] for e in after.removed]
    assert reasons == ["title", "audio player", "quiz box", "'copied to clipboard' notice"]


def test_rule_file_can_replace_the_builtin_rules(tmp_path):
    rules_file = tmp_path / "only.json"
    rules_file.write_text(json.dumps({"replace_builtin": True, "rules": [{"name": "x", "pattern": "^XX"}]}))
    res = clean(f"{TITLE}\n{BODY1}\n- تم نسخ الرابط\nXX junk", load_rules([rules_file]))
    assert res.body == f"{BODY1}\n- تم نسخ الرابط"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"line 1: not valid JSON"),
        ('{"rules": 3}', r'expected an object with a "rules" list'),
        ('{"rules": [{"name": "a", "pattern": "("}]}',
         r"rule 1 \('a'\): the pattern is not a valid regular expression"),
        ('{"rules": [{"pattern": "x"}]}', r'rule 1: the rule has no "name"'),
        ('{"rules": [{"name": "a", "pattern": "x", "action": "delete"}]}', r"action must be one of remove, caption"),
        ('{"rules": [{"name": "a", "pattern": "x", "colour": "red"}]}', r"unknown key\(s\) colour"),
    ],
)
def test_bad_rule_files_are_explained(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RulesError, match=message) as err:
        load_rules([path])
    assert str(path) in str(err.value)


def test_missing_rule_file(tmp_path):
    with pytest.raises(RulesError, match="cannot be read"):
        load_rules([tmp_path / "nope.json"])


def test_text_without_title_keeps_its_first_paragraph():
    res = clean(f"{BODY1}\n{BODY2}", load_rules())
    assert res.title is None and res.body == f"{BODY1}\n{BODY2}"


def test_known_title_removes_its_copies():
    res = clean(f"{TITLE}\n\n{TITLE}\n{BODY1}", load_rules(), title=TITLE)
    assert res.title == TITLE and res.body == BODY1
    assert [e["reason"] for e in res.removed] == ["duplicate title", "duplicate title"]


def test_only_noise_is_an_error():
    with pytest.raises(IngestError, match="no article body found"):
        clean("- تم نسخ الرابط\n- 10 يناير 2025\n", load_rules())


_LINES = st.sampled_from([
    TITLE, BODY1, BODY2, "", "   ", "- 10 يناير 2025", "- 5 أكتوبر 2023, 9:32:00 ص",
    "- تم نسخ عنوان المقال إلى الحافظة",
    "- ℃ 11 تركيا", 'قوات ترفع العلم في "قره باغ"/رويترز', "شارك عبر: فيسبوك", "تقارير عن اجتماع سري", "Politico",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=25))
def test_cleanup_is_reversible(lines):
    text = "\n".join(lines)
    try:
        res = clean(text, load_rules())
    except IngestError:
        return  # nothing left: nothing stored, nothing to restore
    assert restore_original(res.body, _meta(res)) == text
    for entry in res.removed + res.captions:
        assert text[entry["offset"]:entry["offset"] + len(entry["text"])] == entry["text"]


def test_rules_can_be_written_in_yaml(tmp_path):
    rules_file = tmp_path / "site.yaml"
    rules_file.write_text(
        "rules:\n"
        "  - name: quiz\n"
        "    pattern: '^مسابقة اليوم'\n"
        "    reason: quiz box\n"
        "    max_words: 12\n",
        encoding="utf-8",
    )
    res = clean(f"{TITLE}\n{BODY1}\nمسابقة اليوم: أجب عن السؤال واربح\n{BODY2}", load_rules([rules_file]))
    assert res.body == f"{BODY1}\n{BODY2}"
    assert [e["reason"] for e in res.removed] == ["title", "quiz box"]


def test_broken_yaml_rules_name_the_line(tmp_path):
    rules_file = tmp_path / "bad.yml"
    rules_file.write_text("rules:\n  - name: x\n    pattern: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad.yml: line \d+: not valid YAML"):
        load_rules([rules_file])


def test_max_words_is_a_limit_on_the_stripped_line():
    rules = RuleSet(tuple(parse_rules([{"name": "promo", "pattern": "حمّل التطبيق", "max_words": 4}], "t")[0]))
    at_limit = "  حمّل التطبيق من هنا  "  # four words once stripped
    over = "حمّل التطبيق من هنا الآن"
    res = clean(f"{TITLE}\n{BODY1}\n{at_limit}\n{over}\n{BODY2}", rules)
    assert [e["text"] for e in res.removed if e["rule"] == "promo"] == [at_limit]
    assert over in res.body


_HEADER_LINES = ["- ℃ 11 تركيا", "- 10 يناير 2025", "- 5 أكتوبر 2023, 9:32:00 ص", "- تم نسخ عنوان المقال إلى الحافظة",
                 "شارك:", "الرئيسية > أخبار", TITLE, "عنوان آخر للخبر", "١٢ أيلول ٢٠٢٢", "   "]


@given(st.lists(st.lists(st.sampled_from(_HEADER_LINES), max_size=6), min_size=1, max_size=6))
@settings(max_examples=50)
def test_remembered_header_lines_give_what_a_fresh_cleanup_gives(headers):
    shared = load_rules()
    for header in headers:
        text = "\n".join([*header, BODY1, BODY2])
        assert clean(text, shared) == clean(text, load_rules())


def test_a_rule_with_starts_is_tried_only_on_lines_that_start_so(tmp_path):
    rules_file = tmp_path / "site.json"
    rules_file.write_text(json.dumps({"rules": [
        {"name": "promo", "pattern": "عرض خاص", "starts": ["عرض"], "reason": "promotion"}]}, ensure_ascii=False),
        encoding="utf-8")
    rules = load_rules([rules_file])
    for promo, taken in (("« عرض خاص لقرائنا", True), ("لقرائنا عرض خاص", False)):
        res = clean(f"{TITLE}\n{BODY1}\n{promo}\n{BODY2}", rules)
        assert (promo not in res.body) == taken
        assert [e["reason"] for e in res.removed if e["text"] == promo] == (["promotion"] if taken else [])


@pytest.mark.parametrize("starts", ["عرض", [""], ["x" * 41], [3]])
def test_bad_starts_are_explained(tmp_path, starts):
    rules_file = tmp_path / "bad.json"
    rules_file.write_text(json.dumps({"rules": [{"name": "p", "pattern": "x", "starts": starts}]}), encoding="utf-8")
    with pytest.raises(RulesError, match=r"rule 1 \('p'\): starts must be a list of non-empty strings"):
        load_rules([rules_file])


def test_the_builtin_starts_filters_never_hide_a_match():
    """Each built-in rule's ``starts`` is a necessary condition for its pattern (on the sample's lines,
    the test sites' and the line-class examples)."""
    from annotations.ingest.cleanup import head_of

    lines = {line.strip() for path in SITES.rglob("*.txt") for line in path.read_text(encoding="utf-8").split("\n")}
    lines |= {"اقرأ أيضاً: خبر", "« إقرأ أيضا", "أخبار ذات صلة", "حُدّث في 5 أكتوبر", "١٢٣ مشاهدة",
              "| فيسبوك | تويتر", "إكس واتساب", "Facebook Twitter", "Follow us", "• الرئيسية › أخبار",
              "مصدر الصورة: أ ف ب", "- مساحة إعلانية", "قائمة 1 من 2", "Read more: x"}
    for rule in load_rules().rules:
        if rule.starts:
            for line in lines:
                folded = normalise(line)
                if rule.pattern.search(line) or rule.pattern.search(folded):
                    assert head_of(folded).startswith(rule.starts), (rule.name, line)
