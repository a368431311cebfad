#!/usr/bin/env bash
# Installs what actbench needs on a Debian/Ubuntu machine: compiler, CMake,
# GNU MPFR (with GMP), OpenMP (gcc's libgomp), Google Benchmark, and gnuplot
# for the report's plots.  Idempotent: installs only what is missing, and
# runs without prompts (as root, or with sudo when not root).
set -euo pipefail

packages=(build-essential cmake libmpfr-dev libgmp-dev libbenchmark-dev gnuplot-nox python3)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "setup: missing ${missing[*]}, and this is not a Debian-like system: install them by hand" >&2
  exit 2
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
