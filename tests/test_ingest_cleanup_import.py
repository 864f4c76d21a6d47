"""Cleanup through a real import: boilerplate learned from the batch, bylines and Hijri dates in the
metadata, bad input reported, the scrapers' own JSON fields (annotations.ingest)."""

from __future__ import annotations

import json

from annotations import Project
from annotations.headline import without_added_headline
from annotations.ingest import ImportOptions, import_paths, restore_original

TITLES = ["الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة",
          "ارتفاع أسعار الخضروات في الأسواق المحلية مع بداية الشتاء",
          "افتتاح مستشفى جامعي جديد في العاصمة بطاقة خمسمئة سرير",
          "منتخب الشباب يتأهل إلى نهائيات البطولة القارية للمرة الأولى"]
BODY = ["أعلنت الحكومة اليوم خطة جديدة تشمل قروضاً ميسرة للمزارعين وبذوراً مجانية للموسم المقبل.",
        "وسجلت أسعار الطماطم والبطاطس ارتفاعاً ملحوظاً في أسواق الجملة خلال الأسبوع الماضي.",
        "وقال وزير الصحة إن المستشفى سيخدم سكان الأحياء الجنوبية ويضم أقساماً للطوارئ والولادة.",
        "وفاز المنتخب في مباراته الأخيرة بهدفين دون رد ليحجز مقعده بين الثمانية الكبار."]
MENU = "أخبار رياضة اقتصاد منوعات فيديو"  # no separators, no "الرئيسية": only the batch tells
FOOTER = "زوروا موقعنا يومياً لمتابعة آخر المستجدات"


def _body(doc, title):
    """The stored text without the headline the importer put first (checked to be ``title``)."""
    assert doc.meta.get("headline_added") and doc.text.split("\n", 1)[0] == title
    return without_added_headline(doc.text, doc.meta)


def _docs(project):
    return {d.meta["file"].rsplit("/", 1)[-1]: d for d in project.iter_documents()}


