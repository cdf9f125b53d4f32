//! Names the gazetteers do not know: persons after honorifics, titles and
//! given names, organizations built on head nouns with their complements,
//! acronyms defined in parentheses, places after locative prepositions, and
//! titles with what they are titles of.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use once_cell::sync::Lazy;

use crate::doc::{
    lowercase_differs, tokenize_into, Cue, CueKind, Document, Label, Lowered, Mention,
    MentionSource, SentenceKind, Span, TitleMention, Token, TokenKind,
};
use crate::pipeline::{Layer, Stage, StageError};
use crate::Lang;

/// The name and title rules.
///
/// Spans follow CoNLL conventions: the outermost name, no leading article or
/// honorific ("M. Hassanov" → "Hassanov"; "la Commission nationale ..." →
/// "Commission nationale ...").
///
/// Rules, in order of trust:
/// - **Persons**: an honorific, a title (with an optional nationality
///   adjective) or a known given name, followed by capitalised words
///   (particles such as de, van, von, ben, Le allowed inside, surnames in
///   capitals too); appositions in both orders ("X Y, ministre de ..." and
///   "le ministre ..., X Y,"); then every later occurrence of a found
///   person's full name or surname.
/// - **Organizations**: a capitalised head noun (Commission, Agence,
///   Ministère, Council, Party...) with its adjectives and prepositional
///   complements ("Commission nationale française pour l'élimination des
///   mines antipersonnel"), English capitalised names containing a head noun
///   ("National Security Council"), company suffixes (Inc., Ltd, SA, GmbH);
///   an acronym in parentheses right after an organization becomes an alias
///   mention of it, found again wherever it recurs.
/// - **Places**: an unknown capitalised name after "à", "en", "au", "aux"
///   (French) or "in", "near" (English).
///
/// Title-case headlines ("UNECA Director Says Dangers in Guinea") are read
/// with the person rules that need a given name only.
#[derive(Debug, Default)]
pub struct NameRules;

/// Capitalised words that never start a name: articles, pronouns,
/// prepositions, conjunctions, sentence openers, months and days.
const STOP_CAP: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "tu",
    "lui",
    "leur",
    "son",
    "sa",
    "ses",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "et",
    "ou",
    "mais",
    "donc",
    "car",
    "ni",
    "or",
    "si",
    "quand",
    "lorsque",
    "comme",
    "pour",
    "par",
    "sur",
    "sous",
    "dans",
    "avec",
    "sans",
    "chez",
    "entre",
    "vers",
    "selon",
    "après",
    "avant",
    "depuis",
    "pendant",
    "malgré",
    "en",
    "à",
    "au",
    "aux",
    "qui",
    "que",
    "qu'",
    "quoi",
    "dont",
    "où",
    "tout",
    "tous",
    "toute",
    "toutes",
    "aucun",
    "aucune",
    "chaque",
    "plusieurs",
    "certains",
    "alors",
    "ainsi",
    "aussi",
    "enfin",
    "puis",
    "cependant",
    "toutefois",
    "pourtant",
    "néanmoins",
    "lors",
    "dès",
    "face",
    "outre",
    "voici",
    "voilà",
    "oui",
    "non",
    "c'",
    "j'",
    "n'",
    "s'",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "and",
    "or",
    "but",
    "so",
    "if",
    "when",
    "while",
    "as",
    "for",
    "by",
    "on",
    "in",
    "at",
    "to",
    "from",
    "with",
    "without",
    "of",
    "after",
    "before",
    "since",
    "during",
    "under",
    "over",
    "about",
    "between",
    "into",
    "there",
    "here",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "all",
    "some",
    "many",
    "most",
    "both",
    "each",
    "every",
    "no",
    "not",
    "yes",
    "however",
    "meanwhile",
    "also",
    "then",
    "still",
    "yet",
    "according",
    "despite",
    "although",
    "though",
    "because",
    "once",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "m",
    "mme",
    "mlle",
    "utc",
    "gmt",
];

/// Lowercase words that may sit inside a person's name.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "van", "von", "der", "den", "ter", "ten", "ben", "bin", "ibn", "al",
    "el", "da", "di", "do", "dos", "das", "del", "della", "le", "la", "y", "bint", "abu", "ould",
];

/// Last words of a venue's name: "Rose Garden", "Trump Tower" are no
/// persons.
const PLACE_HEADS: &[&str] = &["garden", "gardens", "tower", "square", "palace"];

/// Given names that are also common words: before a country ("One
/// China", "Great Britain") they make a policy or a place, not a person.
const COMMON_WORD_GIVEN_NAMES: &[&str] = &["One", "Great", "New", "Grand", "Little", "Free"];

/// True for a mention of a country (gazetteer id: an ISO code).
fn is_country(m: &Mention) -> bool {
    m.label == Label::Loc
        && m.id
            .as_ref()
            .is_some_and(|id| id.len() == 2 && id.chars().all(|c| c.is_ascii_uppercase()))
}

/// Capitalised head nouns of organization names.
const ORG_HEADS: &[&str] = &[
    // French
    "commission",
    "agence",
    "ministère",
    "conseil",
    "office",
    "fondation",
    "université",
    "banque",
    "parti",
    "assemblée",
    "cour",
    "comité",
    "fédération",
    "union",
    "association",
    "institut",
    "organisation",
    "société",
    "groupe",
    "syndicat",
    "tribunal",
    "direction",
    "autorité",
    "haut-commissariat",
    "mouvement",
    "front",
    "église",
    "chambre",
    "sénat",
    "compagnie",
    "confédération",
    "centre",
    "observatoire",
    "académie",
    "école",
    "lycée",
    "collège",
    "musée",
    "hôpital",
    "préfecture",
    "mairie",
    "gendarmerie",
    "police",
    "armée",
    "alliance",
    "coalition",
    "ligue",
    "brigade",
    "régiment",
    "secrétariat",
    "délégation",
    "mission",
    "haute",
    "conférence",
    "forum",
    "entreprise",
    "caisse",
    "régie",
    "service",
    "services",
    "département",
    "club",
    "fonds",
    "programme",
    "bureau",
    "garde",
    "force",
    "forces",
    "communauté",
    "cabinet",
    "maison",
    "palais",
    "gouvernement",
    // English
    "ministry",
    "department",
    "agency",
    "council",
    "party",
    "court",
    "bank",
    "university",
    "committee",
    "institute",
    "organization",
    "organisation",
    "federation",
    "corporation",
    "company",
    "foundation",
    "authority",
    "office",
    "parliament",
    "senate",
    "congress",
    "assembly",
    "army",
    "navy",
    "corps",
    // Parties named by their members: "Christian Democrats".
    "democrats",
    "republicans",
    "socialists",
    "conservatives",
    "guard",
    "police",
    "administration",
    "commission",
    "board",
    "bureau",
    "center",
    "centre",
    "college",
    "school",
    "hospital",
    "museum",
    "church",
    "league",
    "alliance",
    "coalition",
    "association",
    "society",
    "group",
    "union",
    "fund",
    "forum",
    "conference",
    "secretariat",
    "service",
    "services",
    "force",
    "forces",
    "movement",
    "front",
    "tribunal",
    "chamber",
    "network",
    "institution",
    "academy",
    "inc",
    "ltd",
    "corp",
    "plc",
    "llc",
    "sa",
    "gmbh",
    "ag",
    "nv",
];

/// Adjectives that belong to a role ("directeur régional").
const ROLE_ADJECTIVES: &[&str] = &[
    "adjoint",
    "adjointe",
    "délégué",
    "déléguée",
    "général",
    "générale",
    "régional",
    "régionale",
    "national",
    "nationale",
    "exécutif",
    "exécutive",
    "intérimaire",
    "sortant",
    "sortante",
    "permanent",
    "permanente",
    "spécial",
    "spéciale",
    "principal",
    "principale",
];

/// Words for the person in the same office elsewhere, which a name
/// follows.
const COUNTERPARTS: &[&str] = &["homologue", "homologues", "counterpart", "counterparts"];

/// Longer function words that title case leaves in lowercase.
const TITLE_CASE_LOWER: &[&str] = &[
    "about", "after", "under", "among", "against", "between", "through", "without", "during",
    "before", "around", "across", "despite", "toward", "towards", "après", "avant", "contre",
    "entre", "selon", "depuis", "pendant", "malgré", "après", "leurs",
];

/// Words of a holder's tenure before an English title: "Spain's acting
/// prime minister", "the former Chilean president".
const PRE_TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "former",
    "new",
    "interim",
    "outgoing",
    "incoming",
    "retired",
    "late",
    "current",
    "then",
    "newly",
    "elected",
    "caretaker",
];

/// Head words of named events: competitions, festivals, games.
const EVENT_HEADS: &[&str] = &[
    "championnat",
    "championnats",
    "coupe",
    "open",
    "jeux",
    "tournoi",
    "festival",
    "rallye",
    "mondial",
    "marathon",
    "trophée",
    "ironman",
    "tour",
    "salon",
    "biennale",
    "exposition",
    "grand-prix",
    "prix",
    "olympiades",
    "championship",
    "championships",
    "cup",
    "games",
    "olympics",
    "tournament",
    "grand",
    "world",
];

/// Prepositions that open a complement of a French organization name.
const ORG_PREPS_FR: &[&str] = &[
    "de", "du", "des", "d'", "pour", "sur", "contre", "en", "à", "au", "aux", "et",
];
/// Articles after such a preposition.
const ORG_DETS_FR: &[&str] = &["la", "le", "l'", "les"];
/// Small words inside English capitalised names.
const NAME_GLUE_EN: &[&str] = &["of", "for", "and", "on", "the", "de", "&"];
/// Prepositions before an unknown place's name, in French and in English.
const LOCATIVES_FR: &[&str] = &["à", "en", "au", "aux"];
const LOCATIVES_EN: &[&str] = &["in", "near"];
/// What joins the names of a list of persons.
const LIST_GLUE: &[&str] = &[",", "and", "et"];

/// Bits of a token's facts ([`SentenceWords`]): whether it is a capitalised
/// word ([`is_cap`]), and which word lists hold it in lowercase. They are
/// worked out once per token, with one lookup in [`LEXICON`]; the rules ask
/// them of most tokens several times, in each of three passes, and a hash
/// lookup per list and question was a large part of the stage.
mod facts {
    pub(super) const CAP: u32 = 1;
    /// [`super::STOP_CAP`].
    pub(super) const STOP: u32 = 1 << 1;
    /// [`super::ORG_HEADS`].
    pub(super) const ORG: u32 = 1 << 2;
    /// [`super::EVENT_HEADS`].
    pub(super) const EVENT: u32 = 1 << 3;
    /// [`super::PARTICLES`].
    pub(super) const PARTICLE: u32 = 1 << 4;
    /// [`super::PLACE_HEADS`].
    pub(super) const PLACE_HEAD: u32 = 1 << 5;
    /// [`super::COUNTERPARTS`].
    pub(super) const COUNTERPART: u32 = 1 << 6;
    /// [`super::ROLE_ADJECTIVES`].
    pub(super) const ROLE_ADJECTIVE: u32 = 1 << 7;
    /// [`super::PRE_TITLE_MODIFIERS`].
    pub(super) const PRE_TITLE: u32 = 1 << 8;
    /// [`super::ORG_PREPS_FR`].
    pub(super) const ORG_PREP_FR: u32 = 1 << 9;
    /// [`super::ORG_DETS_FR`].
    pub(super) const ORG_DET_FR: u32 = 1 << 10;
    /// [`super::NAME_GLUE_EN`].
    pub(super) const NAME_GLUE_EN: u32 = 1 << 11;
    /// [`super::LOCATIVES_FR`].
    pub(super) const LOCATIVE_FR: u32 = 1 << 12;
    /// [`super::LOCATIVES_EN`].
    pub(super) const LOCATIVE_EN: u32 = 1 << 13;
    /// [`super::LIST_GLUE`].
    pub(super) const LIST_GLUE: u32 = 1 << 14;
    /// A cue starts at the token (see [`super::Ctx::cue`]): the rules that
    /// start on a cue find the next one in the facts alone.
    pub(super) const CUE: u32 = 1 << 15;
    /// A title cue starts at the token.
    pub(super) const TITLE_CUE: u32 = 1 << 16;
    /// A mention starts at the token, as [`super::mentions_at`] last found
    /// them (they change between the passes).
    pub(super) const MENTION: u32 = 1 << 17;
    /// That mention is a person.
    pub(super) const PERSON_MENTION: u32 = 1 << 18;
    /// Set on a sentence's first token: a person mention starts in the
    /// sentence, as [`super::mentions_at`] last found them (a rule that
    /// needs one knows without a scan of the sentence's tokens).
    pub(super) const PERSON_IN_SENTENCE: u32 = 1 << 19;
}

/// Every word list the rules test tokens against, as one map from a
/// lowercase word to the [`facts`] bits of the lists that hold it, with
/// a cheap test in front of the hash lookup: most words of a text are in
/// none of the lists, and their first two bytes or their length say so
/// without hashing.
struct Lexicon {
    /// The words of up to [`SHORT`] bytes, by [`short_key`]: most words a
    /// text holds are short function words ("de", "la", "the"), and one
    /// integer hashes and compares faster than a string.
    short: ShortTable,
    /// The longer words.
    long: LongTable,
    /// By byte, the facts of a one-byte token that is its own lowercase
    /// (ASCII but the capitals), as [`Lexicon::facts`] gives them; [`NOT_OWN_LOWERCASE`]
    /// for the others. One token in six is a punctuation mark, told this
    /// way with one load, not the reading and probing of a word.
    one_byte: [u32; 256],
}

/// [`Lexicon::one_byte`] for a byte that is no one-byte token in its own
/// lowercase (no fact bit is this high).
const NOT_OWN_LOWERCASE: u32 = u32::MAX;

