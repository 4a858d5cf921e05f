/* The PLN Handbook: results by group and the CSV of `plnlib score`, in the page.
   A port of plnlib (plnlib/checklists/scoring.py: breakdown; plnlib/cli/checklists.py:
   the rows and rounding of `plnlib score ID FILE [--by COLUMN]`). Checked against
   plnlib by tests/conformance. Works in the browser (window.PLN.groups) and node. */
(function (root) {
  "use strict";
  var inNode = typeof module !== "undefined" && module.exports;
  var score = inNode ? require("./pln-score.js") : root.PLN.score;
  var PlnError = score.PlnError, pyRepr = score.pyRepr, sum = score.sum, mean = score.mean, sd = score.sd;
  var round = score.round, checkMinGroup = score.checkMinGroup, suppressionMask = score.suppressionMask;

  /* ------------------------------------------------------------ groups */

  function pyStrLess(a, b) {
    /* Python sorts str by code point */
    var x = Array.from(String(a)), y = Array.from(String(b));
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      var cx = x[i].codePointAt(0), cy = y[i].codePointAt(0);
      if (cx !== cy) return cx - cy;
    }
    return x.length - y.length;
  }

  function groupValues(prepared, by, where) {
    if (prepared.groups.indexOf(by) < 0) {
      throw new PlnError(
        "expected a group column '" + by + "', found " +
          (prepared.groups.length ? "[" + prepared.groups.map(pyRepr).join(", ") + "]" : "no group columns"),
        where, "Check the column name (it is case-sensitive) or add the column to the file.");
    }
    var without = new Set();
    prepared.rows.forEach(function (r) {
      if (r.groups[by] === null || r.groups[by] === undefined) without.add(r.respondent);
    });
    if (without.size) {
      throw new PlnError(
        "expected a value of '" + by + "' for every respondent, found " + without.size + (without.size === 1 ? " respondent" : " respondents") + " without one",
        where, "Fill in '" + by + "' for every respondent, or leave them out.");
    }
  }

  function breakdown(prepared, checklist, by, minGroup, privacy, where) {
    checkMinGroup(minGroup, privacy);
    groupValues(prepared, by, where || "answers");
    var all = Array.from(new Set(prepared.rows.map(function (r) { return r.groups[by]; }))).sort(pyStrLess);
    var out = [];
    checklist.sections.forEach(function (section) {
      var scores = new Map(); // group -> respondent -> scores
      all.forEach(function (g) { scores.set(g, new Map()); });
      prepared.rows.forEach(function (r) {
        if (r.section !== section.id) return;
        var m = scores.get(r.groups[by]);
        if (!m.has(r.respondent)) m.set(r.respondent, []);
        if (!Number.isNaN(r.score)) m.get(r.respondent).push(r.score);
      });
      var perGroup = all.map(function (g) {
        // pandas' groupby sorts by respondent: the same order gives the same sums, to the last bit
        var means = [];
        var people = scores.get(g);
        Array.from(people.keys()).sort(pyStrLess).forEach(function (who) {
          var list = people.get(who);
          if (list.length) means.push(sum(list) / list.length);
        });
        return means;
      });
      var counts = perGroup.map(function (v) { return v.length; });
      var mask = suppressionMask(counts, minGroup, privacy);
      all.forEach(function (g, k) {
        var vals = perGroup[k], hide = mask[k];
        var row = { section: section.id, title: section.title, n: counts[k],
          mean: hide || !vals.length ? NaN : mean(vals),
          sd: hide || vals.length < 2 ? NaN : sd(vals),
          suppressed: hide };
        row[by] = g;
        out.push(row);
      });
    });
    return out;
  }

  /* ------------------------------------------------------------ the CSV of `plnlib score` */

  /* {columns, rows}: rows of the same values `plnlib score ID FILE [--by COLUMN]` writes
     (numbers rounded as it rounds them; null for an empty cell). */
  function scoreTable(prepared, checklist, scale, options, data) {
    var by = options.by || null, minGroup = options.minGroup, privacy = data.privacy;
    var digits = data.score_csv.digits, measures = data.score_csv.measures;
    var table, columns;
    if (by) {
      table = breakdown(prepared, checklist, by, minGroup, privacy, options.where);
      columns = data.score_csv.by.map(function (c) { return c === "{by}" ? by : c; });
    } else {
      table = score.teamSummary(prepared, checklist, scale, minGroup, data).sections;
      columns = data.score_csv.team.slice();
    }
    var rows = table.map(function (t) {
      return columns.map(function (c) {
        if (c === "n") return t.suppressed ? null : t.n;
        if (measures.indexOf(c) >= 0) return round(t[c], digits);
        return t[c];
      });
    });
    return { columns: columns, rows: rows, measures: measures.slice() };
  }

  function csvCell(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return String(v);
    var s = String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function floatCell(v) {
    /* pandas writes floats with a decimal point: 3 -> 3.0 */
    if (v === null || v === undefined) return "";
    return Number.isInteger(v) ? v.toFixed(1) : String(v);
  }

  /* CSV text as plnlib writes it (with a byte-order mark for Excel) */
  function scoreCsv(table) {
    var lines = [table.columns.map(csvCell).join(",")];
    table.rows.forEach(function (r) {
      lines.push(r.map(function (v, i) {
        var c = table.columns[i];
        return table.measures.indexOf(c) >= 0 ? floatCell(v) : csvCell(v);
      }).join(","));
    });
    return "\ufeff" + lines.join("\n") + "\n";
  }

  var api = { breakdown: breakdown, scoreTable: scoreTable, scoreCsv: scoreCsv };
  if (inNode) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.groups = api;
  }
})(typeof window !== "undefined" ? window : this);
