#!/usr/bin/env python3
"""Build gazetteers/titles.tsv (types TITLE and HONORIFIC).

All data below is written by hand from general knowledge (no external source).
Pure standard library.  French titles are lower case except where French writes a capital
(Premier ministre, ministre de la Défense, Affaires étrangères); English titles lower case.
Feminine forms link to the masculine canonical form.  Equivalent French and English roles share
an id (title:<slug>).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Writer, OUT, RETRIEVED, attrs_str  # noqa: E402

# (slug, kind, French forms (first = canonical), English forms (first = canonical))
TITLES = [
    # --- state and government
    ("president", "government", ["président", "présidente"], ["president"]),
    ("president-republic", "government", ["président de la République", "présidente de la République"],
     ["president of the Republic"]),
    ("president-elect", "government", ["président élu", "présidente élue"], ["president-elect", "president elect"]),
    ("vice-president", "government", ["vice-président", "vice-présidente"], ["vice president", "vice-president"]),
    ("prime-minister", "government", ["Premier ministre", "Première ministre", "premier ministre", "première ministre"],
     ["prime minister"]),
    ("deputy-prime-minister", "government", ["vice-Premier ministre", "vice-premier ministre", "vice-Première ministre"],
     ["deputy prime minister", "vice premier", "vice-premier"]),
    ("first-deputy-prime-minister", "government", ["premier vice-Premier ministre", "premier vice-premier ministre"],
     ["first deputy prime minister"]),
    ("minister", "government", ["ministre"], ["minister"]),
    ("deputy-minister", "government", ["vice-ministre", "ministre adjoint", "ministre adjointe"], ["deputy minister"]),
    ("minister-delegate", "government", ["ministre délégué", "ministre déléguée"], ["minister delegate", "junior minister"]),
    ("secretary-of-state-junior", "government", ["secrétaire d'État", "secrétaire d'Etat"], []),
    ("secretary-of-state-us", "government", [], ["secretary of state", "US secretary of state", "U.S. secretary of state"]),
    ("head-of-state", "government", ["chef de l'État", "chef d'État", "cheffe de l'État", "chef de l'Etat", "chef d'Etat"],
     ["head of state"]),
    ("head-of-government", "government", ["chef du gouvernement", "cheffe du gouvernement"], ["head of government"]),
    ("chancellor", "government", ["chancelier", "chancelière"], ["chancellor"]),
    ("federal-chancellor", "government", ["chancelier fédéral"], ["federal chancellor"]),
    ("governor", "government", ["gouverneur", "gouverneure"], ["governor"]),
    ("mayor", "government", ["maire"], ["mayor"]),
    ("police-chief", "government", ["chef de la police", "préfet de police"], ["police chief", "chief of police"]),
    ("deputy-mayor", "government", ["maire adjoint", "adjoint au maire", "adjointe au maire"], ["deputy mayor"]),
    ("prefect", "government", ["préfet", "préfète"], ["prefect"]),
    ("deputy", "government", ["député", "députée", "députés", "députées", "parlementaire"],
     ["member of parliament", "MP", "lawmaker", "legislator", "deputy"]),
    ("mep", "government", ["député européen", "députée européenne", "eurodéputé", "eurodéputée"],
     ["member of the European Parliament", "MEP"]),
    ("senator", "government", ["sénateur", "sénatrice"], ["senator"]),
    ("congressman", "government", ["membre du Congrès"], ["congressman", "congresswoman"]),
    ("speaker", "government", ["président de l'Assemblée nationale", "présidente de l'Assemblée nationale",
                               "président du Parlement", "présidente du Parlement", "président de la Douma",
                               "président du Sénat", "présidente du Sénat"],
     ["speaker", "speaker of the House", "parliament speaker"]),
    ("president-commission", "government", ["président de la Commission européenne", "présidente de la Commission européenne"],
     ["president of the European Commission", "European Commission president"]),
    ("commissioner", "government", ["commissaire", "commissaire européen", "commissaire européenne"],
     ["commissioner", "European commissioner", "EU commissioner"]),
    ("high-representative", "government", ["haut représentant", "haute représentante",
                                           "haut représentant de l'Union pour les affaires étrangères et la politique de sécurité"],
     ["high representative", "EU foreign policy chief"]),
    ("spokesperson", "government", ["porte-parole"], ["spokesperson", "spokesman", "spokeswoman", "press secretary"]),
    ("adviser", "government", ["conseiller", "conseillère"], ["adviser", "advisor"]),
    ("national-security-adviser", "government", ["conseiller à la sécurité nationale", "conseillère à la sécurité nationale"],
     ["national security adviser", "national security advisor"]),
    ("chief-of-staff-civil", "government", ["directeur de cabinet", "directrice de cabinet", "chef de cabinet"],
     ["chief of staff"]),
    ("president-regional", "government", ["président du conseil régional", "présidente du conseil régional",
                                          "président du conseil départemental", "présidente du conseil départemental"],
     []),
    # --- diplomacy
    ("ambassador", "diplomatic", ["ambassadeur", "ambassadrice"], ["ambassador"]),
    ("ambassador-extraordinary", "diplomatic", ["ambassadeur extraordinaire et plénipotentiaire",
                                                "ambassadrice extraordinaire et plénipotentiaire"],
     ["ambassador extraordinary and plenipotentiary"]),
    ("diplomat", "diplomatic", ["diplomate"], ["diplomat"]),
    ("envoy", "diplomatic", ["envoyé spécial", "envoyée spéciale", "émissaire"], ["special envoy", "envoy", "emissary"]),
    ("special-representative", "diplomatic", ["représentant spécial", "représentante spéciale"], ["special representative"]),
    ("permanent-representative", "diplomatic", ["représentant permanent", "représentante permanente"],
     ["permanent representative"]),
    ("consul", "diplomatic", ["consul", "consule", "consul général", "consule générale"], ["consul", "consul general"]),
    ("charge-affaires", "diplomatic", ["chargé d'affaires", "chargée d'affaires"], ["chargé d'affaires", "charge d'affaires"]),
    ("attache", "diplomatic", ["attaché", "attachée", "attaché de défense", "attaché militaire"],
     ["attaché", "attache", "defence attaché", "military attaché"]),
    ("co-chair", "diplomatic", ["coprésident", "coprésidente", "co-président", "co-présidente"], ["co-chair", "co-chairman"]),
    ("secretary-general", "diplomatic", ["secrétaire général", "secrétaire générale"], ["secretary-general", "secretary general"]),
    ("un-secretary-general", "diplomatic", ["secrétaire général de l'ONU", "secrétaire générale de l'ONU",
                                            "secrétaire général des Nations unies"],
     ["UN secretary-general", "U.N. secretary-general", "UN Secretary-General", "secretary-general of the United Nations"]),
    ("nato-secretary-general", "diplomatic", ["secrétaire général de l'OTAN", "secrétaire général de l'Otan"],
     ["NATO secretary-general", "NATO secretary general"]),
    ("director-general", "corporate", ["directeur général", "directrice générale"], ["director-general", "director general"]),
    ("high-commissioner", "diplomatic", ["haut-commissaire", "haute-commissaire", "haut commissaire"], ["high commissioner"]),
    # --- royalty and traditional rulers
    ("king", "royal", ["roi"], ["king"]),
    ("queen", "royal", ["reine"], ["queen"]),
    ("prince", "royal", ["prince", "princesse"], ["prince", "princess"]),
    ("crown-prince", "royal", ["prince héritier"], ["crown prince"]),
    ("emir", "royal", ["émir", "emir"], ["emir", "amir"]),
    ("sultan", "royal", ["sultan"], ["sultan"]),
    ("emperor", "royal", ["empereur", "impératrice"], ["emperor", "empress"]),
    ("grand-duke", "royal", ["grand-duc", "grande-duchesse"], ["grand duke", "grand duchess"]),
    ("sheikh", "royal", ["cheikh"], ["sheikh", "sheik"]),
    # --- military
    ("general", "military", ["général", "générale"], ["general", "Gen."]),
    ("colonel-general", "military", ["colonel général", "colonel-général"], ["colonel general"]),
    ("army-general", "military", ["général d'armée"], ["general of the army", "army general"]),
    ("corps-general", "military", ["général de corps d'armée"], ["lieutenant general", "Lt. Gen."]),
    ("division-general", "military", ["général de division"], ["major general", "Maj. Gen."]),
    ("brigade-general", "military", ["général de brigade"], ["brigadier general", "brigadier", "Brig. Gen."]),
    ("lieutenant-general", "military", ["lieutenant-général", "lieutenant général"], []),
    ("major-general", "military", ["major général", "général-major"], []),
    ("colonel", "military", ["colonel", "colonelle"], ["colonel", "Col."]),
    ("lieutenant-colonel", "military", ["lieutenant-colonel"], ["lieutenant colonel", "lieutenant-colonel", "Lt. Col."]),
    ("commandant", "military", ["commandant", "commandante"], ["commander"]),
    ("captain", "military", ["capitaine"], ["captain", "Capt."]),
    ("lieutenant", "military", ["lieutenant", "lieutenante", "sous-lieutenant"], ["lieutenant", "second lieutenant"]),
    ("sergeant", "military", ["sergent", "sergent-chef", "adjudant"], ["sergeant", "Sgt."]),
    ("admiral", "military", ["amiral"], ["admiral", "Adm."]),
    ("vice-admiral", "military", ["vice-amiral", "vice-amiral d'escadre"], ["vice admiral", "vice-admiral"]),
    ("rear-admiral", "military", ["contre-amiral"], ["rear admiral", "rear-admiral"]),
    ("marshal", "military", ["maréchal"], ["marshal", "field marshal"]),
    ("air-marshal", "military", ["général de l'armée de l'air"], ["air marshal", "air chief marshal"]),
    ("chief-of-staff", "military", ["chef d'état-major", "cheffe d'état-major"], ["chief of staff", "chief of the general staff"]),
    ("chief-of-defence-staff", "military", ["chef d'état-major des armées", "chef d'état-major général",
                                            "chef de l'état-major général"],
     ["chief of the defence staff", "chief of defence staff", "chief of the defense staff"]),
    ("cjcs", "military", ["chef d'état-major interarmées des États-Unis"],
     ["chairman of the Joint Chiefs of Staff", "chairman of the Joint Chiefs"]),
    ("commander-in-chief", "military", ["commandant en chef", "chef des armées", "commandant suprême"],
     ["commander-in-chief", "commander in chief", "supreme commander"]),
    ("saceur", "military", ["commandant suprême des forces alliées en Europe"], ["Supreme Allied Commander Europe", "SACEUR"]),
    # --- religious
    ("pope", "religious", ["pape"], ["pope"]),
    ("cardinal", "religious", ["cardinal"], ["cardinal"]),
    ("archbishop", "religious", ["archevêque"], ["archbishop"]),
    ("bishop", "religious", ["évêque"], ["bishop"]),
    ("priest", "religious", ["prêtre", "abbé", "curé"], ["priest", "Father"]),
    ("patriarch", "religious", ["patriarche"], ["patriarch"]),
    ("catholicos", "religious", ["catholicos"], ["catholicos"]),
    ("imam", "religious", ["imam"], ["imam"]),
    ("mullah", "religious", ["mollah"], ["mullah"]),
    ("grand-mufti", "religious", ["grand mufti", "mufti"], ["grand mufti", "mufti"]),
    ("sheikh-ul-islam", "religious", ["cheikh-ul-islam", "cheikh ul-islam"], ["sheikh-ul-Islam", "Sheikh ul-Islam"]),
    ("ayatollah", "religious", ["ayatollah", "grand ayatollah"], ["ayatollah", "grand ayatollah"]),
    ("supreme-leader", "religious", ["guide suprême", "Guide suprême"], ["supreme leader", "Supreme Leader"]),
    ("rabbi", "religious", ["rabbin", "grand rabbin"], ["rabbi", "chief rabbi"]),
    ("dalai-lama", "religious", ["dalaï-lama"], ["Dalai Lama"]),
    ("pastor", "religious", ["pasteur", "pasteure"], ["pastor", "reverend"]),
    # --- judicial
    ("judge", "judicial", ["juge"], ["judge"]),
    ("investigating-judge", "judicial", ["juge d'instruction"], ["investigating judge", "investigating magistrate"]),
    ("magistrate", "judicial", ["magistrat", "magistrate"], ["magistrate"]),
    ("prosecutor", "judicial", ["procureur", "procureure", "procureur de la République", "procureur général",
                                "procureure générale"], ["prosecutor", "public prosecutor", "prosecutor general"]),
    ("advocate-general", "judicial", ["avocat général", "avocate générale"], ["advocate general"]),
    ("attorney-general", "judicial", [], ["attorney general", "attorney-general"]),
    ("chief-justice", "judicial", ["président de la Cour suprême", "présidente de la Cour suprême", "premier président de la Cour de cassation"],
     ["chief justice"]),
    ("lawyer", "judicial", ["avocat", "avocate"], ["lawyer", "attorney"]),
    ("ombudsman", "judicial", ["médiateur", "médiatrice", "défenseur des droits", "Défenseur des droits"],
     ["ombudsman", "human rights ombudsman"]),
    # --- corporate and organisations
    ("ceo", "corporate", ["PDG", "président-directeur général", "présidente-directrice générale", "directeur exécutif",
                          "directrice exécutive"], ["chief executive", "chief executive officer", "CEO"]),
    ("chairman", "corporate", ["président du conseil d'administration", "présidente du conseil d'administration"],
     ["chairman", "chairwoman", "chairperson"]),
    ("founder", "corporate", ["fondateur", "fondatrice", "cofondateur", "cofondatrice"], ["founder", "co-founder", "cofounder"]),
    ("director", "corporate", ["directeur", "directrice"], ["director"]),
    ("managing-director", "corporate", ["directeur général délégué", "directrice générale déléguée"], ["managing director"]),
    ("cfo", "corporate", ["directeur financier", "directrice financière"], ["chief financial officer", "CFO"]),
    ("executive-director", "corporate", ["directeur exécutif"], ["executive director"]),
    ("governor-central-bank", "corporate", ["gouverneur de la banque centrale", "gouverneure de la banque centrale"],
     ["central bank governor"]),
    ("head-delegation", "diplomatic", ["chef de la délégation", "cheffe de la délégation", "chef de délégation"],
     ["head of the delegation", "head of delegation"]),
    ("delegate", "diplomatic", ["délégué", "déléguée"], ["delegate"]),
    ("rapporteur", "diplomatic", ["rapporteur", "rapporteure", "rapporteur spécial", "rapporteuse spéciale"],
     ["rapporteur", "special rapporteur"]),
    # --- parties
    ("party-leader", "party", ["chef du parti", "cheffe du parti", "dirigeant du parti", "dirigeante du parti",
                               "président du parti", "présidente du parti", "leader", "leadeur", "dirigeant", "dirigeante"],
     ["party leader", "leader", "party chairman"]),
    ("party-first-secretary", "party", ["premier secrétaire", "première secrétaire"], ["first secretary"]),
    ("party-national-secretary", "party", ["secrétaire national", "secrétaire nationale"], ["national secretary"]),
    ("opposition-leader", "party", ["chef de l'opposition", "cheffe de l'opposition", "opposant", "opposante"],
     ["opposition leader", "leader of the opposition"]),
    ("general-secretary-party", "party", ["secrétaire général du parti"], ["general secretary", "party secretary"]),
]

# Ministerial portfolios: (slug, French complements after "ministre", English "X minister" adjectives,
# English "minister of X" complements, English "X secretary" (UK/US) forms)
PORTFOLIOS = [
    ("defence", ["de la Défense", "des Armées", "de la Défense nationale"], ["defence", "defense"],
     ["defence", "defense", "national defence", "national defense"], ["defence secretary", "defense secretary",
                                                                      "secretary of defense", "secretary of war"]),
    ("foreign-affairs", ["des Affaires étrangères", "de l'Europe et des Affaires étrangères", "des Relations extérieures"],
     ["foreign"], ["foreign affairs", "external affairs"], ["foreign secretary"]),
    ("interior", ["de l'Intérieur"], ["interior", "home"], ["interior", "home affairs", "internal affairs"],
     ["home secretary", "interior secretary"]),
    ("economy", ["de l'Économie", "de l'Economie", "de l'Économie et des Finances", "des Finances", "du Budget"],
     ["economy", "finance"], ["economy", "finance", "economic affairs"], ["treasury secretary", "secretary of the treasury",
                                                                           "chancellor of the exchequer"]),
    ("justice", ["de la Justice", "garde des Sceaux"], ["justice"], ["justice"], ["justice secretary"]),
    ("health", ["de la Santé"], ["health"], ["health"], ["health secretary", "secretary of health"]),
    ("education", ["de l'Éducation", "de l'Éducation nationale", "de l'Education nationale"], ["education"],
     ["education"], ["education secretary", "secretary of education"]),
    ("higher-education", ["de l'Enseignement supérieur", "de l'Enseignement supérieur et de la Recherche"],
     ["higher education"], ["higher education"], []),
    ("labour", ["du Travail", "du Travail et de l'Emploi"], ["labour", "labor"], ["labour", "labor", "employment"],
     ["labor secretary", "secretary of labor"]),
    ("agriculture", ["de l'Agriculture"], ["agriculture"], ["agriculture"], ["agriculture secretary"]),
    ("environment", ["de l'Environnement", "de la Transition écologique", "de l'Écologie"], ["environment"],
     ["environment", "ecology"], ["environment secretary"]),
    ("energy", ["de l'Énergie", "de l'Energie", "de la Transition énergétique"], ["energy"], ["energy"],
     ["energy secretary", "secretary of energy"]),
    ("culture", ["de la Culture"], ["culture"], ["culture"], ["culture secretary"]),
    ("transport", ["des Transports"], ["transport", "transportation"], ["transport", "transportation"],
     ["transport secretary", "transportation secretary"]),
    ("trade", ["du Commerce", "du Commerce extérieur"], ["trade", "commerce"], ["trade", "commerce", "foreign trade"],
     ["trade secretary", "commerce secretary", "secretary of commerce"]),
    ("industry", ["de l'Industrie"], ["industry"], ["industry"], []),
    ("digital", ["du Numérique"], ["digital"], ["digital affairs"], []),
    ("emergency", ["des Situations d'urgence", "des Situations d'urgence"], ["emergencies", "emergency situations"],
     ["emergency situations", "emergencies"], []),
    ("european-affairs", ["des Affaires européennes"], ["Europe", "European affairs"], ["European affairs"], []),
    ("veterans", ["des Anciens combattants"], ["veterans"], ["veterans affairs"], ["veterans affairs secretary"]),
    ("sports", ["des Sports"], ["sports", "sport"], ["sports", "youth and sports"], []),
    ("communication", ["de la Communication", "de l'Information"], ["communications", "information"],
     ["communications", "information"], []),
    ("housing", ["du Logement"], ["housing"], ["housing"], ["housing secretary"]),
    ("armed-forces", ["des Forces armées"], ["armed forces"], ["armed forces"], []),
    ("cooperation", ["de la Coopération"], ["development", "international development"], ["cooperation", "development"], []),
    ("overseas", ["des Outre-mer"], [], [], []),
    ("research", ["de la Recherche"], ["research", "science"], ["research", "science"], []),
    ("territorial", ["de la Cohésion des territoires"], [], [], []),
    ("solidarity", ["des Solidarités", "des Affaires sociales"], ["social affairs", "social welfare"], ["social affairs"], []),
    ("migration", ["de l'Immigration"], ["immigration", "migration"], ["immigration", "migration"], []),
    ("ecology", ["de l'Écologie"], [], [], []),
]

HONORIFICS = [
    # (surface, canonical, lang, gender, number)
    ("M.", "Monsieur", "fr", "m", "sg"), ("Mme", "Madame", "fr", "f", "sg"), ("Mme.", "Madame", "fr", "f", "sg"),
    ("Mlle", "Mademoiselle", "fr", "f", "sg"), ("MM.", "Messieurs", "fr", "m", "pl"), ("Mmes", "Mesdames", "fr", "f", "pl"),
    ("Me", "Maître", "fr", "", "sg"), ("Maître", "Maître", "fr", "", "sg"),
    ("Dr", "Docteur", "", "", "sg"), ("Dr.", "Doctor", "en", "", "sg"), ("Docteur", "Docteur", "fr", "", "sg"),
    ("Pr", "Professeur", "fr", "", "sg"), ("Pr.", "Professeur", "fr", "", "sg"), ("Professeur", "Professeur", "fr", "", "sg"),
    ("Prof.", "Professor", "en", "", "sg"), ("Professor", "Professor", "en", "", "sg"),
    ("Mgr", "Monseigneur", "fr", "m", "sg"), ("Monseigneur", "Monseigneur", "fr", "m", "sg"),
    ("Monsieur", "Monsieur", "fr", "m", "sg"), ("Madame", "Madame", "fr", "f", "sg"),
    ("Mademoiselle", "Mademoiselle", "fr", "f", "sg"), ("Messieurs", "Messieurs", "fr", "m", "pl"),
    ("Mr", "Mr", "en", "m", "sg"), ("Mr.", "Mr", "en", "m", "sg"), ("Mrs", "Mrs", "en", "f", "sg"),
    ("Mrs.", "Mrs", "en", "f", "sg"), ("Ms", "Ms", "en", "f", "sg"), ("Ms.", "Ms", "en", "f", "sg"),
    ("Miss", "Miss", "en", "f", "sg"), ("Messrs", "Messrs", "en", "m", "pl"), ("Messrs.", "Messrs", "en", "m", "pl"),
    ("Sir", "Sir", "en", "m", "sg"), ("Dame", "Dame", "en", "f", "sg"), ("Lord", "Lord", "en", "m", "sg"),
    ("Lady", "Lady", "en", "f", "sg"), ("Sheikh", "Sheikh", "en", "m", "sg"), ("Cheikh", "Cheikh", "fr", "m", "sg"),
    ("S.E.", "Son Excellence", "fr", "", "sg"), ("Son Excellence", "Son Excellence", "fr", "", "sg"),
    ("H.E.", "His Excellency", "en", "", "sg"), ("His Excellency", "His Excellency", "en", "m", "sg"),
    ("Her Excellency", "Her Excellency", "en", "f", "sg"), ("Sa Majesté", "Sa Majesté", "fr", "", "sg"),
    ("His Majesty", "His Majesty", "en", "m", "sg"), ("Her Majesty", "Her Majesty", "en", "f", "sg"),
    ("Rev.", "Reverend", "en", "", "sg"), ("Mx", "Mx", "en", "", "sg"),
]


# Kinds whose plurals name groups of holders from several states or organisations ("les
# ambassadeurs de l'Allemagne, de la Belgique et de la France", "the foreign ministers of Ukraine,
# Russia, France and Germany"). Religious, judicial and corporate plurals are left out: they
# mostly name professions, not holders of one office each.
PLURAL_KINDS = {"government", "diplomatic", "military", "royal", "party"}

# French words that stay as they are in the plural, or whose plural is irregular.
FR_IRREGULAR = {"porte-parole": "porte-parole", "haut": "hauts", "haute": "hautes"}
# French words that introduce a complement: the words before them agree with the head.
FR_COMPLEMENT = {"de", "d'", "du", "des", "à", "au", "aux", "en", "et"}


def fr_plural_word(w):
    if w in FR_IRREGULAR:
        return FR_IRREGULAR[w]
    if "-" in w:
        # "vice-président" -> "vice-présidents", "lieutenant-colonel" -> "lieutenants-colonels"
        # is too fine: only the last part agrees here.
        head, _, last = w.rpartition("-")
        return head + "-" + fr_plural_word(last)
    if w[-1:] in ("s", "x", "z"):
        return w
    if w.endswith("al"):
        return w[:-2] + "aux"
    if w.endswith(("eau", "eu")):
        return w + "x"
    return w + "s"


def fr_plural(form):
    """The plural of a French title: the head and the adjectives agreeing with it, up to its
    complement ("secrétaire général adjoint de l'ONU" -> "secrétaires généraux adjoints de l'ONU")."""
    words = form.split(" ")
    out = []
    for i, w in enumerate(words):
        if w in FR_COMPLEMENT or w.startswith(("d'", "l'")) or (i > 0 and w[:1].isupper() and
                                                                words[i - 1].lower() not in ("premier", "première")):
            return " ".join(out + words[i:])
        out.append(fr_plural_word(w))
    return " ".join(out)


def en_plural_word(w):
    if w.endswith("man"):
        return w[:-3] + "men"
    if w.endswith("y") and w[-2:-1] not in ("a", "e", "o", "u"):
        return w[:-1] + "ies"
    if w.endswith(("s", "sh", "ch", "x")):
        return w + "es"
    return w + "s"


# English titles whose head is not their last word, or whose plural is irregular.
EN_IRREGULAR = {
    "secretary-general": "secretaries-general", "secretary general": "secretaries-general",
    "commander-in-chief": "commanders-in-chief", "commander in chief": "commanders in chief",
    "president-elect": "presidents-elect", "president elect": "presidents-elect",
    "consul general": "consuls general", "chargé d'affaires": "chargés d'affaires",
    "charge d'affaires": "charges d'affaires",
}


def en_plural(form):
    """The plural of an English title: its head noun, the last word before any "of" complement
    ("foreign minister" -> "foreign ministers", "chief of staff" -> "chiefs of staff")."""
    for singular, plural in EN_IRREGULAR.items():
        if form.endswith(singular):
            return form[: -len(singular)] + plural
    words = form.split(" ")
    head = words.index("of") - 1 if "of" in words else len(words) - 1
    if head < 0:
        return form
    if words[head][:1].isupper():
        # "Supreme Allied Commander Europe": a proper name, not a head noun.
        return form
    words[head] = en_plural_word(words[head])
    return " ".join(words)


def plural_wanted(surface):
    # Abbreviations and all-capital forms ("Gen.", "MP", "CEO") keep their singular only.
    # A coordination ("ambassadeur extraordinaire et plénipotentiaire") is left as it is.
    return "." not in surface and not surface.isupper() and not any(
        f" {c} " in surface for c in ("et", "and"))


def main():
    w = Writer(os.path.join(OUT, "titles.tsv"), [
        "titles and roles (type TITLE) and honorifics (type HONORIFIC), French and English",
        "source: written by hand from general knowledge (data inside gazetteers/sources/build_titles.py)",
        "licence: CC BY 4.0",
        "retrieved: " + RETRIEVED,
        "generated by: gazetteers/sources/build_titles.py",
        "French forms keep the capitals French writes (Premier ministre, ministre de la Défense); feminine forms link to the masculine canonical",
    ])
    w.section("--- state, government, diplomatic, royal, military, religious, judicial, corporate and party roles")
    for slug, kind, frs, ens in TITLES:
        id_ = "title:" + slug
        for s in frs:
            w.add(s, "TITLE", frs[0], id_, attrs_str("kind=" + kind, "lang=fr",
                                                      "case=upper" if s.isupper() and len(s) > 1 else ""))
        for s in ens:
            exact = s[0].isupper() and not s.isupper()
            w.add(s, "TITLE", ens[0], id_, attrs_str("kind=" + kind, "lang=en",
                                                      "case=upper" if s.isupper() else "",
                                                      "case=exact" if exact and s.endswith(".") or s in ("Father",) else ""))
        if kind in PLURAL_KINDS:
            add_plurals(w, frs, ens, frs[0] if frs else "", ens[0] if ens else "", id_, kind)
    w.section("--- ministerial portfolios")
    for slug, frc, en_adj, en_of, en_sec in PORTFOLIOS:
        id_ = "title:%s-minister" % slug
        fr_forms = []
        for c in frc:
            fr_forms += ["ministre " + c]
        fr_forms += ["ministre " + frc[0].replace("de la ", "de la ")] if False else []
        fr_can = fr_forms[0]
        en_forms = [a + " minister" for a in en_adj] + ["minister of " + o for o in en_of] + en_sec
        en_can = en_forms[0] if en_forms else ""
        for s in fr_forms:
            w.add(s, "TITLE", fr_can, id_, "kind=government;lang=fr")
        for s in en_forms:
            w.add(s, "TITLE", en_can, id_, "kind=government;lang=en")
        add_plurals(w, fr_forms, en_forms, fr_can, en_can, id_, "government")
        vid = "title:deputy-%s-minister" % slug
        for c in frc:
            w.add("vice-ministre " + c, "TITLE", "vice-ministre " + frc[0], vid, "kind=government;lang=fr")
            w.add("ministre délégué " + c.replace("de la ", "à la ").replace("de l'", "à l'").replace("des ", "aux ").replace("du ", "au "),
                  "TITLE", "ministre délégué " + frc[0].replace("de la ", "à la ").replace("de l'", "à l'").replace("des ", "aux ").replace("du ", "au "),
                  "title:delegate-%s-minister" % slug, "kind=government;lang=fr")
        for a in en_adj:
            w.add("deputy " + a + " minister", "TITLE", "deputy " + en_adj[0] + " minister", vid, "kind=government;lang=en")
        if slug != "defence":
            w.add("secrétaire d'État " + frc[0].replace("de la ", "à la ").replace("de l'", "à l'").replace("des ", "aux ").replace("du ", "au "),
                  "TITLE", "secrétaire d'État", "title:secretary-of-state-junior", "kind=government;lang=fr")
    w.section("--- honorifics (case=exact: only with the capitalisation given)")
    for s, can, lang, g, n in HONORIFICS:
        w.add(s, "HONORIFIC", can, "hon:" + can.lower().replace(" ", "-"),
              attrs_str("kind=honorific", "lang=" + lang if lang else "", "gender=" + g if g else "",
                        "number=" + n if n else "", "case=exact"))
    w.write()


def add_plurals(w, frs, ens, fr_can, en_can, id_, kind):
    """The plural of each form (number=pl), under the singular's canonical form and id: a plural
    title names one holder per state or organisation that follows it."""
    for forms, plural, can, lang in ((frs, fr_plural, fr_can, "fr"), (ens, en_plural, en_can, "en")):
        for s in forms:
            p = plural(s)
            if plural_wanted(s) and p != s and p not in forms:
                w.add(p, "TITLE", can, id_, attrs_str("kind=" + kind, "lang=" + lang, "number=pl"))


if __name__ == "__main__":
    main()
