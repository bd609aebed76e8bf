// Fill a helpdesk recipe from a ticket within the URL budget: twin of helpcenter/tickets/compose.py.
//
// compose(recipe, ticket, words, labels) → {url, cut, fits}. The ticket is a plain object with the
// Python Ticket's field names (lang, what_happened, article_id, …, path: [{node, ask, answer}],
// fields: [[name, value]], query, page_url). The least useful parts are dropped first and text is
// cut between characters before it is encoded, so no cut falls inside a UTF-8 sequence, a
// percent-escape or a parameter name; the description then says what was cut.

const DROPS = ["page_url", "query", "article_url", "flowchart_asks", "flowchart_path", "article_title"];
const FIELD_CAP = 100;
const SUBJECT_MAX = 80;
const ELLIPSIS = "…";
const PLACEHOLDER = /\{([^{}]*)\}/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WS = " \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
const EDGE_SPACE = new RegExp(`^[${WS}]+|[${WS}]+$`, "g");

const length = (text) => Array.from(text).length;
export const trim = (text) => text.replace(EDGE_SPACE, "");

export function cutText(text, limit) {
  if (limit < 0 || length(text) <= limit) return text;
  return limit > 0 ? Array.from(text).slice(0, limit).join("") + ELLIPSIS : "";
}

export function encode(text, encoding) {
  const value = encoding === "mailto" ? text.replace(/\n/g, "\r\n") : text;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function clean(ticket) {
  const fix = (text) => String(text ?? "").replace(/\r\n/g, "\n").replace(/\r/g, "\n").replace(LONE_SURROGATE, "\uFFFD");
  return {
    lang: String(ticket.lang || ""),
    what_happened: trim(fix(ticket.what_happened)),
    article_id: fix(ticket.article_id), article_title: fix(ticket.article_title), article_url: fix(ticket.article_url),
    flowchart_id: fix(ticket.flowchart_id), flowchart_leaf: fix(ticket.flowchart_leaf),
    path: (ticket.path || []).map((s) => ({ node: fix(s.node), ask: fix(s.ask), answer: fix(s.answer) })),
    // One value per field name, the first (Python builds the same from a dict).
    fields: (ticket.fields || []).filter(([name], i, all) => all.findIndex(([other]) => other === name) === i)
      .map(([name, value]) => [name, trim(fix(value))]),
    query: trim(fix(ticket.query)),
    page_url: ticket.page_url === ticket.article_url ? "" : fix(ticket.page_url),
  };
}

class Renderer {
  constructor(recipe, ticket, words, labels) {
    Object.assign(this, { recipe, ticket, words, labels });
    this.native = new Set(recipe.native);
  }

  present(key) {
    const t = this.ticket;
    return Boolean({ page_url: t.page_url, query: t.query, article_url: t.article_url,
      flowchart_asks: t.path.length, flowchart_path: t.path.length, article_title: t.article_title }[key]);
  }

  subjectFull() {
    const first = cutText(this.ticket.what_happened.split("\n").map(trim).find((line) => line) || "", SUBJECT_MAX);
    const title = this.ticket.article_title;
    if (title && first) return `${title}: ${first}`;
    return title || first || String(this.words.subject_default);
  }

  values(state) {
    const t = this.ticket;
    const dropped = new Set(state.drop);
    const path = dropped.has("flowchart_path") ? "" : t.path
      .map((s) => `${dropped.has("flowchart_asks") ? s.node : s.ask} → ${s.answer}`).join("; ");
    // Keyed by field names as well: no prototype, so any name is just a name.
    const values = Object.assign(Object.create(null), {
      lang: t.lang, locale: Object.hasOwn(this.recipe.locales, t.lang) ? this.recipe.locales[t.lang] : t.lang,
      what_happened: cutText(t.what_happened, state.what_limit),
      article_id: t.article_id, article_title: dropped.has("article_title") ? "" : t.article_title,
      article_url: dropped.has("article_url") ? "" : t.article_url,
      flowchart_id: t.flowchart_id, flowchart_leaf: t.flowchart_leaf, flowchart_path: path,
      query: dropped.has("query") ? "" : t.query, page_url: dropped.has("page_url") ? "" : t.page_url,
      subject: cutText(this.subjectFull(), state.subject_limit),
    });
    const fields = state.no_fields ? [] : t.fields.map(([name, value]) => [name, cutText(value, state.field_cap)]);
    for (const [name, value] of fields) if (!Object.hasOwn(values, name)) values[name] = value;
    if (!Object.hasOwn(values, "steps_tried")) values.steps_tried = path;
    values.description = this.description(values, fields, state);
    return values;
  }

  description(values, fields, state) {
    const { words: w, ticket: t, native } = this;
    const lines = values.what_happened ? values.what_happened.split("\n") : [];
    const context = [];
    const showId = !native.has("article_id");
    const showTitle = !native.has("article_title") && values.article_title;
    if (t.article_id && (showId || showTitle)) {
      const title = showTitle ? values.article_title : "";
      const ident = showId ? t.article_id : "";
      context.push(`${w.article}: ` + (title && ident ? `${title} (${ident})` : title || ident));
    }
    if (values.article_url && !native.has("article_url")) context.push(values.article_url);
    if (t.flowchart_id && !native.has("flowchart_id")) {
      const leaf = t.flowchart_leaf ? ` (${w.reached}: ${t.flowchart_leaf})` : "";
      context.push(`${w.troubleshooter}: ${t.flowchart_id}${leaf}`);
    }
    if (values.flowchart_path && !native.has("flowchart_path")) {
      const asks = !state.drop.includes("flowchart_asks");
      t.path.forEach((s, i) => context.push(`${i + 1}. ${asks ? s.ask : s.node} → ${s.answer}`));
    }
    for (const [name, value] of fields) {
      if (value && !native.has(name)) context.push(`${(Object.hasOwn(this.labels, name) && this.labels[name]) || name}: ` + value.split("\n").join(" / "));
    }
    for (const [key, word] of [["query", "search"], ["page_url", "page"]]) {
      if (values[key] && !native.has(key)) context.push(`${w[word]}: ${values[key]}`);
    }
    if (!native.has("lang")) context.push(`${w.language}: ${t.lang}`);
    if (context.length) lines.push(...(lines.length ? [""] : []), `— ${w.context} —`, ...context);
    if (state.cut.length) lines.push("", this.cutNote(state));
    if (this.recipe.body_format === "html") return lines.filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join("");
    return lines.join("\n");
  }

  cutNote(state) {
    const cutChars = length(this.ticket.what_happened) - Math.max(state.what_limit, 0);
    const parts = state.cut.map((key) => String(this.words.cut[key]).replace("{n}", String(cutChars)));
    return String(this.words.cut_note).replace("{parts}", parts.join(", "));
  }

  url(state) {
    const values = this.values(state);
    const enc = this.recipe.encoding;
    const fill = (template) => {
      const get = (name) => (Object.hasOwn(values, name) ? values[name] : "");
      const used = Array.from(template.matchAll(PLACEHOLDER), (m) => get(m[1]));
      const text = template.replace(PLACEHOLDER, (_, name) => encode(get(name), enc));
      return [text, !used.length || used.some(Boolean)];
    };
    const [base] = fill(this.recipe.base);
    const pairs = [];
    for (const [name, template] of this.recipe.pairs) {
      const [text, keep] = fill(template);
      if (keep) pairs.push(`${name}=${text}`);
    }
    return base + (pairs.length ? "?" + pairs.join("&") : "");
  }

  fits(state) {
    return this.url(state).length <= this.recipe.max_length;
  }
}

function longest(render, state, attr, size) {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (render.fits({ ...state, [attr]: mid })) lo = mid;
    else hi = mid - 1;
  }
  return { ...state, [attr]: lo };
}

