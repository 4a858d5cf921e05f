/* The PLN Handbook: one person's checklist results, computed in the page.
   Pure functions (no DOM): the page data (scale, bands, sections, actions) comes
   from plnlib at build time; nothing about the checklist is typed here.
   The saved file is exactly what plnlib.io.responses.save_person_json writes. */
(function (root) {
  "use strict";
  var FORMAT = "plnlib-answers";

  function bandOf(mean, bands) {
    if (mean === null || mean === undefined || isNaN(mean)) { return null; }
    var label = null;
    bands.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (b) {
      if (mean >= b[0] - 1e-9) { label = b[1]; }
    });
    return label;
  }

  function mean(values) {
    if (!values.length) { return null; }
    return values.reduce(function (s, x) { return s + x; }, 0) / values.length;
  }

  /* Section means and bands, and the overall mean (of every scored item, as plnlib). */
  function score(data, answers) {
    var all = [];
    var sections = data.sections.map(function (section) {
      var vals = [], dk = 0, na = 0;
      section.items.forEach(function (item) {
        var v = answers[item.id];
        if (typeof v === "number") { vals.push(v); all.push(v); }
        else if (v === "dont_know") { dk += 1; }
        else if (v === "not_applicable") { na += 1; }
      });
      var m = mean(vals);
      return { id: section.id, title: section.title, n: vals.length, items: section.items.length,
        dont_know: dk, not_applicable: na, mean: m, band: bandOf(m, data.scale.bands) };
    });
    var m = mean(all);
    return { sections: sections, mean: m, answered: all.length, band: bandOf(m, data.scale.bands) };
  }

  /* The rows the chart spec (written by plnlib) expects. */
  function chartRows(result) {
    return result.sections.filter(function (s) { return s.mean !== null; }).map(function (s) {
      return { Section: s.title, Mean: Math.round(s.mean * 100) / 100, Band: s.band, n: s.n };
    });
  }

  /* The two (or k) weakest answered sections, with the actions of their lowest items. */
  function weakest(data, answers, result, k) {
    var byId = {};
    data.sections.forEach(function (s) { byId[s.id] = s; });
    return result.sections.filter(function (s) { return s.mean !== null; })
      .map(function (s, i) { return [s, i]; })
      .sort(function (a, b) { return (a[0].mean - b[0].mean) || (a[1] - b[1]); })
      .slice(0, k === undefined ? 2 : k)
      .map(function (pair) {
        var s = pair[0], section = byId[s.id];
        var items = section.items.filter(function (it) { return typeof answers[it.id] === "number"; })
          .map(function (it, i) { return [it, i]; })
          .sort(function (a, b) { return (answers[a[0].id] - answers[b[0].id]) || (a[1] - b[1]); })
          .slice(0, 3).map(function (p) { return p[0]; });
        return { id: s.id, title: s.title, mean: s.mean, band: s.band, link: section.link || null,
          actions: items.map(function (it) { return { item: it.id, text: it.actions[0] }; })
            .filter(function (a) { return a.text; }) };
      });
  }

  function itemIds(data) {
    var ids = [];
    data.sections.forEach(function (s) { s.items.forEach(function (it) { ids.push(it.id); }); });
    return ids;
  }

  /* The saved document, in save_person_json's key order. */
  function answersDoc(data, answers, respondent) {
    var clean = {};
    itemIds(data).forEach(function (id) { clean[id] = answers[id] === undefined ? null : answers[id]; });
    return { format: FORMAT, version: 1, checklist: data.id, checklist_version: data.version,
      respondent: respondent || "me", answers: clean };
  }

  function docText(doc) { return JSON.stringify(doc, null, 2) + "\n"; }

  function validValue(data, v) {
    if (v === null) { return true; }
    if (typeof v === "number") {
      return data.scale.points.some(function (p) { return p.value === v; });
    }
    return data.scale.missing.some(function (m) { return m.code === v; });
  }

  /* Read a saved file's text. Returns {answers, restored, skipped, version, older};
     throws an Error whose message says what is wrong and how to fix it. */
  function readDoc(data, text, name) {
    var where = name ? name + ": " : "";
    var doc;
    try { doc = JSON.parse(String(text).replace(/^\uFEFF/, "")); } catch (e) {
      throw new Error(where + "expected a JSON file saved from this checklist, found text that is not JSON. Choose the .json file you saved.");
    }
    if (!doc || typeof doc !== "object" || doc.format !== FORMAT) {
      throw new Error(where + 'expected a file with "format": "' + FORMAT + '", found something else. Choose the .json file you saved from the checklist.');
    }
    if (doc.checklist !== data.id) {
      throw new Error(where + "expected answers to the checklist '" + data.id + "', found answers to '" + doc.checklist + "'. Open it on that checklist's page.");
    }
    if (!doc.answers || typeof doc.answers !== "object") {
      throw new Error(where + "expected an 'answers' object, found none.");
    }
    var known = {};
    itemIds(data).forEach(function (id) { known[id] = true; });
    var answers = {}, restored = 0, skipped = [];
    Object.keys(doc.answers).forEach(function (id) {
      var v = doc.answers[id];
      if (!known[id] || !validValue(data, v)) { skipped.push(id); return; }
      if (v !== null) { answers[id] = v; restored += 1; }
    });
    return { answers: answers, restored: restored, skipped: skipped,
      version: doc.checklist_version, older: doc.checklist_version !== data.version };
  }

  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /* A tidy CSV (respondent,item,value) that `plnlib score` reads. */
  function csvText(data, answers, respondent) {
    var lines = ["respondent,item,value"];
    itemIds(data).forEach(function (id) {
      lines.push([respondent || "me", id, answers[id] === undefined ? null : answers[id]].map(csvCell).join(","));
    });
    return lines.join("\n") + "\n";
  }

  function fmt(m) { return m === null ? "\u2013" : m.toFixed(2); }

  var api = { FORMAT: FORMAT, bandOf: bandOf, score: score, chartRows: chartRows, weakest: weakest,
    itemIds: itemIds, answersDoc: answersDoc, docText: docText, readDoc: readDoc, csvText: csvText, fmt: fmt };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; } else { root.PlnPerson = api; }
})(typeof window !== "undefined" ? window : this);
