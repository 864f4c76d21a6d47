"""Shrink Qt's ICU data library (``libicudata.so.NN``, 31 MB, the biggest file of the Linux bundle) to what Qt uses.

Qt only calls ICU for collation (QCollator), case mapping, time zones and legacy text codecs; it has its
own CLDR locale data, Unicode tables and line breaking, and HarfBuzz does the Arabic shaping. ICU looks
up every item by name in the data library's table of contents and returns a clean "missing resource"
error (which Qt handles) for anything absent, so a smaller table is safe. We keep the core files,
collation and time-zone names for the app's languages and the time-zone rules; dropped are per-locale
display names, number spelling, transliteration, dictionary-based word break and legacy converters (the
app decodes files in Python).

The rebuilt library holds the same single symbol (``icudtNN_dat``) and soname, assembled with the C
compiler's ``.incbin``. Without a C compiler (or off Linux) the original library is kept and the build
says so. ``python packaging/icu_trim.py LIBICUDATA`` lists what would be kept and dropped.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# Item names (without the "icudtNNl/" prefix) kept; everything else in the package is dropped.
KEEP_EXACT = {
    "cnvalias.icu", "pool.res", "res_index.res", "root.res", "likelySubtags.res", "supplementalData.res",
    "metadata.res", "icuver.res", "icustd.res", "uprops.icu", "ucase.icu", "ubidi.icu", "unorm.icu",
    "nfc.nrm", "nfkc.nrm", "nfkc_cf.nrm", "uts46.nrm", "pnames.icu", "ulayout.icu", "uemoji.icu",
    "zoneinfo64.res", "timezoneTypes.res", "metaZones.res", "windowsZones.res", "tzdbNames.res",
    "ibm-1252_P100-2000.cnv", "ibm-1256_P110-1997.cnv", "ibm-1089_P100-1995.cnv",  # Latin-1/Windows Arabic/ISO-8859-6
    "numberingSystems.res", "dayPeriods.res", "plurals.res", "grammaticalFeatures.res", "keyTypeData.res",
    "currencyNumericCodes.res", "genderList.res", "units.res",
}
LANGUAGES = ("ar", "fa", "ur", "he", "en")  # the app's reading languages (RTL) plus English
KEEP_COLLATION = {"coll/ucadata.icu", "coll/res_index.res", "coll/root.res", "coll/pool.res"} | {
    f"coll/{lang}.res" for lang in LANGUAGES}
KEEP_LOCALE = {f"{lang}.res" for lang in LANGUAGES} | {  # time-zone display names (QTimeZone)
    f"zone/{name}.res" for name in (*LANGUAGES, "root", "pool", "res_index")}
KEEP_BREAK = re.compile(r"^brkitr/(?!.*\.dict$)")  # break rules are small; the dictionaries are ~3 MB


def keep_item(name: str) -> bool:
    """Whether an item (e.g. ``coll/ar.res``, path inside the package) stays in the trimmed data."""
    return name in KEEP_EXACT or name in KEEP_COLLATION or name in KEEP_LOCALE or bool(KEEP_BREAK.match(name))


def read_symbol(lib: Path) -> tuple[str, bytes]:
    """The ``icudtNN_dat`` symbol's name and bytes, read from a 64-bit little-endian ELF shared library."""
    data = lib.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{lib}: not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for pos in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", data, pos)
            end = data.index(b"\0", strtab[4] + st_name)
            name = data[strtab[4] + st_name:end].decode()
            if re.fullmatch(r"icudt\d+_dat", name):
                target = sections[shndx]
                file_offset = value - target[3] + target[4]
                return name, data[file_offset:file_offset + st_size]
    raise ValueError(f"{lib}: no icudtNN_dat symbol")


def split_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU common data (``CmnD``) as its header and ``(name, item bytes)`` in table order."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = blob[header_size:]
    count, = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        name = toc[name_off:toc.index(b"\0", name_off)].decode()
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        items.append((name, toc[data_off:end]))
    return blob[:header_size], items


def join_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of ``split_package``: table of contents, names, then items aligned to 16 bytes."""
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    offset = toc_size + len(names)
    body, entries, name_off = bytearray(), [], toc_size
    pad = (-(len(header) + offset)) % 16
    offset += pad
    for name, item in items:
        entries.append((name_off, offset + len(body)))
        name_off += len(name.encode()) + 1
        body += item + b"\0" * ((-len(item)) % 16)
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *e) for e in entries)
    return header + table + names + b"\0" * pad + bytes(body)


def trim(lib: Path, out_dir: Path) -> Path:
    """Write a trimmed copy of ``lib`` (same file name and soname) into ``out_dir`` and return its path.

    Raises:
        ValueError: the library is not an ICU data library we can read.
        OSError / subprocess.CalledProcessError: no C compiler, or it failed.
    """
    symbol, blob = read_symbol(lib)
    header, items = split_package(blob)
    prefix = items[0][0].split("/", 1)[0] + "/"
    kept = [(name, item) for name, item in items if keep_item(name.removeprefix(prefix))]
    out_dir.mkdir(parents=True, exist_ok=True)
    dat = out_dir / f"{symbol}.dat"
    dat.write_bytes(join_package(header, kept))
    asm = out_dir / f"{symbol}.S"
    asm.write_text(
        f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
        f'.incbin "{dat.name}"\n.size {symbol}, .-{symbol}\n.section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    out = out_dir / lib.name
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not compiler:
        raise OSError("no C compiler (cc/gcc/clang) on PATH")
    subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{lib.name}", "-o", str(out), asm.name],
                   cwd=out_dir, check=True, capture_output=True)
    return out


def replace_icu_data(binaries: list, workdir: Path) -> list:
    """Swap the ICU data library in a PyInstaller TOC for a trimmed one; keep the original on any failure."""
    result = []
    for dest, src, typecode in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            try:
                new = trim(Path(src), workdir / "icu_trim")
                print(f"build: {Path(dest).name} trimmed from {Path(src).stat().st_size / 1e6:.1f} MB "
                      f"to {new.stat().st_size / 1e6:.1f} MB (packaging/icu_trim.py)")
                src = str(new)
            except (OSError, ValueError, subprocess.CalledProcessError) as exc:
                print(f"build: WARNING: kept the full {Path(dest).name} (+~28 MB): {exc}", file=sys.stderr)
        result.append((dest, src, typecode))
    return result


if __name__ == "__main__":
    _, _blob = read_symbol(Path(sys.argv[1]))
    _, _items = split_package(_blob)
    _prefix = _items[0][0].split("/", 1)[0] + "/"
    for _name, _item in _items:
        print("keep" if keep_item(_name.removeprefix(_prefix)) else "drop", len(_item), _name)
