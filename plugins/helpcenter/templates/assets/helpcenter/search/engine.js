// Ranking over the sharded lunr index of one language (runs in worker.js, needs globalThis.lunr for its
// stemmer and token sets; the data comes through shards.js).
//
// A query becomes units (a word, a compound, a CJK bigram, a pasted identifier), each with
// alternatives that count as finding it: the exact term; pieces of a compound; on the last word,
// terms it is a prefix of; for a word the index has never seen, terms one or two edits away; and
// phrases of a synonym group it belongs to. lunr scores every article (tier 1) and section
// (tier 2) against all those terms; an article's score is then scaled by how much of the query it
// covers, each unit weighted by its rarity, so "usdt not arrived binance" prefers the article with
// all three over the one that says "usdt" fifty times. Typos and prefixes cover less than an exact
// word, so they never beat it, and a query equal to an article's title puts that article first.

import { rank } from "./rank.js";
import { editDistance, edits, excerpt, highlight } from "./text.js";
import { chunkKey, chunks, isCjk, queryWeight, term } from "./tokenize.js";

const BOOST = { exact: 1, pieces: 0.6, prefix: 0.35, synonym: 0.5, fuzzy: 0.3, closest: 0.8, variant: 0.8 };
const NUMBER_WEIGHT = 0.3; // "27 trx", "5 hours": the number is the reader's case, not the topic
const RARE_VARIANT = 4; // a word this many times rarer than a spelling one edit away is treated as its typo
const MAX_EXPANSIONS = 16;
const SNIPPET = 200;
const FIRST_ROWS = 5; // rows a keystroke that has none of its results' waits for (engine.search)

const byScore = (a, b) => (b.score - a.score) || (a.doc.n - b.doc.n);
const byTitleAndScore = (a, b) => (b.exactTitle - a.exactTitle) || byScore(a, b);

/** The search data of one language, read through its shard store (shards.js). */
export class LanguageIndex {
  constructor(meta, store) {
    this.lang = meta.lang;
    this.meta = meta;
    this.store = store;
    this.count = meta.docs;
    this.expansions = meta.synonyms || [];
    this.titleTerms = new Map();
  }

