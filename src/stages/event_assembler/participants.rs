//! Who takes part in an event: the parties named in the trigger's clause,
//! with the role and organization of the title each holds.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::index::Index;
use super::words::*;
use super::{
    cue_at, is_list_glue, last_words, lower, names_a_country, tokens_before, tokens_from, words_in,
    EventAssembler, Found, Parties, Word,
};
use crate::doc::{Cue, CueKind, Document, Label, Participant, Span, TitleMention, TokenKind};

impl EventAssembler {
    /// The role and organization a person holds, from the titles the
    /// relation stage assigned: a title with an organization or country
    /// first, non-military before ranks, nearest to `near`.
    pub(super) fn role_of(
        &self,
        doc: &Document,
        titles_by_holder: &HashMap<usize, [Vec<&TitleMention>; 4]>,
        entity: usize,
        near: usize,
    ) -> (Option<String>, Option<String>) {
        // The first class that has titles, and in it the nearest (the
        // earlier on a tie), by binary search: an entity holding thousands
        // of titles costs a log per event, not thousands.
        let best = titles_by_holder.get(&entity).and_then(|classes| {
            let list = classes.iter().find(|l| !l.is_empty())?;
            let i = list.partition_point(|t| t.span.start < near);
            let before = i.checked_sub(1).map(|j| {
                // The first of the titles that start there.
                let start = list[j].span.start;
                list[list.partition_point(|t| t.span.start < start)]
            });
            match (before, list.get(i)) {
                (Some(b), Some(a)) if a.span.start - near < near - b.span.start => Some(*a),
                (Some(b), _) => Some(b),
                (None, a) => a.copied(),
            }
        });
        match best {
            Some(t) => (Some(t.role.clone()), t.of.map(|of| self.org_name(doc, of))),
            None => (None, None),
        }
    }

    /// How an organization or country is named in a participant's `org`:
    /// its entity's name (a short alias for a long name), a nationality
    /// adjective by its country.
    pub(super) fn org_name(&self, doc: &Document, mention: usize) -> String {
        let m = &doc.mentions[mention];
        match m.entity.and_then(|e| doc.entities.get(e)) {
            Some(e) if e.name.chars().count() > 40 && !e.aliases.is_empty() => e.aliases[0].clone(),
            Some(e) => e.name.clone(),
            None => doc.mention_name(m),
        }
    }

