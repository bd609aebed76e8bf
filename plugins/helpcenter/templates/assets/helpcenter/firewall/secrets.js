// The secret firewall in the browser: findSecrets(text) → Promise<[{kind, start, end}]>.
//
// Twin of helpcenter/firewall/secrets.py and phrases.py (same rules, same constants; both are pinned
// by tests/fixtures/firewall/secret-vectors.yml). start/end are JavaScript (UTF-16) string indices.
// The seed word lists (BIP-39 in every language `mnemonic` ships, Monero's in all its languages,
// Electrum's old list, SLIP-39's; see helpcenter/firewall/wordlists.py) are a JSON file next to this
// module, fetched only the first time a text could hold a phrase (couldHoldPhrase). Nothing found
// here is ever stored, logged or sent anywhere.

import { BIP39_LENGTHS, EXTRA_LENGTHS, LENGTHS, bip39, electrum, monero, slip39 } from "./checksums.js";
import { register } from "../shared/events.js";

const PHRASE_LENGTHS = BIP39_LENGTHS;
const MIN_RARE = 5;
const MIN_RARE_BY_SCHEME = { "electrum-old": 8 };  // a poetry frequency list: "black, red, green, yellow, blue"
const MIN_RARE_LIST = 3;
const MIN_LIST_WORDS = 4;
const MIN_RARE_LABELLED = 2;
const LABEL_REACH = 40;
const MIN_SPACED_HAN = 6;
const HAN_WINDOW = 12;
const MIN_RARE_HAN = 7;
const MIN_RARE_HAN_CHECKSUM = 5;
const MAX_GAP = 12;
const MAX_REPEATS_NEAR = 2;  // a window read through a near token's corrections: repeated words, at most
const MIN_RARE_NEAR = 2;  // and uncommon ones, at least
const MIN_CODE = 16;
const EXACT = 2;
const NEAR = 1;

// Spaces (the same list as Python's), then commas, dots, quotes, brackets, dashes, bullets.
const SEPARATORS = " \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff" +
  ",，、;；.。·:：'\"‘’“”`()\\[\\]（）|/\\\\\\-–—_*•#";
const JOIN_GAP = new RegExp(`^[${SEPARATORS}]*(?:[0-9０-９]{1,2}[${SEPARATORS}]*)?$`);
const DIGIT = /[0-9０-９]/;
const LETTER = /[\p{L}\p{M}\uFFFD]/u;  // U+FFFD: mnemonic's Russian list has a word spelt with it ('сно��а')
const ALNUM = /[0-9A-Za-z]/;
// Scripts whose words Electrum joins without spaces: Han, kana and Hangul (CJK_WORD in phrases.py).
const CJK_WORD = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/u;
const LABEL = new RegExp(
  "(?:recovery|seed|secret|backup|mnemonic)[ \\t]*(?:phrase|words?)|mnemonic|" +
  "助记词|助記詞|恢复短语|恢復短語|种子短语|種子短語|备份短语|備份短語|シードフレーズ|復元フレーズ", "gi");

const B58 = "[1-9A-HJ-NP-Za-km-z]";
const BEFORE = "(?<![0-9A-Za-z])";
const AFTER = "(?![0-9A-Za-z])";
const HEX64 = new RegExp(`${BEFORE}(?:0[xX])?[0-9a-fA-F]{64}${AFTER}`, "g");
const KEY_LABEL =
  /private[ \t_-]*key|priv[ \t_-]*key|secret[ \t_-]*key|(?<![A-Za-z])key(?![A-Za-z])|私钥|私鑰|密钥|密鑰|秘密鍵/gi;
const SAFE_LABEL = new RegExp(
  "tx[ \\t_-]*(?:id|hash)|txn[ \\t_-]*(?:id|hash)|transaction[ \\t_-]*(?:id|hash)|(?<![A-Za-z])hash(?![A-Za-z])" +
  "|public[ \\t_-]*key|pub[ \\t_-]*key|sha-?256|checksum|digest|/tx/|/txs/|/transaction/" +
  "|交易(?:哈希|ID|号|號|编号|編號)|哈希|公钥|公鑰|校验和", "gi");
const HEX_LABEL_REACH = 48;
const BLANK = /^[ \t\r]*$/;
// A 64-digit value pasted in equal groups (4 x 16, 8 x 8, 16 x 4, 2 x 32): wallets and paper backups show
// keys that way. The separators are the ones a copy keeps: spaces, a hyphen, a line break.
const GROUP_SEP = "(?:[ \\t]*\\n[ \\t]*|[ \\t]+|-)";

