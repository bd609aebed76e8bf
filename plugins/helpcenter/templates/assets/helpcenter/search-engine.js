// Ranking over the lunr indexes of one language (runs in search-worker.js, needs globalThis.lunr).
//
// A query becomes units (a word, a compound, a CJK bigram, a pasted identifier), each with
// alternatives that count as finding it: the exact term; pieces of a compound; on the last word,
// terms it is a prefix of; for a word the index has never seen, terms one or two edits away; and
// phrases of a synonym group it belongs to. lunr scores every article (tier 1) and section
// (tier 2) against all those terms; an article's score is then scaled by how much of the query it
// covers, each unit weighted by its rarity, so "usdt not arrived binance" prefers the article with
// all three over the one that says "usdt" fifty times. Typos and prefixes cover less than an exact
// word, so they never beat it, and a query equal to an article's title puts that article first.

import { chunks, isCjk, term } from "./search-tokenize.js";

const EMPTY = Object.freeze({}); // lunr only reads posting metadata: one shared object for all
const CREDIT = { exact: 1, pieces: 0.95, prefix: 0.9, synonym: 0.85, fuzzy: 0.7 };
const BOOST = { exact: 1, pieces: 0.6, prefix: 0.35, synonym: 0.5, fuzzy: 0.3 };
const MAX_EXPANSIONS = 16;
const SECTION_REST = 0.25; // how much sections beyond the best one add to an article's score
const SNIPPET = 200;

/** Compact index (plugins/helpcenter/search/index.py) → lunr's serialization, for Index.load. */
export function expandIndex(packed) {
  const fields = packed.fields;
  const inverted = packed.terms.map((t, n) => {
    const posting = { _index: n };
    for (const field of fields) posting[field] = {};
    return [t, posting];
  });
  const fieldVectors = [];
  for (const field of fields) {
    for (const [ref, flat] of packed.vectors[field]) {
      const elements = new Array(flat.length);
      let index = 0;
      for (let i = 0; i < flat.length; i += 2) {
        index += flat[i];
        elements[i] = index;
        elements[i + 1] = flat[i + 1];
        inverted[index][1][field][ref] = EMPTY;
      }
      fieldVectors.push([`${field}/${ref}`, elements]);
    }
  }
  return { version: packed.version, fields, fieldVectors, invertedIndex: inverted, pipeline: packed.pipeline };
}

/** The search data of one language: tier 1 at once, tier 2 when `attachBody` is called. */
export class LanguageIndex {
  constructor(tier1) {
    const lunr = globalThis.lunr;
    this.lang = tier1.lang;
    this.meta = tier1;
    this.docs = tier1.docs.map(([id, url, title, summary], n) => ({ n, id, url, title, summary }));
    this.byId = new Map(this.docs.map((doc) => [doc.id, doc]));
    this.articles = lunr.Index.load(expandIndex(tier1.index));
    this.expansions = tier1.synonyms || [];
    this.body = null;
    this.sections = [];
    this.titleTerms = new Map();
    this.dfCache = new Map();
  }

  attachBody(tier2) {
    this.body = globalThis.lunr.Index.load(expandIndex(tier2.index));
    this.sections = tier2.sections; // [doc number, anchor, heading, text]
    this.dfCache.clear();
  }

