"""Benchmark: the token exports' tokenizer and tag layout, this tree against another, side by side.

Run: ``python bench/tokenizer.py [--docs 1000] [--cache /tmp/qalam-seed-10000] [--baseline TREE] [--rounds 5]``.

The documents are the first ``--docs`` of ``bench/export.py``'s seed-sized project (about 3,000
characters and 80 spans an article; built there once). They are read once, then every row runs on
the same texts and span columns in this one process, this tree's code and ``--baseline``'s (another
checkout, e.g. ``git worktree add --detach /tmp/base main``, imported under another package name)
taking turns round after round; each row keeps its least time per round (``time.perf_counter``, the
cyclic garbage collector off: nothing here makes cycles), so a neighbour disturbs both sides alike.
Rows: ``token_schemes.tokenize`` under each scheme (spans given as pairs, as every caller can), and
``conll.tag_columns`` (the CoNLL/Wojood/HF path: tokens, sentences and tags) from the lean read
path's documents, their spans rebuilt every round.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from export import load_tree  # type: ignore[import-not-found]  # noqa: E402  bench/export.py


def best_per_doc(fn: Callable[[], Any], n: int) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000 / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/qalam-seed-10000"),
                    help="bench/export.py's seed-sized project folder")
    ap.add_argument("--baseline", type=Path, help="another checkout, run side by side")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from annotations import Project
    from annotations.formats.common import ExportOptions
    from annotations.formats.rawdoc import load_raw
    from annotations.formats.reports import ExportReport

    project = args.cache / "project"
    if not project.is_dir():
        print(f"{project}: not found; run python bench/export.py --seed-sized --docs 10000 first")
        return 1
    opts = ExportOptions.from_dict({"status": "all"})
    with Project.open(project, create=False, readonly=True) as p:
        infos = p.documents(status=None)[: args.docs]
        docs = [load_raw(p, i.id, opts, ExportReport("bench", ""), "all", i) for i in infos]
    n = len(docs)
    pairs = [(d.text, list(zip(d.columns().starts, d.columns().ends, strict=True))) for d in docs]

    trees = {"this tree": "annotations"}
    if args.baseline:
        load_tree("baseline_annotations", args.baseline)
        trees["baseline"] = "baseline_annotations"
    rows: dict[str, dict[str, float]] = {}
    gc.collect()
    gc.disable()
    for _ in range(args.rounds):
        for side, package in trees.items():
            schemes = importlib.import_module(f"{package}.token_schemes")
            conll = importlib.import_module(f"{package}.formats.conll")
            for scheme in schemes.SCHEMES:
                ms = best_per_doc(lambda s=schemes, k=scheme: [s.tokenize(t, sp, k) for t, sp in pairs], n)
                row = rows.setdefault(f"tokenize {scheme}", {})
                row[side] = min(ms, row.get(side, ms))
            for d in docs:  # a fresh document each round: its columns and spans are made again
                d._cols, d._spans = None, None
            report = ExportReport("conll", "")
            ms = best_per_doc(lambda c=conll, r=report: [c.tag_columns(d, opts, r, " ") for d in docs], n)
            row = rows.setdefault("tag_columns (CoNLL)", {})
            row[side] = min(ms, row.get(side, ms))
    gc.enable()
    print(f"{n} seed-sized articles, best of {args.rounds} rounds, ms per document")
    print(f"{'row':24s} {'this tree':>10s}" + (f" {'baseline':>10s}  baseline / this" if args.baseline else ""))
    for name, row in rows.items():
        line = f"{name:24s} {row['this tree']:10.3f}"
        if args.baseline:
            line += f" {row['baseline']:10.3f}  {row['baseline'] / row['this tree']:.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
