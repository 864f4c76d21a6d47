"""JSON text a column at a time: the bytes ``json_text`` writes, without one Python call per value.

The JSON formats (native JSONL, Label Studio, doccano, event JSON, OneIE, DyGIE++, shards) write
about 80 small objects an article. Encoding them through ``json.JSONEncoder`` costs more than
reading the document; building them as dicts first costs as much again. Here each field of those
objects is encoded for the whole column at once, and ``rows`` lays the constant parts (keys,
separators, fixed values) and the columns out in one list that is joined once. The output is
exactly ``json_text`` of the same objects: the same separators (``", "``, ``": "``), the same
escaping, the same spelling of numbers; whatever these shortcuts cannot prove equal goes through
``json_text``.

The ``str`` functions (native JSONL, Label Studio, doccano) escape with ``encode_basestring``, the
function ``json_text`` itself uses for every string. The ``*_b`` functions give the same text as
UTF-8 ``bytes``, encoded by orjson (which escapes exactly as ``encode_basestring`` does, for every
code point, and writes UTF-8 directly): the sentence formats (event JSON, OneIE, DyGIE++, shards)
lay a whole document out in bytes and write it without a final ``str.encode``. orjson separates
items with ``","`` where ``json_text`` writes ``", "``; the places an escaped string could fake that
separator are looked for, and such a column goes the slow way. What orjson refuses (lone
surrogates, integers past 64 bits) goes the slow way too, so the bytes are always
``json_text(...).encode("utf-8")`` (which fails on a lone surrogate, as writing the text did).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import chain, repeat
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

import orjson

from .staging import json_text

# joins a column's strings so that one escaping call covers them all (encode_basestring leaves it
# as it is); a column holding it anywhere is escaped value by value instead
_SEP = "\uffff"
_NONE = type(None)
_FIRST, _LAST = itemgetter(0), itemgetter(1)


def escaped(values: Sequence[str]) -> list[str]:
    """The JSON escaping of each string, without the quotes: ``json_text(v)[1:-1]`` for each."""
    if not values:
        return []
    joined = _SEP.join(values)
    if joined.count(_SEP) != len(values) - 1:
        return [encode_basestring(v)[1:-1] for v in values]
    return encode_basestring(joined)[1:-1].split(_SEP)


def integers(values: Sequence[int]) -> list[str]:
    """``json_text(v)`` of each value of a column of integers (``str`` of each, in C)."""
    if set(map(type, values)) <= {int}:
        return list(map(int.__repr__, values))
    return list(map(json_text, values))


def values(column: Sequence[Any]) -> list[str]:
    """``json_text(v)`` of each value; a column of a few distinct strings or nulls (labels,
    annotators, notes) is encoded once per distinct value."""
    if set(map(type, column)) <= {str, _NONE}:  # hashable, and no 1 == True == 1.0 to mix up
        encoded = {v: json_text(v) for v in set(column)}
        return list(map(encoded.__getitem__, column))
    return list(map(json_text, column))


def rows(parts: Sequence[Any], n: int, sep: Any = ", ") -> Any:
    """``n`` rows joined by ``sep``, row ``i`` being the concatenation of ``parts``: a ``str`` is the
    same in every row, a list gives row ``i`` its item ``i`` (each list must have ``n`` items).
    With a ``bytes`` ``sep``, every part is bytes (lists of bytes) and so is the result.

    ``rows(['{"a": "', escaped(a), '", "b": 1}'], len(a))`` is the inside of ``json_text([{"a": x,
    "b": 1} for x in a])``; the rows are laid out in one list by slice assignment and joined once."""
    if n == 0:
        return sep[:0]
    cells, width, head, tail = _layout(parts, n, sep[:0])
    if width == 1:
        return sep.join([head + tail] * n)
    cells[0::width] = [head, *[tail + sep + head] * (n - 1)]
    return sep[:0].join(cells) + tail


def _layout(parts: Sequence[Any], n: int, empty: Any, lead: int = 1) -> tuple[list[Any], int, Any, Any]:
    """The cells of ``n`` rows of ``parts`` laid out row after row, each row's first ``lead`` cells
    left for the caller (the literal before the row's first column, ``head``, with whatever
    separates the rows); ``tail`` is the literal after the last column."""
    kind = type(empty)
    segs: list[Any] = [empty]  # literal, column, literal, column, ..., literal
    for p in parts:
        if isinstance(p, kind):
            if isinstance(segs[-1], kind):
                segs[-1] += p
            else:
                segs.append(p)
        else:
            if not isinstance(segs[-1], kind):
                segs.append(empty)
            segs.append(p)
    if not isinstance(segs[-1], kind):
        segs.append(empty)
    tail = segs.pop()
    width = len(segs) + lead - 1
    cells: list[Any] = [empty] * (width * n)
    for k in range(1, len(segs)):
        cells[k + lead - 1::width] = segs[k] if k % 2 else [segs[k]] * n
    return cells, width, segs[0], tail


def array(parts: Sequence[str | Sequence[str]], n: int) -> str:
    """``rows`` as a JSON array (``"[]"`` when empty)."""
    return "[" + rows(parts, n) + "]"


def with_fields(head: dict[str, Any], *fields: tuple[str, str]) -> str:
    """``json_text`` of ``head`` with the ``(key, json text)`` fields appended after its own keys
    (``head`` must have at least one key)."""
    text = json_text(head)
    return text[:-1] + "".join(f", {json_text(k)}: {v}" for k, v in fields) + "}"


# ------------------------------------------------------------------------------------------------
# UTF-8 bytes, through orjson
# ------------------------------------------------------------------------------------------------


def _fake_separator(text: bytes) -> bool:
    """Whether orjson's ``text`` holds an escaped quote followed by a comma (a string with ``",``
    in it, which could pass for the ``","`` between two strings); backslashes are few, found by
    ``memchr``, and each escape is stepped over whole."""
    i = text.find(b"\\")
    while i >= 0:
        if text[i + 1:i + 3] == b'",':
            return True
        i = text.find(b"\\", i + 2)
    return False


def _slow_b(values: Sequence[Any]) -> list[bytes]:
    return [json_text(v).encode("utf-8") for v in values]


def string_b(value: str) -> bytes:
    """``json_text(value)`` of a string, UTF-8 encoded."""
    try:
        return orjson.dumps(value)
    except TypeError:  # a lone surrogate: json_text's text (whose encoding fails as before)
        return json_text(value).encode("utf-8")


def escaped_b(values: Sequence[str]) -> list[bytes]:
    """``json_text(v)[1:-1]`` of each string, UTF-8 encoded."""
    if not values:
        return []
    try:
        text = orjson.dumps(values)
    except TypeError:  # a lone surrogate: json_text's text (whose encoding fails as before)
        return [v[1:-1] for v in _slow_b(values)]
    out = text[2:-2].split(b'","')
    if len(out) != len(values) or _fake_separator(text):  # one string at a time
        return [string_b(v)[1:-1] for v in values]
    return out


def integers_b(values: Sequence[int]) -> list[bytes]:
    """``json_text(v)`` of each value of a column of integers, UTF-8 encoded."""
    if not values:
        return []
    if set(map(type, values)) <= {int}:
        try:
            return orjson.dumps(values if isinstance(values, list) else list(values))[1:-1].split(b",")
        except TypeError:  # past 64 bits
            pass
    return _slow_b(values)


def integer_columns_b(*columns: Sequence[int]) -> list[list[bytes]]:
    """``integers_b`` of each column, encoded in one call."""
    cells = integers_b(list(chain.from_iterable(columns)))
    out, at = [], 0
    for col in columns:
        out.append(cells[at:at + len(col)])
        at += len(col)
    return out


def values_b(column: Sequence[Any]) -> list[bytes]:
    """``json_text(v)`` of each value, UTF-8 encoded; a column of a few distinct strings or nulls
    (labels) is encoded once per distinct value."""
    if set(map(type, column)) <= {str, _NONE}:
        encoded = {v: json_text(v).encode("utf-8") for v in set(column)}
        return list(map(encoded.__getitem__, column))
    return _slow_b(column)


def string_lists_b(values: Sequence[str], bounds: Sequence[tuple[int, int]]) -> list[bytes]:
    """``json_text(values[a:b])`` for each ``(a, b)`` of ``bounds``, UTF-8 encoded: orjson's array of
    each run, its ``","`` separators widened to ``", "``.

    That widening is exact when no string holds a quote followed by a comma (which orjson writes
    ``\\",``) and no run starts with the string ``,`` (whose quotes and comma would be taken for a
    separator): each scan for ``","`` then starts on a string's text, never on a quote."""
    if not bounds:
        return []
    runs = list(map(values.__getitem__, map(slice, map(_FIRST, bounds), map(_LAST, bounds))))
    if "," not in map(values.__getitem__, map(_FIRST, bounds)):
        try:
            out = list(map(orjson.dumps, runs))
        except TypeError:  # a lone surrogate
            out = []
        if out and not any(map(_fake_separator, out)):
            return list(map(bytes.replace, out, repeat(b'","'), repeat(b'", "')))
    return [json_text(list(r)).encode("utf-8") for r in runs]


