"""What goes into the frozen app: name/version/icon, the explicit data file list, excludes and size trims.

``build.spec`` and ``bench/package.py`` both import this module, so the app and the baseline window of the
benchmark are frozen with exactly the same rules. Nothing here imports PyInstaller at module level, so the
rules can be unit-tested without building.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Assets outside annotations.assets.REQUIRED that the bundle also carries (the app can start without them).
EXTRA_ASSETS = (
    "icons/qalam-annotator.svg",
)
# Files under assets/ that are deliberately NOT bundled: build inputs, not run-time data.
BUILD_ONLY_ASSETS = (
    "icons/qalam-annotator.ico",   # Windows executable icon (embedded in the .exe by PyInstaller)
    "icons/qalam-annotator.icns",  # macOS bundle icon (copied into the .app by PyInstaller)
)
BUILD_ONLY_SUFFIXES = (".ts", ".py")  # Qt Linguist sources and the scripts that fill them: build inputs
# Non-Python files inside the packages, found next to their module through ``__file__``.
PACKAGE_DATA = (
    "annotations/ingest/cleanup_rules.json",
)

# Third-party packages whose data files (not Python modules) the app needs at run time, collected with
# PyInstaller's collect_data_files: trafilatura's settings.cfg, jusText's stop lists, tld's suffix list
# (HTML import). No PyInstaller hook collects them.
LIBRARY_DATA = ("trafilatura", "justext", "tld")

# Python packages never bundled: test/dev tools and their heavy dependencies. The spaCy and Hugging Face
# exporters write their formats without spaCy, datasets or pyarrow (the HF export adds Parquet and
# save_to_disk files only when pyarrow is importable, which it is not here).
EXCLUDED_PACKAGES = (
    "spacy", "thinc", "datasets", "pyarrow", "pandas", "numpy", "torch", "scipy", "sklearn", "transformers",
    "tokenizers", "huggingface_hub", "fsspec", "aiohttp", "multiprocess", "dill", "xxhash", "srsly", "cymem",
    "preshed", "blis", "murmurhash", "wasabi", "catalogue", "confection", "weasel", "typer", "cloudpathlib",
    "spacy_legacy", "spacy_loggers", "langcodes", "pydantic", "pydantic_core", "jinja2", "seqeval",
    "tkinter", "_tkinter", "matplotlib", "IPython", "PIL", "pytest", "_pytest", "hypothesis", "mypy",
    "setuptools", "pkg_resources", "distutils", "pip", "pydoc_data", "lib2to3", "unittest",
    # only trafilatura's and courlan's own command lines use process pools; without these, PyInstaller's
    # multiprocessing runtime hook (run at every start) is not added either
    "multiprocessing", "concurrent.futures.process", "trafilatura.cli", "trafilatura.cli_utils", "courlan.cli",
)
# Analysis options shared by the app and the benchmark's baseline window.
ANALYSIS_OPTIONS = {
    "noarchive": False,  # modules in the compressed PYZ archive
    "optimize": 0,       # keep asserts and docstrings: some libraries read __doc__
}

# Qt modules the app does not use. tests/test_packaging.py fails if code in ui/ or main.py imports one.
EXCLUDED_QT_MODULES = (
    "QtNetwork", "QtQml", "QtQuick", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest", "QtQmlFeatures",
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets",
    "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "Qt3DCore", "Qt3DRender", "Qt3DInput",
    "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras", "QtCharts", "QtDataVisualization", "QtGraphs",
    "QtGraphsWidgets", "QtPdf", "QtPdfWidgets", "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation",
    "QtSensors", "QtSerialPort", "QtSerialBus", "QtRemoteObjects", "QtTextToSpeech", "QtScxml",
    "QtStateMachine", "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools", "QtXml", "QtConcurrent",
    "QtOpenGL", "QtOpenGLWidgets", "QtDBus", "QtLabsStyleKit", "QtHttpServer", "QtAxContainer",
)

# Qt plugins kept, by folder; every other plugin is dropped (and, on Linux, the system libraries that
# only dropped plugins needed). A name pattern of "*" keeps the whole folder.
KEEP_QT_PLUGINS = {
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"),
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "platformthemes": ("qxdgdesktopportal",),  # not gtk3: it drags in GTK, cairo and pango (~10 MB)
    "xcbglintegrations": ("*",),
    "wayland-decoration-client": ("*",),
    "wayland-shell-integration": ("*",),
    "wayland-graphics-integration-client": ("*",),
    "iconengines": ("qsvgicon",),
    "imageformats": ("qsvg", "qico"),  # PNG is built into QtGui; the app shows no photos
    "styles": ("*",),                  # native look on Windows/macOS
    "printsupport": ("*",),            # render --out .pdf and printing
}
# Qt's own translations kept (dialog buttons etc.), matching the app's own .qm languages.
KEEP_QT_TRANSLATIONS = ("qtbase_ar.qm", "qt_ar.qm")
# babel (via trafilatura -> courlan) ships CLDR data for ~1,000 locales (35 MB). courlan only parses
# language codes in URLs when asked to filter by language, which the importer never does, and catches
# UnknownLocaleError; keep the root and the app's languages.
KEEP_BABEL_LOCALES = ("root", "en", "ar", "fa", "ur", "he")


def app_info(root: Path = ROOT) -> dict[str, str]:
    """Name, executable name, version and icons, all derived from ``annotations.APP_NAME/__version__``.

    The executable name is the lower-case, dash-separated app name (``qalam-annotator``), the same name
    ``main.py`` uses for the user log folder.
    """
    text = (root / "annotations" / "__init__.py").read_text(encoding="utf-8")
    # Parsed rather than imported: importing the package would pull the whole core into the spec process.
    fields = {}
    for key in ("APP_NAME", "__version__"):
        match = re.search(rf'^{key}\s*=\s*"([^"]+)"', text, re.MULTILINE)
        if not match:
            raise SystemExit(f"build: {key} = \"...\" not found in annotations/__init__.py")
        fields[key] = match.group(1)
    slug = re.sub(r"[^a-z0-9]+", "-", fields["APP_NAME"].lower()).strip("-")
    icons = root / "assets" / "icons"
    return {
        "name": fields["APP_NAME"],
        "exe": slug,
        "version": fields["__version__"],
        "icon_png": str(icons / f"{slug}.png"),
        "icon_ico": str(icons / f"{slug}.ico"),
        "icon_icns": str(icons / f"{slug}.icns"),
    }


def required_assets(root: Path = ROOT) -> tuple[str, ...]:
    """``annotations.assets.REQUIRED``, read from the source so the spec does not import the package."""
    sys.path.insert(0, str(root))
    try:
        from annotations import assets
    finally:
        sys.path.remove(str(root))
    return tuple(assets.REQUIRED)


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every data file the bundle carries, as PyInstaller ``(source, destination folder)`` pairs.

    Raises:
        SystemExit: naming every listed file that is missing, so a build never ships without one.
    """
    listed = [f"assets/{rel}" for rel in (*required_assets(root), *EXTRA_ASSETS)] + list(PACKAGE_DATA)
    missing = [rel for rel in listed if not (root / rel).is_file()]
    if missing:
        raise SystemExit(
            "build: these files are listed for the bundle but missing: " + ", ".join(missing)
            + ". Create them (translations: see ui/translations; schema: python packaging/export_schema.py)."
        )
    return [(str(root / rel), str(Path(rel).parent)) for rel in listed]


