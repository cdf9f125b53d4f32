//! The word lists the event rules read: what a trigger's object may be,
//! clause edges, modals, negations, venues, topics. Data, kept apart from the
//! logic that reads it; each list says what it is for.

/// How many of a party's latest events a new mention may merge into.
pub(super) const MERGE_REACH: usize = 16;

/// Tokens before and after a trigger where its participants are looked for.
pub(super) const WINDOW_TOKENS: usize = 30;
/// How far before a trigger's window the subject opening its sentence may
/// be (the bound keeps a sentence of thousands of words linear).
pub(super) const OPENING_SUBJECT_TOKENS: usize = 100;

/// Beside a single named person, a state or organization is the other party
/// only within this many tokens of the trigger.
pub(super) const OTHER_PARTY_TOKENS: usize = 8;
/// How far after a plural title a pronoun may spell out its states: "des
/// ambassadeurs au Burundi (ceux de la Chine ...)".
pub(super) const THOSE_OF_TOKENS: usize = 6;

/// Words between a receiving verb and its object: determiners and
/// possessives ("a reçu son homologue"). Days and other dates are passed as
/// the timexes they are ("a reçu mardi son homologue").
pub(super) const OBJECT_SKIPPED: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "the", "a", "an", "son", "sa", "ses", "his",
    "her", "their", "leur", "leurs", "on",
];

/// Meals a host gives for a guest: "hosted a dinner for X".
pub(super) const MEALS: &[&str] = &[
    "dinner",
    "lunch",
    "luncheon",
    "breakfast",
    "banquet",
    "reception",
    "dîner",
    "déjeuner",
    "petit-déjeuner",
    "réception",
];

/// Words between a meal and its guest: "for", "in honor of", "en
/// l'honneur de", "pour", articles.
pub(super) const MEAL_LINKS: &[&str] = &[
    "for", "in", "honor", "honour", "of", "the", "en", "l'", "honneur", "de", "du", "pour", "le",
    "la",
];

/// Prepositions of a place between a verb and its object: "a reçu à
/// Paris son homologue", "hosted at the White House".
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["à", "au", "aux", "en", "dans", "in", "at"];

/// Triggers whose object must be a party ("a reçu le ministre"), since the
/// same verbs take things ("a reçu le prix", "hosts a show").
pub(super) const PARTY_OBJECT_LEMMAS: &[&str] = &[
    "recevoir",
    "accueillir",
    "réunir",
    "receive",
    "host",
    "welcome",
];

/// Nouns after a country that name a party rather than a thing: "received
/// the Russian delegation" (titles count too: "the French ambassador").
pub(super) const PARTY_HEADS: &[&str] = &[
    "delegation",
    "delegations",
    "délégation",
    "délégations",
    "officials",
    "leaders",
    "leader",
    "dirigeants",
    "responsables",
    "representatives",
    "représentants",
    "envoy",
    "envoys",
    "émissaire",
    "team",
    "équipe",
    "counterpart",
    "counterparts",
    "homologue",
    "homologues",
    "government",
    "gouvernement",
    "authorities",
    "autorités",
    "diplomats",
    "diplomates",
    "troops",
    "players",
    "visitors",
];

/// Verbs that follow an English subject and look like nouns: "the United
/// States says", "the Kremlin wants".
pub(super) const ENGLISH_VERBS_AFTER_SUBJECT: &[&str] = &[
    "says",
    "said",
    "will",
    "would",
    "could",
    "should",
    "must",
    "have",
    "were",
    "does",
    "wants",
    "hopes",
    "plans",
    "agrees",
    "insists",
    "remains",
    "seems",
    "also",
    "still",
    "then",
    "hosts",
    "meets",
    "holds",
    "sends",
    "signs",
    "announces",
    "accuses",
    "warns",
    "denies",
    "rejects",
];

/// Words that make a meeting word a sports encounter ("la rencontre s'est
/// achevée sur un score de 2-1", "the teams will meet in the semifinal"),
/// by language: French "but" is a goal, English "but" a conjunction. Words
/// that diplomacy uses too ("team", "final", "goal", "league") are left out.
pub(super) const SPORTS_CONTEXT_FR: &[&str] = &[
    "match",
    "matchs",
    "équipe",
    "équipes",
    "finale",
    "demi-finale",
    "quart",
    "but",
    "buts",
    "score",
    "victoire",
    "défaite",
    "stade",
    "tirs",
    "mi-temps",
    "championnat",
    "tournoi",
];
pub(super) const SPORTS_CONTEXT_EN: &[&str] = &[
    "teams",
    "semifinal",
    "semi-final",
    "quarterfinal",
    "playoff",
    "playoffs",
    "scored",
    "stadium",
    "tournament",
    "championship",
    "striker",
    "goalkeeper",
];

