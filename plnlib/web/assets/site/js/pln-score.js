/* The PLN Handbook: scoring a team's answers in the page. A port of plnlib
   (plnlib/checklists/scoring.py: prepare_answers, team_summary;
   plnlib/privacy.py: suppression_mask). Groups and the CSV: pln-groups.js. Python is the reference: tests/conformance checks this port
   against it. Scales, checklists and thresholds come from the page's data
   (plnlib/web/tools.py), never typed here. Works in the browser (window.PLN)
   and in node (module.exports). */
(function (root) {
  "use strict";

  /* ------------------------------------------------------------ errors */

  function PlnError(what, where, fix) {
    this.what = String(what).replace(/\.+$/, "");
    this.where = where || "";
    this.fix = fix || "";
    this.message = this.where
      ? this.where + ": " + this.what + "."
      : this.what.charAt(0).toUpperCase() + this.what.slice(1) + ".";
    if (this.fix) this.message += " " + this.fix;
    this.name = "PlnError";
  }
  PlnError.prototype = Object.create(Error.prototype);
  PlnError.prototype.constructor = PlnError;

  function pyRepr(value) {
    /* how Python's repr() shows a string or number in a message */
    if (typeof value === "number") return String(value);
    var s = String(value);
    var q = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
    return q + s.replace(/\\/g, "\\\\").split(q).join("\\" + q) + q;
  }

  /* ------------------------------------------------------------ numbers */

  function mean(values) {
    /* numpy's summation order for short arrays (8 running sums), then divide */
    return sum(values) / values.length;
  }

  function sum(values) {
    var n = values.length, i;
    if (n < 8) {
      var s = 0;
      for (i = 0; i < n; i++) s += values[i];
      return n ? s : 0;
    }
    if (n <= 128) {
      var r = values.slice(0, 8);
      for (i = 8; i < n - (n % 8); i += 8) {
        for (var k = 0; k < 8; k++) r[k] += values[i + k];
      }
      var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) res += values[i];
      return res;
    }
    var half = Math.floor(n / 2);
    half -= half % 8;
    return sum(values.slice(0, half)) + sum(values.slice(half));
  }

  function sd(values) {
    /* standard deviation with ddof=1; NaN below two values */
    var n = values.length;
    if (n < 2) return NaN;
    var m = mean(values);
    var sq = values.map(function (v) { return (v - m) * (v - m); });
    return Math.sqrt(sum(sq) / (n - 1));
  }

  function variance(values) {
    var n = values.length;
    var m = mean(values);
    return sum(values.map(function (v) { return (v - m) * (v - m); })) / (n - 1);
  }

  function round(x, digits) {
    /* numpy's (and pandas') round, as plnlib's CSV uses it: x * 10^d rounded half to even, / 10^d */
    if (x === null || x === undefined || Number.isNaN(x)) return null;
    var f = Math.pow(10, digits);
    var t = x * f;
    var r = Math.round(t);
    if (Math.abs(t - Math.trunc(t)) === 0.5) r = 2 * Math.round(t / 2);
    return r / f;
  }

  function cronbachAlpha(rows) {
    /* rows: respondents x items, no gaps */
    var k = rows.length ? rows[0].length : 0;
    if (k < 2 || rows.length < 2) return NaN;
    var itemVar = 0;
    for (var j = 0; j < k; j++) itemVar += variance(rows.map(function (r) { return r[j]; }));
    var totalVar = variance(rows.map(function (r) { return sum(r); }));
    if (totalVar === 0) return NaN;
    return (k / (k - 1)) * (1 - itemVar / totalVar);
  }

  /* ------------------------------------------------------------ scales */

  /* an answer label ignoring case, accents and spacing (fold_label in plnlib/checklists/columns.py) */
  function fold(text) {
    return String(text).replace(/\u2019/g, "'").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .split(/\s+/).filter(Boolean).join(" ");
  }

  var EMAIL_INSIDE = /[^@\s]+@[^@\s]+\.[^@\s]+/u;

  /* a cell as a message may show it: never an e-mail address (shown_value in plnlib) */
  function shownValue(raw) {
    if (typeof raw === "string" && EMAIL_INSIDE.test(raw)) return "an e-mail address (not shown)";
    return pyRepr(raw);
  }

  function optionsText(scale) {
    var scored = scale.points.map(function (p) { return p.value + " = " + p.label; });
    return scored.concat(scale.missing.map(function (m) { return m[1]; })).join("; ");
  }

  function badAnswer(scale, raw, where) {
    return new PlnError(
      "expected an answer on the scale '" + scale.name + "' (" + optionsText(scale) + "), found " + shownValue(raw),
      where,
      "Use one of the numbers or labels of the scale, or leave the cell empty."
    );
  }

  var FLOAT = /^[+-]?(\d+(_?\d+)*\.?(\d+)?|\.\d+)([eE][+-]?\d+)?$/;

  function checkValue(scale, number, raw, where) {
    for (var i = 0; i < scale.points.length; i++) {
      if (scale.points[i].value === number) return { score: number };
    }
    throw badAnswer(scale, raw, where);
  }

  /* One answer: {score: n}, {missing: code}, or null for blank. Scale.parse in plnlib. */
  function parseAnswer(scale, raw, where) {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === "boolean") throw badAnswer(scale, raw, where);
    if (typeof raw === "number") {
      if (Number.isNaN(raw)) return null;
      return checkValue(scale, raw, raw, where);
    }
    var text = String(raw).split(/\s+/).filter(Boolean).join(" ");
    if (!text) return null;
    var key = Object.prototype.hasOwnProperty.call(scale.accept, fold(text)) ? scale.accept[fold(text)] : null;
    if (key !== null) {
      for (var m = 0; m < scale.missing.length; m++) if (scale.missing[m][0] === key) return { missing: key };
      if (key === "dont_know" || key === "not_applicable") return { missing: key };
      return { score: Number(key) };
    }
    var head = text.split("=")[0].split(" - ")[0].split(":")[0].trim().replace(/,/g, ".");
    if (!FLOAT.test(head)) throw badAnswer(scale, raw, where);
    return checkValue(scale, Number(head.replace(/_/g, "")), raw, where);
  }

  function band(scale, value) {
    if (value === null || value === undefined || Number.isNaN(value)) return null;
    var chosen = null;
    scale.bands.forEach(function (b) { if (value >= b[0] - 1e-9) chosen = b[1]; });
    return chosen;
  }

  /* ------------------------------------------------------------ privacy */

  function checkMinGroup(minGroup, privacy) {
    var floor = privacy.floor_min_group, dflt = privacy.default_min_group;
    if (typeof minGroup !== "number" || !Number.isInteger(minGroup)) {
      throw new PlnError(
        "expected a whole number for the minimum group size, found " + pyRepr(minGroup), "",
        "Use " + dflt + " (the default) or any whole number from " + floor + " up.");
    }
    if (minGroup < floor) {
      throw new PlnError(
        "expected a minimum group size of at least " + floor + ", found " + minGroup, "",
        "Groups this small would identify people; use " + floor + " or more (the default is " + dflt + ").");
    }
    return minGroup;
  }

  /* counts: array of group sizes, in order. Returns an array of booleans (true: hidden). */
  function suppressionMask(counts, minGroup, privacy) {
    checkMinGroup(minGroup, privacy);
    var mask = counts.map(function (c) { return (c || 0) < minGroup; });
    var hidden = counts.filter(function (c, i) { return mask[i] && (c || 0) > 0; }).length;
    if (hidden === 1) {
      var best = -1;
      counts.forEach(function (c, i) {
        if (!mask[i] && (best < 0 || c < counts[best])) best = i;
      });
      if (best >= 0) mask[best] = true;
    }
    return mask;
  }

  /* ------------------------------------------------------------ prepare */

  function rowLabel(row) {
    var parts = ["row " + row._row];
    if (row._column !== undefined && row._column !== null) parts.push("column '" + row._column + "'");
    return parts.join(", ");
  }

  function itemIndex(checklist) {
    var index = {}, ids = [];
    checklist.sections.forEach(function (s) {
      s.items.forEach(function (it) { index[it.id] = s.id; ids.push(it.id); });
    });
    return { sectionOf: index, ids: ids };
  }

  /* answers: {rows: [{respondent, item, value, _row, _column, <group columns>}], groups: [names]}.
     Returns {rows: [{respondent, item, section, score (number or NaN), missing (code or null),
     groups: {name: value}}], groups}. prepare_answers in plnlib. */
  function prepareAnswers(answers, checklist, scale, where) {
    where = where || "answers";
    var rows = answers.rows, groups = answers.groups || [];
    if (!rows.length) {
      throw new PlnError("expected at least one answer, found none", where,
        "Check that the file holds the answers, not only the questions.");
    }
    var idx = itemIndex(checklist);
    var i, r;
    for (i = 0; i < rows.length; i++) {
      r = rows[i];
      if (r.respondent === null || r.respondent === undefined) {
        throw new PlnError("expected a respondent id on every row, found an empty one",
          where + ", " + rowLabel(r), "Give every respondent an id (any code; do not use names).");
      }
    }
    var clean = rows.map(function (row) {
      return row.item === null || row.item === undefined ? "" : String(row.item).trim();
    });
    var bad = [], firstBad = -1;
    clean.forEach(function (id, k) {
      if (!(id in idx.sectionOf) || id === "") {
        if (firstBad < 0) firstBad = k;
        if (id !== "" && bad.indexOf(id) < 0) bad.push(id);
      }
    });
    if (firstBad >= 0) {
      bad.sort();
      throw new PlnError(
        "expected item ids of the checklist '" + checklist.id + "' (" + idx.ids[0] + " to " +
          idx.ids[idx.ids.length - 1] + "), found unknown " + (bad.join(", ") || "empty ids"),
        where + ", " + rowLabel(rows[firstBad]),
        "Check the ids against 'plnlib form " + checklist.id + "', or choose the right checklist.");
    }
    var cache = new Map(), badKeys = [], badRows = new Map();
    var parsedRows = rows.map(function (r, k) {
      var raw = r.value;
      var key = (typeof raw) + ":" + String(raw);
      if (!cache.has(key)) {
        try { cache.set(key, parseAnswer(scale, raw, "")); } catch (err) {
          if (!err || err.name !== "PlnError") throw err;
          cache.set(key, null);
          badKeys.push(key);
          badRows.set(key, { raw: raw, rows: [] });
        }
      }
      if (badRows.has(key)) {
        var hasColumn = rows[k]._column !== undefined && rows[k]._column !== null;
        badRows.get(key).rows.push([hasColumn ? clean[k] : "", String(rows[k]._row)]);
      }
      return cache.get(key);
    });
    if (badKeys.length) throw unknownAnswers(scale, badKeys, badRows, where);
    var seen = new Map();
    var out = [];
    for (i = 0; i < rows.length; i++) {
      r = rows[i];
      var parsed = parsedRows[i];
      var g = {};
      groups.forEach(function (name) { g[name] = r[name] === undefined ? null : r[name]; });
      var respondent = String(r.respondent).trim();
      var dupKey = JSON.stringify([String(r.respondent), String(r.item)].concat(groups.map(function (name) { return g[name]; })));
      if (seen.has(dupKey)) {
        throw new PlnError(
          "expected one answer per respondent and item, found one respondent answering " + clean[i] +
            " twice (" + rowLabel(rows[seen.get(dupKey)]) + " and " + rowLabel(r) + ")",
          where, "Remove the duplicate row or response (a form submitted twice?).");
      }
      seen.set(dupKey, i);
      out.push({
        respondent: respondent,
        item: clean[i],
        section: idx.sectionOf[clean[i]],
        score: parsed && parsed.score !== undefined ? parsed.score : NaN,
        missing: parsed && parsed.missing ? parsed.missing : null,
        groups: g,
      });
    }
    return { rows: out, groups: groups.slice() };
  }

  /* every answer not on the scale, each once with all its rows (unknown_answers_error in plnlib) */
  function unknownAnswers(scale, keys, found, where) {
    var parts = new Map();
    keys.forEach(function (key) {
      var shown = shownValue(found.get(key).raw);
      if (!parts.has(shown)) parts.set(shown, new Map());
      var places = parts.get(shown);
      found.get(key).rows.forEach(function (place) {
        if (!places.has(place[0])) places.set(place[0], []);
        places.get(place[0]).push(place[1]);
      });
    });
    function rowsText(r) { return (r.length === 1 ? "row " : "rows ") + r.join(", "); }
    var listed = Array.from(parts.entries()).map(function (e) {
      var text = Array.from(e[1].entries()).sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; }).map(function (p) { return p[0] ? p[0] + ": " + rowsText(p[1]) : rowsText(p[1]); }).join("; ");
      return e[0] + " (" + text + ")";
    }).join(", ");
    return new PlnError(
      "expected answers on the scale '" + scale.name + "' (" + optionsText(scale) + "), found " + parts.size +
        " other answer" + (parts.size > 1 ? "s" : "") + ": " + listed,
      where,
      "Use one of the numbers or labels of the scale, or leave the cell empty; for labels in another " +
        "language give a label map (plnlib: --labels map.csv).");
  }

  /* the scale also reading a user's labels: [[label, key]] (Scale.with_labels in plnlib) */
  function withLabels(scale, pairs, where) {
    var accept = Object.assign({}, scale.accept);
    pairs.forEach(function (pair) {
      var k = fold(pair[0]);
      if (Object.prototype.hasOwnProperty.call(accept, k) && accept[k] !== pair[1]) {
        throw new PlnError("expected each label to mean one answer, found '" + pair[0] + "' given as " + pair[1] +
          ", but it already means " + accept[k] + " on the scale '" + scale.name + "'", where || "labels",
          "Remove the row or give it the answer the scale already reads.");
      }
      if (!Object.prototype.hasOwnProperty.call(accept, k)) accept[k] = pair[1];
    });
    return Object.assign({}, scale, { accept: accept });
  }

  /* ------------------------------------------------------------ a team */

  /* the scale's answers that give no score, in words (plnlib.checklists.person.missing_words) */
  function missingWords(scale) {
    var labels = (scale.missing || []).map(function (m) { return '"' + m[1] + '"'; });
    return labels.length ? labels.join(" or ") : '"Don\'t know"';
  }

  /* rules: the page data's "team" (plnlib.checklists.team's DISAGREE_SHARE, DISAGREE_SD_OF_RANGE) */
  function disagree(scores, low, high, rules) {
    if (scores.length < 2) return false;
    var mid = (low + high) / 2;
    var shareLow = scores.filter(function (s) { return s < mid; }).length / scores.length;
    var shareHigh = scores.filter(function (s) { return s > mid; }).length / scores.length;
    return shareLow >= rules.disagree_share && shareHigh >= rules.disagree_share &&
      sd(scores) >= rules.disagree_sd_of_range * (high - low);
  }

  /* responses x items, NaN where not scored: a response is a respondent with its group values */
  function answerMatrix(prepared, ids) {
    var rowOf = new Map(), matrix = [], col = {};
    ids.forEach(function (id, j) { col[id] = j; });
    prepared.rows.forEach(function (r) {
      var key = JSON.stringify([r.respondent].concat(prepared.groups.map(function (g) { return r.groups[g]; })));
      if (!rowOf.has(key)) {
        rowOf.set(key, matrix.length);
        matrix.push(ids.map(function () { return NaN; }));
      }
      if (!Number.isNaN(r.score)) matrix[rowOf.get(key)][col[r.item]] = r.score;
    });
    return matrix;
  }

  /* data: the page data (plnlib/web/tools.py), for its "privacy" and "team" rules */
  function teamSummary(prepared, checklist, scale, minGroup, data) {
    var privacy = data.privacy, rules = data.team;
    if (!privacy || !rules) {
      throw new PlnError("expected the page data written by plnlib (with its privacy and team rules), found " +
        Object.keys(data || {}).join(", "), "teamSummary", "Pass the whole page data, not only its privacy part.");
    }
    var notes = rules.alpha_notes;
    checkMinGroup(minGroup, privacy);
    var ids = itemIndex(checklist).ids;
    var people = new Set(prepared.rows.map(function (r) { return r.respondent; }));
    var nResp = people.size;
    var suppressed = nResp < minGroup;
    var matrix = answerMatrix(prepared, ids);
    var dk = {}, na = {};
    ids.forEach(function (id) { dk[id] = 0; na[id] = 0; });
    prepared.rows.forEach(function (r) {
      if (r.missing === "dont_know") dk[r.item] += 1;
      if (r.missing === "not_applicable") na[r.item] += 1;
    });
    var items = [], distribution = [], sections = [];
    var j = 0;
    checklist.sections.forEach(function (section) {
      section.items.forEach(function (item) {
        var col = matrix.map(function (row) { return row[j]; }).filter(function (v) { return !Number.isNaN(v); });
        var n = col.length;
        var hide = suppressed || n < minGroup;
        var shown = !hide && n > 0;
        var row = {
          item: item.id, section: section.id, text: item.text, n: n,
          mean: shown ? mean(col) : NaN,
          sd: shown && n > 1 ? sd(col) : NaN,
          min: shown ? Math.min.apply(null, col) : NaN,
          max: shown ? Math.max.apply(null, col) : NaN,
          spread: shown ? Math.max.apply(null, col) - Math.min.apply(null, col) : NaN,
          dont_know: dk[item.id], not_applicable: na[item.id],
          disagree: hide ? false : disagree(col, scale.low, scale.high, rules),
          suppressed: hide,
        };
        items.push(row);
        scale.points.forEach(function (p) {
          var c = col.filter(function (v) { return v === p.value; }).length;
          distribution.push({
            item: item.id, section: section.id, value: p.value, label: p.label,
            count: hide ? NaN : c,
            share: hide || n === 0 ? NaN : c / n,
          });
        });
        j += 1;
      });
    });
    var start = 0;
    checklist.sections.forEach(function (section) {
      var width = section.items.length;
      var perPerson = [], complete = [];
      matrix.forEach(function (row) {
        var block = row.slice(start, start + width);
        var got = block.filter(function (v) { return !Number.isNaN(v); });
        if (got.length) perPerson.push(sum(got) / got.length);
        if (got.length === width && width > 0) complete.push(block);
      });
      start += width;
      var n = perPerson.length;
      var hide = suppressed || n < minGroup;
      var alpha, note;
      var missingHere = section.items.reduce(function (acc, item) { return acc + dk[item.id] + na[item.id]; }, 0);
      var said = rules.section_notes, shownNote = "";
      if (suppressed) shownNote = said.hidden.replace("{min_group}", minGroup);
      else if (n === 0 && missingHere > 0) shownNote = said.no_score.replace("{missing}", missingWords(scale));
      else if (n === 0) shownNote = said.not_answered;
      else if (n < minGroup) shownNote = said.too_few.replace("{min_group}", minGroup);
      if (width < 2) { alpha = NaN; note = notes.one_item; }
      else if (!suppressed && n === 0 && missingHere > 0) { alpha = NaN; note = notes.no_scores; }
      else if (hide || complete.length < Math.max(minGroup, rules.alpha_min_complete)) { alpha = NaN; note = notes.too_few; }
      else {
        alpha = cronbachAlpha(complete);
        note = Number.isNaN(alpha) ? notes.no_variation : notes.complete.replace("{n}", complete.length);
        if (alpha < rules.alpha_meaningful) { note += notes.low.replace("{threshold}", String(rules.alpha_meaningful)); }
      }
      var m = hide || n === 0 ? NaN : mean(perPerson);
      sections.push({
        section: section.id, title: section.title, n: n, mean: m,
        sd: hide || n < 2 ? NaN : sd(perPerson),
        band: hide ? null : band(scale, m),
        alpha: alpha, alpha_note: note,
        disagreeing_items: items.filter(function (it) { return it.section === section.id && it.disagree; }).length,
        suppressed: hide, note: shownNote,
      });
    });
    return {
      checklist_id: checklist.id, respondents: nResp, min_group: minGroup, suppressed: suppressed,
      items: items, sections: sections, distribution: distribution,
    };
  }

  var api = {
    PlnError: PlnError, parseAnswer: parseAnswer, band: band, round: round, mean: mean, sd: sd,
    cronbachAlpha: cronbachAlpha, checkMinGroup: checkMinGroup, suppressionMask: suppressionMask,
    prepareAnswers: prepareAnswers, teamSummary: teamSummary, disagree: disagree, pyRepr: pyRepr, sum: sum,
    fold: fold, shownValue: shownValue, withLabels: withLabels,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.score = api;
  }
})(typeof window !== "undefined" ? window : this);
