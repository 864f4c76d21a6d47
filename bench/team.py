"""Benchmark: merge 3 annotators' bundles of 1,000 seed-sized documents, then measure agreement.

Run: ``python bench/team.py [--docs 1000] [--spans 80] [--annotators 3] [--chars 3000]``.

Each annotator's project holds the same documents (the sample article's text repeated to about
``--chars`` characters, with a numbered line so every text differs) with ``--spans`` spans each; the
annotators agree on most spans and differ on some labels, extents and missing spans, as real ones
do. Their bundles are written, then merged into a new curation project and measured with
``agree``, each in a fresh child process so that its time and peak memory (``ru_maxrss``) are its
own. Targets: merge <= 10 s, agree <= 5 s (wall time, on this machine).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations import Project  # noqa: E402
from annotations.assets import asset_path  # noqa: E402
from annotations.team import merge, write_bundle  # noqa: E402
from annotations.team.agreement import agreement  # noqa: E402
from annotations.tokenize import word_tokens  # noqa: E402

LABELS = ("PER", "ORG", "GPE", "LOC", "TIME")
TARGETS = {"merge": 10.0, "agree": 5.0}


def seed_text(chars: int, n: int) -> str:
    body = "\n".join(line for line in asset_path("sample_article.txt").read_text(encoding="utf-8").splitlines()
                     if not line.startswith("# "))
    text = f"الخبر رقم {n}\n"
    while len(text) < chars:
        text += body + "\n"
    return text[:chars].rstrip()


def make_annotators(folder: Path, docs: int, spans: int, annotators: int, chars: int) -> list[Path]:
    rng = random.Random(15)
    texts = [seed_text(chars, n) for n in range(docs)]
    base: list[list[tuple[int, int, str]]] = []
    for text in texts:
        words = word_tokens(text)
        picks = sorted(rng.sample(range(len(words) - 2), spans))
        chosen, last = [], -1
        for i in picks:
            if i <= last:
                continue
            j = i + (2 if rng.random() < 0.2 else 1)
            chosen.append((words[i][0], words[j - 1][1], rng.choice(LABELS)))
            last = j - 1
        base.append(chosen)
    paths = []
    for a in range(annotators):
        name = f"annotator{a + 1}"
        with Project.open(folder / name, annotator=name) as p:
            for text, chosen in zip(texts, base, strict=True):
                mine = []
                for s, e, label in chosen:
                    r = rng.random()
                    if r < 0.05:
                        continue  # missed
                    if r < 0.12:
                        label = rng.choice(LABELS)  # another label
                    elif r < 0.16:
                        e = max(s + 1, e - 2)  # another extent
                    mine.append({"start": s, "end": e, "label": label})
                p.import_document(text, title=text.partition("\n")[0], status="done", spans=mine)
            write_bundle(p, folder / f"{name}.qalam")
        paths.append(folder / f"{name}.qalam")
    return paths


def child(phase: str, folder: Path) -> None:
    """Run one phase in this (fresh) process and print its figures as JSON."""
    t0, c0 = time.perf_counter(), time.process_time()
    if phase == "merge":
        with Project.open(folder / "curation") as cur:
            report = merge(cur, sorted(folder.glob("*.qalam")))
        figures = {"documents": report.created, "annotations": report.annotations_out}
    else:
        with Project.open(folder / "curation", readonly=True) as cur:
            report = agreement(cur)
        figures = {"tokens": report["tokens"], "alpha": report["overall"]["krippendorff_alpha"],
                   "disagreements": report["disagreements"]["count"]}
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"phase": phase, "wall": wall, "cpu": cpu, "peak_mb": peak_mb, **figures}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--spans", type=int, default=80)
    ap.add_argument("--annotators", type=int, default=3)
    ap.add_argument("--chars", type=int, default=3000)
    ap.add_argument("--child", nargs=2, metavar=("PHASE", "FOLDER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="qalam-bench-team-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        bundles = make_annotators(folder, args.docs, args.spans, args.annotators, args.chars)
        size = sum(b.stat().st_size for b in bundles) / 1e6
        print(f"setup: {args.annotators} annotators x {args.docs} documents of ~{args.chars} chars, "
              f"~{args.spans} spans each; bundles {size:.1f} MB ({time.perf_counter() - t0:.1f} s)")
        ok = True
        for phase in ("merge", "agree"):
            out = subprocess.run([sys.executable, __file__, "--child", phase, str(folder)], check=True,
                                 capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            verdict = "ok" if r["wall"] <= TARGETS[phase] else "OVER TARGET"
            ok &= r["wall"] <= TARGETS[phase]
            extra = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items()
                              if k not in ("phase", "wall", "cpu", "peak_mb"))
            print(f"{phase}: {r['wall']:.2f} s wall ({r['cpu']:.2f} s CPU), peak memory {r['peak_mb']:.0f} MB; "
                  f"target <= {TARGETS[phase]:.0f} s: {verdict} ({extra})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
