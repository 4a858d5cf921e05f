/* The PLN Handbook: render every chart on the page from the local vega scripts.
   Each chart is a <figure class="pln-chart"> holding its vega-lite spec as JSON.
   No request leaves the site. */
(function () {
  "use strict";
  function showError(figure, message) {
    var view = figure.querySelector(".pln-chart-view");
    view.removeAttribute("role");
    view.innerHTML = "";
    var p = document.createElement("p");
    p.className = "pln-chart-error";
    p.textContent = "This chart could not be drawn (" + message + "). Its description and table below still hold its content.";
    view.appendChild(p);
  }
  function renderAll() {
    var figures = document.querySelectorAll("figure.pln-chart");
    figures.forEach(function (figure) {
      if (figure.dataset.rendered) { return; }
      figure.dataset.rendered = "pending";
      var view = figure.querySelector(".pln-chart-view");
      var specNode = figure.querySelector("script.pln-chart-spec");
      if (typeof window.vegaEmbed !== "function") {
        showError(figure, "the chart library did not load");
        console.error("pln-charts: vegaEmbed is not available");
        return;
      }
      var spec;
      try { spec = JSON.parse(specNode.textContent); } catch (e) {
        showError(figure, "its data is not valid JSON");
        console.error("pln-charts: bad spec", e);
        return;
      }
      window.vegaEmbed(view, spec, {
        renderer: "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
        downloadFileName: "pln-chart"
      }).then(function () {
        // the text alternative goes on the drawing itself: the view also holds vega's
        // actions menu, and a role="img" container must not hold controls
        var svg = view.querySelector("svg");
        if (svg && view.getAttribute("role") === "img") {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", view.getAttribute("aria-label") || "Chart");
          view.removeAttribute("role");
          view.removeAttribute("aria-label");
        }
        var menu = view.querySelector("details > summary");
        if (menu && !menu.hasAttribute("aria-label")) {
          menu.setAttribute("aria-label", "Chart menu: save the chart as an image");
        }
        figure.dataset.rendered = "yes";
      }).catch(function (err) {
        showError(figure, String(err && err.message || err));
        console.error("pln-charts:", err);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
  window.plnRenderCharts = renderAll;
})();
