"""Write the default ACE 2005 schema to ``assets/schema/ace2005.json`` so the packaged app ships it as a file.

Run from the repository root (``python packaging/export_schema.py``); ``packaging/build.py`` runs it before
every build, and ``tests/test_packaging.py`` fails if the committed file drifts from ``ace2005()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = "schema/ace2005.json"


def export(root: Path = ROOT) -> Path:
    """Write the schema file under ``root/assets`` (only when its content changed) and return its path."""
    sys.path.insert(0, str(root))
    from annotations.schema import Schema, ace2005

    target = root / "assets" / SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    schema = ace2005()
    try:
        if Schema.load(target) == schema:
            return target  # unchanged: keep the file's timestamp so builds stay incremental
    except (OSError, ValueError):
        pass  # missing or damaged: rewrite it
    schema.save(target)
    return target


if __name__ == "__main__":
    print(export())
