"""End-to-end article import into a project: formats, bad input, duplicates, zip safety, cancel."""

from __future__ import annotations

import codecs
import json
import os
import socket
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import Project
from annotations.headline import after_headline
from annotations.ingest import ImportOptions, import_paths, restore_original
from annotations.ingest.tabular import Fields
from annotations.progress import Progress

TITLE = "روسيا تؤكد إجراء “محادثات سرية” مع أمريكا وأوروبا بإسطنبول.. سبقت الاشتباكات الأخيرة بـ”قره باغ”"
BODY1 = "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ."
BODY2 = "وقال المتحدث باسم الكرملين إن دبلوماسياً روسياً شارك في الاجتماع المذكور بمدينة إسطنبول التركية."


def _sample(shared_dir: Path) -> str:
    return (shared_dir / "samples" / "scraped_news_ar.txt").read_text(encoding="utf-8")


def _only(project):
    docs = list(project.iter_documents())
    assert len(docs) == 1, [d.title for d in docs]
    return docs[0]


def _failures(report):
    return [str(f) for f in report.failed]


def test_sample_article_imports_clean(project, shared_dir):
    report = import_paths(project, [shared_dir / "samples" / "scraped_news_ar.txt"])
    assert report.ok and len(report.imported) == 1
    doc = _only(project)
    assert doc.title.startswith("روسيا تؤكد إجراء")
    # the headline opens the text (annotatable: روسيا, أمريكا, بإسطنبول), then the body
    assert doc.text.startswith(doc.title + "\nشهدت إسطنبول اجتماعاً") and doc.meta["headline"] == len(doc.title)
    assert doc.meta["headline_added"] is True
    assert doc.meta["published"] == "2023-10-05T09:32:00"
    assert doc.meta["encoding"] == "utf-8"
    assert doc.meta["direction"] == "rtl" and doc.meta["language"] == "ar"
    removed = [e["text"] for e in doc.meta["removed"]]
    assert "- ℃ 11 تركيا" in removed and "- 10 يناير 2025" in removed
    assert "- تم نسخ عنوان المقال إلى الحافظة" in removed and "- 5 أكتوبر 2023, 9:32:00 ص" in removed
    assert doc.meta["captions"][0]["text"].endswith("/رويترز")
    info = project.documents()[0]
    assert info.title == doc.title


def test_same_article_in_four_encodings_imports_identically(tmp_path, shared_dir):
    text = _sample(shared_dir).replace("℃", "°C")  # Windows-1256 has no ℃ sign
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "cp1256.txt": text.encode("cp1256"),
        "utf16.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf8bom_crlf.txt": codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    }
    results = {}
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        with Project.memory() as p:
            assert import_paths(p, [tmp_path / name]).ok
            doc = _only(p)
            results[name] = (doc.text, doc.title, doc.meta["published"], doc.meta["removed"], doc.meta["encoding"])
    texts = {r[:4] == results["utf8.txt"][:4] for r in results.values()}
    assert texts == {True}
    assert {r[4] for r in results.values()} == {"utf-8", "cp1256", "utf-16-le", "utf-8-sig"}
    # In one project, the three re-encodings are duplicates of the first.
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / n for n in variants])
        assert len(report.imported) == 1 and len(report.skipped) == 3
        assert all("same text as" in str(s) for s in report.skipped)


