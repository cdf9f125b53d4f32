#!/usr/bin/env bash
# Runs the Spark job in local[2] on a few thousand documents and checks that its
# records and events table equal those of one local `depeche extract` run.
# Needs Java 17+ and pyspark (`pip install -r examples/spark/requirements.txt`);
# run from the repository root (PYTHON names the interpreter that has pyspark):
#   bash examples/spark/check_local.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=../shared/bench/bulk-fr.jsonl
if [ ! -f "$corpus" ]; then
    corpus=examples/batch.jsonl
fi
# A few thousand documents: the corpus repeated, ids made unique.
python3 - "$corpus" "$work/docs.jsonl" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    n = 0
    while n < 3000:
        for d in docs:
            d = dict(d, id=f"{d.get('id', 'doc')}#{n}")
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
PY
python=${PYTHON:-python3}
# Spark binds to loopback: this job needs no network.
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
./target/release/depeche extract -q "$work/docs.jsonl" > "$work/local.jsonl"
./target/release/depeche extract -q "$work/docs.jsonl" --format csv --table events > "$work/local-events.csv"
"$python" examples/spark/depeche_spark.py --binary target/release/depeche \
    --input "$work/docs.jsonl" --output "$work/spark" --master 'local[2]'
python3 - "$work/local.jsonl" "$work/spark/records" "$work/local-events.csv" "$work/spark/events.csv" <<'PY'
import csv, glob, json, sys
local = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
spark = [json.loads(l) for f in sorted(glob.glob(sys.argv[2] + "/part-*")) for l in open(f, encoding="utf-8")]
by_id = {r["id"]: r for r in spark}
assert len(spark) == len(local), f"{len(spark)} Spark records for {len(local)} documents"
diff = [r["id"] for r in local if by_id.get(r["id"]) != r]
assert not diff, f"{len(diff)} records differ, first: {diff[:3]}"
local_events = list(csv.reader(open(sys.argv[3], encoding="utf-8", newline="")))
spark_events = list(csv.reader(open(sys.argv[4], encoding="utf-8", newline="")))
assert local_events[0] == spark_events[0], f"headers differ: {local_events[0]} vs {spark_events[0]}"
assert sorted(local_events[1:]) == sorted(spark_events[1:]), "the events tables differ"
assert len(local_events) > 1, "no event found: nothing was compared"
print(f"ok: {len(local)} records and {len(local_events) - 1} events, identical to the local run")
PY
