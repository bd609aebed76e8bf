// Show the "no translation yet" notice when the language switch landed on a home page instead.
import { onPage } from "../shared/page.js";

onPage(() => {
  const notice = document.querySelector("[data-hc-untranslated]");
  if (notice && new URLSearchParams(window.location.search).has("untranslated")) notice.hidden = false;
});
