"""Article records from JSONL, CSV and scrapers' JSON files: named text/title/date/url/source/id fields,
one problem per bad line.

The scrapers researchers use name their fields their own way; with the default field names those
are recognised too (``SCRAPER_FIELDS``): news-please's ``maintext``, ``date_publish``,
``source_domain`` and ``authors``, trafilatura's ``hostname``, newspaper4k's ``publish_date``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import IngestError
from .kinds import annotated_record


@dataclass(frozen=True)
class Fields:
    """Which field or column holds what (``--text-field`` and friends)."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    source: str = "source"
    id: str = "id"
    author: str = "author"


#: Other names of each field, tried in order when the default name is absent or empty (never when
#: the user named the field): news-please, trafilatura and newspaper4k JSON output.
SCRAPER_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("maintext", "raw_text"),
    "title": ("title_page", "title_rss"),
    "date": ("date_publish", "publish_date", "published", "filedate"),
    "url": ("source_url", "link"),
    "source": ("source_domain", "hostname", "sitename"),
    "author": ("authors",),
}


@dataclass
class Record:
    """One article read from a JSONL line or CSV row.

    Attributes:
        line: 1-based line where the record starts.
        extra: the other scalar fields, kept in the document metadata.
    """

    line: int
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    id: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_DEFAULT = Fields()


@dataclass(frozen=True)
class Problem:
    """A record left out, with its line and the reason in plain words."""

    line: int
    reason: str


# JSON's \\ud800-style escapes can produce lone surrogates, which no file encoding can store.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str) -> str:
    return _SURROGATE_RE.sub("\ufffd", value)


