"""Benchmark: article import cost per article at 1,000 and 10,000 files, against bare read+detect+decode.

Usage: ``python bench/ingest.py [--sizes 1000 10000] [--memory]``
or ``python bench/ingest.py --against COMMIT_OR_DIR [--sizes 1000] [--rounds 5]``

Articles are variants of ``../shared/samples/scraped_news_ar.txt`` (each with its own title,
publication time, numbers and paragraph order, so none is a duplicate) in mixed encodings:
UTF-8, UTF-8 with BOM and CRLF, UTF-16 with BOM and Windows-1256. The baseline reads, detects
and decodes the same files without importing them, in the same run. Targets: per-article cost
at the largest size within 1.2x of the smallest; import within 3x of the baseline. The machine
may be shared, so every figure is the best of three runs in this process, CPU time is printed
next to wall time, and the pipeline is also timed into a sink that stores nothing, to tell the
ingest code's cost from the store's.

``--against`` compares the ingest pipeline (into a sink that stores nothing) of this checkout with
another version of the code: a git commit (its ``annotations/`` is unpacked with ``git archive``)
or a checkout's folder. Both import the same files, each in its own fresh process, in rounds that
alternate which goes first (so a change in the machine's load hits both alike); each process
times the best of three imports in CPU time. It prints the median CPU ms/article of each and the
ratio new/old (target <= 1.0: the issue-16 cleanup must not make imports slower than before it,
``git log`` names ed232fe^1 as the last commit without it).
"""

from __future__ import annotations

import argparse
import codecs
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from annotations import Project  # noqa: E402 - after the path set-up above
from annotations.ingest import ImportOptions, import_paths  # noqa: E402
from annotations.ingest.decode import decode_bytes, read_limited  # noqa: E402

SAMPLE = REPO.parent / "shared" / "samples" / "scraped_news_ar.txt"
FALLBACK = (
    "- ℃ 11 تركيا\n- 10 يناير 2025\nروسيا تؤكد إجراء محادثات سرية\nروسيا تؤكد إجراء محادثات سرية\n"
    "- 5 أكتوبر 2023, 9:32:00 ص\n- تم نسخ عنوان المقال إلى الحافظة\n"
    + "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة قره باغ.\n" * 12
)


def variants(n: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """``n`` distinct articles as (file name, encoded bytes), encodings in rotation."""
    text = SAMPLE.read_text(encoding="utf-8") if SAMPLE.is_file() else FALLBACK
    lines = text.split("\n")
    head, body = lines[:6], lines[6:]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = body[:]
        rng.shuffle(paras)
        paras.insert(rng.randrange(len(paras)), f"وقال مصدر رقم {i} إن المحادثات ستستمر {rng.randint(2, 99)} يوماً.")
        # Each article has its own title and publication time, as on a real site; the widget,
        # page date and "link copied" lines are the site's and stay the same.
        title = f"{head[2]} ({i})"
        published = f"- {rng.randint(1, 28)} أكتوبر 2023, {rng.randint(1, 12)}:{rng.randint(0, 59):02d}:00 ص"
        article = "\n".join([head[0], head[1], title, title, published, head[5], *paras])
        kind = i % 4
        if kind == 0:
            data = article.encode("utf-8")
        elif kind == 1:
            data = codecs.BOM_UTF8 + article.replace("\n", "\r\n").encode("utf-8")
        elif kind == 2:
            data = codecs.BOM_UTF16_LE + article.encode("utf-16-le")
        else:
            data = article.replace("℃", "°C").encode("cp1256")
        out.append((f"{i:05d}.txt", data))
    return out


class _NullProject:
    """Accepts every article and keeps nothing (for the pipeline-only diagnostic)."""

    def __init__(self) -> None:
        self.n = 0

    def duplicate_of(self, text: str) -> None:
        return None

    def add_document(self, text: str, title: str | None = None, meta: object = None, status: str = "new") -> str:
        self.n += 1
        return f"{self.n:010x}"

    def add_documents(self, documents: list[dict], take_meta: bool = False) -> list[str]:
        return [self.add_document(**d) for d in documents]


def bench(n: int, memory: bool) -> dict[str, float]:
    """Seconds per article: import and bare read+detect+decode, wall clock and CPU time."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for name, data in variants(n):
            (folder / name).write_bytes(data)
        if hasattr(os, "sync"):
            # The articles exist before an import in real use. Left dirty in the page cache, they
            # would be written out by the import's first fsyncs and billed to the import.
            os.sync()
        files = sorted(folder.iterdir())
        bare_wall, bare_cpu = [], []
        for _ in range(3):  # best of three: the machine is shared, the baseline must not be inflated
            w0, c0 = time.perf_counter(), time.process_time()
            for f in files:
                decode_bytes(read_limited(f))
            bare_wall.append(time.perf_counter() - w0)
            bare_cpu.append(time.process_time() - c0)
        # Diagnostic: the same import into a sink that stores nothing, to tell the ingest pipeline's
        # own cost from the project store's.
        pipe_wall, pipe_cpu = [], []
        for _ in range(3):
            w0, c0 = time.perf_counter(), time.process_time()
            import_paths(_NullProject(), [folder], ImportOptions())
            pipe_wall.append(time.perf_counter() - w0)
            pipe_cpu.append(time.process_time() - c0)
        # Timed from opening a new project to closing it, so the index write and the compaction at
        # close are counted too; best of three fresh projects, like the baseline.
        walls, cpus = [], []
        for run in range(3):
            w0, c0 = time.perf_counter(), time.process_time()
            project = Project.memory() if memory else Project.open(Path(tmp) / f"proj{run}")
            try:
                report = import_paths(project, [folder], ImportOptions())
            finally:
                project.close()
            walls.append(time.perf_counter() - w0)
            cpus.append(time.process_time() - c0)
            if len(report.imported) != n or not report.ok:
                raise SystemExit(f"bench import went wrong: {report.summary()}")
            if not memory:
                shutil.rmtree(Path(tmp) / f"proj{run}")
        wall, cpu = min(walls), min(cpus)
    return {"wall": wall / n, "cpu": cpu / n, "bare_wall": min(bare_wall) / n, "bare_cpu": min(bare_cpu) / n,
            "pipeline": min(pipe_wall) / n, "pipeline_cpu": min(pipe_cpu) / n}


# Run in a fresh process by compare(): argv = code folder, articles folder, article count, repeats.
# It uses only what every version of the code has (import_paths, ImportOptions, the project calls).
_WORKER = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from annotations.ingest import ImportOptions, import_paths

class Sink:
    def __init__(self):
        self.n = 0
    def duplicate_of(self, text):
        return None
    def add_document(self, text, title=None, meta=None, status="new"):
        self.n += 1
        return f"{self.n:010x}"
    def add_documents(self, documents, take_meta=False):
        return [self.add_document(**d) for d in documents]

folder, n, repeats = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
best = None
for _ in range(repeats):
    c0 = time.process_time()
    report = import_paths(Sink(), [folder], ImportOptions())
    cpu = time.process_time() - c0
    best = cpu if best is None else min(best, cpu)
print(best / n, len(report.imported))
"""


def _code_of(ref: str, tmp: Path) -> Path:
    """The folder holding ``annotations/`` for ``ref``: a checkout's folder, or a git commit unpacked."""
    path = Path(ref)
    if (path / "annotations" / "ingest").is_dir():
        return path.resolve()
    out = tmp / "against"
    out.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "annotations"],
                                 capture_output=True, check=True).stdout
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"--against {ref}: neither a folder with annotations/ingest nor a commit git knows "
                         f"({e.stderr.decode(errors='replace').strip()})") from None
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def _worker(code: Path, folder: Path, n: int) -> float:
    done = subprocess.run([sys.executable, "-c", _WORKER, str(code), str(folder), str(n), "3"],
                          capture_output=True, text=True, cwd=code)
    if done.returncode != 0:
        raise SystemExit(f"bench worker for {code} failed:\n{done.stderr.strip()}")
    per_article, imported = done.stdout.split()
    if int(imported) != n:
        raise SystemExit(f"bench worker for {code}: {imported} of {n} articles imported")
    return float(per_article)


