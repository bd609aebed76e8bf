// Scoring a query's plan (engine.js) over the fetched postings (shards.js): lunr's scores of each
// article (tier 1) and of its sections (tier 2), then how much of the query an article covers, each
// unit weighted by its rarity, and a title or heading holding most of the query.

const CREDIT = { exact: 1, pieces: 0.95, prefix: 0.9, synonym: 0.85, fuzzy: 0.7, variant: 0.95 };
const FIELD_BONUS = 1; // a title or heading that holds the whole query doubles the score
const SECTION_REST = 0.25; // how much sections beyond the best one add to an article's score
const bySectionScore = (a, b) => b.score - a.score;
const TIER1 = 0;
const TIER2 = 1;

/**
 * Every article of `index` (a LanguageIndex) matching `plan`, scored: lunr's scores of its article
 * (tier 1) and of its sections (tier 2), the best section counting whole and the others a quarter,
 * times the coverage of the query twice and a bonus for a title or heading that holds most of it.
 */
export function rank(index, plan) {
  const fields = index.meta.fields;
  // Each article's hit by its number, and the hits in the order lunr meets the articles (an array,
  // not a Map: at 10,000 articles a common word's hits took a Map lookup each, several times over).
  const byDoc = new Array(index.count);
  const hits = [];
  const hit = (n) => {
    let found = byDoc[n];
    if (found === undefined) {
      found = { doc: { n }, base: 0, sections: [], matched: null, title: null, exactTitle: false,
                matchedKey: "", titleKey: "", last: -1 };
      byDoc[n] = found;
      hits.push(found);
    }
    return found;
  };
  const articles = index.store.query(fields[TIER1], plan.clauses, index.count);
  for (let i = 0; i < articles.refs.length; i++) hit(articles.refs[i]).base += articles.scores[i];
  const sectionDoc = index.store.sectionDoc;
  const sections = new Array(sectionDoc.length); // section ref → {ref, score, heading: its key}
  const matches = index.store.query(fields[TIER2], plan.clauses, sectionDoc.length);
  for (let i = 0; i < matches.refs.length; i++) {
    const ref = matches.refs[i];
    const section = { ref, score: matches.scores[i], heading: "" };
    hit(sectionDoc[ref]).sections.push(section);
    sections[ref] = section;
  }
  // The terms each article holds, and those of its title and of its sections' headings. An
  // article's sets of terms are spelled as keys (the terms' numbers, in clause order) and made
  // into Sets once per distinct key, as is their coverage: not once per article.
  const terms = [...plan.clauses.keys()];
  terms.forEach((t, number) => {
    const mark = `${number},`;
    const matched = (found) => {
      if (found.last === number) return;
      found.last = number;
      found.matchedKey += mark;
    };
    for (const field of fields[TIER1]) {
      const list = index.store.postingsOf(t, field);
      if (!list) continue;
      for (const ref of list.refs) {
        const found = byDoc[ref];
        matched(found);
        if (field === "t") found.titleKey += mark;
      }
    }
    for (const field of fields[TIER2]) {
      const list = index.store.postingsOf(t, field);
      if (!list) continue;
      for (const ref of list.refs) {
        matched(byDoc[sectionDoc[ref]]);
        if (field !== "h") continue;
        sections[ref].heading += mark;
      }
    }
  });
  const sets = new Map(); // key → Set of its terms
  const setOf = (key) => {
    let set = sets.get(key);
    if (!set) sets.set(key, set = new Set(key.split(",").slice(0, -1).map((number) => terms[number])));
    return set;
  };
  const covered = new Map(); // key → coverage
  const cover = (key) => {
    let value = covered.get(key);
    if (value === undefined) covered.set(key, value = coverage(plan, setOf(key)));
    return value;
  };
  const ranked = [];
  for (const found of hits) {
    found.matched = setOf(found.matchedKey);
    found.title = setOf(found.titleKey);
    const covers = cover(found.matchedKey);
    if (covers <= 0) continue;
    // Best first, ties in the order lunr met them (as its stable sort of all sections by score leaves them).
    const own = found.sections;
    if (own.length > 1) own.sort(bySectionScore);
    let rest = 0;
    for (let i = 1; i < own.length; i++) rest += own[i].score;
    const lexical = found.base + (own.length ? own[0].score + SECTION_REST * rest : 0);
    // A title or a heading that holds most of the query is the best evidence of what a page is about.
    let field = cover(found.titleKey);
    for (const section of found.sections) if (section.heading) field = Math.max(field, cover(section.heading));
    found.score = lexical * covers * covers * (1 + FIELD_BONUS * field * field);
    ranked.push(found);
  }
  return ranked;
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
