#!/usr/bin/env bash
# Configures and builds actbench in BUILD_DIR (default build/), Release.
# Extra arguments go to cmake's configure step (e.g. -DACTBENCH_SANITIZE=address,undefined).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
