// How our scripts talk to each other and to a site's own code: CustomEvents on document and the
// window.helpcenter API. Each feature registers what it offers and listens for what it needs here,
// so none reads another's DOM or globals directly.
//
// Events (detail):
//   helpcenter:search     {query}                  the reader closed the search box on a query that
//                                                  holds nothing like a secret
//   helpcenter:flowchart  ticket context           a troubleshooter step is shown
//   helpcenter:escalate   ticket context           an escalate leaf is shown
//   helpcenter:ticket     {stage, source, article} a ticket form was opened, a suggestion clicked, or sent
//   helpcenter:page       {number}                 every feature has set up a page (shared/page.js: on each
//                                                  of Material's instant navigations too)
// API (window.helpcenter):
//   search(query, {lang}), searchBox.openQuery()   search/search.js
//   tickets.findSecrets(text)                      firewall/secrets.js
//   tickets.open(context), tickets.compose(…)      tickets/tickets.js
//   flowchart.state(), flowchart.ticketContext()   flowcharts/flowchart.js

export const EVENTS = Object.freeze({
  search: "helpcenter:search",
  flowchart: "helpcenter:flowchart",
  escalate: "helpcenter:escalate",
  ticket: "helpcenter:ticket",
});

/** Dispatch one of EVENTS on document. */
export function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

/** Call `listener(detail)` on each of one of EVENTS. */
export function listen(name, listener) {
  document.addEventListener(name, (event) => listener(event.detail));
}

/** Offer `value` as window.helpcenter[name]: a function as it is, an object's members merged in. */
export function register(name, value) {
  const root = (window.helpcenter = window.helpcenter || {});
  if (typeof value === "function") root[name] = value;
  else root[name] = Object.assign(Object.hasOwn(root, name) ? root[name] : {}, value);
}

/** window.helpcenter[name][member] when another script (or the site) registered it, else undefined. */
export function lookup(name, member) {
  const root = window.helpcenter;
  const entry = root && Object.hasOwn(root, name) ? root[name] : undefined;
  if (member === undefined || entry === undefined || entry === null) return entry;
  return Object.hasOwn(entry, member) ? entry[member] : undefined;
}
