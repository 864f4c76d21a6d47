"""Walking a folder to import: sorted, hidden entries skipped, symbolic links kept inside the tree.

A folder given to an import may hold symbolic links. One that points outside the folder (to
``/etc/passwd``, say) is not followed: the caller is told about each, so the report can list it.
Links that stay inside the tree are harmless: a linked file is read, a linked folder is not walked
again (what it points to is walked where it is, and a link loop cannot make the walk endless).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator


def inside(path: str, root: str) -> bool:
    """Whether the resolved ``path`` is ``root`` or below it (both absolute, resolved)."""
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives (Windows)
        return False


def walk_files(
    top: str | os.PathLike[str],
    on_error: Callable[[OSError], None],
    on_outside: Callable[[str, str], None],
) -> Iterator[tuple[str, list[str]]]:
    """``(folder, file names)`` for ``top`` and each folder below it, depth first, names sorted.

    Hidden files and folders (``.name``) are skipped. A folder that cannot be listed goes to
    ``on_error`` and the walk goes on. A symbolic link that resolves outside ``top`` goes to
    ``on_outside(link, target)`` and is left out.
    """
    root = os.path.realpath(top)
    stack = [os.fspath(top)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            if e.filename is None:
                e.filename = folder
            on_error(e)
            continue
        files: list[str] = []
        folders: list[str] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not inside(target, root):
                    on_outside(entry.path, target)
                elif not os.path.isdir(target):
                    files.append(entry.name)
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            (folders if is_dir else files).append(entry.name)
        yield folder, files
        stack.extend(os.path.join(folder, name) for name in reversed(folders))
