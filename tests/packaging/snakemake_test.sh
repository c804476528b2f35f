#!/bin/bash
# Runs packaging/snakemake/Snakefile locally on three sample files (one lqs job per file), checks
# every output and its provenance, and that a second run finds nothing to do.
set -euo pipefail
lqs=$1 snakefile=$2 work=$3
command -v snakemake >/dev/null || { echo "SKIP: snakemake is not installed (packaging/install-deps.sh installs it)"; exit 77; }
rm -rf "$work" && mkdir -p "$work/data"
for i in 1 2 3; do "$lqs" sample "$work/data/cell$i.tif" --frames 8 --size 32,32 --seed "$i"; done
cat >"$work/workflow.json" <<'JSON'
{"steps": [
  {"method": "magnify", "inputs": ["raw.tif"], "output": "magnified.tif", "params": {"magnification": 2}},
  {"method": "conv2d", "inputs": ["magnified.tif", "kernel.tif"], "output": "smoothed.tif"}]}
JSON
"$lqs" sample "$work/kernel.tif" --frames 1 --size 3,3
config=(lqs="$lqs" workflow=workflow.json input=data results=results threads=1)
snakemake -s "$snakefile" --directory "$work" --cores 2 --config "${config[@]}" >"$work/snakemake.log" 2>&1 ||
  { cat "$work/snakemake.log" "$work"/results/logs/*.log 2>/dev/null; exit 1; }
for i in 1 2 3; do
  for output in magnified.tif smoothed.tif; do
    test -s "$work/results/cell$i/$output" || { echo "FAIL: results/cell$i/$output missing"; exit 1; }
  done
  grep -q "cell$i/magnified.tif" <<<"$("$lqs" provenance "$work/results/cell$i/smoothed.tif")" ||
    { echo "FAIL: smoothed.tif of cell$i does not name its input"; exit 1; }
done
again=$(snakemake -s "$snakefile" --directory "$work" --cores 2 --config "${config[@]}" --dry-run 2>&1)
grep -q "Nothing to be done" <<<"$again" || { echo "FAIL: a second run would redo work: $again"; exit 1; }
echo "ok: 3 files, one job each"
