#!/usr/bin/env bash
# Agreement with the teacher on news the tagger was not trained on: the
# ECB+ dev articles of topics ≡ 0 (mod 5), which tools/build-ner-model.sh
# keeps out of training. Scores `dateline entities` against the teacher's
# labels (tools/teacher_label.py docs ... --keep 0), six kinds, exact span.
# Usage: tools/teacher_agreement.sh TEACHER_HELDOUT.json [KINDS]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
gold=${1:?usage: tools/teacher_agreement.sh TEACHER_HELDOUT.json [KINDS]}
kinds=${2:-person,org,place,group,date,number}
cargo build --release --quiet
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
target/release/dateline entities "$shared/dev-data/ecb-dev/articles" --format json --no-cache >"$pred"
python3 "$shared/eval/score_entities.py" "$gold" "$pred" --by-kind --kinds "$kinds" 2>&1 | grep -v "no gold document"
