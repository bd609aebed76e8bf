// The browser twin of helpcenter/verify/checker.py: the same steps, the same reason codes, the same
// test vectors (tests/fixtures/verify/cases.yml). `table` is skeleton.json, generated at build time
// from Unicode's confusables data; IDNA is the browser's own URL parser. Nothing leaves the page.

export const REASONS = ["punycode", "mixed-script", "confusable", "digit-for-letter", "edit-distance", "other-tld",
  "brand-in-domain", "brand-in-subdomain", "brand-in-path", "userinfo", "subdomain",
  "subdomain-not-listed", "unlisted-address", "brand-in-address", "other-platform",
  "one-character-off", "brand-in-handle", "other-format", "national-format", "one-digit-off"];
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const LOOKS_LIKE_HOST = /^[^\s/?#@]+\.[^\s/?#.@:]{2,}(?::[0-9]+)?(?:[/?#]|$)/u;
const PHONE = /^(?:\+|00)?[0-9(][0-9 ().\-/]*$/;
const IPV4 = /^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PREFIXED = /^([a-z_]+)\s*:\s*@?(\S+)$/iu;
const BARE = /^@?[\p{L}\p{N}_-]{2,64}$/u;
const PLATFORM_HOSTS = {
  "t.me": "telegram", "telegram.me": "telegram", "telegram.dog": "telegram",
  "x.com": "x", "twitter.com": "x", "mobile.twitter.com": "x",
  "discord.gg": "discord", "discord.com": "discord", "discordapp.com": "discord",
  "weibo.com": "weibo", "m.weibo.cn": "weibo", "youtube.com": "youtube", "m.youtube.com": "youtube",
  "instagram.com": "instagram", "facebook.com": "facebook", "tiktok.com": "tiktok",
  "reddit.com": "reddit", "github.com": "github", "linkedin.com": "linkedin", "medium.com": "medium",
  "apps.apple.com": "app_store", "play.google.com": "google_play",
};
const PLATFORMS = new Set([...Object.values(PLATFORM_HOSTS), "wechat"]);
const SKIPPED_SEGMENTS = new Set(["s", "invite", "c", "user", "u", "r", "company", "in", "channel"]);
const APP_STORE_ID = /\/id([0-9]{6,12})(?:$|[/?])/;
const REGISTRY_LABELS = new Set(["co", "com", "net", "org", "gov", "edu", "ac"]);

const result = (verdict, kind, matched = null, reasons = [], shown = {}) => ({ verdict, kind, matched, reasons, shown });
const ordered = (reasons) => REASONS.filter((r) => reasons.includes(r));

// ---- folding (helpcenter/verify/skeleton.py) ----

export function fold(text, table) {
  const bare = text.normalize("NFKD").replace(/\p{M}/gu, "");
  let out = "";
  for (const c of bare) out += table.chars[c] || c;
  return out.toLowerCase();
}

export function foldDigits(text, table) {
  let out = "";
  for (const c of text) out += table.digits[c] || c;
  return out;
}

function isMixedScript(label) {
  return /[A-Za-z]/.test(label) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(label);
}

export function distance(a, b) {
  a = [...a];
  b = [...b];
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i, ...new Array(b.length).fill(0)];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
      }
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

const allowedDistance = (length) => (length < 4 ? 0 : length <= 7 ? 1 : 2);
const cpLength = (text) => [...text].length;

// ---- hosts (helpcenter/verify/hosts.py) ----

// RFC 3492 decoding: the URL parser encodes names (IDNA) but offers no way back.
function punycodeDecode(input) {
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
  const output = [];
  let n = 128, i = 0, bias = 72;
  let basic = input.lastIndexOf("-");
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) output.push(input.charCodeAt(j));
  const adapt = (delta, points, first) => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    return Math.floor(k + ((base - tMin + 1) * delta) / (delta + skew));
  };
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const old = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) throw new RangeError("bad punycode");
      const code = input.charCodeAt(index++);
      const digit = code - 48 < 10 ? code - 22 : code - 65 < 26 ? code - 65 : code - 97 < 26 ? code - 97 : base;
      if (digit >= base) throw new RangeError("bad punycode");
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      w *= base - t;
    }
    bias = adapt(i - old, output.length + 1, old === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

function decodeLabel(label) {
  if (!label.startsWith("xn--")) return label;
  try {
    return punycodeDecode(label.slice(4));
  } catch {
    return label;
  }
}

function hostOf(asciiName) {
  const ascii = asciiName.toLowerCase().replace(/\.$/, "");
  return { ascii, unicode: ascii.split(".").map(decodeLabel).join("."),
           punycode: ascii.split(".").some((l) => l.startsWith("xn--")) };
}

function parseHost(name) {
  name = name.trim().replace(/\.$/, "");
  if (!name || /[ /\\@]/.test(name)) return null;
  try {
    return hostOf(new URL("http://" + name).hostname);
  } catch {
    return null;
  }
}

function split(host) {
  const labels = host.split(".");
  const n = labels.length;
  if (n >= 3 && labels[n - 1].length === 2 && REGISTRY_LABELS.has(labels[n - 2])) {
    return [labels.slice(0, -3), labels[n - 3], labels.slice(-2).join(".")];
  }
  if (n >= 2) return [labels.slice(0, -2), labels[n - 2], labels[n - 1]];
  return [[], host, ""];
}

const squash = (text) => text.replace(/[-_.]/g, "");

function hostReasons(host, official, rest, table) {
  const folded = fold(host.unicode, table);
  const read = foldDigits(folded, table);
  const [subs, name] = split(read);
  const brand = split(foldDigits(official, table))[1];
  const gap = distance(name, brand);
  const found = [];
  if (read === official || read.endsWith("." + official)) found.push("same-reading");
  else if (gap === 0) found.push("other-tld");
  if (gap > 0 && gap <= allowedDistance(cpLength(brand))) found.push("edit-distance");
  if (gap && squash(name).includes(squash(brand)) && squash(brand) !== squash(name)) found.push("brand-in-domain");
  if (subs.some((label) => squash(label).includes(squash(brand)))) found.push("brand-in-subdomain");
  if (rest && squash(foldDigits(fold(rest, table), table)).includes(squash(brand))) found.push("brand-in-path");
  if (!found.length) return [];
  if (found.length === 1 && found[0] === "brand-in-path") return found; // the name itself imitates nothing
  if (folded !== host.unicode.toLowerCase()) found.push("confusable");
  if (read !== folded) found.push("digit-for-letter");
  if (host.unicode.split(".").some(isMixedScript)) found.push("mixed-script");
  const kept = found.filter((r) => r !== "same-reading");
  return kept.length ? kept : ["confusable"];
}

// ---- the checker (helpcenter/verify/checker.py) ----

export function check(text, channels, table) {
  text = text.trim();
  const lowered = text.toLowerCase();
  if (!text) return result("unrecognised", null);
  if (lowered.startsWith("tel:") || (PHONE.test(text) && !IPV4.test(text))) {
    return phone(lowered.startsWith("tel:") ? text.slice(4) : text, channels);
  }
  if (lowered.startsWith("mailto:")) text = text.slice(7).split("?")[0];
  if (EMAIL.test(text) && !text.includes("/") && !text.includes(":")) return email(text, channels, table);
  const prefixed = PREFIXED.exec(text);
  if (prefixed && PLATFORMS.has(prefixed[1].toLowerCase()) && !text.includes("//")) {
    return handle(prefixed[1].toLowerCase(), prefixed[2], channels, table);
  }
  if (text.startsWith("@") && BARE.test(text)) return handle("", text, channels, table);
  if (SCHEME.test(text) && text.includes("://")) return url(text, channels, table);
  if (LOOKS_LIKE_HOST.test(text)) return url("http://" + text, channels, table);
  if (BARE.test(text)) return handle("", text, channels, table);
  return result("unrecognised", null);
}

function url(text, channels, table) {
  let parts;
  try {
    parts = new URL(text);
  } catch {
    return result("unrecognised", null);
  }
  if (parts.protocol !== "http:" && parts.protocol !== "https:") return result("unrecognised", null);
  if (!parts.hostname) return result("unrecognised", null);
  const host = hostOf(parts.hostname);
  const shown = { unicode: host.unicode, ascii: host.ascii };
  const bare = host.ascii.replace(/^www\./, "");
  const platform = PLATFORM_HOSTS[bare];
  if (platform) {
    const found = platformName(platform, parts);
    if (found) return handle(platform, found, channels, table);
  }
  const base = host.punycode ? ["punycode"] : [];
  const userinfo = parts.username !== "" || parts.password !== "";
  for (const channel of channels.domains) {
    const official = channel.value;
    if (!userinfo && (bare === official || (channel.subdomains && host.ascii.endsWith("." + official)))) {
      return result("official", "url", channel, ordered([...base, ...(bare !== official ? ["subdomain"] : [])]), shown);
    }
  }
  let rest = [safeDecode(parts.pathname), parts.search.slice(1), parts.hash.slice(1)].filter(Boolean).join(" ");
  if (userinfo) rest = `${parts.username} ${rest}`;
  for (const channel of channels.domains) {
    if (host.ascii.endsWith("." + channel.value)) {
      return result("not-official", "url", channel, ordered([...base, "subdomain-not-listed"]), shown);
    }
  }
  for (const channel of channels.domains) {
    let found = hostReasons(host, channel.value, rest, table);
    if (found.length) {
      if (userinfo && found.includes("brand-in-path")) found = [...found.filter((r) => r !== "brand-in-path"), "userinfo"];
      return result("lookalike", "url", channel, ordered([...base, ...found]), shown);
    }
  }
  return result("not-official", "url", null, ordered(base), shown);
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function platformName(platform, parts) {
  if (platform === "app_store") {
    const found = APP_STORE_ID.exec(parts.pathname);
    return found ? found[1] : "";
  }
  if (platform === "google_play") return parts.searchParams.get("id") || "";
  let segments = safeDecode(parts.pathname).split("/").filter(Boolean);
  while (segments.length && SKIPPED_SEGMENTS.has(segments[0].toLowerCase())) segments = segments.slice(1);
  return segments.length ? segments[0] : "";
}

function email(text, channels, table) {
  const at = text.lastIndexOf("@");
  const local = text.slice(0, at);
  const host = parseHost(text.slice(at + 1));
  if (!host) return result("unrecognised", null);
  const shown = { unicode: `${local}@${host.unicode}`, ascii: `${local}@${host.ascii}` };
  const base = host.punycode ? ["punycode"] : [];
  const address = `${local.toLowerCase()}@${host.ascii}`;
  for (const channel of channels.emails) {
    if (channel.value === address || channel.value === host.ascii) return result("official", "email", channel, ordered(base), shown);
  }
  // An official address with the same mailbox first (support@examp1e… imitates support@example…).
  const lower = local.toLowerCase();
  const mailbox = (c) => c.value.includes("@") && c.value.slice(0, c.value.lastIndexOf("@")) === lower;
  const domainOf = (c) => [c, c.value.slice(c.value.lastIndexOf("@") + 1)];
  const domains = channels.domains.map((c) => [c, c.value]);
  const candidates = [
    ...channels.emails.filter(mailbox).map(domainOf),
    ...domains,
    ...channels.emails.filter((c) => !c.value.includes("@")).map(domainOf),
    ...channels.emails.filter((c) => c.value.includes("@") && !mailbox(c)).map(domainOf),
  ];
  for (const [channel, domain] of candidates) {
    if (host.ascii === domain) return result("not-official", "email", channel, ordered([...base, "unlisted-address"]), shown);
  }
  for (const [channel, domain] of candidates) {
    const found = hostReasons(host, domain, "", table);
    if (found.length) return result("lookalike", "email", channel, ordered([...base, ...found]), shown);
  }
  const squashed = squash(foldDigits(fold(local, table), table));
  for (const [channel, domain] of [...domains, ...candidates]) {
    const brand = squash(split(domain)[1]);
    if (cpLength(brand) >= 4 && squashed.includes(brand)) {
      return result("lookalike", "email", channel, ordered([...base, "brand-in-address"]), shown);
    }
  }
  return result("not-official", "email", null, ordered(base), shown);
}

const normaliseHandle = (text) => text.trim().replace(/^@/, "").toLowerCase();

function handle(platform, text, channels, table) {
  const name = normaliseHandle(text).replace(/\/+$/, "");
  if (platform === "app_store" || platform === "google_play") return app(platform, name, channels);
  const shown = { handle: name, platform };
  const same = channels.handles.filter((c) => !platform || c.platform === platform);
  for (const channel of same) {
    if (channel.value === name) return result("official", "handle", channel, [], shown);
  }
  const others = channels.handles.filter((c) => !same.includes(c));
  for (const channel of [...same, ...others]) {
    let found = handleReasons(name, channel.value, table);
    if (others.includes(channel) && (found.length || channel.value === name)) found = [...found, "other-platform"];
    if (found.length) return result("lookalike", "handle", channel, ordered(found), shown);
  }
  return result("not-official", "handle", null, [], shown);
}

function handleReasons(name, official, table) {
  const folded = fold(name, table);
  const read = foldDigits(folded, table);
  const target = foldDigits(official, table);
  const found = [];
  if (read === target && name !== official) found.push("same-reading");
  const gap = distance(read, target);
  if (gap > 0 && gap <= Math.min(1, allowedDistance(cpLength(target)))) found.push("one-character-off");
  if (gap && cpLength(target) >= 4 && squash(read).includes(squash(target))) found.push("brand-in-handle");
  if (!found.length) return [];
  if (folded !== name) found.push("confusable");
  if (read !== folded) found.push("digit-for-letter");
  if (isMixedScript(name)) found.push("mixed-script");
  return found.filter((r) => r !== "same-reading");
}

function app(platform, name, channels) {
  name = name.replace(/^id/, "");
  const shown = { handle: name, platform };
  for (const channel of channels.apps) {
    if (channel.platform === platform && channel.value === name) return result("official", "url", channel, [], shown);
  }
  for (const channel of channels.apps) {
    if (channel.platform === platform && distance(name, channel.value) === 1) {
      return result("lookalike", "url", channel, ["one-character-off"], shown);
    }
  }
  return result("not-official", "url", null, [], shown);
}

function phone(text, channels) {
  let digits = text.replace(/[^0-9]/g, "");
  const international = text.startsWith("+") || text.startsWith("00");
  if (text.startsWith("00")) digits = digits.slice(2);
  if (digits.length < 7 || digits.length > 15) return result("unrecognised", null);
  // Without a country code, a number is compared by its end, without the trunk prefix 0 (020 … → 20 …).
  const national = !international && digits.startsWith("0") ? digits.slice(1) : digits;
  const shown = { number: international ? "+" + digits : digits };
  const reformatted = text === "+" + digits ? [] : ["other-format"];
  for (const channel of channels.phones) {
    const official = channel.value.slice(1);
    if (digits === official) return result("official", "phone", channel, ordered(reformatted), shown);
    if (!international && official.endsWith(national)) return result("official", "phone", channel, ["national-format"], shown);
  }
  for (const channel of channels.phones) {
    const official = channel.value.slice(1);
    const target = international ? official : official.slice(-national.length);
    if (target.length === national.length && distance(national, target) === 1) {
      return result("lookalike", "phone", channel, ordered([...reformatted, "one-digit-off"]), shown);
    }
  }
  return result("not-official", "phone", null, [], shown);
}
