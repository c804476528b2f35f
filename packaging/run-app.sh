#!/bin/bash
# The README's first command: installs what is missing, builds, and starts LiquidScope on the given
# TIFF files, or on a generated sample stack when none are given. Without a display it runs the same
# job headless through `lqs` (sample -> eSRRF -> FRC) and says where the output is.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin=build/release/app

if [[ -n ${DISPLAY:-} && -x $bin/gui/liquidscope ]]; then
  if (($# == 0)); then exec "$bin/gui/liquidscope" --sample; fi
  exec "$bin/gui/liquidscope" "$@"
fi

out=${LQS_DEMO_DIR:-$PWD/liquidscope-demo}
mkdir -p "$out"
echo "No display: running the sample workflow headless with lqs; outputs in $out"
input=${1:-$out/sample.tif}
if (($# == 0)); then "$bin/lqs" sample "$input" --frames 100 --size 64,64; fi
"$bin/lqs" run esrrf "$input" -o "$out/esrrf.tif" --set magnification=5
"$bin/lqs" run frc "$out/esrrf.tif" -o "$out/frc_curve.csv" || true
echo "Done: $out/esrrf.tif (super-resolved), $out/frc_curve.csv (FRC curve)"