def library_data() -> list[tuple[str, str]]:
    """The data files of ``LIBRARY_DATA`` packages, without their test folders."""
    from PyInstaller.utils.hooks import collect_data_files

    found = []
    for package in LIBRARY_DATA:
        found += collect_data_files(package, excludes=["**/tests", "**/tests/**", "**/py.typed"])
    return found


def unlisted_assets(root: Path = ROOT) -> list[str]:
    """Files under ``assets/`` that are neither bundled nor declared build-only (should be empty)."""
    listed = set(required_assets(root)) | set(EXTRA_ASSETS) | set(BUILD_ONLY_ASSETS)
    found = []
    for path in sorted((root / "assets").rglob("*")):
        rel = path.relative_to(root / "assets").as_posix()
        if path.is_file() and rel not in listed and not rel.endswith(BUILD_ONLY_SUFFIXES):
            found.append(rel)
    return found


def excludes() -> list[str]:
    """Module names for PyInstaller's ``excludes``."""
    return [*EXCLUDED_PACKAGES, *(f"PySide6.{name}" for name in EXCLUDED_QT_MODULES)]


def keep_file(dest: str) -> bool:
    """Whether a collected file (destination path inside the bundle) survives the Qt and babel trims."""
    parts = Path(dest.replace("\\", "/")).parts
    if parts[:2] == ("babel", "locale-data"):
        return parts[-1].split(".")[0].split("_")[0] in KEEP_BABEL_LOCALES
    if "PySide6" not in parts:
        return True
    tail = parts[parts.index("PySide6") + 1:]
    if tail[:2] == ("Qt", "translations") or tail[:1] == ("translations",):
        return tail[-1] in KEEP_QT_TRANSLATIONS
    if "plugins" in tail and len(tail) >= tail.index("plugins") + 3:
        folder, filename = tail[tail.index("plugins") + 1], tail[-1]
        patterns = KEEP_QT_PLUGINS.get(folder, ())
        stem = filename.split(".")[0].removeprefix("lib")
        return "*" in patterns or stem in patterns
    return True


