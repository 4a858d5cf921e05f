/* The PLN Handbook: small accessibility repairs to the theme's generated markup.
   - the contents sidebar's expand/collapse toggles (<summary> with only an icon) get a name;
   - the bibliography's entries get the list-item role their role="list" parent requires
     (docutils marks them doc-biblioentry, a role that is deprecated);
   Nothing here is needed to read a page: without JavaScript the page stays usable. */
(function () {
  "use strict";
  function nameToggles() {
    document.querySelectorAll(".bd-sidebar summary, .bd-toc summary").forEach(function (summary) {
      if (summary.textContent.trim() || summary.hasAttribute("aria-label")) { return; }
      var item = summary.closest("li");
      var link = item && item.querySelector(":scope > a");
      var label = link ? link.textContent.trim() : "this section";
      summary.setAttribute("aria-label", "Pages in " + label);
    });
  }
  function fixBibliography() {
    document.querySelectorAll('[role="list"] > [role="doc-biblioentry"]').forEach(function (entry) {
      entry.setAttribute("role", "listitem");
    });
  }
  function run() { nameToggles(); fixBibliography(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
