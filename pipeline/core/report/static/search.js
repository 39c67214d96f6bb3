/* The report's search (pipeline/core/report/search.py): search-index.js, loaded by a <script> tag so
   it works from file://, sets window.REPORT_INDEX = {kinds, href, rows: [[kind, name, title, extra], ...]}; a row's page is
   href[kind][0] + name + href[kind][1].
   Every word typed must appear in a row's title, file name, date or id (case and accents ignored). */
(function () {
  "use strict";
  var LIMIT = 200;
  function fold(s) { return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var index = window.REPORT_INDEX, input = document.getElementById("search-q"),
        out = document.getElementById("search-results"), count = document.getElementById("search-count");
    if (!index || !input || !out) return;
    var hay = index.rows.map(function (r) { return fold(r[2] + " " + r[3] + " " + r[1]); });
    function link(r) { var h = index.href[r[0]]; return h[0] + r[1] + h[1]; }
    function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
    function run() {
      var words = fold(input.value).split(/\s+/).filter(Boolean), found = [], total = 0;
      if (words.length) {
        for (var i = 0; i < hay.length; i++) {
          var ok = true;
          for (var w = 0; w < words.length && ok; w++) ok = hay[i].indexOf(words[w]) >= 0;
          if (ok) { total++; if (found.length < LIMIT) found.push(index.rows[i]); }
        }
      }
      count.textContent = words.length ? total + " found" + (total > LIMIT ? ", the first " + LIMIT + " shown" : "") : "";
      out.innerHTML = found.map(function (r) {
        return '<tr class="hit"><td>' + esc(index.kinds[r[0]] || r[0]) + '</td><td><a href="' + esc(link(r)) + '">' +
               esc(r[2]) + '</a></td><td>' + esc([r[3], r[0] === "s" ? "" : r[1]].filter(Boolean).join(" · ")) + "</td></tr>";
      }).join("");
      if (window.history && history.replaceState) {
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      }
    }
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) input.value = q;
    input.addEventListener("input", run);
    run();
    input.focus();
  });
})();
