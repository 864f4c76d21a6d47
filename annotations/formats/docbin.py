"""spaCy's DocBin file (``.spacy``) written and read without spaCy, streaming.

A DocBin (spaCy 3, ``spacy/tokens/_serialize.py``) is one zlib stream holding one msgpack map:

    version      "0.1"
    attrs        attribute ids of the token columns; here ORTH, SPACY, ENT_IOB, ENT_TYPE, and NORM
                 when the writer is given norms (the ``atb`` tokens with their ``+`` markers)
    tokens       uint64 matrix (tokens of all documents x attrs), C order, native byte order
    spaces       one byte per token: a space follows it
    lengths      int32 per document: its number of tokens
    strings      every string an id above refers to (token texts, labels)
    cats, flags  per document: {} and {"has_unknown_spaces": false}
    span_groups  per document: msgpack {SpanGroup bytes: [key]}; a SpanGroup is msgpack
                 {"name", "attrs": {}, "spans": [struct ">QQQllll" id, kb_id, label, start, end,
                 start_char, end_char]}
    user_data    per document: msgpack of ``doc.user_data``

A string's id is its position in ``spacy_symbols.SYMBOLS`` if it is a reserved symbol, 0 for "",
else MurmurHash64A of its UTF-8 bytes with seed 1. ENT_IOB is 3 for B, 1 for I, 2 for O. A NORM
of 0 leaves the token its default norm (``token.norm_`` is then its lexeme's).

``DocBinWriter`` appends each document's parts to temporary files beside the output and streams
them through zlib on ``close``: memory holds one document and the string table, whatever the number
of documents. ``read_docbin`` reads a DocBin written by spaCy or by the writer (any attrs).
"""

from __future__ import annotations

import functools
import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import sub
from pathlib import Path
from typing import IO, Any, NamedTuple

from . import msgpack_lite as mp
from .spacy_symbols import SYMBOL_IDS, SYMBOLS

ORTH, NORM, SPACY, ENT_IOB, ENT_TYPE = 65, 67, 81, 77, 78  # spacy.attrs
ATTRS = (ORTH, SPACY, ENT_IOB, ENT_TYPE)
ATTRS_NORM = (*ATTRS, NORM)
IOB_B, IOB_I, IOB_O = 3, 1, 2
_MASK = 0xFFFFFFFFFFFFFFFF
_M, _R = 0xC6A4A7935BD1E995, 47
_SPAN = struct.Struct(">QQQllll")
_SPAN_HEAD = struct.Struct(">BBQQQ")  # a span as a msgpack bin8 value: 0xc4, its length, then id, kb_id, label
_BIN8 = 0xC4
_GROUP_HEAD = mp.map_header(3) + mp.pack("name")
_GROUP_ATTRS = mp.pack("attrs") + mp.map_header(0) + mp.pack("spans")
_CELL = 8  # bytes in one cell of the token matrix (uint64)
_LITTLE = sys.byteorder == "little"
_LOW = 0 if _LITTLE else _CELL - 1  # where a small value's byte is in a native cell
_FLAGS = mp.pack({"has_unknown_spaces": False})
_CHUNK = 1 << 20
_BUFFER = 1 << 20  # of each temporary part: a document's 20 KB of token matrix is no write call of its own
# zlib level 1: several times faster than spaCy's default (6) on the token matrix, files ~10% larger
_LEVEL = 1


def _bin(data: bytes) -> bytes:
    """``data`` as one msgpack bin value."""
    return mp.bin_header(len(data)) + data


@functools.cache
def _span_rows(n: int) -> struct.Struct:
    """``n`` spans' msgpack bin values: each its 26 bytes of head (per label), then ``>llll``."""
    return struct.Struct(">" + "26s4l" * n)


def _as_cells(data: bytes) -> memoryview:
    """``data`` seen as uint64 cells (for a strided assignment into the token matrix)."""
    return memoryview(data).cast("Q")


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A (Austin Appleby), as spaCy's ``murmurhash.hash64`` computes it on x86."""
    n = len(data)
    h = (seed ^ (n * _M)) & _MASK
    blocks = n // 8
    for k in struct.unpack_from(f"<{blocks}Q", data):
        k = (k * _M) & _MASK
        k ^= k >> _R
        h = (h ^ ((k * _M) & _MASK)) * _M & _MASK
    tail = data[blocks * 8:]
    if tail:
        h = ((h ^ int.from_bytes(tail, "little")) * _M) & _MASK
    h ^= h >> _R
    h = (h * _M) & _MASK
    return h ^ (h >> _R)


