#!/usr/bin/env bash
# End-to-end timing of the release CLI with /usr/bin/time -v: throughput
# (MB/s, docs/s) and peak RSS on the bench corpora repeated to at least
# DEPECHE_BENCH_MB megabytes (default 50), one thread and all cores; the
# start-up time (built-in gazetteers ready, one tiny document); and, with
# --stream MB, peak RSS while MB megabytes are streamed through stdin (the
# input is generated on the fly, never stored).
#
#   bash benches/cli_end_to_end.sh                 # 50 MB of French, 50 MB of English
#   DEPECHE_BENCH_MB=100 bash benches/cli_end_to_end.sh
#   bash benches/cli_end_to_end.sh --stream 500    # and 500 MB streamed
#
# Every run checks that it wrote one record per input document, so a fast
# but broken build cannot post a number. The corpora are
# ../shared/bench/bulk-fr.jsonl and bulk-en-open.jsonl beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

stream_mb=0
if [[ "${1:-}" == "--stream" ]]; then
    stream_mb=${2:?--stream needs a size in MB}
fi
target_mb=${DEPECHE_BENCH_MB:-50}
bench_dir=../shared/bench
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

cargo build --release --quiet
bin=target/release/depeche
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)

# repeat SRC MB DST: SRC's lines repeated until DST holds MB megabytes of
# text, ids made unique. Prints the number of documents.
repeat() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src, mb, dst = sys.argv[1], float(sys.argv[2]), sys.argv[3]
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
size, n = 0, 0
with open(dst, "w", encoding="utf-8") as out:
    while size < mb * 1e6:
        for d in docs:
            out.write(json.dumps(dict(d, id=f"{d.get('id', 'doc')}#{n}"), ensure_ascii=False) + "\n")
            size += len(d["text"].encode("utf-8"))
            n += 1
print(n)
PY
}

# measure LABEL DOCS TEXT_BYTES -- COMMAND...: runs COMMAND under
# /usr/bin/time -v with its stdout counted, and prints one line.
measure() {
    local label=$1 docs=$2 bytes=$3
    shift 4
    /usr/bin/time -v -o "$work/time" "$@" > "$work/out"
    local records
    records=$(wc -l < "$work/out")
    if [[ "$records" -ne "$docs" ]]; then
        echo "$label: $records records for $docs documents" >&2
        exit 1
    fi
    local secs rss
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    awk -v l="$label" -v s="$secs" -v b="$bytes" -v d="$docs" -v r="$rss" 'BEGIN {
        printf "%-28s %7.1f MB/s %9.0f docs/s  %6.2f s  peak RSS %5.0f MB\n", l, b/1e6/s, d/s, s, r/1024 }'
}

text_bytes() {
    python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$1"
}

echo "$($bin --version 2>/dev/null || true); $cores cores; corpora repeated to ${target_mb} MB"
printf 'x\n' > "$work/tiny.txt"
best=999
for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    $bin extract -q --input-format text --lang fr "$work/tiny.txt" > /dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    (( ms < best )) && best=$ms
done
echo "start-up (built-in gazetteers, one tiny document): ${best} ms (best of 5)"

for corpus in bulk-fr bulk-en-open; do
    src=$bench_dir/$corpus.jsonl
    if [[ ! -f $src ]]; then
        echo "$corpus: $src not found, skipped"
        continue
    fi
    docs=$(repeat "$src" "$target_mb" "$work/$corpus.jsonl")
    bytes=$(text_bytes "$work/$corpus.jsonl")
    measure "$corpus, 1 thread" "$docs" "$bytes" -- $bin extract -q -j 1 "$work/$corpus.jsonl"
    measure "$corpus, $cores threads" "$docs" "$bytes" -- $bin extract -q -j "$cores" "$work/$corpus.jsonl"
    rm -f "$work/$corpus.jsonl"
done

if (( stream_mb > 0 )); then
    src=$bench_dir/bulk-fr.jsonl
    # The documents are generated into a pipe: the input is never on disk,
    # and depeche reads it from stdin as a streaming job would.
    python3 - "$src" "$stream_mb" > "$work/stream.count" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
size, n = 0, 0
while size < float(sys.argv[2]) * 1e6:
    for d in docs:
        size += len(d["text"].encode("utf-8"))
        n += 1
print(n, size)
PY
    read -r docs bytes < "$work/stream.count"
    gen() {
        python3 - "$src" "$stream_mb" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
size, n = 0, 0
out = sys.stdout
while size < float(sys.argv[2]) * 1e6:
    for d in docs:
        out.write(json.dumps(dict(d, id=f"{d.get('id', 'doc')}#{n}"), ensure_ascii=False) + "\n")
        size += len(d["text"].encode("utf-8"))
        n += 1
PY
    }
    gen | measure "stdin stream, ${stream_mb} MB" "$docs" "$bytes" -- $bin extract -q -j "$cores" -
fi
