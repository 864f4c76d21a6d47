"""Training-data formats: one exporter per format and importers for the annotated ones.

``export(project, fmt, out, options, progress)`` writes a selection of a project in one format and
returns an ``ExportReport`` (also written beside the output as ``<out>.report.json``);
``import_annotated(project, paths, fmt, options, progress)`` reads annotated files back, one atomic
document at a time, and returns an ``ImportReport``. See docs/formats.md.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import AnnotationError
from ..ingest.walk import walk_files
from ..progress import Progress
from ..schema import Schema
from . import brat, conll, doccano, dygiepp, events, hf, jsonl, labelstudio, oneie, shards, spacy_fmt, wojood
from .common import SPLIT_NAMES, ExportOptions, FormatError, lost_annotators, split_of
from .importing import ParsedDoc, commit, import_options, missing_labels, refusal, resolve_unknown_labels
from .rawdoc import load_raw
from .reports import ExportReport, ImportProblem, ImportReport
from .staging import EXPORT_MARKER, staged, write_json

EXPORTERS: dict[str, Any] = {
    "jsonl": jsonl.Writer,
    "brat": brat.Writer,
    "conll": conll.Writer,
    "spacy": spacy_fmt.Writer,
    "hf": hf.Writer,
    "labelstudio": labelstudio.Writer,
    "doccano": doccano.Writer,
    "events": events.Writer,
    "wojood": wojood.Writer,
    "oneie": oneie.Writer,
    "dygiepp": dygiepp.Writer,
    "shards": shards.Writer,
}
# readers take (path, options, problem) and yield ParsedDoc; brat reads a .ann/.txt pair
IMPORTERS: dict[str, Any] = {
    "jsonl": jsonl.read,
    "brat": brat.read,
    "conll": conll.read,
    "spacy": spacy_fmt.read,
    "labelstudio": labelstudio.read,
    "doccano": doccano.read,
    "wojood": wojood.read,
}
# the formats written as tokens: each takes every scheme of ``token_schemes.SCHEMES`` (``--tokens``)
# and reports the span edges inside a token; the others write character offsets
TOKEN_FORMATS = ("conll", "spacy", "hf", "events", "wojood", "oneie", "dygiepp", "shards")
EXTENSIONS = {".ann": "brat", ".conll": "conll", ".iob": "conll", ".bio": "conll", ".spacy": "spacy"}
# files taken from a folder given to import_annotated, per format
FOLDER_EXTENSIONS = {
    "jsonl": (".jsonl",), "brat": (".ann",), "conll": (".conll", ".iob", ".bio", ".tsv"), "spacy": (".spacy",),
    "labelstudio": (".json",), "doccano": (".jsonl", ".json"), "wojood": (".txt",),
}

__all__ = [
    "EXPORTERS", "EXTENSIONS", "IMPORTERS", "TOKEN_FORMATS", "ExportOptions", "ExportReport", "FormatError",
    "ImportProblem", "ImportReport", "detect_format", "export", "import_annotated",
]


def export(
    project: Any,
    fmt: str,
    out: str | os.PathLike[str],
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Export the selected documents of ``project`` as ``fmt`` to ``out``.

    Args:
        project: an open ``Project``.
        fmt: one of ``EXPORTERS``.
        out: output file or folder (a folder when a split is asked for, or for brat/hf).
        options: see ``ExportOptions`` (status, labels, annotator, tokens, scheme, nested, split...).
        progress: receives one step per document; cancelling leaves nothing written.

    Returns:
        The report; ``report.cancelled`` tells whether anything was written.

    Raises:
        FormatError: unknown format or option, or the output exists (without ``overwrite``).
    """
    if fmt not in EXPORTERS:
        raise FormatError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    asked = [k for k in ("tokens", "clitics") if (options or {}).get(k) is not None]
    if asked and fmt not in TOKEN_FORMATS:
        raise FormatError(f"--{asked[0]} is for the token formats ({', '.join(TOKEN_FORMATS)}); {fmt} writes "
                          "character offsets into the text, which no token scheme changes: leave it out")
    opts = ExportOptions.from_dict(_with_defaults(options, getattr(EXPORTERS[fmt], "defaults", {})))
    if opts.shards and fmt != "shards":
        raise FormatError(f"--shards is for --format shards (token and span datasets); {fmt} writes its own layout")
    if opts.include_suggestions and fmt != "labelstudio":
        raise FormatError(f"suggestions can be exported as Label Studio predictions only, not as {fmt}; "
                          "accept them first, or export --format labelstudio --include-suggestions")
    progress = progress or Progress()
    out = Path(out)
    writer_cls = EXPORTERS[fmt]
    report = ExportReport(fmt, str(out), offsets=opts.offsets)
    infos = project.documents(status=opts.status)
    splits = split_of([i.id for i in infos], opts.split, opts.seed)
    report.total = len(infos)
    chosen = {i.id for i in infos}
    report.left_out.update(i.status for i in project.documents() if i.id not in chosen)
    schema: Schema = project.schema
    if opts.labels is not None:
        unknown = sorted(opts.labels - {t.name for _, t in schema.all_types()})
        if unknown:
            raise FormatError(f"--labels: {', '.join(unknown)} not in the schema")
    progress.start(len(infos), f"export {fmt}")
    try:
        _write_all(project, writer_cls, out, opts, report, schema, infos, splits, progress)
    except _Cancelled:
        progress.finish()
        return report
    progress.finish()
    if hasattr(writer_cls, "write_extras"):
        writer_cls.write_extras(out, schema, opts)
    _list_files(out, report)
    report.report_path = str(out) + ".report.json"
    write_json(Path(report.report_path), report.to_dict())
    return report


