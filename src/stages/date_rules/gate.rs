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
    /// For each piece, the rules that need it, as a set of bits (bit `r`
    /// for rule `r`): only those rules are looked at when it is found.
    needed_by: Vec<u64>,
}

/// Where a candidate rule's matches can be in a sentence's projection, as
/// its pieces' matches tell ([`Gate::candidates`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Bounds {
    /// No match of the rule starts at or after this offset: the earliest
    /// of its pieces' last ends (a match holds a match of each piece,
    /// which ends after the rule's match starts).
    pub until: usize,
    /// Every match of the rule holds a match of one of its pieces that
    /// ends at or after this offset: the latest of its pieces' first ends
    /// ([`super::filter::Projected::floor`]).
    pub first_end: usize,
}

impl Bounds {
    /// No bounds: matches may start and end anywhere.
    #[cfg(test)]
    pub(super) const NONE: Bounds = Bounds {
        until: usize::MAX,
        first_end: 0,
    };
}

/// The pieces found in one sentence: for each piece, where its first and
/// its last match there end, if it matches.
#[derive(Default)]
pub(super) struct Found {
    ends: Vec<Option<(usize, usize)>>,
    /// The pieces found, each once: clearing resets only these, and only
    /// the rules that need one of them can be candidates.
    seen: Vec<usize>,
}

impl Found {
    fn clear(&mut self, pieces: usize) {
        if self.ends.len() == pieces {
            for &i in &self.seen {
                if let Some(ends) = self.ends.get_mut(i) {
                    *ends = None;
                }
            }
        } else {
            self.ends.clear();
            self.ends.resize(pieces, None);
        }
        self.seen.clear();
    }

    /// Piece `i` has a match ending at `end` (ends come in order).
    fn set(&mut self, i: usize, end: usize) {
        if let Some(ends) = self.ends.get_mut(i) {
            match ends {
                Some((_, last)) => *last = end,
                None => {
                    self.seen.push(i);
                    *ends = Some((end, end));
                }
            }
        }
    }

    /// Every piece, ending anywhere.
    fn all(&mut self) {
        self.seen.clear();
        self.seen.extend(0..self.ends.len());
        self.ends.fill(Some((0, usize::MAX)));
    }

    /// The first and last ends of piece `i`'s matches, if it has any.
    fn get(&self, i: usize) -> Option<(usize, usize)> {
        self.ends.get(i).copied().flatten()
    }
}

impl Gate {
    /// The gate over `pieces` (patterns over projected text), where rule
    /// `r` needs the pieces `needs[r]`; panics on a bad piece, on a rule
    /// that needs none, or on more than 64 rules, which the unit tests
    /// build once.
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
        assert!(needs.len() <= 64, "date rule gate: more than 64 rules");
        let mut needed_by = vec![0u64; pieces.len()];
        for (rule, pieces) in needs.iter().enumerate() {
            assert!(
                !pieces.is_empty(),
                "date rule gate: rule {rule} needs no piece"
            );
            for &i in pieces {
                if let Some(rules) = needed_by.get_mut(i) {
                    *rules |= 1 << rule;
                }
            }
        }
        let for_caches = dfa.clone();
        let make: MakeCache = Box::new(move || for_caches.create_cache());
        Gate {
            dfa,
            caches: Pool::new(make),
            needs,
            needed_by,
        }
    }

    /// The rules that may match the sentence whose projection is
    /// `projected`, in order, each as its index and where its matches can
    /// be in the projection ([`Bounds`]); `found` is a buffer for the walk.
    pub(super) fn candidates<'a>(
        &'a self,
        projected: &[u8],
        found: &'a mut Found,
    ) -> impl Iterator<Item = (usize, Bounds)> + 'a {
        found.clear(self.dfa.pattern_len());
        let mut cache = self.caches.get();
        if self.walk(&mut cache, projected, found).is_none() {
            // The DFA gave up (it does not, with no limit on cache
            // clearings): every rule is a candidate.
            found.all();
        }
        let found: &'a Found = found;
        // The rules that need a piece found, lowest first.
        let mut rules = found.seen.iter().fold(0u64, |rules, &i| {
            rules | self.needed_by.get(i).copied().unwrap_or(0)
        });
        std::iter::from_fn(move || {
            if rules == 0 {
                return None;
            }
            let rule = rules.trailing_zeros() as usize;
            rules &= rules - 1;
            Some(rule)
        })
        .filter_map(move |rule| {
            let mut bounds = Bounds {
                until: usize::MAX,
                first_end: 0,
            };
            for &i in self.needs.get(rule)? {
                let (first, last) = found.get(i)?;
                bounds.until = bounds.until.min(last);
                bounds.first_end = bounds.first_end.max(first);
            }
            Some((rule, bounds))
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
/// eight bytes a turn, so that the loop's own bookkeeping is paid once for
/// eight steps. Each step is one load from the transition table without a
/// bounds check: the check was two of the seven instructions a byte costs,
/// and the walk is a fifth of the stage.
///
/// `sid` must be untagged and the state that the last call on `cache`
/// returned ([`DFA::next_state`] or [`DFA::start_state_forward`]).
fn steady_steps(dfa: &DFA, cache: &Cache, sid: &mut LazyStateID, bytes: &[u8]) -> usize {
    // SAFETY: `next_state_untagged_unchecked` needs `from` to be an
    // untagged state id that the last call on `cache` returned. The first
    // `from` is `*sid`, which the caller got that way and checked untagged;
    // every later one is the untagged result of the step before (a tagged
    // result ends the walk), and nothing here changes `cache` (it is
    // borrowed shared), so none of them goes stale.
    let step = |from: LazyStateID, byte: u8| unsafe {
        dfa.next_state_untagged_unchecked(cache, from, byte)
    };
    let mut current = *sid;
    let mut done = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        for (k, &byte) in chunk.iter().enumerate() {
            let next = step(current, byte);
            if next.is_tagged() {
                *sid = current;
                return done + k;
            }
            current = next;
        }
        done += 8;
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
