// Searches for insights.js: one event per query the reader settles on (opens a result, presses Enter,
// closes the box, leaves the page, or stops typing for 2 s), never per keystroke. Loaded with the
// first keystroke in the search box; every query passes the secret firewall before it may count.

import { normalizeQuery } from "./events.js";
import { emit, firewall, queue, settlers } from "./insights.js";

let search = null;  // the query typed last: {checked: Promise, fields once checked, event once settled}
let idle = 0;

/** The reader typed `raw` into the search box: check it now, settle it after 2 s without typing. */
export function typed(raw) {
  clearTimeout(idle);
  const mine = {};
  mine.checked = raw.trim() && firewall().then(async ({ findSecrets, mustBlock }) => {
    const query = normalizeQuery(raw);
    const flagged = mustBlock([...await findSecrets(raw), ...await findSecrets(query)]).length;
    mine.fields = flagged ? { sensitive: true } : query && { query };
    // A phrase typed with pauses: the parts settled before it was recognisable are withdrawn, unsent.
    if (flagged) queue.splice(0, Infinity, ...queue.filter((e) => !e.query || !query.startsWith(e.query)));
  });
  search = mine;
  idle = setTimeout(settle, 2000);
}

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
settlers.push(() => settle(null, true));
