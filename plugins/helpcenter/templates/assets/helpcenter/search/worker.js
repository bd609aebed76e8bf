// Search worker: loads lunr.js and each language's sharded index by need, answers queries off the main thread.
// A classic worker, because lunr.js is a UMD script that needs importScripts; the ranking code and
// the messages (protocol.js, shared with search.js) are ES modules, loaded with import().

// The page's language comes in the worker's URL (?lang=), so its first tier (meta.json) is on the way
// before lunr.js and the modules have even loaded; the index folder is the site's search/. Shards,
// words and articles come later, each when a query needs it, and stay (shards.js).
let base = new URL("../../../search/", self.location.href).href;
let pageLang = new URL(self.location.href).searchParams.get("lang") || "en";
const early = new Map([[pageLang, fetchJson(pageLang, "meta.json")]]);
early.get(pageLang).catch(() => {}); // reported when it is used

// All the modules at once rather than one after the other as the engine's imports are found, and
// before lunr.js, which blocks this thread while it loads (the modules read it only when called).
const engine = Promise.all([import("./tokenize.js"), import("./text.js"), import("./rank.js"), import("./engine.js"),
  import("./shards.js")]).then((modules) => ({ LanguageIndex: modules[3].LanguageIndex, ShardStore: modules[4].ShardStore }));
const protocol = import("./protocol.js");

importScripts("lunr.js");

const MAX_RESULTS = 50;
const DISPLAYED = 10; // results the box shows, with highlighted titles and snippets (their rows are fetched)
const languages = new Map(); // lang → {index: Promise<LanguageIndex>}
let available = new Set();

async function fetchJson(lang, name) {
  const response = await fetch(new URL(`${lang}/${name}`, base));
  if (!response.ok) throw new Error(`search index ${lang}/${name}: HTTP ${response.status}`);
  return response.json();
}

function language(lang) {
  let entry = languages.get(lang);
  if (!entry) {
    const meta = early.get(lang) || fetchJson(lang, "meta.json");
    const index = Promise.all([engine, meta]).then(([{ LanguageIndex, ShardStore }, data]) =>
      new LanguageIndex(data, new ShardStore(data, (path) => fetchJson(lang, path))));
    entry = { index };
    languages.set(lang, entry);
  }
  return entry;
}

function present(index, found, displayed) {
  const doc = found.doc;
  const anchor = found.section ? found.section[1] : "";
  const url = new URL(doc.url + (anchor ? `#${anchor}` : ""), new URL("../", base)).href;
  const result = { id: doc.id, url, title: doc.title, lang: index.lang, score: Math.round(found.score * 1000) / 1000 };
  if (displayed) result.display = index.display(found);
  return result;
}

/**
 * The results of `query` and the languages whose answer is a keystroke's, left incomplete (`partial`),
 * or null when a newer search from the box came while this one's data was on its way.
 */
async function search(query, lang, { full, typing, current }) {
  // Chinese typed on another language's page is looked up in Chinese first, then in the page's
  // language; a query without Chinese on a Chinese page falls back to English. A second language
  // only fills a thin list, after every result of the first.
  const han = /[\u3400-\u9fff]/u.test(query);
  const first = han && lang !== "zh" && available.has("zh") ? "zh" : lang;
  const second = first !== lang ? lang : !han && lang !== "en" && available.has("en") ? "en" : null;
  const order = second ? [first, second] : [first];
  const results = [];
  const seen = new Set();
  // The box gets the results it shows; the API up to MAX_RESULTS, each with its article's row fetched.
  const partial = [];
  const rows = full ? MAX_RESULTS : DISPLAYED;
  let left = 0; // results a keystroke's answer left out (their rows are not here yet)
  for (const [position, lang_] of order.entries()) {
    if (position > 0 && results.length + left >= 5) break;
    const index = await language(lang_).index;
    const answer = await index.search(query, { rows, typing, current });
    if (!answer) return null;
    if (!answer.complete) partial.push(lang_);
    left += answer.count - answer.results.length;
    for (const found of answer.results) {
      if (seen.has(found.doc.id) || results.length >= rows) continue;
      seen.add(found.doc.id);
      results.push(present(index, found, results.length < DISPLAYED));
    }
  }
  return { results, partial };
}

let boxSeq = 0; // the box's newest search: an older one fetches nothing more
// The page sends its first search right behind configure, without waiting for ready: a search waits
// here for the languages configure makes known (a failed configure is reported by its own reply).
let configured = Promise.resolve();

async function configure(message, FROM_WORKER) {
  base = message.base;
  pageLang = message.lang;
  const index = await language(pageLang).index;
  const meta = index.meta;
  available = new Set(Object.keys(meta.languages || {}));
  self.postMessage(FROM_WORKER.ready({ lang: meta.lang, strings: meta.strings, categories: meta.categories,
                                       secret: meta.secret, languages: meta.languages }));
}

async function handle(message) {
  const { FROM_WORKER, TYPE } = await protocol;
  if (message.type === TYPE.configure) {
    configured = configure(message, FROM_WORKER);
    await configured;
  } else if (message.type === TYPE.search) {
    await configured.catch(() => {});
    const { seq, full, typing } = message;
    if (!full) boxSeq = Math.max(boxSeq, seq);
    const current = () => full || seq === boxSeq;
    const answer = await search(message.query, message.lang || pageLang, { full, typing, current });
    // A search overtaken by a newer keystroke is answered with nothing (the box shows only its newest).
    self.postMessage(FROM_WORKER.results(seq, answer ? answer.results : [], answer ? answer.partial : []));
  } else if (message.type === TYPE.article) {
    const index = await language(message.lang || pageLang).index;
    const doc = await index.article(message.id);
    const found = { doc, score: 1, section: null, matched: new Set() };
    self.postMessage(FROM_WORKER.results(message.seq, doc ? [present(index, found, true)] : [], []));
  }
}

self.onmessage = (event) => {
  handle(event.data).catch((error) => {
    protocol.then(({ FROM_WORKER }) => self.postMessage(FROM_WORKER.failed(event.data.seq, error)),
      // Without the protocol nothing can be said: fail as a script error, which the page hears as the worker's error.
      () => setTimeout(() => { throw error; }));
  });
};
