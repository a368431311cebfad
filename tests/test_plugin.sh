#!/usr/bin/env bash
# contenders (issue 7): --plugin on list, eval, accuracy and bench, with the
# example plugin (examples/plugin/example_plugin.c), whose relu is off by
# exactly 3 ULP on purpose.  Usage: test_plugin.sh ACTBENCH EXAMPLE_SO
set -u
bin=$1 so=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checks=0 failed=0
check() { # check NAME COMMAND...: passes when COMMAND succeeds
  local name=$1; shift
  checks=$((checks + 1))
  if ! "$@"; then echo "FAIL: $name"; failed=$((failed + 1)); fi
}
# column VALUE of the row matching activation,variant,...,domain in a CSV
csv_value() { # file act variant domain column
  awk -F, -v a="$2" -v v="$3" -v d="$4" -v c="$5" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $1 == a && $2 == v && (d == "" || $col["domain"] == d) { print $col[c]; exit }' "$1"
}

out=$("$bin" list --plugin "$so")
check "list shows plugin-example for sigmoid" grep -Eq '^sigmoid +plugin-example +scalar +contender' <<<"$out"
check "list shows plugin-example for softmax" grep -Eq '^softmax +plugin-example' <<<"$out"
check "gelu is not offered" bash -c '! grep -Eq "^gelu +plugin-example" <<<"$1"' _ "$out"
check "list says which contenders are built" grep -Eq '^contender (SLEEF|oneDNN|XNNPACK|Eigen) ' <<<"$out"

"$bin" accuracy --plugin "$so" --variant plugin-example --samples 4K --out "$tmp/acc" >/dev/null 2>"$tmp/err"
check "accuracy with a plugin exits 0 (contenders promise nothing)" test $? -eq 0
check "planted relu error is 3 ULP (full)" test "$(csv_value "$tmp/acc/accuracy.csv" relu plugin-example full max_ulp)" = 3
check "planted relu error is 3 ULP (typical)" test "$(csv_value "$tmp/acc/accuracy.csv" relu plugin-example typical max_ulp)" = 3
check "sigmoid scored under 3 ULP" awk -v u="$(csv_value "$tmp/acc/accuracy.csv" sigmoid plugin-example full max_ulp)" 'BEGIN { exit !(u < 3) }'
check "softmax scored" test -n "$(csv_value "$tmp/acc/accuracy.csv" softmax plugin-example full max_ulp)"

out=$("$bin" eval relu --plugin "$so" --variant plugin-example 1.5)
check "eval runs the plugin" grep -Eq '^plugin-example .*max 3 ULP' <<<"$out"

"$bin" bench --plugin "$so" --act relu --variant plugin-example --sizes 1K --threads 1 \
  --repetitions 2 --min-time 0.001 --out "$tmp/bench" >/dev/null 2>&1
check "bench with a plugin exits 0" test $? -eq 0
check "bench.csv has the plugin" grep -q '^relu,plugin-example,' "$tmp/bench/bench.csv"

"$bin" list --plugin "$tmp/missing.so" >/dev/null 2>"$tmp/err"
check "missing plugin: exit 2" test $? -eq 2
check "missing plugin: one line" test "$(wc -l <"$tmp/err")" -eq 1
printf 'not an ELF' >"$tmp/libbad.so"
"$bin" list --plugin "$tmp/libbad.so" >/dev/null 2>"$tmp/err"
check "malformed plugin: exit 2" test $? -eq 2
cp "$so" "$tmp/other.so"
"$bin" list --plugin "$tmp/other.so" >/dev/null 2>"$tmp/err"
check "no symbols for the prefix: exit 2" test $? -eq 2
check "no symbols: says so" grep -q 'offers no activation' "$tmp/err"

echo "$checks checks, $((checks - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
