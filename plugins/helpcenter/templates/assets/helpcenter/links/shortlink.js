// Short link /a/<id>/: open the article in ?lang=, else the browser's language, else the default,
// keeping the rest of the query (e.g. ?step=) and the #section.
import { pickLanguage, readerTags } from "../shared/lang.js";

const data = JSON.parse(document.getElementById("hc-shortlink").textContent);
const languages = Object.keys(data.targets);

const params = new URLSearchParams(window.location.search);
const lang = pickLanguage(languages, [params.get("lang"), ...readerTags()], data.default);
params.delete("lang");
const target = new URL(data.targets[lang], window.location.href);
const query = params.toString();
target.search = query ? `?${query}` : "";
target.hash = window.location.hash;
window.location.replace(target.href);
