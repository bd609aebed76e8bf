// "Still stuck?": a short ticket form, then the site's own helpdesk in a new tab, prefilled.
//
// Any [data-hc-ticket] element opens the form (event delegation): the article's Still stuck? link,
// a flowchart escalate leaf, the search's no-results state. Its data-hc-ticket-context JSON says
// what to carry: {source, lang, article: {id, title, url}, flowchart: {id, path: [{node, ask,
// answer}], leaf}, collect: [field names], query}. Nothing is sent before the secret firewall
// (secrets.js) has passed every text; recovery phrases and keys block sending, an unlabelled
// 64-character hex string must be confirmed as a transaction hash.

import { findSecrets } from "../firewall/secrets.js";
import { fill, h } from "../shared/dom.js";
import { EVENTS, emit, listen, lookup, register } from "../shared/events.js";
import { pageTag, pickLanguage } from "../shared/lang.js";
import { onPage } from "../shared/page.js";
import { compose } from "./compose.js";
import { LiveWarning } from "./live.js";
import { checkField } from "./formats.js";

const SKIP_INPUT = new Set(["steps_tried", "screenshot"]);  // filled in by the path / attached later
const DEFLECT_MAX = 3;
const DEFLECT_DELAY = 300;
let configPromise = null;
let lastQuery = "";
const prefilled = new Map(); // field → value from the app's link (links/context.js checked it)

const loadConfig = () => {
  if (!configPromise) {
    configPromise = fetch(new URL("tickets.json", import.meta.url))
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`tickets.json: ${r.status}`))));
    configPromise.catch(() => { configPromise = null; });
  }
  return configPromise;
};

const excerpt = (text) => (text.length > 24 ? `${text.slice(0, 10)}…${text.slice(-10)}` : text);

/** `table[key]` when the table has it as its own (a field name may be "constructor"), else undefined. */
const own = (table, key) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

class TicketForm {
  constructor(config, context, trigger) {
    this.config = config;
    this.context = context;
    this.trigger = trigger;
    this.lang = pickLanguage(Object.keys(config.languages), [context.lang, pageTag()]);
    this.words = config.languages[this.lang];
    const collect = Array.isArray(context.collect) ? context.collect : config.form_fields;
    // A public tracker never asks who paid whom or how much, whichever leaf or article names the field.
    const hidden = new Set(config.private_fields || []);
    this.collect = collect.map(String).filter((n) => own(this.words.labels, n) !== undefined && !hidden.has(n));
    this.required = new Set(config.required || []);
    this.inputs = new Map();
    this.confirmed = new Set();
    this.attempted = false;
    this.timer = 0;
    this.build();
  }

  build() {
    const ui = this.words.ui;
    const channel = this.words.channel;
    // No spellcheck: Chrome's enhanced spell check and Edge's editor send what is typed to their servers,
    // and this is where a reader pastes a recovery phrase before the firewall can stop it.
    this.what = h("textarea", { id: "hc-ticket-what", rows: "5", required: true, spellcheck: "false",
      autocomplete: "off", "aria-describedby": "hc-ticket-what-help hc-ticket-what-error",
      oninput: () => this.onInput() });
    this.whatError = h("p", { className: "hc-ticket__error", id: "hc-ticket-what-error", hidden: true });
    this.deflect = h("div", { className: "hc-ticket__deflect", "aria-live": "polite", hidden: true });
    this.secrets = h("div", { className: "hc-ticket__secrets", role: "alert", tabindex: "-1", hidden: true });
    this.status = h("p", { className: "hc-ticket__status", "aria-live": "polite" });
    this.opened = h("p", { className: "hc-ticket__opened", hidden: true });
    const fields = this.collect.filter((n) => !SKIP_INPUT.has(n)).map((name) => this.field(name));
    this.form = h("form", { className: "hc-ticket__form", novalidate: true, onsubmit: (e) => this.onSubmit(e) },
      h("h2", { id: "hc-ticket-title" }, ui.title),
      h("p", { className: "hc-ticket__channel" }, fill(ui.channel, { channel })),
      this.config.never_ask === false ? null : h("p", { className: "hc-ticket__notice", role: "note" }, ui.never_ask),
      this.config.public ? h("p", { className: "hc-ticket__public", role: "note" }, fill(ui.public, { channel })) : null,
      this.summary(),
      h("label", { for: "hc-ticket-what", className: "hc-ticket__label" }, ui.what_happened),
      h("p", { className: "hc-ticket__help", id: "hc-ticket-what-help" }, ui.what_happened_help),
      this.what, this.whatError, this.liveWarning(this.what), this.deflect,
      fields.length ? h("fieldset", { className: "hc-ticket__fields" }, h("legend", {}, ui.details), fields) : null,
      this.collect.includes("screenshot") ? h("p", { className: "hc-ticket__screenshot" }, ui.screenshot) : null,
      this.secrets, this.status,
      h("div", { className: "hc-ticket__actions" },
        h("button", { type: "submit", className: "md-button md-button--primary hc-ticket__send" },
          fill(ui.send, { channel })),
        h("button", { type: "button", className: "md-button hc-ticket__cancel", onclick: () => this.close() },
          ui.cancel)),
      this.opened);
    this.dialog = h("dialog", { className: "hc-ticket", "aria-labelledby": "hc-ticket-title", lang: this.lang,
      onclose: () => this.remove(), onkeydown: (event) => this.wrapTab(event) }, this.form);
  }