def string_id(text: str) -> int:
    """spaCy's ``StringStore`` id of ``text``."""
    if not text:
        return 0
    symbol = SYMBOL_IDS.get(text)
    return symbol if symbol is not None else murmurhash64a(text.encode("utf-8"))


class SpanColumns(NamedTuple):
    """Spans as columns: labels, Doc token ranges ``[starts, ends)`` and character offsets."""

    labels: Sequence[str]
    starts: Sequence[int]
    ends: Sequence[int]
    start_chars: Sequence[int]
    end_chars: Sequence[int]


class EntColumns(NamedTuple):
    """Entities as columns: non-overlapping Doc token ranges ``[starts, ends)`` in order, and labels."""

    starts: Sequence[int]
    ends: Sequence[int]
    labels: Sequence[str]


class _Ids(dict[str, int]):
    """String -> id, computed once per distinct string of the whole export (the hash is Python
    code: a token seen 10,000 times is hashed once); its keys are the DocBin's string table."""

    def __missing__(self, text: str) -> int:
        value = self[text] = string_id(text)
        return value


class _Cells(dict[str, bytes]):
    """String -> its id as one cell of the token matrix (8 bytes, native order), made once per string:
    a column of the matrix is then one ``bytes.join`` of the cells of its strings."""

    def __init__(self, ids: _Ids) -> None:
        super().__init__()
        self.ids = ids

    def __missing__(self, label: str) -> bytes:
        value = self[label] = array("Q", [self.ids[label]]).tobytes()
        return value


class _SpanHeads(dict[str, bytes]):
    """Label -> the first 26 bytes of a span's msgpack value: bin8 header, id and kb_id (0), label id."""

    def __init__(self, ids: _Ids) -> None:
        super().__init__()
        self.ids = ids

    def __missing__(self, label: str) -> bytes:
        value = self[label] = _SPAN_HEAD.pack(_BIN8, _SPAN.size, 0, 0, self.ids[label])
        return value


class _Outside(dict[int, bytes]):
    """k -> the ENT_IOB and ENT_TYPE cells of k tokens outside any entity (O, 0), kept for the short
    runs (most): the column is joined from dict lookups in C, not made of a multiplication per run."""

    def __missing__(self, k: int) -> bytes:
        value = _OUTSIDE_CELLS * k if k > 0 else b""
        if k <= _KEPT_RUN:
            self[k] = value
        return value


class _Entities(dict[tuple[str, int], bytes]):
    """(label, k) -> the ENT_IOB and ENT_TYPE cells of an entity of k tokens: (B, label), (I, label)..."""

    def __init__(self, cells: _Cells) -> None:
        super().__init__()
        self.cells = cells

    def __missing__(self, key: tuple[str, int]) -> bytes:
        label, k = key
        cell = self.cells[label]
        value = (_IOB_CELLS[IOB_B] + cell + (_IOB_CELLS[IOB_I] + cell) * (k - 1)) if k > 0 else b""
        if k <= _KEPT_RUN:
            self[key] = value
        return value


_KEPT_RUN = 512  # runs up to this many tokens are kept: a few MB at most
_IOB_CELLS = {tag: array("Q", [tag]).tobytes() for tag in (IOB_B, IOB_I, IOB_O)}
_OUTSIDE_CELLS = _IOB_CELLS[IOB_O] + bytes(_CELL)
_OUTSIDE = _Outside()


