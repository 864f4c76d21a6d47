"""One-command build: refresh the schema asset, run ``pyinstaller build.spec``, print where the app is and its size.

    python packaging/build.py [--onefile] [--console] [--clean]

Same result as ``pyinstaller build.spec`` (which remains the documented minimum); the options set
QALAM_ONEFILE / QALAM_CONSOLE for the spec.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle  # noqa: E402
import export_schema  # noqa: E402


def folder_size(path: Path) -> int:
    """Bytes of the regular files under ``path`` (symlinks not followed), or of ``path`` if it is a file."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the packaged app with build.spec.")
    parser.add_argument("--onefile", action="store_true", help="one self-extracting executable instead of a folder")
    parser.add_argument("--console", action="store_true", help="keep a console window (Windows/macOS debugging)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache and build folder first")
    args = parser.parse_args(argv)

    export_schema.export(ROOT)
    env = dict(os.environ, QALAM_ONEFILE="1" if args.onefile else "0", QALAM_CONSOLE="1" if args.console else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", str(ROOT / "build.spec")]
    if args.clean:
        command.insert(3, "--clean")
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        print(f"error: pyinstaller failed (exit code {result.returncode}); see the messages above", file=sys.stderr)
        return result.returncode
    exe = bundle.app_info(ROOT)["exe"]
    suffix = ".exe" if os.name == "nt" else ""
    out = ROOT / "dist" / (exe + suffix if args.onefile else exe)
    print(f"built {out} ({folder_size(out) / 2**20:.0f} MiB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
