// /errors/?code=<CODE>: the article that explains an error code, in the reader's language, whatever
// the code's case; no article claims it: the search, opened on the code. A host's 404 page sends
// every /errors/<anything>/ here (fallback.js). The #fragment (context from the app) is kept.
import { pickLanguage, readerTags } from "../shared/lang.js";

const data = JSON.parse(document.getElementById("hc-errors").textContent);
const params = new URLSearchParams(window.location.search);
const code = String(params.get("code") || "").trim();
const targets = Object.hasOwn(data.codes, code.toUpperCase()) ? data.codes[code.toUpperCase()] : null;
const languages = Object.keys(targets || data.search);
const lang = pickLanguage(languages, [params.get("lang"), ...readerTags()], languages.includes(data.default) ? data.default : languages[0]);
const target = new URL(targets ? targets[lang] : data.search[lang], new URL("../", window.location.href));
if (targets) target.hash = window.location.hash;
else if (code) target.search = `?${new URLSearchParams({ q: code })}`;
window.location.replace(target.href);
