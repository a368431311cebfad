#!/bin/sh
# actbench bench: a tiny sweep writes bench.csv (expected columns), bench.md
# and bench.json (GB's JSON with a "benchmarks" list); bad flags exit 2.
# Usage: test_bench_cli.sh path/to/actbench
set -u
ACTBENCH=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
checks=0 failed=0
ok() { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); failed=$((failed + 1)); echo "FAIL: $*" >&2; }

tiny="--act relu,softmax --variant libm --sizes 1K,2K --threads 1,2 --repetitions 2 --min-time 0.001"
if "$ACTBENCH" bench $tiny --out "$TMP/out" > "$TMP/stdout" 2> "$TMP/stderr"; then ok; else fail "tiny sweep: $(cat "$TMP/stderr")"; fi
head -1 "$TMP/out/bench.csv" | grep -q '^activation,variant,isa,tier,threads,n,row_length,ns_per_elem_median,ns_per_elem_min,elements_per_s,gb_per_s,cv,x_copy,speedup,parallel_efficiency,measured_parallelism,' \
    && ok || fail "bench.csv header"
# 2 sizes x 2 thread counts x (2 kernels + 2 copies) rows after the header
rows=$(($(wc -l < "$TMP/out/bench.csv") - 1))
[ "$rows" -eq 16 ] && ok || fail "bench.csv has $rows rows, want 16"
grep -q '^copy,copy-loop,scalar,baseline,2,2048,' "$TMP/out/bench.csv" && ok || fail "copy-loop row"
grep -q '^softmax,libm,scalar,reference,1,1024,1024,' "$TMP/out/bench.csv" && ok || fail "softmax row"
grep -q '^# actbench throughput report' "$TMP/out/bench.md" && grep -q 'measured parallelism' "$TMP/out/bench.md" \
    && ok || fail "bench.md"
python3 - "$TMP/out/bench.json" <<'PY' && ok || fail "bench.json is not GB's JSON"
import json, sys
d = json.load(open(sys.argv[1]))
b = d["benchmarks"]
assert isinstance(b, list) and len(b) >= 16, len(b)
assert "context" in d and all("real_time" in x and "name" in x for x in b)
assert any(x["name"].startswith("relu/libm/n:1024/omp:1") for x in b)
PY
ls -a "$TMP/out" | grep -q '\.tmp\|\.gb\.json' && fail "temporary files left" || ok
# A GB flag passes through: the filter keeps only relu.
if "$ACTBENCH" bench $tiny --out "$TMP/f" -- --benchmark_filter='^relu' > /dev/null 2>&1 &&
   ! grep -q '^softmax' "$TMP/f/bench.csv" && grep -q '^relu' "$TMP/f/bench.csv"; then ok; else fail "--benchmark_filter"; fi

# Repetitions spread over processes (--processes): every repetition arrives,
# GB's JSON is one joined list, and no child file is left behind.
if "$ACTBENCH" bench --act relu --variant libm --sizes 1K --threads 1 --repetitions 3 --processes 2 \
     --min-time 0.001 --out "$TMP/p" > /dev/null 2> "$TMP/pe"; then ok; else fail "--processes 2: $(cat "$TMP/pe")"; fi
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["repetitions"] != 3 { bad = 1 } END { exit bad }' \
    "$TMP/p/bench.csv" && ok || fail "--processes 2: every row has 3 repetitions"
python3 - "$TMP/p/bench.json" <<'PY' && ok || fail "--processes 2: bench.json is not one GB JSON with 3 repetitions"
import json, sys
d = json.load(open(sys.argv[1]))
reps = [x for x in d["benchmarks"] if x["name"].startswith("relu/libm/n:1024/omp:1") and x["run_type"] == "iteration"]
assert len(reps) == 3, len(reps)
PY
ls -a "$TMP/p" | grep -q '\.bench\.' && fail "--processes: temporary files left: $(ls -a "$TMP/p")" || ok
# One process gives the same rows.
"$ACTBENCH" bench --act relu --variant libm --sizes 1K --threads 1 --repetitions 2 --processes 1 \
     --min-time 0.001 --out "$TMP/p1" > /dev/null 2>&1 && [ "$(wc -l < "$TMP/p1/bench.csv")" = 4 ] && ok ||
    fail "--processes 1"

# SIGTERM during a multi-process sweep: the command stops with the signal, the child
# process with it, the earlier reports stay as they were and no temporary file is left.
cp "$TMP/p/bench.csv" "$TMP/p.before"
"$ACTBENCH" bench --act relu,relu6,sigmoid,tanh --sizes 1K,4K,16K --threads 1 --repetitions 3 \
    --min-time 0.05 --out "$TMP/p" > /dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
rc=$?
[ $rc -eq 143 ] && ok || fail "SIGTERM: exit $rc, want 143"
sleep 0.5
cmp -s "$TMP/p.before" "$TMP/p/bench.csv" && ok || fail "SIGTERM: bench.csv changed"
ls -a "$TMP/p" | grep -q '^\.bench' && fail "SIGTERM: temporary files left: $(ls -a "$TMP/p")" || ok
pgrep -f "actbench bench --act relu,relu6,sigmoid,tanh --sizes 1K,4K,16K" > /dev/null && fail "SIGTERM: a child still runs" || ok

expect_usage() {
    "$ACTBENCH" bench "$@" > "$TMP/o" 2> "$TMP/e"
    rc=$?
    lines=$(wc -l < "$TMP/e")
    if [ $rc -eq 2 ] && [ "$lines" -eq 1 ]; then ok; else fail "bench $* -> exit $rc, $lines stderr lines"; fi
}
expect_usage --sizes 0
expect_usage --sizes 4X
expect_usage --sizes 4K,,1M
expect_usage --sizes -4K
expect_usage --sizes ''
expect_usage --threads 0
expect_usage --threads -1
expect_usage --threads 1,x
expect_usage --repetitions 0
expect_usage --min-time -1
expect_usage --processes 0
expect_usage --processes x
expect_usage --repetitions 2 --processes 3
expect_usage --dist gamma
expect_usage --act nosuch
expect_usage --variant nosuch
expect_usage --max-isa sse9
expect_usage --bogus
expect_usage --out /proc/actbench-cannot-write
expect_usage --act relu --variant libm --sizes 1K -- --benchmark_bogus=1
expect_usage --act relu --variant libm --sizes 1K -- --benchmark_out=x.json
expect_usage --act relu --variant libm --sizes 1K -- --benchmark_repetitions=3
# GB says why on its own line too; only the exit code is ours here.
"$ACTBENCH" bench --act relu --variant libm --sizes 1K --out "$TMP/nf" -- --benchmark_filter=nothing_matches \
    > /dev/null 2>&1
[ $? -eq 2 ] && ok || fail "a filter that matches nothing exits 2"
"$ACTBENCH" bench --help > /dev/null && ok || fail "--help"

echo "test_bench_cli: $checks checks, $((checks - failed)) passed, $failed failed"
[ $failed -eq 0 ]
