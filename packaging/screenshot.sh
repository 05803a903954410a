#!/usr/bin/env bash
# Take docs/screenshot-main-window.png: the main window with the La Paz draft open.
#
#   packaging/screenshot.sh [SEED_TEXT] [OUTPUT_PNG]
#
# The seed is imported into a draft file in a temporary folder, Concordia is started on it
# under xvfb-run with CONCORDIA_SCREENSHOT set, and the window grabs itself once shown
# (QWidget.grab) and exits. Settings live in the temporary folder, so your own recent
# files and window layout are neither used nor changed.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
py="${PY:-$here/.venv/bin/python}"
seed="${1:-$here/../shared/seeds/000_b2393918b01108c9.txt}"
out="${2:-$here/docs/screenshot-main-window.png}"
size="${SCREEN_SIZE:-1440x900}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
draft="$work/lapaz.concordia"

"$py" -m app import "$seed" --out "$draft" >/dev/null
mkdir -p "$(dirname "$out")"
rm -f "$out"

XDG_CONFIG_HOME="$work/config" \
CONCORDIA_LANG="${CONCORDIA_LANG:-en}" \
CONCORDIA_SCREENSHOT="$out" \
CONCORDIA_SCREENSHOT_SIZE="$size" \
    xvfb-run -a -s "-screen 0 ${size}x24" "$py" -m app "$draft"

if [ ! -s "$out" ]; then
    echo "screenshot.sh: no screenshot was written to $out" >&2
    exit 1
fi
echo "$out"
