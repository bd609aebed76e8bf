// "Was this helpful?" once a reader votes: Yes thanks at once; No asks why (a reason, a comment that
// the secret firewall checks first), then thanks and offers "Still stuck?" (tickets.js opens it).

import { emit, firewall, leaving } from "./insights.js";

let unsent = null;  // a No whose reasons were not sent: it still counts when the reader leaves

export function vote(box, button) {
  const part = (name) => box.querySelector(`[data-hc-feedback-${name}]`);
  const status = part("status");
  const votes = [...box.querySelectorAll("[data-hc-vote]")];
  if (votes.some((b) => b.getAttribute("aria-pressed") === "true")) return;  // one vote a page view
  for (const other of votes) other.setAttribute("aria-pressed", other === button);
  const thank = (text) => {
    status.textContent = text;
    status.focus();
  };
  const event = { type: "feedback", article: box.dataset.hcArticle, helpful: button.value === "yes" };
  if (event.helpful) {
    emit(event);
    thank(box.dataset.hcThanksYes);
    return;
  }
  unsent = event;
  leaving.push(() => unsent && emit(unsent));
  const why = part("why");
  const comment = part("comment");
  const warning = part("secret");
  why.hidden = false;
  why.querySelector("input").focus();
  why.addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    const { findSecrets, mustBlock } = await firewall();
    let text;
    let found;
    do {  // the check waits for the word lists: a comment changed meanwhile is checked again
      text = comment.value;
      found = mustBlock(await findSecrets(text));
    } while (!found.length && text !== comment.value);
    comment.toggleAttribute("aria-invalid", found.length > 0);
    warning.textContent = found.length ? warning.dataset.text : "";
    if (found.length) {  // a flagged comment never leaves this page
      comment.focus();
      comment.setSelectionRange(found[0].start, found[0].end);
      return;
    }
    if (!unsent) return;  // sent already (a second submit while the first was checked)
    const reason = why.querySelector(":checked");
    emit({ ...unsent, ...(reason && { reason: reason.value }), ...(text.trim() && { comment: text.trim() }) });
    unsent = null;
    why.hidden = true;
    if (part("stuck")) part("stuck").hidden = false;
    thank(box.dataset.hcThanksNo);
  });
}
