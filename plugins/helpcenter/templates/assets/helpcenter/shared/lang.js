// Which language to show: one rule for every feature's script.
//
// A tag matches a site language when it is that language or starts with it and a hyphen
// ("zh-Hans-CN" → "zh"), case aside; the language it is wins over a shorter one it starts with
// ("zh-Hant" is zh-Hant on a site with zh and zh-Hant, not the Simplified zh). The page says its
// language in <meta name="helpcenter:lang"> or <html lang>; the reader's browser in navigator.languages.

/** The site language (one of `languages`) a BCP 47 tag asks for, or undefined. */
export function match(languages, tag) {
  const wanted = String(tag || "").toLowerCase();
  return languages.find((lang) => wanted === lang.toLowerCase())
    || languages.find((lang) => wanted.startsWith(`${lang.toLowerCase()}-`));
}

/** The first of `tags` that names one of `languages`, else `fallback` (the first language by default). */
export function pickLanguage(languages, tags, fallback = languages[0]) {
  for (const tag of tags) {
    const found = match(languages, tag);
    if (found) return found;
  }
  return fallback;
}

/** The page's language tag: its helpcenter:lang meta, else <html lang>, else "en". */
export function pageTag() {
  const meta = document.querySelector('meta[name="helpcenter:lang"]');
  return (meta && meta.content) || document.documentElement.lang || "en";
}

/** The page's language as a primary subtag, lower case ("zh-Hans" → "zh"): before any list of languages is known. */
export function pageLanguage() {
  return pageTag().toLowerCase().split("-")[0];
}

/** The languages the reader's browser asks for, most wanted first. */
export function readerTags() {
  return navigator.languages && navigator.languages.length ? [...navigator.languages] : [navigator.language];
}