    pub(super) fn participants(
        &self,
        doc: &Document,
        sentence: Span,
        tokens: &[Word],
        index: &Index<'_>,
        cue: &Cue,
    ) -> Parties {
        let trigger = cue.span;
        let t_first = tokens.partition_point(|t| t.span.start < trigger.start);
        let t_last = tokens.partition_point(|t| t.span.start < trigger.end);
        // A reciprocal verb ("se sont rencontrés") has its parties before
        // it; other triggers on both sides.
        let after_tokens = if cue.attr("voice") == Some("reciprocal") {
            4
        } else {
            WINDOW_TOKENS
        };
        // The window stops at the trigger's clause's edges: a semicolon, a
        // colon, a dash, a quotation mark, or a relative clause (", which
        // Trump has threatened").
        let word_at = |k: usize| tokens[k].lower();
        // A relative clause after the trigger is left out; one holding the
        // trigger keeps its antecedent ("Xi, who met Obama").
        let ends_clause = |k: usize| CLAUSE_EDGES.contains(&word_at(k));
        let opens_relative = |k: usize| {
            word_at(k) == "," && k + 1 < tokens.len() && RELATIVES.contains(&word_at(k + 1))
        };
        let mut first = t_first;
        while first > t_first.saturating_sub(WINDOW_TOKENS) && !ends_clause(first - 1) {
            first -= 1;
        }
        // "à la veille du sommet", "on the eve of the summit": the meeting
        // dates what the clause tells; its parties come after it.
        let eve = (t_first.saturating_sub(3)..t_first)
            .any(|k| matches!(word_at(k), "veille" | "eve" | "lendemain"));
        if eve {
            first = t_first;
        }
        // "X initiated the bill after three members met Y": a subordinate
        // clause with its own subject (a name between the subordinator and
        // the trigger) holds the trigger, and the main clause's names are
        // no parties. "X spoke after meeting Y" keeps X.
        let opens_clause = |k: usize| {
            // "ainsi que", "plus que": a comparison or a list, no clause.
            let list_que = matches!(word_at(k), "que" | "qu'")
                && k > 0
                && matches!(
                    word_at(k - 1),
                    "ainsi" | "plus" | "moins" | "tant" | "autant" | "même"
                );
            SUBORDINATORS.contains(&word_at(k)) && !list_que
        };
        if let Some(sub) = (first..t_first).rev().find(|&k| opens_clause(k)) {
            let (from, to) = (tokens[sub].span.end, trigger.start);
            let own_subject = doc
                .mentions_in(Span::new(from, to.max(from)))
                .next()
                .is_some();
            // "X believes that the talks with Iran were ...": a meeting
            // word in a reported clause is its subject; who reports it
            // took no part. ("X said that he met Y": X did.)
            let reported_noun = matches!(word_at(sub), "that" | "que" | "qu'")
                && (cue.attr("form") == Some("noun")
                    || self.follows_determiner(doc, tokens, trigger));
            if own_subject || reported_noun {
                first = sub + 1;
            }
        }
        // "After a meeting with X, President Y said": a meeting noun in a
        // phrase fronted before the main clause, whose subject, though it
        // speaks, took part.
        let opener = tokens[first..t_first]
            .iter()
            .find(|t| t.kind == TokenKind::Word);
        let fronted = opener.is_some_and(|t| {
            FRONTING.contains(&t.lower())
                && doc
                    .mentions_in(Span::new(t.span.end, trigger.start.max(t.span.end)))
                    .next()
                    .is_none()
        });
        let mut last = t_last;
        // "the first meeting since the arrest of X": a time, no parties.
        let opens_time = |k: usize| matches!(word_at(k), "since" | "depuis");
        // "..., Obama said that America ...": what is reported is no party.
        // And so is what follows a speech verb after the trigger without
        // "that": "X, who met Y at the summit, said North Korea should
        // ..."; a parenthetical "the talks, officials said, will bring
        // together ..." goes on after its comma.
        let opens_report = |k: usize| {
            matches!(word_at(k), "that" | "que" | "qu'")
                && k > 0
                && SPEECH_VERBS.contains(&word_at(k - 1))
                || k > t_last
                    && SPEECH_VERBS.contains(&word_at(k))
                    && k + 1 < tokens.len()
                    && word_at(k + 1) != ","
        };
        // "X traveled to Gulu to meet with Y": a journey's window stops at
        // the trigger of its purpose, which tells whom it met.
        let is_visit = cue.attr("event") == Some("visit");
        let opens_purpose = |k: usize| {
            is_visit
                && cue_at(doc, tokens[k].span.start).is_some_and(|c| {
                    c.kind == CueKind::Trigger
                        && c.span.start == tokens[k].span.start
                        && c.attr("event") != Some("visit")
                })
        };
        // "met ambassadors in Ankara — on Thursday with U.S. ambassador X
        // —": a dash that opens a preposition goes on with the clause.
        let continues = |k: usize| {
            matches!(word_at(k), "—" | "–")
                && k + 1 < tokens.len()
                && matches!(
                    word_at(k + 1),
                    "on" | "with" | "including" | "among" | "avec" | "notamment" | "dont" | "parmi"
                )
        };
        while last < (t_last + after_tokens).min(tokens.len())
            && (!ends_clause(last) || continues(last))
            && !opens_purpose(last)
            && !opens_time(last)
            && !opens_relative(last)
            && !opens_report(last)
            // "talks with Iran were based on a premise that if the US ...":
            // a subordinate clause after the trigger has its own parties.
            && !(last > t_last && opens_clause(last))
        {
            last += 1;
        }
        let lo = tokens.get(first).map_or(sentence.start, |t| t.span.start);
        let hi = tokens.get(last).map_or(sentence.end, |t| t.span.start);
        let window = Span::new(lo, hi.max(lo));
        // The `nth` word before a position (0: the nearest), from the
        // sentence's tokens (found once, searched by position), articles
        // skipped: "at the White House" is at a venue.
        let nth_index_before = |at: usize, nth: usize| -> Option<usize> {
            let k = tokens.partition_point(|t| t.span.start < at);
            (0..k)
                .rev()
                .filter(|&i| tokens[i].kind == TokenKind::Word)
                .filter(|&i| !SKIPPED_BEFORE.contains(&tokens[i].lower()))
                .nth(nth)
        };
        let nth_word_before = |at: usize, nth: usize| -> &str {
            nth_index_before(at, nth).map_or("", |i| tokens[i].lower())
        };
        let word_before = |at: usize| nth_word_before(at, 0);
        // Where a venue named by an organization's mention starts: the
        // mention after "at", "à", "au"; or "siège", "headquarters" before
        // "de X", "of X".
        let venue_start = |m: &crate::doc::Mention| -> Option<usize> {
            let before = word_before(m.span.start);
            if m.label == Label::Org && matches!(before, "at" | "à" | "au") {
                return Some(m.span.start);
            }
            let of = matches!(before, "de" | "du" | "des" | "d'" | "of");
            let noun = nth_index_before(m.span.start, 1)?;
            (of && VENUE_NOUNS.contains(&tokens[noun].lower())
                && matches!(nth_word_before(m.span.start, 2), "at" | "à" | "au"))
            .then(|| tokens[noun].span.start)
        };
        // Organizations and countries represented by a participant's title.
        let window_titles = index.titles_in(sentence, window);
        let represented: BTreeSet<usize> = window_titles
            .iter()
            .filter(|t| window.contains(t.span) && t.holder.is_some())
            .filter_map(|t| t.of)
            .filter_map(|of| doc.mentions[of].entity)
            .collect();
        let mut persons = Vec::new();
        // Persons named as a counterpart, with the state of the nationality
        // that came with the word.
        let mut counterparts: Vec<(usize, Option<String>)> = Vec::new();
        let mut others: Vec<(usize, Span, Found)> = Vec::new();
        let mut forums: BTreeSet<usize> = BTreeSet::new();
        // How many tokens lie between a mention and the trigger.
        let token_distance = |span: Span| -> usize {
            if span.end <= trigger.start {
                t_first - tokens.partition_point(|t| t.span.start < span.end)
            } else {
                tokens
                    .partition_point(|t| t.span.start < span.start)
                    .saturating_sub(t_last)
            }
        };
        let mut location: Option<(usize, String)> = None;
        // Where a place's preposition says the event is: "à Bakou", "in
        // Baku"; for a journey, "to Beijing" too.
        let destination = |before: &str| LOCATIVES.contains(&before) || is_visit && before == "to";
        for (_, m) in doc.mentions_in(window) {
            let Some(entity) = m.entity else { continue };
            let e = &doc.entities[entity];
            let venue = venue_start(m);
            let before = word_before(m.span.start);
            // "according to the Post", "selon Le Monde": a source.
            let source = SOURCE_MARKERS.contains(&before)
                || (before == "to" && nth_word_before(m.span.start, 1) == "according");
            if source {
                continue;
            }
            match m.label {
                // "Erdoğan's prime minister, X": the possessor of a
                // title names whose minister takes part, not a party.
                Label::Per if self.owns_a_title(doc, tokens, m.span) => {}
                // "the resignations of city leaders, including X": who
                // undergoes an act.
                Label::Per | Label::Org | Label::Loc
                    if self.undergoes(doc, tokens, trigger, m.span) => {}
                // "..., Omar Haddad said": who tells of the meeting.
                Label::Per if !fronted && self.is_sayer(doc, tokens, m.span) => {}
                Label::Per => {
                    if let Some(state) = counterpart_state(doc, tokens, m.span) {
                        counterparts.push((persons.len(), state));
                    }
                    persons.push(self.person(doc, index, entity, trigger.start));
                }
                // "on the sidelines of the U.N. General Assembly", "en marge
                // du sommet de l'UA": the setting, never a party.
                Label::Loc | Label::Org
                    if matches!(before, "of" | "de" | "du" | "des" | "d'")
                        && matches!(
                            nth_word_before(m.span.start, 1),
                            "sidelines" | "margins" | "marge" | "marges"
                        ) => {}
                // "une réunion consacrée à la Syrie", "talks devoted to
                // Syria": the topic, neither place nor party.
                Label::Loc | Label::Org
                    if TOPIC_PARTICIPLES.contains(&nth_word_before(m.span.start, 1)) => {}
                // "une visite d'État en Chine", "sa visite au Mali": the
                // state a visit goes to is its host.
                Label::Loc
                    if is_visit
                        && destination(before)
                        && names_a_country(m)
                        && m.span.start >= trigger.end
                        && !self.follows_place(doc, tokens, m.span) =>
                {
                    others.push((
                        token_distance(m.span),
                        m.span,
                        party(entity, e.name.clone()),
                    ));
                }
                Label::Loc if destination(before) => {
                    let distance = m.span.start.abs_diff(trigger.end);
                    // "les ambassadeurs au Mali", "le consul en Espagne": the
                    // country a diplomat is posted to belongs to the title
                    // (the name rules read it so), not where they met.
                    let post = window_titles.iter().any(|t| t.span.contains(m.span));
                    if location.as_ref().is_none_or(|(d, _)| distance < *d)
                        && !represented.contains(&entity)
                        && !post
                    {
                        location = Some((distance, doc.slice(m.span).to_string()));
                    }
                }
                // "à l'Élysée", "at the White House", "au siège de l'ONU",
                // "at the headquarters of NATO": the venue is where they
                // met, never a party.
                Label::Loc | Label::Org if venue.is_some() => {
                    let from = venue.unwrap_or(m.span.start);
                    // "at U.N. headquarters": the venue noun after the name.
                    let to = tokens_from(tokens, m.span.end)
                        .first()
                        .filter(|t| VENUE_NOUNS.contains(&t.lower()))
                        .map_or(m.span.end, |t| t.span.end);
                    let distance = from.abs_diff(trigger.end);
                    if location.as_ref().is_none_or(|(d, _)| distance < *d) {
                        location = Some((distance, doc.text[from..to].to_string()));
                    }
                }
                Label::Loc | Label::Org
                    if VENUE_MARKERS.contains(&before) || TOPIC_MARKERS.contains(&before) => {}
                // "in Sochi, Russia": the country of a place, not a party.
                Label::Loc if self.follows_place(doc, tokens, m.span) => {}
                // "the Rose Garden", "Trump Tower": a venue, not a party.
                Label::Loc | Label::Org
                    if doc
                        .slice(m.span)
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| VENUE_HEADS.contains(&lower(w).as_str())) => {}
                Label::Loc | Label::Org => {
                    // "Moscow hosted the talks", "Dakar accueille": a
                    // capital right before an active verb, opening its
                    // clause ("la communauté de Paris s'est réunie" does
                    // not), is its country's government (when the document
                    // names the country).
                    let opens_clause = tokens_before(tokens, m.span.start).last().is_none_or(|t| {
                        matches!(
                            t.lower(),
                            "," | "et" | "and" | "mais" | "but" | "while" | "tandis"
                        )
                    });
                    let government = (m.capital && opens_clause)
                        .then(|| tokens_from(tokens, m.span.end).first())
                        .flatten()
                        .and_then(|t| cue_at(doc, t.span.start))
                        .filter(|c| {
                            c.kind == CueKind::Trigger
                                && c.attr("form") == Some("verb")
                                && c.attr("voice") == Some("active")
                        })
                        .and_then(|_| doc.place_by_id.get(m.country.as_deref()?).copied());
                    if let Some(country) = government {
                        if !represented.contains(&country) {
                            others.push((
                                token_distance(m.span),
                                m.span,
                                party(country, doc.entities[country].name.clone()),
                            ));
                        }
                        continue;
                    }
                    let is_country = m.label == Label::Org || names_a_country(m);
                    // Titles' "of" and the organizations named inside a
                    // person's title phrase are represented by the person.
                    let inside_title = index.inside_held_title(sentence, m.span);
                    let next = tokens_from(tokens, m.span.end).first();
                    // "the G-20 summit", "a meeting of the Security
                    // Council": the forum the meeting is held in, a party
                    // only when no person is named.
                    let between: Vec<&str> = tokens_from(tokens, trigger.end)
                        .iter()
                        .take_while(|t| t.span.start < m.span.start)
                        .map(|t| t.lower())
                        .collect();
                    let forum = next.is_some_and(|t| t.span.start == trigger.start)
                        || m.span.start >= trigger.end
                            && between
                                .first()
                                .is_some_and(|w| matches!(*w, "of" | "de" | "du" | "des" | "d'"))
                            && between.iter().all(|w| {
                                matches!(
                                    *w,
                                    "of" | "the"
                                        | "her"
                                        | "his"
                                        | "their"
                                        | "its"
                                        | "de"
                                        | "du"
                                        | "des"
                                        | "d'"
                                        | "la"
                                        | "l'"
                                        | "sa"
                                        | "son"
                                        | "ses"
                                        | "leur"
                                )
                            });
                    if forum {
                        forums.insert(entity);
                    }
                    // "the Ukraine conflict", "the U.S. attack": after an
                    // article, a country followed by a common noun
                    // modifies it.
                    let modifier = !forum
                        && doc.lang == Some(crate::Lang::En)
                        && tokens_before(tokens, m.span.start).last().is_some_and(|t| {
                            matches!(t.lower(), "the" | "a" | "an" | "this" | "that")
                        })
                        && next.is_some_and(|t| {
                            let w = t.span.slice(&doc.text);
                            let lw = lower(w);
                            // Short words are mostly function words ("the
                            // U.S. and"), but for a few content words.
                            t.kind == TokenKind::Word
                                && (w.chars().count() > 3
                                    || SHORT_CONTENT_WORDS.contains(&lw.as_str()))
                                && w.starts_with(char::is_lowercase)
                                && !lw.ends_with("ed")
                                && !ENGLISH_VERBS_AFTER_SUBJECT.contains(&lw.as_str())
                                && !PARTY_HEADS.contains(&lw.as_str())
                                && !cue_at(doc, t.span.start)
                                    .is_some_and(|c| c.kind == CueKind::Title)
                        });
                    if is_country && !represented.contains(&entity) && !inside_title && !modifier {
                        others.push((
                            token_distance(m.span),
                            m.span,
                            party(entity, e.name.clone()),
                        ));
                    }
                }
                // "la délégation sénégalaise": the delegation's country.
                Label::Misc
                    if matches!(
                        before,
                        "délégation" | "delegation" | "gouvernement" | "government"
                    ) =>
                {
                    let country = m.id.as_ref().and_then(|id| {
                        doc.entities
                            .iter()
                            .position(|e| e.label == Label::Loc && e.id.as_ref() == Some(id))
                    });
                    let name = m.canonical.clone().unwrap_or_else(|| e.name.clone());
                    others.push((
                        token_distance(m.span),
                        m.span,
                        party(country.unwrap_or(entity), name),
                    ));
                }
                Label::Misc => {}
            }
        }
        // "X a reçu son homologue algérien Y", "his Algerian counterpart Y":
        // a counterpart with no title of its own holds the role of the
        // party whose counterpart it is, for its own state.
        for (k, state) in counterparts {
            if persons[k].participant.role.is_some() {
                continue;
            }
            let role = persons
                .iter()
                .enumerate()
                .find(|(j, f)| *j != k && f.participant.role.is_some())
                .and_then(|(_, f)| f.participant.role.clone());
            if let Some(role) = role {
                let p = &mut persons[k].participant;
                p.role = Some(role);
                p.org = state.or(p.org.take());
            }
        }
        // "Pierre Nkurunziza, excédé par ... (thirty words) ..., a décidé de
        // convoquer X": an active verb with no person before it in its
        // window has the subject that opens the sentence, when nothing
        // between opens another clause.
        let person_before =
            doc.mentions_in(Span::new(window.start, trigger.start))
                .any(|(_, m)| {
                    m.label == Label::Per
                        && persons
                            .iter()
                            .any(|f: &Found| m.entity.is_some() && f.participant.entity == m.entity)
                });
        if !person_before
            && first > 0
            && first <= OPENING_SUBJECT_TOKENS
            && cue.attr("form") == Some("verb")
            && cue.attr("voice") == Some("active")
        {
            if let Some(subject) = self.opening_subject(doc, sentence, &tokens[..first]) {
                persons.insert(0, self.person(doc, index, subject, trigger.start));
            }
        }
        // States and organizations that take part through an unnamed holder
        // of a plural title ("the foreign ministers of Ukraine and France").
        let mut states = Vec::new();
        // Role-only titles: "le président russe".
        for t in window_titles
            .iter()
            .filter(|t| window.contains(t.span) && t.holder.is_none())
        {
            let plural = self
                .plural_title(doc, tokens, window, t)
                .or_else(|| self.their_own(doc, sentence, t));
            if let Some((role, list)) = plural {
                for member in list {
                    let Some(org) = doc.represented_entity(member) else {
                        continue;
                    };
                    match index.holder_of_role(role, org, trigger.start) {
                        Some(person) => {
                            persons.push(self.person(doc, index, person, trigger.start))
                        }
                        None => states.push(party(org, doc.entities[org].name.clone())),
                    }
                }
                continue;
            }
            let Some(of) = t.of else {
                // "le Président", "the president-elect": with no country,
                // the one person the document names in that role, when
                // the title is definite.
                let definite = tokens_before(tokens, t.span.start)
                    .last()
                    .is_some_and(|w| matches!(w.lower(), "le" | "la" | "l'" | "the"));
                if let Some(person) = index.only_holder_of(&t.role).filter(|_| definite) {
                    persons.push(self.person(doc, index, person, trigger.start));
                }
                continue;
            };
            if doc.mentions[of].label == Label::Org
                && !matches!(doc.mentions[of].label, Label::Misc | Label::Loc)
            {
                continue;
            }
            // Unnamed parties are left out: a role-only title takes part
            // only as the person the document names in that role.
            let Some(person) = doc
                .represented_entity(of)
                .and_then(|org| index.holder_of_role(&t.role, org, trigger.start))
            else {
                continue;
            };
            persons.push(self.person(doc, index, person, trigger.start));
        }
        // A state or organization is a participant only when no person is
        // named for it: not when a participant holds one of its titles.
        let represented_by_persons: BTreeSet<usize> = persons
            .iter()
            .filter_map(|f| f.participant.entity)
            .filter_map(|e| index.affiliations.get(&e))
            .flatten()
            .copied()
            .collect();
        others.retain(|(_, _, f)| {
            f.participant.entity.is_none_or(|e| {
                !represented_by_persons.contains(&e) && (persons.is_empty() || !forums.contains(&e))
            })
        });
        // "a four-nation Coordination Group, with the United States and
        // China joining Afghanistan and Pakistan": a group named beside two
        // or more of its members is their format, not one more party.
        let is_group = |f: &Found| {
            f.participant.name.split([' ', '-']).any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "group" | "groupe" | "quartet" | "quartette" | "format"
                )
            })
        };
        if others.iter().filter(|(_, _, f)| !is_group(f)).count() >= 2 {
            others.retain(|(_, _, f)| !is_group(f));
        }
        // With no person named, the states and organizations of the clause
        // are the parties; beside one person, only those close to the
        // trigger (the other side of the talks, not the topic).
        let reach = match persons.len() {
            0 => usize::MAX,
            1 => OTHER_PARTY_TOKENS,
            _ => 0,
        };
        // A list reaches as far as its nearest member: "convoquer les
        // ambassadeurs de l'Allemagne, de la Belgique et de la France".
        let mut near: Vec<bool> = others.iter().map(|(d, _, _)| *d <= reach).collect();
        for i in 1..others.len() {
            if near[i - 1] && is_list_glue(tokens, others[i - 1].1, others[i].1) {
                near[i] = true;
            }
        }
        for i in (1..others.len()).rev() {
            if near[i] && is_list_glue(tokens, others[i - 1].1, others[i].1) {
                near[i - 1] = true;
            }
        }
        let mut found = persons;
        found.extend(states);
        found.extend(
            others
                .into_iter()
                .zip(near)
                .filter(|(_, near)| *near)
                .map(|((_, _, f), _)| f),
        );
        let mut seen = BTreeSet::new();
        found.retain(|f| seen.insert(f.key.clone()));
        Parties {
            found,
            location: location.map(|(_, l)| l),
            in_forum: !forums.is_empty(),
        }
    }

    /// The person entity whose name opens `sentence`, when `before` (the
    /// sentence's tokens from its start to a trigger's window) holds no
    /// other clause: no clause edge, subordinator or relative, and no other
    /// person.
    fn opening_subject(&self, doc: &Document, sentence: Span, before: &[Word]) -> Option<usize> {
        let opening = before.first()?;
        let (_, subject) = doc
            .mentions_in(Span::new(sentence.start, before.last()?.span.end))
            .next()
            .filter(|(_, m)| m.label == Label::Per && m.span.start == opening.span.start)?;
        let entity = subject.entity?;
        let other_clause = before.iter().any(|t| {
            let w = t.lower();
            CLAUSE_EDGES.contains(&w) || SUBORDINATORS.contains(&w) || RELATIVES.contains(&w)
        });
        let other_person = doc
            .mentions_in(Span::new(subject.span.end, before.last()?.span.end))
            .any(|(_, m)| m.label == Label::Per);
        (!other_clause && !other_person).then_some(entity)
    }

    /// A plural title's role (the canonical form of its singular) and the
    /// states or organizations it lists, each of which one holder of the
    /// role stands for: "the foreign ministers of Ukraine, Russia and
    /// France", "les ambassadeurs de l'Allemagne et de la Belgique", "the
    /// Russian and Turkish foreign ministers". `None` for a singular title.
    fn plural_title<'d>(
        &self,
        doc: &'d Document,
        tokens: &[Word],
        window: Span,
        title: &TitleMention,
    ) -> Option<(&'d str, Vec<usize>)> {
        let cue = cue_at(doc, title.role_span.start).filter(|c| {
            c.kind == CueKind::Title && c.span == title.role_span && c.attr("number") == Some("pl")
        })?;
        let of = title.of.or_else(|| those_of(doc, tokens, title.span))?;
        let mentions = &doc.mentions;
        // A member is a state (a country, or its nationality) or an
        // organization: "African leaders" are no one continent's holder.
        let party = |k: usize| {
            let m = &mentions[k];
            (m.label == Label::Org || names_a_country(m)) && window.contains(m.span)
        };
        let glued = |a: usize, b: usize| is_list_glue(tokens, mentions[a].span, mentions[b].span);
        // Mentions are in text order and do not overlap: the list's next
        // member is the next mention, when only list words come between.
        let mut list = vec![of];
        if mentions[of].span.start >= title.role_span.end {
            let mut k = of;
            while k + 1 < mentions.len() && party(k + 1) && glued(k, k + 1) {
                k += 1;
                list.push(k);
            }
        } else {
            let mut k = of;
            while k > 0 && party(k - 1) && glued(k - 1, k) {
                k -= 1;
                list.push(k);
            }
            list.reverse();
        }
        // One state alone ("EU foreign ministers", "Ukrainian leaders")
        // names a body of several holders, none of whom the title singles
        // out.
        (list.len() >= 2 && party(of)).then_some((cue.canonical.as_str(), list))
    }

    /// For a plural title with no state of its own, the states or
    /// organizations the next sentence gives it: "Sept nouveaux
    /// ambassadeurs ont remis leurs lettres de créance. La France, la
    /// Belgique et l'Égypte ont officialisé la nomination de leurs
    /// ambassadeurs respectifs." The same title comes back after "leurs",
    /// "their (respective)", and the list before it is whose holders they
    /// are.
    fn their_own<'d>(
        &self,
        doc: &'d Document,
        sentence: Span,
        title: &TitleMention,
    ) -> Option<(&'d str, Vec<usize>)> {
        if title.of.is_some() {
            return None;
        }
        let is_plural = |c: &Cue| c.kind == CueKind::Title && c.attr("number") == Some("pl");
        let cue = cue_at(doc, title.role_span.start)
            .filter(|c| is_plural(c) && c.span == title.role_span)?;
        let k = doc
            .sentences
            .partition_point(|s| s.span.start < sentence.end);
        let next = doc.sentences.get(k).filter(|s| s.kind.is_content())?.span;
        let from = doc.cues.partition_point(|c| c.span.start < next.start);
        let again = doc.cues[from..]
            .iter()
            .take_while(|c| c.span.end <= next.end)
            .find(|c| {
                is_plural(c)
                    && c.canonical == cue.canonical
                    && last_words(&doc.text[next.start..c.span.start], 2)
                        .iter()
                        .map(|(_, w)| lower(w))
                        .find(|w| w.as_str() != "respective")
                        .is_some_and(|w| matches!(w.as_str(), "leurs" | "their"))
            })?;
        let tokens = words_in(doc, next);
        let parties: Vec<usize> = doc
            .mentions_in(Span::new(next.start, again.span.start))
            .filter(|(_, m)| m.label == Label::Org || names_a_country(m))
            .map(|(k, _)| k)
            .collect();
        // The last run of members joined by list words.
        let mut list: Vec<usize> = Vec::new();
        for &k in &parties {
            let joined = list.last().is_some_and(|&last| {
                is_list_glue(&tokens, doc.mentions[last].span, doc.mentions[k].span)
            });
            if !joined {
                list.clear();
            }
            list.push(k);
        }
        (list.len() >= 2).then_some((cue.canonical.as_str(), list))
    }

    /// Person entity `person` as a participant, with the role and
    /// organization of the title it holds nearest to `at`.
    fn person(&self, doc: &Document, index: &Index<'_>, person: usize, at: usize) -> Found {
        let (role, org) = self.role_of(doc, &index.titles_by_holder, person, at);
        Found {
            key: format!("E{person}"),
            participant: Participant {
                entity: Some(person),
                name: doc.entities[person].name.clone(),
                role,
                org,
            },
        }
    }
}