  /** Tab from the last control goes to the first (and back): a modal dialog lets the browser's own
      toolbar take focus after its last control; the form keeps it, as the search box does. */
  wrapTab(event) {
    if (event.key !== "Tab") return;
    const stops = [...this.dialog.querySelectorAll("a[href], button, input, textarea, select, [tabindex]")]
      .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length);
    const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
    if (!stops.length || document.activeElement !== edge) return;
    event.preventDefault();
    (event.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
  }

  summary() {
    const { article, flowchart } = this.context;
    const items = [];
    if (article && article.title) items.push(h("li", {}, `${this.words.ticket.article}: ${article.title}`));
    if (flowchart && flowchart.path && flowchart.path.length) {
      items.push(h("li", {}, `${this.words.ticket.troubleshooter}:`,
        h("ol", {}, flowchart.path.map((s) => h("li", {}, `${s.ask} → ${s.answer}`)))));
    }
    return items.length ? h("ul", { className: "hc-ticket__summary" }, items) : null;
  }

  field(name) {
    const id = `hc-ticket-f-${name}`;
    const input = h(name === "error_text" ? "textarea" : "input", { id, name, rows: name === "error_text" ? "2" : false,
      type: name === "error_text" ? false : "text", autocomplete: "off", spellcheck: "false",
      required: this.required.has(name),
      "aria-describedby": `${id}-help ${id}-error`, oninput: () => this.onInput() });
    const error = h("p", { className: "hc-ticket__error", id: `${id}-error`, hidden: true });
    if (prefilled.has(name)) input.value = prefilled.get(name);
    this.inputs.set(name, { input, error });
    return h("div", { className: "hc-ticket__field" },
      h("label", { for: id }, own(this.words.labels, name)),
      h("p", { className: "hc-ticket__help", id: `${id}-help` }, own(this.words.help, name) || ""),
      input, error, this.liveWarning(input));
  }

  /** The warning under `field` that names a secret while the reader types or pastes it (live.js). */
  liveWarning(field) {
    return new LiveWarning(field, { ui: this.words.ui, excerpt, select: (item) => this.selectButton(item) }).box;
  }

  open() {
    document.body.append(this.dialog);
    this.dialog.showModal();
    this.what.focus();
  }

  close() {
    this.dialog.close();
  }

  remove() {
    this.dialog.remove();
    if (this.trigger && document.contains(this.trigger)) this.trigger.focus();
  }

