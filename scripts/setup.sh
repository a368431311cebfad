#!/usr/bin/env bash
# Installs what actbench needs on a Debian/Ubuntu machine: compiler, CMake,
# GNU MPFR (with GMP), OpenMP (gcc's libgomp), Google Benchmark, and gnuplot
# for the report's plots.  Idempotent: installs only what is missing, and
# runs without prompts (as root, or with sudo when not root).
set -euo pipefail

packages=(build-essential cmake libmpfr-dev libgmp-dev libbenchmark-dev gnuplot-nox python3)
# contenders (issue 7): other libraries measured beside actbench's kernels.
# Optional: a distribution without one of them still builds (CMake skips it).
optional=(libsleef-dev libdnnl-dev libxnnpack-dev libpthreadpool-dev libeigen3-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
missing_optional=()
for p in "${optional[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing_optional+=("$p")
done
[ ${#missing[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  [ ${#missing[@]} -eq 0 ] && exit 0 # only optional contenders missing: fine
  echo "setup: missing ${missing[*]}, and this is not a Debian-like system: install them by hand" >&2
  exit 2
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Contenders the distribution does not have are skipped, not fatal.
for p in "${missing_optional[@]}"; do
  if apt-cache show "$p" >/dev/null 2>&1; then
    missing+=("$p")
  else
    echo "setup: $p is not available here: that contender will not be built" >&2
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
