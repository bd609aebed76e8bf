// Scoring a query's plan (engine.js) over the fetched postings (shards.js): lunr's scores of each
// article (tier 1) and of its sections (tier 2), then how much of the query an article covers, each
// unit weighted by its rarity, and a title or heading holding most of the query.

const CREDIT = { exact: 1, pieces: 0.95, prefix: 0.9, synonym: 0.85, fuzzy: 0.7, variant: 0.95 };
const FIELD_BONUS = 1; // a title or heading that holds the whole query doubles the score
const SECTION_REST = 0.25; // how much sections beyond the best one add to an article's score
const TIER1 = 0;
const TIER2 = 1;
const BITS = 30; // terms per Int32 of a mask

/**
 * Every article of `index` (a LanguageIndex) matching `plan`, scored: lunr's scores of its article
 * (tier 1) and of its sections (tier 2), the best section counting whole and the others a quarter,
 * times the coverage of the query twice and a bonus for a title or heading that holds most of it.
 * A Ranking of the hits, in the order lunr meets the articles.
 */
export function rank(index, plan) {
  const fields = index.meta.fields;
  const store = index.store;
  const count = index.count;
  const { sectionDoc, firstSection } = store;
  // Typed arrays by article and by section number rather than an object per hit and per section: a
  // common word at 10,000 articles (9,561 articles, 19,593 sections) spent more time collecting the
  // garbage of those than scoring.
  const articles = store.query(fields[TIER1], plan.clauses, count);
  const matches = store.query(fields[TIER2], plan.clauses, sectionDoc.length);
  const base = new Float64Array(count);
  const met = new Uint8Array(count);
  const order = new Int32Array(count); // the hits' article numbers, in the order lunr meets them
  let hits = 0;
  for (let i = 0; i < articles.refs.length; i++) {
    const n = articles.refs[i];
    base[n] += articles.scores[i];
    if (!met[n]) order[hits++] = n, met[n] = 1;
  }
  const sectionScore = new Float64Array(sectionDoc.length);
  const sectionAt = new Int32Array(sectionDoc.length); // 1 + the section's place in lunr's order; 0: no match
  for (let i = 0; i < matches.refs.length; i++) {
    const ref = matches.refs[i];
    sectionScore[ref] = matches.scores[i];
    sectionAt[ref] = i + 1;
    const n = sectionDoc[ref];
    if (!met[n]) order[hits++] = n, met[n] = 1;
  }
  // The terms each article holds, and those of its title and of its sections' headings, as bit
  // masks of the terms' numbers (in clause order), `words` Int32s of BITS terms each; a mask is made
  // into a Set once per distinct mask, as is its coverage: not once per article.
  const terms = [...plan.clauses.keys()];
  const words = Math.max(1, Math.ceil(terms.length / BITS));
  const held = new Int32Array(count * words);
  const titled = new Int32Array(count * words);
  const headed = new Int32Array(sectionDoc.length * words);
  terms.forEach((t, number) => {
    const at = Math.floor(number / BITS);
    const bit = 1 << (number % BITS);
    for (const field of fields[TIER1]) {
      const list = store.postingsOf(t, field);
      if (!list) continue;
      const refs = list.refs;
      for (let i = 0; i < refs.length; i++) held[refs[i] * words + at] |= bit;
      if (field === "t") for (let i = 0; i < refs.length; i++) titled[refs[i] * words + at] |= bit;
    }
    for (const field of fields[TIER2]) {
      const list = store.postingsOf(t, field);
      if (!list) continue;
      const refs = list.refs;
      for (let i = 0; i < refs.length; i++) held[sectionDoc[refs[i]] * words + at] |= bit;
      if (field === "h") for (let i = 0; i < refs.length; i++) headed[refs[i] * words + at] |= bit;
    }
  });
  // What a mask says, made once per distinct mask: {set: its terms, cover: their coverage}.
  const kinds = new Map();
  let lastKey = null;
  let lastKind = null;
  const kind = (masks, at) => {
    const key = words === 1 ? masks[at] : masks.subarray(at, at + words).join(",");
    if (key === lastKey) return lastKind;
    let found = kinds.get(key);
    if (!found) {
      const set = new Set(terms.filter((t, number) => masks[at + Math.floor(number / BITS)] & (1 << (number % BITS))));
      kinds.set(key, found = { set, cover: coverage(plan, set) });
    }
    lastKey = key;
    lastKind = found;
    return found;
  };
  const any = (masks, at) => {
    for (let w = 0; w < words; w++) if (masks[at + w]) return true;
    return false;
  };
  const ranked = new Ranking(hits, { sectionScore, sectionAt, firstSection });
  let own = new Float64Array(64); // one article's section scores, best first
  for (let h = 0; h < hits; h++) {
    const n = order[h];
    const matched = kind(held, n * words);
    const covers = matched.cover;
    if (covers <= 0) continue;
    // A title or a heading that holds most of the query is the best evidence of what a page is about.
    const title = kind(titled, n * words);
    let field = title.cover;
    const from = firstSection[n];
    const to = firstSection[n + 1];
    if (to - from > own.length) own = new Float64Array(to - from);
    let found = 0;
    for (let ref = from; ref < to; ref++) {
      if (!sectionAt[ref]) continue;
      const score = sectionScore[ref];
      let at = found++;
      for (; at > 0 && own[at - 1] < score; at--) own[at] = own[at - 1];
      own[at] = score;
      if (any(headed, ref * words)) field = Math.max(field, kind(headed, ref * words).cover);
    }
    let rest = 0;
    for (let i = 1; i < found; i++) rest += own[i];
    const lexical = base[n] + (found ? own[0] + SECTION_REST * rest : 0);
    const score = lexical * covers * covers * (1 + FIELD_BONUS * field * field);
    ranked.add(n, score, base[n], matched.set, title.set);
  }
  return ranked;
}