  /** Ranked articles for `query`: [{doc, score, section, matched: Set of terms, exactTitle}]. */
  search(query, { prefix = true } = {}) {
    const plan = this.plan(query, prefix);
    if (!plan.units.length) return [];
    const hits = new Map();
    const hit = (n) => {
      let found = hits.get(n);
      if (!found) {
        found = { doc: this.docs[n], base: 0, sections: [], matched: new Set(), titleMatch: false };
        hits.set(n, found);
      }
      return found;
    };
    for (const result of runQuery(this.articles, plan.clauses)) {
      const found = hit(Number(result.ref));
      found.base += result.score;
      for (const [t, fields] of Object.entries(result.matchData.metadata)) {
        found.matched.add(t);
        if (fields.t) found.titleMatch = true;
      }
    }
    if (this.body) {
      for (const result of runQuery(this.body, plan.clauses)) {
        const ref = Number(result.ref);
        const found = hit(this.sections[ref][0]);
        const terms = Object.keys(result.matchData.metadata);
        found.sections.push({ ref, score: result.score, terms });
        for (const t of terms) found.matched.add(t);
      }
    }
    const queryTerms = plan.units.filter((u) => u.weight > 0).map((u) => u.key).join(" ");
    const ranked = [];
    for (const found of hits.values()) {
      const coverage = this.coverage(plan, found.matched);
      if (coverage <= 0) continue;
      found.sections.sort((a, b) => b.score - a.score);
      const best = found.sections[0];
      const rest = found.sections.slice(1).reduce((sum, s) => sum + s.score, 0);
      const lexical = found.base + (best ? best.score + SECTION_REST * rest : 0);
      found.score = lexical * coverage * coverage;
      found.exactTitle = queryTerms !== "" && this.titleKey(found.doc) === queryTerms;
      // Point at the section when it carries the match, not when the title or summary did.
      found.section = best && this.sections[best.ref][1] && best.score >= 0.5 * found.base
        ? this.sections[best.ref] : null;
      ranked.push(found);
    }
    ranked.sort((a, b) => (b.exactTitle - a.exactTitle) || (b.score - a.score) || (a.doc.n - b.doc.n));
    return ranked;
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
    const parts = chunks(query);
    const open = prefix && /[\p{L}\p{N}]$/u.test(query);
    const units = [];
    for (const chunk of parts) {
      const unit = makeUnit(chunk);
      if (unit) units.push(unit);
    }
    const last = units[units.length - 1];
    if (open && last && last.chunk.end === query.length) this.addPrefixes(last);
    for (const unit of units) {
      if (unit.kind !== "word" && unit.kind !== "compound") continue;
      if (unit.alts.some((alt) => alt.terms.every((t) => this.df(t) > 0))) continue;
      if (unit.alts.some((alt) => alt.kind === "prefix")) continue;
      this.addFuzzy(unit);
    }
    const spans = this.synonymSpans(units);
    for (const unit of units) unit.weight = this.weight(unit, spans);
    const clauses = new Map();
    const add = (t, boost) => clauses.set(t, Math.max(clauses.get(t) || 0, boost));
    for (const unit of units) {
      if (unit.weight <= 0) continue;
      for (const alt of unit.alts) for (const t of alt.terms) add(t, BOOST[alt.kind]);
    }
    for (const span of spans) for (const t of span.terms) add(t, BOOST.synonym);
    return { units, spans, clauses };
  }

  addPrefixes(unit) {
    const raw = unit.chunk.tokens[0];
    const stems = new Set([raw, unit.key].filter((t) => t && (isCjk(t) ? [...t].length === 1 : t.length >= 2)));
    if (unit.kind === "cjk" && [...raw].length !== 1) return;
    const found = new Set();
    for (const stem of stems) {
      for (const t of this.expand(globalThis.lunr.TokenSet.fromString(`${stem}*`))) {
        if (t !== unit.key) found.add(t);
      }
    }
    const best = [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS);
    for (const t of best) unit.alts.push({ kind: "prefix", terms: [t] });
  }

  addFuzzy(unit) {
    const raw = unit.chunk.tokens[unit.kind === "compound" ? unit.chunk.tokens.length - 1 : 0];
    const length = [...raw].length;
    if (length < 4 || /^\d+$/u.test(raw)) return;
    const distance = length >= 8 ? 2 : 1;
    const found = new Set();
    for (const source of new Set([raw, unit.key])) {
      for (const t of this.expand(globalThis.lunr.TokenSet.fromFuzzyString(source, distance))) found.add(t);
    }
    // Closest first: a typo of "energy" should try "energi", not every word within two edits.
    const ranked = [...found].sort((a, b) => Math.abs(a.length - raw.length) - Math.abs(b.length - raw.length)
      || this.df(b) - this.df(a)).slice(0, MAX_EXPANSIONS);
    for (const t of ranked) unit.alts.push({ kind: "fuzzy", terms: [t] });
  }

  expand(tokenSet) {
    const terms = new Set(this.articles.tokenSet.intersect(tokenSet).toArray());
    if (this.body) for (const t of this.body.tokenSet.intersect(tokenSet).toArray()) terms.add(t);
    return terms;
  }

  /** Synonym phrases found in the query: [{units: [i…], terms}] for each other phrase of the group. */
  synonymSpans(units) {
    const spans = [];
    const keys = units.map((u) => u.keys);
    for (const [sources, targets] of this.expansions) {
      for (const source of sources) {
        for (let i = 0; i + source.length <= units.length; i++) {
          if (!source.every((t, k) => keys[i + k].has(t))) continue;
          const covered = units.slice(i, i + source.length);
          for (const target of targets) {
            if (target.length === source.length && target.every((t, k) => t === source[k])) continue;
            spans.push({ units: covered, terms: target });
          }
        }
      }
    }
    return spans;
  }

