#!/usr/bin/env bash
# The actbench command line as a user meets it: outputs, files, and a clear
# one-line error with exit code 2 for every kind of bad input.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

# expect CODE CMD...: exit code CODE; with code 2, exactly one line on stderr
expect() {
  local want=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then bad "$* -> exit $got, want $want: $(head -c 300 "$tmp/err")"; return; fi
  if [ "$want" = 2 ] && [ "$(wc -l <"$tmp/err")" != 1 ]; then bad "$* -> stderr not one line: $(cat "$tmp/err")"; return; fi
  if [ "$want" = 2 ] && ! grep -q '^actbench: ' "$tmp/err"; then bad "$* -> error not prefixed"; return; fi
  ok
}

contains() { if grep -q -- "$1" "$tmp/out"; then ok; else bad "output lacks '$1': $(head -c 500 "$tmp/out")"; fi; }

expect 2 "$bin"
expect 2 "$bin" nonsense
expect 0 "$bin" --help
for c in list eval accuracy; do expect 0 "$bin" $c --help; contains usage; done

expect 0 "$bin" list; contains 'sigmoid'; contains 'libm-careful'
expect 0 "$bin" list --max-isa scalar; contains 'CPU runs up to: scalar'
expect 2 "$bin" list --max-isa sse9
expect 2 env ACTBENCH_MAX_ISA=nonsense "$bin" list
expect 2 "$bin" list --act nosuch
expect 2 "$bin" list --bogus

expect 0 "$bin" eval softmax 1 2 3 4; contains '0.0320586'; contains '0.643914'
expect 0 "$bin" eval sigmoid --variant libm 5; contains '0.993307'
expect 0 "$bin" eval elu --variant libm-careful -2; contains '-0.864664'
expect 0 "$bin" eval silu 1; contains '0.731058'
expect 0 "$bin" eval tanh nan inf -0x1p-149; contains 'nan'
expect 2 "$bin" eval nosuch 1
expect 2 "$bin" eval sigmoid abc
expect 2 "$bin" eval sigmoid 1.5x
expect 2 "$bin" eval sigmoid
expect 2 "$bin" eval
expect 2 "$bin" eval sigmoid --variant nosuch 1

expect 2 "$bin" accuracy --act nosuch
expect 2 "$bin" accuracy --act sigmoid,
expect 2 "$bin" accuracy --variant nosuch
expect 2 "$bin" accuracy --samples 0
expect 2 "$bin" accuracy --samples -5
expect 2 "$bin" accuracy --samples 12x
expect 2 "$bin" accuracy --samples
expect 2 "$bin" accuracy --seed abc
expect 2 "$bin" accuracy --max-isa avx1024
touch "$tmp/file"
expect 2 "$bin" accuracy --act sigmoid --samples 100 --out "$tmp/file/sub"

# A run writes both reports, with the CSV header and one row per
# (kernel, domain); no temporary files are left behind.
out="$tmp/results"
expect 0 "$bin" accuracy --act sigmoid,softmax --variant libm,libm-careful --samples 2000 --out "$out"
[ -f "$out/accuracy.csv" ] && [ -f "$out/accuracy.md" ] && ok || bad "reports missing"
head -1 "$out/accuracy.csv" | grep -q '^activation,variant,isa,tier,domain,samples,max_ulp,mean_ulp' && ok || bad "csv header"
rows=$(($(wc -l <"$out/accuracy.csv") - 1))
[ "$rows" = 12 ] && ok || bad "csv has $rows rows, want 12 (4 kernels x 3 domains)"
grep -q '^## sigmoid' "$out/accuracy.md" && grep -q 'CPU' "$out/accuracy.md" && ok || bad "markdown content"
[ -z "$(ls -A "$out" | grep tmp)" ] && ok || bad "temporary files left: $(ls -A "$out")"
# Same inputs, same figures: runs are reproducible.
cp "$out/accuracy.csv" "$tmp/first.csv"
expect 0 "$bin" accuracy --act sigmoid,softmax --variant libm,libm-careful --samples 2000 --out "$out"
cut -d, -f1-18 "$tmp/first.csv" >"$tmp/a"; cut -d, -f1-18 "$out/accuracy.csv" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && ok || bad "two identical runs differ"

# A failed or interrupted run leaves earlier reports untouched.
cp "$out/accuracy.csv" "$tmp/before.csv"
expect 2 "$bin" accuracy --act nosuch --out "$out"
"$bin" accuracy --samples 4M --out "$out" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
cmp -s "$tmp/before.csv" "$out/accuracy.csv" && ok || bad "interrupted run changed the report"
[ -z "$(ls -A "$out" | grep tmp)" ] && ok || bad "interrupted run left temporary files"

echo "test_cli: $((passed + failed)) checks, $passed passed, $failed failed"
[ "$failed" = 0 ]
