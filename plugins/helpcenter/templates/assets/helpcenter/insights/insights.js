// Insights: "Was this helpful?" and what readers do, for the site's own collector (README: Insights).
// Nothing leaves without an endpoint, under GPC or Do Not Track, or before Material's cookie consent;
// no cookies, storage or identifiers. Typed text passes the secret firewall first.

import { EVENTS, listen } from "../shared/events.js";
import { onPage, readJson } from "../shared/page.js";

export const firewall = () => import("../firewall/secrets.js");
const meta = (name) => document.querySelector(`meta[name="helpcenter:${name}"]`);
const config = meta("insights") || document.createElement("meta");
const endpoint = config.content;
let lang = "";  // the page's (it changes with Material's instant navigation)
export const queue = [];

function allowed() {
  if (!endpoint || navigator.globalPrivacyControl || navigator.doNotTrack === "1") return false;
  if (!document.getElementById("__consent")) return true;  // the site asks for no consent
  try {
    return Boolean(window.__md_get("__consent").analytics);
  } catch (error) {
    return false;  // no (readable) consent yet
  }
}

export function emit(event) {
  if (!allowed()) return null;
  queue.push({ type: event.type, lang, ...event });
  if (queue.length >= 50) flush();
  return queue[queue.length - 1];
}

/** Bodies of at most 50 events and 8 KiB (the collector's limits). */
function batches(events) {
  const bodies = [[]];
  let size = 0;
  for (const event of events) {
    const bytes = new Blob([JSON.stringify(event)]).size + 1;
    size += bytes;
    if (bodies[0].length && (bodies[0].length > 49 || size > 8190)) {
      bodies.unshift([]);
      size = bytes;
    }
    bodies[0].push(event);
  }
  return bodies.map((body) => JSON.stringify(body));
}

// Plausible takes one custom event a request (events.js writes it).
let plausible = null;
if (config.dataset.format === "plausible") {
  import("./events.js").then((events) => { plausible = (event) => events.plausible(event, config.dataset.domain); });
}

function flush() {
  if (!plausible && config.dataset.format === "plausible") return;
  const events = queue.splice(0);
  if (!events.length || !allowed()) return;
  const bodies = plausible ? events.map(plausible) : batches(events);
  for (const body of bodies) {
    fetch(endpoint, { method: "POST", body, keepalive: true, credentials: "omit", mode: "no-cors" }).catch(() => {});
  }
}

// Searches (searches.js, loaded after the first keystroke in the search box) settle whenever the
// reader hides or leaves the page, through `settlers`. Each keystroke is handed over once the
// browser is idle: the search box answers first, insights never competes with it.
export const settlers = [];
const later = window.requestIdleCallback || setTimeout;
document.addEventListener("input", ({ target }) => {
  const value = target.value;
  if (!target.matches("[data-hc-search-input]")) return;
  later(() => import("./searches.js").then((searches) => searches.typed(value)), { timeout: 1000 });
});

// Troubleshooters: "step" at the first answer, then resolved, escalated, or abandoned (left mid-way).
const walks = {};

function walked(detail, escalated) {
  const { flowchart: flow = {} } = detail || {};
  const walk = walks[flow.id] || {};
  if (!flow.path || !flow.path.length) {
    if (walk.ended) delete walks[flow.id];  // back at the start after an ending: a new walk
    return;
  }
  walks[flow.id] = walk;
  const sent = (node, outcome) => emit({ type: "flowchart", flowchart: flow.id, node, outcome });
  if (!walk.node) sent(flow.path[0].node, "step");
  walk.node = flow.leaf;
  const root = [...document.querySelectorAll(".hc-flow__data")].map(readJson)
    .find((tree) => tree.tree === flow.id);
  const outcome = escalated ? "escalated" : root && root.nodes[flow.leaf].kind === "resolve" && "resolved";
  if (outcome && !walk.ended) walk.ended = sent(flow.leaf, outcome) || 1;
}

listen(EVENTS.flowchart, (detail) => walked(detail));
listen(EVENTS.escalate, (detail) => walked(detail, true));

// Tickets: opened, a suggested article clicked, sent (tickets.js tells).
listen(EVENTS.ticket, ({ stage, source, article: id }) => {
  emit({ type: "ticket", stage, source: source || "article", ...(id && { article: id }) });
});

// On every page, also after an instant navigation (Material's navigation.instant), which is a
// leave of the page before. "Was this helpful?" (partials/helpcenter/feedback.html): its code
// loads when a reader votes.
onPage((page) => {
  lang = (meta("insights") || config).dataset.lang || document.documentElement.lang;
  const box = document.querySelector("[data-hc-feedback]");
  if (box) {
    page.on(box, "click", ({ target }) => {
      const button = target.closest("[data-hc-vote]");
      if (button) import("./feedback.js").then((feedback) => feedback.vote(box, button));
    });
    // Its styles load once the page has (the question is hidden until then): never before the first
    // paint, nor holding up the load event.
    const show = () => {
      const style = document.querySelector("link[data-hc-insights]") || document.head.appendChild(Object.assign(
        document.createElement("link"), { rel: "stylesheet", href: new URL("insights.css", import.meta.url) }));
      style.dataset.hcInsights = "";
      if (style.sheet) box.hidden = false;
      else page.on(style, "load", () => { box.hidden = false; });
    };
    if (document.readyState === "complete") show();
    else page.on(window, "load", show);
  }
  const article = (meta("id") || {}).content;
  if (article) emit({ type: "view", article });
  return () => leave(true);
});

/** Said when the reader leaves (feedback.js: a No without its reasons). */
export const leaving = [];

function leave(left) {
  settlers.forEach((settle) => settle());
  if (left) {
    leaving.splice(0).forEach((last) => last());
    for (const [id, walk] of Object.entries(walks)) {
      if (!walk.ended) emit({ type: "flowchart", flowchart: id, node: walk.node, outcome: "abandoned" });
      walk.ended = 1;
    }
  }
  flush();
}

addEventListener("pagehide", () => leave(true));
document.addEventListener("visibilitychange", () => document.hidden && leave());
