#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite twice: a Release build, then
# a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
jobs=$(nproc)

echo "== Release build"
BUILD_DIR="$root/build" "$root/scripts/build.sh"
(cd "$root/build" && ctest --output-on-failure -j"$jobs")

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
BUILD_DIR="$root/build-asan" BUILD_TYPE=RelWithDebInfo \
  "$root/scripts/build.sh" -DACTBENCH_SANITIZE=address,undefined
# The sanitized run uses a smaller accuracy sample: the same code paths, and
# MPFR (uninstrumented) dominates the time anyway.
(cd "$root/build-asan" && ACTBENCH_TEST_SAMPLES=20000 ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")
