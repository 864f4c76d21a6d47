"""Scrapers' one-article-per-file ``.json`` output (news-please, trafilatura, newspaper4k) told apart
from Label Studio exports and from other JSON (annotations.ingest)."""

from __future__ import annotations

import json

import main
from annotations import Project
from annotations.headline import without_added_headline
from annotations.ingest import ImportOptions, import_paths

TITLES = ["الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة",
          "ارتفاع أسعار الخضروات في الأسواق المحلية مع بداية الشتاء",
          "افتتاح مستشفى جامعي جديد في العاصمة بطاقة خمسمئة سرير"]
BODY = ["أعلنت الحكومة اليوم خطة جديدة تشمل قروضاً ميسرة للمزارعين وبذوراً مجانية للموسم المقبل.",
        "وسجلت أسعار الطماطم والبطاطس ارتفاعاً ملحوظاً في أسواق الجملة خلال الأسبوع الماضي.",
        "وقال وزير الصحة إن المستشفى سيخدم سكان الأحياء الجنوبية ويضم أقساماً للطوارئ والولادة."]

NEWS_PLEASE = {
    "authors": ["أحمد عبد الرحمن"], "date_download": "2025-02-13 08:00:00", "date_modify": None,
    "date_publish": "2025-02-12 10:30:00", "description": None, "filename": "a.json", "image_url": None,
    "language": "ar", "localpath": None, "maintext": BODY[0], "source_domain": "www.example-news.com",
    "title": TITLES[0], "title_page": None, "title_rss": None, "url": "https://www.example-news.com/a",
}
TRAFILATURA = {"title": TITLES[1], "author": "ليلى بن علي", "hostname": "example-news.com", "date": "2025-02-12",
               "text": BODY[1], "raw_text": BODY[1], "url": "https://example-news.com/b", "categories": "",
               "tags": "", "fingerprint": "abc", "id": None, "license": None, "comments": "", "source": None}
NEWSPAPER4K = {"title": TITLES[2], "text": BODY[2], "publish_date": "2025-02-12T09:15:00+03:00",
               "authors": ["يوسف حداد"], "source_url": "https://example-news.com",
               "url": "https://example-news.com/c", "top_image": "", "keywords": []}


def _write(path, obj, indent=2):
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=indent), encoding="utf-8")


def _body(doc):
    return without_added_headline(doc.text, doc.meta)


def test_a_news_please_json_file_is_an_article(tmp_path):
    _write(tmp_path / "a.json", NEWS_PLEASE)
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "a.json"])
        (doc,) = p.iter_documents()
    assert report.ok and len(report.imported) == 1 and not report.external
    assert doc.title == TITLES[0] and _body(doc) == BODY[0]
    assert doc.meta["published"] == "2025-02-12T10:30:00"
    assert (doc.meta["source"], doc.meta["author"], doc.meta["url"]) == (
        "www.example-news.com", "أحمد عبد الرحمن", "https://www.example-news.com/a")
    assert doc.meta["format"] == "article-json" and "line" not in doc.meta


def test_trafilatura_and_newspaper4k_json_files_are_articles(tmp_path):
    _write(tmp_path / "t.json", TRAFILATURA)
    _write(tmp_path / "n.json", NEWSPAPER4K, indent=None)
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "t.json", tmp_path / "n.json"])
        docs = {d.meta["file"].rsplit("/", 1)[-1]: d for d in p.iter_documents()}
    assert report.ok and sorted(docs) == ["n.json", "t.json"]
    t, n = docs["t.json"], docs["n.json"]
    assert (t.title, _body(t), t.meta["published"], t.meta["source"], t.meta["author"]) == (
        TITLES[1], BODY[1], "2025-02-12", "example-news.com", "ليلى بن علي")
    assert (n.title, _body(n), n.meta["author"]) == (TITLES[2], BODY[2], "يوسف حداد")
    assert n.meta["published"].startswith("2025-02-12T09:15:00")


def test_a_folder_of_scraper_json_files_imports_and_ignores_other_json(tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    for i, obj in enumerate((NEWS_PLEASE, TRAFILATURA, NEWSPAPER4K)):
        _write(folder / f"{i}.json", obj)
    _write(folder / "config.json", {"name": "crawler", "start_urls": ["https://example-news.com"]})
    _write(folder / "studio.json", [{"data": {"text": BODY[0]}}])  # Label Studio exports are named explicitly
    with Project.memory() as p:
        report = import_paths(p, [folder])
        titles = sorted(d.title for d in p.iter_documents())
    assert report.ok and titles == sorted(TITLES)
    assert report.ignored == {".json": 2}


def test_a_list_of_article_objects_is_one_article_each(tmp_path):
    _write(tmp_path / "all.json", [NEWS_PLEASE, {"maintext": ""}, TRAFILATURA])
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "all.json"])
        docs = list(p.iter_documents())
    assert [d.title for d in docs] == [TITLES[0], TITLES[1]] and [d.meta["line"] for d in docs] == [1, 3]
    [failed] = report.failed
    assert failed.line == 2 and "no 'text' field (this one has: maintext)" in failed.message


def test_a_label_studio_export_is_still_read_as_label_studio(tmp_path):
    tasks = [{"data": {"text": BODY[0]}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 5, "text": BODY[0][:5], "labels": ["GPE"]}}]}]},
        {"data": {"text": BODY[1]}}]
    _write(tmp_path / "ls.json", tasks)
    _write(tmp_path / "one-task.json", {"data": {"text": BODY[2]}})
    _write(tmp_path / "article.json", NEWS_PLEASE | {"maintext": BODY[2] + " وأضاف أن الخطة تبدأ غداً."})
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "ls.json", tmp_path / "one-task.json", tmp_path / "article.json"],
                              ImportOptions(annotated={"unknown_labels": "add"}))
        docs = list(p.iter_documents())
        assert report.ok and [where for where, _ in report.imported] == [str(tmp_path / "article.json")]
        annotated = [d for d in docs if d.meta.get("format") != "article-json"]
        assert sorted(d.text for d in annotated) == sorted(BODY)
        assert sum(len(p.spans(d.id)) for d in annotated) == 1


def test_a_json_file_that_is_neither_names_the_file_and_the_keys_expected(tmp_path, capsys):
    bad = tmp_path / "export.json"
    _write(bad, {"headline": TITLES[0], "content": BODY[0]})
    code = main.main(["import", str(tmp_path / "proj"), str(bad), "--quiet"])
    out, err = capsys.readouterr()
    assert code == 1
    [message] = err.splitlines()
    assert message.startswith(f"failed {bad}: neither a scraped article nor a Label Studio export")
    assert "'headline', 'content'" in message  # what it has
    assert "'text' or 'maintext'" in message and "'data'" in message and "--text-field" in message
    assert "1 failed" in out


def test_a_json_list_of_numbers_and_broken_json_are_refused_clearly(tmp_path):
    (tmp_path / "n.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"maintext": "نص",\n "title": }', encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "n.json", tmp_path / "b.json"])
        assert len(p) == 0
    by_file = {f.source.rsplit("/", 1)[-1]: f for f in report.failed}
    assert "it is a JSON list of ints" in by_file["n.json"].message
    assert by_file["b.json"].message.startswith("not valid JSON") and by_file["b.json"].line == 2
