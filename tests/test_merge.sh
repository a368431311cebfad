#!/usr/bin/env bash
# Exhaustive runs as a user meets them, on a quick subset (--stride: every
# 512th block of 64K inputs): sharded runs merged give the unsharded reports
# byte for byte (date column aside); merge refuses missing or repeated
# shards; SIGINT stops a run with exit 130 and leaves earlier reports alone;
# the reduced self-test of the filtered reference passes.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

sel=(--act sigmoid,tanh,relu,softmax --variant avx512-rr2-lut16-p3-div-fast,avx512-rr1-p6-div-fast,avx512-max,avx512-rr2-p6-f64sum-fast,libm-careful)
# Without AVX-512 (or under an ISA cap) take the portable variants.
if ! "$bin" list --max-isa avx512 2>/dev/null | grep -q 'CPU runs up to: avx512'; then
  sel=(--act sigmoid,tanh,relu,softmax --variant poly-rr2-lut16-p3-div-fast,poly-rr1-p6-div-fast,poly-max,poly-rr2-p6-f64sum-fast,libm-careful)
fi
common=(--exhaustive --stride 512 --samples 3000 "${sel[@]}")

"$bin" accuracy "${common[@]}" --out "$tmp/whole" >"$tmp/log" 2>&1
rc=$?
[ "$rc" = 0 ] || [ "$rc" = 1 ] && ok || bad "unsharded run: exit $rc: $(tail -3 "$tmp/log")"
for f in accuracy.csv accuracy.md accuracy_binades.csv; do
  [ -f "$tmp/whole/$f" ] && ok || bad "unsharded run wrote no $f"
done
head -1 "$tmp/whole/accuracy.csv" | grep -q '^activation,variant,isa,tier,domain,samples,max_ulp,mean_ulp,.*,hist_0,hist_0_0.5,hist_0.5_1,hist_1_2,' && ok || bad "accuracy.csv header"
[ "$(head -1 "$tmp/whole/accuracy_binades.csv")" = "activation,variant,isa,tier,domain,sign,exponent,count,max_ulp,mean_ulp" ] && ok || bad "binades header"
grep -q ',exhaustive,' "$tmp/whole/accuracy.csv" && grep -q ',rows-neginf,' "$tmp/whole/accuracy.csv" && ok || bad "records missing"

for i in 1 2 3; do
  "$bin" accuracy "${common[@]}" --shard $i/3 --out "$tmp/parts" >"$tmp/log" 2>&1 && ok || bad "shard $i: $(tail -3 "$tmp/log")"
done
[ "$(ls "$tmp/parts" | grep -c '^accuracy.partial.[123]-of-3.txt$')" = 3 ] && ok || bad "partials: $(ls "$tmp/parts")"
[ ! -f "$tmp/parts/accuracy.csv" ] && ok || bad "a shard wrote full reports"
"$bin" merge "$tmp/parts" --out "$tmp/merged" >"$tmp/log" 2>&1
rc=$?
[ "$rc" = 0 ] || [ "$rc" = 1 ] && ok || bad "merge: exit $rc: $(cat "$tmp/log")"
# Same bytes, the date column (an ISO timestamp) aside.
nodate() { sed -E 's/,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z,/,DATE,/' "$1"; }
cmp -s <(nodate "$tmp/whole/accuracy.csv") <(nodate "$tmp/merged/accuracy.csv") && ok ||
  bad "merged accuracy.csv differs: $(diff <(nodate "$tmp/whole/accuracy.csv") <(nodate "$tmp/merged/accuracy.csv") | head -5)"
cmp -s "$tmp/whole/accuracy_binades.csv" "$tmp/merged/accuracy_binades.csv" && ok || bad "merged binades differ"
# Files in any order, given one by one, merge the same.
"$bin" merge "$tmp/parts/accuracy.partial.3-of-3.txt" "$tmp/parts/accuracy.partial.1-of-3.txt" \
  "$tmp/parts/accuracy.partial.2-of-3.txt" --out "$tmp/merged2" >/dev/null 2>&1
cmp -s <(nodate "$tmp/merged/accuracy.csv") <(nodate "$tmp/merged2/accuracy.csv") && ok || bad "merge order matters"

expect2() { "$@" >/dev/null 2>"$tmp/err"; local rc=$?
  if [ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ]; then ok; else bad "$* -> exit $rc: $(cat "$tmp/err")"; fi; }
expect2 "$bin" merge "$tmp/parts/accuracy.partial.1-of-3.txt" --out "$tmp/m3"
expect2 "$bin" merge "$tmp/parts" "$tmp/parts/accuracy.partial.1-of-3.txt" --out "$tmp/m3"
expect2 "$bin" merge "$tmp/whole/accuracy.csv" --out "$tmp/m3"
expect2 "$bin" merge --out "$tmp/m3"
expect2 "$bin" accuracy --exhaustive --shard 4/3
expect2 "$bin" accuracy --exhaustive --shard x
expect2 "$bin" accuracy --shard 1/2
expect2 "$bin" accuracy --exhaustive --selftest

# SIGINT: the blocks under way finish, exit 130, one line, reports untouched.
cp "$tmp/whole/accuracy.csv" "$tmp/before.csv"
"$bin" accuracy --exhaustive "${sel[@]}" --out "$tmp/whole" >/dev/null 2>"$tmp/err" &
pid=$!
sleep 1
kill -INT $pid
wait $pid
rc=$?
[ "$rc" = 130 ] && ok || bad "interrupted run: exit $rc, want 130"
[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q '^actbench: interrupted' "$tmp/err" && ok || bad "interrupted run said: $(cat "$tmp/err")"
cmp -s "$tmp/before.csv" "$tmp/whole/accuracy.csv" && ok || bad "interrupted run changed the report"
[ -z "$(ls -A "$tmp/whole" | grep tmp)" ] && ok || bad "temporary files left"

# The filtered reference against MPFR alone, reduced.
"$bin" accuracy --selftest --samples 10000 >"$tmp/log" 2>&1 && ok || bad "selftest: $(tail -5 "$tmp/log")"
grep -q 'selftest: passed' "$tmp/log" && ok || bad "selftest output"

echo "test_merge: $((passed + failed)) checks, $passed passed, $failed failed"
[ "$failed" = 0 ]
