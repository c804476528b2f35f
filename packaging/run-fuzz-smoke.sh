#!/bin/bash
# CI's fuzz smoke: builds the libFuzzer targets (preset "fuzz", clang) and runs each over the
# committed seed corpus for a share of ${LQS_FUZZ_SECONDS:-60} seconds. Any crash, leak, timeout or
# allocation over the limit fails; the input that did it is left in build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
start=$(date +%s)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
targets=(tiff description workflow parameters)
seconds=$(( ${LQS_FUZZ_SECONDS:-60} / ${#targets[@]} ))
for target in "${targets[@]}"; do
  # new inputs go to a scratch folder, so the committed corpus is only read
  scratch=build/fuzz/corpus/$target
  mkdir -p "$scratch" build/fuzz/artifacts
  log=build/fuzz/smoke-$target.log
  if ! build/fuzz/tests/fuzz/lqs_fuzz_$target -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1 "$scratch" tests/fuzz/corpus/$target >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz smoke: $target failed"
    exit 1
  fi
  echo "fuzz smoke: $target: $(grep -o 'number_of_executed_units: [0-9]*' "$log") in $seconds s, no failure"
done
echo "fuzz smoke (build and run): $(($(date +%s) - start)) s"