def compare(ref: str, n: int, rounds: int) -> float:
    """Print the pipeline's CPU ms/article here and in ``ref``, and return the ratio new/old."""
    with tempfile.TemporaryDirectory() as tmp:
        old_code = _code_of(ref, Path(tmp))
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for name, data in variants(n):
            (folder / name).write_bytes(data)
        new, old = [], []
        for r in range(rounds):
            order = [(REPO, new), (old_code, old)]
            for code, into in order if r % 2 == 0 else order[::-1]:
                into.append(_worker(code, folder, n))
            print(f"  round {r + 1}: new {new[-1] * 1000:.3f} ms/article CPU, old {old[-1] * 1000:.3f} "
                  f"(ratio {new[-1] / old[-1]:.3f})", flush=True)
    mid_new, mid_old = statistics.median(new), statistics.median(old)
    ratio = mid_new / mid_old
    rounds_ratio = [a / b for a, b in zip(new, old, strict=True)]
    print(f"{n} articles, pipeline without the store, median of {rounds} rounds: new {mid_new * 1000:.3f} "
          f"ms/article CPU, old ({ref}) {mid_old * 1000:.3f}; new/old = {ratio:.3f} (target <= 1.0; "
          f"round ratios {min(rounds_ratio):.3f}-{max(rounds_ratio):.3f}, load average {os.getloadavg()[0]:.1f})")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--memory", action="store_true", help="in-memory project instead of a folder")
    parser.add_argument("--against", metavar="COMMIT_OR_DIR",
                        help="compare the pipeline's speed with this commit or checkout (see above)")
    parser.add_argument("--rounds", type=int, default=5, help="with --against: alternating rounds")
    args = parser.parse_args()
    if args.against:
        for n in args.sizes:
            compare(args.against, n, args.rounds)
        return 0
    backend = "memory" if args.memory else "on-disk"
    results = {}
    for n in args.sizes:
        r = results[n] = bench(n, args.memory)
        print(f"{n:>6} articles ({backend}): import {r['wall'] * 1000:.2f} ms/article wall "
              f"({r['cpu'] * 1000:.2f} ms CPU); read+detect+decode {r['bare_wall'] * 1000:.2f} ms wall "
              f"({r['bare_cpu'] * 1000:.2f} ms CPU); import/bare = {r['wall'] / r['bare_wall']:.2f}x wall, "
              f"{r['cpu'] / r['bare_cpu']:.2f}x CPU (target <= 3)", flush=True)
        print(f"        pipeline without the project store (best of 3): {r['pipeline'] * 1000:.2f} ms/article "
              f"wall ({r['pipeline_cpu'] * 1000:.2f} ms CPU), {r['pipeline'] / r['bare_wall']:.2f}x bare wall, "
              f"{r['pipeline_cpu'] / r['bare_cpu']:.2f}x bare CPU", flush=True)
    small, large = min(results), max(results)
    if small != large:
        print(f"per-article cost {large} vs {small}: {results[large]['wall'] / results[small]['wall']:.2f}x wall, "
              f"{results[large]['cpu'] / results[small]['cpu']:.2f}x CPU (target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
