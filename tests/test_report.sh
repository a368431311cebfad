#!/usr/bin/env bash
# actbench report renders from fixture results: complete without gnuplot
# (ACTBENCH_NO_PLOTS=1, and a PATH without it), with plots when gnuplot is here.
# usage: test_report.sh ACTBENCH FIXTURES
set -u
bin=$1 fx=$2/handmade
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
has() { grep -q -- "$1" "$2" && ok || bad "$2 lacks '$1'"; }

check_page() { # the parts every report has
  has '^# actbench report' "$1"
  has '^## Choice per activation' "$1"
  has '^| sigmoid | avx2-f64-p7-div-acc \[accurate\] | 0.5 | 1.100 | poly-f64-p7-div-acc' "$1"  # at 16M: nearest 1M
  has '^| gelu | none' "$1"
  has '^## Accuracy (all variants)' "$1"
  has '^## Throughput (all variants)' "$1"
  has '^## Context' "$1"
  has 'Hand, Made CPU' "$1"
}

# Without plots, by the environment variable.
cp -r "$fx" "$tmp/a"
ACTBENCH_NO_PLOTS=1 "$bin" report "$tmp/a" >/dev/null 2>"$tmp/err" && ok || bad "report exit: $(cat "$tmp/err")"
check_page "$tmp/a/report.md"
has 'No plots: ACTBENCH_NO_PLOTS is set' "$tmp/a/report.md"
[ ! -d "$tmp/a/plots" ] && ok || bad "plots/ made although ACTBENCH_NO_PLOTS=1"

# Without gnuplot on PATH (the command itself by absolute path).
cp -r "$fx" "$tmp/b"
mkdir "$tmp/emptybin"
PATH="$tmp/emptybin" "$bin" report "$tmp/b" >/dev/null 2>"$tmp/err" && ok || bad "report without gnuplot: $(cat "$tmp/err")"
check_page "$tmp/b/report.md"
has 'gnuplot was not found' "$tmp/b/report.md"
[ -z "$(find "$tmp/b" -name '*.tmp.*' -o -name '*.part')" ] && ok || bad "temporary files left"

# Without the binades file: a note, the rest as before.
cp -r "$fx" "$tmp/c"
rm "$tmp/c/accuracy_binades.csv"
ACTBENCH_NO_PLOTS=1 "$bin" report "$tmp/c" >/dev/null && ok || bad "report without binades"
has 'accuracy_binades.csv (absent)' "$tmp/c/report.md"

# With gnuplot, when this machine has it: every plot kind as SVG and PNG, embedded.
if command -v gnuplot >/dev/null; then
  cp -r "$fx" "$tmp/d"
  "$bin" report "$tmp/d" >/dev/null && ok || bad "report with gnuplot"
  for kind in throughput binades pareto threads; do
    [ -s "$tmp/d/plots/sigmoid_$kind.svg" ] && [ -s "$tmp/d/plots/sigmoid_$kind.png" ] && ok || bad "plot $kind missing"
    has "plots/sigmoid_$kind.svg" "$tmp/d/report.md"
  done
fi

# Errors: exit 2, one line.
for args in "$tmp/nonexistent" "$tmp/emptybin" "--bogus" "$tmp/a $tmp/b"; do
  "$bin" report $args >/dev/null 2>"$tmp/err"
  rc=$?
  [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "report $args -> exit $rc: $(cat "$tmp/err")"
done

echo "test_report: $((passed + failed)) checks, $passed passed, $failed failed"
[ $failed = 0 ]
