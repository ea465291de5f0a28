#!/bin/bash
# CPU of two builds of the whole CLI on one file, alternated pair by pair (this machine's timings drift
# by ±10-15 % from run to run, so only pairs run back to back are compared).
#
#   bench/micro/ab-cli.sh OLD_ROOT NEW_ROOT FILE [PAIRS=5] [THREADS=2]
#
# OLD_ROOT / NEW_ROOT hold a built dist/ (and node_modules, package.json, rules/ beside it, e.g. symlinks
# to the checkout). Prints each pair's CPU-s (user+sys, /usr/bin/time) and new/old ratio, then the median.
set -euo pipefail
OLD=$1; NEW=$2; F=$3; N=${4:-5}; T=${5:-2}
cpu() { { /usr/bin/time -f "%U %S" node "$1/dist/src/cli/main.js" profile "$F" --threads "$T" --quiet --format json >/dev/null; } 2>&1 | tail -1 | awk '{print $1+$2}'; }
ratios=()
for i in $(seq "$N"); do
  a=$(cpu "$OLD"); b=$(cpu "$NEW")
  r=$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.3f", b/a}')
  echo "pair $i: old $a CPU-s, new $b CPU-s, ratio $r"
  ratios+=("$r")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END{print "median new/old CPU ratio:", a[int((NR+1)/2)]}'
