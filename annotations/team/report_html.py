"""The agreement report as one self-contained HTML page: the tables of ``agree``, the token confusion
matrix drawn as a heatmap, and the list of disagreements (right-to-left text isolated with ``<bdi>``)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from .agreement import KEYS

_STYLE = """
body { font-family: "Noto Sans Arabic", "Segoe UI", sans-serif; margin: 2em; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: center; }
td.text { text-align: start; }
.heat td { min-width: 3em; }
.kind { font-size: 90%; color: #555; }
"""


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _esc(value: Any) -> str:
    return html.escape(str(value))


def _heat(count: int, top: int, diagonal: bool) -> str:
    share = count / top if top else 0.0
    # agreement in blue, confusion in red; the stronger the colour, the more tokens
    r, g, b = (int(255 - 180 * share), int(255 - 120 * share), 255) if diagonal else \
        (255, int(255 - 200 * share), int(255 - 200 * share))
    return f"background: rgb({r},{g},{b})"


def report_html(report: Mapping[str, Any], title: str = "Agreement") -> str:
    """The HTML page for an ``agreement()`` report."""
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{_esc(title)}</title>"
           f"<style>{_STYLE}</style></head><body>",
           f"<h1>{_esc(title)}</h1>",
           f"<p>{len(report['annotators'])} annotators ({_esc(', '.join(report['annotators']))}), "
           f"{report['documents']} documents, {report['tokens']} tokens compared.</p>"]
    if report["skipped"]:
        out.append(f"<p>Left out: {len(report['skipped'])} document(s) kept apart at merge (their text differed).</p>")
    out.append("<h2>Pairs</h2><table><tr><th>annotators</th><th>documents</th><th>F1 exact</th><th>F1 overlap</th>"
               "<th>Cohen κ</th><th>triggers F1</th><th>arguments F1</th><th>relations F1</th></tr>")
    for r in report["pairs"]:
        out.append(f"<tr><td>{_esc(r['a'])} / {_esc(r['b'])}</td><td>{r['documents']}</td>"
                   + "".join(f"<td>{_num(r[k])}</td>" for k in ("f1_exact", "f1_overlap", "cohen_kappa",
                                                              "triggers_f1", "arguments_f1", "relations_f1"))
                   + "</tr>")
    out.append("</table><h2>Overall and per label</h2><table><tr><th></th>"
               + "".join(f"<th>{_esc(k)}</th>" for k in KEYS) + "</tr>")
    for name, values in [("overall", report["overall"]), *report["labels"].items()]:
        out.append(f"<tr><th>{_esc(name)}</th>" + "".join(f"<td>{_num(values[k])}</td>" for k in KEYS) + "</tr>")
    out.append("</table>")
    cats, matrix = report["confusion"]["categories"], report["confusion"]["matrix"]
    top = max((max(row) for row in matrix), default=0)
    out.append("<h2>Token confusion matrix</h2><p>Rows: the first annotator of each pair; columns: the second; "
               "summed over pairs.</p><table class='heat'><tr><th></th>"
               + "".join(f"<th>{_esc(c)}</th>" for c in cats) + "</tr>")
    for i, (c, row) in enumerate(zip(cats, matrix, strict=True)):
        out.append(f"<tr><th>{_esc(c)}</th>" + "".join(
            f"<td style='{_heat(n, top, i == j)}' title='{_esc(c)} / {_esc(cats[j])}'>{n}</td>"
            for j, n in enumerate(row)) + "</tr>")
    d = report["disagreements"]
    out.append(f"</table><h2>Disagreements ({d['count']})</h2>")
    if len(d["items"]) < d["count"]:
        out.append(f"<p>The first {len(d['items'])} are listed.</p>")
    out.append("<table><tr><th>document</th><th>where</th><th>kind</th>"
               + "".join(f"<th>{_esc(a)}</th>" for a in report["annotators"]) + "</tr>")
    for item in d["items"]:
        cells = []
        for a in report["annotators"]:
            spans = item["candidates"].get(a)
            if spans is None:
                cells.append("<td>—</td>")
            else:
                cells.append("<td class='text'>" + "<br>".join(
                    f"<bdi>{_esc(t)}</bdi> {_esc(label)}" for _s, _e, label, t in spans) + ("" if spans else "(none)")
                    + "</td>")
        out.append(f"<tr><td class='text'><bdi>{_esc(item.get('title') or item['doc'])}</bdi></td>"
                   f"<td>{item['start']}–{item['end']}</td><td class='kind'>{_esc(item['kind'])}</td>"
                   + "".join(cells) + "</tr>")
    out.append("</table></body></html>")
    return "\n".join(out)
