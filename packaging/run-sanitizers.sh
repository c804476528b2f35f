#!/bin/bash
# Builds the headless program and test suite with ASan+UBSan (preset "asan") and runs every CTest
# test except the packaging ones (the GUI is not built). Any sanitizer report fails the test that
# hit it (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
# Leak checking is off: PoCL (the CPU OpenCL driver) and TBB's worker pools keep allocations
# until exit by design; everything else (overflows, use-after-free, UB) aborts the test
# (also while the build lists each binary's tests).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
start=$(date +%s)
cmake --preset asan >/dev/null
cmake --build --preset asan
echo "asan build: $(($(date +%s) - start)) s"
ctest --test-dir build/asan --output-on-failure --parallel "$(nproc)" -LE packaging
echo "asan build and tests: $(($(date +%s) - start)) s"
