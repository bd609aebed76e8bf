// The ticket form names a secret while the reader types or pastes it, not only when they send.
//
// One LiveWarning per field: a polite live region right under the field (the field's
// aria-describedby points at it) that lists each must-block secret the firewall finds in the field:
// its kind and why it must go, in the reader's language (tickets.ui.live), an excerpt, and a button
// that selects it. The check is the same local findSecrets as sending; nothing leaves the page. An
// unlabelled 64-character hex is most often a transaction hash: it is asked about when sending.

import { findSecrets } from "../firewall/secrets.js";
import { fill, h } from "../shared/dom.js";

const DELAY = 250;  // after the last key; a paste is checked at once

export class LiveWarning {
  /**
   * @param {HTMLTextAreaElement|HTMLInputElement} field the form field to watch (it must have an id)
   * @param {{ui: object, excerpt: function(string): string, select: function(object): Node}} options the
   *   form's ui strings, how it shortens a secret for display, and its "Select it" button for {target, found}
   */
  constructor(field, { ui, excerpt, select }) {
    this.field = field;
    this.ui = ui;
    this.excerpt = excerpt;
    this.select = select;
    this.items = [];
    this.run = 0;
    this.timer = 0;
    // In the page from the start, empty: screen readers announce text put into a live region that
    // exists, and often miss one that is added with its text.
    this.box = h("div", { className: "hc-ticket__live", id: `${field.id}-live`, "aria-live": "polite" });
    const described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    field.setAttribute("aria-describedby", [...described, this.box.id].join(" "));
    field.addEventListener("input", (event) => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), event.inputType === "insertFromPaste" ? 0 : DELAY);
    });
  }

  /** Check the field as it is now and show what it holds (the newest check wins). */
  async check() {
    this.run += 1;
    const run = this.run;
    const value = this.field.value;
    const found = (await findSecrets(value)).filter((f) => f.kind !== "ambiguous-hex");
    if (run !== this.run) return;
    const items = found.map((f) => ({ target: this.field, found: f, value: value.slice(f.start, f.end) }));
    const same = items.length === this.items.length &&
      items.every((item, i) => item.found.kind === this.items[i].found.kind && item.value === this.items[i].value);
    if (same) {
      // Unchanged for the reader: keep the text (no second announcement), move the spans Select it uses.
      items.forEach((item, i) => { this.items[i].found = item.found; });
      return;
    }
    this.items = items;
    const kinds = this.ui.kind || {};
    this.box.replaceChildren(...items.map((item) => h("p",
      { className: "hc-ticket__live-item", "data-kind": item.found.kind },
      h("span", { className: "hc-ticket__live-text" },
        fill(this.ui.live, { kind: Object.hasOwn(kinds, item.found.kind) ? kinds[item.found.kind] : item.found.kind })),
      " ", h("mark", {}, this.excerpt(item.value)), " ", this.select(item))));
  }
}
