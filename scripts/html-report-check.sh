#!/usr/bin/env bash
# Opt-in check of the HTML report in a real browser: writes the report of Examples/article.txt,
# loads it in headless Chromium (Debian's `chromium`, installed when missing: a large download)
# and checks the rendered page against `mtlint lint --format json` (scripts/html-report-check.py),
# then saves the screenshot the README shows. Not run by `swift test` or CI.
#
#   scripts/html-report-check.sh                        # builds mtlint (debug) first
#   MTLINT=/path/to/mtlint SCREENSHOT=/tmp/r.png scripts/html-report-check.sh
set -euo pipefail

cd "$(dirname "$0")/.."
SCREENSHOT="${SCREENSHOT:-docs/images/html-report.png}"
INPUT="${INPUT:-Examples/article.txt}"

if [[ -z "${MTLINT:-}" ]]; then
    swift build --product mtlint >&2
    MTLINT="$(swift build --show-bin-path)/mtlint"
fi
[[ -x "$MTLINT" ]] || { echo "html-report-check: no mtlint binary at $MTLINT" >&2; exit 2; }

CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$CHROMIUM" ]]; then
    echo "== installing chromium (large)" >&2
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    CHROMIUM="$(command -v chromium)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Exit status 1 means findings, which the report is about.
"$MTLINT" lint --format html "$INPUT" > "$work/report.html" || [[ $? -eq 1 ]]
"$MTLINT" lint --format json "$INPUT" > "$work/findings.json" || [[ $? -eq 1 ]]
mkdir -p "$(dirname "$SCREENSHOT")"
python3 scripts/html-report-check.py "$CHROMIUM" "$work/report.html" "$work/findings.json" "$SCREENSHOT"