  /**
   * Ranked articles for `query`: {results: [{doc, score, section, matched: Set of terms, exactTitle}],
   * complete, count (how many results there are to show, left out or not)}, with the rows (id, url,
   * title, summary, sections) of the first `rows` (all when null); null when `current()` turned false while data was on its way (a newer keystroke: nothing more is
   * fetched for this one).
   *
   * typing: answer a keystroke from what is here as far as possible: the postings of the query's words
   * are fetched, but of the terms its last word may be the start of only those here or else the most
   * common one's (fetchTyping); no rows and no section texts unless no result at all has its row here.
   * It shows the best of the results whose rows are here (those of earlier keystrokes, mostly), in
   * the order of the whole answer; a section whose text is not here is quoted by its article's
   * summary; and `complete` says whether that is the whole answer: when not, the box asks again, not
   * typing, once the reader pauses.
   */
  async search(query, { prefix = true, rows = null, typing = false, current = () => true } = {}) {
    await this.fetchFor(query, prefix, typing);
    if (!current()) return null;
    const plan = this.plan(query, prefix);
    if (!plan.units.length) return { results: [], complete: true, count: 0 };
    let complete = true;
    if (typing) {
      complete = await this.fetchTyping(plan);
      if (!current()) return null;
    } else {
      await this.store.needPostings(plan.clauses.keys());
    }
    const ranked = rank(this, plan);
    // An exact title goes first: compare the titles of the length of the query's keys that hold them all.
    const keys = plan.units.filter((u) => u.weight > 0).map((u) => u.key);
    const candidates = keys.length ? ranked.filter((n, title) => this.meta.titles[n] === keys.length
      && keys.every((k) => title.has(k))) : [];
    // The rows shown are most likely those of the best scores: fetched together with the candidates' titles.
    const top = rows === null ? ranked.all().sort(byScore) : ranked.best(rows);
    const here = (found) => this.store.rows.has(found.doc.n);
    // A keystroke shows what it can without a request; one that could show nothing fetches its rows.
    const fetching = !typing || (ranked.size > 0 && !ranked.some((n) => this.store.rows.has(n)));
    if (fetching) {
      // So are the texts of the sections they may point at (whether a section has an anchor is in its
      // row), unless a keystroke's: those wait for the pause, as most keystrokes' results do not last.
      const texts = typing ? [] : top.filter((found) => found.sections.length
        && found.sections[0].score >= 0.5 * found.base).map((found) => found.sections[0].ref);
      const rowsOf = (list) => this.store.needDocs(list.map((found) => found.doc.n));
      const all = Promise.all([rowsOf([...candidates, ...top]), this.store.prefetchSections(texts)]);
      if (typing) {
        // A keystroke shows the best results as soon as their rows are here: the first few, one round
        // of a browser's six connections to a host; the others are on their way for the pause.
        all.catch(() => {}); // retried by whoever needs them
        await rowsOf([...candidates, ...top.slice(0, FIRST_ROWS)]);
      } else await all;
      if (!current()) return null;
    }
    const queryTerms = keys.join(" ");
    for (const found of candidates) {
      if (here(found)) found.exactTitle = this.titleKey(this.row(found.doc.n)) === queryTerms;
      else complete = false; // not known to be an exact title yet
    }
    // The best by title and score are exact titles or among the best by score.
    let shown = rows === null ? top.sort(byTitleAndScore)
      : best([...new Set([...candidates.filter((found) => found.exactTitle), ...top])], rows, byTitleAndScore);
    const count = shown.length;
    if (fetching && !typing) await this.store.needDocs(shown.map((found) => found.doc.n));
    else if (!shown.every(here)) {
      shown = best(ranked.filter((n) => this.store.rows.has(n)), count, byTitleAndScore);
      complete = false;
    }
    if (!current()) return null;
    const pointed = [];
    for (const found of shown) {
      found.doc = this.row(found.doc.n);
      // Point at the section when it carries the match, not when the title or summary did.
      const first = found.sections[0];
      const section = first && this.store.section(first.ref);
      found.section = section && section[1] && first.score >= 0.5 * found.base ? first.ref : null;
      if (found.section !== null) pointed.push(first.ref);
    }
    if (fetching && !typing) await this.store.needSections(pointed); // the snippet quotes the section's text
    else if (pointed.some((ref) => this.store.section(ref)[3] === undefined)) complete = false;
    if (!current()) return null;
    for (const found of shown) if (found.section !== null) found.section = this.store.section(found.section);
    return { results: shown, complete, count };
  }

  /**
   * A keystroke's postings: those of every term but the words its last word may be the start of. Of
   * those, the ones here count; when the last word is all the query has and is no word itself, and
   * none of its completions is here, the most common one is fetched, so a keystroke always shows
   * something. Whether all the plan's postings are here.
   */
  async fetchTyping(plan) {
    const last = plan.units[plan.units.length - 1];
    const prefixes = new Set(last.alts.filter((alt) => alt.kind === "prefix").flatMap((alt) => alt.terms));
    for (const unit of plan.units) {
      for (const alt of unit.alts) if (alt.kind !== "prefix") alt.terms.forEach((t) => prefixes.delete(t));
    }
    for (const span of plan.spans) span.terms.forEach((t) => prefixes.delete(t));
    const skipped = plan.open ? unsettled(plan.units, plan.spans, plan.units.some((u) => u !== last && u.weight > 0))
      : new Set();
    const wanted = [...plan.clauses.keys()].filter((t) => !prefixes.has(t) && !skipped.has(t));
    const guesses = [...prefixes].filter((t) => plan.clauses.has(t));
    const alone = plan.units.every((unit) => unit === last || unit.weight <= 0)
      && !last.alts.some((alt) => alt.kind !== "prefix" && alt.terms.every((t) => this.df(t) > 0));
    if (alone && guesses.length && !guesses.some((t) => this.store.hasPostings(t))) {
      wanted.push(guesses.sort((a, b) => this.df(b) - this.df(a) || compareTerms(a, b))[0]);
    }
    await this.store.needPostings(wanted);
    return [...plan.clauses.keys()].every((t) => this.store.hasPostings(t));
  }

  /** An article's row as the results use it: {n, id, url, title, summary}. */
  row(n) {
    const [id, url, title, summary] = this.store.rows.get(n);
    return { n, id, url, title, summary };
  }

