// Material for MkDocs' bootstrap as a file instead of an inline <script>, so that a
// Content-Security-Policy of script-src 'self' keeps the theme working. Loaded as a plain, blocking
// script from partials/javascripts/base.html: the theme's bundle and palette script read these globals.
// Same behaviour as Material 9's inline version: per-site keys in localStorage, scoped by path.
(() => {
  "use strict";

  const scope = new URL(document.currentScript.dataset.mdScope || ".", window.location.href);
  window.__md_scope = scope;
  /** A small string hash (Material compares the announcement bar's content with it). */
  window.__md_hash = (text) => [...text].reduce((hash, ch) => (hash << 5) - hash + ch.charCodeAt(0), 0);
  /** A stored value of this site, or null. */
  window.__md_get = (key, storage = window.localStorage, base = window.__md_scope) =>
    JSON.parse(storage.getItem(`${base.pathname}.${key}`));
  /** Store a value for this site; a full or disabled storage is not an error. */
  window.__md_set = (key, value, storage = window.localStorage, base = window.__md_scope) => {
    try {
      storage.setItem(`${base.pathname}.${key}`, JSON.stringify(value));
    } catch (error) {
      // Private mode or a full quota: the preference is simply not remembered.
    }
  };
})();
