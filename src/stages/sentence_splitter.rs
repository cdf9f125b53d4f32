//! Sentence splitting for French and English news, with the lines of a saved
//! web page that are not sentences (site name, repeated headline, timestamp,
//! dateline, "Loading...", share lines) marked as such.

use rustc_hash::FxHashSet as HashSet;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::doc::{Document, Sentence, SentenceKind, Span};
use crate::pipeline::{Layer, Stage, StageError};

/// Splits a document into lines, then body lines into sentences.
///
/// Lines are classified first: a line that repeats an earlier one, the lone
/// word that opens a saved page (the site name), and the usual page furniture
/// are [`SentenceKind::Furniture`]; a line made of a date and a time is a
/// [`SentenceKind::Timestamp`]; "Paris / Agence" is a
/// [`SentenceKind::Dateline`]; a line without final punctuation is a
/// [`SentenceKind::Headline`] unless the next line continues it in lowercase
/// (a hard-wrapped paragraph). Body text is then split after `.`, `!`, `?`
/// and `…` (with closing quotes or brackets) when a new sentence starts,
/// except after abbreviations, initials and inside numbers.
///
/// ```
/// use depeche::stages::SentenceSplitter;
/// let text = "M. Dupont est arrivé à 10 h 30. Il a vu J.-P. Martin.";
/// let spans = SentenceSplitter::default().split(text);
/// let got: Vec<&str> = spans.iter().map(|s| s.span.slice(text)).collect();
/// assert_eq!(got, ["M. Dupont est arrivé à 10 h 30.", "Il a vu J.-P. Martin."]);
/// ```
#[derive(Debug, Default)]
pub struct SentenceSplitter;

/// The most words a headline has; a longer line without final punctuation
/// is body text.
const HEADLINE_MAX_WORDS: usize = 24;

/// Words after which a period does not end a sentence (compared without the
/// period, case-sensitively for short capitalised forms).
static ABBREVIATIONS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    [
        // French
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Dr", "Pr", "St", "Ste", "Mgr", "gén",
        "Gén", "col", "Col", "cap", "lt", "av", "bd", "boul", "janv", "févr", "avr", "juil",
        "sept", "oct", "nov", "déc", "cf", "env", "ex", "art", "n°", "No", "no", "vol", "p", "pp",
        "chap", "éd", "hab", "min", "max", "tél", "Cie", "adj", "dép", "vs", // English
        "Mr", "Mrs", "Ms", "Messrs", "Jr", "Sr", "Gen", "Lt", "Capt", "Sgt", "Cpl", "Maj", "Adm",
        "Gov", "Sen", "Rep", "Prof", "Rev", "Hon", "Pres", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
        "Sun", "Mt", "Ft", "approx", "est", "Nos", "fig", "e.g", "i.e", "U.S", "U.K", "U.N", "a.m",
        "p.m", "A.M", "P.M", "Inc.", "Co", "Corp", "Bros", "Ave", "Blvd", "Rd",
    ]
    .into_iter()
    .collect()
});

/// Lines of a saved web page that are never article text: the whole line
/// is one of these (anchored, so a long paragraph is rejected after a few
/// bytes)...
static FURNITURE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            loading\.*|chargement( en cours)?\.*|voir\ plus|see\ more|read\ more|lire\ la\ suite|
            lire\ aussi|à\ lire\ aussi|read\ also|related(\ articles?)?|articles?\ liés?|
            partager(\ sur\ \w+)?|share(\ (this|on\ \w+))?|tweet(er)?|facebook|twitter|linkedin|whatsapp|
            imprimer|print|e-?mail|envoyer|commentaires?|comments?|\d+\ comments?|\d+\ commentaires?|
            réagir|publicité|advertisement|sponsored|cookies?.*|accueil|home|menu|newsletter|
            s'abonner|subscribe|abonnez-vous.*|se\ connecter|log\ ?in|sign\ in|
            tous\ droits\ réservés.*|all\ rights\ reserved.*|©.*|copyright.*
        )\s*[.…!]*$",
    )
    .expect("furniture regex")
});

/// ... or it ends with a "read more" link.
static FURNITURE_TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?ix)(?:voir\ plus|see\ more|read\ more|lire\ la\ suite)\s*$")
        .expect("furniture tail regex")
});

