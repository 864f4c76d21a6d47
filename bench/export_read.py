"""Benchmark: the export's read path and its garbage collection, side by side in one process.

Run: ``python bench/export_read.py [--docs 10000] [--rounds 5] [--baseline TREE] [--gc]``.

On the seed-sized project of ``bench/export.py --seed-sized`` (built there, reused here):

- ``Store.tables`` of every document (file read + parse, what an export reads per document), CPU time
  of this tree and, with ``--baseline`` (another checkout), of that tree's code, taking turns; the
  least of ``--rounds`` runs each;
- with ``--gc``, the CoNLL export end to end (project open included) under each garbage-collector
  setting, taking turns: as it is, disabled around the export, ``gc.freeze()`` after the open, a
  gen0 threshold of 100,000, and freeze + threshold. The previous state is restored after each run.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export import load_tree, seed_sized_project, timed  # type: ignore[import-not-found]  # noqa: E402  bench/export.py

from annotations import Project  # noqa: E402
from annotations.formats import export  # noqa: E402

GC_MODES = ("as is", "disabled", "freeze", "threshold", "freeze+threshold")


def read_all(project_cls: Any, folder: Path) -> int:
    with project_cls.open(folder, create=False, readonly=True) as p:
        store = p._store
        return sum(len(store.tables(doc_id)) for doc_id in list(store.index))


def export_with_gc(folder: Path, mode: str) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-gc-"))
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    try:
        with Project.open(folder, create=False, readonly=True) as p:
            if mode == "disabled":
                gc.disable()
            if mode.startswith("freeze"):
                gc.freeze()
            if mode.endswith("threshold"):
                gc.set_threshold(100_000, threshold[1], threshold[2])
            try:
                export(p, "conll", out / "x.conll", {"status": "all"})
            finally:
                gc.set_threshold(*threshold)
                if enabled:
                    gc.enable()
                gc.unfreeze()
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--cache", type=Path, help="folder of the seed-sized project (default /tmp/qalam-seed-DOCS)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--baseline", type=Path, help="another checkout whose Store.tables is timed too")
    ap.add_argument("--gc", action="store_true", help="the CoNLL export under each garbage-collector setting")
    args = ap.parse_args()
    folder = seed_sized_project(args.cache or Path(f"/tmp/qalam-seed-{args.docs}"), args.docs)
    trees: dict[str, Any] = {"this": Project}
    if args.baseline is not None:
        load_tree("baseline_annotations", args.baseline)
        trees["baseline"] = importlib.import_module("baseline_annotations").Project
    best: dict[str, float] = {}
    for _ in range(max(args.rounds, 1)):
        for name, project_cls in trees.items():
            t, _n = timed(read_all, project_cls, folder)
            best[name] = min(t, best.get(name, t))
    for name, t in best.items():
        line = f"Store.tables, {name:8s} {t * 1e6 / args.docs:7.1f} us/doc"
        if name != "this":
            line += f"  {name} / this {t / best['this']:.3f}x"
        print(line)
    if args.gc:
        gc_best: dict[str, float] = {}
        for _ in range(max(args.rounds, 1)):
            for mode in GC_MODES:
                t, _r = timed(export_with_gc, folder, mode)
                gc_best[mode] = min(t, gc_best.get(mode, t))
        for mode in GC_MODES:
            t = gc_best[mode]
            print(f"conll export, gc {mode:16s} {t * 1000 / args.docs:.3f} ms/doc  "
                  f"as is / this {gc_best['as is'] / t:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