def row_list_b(parts: Sequence[Any], n: int) -> list[bytes]:
    """The ``n`` rows of ``parts`` (as ``rows`` lays them out), each its own ``bytes``: one
    ``b"".join`` per row, in C (for a few rows of long columns, such as a document's sentences,
    faster than joining them all and cutting the result)."""
    columns = [repeat(p) if isinstance(p, bytes) else p for p in parts]
    if all(isinstance(p, bytes) for p in parts):
        return [b"".join(parts)] * n
    return list(map(b"".join, zip(*columns, strict=False)))  # the literals repeat without end


def grouped_b(joints: Sequence[bytes], groups: Sequence[int], parts: Sequence[Any], n: int,
              sep: bytes = b", ") -> bytes:
    """``joints[0]``, the rows of group 0 joined by ``sep``, ``joints[1]``, the rows of group 1...,
    ``joints[-1]``: the ``n`` rows of ``parts`` (as in ``rows``) nested in the text around them,
    ``groups`` (sorted, each below ``len(joints) - 1``) giving each row's group. A document's entity
    mentions go into its sentence records so, laid out once with the records between them."""
    if n == 0:
        return b"".join(joints)
    # each row starts with three cells: what ends the row before (its tail, and a separator within a
    # group), the joints before a group's first row, and the literal before the first column; so
    # nothing is copied twice
    cells, width, head, tail = _layout(parts, n, b"", 3)
    ends = [tail + sep] * n
    between = [b""] * n
    done = 0  # the joints written so far
    for g, i in _group_starts(groups):
        ends[i] = tail if i else b""
        between[i] = joints[g] if done == g else b"".join(joints[done:g + 1])
        done = g + 1
    cells[0::width] = ends
    cells[1::width] = between
    cells[2::width] = [head] * n
    return b"".join(cells) + tail + b"".join(joints[done:])


def _group_starts(groups: Sequence[int]) -> list[tuple[int, int]]:
    """``(group, index of its first row)`` of each group that has rows (``groups`` sorted)."""
    out = []
    i, n = 0, len(groups)
    while i < n:
        g = groups[i]
        out.append((g, i))
        i = bisect_right(groups, g, i)
    return out