  /** How rare a unit is (idf over articles); 0 when nothing in the index can match it. */
  weight(unit, spans) {
    let best = 0;
    for (const alt of unit.alts) {
      if (!alt.terms.every((t) => this.df(t) > 0)) continue;
      best = Math.max(best, Math.max(...alt.terms.map((t) => this.idf(t))));
    }
    for (const span of spans) {
      if (!span.units.includes(unit) || !span.terms.every((t) => this.df(t) > 0)) continue;
      best = Math.max(best, Math.min(...span.terms.map((t) => this.idf(t))));
    }
    return best;
  }

  coverage(plan, matched) {
    let total = 0;
    let got = 0;
    const credit = new Map();
    for (const span of plan.spans) {
      if (!span.terms.every((t) => matched.has(t))) continue;
      for (const unit of span.units) credit.set(unit, Math.max(credit.get(unit) || 0, CREDIT.synonym));
    }
    for (const unit of plan.units) {
      if (unit.weight <= 0) continue;
      total += unit.weight;
      let best = credit.get(unit) || 0;
      for (const alt of unit.alts) {
        if (CREDIT[alt.kind] > best && alt.terms.every((t) => matched.has(t))) best = CREDIT[alt.kind];
      }
      got += unit.weight * best;
    }
    return total > 0 ? got / total : 0;
  }

  /** Number of articles holding a term in any field of either tier. */
  df(t) {
    let count = this.dfCache.get(t);
    if (count !== undefined) return count;
    const articles = new Set();
    const posting = this.articles.invertedIndex[t];
    if (posting) for (const field of this.articles.fields) for (const ref in posting[field]) articles.add(ref);
    const body = this.body && this.body.invertedIndex[t];
    if (body) {
      for (const field of this.body.fields) for (const ref in body[field]) articles.add(String(this.sections[ref][0]));
    }
    count = articles.size;
    this.dfCache.set(t, count);
    return count;
  }

  idf(t) {
    const df = this.df(t);
    const n = this.docs.length;
    return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
  }

  /** Title and snippet of a hit as [text, marked] segments, the snippet around the first match. */
  display(found) {
    const section = found.section;
    const text = section ? section[3] : found.doc.summary;
    return {
      title: highlight(found.doc.title, found.matched),
      heading: section ? highlight(section[2], found.matched) : null,
      snippet: excerpt(highlight(text, found.matched), SNIPPET),
    };
  }
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

function runQuery(index, clauses) {
  return index.query((q) => {
    for (const [t, boost] of clauses) {
      q.term(t, { boost, usePipeline: false, wildcard: globalThis.lunr.Query.wildcard.NONE });
    }
  });
}

/** [text, marked] segments of `text`, marking every chunk whose term is in `matched`. */
export function highlight(text, matched) {
  const ranges = [];
  for (const chunk of chunks(text)) {
    if (!chunk.tokens.some((t) => matched.has(term(t)))) continue;
    const last = ranges[ranges.length - 1];
    if (last && chunk.start <= last[1]) last[1] = Math.max(last[1], chunk.end);
    else ranges.push([chunk.start, chunk.end]);
  }
  const segments = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push([text.slice(at, start), false]);
    segments.push([text.slice(start, end), true]);
    at = end;
  }
  if (at < text.length) segments.push([text.slice(at), false]);
  return segments;
}

/** At most `size` characters of segments, starting a little before the first marked one. */
function excerpt(segments, size) {
  let offset = 0;
  let first = -1;
  for (const [text, marked] of segments) {
    if (marked) { first = offset; break; }
    offset += text.length;
  }
  const total = segments.reduce((sum, [text]) => sum + text.length, 0);
  let start = first > size / 3 ? first - Math.floor(size / 4) : 0;
  start = Math.min(start, Math.max(0, total - size));
  const end = Math.min(total, start + size);
  const out = [];
  offset = 0;
  for (const [text, marked] of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + text.length);
    if (from < to) out.push([text.slice(from - offset, to - offset), marked]);
    offset += text.length;
  }
  if (start > 0 && out.length) out[0][0] = `…${out[0][0].trimStart()}`;
  if (end < total && out.length) out[out.length - 1][0] = `${out[out.length - 1][0].trimEnd()}…`;
  return out;
}
