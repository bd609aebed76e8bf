// Guided troubleshooter: shows a tree one step at a time, each step at its own URL.
//
// URL of a step: ?step=<node id>&path=<node>.<node>… (the nodes answered before it, in order;
// "<node>_<n>" names the n-th answer when two answers of a question lead to the same node).
// pushState per step, so the browser's Back walks back through the steps and a reload or a shared
// link restores the step. Without JavaScript the template's anchors (#step-<node id>) do the job.
//
// Events: "helpcenter:flowchart" on every step and "helpcenter:escalate" on an escalate leaf, both
// on document with the ticket context as detail; the escalate leaf's [data-hc-ticket] button carries
// the same context as JSON in data-hc-ticket-context (tickets.js opens its form from it).
//
// Node ids are the writer's (any kebab-case word, "constructor" included): every lookup by id goes
// through a Map, never a plain object.

import { fill, h } from "../shared/dom.js";
import { EVENTS, emit, lookup, register } from "../shared/events.js";
import { copyButton, shortLink } from "../shared/copylink.js";
import { onPage, readJson } from "../shared/page.js";

const STEP = "step";
const PATH = "path";

/** A fragment as text; a malformed escape (a hand-edited link) is kept as written instead of throwing. */
function decodeFragment(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    return text;
  }
}

class Flow {
  constructor(root, page) {
    this.root = root;
    this.page = page; // listeners end when the reader leaves the page (shared/page.js)
    this.data = readJson(root.querySelector(".hc-flow__data"));
    this.nodes = new Map(Object.entries(this.data.nodes));
    this.strings = this.data.strings;
    this.app = root.querySelector(".hc-flow__app");
    this.steps = root.querySelector(".hc-flow__steps");
    this.allOpen = false;
    this.state = { node: this.data.start, path: [] };
    // Who leads to each node, to rebuild the answers of a link that names only ?step=.
    this.incoming = new Map();
    for (const [id, node] of this.nodes) {
      const targets = node.kind === "question" ? node.options.map((o, i) => [o.next, i])
        : node.kind === "step" ? [[node.next, null]] : [];
      for (const [next, option] of targets) {
        if (!this.incoming.has(next)) this.incoming.set(next, []);
        this.incoming.get(next).push({ node: id, option });
      }
    }
  }

  start() {
    this.root.classList.add("hc-flow--js");
    this.view = h("div", { className: "hc-flow__view" });
    this.live = h("p", { className: "hc-visually-hidden", "aria-live": "polite" });
    this.app.append(this.view, this.live);
    this.app.hidden = false;
    this.steps.addEventListener("click", (event) => this.onStepsClick(event));
    this.page.on(window, "popstate", () => this.show(this.read(), true));
    const hash = decodeFragment(window.location.hash.slice(1));
    if (hash.startsWith("step-") && this.nodes.has(hash.slice(5))) {
      // A no-JavaScript link (#step-<id>) opened with JavaScript on: the same step, in the query form.
      const id = hash.slice(5);
      history.replaceState(history.state, "", this.url({ node: id, path: this.onlyPath(id) || [] }));
    }
    const deep = new URLSearchParams(window.location.search).has(STEP);
    this.show(this.read(), deep);
    if (hash === "hc-flow-all") this.toggleAll(true);
  }

  /** The step in the address bar; an unknown step or a path that doesn't lead there is dropped. */
  read() {
    const params = new URLSearchParams(window.location.search);
    const id = params.get(STEP);
    if (!id || !this.nodes.has(id)) return { node: this.data.start, path: [] };
    return { node: id, path: this.decode(params.get(PATH), id) || this.onlyPath(id) || [] };
  }

  decode(raw, id) {
    if (raw === null) return null;
    const entries = raw ? raw.split(".").map((entry) => entry.split("_")) : [];
    const path = [];
    let expected = this.data.start;
    for (let i = 0; i < entries.length; i += 1) {
      const [nodeId, number] = entries[i];
      const node = this.nodes.get(nodeId) || null;
      if (!node || nodeId !== expected) return null;
      const next = i + 1 < entries.length ? entries[i + 1][0] : id;
      let option = null;
      if (node.kind === "question") {
        option = number ? Number(number) - 1 : node.options.findIndex((o) => o.next === next);
        if (!node.options[option] || node.options[option].next !== next) return null;
      } else if (node.kind !== "step" || node.next !== next) {
        return null;
      }
      path.push({ node: nodeId, option });
      expected = next;
    }
    return expected === id ? path : null;
  }

  encode(path) {
    return path.map(({ node, option }) => {
      const step = this.nodes.get(node);
      if (step.kind !== "question") return node;
      const next = step.options[option].next;
      return step.options.filter((o) => o.next === next).length > 1 ? `${node}_${option + 1}` : node;
    }).join(".");
  }

