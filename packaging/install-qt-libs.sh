#!/usr/bin/env bash
# Install, with apt, the system libraries that Qt's platform plugin needs, when any is missing
# (Debian and Ubuntu; as root, or through sudo). The README's first command runs it before the app.
#
#   packaging/install-qt-libs.sh [--platform xcb|wayland|offscreen|...]   (default: what Qt will use)
#
# Which libraries are missing is found by `python -m annotations.qtlibs` (the check main.py runs before
# Qt starts), from the plugin in the installed PySide6, so run this after pip install -r requirements.txt.
# Exit 0: nothing is missing (now). Exit 1: something still is; the message says what and what to do.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}

if ! packages=$("$PYTHON" -m annotations.qtlibs "$@"); then
    echo "install-qt-libs: see above; nothing installed" >&2
    exit 1
fi
[ -n "$packages" ] || exit 0
packages=$(echo $packages)  # one line

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-qt-libs: Qt needs these libraries (Debian package names): $packages." \
         "This is not a Debian or Ubuntu system: install them with its package manager." >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
    [ -t 0 ] || sudo=(sudo -n)  # no terminal to ask for a password on
else
    echo "install-qt-libs: Qt needs $packages; you are not root and sudo is missing." \
         "As root, run: apt-get install $packages" >&2
    exit 1
fi
echo "install-qt-libs: installing $packages (the Qt platform plugin needs them)"
if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq --no-install-recommends $packages; }; then
    echo "install-qt-libs: apt-get failed; run it yourself: sudo apt-get install $packages" >&2
    exit 1
fi
left=$("$PYTHON" -m annotations.qtlibs "$@") || exit 1
if [ -n "$left" ]; then
    echo "install-qt-libs: still missing after apt-get: $(echo $left)" >&2
    exit 1
fi
