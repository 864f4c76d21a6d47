"""Annotator bundles: one ``.qalam`` file (a zip) with an annotator's work, to send by e-mail.

Members::

    manifest.json     {"format": "qalam-bundle", "version": 1, "annotator", "app_version", "created",
                       "project", "status", "documents", "members": {name: {"sha256", "size"}}}
    documents.jsonl   the native JSONL export (annotations/formats/jsonl.py) of the chosen documents
    schema.json       the project's schema

``read_bundle`` checks everything before anything is used: that the file is a zip holding a manifest
of this format, written by this version of the app or an older one, and that every member is there
with its sha256. Each failure is a ``BundleError`` saying what is wrong and what to do.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .. import __version__
from ..errors import AnnotationError
from ..schema import Schema
from ..store.store import now as _now
from .layers import GOLD, Layer

BUNDLE_FORMAT = "qalam-bundle"
BUNDLE_VERSION = 1
SUFFIX = ".qalam"
MEMBERS = ("documents.jsonl", "schema.json")
MANIFEST = "manifest.json"


class BundleError(AnnotationError):
    """A bundle cannot be written or read; the message names the file and what to do."""


@dataclass
class BundleDoc:
    """One document of a bundle: its text and record fields, and the annotator's layer."""

    text: str
    title: str | None
    meta: dict[str, Any]
    status: str
    source_id: str | None
    layer: Layer


@dataclass
class Bundle:
    """A read and verified bundle."""

    path: Path
    manifest: dict[str, Any]
    schema: Schema
    documents: list[BundleDoc] = field(default_factory=list)

    @property
    def annotator(self) -> str:
        return str(self.manifest["annotator"])


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in str(version).split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bundle_annotator(project: Any, status: Iterable[str] | None = None) -> str:
    """The name a bundle of ``project`` is made under: the one annotator named on its annotations,
    else the project session's annotator."""
    names: set[str] = set()
    for _doc, spans, events, relations in project.iter_annotated(status):
        for items in (spans, events, relations):
            names.update(a.annotator for a in items if a.annotator)
        if len(names) > 1:
            break
    if len(names) > 1:
        raise BundleError(f"the annotations were made by several annotators ({', '.join(sorted(names))}); "
                          "say whose bundle this is with --annotator NAME (annotator=NAME)")
    return names.pop() if names else str(project.annotator or "")


