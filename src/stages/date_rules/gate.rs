//! Which of a language's rules can match a sentence at all: one pass of a
//! lazy DFA over the sentence's projection tells which of the rules'
//! required pieces ([`super::filter::gate_factors`]) occur in it.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind};

/// Makes a cache for the gate's DFA (one per thread, from the pool).
type MakeCache = Box<dyn Fn() -> Cache + Send + Sync>;

/// The required pieces of a language's rules as one lazy DFA, and which
/// pieces each rule needs.
///
/// `regex::RegexSet::matches` gave the same answer, but through the lazy
/// DFA's overlapping search, whose loop re-checks and books every byte
/// (three times the cost of the walk here), and with a new set of matches
/// allocated for every sentence. The walk here is the same DFA (every
/// match of every piece, [`MatchKind::All`]), stepping over bytes until it
/// reaches a state of note, and only records which pieces matched.
pub(super) struct Gate {
    dfa: DFA,
    caches: Pool<Cache, MakeCache>,
    /// For each rule, the indices of the pieces it needs: the rule can
    /// match only where all of them occur.
    needs: Vec<Vec<usize>>,
}

/// The pieces found in one sentence, as bits by piece index.
#[derive(Default)]
pub(super) struct Found {
    bits: Vec<u64>,
}

impl Found {
    fn clear(&mut self, pieces: usize) {
        self.bits.clear();
        self.bits.resize(pieces.div_ceil(64), 0);
    }

    fn set(&mut self, i: usize) {
        if let Some(word) = self.bits.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    fn all(&mut self) {
        self.bits.iter_mut().for_each(|w| *w = u64::MAX);
    }

    fn has(&self, i: usize) -> bool {
        self.bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn any(&self) -> bool {
        self.bits.iter().any(|&w| w != 0)
    }
}

impl Gate {
    /// The gate over `pieces` (patterns over projected text), where rule
    /// `r` needs the pieces `needs[r]`; panics on a bad piece, which the
    /// unit tests build once.
    pub(super) fn new(pieces: &[String], needs: Vec<Vec<usize>>) -> Gate {
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(128 << 20),
            )
            .thompson(regex_automata::nfa::thompson::Config::new().nfa_size_limit(Some(64 << 20)))
            .build_many(pieces)
            .unwrap_or_else(|e| panic!("date rule gate: {e}"));
        let for_caches = dfa.clone();
        let make: MakeCache = Box::new(move || for_caches.create_cache());
        Gate {
            dfa,
            caches: Pool::new(make),
            needs,
        }
    }

    /// The indices of the rules that may match the sentence whose
    /// projection is `projected`; `found` is a buffer for the walk.
    pub(super) fn candidates<'a>(
        &'a self,
        projected: &str,
        found: &'a mut Found,
    ) -> impl Iterator<Item = usize> + 'a {
        found.clear(self.dfa.pattern_len());
        let mut cache = self.caches.get();
        if self.walk(&mut cache, projected.as_bytes(), found).is_none() {
            // The DFA gave up (it does not, with no limit on cache
            // clearings): every rule is a candidate.
            found.all();
        }
        let found: &'a Found = found;
        let any = found.any();
        self.needs
            .iter()
            .enumerate()
            .filter(move |(_, needs)| any && needs.iter().all(|&i| found.has(i)))
            .map(|(rule, _)| rule)
    }

    /// Walks the DFA over `haystack`, setting in `found` every piece that
    /// matches somewhere in it; `None` if the DFA gave up.
    fn walk(&self, cache: &mut Cache, haystack: &[u8], found: &mut Found) -> Option<()> {
        let dfa = &self.dfa;
        let mut sid = dfa.start_state_forward(cache, &Input::new(haystack)).ok()?;
        let mut record = |cache: &Cache, sid: LazyStateID| {
            for k in 0..dfa.match_len(cache, sid) {
                found.set(dfa.match_pattern(cache, sid, k).as_usize());
            }
        };
        for &byte in haystack {
            // Most steps go from an untagged state to another: one table
            // read. A tagged state (a match, or not yet computed) takes
            // the full step.
            if !sid.is_tagged() {
                let next = dfa.next_state_untagged(cache, sid, byte);
                if !next.is_tagged() {
                    sid = next;
                    continue;
                }
            }
            sid = dfa.next_state(cache, sid, byte).ok()?;
            if sid.is_tagged() {
                if sid.is_match() {
                    record(cache, sid);
                } else if sid.is_dead() {
                    return Some(());
                } else if sid.is_quit() {
                    return None;
                }
            }
        }
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            record(cache, sid);
        }
        Some(())
    }
}
