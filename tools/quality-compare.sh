#!/usr/bin/env bash
# Comparison quality: run `dateline compare` on the ECB+ dev set and score
# it with ../shared/eval/score_compare.py (story B-cubed F1, fact-link F1,
# pairwise F1). Exits 1 when story or fact-link F1 falls below its floor, so
# CI catches a regression. Usage: tools/quality-compare.sh [STORY_FLOOR FACT_FLOOR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
story_floor=${1:-0.0}
fact_floor=${2:-0.0}
cargo build --release --quiet
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
target/release/dateline compare "$shared/dev-data/ecb-dev/articles" --format json --no-cache >"$pred" 2>/dev/null
report=$(python3 "$shared/eval/score_compare.py" "$shared/dev-data/ecb-dev/gold.json" "$pred")
echo "$report"
last=$(echo "$report" | tail -1)
story=$(echo "$last" | awk '{print $2}')
fact=$(echo "$last" | awk '{print $4}')
if python3 -c "import sys; sys.exit(0 if float('$story') >= float('$story_floor') and float('$fact') >= float('$fact_floor') else 1)"; then
  echo "compare: ECB+ dev story F1 $story (floor $story_floor), fact-link F1 $fact (floor $fact_floor): ok"
else
  echo "compare: ECB+ dev story F1 $story (floor $story_floor) or fact-link F1 $fact (floor $fact_floor) below its floor" >&2
  exit 1
fi
