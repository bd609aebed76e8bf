// "Copy link" buttons, for every feature's script: a section heading (links/copylink.js), a
// troubleshooter step (flowcharts/flowchart.js). The link is the article's short link from
// <meta name="helpcenter:shortlink"> (/a/<id>/), which opens in each reader's own language.

import { h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const ICON = "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10";
let live = null;

/** The short link of the page's article (absolute), with ?step= and #section when given; null elsewhere. */
export function shortLink({ section, step } = {}) {
  const meta = document.querySelector('meta[name="helpcenter:shortlink"]');
  if (!meta || !meta.content) return null;
  const url = new URL(meta.content, window.location.href);
  if (step) url.searchParams.set("step", step);
  if (section) url.hash = section;
  return url.href;
}

/** Say `text` to screen readers (one polite live region for the page). */
export function announce(text) {
  if (!live) {
    live = h("p", { className: "hc-visually-hidden hc-copylink-status", role: "status", "aria-live": "polite" });
    document.body.append(live);
  }
  live.textContent = "";
  // A new text node after a pause: the same words twice in a row are announced twice.
  setTimeout(() => { live.textContent = text; }, 30);
}

function icon() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICON);
  svg.append(path);
  return svg;
}

/**
 * A button that copies `url()` to the clipboard: `label` names it, `done` is announced after a copy,
 * `failed(url)` when the clipboard refused (the link is then shown to copy by hand).
 */
export function copyButton({ label, done, failed, url }) {
  const button = h("button", { type: "button", className: "hc-copylink", title: label, "aria-label": label });
  button.append(icon());
  button.addEventListener("click", async (event) => {
    event.preventDefault();
    event.stopPropagation();
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      button.classList.add("hc-copylink--done");
      setTimeout(() => button.classList.remove("hc-copylink--done"), 1500);
      announce(done);
    } catch (error) {
      announce(failed(link));
    }
  });
  return button;
}
