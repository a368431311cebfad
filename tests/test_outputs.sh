#!/usr/bin/env bash
# contenders (issue 7): accuracy --write-inputs / --inputs --outputs: outputs
# computed elsewhere are scored like a kernel's (a planted 3-ULP error reads
# as 3 ULP), and bad files are one-line errors with exit 2.
# Usage: test_outputs.sh ACTBENCH
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checks=0 failed=0
check() {
  local name=$1; shift
  checks=$((checks + 1))
  if ! "$@"; then echo "FAIL: $name"; failed=$((failed + 1)); fi
}
if ! command -v python3 >/dev/null; then
  echo "python3 not found: skipped"; exit 0
fi

"$bin" accuracy --write-inputs "$tmp/x.f32" --samples 2K >"$tmp/out"
check "write-inputs exits 0" test $? -eq 0
n=$(( $(stat -c %s "$tmp/x.f32") / 4 ))
check "standard set: 2K + 2K + specials" test "$n" -gt 4096 -a "$n" -lt 4300

# relu with a planted error: positive finite x gets its bit pattern + 3 where
# that stays in the binade (3 ULP exactly), as examples/plugin does.
python3 - "$tmp" <<'PY'
import array, math, struct, sys
d = sys.argv[1]
x = array.array('f'); x.frombytes(open(d + '/x.f32', 'rb').read())
y = array.array('f')
for v in x:
    r = 0.0 if v < 0 else v
    b = struct.unpack('<I', struct.pack('<f', r))[0]
    if r > 0 and math.isfinite(r) and (b & 0x7fffff) <= 0x7fffff - 3:
        b += 3
    y.append(struct.unpack('<f', struct.pack('<I', b))[0])
open(d + '/y.f32', 'wb').write(y.tobytes())
open(d + '/short.f32', 'wb').write(y[:10].tobytes())
open(d + '/odd.f32', 'wb').write(b'abc')
PY

out=$("$bin" accuracy --inputs "$tmp/x.f32" --outputs "$tmp/y.f32" --act relu --label planted)
check "scoring exits 0" test $? -eq 0
check "planted error reads as 3 ULP" grep -q '^relu,planted,[0-9]*,3,' <<<"$out"
"$bin" accuracy --inputs "$tmp/x.f32" --outputs "$tmp/y.f32" --act relu --bound 2 >/dev/null
check "--bound 2: exit 1" test $? -eq 1

for bad in "--outputs $tmp/short.f32 --act relu" "--outputs $tmp/odd.f32 --act relu" \
           "--outputs $tmp/nonexistent.f32 --act relu" "--outputs $tmp/y.f32 --act softmax" \
           "--outputs $tmp/y.f32" "--outputs $tmp/y.f32 --act nosuch"; do
  # shellcheck disable=SC2086
  "$bin" accuracy --inputs "$tmp/x.f32" $bad >/dev/null 2>"$tmp/err"
  rc=$?
  check "'$bad': exit 2" test $rc -eq 2
  check "'$bad': one line" test "$(wc -l <"$tmp/err")" -eq 1
done

echo "$checks checks, $((checks - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