/// Things one meets that are not parties: "meet the requirements",
/// "rencontrer des difficultés". Looked for among the first words after a
/// "meet" or "rencontrer" trigger.
pub(super) const MET_THINGS: &[&str] = &[
    "requirement",
    "requirements",
    "standard",
    "standards",
    "demand",
    "demands",
    "need",
    "needs",
    "deadline",
    "deadlines",
    "target",
    "targets",
    "goal",
    "goals",
    "expectation",
    "expectations",
    "criteria",
    "criterion",
    "condition",
    "conditions",
    "obligation",
    "obligations",
    "challenge",
    "challenges",
    "threshold",
    "costs",
    "resistance",
    "opposition",
    "fate",
    "halfway",
    "middle",
    "difficulté",
    "difficultés",
    "problème",
    "problèmes",
    "succès",
    "obstacle",
    "obstacles",
    "exigences",
    "critères",
    "objectifs",
    "besoins",
];

/// Words that make talk a call or a message rather than a face-to-face
/// meeting ("talks on a cellphone to", "a video address to the forum").
pub(super) const REMOTE_WORDS: &[&str] = &[
    "phone",
    "telephone",
    "cellphone",
    "video",
    "videoconference",
    "videolink",
    "téléphone",
    "téléphonique",
    "vidéo",
    "visioconférence",
    "vidéoconférence",
];

/// Directions before a country: "Grimmen, northern Germany".
pub(super) const DIRECTIONS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Last words of venue names: "the Rose Garden", "Trump Tower", "the Great
/// Hall of the People" is led by "Hall" but ends elsewhere and stays.
pub(super) const VENUE_HEADS: &[&str] = &[
    "garden",
    "tower",
    "palace",
    "hall",
    "square",
    "hotel",
    "residence",
    "building",
    "airport",
    "airbase",
    "stadium",
    "castle",
    "chancellery",
    "headquarters",
    "palais",
    "hôtel",
    "château",
    "aéroport",
    "résidence",
];

/// Nouns that make a meeting an idea or a wish: "talk of a summit".
pub(super) const IDEA_NOUNS: &[&str] = &[
    "talk",
    "prospect",
    "prospects",
    "possibility",
    "idea",
    "speculation",
    "rumors",
    "rumours",
    "hopes",
    "perspective",
    "possibilité",
    "idée",
    "rumeurs",
    "spéculations",
    "espoir",
    "proposal",
    "proposition",
    "éventualité",
];

/// Nouns whose "of" names who undergoes an act, not who meets: "called for
/// the resignations of city leaders, including Mayor X", "la libération de X".
pub(super) const PATIENT_NOUNS: &[&str] = &[
    "resignation",
    "resignations",
    "arrest",
    "arrests",
    "release",
    "removal",
    "ouster",
    "dismissal",
    "impeachment",
    "death",
    "murder",
    "killing",
    "trial",
    "extradition",
    "démission",
    "démissions",
    "arrestation",
    "libération",
    "destitution",
    "limogeage",
    "mort",
    "meurtre",
    "assassinat",
    "procès",
];

/// Three-letter words that, after a country, make it a modifier: "the U.S.
/// top diplomat", "the Iraq war".
pub(super) const SHORT_CONTENT_WORDS: &[&str] = &[
    "top", "new", "war", "oil", "gas", "aid", "law", "tax", "army",
];

/// Verbs of a journey whose purpose an infinitive trigger may tell.
pub(super) const JOURNEY_VERBS: &[&str] = &[
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "go",
    "goes",
    "went",
    "going",
    "come",
    "comes",
    "came",
    "coming",
    "fly",
    "flies",
    "flew",
    "flying",
    "arrive",
    "arrives",
    "arrived",
    "arriving",
    "head",
    "heads",
    "headed",
    "heading",
    "return",
    "returns",
    "returned",
    "rendu",
    "rendue",
    "rendus",
    "rendre",
    "rend",
    "rendent",
    "rendra",
    "rendront",
    "allé",
    "allée",
    "allés",
    "aller",
    "ira",
    "iront",
    "venu",
    "venue",
    "venus",
    "venir",
    "arrivé",
    "arrivée",
    "arrivés",
    "déplacé",
    "déplacée",
    "déplacer",
    "voyagé",
    "voyager",
    "retourné",
    "revenu",
    "revenue",
];

