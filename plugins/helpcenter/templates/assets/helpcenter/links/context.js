// Context from the app in the link's fragment: /errors/OUT_OF_ENERGY/#hc:network=tron&tx_hash=…
//
// The fragment never reaches a server. It is removed from the address bar at once (so it is not
// bookmarked, shared or kept in history), then only the collectable fields of context.json are
// kept, each checked by the ticket form's formats and by the secret firewall (through the tickets
// API, window.helpcenter.tickets); anything else is dropped without a word. What passes prefills the
// ticket form and answers the troubleshooter's questions it matches (flowchart.prefill).
import { lookup } from "../shared/events.js";

const PREFIX = "#hc:";

/** The raw context of the address, removed from the address bar; null when there is none. */
export function takeContext() {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
  return hash.slice(PREFIX.length);
}

// Every module of the page has run (and registered its API) by DOMContentLoaded, which fires after
// them: listen from the start (readyState is already "interactive" while they run).
const loaded = new Promise((resolve) => {
  if (document.readyState === "complete") resolve();
  document.addEventListener("DOMContentLoaded", resolve, { once: true });
  window.addEventListener("load", resolve, { once: true });
});
const ready = () => loaded;

/** The fields of `raw` that pass: {name: value}; the rest is ignored. */
export async function acceptedFields(raw, config) {
  await ready();
  const findSecrets = lookup("tickets", "findSecrets");
  const checkFormat = lookup("tickets", "checkFormat");
  if (typeof findSecrets !== "function") return {}; // no firewall on this page: take nothing
  const wanted = new Map();
  for (const [name, value] of new URLSearchParams(raw)) {
    const text = value.trim();
    if (!config.fields.includes(name) || wanted.has(name) || !text || text.length > config.max_length) continue;
    wanted.set(name, text);
  }
  const network = wanted.get("network") || "";
  const accepted = {};
  for (const [name, text] of wanted) {
    const found = await findSecrets(text);
    // A transaction hash is 64 hex digits, which alone the firewall cannot tell from a key: in the
    // tx_hash field it stays (the form still asks the reader to confirm it); anything else found drops it.
    if (found.some((hit) => !(name === "tx_hash" && hit.kind === "ambiguous-hex"))) continue;
    if (typeof checkFormat === "function" && (await checkFormat(name, text, network))) continue;
    accepted[name] = text;
  }
  return accepted;
}

export async function applyContext(raw) {
  const config = await (await fetch(new URL("context.json", import.meta.url))).json();
  const fields = await acceptedFields(raw, config);
  if (!Object.keys(fields).length) return fields;
  const prefillTicket = lookup("tickets", "prefill");
  if (typeof prefillTicket === "function") prefillTicket(fields);
  const prefillFlow = lookup("flowchart", "prefill");
  // The troubleshooter answers from the fields its options can name (a network, a coin), never from ids.
  const answers = Object.fromEntries(["network", "asset"].filter((n) => Object.hasOwn(fields, n)).map((n) => [n, fields[n]]));
  if (typeof prefillFlow === "function") prefillFlow(answers);
  return fields;
}
