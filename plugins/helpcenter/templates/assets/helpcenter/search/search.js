// The header search box (Material's look and keys, our own code) and window.helpcenter.search.
//
// Material's search plugin is not used: its worker always rebuilds a lunr index in the browser and
// its UI renders worker HTML, writes queries into result links (?h=) and has no room for a secret
// warning or a "Still stuck?" state. This module builds the same markup with Material's classes,
// so the theme's CSS gives it the same look, and talks to worker.js for results.
//
// A query is checked by findSecrets (secrets.js) before it goes anywhere, even to the worker: a
// recovery phrase or key shows a warning and the phrase-safety article instead, and no query is
// ever written to the URL, history, storage or a log by this code. Other modules hear of a query
// (the "helpcenter:search" event, for tickets.js) only when the reader closes the box, and only
// when nothing in it looks like a secret, so the words of a phrase typed one by one never do.

import { h } from "../shared/dom.js";
import { EVENTS, emit, register } from "../shared/events.js";
import { pageTag } from "../shared/lang.js";
import { onPage } from "../shared/page.js";
import { TO_WORKER, TYPE } from "./protocol.js";
import { startWorker, takeWorker } from "./start.js";

// Imported when the module runs rather than before it (start.js has it on the way since the page was
// parsed); every query still waits for it (and fails closed if it cannot load).
const secrets = import("../firewall/secrets.js");

const ROOT = new URL("../../../", import.meta.url);
const INDEX = new URL("search/", ROOT);
const SVG = "http://www.w3.org/2000/svg";
const ICONS = {
  magnify: "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5",
  back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
  close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
};
const TOPICS_SHOWN = 6;
// A pause in typing this long settles a query: its whole answer is fetched (Pagefind's UI waits as
// long before it searches at all; a reader typing on at 5 keys a second never waits for it).
const SETTLE_MS = 300;

// Read ?q= and take it out of the address bar at once, before anything else can see it.
const initialQuery = takeQueryParameter();

function takeQueryParameter() {
  const url = new URL(window.location.href);
  const value = url.searchParams.get("q");
  if (value === null) return null;
  url.searchParams.delete("q");
  window.history.replaceState(window.history.state, "", url.href);
  return value;
}

/** The worker and its replies, one promise per request (the messages: protocol.js). */
class Client {
  /** started: the worker start.js started for `lang` while the page loaded (startWorker's), else a new one. */
  constructor(lang, started = null) {
    this.lang = lang;
    this.seq = 0;
    this.pending = new Map();
    this.error = null; // set once the worker failed
    const { worker, error } = started || startWorker(lang);
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
    this.worker.onmessage = (event) => this.receive(event.data);
    // The worker could not even start (a script failed to load): every wait ends, in failure.
    const failed = (event) => this.fail(new Error(`search worker: ${event.message || "failed to load"}`));
    this.worker.onerror = failed;
    if (error) failed(error); // before this box listened
    this.worker.postMessage(TO_WORKER.configure(INDEX.href, lang));
  }

  receive(message) {
    if (message.type === TYPE.ready) this.settle.resolve(message.meta);
    else if (message.type === TYPE.results || message.type === TYPE.failed) {
      const request = this.pending.get(message.seq);
      if (!request) {
        if (message.type === TYPE.failed) this.settle.reject(new Error(message.error));
        return;
      }
      this.pending.delete(message.seq);
      if (message.type === TYPE.failed) request.reject(new Error(message.error));
      else request.resolve(message);
    }
  }

  fail(error) {
    this.error = error;
    this.settle.reject(error);
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }

  /** Send the message `make(seq)` builds; resolves to its reply. */
  request(make) {
    const seq = ++this.seq;
    if (this.error) return Promise.reject(this.error); // a worker that failed answers nothing: fail closed
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage(make(seq));
    });
  }

  search(query, lang, full, typing = false) {
    return this.request((seq) => TO_WORKER.search(seq, query, lang, full, typing));
  }

  article(id, lang) {
    return this.request((seq) => TO_WORKER.article(seq, lang, id));
  }
}

// The page's language as the site writes it: the index folder is search/<code>/ (zh-Hant is not zh).
let lang = pageTag();
let client = new Client(lang, takeWorker(lang));

/** Whether `text` holds a recovery phrase, a key or similar ("block"), a maybe-secret, or nothing. */
async function secrecy(text) {
  const { findSecrets, mustBlock } = await secrets;
  const found = await findSecrets(text);
  if (mustBlock(found).length) return "block";
  return found.length ? "unsure" : "none";
}

async function secretResults(language) {
  const meta = await client.ready;
  if (!meta.secret) return [];
  const reply = await client.article(meta.secret[0], language || lang);
  return reply.results;
}

