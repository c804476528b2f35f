#!/bin/bash
# Regenerates resources/benchmarks/factory.json: `lqs bench --json` on a few sizes per method, on this
# machine, into the factory benchmarks the agent uses until a machine has its own runs.
# Usage: resources/benchmarks/regenerate.sh PATH/TO/lqs
set -euo pipefail
lqs=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIQUID_ENGINE_HOME=$work/store
cd "$work"
"$lqs" sample k.tif --frames 1 --size 9,9 >/dev/null
runs=()
for size in 64 256 1024; do
  "$lqs" sample i$size.tif --frames 1 --size $size,$size >/dev/null
  "$lqs" sample s$size.tif --frames 10 --size $((size / 4)),$((size / 4)) >/dev/null
  runs+=("magnify i$size.tif --set magnification=5" "conv2d i$size.tif k.tif" "nlm i$size.tif"
         "esrrf s$size.tif --set magnification=5")
done
for run in "${runs[@]}"; do
  # shellcheck disable=SC2086
  "$lqs" bench $run --repeat 3 --json >>bench.jsonl
done
"$lqs" store export runs.csv >/dev/null
python3 - runs.csv >"$here/factory.json" <<'PY'
import csv, json, statistics, sys
groups = {}
for row in csv.DictReader(open(sys.argv[1])):
    if row["ok"] != "1":
        continue
    impl = row["implementation"]
    key = impl if impl.startswith("cpu:") else impl.split(":")[0]
    groups.setdefault((row["method"], key, float(row["score"])), []).append(float(row["seconds"]))
entries = [{"method": m, "implementation": i, "score": s, "seconds": statistics.median(t)}
           for (m, i, s), t in sorted(groups.items())]
json.dump({"machine": "see docs/liquid-engine.md", "benchmarks": entries}, sys.stdout, indent=1)
PY
echo "wrote $here/factory.json ($(grep -c '"method"' "$here/factory.json") entries)"