HTML_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">
<title>وزير الخارجية يزور القاهرة | موقع الأخبار</title>
<meta property="og:title" content="وزير الخارجية يزور القاهرة">
<meta name="date" content="2024-03-12T10:15:00">
<style>body {{ color: red }} .ad::after {{ content: "نص الأسلوب" }}</style>
<script>var secret = "نص من السكربت"; fetch("http://tracker.invalid/x");</script>
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a> | <a href="/econ">قائمة التنقل</a></nav>
<article><h1>وزير الخارجية يزور القاهرة</h1>
<p>{p1}</p>
<img src="http://images.invalid/remote.jpg" alt="صورة بعيدة من الخادم">
<p>وقال الوزير في تصريح للصحفيين إن الزيارة تهدف إلى تعزيز التعاون الاقتصادي بين البلدين في مجالات الطاقة.</p>
<p>وأضاف أن المباحثات ستتناول <a href="file:///etc/passwd">الملف المحلي</a> الأوضاع الإقليمية أيضاً.</p>
</article><footer>جميع الحقوق محفوظة</footer>
<script>document.write("نص مكتوب بالسكربت")</script></body></html>"""


def test_html_only_article_text_comes_in(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the importer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    p1 = "وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية تستمر ثلاثة أيام يلتقي خلالها المسؤولين."
    page = tmp_path / "page.html"
    page.write_bytes(HTML_PAGE.format(p1=p1).encode("cp1256"))
    with Project.memory() as p:
        report = import_paths(p, [page])
        assert report.ok, report.lines()
        doc = _only(p)
    assert doc.title == "وزير الخارجية يزور القاهرة"
    assert doc.text.startswith(f"{doc.title}\n{p1}")
    assert "تعزيز التعاون الاقتصادي" in doc.text and "الأوضاع الإقليمية" in doc.text
    for junk in ("السكربت", "الأسلوب", "التنقل", "الرئيسية", "صورة بعيدة", "passwd", "file:", "http", "الحقوق",
                 "color"):
        assert junk not in doc.text
    assert doc.meta["published"] == "2024-03-12T10:15:00"
    assert doc.meta["encoding"] == "cp1256" and doc.meta["format"] == "html"


def test_jsonl_with_arabic_fields_and_bad_lines(tmp_path):
    good = {"body": BODY1, "headline": "عنوان الخبر الأول", "when": "٥ تشرين الأول ٢٠٢٣ ٩:٣٢ ص",
            "link": "https://example.invalid/1", "site": "الجزيرة", "key": 17, "section": "سياسة"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        '{"body": "نص مقطوع',
        json.dumps({"headline": "بلا نص"}, ensure_ascii=False),
        "",
        json.dumps(["قائمة"], ensure_ascii=False),
        json.dumps({"body": BODY2, "when": "أمس"}, ensure_ascii=False),
        json.dumps({"body": "   "}),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    options = ImportOptions(fields=Fields(text="body", title="headline", date="when", url="link", source="site",
                                          id="key"))
    with Project.memory() as p:
        report = import_paths(p, [path], options)
        docs = {after_headline(d.text, d.meta): d for d in p.iter_documents()}
    assert set(docs) == {BODY1, BODY2}
    first = docs[BODY1]
    assert first.title == "عنوان الخبر الأول"
    assert first.meta["published"] == "2023-10-05T09:32:00"
    assert first.meta["url"] == "https://example.invalid/1" and first.meta["source"] == "الجزيرة"
    assert first.meta["external_id"] == "17" and first.meta["fields"] == {"section": "سياسة"}
    assert first.meta["line"] == 1
    assert docs[BODY2].meta["fields"] == {"date_text": "أمس"}
    fails = _failures(report)
    assert fails[0].startswith(f"{path}:2: not valid JSON")
    assert fails[1].startswith(f"{path}:3: no 'body' field (this one has: headline); name the text field")
    assert fails[2].startswith(f"{path}:5: a JSON list, not an object")
    assert fails[3] == f"{path}:7: the 'body' field is empty"
    assert len(fails) == 4
    assert [str(w) for w in report.warnings] == [f"{path}:6: date 'أمس' not understood; kept as meta['date_text']"]


def test_csv_with_arabic_columns_and_bad_rows(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "العنوان;text;date\n"
        f"خبر أول;\"{BODY1}\nسطر ثان من الخبر\";2023-10-05\n"
        "خبر ناقص;نص فقط\n"
        f"خبر ثالث;{BODY2};10 يناير 2025\n"
        "خبر فارغ;;2020-01-01\n",
        encoding="cp1256",
    )
    options = ImportOptions(fields=Fields(title="العنوان"))
    with Project.memory() as p:
        report = import_paths(p, [path], options)
        docs = sorted(p.iter_documents(), key=lambda d: d.meta["line"])
    assert [(d.meta["line"], d.title, d.meta["published"]) for d in docs] == [
        (2, "خبر أول", "2023-10-05"), (5, "خبر ثالث", "2025-01-10")]
    assert docs[0].text == f"خبر أول\n{BODY1}\nسطر ثان من الخبر"
    assert docs[0].meta["encoding"] == "cp1256"
    assert _failures(report) == [f"{path}:4: the row has 2 fields but the header has 3",
                                 f"{path}:6: the 'text' column is empty"]


def test_csv_without_the_named_column_fails_whole_file(tmp_path):
    path = tmp_path / "nocol.csv"
    path.write_text(f"title,content\nخبر,{BODY1}\n", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [path])
        assert len(p) == 0
    assert _failures(report) == [f"{path}:1: no 'text' column (the columns are: title, content); "
                                 "name the text column with --text-field"]


def _zip(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_with_articles_imports_members(tmp_path):
    archive = _zip(tmp_path / "news.zip", {
        "2023/a.txt": f"{TITLE}\n{BODY1}".encode(),
        "2023/b.txt": BODY2.encode("cp1256"),
        "__MACOSX/._a.txt": b"\x00\x05\x16\x07",
        "readme.pdf": b"%PDF-1.4",
        "inner.zip": b"PK\x03\x04",
    })
    with Project.memory() as p:
        report = import_paths(p, [archive])
        files = sorted(d.meta["file"] for d in p.iter_documents())
    assert files == [f"{archive}!2023/a.txt", f"{archive}!2023/b.txt"]
    assert _failures(report) == [f"{archive}!inner.zip: archives inside archives are not opened; unpack it first"]
    assert report.ignored == {".pdf": 1}


def test_zip_with_path_traversal_is_refused(tmp_path):
    inside = tmp_path / "in"
    inside.mkdir()
    archive = _zip(inside / "evil.zip", {"ok.txt": BODY1.encode(), "../evil.txt": BODY2.encode(),
                                        "/abs/evil2.txt": BODY2.encode()})
    project_dir = tmp_path / "proj"
    with Project.open(project_dir) as p:
        report = import_paths(p, [archive])
        assert len(p) == 0
    assert _failures(report) == [f"{archive}: member '../evil.txt' points outside the archive (path traversal); "
                                 "the archive is refused and nothing from it was imported"]
    assert sorted(x.name for x in tmp_path.iterdir()) == ["in", "proj"]
    assert sorted(x.name for x in inside.iterdir()) == ["evil.zip"]
    assert not any(p.name.startswith("evil") for p in project_dir.rglob("*"))


def test_zip_bomb_is_refused(tmp_path):
    archive = _zip(tmp_path / "bomb.zip", {"ok.txt": BODY1.encode(), "bomb.txt": b"\0" * (30 * 1024 * 1024)})
    assert archive.stat().st_size < 100_000
    with Project.memory() as p:
        report = import_paths(p, [archive])
        assert len(p) == 0
    (fail,) = _failures(report)
    assert fail.startswith(f"{archive}: member 'bomb.txt' would expand")
    assert "decompression bombs" in fail and "refused" in fail


def test_zip_limits_on_members_and_total_size(tmp_path):
    archive = _zip(tmp_path / "many.zip", {f"{i}.txt": f"{BODY1} {i}".encode() for i in range(5)})
    with Project.memory() as p:
        report = import_paths(p, [archive], ImportOptions(zip_max_members=4))
        assert "has 5 members, above the limit of 4" in _failures(report)[0]
        report = import_paths(p, [archive], ImportOptions(zip_max_total=100))
        assert "would unpack to" in _failures(report)[0] and len(p) == 0


def _deny(path: Path, monkeypatch) -> None:
    """Make a folder unreadable: by its mode, or (as root, where modes do not bind) at the listing call."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        real = os.scandir

        def scandir(p="."):
            if Path(p) == path:
                raise PermissionError(13, "Permission denied", str(path))
            return real(p)

        monkeypatch.setattr(os, "scandir", scandir)


