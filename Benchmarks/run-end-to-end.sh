#!/usr/bin/env bash
# End-to-end measurements of the release build of mtlint (issue 6):
#   (a') the whole default rule set on the 20 MB generated input, process start to exit, in MB/s
#   (b)  a 2 KB article, `mtlint lint FILE`, process start to exit (target <= 20 ms)
#   (c)  peak memory (max RSS) on the 20 MB input (target <= 3 x input + 30 MB)
#   (d)  1,000 files of 20 KB with --jobs 1 vs all cores (target >= 1.7x), identical output sorted by path
#
# Usage: Benchmarks/run-end-to-end.sh            (from anywhere; builds what it needs)
#   SKIP_BUILD=1     use the existing builds
#   MTLINT=path      measure this binary instead of the deployment build the README recommends
#                    (fully static: --static-swift-stdlib -Xswiftc -static-executable, in .build-deploy)
#   RUNS=N           hyperfine runs for (b) (default 50); (a') RUNS_A (default 2); (d) RUNS_D (default 3)
# Needs hyperfine (apt-get install hyperfine) and GNU time (/usr/bin/time); python3 for the summary.
# Generated inputs go to Benchmarks/.build/e2e (ignored by git) and are reused when present.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
OUT="$BENCH/.build/e2e"
RUNS="${RUNS:-50}"
RUNS_D="${RUNS_D:-3}"
CORES="$(nproc)"
mkdir -p "$OUT"

if [[ -z "${SKIP_BUILD:-}" ]]; then
    (cd "$ROOT" && swift build -c release --static-swift-stdlib -Xswiftc -static-executable --scratch-path .build-deploy --product mtlint >&2)
    (cd "$BENCH" && swift build -c release --product mtlint-gen >&2)
fi
MTLINT="${MTLINT:-$ROOT/.build-deploy/release/mtlint}"
GEN="$BENCH/.build/release/mtlint-gen"
for tool in "$MTLINT" "$GEN"; do [[ -x "$tool" ]] || { echo "missing $tool (run without SKIP_BUILD)" >&2; exit 2; }; done
command -v hyperfine >/dev/null || { echo "hyperfine not found (apt-get install hyperfine)" >&2; exit 2; }

# Inputs (deterministic: same seed, same bytes).
[[ -f "$OUT/gen-2KB.txt" ]] || "$GEN" 2KB "$OUT/gen-2KB.txt"
[[ -f "$OUT/gen-20MB.txt" ]] || "$GEN" 20MB "$OUT/gen-20MB.txt"
[[ -d "$OUT/files-20KB" ]] || "$GEN" 20KB "$OUT/files-20KB" --files 1000
[[ -f "$OUT/records-2KB.jsonl" ]] || "$GEN" 2KB "$OUT/records-2KB.jsonl" --jsonl 3000
: > "$OUT/empty.txt"
SIZE_20MB=$(stat -c %s "$OUT/gen-20MB.txt")

echo "# mtlint end-to-end, $(date -u +%Y-%m-%dT%H:%M:%SZ), $CORES cores, $(uname -r)"
echo "# binary: $MTLINT"
echo "# commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

median_ms() { # hyperfine JSON -> "median min max" in ms, per command
    python3 - "$1" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print(f'{r["command"]}: median {r["median"]*1000:.1f} ms, min {t[0]*1000:.1f}, max {t[-1]*1000:.1f}, runs {len(t)}')
EOF
}

echo
echo "## (b) 2 KB article, process start to exit"
hyperfine --shell=none -i --warmup 5 --runs "$RUNS" --export-json "$OUT/b.json" \
    "$MTLINT lint $OUT/empty.txt" \
    "$MTLINT lint $OUT/gen-2KB.txt" \
    "$MTLINT lint --no-builtin-rules $OUT/gen-2KB.txt" >/dev/null
median_ms "$OUT/b.json"

echo
echo "## (a') 20 MB input, whole default rule set, process start to exit"
hyperfine --shell=none -i --warmup 0 --runs "${RUNS_A:-2}" --export-json "$OUT/a.json" \
    "$MTLINT lint --format concise $OUT/gen-20MB.txt" >/dev/null
