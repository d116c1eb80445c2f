#!/usr/bin/env bash
# Builds mtlint's libFuzzer targets and runs each for a bounded time; fails on a crash, an
# invariant failure, a leak, a timeout (a hang) or an out-of-memory.
#
#   Fuzz/run.sh              # 60 s per target
#   Fuzz/run.sh 3600         # an hour per target
#   FUZZ_TARGETS=FuzzRuleLoader Fuzz/run.sh 600
#   FUZZ_JOBS=2 Fuzz/run.sh 3600   # two libFuzzer workers per target (-fork)
#
# Inputs that found new coverage accumulate in Fuzz/.build/corpus/<target> (kept between runs,
# ignored by git); the seeds in Fuzz/Corpus/ are only read. A crash leaves its input in
# Fuzz/.build/artifacts/; reproduce it with
#   Fuzz/.build/debug/FuzzLintFix Fuzz/.build/artifacts/crash-...
# and, once understood, copy it into Fuzz/Corpus/ as a regression seed.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
targets="${FUZZ_TARGETS:-FuzzLintFix FuzzRuleLoader}"
jobs="${FUZZ_JOBS:-1}"

# mtlint's modules get AddressSanitizer and libFuzzer's coverage instrumentation; only the fuzz
# targets themselves add -sanitize=fuzzer (see Package.swift). mtlint's build-time tool
# (EmbedRulesTool) is built with ASan too and runs during the build: no leak check there.
echo "== building fuzz targets"
start=$(date +%s)
ASAN_OPTIONS=detect_leaks=0 swift build \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -use-ld=lld
echo "== fuzz build took $(( $(date +%s) - start )) s"

status=0
for target in $targets; do
  case "$target" in
    FuzzLintFix) seeds=Corpus/lint; max_len=8192 ;;
    FuzzRuleLoader) seeds=Corpus/rules; max_len=16384 ;;
    *) echo "unknown target $target"; exit 2 ;;
  esac
  corpus=".build/corpus/$target"
  artifacts=".build/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  echo "== $target for $seconds s"
  fork=()
  if [ "$jobs" -gt 1 ]; then fork=(-fork="$jobs"); fi
  set +e
  # -timeout: one input taking longer is a hang. -rss_limit_mb: runaway memory is a failure.
  .build/debug/"$target" "$corpus" "$seeds" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len="$max_len" \
    -artifact_prefix="$artifacts" -print_final_stats=1 "${fork[@]}" \
    2>&1 | tee ".build/$target.log" | grep -E --line-buffered "^#[0-9]+.*(pulse|DONE|NEW)|ERROR|invariant|FuzzRuleLoader:|stat::|Test unit|SUMMARY|crash-|timeout-|oom-|leak-" | grep -v -E "NEW " || true
  result=${PIPESTATUS[0]}
  set -e
  if [ "$result" -ne 0 ]; then
    echo "== $target FAILED (exit $result); log: Fuzz/.build/$target.log; inputs: Fuzz/$artifacts"
    status=1
  elif grep -q "ERROR: LeakSanitizer" ".build/$target.log"; then
    # LeakSanitizer's check when the fuzzer exits reports memory no input can be blamed for
    # (libFuzzer still exits 0): a leak in loading the rules, for instance.
    echo "== $target FAILED: LeakSanitizer reported a leak when it exited; log: Fuzz/.build/$target.log"
    status=1
  else
    echo "== $target: no crash in $seconds s"
  fi
done
exit "$status"
