/* GX Data Docs without jQuery or Bootstrap (pipeline/core/report/data_docs_offline.py): collapsible
   sections, tabs and the "Failed Only" filter, in plain JavaScript. Loads nothing. */
(function () {
  "use strict";
  document.documentElement.classList.add("dd-js");
  function target(el) {
    var sel = el.getAttribute("data-target") || el.getAttribute("href") || "";
    if (sel.charAt(0) !== "#") return null;
    return document.getElementById(sel.slice(1));
  }
  document.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest("[data-toggle]") : null;
    if (!el) return;
    var kind = el.getAttribute("data-toggle"), t = target(el);
    if (kind === "collapse" && t) {
      e.preventDefault();
      t.classList.toggle("show");
      el.setAttribute("aria-expanded", t.classList.contains("show") ? "true" : "false");
    } else if (kind === "tab" && t) {
      e.preventDefault();
      var nav = el.closest("ul");
      if (nav) nav.querySelectorAll("[data-toggle=tab]").forEach(function (a) { a.classList.remove("active"); a.setAttribute("aria-selected", "false"); });
      el.classList.add("active"); el.setAttribute("aria-selected", "true");
      Array.prototype.forEach.call(t.parentNode.children, function (p) { p.classList.remove("active", "show"); });
      t.classList.add("active", "show");
    }
  });
  function show(el, on) { if (el) el.style.display = on ? "" : "none"; }
  function succeeded(on) {
    document.querySelectorAll(".hide-succeeded-validation-target-child").forEach(function (el) { show(el.parentNode, on); });
    document.querySelectorAll(".hide-succeeded-validation-target").forEach(function (el) { show(el, on); });
    document.querySelectorAll(".hide-succeeded-validations-column-section-target-child").forEach(function (el) {
      var section = el.parentNode && el.parentNode.parentNode;
      show(section, on);
      if (section && section.id) document.querySelectorAll('a[href$="' + section.id + '"]').forEach(function (a) { show(a, on); });
    });
  }
  function pick(label) {
    var group = label.parentNode;
    if (group) Array.prototype.forEach.call(group.children, function (b) { b.classList.remove("active"); });
    label.classList.add("active");
  }
  window.showAllValidations = function () { succeeded(true); };  /* GX's labels call these by name */
  window.hideSucceededValidations = function () { succeeded(false); };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".btn-group-toggle label").forEach(function (label) {
      label.addEventListener("click", function () { pick(label); });
    });
  });
})();
