// Twin of helpcenter/insights/events.py (tests/fixtures/insights/query-vectors.yml pins both), and the
// Plausible form of our events. Loaded with the firewall on the first search (or at once for Plausible).

const B58 = "[1-9A-HJ-NP-Za-km-z]";
// Pasted hashes and addresses lead to a reader's wallet: only their class is kept.
const IDS = [
  ["<txid>", "(?:0[xX])?[0-9a-fA-F]{64}"],
  ["<address>", "0[xX][0-9a-fA-F]{40}"],
  ["<address>", `T${B58}{33}`],
  ["<address>", "(?:[bB][cC]1|[tT][bB]1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}"],
  ["<address>", `[13](?=${B58}*[A-HJ-NP-Za-km-z])${B58}{25,34}`],
].map(([token, re]) => [token, new RegExp(`(?<![0-9A-Za-z])${re}(?![0-9A-Za-z])`, "g")]);
// Not \s, which differs between Python and JavaScript.
const SPACE = /[\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** NFKC; hashes → <txid>, addresses → <address>; lower case; one space; at most 100 code points, cut
 * before a placeholder the cut would split. */
export function normalizeQuery(text) {
  let value = String(text).normalize("NFKC");
  for (const [token, re] of IDS) value = value.replace(re, token);
  value = value.toLowerCase().replace(SPACE, " ").trim();
  let cut = 100;
  for (const found of value.matchAll(/<address>|<txid>/g)) {
    const start = [...value.slice(0, found.index)].length;  // code points, as Python counts
    if (start < cut && start + found[0].length > 100) cut = start;
  }
  return [...value].slice(0, cut).join("").trimEnd();
}

/** A Plausible custom event (POST /api/event): {name, url, domain, props}, props as strings; the URL
 * without ?… or #…, which may hold what the reader typed. */
export function plausible({ type, ...fields }, domain) {
  const props = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) props[key] = String(value);
  return JSON.stringify({ name: type, url: location.origin + location.pathname, domain: domain || location.hostname,
    props });
}