function hexGroups(size) {
  // [64 digits in groups of `size`, not followed by one more such group; one such group just before]
  const group = `[0-9a-fA-F]{${size}}`;
  const run = `${BEFORE}(?:0[xX])?${group}(?:${GROUP_SEP}${group}){${64 / size - 1}}${AFTER}`;
  return [new RegExp(`${run}(?!${GROUP_SEP}${group}${AFTER})`, "g"), new RegExp(`${BEFORE}${group}${GROUP_SEP}$`)];
}

const HEX_GROUPS = [4, 8, 16, 32].map(hexGroups);
// A transaction named without "hash" or "ID" ("my transaction 0x…", "tx 0x… failed", "交易 0x…") labels
// the value only when it comes right before it.
const TX_WORD = new RegExp(
  "(?:(?<![A-Za-z])(?:transaction|tx|txn|transfer)(?![A-Za-z])|交易|转账|轉賬)" +
  "[ \\t:：#=(（\"'“”-]*(?:(?:is|was|id|是|为|為)[ \\t:：#=]*)?$", "i");
const WIF = new RegExp(`${BEFORE}(?:[59]${B58}{50}|[KLc]${B58}{51})${AFTER}`, "g");
const XPRV = new RegExp(`${BEFORE}[xtyzuvYZUV]prv${B58}{20,}`, "g");
const KEYSTORE_KEY = /"(crypto|ciphertext|cipherparams|kdf|kdfparams|mac)"\s*:/gi;
const TWO_FA_LABEL = new RegExp(
  "(?<![0-9A-Za-z])2fa|two[ \\t-]?factor|(?:2|two)[ \\t-]?step|google[ \\t]*auth(?:enticator)?|authenticator|authy" +
  "|one[ \\t-]?time[ \\t]*(?:pass)?code|(?<![A-Za-z])(?:t?otp|mfa)(?![A-Za-z])|verification[ \\t]*code" +
  "|security[ \\t]*code|sms[ \\t]*code" +
  "|验证码|驗證碼|谷歌验证器|谷歌驗證器|谷歌验证|谷歌驗證|身份验证器|身份驗證器|验证器|驗證器|动态码|動態碼|动态口令|動態口令" +
  "|二次验证|双重验证|两步验证|双重认证|安全码", "gi");
// Between the label and the code only punctuation and filler words that say where the code is shown
// ("app is", "app shows", "上显示的是", "里的数字是"), so "verification code expired, error code 100025"
// is not a code. Nor is a number that goes on as an amount ("app: 250000 USDT").
const TWO_FA_FILLER = "code|is|was|number|app|application|token|shows?|showed|says|said|reads|displays?|gives|gave" +
  "|generated|now|currently|right|码|碼|是|为|為|上|里|裡|中|的|显示|顯示|数字|數字|号码|號碼";
const TWO_FA_AMOUNT =
  "(?![.,][0-9])(?![ \\t]*(?:usdt|usdc|trx|eth|btc|bnb|usd|cny|rmb|sun|元|块|塊|个|個|笔|筆)(?![A-Za-z]))";
const TWO_FA_CODE = new RegExp(
  `^(?:[^0-9A-Za-z\\u4e00-\\u9fff]|(?:${TWO_FA_FILLER})(?![A-Za-z]))*?` +
  `([0-9]{3}[ -][0-9]{3}|[0-9]{6,8})(?![0-9A-Za-z])${TWO_FA_AMOUNT}`, "id");
// The code may come first ("492817 is the code from my authenticator"): then a linking word must say so.
const TWO_FA_CODE_BEFORE = new RegExp(
  `(?<![0-9A-Za-z.,#])([0-9]{3}[ -][0-9]{3}|[0-9]{6,8})(?![0-9])${TWO_FA_AMOUNT}` +
  "(?=((?:[ \\t,;:()（）]|(?:is|was|the|my|a|code|from|in|on|by|via|of|是|为|為|来自|在)(?![A-Za-z]))*)$)" +
  "(?=[^\\n]*?(?:(?<![A-Za-z])(?:is|was|from|in|on|by|via)(?![A-Za-z])|[(（]|是|为|為|来自|在))", "id");