def test_lines_a_folder_repeats_are_removed_and_restorable(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    sources = {}
    for i, (title, body) in enumerate(zip(TITLES, BODY, strict=True)):
        text = f"{MENU}\n{title}\n{body}\n{FOOTER}\n"
        sources[f"{i}.txt"] = text
        (site / f"{i}.txt").write_text(text, encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [site])
        assert report.ok and len(report.imported) == 4
        for name, doc in _docs(p).items():
            i = int(name[0])
            assert doc.title == TITLES[i] and _body(doc, TITLES[i]) == BODY[i]
            reasons = {e["text"]: e["reason"] for e in doc.meta["removed"]}
            assert reasons[MENU] == reasons[FOOTER] == "repeated in the source's other articles"
            assert restore_original(doc.text, doc.meta) == sources[name]


def test_a_sentence_the_folder_repeats_is_content(tmp_path):
    # five cities over thirty articles: each second sentence comes back in six of them
    cities = ["إسطنبول", "القاهرة", "بيروت", "دمشق", "بغداد"]
    site = tmp_path / "site"
    site.mkdir()
    for k in range(30):
        city = cities[k % 5]
        (site / f"{k:02d}.txt").write_text(
            f"شهدت {city} اجتماعاً رقم {k} بين الوفود.\nوقال المتحدث إن المحادثات جرت بالفعل في {city}.",
            encoding="utf-8")
    with Project.memory() as p:
        import_paths(p, [site])
        assert all(len(d.text.split("\n")) == 2 for d in p.iter_documents())


def test_lines_are_learned_per_folder(tmp_path):
    for k, folder in enumerate(("a", "b")):
        (tmp_path / folder).mkdir()
        for i in range(2):  # two articles per folder: too few to learn from
            (tmp_path / folder / f"{i}.txt").write_text(
                f"{TITLES[2 * k + i]}\n{BODY[2 * k + i]}\n{FOOTER}\n", encoding="utf-8")
    with Project.memory() as p:
        import_paths(p, [tmp_path])
        assert all(FOOTER in d.text for d in p.iter_documents())


def test_byline_source_and_hijri_date_reach_the_metadata(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(f"{TITLES[0]}\nكتب أحمد عبد الرحمن\nالأربعاء 13 شعبان 1446 هـ\nالقاهرة - وكالات\n{BODY[0]}\n",
                   encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [art])
        (doc,) = p.iter_documents()
    assert report.ok and _body(doc, TITLES[0]) == BODY[0]
    assert doc.meta["published"] == "2025-02-12" and doc.meta["published_hijri"] == "13 شعبان 1446 هـ"
    assert doc.meta["author"] == "أحمد عبد الرحمن"


def test_a_menu_page_is_reported_as_no_article_body(tmp_path):
    page = tmp_path / "menu.txt"
    page.write_text("الرئيسية\nأخبار محلية\nرياضة\nاقتصاد\nاتصل بنا\n", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [page])
        assert len(p) == 0
    assert not report.ok and "no article body found" in report.failed[0].message


def test_a_date_that_cannot_be_read_is_reported_never_guessed(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(f"{TITLES[0]}\n31 شباط 2025\n{BODY[0]}\n", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [art])
        (doc,) = p.iter_documents()
    assert "published" not in doc.meta
    assert report.ok and len(report.warnings) == 1
    assert "31 شباط 2025" in report.warnings[0].message and "left empty" in report.warnings[0].message


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_news_please_output(tmp_path):
    _jsonl(tmp_path / "np.jsonl", [{
        "title": TITLES[0], "maintext": BODY[0], "date_publish": "2025-02-12 10:30:00",
        "source_domain": "www.example-news.com", "authors": ["أحمد عبد الرحمن", "سارة المصري"],
        "url": "https://www.example-news.com/a", "language": "ar", "date_download": "2025-02-13 08:00:00",
        "description": None, "image_url": None,
    }])
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "np.jsonl"])
        (doc,) = p.iter_documents()
    assert report.ok
    assert _body(doc, TITLES[0]) == BODY[0] and doc.title == TITLES[0]
    assert doc.meta["published"] == "2025-02-12T10:30:00"
    assert doc.meta["source"] == "www.example-news.com"
    assert doc.meta["author"] == "أحمد عبد الرحمن، سارة المصري"
    assert doc.meta["fields"]["date_download"] == "2025-02-13 08:00:00"


def test_trafilatura_output(tmp_path):
    _jsonl(tmp_path / "tf.jsonl", [{
        "title": TITLES[1], "author": "ليلى بن علي", "hostname": "example-news.com", "date": "2025-02-12",
        "text": BODY[1], "url": "https://example-news.com/b", "categories": "", "tags": "",
    }])
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "tf.jsonl"])
        (doc,) = p.iter_documents()
    assert report.ok and _body(doc, TITLES[1]) == BODY[1]
    assert (doc.meta["published"], doc.meta["source"], doc.meta["author"]) == (
        "2025-02-12", "example-news.com", "ليلى بن علي")


def test_newspaper4k_output(tmp_path):
    _jsonl(tmp_path / "n4k.jsonl", [{
        "title": TITLES[2], "text": BODY[2], "publish_date": "2025-02-12T09:15:00+03:00",
        "authors": ["يوسف حداد"], "source_url": "https://example-news.com", "url": "https://example-news.com/c",
    }])
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "n4k.jsonl"])
        (doc,) = p.iter_documents()
    assert report.ok and _body(doc, TITLES[2]) == BODY[2]
    assert doc.meta["published"].startswith("2025-02-12T09:15:00")
    assert doc.meta["author"] == "يوسف حداد" and doc.meta["url"] == "https://example-news.com/c"


def test_a_named_field_is_not_replaced_by_a_scrapers_name(tmp_path):
    from annotations.ingest.tabular import Fields

    _jsonl(tmp_path / "x.jsonl", [{"body": BODY[3], "maintext": "نص آخر لا يجب أن يؤخذ بدلاً من الحقل المسمى."}])
    with Project.memory() as p:
        import_paths(p, [tmp_path / "x.jsonl"], ImportOptions(fields=Fields(text="body")))
        (doc,) = p.iter_documents()
    assert doc.text == BODY[3]


def test_scraper_csv_with_maintext_column(tmp_path):
    (tmp_path / "np.csv").write_text(f"title,maintext,date_publish\n{TITLES[3]},{BODY[3]},2025-02-12\n",
                                     encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "np.csv"])
        (doc,) = p.iter_documents()
    assert report.ok and _body(doc, TITLES[3]) == BODY[3] and doc.meta["published"] == "2025-02-12"


