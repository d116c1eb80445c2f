#!/usr/bin/env bash
# Opt-in end-to-end check of corpus mode under Apache Spark: installs PySpark into a
# throwaway virtual environment (a large download; needs Java 17+), starts a local Spark
# session and pipes 1,000 JSON records through `mtlint fix --jsonl text` with RDD.pipe.
# Not run by `swift test` or CI.
#
#   scripts/spark-smoke.sh                 # builds mtlint (debug) first
#   MTLINT=/path/to/mtlint scripts/spark-smoke.sh
#   PYSPARK_VERSION=4.3.0 VENV=/tmp/venv scripts/spark-smoke.sh
set -euo pipefail

cd "$(dirname "$0")/.."
PYSPARK_VERSION="${PYSPARK_VERSION:-4.3.0}"
VENV="${VENV:-${TMPDIR:-/tmp}/mtlint-spark-venv}"

if [[ -z "${MTLINT:-}" ]]; then
    swift build --product mtlint >&2
    MTLINT="$(swift build --show-bin-path)/mtlint"
fi
[[ -x "$MTLINT" ]] || { echo "spark-smoke: no mtlint binary at $MTLINT" >&2; exit 2; }
command -v java >/dev/null || { echo "spark-smoke: Spark needs Java (17 or later)" >&2; exit 2; }

if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet "pyspark==$PYSPARK_VERSION"

MTLINT="$MTLINT" "$VENV/bin/python" - <<'PY'
import json, os, sys, time
from pyspark.sql import SparkSession

mtlint = os.environ["MTLINT"]
texts = [
    "Talks resumed on Monday. “We will not stop it now, ”he said.",
    "The council met on Tuesday to discuss the budget.",
    "Story of the day.\n\nMust read\n\nThe vote is on Friday.",
    "Prices rose by three per cent in May, the office said.",
]
records = [json.dumps({"id": i, "text": texts[i % 4], "source": "wire"}, ensure_ascii=False)
           for i in range(1000)]
records[500] = "this line is not JSON"

start = time.time()
spark = SparkSession.builder.master("local[2]").appName("mtlint-smoke").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
out = spark.sparkContext.parallelize(records, 4).pipe(f"{mtlint} fix --jsonl text").collect()
spark.stop()
elapsed = time.time() - start

problems = []
if len(out) != len(records):
    problems.append(f"{len(out)} lines out for {len(records)} in")
for i, (line_in, line_out) in enumerate(zip(records, out)):
    if i == 500:
        if line_out != line_in:
            problems.append("the bad record was not passed through unchanged")
        continue
    rec = json.loads(line_out)
    if rec["id"] != i or rec["source"] != "wire":
        problems.append(f"record {i}: fields not passed through: {line_out}")
    expected = {0: 1, 1: 0, 2: 1, 3: 0}[i % 4]
    if rec.get("mtlint_fixes") != expected:
        problems.append(f"record {i}: mtlint_fixes {rec.get('mtlint_fixes')}, expected {expected}")
    if i % 4 == 2 and "Must read" in rec["text"]:
        problems.append(f"record {i}: not fixed: {rec['text']!r}")
for p in problems[:20]:
    print("spark-smoke:", p, file=sys.stderr)
print(f"spark-smoke: {len(out)} records through Spark RDD.pipe in {elapsed:.1f} s: "
      + ("FAILED" if problems else "ok"))
sys.exit(1 if problems else 0)
PY
