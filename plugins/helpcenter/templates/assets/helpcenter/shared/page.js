// Each page the reader sees, for every feature's entry module.
//
// With Material's `navigation.instant` the browser does not load the next page: Material fetches
// it, swaps the content (and the head's tags) into the current document and emits the document on
// window.document$ (a ReplaySubject: a new subscriber also gets the page it is on). Our modules
// run once, so each sets up its part of a page in onPage(init), which runs for the page shown now
// and again after every instant navigation; what a page's set-up starts (listeners, timers,
// workers, an open dialog) goes into the page's scope and stops when the reader leaves it.
//
//   onPage((page) => {
//     page.on(window, "popstate", …);        // removed on leave
//     page.every(60_000, update);            // cleared on leave
//     return () => worker.terminate();       // called on leave
//   });
//
// Without Material (or with its bundle missing) the page is the document, set up once. When every
// feature has set the page up, "helpcenter:page" is dispatched on document ({number}): a site's own
// script (or a test) knows the page is ready; Material emits document$ only once the scripts of the
// content it swapped in have loaded, which is later than the page's address and head change.
// Data for scripts is in <template data-hc-json> blocks: Material re-runs every <script> of the
// content it swaps in, as code and without its type, so a JSON <script> would be lost (and run).

/** What one page's set-up started; `close()` stops it all when the reader leaves the page. */
class PageScope {
  constructor() {
    this.controller = new AbortController();
    this.cleanups = [];
  }

  /** Aborted when the reader leaves the page: pass it to fetch() or addEventListener(). */
  get signal() {
    return this.controller.signal;
  }

  /** target.addEventListener, removed when the reader leaves the page. */
  on(target, type, listener, options = {}) {
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /** setInterval, cleared when the reader leaves the page. */
  every(ms, callback) {
    const id = setInterval(callback, ms);
    this.defer(() => clearInterval(id));
  }

  /** setTimeout, cleared when the reader leaves the page first. */
  after(ms, callback) {
    const id = setTimeout(callback, ms);
    this.defer(() => clearTimeout(id));
  }

  /** Call `cleanup()` when the reader leaves the page (last deferred, first called). */
  defer(cleanup) {
    this.cleanups.push(cleanup);
  }

  close() {
    this.controller.abort();
    for (const cleanup of this.cleanups.splice(0).reverse()) guarded(cleanup);
  }
}

/** Dispatched on document once every feature has set up the page on screen; detail: {number}. */
export const PAGE_EVENT = "helpcenter:page";

const inits = [];
let current = null; // the scope of the page on screen, once the first page was set up
let pages = 0; // how many pages this document has shown (1 until an instant navigation)

/** Run `step()`; if it throws, report it as an uncaught error without stopping the other features. */
function guarded(step, ...args) {
  try {
    return step(...args);
  } catch (error) {
    queueMicrotask(() => { throw error; });
    return undefined;
  }
}

function setUp(init) {
  const cleanup = guarded(init, current);
  if (typeof cleanup === "function") current.defer(cleanup);
}

/** A page is on screen: the previous one's scope closes, then every feature sets this one up. */
function begin() {
  if (current) current.close();
  current = new PageScope();
  current.number = ++pages;
  // Material keeps <html lang> across instant navigations; our pages say their language in the head.
  const meta = document.querySelector('meta[name="helpcenter:lang"]');
  if (meta && meta.content) document.documentElement.lang = meta.content;
  for (const init of inits) setUp(init);
  document.dispatchEvent(new CustomEvent(PAGE_EVENT, { detail: { number: current.number } }));
}

function subscribe() {
  const documents = window.document$;
  if (documents && typeof documents.subscribe === "function") documents.subscribe(() => begin());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin, { once: true });
  else begin();
}

/**
 * Run `init(page)` for the page on screen and for every page an instant navigation shows.
 *
 * `page` is the page's scope (on, every, after, defer, signal; `number`: 1 for the page the
 * browser loaded); a function `init` returns is called when the reader leaves the page.
 */
export function onPage(init) {
  inits.push(init);
  if (inits.length === 1) subscribe();
  else if (current) setUp(init); // a module that loaded after the page was set up
}

/** The JSON in a data block: a <template data-hc-json> (its text), or a <script type="application/json">. */
export function readJson(element) {
  return JSON.parse(element instanceof HTMLTemplateElement ? element.content.textContent : element.textContent);
}
