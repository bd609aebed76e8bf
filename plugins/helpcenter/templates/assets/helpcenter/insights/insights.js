// Insights: "Was this helpful?" and what readers do, for the site's own collector (README: Insights).
// Nothing leaves without an endpoint, under GPC or Do Not Track, or before Material's cookie consent;
// no cookies, storage or identifiers. Typed text passes the secret firewall first.

import { EVENTS, listen } from "../shared/events.js";
import { onPage, readJson } from "../shared/page.js";

export const firewall = () => import("../firewall/secrets.js");
const meta = (name) => document.querySelector(`meta[name="helpcenter:${name}"]`);
const config = meta("insights") || document.createElement("meta");
const endpoint = config.content;
const lang = config.dataset.lang || document.documentElement.lang;
const queue = [];

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

// Search: one event per query settled on (a result opened, Enter, the box closed, the page left, 2 s idle).
let search = null;
let idle = 0;

document.addEventListener("input", ({ target }) => {
  if (!target.matches("[data-hc-search-input]")) return;
  clearTimeout(idle);
  const raw = target.value;
  const mine = {};
  mine.checked = raw.trim() && Promise.all([import("./events.js"), firewall()]).then(async ([events, fw]) => {
    const query = events.normalizeQuery(raw);
    const flagged = fw.mustBlock([...await fw.findSecrets(raw), ...await fw.findSecrets(query)]).length;
    mine.fields = flagged ? { sensitive: true } : query && { query };
    // A phrase typed with pauses: the parts settled before it was recognisable are withdrawn, unsent.
    if (flagged) queue.splice(0, Infinity, ...queue.filter((e) => !e.query || !query.startsWith(e.query)));
  });
  search = mine;
  idle = setTimeout(settle, 2000);
});

let settled = null;  // the search event queued last: the same query typed on (a longer one) replaces it

function settle(item, now) {
  clearTimeout(idle);
  const current = search;
  if (!current || !current.checked) return;
  const box = document.querySelector(".hc-search");
  const seen = { results: Number(box && box.dataset.hcCount) || 0, clicked: null, rank: null };
  if (item && item.dataset.hcId) {
    Object.assign(seen, { clicked: item.dataset.hcId, rank: 1 + [...item.parentNode.children].indexOf(item) });
  }
  const record = () => {
    const { fields, event } = current;
    if (!fields) return;  // not checked yet: nothing unchecked ever leaves
    if (event) {  // settled (idle), then a result opened: the same search, with its click
      if (seen.clicked && !fields.sensitive && queue.includes(event)) Object.assign(event, seen);
      return;
    }
    const last = queue.indexOf(settled);
    const same = fields.sensitive ? settled && settled.sensitive : settled && settled.query
      && fields.query.startsWith(settled.query);
    if (last >= 0 && same) queue.splice(last, 1);  // typed on after a pause: one search
    current.event = settled = emit({ type: "search", ...(fields.sensitive ? fields : { ...fields, ...seen }) });
  };
  if (now) record();
  else current.checked.then(record);
}

const RESULT = "#hc-search-results > li";
document.addEventListener("keydown", ({ key, target }) => {
  // Enter opens the highlighted result, else the first (search.js).
  if (key === "Enter" && target.matches("[data-hc-search-input]")) {
    settle(document.querySelector(`${RESULT}[aria-selected=true]`) || document.querySelector(RESULT));
  }
}, true);
document.addEventListener("click", ({ target }) => {
  if (target.closest(RESULT)) settle(target.closest(RESULT));
}, true);
const toggle = document.getElementById("__search");
if (toggle) toggle.addEventListener("change", () => toggle.checked || settle());

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
  const box = document.querySelector("[data-hc-feedback]");
  if (box) {
    page.on(box, "click", ({ target }) => {
      const button = target.closest("[data-hc-vote]");
      if (button) import("./feedback.js").then((feedback) => feedback.vote(box, button));
    });
    box.hidden = false;
  }
  const article = (meta("id") || {}).content;
  if (article) emit({ type: "view", article });
  return () => leave(true);
});

/** Said when the reader leaves (feedback.js: a No without its reasons). */
export const leaving = [];

function leave(left) {
  settle(null, true);
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
