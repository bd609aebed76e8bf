// The search tokenizer, mirrored from plugins/helpcenter/search/tokenize.py rule for rule.
// tests/fixtures/search/tokenize-vectors.json pins both: text → tokens → terms.
// Unlike the Python side, chunks keep their offsets in the original text (for highlighting).

const CJK = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}";
const MIXED_MAX = 10; // longer letter-digit words are hashes or codes, not "trc20"-style names

// A letter or digit that is not CJK (Python: [^\W_] minus CJK, i.e. str.isalnum()).
const W = `(?:(?![${CJK}])[\\p{L}\\p{N}])`;
const WORD = `${W}+(?:['\\u2019]${W}+)*`;
// A link: a scheme or www., or a domain followed by a path; it ends at a space, a quote or bracket, or CJK.
const URL_CHARS = `[^\\s<>"'()\\[\\]{}${CJK}，。、！？：；]`;
const URL = `(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\\.)${URL_CHARS}+|[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}/${URL_CHARS}*`;
const SCAN = new RegExp(`(?<url>${URL})|(?<cjk>[${CJK}]+)|(?<word>${WORD}(?:[-_]${WORD})*)`, "gu");
const URL_CLASS = "@url";
const CONNECTOR = /[-_]/u;
const APOSTROPHE = /['\u2019]/gu;
const PIECES = /(?:(?!\p{Nd})[\p{L}\p{N}])+|\p{Nd}+/gu;
const CJK_CHAR = new RegExp(`^[${CJK}]`, "u");
const CLASSES = [
  ["@txid", /^(?:0x)?[0-9a-f]{64}$/iu],
  ["@address", /^0x[0-9a-f]{40}$/iu],
  ["@address", /^T[1-9A-HJ-NP-Za-km-z]{33}$/u],
  ["@address", /^(?:bc1|tb1)[02-9ac-hj-np-z]{8,87}$/iu],
  ["@address", /^[13](?=[1-9A-HJ-NP-Za-km-z]*[A-HJ-NP-Za-km-z])[1-9A-HJ-NP-Za-km-z]{25,34}$/u],
];

/** Whether a string starts with a character written without spaces (Han, hiragana, katakana). */
export function isCjk(text) {
  return CJK_CHAR.test(text);
}

/** NFKC per code point; returns the folded text and, per folded UTF-16 unit, its source index. */
export function fold(text) {
  let out = "";
  const where = [];
  let index = 0;
  for (const ch of text) {
    const folded = ch.normalize("NFKC");
    out += folded;
    for (let i = 0; i < folded.length; i++) where.push(index);
    index += ch.length;
  }
  where.push(index);
  return { text: out, where };
}

/**
 * Chunks of text: {kind: "word"|"compound"|"cjk"|"class", tokens, start, end}, offsets into `text`.
 * A compound's tokens are its parts (with pieces) then the parts joined; a word's are the word then
 * its pieces; a CJK run gives one chunk per overlapping bigram (a lone character is a unigram).
 */
export function chunks(text) {
  const folded = fold(text);
  const result = [];
  for (const match of folded.text.matchAll(SCAN)) {
    const at = match.index;
    const span = (from, to) => [folded.where[from], folded.where[to]];
    const run = match.groups.cjk;
    if (match.groups.url !== undefined) {
      const [start, end] = span(at, at + match.groups.url.length);
      result.push({ kind: "class", tokens: [URL_CLASS], start, end });
      continue;
    }
    if (run === undefined) {
      const word = match.groups.word;
      const [start, end] = span(at, at + word.length);
      result.push({ ...wordChunk(word), start, end });
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      const [start, end] = span(at, at + run.length);
      result.push({ kind: "cjk", tokens: [run], start, end });
      continue;
    }
    let offset = at;
    for (let k = 0; k < chars.length - 1; k++) {
      const bigram = chars[k] + chars[k + 1];
      const [start, end] = span(offset, offset + bigram.length);
      result.push({ kind: "cjk", tokens: [bigram], start, end });
      offset += chars[k].length;
    }
  }
  return result;
}

function wordChunk(original) {
  for (const [name, pattern] of CLASSES) {
    if (pattern.test(original)) return { kind: "class", tokens: [name] };
  }
  const parts = original.replace(APOSTROPHE, "").toLowerCase().split(CONNECTOR);
  if (parts.length === 1) return { kind: "word", tokens: expand(parts[0]) };
  return { kind: "compound", tokens: [...parts.flatMap(expand), parts.join("")] };
}

function expand(word) {
  // A word, then its letter and digit pieces when it mixes both (trc20 → trc20, trc, 20).
  if ([...word].length > MIXED_MAX) return [word];
  const pieces = word.match(PIECES) || [];
  if (pieces.length > 1 && pieces.join("") === word && pieces.every((p) => [...p].length > 1)) {
    return [word, ...pieces];
  }
  return [word];
}

/** Every token the index stores for `text`, in order. */
export function tokens(text) {
  return chunks(text).flatMap((chunk) => chunk.tokens);
}

const termCache = new Map();

/** A token after lunr's English pipeline ("" for a stop word); CJK and class tokens unchanged. */
export function term(token) {
  if (!token || token[0] === "@" || isCjk(token)) return token;
  let cached = termCache.get(token);
  if (cached === undefined) {
    if (termCache.size > 100000) termCache.clear(); // typo candidates must not grow it forever
    const lunr = globalThis.lunr;
    cached = lunr.stopWordFilter(token) === undefined ? "" : lunr.stemmer(new lunr.Token(token)).toString();
    termCache.set(token, cached);
  }
  return cached;
}

/** The index terms of `text`: tokens through the pipeline, stop words dropped. */
export function terms(text) {
  return tokens(text).map(term).filter(Boolean);
}

/** A chunk's key, stop words kept: what synonym phrases are matched against (Python: keys). */
export function chunkKey(chunk) {
  const tokens = chunk.tokens;
  const token = chunk.kind === "compound" ? tokens[tokens.length - 1] : tokens[0];
  return chunk.kind === "cjk" || chunk.kind === "class" ? token : term(token) || token;
}

/** One key per chunk of `text`. */
export function keys(text) {
  return chunks(text).map(chunkKey);
}

// Words of a query that say nothing of its topic (Python: QUERY_NOISE, QUERY_FILLERS). Noise counts for
// nothing, so a long upset post ranks by its problem; fillers count at a third of their rarity.
export const QUERY_NOISE = [
  "urgent", "urgently", "asap", "pls", "plz", "thx", "sir", "madam", "bro", "dear", "kindly", "omg", "god", "wtf",
  "damn", "seriously", "honestly", "literally", "basically", "crying", "cry", "worried", "worry", "scared",
  "afraid", "panic", "panicking", "desperate", "frustrated", "angry", "upset", "stressed", "ridiculous",
  "terrible", "horrible", "disappointed", "hope", "hoping", "appreciate", "appreciated", "hey", "lol", "idk",
  "guy", "team", "admin", "anybody", "somebody", "sb",
  "急急", "着急", "急死", "求助", "求求", "救命", "救救", "大神", "大佬", "各位", "到底", "崩溃", "谢谢", "感谢",
  "麻烦", "帮帮", "帮忙", "帮我", "哭了", "天哪", "心态", "线等", "拜托", "跪求", "高手", "老哥", "好急", "死了"];
export const QUERY_FILLERS = [
  "someone", "anyone", "something", "anything", "else", "actually", "really", "please", "help", "thing",
  "things", "way", "ago", "hour", "hours", "minute", "minutes", "day", "days", "still", "already", "just", "even",
  "want", "know", "tell", "see", "look", "happen", "happened", "mean", "means", "ok", "okay", "hi", "hello",
  "thanks", "guys", "keep", "keeps", "says", "said", "tried",
  "怎么", "么办", "什么", "为什", "如何", "请问", "一下", "可以", "怎样", "这个", "那个", "一直", "还是", "是不",
  "不是", "我的", "你们", "我们", "为何", "能不", "不能", "有没", "了怎", "么回", "回事"];
export const FILLER_WEIGHT = 0.3;
let queryWeights = null;

/** How much a query chunk with this key counts: 0 for noise, FILLER_WEIGHT for a filler, else 1. */
export function queryWeight(key) {
  if (!queryWeights) {
    queryWeights = new Map();
    for (const t of QUERY_FILLERS.map(term)) if (t) queryWeights.set(t, FILLER_WEIGHT);
    for (const t of QUERY_NOISE.map(term)) if (t) queryWeights.set(t, 0);
  }
  const weight = queryWeights.get(key);
  return weight === undefined ? 1 : weight;
}
