/* The PLN Handbook: the time finder in the page. A port of plnlib.planning.freetimes,
   plnlib.planning.timefinder and plnlib.io.planning.read_availability (checked against
   plnlib in tests/conformance/).
   Day names, aliases and column names come from plnlib, written into the page as JSON.
   Nothing is uploaded: the file is read in this tab, and kept only in this browser's storage
   until "Forget" is pressed. */
(function () {
  "use strict";
  var CFG = null;

  function PlnError(what, where, fix) {
    var text = where ? where + ": " + what + "." : what.charAt(0).toUpperCase() + what.slice(1) + ".";
    this.message = fix ? text + " " + fix : text;
  }

  PlnError.prototype = Object.create(Error.prototype);
  PlnError.prototype.constructor = PlnError;
  PlnError.prototype.name = "PlnError";

  /* CSV text -> {columns, rows: [{column: cell}]} by the shared reader (Papa Parse, as plnlib reads) */
  function parseCSV(text, where) {
    return window.PlnPlanRead.asObjects(window.PLN.read.readCsvText(text, where));
  }

  function squash(s) { return String(s).split(/\s+/).filter(Boolean).join(" "); }
  function canonicalDay(text) {
    var v = squash(text), key = v.toLowerCase().replace(/\.+$/, "");
    return Object.prototype.hasOwnProperty.call(CFG.aliases, key) ? CFG.aliases[key] : v;
  }
  function isWeekday(d) { return CFG.weekdays.indexOf(d) >= 0; }
  function colKey(c) { return squash(String(c).toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ")); }
  function dayOfColumn(col) {
    var m = /\[([^\[\]]+)\]\s*$/.exec(col);
    if (m) { return canonicalDay(m[1]); }
    var found = {};
    (col.match(/[A-Za-z]+/g) || []).forEach(function (w) { var d = canonicalDay(w); if (isWeekday(d)) { found[d] = 1; } });
    var ks = Object.keys(found);
    return ks.length === 1 ? ks[0] : null;
  }

  function findSchool(columns, given, where) {
    if (given) {
      var m = columns.filter(function (c) { return colKey(c) === colKey(given); });
      if (!m.length) { throw new PlnError("expected a column named '" + given + "', found only " + columns.slice(0, 10).join(", "), where, "Give the school column's header exactly as in the first row."); }
      return m[0];
    }
    var exact = columns.filter(function (c) { return ["school", "your school", "school name"].indexOf(colKey(c)) >= 0; });
    if (exact.length === 1) { return exact[0]; }
    var named = columns.filter(function (c) { return colKey(c).split(" ").indexOf("school") >= 0 && c.indexOf("[") < 0; });
    if (named.length === 1) { return named[0]; }
    if (!named.length) { throw new PlnError("expected a column saying which school each member is in (a header with the word 'school'), found none among " + columns.slice(0, 10).join(", "), where, "Add a 'school' column, or name the column."); }
    throw new PlnError("expected one school column, found several: " + named.join(", "), where, "Name the one to use.");
  }
  function findPerson(table) {
    for (var w = 0; w < CFG.person_columns.length; w++) {
      for (var j = 0; j < table.columns.length; j++) {
        var col = table.columns[j];
        if (colKey(col) !== CFG.person_columns[w]) { continue; }
        var vals = table.rows.map(function (r) { return r[col]; }).filter(function (v) { return v !== null; })
          .map(function (v) { return String(v).trim().toLowerCase(); });
        if (vals.length && !vals.every(function (v) { return v === "anonymous"; })) { return col; }
      }
    }
    return null;
  }

  function splitChoices(cell, sep, slots, where) {
    if (cell === null || cell === undefined) { return []; }
    var text = String(cell).trim();
    if (!text) { return []; }
    var pieces = text.split(sep.trim() || sep).map(function (p) { return p.trim(); }).filter(Boolean);
    if (!slots) { return pieces; }
    var known = {};
    slots.forEach(function (s) { known[s.toLowerCase()] = s; });
    var joiner = sep.trim() === "," ? ", " : sep, out = [], i = 0;
    while (i < pieces.length) {
      var hit = false;
      for (var j = pieces.length; j > i; j--) {
        var name = pieces.slice(i, j).join(joiner).toLowerCase();
        if (Object.prototype.hasOwnProperty.call(known, name)) { out.push(known[name]); i = j; hit = true; break; }
      }
      if (!hit) { throw new PlnError("expected one of the grid's slots (" + slots.join(", ") + "), found '" + pieces[i] + "'", where, "Check the slot names you gave against the form, or correct the cell."); }
    }
    return out;
  }

  function tidyFromGrid(table, person, school, sep, slots, where) {
    var dayCols = {}, order = [];
    table.columns.forEach(function (col) {
      if (col === person || col === school) { return; }
      var d = dayOfColumn(col);
      if (d === null) { return; }
      if (dayCols[d]) { throw new PlnError("expected one column per day, found two for " + d + ": '" + dayCols[d] + "' and '" + col + "'", where, "A day may be spelled two ways (Mon and Monday); merge or delete one column."); }
      dayCols[d] = col; order.push(d);
    });
    if (!order.length) { throw new PlnError("expected one column per day, headed like 'When are you free? [Monday]' or naming a weekday, found none among " + table.columns.slice(0, 8).join(", "), where, "Export the form's answers again, or give a tidy CSV with columns person,school,day,slot."); }
    var rows = [];
    table.rows.forEach(function (rec, i) {
      var line = i + 2, who = person ? rec[person] : null;
      who = who === null || who === undefined || !String(who).trim() ? "row " + line : String(who).trim();
      var sch = rec[school];
      if (sch === null || !String(sch).trim()) { throw new PlnError("expected a school in every row, found an empty cell", where + ", row " + line + ", column '" + school + "'", "Fill in the school, or delete the row if it is a test answer."); }
      sch = String(sch).trim();
      var chosen = [];
      order.forEach(function (d) {
        splitChoices(rec[dayCols[d]], sep, slots, where + ", row " + line + ", column '" + dayCols[d] + "'").forEach(function (s) { chosen.push([d, s]); });
      });
      if (!chosen.length) { rows.push([who, sch, "", ""]); }
      chosen.forEach(function (c) { rows.push([who, sch, c[0], c[1]]); });
    });
    return rows;
  }

  function fromTidy(rows, slots, where) {
    rows = rows.map(function (r) { return r.map(function (x) { return x === null || x === undefined ? "" : String(x).trim(); }); });
    var spell = {};
    rows.forEach(function (r) { if (r[2]) { var d = canonicalDay(r[2]); (spell[d] = spell[d] || {})[r[2]] = 1; } });
    Object.keys(spell).forEach(function (d) {
      var names = Object.keys(spell[d]).sort();
      if (names.length > 1) { throw new PlnError("expected each day spelled one way, found " + d + " spelled " + names.map(function (n) { return "'" + n + "'"; }).join(" and "), where, "Use one spelling for each day throughout the file."); }
    });
    rows.forEach(function (r) { if (r[2]) { r[2] = canonicalDay(r[2]); } });
    var at = function (i) { return where ? where + ", row " + (i + 2) : "row " + (i + 2); };
    rows.forEach(function (r, i) {
      if (!r[0]) { throw new PlnError("expected a person (name or code) in every row, found an empty cell", at(i), "Fill in the person, or delete the row."); }
      if (!r[1]) { throw new PlnError("expected a school in every row, found an empty cell", at(i), "Fill in the school, or delete the row."); }
      if (!r[2] !== !r[3]) { throw new PlnError("expected a day and a slot together (or both empty for someone free at no time), found only one", at(i), "Fill in the missing day or slot."); }
    });
    if (slots) {
      var known = {};
      slots.forEach(function (s) { known[s.toLowerCase()] = s; });
      rows.forEach(function (r, i) {
        if (r[3] && !Object.prototype.hasOwnProperty.call(known, r[3].toLowerCase())) { throw new PlnError("expected one of the slots " + slots.join(", ") + ", found '" + r[3] + "'", at(i) + ", column slot", "Correct the slot, or add it to the list of slots."); }
        if (r[3]) { r[3] = known[r[3].toLowerCase()]; }
      });
    }
    var members = new Map();
    rows.forEach(function (r) { members.set(r[0], r[1]); });
    var free = [], seen = {};
    rows.forEach(function (r) {
      if (!r[2]) { return; }
      var key = JSON.stringify([r[0], members.get(r[0]), r[2], r[3]]);
      if (!seen[key]) { seen[key] = 1; free.push([r[0], members.get(r[0]), r[2], r[3]]); }
    });
    if (!free.length) { throw new PlnError("expected at least one day and slot someone is free, found none (every answer is blank)", where, "Check that the export holds the answers, or that people answered the question."); }
    var uniq = function (xs) { return xs.filter(function (x, i) { return x && xs.indexOf(x) === i; }); };
    var daysSeen = uniq(rows.map(function (r) { return r[2]; }));
    var days = CFG.weekdays.filter(function (d) { return daysSeen.indexOf(d) >= 0; })
      .concat(daysSeen.filter(function (d) { return !isWeekday(d); }));
    var schools = uniq(Array.from(members.values()));
    return { free: free, days: days, slots: slots || uniq(rows.map(function (r) { return r[3]; })), members: members, schools: schools };
  }

  function availability(data) {
    var n = data.members.size, out = [];
    data.days.forEach(function (day, di) {
      data.slots.forEach(function (slot, si) {
        var people = {}, present = {};
        data.free.forEach(function (f) { if (f[2] === day && f[3] === slot) { people[f[0]] = 1; present[data.members.get(f[0])] = 1; } });
        var k = Object.keys(people).length;
        out.push({ day: day, slot: slot, available: k, members: n,
          share: n ? Math.round(k / n * 10000) / 10000 : 0, schools: Object.keys(present).length,
          of_schools: data.schools.length,
          missing_schools: data.schools.filter(function (s) { return !present[s]; }).join("; "), _order: di * 1000 + si });
      });
    });
    out.sort(function (a, b) { return b.schools - a.schools || b.available - a.available || a._order - b._order; });
    out.forEach(function (r, i) { r.rank = i + 1; delete r._order; });
    return out;
  }

  function keyOf(columns) { var o = {}; columns.forEach(function (c) { o[colKey(c)] = c; }); return o; }

  /* Read a CSV text, a table or a saved JSON document the way plnlib.io.planning.read_availability does. */
  function analyse(input, options) {
    options = options || {};
    var where = options.name || "the file", slots = options.slots && options.slots.length ? options.slots : null, data;
    var table = typeof input === "string" ? null : input;
    if (!table) {
      var trimmed = input.replace(/^\ufeff/, "").trim();
      if (trimmed.charAt(0) === "{") {
        var doc;
        try { doc = JSON.parse(trimmed); } catch (e) { throw new PlnError("expected JSON saved by the time finder, found text that is not JSON", where, "Choose the .json file you saved."); }
        if (doc.format !== CFG.json_format) { throw new PlnError('expected a file with "format": "' + CFG.json_format + '", found something else', where, "Choose the .json file you saved from the time finder."); }
        data = fromTidy(doc.rows, doc.slots || slots, where);
        return { data: data, table: availability(data) };
      }
      table = parseCSV(input, where);
    }
    var keys = keyOf(table.columns);
    if (keys.person && keys.day && keys.slot) {
      var sc = findSchool(table.columns, options.school, where);
      data = fromTidy(table.rows.map(function (r) { return [r[keys.person], r[sc], r[keys.day], r[keys.slot]]; }), slots, where);
    } else {
      var school = findSchool(table.columns, options.school, where), person = findPerson(table), sep = ", ";
      table.rows.forEach(function (r) { table.columns.forEach(function (c) { if (c !== school && c !== person && r[c] !== null && String(r[c]).indexOf(";") >= 0) { sep = ";"; } }); });
      data = fromTidy(tidyFromGrid(table, person, school, sep, slots, where), slots, where);
    }
    return { data: data, table: availability(data) };
  }

  /* a file's bytes (CSV in any encoding plnlib reads, .xlsx, or saved .json) -> Promise of analyse() */
  function analyseBytes(bytes, options, vendor) {
    var name = (options && options.name) || "the file";
    return window.PlnPlanRead.readBytes(bytes, name, vendor).then(function (got) {
      return analyse(got.json !== undefined ? got.json : got.table, options);
    });
  }

  function toJSON(result) {
    var rows = [];
    result.data.members.forEach(function (school, person) {
      var mine = result.data.free.filter(function (f) { return f[0] === person; });
      if (!mine.length) { rows.push([person, school, "", ""]); }
      mine.forEach(function (f) { rows.push([f[0], f[1], f[2], f[3]]); });
    });
    return { format: CFG.json_format, version: 1, slots: result.data.slots, rows: rows };
  }

  /* ---------- the page ---------- */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function tableOf(caption, head, rows) {
    var t = el("table"), thead = el("thead"), tr = el("tr"), tb = el("tbody");
    t.appendChild(el("caption", {}, caption));
    head.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    thead.appendChild(tr); t.appendChild(thead);
    rows.forEach(function (r) {
      var row = el("tr");
      r.forEach(function (c, i) { row.appendChild(el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}, String(c))); });
      tb.appendChild(row);
    });
    t.appendChild(tb);
    var wrap = el("div", { "class": "pln-table-wrap" }); wrap.appendChild(t);
    return wrap;
  }
  function render(box, result) {
    var out = box.querySelector(".pln-tf-results"), t = result.table, d = result.data;
    out.innerHTML = "";
    out.appendChild(el("p", {}, d.members.size + " members in " + d.schools.length + " schools; " + d.days.length + " days and " + d.slots.length + " slots. Best first: most schools with someone free, then most members free."));
    out.appendChild(tableOf("The best times to meet", ["Rank", "Day", "Slot", "Members free", "Schools with someone free", "Schools with nobody free"],
      t.slice(0, 10).map(function (r) { return [r.rank, r.day, r.slot, r.available + " of " + r.members, r.schools + " of " + r.of_schools, r.missing_schools || "none"]; })));
    var grid = d.days.map(function (day) {
      return [day].concat(d.slots.map(function (slot) { return t.filter(function (r) { return r.day === day && r.slot === slot; })[0].available; }));
    });
    var heat = tableOf("Members free at each day (rows) and slot (columns)", ["Day"].concat(d.slots), grid);
    var max = Math.max.apply(null, t.map(function (r) { return r.available; })) || 1;
    heat.querySelectorAll("td").forEach(function (td) {
      var v = Number(td.textContent);
      td.style.background = "rgba(0, 114, 178, " + (0.08 + 0.8 * v / max).toFixed(2) + ")";
      if (v / max > 0.55) { td.style.color = "#fff"; }
    });
    out.appendChild(heat);
  }

  function setup(box) {
    var status = box.querySelector(".pln-tf-status"), file = box.querySelector(".pln-tf-file"),
      slotsInput = box.querySelector(".pln-tf-slots"), schoolInput = box.querySelector(".pln-tf-school"),
      last = null, store = "pln-timefinder";
    function say(text, bad) { status.textContent = text; status.classList.toggle("pln-error", !!bad); }
    function opts(name) {
      var slots = slotsInput.value.split("|").map(function (s) { return s.trim(); }).filter(Boolean);
      return { name: name, slots: slots, school: schoolInput.value.trim() || null };
    }
    function show(result, name) {
      last = result; render(box, last);
      try { localStorage.setItem(store, JSON.stringify(toJSON(last))); } catch (e) { /* storage full or off */ }
      say("Read " + name + ". The results are below; the data stay in this browser.");
    }
    function fail(err) { if (!(err && err.name === "PlnError")) { throw err; } say(err.message, true); }
    function run(text, name) { try { show(analyse(text, opts(name)), name); } catch (err) { fail(err); } }
    file.addEventListener("change", function () {
      var f = file.files[0];
      if (!f) { return; }
      say("Reading " + f.name + " in this page...");
      f.arrayBuffer().then(function (buf) { return analyseBytes(new Uint8Array(buf), opts(f.name), box.dataset.vendor); })
        .then(function (r) { show(r, f.name); }, fail);
    });
    box.querySelector(".pln-tf-save").addEventListener("click", function () {
      if (!last) { say("Nothing to save yet: choose a file first.", true); return; }
      var blob = new Blob([JSON.stringify(toJSON(last), null, 2) + "\n"], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob); a.download = "free-times.json";
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    window.PlnAsk.askFirst(box.querySelector(".pln-confirm"), box.querySelector(".pln-tf-forget"),
      "Forget the free times kept in this browser? This cannot be undone (a saved file is not affected).",
      function () {
        try { localStorage.removeItem(store); } catch (e) { /* ignore */ }
        last = null; box.querySelector(".pln-tf-results").innerHTML = ""; say("Forgotten: nothing is kept in this browser.");
      }, say);
    var saved = null;
    try { saved = localStorage.getItem(store); } catch (e) { saved = null; }
    if (saved) { run(saved, "the data kept in this browser"); }
  }

  function init() {
    var cfg = document.querySelector("script.pln-tf-data");
    if (!cfg) { return; }
    CFG = JSON.parse(cfg.textContent);
    document.querySelectorAll(".pln-timefinder").forEach(setup);
  }
  window.PlnTimeFinder = { analyse: analyse, analyseBytes: analyseBytes, toJSON: toJSON, parseCSV: parseCSV, init: init,
    PlnError: PlnError, configure: function (c) { CFG = c; } };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