def _with_defaults(options: dict[str, Any] | None, defaults: dict[str, Any]) -> dict[str, Any]:
    """``options`` with the format's own defaults (Wojood: nested levels, whitespace tokens) where
    the caller gave no value; the old ``clitics`` name counts as a token scheme given."""
    out = dict(options or {})
    for key, value in defaults.items():
        given = out.get(key) is not None or (key == "tokens" and out.get("clitics") is not None)
        if not given:
            out[key] = value
    return out


def _write_all(project: Any, writer_cls: Any, out: Path, opts: ExportOptions, report: ExportReport,
               schema: Schema, infos: list[Any], splits: dict[str, str], progress: Progress) -> None:
    writes_annotators = getattr(writer_cls, "writes_annotators", False)
    with staged(out, opts.overwrite) as tmp:
        writers: dict[str, Any] = {}

        def writer_for(split: str) -> Any:
            if split not in writers:
                if getattr(writer_cls, "handles_splits", False):
                    writers[split] = writers.get("*") or writer_cls(tmp, opts, report, schema)
                    writers["*"] = writers[split]
                elif opts.split is None:
                    writers[split] = writer_cls(tmp, opts, report, schema)
                else:
                    tmp.mkdir(exist_ok=True)
                    path = tmp / (split + (writer_cls.ext if writer_cls.layout == "file" else ""))
                    writers[split] = writer_cls(path, opts, report, schema)
            return writers[split]

        if opts.split is None:
            writer_for("all")
        else:
            for name in SPLIT_NAMES[: len(opts.split)]:
                writer_for(name)
        try:
            for info in infos:
                if progress.cancelled:
                    report.cancelled = True
                    break
                data = load_raw(project, info.id, opts, report, splits[info.id], info)
                lost_annotators(data, report, writes_annotators)
                writer_for(data.split).add(data)
                report.count(data)
                progress.advance(1, info.title or info.id)
        finally:
            for w in {id(w): w for w in writers.values()}.values():
                w.close()
        if report.cancelled:
            raise _Cancelled  # leaves the staging block: the partial output is removed
        if hasattr(writer_cls, "finish_all"):  # e.g. one CoNLL column count across train/dev/test
            writer_cls.finish_all(list({id(w): w for w in writers.values()}.values()))


