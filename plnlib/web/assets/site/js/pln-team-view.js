/* The PLN Handbook: the Team results page's results as HTML (strings, so that
   node can test them). Every visual bar is decoration (aria-hidden) beside a
   table that carries the same numbers. Works in the browser and in node. */
(function (root) {
  "use strict";

  var LAYOUTS = {
    google: "a Google Forms export", msforms: "a Microsoft Forms export", wide: "a table with one row per person",
    tidy: "a tidy table (respondent, item, value)", json: "saved answers",
  };

  function esc(text) {
    return String(text === null || text === undefined ? "" : text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function num(x, digits) {
    return x === null || x === undefined || Number.isNaN(x) ? "" : x.toFixed(digits === undefined ? 2 : digits);
  }

  function hidden() {
    /* one word: a group hidden only to protect a smaller one must not look small */
    return '<span class="pln-team-hidden">hidden</span>';
  }

  function bar(value, scale) {
    if (value === null || Number.isNaN(value)) return "";
    var share = (value - scale.low) / (scale.high - scale.low);
    return '<span class="pln-team-bar" aria-hidden="true"><span style="width:' +
      Math.max(0, Math.min(100, share * 100)).toFixed(1) + '%"></span></span>';
  }

  /* a wide table scrolls in its own box, which the keyboard can reach and scroll */
  function scrollBox(label) {
    return '<div class="pln-team-scroll" tabindex="0" role="region" aria-label="' + esc(label) + '">';
  }

  /* where a chart is drawn (pln-team.js): a figure with a caption; the table beside it
     carries the same numbers, and the drawing gets the chart's text alternative */
  function figure(charts, id) {
    var c = (charts || []).filter(function (x) { return x.id === id; })[0];
    if (!c) return "";
    return '<figure class="pln-team-figure" data-chart="' + esc(c.id) + '">' +
      '<div class="pln-team-chart-view" role="img" aria-label="' + esc(c.label) + '"></div>' +
      "<figcaption>" + esc(c.title) + ". The table below holds the same numbers.</figcaption></figure>";
  }

  function summaryText(res, fileLabel) {
    var s = res.summary;
    var total = res.counted + res.skipped;
    var text = esc(fileLabel) + " (" + esc(LAYOUTS[res.layout] || "a table") + "): " + total +
      (total === 1 ? " response" : " responses") + " read, " + res.counted + " counted, " + res.skipped +
      " skipped (no answer on the scale).";
    if (s.suppressed) {
      text += " Fewer than " + res.minGroup + " people answered, so every result is hidden to protect them.";
    }
    return text;
  }

  function sectionsTable(res) {
    var note = res.summary.sections.some(function (s) { return s.suppressed; })
      ? "<p>A section answered by fewer than " + res.minGroup + " people is hidden.</p>" : "";
    var rows = res.summary.sections.map(function (s) {
      return "<tr><th scope=\"row\">" + esc(s.title) + "</th>" +
        "<td>" + (s.suppressed ? hidden(res.minGroup) : s.n) + "</td>" +
        "<td>" + (s.suppressed ? "" : num(s.mean) + " " + bar(s.mean, res.scale)) + "</td>" +
        "<td>" + (s.suppressed ? "" : num(s.sd)) + "</td>" +
        "<td>" + esc(s.band || "") + "</td></tr>";
    }).join("");
    return note + '<table class="pln-team-table" id="pln-team-sections"><caption>Each section: people who answered (n), ' +
      "mean on the scale " + res.scale.low + " to " + res.scale.high + " and spread (standard deviation)</caption>" +
      '<thead><tr><th scope="col">Section</th><th scope="col">n</th><th scope="col">Mean</th>' +
      '<th scope="col">Spread (SD)</th><th scope="col">Band</th></tr></thead><tbody>' + rows + "</tbody></table>";
  }

  function disagreement(res) {
    var items = res.summary.items.filter(function (it) { return it.disagree; });
    if (!items.length) return "<p>No item has answers at both ends of the scale.</p>";
    return "<p>On these items the team's answers sit at both ends of the scale: worth talking through.</p><ul>" +
      items.map(function (it) {
        return "<li><strong>" + esc(it.item) + "</strong> " + esc(it.text) + " (mean " + num(it.mean) +
          ", from " + it.min + " to " + it.max + ")</li>";
      }).join("") + "</ul>";
  }

  function chapterLink(chapters, id, about) {
    return chapters[id] ? ' <a href="' + esc(chapters[id]) + '" aria-label="Read the chapter (' + esc(about) +
      ')">Read the chapter</a>' : "";
  }

  function prioritiesHtml(res, chapters) {
    if (!res.priorities.length) return "<p>Nothing to show: the results are hidden.</p>";
    var secs = res.priorities.filter(function (p) { return p.level === "section"; });
    var items = res.priorities.filter(function (p) { return p.level === "item"; });
    return "<p>The weakest sections:</p><ul>" + secs.map(function (p) {
      return "<li><strong>" + esc(p.title) + "</strong> (mean " + num(p.mean) + ")." + chapterLink(chapters, p.chapter, p.title) + "</li>";
    }).join("") + "</ul><p>The weakest items in them, with suggested actions:</p><ul class=\"pln-team-priorities\">" +
      items.map(function (p) {
        var acts = p.actions.length
          ? "<ul>" + p.actions.map(function (a) { return "<li>" + esc(a) + "</li>"; }).join("") + "</ul>" : "";
        return "<li><strong>" + esc(p.id) + "</strong> " + esc(p.title) + " (mean " + num(p.mean) + ")." +
          chapterLink(chapters, p.chapter, p.id) + acts + "</li>";
      }).join("") + "</ul>";
  }

  function groupsTable(res, charts) {
    if (!res.groups) return "";
    var by = res.by;
    var names = [];
    res.groups.forEach(function (g) { if (names.indexOf(g[by]) < 0) names.push(g[by]); });
    var rows = res.checklist.sections.map(function (sec) {
      return '<tr><th scope="row">' + esc(sec.title) + "</th>" + names.map(function (name) {
        var g = res.groups.filter(function (x) { return x.section === sec.id && x[by] === name; })[0];
        if (g.suppressed) return "<td>" + hidden(res.minGroup) + "</td>";
        return "<td>" + num(g.mean) + " " + bar(g.mean, res.scale) + '<br><span class="pln-team-n">n ' + g.n +
          (Number.isNaN(g.sd) ? "" : ", SD " + num(g.sd)) + "</span></td>";
      }).join("") + "</tr>";
    }).join("");
    return '<h3 id="pln-team-by-heading">By ' + esc(by) + "</h3>" +
      "<p>A group smaller than " + res.minGroup + " is hidden, and so is the next smallest when only one " +
      "group would be hidden (otherwise it could be worked out from the others). A hidden group's size is hidden too.</p>" +
      figure(charts, "groups") + scrollBox("Table by " + by) + '<table class="pln-team-table" id="pln-team-groups"><caption>Each section by ' + esc(by) +
      ": mean, people who answered (n) and spread (SD)</caption><thead><tr><th scope=\"col\">Section</th>" +
      names.map(function (n) { return '<th scope="col">' + esc(n) + "</th>"; }).join("") +
      "</tr></thead><tbody>" + rows + "</tbody></table></div>";
  }

  function distribution(res, charts) {
    var scale = res.scale, s = res.summary;
    var dist = {};
    s.distribution.forEach(function (d) { (dist[d.item] = dist[d.item] || []).push(d); });
    return res.checklist.sections.map(function (sec) {
      var items = s.items.filter(function (it) { return it.section === sec.id; });
      var head = '<th scope="col">Item</th><th scope="col">n</th><th scope="col">Mean</th>' +
        scale.points.map(function (p) { return '<th scope="col">' + esc(p.label) + "</th>"; }).join("") +
        scale.missing.map(function (m) { return '<th scope="col">' + esc(m[1]) + "</th>"; }).join("");
      var rows = items.map(function (it) {
        var counts = dist[it.item];
        var cells = counts.map(function (d) { return "<td>" + (it.suppressed ? "" : d.count) + "</td>"; }).join("");
        var stack = it.suppressed || !it.n ? "" : '<span class="pln-team-stack" aria-hidden="true">' +
          counts.map(function (d, k) {
            return '<span class="pln-team-p' + k + '" style="width:' + (100 * d.share).toFixed(1) + '%"></span>';
          }).join("") + "</span>";
        return '<tr><th scope="row"><span class="pln-team-id">' + esc(it.item) + "</span> " + esc(it.text) + stack +
          "</th><td>" + (it.suppressed ? hidden(res.minGroup) : it.n) + "</td><td>" +
          (it.suppressed ? "" : num(it.mean)) + "</td>" + cells +
          "<td>" + it.dont_know + "</td><td>" + it.not_applicable + "</td></tr>";
      }).join("");
      return figure(charts, "items-" + sec.id) +
        scrollBox("Table: " + sec.title) + '<table class="pln-team-table pln-team-items"><caption>' + esc(sec.title) +
        ": how many gave each answer</caption><thead><tr>" + head + "</tr></thead><tbody>" + rows +
        "</tbody></table></div>";
    }).join("");
  }

  /* the whole results panel */
  /* the whole results panel; charts: PLN.teamCharts.charts(res, data), drawn into their figures */
  function resultsHtml(res, fileLabel, chapters, charts) {
    return '<h2 id="pln-team-heading" tabindex="-1">Results: ' + esc(res.checklist.title) + "</h2>" +
      '<p id="pln-team-summary">' + summaryText(res, fileLabel) + "</p>" +
      (res.privacyNote ? '<p class="pln-team-note" id="pln-team-lowered">' + esc(res.privacyNote) + "</p>" : "") +
      "<h3>Sections</h3>" + figure(charts, "sections") + scrollBox("Table of sections") + sectionsTable(res) + "</div>" +
      groupsTable(res, charts) +
      '<h3>Where the team disagrees</h3><div id="pln-team-disagree">' + disagreement(res) + "</div>" +
      '<h3>Where to start</h3><div id="pln-team-priorities">' + prioritiesHtml(res, chapters || {}) + "</div>" +
      '<h3>Each item</h3><div id="pln-team-items">' + distribution(res, charts) + "</div>";
  }

  /* one sentence for screen readers when results are ready */
  function announce(res) {
    var total = res.counted + res.skipped;
    var text = "Results ready: " + total + " responses read, " + res.counted + " counted, " + res.skipped + " skipped.";
    if (res.summary.suppressed) return text + " Fewer than " + res.minGroup + " people: results hidden.";
    var first = res.priorities.filter(function (p) { return p.level === "section"; })[0];
    return first ? text + " Weakest section: " + first.title + ", mean " + num(first.mean) + "." : text;
  }

  var api = { resultsHtml: resultsHtml, announce: announce, esc: esc, summaryText: summaryText };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.view = api;
  }
})(typeof window !== "undefined" ? window : this);
