"""Headless render: PNG/PDF/HTML output, the same pixels as the reader, clear errors."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from annotations import Project
from ui.reader.reader import ReaderView
from ui.reader.render import add_parser, render_document, run
from ui.reader.span_painter import span_items
from ui.window.app import seed_sample

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def project_dir(tmp_path):
    path = tmp_path / "proj"
    with Project.open(path, create=True) as project:
        doc = seed_sample(project)
        text = project.document(doc).text
        for word, label in (("إسطنبول", "GPE"), ("هاكان فيدان", "PER"), ("الأمم المتحدة", "ORG")):
            i = text.index(word)
            project.add_span(doc, i, i + len(word), label)
    return path, doc


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    return parser.parse_args(["render", *argv])


def test_png_is_what_the_reader_paints(qtbot, project_dir, tmp_path):
    path, doc = project_dir
    out = tmp_path / "fig.png"
    with Project.open(path, create=False) as project:
        render_document(project, doc, out, width=700, scale=1.0)
        view = ReaderView()
        qtbot.addWidget(view)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setFrameShape(ReaderView.Shape.NoFrame)
        d = project.document(doc)
        view.set_document(d.text, d.title, d.meta, span_items(project, doc))
        view.resize(700, 500)
        view.show()
        qtbot.waitExposed(view)
        view.viewport().repaint()
        shot = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    img = QImage(str(out)).convertToFormat(QImage.Format.Format_ARGB32)
    assert img.width() == 700 and img.height() > 500
    differing = sum(1 for y in range(0, 500, 2) for x in range(0, 700, 2)
                    if img.pixel(x, y) != shot.pixel(x, y))
    assert differing == 0, f"{differing} sampled pixels differ between render and reader"
    # and the spans are there: some pixels carry the GPE fill (green over the cream page)
    assert any(QColor(img.pixel(x, y)).green() > QColor(img.pixel(x, y)).red() + 15
               for y in range(0, img.height(), 3) for x in range(0, 700, 3))


def test_pdf_has_vector_text_and_html_is_self_contained(project_dir, tmp_path, capsys):
    path, doc = project_dir
    pdf = tmp_path / "fig.pdf"
    assert run(parse(str(path), doc, "--out", str(pdf))) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"FontFile2" in data and b"NotoSansArabic" in data
    page = tmp_path / "fig.html"
    assert run(parse(str(path), doc, "--out", str(page), "--theme", "dark")) == 0
    text = page.read_text(encoding="utf-8")
    assert "data:image/png;base64," in text and "هاكان فيدان" in text and "src=\"http" not in text
    assert "wrote" in capsys.readouterr().out


def test_bad_input_gets_a_clear_message(project_dir, tmp_path, capsys):
    path, doc = project_dir
    assert run(parse(str(path), "nope", "--out", str(tmp_path / "x.png"))) == 2
    assert "no document 'nope'" in capsys.readouterr().err
    assert run(parse(str(path), doc, "--out", str(tmp_path / "x.gif"))) == 2
    assert ".png, .pdf or .html" in capsys.readouterr().err
    assert run(parse(str(tmp_path / "missing"), doc, "--out", str(tmp_path / "x.png"))) == 2
    assert "missing" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_html_keeps_the_imported_utc_date_as_written(tmp_path, capsys):
    """Issue 13: an ISO date ending in Z keeps its Z through import, and the HTML render shows it."""
    from annotations.cli.import_cmd import add_parser as add_import
    from annotations.cli.import_cmd import run as run_import

    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "نص الخبر هنا. وجملة ثانية.", "title": "عنوان", "date": "2024-01-02T10:00:00Z"}\n',
                   encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_import(parser.add_subparsers())
    path = tmp_path / "proj"
    assert run_import(parser.parse_args(["import", str(path), str(src), "--format", "articles-jsonl"])) == 0
    with Project.open(path, readonly=True) as project:
        doc = project.documents()[0]
    assert doc.meta["published"] == "2024-01-02T10:00:00Z"
    page = tmp_path / "fig.html"
    assert run(parse(str(path), doc.id, "--out", str(page))) == 0
    assert '<time datetime="2024-01-02T10:00:00Z">2024-01-02T10:00:00Z</time>' in page.read_text(encoding="utf-8")