/// True for a line of page furniture ([`FURNITURE`], [`FURNITURE_TAIL`]).
///
/// `line` is trimmed, so the tail's `\s*$` can only match at its very end,
/// and its phrases are at most 13 chars (3 bytes each at most, with the
/// Unicode case forms of `(?i)`): the tail regex needs only the last 64
/// bytes, not the whole paragraph.
///
/// The tail's phrases end in "s" or "e", which `(?i)` also matches as "S",
/// "ſ" and "E": a line that ends otherwise (most end with a period) is not
/// searched.
fn is_furniture(line: &str) -> bool {
    if FURNITURE.is_match(line) {
        return true;
    }
    let last = line.trim_end().chars().next_back();
    if !matches!(last, Some('s' | 'S' | 'ſ' | 'e' | 'E')) {
        return false;
    }
    let mut tail = line.len().saturating_sub(64);
    while !line.is_char_boundary(tail) {
        tail -= 1;
    }
    FURNITURE_TAIL.is_match(&line[tail..])
}

/// "Paris / Agence" lines: where the article was filed, and by whom.
static DATELINE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L}'’\-]*(?: [\p{L}'’\-]+){0,3})\s+/\s+\p{L}.{0,60}$")
        .expect("dateline")
});

/// A regex whose lazy DFA may keep more states than the default 2 MB: the
/// dateline patterns' bounded repetitions of Unicode classes fill the
/// default cache on a paragraph or two, and a full cache sends the search to
/// the slow engine. Same matches, more memory per thread.
fn big_cache(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(32 << 20)
        .build()
}

/// "PARIS (AFP) -", "WASHINGTON —", "Bakou, 15 oct (Reuters) -" opening a
/// body paragraph.
static DATELINE_PREFIX: Lazy<Regex> = Lazy::new(|| {
    big_cache(
        r"^(\p{Lu}[\p{Lu}'’\-]+(?: \p{Lu}[\p{Lu}'’\-]+){0,3}|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}(?:,[^()\n]{0,40}?)?\s*\([\p{L}\- /]{2,30}\))(?:,[^()\n\-—–]{0,40}?)?\s*(?:\([\p{L}\- /]{2,30}\))?\s*(?:-{1,2}|—|–)\s",
    )
    .expect("dateline prefix")
});

/// "Dakar, le 8 février 2023 —": a city, a date, a dash.
static DATELINE_CITY_DATE: Lazy<Regex> = Lazy::new(|| {
    big_cache(
        r"^(\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+){0,2}),\s+(?:le\s+)?\d{1,2}(?:er)?\s+\p{L}+\.?(?:\s+\d{4})?\s*(?:\([^)]{0,30}\))?\s*(?:-{1,2}|—|–)\s",
    )
    .expect("dateline with a date")
});

/// Tokens that may make up a timestamp line.
static TIMESTAMP_TOKEN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \d{1,4}(?:er|st|nd|rd|th)?|
            \d{1,2}[:h]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|\d{1,2}h|
            \d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|
            \d{4}-\d{2}-\d{2}(?:t[\d:+\-z.]*)?|
            \(?(?:utc|gmt|cet|cest|est|edt|pst|pdt)(?:[+\-−]\d{1,2}(?::?\d{2})?)?\)?|
            janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|
            janv\.?|févr\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|déc\.?|
            january|february|march|april|may|june|july|august|september|october|november|december|
            jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sep\.?|dec\.?|
            lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|
            monday|tuesday|wednesday|thursday|friday|saturday|sunday|
            le|à|a|at|on|du|de|publié|publiée|mis|jour|modifié|updated|published|posted|last|
            am|pm|a\.m\.|p\.m\.|[.,:;|–—\-·•/]+
        )[,.;]?$",
    )
    .expect("timestamp token")
});

/// A line of the document, before splitting.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    /// A blank line precedes it (or it opens the document).
    after_blank: bool,
}

/// A line as the set of lines already seen holds it: equal as its text is,
/// hashed on its length and its first and last 32 bytes only. A paragraph
/// runs to hundreds of bytes, and hashing each whole was most of the cost
/// of finding repeated lines; lines that share length, head and tail are
/// still told apart by the comparison of their whole text.
#[derive(PartialEq, Eq)]
struct SeenLine<'t>(&'t str);

