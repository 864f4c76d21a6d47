"""Which files and archive members an import takes, and as what: folders walked, kinds told by
extension (and, for ``.jsonl`` and ``.json``, by content), ZIP members listed; what cannot be taken
is reported here, before anything is read for import."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .archive import SafeZip, ZipLimits
from .decode import bom_codec, decode_bytes, read_limited
from .errors import IngestError
from .kinds import (
    ANNOTATED_EXTENSIONS,
    ANNOTATED_FORMATS,
    ARTICLE_JSON,
    ARTICLES_JSONL,
    EXTENSIONS,
    PLAIN_FORMATS,
    annotated_jsonl,
    suffix_of,
)
from .report import ImportReport
from .tabular import is_labelstudio, json_articles, json_neither
from .walk import walk_files

if TYPE_CHECKING:
    from . import ImportOptions


@dataclass
class Unit:
    """One file (or archive member) to import."""

    name: str
    kind: str
    read: Callable[[], bytes]


def display(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored: undecodable name bytes become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or folder; check the path"
    if isinstance(e, PermissionError):
        return "permission denied: this account may not read it; check its permissions"
    if isinstance(e, IsADirectoryError):
        return "is a folder where a file was expected"
    return f"cannot be read ({e.strerror or e})"


class Collector:
    """The collecting stage of an import: ``units`` to read, ``annotated`` files by format."""

    def __init__(self, options: ImportOptions, report: ImportReport) -> None:
        self.options = options
        self.report = report
        self.units: list[Unit] = []
        self.annotated: dict[str, list[str]] = {}
        self.zips: list[SafeZip] = []

    # ---------------------------------------------------------------- collecting
    def collect(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        forced = self.options.format
        for p in paths:
            path = Path(p)
            name = display(p)
            if forced in ANNOTATED_FORMATS:
                if not os.path.lexists(path):
                    self.report.fail(name, None, os_reason(FileNotFoundError()))
                else:
                    self.annotated.setdefault(ANNOTATED_FORMATS[forced], []).append(str(p))
                continue
            try:
                if path.is_dir():
                    self._walk(path)
                elif path.exists():
                    self._file(path, name, explicit=True)
                else:
                    self.report.fail(name, None, os_reason(FileNotFoundError()))
            except OSError as e:
                self.report.fail(name, None, os_reason(e))
            except Exception as e:  # noqa: BLE001 - one bad path is one failure; the others still import
                self.report.fail(name, None, f"unexpected error ({type(e).__name__}: {e}); please report this")

    def _walk(self, top: Path) -> None:
        def on_error(e: OSError) -> None:
            where = display(e.filename or top)
            reason = ("cannot open this folder: permission denied; check its permissions"
                      if isinstance(e, PermissionError) else f"cannot open this folder ({e.strerror or e})")
            self.report.fail(str(where), None, reason)

        outside: set[str] = set()

        def on_outside(link: str, target: str) -> None:
            outside.add(link)
            self.report.leave_out(display(link), f"symbolic link to {display(target)}, outside the folder "
                                                  "being imported; not followed (name the file itself to "
                                                  "import it)")

        for dirpath, filenames in walk_files(top, on_error, on_outside):
            stems_with_ann = {f[:-4] for f in filenames if f.lower().endswith(".ann")}
            for fname in filenames:
                # plain strings: a Path per file cost more than a tenth of the per-article overhead
                fpath = os.path.join(dirpath, fname)
                if suffix_of(fname).lower() == ".txt" and fname[:-4] in stems_with_ann:
                    continue  # the text half of a brat pair; the .ann brings it in
                if fname.lower().endswith(".ann") and os.path.join(dirpath, fname[:-4] + ".txt") in outside:
                    self.report.fail(display(fpath), None, "its text half (.txt) is a symbolic link outside "
                                                            "the folder being imported; not read")
                    continue
                self._file(fpath, display(fpath), explicit=False)

    def _kind(self, path: str | Path) -> str | None:
        forced = self.options.format
        if forced in PLAIN_FORMATS:
            return forced
        suffix = suffix_of(path).lower()
        if suffix in ANNOTATED_EXTENSIONS:
            return "annotated:" + ANNOTATED_EXTENSIONS[suffix]
        if suffix == "" and os.path.isfile(path):
            return "txt"
        return EXTENSIONS.get(suffix)

    def _file(self, path: str | Path, name: str, explicit: bool) -> None:
        kind = self._kind(path)
        if kind == "annotated:labelstudio" and self.options.format == "auto":
            # a scraper's article (news-please, trafilatura, newspaper4k) or a Label Studio export
            if explicit:
                self._json(path, name)
            else:  # read when its turn comes; folders' other .json files (configs...) are ignored then
                self.units.append(Unit(name, ARTICLE_JSON, partial(read_limited, path, self.options.max_size)))
            return
        if kind is None:
            if explicit:
                self.report.fail(name, None, f"unsupported file type {suffix_of(path)!r}; import .txt, .html, "
                                             ".jsonl, .json, .csv or .zip files, or name a format with --format")
            else:
                self.report.ignored[suffix_of(path).lower()] += 1
            return
        if kind.startswith("annotated:"):
            self.annotated.setdefault(kind.split(":", 1)[1], []).append(str(path))
        elif kind == "zip":
            self._zip(path, name)
        elif kind == ARTICLES_JSONL and self.options.format == "auto" and (fmt := annotated_jsonl(path)):
            self.annotated.setdefault(fmt, []).append(str(path))
        else:
            self.units.append(Unit(name, kind, partial(read_limited, path, self.options.max_size)))

    def _json(self, path: str | Path, name: str) -> None:
        """A .json file named on the command line: articles, a Label Studio export, or a failure
        that says what was expected."""
        try:
            text, _ = self._decode(read_limited(path, self.options.max_size))
            obj = first_of_list(text)
        except OSError as e:
            self.report.fail(name, None, os_reason(e))
            return
        except IngestError as e:
            self.report.fail(name, e.line, str(e))
            return
        if json_articles(obj, self.options.fields) is not None:
            self.units.append(Unit(name, ARTICLE_JSON, partial(read_limited, path, self.options.max_size)))
        elif is_labelstudio(obj):
            self.annotated.setdefault("labelstudio", []).append(str(path))
        else:
            self.report.fail(name, None, json_neither(obj, self.options.fields))

    def _zip(self, path: str | Path, name: str) -> None:
        o = self.options
        limits = ZipLimits(o.zip_max_members, o.zip_max_total, o.zip_max_ratio, o.max_size)
        try:
            archive = SafeZip(path, limits)
        except IngestError as e:
            self.report.fail(name, None, str(e))
            return
        self.zips.append(archive)
        for info in archive.members:
            member = f"{name}!{info.filename}"
            suffix = Path(info.filename).suffix.lower()
            kind = o.format if o.format in PLAIN_FORMATS and o.format != "zip" else EXTENSIONS.get(suffix)
            if kind == "zip":
                self.report.fail(member, None, "archives inside archives are not opened; unpack it first")
            elif suffix in ANNOTATED_EXTENSIONS:
                self.report.fail(member, None, "annotated files inside a ZIP are not imported; "
                                               "unpack the archive and import the folder")
            elif kind is None:
                self.report.ignored[suffix] += 1
            else:
                self.units.append(Unit(member, kind, partial(archive.read, info)))

    def _decode(self, data: bytes, declared: str | None = None) -> tuple[str, str]:
        if self.options.encoding or not declared or bom_codec(data) or _is_utf8(data):
            # A byte-order mark or valid UTF-8 beats a page's declaration: saved pages often keep a
            # stale <meta charset>, and a code page would decode UTF-8 bytes into mojibake.
            d = decode_bytes(data, self.options.encoding)
            return d.text, d.encoding
        try:
            d = decode_bytes(data, declared)
        except IngestError:
            d = decode_bytes(data)  # the page lied about its charset: detect instead
        return d.text, d.encoding


def json_loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})", e.lineno) from None
    except RecursionError:
        raise IngestError("nested too deeply to be read (JSON arrays or objects inside each other thousands "
                          "of levels deep)") from None


def first_of_list(text: str) -> Any:
    """The parsed JSON document, or for a list only its first item (in a list): enough to tell a
    file's kind without parsing a large export twice."""
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("["):
        rest = body[1:].lstrip(" \t\r\n")
        if rest.startswith("]"):
            return []
        try:
            return [json.JSONDecoder().raw_decode(rest)[0]]
        except (json.JSONDecodeError, RecursionError):
            pass  # parsed whole below, for the error's real line
    return json_loads(text)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
