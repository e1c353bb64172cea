#!/usr/bin/env bash
# A/B comparison of two builds of idgraph on one scale dataset, in alternating runs.
#
#   bash bench/ab.sh A_DIR B_DIR SIZE ROUNDS [resolve flags...]
#
# A_DIR and B_DIR are checkouts with `dist/` built (e.g. `git worktree add ../ref <commit>`, then
# `npm ci && npm run build` there, or a symlinked node_modules). SIZE names a dataset made by
# `npx tsx bench/scale.ts --sizes SIZE` (bench/.work/scale-SIZE/). Runs A, B, A, B, ... so this
# machine's drift (~10 % within an hour) falls on both sides; prints each run's stage times, wall
# seconds and peak RSS (/usr/bin/time), with the launcher's V8 flags (bin/idgraph.js).
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: bash bench/ab.sh A_DIR B_DIR SIZE ROUNDS [resolve flags...]" >&2
  exit 2
fi
a=$1; b=$2; size=$3; rounds=$4; shift 4
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/bench/.work/scale-$size
if [ ! -f "$data/config.json" ]; then
  echo "ab: no dataset in $data; make it with: npx tsx bench/scale.ts --sizes $size --repeat 1" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=$(sed -n '1s/^#!.*node //p' "$here/bin/idgraph.js")
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    if [ "$side" = A ]; then root=$a; else root=$b; fi
    rm -rf "$out/run"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e s %M KB" -o "$out/time" node $flags "$root/bin/idgraph.js" resolve \
      "$data/shop.csv" "$data/crm.csv" "$data/newsletter.csv" "$data/web.ndjson" "$data/app.csv" \
      --config "$data/config.json" --out "$out/run" "$@" 2>&1 | grep "time:" | sed "s/^/$side round $round /" | tr '\n' ' '
    cat "$out/time"
  done
done