/** The prefilled URL: {url, cut: [part, …], fits}. */
export function compose(recipe, rawTicket, words, labels) {
  const ticket = clean(rawTicket);
  const render = new Renderer(recipe, ticket, words, labels);
  let state = { drop: [], field_cap: -1, what_limit: -1, subject_limit: -1, no_fields: false, cut: [] };
  const done = () => ({ url: render.url(state), cut: [...state.cut], fits: render.fits(state) });
  if (render.fits(state)) return done();
  for (const key of DROPS) {
    if (!render.present(key)) continue;
    state = { ...state, drop: [...state.drop, key], cut: [...state.cut, key] };
    if (render.fits(state)) return done();
  }
  if (ticket.fields.some(([, value]) => length(value) > FIELD_CAP)) {
    state = { ...state, field_cap: FIELD_CAP, cut: [...state.cut, "field_values"] };
    if (render.fits(state)) return done();
  }
  for (const [attr, key, full] of [["what_limit", "what_happened", ticket.what_happened],
    ["subject_limit", "subject", render.subjectFull()]]) {
    if (!full) continue;
    state = longest(render, { ...state, cut: [...state.cut, key] }, attr, length(full));
    if (render.fits(state)) return done();
  }
  if (ticket.fields.some(([, value]) => value)) state = { ...state, no_fields: true, cut: [...state.cut, "fields"] };
  return done();
}