/// A map from [`short_key`]s to facts, open-addressed: a multiply, a shift
/// and a compare or two per lookup (a general hash map took three times as
/// many instructions, for every token of a text).
struct ShortTable {
    /// Key and facts by slot, key 0 and no facts for an empty slot (no
    /// word's key is 0: its length is in it). As many slots as known when
    /// compiling: a probe's index needs no bound check, and the mask and
    /// shift are constants, not loaded at each token.
    slots: [(u64, u32); SHORT_SLOTS],
}

/// How many words of at most [`SHORT`] bytes the lexicon's lists hold,
/// repeats counted.
const SHORT_WORDS: usize = {
    let mut n = 0;
    let mut k = 0;
    while k < LEXICON_LISTS.len() {
        let list = LEXICON_LISTS[k].0;
        let mut w = 0;
        while w < list.len() {
            if list[w].len() <= SHORT {
                n += 1;
            }
            w += 1;
        }
        k += 1;
    }
    n
};

/// [`ShortTable`]'s slots: at least [`ShortTable::ROOM`] a word, a power of
/// two.
const SHORT_SLOTS: usize = (SHORT_WORDS * ShortTable::ROOM).next_power_of_two();

impl ShortTable {
    /// Slots per key, at least: a sparse table, so most probes end at the
    /// first slot.
    const ROOM: usize = 4;

    fn new(entries: impl Iterator<Item = (u64, u32)>) -> ShortTable {
        let mut table = ShortTable {
            slots: [(0, 0); SHORT_SLOTS],
        };
        for (key, bits) in entries.filter(|&(key, _)| key != 0) {
            let mut i = Self::slot(key);
            while table.slots[i].0 != 0 && table.slots[i].0 != key {
                i = (i + 1) & (SHORT_SLOTS - 1);
            }
            table.slots[i].0 = key;
            table.slots[i].1 |= bits;
        }
        table
    }

    /// Where `key`'s probe starts: Fibonacci hashing, the top bits of the
    /// product.
    fn slot(key: u64) -> usize {
        let product = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (product >> (64 - SHORT_SLOTS.trailing_zeros())) as usize & (SHORT_SLOTS - 1)
    }

    fn get(&self, key: u64) -> u32 {
        let mut i = Self::slot(key);
        loop {
            // Key 0 (the empty word) stops at the first empty slot, whose
            // facts are none.
            let (k, bits) = self.slots[i & (SHORT_SLOTS - 1)];
            if k == key {
                return bits;
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) & (SHORT_SLOTS - 1);
        }
    }
}

/// A map from words of more than [`SHORT`] bytes to facts, open-addressed
/// by their first eight bytes and length: most long words of a text are in
/// no list, and a multiply and a compare tell them (a general hash map
/// hashed every byte of each, behind a test of its first two bytes that
/// most words passed).
struct LongTable {
    /// By slot: a word's first eight bytes, the word and its facts.
    slots: Vec<Option<(u64, &'static str, u32)>>,
    /// As [`ShortTable::shift`].
    shift: u32,
}

impl LongTable {
    /// Slots per word, at least, as [`ShortTable::ROOM`].
    const ROOM: usize = 4;

    fn new(entries: impl Iterator<Item = (&'static str, u32)>) -> LongTable {
        let entries: Vec<(&'static str, u32)> = entries.collect();
        let size = (entries.len() * Self::ROOM).next_power_of_two().max(2);
        let mut table = LongTable {
            slots: vec![None; size],
            shift: 64 - size.trailing_zeros(),
        };
        for (word, bits) in entries {
            let Some(prefix) = long_prefix(word.as_bytes()) else {
                continue;
            };
            let mut i = table.slot(prefix, word.len());
            while table.slots[i].is_some() {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = Some((prefix, word, bits));
        }
        table
    }

    /// Where the probe for a word of `len` bytes starting with `prefix`
    /// starts.
    fn slot(&self, prefix: u64, len: usize) -> usize {
        let product = (prefix ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (product >> self.shift) as usize & (self.slots.len() - 1)
    }

    /// Most long words of a text are in no list, and most of those find
    /// their first slot empty: that test is made here, and the probe of
    /// full slots (and its compare of strings) in [`LongTable::probe`], so
    /// that the usual miss saves and restores no registers.
    #[inline(always)]
    fn get(&self, word: &[u8]) -> u32 {
        let Some(prefix) = long_prefix(word) else {
            return 0;
        };
        let i = self.slot(prefix, word.len());
        match self.slots.get(i) {
            Some(Some(_)) => self.probe(i, prefix, word),
            _ => 0,
        }
    }

    /// [`LongTable::get`] from slot `i` on, `prefix` being the word's
    /// [`long_prefix`].
    #[inline(never)]
    fn probe(&self, mut i: usize, prefix: u64, word: &[u8]) -> u32 {
        while let Some(&Some((p, w, bits))) = self.slots.get(i) {
            if p == prefix && w.as_bytes() == word {
                return bits;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
        0
    }
}

/// The first eight bytes of `word`, as one integer, if it has as many.
fn long_prefix(word: &[u8]) -> Option<u64> {
    word.first_chunk::<8>().map(|b| u64::from_le_bytes(*b))
}

/// Words up to this many bytes are [`Lexicon::short`] ones.
const SHORT: usize = 7;

/// A word of at most [`SHORT`] bytes as one integer: its bytes, and its
/// length in the top byte (so that trailing NULs still tell words apart).
fn short_key(word: &[u8]) -> u64 {
    let n = word.len();
    // Two loads that overlap in the middle cover the word: a byte read
    // twice lands twice in the same place.
    let bytes = match *word {
        [] => 0,
        [a] => u64::from(a),
        [a, b, ..] if n <= 3 => {
            let head = u64::from(u16::from_le_bytes([a, b]));
            let tail = u64::from(u16::from_le_bytes([word[n - 2], word[n - 1]]));
            head | tail << (8 * (n - 2))
        }
        [a, b, c, d, ..] => {
            let head = u64::from(u32::from_le_bytes([a, b, c, d]));
            let tail = u64::from(u32::from_le_bytes([
                word[n - 4],
                word[n - 3],
                word[n - 2],
                word[n - 1],
            ]));
            head | tail << (8 * (n - 4))
        }
        _ => 0,
    };
    (n as u64) << 56 | bytes
}

impl Lexicon {
    /// The bits of the lists that hold `word` (lowercase); 0 for none.
    #[inline(always)]
    fn facts(&self, bytes: &[u8]) -> u32 {
        if bytes.len() <= SHORT {
            // Most words: one probe of the short table costs less than the
            // first-bytes test would in front of it, and inline, less than
            // a call would (the hashing of long words kept registers that
            // every call saved and restored).
            return self.short.get(short_key(bytes));
        }
        self.long_facts(bytes)
    }

    /// [`Lexicon::facts`] for a word of more than [`SHORT`] bytes.
    #[inline(never)]
    fn long_facts(&self, word: &[u8]) -> u32 {
        self.long.get(word)
    }
}

/// The word lists the lexicon holds, each with the fact bit it sets.
const LEXICON_LISTS: [(&[&str], u32); 14] = [
    (STOP_CAP, facts::STOP),
    (ORG_HEADS, facts::ORG),
    (EVENT_HEADS, facts::EVENT),
    (PARTICLES, facts::PARTICLE),
    (PLACE_HEADS, facts::PLACE_HEAD),
    (COUNTERPARTS, facts::COUNTERPART),
    (ROLE_ADJECTIVES, facts::ROLE_ADJECTIVE),
    (PRE_TITLE_MODIFIERS, facts::PRE_TITLE),
    (ORG_PREPS_FR, facts::ORG_PREP_FR),
    (ORG_DETS_FR, facts::ORG_DET_FR),
    (NAME_GLUE_EN, facts::NAME_GLUE_EN),
    (LOCATIVES_FR, facts::LOCATIVE_FR),
    (LOCATIVES_EN, facts::LOCATIVE_EN),
    (LIST_GLUE, facts::LIST_GLUE),
];

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut words: FxHashMap<&'static str, u32> = FxHashMap::default();
    for (list, bit) in LEXICON_LISTS {
        for &w in list {
            *words.entry(w).or_default() |= bit;
        }
    }
    // The empty word (a token past the end) is in no list.
    words.remove("");
    let short = ShortTable::new(
        words
            .iter()
            .filter(|(w, _)| w.len() <= SHORT)
            .map(|(w, &bits)| (short_key(w.as_bytes()), bits)),
    );
    let mut one_byte = [NOT_OWN_LOWERCASE; 256];
    for b in (0..0x80u8).filter(|b| !b.is_ascii_uppercase()) {
        one_byte[usize::from(b)] = short.get(short_key(&[b]));
    }
    Lexicon {
        short,
        long: LongTable::new(words.into_iter().filter(|(w, _)| w.len() > SHORT)),
        one_byte,
    }
});

/// The fields of government a French ministry is named for, as written
/// in lowercase ("ministère des affaires étrangères", "de l'économie").
const MINISTRY_FIELDS: &[&str] = &[
    "affaires",
    "intérieur",
    "économie",
    "finances",
    "budget",
    "défense",
    "armées",
    "justice",
    "santé",
    "culture",
    "éducation",
    "enseignement",
    "recherche",
    "agriculture",
    "travail",
    "emploi",
    "environnement",
    "écologie",
    "transports",
    "industrie",
    "commerce",
    "énergie",
    "logement",
    "sports",
    "jeunesse",
    "solidarité",
    "solidarités",
    "outre-mer",
    "information",
    "communication",
    "coopération",
    "intégration",
    "immigration",
    "fonction",
    "mines",
    "pêche",
    "tourisme",
    "plan",
    "équipement",
];

/// French adjective endings: "nationale", "antipersonnel", "français".
fn looks_like_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ique", "iques", "aire", "aires",
        "if", "ive", "ifs", "ives", "ien", "ienne", "iens", "iennes", "ais", "aise", "aises",
        "ain", "aine", "ains", "aines", "é", "ée", "és", "ées", "eur", "eure", "ier", "ière",
        "iste", "istes", "ois", "oise", "an", "ane", "eux", "euse", "in", "ine",
    ];
    // "affaires étrangères": no ending above tells it, and "-ère" would
    // take nouns ("frères").
    const OTHERS: &[&str] = &["étranger", "étrangère", "étrangers", "étrangères"];
    word.chars().count() > 3 && ENDINGS.iter().any(|e| word.ends_with(e)) || OTHERS.contains(&word)
}

/// `s` in lowercase, as [`str::to_lowercase`] gives it: ASCII words take
/// the identical ASCII mapping, without allocating when nothing changes.
fn lower(s: &str) -> Lowered<'_> {
    Lowered(if !s.is_ascii() {
        Cow::Owned(s.to_lowercase())
    } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    })
}

/// Appends `word` in lowercase to `out`, as [`lower`] gives it, when that may
/// differ from the word, and returns where it went; `None` when the word is
/// its own lowercase (ASCII without capitals).
fn push_lower(word: &str, out: &mut Vec<u8>) -> Option<(u32, u32)> {
    let start = out.len();
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        out.extend_from_slice(word.as_bytes());
        out[start..].make_ascii_lowercase();
    } else if !word.chars().any(lowercase_differs) {
        // Accented words in lowercase (most non-ASCII words of French
        // text) are their own lowercase.
        return None;
    } else if word.contains('Σ') {
        // A final sigma lowercases by its place in the word, which only
        // `str::to_lowercase` knows.
        out.extend_from_slice(word.to_lowercase().as_bytes());
    } else {
        // Char by char, as `str::to_lowercase` does for every other char.
        out.reserve(word.len());
        let mut buf = [0; 4];
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase() as u8);
            } else {
                for l in c.to_lowercase() {
                    out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    Some((u32::try_from(start).ok()?, u32::try_from(out.len()).ok()?))
}

/// True for a capitalised word, and for Arabic-style surnames written with
/// a lowercase article ("al-Assad", "el-Sissi", "ben-Gourion").
#[inline(always)]
fn is_cap(word: &str) -> bool {
    // ASCII first bytes (most words) without decoding: a capital, or a
    // lowercase letter that starts none of the articles below.
    match word.as_bytes().first() {
        None => false,
        Some(b'A'..=b'Z') => true,
        Some(b'a' | b'e' | b'b' | b'i' | b'o') => is_cap_slow(word),
        Some(b) if b.is_ascii() => false,
        Some(_) => is_cap_slow(word),
    }
}

/// [`is_cap`] for a word that starts with a non-ASCII char or with the
/// first letter of an article.
#[inline(never)]
fn is_cap_slow(word: &str) -> bool {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    // Called for every word, most of them lowercase: look for an article
    // only up to the first hyphen (each article ends there).
    const ARTICLES: &[&str] = &[
        "al-", "el-", "ad-", "ash-", "ben-", "bin-", "ibn-", "abu-", "ould-",
    ];
    if !matches!(
        word.as_bytes().first(),
        Some(b'a' | b'e' | b'b' | b'i' | b'o')
    ) {
        return false;
    }
    let Some(dash) = word.bytes().position(|b| b == b'-') else {
        return false;
    };
    let (article, rest) = word.split_at(dash + 1);
    ARTICLES.contains(&article) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// At least two letters, all of them uppercase (digits and marks aside).
fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The words of a document, read once for all the rules' passes: every
/// sentence's tokens, in lowercase, with their facts and cues, in buffers
/// for the whole document (a handful of allocations per document, not a
/// handful per sentence).
struct Words {
    tokens: Vec<Token>,
    /// Each token's lowercase and facts, one entry a token (one list
    /// filled at once costs less than two pushed to token by token).
    facts: Vec<TokenFacts>,
    /// The tokens' lowercase where it may differ from them, one after the
    /// other ([`TokenFacts::lower`]).
    lower_text: String,
    /// Token index → cue index, for cues starting at that token (the cues
    /// do not change during the stage, so this is worked out once, not in
    /// each of the three passes).
    cue_at: Vec<Option<usize>>,
    /// Token index → mention index, for mentions starting at that token
    /// inside its sentence ([`mentions_at`], again before each pass).
    mention_at: Vec<Option<usize>>,
    /// The tokens `mention_at` and the mention [`facts`] are set for: the
    /// next pass clears those, not every token.
    marked: Vec<usize>,
}

/// What [`read_token`] tells of a token.
#[derive(Clone, Copy)]
struct TokenFacts {
    /// The token in lowercase where that may differ from it
    /// ([`Ctx::lower`]): its bytes in [`Words::lower_text`].
    lower: Option<(u32, u32)>,
    /// What the token is ([`facts`]).
    bits: u32,
}

/// A sentence read word by word.
struct SentenceWords {
    span: Span,
    /// Its tokens' indices in [`Words`].
    tokens: std::ops::Range<usize>,
    /// A headline in title case: only the most trusted rules read it.
    title_case: bool,
    /// Page furniture: only the most trusted rules apply.
    furniture: bool,
    /// The last of its tokens ([`SentenceWords::tokens`] index) with a
    /// title cue, if any: a rule that ends on a title tries no token past
    /// it.
    last_title: Option<usize>,
    /// The last of its tokens that is a head noun of an organization
    /// ([`facts::ORG`]), if any: a name needs a head at its start or after.
    last_org_head: Option<usize>,
}

/// What the rules know about the tokens of one sentence.
struct Ctx<'d> {
    text: &'d str,
    tokens: &'d [Token],
    /// Token index → its facts, and its lowercase ([`lower`]) where that
    /// differs from the token, worked out once per document: the rules
    /// look most tokens up several times.
    facts: &'d [TokenFacts],
    lower_text: &'d str,
    /// Token index → cue index ([`Words::cue_at`]).
    cue_at: &'d [Option<usize>],
    /// Token index → mention index, for mentions starting there.
    mention_at: &'d [Option<usize>],
    cues: &'d [Cue],
    mentions: &'d [Mention],
    lang: Option<Lang>,
    title_case: bool,
    /// Page furniture: only the most trusted rules apply.
    furniture: bool,
    /// [`SentenceWords::last_title`].
    last_title: Option<usize>,
    /// [`SentenceWords::last_org_head`].
    last_org_head: Option<usize>,
}

impl<'d> Ctx<'d> {
    fn word(&self, i: usize) -> &'d str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// Token `i` in lowercase, as `lower(self.word(i))` gives it.
    fn lower(&self, i: usize) -> Lowered<'_> {
        let range = self.facts.get(i).and_then(|f| f.lower);
        Lowered::borrowed(
            match range.and_then(|(s, e)| self.lower_text.get(s as usize..e as usize)) {
                Some(lower) => lower,
                None => self.word(i),
            },
        )
    }

    /// Whether token `i` has any of the `bits` of [`facts`] (none past
    /// the end, where the word is "").
    fn has(&self, i: usize, bits: u32) -> bool {
        self.facts.get(i).is_some_and(|f| f.bits & bits != 0)
    }

    /// The first token from `from` on with any of the `bits` of [`facts`]:
    /// the rules pass most tokens this way. The next such token is most
    /// often a few tokens on, so they are tested one by one, without the
    /// setting up of a faster scan.
    fn next_with(&self, from: usize, bits: u32) -> Option<usize> {
        let mut k = from;
        while let Some(f) = self.facts.get(k) {
            if f.bits & bits != 0 {
                return Some(k);
            }
            k += 1;
        }
        None
    }

    /// True when token `i` is a capitalised word: `is_cap(self.word(i))`.
    fn cap(&self, i: usize) -> bool {
        self.has(i, facts::CAP)
    }

    /// `STOP_CAP.contains(self.lower(i))`.
    fn stop(&self, i: usize) -> bool {
        self.has(i, facts::STOP)
    }

    /// `ORG_HEADS.contains(self.lower(i))`.
    fn org_head(&self, i: usize) -> bool {
        self.has(i, facts::ORG)
    }

    /// `EVENT_HEADS.contains(self.lower(i))`.
    fn event_head(&self, i: usize) -> bool {
        self.has(i, facts::EVENT)
    }

    /// `PARTICLES.contains(self.lower(i))`.
    fn particle(&self, i: usize) -> bool {
        self.has(i, facts::PARTICLE)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The token index just after a span ending at `end`.
    fn after(&self, end: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < end)
    }

    fn cue(&self, i: usize) -> Option<&'d Cue> {
        self.cue_at.get(i).copied().flatten().map(|c| &self.cues[c])
    }

    fn mention(&self, i: usize) -> Option<&'d Mention> {
        self.mention_at
            .get(i)
            .copied()
            .flatten()
            .map(|m| &self.mentions[m])
    }

    /// Token index where the cue or mention starting at `i` ends (exclusive).
    fn end_of(&self, span: Span) -> usize {
        self.after(span.end)
    }

    /// A capitalised name starting at token `i`: its last token (inclusive),
    /// or `None`. Particles are taken only when a capitalised word follows.
    #[inline(always)]
    fn cap_seq(&self, i: usize, max_words: usize) -> Option<usize> {
        // Most tokens are no capitalised word: said from the facts without
        // a call (the rules try a name at almost every token).
        if !self.is_word(i) || !self.cap(i) || self.stop(i) {
            return None;
        }
        self.cap_seq_from(i, max_words)
    }

    /// [`Ctx::cap_seq`] from a capitalised word that is no stop word.
    #[inline(never)]
    fn cap_seq_from(&self, i: usize, max_words: usize) -> Option<usize> {
        if self.cue(i).is_some_and(|c| {
            matches!(
                c.kind,
                CueKind::Title | CueKind::Honorific | CueKind::Trigger
            )
        }) {
            return None;
        }
        let blocked = |j: usize| {
            self.cue(j).is_some_and(|c| {
                matches!(
                    c.kind,
                    CueKind::Title | CueKind::Trigger | CueKind::Honorific
                )
            })
        };
        let mut last = i;
        let mut j = i + 1;
        let mut words = 1;
        while words < max_words {
            let w = self.word(j);
            if !self.is_word(j) {
                // "Anne S. Casper": an initial's period inside the name.
                let initial = w == "." && last + 1 == j && self.word(last).chars().count() == 1;
                if initial && self.is_word(j + 1) && self.cap(j + 1) && !blocked(j + 1) {
                    j += 1;
                    continue;
                }
                break;
            }
            let next_is_name = self.is_word(j + 1) && self.cap(j + 1) && !self.stop(j + 1);
            // "Masayoshi Son,": inside a sentence a capitalised stop word
            // that ends a name before punctuation is the name's ("Son"
            // is no determiner there).
            let name_final_stop = self.stop(j)
                && !self.is_word(j + 1)
                && matches!(self.word(j + 1), "," | "." | ";" | ")")
                && !self.tokens[j]
                    .span
                    .slice(self.text)
                    .chars()
                    .all(char::is_uppercase);
            if self.cap(j) && (!self.stop(j) || name_final_stop || self.particle(j) && next_is_name)
            {
                if blocked(j) {
                    break;
                }
                last = j;
                j += 1;
                words += 1;
            } else if self.particle(j) && next_is_name {
                j += 1; // the particle, kept if a name follows
            } else {
                break;
            }
        }
        Some(last)
    }

    fn span(&self, from: usize, to: usize) -> Span {
        self.tokens[from].span.cover(self.tokens[to].span)
    }
}

