#!/usr/bin/env bash
# Huge and hostile inputs through the release build of mtlint. Opt-in (slow; not part of
# `swift test` or CI): needs ~1 GB of free disk in $TMPDIR and a few minutes.
#
#   scripts/huge-inputs.sh                  # builds the release binary into .build-robust
#   MTLINT=/path/to/mtlint scripts/huge-inputs.sh
#   HUGE_MB=50 LINE_MB=27 scripts/huge-inputs.sh
#
# Checks, each printed with its numbers (peak RSS from /usr/bin/time -v):
#   1. a generated HUGE_MB (200) MB article file is linted without a crash, peak RSS within
#      3 × input + 30 MB;
#   2. a LINE_MB (27) MB single line, the same;
#   3. the catastrophic rule `(a+)+$` on 40,000 `a`s and a `b`, given with --rules: exit 2, the
#      failure names the rule, the other rules' findings are still printed;
#   4. rule files: deeply nested flow YAML, deeply indented YAML, a 9 MB file, an alias bomb,
#      each a clean error with exit 2 (no crash, no hang).
# Exits 1 when any check fails (including the memory bound), after running them all.
# Generated files live in a temporary folder that is removed at the end; nothing is written
# in the repository except the build folder.
set -uo pipefail
cd "$(dirname "$0")/.."

huge_mb="${HUGE_MB:-200}"
line_mb="${LINE_MB:-27}"
if [ -z "${MTLINT:-}" ]; then
  echo "== building the release binary (.build-robust)"
  swift build -c release --scratch-path .build-robust --product mtlint || exit 1
  MTLINT="$(pwd)/.build-robust/release/mtlint"
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/mtlint-huge-XXXXXX")"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

# Runs mtlint under /usr/bin/time -v; sets status, rss_kb, seconds. A watchdog stops mtlint
# when its RSS passes RSS_CAP_MB (default 8000), so a runaway case cannot take the machine down.
rss_cap_kb=$(( ${RSS_CAP_MB:-8000} * 1024 ))
measure() {
  /usr/bin/time -v -o "$work/time.txt" "$MTLINT" "$@" > "$work/out.txt" 2> "$work/err.txt" &
  local timer=$!
  capped=0
  while kill -0 "$timer" 2>/dev/null; do
    local child; child=$(pgrep -P "$timer" | head -1)
    if [ -n "$child" ]; then
      local now; now=$(ps -o rss= -p "$child" 2>/dev/null | tr -d ' ')
      if [ -n "$now" ] && [ "$now" -gt "$rss_cap_kb" ]; then kill "$child"; capped=1; fi
    fi
    sleep 1
  done
  wait "$timer"
  status=$?
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  if grep -q "Command terminated by signal" "$work/time.txt"; then status=$((128 + $(grep -o 'signal [0-9]*' "$work/time.txt" | grep -o '[0-9]*'))); fi
}

# Lints $1 and checks exit 0/1 and the memory bound.
huge_case() {
  local name="$1" file="$2"
  local bytes; bytes=$(stat -c %s "$file")
  measure lint --jobs "$(nproc)" --format concise "$file"
  local bound_kb=$(( (3 * bytes + 30 * 1000 * 1000) / 1024 ))
  local findings; findings=$(wc -l < "$work/out.txt")
  printf '%s: %d bytes, exit %d, %s wall, peak RSS %d MB (bound %d MB = 3 × input + 30 MB; %.2f × input), %d output lines\n' \
    "$name" "$bytes" "$status" "$seconds" $((rss_kb / 1024)) $((bound_kb / 1024)) \
    "$(echo "$rss_kb * 1024 / $bytes" | bc -l)" "$findings"
  if [ "$capped" = 1 ]; then fail "$name: stopped at the RSS cap of ${RSS_CAP_MB:-8000} MB"; return; fi
  if [ "$status" -gt 1 ]; then fail "$name: exit $status: $(head -c 500 "$work/err.txt")"; return; fi
  if [ "$rss_kb" -gt "$bound_kb" ]; then fail "$name: peak RSS over the bound"; else pass "$name within the memory bound"; fi
}

echo "== generating inputs in $work"
python3 - "$work" "$huge_mb" "$line_mb" <<'PY'
import sys
work, huge_mb, line_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = (
    "Talks resumed in Geneva on Monday after a pause of three weeks, officials said.\n\n"
    "Must read\n\n"
    "The minister said: stop it now, \u201dhe said, and the the delegates left .\n"
    "Zoe\u0301 \U0001F44D\U0001F3FD \u5317\u7ea6\u79d8\u4e66\u957f\u3002 The price rose 3 , 5 percent.\n\n"
    "- Advertisement -\n\n"
    "Le ministre a parl\u00e9 d\u2019\u00ab une aide tr\u00e8s rapide \u00bb pour la r\u00e9gion.\n\n"
).encode()
target = huge_mb * 1000 * 1000
with open(f"{work}/huge.txt", "wb") as f:
    written = 0
    chunk = block * 1000
    while written + len(chunk) <= target:
        f.write(chunk); written += len(chunk)
    while written + len(block) <= target:
        f.write(block); written += len(block)
    f.write(b"x" * (target - written))
