#!/usr/bin/env bash
# Runs the Spark job in local[2] on a few thousand documents and checks that its
# records equal those of one local `depeche extract` run. Needs Java 17+ and
# pyspark (pip install pyspark); run from the repository root:
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
./target/release/depeche extract -q "$work/docs.jsonl" > "$work/local.jsonl"
python3 examples/spark/depeche_spark.py --binary target/release/depeche \
    --input "$work/docs.jsonl" --output "$work/spark" --master 'local[2]'
python3 - "$work/local.jsonl" "$work/spark/records" <<'PY'
import glob, json, sys
local = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
spark = [json.loads(l) for f in sorted(glob.glob(sys.argv[2] + "/part-*")) for l in open(f, encoding="utf-8")]
by_id = {r["id"]: r for r in spark}
assert len(spark) == len(local), f"{len(spark)} Spark records for {len(local)} documents"
diff = [r["id"] for r in local if by_id.get(r["id"]) != r]
assert not diff, f"{len(diff)} records differ, first: {diff[:3]}"
print(f"ok: {len(local)} records, identical to the local run")
PY