fn person(span: Span, rule: &'static str) -> Mention {
    Mention::new(span, Label::Per, MentionSource::Rule(rule))
}

impl NameRules {
    /// Person rules over one sentence.
    fn person_rules(&self, cx: &Ctx<'_>, out: &mut Vec<Mention>) {
        let first_new = out.len();
        self.named_person_rules(cx, out);
        self.listed_persons(cx, first_new, out);
    }

    /// "Jamal Zahalka, Haneen Zoabi, and Basel Ghattas": a capitalised name
    /// of two or three words listed between two persons is a person too,
    /// though no list knows its given name. Both neighbours must be persons
    /// and only list words may lie between, so "Anne Roy and Bank of Chile"
    /// is left alone.
    fn listed_persons(&self, cx: &Ctx<'_>, first_new: usize, out: &mut Vec<Mention>) {
        let n = cx.tokens.len();
        // A listed person comes right after a person: none in the sentence
        // (most sentences), nothing to look for.
        let any_person = !out[first_new..].is_empty() || cx.has(0, facts::PERSON_IN_SENTENCE);
        if !any_person {
            return;
        }
        // Token index → the token after the person starting there, and the
        // tokens that end a person.
        let mut person_end_after: Vec<Option<usize>> = vec![None; n];
        let mut ends_person = vec![false; n];
        let sentence_persons = out[first_new..].iter().map(|m| m.span).chain(
            cx.mention_at
                .iter()
                .flatten()
                .map(|&m| &cx.mentions[m])
                .filter(|m| m.label == Label::Per)
                .map(|m| m.span),
        );
        for span in sentence_persons {
            let start = cx.tokens.partition_point(|t| t.span.start < span.start);
            let after = cx.after(span.end);
            if start < n && after > start {
                person_end_after[start] = Some(after);
                ends_person[after - 1] = true;
            }
        }
        let is_glue = |k: usize| cx.has(k, facts::LIST_GLUE);
        // The token after a run of list words that starts at `k`, if the
        // run is one or two words long (", and").
        let skip_glue = |k: usize| -> Option<usize> {
            let mut j = k;
            while j < n && j < k + 2 && is_glue(j) {
                j += 1;
            }
            (j > k).then_some(j)
        };
        let mut found = Vec::new();
        let mut i = 1;
        while i < n {
            // Glue right before `i` (the rarest condition, tested first), and
            // a person right before the glue.
            if !is_glue(i - 1) {
                i += 1;
                continue;
            }
            let taken = person_end_after[i].is_some() || cx.mention(i).is_some();
            let mut g = i;
            while g > 0 && i - g < 2 && is_glue(g - 1) {
                g -= 1;
            }
            let after_person = g < i && g > 0 && ends_person[g - 1];
            if taken || !after_person {
                i += 1;
                continue;
            }
            let Some(last) = cx.cap_seq(i, 3).filter(|&l| l > i) else {
                i += 1;
                continue;
            };
            let inner_free = (i..=last).all(|k| cx.mention(k).is_none() && cx.cue(k).is_none());
            let before_person =
                skip_glue(last + 1).is_some_and(|j| j < n && person_end_after[j].is_some());
            if inner_free && before_person && !cx.org_head(last) {
                found.push(person(cx.span(i, last), "listed-person"));
            }
            i = last + 1;
        }
        out.extend(found);
    }

    fn named_person_rules(&self, cx: &Ctx<'_>, out: &mut Vec<Mention>) {
        let n = cx.tokens.len();
        let mut i = 0;
        while i < n {
            // Each rule below needs a cue, a counterpart or a capitalised
            // word here: most tokens have none and are passed in one scan.
            let Some(next) = cx.next_with(i, facts::CUE | facts::COUNTERPART | facts::CAP) else {
                break;
            };
            i = next;
            if let Some(cue) = cx.cue(i) {
                match cue.kind {
                    CueKind::Title => {
                        let title_end = cx.end_of(cue.span);
                        let (_, after) = self.title_phrase(cx, i, cue);
                        // A name right after the title (a nationality
                        // adjective may sit between).
                        let mut k = title_end;
                        if let Some(m) = cx.mention(k).filter(|m| m.label == Label::Misc) {
                            k = cx.end_of(m.span);
                        }
                        if !cx.title_case {
                            if let Some(last) = cx.cap_seq(k, 5).filter(|_| {
                                cx.mention(k).is_none_or(|m| {
                                    m.label == Label::Per || self.place_word_as_surname(cx, k)
                                })
                            }) {
                                out.push(person(cx.span(k, last), "title-name"));
                                i = last + 1;
                                continue;
                            }
                            if let Some((k, last)) = self.apposed_name(cx, after) {
                                out.push(person(cx.span(k, last), "title-apposition"));
                                i = last + 1;
                                continue;
                            }
                        }
                        i = title_end.max(i + 1);
                        continue;
                    }
                    CueKind::Honorific => {
                        let k = cx.end_of(cue.span);
                        let k = if cx.word(k) == "." { k + 1 } else { k };
                        if let Some(last) = cx.cap_seq(k, 4) {
                            out.push(person(cx.span(k, last), "honorific-name"));
                            i = last + 1;
                            continue;
                        }
                    }
                    CueKind::GivenName => {
                        // "Wilson Center", "Lincoln University", "Rose
                        // Garden": a name ending on an organization's or a
                        // venue's head is no person; "One China": nor is a
                        // common-word given name and a country.
                        let not_a_person = |l: usize| {
                            cx.org_head(l)
                                || cx.has(l, facts::PLACE_HEAD)
                                || l == i + 1
                                    && COMMON_WORD_GIVEN_NAMES.contains(&cx.word(i))
                                    && cx.mention(l).is_some_and(is_country)
                        };
                        // "Shi'ite": a given name ("Shi") that an
                        // apostrophe ties to more letters is none
                        // ("Jean-Yves" is two).
                        let whole_words = !cx.text[cue.span.end..].starts_with(['\'', '’']);
                        if let Some(last) = cx
                            .cap_seq(i, 5)
                            .filter(|&l| whole_words && l > i && !not_a_person(l))
                        {
                            out.push(person(cx.span(i, last), "given-name"));
                            i = last + 1;
                            continue;
                        }
                    }
                    CueKind::Trigger => {}
                }
            }
            // "son homologue indien Narendra Modi", "his Chinese
            // counterpart Wang Yi": a counterpart is a person.
            if !cx.title_case && cx.has(i, facts::COUNTERPART) {
                let mut k = i + 1;
                if let Some(m) = cx.mention(k).filter(|m| m.label == Label::Misc) {
                    k = cx.end_of(m.span);
                }
                if cx.mention(k).is_none() {
                    if let Some(last) = cx.cap_seq(k, 4).filter(|&l| l > k) {
                        out.push(person(cx.span(k, last), "counterpart-name"));
                        i = last + 1;
                        continue;
                    }
                }
            }
            // "Xavier Dupuis, ministre de ...": a name before an apposed title
            // (none with no title further on).
            if !cx.title_case && cx.last_title.is_some_and(|t| t > i) && cx.mention(i).is_none() {
                if let Some(last) = cx.cap_seq(i, 4).filter(|&l| l > i) {
                    let mut k = last + 1;
                    if cx.word(k) == "," {
                        k += 1;
                        if matches!(
                            cx.lower(k).as_str(),
                            "le" | "la" | "l'" | "the" | "a" | "an"
                        ) {
                            k += 1;
                        }
                        if let Some(m) = cx.mention(k).filter(|m| m.label == Label::Misc) {
                            k = cx.end_of(m.span);
                        }
                        if cx.cue(k).is_some_and(|c| c.kind == CueKind::Title) {
                            out.push(person(cx.span(i, last), "name-apposition"));
                            i = last + 1;
                            continue;
                        }
                    }
                }
            }
            i += 1;
        }
    }

