// The sharded search data of one language (plugins/helpcenter/search/shards.py): fetched by need,
// kept for the session, and scored exactly as lunr.js scores the whole index.
//
// meta.json names the first term of every words chunk (w/<k>.json: terms and in how many
// articles each occurs) and of every postings shard (p/<k>.json: per field, the documents holding
// each term and their BM25 scores, as the term's distinct scores, the refs' gaps and each ref's
// place among the scores); d/<n>.json is one article's row and its sections' anchors and
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

// Postings are strings of base-64 VLQ digits (shards.py `digits`): five bits a digit, least
// significant first, the sixth bit saying another digit follows.
const DIGIT = new Int8Array(128).fill(-1);
[..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].forEach((c, n) => { DIGIT[c.charCodeAt(0)] = n; });

/**
 * The numbers a string of base-64 VLQ digits spells, into `out` (a typed array at least as long as
 * the string: at most one number a digit), in one pass with none of the garbage of an array grown by
 * push: with `table`, each number is a place in it (a posting's pick → its score); without, a gap
 * added to the ones before it (a posting's ref).
 */
function decode(text, out, table) {
  let value = 0;
  let shift = 0;
  let at = 0;
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const d = DIGIT[text.charCodeAt(i)];
    value += (d & 31) * 2 ** shift;
    if (d & 32) shift += 5;
    else {
      out[at++] = table ? table[value] : (sum += value);
      value = 0;
      shift = 0;
    }
  }
  return out.subarray(0, at);
}

/** The refs a string of gaps spells, in an Int32Array. */
const refsOf = (gaps) => decode(gaps, new Int32Array(gaps.length), null);

/** The scores a string of picks (places in `table`) spells, in a Float64Array. */
const picked = (picks, table) => decode(picks, new Float64Array(picks.length), table);

/**
 * ShardStore#query for one term (a one-word query, the first keystrokes of most): lunr meets a
 * document's fields in field order then, so its dot products (0 + boost × value, over `magnitude`)
 * are added as they come, in one pass over the term's postings instead of three.
 */
