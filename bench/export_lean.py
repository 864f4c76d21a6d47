"""Benchmark: spaCy DocBin and Hugging Face exports in the lean install, with the read and tokenizer
floors measured in the same run.

Run: ``python bench/export_lean.py [--docs 10000] [--cache /tmp/qalam-seed-DOCS] [--pyarrow] [--baseline TREE]
[--repeat N]``.

The project is ``bench/export.py``'s seed-sized one (about 3,000 characters and 80 spans an article,
built once under ``--cache``). Each row is one fresh process with pyarrow, datasets and spaCy blocked
(as the packaged app and ``requirements.txt`` run it), timed from ``Project.open`` to the end of the
export: CPU seconds of that process (``time.process_time``: the machine is shared and wall time
mostly measures the neighbours), ms per document and peak RSS (``ru_maxrss``). The rows:

- ``read``: open the project and load every document as an export does (``load_doc``);
- ``floor spacy`` / ``floor hf``: the real export with the format's writer replaced by one that only
  makes the tokenizer call the writer makes (``conll.tokenized_columns`` without sentences for spaCy,
  ``conll.tag_columns`` for HF) and writes nothing, so the writer's own cost is the export's time
  minus that row's (the read path and the tokenizer are optimised separately);
- ``spacy`` and ``hf``: the real export (``formats.export``), targets <= 10 s at 10,000 documents and
  <= 300 MB; ``--pyarrow`` adds ``hf`` with pyarrow importable (it then also writes Parquet and the
  ``save_to_disk`` folders);
- with ``--baseline TREE`` (another checkout, e.g. ``git worktree add --detach /tmp/base main``), the
  same export rows run with that tree's code in the same run, and the ratio old / new is printed;
- ``--repeat N`` runs every row N times, round after round, and keeps each row's least CPU time (the
  least disturbed by the other processes of a shared machine).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BLOCKED = ("pyarrow", "datasets", "spacy")
TARGET_SECONDS_10K, TARGET_MB, TARGET_MS = 10.0, 300.0, 0.5


def child(kind: str, project: str, lean: bool, root: str | None) -> None:
    """Run one measurement in this process and print {"cpu", "wall", "rss_mb", "docs"} as the last line."""
    if root:
        sys.path.insert(0, root)  # the baseline's code
    if lean:
        import importlib.util

        real = importlib.util.find_spec

        def find_spec(name: str, *args: object, **kw: object) -> object:
            return None if name.split(".")[0] in BLOCKED else real(name, *args, **kw)  # type: ignore[arg-type]

        importlib.util.find_spec = find_spec  # type: ignore[assignment]  # hf.py asks find_spec("pyarrow")
        for name in BLOCKED:
            sys.modules[name] = None  # type: ignore[assignment]
    from annotations import Project
    from annotations.formats import EXPORTERS, export
    from annotations.formats.common import ExportOptions, load_doc
    from annotations.formats.reports import ExportReport

    fmt = kind.removeprefix("floor-")
    if kind.startswith("floor-"):
        EXPORTERS[fmt] = _floor_writer(EXPORTERS[fmt])
    out = Path(tempfile.mkdtemp(prefix="export-lean-")) / fmt
    cpu, wall = time.process_time(), time.perf_counter()
    with Project.open(project, readonly=True) as p:
        if kind == "read":
            opts = ExportOptions.from_dict({"status": "all"})
            report = ExportReport(kind, str(out))
            infos = p.documents(status=None)
            for info in infos:
                load_doc(p, info.id, opts, report, "all", info)
            docs = len(infos)
        else:
            docs = export(p, fmt, out, {"status": "all"}).documents
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"cpu": cpu, "wall": wall, "rss_mb": rss, "docs": docs}))


def _floor_writer(writer: type) -> type:
    """``writer`` doing only its tokenizer call: what the export costs before the writer's own work."""
    from annotations.formats.conll import tag_columns, tokenized_columns

    class Floor(writer):  # type: ignore[misc, valid-type]
        def __init__(self, path: Path, opts: Any, report: Any, schema: Any) -> None:
            self.opts, self.report = opts, report
            self.whole = writer.__module__.endswith("spacy_fmt")  # spaCy: one Doc per document

        def add(self, data: Any) -> None:
            if self.whole:
                tokenized_columns(data, data.columns(), dataclasses.replace(self.opts, sentences=False), self.report)
            else:
                tag_columns(data, self.opts, self.report)

        def close(self) -> None:
            pass

    return Floor