    /// A one-word place right after a title or honorific, followed by no
    /// other name, reads as a surname ("le président Hollande").
    fn place_word_as_surname(&self, cx: &Ctx<'_>, k: usize) -> bool {
        cx.mention(k).is_some_and(|m| {
            m.label == Label::Loc
                && cx.end_of(m.span) == k + 1
                && !(cx.is_word(k + 1) && cx.cap(k + 1))
        })
    }

    /// "le président de X, Gérard Chesnel,": a name after the comma that
    /// closes a title phrase (further titles and articles may come first).
    fn apposed_name(&self, cx: &Ctx<'_>, after: usize) -> Option<(usize, usize)> {
        if cx.word(after) != "," {
            return None;
        }
        let mut k = after + 1;
        let limit = after + 6;
        while k < limit {
            if let Some(c) = cx.cue(k).filter(|c| c.kind == CueKind::Title) {
                k = cx.end_of(c.span);
            } else if matches!(cx.lower(k).as_str(), "le" | "la" | "l'" | "the") {
                k += 1;
            } else {
                break;
            }
        }
        let last = cx.cap_seq(k, 5)?;
        let next = cx.word(last + 1);
        (last > k && cx.mention(k).is_none() && matches!(next, "," | "." | "" | ";" | ")"))
            .then_some((k, last))
    }

