"""Before Qt starts: can its platform plugin load, and is there a display? (Linux; Qt-free on purpose.)

When a system library that Qt's ``xcb`` plugin needs is missing, Qt prints a misleading hint
("xcb-cursor0 or libxcb-cursor0 is needed") and aborts the process with a core dump; with no
display at all it aborts too. Neither can be caught once Qt runs, so ``main.py`` calls
``startup_problem()`` first and prints its message instead (exit 2).

- **Which plugins.** ``QT_QPA_PLATFORM`` (``;``-separated, tried in order, as Qt does), else Qt's
  own choice on Linux: ``wayland`` then ``xcb`` in a Wayland session, ``xcb`` otherwise.
- **Libraries.** The plugin file shipped in the PySide6 package is loaded with ``dlopen`` (Qt loads
  the same file a moment later, so this costs nothing when all is well). Only when that fails is
  ``ldd`` run on it, to name *every* missing library, not just the first. ``DEBIAN_PACKAGES`` maps
  each soname to the Debian/Ubuntu package that ships it, for the install command in the message
  (``packaging/install-qt-libs.sh`` runs that command when it can).
- **Display.** ``xcb`` needs ``DISPLAY`` naming an X server that accepts a connection; ``wayland``
  needs a compositor socket; ``offscreen``, ``minimal`` and the other headless plugins need none.

``python -m annotations.qtlibs [--platform P]`` prints the packages to install, one per line (the
install script reads them) and exits 1 if a library is missing that no known package provides.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_SCRIPT = "packaging/install-qt-libs.sh"
# The plugin of commands that draw without a window (render), unless QT_QPA_PLATFORM names another.
HEADLESS_PLATFORM = "offscreen"
# Plugins that draw on a screen; every other one (offscreen, minimal, vnc, eglfs, linuxfb...) needs no display.
DISPLAY_PLUGINS = ("xcb", "wayland")
# soname -> Debian/Ubuntu package, for every system library the PySide6 6.11 xcb, wayland and offscreen
# plugins (and Qt's own libraries under them) load.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libexpat.so.1": "libexpat1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
}


@dataclass
class PluginCheck:
    """What one platform plugin needs and lacks."""

    name: str
    path: Path | None  # None: the plugin file is not where PySide6 keeps it
    missing: list[str] = field(default_factory=list)  # sonames that cannot be found
    display: str | None = None  # why no display is usable (None: fine, or the plugin needs none)

    @property
    def usable(self) -> bool:
        return self.path is not None and not self.missing and self.display is None


def requested_platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order."""
    asked = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    asked = [p for p in asked if p]
    if asked:
        return asked
    if env.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_dirs(env: Mapping[str, str]) -> list[Path]:
    """Folders that may hold ``libq<name>.so``: Qt's override variables, then PySide6's own plugins."""
    dirs = [Path(p) for p in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    dirs += [Path(p) / "platforms" for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        roots.append(Path(bundle) / "PySide6")
    try:
        spec = importlib.util.find_spec("PySide6")  # locates the package without importing Qt
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    dirs += [r / "Qt" / "plugins" / "platforms" for r in roots]
    return dirs


def find_plugin(name: str, env: Mapping[str, str]) -> Path | None:
    for folder in plugin_dirs(env):
        path = folder / f"libq{name}.so"
        if path.is_file():
            return path
    return None


def _loads(path: Path) -> bool:
    try:
        ctypes.CDLL(str(path))
    except OSError:
        return False
    return True


def ldd_missing(path: Path, ldd: Sequence[str] = ("ldd",)) -> list[str]:
    """Sonames that the dynamic loader cannot find for ``path`` and everything it loads, per ``ldd``.

    Raises:
        OSError: when ``ldd`` cannot be run.
    """
    result = subprocess.run([*ldd, str(path)], capture_output=True, text=True, timeout=30, check=False)
    missing = []
    for line in result.stdout.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def missing_libraries(path: Path, loads: Callable[[Path], bool] = _loads,
                      ldd: Callable[[Path], list[str]] = ldd_missing) -> list[str]:
    """The system libraries the plugin at ``path`` lacks ([] when it loads)."""
    if loads(path):
        return []
    try:
        missing = ldd(path)
    except (OSError, subprocess.SubprocessError):
        missing = []
    # it did not load, so something is wrong even if ldd names nothing (no ldd, or a broken file)
    return missing or [f"(a library of {path.name}; run: ldd {path})"]


def _x_server_reachable(display: str) -> bool:
    """Whether an X server accepts a connection for ``DISPLAY`` (``:0``, ``unix:0``, ``host:0.0``)."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    if host.startswith("/"):  # launchd-style socket path (macOS XQuartz)
        return os.path.exists(display)
    if host in ("", "unix"):
        for address in (f"/tmp/.X11-unix/X{number}", f"\0/tmp/.X11-unix/X{number}"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.settimeout(2)
                sock.connect(address)
                return True
            except OSError:
                continue
            finally:
                sock.close()
        if host == "unix":
            return False
        host = "localhost"
    try:
        with socket.create_connection((host, 6000 + int(number)), timeout=2):
            return True
    except OSError:
        return False


def display_problem(plugin: str, env: Mapping[str, str],
                    x_reachable: Callable[[str], bool] = _x_server_reachable) -> str | None:
    """Why ``plugin`` has no display to open a window on (None when it has one or needs none)."""
    if plugin == "xcb":
        display = env.get("DISPLAY", "")
        if not display:
            return "DISPLAY is not set"
        if not x_reachable(display):
            return f"no X server answers on DISPLAY={display}"
    elif plugin == "wayland":
        name = env.get("WAYLAND_DISPLAY", "")
        if not name:
            return "WAYLAND_DISPLAY is not set"
        socket_path = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/nonexistent"), name)
        if not socket_path.exists():
            return f"no Wayland compositor socket at {socket_path}"
    return None


def check_platforms(env: Mapping[str, str], missing: Callable[[Path], list[str]] = missing_libraries,
                    x_reachable: Callable[[str], bool] = _x_server_reachable) -> list[PluginCheck]:
    """One check per plugin Qt will try, stopping at the first usable one."""
    checks = []
    for name in requested_platforms(env):
        check = PluginCheck(name, find_plugin(name, env))
        check.display = display_problem(name, env, x_reachable)
        if check.path is not None and check.display is None:
            check.missing = missing(check.path)
        checks.append(check)
        if check.usable:
            break
    return checks


def packages_for(sonames: Sequence[str]) -> tuple[list[str], list[str]]:
    """The Debian packages providing ``sonames`` (sorted, once each) and the sonames of no known package."""
    packages = sorted({DEBIAN_PACKAGES[s] for s in sonames if s in DEBIAN_PACKAGES})
    return packages, [s for s in sonames if s not in DEBIAN_PACKAGES]


def install_hint(sonames: Sequence[str]) -> str:
    packages, unknown = packages_for(sonames)
    hints = []
    if packages:
        hints.append(f"On Debian or Ubuntu: sudo apt-get install {' '.join(packages)}   (or run {INSTALL_SCRIPT})")
    if unknown:
        hints.append(f"Install the package that provides {', '.join(unknown)} with your distribution's "
                     "package manager")
    return ". ".join(hints) + "."


def startup_problem(env: Mapping[str, str] | None = None, platform: str | None = None,
                    check: Callable[[Mapping[str, str]], list[PluginCheck]] = check_platforms,
                    command: str | None = None) -> str | None:
    """The message to print instead of starting Qt, or None when Qt can start (or on non-Linux).

    Args:
        env: the environment Qt will see (default ``os.environ``).
        platform: ``sys.platform`` (for tests).
        check: the plugin check.
        command: a command line that draws without a window (``"main.py render"``): its messages say so
            instead of speaking of the window.
    """
    if (platform or sys.platform) != "linux":
        return None
    env = os.environ if env is None else env
    checks = check(env)
    if not checks or checks[-1].usable:
        return None
    cannot = f"{command} cannot draw" if command else "The window cannot open"
    again = f"python {command} again" if command else "python main.py again"
    lacking = [c for c in checks if c.path is not None and c.missing]
    if lacking:
        first = lacking[0]
        return (f"{cannot}: Qt's {first.name} platform plugin needs system libraries that are "
                f"not installed: {', '.join(first.missing)}. {install_hint(first.missing)} "
                f"Then run {again}.")
    no_display = [c for c in checks if c.display is not None]
    if no_display:
        reasons = "; ".join(f"{c.name}: {c.display}" for c in no_display)
        if command:
            return (f"No display for QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM', '')} ({reasons}): {command} "
                    "needs none, so unset QT_QPA_PLATFORM (or set it to offscreen).")
        return (f"No display to open the window on ({reasons}): use the command line instead "
                "(python main.py --help lists its commands), or run the app under a display.")
    names = ", ".join(f"libq{c.name}.so" for c in checks)
    if env.get("QT_QPA_PLATFORM"):
        found = sorted({p.name[4:-3] for d in plugin_dirs(env) if d.is_dir() for p in d.glob("libq*.so")})
        return (f"{cannot}: QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']} names no platform plugin "
                f"of this installation ({names} not found); available: {', '.join(found) or 'none'}.")
    return (f"{cannot}: Qt's platform plugin ({names}) is not in this installation. "
            "Reinstall the requirements: pip install -r requirements.txt.")


def headless_problem(command: str, env: Mapping[str, str] | None = None, platform: str | None = None,
                     check: Callable[[Mapping[str, str]], list[PluginCheck]] = check_platforms) -> str | None:
    """``startup_problem`` for a command that draws without a window (``render``): it checks the plugin
    that command will use, ``QT_QPA_PLATFORM`` if set, else ``offscreen`` (which needs no display and
    fewer libraries than ``xcb``)."""
    env = dict(os.environ if env is None else env)
    env.setdefault("QT_QPA_PLATFORM", HEADLESS_PLATFORM)
    return startup_problem(env, platform, check, command=command)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the Debian packages missing for the platform plugins (``--platform`` like QT_QPA_PLATFORM)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m annotations.qtlibs", description=main.__doc__)
    parser.add_argument("--platform", help="plugins to check, as in QT_QPA_PLATFORM (default: what Qt would use)")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.platform:
        env["QT_QPA_PLATFORM"] = args.platform
    sonames: list[str] = []
    for name in requested_platforms(env):
        path = find_plugin(name, env)
        if path is None:
            print(f"no libq{name}.so in this installation (pip install -r requirements.txt)", file=sys.stderr)
            return 1
        sonames += [s for s in missing_libraries(path) if s not in sonames]
    packages, unknown = packages_for(sonames)
    print("\n".join(packages))
    if unknown:
        print(f"missing, no known Debian package: {', '.join(unknown)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