def prune_unreachable_libraries(
    binaries: Iterable[tuple[str, str, str]],
    get_imports: Callable[[str], Iterable[tuple[str, str | None]]],
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Drop shared libraries that nothing kept links to any more (after Qt plugins were dropped).

    PyInstaller resolves library dependencies before the spec can drop plugins, so a dropped plugin's
    dependencies (GTK for the gtk3 theme, the EGLFS device libraries...) would still be collected. Roots are
    the Python extension modules and the kept plugins; a library is kept only if a root or another kept
    library links to it. Symlinks to dropped libraries are dropped too.

    Args:
        binaries: PyInstaller TOC entries ``(dest, source, typecode)``.
        get_imports: ``PyInstaller.depend.bindepend.get_imports``-like: a file's ``(name, resolved path)``.

    Returns:
        The kept entries and the destination names that were dropped.
    """
    entries = list(binaries)

    def is_candidate(dest: str, typecode: str) -> bool:
        name = Path(dest.replace("\\", "/")).name
        return (typecode == "BINARY" and "plugins" not in Path(dest.replace("\\", "/")).parts
                and not name.startswith(("libpython", "python")))

    candidates = {Path(src).name: dest for dest, src, typecode in entries if is_candidate(dest, typecode)}
    sources = {Path(src).name: src for dest, src, typecode in entries if is_candidate(dest, typecode)}
    stack = [src for dest, src, typecode in entries
             if typecode in ("BINARY", "EXTENSION", "EXECUTABLE") and not is_candidate(dest, typecode)]
    reached: set[str] = set()
    while stack:
        for name, resolved in get_imports(stack.pop()):
            base = Path(resolved or name).name
            if base in candidates and base not in reached:
                reached.add(base)
                stack.append(sources[base])
    dropped = {dest for base, dest in candidates.items() if base not in reached}
    kept = [(dest, src, typecode) for dest, src, typecode in entries
            if dest not in dropped and not (typecode == "SYMLINK" and src in dropped)]
    dropped |= {dest for dest, src, typecode in entries if typecode == "SYMLINK" and src in dropped}
    return kept, sorted(dropped)


def drop_symlinks_to(toc: Iterable[tuple[str, str, str]], dropped: Iterable[str]) -> list[tuple[str, str, str]]:
    """``toc`` without the SYMLINK entries pointing at a dropped file (PyInstaller puts them in ``a.datas``)."""
    gone = set(dropped)
    return [(dest, src, typecode) for dest, src, typecode in toc if not (typecode == "SYMLINK" and src in gone)]


def trim_analysis(analysis, workdir: Path, log: Callable[[str], None] = print) -> None:  # type: ignore[no-untyped-def]
    """Apply every size trim to a PyInstaller ``Analysis`` in place (build.spec and bench/package.py use it).

    Qt plugins/translations and babel locales are filtered everywhere; on Linux, libraries only dropped
    plugins needed are pruned and the ICU data library is replaced by a trimmed one.
    """
    analysis.datas = [entry for entry in analysis.datas if keep_file(entry[0])]
    analysis.binaries = [entry for entry in analysis.binaries if keep_file(entry[0])]
    if sys.platform.startswith("linux"):
        import icu_trim
        from PyInstaller.depend.bindepend import get_imports

        analysis.binaries, dropped = prune_unreachable_libraries(analysis.binaries, get_imports)
        analysis.datas = drop_symlinks_to(analysis.datas, dropped)
        log(f"build: dropped {len(dropped)} libraries that only dropped Qt plugins needed: {' '.join(dropped)}")
        analysis.binaries = icu_trim.replace_icu_data(analysis.binaries, workdir)


def env_flag(name: str) -> bool:
    """True when the environment variable is set to 1/true/yes/on."""
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def hidden_imports(root: Path = ROOT) -> list[str]:
    """Every module of the app's own packages.

    ``main.py`` loads the subcommands (``annotations.cli.*``, ``ui.reader.render``) and the GUI
    (``ui.window.app``) with ``importlib`` by name, which PyInstaller cannot see; listing all app modules
    from the file system (subpackages included) keeps the bundle right when modules are added, without
    importing anything here.
    """
    modules = []
    for package in ("annotations", "ui"):
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules.append(".".join(parts))
    return modules


def windows_version_file(info: dict[str, str], workdir: Path):  # type: ignore[no-untyped-def]
    """A Windows version resource (file properties: product name and version) for the executable."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = tuple(int(n) for n in re.findall(r"\d+", info["version"])[:4])
    numbers = numbers + (0,) * (4 - len(numbers))
    strings = [vi.StringStruct(key, value) for key, value in (
        ("ProductName", info["name"]), ("FileDescription", info["name"]), ("ProductVersion", info["version"]),
        ("FileVersion", info["version"]), ("OriginalFilename", f"{info['exe']}.exe"),
        ("InternalName", info["exe"]))]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
              vi.VarFileInfo([vi.VarStruct("Translation", [1033, 1200])])],
    )
