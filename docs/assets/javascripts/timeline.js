// Progressive enhancements; every page is complete without them.
// 1. "Cite this event": fill in today's date as the access date.
// 2. Timeline page: filter the list by body, type, theme and year, with a live count.
// 3. "Embed this": a button that copies the code (the code stays selectable without it).
(function () {
  "use strict";

  function today() {
    // In the page's language: "2 December 2026" or "2026년 12월 2일".
    var lang = document.documentElement.lang === "ko" ? "ko-KR" : "en-GB";
    return new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
  }

  function fillAccessDates() {
    document.querySelectorAll(".tl-today").forEach(function (span) {
      span.textContent = today();
    });
  }

  function setUpFilter() {
    var form = document.getElementById("tl-filter");
    var index = document.getElementById("tl-facets");
    if (!form || !index) return;
    var facets = JSON.parse(index.textContent);
    var items = [];
    document.querySelectorAll(".md-content li").forEach(function (li) {
      var link = li.querySelector("a[href*='events/']");
      var match = link && link.getAttribute("href").match(/events\/([a-z0-9-]+)(?:\/|\.html)?$/);
      if (match && facets[match[1]]) items.push({ li: li, facets: facets[match[1]] });
    });
    var selects = form.querySelectorAll("select");
    var count = document.getElementById("tl-count");

    function apply() {
      var wanted = {};
      selects.forEach(function (s) { if (s.value) wanted[s.name] = s.value; });
      var shown = 0;
      items.forEach(function (item) {
        var ok = Object.keys(wanted).every(function (key) {
          return item.facets[key].indexOf(wanted[key]) !== -1;
        });
        item.li.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll(".md-content h2[id^='y']").forEach(function (heading) {
        var list = heading.nextElementSibling;
        var any = list && list.querySelector("li:not([hidden])");
        heading.hidden = !any;
        if (list) list.hidden = !any;
      });
      // The sentence comes from the page, in its language.
      var format = count.getAttribute("data-format") || "Showing {shown} of {total} events";
      count.textContent = format.replace("{shown}", shown).replace("{total}", items.length);
    }

    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  function setUpCopy() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var code = document.getElementById(button.getAttribute("data-copy"));
      var status = button.parentNode.querySelector(".tl-copied");
      if (!code || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          if (status) status.textContent = status.getAttribute("data-done") || "Copied.";
        });
      });
    });
  }

  function start() {
    fillAccessDates();
    setUpFilter();
    setUpCopy();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
