"""Benchmark: export 10,000 documents / 200,000 spans to JSONL and IOB2, and compare with label-studio-converter.

Run: ``python bench/export.py [--docs 10000] [--spans-per-doc 20] [--ls-docs 2000] [--lsc PYTHON]``.
``--seed-sized`` instead prints the per-format table on ``--docs`` seed-sized articles (about 3,000
characters and 80 spans each) in a file project, every export timed end to end (opening the project
read-only included, as ``main.py export`` opens it), and runs label-studio-converter on the same
articles in the same run; ``--formats`` limits the table to some formats (the converter then runs
only when ``labelstudio`` and ``conll`` are among them); ``--baseline TREE`` (another checkout, e.g.
``git worktree add --detach /tmp/base main``) exports the same formats with that tree's code in the
same process, the two taking turns, and prints the ratio; ``--rounds N`` keeps each format's least
CPU time of N runs per tree.

label-studio-converter pins old versions of libraries we use, so it lives in its own virtual
environment (``python -m venv /tmp/lsc-venv && /tmp/lsc-venv/bin/pip install label-studio-converter``)
and is called as a subprocess; ``--lsc`` names that environment's python. The converter's own
conversion time is measured inside the subprocess (interpreter start-up excluded, and printed
separately), on the same 2,000 documents that we export from the same Label Studio JSON task list.
Times are CPU seconds (``time.process_time``) of the process doing the work, which the other
processes on a shared machine disturb much less than wall time. Prints the cost per document of each
and the ratios, then compares the converter's tokens and tags
with ours on the sample document.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotations import Project  # noqa: E402
from annotations.formats import export  # noqa: E402
from annotations.formats.common import ExportOptions, load_doc
from annotations.formats.conll import Writer as ConllWriter  # noqa: E402
from annotations.formats.reports import ExportReport
from annotations.tokenize import word_tokens  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LABELS = ("PER", "ORG", "GPE", "LOC")
CLITIC_LETTERS = "وبلف"
# The sample document: the title of the scraped article, as Label Studio users see it.
SAMPLE = ("روسيا تؤكد إجراء “محادثات سرية” مع أمريكا وأوروبا بإسطنبول.. سبقت الاشتباكات الأخيرة بـ”قره باغ”\n"
          "شهدت إسطنبول اجتماعاً بين ممثلي الاتحاد الأوروبي والولايات المتحدة وروسيا بشأن صراع منطقة "
          "\"قره باغ\" الأذربيجانية، حسبما قال الكرملين، الأربعاء 4 أكتوبر 2023.")
SAMPLE_SPANS = [("روسيا", 0, "GPE"), ("أمريكا", 0, "GPE"), ("أوروبا", 0, "GPE"), ("إسطنبول", 0, "GPE"),
                ("قره باغ", 0, "LOC"), ("إسطنبول", 1, "GPE"), ("الاتحاد الأوروبي", 0, "ORG"),
                ("الولايات المتحدة", 0, "GPE"), ("روسيا", 1, "GPE"), ("قره باغ", 1, "LOC"), ("الكرملين", 0, "ORG")]

# CPU time (process_time) on both sides: the machine is shared, and wall time mostly measures the neighbours
LSC_SCRIPT = r"""
import json, sys, time
t0 = time.process_time()
from label_studio_converter import Converter
t1 = time.process_time()
c = Converter(config=sys.argv[1], project_dir=None, download_resources=False)
t2 = time.process_time()
c.convert_to_conll2003(sys.argv[2], sys.argv[3], is_dir=False)
t3 = time.process_time()
print(json.dumps({"import": t1 - t0, "setup": t2 - t1, "convert": t3 - t2}))
"""


def paragraphs() -> list[str]:
    path = SHARED / "samples" / "scraped_news_ar.txt"
    if not path.exists():
        return [SAMPLE]
    lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines()]
    return [x for x in lines if len(x.split()) >= 12] or [SAMPLE]


def find(text: str, word: str, occurrence: int) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(word, i + 1)
    return i, i + len(word)


def build(n_docs: int, per_doc: int, ls_docs: int, seed: int = 1) -> Project:
    """A memory project: the sample first, then documents of 3 sample paragraphs with ``per_doc`` spans.

    Spans sit on words; a word that starts with a clitic letter has it left out of the span, as
    annotators do (بإسطنبول -> إسطنبول). The first ``ls_docs`` documents are "done", the rest
    "in progress", so both subsets can be exported.
    """
    rng = random.Random(seed)
    paras = paragraphs()
    p = Project.memory()
    spans = [{"ref": f"T{k}", "start": s, "end": e, "label": lab}
             for k, (w, occ, lab) in enumerate(SAMPLE_SPANS) for s, e in [find(SAMPLE, w, occ)]]
    p.import_document(SAMPLE, title="sample", status="done", spans=spans)
    for n in range(1, n_docs):
        text = "\n".join(rng.sample(paras, 3))
        words = [(s, e) for s, e in word_tokens(text) if e - s >= 3]
        chosen = sorted(rng.sample(words, min(per_doc, len(words))))
        spans = []
        for k, (s, e) in enumerate(chosen):
            if text[s] in CLITIC_LETTERS and e - s >= 5:
                s += 1
            spans.append({"ref": f"T{k}", "start": s, "end": e, "label": rng.choice(LABELS)})
        p.import_document(text, title=f"doc {n}", status="done" if n < ls_docs else "in progress", spans=spans)
    return p


def seed_sized_doc(rng: random.Random, paras: list[str], chars: int = 3000, per_doc: int = 80,
                   labels: tuple[str, ...] = LABELS) -> tuple[str, list[dict]]:
    """An article the size of the seed (about ``chars`` characters, ``per_doc`` spans): sample
    paragraphs until the length is reached, spans on words as in ``build``."""
    parts: list[str] = []
    while sum(map(len, parts)) + len(parts) < chars:
        parts.append(rng.choice(paras))
    text = "\n".join(parts)
    words = [(s, e) for s, e in word_tokens(text) if e - s >= 3]
    spans = []
    for k, (s, e) in enumerate(sorted(rng.sample(words, min(per_doc, len(words))))):
        if text[s] in CLITIC_LETTERS and e - s >= 5:
            s += 1
        spans.append({"ref": f"T{k}", "start": s, "end": e, "label": rng.choice(labels)})
    return text, spans


def seed_sized_project(folder: Path, n_docs: int, seed: int = 1) -> Path:
    """A file project of ``n_docs`` seed-sized articles, all "done", built once and kept in
    ``folder`` (a ``.complete`` file marks a finished build; building 10,000 takes minutes of fsync)."""
    if (folder / ".complete").exists():
        return folder / "project"
    rng = random.Random(seed)
    paras = paragraphs()
    with Project.open(folder / "project") as p:
        for n in range(n_docs):
            text, spans = seed_sized_doc(rng, paras)
            p.import_document(text, title=f"doc {n}", status="done", spans=spans)
    (folder / ".complete").write_text("ok\n", encoding="utf-8")
    return folder / "project"


def load_tree(name: str, tree: Path) -> Any:
    """The ``annotations`` package of another checkout, imported as ``name`` (its imports are relative)."""
    spec = importlib.util.spec_from_file_location(name, tree / "annotations" / "__init__.py",
                                                  submodule_search_locations=[str(tree / "annotations")])
    if spec is None or spec.loader is None:
        raise SystemExit(f"{tree}: no annotations package")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _remove_output(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
    Path(str(path) + ".report.json").unlink(missing_ok=True)


def timed(fn, *args, **kw):
    """CPU seconds of this process spent in ``fn`` (the machine is shared; see LSC_SCRIPT)."""
    t = time.process_time()
    result = fn(*args, **kw)
    return time.process_time() - t, result


def wall(fn, *args, **kw):
    t = time.perf_counter()
    result = fn(*args, **kw)
    return time.perf_counter() - t, result


def best_of(n: int, fn) -> float:
    """Best of ``n`` timings: the machine is shared, the minimum is the least disturbed run."""
    return min(timed(fn)[0] for _ in range(n))


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    docs: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif line.strip():
            parts = line.split(" ")
            docs[-1].append((parts[0], parts[-1]))
    return docs


def seed_table(n_docs: int, cache: Path, lsc_python: str, formats: list[str] | None = None,
               baseline: Path | None = None, rounds: int = 1) -> int:
    """Every format end to end (opening the file project included) on ``n_docs`` seed-sized articles,
    CPU seconds per run, and label-studio-converter on the same articles, side by side. With
    ``baseline`` (another checkout), its code exports the same formats in this process too, the two
    taking turns; with ``rounds``, each format runs that many times per tree and keeps its least time."""
    from annotations.formats import EXPORTERS

    unknown = sorted(set(formats or ()) - set(EXPORTERS))
    if unknown:
        print(f"--formats: {', '.join(unknown)} not one of {', '.join(EXPORTERS)}")
        return 2

    t_build, folder = timed(seed_sized_project, cache, n_docs)
    built = f"built in {t_build:.0f} s CPU" if t_build > 1 else "cached"
    print(f"project of {n_docs} seed-sized articles (about 3,000 characters, 80 spans): {folder} ({built})")
    out = Path(tempfile.mkdtemp(prefix="bench-seed-"))
    trees: dict[str, tuple[Any, Any]] = {"": (Project, export)}
    if baseline is not None:
        base = load_tree("baseline_annotations", baseline)
        trees["baseline"] = (base.Project, importlib.import_module("baseline_annotations.formats").export)
    names = [fmt for fmt in formats or EXPORTERS if formats or fmt != "spacy"]  # export_memory.py: spaCy
    best: dict[tuple[str, str], float] = {}
    reports: dict[str, ExportReport] = {}
    for r in range(rounds):
        for fmt in names:
            opts = {"status": "all", **({"shards": 4} if fmt == "shards" else {})}
            for tree, (project_cls, export_fn) in trees.items():
                dest = out / tree / (fmt if r == rounds - 1 else f"{fmt}-round{r}")

                def run(project_cls: Any = project_cls, export_fn: Any = export_fn, dest: Path = dest,
                        fmt: str = fmt, opts: dict = opts) -> ExportReport:
                    with project_cls.open(folder, create=False, readonly=True) as p:
                        return export_fn(p, fmt, dest, opts)

                dest.parent.mkdir(parents=True, exist_ok=True)
                t, rep = timed(run)
                best[tree, fmt] = min(t, best.get((tree, fmt), t))
                if not tree:
                    reports[fmt] = rep
                if r < rounds - 1:
                    _remove_output(dest)
    rows = [(fmt, best["", fmt], reports[fmt]) for fmt in names]
    print(f"{'format':12s} {'CPU s':>8s} {'ms/doc':>8s}  target <= 0.5 ms/doc"
          + (f"  {'baseline ms/doc':>15s}  baseline / this" if baseline is not None else "")
          + (f"  (least of {rounds} rounds)" if rounds > 1 else ""))
    for fmt, t, _ in rows:
        ms = t * 1000 / n_docs
        line = f"{fmt:12s} {t:8.2f} {ms:8.3f}  {'ok  ' if ms <= 0.5 else 'over'}"
        if baseline is not None:
            old = best["baseline", fmt]
            line += f"                  {old * 1000 / n_docs:15.3f}  {old / t:.2f}x"
        print(line)
    if not {"conll", "labelstudio"} <= {fmt for fmt, _, _ in rows}:
        print(f"outputs kept in {out}")
        return 0
    t_conll = next(t for fmt, t, _ in rows if fmt == "conll")
    if not Path(lsc_python).exists():
        print(f"label-studio-converter: {lsc_python} not found; create the venv as the docstring says.")
        return 1
    ls = out / "labelstudio"  # this tree's (the last round's) Label Studio export
    t_wall, proc = wall(subprocess.run, [lsc_python, "-c", LSC_SCRIPT, str(ls) + ".label_config.xml", str(ls),
                                         str(out / "lsc")], capture_output=True, text=True)
    if proc.returncode != 0:
        print("label-studio-converter failed:\n" + proc.stderr[-2000:])
        return 1
    lsc = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"label-studio-converter CONLL2003 on the same {n_docs} articles: {lsc['convert']:.2f} s CPU converting "
          f"(+ {lsc['import']:.2f} s import, {lsc['setup']:.2f} s setup; {t_wall:.2f} s wall)")
    print(f"ratio label-studio-converter / our CoNLL end to end (project opened, every document read): "
          f"{lsc['convert'] / t_conll:.1f}x (target >= 5x)")
    print(f"outputs kept in {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--spans-per-doc", type=int, default=20)
    ap.add_argument("--ls-docs", type=int, default=2_000)
    ap.add_argument("--lsc", default="/tmp/lsc-venv/bin/python", help="python of the label-studio-converter venv")
    ap.add_argument("--seed-sized", action="store_true",
                    help="the per-format table on --docs seed-sized articles in a file project, with the converter")
    ap.add_argument("--cache", type=Path, help="folder of the seed-sized project (default /tmp/qalam-seed-DOCS)")
    ap.add_argument("--formats", help="with --seed-sized: only these formats (comma separated)")
    ap.add_argument("--baseline", type=Path, help="with --seed-sized: another checkout exporting the same formats "
                    "in this process, side by side")
    ap.add_argument("--rounds", type=int, default=1, help="with --seed-sized: runs per format and tree, least kept")
    args = ap.parse_args()
    if args.seed_sized:
        formats = [f.strip() for f in args.formats.split(",") if f.strip()] if args.formats else None
        return seed_table(args.docs, args.cache or Path(f"/tmp/qalam-seed-{args.docs}"), args.lsc, formats,
                          args.baseline, max(args.rounds, 1))

    t_build, p = timed(build, args.docs, args.spans_per_doc, args.ls_docs)
    n_spans = sum(i.n_spans for i in p.documents())
    print(f"built {args.docs} documents with {n_spans} spans in {t_build:.1f} s (memory project)")
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    everything = {"status": "all"}
    t_jsonl, _ = timed(export, p, "jsonl", out / "all.jsonl", everything)
    t_iob2, rep = timed(export, p, "conll", out / "all.conll", everything)
    t_ls, _ = timed(export, p, "labelstudio", out / "ls.json", {"status": "done"})
    runs = iter(range(1000))
    t_ours_2k = best_of(3, lambda: export(p, "conll", out / f"ls-ours-{next(runs)}.conll", {"status": "done"}))
    (out / "ls-ours-0.conll").rename(out / "ls-ours.conll")
    # the same, split into reading from the project (core API) and our conversion (tokenize, tag, write)
    opts, scratch = ExportOptions(), ExportReport("conll", "-")
    infos = [i for i in p.documents() if i.status == "done"]
    docs: list = []
    t_read = best_of(3, lambda: docs.__setitem__(slice(None), [load_doc(p, i.id, opts, scratch, "all", i)
                                                                for i in infos]))

    def convert() -> None:
        w = ConllWriter(out / "convert-only.conll", opts, scratch, p.schema)
        for d in docs:
            w.add(d)
        w.close()

    t_conv = best_of(3, convert)
    per = 1000 / args.docs
    n2 = len(infos)
    print(f"JSONL : {t_jsonl:7.2f} s for {args.docs} docs = {t_jsonl * per:.3f} ms/doc")
    print(f"IOB2  : {t_iob2:7.2f} s for {args.docs} docs = {t_iob2 * per:.3f} ms/doc "
          f"({rep.tokens} tokens, {rep.sentences} sentences)")
    print(f"Label Studio JSON of {n2} docs: {t_ls:.2f} s")
    print(f"our IOB2 of the same {n2} docs (best of 3): {t_ours_2k:.2f} s = {t_ours_2k * 1000 / n2:.3f} ms/doc"
          f" = read from the project {t_read * 1000 / n2:.3f} ms/doc + tokenize/tag/write "
          f"{t_conv * 1000 / n2:.3f} ms/doc")

    if not Path(args.lsc).exists():
        print(f"label-studio-converter: {args.lsc} not found; create the venv as the docstring says. "
              "No comparison made.")
        return 1
    lsc_out = out / "lsc"
    lsc_runs = []
    for _ in range(3):
        t_wall, proc = wall(subprocess.run, [args.lsc, "-c", LSC_SCRIPT, str(out / "ls.json.label_config.xml"),
                                              str(out / "ls.json"), str(lsc_out)], capture_output=True, text=True)
        if proc.returncode != 0:
            print("label-studio-converter failed:\n" + proc.stderr[-2000:])
            return 1
        lsc_runs.append((json.loads(proc.stdout.strip().splitlines()[-1]), t_wall))
    lsc, t_wall = min(lsc_runs, key=lambda r: r[0]["convert"])
    lsc_ms = lsc["convert"] * 1000 / n2
    ours_ms = t_ours_2k * 1000 / n2
    print(f"label-studio-converter CONLL2003 (best of 3): {lsc['convert']:.2f} s for {n2} docs = {lsc_ms:.3f} ms/doc "
          f"(plus {lsc['import']:.2f} s import, {lsc['setup']:.2f} s setup; {t_wall:.2f} s wall time of the process)")
    print(f"ratio per document, label-studio-converter / ours: end to end {lsc_ms / ours_ms:.1f}x (target >= 5x); "
          f"conversion only (both from data in memory) {lsc_ms / (t_conv * 1000 / n2):.1f}x; "
          f"wall time incl. its start-up vs our end to end {t_wall * 1000 / n2 / ours_ms:.1f}x")

    # compare tokens and tags on the sample document (the first of both outputs)
    theirs = read_conll(lsc_out / "result.conll")
    ours = read_conll(out / "ls-ours.conll")
    n_theirs = sum(len(d) for d in theirs)
    n_ours = sum(len(d) for d in ours)
    print(f"tokens on the {args.ls_docs} docs: label-studio-converter {n_theirs}, ours {n_ours}")
    # theirs has one -DOCSTART- for the whole file: split its token stream by our documents' texts
    flat = [x for d in theirs for x in d]
    sample_theirs = flat[: len([t for t in flat[:200]])]
    ents_theirs = [t for t, tag in sample_theirs if tag.startswith("B-")][:12]
    ents_ours = [t for t, tag in ours[0] if tag.startswith("B-")]
    print("sample, first entity tokens (B-):")
    print("  label-studio-converter: " + " | ".join(ents_theirs))
    print("  ours (clitics split)  : " + " | ".join(ents_ours))
    first_theirs = [f"{t}/{tag}" for t, tag in flat[:14]]
    first_ours = [f"{t}/{tag}" for t, tag in ours[0][:18]]
    print("  title, theirs: " + " ".join(first_theirs))
    print("  title, ours  : " + " ".join(first_ours))
    punct = set(".،,\"“”؟:")
    glued = sum(1 for t, tag in flat if tag != "O" and punct & set(t))
    glued_ours = sum(1 for d in ours for t, tag in d if tag != "O" and punct & set(t))
    print(f"entity tokens with punctuation glued on, label-studio-converter: {glued}; ours: {glued_ours}")
    whole = sum(1 for t, tag in flat if tag.startswith("B-") and t[:1] in CLITIC_LETTERS)
    print(f"B- tokens starting with a clitic letter (tagged whole), label-studio-converter: {whole}; ours: "
          f"{sum(1 for d in ours for t, tag in d if tag.startswith('B-') and t[:1] in CLITIC_LETTERS)}")
    print(f"outputs kept in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
