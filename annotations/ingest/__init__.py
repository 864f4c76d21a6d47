"""Article ingestion: files, folders and ZIP archives of news into a project, with a report of every problem.

The CLI (``main.py import``) and the GUI (menu and drag-and-drop) both call :func:`import_paths`::

    from annotations import Project
    from annotations.ingest import ImportOptions, import_paths
    with Project.open("my-project") as project:
        report = import_paths(project, ["news/", "archive.zip"], ImportOptions(encoding=None))
        print("\\n".join(report.lines()))

Plain articles (``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.csv``, scrapers' ``.json``, folders,
``.zip``) are handled here; annotated files (brat ``.ann``, CoNLL, spaCy, Label Studio, doccano, the
app's own JSONL with ``"spans"``) are handed to ``annotations.formats.import_annotated``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import AnnotationError, ProjectError
from ..headline import with_headline
from ..progress import Progress
from ..project import text_hash
from . import html as html_mod
from .archive import DEFAULT_MAX_MEMBERS, DEFAULT_MAX_RATIO, DEFAULT_MAX_TOTAL
from .boilerplate import BatchLines
from .cleanup import CleanResult, RulesError, RuleSet, clean, load_rules, restore_original
from .collect import Collector, Unit, display, json_loads, os_reason
from .dates import find_date, normalise
from .decode import DEFAULT_MAX_SIZE
from .errors import IngestError
from .kinds import ANNOTATED_FORMATS, ARTICLE_JSON, ARTICLES_JSONL, FILE_DIALOG_FILTERS, PLAIN_FORMATS, accepts
from .report import ImportReport, ReportLine
from .source_lines import INDEX_NAME, SourceLines
from .tabular import Fields, json_articles, parse_csv, parse_json_articles, parse_jsonl
from .textinfo import base_direction, guess_language, invisible_counts, invisible_warning

__all__ = [
    "ANNOTATED_FORMATS",
    "FILE_DIALOG_FILTERS",
    "PLAIN_FORMATS",
    "ImportOptions",
    "ImportReport",
    "IngestError",
    "ReportLine",
    "accepts",
    "import_paths",
    "restore_original",
]



@dataclass
class ImportOptions:
    """How to import; the defaults suit scraped Arabic news.

    Attributes:
        encoding: force this encoding instead of detecting it (``cp1256``, ``utf-16``...).
        cleanup: run the scraped-news cleanup (title, date, boilerplate, captions).
        rules_files: extra cleanup rule files (JSON) that extend the built-in rules.
        fields: JSONL/CSV field names for text, title, date, url, source and id.
        max_size: per-file limit in bytes; larger files are refused without being read.
        format: ``auto`` (by extension), one of ``PLAIN_FORMATS`` or of ``ANNOTATED_FORMATS``.
        csv_delimiter: force the CSV delimiter (else guessed from the header line).
        status: status of the new documents.
        zip_max_members, zip_max_total, zip_max_ratio: ZIP safety limits (see ``archive.ZipLimits``).
        annotated: options passed through to ``annotations.formats.import_annotated``
            (``unknown_labels``, ``scheme``...).
    """

    encoding: str | None = None
    cleanup: bool = True
    rules_files: Sequence[str | os.PathLike[str]] = ()
    fields: Fields = field(default_factory=Fields)
    max_size: int = DEFAULT_MAX_SIZE
    format: str = "auto"
    csv_delimiter: str | None = None
    status: str = "new"
    zip_max_members: int = DEFAULT_MAX_MEMBERS
    zip_max_total: int = DEFAULT_MAX_TOTAL
    zip_max_ratio: int = DEFAULT_MAX_RATIO
    annotated: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Loaded:
    """A file read and decoded ahead (see ``_Importer._load_ahead``); plain text also cleaned."""

    text: str
    encoding: str
    cleaned: CleanResult | IngestError | None = None
    lines: _Lines | None = None


#: An article's source (key and name as shown) and its line keys (``boilerplate.line_keys``).
_Lines = tuple[str, str, "set[str]"]


class _Stop(Exception):
    """The project cannot be written any more; the import stops."""


class _Importer(Collector):
    def __init__(self, project: Any, options: ImportOptions, progress: Progress, report: ImportReport):
        super().__init__(options, report)
        self.project = project
        self.progress = progress
        self.rules: RuleSet | None = None
        # articles ready to store, written together (one durable sync per batch, not per article)
        self.pending: list[dict[str, Any]] = []
        self.pending_hashes: dict[str, str] = {}
        # short lines each source repeats across its articles, in this import and in the project
        # (read when the first article is cleaned): its boilerplate (boilerplate.py, source_lines.py)
        self.source_lines: SourceLines | None = None
        self.batch = BatchLines(stored=lambda source: self._source_lines().stored(source))

    def _source_lines(self) -> SourceLines:
        if self.source_lines is None:
            self.source_lines = SourceLines.load(self.project)
        return self.source_lines

    # ---------------------------------------------------------------- importing
    def run(self) -> None:
        if self.annotated:
            self._run_annotated()
        self.progress.start(len(self.units), "importing articles")
        loaded: list[_Loaded | Exception] = []
        for k, unit in enumerate(self.units):
            if self.progress.cancelled:
                self.report.cancelled = True
                self.report.not_reached = len(self.units) - k
                break
            if not loaded:
                loaded = self._load_ahead(k)
            self.progress.advance(0, label=unit.name)
            mark = len(self.pending)
            try:
                item = loaded.pop()
                if isinstance(item, Exception):
                    raise item
                self._unit(unit, item)
            except IngestError as e:
                self._drop_pending(mark)  # a failed file leaves the project unchanged
                self.report.fail(unit.name, e.line, str(e))
            except OSError as e:
                self._drop_pending(mark)
                self.report.fail(unit.name, None, os_reason(e))
            except _Stop as e:
                self.report.fail(unit.name, None, str(e))
                self.report.not_reached = len(self.units) - k - 1
                break
            except MemoryError:
                self._drop_pending(mark)
                self.report.fail(unit.name, None, "not enough memory to import it; lower --max-size or split it")
            except Exception as e:  # noqa: BLE001 - last resort so no traceback reaches the user
                self._drop_pending(mark)
                self.report.fail(unit.name, None, f"unexpected error ({type(e).__name__}: {e}); please report this")
            self.progress.advance(1)
            if len(self.pending) >= BATCH_SIZE:
                try:
                    self.flush()
                except _Stop as e:
                    self.report.fail(unit.name, None, str(e))
                    self.report.not_reached = len(self.units) - k - 1
                    break
        try:
            self.flush()  # what is pending when the loop ends or is cancelled counts as imported
        except _Stop as e:
            self.report.fail("import", None, str(e))
        if self.source_lines is not None:
            try:
                self.source_lines.save()
            except OSError as e:
                self.report.warn(INDEX_NAME, None, f"the index of the sources' short lines could not be written "
                                                   f"({e.strerror or e}); the next imports will not learn "
                                                   "boilerplate from these articles")
        self.progress.finish()

    def _run_annotated(self) -> None:
        try:
            from .. import formats
            from ..formats.importing import resolve_unknown_labels

            import_annotated = formats.import_annotated
        except Exception as e:  # noqa: BLE001 - a missing or broken formats package must not crash the import
            for fmt, paths in self.annotated.items():
                for p in paths:
                    self.report.fail(display(p), None,
                                     f"annotated {fmt} files cannot be imported in this version ({e})")
            return
        # decided once, before the first file is stored: "auto" adopts new labels only in a project
        # whose schema has never been used, and the first format imported must not change that
        mode = resolve_unknown_labels(self.project, self.options.annotated.get("unknown_labels", "auto"))
        for fmt, paths in self.annotated.items():
            opts = {"encoding": self.options.encoding, "status": self.options.status, **self.options.annotated,
                    "unknown_labels": mode}
            try:
                self.report.external.append(import_annotated(self.project, paths, fmt, opts, self.progress))
            except Exception as e:  # noqa: BLE001 - same: report, never a traceback
                for p in paths:
                    self.report.fail(display(p), None, f"annotated {fmt} import failed ({type(e).__name__}: {e})")
            if self.progress.cancelled:
                self.report.cancelled = True
                return

    def _load_ahead(self, k: int) -> list[_Loaded | Exception]:
        """Read and decode the next files from unit ``k`` on (up to LOAD_AHEAD of them, or
        LOAD_AHEAD_CHARS of text), then clean the plain-text ones; each comes back loaded or as
        the error it raised (raised again, in order, where the file is imported), in reverse
        order to be popped. Running each stage over a run of files, rather than every stage for
        every file in turn, keeps that stage's code and data in the processor's caches: with the
        decoding staged, about 10% less time per article, and 3-4% more with the cleaning
        (bench/ingest.py, 2,000 articles)."""
        out: list[_Loaded | Exception] = []
        chars = 0
        window = self.units[k : k + LOAD_AHEAD]
        for unit in window:
            try:
                data = unit.read()
                text, enc = self._decode(data, html_mod.declared_charset(data) if unit.kind == "html" else None)
            except Exception as e:  # noqa: BLE001 - raised again, in order, where the file is imported
                out.append(e)
                continue
            out.append(_Loaded(text, enc))
            chars += len(text)
            if chars > LOAD_AHEAD_CHARS:
                break
        if self.rules is not None:
            # every article of the window is counted before any is cleaned, so the first ones
            # already lose the lines their folder's later articles repeat
            texts = [(unit, item) for unit, item in zip(window, out, strict=False)
                     if unit.kind == "txt" and isinstance(item, _Loaded)]
            folded = [normalise(item.text).split("\n") for _, item in texts]  # one fold per article, for both
            for (unit, item), f in zip(texts, folded, strict=True):
                shown = os.path.dirname(unit.name)
                source = _source_key(shown)
                item.lines = (source, shown, self.batch.feed(source, item.text, folded_lines=f))
            for (_, item), f in zip(texts, folded, strict=True):
                assert item.lines is not None
                try:
                    item.cleaned = clean(item.text, self.rules, learned=self.batch.learned(item.lines[0]),
                                         folded_lines=f)
                except IngestError as e:
                    item.cleaned = e
        out.reverse()
        return out

    def _unit(self, unit: Unit, item: _Loaded) -> None:
        text, enc = item.text, item.encoding
        if unit.kind == "txt":
            self.add(unit.name, None, text, fmt="txt", encoding=enc, cleaned=item.cleaned, lines=item.lines)
        elif unit.kind == "html":
            art = html_mod.extract(text)
            self.add(unit.name, None, art.text, fmt="html", encoding=enc, title=art.title,
                     published=art.published, url=art.url, source=art.source, author=art.author)
        else:
            f = self.options.fields
            # the source whose boilerplate a record's lines are learned with: its source field, else
            # its file (or, for one article per .json file, their folder)
            default_source = unit.name
            default_key = _source_key(unit.name)
            if unit.kind == ARTICLES_JSONL:
                records, problems = parse_jsonl(text, f, refuse_annotated=self.options.format == "auto")
            elif unit.kind == ARTICLE_JSON:
                items = json_articles(json_loads(text), f)
                if items is None:  # met in a folder walk: not an article (a config, a Label Studio export)
                    self.report.ignored[".json"] += 1
                    return
                records, problems = parse_json_articles(items, f)
                default_source = os.path.dirname(unit.name)
                default_key = _source_key(default_source)
            else:
                records, problems = parse_csv(text, f, self.options.csv_delimiter, self.options.max_size)
            for p in problems:
                self.report.fail(unit.name, p.line or None, p.reason)
            lines: list[_Lines | None] = [None] * len(records)
            if self.options.cleanup:
                for k, rec in enumerate(records):
                    source, shown = (rec.source, rec.source) if rec.source else (default_key, default_source)
                    lines[k] = (source, shown, self.batch.feed(source, rec.text))
            for rec, rec_lines in zip(records, lines, strict=True):
                if self.progress.cancelled:
                    return
                published = None
                if rec.date:
                    parsed = find_date(rec.date)
                    if parsed:
                        published = parsed.iso
                    else:
                        self.report.warn(unit.name, rec.line, f"date {rec.date!r} not understood; "
                                                              "kept as meta['date_text']")
                        rec.extra["date_text"] = rec.date
                try:
                    self.add(unit.name, rec.line, rec.text, fmt=unit.kind, encoding=enc, title=rec.title,
                             published=published, url=rec.url, source=rec.source, external_id=rec.id,
                             author=rec.author, fields=rec.extra or None, lines=rec_lines,
                             learned=self.batch.learned(rec_lines[0]) if rec_lines else {})
                except IngestError as e:
                    self.report.fail(unit.name, rec.line, str(e))

    def add(self, name: str, line: int | None, text: str, *, fmt: str, encoding: str,
            title: str | None = None, published: str | None = None,
            cleaned: CleanResult | IngestError | None = None, learned: Mapping[str, str] | None = None,
            lines: _Lines | None = None, **extra: Any) -> None:
        """Clean one article, fill its metadata and store it unless the project has the same text."""
        if "\x00" in text:
            raise IngestError("contains NUL characters; NUL cannot be stored in a document, so it is refused", line)
        meta: dict[str, Any] = {"file": name, "format": fmt, "encoding": encoding}
        if line:
            meta["line"] = line
        body = text
        undated = None  # with the cleanup on: "none" (no date found) or "unread" (one not understood)
        if self.options.cleanup:
            if self.rules is None:
                self.rules = load_rules(self.options.rules_files)
            res = clean(text, self.rules, title, learned or {}) if cleaned is None else cleaned  # see _load_ahead
            if isinstance(res, IngestError):
                raise res
            body, title = res.body, res.title
            if published is None and res.published is not None:
                published = res.published.iso
                if res.published.hijri:
                    meta["published_hijri"] = res.published.hijri
            elif published is None and res.date_problem:
                self.report.warn(name, line, res.date_problem)
                undated = "unread"
            if published is None:  # a record's date field not understood was reported by _unit
                undated = undated or ("unread" if (extra.get("fields") or {}).get("date_text") else "none")
            for k, v in (("author", res.author), ("source", res.source)):
                if v and extra.get(k) is None:
                    extra[k] = v
            meta["removed"] = res.removed
            meta["captions"] = res.captions
            meta["cleanup"] = {"lines": res.total_lines, "body_line": res.body_line,
                               "rules": list(self.rules.sources)}
        elif not text.strip():
            raise IngestError("the text is empty", line)
        if published:
            meta["published"] = published
        # The headline opens the text (annotatable, exported like the body); the title stays the title.
        body, headline_meta = with_headline(title, body)
        meta.update(headline_meta)
        meta.update({k: v for k, v in extra.items() if v is not None})
        language = guess_language(body)
        meta["direction"] = base_direction(body)
        meta["language"] = language
        counts = invisible_counts(body)
        if counts:
            meta["invisible"] = counts
        where = f"{name}:{line}" if line else name
        dup = self.project.duplicate_of(body)
        if dup is not None:
            self.report.skip(name, line, f"same text as document {dup}, already in the project")
            return
        digest = text_hash(body)
        if digest in self.pending_hashes:
            self.report.skip(name, line, f"same text as {self.pending_hashes[digest]}, imported just before")
            return
        self.pending_hashes[digest] = where
        warning = invisible_warning(counts, language) if counts else None
        self.pending.append({"where": where, "name": name, "line": line, "warning": warning, "hash": digest,
                             "undated": undated,
                             "lines": lines if self.options.cleanup else None,
                             "doc": {"text": body, "title": title, "meta": meta, "status": self.options.status}})

    def _drop_pending(self, mark: int) -> None:
        for item in self.pending[mark:]:
            self.pending_hashes.pop(item["hash"], None)
        del self.pending[mark:]

    def flush(self) -> None:
        """Store the pending articles in one write; if the batch is refused, store them one by one
        so that only the bad article fails."""
        batch, self.pending, self.pending_hashes = self.pending, [], {}
        if not batch:
            return
        try:
            try:
                # the meta dicts are built here for this call and never touched again
                ids = self.project.add_documents([item["doc"] for item in batch], take_meta=True)
            except AnnotationError:
                ids = []
                for item in batch:
                    try:
                        ids.append(self.project.add_document(**item["doc"]))
                    except AnnotationError as e:
                        ids.append(None)
                        self.report.fail(item["name"], item["line"], f"not stored: {e}")
        except ProjectError as e:
            raise _Stop(f"the project cannot be written ({e}); the import stopped here") from None
        for item, doc_id in zip(batch, ids, strict=True):
            if doc_id is None:
                continue
            if item["lines"] is not None:
                source, shown, keys = item["lines"]
                self._source_lines().add(source, shown, doc_id, keys)
            self.report.imported.append((item["where"], doc_id))
            if item["undated"]:
                self.report.undated += 1
                self.report.dates_unread += item["undated"] == "unread"
            if item["warning"]:
                self.report.warn(item["name"], item["line"], item["warning"])

    def close(self) -> None:
        for archive in self.zips:
            archive.close()


BATCH_SIZE = 200  # articles per durable write during an import
LOAD_AHEAD = 200  # files read and decoded ahead of cleaning (see _Importer._load_ahead)
LOAD_AHEAD_CHARS = 4_000_000  # ...unless their text passes this many characters


def _source_key(folder: str) -> str:
    """The source that the articles of one folder (or file) share for learning boilerplate, the same
    in every import whatever the folder is called on the command line."""
    return os.path.abspath(folder) if folder else os.path.abspath(".")


def import_paths(
    project: Any,
    paths: Iterable[str | os.PathLike[str]],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import articles from files, folders and ZIP archives into ``project``.

    Each article is decoded, cleaned and described completely before it is stored; articles are
    stored in batches of ``BATCH_SIZE`` (one durable write each), and a file that fails has none
    of its articles stored, so it leaves the project unchanged; one bad file never stops the
    others. Cancelling through ``progress`` stops between articles and keeps what
    was imported.

    Args:
        project: an open ``annotations.Project``.
        paths: files and folders (folders are walked recursively; hidden files are skipped).
        options: see :class:`ImportOptions`.
        progress: one step per file; check ``report.cancelled`` afterwards.

    Returns:
        The report; it never raises for bad input.
    """
    options = options or ImportOptions()
    progress = progress or Progress()
    report = ImportReport()
    importer = _Importer(project, options, progress, report)
    try:
        if options.cleanup:
            try:
                importer.rules = load_rules(options.rules_files)
            except RulesError as e:
                report.fail("cleanup rules", e.line, str(e))
                return report
        if options.format not in ("auto", *PLAIN_FORMATS, *ANNOTATED_FORMATS):
            report.fail("--format", None, f"unknown format {options.format!r}; use one of auto, "
                                          f"{', '.join(PLAIN_FORMATS)}, {', '.join(ANNOTATED_FORMATS)}")
            return report
        importer.collect(paths)
        importer.run()
    finally:
        importer.close()
    return report