const TWO_FA_REACH = 32;
const PASSWORD = new RegExp(
  "(?<![A-Za-z])(?:password|passcode|passphrase|pin(?:[ \\t]*code)?|支付密码|交易密码|密码|密碼|口令)" +
  "(?:[ \\t]*(?:[:：=]|是|为|為)[ \\t]*|[ \\t]+is[ \\t]+)" +
  "([^\\s，。,;；:：/`\"'()\\[\\]{}<>]{4,64})(?![^\\s，。,;；.!?])", "gid");
const PASSWORD_SIGN = /[0-9!@#$%^&*_+=?~]/;
const MASKED = /^[*•·xX]+$/;

export const MUST_BLOCK = new Set(["recovery-phrase", "private-key", "wif", "xprv", "keystore", "2fa-code",
  "password"]);

const normalize = (text) => text.toLowerCase().normalize("NFKC");

function isHan(cp) {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2fa1f);
}

function inCode(text, start, end) {
  let left = start;
  let right = end;
  while (left > 0 && ALNUM.test(text[left - 1])) left -= 1;
  while (right < text.length && ALNUM.test(text[right])) right += 1;
  return right - left > end - start && right - left >= MIN_CODE;
}

function tokens(text) {
  const found = [];
  let start = -1;
  let i = 0;
  for (const ch of text + " ") {
    const letter = LETTER.test(ch);
    const han = letter && isHan(ch.codePointAt(0));
    if (letter && !han) {
      if (start < 0) start = i;
    } else {
      if (start >= 0 && !inCode(text, start, i)) {
        found.push({ start, end: i, norm: normalize(text.slice(start, i)), han: false });
      }
      start = -1;
      if (han) found.push({ start: i, end: i + ch.length, norm: normalize(ch), han: true });
    }
    i += ch.length;
  }
  return found;
}

// Word lists --------------------------------------------------------------------------------------

let listsPromise = null;

function loadLists() {
  if (!listsPromise) {
    listsPromise = fetch(new URL("bip39-wordlists.json", import.meta.url))
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((data) => Object.keys(data.lists).sort().map((language) => {
        const words = data.lists[language].split(" ");
        const common = new Set((data.common[language] || "").split(" ").filter(Boolean));
        const han = words.slice(0, 16).every((w) => Array.from(w).length === 1 && isHan(w.codePointAt(0)));
        return { language, words, index: new Map(words.map((w, n) => [w, n])), common, isHan: han, near: null,
          scheme: (data.schemes || {})[language] || "bip39", prefix: (data.prefixes || {})[language] || 0,
          spelt: (data.spelt || {})[language] ? data.spelt[language].split(" ") : words,
          cjk: CJK_WORD.test(words[0]) };
      }));
    listsPromise.catch(() => { listsPromise = null; });  // a later call may try again
  }
  return listsPromise;
}

const chars = (word) => Array.from(word);

function deletes(word) {
  const cs = chars(word);
  return new Set(cs.map((_, i) => cs.slice(0, i).concat(cs.slice(i + 1)).join("")));
}

// Twin of _NearIndex, by symmetric deletes: a list word of four letters or more with one letter deleted → the
// words, space-joined (one string a key builds faster than one array; a text's first check builds every list's).
function nearIndex(list) {
  if (!list.near) {
    list.near = new Map();
    for (const word of list.words) {
      if (chars(word).length < 4) continue;
      for (const d of deletes(word)) {
        const filed = list.near.get(d);
        list.near.set(d, filed ? `${filed} ${word}` : word);
      }
    }
  }
  return list.near;
}

// Twin of _NearIndex.near: whether a list word is one edit from a token not in the list.
function isNear(list, token) {
  if (chars(token).length < 4) return false;
  const near = nearIndex(list);
  if (near.has(token)) return true;
  for (const d of deletes(token)) if (list.index.has(d) || near.has(d)) return true;
  return false;
}

// Twin of _NearIndex.candidates: the list words one edit from a token (itself excluded), in list order.
function candidates(list, token) {
  if (chars(token).length < 4) return [];
  const near = nearIndex(list);
  const filed = (key) => (near.has(key) ? near.get(key).split(" ") : []);
  const found = new Set(filed(token));  // a letter missing
  for (const d of deletes(token)) {
    if (list.index.has(d)) found.add(d);  // a letter too many
    for (const word of filed(d)) found.add(word);  // a letter changed, or two swapped
  }
  found.delete(token);
  return [...found].sort((x, y) => list.index.get(x) - list.index.get(y));
}

