// Service notices: shown while the reader's clock is inside their window (a static site needs no
// rebuild when one starts or ends), info and warning dismissible. localStorage keeps only the ids
// of dismissed notices; critical notices cannot be dismissed.

import { onPage } from "../shared/page.js";

const KEY = "helpcenter.notices.dismissed";
const RECHECK_MS = 60 * 1000; // a notice that starts or ends while the page is open

function dismissed() {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY) || "[]");
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []);
  } catch {
    return new Set(); // storage blocked or not ours: show the notices again
  }
}

function remember(id) {
  const ids = dismissed();
  ids.add(id);
  try {
    localStorage.setItem(KEY, JSON.stringify([...ids]));
  } catch {
    // Storage blocked (private mode): dismissed for this page view only.
  }
}

function showing(notice, now, gone) {
  const start = Date.parse(notice.dataset.start);
  const end = notice.dataset.end ? Date.parse(notice.dataset.end) : Infinity;
  const dismissible = notice.dataset.severity !== "critical";
  return start <= now && now < end && !(dismissible && gone.has(notice.dataset.noticeId));
}

function update() {
  const now = Date.now();
  const gone = dismissed();
  for (const region of document.querySelectorAll("[data-hc-notices]")) {
    let any = false;
    for (const notice of region.querySelectorAll(".hc-notice")) {
      notice.hidden = !showing(notice, now, gone);
      any = any || !notice.hidden;
    }
    region.hidden = !any;
  }
}

function onDismiss(event) {
  const notice = event.currentTarget.closest(".hc-notice");
  const region = notice.closest("[data-hc-notices]");
  remember(notice.dataset.noticeId);
  update();
  // Keep the keyboard where it was: the next notice's button, else the start of the content.
  const next = region.querySelector(".hc-notice:not([hidden]) .hc-notice__dismiss");
  const content = region.parentElement;
  if (next) next.focus();
  else if (content) {
    content.setAttribute("tabindex", "-1");
    content.focus();
  }
}

// On every page, also after an instant navigation (Material's navigation.instant).
onPage((page) => {
  for (const button of document.querySelectorAll("[data-hc-notices] .hc-notice__dismiss")) {
    const notice = button.closest(".hc-notice");
    if (notice.dataset.severity === "critical") continue;
    button.hidden = false;
    page.on(button, "click", onDismiss);
  }
  update();
  page.every(RECHECK_MS, update);
});
