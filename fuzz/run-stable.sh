#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer on a stable toolchain: the same
# instrumentation cargo-fuzz asks for, minus the sanitizer (which needs
# nightly). Usage: fuzz/run-stable.sh TARGET [SECONDS] [libFuzzer flags...]
# TARGET is one of text json html feed analysis. Finds go to
# fuzz/artifacts/TARGET/; the growing corpus to fuzz/corpus/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run-stable.sh TARGET [SECONDS] [libFuzzer flags...]}
secs=${2:-300}
shift $(( $# < 2 ? $# : 2 ))
triple=$(rustc -vV | sed -n 's/^host: //p')
# An explicit --target keeps the flags off build scripts and proc macros,
# which are not linked with libFuzzer.
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions" \
  cargo build --release --target "$triple" --bin "$target"
# Seeds: what the target reads, from the sample data and the fixtures.
mkdir -p "corpus/$target" "artifacts/$target"
case $target in
  text|analysis) seeds=(../sample-data/* ../tests/fixtures/seeds/*) ;;
  json) seeds=() ;;
  html) seeds=(../tests/fixtures/html/*) ;;
  feed) seeds=(../tests/fixtures/feeds/*) ;;
  *) echo "no target $target" >&2; exit 2 ;;
esac
if [ ${#seeds[@]} -gt 0 ]; then cp -n "${seeds[@]}" "corpus/$target/"; fi
if [ "$target" = json ]; then
  printf '%s' '[{"title": "T", "body": "Text.", "date": "2024-08-06", "source": {"name": "CNN"}}]' > corpus/json/seed-array
  printf '%s\n%s\n' '{"body": "One."}' '{"text": "Two.", "url": "https://x.example/2"}' > corpus/json/seed-lines
  printf '%s' '{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{"id": "1", "content_html": "<p>Hi</p>"}]}' > corpus/json/seed-feed
fi
exec "target/$triple/release/$target" "corpus/$target" \
  -artifact_prefix="artifacts/$target/" -max_total_time="$secs" \
  -max_len=65536 -timeout=10 -print_final_stats=1 "$@"