/// Verbs that report speech, next to the name of who speaks.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "announced",
    "tweeted",
    "wrote",
    "explained",
    "declared",
    "déclaré",
    "déclare",
    "indiqué",
    "indique",
    "annoncé",
    "annonce",
    "expliqué",
    "explique",
    "ajouté",
    "ajoute",
    "affirmé",
    "affirme",
    "précisé",
    "précise",
];

/// Verbs of taking part in a meeting already told ("participated in the
/// talks", "ont assisté à la réunion"); "part" stands for "took part",
/// "pris part".
pub(super) const PARTICIPATION_VERBS: &[&str] = &[
    "participated",
    "participate",
    "participates",
    "participating",
    "part",
    "attended",
    "attend",
    "attends",
    "attending",
    "joined",
    "participé",
    "participe",
    "participent",
    "participait",
    "participaient",
    "participera",
    "participeront",
    "assisté",
    "assiste",
    "assistent",
    "assistait",
    "assistaient",
];

/// Words that open a phrase fronted before the main clause ("After a
/// meeting with X, Y said ..."): the main clause's subject took part.
pub(super) const FRONTING: &[&str] = &[
    "after",
    "following",
    "before",
    "during",
    "après",
    "avant",
    "lors",
    "pendant",
];

/// Words before a date of someone's life rather than of an event.
pub(super) const BIOGRAPHICAL: &[&str] = &[
    "né",
    "née",
    "nés",
    "nées",
    "nommé",
    "nommée",
    "nommés",
    "élu",
    "élue",
    "born",
    "appointed",
    "elected",
    "fondé",
    "fondée",
    "founded",
    "décédé",
    "décédée",
    "died",
];

/// Subordinating words after which a clause with its own subject begins:
/// "X initiated the bill after three members met Y" (X did not meet Y).
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "although", "whereas", "après", "avant",
    "lorsque", "quand", "alors", "parce", "puisque", "tandis",
    // Reported speech: "L'Élysée a annoncé que X réunira Y", "Z said that
    // X met Y" (Z reports the meeting).
    "que", "qu'", "that",
];