  onInput() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.deflection();
      if (this.attempted) this.check(false);
    }, DEFLECT_DELAY);
  }

  async deflection() {
    const search = lookup("search");
    const query = this.what.value.trim().slice(0, 200);
    if (typeof search !== "function" || query.length < 3) return this.showDeflection([]);
    // Nothing that holds a secret goes anywhere, not even into the local search.
    if ((await findSecrets(query)).length) return this.showDeflection([]);
    let results = [];
    try {
      results = await search(query, { lang: this.lang });
    } catch (error) {
      results = [];  // search is optional: the form works without it
    }
    const own = this.context.article && this.context.article.id;
    return this.showDeflection((results || []).filter((r) => r && r.id !== own).slice(0, DEFLECT_MAX));
  }

  showDeflection(results) {
    if (!results.length) {
      this.deflect.hidden = true;
      this.deflect.replaceChildren();
      return;
    }
    const root = new URL("../../../", import.meta.url);
    this.deflect.replaceChildren(h("p", { className: "hc-ticket__deflect-title" }, this.words.ui.deflect_title),
      h("ul", {}, results.map((r) => h("li", {}, h("a", { href: new URL(String(r.url), root).href, target: "_blank",
        rel: "noopener", onclick: () => tell("suggestion-clicked", this.context) }, String(r.title))))));
    this.deflect.hidden = false;
  }

  texts() {
    const texts = [{ key: "what", label: this.words.ui.what_happened, value: this.what.value, target: this.what }];
    for (const [name, { input }] of this.inputs) {
      texts.push({ key: name, label: own(this.words.labels, name), value: input.value, target: input });
    }
    return texts;
  }

  formatErrors() {
    let first = null;
    const network = this.inputs.has("network") ? this.inputs.get("network").input.value : "";
    for (const [name, { input, error }] of this.inputs) {
      const missing = this.required.has(name) && !input.value.trim();
      const message = missing ? fill(this.words.ui.field_required, { label: own(this.words.labels, name) })
        : checkField(name, input.value, network, this.config.formats, this.lang);
      error.textContent = message || "";
      error.hidden = !message;
      input.toggleAttribute("aria-invalid", Boolean(message));
      if (message && !first) first = input;
    }
    const empty = !this.what.value.trim();
    this.whatError.textContent = empty ? this.words.ui.required : "";
    this.whatError.hidden = !empty;
    this.what.toggleAttribute("aria-invalid", empty);
    return empty ? this.what : first;
  }

  /** Run the firewall on `texts` (default: the form now); show what blocks. Resolves to true when they may go. */
  async check(focus, texts = this.texts()) {
    const ui = this.words.ui;
    const blocked = [];
    const ambiguous = [];
    for (const text of texts) {
      for (const found of await findSecrets(text.value)) {
        const value = text.value.slice(found.start, found.end);
        if (found.kind !== "ambiguous-hex") blocked.push({ ...text, found, value });
        else if (text.key !== "tx_hash") ambiguous.push({ ...text, found, value });  // the field is its label
      }
    }
    const unconfirmed = ambiguous.filter((a) => !this.confirmed.has(a.value));
    this.secrets.replaceChildren();
    if (blocked.length) {
      this.secrets.append(h("p", { className: "hc-ticket__secrets-title" }, ui.blocked_title),
        h("ul", {}, blocked.map((b) => h("li", { className: "hc-ticket__secret", "data-kind": b.found.kind },
          h("strong", {}, `${b.label}: ${ui.kind[b.found.kind]}`), " ", h("mark", {}, excerpt(b.value)), " ",
          ui.blocked_reason, " ", this.selectButton(b)))));
    }
    if (blocked.length || unconfirmed.length) this.secrets.append(...ambiguous.map((a) => this.confirmBox(a)));
    this.secrets.hidden = !this.secrets.childElementCount;
    if (focus && !this.secrets.hidden) this.secrets.focus();
    return !blocked.length && !unconfirmed.length;
  }

  selectButton(item) {
    return h("button", { type: "button", className: "hc-ticket__select", onclick: () => {
      item.target.focus();
      item.target.setSelectionRange(item.found.start, item.found.end);
    } }, this.words.ui.select);
  }

  confirmBox(item) {
    this.boxes = (this.boxes || 0) + 1;
    const id = `hc-ticket-hex-${this.boxes}`;
    const box = h("input", { type: "checkbox", id, className: "hc-ticket__confirm",
      onchange: () => (box.checked ? this.confirmed.add(item.value) : this.confirmed.delete(item.value)) });
    box.checked = this.confirmed.has(item.value);
    return h("p", { className: "hc-ticket__confirm-row" }, box, " ",
      h("label", { for: id }, fill(this.words.ui.confirm_hex, { text: excerpt(item.value) })), " ",
      h("span", { className: "hc-ticket__help" }, this.words.ui.confirm_hex_help), " ", this.selectButton(item));
  }

  async onSubmit(event) {
    event.preventDefault();
    this.attempted = true;
    const invalid = this.formatErrors();
    if (invalid) return invalid.focus();
    this.status.textContent = this.words.ui.checking;
    // The check waits (the word lists load on first use) while the reader may still type or paste: the
    // ticket carries exactly the texts that passed, and a form changed meanwhile is checked again.
    let texts;
    let ok;
    do {
      texts = this.texts();
      ok = await this.check(true, texts);
    } while (ok && this.texts().some((text, i) => text.value !== texts[i].value));
    this.status.textContent = "";
    if (!ok) return undefined;
    const openQuery = lookup("searchBox", "openQuery");
    const query = String(this.context.query || lastQuery || (openQuery ? openQuery() : ""));
    const ticket = this.ticket((await findSecrets(query)).length ? "" : query, texts);
    const { url } = compose(this.config.recipe, ticket, this.words.ticket, this.words.labels);
    window.open(url, "_blank", "noopener");
    tell("sent", this.context);
    const ui = this.words.ui;
    this.opened.replaceChildren(ui.opened, " ", h("a", { href: url, target: "_blank", rel: "noopener noreferrer",
      className: "hc-ticket__link" }, fill(ui.open_link, { channel: this.words.channel })));
    this.opened.hidden = false;
    return url;
  }

  /** The ticket from `texts`, the values the firewall passed (see texts()). */
  ticket(query, texts) {
    const { article = {}, flowchart = {} } = this.context;
    return {
      lang: this.lang, what_happened: texts.find((text) => text.key === "what").value,
      article_id: article.id || "", article_title: article.title || "", article_url: article.url || "",
      flowchart_id: flowchart.id || "", flowchart_leaf: flowchart.leaf || "",
      path: (flowchart.path || []).map((s) => ({ node: String(s.node), ask: String(s.ask), answer: String(s.answer) })),
      fields: texts.filter((text) => text.key !== "what").map((text) => [text.key, text.value]),
      query, page_url: this.pageUrl(article.url),
    };
  }

  pageUrl(articleUrl) {
    // Never ?q= or #…: they may hold what the reader typed. The article's own page is not repeated.
    const here = location.origin + location.pathname;
    return articleUrl && new URL(articleUrl, location.href).pathname === location.pathname ? articleUrl : here;
  }
}