clean = ("Talks resumed in Geneva on Monday after a pause of three weeks, officials said. "
         "The delegates met for three hours and agreed to meet again in the spring.\n\n").encode()
with open(f"{work}/huge-clean.txt", "wb") as f:
    f.write(clean * (huge_mb * 1000 * 1000 // len(clean)))
with open(f"{work}/line-clean.txt", "wb") as f:
    f.write(clean.replace(b"\n", b" ") * (line_mb * 1000 * 1000 // len(clean)))
unit = "stop it now, \u201dhe said , and the the delegates left . Zoe\u0301 \U0001F44D ".encode()
target = line_mb * 1000 * 1000
with open(f"{work}/line.txt", "wb") as f:
    data = unit * (target // len(unit))
    f.write(data + b"y" * (target - len(data)))
PY

echo "== 1. $huge_mb MB file"
huge_case "huge file" "$work/huge.txt"
huge_case "huge clean file (no findings; the engine alone)" "$work/huge-clean.txt"
echo "== 2. $line_mb MB single line"
huge_case "single line" "$work/line.txt"
huge_case "clean single line (no findings)" "$work/line-clean.txt"
rm -f "$work"/huge*.txt "$work"/line*.txt

echo "== 3. catastrophic regex (a+)+\$ on 40,000 a's and a b"
mkdir -p "$work/rules"
cat > "$work/rules/catastrophic.yml" <<'YML'
id: mine/catastrophic
category: other
summary: Backtracks catastrophically.
why: A hostile pattern.
match: { pattern: '(a+)+$' }
message: m
examples: { flag: ['⟨a⟩'], pass: ['b'] }
YML
python3 -c "print('Must read'); print('a' * 40000 + 'b'); print('stop it now, \u201dhe said')" > "$work/catastrophic.txt"
measure lint --rules "$work/rules" "$work/catastrophic.txt"
echo "lint: exit $status, $seconds wall; stderr: $(cut -c1-200 "$work/err.txt")"
if [ "$status" -eq 2 ] && grep -q "rule mine/catastrophic failed" "$work/err.txt" && grep -q "boilerplate/related-teasers" "$work/out.txt"; then
  pass "catastrophic rule reported by id, other rules still ran"
else
  fail "catastrophic rule (lint): exit $status"
fi
cp "$work/catastrophic.txt" "$work/catastrophic-fix.txt"
measure fix --rules "$work/rules" "$work/catastrophic-fix.txt"
echo "fix:  exit $status, $seconds wall; stderr: $(cut -c1-200 "$work/err.txt")"
if grep -q "rule mine/catastrophic failed" "$work/err.txt"; then pass "fix reports the failed rule"; else fail "fix does not report the failed rule (exit $status)"; fi

echo "== 4. hostile rule files (each: a clean error, exit 2)"
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
def rule_dir(name, text):
    os.makedirs(f"{work}/yaml-{name}", exist_ok=True)
    with open(f"{work}/yaml-{name}/rule.yml", "w") as f: f.write(text)
rule_dir("deep-flow", "id: " + "[" * 100000 + "]" * 100000 + "\n")
rule_dir("deep-flow-unclosed", "match: " + "{a: " * 50000 + "\n")
rule_dir("deep-indent", "".join(" " * i + "k:\n" for i in range(0, 3000)))
rule_dir("deep-block-seq", "- " * 20000 + "x\n")
rule_dir("enormous", "id: demo/x\nwhy: |\n" + "  " + "x" * 100 + "\n" * 0 + ("  " + "y" * 100 + "\n") * 90000)
lol = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{chr(98+i)}: &{chr(98+i)} [*{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}, *{chr(97+i)}]\n" for i in range(8))
rule_dir("alias-bomb", lol)
rule_dir("long-line", "id: demo/" + "x" * 7_000_000 + "\n")
PY
for name in deep-flow deep-flow-unclosed deep-indent deep-block-seq enormous alias-bomb long-line; do
  measure lint --rules "$work/yaml-$name" - < /dev/null
  message=$(grep -m1 "error" "$work/err.txt" | sed "s|$work/||" | cut -c1-160)
  printf '%-20s exit %d, %s wall, peak RSS %d MB: %s\n' "$name" "$status" "$seconds" $((rss_kb / 1024)) "$message"
  if [ "$status" -ne 2 ] || ! grep -q "error" "$work/err.txt"; then fail "$name: expected a clean error with exit 2"; fi
done

echo
if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all huge/hostile input checks passed"