median_ms "$OUT/a.json"
python3 - "$OUT/a.json" "$SIZE_20MB" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f'input {int(sys.argv[2])/1e6:.2f} MB -> {int(sys.argv[2])/1e6/r["median"]:.1f} MB/s end to end (median)')
EOF

echo
echo "## (c) peak memory on the 20 MB input (max RSS, 3 runs each)"
LIMIT_KB=$(( (3 * SIZE_20MB + 30 * 1024 * 1024) / 1024 ))
for command in "lint --format concise" "fix --check"; do
    rss=()
    for _ in 1 2 3; do
        /usr/bin/time -v -o "$OUT/time.txt" "$MTLINT" $command "$OUT/gen-20MB.txt" >/dev/null 2>&1 || true
        rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")")
    done
    sorted=($(printf '%s\n' "${rss[@]}" | sort -n))
    echo "mtlint $command: max RSS ${rss[*]} kB (median ${sorted[1]} kB = $(( sorted[1] / 1024 )) MB); limit 3 x $(( SIZE_20MB / 1024 / 1024 )) MB + 30 MB = $(( LIMIT_KB / 1024 )) MB -> $([[ ${sorted[1]} -le $LIMIT_KB ]] && echo PASS || echo FAIL)"
done

echo
echo "## (d) 1,000 files of 20 KB: --jobs 1 vs --jobs $CORES"
FILES_DIR="$OUT/files-20KB"
(cd "$OUT" && "$MTLINT" lint --format concise --jobs 1 files-20KB > "$OUT/d-jobs1.txt" || true)
(cd "$OUT" && "$MTLINT" lint --format concise --jobs "$CORES" files-20KB > "$OUT/d-jobsN.txt" || true)
if cmp -s "$OUT/d-jobs1.txt" "$OUT/d-jobsN.txt"; then echo "output identical: yes ($(wc -l < "$OUT/d-jobs1.txt") lines)"; else echo "output identical: NO"; fi
# Finding lines are PATH:LINE:COL: ...; the summary line at the end is not one.
paths() { grep -E '^[^:]+:[0-9]+:[0-9]+: ' "$1" | cut -d: -f1; }
if paths "$OUT/d-jobsN.txt" | LC_ALL=C sort -c 2>/dev/null; then echo "sorted by path: yes"; else echo "sorted by path: NO"; fi
echo "files with findings: $(paths "$OUT/d-jobsN.txt" | uniq | wc -l) of $(ls "$FILES_DIR" | wc -l); $(tail -1 "$OUT/d-jobsN.txt")"
hyperfine -i --warmup 1 --runs "$RUNS_D" --export-json "$OUT/d.json" \
    "cd $OUT && $MTLINT lint --format concise --jobs 1 files-20KB" \
    "cd $OUT && $MTLINT lint --format concise --jobs $CORES files-20KB" >/dev/null
median_ms "$OUT/d.json"
python3 - "$OUT/d.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f'speed-up with all cores: {r[0]["median"]/r[1]["median"]:.2f}x (target >= 1.7x)')
EOF

echo
echo "## (e) corpus mode: 3,000 JSON Lines records of 2 KB, --jobs 1 vs --jobs $CORES"
RECORDS="$OUT/records-2KB.jsonl"
hyperfine -i --warmup 1 --runs "$RUNS_D" --export-json "$OUT/e.json" \
    "$MTLINT lint --jobs 1 --jsonl text < $RECORDS" \
    "$MTLINT lint --jobs $CORES --jsonl text < $RECORDS" \
    "$MTLINT fix --jobs 1 --jsonl text < $RECORDS" \
    "$MTLINT fix --jobs $CORES --jsonl text < $RECORDS" >/dev/null
median_ms "$OUT/e.json"
python3 - "$OUT/e.json" "$(stat -c %s "$RECORDS")" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2]) / 1e6
print(f'lint: {size / r[0]["median"]:.1f} / {size / r[1]["median"]:.1f} MB/s, fix: {size / r[2]["median"]:.1f} / {size / r[3]["median"]:.1f} MB/s (one thread / all cores, {size:.2f} MB of records)')
EOF
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
