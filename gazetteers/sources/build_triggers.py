#!/usr/bin/env python3
"""Build gazetteers/triggers.tsv (type TRIGGER): meeting, visit, call and agreement words,
French and English, with their inflected and compound forms.

All data written by hand from general knowledge (conjugation tables below); French compound
tenses are generated from the participle. Pure standard library.
attrs: event=meeting|visit|call|agreement; lang=fr|en; form=verb|noun|participation;
       voice=active|passive|reciprocal; tense=past|present|future|infinitive (verbs);
       parties=2 where one named party is not enough ("X and Y hold a news conference");
       parties=each where each party summoned meets whoever summons, apart (convoquer, summon).
Deliberately left out (too ambiguous): French "appeler"/"appel" (appeler a = call for),
English "call/called" (called for, so-called).
A trigger ending in a preposition (" avec", " with", " à", " to", " par", " by") tells the
matcher where the other participant follows.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Writer, OUT, RETRIEVED  # noqa: E402

# French verbs: lemma, event, present (3sg, 3pl), future (3sg, 3pl), imparfait (3sg, 3pl),
# passé simple (3sg, 3pl), participle masc sg, suffix (preposition), passive (bool), pronominal-reciprocal (bool)
FR_VERBS = [
    ("rencontrer", "meeting", ("rencontre", "rencontrent"), ("rencontrera", "rencontreront"),
     ("rencontrait", "rencontraient"), ("rencontra", "rencontrèrent"), "rencontré", "", True, True),
    ("recevoir", "meeting", ("reçoit", "reçoivent"), ("recevra", "recevront"), ("recevait", "recevaient"),
     ("reçut", "reçurent"), "reçu", "", True, False),
    ("accueillir", "meeting", ("accueille", "accueillent"), ("accueillera", "accueilleront"),
     ("accueillait", "accueillaient"), ("accueillit", "accueillirent"), "accueilli", "", True, False),
    ("retrouver", "meeting", ("retrouve", "retrouvent"), ("retrouvera", "retrouveront"), ("retrouvait", "retrouvaient"),
     ("retrouva", "retrouvèrent"), "retrouvé", "", False, True),
    ("visiter", "visit", ("visite", "visitent"), ("visitera", "visiteront"), ("visitait", "visitaient"),
     ("visita", "visitèrent"), "visité", "", False, False),
    ("téléphoner", "call", ("téléphone", "téléphonent"), ("téléphonera", "téléphoneront"),
     ("téléphonait", "téléphonaient"), ("téléphona", "téléphonèrent"), "téléphoné", " à", False, False),
    ("signer", "agreement", ("signe", "signent"), ("signera", "signeront"), ("signait", "signaient"),
     ("signa", "signèrent"), "signé", "", True, False),
    ("conclure", "agreement", ("conclut", "concluent"), ("conclura", "concluront"), ("concluait", "concluaient"),
     ("conclut", "conclurent"), "conclu", "", True, False),
    ("parapher", "agreement", ("paraphe", "paraphent"), ("paraphera", "parapheront"), ("paraphait", "paraphaient"),
     ("parapha", "paraphèrent"), "paraphé", "", True, False),
    ("convoquer", "meeting", ("convoque", "convoquent"), ("convoquera", "convoqueront"), ("convoquait", "convoquaient"),
     ("convoqua", "convoquèrent"), "convoqué", "", True, False),
    ("réunir", "meeting", ("réunit", "réunissent"), ("réunira", "réuniront"), ("réunissait", "réunissaient"),
     ("réunit", "réunirent"), "réuni", "", False, False),
    ("négocier", "meeting", ("négocie", "négocient"), ("négociera", "négocieront"), ("négociait", "négociaient"),
     ("négocia", "négocièrent"), "négocié", " avec", False, False),
    ("serrer la main", "meeting", ("serre la main", "serrent la main"), ("serrera la main", "serreront la main"),
     ("serrait la main", "serraient la main"), ("serra la main", "serrèrent la main"), "serré la main", "", False, False),
]

# French pronominal verbs (s'entretenir avec, se réunir...): lemma, event, present, future, imparfait,
# participle, suffix
FR_PRONOMINAL = [
    ("s'entretenir", "meeting", ("s'entretient", "s'entretiennent"), ("s'entretiendra", "s'entretiendront"),
     ("s'entretenait", "s'entretenaient"), "entretenu", " avec"),
    ("se réunir", "meeting", ("se réunit", "se réunissent"), ("se réunira", "se réuniront"),
     ("se réunissait", "se réunissaient"), "réuni", " avec"),
    ("s'entretenir par téléphone", "call", ("s'entretient par téléphone", "s'entretiennent par téléphone"),
     ("s'entretiendra par téléphone", "s'entretiendront par téléphone"),
     ("s'entretenait par téléphone", "s'entretenaient par téléphone"), "entretenu par téléphone", " avec"),
    ("se rendre", "visit", ("se rend", "se rendent"), ("se rendra", "se rendront"), ("se rendait", "se rendaient"),
     "rendu", " à"),
    ("se rendre en visite", "visit", ("se rend en visite", "se rendent en visite"),
     ("se rendra en visite", "se rendront en visite"), ("se rendait en visite", "se rendaient en visite"),
     "rendu en visite", " à"),
    ("s'accorder", "agreement", ("s'accorde", "s'accordent"), ("s'accordera", "s'accorderont"),
     ("s'accordait", "s'accordaient"), "accordé", " sur"),
    ("s'entendre", "agreement", ("s'entend", "s'entendent"), ("s'entendra", "s'entendront"),
     ("s'entendait", "s'entendaient"), "entendu", " sur"),
]

# French light-verb phrases: "tenir" + object; (object, event)
FR_TENIR = [("une réunion", "meeting"), ("des pourparlers", "meeting"), ("des discussions", "meeting"),
            ("des entretiens", "meeting"), ("un entretien", "meeting"), ("une rencontre", "meeting"),
            ("un sommet", "meeting"), ("des consultations", "meeting"), ("une conversation téléphonique", "call"),
            ("un entretien téléphonique", "call"), ("une visioconférence", "call")]
TENIR = {"present": ("tient", "tiennent"), "future": ("tiendra", "tiendront"), "past": ("a tenu", "ont tenu", "avait tenu",
         "avaient tenu", "tint", "tinrent", "tenait", "tenaient"), "infinitive": ("tenir", "va tenir", "vont tenir", "doit tenir",
         "doivent tenir")}
FR_AVOIR_OBJ = [("un entretien", "meeting"), ("des entretiens", "meeting"), ("une rencontre", "meeting"),
                ("un échange", "meeting"), ("des échanges", "meeting"), ("une conversation téléphonique", "call"),
                ("un entretien téléphonique", "call"), ("un échange téléphonique", "call"), ("un appel téléphonique", "call")]
AVOIR = {"present": ("a", "ont"), "past": ("a eu", "ont eu", "avait eu", "avaient eu", "eut", "eurent"),
         "future": ("aura", "auront"), "infinitive": ("avoir", "va avoir", "vont avoir")}

FR_NOUNS = [
    ("rencontre", "meeting"), ("rencontres", "meeting"), ("réunion", "meeting"), ("réunions", "meeting"),
    ("entretien", "meeting"), ("entretiens", "meeting"), ("entrevue", "meeting"), ("entrevues", "meeting"),
    ("sommet", "meeting"), ("sommets", "meeting"), ("pourparlers", "meeting"), ("tête-à-tête", "meeting"),
    ("audience", "meeting"), ("discussions", "meeting"), ("négociations", "meeting"), ("consultations", "meeting"),
    ("tête à tête", "meeting"), ("réunion de travail", "meeting"), ("rencontre bilatérale", "meeting"),
    ("entretien bilatéral", "meeting"), ("visite", "visit"), ("visites", "visit"), ("visite officielle", "visit"),
    ("visite d'État", "visit"), ("visite de travail", "visit"), ("en visite", "visit"), ("déplacement", "visit"),
    ("voyage officiel", "visit"), ("tournée", "visit"),
    ("échange de vues", "meeting"), ("échanges de vues", "meeting"), ("table ronde", "meeting"),
    ("conférence de presse commune", "meeting"), ("conférence de presse conjointe", "meeting"),
    ("entretien téléphonique", "call"), ("entretiens téléphoniques", "call"), ("appel téléphonique", "call"),
    ("conversation téléphonique", "call"), ("échange téléphonique", "call"), ("visioconférence", "call"),
    ("vidéoconférence", "call"),
    ("accord", "agreement"), ("accords", "agreement"), ("mémorandum", "agreement"), ("protocole d'accord", "agreement"),
    ("mémorandum d'entente", "agreement"), ("traité", "agreement"), ("déclaration conjointe", "agreement"),
    ("déclaration commune", "agreement"), ("cessez-le-feu", "agreement"), ("signature", "agreement"),
]

# English verbs: lemma, event, 3sg present, past, past participle, -ing, suffixes, passive allowed
EN_VERBS = [
    ("meet", "meeting", "meets", "met", "met", "meeting", ["", " with"], True),
    ("host", "meeting", "hosts", "hosted", "hosted", "hosting", [""], True),
    ("receive", "meeting", "receives", "received", "received", "receiving", [""], True),
    ("welcome", "meeting", "welcomes", "welcomed", "welcomed", "welcoming", [""], True),
    ("confer", "meeting", "confers", "conferred", "conferred", "conferring", [" with"], False),
    ("sit down", "meeting", "sits down", "sat down", "sat down", "sitting down", [" with"], False),
    ("talk", "meeting", "talks", "talked", "talked", "talking", [" with"], False),
    ("negotiate", "meeting", "negotiates", "negotiated", "negotiated", "negotiating", [" with"], False),
    ("shake hands", "meeting", "shakes hands", "shook hands", "shaken hands", "shaking hands", ["", " with"], False),
    ("summon", "meeting", "summons", "summoned", "summoned", "summoning", [""], True),
    ("visit", "visit", "visits", "visited", "visited", "visiting", [""], True),
    ("travel", "visit", "travels", "traveled", "traveled", "traveling", [" to"], False),
    ("travel", "visit", "travels", "travelled", "travelled", "travelling", [" to"], False),
    ("phone", "call", "phones", "phoned", "phoned", "phoning", [""], False),
    ("speak by phone", "call", "speaks by phone", "spoke by phone", "spoken by phone", "speaking by phone", ["", " with"], False),
    ("speak by telephone", "call", "speaks by telephone", "spoke by telephone", "spoken by telephone",
     "speaking by telephone", ["", " with"], False),
    ("sign", "agreement", "signs", "signed", "signed", "signing", [""], True),
    ("conclude", "agreement", "concludes", "concluded", "concluded", "concluding", [""], True),
    ("hold talks", "meeting", "holds talks", "held talks", "held talks", "holding talks", ["", " with"], False),
    ("hold a meeting", "meeting", "holds a meeting", "held a meeting", "held a meeting", "holding a meeting",
     ["", " with"], False),
    ("hold a phone call", "call", "holds a phone call", "held a phone call", "held a phone call",
     "holding a phone call", ["", " with"], False),
    ("reach an agreement", "agreement", "reaches an agreement", "reached an agreement", "reached an agreement",
     "reaching an agreement", ["", " with"], False),
]
EN_NOUNS = [
    ("meeting", "meeting"), ("meetings", "meeting"), ("talks", "meeting"), ("summit", "meeting"),
    ("summits", "meeting"), ("bilateral meeting", "meeting"), ("audience", "meeting"), ("consultations", "meeting"),
    ("negotiations", "meeting"), ("tête-à-tête", "meeting"), ("face-to-face meeting", "meeting"),
    ("exchange of views", "meeting"), ("exchange of ideas", "meeting"), ("roundtable", "meeting"),
    ("round table", "meeting"), ("joint news conference", "meeting"), ("joint press conference", "meeting"),
    ("visit", "visit"), ("visits", "visit"), ("state visit", "visit"), ("official visit", "visit"), ("trip", "visit"),
    ("phone call", "call"), ("telephone call", "call"), ("phone conversation", "call"),
    ("telephone conversation", "call"), ("video call", "call"), ("videoconference", "call"),
    ("video conference", "call"),
    ("agreement", "agreement"), ("agreements", "agreement"), ("accord", "agreement"), ("deal", "agreement"),
    ("treaty", "agreement"), ("memorandum", "agreement"), ("memorandum of understanding", "agreement"),
    ("joint statement", "agreement"), ("joint declaration", "agreement"), ("ceasefire", "agreement"),
    ("cease-fire", "agreement"),
]

# Taking part, with no object: "Klimkin and Lavrov will take part", "X et Y y participeront".
# form=participation: such a verb adds its subjects to a meeting held back from the sentences just
# before ("Talks will be held Wednesday in Berlin."), and is no event of its own. When a meeting
# word follows ("took part in the talks"), that word tells the meeting.
# (lemma, lang, [(form, tense)])
PARTICIPATION = [
    ("participate", "en", [("participate", "present"), ("participates", "present"), ("participated", "past"),
                           ("will participate", "future"), ("would participate", "future"),
                           ("are to participate", "future"), ("is to participate", "future"),
                           ("are expected to participate", "future"), ("is expected to participate", "future"),
                           ("have participated", "past"), ("has participated", "past")]),
    ("take part", "en", [("take part", "present"), ("takes part", "present"), ("took part", "past"),
                         ("will take part", "future"), ("would take part", "future"),
                         ("are to take part", "future"), ("is to take part", "future"),
                         ("are expected to take part", "future"), ("is expected to take part", "future"),
                         ("have taken part", "past"), ("has taken part", "past")]),
    ("be invited", "en", [("were invited", "past"), ("was invited", "past"), ("have been invited", "past"),
                          ("has been invited", "past"), ("are invited", "present"), ("is invited", "present"),
                          ("will be invited", "future")]),
    ("être invité", "fr", [(aux + " " + p, tense)
                           for aux, tense in (("a été", "past"), ("ont été", "past"), ("est", "present"),
                                              ("sont", "present"), ("sera", "future"), ("seront", "future"),
                                              ("était", "past"), ("étaient", "past"))
                           for p in ("invité", "invitée", "invités", "invitées")]),
    ("participer", "fr", [("participe", "present"), ("participent", "present"), ("participera", "future"),
                          ("participeront", "future"), ("doit participer", "future"),
                          ("doivent participer", "future"), ("a participé", "past"), ("ont participé", "past"),
                          ("participait", "past"), ("participaient", "past"), ("y participe", "present"),
                          ("y participent", "present"), ("y participera", "future"),
                          ("y participeront", "future"), ("y ont participé", "past"), ("y a participé", "past")]),
    ("prendre part", "fr", [("prend part", "present"), ("prennent part", "present"), ("prendra part", "future"),
                            ("prendront part", "future"), ("a pris part", "past"), ("ont pris part", "past"),
                            ("y prendra part", "future"), ("y prendront part", "future"),
                            ("y ont pris part", "past")]),
]

# Side by side before the press: "X and Y hold a news conference" is a meeting of X and Y, one
# speaker alone is none (parties=2: two named parties needed). Reciprocal: the parties come before.
# (lemma, lang, [(form, tense)])
JOINT_APPEARANCES = [
    ("hold a news conference", "en", [("hold a news conference", "present"), ("held a news conference", "past"),
                                      ("holds a news conference", "present"),
                                      ("will hold a news conference", "future"),
                                      ("hold a press conference", "present"), ("held a press conference", "past"),
                                      ("will hold a press conference", "future")]),
    ("tenir une conférence de presse", "fr", [("tiennent une conférence de presse", "present"),
                                              ("ont tenu une conférence de presse", "past"),
                                              ("tiendront une conférence de presse", "future"),
                                              ("tenaient une conférence de presse", "past")]),
]


# Presenting credentials is an audience of the new ambassador with the head of state: a meeting
# whose other party follows the preposition. (tense, French auxiliary and verb form, English form)
CREDENTIALS_FR = [("past", "a remis"), ("past", "ont remis"), ("past", "a présenté"), ("past", "ont présenté"),
                  ("present", "remet"), ("present", "remettent"), ("present", "présente"), ("present", "présentent"),
                  ("future", "remettra"), ("future", "remettront"), ("future", "présentera"),
                  ("future", "présenteront"), ("infinitive", "remettre"), ("infinitive", "présenter")]
CREDENTIALS_EN = [("past", "presented"), ("present", "presents"), ("present", "present"),
                  ("future", "will present"), ("infinitive", "to present")]


def credentials_forms():
    """(surface, lang, tense) of "a remis ses lettres de créance à", "presented his credentials to"."""
    for tense, verb in CREDENTIALS_FR:
        for poss in ("ses", "leurs"):
            for prep in ("à", "au", "aux"):
                yield "%s %s lettres de créance %s" % (verb, poss, prep), "fr", tense
    for tense, verb in CREDENTIALS_EN:
        for poss in ("his", "her", "their"):
            yield "%s %s credentials to" % (verb, poss), "en", tense


def fem_pl(p):
    """participle forms: m sg, f sg, m pl, f pl"""
    if p.endswith("u") or p.endswith("é") or p.endswith("i"):
        return [p, p + "e", p + "s", p + "es"]
    return [p]


# A summons is one meeting of whoever summons with each party summoned ("a convoqué les
# ambassadeurs de l'Allemagne et de la Belgique": two meetings): parties=each.
SUMMONS = {"convoquer", "summon", "convocation"}


def main():
    w = Writer(os.path.join(OUT, "triggers.tsv"), [
        "event triggers (type TRIGGER): meeting, visit, call, agreement; French and English, inflected forms",
        "source: written by hand from general knowledge (conjugation tables in gazetteers/sources/build_triggers.py)",
        "licence: CC BY 4.0",
        "retrieved: " + RETRIEVED,
        "generated by: gazetteers/sources/build_triggers.py",
    ])

    def add(s, lemma, event, lang, form, voice="", tense="", parties=""):
        if lemma in SUMMONS:
            parties = "each"
        a = ["event=" + event, "lang=" + lang, "form=" + form]
        if voice:
            a.append("voice=" + voice)
        if tense:
            a.append("tense=" + tense)
        if parties:
            a.append("parties=" + parties)
        w.add(s, "TRIGGER", lemma, "trig:%s-%s" % (lang, lemma.replace(" ", "-").replace("'", "-")), ";".join(a))

    w.section("--- French verbs")
    for lemma, ev, pres, fut, imp, ps, part, suf, passive, recip in FR_VERBS:
        for s in pres:
            add(s + suf, lemma, ev, "fr", "verb", "active", "present")
        for s in fut + ("va " + lemma, "vont " + lemma, "doit " + lemma, "doivent " + lemma):
            add(s + suf, lemma, ev, "fr", "verb", "active", "future")
        for s in imp + ps:
            add(s + suf, lemma, ev, "fr", "verb", "active", "past")
        for aux in ("a", "ont", "avait", "avaient", "aura", "auront", "avoir"):
            tense = "future" if aux.startswith("aur") else ("infinitive" if aux == "avoir" else "past")
            add("%s %s%s" % (aux, part, suf), lemma, ev, "fr", "verb", "active", tense)
        add(lemma + suf, lemma, ev, "fr", "verb", "active", "infinitive")
        add(part + suf, lemma, ev, "fr", "verb", "", "past")
        if passive:
            for p in fem_pl(part):
                for aux in ("a été", "ont été", "avait été", "avaient été", "est", "sont", "sera", "seront", "était",
                            "étaient", "sera", "être"):
                    tense = {"est": "present", "sont": "present", "sera": "future", "seront": "future",
                             "être": "infinitive"}.get(aux, "past")
                    add("%s %s par" % (aux, p), lemma, ev, "fr", "verb", "passive", tense)
                add("%s par" % p, lemma, ev, "fr", "verb", "passive", "past")
        if recip:
            base = lemma
            refl = "se " + base
            for s in ("se " + pres[0], "se " + pres[1]):
                add(s, refl, ev, "fr", "verb", "reciprocal", "present")
            for s in ("se " + fut[0], "se " + fut[1], "va se " + base, "vont se " + base, "doivent se " + base):
                add(s, refl, ev, "fr", "verb", "reciprocal", "future")
            for p in fem_pl(part):
                for aux in ("s'est", "se sont", "s'était", "s'étaient", "se seront", "se sera"):
                    add("%s %s" % (aux, p), refl, ev, "fr", "verb", "reciprocal",
                        "future" if aux.startswith("se ser") else "past")
            add(refl, refl, ev, "fr", "verb", "reciprocal", "infinitive")
    w.section("--- French pronominal verbs")
    for lemma, ev, pres, fut, imp, part, suf in FR_PRONOMINAL:
        voice = "active"
        for s in pres:
            add(s + suf, lemma, ev, "fr", "verb", voice, "present")
        for s in fut:
            add(s + suf, lemma, ev, "fr", "verb", voice, "future")
        for s in imp:
            add(s + suf, lemma, ev, "fr", "verb", voice, "past")
        inf_rest = lemma.split(" ", 1)[1] if lemma.startswith("se ") else lemma[2:]
        refl_inf = lemma
        for v in ("va ", "vont ", "doit ", "doivent "):
            add(v + refl_inf + suf, lemma, ev, "fr", "verb", voice, "future")
        add(refl_inf + suf, lemma, ev, "fr", "verb", voice, "infinitive")
        for p in fem_pl(part.split(" ")[0]):
            rest = part[len(part.split(" ")[0]):]
            for aux in ("s'est", "se sont", "s'était", "s'étaient", "se sera", "se seront"):
                add("%s %s%s%s" % (aux, p, rest, suf), lemma, ev, "fr", "verb", voice,
                    "future" if aux.startswith("se ser") else "past")
            # without the preposition: "se sont entretenus" (reciprocal use)
            if suf == " avec":
                for aux in ("se sont", "s'étaient"):
                    if p.endswith("s") or p.endswith("es"):
                        add("%s %s%s" % (aux, p, rest), lemma, ev, "fr", "verb", "reciprocal", "past")
                # and in the singular, the partner named further on: "s'est
                # entretenue hier à Dakar avec ..."
                for aux in ("s'est", "s'était"):
                    if not p.endswith("s"):
                        add("%s %s%s" % (aux, p, rest), lemma, ev, "fr", "verb", "active", "past")
        if suf == " avec":
            for s in pres[1:]:
                add(s, lemma, ev, "fr", "verb", "reciprocal", "present")
            for s in fut[1:]:
                add(s, lemma, ev, "fr", "verb", "reciprocal", "future")
        _ = inf_rest
    w.section("--- French light-verb phrases (tenir / avoir + noun)")
    for obj, ev in FR_TENIR:
        for tense, forms in TENIR.items():
            for f in forms:
                add("%s %s" % (f, obj), "tenir " + obj, ev, "fr", "verb", "active", tense)
    for obj, ev in FR_AVOIR_OBJ:
        for tense, forms in AVOIR.items():
            for f in forms:
                add("%s %s avec" % (f, obj), "avoir " + obj, ev, "fr", "verb", "active", tense)
    w.section("--- French nouns")
    for s, ev in FR_NOUNS:
        add(s, s, ev, "fr", "noun")
    w.section("--- English verbs")
    for lemma, ev, s3, past, pp, ing, sufs, passive in EN_VERBS:
        for suf in sufs:
            add(lemma + suf, lemma, ev, "en", "verb", "active", "present")
            add(s3 + suf, lemma, ev, "en", "verb", "active", "present")
            add(past + suf, lemma, ev, "en", "verb", "active", "past")
            for aux in ("has ", "have ", "had "):
                add(aux + pp + suf, lemma, ev, "en", "verb", "active", "past")
            for aux in ("is ", "are ", "was ", "were "):
                add(aux + ing + suf, lemma, ev, "en", "verb", "active", "present" if aux in ("is ", "are ") else "past")
            for aux in ("will ", "would ", "is to ", "are to ", "is due to ", "is set to ", "is expected to ",
                        "plans to ", "to "):
                add(aux + lemma + suf, lemma, ev, "en", "verb", "active",
                    "infinitive" if aux == "to " else "future")
            add(ing + suf, lemma, ev, "en", "verb", "active", "present")
        if passive:
            for aux in ("was", "were", "is", "are", "has been", "have been", "had been", "will be", "been"):
                tense = {"is": "present", "are": "present", "will be": "future"}.get(aux, "past")
                add("%s %s by" % (aux, pp), lemma, ev, "en", "verb", "passive", tense)
            add("%s by" % pp, lemma, ev, "en", "verb", "passive", "past")
    w.section("--- Taking part (completes a meeting told just before)")
    for lemma, lang, forms in PARTICIPATION:
        for s, tense in forms:
            add(s, lemma, "meeting", lang, "participation", "active", tense)
    w.section("--- Appearing together (two parties needed)")
    for lemma, lang, forms in JOINT_APPEARANCES:
        for s, tense in forms:
            add(s, lemma, "meeting", lang, "verb", "reciprocal", tense, "2")
    w.section("--- Presenting credentials (an audience: the other party follows the preposition)")
    for surface, lang, tense in credentials_forms():
        add(surface, "credentials", "meeting", lang, "verb", "active", tense)
    w.section("--- English nouns")
    for s, ev in EN_NOUNS:
        add(s, s, ev, "en", "noun")
    w.write()


if __name__ == "__main__":
    main()
