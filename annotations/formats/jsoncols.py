"""JSON text a column at a time: the bytes ``json_text`` writes, without one Python call per value.

The JSON formats (native JSONL, Label Studio, doccano, event JSON, OneIE, DyGIE++, shards) write
about 80 small objects an article. Encoding them through ``json.JSONEncoder`` costs more than
reading the document; building them as dicts first costs as much again. Here each field of those
objects is encoded for the whole column at once, and ``rows`` lays the constant parts (keys,
separators, fixed values) and the columns out in one list that is joined once. The output is
exactly ``json_text`` of the same objects: the same separators (``", "``, ``": "``), the same
escaping (``encode_basestring``, the function ``json_text`` itself uses for every string), the same
spelling of numbers; whatever these shortcuts cannot prove equal goes through ``json_text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from .common import json_text

# joins a column's strings so that one escaping call covers them all; encode_basestring leaves it
# as it is, and a column holding it anywhere is escaped value by value instead
_SEP = "\uffff"
_NONE = type(None)


def escaped(values: Sequence[str]) -> list[str]:
    """The JSON escaping of each string, without the quotes: ``json_text(v)[1:-1]`` for each."""
    if not values:
        return []
    joined = _SEP.join(values)
    if joined.count(_SEP) != len(values) - 1:
        return [encode_basestring(v)[1:-1] for v in values]
    return encode_basestring(joined)[1:-1].split(_SEP)


def strings(values: Sequence[str]) -> list[str]:
    """``json_text(v)`` of each string (quoted)."""
    return ['"' + v + '"' for v in escaped(values)]


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


def string_list(values: Sequence[str]) -> str:
    """``json_text(list(values))`` for strings."""
    if not values:
        return "[]"
    return '["' + '", "'.join(escaped(values)) + '"]'


_SEP2 = "\ufffe"


def string_lists(values: Sequence[str], bounds: Sequence[tuple[int, int]]) -> list[str]:
    """``json_text(values[a:b])`` for each ``(a, b)`` of ``bounds``, which cut ``values`` in order into
    non-empty runs (a document's tokens into sentences): the strings are escaped in one call, and
    the only new strings are the arrays themselves."""
    n = len(values)
    if not bounds or bounds[0][0] != 0 or bounds[-1][1] != n or any(a >= b for a, b in bounds) \
            or any(b != a for (_, b), (a, _) in zip(bounds, bounds[1:], strict=False)):
        return [string_list(values[a:b]) for a, b in bounds]
    seps = [_SEP] * n
    for _, b in bounds:
        seps[b - 1] = _SEP2
    cells: list[str] = [""] * (2 * n)
    cells[0::2] = values
    cells[1::2] = seps
    joined = "".join(cells[:-1])
    if joined.count(_SEP) != n - len(bounds) or joined.count(_SEP2) != len(bounds) - 1:
        return [string_list(values[a:b]) for a, b in bounds]  # a value holds a separator
    inner = encode_basestring(joined)[1:-1].replace(_SEP, '", "').split(_SEP2)
    return ['["' + x + '"]' for x in inner]


def rows(parts: Sequence[str | Sequence[str]], n: int, sep: str = ", ") -> str:
    """``n`` rows joined by ``sep``, row ``i`` being the concatenation of ``parts``: a ``str`` is the
    same in every row, a list gives row ``i`` its item ``i`` (each list must have ``n`` items).

    ``rows(['{"a": ', strings(a), ', "b": 1}'], len(a))`` is the inside of ``json_text([{"a": x,
    "b": 1} for x in a])``; the rows are laid out in one list by slice assignment and joined once."""
    if n == 0:
        return ""
    segs: list[Any] = [""]  # literal, column, literal, column, ..., literal
    for p in parts:
        if isinstance(p, str):
            if isinstance(segs[-1], str):
                segs[-1] += p
            else:
                segs.append(p)
        else:
            if not isinstance(segs[-1], str):
                segs.append("")
            segs.append(p)
    if not isinstance(segs[-1], str):
        segs.append("")
    tail = segs.pop()
    if len(segs) == 1:
        return sep.join([segs[0] + tail] * n)
    width = len(segs)
    cells: list[str] = [""] * (width * n)
    cells[0::width] = [segs[0], *[tail + sep + segs[0]] * (n - 1)]
    for k in range(1, width):
        cells[k::width] = segs[k] if k % 2 else [segs[k]] * n
    return "".join(cells) + tail


def row_list(parts: Sequence[str | Sequence[str]], n: int) -> list[str]:
    """The ``n`` rows of ``rows`` as a list (none of the JSON texts here holds a raw line break)."""
    return rows(parts, n, "\n").split("\n") if n else []


def array(parts: Sequence[str | Sequence[str]], n: int) -> str:
    """``rows`` as a JSON array (``"[]"`` when empty)."""
    return "[" + rows(parts, n) + "]"


def with_fields(head: dict[str, Any], *fields: tuple[str, str]) -> str:
    """``json_text`` of ``head`` with the ``(key, json text)`` fields appended after its own keys
    (``head`` must have at least one key)."""
    text = json_text(head)
    return text[:-1] + "".join(f", {json_text(k)}: {v}" for k, v in fields) + "}"
