#!/usr/bin/env sh
# Install the built app for the current user: program, menu entry and icon (no root needed).
#
#   packaging/install-linux.sh [DIST_DIR]       default DIST_DIR: dist/qalam-annotator
#   packaging/install-linux.sh --uninstall
#
# Files: ~/.local/opt/qalam-annotator/ (the onedir build), ~/.local/bin/qalam-annotator (symlink),
# ~/.local/share/applications/qalam-annotator.desktop, ~/.local/share/icons/hicolor/{256x256,scalable}/apps/.
# XDG_DATA_HOME and PREFIX (default ~/.local) move them.
set -eu
APP=qalam-annotator
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
TARGET=$PREFIX/opt/$APP

refresh() {
    # optional tools: menus pick the entry up without them too, after the next login
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "${TARGET:?}" "${PREFIX:?}/bin/$APP" "$DATA/applications/$APP.desktop" \
        "$DATA/icons/hicolor/256x256/apps/$APP.png" "$DATA/icons/hicolor/scalable/apps/$APP.svg"
    refresh
    echo "removed $APP"
    exit 0
fi

DIST=${1:-$HERE/../dist/$APP}
if [ ! -x "$DIST/$APP" ]; then
    echo "error: $DIST/$APP not found; build it first: pyinstaller build.spec" >&2
    exit 2
fi
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$DATA/applications" \
    "$DATA/icons/hicolor/256x256/apps" "$DATA/icons/hicolor/scalable/apps"
rm -rf "$TARGET.new" && cp -a "$DIST" "$TARGET.new" && rm -rf "$TARGET" && mv "$TARGET.new" "$TARGET"
ln -sf "$TARGET/$APP" "$PREFIX/bin/$APP"
cp "$HERE/../assets/icons/$APP.png" "$DATA/icons/hicolor/256x256/apps/$APP.png"
cp "$HERE/../assets/icons/$APP.svg" "$DATA/icons/hicolor/scalable/apps/$APP.svg"
# absolute Exec/TryExec: ~/.local/bin is not on every desktop session's PATH
sed -e "s|^Exec=$APP|Exec=$TARGET/$APP|" -e "s|^TryExec=$APP|TryExec=$TARGET/$APP|" \
    "$HERE/$APP.desktop" > "$DATA/applications/$APP.desktop"
refresh
echo "installed $APP in $TARGET; menu entry $DATA/applications/$APP.desktop"
