// Starts the search worker early: an async module (search/plugin.py) that imports only the page
// language rule, so it runs as soon as it is here, while the page is still being parsed, instead of
// after the box's modules (search.js and everything it imports) have arrived and the parser is done.
// The worker then loads its code and the page language's meta.json (worker.js) before the load
// event, and the firewall's code is fetched by then too; no other index file is fetched until a query
// needs it. search.js takes this worker (takeWorker) and is the only one to talk to it.

import { pageTag } from "../shared/lang.js";

/** A search worker for the page language `lang`: {worker, lang, error (the first error event it had)}. */
export function startWorker(lang) {
  const url = new URL("./worker.js", import.meta.url);
  url.searchParams.set("lang", lang);
  const started = { worker: new Worker(url), lang, error: null };
  // Kept for search.js: a worker that fails before the box listens must still fail its queries.
  started.worker.addEventListener("error", (event) => { started.error = started.error || event; });
  return started;
}

let early = startWorker(pageTag());
// Fetched now for the first query, which waits for the firewall before it goes anywhere (search.js):
// the firewall's whole module graph at once, not one module after the other as each one's imports
// are found (secrets.js → checksums.js → sha256.js: three round trips, each behind a main thread
// busy with the page's load, ready 100-150 ms after the load event on a 10,000-article site).
// tests/search/test_ready.py holds this list to the firewall's imports.
const FIREWALL = ["../firewall/secrets.js", "../firewall/checksums.js", "../shared/sha256.js", "../shared/events.js"];
for (const module of FIREWALL) {
  import(module).catch(() => {}); // search.js imports secrets.js again and fails closed
}

/** The worker started for `lang` while the page loaded, once; null when it was for another language. */
export function takeWorker(lang) {
  const started = early;
  early = null;
  return started && started.lang === lang ? started : null;
}