class _Cancelled(Exception):
    pass


LISTED_FILES = 1000  # files named in the report (a brat export of 10,000 documents has 30,000)


def _list_files(out: Path, report: ExportReport) -> None:
    if out.is_dir():
        # the first ones in order, without holding every name: memory stays flat with the number of files
        report.files = heapq.nsmallest(LISTED_FILES, _files_under(out))
    else:
        report.files = [out.name]


def _files_under(root: Path) -> Iterator[str]:
    """Relative paths of the files under ``root`` (not the export marker), one directory entry at a time
    (``Path.rglob`` keeps a set of every path it yielded)."""
    folders = [root]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif entry.is_file() and entry.name != EXPORT_MARKER:
                    yield os.path.relpath(entry.path, root)


def detect_format(path: str | os.PathLike[str]) -> str | None:
    """Guess an annotated format from a file name (None when the extension is ambiguous)."""
    p = Path(path)
    if p.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[p.suffix.lower()]
    if p.is_dir() and any(p.glob("*.ann")):
        return "brat"
    if p.suffix.lower() == ".jsonl":
        try:
            with open(p, encoding="utf-8") as fh:
                first = fh.readline()
        except OSError:
            return None
        if jsonl.FORMAT_NAME in first:
            return "jsonl"
        return "doccano"
    if p.suffix.lower() == ".json":
        return "labelstudio"
    return None