def measure(kind: str, project: Path, lean: bool = True, root: Path | None = None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, "--project", str(project)] + ([] if lean else ["--dev"])
    cmd += ["--root", str(root)] if root else []
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{kind}: the measurement failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--cache", type=Path, help="folder of the seed-sized project (default /tmp/qalam-seed-DOCS)")
    ap.add_argument("--pyarrow", action="store_true", help="also HF with pyarrow importable (Parquet, save_to_disk)")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; each row's least CPU time is kept")
    ap.add_argument("--baseline", type=Path, help="another checkout whose spaCy/HF exports run in the same run")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--root", help=argparse.SUPPRESS)
    ap.add_argument("--project", help=argparse.SUPPRESS)
    ap.add_argument("--dev", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.project, not args.dev, args.root)
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from export import seed_sized_project  # bench/export.py builds (once) and caches the project

    project = seed_sized_project(args.cache or Path(f"/tmp/qalam-seed-{args.docs}"), args.docs)
    rows: list[tuple[str, str, bool, Path | None]] = [
        ("read", "read", True, None), ("floor spacy", "floor-spacy", True, None), ("spacy", "spacy", True, None),
        ("floor hf", "floor-hf", True, None), ("hf", "hf", True, None)]
    if args.pyarrow:
        rows.append(("hf (pyarrow)", "hf", False, None))
    if args.baseline:
        rows += [(f"baseline {name}", kind, lean, args.baseline) for name, kind, lean, _ in rows
                 if kind in ("spacy", "hf")]
    target_s = TARGET_SECONDS_10K * args.docs / 10000
    print(f"{args.docs} seed-sized articles in {project}; lean install (pyarrow, datasets, spacy blocked) "
          "unless noted; CPU of one process per row")
    print(f"{'row':21s} {'CPU s':>7s} {'ms/doc':>7s} {'own ms/doc':>10s} {'peak MB':>8s}  "
          f"targets: <= {target_s:.1f} s, <= {TARGET_MB:.0f} MB, -> {TARGET_MS} ms/doc")
    best: dict[str, dict[str, float]] = {}
    for _ in range(max(1, args.repeat)):
        for name, kind, lean, root in rows:
            m = measure(kind, project, lean, root)
            if name not in best or m["cpu"] < best[name]["cpu"]:
                best[name] = {**m, "rss_mb": max(m["rss_mb"], best.get(name, m)["rss_mb"])}
    floors: dict[str, float] = {}
    mine: dict[str, float] = {}
    for name, kind, _lean, root in rows:
        m = best[name]
        if m["docs"] != args.docs:
            sys.exit(f"{name}: {m['docs']} documents, not {args.docs}")
        ms = m["cpu"] * 1000 / args.docs
        floors[kind] = ms
        floor = None if root else floors.get(f"floor-{kind}")
        own = f"{ms - floor:10.3f}" if floor is not None else " " * 10
        verdict = ""
        if kind in ("spacy", "hf"):
            verdict = "ok" if m["cpu"] <= target_s and m["rss_mb"] <= TARGET_MB else "over"
        if root:
            verdict += f"  old / new {m['cpu'] / mine[name.removeprefix('baseline ')]:.2f}x"
        else:
            mine[name] = m["cpu"]
        print(f"{name:21s} {m['cpu']:7.2f} {ms:7.3f} {own} {m['rss_mb']:8.0f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
