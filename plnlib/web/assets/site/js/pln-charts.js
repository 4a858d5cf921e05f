/* The PLN Handbook: render every chart on the page from the local vega scripts.
   Each chart is a <figure class="pln-chart"> holding its vega-lite spec as JSON.
   plnLoadVega(vendorBase) loads the vega scripts from the site's vendor/ folder
   once, for pages (the Team results page) that draw only when there is something
   to draw. No request leaves the site. */
(function () {
  "use strict";
  var vegaReady = null;
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }
  /* vega, vega-lite and vega-embed, in order, once; resolves with vegaEmbed */
  function loadVega(vendorBase) {
    if (typeof window.vegaEmbed === "function") return Promise.resolve(window.vegaEmbed);
    if (!vegaReady) {
      vegaReady = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"].reduce(function (p, name) {
        return p.then(function () { return loadScript(vendorBase + name); });
      }, Promise.resolve()).then(function () { return window.vegaEmbed; }, function (err) {
        vegaReady = null;  // a later chart may try again
        throw err;
      });
    }
    return vegaReady;
  }
  window.plnLoadVega = loadVega;
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