    /// Organization and place rules over one sentence.
    fn organization_and_place_rules(&self, cx: &Ctx<'_>, out: &mut Vec<Mention>) {
        let n = cx.tokens.len();
        let mut i = 0;
        while i < n {
            let Some(start) = self.next_org_or_place_start(cx, i) else {
                break;
            };
            i = start;
            if let Some(last) = self.event_name(cx, i) {
                out.push(Mention::new(
                    cx.span(i, last),
                    Label::Misc,
                    MentionSource::Rule("event-name"),
                ));
                i = last + 1;
                continue;
            }
            if let Some(last) = self.compound_with_place(cx, i) {
                out.push(Mention::new(
                    cx.span(i, last),
                    Label::Org,
                    MentionSource::Rule("name-with-place"),
                ));
                i = last + 1;
                continue;
            }
            if let Some(last) = self.organization(cx, i) {
                let span = cx.span(i, last);
                out.push(Mention::new(
                    span,
                    Label::Org,
                    MentionSource::Rule("org-head"),
                ));
                i = last + 1;
                continue;
            }
            // The preposition first: it is the rarest condition.
            let locative = match cx.lang {
                Some(Lang::En) => cx.has(i, facts::LOCATIVE_EN),
                _ => cx.has(i, facts::LOCATIVE_FR),
            };
            // A capitalised word next, as the name below needs, before the
            // tests of its text.
            if locative
                && cx.cap(i + 1)
                && !cx.title_case
                && !cx.furniture
                && i + 1 < n
                && cx.word(i + 1).chars().nth(1).is_some()
                && !cx.word(i + 1).bytes().any(|b| b.is_ascii_digit())
                && cx.mention(i + 1).is_none()
                && cx.cue(i + 1).is_none()
            {
                if let Some(last) = cx.cap_seq(i + 1, 3) {
                    let all_new =
                        (i + 1..=last).all(|k| cx.mention(k).is_none() && cx.cue(k).is_none());
                    if all_new && !cx.org_head(i + 1) {
                        out.push(Mention::new(
                            cx.span(i + 1, last),
                            Label::Loc,
                            MentionSource::Rule("locative"),
                        ));
                        i = last + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// The first token from `i` on where one of the organization and place
    /// rules may start: an event head, a capitalised word, a locative, a
    /// mention here or next, or "ministère". Most tokens are none, and are
    /// passed in one scan of their facts and mentions.
    fn next_org_or_place_start(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        let may_start = |k: usize| {
            cx.has(
                k,
                facts::EVENT | facts::CAP | facts::LOCATIVE_FR | facts::LOCATIVE_EN,
            ) || cx.mention_at.get(k).copied().flatten().is_some()
                || cx.mention_at.get(k + 1).copied().flatten().is_some()
                || cx.has(k, facts::ORG) && cx.lower(k) == "ministère"
        };
        let bits = facts::EVENT | facts::CAP | facts::LOCATIVE_FR | facts::LOCATIVE_EN | facts::ORG;
        let mut from = i;
        loop {
            // The first token that has one of the bits or a mention: none
            // before it may start a rule but the one right before a
            // mention.
            let k = cx.next_with(from, bits | facts::MENTION)?;
            if k > from && cx.mention_at.get(k).copied().flatten().is_some() {
                return Some(k - 1);
            }
            if may_start(k) {
                return Some(k);
            }
            from = k + 1;
        }
    }

    /// "championnat de France", "Jeux olympiques de Rio", "Open de France":
    /// an event head with its complements; a lowercase head needs a
    /// capitalised complement ("la coupe de cheveux" is no event).
    fn event_name(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        if !cx.is_word(i) || !cx.event_head(i) {
            return None;
        }
        let head = cx.lower(i);
        let english = cx.lang == Some(Lang::En);
        if english || matches!(head.as_str(), "grand" | "world" | "tour" | "prix") {
            // English event names are capitalised throughout ("World Cup",
            // "Olympic Games"), handled with other capitalised names.
            if !(head == "tour" && matches!(cx.word(i + 1), "de" | "d'") && cx.cap(i)) {
                return None;
            }
        }
        let mut last = i;
        let mut j = i + 1;
        let mut capitalised = cx.cap(i);
        let mut complements = 0;
        while j < cx.tokens.len() && j < i + 10 {
            let w = cx.word(j);
            let lw = cx.lower(j);
            if cx.tokens[j].kind == TokenKind::Number && w.len() == 4 {
                last = j;
                j += 1;
                continue;
            }
            if !cx.is_word(j) {
                break;
            }
            if cx.has(j, facts::ORG_PREP_FR) && lw != "et" && lw != "en" {
                let mut k = j + 1;
                if cx.has(k, facts::ORG_DET_FR) {
                    k += 1;
                }
                if !cx.is_word(k) || cx.stop(k) {
                    break;
                }
                capitalised |= cx.cap(k);
                last = cx.mention(k).map_or(k, |m| cx.end_of(m.span) - 1);
                j = last + 1;
                complements += 1;
                continue;
            }
            if (looks_like_adjective(&lw) || cx.cap(j)) && !cx.stop(j) && cx.cue(j).is_none() {
                capitalised |= cx.cap(j);
                last = j;
                j += 1;
                complements += 1;
                continue;
            }
            break;
        }
        (complements > 0 && capitalised).then_some(last)
    }

    /// "Air France", "Wikimédia France", "France 3": a known place inside a
    /// longer name, which is then an organization's.
    fn compound_with_place(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        let m = cx
            .mention(i)
            .filter(|m| m.label == Label::Loc && m.source == MentionSource::Gazetteer);
        if let Some(m) = m {
            // A channel or a team number after a place: "France 3", "Europe 1".
            let next = cx.end_of(m.span);
            let number = cx
                .tokens
                .get(next)
                .filter(|t| t.kind == TokenKind::Number)?;
            let adjacent = cx.text[m.span.end..number.span.start]
                .chars()
                .all(|c| c == ' ');
            return (adjacent && number.span.len() <= 2).then_some(next);
        }
        // A country next (the rarest condition, tested first).
        let place = cx.mention(i + 1).filter(|m| {
            m.label == Label::Loc
                && m.source == MentionSource::Gazetteer
                && m.id.as_ref().is_some_and(|id| id.len() == 2)
        })?;
        if i == 0 || !cx.is_word(i) || !cx.cap(i) || is_all_caps(cx.word(i)) || cx.stop(i) {
            return None;
        }
        if cx.cue(i).is_some()
            || cx.mention(i).is_some()
            || matches!(
                cx.word(i - 1),
                "." | "«" | "\"" | ":" | "(" | "-" | "–" | "—"
            )
        {
            return None;
        }
        let adjacent = cx.text[cx.tokens[i].span.end..place.span.start]
            .chars()
            .all(|c| c == ' ');
        adjacent.then(|| cx.end_of(place.span) - 1)
    }

    /// Title mentions of one sentence, with what they are of.
    fn title_rules(&self, cx: &Ctx<'_>, titles: &mut Vec<TitleMention>) {
        let mut i = 0;
        // A title starts on a title cue: the tokens without one (most) are
        // passed in one scan.
        while let Some(next) = cx.next_with(i, facts::TITLE_CUE) {
            i = next;
            if let Some(cue) = cx.cue(i).filter(|c| c.kind == CueKind::Title) {
                let (title, _) = self.title_phrase(cx, i, cue);
                titles.push(title);
                i = cx.end_of(cue.span).max(i + 1);
                continue;
            }
            i += 1;
        }
    }

    /// A title and its complement: the country or organization it is of,
    /// and the token index after the whole phrase.
    fn title_phrase(&self, cx: &Ctx<'_>, i: usize, cue: &Cue) -> (TitleMention, usize) {
        let mut span = cue.span;
        let mut role = cue.span.slice(cx.text).to_string();
        let mut of = None;
        let mut k = cx.end_of(cue.span);
        // "directeur régional", "secrétaire général adjoint"
        let mut skipped = 0;
        while skipped < 2 && cx.is_word(k) && cx.has(k, facts::ROLE_ADJECTIVE) {
            span = span.cover(cx.tokens[k].span);
            role = format!("{role} {}", cx.word(k));
            k += 1;
            skipped += 1;
        }
        // "président russe", "ministre azerbaïdjanais de la Défense"
        if let Some(m) = cx.mention(k).filter(|m| m.label == Label::Misc) {
            of = cx.mention_at.get(k).copied().flatten();
            span = span.cover(m.span);
            k = cx.end_of(m.span);
        }
        // "de l'Azerbaïdjan", "du Sénégal", "de la Commission ...", "of
        // Iran"; after a nationality, a portfolio: "ministre sénégalaise de
        // la Santé".
        let mut j = k;
        let w = cx.lower(j);
        if matches!(w.as_str(), "de" | "du" | "des" | "d'" | "of") {
            j += 1;
            if matches!(cx.lower(j).as_str(), "la" | "le" | "l'" | "les" | "the") {
                j += 1;
            }
            if let Some(m) = cx
                .mention(j)
                .filter(|m| matches!(m.label, Label::Loc | Label::Org))
            {
                if of.is_none() {
                    of = cx.mention_at.get(j).copied().flatten();
                }
                span = span.cover(m.span);
                k = cx.end_of(m.span);
            } else if of.is_some() && cx.mention(j).is_none() && cx.is_word(j) && cx.cap(j) {
                let portfolio = cx.span(k, j);
                role = format!("{role} {}", portfolio.slice(cx.text));
                span = span.cover(portfolio);
                k = j + 1;
            }
        }
        // A diplomat's post: "l'ambassadeur de France au Cameroun, X",
        // "ambassador to Turkey John Bass".
        if cue.attr("kind") == Some("diplomatic")
            && matches!(cx.lower(k).as_str(), "au" | "aux" | "en" | "to")
        {
            let mut j = k + 1;
            if matches!(cx.lower(j).as_str(), "la" | "le" | "l'" | "les" | "the") {
                j += 1;
            }
            if let Some(m) = cx.mention(j).filter(|m| m.label == Label::Loc) {
                span = span.cover(m.span);
                k = cx.end_of(m.span);
            }
        }
        // English: "Azerbaijan's defence minister", "the Armenian prime minister",
        // "Spain's acting prime minister" (a modifier of the holder's tenure
        // may sit between).
        let mut i = i;
        while i > 1 && cx.has(i - 1, facts::PRE_TITLE) {
            i -= 1;
        }
        if of.is_none() && i > 0 {
            let prev = i - 1;
            let (m_idx, m_end_tok) =
                if cx.word(prev) == "s" && i >= 3 && matches!(cx.word(prev - 1), "'" | "’") {
                    (self.mention_ending_at(cx, prev - 1), prev - 1)
                } else {
                    (self.mention_ending_at(cx, i), i)
                };
            if let Some(mi) = m_idx {
                let m = &cx.mentions[mi];
                if matches!(m.label, Label::Loc | Label::Misc | Label::Org)
                    && cx.after(m.span.end) == m_end_tok
                {
                    of = Some(mi);
                    span = m.span.cover(span);
                }
            }
        }
        (
            TitleMention {
                span,
                role,
                role_span: cue.span,
                of,
                holder: None,
                kind: cue.attr("kind").map(str::to_string),
            },
            k,
        )
    }

    /// The mention whose span ends right before token `i`.
    fn mention_ending_at(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        let end = cx.tokens.get(i.checked_sub(1)?)?.span.end;
        // Mentions are sorted and do not overlap: their ends are sorted too.
        let k = cx.mentions.partition_point(|m| m.span.end < end);
        cx.mentions.get(k).filter(|m| m.span.end == end).map(|_| k)
    }

    /// An organization name starting at token `i` on a head noun: its last
    /// token.
    fn organization(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        if !cx.is_word(i) {
            return None;
        }
        if !cx.cap(i) {
            return match cx.lang {
                Some(Lang::En) => None,
                _ => self.ministry(cx, i),
            };
        }
        if cx.mention(i).is_some_and(|m| m.label != Label::Misc) {
            return None;
        }
        // Both readings need a head noun here or further on (most
        // capitalised words have none after them).
        if cx.last_org_head.is_none_or(|h| h < i) {
            return None;
        }
        match cx.lang {
            Some(Lang::En) => self.organization_en(cx, i),
            _ => self
                .organization_fr(cx, i)
                .or_else(|| self.organization_en(cx, i)),
        }
    }

    /// "le ministère de l'Intérieur", "le ministère des affaires étrangères
    /// du Burundi": French writes a ministry in lowercase. Its first
    /// complement names a field of government, capitalised or one of
    /// [`MINISTRY_FIELDS`] ("le ministère de tutelle" names none).
    fn ministry(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        if cx.lower(i) != "ministère" || !cx.has(i + 1, facts::ORG_PREP_FR) {
            return None;
        }
        let mut k = i + 2;
        if cx.has(k, facts::ORG_DET_FR) {
            k += 1;
        }
        if !cx.is_word(k) || !(cx.cap(k) || MINISTRY_FIELDS.contains(&cx.lower(k).as_str())) {
            return None;
        }
        let last = self.organization_fr(cx, i)?;
        // "le ministère de l'Intérieur à Paris": where it sits is no part
        // of its name.
        Some(
            (i + 2..last)
                .find(|&j| {
                    cx.lower(j) == "à" && cx.mention(j + 1).is_some_and(|m| m.label == Label::Loc)
                })
                .map_or(last, |j| j - 1),
        )
    }

    /// "Commission nationale française pour l'élimination des mines
    /// antipersonnel": head, adjectives, complements.
    fn organization_fr(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        if !cx.org_head(i) {
            return None;
        }
        let mut last = i;
        let mut j = i + 1;
        let mut complements = 0;
        loop {
            let lw = cx.lower(j);
            if !cx.is_word(j) {
                break;
            }
            // An adjective, a nationality, a capitalised word.
            if (looks_like_adjective(&lw)
                || cx.mention(j).is_some_and(|m| m.label == Label::Misc)
                || cx.cap(j))
                && !cx.stop(j)
                && cx.cue(j).is_none_or(|c| c.kind != CueKind::Trigger)
            {
                let end = cx.mention(j).map_or(j, |m| cx.end_of(m.span) - 1);
                last = end;
                j = end + 1;
                complements += 1;
                continue;
            }
            // A prepositional complement: prep [det] word.
            if cx.has(j, facts::ORG_PREP_FR) {
                let mut k = j + 1;
                if cx.has(k, facts::ORG_DET_FR) {
                    k += 1;
                }
                if lw == "et" && !cx.cap(k) {
                    break;
                }
                if !cx.is_word(k)
                    || cx.stop(k)
                    || cx.cue(k).is_some_and(|c| c.kind == CueKind::Trigger)
                {
                    break;
                }
                // The complement's noun is capitalised, or a lowercase noun
                // right after the preposition.
                let end = cx.mention(k).map_or(k, |m| cx.end_of(m.span) - 1);
                last = end;
                j = end + 1;
                complements += 1;
                continue;
            }
            break;
        }
        (complements > 0).then_some(last)
    }

    /// "National Security Council", "Ministry of Foreign Affairs", "Acme
    /// Corp": capitalised words with a head noun among them.
    fn organization_en(&self, cx: &Ctx<'_>, i: usize) -> Option<usize> {
        if cx.stop(i) || cx.title_case {
            return None;
        }
        // "Shares of Northwind Inc.": a capitalised sentence opener joined
        // by "of" starts a name only when it is itself a head ("Bank of
        // ...").
        let opener = i == 0 || matches!(cx.word(i - 1), "\"" | "“" | "«" | "(" | "-" | "—");
        if opener && !cx.org_head(i) && cx.has(i + 1, facts::NAME_GLUE_EN) {
            return None;
        }
        let mut last = i;
        let mut has_head = false;
        let mut j = i;
        while cx.is_word(j) {
            if cx.cap(j) && !(j > i && cx.stop(j)) {
                // A title, a trigger, or a given name after the first word
                // ("Jennifer Roberts and Police Chief ...") ends the name.
                if cx
                    .cue(j)
                    .is_some_and(|c| matches!(c.kind, CueKind::Title | CueKind::Trigger))
                    || j > i && cx.cue(j).is_some_and(|c| c.kind == CueKind::GivenName)
                {
                    break;
                }
                has_head |= cx.org_head(j);
                last = cx.mention(j).map_or(j, |m| cx.end_of(m.span) - 1);
                j = last + 1;
                // "People's Democratic Party", "Workers' Party": a
                // possessive inside a name, when the possessor is no name of
                // its own ("Turkey's Justice Party" is Turkey's party).
                let apostrophe = |k: usize| matches!(cx.word(k), "'" | "’");
                if cx.mention(last).is_none() && cx.cue(last).is_none() && apostrophe(j) {
                    if cx.word(j + 1) == "s" && cx.is_word(j + 2) && cx.cap(j + 2) {
                        j += 2;
                    } else if cx.word(last).ends_with('s') && cx.is_word(j + 1) && cx.cap(j + 1) {
                        j += 1;
                    }
                }
                // "Inc." keeps its period.
            } else if cx.has(j, facts::NAME_GLUE_EN) && cx.is_word(j + 1) && cx.cap(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        (has_head && last > i).then_some(last)
    }
}

/// True when `m` overlaps a span kept so far (`taken`, by start): only the
/// nearest kept span on each side can.
fn clashes(taken: &std::collections::BTreeMap<usize, Span>, m: Span) -> bool {
    taken
        .range(m.start..)
        .next()
        .is_some_and(|(_, s)| s.overlaps(m))
        || taken
            .range(..m.start)
            .next_back()
            .is_some_and(|(_, s)| s.overlaps(m))
}

/// Adds `new` mentions to the document's, keeping the outermost: longer
/// spans first, then earlier ones, then new before existing; a mention that
/// overlaps one already kept is dropped.
fn merge(existing: Vec<Mention>, new: Vec<Mention>) -> Vec<Mention> {
    // The existing mentions already as a merge leaves them: sorted, apart,
    // none empty (the usual case).
    let apart = existing.iter().all(|m| !m.span.is_empty())
        && existing
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start);
    if apart && new.iter().all(|m| !m.span.is_empty()) {
        merge_into_apart(existing, new)
    } else {
        merge_all(existing, new)
    }
}

/// Room for the mentions a pass finds in most documents, from the start
/// (growing the lists of large structs one by one was felt).
const FEW_MENTIONS: usize = 32;

/// Up to this many new mentions kept, [`merge_into_apart`] inserts them
/// into the existing list (each insert shifts the mentions after it);
/// past it, it builds a new list.
const FEW_INSERTS: usize = 8;

/// [`merge`] when the existing mentions are sorted, apart and none empty,
/// and no new one is empty: an existing mention that overlaps no new one
/// clashes with nothing and is kept, and a kept span only ever clashes with
/// spans it overlaps, so only the new mentions and the existing ones they
/// overlap need sorting and choosing between (sorting every mention of the
/// document at each merge was a tenth of the stage).
fn merge_into_apart(existing: Vec<Mention>, new: Vec<Mention>) -> Vec<Mention> {
    if new.is_empty() {
        return existing;
    }
    // Existing mentions overlapped by a new one; their ends are sorted too,
    // so the new ones by start find them in one walk (a binary search each
    // over a long document's mentions missed the cache at every step).
    let mut involved = vec![false; existing.len()];
    let mut by_start: Vec<Span> = new.iter().map(|m| m.span).collect();
    by_start.sort_unstable_by_key(|s| s.start);
    let mut first = 0;
    for m in by_start {
        while existing.get(first).is_some_and(|e| e.span.end <= m.start) {
            first += 1;
        }
        for (k, _) in existing[first..]
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.span.start < m.end)
        {
            involved[first + k] = true;
        }
    }
    // As in `merge_all`: new mentions first, the index last in the key.
    let n_new = new.len();
    let span_of = |i: usize| {
        if i < n_new {
            new[i].span
        } else {
            existing[i - n_new].span
        }
    };
    let mut order: Vec<(std::cmp::Reverse<usize>, usize, usize)> = (0..n_new)
        .chain(
            involved
                .iter()
                .enumerate()
                .filter(|(_, &inv)| inv)
                .map(|(k, _)| n_new + k),
        )
        .map(|i| (std::cmp::Reverse(span_of(i).len()), span_of(i).start, i))
        .collect();
    order.sort_unstable();
    let mut keep_new = vec![false; n_new];
    // Involved existing mentions stay only if chosen.
    let mut keep_existing: Vec<bool> = involved.iter().map(|&inv| !inv).collect();
    let mut taken = TakenBytes::covering(order.iter().map(|&(_, _, i)| span_of(i)));
    for (_, _, i) in order {
        let m = span_of(i);
        if taken.take_if_free(m) {
            if i < n_new {
                keep_new[i] = true;
            } else {
                keep_existing[i - n_new] = true;
            }
        }
    }
    // The kept mentions are apart and none empty: each has its own start,
    // and text order is by start.
    let mut kept_new: Vec<Mention> = new
        .into_iter()
        .zip(keep_new)
        .filter_map(|(m, keep)| keep.then_some(m))
        .collect();
    kept_new.sort_by_key(|m| m.span.start);
    // A few changes (the usual case) are made in place: moving every
    // mention (large structs) into a new list at each merge cost more.
    if kept_new.len() <= FEW_INSERTS {
        let mut existing = existing;
        if keep_existing.contains(&false) {
            let mut k = 0;
            existing.retain(|_| {
                k += 1;
                keep_existing[k - 1]
            });
        }
        for m in kept_new {
            let at = existing.partition_point(|e| e.span.start < m.span.start);
            existing.insert(at, m);
        }
        return existing;
    }
    let mut out = Vec::with_capacity(existing.len() + kept_new.len());
    let mut kept_new = kept_new.into_iter().peekable();
    for (m, keep) in existing.into_iter().zip(keep_existing) {
        if !keep {
            continue;
        }
        while let Some(n) = kept_new.next_if(|n| n.span.start < m.span.start) {
            out.push(n);
        }
        out.push(m);
    }
    out.extend(kept_new);
    out
}

/// The bytes of the text taken by the spans kept so far, a bit each, for
/// [`merge_into_apart`]: its spans are none empty, so two overlap when they
/// share a byte, and a test of a span's bits costs less than the sorted
/// map's lookups of its neighbours ([`clashes`]) did.
struct TakenBytes {
    /// The first byte the bits stand for.
    first: usize,
    bits: Vec<u64>,
}

impl TakenBytes {
    /// No byte taken yet, of those `spans` cover.
    fn covering(spans: impl Iterator<Item = Span> + Clone) -> TakenBytes {
        let first = spans.clone().map(|s| s.start).min().unwrap_or(0);
        let end = spans.map(|s| s.end).max().unwrap_or(first);
        TakenBytes {
            first,
            bits: vec![0; (end - first).div_ceil(64)],
        }
    }

    /// Takes the bytes of `span` (one of those the map covers) when none
    /// of them is taken yet, and says whether it did.
    fn take_if_free(&mut self, span: Span) -> bool {
        let (start, end) = (span.start - self.first, span.end - self.first);
        // Each word's bits of the span.
        let words = move || {
            (start / 64..end.div_ceil(64)).map(move |w| {
                let low = start.max(w * 64) - w * 64;
                let high = end.min(w * 64 + 64) - w * 64;
                let mask = (u64::MAX >> (64 - (high - low))) << low;
                (w, mask)
            })
        };
        if words().any(|(w, mask)| self.bits[w] & mask != 0) {
            return false;
        }
        for (w, mask) in words() {
            self.bits[w] |= mask;
        }
        true
    }
}

/// [`merge`] in general: every mention sorted and chosen in turn.
fn merge_all(existing: Vec<Mention>, new: Vec<Mention>) -> Vec<Mention> {
    // New mentions first: on equal spans a rule's reading (a recurring
    // person's surname, "Hollande") wins over the gazetteer's (a country).
    let mut all: Vec<Option<Mention>> = new.into_iter().chain(existing).map(Some).collect();
    let spans: Vec<Span> = all.iter().flatten().map(|m| m.span).collect();
    // Indices sorted, not the mentions themselves (large structs); the
    // index last in the key keeps the order of a stable sort.
    let mut order: Vec<(std::cmp::Reverse<usize>, usize, usize)> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| (std::cmp::Reverse(s.len()), s.start, i))
        .collect();
    order.sort_unstable();
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    // The spans kept so far, by start (a sorted map, not a Vec with inserts
    // that made many mentions cost mentions²).
    let mut taken: std::collections::BTreeMap<usize, Span> = Default::default();
    for (_, _, i) in order {
        let m = spans[i];
        if !clashes(&taken, m) {
            // An empty span clashes with nothing; two kept spans never
            // share a start otherwise.
            if !m.is_empty() {
                taken.insert(m.start, m);
            }
            kept.push((m.start, i));
        }
    }
    // By start, and in the order kept among equal starts (a stable sort).
    kept.sort_by_key(|&(start, _)| start);
    kept.into_iter()
        .filter_map(|(_, i)| all.get_mut(i).and_then(Option::take))
        .collect()
}

/// Up to this many distinct needles, [`find_word_occurrences`] scans for each
/// in turn; past it, one automaton finds them all in one pass. A vectorised
/// scan of a news document costs far less than building the automaton (the
/// build was most of the search at 8 needles), and the bound keeps the cost
/// linear in the text.
const FEW_NEEDLES: usize = 64;

/// Finds each of `needles` as a whole word sequence in `text`: for each
/// needle, its non-overlapping occurrences from the left, in text order.
/// At most [`FEW_NEEDLES`] passes over the text whatever the number of
/// needles (a `str::find` loop per needle made a document with many names
/// cost names × length).
fn find_word_occurrences(text: &str, needles: &[&str]) -> Vec<Vec<Span>> {
    let mut out: Vec<Vec<Span>> = vec![Vec::new(); needles.len()];
    // Distinct non-empty needles are the patterns; each pattern feeds every
    // needle spelled the same.
    let mut patterns: Vec<&str> = Vec::new();
    let mut users: Vec<Vec<usize>> = Vec::new();
    let mut by_text: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (i, needle) in needles.iter().enumerate() {
        if needle.is_empty() {
            continue;
        }
        let id = *by_text.entry(needle).or_insert_with(|| {
            patterns.push(needle);
            users.push(Vec::new());
            patterns.len() - 1
        });
        users[id].push(i);
    }
    if patterns.is_empty() {
        return out;
    }
    // Keeps an occurrence that is a whole word sequence.
    let at_word = |start: usize, end: usize| {
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    };
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); patterns.len()];
    // Names and acronyms start with a capital (most patterns): up to
    // [`FEW_NEEDLES`] of them are found together, by their first bytes (see
    // `find_by_first_byte`); more go to the automaton, whose cost stays
    // linear however many there are.
    let (capital, other): (Vec<usize>, Vec<usize>) = if patterns.len() <= FEW_NEEDLES {
        (0..patterns.len()).partition(|&id| patterns[id].as_bytes()[0].is_ascii_uppercase())
    } else {
        (Vec::new(), (0..patterns.len()).collect())
    };
    find_by_first_byte(text, &patterns, &capital, &mut spans, at_word);
    if other.len() <= FEW_NEEDLES {
        // A few names (most documents): one vectorised substring scan each
        // costs less than building an automaton, and stays linear in the
        // text with the count bounded.
        for &id in &other {
            let pattern = patterns[id];
            for start in memchr::memmem::find_iter(text.as_bytes(), pattern.as_bytes()) {
                let end = start + pattern.len();
                if at_word(start, end) {
                    spans[id].push(Span::new(start, end));
                }
            }
        }
    } else {
        // A noncontiguous NFA builds in a fraction of the time of the DFA
        // that `AhoCorasick::new` picks for few patterns, and the build, not
        // the search, dominated.
        let Ok(automaton) = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(other.iter().map(|&id| patterns[id]))
        else {
            return out;
        };
        // Where each pattern's last occurrence ended: a later one must start
        // there or after (non-overlapping, as a left-to-right search finds,
        // and as `memmem::find_iter` gives them above).
        let mut next_from = vec![0usize; other.len()];
        for m in automaton.find_overlapping_iter(text) {
            let k = m.pattern().as_usize();
            let (start, end) = (m.start(), m.end());
            if start < next_from[k] {
                continue;
            }
            next_from[k] = end;
            if at_word(start, end) {
                spans[other[k]].push(Span::new(start, end));
            }
        }
    }
    for (id, spans) in spans.into_iter().enumerate() {
        for &i in &users[id] {
            out[i].clone_from(&spans);
        }
    }
    out
}

/// Finds the patterns `ids` of `patterns` in `text` as
/// [`find_word_occurrences`] does, into `spans` by pattern: every place of
/// their first bytes, three distinct bytes a scan, is tried against the
/// patterns starting with that byte. A document's names start with a
/// handful of capitals, so a few scans find them all (a scan per name was
/// a tenth of the stage), and capitals are few enough in a text that
/// trying each costs little.
fn find_by_first_byte(
    text: &str,
    patterns: &[&str],
    ids: &[usize],
    spans: &mut [Vec<Span>],
    at_word: impl Fn(usize, usize) -> bool,
) {
    let bytes = text.as_bytes();
    // The patterns by first byte, each with its first eight bytes (or
    // fewer) as one integer and their mask: most places of a first byte
    // are no occurrence, told by one compare (a call to `memcmp` each was
    // most of the search).
    let mut by_first: Vec<(u8, usize, u64, u64)> = ids
        .iter()
        .map(|&id| {
            let pattern = patterns[id].as_bytes();
            let n = pattern.len().min(8);
            let mut head = [0; 8];
            head[..n].copy_from_slice(&pattern[..n]);
            let mask = u64::MAX >> (64 - 8 * n);
            (pattern[0], id, u64::from_le_bytes(head), mask)
        })
        .collect();
    by_first.sort_unstable();
    let mut firsts: Vec<u8> = by_first.iter().map(|&(b, ..)| b).collect();
    firsts.dedup();
    // Byte → where its patterns start in `by_first`, for the first bytes
    // of patterns (the scans find no other): one load at each place found,
    // where a binary search cost a few compares.
    let mut group_of = [0; 256];
    for (k, &(b, ..)) in by_first.iter().enumerate().rev() {
        group_of[usize::from(b)] = k;
    }
    // Where each pattern's last occurrence ended: a later one must start
    // there or after (non-overlapping, as `memmem::find_iter` gives them).
    let mut next_from = vec![0usize; patterns.len()];
    for group in firsts.chunks(3) {
        let starts: Box<dyn Iterator<Item = usize>> = match *group {
            [a] => Box::new(memchr::memchr_iter(a, bytes)),
            [a, b] => Box::new(memchr::memchr2_iter(a, b, bytes)),
            [a, b, c, ..] => Box::new(memchr::memchr3_iter(a, b, c, bytes)),
            [] => continue,
        };
        for start in starts {
            let first = bytes[start];
            let from = group_of[usize::from(first)];
            let text_head = bytes
                .get(start..)
                .and_then(<[u8]>::first_chunk::<8>)
                .map(|head| u64::from_le_bytes(*head));
            for &(_, id, head, mask) in by_first[from..].iter().take_while(|&&(b, ..)| b == first) {
                let pattern = patterns[id].as_bytes();
                if start < next_from[id]
                    || text_head.is_some_and(|t| t & mask != head)
                    || !bytes[start..].starts_with(pattern)
                {
                    continue;
                }
                let end = start + pattern.len();
                next_from[id] = end;
                if at_word(start, end) {
                    spans[id].push(Span::new(start, end));
                }
            }
        }
    }
}

impl Stage for NameRules {
    fn name(&self) -> &'static str {
        "names"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Language, Layer::Sentences, Layer::Gazetteer]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Names]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let (mut words, sentences) = read_words(doc);
        // Organizations and places first, so that person and title rules see
        // them ("président de la Commission ...").
        let mut new = Vec::with_capacity(FEW_MENTIONS);
        // Token → mention, for every token of the document, in each pass.
        mentions_at(doc, &mut words, sentences.iter());
        for s in &sentences {
            let cx = Ctx::new(doc, &words, s);
            self.organization_and_place_rules(&cx, &mut new);
        }
        doc.mentions = merge(std::mem::take(&mut doc.mentions), new);
        let publishers = self.publishers(doc);
        doc.mentions = merge(std::mem::take(&mut doc.mentions), publishers);
        let acronyms = self.acronyms(doc);
        let mut new = Vec::with_capacity(FEW_MENTIONS);
        mentions_at(doc, &mut words, sentences.iter());
        for s in &sentences {
            let cx = Ctx::new(doc, &words, s);
            self.person_rules(&cx, &mut new);
        }
        doc.mentions = merge(std::mem::take(&mut doc.mentions), new);
        let recurring = self.recurring(doc, &acronyms);
        doc.mentions = merge(std::mem::take(&mut doc.mentions), recurring);
        let mut titles = Vec::with_capacity(FEW_MENTIONS);
        // A title starts on a title cue: the sentences without one (most)
        // are passed, and their mentions not looked for.
        let titled = || sentences.iter().filter(|s| s.last_title.is_some());
        mentions_at(doc, &mut words, titled());
        for s in titled() {
            let cx = Ctx::new(doc, &words, s);
            self.title_rules(&cx, &mut titles);
        }
        // In text order, so later stages can find a span's titles by
        // binary search (the sort is stable and finds them in order).
        titles.sort_by_key(|t| t.span.start);
        doc.titles = titles;
        Ok(())
    }
}

