// On a host's 404 page (GitHub Pages, Netlify, … serve 404.html for any unknown path): an address
// under /errors/ that has no page of its own (a code in another case, an unknown code) goes to
// /errors/?code=…, which finds the article whatever the case, or opens the search on the code.
// Real /errors/<CODE>/ pages never load this script, so a Material page at such a path is the 404.
const match = /^(.*\/)errors\/([^/]+)\/?(?:index\.html)?$/u.exec(window.location.pathname);
if (match && document.querySelector('meta[name="helpcenter:id"]') === null) {
  let code = match[2];
  try {
    code = decodeURIComponent(code);
  } catch (error) {
    // a malformed escape: use it as written
  }
  const target = new URL(`${match[1]}errors/`, window.location.href);
  target.search = `?${new URLSearchParams({ code })}`;
  target.hash = window.location.hash;
  window.location.replace(target.href);
}
