#!/usr/bin/env python3
"""Build gazetteers/demonyms.tsv (type MISC, kind=demonym) from the hand-written
sources/demonyms-hand.tsv (general knowledge) and the canonical country names of
build_places.py (pycountry + CLDR via babel), so that a demonym links to the same
canonical/id as the country in places.tsv.

French: lower case, four forms (m sg, f sg, m pl, f pl) derived by rule unless given.
English: capitalised adjective(s) and plural noun(s); case=exact when the lower-case form is
a common English/French word (Polish, Turkish?...), decided with the Debian word lists.
pip packages: pycountry==26.2.16, babel==2.18.0 (through build_places).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Writer, OUT, RETRIEVED, is_common_word, attrs_str, read_hand_tsv  # noqa: E402
from build_places import country_canonicals  # noqa: E402

# Demonyms of regions, continents and historical states (id, fr canonical, en canonical, fr m sg, en adj, en plural)
EXTRA = [
    ("gb-eng", "Angleterre", "England", "anglais", "English", "Englishmen"),
    ("gb-sct", "Écosse", "Scotland", "écossais", "Scottish|Scots", "Scots"),
    ("gb-wls", "Pays de Galles", "Wales", "gallois", "Welsh", "Welshmen"),
    ("cont:europe", "Europe", "Europe", "européen", "European", ""),
    ("cont:africa", "Afrique", "Africa", "africain", "African", ""),
    ("cont:asia", "Asie", "Asia", "asiatique", "Asian", ""),
    ("cont:oceania", "Océanie", "Oceania", "océanien", "Oceanian", ""),
    ("reg:latin-america", "Amérique latine", "Latin America", "latino-américain", "Latin American", ""),
    ("hist:su", "Union soviétique", "Soviet Union", "soviétique", "Soviet", ""),
    ("hist:yu", "Yougoslavie", "Yugoslavia", "yougoslave", "Yugoslav", ""),
    ("reg:kurdistan", "Kurdistan", "Kurdistan", "kurde", "Kurdish", "Kurds"),
    ("reg:caucasus", "Caucase", "Caucasus", "caucasien", "Caucasian", ""),
    ("reg:karabakh", "Karabagh", "Karabakh", "karabakhi,karabakhie", "Karabakhi", ""),
    ("reg:crimea", "Crimée", "Crimea", "criméen", "Crimean", ""),
    ("reg:chechnya", "Tchétchénie", "Chechnya", "tchétchène", "Chechen", ""),
    ("reg:catalonia", "Catalogne", "Catalonia", "catalan", "Catalan", ""),
    ("reg:tibet", "Tibet", "Tibet", "tibétain", "Tibetan", ""),
    ("reg:flanders", "Flandre", "Flanders", "flamand", "Flemish", ""),
    ("reg:maghreb", "Maghreb", "Maghreb", "maghrébin", "Maghrebi", ""),
    ("reg:balkans", "Balkans", "Balkans", "balkanique", "Balkan", ""),
    ("reg:sahel", "Sahel", "Sahel", "sahélien", "Sahelian", ""),
    ("reg:quebec", "Québec", "Québec", "québécois", "Quebecer|Quebecois", "Quebecers"),
    ("gb-nir", "Irlande du Nord", "Northern Ireland", "nord-irlandais", "Northern Irish", ""),
    ("reg:middle-east", "Moyen-Orient", "Middle East", "moyen-oriental,moyen-orientale,moyen-orientaux,moyen-orientales",
     "Middle Eastern", ""),
]


def french_forms(spec):
    parts = [p.strip() for p in spec.split(",")]
    m = parts[0]
    if m.endswith("e"):
        f, mp, fp = m, m + "s", m + "s"
    elif m.endswith(("s", "x")):
        f, mp, fp = m + "e", m, m + "es"
    elif m.endswith(("ien", "éen", "en", "on")):
        f, mp, fp = m + "ne", m + "s", m + "nes"
    elif m.endswith("al"):
        f, mp, fp = m + "e", m[:-2] + "aux", m + "es"
    else:
        f, mp, fp = m + "e", m + "s", m + "es"
    given = parts + [""] * (4 - len(parts))
    f = given[1] or f
    if given[1] and not given[3]:
        fp = f + "s"
    mp = given[2] or mp
    fp = given[3] or fp
    return [(m, "m", "sg"), (f, "f", "sg"), (mp, "m", "pl"), (fp, "f", "pl")]


def merge_fr(forms):
    """One row per distinct surface; gender/number left empty where the surface is shared (russe: m and f)."""
    out = {}
    for s, g, n in forms:
        out.setdefault(s, []).append((g, n))
    res = []
    for s, gn in out.items():
        gs = {g for g, _ in gn}
        ns = {n for _, n in gn}
        res.append((s, gs.pop() if len(gs) == 1 else "", ns.pop() if len(ns) == 1 else ""))
    return res


def english_forms(adjs, plurals):
    adjs = [a for a in adjs.split("|") if a]
    out = [(a, "") for a in adjs]
    pl = [p for p in plurals.split("|") if p] if plurals else []
    if not pl:
        for a in adjs:
            if a.endswith(("an", "i", "ian", "er")) or a in ("Greek", "Kazakh", "Kyrgyz", "Thai", "Czech", "Slovak",
                                                            "Somali", "Turkmen", "Swazi", "Uzbek", "Tajik", "Soviet"):
                if " " not in a or a.endswith("an"):
                    pl.append(a + "s")
    out += [(p, "pl") for p in pl]
    return out


def main():
    canon = country_canonicals()
    w = Writer(os.path.join(OUT, "demonyms.tsv"), [
        "demonyms and nationality adjectives (type MISC, kind=demonym), French and English",
        "source: written by hand from general knowledge (gazetteers/sources/demonyms-hand.tsv); canonical country names from Unicode CLDR via babel 2.18.0 and pycountry 26.2.16",
        "licence: CC BY 4.0 (hand-written list); CLDR names: Unicode licence v3",
        "retrieved: " + RETRIEVED,
        "generated by: gazetteers/sources/build_demonyms.py",
        "French forms are lower case (m sg, f sg, m pl, f pl); English forms capitalised",
    ])
    rows = []
    for ln, f in read_hand_tsv("demonyms-hand.tsv"):
        if len(f) < 3:
            sys.exit("demonyms-hand.tsv:%d: needs at least 3 columns" % ln)
        code = f[0]
        if code not in canon["fr"]:
            sys.exit("demonyms-hand.tsv:%d: unknown ISO code %s" % (ln, code))
        rows.append((code, canon["fr"][code], canon["en"][code], f[1], f[2], f[3] if len(f) > 3 else ""))
    w.section("--- countries")
    for code, cfr, cen, fr, en, enpl in rows:
        country = "country=%s;" % code
        for s, g, n in merge_fr(french_forms(fr)):
            w.add(s, "MISC", cfr, code, attrs_str("kind=demonym", country, "lang=fr", "gender=" + g, "number=" + n))
        for s, n in english_forms(en, enpl):
            w.add(s, "MISC", cen, code, attrs_str("kind=demonym", country, "lang=en", "number=" + n if n else "",
                                                  "case=exact" if is_common_word(s) else ""))
    w.section("--- regions, continents and historical states")
    for id_, cfr, cen, fr, en, enpl in EXTRA:
        for s, g, n in merge_fr(french_forms(fr)):
            w.add(s, "MISC", cfr, id_, attrs_str("kind=demonym", "lang=fr", "gender=" + g, "number=" + n))
        for s, n in english_forms(en, enpl):
            w.add(s, "MISC", cen, id_, attrs_str("kind=demonym", "lang=en", "number=" + n if n else "",
                                                 "case=exact" if is_common_word(s) else ""))
    w.write()


if __name__ == "__main__":
    main()