class DocBinWriter:
    """Writes documents one at a time into a DocBin file at ``path`` (complete only after ``close``);
    with ``norms``, every document gives its tokens' NORM too.

    A document comes as columns (token texts, space flags, entity and span columns), and each part of
    the DocBin is made a column at a time by C code (``map`` over dict lookups, ``bytes`` joins,
    strided slice assignment into the token matrix): no Python code runs per token or per span."""

    def __init__(self, path: Path, norms: bool = False) -> None:
        self.path = path
        self.attrs = ATTRS_NORM if norms else ATTRS
        self.ids = _Ids()
        self.ids[""] = 0
        self.cells = _Cells(self.ids)
        self.span_heads = _SpanHeads(self.ids)
        self.entities = _Entities(self.cells)
        self.docs = 0
        self.parts: dict[str, IO[bytes]] = {}
        for name in ("tokens", "spaces", "lengths", "span_groups", "user_data"):
            self.parts[name] = tempfile.TemporaryFile(dir=path.parent, prefix=f".{path.name}.{name}.",
                                                      buffering=_BUFFER)

    def add(self, words: Sequence[str], spaces: bytes, ents: EntColumns, groups: dict[str, SpanColumns],
            user_data: dict[str, Any], norms: Sequence[str] = ()) -> None:
        """One document: its tokens (``"".join(w + " " * s)`` is its text; ``spaces``: one byte, 0 or 1,
        per token), entities, span groups by key, and ``doc.user_data``; ``norms`` (a writer made with
        ``norms``): each token's NORM, ``""`` for its default one."""
        n = len(words)
        if len(spaces) != n:
            raise ValueError(f"{n} words but {len(spaces)} space flags")
        self.parts["tokens"].write(self._matrix(words, spaces, ents, norms))
        self.parts["spaces"].write(spaces)
        self.parts["lengths"].write(array("i", [n]).tobytes())
        self.parts["span_groups"].write(_bin(self._span_groups(groups)))
        self.parts["user_data"].write(_bin(mp.pack(user_data)))
        self.docs += 1

    def _matrix(self, words: Sequence[str], spaces: bytes, ents: EntColumns, norms: Sequence[str]) -> bytearray:
        """The document's rows of the token matrix, filled a column at a time (strided slices)."""
        n = len(words)
        width = len(self.attrs)
        row = _CELL * width
        matrix = bytearray(row * n)
        if not n:
            return matrix
        with memoryview(matrix) as view, view.cast("Q") as cells:
            cells[0::width] = _as_cells(b"".join(map(self.cells.__getitem__, words)))
            with _as_cells(self._ent_columns(ents, n)) as ent_cells:
                cells[2::width] = ent_cells[0::2]
                cells[3::width] = ent_cells[1::2]
            if width > len(ATTRS):
                cells[4::width] = _as_cells(b"".join(map(self.cells.__getitem__, norms or [""] * n)))
        matrix[_CELL + _LOW::row] = spaces  # SPACY: 0 or 1, in its cells' low byte
        return matrix

    def _ent_columns(self, ents: EntColumns, n: int) -> bytes:
        """The ENT_IOB and ENT_TYPE cells of every token (16 bytes a token): a run of (O, 0) before each
        entity, then the entity's (B, label), (I, label)..., joined once from pieces kept per length."""
        starts, ends, labels = ents
        if not starts:
            return _OUTSIDE[n]
        before = map(sub, starts, chain((0,), ends))  # tokens outside an entity before each one
        inside = map(self.entities.__getitem__, zip(labels, map(sub, ends, starts), strict=True))
        column = b"".join(chain.from_iterable(zip(map(_OUTSIDE.__getitem__, before), inside, strict=True)))
        column += _OUTSIDE[n - ends[-1]]
        if len(column) != 2 * _CELL * n:  # a run of -k tokens is empty
            raise ValueError("entities must be non-empty, in order, apart and within the document's tokens")
        return column

    def _span_groups(self, groups: dict[str, SpanColumns]) -> bytes:
        """``doc.spans.to_bytes()``: msgpack {SpanGroup bytes: [key]}; each span is a 40-byte bin value
        (its head per label, then four big-endian int32: token start and end, character start and end)."""
        if not groups:
            return mp.pack([])
        msg: dict[bytes, list[str]] = {}
        for key, (labels, starts, ends, start_chars, end_chars) in groups.items():
            rows = zip(map(self.span_heads.__getitem__, labels), starts, ends, start_chars, end_chars, strict=True)
            packed = _span_rows(len(labels)).pack(*chain.from_iterable(rows))
            group = _GROUP_HEAD + mp.pack_str(key) + _GROUP_ATTRS + mp.array_header(len(labels)) + packed
            msg.setdefault(group, []).append(key)
        parts = [mp.map_header(len(msg))]  # mp.pack(msg), without visiting the spans' bytes again
        for group, keys in msg.items():
            parts += [mp.bin_header(len(group)), group, mp.array_header(len(keys)), *map(mp.pack_str, keys)]
        return b"".join(parts)

    def close(self) -> None:
        """Write the file: the msgpack map, its big values copied from the temporary files through zlib."""
        try:
            with open(self.path, "wb") as out:
                z = zlib.compressobj(_LEVEL)

                def emit(data: bytes) -> None:
                    out.write(z.compress(data))

                def copy(name: str, header: bytes) -> None:
                    fh = self.parts[name]
                    fh.flush()
                    size = fh.tell()
                    fh.seek(0)
                    emit(mp.bin_header(size) if header == b"bin" else header)
                    while chunk := fh.read(_CHUNK):
                        emit(chunk)

                emit(mp.map_header(10))
                emit(mp.pack("version") + mp.pack("0.1") + mp.pack("attrs") + mp.pack(list(self.attrs)))
                for name in ("tokens", "spaces", "lengths"):
                    emit(mp.pack(name))
                    copy(name, b"bin")
                emit(mp.pack("strings") + mp.array_header(len(self.ids)))
                emit(b"".join(map(mp.pack_str, sorted(self.ids))))
                emit(mp.pack("cats") + mp.array_header(self.docs) + b"\x80" * self.docs)
                emit(mp.pack("flags") + mp.array_header(self.docs) + _FLAGS * self.docs)
                for name in ("span_groups", "user_data"):
                    emit(mp.pack(name))
                    copy(name, mp.array_header(self.docs))
                out.write(z.flush())
        finally:
            for fh in self.parts.values():
                fh.close()