  /** The answers that lead to `id` when there is only one way to get there, else null. */
  onlyPath(id) {
    const path = [];
    const seen = new Set();
    for (let current = id; current !== this.data.start; current = path[0].node) {
      const from = this.incoming.get(current) || [];
      if (from.length !== 1 || seen.has(current)) return null;
      seen.add(current);
      path.unshift(from[0]);
    }
    return path;
  }

  url(state) {
    const url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.delete(STEP);
    url.searchParams.delete(PATH);
    if (state.node !== this.data.start || state.path.length) url.searchParams.set(STEP, state.node);
    if (state.path.length) url.searchParams.set(PATH, this.encode(state.path));
    return url.href;
  }

  go(state) {
    history.pushState({ hcFlow: this.data.tree, from: window.location.href }, "", this.url(state));
    this.show(state, true);
  }

  back() {
    const { path } = this.state;
    const previous = { node: path[path.length - 1].node, path: path.slice(0, -1) };
    // Step back through history when the previous entry is that step, so Back and the browser agree.
    if (history.state && history.state.hcFlow === this.data.tree && history.state.from === this.url(previous)) {
      history.back();
    } else {
      this.go(previous);
    }
  }

  choose(option) {
    const node = this.nodes.get(this.state.node);
    const next = node.kind === "question" ? node.options[option].next : node.next;
    this.go({ node: next, path: [...this.state.path, { node: this.state.node, option }] });
  }

  show(state, moveFocus) {
    this.state = state;
    const node = this.nodes.get(state.node);
    const number = state.path.length + 1;
    const title = node.kind === "resolve" ? this.strings.resolved
      : node.kind === "escalate" ? this.strings.escalate_title : node.text;
    const heading = h("h3", { className: "hc-flow__text", id: "hc-flow-current", tabindex: "-1" }, title);
    // Copy link: the short link to this step (/a/<id>/?step=<node>), in each reader's language; last of the
    // controls, so the keyboard reaches the answers first.
    const copy = shortLink() && copyButton({ label: this.strings.copy_link, done: this.strings.link_copied,
      failed: (url) => url, url: () => shortLink({ step: state.node }) });
    const context = this.ticketContext();
    this.view.replaceChildren(...[
      h("p", { className: "hc-flow__progress" }, fill(this.strings.progress, { n: number })),
      heading,
      this.body(node, context),
      this.controls(copy),
      this.answers(),
    ].filter(Boolean));
    this.live.textContent = moveFocus ? fill(this.strings.announce, { n: number, text: title }) : "";
    if (moveFocus) heading.focus();
    emit(EVENTS.flowchart, context);
    if (node.kind === "escalate") emit(EVENTS.escalate, context);
  }

  body(node, context) {
    if (node.kind === "question") {
      return h("div", { className: "hc-flow__options", role: "group", "aria-labelledby": "hc-flow-current" },
        node.options.map((option, i) => h("button", { type: "button", className: "hc-flow__option",
          onclick: () => this.choose(i) }, option.label)));
    }
    if (node.kind === "step") {
      return h("div", { className: "hc-flow__options" }, h("button", { type: "button", className: "hc-flow__option",
        onclick: () => this.choose(null) }, this.strings.next_step));
    }
    if (node.kind === "resolve") {
      const article = node.article;
      return h("div", {}, h("p", {}, node.text), article && h("a", { className: "hc-flow__article", href: article.url,
        hreflang: article.lang !== this.data.lang && article.lang },
      h("strong", {}, article.title), h("span", {}, article.summary)));
    }
    return h("div", {},
      h("p", {}, node.text),
      this.data.neverAsk !== false && h("p", { className: "hc-flow__notice", role: "note" }, this.strings.never_ask),
      node.collect.length ? [h("p", {}, this.strings.collect_intro),
        h("ul", { className: "hc-flow__collect" }, node.collect.map((item) => h("li", {}, item.label)))] : null,
      h("button", { type: "button", className: "md-button md-button--primary hc-flow__ticket", "data-hc-ticket": true,
        "data-hc-ticket-context": JSON.stringify(context), onclick: () => this.onTicket() }, this.strings.open_ticket));
  }

  controls(copy) {
    const atStart = this.state.node === this.data.start && !this.state.path.length;
    return h("div", { className: "hc-flow__controls" },
      this.state.path.length > 0 && h("button", { type: "button", className: "hc-flow__control",
        onclick: () => this.back() }, this.strings.back),
      !atStart && h("button", { type: "button", className: "hc-flow__control",
        onclick: () => this.go({ node: this.data.start, path: [] }) }, this.strings.start_over),
      h("button", { type: "button", className: "hc-flow__control hc-flow__toggle", "aria-controls": "hc-flow-all",
        "aria-expanded": String(this.allOpen), onclick: () => this.toggleAll(!this.allOpen) },
      this.allOpen ? this.strings.hide_all : this.strings.show_all), copy || null);
  }

