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

/// The pieces found in one sentence: for each piece, where its last match
/// there ends, if it matches.
#[derive(Default)]
pub(super) struct Found {
    last_end: Vec<Option<usize>>,
}

impl Found {
    fn clear(&mut self, pieces: usize) {
        self.last_end.clear();
        self.last_end.resize(pieces, None);
    }

    /// Piece `i` has a match ending at `end` (ends come in order).
    fn set(&mut self, i: usize, end: usize) {
        if let Some(last) = self.last_end.get_mut(i) {
            *last = Some(end);
        }
    }

    /// Every piece, ending anywhere.
    fn all(&mut self) {
        self.last_end.iter_mut().for_each(|e| *e = Some(usize::MAX));
    }

    fn get(&self, i: usize) -> Option<usize> {
        self.last_end.get(i).copied().flatten()
    }

    fn any(&self) -> bool {
        self.last_end.iter().any(Option::is_some)
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

    /// The rules that may match the sentence whose projection is
    /// `projected`, each as its index and a projected offset at or after
    /// which none of its matches starts; `found` is a buffer for the walk.
    ///
    /// That offset is the last end of a match of one of the rule's pieces
    /// (the earliest such end of its pieces): a match of the rule holds a
    /// match of each piece, which ends after the rule's match starts.
    pub(super) fn candidates<'a>(
        &'a self,
        projected: &str,
        found: &'a mut Found,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
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
            .filter(move |_| any)
            .filter_map(move |(rule, needs)| {
                let mut until = usize::MAX;
                for &i in needs {
                    until = until.min(found.get(i)?);
                }
                Some((rule, until))
            })
    }

    /// Walks the DFA over `haystack`, setting in `found` every piece that
    /// matches somewhere in it; `None` if the DFA gave up.
    fn walk(&self, cache: &mut Cache, haystack: &[u8], found: &mut Found) -> Option<()> {
        let dfa = &self.dfa;
        let mut sid = dfa.start_state_forward(cache, &Input::new(haystack)).ok()?;
        // A match state reached on the byte at `at` is a match ending at
        // `at` (the DFA's matches come one byte late).
        let mut record = |cache: &Cache, sid: LazyStateID, at: usize| {
            for k in 0..dfa.match_len(cache, sid) {
                found.set(dfa.match_pattern(cache, sid, k).as_usize(), at);
            }
        };
        let mut at = 0;
        while at < haystack.len() {
            // Most steps go from an untagged state to another: one table
            // read each ([`steady_steps`]). A tagged state (a match, or not
            // yet computed) takes the full step below.
            if !sid.is_tagged() {
                at += steady_steps(dfa, cache, &mut sid, haystack.get(at..).unwrap_or(&[]));
            }
            let Some(&byte) = haystack.get(at) else {
                break;
            };
            sid = dfa.next_state(cache, sid, byte).ok()?;
            if sid.is_tagged() {
                if sid.is_match() {
                    record(cache, sid, at);
                } else if sid.is_dead() {
                    return Some(());
                } else if sid.is_quit() {
                    return None;
                }
            }
            at += 1;
        }
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            record(cache, sid, haystack.len());
        }
        Some(())
    }
}

/// Steps the untagged state `sid` over `bytes` as long as each step leads
/// to an untagged state, and returns how many bytes it stepped over: `sid`
/// is left on the state before the first byte whose step is tagged.
///
/// The loop only reads the cache (so its table stays in registers), tests
/// each new state once (the state it starts from is untagged), and takes
/// four bytes a turn, so that the loop's own bookkeeping is paid once for
/// four steps.
fn steady_steps(dfa: &DFA, cache: &Cache, sid: &mut LazyStateID, bytes: &[u8]) -> usize {
    let step = |from: LazyStateID, byte: u8| dfa.next_state_untagged(cache, from, byte);
    let mut current = *sid;
    let mut done = 0;
    let mut chunks = bytes.chunks_exact(4);
    for chunk in &mut chunks {
        for (k, &byte) in chunk.iter().enumerate() {
            let next = step(current, byte);
            if next.is_tagged() {
                *sid = current;
                return done + k;
            }
            current = next;
        }
        done += 4;
    }
    for &byte in chunks.remainder() {
        let next = step(current, byte);
        if next.is_tagged() {
            break;
        }
        current = next;
        done += 1;
    }
    *sid = current;
    done
}
