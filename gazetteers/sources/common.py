"""Shared helpers for the depeche gazetteer build scripts.

Pure standard library. Used by build_*.py in this folder.
Word lists: Debian packages `wfrench`, `wamerican`, `wbritish`
(/usr/share/dict/{french,american-english,british-english}); install them with
`apt-get install wfrench wamerican wbritish`. They decide `case=exact` mechanically:
an entry whose lower-cased surface is listed there in lower case (i.e. is a common
word) only matches with the capitalisation given.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)  # gazetteers/
RETRIEVED = "2026-11-24"
HEADER = "surface\ttype\tcanonical\tid\tattrs"
TYPES = {"PER", "ORG", "LOC", "MISC", "TITLE", "HONORIFIC", "GIVEN", "TRIGGER"}

DICT_FILES = [
    "/usr/share/dict/french",
    "/usr/share/dict/american-english",
    "/usr/share/dict/british-english",
]

_words = None


def common_words():
    """Lower-case words of French and English (only forms listed in lower case)."""
    global _words
    if _words is None:
        _words = set()
        missing = [f for f in DICT_FILES if not os.path.exists(f)]
        if missing:
            sys.exit("missing word lists %s: apt-get install wfrench wamerican wbritish" % missing)
        for f in DICT_FILES:
            with open(f, encoding="utf-8", errors="replace") as fh:
                for w in fh:
                    w = w.strip()
                    if w and w == w.lower():
                        _words.add(w)
                        if w.endswith("'s"):
                            continue
    return _words


def is_common_word(surface):
    return norm_apos(surface).lower() in common_words()


def norm_apos(s):
    return s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").replace("\u202f", " ")


def is_all_caps(s):
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def case_attr(surface, force_exact=False):
    """Return the case=... attr for a surface, or ''."""
    if is_all_caps(surface):
        return "case=upper"
    if force_exact or is_common_word(surface):
        return "case=exact"
    return ""


def attrs_str(*parts, **kw):
    items = [p for p in parts if p]
    for k, v in kw.items():
        if v is not None and v != "":
            items.append("%s=%s" % (k, v))
    # keep order stable, drop duplicates of the same key (first wins)
    seen = set()
    out = []
    for it in items:
        for sub in it.split(";"):
            if not sub or sub.endswith("="):
                continue
            k = sub.split("=", 1)[0]
            if k in seen:
                continue
            seen.add(k)
            out.append(sub)
    return ";".join(out)


class Writer:
    """Collects rows, drops duplicates (surface+type+canonical), writes the TSV."""

    def __init__(self, path, header_comments):
        self.path = path
        self.header_comments = header_comments
        self.sections = []  # (comment, rows)
        self.keys = set()
        self.count = {}

    def section(self, comment):
        self.sections.append((comment, []))

    def add(self, surface, typ, canonical, id_="", attrs=""):
        surface = norm_apos(surface).strip()
        canonical = norm_apos(canonical).strip()
        surface = re.sub(r"\s+", " ", surface)
        if not surface or typ not in TYPES:
            return False
        for f in (surface, canonical, id_, attrs):
            if "\t" in f or "\n" in f:
                raise ValueError("tab/newline in field: %r" % f)
        key = (surface, typ, canonical)
        if key in self.keys:
            return False
        self.keys.add(key)
        if not self.sections:
            self.section("")
        self.sections[-1][1].append((surface, typ, canonical, id_ or "", attrs or ""))
        self.count[typ] = self.count.get(typ, 0) + 1
        return True

    def has(self, surface, typ, canonical):
        return (norm_apos(surface), typ, norm_apos(canonical)) in self.keys

    def write(self):
        with open(self.path, "w", encoding="utf-8", newline="\n") as fh:
            for c in self.header_comments:
                fh.write("# " + c + "\n" if c else "#\n")
            fh.write(HEADER + "\n")
            for comment, rows in self.sections:
                if not rows:
                    continue
                if comment:
                    fh.write("\n")
                    for line in comment.split("\n"):
                        fh.write("# " + line + "\n")
                for r in rows:
                    fh.write("\t".join(r) + "\n")
        total = sum(self.count.values())
        print("%s: %d rows %s" % (os.path.relpath(self.path, OUT), total, dict(sorted(self.count.items()))))


def read_hand_tsv(name):
    """Read a hand-written TSV in sources/ (comments '#', blank lines skipped)."""
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append((ln, line.split("\t")))
    return rows