def test_bad_inputs_each_get_their_own_line(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(f"{TITLE}\n{BODY1}", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    undecodable = tmp_path / "broken.txt"
    undecodable.write_bytes(BODY1.encode() + b"\n\xff\xfe\xfa" + BODY2.encode())
    nul = tmp_path / "nul.txt"
    nul.write_bytes(BODY1.encode() + b"\x00\x00" + BODY2.encode())
    overrides = tmp_path / "overrides.txt"
    # (the isolated names inside a paragraph: a line of two words under the last sentence is the foot)
    overrides.write_text(f"{BODY2}\n\u202e{BODY1}\u202c\n\u2066Politico\u2069 \u2066AFP\u2069 {BODY2}",
                         encoding="utf-8")
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text('{"text": "نص"\n{"text": "نص سليم في السطر الثاني من الملف"}\n', encoding="utf-8")
    csv_ = tmp_path / "nocol.csv"
    csv_.write_text("a,b\n1,2\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(BODY2, encoding="utf-8")
    _deny(locked, monkeypatch)
    try:
        with Project.memory() as p:
            report = import_paths(p, [good, empty, png, undecodable, nul, overrides, jsonl, csv_, missing, locked])
            n_docs = len(p)
    finally:
        locked.chmod(0o755)
    fails = _failures(report)
    expected = [
        (missing, "no such file or folder"),
        (locked, "cannot open this folder: permission denied"),
        (empty, "the file is empty"),
        (png, "this is a PNG image, not a text file"),
        (f"{undecodable}:2", "invalid UTF-8 at line 2"),
        (f"{nul}:1", "contains NUL bytes (first at line 1)"),
        (f"{jsonl}:1", "not valid JSON"),
        (f"{csv_}:1", "no 'text' column"),
    ]
    assert len(fails) == len(expected), fails
    for (where, reason), line in zip(expected, fails, strict=True):
        assert line.startswith(f"{where}: ") and reason in line, (where, line)
    assert len(report.imported) == n_docs == 3  # good, overrides, the good JSONL line
    (warning,) = [str(w) for w in report.warnings]
    assert warning.startswith(f"{overrides}: contains 6 bidi control characters (LRI ×2, PDF ×1, PDI ×2, RLO ×1)")
    assert not report.ok


def test_overrides_are_kept_in_the_text(tmp_path):
    path = tmp_path / "o.txt"
    text = f"{BODY2}\n\u202e{BODY1}\u202c"
    path.write_text(text, encoding="utf-8")
    with Project.memory() as p:
        import_paths(p, [path])
        doc = _only(p)
    assert doc.text == text and doc.meta["invisible"] == {"PDF": 1, "RLO": 1}


def test_huge_file_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    with Project.memory() as p:
        tracemalloc.start()
        try:
            report = import_paths(p, [huge])
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert len(p) == 0
    assert _failures(report) == [f"{huge}: the file is 200.0 MB, above the import limit of 100.0 MB; "
                                 "split it into smaller files or raise the limit with --max-size"]
    assert peak < 5 * 1024 * 1024
    with Project.memory() as p:
        report = import_paths(p, [huge], ImportOptions(max_size=1024))
        assert "above the import limit of 1.0 KB" in _failures(report)[0]


def test_a_failed_file_leaves_the_project_unchanged(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(f"{TITLE}\n{BODY1}", encoding="utf-8")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(BODY2.encode() + b"\x00")
    bomb = _zip(tmp_path / "bomb.zip", {"a.txt": BODY2.encode(), "b.txt": b" " * (20 * 1024 * 1024)})
    nocol = tmp_path / "nocol.csv"
    nocol.write_text(f"x\n{BODY2}\n", encoding="utf-8")
    folder = tmp_path / "proj"

    def snapshot():
        return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*"))
                if f.is_file() and f.name != "lock"}

    with Project.open(folder) as p:
        assert import_paths(p, [good]).ok
        p.flush_index()
        before = snapshot()
        report = import_paths(p, [nul, bomb, nocol])
        assert len(report.failed) == 3 and not report.imported
        p.flush_index()
        assert snapshot() == before
    with Project.open(folder) as p:
        assert [after_headline(d.text, d.meta) for d in p.iter_documents()] == [BODY1]


def test_duplicates_are_skipped_with_a_reason(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(f"{TITLE}\n{BODY1}\n{BODY2}", encoding="utf-8")
    b = tmp_path / "b.txt"  # same article from another page: other boilerplate, other whitespace
    b.write_text(f"- 10 يناير 2025\n{TITLE}\n{TITLE}\n{BODY1}  \n\n{BODY2}\n- تم نسخ الرابط\n", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [a, b])
        (doc,) = p.iter_documents()
    assert report.ok and len(report.imported) == 1
    assert [str(s) for s in report.skipped] == [f"{b}: same text as {a}, imported just before"]
    assert report.summary().startswith("Imported 1 article, skipped 1 duplicate, 0 failed")
    with Project.memory() as p:  # in a later import the earlier article is a stored document
        import_paths(p, [a])
        report = import_paths(p, [b])
        (doc,) = p.iter_documents()
    assert [str(s) for s in report.skipped] == [f"{b}: same text as document {doc.id}, already in the project"]


def test_folders_are_walked_recursively(tmp_path):
    (tmp_path / "news" / "2023" / "10").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(BODY1, encoding="utf-8")
    (tmp_path / "news" / "2023" / "10" / "b.htm").write_text(
        f"<html><body><article><p>{BODY2}</p><p>{BODY1} {BODY2}</p></article></body></html>", encoding="utf-8")
    (tmp_path / "news" / "2023" / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "news" / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [tmp_path / "news"])
        formats = sorted(d.meta["format"] for d in p.iter_documents())
    assert formats == ["html", "txt"] and report.ok
    assert report.ignored == {".png": 1}
    assert "ignored 1 file of other types (.png ×1)" in report.summary()


def test_no_cleanup_keeps_text_exactly(tmp_path, shared_dir):
    path = tmp_path / "s.txt"
    text = _sample(shared_dir)
    path.write_text(text, encoding="utf-8")
    with Project.memory() as p:
        import_paths(p, [path], ImportOptions(cleanup=False))
        doc = _only(p)
    assert doc.text == text and doc.title is None and "removed" not in doc.meta


def test_bad_rules_file_stops_before_importing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY1, encoding="utf-8")
    rules = tmp_path / "rules.json"
    rules.write_text('{"rules": [{"name": "x", "pattern": "[" }]}', encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [path], ImportOptions(rules_files=[rules]))
        assert len(p) == 0
    assert "not a valid regular expression" in _failures(report)[0]


class _CancelAfter(Progress):
    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n

    def advance(self, n: int = 1, label: str | None = None) -> None:
        super().advance(n, label)
        if self.done >= self.n:
            self.cancel()


def test_cancel_keeps_what_was_imported(tmp_path):
    paths = []
    for i in range(5):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"{BODY1} {i}", encoding="utf-8")
        paths.append(path)
    with Project.open(tmp_path / "proj") as p:
        report = import_paths(p, paths, progress=_CancelAfter(2))
        assert report.cancelled and report.not_reached == 3
        assert len(report.imported) == 2 == len(p)
    assert "cancelled, 3 files not attempted" in report.summary()
    with Project.open(tmp_path / "proj") as p:
        assert sorted(d.text for d in p.iter_documents()) == [f"{BODY1} 0", f"{BODY1} 1"]


def test_unexpected_errors_become_report_lines(tmp_path, monkeypatch):
    from annotations.ingest import html

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(html, "extract", broken)
    page = tmp_path / "p.html"
    page.write_text("<p>نص</p>", encoding="utf-8")
    txt = tmp_path / "t.txt"
    txt.write_text(BODY1, encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [page, txt])
        assert len(p) == 1
    assert _failures(report) == [f"{page}: unexpected error (RuntimeError: boom); please report this"]


def test_annotated_files_go_to_the_formats_importer(tmp_path, monkeypatch):
    from annotations import formats

    calls = []

    def fake(project, paths, fmt, options, progress):
        calls.append((sorted(str(x) for x in paths), fmt, options["unknown_labels"]))
        rep = formats.ImportReport(fmt)
        rep.failed.append(formats.ImportProblem(f"x.{fmt}", None, "not read"))
        return rep

    monkeypatch.setattr(formats, "import_annotated", fake)
    (tmp_path / "doc.txt").write_text(BODY1, encoding="utf-8")
    (tmp_path / "doc.ann").write_text("T1\tGPE 5 12\tإسطنبول\n", encoding="utf-8")
    native = tmp_path / "native.jsonl"
    native.write_text(json.dumps({"text": BODY2, "spans": []}) + "\n", encoding="utf-8")
    plain = tmp_path / "plain.jsonl"  # "label" as a category is not an annotation
    plain.write_text(json.dumps({"text": BODY2, "label": "سياسة"}) + "\n", encoding="utf-8")
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(json.dumps({"text": BODY1, "label": [[5, 12, "GPE"]]}) + "\n", encoding="utf-8")
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    studio = tmp_path / "studio.json"
    studio.write_text("[]", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [tmp_path, studio], ImportOptions(annotated={"unknown_labels": "add"}))
        assert [d.meta["file"] for d in p.iter_documents()] == [str(plain)]  # doc.txt belongs to doc.ann
    assert sorted(calls) == [([str(tmp_path / "doc.ann")], "brat", "add"), ([str(doccano)], "doccano", "add"),
                             ([str(native)], "jsonl", "add"), ([str(studio)], "labelstudio", "add")]
    assert report.n_failed == 4 and not report.ok
    assert report.ignored == {".json": 2}  # config.json and studio.json met in the folder walk
    assert report.lines()[0].startswith("Imported 1 article and 0 annotated documents (0 spans, 0 events, "
                                        "0 relations), skipped 0 duplicates, 4 failed;")
    assert "failed x.brat: not read" in report.lines()


def test_missing_formats_importer_is_explained(tmp_path, monkeypatch):
    from annotations import formats

    monkeypatch.delattr(formats, "import_annotated")
    ann = tmp_path / "doc.ann"
    ann.write_text("", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [ann])
    (fail,) = _failures(report)
    assert fail.startswith(f"{ann}: annotated brat files cannot be imported in this version")


def test_unsupported_file_named_explicitly(tmp_path):
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04")
    with Project.memory() as p:
        report = import_paths(p, [doc])
    assert _failures(report) == [f"{doc}: unsupported file type '.docx'; import .txt, .html, .jsonl, .json, .csv or "
                                 ".zip files, or name a format with --format"]


def test_csv_with_broken_quoting_imports_nothing(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text(f'title,text\nخبر,{BODY1}\nخبر آخر,"نص لم يغلق اقتباسه\nخبر ثالث,{BODY2}\n', encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [path])
        assert len(p) == 0
    (fail,) = _failures(report)
    assert fail.startswith(f"{path}:3: broken CSV quoting in the row that starts here")
    assert "nothing from this file was imported" in fail


def test_lone_surrogates_in_jsonl_are_refused_per_line(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "نص فيه \\ud800 بديل"}\n{"text": "' + BODY1 + '", "title": "عنوان\\udc00"}\n',
                    encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [path])
        (doc,) = p.iter_documents()
    assert doc.text == f"عنوان\ufffd\n{BODY1}" and doc.title == "عنوان\ufffd"
    assert _failures(report) == [f"{path}:1: the 'text' field holds an unpaired surrogate (\\ud800), "
                                 "which is not valid Unicode text"]


def test_undecodable_file_names_are_reported_and_stored_readably(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xff.txt")).write_text(BODY1, encoding="utf-8")
    (folder / os.fsdecode(b"nul\xfe.txt")).write_bytes(b"\x00")
    with Project.open(tmp_path / "proj") as p:
        report = import_paths(p, [folder])
        (doc,) = p.iter_documents()
    assert doc.meta["file"] == str(folder / "bad\ufffd.txt")
    assert _failures(report)[0].startswith(str(folder / "nul\ufffd.txt"))
    "\n".join(report.lines()).encode("utf-8")  # printable: no lone surrogates left


def test_brat_folder_imports_with_its_annotations(tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_text("شهدت إسطنبول اجتماعاً", encoding="utf-8")
    (folder / "doc.ann").write_text("T1\tGPE 5 12\tإسطنبول\n", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [folder])
        (doc,) = p.iter_documents()
        spans = p.spans(doc.id)
    assert report.ok and not report.imported  # not a plain article: the annotated importer took it
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [(5, 12, "GPE", "إسطنبول")]


def test_named_pipe_in_a_folder_does_not_hang(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "a.txt").write_text(BODY1, encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [folder])
        assert len(p) == 1
    assert _failures(report) == [f"{folder / 'pipe.txt'}: not a regular file (a pipe, device or socket), "
                                 "so it is not read"]


def test_project_write_failure_stops_the_import_cleanly(tmp_path, monkeypatch):
    from annotations.errors import ProjectError

    paths = []
    for i in range(3):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(f"{BODY1} {i}", encoding="utf-8")
    import annotations.ingest as ingest

    monkeypatch.setattr(ingest, "BATCH_SIZE", 1)  # store after each file, so the 2nd write fails
    with Project.memory() as p:
        real = p.add_documents
        calls = []

        def add_documents(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:
                raise ProjectError("disk full")
            return real(*args, **kwargs)

        monkeypatch.setattr(p, "add_documents", add_documents)
        report = import_paths(p, paths)
        assert len(p) == 1
    assert _failures(report) == [f"{paths[1]}: the project cannot be written (disk full); the import stopped here"]
    assert "stopped early, 1 file not attempted" in report.summary()


def test_levantine_date_with_indic_digits_in_a_scraped_header(tmp_path):
    path = tmp_path / "sy.txt"
    path.write_text(f"الرئيسية\n- الأربعاء ٤ تشرين الأول ٢٠٢٣ - ٣:١٥ م\n{TITLE}\n{BODY1}\n{BODY2}", encoding="utf-8")
    with Project.memory() as p:
        import_paths(p, [path])
        doc = _only(p)
    assert doc.meta["published"] == "2023-10-04T15:15:00"
    assert after_headline(doc.text, doc.meta) == f"{BODY1}\n{BODY2}"


_POOL = [TITLE, BODY1, BODY2, "", "- 10 يناير 2025", "- ٥ أيلول ٢٠٢٢، ١٠:٠٥ ص", "- تم نسخ الرابط", "شارك عبر: واتساب",
         'صورة: الكرملين/رويترز', "Politico", "\u202eمقلوب\u202c"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.sampled_from(_POOL), min_size=1, max_size=12), crlf=st.booleans())
def test_stored_document_restores_its_source(tmp_path, lines, crlf):
    source = "\n".join(lines)
    path = tmp_path / "art.txt"
    path.write_bytes(source.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    with Project.memory() as p:
        report = import_paths(p, [path])
        docs = list(p.iter_documents())
    if not docs:
        assert report.failed  # empty or nothing left after cleanup: said so, nothing stored
        return
    (doc,) = docs
    assert restore_original(doc.text, doc.meta) == source


def test_accepts_for_drag_and_drop(tmp_path):
    from annotations.ingest import accepts

    assert accepts(tmp_path)
    assert all(accepts(tmp_path / n) for n in ("a.txt", "b.HTML", "c.htm", "d.jsonl", "e.csv", "f.zip", "g.ann"))
    assert not any(accepts(tmp_path / n) for n in ("a.png", "b.docx", "c.exe"))


def test_html_import_without_trafilatura_is_explained(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what a missing or broken install looks like
    page = tmp_path / "p.html"
    page.write_text(f"<p>{BODY1}</p>", encoding="utf-8")
    with Project.memory() as p:
        report = import_paths(p, [page])
    (fail,) = _failures(report)
    assert fail.startswith(f"{page}: HTML import is not available: the trafilatura library cannot be loaded")


def test_html_with_a_stale_charset_declaration(tmp_path):
    p1 = "وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية تستمر ثلاثة أيام يلتقي خلالها المسؤولين."
    utf8_page = tmp_path / "utf8.html"  # says windows-1256, is UTF-8
    utf8_page.write_bytes(HTML_PAGE.format(p1=p1).encode("utf-8"))
    with Project.memory() as p:
        assert import_paths(p, [utf8_page]).ok
        doc = _only(p)
    assert after_headline(doc.text, doc.meta).startswith(p1) and doc.meta["encoding"] == "utf-8"


@pytest.mark.parametrize("ahead", [1, 2, 3, 200])
def test_files_decoded_ahead_are_reported_in_order_and_cancel_still_counts(tmp_path, monkeypatch, ahead):
    import annotations.ingest as ingest

    monkeypatch.setattr(ingest, "LOAD_AHEAD", ahead)
    folder = tmp_path / "in"
    folder.mkdir()
    contents = [f"{BODY1} {i}".encode() for i in range(7)]
    contents[1] = b""  # empty
    contents[3] = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # binary
    contents[4] = f"{BODY1} 4".encode("utf-16")  # decodes fine (BOM)
    contents[5] = "- تم نسخ عنوان المقال إلى الحافظة\n- ℃ 11 تركيا".encode()  # nothing left after cleanup
    for i, data in enumerate(contents):
        (folder / f"{i}.txt").write_bytes(data)
    with Project.memory() as p:
        report = import_paths(p, [folder])
        assert [Path(name).name for name, _ in report.imported] == ["0.txt", "2.txt", "4.txt", "6.txt"]
        assert [Path(f.source).name for f in report.failed] == ["1.txt", "3.txt", "5.txt"]
        assert "no article body found" in report.failed[2].message
    with Project.memory() as p:
        report = import_paths(p, [folder], progress=_CancelAfter(3))
        assert report.cancelled and report.not_reached == 4
        assert [Path(name).name for name, _ in report.imported] == ["0.txt", "2.txt"]
        assert len(p) == 2


@given(st.lists(st.sampled_from(["a", ".", "txt", "ب", " ", "TXT", "tar", "gz"]), max_size=8).map("".join))
def test_suffix_is_what_pathlib_says(name):
    from annotations.ingest.kinds import suffix_of

    if name in ("", ".", ".."):  # not file names: os.walk never lists them
        return
    assert suffix_of(name) == Path(name).suffix
    assert suffix_of(os.path.join("folder.d", name)) == Path("folder.d", name).suffix
