"""Run depeche over a JSONL corpus with Spark's RDD.pipe and write the events table.

Each executor streams its partition's JSON lines through the `depeche` binary
(`depeche extract -q -j 1`: JSONL in, JSONL out, one record per line, in order),
so Spark does the fan-out and depeche stays a plain Unix filter.

Usage (local mode; on a cluster, see README.md beside this file):

    python3 depeche_spark.py --binary ../../target/release/depeche \
        --input docs.jsonl --output out/ --master 'local[2]'

Writes `out/records/` (one JSONL record per input document) and `out/events.csv`
(the events table of CONTRACT §2, one file, header first).
"""
import argparse
import csv
import json
import os
import sys

EVENTS_HEADER = ["doc_id", "event_id", "type", "date", "date_source", "location",
                 "participants", "roles", "trigger", "sentence", "status"]


def event_rows(record):
    """The events.csv rows of one depeche record (same columns as `--table events`)."""
    for e in record.get("events", []):
        roles = []
        for p in e["participants"]:
            role, org = p.get("role"), p.get("org")
            roles.append(", ".join(x for x in (role, org) if x))
        yield [record["id"], e["id"], e["type"], e.get("date") or "", e["date_source"],
               e.get("location") or "", "; ".join(p["name"] for p in e["participants"]),
               "; ".join(roles), e["trigger"]["text"], e["sentence"].get("text", ""),
               e.get("status", "")]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True, help="path to the depeche binary on every executor")
    ap.add_argument("--input", required=True, help="JSONL corpus (one document per line)")
    ap.add_argument("--output", required=True, help="output folder")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master(args.master).appName("depeche").getOrCreate()
    try:
        sc = spark.sparkContext
        binary = os.path.abspath(args.binary)
        lines = sc.textFile(args.input, minPartitions=args.partitions).filter(lambda l: l.strip())
        # -q: no summary on stderr; -j 1: one thread per task, Spark runs the tasks in parallel.
        records = lines.pipe(f"{binary} extract -q -j 1").map(json.loads)
        records = records.cache()
        records.map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(
            os.path.join(args.output, "records"))
        rows = records.flatMap(lambda r: list(event_rows(r))).collect()
        with open(os.path.join(args.output, "events.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(EVENTS_HEADER)
            w.writerows(rows)
        print(f"{records.count()} records, {len(rows)} events", file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