/// For a person named right after "homologue", "counterpart" (a
/// nationality may sit on either side: "son homologue algérien X", "his
/// Algerian counterpart, X"), the name of the nationality's state, if any;
/// `None` when the person is no counterpart.
fn counterpart_state(doc: &Document, tokens: &[Word], person: Span) -> Option<Option<String>> {
    let mut before = tokens_before(tokens, person.start);
    if before
        .last()
        .is_some_and(|t| t.span.slice(&doc.text) == ",")
    {
        before = &before[..before.len() - 1];
    }
    let nationality_ending = |at: usize| {
        doc.mention_ending_at(at)
            .filter(|&k| doc.mentions[k].label == Label::Misc)
    };
    let mut state = None;
    if let Some(k) = before.last().and_then(|t| nationality_ending(t.span.end)) {
        state = Some(k);
        before = tokens_before(before, doc.mentions[k].span.start);
    }
    let word = before.last()?;
    if !matches!(word.lower(), "homologue" | "counterpart") {
        return None;
    }
    if state.is_none() {
        let rest = tokens_before(before, word.span.start);
        state = rest.last().and_then(|t| nationality_ending(t.span.end));
    }
    let name = state
        .and_then(|k| doc.represented_entity(k))
        .map(|e| doc.entities[e].name.clone());
    Some(name)
}

