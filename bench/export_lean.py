"""Benchmark: spaCy DocBin and Hugging Face exports in the lean install, with the read and tokenizer
floors measured in the same run.

Run: ``python bench/export_lean.py [--docs 10000] [--cache /tmp/qalam-seed-DOCS] [--pyarrow]``.

The project is ``bench/export.py``'s seed-sized one (about 3,000 characters and 80 spans an article,
built once under ``--cache``). Each row is one fresh process with pyarrow, datasets and spaCy blocked
(as the packaged app and ``requirements.txt`` run it), timed from ``Project.open`` to the end of the
export: CPU seconds of that process (``time.process_time``: the machine is shared and wall time
mostly measures the neighbours), ms per document and peak RSS (``ru_maxrss``). The rows:

- ``read``: open the project and load every document as an export does (``load_doc``);
- ``floor spacy`` / ``floor hf``: the real export with the format's writer replaced by one that only
  makes the tokenizer call the writer makes (``conll.tokenized`` without sentences for spaCy,
  ``conll.tag_columns`` for HF) and writes nothing, so the writer's own cost is the export's time
  minus that row's (the read path and the tokenizer are optimised separately);
- ``spacy`` and ``hf``: the real export (``formats.export``), targets <= 10 s at 10,000 documents and
  <= 300 MB; ``--pyarrow`` adds ``hf`` with pyarrow importable (it then also writes Parquet and the
  ``save_to_disk`` folders).
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


def child(kind: str, project: str, lean: bool) -> None:
    """Run one measurement in this process and print {"cpu", "wall", "rss_mb", "docs"} as the last line."""
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
    from annotations.formats.common import ExportOptions, ExportReport, load_doc

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
    from annotations.formats.conll import tag_columns, tokenized

    class Floor(writer):  # type: ignore[misc, valid-type]
        def __init__(self, path: Path, opts: Any, report: Any, schema: Any) -> None:
            self.opts, self.report = opts, report
            self.whole = writer.__module__.endswith("spacy_fmt")  # spaCy: one Doc per document

        def add(self, data: Any) -> None:
            if self.whole:
                tokenized(data, dataclasses.replace(self.opts, sentences=False), self.report, list(data.spans))
            else:
                tag_columns(data, self.opts, self.report)

        def close(self) -> None:
            pass

    return Floor


def measure(kind: str, project: Path, lean: bool = True) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, "--project", str(project)] + ([] if lean else ["--dev"])
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{kind}: the measurement failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--cache", type=Path, help="folder of the seed-sized project (default /tmp/qalam-seed-DOCS)")
    ap.add_argument("--pyarrow", action="store_true", help="also HF with pyarrow importable (Parquet, save_to_disk)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--project", help=argparse.SUPPRESS)
    ap.add_argument("--dev", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.project, not args.dev)
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from export import seed_sized_project  # bench/export.py builds (once) and caches the project

    project = seed_sized_project(args.cache or Path(f"/tmp/qalam-seed-{args.docs}"), args.docs)
    rows = [("read", "read", True), ("floor spacy", "floor-spacy", True), ("spacy", "spacy", True),
            ("floor hf", "floor-hf", True), ("hf", "hf", True)]
    if args.pyarrow:
        rows.append(("hf (pyarrow)", "hf", False))
    target_s = TARGET_SECONDS_10K * args.docs / 10000
    print(f"{args.docs} seed-sized articles in {project}; lean install (pyarrow, datasets, spacy blocked) "
          "unless noted; CPU of one process per row")
    print(f"{'row':18s} {'CPU s':>7s} {'ms/doc':>7s} {'own ms/doc':>10s} {'peak MB':>8s}  "
          f"targets: <= {target_s:.1f} s, <= {TARGET_MB:.0f} MB, -> {TARGET_MS} ms/doc")
    floors: dict[str, float] = {}
    for name, kind, lean in rows:
        m = measure(kind, project, lean)
        if m["docs"] != args.docs:
            sys.exit(f"{name}: {m['docs']} documents, not {args.docs}")
        ms = m["cpu"] * 1000 / args.docs
        floors[kind] = ms
        floor = floors.get(f"floor-{kind}")
        own = f"{ms - floor:10.3f}" if floor is not None else " " * 10
        verdict = ""
        if kind in ("spacy", "hf"):
            verdict = "ok" if m["cpu"] <= target_s and m["rss_mb"] <= TARGET_MB else "over"
        print(f"{name:18s} {m['cpu']:7.2f} {ms:7.3f} {own} {m['rss_mb']:8.0f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
