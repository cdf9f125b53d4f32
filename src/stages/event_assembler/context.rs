//! What the words around a trigger say: who speaks, who undergoes, whether
//! the event is negated, wished, announced or habitual, and what kind of
//! thing is met.

use super::words::*;
use super::{
    cue_at, lower, names_a_country, tokens_before, tokens_from, words_in, EventAssembler, Word,
};
use crate::doc::{Cue, CueKind, Document, Label, Span, TokenKind};

impl EventAssembler {
    /// True when a comma and a speech verb frame a name: ", Omar Haddad
    /// said", ", said Omar Haddad", ", a déclaré Paul Girard".
    pub(super) fn is_sayer(&self, doc: &Document, tokens: &[Word], span: Span) -> bool {
        let before = tokens_before(tokens, span.start);
        let after = tokens_from(tokens, span.end);
        fn word<'t>(t: &'t Word) -> &'t str {
            t.lower()
        }
        // The comma may sit a few tokens back, past a title: ", German
        // Foreign Minister X said".
        let comma_before = before
            .iter()
            .rev()
            .take(5)
            .any(|t| t.span.slice(&doc.text) == ",");
        let verb_after = after
            .first()
            .is_some_and(|t| SPEECH_VERBS.contains(&word(t)));
        let verb_before = match before {
            [.., glue, verb] => {
                SPEECH_VERBS.contains(&word(verb)) && matches!(word(glue), "," | "a" | "ont")
            }
            _ => false,
        };
        comma_before && verb_after || verb_before
    }

    /// True when a patient noun and its "of" come before `span`, the two
    /// joined by a list or an apposition at most: "the release of X",
    /// "the resignations of city leaders, including Mayor X and Chief Y".
    /// The trigger, a clause edge or a comma that opens no list stops the
    /// search.
    pub(super) fn undergoes(
        &self,
        doc: &Document,
        tokens: &[Word],
        trigger: Span,
        span: Span,
    ) -> bool {
        let before = tokens_before(tokens, span.start);
        fn word<'t>(t: &'t Word) -> &'t str {
            t.lower()
        }
        for (k, t) in before.iter().enumerate().rev().take(12) {
            if t.span.end > trigger.start && t.span.start < trigger.end {
                return false;
            }
            let w = word(t);
            if CLAUSE_EDGES.contains(&w) || w == "." {
                return false;
            }
            if w == "," {
                let opens_list = before.get(k + 1).is_some_and(|n| {
                    matches!(word(n), "including" | "notamment" | "dont" | "among")
                        || n.span.slice(&doc.text).starts_with(char::is_uppercase)
                });
                if !opens_list {
                    return false;
                }
            }
            if matches!(w, "of" | "de" | "du" | "des" | "d'")
                && k > 0
                && PATIENT_NOUNS.contains(&word(&before[k - 1]))
            {
                return true;
            }
        }
        false
    }

    /// True when `span` is followed by a possessive "'s" and a title:
    /// "Erdoğan's Prime Minister", "Obama's envoy".
    pub(super) fn owns_a_title(&self, doc: &Document, tokens: &[Word], span: Span) -> bool {
        let after = tokens_from(tokens, span.end);
        let (apostrophe, s, title) = match after {
            [a, s, t, ..] => (a, s, t),
            _ => return false,
        };
        matches!(apostrophe.span.slice(&doc.text), "'" | "’")
            && s.span.slice(&doc.text) == "s"
            && cue_at(doc, title.span.start).is_some_and(|c| c.kind == CueKind::Title)
    }

    /// True when the first name after a visit trigger is a person's: "a
    /// rendu visite à son homologue X", "visited X in Lima".
    pub(super) fn visits_a_person(&self, doc: &Document, tokens: &[Word], trigger: Span) -> bool {
        tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(6)
            .find_map(|t| {
                let at = doc
                    .mentions
                    .partition_point(|m| m.span.start < t.span.start);
                // A nationality adjective is read past: "son homologue
                // indien X".
                doc.mentions
                    .get(at)
                    .filter(|m| m.span.start == t.span.start && m.label != Label::Misc)
                    .map(|m| m.label == Label::Per)
            })
            .unwrap_or(false)
    }

    /// True when a place and a comma come right before `span`: "Sochi,
    /// Russia", "Hangzhou, China". (A country before the comma, when the
    /// list goes on after `span`, makes a list: "Afghanistan, Pakistan and
    /// China"; "talks with Chile, Peru announced" does not.)
    pub(super) fn follows_place(&self, doc: &Document, tokens: &[Word], span: Span) -> bool {
        let mut before = tokens_before(tokens, span.start);
        // "Grimmen, northern Germany": a direction may sit between.
        if let [rest @ .., last] = before {
            if DIRECTIONS.contains(&last.lower()) {
                before = rest;
            }
        }
        let [.., place_end, comma] = before else {
            return false;
        };
        // Mentions are sorted by start and do not overlap: the place is
        // among the last few that start before the comma.
        let k = doc
            .mentions
            .partition_point(|m| m.span.start <= place_end.span.start);
        comma.span.slice(&doc.text) == ","
            && doc.mentions[..k].iter().rev().take(2).any(|m| {
                m.span.end == place_end.span.end
                    && m.label == Label::Loc
                    && !(names_a_country(m) && self.list_goes_on(doc, tokens, span))
            })
    }

    /// True when a comma or a conjunction follows `span`, and a name
    /// follows that (past an article): "Pakistan" in "Afghanistan, Pakistan
    /// and China".
    fn list_goes_on(&self, doc: &Document, tokens: &[Word], span: Span) -> bool {
        let after = tokens_from(tokens, span.end);
        after
            .first()
            .is_some_and(|t| matches!(t.lower(), "," | "and" | "et" | "or" | "ou"))
            && after
                .iter()
                .skip(1)
                .find(|t| !SKIPPED_BEFORE.contains(&t.lower()))
                .is_some_and(|next| doc.mentions_in(next.span).next().is_some())
    }

    /// True when the words around the trigger negate it or make it a wish or
    /// a hypothesis.
    pub(super) fn is_negated_or_hypothetical(
        &self,
        doc: &Document,
        tokens: &[Word],
        trigger: Span,
    ) -> bool {
        let before: Vec<&str> = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .take(5)
            .map(|t| t.lower())
            .collect();
        let trigger_words = words_in(doc, trigger);
        let inside: Vec<&str> = trigger_words.iter().map(|t| t.lower()).collect();
        let after: Vec<&str> = tokens_from(tokens, trigger.end)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(2)
            .map(|t| t.lower())
            .collect();
        // "n'étaient pas de la rencontre": "ne" may sit five words back
        // when "pas" is near.
        let french_ne = before
            .iter()
            .take(5)
            .chain(inside.iter())
            .any(|w| *w == "ne" || *w == "n'");
        // "n'a pas rencontré": the negation may sit before the participle.
        let french_neg_before = french_ne
            && before
                .iter()
                .take(3)
                .any(|w| matches!(*w, "pas" | "jamais" | "plus" | "guère"));
        let french_ne_near = before
            .iter()
            .take(3)
            .chain(inside.iter())
            .any(|w| *w == "ne" || *w == "n'");
        let french_neg = french_neg_before
            || french_ne_near
                && after
                    .iter()
                    .chain(inside.iter())
                    .any(|w| matches!(*w, "pas" | "jamais" | "plus" | "guère"));
        let english_neg = before
            .iter()
            .take(3)
            .chain(inside.iter())
            .any(|w| NEGATIONS.contains(w) && !matches!(*w, "pas" | "plus" | "jamais"));
        // A modal or a wish anywhere in the six words before, within the
        // clause: "could be to Iceland for a summit", "urged the government
        // to renew talks". The month "May" is no modal.
        // "on retrouve des personnalités": one finds, no one meets.
        if doc.lang == Some(crate::Lang::Fr) && before.first().is_some_and(|w| *w == "on") {
            return true;
        }
        let modal = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            // A subordinate clause has its own mood ("proposed the bill
            // after two envoys met X"), but for one that tells what has
            // not happened yet ("a summit that could happen before he has
            // met X").
            .take_while(|t| {
                let w = t.lower();
                !CLAUSE_EDGES.contains(&w)
                    && (!SUBORDINATORS.contains(&w) || matches!(w, "before" | "avant"))
            })
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(&doc.text))
            // Names count for nothing: "given to a Trump-Putin summit".
            .filter(|w| !w.starts_with(char::is_uppercase) || MODALS.contains(&lower(w).as_str()))
            .take(MODAL_REACH)
            .any(|w| w != "May" && MODALS.contains(&lower(w).as_str()));
        // "Talk of an early summit", "la perspective d'une rencontre": a
        // noun that makes the meeting an idea.
        let idea = before.iter().take(4).any(|w| IDEA_NOUNS.contains(w));
        // "a summit that could happen", "meetings ... every few months":
        // hypothetical or habitual.
        let after_words: Vec<&str> = tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(8)
            .map(|t| t.lower())
            .collect();
        let hypothetical_after = after_words.windows(2).take(1).any(|w| {
            matches!(w[0], "that" | "which" | "qui")
                && matches!(
                    w[1],
                    "could" | "might" | "may" | "would" | "pourrait" | "pourraient"
                )
        });
        // Abbreviations ("U.S.") and lists do not end the search.
        let habitual = tokens_from(tokens, trigger.end)
            .iter()
            .take_while(|t| !CLAUSE_EDGES.contains(&t.span.slice(&doc.text)))
            .take(12)
            .any(|t| matches!(t.lower(), "every" | "chaque"));
        french_neg || english_neg || modal || idea || hypothetical_after || habitual
    }

    /// True when a word just before the trigger announces it rather than
    /// reports it ("devrait être signé", "is expected to meet", "doit
    /// recevoir").
    pub(super) fn is_announced(&self, tokens: &[Word], trigger: Span) -> bool {
        tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .take(3)
            .enumerate()
            .any(|(k, t)| {
                // "to" announces only right before a verb ("to meet"), not
                // as a preposition ("her arrival to their meeting").
                let w = t.lower();
                PLANNED_MARKERS.contains(&w) && (w != "to" || k == 0)
            })
            || self.is_noun_announced(tokens, trigger)
    }

    /// True when an infinitive trigger follows a verb of achievement, maybe
    /// past an adverb or two: "ont toutefois pu rencontrer", "managed to
    /// meet", "was able to meet".
    pub(super) fn achieved_before(&self, tokens: &[Word], trigger: Span) -> bool {
        tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .take(3)
            .any(|t| {
                matches!(
                    t.lower(),
                    "pu" | "réussi" | "parvenu" | "parvenue" | "parvenus" | "managed" | "able"
                )
            })
    }

    /// True when an infinitive trigger follows a verb that fixes it, so
    /// that the event is firmly scheduled: "is scheduled to meet", "agreed
    /// to meet", "a décidé de convoquer", "a prévu de recevoir". (Wishes and
    /// refusals, "wants to meet", "refuse de rencontrer", fix nothing.)
    pub(super) fn scheduled_before(&self, doc: &Document, tokens: &[Word], trigger: Span) -> bool {
        let mut words = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower());
        // The English triggers hold their "to"; French has its own "de".
        if doc
            .slice(trigger)
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("to "))
        {
            return words.next().is_some_and(|w| SCHEDULING_VERBS.contains(&w));
        }
        words.next().is_some_and(|w| matches!(w, "de" | "d'"))
            && words.next().is_some_and(|w| SCHEDULING_VERBS.contains(&w))
    }

    /// When an infinitive trigger tells the purpose of a journey ("flew to
    /// Lima to meet X", "s'est rendu à Lima pour rencontrer X"): whether
    /// the journey is planned ("was to travel", "ira"). `None` when no
    /// journey verb comes in the clause's eight words before.
    pub(super) fn journey_before(
        &self,
        doc: &Document,
        tokens: &[Word],
        trigger: Span,
    ) -> Option<bool> {
        let words = clause_words_before(doc, tokens, trigger, 8);
        // French needs its own "pour" or "afin de"; the English triggers
        // hold their "to".
        let french_purpose = words.first().is_some_and(|w| {
            *w == "pour" || *w == "de" && words.get(1).is_some_and(|a| *a == "afin")
        });
        if !french_purpose && !doc.slice(trigger).to_lowercase().starts_with("to ") {
            return None;
        }
        Self::journey_in(&words)
    }

    /// For a meeting noun that is a journey's purpose ("will travel to
    /// Beijing next week for talks with X", "se rendra à Dakar pour des
    /// entretiens avec Y"): whether the journey is planned. `None` when the
    /// noun follows no journey.
    pub(super) fn journey_for(
        &self,
        doc: &Document,
        tokens: &[Word],
        trigger: Span,
    ) -> Option<bool> {
        let words = clause_words_before(doc, tokens, trigger, 10);
        let mut first = 0;
        while words
            .get(first)
            .is_some_and(|w| matches!(*w, "des" | "de" | "d'" | "a" | "an" | "une" | "un"))
        {
            first += 1;
        }
        if !words
            .get(first)
            .is_some_and(|w| matches!(*w, "for" | "pour"))
        {
            return None;
        }
        Self::journey_in(&words[first..])
    }

    /// In `words` (nearest first), a journey verb and whether a future
    /// form or a planning word tells it: "was to travel", "will fly", "va se
    /// rendre", "doit aller", "ira".
    fn journey_in(words: &[&str]) -> Option<bool> {
        let at = words.iter().position(|w| JOURNEY_VERBS.contains(w))?;
        let future_verb = matches!(words[at], "ira" | "iront" | "rendra" | "rendront");
        // "was to travel", "will fly", "va se rendre", "doit aller".
        let planned_before = words[at + 1..].iter().take(3).enumerate().any(|(k, &w)| {
            PLANNED_MARKERS.contains(&w) && (w != "to" || k == 0)
                || matches!(w, "va" | "vont" | "doit" | "doivent" | "devrait")
        });
        Some(future_verb || planned_before)
    }

    /// "a new round of talks ... will be held Wednesday", "la réunion se
    /// tiendra lundi": a future verb after a meeting noun, in its clause.
    pub(super) fn is_noun_announced(&self, tokens: &[Word], trigger: Span) -> bool {
        // The words of the clause after the noun, past commas ("un sommet
        // réunissant les dirigeants de la France, de l'Allemagne et de
        // l'Italie se tiendra à Rome").
        let words: Vec<&str> = tokens_from(tokens, trigger.end)
            .iter()
            .map(|t| (t, t.lower()))
            .take_while(|(t, w)| {
                (t.kind == TokenKind::Word || *w == ",") && !SUBORDINATORS.contains(w)
            })
            .filter(|(t, _)| t.kind == TokenKind::Word)
            .take(16)
            .map(|(_, w)| w)
            .collect();
        words.windows(2).any(|w| {
            matches!(
                (w[0], w[1]),
                (
                    "will",
                    "be" | "take" | "begin" | "start" | "open" | "resume"
                ) | ("se", "tiendra" | "tiendront")
                    | ("aura" | "auront", "lieu")
                    | ("is" | "are", "scheduled" | "planned" | "expected" | "due")
                    | ("est" | "sont", "prévu" | "prévue" | "prévus" | "prévues")
            )
        })
    }

    /// True for a meeting word that is what a clause prepares: "se
    /// retrouveront à Berlin pour préparer le sommet européen", "met to
    /// prepare the summit", "en vue du sommet". The meeting told is the
    /// preparing one; the one prepared is still to come, with no parties
    /// of its own in the clause.
    pub(super) fn is_prepared_for(&self, doc: &Document, tokens: &[Word], cue: &Cue) -> bool {
        if cue.attr("form") != Some("noun") && !self.follows_determiner(doc, tokens, cue.span) {
            return false;
        }
        tokens_before(tokens, cue.span.start)
            .iter()
            .rev()
            .take(3)
            .any(|t| PREPARING.contains(&t.lower()))
    }

    /// "au sommet de l'Izoard", "au sommet de sa forme", "the summit of
    /// Everest": a summit *of* something that is neither an organization nor
    /// a place the lists know is a top, not a meeting ("le sommet du G20",
    /// "le sommet de Bruxelles" are meetings).
    pub(super) fn is_geographic_summit(&self, doc: &Document, cue: &Cue) -> bool {
        if !matches!(cue.canonical.as_str(), "sommet" | "summit") {
            return false;
        }
        let end = doc.text.len().min(cue.span.end + 40);
        let Some(rest) = doc.text.get(cue.span.end..end) else {
            return false;
        };
        let lowered = rest.trim_start().to_lowercase();
        let has_of = ["de ", "du ", "des ", "d'", "d’", "of "]
            .iter()
            .any(|p| lowered.starts_with(p));
        if !has_of {
            return false;
        }
        // Mentions are sorted by start: the first one after the cue.
        let known = doc
            .mentions
            .get(
                doc.mentions
                    .partition_point(|m| m.span.start < cue.span.end),
            )
            .is_some_and(|m| m.span.start < end && matches!(m.label, Label::Loc | Label::Org));
        !known
    }

    /// True when a determiner comes before the trigger, maybe past a few
    /// lowercase modifiers: "a meeting", "a long meeting", "a nearly
    /// four-hour meeting". An auxiliary or a name between makes the trigger
    /// a verb again: "the envoy is meeting".
    pub(super) fn follows_determiner(
        &self,
        doc: &Document,
        tokens: &[Word],
        trigger: Span,
    ) -> bool {
        const DETERMINERS: &[&str] = &[
            "le", "la", "les", "l'", "un", "une", "sa", "son", "ses", "leur", "leurs", "cette",
            "ce", "cet", "the", "a", "an", "his", "her", "their", "its", "this", "that",
        ];
        const NOT_MODIFIERS: &[&str] = &[
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
            "would", "not", "also", "still", "et", "and", "or",
        ];
        let mut modifiers = 0;
        for (k, t) in tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .take(6)
            .enumerate()
        {
            let word = t.span.slice(&doc.text);
            let w = lower(word);
            if DETERMINERS.contains(&w.as_str()) {
                return true;
            }
            // A name's pieces may modify too: "the P5+1 nuclear talks".
            let name_piece = k > 0
                && (t.kind != TokenKind::Punct && !word.starts_with(char::is_lowercase)
                    || matches!(word, "+" | "-"));
            let lowercase_modifier = t.kind == TokenKind::Word
                && word.starts_with(char::is_lowercase)
                && !NOT_MODIFIERS.contains(&w.as_str())
                && cue_at(doc, t.span.start).is_none();
            if lowercase_modifier {
                modifiers += 1;
            }
            let modifier = name_piece || lowercase_modifier && modifiers <= 2;
            if !modifier {
                return false;
            }
        }
        false
    }

    /// True when a demonstrative points the trigger back at an event
    /// already told ("cette réunion", "this meeting").
    ///
    /// So does a definite article after a verb of taking part: "a large
    /// group participated in the talks, including X and Y", "ont assisté
    /// à la réunion": the meeting is known, the sentence adds who was there.
    pub(super) fn is_anaphoric(&self, tokens: &[Word], trigger: Span) -> bool {
        const DEMONSTRATIVES: &[&str] = &["ce", "cet", "cette", "ces", "this", "these"];
        let mut words = tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.lower());
        let Some(det) = words.next() else {
            return false;
        };
        if DEMONSTRATIVES.contains(&det) {
            return true;
        }
        // "au sommet" holds its preposition; "the", "la" are preceded by one
        // ("in", "à") or by a transitive verb ("attended the").
        let verb = match det {
            "au" | "aux" => words.next(),
            "the" | "la" | "le" | "l'" | "les" => match words.next() {
                Some("in" | "à") => words.next(),
                other => other,
            },
            _ => None,
        };
        verb.is_some_and(|v| PARTICIPATION_VERBS.contains(&v))
    }

    /// True when a meeting word follows the trigger within a few words:
    /// "took part in the talks", "ont pris part aux pourparlers".
    pub(super) fn names_its_meeting(&self, doc: &Document, tokens: &[Word], trigger: Span) -> bool {
        tokens_from(tokens, trigger.end)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(4)
            .any(|t| {
                cue_at(doc, t.span.start).is_some_and(|c| {
                    c.kind == CueKind::Trigger
                        && c.attr("event") == Some("meeting")
                        && c.attr("form") == Some("noun")
                })
            })
    }

    /// True when only names, titles and list words come before the
    /// trigger in its sentence: "Kofi Mensah and Mary Owusu will take
    /// part", "Marie Dubois et Paul Girard y participeront". Not "The
    /// foreign ministers of Ukraine and Russia will take part", whose
    /// parties are the ministers, not the countries.
    pub(super) fn only_names_before(&self, doc: &Document, tokens: &[Word], trigger: Span) -> bool {
        const ALSO: &[&str] = &["y", "both", "also", "aussi", "également", "all", "tous"];
        // Mentions and cues are in text order; one that covers a word starts
        // at or before it, among the last few that do.
        let in_mention = |t: &Word| {
            let k = doc
                .mentions
                .partition_point(|m| m.span.start <= t.span.start);
            doc.mentions[..k]
                .iter()
                .rev()
                .take(4)
                .any(|m| m.span.contains(t.span))
        };
        let in_title = |t: &Word| {
            let k = doc.cues.partition_point(|c| c.span.start <= t.span.start);
            doc.cues[..k].iter().rev().take(4).any(|c| {
                matches!(c.kind, CueKind::Title | CueKind::Honorific) && c.span.contains(t.span)
            })
        };
        tokens_before(tokens, trigger.start)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .all(|t| {
                let w = t.lower();
                LIST_GLUE.contains(&w) || ALSO.contains(&w) || in_mention(t) || in_title(t)
            })
    }

    /// True when the sentence whose words are `words` (in lowercase)
    /// speaks of a sports encounter.
    pub(super) fn is_sports(&self, doc: &Document, words: &[Word]) -> bool {
        let (fr, en) = match doc.lang {
            Some(crate::Lang::Fr) => (true, false),
            Some(crate::Lang::En) => (false, true),
            _ => (true, true),
        };
        words.iter().any(|w| {
            fr && SPORTS_CONTEXT_FR.contains(&w.lower())
                || en && SPORTS_CONTEXT_EN.contains(&w.lower())
        })
    }

    /// "meet the requirements", "rencontrer des difficultés": a "meet"
    /// trigger whose object, among its first words, is a thing one meets.
    pub(super) fn meets_a_thing(&self, doc: &Document, tokens: &[Word], cue: &Cue) -> bool {
        if !matches!(cue.canonical.as_str(), "meet" | "rencontrer")
            || cue.attr("voice") == Some("passive")
        {
            return false;
        }
        let words: Vec<&Word> = tokens_from(tokens, cue.span.end)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .take(6)
            .collect();
        for (k, t) in words.iter().take(5).enumerate() {
            // A party named first is the object: "met Ana Ruiz halfway".
            let at = doc
                .mentions
                .partition_point(|m| m.span.start < t.span.start);
            if doc
                .mentions
                .get(at)
                .is_some_and(|m| m.span.start == t.span.start && m.label == Label::Per)
            {
                return false;
            }
            // "opposition leader X": the thing word qualifies a title.
            let is_title =
                |n: &&Word| cue_at(doc, n.span.start).is_some_and(|c| c.kind == CueKind::Title);
            let qualifies_a_title = is_title(t) || words.get(k + 1).is_some_and(is_title);
            if MET_THINGS.contains(&t.lower()) && !qualifies_a_title {
                return true;
            }
        }
        false
    }

    /// True when a phone or video word sits next to the trigger: "talks on
    /// a cellphone to", "in a video address to the meeting". Such contacts
    /// are calls, not meetings.
    pub(super) fn is_remote(&self, tokens: &[Word], trigger: Span) -> bool {
        let near = |t: &&Word| {
            t.kind == TokenKind::Word && {
                let w = t.lower();
                REMOTE_WORDS.iter().any(|r| w.starts_with(r))
            }
        };
        // Before the trigger, as far as the previous comma: "after a phone
        // call, they met" is a meeting.
        tokens_before(tokens, trigger.start)
            .iter()
            .rev()
            .take_while(|t| t.kind == TokenKind::Word)
            .take(6)
            .any(|t| near(&t))
            || tokens_from(tokens, trigger.end)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .take(4)
                .any(|t| near(&t))
    }

    /// For "recevoir", "accueillir", "receive", "host" in the active voice:
    /// true when what follows (past an article) is a party (a person, a
    /// title, an honorific, an organization or country), not a thing.
    pub(super) fn has_party_object(&self, doc: &Document, tokens: &[Word], cue: &Cue) -> bool {
        if !PARTY_OBJECT_LEMMAS.contains(&cue.canonical.as_str())
            || cue.attr("voice") == Some("passive")
        {
            return true;
        }
        let before = tokens_before(tokens, cue.span.start);
        let tokens = tokens_from(tokens, cue.span.end);
        let word = |k: usize| lower(tokens[k].span.slice(&doc.text));
        // The first token after the trigger that is no determiner, no
        // date ("mardi", "on Friday") and no place ("à Paris", "at the
        // White House"): "a reçu mardi à Paris son homologue".
        let mut skip = 0;
        while skip < tokens.len() {
            let t = &tokens[skip];
            let w = word(skip);
            let in_timex = {
                let k = doc.timexes.partition_point(|x| x.span.end <= t.span.start);
                doc.timexes
                    .get(k)
                    .is_some_and(|x| x.span.start <= t.span.start && t.span.end <= x.span.end)
            };
            if OBJECT_SKIPPED.contains(&w.as_str())
                || in_timex
                || t.kind == TokenKind::Punct && w != "."
            {
                skip += 1;
                continue;
            }
            if PLACE_PREPOSITIONS.contains(&w.as_str()) {
                let mut k = skip + 1;
                while k < tokens.len() && matches!(word(k).as_str(), "le" | "la" | "l'" | "the") {
                    k += 1;
                }
                let place = tokens.get(k).and_then(|t| {
                    let from = doc
                        .mentions
                        .partition_point(|m| m.span.start < t.span.start);
                    doc.mentions
                        .get(from)
                        .filter(|m| {
                            m.span.start == t.span.start
                                && matches!(m.label, Label::Loc | Label::Org)
                        })
                        .map(|m| m.span.end)
                });
                if let Some(end) = place {
                    skip = tokens.partition_point(|t| t.span.start < end);
                    continue;
                }
            }
            break;
        }
        // "hosted a dinner for X", "a offert un déjeuner en l'honneur de
        // X": a meal given for a party is a reception of it.
        if skip < tokens.len() && MEALS.contains(&word(skip).as_str()) {
            let mut k = skip + 1;
            while k < tokens.len() && MEAL_LINKS.contains(&word(k).as_str()) {
                k += 1;
            }
            if k > skip + 1 {
                skip = k;
            }
        }
        // "a été reçu vendredi à l'Élysée par X", "was received on Friday
        // by X": a passive with words between its participle and "par".
        let auxiliary = before.last().is_some_and(|t| {
            matches!(
                t.lower(),
                "été" | "est" | "sont" | "was" | "were" | "been" | "is" | "are"
            )
        });
        if auxiliary && skip < tokens.len() && matches!(word(skip).as_str(), "par" | "by") {
            return true;
        }
        let Some(next) = tokens.get(skip) else {
            return false;
        };
        let at = next.span.start;
        let is_title_at = |at: usize| {
            cue_at(doc, at).is_some_and(|c| matches!(c.kind, CueKind::Title | CueKind::Honorific))
        };
        let from = doc.mentions.partition_point(|m| m.span.start < at);
        let party = doc.mentions[from..]
            .iter()
            .take_while(|m| m.span.start == at)
            .find(|m| matches!(m.label, Label::Per | Label::Org | Label::Loc | Label::Misc));
        match party {
            // "welcomed the U.S. attack": a country that modifies a noun
            // names a thing, unless the noun is a party ("the Russian
            // delegation") or a title ("the Russian ambassador").
            Some(m) if matches!(m.label, Label::Loc | Label::Misc) => {
                let head = tokens_from(tokens, m.span.end).first();
                !head.is_some_and(|h| {
                    let w = h.span.slice(&doc.text);
                    h.kind == TokenKind::Word
                        && w.chars().count() > 3
                        && w.starts_with(char::is_lowercase)
                        && !PARTY_HEADS.contains(&lower(w).as_str())
                        && !is_title_at(h.span.start)
                })
            }
            Some(_) => true,
            // "a accueilli la délégation", "received the envoys".
            None => is_title_at(at) || PARTY_HEADS.contains(&next.lower()),
        }
    }
}

/// The last `n` words before `trigger` in its clause (up to a clause
/// edge), lowercased, the nearest first.
fn clause_words_before<'t>(
    doc: &Document,
    tokens: &'t [Word],
    trigger: Span,
    n: usize,
) -> Vec<&'t str> {
    tokens_before(tokens, trigger.start)
        .iter()
        .rev()
        .take_while(|t| !CLAUSE_EDGES.contains(&t.span.slice(&doc.text)))
        .filter(|t| t.kind == TokenKind::Word)
        .take(n)
        .map(|t| t.lower())
        .collect()
}
