// Short link /a/<id>/: open the article in ?lang=, else the browser's language, else the default,
// keeping the rest of the query (e.g. ?step=) and the #section.
const data = JSON.parse(document.getElementById("hc-shortlink").textContent);
const languages = Object.keys(data.targets);

/** The site language a BCP 47 tag asks for ("zh-CN" → "zh"), or undefined. */
function match(tag) {
  const wanted = String(tag || "").toLowerCase();
  return languages.find((lang) => wanted === lang || wanted.startsWith(`${lang}-`));
}

const params = new URLSearchParams(window.location.search);
const lang = match(params.get("lang"))
  || (navigator.languages || [navigator.language]).map(match).find(Boolean)
  || data.default;
params.delete("lang");
const target = new URL(data.targets[lang], window.location.href);
const query = params.toString();
target.search = query ? `?${query}` : "";
target.hash = window.location.hash;
window.location.replace(target.href);
