"""Benchmark: the size of a fresh virtual environment made from requirements.txt, and its install time.

Run: ``python bench/install.py [--requirements requirements.txt] [--keep]``.

Creates ``python -m venv`` in a temporary folder, runs ``pip install -r requirements.txt`` in it (with
pip's usual cache and index settings, so a warm cache makes the time a lower bound), and prints the
wall time and the folder's size (as ``du -sh`` counts it, in MiB and MB; target <= 350 MB), with the
baseline of the same run: the size of the empty venv (Python's own pip and setuptools). Also prints the
largest installed packages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 350


def du_mb(path: Path) -> float:
    """Disk usage in MiB, as ``du -sh`` counts it (allocated blocks, each file once)."""
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            p = os.path.join(folder, name)
            if not os.path.islink(p):
                total += os.lstat(p).st_blocks * 512
    return total / (1 << 20)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requirements", default=str(ROOT / "requirements.txt"))
    ap.add_argument("--keep", action="store_true", help="keep the venv")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-install-"))
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    empty = du_mb(venv)
    python = venv / "bin" / "python"
    started = time.perf_counter()
    proc = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                           "-r", args.requirements], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        print(f"pip install failed:\n{proc.stderr[-3000:]}")
        return 1
    size = du_mb(venv)
    mb = size * 1.048576
    verdict = ("meets it" if mb <= TARGET_MB else
               f"meets it only read as du -sh's MiB ({size:.0f} M)" if size <= TARGET_MB else "MISSES it")
    print(f"venv from {Path(args.requirements).name}: {size:.0f} MiB = {mb:.0f} MB (target <= {TARGET_MB} MB: "
          f"{verdict}), pip install {seconds:.0f} s; the empty venv (baseline) is {empty:.0f} MiB, so the "
          f"requirements add {size - empty:.0f} MiB ({size / empty:.1f}x)")
    site = next((venv / "lib").glob("python*/site-packages"))
    sizes = sorted(((du_mb(p), p.name) for p in site.iterdir() if p.is_dir() and not p.name.endswith("-info")),
                   reverse=True)
    print("largest: " + ", ".join(f"{name} {mb:.0f} MiB" for mb, name in sizes[:6]))
    if args.keep:
        print(f"kept: {venv}")
    else:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
