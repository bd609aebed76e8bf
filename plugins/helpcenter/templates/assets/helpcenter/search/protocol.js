// The messages between the page (search.js) and the search worker (worker.js), written down once:
// both sides build every message they send with these functions and name types with TYPE, and
// tests/search/test_protocol.py checks what crosses in a real session against SHAPES.

export const TYPE = Object.freeze({
  configure: "configure", search: "search", article: "article", // page → worker
  ready: "ready", results: "results", failed: "failed", // worker → page
});

/** Page → worker. */
export const TO_WORKER = Object.freeze({
  /** base: URL of the site's search/ folder; lang: the page's language (its tier 1 is loaded first). */
  configure: (base, lang) => ({ type: TYPE.configure, base, lang }),
  /**
   * full: the API's answer (fifty results, always whole); typing: a keystroke's, answered from what is
   * here as far as possible (the box asks again, not typing, once the reader pauses).
   */
  search: (seq, query, lang, full, typing) => ({ type: TYPE.search, seq, query, lang, full: Boolean(full),
                                                 typing: Boolean(typing) }),
  /** One article by id (the secret warning's), as a one-result reply. */
  article: (seq, lang, id) => ({ type: TYPE.article, seq, lang, id }),
});

/** Worker → page. */
export const FROM_WORKER = Object.freeze({
  /** The page language's tier 1 is loaded; meta: {lang, strings, categories, secret, languages}. */
  ready: (meta) => ({ type: TYPE.ready, meta }),
  /** A reply to search or article; partial: the languages whose answer was a keystroke's, left incomplete. */
  results: (seq, results, partial) => ({ type: TYPE.results, seq, results, partial: [...partial] }),
  /** A request (seq) or the start (no seq) failed. */
  failed: (seq, error) => ({ type: TYPE.failed, seq, error: String((error && error.message) || error) }),
});

/** Each message's fields and their types (typeof, or "array"), by direction and type. */
export const SHAPES = Object.freeze({
  toWorker: {
    configure: { base: "string", lang: "string" },
    search: { seq: "number", query: "string", lang: "string", full: "boolean", typing: "boolean" },
    article: { seq: "number", lang: "string", id: "string" },
  },
  fromWorker: {
    ready: { meta: "object" },
    results: { seq: "number", results: "array", partial: "array" },
    failed: { seq: "number|undefined", error: "string" },
  },
});

/** What is wrong with `message` sent in `direction` ("toWorker" | "fromWorker"): [] when it has its shape. */
export function problems(direction, message) {
  const shapes = SHAPES[direction];
  const type = message && message.type;
  if (!Object.hasOwn(shapes, type)) return [`unknown type ${JSON.stringify(type)}`];
  const shape = shapes[type];
  const found = [];
  for (const [field, kinds] of Object.entries(shape)) {
    const value = message[field];
    const kind = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
    if (!kinds.split("|").includes(kind)) found.push(`${type}.${field} is ${kind}, not ${kinds}`);
  }
  for (const field of Object.keys(message)) {
    if (field !== "type" && !Object.hasOwn(shape, field)) found.push(`${type}.${field} is not in the protocol`);
  }
  return found;
}
