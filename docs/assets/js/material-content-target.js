// Material for MkDocs' inline content script (partials/javascripts/content.html), moved to a
// file so that the Content-Security-Policy allows no inline script: opens the content tab
// that the URL fragment points to.
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
