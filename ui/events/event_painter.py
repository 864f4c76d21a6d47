"""Draw events and relations over the reader: trigger marks, argument arcs or role chips, relation arrows.

An ``EventPainter`` is an overlay of ``ui.reader.span_painter.SpanPainter`` (``span_painter.overlays``), so it
paints in the reader, in the headless renderer and in screenshots alike, from the same ``QTextLayout``
boxes the span painter computes. It never lays text out itself: every point it uses is the edge or
centre of a span box, so right-to-left paragraphs, bidi runs and wrapped lines come out right without
any direction logic here.

Two styles for the selected event's arguments:

* ``"chips"`` (the default): each argument is outlined in the event's colour and carries a chip with
  its role under its first box; nothing crosses the text and the layout does not move.
* ``"arcs"``: brat-style arcs from the trigger to each argument, ending in an arrow, with the role
  written on them, in the room above the lines. An argument on another line gets two half arcs: one
  leaving the trigger towards the edge where its line continues in reading order (left in a right-to-left
  paragraph), one entering the argument's line from where that line starts (right in a right-to-left
  paragraph). ``ui.events.arc_layout`` makes them compact: arcs sharing a stretch of a line nest a few
  pixels apart, and each label slides along its arc (or its arc rises) until it meets no other label, no
  chip and no glyph, so the controller needs to widen the line gap only a little while arcs are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from annotations.model import Event, Relation, kind_of

from ..reader.span_painter import SpanPainter, SpanRect
from .arc_layout import GAP, Box, Piece, Room, arc_path, assign_levels, boxes, place_labels

ARCS = "arcs"
CHIPS = "chips"
MODES = (ARCS, CHIPS)


@dataclass(frozen=True)
class Link:
    """One drawn connection: from a source span's boxes to a target span's boxes.

    Attributes:
        owner: the event or relation id this link belongs to.
        source: span id at the tail (an event's trigger, a relation's arg1's span).
        target: span id at the head.
        label: text written on the link (role or relation type).
        color: stroke colour ("#rrggbb").
        target_id: the annotation the link points to (a span, or an event whose trigger is ``target``).
    """

    owner: str
    source: str
    target: str
    label: str
    color: str
    target_id: str


@dataclass(frozen=True)
class LinkShape:
    """Where a link was drawn, in document coordinates (for hit tests, tests and repaint areas).

    ``half`` is 0 for a whole arc, 1 for the half leaving the source line, 2 for the half entering the
    target line of a link between lines.
    """

    link: Link
    path: QPainterPath
    label_rect: QRectF
    head: QPointF
    tail: QPointF
    half: int = 0


class EventPainter:
    """Overlay that draws the selected event's arguments and relations over a ``SpanPainter``.

    Attributes:
        mode: ``"arcs"`` or ``"chips"`` (how the selected event's arguments are shown).
        selected: the selected event or relation id, or a span id (its relations are shown), or None.
        show_all_relations: draw every relation of the document, not only the selected one's.
        show_all_events: draw the arguments of every event (figures), not only the selected one's.
    """

    def __init__(self, mode: str = ARCS) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.selected: str | None = None
        self.show_all_relations = False
        self.show_all_events = False
        self._events: dict[str, Event] = {}
        self._relations: dict[str, Relation] = {}
        self._colors: dict[str, str] = {}
        self._span_painter: SpanPainter | None = None
        self._shapes: list[LinkShape] = []
        self._layout_key: object = None
        self._chips: dict[str, QRectF | None] = {}
        self._revision = 0  # bumped when the events, relations or colours change
        self.refresh_hook: Callable[[], None] | None = None
        self.trigger_labels: set[str] = set()

    # -- installation ----------------------------------------------------------------------------------
    def install(self, span_painter: SpanPainter) -> None:
        """Paint over ``span_painter`` from now on (idempotent)."""
        if self._span_painter is not None and self._span_painter is not span_painter:
            self.uninstall()
        self._span_painter = span_painter
        if self not in span_painter.overlays:
            span_painter.overlays.append(self)

    def uninstall(self) -> None:
        if self._span_painter is not None and self in self._span_painter.overlays:
            self._span_painter.overlays.remove(self)
        self._span_painter = None

    # -- content ---------------------------------------------------------------------------------------
    def set_annotations(self, events: Iterable[Event], relations: Iterable[Relation],
                        colors: dict[str, str] | None = None) -> None:
        """Events and relations of the shown document; ``colors`` maps event/relation types to colours."""
        self._revision += 1
        self._events = {e.id: e for e in events}
        self._relations = {r.id: r for r in relations}
        self._colors = dict(colors or {})
        if self.selected and kind_of(self.selected) in ("event", "relation") and \
                self.selected not in self._events and self.selected not in self._relations:
            self.selected = None

    def events(self) -> list[Event]:
        return list(self._events.values())

    def event_of_trigger(self, span_id: str) -> Event | None:
        """The event whose trigger is ``span_id`` (the first one, if several share it)."""
        return next((e for e in self._events.values() if e.trigger == span_id), None)

    def select(self, annotation_id: str | None) -> None:
        """Select an event, a relation or a span (a trigger span selects its event)."""
        if annotation_id and kind_of(annotation_id) == "span":
            ev = self.event_of_trigger(annotation_id)
            if ev is not None:
                annotation_id = ev.id
        self.selected = annotation_id or None

    def _span_of(self, annotation_id: str) -> str | None:
        """The span whose boxes stand for an annotation: itself, or an event's trigger."""
        kind = kind_of(annotation_id)
        if kind == "span":
            return annotation_id
        if kind == "event":
            ev = self._events.get(annotation_id)
            return ev.trigger if ev else None
        return None

    def links(self) -> list[Link]:
        """What would be drawn now: the selected event's arguments and the relevant relations."""
        out: list[Link] = []
        sel = self.selected
        if sel is None and not (self.show_all_events or self.show_all_relations):
            return out
        ev = self._events.get(sel or "")
        for shown_event in self._events.values() if self.show_all_events else [ev] if ev else []:
            color = self._colors.get(shown_event.type, "#8e24aa")
            for role, target in shown_event.arguments:
                span = self._span_of(target)
                if span is not None:
                    out.append(Link(shown_event.id, shown_event.trigger, span, role, color, target))
        shown = self._relations.values() if self.show_all_relations else [
            r for r in self._relations.values()
            if sel in (r.id, r.arg1, r.arg2) or (ev is not None and ev.trigger in (r.arg1, r.arg2))]
        for rel in shown:
            a, b = self._span_of(rel.arg1), self._span_of(rel.arg2)
            if a is not None and b is not None:
                out.append(Link(rel.id, a, b, rel.type, self._colors.get(rel.type, "#3949ab"), rel.arg2))
        return out

    # -- geometry --------------------------------------------------------------------------------------
    def _label_font(self, sp: SpanPainter) -> QFont:
        font = QFont(sp.chip_font)
        font.setBold(True)
        return font

    def shapes(self, sp: SpanPainter | None = None) -> list[LinkShape]:
        """Paths and label boxes of every link, in document coordinates (laid out by ``arc_layout``).

        The layout is kept until the links or the span painter's spans and geometry change.
        """
        sp = sp or self._span_painter
        if sp is None:
            return []
        key = (self._revision, self.selected, self.show_all_events, self.show_all_relations, id(sp), id(sp.rdoc),
               sp.revision)
        if self._layout_key == key:
            return self._shapes
        links = [lk for lk in self.links() if sp.item(lk.source) and sp.item(lk.target)]
        metrics = QFontMetricsF(self._label_font(sp))
        self._chips: dict[str, QRectF | None] = {}  # chip boxes of the spans, for this layout
        pieces: list[tuple[Link, int, Piece]] = []
        for lk in links:
            src_rects, dst_rects = sp.rects(lk.source), sp.rects(lk.target)
            if not src_rects or not dst_rects:
                continue
            src, dst = _closest_pair(src_rects, dst_rects)
            size = self._label_size(metrics, lk.label)
            if (src.block, src.line) == (dst.block, dst.line):
                tail = self._source_anchor(sp, lk, src)
                head = QPointF(dst.rect.center().x(), dst.rect.top() + 1)
                left, right, _ = self._line_edges(sp, src)
                pieces.append((lk, 0, Piece((src.block, src.line), tail, head, src.rect.top(), sp.chip_height,
                                            size, (tail.x() + head.x()) / 2, area=(left, right))))
            else:
                pieces.extend(self._halves(sp, lk, src, dst, size))
        assign_levels(p for _, _, p in pieces)
        place_labels([p for _, _, p in pieces], self._rooms(sp, {p.line for _, _, p in pieces}))
        shapes = [LinkShape(lk, arc_path(p), p.label, p.head, p.tail, half) for lk, half, p in pieces]
        self._shapes, self._layout_key = shapes, key
        return shapes

    def _label_size(self, metrics: QFontMetricsF, text: str) -> tuple[float, float]:
        return metrics.horizontalAdvance(text) + 8, metrics.height()

    def _label_rect(self, metrics: QFontMetricsF, text: str, centre: QPointF) -> QRectF:
        w, h = self._label_size(metrics, text)
        return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)

    def _rooms(self, sp: SpanPainter, lines: set[tuple[int, int]]) -> dict[tuple[int, int], Room]:
        """The room above each line: what labels there keep off (the label chips of its paragraph and the
        one before, the glyphs of the line and of the line above, the underlines of the line above) and
        where the line above ends."""
        qdoc = sp.rdoc.qdoc
        chips: dict[int, list[Box]] = {}

        def chip(sid: str) -> QRectF | None:
            if sid not in self._chips:
                self._chips[sid] = sp.chip_rect(sid)
            return self._chips[sid]

        def block_chips(block_no: int) -> list[Box]:
            if block_no not in chips:
                found = (chip(sid) for sid in sp.spans_in_block(block_no))
                chips[block_no] = boxes(c.adjusted(-GAP, -GAP, GAP, GAP) for c in found if c is not None)
            return chips[block_no]

        out: dict[tuple[int, int], Room] = {}
        for block_no, line_no in lines:
            room = Room([*block_chips(block_no), *block_chips(block_no - 1), *boxes(sp.ink_rects(block_no, line_no))])
            above: tuple[int, int] | None = (block_no, line_no - 1) if line_no > 0 else None
            if above is None and block_no > 0:
                prev = qdoc.findBlockByNumber(block_no - 1)
                if prev.isValid() and prev.layout().lineCount():
                    above = (block_no - 1, prev.layout().lineCount() - 1)
            if above is not None:
                ink = boxes(sp.ink_rects(*above))
                lines_under = boxes(QRectF(r.rect.left(), sp.under_ink(r), r.rect.width(), 3 * sp.level(sid) + 2)
                                    for sid in sp.spans_in_block(above[0])
                                    for r in sp.rects(sid) if (r.block, r.line) == above)
                room.obstacles.extend(ink + lines_under)
                room.ceiling = max((b[3] for b in ink + lines_under), default=room.ceiling)
            out[(block_no, line_no)] = room
        return out

    def _line_edges(self, sp: SpanPainter, r: SpanRect) -> tuple[float, float, bool]:
        """Left and right x of the line holding a box, and whether its paragraph runs right to left."""
        block = sp.rdoc.qdoc.findBlockByNumber(r.block)
        layout = block.layout()
        line = layout.lineAt(r.line)
        left = layout.position().x() + line.x()
        rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
        return left, left + line.width(), rtl

    def _source_anchor(self, sp: SpanPainter, lk: Link, box: SpanRect) -> QPointF:
        """Where links leave a box: the top of its label chip when the chip sits on it (so lines do not
        cross the trigger's chip), else the middle of its top edge."""
        if lk.source not in self._chips:
            self._chips[lk.source] = sp.chip_rect(lk.source)
        chip = self._chips[lk.source]
        if chip is not None and chip.left() < box.rect.right() and box.rect.left() < chip.right() \
                and abs(chip.bottom() - box.rect.top()) < sp.chip_height * (sp.level(lk.source) + 2):
            return QPointF(chip.center().x(), chip.top())
        return QPointF(box.rect.center().x(), box.rect.top() + 1)

    def _halves(self, sp: SpanPainter, lk: Link, src: SpanRect, dst: SpanRect,
                size: tuple[float, float]) -> list[tuple[Link, int, Piece]]:
        """A link between boxes on different lines is drawn brat-style as two half arcs above the lines.

        The first half leaves the trigger towards the edge where its line continues in reading order
        (the left edge in a right-to-left paragraph), the second comes in from the edge where the
        argument's line starts (the right edge in a right-to-left paragraph); both carry the label, near
        their box. When the argument comes before the trigger in the text, the halves run the other way.
        """
        forward = (dst.block, dst.line) > (src.block, src.line)
        out = []
        for box, leaving in ((src, True), (dst, False)):
            left, right, rtl = self._line_edges(sp, box)
            towards_end = leaving == forward  # leaving forwards = towards the end of the line
            edge = left if towards_end == rtl else right
            top = box.rect.top()
            anchor = self._source_anchor(sp, lk, box) if leaving else QPointF(box.rect.center().x(), top + 1)
            open_end = QPointF(edge, top)
            # the label near the box end, where the half arc is still clearly its own
            prefer = anchor.x() + (edge - anchor.x()) * 0.3
            piece = Piece((box.block, box.line), anchor if leaving else open_end, open_end if leaving else anchor,
                          top, sp.chip_height, size, prefer, open_head=leaving, open_tail=not leaving,
                          area=(left, right))
            out.append((lk, 1 if leaving else 2, piece))
        return out

    def dirty_rect(self, sp: SpanPainter | None = None) -> QRectF:
        """Document area covered by the current links (repaint it when the selection changes)."""
        area = QRectF()
        for s in self.shapes(sp):
            area = area.united(s.path.boundingRect().adjusted(-8, -8, 8, 8)).united(
                s.label_rect.adjusted(-2, -2, 2, 2))
        return area

    # -- painting --------------------------------------------------------------------------------------
    def __call__(self, p: QPainter, sp: SpanPainter, clip: QRectF) -> None:
        self.paint(p, sp, clip)

    def paint(self, p: QPainter, sp: SpanPainter, clip: QRectF) -> None:
        """Draw trigger marks and the links that meet ``clip`` (document coordinates)."""
        if self.refresh_hook is not None:
            self.refresh_hook()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_triggers(p, sp, clip)
        shapes = [s for s in self.shapes(sp)
                  if s.path.boundingRect().adjusted(-8, -8, 8, 8).intersects(clip)
                  or s.label_rect.intersects(clip)]
        if not shapes:
            return
        font = self._label_font(sp)
        p.setFont(font)
        chips = self.mode == CHIPS
        ev = self._events.get(self.selected or "")
        if ev is not None and sp.item(ev.trigger) is not None:
            p.setPen(QPen(QColor(self._colors.get(ev.type, "#8e24aa")).darker(140), 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for r in sp.rects(ev.trigger):
                p.drawRoundedRect(r.rect.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)
        if chips:  # one chip per link end, however many arc pieces the link has
            for link in dict.fromkeys(s.link for s in shapes):
                if kind_of(link.owner) == "relation":
                    self._paint_relation_chips(p, sp, link)
                else:
                    self._paint_argument_chip(p, sp, link)
            return
        for s in shapes:
            color = QColor(s.link.color)
            pen = QPen(color.darker(115), 1.6)
            if kind_of(s.link.owner) == "relation":
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(s.path)
            if s.half != 1:  # the first half of a split link ends at the line's edge, not at a box
                self._arrow_head(p, s, color.darker(115))
        for s in shapes:  # labels last, so no line crosses a label
            self._paint_label(p, sp, s.label_rect, s.link.label, QColor(s.link.color))

    def _paint_triggers(self, p: QPainter, sp: SpanPainter, clip: QRectF) -> None:
        """Mark triggers that the span painter drew as plain entities (kind "entity" with an event label):
        a dashed frame, so a trigger never looks like an entity whoever built the span items."""
        for sid in sp.visible_spans(clip):
            it = sp.item(sid)
            if it is None or it.kind == "trigger" or it.label not in self.trigger_labels:
                continue
            pen = QPen(QColor(it.color).darker(160), 1.4, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            for r in sp.rects(sid):
                p.drawRoundedRect(r.rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)

    def _arrow_head(self, p: QPainter, s: LinkShape, color: QColor) -> None:
        before = s.path.pointAtPercent(0.93)
        direction = s.head - before
        length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5 or 1.0
        ux, uy = direction.x() / length, direction.y() / length
        size = 6.0
        base = QPointF(s.head.x() - ux * size, s.head.y() - uy * size)
        left = QPointF(base.x() - uy * size * 0.5, base.y() + ux * size * 0.5)
        right = QPointF(base.x() + uy * size * 0.5, base.y() - ux * size * 0.5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPolygon(QPolygonF([s.head, left, right]))

    def _paint_label(self, p: QPainter, sp: SpanPainter, rect: QRectF, text: str, color: QColor) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, 3, 3)
        p.fillPath(path, QColor(sp.theme.background))
        p.setPen(QPen(color.darker(130), 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(QColor(sp.theme.text))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def end_chip(self, sp: SpanPainter, span_id: str, text: str) -> QRectF | None:
        """Chips style: a chip's box hung under a span's first box (the one holding its start)."""
        rects = sp.rects(span_id)
        if not rects:
            return None
        first = min(rects, key=lambda r: (r.block, r.line, -r.rect.right() if r.rtl else r.rect.left()))
        metrics = QFontMetricsF(self._label_font(sp))
        chip = self._label_rect(metrics, text, QPointF(first.rect.center().x(), 0))
        chip.moveTop(first.rect.bottom() + 1)
        return chip

    def argument_chip(self, sp: SpanPainter, link: Link) -> QRectF | None:
        """Chips style: the role chip of an argument."""
        return self.end_chip(sp, link.target, link.label)

    def relation_chips(self, link: Link) -> list[tuple[str, str]]:
        """Chips style: ``(span id, text)`` of the relation chips to draw: on the end that is not selected
        (both ends when the relation itself is selected), saying which argument of which type it is."""
        ends = [(link.source, f"{link.label} Arg1"), (link.target, f"{link.label} Arg2")]
        selected_span = self._span_of(self.selected) if self.selected else None
        if selected_span == link.source:
            return ends[1:]
        if selected_span == link.target:
            return ends[:1]
        return ends

    def _outlined_chip(self, p: QPainter, sp: SpanPainter, span_id: str, text: str, color: QColor,
                       dashed: bool) -> None:
        pen = QPen(color.darker(120), 2.0)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r in sp.rects(span_id):
            p.drawRoundedRect(r.rect.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)
        chip = self.end_chip(sp, span_id, text)
        if chip is None:
            return
        path = QPainterPath()
        path.addRoundedRect(chip, 3, 3)
        p.fillPath(path, color)
        p.setPen(QColor(sp.theme.chip_text))
        p.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_argument_chip(self, p: QPainter, sp: SpanPainter, link: Link) -> None:
        """Chips style: outline the argument in the event colour and hang its role under it."""
        self._outlined_chip(p, sp, link.target, link.label, QColor(link.color), dashed=False)

    def _paint_relation_chips(self, p: QPainter, sp: SpanPainter, link: Link) -> None:
        """Chips style: dashed outline and an "TYPE Arg1/Arg2" chip on the relation's other end(s)."""
        for span_id, text in self.relation_chips(link):
            self._outlined_chip(p, sp, span_id, text, QColor(link.color), dashed=True)


def _closest_pair(a: list[SpanRect], b: list[SpanRect]) -> tuple[SpanRect, SpanRect]:
    """The two boxes (one of each span) nearest each other: a wrapped span connects by its nearer part."""
    best: tuple[float, SpanRect, SpanRect] | None = None
    for ra in a:
        for rb in b:
            same = (ra.block, ra.line) == (rb.block, rb.line)
            dx = ra.rect.center().x() - rb.rect.center().x()
            dy = ra.rect.center().y() - rb.rect.center().y()
            # Nearest line first (a wrapped argument is reached on the line closest to the trigger),
            # then nearest in x.
            score = (0.0 if same else 1e6) + 100 * dy * dy + dx * dx
            if best is None or score < best[0]:
                best = (score, ra, rb)
    assert best is not None
    return best[1], best[2]


def install_for_document(span_painter: SpanPainter, project: object, doc_id: str, selected: str | None = None,
                         mode: str = CHIPS, show_all: bool = False) -> EventPainter:
    """Put an event overlay with one document's events and relations on a span painter (used by render).

    Args:
        span_painter: the painter that draws the document's spans.
        project: an ``annotations.Project``.
        doc_id: the document shown.
        selected: an event, relation or span id whose links to draw.
        mode: ``"chips"`` or ``"arcs"``.
        show_all: draw the arguments of every event and every relation.
    """
    schema = project.schema  # type: ignore[attr-defined]
    painter = EventPainter(mode)
    colors = {t.name: t.color for t in schema.event_types}
    colors.update({t.name: t.color for t in schema.relation_types})
    painter.set_annotations(project.events(doc_id), project.relations(doc_id), colors)  # type: ignore[attr-defined]
    painter.trigger_labels = {t.name for t in schema.event_types}
    painter.show_all_events = painter.show_all_relations = show_all
    painter.select(selected)
    painter.install(span_painter)
    return painter