function status(list, token) {
  if (token.han !== list.isHan) return 0;
  if (list.index.has(token.norm)) return EXACT;
  if (list.isHan) return 0;
  return isNear(list, token.norm) ? NEAR : 0;
}

export const checksumOk = bip39;

// Twin of is_seed: whether normalised list words are a whole seed its wallet would accept.
function isSeed(list, words) {
  const indices = words.map((w) => list.index.get(w));
  // Electrum: not on Chinese characters (see is_seed).
  if (list.scheme === "bip39") return bip39(indices) || (!list.isHan && electrum(words, list.cjk));
  if (list.scheme === "monero") return monero(indices.map((n) => list.spelt[n]), list.prefix);
  if (list.scheme === "slip39") return slip39(indices);
  return true;  // electrum-old: Electrum takes any run of 12 or 24 of its words (its own is_old_seed)
}

// Every way to pick one word at each position of a window (twin of itertools.product).
function* product(choices, picked = []) {
  if (picked.length === choices.length) {
    yield picked.slice();
    return;
  }
  for (const word of choices[picked.length]) {
    picked.push(word);
    yield* product(choices, picked);
    picked.pop();
  }
}

function anySeed(list, choices) {
  for (const words of product(choices)) if (isSeed(list, words)) return true;
  return false;
}

// Twin of _seeds: spans of the windows of a segment that are whole seeds with at least `least` rare words. A window
// holding the segment's near token is a seed when one of the list words one edit from it, in its place, makes one.
function seeds(list, segment, least) {
  const choices = segment.map(({ token, status: st }) => (st === EXACT ? [token.norm] : candidates(list, token.norm)));
  const spans = [];
  for (const length of [...LENGTHS[list.scheme], ...(EXTRA_LENGTHS[list.language] || [])]) {
    for (let i = 0; i + length <= choices.length; i += 1) {
      const window = segment.slice(i, i + length);
      if (rare(list, window) >= least && mayCorrect(list, window) && anySeed(list, choices.slice(i, i + length))) {
        spans.push([segment[i].token.start, segment[i + length - 1].token.end]);
      }
    }
  }
  return spans;
}

// Twin of _may_correct: each word one edit from a near token is another chance for a checksum to hold by luck;
// text that repeats its words, or holds mostly everyday ones, is not read through them.
function mayCorrect(list, window) {
  if (window.every(({ status: st }) => st === EXACT)) return true;
  const repeats = window.length - new Set(window.map(({ token }) => token.norm)).size;
  return repeats <= MAX_REPEATS_NEAR && rare(list, window) >= MIN_RARE_NEAR;
}

// Phrases (twin of phrases.py) ---------------------------------------------------------------------

function* runs(text, toks, list) {
  let run = [];
  for (const token of toks) {
    const st = status(list, token);
    const gap = run.length ? text.slice(run[run.length - 1].token.end, token.start) : "";
    const joined = run.length > 0 && gap.length <= MAX_GAP && JOIN_GAP.test(gap);
    if (run.length && (!st || !joined)) {
      yield run;
      run = [];
    }
    if (st) run.push({ token, status: st });
  }
  if (run.length) yield run;
}

function* segments(run) {
  const near = [];
  run.forEach((item, i) => { if (item.status === NEAR) near.push(i); });
  if (!near.length) {
    yield run;
    return;
  }
  const bounds = [-1, ...near, run.length];
  for (let k = 1; k < bounds.length - 1; k += 1) yield run.slice(bounds[k - 1] + 1, bounds[k + 1]);
}

function rare(list, segment) {
  const seen = new Set();
  for (const { token, status: st } of segment) {
    if (st === EXACT && !list.common.has(token.norm)) seen.add(token.norm);
  }
  return seen.size;
}

const share = (gaps, pattern) => gaps.length > 0 && 2 * gaps.filter((g) => pattern.test(g)).length >= gaps.length;

