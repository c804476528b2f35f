#!/bin/sh
# GUI smoke test: liquidscope opens the sample, runs a workflow (eSRRF, then FRC and SQUIRREL when
# this build registers them) through its engine thread, grabs its window and quits; then shows the
# Liquid Engine view, and runs a workflow on a folder holding one bad file.
# Usage: smoke_test.sh LIQUIDSCOPE LQS WORKDIR. Exit 77 (skipped) when xvfb-run is missing.
set -eu
exe=$1
lqs=$2
work=$3
command -v xvfb-run >/dev/null 2>&1 || { echo "xvfb-run not found: skipping the GUI smoke test"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
cd "$work"
export XDG_CONFIG_HOME="$work/config"  # a fresh window layout, not the user's settings

methods=$("$lqs" methods | sed -n 's/^\([a-z0-9-]*\):.*/\1/p' | tr '\n' ' ')
steps='{"method": "esrrf", "inputs": ["sample"], "output": "sr.tif", "params": {"magnification": 4, "frames_per_timepoint": 50}}'
case " $methods " in *" frc "*) steps="$steps"',
  {"method": "frc", "inputs": ["sr.tif"], "output": "frc_curve.csv"}' ;; esac
case " $methods " in *" squirrel "*) steps="$steps"',
  {"method": "squirrel", "inputs": ["sample", "sr.tif"], "output": "error_map.tif"}' ;; esac
printf '{"steps": [\n  %s]}\n' "$steps" > W.json

xvfb-run -a -s "-screen 0 1280x800x24" "$exe" --sample --workflow W.json --screenshot shot.png --quit
test -s sr.tif || { echo "the workflow did not write sr.tif"; exit 1; }
test -s shot.png || { echo "no screenshot"; exit 1; }
# Non-blank: the picture has many distinct colours, not a flat or black window.
colours=$(convert shot.png -format '%k' info:)
echo "screenshot has $colours distinct colours"
test "$colours" -gt 200

run() { xvfb-run -a -s "-screen 0 1280x800x24" "$exe" "$@"; }
run --sample --engine-view esrrf --screenshot engine.png --quit
test -s engine.png || { echo "no screenshot of the Liquid Engine view"; exit 1; }

mkdir folder
"$lqs" sample folder/a.tif --frames 4 --size 16,16 >/dev/null
printf 'not a TIFF' > folder/bad.tif
printf '{"steps": [{"method": "magnify", "inputs": ["raw.tif"], "output": "big.tif", "params": {"magnification": 2}}]}\n' > M.json
if run --workflow M.json --folder folder --quit 2> folder.log; then
  echo "a folder run with a bad file must exit 1"; exit 1
fi
test -s folder/a_big.tif || { echo "the folder run did not write folder/a_big.tif"; exit 1; }
grep -q "bad.tif" folder.log || { echo "the failed file is not listed"; cat folder.log; exit 1; }

# File > Watch Acquisition… from the command line: three blocks of a growing file become layers.
"$lqs" simulate-acquisition acq.tif --file --rate 500 --frames 200 --size 32,32 >/dev/null &
run --watch acq.tif --screenshot live.png --quit
wait
test -s live.png || { echo "no screenshot of a live session"; exit 1; }
test -s acq_live.tif || { echo "the live session did not write acq_live.tif"; exit 1; }
