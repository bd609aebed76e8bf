// Material for MkDocs' palette restore as a file instead of an inline <script> (CSP script-src 'self').
// Runs blocking, in the header, so the reader's stored colour scheme applies before the first paint.
(() => {
  "use strict";

  const palette = window.__md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    // "Follow the system": take the colours of the palette entry that matches the system now.
    const light = window.matchMedia("(prefers-color-scheme: light)").matches;
    const input = document.querySelector(`[data-md-color-media='(prefers-color-scheme: ${light ? "light" : "dark"})']`);
    if (input) {
      for (const key of ["media", "scheme", "primary", "accent"]) {
        palette.color[key] = input.getAttribute(`data-md-color-${key}`);
      }
    }
  }
  for (const [key, value] of Object.entries(palette.color)) {
    document.body.setAttribute(`data-md-color-${key}`, value);
  }
})();
