// Material for MkDocs' banner scripts as a file instead of inline <script>s (CSP script-src 'self').
// Included blocking, where Material includes its own, with data-md-banner naming which one runs:
// - announce: keep a dismissed announcement hidden (feature announce.dismiss);
// - outdated: show the "outdated version" banner when the version selector marked this version;
// - consent: show the cookie consent form until the reader answered, and store the answer.
(() => {
  "use strict";

  const script = document.currentScript;
  const banner = script.dataset.mdBanner;

  if (banner === "announce") {
    const el = document.querySelector("[data-md-component=announce]");
    const content = el && el.querySelector(".md-typeset");
    if (content && window.__md_hash(content.innerHTML) === window.__md_get("__announce")) el.hidden = true;
  } else if (banner === "outdated") {
    const el = document.querySelector("[data-md-component=outdated]");
    const base = new URL(script.dataset.mdBase || ".", window.location.href);
    if (el && window.__md_get("__outdated", window.sessionStorage, base) === true) el.hidden = false;
  } else if (banner === "consent") {
    const form = document.forms.consent;
    const consent = window.__md_get("__consent");
    if (consent) {
      for (const input of form.elements) if (input.name) input.checked = consent[input.name] || false;
    } else if (window.location.protocol !== "file:") {
      setTimeout(() => { document.querySelector("[data-md-component=consent]").hidden = false; }, 250);
    }
    for (const action of ["submit", "reset"]) {
      form.addEventListener(action, (event) => {
        event.preventDefault();
        if (event.type === "reset") for (const input of form.elements) if (input.name) input.checked = false;
        window.__md_set("__consent", Object.fromEntries([...new FormData(form).keys()].map((key) => [key, true])));
        window.location.hash = "";
        window.location.reload();
      });
    }
  }
})();
