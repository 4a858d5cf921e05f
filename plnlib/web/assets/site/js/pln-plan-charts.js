/* The PLN Handbook: charts in the planning tools' pages. plnlib writes each chart's vega-lite
   spec into the page at build time, reading named datasets; the page's port computes the data
   and this draws the spec fed with it. vega, vega-lite and vega-embed (vendored) are loaded
   only when there is something to draw. Each figure has a caption (title and description, its
   text alternative) and a table holding the same numbers. */
(function (root) {
  "use strict";
  var here = document.currentScript && document.currentScript.src;

  /* vega through the one loader (pln-charts.js: plnLoadVega), fetched from this site when needed */
  function loadVega(vendor) {
    if (root.plnLoadVega) { return root.plnLoadVega(vendor); }
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL("pln-charts.js", here).href;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("pln-charts.js did not load")); };
      document.head.appendChild(s);
    }).then(function () { return root.plnLoadVega(vendor); });
  }

  /* spec: plnlib's; datasets: {name: rows}; tweak(spec) adjusts anything else; alt: the table */
  function figure(vendor, spec, title, description, datasets, tweak, alt) {
    spec = JSON.parse(JSON.stringify(spec));
    spec.datasets = datasets; spec.description = title + ". " + description;  /* vega labels the drawing with it */
    /* a long title goes on several lines, so that it fits a phone */
    var narrow = (root.innerWidth || 1000) < 600, limit = narrow ? 26 : 48;
    var words = title.split(" "), lines = [""];
    words.forEach(function (w) { var l = lines[lines.length - 1]; if (l && (l + " " + w).length > limit) { lines.push(w); } else { lines[lines.length - 1] = (l + " " + w).trim(); } });
    /* on a phone, legends list their entries one under another */
    if (narrow) {
      (function walk(o) {
        if (!o || typeof o !== "object") { return; }
        Object.keys(o).forEach(function (k) { if (k === "legend" && o[k] && typeof o[k] === "object") { o[k].columns = 1; } else { walk(o[k]); } });
      })(spec);
    }
    var text = lines.length > 1 ? lines : title;
    if (spec.title && typeof spec.title === "object") { spec.title.text = text; } else { spec.title = { text: text }; }
    delete spec.usermeta;
    if (tweak) { tweak(spec); }
    var fig = document.createElement("figure"), cap = document.createElement("figcaption"), strong = document.createElement("strong");
    var view = document.createElement("div");
    fig.className = "pln-plan-figure"; view.className = "pln-chart-view";
    view.setAttribute("role", "img"); view.setAttribute("aria-label", title + ". " + description);
    strong.textContent = title; cap.appendChild(strong); cap.appendChild(document.createTextNode(" " + description));
    /* the drawing scrolls sideways on a narrow screen: a focusable region, for the keyboard */
    var scroll = document.createElement("div");
    scroll.className = "pln-plan-scroll"; scroll.tabIndex = 0;
    scroll.setAttribute("role", "region"); scroll.setAttribute("aria-label", title + " (the drawing; scrolls sideways)");
    scroll.appendChild(view);
    fig.appendChild(cap); fig.appendChild(scroll); if (alt) { fig.appendChild(alt); }
    fig.ready = loadVega(vendor).then(function (embed) {
      return embed(view, spec, { renderer: "svg", actions: false }).then(function (result) {
        fig.vegaView = result.view;
        var svg = view.querySelector("svg");
        if (svg) {
          svg.setAttribute("role", "img"); svg.setAttribute("aria-label", view.getAttribute("aria-label"));
          view.removeAttribute("role"); view.removeAttribute("aria-label");
        }
        var select = view.querySelector("select");
        if (select && !select.id) { select.setAttribute("aria-label", "Innovation shown in the chart"); }
      });
    }).catch(function (err) {
      view.removeAttribute("role"); view.removeAttribute("aria-label");
      view.textContent = "This chart could not be drawn (" + (err && err.message || err) + "). Its description and table hold its content.";
    });
    return fig;
  }

  root.PlnPlanCharts = { loadVega: loadVega, figure: figure };
})(typeof window !== "undefined" ? window : this);
