#!/usr/bin/env bash
# actbench recommend on hand-made results (fixtures/handmade): the fastest
# variant within the budget (measured max ULP over full AND typical, special
# values passing) at the nearest measured size, and a C header that compiles.
# usage: test_recommend.sh ACTBENCH FIXTURES CC INCLUDE_DIR LIBACTBENCH [USER_CFLAGS]
set -u
bin=$1 fx=$2/handmade cc=$3 inc=$4 lib=$5 user_cflags=${6:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }

# pick BUDGET SIZE THREADS -> "variant runner_up" of sigmoid, from the CSV by header name
pick() {
  "$bin" recommend --dir "$fx" --max-ulp "$1" --size "$2" --threads "$3" --format csv >"$tmp/out" 2>"$tmp/err" ||
    { echo "exit $?: $(cat "$tmp/err")"; return; }
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
           $c["activation"] == "sigmoid" { print $c["variant"], $c["runner_up"], $c["n"] }' "$tmp/out"
}
want() { local got; got=$(pick "$1" "$2" "$3"); [ "$got" = "$4" ] && ok || bad "budget $1 size $2 threads $3: got '$got', want '$4'"; }

# <= 1 ULP: poly-f64 is fastest but 2.5 ULP on typical inputs; avx512-rr2 fails a special value.
want 1 4K 1 "avx512-f64-p7-div-acc avx2-f64-p7-div-acc 4096"
want 1 16M 1 "avx2-f64-p7-div-acc avx512-f64-p7-div-acc 16777216"
want 4 4K 1 "poly-f64-p7-div-acc avx2-rr2-p6-rcp-fast 4096"
want 4 16M 1 "poly-f64-p7-div-acc avx2-f64-p7-div-acc 16777216"
want 1e30 4K 1 "poly-f64-p7-div-acc avx2-rr2-p6-rcp-fast 4096"
want 1 1M 1 "avx2-f64-p7-div-acc avx512-f64-p7-div-acc 16777216"    # nearest measured: 16M
want 1 5K 1 "avx512-f64-p7-div-acc avx2-f64-p7-div-acc 4096"
want 1 16M 2 "avx2-f64-p7-div-acc avx512-f64-p7-div-acc 16777216"
want 0.1 4K 1 "  4096"                                             # nothing is that accurate
# gelu has only libm (1.2e7 ULP): no choice within 4 ULP.
"$bin" recommend --dir "$fx" --max-ulp 4 --size 4K >"$tmp/md" && ok || bad "md exit"
grep -q '^| gelu | none' "$tmp/md" && ok || bad "gelu should have no choice: $(cat "$tmp/md")"
grep -q '^| sigmoid | poly-f64-p7-div-acc | scalar | accurate | 2.5 | 0.300 ' "$tmp/md" && ok || bad "md row: $(grep sigmoid "$tmp/md")"

# Errors: exit 2, one line.
for args in "--threads 3" "--max-ulp -1" "--size 0" "--format xml" "--dir /nonexistent" "--bogus"; do
  "$bin" recommend --dir "$fx" $args >/dev/null 2>"$tmp/err"
  rc=$?
  [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "recommend $args -> exit $rc: $(cat "$tmp/err")"
done

# The C header compiles, links against libactbench and calls the chosen kernel.
# Its symbols must exist in this build, so it comes from a small real run
# (hand-made names would go stale whenever a kernel is renamed).
real="$tmp/real"
"$bin" accuracy --act sigmoid --samples 2000 --out "$real" >/dev/null 2>&1 &&
  "$bin" bench --act sigmoid --sizes 4K --threads 1 --repetitions 2 --min-time 0.001 --out "$real" >/dev/null 2>&1 &&
  ok || bad "small real run for the header failed"
"$bin" recommend --dir "$real" --max-ulp 1 --size 4K --format c-header >"$tmp/best.h" && ok || bad "c-header exit"
grep -q '^#define ACTBENCH_BEST_SIGMOID actbench_sigmoid_' "$tmp/best.h" && ok || bad "header: $(cat "$tmp/best.h")"
cat >"$tmp/use.c" <<'C'
#include <stdio.h>
#include "best.h"
int main(void)
{
    float x[3] = {-1.0f, 0.0f, 2.0f}, y[3];
    const actbench_kernel *k = actbench_find_kernel("sigmoid", ACTBENCH_BEST_SIGMOID_VARIANT);
    if (!k || k->fn != ACTBENCH_BEST_SIGMOID || k->isa != ACTBENCH_BEST_SIGMOID_ISA)
        return 1;
    if (actbench_kernel_runs(k))
        ACTBENCH_BEST_SIGMOID(x, y, 3, NULL);
    else
        actbench_sigmoid_libm(x, y, 3, NULL);
    printf("%.6f\n", y[1]);
    return y[1] == 0.5f ? 0 : 1;
}
C
if "$cc" -std=c11 -Wall -Wextra -Werror $user_cflags -I"$inc" -I"$tmp" "$tmp/use.c" "$lib" -Wl,-rpath,"$(dirname "$lib")" \
     -lm -o "$tmp/use" 2>"$tmp/cc.err"; then
  ok
  "$tmp/use" >/dev/null && ok || bad "the program using the header failed"
else
  bad "header does not compile: $(head -5 "$tmp/cc.err")"
fi

echo "test_recommend: $((passed + failed)) checks, $passed passed, $failed failed"
[ $failed = 0 ]
