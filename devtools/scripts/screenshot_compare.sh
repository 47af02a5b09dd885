#!/bin/sh
# Regenerate docs/screenshots/compare-report.png: the comparison report of the two seed
# editorials, rendered by Debian's headless chromium (no network; the page loads nothing).
# Usage: devtools/scripts/screenshot_compare.sh [SEED_DIR]   (default ../shared/seeds)
set -eu
cd "$(dirname "$0")/../.."
seeds="${1:-../shared/seeds}"
work="$(mktemp -d)"
PYTHONPATH=src "${PARALLAX:-.venv/bin/parallax}" compare "$seeds"/*.txt --db "$work/p.db" \
    --format html --out "$work/compare.html" --quiet
mkdir -p docs/screenshots
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --screenshot="$PWD/docs/screenshots/compare-report.png" \
    --window-size=1400,2400 "file://$work/compare.html"
rm -rf "$work"
echo "wrote docs/screenshots/compare-report.png"
