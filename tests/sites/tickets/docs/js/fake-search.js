// Test double of the search helper's API: window.helpcenter.search(query, {lang}) → Promise of results.
window.helpcenter = window.helpcenter || {};
window.helpcenter.searchCalls = [];
window.helpcenter.search = (query, options) => {
  window.helpcenter.searchCalls.push([query, options && options.lang]);
  const prefix = options && options.lang === "zh" ? "/zh/app/" : "/en/app/";
  return Promise.resolve([
    { id: "update-app", url: prefix + "update-app/", title: "Update the app <b>now</b>", lang: options.lang, score: 3 },
    { id: "reinstall-app", url: prefix + "reinstall-app/", title: "Reinstall the app", lang: options.lang, score: 2 },
    { id: "app-trouble", url: prefix + "app-trouble/", title: "The app is not working", lang: options.lang, score: 1 },
    { id: "extra", url: prefix + "extra/", title: "A fourth result", lang: options.lang, score: 0.5 },
  ]);
};
