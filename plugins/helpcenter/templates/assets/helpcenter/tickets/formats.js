// Field formats of the ticket form (rules from helpcenter/tickets/formats.yml, sent in tickets.json):
// addresses and transaction hashes per network, amounts, times, app versions. Messages are in the
// reader's language. A TRON address is also checked against its Base58Check checksum.

import { sha256 } from "../shared/sha256.js";

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** `table[key]` when it is the table's own (a field may be called "constructor"), else undefined. */
const own = (table, key) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

/** The network the reader named ("TRC20", "以太坊" …): a key of formats.networks, or "any". */
export function networkOf(text, formats) {
  const value = String(text || "").toLowerCase();
  for (const [key, words] of Object.entries(formats.networks || {})) {
    if (words.some((word) => value.includes(String(word).toLowerCase()))) return key;
  }
  return "any";
}

function base58(text) {
  const bytes = [0];
  for (const ch of text) {
    let carry = ALPHABET.indexOf(ch);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i += 1) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const ch of text) {
    if (ch !== "1") break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** Whether a Base58Check string's last 4 bytes are the double SHA-256 of the rest. */
export function base58check(text) {
  const bytes = base58(text);
  if (!bytes || bytes.length < 5) return false;
  const payload = bytes.slice(0, -4);
  const digest = sha256(sha256(payload));
  return bytes.slice(-4).every((byte, i) => byte === digest[i]);
}

/** null when `value` fits the field's format (or the field has none), else the message in `lang`. */
export function checkField(name, value, networkText, formats, lang) {
  const trimmed = String(value || "").trim();
  const kind = own(formats.fields, name);
  const rules = own(formats.rules, kind);
  if (!trimmed || !rules) return null;
  const rule = own(rules, networkOf(networkText, formats)) || own(rules, "any");
  if (!rule) return null;
  const ok = new RegExp(rule.pattern).test(trimmed) && (rule.check !== "base58check" || base58check(trimmed));
  return ok ? null : own(rule.message, lang) || rule.message.en;
}