def import_annotated(
    project: Any,
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    fmt: str | None = None,
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import annotated files into ``project``, each document in one atomic write.

    Args:
        project: an open ``Project``.
        paths: files (brat: ``.ann`` files or folders of them).
        fmt: one of ``IMPORTERS``; ``None`` guesses from each file's extension.
        options: ``unknown_labels`` (``"add"`` or ``"refuse"``, default refuse), ``encoding``,
            ``scheme`` (CoNLL: ``"auto"``, ``"iob2"``, ``"bioes"``), ``status`` of the new documents.
        progress: one step per file; cancelling keeps the documents already imported.

    Returns:
        The report: ``.lines()`` for people, ``.failed`` (files/documents not imported), ``.problems``.
    """
    opts = import_options(options)
    opts["unknown_labels"] = resolve_unknown_labels(project, opts["unknown_labels"])
    progress = progress or Progress()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    report = ImportReport(fmt or "auto")
    files = _expand(paths, fmt, report)
    progress.start(len(files), "import")
    for path in files:
        if progress.cancelled:
            report.cancelled = True
            break
        name = fmt or detect_format(path)
        if name is None or name not in IMPORTERS:
            why = (f"format {name!r} cannot be imported; importable: {', '.join(IMPORTERS)}" if name
                   else "cannot tell the format from the extension; pass --format")
            report.failed.append(ImportProblem(str(path), None, why))
        elif not path.exists():
            report.failed.append(ImportProblem(str(path), None, "file not found"))
        else:
            _import_file(project, path, name, opts, report, progress)
        progress.advance(1, path.name)
    progress.finish()
    return report


def _import_file(project: Any, path: Path, fmt: str, opts: dict[str, Any], report: ImportReport,
                 progress: Progress) -> None:
    """Read the whole of one file, then store its documents; a file that cannot be read as ``fmt``,
    holds no document, or (refusing unknown labels) uses labels the schema lacks stores nothing
    and is one ``report.failed`` line."""
    mark = len(report.problems)
    opts["schema"] = project.schema
    docs: list[ParsedDoc] = []
    why: str | None = None
    try:
        for pd in IMPORTERS[fmt](path, opts, report.problem):
            if progress.cancelled:
                report.cancelled = True
                return
            docs.append(pd)
    except UnicodeDecodeError as exc:
        why = f"not readable as {opts['encoding']} ({exc.reason} at byte {exc.start}); pass the right encoding"
    except OSError as exc:
        why = f"cannot read ({exc.strerror or exc})"
    except FormatError as exc:
        why = str(exc)
    except RecursionError:
        why = f"nested too deeply to be read as {fmt}; nothing imported"
    except Exception as exc:  # noqa: BLE001 - a damaged file is one failed file, never a traceback
        why = f"cannot be read as {fmt} ({type(exc).__name__}: {exc}); nothing imported"
    if why is not None:
        report.failed.append(ImportProblem(str(path), None, why))
        return
    if not docs:
        errors = [p for p in report.problems[mark:] if p.severity == "error"]
        if len(errors) == 1:  # the reader's one complaint about the whole file
            report.problems.remove(errors[0])
            report.failed.append(ImportProblem(errors[0].file, errors[0].line, errors[0].reason))
        else:
            report.failed.append(ImportProblem(str(path), None, (
                f"no document could be read from it as {fmt} ({len(errors)} errors listed)" if errors
                else f"holds no {fmt} document; nothing imported")))
        return
    if opts["unknown_labels"] == "refuse":
        missing = missing_labels(project.schema, docs)
        if missing:
            del report.problems[mark:]  # the one refusal says it all; nothing of the file is read in
            report.failed.append(refusal(str(path), missing))
            return
    if fmt == "jsonl" and opts["unknown_labels"] == "add":  # the file's own types, with their roles and colours
        report.added_labels += _merge_schema(project, jsonl.header_schema(path))
    for pd in docs:
        if progress.cancelled:
            report.cancelled = True
            return
        commit(project, pd, report, opts)


def _expand(paths: Iterable[str | os.PathLike[str]], fmt: str | None, report: ImportReport) -> list[Path]:
    """Files to read: folders are searched (recursively, hidden entries skipped) for the format's
    extensions only, so a README or a brat ``annotation.conf`` beside the data is not read as data.
    A symbolic link out of the folder is not followed; each is reported."""
    wanted = FOLDER_EXTENSIONS.get(fmt) if fmt else tuple(EXTENSIONS)
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        outside: set[str] = set()

        def on_error(e: OSError, top: Path = p) -> None:
            report.failed.append(ImportProblem(str(e.filename or top), None,
                                               f"cannot open this folder ({e.strerror or e})"))

        def on_outside(link: str, target: str, outside: set[str] = outside) -> None:
            outside.add(link)
            report.problem(link, None, f"symbolic link to {target}, outside the folder being imported; "
                                       "not followed", "warning")

        for folder, names in walk_files(p, on_error, on_outside):
            for n in names:
                f = Path(folder, n)
                if f.suffix.lower() not in (wanted or ()) or not f.is_file():
                    continue
                if f.suffix.lower() == ".ann" and str(f.with_suffix(".txt")) in outside:
                    report.failed.append(ImportProblem(str(f), None, "its text half (.txt) is a symbolic link "
                                                                     "outside the folder being imported; not read"))
                    continue
                out.append(f)
    return out


def _merge_schema(project: Any, other: Schema | None) -> list[str]:
    """Add the types of ``other`` that the project lacks (native JSONL with unknown_labels=add);
    return their names."""
    if other is None:
        return []
    schema = project.schema.copy()
    added: list[str] = []
    for attr, lookup in (("entity_types", schema.entity), ("event_types", schema.event),
                         ("relation_types", schema.relation), ("attributes", schema.attribute)):
        for t in getattr(other, attr):
            if lookup(t.name) is None:
                getattr(schema, attr).append(t)
                added.append(t.name if attr != "attributes" else f"attribute {t.name}")
    if added:
        try:
            schema.validate()
            project.set_schema(schema)
        except AnnotationError:
            return []  # clashes are handled label by label by the importer
    return added