const publicFields = ({ id, url, title, lang: language, score }) => ({ id, url, title, lang: language, score });

/**
 * Search the help center: a Promise of [{id, url, title, lang, score}], best first, one entry per
 * article: the ranking the search box shows once the whole index is loaded.
 */
async function search(query, { lang: language } = {}) {
  const text = String(query ?? "");
  if (!text.trim()) return [];
  if ((await secrecy(text)) === "block") return (await secretResults(language)).map(publicFields);
  await client.ready;
  const reply = await client.search(text, language || lang, true);
  return reply.results.map(publicFields);
}

register("search", search);

// --- The search box ---------------------------------------------------------------------------

function icon(...names) {
  return names.map((name) => {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  });
}

/** Text with <mark> around matches, from [text, marked] segments: text nodes only, never HTML. */
function marked(segments) {
  return (segments || []).map(([text, mark]) => (mark ? h("mark", { text }) : document.createTextNode(text)));
}

class SearchBox {
  constructor(header, toggle) {
    this.toggle = toggle;
    this.strings = {};
    this.meta = null;
    this.seq = 0;
    this.items = [];
    this.active = -1;
    this.query = "";
    this.build(header);
    this.bind();
  }

  build(header) {
    this.input = h("input", {
      type: "text", className: "md-search__input", name: "query", autocapitalize: "off", autocorrect: "off",
      autocomplete: "off", spellcheck: "false", role: "combobox", "aria-autocomplete": "list",
      "aria-expanded": "false", "aria-controls": "hc-search-results", "data-hc-search-input": true,
    });
    this.reset = h("button", { type: "reset", className: "md-search__icon md-icon", tabindex: "-1" }, icon("close"));
    this.form = h("form", { className: "md-search__form", role: "search", "data-hc-search-form": true },
      this.input,
      h("label", { className: "md-search__icon md-icon", for: "__search" }, icon("magnify", "back")),
      h("nav", { className: "md-search__options" }, this.reset));
    this.status = h("div", { className: "md-search-result__meta", "aria-live": "polite" });
    this.list = h("ol", { className: "md-search-result__list", id: "hc-search-results", role: "listbox" });
    this.extra = h("div", { className: "hc-search__extra" });
    // Scrollable by keyboard (search.css hides it, and so takes it out of the Tab order, while closed).
    this.scrollwrap = h("div", { className: "md-search__scrollwrap", tabindex: "0" },
      h("div", { className: "md-search-result" }, this.status, this.extra, this.list));
    this.root = h("div", { className: "md-search hc-search", role: "dialog", "aria-modal": "true" },
      h("label", { className: "md-search__overlay", for: "__search" }),
      h("div", { className: "md-search__inner" }, this.form,
        h("div", { className: "md-search__output" }, this.scrollwrap)));
    // A keyboard stop where the header shows only this button (narrow screens, 200 % zoom).
    this.button = h("label", { className: "md-header__button md-icon", for: "__search", role: "button",
                               tabindex: "0", "data-hc-search-button": true }, icon("magnify"));
    const source = header.querySelector(".md-header__source");
    header.insertBefore(this.button, source);
    header.insertBefore(this.root, source);
  }