# ----------------------------------------------------------- boilerplate of a source already in the project
MORE_TITLES = ["وزارة التربية تعلن مواعيد الامتحانات النهائية للعام الدراسي",
               "انطلاق مهرجان الكتاب الدولي بمشاركة مئتي دار نشر عربية"]
MORE_BODY = ["وقالت الوزارة في بيان إن الامتحانات ستبدأ مطلع الشهر المقبل وتستمر أسبوعين.",
             "ويستمر المهرجان عشرة أيام ويضم ندوات وأمسيات شعرية وورشاً للأطفال."]
SHARE = "أرسل الخبر إلى صديق"  # no rule takes these: only what the site repeats says they go
NEWSLETTER = "لا تفوتوا آخر الأخبار كل صباح"


def _site_article(i):
    titles, bodies = TITLES + MORE_TITLES, BODY + MORE_BODY
    return f"{MENU}\n{titles[i]}\n{SHARE}\n{bodies[i]}\n{NEWSLETTER}\n{FOOTER}\n"


def test_a_single_new_article_loses_the_lines_its_sites_stored_articles_repeat(tmp_path):
    site, later, other = tmp_path / "site", tmp_path / "later" / "site", tmp_path / "other"
    for folder in (site, later, other):
        folder.mkdir(parents=True)
    for i in range(5):
        (site / f"{i}.txt").write_text(_site_article(i), encoding="utf-8")
    new = site / "new.txt"  # the same folder, a second import of that one file
    with Project.open(tmp_path / "proj") as p:
        assert import_paths(p, [site]).ok
    new.write_text(_site_article(5), encoding="utf-8")
    (other / "x.txt").write_text(_site_article(5), encoding="utf-8")
    with Project.open(tmp_path / "proj") as p:  # reopened: what was learned is read from the project
        report = import_paths(p, [new, other / "x.txt"])
        assert report.ok and len(report.imported) == 2
        docs = {d.meta["file"]: d for d in p.iter_documents()}
    doc = docs[str(new)]
    assert _body(doc, MORE_TITLES[1]) == MORE_BODY[1]
    reasons = {e["text"]: e["reason"] for e in doc.meta["removed"]}
    for line in (MENU, SHARE, NEWSLETTER, FOOTER):
        assert reasons[line] == f"boilerplate (seen in 5 earlier articles of {site})"
    assert restore_original(doc.text, doc.meta) == _site_article(5)
    # another source's article with the same lines learns nothing from this site's
    assert not any(e["rule"] == "batch" for e in docs[str(other / "x.txt")].meta["removed"])
    # (the two lines under its last sentence go as its foot, a line class, not as learned lines)
    other_doc = docs[str(other / "x.txt")]
    rules_of = {e["text"]: e["rule"] for e in other_doc.meta["removed"]}
    assert all(line in other_doc.text or rules_of.get(line) == "foot" for line in (SHARE, NEWSLETTER, FOOTER))
    assert SHARE in other_doc.text


def test_stored_lines_of_a_scraped_source_count_and_removed_documents_do_not(tmp_path):
    def records(rng):
        return [{"title": (TITLES + MORE_TITLES)[i], "maintext": f"{MENU}\n{(BODY + MORE_BODY)[i]}\n{FOOTER}",
                 "source_domain": "www.example-news.com"} for i in rng]

    _jsonl(tmp_path / "first.jsonl", records(range(3)))
    _jsonl(tmp_path / "second.jsonl", records(range(3, 4)))
    _jsonl(tmp_path / "third.jsonl", records(range(4, 5)))
    with Project.memory() as p:
        import_paths(p, [tmp_path / "first.jsonl"])
        first = [d.id for d in p.documents()]
        import_paths(p, [tmp_path / "second.jsonl"])
        (doc,) = [d for d in p.iter_documents() if d.id not in first]
        assert doc.text.split("\n")[1:] == [BODY[3]]
        reasons = {e["text"]: e["reason"] for e in doc.meta["removed"]}
        assert reasons[MENU] == reasons[FOOTER] == "boilerplate (seen in 3 earlier articles of www.example-news.com)"
        for doc_id in first:
            p.remove_document(doc_id)  # the lines are left in one stored article and the new one
        import_paths(p, [tmp_path / "third.jsonl"])
        (last,) = [d for d in p.iter_documents() if d.title == MORE_TITLES[0]]
        assert last.text.split("\n")[1:] == [MENU, MORE_BODY[0], FOOTER]
