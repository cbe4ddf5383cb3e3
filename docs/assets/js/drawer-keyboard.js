// Makes Material's navigation drawer (the menu on phones and small screens) usable with a
// keyboard. Material opens it with a <label for="__drawer">, which Tab never reaches. This
// script replaces that label with a real button (Enter and Space work, aria-expanded tells
// screen readers the state), moves focus into the menu when it opens, and closes it with
// Escape, returning focus to the button. samen.css hides the closed drawer from the keyboard.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.setAttribute("aria-label", "Menu");  // the same word in Dutch and English
  button.setAttribute("aria-controls", "__drawer");
  while (label.firstChild) button.appendChild(label.firstChild);
  label.replaceWith(button);

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  button.addEventListener("click", function () {
    toggle.click();
    if (toggle.checked) {
      window.setTimeout(function () {
        var first = drawer.querySelector("a[href]");
        if (first) first.focus();
      }, 50);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  toggle.addEventListener("change", sync);
  sync();
})();
