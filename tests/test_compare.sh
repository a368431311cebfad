#!/usr/bin/env bash
# actbench compare on recorded results (fixtures/): identical and A/A data
# pass, a planted accuracy regression and a planted 20% slowdown fail with
# exit 1, malformed input is exit 2 with one line.
# aa_base, aa_new: two real bench runs of the same build (sigmoid, 4K and 1M,
# 1 thread, 5 repetitions) and one accuracy sweep; slow20: aa_base with
# sigmoid/avx512-rr2-p6-rcp-fast at 1M made 20% slower in every repetition.
# aa_load, aa_quiet: see below.
# usage: test_compare.sh ACTBENCH FIXTURES
set -u
bin=$1 fx=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

expect() { # CODE ARGS...
  local want=$1; shift
  "$bin" compare "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then bad "compare $* -> exit $got, want $want: $(head -c 600 "$tmp/out" "$tmp/err")"; return; fi
  if [ "$want" = 2 ] && { [ "$(wc -l <"$tmp/err")" != 1 ] || ! grep -q '^actbench: ' "$tmp/err"; }; then
    bad "compare $* -> error not one prefixed line: $(cat "$tmp/err")"; return; fi
  ok
}
contains() { grep -q -- "$1" "$tmp/out" && ok || bad "output lacks '$1': $(head -c 800 "$tmp/out")"; }

# Identical data: nothing to report.
expect 0 "$fx/aa_base" "$fx/aa_base"; contains '0 accuracy regressions'; contains '0 speed regressions'
# A/A: two runs of the same build, at the default thresholds.
# aa_base/aa_new: single-process runs on the 2-vCPU VM under load (load average 3 to 4.5).
expect 0 "$fx/aa_base" "$fx/aa_new"
expect 0 "$fx/aa_base" "$fx/aa_new" --normalize-copy
# aa_load: two runs of the default bench (each repetition its own process), sigmoid's rows
# only (bench.json trimmed to the fields compare reads), while other jobs loaded the machine:
# the base run is 31-35% slower across the board. Neither direction is a regression; the
# whole-run drift is a warning; without drift removal (--absolute) rows are flagged.
expect 0 "$fx/aa_load/base" "$fx/aa_load/new"
expect 0 "$fx/aa_load/new" "$fx/aa_load/base"; contains 'Warning:.*whole new run is +[0-9]*% slower'
expect 1 "$fx/aa_load/new" "$fx/aa_load/base" --absolute
# aa_quiet: two runs on the quiet machine; new_slow20 is new with the repetitions of one row
# (sigmoid/avx512-rr2-p6-rcp-fast, 1M) made 20% slower: a real run's noise around it.
expect 0 "$fx/aa_quiet/base" "$fx/aa_quiet/new"
expect 0 "$fx/aa_quiet/new" "$fx/aa_quiet/base"
expect 1 "$fx/aa_quiet/base" "$fx/aa_quiet/new_slow20"
contains '| sigmoid | avx512-rr2-p6-rcp-fast | 1M | 1 .*REGRESSION'
[ "$(grep -c REGRESSION "$tmp/out")" = 1 ] && ok || bad "only the planted row should regress: $(grep REGRESSION "$tmp/out")"
contains '| 1M | 1 | 17 | '   # the drift table: 17 rows at 1M, 1 thread
expect 0 "$fx/aa_quiet/base" "$fx/aa_quiet/new_slow20" --max-slowdown 25
# Single files compare too.
expect 0 "$fx/aa_base/bench.json" "$fx/aa_new/bench.json"
expect 0 "$fx/aa_base/accuracy.csv" "$fx/aa_new/accuracy.csv"

# Planted accuracy regressions.
expect 1 "$fx/aa_base" "$fx/acc_regressed"; contains 'REGRESSION.*max ULP up'
contains '| sigmoid | avx512-rr2-p6-rcp-fast | typical'
expect 0 "$fx/aa_base" "$fx/acc_regressed" --max-ulp-increase 0.6   # within a looser tolerance
expect 0 "$fx/acc_regressed" "$fx/aa_base"; contains 'better'         # the reverse is an improvement
expect 1 "$fx/aa_base" "$fx/special_regressed"; contains 'new special-value failure'

# Planted 20% slowdown: caught at the default 10%, not at 25%.
expect 1 "$fx/aa_base" "$fx/slow20"; contains '| sigmoid | avx512-rr2-p6-rcp-fast | 1M | 1 .*REGRESSION'
[ "$(grep -c REGRESSION "$tmp/out")" = 1 ] && ok || bad "only the planted row should regress: $(grep REGRESSION "$tmp/out")"
expect 1 "$fx/aa_base/bench.json" "$fx/slow20/bench.json"
expect 0 "$fx/aa_base" "$fx/slow20" --max-slowdown 25
expect 0 "$fx/slow20" "$fx/aa_base"; contains 'faster'
# Without repetitions (bench.csv alone) a slowdown is shown but never a regression.
expect 0 "$fx/aa_base/bench.csv" "$fx/slow20/bench.csv"; contains 'untested'

# Rows that appear or vanish are listed, not errors.
expect 1 "$fx/aa_base" "$fx/handmade"; contains 'only in base (vanished)'; contains 'only in new (appeared)'

# Bad input: exit 2, one line.
expect 2
expect 2 "$fx/aa_base"
expect 2 "$fx/aa_base" "$fx/aa_new" "$fx/aa_new"
expect 2 "$fx/aa_base" "$tmp/nonexistent"
expect 2 "$fx/aa_base" "$tmp"                                   # empty directory
for f in truncated.json not_gb.json short_row.csv no_max_ulp.csv bad_number.csv; do
  expect 2 "$fx/aa_base" "$fx/malformed/$f"
done
head -c 100 /dev/urandom >"$tmp/junk.csv"
expect 2 "$fx/aa_base" "$tmp/junk.csv"
expect 2 "$fx/aa_base/accuracy.csv" "$fx/aa_new/bench.json"    # nothing comparable
expect 2 "$fx/aa_base" "$fx/aa_new" --max-slowdown -5
expect 2 "$fx/aa_base" "$fx/aa_new" --alpha 2
expect 2 "$fx/aa_base" "$fx/aa_new" --max-ulp-increase x
expect 2 "$fx/aa_base" "$fx/aa_new" --bogus

# scripts/measure_aa.sh, the A/A measurement, on a tiny sweep: it runs, compares every pair.
aa_script=$(dirname "$0")/../scripts/measure_aa.sh
ACTBENCH=$bin ACTBENCH_AA_BENCH="--act relu,relu6 --variant libm --sizes 1K --threads 1 --repetitions 2 --min-time 0.001" \
  "$aa_script" 3 "$tmp/aa" >"$tmp/out" 2>"$tmp/err" && ok || bad "measure_aa.sh: $(cat "$tmp/err")"
contains '^A/A: 3 pairs, [0-9]* with a false regression; [0-9]* of 6 rows flagged'
ACTBENCH=$bin "$aa_script" 1 "$tmp/aa1" >/dev/null 2>&1; [ $? = 2 ] && ok || bad "measure_aa.sh 1 should exit 2"
ACTBENCH=$bin "$aa_script" 3 "$tmp/aa" >/dev/null 2>&1; [ $? = 2 ] && ok || bad "measure_aa.sh into used OUTDIR should exit 2"

echo "test_compare: $((passed + failed)) checks, $passed passed, $failed failed"
[ $failed = 0 ]