impl std::hash::Hash for SeenLine<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let bytes = self.0.as_bytes();
        const ENDS: usize = 32;
        state.write_usize(bytes.len());
        if bytes.len() <= 2 * ENDS {
            state.write(bytes);
        } else {
            state.write(&bytes[..ENDS]);
            state.write(&bytes[bytes.len() - ENDS..]);
        }
    }
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_blank = true;
    // `memchr` directly: `split('\n')` went through the generic char
    // searcher, a tenth of the stage.
    let bytes = text.as_bytes();
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let line_start = start;
        // Between two newlines, or the text's ends: char boundaries.
        let piece = text.get(line_start..end).unwrap_or("");
        start = end + 1;
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        let s = line_start + lead_of(piece, trimmed);
        out.push(Line {
            span: Span::new(s, s + trimmed.len()),
            after_blank,
        });
        after_blank = false;
    }
    out
}

fn ends_with_terminal(line: &str) -> bool {
    let last = line
        .trim_end_matches(['»', '"', '”', '’', '\'', ')', ']', ' '])
        .chars()
        .last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':' | ';'))
}

/// True for a line made of a date and a time. The caller has checked that
/// the line has at most [`TIMESTAMP_MAX_WORDS`] words (a paragraph is not
/// split whole just to be tested).
fn is_timestamp(line: &str) -> bool {
    // Read twice over, with no list of the words (a line in a few is asked).
    let tokens = || line.split_whitespace();
    if tokens().next().is_none() {
        return false;
    }
    let has_year_or_time = tokens().any(|t| {
        let digits = t.chars().filter(char::is_ascii_digit).count();
        digits >= 4 || t.contains(':') || (t.contains('h') && digits >= 2)
    });
    has_year_or_time && tokens().all(|t| TIMESTAMP_TOKEN.is_match(t))
}

/// The most words a timestamp line has.
const TIMESTAMP_MAX_WORDS: usize = 12;
/// The most words a "City / Source" dateline line has.
const DATELINE_MAX_WORDS: usize = 8;

/// True when `s` has more than `n` words (runs of non-white-space, as
/// `split_whitespace` finds them), read no further than about word `n + 1`:
/// the checks above ask this of every paragraph.
fn more_words_than(s: &str, n: usize) -> bool {
    count_words(s, n) > n
}

/// Whether each ASCII byte is white space as [`char::is_whitespace`] says
/// (tab to carriage return, and space).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Each byte of a `u64` set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte.
const HIGH: u64 = splat(0x80);

