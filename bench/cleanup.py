"""Benchmark: scraped-news cleanup on sites it was not written for (the test set in tests/data/sites/).

Usage: ``python bench/cleanup.py [--sites DIR] [--verbose]``

Each site's articles are imported the way a researcher would import them (one folder per site,
through ``import_paths`` into an in-memory project), once saved in UTF-8 and once in Windows-1256
with the characters that code page lacks replaced as a site's page would show them (℃ as C,
Arabic-Indic digits as ASCII ones, anything else as its compatibility form or ``?``). Each document
is compared with its gold file:

- title correct, body start correct (the first six words), date correct (``meta["published"]``);
- boilerplate left: lines the gold file says must go that are still lines of the body;
- body removed: gold body lines missing from the body.

Targets: >= 95% for the first three, <= 2% boilerplate left, <= 1% body removed, per encoding.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from annotations import Project  # noqa: E402 - after the path set-up above
from annotations.headline import without_added_headline  # noqa: E402
from annotations.ingest import ImportOptions, import_paths  # noqa: E402

SITES = REPO / "tests" / "data" / "sites"
ENCODINGS = ("utf-8", "cp1256")
TARGETS = {"title": 0.95, "start": 0.95, "date": 0.95, "left": 0.02, "lost": 0.01}
_SUBSTITUTES = {"℃": "C", "℉": "F", **{chr(0x0660 + i): str(i) for i in range(10)},
                **{chr(0x06F0 + i): str(i) for i in range(10)}}


def as_cp1256_page(text: str) -> str:
    """``text`` as a Windows-1256 page shows it: characters the code page lacks replaced."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1256")
        except UnicodeEncodeError:
            sub = _SUBSTITUTES.get(ch) or unicodedata.normalize("NFKC", ch)
            try:
                sub.encode("cp1256")
            except UnicodeEncodeError:
                sub = "?"
            ch = sub
        out.append(ch)
    return "".join(out)


@dataclass
class Score:
    """Counts for one site (or all) in one encoding."""

    articles: int = 0
    title: int = 0
    start: int = 0
    date: int = 0
    noise_lines: int = 0
    left: int = 0
    body_lines: int = 0
    lost: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("articles", "title", "start", "date", "noise_lines", "left", "body_lines", "lost"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def rates(self) -> dict[str, float]:
        n = self.articles or 1
        return {"title": self.title / n, "start": self.start / n, "date": self.date / n,
                "left": self.left / (self.noise_lines or 1), "lost": self.lost / (self.body_lines or 1)}

    def meets_targets(self) -> bool:
        r = self.rates()
        return all(r[k] >= TARGETS[k] for k in ("title", "start", "date")) and all(
            r[k] <= TARGETS[k] for k in ("left", "lost"))


def _norm(text: str) -> str:
    return " ".join(text.split())


def score_site(folder: Path, encoding: str, workdir: Path) -> Score:
    """Import one site's articles saved in ``encoding`` and compare each with its gold file."""
    convert = as_cp1256_page if encoding == "cp1256" else (lambda s: s)
    target = workdir / encoding / folder.name
    target.mkdir(parents=True)
    golds = {}
    for txt in sorted(folder.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
        golds[txt.name] = gold
        (target / txt.name).write_bytes(convert(txt.read_text(encoding="utf-8")).encode(encoding))
    score = Score()
    with Project.memory() as project:
        report = import_paths(project, [target], ImportOptions())
        docs = {Path(project.document(i).meta["file"]).name: project.document(i) for _, i in report.imported}
    for name, gold in golds.items():
        score.articles += 1
        where = f"{encoding} {folder.name}/{name}"
        doc = docs.get(name)
        score.noise_lines += len(gold["remove"])
        score.body_lines += len(gold["body"])
        if doc is None:
            score.lost += len(gold["body"])
            score.misses.append(f"{where}: not imported")
            continue
        # the gold files describe the source: the headline line the importer puts first is not body
        body = without_added_headline(doc.text, doc.meta)
        lines = {_norm(line) for line in body.split("\n")}
        if _norm(doc.title or "") == _norm(convert(gold["title"])):
            score.title += 1
        else:
            score.misses.append(f"{where}: title {doc.title!r}")
        if _norm(body).startswith(_norm(convert(gold["body_start"]))):
            score.start += 1
        else:
            score.misses.append(f"{where}: body starts {body[:60]!r}")
        if (doc.meta.get("published") or "") == gold["date"] and (  # no date: published is absent, gold ""
                "hijri" not in gold or doc.meta.get("published_hijri") == convert(gold["hijri"])):
            score.date += 1
        else:
            score.misses.append(f"{where}: date {doc.meta.get('published')!r} "
                                f"hijri {doc.meta.get('published_hijri')!r}, gold {gold['date']!r}")
        left = [line for line in gold["remove"] if _norm(convert(line)) in lines]
        lost = [line for line in gold["body"] if _norm(convert(line)) not in lines]
        score.left += len(left)
        score.lost += len(lost)
        score.misses += [f"{where}: left in the body: {line!r}" for line in left]
        score.misses += [f"{where}: body line removed: {line!r}" for line in lost]
    return score


def measure(sites: Path = SITES) -> dict[str, dict[str, Score]]:
    """Scores by encoding, then by site (plus ``"overall"``)."""
    out: dict[str, dict[str, Score]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for encoding in ENCODINGS:
            per = out[encoding] = {}
            total = Score()
            for folder in sorted(p for p in sites.iterdir() if p.is_dir() and not p.name.startswith("_")):
                per[folder.name] = score_site(folder, encoding, Path(tmp))
                total.add(per[folder.name])
            per["overall"] = total
    return out


def table(results: dict[str, dict[str, Score]]) -> list[str]:
    rows = [f"{'encoding':<8} {'site':<10} {'articles':>8} {'title':>7} {'start':>7} {'date':>7} "
            f"{'left':>14} {'removed':>14}"]
    for encoding, per in results.items():
        for site, s in per.items():
            r = s.rates()
            rows.append(f"{encoding:<8} {site:<10} {s.articles:>8} {r['title']:>7.0%} {r['start']:>7.0%} "
                        f"{r['date']:>7.0%} {s.left:>4}/{s.noise_lines:<4}{r['left']:>5.1%} "
                        f"{s.lost:>4}/{s.body_lines:<4}{r['lost']:>5.1%}")
    rows.append("targets: title, start, date >= 95%; boilerplate left <= 2%; body removed <= 1%")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=Path, default=SITES)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    results = measure(args.sites)
    print("\n".join(table(results)))
    failed = [enc for enc, per in results.items() if not per["overall"].meets_targets()]
    if args.verbose:
        for per in results.values():
            print("\n".join(per["overall"].misses))
    if failed:
        print(f"targets missed in: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
