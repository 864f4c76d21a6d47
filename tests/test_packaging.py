"""Tests for the packaging rules (packaging/bundle.py, icu_trim.py), the shipped schema, icons and Linux install."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotations import APP_NAME, __version__
from annotations.assets import REQUIRED, asset_path, missing_assets_message
from annotations.schema import Schema, ace2005

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "packaging"))
import bundle  # noqa: E402
import icu_trim  # noqa: E402


def test_shipped_schema_file_is_the_default_schema_and_loads():
    path = asset_path("schema/ace2005.json")
    assert "schema/ace2005.json" in REQUIRED
    assert Schema.load(path) == ace2005(), "run: python packaging/export_schema.py"


def test_every_asset_file_is_bundled_or_declared_build_only():
    assert bundle.unlisted_assets() == []


def test_missing_data_files_stop_the_build_naming_them(tmp_path):
    (tmp_path / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "assets" / "fonts" / "OFL.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        bundle.data_files(tmp_path)
    message = str(info.value)
    assert "assets/sample_article.txt" in message and "annotations/ingest/cleanup_rules.json" in message
    assert "assets/fonts/OFL.txt" not in message


def test_bundle_destinations_mirror_the_source_layout(tmp_path):
    listed = [f"assets/{rel}" for rel in (*REQUIRED, *bundle.EXTRA_ASSETS)] + list(bundle.PACKAGE_DATA)
    for rel in listed:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    dests = {Path(src).relative_to(tmp_path).as_posix(): dest for src, dest in bundle.data_files(tmp_path)}
    assert set(dests) == set(listed)
    assert dests["assets/fonts/NotoSansArabic-VariableFont.ttf"] == "assets/fonts"
    assert dests["assets/translations/qalam_ar.qm"] == "assets/translations"
    assert dests["annotations/ingest/cleanup_rules.json"] == "annotations/ingest"  # found via __file__


def test_missing_assets_message_names_files_and_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    message = missing_assets_message()
    assert message is not None
    assert "fonts/NotoSansArabic-VariableFont.ttf" in message and str(tmp_path / "assets") in message
    assert "reinstall" in message


def test_name_version_and_icons_come_from_the_package():
    info = bundle.app_info()
    assert (info["name"], info["version"]) == (APP_NAME, __version__)
    assert info["exe"] == "qalam-annotator"
    for key in ("icon_png", "icon_ico", "icon_icns"):
        assert Path(info[key]).stat().st_size > 1000


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/translations/qtbase_ar.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/translations/qtbase_ja.qm", False),
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
    ("babel/locale-data/ar_EG.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/de_CH.dat", False),
    ("babel/global.dat", True),
    ("assets/translations/qalam_ar.qm", True),
])
def test_trim_rules(dest, kept):
    assert bundle.keep_file(dest) is kept


def test_libraries_only_dropped_plugins_needed_are_pruned_with_their_symlinks():
    links = {
        "/qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/qt/lib/libQt6XcbQpa.so.6": ["libxcb.so.1"],
        "/sys/libxcb.so.1": [],
        "/sys/libgtk-3.so.0": ["libcairo.so.2"],
        "/sys/libcairo.so.2": [],
        "/qt/lib/libQt6Network.so.6": [],
        "/ext/QtCore.abi3.so": [],
    }
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/qt/lib/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/qt/lib/libQt6Network.so.6", "BINARY"),
        ("libxcb.so.1", "/sys/libxcb.so.1", "BINARY"),
        ("libgtk-3.so.0", "/sys/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
        ("PySide6/QtCore.abi3.so", "/ext/QtCore.abi3.so", "EXTENSION"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
    ]
    resolve = {Path(p).name: p for p in links}
    kept, dropped = bundle.prune_unreachable_libraries(
        toc, lambda src: [(name, resolve.get(name)) for name in links.get(src, [])])
    assert dropped == ["PySide6/Qt/lib/libQt6Network.so.6", "libcairo.so.2", "libgtk-3.so.0"]
    assert {dest for dest, _, _ in kept} == {
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "libxcb.so.1",
        "PySide6/QtCore.abi3.so", "libpython3.11.so.1.0"}
    datas = [("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK")]
    assert bundle.drop_symlinks_to(datas, dropped) == datas[1:]


def _app_sources():
    yield REPO / "main.py"
    for package in ("annotations", "ui"):
        yield from sorted((REPO / package).rglob("*.py"))


def test_app_code_never_imports_an_excluded_qt_module():
    pattern = re.compile(r"PySide6\.(Qt\w+)|from PySide6 import ([\w, ()\n]+)")
    offenders = []
    for path in _app_sources():
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            names = [match.group(1)] if match.group(1) else re.findall(r"Qt\w+", match.group(2))
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n in bundle.EXCLUDED_QT_MODULES]
    assert offenders == [], "the frozen app excludes these Qt modules; update packaging/bundle.py"


def test_excluded_packages_are_only_imported_lazily():
    """A module-level import of spaCy, datasets... would make the frozen app fail at start."""
    offenders = []
    for path in _app_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names
                          if n.split(".")[0] in bundle.EXCLUDED_PACKAGES]
    assert offenders == []


def test_hidden_imports_cover_the_commands_main_loads_by_name():
    hidden = set(bundle.hidden_imports())
    main_py = (REPO / "main.py").read_text(encoding="utf-8")
    named = set(re.findall(r'\("((?:annotations|ui)\.[\w.]+)", "\w+"\)', main_py))
    assert named and named <= hidden
    assert {"annotations.cli.export_cmd", "ui.reader.render", "ui.window.app", "ui.window.crash"} <= hidden


def test_desktop_entry_launches_the_bundled_executable_with_our_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(REPO / "packaging" / "qalam-annotator.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    exe = bundle.app_info()["exe"]
    assert section["Type"] == "Application" and section["Name"] == APP_NAME
    assert section["Exec"].split()[0] == exe and section["TryExec"] == exe
    assert section["Icon"] == exe and (REPO / "assets" / "icons" / f"{exe}.png").is_file()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(REPO / "packaging" / "qalam-annotator.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(os.name != "posix" or sys.platform == "darwin", reason="Linux desktop integration")
def test_install_script_installs_and_uninstalls_for_the_user(tmp_path):
    dist = tmp_path / "dist" / "qalam-annotator"
    dist.mkdir(parents=True)
    (dist / "qalam-annotator").write_text("#!/bin/sh\necho frozen-app \"$@\"\n", encoding="utf-8")
    (dist / "qalam-annotator").chmod(0o755)
    env = {**os.environ, "HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    env.pop("XDG_DATA_HOME", None)
    script = REPO / "packaging" / "install-linux.sh"
    subprocess.run(["sh", str(script), str(dist)], env=env, check=True, capture_output=True)
    local = tmp_path / "home" / ".local"
    program = local / "opt" / "qalam-annotator" / "qalam-annotator"
    desktop = (local / "share" / "applications" / "qalam-annotator.desktop").read_text(encoding="utf-8")
    assert f"Exec={program} %f" in desktop.splitlines()
    assert (local / "share" / "icons" / "hicolor" / "256x256" / "apps" / "qalam-annotator.png").is_file()
    out = subprocess.run([str(local / "bin" / "qalam-annotator"), "x"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "frozen-app x"

    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not program.exists() and not (local / "bin" / "qalam-annotator").exists()
    assert not (local / "share" / "applications" / "qalam-annotator.desktop").exists()

    missing = subprocess.run(["sh", str(script), str(tmp_path / "nowhere")], env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "build it first" in missing.stderr


# --- ICU data trimming -------------------------------------------------------------------------------

_names = st.lists(st.from_regex(r"[a-z]{1,6}(/[a-z_]{1,8})?\.(res|icu|cnv)", fullmatch=True), min_size=1,
                  max_size=12, unique=True).map(sorted)


@settings(max_examples=60, deadline=None)
@given(names=_names, data=st.data())
def test_icu_package_round_trip(names, data):
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\0" * 8 + b"CmnD" + b"\1\0\0\0" + b"\0" * 12
    items = []
    for name in names:
        body = data.draw(st.binary(min_size=1, max_size=64))
        items.append((f"icudt99l/{name}", body + b"\0" * ((-len(body)) % 16)))
    blob = icu_trim.join_package(header, items)
    assert icu_trim.split_package(blob) == (header, items)
    _, parsed = icu_trim.split_package(blob)
    toc_start = len(header)
    count, = struct.unpack_from("<I", blob, toc_start)
    offsets = [struct.unpack_from("<II", blob, toc_start + 4 + 8 * i)[1] for i in range(count)]
    assert all((toc_start + off) % 16 == 0 for off in offsets)  # ICU needs aligned items


def test_icu_keep_rules():
    assert icu_trim.keep_item("coll/ar.res") and icu_trim.keep_item("coll/ucadata.icu")
    assert icu_trim.keep_item("zoneinfo64.res") and icu_trim.keep_item("cnvalias.icu")
    assert not icu_trim.keep_item("coll/de.res") and not icu_trim.keep_item("lang/ar.res")
    assert not icu_trim.keep_item("brkitr/cjdict.dict") and icu_trim.keep_item("brkitr/char.brk")


def _qt_icu_data():
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(_qt_icu_data() is None or not shutil.which("cc"), reason="needs Qt's ICU data (Linux) and cc")
def test_trimmed_icu_library_has_the_same_symbol_and_only_kept_items(tmp_path):
    original = _qt_icu_data()
    out = icu_trim.trim(original, tmp_path)
    assert out.name == original.name and out.stat().st_size < original.stat().st_size / 5
    symbol, blob = icu_trim.read_symbol(out)
    assert symbol == icu_trim.read_symbol(original)[0]
    _, items = icu_trim.split_package(blob)
    names = {name.split("/", 1)[1] for name, _ in items}
    assert {"coll/ar.res", "coll/root.res", "root.res", "cnvalias.icu", "zoneinfo64.res"} <= names
    assert all(icu_trim.keep_item(name) for name in names)
    soname = subprocess.run(["readelf", "-d", str(out)], capture_output=True, text=True).stdout
    assert f"[{original.name}]" in soname