  bind() {
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.go(); });
    this.form.addEventListener("reset", () => { setTimeout(() => { this.run(""); this.input.focus(); }); });
    this.input.addEventListener("input", () => {
      if (!this.toggle.checked) this.setOpen(true);
      this.run(this.input.value);
    });
    // A click or "/" opens the box; Tab only passes through the field (it opens on typing), so a
    // keyboard can move past the search to the page instead of landing in a dialog it must leave.
    this.input.addEventListener("focus", () => { if (!this.toggle.checked && !this.tabbing) this.setOpen(true); });
    this.input.addEventListener("keydown", (event) => this.onKey(event));
    this.button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      this.setOpen(true);
    });
    // A dialog: Tab stays inside while it is open, Esc closes it from anywhere inside, and focus goes
    // back to where it was (the search field itself when the box was opened from there).
    this.root.addEventListener("keydown", (event) => this.trap(event));
    document.addEventListener("keydown", (event) => { if (event.key === "Tab") this.tabbing = true; }, true);
    document.addEventListener("keyup", (event) => { if (event.key === "Tab") this.tabbing = false; }, true);
    this.toggle.addEventListener("change", () => {
      this.input.setAttribute("aria-expanded", String(this.toggle.checked));
      this.activate(-1); // reopened: arrows start again from the query
      if (this.toggle.checked) {
        const before = document.activeElement;
        this.opener = before && before !== document.body ? before : null; // "/" on the page: back to the page
        this.input.focus();
      } else {
        this.close();
        this.restoreFocus();
      }
    });
    document.addEventListener("keydown", (event) => {
      // Material's keys: / s f open the search from anywhere but a text field.
      if (event.ctrlKey || event.metaKey || event.altKey || this.toggle.checked) return;
      if (!["/", "s", "f"].includes(event.key) || isEditable(event.target)) return;
      event.preventDefault();
      this.setOpen(true);
    });
  }

  /** An instant navigation showed another page: close the box; another language gets its own worker. */
  follow() {
    if (this.toggle.checked) this.setOpen(false);
    const next = pageTag();
    if (next === lang) return;
    client.worker.terminate();
    client.ready.catch(() => {}); // nobody waits on the old worker any more
    client.fail(new Error("search: the page changed language"));
    lang = next;
    client = new Client(lang);
    this.query = "";
    this.input.value = "";
    this.list.replaceChildren();
    this.start();
  }

  async start() {
    try {
      this.meta = await client.ready;
    } catch (error) {
      this.status.textContent = "";
      return;
    }
    this.strings = this.meta.strings || {};
    this.input.placeholder = this.strings.placeholder || "";
    this.input.setAttribute("aria-label", this.strings.placeholder || "");
    this.root.setAttribute("aria-label", this.strings.placeholder || "");
    this.button.setAttribute("aria-label", this.strings.placeholder || "");
    this.reset.setAttribute("aria-label", this.strings.reset || "");
    this.reset.title = this.strings.reset || "";
    if (!this.query) this.status.textContent = this.strings.typing || "";
  }

  /** The reader leaves the box: tell tickets.js what was searched, unless it may hold a secret. */
  async close() {
    this.input.blur();
    const text = this.query.trim();
    if (!text || (await secrecy(text)) !== "none" || text !== this.query.trim()) return;
    emit(EVENTS.search, { query: text });
  }

  /** Keep Tab inside the open box; Esc closes it from any of its controls. */
  trap(event) {
    if (!this.toggle.checked || event.defaultPrevented) return;
    if (event.key === "Escape") {
      event.preventDefault();
      this.setOpen(false);
      return;
    }
    if (event.key !== "Tab") return;
    const stops = [...this.root.querySelectorAll("input, button, a[href], [tabindex]")]
      .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length);
    if (!stops.length) return;
    const first = stops[0];
    const last = stops[stops.length - 1];
    const current = document.activeElement;
    if (event.shiftKey ? current === first || !this.root.contains(current) : current === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }

  /** Focus where it was before the box opened; the field stays closed when focus returns to it. */
  restoreFocus() {
    const target = this.opener;
    this.opener = null;
    if (!target || !target.isConnected || !target.getClientRects().length) return;
    this.tabbing = true; // not a reason to open again
    target.focus();
    this.tabbing = false;
  }

  setOpen(open) {
    this.toggle.checked = open;
    this.toggle.dispatchEvent(new Event("change"));
  }

  onKey(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      this.setOpen(false);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!this.items.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.activate((this.active + step + this.items.length) % this.items.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      this.go();
    }
  }

  activate(index) {
    this.items.forEach((item, i) => {
      item.classList.toggle("hc-search__item--active", i === index);
      item.firstChild.setAttribute("aria-selected", String(i === index));
    });
    this.active = index;
    const item = this.items[index];
    if (item) {
      this.input.setAttribute("aria-activedescendant", item.firstChild.id);
      item.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  async go() {
    // Enter right after typing, before the whole answer is on screen: open the whole answer's first
    // result, not the first a keystroke could show (one picked with the arrows is opened as it is).
    if (this.active < 0 && this.query.trim() && this.whole !== this.query) await this.run(this.query, true);
    const item = this.items[Math.max(this.active, 0)];
    const link = item && item.querySelector("a");
    if (link) window.location.assign(link.href);
  }

  /**
   * Search for `value` and show it. A keystroke is answered from what the worker holds as far as it
   * can (no request once the shards its words need are here); when that answer was left incomplete
   * (rows, section texts or shards of rarer prefixes still to fetch), the whole answer is asked for
   * once the reader pauses, and shown keeping the selection (`settled`).
   */
  async run(value, settled = false) {
    const seq = ++this.seq;
    this.query = value;
    const text = value.trim();
    if (!text) {
      this.show(seq, { state: "empty" });
      return;
    }
    const secret = await secrecy(text);
    if (seq !== this.seq) return;
    if (secret === "block") {
      this.show(seq, { state: "secret", results: await secretResults(lang) });
      return;
    }
    // Sent without waiting for the worker's ready: it is queued behind configure (worker.js), so the
    // first query's shards are fetched as soon as meta.json is there, not a round trip later.
    const reply = await client.search(text, lang, false, !settled);
    if (seq !== this.seq) return;
    // "Nothing found" only from a whole answer: a keystroke's may have found nothing yet.
    if (!reply.results.length && reply.partial.length && !settled) {
      this.run(value, true);
      return;
    }
    // A keystroke's answer still waiting for the whole one is busy: a screen reader announces the
    // count of the whole answer, not of the results whose rows happened to be here.
    this.show(seq, { state: reply.results.length ? "results" : "none", results: reply.results, secret,
                     quiet: settled, busy: Boolean(reply.partial.length) && !settled });
    this.whole = reply.partial.length ? null : value;
    if (reply.partial.length && !settled) {
      setTimeout(() => { if (seq === this.seq) this.run(value, true); }, SETTLE_MS);
    }
  }

  show(seq, { state, results = [], secret = "none", quiet = false, busy = false }) {
    if (seq !== this.seq) return; // a newer keystroke already answered
    const s = this.strings;
    for (const region of [this.status, this.list]) {
      if (busy) region.setAttribute("aria-busy", "true");
      else region.removeAttribute("aria-busy");
    }
    const keep = quiet ? this.active : -1;
    this.extra.replaceChildren();
    this.root.dataset.hcState = state;
    if (state === "empty") {
      this.status.textContent = this.meta ? s.typing || "" : s.loading || "";
    } else if (state === "secret") {
      this.status.textContent = "";
      this.extra.append(h("div", { className: "hc-search__secret", role: "alert" },
        h("p", { className: "hc-search__secret-title", text: s.secret_title || "" }),
        h("p", { text: s.secret_text || "" })));
    } else if (state === "none") {
      this.status.textContent = s.none || "";
      this.extra.append(this.noResults(secret === "none" ? this.query.trim() : null));
    } else {
      const count = results.length;
      this.status.textContent = count === 1 ? s.one || "" : (s.other || "").replace("#", String(count));
    }
    this.root.dataset.hcCount = String(results.length);  // for insights.js: how many this query found
    this.items = results.filter((r) => r.display).map((r, i) => this.item(r, i));
    this.list.replaceChildren(...this.items);
    this.activate(keep < this.items.length ? keep : -1);
  }

  item(result, i) {
    const view = result.display;
    const article = h("article", { className: "md-search-result__article md-typeset" },
      h("div", { className: "md-search-result__icon md-icon" }),
      h("h1", {}, marked(view.title)));
    if (result.lang !== lang && this.meta && this.meta.languages) {
      article.firstChild.nextSibling.append(" ", h("span", { className: "hc-search__lang",
        text: this.meta.languages[result.lang] || result.lang }));
    }
    if (view.heading && view.heading.length) article.append(h("h2", {}, marked(view.heading)));
    if (view.snippet && view.snippet.length) article.append(h("p", {}, marked(view.snippet)));
    // The link is the option (an option may hold no link: axe's nested-interactive); the item is
    // only its place in the list.
    const link = h("a", { href: result.url, className: "md-search-result__link", tabindex: "-1",
                          id: `hc-search-result-${i}`, role: "option", "aria-selected": "false" }, article);
    return h("li", { className: "md-search-result__item", role: "none", "data-hc-id": result.id }, link);
  }

  noResults(query) {
    const s = this.strings;
    const topics = ((this.meta && this.meta.categories) || []).slice(0, TOPICS_SHOWN);
    const context = { source: "search", lang };
    if (query) context.query = query;
    return h("div", { className: "hc-search__none md-typeset" },
      topics.length ? h("p", { className: "hc-search__heading", text: s.topics || "" }) : null,
      topics.length ? h("ul", { className: "hc-search__topics" },
        topics.map(([title, url]) => h("li", {}, h("a", { href: new URL(url, ROOT).href, text: title })))) : null,
      h("p", { className: "hc-search__heading", text: s.stuck || "" }),
      h("button", { type: "button", className: "md-button", "data-hc-ticket": true,
                    "data-hc-ticket-context": JSON.stringify(context), text: s.stuck_button || "" }));
  }
}

function isEditable(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

const header = document.querySelector(".md-header__inner");
const toggle = document.getElementById("__search");
if (header && toggle) {
  const box = new SearchBox(header, toggle);
  // What the box holds now, for a ticket opened while it is open (tickets.js checks it for secrets).
  register("searchBox", { openQuery: () => box.input.value });
  box.start();
  if (initialQuery !== null && initialQuery.trim()) {
    box.input.value = initialQuery;
    box.setOpen(true);
    box.run(initialQuery);
  }
  // The box lives in the header, which Material's navigation.instant keeps: it stays (and so does
  // its worker, with the index it loaded) unless the next page is in another language.
  onPage((page) => { if (page.number > 1) box.follow(); });
}
