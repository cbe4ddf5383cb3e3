// Filters for generated lists (the product catalogue, the partner index): they combine
// instantly, show the number of results, keep their state in the URL (shareable; the back
// button restores it) and show an empty state. Without JavaScript the form stays hidden and
// the full list, plus the listing pages it links to, remain. Values are compared, never
// inserted as HTML.
//
// Markup: a [data-samen-filter-scope] holds a form[data-samen-filters] whose selects name
// the URL parameter (name) and the item attribute to match (data-field), the items
// ([data-samen-filter-item], with space-separated ids in data-<field>), a [data-samen-count]
// with data-one/data-many texts, a [data-samen-empty] message, and optionally
// [data-samen-filter-group] wrappers that are hidden when none of their items is shown.
(function () {
  "use strict";
  var toArray = function (list) { return Array.prototype.slice.call(list); };

  function setUp(scope) {
    var form = scope.querySelector("form[data-samen-filters]");
    if (!form) return;
    var items = toArray(scope.querySelectorAll("[data-samen-filter-item]"));
    var groups = toArray(scope.querySelectorAll("[data-samen-filter-group]"));
    var count = scope.querySelector("[data-samen-count]");
    var empty = scope.querySelector("[data-samen-empty]");
    var selects = toArray(form.querySelectorAll("select"));

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        var known = toArray(select.options).some(function (o) { return o.value === value; });
        select.value = known ? value : "";
      });
    }

    function matches(item) {
      return selects.every(function (select) {
        if (!select.value) return true;
        var values = (item.getAttribute("data-" + select.getAttribute("data-field")) || "").split(" ");
        return values.indexOf(select.value) !== -1;
      });
    }

    function render() {
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-samen-filter-item]:not([hidden])");
      });
      if (count) {
        var text = shown === 1 ? count.getAttribute("data-one") : count.getAttribute("data-many");
        count.textContent = text.replace("{count}", String(shown));
      }
      if (empty) empty.hidden = shown !== 0;
    }

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
        else params.delete(select.name);
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "");
      if (url !== window.location.pathname + window.location.search) {
        window.history.pushState(null, "", url);
      }
    }

    form.addEventListener("change", function () {
      render();
      writeUrl();
    });
    form.addEventListener("reset", function () {
      // The form resets its fields after this event; read them once that has happened.
      window.setTimeout(function () {
        render();
        writeUrl();
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    window.addEventListener("popstate", function () {
      readUrl();
      render();
    });

    form.hidden = false;
    readUrl();
    render();
  }

  toArray(document.querySelectorAll("[data-samen-filter-scope]")).forEach(setUp);
})();