/**
 * The articles a query matched with their scores, by number and in typed arrays: a Hit object is
 * made only for those read (the best few, the exact-title candidates), not for all 9,561 of a common
 * word, whose allocation and garbage took a keystroke tens of milliseconds at 10,000 articles.
 */
class Ranking {
  constructor(capacity, sections) {
    this.size = 0;
    this.numbers = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.bases = new Float64Array(capacity);
    this.matched = new Array(capacity);
    this.titles = new Array(capacity);
    this.made = new Array(capacity);
    this.sections = sections;
  }

  add(n, score, base, matched, title) {
    const i = this.size++;
    this.numbers[i] = n;
    this.scores[i] = score;
    this.bases[i] = base;
    this.matched[i] = matched;
    this.titles[i] = title;
  }

  /** The i-th hit as an object (always the same one). */
  hit(i) {
    let made = this.made[i];
    if (made === undefined) {
      made = new Hit(this.numbers[i], this.scores[i], this.bases[i], this.matched[i], this.titles[i], this.sections);
      this.made[i] = made;
    }
    return made;
  }

  /** Every hit, in the order lunr met them. */
  all() {
    return this.filter(() => true);
  }

  /** The hits for which keep(article number, terms of its title) holds, in the order lunr met them. */
  filter(keep) {
    const kept = [];
    for (let i = 0; i < this.size; i++) if (keep(this.numbers[i], this.titles[i])) kept.push(this.hit(i));
    return kept;
  }

  /** Whether keep(article number) holds for any hit. */
  some(keep) {
    for (let i = 0; i < this.size; i++) if (keep(this.numbers[i])) return true;
    return false;
  }

  /** The `k` best hits by score (ties: the lower article number first), best first. */
  best(k) {
    const { numbers, scores } = this;
    const out = []; // indices
    for (let i = 0; i < this.size; i++) {
      if (out.length === k) {
        const last = out[k - 1];
        if (scores[i] < scores[last] || (scores[i] === scores[last] && numbers[i] > numbers[last])) continue;
      }
      let at = Math.min(out.length, k - 1);
      while (at > 0 && (scores[i] > scores[out[at - 1]]
        || (scores[i] === scores[out[at - 1]] && numbers[i] < numbers[out[at - 1]]))) at--;
      out.splice(at, 0, i);
      if (out.length > k) out.pop();
    }
    return out.map((i) => this.hit(i));
  }
}

/** A ranked article: {doc, score, base, matched, title, exactTitle, sections: [{ref, score}], best first}. */
class Hit {
  constructor(n, score, base, matched, title, ranking) {
    this.doc = { n };
    this.score = score;
    this.base = base;
    this.matched = matched;
    this.title = title;
    this.exactTitle = false;
    this.ranking = ranking;
    this.own = null;
  }

  /** Its matching sections, best first, ties in the order lunr met them (as its stable sort of all sections leaves them). */
  get sections() {
    if (this.own === null) {
      const { sectionScore, sectionAt, firstSection } = this.ranking;
      const n = this.doc.n;
      this.own = [];
      for (let ref = firstSection[n]; ref < firstSection[n + 1]; ref++) {
        if (sectionAt[ref]) this.own.push({ ref, score: sectionScore[ref] });
      }
      this.own.sort((a, b) => b.score - a.score || sectionAt[a.ref] - sectionAt[b.ref]);
    }
    return this.own;
  }
}

/** How much of the query (its units, weighted by rarity) a set of matched terms covers, 0 to 1. */
export function coverage(plan, matched) {
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
      const value = alt.credit || CREDIT[alt.kind];
      if (value > best && alt.terms.every((t) => matched.has(t))) best = value;
    }
    got += unit.weight * best;
  }
  return total > 0 ? got / total : 0;
}
