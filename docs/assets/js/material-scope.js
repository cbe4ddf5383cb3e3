// Material for MkDocs' inline page-scope helpers (partials/javascripts/base.html), moved to a
// file so that the Content-Security-Policy allows no inline script. The scope URL comes from
// the data-scope attribute that the template writes on this script element.
var __md_scope = new URL(document.currentScript.getAttribute("data-scope"), location),
  __md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
  __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
  __md_set = (e, _, t = localStorage, a = __md_scope) => {
    try {
      t.setItem(a.pathname + "." + e, JSON.stringify(_));
    } catch (e) {}
  };