function judge(text, list, segment, labels) {
  const start = segment[0].token.start;
  const end = segment[segment.length - 1].token.end;
  const gaps = segment.slice(1).map((item, i) => text.slice(segment[i].token.end, item.token.start));
  const labelled = labels.some(([, labelEnd]) => start - LABEL_REACH <= labelEnd && labelEnd <= end);
  const count = rare(list, segment);
  if (!gaps.length) return [];
  if (list.isHan && 4 * gaps.filter((g) => g).length < 3 * gaps.length) return judgeHan(list, segment, labelled);
  const phrase = count >= (MIN_RARE_BY_SCHEME[list.scheme] ?? MIN_RARE) ||
    (share(gaps, DIGIT) && segment.length >= MIN_LIST_WORDS && count >= MIN_RARE_LIST) ||
    (labelled && rare(list, outside(segment, labels)) >= MIN_RARE_LABELLED) ||
    (list.isHan && segment.length >= MIN_SPACED_HAN) ||
    seeds(list, segment, 0).length > 0;
  return phrase ? [[start, end]] : [];
}

// A label's own words ("recovery phrase": SLIP-39 has "phrase") are not words it introduces.
const outside = (segment, labels) =>
  segment.filter(({ token }) => !labels.some(([a, b]) => a <= token.start && token.start < b));

function judgeHan(list, segment, labelled) {
  const spans = [];
  const least = labelled ? MIN_RARE_LABELLED : MIN_RARE_HAN_CHECKSUM;
  for (let i = 0; i + HAN_WINDOW <= segment.length; i += 1) {
    if (rare(list, segment.slice(i, i + HAN_WINDOW)) >= MIN_RARE_HAN) {
      spans.push([segment[i].token.start, segment[i + HAN_WINDOW - 1].token.end]);
    }
  }
  spans.push(...seeds(list, segment, least));
  return spans;
}

function mergeSpans(spans) {
  const merged = [];
  for (const [start, end] of spans.sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(end, last[1]);
    else merged.push([start, end]);
  }
  return merged;
}

// Twin of could_hold_phrase: whether any rule could find a phrase, decided without the word lists.
// The fewest tokens each rule needs: a labelled phrase 2 besides its label, a numbered list 4 (and so five rare words,
// spaced Chinese and a checksum), unspaced Chinese 12. Short searches never download the lists.
function couldHoldPhrase(text, toks) {
  if (toks.length < MIN_RARE_LABELLED) return false;
  // A label counts when it introduces words: the labelled rule counts only those outside the label
  // (the search "recovery phrase" or "助记词" alone downloads nothing).
  const labels = Array.from(text.matchAll(LABEL), (m) => [m.index, m.index + m[0].length]);
  const outside = toks.filter((t) => !labels.some(([a, b]) => a <= t.start && t.start < b)).length;
  if (labels.length && outside >= MIN_RARE_LABELLED) return true;
  const han = toks.filter((t) => t.han);
  if (toks.length - han.length >= MIN_LIST_WORDS || han.length >= HAN_WINDOW) return true;
  const spaced = han.filter((t, i) => i > 0 && t.start > han[i - 1].end).length;
  return han.length >= MIN_LIST_WORDS && spaced >= 3;
}

function findPhrases(text, toks, lists) {
  const labels = Array.from(text.matchAll(LABEL), (m) => [m.index, m.index + m[0].length]);
  const spans = [];
  for (const list of lists) {
    for (const run of runs(text, toks, list)) {
      for (const segment of segments(run)) spans.push(...judge(text, list, segment, labels));
    }
  }
  return mergeSpans(spans);
}

// Without the word lists (the JSON failed to load) fail safe: twelve or more short words in a row.
function fallbackPhrases(text, toks) {
  const spans = [];
  let run = [];
  for (const token of toks) {
    const word = token.han || /^\p{Ll}{3,8}$/u.test(token.norm);
    const joined = run.length && JOIN_GAP.test(text.slice(run[run.length - 1].end, token.start));
    if (!word || !joined) {
      if (run.length >= PHRASE_LENGTHS[0]) spans.push([run[0].start, run[run.length - 1].end]);
      run = [];
    }
    if (word) run.push(token);
  }
  if (run.length >= PHRASE_LENGTHS[0]) spans.push([run[0].start, run[run.length - 1].end]);
  return spans;
}

// Other secrets (twin of secrets.py) ---------------------------------------------------------------