/// A token's lowercase, appended to `lower_text` where it differs from the
/// token ([`push_lower`]), and its [`facts`]; the token is `span` of `text`.
#[inline]
fn read_token(
    text: &str,
    span: Span,
    lower_text: &mut Vec<u8>,
    lexicon: &Lexicon,
) -> (Option<(u32, u32)>, u32) {
    // Punctuation marks (a token in six) and one-letter words in lowercase:
    // their own lowercase, no capitalised word, their lists by table.
    if span.len() == 1 {
        let bits = text
            .as_bytes()
            .get(span.start)
            .map_or(NOT_OWN_LOWERCASE, |&b| lexicon.one_byte[usize::from(b)]);
        if bits != NOT_OWN_LOWERCASE {
            return (None, bits);
        }
    }
    read_word(text, span, lower_text, lexicon)
}

/// [`read_token`] for every token but the one-byte ones it tells by
/// table.
#[inline(always)]
fn read_word(
    text: &str,
    span: Span,
    lower_text: &mut Vec<u8>,
    lexicon: &Lexicon,
) -> (Option<(u32, u32)>, u32) {
    // Most words are a few ASCII letters without capitals, their own
    // lowercase and no capitalised word: told from one load of their bytes,
    // which are also their key in the lexicon (a test of each byte, and
    // the key built again from them, were most of the reading).
    if let Some(bytes) = short_word_bytes(text.as_bytes(), span) {
        if bytes & ASCII_HIGH_BITS == 0 {
            let capitals = ascii_capitals(bytes);
            if capitals == 0 {
                let facts = if span.len() <= SHORT {
                    lexicon.short.get(bytes | (span.len() as u64) << 56)
                } else {
                    lexicon.long_facts(span.slice(text).as_bytes())
                };
                return (None, facts);
            }
            // A short ASCII word with capitals (most capitalised words),
            // lowered in the integer: a capital's high bit, moved to the
            // bit that tells the cases apart.
            // `is_cap` from the first byte, in hand (ASCII, as all eight):
            // the word is sliced from the text (and its char boundaries
            // tested) only for a lowercase article ("al-Assad").
            let first = bytes as u8;
            let cap = if first.is_ascii_uppercase()
                || matches!(first, b'a' | b'e' | b'b' | b'i' | b'o')
                    && is_cap_slow(span.slice(text))
            {
                facts::CAP
            } else {
                0
            };
            let lowered = bytes | capitals >> 2;
            let start = lower_text.len();
            // All eight bytes stored at once (one store, where copying the
            // word's few took a call), those past the word cut off.
            lower_text.extend_from_slice(&lowered.to_le_bytes());
            lower_text.truncate(start + span.len());
            let range = u32::try_from(start)
                .ok()
                .zip(u32::try_from(lower_text.len()).ok());
            let facts = if span.len() <= SHORT {
                lexicon.short.get(lowered | (span.len() as u64) << 56)
            } else {
                lexicon.long_facts(&lowered.to_le_bytes())
            };
            return (range, cap | facts);
        }
    }
    // Longer words and accented ones, in lowercase (most of them): their
    // own lowercase and no capitalised word, told from their bytes without
    // decoding (nor the test of char boundaries a `str` slice makes: the
    // tokens' spans are on them).
    let word_bytes = &text.as_bytes()[span.range()];
    if is_known_lowercase(word_bytes) {
        return (None, lexicon.facts(word_bytes));
    }
    let word = span.slice(text);
    // Most words are ASCII without capitals, their own lowercase.
    let cap = if is_cap(word) { facts::CAP } else { 0 };
    if cap == 0 && word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return (None, lexicon.facts(word.as_bytes()));
    }
    let lower = push_lower(word, lower_text);
    let lowered = lower
        .and_then(|(s, e)| lower_text.get(s as usize..e as usize))
        .unwrap_or(word.as_bytes());
    (lower, cap | lexicon.facts(lowered))
}

/// True when `word` is ASCII without capitals but for Latin-1 letters in
/// lowercase (`à` to `ÿ`, and `×`, `÷`, `ß`), so that it is its own lowercase
/// ([`lowercase_differs`] says no for each char) and no capitalised word
/// ([`is_cap`]); false for any other word, which may still be.
fn is_known_lowercase(word: &[u8]) -> bool {
    // Eight ASCII bytes without capitals at a time (most of a long word);
    // the rest, from a char boundary, a byte at a time.
    let mut rest = word;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        let chunk = u64::from_le_bytes(*chunk);
        if chunk & ASCII_HIGH_BITS != 0 || ascii_capitals(chunk) != 0 {
            break;
        }
        rest = tail;
    }
    // Fewer than eight bytes left after whole chunks of ASCII lowercase: the
    // word's last eight bytes, read at once, cover them (the bytes read
    // twice passed already), as most long words end.
    if rest.len() < 8 {
        if let Some(last) = word.last_chunk::<8>() {
            let last = u64::from_le_bytes(*last);
            if last & ASCII_HIGH_BITS == 0 && ascii_capitals(last) == 0 {
                return true;
            }
        }
    }
    let mut bytes = rest.iter();
    while let Some(&b) = bytes.next() {
        match b {
            b'A'..=b'Z' => return false,
            0..=0x7f => {}
            // U+00C0 to U+00FF: the capitals are U+00C0 to U+00DE but
            // U+00D7 (`×`).
            0xc3 => match bytes.next() {
                Some(&next) if next == 0x97 || next >= 0x9f => {}
                _ => return false,
            },
            _ => return false,
        }
    }
    true
}

