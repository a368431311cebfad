#!/usr/bin/env bash
# A/A test of `actbench compare` on this machine: runs the same benchmark
# RUNS times with the same build, compares every pair of runs at compare's
# default thresholds, and prints how many rows each pair flags as a speed
# regression (the false-positive rate: every flag is false, nothing changed).
# Run it before trusting speed comparisons between runs on a machine, and
# again with your own thresholds after --.
#
# usage: scripts/measure_aa.sh [RUNS] [OUTDIR] [-- COMPARE-OPTIONS...]
#   RUNS     runs to record (default 6; pairs compared: RUNS*(RUNS-1)/2)
#   OUTDIR   where the runs go (default results/aa); run-K/ per run
#   ACTBENCH           the actbench binary (default build/actbench)
#   ACTBENCH_AA_BENCH  bench options (default below: 6 activations, all their
#            variants, 4K and 1M elements, 1 thread, 5 repetitions)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ACTBENCH:-$root/build/actbench}
runs=6 out=$root/results/aa
[ $# -gt 0 ] && [ "$1" != -- ] && { runs=$1; shift; }
[ $# -gt 0 ] && [ "$1" != -- ] && { out=$1; shift; }
[ $# -gt 0 ] && [ "$1" = -- ] && shift
case $runs in '' | *[!0-9]*) echo "measure_aa: RUNS '$runs' is not a count >= 2" >&2; exit 2 ;; esac
[ "$runs" -ge 2 ] || { echo "measure_aa: RUNS must be at least 2" >&2; exit 2; }
[ -x "$bin" ] || { echo "measure_aa: $bin not built (run scripts/build.sh)" >&2; exit 2; }
# The A/A result must never change because of an earlier run's files.
[ ! -e "$out/run-1" ] || { echo "measure_aa: $out already holds runs; give a new OUTDIR" >&2; exit 2; }
bench_opts=${ACTBENCH_AA_BENCH:---act sigmoid,tanh,gelu,elu,relu,softmax --sizes 4K,1M --threads 1}

mkdir -p "$out"
for k in $(seq 1 "$runs"); do
  echo "measure_aa: run $k of $runs: actbench bench $bench_opts" >&2
  # shellcheck disable=SC2086 # bench_opts is a list of options
  OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive} "$bin" bench $bench_opts --out "$out/run-$k" >/dev/null
done

pairs=0 flagged_pairs=0 flagged_rows=0 rows=0
for i in $(seq 1 "$runs"); do
  for j in $(seq $((i + 1)) "$runs"); do
    set +e
    "$bin" compare "$out/run-$i" "$out/run-$j" "$@" >"$out/compare-$i-$j.md"
    rc=$?
    set -e
    [ $rc -le 1 ] || { echo "measure_aa: compare run-$i run-$j failed (exit $rc)" >&2; exit 2; }
    line=$(grep '^compare: ' "$out/compare-$i-$j.md")
    n=$(sed -E 's/.* ([0-9]+) speed regressions? \(([0-9]+) rows.*/\1/' <<<"$line")
    m=$(sed -E 's/.* ([0-9]+) speed regressions? \(([0-9]+) rows.*/\2/' <<<"$line")
    pairs=$((pairs + 1)) rows=$((rows + m)) flagged_rows=$((flagged_rows + n))
    [ "$n" = 0 ] || flagged_pairs=$((flagged_pairs + 1))
    printf 'run-%s vs run-%s: %s of %s rows flagged\n' "$i" "$j" "$n" "$m"
  done
done
awk -v p="$pairs" -v fp="$flagged_pairs" -v r="$rows" -v fr="$flagged_rows" 'BEGIN {
  printf "A/A: %d pairs, %d with a false regression; %d of %d rows flagged (%.2f%%)\n",
         p, fp, fr, r, r ? 100 * fr / r : 0 }'
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg); reports: $out/compare-*.md"
