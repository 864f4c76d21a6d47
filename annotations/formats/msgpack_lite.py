"""The part of MessagePack that spaCy's DocBin uses, written and read without a msgpack library.

``pack`` encodes ``None``, ``bool``, ``int`` (64-bit), ``float`` (as a double), ``str``, ``bytes``,
``list``/``tuple`` and ``dict`` exactly as ``msgpack.packb(obj, use_bin_type=True)`` does (which is
what spaCy's ``srsly.msgpack_dumps`` calls): the smallest header for each size. ``array_header``,
``map_header`` and ``bin_header`` let a writer stream a long array or binary value whose items it
writes one at a time. ``unpack`` reads those types back (``str`` as ``str``, ``bin`` as ``bytes``,
arrays as lists) and raises ``ValueError`` for anything else (extension types, truncated data).
"""

from __future__ import annotations

import struct
from typing import Any

_PACK_Q, _PACK_q, _PACK_d = struct.Struct(">Q").pack, struct.Struct(">q").pack, struct.Struct(">d").pack


def _sized(n: int, fix: int | None, fix_max: int, codes: tuple[int | None, int, int]) -> bytes:
    """The header of a str/bin/array/map of ``n`` items: fix form, then 8-, 16- and 32-bit lengths."""
    if fix is not None and n <= fix_max:
        return bytes((fix | n,))
    c8, c16, c32 = codes
    if c8 is not None and n <= 0xFF:
        return bytes((c8, n))
    if n <= 0xFFFF:
        return bytes((c16,)) + n.to_bytes(2, "big")
    if n <= 0xFFFFFFFF:
        return bytes((c32,)) + n.to_bytes(4, "big")
    raise ValueError(f"msgpack cannot hold {n} items in one value")


def array_header(n: int) -> bytes:
    return _sized(n, 0x90, 15, (None, 0xDC, 0xDD))


def map_header(n: int) -> bytes:
    return _sized(n, 0x80, 15, (None, 0xDE, 0xDF))


def bin_header(n: int) -> bytes:
    return _sized(n, None, 0, (0xC4, 0xC5, 0xC6))


def str_header(n: int) -> bytes:
    return _sized(n, 0xA0, 31, (0xD9, 0xDA, 0xDB))


def pack_str(text: str) -> bytes:
    """``pack(text)`` for a ``str`` (the DocBin's string table packs thousands)."""
    data = text.encode("utf-8")
    return str_header(len(data)) + data


def _int(v: int) -> bytes:
    if 0 <= v <= 0x7F or -32 <= v < 0:
        return bytes((v & 0xFF,))
    if v >= 0:
        for code, size in ((0xCC, 1), (0xCD, 2), (0xCE, 4)):
            if v < 1 << (8 * size):
                return bytes((code,)) + v.to_bytes(size, "big")
        if v < 1 << 64:
            return b"\xcf" + _PACK_Q(v)
    else:
        for code, size in ((0xD0, 1), (0xD1, 2), (0xD2, 4)):
            if v >= -(1 << (8 * size - 1)):
                return bytes((code,)) + v.to_bytes(size, "big", signed=True)
        if v >= -(1 << 63):
            return b"\xd3" + _PACK_q(v)
    raise ValueError(f"integer {v} does not fit in 64 bits")


def pack(obj: Any) -> bytes:
    """``obj`` as MessagePack bytes (see the module docstring for the types).

    Raises:
        TypeError: for another type.
    """
    out: list[bytes] = []
    _pack(obj, out.append)
    return b"".join(out)


def _pack(obj: Any, emit: Any) -> None:
    if obj is None:
        emit(b"\xc0")
    elif obj is True:
        emit(b"\xc3")
    elif obj is False:
        emit(b"\xc2")
    elif isinstance(obj, int):
        emit(_int(obj))
    elif isinstance(obj, float):
        emit(b"\xcb" + _PACK_d(obj))
    elif isinstance(obj, str):
        data = obj.encode("utf-8")
        emit(str_header(len(data)))
        emit(data)
    elif isinstance(obj, (bytes, bytearray, memoryview)):
        data = bytes(obj)
        emit(bin_header(len(data)))
        emit(data)
    elif isinstance(obj, (list, tuple)):
        emit(array_header(len(obj)))
        for item in obj:
            _pack(item, emit)
    elif isinstance(obj, dict):
        emit(map_header(len(obj)))
        for key, value in obj.items():
            _pack(key, emit)
            _pack(value, emit)
    else:
        raise TypeError(f"cannot pack {type(obj).__name__} as msgpack")


def unpack(data: bytes) -> Any:
    """Decode one MessagePack value that fills ``data`` exactly.

    Raises:
        ValueError: for truncated or trailing data, an extension type or a reserved byte.
    """
    reader = _Reader(bytes(data))
    value = reader.value(0)
    if reader.pos != len(reader.data):
        raise ValueError(f"msgpack: {len(reader.data) - reader.pos} bytes after the value")
    return value


_FIXED = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q", 0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
          0xCA: ">f", 0xCB: ">d"}
_MAX_DEPTH = 64


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        end = self.pos + n
        if end > len(self.data):
            raise ValueError("msgpack: truncated data")
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk

    def length(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def value(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise ValueError("msgpack: nested too deeply")
        b = self.take(1)[0]
        if b <= 0x7F:
            return b
        if b >= 0xE0:
            return b - 0x100
        if 0xA0 <= b <= 0xBF:
            return self.text(b & 0x1F)
        if 0x90 <= b <= 0x9F:
            return self.array(b & 0x0F, depth)
        if 0x80 <= b <= 0x8F:
            return self.map(b & 0x0F, depth)
        if b == 0xC0:
            return None
        if b in (0xC2, 0xC3):
            return b == 0xC3
        if b in _FIXED:
            fmt = _FIXED[b]
            return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]
        sizes = {0xD9: 1, 0xDA: 2, 0xDB: 4, 0xC4: 1, 0xC5: 2, 0xC6: 4, 0xDC: 2, 0xDD: 4, 0xDE: 2, 0xDF: 4}
        if b not in sizes:
            raise ValueError(f"msgpack: unsupported type byte 0x{b:02x}")
        n = self.length(sizes[b])
        if b in (0xD9, 0xDA, 0xDB):
            return self.text(n)
        if b in (0xC4, 0xC5, 0xC6):
            return self.take(n)
        if b in (0xDC, 0xDD):
            return self.array(n, depth)
        return self.map(n, depth)

    def text(self, n: int) -> str:
        try:
            return self.take(n).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"msgpack: a string is not UTF-8 ({exc.reason})") from None

    def array(self, n: int, depth: int) -> list[Any]:
        return [self.value(depth + 1) for _ in range(n)]

    def map(self, n: int, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for _ in range(n):
            key = self.value(depth + 1)
            if isinstance(key, list):
                key = tuple(key)
            out[key] = self.value(depth + 1)
        return out
