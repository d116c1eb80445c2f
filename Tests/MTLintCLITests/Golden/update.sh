#!/bin/sh
# Rewrites the output-format golden files from the current build. Review the diff before
# committing: each golden is a claim about mtlint's output (see OutputFormatGoldenTests.swift).
set -e
cd "$(dirname "$0")/../../.."
MTLINT_UPDATE_GOLDEN=1 swift test --filter OutputFormatGoldenTests "$@"
git --no-pager diff --stat -- Tests/MTLintCLITests/Golden
