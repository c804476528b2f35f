#pragma once
// Ends the running test case as skipped, for hardware this machine lacks (a CUDA device). Catch2 2
// has no SKIP; CTest reports the case "Skipped" (not passed) when its output carries the marker
// (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt), so CI's summary says what did not run.
#include <catch2/catch.hpp>

#define LQS_SKIP_MARKER "LQS-SKIPPED:"
#define LQS_SKIP(reason)                 \
  do {                                   \
    WARN(LQS_SKIP_MARKER " " << reason); \
    return;                              \
  } while (false)