  /** One article by id (the secret warning's), with its row; null when this language lacks it. */
  async article(id) {
    const n = this.meta.secret && this.meta.secret[0] === id ? this.meta.secretDoc : null;
    if (n === null || n === undefined) return null;
    await this.store.needDocs([n]);
    return this.row(n);
  }

  /**
   * Fetch what planning `query` reads: the shards of its words and synonyms, and the words chunks
   * its last word's prefixes and its unknown or rare words' near spellings are looked up in.
   */
  async fetchFor(query, prefix, typing) {
    const sequence = chunks(query).map((chunk) => ({ unit: makeUnit(chunk), keys: chunkKeys(chunk) }));
    const units = sequence.map((entry) => entry.unit).filter(Boolean);
    const spans = this.synonymSpans(sequence);
    const last = units[units.length - 1];
    const open = prefix && /[\p{L}\p{N}]$/u.test(query) && last && last.chunk.end === query.length;
    const skipped = typing && open ? unsettled(units, spans, units.length > 1) : new Set();
    const terms = new Set(units.flatMap((unit) => unit.alts.flatMap((alt) => alt.terms)).filter((t) => !skipped.has(t)));
    for (const span of spans) for (const t of span.terms) terms.add(t);
    const prefixes = [];
    if (open) for (const stem of prefixStems(last)) prefixes.push([stem, `${stem}\uffff`]);
    await Promise.all([this.store.needPostings(terms), this.store.needWords(prefixes)]);
    const ranges = [];
    for (const unit of units) {
      if (unit.kind !== "word" && unit.kind !== "compound") continue;
      const raw = unit.chunk.tokens[unit.kind === "compound" ? unit.chunk.tokens.length - 1 : 0];
      const known = unit.alts.some((alt) => alt.terms.every((t) => this.df(t) > 0));
      const near = known ? unit.kind === "word" && unit.key.length >= 5 && !/\d/u.test(unit.key)
        : [...raw].length >= 4 && !/^\d+$/u.test(raw);
      if (near) ranges.push(...nearRanges(unit));
    }
    await this.store.needWords(ranges);
  }

  titleKey(doc) {
    let key = this.titleTerms.get(doc.n);
    if (key === undefined) {
      key = chunks(doc.title).map((c) => term(c.tokens[c.kind === "compound" ? c.tokens.length - 1 : 0]))
        .filter(Boolean).join(" ");
      this.titleTerms.set(doc.n, key);
    }
    return key;
  }

  /** Units, their alternatives and weights, synonym spans and the lunr clauses of a query. */
  plan(query, prefix) {
    const open = prefix && /[\p{L}\p{N}]$/u.test(query);
    const sequence = chunks(query).map((chunk) => ({ unit: makeUnit(chunk), keys: chunkKeys(chunk) }));
    const units = sequence.map((entry) => entry.unit).filter(Boolean);
    const last = units[units.length - 1];
    if (open && last && last.chunk.end === query.length) this.addPrefixes(last, this.df(last.key) > 0 ? 4 : MAX_EXPANSIONS);
    for (const unit of units) {
      if (unit.kind !== "word" && unit.kind !== "compound") continue;
      if (unit.alts.some((alt) => alt.kind === "prefix")) continue;
      const known = unit.alts.some((alt) => alt.terms.every((t) => this.df(t) > 0));
      if (!known) this.addFuzzy(unit);
      else this.addVariants(unit);
    }
    const spans = this.synonymSpans(sequence);
    for (const unit of units) unit.weight = this.weight(unit, spans);
    const clauses = new Map();
    const add = (t, boost) => clauses.set(t, Math.max(clauses.get(t) || 0, boost));
    for (const unit of units) {
      if (unit.weight <= 0) continue;
      for (const alt of unit.alts) for (const t of alt.terms) add(t, alt.boost || BOOST[alt.kind]);
    }
    for (const span of spans) for (const t of span.terms) add(t, BOOST.synonym);
    return { units, spans, clauses, open: Boolean(open && last && last.chunk.end === query.length) };
  }