  answers() {
    if (!this.state.path.length) return null;
    return h("div", { className: "hc-flow__answers" },
      h("p", { className: "hc-flow__answers-title", id: "hc-flow-answers" }, this.strings.answers),
      h("ol", { "aria-labelledby": "hc-flow-answers" }, this.state.path.map((entry, i) => {
        const { ask, answer } = this.describe(entry);
        return h("li", {}, h("button", { type: "button", className: "hc-flow__answer",
          "aria-label": `${ask} ${answer}. ${fill(this.strings.change_answer, { text: ask })}`,
          onclick: () => this.go({ node: entry.node, path: this.state.path.slice(0, i) }) },
        h("span", { className: "hc-flow__ask" }, ask), " ", h("strong", {}, answer)));
      })));
  }

  describe({ node, option }) {
    const step = this.nodes.get(node);
    return { node, ask: step.text, answer: step.kind === "question" ? step.options[option].label : this.strings.next_step };
  }

  /** What a support ticket should carry about this walk (the contract with tickets.js). */
  ticketContext() {
    const leaf = this.nodes.get(this.state.node);
    return {
      source: "flowchart",
      article: this.data.article,
      flowchart: { id: this.data.tree, path: this.state.path.map((entry) => this.describe(entry)),
        leaf: this.state.node, to: leaf.to || "" },
      collect: (leaf.collect || []).map((item) => item.name),
      lang: this.data.lang,
    };
  }

  /** From the first question: answer each question whose one option names a value ({network: "tron"}). */
  prefill(values) {
    if (this.state.node !== this.data.start || this.state.path.length) return;
    const words = Object.values(values || {}).map((v) => String(v).toLowerCase()).filter(Boolean);
    const names = (label, word) => label.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(word);
    const path = [];
    let id = this.state.node;
    for (let guard = 0; guard < this.nodes.size; guard += 1) {
      const node = this.nodes.get(id);
      if (node.kind !== "question") break;
      const found = node.options.flatMap((o, i) => (words.some((w) => names(o.label, w)) ? [i] : []));
      if (found.length !== 1) break;
      path.push({ node: id, option: found[0] });
      id = node.options[found[0]].next;
    }
    if (!path.length) return;
    history.replaceState(history.state, "", this.url({ node: id, path }));
    this.show({ node: id, path }, false);
  }

  onTicket() {
    // tickets.js handles [data-hc-ticket] itself; without it, lead to the article's Still stuck? box.
    if (typeof lookup("tickets", "open") === "function") return;
    const box = document.getElementById("hc-still-stuck");
    if (!box) return;
    if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "-1");
    box.scrollIntoView({ block: "start" });
    box.focus({ preventScroll: true });
  }

  toggleAll(open) {
    this.allOpen = open;
    this.steps.toggleAttribute("data-all", open);
    const toggle = this.view.querySelector(".hc-flow__toggle");
    if (toggle) {
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? this.strings.hide_all : this.strings.show_all;
    }
    if (open) this.steps.focus({ preventScroll: false });
  }

  onStepsClick(event) {
    // In the "show all steps" view a step's link opens that step in the widget.
    const link = event.target.closest('a[href^="#step-"]');
    if (!link) return;
    const id = decodeFragment(link.getAttribute("href").slice("#step-".length));
    if (!this.nodes.has(id)) return;
    event.preventDefault();
    this.toggleAll(false);
    this.go({ node: id, path: this.onlyPath(id) || [] });
  }
}

let flows = [];

// On every page, also after an instant navigation (Material's navigation.instant).
onPage((page) => {
  flows = [...document.querySelectorAll("[data-hc-flow]")].map((root) => new Flow(root, page));
  flows.forEach((flow) => flow.start());
  return () => { flows = []; };
});

register("flowchart", {
  /** The current step of the page's troubleshooter: {node, path: [{node, option}]}, or null. */
  state: () => (flows[0] ? { node: flows[0].state.node, path: flows[0].state.path.map((e) => ({ ...e })) } : null),
  /** The ticket context of the current step (also on any step, not just escalate leaves), or null. */
  ticketContext: () => (flows[0] ? flows[0].ticketContext() : null),
  /** Answer the questions the app's context names (links/context.js): {network: "tron"}. */
  prefill: (values) => flows.forEach((flow) => flow.prefill(values)),
});