@dataclass
class ReadDoc:
    """One document of a DocBin: text, entities and span groups (character offsets), user data."""

    text: str
    ents: list[tuple[int, int, str]] = field(default_factory=list)
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    user_data: dict[Any, Any] = field(default_factory=dict)


def read_docbin(data: bytes) -> Iterator[ReadDoc]:
    """The documents of a DocBin's bytes.

    Raises:
        ValueError: when the bytes are not a DocBin (zlib, msgpack, or layout).
    """
    try:
        msg = mp.unpack(zlib.decompress(data))
    except zlib.error as exc:
        raise ValueError(f"not zlib data ({exc})") from None
    if not isinstance(msg, dict) or not {"attrs", "tokens", "spaces", "lengths", "strings"} <= set(msg):
        raise ValueError("not a DocBin (its attrs, tokens, spaces, lengths or strings are missing)")
    attrs = list(msg["attrs"])
    if ORTH not in attrs:
        raise ValueError("the DocBin has no ORTH column")
    strings = {string_id(s): s for s in msg["strings"]}
    tokens = array("Q", msg["tokens"])
    spaces = msg["spaces"]
    lengths = array("i", msg["lengths"])
    width = len(attrs)
    if len(tokens) != width * sum(lengths) or len(spaces) != sum(lengths):
        raise ValueError("its token, space and length tables do not agree")
    groups = msg.get("span_groups") or [b""] * len(lengths)
    users = msg.get("user_data") or [None] * len(lengths)
    col = {a: attrs.index(a) for a in (ORTH, ENT_IOB, ENT_TYPE) if a in attrs}

    def name(value: int) -> str:
        if value < len(SYMBOLS):
            return SYMBOLS[value]
        if value not in strings:
            raise ValueError(f"string id {value} is not in the DocBin's string table")
        return strings[value]

    row = 0
    for length, group, user in zip(lengths, groups, users, strict=False):
        cells = tokens[row * width:(row + length) * width]
        words = [name(v) for v in cells[col[ORTH]::width]]
        gaps = spaces[row:row + length]
        starts, pos, parts = [], 0, []
        for w, sp in zip(words, gaps, strict=True):
            starts.append(pos)
            parts.append(w + " " * sp)
            pos += len(w) + sp
        doc = ReadDoc("".join(parts))
        if ENT_IOB in col and ENT_TYPE in col:
            doc.ents = _ents(cells[col[ENT_IOB]::width], cells[col[ENT_TYPE]::width], starts, words, name)
        if group:
            doc.spans = _groups(group, starts, words, name, length)
        if user is not None:
            ud = mp.unpack(user)
            doc.user_data = ud if isinstance(ud, dict) else {}
        yield doc
        row += length


def _ents(iob: Sequence[int], types: Sequence[int], starts: list[int], words: list[str],
          name: Any) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    open_: list[Any] | None = None
    for i, (tag, label) in enumerate(zip(iob, types, strict=True)):
        if open_ is not None and (tag != IOB_I or label != open_[2]):
            out.append(tuple(open_))  # type: ignore[arg-type]
            open_ = None
        if tag == IOB_B or (tag == IOB_I and open_ is None and label):
            open_ = [starts[i], starts[i] + len(words[i]), label]
        elif tag == IOB_I and open_ is not None:
            open_[1] = starts[i] + len(words[i])
    if open_ is not None:
        out.append(tuple(open_))  # type: ignore[arg-type]
    return [(s, e, name(label)) for s, e, label in out]


def _groups(data: bytes, starts: list[int], words: list[str], name: Any,
            length: int) -> dict[str, list[tuple[int, int, str]]]:
    msg = mp.unpack(data)
    items = msg.items() if isinstance(msg, dict) else ((g, None) for g in msg)
    out: dict[str, list[tuple[int, int, str]]] = {}
    for group_bytes, keys in items:
        group = mp.unpack(group_bytes)
        spans = []
        for raw in group.get("spans", []):
            _, _, label, start, end, start_char, end_char = _SPAN.unpack(raw)
            if not 0 <= start < end <= length:
                raise ValueError(f"a span of group {group.get('name')!r} has tokens {start}..{end} of {length}")
            spans.append((start_char, end_char, name(label)))
        for key in keys or [group.get("name")]:
            out[str(key)] = spans
    return out
