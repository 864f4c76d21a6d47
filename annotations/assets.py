"""Locate bundled assets (fonts, translations, sample article) from source or from a frozen PyInstaller build.

From source, assets live in ``<repo>/assets``. In a PyInstaller bundle they are unpacked under
``sys._MEIPASS`` and the build spec must copy the ``assets`` folder there under the same name; the
packaging script should use ``REQUIRED`` as its list of files to collect and ``check_assets()`` to fail
early when one is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ASSETS_DIR = "assets"

FONT_FILES = ("fonts/NotoSansArabic-VariableFont.ttf",)
REQUIRED: tuple[str, ...] = (
    *FONT_FILES,
    "fonts/OFL.txt",
    "sample_article.txt",
    "translations/qalam_ar.qm",
    "translations/qalam_en.qm",
    "schema/ace2005.json",
    "icons/qalam-annotator.png",
    "gazetteer/cldr_places_ar.tsv",  # the starter gazetteer (annotations.assist.gazetteer)
)


def assets_root() -> Path:
    """The folder holding the assets: ``sys._MEIPASS/assets`` when frozen, else ``<repo>/assets``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / ASSETS_DIR
    return Path(__file__).resolve().parent.parent / ASSETS_DIR


def asset_path(relative: str) -> Path:
    """Absolute path of an asset given relative to the assets folder (``"fonts/OFL.txt"``).

    Raises:
        ValueError: when ``relative`` is absolute or climbs out of the assets folder.
    """
    rel = Path(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"asset path {relative!r} must be relative to the assets folder, without '..'")
    return assets_root() / rel


def check_assets(required: tuple[str, ...] = REQUIRED) -> list[str]:
    """Return the required assets that are missing (empty when all are present)."""
    return [rel for rel in required if not asset_path(rel).is_file()]


def missing_assets_message(required: tuple[str, ...] = REQUIRED) -> str | None:
    """A message for the user when required assets are missing, else None (call it once at start).

    The message names every missing file and the folder searched, and says what to do: a broken install
    is fixed by reinstalling (frozen app) or by restoring the files from the repository (from source).
    """
    missing = check_assets(required)
    if not missing:
        return None
    frozen = getattr(sys, "frozen", False)
    remedy = ("reinstall the app: its installation is incomplete" if frozen
              else "restore them from the repository (git checkout -- assets) or rebuild them as described "
                   "in docs/packaging.md")
    return (f"error: {len(missing)} required file(s) missing from {assets_root()}: {', '.join(missing)}; "
            f"{remedy}")
