// Load the search index only when a reader starts to search, not on every page view:
// it is the largest download of the site and most visits never use it. Loaded before the
// theme's own script (as a "polyfill"), this holds back the theme's request for
// search/search_index.json until the search box is used, then lets it through.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = false;

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.tlDeferred = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.tlDeferred && !released) {
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  function wantsSearch(event) {
    var target = event.target;
    return target && target.closest &&
      (target.closest("[data-md-component=search]") || target.closest("label[for=__search]"));
  }
  document.addEventListener("focusin", function (event) { if (wantsSearch(event)) release(); }, true);
  document.addEventListener("pointerdown", function (event) { if (wantsSearch(event)) release(); }, true);
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) release();
  }, true);
  // Arriving from a search result (?h=...) highlights the words: that needs the index.
  if (/[?&]h=/.test(window.location.search)) release();
})();