pub(super) const NEGATIONS: &[&str] = &[
    "pas",
    "jamais",
    "plus",
    "not",
    "never",
    "n't",
    "refused",
    "refuse",
    "refuses",
    "declined",
    "refusé",
    "refuse",
    "refusent",
    // "ended without agreement", "sans rencontrer le président".
    "without",
    "sans",
    // A cancelled, postponed or boycotted meeting did not take place.
    "cancelled",
    "canceled",
    "cancel",
    "cancels",
    "postponed",
    "postpone",
    "suspended",
    "suspend",
    "suspending",
    "boycotted",
    "boycott",
    "boycotting",
    "annulé",
    "annulée",
    "annule",
    "reporté",
    "reportée",
    "suspendu",
    "suspendue",
    "boycotté",
    "boycotte",
];
/// How many words before a trigger a modal reaches.
pub(super) const MODAL_REACH: usize = 6;
pub(super) const MODALS: &[&str] = &[
    // "consideration is being given to a summit"
    "consideration",
    "urged",
    "urges",
    "urge",
    "exhorte",
    "exhorté",
    "souhaite",
    "souhaitent",
    "souhaiterait",
    "souhaiteraient",
    "voudrait",
    "voudraient",
    "veut",
    "veulent",
    "pourrait",
    "pourraient",
    "espère",
    "espèrent",
    "envisage",
    "envisagent",
    "would",
    "could",
    "might",
    "may",
    "wants",
    "want",
    "wanted",
    "hopes",
    "hope",
    "hoped",
    "wishes",
    "wish",
    "seeks",
    "sought",
    "offered",
    "proposed",
    "propose",
    "proposé",
    "invite",
    "invited",
    "invité",
    "if",
    "si",
    "unless",
];
/// Words before a trigger that announce a future event.
pub(super) const PLANNED_MARKERS: &[&str] = &[
    "devrait",
    "devraient",
    "doit",
    "doivent",
    "va",
    "vont",
    "prévu",
    "prévue",
    "prévoit",
    // A meeting or visit noun after a light verb in the future: "effectuera
    // une visite", "fera une tournée".
    "effectuera",
    "effectueront",
    "fera",
    "feront",
    "entamera",
    "entameront",
    "will",
    "shall",
    "expected",
    "scheduled",
    "planned",
    "plans",
    "set",
    "due",
    "to",
];
/// Verbs after which an infinitive trigger is firmly scheduled: "is
/// scheduled to meet", "a décidé de convoquer".
pub(super) const SCHEDULING_VERBS: &[&str] = &[
    "scheduled",
    "slated",
    "set",
    "due",
    "expected",
    "decided",
    "agreed",
    "décidé",
    "décide",
    "décident",
    "décidera",
    "prévu",
    "prévoit",
    "prévoient",
    "accepté",
    "accepte",
    "convenu",
    "convenus",
];
/// Prepositions before a meeting's place. (Unaccented "a" is left out: in
/// English it is the article, "traveling to a U.S. base".)
pub(super) const LOCATIVES: &[&str] = &["à", "au", "aux", "en", "in", "at", "dans"];
/// Words before a name that make it a venue rather than a party.
pub(super) const VENUE_MARKERS: &[&str] = &["at", "à", "au", "in", "dans"];
/// Nouns of a venue named after its organization: "au siège de l'ONU", "at
/// the headquarters of NATO".
pub(super) const VENUE_NOUNS: &[&str] = &["siège", "headquarters", "palais", "palace"];
pub(super) const SOURCE_MARKERS: &[&str] = &["selon", "according", "d'après"];
/// Words skipped when reading the word before a name: "at the White
/// House" is at a venue, "according to the Post" a source.
pub(super) const SKIPPED_BEFORE: &[&str] = &["the", "le", "la", "l'", "les"];
/// Prepositions that make a state or organization the topic or the
/// addressee of the talks, not a party: "a meeting on Syria", "ambassador
/// to the United Nations", "sanctions against Russia".
/// Words before a meeting noun that make it the aim of the clause, still to
/// come: "pour préparer le sommet", "en vue du sommet", "to prepare the
/// summit", "in preparation for the talks".
pub(super) const PREPARING: &[&str] = &[
    "préparer",
    "prépare",
    "préparent",
    "préparait",
    "préparaient",
    "préparation",
    "vue",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "preparation",
];

/// Participles whose preposition introduces a meeting's topic: "consacrée
/// à la Syrie", "devoted to Syria".
pub(super) const TOPIC_PARTICIPLES: &[&str] = &[
    "consacré",
    "consacrée",
    "consacrés",
    "consacrées",
    "dédié",
    "dédiée",
    "devoted",
    "dedicated",
];

pub(super) const TOPIC_MARKERS: &[&str] = &[
    "on",
    "about",
    "over",
    "regarding",
    "concerning",
    "to",
    "toward",
    "towards",
    "against",
    "sur",
    "contre",
    "envers",
    "concernant",
    // "met to discuss Ukraine": the topic.
    "discuss",
    "discussed",
    "discussing",
    "discuter",
    "évoquer",
    "aborder",
    // "the first meeting since the shooting of X": a time, not a party.
    "since",
    "depuis",
];
/// Roles that any leading title of a country or organization fills ("the
/// Russian leader" is its president when the document names only one
/// holder of its titles).
pub(super) const GENERIC_ROLES: &[&str] = &["leader", "dirigeant", "chef", "head"];

/// Tokens that end a clause inside a sentence.
pub(super) const CLAUSE_EDGES: &[&str] = &[";", ":", "—", "–", "\"", "“", "”", "«", "»"];
/// Relative pronouns: after a comma, they open a clause of their own.
pub(super) const RELATIVES: &[&str] = &[
    "which", "who", "whom", "whose", "where", "qui", "dont", "où", "lequel", "laquelle",
];

/// Words that join the members of a list of parties.
pub(super) const LIST_GLUE: &[&str] = &[
    ",", "et", "and", "ou", "or", "de", "du", "des", "d'", "la", "le", "l'", "les", "the", "of",
    "ainsi", "que", "as", "well",
];
