"""The check before Qt starts: a faked missing system library and a missing display give a message and
exit 2 (Qt itself would abort with a core dump), and the install script installs what is missing."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from annotations import qtlibs

REPO = Path(__file__).resolve().parents[1]
LINUX = sys.platform.startswith("linux")
pytestmark = pytest.mark.skipif(not LINUX or shutil.which("ldd") is None, reason="the check is for Linux (ldd)")

# two libraries the xcb plugin needs, renamed in a copy of it so that the loader cannot find them
# (same lengths, so the ELF string table keeps its layout)
FAKED = {b"libxcb-icccm.so.4": b"libxcb-icccX.so.4", b"libxcb-keysyms.so.1": b"libxcb-keysyXs.so.1"}


def pyside_qt() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "Qt"


@pytest.fixture
def broken_plugins(tmp_path) -> Path:
    """A plugin folder whose libqxcb.so needs two libraries that no system has; the Qt libraries it
    loads through its ``$ORIGIN/../../lib`` run path are the real ones."""
    qt = tmp_path / "Qt"
    platforms = qt / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (qt / "lib").symlink_to(pyside_qt() / "lib")
    data = (pyside_qt() / "plugins" / "platforms" / "libqxcb.so").read_bytes()
    for old, new in FAKED.items():
        assert old in data
        data = data.replace(old, new)
    (platforms / "libqxcb.so").write_bytes(data)
    return platforms


@pytest.fixture
def x_server():
    """Something listening where an X server would (an abstract socket), so DISPLAY counts as reachable."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    for n in range(87, 120):
        try:
            sock.bind(f"\0/tmp/.X11-unix/X{n}")
            break
        except OSError:
            continue
    else:
        pytest.skip("no free X display number for the fake server")
    sock.listen(4)
    yield f":{n}"
    sock.close()


def test_a_faked_missing_library_is_named_by_the_check(broken_plugins, x_server):
    env = {"QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins), "DISPLAY": x_server}
    checks = qtlibs.check_platforms(env)
    assert [c.name for c in checks] == ["xcb"]
    assert checks[0].path == broken_plugins / "libqxcb.so"
    assert checks[0].missing == ["libxcb-icccX.so.4", "libxcb-keysyXs.so.1"]
    message = qtlibs.startup_problem(env, platform="linux")
    assert message is not None
    assert "libxcb-icccX.so.4, libxcb-keysyXs.so.1" in message and "package manager" in message


def test_main_exits_2_with_the_message_instead_of_a_core_dump(broken_plugins, x_server, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "XDG_SESSION"))}
    env.update(QT_QPA_PLATFORM="xcb", QT_QPA_PLATFORM_PLUGIN_PATH=str(broken_plugins), DISPLAY=x_server,
               HOME=str(tmp_path))
    result = subprocess.run([sys.executable, str(REPO / "main.py"), str(tmp_path / "p"), "--quit-after", "1"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "libxcb-icccX.so.4" in result.stderr and "libxcb-keysyXs.so.1" in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert not (tmp_path / "p").exists()  # nothing was started


def test_known_libraries_get_the_apt_command():
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]

    def fake_missing(path):
        return missing

    message = qtlibs.startup_problem(env, "linux", lambda e: qtlibs.check_platforms(
        e, missing=fake_missing, x_reachable=lambda d: True))
    assert message is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert qtlibs.INSTALL_SCRIPT in message


def test_every_library_the_real_plugins_load_has_a_known_package():
    """The soname -> package map covers what this PySide6's xcb, wayland and offscreen plugins load."""
    result = subprocess.run(["ldd", *(str(pyside_qt() / "plugins" / "platforms" / f"libq{n}.so")
                                      for n in ("xcb", "wayland", "offscreen"))],
                            capture_output=True, text=True, check=True)
    system = {line.split()[0] for line in result.stdout.splitlines()
              if "=>" in line and "/PySide6/" not in line and "not found" not in line}
    base = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2",
            "librt.so.1", "linux-vdso.so.1"}
    unknown = sorted(s for s in system - base if s.startswith(("libxcb", "libX", "libxkb", "libwayland",
                                                                "libGL", "libEGL", "libfont", "libdbus")))
    assert [s for s in unknown if s not in qtlibs.DEBIAN_PACKAGES] == []


@pytest.mark.parametrize(("env", "why"), [
    ({}, "DISPLAY is not set"),
    ({"DISPLAY": ":93"}, "no X server answers on DISPLAY=:93"),
    ({"XDG_SESSION_TYPE": "wayland", "XDG_RUNTIME_DIR": "/nonexistent", "WAYLAND_DISPLAY": "wayland-0"},
     "no Wayland compositor socket"),
])
def test_no_display_is_one_sentence(env, why):
    message = qtlibs.startup_problem(env, platform="linux")
    assert message is not None and why in message
    assert message.count(". ") == 0 and message.endswith(".")
    assert "command line" in message and "display" in message


def test_headless_plugins_and_other_systems_need_no_display():
    assert qtlibs.startup_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert qtlibs.startup_problem({}, platform="win32") is None


