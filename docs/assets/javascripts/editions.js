// Loaded before the theme's own script (as a "polyfill"). The theme requests sitemap.xml
// beside every <link rel="alternate"> to find the same page in another language; this site's
// language selector and hreflang links already lead to the same page, and beside a page's
// address there is no sitemap (each request would fail with a 404). So those requests are
// answered here as failed, without touching the network: the selector's links are followed
// as written.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.tlSitemap = /\/sitemap\.xml$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.tlSitemap) {
      var request = this;
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); }, 0);
      return undefined;
    }
    return send.apply(this, arguments);
  };
})();
