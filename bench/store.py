"""Benchmark the durable store: add_span and open time at 10 / 1,000 / 10,000 articles.

Prints each figure as a ratio against baselines measured in the same run:
  * the fsync floor: append one small JSON record to a file and fsync it;
  * naive TinyDB: TinyDB(path) with its default JSONStorage holding the same data.
Targets (issue 2): add_span median at 10,000 articles within 5x the fsync floor; opening
10,000 articles (until the document list is available) in 0.5 s or less. Each size is measured
twice: built document by document with 20 spans each, and "imported" (added 200 at a time, as
the importer does, so the documents sit in pack files until their first span).

    python bench/store.py [--sizes 10,1000,10000] [--naive-max 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tinydb import TinyDB  # noqa: E402

from annotations import Project  # noqa: E402

SAMPLE = REPO.parent / "shared" / "samples" / "scraped_news_ar.txt"
SPANS_PER_DOC = 20


def sample_text() -> str:
    if not SAMPLE.exists():
        sys.exit(f"bench/store.py needs {SAMPLE} (the shared sample article); it is missing")
    return SAMPLE.read_text(encoding="utf-8")


def spans_for(text: str, rng: random.Random) -> list[dict]:
    out = []
    for _ in range(SPANS_PER_DOC):
        start = rng.randrange(0, len(text) - 20)
        out.append({"start": start, "end": start + rng.randint(2, 15), "label": rng.choice(["PER", "ORG", "GPE"])})
    return out


def fsync_floor(folder: Path, n: int = 200) -> float:
    path = folder / "floor.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    times = []
    for i in range(n):
        rec = json.dumps({"id": i, "start": 1, "end": 5, "label": "PER"}).encode() + b"\n"
        t = time.perf_counter()
        os.write(fd, rec)
        os.fsync(fd)
        times.append(time.perf_counter() - t)
    os.close(fd)
    return statistics.median(times)


def build_project(folder: Path, n_docs: int, text: str, rng: random.Random) -> list[str]:
    with Project.open(folder) as p:
        ids = []
        for i in range(n_docs):
            d = p.add_document(text + f"\n{i}", title=f"article {i}")
            p.add_spans(d, spans_for(text, rng))
            ids.append(d)
    return ids


def build_imported(folder: Path, n_docs: int, text: str) -> list[str]:
    """The same articles added the way an import adds them: 200 per add_documents (one pack each)."""
    with Project.open(folder) as p:
        ids: list[str] = []
        for first in range(0, n_docs, 200):
            batch = [{"text": text + f"\n{i}", "title": f"article {i}"} for i in range(first, min(n_docs, first + 200))]
            ids += p.add_documents(batch)
    return ids


def time_add_span(folder: Path, doc_ids: list[str], text: str, rng: random.Random, n: int = 60) -> tuple[float, float]:
    """Median durable add_span on random documents (cold) and on one document (warm)."""
    with Project.open(folder) as p:
        cold, warm = [], []
        for _ in range(n):
            d = rng.choice(doc_ids)
            start = rng.randrange(0, len(text) - 20)
            t = time.perf_counter()
            p.add_span(d, start, start + 5, "PER")
            cold.append(time.perf_counter() - t)
        d = doc_ids[0]
        for _ in range(n):
            start = rng.randrange(0, len(text) - 20)
            t = time.perf_counter()
            p.add_span(d, start, start + 5, "GPE")
            warm.append(time.perf_counter() - t)
    return statistics.median(cold), statistics.median(warm)


def time_open(folder: Path, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        with Project.open(folder) as p:
            docs = p.documents()
        times.append(time.perf_counter() - t)
        assert docs
    return statistics.median(times)


def naive_tinydb(folder: Path, n_docs: int, text: str, rng: random.Random, n: int = 3) -> tuple[float, float]:
    """The same data in one TinyDB JSON file: median insert of one span, and open + list docs."""
    path = folder / "naive.json"
    docs = {str(i + 1): {"id": str(i), "text": text, "title": f"article {i}"} for i in range(n_docs)}
    spans = {}
    k = 0
    for i in range(n_docs):
        for s in spans_for(text, rng):
            k += 1
            spans[str(k)] = {"doc": str(i), **s}
    path.write_text(json.dumps({"documents": docs, "spans": spans}), encoding="utf-8")
    db = TinyDB(path)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        db.table("spans").insert({"doc": "0", "start": 1, "end": 5, "label": "PER"})
        times.append(time.perf_counter() - t)
    db.close()
    t = time.perf_counter()
    db = TinyDB(path)
    titles = [d["title"] for d in db.table("documents").all()]
    open_time = time.perf_counter() - t
    db.close()
    assert len(titles) == n_docs
    return statistics.median(times), open_time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,1000,10000")
    ap.add_argument("--naive-max", type=int, default=10000, help="skip naive TinyDB above this size")
    ap.add_argument("--keep", help="build projects in DIR and keep them")
    args = ap.parse_args()
    text = sample_text()
    rng = random.Random(42)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-store-", dir=REPO.parent))
    root.mkdir(parents=True, exist_ok=True)
    try:
        floor = fsync_floor(root)
        print(f"fsync floor (append + fsync of one small record): {floor * 1e3:.3f} ms")
        print(f"{'articles':>9} | {'add_span cold':>14} {'x floor':>8} | {'add_span warm':>14} {'x floor':>8} | "
              f"{'naive insert':>12} {'ours/naive':>10} | {'open':>8} {'naive open':>10}")
        for n_docs in [int(x) for x in args.sizes.split(",")]:
            folder = root / f"p{n_docs}"
            if folder.exists():
                shutil.rmtree(folder)
            t0 = time.perf_counter()
            ids = build_project(folder, n_docs, text, rng)
            build = time.perf_counter() - t0
            cold, warm = time_add_span(folder, ids, text, rng)
            open_t = time_open(folder)
            if n_docs <= args.naive_max:
                naive_insert, naive_open = naive_tinydb(root, n_docs, text, rng)
                naive_s = f"{naive_insert * 1e3:>9.1f} ms {cold / naive_insert:>10.4f}"
                naive_o = f"{naive_open:>8.3f} s"
            else:
                naive_s, naive_o = f"{'-':>12} {'-':>10}", f"{'-':>10}"
            print(f"{n_docs:>9} | {cold * 1e3:>11.3f} ms {cold / floor:>8.2f} | {warm * 1e3:>11.3f} ms "
                  f"{warm / floor:>8.2f} | {naive_s} | {open_t:>6.3f} s {naive_o}   (built in {build:.1f} s)")
            # The same, imported: documents in packs, no spans yet (the first span moves one out).
            shutil.rmtree(folder)
            t0 = time.perf_counter()
            ids = build_imported(folder, n_docs, text)
            build = time.perf_counter() - t0
            cold, warm = time_add_span(folder, ids, text, rng)
            open_t = time_open(folder)
            print(f"{'imported':>9} | {cold * 1e3:>11.3f} ms {cold / floor:>8.2f} | {warm * 1e3:>11.3f} ms "
                  f"{warm / floor:>8.2f} | {'':>12} {'':>10} | {open_t:>6.3f} s {'':>10}   (built in {build:.1f} s)")
        print("targets: add_span at 10,000 articles <= 5x the fsync floor; open 10,000 articles <= 0.5 s")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