def test_a_usable_fallback_plugin_is_enough(broken_plugins, x_server):
    env = {"QT_QPA_PLATFORM": "xcb;offscreen", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins),
           "QT_PLUGIN_PATH": str(pyside_qt() / "plugins"), "DISPLAY": x_server}
    assert qtlibs.startup_problem(env, platform="linux") is None


def test_main_without_display_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "WAYLAND", "XDG_SESSION")) and k != "DISPLAY"}
    env["HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, str(REPO / "main.py"), str(tmp_path / "p")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().startswith("No display") and "command line" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _fake(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


def test_install_script_installs_what_the_check_names(tmp_path):
    """packaging/install-qt-libs.sh with apt-get faked (and the check's answer before/after it)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log, done = tmp_path / "apt.log", tmp_path / "installed"
    _fake(bin_dir / "apt-get", f'echo "$@" >> {log}\ncase "$*" in *install*) touch {done};; esac\n')
    python = _fake(tmp_path / "python", f'[ -e {done} ] || printf "libxcb-icccm4\\nlibxcb-keysyms1\\n"\n')
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHON": str(python)}
    result = subprocess.run(["bash", str(REPO / qtlibs.INSTALL_SCRIPT)], capture_output=True, text=True,
                            env=env, timeout=60)
    if os.geteuid() != 0 and shutil.which("sudo") is None:
        assert result.returncode == 1 and "apt-get install libxcb-icccm4 libxcb-keysyms1" in result.stderr
        return
    assert result.returncode == 0, result.stdout + result.stderr
    calls = log.read_text().splitlines()
    assert calls[0] == "update -qq"
    assert calls[1] == "install -y -qq --no-install-recommends libxcb-icccm4 libxcb-keysyms1"


def test_install_script_with_the_real_check(broken_plugins, tmp_path):
    """With the real check: nothing missing installs nothing; a library of no known package fails."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    _fake(bin_dir / "apt-get", f'echo "$@" >> {log}\n')
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHON": sys.executable}
    result = subprocess.run(["bash", str(REPO / qtlibs.INSTALL_SCRIPT), "--platform", "offscreen"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not log.exists()
    env["QT_QPA_PLATFORM_PLUGIN_PATH"] = str(broken_plugins)
    result = subprocess.run(["bash", str(REPO / qtlibs.INSTALL_SCRIPT), "--platform", "xcb"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "libxcb-icccX.so.4" in result.stderr and not log.exists()


# ``main.py render`` draws offscreen: its check is for that plugin, which needs neither a display nor the
# xcb libraries; this library of it is renamed in a copy, as above
FAKED_OFFSCREEN = {b"libxkbcommon.so.0": b"libxkbcommoX.so.0"}


@pytest.fixture
def broken_offscreen(tmp_path) -> Path:
    qt = tmp_path / "Qt"
    platforms = qt / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (qt / "lib").symlink_to(pyside_qt() / "lib")
    data = (pyside_qt() / "plugins" / "platforms" / "libqoffscreen.so").read_bytes()
    for old, new in FAKED_OFFSCREEN.items():
        assert old in data
        data = data.replace(old, new)
    (platforms / "libqoffscreen.so").write_bytes(data)
    return platforms


def test_render_checks_the_offscreen_plugin_only():
    seen = []

    def check(env):
        seen.append(env.get("QT_QPA_PLATFORM"))
        return qtlibs.check_platforms(env, missing=lambda path: ["libxkbcommon.so.0"], x_reachable=lambda d: False)

    message = qtlibs.headless_problem("main.py render", {}, "linux", check)
    assert seen == ["offscreen"]  # no display is asked for, and xcb's libraries are not checked
    assert message is not None and message.startswith("main.py render cannot draw: Qt's offscreen platform plugin")
    assert "libxkbcommon.so.0" in message and "sudo apt-get install libxkbcommon0" in message
    assert message.endswith("Then run python main.py render again.")
    assert qtlibs.headless_problem("main.py render", {}, "linux") is None  # this machine has them all
    # a plugin chosen by the user is checked instead, display included
    message = qtlibs.headless_problem("main.py render", {"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert message is not None and "DISPLAY is not set" in message and "unset QT_QPA_PLATFORM" in message


def test_render_exits_2_with_the_message_instead_of_a_core_dump(broken_offscreen, tmp_path):
    from annotations import Project

    with Project.open(tmp_path / "p", create=True) as project:
        doc = project.add_document("شهدت إسطنبول اجتماعاً", title="اجتماع")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "WAYLAND", "XDG_SESSION")) and k != "DISPLAY"}
    env.update(QT_QPA_PLATFORM_PLUGIN_PATH=str(broken_offscreen), HOME=str(tmp_path))
    out = tmp_path / "doc.png"
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "render", str(tmp_path / "p"), doc,
                             "--out", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "main.py render cannot draw" in result.stderr and "libxkbcommoX.so.0" in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert not out.exists() and not out.with_name(out.name + ".part").exists()
    # the same command with the real plugin draws the page
    del env["QT_QPA_PLATFORM_PLUGIN_PATH"]
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "render", str(tmp_path / "p"), doc,
                             "--out", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
