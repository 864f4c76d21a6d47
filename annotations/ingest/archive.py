"""Safe reading of ZIP archives: members are read into memory (never extracted) within set limits."""

from __future__ import annotations

import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from .decode import human_size, read_stream_limited
from .errors import IngestError

DEFAULT_MAX_MEMBERS = 10_000
DEFAULT_MAX_TOTAL = 1024**3
#: Deflate cannot shrink real text much beyond ~10:1; hundreds to one is a crafted bomb.
DEFAULT_MAX_RATIO = 100


@dataclass(frozen=True)
class ZipLimits:
    """Limits checked from the archive's directory before any member is decompressed.

    Attributes:
        max_members: entries in the archive.
        max_total: declared uncompressed size of all entries together (bytes).
        max_ratio: uncompressed/compressed size of any entry larger than 1 MB.
        max_member: uncompressed size of one entry (the per-file ``--max-size``).
    """

    max_members: int = DEFAULT_MAX_MEMBERS
    max_total: int = DEFAULT_MAX_TOTAL
    max_ratio: int = DEFAULT_MAX_RATIO
    max_member: int = 100 * 1024 * 1024


def _unsafe_name(name: str) -> bool:
    posix = name.replace("\\", "/")
    if posix.startswith("/") or "\x00" in posix or (len(posix) > 1 and posix[1] == ":"):
        return True
    return ".." in PurePosixPath(posix).parts


def _skip(name: str) -> bool:
    # macOS resource forks and hidden files are not articles.
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


class SafeZip:
    """An archive whose directory passed the safety checks; use as a context manager.

    Raises (on construction):
        IngestError: not a ZIP, too many members, a member escaping the archive (``../``, absolute
            paths), a declared total above the limit, or a compression ratio typical of a bomb.
            The whole archive is then refused and nothing of it is imported.
    """

    def __init__(self, path: str | os.PathLike[str], limits: ZipLimits) -> None:
        self.limits = limits
        try:
            self._zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as e:
            raise IngestError(f"not a valid ZIP archive ({e})") from None
        try:
            self.members = self._check()
        except BaseException:
            self._zf.close()
            raise

    def _check(self) -> list[zipfile.ZipInfo]:
        infos = self._zf.infolist()
        lim = self.limits
        if len(infos) > lim.max_members:
            raise IngestError(
                f"the archive has {len(infos)} members, above the limit of {lim.max_members}; "
                "the archive is refused — unpack it and import the folder"
            )
        for info in infos:
            if _unsafe_name(info.filename):
                raise IngestError(
                    f"member {info.filename!r} points outside the archive (path traversal); "
                    "the archive is refused and nothing from it was imported"
                )
        total = sum(i.file_size for i in infos)
        if total > lim.max_total:
            raise IngestError(
                f"the archive would unpack to {human_size(total)}, above the limit of "
                f"{human_size(lim.max_total)}; the archive is refused"
            )
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > lim.max_ratio * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise IngestError(
                    f"member {info.filename!r} would expand {ratio} times (to {human_size(info.file_size)}), "
                    "which is how decompression bombs look; the archive is refused"
                )
        return [i for i in infos if not i.is_dir() and not _skip(i.filename)]

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """Decompress one member, never more than its declared size or the per-file limit.

        Raises:
            IngestError: encrypted, too large, or damaged (CRC mismatch, bad data).
        """
        if info.flag_bits & 0x1:
            raise IngestError("the member is password-protected; unpack it yourself and import the files")
        if info.file_size > self.limits.max_member:
            raise IngestError(
                f"the member is {human_size(info.file_size)}, above the import limit of "
                f"{human_size(self.limits.max_member)}; raise it with --max-size"
            )
        try:
            with self._zf.open(info) as stream:
                # zipfile stops at the declared size and checks the CRC, so a member that lies
                # about its size fails instead of expanding without bound.
                return read_stream_limited(stream, self.limits.max_member, expected=info.file_size)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError,
                zlib.error) as e:
            raise IngestError(f"the member cannot be decompressed ({e})") from None

    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
