// Material for MkDocs' content scripts as a file instead of inline <script>s (CSP script-src 'self'):
// reopen the content tabs the reader chose last (feature content.tabs.link), and open the tab a
// #fragment names. Runs blocking, right after the content, before the page is painted.
(() => {
  "use strict";

  if (document.currentScript.hasAttribute("data-md-tabs-link")) {
    const chosen = window.__md_get("__tabs");
    if (Array.isArray(chosen)) {
      for (const set of document.querySelectorAll(".tabbed-set")) {
        const bar = set.querySelector(".tabbed-labels");
        const labels = bar ? [...bar.getElementsByTagName("label")] : [];
        const label = chosen.map((tab) => labels.find((l) => l.innerText.trim() === tab)).find(Boolean);
        if (label) document.getElementById(label.htmlFor).checked = true;
      }
    }
  }
  const target = document.getElementById(window.location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