function single(fields, { boost, entry }, magnitude, size) {
  const at = new Int32Array(size); // 1 + a document's place in refs
  const refs = new Int32Array(size);
  const scores = new Float64Array(size);
  let length = 0;
  for (const field of fields) {
    const list = entry.fields[field];
    if (!list) continue;
    const { refs: listed, values } = list;
    for (let i = 0; i < listed.length; i++) {
      const ref = listed[i];
      const value = (0 + boost * values[i]) / magnitude || 0;
      const place = at[ref];
      if (place) scores[place - 1] += value;
      else {
        at[ref] = ++length;
        refs[length - 1] = ref;
        scores[length - 1] = value;
      }
    }
  }
  return { refs: refs.subarray(0, length), scores: scores.subarray(0, length) };
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
    // Plain loops: a callback and a fill() per article took 7-8 ms at 10,000 articles, on the way to the first query.
    const first = new Int32Array(meta.docs + 1);
    for (let n = 0; n < meta.docs; n++) first[n + 1] = first[n] + meta.sections[n];
    const sectionDoc = new Int32Array(first[meta.docs]);
    for (let n = 0, ref = 0; n < meta.docs; n++) while (ref < first[n + 1]) sectionDoc[ref++] = n;
    this.firstSection = first;
    this.sectionDoc = sectionDoc;
  }

  /** Fetch the postings shards holding `terms` (those not fetched yet), all at once. */
  needPostings(terms) {
    const wanted = new Set();
    for (const t of terms) if (!this.hasPostings(t)) wanted.add(this.shardOf(t));
    return Promise.all([...wanted].map((k) => this.shard(k)));
  }

  /** Whether the postings of `t` are here, or its words chunk says it is no term (no shard holds it). */
  hasPostings(t) {
    return this.shardLoaded.has(this.shardOf(t)) || (this.wordsLoaded.has(rangeOf(this.meta.words, t)) && !this.df(t));
  }

  /** The number of the postings shard that holds `t` (if it is a term). */
  shardOf(t) {
    return rangeOf(this.meta.shards, t);
  }

  /** Whether postings shard `k` is here. */
  hasShard(k) {
    return this.shardLoaded.has(k);
  }

  shard(k) {
    return this.once(this.shards, k, `p/${k}.json`, (data) => this.addShard(k, data));
  }

  /** Fetch `path` once, keeping its promise in `pending` under `key` (a failure is tried again next time). */
  once(pending, key, path, keep) {
    let promise = pending.get(key);
    if (!promise) {
      promise = this.load(path).then(keep);
      promise.catch(() => pending.delete(key));
      pending.set(key, promise);
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
          if (!lists[i]) continue; // 0: the term is not in this field
          const [table, gaps, picks] = lists[i];
          const scores = table.map((score) => score / this.scale);
          entries[i].fields[field] = { refs: refsOf(gaps), values: picked(picks, scores) };
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
    return this.once(this.words, k, `w/${k}.json`, (data) => {
      this.wordsLoaded.set(k, { terms: data.terms, df: new Map(data.terms.map((t, i) => [t, data.df[i]])), tokens: null });
    });
  }

  /** Articles holding `t` in any field of either tier (0 for a term unknown or not fetched). */
  df(t) {
    const entry = this.postings.get(t);
    if (entry) return entry.df;
    const chunk = this.wordsLoaded.get(rangeOf(this.meta.words, t));
    return (chunk && chunk.df.get(t)) || 0;
  }

  /** The sorted terms of each fetched words chunk holding terms from `low` up to `high`. */
  wordLists(low, high) {
    const lists = [];
    for (let k = rangeOf(this.meta.words, low); k <= rangeOf(this.meta.words, high); k++) {
      const chunk = this.wordsLoaded.get(k);
      if (chunk) lists.push(chunk.terms);
    }
    return lists;
  }

  /**
   * lunr TokenSets of the fetched words chunks holding the terms from `low` up to `high` (for
   * prefixes and typos), one per chunk, each built once: a lookup reads the chunks of its own range,
   * whatever else earlier queries fetched, and a chunk arriving rebuilds nothing.
   */
  tokenSets(low, high) {
    const sets = [];
    for (let k = rangeOf(this.meta.words, low); k <= rangeOf(this.meta.words, high); k++) {
      const chunk = this.wordsLoaded.get(k);
      if (!chunk) continue;
      if (!chunk.tokens) chunk.tokens = globalThis.lunr.TokenSet.fromArray(chunk.terms);
      sets.push(chunk.tokens);
    }
    return sets;
  }

  /**
   * lunr.js's Index#query for single-term clauses (Map term → boost) over the fields of one tier
   * (refs below `size`), from the fetched postings: {refs, scores}, in the order lunr meets the
   * documents (clause order, then field order), not sorted: lunr's stable sort by score keeps that
   * order among ties, so a caller sorting by score gets lunr's order. The same query vector and
   * magnitude, each field's dot product summed in term order and a document's fields added in the
   * order lunr meets them, so the scores are lunr's to the last bit. Which terms matched where is
   * read from the postings themselves (`postingsOf`): no match data per document, which at 10,000
   * articles took most of a keystroke's time.
   */
  query(fields, clauses, size) {
    const present = [];
    for (const [t, boost] of clauses) {
      const entry = this.postings.get(t);
      if (entry && fields.some((f) => entry.fields[f])) present.push({ t, boost, entry });
    }
    if (!present.length) return { refs: [], scores: new Float64Array(0) };
    const byTerm = [...present].sort((a, b) => compare(a.t, b.t));
    let squares = 0;
    for (const p of byTerm) squares += p.boost * p.boost;
    const magnitude = Math.sqrt(squares);
    if (present.length === 1) return single(fields, present[0], magnitude, size);
    // The order lunr creates its (field, document) matches in: a stamp per pair, and each document's first.
    const stamps = fields.map(() => new Int32Array(size));
    const first = new Int32Array(size);
    const found = new Int32Array(size);
    let length = 0;
    let stamp = 0;
    for (const { entry } of present) {
      for (let f = 0; f < fields.length; f++) {
        const list = entry.fields[fields[f]];
        if (!list) continue;
        const made = stamps[f];
        const listed = list.refs;
        for (let i = 0; i < listed.length; i++) {
          const ref = listed[i];
          if (made[ref]) continue;
          made[ref] = ++stamp;
          if (!first[ref]) {
            first[ref] = stamp;
            found[length++] = ref;
          }
        }
      }
    }
    const refs = found.subarray(0, length);
    // Each field's dot product, its terms' products added in term order (from 0, as lunr does).
    const dots = fields.map(() => new Float64Array(size));
    for (const { boost, entry } of byTerm) {
      for (let f = 0; f < fields.length; f++) {
        const list = entry.fields[fields[f]];
        if (!list) continue;
        const dot = dots[f];
        const { refs: listed, values } = list;
        for (let i = 0; i < listed.length; i++) dot[listed[i]] += boost * values[i];
      }
    }
    const scores = new Float64Array(refs.length);
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      let score = 0;
      let after = 0; // the fields in the order of their stamps
      for (let added = 0; ; added++) {
        let next = -1;
        for (let f = 0; f < fields.length; f++) {
          const at = stamps[f][ref];
          if (at > after && (next < 0 || at < stamps[next][ref])) next = f;
        }
        if (next < 0) break;
        const value = dots[next][ref] / magnitude || 0;
        score = added ? score + value : value;
        after = stamps[next][ref];
      }
      scores[i] = score;
    }
    return { refs, scores };
  }

  /** The postings of `t` in `field` ({refs, values}), or null. */
  postingsOf(t, field) {
    const entry = this.postings.get(t);
    return (entry && entry.fields[field]) || null;
  }

  /** Fetch the rows of articles `numbers`: [id, url, title, summary, [[anchor, heading, text]]]. */
  needDocs(numbers) {
    return Promise.all([...new Set(numbers)].map((n) => {
      return this.once(this.docs, n, `d/${n}.json`, (row) => { this.rows.set(n, row); });
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
    return this.once(this.texts, ref, `s/${ref}.json`, (text) => { this.text.set(ref, text); });
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
