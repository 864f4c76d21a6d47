"""Benchmark: spaCy and Hugging Face export of 10,000 seed-sized articles (time, peak RSS), and every
format's peak memory against the number of documents.

Run: ``python bench/export_memory.py [--docs 10000] [--small 1000] [--spans-per-doc 80] [--chars 3000]``.

A project folder of ``--docs`` articles (each about ``--chars`` characters of the shared scraped sample's
paragraphs with ``--spans-per-doc`` entity spans, clitic letters left out of spans as annotators do) is
built once under the temp folder and reused while the parameters are the same. The first ``--small``
articles are "done", the others "in progress". Each measurement is one fresh process running the real
CLI (``main.main(["export", ...])``), which prints its wall time and its peak RSS (``ru_maxrss``):

- the baseline: the same process running ``stats`` on the project (interpreter, core, project open);
- the reference for time: the JSON Lines export of all articles (reading every document from the
  project and writing it out), so the cost of a format's own work shows as the difference;
- spaCy and HF of all ``--docs`` articles, with targets <= 10 s and <= 300 MB. HF is measured as the
  packaged app and ``requirements.txt`` run it (no pyarrow: JSON Lines and the card) and, separately,
  with pyarrow importable (it then also writes Parquet and ``save_to_disk``);
- every format at ``--small`` and at ``--docs`` documents: the peak above the baseline, and the ratio
  of the two, which stays near 1 when an exporter streams (target: memory does not grow with the
  number of documents).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FORMATS = ("jsonl", "brat", "conll", "spacy", "hf", "labelstudio", "doccano", "events", "wojood", "oneie", "dygiepp",
           "shards")
LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "TIME")
TARGET_SECONDS, TARGET_MB = 10.0, 300.0
OUT_NAMES = {"spacy": "x.spacy", "hf": "x", "brat": "x", "conll": "x.conll", "labelstudio": "x.json", "wojood": "x",
             "shards": "x"}


def child(args: list[str], no_pyarrow: bool) -> int:
    """Run the CLI in this process and print {"rc", "seconds", "rss_mb"} as the last line."""
    if no_pyarrow:
        for name in ("pyarrow", "datasets", "pandas", "numpy", "spacy"):
            sys.modules[name] = None  # type: ignore[assignment]  # as in the packaged app
    import main as app

    started = time.perf_counter()
    rc = app.main(args)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"rc": rc, "seconds": seconds, "rss_mb": rss}))
    return 0


def measure(args: list[str], no_pyarrow: bool = True) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *(["--no-pyarrow"] if no_pyarrow else []),
           "--", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise SystemExit(f"exit {result['rc']}: {' '.join(args)}\n{proc.stderr[-3000:]}")
    return result


def paragraphs() -> list[str]:
    path = ROOT.parent / "shared" / "samples" / "scraped_news_ar.txt"
    if not path.exists():
        path = ROOT / "assets" / "sample_article.txt"
    lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines()]
    return [x for x in lines if len(x.split()) >= 8 and not x.startswith("#")]


def build(folder: Path, n_docs: int, small: int, per_doc: int, chars: int, seed: int = 1) -> None:
    from export import seed_sized_doc  # bench/export.py: the same seed-sized articles

    from annotations import Project

    rng = random.Random(seed)
    paras = paragraphs()
    with Project.open(folder) as p:
        for n in range(n_docs):
            text, spans = seed_sized_doc(rng, paras, chars, per_doc, LABELS)
            p.import_document(text, title=f"doc {n}", status="done" if n < small else "in progress", spans=spans)


def main() -> int:
    if "--child" in sys.argv:
        rest = sys.argv[sys.argv.index("--") + 1:]
        return child(rest, "--no-pyarrow" in sys.argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--spans-per-doc", type=int, default=80)
    ap.add_argument("--chars", type=int, default=3_000)
    ap.add_argument("--formats", default=",".join(FORMATS))
    args = ap.parse_args()

    key = f"{args.docs}-{args.small}-{args.spans_per_doc}-{args.chars}"
    project = Path(tempfile.gettempdir()) / f"qalam-bench-export-memory-{key}"
    if not (project / ".built").exists():
        shutil.rmtree(project, ignore_errors=True)
        t = time.perf_counter()
        build(project, args.docs, args.small, args.spans_per_doc, args.chars)
        (project / ".built").write_text("ok")
        print(f"built {args.docs} articles in {time.perf_counter() - t:.0f} s: {project}")
    from annotations import Project

    with Project.open(project) as p:
        infos = p.documents()
        n_spans = sum(i.n_spans for i in infos)
        n_chars = sum(len(p.document(i.id).text) for i in infos[:200]) / min(200, len(infos))
    print(f"project: {len(infos)} articles, {n_spans / len(infos):.0f} spans and ~{n_chars:.0f} characters each")
    out = Path(tempfile.mkdtemp(prefix="bench-export-memory-"))
    base = measure(["stats", str(project)])
    print(f"baseline (stats: interpreter + core + open): {base['rss_mb']:.0f} MB peak RSS, {base['seconds']:.2f} s")

    def export(fmt: str, status: str, no_pyarrow: bool = True, tag: str = "") -> dict[str, float]:
        target = out / f"{fmt}-{status}{tag}" / OUT_NAMES.get(fmt, "x.jsonl")
        target.parent.mkdir(parents=True, exist_ok=True)
        r = measure(["export", str(project), "--format", fmt, "--out", str(target), "--status", status, "--quiet"],
                    no_pyarrow)
        shutil.rmtree(target.parent, ignore_errors=True)
        return r

    print(f"\nspaCy and HF, all {args.docs} articles (targets: <= {TARGET_SECONDS:.0f} s, <= {TARGET_MB:.0f} MB), "
          "with the JSON Lines export (reading every document and writing it out) as the reference:")
    ref = export("jsonl", "all")
    print(f"  {'jsonl (reference)':40s} {ref['seconds']:6.2f} s  {ref['rss_mb']:6.0f} MB peak RSS")
    for fmt, no_pyarrow, what in (("spacy", True, "spaCy DocBin"), ("hf", True, "HF, JSON Lines + card (as installed)"),
                                  ("hf", False, "HF + Parquet + save_to_disk (pyarrow)")):
        r = export(fmt, "all", no_pyarrow, "" if no_pyarrow else "-pa")
        ok = r["seconds"] <= TARGET_SECONDS and r["rss_mb"] <= TARGET_MB
        print(f"  {what:40s} {r['seconds']:6.2f} s  {r['rss_mb']:6.0f} MB peak RSS "
              f"({r['rss_mb'] / base['rss_mb']:.2f}x baseline; time {r['seconds'] / ref['seconds']:.2f}x jsonl, "
              f"{r['seconds'] - ref['seconds']:+.1f} s)  {'meets' if ok else 'MISSES'} the targets")

    print(f"\nevery format, peak RSS above the baseline at {args.small} and {args.docs} documents "
          "(ratio ~1: memory does not grow with the number of documents):")
    for fmt in args.formats.split(","):
        small = export(fmt, "done")
        large = export(fmt, "all")
        a, b = small["rss_mb"] - base["rss_mb"], large["rss_mb"] - base["rss_mb"]
        print(f"  {fmt:12s} {args.small:>6}: {a:6.1f} MB ({small['seconds']:5.2f} s)   {args.docs:>6}: {b:6.1f} MB "
              f"({large['seconds']:5.2f} s)   peak ratio {large['rss_mb'] / small['rss_mb']:.2f}x "
              f"(above baseline {b / max(a, 1.0):.2f}x)")
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
