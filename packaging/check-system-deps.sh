#!/usr/bin/env bash
# Checks the Debian packages Concordia needs (Qt's libraries; pandoc, LibreOffice and poppler for
# the export checks; Xvfb for screenshots; Enchant and the Hunspell dictionaries for spelling). As root it installs what is missing; otherwise it
# prints the one command to run as root (the same command root runs here: nothing assumes sudo).
# Elsewhere than Debian/Ubuntu it only says what to look for.
set -euo pipefail

QT_LIBS="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1"
TOOLS="xvfb xauth pandoc poppler-utils libreoffice-writer-nogui fonts-liberation fonts-dejavu-core"
# Spell checking: pyenchant drives libenchant-2 (its Hunspell provider) over Debian's dictionaries.
SPELLING="libenchant-2-2 hunspell-en-gb hunspell-en-us hunspell-es"
PACKAGES="$(echo $QT_LIBS $TOOLS $SPELLING)"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "check-system-deps: not a Debian system; make sure Qt 6's X11/xcb libraries, pandoc," \
         "LibreOffice and poppler-utils are installed." >&2
    exit 0
fi

missing=""
for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $package" ;; esac
done
[ -z "$missing" ] && exit 0

# One command line, printed for a user and run as is by root, so the two never drift apart.
install_command="apt-get update && apt-get install -y --no-install-recommends$missing"

if [ "$(id -u)" = "0" ]; then
    export DEBIAN_FRONTEND=noninteractive
    echo "check-system-deps: updating the package lists (apt-get update)…" >&2
    apt-get update -qq
    echo "check-system-deps: installing$missing (LibreOffice is large: this can take several minutes)…" >&2
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    echo "check-system-deps: done." >&2
else
    echo "check-system-deps: missing Debian packages. Run as root (with su, or sudo if you use it):" >&2
    echo "    $install_command" >&2
    exit 1
fi
