// Filters of the product catalogue (/producten/): combine instantly, show the number of
// results, keep their state in the URL (shareable; the back button restores it) and show an
// empty state. Without JavaScript the form stays hidden and the listing pages per theme, kind
// and leernetwerk offer the same selections. Values are compared, never inserted as HTML.
(function () {
  "use strict";
  var form = document.querySelector("[data-samen-filters]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".samen-cards > .samen-card[data-type]"));
  var count = document.querySelector("[data-samen-count]");
  var empty = document.querySelector("[data-samen-empty]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  // URL parameter -> data attribute on each card (space-separated ids)
  var cardField = { thema: "themes", leernetwerk: "leernetwerken", type: "type", doelgroep: "audiences", jaar: "year" };

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  function matches(card) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var values = (card.getAttribute("data-" + cardField[select.name]) || "").split(" ");
      return values.indexOf(select.value) !== -1;
    });
  }

  function render() {
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    var text = shown === 1 ? count.getAttribute("data-one") : count.getAttribute("data-many");
    count.textContent = text.replace("{count}", String(shown));
    empty.hidden = shown !== 0;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
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
})();
