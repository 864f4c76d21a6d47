"""Headless render of one document with its highlights to PNG, PDF (vector text) or self-contained HTML.

``python main.py render PROJECT DOC_ID --out FILE``. The page is laid out by ``ui.reader.textdoc.ReaderDocument``
and painted by ``ui.reader.span_painter.paint_document``: the same code the reader widget uses, so a figure in a
paper shows exactly what the annotator saw.
"""

from __future__ import annotations

import argparse
import base64
import html
import os
import sys
from pathlib import Path
from typing import Any

SUFFIXES = (".png", ".pdf", ".html", ".htm")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Create the ``render`` subcommand on an ``argparse`` subparsers object."""
    p = subparsers.add_parser(
        "render", help="draw a document with its annotations to PNG, PDF or HTML",
        description="Draw a document with its highlights and labels exactly as the reader does.")
    p.add_argument("project", help="project folder")
    p.add_argument("doc_id", help="document id (see `documents` listing or the GUI)")
    p.add_argument("--out", required=True, help="output file: .png, .pdf or .html (self-contained)")
    p.add_argument("--width", type=int, default=900, help="page width in pixels (default 900)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--zoom", type=float, default=1.0, help="text scale (default 1.0)")
    p.add_argument("--scale", type=float, default=2.0, help="PNG/HTML pixel density (default 2 = retina)")
    p.add_argument("--events", action="store_true", help="also draw every event's arguments and relations")
    p.set_defaults(func=run)
    return p


def _app() -> Any:
    from annotations.qtlibs import HEADLESS_PLATFORM

    os.environ.setdefault("QT_QPA_PLATFORM", HEADLESS_PLATFORM)  # no window is ever shown
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def render_document(project: Any, doc_id: str, out: Path, width: int = 900, theme: str = "light",
                    zoom: float = 1.0, scale: float = 2.0, events: bool = False) -> Path:
    """Render ``doc_id`` of an open project to ``out`` (format from its suffix).

    Raises:
        ValueError: for an unknown output suffix.
        OSError: when the file cannot be written.
    """
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"{out}: unknown output type {suffix or '(none)'}; use .png, .pdf or .html")
    _app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    from ..common.style import THEMES, register_fonts
    from .span_painter import SpanPainter, paint_document, span_items
    from .textdoc import ReaderDocument, ReaderOptions

    register_fonts()
    doc = project.document(doc_id)
    override = doc.meta.get("direction_override")
    options = ReaderOptions(zoom=zoom, theme=THEMES[theme],
                            direction_override=override if override in ("rtl", "ltr") else None)
    rdoc = ReaderDocument(doc.text, doc.title, doc.meta, options)
    rdoc.set_width(width)
    painter = SpanPainter(rdoc)
    painter.set_spans(span_items(project, doc_id))
    if events:
        from ..events.event_painter import install_for_document

        install_for_document(painter, project, doc_id, show_all=True)
    size = rdoc.qdoc.size()
    page = QRectF(0, 0, size.width(), size.height())

    def image() -> QImage:
        img = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32)
        img.fill(QColor(options.theme.background))
        p = QPainter(img)  # default hints, like the reader's viewport painter
        p.scale(scale, scale)
        paint_document(p, rdoc, painter, page)
        p.end()
        return img

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")  # never leave half a file under the real name
    if suffix == ".png":
        if not image().save(str(tmp), "PNG"):
            raise OSError(f"{out}: could not write the PNG file")
    elif suffix == ".pdf":
        writer = QPdfWriter(str(tmp))
        writer.setResolution(96)  # one layout pixel = one PDF pixel at 96 dpi: same geometry as on screen
        writer.setCreator("Qalam Annotator")
        writer.setTitle(doc.title or doc_id)
        points = QSizeF(size.width() * 72 / 96, size.height() * 72 / 96)
        writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Unit.Point, "document"),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        p = QPainter(writer)
        paint_document(p, rdoc, painter, page)  # text stays text: QPdfWriter embeds the font
        p.end()
    else:
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image().save(buf, "PNG")
        png = base64.b64encode(bytes(data.data())).decode("ascii")
        tmp.write_text(_html(project, doc, png, size.width(), size.height()), encoding="utf-8")
    os.replace(tmp, out)
    return out


def _html(project: Any, doc: Any, png_b64: str, width: float, height: float) -> str:
    """A self-contained page: the rendered figure (inline PNG) and a table of the spans it shows."""
    title = html.escape(doc.title or doc.id)
    rows = "\n".join(
        f"<tr><td>{html.escape(s.label)}</td><td dir=\"auto\">{html.escape(s.text)}</td>"
        f"<td>{s.start}–{s.end}</td></tr>" for s in project.spans(doc.id))
    published = str(doc.meta.get("published") or "")
    # The stored date as written (a "Z" or "+03:00" zone included): machine-readable and visible.
    when = (f'<p class="date"><time datetime="{html.escape(published)}">{html.escape(published)}</time></p>\n'
            if published else "")
    return f"""<!DOCTYPE html>
<html lang="ar"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:1.5em}} img{{max-width:100%;height:auto;border:1px solid #ccc}}
table{{border-collapse:collapse;margin-top:1em}} td,th{{border:1px solid #ccc;padding:2px 8px}}</style></head>
<body>
{when}<figure><img src="data:image/png;base64,{png_b64}" width="{int(width)}" height="{int(height)}"
 alt="{title}"><figcaption dir="auto">{title}</figcaption></figure>
<table><thead><tr><th>label</th><th>text</th><th>offsets</th></tr></thead><tbody>
{rows}
</tbody></table>
</body></html>
"""


def run(args: argparse.Namespace) -> int:
    """Entry point of ``main.py render``; prints a clear message and returns 2 on bad input."""
    from annotations import AnnotationError, NotFoundError, Project, ProjectError

    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        print(f"error: --out {out}: use a .png, .pdf or .html file name", file=sys.stderr)
        return 2
    if args.width < 200:
        print(f"error: --width {args.width}: use at least 200 pixels", file=sys.stderr)
        return 2
    widgets = sys.modules.get("PySide6.QtWidgets")  # not imported here: that alone loads Qt's libraries
    if widgets is None or widgets.QApplication.instance() is None:  # Qt is about to start (or abort)
        from annotations.qtlibs import headless_problem

        problem = headless_problem("main.py render")
        if problem:
            print(problem, file=sys.stderr)
            return 2
    try:
        project = Project.open(args.project, create=False, readonly=True)
    except (ProjectError, FileNotFoundError) as exc:
        print(f"error: {args.project}: {exc}", file=sys.stderr)
        return 2
    try:
        render_document(project, args.doc_id, out, args.width, args.theme, args.zoom, args.scale, args.events)
    except NotFoundError:
        print(f"error: {args.project}: no document {args.doc_id!r}; copy the id from the GUI document list",
              file=sys.stderr)
        return 2
    except (AnnotationError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        project.close()
    print(f"wrote {out}")
    return 0
