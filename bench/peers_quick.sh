#!/usr/bin/env bash
# Alternate a 30-student class set (one paper each, and --versions 4) with the peers' AMC and LaTeX
# `exam` runs, ROUNDS times, and print wall seconds per round. Needs quizforge on PATH and the peers
# set up once: (cd ../shared/bench-peers && ./run.sh setup).
# Usage: bash bench/peers_quick.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
peers=$(cd ../shared/bench-peers && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
secs() { /usr/bin/time -o "$tmp/t" -f "%e" "$@" >/dev/null 2>&1; cat "$tmp/t"; }
echo "round  quizforge-each  quizforge-versions4  amc  exam"
for i in $(seq "$rounds"); do
  each=$(secs quizforge batch sources/purges.yaml --demo-roster 30 --no-duplex --quiet --out "$tmp/e$i" --name x)
  amc=$(cd "$peers" && secs ./run.sh amc)
  exam=$(cd "$peers" && secs ./run.sh exam)
  v4=$(secs quizforge batch sources/purges.yaml --demo-roster 30 --versions 4 --no-duplex --quiet --out "$tmp/v$i" --name x)
  echo "$i  $each  $v4  $amc  $exam"
done
