#!/usr/bin/env bash
# The main job: set up, build, and run the default sweep, writing the reports
# to results/ (or the directory given as the first argument).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/results}
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
"$root/build/actbench" accuracy --out "$out"
echo "reports: $out/accuracy.md (and .csv)"
