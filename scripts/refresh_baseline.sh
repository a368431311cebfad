#!/usr/bin/env bash
# Refreshes the accuracy baseline the CI gate compares against
# (reports/baseline/accuracy.csv), after a deliberate change to a kernel's
# accuracy.  Accuracy is deterministic for a given build, so the baseline is
# exactly what this build measures with the gate's sweep.  Review the diff
# (git diff reports/baseline) and commit only that file.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The gate's sweep: keep in step with .ci/run.
GATE_SAMPLES=${GATE_SAMPLES:-20000}
BUILD_DIR=${BUILD_DIR:-$root/build} "$root/scripts/build.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${BUILD_DIR:-$root/build}/actbench" accuracy --samples "$GATE_SAMPLES" --out "$tmp" >/dev/null
mkdir -p "$root/reports/baseline"
cp "$tmp/accuracy.csv" "$root/reports/baseline/accuracy.csv"
echo "baseline: reports/baseline/accuracy.csv ($(($(wc -l <"$tmp/accuracy.csv") - 1)) rows, $GATE_SAMPLES samples per domain)"
