// The links feature on every page: context from the app in the fragment (taken first, before
// anything else can read or keep it), copy-link buttons on article headings, and the 404 page's
// route for error codes.
//
// API: window.helpcenter.links.contextFields() resolves to the names (never the values) of the
// fields the app's context filled in, once they are in the ticket form and the troubleshooter.
import { register } from "../shared/events.js";
import { match, pageTag } from "../shared/lang.js";
import { onPage } from "../shared/page.js";
import { addCopyLinks } from "./copylink.js";
import { applyContext, takeContext } from "./context.js";
import "./fallback.js";

const raw = takeContext();
const applied = raw === null ? Promise.resolve([]) : applyContext(raw).then((fields) => Object.keys(fields), () => []);
register("links", { contextFields: () => applied });

const strings = fetch(new URL("links.json", import.meta.url))
  .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`links.json: ${response.status}`))));
strings.catch(() => {});

// Copy-link buttons on every page, also after an instant navigation (Material's navigation.instant).
onPage((page) => {
  strings.then((all) => {
    // The page's own language (zh-Hant is not zh), else the first.
    if (!page.signal.aborted) addCopyLinks(all[match(Object.keys(all), pageTag())] || all[Object.keys(all)[0]]);
  }).catch(() => {});
});