/// The high bit of each byte of a `u64`.
const ASCII_HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `span` of `text`, a word of at most eight bytes, as one
/// little-endian integer padded with zeros (as [`short_key`] has them),
/// when eight bytes of `text` can be read from its start.
#[inline(always)]
fn short_word_bytes(text: &[u8], span: Span) -> Option<u64> {
    let len = span.len();
    if !(1..=8).contains(&len) {
        return None;
    }
    let chunk = text.get(span.start..)?.first_chunk::<8>()?;
    let bytes = u64::from_le_bytes(*chunk);
    // The bytes past the word are cleared, by a mask loaded rather than
    // shifted into place (a few instructions less, at every token).
    Some(bytes & WORD_MASKS[len])
}

/// By length, the bytes of a word of at most eight in a little-endian
/// integer: its low `len` bytes set.
const WORD_MASKS: [u64; 9] = {
    let mut masks = [0; 9];
    let mut len = 1;
    while len <= 8 {
        masks[len] = u64::MAX >> (64 - 8 * len);
        len += 1;
    }
    masks
};

/// The high bit of each of the eight bytes of `bytes`, all ASCII, that is
/// a capital A to Z.
#[inline(always)]
fn ascii_capitals(bytes: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes below 0x80: adding at most 0x80 carries into no other byte, and
    // the sum's bit 7 says whether the byte reached the bound.
    let at_least_a = bytes + ONES * u64::from(0x80 - b'A');
    let above_z = bytes + ONES * u64::from(0x7f - b'Z');
    at_least_a & !above_z & ASCII_HIGH_BITS
}

/// Reads every sentence of `doc` (but timestamps) word by word: tokens,
/// their lowercase and facts, cues; and each sentence's title case.
fn read_words(doc: &Document) -> (Words, Vec<SentenceWords>) {
    // News text runs about six bytes a token: room for all of them from the
    // start (growing these buffers token by token was a tenth of the stage).
    let room = doc.text.len() / 3 + 1;
    let mut words = Words {
        tokens: Vec::with_capacity(room),
        facts: Vec::with_capacity(room),
        lower_text: String::new(),
        cue_at: Vec::with_capacity(room),
        mention_at: Vec::new(),
        marked: Vec::new(),
    };
    let lexicon: &Lexicon = &LEXICON;
    // The lowercase words as bytes while they are read: a short word is
    // stored in one go, eight bytes at once ([`read_token`]).
    let mut lower_bytes: Vec<u8> = Vec::with_capacity(doc.text.len() + 8);
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut cue_walk = CueWalk {
        sorted: doc.cues.is_sorted_by_key(|c| c.span.start),
        next: 0,
        cue_at: std::mem::take(&mut words.cue_at),
    };
    for s in doc
        .sentences
        .iter()
        .filter(|s| s.kind != SentenceKind::Timestamp)
    {
        let first = words.tokens.len();
        tokenize_into(&doc.text, s.span, &mut words.tokens);
        let tokens = &words.tokens[first..];
        // Each token's lowercase, capitalisation and lists, in one pass.
        // The text, the buffer and the lexicon moved in by value: reached
        // through the document at each token, they were loaded again each.
        let (text, lower_text) = (doc.text.as_str(), &mut lower_bytes);
        // The last head noun of an organization, noted as the facts are
        // found (a walk back over the facts for it cost more).
        let mut last_org_head = None;
        let last_org = &mut last_org_head;
        words
            .facts
            .extend(tokens.iter().enumerate().map(move |(k, t)| {
                let (lower, bits) = read_token(text, t.span, lower_text, lexicon);
                if bits & facts::ORG != 0 {
                    *last_org = Some(k);
                }
                TokenFacts { lower, bits }
            }));
        let facts = &mut words.facts[first..];
        // Only headlines can be in title case: body sentences are not
        // counted.
        let title_case =
            s.kind == SentenceKind::Headline && in_title_case(&doc.text, tokens, facts);
        let last_title = cues_at(doc, s.span, tokens, &mut cue_walk, facts);
        // The sentence at its own start is itself: sentences do not overlap
        // (the document's invariant), and one with tokens is not empty.
        let furniture = s.kind == SentenceKind::Furniture;
        sentences.push(SentenceWords {
            span: s.span,
            tokens: first..words.tokens.len(),
            title_case,
            furniture,
            last_title,
            last_org_head,
        });
    }
    words.cue_at = cue_walk.cue_at;
    // Every piece appended is a whole str's bytes, or ASCII: valid UTF-8,
    // checked once for the document, never made lossy.
    words.lower_text = String::from_utf8(lower_bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (words, sentences)
}

/// Whether a headline's `tokens` (of `text`, with their `facts`) are in
/// title case: six words in ten capitalised, at least four words, and only
/// short function words in lowercase (a caption line, "Ghani, center,
/// speaks with ...", that lost its final period is no title). The
/// capitals are counted from the facts, without a list of the words.
fn in_title_case(text: &str, tokens: &[Token], facts: &[TokenFacts]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for (t, f) in tokens.iter().zip(facts) {
        if t.kind == TokenKind::Word {
            words += 1;
            caps += usize::from(f.bits & facts::CAP != 0);
        }
    }
    words >= 4
        && caps * 10 >= words * 6
        && !tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(text))
            .any(|w| {
                w.starts_with(char::is_lowercase)
                    && w.chars().count() > 4
                    && !TITLE_CASE_LOWER.contains(&w)
            })
}

impl NameRules {
    /// The publisher named by page structure: the site name that opens a
    /// saved page, and the source after the slash of a "City / Source"
    /// dateline line.
    fn publishers(&self, doc: &Document) -> Vec<Mention> {
        let mut out = Vec::new();
        if let Some(first) = doc.sentences.first() {
            let text = doc.slice(first.span);
            if first.kind == SentenceKind::Furniture
                && !text.contains(char::is_whitespace)
                && text.chars().next().is_some_and(char::is_uppercase)
            {
                out.push(Mention::new(
                    first.span,
                    Label::Org,
                    MentionSource::Rule("site-name"),
                ));
            }
        }
        for s in doc
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Dateline)
        {
            let text = doc.slice(s.span);
            if let Some(slash) = text.find(" / ") {
                let source = text[slash + 3..].trim();
                if !source.is_empty() && source.chars().next().is_some_and(char::is_uppercase) {
                    let start = s.span.start
                        + slash
                        + 3
                        + (text[slash + 3..].len() - text[slash + 3..].trim_start().len());
                    out.push(Mention::new(
                        Span::new(start, start + source.len()),
                        Label::Org,
                        MentionSource::Rule("dateline-source"),
                    ));
                }
            }
        }
        out
    }

    /// Acronyms defined in parentheses right after an organization
    /// ("... antipersonnel (CNEMA)"): each becomes a mention whose canonical
    /// name is the organization's. Returns (acronym, name) pairs.
    fn acronyms(&self, doc: &mut Document) -> Vec<(String, String)> {
        let mut acronyms = Vec::new();
        let mut extra = Vec::new();
        for m in doc.mentions.iter().filter(|m| m.label == Label::Org) {
            let rest = &doc.text[m.span.end..];
            let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
            let Some(inner) = trimmed.strip_prefix('(') else {
                continue;
            };
            let acronym: String = inner
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '&'))
                .collect();
            if is_all_caps(&acronym)
                && acronym.chars().count() <= 12
                && inner[acronym.len()..].starts_with(')')
            {
                let start = m.span.end + (rest.len() - trimmed.len()) + 1;
                let mut a = Mention::new(
                    Span::new(start, start + acronym.len()),
                    Label::Org,
                    MentionSource::Rule("acronym"),
                );
                let name = doc.mention_name(m);
                a.canonical = Some(name.clone());
                extra.push(a);
                acronyms.push((acronym, name));
            }
        }
        doc.mentions = merge(std::mem::take(&mut doc.mentions), extra);
        acronyms
    }

    /// Later occurrences of the persons' full names and surnames, and of
    /// defined acronyms, anywhere but in page furniture.
    fn recurring(&self, doc: &Document, acronyms: &[(String, String)]) -> Vec<Mention> {
        // Slices of the text, not copies: sorted and deduplicated as the
        // strings they spell.
        let mut needles: Vec<(&str, Label, Option<&str>)> = Vec::with_capacity(FEW_MENTIONS);
        for m in doc.mentions.iter().filter(|m| m.label == Label::Per) {
            let name = doc.slice(m.span);
            let mut words = name.split_whitespace();
            if let Some(surname) = words.next_back() {
                if words.next().is_some()
                    && surname.chars().count() >= 3
                    && LEXICON.facts(lower(surname).as_bytes()) & facts::STOP == 0
                {
                    needles.push((surname, Label::Per, None));
                }
            }
            needles.push((name, Label::Per, None));
        }
        for (acronym, name) in acronyms {
            needles.push((acronym, Label::Org, Some(name)));
        }
        needles.sort();
        needles.dedup();
        let mut found = Vec::with_capacity(FEW_MENTIONS);
        let occurrences = find_word_occurrences(
            &doc.text,
            &needles.iter().map(|&(n, _, _)| n).collect::<Vec<_>>(),
        );
        for ((_, label, canonical), spans) in needles.iter().zip(occurrences) {
            for span in spans {
                if doc
                    .sentence_at(span.start)
                    .is_none_or(|s| s.kind == SentenceKind::Furniture)
                {
                    continue;
                }
                let mut m = Mention::new(span, *label, MentionSource::Rule("recurring-name"));
                m.canonical = canonical.map(str::to_string);
                found.push(m);
            }
        }
        found
    }
}

impl<'d> Ctx<'d> {
    /// The context of sentence `s`, with the mentions [`mentions_at`] last
    /// found.
    fn new(doc: &'d Document, words: &'d Words, s: &'d SentenceWords) -> Ctx<'d> {
        Ctx {
            text: &doc.text,
            tokens: &words.tokens[s.tokens.clone()],
            facts: &words.facts[s.tokens.clone()],
            lower_text: &words.lower_text,
            cue_at: &words.cue_at[s.tokens.clone()],
            mention_at: &words.mention_at[s.tokens.clone()],
            cues: &doc.cues,
            mentions: &doc.mentions,
            lang: doc.lang,
            title_case: s.title_case,
            furniture: s.furniture,
            last_title: s.last_title,
            last_org_head: s.last_org_head,
        }
    }
}

/// Sets [`Words::mention_at`] to, for each token of `sentences` (some of
/// those of `words`, in text order), the index of the mention of `doc` that
/// starts at it inside its sentence, if any: what
/// [`Document::mentions_in`] and [`token_at`] find, in one buffer for the
/// whole document; and marks those tokens in the facts
/// ([`facts::MENTION`], [`facts::PERSON_MENTION`], and
/// [`facts::PERSON_IN_SENTENCE`] on the first token). Only the tokens the
/// last call marked are cleared (a few, where clearing the buffer cost a
/// write per token, in each pass).
fn mentions_at<'s>(
    doc: &Document,
    words: &mut Words,
    sentences: impl Iterator<Item = &'s SentenceWords>,
) {
    words.mention_at.resize(words.tokens.len(), None);
    for t in words.marked.drain(..) {
        words.mention_at[t] = None;
        words.facts[t].bits &=
            !(facts::MENTION | facts::PERSON_MENTION | facts::PERSON_IN_SENTENCE);
    }
    let mentions = &doc.mentions;
    // Sentences come in text order, and so do the mentions of a valid
    // document: each sentence's first mention is found on from the last
    // one's, in one walk over the mentions (a binary search over all of
    // them per sentence cost more than the walk).
    let sorted = mentions.is_sorted_by_key(|m| m.span.start);
    let mut first = 0;
    for s in sentences {
        if sorted {
            while mentions
                .get(first)
                .is_some_and(|m| m.span.start < s.span.start)
            {
                first += 1;
            }
        } else {
            first = mentions.partition_point(|m| m.span.start < s.span.start);
        }
        let tokens = &words.tokens[s.tokens.clone()];
        // As `mentions_in(s.span)` gives them; each one's token found by a
        // binary search over the sentence's (a walk over its tokens up to
        // the last mention cost a token each).
        for (k, m) in mentions[first..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.span.start < s.span.end)
            .filter(|(_, m)| m.span.end <= s.span.end)
        {
            if let Some(t) = token_at(tokens, m.span.start) {
                let t = s.tokens.start + t;
                words.mention_at[t] = Some(first + k);
                // The last mention set at a token is its mention.
                let person = if m.label == Label::Per {
                    facts::PERSON_MENTION
                } else {
                    0
                };
                let f = &mut words.facts[t].bits;
                *f = *f & !facts::PERSON_MENTION | facts::MENTION | person;
                words.marked.push(t);
                if person != 0 {
                    words.facts[s.tokens.start].bits |= facts::PERSON_IN_SENTENCE;
                    words.marked.push(s.tokens.start);
                }
            }
        }
    }
}

/// The index of the token of `tokens` that starts at byte `start`.
fn token_at(tokens: &[Token], start: usize) -> Option<usize> {
    let k = tokens.partition_point(|t| t.span.start < start);
    tokens.get(k).filter(|t| t.span.start == start).map(|_| k)
}

/// Where [`cues_at`] is in the document's cues, sentence after sentence.
struct CueWalk {
    /// The cues are sorted by start (the usual case).
    sorted: bool,
    /// The first cue of the last sentence.
    next: usize,
    /// [`Words::cue_at`], as filled so far.
    cue_at: Vec<Option<usize>>,
}

impl CueWalk {
    /// The first of sorted `cues` starting at byte `start` or after, as
    /// `partition_point` finds it: walked to from the last sentence's first
    /// cue when that one starts before `start` (a binary search over all
    /// the document's cues, at each sentence, cost more than the walk).
    fn first_from(&mut self, cues: &[Cue], start: usize) -> usize {
        let behind = self.next == 0
            || cues
                .get(self.next - 1)
                .is_some_and(|c| c.span.start < start);
        if !self.sorted || !behind {
            self.next = cues.partition_point(|c| c.span.start < start);
            return self.next;
        }
        while cues.get(self.next).is_some_and(|c| c.span.start < start) {
            self.next += 1;
        }
        self.next
    }
}