/// The number of words of `s` (as `split_whitespace` finds them), or some
/// number above `limit` once there are more than `limit`: only the first
/// words of a paragraph are read.
///
/// Runs of plain ASCII are read eight bytes at a time (a word starts at each
/// byte that is not white space after one that is), since the per-char
/// decoding was a third of the stage; other chars are decoded one by one.
fn count_words(s: &str, limit: usize) -> usize {
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            if v & HIGH == 0 {
                // Per byte, with no carry between bytes since each is < 0x80:
                // the high bit of v + (0x80 - k) is set when the byte is >= k.
                let ge = |k: u8| v.wrapping_add(splat(0x80 - k)) & HIGH;
                let space = !(v ^ splat(b' ')).wrapping_add(splat(0x7f)) & HIGH;
                let control_space = ge(b'\t') & !ge(b'\r' + 1);
                let word = !(space | control_space) & HIGH;
                // Word bytes whose previous byte (the one before the chunk
                // for the first) is not a word byte.
                let starts = word & !((word << 8) | (u64::from(in_word) << 7));
                words += starts.count_ones() as usize;
                if words > limit {
                    return words;
                }
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (is_ascii_space(b), 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if !space && !in_word {
            words += 1;
            if words > limit {
                return words;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn is_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some('-' | '•' | '*' | '–' | '—' | '·' | '▪' | '►'),
            Some(' ')
        )
    )
}

impl SentenceSplitter {
    /// Splits a whole text into classified segments, in order.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let lines = lines(text);
        let mut out = Vec::new();
        // Sized once: grown step by step, the set rehashed every line.
        let mut seen: HashSet<SeenLine<'_>> =
            HashSet::with_capacity_and_hasher(lines.len(), Default::default());
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let s = line.span.slice(text);
            // Furniture: a known page line, or a line that repeats an earlier
            // one (the headline shown twice).
            // Whether the line is new is asked once, where a lookup and an
            // insert hashed it twice.
            let repeated = !seen.insert(SeenLine(s));
            let kind = if is_furniture(s) || repeated {
                Some(SentenceKind::Furniture)
            } else if i == 0
                && lines.len() > 1
                && !s.contains(char::is_whitespace)
                && !ends_with_terminal(s)
                && lines[1].after_blank
            {
                // A lone word opening a saved page, set apart: the site name.
                Some(SentenceKind::Furniture)
            } else {
                // Timestamps and datelines are short lines: a paragraph's
                // first words are counted once for both.
                let words = count_words(s, TIMESTAMP_MAX_WORDS.max(DATELINE_MAX_WORDS));
                if words <= TIMESTAMP_MAX_WORDS && is_timestamp(s) {
                    Some(SentenceKind::Timestamp)
                } else if words <= DATELINE_MAX_WORDS && DATELINE_LINE.is_match(s) {
                    Some(SentenceKind::Dateline)
                } else {
                    None
                }
            };
            if let Some(kind) = kind {
                out.push(Sentence {
                    span: line.span,
                    kind,
                });
                i += 1;
                continue;
            }
            // A run of lines that belong together: a paragraph, or a
            // hard-wrapped one whose lines continue in lowercase.
            let mut end = i;
            while end + 1 < lines.len() {
                let next = lines[end + 1];
                let cur = lines[end].span.slice(text);
                let next_text = next.span.slice(text);
                // A line without final punctuation followed by a capitalised
                // line is a headline of its own; a lowercase line continues a
                // hard-wrapped paragraph.
                let continues = !next.after_blank
                    && !is_bullet(next_text)
                    && (ends_with_terminal(cur) || starts_lowercase(next_text))
                    && !is_furniture(next_text)
                    && !seen.contains(&SeenLine(next_text));
                if !continues {
                    break;
                }
                end += 1;
                seen.insert(SeenLine(next_text));
            }
            let region = Span::new(line.span.start, lines[end].span.end);
            let region_text = region.slice(text);
            // A long line is a paragraph that lost its final period (or a
            // photo caption), not a headline: headlines are short. (Counted
            // last: most paragraphs end with a period.)
            if end == i
                && !ends_with_terminal(region_text)
                && !is_bullet(region_text)
                && !more_words_than(region_text, HEADLINE_MAX_WORDS)
            {
                out.push(Sentence {
                    span: region,
                    kind: SentenceKind::Headline,
                });
            } else {
                split_region(text, region, &mut out);
            }
            i = end + 1;
        }
        out
    }

    /// Finds the dateline: a "City / Source" line, or the "CITY (Agency) -"
    /// that opens the first body paragraph.
    pub fn dateline(&self, text: &str, sentences: &[Sentence]) -> Option<Span> {
        for s in sentences.iter().take(12) {
            match s.kind {
                SentenceKind::Dateline => {
                    let caps = DATELINE_LINE.captures(s.span.slice(text))?;
                    let city = caps.get(1)?;
                    return Some(Span::new(
                        s.span.start + city.start(),
                        s.span.start + city.end(),
                    ));
                }
                SentenceKind::Body => {
                    let body = s.span.slice(text);
                    let caps = DATELINE_PREFIX
                        .captures(body)
                        .or_else(|| DATELINE_CITY_DATE.captures(body))?;
                    let m = caps.get(1)?;
                    let city = m.as_str().split([',', '(']).next().unwrap_or("").trim_end();
                    return Some(Span::new(
                        s.span.start + m.start(),
                        s.span.start + m.start() + city.len(),
                    ));
                }
                _ => {}
            }
        }
        None
    }
}

