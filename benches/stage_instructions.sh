#!/usr/bin/env bash
# Instructions each pipeline stage spends per 5.1 MB of the bench corpus,
# counted by callgrind: stable on a shared, noisy machine where wall-clock
# timings are not, so that a change to a stage shows its cost to within a
# few percent.
#
#   bash benches/stage_instructions.sh                   # the release build
#   bash benches/stage_instructions.sh path/to/depeche   # another binary
#
# The corpus (../shared/bench/bulk-fr.jsonl and bulk-en-open.jsonl, 2.55 MB)
# is run twice over and four times over, one thread, counting only inside
# `Pipeline::process`; the second count minus the first is the steady state
# of two passes (5.1 MB): one-time work (regexes compiled, lazy DFAs filled,
# lexicons built on first use) cancels out. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (and callgrind_annotate)" >&2; exit 2; }
bench_dir=../shared/bench
bin=${1:-}
if [[ -z "$bin" ]]; then
    cargo build --release --quiet
    bin=target/release/depeche
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
one="$work/once.jsonl"
cat "$bench_dir/bulk-fr.jsonl" "$bench_dir/bulk-en-open.jsonl" > "$one"
cat "$one" "$one" > "$work/x2.jsonl"
cat "$one" "$one" "$one" "$one" > "$work/x4.jsonl"

# Inclusive instructions of the whole run and of each stage's `run`.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$work/$1.cg" \
        --toggle-collect='*Pipeline*process*' \
        "$bin" extract "$work/$1.jsonl" --input-format jsonl --format jsonl -q -j 1 \
        >/dev/null 2>&1
    callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$work/$1.cg" 2>/dev/null |
        python3 -c '
import re, sys
best = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(.*)", line)
    if not m:
        continue
    n, name = int(m.group(1).replace(",", "")), m.group(2)
    if "PROGRAM TOTALS" in name:
        best["total"] = n
        continue
    s = re.search(r"<depeche::stages::[a-z_:]+::(\w+) as depeche::pipeline::Stage>::run", name)
    if s:
        # A function is listed once per source file its code came from;
        # the largest entry is the whole.
        best[s.group(1)] = max(best.get(s.group(1), 0), n)
for k, v in best.items():
    print(k, v)
' > "$work/$1.txt"
}
count x2 &
count x4
wait
python3 - "$work/x2.txt" "$work/x4.txt" <<'PY'
import sys
a = dict(l.split() for l in open(sys.argv[1]))
b = dict(l.split() for l in open(sys.argv[2]))
rows = sorted(((int(b[k]) - int(a.get(k, 0))) / 1e6, k) for k in b)
print("instructions per 5.1 MB, steady state (millions):")
for v, k in reversed(rows):
    print(f"{v:9.1f}  {k}")
PY
