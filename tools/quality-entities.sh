#!/usr/bin/env bash
# Entity quality: run `dateline entities` on the wikigold dev set (never
# trained on) and score it with ../shared/eval/score_entities.py. Exits 1
# when micro F1 (exact span + kind, person/org/place) falls below the floor,
# so CI catches a regression. Usage: tools/quality-entities.sh [FLOOR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
floor=${1:-0.705}
cargo build --release --quiet
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
target/release/dateline entities "$shared/dev-data/ner/wikigold/docs" --format json --no-cache >"$pred"
report=$(python3 "$shared/eval/score_entities.py" "$shared/dev-data/ner/wikigold/gold.json" "$pred" --by-kind --partial)
echo "$report"
f1=$(echo "$report" | awk '/^F1 /{print $2}' | tail -1)
if python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$floor') else 1)"; then
  echo "entities: wikigold micro F1 $f1 (floor $floor): ok"
else
  echo "entities: wikigold micro F1 $f1 is below the floor $floor" >&2
  exit 1
fi