/// The first mention of the list that a pronoun spells out after a plural
/// title with no country of its own: "des ambassadeurs au Burundi (ceux de
/// la Chine et de la Russie)", "ambassadors, notably those of China and
/// Russia". A few words may come between ("au Burundi", "notamment"), but
/// no clause edge.
fn those_of(doc: &Document, tokens: &[Word], title: Span) -> Option<usize> {
    let after = tokens_from(tokens, title.end);
    let pronoun = after
        .iter()
        .take(THOSE_OF_TOKENS)
        .take_while(|t| !CLAUSE_EDGES.contains(&t.lower()))
        .position(|t| matches!(t.lower(), "ceux" | "celles" | "those"))?;
    let pronoun = after[pronoun].span;
    let k = doc.mentions.partition_point(|m| m.span.start < pronoun.end);
    let first = doc.mentions.get(k)?;
    // Only "of" and articles between the pronoun and the first member.
    let joined = tokens_from(tokens, pronoun.end)
        .iter()
        .take_while(|t| t.span.end <= first.span.start)
        .all(|t| {
            matches!(
                t.lower(),
                "de" | "du" | "des" | "d'" | "la" | "le" | "l'" | "les" | "of" | "the"
            )
        });
    joined.then_some(k)
}

/// A state or organization (entity `entity`, named `name`) as a participant:
/// it holds no role.
fn party(entity: usize, name: String) -> Found {
    Found {
        key: format!("E{entity}"),
        participant: Participant {
            entity: Some(entity),
            name,
            role: None,
            org: None,
        },
    }
}
