// Building the page's own elements, for every feature's script: strings only ever become text.

/**
 * An element with attributes, listeners and children: h("a", {href, className, onclick}, "text", node).
 *
 * `className` sets the class and `text` the text content; a function under an `on…` name is a
 * listener; `true` is an empty attribute and `false`, null or undefined leave it out. Children are
 * nodes or strings (arrays are flattened; false, null and undefined are skipped); a string is
 * appended as a text node, never parsed as HTML.
 */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** "Step {n}" with {name} placeholders filled from `values` (own keys only); unknown ones stay as written. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (match, key) => (Object.hasOwn(values, key) ? String(values[key]) : match));
}
