// Whether a window of list words is a whole seed: the check each wallet makes before it accepts one.
//
// Twin of helpcenter/firewall/checksums.py (the table of schemes, lengths and checks is there):
// BIP-39's SHA-256 checksum, Electrum 2.0+'s version hash (HMAC-SHA512), Monero's CRC-32 checksum
// word and SLIP-39's RS1024. Synchronous and self-contained: crypto.subtle is async and missing
// outside secure contexts. The SHA-512 constants are computed (cube and square roots of primes),
// not transcribed.

import { sha256 } from "../shared/sha256.js";

export const BIP39_LENGTHS = [12, 15, 18, 21, 24];
const ELECTRUM_LENGTHS = [12, 13];
const ELECTRUM_VERSIONS = ["01", "100", "101", "102"];  // standard, segwit, 2fa, 2fa-segwit
export const LENGTHS = {
  bip39: [...new Set([...BIP39_LENGTHS, ...ELECTRUM_LENGTHS])].sort((a, b) => a - b),
  monero: [25],
  "electrum-old": [12, 24],
  slip39: [20, 33],
};
// MyMonero's short seeds (12 + 1 words) exist in English only (see checksums.py).
export const EXTRA_LENGTHS = { monero_english: [13] };
const SLIP39_CUSTOM = ["shamir", "shamir_extendable"];
const RS1024_GEN = [0xe0e040, 0x1c1c080, 0x3838100, 0x7070200, 0xe0e0009, 0x1c0c2412, 0x38086c24, 0x3090fc48,
  0x21b1f890, 0x3f3f120];
const ENCODER = new TextEncoder();

/** BIP-39: the first ENT bits are entropy, the rest the start of SHA-256(entropy). */
export function bip39(indices) {
  if (!BIP39_LENGTHS.includes(indices.length)) return false;
  const bits = indices.map((n) => n.toString(2).padStart(11, "0")).join("");
  const size = Math.floor(bits.length / 33) * 32;
  const entropy = new Uint8Array(size / 8);
  for (let b = 0; b < entropy.length; b += 1) entropy[b] = parseInt(bits.slice(b * 8, b * 8 + 8), 2);
  const digest = Array.from(sha256(entropy), (byte) => byte.toString(2).padStart(8, "0")).join("");
  return bits.slice(size) === digest.slice(0, bits.length - size);
}

// SHA-512 on BigInt words ------------------------------------------------------------------------

const MASK = (1n << 64n) - 1n;

function primes(count) {
  const found = [];
  for (let n = 2; found.length < count; n += 1) if (found.every((p) => n % p)) found.push(n);
  return found;
}

function iroot(n, k) {
  // Newton's method from above: the largest x with x ** k <= n.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

// The first 64 bits of the fractional parts of the cube roots of the first 80 primes (K) and of the
// square roots of the first 8 (the initial hash), as FIPS 180-4 defines them.
const K = primes(80).map((p) => iroot(BigInt(p) << 192n, 3n) & MASK);
const H = primes(8).map((p) => iroot(BigInt(p) << 128n, 2n) & MASK);
const rotr = (x, n) => ((x >> n) | (x << (64n - n))) & MASK;

function sha512(bytes) {
  const padded = new Uint8Array(Math.ceil((bytes.length + 17) / 128) * 128);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bytes.length * 8);
  const h = H.slice();
  const w = new Array(80);
  for (let off = 0; off < padded.length; off += 128) {
    for (let t = 0; t < 16; t += 1) w[t] = view.getBigUint64(off + t * 8);
    for (let t = 16; t < 80; t += 1) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t += 1) {
      const t1 = (hh + (rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n)) + ((e & f) ^ (~e & MASK & g)) + K[t] + w[t]) &
        MASK;
      const t2 = ((rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & MASK;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & MASK, c, b, a, (t1 + t2) & MASK];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, n) => { h[n] = (h[n] + v) & MASK; });
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  h.forEach((v, n) => outView.setBigUint64(n * 8, v));
  return out;
}

function hmacSha512(key, message) {
  const block = new Uint8Array(128);
  block.set(key);  // keys here are short (under one block)
  const pad = (byte) => block.map((k) => k ^ byte);
  const inner = sha512(new Uint8Array([...pad(0x36), ...message]));
  return sha512(new Uint8Array([...pad(0x5c), ...inner]));
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Electrum 2.0+: the version hash of the normalised seed says which kind it is (cjk: joined without spaces). */
export function electrum(words, cjk) {
  if (!ELECTRUM_LENGTHS.includes(words.length)) return false;
  const text = words.join(cjk ? "" : " ").normalize("NFKD").toLowerCase().replace(/\p{M}/gu, "");
  const version = hex(hmacSha512(ENCODER.encode("Seed version"), ENCODER.encode(text)));
  return ELECTRUM_VERSIONS.some((prefix) => version.startsWith(prefix));
}

// Monero and SLIP-39 ------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Monero: the last word is the one CRC-32 of the others' prefixes picks (words as the list spells them). */
export function monero(spelt, prefix) {
  if (spelt.length !== 13 && spelt.length !== 25) return false;
  const head = (word) => Array.from(word).slice(0, prefix).join("");
  const body = spelt.slice(0, -1);
  const crc = crc32(ENCODER.encode(body.map(head).join("")));
  return head(body[crc % body.length]) === head(spelt[spelt.length - 1]);
}

function rs1024(values) {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 20;
    chk = ((chk & 0xfffff) << 10) ^ v;
    RS1024_GEN.forEach((gen, i) => { if ((top >>> i) & 1) chk ^= gen; });
  }
  return chk;
}

/** SLIP-39: the RS1024 checksum over the customisation string and the word indices. */
export function slip39(indices) {
  if (!LENGTHS.slip39.includes(indices.length)) return false;
  return SLIP39_CUSTOM.some((custom) => rs1024([...ENCODER.encode(custom), ...indices]) === 1);
}
