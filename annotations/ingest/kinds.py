"""What kind of file a path is: the import format names, by extension and (for ``.jsonl``) by content.

The names are those of ``export --format`` where a format goes both ways: ``jsonl`` is the app's
own lossless annotated format; plain article JSON lines are ``articles-jsonl``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

#: Articles as JSON lines (one object with a text field per line); ``jsonl`` is the annotated format.
ARTICLES_JSONL = "articles-jsonl"
#: A ``.json`` file of a scraper's article(s) (news-please, trafilatura, newspaper4k): not a --format
#: name, told from a Label Studio export by its content.
ARTICLE_JSON = "article-json"
#: Formats read here, by extension.
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": ARTICLES_JSONL, ".ndjson": ARTICLES_JSONL, ".csv": "csv", ".tsv": "csv", ".zip": "zip",
}  # fmt: skip
PLAIN_FORMATS = ("txt", "html", ARTICLES_JSONL, "csv", "zip")
#: ``--format`` names handed to annotations.formats, and the name that module uses for each: the
#: same names as ``export --format`` (``jsonl`` is the app's own lossless format on both sides).
ANNOTATED_FORMATS = {
    "jsonl": "jsonl", "brat": "brat", "conll": "conll", "spacy": "spacy",
    "labelstudio": "labelstudio", "doccano": "doccano", "wojood": "wojood",
}  # fmt: skip
ANNOTATED_EXTENSIONS = {
    ".ann": "brat", ".conll": "conll", ".iob": "conll", ".bio": "conll", ".spacy": "spacy", ".json": "labelstudio",
}  # fmt: skip
#: For file dialogs (the GUI's Import... item): everything ``import_paths`` accepts.
FILE_DIALOG_FILTERS = (
    ("Articles", ("*.txt", "*.html", "*.htm", "*.jsonl", "*.json", "*.csv", "*.tsv", "*.zip")),
    ("Annotated files", ("*.ann", "*.conll", "*.iob", "*.bio", "*.spacy", "*.json", "*.jsonl")),
)
# The app's own annotated JSONL starts with this header record (annotations/formats/jsonl.py).
_NATIVE_JSONL_MARK = "qalam-annotations"


def suffix_of(path: str | os.PathLike[str]) -> str:
    """``Path(path).suffix``, without building a Path."""
    name = os.path.basename(os.fspath(path))
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def annotated_jsonl(path: str | Path) -> str | None:
    """The annotated format of a .jsonl file, judged from its first record, or None for articles.

    ``"jsonl"`` (the app's own) when the record has ``"spans"`` or is the app's header record;
    ``"doccano"`` when ``"label"`` or ``"entities"`` is a list that holds lists or objects (offset
    triples or offset objects: whether each is well formed is the doccano reader's to report, line by
    line, so one malformed label never turns the file into plain articles). A plain article file
    (``"label"`` as a category string, or a list of category strings) is read as articles.
    """
    try:
        with open(path, "rb") as f:
            first = b""
            while not first.strip():
                first = f.readline(1 << 20)
                if not first:
                    return None
    except OSError:
        return None  # reading it again later gives the user the real error
    try:
        obj = json.loads(first.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None  # read as articles, where that line is reported
    return annotated_record(obj)


def annotated_record(obj: Any) -> str | None:
    """The annotated format a parsed JSON line belongs to (``"jsonl"``, ``"doccano"``), or None
    for an article record (see ``annotated_jsonl``)."""
    if not isinstance(obj, dict):
        return None
    if "spans" in obj or obj.get("format") == _NATIVE_JSONL_MARK:
        return "jsonl"
    for key in ("label", "entities"):
        items = obj.get(key)
        if isinstance(items, list) and any(isinstance(i, (list, dict)) for i in items):
            return "doccano"
    return None


def accepts(path: str | os.PathLike[str]) -> bool:
    """Whether ``import_paths`` takes this path: a folder or a file of a known type (for drag-and-drop)."""
    p = Path(path)
    if p.is_dir():
        return True
    suffix = p.suffix.lower()
    return suffix in EXTENSIONS or suffix in ANNOTATED_EXTENSIONS
