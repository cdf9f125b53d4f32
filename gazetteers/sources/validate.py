#!/usr/bin/env python3
"""Validate every gazetteers/*.tsv: header row, 5 tab-separated fields, known type, non-empty
surface and canonical, attrs as key=value;..., no duplicate (surface, type, canonical).
Prints `file:line: what is wrong` for each bad row and the counts by type per file; exits 1 on error."""
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import OUT, HEADER, TYPES  # noqa: E402

KEYS = {"lang", "country", "kind", "case", "pop", "gender", "number", "event", "form", "voice", "tense", "parties"}


def main():
    bad = 0
    total_size = 0
    for path in sorted(glob.glob(os.path.join(OUT, "*.tsv"))):
        name = os.path.basename(path)
        total_size += os.path.getsize(path)
        counts, seen, header = {}, set(), False
        with open(path, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                if not header:
                    if line != HEADER:
                        print("%s:%d: expected header %r" % (name, ln, HEADER)); bad += 1
                    header = True
                    continue
                f = line.split("\t")
                err = None
                if len(f) != 5:
                    err = "expected 5 fields, got %d" % len(f)
                elif not f[0].strip() or f[0] != f[0].strip():
                    err = "empty surface or surrounding spaces"
                elif f[1] not in TYPES:
                    err = "unknown type %r" % f[1]
                elif not f[2].strip():
                    err = "empty canonical"
                elif f[4]:
                    for kv in f[4].split(";"):
                        k, _, v = kv.partition("=")
                        if not v or k not in KEYS:
                            err = "bad attribute %r" % kv
                            break
                        if k == "case" and v not in ("exact", "upper"):
                            err = "bad case value %r" % v
                if err is None:
                    key = (f[0], f[1], f[2])
                    if key in seen:
                        err = "duplicate row %r" % (key,)
                    seen.add(key)
                if err:
                    print("%s:%d: %s" % (name, ln, err)); bad += 1
                    continue
                counts[f[1]] = counts.get(f[1], 0) + 1
        print("%-20s %7d rows %8.1f KB  %s" % (name, sum(counts.values()), os.path.getsize(path) / 1024,
                                                dict(sorted(counts.items()))))
    print("total size: %.2f MB; bad rows: %d" % (total_size / 1048576, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