/// Appends to the walk's `cue_at`, for each of `tokens` (those of `sentence`), the
/// index of the cue of `doc` starting at it, if any, and marks it in the
/// tokens' `token_facts` ([`facts::CUE`], [`facts::TITLE_CUE`]). Returns
/// the last of `tokens` with a title cue.
fn cues_at(
    doc: &Document,
    sentence: Span,
    tokens: &[Token],
    walk: &mut CueWalk,
    token_facts: &mut [TokenFacts],
) -> Option<usize> {
    let mut last_title = None;
    let first_cue = walk.first_from(&doc.cues, sentence.start);
    let cue_at = &mut walk.cue_at;
    let first_token = cue_at.len();
    cue_at.resize(first_token + tokens.len(), None);
    for (ci, c) in doc.cues[first_cue..]
        .iter()
        .enumerate()
        .take_while(|(_, c)| c.span.start < sentence.end)
    {
        if let Some(t) = token_at(tokens, c.span.start) {
            cue_at[first_token + t] = Some(first_cue + ci);
            if let Some(f) = token_facts.get_mut(t) {
                f.bits |= facts::CUE;
                if c.kind == CueKind::Title {
                    f.bits |= facts::TITLE_CUE;
                    last_title = Some(t);
                }
            }
        }
    }
    last_title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_the_bytes_and_the_length() {
        for word in [
            "", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "\0", "é", "à\0",
        ] {
            let mut expected = (word.len() as u64) << 56;
            for (k, &b) in word.as_bytes().iter().enumerate() {
                expected |= u64::from(b) << (8 * k);
            }
            assert_eq!(short_key(word.as_bytes()), expected, "{word:?}");
        }
    }

    #[test]
    fn short_word_bytes_are_the_short_key_and_find_capitals() {
        let text = "de la Commission l’État OTAN x 1234567 abcdefgh Z@[`{ fin";
        let mut at = 0;
        for word in text.split(' ') {
            let span = Span::new(at, at + word.len());
            at = span.end + 1;
            let Some(bytes) = short_word_bytes(text.as_bytes(), span) else {
                assert!(word.len() > 8 || span.start + 8 > text.len(), "{word:?}");
                continue;
            };
            if word.len() <= SHORT {
                assert_eq!(
                    bytes | (word.len() as u64) << 56,
                    short_key(word.as_bytes()),
                    "{word:?}"
                );
            }
            if word.is_ascii() {
                let lowered = (bytes | ascii_capitals(bytes) >> 2).to_le_bytes();
                assert_eq!(
                    &lowered[..word.len()],
                    word.to_lowercase().as_bytes(),
                    "{word:?}"
                );
            }
        }
        for b in 0..0x80u8 {
            let bytes = u64::from_le_bytes([b'a', b, b'z', 0, 0, 0, 0, 0]);
            assert_eq!(ascii_capitals(bytes) != 0, b.is_ascii_uppercase(), "{b}");
        }
    }

    #[test]
    fn known_lowercase_words_are_their_own_lowercase_and_no_capitals() {
        let latin1: String = ('\u{80}'..='\u{ff}').collect();
        let words = [
            "été",
            "État",
            "général",
            "aujourd’hui",
            "al-Assad",
            "al-assad",
            "œuvre",
            "Œuvre",
            "straße",
            "x×y",
            "÷",
            "ÀÉÎ",
            "abcdefghijkl",
            "abcdefGhijkl",
            // Long words: whole chunks, then the last eight bytes at once.
            "abcdefgh",
            "abcdefghi",
            "abcdefghI",
            "Abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnoP",
            "abcdefghijklmnopq",
            "abcdefghijklmnopQ",
            "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyZ",
            "abcdefghé",
            "abcdefghÉ",
            "abcdéfghijklm",
            "abcdÉfghijklm",
            "abcdefgh’ijk",
            "abcdefgh'Ijk",
            "abcdefgh\tijk",
            "a1b2c3d4e5f6g7h8i9",
            "aujourd'hui",
            "é1",
            "",
            "L'",
            "ñandú",
        ];
        for word in words
            .iter()
            .copied()
            .chain(latin1.split_inclusive(|_| true))
        {
            if is_known_lowercase(word.as_bytes()) {
                assert_eq!(word.to_lowercase(), word, "{word:?}");
                assert!(!word.chars().any(lowercase_differs), "{word:?}");
                assert!(!is_cap(word), "{word:?}");
            } else {
                // Only chars it knows and yet not said: a capital among them.
                let known = word
                    .chars()
                    .all(|c| c.is_ascii() || ('\u{c0}'..='\u{ff}').contains(&c));
                assert!(!known || word.chars().any(lowercase_differs), "{word:?}");
            }
        }
    }

    #[test]
    fn the_lexicon_answers_as_its_lists() {
        let lists = LEXICON_LISTS;
        let probes = lists
            .iter()
            .flat_map(|(list, _)| list.iter().copied())
            .chain([
                "",
                "x",
                "dé",
                "ét",
                "commissions",
                "grand-prixx",
                "&&",
                "L'",
            ]);
        for word in probes {
            let expected = lists
                .iter()
                .filter(|(list, _)| list.contains(&word))
                .fold(0, |bits, (_, bit)| bits | bit);
            assert_eq!(LEXICON.facts(word.as_bytes()), expected, "{word:?}");
        }
    }

    #[test]
    fn one_byte_tokens_read_as_words_do() {
        let mut by_table = Vec::new();
        let mut as_word = Vec::new();
        for b in 0..0x80u8 {
            // With and without eight bytes to read from the token on.
            for text in [
                format!("{}", char::from(b)),
                format!("{} abcdefgh", char::from(b)),
            ] {
                let span = Span::new(0, 1);
                let got = read_token(&text, span, &mut by_table, &LEXICON);
                let expected = read_word(&text, span, &mut as_word, &LEXICON);
                assert_eq!(got, expected, "{b}");
                assert_eq!(by_table, as_word, "{b}");
            }
        }
        // A token of two bytes, or a capital, is read as a word.
        for text in ["é", "É", "A", "M."] {
            let span = Span::new(0, text.chars().next().map_or(0, char::len_utf8));
            assert_eq!(
                read_token(text, span, &mut by_table, &LEXICON),
                read_word(text, span, &mut as_word, &LEXICON),
                "{text:?}"
            );
        }
    }

    /// The words' capitalisation, lowercase and lists as read on their
    /// fast paths (eight bytes at once, long words' last eight bytes at
    /// once, the first byte for `is_cap`) are those of the general way:
    /// `is_cap`, `lower` and the lexicon's lists.
    #[test]
    fn words_read_fast_as_in_general() {
        let long = "abcdefghij".repeat(8);
        let long_cap = format!("{long}Z");
        let words = [
            "al-Assad",
            "el-Sissi",
            "bin-Laden",
            "ibn-Saud",
            "abu-Ali",
            "ould-Ab",
            "al-assad",
            "iPhone",
            "eBay",
            "oNe",
            "bUS",
            "Iran",
            "IRAN",
            "USA",
            "xY",
            "Ministère",
            "ministère",
            "Élysée",
            "étAt",
            "Président",
            "président",
            "Assemblée",
            "ABCDEFGHI",
            "abcdefghI",
            "Abcdefghi",
            "aujourd'hui",
            "Jean-Yves",
            "l'",
            "L'",
            "qu’",
            "1er",
            "2016",
            "10h30",
            "x1Y2z3W4v5",
            "Washington",
            "washington",
            "tribunal",
            "Tribunal",
            "ministres",
            "Ministres",
            "Σίσυφος",
            "ΣΊΣΥΦΟΣ",
            &long,
            &long_cap,
        ];
        for word in words {
            // The word alone, and with eight bytes to read on from it.
            for text in [word.to_string(), format!("{word} abcdefgh")] {
                let span = Span::new(0, word.len());
                let mut lower_text = Vec::new();
                let (range, bits) = read_token(&text, span, &mut lower_text, &LEXICON);
                assert_eq!(bits & facts::CAP != 0, is_cap(word), "{word:?}");
                let lowered = range.map_or(word.as_bytes(), |(s, e)| {
                    &lower_text[s as usize..e as usize]
                });
                let expected = lower(word);
                assert_eq!(lowered, expected.as_bytes(), "{word:?}");
                let lists = LEXICON_LISTS
                    .iter()
                    .filter(|(list, _)| list.contains(&&*expected))
                    .fold(0, |bits, (_, bit)| bits | bit);
                assert_eq!(bits & !facts::CAP, lists, "{word:?}");
            }
        }
    }

    #[test]
    fn push_lower_gives_what_lowercasing_does() {
        let mut buffer = Vec::new();
        for word in ["été", "Été", "ÉTÉ", "naïve", "ΣΟΦΟΣ", "Straße", "x"] {
            let got = push_lower(word, &mut buffer)
                .map_or(word.as_bytes(), |(s, e)| &buffer[s as usize..e as usize]);
            assert_eq!(got, word.to_lowercase().as_bytes(), "{word:?}");
        }
    }

    #[test]
    fn merging_into_apart_mentions_is_merging_all() {
        let mention = |start: usize, end: usize, label: Label| {
            Mention::new(Span::new(start, end), label, MentionSource::Gazetteer)
        };
        let existing = vec![
            mention(0, 4, Label::Loc),
            mention(5, 9, Label::Org),
            mention(10, 12, Label::Per),
            mention(20, 30, Label::Loc),
            mention(31, 33, Label::Misc),
        ];
        let news = [
            vec![],
            vec![mention(3, 11, Label::Org)],
            vec![mention(5, 9, Label::Per), mention(0, 4, Label::Per)],
            vec![
                mention(8, 21, Label::Org),
                mention(2, 6, Label::Per),
                mention(11, 31, Label::Org),
            ],
            vec![
                mention(40, 41, Label::Org),
                mention(13, 19, Label::Per),
                mention(13, 19, Label::Loc),
            ],
            vec![
                mention(1, 2, Label::Org),
                mention(0, 5, Label::Per),
                mention(4, 10, Label::Loc),
            ],
        ];
        // The same, stretched and moved across the words of the taken
        // bytes' bits.
        let moved = |ms: &[Mention], scale: usize, offset: usize| -> Vec<Mention> {
            ms.iter()
                .map(|m| {
                    let (s, e) = (m.span.start, m.span.end);
                    mention(s * scale + offset, e * scale + offset, m.label)
                })
                .collect()
        };
        for (new, scale, offset) in news
            .iter()
            .flat_map(|n| [(n, 1, 0), (n, 7, 61), (n, 30, 3)])
        {
            let existing = moved(&existing, scale, offset);
            let new = moved(new, scale, offset);
            let fast = merge_into_apart(existing.clone(), new.clone());
            let all = merge_all(existing.clone(), new.clone());
            let key = |m: &Mention| (m.span, m.label);
            assert_eq!(
                fast.iter().map(key).collect::<Vec<_>>(),
                all.iter().map(key).collect::<Vec<_>>(),
                "{new:?}"
            );
        }
    }

    /// [`find_word_occurrences`] as it was: a `memmem` scan per needle.
    fn occurrences_by_memmem(text: &str, needles: &[&str]) -> Vec<Vec<Span>> {
        needles
            .iter()
            .map(|needle| {
                if needle.is_empty() {
                    return Vec::new();
                }
                memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
                    .map(|start| Span::new(start, start + needle.len()))
                    .filter(|s| {
                        text[..s.start]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric())
                            && text[s.end..]
                                .chars()
                                .next()
                                .is_none_or(|c| !c.is_alphanumeric())
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn occurrences_are_those_of_a_scan_per_needle() {
        let text = "Anne Roux et Roux-Blanc ; aaa, Roux. Anne Roux Roux, Éric Dupont-Roux \
            Roux AA AAA Ali Ali Ali xAli Ali Ali. ONU (ONU) l'ONU ONUSIDA Éric Éric";
        let needles = [
            "Roux",
            "Anne Roux",
            "aa",
            "Roux",
            "AA",
            "Ali Ali",
            "ONU",
            "Éric",
            "",
            "Dupont-Roux",
            "Anne",
            "Blanc",
            "B",
            "Éric Éric",
        ];
        assert_eq!(
            find_word_occurrences(text, &needles),
            occurrences_by_memmem(text, &needles)
        );
        let many: Vec<String> = (0..3 * FEW_NEEDLES)
            .map(|i| match i % 3 {
                0 => format!("Zed{i}"),
                1 => format!("zed{i}"),
                _ => format!("Roux{}", i % 7),
            })
            .collect();
        let many: Vec<&str> = needles
            .iter()
            .copied()
            .chain(many.iter().map(String::as_str))
            .collect();
        let text = format!("{text} zed4 Zed3 Roux1 Roux0 zed1 Roux2 zed7");
        assert_eq!(
            find_word_occurrences(&text, &many),
            occurrences_by_memmem(&text, &many)
        );
    }

    #[test]
    fn few_and_many_needles_find_the_same_occurrences() {
        let text = "Anne Roux et Roux-Blanc ; aaa, Roux. Anne Roux Roux, Éric Dupont-Roux Roux";
        let few = ["Roux", "Anne Roux", "aa", "Roux"];
        let filler: Vec<String> = (0..FEW_NEEDLES).map(|i| format!("Zed{i}")).collect();
        let many: Vec<&str> = few
            .iter()
            .copied()
            .chain(filler.iter().map(String::as_str))
            .collect();
        assert!(many.len() > FEW_NEEDLES);
        let by_few = find_word_occurrences(text, &few);
        let by_many = find_word_occurrences(text, &many);
        assert_eq!(by_few[..], by_many[..few.len()]);
        let got: Vec<&str> = by_few[0].iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Roux"; 7]);
        // "aa" in "aaa": the first occurrence is no word and hides the
        // overlapping second one.
        assert!(by_few[2].is_empty());
    }
}