function hexKeys(text) {
  const spans = Array.from(text.matchAll(HEX64), (m) => [m.index, m.index + m[0].length]);
  for (const [grouped, groupBefore] of HEX_GROUPS) {
    for (const m of text.matchAll(grouped)) {
      if (!groupBefore.test(text.slice(0, m.index))) spans.push([m.index, m.index + m[0].length]);
    }
  }
  const found = [];
  for (const [start, end] of spans) {
    // The label is on the value's line, or alone on the line above ("Private key:" then the value).
    const lines = text.slice(Math.max(0, start - HEX_LABEL_REACH), start).split("\n");
    const own = lines[lines.length - 1];
    const kind = hexKind(lines.length > 1 && BLANK.test(own) ? lines[lines.length - 2] : own);
    if (kind) found.push(finding(start, end, kind));
  }
  return found;
}

function hexKind(before) {
  // The label nearest the value wins; a transaction word right before it is a label too, unless a
  // key is also named ("my private key for tx 0x…" stays a key).
  const lastEnd = (re) => Math.max(-1, ...Array.from(before.matchAll(re), (x) => x.index + x[0].length));
  const key = lastEnd(KEY_LABEL);
  const safe = lastEnd(SAFE_LABEL);
  if (key < 0 && TX_WORD.test(before)) return "";
  if (key > safe) return "private-key";
  return safe < 0 ? "ambiguous-hex" : "";
}

function keystore(text) {
  const keys = Array.from(text.matchAll(KEYSTORE_KEY));
  const names = new Set(keys.map((m) => m[1].toLowerCase()));
  if (names.size < 2 || !(names.has("ciphertext") || names.has("kdfparams"))) return [];
  const first = keys[0].index;
  const last = keys[keys.length - 1];
  const brace = first > 0 ? text.lastIndexOf("{", first - 1) : -1;
  const close = text.lastIndexOf("}");
  return [finding(brace >= 0 ? brace : first, close > last.index + last[0].length ? close + 1 : text.length,
    "keystore")];
}

function twoFa(text) {
  const found = [];
  for (const label of text.matchAll(TWO_FA_LABEL)) {
    const at = label.index + label[0].length;
    const code = text.slice(at, at + TWO_FA_REACH).match(TWO_FA_CODE);
    if (code) found.push(finding(at + code.indices[1][0], at + code.indices[1][1], "2fa-code"));
    const start = Math.max(0, label.index - TWO_FA_REACH);
    const first = TWO_FA_CODE_BEFORE.exec(text.slice(start, label.index));
    if (first) found.push(finding(start + first.indices[1][0], start + first.indices[1][1], "2fa-code"));
  }
  return found;
}

function passwords(text) {
  return Array.from(text.matchAll(PASSWORD))
    .filter((m) => PASSWORD_SIGN.test(m[1]) && !MASKED.test(m[1]))
    .map((m) => finding(m.indices[1][0], m.indices[1][1], "password"));
}

const finding = (start, end, kind) => ({ kind, start, end });
const matches = (re, text, kind) => Array.from(text.matchAll(re), (m) => finding(m.index, m.index + m[0].length, kind));

function tidy(found) {
  const kept = [];
  const byLength = [...found].sort((x, y) => (x.start - x.end) - (y.start - y.end) || x.start - y.start ||
    (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  for (const f of byLength) {
    if (!kept.some((k) => MUST_BLOCK.has(k.kind) && k.kind !== f.kind && k.start <= f.start && f.end <= k.end)) {
      kept.push(f);
    }
  }
  const merged = [];
  kept.sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) || x.start - y.start || x.end - y.end);
  for (const f of kept) {
    const last = merged[merged.length - 1];
    if (last && last.kind === f.kind && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  return merged.sort((x, y) => x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
}

/** Every secret in `text`: a Promise of [{kind, start, end}] in text order (empty when none). */
export async function findSecrets(text) {
  const value = String(text ?? "");
  const toks = tokens(value);
  let spans = [];
  if (couldHoldPhrase(value, toks)) {
    try {
      spans = findPhrases(value, toks, await loadLists());
    } catch (error) {
      spans = fallbackPhrases(value, toks);
    }
  }
  return tidy([
    ...spans.map(([start, end]) => finding(start, end, "recovery-phrase")),
    ...hexKeys(value),
    ...matches(WIF, value, "wif"),
    ...matches(XPRV, value, "xprv"),
    ...keystore(value),
    ...twoFa(value),
    ...passwords(value),
  ]);
}

/** The findings that stop a ticket whatever the reader says (all but "ambiguous-hex"). */
export const mustBlock = (findings) => findings.filter((f) => MUST_BLOCK.has(f.kind));

register("tickets", { findSecrets });
