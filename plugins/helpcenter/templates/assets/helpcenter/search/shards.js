// The sharded search data of one language (plugins/helpcenter/search/shards.py): fetched by need,
// kept for the session, and scored exactly as lunr.js scores the whole index.
//
// meta.json names the first term of every words chunk (w/<k>.json: terms and in how many
// articles each occurs) and of every postings shard (p/<k>.json: per field, the documents holding
// each term and their BM25 scores); d/<n>.json is one article's row and its sections' anchors and
// headings, s/<ref>.json one section's text. A query fetches the shards of its terms, the words
// chunks its prefixes and typos need, the rows of the results it shows and the texts of the sections
// they point at, each once.

/** JavaScript's own string order (UTF-16 code units), the order lunr numbers terms in. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which of the ranges starting at `starts` (sorted) holds `term`. */
function rangeOf(starts, term) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compare(starts[mid], term) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class ShardStore {
  /** meta: the parsed meta.json; load(path) resolves to the parsed JSON of a file of this language. */
  constructor(meta, load) {
    this.meta = meta;
    this.load = load;
    this.scale = meta.scale || 1;
    this.postings = new Map(); // term → {df, fields: {field: {refs, values}}}
    this.shards = new Map(); // shard number → Promise
    this.shardLoaded = new Set();
    this.words = new Map(); // chunk number → Promise
    this.wordsLoaded = new Map(); // chunk number → {terms, df: Map}
    this.docs = new Map(); // article number → Promise of its row
    this.rows = new Map(); // article number → [id, url, title, summary, [[anchor, heading]]]
    this.texts = new Map(); // section number → Promise
    this.text = new Map(); // section number → its text
    this.tokens = null;
    this.firstSection = new Int32Array(meta.docs + 1);
    meta.sections.forEach((count, n) => { this.firstSection[n + 1] = this.firstSection[n] + count; });
    this.sectionDoc = new Int32Array(this.firstSection[meta.docs]);
    for (let n = 0; n < meta.docs; n++) this.sectionDoc.fill(n, this.firstSection[n], this.firstSection[n + 1]);
  }

  /** Fetch the postings shards holding `terms` (those not fetched yet). */
  needPostings(terms) {
    const wanted = new Set();
    for (const t of terms) wanted.add(rangeOf(this.meta.shards, t));
    return Promise.all([...wanted].map((k) => this.shard(k)));
  }

  shard(k) {
    let promise = this.shards.get(k);
    if (!promise) {
      promise = this.load(`p/${k}.json`).then((data) => this.addShard(k, data));
      promise.catch(() => this.shards.delete(k)); // tried again by the next query
      this.shards.set(k, promise);
    }
    return promise;
  }

  addShard(k, data) {
    const entries = data.terms.map((t, i) => ({ df: data.df[i], fields: {} }));
    for (const fields of this.meta.fields) {
      for (const field of fields) {
        const lists = data[field];
        if (!lists) continue;
        for (let i = 0; i < lists.length; i++) {
          const flat = lists[i];
          if (!flat) continue; // 0: the term is not in this field
          const refs = [];
          const values = [];
          let ref = 0;
          for (let j = 0; j < flat.length; j += 2) {
            ref += flat[j];
            refs.push(ref);
            values.push(flat[j + 1] / this.scale);
          }
          entries[i].fields[field] = { refs, values };
        }
      }
    }
    data.terms.forEach((t, i) => this.postings.set(t, entries[i]));
    this.shardLoaded.add(k);
  }

  /** Fetch the words chunks that hold the terms from `low` up to (not including) `high`. */
  needWords(ranges) {
    const wanted = new Set();
    for (const [low, high] of ranges) {
      const last = high === undefined ? rangeOf(this.meta.words, low) : rangeOf(this.meta.words, high);
      for (let k = rangeOf(this.meta.words, low); k <= last; k++) wanted.add(k);
    }
    return Promise.all([...wanted].map((k) => this.chunk(k)));
  }

  chunk(k) {
    let promise = this.words.get(k);
    if (!promise) {
      promise = this.load(`w/${k}.json`).then((data) => {
        this.wordsLoaded.set(k, { terms: data.terms, df: new Map(data.terms.map((t, i) => [t, data.df[i]])) });
        this.tokens = null;
      });
      promise.catch(() => this.words.delete(k));
      this.words.set(k, promise);
    }
    return promise;
  }

  /** Whether what is fetched tells if `t` is a term (its shard or its words chunk is here). */
  knows(t) {
    return this.shardLoaded.has(rangeOf(this.meta.shards, t)) || this.wordsLoaded.has(rangeOf(this.meta.words, t));
  }

  /** Articles holding `t` in any field of either tier (0 for a term unknown or not fetched). */
  df(t) {
    const entry = this.postings.get(t);
    if (entry) return entry.df;
    const chunk = this.wordsLoaded.get(rangeOf(this.meta.words, t));
    return (chunk && chunk.df.get(t)) || 0;
  }

  /** A lunr TokenSet of every term fetched in words chunks (for prefixes and typos). */
  tokenSet() {
    if (!this.tokens) {
      const terms = [...this.wordsLoaded.keys()].sort((a, b) => a - b).flatMap((k) => this.wordsLoaded.get(k).terms);
      this.tokens = globalThis.lunr.TokenSet.fromArray(terms);
    }
    return this.tokens;
  }

  /**
   * lunr.js's Index#query for single-term clauses (Map term → boost) over the fields of one tier,
   * from the fetched postings: the same query vector, magnitude, dot products (in term order),
   * match data and order of results, so the scores are lunr's to the last bit.
   */
  query(fields, clauses) {
    const present = [];
    for (const [t, boost] of clauses) {
      const entry = this.postings.get(t);
      if (entry && fields.some((f) => entry.fields[f])) present.push({ t, boost, entry });
    }
    if (!present.length) return [];
    const order = new Map([...present].sort((a, b) => compare(a.t, b.t)).map((p, i) => [p.t, i]));
    let squares = 0;
    for (const p of [...present].sort((a, b) => order.get(a.t) - order.get(b.t))) squares += p.boost * p.boost;
    const magnitude = Math.sqrt(squares);
    const matching = new Map(); // "field/ref" → {field, ref, products: [[term order, product]], terms}
    for (const { t, boost, entry } of present) {
      for (const field of fields) {
        const list = entry.fields[field];
        if (!list) continue;
        for (let i = 0; i < list.refs.length; i++) {
          const key = `${field}/${list.refs[i]}`;
          let match = matching.get(key);
          if (!match) {
            match = { ref: list.refs[i], field, products: [], terms: [] };
            matching.set(key, match);
          }
          match.products.push([order.get(t), boost * list.values[i]]);
          match.terms.push(t);
        }
      }
    }
    const results = [];
    const byRef = new Map();
    for (const match of matching.values()) {
      match.products.sort((a, b) => a[0] - b[0]);
      let dot = 0;
      for (const [, product] of match.products) dot += product;
      const score = dot / magnitude || 0;
      let result = byRef.get(match.ref);
      if (!result) {
        result = { ref: String(match.ref), score: 0, matchData: { metadata: Object.create(null) } };
        byRef.set(match.ref, result);
        results.push(result);
        result.score = score;
      } else {
        result.score += score;
      }
      const metadata = result.matchData.metadata;
      for (const t of match.terms) (metadata[t] || (metadata[t] = Object.create(null)))[match.field] = {};
    }
    return results.sort((a, b) => b.score - a.score);
  }

  /** Fetch the rows of articles `numbers`: [id, url, title, summary, [[anchor, heading, text]]]. */
  needDocs(numbers) {
    return Promise.all([...new Set(numbers)].map((n) => {
      let promise = this.docs.get(n);
      if (!promise) {
        promise = this.load(`d/${n}.json`).then((row) => { this.rows.set(n, row); });
        promise.catch(() => this.docs.delete(n));
        this.docs.set(n, promise);
      }
      return promise;
    }));
  }

  /** Fetch the texts of sections `refs` (their articles' rows must be here) that their rows lack. */
  needSections(refs) {
    return Promise.all([...new Set(refs)].filter((ref) => this.section(ref)[3] === undefined)
      .map((ref) => this.sectionText(ref)));
  }

  /** Start fetching the texts of sections `refs` before their rows are here (a failure is retried by needSections). */
  prefetchSections(refs) {
    return Promise.all([...new Set(refs)].map((ref) => this.sectionText(ref).catch(() => {})));
  }

  sectionText(ref) {
    let promise = this.texts.get(ref);
    if (!promise) {
      promise = this.load(`s/${ref}.json`).then((text) => { this.text.set(ref, text); });
      promise.catch(() => this.texts.delete(ref));
      this.texts.set(ref, promise);
    }
    return promise;
  }

  /** Section `ref` as [article number, anchor, heading, text], once its article's row is here (text once fetched). */
  section(ref) {
    const n = this.sectionDoc[ref];
    const row = this.rows.get(n);
    if (!row) return null;
    const [anchor, heading, text] = row[4][ref - this.firstSection[n]];
    return [n, anchor, heading, text === undefined ? this.text.get(ref) : text];
  }
}
