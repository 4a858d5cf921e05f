/* The PLN Handbook: the Team results page without its interface. Files in,
   results out: which reader a file needs, scoring with plnlib's rules, the
   weakest sections and items (priorities in plnlib/checklists/scoring.py).
   Works in the browser (window.PLN.team) and in node (tests/conformance). */
(function (root) {
  "use strict";
  var inNode = typeof module !== "undefined" && module.exports;
  var score = inNode ? require("./pln-score.js") : root.PLN.score;
  var read = inNode ? require("./pln-read.js") : root.PLN.read;
  var byGroup = inNode ? require("./pln-groups.js") : root.PLN.groups;
  var PlnError = score.PlnError;

  function suffix(name) {
    var m = /\.[^.]+$/.exec(String(name).toLowerCase());
    return m ? m[0] : "";
  }

  /* files: [{name, bytes (Uint8Array)}] -> tidy answers {rows, groups, layout, where}.
     options.ExcelJS, or options.loadExcel() -> Promise of ExcelJS, reads .xlsx files. */
  function readFiles(files, checklistId, data, options) {
    options = options || {};
    var checklist = data.checklists[checklistId];
    return Promise.resolve().then(function () {
      if (!files.length) {
        throw new PlnError("expected a responses file, found none", "", "Choose a file with the Responses file button.");
      }
      var kinds = files.map(function (f) { return suffix(f.name); });
      var json = kinds.filter(function (k) { return k === ".json"; }).length;
      var where = files.map(function (f) { return f.name; }).join(", ");
      if (json === files.length) {
        var docs = files.map(function (f) {
          return { name: f.name, text: read.decodeText(f.bytes, f.name) };
        });
        var out = read.responsesFromJson(docs, checklist, data);
        out.where = files.length === 1 ? files[0].name : files.length + " saved answers files";
        return out;
      }
      if (files.length > 1) {
        throw new PlnError("expected one responses file, or several saved answers (.json) files, found " +
          files.length + " files (" + where + ")", "", "Open the form export on its own.");
      }
      var file = files[0], kind = kinds[0];
      if (kind === ".xls") {
        throw new PlnError("expected .xlsx or .csv, found an old-style .xls workbook", file.name,
          "Open it in your spreadsheet program and save it as .xlsx or CSV.");
      }
      var table;
      if (kind === ".xlsx" || kind === ".xlsm") {
        var excel = options.ExcelJS ? Promise.resolve(options.ExcelJS) : options.loadExcel();
        table = excel.then(function (ExcelJS) { return read.readXlsx(file.bytes, ExcelJS, file.name); });
      } else {
        table = Promise.resolve(read.readCsvText(read.decodeText(file.bytes, file.name), file.name));
      }
      return table.then(function (t) {
        var answers;
        try {
          answers = read.responsesFromTable(t, checklist, data, file.name, options);
        } catch (err) {
          // a form of another checklist: read it as that one, so that the page can choose it
          answers = otherChecklistAnswers(t, checklistId, data, file.name, options);
          if (!answers) throw err;
        }
        answers.where = answers.where || file.name;
        return answers;
      });
    });
  }

  /* the answers read as the one other checklist whose questions the table holds, or null */
  function otherChecklistAnswers(table, checklistId, data, where, options) {
    var found = [];
    Object.keys(data.checklists).forEach(function (cid) {
      if (cid === checklistId) return;
      try {
        found.push(read.responsesFromTable(table, data.checklists[cid], data, where,
          Object.assign({}, options, { allowMissingItems: true })));
      } catch (err) { if (!err || err.name !== "PlnError") throw err; }
    });
    return found.length === 1 ? found[0] : null;
  }

  /* the one checklist whose item ids hold every item id of the answers, or null */
  function guessChecklist(answers, data) {
    var ids = new Set(answers.rows.map(function (r) { return String(r.item).trim(); }));
    var found = Object.keys(data.checklists).filter(function (cid) {
      var own = new Set();
      data.checklists[cid].sections.forEach(function (s) { s.items.forEach(function (it) { own.add(it.id); }); });
      return Array.from(ids).every(function (id) { return own.has(id); });
    });
    return found.length === 1 ? found[0] : null;
  }

  /* the weakest sections and items, with actions and chapters (priorities in plnlib) */
  function priorities(summary, checklist, nSections, nItems) {
    nSections = nSections === undefined ? 2 : nSections;
    nItems = nItems === undefined ? 5 : nItems;
    function smallest(rows, k) {
      return rows.filter(function (r) { return !Number.isNaN(r.mean); })
        .map(function (r, i) { return { r: r, i: i }; })
        .sort(function (a, b) { return a.r.mean - b.r.mean || a.i - b.i; })
        .slice(0, k).map(function (x) { return x.r; });
    }
    var secs = smallest(summary.sections, nSections);
    var chosen = secs.map(function (s) { return s.section; });
    var scored = summary.items.filter(function (it) { return !Number.isNaN(it.mean); });
    var pool = scored.filter(function (it) { return chosen.indexOf(it.section) >= 0; });
    if (!pool.length) pool = scored;
    var byId = {};
    checklist.sections.forEach(function (s) {
      s.items.forEach(function (it) { byId[it.id] = it; });
    });
    var rows = secs.map(function (s) {
      var sec = checklist.sections.filter(function (x) { return x.id === s.section; })[0];
      return { level: "section", id: sec.id, title: sec.title, mean: s.mean, chapter: sec.chapter, actions: [] };
    });
    smallest(pool, nItems).forEach(function (it) {
      var item = byId[it.item];
      rows.push({ level: "item", id: item.id, title: item.text, mean: it.mean, chapter: item.chapter, actions: item.actions });
    });
    return rows;
  }

  /* answers -> everything the page shows, and the CSV of `plnlib score` */
  function results(answers, checklistId, data, options) {
    var checklist = data.checklists[checklistId];
    var scale = data.scales[checklist.scale];
    var minGroup = options.minGroup === undefined ? data.privacy.default_min_group : options.minGroup;
    var where = options.where || answers.where || "answers";
    var prepared = score.prepareAnswers(answers, checklist, scale, where);
    var summary = score.teamSummary(prepared, checklist, scale, minGroup, data);
    var by = options.by || null;
    var groups = by ? byGroup.breakdown(prepared, checklist, by, minGroup, data.privacy, where) : null;
    var table = byGroup.scoreTable(prepared, checklist, scale, { by: by, minGroup: minGroup, where: where }, data);
    var scoredBy = new Set(), all = new Set();
    prepared.rows.forEach(function (r) {
      all.add(r.respondent);
      if (!Number.isNaN(r.score)) scoredBy.add(r.respondent);
    });
    return {
      checklist: checklist, scale: scale, minGroup: minGroup, by: by, prepared: prepared,
      summary: summary, groups: groups, table: table,
      priorities: summary.suppressed ? [] : priorities(summary, checklist, data.team.priorities.sections,
        data.team.priorities.items),
      counted: scoredBy.size, skipped: all.size - scoredBy.size, layout: answers.layout,
      /* what a lowered minimum reveals (plnlib.privacy.lowered_minimum_note), or "" */
      privacyNote: (data.privacy.lowered_notes || {})[String(minGroup)] || "",
    };
  }

  var api = { readFiles: readFiles, guessChecklist: guessChecklist, results: results, priorities: priorities, suffix: suffix };
  if (inNode) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.team = api;
  }
})(typeof window !== "undefined" ? window : this);