/// Splits one paragraph into body sentences.
fn split_region(text: &str, region: Span, out: &mut Vec<Sentence>) {
    let body = region.slice(text);
    let mut start = 0;
    let bytes = body.as_bytes();
    let mut pos = 0;
    let mut ellipsis = NextEllipsis::default();
    // Jump from one terminator to the next: '.', '!' and '?' with memchr,
    // '…' with its own search (its first byte 0xE2 also starts the
    // typographic apostrophes and dashes of French text).
    while let Some(i) = next_terminator(bytes, pos, &mut ellipsis) {
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        pos = i + c.len_utf8();
        // Take the whole run of terminators and closing marks.
        let mut end = pos;
        while let Some(d) = body[end..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '…' | '»' | '"' | '”' | '’' | ')' | ']')
                || (d == ' ' && body[end..].starts_with(" »"))
            {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        // A sentence ends only before white space and a sentence start.
        let rest = &body[end..];
        let after_space = rest.trim_start();
        if rest.len() == after_space.len() || after_space.is_empty() {
            continue;
        }
        if !starts_sentence(after_space) {
            continue;
        }
        if c == '.' && end == i + 1 && is_abbreviation(&body[start..i]) {
            continue;
        }
        push_trimmed(region.start + start, region.start + end, text, out);
        start = body.len() - after_space.len();
    }
    push_trimmed(region.start + start, region.end, text, out);
}

/// The searcher for '…', built once: `memmem::find` builds one per call,
/// which cost more than the search itself on a paragraph.
static ELLIPSIS: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new("…".as_bytes()));

/// Where the next '…' of a paragraph is: searched for once, and again only
/// once the scan has gone past it.
#[derive(Clone, Copy, Default)]
enum NextEllipsis {
    #[default]
    NotSearched,
    At(usize),
    NoMore,
}

/// The byte offset of the first '.', '!', '?' or '…' of `bytes` at or after
/// `pos` (which never decreases between calls with one `ellipsis`).
fn next_terminator(bytes: &[u8], pos: usize, ellipsis: &mut NextEllipsis) -> Option<usize> {
    let rest = bytes.get(pos..)?;
    let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|k| pos + k);
    let passed = match *ellipsis {
        NextEllipsis::NotSearched => true,
        NextEllipsis::At(at) => at < pos,
        NextEllipsis::NoMore => false,
    };
    if passed {
        *ellipsis = match ELLIPSIS.find(rest) {
            Some(k) => NextEllipsis::At(pos + k),
            None => NextEllipsis::NoMore,
        };
    }
    match (ascii, *ellipsis) {
        (Some(a), NextEllipsis::At(e)) => Some(a.min(e)),
        (None, NextEllipsis::At(e)) => Some(e),
        (a, _) => a,
    }
}

fn push_trimmed(start: usize, end: usize, text: &str, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = lead_of(piece, trimmed);
    out.push(Sentence {
        span: Span::new(start + lead, start + lead + trimmed.len()),
        kind: SentenceKind::Body,
    });
}

/// The bytes `piece.trim()` (that is `trimmed`) cut from the start of
/// `piece`: one trim finds both ends, where `trim_start` and then `trim`
/// read the leading space twice.
fn lead_of(piece: &str, trimmed: &str) -> usize {
    trimmed.as_ptr() as usize - piece.as_ptr() as usize
}

fn starts_sentence(s: &str) -> bool {
    match s.chars().next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('«' | '"' | '“' | '—' | '–' | '-' | '(' | '[' | '¿' | '¡' | '\'') => true,
        _ => false,
    }
}

/// True when the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    // The word is what follows the last separator (as `rsplit` finds it,
    // without its searcher: this runs at most sentence ends).
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '«' | '"' | '“' | '['))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    // Initials: "J", "K", "J.-P", "U.S" (a single letter after a dot or a
    // hyphen, or at the word's start).
    let last_part = &word[word
        .bytes()
        .rposition(|b| b == b'.' || b == b'-')
        .map_or(0, |k| k + 1)..];
    let mut chars = last_part.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    // Dotted acronyms of any length ("U.S.A", "a.m").
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)
}

impl Stage for SentenceSplitter {
    fn name(&self) -> &'static str {
        "sentences"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.sentences = self.split(&doc.text);
        doc.dateline = self.dateline(&doc.text, &doc.sentences);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(String, SentenceKind)> {
        SentenceSplitter
            .split(text)
            .iter()
            .map(|s| (s.span.slice(text).to_string(), s.kind))
            .collect()
    }

