#!/usr/bin/env bash
# End-to-end check of `mtlint lsp` with a real client: Neovim's built-in LSP client, headless
# (Debian's `neovim`, installed when missing). For each position encoding, opens a file with an
# emoji before the artifacts, checks the diagnostics' columns, applies the quick fix, fix-all
# and disable-on-this-line (scripts/neovim-lsp-check.lua). Run by .ci/run.
#
#   scripts/neovim-lsp-check.sh                    # builds mtlint (debug) first
#   MTLINT=.build/debug/mtlint scripts/neovim-lsp-check.sh
set -euo pipefail

cd "$(dirname "$0")/.."
if [[ -z "${MTLINT:-}" ]]; then
    swift build --product mtlint >&2
    MTLINT="$(swift build --show-bin-path)/mtlint"
fi
MTLINT="$(cd "$(dirname "$MTLINT")" && pwd)/$(basename "$MTLINT")"
[[ -x "$MTLINT" ]] || { echo "neovim-lsp-check: no mtlint binary at $MTLINT" >&2; exit 2; }
if ! command -v nvim >/dev/null; then
    echo "== installing neovim" >&2
    apt-get update -qq && apt-get install -y -qq neovim >/dev/null
fi

status=0
for encoding in utf-16 utf-8 utf-32; do
    work="$(mktemp -d)"
    printf '👍🏽 Zoe\xcc\x81 went on: “we stop it now, ”he said.\n- Advertisment -\nThe talks went on.\n' > "$work/article.txt"
    printf '# Notes\n\nThey met the head of French diplomacy.\n' > "$work/notes.md"
    # A test that hangs fails: nvim gets two minutes.
    if ! MTLINT="$MTLINT" WORKDIR="$work" ENCODING="$encoding" timeout 120 \
        nvim --headless -u NONE -i NONE -n -c "luafile scripts/neovim-lsp-check.lua" 2>&1; then
        echo "neovim-lsp-check: failed with $encoding positions" >&2
        status=1
    fi
    rm -rf "$work"
done
[[ $status -eq 0 ]] && echo "neovim-lsp-check: passed with Neovim $(nvim --version | head -1 | cut -d' ' -f2)"
exit $status