def write_bundle(project: Any, out: str | os.PathLike[str], *, status: str | Iterable[str] | None = "all",
                 annotator: str | None = None, overwrite: bool = False) -> dict[str, Any]:
    """Write the documents of ``project`` (``status``: a comma list, an iterable, or "all") as a bundle.

    The file appears whole or not at all (written beside ``out``, then renamed). Returns the manifest.
    """
    from ..formats import export

    out = Path(out)
    if out.exists() and not overwrite:
        raise BundleError(f"{out} exists; choose another name or replace it (--force)")
    if isinstance(status, str):
        statuses = None if status == "all" else [s.strip() for s in status.split(",") if s.strip()]
    else:
        statuses = None if status is None else list(status)
    name = annotator or bundle_annotator(project, statuses)
    if not name:
        raise BundleError("no annotator name: pass --annotator NAME (annotator=NAME)")
    if name == GOLD:
        raise BundleError(f"{GOLD!r} is the name of the adjudicated layer; bundle under the annotator's own name")
    with tempfile.TemporaryDirectory(prefix="qalam-bundle-") as tmp:
        jsonl_path = Path(tmp) / "documents.jsonl"
        report = export(project, "jsonl", jsonl_path, {"status": statuses or "all", "annotator": "*"})
        data = {"documents.jsonl": jsonl_path.read_bytes(),
                "schema.json": json.dumps(project.schema.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")}
    manifest = {
        "format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "annotator": name, "app_version": __version__,
        "created": _now(), "project": project.path.name if project.path else None,
        "status": statuses or "all", "documents": report.documents,
        "members": {k: {"sha256": _sha256(v), "size": len(v)} for k, v in data.items()},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=out.name + ".", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                for k, v in data.items():
                    zf.writestr(k, v)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return manifest


def read_bundle(path: str | os.PathLike[str]) -> Bundle:
    """Read and verify a bundle (see the module docstring). Raises ``BundleError``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"{path}: cannot read the bundle ({exc.strerror or exc})") from None
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise BundleError(f"{path}: not a bundle (not a zip file). A bundle is what "
                          "'python main.py bundle PROJECT --out NAME.qalam' writes")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise BundleError(f"{path}: a zip, but not a bundle (no {MANIFEST}). A bundle is what "
                                  "'python main.py bundle PROJECT --out NAME.qalam' writes")
            manifest = _manifest(path, zf.read(MANIFEST))
            contents = {}
            for name in MEMBERS:
                entry = manifest["members"].get(name)
                if name not in names or not isinstance(entry, dict):
                    raise BundleError(f"{path}: the bundle lacks its member {name}; ask for the bundle again")
                data = zf.read(name)
                if _sha256(data) != entry.get("sha256"):
                    raise BundleError(f"{path}: member {name} fails its sha256 check (damaged or changed "
                                      "after it was written); nothing was merged. Ask for the bundle again")
                contents[name] = data
    except zipfile.BadZipFile as exc:
        raise BundleError(f"{path}: the zip is damaged ({exc}); ask for the bundle again") from None
    try:
        schema = Schema.from_dict(json.loads(contents["schema.json"]))
    except (ValueError, TypeError, KeyError) as exc:
        raise BundleError(f"{path}: schema.json cannot be read ({exc})") from None
    bundle = Bundle(path, manifest, schema)
    bundle.documents = list(_documents(path, contents["documents.jsonl"], bundle.annotator))
    return bundle


def _manifest(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw)
    except ValueError as exc:
        raise BundleError(f"{path}: {MANIFEST} is not JSON ({exc}); ask for the bundle again") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{path}: a zip, but not a bundle ({MANIFEST} is not a {BUNDLE_FORMAT} manifest)")
    version, app = manifest.get("version"), str(manifest.get("app_version", "0"))
    if not isinstance(version, int) or version > BUNDLE_VERSION or _version_tuple(app) > _version_tuple(__version__):
        raise BundleError(f"{path}: written by a newer version of the app ({app}, bundle format {version}); "
                          f"this is {__version__} (bundle format {BUNDLE_VERSION}). Update the app to merge it")
    annotator = manifest.get("annotator")
    if not isinstance(annotator, str) or not annotator.strip():
        raise BundleError(f"{path}: the manifest names no annotator")
    if not isinstance(manifest.get("members"), dict):
        raise BundleError(f"{path}: the manifest lists no members")
    return manifest


def _documents(path: Path, raw: bytes, annotator: str) -> Iterable[BundleDoc]:
    from ..formats.jsonl import FORMAT_NAME, VERSION

    for no, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            rec = orjson.loads(line)
        except ValueError as exc:
            raise BundleError(f"{path}: documents.jsonl line {no} is not JSON ({exc})") from None
        if not isinstance(rec, dict):
            raise BundleError(f"{path}: documents.jsonl line {no} is not a JSON object")
        if rec.get("format") == FORMAT_NAME:
            if not isinstance(rec.get("version"), int) or rec["version"] > VERSION:
                raise BundleError(f"{path}: documents.jsonl is format version {rec.get('version')!r}, newer "
                                  "than this app reads; update the app")
            continue
        if not isinstance(rec.get("text"), str):
            raise BundleError(f"{path}: documents.jsonl line {no}: field 'text' is missing or not a string")
        layer = Layer(annotator)
        for key, dest in (("spans", layer.spans), ("events", layer.events), ("relations", layer.relations)):
            items = rec.get(key) or []
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise BundleError(f"{path}: documents.jsonl line {no}: {key!r} must be a list of objects")
            for item in items:
                item = dict(item)
                item["ref"] = str(item.pop("id", ""))
                item.pop("text", None)
                item.pop("annotator", None)
                dest.append(item)
        yield BundleDoc(rec["text"], rec.get("title"), dict(rec.get("meta") or {}), rec.get("status") or "new",
                        rec.get("id"), layer)