/** Tell other modules (insights.js) how far a ticket got: opened, suggestion-clicked, sent; never what it says. */
function tell(stage, context) {
  emit(EVENTS.ticket, { stage, source: context.source, article: context.article && context.article.id });
}

function parseContext(element) {
  try {
    const value = JSON.parse(element.getAttribute("data-hc-ticket-context") || "{}");
    return value && typeof value === "object" ? value : {};
  } catch (error) {
    return {};  // a broken context still opens the form, without it
  }
}

/** Open the ticket form with a context (see the top of this file). */
export async function open(context, trigger) {
  const config = await loadConfig();
  const form = new TicketForm(config, context || {}, trigger || document.activeElement);
  form.open();
  tell("opened", form.context);
  forms.add(form);
  form.dialog.addEventListener("close", () => forms.delete(form));
  return form;
}

// Forms open on this page: a navigation that leaves it (Back, under Material's navigation.instant)
// closes them, and the form's own timer stops with it.
const forms = new Set();
onPage(() => () => {
  for (const form of [...forms]) {
    clearTimeout(form.timer);
    form.close();
  }
});

document.addEventListener("click", (event) => {
  const trigger = event.target.closest && event.target.closest("[data-hc-ticket]");
  if (!trigger) return;
  event.preventDefault();
  open(parseContext(trigger), trigger).catch(() => {
    // No form data: fall back to the server-built link when there is one.
    if (trigger.href) window.open(trigger.href, "_blank", "noopener");
  });
});
listen(EVENTS.escalate, () => { loadConfig().catch(() => {}); });
listen(EVENTS.search, (detail) => { lastQuery = String((detail && detail.query) || ""); });

/** null when `value` fits field `name`'s format for `network` (formats.yml), else why not, in `lang`. */
async function checkFormat(name, value, network, lang) {
  const config = await loadConfig();
  return checkField(name, value, network || "", config.formats, lang || pageTag());
}

/** Values forms opened from now on start with: {field: value} (links/context.js, from the app's link). */
function prefill(values) {
  for (const [name, value] of Object.entries(values || {})) prefilled.set(String(name), String(value));
}

register("tickets", { findSecrets, open, compose, checkFormat, prefill });
