#!/bin/bash
# Installs this build into a scratch prefix, builds packaging/example-project against it with
# find_package(LiquidEngine), and runs the example (agent + benchmark of its own method).
set -euo pipefail
cmake=$1 build=$2 example=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
"$cmake" --install "$build" --prefix "$work/prefix" --component Development >"$work/install.log"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
"$cmake" -S "$example" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$work/prefix" \
  "${launcher[@]}" >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/build" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
LIQUID_ENGINE_HOME=$work/engine-home "$work/build/temporal_mean_example"
