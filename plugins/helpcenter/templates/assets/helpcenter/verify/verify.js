// window.helpcenter.verify(text), the checker page's form, and a link to the checker under every
// "we will never ask" box (the article's "Still stuck?", troubleshooters' escalate steps, the ticket
// form). The check runs here, on data.json and skeleton.json next to this file: nothing is sent.

import { fill, h } from "../shared/dom.js";
import { register } from "../shared/events.js";
import { match, pageTag } from "../shared/lang.js";
import { check } from "./checker.js";
import { onPage, readJson } from "../shared/page.js";

// The "never ask" notices of the other features' boxes (their partials and scripts keep these classes).
const NEVER_ASK = ".hc-still-stuck__notice, .hc-flow__notice, .hc-ticket__notice";
const ROOT = new URL("../../../", import.meta.url);

let dataPromise = null;

function load() {
  if (!dataPromise) {
    const get = (name) => fetch(new URL(name, import.meta.url)).then((r) => {
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return r.json();
    });
    dataPromise = Promise.all([get("verify.json"), get("skeleton.json")]).then(([data, table]) => ({ ...data, table }));
  }
  return dataPromise;
}

/** {verdict, kind, matched, reasons, shown} for a pasted link, e-mail address, handle or phone number. */
export async function verify(text) {
  const data = await load();
  return check(String(text ?? ""), data.channels, data.table);
}

register("verify", verify);

// ---- the checker page ----

function channelText(channel, strings) {
  if (!channel) return "";
  const platform = channel.platform ? strings.platforms[channel.platform] || channel.platform : "";
  if (channel.kind === "handle") return fill(strings.channel.handle, { platform, value: channel.value });
  if (channel.kind === "app") return fill(strings.channel.app, { platform, value: channel.value });
  return channel.value;
}

function render(result, strings) {
  const values = { ...result.shown, channel: channelText(result.matched, strings) };
  const verdict = result.verdict;
  const matched = result.matched && strings.matched[verdict];
  return [
    h("p", { className: "hc-verify__verdict" }, strings.verdict[verdict]),
    matched ? h("p", {}, fill(matched, values)) : null,
    result.reasons.length ? [h("p", { className: "hc-verify__why" }, strings.why),
      h("ul", { className: "hc-verify__reasons" },
        result.reasons.map((code) => h("li", { "data-reason": code }, fill(strings.reasons[code] || code, values))))] : null,
    h("p", { className: "hc-verify__advice" }, strings.advice[verdict]),
  ];
}

function setUpPage(page) {
  const form = document.getElementById("hc-verify-form");
  const output = document.getElementById("hc-verify-result");
  const block = document.getElementById("hc-verify-strings");
  if (!form || !output || !block) return;
  const strings = readJson(block);
  const input = form.querySelector("input");
  page.on(form, "submit", async (event) => {
    event.preventDefault();
    const result = await verify(input.value);
    output.className = `hc-verify__result hc-verify__result--${result.verdict}`;
    output.dataset.verdict = result.verdict;
    output.replaceChildren(...render(result, strings).flat().filter(Boolean));
  });
  for (const control of form.querySelectorAll("input, button")) control.disabled = false;
}

// ---- the link under every "we will never ask" box ----

async function addLinks(root) {
  const notices = [...root.querySelectorAll(NEVER_ASK)].filter(
    (n) => !(n.nextElementSibling && n.nextElementSibling.classList.contains("hc-verify-link")));
  if (!notices.length) return;
  const data = await load();
  const lang = match(Object.keys(data.pages), pageTag()) || Object.keys(data.pages)[0];
  const here = new URL(data.pages[lang], ROOT);
  if (here.pathname === location.pathname) return;
  for (const notice of notices) {
    if (notice.nextElementSibling && notice.nextElementSibling.classList.contains("hc-verify-link")) continue;
    notice.after(h("p", { className: "hc-verify-link" }, h("a", { href: here.href }, data.link[lang])));
  }
}

function watch() {
  addLinks(document).catch(() => {});
  // Troubleshooters and the ticket form draw their boxes later: link those as they appear.
  new MutationObserver((changes) => {
    if (changes.some((c) => [...c.addedNodes].some((n) => n.nodeType === 1))) addLinks(document).catch(() => {});
  }).observe(document.body, { childList: true, subtree: true });
}

// The checker page may be reached by an instant navigation (Material): set it up on every page.
onPage(setUpPage);
watch();