def _scalar(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (str, int, float, bool)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _field(obj: dict[str, Any], fields: Fields, name: str) -> str:
    """The key of ``obj`` that holds field ``name``: the one named, else a scraper's name for it."""
    given = getattr(fields, name)
    if given != getattr(_DEFAULT, name) or obj.get(given) not in (None, ""):
        return given
    return next((k for k in SCRAPER_FIELDS[name] if obj.get(k) not in (None, "")), given)


def text_field_in(header: list[str], fields: Fields) -> str | None:
    """The CSV column that holds the text, or None."""
    if fields.text in header:
        return fields.text
    if fields.text == _DEFAULT.text:
        return next((k for k in SCRAPER_FIELDS["text"] if k in header), None)
    return None


def _authors(value: Any) -> str | None:
    if isinstance(value, list):  # news-please and newspaper4k: a list of names
        value = "، ".join(str(v).strip() for v in value if isinstance(v, str) and v.strip())
    return _scalar(value)


def _record(obj: dict[str, Any], line: int, fields: Fields, what: str) -> Record | Problem:
    keys = {name: _field(obj, fields, name) for name in SCRAPER_FIELDS}
    fields = replace(fields, **keys)
    if fields.text not in obj:
        names = ", ".join(str(k) for k in list(obj)[:8]) or "none"
        return Problem(line, f"no {fields.text!r} {what} (this one has: {names}); "
                             f"name the text {what} with --text-field")
    text = obj[fields.text]
    if not isinstance(text, str):
        return Problem(line, f"the {fields.text!r} {what} is {type(text).__name__}, not text")
    if not text.strip():
        return Problem(line, f"the {fields.text!r} {what} is empty")
    bad = _SURROGATE_RE.search(text)
    if bad:
        return Problem(line, f"the {fields.text!r} {what} holds an unpaired surrogate (\\u{ord(bad.group()):04x}), "
                             "which is not valid Unicode text")
    obj = {k: _no_surrogates(v) if isinstance(v, str) else v for k, v in obj.items()}
    named = {fields.text, fields.title, fields.date, fields.url, fields.source, fields.id, fields.author}
    return Record(
        line=line,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=(_scalar(obj.get(fields.title)) or "").strip() or None,
        date=_scalar(obj.get(fields.date)),
        url=_scalar(obj.get(fields.url)),
        source=_scalar(obj.get(fields.source)),
        id=_scalar(obj.get(fields.id)),
        author=_authors(obj.get(fields.author)),
        extra={str(k): v for k, v in obj.items()
               if k not in named and k is not None and isinstance(v, (str, int, float, bool))},
    )


def parse_jsonl(text: str, fields: Fields, refuse_annotated: bool = False) -> tuple[list[Record], list[Problem]]:
    """Parse JSON Lines; bad lines become problems and the others are still read.

    With ``refuse_annotated`` (the format was guessed, not named), a line that is an annotated
    record (the app's own ``jsonl`` or doccano) is a problem: read as an article it would lose its
    annotations without a word.
    """
    records: list[Record] = []
    problems: list[Problem] = []
    for n, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            problems.append(Problem(n, f"not valid JSON ({e.msg} at column {e.colno})"))
            continue
        except RecursionError:
            problems.append(Problem(n, "nested too deeply to be read (JSON arrays or objects inside each other "
                                       "thousands of levels deep); line left out"))
            continue
        if not isinstance(obj, dict):
            problems.append(Problem(n, f"a JSON {type(obj).__name__}, not an object with a {fields.text!r} field"))
            continue
        fmt = annotated_record(obj) if refuse_annotated else None
        if fmt is not None:
            problems.append(Problem(n, f"an annotated {fmt} record in a file read as articles (its first line is "
                                       "not annotated); left out, as its annotations would be lost. Import the "
                                       f"file with --format {fmt} (or articles-jsonl to take only the text)"))
            continue
        rec = _record(obj, n, fields, "field")
        (records if isinstance(rec, Record) else problems).append(rec)  # type: ignore[arg-type]
    return records, problems


def _text_key(obj: dict[str, Any], fields: Fields) -> str | None:
    key = _field(obj, fields, "text")
    return key if isinstance(obj.get(key), str) else None


def json_articles(obj: Any, fields: Fields) -> list[Any] | None:
    """The articles of a parsed ``.json`` file, or None when it holds none: one scraper's article
    object (news-please ``maintext``, trafilatura and newspaper4k ``text``...) or a list whose first
    item is one. A Label Studio task (``"data"`` an object) is not an article."""
    items = obj if isinstance(obj, list) else [obj]
    first = items[0] if items else None
    if not isinstance(first, dict) or isinstance(first.get("data"), dict) or _text_key(first, fields) is None:
        return None
    return items


def is_labelstudio(obj: Any) -> bool:
    """A Label Studio export: a list of tasks (each with ``"data"``), or one task."""
    if isinstance(obj, list):
        return not obj or (isinstance(obj[0], dict) and isinstance(obj[0].get("data"), dict))
    return isinstance(obj, dict) and isinstance(obj.get("data"), dict)


def json_neither(obj: Any, fields: Fields) -> str:
    """Why a ``.json`` file is neither articles nor a Label Studio export, naming what was expected."""
    first = obj[0] if isinstance(obj, list) and obj else obj
    if isinstance(first, dict):
        names = ", ".join(repr(str(k)) for k in list(first)[:10]) or "none"
        has = f"{'its first item' if first is not obj else 'it'} is an object with the keys {names}"
    else:
        has = f"it is a JSON {type(obj).__name__}" + (f" of {type(first).__name__}s" if first is not obj else "")
    texts = " or ".join(repr(k) for k in (fields.text, *SCRAPER_FIELDS["text"])) if fields.text == _DEFAULT.text \
        else repr(fields.text)
    return (f"neither a scraped article nor a Label Studio export: {has}. An article is an object (or a list "
            f"of them) with its text in {texts} (trafilatura and newspaper4k write 'text', news-please "
            "'maintext'); a Label Studio export is a list of tasks, each with a 'data' object. Name the text "
            "field with --text-field, or the format with --format")


def parse_json_articles(items: list[Any], fields: Fields) -> tuple[list[Record], list[Problem]]:
    """Records from the article objects ``json_articles`` found; the "line" of each is its place in
    the file's list (0 for a file that is one article)."""
    records: list[Record] = []
    problems: list[Problem] = []
    single = len(items) == 1
    for n, obj in enumerate(items, 1):
        where = 0 if single else n
        if not isinstance(obj, dict):
            problems.append(Problem(where, f"item {n} is a JSON {type(obj).__name__}, not an article object"))
            continue
        rec = _record(obj, where, fields, "field")
        (records if isinstance(rec, Record) else problems).append(rec)  # type: ignore[arg-type]
    return records, problems


def _delimiter(text: str, given: str | None) -> str:
    if given:
        return given
    first = text[: text.find("\n")] if "\n" in text else text
    # The header line decides: the candidate that splits it most is the delimiter.
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv(
    text: str, fields: Fields, delimiter: str | None = None, max_field: int = 1 << 30
) -> tuple[list[Record], list[Problem]]:
    """Parse CSV with a header row; rows with problems are reported, the others read.

    Raises:
        IngestError: no header, no text column, or broken quoting (an unclosed quote would
            silently swallow the rest of the file); then nothing of the file is imported.
    """
    # The csv module's default field limit (128 KB) is smaller than a long article.
    if csv.field_size_limit() < max_field:
        csv.field_size_limit(max_field)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, delimiter), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        raise IngestError(f"the header row cannot be read ({e})", 1) from None
    if not header or not any(h.strip() for h in header):
        raise IngestError("no header row: the first line must name the columns", 1)
    header = [h.strip().lstrip("\ufeff") for h in header]
    if text_field_in(header, fields) is None:
        raise IngestError(
            f"no {fields.text!r} column (the columns are: {', '.join(header[:12])}); "
            "name the text column with --text-field",
            1,
        )
    records: list[Record] = []
    problems: list[Problem] = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise IngestError(
                f"broken CSV quoting in the row that starts here ({e}); nothing from this file was "
                "imported — fix the quotes and import it again",
                start,
            ) from None
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(line, f"the row has {len(row)} fields but the header has {len(header)}"))
            continue
        rec = _record(dict(zip(header, row, strict=True)), line, fields, "column")
        (records if isinstance(rec, Record) else problems).append(rec)  # type: ignore[arg-type]
    return records, problems
