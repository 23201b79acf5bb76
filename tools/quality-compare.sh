#!/usr/bin/env bash
# Comparison quality on the development data (../shared/dev-data):
#   - ECB+ dev: story B-cubed F1 and fact-link F1 (score_compare.py);
#   - facts-dev, every sentence annotated: what a reader sees (score_rows.py:
#     row precision, clean rows, single precision, status, differ recall) and
#     fact-link F1 (score_compare.py).
# Exits 1 when a figure falls below its floor, so CI catches a regression.
# Usage: tools/quality-compare.sh [--floors]   (without --floors: print only)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
check=${1:-}
cargo build --release --quiet
ecb=$(mktemp)
facts=$(mktemp)
trap 'rm -f "$ecb" "$facts"' EXIT
bin=target/release/dateline
$bin compare "$shared/dev-data/ecb-dev/articles" --format json --no-cache >"$ecb" 2>/dev/null
$bin compare "$shared/dev-data/facts-dev/articles" --format json --no-cache >"$facts" 2>/dev/null

echo "== ECB+ dev"
ecb_report=$(python3 "$shared/eval/score_compare.py" "$shared/dev-data/ecb-dev/gold.json" "$ecb")
echo "$ecb_report"
echo "== facts-dev"
facts_report=$(python3 "$shared/eval/score_compare.py" "$shared/dev-data/facts-dev/gold.json" "$facts")
echo "$facts_report" | grep -E "^(gold|pred|fact links)"
rows_report=$(python3 "$shared/eval/score_rows.py" "$shared/dev-data/facts-dev/gold.json" "$facts")
echo "$rows_report" | tail -1

[ "$check" = "--floors" ] || exit 0
# Floors: the figures measured when they were set, less a small margin.
python3 - "$ecb_report" "$facts_report" "$rows_report" <<'PY'
import sys
ecb, facts, rows = (r.strip().splitlines()[-1].split() for r in sys.argv[1:])
got = {
    "ECB+ story F1": float(ecb[1]), "ECB+ fact-link F1": float(ecb[3]),
    "facts-dev fact-link F1": float(facts[3]),
}
got.update({f"facts-dev {rows[i]}": float(rows[i + 1]) for i in range(2, len(rows) - 1, 2)})
floors = {
    "ECB+ story F1": 0.92, "ECB+ fact-link F1": 0.68, "facts-dev fact-link F1": 0.64,
    "facts-dev row-P": 0.85, "facts-dev clean": 0.77, "facts-dev single-P": 0.80,
    "facts-dev status": 0.93, "facts-dev differ-R": 0.38,
}
bad = [f"{k} {got[k]:.3f} < {v}" for k, v in floors.items() if got[k] < v]
for k, v in floors.items():
    print(f"compare: {k} {got[k]:.3f} (floor {v})")
if bad:
    print("compare: below the floor: " + "; ".join(bad), file=sys.stderr)
    sys.exit(1)
print("compare: every figure at or above its floor")
PY