  /** Terms the last word may be the start of: the shortest `limit` (few when it is a word already). */
  addPrefixes(unit, limit) {
    const found = new Set();
    for (const stem of prefixStems(unit)) {
      // What lunr's TokenSet of `${stem}*` accepts, read off the chunks' sorted terms: building a
      // chunk's TokenSet took a common word's first keystroke 8-25 ms at 10,000 articles.
      for (const terms of this.store.wordLists(stem, `${stem}\uffff`)) {
        for (const t of terms) if (t.startsWith(stem) && t !== unit.key) found.add(t);
      }
    }
    const best = [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
    for (const t of best) unit.alts.push({ kind: "prefix", terms: [t] });
  }

  addFuzzy(unit) {
    const raw = unit.chunk.tokens[unit.kind === "compound" ? unit.chunk.tokens.length - 1 : 0];
    const length = [...raw].length;
    if (length < 4 || /^\d+$/u.test(raw)) return;
    const found = new Map(); // term → edits from what was typed
    const note = (t, d) => { if (t && t !== unit.key && d < (found.get(t) ?? Infinity)) found.set(t, d); };
    // One edit of the word as typed, then the pipeline: the index holds stems ("energi"), so
    // "eneryg" only finds "energy" this way; then lunr's own fuzzy match of the stem.
    for (const variant of edits(raw)) {
      const t = term(variant);
      if (t && this.df(t) > 0) note(t, 1);
    }
    const distance = length >= 8 ? 2 : 1;
    for (const source of new Set([raw, unit.key])) {
      for (const t of this.expand(globalThis.lunr.TokenSet.fromFuzzyString(source, distance), nearRanges(unit))) {
        note(t, editDistance(source, t));
      }
    }
    // Closest first, then the most common: the best guess stands in for the word almost fully.
    const ranked = [...found].sort((a, b) => a[1] - b[1] || this.df(b[0]) - this.df(a[0]))
      .slice(0, MAX_EXPANSIONS).map(([t]) => t);
    ranked.forEach((t, i) => unit.alts.push({ kind: "fuzzy", terms: [t], boost: i ? BOOST.fuzzy : BOOST.closest }));
  }

  /** A known but rare word ("bandwith" of BANDWITH_ERROR) also finds its common spelling. */
  addVariants(unit) {
    const df = this.df(unit.key);
    if (unit.kind !== "word" || unit.key.length < 5 || /\d/u.test(unit.key)) return;
    if (RARE_VARIANT * df > this.count) return; // no term is in more articles than there are
    for (const t of this.expand(globalThis.lunr.TokenSet.fromFuzzyString(unit.key, 1), nearRanges(unit))) {
      if (t !== unit.key && this.df(t) >= RARE_VARIANT * df) unit.alts.push({ kind: "variant", terms: [t] });
    }
  }

  /** The terms of the words chunks of `ranges` ([low, high] pairs) that `tokenSet` accepts. */
  expand(tokenSet, ranges) {
    const found = new Set();
    for (const [low, high] of ranges) {
      for (const words of this.store.tokenSets(low, high)) for (const t of words.intersect(tokenSet).toArray()) found.add(t);
    }
    return found;
  }

  /** Synonym phrases found in the query: [{units, terms}] for each other phrase of the group. */
  synonymSpans(sequence) {
    const spans = [];
    for (const [sources, targets] of this.expansions) {
      for (const [keys, own] of sources) {
        for (let i = 0; i + keys.length <= sequence.length; i++) {
          if (!keys.every((k, j) => sequence[i + j].keys.has(k))) continue;
          const covered = sequence.slice(i, i + keys.length).map((entry) => entry.unit).filter(Boolean);
          if (!covered.length) continue;
          for (const target of targets) {
            if (target.length === own.length && target.every((t, j) => t === own[j])) continue;
            spans.push({ units: covered, terms: target });
          }
        }
      }
    }
    return spans;
  }

  /** How rare a unit is (idf over articles); 0 when nothing in the index can match it. */
  weight(unit, spans) {
    const scale = /^\d+$/u.test(unit.key) ? NUMBER_WEIGHT : queryWeight(unit.key); // noise 0, fillers 0.3
    let best = 0;
    for (const alt of unit.alts) {
      if (!alt.terms.every((t) => this.df(t) > 0)) continue;
      best = Math.max(best, Math.max(...alt.terms.map((t) => this.idf(t))));
    }
    for (const span of spans) {
      if (!span.units.includes(unit) || !span.terms.every((t) => this.df(t) > 0)) continue;
      best = Math.max(best, Math.min(...span.terms.map((t) => this.idf(t))));
    }
    return best * scale;
  }

  /** Number of articles holding a term in any field of either tier. */
  df(t) {
    return this.store.df(t);
  }

  idf(t) {
    const df = this.df(t);
    const n = this.count;
    return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
  }

  /** Title and snippet of a hit as [text, marked] segments, the snippet around the first match. */
  display(found) {
    const section = found.section;
    const text = section && section[3] !== undefined ? section[3] : found.doc.summary; // a keystroke's answer may lack it
    return {
      title: highlight(found.doc.title, found.matched),
      heading: section ? highlight(section[2], found.matched) : null,
      snippet: excerpt(highlight(text, found.matched), SNIPPET),
    };
  }
}

/** The first `k` of `list` in the order of `compare` (a total order): sort(compare).slice(0, k) without sorting it all. */
function best(list, k, compare) {
  const out = [];
  for (const item of list) {
    if (out.length === k && compare(item, out[k - 1]) >= 0) continue;
    let at = Math.min(out.length, k - 1);
    while (at > 0 && compare(item, out[at - 1]) < 0) at--;
    out.splice(at, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}

/**
 * The terms of a word still being typed behind others and one or two letters long so far ("usdt t"),
 * which a keystroke looks up among what is here only: the query hardly ever settles on them. Empty
 * when the last unit is not such a word or `behind` (other words with weight) is false.
 */
function unsettled(units, spans, behind) {
  const last = units[units.length - 1];
  if (!behind || last.kind !== "word" || [...last.chunk.tokens[0]].length >= 3) return new Set();
  const kept = new Set(units.filter((unit) => unit !== last).flatMap((unit) => unit.alts.flatMap((alt) => alt.terms)));
  for (const span of spans) span.terms.forEach((t) => kept.add(t));
  return new Set(last.alts.flatMap((alt) => alt.terms).filter((t) => !kept.has(t)));
}

/** What the last word may be the start of: as typed and its stem (a single Han character, or 2+ letters). */
function prefixStems(unit) {
  const raw = unit.chunk.tokens[0];
  if (unit.kind === "cjk" && [...raw].length !== 1) return [];
  return [...new Set([raw, unit.key])].filter((t) => t && (isCjk(t) ? [...t].length === 1 : t.length >= 2));
}

/** JavaScript's own string order, lunr's. */
function compareTerms(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where near spellings (typos, rare variants) of a word unit are looked up: among the words that
 * start with the same two letters as the word typed or its stem, a range that stays a chunk or two
 * however big the vocabulary grows.
 */
function nearRanges(unit) {
  const raw = unit.chunk.tokens[unit.kind === "compound" ? unit.chunk.tokens.length - 1 : 0];
  const starts = new Set([[...raw].slice(0, 2).join(""), [...unit.key].slice(0, 2).join("")]);
  return [...starts].map((start) => [start, `${start}\uffff`]);
}

/** What a chunk can be called in a synonym phrase: its key (a stop word as typed) and its pieces. */
function chunkKeys(chunk) {
  const tokens = chunk.kind === "compound" ? chunk.tokens.slice(0, -1) : chunk.tokens.slice(1);
  if (chunk.kind === "cjk" || chunk.kind === "class") return new Set([chunkKey(chunk)]);
  return new Set([chunkKey(chunk), ...tokens.map(term).filter(Boolean)]);
}

function makeUnit(chunk) {
  if (chunk.kind === "cjk" || chunk.kind === "class") {
    const t = chunk.tokens[0];
    return { chunk, kind: chunk.kind, key: t, keys: new Set([t]), alts: [{ kind: "exact", terms: [t] }] };
  }
  const tokens = chunk.tokens;
  if (chunk.kind === "compound") {
    const joined = term(tokens[tokens.length - 1]);
    const parts = [...new Set(tokens.slice(0, -1).map(term).filter(Boolean))];
    const alts = [{ kind: "exact", terms: [joined] }];
    if (parts.length) alts.push({ kind: "pieces", terms: parts });
    return { chunk, kind: "compound", key: joined, keys: new Set([joined, ...parts]), alts };
  }
  const key = term(tokens[0]);
  if (!key) return null; // a stop word
  const alts = [{ kind: "exact", terms: [key] }];
  const pieces = tokens.slice(1).map(term).filter(Boolean);
  if (pieces.length) alts.push({ kind: "pieces", terms: pieces });
  return { chunk, kind: "word", key, keys: new Set([key, ...pieces]), alts };
}

