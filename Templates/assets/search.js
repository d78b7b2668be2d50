// Offline search over window.GROWTH_SEARCH (loaded from index.js beside the
// page, so it works from file:// too). Matches any part of a name or an id.
(function () {
  "use strict";
  var entries = window.GROWTH_SEARCH || [];
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var empty = document.getElementById("search-empty");
  if (!input || !list) { return; }
  function normalise(text) { return String(text).toLowerCase().replace(/\s+/g, ""); }
  function show(query) {
    var q = normalise(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    empty.hidden = true;
    if (!q) { return; }
    var found = entries.filter(function (e) {
      return normalise(e.name).indexOf(q) !== -1 || normalise(e.id).indexOf(q) !== -1 ||
        normalise(e.detail).indexOf(q) !== -1;
    }).slice(0, 50);
    found.forEach(function (e) {
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.kind;
      var link = document.createElement("a");
      link.href = e.href;
      link.textContent = e.name;
      var detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = e.id + " · " + e.detail;
      item.appendChild(kind);
      item.appendChild(link);
      item.appendChild(detail);
      list.appendChild(item);
    });
    empty.hidden = found.length > 0;
  }
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