    fn bodies(text: &str) -> Vec<String> {
        split(text)
            .into_iter()
            .filter(|(_, k)| *k == SentenceKind::Body)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn counts_words_as_split_whitespace_does() {
        for text in [
            "",
            "a",
            " a  b\tc\u{a0}d \u{2009}e\u{b}f ",
            "un deux trois",
            "x\u{3000}y",
            "Le ministre est arrivé à Paris ce lundi\tpour  des\r\nentretiens.",
            "  deux   espaces\u{a0}et plus   ,  encore des mots ici et là  ",
        ] {
            for n in 0..20 {
                assert_eq!(
                    more_words_than(text, n),
                    text.split_whitespace().nth(n).is_some(),
                    "{text:?} {n}"
                );
            }
        }
    }

    #[test]
    fn ascii_white_space_as_char_says() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
            // Every ASCII byte, at every place of the eight-byte chunks.
            for at in 0..20 {
                let mut bytes = b"ab cd\tef  gh ij kl mn op qr".to_vec();
                bytes[at] = b;
                let text = String::from_utf8(bytes).expect("ASCII");
                let want = text.split_whitespace().count();
                assert_eq!(count_words(&text, 100), want, "{text:?}");
            }
        }
    }

    #[test]
    fn abbreviation_word_is_the_one_rsplit_finds() {
        // The word before the period as the first version read it.
        fn word_by_rsplit(before: &str) -> &str {
            before
                .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '«' | '"' | '“' | '['))
                .next()
                .unwrap_or("")
        }
        for before in [
            "",
            "M",
            "le gén",
            "vu (Dr",
            "«Mme",
            "“U.S",
            "J.-P",
            "\u{a0}Mgr",
            "x\u{2009}St",
            "a [art",
            "dit \"No",
            "ville-É",
            "été",
            "fin ",
            "U.S.A",
        ] {
            let word = word_by_rsplit(before);
            let last_part = word.rsplit(['.', '-']).next().unwrap_or(word);
            let single_capital = {
                let mut chars = last_part.chars();
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
            };
            let want = !word.is_empty()
                && (ABBREVIATIONS.contains(word)
                    || single_capital
                    || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)));
            assert_eq!(is_abbreviation(before), want, "{before:?}");
        }
    }

    #[test]
    fn lines_are_those_of_split() {
        // The lines as the first version read them, with `split('\n')`.
        fn by_split(text: &str) -> Vec<(usize, usize, bool)> {
            let mut out = Vec::new();
            let (mut start, mut after_blank) = (0, true);
            for piece in text.split('\n') {
                let line_start = start;
                start += piece.len() + 1;
                let trimmed = piece.trim();
                if trimmed.is_empty() {
                    after_blank = true;
                    continue;
                }
                let s = line_start + piece.len() - piece.trim_start().len();
                out.push((s, s + trimmed.len(), after_blank));
                after_blank = false;
            }
            out
        }
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "\na",
            " é \r\n\u{a0}b\u{a0}\n\n  c  \n\t\n d’e",
            "un\ndeux\n\ntrois\n",
        ] {
            let got: Vec<(usize, usize, bool)> = lines(text)
                .iter()
                .map(|l| (l.span.start, l.span.end, l.after_blank))
                .collect();
            assert_eq!(got, by_split(text), "{text:?}");
        }
    }

    #[test]
    fn long_lines_with_the_same_ends_are_not_repeats() {
        let head = "Le conseil municipal a voté mardi soir le budget de la ville";
        let tail = "et la séance a été levée peu après vingt-deux heures.";
        let one = format!("{head}, après trois heures de débat, {tail}");
        let two = format!("{head}, après quatre heures de débat, {tail}");
        let text = format!("{one}\n\n{two}\n\n{one}");
        let kinds: Vec<SentenceKind> = split(&text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            kinds,
            [
                SentenceKind::Body,
                SentenceKind::Body,
                SentenceKind::Furniture
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_split() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mme Durand et MM. Roux et Blanc sont là. Ils parlent.",
                &["Mme Durand et MM. Roux et Blanc sont là.", "Ils parlent."],
            ),
            (
                "Le gén. Martin et le col. Petit. Puis Mgr. Denis.",
                &["Le gén. Martin et le col. Petit.", "Puis Mgr. Denis."],
            ),
            (
                "Mr. Smith met Mrs. Jones in the U.S. on Jan. 5. They talked.",
                &[
                    "Mr. Smith met Mrs. Jones in the U.S. on Jan. 5.",
                    "They talked.",
                ],
            ),
            (
                "J. K. Rowling wrote. J.-P. Sartre too.",
                &["J. K. Rowling wrote.", "J.-P. Sartre too."],
            ),
            (
                "Il a 3.5 millions et 1.000.000 euros. Voilà.",
                &["Il a 3.5 millions et 1.000.000 euros.", "Voilà."],
            ),
            (
                "Attendez... Non ! Vraiment ? Oui.",
                &["Attendez...", "Non !", "Vraiment ?", "Oui."],
            ),
            (
                "Il a dit : « C'est fini. » Puis il est parti.",
                &["Il a dit : « C'est fini. »", "Puis il est parti."],
            ),
            (
                "He said \"It is over.\" Then he left.",
                &["He said \"It is over.\"", "Then he left."],
            ),
            (
                "Il hésite… Puis il part. L’idée… reste. Fin ?! Oui…",
                &[
                    "Il hésite…",
                    "Puis il part.",
                    "L’idée… reste.",
                    "Fin ?!",
                    "Oui…",
                ],
            ),
            (
                "etc. et le reste... suivait.",
                &["etc. et le reste... suivait."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(bodies(text), *want, "{text}");
        }
    }

    #[test]
    fn page_furniture_headlines_and_timestamp_are_marked() {
        let text = "Lemonde\n\nSommet à Genève\n\n12 Mars 2022 09:15 (UTC+01:00)\nSommet à Genève\n\n\
                    Genève / Agence\n\nLe ministre est arrivé. Il a parlé.\n\nLoading...\nL'actu en bref Voir Plus";
        let got = split(text);
        use SentenceKind::*;
        let kinds: Vec<_> = got.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        assert_eq!(
            kinds,
            vec![
                ("Lemonde", Furniture),
                ("Sommet à Genève", Headline),
                ("12 Mars 2022 09:15 (UTC+01:00)", Timestamp),
                ("Sommet à Genève", Furniture),
                ("Genève / Agence", Dateline),
                ("Le ministre est arrivé.", Body),
                ("Il a parlé.", Body),
                ("Loading...", Furniture),
                ("L'actu en bref Voir Plus", Furniture),
            ]
        );
        let sentences = SentenceSplitter.split(text);
        let dl = SentenceSplitter.dateline(text, &sentences).unwrap();
        assert_eq!(dl.slice(text), "Genève");
    }

    #[test]
    fn furniture_tails_in_any_case() {
        for line in [
            "L'actu en bref Voir Plus",
            "Top stories READ MORE",
            "Les titres lire la SUITE",
            "Top stories read more  ",
            "Les titres voir pluſ",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        assert!(!is_furniture("Voir plus tard."));
    }

    #[test]
    fn wrapped_lines_join_and_bullets_split() {
        let text =
            "The talks were held\nin Geneva on Monday. They ended.\n- first point\n- second point";
        assert_eq!(
            bodies(text),
            [
                "The talks were held\nin Geneva on Monday.",
                "They ended.",
                "- first point",
                "- second point"
            ]
        );
    }

    #[test]
    fn dateline_prefix_of_a_wire_story() {
        for (text, city) in [
            ("PARIS (AFP) - Le président a reçu son homologue.", "PARIS"),
            (
                "WASHINGTON — The president met his counterpart.",
                "WASHINGTON",
            ),
            ("Bakou (Reuters) - Le ministre a parlé.", "Bakou"),
            ("Dakar, le 8 février 2023 — La ministre a parlé.", "Dakar"),
        ] {
            let s = SentenceSplitter.split(text);
            let dl = SentenceSplitter.dateline(text, &s).expect(text);
            assert_eq!(dl.slice(text), city);
        }
    }
}
