/* The PLN Handbook: the Team results page's charts, without drawing them. The
   specs are plnlib's (plnlib/web/team_charts.py, written into the page data at
   build time); this module only makes the rows each one draws, from the results
   (hidden rows have no number and are left out), and puts them in the spec's
   named data set. Checked against plnlib by tests/conformance. Browser
   (window.PLN.teamCharts) and node. */
(function (root) {
  "use strict";
  var inNode = typeof module !== "undefined" && module.exports;
  var score = inNode ? require("./pln-score.js") : root.PLN.score;

  function shown(row) { return !row.suppressed && !Number.isNaN(row.mean); }

  /* plnlib.web.team_charts.section_rows */
  function sectionRows(res) {
    return res.summary.sections.filter(shown).map(function (s) {
      return { section: s.section, Section: s.title, n: s.n, Mean: score.round(s.mean, 2), Band: s.band, note: s.note };
    });
  }

  /* plnlib.web.team_charts.distribution_rows: one row per shown item and answer */
  function distributionRows(res, sectionId) {
    var hidden = {};
    res.summary.items.forEach(function (it) { if (it.suppressed) hidden[it.item] = true; });
    return res.summary.distribution.filter(function (d) {
      return d.section === sectionId && !hidden[d.item] && !Number.isNaN(d.count);
    }).map(function (d) {
      return { Item: d.item, Answer: d.label, value: d.value, People: d.count };
    });
  }

  /* plnlib.web.team_charts.group_rows: every shown group's section means */
  function groupRows(res) {
    if (!res.groups) return [];
    return res.groups.filter(shown).map(function (g) {
      return { Group: String(g[res.by]), section: g.section, Section: g.title, n: g.n,
        Mean: score.round(g.mean, 2), Band: score.band(res.scale, g.mean) };
    });
  }

  /* a copy of plnlib's spec with its named data set filled */
  function filled(spec, rows) {
    var out = JSON.parse(JSON.stringify(spec));
    out.datasets = {};
    out.datasets[spec.data.name] = rows;
    return out;
  }

  function fmt(x) { return x.toFixed(2); }
  function titleOf(spec) { return typeof spec.title === "string" ? spec.title : spec.title.text; }

  function sectionsLabel(spec, rows) {
    var text = spec.description;
    if (rows.length) {
      var lo = rows[0], hi = rows[0];
      rows.forEach(function (r) { if (r.Mean < lo.Mean) lo = r; if (r.Mean > hi.Mean) hi = r; });
      text += " Highest: " + hi.Section + " (" + fmt(hi.Mean) + "). Lowest: " + lo.Section + " (" + fmt(lo.Mean) + ").";
    }
    return text;
  }

  /* every chart with something to draw: [{id, title, label, spec}], in the page's order */
  function charts(res, data) {
    var specs = data.charts[res.checklist.id];
    var out = [];
    var rows = sectionRows(res);
    if (rows.length) {
      out.push({ id: "sections", title: titleOf(specs.sections), spec: filled(specs.sections, rows),
        label: sectionsLabel(specs.sections, rows) + " The Sections table holds the same numbers." });
    }
    var groups = groupRows(res);
    if (groups.length) {
      var names = [];
      groups.forEach(function (g) { if (names.indexOf(g.Group) < 0) names.push(g.Group); });
      out.push({ id: "groups", title: titleOf(specs.groups), spec: filled(specs.groups, groups),
        label: specs.groups.description + " Groups shown: " + names.join(", ") + ". The table by " + res.by +
          " holds the same numbers." });
    }
    res.checklist.sections.forEach(function (sec) {
      var d = distributionRows(res, sec.id);
      if (!d.length) return;
      var spec = specs.items[sec.id];
      out.push({ id: "items-" + sec.id, section: sec.id, title: titleOf(spec), spec: filled(spec, d),
        label: spec.description + " The table of this section's items holds the same numbers." });
    });
    return out;
  }

  var api = { sectionRows: sectionRows, distributionRows: distributionRows, groupRows: groupRows,
    filled: filled, charts: charts };
  if (inNode) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.teamCharts = api;
  }
})(typeof window !== "undefined" ? window : this);
