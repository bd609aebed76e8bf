// Copy link on every section heading of an article: a button beside the heading (shown on hover
// and on keyboard focus) that copies the short link /a/<id>/#<section>, which opens the section
// in the reader's own language. Words: the `links` UI strings, sent in the page's links.json.
import { fill } from "../shared/dom.js";
import { copyButton, shortLink } from "../shared/copylink.js";

export function addCopyLinks(strings) {
  if (!shortLink()) return; // not an article
  // Headings of the article's Markdown: the ones the table of contents links (they carry a permalink).
  for (const heading of document.querySelectorAll(".md-content .md-typeset :is(h2, h3)[id]")) {
    const permalink = heading.querySelector(":scope > a.headerlink");
    if (!permalink || heading.closest("[data-hc-flow]")) continue;
    const title = [...heading.childNodes].filter((n) => n !== permalink).map((n) => n.textContent).join("").trim();
    heading.append(copyButton({
      label: fill(strings.copy_link, { title }),
      done: strings.link_copied,
      failed: (url) => fill(strings.copy_failed, { url }),
      url: () => shortLink({ section: heading.id }),
    }));
  }
}
