#!/usr/bin/env bash
# The main job: set up, build, and run the default sweep, writing the reports
# to results/ (or the directory given as the first argument).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/results}
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
"$root/build/actbench" accuracy --out "$out"
# bench: the default sweep (all kernels, 4K/1M/16M, 1 and all threads: ~3 minutes on 2 cores)
OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive} "$root/build/actbench" bench --out "$out"
# The page people read: choice per activation, plots, tables, context.
"$root/build/actbench" report "$out"
echo "reports: $out/report.md (and accuracy.md, bench.md, the .csv and .json files)"
